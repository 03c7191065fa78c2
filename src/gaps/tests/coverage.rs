use super::*;
use crate::gaps::coverage::*;

/// The one finding of `rule` on `c` in `block`; the rule is silent on the complete example.
fn one_in(rule: &'static Rule, c: &Canvas, block: BlockId) -> Finding {
    assert_eq!(run(&[rule], &complete()), []);
    let mut found: Vec<Finding> = run(&[rule], c).into_iter().filter(|f| f.block == block).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found.remove(0)
}

#[test]
fn empty_blocks_fire_per_block_without_items() {
    let found = run(&[&EMPTY_BLOCK], &canvas(TWO_SEGMENTS));
    assert_eq!(found.len(), 8);
    assert!(found.iter().all(|f| f.block != BlockId::CustomerSegments));
    assert_eq!(
        found[0].question.as_deref(),
        Some("value"),
        "points to the block's first question"
    );
    assert_eq!(run(&[&EMPTY_BLOCK], &complete()), []);
}

#[test]
fn unanswered_questions_fire_per_question_and_ignore_blank_answers() {
    let blank = format!("{TWO_SEGMENTS}[customer_segments.answers]\nmost_important = \"   \"\n");
    let found = one_in(&UNANSWERED_QUESTION, &canvas(&blank), BlockId::CustomerSegments);
    assert_eq!(found.subject.as_deref(), Some("most_important"));
    assert_eq!(found.question.as_deref(), Some("most_important"));
}

#[test]
fn questions_answered_by_items_links_or_picks_are_not_unanswered() {
    // `who` is answered by the segments, `most_important` by a pick among them.
    let picked = format!("{TWO_SEGMENTS}[customer_segments.picks]\nmost_important = [\"cs2\"]\n");
    let found = run(&[&UNANSWERED_QUESTION], &canvas(&picked));
    assert!(
        found.iter().all(|f| f.block != BlockId::CustomerSegments),
        "{found:?}"
    );
    // Nothing to pick from yet: the empty block says it, not the pick.
    let found = run(&[&UNANSWERED_QUESTION], &canvas(""));
    assert!(
        found.iter().all(|f| f.block != BlockId::CustomerSegments),
        "{found:?}"
    );
    // Resources answer "what do our value propositions require?" by linking to them.
    let mut c = complete();
    c.block_mut(BlockId::KeyResources).answers.clear();
    assert_eq!(
        run(&[&UNANSWERED_QUESTION], &c).len(),
        1,
        "for_revenue is asked in words"
    );
}

#[test]
fn an_empty_category_group_fires() {
    let c = canvas("[channels.categories]\nphases = [\"awareness\"]\nchannel_types = []\n");
    let found = one_in(&NO_CATEGORY_CHOSEN, &c, BlockId::Channels);
    assert_eq!(found.subject.as_deref(), Some("channel_types"));
}

#[test]
fn a_missing_cost_orientation_is_reported_once_by_its_own_rule() {
    let found = fires_after(&[&COST_ORIENTATION_MISSING], |c| {
        c.block_mut(BlockId::CostStructure)
            .categories
            .shift_remove("orientation");
    });
    assert_eq!(found, [(&COST_ORIENTATION_MISSING, BlockId::CostStructure, None)]);
    let mut c = complete();
    c.block_mut(BlockId::CostStructure)
        .categories
        .shift_remove("orientation");
    assert!(
        run(&[&NO_CATEGORY_CHOSEN], &c).is_empty(),
        "reported once, by its own rule"
    );
}

#[test]
fn every_revenue_stream_needs_a_type_and_a_pricing_mechanism() {
    let found = fires_after(
        &[&REVENUE_STREAM_WITHOUT_TYPE, &REVENUE_STREAM_WITHOUT_PRICING],
        |c| {
            let rs = c.block_mut(BlockId::RevenueStreams);
            rs.items[0].categories.shift_remove("pricing");
            rs.items[1].categories.shift_remove("revenue_types");
        },
    );
    assert_eq!(
        found,
        [
            (&REVENUE_STREAM_WITHOUT_PRICING, BlockId::RevenueStreams, s("rs1")),
            (&REVENUE_STREAM_WITHOUT_TYPE, BlockId::RevenueStreams, s("rs2")),
        ],
        "stream by stream, as the two rules walk the streams together"
    );
}

#[test]
fn channel_phases_no_channel_covers_fire_one_by_one() {
    let found = fires_after(&[&CHANNEL_PHASE_UNCOVERED], |c| {
        let ch = c.block_mut(BlockId::Channels);
        ch.items[0]
            .categories
            .insert("phases".into(), vec!["purchase".into(), "delivery".into()]);
    });
    assert_eq!(
        found,
        [(&CHANNEL_PHASE_UNCOVERED, BlockId::Channels, None)],
        "evaluation is left"
    );
    // Items without choices of their own take the block's.
    let mut c = complete();
    let ch = c.block_mut(BlockId::Channels);
    for item in &mut ch.items {
        item.categories.clear();
    }
    ch.categories.insert("phases".into(), vec!["awareness".into()]);
    let found = run(&[&CHANNEL_PHASE_UNCOVERED], &c);
    let subjects: Vec<_> = found.iter().map(|f| f.subject.clone().unwrap()).collect();
    assert_eq!(subjects, ["evaluation", "purchase", "delivery", "after_sales"]);
    let questions: Vec<_> = found.iter().map(|f| f.question.clone().unwrap()).collect();
    assert_eq!(questions, ["reach_now"; 4], "phases are closed on the channels");
}
