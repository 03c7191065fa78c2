//! Link rules: items that link nothing while there is something to link to, links to ids that do
//! not exist, and links to a block the item's block cannot link to.

use super::Severity::Inconsistent;
use super::lookup::{ids_in, items};
use super::rule::{Impact, PointsTo, Rule, Spot, Walk};
use crate::bank::Bank;
use crate::model::{BlockId, Canvas};

/// An item of channels, relationships, revenue streams or costs that links nothing.
pub static UNLINKED_ITEM: Rule = Rule {
    id: "unlinked_item",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: unlinked_items,
    points_to: PointsTo::FirstQuestion,
    walk: None,
};

/// A link to an id no item has.
pub static DANGLING_LINK: Rule = Rule {
    id: "dangling_link",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: dangling_links,
    points_to: PointsTo::Nothing,
    walk: Some(Walk::Links),
};

/// A link to an item of a block the item's block cannot link to.
pub static WRONG_LINK_TARGET: Rule = Rule {
    id: "wrong_link_target",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: wrong_link_targets,
    points_to: PointsTo::Nothing,
    walk: Some(Walk::Links),
};

/// Items of the remaining linking blocks that link to none of the items they should (the
/// segments they serve, what drives a cost), while there are some. Links to other blocks they may
/// name, such as a channel's value propositions, do not count; dangling and wrong links have rules
/// of their own. Value propositions, resources, activities and partners have rules of their own.
fn unlinked_items(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    let blocks = [
        BlockId::Channels,
        BlockId::CustomerRelationships,
        BlockId::RevenueStreams,
        BlockId::CostStructure,
    ];
    let index = canvas.item_index();
    let mut found = Vec::new();
    for block in blocks {
        if ids_in(canvas, block.required_targets()).is_empty() {
            continue;
        }
        let optional = |link: &String| {
            index.get(link.as_str()).is_some_and(|(target, _)| {
                block.link_targets().contains(target) && !block.required_targets().contains(target)
            })
        };
        for item in items(canvas, block)
            .iter()
            .filter(|i| i.links.iter().all(optional))
        {
            found.push(Spot::new(block).item(&item.id));
        }
    }
    found
}

fn dangling_links(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    links_where(canvas, |_, target| target.is_none())
}

fn wrong_link_targets(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    links_where(canvas, |block, target| {
        target.is_some_and(|target| !block.link_targets().contains(&target))
    })
}

/// The links for which `faulty(item's block, linked item's block if any)` holds, each at its
/// place among all links of the canvas.
fn links_where(canvas: &Canvas, faulty: impl Fn(BlockId, Option<BlockId>) -> bool) -> Vec<Spot> {
    let index = canvas.item_index();
    let links = canvas
        .items()
        .flat_map(|(block, item)| item.links.iter().map(move |link| (block, item, link)));
    links
        .enumerate()
        .filter(|(_, (block, _, link))| faulty(*block, index.get(link.as_str()).map(|(b, _)| *b)))
        .map(|(step, (block, item, link))| Spot::new(block).item(&item.id).subject(link).step(step))
        .collect()
}
