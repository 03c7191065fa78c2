//! One interview on one canvas file: starting a new canvas or revising an existing one, resuming
//! an interrupted run from its draft, keeping the previous version as a backup, and the final
//! write. Files are only read until the person has answered; every write is atomic.

use std::io;
use std::path::{Path, PathBuf};

use super::coach::Coaching;
use super::prompt::{Prompter, Say};
use super::save::Resolver;
use super::walk::{Details, Interview, Outcome, Plan, Progress};
use crate::bank::Bank;
use crate::error::{Error, Problem};
use crate::file::draft::{self, Draft, Place};
use crate::file::{self, Loaded};
use crate::gaps::GapReport;
use crate::i18n::{Messages, fill};
use crate::model::{BlockId, Canvas, Given};

/// Where an interview starts: the canvas, the plan and the iteration being revised.
pub(super) struct Start {
    pub canvas: Canvas,
    pub plan: Plan,
    pub revision_of: Option<u32>,
}

/// What a session does besides asking every question.
#[derive(Default)]
pub struct Options<'a> {
    /// Walk only these blocks.
    pub only: Option<Vec<BlockId>>,
    /// Coach mode.
    pub coaching: Option<Coaching<'a>>,
    /// Values supplied without asking.
    pub given: Given,
    /// Ask only the questions that are unanswered or that the gap report points to.
    pub only_gaps: bool,
}

/// How a session ended.
pub enum Ending {
    /// The canvas was written; `paused` when the person saved part-way, `merged` when the file
    /// had changed meanwhile and our changes were applied on top.
    Saved {
        paused: bool,
        backup: Option<PathBuf>,
        merged: bool,
    },
    /// Nothing changed, so nothing was written.
    Unchanged,
    /// The person only wanted the gap report.
    ReportOnly,
}

/// What is on disk before the interview: the canvas, if any, and a draft, if any.
pub struct OnDisk {
    existing: Option<Loaded>,
    draft: Option<Draft>,
}

impl OnDisk {
    /// Reads the canvas and any draft, refusing malformed ones before a question is asked.
    pub fn read(path: &Path) -> Result<OnDisk, Error> {
        Ok(OnDisk {
            draft: draft::load(path)?,
            ..OnDisk::without_draft(path)?
        })
    }

    /// Reads the canvas only, for a run that never resumes a draft (`--no-input`): whatever
    /// state a draft is in, it neither stops the run nor is touched.
    pub fn without_draft(path: &Path) -> Result<OnDisk, Error> {
        Ok(OnDisk {
            existing: file::load(path)?,
            draft: None,
        })
    }

    /// The canvas in the file, if there is one.
    pub fn canvas(&self) -> Option<&Canvas> {
        self.existing.as_ref().map(|e| &e.canvas)
    }

    /// The language the canvas (or its draft) was written in.
    pub fn language(&self) -> Option<&str> {
        let canvas = self.draft.as_ref().map(|d| &d.canvas).or(self.canvas())?;
        Some(canvas.meta.language.as_str())
    }
}

pub struct Session<'a> {
    pub path: &'a Path,
    pub bank: &'a Bank,
    pub messages: &'a Messages,
    pub today: String,
    pub(super) existing: Option<Loaded>,
    draft: Option<Draft>,
    /// The canvas a resumed draft started from, and its text, when the draft recorded it.
    resumed_from: Option<(Canvas, Option<String>)>,
}

impl<'a> Session<'a> {
    pub fn new(
        path: &'a Path,
        on_disk: OnDisk,
        bank: &'a Bank,
        messages: &'a Messages,
        today: String,
    ) -> Self {
        let OnDisk { existing, draft } = on_disk;
        Session {
            path,
            bank,
            messages,
            today,
            existing,
            draft,
            resumed_from: None,
        }
    }

    /// The canvas this interview started from and its text (`None`: there was no file), to
    /// tell whether the file changed since.
    pub(super) fn base(&self) -> (Canvas, Option<&str>) {
        match (&self.resumed_from, &self.existing) {
            (Some((canvas, text)), _) => (canvas.clone(), text.as_deref()),
            (None, Some(existing)) => (existing.canvas.clone(), Some(existing.text.as_str())),
            (None, None) => (Canvas::default(), None),
        }
    }

