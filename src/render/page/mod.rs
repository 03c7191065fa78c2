//! The canvas laid out on a landscape page, in millimetres, for the printed HTML page and the
//! SVG image alike: where the header, the nine blocks and the legend go, and for each block the
//! font size and number of columns at which its notes fit inside it.
//!
//! A browser cannot be asked how tall a text will be before it prints, so the notes are measured
//! here with Arial's widths ([`measure`]) and each block takes the largest font size, and then
//! the fewest columns, at which all its notes fit. The HTML page hands both to its print
//! stylesheet; the SVG image draws every line where the plan puts it.

mod fit;
pub mod measure;

use super::{choice_labels, is_picked, pick_entries, safe};
use crate::bank::Bank;
use crate::i18n::Messages;
use crate::model::{BlockId, Canvas, Item};

pub use fit::{NOTE, Note};
pub use measure::MM_PER_PT;

/// The paper a canvas is laid out for, in landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in millimetres, landscape.
    fn size(self) -> (f64, f64) {
        match self {
            Paper::A4 => (297.0, 210.0),
            Paper::Letter => (279.4, 215.9),
        }
    }

    /// The CSS name of the paper size.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// The page's margin on every side.
pub const MARGIN: f64 = 8.0;
/// The title (13 pt) and the details line (8 pt) above the canvas.
const HEADER: f64 = 12.0;
/// Room kept below the legend for a gap report with nothing to report; a longer report starts
/// on the next page.
const REPORT: f64 = 16.0;
/// The legend's font size, in points, and its line height.
pub const LEGEND_PT: f64 = 7.0;
const LEGEND_LINE: f64 = 1.25;
/// The space between the canvas and the legend.
const LEGEND_GAP: f64 = 1.5;

/// A rectangle in millimetres from the top left of the page's printable area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A block's place and how its notes fit in it.
pub struct Block<'a> {
    pub id: BlockId,
    pub rect: Rect,
    /// The notes' font size in points.
    pub font: f64,
    pub columns: usize,
    /// The title and the block-wide choices, in lines.
    pub title: Vec<String>,
    pub choices: Vec<String>,
    pub notes: Vec<Note<'a>>,
}

/// The whole page: the printable area's width, the canvas, its blocks and where the legend
/// starts.
pub struct Plan<'a> {
    pub paper: Paper,
    pub width: f64,
    pub canvas: Rect,
    pub blocks: Vec<Block<'a>>,
    pub legend_top: f64,
}

/// The height of a legend line in millimetres.
pub fn legend_line() -> f64 {
    LEGEND_PT * MM_PER_PT * LEGEND_LINE
}

/// What each note shows: its item, the positions of the segments it serves, its own choices
/// and whether a question picked it.
pub struct Shown<'a> {
    pub item: &'a Item,
    pub segments: Vec<usize>,
    pub tags: Vec<String>,
    pub picked: bool,
}

/// The legend's entries: each customer segment after its colour's dot (as wide as two letters),
/// what the marks say, and each pick question with the ids it picked.
fn legend_entries(canvas: &Canvas, bank: &Bank, messages: &Messages) -> Vec<String> {
    let segments = &canvas.block(BlockId::CustomerSegments).items;
    let mut entries: Vec<String> = segments
        .iter()
        .map(|s| format!("●  {}", safe::lines(&s.text)))
        .collect();
    entries.push(super::legend(canvas, messages));
    let picks = pick_entries(canvas, bank);
    entries.extend(picks.iter().map(|p| safe::lines(p).into_owned()));
    entries
}

/// Lays `canvas` out on `paper`: each note with its own choices and the segments it serves.
pub fn layout<'a>(canvas: &'a Canvas, bank: &Bank, messages: &Messages, paper: Paper) -> Plan<'a> {
    let served = canvas.segments_served();
    let notes = BlockId::ALL.map(|block| {
        canvas
            .block(block)
            .items
            .iter()
            .map(|item| Shown {
                item,
                segments: served.get(item.id.as_str()).cloned().unwrap_or_default(),
                tags: choice_labels(bank, canvas, block, Some(item)),
                picked: is_picked(canvas, &item.id),
            })
            .collect()
    });
    let legend = legend_entries(canvas, bank, messages);
    plan(canvas, bank, paper, notes, &legend)
}

/// Lays `canvas` out on `paper`; `notes` are each block's notes, in block order, and
/// `legend` the legend's entries.
fn plan<'a>(
    canvas: &Canvas,
    bank: &Bank,
    paper: Paper,
    notes: [Vec<Shown<'a>>; 9],
    legend: &[String],
) -> Plan<'a> {
    let (paper_w, paper_h) = paper.size();
    let (width, height) = (paper_w - 2.0 * MARGIN, paper_h - 2.0 * MARGIN);
    let legend_size = LEGEND_PT * MM_PER_PT;
    // Entries are spaced wider on the page than the three spaces they are measured with.
    let legend = measure::lines(&legend.join("   "), legend_size, width * 0.9, width * 0.9);
    let legend_h = legend.len() as f64 * legend_line();
    let canvas_h = height - HEADER - LEGEND_GAP - legend_h - REPORT;
    let frame = Rect {
        x: 0.0,
        y: HEADER,
        w: width,
        h: canvas_h,
    };
    let blocks = BlockId::ALL
        .into_iter()
        .zip(notes)
        .map(|(id, shown)| {
            let rect = block_rect(id, frame);
            let title = safe::lines(&bank.block(id).title.to_uppercase()).into_owned();
            let choices = safe::lines(&choice_labels(bank, canvas, id, None).join(" · ")).into_owned();
            fit::block(id, rect, &title, &choices, shown)
        })
        .collect();
    Plan {
        paper,
        width,
        canvas: frame,
        blocks,
        legend_top: HEADER + canvas_h + LEGEND_GAP,
    }
}

/// The height of the two upper rows against the lower one.
const UPPER_ROW: f64 = 1.0;
const LOWER_ROW: f64 = 0.9;

/// The rows' heights: the two upper rows and the lower one.
pub fn rows(canvas_h: f64) -> (f64, f64) {
    let unit = canvas_h / (2.0 * UPPER_ROW + LOWER_ROW);
    (unit * UPPER_ROW, unit * LOWER_ROW)
}

/// A block's rectangle in the classic layout: ten columns; partners, activities over resources,
/// value propositions, relationships over channels and segments above; costs and revenue below.
fn block_rect(block: BlockId, canvas: Rect) -> Rect {
    use BlockId::*;
    let column = canvas.w / 10.0;
    let (upper, lower) = rows(canvas.h);
    // (first column, columns, first row, rows)
    let (col, cols, row, span) = match block {
        KeyPartners => (0, 2, 0, 2),
        KeyActivities => (2, 2, 0, 1),
        KeyResources => (2, 2, 1, 1),
        ValuePropositions => (4, 2, 0, 2),
        CustomerRelationships => (6, 2, 0, 1),
        Channels => (6, 2, 1, 1),
        CustomerSegments => (8, 2, 0, 2),
        CostStructure => (0, 5, 2, 1),
        RevenueStreams => (5, 5, 2, 1),
    };
    let y = canvas.y + f64::from(row) * upper;
    let h = if row == 2 { lower } else { f64::from(span) * upper };
    Rect {
        x: canvas.x + f64::from(col) * column,
        y,
        w: f64::from(cols) * column,
        h,
    }
}
