//! What the detection functions ask of a canvas: a block's items, which ids link where, and
//! which texts name what.

use std::collections::HashSet;

use crate::bank::Tokens;
use crate::model::{BlockId, Canvas, Item};
use crate::money::clauses;

pub fn items(canvas: &Canvas, block: BlockId) -> &[Item] {
    &canvas.block(block).items
}

/// Ids that items of `from` link to.
pub fn linked_from<'a>(canvas: &'a Canvas, from: &[BlockId]) -> HashSet<&'a str> {
    from.iter()
        .flat_map(|&b| items(canvas, b))
        .flat_map(|item| item.links.iter().map(String::as_str))
        .collect()
}

/// Ids of the items in `blocks`.
pub fn ids_in<'a>(canvas: &'a Canvas, blocks: &[BlockId]) -> HashSet<&'a str> {
    blocks
        .iter()
        .flat_map(|&b| items(canvas, b))
        .map(|i| i.id.as_str())
        .collect()
}

/// Whether a revenue stream earns in one of these ways (revenue type ids).
pub fn earns_by(canvas: &Canvas, types: &[&str]) -> bool {
    let streams = canvas.block(BlockId::RevenueStreams);
    streams.items.iter().any(|rs| {
        streams
            .chosen_for(rs, "revenue_types")
            .iter()
            .any(|t| types.contains(&t.as_str()))
    })
}

/// An item's text and note as words.
pub fn item_tokens(item: &Item) -> Tokens {
    let mut tokens = Tokens::of(&item.text);
    if let Some(note) = &item.note {
        tokens.0.extend(Tokens::of(note).0);
    }
    tokens
}

/// The clauses of the answers of `block` as words.
pub fn answer_clauses(canvas: &Canvas, block: BlockId) -> Vec<Tokens> {
    canvas
        .block(block)
        .answers
        .values()
        .flat_map(|answer| clauses(answer))
        .map(Tokens::of)
        .collect()
}
