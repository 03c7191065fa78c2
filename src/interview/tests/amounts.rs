//! Amounts of revenue and cost items: asked after the status, read as people write them, and
//! changed from the item menu; Enter skips.

use super::*;
use crate::model::{Amount, Per};

#[test]
fn an_amount_is_read_as_written_asked_again_when_there_is_none_and_enter_skips_the_volume() {
    let s = Setup::new();
    let mut canvas = brew_box();
    let mut script = s.keep_answers(BlockId::RevenueStreams);
    script.extend([
        Choose("(rs1)"),
        Choose("Change its amount"),
        Text("soon"),
        Text("€29/Monat"),
        Text("400"),
        Choose("(rs2)"),
        Choose("Change its amount"),
        Text("90 EUR a month"),
        Text(""),
        Choose("Done with the items"),
        Choose("Finish and save"),
    ]);
    let prompter = s.revise_block(&mut canvas, BlockId::RevenueStreams, script);
    assert!(prompter.is_done());
    let streams = &canvas.block(BlockId::RevenueStreams).items;
    let amount = |value: f64, per: Per, volume: Option<f64>| Amount {
        value,
        currency: Some("EUR".into()),
        per: Some(per),
        volume,
    };
    assert_eq!(streams[0].amount, Some(amount(29.0, Per::Month, Some(400.0))));
    assert_eq!(streams[1].amount, Some(amount(90.0, Per::Month, None)));
    let asked_again = prompter
        .transcript
        .iter()
        .filter(|l| l.contains("No amount found in “soon”"))
        .count();
    assert_eq!(asked_again, 1);
}

#[test]
fn a_new_cost_item_is_asked_its_amount_and_clearing_one_removes_it() {
    let s = Setup::new();
    let mut canvas = brew_box();
    canvas.block_mut(BlockId::CostStructure).items[0].amount = Some(Amount {
        value: 4000.0,
        ..Amount::default()
    });
    let mut script = s.keep_answers(BlockId::CostStructure);
    script.extend([
        Choose("(co1)"),
        Choose("Change its amount"),
        Keep,
        Text("1 200"),
        Choose("(co2)"),
        Choose("Change its amount"),
        Text(""),
        Choose("Add new items"),
        Text("Packaging"),
        Ticks(&[0]),
        Choose("assumption: not tested yet"),
        Text("70 USD a unit"),
        Text("5,000 a year"),
        Text(""),
        Choose("Done with the items"),
        Choose("Finish and save"),
    ]);
    let prompter = s.revise_block(&mut canvas, BlockId::CostStructure, script);
    assert!(prompter.is_done());
    let costs = &canvas.block(BlockId::CostStructure).items;
    assert_eq!(
        costs[0].amount.as_ref().map(|a| (a.value, a.volume)),
        Some((4000.0, Some(1200.0))),
        "Enter keeps the amount shown"
    );
    assert_eq!(costs[1].amount, None);
    let packaging = costs.last().unwrap();
    assert_eq!(packaging.text, "Packaging");
    assert_eq!(
        packaging.amount,
        Some(Amount {
            value: 70.0,
            currency: Some("USD".into()),
            per: Some(Per::Unit),
            volume: Some(5000.0),
        })
    );
}
