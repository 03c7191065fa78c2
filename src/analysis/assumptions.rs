//! Which untested assumptions matter most: an item many others depend on (through their links,
//! directly or not), or one the model's money rests on, such as a price, is the riskiest to
//! leave untested.

use std::collections::HashMap;

use super::evidence::evidence;
use crate::bank::Words;
use crate::model::{BlockId, Canvas, Item, Status};
use crate::money::{Priced, priced};

/// Dependents are counted exactly up to this many; beyond it an item is simply among the most
/// depended on. Real canvases stay far below it, and the cap keeps the count linear in the
/// number of links: the exact count of distinct dependents grows with the square of the items.
pub const COUNTED_UP_TO: usize = 256;

/// For each item, how many other items depend on it, each counted once however many paths lead
/// from it; `COUNTED_UP_TO + 1` stands for "more than the cap". Only links the format allows count: they point to earlier
/// blocks, so one pass from the last block back gathers every dependent, and no loop can form.
pub fn dependents(canvas: &Canvas) -> HashMap<&str, usize> {
    let items: Vec<(BlockId, &Item)> = canvas.items().collect();
    let position: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(n, (_, i))| (i.id.as_str(), n))
        .collect();
    // Each item's dependents as sorted positions, at most `COUNTED_UP_TO + 1` of them.
    let mut depending: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    for (n, (block, item)) in items.iter().enumerate().rev() {
        // Allowed links point to earlier blocks, so to earlier positions: split to borrow both.
        let (earlier, from_here) = depending.split_at_mut(n);
        let mut mine = from_here[0].clone();
        mine.insert(mine.partition_point(|&p| p < n), n);
        for link in &item.links {
            let Some(&target) = position.get(link.as_str()) else {
                continue;
            };
            if block.link_targets().contains(&items[target].0) {
                earlier[target] = union_capped(&earlier[target], &mine);
            }
        }
    }
    items
        .iter()
        .zip(&depending)
        .map(|((_, item), theirs)| (item.id.as_str(), theirs.len().min(COUNTED_UP_TO + 1)))
        .collect()
}

/// The union of two sorted sets, cut after `COUNTED_UP_TO + 1` elements: a set that long only
/// says "more than the cap", and stays that way.
fn union_capped(a: &[usize], b: &[usize]) -> Vec<usize> {
    let mut union = Vec::with_capacity((a.len() + b.len()).min(COUNTED_UP_TO + 1));
    let (mut i, mut j) = (0, 0);
    while union.len() <= COUNTED_UP_TO && (i < a.len() || j < b.len()) {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x == y => {
                i += 1;
                j += 1;
                x
            }
            (Some(&x), Some(&y)) if x < y => {
                i += 1;
                x
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (None, None) => unreachable!("the loop stops when both are done"),
        };
        union.push(next);
    }
    union
}

/// An untested assumption and what makes it risky.
pub struct Risk<'a> {
    pub block: BlockId,
    pub item: &'a Item,
    /// How many items depend on it; `COUNTED_UP_TO + 1` for more than that.
    pub dependents: usize,
    /// A revenue stream or cost that states an amount: the model's money rests on it.
    pub figure: bool,
}

impl Risk<'_> {
    /// One, plus the dependents, plus the weight of money: 4 for a revenue stream, 2 for a
    /// cost, and 4 more where it states a price or amount.
    pub fn importance(&self) -> usize {
        let money = match self.block {
            BlockId::RevenueStreams => 4,
            BlockId::CostStructure => 2,
            _ => 0,
        };
        1 + self.dependents + money + if self.figure { 4 } else { 0 }
    }

    /// Importance times missing evidence: 2 for an assumption with nothing recorded, 1 where
    /// some evidence is.
    fn score(&self) -> usize {
        let missing = if evidence(self.item) == 0 { 2 } else { 1 };
        self.importance() * missing
    }
}

