//! Reading canvas files for every command: to look at them, or to rewrite them in place.

use std::path::Path;

use toml_edit::DocumentMut;

use super::{parse, store};
use crate::error::{self, Error};
use crate::model::Canvas;

/// A canvas file as read: the model, the document to rewrite in place and the exact text.
pub struct Loaded {
    pub canvas: Canvas,
    pub doc: DocumentMut,
    pub text: String,
}

/// Reads and parses a canvas file to rewrite it; `Ok(None)` when there is no file yet.
pub fn load(path: &Path) -> Result<Option<Loaded>, Error> {
    let Some(text) = text_if_any(path)? else {
        return Ok(None);
    };
    let canvas = parse::canvas(path, &text)?;
    let doc = text
        .parse::<DocumentMut>()
        .map_err(|e| error::from_toml(path, &text, e.message(), e.span()))?;
    Ok(Some(Loaded { canvas, doc, text }))
}

/// Reads a canvas that must exist: a missing file is an error in the system's words.
pub fn canvas(path: &Path) -> Result<Canvas, Error> {
    let text = store::read_text(path)?;
    Ok(parse::canvas(path, &text)?)
}

/// A file's text, or `None` when there is no such file.
pub fn text_if_any(path: &Path) -> Result<Option<String>, Error> {
    match store::read_text(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if store::is_not_found(&e) => Ok(None),
        Err(e) => Err(e),
    }
}