    /// Runs the interview and writes the result; returns how it ended and the canvas as it now is.
    pub fn run(
        mut self,
        options: Options<'_>,
        prompter: &mut dyn Prompter,
    ) -> Result<(Ending, Canvas), Error> {
        let planned = match self.resume(prompter)? {
            Some(resumed) => Some(resumed),
            None if options.only_gaps => self.gaps_plan(),
            None => self.plan(options.only.clone(), prompter)?,
        };
        let Some(Start {
            mut canvas,
            plan,
            revision_of,
        }) = planned
        else {
            let canvas = self.existing.map(|e| e.canvas).unwrap_or_default();
            return Ok((Ending::ReportOnly, canvas));
        };
        canvas.meta.language.clone_from(&self.bank.language);
        options.given.apply(&mut canvas);
        let coached = options.coaching.is_some();
        let interview = self.interview(options, &canvas);
        let base_text = self.base().1.map(str::to_owned);
        let mut checkpoint = |canvas: &Canvas, stands: Progress<'_>| -> io::Result<()> {
            let place = Place {
                blocks: plan.blocks.clone(),
                next: stands.next,
                revision_of,
                base: base_text.clone(),
                new_canvas: base_text.is_none(),
                done: stands.done.to_vec(),
                paused: stands.paused,
            };
            let report = GapReport::new(canvas, self.bank, self.messages);
            // Carried through the prompter's error type, and taken out again below.
            draft::save(self.path, canvas, &report, &place).map_err(io::Error::other)
        };
        let outcome = interview
            .run(&mut canvas, &plan, prompter, &mut checkpoint)
            .map_err(|e| e.downcast::<Error>().unwrap_or_else(Error::Prompt))?;
        let paused = outcome == Outcome::Paused;
        let path = self.path;
        let ending = self.save(
            canvas,
            revision_of,
            &interview.given.pinned(),
            paused,
            coached,
            Resolver::Ask(prompter),
        )?;
        if paused {
            draft::rest_on_saved(path)?;
        } else {
            draft::remove(path)?;
        }
        Ok(ending)
    }

    /// The interview the options ask for; with only the gaps, it asks the open questions.
    fn interview(&self, options: Options<'a>, canvas: &Canvas) -> Interview<'a> {
        let only_questions = options.only_gaps.then(|| self.open_questions(canvas));
        Interview {
            coaching: options.coaching,
            given: options.given,
            only_questions,
            ..Interview::new(self.bank, self.messages, self.today.clone())
        }
    }

    /// Offers to resume an interrupted interview from its draft, or to discard the draft.
    fn resume(&mut self, prompter: &mut dyn Prompter) -> Result<Option<Start>, Error> {
        let Some(Draft { canvas, place }) = self.draft.take() else {
            return Ok(None);
        };
        let m = &self.messages.session;
        let blocks = self
            .messages
            .count(&self.messages.coach.blocks_count, place.blocks.len());
        // Drafts written before blocks were recorded as done count the blocks before `next`.
        let done = if place.done.is_empty() {
            place.blocks[..place.next].to_vec()
        } else {
            place.done.clone()
        };
        let at = place
            .blocks
            .get(place.next)
            .map_or("—", |&b| self.bank.block(b).title.as_str());
        let found = if place.paused {
            &m.draft_paused
        } else {
            &m.draft_found
        };
        let count = done.len().to_string();
        let said = fill(found, &[("done", &count), ("total", &blocks), ("block", at)]);
        prompter.say(Say::Note(&said));
        let choices = [m.draft_resume.clone(), m.draft_discard.clone()];
        let answer = prompter
            .select(&m.draft_question, &choices, 0)
            .map_err(Error::Prompt)?;
        if answer.unwrap_or(0) != 0 {
            draft::remove(self.path)?;
            return Ok(None);
        }
        if let Some(text) = place.base {
            let canvas = file::parse_canvas(&draft::draft_path(self.path), &text)?;
            self.resumed_from = Some((canvas, Some(text)));
        } else if place.new_canvas {
            self.resumed_from = Some((Canvas::default(), None));
        }
        let plan = Plan {
            blocks: place.blocks,
            start: place.next,
            details: Details::Skip,
            done,
        };
        Ok(Some(Start {
            canvas,
            plan,
            revision_of: place.revision_of,
        }))
    }

    /// Saves what was given, asking nothing: `--no-input`. A new canvas needs at least a title.
    /// With `only_gaps`, every open question must be answered by what was given.
    pub fn run_without_asking(self, given: &Given, only_gaps: bool) -> Result<(Ending, Canvas), Error> {
        let (mut canvas, revision_of) = match &self.existing {
            Some(existing) => (existing.canvas.clone(), Some(existing.canvas.meta.iteration)),
            None => {
                let mut canvas = Canvas::default();
                canvas.meta.date.clone_from(&self.today);
                (canvas, None)
            }
        };
        given.apply(&mut canvas);
        if canvas.meta.title.trim().is_empty() {
            let key = "meta.title".to_owned();
            return Err(Error::Usage(Problem::Required { key }));
        }
        if only_gaps {
            // An answered question a gap points to could be improved, but nothing lacks there.
            let mut open: Vec<(BlockId, String)> = self
                .open_questions(&canvas)
                .into_iter()
                .filter(|(b, q)| canvas.block(*b).answer(q).is_none())
                .collect();
            // The first in the order the interview would ask them.
            let asked_at =
                |b: BlockId, q: &str| self.bank.block(b).questions.iter().position(|x| x.id() == q);
            open.sort_by_key(|(b, q)| (*b, asked_at(*b, q)));
            if let Some((block, question)) = open.first() {
                let key = format!("{block}.{question}");
                return Err(Error::Usage(Problem::Required { key }));
            }
        }
        canvas.meta.language.clone_from(&self.bank.language);
        self.save(
            canvas,
            revision_of,
            &given.pinned(),
            false,
            false,
            Resolver::Refuse,
        )
    }
}
