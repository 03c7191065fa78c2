//! Test card rules: a test that cannot be judged, a test past its deadline with nothing learnt,
//! and a test missing where it matters most, on one of the riskiest assumptions.

use std::collections::HashSet;

use super::Severity::{Missing, Suggestion};
use super::rule::{Impact, PointsTo, Rule, Spot};
use crate::analysis::assumptions::ranked;
use crate::bank::Bank;
use crate::model::{BlockId, Canvas, Test, TestState};

/// A test with no success criterion: nothing says when it counts as right.
pub static TEST_WITHOUT_CRITERION: Rule = Rule {
    id: "test_without_criterion",
    severity: Missing,
    impact: Impact::Review,
    detect: tests_without_criterion,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// A test past its deadline, not closed, with no learning recorded.
pub static TEST_OVERDUE: Rule = Rule {
    id: "test_overdue",
    severity: Suggestion,
    impact: Impact::Review,
    detect: tests_overdue,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// Once a canvas has test cards, one of its three riskiest assumptions with no open test.
pub static RISKIEST_UNTESTED: Rule = Rule {
    id: "riskiest_untested",
    severity: Suggestion,
    impact: Impact::Plan,
    detect: riskiest_untested,
    points_to: PointsTo::Nothing,
    walk: None,
};

fn tests_without_criterion(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    tests_where(canvas, |test| test.criterion.trim().is_empty())
}

/// Past is measured against the canvas's own day (`Canvas::as_of`), never the clock: a rule
/// gives the same answer on any day, and a canvas without a date has no overdue tests.
fn tests_overdue(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    let Some(today) = canvas.as_of() else {
        return Vec::new();
    };
    tests_where(canvas, |test| canvas.is_overdue(test, today))
}

/// The riskiest assumption among the first three of the ranking that no planned or running test
/// names; at most one, so the report suggests one test at a time. Only once the founder designs
/// tests: before that, the risk ranking and coach mode's last step point to the riskiest, and a
/// canvas is not judged for a practice it has not taken up.
fn riskiest_untested(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    const RISKIEST: usize = 3;
    if canvas.tests.is_empty() {
        return Vec::new();
    }
    let open: HashSet<&str> = canvas
        .tests
        .iter()
        .filter(|t| t.state != TestState::Done)
        .flat_map(|t| t.items.iter().map(String::as_str))
        .collect();
    ranked(canvas, &bank.words)
        .iter()
        .take(RISKIEST)
        .find(|risk| !open.contains(risk.item.id.as_str()))
        .map(|risk| Spot::new(risk.block).item(&risk.item.id))
        .into_iter()
        .collect()
}

/// The tests for which `holds`, each in the block of the first item it tests (the segments
/// when it names none that exists), named by its id, in the order written.
fn tests_where(canvas: &Canvas, holds: impl Fn(&Test) -> bool) -> Vec<Spot> {
    let index = canvas.item_index();
    canvas
        .tests
        .iter()
        .enumerate()
        .filter(|(_, test)| holds(test))
        .map(|(step, test)| {
            let block = test
                .items
                .iter()
                .find_map(|id| index.get(id.as_str()).map(|(block, _)| *block))
                .unwrap_or(BlockId::CustomerSegments);
            Spot::new(block).subject(&test.id).step(step)
        })
        .collect()
}
