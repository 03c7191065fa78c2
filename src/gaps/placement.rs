//! Wording and placement rules, suggestions phrased as the question a coach would ask: a segment
//! of everybody, a value proposition that names only a technology or feature, and items that
//! read like another block's. The words come from the bank's word lists.

use super::Severity::Suggestion;
use super::lookup::items;
use super::rule::{Impact, PointsTo, Rule, Spot};
use crate::bank::{Bank, Tokens};
use crate::model::{BlockId, Canvas};

/// A segment of everyone, or of a generic noun alone ("customers").
pub static CATCH_ALL_SEGMENT: Rule = Rule {
    id: "catch_all_segment",
    severity: Suggestion,
    impact: Impact::Review,
    detect: catch_all_segments,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// A value proposition that names a technology or feature and no benefit.
pub static FEATURE_NOT_BENEFIT: Rule = Rule {
    id: "feature_not_benefit",
    severity: Suggestion,
    impact: Impact::Review,
    detect: features_not_benefits,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// An item whose words belong to another block: a website among relationships, rent or a
/// supplier among resources.
pub static ITEM_IN_WRONG_BLOCK: Rule = Rule {
    id: "item_in_wrong_block",
    severity: Suggestion,
    impact: Impact::Review,
    detect: items_in_wrong_block,
    points_to: PointsTo::Nothing,
    walk: None,
};

fn catch_all_segments(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let words = &bank.words;
    items(canvas, BlockId::CustomerSegments)
        .iter()
        .filter(|segment| {
            let tokens = Tokens::of(&segment.text);
            let generic = !tokens.0.is_empty() && tokens.0.iter().all(|w| words.generic_segment.has_word(w));
            words.catch_all.in_tokens(&tokens) || generic
        })
        .map(|segment| Spot::new(BlockId::CustomerSegments).item(&segment.id))
        .collect()
}

fn features_not_benefits(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let words = &bank.words;
    items(canvas, BlockId::ValuePropositions)
        .iter()
        .filter(|vp| {
            let tokens = Tokens::of(&vp.text);
            words.technology.in_tokens(&tokens) && !words.benefit.in_tokens(&tokens)
        })
        .map(|vp| Spot::new(BlockId::ValuePropositions).item(&vp.id))
        .collect()
}

/// Each item at its place among all items, with the block its words belong in.
fn items_in_wrong_block(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let misplaced = &bank.words.misplaced;
    canvas
        .items()
        .enumerate()
        .filter(|(_, (block, _))| misplaced.iter().any(|m| m.found_in == *block))
        .filter_map(|(step, (block, item))| {
            let tokens = Tokens::of(&item.text);
            let belongs = misplaced
                .iter()
                .find(|m| m.found_in == block && m.words.in_tokens(&tokens))?;
            Some(
                Spot::new(block)
                    .item(&item.id)
                    .subject(belongs.belongs_in.key())
                    .step(step),
            )
        })
        .collect()
}
