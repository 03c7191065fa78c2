//! The assumption map: every item placed by importance against evidence in one of four
//! quadrants, and typed by the question it answers — do customers want it (desirability), can
//! we deliver it (feasibility), does it pay (viability). The important items without evidence
//! are the ones to test first.

use super::assumptions::weighed;
use super::evidence::{ENOUGH, evidence};
use crate::bank::Words;
use crate::model::{BlockId, Canvas, Item};

/// Which question an item answers, by its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Desirability,
    Feasibility,
    Viability,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Desirability, Kind::Feasibility, Kind::Viability];

    /// Segments, offers and how they reach customers are desirability; what the business needs
    /// and does is feasibility; money is viability.
    pub fn of(block: BlockId) -> Kind {
        use BlockId::*;
        match block {
            CustomerSegments | ValuePropositions | Channels | CustomerRelationships => Kind::Desirability,
            KeyResources | KeyActivities | KeyPartners => Kind::Feasibility,
            RevenueStreams | CostStructure => Kind::Viability,
        }
    }
}

/// A quadrant of the map, in the order they are listed: what to test first comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quadrant {
    /// Important, no evidence: the top left, test these first.
    TestFirst,
    /// Important, with evidence: the top right.
    Backed,
    /// Less important, no evidence: the bottom left.
    Later,
    /// Less important, with evidence: the bottom right.
    Settled,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::TestFirst,
        Quadrant::Backed,
        Quadrant::Later,
        Quadrant::Settled,
    ];

    fn of(important: bool, evidenced: bool) -> Quadrant {
        match (important, evidenced) {
            (true, false) => Quadrant::TestFirst,
            (true, true) => Quadrant::Backed,
            (false, false) => Quadrant::Later,
            (false, true) => Quadrant::Settled,
        }
    }
}

/// An item on the map.
pub struct Placed<'a> {
    pub item: &'a Item,
    pub kind: Kind,
    pub quadrant: Quadrant,
}

/// Every item on the map, by quadrant and, within one, riskiest first: the more important,
/// then the less evidence, then in the canvas's order. Importance is the risk ranking's; the
/// map weighs items against each other, so an item is important when it is more important
/// than the median item, and the most important always are (where all weigh the same, all
/// are). It has evidence from [`ENOUGH`] on.
pub fn map<'a>(canvas: &'a Canvas, words: &Words) -> Vec<Placed<'a>> {
    let weighed = weighed(canvas, words);
    let mut importances: Vec<usize> = weighed.iter().map(|risk| risk.importance()).collect();
    importances.sort_unstable();
    let (Some(&median), Some(&most)) = (importances.get(importances.len() / 2), importances.last()) else {
        return Vec::new();
    };
    let mut placed: Vec<(Placed<'a>, usize, u32)> = weighed
        .iter()
        .map(|risk| {
            let (importance, evidence) = (risk.importance(), evidence(risk.item));
            let quadrant = Quadrant::of(importance > median || importance == most, evidence >= ENOUGH);
            let kind = Kind::of(risk.block);
            (
                Placed {
                    item: risk.item,
                    kind,
                    quadrant,
                },
                importance,
                evidence,
            )
        })
        .collect();
    placed.sort_by_key(|(p, importance, evidence)| (p.quadrant, std::cmp::Reverse(*importance), *evidence));
    placed.into_iter().map(|(p, _, _)| p).collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::Status;

    fn brew_box() -> Canvas {
        let text = include_str!("../../examples/brew-box.toml");
        crate::file::parse_canvas(Path::new("brew-box.toml"), text).unwrap()
    }

    fn words() -> &'static Words {
        &crate::bank::Bank::builtin(crate::i18n::Language::En).words
    }

    fn quadrant_of(placed: &[Placed<'_>], id: &str) -> Quadrant {
        placed.iter().find(|p| p.item.id == id).unwrap().quadrant
    }

    #[test]
    fn blocks_are_typed_by_the_question_they_answer() {
        let kinds: Vec<Kind> = BlockId::ALL.into_iter().map(Kind::of).collect();
        use Kind::*;
        // In BlockId's order: segments, offers, channels, relationships, revenue, resources,
        // activities, partners, costs.
        assert_eq!(
            kinds,
            [
                Desirability,
                Desirability,
                Desirability,
                Desirability,
                Viability,
                Feasibility,
                Feasibility,
                Feasibility,
                Viability
            ]
        );
    }

    #[test]
    fn important_items_without_evidence_come_first_and_evidence_moves_them_right() {
        let mut canvas = brew_box();
        let placed = map(&canvas, words());
        assert_eq!(placed.len(), canvas.items().count(), "every item is on the map");
        assert!(placed.windows(2).all(|w| w[0].quadrant <= w[1].quadrant));
        assert_eq!(placed[0].quadrant, Quadrant::TestFirst);
        // vp2: six items depend on it, and it is an untested assumption.
        assert_eq!(quadrant_of(&placed, "vp2"), Quadrant::TestFirst);
        assert_eq!(
            placed.iter().find(|p| p.item.id == "vp2").unwrap().kind,
            Kind::Desirability
        );
        // cs1 is validated, with a finding: important, and backed.
        assert_eq!(quadrant_of(&placed, "cs1"), Quadrant::Backed);
        // co1: nothing depends on it, and it is untested.
        assert_eq!(quadrant_of(&placed, "co1"), Quadrant::Later);

        let vp2 = &mut canvas.block_mut(BlockId::ValuePropositions).items[1];
        assert_eq!(vp2.id, "vp2");
        vp2.status = Status::Validated;
        let co1 = &mut canvas.block_mut(BlockId::CostStructure).items[0];
        co1.status = Status::Testing;
        co1.evidence
            .push("2026-11-30: the roaster quoted 9 EUR a kilo".into());
        let placed = map(&canvas, words());
        assert_eq!(quadrant_of(&placed, "vp2"), Quadrant::Backed);
        assert_eq!(quadrant_of(&placed, "co1"), Quadrant::Settled);
    }

    #[test]
    fn within_a_quadrant_the_more_important_come_first_and_the_order_is_stable() {
        let canvas = brew_box();
        let words = words();
        let importance: std::collections::HashMap<&str, usize> = weighed(&canvas, words)
            .iter()
            .map(|r| (r.item.id.as_str(), r.importance()))
            .collect();
        let placed = map(&canvas, words);
        for pair in placed.windows(2).filter(|w| w[0].quadrant == w[1].quadrant) {
            assert!(importance[pair[0].item.id.as_str()] >= importance[pair[1].item.id.as_str()]);
        }
        let ids = |p: &[Placed<'_>]| p.iter().map(|p| p.item.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&placed), ids(&map(&canvas, words)));
        assert!(map(&Canvas::default(), words).is_empty());
    }

    #[test]
    fn where_all_items_weigh_the_same_all_are_important() {
        let mut canvas = Canvas::default();
        let segments = &mut canvas.block_mut(BlockId::CustomerSegments).items;
        segments.push(Item::new("cs1", "Cooks", vec![]));
        segments.push(Item::new("cs2", "Bakers", vec![]));
        segments[1].status = Status::Validated;
        let placed = map(&canvas, words());
        assert_eq!(quadrant_of(&placed, "cs1"), Quadrant::TestFirst);
        assert_eq!(quadrant_of(&placed, "cs2"), Quadrant::Backed);
    }
}
