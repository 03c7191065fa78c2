//! Test cards, learning cards and evidence as files write them: `[[test]]` and `[[learning]]`
//! tables, and evidence as a plain text (strength unknown, as older files have it) or as
//! `{ text = "…", strength = "do" }`.

use std::collections::HashSet;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

use super::Placed;
use super::amount::AmountFile;
use crate::error::{Invalid, Problem};
use crate::model::{Cost, Decision, Evidence, Learning, Strength, Test, TestState, is_date};

type Failed = (Invalid, Option<usize>);

/// One piece of an item's evidence.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Evidence")]
pub(super) enum EvidenceFile {
    /// What was observed, strength unknown.
    Text(String),
    /// What was observed and how strong it is: say < do < pay.
    Rated {
        text: String,
        #[serde(default)]
        strength: Strength,
    },
}

impl EvidenceFile {
    pub(super) fn into_evidence(self) -> Evidence {
        match self {
            EvidenceFile::Text(text) => Evidence::new(text, Strength::Unknown),
            EvidenceFile::Rated { text, strength } => Evidence::new(text, strength),
        }
    }
}

/// What a test costs: a few words, or an amount as items write it.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Cost")]
enum CostFile {
    Text(String),
    Amount(AmountFile<f64>),
}

/// A test card.
#[derive(Deserialize, JsonSchema)]
#[serde(bound(deserialize = "Text: Deserialize<'de>"))]
#[schemars(rename = "Test", bound = "")]
pub(super) struct TestFile<Text> {
    /// `t1`, `t2`, …: unique, and never given twice.
    #[schemars(with = "String")]
    id: Text,
    /// Ids of the items the test is about.
    #[serde(default)]
    items: Vec<String>,
    /// "We believe that …".
    #[serde(default)]
    hypothesis: String,
    /// What will be done to find out.
    #[serde(default)]
    experiment: String,
    /// What will be measured.
    #[serde(default)]
    metric: String,
    /// "We are right if …".
    #[serde(default)]
    criterion: String,
    /// A few words, or an amount: `{ value = 200, currency = "EUR" }`.
    cost: Option<CostFile>,
    /// `YYYY-MM-DD`.
    #[schemars(with = "Option<String>")]
    deadline: Option<Text>,
    #[serde(default)]
    state: TestState,
}

/// A learning card.
#[derive(Deserialize, JsonSchema)]
#[serde(bound(deserialize = "Text: Deserialize<'de>"))]
#[schemars(rename = "Learning", bound = "")]
pub(super) struct LearningFile<Text> {
    /// The id of the test learned from.
    #[schemars(with = "String")]
    test: Text,
    /// `YYYY-MM-DD`.
    #[schemars(with = "String")]
    date: Text,
    /// What was seen.
    #[serde(default)]
    observation: String,
    /// What it means.
    #[serde(default)]
    insight: String,
    decision: Option<Decision>,
    /// How strong the evidence is: say < do < pay.
    #[serde(default)]
    strength: Strength,
}

/// The tests, refusing an empty or repeated id and a deadline that is not a date.
pub(super) fn tests<Text: Placed<String>>(
    written: Vec<TestFile<Text>>,
    path: &Path,
) -> Result<Vec<Test>, Failed> {
    let mut seen = HashSet::new();
    let mut tests = Vec::with_capacity(written.len());
    for test in written {
        let (id, at) = test.id.parts();
        let problem = if id.trim().is_empty() {
            Some(Problem::EmptyTestId)
        } else if !seen.insert(id.clone()) {
            Some(Problem::DuplicateTestId { id: id.clone() })
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err((Invalid::new(path, problem), at));
        }
        // An empty deadline is none yet, as an empty `[meta]` date is.
        let deadline = test.deadline.map(|d| date(d, path)).transpose()?;
        let deadline = deadline.filter(|d| !d.is_empty());
        let cost = match test.cost {
            Some(CostFile::Text(text)) => Some(Cost::Text(text)),
            Some(CostFile::Amount(amount)) => Some(Cost::Amount(amount.into_amount(path)?)),
            None => None,
        };
        tests.push(Test {
            id,
            items: test.items,
            hypothesis: test.hypothesis,
            experiment: test.experiment,
            metric: test.metric,
            criterion: test.criterion,
            cost,
            deadline,
            state: test.state,
        });
    }
    Ok(tests)
}

