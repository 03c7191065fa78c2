//! A CSV of sticky notes, as whiteboard tools export them and as `render --format csv` writes:
//! a block column (a block's title in any built-in language, or its key), the text, and
//! optionally id, links, colour, categories, note, status and evidence. A colour shared with
//! exactly one customer segment becomes a link to that segment, as coaches colour notes per
//! segment. Rows whose block is none of the nine are kept in the notes of Customer Segments.

use std::path::Path;

use indexmap::IndexMap;

use super::columns::{Columns, Mapping, cell_offset};
use super::{Finding, Holder, Ids, Imported, Place, What, Why, block_named};
use crate::error::{ImportProblem, Invalid, Problem};
use crate::i18n::Language;
use crate::model::{BlockId, Canvas, Evidence, Item, Status};
use crate::render::csv::{Field, unguard};

/// A note as read, before ids are given and colours linked.
struct Note {
    block: BlockId,
    row: usize,
    colour: String,
}

/// What reading the rows found out.
struct Rows {
    canvas: Canvas,
    notes: Vec<Note>,
    findings: Vec<Finding>,
    ids: Ids,
    language: Option<Language>,
}

pub fn read(path: &Path, text: &str, columns: &Columns, flag: Option<Language>) -> Result<Imported, Invalid> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = delimiter(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(record) => record.map_err(|e| syntax(path, text, &e))?,
        None => ::csv::StringRecord::new(),
    };
    let cells: Vec<&str> = header.iter().collect();
    let (mapping, unread) = Mapping::new(&cells, columns).map_err(|p| Invalid::new(path, p).at(text, 0))?;
    let mut rows = Rows {
        canvas: Canvas::default(),
        notes: Vec::new(),
        findings: unread
            .into_iter()
            .map(|name| Finding {
                at: Place::Row(1),
                what: What::Unread { name },
            })
            .collect(),
        ids: Ids::default(),
        language: None,
    };
    for (n, record) in records.enumerate() {
        let record = record.map_err(|e| syntax(path, text, &e))?;
        let row = Row {
            record: &record,
            mapping: &mapping,
            number: n + 2,
        };
        rows.add(&row).map_err(|(field, problem)| {
            let start = record
                .position()
                .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
            let offset = mapping
                .column(field)
                .map_or(start, |c| cell_offset(text, start, c, delimiter));
            let problem = Problem::Import(ImportProblem::InRow {
                row: row.number,
                column: mapping.header(field),
                problem: Box::new(problem),
            });
            Invalid::new(path, problem).at(text, offset)
        })?;
    }
    Ok(rows.finish(path, flag))
}

/// The delimiter of the header line: comma, semicolon (spreadsheets in German and Dutch) or tab.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (first.bytes().filter(|&b| b == d).count(), d == b','))
        .unwrap_or(b',')
}

fn syntax(path: &Path, text: &str, error: &::csv::Error) -> Invalid {
    let invalid = Invalid::new(
        path,
        Problem::Syntax {
            detail: error.to_string(),
        },
    );
    let offset = error.position().and_then(|p| usize::try_from(p.byte()).ok());
    invalid.near(text, offset)
}

/// One data row and how to read its cells.
struct Row<'a> {
    record: &'a ::csv::StringRecord,
    mapping: &'a Mapping,
    /// The row's number as a spreadsheet shows it, the header being row 1.
    number: usize,
}

impl Row<'_> {
    fn cell(&self, field: Field) -> &str {
        let cell = self.mapping.column(field).and_then(|n| self.record.get(n));
        unguard(cell.unwrap_or(""))
    }

    fn is_blank(&self) -> bool {
        self.record.iter().all(|cell| cell.trim().is_empty())
    }

    /// The note of this row: a problem names the field it is in.
    fn item(&self) -> Result<Item, (Field, Problem)> {
        let status = match self.cell(Field::Status).trim().to_lowercase().as_str() {
            "" => Status::Assumption,
            given => Status::ALL.into_iter().find(|s| s.id() == given).ok_or_else(|| {
                (
                    Field::Status,
                    Problem::Import(ImportProblem::UnknownStatus {
                        value: given.to_owned(),
                    }),
                )
            })?,
        };
        let note = self.cell(Field::Note);
        let evidence = self.cell(Field::Evidence);
        Ok(Item {
            id: self.cell(Field::Id).trim().to_owned(),
            text: self.cell(Field::Text).to_owned(),
            links: self
                .cell(Field::Links)
                .split([',', ';', ' ', '\t', '\n', '\r'])
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            categories: categories(self.cell(Field::Categories)).map_err(|p| (Field::Categories, p))?,
            note: (!note.is_empty()).then(|| note.to_owned()),
            status,
            evidence: match evidence {
                "" => Vec::new(),
                _ => evidence
                    .split('\n')
                    .map(|e| Evidence::from(e.trim_end_matches('\r')))
                    .collect(),
            },
            amount: None,
        })
    }
}

