//! Reading canvas files (format 1) into the model: the file's shape, the format check, dates and
//! iterations in range, and item ids that must be unique (across the canvas a partial file is applied
//! to, too). Keys the model does not know are ignored here and kept by `document`.

use std::collections::HashMap;
use std::path::Path;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{self, Invalid, Problem};
use crate::model::{
    Acknowledged, Amount, Block, BlockId, Canvas, FORMAT, Item, ItemIndex, Meta, Per, Sitting, Status,
    is_date,
};

/// Reads a canvas file's text; `path` only names the file in errors.
pub fn canvas(path: &Path, text: &str) -> Result<Canvas, Invalid> {
    let file: CanvasFile = match toml::from_str(text) {
        Ok(file) => file,
        // A file from a newer binary may not fit this one's shapes; say that, not the detail.
        Err(e) => {
            let format = toml::from_str::<FormatOnly>(text).ok().map(|f| f.format);
            let newer = format.and_then(|f| check_format(path, text, f.as_ref()).err());
            return Err(newer.unwrap_or_else(|| error::from_toml(path, text, e.message(), e.span())));
        }
    };
    check_format(path, text, file.format.as_ref())?;
    file.into_canvas(path, text, None)
}

/// Reads a partial canvas, as given with `--answers`: `format` may be left out. Also returns the
/// `[meta]` keys the file sets. `onto` is the canvas it is to be applied to, with its path: an
/// item there replaces the one with its id in the same block, so an id of another block is refused.
pub fn partial(
    path: &Path,
    text: &str,
    onto: Option<(&Path, &Canvas)>,
) -> Result<(Canvas, Vec<String>), Invalid> {
    let file: CanvasFile =
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
    Ok((file.into_canvas(path, text, onto)?, keys))
}

#[derive(Deserialize)]
struct FormatOnly {
    format: Option<Spanned<toml::Value>>,
}

fn check_format(path: &Path, text: &str, format: Option<&Spanned<toml::Value>>) -> Result<(), Invalid> {
    let Some(format) = format else {
        return Err(Invalid::new(path, Problem::FormatMissing { known: FORMAT }));
    };
    let at = format.span().start;
    match format.get_ref().as_integer() {
        Some(FORMAT) => Ok(()),
        Some(newer) if newer > FORMAT => {
            let problem = Problem::FormatNewer {
                found: newer,
                known: FORMAT,
            };
            Err(Invalid::new(path, problem).at(text, at))
        }
        _ => Err(Invalid::new(path, Problem::FormatUnsupported { known: FORMAT }).at(text, at)),
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
    // Shown as the model's details, which it becomes once checked; absent, they are the defaults.
    #[schemars(with = "Meta", extend("default" = null))]
    meta: Option<MetaFile>,
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
    session: Vec<Sitting>,
    /// Gaps a coach accepted, each with its reason; they are listed apart and no longer count.
    #[serde(default)]
    acknowledged: Vec<Acknowledged>,
}

/// `[meta]` as written, with the places of the values that are checked.
#[derive(Deserialize, Default)]
#[serde(default)]
struct MetaFile {
    title: String,
    designed_for: String,
    designed_by: String,
    date: Option<Spanned<String>>,
    iteration: Option<Spanned<i64>>,
    language: Option<String>,
}

impl MetaFile {
    /// The details, refusing a date that is not one (empty is fine: none yet) and an iteration
    /// out of range, where they stand.
    fn into_meta(self, path: &Path, text: &str) -> Result<Meta, Invalid> {
        let mut meta = Meta {
            title: self.title,
            designed_for: self.designed_for,
            designed_by: self.designed_by,
            ..Meta::default()
        };
        if let Some(date) = self.date {
            let at = date.span().start;
            meta.date = date.into_inner();
            if !meta.date.is_empty() && !is_date(&meta.date) {
                let problem = Problem::BadDate { value: meta.date };
                return Err(Invalid::new(path, problem).at(text, at));
            }
        }
        if let Some(iteration) = self.iteration {
            let (at, value) = (iteration.span().start, *iteration.get_ref());
            meta.iteration = Meta::iteration(value).ok_or_else(|| {
                let problem = Problem::BadIteration {
                    value,
                    max: Meta::MAX_ITERATION,
                };
                Invalid::new(path, problem).at(text, at)
            })?;
        }
        if let Some(language) = self.language {
            meta.language = language;
        }
        Ok(meta)
    }
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
    /// On revenue and cost items: the amount as numbers.
    amount: Option<AmountFile>,
}

/// `amount = { value = 29, currency = "EUR", per = "month", volume = 400 }`.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "Amount")]
struct AmountFile {
    /// The amount of money, zero or more.
    #[schemars(with = "f64", range(min = 0))]
    value: Spanned<f64>,
    /// A currency code or sign, such as `EUR`.
    currency: Option<String>,
    /// What it is paid per: each unit, a month, a year, or once.
    per: Option<Per>,
    /// How many a year: units sold (per unit or once), or how many pay it (per month or year).
    #[schemars(with = "Option<f64>", range(min = 0))]
    volume: Option<Spanned<f64>>,
}

impl AmountFile {
    /// The amount, refusing a value or volume below zero or not a number, where it stands.
    fn into_amount(self, path: &Path, text: &str) -> Result<Amount, Invalid> {
        for figure in [Some(&self.value), self.volume.as_ref()].into_iter().flatten() {
            if !Amount::is_figure(*figure.get_ref()) {
                let problem = Problem::BadAmount {
                    value: figure.get_ref().to_string(),
                };
                return Err(Invalid::new(path, problem).at(text, figure.span().start));
            }
        }
        Ok(Amount {
            value: self.value.into_inner(),
            currency: self.currency,
            per: self.per,
            volume: self.volume.map(Spanned::into_inner),
        })
    }
}

/// The JSON Schema of the file's shape, generated from the types that read it.
pub fn file_schema() -> schemars::Schema {
    schemars::schema_for!(CanvasFile)
}

impl CanvasFile {
    fn into_canvas(self, path: &Path, text: &str, onto: Option<(&Path, &Canvas)>) -> Result<Canvas, Invalid> {
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
        let mut canvas = Canvas::new(self.meta.unwrap_or_default().into_meta(path, text)?, self.session);
        canvas.acknowledged = self.acknowledged;
        for (block_id, block) in BlockId::ALL.into_iter().zip(blocks) {
            let mut items = Vec::with_capacity(block.items.len());
            for item in block.items {
                let at = item.id.span().start;
                let id = item.id.into_inner();
                ids.claim(&id, block_id)
                    .map_err(|problem| Invalid::new(path, problem).at(text, at))?;
                let amount = item.amount.map(|a| a.into_amount(path, text)).transpose()?;
                items.push(Item {
                    id,
                    text: item.text,
                    links: item.links,
                    categories: item.categories,
                    note: item.note,
                    status: item.status,
                    evidence: item.evidence,
                    amount,
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

#[cfg(test)]
mod tests;
