//! The score of a canvas: how complete it is and how few inconsistencies its findings show.

use super::{Finding, Severity};
use crate::bank::Bank;
use crate::model::{Block, BlockId, Canvas};

/// Completeness (70 points) is the share of open slots filled: each guiding question, each
/// category group, and each block's items counting as three. Consistency (30 points) loses 5 per
/// inconsistency and 1 per suggestion. A complete, consistent canvas scores 100.
pub fn score(canvas: &Canvas, bank: &Bank, findings: &[Finding]) -> u8 {
    const ITEMS_WEIGHT: usize = 3;
    let mut slots = 0;
    let mut filled = 0;
    for block in BlockId::ALL {
        let (asked, written) = (bank.block(block), canvas.block(block));
        slots += asked.questions.len() + asked.groups.len() + ITEMS_WEIGHT;
        filled += asked
            .questions
            .iter()
            .filter(|q| written.answer(q.id()).is_some())
            .count();
        filled += asked
            .groups
            .iter()
            .filter(|g| has_choice(written, g.id()))
            .count();
        if !written.items.is_empty() {
            filled += ITEMS_WEIGHT;
        }
    }
    let penalty: usize = findings
        .iter()
        .map(|f| match f.rule.severity {
            Severity::Inconsistent => 5,
            Severity::Suggestion => 1,
            Severity::Missing => 0,
        })
        .sum();
    let completeness = 70.0 * filled as f64 / slots as f64;
    let consistency = 30usize.saturating_sub(penalty) as f64;
    (completeness + consistency).round() as u8
}

/// Whether a group has a choice in the block or on any of its items.
fn has_choice(block: &Block, group: &str) -> bool {
    !block.chosen(group).is_empty()
        || block
            .items
            .iter()
            .any(|i| i.categories.get(group).is_some_and(|c| !c.is_empty()))
}
