//! Three-way merge of canvases: when the file changed while an interview ran, our changes (from
//! `base` to `ours`) are re-applied on top of what is there now (`theirs`), value by value and
//! item by item. Where both sides changed the same value differently, `resolve` decides.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::{BlockId, Canvas, Item};

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

/// A value as a conflict shows it.
trait Shown {
    fn shown(&self) -> String;
}

impl Shown for String {
    fn shown(&self) -> String {
        self.clone()
    }
}

impl<T: Shown> Shown for Option<T> {
    fn shown(&self) -> String {
        self.as_ref().map(Shown::shown).unwrap_or_default()
    }
}

impl<T: Shown> Shown for Vec<T> {
    fn shown(&self) -> String {
        let shown: Vec<String> = self.iter().map(Shown::shown).collect();
        shown.join(", ")
    }
}

impl Shown for super::Amount {
    fn shown(&self) -> String {
        let mut shown = self.value.to_string();
        for part in [self.currency.as_deref(), self.per.map(super::Per::id)]
            .into_iter()
            .flatten()
        {
            shown.push(' ');
            shown.push_str(part);
        }
        if let Some(volume) = self.volume {
            shown.push_str(&format!(" × {volume}"));
        }
        shown
    }
}

impl Shown for super::Acknowledged {
    fn shown(&self) -> String {
        let about = [self.block.map(|b| b.key()), self.item.as_deref()];
        let about: Vec<&str> = about.into_iter().flatten().collect();
        format!("{} {}: {}", self.rule, about.join(" "), self.reason)
    }
}

impl Shown for super::Status {
    fn shown(&self) -> String {
        self.id().to_owned()
    }
}

type Resolve<'r> = dyn FnMut(&Conflict) -> Side + 'r;

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
    let new_sittings = ours.sessions.iter().skip(base.sessions.len()).cloned();
    merged.sessions.extend(new_sittings);
    merged
}

/// The value after both changes: whichever side changed it, or `resolve`'s choice when both did.
fn pick<T: PartialEq + Clone + Shown>(
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

/// Items by id: ours added (renumbered when theirs took the same id for another item), edited
/// field by field, and removed together with the links to them.
fn merge_items(base: &Canvas, ours: &Canvas, merged: &mut Canvas, resolve: &mut Resolve<'_>) {
    let in_base: HashMap<&str, &Item> = base.items().map(|(_, i)| (i.id.as_str(), i)).collect();
    let in_ours: HashSet<&str> = ours.items().map(|(_, i)| i.id.as_str()).collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for (block, item) in ours.items() {
        let at = find(merged, block, &item.id);
        match (in_base.get(item.id.as_str()), at) {
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
                    merged.block_mut(block).items.push(item.clone());
                }
            }
            (Some(_), None) => {}
            (None, Some(n)) if merged.block(block).items[n] == *item => {}
            (None, taken) => {
                let mut added = item.clone();
                if taken.is_some() || merged.item_index().contains_key(item.id.as_str()) {
                    added.id = merged.next_item_id(block);
                    renamed.insert(item.id.clone(), added.id.clone());
                }
                merged.block_mut(block).items.push(added);
            }
        }
    }
    relink(merged, &renamed, ours);
    remove_ours(base, &in_ours, merged, resolve);
}

/// Our links to items we added and had to renumber follow the new ids.
fn relink(merged: &mut Canvas, renamed: &HashMap<String, String>, ours: &Canvas) {
    if renamed.is_empty() {
        return;
    }
    let our_ids: HashSet<&str> = ours.items().map(|(_, i)| i.id.as_str()).collect();
    let new_ids: HashSet<&String> = renamed.values().collect();
    for block in BlockId::ALL {
        for item in &mut merged.block_mut(block).items {
            if !our_ids.contains(item.id.as_str()) && !new_ids.contains(&item.id) {
                continue;
            }
            for link in &mut item.links {
                if let Some(new) = renamed.get(link) {
                    link.clone_from(new);
                }
            }
        }
    }
}

/// Items we removed go, unless theirs changed them and `resolve` keeps their version.
fn remove_ours(base: &Canvas, in_ours: &HashSet<&str>, merged: &mut Canvas, resolve: &mut Resolve<'_>) {
    for (block, before) in base.items().filter(|(_, i)| !in_ours.contains(i.id.as_str())) {
        let Some(n) = find(merged, block, &before.id) else {
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
        merged.remove_items(block, &HashSet::from([before.id.clone()]));
    }
}

fn find(canvas: &Canvas, block: BlockId, id: &str) -> Option<usize> {
    canvas.block(block).items.iter().position(|i| i.id == id)
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
        evidence: merge_evidence(&base.evidence, &ours.evidence, &theirs.evidence),
        amount: pick(
            &key("amount"),
            &base.amount,
            &ours.amount,
            &theirs.amount,
            resolve,
        ),
    }
}

/// Evidence is a log: entries either side added are kept, in their order.
fn merge_evidence(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    let mut merged: Vec<String> = theirs.to_vec();
    let removed_by_us: HashSet<&String> = base.iter().filter(|e| !ours.contains(e)).collect();
    merged.retain(|e| !removed_by_us.contains(e));
    merged.extend(
        ours.iter()
            .filter(|e| !base.contains(e) && !theirs.contains(e))
            .cloned(),
    );
    merged
}

#[cfg(test)]
mod tests;
