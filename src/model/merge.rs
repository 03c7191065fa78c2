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

impl Shown for Vec<String> {
    fn shown(&self) -> String {
        self.join(", ")
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
mod tests {
    use super::*;

    fn canvas() -> Canvas {
        let text = include_str!("../../examples/brew-box.toml");
        crate::file::parse_canvas(std::path::Path::new("brew-box.toml"), text).unwrap()
    }

    fn never(conflict: &Conflict) -> Side {
        panic!("no conflict expected: {conflict:?}")
    }

    #[test]
    fn changes_to_different_values_are_both_kept() {
        let base = canvas();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.meta.title = "Brew Box Pro".into();
        ours.block_mut(BlockId::Channels)
            .answers
            .insert("reach_now".into(), "Ours".into());
        ours.block_mut(BlockId::Channels).items[0].text = "Our web shop".into();
        theirs
            .block_mut(BlockId::Channels)
            .answers
            .insert("reach_want".into(), "Theirs".into());
        theirs.block_mut(BlockId::Channels).items[0].note = Some("their note".into());
        theirs.meta.iteration += 1;
        let merged = merge(&base, &ours, &theirs, &mut never);
        let channels = merged.block(BlockId::Channels);
        assert_eq!(merged.meta.title, "Brew Box Pro");
        assert_eq!(merged.meta.iteration, theirs.meta.iteration);
        assert_eq!(channels.answer("reach_now"), Some("Ours"));
        assert_eq!(channels.answer("reach_want"), Some("Theirs"));
        assert_eq!(channels.items[0].text, "Our web shop");
        assert_eq!(channels.items[0].note.as_deref(), Some("their note"));
    }

    #[test]
    fn a_value_both_changed_is_resolved_and_named() {
        let base = canvas();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.block_mut(BlockId::Channels).items[1].text = "ours".into();
        theirs.block_mut(BlockId::Channels).items[1].text = "theirs".into();
        let mut asked = Vec::new();
        let mut keep_theirs = |c: &Conflict| {
            asked.push(c.clone());
            Side::Theirs
        };
        let merged = merge(&base, &ours, &theirs, &mut keep_theirs);
        assert_eq!(merged.block(BlockId::Channels).items[1].text, "theirs");
        assert_eq!(
            asked,
            [Conflict {
                key: "ch2.text".into(),
                ours: "ours".into(),
                theirs: "theirs".into()
            }]
        );
        let merged = merge(&base, &ours, &theirs, &mut |_| Side::Ours);
        assert_eq!(merged.block(BlockId::Channels).items[1].text, "ours");
    }

    #[test]
    fn items_both_sides_added_under_one_id_are_both_kept_and_links_follow() {
        let base = canvas();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let id = base.next_item_id(BlockId::CustomerSegments);
        ours.block_mut(BlockId::CustomerSegments)
            .items
            .push(Item::new(&id, "Ours", vec![]));
        let vp = ours.next_item_id(BlockId::ValuePropositions);
        ours.block_mut(BlockId::ValuePropositions)
            .items
            .push(Item::new(vp, "For ours", vec![id.clone()]));
        theirs
            .block_mut(BlockId::CustomerSegments)
            .items
            .push(Item::new(&id, "Theirs", vec![]));
        let merged = merge(&base, &ours, &theirs, &mut never);
        let segments = &merged.block(BlockId::CustomerSegments).items;
        let texts: Vec<(&str, &str)> = segments
            .iter()
            .map(|i| (i.id.as_str(), i.text.as_str()))
            .collect();
        let renumbered = merged.next_item_id(BlockId::CustomerSegments);
        assert_eq!(
            texts[texts.len() - 2..],
            [(id.as_str(), "Theirs"), ("cs4", "Ours")]
        );
        assert_eq!(renumbered, "cs5");
        let ours_vp = merged.block(BlockId::ValuePropositions).items.last().unwrap();
        assert_eq!(ours_vp.links, ["cs4"]);
    }

    #[test]
    fn items_we_removed_go_with_their_links_unless_theirs_changed_them() {
        let base = canvas();
        let mut ours = base.clone();
        ours.remove_items(BlockId::Channels, &HashSet::from(["ch3".to_owned()]));
        let theirs = base.clone();
        let merged = merge(&base, &ours, &theirs, &mut never);
        assert!(merged.item_index().get("ch3").is_none());
        let mut theirs = base.clone();
        theirs.block_mut(BlockId::Channels).items[2].text = "Referral code, now printed".into();
        let merged = merge(&base, &ours, &theirs, &mut |_| Side::Theirs);
        assert!(merged.item_index().contains_key("ch3"));
    }

    #[test]
    fn evidence_and_sittings_from_both_sides_are_kept() {
        let base = canvas();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.block_mut(BlockId::CustomerSegments).items[0]
            .evidence
            .push("ours".into());
        theirs.block_mut(BlockId::CustomerSegments).items[0]
            .evidence
            .push("theirs".into());
        ours.sessions.push(super::super::Sitting::default());
        let merged = merge(&base, &ours, &theirs, &mut never);
        let evidence = &merged.block(BlockId::CustomerSegments).items[0].evidence;
        assert_eq!(evidence[evidence.len() - 2..], ["theirs", "ours"]);
        assert_eq!(merged.sessions.len(), base.sessions.len() + 1);
    }
}
