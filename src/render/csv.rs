//! The canvas as CSV, one row per sticky note, in the columns `import` reads back: a spreadsheet
//! round trip keeps every note. The columns are defined here, and the importer reads by them.
//! Cells that a spreadsheet would run as a formula are guarded with a leading `'`.

use super::colour;
use crate::bank::Bank;
use crate::model::{BlockId, Canvas, Item};

/// The columns, in the order the export writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Block,
    Id,
    Text,
    Links,
    Colour,
    Categories,
    Note,
    Status,
    Evidence,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Block,
        Field::Id,
        Field::Text,
        Field::Links,
        Field::Colour,
        Field::Categories,
        Field::Note,
        Field::Status,
        Field::Evidence,
    ];

    /// The header the export writes, and the name `--columns` takes.
    pub fn name(self) -> &'static str {
        match self {
            Field::Block => "block",
            Field::Id => "id",
            Field::Text => "text",
            Field::Links => "links",
            Field::Colour => "colour",
            Field::Categories => "categories",
            Field::Note => "note",
            Field::Status => "status",
            Field::Evidence => "evidence",
        }
    }

    /// Other headers that mean the same, as whiteboard tools and people write them (compared in
    /// lower case, with `_` and `-` read as spaces).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Block => &["frame", "area", "section", "baustein", "bouwsteen", "blok"],
            Field::Id => &["key", "note id"],
            Field::Text => &["content", "sticky", "sticky note", "tekst", "inhalt"],
            Field::Links => &["link", "linked to", "links to", "verknüpfungen", "koppelingen"],
            Field::Colour => &["color", "sticky color", "fill", "farbe", "kleur"],
            Field::Categories => &["choices", "kategorien", "categorieën"],
            Field::Note => &["comment", "remark", "notiz", "opmerking"],
            Field::Status => &["state"],
            Field::Evidence => &["belege", "bewijs"],
        }
    }
}

/// Separates links in a cell; the importer also takes `;` and spaces.
const LINK_SEPARATOR: &str = ", ";

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell, past any leading apostrophes, starts like a formula.
fn looks_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A cell as written: one more leading `'` where a spreadsheet would run it.
pub fn guard(cell: &str) -> String {
    if looks_like_formula(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A cell as read: the guard taken off again.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

/// An item's own choices in one cell: `group: option, option; group: option`.
pub fn categories_cell(item: &Item) -> String {
    let groups: Vec<String> = item
        .categories
        .iter()
        .map(|(group, options)| format!("{group}: {}", options.join(", ")))
        .collect();
    groups.join("; ")
}

pub fn csv(canvas: &Canvas, bank: &Bank) -> String {
    let served = canvas.segments_served();
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let header = Field::ALL.map(Field::name);
    out.write_record(header).expect("writing to memory");
    for block in BlockId::ALL {
        let title = &bank.block(block).title;
        for item in &canvas.block(block).items {
            let colour = served
                .get(item.id.as_str())
                .and_then(|segments| segments.first())
                .map_or("", |&n| colour(n));
            let row = [
                title.clone(),
                item.id.clone(),
                item.text.clone(),
                item.links.join(LINK_SEPARATOR),
                colour.to_owned(),
                categories_cell(item),
                item.note.clone().unwrap_or_default(),
                item.status.id().to_owned(),
                item.evidence
                    .iter()
                    .map(|e| e.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ];
            out.write_record(row.iter().map(|cell| guard(cell)))
                .expect("writing to memory");
        }
    }
    let bytes = out.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("the cells are text")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_the_guard_comes_off_exactly() {
        for cell in ["=1+1", "'=1", "''@x", "-5 EUR", "plain", "'quoted", "", "it's"] {
            assert_eq!(unguard(&guard(cell)), cell);
        }
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("'a"), "'a");
    }
}
