//! Which untested assumptions matter most: an item many others depend on (through their links,
//! directly or not) is the riskiest to leave untested.

use std::collections::HashMap;

use crate::model::{BlockId, Canvas, Item, Status};

/// For each item, how many other items depend on it, each counted once however many paths lead
/// from it. Only links the format allows count: they point to earlier blocks, so one pass from the
/// last block back gathers every dependent, and a link loop cannot form. Dependents are kept as
/// bit sets, one bit per item: a canvas at the 20,000-item limit needs at most 50 MB, and a pass
/// costs a few word operations per link.
pub fn dependents(canvas: &Canvas) -> HashMap<&str, usize> {
    let items: Vec<(BlockId, &Item)> = canvas.items().collect();
    let position: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(n, (_, i))| (i.id.as_str(), n))
        .collect();
    let words = items.len().div_ceil(64);
    let mut depending: Vec<Option<Vec<u64>>> = vec![None; items.len()];
    for (n, (block, item)) in items.iter().enumerate().rev() {
        // Allowed links point to earlier blocks, so to earlier positions: split to borrow both.
        let (earlier, from_here) = depending.split_at_mut(n);
        let mine = &from_here[0];
        for link in &item.links {
            let Some(&target) = position.get(link.as_str()) else {
                continue;
            };
            if !block.link_targets().contains(&items[target].0) {
                continue;
            }
            let theirs = earlier[target].get_or_insert_with(|| vec![0; words]);
            theirs[n / 64] |= 1 << (n % 64);
            if let Some(mine) = mine {
                theirs.iter_mut().zip(mine).for_each(|(t, m)| *t |= m);
            }
        }
    }
    items
        .iter()
        .zip(&depending)
        .map(|((_, item), bits)| {
            let count = bits
                .as_ref()
                .map_or(0, |b| b.iter().map(|w| w.count_ones() as usize).sum());
            (item.id.as_str(), count)
        })
        .collect()
}

/// Untested assumptions, riskiest first: most dependents, then in block order.
pub fn ranked(canvas: &Canvas) -> Vec<(BlockId, &Item, usize)> {
    let counts = dependents(canvas);
    let mut ranked: Vec<(BlockId, &Item, usize)> = canvas
        .items()
        .filter(|(_, item)| item.status == Status::Assumption)
        .map(|(block, item)| (block, item, counts[item.id.as_str()]))
        .collect();
    ranked.sort_by_key(|&(block, _, count)| (std::cmp::Reverse(count), block));
    ranked
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn the_items_most_depended_on_come_first() {
        let text = include_str!("../../examples/brew-box.toml");
        let mut canvas = crate::file::parse_canvas(Path::new("brew-box.toml"), text).unwrap();
        let counts = dependents(&canvas);
        // vp2 ← kr1, kr2, ka1; kr1 ← co3; kr2 ← co3; ka1 ← kp1, co1; kp1 ← co1.
        assert_eq!(counts["vp2"], 6, "kr1, kr2, ka1, kp1, co1, co3");
        assert_eq!(counts["co1"], 0);
        canvas.block_mut(BlockId::CustomerSegments).items[0].status = Status::Validated;
        let ranked = ranked(&canvas);
        assert_eq!(ranked[0].1.id, "cs2", "cs1 is validated, so cs2 leads");
        assert!(ranked.windows(2).all(|w| w[0].2 >= w[1].2));
        assert!(ranked.iter().all(|(_, item, _)| item.id != "cs1"));
    }
}
