//! The coach's check after a block: the gaps the block has now that it did not have before (at
//! most five lines), a challenge question where an item falls into the block's typical trap, and
//! a choice to fix a gap now — straight to its question or item —, go on, go to another block or
//! save and quit. Also the menu Esc opens at a block's first question.

use std::io;

use super::prompt::{Prompter, Say};
use super::steps::Asked;
use super::walk::{Go, Interview, Plan};
use crate::bank::Form;
use crate::gaps::{Gap, GapReport};
use crate::i18n::fill;
use crate::model::{BlockId, Canvas};

/// How many new gaps the check names at most.
const CHECK_LINES: usize = 5;

enum Choice {
    On,
    Fix(Gap),
    GoTo,
    SaveAndQuit,
}

impl Interview<'_> {
    /// The gaps of `block` as the canvas stands.
    pub(super) fn gaps_in(&self, block: BlockId, canvas: &Canvas) -> Vec<Gap> {
        let report = GapReport::new(canvas, self.bank, self.messages);
        report.gaps.into_iter().filter(|g| g.block == block).collect()
    }

    /// After a block: challenges, then its new gaps and what to do about them. Without new gaps
    /// the walk goes on at once.
    pub(super) fn check_block(
        &self,
        block: BlockId,
        before: &[Gap],
        canvas: &mut Canvas,
        plan: &Plan,
        next: Option<usize>,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Go> {
        self.challenge(block, canvas, prompter)?;
        loop {
            let new: Vec<Gap> = self
                .gaps_in(block, canvas)
                .into_iter()
                .filter(|g| !before.contains(g))
                .take(CHECK_LINES)
                .collect();
            if new.is_empty() || self.only_questions.is_some() {
                return Ok(Go::To(next));
            }
            let m = &self.messages.interview;
            prompter.say(Say::Note(&fill(
                &m.check,
                &[("block", &self.bank.block(block).title)],
            )));
            for gap in &new {
                prompter.say(Say::Note(&format!("  {}", gap.message)));
            }
            match self.ask_check(&new, plan, next, prompter)? {
                Choice::On => return Ok(Go::To(next)),
                Choice::Fix(gap) => self.fix(&gap, canvas, prompter)?,
                Choice::GoTo => return Ok(Go::To(self.ask_block_to_go_to(plan, prompter)?.or(next))),
                Choice::SaveAndQuit => return Ok(Go::SaveAndQuit),
            }
        }
    }

    fn ask_check(
        &self,
        new: &[Gap],
        plan: &Plan,
        next: Option<usize>,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Choice> {
        let m = &self.messages.interview;
        let mut choices = vec![(self.go_on_label(plan, next), Choice::On)];
        for gap in new {
            let label = fill(&m.check_fix, &[("gap", &gap.message)]);
            choices.push((label, Choice::Fix(gap.clone())));
        }
        choices.push((m.go_to_block.clone(), Choice::GoTo));
        choices.push((m.next_save_quit.clone(), Choice::SaveAndQuit));
        let labels: Vec<String> = choices.iter().map(|(label, _)| label.clone()).collect();
        let pick = prompter.select(&m.check_question, &labels, 0)?.unwrap_or(0);
        Ok(choices.swap_remove(pick).1)
    }

    fn go_on_label(&self, plan: &Plan, next: Option<usize>) -> String {
        let m = &self.messages.interview;
        match next {
            Some(n) => fill(
                &m.next_continue,
                &[("block", &self.bank.block(plan.blocks[n]).title)],
            ),
            None => m.next_finish.clone(),
        }
    }

    /// Straight to what closes a gap: its question while unanswered, its item in its own
    /// block, or else the block's items.
    fn fix(&self, gap: &Gap, canvas: &mut Canvas, prompter: &mut dyn Prompter) -> io::Result<()> {
        let asked = self.bank.block(gap.block);
        let question = gap.question.as_deref().and_then(|q| asked.question(q));
        if let Some(q) = question.filter(|q| matches!(q.form, Form::Text | Form::Pick) && !gap.answered) {
            self.ask_question(gap.block, q, canvas, prompter)?;
            return Ok(());
        }
        let own_item = gap
            .item
            .as_deref()
            .filter(|item| canvas.block(gap.block).items.iter().any(|i| i.id == *item));
        match own_item {
            Some(item) => self.change_item(gap.block, asked, item, canvas, prompter),
            None => self
                .revise_items(gap.block, asked, canvas, prompter)
                .map(|_: Asked| ()),
        }
    }

    /// A challenge from the bank's coaching notes for each item of the block that shows a sign
    /// of the typical trap and has no note yet. An answer becomes the item's note; Enter skips.
    fn challenge(&self, block: BlockId, canvas: &mut Canvas, prompter: &mut dyn Prompter) -> io::Result<()> {
        let Some(coach) = &self.bank.block(block).coach else {
            return Ok(());
        };
        let Some(challenge) = &coach.challenge else {
            return Ok(());
        };
        for n in 0..canvas.block(block).items.len() {
            let item = &canvas.block(block).items[n];
            if item.note.is_some() || !coach.falls_into_trap(&item.text) {
                continue;
            }
            let prompt = fill(
                &self.messages.interview.item_group,
                &[("group", challenge), ("item", &item.text)],
            );
            let answer = prompter.input(&prompt, "")?.unwrap_or_default();
            let answer = answer.trim();
            if !answer.is_empty() {
                canvas.block_mut(block).items[n].note = Some(answer.to_owned());
            }
        }
        Ok(())
    }

    /// Esc at a block's first question: stay, go back one block, go to another, or save and quit.
    pub(super) fn navigate(&self, plan: &Plan, at: usize, prompter: &mut dyn Prompter) -> io::Result<Go> {
        let m = &self.messages.interview;
        let title = |p: usize| self.bank.block(plan.blocks[p]).title.as_str();
        let mut choices = vec![(fill(&m.nav_stay, &[("block", title(at))]), Go::To(Some(at)))];
        if at > 0 {
            choices.push((
                fill(&m.next_back, &[("block", title(at - 1))]),
                Go::To(Some(at - 1)),
            ));
        }
        choices.push((m.go_to_block.clone(), Go::To(None)));
        choices.push((m.next_save_quit.clone(), Go::SaveAndQuit));
        let labels: Vec<String> = choices.iter().map(|(label, _)| label.clone()).collect();
        let pick = prompter.select(&m.next, &labels, 0)?.unwrap_or(0);
        match choices.swap_remove(pick).1 {
            Go::To(None) => Ok(Go::To(Some(
                self.ask_block_to_go_to(plan, prompter)?.unwrap_or(at),
            ))),
            go => Ok(go),
        }
    }

    /// Any block of the plan; `None` on Esc.
    fn ask_block_to_go_to(&self, plan: &Plan, prompter: &mut dyn Prompter) -> io::Result<Option<usize>> {
        let labels: Vec<String> = plan
            .blocks
            .iter()
            .map(|&b| self.bank.block(b).title.clone())
            .collect();
        prompter.select(&self.messages.interview.go_to_block, &labels, 0)
    }
}
