//! Test cards and learning cards in the user's file, `[[test]]` and `[[learning]]` or their
//! inline forms: tests matched by id and learnings by position, updated in place so comments
//! and keys of the user's own survive.

use toml_edit::{Item, Table, TableLike};

use super::items::write_amount;
use super::rows::Rows;
use super::values::{set_optional, set_optional_str, set_str, set_strs};
use crate::model::{Cost, Decision, Learning, Strength, Test};

pub fn write_tests(root: &mut Table, tests: &[Test]) {
    if tests.is_empty() {
        root.remove("test");
        return;
    }
    let list = root.entry("test").or_insert(Item::None);
    Rows::of(list).by_id(tests, |test| &test.id, write_test);
}

fn write_test(t: &mut dyn TableLike, test: &Test) {
    set_str(t, "id", &test.id);
    set_strs(t, "items", &test.items);
    set_optional_str(t, "hypothesis", &test.hypothesis);
    set_optional_str(t, "experiment", &test.experiment);
    set_optional_str(t, "metric", &test.metric);
    set_optional_str(t, "criterion", &test.criterion);
    match &test.cost {
        Some(Cost::Text(text)) => set_str(t, "cost", text),
        Some(Cost::Amount(amount)) => write_amount(t, "cost", Some(amount)),
        None => write_amount(t, "cost", None),
    }
    set_optional(t, "deadline", test.deadline.as_deref(), set_str);
    set_str(t, "state", test.state.id());
}

pub fn write_learnings(root: &mut Table, learnings: &[Learning]) {
    if learnings.is_empty() {
        root.remove("learning");
        return;
    }
    let list = root.entry("learning").or_insert(Item::None);
    Rows::of(list).by_position(learnings, |t, l| {
        set_str(t, "test", &l.test);
        set_str(t, "date", &l.date);
        set_optional_str(t, "observation", &l.observation);
        set_optional_str(t, "insight", &l.insight);
        set_optional(t, "decision", l.decision.map(Decision::id), set_str);
        // Unknown is the default, left out unless the user wrote it.
        let unknown = l.strength == Strength::Unknown;
        let written = t.get("strength").and_then(Item::as_str) == Some(Strength::Unknown.id());
        set_optional(
            t,
            "strength",
            (!unknown || written).then(|| l.strength.id()),
            set_str,
        );
    });
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::Canvas;
    use crate::model::TestState;

    const CARDS: &str = r#"format = 2

[meta]
title = "T"
iteration = 1
language = "en"

[[customer_segments.items]]
id = "cs1"
text = "Remote workers"
evidence = [
  "2026-10-01: said so", # an old, plain entry
]

# Our first test.
[[test]]
id = "t1"
items = ["cs1"]
hypothesis = "We believe that remote workers brew at home"
criterion = "We are right if 10 of 20 do"
cost = { value = 50, currency = "EUR" }
deadline = "2026-12-01"
state = "running"
owner = "Ana" # a key of the user's own

[[learning]]
test = "t1"
date = "2026-12-02"
observation = "14 of 20 do"
decision = "persevere"
strength = "do"
"#;

    fn read(text: &str) -> (Canvas, toml_edit::DocumentMut) {
        let canvas = crate::file::parse_canvas(Path::new("c.toml"), text).unwrap();
        (canvas, text.parse().unwrap())
    }

    fn write(doc: toml_edit::DocumentMut, canvas: &Canvas) -> String {
        let report = crate::gaps::GapReport::new(
            canvas,
            crate::bank::Bank::builtin(crate::i18n::Language::En),
            crate::i18n::Messages::get(crate::i18n::Language::En),
        );
        let text = super::super::render(Some(doc), canvas, &report);
        text[..text.find("\n# Written by canvas-coach").unwrap()].to_owned()
    }

    #[test]
    fn tests_learnings_and_evidence_are_rewritten_as_the_user_wrote_them() {
        let (canvas, doc) = read(CARDS);
        assert_eq!(canvas.tests[0].state, TestState::Running);
        assert_eq!(canvas.learnings[0].strength, Strength::Do);
        assert_eq!(write(doc, &canvas), CARDS);
    }

    #[test]
    fn new_evidence_tests_and_learnings_are_added_in_place() {
        let (mut canvas, doc) = read(CARDS);
        let item = canvas.block_mut(crate::model::BlockId::CustomerSegments);
        let text = "2026-12-02: 14 of 20 brew daily";
        item.items[0]
            .evidence
            .push(crate::model::Evidence::new(text, Strength::Do));
        canvas.tests[0].state = TestState::Done;
        let id = canvas.add_test(Test {
            items: vec!["cs1".into()],
            criterion: "We are right if 5 pre-order".into(),
            cost: Some(Cost::Text("two afternoons".into())),
            ..Test::default()
        });
        canvas.learnings.push(Learning {
            test: id.clone(),
            date: "2026-12-10".into(),
            ..Learning::default()
        });
        let text = write(doc, &canvas);
        assert!(text.contains("  \"2026-10-01: said so\", # an old, plain entry\n  { text = \"2026-12-02: 14 of 20 brew daily\", strength = \"do\" },\n]"), "{text}");
        assert!(
            text.contains("state = \"done\"\nowner = \"Ana\" # a key of the user's own"),
            "{text}"
        );
        assert!(text.contains("[[test]]\nid = \"t2\"\nitems = [\"cs1\"]\ncriterion = \"We are right if 5 pre-order\"\ncost = \"two afternoons\"\nstate = \"planned\""), "{text}");
        assert!(text.contains("last_test = 2"), "{text}");
        let read_back = crate::file::parse_canvas(Path::new("c.toml"), &text).unwrap();
        assert_eq!(read_back, canvas);
    }
}
