//! Test cards and learning cards for people: `test list`, and the cards as the text and
//! Markdown renderings show them under the canvas.

use std::fmt::Write;

use crate::i18n::{Messages, fill};
use crate::model::{Canvas, Cost, Learning, Test, TestState};
use crate::render::safe;

/// The tests, open ones first, each with its state, deadline and learnings; overdue ones marked.
pub fn test_list(canvas: &Canvas, messages: &Messages, today: &str, path: &str) -> String {
    let m = &messages.cards;
    if canvas.tests.is_empty() {
        return format!("{}\n", fill(&m.no_tests, &[("path", path)]));
    }
    let title = safe::line(&canvas.meta.title);
    let mut out = format!("{} — {title}\n", m.tests);
    let mut tests: Vec<&Test> = canvas.tests.iter().collect();
    tests.sort_by_key(|t| t.state == TestState::Done);
    for test in tests {
        let _ = writeln!(
            out,
            "\n{}",
            test_card(canvas, test, messages, today).join("\n    ")
        );
        for learning in canvas.learnings_for(&test.id) {
            let _ = writeln!(out, "    {}", learning_line(learning, messages));
        }
    }
    out
}

/// A test as lines: its id, state, deadline and learnings, then its hypothesis, items,
/// experiment, metric, criterion and cost.
pub fn test_card(canvas: &Canvas, test: &Test, messages: &Messages, today: &str) -> Vec<String> {
    let m = &messages.cards;
    let mut head = vec![m.state_word(test.state).to_owned()];
    if let Some(deadline) = &test.deadline {
        head.push(fill(&m.due, &[("date", &safe::line(deadline))]));
    }
    let learnt = canvas.learnings_for(&test.id).count();
    if learnt > 0 {
        head.push(messages.count(&m.learnings_count, learnt));
    }
    if canvas.is_overdue(test, today) {
        head.push(m.overdue.clone());
    }
    let mut lines = vec![format!("{}  {}", safe::line(&test.id), head.join(" · "))];
    let index = canvas.item_index();
    let items: Vec<String> = test
        .items
        .iter()
        .map(|id| match index.get(id.as_str()) {
            Some((_, item)) => format!("{} {}", safe::line(id), safe::line(&item.text)),
            None => safe::line(id).into_owned(),
        })
        .collect();
    lines.push(format!("{}: {}", m.items, items.join(", ")));
    for text in [&test.hypothesis, &test.experiment, &test.metric, &test.criterion] {
        if !text.trim().is_empty() {
            lines.push(safe::line(text).into_owned());
        }
    }
    if let Some(cost) = &test.cost {
        lines.push(format!("{}: {}", m.cost, cost_text(cost, messages)));
    }
    lines
}

/// A learning as one line: date, decision and strength, observation and insight.
pub fn learning_line(learning: &Learning, messages: &Messages) -> String {
    let m = &messages.cards;
    let mut head = vec![safe::line(&learning.date).into_owned()];
    head.extend(learning.decision.map(|d| m.decision_word(d).to_owned()));
    head.push(m.strength_word(learning.strength).to_owned());
    let said: Vec<String> = [&learning.observation, &learning.insight]
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| safe::line(t).into_owned())
        .collect();
    format!(
        "{} ({}): {}",
        safe::line(&learning.test),
        head.join(", "),
        said.join(" — ")
    )
}

pub fn cost_text(cost: &Cost, messages: &Messages) -> String {
    match cost {
        Cost::Text(text) => safe::line(text).into_owned(),
        Cost::Amount(amount) => {
            let currency = amount.currency.as_deref().map(safe::line);
            messages.money(amount.value, currency.as_deref())
        }
    }
}
