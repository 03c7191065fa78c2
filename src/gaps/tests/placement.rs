use super::*;
use crate::gaps::placement::*;

fn text(c: &mut Canvas, block: BlockId, n: usize, text: &str) {
    c.block_mut(block).items[n].text = text.into();
}

#[test]
fn a_segment_of_everybody_is_a_question() {
    let found = fires_after(&[&CATCH_ALL_SEGMENT], |c| {
        text(c, BlockId::CustomerSegments, 0, "Everyone who likes coffee");
        text(c, BlockId::CustomerSegments, 1, "Customers");
    });
    assert_eq!(
        found,
        [
            (&CATCH_ALL_SEGMENT, BlockId::CustomerSegments, s("cs1")),
            (&CATCH_ALL_SEGMENT, BlockId::CustomerSegments, s("cs2")),
        ]
    );
    let narrow = fires_after(&[&CATCH_ALL_SEGMENT], |c| {
        text(c, BlockId::CustomerSegments, 1, "Small offices")
    });
    assert_eq!(narrow, []);
}

#[test]
fn a_value_proposition_naming_only_a_technology_is_a_question() {
    let found = fires_after(&[&FEATURE_NOT_BENEFIT], |c| {
        text(c, BlockId::ValuePropositions, 1, "AI roast-matching algorithm");
    });
    assert_eq!(
        found,
        [(&FEATURE_NOT_BENEFIT, BlockId::ValuePropositions, s("vp2"))]
    );
    let benefit = fires_after(&[&FEATURE_NOT_BENEFIT], |c| {
        text(
            c,
            BlockId::ValuePropositions,
            1,
            "An app that finds your roast in a minute",
        );
    });
    assert_eq!(benefit, []);
}

#[test]
fn items_that_read_like_another_blocks_are_questions() {
    let found = fires_after(&[&ITEM_IN_WRONG_BLOCK], |c| {
        text(c, BlockId::CustomerRelationships, 0, "Company website");
        text(c, BlockId::KeyResources, 0, "Roastery rent");
        text(c, BlockId::KeyResources, 1, "Green coffee supplier");
    });
    assert_eq!(
        found,
        [
            (&ITEM_IN_WRONG_BLOCK, BlockId::CustomerRelationships, s("cr1")),
            (&ITEM_IN_WRONG_BLOCK, BlockId::KeyResources, s("kr1")),
            (&ITEM_IN_WRONG_BLOCK, BlockId::KeyResources, s("kr2")),
        ]
    );
    let mut c = complete();
    text(&mut c, BlockId::KeyResources, 1, "Green coffee supplier");
    let found = run(&[&ITEM_IN_WRONG_BLOCK], &c);
    assert_eq!(found[0].subject.as_deref(), Some("key_partners"));
}
