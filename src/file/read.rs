//! Reading canvas files for every command: to look at them, or to rewrite them in place.

use std::path::Path;

use toml_edit::DocumentMut;

use super::{parse, store};
use crate::error::{self, Error};
use crate::model::Canvas;

/// A canvas file as read: the model, the document to rewrite in place, the exact text and how
/// the file writes its lines.
pub struct Loaded {
    pub canvas: Canvas,
    pub doc: DocumentMut,
    pub text: String,
    pub style: Style,
}

/// How a user's file writes line ends and whether it opens with a byte-order mark; a rewrite
/// keeps both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    bom: bool,
    crlf: bool,
}

const BOM: char = '\u{feff}';

impl Style {
    fn of(text: &str) -> Style {
        let first_line_end = text.find('\n');
        Style {
            bom: text.starts_with(BOM),
            crlf: first_line_end.is_some_and(|at| text[..at].ends_with('\r')),
        }
    }

    /// The text as the document model edits it: no mark, `\n` line ends.
    fn plain(self, text: &str) -> String {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        if self.crlf {
            text.replace("\r\n", "\n")
        } else {
            text.to_owned()
        }
    }

    /// A rewritten text in the file's own style.
    pub fn apply(self, text: String) -> String {
        let text = if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        };
        if self.bom { format!("{BOM}{text}") } else { text }
    }
}

/// Reads and parses a canvas file to rewrite it; `Ok(None)` when there is no file yet.
pub fn load(path: &Path) -> Result<Option<Loaded>, Error> {
    let Some(text) = text_if_any(path)? else {
        return Ok(None);
    };
    let style = Style::of(&text);
    // Model and document both come from the plain text, so a multi-line value compares equal
    // to what the document holds and is not rewritten with stray carriage returns.
    let plain = style.plain(&text);
    let canvas = parse::canvas(path, &plain)?;
    let doc = plain
        .parse::<DocumentMut>()
        .map_err(|e| error::from_toml(path, &plain, e.message(), e.span()))?;
    Ok(Some(Loaded {
        canvas,
        doc,
        text,
        style,
    }))
}

/// Reads a canvas that must exist: a missing file is an error in the system's words.
pub fn canvas(path: &Path) -> Result<Canvas, Error> {
    let text = store::read_text(path)?;
    Ok(parse::canvas(path, &text)?)
}

/// A file's text, or `None` when there is no such file.
pub fn text_if_any(path: &Path) -> Result<Option<String>, Error> {
    text_if_any_up_to(path, store::MAX_FILE_BYTES)
}

/// As [`text_if_any`], with a limit of `max` bytes.
pub fn text_if_any_up_to(path: &Path, max: u64) -> Result<Option<String>, Error> {
    match store::read_text_up_to(path, max) {
        Ok(text) => Ok(Some(text)),
        Err(e) if store::is_not_found(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_keeps_line_ends_and_the_byte_order_mark() {
        for text in ["a\r\nb\r\n", "\u{feff}a\nb\n", "\u{feff}a\r\nb\r\n", "a\nb\n", ""] {
            let style = Style::of(text);
            let plain = style.plain(text);
            assert!(!plain.contains('\r') && !plain.starts_with(BOM), "{text:?}");
            assert_eq!(style.apply(plain), text);
        }
    }
}
