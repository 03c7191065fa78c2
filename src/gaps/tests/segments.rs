use super::*;
use crate::gaps::find;
use crate::gaps::segments::*;

/// The four rules for segments a serving block leaves out.
const LEFT_OUT: &[&Rule] = &[
    &SEGMENT_WITHOUT_VALUE_PROPOSITION,
    &SEGMENT_WITHOUT_CHANNEL,
    &SEGMENT_WITHOUT_RELATIONSHIP,
    &SEGMENT_WITHOUT_REVENUE,
];

#[test]
fn segments_left_out_by_a_serving_block_fire_once_that_block_has_items() {
    let body = format!(
        "{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\"]\n\
         [[value_propositions.items]]\nid = \"vp1\"\ntext = \"V\"\nlinks = [\"cs1\", \"cs2\"]\n"
    );
    let found = run(LEFT_OUT, &canvas(&body));
    // Relationships and revenue are empty: reported by empty_block, not once per segment.
    assert_eq!(
        rules_fired(&found),
        [(&SEGMENT_WITHOUT_CHANNEL, BlockId::Channels, Some("cs2"))]
    );
    assert_eq!(found[0].question.as_deref(), Some("reach_now"));

    let mut c = canvas(&body);
    c.block_mut(BlockId::Channels).items[0].links.push("cs2".into());
    assert_eq!(run(LEFT_OUT, &c), []);
}

#[test]
fn each_serving_block_has_its_own_rule() {
    let body = format!(
        "{TWO_SEGMENTS}\
         [[value_propositions.items]]\nid = \"vp1\"\ntext = \"V\"\nlinks = [\"cs1\"]\n\
         [[channels.items]]\nid = \"ch1\"\ntext = \"C\"\nlinks = [\"cs1\"]\n\
         [[customer_relationships.items]]\nid = \"cr1\"\ntext = \"R\"\nlinks = [\"cs1\"]\n\
         [[revenue_streams.items]]\nid = \"rs1\"\ntext = \"S\"\nlinks = [\"cs1\"]\n"
    );
    let found = run(LEFT_OUT, &canvas(&body));
    assert_eq!(
        rules_fired(&found),
        [
            (
                &SEGMENT_WITHOUT_VALUE_PROPOSITION,
                BlockId::ValuePropositions,
                Some("cs2")
            ),
            (&SEGMENT_WITHOUT_CHANNEL, BlockId::Channels, Some("cs2")),
            (
                &SEGMENT_WITHOUT_RELATIONSHIP,
                BlockId::CustomerRelationships,
                Some("cs2")
            ),
            (&SEGMENT_WITHOUT_REVENUE, BlockId::RevenueStreams, Some("cs2")),
        ]
    );
}

#[test]
fn a_segment_that_pays_nothing_needs_a_reason() {
    let unpaid = |c: &mut Canvas| {
        c.block_mut(BlockId::RevenueStreams)
            .items
            .retain(|rs| rs.id == "rs1")
    };
    let found = fires_after(LEFT_OUT, unpaid);
    assert_eq!(
        found,
        [(&SEGMENT_WITHOUT_REVENUE, BlockId::RevenueStreams, s("cs2"))]
    );
    let noted = fires_after(LEFT_OUT, |c| {
        unpaid(c);
        c.block_mut(BlockId::CustomerSegments).items[1].note = Some("Offices are our showroom".into());
    });
    assert_eq!(noted, []);
    let answered = fires_after(LEFT_OUT, |c| {
        unpaid(c);
        c.block_mut(BlockId::RevenueStreams).answers.insert(
            "willing_to_pay".into(),
            "Remote workers pay for freshness; small offices taste for free, as our showroom.".into(),
        );
    });
    assert_eq!(answered, [], "the revenue answers say why offices pay nothing");
    let other_side_pays = fires_after(LEFT_OUT, |c| {
        unpaid(c);
        c.block_mut(BlockId::CustomerSegments)
            .categories
            .insert("segment_type".into(), vec!["multi_sided_platform".into()]);
    });
    assert_eq!(other_side_pays, []);
}

#[test]
fn a_platform_needs_two_sides_each_served() {
    use BlockId::*;
    let sides: &[&Rule] = &[&PLATFORM_TOO_FEW_SIDES, &PLATFORM_SIDE_UNSERVED];
    let platform = |c: &mut Canvas| {
        block_mut(c, CustomerSegments)
            .categories
            .insert("segment_type".into(), vec!["multi_sided_platform".into()]);
    };
    assert_eq!(fires_after(sides, platform), []);
    let one_side = fires_after(sides, |c| {
        platform(c);
        block_mut(c, CustomerSegments).items.truncate(1);
        for vp in &mut block_mut(c, ValuePropositions).items {
            vp.links.retain(|l| l == "cs1");
        }
    });
    assert_eq!(one_side, [(&PLATFORM_TOO_FEW_SIDES, CustomerSegments, None)]);
    let unserved = fires_after(sides, |c| {
        platform(c);
        block_mut(c, ValuePropositions).items.retain(|vp| vp.id == "vp2");
    });
    assert_eq!(unserved, [(&PLATFORM_SIDE_UNSERVED, ValuePropositions, s("cs2"))]);
}

#[test]
fn on_a_platform_an_unserved_side_is_not_reported_twice() {
    let mut c = complete();
    c.block_mut(BlockId::CustomerSegments)
        .categories
        .insert("segment_type".into(), vec!["multi_sided_platform".into()]);
    c.block_mut(BlockId::ValuePropositions)
        .items
        .retain(|vp| vp.id == "vp2");
    let rules: Vec<&Rule> = find(&c, bank()).iter().map(|f| f.rule).collect();
    assert!(rules.contains(&&PLATFORM_SIDE_UNSERVED));
    assert!(!rules.contains(&&SEGMENT_WITHOUT_VALUE_PROPOSITION));
}

#[test]
fn a_value_proposition_must_serve_a_segment() {
    let found = fires_after(&[&VALUE_PROPOSITION_WITHOUT_SEGMENT], |c| {
        c.block_mut(BlockId::ValuePropositions).items[1].links = vec!["ch1".into()];
    });
    assert_eq!(
        found,
        [(
            &VALUE_PROPOSITION_WITHOUT_SEGMENT,
            BlockId::ValuePropositions,
            s("vp2")
        )]
    );
}

#[test]
fn a_segment_served_only_by_offers_without_characteristics_fires() {
    let found = fires_after(&[&SEGMENT_SERVED_WITHOUT_CHARACTERISTICS], |c| {
        let vps = c.block_mut(BlockId::ValuePropositions);
        for vp in &mut vps.items {
            vp.categories.clear();
        }
        // Only vp1 says why it is chosen, and it now serves cs1 alone.
        vps.items[0]
            .categories
            .insert("characteristics".into(), vec!["performance".into()]);
        vps.items[0].links = vec!["cs1".into()];
    });
    assert_eq!(
        found,
        [(
            &SEGMENT_SERVED_WITHOUT_CHARACTERISTICS,
            BlockId::ValuePropositions,
            s("cs2")
        )]
    );
}
