//! The errors canvas-coach reports. Every one of them ends the run with exit status 2; each says
//! which file is at fault and, where it can, the line and column.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },

    #[error("{0}")]
    Invalid(#[from] Invalid),

    #[error(
        "the interview needs a terminal to ask its questions; run it in an interactive shell \
         (use `canvas-coach check FILE` to report on a canvas without one)"
    )]
    NeedsTerminal,

    #[error("no canvas files (*.toml) found in {0}")]
    NoCanvases(String),

    #[error("the terminal stopped answering: {0}")]
    Prompt(#[source] io::Error),
}

/// A file whose content is wrong: where, and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl Invalid {
    pub fn new(path: &Path, message: impl Into<String>) -> Self {
        Invalid {
            path: path.to_path_buf(),
            position: None,
            message: message.into(),
        }
    }

    /// Points the error at a byte offset of `source`, the text that was parsed.
    pub fn at(mut self, source: &str, offset: usize) -> Self {
        self.position = Some(line_and_column(source, offset));
        self
    }
}

impl std::error::Error for Invalid {}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Turns a TOML deserialisation error into one that names the file, line and column.
pub fn from_toml(path: &Path, source: &str, error: &toml::de::Error) -> Invalid {
    let invalid = Invalid::new(path, error.message().trim_end());
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
        let e = Invalid::new(Path::new("c.toml"), "bad").at("x\ny", 2);
        assert_eq!(e.to_string(), "c.toml:2:1: bad");
        assert_eq!(
            Invalid::new(Path::new("c.toml"), "bad").to_string(),
            "c.toml: bad"
        );
    }
}
