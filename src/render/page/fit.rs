//! Fitting a block's notes into its rectangle: the largest font size, then the fewest columns,
//! at which every note fits, with the notes balanced over the columns as a browser balances a
//! multi-column list.

use super::measure::{self, MM_PER_PT};
use super::{Block, Rect, Shown};
use crate::model::BlockId;
use crate::render::{after_id, safe};

/// The measures the print stylesheet gives a block and its notes, in millimetres; the
/// stylesheet (`canvas.css`) must say the same.
pub struct Measures {
    /// A block's border and padding, on every side.
    pub inset: f64,
    pub title_pt: f64,
    pub choices_pt: f64,
    /// The space below the title and below the choices.
    pub after_heading: f64,
    pub column_gap: f64,
    /// A note's coloured stripe, its padding (sides, then top and bottom) and the space below it.
    pub stripe: f64,
    pub pad_x: f64,
    pub pad_y: f64,
    pub after_note: f64,
    /// The id label's and the tags' size against the note's text; the space after the label.
    pub id_scale: f64,
    pub tags_scale: f64,
    pub after_id: f64,
    /// A segment dot with its margin.
    pub dot: f64,
    pub line_height: f64,
}

pub const NOTE: Measures = Measures {
    inset: 1.3,
    title_pt: 7.0,
    choices_pt: 6.0,
    after_heading: 0.8,
    column_gap: 1.2,
    stripe: 1.2,
    pad_x: 1.0,
    pad_y: 0.5,
    after_note: 0.8,
    id_scale: 0.75,
    tags_scale: 0.85,
    after_id: 0.8,
    dot: 1.7,
    line_height: 1.2,
};

/// Font sizes tried for the notes, in points, largest first.
const FONTS: [f64; 9] = [8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.5, 4.0];
/// No column of notes narrower than this, in millimetres.
const MIN_COLUMN: f64 = 18.0;
/// The share of a block's height the notes may fill: room for a font a little taller.
const FILL: f64 = 0.97;

/// A note placed in its block: where it is and its text in lines.
pub struct Note<'a> {
    pub shown: Shown<'a>,
    pub rect: Rect,
    /// The id label and the text's lines; the first line follows the label.
    pub label: String,
    pub lines: Vec<String>,
    pub tags: Vec<String>,
}

/// A note's lines and height in a column `width` wide at `size` millimetres.
fn measure_note(shown: &Shown<'_>, label: &str, size: f64, width: f64) -> (Vec<String>, Vec<String>, f64) {
    let m = &NOTE;
    let inner = width - m.stripe - 2.0 * m.pad_x;
    let label_w = measure::width(label, size * m.id_scale) + m.after_id;
    let dots = shown.segments.len() as f64 * m.dot;
    let lines = measure::lines(
        &safe::lines(&shown.item.text),
        size,
        inner - label_w - dots,
        inner,
    );
    let tags_size = size * m.tags_scale;
    let tags = measure::lines(&shown.tags.join(" · "), tags_size, inner, inner);
    let height = lines.len().max(1) as f64 * size * m.line_height
        + tags.len() as f64 * tags_size * m.line_height
        + 2.0 * m.pad_y;
    (lines, tags, height)
}

/// A note's label: its status mark, its id and the pick mark when a question picked it.
fn label(shown: &Shown<'_>) -> String {
    let item = shown.item;
    let picked = after_id(shown.picked);
    format!("{} {}{picked}", item.status.mark(), safe::line(&item.id))
}

/// Whether notes of these heights fill at most `columns` columns of `height`, each column taken
/// in turn as far as it goes.
fn packs(heights: &[f64], columns: usize, height: f64) -> bool {
    let mut used = 1;
    let mut filled = 0.0;
    for &h in heights {
        if filled > 0.0 && filled + h > height {
            used += 1;
            filled = 0.0;
        }
        if h > height {
            return false;
        }
        filled += h + NOTE.after_note;
    }
    used <= columns
}

