//! The cohort table and its JSON: one row per canvas, errors in place of the figures.

use console::{Alignment, Style, pad_str};
use serde::Serialize;

use crate::analysis::cohort::{Checked, Judge, Report};
use crate::gaps::{Accepted, Gap, Severity};
use crate::i18n::Messages;
use crate::money::Figures;
use crate::render::safe;

/// The cohort table: one row per canvas, errors in place of the figures.
pub fn table(checked: &[Checked], judge: &Judge<'_>, messages: &Messages) -> String {
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
    let rows: Vec<Vec<String>> = checked.iter().map(|c| row(c, judge, messages)).collect();
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| console::measure_text_width(h)).collect();
    for row in rows.iter().filter(|r| r.len() == columns) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(console::measure_text_width(cell));
        }
    }
    let red = Style::new().red();
    let mut out = format!("{}\n", Style::new().bold().apply_to(line(&header, &widths)));
    for row in &rows {
        if row.len() == columns {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            out.push_str(&line(&cells, &widths));
        } else {
            let file = pad_str(&row[0], widths[0], Alignment::Left, None);
            out.push_str(&format!("{file}  {}", red.apply_to(&row[1])));
        }
        out.push('\n');
    }
    out
}

/// A canvas's cells, or only its file and the error that kept it from being checked.
fn row(checked: &Checked, judge: &Judge<'_>, messages: &Messages) -> Vec<String> {
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
                    acknowledged: &gaps.acknowledged,
                    numbers: Numbers::of(&gaps.figures),
                },
                Err(error) => JsonRow::Failed {
                    file,
                    error: error.localized_exact(messages),
                },
            }
        })
        .collect();
    let text = serde_json::to_string_pretty(&rows).expect("reports serialise");
    format!("{}\n", safe::json(&text))
}
