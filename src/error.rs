//! The errors canvas-coach reports. Every one of them ends the run with exit status 2; each says
//! which file is at fault and, where it can, the line and column. They are worded only when
//! printed, in the user's language, by `app`.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::{Language, Messages, fill};
use crate::model::BlockId;

/// Everything that can go wrong.
#[derive(Debug)]
pub enum Error {
    Read {
        path: PathBuf,
        source: io::Error,
    },
    Write {
        path: PathBuf,
        source: io::Error,
    },
    /// A canvas (or output) the user made read-only: it is not replaced behind their back.
    ReadOnly(PathBuf),
    /// An import's output that exists and was not to be replaced.
    Exists(PathBuf),
    /// Standard output could not be written (other than a closed pipe).
    Output(io::Error),
    Invalid(Invalid),
    NeedsTerminal,
    NoCanvases(String),
    /// The terminal failed while a question was open.
    Prompt(io::Error),
    UnknownLanguage(String),
    /// A command-line value that cannot be used.
    Usage(Problem),
}

impl From<Invalid> for Error {
    fn from(invalid: Invalid) -> Self {
        Error::Invalid(invalid)
    }
}

/// What the operating system says went wrong, without Rust's "(os error N)" suffix.
fn os_reason(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

impl Error {
    /// The error in the words of `messages`.
    pub fn localized(&self, messages: &Messages) -> String {
        let e = &messages.errors;
        let shown = |path: &Path| path.display().to_string();
        match self {
            Error::Read { path, source } => {
                fill(&e.read, &[("path", &shown(path)), ("reason", &os_reason(source))])
            }
            Error::Write { path, source } => fill(
                &e.write,
                &[("path", &shown(path)), ("reason", &os_reason(source))],
            ),
            Error::Output(source) => fill(&e.output, &[("reason", &os_reason(source))]),
            Error::ReadOnly(path) => fill(&e.read_only, &[("path", &shown(path))]),
            Error::Exists(path) => fill(&e.exists, &[("path", &shown(path))]),
            Error::Invalid(invalid) => invalid.localized(messages),
            Error::NeedsTerminal => e.needs_terminal.clone(),
            Error::NoCanvases(paths) => fill(&e.no_canvases, &[("paths", paths)]),
            Error::Prompt(source) => fill(&e.prompt, &[("reason", &os_reason(source))]),
            Error::Usage(problem) => problem.localized(messages),
            Error::UnknownLanguage(language) => {
                let known: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
                fill(
                    &e.unknown_language,
                    &[("language", language), ("known", &known.join(", "))],
                )
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Messages::get(Language::En)))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. }
            | Error::Write { source, .. }
            | Error::Output(source)
            | Error::Prompt(source) => Some(source),
            Error::Invalid(invalid) => Some(invalid),
            _ => None,
        }
    }
}

/// Which kind of bank id a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Question,
    Group,
    Option,
}

/// What is wrong with a file or a command-line value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The parser's own explanation (TOML, JSON, YAML or CSV), in English whatever the language.
    Syntax {
        detail: String,
    },
    NotUtf8,
    NotAFile,
    TooLarge {
        max_mib: u64,
    },
    FormatMissing {
        known: i64,
    },
    FormatNewer {
        found: i64,
        known: i64,
    },
    FormatUnsupported {
        known: i64,
    },
    EmptyItemId {
        block: BlockId,
    },
    DuplicateItemId {
        id: String,
        block: BlockId,
        first: BlockId,
    },
    EmptyField {
        field: &'static str,
    },
    UnknownBlock {
        name: String,
    },
    BlockTwice {
        block: BlockId,
    },
    BlockMissing {
        block: BlockId,
    },
    BlockFieldEmpty {
        block: BlockId,
        field: &'static str,
    },
    LinksPromptMissing {
        block: BlockId,
    },
    NoQuestions {
        block: BlockId,
    },
    GroupWithoutOptions {
        block: BlockId,
        group: String,
    },
    NotSnakeCase {
        block: BlockId,
        kind: IdKind,
        id: String,
    },
    DuplicateId {
        block: BlockId,
        kind: IdKind,
        id: String,
    },
    DraftOutOfRange,
    SetSyntax {
        given: String,
    },
    SetKey {
        key: String,
        known: String,
    },
    SetValue {
        value: String,
        key: String,
    },
    Required {
        key: String,
    },
    /// A value given without asking that the file changed to something else meanwhile.
    Conflict {
        key: String,
    },
    /// What is wrong with a file to import or with how it was asked for.
    Import(ImportProblem),
}

