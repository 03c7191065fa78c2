//! Three-way merge of canvases: when the file changed while an interview ran, our changes (from
//! `base` to `ours`) are re-applied on top of what is there now (`theirs`), value by value and
//! item by item. Where both sides changed the same value differently, `resolve` decides.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::{BlockId, Canvas, Item};
use shown::Shown;

/// Which side of a conflict to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// One value both sides changed: where it is (`meta.title`, `channels.answers.reach_now`,
/// `ch2.text`), and the two versions as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub key: String,
    pub ours: String,
    pub theirs: String,
}

pub(super) type Resolve<'r> = dyn FnMut(&Conflict) -> Side + 'r;

/// `theirs` with the changes from `base` to `ours` applied. Date, iteration and language are
/// theirs: saving sets them anew.
pub fn merge(base: &Canvas, ours: &Canvas, theirs: &Canvas, resolve: &mut Resolve<'_>) -> Canvas {
    let mut merged = theirs.clone();
    let (b, o, m) = (&base.meta, &ours.meta, &mut merged.meta);
    m.title = pick("meta.title", &b.title, &o.title, &m.title, resolve);
    m.designed_for = pick(
        "meta.designed_for",
        &b.designed_for,
        &o.designed_for,
        &m.designed_for,
        resolve,
    );
    m.designed_by = pick(
        "meta.designed_by",
        &b.designed_by,
        &o.designed_by,
        &m.designed_by,
        resolve,
    );
    // Numbers either side retired stay retired.
    for (&block, &last) in &o.last_ids {
        let merged = m.last_ids.entry(block).or_insert(0);
        *merged = (*merged).max(last);
    }
    for block in BlockId::ALL {
        let (b, o, t) = (base.block(block), ours.block(block), theirs.block(block));
        let m = merged.block_mut(block);
        m.answers = merge_map(
            &format!("{block}.answers"),
            &b.answers,
            &o.answers,
            &t.answers,
            resolve,
        );
        m.categories = merge_map(
            &format!("{block}.categories"),
            &b.categories,
            &o.categories,
            &t.categories,
            resolve,
        );
        m.picks = merge_map(&format!("{block}.picks"), &b.picks, &o.picks, &t.picks, resolve);
        m.notes = pick(&format!("{block}.notes"), &b.notes, &o.notes, &t.notes, resolve);
    }
    merged.acknowledged = pick(
        "acknowledged",
        &base.acknowledged,
        &ours.acknowledged,
        &theirs.acknowledged,
        resolve,
    );
    merge_items(base, ours, &mut merged, resolve);
    cards::merge_cards(base, ours, &mut merged, resolve);
    let new_sittings = ours.sessions.iter().skip(base.sessions.len()).cloned();
    merged.sessions.extend(new_sittings);
    merged
}

/// The value after both changes: whichever side changed it, or `resolve`'s choice when both did.
pub(super) fn pick<T: PartialEq + Clone + Shown>(
    key: &str,
    base: &T,
    ours: &T,
    theirs: &T,
    resolve: &mut Resolve<'_>,
) -> T {
    if ours == base || ours == theirs {
        return theirs.clone();
    }
    if theirs == base {
        return ours.clone();
    }
    let conflict = Conflict {
        key: key.to_owned(),
        ours: ours.shown(),
        theirs: theirs.shown(),
    };
    match resolve(&conflict) {
        Side::Ours => ours.clone(),
        Side::Theirs => theirs.clone(),
    }
}

/// Key by key; keys keep theirs' order, and keys only we added follow.
fn merge_map<V: PartialEq + Clone>(
    prefix: &str,
    base: &IndexMap<String, V>,
    ours: &IndexMap<String, V>,
    theirs: &IndexMap<String, V>,
    resolve: &mut Resolve<'_>,
) -> IndexMap<String, V>
where
    Option<V>: Shown,
{
    let keys: Vec<&String> = theirs
        .keys()
        .chain(ours.keys().filter(|k| !theirs.contains_key(*k)))
        .collect();
    let mut merged = IndexMap::new();
    for key in keys.into_iter().chain(base.keys()) {
        if merged.contains_key(key) {
            continue;
        }
        let value = pick(
            &format!("{prefix}.{key}"),
            &base.get(key).cloned(),
            &ours.get(key).cloned(),
            &theirs.get(key).cloned(),
            resolve,
        );
        if let Some(value) = value {
            merged.insert(key.clone(), value);
        }
    }
    merged
}

