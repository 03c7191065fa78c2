//! What changed between two iterations, as text or as Markdown for a session summary.

use std::fmt::Write;

use super::Format;
use super::markdown::escape;
use super::safe;
use crate::analysis::diff::{Change, Diff};
use crate::bank::Bank;
use crate::i18n::{Messages, fill};
use crate::model::Canvas;

/// The changes in `format` (text, or Markdown for a session summary).
pub fn diff(
    diff: &Diff,
    old: &Canvas,
    new: &Canvas,
    bank: &Bank,
    messages: &Messages,
    format: Format,
) -> String {
    let markdown = format == Format::Markdown;
    let m = &messages.diff;
    let esc = escaper(markdown);
    let mut out = String::new();
    let heading = fill(
        &m.heading,
        &[
            ("title", &esc(&new.meta.title)),
            ("from", &old.meta.iteration.to_string()),
            ("to", &new.meta.iteration.to_string()),
        ],
    );
    let score = fill(
        &m.score,
        &[
            ("before", &diff.score_before.to_string()),
            ("after", &diff.score_after.to_string()),
        ],
    );
    if markdown {
        let _ = writeln!(out, "# {heading}\n\n{score}\n");
    } else {
        let _ = writeln!(out, "{heading}\n{score}\n");
    }
    if diff.blocks.is_empty() {
        let _ = writeln!(out, "{}", m.no_changes);
        return out;
    }
    for (block, changes) in &diff.blocks {
        let title = esc(&bank.block(*block).title);
        if markdown {
            let _ = writeln!(out, "## {title}\n");
        } else {
            let _ = writeln!(out, "{title}");
        }
        for change in changes {
            let (sign, line) = change_line(change, messages, &esc);
            if markdown {
                // A sign would start a nested list; the words say it already.
                let _ = writeln!(out, "- {line}");
            } else {
                let _ = writeln!(out, "  {sign} {line}");
            }
        }
        out.push('\n');
    }
    out
}

/// How texts from the canvases and the bank are written: escaped for Markdown, or for a terminal.
fn escaper(markdown: bool) -> fn(&str) -> String {
    if markdown {
        escape
    } else {
        |t| safe::line(t).into_owned()
    }
}

/// A change in words, with the sign the text form shows before it.
fn change_line(change: &Change, messages: &Messages, esc: &dyn Fn(&str) -> String) -> (char, String) {
    let m = &messages.diff;
    match change {
        Change::ItemAdded { id, text } => (
            '+',
            fill(&m.item_added, &[("id", &esc(id)), ("text", &esc(text))]),
        ),
        Change::ItemRemoved { id, text } => (
            '-',
            fill(&m.item_removed, &[("id", &esc(id)), ("text", &esc(text))]),
        ),
        Change::ItemEdited {
            id,
            what,
            before,
            after,
        } => (
            '~',
            fill(
                &m.item_edited,
                &[
                    ("id", &esc(id)),
                    ("what", &esc(what)),
                    ("before", &quoted(before, messages, esc)),
                    ("after", &quoted(after, messages, esc)),
                ],
            ),
        ),
        Change::ChoiceAdded { group, label } => (
            '+',
            fill(&m.choice_added, &[("group", &esc(group)), ("label", &esc(label))]),
        ),
        Change::ChoiceRemoved { group, label } => (
            '-',
            fill(
                &m.choice_removed,
                &[("group", &esc(group)), ("label", &esc(label))],
            ),
        ),
        Change::AnswerChanged {
            question,
            before,
            after,
        } => (
            '~',
            fill(
                &m.answer_changed,
                &[
                    ("question", &esc(question)),
                    ("before", &quoted(before, messages, esc)),
                    ("after", &quoted(after, messages, esc)),
                ],
            ),
        ),
    }
}

/// A text before or after a change in quotes, or a word saying it was empty.
fn quoted(text: &str, messages: &Messages, esc: &dyn Fn(&str) -> String) -> String {
    if text.is_empty() {
        messages.diff.empty.clone()
    } else {
        format!("“{}”", esc(text))
    }
}
