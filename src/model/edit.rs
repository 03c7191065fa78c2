//! Changes to a canvas that keep it whole: merging a list's picks with what it did not offer,
//! and removing items together with the links that pointed at them.

use std::collections::HashSet;

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
    /// Removes items from a block, and the links other items had to them: a removed sticky
    /// note leaves no arrows pointing at nothing.
    pub fn remove_items(&mut self, id: BlockId, removed: &HashSet<String>) {
        self.block_mut(id)
            .items
            .retain(|item| !removed.contains(&item.id));
        for block in BlockId::ALL {
            for item in &mut self.block_mut(block).items {
                item.links.retain(|link| !removed.contains(link));
            }
        }
    }
}
