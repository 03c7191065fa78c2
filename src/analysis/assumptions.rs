//! Which untested assumptions matter most: an item many others depend on (through their links,
//! directly or not) is the riskiest to leave untested.

use std::collections::{HashMap, HashSet};

use crate::model::{BlockId, Canvas, Item, Status};

/// For each item, how many other items depend on it. Links only point to earlier blocks, so one
/// pass from the last block back gathers every dependent.
pub fn dependents(canvas: &Canvas) -> HashMap<&str, usize> {
    let mut depending: HashMap<&str, HashSet<&str>> = HashMap::new();
    for &block in BlockId::ALL.iter().rev() {
        for item in &canvas.block(block).items {
            let mine: HashSet<&str> = depending.get(item.id.as_str()).cloned().unwrap_or_default();
            for link in &item.links {
                let theirs = depending.entry(link.as_str()).or_default();
                theirs.insert(item.id.as_str());
                theirs.extend(mine.iter().copied());
            }
        }
    }
    canvas
        .items()
        .map(|(_, item)| {
            (
                item.id.as_str(),
                depending.get(item.id.as_str()).map_or(0, HashSet::len),
            )
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
