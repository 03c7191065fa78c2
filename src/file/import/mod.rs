//! Reading canvases kept in other formats: a CSV of sticky notes as whiteboard tools export them,
//! BMML (a YAML format of its own) and canvas-coach's own JSON. Each reader gives a canvas and the
//! findings: what it mapped, and what it could not map, kept as lines of a note rather than
//! dropped. Every reader takes its text from `store`, so the size limit and the refusal of
//! FIFOs and devices hold for imports too.

mod bmml;
mod columns;
mod csv;
mod json;

use std::collections::HashMap;
use std::path::Path;

use super::store;
use crate::bank::Bank;
use crate::error::{Error, ImportProblem, Invalid, Problem};
use crate::i18n::Language;
use crate::model::{BlockId, Canvas, Item};

pub use columns::Columns;

/// The kinds of file `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Csv,
    Bmml,
    Json,
}

impl Source {
    /// The kind a file's extension names: `.csv`/`.tsv`, `.bmml`/`.yaml`/`.yml` or `.json`.
    pub fn of(path: &Path) -> Result<Source, Invalid> {
        let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("csv" | "tsv") => Ok(Source::Csv),
            Some("bmml" | "yaml" | "yml") => Ok(Source::Bmml),
            Some("json") => Ok(Source::Json),
            _ => Err(Invalid::new(path, Problem::Import(ImportProblem::UnknownSource))),
        }
    }
}

/// Where in the source a finding was made: a spreadsheet row or a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Row(usize),
    Line(usize),
    Nowhere,
}

/// What holds a line kept from the source: an item's note or a block's notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    Item(String),
    Block(BlockId),
}

/// Why something was kept in a note instead of being mapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// A row whose block is none of the nine.
    UnknownBlock,
    /// A category value with no option in the bank.
    NoEquivalent,
    /// A link this block's items cannot hold.
    NoLink,
    /// A detail the canvas has no field for.
    NoPlace,
}

/// One thing an import did with the source, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A value mapped to one of the bank's options.
    Choice {
        holder: Holder,
        key: String,
        value: String,
        block: BlockId,
        group: String,
        option: String,
    },
    /// A colour shared with exactly one segment became a link to it.
    ColourLink {
        item: String,
        colour: String,
        segment: String,
    },
    /// Kept as a line of a note: `key` is the source's name for it, `value` the text kept.
    Kept {
        holder: Holder,
        key: String,
        value: String,
        why: Why,
    },
    /// A link to an id no item has: kept, and the gap report lists it.
    Dangling { item: String, target: String },
    /// A colour that names no single segment: no link was added.
    ColourUnclear {
        item: String,
        colour: String,
        segments: usize,
    },
    /// An element without an id was given one.
    NewId { item: String },
    /// A column or section that was not read.
    Unread { name: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub at: Place,
    pub what: What,
}

/// A canvas read from another format, with what the import did.
#[derive(Debug)]
pub struct Imported {
    pub canvas: Canvas,
    pub findings: Vec<Finding>,
}

/// Reads `path` as `source`; `flag` is the `--lang` asked for, which names the canvas's language
/// unless the source says.
pub fn read(
    path: &Path,
    source: Source,
    columns: &Columns,
    flag: Option<Language>,
) -> Result<Imported, Error> {
    let text = store::read_text(path)?;
    Ok(parse(path, &text, source, columns, flag)?)
}

/// Reads a source's text; `path` only names the file in errors and titles a CSV's canvas.
pub fn parse(
    path: &Path,
    text: &str,
    source: Source,
    columns: &Columns,
    flag: Option<Language>,
) -> Result<Imported, Invalid> {
    match source {
        Source::Csv => csv::read(path, text, columns, flag),
        Source::Bmml => bmml::read(path, text, flag),
        Source::Json => json::read(path, text),
    }
}

