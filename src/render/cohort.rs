//! The cohort's reports, written one canvas at a time as the check goes: a table, one row per
//! canvas with errors in place of the figures, a JSON array, or JSON lines.
//!
//! Rows are written before the last canvas is checked, so the table's column widths cannot come
//! from every row: the file names are all known at the start and set their column; the other
//! columns are as wide as their heading and the first rows (up to `cohort::WINDOW`), which are
//! written together. A longer cell later pushes the rest of its row to the right.

use std::path::PathBuf;

use console::{Alignment, Style, pad_str};
use serde::Serialize;

use super::Format;
use crate::analysis::cohort::{Checked, Judge, Report};
use crate::gaps::{Accepted, Gap, Severity};
use crate::i18n::Messages;
use crate::money::Figures;
use crate::render::safe;

/// How a cohort's reports are written, one canvas at a time.
pub enum Stream {
    /// The table's column widths.
    Table(Vec<usize>),
    /// A JSON array; whether a row has been written.
    Json(bool),
    JsonLines,
}

impl Stream {
    /// Starts writing in `format`: the table's widths come from the heading, every file name and
    /// the `first` reports.
    pub fn new(
        format: Format,
        files: &[PathBuf],
        first: &[Checked],
        judge: &Judge<'_>,
        messages: &Messages,
    ) -> Stream {
        match format {
            Format::Json => Stream::Json(false),
            Format::JsonLines => Stream::JsonLines,
            _ => Stream::Table(widths(files, first, judge, messages)),
        }
    }

    /// What comes before the first row: the table's heading, or the array's bracket.
    pub fn start(&self, messages: &Messages) -> String {
        match self {
            Stream::Table(widths) => {
                let heading = line(&heading(messages), widths);
                format!("{}\n", Style::new().bold().apply_to(heading))
            }
            Stream::Json(_) => "[".to_owned(),
            Stream::JsonLines => String::new(),
        }
    }

    /// One canvas's row.
    pub fn row(&mut self, checked: &Checked, judge: &Judge<'_>, messages: &Messages) -> String {
        match self {
            Stream::Table(widths) => table_row(checked, judge, messages, widths),
            Stream::Json(written) => {
                let text =
                    serde_json::to_string_pretty(&json_row(checked, messages)).expect("reports serialise");
                // Indented as an element of the array, as a pretty-printed array would be.
                let element = safe::json(&text).replace('\n', "\n  ");
                let comma = if std::mem::replace(written, true) { "," } else { "" };
                format!("{comma}\n  {element}")
            }
            Stream::JsonLines => {
                let text = serde_json::to_string(&json_row(checked, messages)).expect("reports serialise");
                format!("{}\n", safe::json(&text))
            }
        }
    }

    /// What comes after the last row.
    pub fn end(&self) -> String {
        match self {
            Stream::Json(_) => "\n]\n".to_owned(),
            _ => String::new(),
        }
    }
}

/// The table's headings.
fn heading(messages: &Messages) -> [&str; 8] {
    let m = &messages.cohort;
    [
        m.file.as_str(),
        &m.title,
        &m.iteration,
        &m.score,
        &messages.report.missing,
        &messages.report.inconsistent,
        &messages.report.suggestion,
        &m.worst_block,
    ]
}

/// The column widths: the headings', every file name's and the `first` rows' cells'.
fn widths(files: &[PathBuf], first: &[Checked], judge: &Judge<'_>, messages: &Messages) -> Vec<usize> {
    let heading = heading(messages);
    let mut widths: Vec<usize> = heading.iter().map(|h| console::measure_text_width(h)).collect();
    for file in files {
        widths[0] = widths[0].max(console::measure_text_width(&safe::path(file)));
    }
    for row in first.iter().map(|c| cells(c, judge, messages)) {
        if row.len() == heading.len() {
            for (width, cell) in widths.iter_mut().zip(&row) {
                *width = (*width).max(console::measure_text_width(cell));
            }
        }
    }
    widths
}

