//! The errors canvas-coach reports. Every one of them ends the run with exit status 2; each says
//! which file is at fault and, where it can, the line and column. They are worded only when
//! printed, in the user's language, by `app`.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::i18n::{Language, Messages, fill};
use crate::render::safe;

mod import;
mod problem;

pub use import::ImportProblem;
pub use problem::{IdKind, Problem};

/// How a value from a file or the command line is written into a message: escaped for a
/// terminal, or as it is for JSON, which escapes it itself.
type Show = fn(&str) -> Cow<'_, str>;

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
    /// A folder this process may not write, where a canvas, its backup or draft would go.
    ReadOnlyFolder(PathBuf),
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
    /// The error in the words of `messages`, its values from files and the command line escaped
    /// so that they cannot act on the terminal.
    pub fn localized(&self, messages: &Messages) -> String {
        self.worded(messages, safe::line)
    }

    /// The error in the words of `messages`, its values exactly as they were given.
    pub fn localized_exact(&self, messages: &Messages) -> String {
        self.worded(messages, |text| Cow::Borrowed(text))
    }

    fn worded(&self, messages: &Messages, show: Show) -> String {
        let e = &messages.errors;
        let shown = |path: &Path| show(&path.display().to_string()).into_owned();
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
            Error::ReadOnlyFolder(path) => fill(&e.read_only_folder, &[("path", &shown(path))]),
            Error::Invalid(invalid) => invalid.worded(messages, show),
            Error::Exists(path) => fill(&e.exists, &[("path", &shown(path))]),
            Error::NeedsTerminal => e.needs_terminal.clone(),
            Error::NoCanvases(paths) => fill(&e.no_canvases, &[("paths", &show(paths))]),
            Error::Prompt(source) => fill(&e.prompt, &[("reason", &os_reason(source))]),
            Error::Usage(problem) => problem.worded(messages, show),
            Error::UnknownLanguage(language) => {
                let known: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
                fill(
                    &e.unknown_language,
                    &[("language", &show(language)), ("known", &known.join(", "))],
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
        self.worded(messages, safe::line)
    }

    fn worded(&self, messages: &Messages, show: Show) -> String {
        let mut out = show(&self.path.display().to_string()).into_owned();
        if let Some((line, column)) = self.position {
            out.push_str(&format!(":{line}:{column}"));
        }
        out.push_str(": ");
        out.push_str(&self.problem.worded(messages, show));
        out
    }
}

impl std::error::Error for Invalid {}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Messages::get(Language::En)))
    }
}

/// Turns an error of the toml or toml_edit parser into one that names the file, line and column.
pub fn from_toml(path: &Path, source: &str, message: &str, span: Option<Range<usize>>) -> Invalid {
    let detail = message.trim_end().to_owned();
    let at = span.map_or_else(|| deepest_key(source), |span| span.start);
    Invalid::new(path, Problem::Syntax { detail }).at(source, at)
}

/// Where the dotted key with the most parts starts, or the start of the text. The parsers give
/// one error without a place, a key of too many parts to nest, and that key is the deepest.
fn deepest_key(source: &str) -> usize {
    use toml_parser::lexer::TokenKind;
    let (mut deepest, mut at) = (0, 0);
    // The dotted key being read: where it starts and its dots so far.
    let mut key: Option<(usize, usize)> = None;
    let mut after_dot = false;
    for token in toml_parser::Source::new(source).lex() {
        match token.kind() {
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString => {
                if !after_dot {
                    key = Some((token.span().start(), 0));
                }
                after_dot = false;
            }
            TokenKind::Dot => {
                if let Some((start, dots)) = &mut key {
                    *dots += 1;
                    after_dot = true;
                    if *dots > deepest {
                        (deepest, at) = (*dots, *start);
                    }
                }
            }
            TokenKind::Whitespace => {}
            _ => (key, after_dot) = (None, false),
        }
    }
    at
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
mod tests;
