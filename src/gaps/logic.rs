//! Cross-block rules: links to offers that serve someone else, revenue for an offer no value
//! proposition describes, paying segments with no way to buy, relationships the cost structure
//! cannot afford, and a bait-and-hook model whose hook nothing protects.

use std::collections::HashSet;

use super::Severity::{Inconsistent, Suggestion};
use super::coverage::ORIENTATION;
use super::lookup::{earns_by, item_tokens, items, linked_from};
use super::rule::{Impact, PointsTo, QuestionId, Rule, Spot};
use super::vocabulary::Vocabulary;
use crate::bank::{Bank, Tokens};
use crate::model::{BlockId, Canvas, Item};

/// A channel or revenue stream linked to value propositions that serve none of its segments.
pub static OFFER_FOR_OTHER_SEGMENT: Rule = Rule {
    id: "offer_for_other_segment",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: offers_for_other_segments,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// A revenue stream linked to no value proposition, charging for something none of them names.
pub static REVENUE_WITHOUT_VALUE_PROPOSITION: Rule = Rule {
    id: "revenue_without_value_proposition",
    severity: Suggestion,
    impact: Impact::Review,
    detect: revenue_without_value_proposition,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// A segment that pays, but that no channel covering the purchase phase reaches.
pub static PAYING_SEGMENT_WITHOUT_PURCHASE_CHANNEL: Rule = Rule {
    id: "paying_segment_without_purchase_channel",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: paying_segments_without_purchase_channel,
    // The phases are asked once, on each channel: the purchase phase is covered by the channels.
    points_to: PointsTo::Question(QuestionId::new(BlockId::Channels, "reach_now")),
    walk: None,
};

/// Dedicated personal relationships behind a cost-driven structure.
pub static RELATIONSHIP_AGAINST_COSTS: Rule = Rule {
    id: "relationship_against_costs",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: relationships_against_costs,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// A bait-and-hook revenue stream with no resource, partner or activity that keeps others from
/// selling the hook.
pub static HOOK_UNPROTECTED: Rule = Rule {
    id: "hook_unprotected",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: hook_unprotected,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// Channels and revenue streams that name value propositions, none of which serves a segment
/// they link to: they carry, or charge for, someone else's offer.
fn offers_for_other_segments(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    let index = canvas.item_index();
    let mut found = Vec::new();
    for block in [BlockId::Channels, BlockId::RevenueStreams] {
        for item in items(canvas, block) {
            let linked = |wanted: BlockId| -> Vec<&Item> {
                let of_block = |l: &String| index.get(l.as_str()).filter(|(b, _)| *b == wanted);
                item.links.iter().filter_map(of_block).map(|(_, i)| *i).collect()
            };
            let (segments, offers) = (
                linked(BlockId::CustomerSegments),
                linked(BlockId::ValuePropositions),
            );
            let serves = |vp: &&Item| segments.iter().any(|s| vp.links.contains(&s.id));
            if !segments.is_empty() && !offers.is_empty() && !offers.iter().any(serves) {
                found.push(Spot::new(block).item(&item.id).subject(&offers[0].id));
            }
        }
    }
    found
}

/// A revenue stream that names no value proposition it is paid for, and whose own words — what
/// it charges for, leaving out how it charges and who pays — no value proposition mentions.
fn revenue_without_value_proposition(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let words = &bank.words;
    let vps = canvas.block(BlockId::ValuePropositions);
    if vps.items.is_empty() || words.charging.is_empty() {
        return Vec::new();
    }
    let texts: Vec<Tokens> = vps
        .items
        .iter()
        .map(item_tokens)
        .chain(vps.answers.values().map(|a| Tokens::of(a)))
        .collect();
    let offered = Vocabulary::of(&texts);
    let index = canvas.item_index();
    let vp_ids: HashSet<&str> = vps.items.iter().map(|vp| vp.id.as_str()).collect();
    let mut found = Vec::new();
    for stream in items(canvas, BlockId::RevenueStreams) {
        if stream.links.iter().any(|l| vp_ids.contains(l.as_str())) {
            continue;
        }
        // The segments it comes from name who pays, not what for.
        let payers: Vec<String> = stream
            .links
            .iter()
            .filter_map(|l| index.get(l.as_str()))
            .flat_map(|(_, segment)| Tokens::of(&segment.text).0)
            .collect();
        let own = Tokens(
            item_tokens(stream)
                .0
                .into_iter()
                .filter(|w| !words.charging.has_word(w) && !payers.iter().any(|p| p == w))
                .collect(),
        );
        if own.0.iter().any(|w| w.chars().count() >= 4) && !offered.named_in(&own, &words.charging) {
            found.push(Spot::new(BlockId::RevenueStreams).item(&stream.id));
        }
    }
    found
}

/// Segments a revenue stream comes from that no channel covering the purchase phase reaches.
/// Where no channel covers the purchase at all, the uncovered phase is reported instead.
fn paying_segments_without_purchase_channel(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    const PURCHASE: &str = "purchase";
    let channels = canvas.block(BlockId::Channels);
    if bank.block(BlockId::Channels).group("phases").is_none() {
        return Vec::new();
    }
    let selling: Vec<&Item> = channels
        .items
        .iter()
        .filter(|ch| channels.chosen_for(ch, "phases").iter().any(|p| p == PURCHASE))
        .collect();
    if selling.is_empty() {
        return Vec::new();
    }
    let reached: HashSet<&str> = selling
        .iter()
        .flat_map(|ch| ch.links.iter().map(String::as_str))
        .collect();
    let paying = linked_from(canvas, &[BlockId::RevenueStreams]);
    items(canvas, BlockId::CustomerSegments)
        .iter()
        .filter(|s| paying.contains(s.id.as_str()) && !reached.contains(s.id.as_str()))
        .map(|s| Spot::new(BlockId::Channels).item(&s.id))
        .collect()
}

/// A cost-driven structure cannot afford people dedicated to single customers: chosen as a
/// relationship type, or named in a relationship.
fn relationships_against_costs(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let orientation = canvas.block(BlockId::CostStructure).chosen(ORIENTATION);
    if orientation != ["cost_driven"] {
        return Vec::new();
    }
    let relationships = canvas.block(BlockId::CustomerRelationships);
    let dedicated_type = relationships
        .chosen("relationship_types")
        .iter()
        .any(|t| t == "dedicated_personal_assistance");
    let named = relationships
        .items
        .iter()
        .find(|cr| bank.words.dedicated.in_tokens(&item_tokens(cr)));
    match (named, dedicated_type) {
        (Some(cr), _) => vec![Spot::new(BlockId::CustomerRelationships).item(&cr.id)],
        (None, true) => vec![Spot::new(BlockId::CustomerRelationships)],
        (None, false) => Vec::new(),
    }
}

/// Bait and hook pays only while customers cannot buy the hook elsewhere: a patent, a licence,
/// exclusivity or lock-in must keep it, among the resources, partners or activities.
fn hook_unprotected(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    if !earns_by(canvas, &["bait_and_hook"]) {
        return Vec::new();
    }
    let guards = [
        BlockId::KeyResources,
        BlockId::KeyPartners,
        BlockId::KeyActivities,
    ];
    let protection = &bank.words.hook_protection;
    let protected = guards.iter().any(|&b| {
        let block = canvas.block(b);
        block.items.iter().any(|i| protection.in_tokens(&item_tokens(i)))
            || block.answers.values().any(|a| protection.in_text(a))
    });
    if protected {
        return Vec::new();
    }
    vec![Spot::new(BlockId::KeyResources)]
}
