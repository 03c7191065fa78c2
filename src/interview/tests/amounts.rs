//! Amounts of revenue and cost items: changed from the item menu, read as people write them;
//! Enter keeps the amount shown, clearing it removes it and Esc changes nothing.

use super::*;
use crate::model::{Amount, Per};

/// Enter on every answer of `block`, with `actions` in its items menu first.
fn in_items_menu(s: &Setup, block: BlockId, actions: Vec<Answer>) -> Vec<Answer> {
    let mut script = s.keep_answers(block);
    let menu = script
        .iter()
        .position(|a| matches!(a, Choose("Done with the items")))
        .unwrap();
    script.splice(menu..menu, actions);
    script
}

#[test]
fn an_amount_is_read_as_written_asked_again_when_there_is_none_and_enter_skips_the_volume() {
    let s = Setup::new();
    let mut canvas = brew_box();
    let script = in_items_menu(
        &s,
        BlockId::RevenueStreams,
        vec![
            Choose("(rs1)"),
            Choose("Change its amount"),
            Text("soon"),
            Text("€29/Monat"),
            Text("400"),
            Choose("(rs2)"),
            Choose("Change its amount"),
            Text("90 EUR a month"),
            Text(""),
        ],
    );
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
fn enter_keeps_an_amount_clearing_removes_it_and_esc_changes_nothing() {
    let s = Setup::new();
    let mut canvas = brew_box();
    let kept = Amount {
        value: 4000.0,
        ..Amount::default()
    };
    let costs = &mut canvas.block_mut(BlockId::CostStructure).items;
    costs[0].amount = Some(kept.clone());
    costs[1].amount = Some(kept.clone());
    costs[2].amount = Some(kept);
    let script = in_items_menu(
        &s,
        BlockId::CostStructure,
        vec![
            Choose("(co1)"),
            Choose("Change its amount"),
            Keep,
            Text("1 200"),
            Choose("(co2)"),
            Choose("Change its amount"),
            Text(""),
            Choose("(co3)"),
            Choose("Change its amount"),
            Back,
        ],
    );
    let prompter = s.revise_block(&mut canvas, BlockId::CostStructure, script);
    assert!(prompter.is_done());
    let costs = &canvas.block(BlockId::CostStructure).items;
    assert_eq!(
        costs[0].amount.as_ref().map(|a| (a.value, a.volume)),
        Some((4000.0, Some(1200.0))),
        "Enter keeps the amount shown"
    );
    assert_eq!(costs[1].amount, None);
    assert_eq!(costs[2].amount.as_ref().map(|a| a.value), Some(4000.0));
}
