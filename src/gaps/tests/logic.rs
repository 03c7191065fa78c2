use super::*;
use crate::gaps::logic::*;
use crate::gaps::segments::{FREE_SIDE_UNEXPLAINED, SEGMENT_WITHOUT_REVENUE};

fn links(c: &mut Canvas, block: BlockId, n: usize, to: &[&str]) {
    c.block_mut(block).items[n].links = to.iter().map(|l| l.to_string()).collect();
}

#[test]
fn a_channel_or_stream_naming_an_offer_for_other_segments_fires() {
    let found = fires_after(&[&OFFER_FOR_OTHER_SEGMENT], |c| {
        links(c, BlockId::Channels, 1, &["cs1", "vp3"]);
        links(c, BlockId::RevenueStreams, 1, &["cs2", "vp1"]);
    });
    assert_eq!(
        found,
        [(&OFFER_FOR_OTHER_SEGMENT, BlockId::Channels, s("ch2"))],
        "vp1 serves cs2 too"
    );
}

#[test]
fn revenue_for_an_offer_no_value_proposition_names_is_a_question() {
    let workshops = |c: &mut Canvas| {
        c.block_mut(BlockId::RevenueStreams).items[1].text = "Barista workshops, 300 EUR each".into();
    };
    let found = fires_after(&[&REVENUE_WITHOUT_VALUE_PROPOSITION], workshops);
    assert_eq!(
        found,
        [(
            &REVENUE_WITHOUT_VALUE_PROPOSITION,
            BlockId::RevenueStreams,
            s("rs2")
        )]
    );
    let linked = fires_after(&[&REVENUE_WITHOUT_VALUE_PROPOSITION], |c| {
        workshops(c);
        links(c, BlockId::RevenueStreams, 1, &["cs2", "vp3"]);
    });
    assert_eq!(linked, [], "linked to the offer it is paid for");
}

#[test]
fn a_paying_segment_needs_a_channel_to_buy_through() {
    let found = fires_after(&[&PAYING_SEGMENT_WITHOUT_PURCHASE_CHANNEL], |c| {
        links(c, BlockId::Channels, 0, &["cs1"]);
    });
    assert_eq!(
        found,
        [(
            &PAYING_SEGMENT_WITHOUT_PURCHASE_CHANNEL,
            BlockId::Channels,
            s("cs2")
        )]
    );
}

#[test]
fn a_free_side_of_a_platform_needs_a_reason() {
    let rules: &[&Rule] = &[&SEGMENT_WITHOUT_REVENUE, &FREE_SIDE_UNEXPLAINED];
    let free_offices = |c: &mut Canvas| {
        c.block_mut(BlockId::CustomerSegments)
            .categories
            .insert("segment_type".into(), vec!["multi_sided_platform".into()]);
        c.block_mut(BlockId::RevenueStreams).items.truncate(1);
    };
    let found = fires_after(rules, free_offices);
    assert_eq!(
        found,
        [(&FREE_SIDE_UNEXPLAINED, BlockId::RevenueStreams, s("cs2"))]
    );
    for reason in [
        "Remote workers pay; offices get their beans for free, as a showroom.",
        "The subscription pays for everything; the other side pays nothing.",
    ] {
        let explained = fires_after(rules, |c| {
            free_offices(c);
            c.block_mut(BlockId::RevenueStreams)
                .answers
                .insert("willing_to_pay".into(), reason.into());
        });
        assert_eq!(explained, [], "{reason}");
    }
}

#[test]
fn dedicated_relationships_contradict_a_cost_driven_structure() {
    let found = fires_after(&[&RELATIONSHIP_AGAINST_COSTS], |c| {
        c.block_mut(BlockId::CostStructure)
            .categories
            .insert("orientation".into(), vec!["cost_driven".into()]);
    });
    assert_eq!(
        found,
        [(
            &RELATIONSHIP_AGAINST_COSTS,
            BlockId::CustomerRelationships,
            s("cr2")
        )],
        "a named account manager"
    );
}

#[test]
fn bait_and_hook_needs_something_that_protects_the_hook() {
    let bait = |c: &mut Canvas| {
        c.block_mut(BlockId::RevenueStreams).items[0]
            .categories
            .insert("revenue_types".into(), vec!["bait_and_hook".into()]);
    };
    let found = fires_after(&[&HOOK_UNPROTECTED], bait);
    assert_eq!(found, [(&HOOK_UNPROTECTED, BlockId::KeyResources, None)]);
    let patented = fires_after(&[&HOOK_UNPROTECTED], |c| {
        bait(c);
        c.block_mut(BlockId::KeyResources).items[1].text = "Patented roast profiles".into();
    });
    assert_eq!(patented, []);
}
