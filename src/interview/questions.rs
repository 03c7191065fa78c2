//! A block's guiding questions asked in words or as a pick among items, and its category groups.

use std::io;

use indexmap::IndexMap;

use super::prompt::{DETAIL, Prompter, Reply, Say, kept_or_trimmed};
use super::steps::{Asked, answered};
use super::walk::Interview;
use crate::bank::{Form, Group, Question};
use crate::i18n::fill;
use crate::model::{BlockId, Canvas, merge_picks};

impl Interview<'_> {
    /// A question in text or as a pick; one that was given, or is not wanted, asks nothing.
    pub(super) fn ask_question(
        &self,
        id: BlockId,
        question: &Question,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Asked> {
        let wanted = self
            .only_questions
            .as_ref()
            .is_none_or(|only| only.contains(&(id, question.id().to_owned())));
        if self.given.has_answer(id, question.id()) || !wanted {
            return Ok(Asked::Nothing);
        }
        if question.form == Form::Pick {
            return self.ask_pick(id, question, canvas, prompter);
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
        let Some(answer) = prompter.input(&question.text, &current)? else {
            return Ok(Asked::Back);
        };
        let answer = kept_or_trimmed(&answer, &current);
        let answers = &mut canvas.block_mut(id).answers;
        if answer.trim().is_empty() {
            answers.shift_remove(question.id());
        } else {
            answers.insert(question.id().to_owned(), answer);
        }
        Ok(Asked::Answered)
    }

    /// A choice among the items of the question's source block, kept by id. An answer in words
    /// from before picks existed is shown, and kept.
    fn ask_pick(
        &self,
        id: BlockId,
        question: &Question,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Asked> {
        let candidates: Vec<(String, String)> = canvas
            .block(question.source(id))
            .items
            .iter()
            .map(|i| (i.id.clone(), i.text.clone()))
            .collect();
        if candidates.is_empty() {
            return Ok(Asked::Nothing);
        }
        if let Some(earlier) = canvas.block(id).answer(question.id()) {
            let said = fill(&self.messages.interview.earlier_answer, &[("answer", earlier)]);
            prompter.say(Say::Note(&said));
        }
        let current = canvas.block(id).picked(question.id()).to_vec();
        let options: Vec<String> = candidates.iter().map(|(_, text)| text.clone()).collect();
        let ticked: Vec<bool> = candidates.iter().map(|(c, _)| current.contains(c)).collect();
        let Some(picks) = prompter.multi_select(&question.text, &options, &ticked)? else {
            return Ok(Asked::Back);
        };
        let offered: Vec<&str> = candidates.iter().map(|(c, _)| c.as_str()).collect();
        let picked: Vec<&str> = picks.into_iter().map(|i| offered[i]).collect();
        let chosen = merge_picks(&current, &offered, &picked);
        let picks = &mut canvas.block_mut(id).picks;
        if chosen.is_empty() {
            picks.shift_remove(question.id());
        } else {
            picks.insert(question.id().to_owned(), chosen);
        }
        Ok(Asked::Answered)
    }

    /// One category group as a multi-select, its current choices in `categories` ticked.
    pub(super) fn ask_group(
        &self,
        group: &Group,
        prompt: &str,
        categories: &mut IndexMap<String, Vec<String>>,
        prompter: &mut dyn Prompter,
    ) -> Reply<()> {
        let current = categories.get(group.id()).cloned().unwrap_or_default();
        let offered: Vec<&str> = group.options.iter().map(|o| o.id()).collect();
        let options: Vec<String> = group
            .options
            .iter()
            .map(|o| format!("{}{DETAIL}{}", o.label, o.description))
            .collect();
        let ticked: Vec<bool> = offered.iter().map(|o| current.iter().any(|c| c == o)).collect();
        let Some(picks) = prompter.multi_select(prompt, &options, &ticked)? else {
            return Ok(None);
        };
        let picked: Vec<&str> = picks.into_iter().map(|i| offered[i]).collect();
        let chosen = merge_picks(&current, &offered, &picked);
        if chosen.is_empty() {
            categories.shift_remove(group.id());
        } else {
            categories.insert(group.id().to_owned(), chosen);
        }
        Ok(Some(()))
    }

    /// A group asked per item, for the new item `item_id`.
    pub(super) fn ask_item_group(
        &self,
        id: BlockId,
        group: &Group,
        canvas: &mut Canvas,
        item_id: &str,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Asked> {
        let Some(item) = canvas.block_mut(id).items.iter_mut().find(|i| i.id == item_id) else {
            return Ok(Asked::Nothing);
        };
        let prompt = fill(
            &self.messages.interview.item_group,
            &[("group", &group.title), ("item", &item.text)],
        );
        Ok(answered(self.ask_group(
            group,
            &prompt,
            &mut item.categories,
            prompter,
        )?))
    }
}
