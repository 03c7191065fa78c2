use super::*;
use crate::gaps::GapReport;
use crate::gaps::viability::*;
use crate::i18n::{Language, Messages};
use crate::model::{Amount, Per};

fn answer(c: &mut Canvas, block: BlockId, question: &str, text: &str) {
    c.block_mut(block).answers.insert(question.into(), text.into());
}

fn euros(value: f64, per: Per, volume: Option<f64>) -> Option<Amount> {
    Some(Amount {
        value,
        currency: Some("EUR".into()),
        per: Some(per),
        volume,
    })
}

#[test]
fn the_main_revenue_stream_needs_a_price() {
    let unpriced = |c: &mut Canvas| {
        c.block_mut(BlockId::RevenueStreams).items[0].text = "Monthly subscription".into();
    };
    let found = fires_after(&[&REVENUE_WITHOUT_PRICE], unpriced);
    assert_eq!(
        found,
        [(&REVENUE_WITHOUT_PRICE, BlockId::RevenueStreams, s("rs1"))]
    );
    // The office plan has no price either, but brings in a quarter only.
    let priced_in_answers = fires_after(&[&REVENUE_WITHOUT_PRICE], |c| {
        unpriced(c);
        answer(
            c,
            BlockId::RevenueStreams,
            "prefer_to_pay",
            "The subscription: 29 EUR a month.",
        );
    });
    assert_eq!(priced_in_answers, []);
    let priced_in_a_channel = fires_after(&[&REVENUE_WITHOUT_PRICE], |c| {
        c.block_mut(BlockId::RevenueStreams).items[0].text = "Monthly coffee subscription".into();
        answer(
            c,
            BlockId::Channels,
            "purchase",
            "Coffee subscriptions at 29 EUR a month in the web shop.",
        );
    });
    assert_eq!(priced_in_a_channel, []);
    let competitors_price = fires_after(&[&REVENUE_WITHOUT_PRICE], |c| {
        unpriced(c);
        answer(
            c,
            BlockId::RevenueStreams,
            "currently_pay",
            "Cafés charge 3.50 EUR a cup.",
        );
    });
    assert_eq!(
        competitors_price.len(),
        1,
        "what customers pay elsewhere is no price of ours"
    );
}

#[test]
fn costs_above_the_most_revenue_stated_fire_and_name_both_figures() {
    let priced = |c: &mut Canvas, subscribers: f64| {
        let streams = &mut c.block_mut(BlockId::RevenueStreams).items;
        streams[0].amount = euros(29.0, Per::Month, Some(subscribers));
        streams[1].amount = euros(90.0, Per::Month, Some(20.0));
        c.block_mut(BlockId::CostStructure).items[2].amount = euros(6000.0, Per::Month, None);
    };
    let found = fires_after(&[&COSTS_ABOVE_REVENUE], |c| priced(c, 100.0));
    assert_eq!(found, [(&COSTS_ABOVE_REVENUE, BlockId::CostStructure, None)]);
    let mut c = complete();
    priced(&mut c, 100.0);
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    let gap = report
        .gaps
        .iter()
        .find(|g| g.rule == COSTS_ABOVE_REVENUE.id)
        .unwrap();
    assert!(
        gap.message.contains("72,000 EUR a year") && gap.message.contains("56,400 EUR a year"),
        "{}",
        gap.message
    );
    let enough = fires_after(&[&COSTS_ABOVE_REVENUE], |c| priced(c, 200.0));
    assert_eq!(enough, [], "69,600 + 21,600 EUR cover 72,000 EUR");
}

#[test]
fn a_price_without_a_volume_is_no_yearly_revenue() {
    // 29 EUR a month and costs of 6,000 EUR a month: without subscribers, no comparison.
    let found = fires_after(&[&COSTS_ABOVE_REVENUE], |c| {
        c.block_mut(BlockId::CostStructure).items[2].amount = euros(6000.0, Per::Month, None);
    });
    assert_eq!(found, []);
    // With the subscribers named in the segments' answers, there is one.
    let named = fires_after(&[&COSTS_ABOVE_REVENUE], |c| {
        c.block_mut(BlockId::CostStructure).items[2].amount = euros(6000.0, Per::Month, None);
        c.block_mut(BlockId::RevenueStreams).items[1].amount = euros(90.0, Per::Month, Some(20.0));
        answer(
            c,
            BlockId::CustomerSegments,
            "most_important",
            "About 120 subscribers in Leipzig.",
        );
    });
    assert_eq!(named.len(), 1, "120 × 29 × 12 + 21,600 < 72,000");
}

#[test]
fn revenue_shares_must_add_up_to_about_a_hundred() {
    let contribution =
        |text: &'static str| move |c: &mut Canvas| answer(c, BlockId::RevenueStreams, "contribution", text);
    let found = fires_after(
        &[&SHARES_NOT_ADDING_UP],
        contribution("Subscriptions about 75 %, office plans about 45 %."),
    );
    assert_eq!(found, [(&SHARES_NOT_ADDING_UP, BlockId::RevenueStreams, None)]);
    for adds_up in [
        "Subscriptions 72 %, office plans 30 %.",
        "Subscriptions 75 % of revenue, of which 20 % on yearly plans; office plans 25 %.",
    ] {
        assert_eq!(
            fires_after(&[&SHARES_NOT_ADDING_UP], contribution(adds_up)),
            [],
            "{adds_up}"
        );
    }
}

#[test]
fn a_payment_promised_to_a_partner_needs_a_cost() {
    let promised = |c: &mut Canvas| {
        c.block_mut(BlockId::KeyPartners).items[1].text =
            "Postal service, paid a commission per parcel".into();
        c.block_mut(BlockId::CostStructure).items[1].links = vec!["ka2".into()];
    };
    let found = fires_after(&[&PARTNER_PAYMENT_WITHOUT_COST], promised);
    assert_eq!(
        found,
        [(&PARTNER_PAYMENT_WITHOUT_COST, BlockId::CostStructure, s("kp2"))]
    );
    let covered = fires_after(&[&PARTNER_PAYMENT_WITHOUT_COST], |c| {
        promised(c);
        c.block_mut(BlockId::CostStructure).items[1].text = "Shipping and parcel commissions".into();
    });
    assert_eq!(covered, []);
}
