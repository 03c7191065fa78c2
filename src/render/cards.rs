//! Test cards and learning cards for people: `test list`, and the compact cards that the text,
//! Markdown and HTML renderings show after the canvas. Each takes the escape of its format for
//! the texts from the canvas; the words around them are the messages'.

use std::fmt::Write;

use crate::i18n::{Messages, fill};
use crate::model::{Canvas, Cost, Learning, Test, TestState};
use crate::render::safe;
use crate::render::wrap::hanging;

/// How a format writes a text from the canvas.
pub type Escape<'a> = &'a dyn Fn(&str) -> String;

/// A text for the terminal: one line, its control characters escaped.
pub fn plain(text: &str) -> String {
    safe::line(text).into_owned()
}

/// The tests, open ones first, each with its state, deadline and learnings; overdue ones marked.
pub fn test_list(canvas: &Canvas, messages: &Messages, today: &str, path: &str) -> String {
    let m = &messages.cards;
    if canvas.tests.is_empty() {
        return format!("{}\n", fill(&m.no_tests, &[("path", path)]));
    }
    let title = safe::line(&canvas.meta.title);
    let mut out = format!("{} — {title}\n", m.tests);
    for test in open_first(canvas) {
        let mut lines = head_and_items(canvas, test, messages, today, &plain);
        lines.extend(given(&test.hypothesis, &plain));
        let labelled = [
            (&m.labels.experiment, &test.experiment),
            (&m.labels.metric, &test.metric),
            (&m.labels.criterion, &test.criterion),
        ];
        for (label, text) in labelled {
            // A criterion from the form opens with the words the label would repeat.
            let text = text.strip_prefix(m.criterion_start.as_str()).unwrap_or(text);
            lines.extend(given(text, &plain).map(|text| format!("{label}: {text}")));
        }
        if let Some(cost) = &test.cost {
            lines.push(format!("{}: {}", m.cost, cost_text(cost, messages, &plain)));
        }
        let _ = writeln!(out, "\n{}", lines.join("\n    "));
        for learning in canvas.learnings_for(&test.id) {
            let _ = writeln!(out, "    {}", learning_line(learning, messages, &plain));
        }
    }
    out
}

/// The tests, open ones first, in the file's order within each.
fn open_first(canvas: &Canvas) -> Vec<&Test> {
    let mut tests: Vec<&Test> = canvas.tests.iter().collect();
    tests.sort_by_key(|t| t.state == TestState::Done);
    tests
}

/// A test as the renderings show it: its id with its state, deadline, learnings and whether it
/// is overdue on `today`; the items it tests; its hypothesis and success criterion where given.
fn compact_card(canvas: &Canvas, test: &Test, messages: &Messages, today: &str, esc: Escape) -> Vec<String> {
    let mut lines = head_and_items(canvas, test, messages, today, esc);
    lines.extend(
        [&test.hypothesis, &test.criterion]
            .into_iter()
            .filter_map(|t| given(t, esc)),
    );
    lines
}

/// A test's first two lines: its id with its state, deadline, learnings and overdue mark; and
/// the items it tests, each with its text.
fn head_and_items(
    canvas: &Canvas,
    test: &Test,
    messages: &Messages,
    today: &str,
    esc: Escape,
) -> Vec<String> {
    let m = &messages.cards;
    let mut head = vec![m.state_word(test.state).to_owned()];
    if let Some(deadline) = &test.deadline {
        head.push(fill(&m.due, &[("date", &esc(deadline))]));
    }
    let learnt = canvas.learnings_for(&test.id).count();
    if learnt > 0 {
        head.push(messages.count(&m.learnings_count, learnt));
    }
    if canvas.is_overdue(test, today) {
        head.push(m.overdue.clone());
    }
    let mut lines = vec![format!("{}  {}", esc(&test.id), head.join(" · "))];
    let index = canvas.item_index();
    let items: Vec<String> = test
        .items
        .iter()
        .map(|id| match index.get(id.as_str()) {
            Some((_, item)) => format!("{} {}", esc(id), esc(&item.text)),
            None => esc(id),
        })
        .collect();
    lines.push(format!("{}: {}", m.items, items.join(", ")));
    lines
}

/// A text written on a card, escaped; none where it is blank.
fn given(text: &str, esc: Escape) -> Option<String> {
    (!text.trim().is_empty()).then(|| esc(text))
}

/// A learning as one line: its test, date, decision and strength, observation and insight.
pub fn learning_line(learning: &Learning, messages: &Messages, esc: Escape) -> String {
    let m = &messages.cards;
    let mut head = vec![esc(&learning.date)];
    head.extend(learning.decision.map(|d| m.decision_word(d).to_owned()));
    head.extend(m.strength_mark(learning.strength).map(str::to_owned));
    let said: Vec<String> = [&learning.observation, &learning.insight]
        .into_iter()
        .filter_map(|t| given(t, esc))
        .collect();
    format!(
        "{} ({}): {}",
        esc(&learning.test),
        head.join(", "),
        said.join(" — ")
    )
}

fn cost_text(cost: &Cost, messages: &Messages, esc: Escape) -> String {
    match cost {
        Cost::Text(text) => esc(text),
        Cost::Amount(amount) => {
            let currency = amount.currency.as_deref().map(esc);
            messages.money(amount.value, currency.as_deref())
        }
    }
}

/// The tests after the text grid, wrapped to `width`: a heading, then each test's compact card
/// with its learnings indented under its first line. Overdue is measured against the canvas's
/// own day, as the gap report does, so a rendering is the same on any day.
pub fn text_section(canvas: &Canvas, messages: &Messages, width: usize) -> String {
    /// Lines under a test's first one, and the lines a long one wraps onto.
    const INDENT: usize = 4;
    const HANGING: usize = 6;
    if canvas.tests.is_empty() {
        return String::new();
    }
    let today = canvas.as_of().unwrap_or_default();
    let mut out = format!("\n{}\n", messages.cards.tests.to_uppercase());
    for test in open_first(canvas) {
        let card = compact_card(canvas, test, messages, today, &plain);
        let learnt = canvas
            .learnings_for(&test.id)
            .map(|l| learning_line(l, messages, &plain));
        for (n, line) in card.into_iter().chain(learnt).enumerate() {
            let (first, rest) = if n == 0 { (0, INDENT) } else { (INDENT, HANGING) };
            out.push_str(&hanging(&" ".repeat(first), rest, &line, width));
        }
    }
    out
}

/// Each open test first, with its compact card and its learnings, for the Markdown and HTML
/// renderings: the card's lines, then the learnings' lines, escaped by `esc`.
pub fn cards_for(canvas: &Canvas, messages: &Messages, esc: Escape) -> Vec<(Vec<String>, Vec<String>)> {
    let today = canvas.as_of().unwrap_or_default();
    open_first(canvas)
        .into_iter()
        .map(|test| {
            let learnt = canvas.learnings_for(&test.id);
            (
                compact_card(canvas, test, messages, today, esc),
                learnt.map(|l| learning_line(l, messages, esc)).collect(),
            )
        })
        .collect()
}
