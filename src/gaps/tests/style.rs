use super::*;
use crate::gaps::style::*;
use crate::gaps::{GapReport, Severity};
use crate::i18n::Messages;

#[test]
fn an_orientation_that_pulls_against_the_offer_is_a_suggestion() {
    let orient = |c: &mut Canvas, o: &str| {
        c.block_mut(BlockId::CostStructure)
            .categories
            .insert("orientation".into(), vec![o.into()]);
    };
    let characterise = |c: &mut Canvas, ch: &str| {
        let vp1 = &mut c.block_mut(BlockId::ValuePropositions).items[0];
        vp1.categories.insert("characteristics".into(), vec![ch.into()]);
    };
    let cheap_offer_premium_costs = fires_after(&[&COST_ORIENTATION_TENSION], |c| {
        orient(c, "value_driven");
        characterise(c, "price");
    });
    assert_eq!(
        cheap_offer_premium_costs,
        [(&COST_ORIENTATION_TENSION, BlockId::CostStructure, s("vp1"))]
    );
    let new_offer_lean_costs = fires_after(&[&COST_ORIENTATION_TENSION], |c| {
        orient(c, "cost_driven");
        characterise(c, "newness");
    });
    assert_eq!(new_offer_lean_costs.len(), 1);
    assert_eq!(COST_ORIENTATION_TENSION.severity, Severity::Suggestion);
    let aligned = fires_after(&[&COST_ORIENTATION_TENSION], |c| {
        orient(c, "cost_driven");
        characterise(c, "price");
    });
    assert_eq!(aligned, []);
    // Lowering the customer's costs is a benefit, not a low price.
    let customer_saves = fires_after(&[&COST_ORIENTATION_TENSION], |c| {
        orient(c, "value_driven");
        characterise(c, "cost_reduction");
    });
    assert_eq!(customer_saves, []);
    // The cheap bait of a bait-and-hook model is paid for by the hook.
    let bait = fires_after(&[&COST_ORIENTATION_TENSION], |c| {
        orient(c, "value_driven");
        characterise(c, "price");
        c.block_mut(BlockId::RevenueStreams).items[0]
            .categories
            .insert("revenue_types".into(), vec!["bait_and_hook".into()]);
    });
    assert_eq!(bait, []);
}

#[test]
fn one_or_two_word_answers_are_thin_only_where_the_question_asks_why_or_how() {
    let found = fires_after(&[&THIN_ANSWER], |c| {
        let channels = c.block_mut(BlockId::Channels);
        channels.answers.insert("integration".into(), "Seamlessly".into());
        channels.answers.insert("purchase".into(), "Web shop".into());
        let revenue = c.block_mut(BlockId::RevenueStreams);
        revenue.answers.insert("paying_now".into(), "By card".into());
    });
    assert_eq!(
        found,
        [(&THIN_ANSWER, BlockId::Channels, None)],
        "“Web shop” and “By card” answer what they are asked"
    );
    let mut c = complete();
    c.block_mut(BlockId::Channels)
        .answers
        .insert("integration".into(), "Seamlessly".into());
    let report = GapReport::new(&c, bank(), Messages::get(crate::i18n::Language::En));
    assert_eq!(
        report.gaps[0].message,
        "“Seamlessly” is a thin answer to: How are our channels integrated?"
    );
    assert_eq!(report.score, 99, "a small matter costs one point");
    assert_eq!(report.next_steps(), [], "and is never a next step");
}