impl Problem {
    pub(crate) fn localized(&self, messages: &Messages) -> String {
        let e = &messages.errors;
        let kind = |kind: &IdKind| match kind {
            IdKind::Question => e.kind_question.as_str(),
            IdKind::Group => e.kind_group.as_str(),
            IdKind::Option => e.kind_option.as_str(),
        };
        let key = |block: &BlockId| block.key();
        match self {
            Problem::Syntax { detail } => fill(&e.syntax, &[("detail", detail)]),
            Problem::NotUtf8 => e.not_utf8.clone(),
            Problem::NotAFile => e.not_a_file.clone(),
            Problem::TooLarge { max_mib } => fill(&e.too_large, &[("max", &max_mib.to_string())]),
            Problem::FormatMissing { known } => fill(&e.format_missing, &[("known", &known.to_string())]),
            Problem::FormatNewer { found, known } => fill(
                &e.format_newer,
                &[("found", &found.to_string()), ("known", &known.to_string())],
            ),
            Problem::FormatUnsupported { known } => {
                fill(&e.format_unsupported, &[("known", &known.to_string())])
            }
            Problem::EmptyItemId { block } => fill(&e.empty_item_id, &[("block", key(block))]),
            Problem::DuplicateItemId { id, block, first } => fill(
                &e.duplicate_item_id,
                &[("id", id), ("block", key(block)), ("first", key(first))],
            ),
            Problem::EmptyField { field } => fill(&e.empty_field, &[("field", field)]),
            Problem::UnknownBlock { name } => {
                let known: Vec<&str> = BlockId::ALL.iter().map(|b| b.key()).collect();
                fill(&e.unknown_block, &[("name", name), ("known", &known.join(", "))])
            }
            Problem::BlockTwice { block } => fill(&e.block_twice, &[("block", key(block))]),
            Problem::BlockMissing { block } => fill(&e.block_missing, &[("block", key(block))]),
            Problem::BlockFieldEmpty { block, field } => {
                fill(&e.block_field_empty, &[("block", key(block)), ("field", field)])
            }
            Problem::LinksPromptMissing { block } => fill(&e.links_prompt_missing, &[("block", key(block))]),
            Problem::NoQuestions { block } => fill(&e.no_questions, &[("block", key(block))]),
            Problem::GroupWithoutOptions { block, group } => fill(
                &e.group_without_options,
                &[("block", key(block)), ("group", group)],
            ),
            Problem::NotSnakeCase { block, kind: k, id } => fill(
                &e.not_snake_case,
                &[("block", key(block)), ("kind", kind(k)), ("id", id)],
            ),
            Problem::DuplicateId { block, kind: k, id } => fill(
                &e.duplicate_id,
                &[("block", key(block)), ("kind", kind(k)), ("id", id)],
            ),
            Problem::DraftOutOfRange => e.draft_out_of_range.clone(),
            Problem::SetSyntax { given } => fill(&e.set_syntax, &[("given", given)]),
            Problem::SetKey { key, known } => fill(&e.set_key, &[("key", key), ("known", known)]),
            Problem::SetValue { value, key } => fill(&e.set_value, &[("value", value), ("key", key)]),
            Problem::Required { key } => fill(&e.required, &[("key", key)]),
            Problem::Conflict { key } => fill(&e.conflict, &[("key", key)]),
            Problem::Import(problem) => problem.localized(messages),
        }
    }
}

/// A file whose content is wrong: where, and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub problem: Problem,
}

impl Invalid {
    pub fn new(path: &Path, problem: Problem) -> Self {
        Invalid {
            path: path.to_path_buf(),
            position: None,
            problem,
        }
    }

    /// Points the error at a byte offset of `source`, the text that was parsed.
    pub fn at(mut self, source: &str, offset: usize) -> Self {
        self.position = Some(line_and_column(source, offset));
        self
    }

    /// Points the error at `offset` when there is one.
    pub fn near(self, source: &str, offset: Option<usize>) -> Self {
        match offset {
            Some(offset) => self.at(source, offset),
            None => self,
        }
    }

    pub fn localized(&self, messages: &Messages) -> String {
        let mut out = self.path.display().to_string();
        if let Some((line, column)) = self.position {
            out.push_str(&format!(":{line}:{column}"));
        }
        out.push_str(": ");
        out.push_str(&self.problem.localized(messages));
        out
    }
}

impl std::error::Error for Invalid {}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Messages::get(Language::En)))
    }
}

/// Turns a TOML error into one that names the file, line and column.
pub fn from_toml(path: &Path, source: &str, error: &toml::de::Error) -> Invalid {
    let detail = error.message().trim_end().to_owned();
    let invalid = Invalid::new(path, Problem::Syntax { detail });
    match error.span() {
        Some(span) => invalid.at(source, span.start),
        None => invalid,
    }
}

fn line_and_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

mod import;

pub use import::ImportProblem;

#[cfg(test)]
mod tests;
