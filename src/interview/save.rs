//! Saving what an interview changed. Under the folder lock the canvas is read again; when it
//! changed since the interview read it — another person, another run — our changes are applied
//! on top of what is there now, value by value; where both changed one value, the person is asked,
//! and without a person nothing is written.

use toml_edit::DocumentMut;

use super::prompt::Prompter;
use super::session::{Ending, Session};
use crate::error::{Error, Invalid, Problem};
use crate::file::{self, Loaded, Style, atomic, document, draft, lock, store};
use crate::gaps::GapReport;
use crate::i18n::fill;
use crate::model::{BlockId, Canvas, Conflict, Meta, Pinned, Side, merge};

/// Who settles a value both sides changed.
pub enum Resolver<'p> {
    /// The person at the terminal chooses.
    Ask(&'p mut dyn Prompter),
    /// Nobody can: the save is refused, naming the value.
    Refuse,
}

/// How a save turned out, before it is written.
struct Rebased {
    canvas: Canvas,
    revision_of: Option<u32>,
    merged: bool,
}

impl Session<'_> {
    /// Writes the canvas when anything changed: a changed canvas becomes the next iteration,
    /// dated today, and the version it replaces is kept as a backup. A date or iteration given
    /// explicitly (`pinned`) is written as given instead.
    pub(super) fn save(
        self,
        canvas: Canvas,
        revision_of: Option<u32>,
        pinned: &Pinned,
        paused: bool,
        coached: bool,
        mut resolver: Resolver<'_>,
    ) -> Result<(Ending, Canvas), Error> {
        // Conflicts are settled without the lock, which a question left open would hold for
        // every other save in the folder; the file is then compared again under the lock, and a
        // change in between starts the round over.
        loop {
            let current = file::load(self.path)?;
            let rebased = self.rebase(canvas.clone(), revision_of, current.as_ref(), &mut resolver)?;
            let _lock = lock::lock(self.path)?;
            let now = file::load(self.path)?;
            if now.as_ref().map(|n| &n.text) != current.as_ref().map(|c| &c.text) {
                continue;
            }
            return self.write(rebased, current, pinned, paused, coached);
        }
    }

    /// Saves a change made outside the interview, such as a test or a learning: a change to the
    /// blocks makes the next iteration, tests and learnings alone do not.
    pub fn save_change(self, canvas: Canvas, resolver: Resolver<'_>) -> Result<(Ending, Canvas), Error> {
        let existing = self.existing.as_ref().map(|e| &e.canvas);
        let blocks_changed = |e: &&Canvas| BlockId::ALL.iter().any(|&b| e.block(b) != canvas.block(b));
        let revision_of = existing.filter(blocks_changed).map(|e| e.meta.iteration);
        self.save(canvas, revision_of, &Pinned::default(), false, false, resolver)
    }

    /// Writes what `rebase` made of the canvas over `current`, under the lock.
    fn write(
        &self,
        rebased: Rebased,
        current: Option<Loaded>,
        pinned: &Pinned,
        paused: bool,
        coached: bool,
    ) -> Result<(Ending, Canvas), Error> {
        let mut canvas = rebased.canvas;
        let content_changed = current.as_ref().is_none_or(|c| !same_content(&c.canvas, &canvas));
        // A coach's record of time spent and a given date or iteration are saved, but only a
        // change to the canvas is a new iteration.
        let recorded_changed = current
            .as_ref()
            .is_some_and(|c| c.canvas.sessions != canvas.sessions || pinned.differs(&c.canvas.meta));
        if !content_changed && !recorded_changed {
            return Ok((Ending::Unchanged, canvas));
        }
        if let Some(base) = rebased.revision_of.filter(|_| content_changed) {
            canvas.meta.iteration = Meta::next_iteration(base);
            canvas.meta.date.clone_from(&self.today);
        }
        pinned.apply(&mut canvas.meta);
        if let Some(sitting) = canvas.sessions.last_mut().filter(|_| coached) {
            sitting.iteration = canvas.meta.iteration;
        }
        let style = current.as_ref().map(|c| c.style).unwrap_or_default();
        let (doc, old_text) = match current {
            Some(current) => (Some(current.doc), Some(current.text)),
            None => (None, None),
        };
        // Built first, so that a canvas that cannot be saved leaves its backup as it was.
        let text = self.file_text(doc, &canvas, style)?;
        let backup = match old_text {
            Some(old) => Some(draft::back_up(self.path, &old)?),
            None => None,
        };
        atomic::write_atomic(self.path, &text)?;
        let merged = rebased.merged;
        Ok((
            Ending::Saved {
                paused,
                backup,
                merged,
            },
            canvas,
        ))
    }

    /// The file's new text. The gap report is left out where it would push the canvas over the
    /// size limit, so that what is saved can always be read again.
    /// The text is in the file's own style (line ends, byte-order mark) before it is measured.
    fn file_text(&self, doc: Option<DocumentMut>, canvas: &Canvas, style: Style) -> Result<String, Error> {
        let report = GapReport::new(canvas, self.bank, self.messages);
        let text = style.apply(document::render(doc.clone(), canvas, &report));
        if text.len() as u64 <= store::MAX_FILE_BYTES {
            return Ok(text);
        }
        let text = style.apply(document::render(doc, canvas, &report.score_only()));
        if text.len() as u64 <= store::MAX_FILE_BYTES {
            return Ok(text);
        }
        let max_mib = store::MAX_FILE_BYTES >> 20;
        Err(Invalid::new(self.path, Problem::TooLarge { max_mib }).into())
    }

    /// Our canvas as it should be saved on top of `current`: unchanged when the file is as the
    /// interview read it, else our changes re-applied to what is there now.
    /// A file that is gone (moved or deleted meanwhile) gets our canvas whole, which holds
    /// everything it held.
    fn rebase(
        &self,
        ours: Canvas,
        revision_of: Option<u32>,
        current: Option<&Loaded>,
        resolver: &mut Resolver<'_>,
    ) -> Result<Rebased, Error> {
        let (base, base_text) = self.base();
        let Some(current) = current.filter(|c| Some(c.text.as_str()) != base_text) else {
            return Ok(Rebased {
                canvas: ours,
                revision_of,
                merged: false,
            });
        };
        let theirs = current.canvas.clone();
        let mut failure = None;
        let mut resolve = |conflict: &Conflict| match (&mut *resolver, &failure) {
            (_, Some(_)) => Side::Theirs,
            (Resolver::Ask(prompter), None) => self.ask(conflict, *prompter).unwrap_or_else(|e| {
                failure = Some(e);
                Side::Theirs
            }),
            (Resolver::Refuse, None) => {
                let key = conflict.key.clone();
                failure = Some(Error::Usage(Problem::Conflict { key }));
                Side::Theirs
            }
        };
        let merged = merge(&base, &ours, &theirs, &mut resolve);
        if let Some(error) = failure {
            return Err(error);
        }
        Ok(Rebased {
            canvas: merged,
            revision_of: Some(current.canvas.meta.iteration),
            merged: true,
        })
    }

    /// Which version to keep where both changed a value.
    fn ask(&self, conflict: &Conflict, prompter: &mut dyn Prompter) -> Result<Side, Error> {
        let m = &self.messages.interview;
        let question = fill(&m.conflict, &[("key", &conflict.key)]);
        let choices = [
            fill(&m.conflict_mine, &[("value", &conflict.ours)]),
            fill(&m.conflict_theirs, &[("value", &conflict.theirs)]),
        ];
        match prompter
            .select(&question, &choices, 0)
            .map_err(Error::Prompt)?
            .unwrap_or(0)
        {
            0 => Ok(Side::Ours),
            _ => Ok(Side::Theirs),
        }
    }
}

/// Whether two canvases say the same, apart from what a save sets — the date, the iteration and
/// the language of the bank it was revised with — and the record of coach-mode sittings.
fn same_content(a: &Canvas, b: &Canvas) -> bool {
    let mut b = b.clone();
    b.sessions.clone_from(&a.sessions);
    b.meta.date.clone_from(&a.meta.date);
    b.meta.iteration = a.meta.iteration;
    b.meta.language.clone_from(&a.meta.language);
    *a == b
}
