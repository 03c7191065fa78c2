use super::*;
use crate::gaps::GapReport;
use crate::gaps::evidence::*;
use crate::i18n::Messages;
use crate::model::{Evidence, Status, Strength};

#[test]
fn validated_needs_evidence_and_invalidated_items_must_not_carry_others() {
    let rules: &[&Rule] = &[&VALIDATED_WITHOUT_EVIDENCE, &INVALIDATED_STILL_LINKED];
    let found = fires_after(rules, |c| {
        c.block_mut(BlockId::CustomerSegments).items[0].evidence.clear();
        c.block_mut(BlockId::ValuePropositions).items[2].status = Status::Invalidated;
    });
    assert_eq!(
        found,
        [
            (&VALIDATED_WITHOUT_EVIDENCE, BlockId::CustomerSegments, s("cs1")),
            (&INVALIDATED_STILL_LINKED, BlockId::ValuePropositions, s("vp3")),
        ]
    );
    let quiet = fires_after(rules, |c| {
        c.block_mut(BlockId::CustomerSegments).items[1].status = Status::Testing;
        c.block_mut(BlockId::CostStructure).items[0].status = Status::Invalidated; // nothing links to co1
    });
    assert_eq!(quiet, []);
}

#[test]
fn an_untested_core_after_the_second_iteration_is_a_suggestion() {
    let untested = |c: &mut Canvas| {
        for block in [BlockId::CustomerSegments, BlockId::ValuePropositions] {
            for item in &mut c.block_mut(block).items {
                item.status = Status::Assumption;
            }
        }
    };
    let found = fires_after(&[&CORE_UNTESTED], untested);
    assert_eq!(
        found,
        [(&CORE_UNTESTED, BlockId::CustomerSegments, None)],
        "iteration 3"
    );
    let early = fires_after(&[&CORE_UNTESTED], |c| {
        untested(c);
        c.meta.iteration = 2;
    });
    assert_eq!(early, []);
    let report = GapReport::new(
        &{
            let mut c = complete();
            untested(&mut c);
            c
        },
        bank(),
        Messages::get(crate::i18n::Language::En),
    );
    assert!(
        report.gaps[0]
            .message
            .starts_with("After 3 iterations every customer segment")
    );
}

#[test]
fn validated_on_what_people_said_alone_is_a_question() {
    let said = |c: &mut Canvas| {
        c.block_mut(BlockId::CustomerSegments).items[0].evidence =
            vec!["2026-10-14: 14 of 20 remote workers said they would love a subscription".into()];
    };
    let found = fires_after(&[&VALIDATED_ON_OPINION], said);
    assert_eq!(
        found,
        [(&VALIDATED_ON_OPINION, BlockId::CustomerSegments, s("cs1"))]
    );
    let paid = fires_after(&[&VALIDATED_ON_OPINION], |c| {
        said(c);
        c.block_mut(BlockId::CustomerSegments).items[0]
            .evidence
            .push("2026-11-02: 9 of them paid for a trial box".into());
    });
    assert_eq!(paid, [], "what they did outweighs what they said");
}

#[test]
fn validated_on_evidence_rated_say_alone_is_a_question_asked_once() {
    let rules: &[&Rule] = &[&VALIDATED_ON_OPINION, &VALIDATED_ON_WEAK_EVIDENCE];
    let rate = |strengths: &'static [Strength]| {
        move |c: &mut Canvas| {
            let item = &mut c.block_mut(BlockId::CustomerSegments).items[0];
            let said = "2026-10-14: 14 of 20 remote workers said they would love a subscription";
            item.evidence = strengths.iter().map(|&s| Evidence::new(said, s)).collect();
            item.evidence
                .push(Evidence::new("2026-10-20: 31 signed up", Strength::Unknown));
        }
    };
    let weak = fires_after(rules, |c| {
        rate(&[Strength::Say, Strength::Say])(c);
        c.block_mut(BlockId::CustomerSegments).items[0].evidence.pop();
    });
    assert_eq!(
        weak,
        [(&VALIDATED_ON_WEAK_EVIDENCE, BlockId::CustomerSegments, s("cs1"))],
        "rated: the strengths tell, and the words-based rule keeps quiet"
    );
    let unknown_act = fires_after(rules, rate(&[Strength::Say]));
    assert_eq!(unknown_act, [], "a sign-up of unknown strength may be behaviour");
    let paid = fires_after(rules, rate(&[Strength::Say, Strength::Pay]));
    assert_eq!(paid, []);
    let unrated = fires_after(rules, |c| {
        let item = &mut c.block_mut(BlockId::CustomerSegments).items[0];
        item.evidence = vec!["2026-10-14: 14 of 20 said they would love a subscription".into()];
    });
    assert_eq!(
        unrated,
        [(&VALIDATED_ON_OPINION, BlockId::CustomerSegments, s("cs1"))],
        "unrated: the words tell"
    );
}
