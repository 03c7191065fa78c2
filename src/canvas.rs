//! The canvas: a typed model of one Business Model Canvas and the reading of canvas files
//! (format 1). Writing lives in `document`, so that a user's own file can be rewritten in place.

use std::collections::HashMap;
use std::path::Path;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::block::BlockId;
use crate::error::{self, Invalid, Problem};
use crate::sections;

/// The newest canvas file format this binary reads and the one it writes.
pub const FORMAT: i64 = 1;

/// Items by id, with the block each is in.
pub type ItemIndex<'a> = HashMap<&'a str, (BlockId, &'a Item)>;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Canvas {
    pub meta: Meta,
    blocks: [Block; 9],
    /// Coach-mode sittings, oldest first.
    pub sessions: Vec<SessionRecord>,
}

/// One coach-mode sitting: when it started, minutes per block and where it stopped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct SessionRecord {
    /// The iteration the sitting worked on.
    pub iteration: u32,
    /// Local date and time, `YYYY-MM-DD HH:MM`.
    pub started: String,
    /// Block key → whole minutes spent, in the order worked on.
    #[serde(default)]
    pub minutes: IndexMap<String, u32>,
    /// The last block worked on.
    pub stopped_at: Option<String>,
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
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    /// Guiding-question id → answer.
    pub answers: IndexMap<String, String>,
    /// Category-group id → chosen option ids.
    pub categories: IndexMap<String, Vec<String>>,
    pub items: Vec<Item>,
    pub notes: Option<String>,
}

/// A sticky note on the canvas.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
    /// What was observed, each entry dated when the interview recorded it.
    pub evidence: Vec<String>,
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

    /// The next free generated id of a block: its prefix and one more than the highest number.
    pub fn next_item_id(&self, block: BlockId) -> String {
        let prefix = block.item_prefix();
        let highest = self
            .items()
            .filter_map(|(_, item)| item.id.strip_prefix(prefix)?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{}", highest + 1)
    }

    /// Reads a canvas file's text; `path` only names the file in errors.
    /// Reads a partial canvas, as given with `--answers`: `format` may be left out. Also returns
    /// the `[meta]` keys the file sets.
    pub fn parse_partial(path: &Path, text: &str) -> Result<(Canvas, Vec<String>), Invalid> {
        let file: CanvasFile = toml::from_str(text).map_err(|e| error::from_toml(path, text, &e))?;
        if file.format.is_some() {
            check_format(path, text, file.format.as_ref())?;
        }
        #[derive(Deserialize)]
        struct MetaKeys {
            #[serde(default)]
            meta: toml::Table,
        }
        let keys = toml::from_str::<MetaKeys>(text)
            .map(|m| m.meta.keys().cloned().collect())
            .unwrap_or_default();
        Ok((file.into_canvas(path, text)?, keys))
    }

    pub fn parse(path: &Path, text: &str) -> Result<Canvas, Invalid> {
        /// Below this size the whole document is read at once; its memory does not matter.
        const SECTIONED_FROM: usize = 1 << 20;
        if text.len() >= SECTIONED_FROM {
            if let Some(file) = CanvasFile::sectioned(text) {
                check_format(path, text, file.format.as_ref())?;
                return file.into_canvas(path, text);
            }
        }
        Canvas::parse_whole(path, text)
    }

    /// Reads the document at once; the only way for small files, and the one that words errors.
    fn parse_whole(path: &Path, text: &str) -> Result<Canvas, Invalid> {
        let file: CanvasFile = match toml::from_str(text) {
            Ok(file) => file,
            // A file from a newer binary may not fit this one's shapes; say that, not the detail.
            Err(e) => {
                let format = toml::from_str::<FormatOnly>(text).ok().map(|f| f.format);
                let newer = format.and_then(|f| check_format(path, text, f.as_ref()).err());
                return Err(newer.unwrap_or_else(|| error::from_toml(path, text, &e)));
            }
        };
        check_format(path, text, file.format.as_ref())?;
        file.into_canvas(path, text)
    }
}

