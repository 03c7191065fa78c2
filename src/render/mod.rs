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

/// The mark of a picked item, in every rendering: the legend says what it means.
const PICKED: &str = "★";

/// What follows a note's id on the page when a question picked it.
fn after_id(picked: bool) -> String {
    if picked {
        format!(" {PICKED}")
    } else {
        String::new()
    }
}

/// One pick question's answer: the question as the bank asks it (its id when the bank does not
/// ask it), and the items picked, by id.
struct Pick<'a> {
    question: &'a str,
    ids: &'a [String],
}

/// Every answered pick question, block by block in the bank's order; a pick for a question the
/// bank does not ask follows its block's, under its id.
fn picks<'a>(canvas: &'a Canvas, bank: &'a Bank) -> Vec<Pick<'a>> {
    let mut out = Vec::new();
    for block in BlockId::ALL {
        let (asked, written) = (bank.block(block), canvas.block(block));
        let known = asked.questions.iter().map(|q| (q.id(), q.text.as_str()));
        let unknown = written
            .picks
            .keys()
            .filter(|id| asked.question(id).is_none())
            .map(|id| (id.as_str(), id.as_str()));
        for (id, question) in known.chain(unknown) {
            let ids = written.picked(id);
            if !ids.is_empty() {
                out.push(Pick { question, ids });
            }
        }
    }
    out
}

/// Whether any question picked the item `id`.
fn is_picked(canvas: &Canvas, id: &str) -> bool {
    BlockId::ALL
        .iter()
        .flat_map(|&block| canvas.block(block).picks.values().flatten())
        .any(|picked| picked == id)
}

/// The status legend, and what the pick mark means when the canvas has picks.
fn legend(canvas: &Canvas, messages: &Messages) -> String {
    let m = &messages.render;
    let any = BlockId::ALL
        .iter()
        .any(|&block| !canvas.block(block).picks.is_empty());
    match any {
        true => format!("{} · {PICKED} {}", m.legend, m.picked),
        false => m.legend.clone(),
    }
}

/// The items a pick names, each as its text and id; an id on no item (a pick the file was given
/// by hand) stays as it is.
fn picked_names(canvas: &Canvas, ids: &[String]) -> Vec<String> {
    let index = canvas.item_index();
    ids.iter()
        .map(|id| match index.get(id.as_str()) {
            Some((_, item)) => format!("{} ({id})", item.text),
            None => id.clone(),
        })
        .collect()
}

/// Each answered pick question with the ids it picked, for a legend beside notes that show
/// their ids.
fn pick_entries(canvas: &Canvas, bank: &Bank) -> Vec<String> {
    picks(canvas, bank)
        .into_iter()
        .map(|pick| format!("{PICKED} {} {}", pick.question, pick.ids.join(", ")))
        .collect()
}
