//! Where blocks and notes go on a whiteboard, laid out as the printed canvas: partners,
//! activities over resources, value propositions, relationships over channels and segments
//! across the top; costs and revenue across the bottom. Shared by the JSON Canvas and
//! Excalidraw exports; each block is as tall as its notes need.

use serde_json::{Map, Value, json};

use super::wrap::wrap;
use crate::model::{BlockId, Canvas};

const NOTE_WIDTH: i64 = 200;
const GAP: i64 = 20;
const PADDING: i64 = 20;
/// Room at the top of a block for its title.
const TITLE: i64 = 40;
/// Notes across a block of the top row.
const ACROSS: i64 = 2;
pub const FONT_SIZE: i64 = 16;
/// Excalidraw's default line height, as a share of the font size.
pub const LINE_HEIGHT: f64 = 1.25;
/// Characters on a note's line at the font size: a little narrower than the note.
pub const NOTE_COLUMNS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
}

/// A block's frame and its notes' places, in the order of its items.
pub struct Placed {
    pub block: BlockId,
    pub frame: Rect,
    pub notes: Vec<Rect>,
}

/// The columns of the top row, each one block or one over another.
const TOP: [&[BlockId]; 5] = [
    &[BlockId::KeyPartners],
    &[BlockId::KeyActivities, BlockId::KeyResources],
    &[BlockId::ValuePropositions],
    &[BlockId::CustomerRelationships, BlockId::Channels],
    &[BlockId::CustomerSegments],
];

/// The height of a note: enough for the longest text on the canvas, wrapped, within bounds.
fn note_height(canvas: &Canvas) -> i64 {
    let lines = canvas
        .items()
        .map(|(_, item)| wrap(&item.text, NOTE_COLUMNS).len() + 2)
        .max()
        .unwrap_or(1);
    let text = (lines as f64 * FONT_SIZE as f64 * LINE_HEIGHT).ceil() as i64;
    (text + 2 * PADDING).clamp(100, 400)
}

/// Every block with its notes, in `BlockId::ALL` order.
pub fn layout(canvas: &Canvas) -> Vec<Placed> {
    let note_h = note_height(canvas);
    let count = |block: BlockId| canvas.block(block).items.len() as i64;
    let need = |block: BlockId, across: i64| {
        let rows = ((count(block) + across - 1) / across).max(1);
        TITLE + PADDING + rows * note_h + (rows - 1) * GAP + PADDING
    };
    let width = 2 * PADDING + ACROSS * NOTE_WIDTH + (ACROSS - 1) * GAP;
    let top = TOP
        .iter()
        .map(|column| column.iter().map(|&b| need(b, ACROSS)).sum::<i64>() + (column.len() as i64 - 1) * GAP)
        .max()
        .unwrap_or(0);
    let mut frames = top_row(top, width, &|b| need(b, ACROSS));
    let total = TOP.len() as i64 * (width + GAP) - GAP;
    let half = (total - GAP) / 2;
    let across = (half - 2 * PADDING + GAP) / (NOTE_WIDTH + GAP);
    let bottom = need(BlockId::CostStructure, across).max(need(BlockId::RevenueStreams, across));
    for (n, block) in [BlockId::CostStructure, BlockId::RevenueStreams]
        .into_iter()
        .enumerate()
    {
        let x = n as i64 * (half + GAP);
        let frame = Rect {
            x,
            y: top + GAP,
            width: half,
            height: bottom,
        };
        frames.push((block, frame, across));
    }
    frames.sort_by_key(|(block, _, _)| *block);
    frames
        .into_iter()
        .map(|(block, frame, across)| Placed {
            block,
            frame,
            notes: (0..count(block))
                .map(|n| note_in(frame, n, across, note_h))
                .collect(),
        })
        .collect()
}