impl Block {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.categories.is_empty() && self.items.is_empty() && self.notes.is_none()
    }

    pub fn answer(&self, question: &str) -> Option<&str> {
        self.answers
            .get(question)
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
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

#[derive(Deserialize)]
struct FormatOnly {
    format: Option<Spanned<toml::Value>>,
}

fn check_format(path: &Path, text: &str, format: Option<&Spanned<toml::Value>>) -> Result<(), Invalid> {
    let Some(format) = format else {
        return Err(Invalid::new(
            path,
            Problem::new("format_missing").with("known", FORMAT),
        ));
    };
    let at = format.span().start;
    match format.get_ref().as_integer() {
        Some(FORMAT) => Ok(()),
        Some(newer) if newer > FORMAT => {
            let problem = Problem::new("format_newer")
                .with("found", newer)
                .with("known", FORMAT);
            Err(Invalid::new(path, problem).at(text, at))
        }
        _ => Err(Invalid::new(path, Problem::new("format_unsupported").with("known", FORMAT)).at(text, at)),
    }
}

/// The file's shape. Keys the model does not know are ignored here and kept by `document` on
/// rewrite; `gap_report` is output only and never read back.
#[derive(Deserialize, JsonSchema)]
struct CanvasFile {
    /// The version of the canvas file format.
    #[schemars(with = "i64")]
    format: Option<Spanned<toml::Value>>,
    #[serde(default)]
    #[schemars(with = "Meta")]
    meta: Option<Meta>,
    #[serde(default)]
    customer_segments: BlockFile,
    #[serde(default)]
    value_propositions: BlockFile,
    #[serde(default)]
    channels: BlockFile,
    #[serde(default)]
    customer_relationships: BlockFile,
    #[serde(default)]
    revenue_streams: BlockFile,
    #[serde(default)]
    key_resources: BlockFile,
    #[serde(default)]
    key_activities: BlockFile,
    #[serde(default)]
    key_partners: BlockFile,
    #[serde(default)]
    cost_structure: BlockFile,
    #[serde(default)]
    session: Vec<SessionRecord>,
}

/// One block of the canvas.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(default)]
#[schemars(rename = "Block")]
struct BlockFile {
    /// Guiding-question id → answer.
    answers: IndexMap<String, String>,
    /// Category-group id → chosen option ids.
    categories: IndexMap<String, Vec<String>>,
    /// The block's sticky notes.
    items: Vec<ItemFile>,
    /// Free notes on the block.
    notes: Option<String>,
}

/// A sticky note.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "Item")]
struct ItemFile {
    /// Unique in the canvas: the block's prefix and a number, such as `cs1`.
    #[schemars(with = "String")]
    id: Spanned<String>,
    text: String,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    categories: IndexMap<String, Vec<String>>,
    note: Option<String>,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    evidence: Vec<String>,
}

/// The JSON Schema of the file's shape, generated from the types that read it.
pub fn file_schema() -> schemars::Schema {
    schemars::schema_for!(CanvasFile)
}

impl CanvasFile {
    /// Reads a large canvas batch by batch (see `sections`); `None` when it must be read whole.
    fn sectioned(text: &str) -> Option<CanvasFile> {
        let (first_header, batches) = sections::batches(text)?;
        // Before the first header only `format` may stand, or tables could be defined twice.
        let root: toml::Table = toml::from_str(&text[..first_header]).ok()?;
        if root.keys().any(|key| key != "format") {
            return None;
        }
        let parsed = sections::parse_all(&batches, |offset, batch| {
            toml::from_str::<CanvasFile>(batch)
                .ok()
                .map(|file| (offset, file))
        })?;
        let mut whole = CanvasFile::empty();
        for (offset, part) in parsed {
            whole.merge(part, offset)?;
        }
        Some(whole)
    }

    fn empty() -> CanvasFile {
        CanvasFile {
            format: None,
            meta: None,
            customer_segments: BlockFile::default(),
            value_propositions: BlockFile::default(),
            channels: BlockFile::default(),
            customer_relationships: BlockFile::default(),
            revenue_streams: BlockFile::default(),
            key_resources: BlockFile::default(),
            key_activities: BlockFile::default(),
            key_partners: BlockFile::default(),
            cost_structure: BlockFile::default(),
            session: Vec::new(),
        }
    }

    fn blocks_mut(&mut self) -> [&mut BlockFile; 9] {
        [
            &mut self.customer_segments,
            &mut self.value_propositions,
            &mut self.channels,
            &mut self.customer_relationships,
            &mut self.revenue_streams,
            &mut self.key_resources,
            &mut self.key_activities,
            &mut self.key_partners,
            &mut self.cost_structure,
        ]
    }

    /// Adds a batch read at byte `offset`; `None` where the two define the same key, which the
    /// whole-document reader reports as an error.
    fn merge(&mut self, mut part: CanvasFile, offset: usize) -> Option<()> {
        let shift = |span: std::ops::Range<usize>| span.start + offset..span.end + offset;
        if let Some(format) = part.format.take() {
            if self.format.is_some() {
                return None;
            }
            self.format = Some(Spanned::new(shift(format.span()), format.into_inner()));
        }
        if let Some(meta) = part.meta.take() {
            if self.meta.replace(meta).is_some() {
                return None;
            }
        }
        for (mine, theirs) in self.blocks_mut().into_iter().zip(part.blocks_mut()) {
            for (key, answer) in std::mem::take(&mut theirs.answers) {
                if mine.answers.insert(key, answer).is_some() {
                    return None;
                }
            }
            for (key, chosen) in std::mem::take(&mut theirs.categories) {
                if mine.categories.insert(key, chosen).is_some() {
                    return None;
                }
            }
            if let Some(notes) = theirs.notes.take() {
                if mine.notes.replace(notes).is_some() {
                    return None;
                }
            }
            mine.items
                .extend(std::mem::take(&mut theirs.items).into_iter().map(|mut item| {
                    item.id = Spanned::new(shift(item.id.span()), item.id.into_inner());
                    item
                }));
        }
        self.session.append(&mut part.session);
        Some(())
    }

    fn into_canvas(self, path: &Path, text: &str) -> Result<Canvas, Invalid> {
        let blocks = [
            self.customer_segments,
            self.value_propositions,
            self.channels,
            self.customer_relationships,
            self.revenue_streams,
            self.key_resources,
            self.key_activities,
            self.key_partners,
            self.cost_structure,
        ];
        let mut seen: HashMap<String, BlockId> = HashMap::new();
        let mut canvas = Canvas {
            meta: self.meta.unwrap_or_default(),
            blocks: Default::default(),
            sessions: self.session,
        };
        for (block_id, block) in BlockId::ALL.into_iter().zip(blocks) {
            let mut items = Vec::with_capacity(block.items.len());
            for item in block.items {
                let at = item.id.span().start;
                let id = item.id.into_inner();
                if id.trim().is_empty() {
                    let problem = Problem::new("empty_item_id").with("block", block_id);
                    return Err(Invalid::new(path, problem).at(text, at));
                }
                if let Some(first) = seen.insert(id.clone(), block_id) {
                    let problem = Problem::new("duplicate_item_id")
                        .with("id", &id)
                        .with("block", block_id)
                        .with("first", first);
                    return Err(Invalid::new(path, problem).at(text, at));
                }
                items.push(Item {
                    id,
                    text: item.text,
                    links: item.links,
                    categories: item.categories,
                    note: item.note,
                    status: item.status,
                    evidence: item.evidence,
                });
            }
            *canvas.block_mut(block_id) = Block {
                answers: block.answers,
                categories: block.categories,
                items,
                notes: block.notes,
            };
        }
        Ok(canvas)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Canvas, Invalid> {
        Canvas::parse(Path::new("c.toml"), text)
    }

    #[test]
    fn reads_meta_blocks_items_and_ignores_the_gap_report() {
        let canvas = parse(
            r#"
format = 1
[meta]
title = "Brew Box"
iteration = 3
[customer_segments.answers]
who = "Remote workers"
[customer_segments.categories]
segment_type = ["niche_market"]
[[customer_segments.items]]
id = "cs1"
text = "Remote workers who drink specialty coffee"
[[value_propositions.items]]
id = "vp1"
text = "Fresh beans"
links = ["cs1"]
[gap_report]
score = 10
my_own_key = "kept by the writer, ignored here"
"#,
        )
        .unwrap();
        assert_eq!(canvas.meta.title, "Brew Box");
        assert_eq!(canvas.meta.iteration, 3);
        assert_eq!(canvas.meta.language, "en");
        let cs = canvas.block(BlockId::CustomerSegments);
        assert_eq!(cs.answer("who"), Some("Remote workers"));
        assert_eq!(cs.chosen("segment_type"), ["niche_market"]);
        assert_eq!(canvas.block(BlockId::ValuePropositions).items[0].links, ["cs1"]);
        assert_eq!(canvas.next_item_id(BlockId::CustomerSegments), "cs2");
        assert_eq!(canvas.next_item_id(BlockId::Channels), "ch1");
    }

    #[test]
    fn syntax_and_type_errors_name_line_and_column() {
        let e = parse("format = 1\n[meta]\ntitle = \n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(3), "{e}");
        let e = parse("format = 1\n[[channels.items]]\nid = \"ch1\"\ntext = 5\n").unwrap_err();
        assert_eq!(e.position, Some((4, 8)), "{e}");
        assert!(e.message().contains("string"), "{e}");
    }

    #[test]
    fn duplicate_and_empty_item_ids_are_refused_where_they_stand() {
        let text = "format = 1\n[[channels.items]]\nid = \"x\"\ntext = \"a\"\n\
                    [[key_partners.items]]\nid = \"x\"\ntext = \"b\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(e.position, Some((6, 6)));
        assert!(e.message().contains("duplicate item id 'x'"), "{e}");
        let e = parse("format = 1\n[[channels.items]]\nid = \" \"\ntext = \"a\"\n").unwrap_err();
        assert!(e.message().contains("empty id"), "{e}");
    }

    #[test]
    fn newer_missing_or_odd_formats_are_refused() {
        let e = parse("format = 2\n[customer_segments]\nitems = 7\n").unwrap_err();
        assert!(e.message().contains("newer canvas-coach"), "{e}");
        assert_eq!(e.position, Some((1, 10)));
        let e = parse("[meta]\ntitle = \"x\"\n").unwrap_err();
        assert!(e.message().contains("`format = 1` line is missing"), "{e}");
        let e = parse("format = \"one\"\n").unwrap_err();
        assert!(e.message().contains("unsupported `format`"), "{e}");
    }

    /// A canvas of `items` items as canvas-coach writes it, over a megabyte from 5,000 items on.
    fn large(items: usize) -> String {
        let mut canvas = Canvas::default();
        canvas.meta.title = "Large".into();
        for n in 0..items {
            let block = BlockId::ALL[n % 9];
            let links: Vec<String> = block
                .link_targets()
                .first()
                .map(|t| format!("{}1", t.item_prefix()))
                .into_iter()
                .collect();
            let mut item = Item::new(
                format!("{}{}", block.item_prefix(), n / 9 + 1),
                format!("note {n} {}", "x".repeat(150)),
                links,
            );
            if n % 7 == 0 {
                item.evidence.push(format!("seen on day {n}"));
            }
            canvas.block_mut(block).items.push(item);
            canvas
                .block_mut(block)
                .answers
                .insert(format!("q{}", n % 13), format!("answer {n}"));
        }
        canvas.sessions.push(SessionRecord {
            iteration: 1,
            started: "2026-11-23 09:00".into(),
            ..Default::default()
        });
        let bank = crate::bank::Bank::builtin("en").unwrap();
        let report = crate::gaps::GapReport::new(&canvas, bank, crate::messages::Messages::get("en"));
        crate::document::render(None, &canvas, &report)
    }

    #[test]
    fn a_large_canvas_read_in_sections_equals_the_whole_document_read() {
        let text = large(6_000);
        assert!(
            text.len() > 1 << 20,
            "large enough to be read in sections: {}",
            text.len()
        );
        assert!(
            CanvasFile::sectioned(&text).is_some(),
            "the written layout is read in sections"
        );
        let path = Path::new("large.toml");
        assert_eq!(
            Canvas::parse(path, &text).unwrap(),
            Canvas::parse_whole(path, &text).unwrap()
        );
    }

    #[test]
    fn errors_in_a_large_canvas_are_placed_exactly_as_in_a_small_one() {
        let path = Path::new("large.toml");
        let text = large(6_000);
        // A syntax error far down: the whole-document reader words it.
        let broken = text.replacen("text = \"note 5000 ", "text = note 5000 \"", 1);
        assert!(CanvasFile::sectioned(&broken).is_none());
        let e = Canvas::parse(path, &broken).unwrap_err();
        assert_eq!(e, Canvas::parse_whole(path, &broken).unwrap_err());
        assert!(e.position.unwrap().0 > 10_000, "{e}");
        // A duplicate id in another batch is placed in the file, not in its batch.
        let duplicate = text.replacen("id = \"kp600\"", "id = \"cs1\"", 1);
        let e = Canvas::parse(path, &duplicate).unwrap_err();
        assert_eq!(e, Canvas::parse_whole(path, &duplicate).unwrap_err());
        assert!(e.message().contains("duplicate item id 'cs1'"), "{e}");
    }

    #[test]
    fn layouts_the_section_reader_does_not_expect_are_read_whole() {
        let path = Path::new("large.toml");
        let text = large(6_000);
        let odd = text.replacen(
            "[[customer_segments.items]]\nid = \"cs2\"",
            "[customer_segments.items.extra]\nx = 1\n[[customer_segments.items]]\nid = \"cs2\"",
            1,
        );
        let odd = odd.replacen("format = 1\n", "format = 1\nmy_key = \"mine\"\n", 1);
        assert!(CanvasFile::sectioned(&odd).is_none());
        assert!(Canvas::parse(path, &odd).is_ok());
        let twice = text.replacen(
            "[[value_propositions.items]]",
            "[value_propositions.answers]\nq1 = \"again\"\n[[value_propositions.items]]",
            1,
        );
        assert!(CanvasFile::sectioned(&twice).is_none(), "a table defined twice");
        assert_eq!(
            Canvas::parse(path, &twice).unwrap_err(),
            Canvas::parse_whole(path, &twice).unwrap_err()
        );
    }
}
