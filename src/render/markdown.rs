//! The canvas as a Markdown document that reads well on a code-hosting site: the details, each
//! block with its choices, items and answers, links named by the segments they serve, and the
//! gap report with its next steps.

use std::fmt::Write;

use super::report;
use crate::bank::Bank;
use crate::gaps::GapReport;
use crate::i18n::{Messages, fill};
use crate::model::BlockId;
use crate::model::Canvas;

use super::{choice_labels, entity, segments_served};

/// Escapes text for Markdown: inline markup and raw HTML both show as typed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match (entity(c), c) {
            // Quotes mean nothing to Markdown outside HTML, and read better as they are.
            (Some(_), '"' | '\'') => out.push(c),
            (Some(entity), _) => out.push_str(entity),
            (None, '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~') => {
                out.push('\\');
                out.push(c);
            }
            (None, '\n' | '\r') => out.push(' '),
            (None, _) => out.push(c),
        }
    }
    out
}

pub fn markdown(canvas: &Canvas, bank: &Bank, report: &GapReport, messages: &Messages) -> String {
    let m = &messages.render;
    let meta = &canvas.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&meta.title));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        m.designed_for, m.designed_by, m.date, m.iteration
    );
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n",
        escape(&meta.designed_for),
        escape(&meta.designed_by),
        escape(&meta.date),
        meta.iteration
    );

    let served = segments_served(canvas);
    let segments = &canvas.block(BlockId::CustomerSegments).items;
    for block in BlockId::ALL {
        let asked = bank.block(block);
        let written = canvas.block(block);
        let _ = writeln!(out, "## {}\n", escape(&asked.title));
        let choices = choice_labels(bank, canvas, block, None);
        if !choices.is_empty() {
            let _ = writeln!(out, "*{}*\n", escape(&choices.join(" · ")));
        }
        if written.items.is_empty() {
            let _ = writeln!(out, "{}\n", m.no_items);
        } else if block == BlockId::CustomerSegments {
            let _ = writeln!(out, "*{}*\n", m.legend);
        }
        for item in &written.items {
            let _ = write!(
                out,
                "- {} **{}** {}",
                item.status.mark(),
                escape(&item.id),
                escape(&item.text)
            );
            let own = choice_labels(bank, canvas, block, Some(item));
            if !own.is_empty() {
                let _ = write!(out, " — *{}*", escape(&own.join(", ")));
            }
            if block != BlockId::CustomerSegments {
                let names: Vec<String> = served
                    .get(item.id.as_str())
                    .into_iter()
                    .flatten()
                    .map(|&n| escape(&segments[n].text))
                    .collect();
                if !names.is_empty() {
                    let _ = write!(out, " — {}: {}", m.serves, names.join(", "));
                }
            }
            if let Some(note) = &item.note {
                let _ = write!(out, " — {}: {}", m.note, escape(note));
            }
            for evidence in &item.evidence {
                let _ = write!(out, "\n  - {}: {}", m.evidence, escape(evidence));
            }
            out.push('\n');
        }
        if !written.items.is_empty() {
            out.push('\n');
        }
        for question in &asked.questions {
            if let Some(answer) = written.answer(question.id()) {
                let _ = writeln!(out, "**{}**  \n{}\n", escape(&question.text), escape(answer));
            }
        }
        if let Some(notes) = &written.notes {
            let _ = writeln!(out, "> {}\n", escape(notes));
        }
    }

    let r = &messages.report;
    let _ = writeln!(
        out,
        "## {}\n",
        fill(&r.heading, &[("title", &escape(&meta.title))])
    );
    let _ = writeln!(
        out,
        "{}\n",
        fill(&r.score, &[("score", &report.score.to_string())])
    );
    if report.gaps.is_empty() {
        let _ = writeln!(out, "{}", r.no_gaps);
        return out;
    }
    for gap in &report.gaps {
        let severity = report::severity_label(gap.severity, messages);
        let _ = writeln!(
            out,
            "- **{}** · {}: {}",
            severity,
            escape(&bank.block(gap.block).title),
            escape(&gap.message)
        );
    }
    let steps = report.next_steps();
    if !steps.is_empty() {
        let _ = writeln!(out, "\n### {}\n", r.next_steps);
        for (n, step) in steps.iter().enumerate() {
            let question = escape(report::step_text(step, bank));
            let title = escape(&bank.block(step.block).title);
            let _ = writeln!(
                out,
                "{}. {}",
                n + 1,
                fill(&r.next_step, &[("block", &title), ("question", &question)])
            );
        }
    }
    out
}
