//! Link rules: items that link nothing while there is something to link to, links to ids that do
//! not exist, and links to a block the item's block cannot link to.

use super::Severity::Inconsistent;
use super::lookup::{ids_in, items};
use super::rule::{PointsTo, Rule, Spot, Walk};
use crate::bank::Bank;
use crate::model::{BlockId, Canvas};

/// An item of channels, relationships, revenue streams or costs that links nothing.
pub static UNLINKED_ITEM: Rule = Rule {
    id: "unlinked_item",
    severity: Inconsistent,
    detect: unlinked_items,
    points_to: PointsTo::FirstQuestion,
    walk: None,
};

/// A link to an id no item has.
pub static DANGLING_LINK: Rule = Rule {
    id: "dangling_link",
    severity: Inconsistent,
    detect: dangling_links,
    points_to: PointsTo::Nothing,
    walk: Some(Walk::Links),
};

/// A link to an item of a block the item's block cannot link to.
pub static WRONG_LINK_TARGET: Rule = Rule {
    id: "wrong_link_target",
    severity: Inconsistent,
    detect: wrong_link_targets,
    points_to: PointsTo::Nothing,
    walk: Some(Walk::Links),
};

/// Items of the remaining linking blocks that link nothing, while there is something to link to.
/// Value propositions, resources, activities and partners have rules of their own.
fn unlinked_items(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    let blocks = [
        BlockId::Channels,
        BlockId::CustomerRelationships,
        BlockId::RevenueStreams,
        BlockId::CostStructure,
    ];
    let mut found = Vec::new();
    for block in blocks {
        if ids_in(canvas, block.link_targets()).is_empty() {
            continue;
        }
        for item in items(canvas, block).iter().filter(|i| i.links.is_empty()) {
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
