use super::*;
use crate::gaps::score::score;
use crate::gaps::{GapReport, find};
use crate::i18n::{Language, Messages};

#[test]
fn a_complete_canvas_has_no_gaps_and_scores_100() {
    let canvas = complete();
    assert_eq!(find(&canvas, bank()), []);
    assert_eq!(
        GapReport::new(&canvas, bank(), Messages::get(Language::En)).score,
        100
    );
}

#[test]
fn messages_quote_the_canvas_and_name_the_question() {
    let body =
        format!("{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\"]\n");
    let report = GapReport::new(&canvas(&body), bank(), Messages::get(Language::En));
    let gap = report
        .gaps
        .iter()
        .find(|g| g.rule == "segment_without_channel")
        .unwrap();
    assert_eq!(gap.message, "No channel reaches 'B' (cs2).");
    assert_eq!(gap.question.as_deref(), Some("reach_now"));
    assert_eq!(gap.block, BlockId::Channels);
    assert!(
        report.gaps.windows(2).all(|w| w[0].block <= w[1].block),
        "in block order"
    );
}

#[test]
fn score_weighs_completeness_and_consistency() {
    let bank = bank();
    let empty = Canvas::default();
    assert_eq!(
        score(&empty, bank, &find(&empty, bank)),
        30,
        "nothing filled, nothing inconsistent"
    );

    let mut c = complete();
    c.block_mut(BlockId::Channels).items[0].links = vec!["nowhere".into()];
    // One dangling link costs 5 consistency points.
    assert_eq!(score(&c, bank, &find(&c, bank)), 95);

    let mut c = complete();
    c.block_mut(BlockId::CostStructure).answers.clear();
    let s = score(&c, bank, &find(&c, bank));
    assert!((90..100).contains(&s), "{s}");
}

#[test]
fn the_worst_block_weighs_severities() {
    let report = GapReport::new(&complete(), bank(), Messages::get(Language::En));
    assert_eq!(report.worst_block(), None);
    let mut c = complete();
    let cs = c.block_mut(BlockId::CustomerSegments);
    cs.answers.clear(); // the most important customers, no longer picked
    cs.categories.clear(); // and the segment type: two missing, 2 × 2
    c.block_mut(BlockId::Channels).items[0].links = vec!["zz".into()]; // one inconsistent: 3
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    assert_eq!(report.worst_block(), Some(BlockId::CustomerSegments));
    c.block_mut(BlockId::Channels).items[2].links = vec!["zz".into()]; // another, and cs2 unreached: 3 × 3
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    assert_eq!(report.worst_block(), Some(BlockId::Channels));
}
