//! Every output for people and other tools: the gap report, the canvas as a text grid, Markdown
//! and a self-contained HTML page, the workshop agenda, diffs, assumptions and the cohort table.
//! Each renderer is a pure function of what it shows and the messages; none touches a file.

mod agenda;
mod assumptions;
mod board;
mod cohort;
pub mod csv;
mod diff;
mod excalidraw;
mod grid;
mod html;
mod imported;
mod json;
mod jsoncanvas;
mod markdown;
mod report;
pub mod safe;
pub mod wrap;

use std::collections::HashMap;

use crate::bank::Bank;
use crate::gaps::GapReport;
use crate::i18n::Messages;
use crate::model::{BlockId, Canvas, Item};

pub use agenda::agenda;
pub use assumptions::assumptions;
pub use cohort::{json as cohort_json, table as cohort_table};
pub use diff::diff;
pub use imported::imported;
pub use report::report;

/// The forms an output can take; each command offers those that fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    Csv,
    JsonCanvas,
    Excalidraw,
}

/// The canvas in `format`; `width` is the text grid's.
pub fn canvas(
    format: Format,
    canvas: &Canvas,
    bank: &Bank,
    report: &GapReport,
    messages: &Messages,
    width: usize,
) -> String {
    match format {
        Format::Text => grid::grid(canvas, bank, report, messages, width),
        Format::Markdown => markdown::markdown(canvas, bank, report, messages),
        Format::Html => html::html(canvas, bank, report, messages),
        Format::Json => json::json(canvas, report),
        Format::Csv => csv::csv(canvas, bank),
        Format::JsonCanvas => jsoncanvas::jsoncanvas(canvas, bank),
        Format::Excalidraw => excalidraw::excalidraw(canvas, bank),
    }
}

/// The HTML entity for a character that HTML (and so Markdown) would read as markup.
fn entity(c: char) -> Option<&'static str> {
    match c {
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '&' => Some("&amp;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

/// Colours for the customer segments, in order; more segments reuse them.
const SEGMENT_COLOURS: &[&str] = &[
    "#ffd54f", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8", "#ffab91", "#b0bec5",
];

/// The colour of the `n`th customer segment, in every rendering that colours by segment.
fn colour(n: usize) -> &'static str {
    SEGMENT_COLOURS[n % SEGMENT_COLOURS.len()]
}

/// Item ids to the positions of the customer segments the items serve.
type Served<'a> = HashMap<&'a str, Vec<usize>>;

/// The customer segments each item serves, directly or through the items it links to, in the
/// order of the segments. Links only point to earlier blocks, so one pass in block order suffices.
fn segments_served(canvas: &Canvas) -> Served<'_> {
    let mut served = Served::new();
    for (n, segment) in canvas.block(BlockId::CustomerSegments).items.iter().enumerate() {
        served.insert(segment.id.as_str(), vec![n]);
    }
    for &block in &BlockId::ALL[1..] {
        for item in &canvas.block(block).items {
            let mut segments: Vec<usize> = item
                .links
                .iter()
                .filter_map(|l| served.get(l.as_str()))
                .flatten()
                .copied()
                .collect();
            segments.sort_unstable();
            segments.dedup();
            served.insert(item.id.as_str(), segments);
        }
    }
    served
}

/// The labels of an item's own choices, or the block's where it has none, group by group.
fn choice_labels(bank: &Bank, canvas: &Canvas, block: BlockId, item: Option<&Item>) -> Vec<String> {
    let written = canvas.block(block);
    let mut labels = Vec::new();
    for group in &bank.block(block).groups {
        let chosen = match item {
            Some(item) if group.per_item => written.chosen_for(item, group.id()),
            None if !group.per_item => written.chosen(group.id()),
            _ => &[],
        };
        labels.extend(chosen.iter().map(|id| group.label(id).to_owned()));
    }
    labels
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn items_serve_the_segments_their_links_lead_to() {
        let text = include_str!("../../examples/brew-box.toml");
        let canvas = crate::file::parse_canvas(Path::new("brew-box.toml"), text).unwrap();
        let served = segments_served(&canvas);
        assert_eq!(served["cs2"], [1]);
        assert_eq!(served["vp1"], [0, 1]);
        assert_eq!(served["vp2"], [0]);
        assert_eq!(served["kr2"], [0], "through vp2");
        assert_eq!(served["kp1"], [0, 1], "through ka1, which delivers vp1 and vp2");
        assert_eq!(served["co3"], [0, 1], "through kr1 and kr2");
    }
}
