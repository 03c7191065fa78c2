//! Changes to a canvas that keep it whole: merging a list's picks with what it did not offer,
//! and removing items together with the links that pointed at them.

use std::collections::HashSet;

use super::canvas::item_number;
use super::{BlockId, Canvas};

/// The result of a multi-select over `current` values: those still picked keep their order, new
/// picks follow, and values the list did not offer (from another bank, or typed by hand) stay.
pub fn merge_picks(current: &[String], offered: &[&str], picked: &[&str]) -> Vec<String> {
    let mut merged: Vec<String> = current
        .iter()
        .filter(|c| !offered.contains(&c.as_str()) || picked.contains(&c.as_str()))
        .cloned()
        .collect();
    for pick in picked {
        if !current.iter().any(|c| c == pick) {
            merged.push((*pick).to_owned());
        }
    }
    merged
}

impl Canvas {
    /// Removes items from a block, and the links and picks that named them: a removed sticky
    /// note leaves no arrows pointing at nothing. Its number is remembered, never given again.
    pub fn remove_items(&mut self, id: BlockId, removed: &HashSet<String>) {
        let gone = self
            .block(id)
            .items
            .iter()
            .filter(|item| removed.contains(&item.id))
            .filter_map(|item| item_number(id, &item.id))
            .max();
        if let Some(gone) = gone {
            let last = self.meta.last_ids.entry(id).or_insert(0);
            *last = (*last).max(gone);
        }
        self.block_mut(id)
            .items
            .retain(|item| !removed.contains(&item.id));
        for block in BlockId::ALL {
            let block = self.block_mut(block);
            for item in &mut block.items {
                item.links.retain(|link| !removed.contains(link));
            }
            for picked in block.picks.values_mut() {
                picked.retain(|pick| !removed.contains(pick));
            }
            block.picks.retain(|_, picked| !picked.is_empty());
        }
    }
}
