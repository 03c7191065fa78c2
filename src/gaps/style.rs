//! Style rules, suggestions rather than faults: a cost orientation that pulls against the offer,
//! and answers too thin to act on.

use super::Severity::Suggestion;
use super::coverage::ORIENTATION;
use super::lookup::earns_by;
use super::rule::{Impact, PointsTo, Rule, Spot};
use crate::bank::Bank;
use crate::model::{Block, BlockId, Canvas};

/// A cost orientation that pulls against what the value propositions lead on.
pub static COST_ORIENTATION_TENSION: Rule = Rule {
    id: "cost_orientation_tension",
    severity: Suggestion,
    impact: Impact::Review,
    detect: cost_orientation_tension,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// An answer of one or two words to a question that asks why or how.
pub static THIN_ANSWER: Rule = Rule {
    id: "thin_answer",
    severity: Suggestion,
    impact: Impact::Minor,
    detect: thin_answers,
    points_to: PointsTo::Subject,
    walk: None,
};

/// A cost-driven structure behind offers that lead on newness, design or brand, or a value-driven
/// one behind offers that lead on a low price: worth discussing, not necessarily wrong. Lowering
/// the customer's own costs is a benefit like any other, and the cheap bait of a bait-and-hook or
/// freemium model is paid for by its hook or premium plan, so neither pulls against a
/// value-driven structure.
fn cost_orientation_tension(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    const PREMIUM: &[&str] = &["newness", "design", "brand_status"];
    const CHEAP: &[&str] = &["price"];
    let orientation = canvas.block(BlockId::CostStructure).chosen(ORIENTATION);
    let is = |o: &str| orientation.iter().any(|c| c == o);
    let vps: &Block = canvas.block(BlockId::ValuePropositions);
    let leads_on = |wanted: &[&str]| {
        vps.items.iter().find(|vp| {
            vps.chosen_for(vp, "characteristics")
                .iter()
                .any(|c| wanted.contains(&c.as_str()))
        })
    };
    let tension = match (is("cost_driven"), is("value_driven")) {
        (true, false) => leads_on(PREMIUM).map(|vp| (vp, "cost_driven")),
        (false, true) if !earns_by(canvas, &["bait_and_hook", "freemium"]) => {
            leads_on(CHEAP).map(|vp| (vp, "value_driven"))
        }
        _ => None,
    };
    tension
        .map(|(vp, orientation)| {
            Spot::new(BlockId::CostStructure)
                .item(&vp.id)
                .subject(orientation)
        })
        .into_iter()
        .collect()
}

/// Answers of one or two words to questions that ask why or how: too thin to act on. A short
/// answer to "how do they pay?" can be complete; one to "how do our channels fit together?"
/// cannot.
fn thin_answers(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    const THIN_WORDS: usize = 2;
    let mut found = Vec::new();
    for block in BlockId::ALL {
        for question in bank.block(block).questions.iter().filter(|q| q.explain) {
            let Some(answer) = canvas.block(block).answer(question.id()) else {
                continue;
            };
            if answer.split_whitespace().count() <= THIN_WORDS {
                found.push(Spot::new(block).subject(question.id()));
            }
        }
    }
    found
}
