//! Reading canvas files (formats 1 and 2) into the model: the file's shape, the format check, dates and
//! iterations in range, and item ids that must be unique (across the canvas a partial file is applied
//! to, too). Keys the model does not know are ignored here and kept by `document`.

use std::collections::HashMap;
use std::path::Path;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

pub use placed::Placed;

use crate::error::{self, Invalid, Problem};
use crate::model::{
    Acknowledged, Block, BlockId, Canvas, FORMAT, Item, ItemIndex, Meta, OLDEST_FORMAT, Sitting, Status,
    is_date,
};
use amount::AmountFile;
use cards::{EvidenceFile, LearningFile, TestFile};

/// The file's shape as the TOML reader sees it: texts, numbers, amounts and `format` with their
/// places.
type TomlFile = CanvasFile<Spanned<String>, Spanned<toml::Value>, Spanned<i64>, Spanned<f64>>;

/// Reads a canvas file's text; `path` only names the file in errors.
pub fn canvas(path: &Path, text: &str) -> Result<Canvas, Invalid> {
    let file: TomlFile = match toml::from_str(text) {
        Ok(file) => file,
        // A file from a newer binary may not fit this one's shapes; say that, not the detail.
        Err(e) => {
            let format = toml::from_str::<FormatOnly>(text).ok().map(|f| f.format);
            let newer = format.and_then(|f| check_format(path, text, f.as_ref()).err());
            return Err(newer.unwrap_or_else(|| error::from_toml(path, text, e.message(), e.span())));
        }
    };
    check_format(path, text, file.format.as_ref())?;
    file.into_canvas(path, None)
        .map_err(|(invalid, at)| invalid.near(text, at))
}

/// Reads a partial canvas, as given with `--answers`: `format` may be left out. Also returns the
/// `[meta]` keys the file sets. `onto` is the canvas it is to be applied to, with its path: an
/// item there replaces the one with its id in the same block, so an id of another block is refused.
pub fn partial(
    path: &Path,
    text: &str,
    onto: Option<(&Path, &Canvas)>,
) -> Result<(Canvas, Vec<String>), Invalid> {
    let file: TomlFile =
        toml::from_str(text).map_err(|e| error::from_toml(path, text, e.message(), e.span()))?;
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
    let canvas = file
        .into_canvas(path, onto)
        .map_err(|(invalid, at)| invalid.near(text, at))?;
    Ok((canvas, keys))
}

#[derive(Deserialize)]
struct FormatOnly {
    format: Option<Spanned<toml::Value>>,
}

fn check_format(path: &Path, text: &str, format: Option<&Spanned<toml::Value>>) -> Result<(), Invalid> {
    let declared = format.map(|f| f.get_ref().as_integer());
    check_declared(path, declared).map_err(|e| match format {
        Some(format) => e.at(text, format.span().start),
        None => e,
    })
}

/// Checks the `format` a file declares: `None` when it declares none, `Some(None)` when it is not
/// an integer.
pub fn check_declared(path: &Path, declared: Option<Option<i64>>) -> Result<(), Invalid> {
    let problem = match declared {
        None => Problem::FormatMissing { known: FORMAT },
        // Format 1 lacks picks and retired item numbers only; it is read as it is.
        Some(Some(OLDEST_FORMAT..=FORMAT)) => return Ok(()),
        Some(Some(newer)) if newer > FORMAT => Problem::FormatNewer {
            found: newer,
            known: FORMAT,
        },
        Some(_) => Problem::FormatUnsupported { known: FORMAT },
    };
    Err(Invalid::new(path, problem))
}

