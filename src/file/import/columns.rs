//! Which CSV column holds which field: named by the header row (the export's names and the
//! usual names of whiteboard tools), or as `--columns FIELD=HEADER` says.

use crate::error::{ImportProblem, Problem};
use crate::render::csv::Field;

/// The `--columns` a user gave: a field and the header (or 1-based column number) holding it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Columns {
    given: Vec<(Field, String)>,
}

impl Columns {
    /// Reads `FIELD=HEADER` pairs; an unknown field or a pair without `=` is refused.
    pub fn parse(pairs: &[String]) -> Result<Columns, Problem> {
        let mut given = Vec::new();
        for pair in pairs {
            let Some((field, header)) = pair.split_once('=') else {
                return Err(Problem::Import(ImportProblem::ColumnsSyntax {
                    given: pair.clone(),
                }));
            };
            let field = normal(field);
            let Some(field) = Field::ALL
                .into_iter()
                .find(|f| f.name() == field || (f.name() == "colour" && field == "color"))
            else {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
                return Err(Problem::SetKey {
                    key: field,
                    known: known.join(", "),
                });
            };
            given.push((field, header.trim().to_owned()));
        }
        Ok(Columns { given })
    }
}

/// A header or field name compared loosely: lower case, `_` and `-` as spaces, spaces collapsed.
fn normal(name: &str) -> String {
    let spaced = name.to_lowercase().replace(['_', '-'], " ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Field → column index, for the fields the file has.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Mapping {
    index: [Option<usize>; Field::ALL.len()],
    header: Vec<String>,
}

impl Mapping {
    /// Maps the header row: `--columns` first, then each field by its name or aliases. Returns
    /// the mapping and the headers of the columns nothing reads.
    pub fn new(header: &[&str], columns: &Columns) -> Result<(Mapping, Vec<String>), Problem> {
        let names: Vec<String> = header.iter().map(|h| normal(h)).collect();
        let mut mapping = Mapping {
            index: [None; Field::ALL.len()],
            header: header.iter().map(|h| h.trim().to_owned()).collect(),
        };
        let found = || mapping_list(header);
        for (field, wanted) in &columns.given {
            let at = names
                .iter()
                .position(|n| *n == normal(wanted))
                .or_else(|| {
                    wanted
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=header.len()).contains(n))
                        .map(|n| n - 1)
                })
                .ok_or_else(|| {
                    Problem::Import(ImportProblem::ColumnNotFound {
                        header: wanted.clone(),
                        found: found(),
                    })
                })?;
            mapping.index[*field as usize] = Some(at);
        }
        for field in Field::ALL {
            if mapping.index[field as usize].is_some() {
                continue;
            }
            let taken = |n: usize| mapping.index.contains(&Some(n));
            let at = (0..names.len()).find(|&n| {
                !taken(n) && (names[n] == field.name() || field.aliases().contains(&names[n].as_str()))
            });
            mapping.index[field as usize] = at;
        }
        for field in [Field::Block, Field::Text] {
            if mapping.index[field as usize].is_none() {
                return Err(Problem::Import(ImportProblem::ColumnMissing {
                    field: field.name(),
                    found: found(),
                }));
            }
        }
        let unread = (0..header.len())
            .filter(|n| !mapping.index.contains(&Some(*n)) && !header[*n].trim().is_empty())
            .map(|n| header[n].trim().to_owned())
            .collect();
        Ok((mapping, unread))
    }

    /// The column holding `field`, if any.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.index[field as usize]
    }

    /// The header of the column holding `field`, as the file writes it, for messages.
    pub fn header(&self, field: Field) -> String {
        self.column(field)
            .and_then(|n| self.header.get(n).cloned())
            .unwrap_or_else(|| field.name().to_owned())
    }
}

/// The headers of a file, for messages.
fn mapping_list(header: &[&str]) -> String {
    let names: Vec<&str> = header
        .iter()
        .map(|h| h.trim())
        .filter(|h| !h.is_empty())
        .collect();
    if names.is_empty() {
        "—".to_owned()
    } else {
        names.join(", ")
    }
}

/// The byte offset in `text` where cell `n` of the record starting at `start` begins, counting
/// quoted cells, which may hold the delimiter and line ends.
pub fn cell_offset(text: &str, start: usize, n: usize, delimiter: u8) -> usize {
    let bytes = text.as_bytes();
    let (mut at, mut cell, mut quoted) = (start.min(bytes.len()), 0, false);
    while cell < n && at < bytes.len() {
        match bytes[at] {
            b'"' => quoted = !quoted,
            b if b == delimiter && !quoted => cell += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(given: &[&str]) -> Result<Columns, Problem> {
        Columns::parse(&given.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn headers_map_by_name_alias_and_override() {
        let (mapping, unread) = Mapping::new(
            &["Frame", "Content", "Sticky Color", "Author"],
            &Columns::default(),
        )
        .unwrap();
        assert_eq!(mapping.column(Field::Block), Some(0));
        assert_eq!(mapping.column(Field::Text), Some(1));
        assert_eq!(mapping.column(Field::Colour), Some(2));
        assert_eq!(unread, ["Author"]);
        let columns = pairs(&["block=Author", "text=2", "color=sticky_color"]).unwrap();
        let (mapping, unread) =
            Mapping::new(&["Frame", "Content", "Sticky Color", "Author"], &columns).unwrap();
        assert_eq!(mapping.column(Field::Block), Some(3));
        assert_eq!(mapping.column(Field::Text), Some(1));
        assert_eq!(mapping.header(Field::Block), "Author");
        assert_eq!(unread, ["Frame"]);
    }

    #[test]
    fn missing_fields_unknown_headers_and_bad_pairs_are_refused() {
        let e = Mapping::new(&["Frame", "Author"], &Columns::default()).unwrap_err();
        assert!(
            matches!(
                e,
                Problem::Import(ImportProblem::ColumnMissing { field: "text", .. })
            ),
            "{e:?}"
        );
        let e = Mapping::new(&["a", "b"], &pairs(&["block=c"]).unwrap()).unwrap_err();
        assert!(
            matches!(e, Problem::Import(ImportProblem::ColumnNotFound { .. })),
            "{e:?}"
        );
        assert!(matches!(
            pairs(&["block"]),
            Err(Problem::Import(ImportProblem::ColumnsSyntax { .. }))
        ));
        assert!(matches!(pairs(&["shape=x"]), Err(Problem::SetKey { .. })));
    }

    #[test]
    fn cells_are_found_past_quoted_delimiters_and_line_ends() {
        let text = "a,b\nx,\"1,\n2\",z\n";
        assert_eq!(cell_offset(text, 4, 0, b','), 4);
        assert_eq!(cell_offset(text, 4, 2, b','), 13);
        assert_eq!(&text[13..14], "z");
    }
}