/// Every item of the canvas with what makes it risky, in the canvas's order.
pub fn weighed<'a>(canvas: &'a Canvas, words: &Words) -> Vec<Risk<'a>> {
    let counts = dependents(canvas);
    canvas
        .items()
        .map(|(block, item)| Risk {
            block,
            item,
            dependents: counts[item.id.as_str()],
            figure: block.carries_amounts()
                && matches!(priced(item, words), Priced::Amount { .. } | Priced::Share(_)),
        })
        .collect()
}

/// Untested assumptions, riskiest first: by importance times missing evidence, then in block
/// order, so an untested price ranks near the top.
pub fn ranked<'a>(canvas: &'a Canvas, words: &Words) -> Vec<Risk<'a>> {
    let mut ranked = weighed(canvas, words);
    ranked.retain(|risk| risk.item.status == Status::Assumption);
    ranked.sort_by_key(|risk| (std::cmp::Reverse(risk.score()), risk.block));
    ranked
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn the_items_most_depended_on_and_untested_prices_come_first() {
        let text = include_str!("../../examples/brew-box.toml");
        let mut canvas = crate::file::parse_canvas(Path::new("brew-box.toml"), text).unwrap();
        let counts = dependents(&canvas);
        // vp2 ← kr1, kr2, ka1; kr1 ← co3; kr2 ← co3; ka1 ← kp1, co1; kp1 ← co1.
        assert_eq!(counts["vp2"], 6, "kr1, kr2, ka1, kp1, co1, co3");
        assert_eq!(counts["co1"], 0);
        canvas.block_mut(BlockId::CustomerSegments).items[0].status = Status::Validated;
        let words = &crate::bank::Bank::builtin(crate::i18n::Language::En).words;
        let ranked = ranked(&canvas, words);
        let ids: Vec<&str> = ranked.iter().map(|r| r.item.id.as_str()).collect();
        assert_eq!(ids[0], "cs2", "cs1 is validated, so cs2 leads");
        assert!(ids.iter().all(|id| *id != "cs1"));
        let price = ids.iter().position(|id| *id == "rs1").unwrap();
        let unpriced = ids.iter().position(|id| *id == "rs2").unwrap();
        assert!(
            price < 5 && price < unpriced,
            "29 EUR a month is untested: {ids:?}"
        );
        assert!(ranked.windows(2).all(|w| w[0].score() >= w[1].score()));
    }

    #[test]
    fn dependents_are_counted_exactly_up_to_the_cap_and_then_said_to_be_more() {
        let mut canvas = Canvas::default();
        canvas
            .block_mut(BlockId::CustomerSegments)
            .items
            .push(Item::new("cs1", "All", vec![]));
        canvas
            .block_mut(BlockId::CustomerSegments)
            .items
            .push(Item::new("cs2", "Some", vec![]));
        for n in 0..COUNTED_UP_TO + 40 {
            let links = if n < COUNTED_UP_TO - 3 {
                vec!["cs1".into(), "cs2".into()]
            } else {
                vec!["cs1".into()]
            };
            let vp = Item::new(format!("vp{n}"), "Offer", links);
            canvas.block_mut(BlockId::ValuePropositions).items.push(vp);
        }
        // Partners linked from resources that serve the same value propositions: counted once.
        canvas.block_mut(BlockId::KeyResources).items.push(Item::new(
            "kr1",
            "R",
            vec!["vp0".into(), "vp1".into()],
        ));
        canvas
            .block_mut(BlockId::KeyResources)
            .items
            .push(Item::new("kr2", "R", vec!["vp0".into()]));
        canvas.block_mut(BlockId::CostStructure).items.push(Item::new(
            "co1",
            "C",
            vec!["kr1".into(), "kr2".into()],
        ));
        let counts = dependents(&canvas);
        assert_eq!(counts["vp0"], 3, "kr1, kr2 and co1, each once");
        assert_eq!(counts["vp1"], 2);
        assert_eq!(
            counts["cs2"], COUNTED_UP_TO,
            "exactly at the cap: 253 offers, kr1, kr2 and co1"
        );
        assert_eq!(counts["cs1"], COUNTED_UP_TO + 1, "more than the cap");
    }
}