/// The file's shape. Keys the model does not know are ignored here and kept by `document` on
/// rewrite; `gap_report` is output only and never read back.
// Generic over how texts, numbers, amounts and `format` are read, so that the JSON reader shares
// the shape.
#[derive(Deserialize, JsonSchema)]
#[serde(bound(
    deserialize = "Text: Deserialize<'de>, Format: Deserialize<'de>, Number: Deserialize<'de>, Figure: Deserialize<'de>"
))]
#[schemars(rename = "CanvasFile", bound = "")]
pub struct CanvasFile<Text, Format, Number, Figure> {
    /// The version of the canvas file format.
    #[schemars(with = "i64")]
    pub format: Option<Format>,
    #[serde(default)]
    // Shown as the model's details, which it becomes once checked; absent, they are the defaults.
    #[schemars(with = "Meta", extend("default" = null))]
    meta: Option<MetaFile<Text, Number>>,
    #[serde(default)]
    customer_segments: BlockFile<Text, Figure>,
    #[serde(default)]
    value_propositions: BlockFile<Text, Figure>,
    #[serde(default)]
    channels: BlockFile<Text, Figure>,
    #[serde(default)]
    customer_relationships: BlockFile<Text, Figure>,
    #[serde(default)]
    revenue_streams: BlockFile<Text, Figure>,
    #[serde(default)]
    key_resources: BlockFile<Text, Figure>,
    #[serde(default)]
    key_activities: BlockFile<Text, Figure>,
    #[serde(default)]
    key_partners: BlockFile<Text, Figure>,
    #[serde(default)]
    cost_structure: BlockFile<Text, Figure>,
    #[serde(default)]
    session: Vec<Sitting>,
    /// Gaps a coach accepted, each with its reason; they are listed apart and no longer count.
    #[serde(default)]
    acknowledged: Vec<Acknowledged>,
    /// Test cards: what is believed about some items, how it is tested, when it counts as right.
    #[serde(default)]
    test: Vec<TestFile<Text>>,
    /// Learning cards: what a test showed and what was decided.
    #[serde(default)]
    learning: Vec<LearningFile<Text>>,
}

/// `[meta]` as written, with the places of the values that are checked.
#[derive(Deserialize)]
#[serde(
    default,
    bound(deserialize = "Text: Deserialize<'de>, Number: Deserialize<'de>")
)]
struct MetaFile<Text, Number> {
    title: String,
    designed_for: String,
    designed_by: String,
    date: Option<Text>,
    iteration: Option<Number>,
    language: Option<String>,
    last_ids: IndexMap<BlockId, u64>,
    last_test: u64,
}

// Written by hand: a derived `Default` would ask `Text: Default`.
impl<Text, Number> Default for MetaFile<Text, Number> {
    fn default() -> Self {
        MetaFile {
            title: String::new(),
            designed_for: String::new(),
            designed_by: String::new(),
            date: None,
            iteration: None,
            language: None,
            last_ids: IndexMap::new(),
            last_test: 0,
        }
    }
}

impl<Text: Placed<String>, Number: Placed<i64>> MetaFile<Text, Number> {
    /// The details, refusing a date that is not one (empty is fine: none yet) and an iteration
    /// out of range, where they stand.
    fn into_meta(self, path: &Path) -> Result<Meta, (Invalid, Option<usize>)> {
        let mut meta = Meta {
            title: self.title,
            designed_for: self.designed_for,
            designed_by: self.designed_by,
            ..Meta::default()
        };
        if let Some(date) = self.date {
            let (date, at) = date.parts();
            if !date.is_empty() && !is_date(&date) {
                let problem = Problem::BadDate { value: date };
                return Err((Invalid::new(path, problem), at));
            }
            meta.date = date;
        }
        if let Some(iteration) = self.iteration {
            let (value, at) = iteration.parts();
            meta.iteration = Meta::iteration(value).ok_or_else(|| {
                let problem = Problem::BadIteration {
                    value,
                    max: Meta::MAX_ITERATION,
                };
                (Invalid::new(path, problem), at)
            })?;
        }
        if let Some(language) = self.language {
            meta.language = language;
        }
        meta.last_ids = self.last_ids;
        meta.last_test = self.last_test;
        Ok(meta)
    }
}

/// One block of the canvas.
#[derive(Deserialize, JsonSchema)]
#[serde(
    default,
    bound(deserialize = "Text: Deserialize<'de>, Figure: Deserialize<'de>")
)]
#[schemars(rename = "Block", bound = "")]
struct BlockFile<Text, Figure> {
    /// Guiding-question id → answer.
    answers: IndexMap<String, String>,
    /// Category-group id → chosen option ids.
    categories: IndexMap<String, Vec<String>>,
    /// Pick-question id → ids of the items picked (format 2).
    picks: IndexMap<String, Vec<String>>,
    /// The block's sticky notes.
    items: Vec<ItemFile<Text, Figure>>,
    /// Free notes on the block.
    notes: Option<String>,
}

