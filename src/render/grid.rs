//! The canvas as the classic nine-block grid in plain text, fitted to a width; stacked blocks
//! when the width is too narrow for five columns.

use std::fmt::Write;

use console::{Alignment, pad_str};

use super::{PICKED, is_picked, picked_names, picks, report};
use crate::bank::Bank;
use crate::gaps::GapReport;
use crate::i18n::Messages;
use crate::model::BlockId;
use crate::model::Canvas;
use crate::render::safe;
use crate::render::wrap::wrap;

/// Narrower columns than this cannot hold a sticky note's words; the blocks are stacked instead.
const MIN_COLUMN: usize = 14;

pub fn grid(canvas: &Canvas, bank: &Bank, report: &GapReport, messages: &Messages, width: usize) -> String {
    let mut out = header(canvas, report, messages);
    let column = width.saturating_sub(6) / 5;
    let picks = pick_lines(canvas, bank, width.max(20));
    if column < MIN_COLUMN {
        // Stacked blocks end with an empty line already.
        out.push_str(&stacked(canvas, bank, width.max(20)));
    } else {
        out.push_str(&classic(canvas, bank, column));
        if !picks.is_empty() {
            out.push('\n');
        }
    }
    out.push_str(&picks);
    out.push_str(&super::cards::text_section(canvas, messages, width.max(20)));
    out
}

/// Below the grid, at its full width: each pick question and the items it picked, which the
/// cells only mark.
fn pick_lines(canvas: &Canvas, bank: &Bank, width: usize) -> String {
    let mut out = String::new();
    for pick in picks(canvas, bank) {
        let said = format!(
            "{PICKED} {} {}",
            pick.question,
            picked_names(canvas, pick.ids).join(" · ")
        );
        for (n, line) in wrap(&safe::lines(&said), width - 2).into_iter().enumerate() {
            let indent = if n == 0 { "" } else { "  " };
            let _ = writeln!(out, "{indent}{line}");
        }
    }
    out
}

fn header(canvas: &Canvas, report: &GapReport, messages: &Messages) -> String {
    let meta = &canvas.meta;
    let mut out = format!("{}\n", safe::line(&meta.title));
    let details: Vec<_> = [&meta.designed_for, &meta.designed_by, &meta.date]
        .into_iter()
        .filter(|d| !d.is_empty())
        .map(|d| safe::line(d))
        .collect();
    let iteration = format!("{} {}", messages.cohort.iteration, meta.iteration);
    let score = report::score(report, messages);
    let mut line = details.join(" · ");
    for part in [iteration, score] {
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&part);
    }
    out.push_str(&line);
    let _ = write!(out, "\n{}\n\n", super::legend(canvas, messages));
    out
}

/// A block's title and its items, each after its status mark and a picked one's pick mark,
/// wrapped to `width`.
fn cell(canvas: &Canvas, bank: &Bank, block: BlockId, width: usize) -> Vec<String> {
    // Wrapping makes line breaks and tabs spaces; escapes keep the rest from acting.
    let mut lines = wrap(&safe::lines(&bank.block(block).title.to_uppercase()), width);
    for item in &canvas.block(block).items {
        let mark = item.status.mark();
        let text = match is_picked(canvas, &item.id) {
            true => format!("{PICKED} {}", safe::lines(&item.text)),
            false => safe::lines(&item.text).into_owned(),
        };
        for (n, line) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
            lines.push(if n == 0 {
                format!("{mark} {line}")
            } else {
                format!("  {line}")
            });
        }
    }
    lines
}

fn classic(canvas: &Canvas, bank: &Bank, w: usize) -> String {
    let mut out = top(canvas, bank, w);
    out.push_str(&bottom(canvas, bank, w));
    out
}

/// The five columns of the upper row, each `w` wide.
fn top(canvas: &Canvas, bank: &Bank, w: usize) -> String {
    use BlockId::*;
    // One space of margin on either side inside every cell.
    let column = |b| cell(canvas, bank, b, w - 2);
    let (kp, ka, kr, vp) = (
        column(KeyPartners),
        column(KeyActivities),
        column(KeyResources),
        column(ValuePropositions),
    );
    let (cr, ch, cs) = (
        column(CustomerRelationships),
        column(Channels),
        column(CustomerSegments),
    );
    // Activities sit over resources and relationships over channels, split on one row.
    let split = ka.len().max(cr.len());
    let below = kr.len().max(ch.len());
    let height = [kp.len(), vp.len(), cs.len(), split + 1 + below]
        .into_iter()
        .max()
        .unwrap_or(0);
    let pad = |text: &str| padded(text, w);
    let rule = "─".repeat(w);

    let mut out = format!("┌{}┐\n", [rule.as_str(); 5].join("┬"));
    for row in 0..height {
        if row == split {
            out.push_str(&format!(
                "│{}├{rule}┤{}├{rule}┤{}│\n",
                pad(at(&kp, row)),
                pad(at(&vp, row)),
                pad(at(&cs, row))
            ));
            continue;
        }
        // Which of the two stacked blocks this row shows, and its line there.
        let (left, right, line) = if row < split {
            (&ka, &cr, row)
        } else {
            (&kr, &ch, row - split - 1)
        };
        let cells = [
            at(&kp, row),
            at(left, line),
            at(&vp, row),
            at(right, line),
            at(&cs, row),
        ]
        .map(pad);
        out.push_str(&format!("│{}│\n", cells.join("│")));
    }
    out
}

/// The lower row, which halves the width: costs on the left, revenue on the right.
fn bottom(canvas: &Canvas, bank: &Bank, w: usize) -> String {
    let inner = 5 * w + 4;
    let left = (inner - 1) / 2;
    let right = inner - 1 - left;
    let mut border: Vec<char> = "─".repeat(inner).chars().collect();
    for n in 1..5 {
        border[n * (w + 1) - 1] = '┴';
    }
    border[left] = if border[left] == '┴' { '┼' } else { '┬' };
    let mut out = format!("├{}┤\n", border.iter().collect::<String>());
    let co = cell(canvas, bank, BlockId::CostStructure, left - 2);
    let rs = cell(canvas, bank, BlockId::RevenueStreams, right - 2);
    for row in 0..co.len().max(rs.len()) {
        let (l, r) = (padded(at(&co, row), left), padded(at(&rs, row), right));
        out.push_str(&format!("│{l}│{r}│\n"));
    }
    out.push_str(&format!("└{}┴{}┘\n", "─".repeat(left), "─".repeat(right)));
    out
}

/// The `row`th line of a cell; rows below its end are empty.
fn at(lines: &[String], row: usize) -> &str {
    lines.get(row).map_or("", String::as_str)
}

/// A line with one space of margin on either side, padded to `width`; a line is never wider
/// than the cell less its margins, so nothing is cut.
fn padded(text: &str, width: usize) -> String {
    pad_str(&format!(" {text}"), width, Alignment::Left, Some("…")).into_owned()
}

fn stacked(canvas: &Canvas, bank: &Bank, width: usize) -> String {
    let mut out = String::new();
    for block in BlockId::ALL {
        for line in cell(canvas, bank, block, width) {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}