/// The lowest column height at which the notes fit in `columns` columns, as a browser
/// balances them; `None` when they do not fit in `most`.
fn balanced(heights: &[f64], columns: usize, most: f64) -> Option<f64> {
    if !packs(heights, columns, most) {
        return None;
    }
    let (mut low, mut high) = (0.0, most);
    for _ in 0..24 {
        let mid = (low + high) / 2.0;
        if packs(heights, columns, mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    Some(high)
}

/// Lays out a block: its title and choices in lines, and its notes at the largest font size
/// and the fewest columns that hold them; the smallest size in the most columns when none does.
pub fn block<'a>(id: BlockId, rect: Rect, title: &str, choices: &str, shown: Vec<Shown<'a>>) -> Block<'a> {
    let m = &NOTE;
    let inner = Rect {
        x: rect.x + m.inset,
        y: rect.y + m.inset,
        w: rect.w - 2.0 * m.inset,
        h: rect.h - 2.0 * m.inset,
    };
    let heading = |text: &str, pt: f64| {
        let lines = measure::lines(text, pt * MM_PER_PT, inner.w, inner.w);
        let height = lines.len() as f64 * pt * MM_PER_PT * m.line_height;
        let after = if lines.is_empty() { 0.0 } else { m.after_heading };
        (lines, height + after)
    };
    let (title, title_h) = heading(title, m.title_pt);
    let (choices, choices_h) = heading(choices, m.choices_pt);
    let notes_top = inner.y + title_h + choices_h;
    let room = (inner.h - title_h - choices_h) * FILL;
    let labels: Vec<String> = shown.iter().map(label).collect();
    let most = (((inner.w + m.column_gap) / (MIN_COLUMN + m.column_gap)) as usize).max(1);
    let column_w = |columns: usize| (inner.w - (columns - 1) as f64 * m.column_gap) / columns as f64;
    let tried = FONTS
        .iter()
        .flat_map(|&font| (1..=most).map(move |columns| (font, columns)));
    let (font, columns, height) = tried
        .filter_map(|(font, columns)| {
            let size = font * MM_PER_PT;
            // Each note takes a line at least: far too many notes are not measured at all.
            let least = size * m.line_height + 2.0 * m.pad_y + m.after_note;
            if shown.len() as f64 * least > columns as f64 * (room + m.after_note) {
                return None;
            }
            let heights: Vec<f64> = shown
                .iter()
                .zip(&labels)
                .map(|(s, label)| measure_note(s, label, size, column_w(columns)).2)
                .collect();
            balanced(&heights, columns, room).map(|height| (font, columns, height))
        })
        .next()
        .unwrap_or((FONTS[FONTS.len() - 1], most, room));
    let notes = place(shown, labels, font, column_w(columns), notes_top, inner.x, height);
    Block {
        id,
        rect,
        font,
        columns,
        title,
        choices,
        notes,
    }
}

/// The notes in columns of `height`, each column filled in turn, from `(left, top)`.
fn place<'a>(
    shown: Vec<Shown<'a>>,
    labels: Vec<String>,
    font: f64,
    width: f64,
    top: f64,
    left: f64,
    height: f64,
) -> Vec<Note<'a>> {
    let size = font * MM_PER_PT;
    let (mut column, mut filled) = (0.0, 0.0);
    shown
        .into_iter()
        .zip(labels)
        .map(|(shown, label)| {
            let (lines, tags, h) = measure_note(&shown, &label, size, width);
            if filled > 0.0 && filled + h > height {
                column += 1.0;
                filled = 0.0;
            }
            let rect = Rect {
                x: left + column * (width + NOTE.column_gap),
                y: top + filled,
                w: width,
                h,
            };
            filled += h + NOTE.after_note;
            Note {
                shown,
                rect,
                label,
                lines,
                tags,
            }
        })
        .collect()
}