/// Items by id: ours added (renumbered first when theirs took the same id for another item),
/// edited field by field, and removed together with the links to them. Items are looked up by id
/// in maps built once, so a merge stays linear in the number of items.
fn merge_items(base: &Canvas, ours: &Canvas, merged: &mut Canvas, resolve: &mut Resolve<'_>) {
    let ours = renumber_added(base, ours, merged);
    let in_base: HashMap<&str, &Item> = base.items().map(|(_, i)| (i.id.as_str(), i)).collect();
    let in_ours: HashSet<&str> = ours.items().map(|(_, i)| i.id.as_str()).collect();
    let mut at: HashMap<String, (BlockId, usize)> = positions(merged);
    for (block, item) in ours.items() {
        let here = at.get(&item.id).filter(|(b, _)| *b == block).map(|&(_, n)| n);
        match (in_base.get(item.id.as_str()), here) {
            (Some(before), Some(n)) => {
                let theirs = &mut merged.block_mut(block).items[n];
                *theirs = merge_item(before, item, theirs, resolve);
            }
            (Some(before), None) if *before != item => {
                let conflict = Conflict {
                    key: item.id.clone(),
                    ours: item.text.clone(),
                    theirs: String::new(),
                };
                if resolve(&conflict) == Side::Ours {
                    push(merged, &mut at, block, item);
                }
            }
            (None, None) if !at.contains_key(&item.id) => push(merged, &mut at, block, item),
            // Unchanged, or added alike by both sides.
            _ => {}
        }
    }
    remove_ours(base, &in_ours, merged, &at, resolve);
}

fn positions(canvas: &Canvas) -> HashMap<String, (BlockId, usize)> {
    let mut at = HashMap::new();
    for block in BlockId::ALL {
        for (n, item) in canvas.block(block).items.iter().enumerate() {
            at.insert(item.id.clone(), (block, n));
        }
    }
    at
}

fn push(merged: &mut Canvas, at: &mut HashMap<String, (BlockId, usize)>, block: BlockId, item: &Item) {
    let items = &mut merged.block_mut(block).items;
    at.insert(item.id.clone(), (block, items.len()));
    items.push(item.clone());
}

/// Ours with the items it added under an id theirs gave another item renumbered past every id
/// either side used, and our links following them; theirs is left as it is.
fn renumber_added(base: &Canvas, ours: &Canvas, theirs: &Canvas) -> Canvas {
    let base_ids: HashSet<&str> = base.items().map(|(_, i)| i.id.as_str()).collect();
    let their_items: HashMap<&str, &Item> = theirs.items().map(|(_, i)| (i.id.as_str(), i)).collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut taken = Taken::of(&[ours, theirs]);
    for (block, item) in ours.items() {
        let clash = their_items.get(item.id.as_str()).is_some_and(|t| *t != item);
        if clash && !base_ids.contains(item.id.as_str()) {
            renamed.insert(item.id.clone(), taken.fresh(block));
        }
    }
    let mut ours = ours.clone();
    if renamed.is_empty() {
        return ours;
    }
    for block in BlockId::ALL {
        for item in &mut ours.block_mut(block).items {
            if let Some(new) = renamed.get(&item.id) {
                item.id.clone_from(new);
            }
            for link in &mut item.links {
                if let Some(new) = renamed.get(link) {
                    link.clone_from(new);
                }
            }
        }
    }
    ours
}

/// The generated numbers in use, per block, to hand out fresh ones.
struct Taken {
    numbers: HashMap<BlockId, HashSet<u64>>,
    highest: HashMap<BlockId, u64>,
}

