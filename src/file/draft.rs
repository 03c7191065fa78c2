//! Drafts and backups beside a canvas: `FILE.draft` holds the finished blocks of an interview
//! under way, `FILE.bak` the version before the last revision.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{atomic, document, parse, read, store};
use crate::error::{self, Error, Invalid, Problem};
use crate::gaps::GapReport;
use crate::model::{BlockId, Canvas};

/// Where the answers of finished blocks wait while an interview is under way.
pub fn draft_path(path: &Path) -> PathBuf {
    with_suffix(path, ".draft")
}

/// Where the previous version of a revised canvas is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The interview's place, stored in the draft's `[draft]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The blocks the interview walks, in order.
    pub blocks: Vec<BlockId>,
    /// Position in `blocks` to resume from.
    pub next: usize,
    /// The iteration being revised; absent for a new canvas.
    pub revision_of: Option<u32>,
    /// The canvas file's text when the interview started: on resume, changes made to the file
    /// since are kept and ours applied on top. Absent for a new canvas (`new_canvas`), and
    /// left out when it would make the draft too large to read back.
    #[serde(default)]
    pub base: Option<String>,
    /// The interview started on a canvas that did not exist yet.
    #[serde(default)]
    pub new_canvas: bool,
    /// The blocks finished, not walked again on resume.
    #[serde(default)]
    pub done: Vec<BlockId>,
    /// Whether the person chose to save and quit, rather than being interrupted.
    #[serde(default)]
    pub paused: bool,
}

/// A draft holds the canvas so far and the text it started from: at most twice a canvas.
const DRAFT_MAX_BYTES: u64 = 2 * store::MAX_FILE_BYTES + 64 * 1024;

#[derive(Serialize, Deserialize)]
struct DraftFile {
    draft: Place,
}

/// A draft as read: the canvas so far and where to resume.
pub struct Draft {
    pub canvas: Canvas,
    pub place: Place,
}

/// Reads the draft of the canvas at `path`, if there is one.
pub fn load(path: &Path) -> Result<Option<Draft>, Error> {
    let path = draft_path(path);
    let Some(text) = read::text_if_any_up_to(&path, DRAFT_MAX_BYTES)? else {
        return Ok(None);
    };
    let canvas = parse::canvas(&path, &text)?;
    let DraftFile { draft: place } =
        toml::from_str(&text).map_err(|e| error::from_toml(&path, &text, e.message(), e.span()))?;
    if place.blocks.is_empty() || place.next > place.blocks.len() {
        return Err(Invalid::new(&path, Problem::DraftOutOfRange).into());
    }
    Ok(Some(Draft { canvas, place }))
}

/// Saves the canvas so far and the place to resume from.
pub fn save(path: &Path, canvas: &Canvas, report: &GapReport, place: &Place) -> Result<(), Error> {
    let mut text = document::render(None, canvas, report);
    text.push_str("\n# Where the interrupted interview stands; removed once it is finished.\n");
    let mut state = DraftFile { draft: place.clone() };
    let mut place_text = toml::to_string(&state).expect("the draft state serialises");
    if (text.len() + place_text.len()) as u64 > DRAFT_MAX_BYTES {
        state.draft.base = None;
        place_text = toml::to_string(&state).expect("the draft state serialises");
    }
    text.push_str(&place_text);
    atomic::write_like(&draft_path(path), &text, path)
}

/// After a save part-way, the draft goes on from the canvas just written: its base becomes that
/// text, so resuming does not take our own save for someone else's change.
pub fn rest_on_saved(path: &Path) -> Result<(), Error> {
    let draft = draft_path(path);
    let (Some(text), Some(saved)) = (
        read::text_if_any_up_to(&draft, DRAFT_MAX_BYTES)?,
        read::text_if_any(path)?,
    ) else {
        return Ok(());
    };
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| error::from_toml(&draft, &text, e.message(), e.span()))?;
    let place = doc["draft"].as_table_like_mut();
    let Some(place) = place else {
        return Err(Invalid::new(&draft, Problem::DraftOutOfRange).into());
    };
    place.insert("new_canvas", toml_edit::value(false));
    let fits = (text.len() + saved.len()) as u64 <= DRAFT_MAX_BYTES;
    if fits {
        place.insert("base", toml_edit::value(saved));
    } else {
        place.remove("base");
    }
    atomic::write_like(&draft, &doc.to_string(), path)
}

/// Removes the draft of the canvas at `path`; no draft is fine.
pub fn remove(path: &Path) -> Result<(), Error> {
    let draft = draft_path(path);
    match fs::remove_file(&draft) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::Write {
            path: draft,
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Keeps the text of the canvas as it was before a revision; returns where.
pub fn back_up(path: &Path, text: &str) -> Result<PathBuf, Error> {
    let backup = backup_path(path);
    atomic::write_like(&backup, text, path)?;
    Ok(backup)
}
