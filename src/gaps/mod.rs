//! Gap rules: small pure functions over a canvas and its question bank, each finding what is
//! missing, inconsistent or worth a second look. This file is the public surface: the severities,
//! the registry `RULES` and `find`; `report` words the findings into a `GapReport` with its next
//! steps. Each rule is one `Rule` in its theme's file; the score and the wording are apart from
//! detection.

mod cards;
mod coverage;
mod evidence;
mod links;
mod logic;
mod lookup;
mod placement;
mod report;
mod rule;
mod score;
mod segments;
mod style;
mod support;
mod viability;
mod vocabulary;
mod wording;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::bank::Bank;
use crate::model::{BlockId, Canvas};
pub use report::{Accepted, Gap, GapReport};
use rule::Rule;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Missing,
    Inconsistent,
    Suggestion,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Missing, Severity::Inconsistent, Severity::Suggestion];

    pub fn id(self) -> &'static str {
        match self {
            Severity::Missing => "missing",
            Severity::Inconsistent => "inconsistent",
            Severity::Suggestion => "suggestion",
        }
    }
}

/// Every rule, by theme. Within a block, findings are listed in this order.
pub static RULES: &[&Rule] = &[
    &coverage::EMPTY_BLOCK,
    &coverage::UNANSWERED_QUESTION,
    &coverage::NO_CATEGORY_CHOSEN,
    &coverage::COST_ORIENTATION_MISSING,
    &coverage::CHANNEL_PHASE_UNCOVERED,
    &coverage::REVENUE_STREAM_WITHOUT_TYPE,
    &coverage::REVENUE_STREAM_WITHOUT_PRICING,
    &viability::REVENUE_WITHOUT_PRICE,
    &viability::COSTS_ABOVE_REVENUE,
    &viability::SHARES_NOT_ADDING_UP,
    &viability::PARTNER_PAYMENT_WITHOUT_COST,
    &segments::SEGMENT_WITHOUT_VALUE_PROPOSITION,
    &segments::SEGMENT_WITHOUT_CHANNEL,
    &segments::SEGMENT_WITHOUT_RELATIONSHIP,
    &segments::SEGMENT_WITHOUT_REVENUE,
    &segments::FREE_SIDE_UNEXPLAINED,
    &segments::PLATFORM_TOO_FEW_SIDES,
    &segments::PLATFORM_SIDE_UNSERVED,
    &segments::VALUE_PROPOSITION_WITHOUT_SEGMENT,
    &segments::SEGMENT_SERVED_WITHOUT_CHARACTERISTICS,
    &logic::OFFER_FOR_OTHER_SEGMENT,
    &logic::PAYING_SEGMENT_WITHOUT_PURCHASE_CHANNEL,
    &logic::REVENUE_WITHOUT_VALUE_PROPOSITION,
    &logic::RELATIONSHIP_AGAINST_COSTS,
    &logic::HOOK_UNPROTECTED,
    &support::VALUE_PROPOSITION_NOT_DELIVERED,
    &support::RESOURCE_SUPPORTS_NOTHING,
    &support::ACTIVITY_SUPPORTS_NOTHING,
    &support::PARTNER_PROVIDES_NOTHING,
    &support::RESOURCE_WITHOUT_COST,
    &support::ACTIVITY_WITHOUT_COST,
    &links::UNLINKED_ITEM,
    &links::DANGLING_LINK,
    &links::WRONG_LINK_TARGET,
    &placement::CATCH_ALL_SEGMENT,
    &placement::FEATURE_NOT_BENEFIT,
    &placement::ITEM_IN_WRONG_BLOCK,
    &style::COST_ORIENTATION_TENSION,
    &style::THIN_ANSWER,
    &evidence::VALIDATED_WITHOUT_EVIDENCE,
    &evidence::VALIDATED_ON_OPINION,
    &evidence::VALIDATED_ON_WEAK_EVIDENCE,
    &evidence::INVALIDATED_STILL_LINKED,
    &evidence::CORE_UNTESTED,
    &cards::TEST_WITHOUT_CRITERION,
    &cards::TEST_OVERDUE,
    &cards::RISKIEST_UNTESTED,
];

/// What a rule found, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// The block where the gap is to be closed.
    pub block: BlockId,
    /// The item concerned, if any.
    pub item: Option<String>,
    /// What else the message names: a question, group, option or linked id.
    pub subject: Option<String>,
    /// The guiding question to answer next.
    pub question: Option<String>,
}

/// All findings of all rules, in block order (then registry order within a block).
pub fn find(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    find_among(RULES, canvas, bank)
}

/// The findings of some rules, in block order, then in the order of `rules`. Rules that share a
/// walk (see `Rule::walk`) rank as the first of them, so their findings interleave step by step.
fn find_among(rules: &[&'static Rule], canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let mut ranked = Vec::new();
    for (index, rule) in rules.iter().enumerate() {
        let rank = rule
            .walk
            .and_then(|walk| rules.iter().position(|r| r.walk == Some(walk)))
            .unwrap_or(index);
        for spot in (rule.detect)(canvas, bank) {
            ranked.push(((spot.block, rank, spot.step), rule.finding(spot, bank)));
        }
    }
    // A stable sort: findings of one rule, and of one step, keep the order they were found in.
    ranked.sort_by_key(|(key, _)| *key);
    ranked.into_iter().map(|(_, finding)| finding).collect()
}
