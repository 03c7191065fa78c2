//! Segment rules: segments a serving block leaves out, the sides of a multi-sided platform, value
//! propositions that serve no segment, and segments nothing says why they would choose.

use std::collections::HashSet;

use super::Severity::Inconsistent;
use super::lookup::{answer_clauses, ids_in, item_tokens, items, linked_from};
use super::rule::{Impact, PointsTo, QuestionId, Rule, Spot};
use super::vocabulary::mentions;
use crate::bank::{Bank, Tokens};
use crate::model::{BlockId, Canvas, Item};

/// Asked where value propositions serve segments, by three rules.
const VALUE: QuestionId = QuestionId::new(BlockId::ValuePropositions, "value");

/// A segment that no value proposition serves, while there are value propositions.
pub static SEGMENT_WITHOUT_VALUE_PROPOSITION: Rule = Rule {
    id: "segment_without_value_proposition",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: segments_without_value_proposition,
    points_to: PointsTo::Question(VALUE),
    walk: None,
};

/// A segment that no channel reaches, while there are channels.
pub static SEGMENT_WITHOUT_CHANNEL: Rule = Rule {
    id: "segment_without_channel",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: segments_without_channel,
    points_to: PointsTo::Question(QuestionId::new(BlockId::Channels, "reach_now")),
    walk: None,
};

/// A segment that no customer relationship covers, while there are relationships.
pub static SEGMENT_WITHOUT_RELATIONSHIP: Rule = Rule {
    id: "segment_without_relationship",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: segments_without_relationship,
    points_to: PointsTo::Question(QuestionId::new(BlockId::CustomerRelationships, "expected")),
    walk: None,
};

/// A segment no revenue stream comes from, with no reason given for it paying nothing (not on a
/// platform where another side pays: see `FREE_SIDE_UNEXPLAINED`).
pub static SEGMENT_WITHOUT_REVENUE: Rule = Rule {
    id: "segment_without_revenue",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: segments_without_revenue,
    points_to: PointsTo::Question(QuestionId::new(BlockId::RevenueStreams, "willing_to_pay")),
    walk: None,
};

/// A side of a platform that pays nothing while another side pays, and nothing says why.
pub static FREE_SIDE_UNEXPLAINED: Rule = Rule {
    id: "free_side_unexplained",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: free_sides_unexplained,
    points_to: PointsTo::Question(QuestionId::new(BlockId::RevenueStreams, "willing_to_pay")),
    walk: None,
};

/// A multi-sided platform with fewer than two segments.
pub static PLATFORM_TOO_FEW_SIDES: Rule = Rule {
    id: "platform_too_few_sides",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: platform_too_few_sides,
    points_to: PointsTo::Question(QuestionId::new(BlockId::CustomerSegments, "who")),
    walk: None,
};

/// A side of a multi-sided platform that no value proposition serves.
pub static PLATFORM_SIDE_UNSERVED: Rule = Rule {
    id: "platform_side_unserved",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: platform_sides_unserved,
    points_to: PointsTo::Question(VALUE),
    walk: None,
};

/// A value proposition linked to no customer segment.
pub static VALUE_PROPOSITION_WITHOUT_SEGMENT: Rule = Rule {
    id: "value_proposition_without_segment",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: value_propositions_without_segment,
    points_to: PointsTo::Question(QuestionId::new(BlockId::ValuePropositions, "bundles")),
    walk: None,
};

/// A segment whose every value proposition has no characteristic.
pub static SEGMENT_SERVED_WITHOUT_CHARACTERISTICS: Rule = Rule {
    id: "segment_served_without_characteristics",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: segments_served_without_characteristics,
    points_to: PointsTo::Question(VALUE),
    walk: None,
};

const MULTI_SIDED_PLATFORM: &str = "multi_sided_platform";

fn is_platform(canvas: &Canvas) -> bool {
    canvas
        .block(BlockId::CustomerSegments)
        .chosen("segment_type")
        .iter()
        .any(|c| c == MULTI_SIDED_PLATFORM)
}

/// Segments that a serving block has items but none of them for, unless `excused`. An empty
/// serving block is already reported as empty, so it does not repeat here once per segment.
fn left_out(canvas: &Canvas, block: BlockId, excused: impl Fn(&Item) -> bool) -> Vec<Spot> {
    if items(canvas, block).is_empty() {
        return Vec::new();
    }
    let served = linked_from(canvas, &[block]);
    items(canvas, BlockId::CustomerSegments)
        .iter()
        .filter(|segment| !served.contains(segment.id.as_str()) && !excused(segment))
        .map(|segment| Spot::new(block).item(&segment.id))
        .collect()
}

