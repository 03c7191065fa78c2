//! The gap report as text for a person: grouped by block, coloured by severity when the output
//! is a terminal, ending with the next questions to answer.

use std::fmt::Write;

use console::Style;

use crate::bank::Bank;
use crate::gaps::{Gap, GapReport, Severity};
use crate::i18n::{Messages, fill};
use crate::model::Canvas;

pub fn report(canvas: &Canvas, report: &GapReport, bank: &Bank, messages: &Messages) -> String {
    let m = &messages.report;
    let bold = Style::new().bold();
    let mut out = String::new();
    let title = if canvas.meta.title.is_empty() {
        m.untitled.as_str()
    } else {
        canvas.meta.title.as_str()
    };
    let _ = writeln!(out, "{}", bold.apply_to(fill(&m.heading, &[("title", title)])));
    let counts = fill(
        &m.counts,
        &[
            (
                "missing",
                &messages.count(&m.missing_count, report.count(Severity::Missing)),
            ),
            (
                "inconsistent",
                &messages.count(&m.inconsistent_count, report.count(Severity::Inconsistent)),
            ),
            (
                "suggestion",
                &messages.count(&m.suggestion_count, report.count(Severity::Suggestion)),
            ),
        ],
    );
    let score = fill(&m.score, &[("score", &report.score.to_string())]);
    let _ = writeln!(out, "{} · {counts}", bold.apply_to(score));

    if report.gaps.is_empty() {
        let _ = writeln!(out, "\n{}", Style::new().green().apply_to(&m.no_gaps));
        return out;
    }

    let width = [&m.missing, &m.inconsistent, &m.suggestion]
        .iter()
        .map(|s| console::measure_text_width(s))
        .max()
        .unwrap_or(0);
    let mut current = None;
    for gap in &report.gaps {
        if current != Some(gap.block) {
            current = Some(gap.block);
            let _ = writeln!(out, "\n{}", bold.apply_to(&bank.block(gap.block).title));
        }
        let label = severity_label(gap.severity, messages);
        let padded = format!("{label:<width$}");
        let _ = writeln!(
            out,
            "  {}  {}",
            severity_style(gap.severity).apply_to(padded),
            gap.message
        );
    }

    let steps = report.next_steps();
    if !steps.is_empty() {
        let _ = writeln!(out, "\n{}", bold.apply_to(&m.next_steps));
        for (n, gap) in steps.iter().enumerate() {
            let step = fill(
                &m.next_step,
                &[
                    ("block", &bank.block(gap.block).title),
                    ("question", step_text(gap, bank)),
                ],
            );
            let _ = writeln!(out, "  {}. {step}", n + 1);
        }
    }
    out
}

/// What a next step asks: the guiding question the gap points to, or its message.
pub fn step_text<'a>(gap: &'a Gap, bank: &'a Bank) -> &'a str {
    let block = bank.block(gap.block);
    gap.question
        .as_deref()
        .and_then(|q| block.question(q))
        .map_or(gap.message.as_str(), |q| q.text.as_str())
}

pub fn severity_label(severity: Severity, messages: &Messages) -> &str {
    let m = &messages.report;
    match severity {
        Severity::Missing => &m.missing,
        Severity::Inconsistent => &m.inconsistent,
        Severity::Suggestion => &m.suggestion,
    }
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Missing => Style::new().yellow(),
        Severity::Inconsistent => Style::new().red(),
        Severity::Suggestion => Style::new().cyan(),
    }
}
