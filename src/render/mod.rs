//! Every output for people and other tools: the gap report, the canvas as a text grid, Markdown
//! and a self-contained HTML page, the workshop agenda, diffs, assumptions and the cohort table.
//! Each renderer is a pure function of what it shows and the messages; none touches a file.

mod agenda;
mod assumptions;
mod cohort;
mod diff;
mod grid;
mod html;
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
pub use report::report;

/// The forms an output can take; each command offers those that fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

/// The canvas in `format`; `width` is the text grid's. JSON is not a canvas rendering.
pub fn canvas(
    format: Format,
    canvas: &Canvas,
    bank: &Bank,
    report: &GapReport,
    messages: &Messages,
    width: usize,
) -> String {
    match format {
        Format::Text | Format::Json => grid::grid(canvas, bank, report, messages, width),
        Format::Markdown => markdown::markdown(canvas, bank, report, messages),
        Format::Html => html::html(canvas, bank, report, messages),
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

/// Item ids to the positions of the customer segments the items serve.
type Served<'a> = HashMap<&'a str, Vec<usize>>;

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
