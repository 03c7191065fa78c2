//! Every output for people and other tools: the gap report, the canvas as a text grid, Markdown
//! and a self-contained HTML page, the workshop agenda, diffs, assumptions and their map, and the
//! cohort table.
//! Each renderer is a pure function of what it shows and the messages; none touches a file.

mod agenda;
mod assumptions;
mod board;
mod cards;
mod cohort;
pub mod csv;
mod diff;
mod excalidraw;
mod grid;
mod html;
mod imported;
mod json;
mod jsoncanvas;
mod map;
mod markdown;
mod page;
mod report;
pub mod safe;
mod shell;
mod svg;
pub mod wrap;

use std::collections::HashMap;

use crate::bank::Bank;
use crate::gaps::GapReport;
use crate::i18n::Messages;
use crate::model::{BlockId, Canvas, Item};

pub use agenda::agenda;
pub use assumptions::assumptions;
pub use cards::test_list;
pub use cohort::Stream as CohortStream;
pub use diff::diff;
pub use imported::imported;
pub use map::text as assumption_map;
pub use page::Paper;
pub use report::report;
pub use shell::{completions, manual};

/// The forms an output can take; each command offers those that fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Svg,
    Json,
    /// One JSON object per line.
    JsonLines,
    Csv,
    JsonCanvas,
    Excalidraw,
}

/// The size a canvas is drawn at: the text grid's width in columns, the paper of the HTML page
/// and the SVG image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub columns: usize,
    pub paper: Paper,
}

/// The canvas in `format`; JSON lines are not a canvas rendering.
pub fn canvas(
    format: Format,
    canvas: &Canvas,
    bank: &Bank,
    report: &GapReport,
    messages: &Messages,
    size: Size,
) -> String {
    match format {
        Format::Text | Format::JsonLines => grid::grid(canvas, bank, report, messages, size.columns),
        Format::Markdown => markdown::markdown(canvas, bank, report, messages),
        Format::Html => html::html(canvas, bank, report, messages, size.paper),
        Format::Svg => svg::svg(canvas, bank, messages, size.paper),
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

/// Escapes text for HTML and SVG element content and quoted attributes; control characters
/// become visible escapes, which neither a viewer nor a terminal showing the file can act on
/// (and which XML does not allow even as references).
fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match entity(c) {
            Some(entity) => out.push_str(entity),
            None if safe::escapes(c, safe::Shown::Lines) => safe::push_escape(&mut out, c),
            None => out.push(c),
        }
    }
    out
}

/// The canvas's details for a page's header, each with its label: those given, and the
/// iteration.
fn details<'a>(canvas: &'a Canvas, messages: &'a Messages) -> Vec<(&'a str, String)> {
    let (meta, m) = (&canvas.meta, &messages.render);
    [
        (m.designed_for.as_str(), &meta.designed_for),
        (m.designed_by.as_str(), &meta.designed_by),
        (m.date.as_str(), &meta.date),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k, v.clone()))
    .chain([(m.iteration.as_str(), meta.iteration.to_string())])
    .collect()
}

/// Item ids to the positions of the customer segments the items serve.
type Served<'a> = HashMap<&'a str, Vec<usize>>;

/// The labels of the block's choices (`None`), or of an item's own, group by group. An item
/// without choices of its own takes the block's, which are shown once, for the block.
fn choice_labels(bank: &Bank, canvas: &Canvas, block: BlockId, item: Option<&Item>) -> Vec<String> {
    let written = canvas.block(block);
    let mut labels = Vec::new();
    for group in &bank.block(block).groups {
        let chosen = match item {
            Some(item) if group.per_item => item.categories.get(group.id()).map_or(&[][..], Vec::as_slice),
            Some(_) => &[],
            None => written.chosen(group.id()),
        };
        labels.extend(chosen.iter().map(|id| group.label(id).to_owned()));
    }
    labels
}
