//! Gap rules: small pure functions over a canvas and its question bank, each finding what is
//! missing, inconsistent or worth a second look. This file is the public surface: the severities,
//! the registry `RULES`, `find` and the worded `GapReport`. Each rule is one `Rule` in its theme's
//! file; the score and the wording are apart from detection.

mod coverage;
mod evidence;
mod links;
mod lookup;
mod rule;
mod score;
mod segments;
mod style;
mod support;
mod wording;

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use serde::Serialize;

use crate::bank::Bank;
use crate::i18n::Messages;
use crate::model::{BlockId, Canvas};
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
    &segments::SEGMENT_WITHOUT_VALUE_PROPOSITION,
    &segments::SEGMENT_WITHOUT_CHANNEL,
    &segments::SEGMENT_WITHOUT_RELATIONSHIP,
    &segments::SEGMENT_WITHOUT_REVENUE,
    &segments::PLATFORM_TOO_FEW_SIDES,
    &segments::PLATFORM_SIDE_UNSERVED,
    &segments::VALUE_PROPOSITION_WITHOUT_SEGMENT,
    &segments::SEGMENT_SERVED_WITHOUT_CHARACTERISTICS,
    &support::VALUE_PROPOSITION_NOT_DELIVERED,
    &support::RESOURCE_SUPPORTS_NOTHING,
    &support::ACTIVITY_SUPPORTS_NOTHING,
    &support::PARTNER_PROVIDES_NOTHING,
    &support::RESOURCE_WITHOUT_COST,
    &support::ACTIVITY_WITHOUT_COST,
    &links::UNLINKED_ITEM,
    &links::DANGLING_LINK,
    &links::WRONG_LINK_TARGET,
    &style::COST_ORIENTATION_TENSION,
    &style::THIN_ANSWER,
    &evidence::VALIDATED_WITHOUT_EVIDENCE,
    &evidence::INVALIDATED_STILL_LINKED,
    &evidence::CORE_UNTESTED,
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

/// One gap as reported: in `[gap_report]`, on screen and as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Gap {
    pub block: BlockId,
    pub rule: &'static str,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Whether that question already has an answer: a next step then names the gap, not it.
    #[serde(skip)]
    #[schemars(skip)]
    pub answered: bool,
}

/// Written by canvas-coach on every save; never read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct GapReport {
    pub score: u8,
    pub gaps: Vec<Gap>,
}

impl GapReport {
    pub fn new(canvas: &Canvas, bank: &Bank, messages: &Messages) -> GapReport {
        let findings = find(canvas, bank);
        let score = score::score(canvas, bank, &findings);
        let index = canvas.item_index();
        let gaps = findings
            .iter()
            .map(|f| wording::describe(f, canvas, &index, bank, messages))
            .collect();
        GapReport { score, gaps }
    }

    /// The gaps to work on first: by severity, then in block order, one per question.
    pub fn next_steps(&self) -> Vec<&Gap> {
        /// How many next steps the report closes with.
        const NEXT_STEPS: usize = 3;
        let mut gaps: Vec<&Gap> = self.gaps.iter().filter(|g| g.question.is_some()).collect();
        gaps.sort_by_key(|g| (g.severity, g.block));
        let mut seen: HashSet<(BlockId, &str)> = HashSet::new();
        gaps.retain(|g| seen.insert((g.block, g.question.as_deref().unwrap_or_default())));
        gaps.truncate(NEXT_STEPS);
        gaps
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.gaps.iter().filter(|g| g.severity == severity).count()
    }

    /// The block that needs the most work: gaps weighted by severity, the earlier block on a tie.
    pub fn worst_block(&self) -> Option<BlockId> {
        let weight = |s: Severity| match s {
            Severity::Inconsistent => 3,
            Severity::Missing => 2,
            Severity::Suggestion => 1,
        };
        let mut totals = [0u32; 9];
        for gap in &self.gaps {
            totals[gap.block.index()] += weight(gap.severity);
        }
        let (index, &most) = totals.iter().enumerate().rev().max_by_key(|(_, total)| **total)?;
        (most > 0).then_some(BlockId::ALL[index])
    }
}