/// An item's own choices from `group: option, option; group: option`.
fn categories(cell: &str) -> Result<IndexMap<String, Vec<String>>, Problem> {
    let mut chosen = IndexMap::new();
    for part in cell.split(';').filter(|p| !p.trim().is_empty()) {
        let Some((group, options)) = part.split_once(':') else {
            return Err(Problem::Import(ImportProblem::CategoriesSyntax {
                value: part.trim().to_owned(),
            }));
        };
        let options = options
            .split([',', ' '])
            .filter(|o| !o.is_empty())
            .map(str::to_owned)
            .collect();
        chosen.insert(group.trim().to_owned(), options);
    }
    Ok(chosen)
}

impl Rows {
    fn add(&mut self, row: &Row<'_>) -> Result<(), (Field, Problem)> {
        if row.is_blank() {
            return Ok(());
        }
        let at = Place::Row(row.number);
        let Some((block, language)) = block_named(row.cell(Field::Block)) else {
            self.findings.push(Finding {
                at,
                what: What::Kept {
                    holder: Holder::Block(BlockId::CustomerSegments),
                    key: row.cell(Field::Block).trim().to_owned(),
                    value: row.cell(Field::Text).to_owned(),
                    why: Why::UnknownBlock,
                },
            });
            return Ok(());
        };
        self.language = self.language.or(language);
        let item = row.item()?;
        if !item.id.is_empty() {
            self.ids.add(&item.id, block, at).map_err(|p| (Field::Id, p))?;
        }
        self.canvas.block_mut(block).items.push(item);
        self.notes.push(Note {
            block,
            row: row.number,
            colour: row.cell(Field::Colour).trim().to_lowercase(),
        });
        Ok(())
    }

    /// Gives ids to the notes without one, links colours to segments and lists links to nothing.
    fn finish(mut self, path: &Path, flag: Option<Language>) -> Imported {
        let mut counts = [0; 9];
        let mut places = Vec::with_capacity(self.notes.len());
        for note in &self.notes {
            let n = counts[note.block.index()];
            counts[note.block.index()] += 1;
            if self.canvas.block(note.block).items[n].id.is_empty() {
                let id = self.canvas.next_item_id(note.block);
                let _ = self.ids.add(&id, note.block, Place::Row(note.row));
                self.findings.push(Finding {
                    at: Place::Row(note.row),
                    what: What::NewId { item: id.clone() },
                });
                self.canvas.block_mut(note.block).items[n].id = id;
            }
            places.push(n);
        }
        self.link_colours(&places);
        self.findings.extend(self.ids.dangling(&self.canvas));
        let meta = &mut self.canvas.meta;
        meta.title = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        meta.language = Language::choose(flag, self.language.map(Language::code))
            .code()
            .to_owned();
        Imported {
            canvas: self.canvas,
            findings: self.findings,
        }
    }

    /// Links each note of a block that serves segments to the one segment sharing its colour.
    fn link_colours(&mut self, places: &[usize]) {
        let segments = BlockId::CustomerSegments;
        let mut by_colour: IndexMap<&str, Vec<String>> = IndexMap::new();
        for (note, &n) in self.notes.iter().zip(places) {
            if note.block == segments && !note.colour.is_empty() {
                let id = self.canvas.block(segments).items[n].id.clone();
                by_colour.entry(note.colour.as_str()).or_default().push(id);
            }
        }
        for (note, &n) in self.notes.iter().zip(places) {
            if note.colour.is_empty() || !note.block.link_targets().contains(&segments) {
                continue;
            }
            let item = &mut self.canvas.block_mut(note.block).items[n];
            let at = Place::Row(note.row);
            let what = match by_colour.get(note.colour.as_str()).map(Vec::as_slice) {
                Some([segment]) if item.links.contains(segment) => continue,
                Some([segment]) => {
                    item.links.push(segment.clone());
                    What::ColourLink {
                        item: item.id.clone(),
                        colour: note.colour.clone(),
                        segment: segment.clone(),
                    }
                }
                found => What::ColourUnclear {
                    item: item.id.clone(),
                    colour: note.colour.clone(),
                    segments: found.map_or(0, <[String]>::len),
                },
            };
            self.findings.push(Finding { at, what });
        }
    }
}

#[cfg(test)]
mod tests;
