//! The interview: greets, asks the canvas details, then walks the nine blocks in the recommended
//! order, each as a conversation of steps, with a coach's check after each. Finished blocks are
//! not walked again unless the person goes to one. It talks to the person only through a
//! [`Prompter`], and changes the canvas it is given.

use std::collections::HashSet;
use std::io;

use super::coach::Coaching;
use super::prompt::{Prompter, Say};
use super::steps::BlockEnd;
use crate::bank::Bank;
use crate::i18n::{Messages, fill};
use crate::model::{BlockId, Canvas, Given, Sitting};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every block was walked.
    Finished,
    /// The person chose to save and stop part-way.
    Paused,
}

pub struct Interview<'a> {
    pub bank: &'a Bank,
    pub messages: &'a Messages,
    /// `YYYY-MM-DD`, offered for a new canvas's date.
    pub today: String,
    /// Facilitator notes, timeboxes and a record of the sitting, for coaches.
    pub coaching: Option<Coaching<'a>>,
    /// Values supplied without asking; their questions are skipped.
    pub given: Given,
    /// When set, only these guiding questions are asked, and no choices or items.
    pub only_questions: Option<HashSet<(BlockId, String)>>,
}

/// Which blocks to walk, from where, and how much of the canvas details to ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub blocks: Vec<BlockId>,
    /// Position in `blocks` to start at; details are asked only when starting at 0.
    pub start: usize,
    pub details: Details,
    /// Blocks finished in an earlier run, not walked again.
    pub done: Vec<BlockId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Details {
    /// A new canvas: title, designed for, designed by and date.
    All,
    /// A revision: the names only; date and iteration follow from what changed.
    Names,
    Skip,
}

impl Plan {
    /// These blocks from the first one.
    pub fn of(blocks: Vec<BlockId>, details: Details) -> Plan {
        Plan {
            blocks,
            start: 0,
            details,
            done: Vec::new(),
        }
    }
}

/// Where the walk stands, for a draft: the position to resume from and the blocks done.
pub struct Progress<'p> {
    pub next: usize,
    pub done: &'p [BlockId],
    /// The person chose to save and quit here.
    pub paused: bool,
}

/// Where to go after a block, or from the navigation menu.
pub(super) enum Go {
    /// To this position in the plan; `None` when every block is done.
    To(Option<usize>),
    SaveAndQuit,
}

type Checkpoint<'c> = dyn FnMut(&Canvas, Progress<'_>) -> io::Result<()> + 'c;

impl<'a> Interview<'a> {
    pub fn new(bank: &'a Bank, messages: &'a Messages, today: String) -> Self {
        Interview {
            bank,
            messages,
            today,
            coaching: None,
            given: Given::default(),
            only_questions: None,
        }
    }

    /// Walks `plan`; after the details and after every block, `checkpoint` gets the canvas and
    /// where the walk stands, so a caller can keep a draft. A finished block is not walked again
    /// unless the person goes to it.
    pub fn run(
        &self,
        canvas: &mut Canvas,
        plan: &Plan,
        prompter: &mut dyn Prompter,
        checkpoint: &mut Checkpoint<'_>,
    ) -> io::Result<Outcome> {
        if plan.start == 0 && plan.details != Details::Skip {
            self.welcome(prompter);
            self.ask_details(canvas, plan.details, prompter)?;
            let stands = Progress {
                next: 0,
                done: &[],
                paused: false,
            };
            checkpoint(canvas, stands)?;
        }
        self.start_sitting(canvas, prompter);
        let mut done: Vec<BlockId> = plan.done.clone();
        let mut position = Some(plan.start).filter(|&p| p < plan.blocks.len());
        while let Some(at) = position {
            let block = plan.blocks[at];
            prompter.progress(at + 1, plan.blocks.len(), &self.progress_label(plan, at));
            let before = self.gaps_in(block, canvas);
            let started = self.coaching.as_ref().map(|c| c.clock.seconds());
            if self.ask_block(block, canvas, prompter)? == BlockEnd::Back {
                match self.navigate(plan, at, prompter)? {
                    Go::To(to) => position = to.or(Some(at)),
                    Go::SaveAndQuit => return self.pause(canvas, plan, at, &done, checkpoint),
                }
                continue;
            }
            if let Some(started) = started {
                self.record_time(block, started, canvas, prompter);
            }
            if !done.contains(&block) {
                done.push(block);
            }
            let next = next_open(plan, at, &done);
            let stands = Progress {
                next: next.unwrap_or(plan.blocks.len()),
                done: &done,
                paused: false,
            };
            checkpoint(canvas, stands)?;
            match self.check_block(block, &before, canvas, plan, next, prompter)? {
                Go::To(to) => position = to,
                Go::SaveAndQuit => return self.pause(canvas, plan, at, &done, checkpoint),
            }
        }
        self.offer_riskiest_test(canvas, prompter)?;
        Ok(Outcome::Finished)
    }