impl Imported {
    /// The canvas with every kept line written into its holder's note, each worded by `line`
    /// from the source's key and the value kept.
    pub fn into_parts(self, line: impl Fn(&str, &str) -> String) -> (Canvas, Vec<Finding>) {
        let mut canvas = self.canvas;
        for finding in &self.findings {
            if let What::Kept {
                holder, key, value, ..
            } = &finding.what
            {
                keep(&mut canvas, holder, &line(key, value));
            }
        }
        (canvas, self.findings)
    }
}

/// Adds a line to the note of an item, or to the notes of a block.
fn keep(canvas: &mut Canvas, holder: &Holder, line: &str) {
    let note = match holder {
        Holder::Block(block) => &mut canvas.block_mut(*block).notes,
        Holder::Item(id) => {
            let item = BlockId::ALL.into_iter().find_map(|b| {
                let block = canvas.block(b);
                block.items.iter().position(|i| i.id == *id).map(|n| (b, n))
            });
            let Some((block, n)) = item else {
                return;
            };
            &mut canvas.block_mut(block).items[n].note
        }
    };
    match note {
        Some(text) if !text.is_empty() => {
            text.push('\n');
            text.push_str(line);
        }
        _ => *note = Some(line.to_owned()),
    }
}

/// The block a name means: its key, or its title in any built-in language (any case), with the
/// language of the title.
pub fn block_named(name: &str) -> Option<(BlockId, Option<Language>)> {
    let name = name.trim();
    if let Ok(block) = name.to_lowercase().parse::<BlockId>() {
        return Some((block, None));
    }
    Language::ALL.into_iter().find_map(|language| {
        let bank = Bank::builtin(language);
        BlockId::ALL
            .into_iter()
            .find(|&b| bank.block(b).title.to_lowercase() == name.to_lowercase())
            .map(|block| (block, Some(language)))
    })
}

/// Item ids, with where each was read: refuses an id used twice, and lists links to nothing.
#[derive(Default)]
struct Ids {
    seen: HashMap<String, (BlockId, Place)>,
}

impl Ids {
    /// Records an id; a second use is the problem returned.
    fn add(&mut self, id: &str, block: BlockId, at: Place) -> Result<(), Problem> {
        match self.seen.insert(id.to_owned(), (block, at)) {
            Some((first, _)) => Err(Problem::DuplicateItemId {
                id: id.to_owned(),
                block,
                first,
            }),
            None => Ok(()),
        }
    }

    fn place(&self, id: &str) -> Place {
        self.seen.get(id).map_or(Place::Nowhere, |(_, at)| *at)
    }

    /// Every link to an id that no item has.
    fn dangling(&self, canvas: &Canvas) -> Vec<Finding> {
        let mut found = Vec::new();
        for (_, item) in canvas.items() {
            for target in &item.links {
                if !self.seen.contains_key(target) {
                    found.push(Finding {
                        at: self.place(&item.id),
                        what: What::Dangling {
                            item: item.id.clone(),
                            target: target.clone(),
                        },
                    });
                }
            }
        }
        found
    }
}

/// Whether the bank asks `group` for each item rather than once for the block.
fn per_item(block: BlockId, group: &str) -> bool {
    Bank::builtin(Language::En)
        .block(block)
        .group(group)
        .is_some_and(|g| g.per_item)
}

/// Adds an option to an item's own choices, or to its block's when the bank asks the group once
/// for the whole block (or there is no item); each option once.
fn choose(canvas: &mut Canvas, block: BlockId, item: Option<usize>, group: &str, option: &str) {
    let written = canvas.block_mut(block);
    let chosen = match item {
        Some(n) if per_item(block, group) => {
            let item: &mut Item = &mut written.items[n];
            item.categories.entry(group.to_owned()).or_default()
        }
        _ => written.categories.entry(group.to_owned()).or_default(),
    };
    if !chosen.iter().any(|c| c == option) {
        chosen.push(option.to_owned());
    }
}

#[cfg(test)]
mod tests;
