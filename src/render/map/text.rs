//! The assumption map in the terminal: four boxes holding item ids, the top left (important, no
//! evidence) first, then every item's text under its quadrant's title. Ids keep the boxes small,
//! so thirty items and more still fit; colour marks the type only where the output is a
//! terminal that takes colour, and the type's letter says it everywhere.

use std::fmt::Write;

use console::{Alignment, Style, measure_text_width, pad_str};

use super::{heading, in_quadrant, kind_words, label, quadrant_title};
use crate::analysis::map::{Kind, Placed, Quadrant, map};
use crate::bank::Bank;
use crate::i18n::{MapWords, Messages};
use crate::model::Canvas;
use crate::render::safe;
use crate::render::wrap::wrap;

/// The map is drawn at most this wide, so it fits a standard terminal, and at least this wide,
/// so a box holds a title's longest word.
const WIDEST: usize = 80;
const NARROWEST: usize = 40;
/// Ids longer than this are not padded to a common column in the list.
const ID_COLUMN: usize = 12;

pub fn text(canvas: &Canvas, bank: &Bank, messages: &Messages, columns: usize) -> String {
    let m = &messages.assumption_map;
    let width = columns.clamp(NARROWEST, WIDEST);
    let mut out = format!("{}\n", Style::new().bold().apply_to(heading(canvas, messages)));
    let placed = map(canvas, &bank.words);
    if placed.is_empty() {
        let _ = writeln!(out, "{}", m.none);
        return out;
    }
    for line in wrap(&m.how, width) {
        let _ = writeln!(out, "{line}");
    }
    for kind in Kind::ALL {
        let words = kind_words(kind, m);
        let _ = writeln!(out, "  {} {}", ink(kind).apply_to(&words.letter), words.name);
    }
    out.push('\n');
    for line in boxes(&placed, m, width) {
        let _ = writeln!(out, "{line}");
    }
    out.push_str(&list(&placed, messages, width));
    out.push('\n');
    for line in wrap(&messages.render.legend, width) {
        let _ = writeln!(out, "{line}");
    }
    out
}

/// The colour of a type, shown only where colours are on.
fn ink(kind: Kind) -> Style {
    match kind {
        Kind::Desirability => Style::new().cyan().bold(),
        Kind::Feasibility => Style::new().yellow().bold(),
        Kind::Viability => Style::new().green().bold(),
    }
}

/// The four quadrants as two rows of two boxes, `width` columns wide in all.
fn boxes(placed: &[Placed<'_>], m: &MapWords, width: usize) -> Vec<String> {
    let cell = (width - 3) / 2;
    let rule = "─".repeat(cell);
    let mut lines = vec![format!("┌{rule}┬{rule}┐")];
    for (n, row) in [
        [Quadrant::TestFirst, Quadrant::Backed],
        [Quadrant::Later, Quadrant::Settled],
    ]
    .into_iter()
    .enumerate()
    {
        if n > 0 {
            lines.push(format!("├{rule}┼{rule}┤"));
        }
        let [left, right] = row.map(|q| inside(placed, q, m, cell - 2));
        for i in 0..left.len().max(right.len()) {
            let cell = |c: &[String]| {
                pad_str(
                    c.get(i).map_or("", String::as_str),
                    cell - 2,
                    Alignment::Left,
                    None,
                )
                .into_owned()
            };
            lines.push(format!("│ {} │ {} │", cell(&left), cell(&right)));
        }
    }
    lines.push(format!("└{rule}┴{rule}┘"));
    lines
}

/// A box's lines: its title, then its items' labels, as many to a line as fit in `width`.
fn inside(placed: &[Placed<'_>], quadrant: Quadrant, m: &MapWords, width: usize) -> Vec<String> {
    let bold = Style::new().bold();
    let mut lines: Vec<String> = wrap(quadrant_title(quadrant, m), width)
        .into_iter()
        .map(|l| bold.apply_to(l).to_string())
        .collect();
    let (mut line, mut used) = (String::new(), 0);
    for p in in_quadrant(placed, quadrant) {
        let plain = label(p, m);
        let w = measure_text_width(&plain);
        if used > 0 && used + 2 + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w > width {
            // Longer than the box: broken over lines of its own, uncoloured.
            lines.extend(wrap(&plain, width));
            continue;
        }
        if used > 0 {
            line.push_str("  ");
            used += 2;
        }
        let letter = &kind_words(p.kind, m).letter;
        let _ = write!(line, "{}{}", ink(p.kind).apply_to(letter), &plain[letter.len()..]);
        used += w;
    }
    if used > 0 {
        lines.push(line);
    }
    lines
}

/// Every item under its quadrant's title: type letter, id, status mark and text, wrapped
/// under itself.
fn list(placed: &[Placed<'_>], messages: &Messages, width: usize) -> String {
    let m = &messages.assumption_map;
    let ids = placed
        .iter()
        .map(|p| measure_text_width(&safe::line(&p.item.id)))
        .max()
        .unwrap_or(0)
        .min(ID_COLUMN);
    // Two spaces, the letter and a space, the id and a space, the mark and a space.
    let letters = Kind::ALL
        .iter()
        .map(|&k| measure_text_width(&kind_words(k, m).letter))
        .max()
        .unwrap_or(1);
    let indent = 2 + letters + 1 + ids + 1 + 2;
    let mut out = String::new();
    for quadrant in Quadrant::ALL {
        let mut items = in_quadrant(placed, quadrant).peekable();
        if items.peek().is_none() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}",
            Style::new().bold().apply_to(quadrant_title(quadrant, m))
        );
        for p in items {
            let letter = pad_str(&kind_words(p.kind, m).letter, letters, Alignment::Left, None).into_owned();
            let id = pad_str(&safe::line(&p.item.id), ids, Alignment::Left, None).into_owned();
            let text = wrap(&safe::line(&p.item.text), width.saturating_sub(indent).max(1));
            let mut text = text.into_iter();
            let first = text.next().unwrap_or_default();
            let mark = p.item.status.mark();
            let _ = writeln!(out, "  {} {id} {mark} {first}", ink(p.kind).apply_to(letter));
            for rest in text {
                let _ = writeln!(out, "{:indent$}{rest}", "");
            }
        }
    }
    out
}