/// A band of `height` above the blocks, as wide as all of them: where the title goes.
pub fn above(placed: &[Placed], height: i64) -> Rect {
    let width = placed
        .iter()
        .map(|p| p.frame.x + p.frame.width)
        .max()
        .unwrap_or(0);
    Rect {
        x: 0,
        y: -height - 2 * GAP,
        width,
        height,
    }
}

/// The frames of the top row, `height` tall: a column is one block, or one over another, split
/// evenly when both fit in half and else as the upper one needs.
fn top_row(height: i64, width: i64, need: &dyn Fn(BlockId) -> i64) -> Vec<(BlockId, Rect, i64)> {
    let mut frames = Vec::new();
    for (n, column) in TOP.iter().enumerate() {
        let x = n as i64 * (width + GAP);
        let heights = match column {
            [only] => vec![(*only, height)],
            [upper, lower] => {
                let half = (height - GAP) / 2;
                let first = if need(*upper) <= half && need(*lower) <= half {
                    half
                } else {
                    need(*upper)
                };
                vec![(*upper, first), (*lower, height - GAP - first)]
            }
            _ => unreachable!("a column holds one or two blocks"),
        };
        let mut y = 0;
        for (block, h) in heights {
            frames.push((
                block,
                Rect {
                    x,
                    y,
                    width,
                    height: h,
                },
                ACROSS,
            ));
            y += h + GAP;
        }
    }
    frames
}

/// The place of the `n`th note of a block `across` notes wide.
fn note_in(frame: Rect, n: i64, across: i64, height: i64) -> Rect {
    Rect {
        x: frame.x + PADDING + (n % across) * (NOTE_WIDTH + GAP),
        y: frame.y + TITLE + PADDING + (n / across) * (height + GAP),
        width: NOTE_WIDTH,
        height,
    }
}

/// A shape on a whiteboard, as JSON Canvas and Excalidraw both start one: id, type and place.
pub fn shape(id: &str, kind: &str, at: Rect) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("id".into(), json!(id));
    out.insert("type".into(), json!(kind));
    for (key, value) in [
        ("x", at.x),
        ("y", at.y),
        ("width", at.width),
        ("height", at.height),
    ] {
        out.insert(key.into(), json!(value));
    }
    out
}

/// A stable number from a text, for ids and seeds that must not change between runs (FNV-1a),
/// kept below 2³¹ as Excalidraw's seeds are.
pub fn stable_number(text: &str) -> u32 {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash & 0x7fff_ffff
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(outer: Rect, inner: Rect) -> bool {
        inner.x >= outer.x
            && inner.y >= outer.y
            && inner.x + inner.width <= outer.x + outer.width
            && inner.y + inner.height <= outer.y + outer.height
    }

    fn overlap(a: Rect, b: Rect) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    #[test]
    fn notes_sit_inside_their_block_and_blocks_do_not_overlap() {
        let text = include_str!("../../examples/tutor-match.toml");
        let canvas = crate::file::parse_canvas(std::path::Path::new("t.toml"), text).unwrap();
        let placed = layout(&canvas);
        assert_eq!(placed.len(), 9);
        for (n, a) in placed.iter().enumerate() {
            assert_eq!(a.notes.len(), canvas.block(a.block).items.len());
            assert!(a.notes.iter().all(|&note| contains(a.frame, note)), "{}", a.block);
            for b in &placed[n + 1..] {
                assert!(!overlap(a.frame, b.frame), "{} and {}", a.block, b.block);
            }
        }
        let at = |b: BlockId| placed[b.index()].frame;
        assert!(at(BlockId::KeyPartners).x < at(BlockId::ValuePropositions).x);
        assert!(at(BlockId::ValuePropositions).x < at(BlockId::CustomerSegments).x);
        assert!(at(BlockId::KeyActivities).y < at(BlockId::KeyResources).y);
        assert!(at(BlockId::CostStructure).y > at(BlockId::Channels).y);
        assert_eq!(stable_number("cs1"), stable_number("cs1"));
        assert!(stable_number("cs1") < 1 << 31);
    }
}
