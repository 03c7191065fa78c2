//! Reading canvas files (format 1) into the model: the file's shape, the format check, and item
//! ids that must be unique. Keys the model does not know are ignored here and kept by `document`.

use std::collections::HashMap;
use std::path::Path;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{self, Invalid, Problem};
use crate::model::{Block, BlockId, Canvas, FORMAT, Item, Meta, Sitting, Status};

/// The file's shape as the TOML reader sees it: ids and `format` with their places.
type TomlFile = CanvasFile<Spanned<String>, Spanned<toml::Value>>;

/// Reads a canvas file's text; `path` only names the file in errors.
pub fn canvas(path: &Path, text: &str) -> Result<Canvas, Invalid> {
    let file: TomlFile = match toml::from_str(text) {
        Ok(file) => file,
        // A file from a newer binary may not fit this one's shapes; say that, not the detail.
        Err(e) => {
            let format = toml::from_str::<FormatOnly>(text).ok().map(|f| f.format);
            let newer = format.and_then(|f| check_format(path, text, f.as_ref()).err());
            return Err(newer.unwrap_or_else(|| error::from_toml(path, text, &e)));
        }
    };
    check_format(path, text, file.format.as_ref())?;
    file.into_canvas(path)
        .map_err(|(invalid, at)| invalid.near(text, at))
}

/// Reads a partial canvas, as given with `--answers`: `format` may be left out. Also returns the
/// `[meta]` keys the file sets.
pub fn partial(path: &Path, text: &str) -> Result<(Canvas, Vec<String>), Invalid> {
    let file: TomlFile = toml::from_str(text).map_err(|e| error::from_toml(path, text, &e))?;
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
        .into_canvas(path)
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
        Some(Some(FORMAT)) => return Ok(()),
        Some(Some(newer)) if newer > FORMAT => Problem::FormatNewer {
            found: newer,
            known: FORMAT,
        },
        Some(_) => Problem::FormatUnsupported { known: FORMAT },
    };
    Err(Invalid::new(path, problem))
}

/// An item id as a reader gives it: its text and, where the reader knows it, its byte offset.
pub trait ItemId {
    fn parts(self) -> (String, Option<usize>);
}

impl ItemId for Spanned<String> {
    fn parts(self) -> (String, Option<usize>) {
        let at = self.span().start;
        (self.into_inner(), Some(at))
    }
}

impl ItemId for String {
    fn parts(self) -> (String, Option<usize>) {
        (self, None)
    }
}

/// The file's shape. Keys the model does not know are ignored here and kept by `document` on
/// rewrite; `gap_report` is output only and never read back.
// Generic over how ids and `format` are read, so that the JSON reader shares the shape.
#[derive(Deserialize, JsonSchema)]
#[serde(bound(deserialize = "Id: Deserialize<'de>, Format: Deserialize<'de>"))]
#[schemars(rename = "CanvasFile", bound = "")]
pub struct CanvasFile<Id, Format> {
    /// The version of the canvas file format.
    #[schemars(with = "i64")]
    pub format: Option<Format>,
    #[serde(default)]
    #[schemars(with = "Meta")]
    meta: Option<Meta>,
    #[serde(default)]
    customer_segments: BlockFile<Id>,
    #[serde(default)]
    value_propositions: BlockFile<Id>,
    #[serde(default)]
    channels: BlockFile<Id>,
    #[serde(default)]
    customer_relationships: BlockFile<Id>,
    #[serde(default)]
    revenue_streams: BlockFile<Id>,
    #[serde(default)]
    key_resources: BlockFile<Id>,
    #[serde(default)]
    key_activities: BlockFile<Id>,
    #[serde(default)]
    key_partners: BlockFile<Id>,
    #[serde(default)]
    cost_structure: BlockFile<Id>,
    #[serde(default)]
    session: Vec<Sitting>,
}

/// One block of the canvas.
#[derive(Deserialize, JsonSchema)]
#[serde(default, bound(deserialize = "Id: Deserialize<'de>"))]
#[schemars(rename = "Block", bound = "")]
struct BlockFile<Id> {
    /// Guiding-question id → answer.
    answers: IndexMap<String, String>,
    /// Category-group id → chosen option ids.
    categories: IndexMap<String, Vec<String>>,
    /// The block's sticky notes.
    items: Vec<ItemFile<Id>>,
    /// Free notes on the block.
    notes: Option<String>,
}

/// A sticky note.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "Item", bound = "")]
struct ItemFile<Id> {
    /// Unique in the canvas: the block's prefix and a number, such as `cs1`.
    #[schemars(with = "String")]
    id: Id,
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
    schemars::schema_for!(TomlFile)
}

// Written by hand: a derived `Default` would ask `Id: Default`.
impl<Id> Default for BlockFile<Id> {
    fn default() -> Self {
        BlockFile {
            answers: IndexMap::new(),
            categories: IndexMap::new(),
            items: Vec::new(),
            notes: None,
        }
    }
}

impl<Id: ItemId, Format> CanvasFile<Id, Format> {
    /// The canvas, or what is wrong with an item id and the byte offset of that id where known.
    pub fn into_canvas(self, path: &Path) -> Result<Canvas, (Invalid, Option<usize>)> {
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
        let mut seen: HashMap<String, BlockId> = HashMap::new();
        let mut canvas = Canvas::new(self.meta.unwrap_or_default(), self.session);
        for (block_id, block) in BlockId::ALL.into_iter().zip(blocks) {
            let mut items = Vec::with_capacity(block.items.len());
            for item in block.items {
                let (id, at) = item.id.parts();
                if id.trim().is_empty() {
                    let problem = Problem::EmptyItemId { block: block_id };
                    return Err((Invalid::new(path, problem), at));
                }
                if let Some(first) = seen.insert(id.clone(), block_id) {
                    let problem = Problem::DuplicateItemId {
                        id: id.clone(),
                        block: block_id,
                        first,
                    };
                    return Err((Invalid::new(path, problem), at));
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
        canvas(Path::new("c.toml"), text)
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
        assert!(e.to_string().contains("string"), "{e}");
    }

    #[test]
    fn duplicate_and_empty_item_ids_are_refused_where_they_stand() {
        let text = "format = 1\n[[channels.items]]\nid = \"x\"\ntext = \"a\"\n\
                    [[key_partners.items]]\nid = \"x\"\ntext = \"b\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(e.position, Some((6, 6)));
        assert!(e.to_string().contains("duplicate item id 'x'"), "{e}");
        let e = parse("format = 1\n[[channels.items]]\nid = \" \"\ntext = \"a\"\n").unwrap_err();
        assert!(e.to_string().contains("empty id"), "{e}");
    }

    #[test]
    fn newer_missing_or_odd_formats_are_refused() {
        let e = parse("format = 2\n[customer_segments]\nitems = 7\n").unwrap_err();
        assert!(e.to_string().contains("newer canvas-coach"), "{e}");
        assert_eq!(e.position, Some((1, 10)));
        let e = parse("[meta]\ntitle = \"x\"\n").unwrap_err();
        assert!(e.to_string().contains("`format = 1` line is missing"), "{e}");
        let e = parse("format = \"one\"\n").unwrap_err();
        assert!(e.to_string().contains("unsupported `format`"), "{e}");
    }
}
