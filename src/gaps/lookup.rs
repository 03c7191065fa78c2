//! What the detection functions ask of a canvas: a block's items, and which ids link where.

use std::collections::HashSet;

use crate::model::{BlockId, Canvas, Item};

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