impl Taken {
    fn of(canvases: &[&Canvas]) -> Taken {
        let mut taken = Taken {
            numbers: HashMap::new(),
            highest: HashMap::new(),
        };
        for canvas in canvases {
            for (block, item) in canvas.items() {
                if let Some(n) = super::canvas::item_number(block, &item.id) {
                    taken.take(block, n);
                }
            }
            for (&block, &n) in &canvas.meta.last_ids {
                taken.take(block, n);
            }
        }
        taken
    }

    fn take(&mut self, block: BlockId, n: u64) {
        self.numbers.entry(block).or_default().insert(n);
        let highest = self.highest.entry(block).or_insert(0);
        *highest = (*highest).max(n);
    }

    /// One past the highest number used, or the first free one when that would overflow.
    fn fresh(&mut self, block: BlockId) -> String {
        let highest = self.highest.get(&block).copied().unwrap_or(0);
        let used = self.numbers.entry(block).or_default();
        let n = highest.checked_add(1).unwrap_or_else(|| {
            (1..)
                .find(|n| !used.contains(n))
                .expect("not every number is taken")
        });
        self.take(block, n);
        format!("{}{n}", block.item_prefix())
    }
}

/// Items we removed go, with the links to them, unless theirs changed them and `resolve` keeps
/// their version.
fn remove_ours(
    base: &Canvas,
    in_ours: &HashSet<&str>,
    merged: &mut Canvas,
    at: &HashMap<String, (BlockId, usize)>,
    resolve: &mut Resolve<'_>,
) {
    let mut removed: HashMap<BlockId, HashSet<String>> = HashMap::new();
    for (block, before) in base.items().filter(|(_, i)| !in_ours.contains(i.id.as_str())) {
        let Some(&(_, n)) = at.get(&before.id).filter(|(b, _)| *b == block) else {
            continue;
        };
        let theirs = &merged.block(block).items[n];
        if theirs != before {
            let conflict = Conflict {
                key: before.id.clone(),
                ours: String::new(),
                theirs: theirs.text.clone(),
            };
            if resolve(&conflict) == Side::Theirs {
                continue;
            }
        }
        removed.entry(block).or_default().insert(before.id.clone());
    }
    for (block, ids) in removed {
        merged.remove_items(block, &ids);
    }
}

fn merge_item(base: &Item, ours: &Item, theirs: &Item, resolve: &mut Resolve<'_>) -> Item {
    let key = |field: &str| format!("{}.{field}", ours.id);
    Item {
        id: theirs.id.clone(),
        text: pick(&key("text"), &base.text, &ours.text, &theirs.text, resolve),
        links: pick(&key("links"), &base.links, &ours.links, &theirs.links, resolve),
        categories: merge_map(
            &key("categories"),
            &base.categories,
            &ours.categories,
            &theirs.categories,
            resolve,
        ),
        note: pick(&key("note"), &base.note, &ours.note, &theirs.note, resolve),
        status: pick(
            &key("status"),
            &base.status,
            &ours.status,
            &theirs.status,
            resolve,
        ),
        evidence: merge_log(&base.evidence, &ours.evidence, &theirs.evidence),
        amount: pick(
            &key("amount"),
            &base.amount,
            &ours.amount,
            &theirs.amount,
            resolve,
        ),
    }
}

/// Evidence and learnings are logs: entries either side added are kept, in their order.
pub(super) fn merge_log<T: Clone + Eq + std::hash::Hash>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut merged: Vec<T> = theirs.to_vec();
    let removed_by_us: HashSet<&T> = base.iter().filter(|e| !ours.contains(e)).collect();
    merged.retain(|e| !removed_by_us.contains(e));
    merged.extend(
        ours.iter()
            .filter(|e| !base.contains(e) && !theirs.contains(e))
            .cloned(),
    );
    merged
}

mod cards;
mod shown;
#[cfg(test)]
mod tests;
