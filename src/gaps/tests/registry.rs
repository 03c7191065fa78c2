//! The registry as data: rule ids and the guiding questions rules point to. That every rule is
//! worded in every language is checked with the message files, in `i18n`.

use std::collections::HashSet;

use super::*;
use crate::gaps::RULES;
use crate::gaps::rule::{PointsTo, QuestionId};
use crate::gaps::segments::SEGMENT_WITHOUT_CHANNEL;
use crate::i18n::Language;

/// The questions a rule declares it may point to.
fn declared(rule: &Rule) -> &[QuestionId] {
    match &rule.points_to {
        PointsTo::Question(question) => std::slice::from_ref(question),
        PointsTo::Nothing | PointsTo::FirstQuestion | PointsTo::Subject => &[],
    }
}

#[test]
fn rule_ids_are_unique_and_snake_case() {
    let mut seen = HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.id), "{} is registered twice", rule.id);
        assert!(
            rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{}",
            rule.id
        );
    }
}

#[test]
fn every_question_a_rule_points_to_is_asked_by_every_builtin_bank() {
    for language in Language::ALL {
        let bank = Bank::builtin(language);
        for rule in RULES {
            for question in declared(rule) {
                assert!(
                    bank.block(question.block).question(question.id).is_some(),
                    "{language:?}: {} points to {question:?}, which the bank does not ask",
                    rule.id
                );
            }
        }
    }
}

#[test]
fn a_question_the_bank_does_not_ask_is_pointed_to_by_no_gap() {
    let text = Language::En
        .files()
        .bank
        .replace("\"reach_now\"", "\"reach_today\"");
    let own = Bank::parse(Path::new("own.toml"), &text).unwrap();
    let body =
        format!("{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\"]\n");
    let found = find_among(&[&SEGMENT_WITHOUT_CHANNEL], &canvas(&body), &own);
    assert_eq!(
        rules_fired(&found),
        [(&SEGMENT_WITHOUT_CHANNEL, BlockId::Channels, Some("cs2"))]
    );
    assert_eq!(found[0].question, None, "not another question of the block");
}
