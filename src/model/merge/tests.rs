//! Merging canvases changed on both sides.

use super::*;

fn canvas() -> Canvas {
    let text = include_str!("../../../examples/brew-box.toml");
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
    assert!(!merged.item_index().contains_key("ch3"));
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
    let [theirs, ours] = ["theirs", "ours"].map(super::super::Evidence::from);
    assert_eq!(evidence[evidence.len() - 2..], [theirs, ours]);
    assert_eq!(merged.sessions.len(), base.sessions.len() + 1);
}

#[test]
fn their_links_keep_pointing_at_their_item_when_ours_is_renumbered() {
    let base = canvas();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let id = base.next_item_id(BlockId::CustomerSegments);
    ours.block_mut(BlockId::CustomerSegments)
        .items
        .push(Item::new(&id, "Ours", vec![]));
    theirs
        .block_mut(BlockId::CustomerSegments)
        .items
        .push(Item::new(&id, "Theirs", vec![]));
    theirs.block_mut(BlockId::ValuePropositions).items[0]
        .links
        .push(id.clone());
    let merged = merge(&base, &ours, &theirs, &mut never);
    let vp1 = &merged.block(BlockId::ValuePropositions).items[0];
    assert_eq!(
        vp1.links.last(),
        Some(&id),
        "their link to their own segment stays"
    );
    let theirs_segment = merged.item_index()[id.as_str()].1;
    assert_eq!(theirs_segment.text, "Theirs");
}

#[test]
fn a_renumbered_id_never_overflows_into_a_taken_one() {
    let base = canvas();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let huge = format!("cs{}", u64::MAX);
    ours.block_mut(BlockId::CustomerSegments)
        .items
        .push(Item::new(&huge, "Ours", vec![]));
    theirs
        .block_mut(BlockId::CustomerSegments)
        .items
        .push(Item::new(&huge, "Theirs", vec![]));
    let merged = merge(&base, &ours, &theirs, &mut never);
    let ids: Vec<&str> = merged
        .block(BlockId::CustomerSegments)
        .items
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}