    /// Saves the place and stops: the walk resumes at the first open block from `at` next time.
    fn pause(
        &self,
        canvas: &Canvas,
        plan: &Plan,
        at: usize,
        done: &[BlockId],
        checkpoint: &mut Checkpoint<'_>,
    ) -> io::Result<Outcome> {
        let next = match done.contains(&plan.blocks[at]) {
            true => next_open(plan, at, done).unwrap_or(plan.blocks.len()),
            false => at,
        };
        let paused = true;
        checkpoint(canvas, Progress { next, done, paused })?;
        Ok(Outcome::Paused)
    }

    /// In coach mode, where the last sitting stopped, and a record of this one.
    fn start_sitting(&self, canvas: &mut Canvas, prompter: &mut dyn Prompter) {
        if let Some(coaching) = &self.coaching {
            self.show_last_session(canvas, prompter);
            let record = Sitting {
                iteration: canvas.meta.iteration,
                started: coaching.started.clone(),
                ..Default::default()
            };
            canvas.sessions.push(record);
        }
    }

    fn progress_label(&self, plan: &Plan, position: usize) -> String {
        let n = (position + 1).to_string();
        let total = plan.blocks.len().to_string();
        let title = &self.bank.block(plan.blocks[position]).title;
        fill(
            &self.messages.interview.progress,
            &[("n", &n), ("total", &total), ("block", title)],
        )
    }

    fn welcome(&self, prompter: &mut dyn Prompter) {
        let m = &self.messages.interview;
        let blocks: Vec<&str> = BlockId::ALL
            .iter()
            .map(|&b| self.bank.block(b).title.as_str())
            .collect();
        prompter.say(Say::Heading(&m.welcome_title));
        prompter.say(Say::Paragraph(&fill(
            &m.welcome,
            &[("blocks", &blocks.join(", "))],
        )));
    }

    fn ask_block(
        &self,
        id: BlockId,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<BlockEnd> {
        let asked = self.bank.block(id);
        prompter.say(Say::Heading(&asked.title));
        prompter.say(Say::Paragraph(&asked.explanation));
        if let (Some(_), Some(notes)) = (&self.coaching, &asked.coach) {
            let m = &self.messages.coach;
            let timebox = notes.timebox_minutes.to_string();
            prompter.say(Say::Note(&fill(&m.timebox, &[("minutes", &timebox)])));
            prompter.say(Say::Note(&fill(&m.listen_for, &[("text", &notes.listen_for)])));
            prompter.say(Say::Note(&fill(&m.trap, &[("text", &notes.trap)])));
            prompter.say(Say::Note(&fill(&m.example, &[("text", &notes.example)])));
        }
        self.ask_block_steps(id, asked, canvas, prompter)
    }
}

/// The first block after `at` that is not done, else the first one before it.
pub(super) fn next_open(plan: &Plan, at: usize, done: &[BlockId]) -> Option<usize> {
    let open = |p: &usize| !done.contains(&plan.blocks[*p]);
    (at + 1..plan.blocks.len())
        .find(open)
        .or_else(|| (0..at).find(open))
}