/// A canvas's row of the table, or its file and the error that kept it from being checked.
fn table_row(checked: &Checked, judge: &Judge<'_>, messages: &Messages, widths: &[usize]) -> String {
    let row = cells(checked, judge, messages);
    if row.len() == widths.len() {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        format!("{}\n", line(&cells, widths))
    } else {
        let file = pad_str(&row[0], widths[0], Alignment::Left, None);
        format!("{file}  {}\n", Style::new().red().apply_to(&row[1]))
    }
}

/// A canvas's cells, or only its file and the error that kept it from being checked.
fn cells(checked: &Checked, judge: &Judge<'_>, messages: &Messages) -> Vec<String> {
    let file = safe::path(&checked.path);
    match &checked.outcome {
        Ok(Report { canvas, gaps }) => {
            let (bank, _) = judge(canvas);
            let worst = gaps.worst_block().map_or_else(
                || "—".to_owned(),
                |b| safe::line(&bank.block(b).title).into_owned(),
            );
            let mut row = vec![
                file,
                safe::line(&canvas.meta.title).into_owned(),
                canvas.meta.iteration.to_string(),
                gaps.score.to_string(),
            ];
            row.extend(Severity::ALL.iter().map(|&s| gaps.count(s).to_string()));
            row.push(worst);
            row
        }
        Err(error) => vec![
            file,
            format!("{}: {}", messages.cohort.error, error.localized(messages)),
        ],
    }
}

/// A row of cells padded to the column widths: figures right-aligned, names left-aligned.
fn line(cells: &[&str], widths: &[usize]) -> String {
    let padded: Vec<String> = cells
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            // The iteration, the score and the three counts.
            let align = if (2..=6).contains(&i) {
                Alignment::Right
            } else {
                Alignment::Left
            };
            pad_str(cell, widths[i], align, None).into_owned()
        })
        .collect();
    padded.join("  ").trim_end().to_owned()
}

#[derive(Serialize)]
#[serde(untagged)]
enum JsonRow<'a> {
    Checked {
        file: String,
        title: &'a str,
        iteration: u32,
        score: u8,
        gaps: &'a [Gap],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        acknowledged: &'a [Accepted],
        #[serde(skip_serializing_if = "Option::is_none")]
        numbers: Option<Numbers<'a>>,
    },
    Failed {
        file: String,
        error: String,
    },
}

/// The yearly figures a canvas states, where it states any.
#[derive(Serialize)]
struct Numbers<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
    revenue_per_year: Option<f64>,
    costs_per_year: Option<f64>,
    segments: Vec<SegmentNumbers<'a>>,
}

#[derive(Serialize)]
struct SegmentNumbers<'a> {
    id: &'a str,
    revenue_per_year: Option<f64>,
    costs_per_year: Option<f64>,
}

impl<'a> Numbers<'a> {
    fn of(figures: &'a Figures) -> Option<Numbers<'a>> {
        if figures.revenue.is_none() && figures.costs.is_none() {
            return None;
        }
        let segments = figures
            .segments
            .iter()
            .map(|s| SegmentNumbers {
                id: &s.id,
                revenue_per_year: s.revenue,
                costs_per_year: s.costs,
            })
            .collect();
        Some(Numbers {
            currency: figures.currency.as_deref(),
            revenue_per_year: figures.revenue,
            costs_per_year: figures.costs,
            segments,
        })
    }
}

/// A canvas's report with the fields of `[gap_report]`, or its error.
fn json_row<'a>(checked: &'a Checked, messages: &Messages) -> JsonRow<'a> {
    let file = checked.path.display().to_string();
    match &checked.outcome {
        Ok(Report { canvas, gaps }) => JsonRow::Checked {
            file,
            title: &canvas.meta.title,
            iteration: canvas.meta.iteration,
            score: gaps.score,
            gaps: &gaps.gaps,
            acknowledged: &gaps.acknowledged,
            numbers: Numbers::of(&gaps.figures),
        },
        Err(error) => JsonRow::Failed {
            file,
            error: error.localized_exact(messages),
        },
    }
}
