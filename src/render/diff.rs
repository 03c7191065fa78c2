//! What changed between two iterations, as text or as Markdown for a session summary: block by
//! block, then the tests and learnings.

use std::fmt::Write;

use super::Format;
use super::cards::learning_line;
use super::markdown::escape;
use super::safe;
use crate::analysis::diff::{CardChange, Change, Diff};
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
    if diff.blocks.is_empty() && diff.cards.is_empty() {
        let _ = writeln!(out, "{}", m.no_changes);
        return out;
    }
    for (title, lines) in sections(diff, bank, messages, &esc) {
        if markdown {
            let _ = writeln!(out, "## {title}\n");
        } else {
            let _ = writeln!(out, "{title}");
        }
        for (sign, line) in lines {
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

/// Each block's changes under its title, then the tests' under theirs, each with its sign.
fn sections(
    diff: &Diff,
    bank: &Bank,
    messages: &Messages,
    esc: &dyn Fn(&str) -> String,
) -> Vec<(String, Vec<(char, String)>)> {
    let blocks = diff.blocks.iter().map(|(b, changes)| {
        let lines = changes.iter().map(|c| change_line(c, messages, esc));
        (esc(&bank.block(*b).title), lines.collect::<Vec<_>>())
    });
    let cards = diff
        .cards
        .iter()
        .map(|c| card_line(c, messages, esc))
        .collect::<Vec<_>>();
    let cards = Some((messages.cards.tests.clone(), cards)).filter(|(_, c)| !c.is_empty());
    blocks.chain(cards).collect()
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

/// A change to the tests in words, with the sign the text form shows before it.
fn card_line(change: &CardChange, messages: &Messages, esc: &dyn Fn(&str) -> String) -> (char, String) {
    let m = &messages.diff;
    match change {
        CardChange::TestAdded { id, hypothesis } => (
            '+',
            fill(&m.test_added, &[("id", &esc(id)), ("text", &esc(hypothesis))]),
        ),
        CardChange::TestRemoved { id, hypothesis } => (
            '-',
            fill(&m.test_removed, &[("id", &esc(id)), ("text", &esc(hypothesis))]),
        ),
        CardChange::TestMoved { id, before, after } => {
            let (id, word) = (esc(id), |s| messages.cards.state_word(s));
            let states = [
                ("id", id.as_str()),
                ("before", word(*before)),
                ("after", word(*after)),
            ];
            ('~', fill(&m.test_state, &states))
        }
        CardChange::LearningAdded(learning) => (
            '+',
            fill(
                &m.learning_added,
                &[("learning", &learning_line(learning, messages, esc))],
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
