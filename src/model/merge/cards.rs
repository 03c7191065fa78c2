//! Tests and learnings in a three-way merge: tests by id, ours added renumbered when theirs
//! took the id for another test; learnings as a log, kept from both sides.

use std::collections::HashMap;

use super::{Conflict, Resolve, Side, merge_log, pick};
use crate::model::{Canvas, Test, test_number};

/// `merged` (theirs) with the tests and learnings ours added or changed since `base`.
pub(super) fn merge_cards(base: &Canvas, ours: &Canvas, merged: &mut Canvas, resolve: &mut Resolve<'_>) {
    let ours = renumber_added(base, ours, merged);
    for test in &ours.tests {
        let before = base.test(&test.id);
        let theirs = merged.tests.iter().position(|t| t.id == test.id);
        match (before, theirs) {
            (Some(before), Some(n)) => {
                merged.tests[n] = pick(&test.id, before, test, &merged.tests[n], resolve);
            }
            // Theirs removed it: it comes back only when ours changed it and ours is kept.
            (Some(before), None) if before != test => {
                let conflict = Conflict {
                    key: test.id.clone(),
                    ours: test.hypothesis.clone(),
                    theirs: String::new(),
                };
                if resolve(&conflict) == Side::Ours {
                    merged.tests.push(test.clone());
                }
            }
            (None, None) => merged.tests.push(test.clone()),
            _ => {}
        }
    }
    merged.learnings = merge_log(&base.learnings, &ours.learnings, &merged.learnings);
    // A learning of ours about a test theirs removed brings the test back: a learning never
    // points at nothing.
    for learning in &ours.learnings {
        if merged.test(&learning.test).is_none()
            && let Some(test) = ours.test(&learning.test)
        {
            merged.tests.push(test.clone());
        }
    }
    merged.meta.last_test = merged.meta.last_test.max(ours.meta.last_test);
}

/// Ours with the tests it added under an id theirs gave another test renumbered past every
/// number either side used, and our learnings following them.
fn renumber_added(base: &Canvas, ours: &Canvas, theirs: &Canvas) -> Canvas {
    let mut ours = ours.clone();
    let clashes =
        |test: &Test| base.test(&test.id).is_none() && theirs.test(&test.id).is_some_and(|t| t != test);
    if !ours.tests.iter().any(clashes) {
        return ours;
    }
    let mut next = [ours.next_test_id(), theirs.next_test_id()]
        .iter()
        .filter_map(|id| test_number(id))
        .max()
        .unwrap_or(1);
    let mut renamed = HashMap::new();
    for test in ours.tests.iter_mut().filter(|t| clashes(t)) {
        let fresh = format!("t{next}");
        next = next.saturating_add(1);
        renamed.insert(test.id.clone(), fresh.clone());
        test.id = fresh;
    }
    for learning in &mut ours.learnings {
        if let Some(new) = renamed.get(&learning.test) {
            learning.test.clone_from(new);
        }
    }
    ours.meta.last_test = next.saturating_sub(1).max(ours.meta.last_test);
    ours
}

#[cfg(test)]
mod tests {
    use super::super::merge;
    use super::*;
    use crate::model::{Learning, TestState};

    fn test(hypothesis: &str) -> Test {
        Test {
            hypothesis: hypothesis.into(),
            ..Test::default()
        }
    }

    fn learning(test: &str, observation: &str) -> Learning {
        Learning {
            test: test.into(),
            date: "2026-12-01".into(),
            observation: observation.into(),
            ..Learning::default()
        }
    }

    #[test]
    fn tests_both_sides_added_under_one_id_are_both_kept_and_learnings_follow() {
        let mut base = Canvas::default();
        base.add_test(test("shared"));
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let id = ours.add_test(test("ours"));
        ours.learnings.push(learning(&id, "ours saw"));
        theirs.add_test(test("theirs"));
        theirs.learnings.push(learning("t1", "theirs saw"));
        let merged = merge(&base, &ours, &theirs, &mut |c| panic!("{c:?}"));
        let tests: Vec<(&str, &str)> = merged
            .tests
            .iter()
            .map(|t| (t.id.as_str(), t.hypothesis.as_str()))
            .collect();
        assert_eq!(tests, [("t1", "shared"), ("t2", "theirs"), ("t3", "ours")]);
        let learnings: Vec<(&str, &str)> = merged
            .learnings
            .iter()
            .map(|l| (l.test.as_str(), l.observation.as_str()))
            .collect();
        assert_eq!(learnings, [("t1", "theirs saw"), ("t3", "ours saw")]);
        assert_eq!(merged.meta.last_test, 3);
        assert_eq!(merged.next_test_id(), "t4");
    }

    #[test]
    fn a_test_both_changed_is_resolved_and_one_theirs_removed_returns_with_our_learning() {
        let mut base = Canvas::default();
        base.add_test(test("first"));
        base.add_test(test("second"));
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.tests[0].state = TestState::Running;
        theirs.tests[0].state = TestState::Done;
        ours.learnings.push(learning("t2", "seen"));
        theirs.tests.remove(1);
        let mut asked = Vec::new();
        let merged = merge(&base, &ours, &theirs, &mut |c| {
            asked.push(c.key.clone());
            Side::Theirs
        });
        assert_eq!(asked, ["t1"]);
        assert_eq!(merged.tests[0].state, TestState::Done);
        assert_eq!(merged.test("t2").map(|t| t.hypothesis.as_str()), Some("second"));
        assert_eq!(merged.learnings, [learning("t2", "seen")]);
    }
}
