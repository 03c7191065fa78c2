use super::*;
use crate::gaps::score::score;
use crate::gaps::{Gap, GapReport, find};
use crate::i18n::{Language, Messages};
use crate::model::Acknowledged;

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
fn score_weighs_completeness_and_faults() {
    let bank = bank();
    let empty = Canvas::default();
    assert_eq!(
        score(&empty, bank, &find(&empty, bank)),
        40,
        "nothing filled, no fault"
    );

    let mut c = complete();
    c.block_mut(BlockId::Channels).items[1].links = vec!["nowhere".into()];
    assert_eq!(
        score(&c, bank, &find(&c, bank)),
        88,
        "an inconsistency costs 12 points"
    );

    let mut c = complete();
    c.block_mut(BlockId::CostStructure).answers.clear();
    let s = score(&c, bank, &find(&c, bank));
    assert!((95..100).contains(&s), "three answers missing cost a little: {s}");

    // A choice missing on one item of two costs half a slot, though the other has one.
    let mut c = complete();
    c.block_mut(BlockId::RevenueStreams).items[1].categories.clear();
    let s = score(&c, bank, &find(&c, bank));
    assert!((98..100).contains(&s), "{s}");
}

#[test]
fn a_fault_scores_clearly_below_the_same_canvas_without_it() {
    let bank = bank();
    let sound = score(&complete(), bank, &find(&complete(), bank));
    let faults: [fn(&mut Canvas); 2] = [
        // An inconsistency: a channel that reaches nobody.
        |c| c.block_mut(BlockId::Channels).items[1].links.clear(),
        // A money problem: shares of revenue that do not add up.
        |c| {
            c.block_mut(BlockId::RevenueStreams)
                .answers
                .insert("contribution".into(), "Subscriptions 75 %, offices 45 %".into());
        },
    ];
    for fault in faults {
        let mut c = complete();
        fault(&mut c);
        let flawed = score(&c, bank, &find(&c, bank));
        assert!(flawed + 10 <= sound, "{flawed} against {sound}");
    }
}

#[test]
fn the_worst_block_weighs_severities() {
    let report = GapReport::new(&complete(), bank(), Messages::get(Language::En));
    assert_eq!(report.worst_block(), None);
    let mut c = complete();
    let cs = c.block_mut(BlockId::CustomerSegments);
    cs.answers.clear(); // the most important customers, no longer picked nor said in words
    cs.picks.clear();
    cs.categories.clear(); // and the segment type: two missing, 2 × 2
    c.block_mut(BlockId::Channels).items[1].links = vec!["zz".into()]; // one inconsistent: 3
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    assert_eq!(report.worst_block(), Some(BlockId::CustomerSegments));
    c.block_mut(BlockId::Channels).items[2].links = vec!["zz".into()]; // another: 2 × 3
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    assert_eq!(report.worst_block(), Some(BlockId::Channels));
}

#[test]
fn next_steps_take_money_then_contradictions_one_per_block_never_an_answered_question() {
    let mut c = complete();
    // A money problem whose question, the contribution, is answered: its message is the step.
    c.block_mut(BlockId::RevenueStreams).answers.insert(
        "contribution".into(),
        "Subscriptions 75 %, office plans 45 %".into(),
    );
    // Two contradictions in one block, and a missing choice before them in block order.
    c.block_mut(BlockId::Channels).items[1].links = vec!["nowhere".into()];
    c.block_mut(BlockId::Channels).items[2].links = vec!["elsewhere".into()];
    let cs = c.block_mut(BlockId::CustomerSegments);
    cs.answers.clear();
    cs.picks.clear();
    // A thin answer is never a step.
    c.block_mut(BlockId::Channels)
        .answers
        .insert("integration".into(), "Seamlessly".into());
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    let steps: Vec<(&str, Option<&str>)> = report
        .next_steps()
        .into_iter()
        .map(|(gap, ask)| (gap.rule, ask))
        .collect();
    assert_eq!(
        steps,
        [
            ("shares_not_adding_up", None),
            ("dangling_link", None),
            ("unanswered_question", Some("most_important")),
        ]
    );
    let text = crate::render::report(&c, &report, bank(), Messages::get(Language::En));
    assert!(
        text.contains("  1. Revenue Streams: The shares of revenue stated add up to 120 %"),
        "{text}"
    );
    assert!(
        text.contains("  3. Customer Segments: Who are our most important customers?"),
        "{text}"
    );
}

#[test]
fn accepted_gaps_are_listed_apart_survive_revisions_and_no_longer_count() {
    let mut c = complete();
    c.block_mut(BlockId::Channels).items[1].links = vec!["nowhere".into()];
    c.acknowledged.push(Acknowledged {
        rule: "dangling_link".into(),
        block: Some(BlockId::Channels),
        item: Some("ch2".into()),
        reason: "The Instagram segment comes back next iteration".into(),
    });
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    assert_eq!(report.gaps, []);
    assert_eq!((report.score, report.acknowledged.len()), (100, 1));
    assert_eq!(report.acknowledged[0].gap.item.as_deref(), Some("ch2"));
    // A revision that changes the link keeps the gap accepted: it is matched by rule and item.
    c.block_mut(BlockId::Channels).items[1].links = vec!["gone".into()];
    let revised = GapReport::new(&c, bank(), Messages::get(Language::En));
    assert_eq!((revised.gaps.len(), revised.acknowledged.len()), (0, 1));
    // Another item's gap of the same rule still counts.
    c.block_mut(BlockId::Channels).items[2].links = vec!["gone".into()];
    let other = GapReport::new(&c, bank(), Messages::get(Language::En));
    assert_eq!((other.gaps.len(), other.acknowledged.len()), (1, 1));
    let text = crate::render::report(&c, &other, bank(), Messages::get(Language::En));
    assert!(
        text.contains(
            "Accepted gaps\n  Channels: 'Instagram reels with home-office brewing tips' (ch2) links to 'gone'"
        ),
        "{text}"
    );
}

#[test]
fn a_gap_without_an_item_is_accepted_by_what_it_is_about() {
    let mut c = complete();
    for channel in &mut c.block_mut(BlockId::Channels).items {
        channel.categories.clear();
    }
    c.acknowledged.push(Acknowledged {
        rule: "channel_phase_uncovered".into(),
        block: None,
        item: Some("after_sales".into()),
        reason: "Sold once; the dealer does after-sales".into(),
    });
    let report = GapReport::new(&c, bank(), Messages::get(Language::En));
    let phases = |gaps: Vec<&Gap>| {
        gaps.iter()
            .filter(|g| g.rule == "channel_phase_uncovered")
            .count()
    };
    assert_eq!(phases(report.gaps.iter().collect()), 4);
    assert_eq!(phases(report.acknowledged.iter().map(|a| &a.gap).collect()), 1);
}
