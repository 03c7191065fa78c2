//! Support rules: value propositions nothing delivers; resources, activities and partners that
//! support nothing; and resources and activities no cost reflects.

use super::Severity::Inconsistent;
use super::lookup::{ids_in, item_tokens, items, linked_from};
use super::rule::{Impact, PointsTo, QuestionId, Rule, Spot};
use crate::bank::Bank;
use crate::model::{BlockId, Canvas, Item};

/// Asked where activities deliver value propositions, by two rules.
const ACTIVITIES_FOR_VALUE: QuestionId = QuestionId::new(BlockId::KeyActivities, "for_value_propositions");

/// A value proposition that no key activity or resource delivers.
pub static VALUE_PROPOSITION_NOT_DELIVERED: Rule = Rule {
    id: "value_proposition_not_delivered",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: value_propositions_not_delivered,
    points_to: PointsTo::Question(ACTIVITIES_FOR_VALUE),
    walk: None,
};

/// A key resource linked to nothing it could support.
pub static RESOURCE_SUPPORTS_NOTHING: Rule = Rule {
    id: "resource_supports_nothing",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: resources_supporting_nothing,
    points_to: PointsTo::Question(QuestionId::new(BlockId::KeyResources, "for_value_propositions")),
    walk: None,
};

/// A key activity linked to nothing it could support.
pub static ACTIVITY_SUPPORTS_NOTHING: Rule = Rule {
    id: "activity_supports_nothing",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: activities_supporting_nothing,
    points_to: PointsTo::Question(ACTIVITIES_FOR_VALUE),
    walk: None,
};

/// A key partner linked to no key resource or activity.
pub static PARTNER_PROVIDES_NOTHING: Rule = Rule {
    id: "partner_provides_nothing",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: partners_providing_nothing,
    points_to: PointsTo::Question(QuestionId::new(BlockId::KeyPartners, "resources_acquired")),
    walk: None,
};

/// A key resource that no cost item reflects, while there are cost items; intangible resources
/// (a brand, data, a network, intellectual property) are built rather than paid for line by
/// line, so they are left out.
pub static RESOURCE_WITHOUT_COST: Rule = Rule {
    id: "resource_without_cost",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: resources_without_cost,
    points_to: PointsTo::Question(QuestionId::new(BlockId::CostStructure, "expensive_resources")),
    walk: None,
};

/// A key activity that no cost item reflects, while there are cost items.
pub static ACTIVITY_WITHOUT_COST: Rule = Rule {
    id: "activity_without_cost",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: activities_without_cost,
    points_to: PointsTo::Question(QuestionId::new(BlockId::CostStructure, "expensive_activities")),
    walk: None,
};

fn value_propositions_not_delivered(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    let delivering = [BlockId::KeyActivities, BlockId::KeyResources];
    if delivering.iter().all(|&b| items(canvas, b).is_empty()) {
        return Vec::new();
    }
    let delivered = linked_from(canvas, &delivering);
    items(canvas, BlockId::ValuePropositions)
        .iter()
        .filter(|vp| !delivered.contains(vp.id.as_str()))
        .map(|vp| Spot::new(BlockId::KeyActivities).item(&vp.id))
        .collect()
}

fn resources_supporting_nothing(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    supporting_nothing(canvas, BlockId::KeyResources)
}

fn activities_supporting_nothing(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    supporting_nothing(canvas, BlockId::KeyActivities)
}

fn partners_providing_nothing(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    supporting_nothing(canvas, BlockId::KeyPartners)
}

/// Items of `block` that link to none of the items it may link to, where there are any.
fn supporting_nothing(canvas: &Canvas, block: BlockId) -> Vec<Spot> {
    let targets = ids_in(canvas, block.link_targets());
    if targets.is_empty() {
        return Vec::new();
    }
    items(canvas, block)
        .iter()
        .filter(|item| !item.links.iter().any(|l| targets.contains(l.as_str())))
        .map(|item| Spot::new(block).item(&item.id))
        .collect()
}

fn resources_without_cost(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let intangible = &bank.words.intangible;
    without_cost(canvas, BlockId::KeyResources, |item| {
        intangible.in_tokens(&item_tokens(item))
    })
}

fn activities_without_cost(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    without_cost(canvas, BlockId::KeyActivities, |_| false)
}

/// Items of `block` that no cost item links to, where there are cost items, unless `exempt`.
fn without_cost(canvas: &Canvas, block: BlockId, exempt: impl Fn(&Item) -> bool) -> Vec<Spot> {
    if items(canvas, BlockId::CostStructure).is_empty() {
        return Vec::new();
    }
    let costed = linked_from(canvas, &[BlockId::CostStructure]);
    items(canvas, block)
        .iter()
        .filter(|item| !costed.contains(item.id.as_str()) && !exempt(item))
        .map(|item| Spot::new(BlockId::CostStructure).item(&item.id))
        .collect()
}
