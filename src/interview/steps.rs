//! One block as a conversation of steps: each guiding question once, in the form its answer
//! takes — the items, each new item's links and choices, one status pick for the new items,
//! picks among items, free text — then the block's choices. Esc goes back one step; at the first
//! step it leaves the block backwards.

use std::io;

use super::prompt::{Prompter, Say};
use super::walk::Interview;
use crate::bank::{BankBlock, Form};
use crate::model::{BlockId, Canvas};

/// How a block was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockEnd {
    Done,
    /// Esc at the block's first step.
    Back,
}

/// What asking one step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Answered,
    /// Nothing to ask here now (no items to pick from); passed over in either direction.
    Nothing,
    Back,
}

/// One prompt of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// A guiding question in text or as a pick, by its place in the bank.
    Question(usize),
    /// The block's items: new ones as lines, or the menu of the items it has.
    Items,
    /// Which earlier items new item `n` serves.
    Links(usize),
    /// A group asked per item, for new item `n`.
    ItemGroup(usize, usize),
    /// Which of the new items are tested already.
    Status,
    /// A block-wide category group, by its place in the bank.
    Group(usize),
}

/// The block's state while it is asked: the ids of the items added in this visit, and whether
/// it had items before (then its items are revised through the menu).
pub struct Visit {
    pub added: Vec<String>,
    revising: bool,
}

impl Interview<'_> {
    pub(super) fn ask_block_steps(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<BlockEnd> {
        let mut visit = Visit {
            added: Vec::new(),
            revising: !canvas.block(id).items.is_empty(),
        };
        let (mut at, mut forward) = (0, true);
        loop {
            let steps = self.steps(asked, &visit);
            let Some(&step) = steps.get(at) else {
                self.show_extra_answers(id, asked, canvas, prompter);
                return Ok(BlockEnd::Done);
            };
            match self.ask_step(step, id, asked, canvas, &mut visit, prompter)? {
                Asked::Answered => (at, forward) = (at + 1, true),
                Asked::Nothing if forward => at += 1,
                Asked::Nothing | Asked::Back if at == 0 => return Ok(BlockEnd::Back),
                Asked::Nothing | Asked::Back => (at, forward) = (at - 1, false),
            }
        }
    }

    /// The block's steps as they stand: the questions in the bank's order, the items where the
    /// items question stands (first when there is none), and the choices last.
    fn steps(&self, asked: &BankBlock, visit: &Visit) -> Vec<Step> {
        let only = self.only_questions.is_some();
        let mut steps = Vec::new();
        let items_at = asked.questions.iter().position(|q| q.form == Form::Items);
        if items_at.is_none() && !only {
            self.item_steps(asked, visit, &mut steps);
        }
        for (n, question) in asked.questions.iter().enumerate() {
            match question.form {
                Form::Text | Form::Pick => steps.push(Step::Question(n)),
                Form::Items if !only => self.item_steps(asked, visit, &mut steps),
                Form::Items | Form::Links => {}
            }
        }
        if !only {
            let groups = asked.groups.iter().enumerate().filter(|(_, g)| !g.per_item);
            steps.extend(groups.map(|(n, _)| Step::Group(n)));
        }
        steps
    }

    fn item_steps(&self, asked: &BankBlock, visit: &Visit, steps: &mut Vec<Step>) {
        steps.push(Step::Items);
        if visit.revising {
            return;
        }
        for n in 0..visit.added.len() {
            steps.push(Step::Links(n));
            let groups = asked.groups.iter().enumerate().filter(|(_, g)| g.per_item);
            steps.extend(groups.map(|(g, _)| Step::ItemGroup(n, g)));
        }
        if !visit.added.is_empty() {
            steps.push(Step::Status);
        }
    }

    fn ask_step(
        &self,
        step: Step,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        visit: &mut Visit,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Asked> {
        match step {
            Step::Question(n) => self.ask_question(id, &asked.questions[n], canvas, prompter),
            Step::Items if visit.revising => self.revise_items(id, asked, canvas, prompter),
            Step::Items => self.ask_new_items(id, asked, canvas, &mut visit.added, prompter),
            Step::Links(n) => self.ask_new_links(id, asked, canvas, &visit.added, n, prompter),
            Step::ItemGroup(n, g) => {
                let group = &asked.groups[g];
                self.ask_item_group(id, group, canvas, &visit.added[n], prompter)
            }
            Step::Status => self.ask_tested(id, canvas, &visit.added, prompter),
            Step::Group(n) => {
                let group = &asked.groups[n];
                let categories = &mut canvas.block_mut(id).categories;
                Ok(answered(self.ask_group(
                    group,
                    &group.title,
                    categories,
                    prompter,
                )?))
            }
        }
    }

    /// Answers to questions of another bank stay in the canvas; say so rather than hide them.
    fn show_extra_answers(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &Canvas,
        prompter: &mut dyn Prompter,
    ) {
        let extra: Vec<String> = canvas
            .block(id)
            .answers
            .iter()
            .filter(|(question, _)| asked.question(question).is_none())
            .map(|(question, answer)| format!("  {question}: {answer}"))
            .collect();
        if !extra.is_empty() {
            prompter.say(Say::Note(&self.messages.interview.extra_answers));
            for line in &extra {
                prompter.say(Say::Note(line));
            }
        }
    }
}

/// `Answered` for an answer, `Back` for Esc.
pub fn answered<T>(reply: Option<T>) -> Asked {
    match reply {
        Some(_) => Asked::Answered,
        None => Asked::Back,
    }
}
