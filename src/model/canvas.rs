//! The canvas: a typed model of one Business Model Canvas. Reading and writing files lives in
//! `file`, so the model knows nothing of TOML or of the user's own keys.

use std::collections::HashMap;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Amount, BlockId, Evidence, Learning, Test};

/// The newest canvas file format this binary reads and the one it writes.
pub const FORMAT: i64 = 2;

/// The oldest format still read; a save writes it as [`FORMAT`].
pub const OLDEST_FORMAT: i64 = 1;

/// Items by id, with the block each is in.
pub type ItemIndex<'a> = HashMap<&'a str, (BlockId, &'a Item)>;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Canvas {
    pub meta: Meta,
    blocks: [Block; 9],
    /// Coach-mode sittings, oldest first.
    pub sessions: Vec<Sitting>,
    /// Gaps a coach accepted, with the reason.
    pub acknowledged: Vec<Acknowledged>,
    /// Test cards, in the order written.
    pub tests: Vec<Test>,
    /// Learning cards, oldest first.
    pub learnings: Vec<Learning>,
}

/// A gap a coach accepted with a reason: it is listed apart and no longer counts. Matched by
/// rule, and where given by block and item, so it survives revisions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Acknowledged {
    /// The rule's id, such as `channel_phase_uncovered`.
    pub rule: String,
    /// Only gaps in this block; any block when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<BlockId>,
    /// Only the gap about this item id, or, for a gap without an item, about this question,
    /// group or option id (a channel phase); every gap of the rule when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Why the gap is accepted.
    pub reason: String,
}

/// One coach-mode sitting: when it started, minutes per block and where it stopped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Sitting {
    /// The iteration the sitting worked on.
    pub iteration: u32,
    /// Local date and time, `YYYY-MM-DD HH:MM`.
    pub started: String,
    /// Block → whole minutes spent, in the order worked on.
    #[serde(default)]
    pub minutes: IndexMap<BlockId, u32>,
    /// The last block worked on.
    pub stopped_at: Option<BlockId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Meta {
    pub title: String,
    pub designed_for: String,
    pub designed_by: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub iteration: u32,
    pub language: String,
    /// Per block, the highest item number ever given where an item that had it was removed:
    /// numbers are never given twice, so a removed note is never mistaken for a new one.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub last_ids: IndexMap<BlockId, u64>,
    /// The highest test number ever given, so a test removed by hand never lends its id.
    #[serde(skip_serializing_if = "is_zero")]
    pub last_test: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Meta {
    /// The highest iteration a canvas may have: far above any real use, and far below the
    /// largest number the file's integers and the model's `u32` hold.
    pub const MAX_ITERATION: u32 = 1_000_000;

    /// `n` as an iteration, when it is one: a whole number from 1 to [`Meta::MAX_ITERATION`].
    pub fn iteration(n: i64) -> Option<u32> {
        u32::try_from(n)
            .ok()
            .filter(|n| (1..=Self::MAX_ITERATION).contains(n))
    }

    /// The iteration after `n`: one more, staying within the maximum so that the file it is
    /// written to can be read again.
    pub fn next_iteration(n: u32) -> u32 {
        n.saturating_add(1).min(Self::MAX_ITERATION)
    }
}

impl Default for Meta {
    fn default() -> Self {
        Meta {
            title: String::new(),
            designed_for: String::new(),
            designed_by: String::new(),
            date: String::new(),
            iteration: 1,
            language: "en".to_owned(),
            last_ids: IndexMap::new(),
            last_test: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    /// Guiding-question id → answer.
    pub answers: IndexMap<String, String>,
    /// Category-group id → chosen option ids.
    pub categories: IndexMap<String, Vec<String>>,
    /// Pick-question id → the ids of the items picked, such as the most important customers.
    pub picks: IndexMap<String, Vec<String>>,
    pub items: Vec<Item>,
    pub notes: Option<String>,
}

/// A sticky note on the canvas.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// Ids of the items this one serves or depends on.
    pub links: Vec<String>,
    /// Choices of the item's own, for the groups a bank asks per item (a revenue stream's type).
    pub categories: IndexMap<String, Vec<String>>,
    /// A remark on the item, such as why a segment pays nothing.
    pub note: Option<String>,
    /// How far the item has been tested.
    pub status: Status,
    /// What was observed, each entry dated when the interview recorded it, with its strength.
    pub evidence: Vec<Evidence>,
    /// An amount given as numbers, on revenue and cost items.
    pub amount: Option<Amount>,
}

/// Whether an item is a guess or has been tested against reality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Assumption,
    Testing,
    Validated,
    Invalidated,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Assumption,
        Status::Testing,
        Status::Validated,
        Status::Invalidated,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Status::Assumption => "assumption",
            Status::Testing => "testing",
            Status::Validated => "validated",
            Status::Invalidated => "invalidated",
        }
    }

    /// A one-character mark for renderings.
    pub fn mark(self) -> &'static str {
        match self {
            Status::Assumption => "?",
            Status::Testing => "~",
            Status::Validated => "✓",
            Status::Invalidated => "✗",
        }
    }
}

impl Item {
    pub fn new(id: impl Into<String>, text: impl Into<String>, links: Vec<String>) -> Item {
        Item {
            id: id.into(),
            text: text.into(),
            links,
            ..Item::default()
        }
    }
}

