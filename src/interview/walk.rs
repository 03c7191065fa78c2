//! The interview: greets, asks the canvas details, then walks the nine blocks in the recommended
//! order — explanation, guiding questions, category choices, items and their links — with a
//! choice after each block to go on, redo it, go back, or save and quit. It talks to the person
//! only through a [`Prompter`], and changes the canvas it is given.

use std::collections::HashSet;
use std::io;

use super::coach::Coaching;
use super::prompt::{Prompter, Say};
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Details {
    /// A new canvas: title, designed for, designed by, date and iteration.
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
        }
    }
}

enum Next {
    Continue,
    Redo,
    Back,
    SaveAndQuit,
}

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
    /// the position in `plan.blocks` to resume from, so a caller can keep a draft.
    pub fn run(
        &self,
        canvas: &mut Canvas,
        plan: &Plan,
        prompter: &mut dyn Prompter,
        checkpoint: &mut dyn FnMut(&Canvas, usize) -> io::Result<()>,
    ) -> io::Result<Outcome> {
        if plan.start == 0 && plan.details != Details::Skip {
            self.welcome(prompter);
            self.ask_details(canvas, plan.details, prompter)?;
            checkpoint(canvas, 0)?;
        }
        if let Some(coaching) = &self.coaching {
            self.show_last_session(canvas, prompter);
            let record = Sitting {
                iteration: canvas.meta.iteration,
                started: coaching.started.clone(),
                ..Default::default()
            };
            canvas.sessions.push(record);
        }
        let mut position = plan.start;
        while let Some(&block) = plan.blocks.get(position) {
            prompter.progress(
                position + 1,
                plan.blocks.len(),
                &self.progress_label(plan, position),
            );
            let started = self.coaching.as_ref().map(|c| c.clock.seconds());
            self.ask_block(block, canvas, prompter)?;
            if let Some(started) = started {
                self.record_time(block, started, canvas, prompter);
            }
            match self.ask_next(plan, position, prompter)? {
                Next::Continue => position += 1,
                Next::Redo => {}
                Next::Back => position -= 1,
                Next::SaveAndQuit => {
                    checkpoint(canvas, position + 1)?;
                    return Ok(Outcome::Paused);
                }
            }
            checkpoint(canvas, position)?;
        }
        Ok(Outcome::Finished)
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

    fn ask_block(&self, id: BlockId, canvas: &mut Canvas, prompter: &mut dyn Prompter) -> io::Result<()> {
        let asked = self.bank.block(id);
        prompter.say(Say::Heading(&asked.title));
        prompter.say(Say::Paragraph(&asked.explanation));
        if let (Some(_), Some(notes)) = (&self.coaching, &asked.coach) {
            let m = &self.messages.coach;
            prompter.say(Say::Note(&fill(
                &m.timebox,
                &[("minutes", &notes.timebox_minutes.to_string())],
            )));
            prompter.say(Say::Note(&fill(&m.listen_for, &[("text", &notes.listen_for)])));
            prompter.say(Say::Note(&fill(&m.trap, &[("text", &notes.trap)])));
            prompter.say(Say::Note(&fill(&m.example, &[("text", &notes.example)])));
        }
        self.ask_questions(id, asked, canvas, prompter)?;
        if self.only_questions.is_some() {
            return Ok(());
        }
        self.ask_categories(id, asked, canvas, prompter)?;
        self.ask_items(id, asked, canvas, prompter)
    }

    fn ask_next(&self, plan: &Plan, position: usize, prompter: &mut dyn Prompter) -> io::Result<Next> {
        let m = &self.messages.interview;
        let title = |p: usize| self.bank.block(plan.blocks[p]).title.as_str();
        let last = position + 1 == plan.blocks.len();
        let mut choices = Vec::with_capacity(4);
        if last {
            choices.push((m.next_finish.clone(), Next::Continue));
        } else {
            choices.push((
                fill(&m.next_continue, &[("block", title(position + 1))]),
                Next::Continue,
            ));
        }
        choices.push((m.next_redo.clone(), Next::Redo));
        if position > 0 {
            choices.push((fill(&m.next_back, &[("block", title(position - 1))]), Next::Back));
        }
        if !last {
            choices.push((m.next_save_quit.clone(), Next::SaveAndQuit));
        }
        let labels: Vec<String> = choices.iter().map(|(label, _)| label.clone()).collect();
        let pick = prompter.select(&m.next, &labels, 0)?;
        Ok(choices.swap_remove(pick).1)
    }
}
