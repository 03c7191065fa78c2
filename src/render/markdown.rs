//! The canvas as a Markdown document that reads well on a code-hosting site: the details, each
//! block with its choices, items and answers, links named by the segments they serve, and the
//! gap report with its next steps.

use std::fmt::Write;

use super::report;
use crate::bank::Bank;
use crate::gaps::GapReport;
use crate::i18n::{Messages, fill};
use crate::model::BlockId;
use crate::model::{Canvas, Item};

use super::safe::{self, Shown};
use super::{PICKED, Served, choice_labels, entity, is_picked, picked_names};

/// Escapes text for Markdown: inline markup and raw HTML both show as typed, control characters
/// as visible escapes, and text that could reorder its surroundings is isolated (FSI … PDI).
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
            // `\u` is no Markdown escape: the backslash shows as typed.
            (None, _) if safe::escapes(c, Shown::Lines) => safe::push_escape(&mut out, c),
            (None, _) => out.push(c),
        }
    }
    if safe::needs_isolation(text) {
        out = format!("\u{2068}{out}\u{2069}");
    }
    out
}

pub fn markdown(canvas: &Canvas, bank: &Bank, report: &GapReport, messages: &Messages) -> String {
    let mut out = details(canvas, messages);
    let served = canvas.segments_served();
    for block in BlockId::ALL {
        out.push_str(&block_section(canvas, bank, block, &served, messages));
    }
    out.push_str(&tests(canvas, messages));
    out.push_str(&gap_report(canvas, report, bank, messages));
    out
}

/// The test cards, each a list entry with its lines and its learnings nested under it.
fn tests(canvas: &Canvas, messages: &Messages) -> String {
    let cards = super::cards::cards_for(canvas, messages, &escape);
    if cards.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "## {}

",
        messages.cards.tests
    );
    for (card, learnings) in cards {
        let _ = writeln!(out, "- **{}**", card[0]);
        for line in card[1..].iter().chain(&learnings) {
            let _ = writeln!(out, "  - {line}");
        }
    }
    out.push('\n');
    out
}

/// The title, and the canvas's details as a one-row table.
fn details(canvas: &Canvas, messages: &Messages) -> String {
    let m = &messages.render;
    let meta = &canvas.meta;
    let mut out = format!("# {}\n\n", escape(&meta.title));
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
    out
}

/// A block: its title, its choices, its items, the answers to its questions and its notes.
fn block_section(
    canvas: &Canvas,
    bank: &Bank,
    block: BlockId,
    served: &Served<'_>,
    messages: &Messages,
) -> String {
    let m = &messages.render;
    let asked = bank.block(block);
    let written = canvas.block(block);
    let mut out = format!("## {}\n\n", escape(&asked.title));
    let choices = choice_labels(bank, canvas, block, None);
    if !choices.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape(&choices.join(" · ")));
    }
    if written.items.is_empty() {
        let _ = writeln!(out, "{}\n", m.no_items);
    } else if block == BlockId::CustomerSegments {
        let _ = writeln!(out, "*{}*\n", super::legend(canvas, messages));
    }
    for item in &written.items {
        let segments = served.get(item.id.as_str()).map_or(&[][..], Vec::as_slice);
        out.push_str(&item_entry(canvas, bank, block, item, segments, messages));
    }
    if !written.items.is_empty() {
        out.push('\n');
    }
    for question in &asked.questions {
        // A pick first, then the words said before picks existed.
        let picked = written.picked(question.id());
        let mut said: Vec<String> = Vec::new();
        if !picked.is_empty() {
            said.push(format!(
                "{PICKED} {}",
                escape(&picked_names(canvas, picked).join(" · "))
            ));
        }
        said.extend(written.answer(question.id()).map(escape));
        if !said.is_empty() {
            let _ = writeln!(out, "**{}**  \n{}\n", escape(&question.text), said.join("  \n"));
        }
    }
    if let Some(notes) = &written.notes {
        let _ = writeln!(out, "> {}\n", escape(notes));
    }
    out
}

/// An item as a list entry: its status, id and text, its own choices, the segments it serves,
/// its note, and its evidence as a nested list.
fn item_entry(
    canvas: &Canvas,
    bank: &Bank,
    block: BlockId,
    item: &Item,
    segments: &[usize],
    messages: &Messages,
) -> String {
    let m = &messages.render;
    let mut out = format!("- {} **{}** ", item.status.mark(), escape(&item.id));
    if is_picked(canvas, &item.id) {
        let _ = write!(out, "{PICKED} ");
    }
    out.push_str(&escape(&item.text));
    let own = choice_labels(bank, canvas, block, Some(item));
    if !own.is_empty() {
        let _ = write!(out, " — *{}*", escape(&own.join(", ")));
    }
    // A segment serves itself; saying so would be noise.
    if block != BlockId::CustomerSegments {
        let names: Vec<String> = segments
            .iter()
            .map(|&n| escape(&canvas.block(BlockId::CustomerSegments).items[n].text))
            .collect();
        if !names.is_empty() {
            let _ = write!(out, " — {}: {}", m.serves, names.join(", "));
        }
    }
    if let Some(note) = &item.note {
        let _ = write!(out, " — {}: {}", m.note, escape(note));
    }
    for evidence in &item.evidence {
        let _ = match messages.cards.strength_mark(evidence.strength) {
            Some(mark) => write!(out, "\n  - {} ({mark}): {}", m.evidence, escape(&evidence.text)),
            None => write!(out, "\n  - {}: {}", m.evidence, escape(&evidence.text)),
        };
    }
    out.push('\n');
    out
}

/// The gap report after the canvas: the score, the gaps, then the figures, the numbered next
/// steps and the accepted gaps.
fn gap_report(canvas: &Canvas, report: &GapReport, bank: &Bank, messages: &Messages) -> String {
    let r = &messages.report;
    let mut out = format!(
        "## {}\n\n{}\n\n",
        fill(&r.heading, &[("title", &escape(&canvas.meta.title))]),
        report::score(report, messages)
    );
    if report.gaps.is_empty() {
        let _ = writeln!(out, "{}", r.no_gaps);
    }
    for gap in &report.gaps {
        let _ = writeln!(
            out,
            "- **{}** · {}: {}",
            report::severity_label(gap.severity, messages),
            escape(&bank.block(gap.block).title),
            escape(&gap.message)
        );
    }
    for (heading, lines, numbered) in report::sections(canvas, report, bank, messages, escape) {
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {heading}\n");
        for (n, line) in lines.iter().enumerate() {
            match numbered {
                true => writeln!(out, "{}. {line}", n + 1),
                false => writeln!(out, "- {line}"),
            }
            .expect("writing to a string");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn controls_show_as_escapes_and_right_to_left_text_is_isolated() {
        assert_eq!(escape("a\u{1b}[2J\tb\nc"), "a\\u{1b}\\[2J\tb c");
        assert_eq!(escape("x \u{202e}y"), "\u{2068}x \\u{202e}y\u{2069}");
        assert_eq!(escape("שלום"), "\u{2068}שלום\u{2069}");
        assert_eq!(
            escape("Brew *Box*"),
            "Brew \\*Box\\*",
            "left-to-right text stays as it was"
        );
    }
}
