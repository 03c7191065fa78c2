//! The words of test cards and learning cards: the forms that design a test and record what it
//! showed, `test list`, and the cards in renderings.

use serde::Deserialize;

use super::Plural;
use crate::model::{BlockId, Decision, Strength, TestState};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardWords {
    pub design: String,
    pub design_for: String,
    pub hypothesis: String,
    pub experiment: String,
    pub metric: String,
    pub criterion: String,
    pub criterion_start: String,
    pub deadline: String,
    pub deadline_invalid: String,
    /// The short names a test's parts go by in a list.
    pub labels: TestLabels,
    pub added: String,
    pub learn_heading: String,
    pub observation: String,
    pub insight: String,
    pub decision: String,
    pub strength: String,
    pub evidence_strength: String,
    pub status_now: String,
    pub recorded: String,
    pub riskiest: String,
    pub riskiest_yes: String,
    pub riskiest_no: String,
    pub tests: String,
    pub learnings: String,
    pub no_tests: String,
    pub items: String,
    pub cost: String,
    pub due: String,
    pub overdue: String,
    pub learnings_count: Plural,
    pub persevere: String,
    pub pivot: String,
    pub more_testing: String,
    pub planned: String,
    pub running: String,
    pub done: String,
    pub unknown: String,
    pub say: String,
    #[serde(rename = "do")]
    pub do_: String,
    pub pay: String,
    pub marks: Marks,
    pub hypotheses: Hypotheses,
}

/// Evidence strengths in a word, where evidence is listed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marks {
    say: String,
    #[serde(rename = "do")]
    do_: String,
    pay: String,
}

/// A suggested hypothesis per block, `{item}` the item's text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hypotheses {
    customer_segments: String,
    value_propositions: String,
    channels: String,
    customer_relationships: String,
    revenue_streams: String,
    key_resources: String,
    key_activities: String,
    key_partners: String,
    cost_structure: String,
}

impl Hypotheses {
    pub fn of(&self, block: BlockId) -> &str {
        match block {
            BlockId::CustomerSegments => &self.customer_segments,
            BlockId::ValuePropositions => &self.value_propositions,
            BlockId::Channels => &self.channels,
            BlockId::CustomerRelationships => &self.customer_relationships,
            BlockId::RevenueStreams => &self.revenue_streams,
            BlockId::KeyResources => &self.key_resources,
            BlockId::KeyActivities => &self.key_activities,
            BlockId::KeyPartners => &self.key_partners,
            BlockId::CostStructure => &self.cost_structure,
        }
    }
}

impl CardWords {
    pub fn decision_word(&self, decision: Decision) -> &str {
        match decision {
            Decision::Persevere => &self.persevere,
            Decision::Pivot => &self.pivot,
            Decision::MoreTesting => &self.more_testing,
        }
    }

    pub fn state_word(&self, state: TestState) -> &str {
        match state {
            TestState::Planned => &self.planned,
            TestState::Running => &self.running,
            TestState::Done => &self.done,
        }
    }

    /// A strength in a word; none where it is unknown, as for evidence written before strengths.
    pub fn strength_mark(&self, strength: Strength) -> Option<&str> {
        match strength {
            Strength::Unknown => None,
            Strength::Say => Some(&self.marks.say),
            Strength::Do => Some(&self.marks.do_),
            Strength::Pay => Some(&self.marks.pay),
        }
    }

    pub fn strength_word(&self, strength: Strength) -> &str {
        match strength {
            Strength::Unknown => &self.unknown,
            Strength::Say => &self.say,
            Strength::Do => &self.do_,
            Strength::Pay => &self.pay,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestLabels {
    pub experiment: String,
    pub metric: String,
    pub criterion: String,
}
