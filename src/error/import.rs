//! What can be wrong with a file to import, or with how the import was asked for.

use crate::i18n::{Messages, fill};
use crate::model::Status;

use super::{Problem, Show};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// An import source whose kind the name does not tell.
    UnknownSource,
    /// A field of a CSV import that no column holds.
    ColumnMissing {
        field: &'static str,
        found: String,
    },
    /// A `--columns` value that names a header the file does not have.
    ColumnNotFound {
        header: String,
        found: String,
    },
    ColumnsSyntax {
        given: String,
    },
    UnknownStatus {
        value: String,
    },
    /// A CSV `categories` cell that is not `GROUP: OPTION, …; …`.
    CategoriesSyntax {
        value: String,
    },
    /// A problem in one row of a CSV file: its number as a spreadsheet shows it, and the column.
    InRow {
        row: usize,
        column: String,
        problem: Box<Problem>,
    },
}

impl ImportProblem {
    pub(super) fn worded(&self, messages: &Messages, show: Show) -> String {
        let e = &messages.errors;
        match self {
            ImportProblem::UnknownSource => e.unknown_source.clone(),
            ImportProblem::ColumnMissing { field, found } => {
                fill(&e.column_missing, &[("field", field), ("found", &show(found))])
            }
            ImportProblem::ColumnNotFound { header, found } => fill(
                &e.column_not_found,
                &[("header", &show(header)), ("found", &show(found))],
            ),
            ImportProblem::ColumnsSyntax { given } => fill(&e.columns_syntax, &[("given", &show(given))]),
            ImportProblem::UnknownStatus { value } => {
                let known: Vec<&str> = Status::ALL.iter().map(|s| s.id()).collect();
                fill(
                    &e.unknown_status,
                    &[("value", &show(value)), ("known", &known.join(", "))],
                )
            }
            ImportProblem::CategoriesSyntax { value } => {
                fill(&e.categories_syntax, &[("value", &show(value))])
            }
            ImportProblem::InRow { row, column, problem } => fill(
                &e.in_row,
                &[
                    ("row", &row.to_string()),
                    ("column", &show(column)),
                    ("problem", &problem.worded(messages, show)),
                ],
            ),
        }
    }
}