/// The learnings, refusing one for a test the file does not have and a date that is not one.
pub(super) fn learnings<Text: Placed<String>>(
    written: Vec<LearningFile<Text>>,
    tests: &[Test],
    path: &Path,
) -> Result<Vec<Learning>, Failed> {
    written
        .into_iter()
        .map(|learning| {
            let (test, at) = learning.test.parts();
            if !tests.iter().any(|t| t.id == test) {
                return Err((Invalid::new(path, Problem::UnknownTest { id: test }), at));
            }
            let (date, date_at) = learning.date.parts();
            if !is_date(&date) {
                return Err((Invalid::new(path, Problem::BadDate { value: date }), date_at));
            }
            Ok(Learning {
                test,
                date,
                observation: learning.observation,
                insight: learning.insight,
                decision: learning.decision,
                strength: learning.strength,
            })
        })
        .collect()
}

/// A date that must be empty or a real `YYYY-MM-DD` date.
fn date<Text: Placed<String>>(written: Text, path: &Path) -> Result<String, Failed> {
    let (value, at) = written.parts();
    if value.is_empty() || is_date(&value) {
        Ok(value)
    } else {
        Err((Invalid::new(path, Problem::BadDate { value }), at))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{Amount, Canvas};

    fn parse(cards: &str) -> Result<Canvas, String> {
        let text = format!(
            "format = 2\n[[customer_segments.items]]\nid = \"cs1\"\ntext = \"A\"\n\
             evidence = [\"plain\", {{ text = \"rated\", strength = \"pay\" }}]\n{cards}"
        );
        crate::file::parse_canvas(Path::new("c.toml"), &text).map_err(|e| e.to_string())
    }

    #[test]
    fn evidence_tests_and_learnings_are_read_with_their_strengths_and_costs() {
        let canvas = parse(
            "[[test]]\nid = \"t1\"\ncost = { value = 20, currency = \"EUR\" }\ndeadline = \"\"\n\
             [[test]]\nid = \"t4\"\ncost = \"an afternoon\"\nstate = \"done\"\n\
             [[learning]]\ntest = \"t4\"\ndate = \"2026-12-01\"\ndecision = \"more_testing\"\n",
        )
        .unwrap();
        let evidence = &canvas.items().next().unwrap().1.evidence;
        assert_eq!(evidence[0], Evidence::from("plain"));
        assert_eq!(evidence[1], Evidence::new("rated", Strength::Pay));
        let amount = Amount {
            value: 20.0,
            currency: Some("EUR".into()),
            ..Amount::default()
        };
        assert_eq!(canvas.tests[0].cost, Some(Cost::Amount(amount)));
        assert_eq!(canvas.tests[0].deadline, None, "empty is none yet");
        assert_eq!(canvas.tests[1].cost, Some(Cost::Text("an afternoon".into())));
        assert_eq!(canvas.tests[1].state, TestState::Done);
        assert_eq!(canvas.learnings[0].decision, Some(Decision::MoreTesting));
        assert_eq!(canvas.next_test_id(), "t5");
    }

    #[test]
    fn repeated_ids_learnings_for_no_test_and_bad_dates_are_refused_where_they_stand() {
        for (cards, says, line) in [
            (
                "[[test]]\nid = \"t1\"\n[[test]]\nid = \"t1\"\n",
                "duplicate test id 't1'",
                9,
            ),
            ("[[test]]\nid = \" \"\n", "a test has an empty id", 7),
            (
                "[[learning]]\ntest = \"t9\"\ndate = \"2026-12-01\"\n",
                "test 't9'",
                7,
            ),
            (
                "[[test]]\nid = \"t1\"\ndeadline = \"soon\"\n",
                "'soon' is not a date",
                8,
            ),
            (
                "[[test]]\nid = \"t1\"\n[[learning]]\ntest = \"t1\"\ndate = \"\"\n",
                "'' is not a date",
                10,
            ),
            (
                "[[test]]\nid = \"t1\"\nstate = \"maybe\"\n",
                "unknown variant `maybe`",
                8,
            ),
        ] {
            let error = parse(cards).unwrap_err();
            assert!(error.contains(says), "{cards}: {error}");
            assert!(error.contains(&format!(":{line}:")), "{cards}: {error}");
        }
    }
}