impl Canvas {
    /// A canvas with these details and sittings and nine empty blocks.
    pub fn new(meta: Meta, sessions: Vec<Sitting>) -> Canvas {
        Canvas {
            meta,
            blocks: Default::default(),
            sessions,
            acknowledged: Vec::new(),
            tests: Vec::new(),
            learnings: Vec::new(),
        }
    }

    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }

    pub fn block_mut(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.index()]
    }

    /// Every item on the canvas with the block it is in.
    pub fn items(&self) -> impl Iterator<Item = (BlockId, &Item)> {
        BlockId::ALL
            .into_iter()
            .flat_map(move |block| self.block(block).items.iter().map(move |item| (block, item)))
    }

    /// Looks up items by id; built once per use so rules stay linear in the number of items.
    pub fn item_index(&self) -> ItemIndex<'_> {
        self.items()
            .map(|(block, item)| (item.id.as_str(), (block, item)))
            .collect()
    }

    /// For each item id, the positions of the customer segments it serves, directly or through
    /// the items it links to, in the segments' order. Links only point to earlier blocks, so
    /// one pass in block order suffices.
    pub fn segments_served(&self) -> HashMap<&str, Vec<usize>> {
        let mut served: HashMap<&str, Vec<usize>> = HashMap::new();
        for (n, segment) in self.block(BlockId::CustomerSegments).items.iter().enumerate() {
            served.insert(segment.id.as_str(), vec![n]);
        }
        for &block in &BlockId::ALL[1..] {
            for item in &self.block(block).items {
                let mut segments: Vec<usize> = item
                    .links
                    .iter()
                    .filter_map(|l| served.get(l.as_str()))
                    .flatten()
                    .copied()
                    .collect();
                segments.sort_unstable();
                segments.dedup();
                served.insert(item.id.as_str(), segments);
            }
        }
        served
    }

    /// The next free generated id of a block: its prefix and one more than the highest number
    /// in use or ever given to a removed item.
    pub fn next_item_id(&self, block: BlockId) -> String {
        let used: Vec<u64> = self
            .items()
            .filter_map(|(_, item)| item_number(block, &item.id))
            .chain(self.meta.last_ids.get(&block).copied())
            .collect();
        let highest = used.iter().copied().max().unwrap_or(0);
        // Past the largest number, the first one no item uses: never a duplicate.
        let next = highest.checked_add(1).unwrap_or_else(|| {
            (1..)
                .find(|n| !used.contains(n))
                .expect("not every number is taken")
        });
        format!("{}{next}", block.item_prefix())
    }
}

/// The number of a generated id of `block`'s kind: 4 for `cs4`.
pub fn item_number(block: BlockId, id: &str) -> Option<u64> {
    id.strip_prefix(block.item_prefix())?.parse().ok()
}

impl Block {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
            && self.categories.is_empty()
            && self.picks.is_empty()
            && self.items.is_empty()
            && self.notes.is_none()
    }

    pub fn answer(&self, question: &str) -> Option<&str> {
        self.answers
            .get(question)
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
    }

    /// The ids picked for a pick question.
    pub fn picked(&self, question: &str) -> &[String] {
        self.picks.get(question).map_or(&[], |p| p.as_slice())
    }

    pub fn chosen(&self, group: &str) -> &[String] {
        self.categories.get(group).map_or(&[], |c| c.as_slice())
    }

    /// An item's choices in a group: its own, or the block's where it has none of its own.
    pub fn chosen_for<'a>(&'a self, item: &'a Item, group: &str) -> &'a [String] {
        match item.categories.get(group) {
            Some(own) if !own.is_empty() => own,
            _ => self.chosen(group),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn iterations_run_from_one_to_the_maximum_and_counting_on_stays_there() {
        assert_eq!(Meta::iteration(1), Some(1));
        assert_eq!(Meta::iteration(1_000_000), Some(Meta::MAX_ITERATION));
        for refused in [0, -1, 1_000_001, i64::from(u32::MAX), i64::MAX] {
            assert_eq!(Meta::iteration(refused), None, "{refused}");
        }
        assert_eq!(Meta::next_iteration(3), 4);
        assert_eq!(Meta::next_iteration(Meta::MAX_ITERATION), Meta::MAX_ITERATION);
        assert_eq!(Meta::next_iteration(u32::MAX), Meta::MAX_ITERATION);
    }

    #[test]
    fn a_removed_items_number_is_never_given_again_and_its_picks_go_with_it() {
        let mut canvas = Canvas::default();
        let cs = BlockId::CustomerSegments;
        for n in 1..=3 {
            let id = canvas.next_item_id(cs);
            canvas
                .block_mut(cs)
                .items
                .push(Item::new(id, format!("segment {n}"), vec![]));
        }
        canvas
            .block_mut(cs)
            .picks
            .insert("most_important".into(), vec!["cs3".into()]);
        canvas.remove_items(cs, &std::collections::HashSet::from(["cs3".to_owned()]));
        assert_eq!(canvas.next_item_id(cs), "cs4", "cs3 stays retired");
        assert_eq!(canvas.meta.last_ids[&cs], 3);
        assert!(canvas.block(cs).picks.is_empty(), "a pick of nothing is no pick");
        canvas.remove_items(cs, &std::collections::HashSet::from(["cs1".to_owned()]));
        assert_eq!(canvas.meta.last_ids[&cs], 3, "a lower number does not lower it");
        assert_eq!(canvas.next_item_id(cs), "cs4");
    }

    #[test]
    fn items_serve_the_segments_their_links_lead_to() {
        let text = include_str!("../../examples/brew-box.toml");
        let canvas = crate::file::parse_canvas(Path::new("brew-box.toml"), text).unwrap();
        let served = canvas.segments_served();
        assert_eq!(served["cs2"], [1]);
        assert_eq!(served["vp1"], [0, 1]);
        assert_eq!(served["vp2"], [0]);
        assert_eq!(served["kr2"], [0], "through vp2");
        assert_eq!(served["kp1"], [0, 1], "through ka1, which delivers vp1 and vp2");
        assert_eq!(served["co3"], [0, 1], "through kr1 and kr2");
    }
}
