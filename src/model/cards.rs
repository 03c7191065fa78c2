//! Test cards and learning cards (after Strategyzer's *Testing Business Ideas*): what a founder
//! tests about some items, how, and what came of it; and how strong a piece of evidence is.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Amount, BlockId, Canvas, Status, is_date};

/// How strong a piece of evidence is: what people say is weaker than what they do, and what
/// they pay is strongest. Ordered from unknown to pay.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Not said: evidence written before strengths were recorded.
    #[default]
    Unknown,
    /// Opinions: interviews, surveys, what people say they would do.
    Say,
    /// Behaviour: sign-ups, usage, pre-orders, click-throughs.
    Do,
    /// Money: purchases, paid pre-orders, signed contracts.
    Pay,
}

impl Strength {
    pub const ALL: [Strength; 4] = [Strength::Unknown, Strength::Say, Strength::Do, Strength::Pay];

    pub fn id(self) -> &'static str {
        match self {
            Strength::Unknown => "unknown",
            Strength::Say => "say",
            Strength::Do => "do",
            Strength::Pay => "pay",
        }
    }
}

/// One piece of evidence on an item: what was observed, dated in its text by convention
/// (`2026-11-02: …`), and how strong it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Evidence {
    pub text: String,
    pub strength: Strength,
}

impl Evidence {
    pub fn new(text: impl Into<String>, strength: Strength) -> Evidence {
        Evidence {
            text: text.into(),
            strength,
        }
    }
}

/// Evidence of unknown strength, as older files and imports give it.
impl From<&str> for Evidence {
    fn from(text: &str) -> Evidence {
        Evidence::new(text, Strength::Unknown)
    }
}

/// Where a test stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TestState {
    #[default]
    Planned,
    Running,
    Done,
}

impl TestState {
    pub const ALL: [TestState; 3] = [TestState::Planned, TestState::Running, TestState::Done];

    pub fn id(self) -> &'static str {
        match self {
            TestState::Planned => "planned",
            TestState::Running => "running",
            TestState::Done => "done",
        }
    }
}

/// What a founder decided after a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Persevere,
    Pivot,
    MoreTesting,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Persevere, Decision::Pivot, Decision::MoreTesting];

    pub fn id(self) -> &'static str {
        match self {
            Decision::Persevere => "persevere",
            Decision::Pivot => "pivot",
            Decision::MoreTesting => "more_testing",
        }
    }
}

/// What a test costs: a few words (`two afternoons`) or an amount of money.
#[derive(Debug, Clone, PartialEq)]
pub enum Cost {
    Text(String),
    Amount(Amount),
}

/// A test card: the items it tests, what is believed, how it is tested and when it counts as
/// right.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Test {
    /// `t1`, `t2`, …: never given twice (see [`Canvas::next_test_id`]).
    pub id: String,
    /// Ids of the items tested.
    pub items: Vec<String>,
    /// "We believe that …".
    pub hypothesis: String,
    pub experiment: String,
    pub metric: String,
    /// "We are right if …".
    pub criterion: String,
    pub cost: Option<Cost>,
    /// `YYYY-MM-DD`.
    pub deadline: Option<String>,
    pub state: TestState,
}

/// A learning card: what a test showed and what was decided.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Learning {
    /// The id of the test learned from.
    pub test: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub observation: String,
    pub insight: String,
    pub decision: Option<Decision>,
    pub strength: Strength,
}

/// The prefix of test ids.
const TEST_PREFIX: &str = "t";

/// The number of a test id: 4 for `t4`.
pub fn test_number(id: &str) -> Option<u64> {
    id.strip_prefix(TEST_PREFIX)?.parse().ok()
}

impl Canvas {
    /// The next free test id: one more than the highest number in use, named by a learning or
    /// ever given (`[meta] last_test`), so a removed test's id never comes back.
    pub fn next_test_id(&self) -> String {
        let highest = self
            .tests
            .iter()
            .map(|t| t.id.as_str())
            .chain(self.learnings.iter().map(|l| l.test.as_str()))
            .filter_map(test_number)
            .chain([self.meta.last_test])
            .max()
            .unwrap_or(0);
        format!("{TEST_PREFIX}{}", highest.saturating_add(1))
    }

    /// Adds a test under the next free id, remembering its number; returns the id.
    pub fn add_test(&mut self, mut test: Test) -> String {
        test.id = self.next_test_id();
        if let Some(n) = test_number(&test.id) {
            self.meta.last_test = self.meta.last_test.max(n);
        }
        self.tests.push(test);
        self.tests.last().expect("pushed above").id.clone()
    }

    pub fn test(&self, id: &str) -> Option<&Test> {
        self.tests.iter().find(|t| t.id == id)
    }

