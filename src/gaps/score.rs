//! The score of a canvas: how complete it is, and how far its faults pull it down.

use super::Finding;
use super::rule::Impact;
use crate::bank::Bank;
use crate::model::{Block, BlockId, Canvas};

/// Points for a complete canvas; the rest of the 100 are for having no faults.
const COMPLETENESS: f64 = 60.0;
/// Points for a canvas without faults.
const SOUNDNESS: usize = 40;
/// Questions worth asking and small matters together cost at most this much, so that a sound
/// canvas with a few of them still scores above any canvas with a fault.
const REMARKS_AT_MOST: usize = 8;

/// 60 × the share of the canvas filled in, plus 40 less the penalties: 15 for each money
/// problem, 12 for each inconsistency, and 3 for each question worth asking and 1 for each small
/// matter, those two together at most 8. A complete, consistent canvas scores 92 or more; one
/// with a fault, 88 or less.
pub fn score(canvas: &Canvas, bank: &Bank, findings: &[Finding]) -> u8 {
    let (mut faults, mut remarks) = (0, 0);
    for finding in findings {
        let impact = finding.rule.impact;
        match impact {
            Impact::Viability | Impact::Consistency => faults += impact.penalty(),
            _ => remarks += impact.penalty(),
        }
    }
    let penalty = faults + remarks.min(REMARKS_AT_MOST);
    let soundness = SOUNDNESS.saturating_sub(penalty) as f64;
    (COMPLETENESS * completeness(canvas, bank) + soundness).round() as u8
}

/// The share of the canvas filled in, from 0 to 1. Each guiding question and each category group
/// is one slot and each block's items three; a group asked per item is filled by the share of
/// the items that have a choice in it, so a choice missing on one item still counts.
fn completeness(canvas: &Canvas, bank: &Bank) -> f64 {
    const ITEMS_WEIGHT: f64 = 3.0;
    let mut slots = 0.0;
    let mut filled = 0.0;
    for block in BlockId::ALL {
        let (asked, written) = (bank.block(block), canvas.block(block));
        slots += (asked.questions.len() + asked.groups.len()) as f64 + ITEMS_WEIGHT;
        filled += asked
            .questions
            .iter()
            .filter(|q| written.answer(q.id()).is_some())
            .count() as f64;
        for group in &asked.groups {
            filled += match group.per_item {
                true => share_chosen(written, group.id()),
                false => f64::from(u8::from(!written.chosen(group.id()).is_empty())),
            };
        }
        if !written.items.is_empty() {
            filled += ITEMS_WEIGHT;
        }
    }
    filled / slots
}

/// The share of a block's items with a choice in a group, their own or the block's; without
/// items, whether the block has one.
fn share_chosen(block: &Block, group: &str) -> f64 {
    if block.items.is_empty() {
        return f64::from(u8::from(!block.chosen(group).is_empty()));
    }
    let chosen = block
        .items
        .iter()
        .filter(|item| !block.chosen_for(item, group).is_empty())
        .count();
    chosen as f64 / block.items.len() as f64
}
