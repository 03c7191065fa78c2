//! Checking many canvases at once, as a coach does for a cohort: finding the canvas files in the
//! folders given, checking them on every core, and the table or JSON that sums them up.

use std::fs;
use std::path::{Path, PathBuf};

use console::{Alignment, Style, pad_str};
use serde::Serialize;

use crate::canvas::Canvas;
use crate::error::Error;
use crate::gaps::{Gap, GapReport, Severity};
use crate::language::Voice;
use crate::messages::Messages;
use crate::parallel;
use crate::session;

/// One canvas checked, or the reason it could not be.
pub struct Checked {
    pub path: PathBuf,
    pub outcome: Result<Report, Error>,
}

/// A canvas and its gap report, in the canvas's language.
pub struct Report {
    pub canvas: Canvas,
    pub gaps: GapReport,
}

/// The files to check: files as given, folders searched (recursively, skipping hidden entries)
/// for `*.toml`, in name order.
pub fn files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let start = found.len();
            search(input, &mut found);
            found[start..].sort();
        } else {
            found.push(input.clone());
        }
    }
    found
}

fn search(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(folder) else {
        // An unreadable folder is checked as a file, which reports why it cannot be read.
        found.push(folder.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            search(&path, found);
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
}

/// Checks every file, spread over the machine's cores; `progress` is called once per file done.
pub fn check(files: &[PathBuf], voice: &Voice, progress: &(dyn Fn() + Sync)) -> Vec<Checked> {
    parallel::map(files, |path| {
        let checked = check_one(path, voice);
        progress();
        checked
    })
}

pub fn check_one(path: &Path, voice: &Voice) -> Checked {
    let outcome = match session::read_existing(path) {
        Ok(canvas) => {
            let (bank, messages) = voice.for_canvas(Some(&canvas.meta.language));
            let gaps = GapReport::new(&canvas, bank, messages);
            Ok(Report { canvas, gaps })
        }
        Err(error) => Err(error),
    };
    Checked {
        path: path.to_path_buf(),
        outcome,
    }
}

/// The cohort table: one row per canvas, errors in place of the figures.
pub fn table(checked: &[Checked], voice: &Voice, messages: &Messages) -> String {
    let m = &messages.cohort;
    let header = [
        m.file.as_str(),
        &m.title,
        &m.iteration,
        &m.score,
        &messages.report.missing,
        &messages.report.inconsistent,
        &messages.report.suggestion,
        &m.worst_block,
    ];
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(checked.len());
    for c in checked {
        let file = c.path.display().to_string();
        rows.push(match &c.outcome {
            Ok(Report { canvas, gaps }) => {
                let (bank, _) = voice.for_canvas(Some(&canvas.meta.language));
                let worst = gaps
                    .worst_block()
                    .map_or_else(|| "—".to_owned(), |b| bank.block(b).title.clone());
                let mut row = vec![
                    file,
                    canvas.meta.title.clone(),
                    canvas.meta.iteration.to_string(),
                    gaps.score.to_string(),
                ];
                row.extend(Severity::ALL.iter().map(|&s| gaps.count(s).to_string()));
                row.push(worst);
                row
            }
            Err(error) => vec![file, format!("{}: {}", m.error, error.localized(messages))],
        });
    }
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| console::measure_text_width(h)).collect();
    for row in rows.iter().filter(|r| r.len() == columns) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(console::measure_text_width(cell));
        }
    }
    // Figures are right-aligned, names left-aligned.
    let numeric = |i: usize| (2..=6).contains(&i);
    let line = |cells: &[&str]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let align = if numeric(i) {
                    Alignment::Right
                } else {
                    Alignment::Left
                };
                pad_str(cell, widths[i], align, None).into_owned()
            })
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    let bold = Style::new().bold();
    let red = Style::new().red();
    let mut out = format!("{}\n", bold.apply_to(line(&header)));
    for row in &rows {
        if row.len() == columns {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            out.push_str(&line(&cells));
        } else {
            let file = pad_str(&row[0], widths[0], Alignment::Left, None);
            out.push_str(&format!("{file}  {}", red.apply_to(&row[1])));
        }
        out.push('\n');
    }
    out
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
    },
    Failed {
        file: String,
        error: String,
    },
}

/// The reports as a JSON array, one object per canvas, with the fields of `[gap_report]`.
pub fn json(checked: &[Checked], messages: &Messages) -> String {
    let rows: Vec<JsonRow<'_>> = checked
        .iter()
        .map(|c| {
            let file = c.path.display().to_string();
            match &c.outcome {
                Ok(Report { canvas, gaps }) => JsonRow::Checked {
                    file,
                    title: &canvas.meta.title,
                    iteration: canvas.meta.iteration,
                    score: gaps.score,
                    gaps: &gaps.gaps,
                },
                Err(error) => JsonRow::Failed {
                    file,
                    error: error.localized(messages),
                },
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rows).expect("reports serialise");
    text.push('\n');
    text
}