    /// Records what a test showed: the learning, the test done, and on every tested item the
    /// observation as evidence dated as the learning, with its strength, and `status` if given.
    pub fn record_learning(&mut self, learning: Learning, status: &dyn Fn(&str) -> Option<Status>) {
        let Some(test) = self.tests.iter_mut().find(|t| t.id == learning.test) else {
            return;
        };
        test.state = TestState::Done;
        let tested = test.items.clone();
        let text = format!("{}: {}", learning.date, learning.observation.trim());
        for block in BlockId::ALL {
            for item in &mut self.block_mut(block).items {
                if !tested.contains(&item.id) {
                    continue;
                }
                if !learning.observation.trim().is_empty() {
                    item.evidence.push(Evidence::new(&text, learning.strength));
                }
                if let Some(status) = status(&item.id) {
                    item.status = status;
                }
            }
        }
        self.learnings.push(learning);
    }

    /// The learnings recorded for a test, oldest first.
    pub fn learnings_for<'a>(&'a self, test: &'a str) -> impl Iterator<Item = &'a Learning> {
        self.learnings.iter().filter(move |l| l.test == test)
    }

    /// Whether a test is past its deadline on `today` with nothing learnt, and not closed by hand.
    pub fn is_overdue(&self, test: &Test, today: &str) -> bool {
        test.state != TestState::Done
            && test.deadline.as_deref().is_some_and(|d| d < today)
            && self.learnings_for(&test.id).next().is_none()
    }

    /// The day the canvas speaks of: its own date, or the newest learning or dated evidence when
    /// that is later. Rules measure deadlines against it rather than the clock, so a check gives
    /// the same report on any day.
    pub fn as_of(&self) -> Option<&str> {
        let evidence = self
            .items()
            .flat_map(|(_, item)| &item.evidence)
            .filter_map(|e| e.text.get(..DATE_LEN));
        let learnings = self.learnings.iter().map(|l| l.date.as_str());
        std::iter::once(self.meta.date.as_str())
            .chain(learnings)
            .chain(evidence)
            .filter(|d| is_date(d))
            .max()
    }
}

/// `YYYY-MM-DD`: the length of the date that dated evidence starts with.
const DATE_LEN: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_ids_count_on_past_every_number_in_use_named_or_remembered() {
        let mut canvas = Canvas::default();
        assert_eq!(canvas.add_test(Test::default()), "t1");
        assert_eq!(canvas.add_test(Test::default()), "t2");
        assert_eq!(canvas.meta.last_test, 2);
        canvas.tests.clear();
        assert_eq!(canvas.next_test_id(), "t3", "removed tests keep their numbers");
        canvas.meta.last_test = 0;
        canvas.learnings.push(Learning {
            test: "t7".into(),
            ..Learning::default()
        });
        assert_eq!(canvas.next_test_id(), "t8", "a learning keeps its test's number");
    }

    #[test]
    fn a_learning_closes_its_test_and_leaves_dated_rated_evidence_on_the_tested_items() {
        let mut canvas = Canvas::default();
        let cs = BlockId::CustomerSegments;
        for id in ["cs1", "cs2"] {
            canvas
                .block_mut(cs)
                .items
                .push(crate::model::Item::new(id, id, vec![]));
        }
        let id = canvas.add_test(Test {
            items: vec!["cs2".into()],
            ..Test::default()
        });
        let learning = Learning {
            test: id,
            date: "2026-12-01".into(),
            observation: "9 of 40 paid ".into(),
            strength: Strength::Pay,
            ..Learning::default()
        };
        canvas.record_learning(learning, &|_| Some(Status::Validated));
        let items = &canvas.block(cs).items;
        assert!(items[0].evidence.is_empty() && items[0].status == Status::Assumption);
        let paid = Evidence::new("2026-12-01: 9 of 40 paid", Strength::Pay);
        assert_eq!(items[1].evidence, [paid]);
        assert_eq!(items[1].status, Status::Validated);
        assert_eq!(canvas.tests[0].state, TestState::Done);
        assert_eq!(canvas.learnings_for("t1").count(), 1);
    }

    #[test]
    fn a_canvas_speaks_of_its_date_or_its_newest_learning_or_dated_evidence() {
        let mut canvas = Canvas::default();
        assert_eq!(canvas.as_of(), None, "no date anywhere");
        canvas.meta.date = "2026-11-23".into();
        let mut item = crate::model::Item::new("vp1", "Offer", vec![]);
        item.evidence = vec!["2026-12-02: 9 paid".into(), "2027-13-01: not a date".into()];
        canvas.block_mut(BlockId::ValuePropositions).items.push(item);
        assert_eq!(canvas.as_of(), Some("2026-12-02"));
        canvas.learnings.push(Learning {
            date: "2027-01-10".into(),
            ..Learning::default()
        });
        assert_eq!(canvas.as_of(), Some("2027-01-10"));
        let test = Test {
            id: "t1".into(),
            deadline: Some("2027-01-09".into()),
            ..Test::default()
        };
        assert!(canvas.is_overdue(&test, "2027-01-10"));
        assert!(!canvas.is_overdue(&test, "2027-01-09"), "due that day");
    }

    #[test]
    fn strengths_rank_say_below_do_below_pay() {
        assert!(Strength::Unknown < Strength::Say);
        assert!(Strength::Say < Strength::Do && Strength::Do < Strength::Pay);
        assert_eq!(Decision::MoreTesting.id(), "more_testing");
    }
}
