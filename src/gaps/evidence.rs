//! Evidence rules: items marked validated with nothing observed or on weak evidence alone,
//! invalidated items others still depend on, and a core of segments and value propositions still
//! untested after two iterations.

use super::Severity::{Inconsistent, Suggestion};
use super::lookup::{items, linked_from};
use super::rule::{Impact, PointsTo, Rule, Spot, Walk};
use crate::bank::Bank;
use crate::model::{BlockId, Canvas, Evidence, Item, Status, Strength};

/// An item marked validated with no evidence recorded.
pub static VALIDATED_WITHOUT_EVIDENCE: Rule = Rule {
    id: "validated_without_evidence",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: validated_without_evidence,
    points_to: PointsTo::Nothing,
    walk: Some(Walk::Items),
};

/// An item marked validated on what people said alone, read from the words of evidence whose
/// strength is not recorded: opinions and interest, with nothing they did or paid.
pub static VALIDATED_ON_OPINION: Rule = Rule {
    id: "validated_on_opinion",
    severity: Suggestion,
    impact: Impact::Review,
    detect: validated_on_opinion,
    points_to: PointsTo::Nothing,
    walk: Some(Walk::Items),
};

/// An item marked validated whose recorded evidence is all weak: rated `say`. The same question
/// as `VALIDATED_ON_OPINION`, asked of items with rated evidence, so no item gets both.
pub static VALIDATED_ON_WEAK_EVIDENCE: Rule = Rule {
    id: "validated_on_weak_evidence",
    severity: Suggestion,
    impact: Impact::Review,
    detect: validated_on_weak_evidence,
    points_to: PointsTo::Nothing,
    walk: Some(Walk::Items),
};

/// An invalidated item that other items still link to.
pub static INVALIDATED_STILL_LINKED: Rule = Rule {
    id: "invalidated_still_linked",
    severity: Inconsistent,
    impact: Impact::Consistency,
    detect: invalidated_still_linked,
    points_to: PointsTo::Nothing,
    walk: Some(Walk::Items),
};

/// After the second iteration, every segment and value proposition still an untested assumption.
pub static CORE_UNTESTED: Rule = Rule {
    id: "core_untested",
    severity: Suggestion,
    impact: Impact::Review,
    detect: core_untested,
    points_to: PointsTo::Nothing,
    walk: None,
};

fn validated_without_evidence(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    items_where(canvas, |item| {
        item.status == Status::Validated && item.evidence.is_empty()
    })
}

/// What people say is weaker evidence than what they do or pay: validated on opinion alone is
/// worth a test of behaviour. Without recorded strengths only the words tell, so some evidence
/// must read as opinion and none as behaviour.
fn validated_on_opinion(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let words = &bank.words;
    items_where(canvas, |item| {
        item.status == Status::Validated
            && !rated(item)
            && item.evidence.iter().any(|e| words.opinion.in_text(&e.text))
            && !item.evidence.iter().any(|e| words.behaviour.in_text(&e.text))
    })
}

/// Where strengths are recorded they tell: every piece must be weak, either rated `say` or, of
/// unknown strength, reading as opinion and not as behaviour. Evidence of unknown strength that
/// says neither may be behaviour, so it keeps the item quiet.
fn validated_on_weak_evidence(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let words = &bank.words;
    let weak = |e: &Evidence| match e.strength {
        Strength::Say => true,
        Strength::Do | Strength::Pay => false,
        Strength::Unknown => words.opinion.in_text(&e.text) && !words.behaviour.in_text(&e.text),
    };
    items_where(canvas, |item| {
        item.status == Status::Validated && rated(item) && item.evidence.iter().all(weak)
    })
}

/// Whether any of an item's evidence has its strength recorded.
fn rated(item: &Item) -> bool {
    item.evidence.iter().any(|e| e.strength != Strength::Unknown)
}

fn invalidated_still_linked(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    let linked = linked_from(canvas, &BlockId::ALL);
    items_where(canvas, |item| {
        item.status == Status::Invalidated && linked.contains(item.id.as_str())
    })
}

/// The items of the canvas for which `holds`, each at its place among all items.
fn items_where(canvas: &Canvas, holds: impl Fn(&Item) -> bool) -> Vec<Spot> {
    canvas
        .items()
        .enumerate()
        .filter(|(_, (_, item))| holds(item))
        .map(|(step, (block, item))| Spot::new(block).item(&item.id).step(step))
        .collect()
}

/// After the second iteration, customer segments and value propositions that are all still
/// untested guesses: time to test the riskiest one.
fn core_untested(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    const AFTER_ITERATION: u32 = 2;
    let core = [BlockId::CustomerSegments, BlockId::ValuePropositions];
    let mut core_items = core.iter().flat_map(|&b| items(canvas, b)).peekable();
    if canvas.meta.iteration <= AFTER_ITERATION || core_items.peek().is_none() {
        return Vec::new();
    }
    if core_items.all(|item| item.status == Status::Assumption) {
        return vec![Spot::new(BlockId::CustomerSegments)];
    }
    Vec::new()
}
