//! A block's guiding questions and its block-wide category choices.

use std::io;

use indexmap::IndexMap;

use super::prompt::{Prompter, Say};
use super::walk::Interview;
use crate::bank::{BankBlock, Group};
use crate::model::{BlockId, Canvas, merge_picks};

impl Interview<'_> {
    pub(super) fn ask_questions(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        prompter.say(Say::Note(&self.messages.interview.questions));
        for question in &asked.questions {
            let wanted = self
                .only_questions
                .as_ref()
                .is_none_or(|only| only.contains(&(id, question.id().to_owned())));
            if self.given.has_answer(id, question.id()) || !wanted {
                continue;
            }
            if let Some(hint) = &question.hint {
                prompter.say(Say::Note(hint));
            }
            let current = canvas
                .block(id)
                .answers
                .get(question.id())
                .cloned()
                .unwrap_or_default();
            let answer = prompter.edit(&question.text, &current)?;
            let answers = &mut canvas.block_mut(id).answers;
            if answer.is_empty() {
                answers.shift_remove(question.id());
            } else {
                answers.insert(question.id().to_owned(), answer);
            }
        }
        // Answers to questions of another bank stay in the canvas; say so rather than hide them.
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
        Ok(())
    }

    pub(super) fn ask_categories(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        if asked.block_groups().next().is_none() {
            return Ok(());
        }
        prompter.say(Say::Note(&self.messages.interview.categories));
        for group in asked.block_groups() {
            self.ask_group(
                group,
                &group.title,
                &mut canvas.block_mut(id).categories,
                prompter,
            )?;
        }
        Ok(())
    }

    /// One category group as a multi-select, its current choices in `categories` ticked.
    pub(super) fn ask_group(
        &self,
        group: &Group,
        prompt: &str,
        categories: &mut IndexMap<String, Vec<String>>,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let current = categories.get(group.id()).cloned().unwrap_or_default();
        let offered: Vec<&str> = group.options.iter().map(|o| o.id()).collect();
        let options: Vec<String> = group
            .options
            .iter()
            .map(|o| format!("{} — {}", o.label, o.description))
            .collect();
        let ticked: Vec<bool> = offered.iter().map(|o| current.iter().any(|c| c == o)).collect();
        let picks = prompter.multi_select(prompt, &options, &ticked)?;
        let picked: Vec<&str> = picks.into_iter().map(|i| offered[i]).collect();
        let chosen = merge_picks(&current, &offered, &picked);
        if chosen.is_empty() {
            categories.shift_remove(group.id());
        } else {
            categories.insert(group.id().to_owned(), chosen);
        }
        Ok(())
    }
}