/// A sticky note.
#[derive(Deserialize, JsonSchema)]
#[serde(bound(deserialize = "Text: Deserialize<'de>, Figure: Deserialize<'de>"))]
#[schemars(rename = "Item", bound = "")]
struct ItemFile<Text, Figure> {
    /// Unique in the canvas: the block's prefix and a number, such as `cs1`.
    #[schemars(with = "String")]
    id: Text,
    text: String,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    categories: IndexMap<String, Vec<String>>,
    note: Option<String>,
    #[serde(default)]
    status: Status,
    /// What was observed: a text, or `{ text = "…", strength = "do" }`.
    #[serde(default)]
    evidence: Vec<EvidenceFile>,
    /// On revenue and cost items: the amount as numbers.
    amount: Option<AmountFile<Figure>>,
}

/// The JSON Schema of the file's shape, generated from the types that read it.
pub fn file_schema() -> schemars::Schema {
    schemars::schema_for!(TomlFile)
}

// Written by hand: a derived `Default` would ask `Text: Default`.
impl<Text, Figure> Default for BlockFile<Text, Figure> {
    fn default() -> Self {
        BlockFile {
            answers: IndexMap::new(),
            categories: IndexMap::new(),
            items: Vec::new(),
            notes: None,
            picks: IndexMap::new(),
        }
    }
}

impl<Text: Placed<String>, Format, Number: Placed<i64>, Figure: Placed<f64>>
    CanvasFile<Text, Format, Number, Figure>
{
    /// The canvas, or what is wrong and the byte offset of the value at fault where known.
    /// `onto`: the canvas a partial file is applied to (see [`partial`]).
    pub fn into_canvas(
        self,
        path: &Path,
        onto: Option<(&Path, &Canvas)>,
    ) -> Result<Canvas, (Invalid, Option<usize>)> {
        // In `BlockId::ALL` order.
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
        let mut ids = Ids {
            seen: HashMap::new(),
            onto: onto.map(|(path, canvas)| (path, canvas.item_index())),
        };
        let meta = self.meta.unwrap_or_default().into_meta(path)?;
        let mut canvas = Canvas::new(meta, self.session);
        canvas.acknowledged = self.acknowledged;
        canvas.tests = cards::tests(self.test, path)?;
        canvas.learnings = cards::learnings(self.learning, &canvas.tests, path)?;
        for (block_id, block) in BlockId::ALL.into_iter().zip(blocks) {
            let mut items = Vec::with_capacity(block.items.len());
            for item in block.items {
                let (id, at) = item.id.parts();
                ids.claim(&id, block_id)
                    .map_err(|problem| (Invalid::new(path, problem), at))?;
                let amount = item.amount.map(|a| a.into_amount(path)).transpose()?;
                items.push(Item {
                    id,
                    text: item.text,
                    links: item.links,
                    categories: item.categories,
                    note: item.note,
                    status: item.status,
                    evidence: item
                        .evidence
                        .into_iter()
                        .map(EvidenceFile::into_evidence)
                        .collect(),
                    amount,
                });
            }
            *canvas.block_mut(block_id) = Block {
                answers: block.answers,
                categories: block.categories,
                picks: block.picks,
                items,
                notes: block.notes,
            };
        }
        Ok(canvas)
    }
}

/// The item ids read so far, which must be unique in the canvas.
struct Ids<'a> {
    seen: HashMap<String, BlockId>,
    /// For a partial file, the canvas it is applied to, with its path.
    onto: Option<(&'a Path, ItemIndex<'a>)>,
}

impl Ids<'_> {
    /// Takes `id` for an item of `block`, unless it is empty or taken.
    fn claim(&mut self, id: &str, block: BlockId) -> Result<(), Problem> {
        if id.trim().is_empty() {
            return Err(Problem::EmptyItemId { block });
        }
        if let Some(first) = self.seen.insert(id.to_owned(), block) {
            let id = id.to_owned();
            return Err(Problem::DuplicateItemId { id, block, first });
        }
        match &self.onto {
            Some((canvas, index)) => match index.get(id) {
                Some(&(taken_in, _)) if taken_in != block => Err(Problem::ItemIdTaken {
                    id: id.to_owned(),
                    block,
                    taken_in,
                    canvas: canvas.to_path_buf(),
                }),
                _ => Ok(()),
            },
            None => Ok(()),
        }
    }
}

mod amount;
mod cards;
mod placed;
#[cfg(test)]
mod tests;
