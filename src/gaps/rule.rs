//! A gap rule as one unit: its id, severity, detection and the guiding question its findings
//! point to; and the `Spot` a detection reports, before the rule makes it a `Finding`.

use std::fmt;

use super::{Finding, Severity};
use crate::bank::Bank;
use crate::model::{BlockId, Canvas};

/// One gap rule: a `static` in its theme's file, listed in `super::RULES` and worded under
/// `[gaps]` in every message file by its id.
pub struct Rule {
    /// The id in `[gap_report]`, in JSON and in the message files.
    pub id: &'static str,
    pub severity: Severity,
    /// How much its gaps weigh in the next steps and the score.
    pub impact: Impact,
    /// Where the rule fires; the rule adds its id, severity and question.
    pub detect: fn(&Canvas, &Bank) -> Vec<Spot>,
    /// The guiding question its findings point to.
    pub points_to: PointsTo,
    /// Rules split from one walk over the canvas share it, so their findings keep that walk's order.
    pub walk: Option<Walk>,
}

impl Rule {
    /// A spot this rule detected, with the guiding question it points to in `bank`.
    pub fn finding(&'static self, spot: Spot, bank: &Bank) -> Finding {
        let question = self.points_to.question(bank, spot.block, spot.subject.as_deref());
        Finding {
            rule: self,
            block: spot.block,
            item: spot.item,
            subject: spot.subject,
            question,
        }
    }
}

/// How much a rule's gaps weigh: the next steps take the heaviest first, and the score loses
/// points for the faults among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Impact {
    /// The model does not pay as written: money that does not add up, or is not stated.
    Viability,
    /// Blocks that contradict each other.
    Consistency,
    /// A block with nothing in it.
    Structure,
    /// A guiding question without an answer.
    Unanswered,
    /// A choice not made: a category, a channel phase, an item's type or pricing.
    Choice,
    /// A question a coach would ask: worth a look, not necessarily wrong.
    Review,
    /// What to do next rather than a fault: a canvas is no worse for a test not yet planned, so
    /// it costs no points, but it is a next step once the faults and questions are seen to.
    Plan,
    /// A small matter, never among the next steps.
    Minor,
}

impl Impact {
    /// The order of the next steps: lower comes first.
    pub const fn rank(self) -> u8 {
        match self {
            Impact::Viability => 0,
            Impact::Consistency | Impact::Structure => 1,
            Impact::Unanswered => 2,
            Impact::Choice => 3,
            Impact::Review => 4,
            Impact::Plan => 5,
            Impact::Minor => 6,
        }
    }

    /// Points a gap costs the score; what is missing costs through completeness instead.
    pub fn penalty(self) -> usize {
        match self {
            Impact::Viability => 15,
            Impact::Consistency => 12,
            Impact::Review => 3,
            Impact::Minor => 1,
            Impact::Structure | Impact::Unanswered | Impact::Choice | Impact::Plan => 0,
        }
    }
}

/// Rules are told apart by their ids, which the registry keeps unique.
impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.id == other.id
    }
}

impl Eq for Rule {}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rule({})", self.id)
    }
}

/// A guiding question of the built-in banks, by block and id; the tests check every bank asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionId {
    pub block: BlockId,
    pub id: &'static str,
}

impl QuestionId {
    pub const fn new(block: BlockId, id: &'static str) -> QuestionId {
        QuestionId { block, id }
    }
}

/// Which guiding question a rule's findings point to. A bank of one's own may lack a declared
/// question; the finding then points to none rather than to another.
#[derive(Debug)]
pub enum PointsTo {
    /// None: the gap is closed on the items, not by answering.
    Nothing,
    /// The first guiding question of the finding's block.
    FirstQuestion,
    /// The guiding question the finding is about (its subject).
    Subject,
    /// This question.
    Question(QuestionId),
}

impl PointsTo {
    fn question(&self, bank: &Bank, block: BlockId, subject: Option<&str>) -> Option<String> {
        let asked = |q: &QuestionId| {
            debug_assert_eq!(
                q.block, block,
                "a rule points to a question of the finding's block"
            );
            bank.block(q.block).question(q.id)
        };
        let question = match self {
            PointsTo::Nothing => None,
            PointsTo::FirstQuestion => bank.block(block).questions.first(),
            PointsTo::Subject => bank.block(block).question(subject?),
            PointsTo::Question(q) => asked(q),
        };
        question.map(|q| q.id().to_owned())
    }
}

/// A walk over the canvas that several rules take turns on, step by step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// Each revenue stream.
    RevenueStreams,
    /// Each link of each item.
    Links,
    /// Each item.
    Items,
}

/// Where a rule fires: the block to close the gap in, the item concerned and what else the
/// message names.
pub struct Spot {
    pub block: BlockId,
    pub item: Option<String>,
    pub subject: Option<String>,
    /// The step of the rule's walk it was found at; 0 for rules that walk alone.
    pub step: usize,
}

impl Spot {
    pub fn new(block: BlockId) -> Self {
        Spot {
            block,
            item: None,
            subject: None,
            step: 0,
        }
    }

    pub fn item(mut self, id: &str) -> Self {
        self.item = Some(id.to_owned());
        self
    }

    pub fn subject(mut self, subject: &str) -> Self {
        self.subject = Some(subject.to_owned());
        self
    }

    pub fn step(mut self, step: usize) -> Self {
        self.step = step;
        self
    }
}
