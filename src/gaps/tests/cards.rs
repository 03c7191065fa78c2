//! The test card rules on the complete example: a criterion missing, a deadline passed with
//! nothing learnt (as of the canvas's own day), and the riskiest assumptions left untested once
//! the founder tests.

use super::*;
use crate::analysis::assumptions::ranked;
use crate::gaps::GapReport;
use crate::gaps::cards::*;
use crate::i18n::{Language, Messages};
use crate::model::{Evidence, Learning, Strength, Test, TestState};

fn test(items: &[&str], criterion: &str, deadline: Option<&str>) -> Test {
    Test {
        items: items.iter().map(|&i| i.to_owned()).collect(),
        hypothesis: "We believe that offices want it.".into(),
        criterion: criterion.into(),
        deadline: deadline.map(str::to_owned),
        ..Test::default()
    }
}

/// The three riskiest assumptions of the complete example, riskiest first.
fn riskiest() -> Vec<String> {
    let c = complete();
    let ranked = ranked(&c, &bank().words);
    ranked.iter().take(3).map(|r| r.item.id.clone()).collect()
}

#[test]
fn a_test_without_a_success_criterion_is_missing_one() {
    let found = fires_after(&[&TEST_WITHOUT_CRITERION], |c| {
        c.add_test(test(
            &["vp3"],
            "We are right if 3 of 10 offices book a trial.",
            None,
        ));
        c.add_test(test(&["gone", "cs2"], "  ", None));
    });
    assert_eq!(
        found,
        [(&TEST_WITHOUT_CRITERION, BlockId::CustomerSegments, None)],
        "t2, in the block of the first item it tests that exists"
    );
    let mut c = complete();
    c.add_test(test(&[], "", None));
    let found = run(&[&TEST_WITHOUT_CRITERION], &c);
    assert_eq!(found[0].subject.as_deref(), Some("t1"));
}

#[test]
fn a_test_past_its_deadline_on_the_canvas_day_with_nothing_learnt_is_overdue() {
    // The example is dated 2026-11-23.
    let found = fires_after(&[&TEST_OVERDUE], |c| {
        c.add_test(test(&["vp3"], "3 of 10 book", Some("2026-11-20")));
        c.add_test(test(&["vp2"], "3 of 10 book", Some("2026-11-23")));
    });
    assert_eq!(found, [(&TEST_OVERDUE, BlockId::ValuePropositions, None)]);
    let quiet = fires_after(&[&TEST_OVERDUE], |c| {
        c.add_test(test(&["vp3"], "3 of 10 book", Some("2026-11-20")));
        c.learnings.push(Learning {
            test: "t1".into(),
            date: "2026-11-21".into(),
            ..Learning::default()
        });
        c.add_test(test(&["vp2"], "3 of 10 book", Some("2026-11-01")));
        c.tests[1].state = TestState::Done;
    });
    assert_eq!(quiet, [], "learnt from, or closed by hand");
    let later = fires_after(&[&TEST_OVERDUE], |c| {
        c.add_test(test(&["vp3"], "3 of 10 book", Some("2026-12-01")));
        let evidence = Evidence::new("2026-12-04: 2 offices booked", Strength::Do);
        c.block_mut(BlockId::ValuePropositions).items[0]
            .evidence
            .push(evidence);
    });
    assert_eq!(later.len(), 1, "newer evidence moves the canvas's day on");
    let mut undated = complete();
    undated.meta.date.clear();
    undated.add_test(test(&["vp3"], "3 of 10 book", Some("2000-01-01")));
    let report = GapReport::new(&undated, bank(), Messages::get(Language::En));
    let gap = report.gaps.iter().find(|g| g.rule == "test_overdue").unwrap();
    assert_eq!(
        gap.message,
        "Test t1 was due on 2000-01-01, and nothing learnt is recorded: what did it show? \
         Record it with `learn`, or move the deadline.",
        "dated evidence gives an undated canvas its day"
    );
    for block in BlockId::ALL {
        for item in &mut undated.block_mut(block).items {
            item.evidence.clear();
        }
    }
    assert_eq!(
        run(&[&TEST_OVERDUE], &undated),
        [],
        "no day at all: nothing is past"
    );
}

#[test]
fn once_tests_are_designed_the_riskiest_assumption_without_one_is_suggested_once() {
    let riskiest = riskiest();
    let id = |n: usize| riskiest[n].as_str();
    let found = fires_after(&[&RISKIEST_UNTESTED], |c| {
        c.add_test(test(&["ch3"], "5 sign-ups", None));
    });
    assert_eq!(found.len(), 1, "never more than one: {found:?}");
    assert_eq!(found[0].2.as_deref(), Some(id(0)));
    let second = fires_after(&[&RISKIEST_UNTESTED], |c| {
        c.add_test(test(&[id(0)], "5 sign-ups", None));
    });
    assert_eq!(second[0].2.as_deref(), Some(id(1)));
    let done = fires_after(&[&RISKIEST_UNTESTED], |c| {
        c.add_test(test(&[id(0)], "5 sign-ups", None));
        c.add_test(test(&[id(1), id(2)], "5 sign-ups", None));
        c.tests[0].state = TestState::Done;
    });
    assert_eq!(
        done[0].2.as_deref(),
        Some(id(0)),
        "a test done is no test planned"
    );
    let covered = fires_after(&[&RISKIEST_UNTESTED], |c| {
        c.add_test(test(&[id(0), id(1)], "5 sign-ups", None));
        c.add_test(test(&[id(2)], "5 sign-ups", None));
        c.tests[1].state = TestState::Running;
    });
    assert_eq!(covered, []);
}

#[test]
fn planning_a_test_costs_no_points_and_comes_after_a_coachs_questions() {
    let mut c = complete();
    c.add_test(test(&["ch3"], "5 sign-ups", None));
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    assert_eq!(report.gaps.len(), 1);
    assert_eq!(
        report.score,
        GapReport::new(&complete(), bank(), Messages::get(Language::En)).score
    );
    assert_eq!(report.next_steps()[0].0.rule, "riskiest_untested");
    c.tests[0].criterion.clear();
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    let steps: Vec<&str> = report.next_steps().iter().map(|(g, _)| g.rule).collect();
    assert_eq!(steps[0], "test_without_criterion", "{steps:?}");
}
