//! The errors canvas-coach reports. Every one of them ends the run with exit status 2; each says
//! which file is at fault and, where it can, the line and column.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::messages::Messages;

/// Everything that can go wrong. Each variant is worded in the user's language by
/// [`Error::localized`]; `Display` gives the English wording.
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
    Invalid(Invalid),
    NeedsTerminal,
    NoCanvases(String),
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

impl Error {
    /// The error in the words of `messages`.
    pub fn localized(&self, messages: &Messages) -> String {
        let shown = |path: &Path| path.display().to_string();
        match self {
            Error::Read { path, source } => {
                messages.error("read", &[("path", &shown(path)), ("reason", &source.to_string())])
            }
            Error::Write { path, source } => messages.error(
                "write",
                &[("path", &shown(path)), ("reason", &source.to_string())],
            ),
            Error::Invalid(invalid) => invalid.localized(messages),
            Error::NeedsTerminal => messages.error("needs_terminal", &[]),
            Error::NoCanvases(paths) => messages.error("no_canvases", &[("paths", paths)]),
            Error::Prompt(source) => messages.error("prompt", &[("reason", &source.to_string())]),
            Error::Usage(problem) => problem.localized(messages),
            Error::UnknownLanguage(language) => {
                let known: Vec<&str> = crate::bank::BUILTIN.iter().map(|(code, _)| *code).collect();
                messages.error(
                    "unknown_language",
                    &[("language", language), ("known", &known.join(", "))],
                )
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Messages::get("en")))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } | Error::Prompt(source) => Some(source),
            Error::Invalid(invalid) => Some(invalid),
            _ => None,
        }
    }
}

/// What is wrong with a file, as a message key of `[errors]` and the values it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: &'static str,
    values: Vec<(&'static str, String)>,
}

/// Every key a [`Problem`] may have; each language's messages word them all.
pub const PROBLEMS: &[&str] = &[
    "toml",
    "not_utf8",
    "folder",
    "too_large",
    "format_missing",
    "format_newer",
    "format_unsupported",
    "empty_item_id",
    "duplicate_item_id",
    "empty_field",
    "unknown_block",
    "block_twice",
    "block_missing",
    "block_field_empty",
    "links_prompt_missing",
    "no_questions",
    "group_without_options",
    "not_snake_case",
    "duplicate_id",
    "draft_out_of_range",
    "set_syntax",
    "set_key",
    "set_value",
    "required",
];

impl Problem {
    pub fn new(key: &'static str) -> Self {
        debug_assert!(PROBLEMS.contains(&key), "unknown problem {key}");
        Problem {
            key,
            values: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.values.push((name, value.to_string()));
        self
    }

    fn localized(&self, messages: &Messages) -> String {
        let values: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        messages.error(self.key, &values)
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

    /// What is wrong, in English.
    pub fn message(&self) -> String {
        self.problem.localized(Messages::get("en"))
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
        f.write_str(&self.localized(Messages::get("en")))
    }
}

/// Turns a TOML error into one that names the file, line and column. The parser's own
/// explanation is in English whatever the language.
pub fn from_toml(path: &Path, source: &str, error: &toml::de::Error) -> Invalid {
    let invalid = Invalid::new(
        path,
        Problem::new("toml").with("detail", error.message().trim_end()),
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "a = 1\nb = \"ü\" x\n";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 6), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_and_column(text, x), (2, 9));
        assert_eq!(line_and_column(text, 10_000), (3, 1));
    }

    #[test]
    fn display_names_file_line_and_column() {
        let e = Invalid::new(Path::new("c.toml"), Problem::new("folder")).at("x\ny", 2);
        assert_eq!(e.to_string(), "c.toml:2:1: is a folder, not a file");
        let e = Invalid::new(
            Path::new("c.toml"),
            Problem::new("empty_field").with("field", "name"),
        );
        assert_eq!(e.to_string(), "c.toml: `name` is empty");
        assert_eq!(e.localized(Messages::get("de")), "c.toml: `name` ist leer");
    }
}
