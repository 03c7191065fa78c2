use super::*;
use crate::gaps::style::*;
use crate::gaps::{GapReport, Severity};
use crate::i18n::Messages;

#[test]
fn an_orientation_that_pulls_against_the_offer_is_a_suggestion() {
    let orient = |c: &mut Canvas, o: &str| {
        c.block_mut(BlockId::CostStructure)
            .categories
            .insert("orientation".into(), vec![o.into()]);
    };
    let characterise = |c: &mut Canvas, ch: &str| {
        let vp1 = &mut c.block_mut(BlockId::ValuePropositions).items[0];
        vp1.categories.insert("characteristics".into(), vec![ch.into()]);
    };
    let cheap_offer_premium_costs = fires_after(&[&COST_ORIENTATION_TENSION], |c| {
        orient(c, "value_driven");
        characterise(c, "price");
    });
    assert_eq!(
        cheap_offer_premium_costs,
        [(&COST_ORIENTATION_TENSION, BlockId::CostStructure, s("vp1"))]
    );
    let new_offer_lean_costs = fires_after(&[&COST_ORIENTATION_TENSION], |c| {
        orient(c, "cost_driven");
        characterise(c, "newness");
    });
    assert_eq!(new_offer_lean_costs.len(), 1);
    assert_eq!(COST_ORIENTATION_TENSION.severity, Severity::Suggestion);
    let aligned = fires_after(&[&COST_ORIENTATION_TENSION], |c| {
        orient(c, "cost_driven");
        characterise(c, "price");
    });
    assert_eq!(aligned, []);
}

#[test]
fn one_or_two_word_answers_are_thin() {
    let found = fires_after(&[&THIN_ANSWER], |c| {
        let cs = c.block_mut(BlockId::CustomerSegments);
        cs.answers.insert("who".into(), "Everyone".into());
        cs.answers.insert(
            "most_important".into(),
            "Remote workers in cities who order weekly".into(),
        );
    });
    assert_eq!(found, [(&THIN_ANSWER, BlockId::CustomerSegments, None)]);
    let report = GapReport::new(
        &{
            let mut c = complete();
            c.block_mut(BlockId::CustomerSegments)
                .answers
                .insert("who".into(), "Everyone".into());
            c
        },
        bank(),
        Messages::get(crate::i18n::Language::En),
    );
    assert_eq!(
        report.gaps[0].message,
        "“Everyone” is a thin answer to: For whom are we creating value?"
    );
    assert_eq!(report.score, 99, "a suggestion costs one point");
}