fn segments_without_value_proposition(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    // On a platform, an unserved side has a rule of its own.
    if is_platform(canvas) {
        return Vec::new();
    }
    left_out(canvas, BlockId::ValuePropositions, |_| false)
}

fn segments_without_channel(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    left_out(canvas, BlockId::Channels, |_| false)
}

fn segments_without_relationship(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    left_out(canvas, BlockId::CustomerRelationships, |_| false)
}

fn segments_without_revenue(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    if is_platform(canvas) && someone_pays(canvas) {
        return Vec::new();
    }
    unpaid(canvas, bank)
}

/// On a platform, a free side is normal, but something must say why it is free: who pays for
/// it, and what its presence brings the paying side.
fn free_sides_unexplained(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    if !is_platform(canvas) || !someone_pays(canvas) {
        return Vec::new();
    }
    unpaid(canvas, bank)
}

fn someone_pays(canvas: &Canvas) -> bool {
    let paying = linked_from(canvas, &[BlockId::RevenueStreams]);
    items(canvas, BlockId::CustomerSegments)
        .iter()
        .any(|s| paying.contains(s.id.as_str()))
}

/// Segments no revenue stream comes from, unless a note on the segment or the revenue answers
/// say why they pay nothing: a clause that says something is free and names the segment, or,
/// where only one segment pays nothing, names none of those that pay.
fn unpaid(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let (words, segments) = (&bank.words, items(canvas, BlockId::CustomerSegments));
    let paying = linked_from(canvas, &[BlockId::RevenueStreams]);
    let (payers, free): (Vec<&Item>, Vec<&Item>) =
        segments.iter().partition(|s| paying.contains(s.id.as_str()));
    let payers: Vec<Tokens> = payers.into_iter().map(item_tokens).collect();
    let clauses: Vec<Tokens> = answer_clauses(canvas, BlockId::RevenueStreams)
        .into_iter()
        .filter(|clause| words.free.in_tokens(clause))
        .collect();
    let names = |who: &Tokens, clause: &Tokens| mentions(who, clause, &words.generic_segment);
    left_out(canvas, BlockId::RevenueStreams, |segment| {
        let own = item_tokens(segment);
        segment.note.is_some()
            || clauses.iter().any(|clause| {
                names(&own, clause) || (free.len() == 1 && !payers.iter().any(|p| names(p, clause)))
            })
    })
}

/// A multi-sided platform needs at least two sides.
fn platform_too_few_sides(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    if !is_platform(canvas) || items(canvas, BlockId::CustomerSegments).len() >= 2 {
        return Vec::new();
    }
    vec![Spot::new(BlockId::CustomerSegments)]
}

/// Each side of a platform needs a value proposition of its own.
fn platform_sides_unserved(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    if !is_platform(canvas) {
        return Vec::new();
    }
    left_out(canvas, BlockId::ValuePropositions, |_| false)
}

fn value_propositions_without_segment(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    let segments = ids_in(canvas, &[BlockId::CustomerSegments]);
    if segments.is_empty() {
        return Vec::new();
    }
    items(canvas, BlockId::ValuePropositions)
        .iter()
        .filter(|vp| !vp.links.iter().any(|l| segments.contains(l.as_str())))
        .map(|vp| Spot::new(BlockId::ValuePropositions).item(&vp.id))
        .collect()
}

/// A segment whose every value proposition has no characteristic: nothing says why they would
/// choose this offer.
fn segments_served_without_characteristics(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let vps = canvas.block(BlockId::ValuePropositions);
    if bank
        .block(BlockId::ValuePropositions)
        .group("characteristics")
        .is_none()
    {
        return Vec::new();
    }
    let mut served = HashSet::new();
    let mut characterised = HashSet::new();
    for vp in &vps.items {
        let has_characteristic = !vps.chosen_for(vp, "characteristics").is_empty();
        for link in &vp.links {
            served.insert(link.as_str());
            if has_characteristic {
                characterised.insert(link.as_str());
            }
        }
    }
    items(canvas, BlockId::CustomerSegments)
        .iter()
        .filter(|s| served.contains(s.id.as_str()) && !characterised.contains(s.id.as_str()))
        .map(|segment| Spot::new(BlockId::ValuePropositions).item(&segment.id))
        .collect()
}
