//! Coverage rules: what is not filled in yet. Empty blocks, unanswered questions, groups with
//! nothing chosen, the cost orientation, channel phases, and each revenue stream's type and pricing.

use std::collections::HashSet;

use super::Severity::Missing;
use super::lookup::items;
use super::rule::{Impact, PointsTo, QuestionId, Rule, Spot, Walk};
use crate::bank::{Bank, Form};
use crate::model::{BlockId, Canvas};

/// A block without items.
pub static EMPTY_BLOCK: Rule = Rule {
    id: "empty_block",
    severity: Missing,
    impact: Impact::Structure,
    detect: empty_blocks,
    points_to: PointsTo::FirstQuestion,
    walk: None,
};

/// A guiding question without an answer, in free text or as a pick. A question answered by the
/// items or their links has rules of its own (`empty_block`, the support rules).
pub static UNANSWERED_QUESTION: Rule = Rule {
    id: "unanswered_question",
    severity: Missing,
    impact: Impact::Unanswered,
    detect: unanswered_questions,
    points_to: PointsTo::Subject,
    walk: None,
};

/// A category group asked for the whole block with nothing chosen.
pub static NO_CATEGORY_CHOSEN: Rule = Rule {
    id: "no_category_chosen",
    severity: Missing,
    impact: Impact::Choice,
    detect: categories_not_chosen,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// Neither cost-driven nor value-driven chosen.
pub static COST_ORIENTATION_MISSING: Rule = Rule {
    id: "cost_orientation_missing",
    severity: Missing,
    impact: Impact::Choice,
    detect: cost_orientation_missing,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// A phase of the customer's journey that no channel covers.
pub static CHANNEL_PHASE_UNCOVERED: Rule = Rule {
    id: "channel_phase_uncovered",
    severity: Missing,
    impact: Impact::Choice,
    detect: channel_phases_uncovered,
    // The phases are asked once, on each channel: a phase is covered by the channels.
    points_to: PointsTo::Question(QuestionId::new(BlockId::Channels, "reach_now")),
    walk: None,
};

/// A revenue stream with no revenue type.
pub static REVENUE_STREAM_WITHOUT_TYPE: Rule = Rule {
    id: "revenue_stream_without_type",
    severity: Missing,
    impact: Impact::Choice,
    detect: revenue_streams_without_type,
    points_to: PointsTo::Question(QuestionId::new(BlockId::RevenueStreams, "paying_now")),
    walk: Some(Walk::RevenueStreams),
};

/// A revenue stream with no pricing mechanism.
pub static REVENUE_STREAM_WITHOUT_PRICING: Rule = Rule {
    id: "revenue_stream_without_pricing",
    severity: Missing,
    impact: Impact::Choice,
    detect: revenue_streams_without_pricing,
    points_to: PointsTo::Question(QuestionId::new(BlockId::RevenueStreams, "prefer_to_pay")),
    walk: Some(Walk::RevenueStreams),
};

/// The cost structure's orientation group, which has a rule of its own.
pub const ORIENTATION: &str = "orientation";

/// Groups with a rule of their own, left out of `no_category_chosen`.
const GROUPS_WITH_OWN_RULE: &[(BlockId, &str)] = &[(BlockId::CostStructure, ORIENTATION)];

fn empty_blocks(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    BlockId::ALL
        .into_iter()
        .filter(|&b| items(canvas, b).is_empty())
        .map(Spot::new)
        .collect()
}

fn unanswered_questions(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let mut found = Vec::new();
    for block in BlockId::ALL {
        for question in &bank.block(block).questions {
            let askable = match question.form {
                Form::Text => true,
                Form::Pick => !items(canvas, question.source(block)).is_empty(),
                Form::Items | Form::Links => false,
            };
            if askable && !question.answered(block, canvas) {
                found.push(Spot::new(block).subject(question.id()));
            }
        }
    }
    found
}

/// Block-wide groups with nothing ticked. Groups asked per item have rules of their own.
fn categories_not_chosen(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let mut found = Vec::new();
    for block in BlockId::ALL {
        for group in bank.block(block).block_groups() {
            if GROUPS_WITH_OWN_RULE.contains(&(block, group.id())) {
                continue;
            }
            if canvas.block(block).chosen(group.id()).is_empty() {
                found.push(Spot::new(block).subject(group.id()));
            }
        }
    }
    found
}

fn cost_orientation_missing(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let asks = bank.block(BlockId::CostStructure).group(ORIENTATION).is_some();
    if !asks
        || !canvas
            .block(BlockId::CostStructure)
            .chosen(ORIENTATION)
            .is_empty()
    {
        return Vec::new();
    }
    vec![Spot::new(BlockId::CostStructure).subject(ORIENTATION)]
}

/// The five phases a customer goes through; each should be covered by some channel.
fn channel_phases_uncovered(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let channels = canvas.block(BlockId::Channels);
    let Some(phases) = bank.block(BlockId::Channels).group("phases") else {
        return Vec::new();
    };
    if channels.items.is_empty() {
        return Vec::new();
    }
    let covered: HashSet<&str> = channels
        .items
        .iter()
        .flat_map(|item| channels.chosen_for(item, "phases"))
        .map(String::as_str)
        .collect();
    phases
        .options
        .iter()
        .filter(|phase| !covered.contains(phase.id()))
        .map(|phase| Spot::new(BlockId::Channels).subject(phase.id()))
        .collect()
}

fn revenue_streams_without_type(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    revenue_streams_without(canvas, bank, "revenue_types")
}

fn revenue_streams_without_pricing(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    revenue_streams_without(canvas, bank, "pricing")
}

/// Revenue streams with nothing chosen in a per-item group the bank asks; the step is the
/// stream's place, so a stream's type and pricing are reported together.
fn revenue_streams_without(canvas: &Canvas, bank: &Bank, group: &str) -> Vec<Spot> {
    let block = canvas.block(BlockId::RevenueStreams);
    if bank.block(BlockId::RevenueStreams).group(group).is_none() {
        return Vec::new();
    }
    block
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| block.chosen_for(item, group).is_empty())
        .map(|(step, item)| Spot::new(BlockId::RevenueStreams).item(&item.id).step(step))
        .collect()
}
