//! The interview: greets, asks the canvas details, then walks the nine blocks in the recommended
//! order — explanation, guiding questions, category choices, items and their links — with a
//! choice after each block to go on, redo it, go back, or save and quit. It talks to the person
//! only through a [`Prompter`], and changes the canvas it is given.

use std::collections::HashSet;
use std::io;

use crate::bank::{Bank, BankBlock};
use crate::block::BlockId;
use crate::canvas::{Canvas, Item};
use crate::messages::{Messages, fill};
use crate::prompt::{Prompter, Say};

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
}

enum Next {
    Continue,
    Redo,
    Back,
    SaveAndQuit,
}

impl Interview<'_> {
    pub fn run(&self, canvas: &mut Canvas, prompter: &mut dyn Prompter) -> io::Result<Outcome> {
        self.welcome(prompter);
        self.ask_details(canvas, prompter)?;
        let mut position = 0;
        while let Some(&block) = BlockId::ALL.get(position) {
            prompter.progress(position + 1, BlockId::ALL.len(), &self.progress_label(position));
            self.ask_block(block, canvas, prompter)?;
            match self.ask_next(position, prompter)? {
                Next::Continue => position += 1,
                Next::Redo => {}
                Next::Back => position -= 1,
                Next::SaveAndQuit => return Ok(Outcome::Paused),
            }
        }
        Ok(Outcome::Finished)
    }

    fn progress_label(&self, position: usize) -> String {
        let n = (position + 1).to_string();
        let total = BlockId::ALL.len().to_string();
        let title = &self.bank.block(BlockId::ALL[position]).title;
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

    fn ask_details(&self, canvas: &mut Canvas, prompter: &mut dyn Prompter) -> io::Result<()> {
        let m = &self.messages.interview;
        let meta = &mut canvas.meta;
        prompter.say(Say::Heading(&m.details));
        meta.title = loop {
            let title = prompter.input(&m.title, &meta.title)?.trim().to_owned();
            if !title.is_empty() {
                break title;
            }
            prompter.say(Say::Note(&m.title_required));
        };
        meta.designed_for = prompter
            .input(&m.designed_for, &meta.designed_for)?
            .trim()
            .to_owned();
        meta.designed_by = prompter
            .input(&m.designed_by, &meta.designed_by)?
            .trim()
            .to_owned();
        let date = if meta.date.is_empty() {
            self.today.clone()
        } else {
            meta.date.clone()
        };
        meta.date = loop {
            let date = prompter.input(&m.date, &date)?.trim().to_owned();
            if is_date(&date) {
                break date;
            }
            prompter.say(Say::Note(&m.date_invalid));
        };
        meta.iteration = loop {
            match prompter
                .input(&m.iteration, &meta.iteration.to_string())?
                .trim()
                .parse()
            {
                Ok(n) if n >= 1 => break n,
                _ => prompter.say(Say::Note(&m.iteration_invalid)),
            }
        };
        meta.language.clone_from(&self.bank.language);
        Ok(())
    }

    fn ask_block(&self, id: BlockId, canvas: &mut Canvas, prompter: &mut dyn Prompter) -> io::Result<()> {
        let asked = self.bank.block(id);
        prompter.say(Say::Heading(&asked.title));
        prompter.say(Say::Paragraph(&asked.explanation));
        self.ask_questions(id, asked, canvas, prompter)?;
        self.ask_categories(id, asked, canvas, prompter)?;
        self.ask_items(id, asked, canvas, prompter)
    }

    fn ask_questions(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        prompter.say(Say::Note(&self.messages.interview.questions));
        for question in &asked.questions {
            if let Some(hint) = &question.hint {
                prompter.say(Say::Note(hint));
            }
            let current = canvas
                .block(id)
                .answers
                .get(question.id())
                .cloned()
                .unwrap_or_default();
            let answer = prompter.input(&question.text, &current)?.trim().to_owned();
            let answers = &mut canvas.block_mut(id).answers;
            if answer.is_empty() {
                answers.shift_remove(question.id());
            } else {
                answers.insert(question.id().to_owned(), answer);
            }
        }
        Ok(())
    }

    fn ask_categories(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        if asked.groups.is_empty() {
            return Ok(());
        }
        prompter.say(Say::Note(&self.messages.interview.categories));
        for group in &asked.groups {
            let chosen = canvas.block(id).chosen(group.id()).to_vec();
            let options: Vec<String> = group
                .options
                .iter()
                .map(|o| format!("{} — {}", o.label, o.description))
                .collect();
            let ticked: Vec<bool> = group
                .options
                .iter()
                .map(|o| chosen.iter().any(|c| c == o.id()))
                .collect();
            let picks = prompter.multi_select(&group.title, &options, &ticked)?;
            // Choices this bank does not offer (made with another bank) are kept as they are.
            let mut new: Vec<String> = chosen
                .into_iter()
                .filter(|c| group.options.iter().all(|o| o.id() != c))
                .collect();
            new.extend(picks.into_iter().map(|i| group.options[i].id().to_owned()));
            let categories = &mut canvas.block_mut(id).categories;
            if new.is_empty() {
                categories.shift_remove(group.id());
            } else {
                categories.insert(group.id().to_owned(), new);
            }
        }
        Ok(())
    }

    fn ask_items(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let m = &self.messages.interview;
        let existing: Vec<String> = canvas
            .block(id)
            .items
            .iter()
            .map(|i| format!("{} ({})", i.text, i.id))
            .collect();
        if !existing.is_empty() {
            let kept = prompter.multi_select(&m.keep_items, &existing, &vec![true; existing.len()])?;
            let removed: HashSet<String> = canvas
                .block(id)
                .items
                .iter()
                .enumerate()
                .filter(|(i, _)| !kept.contains(i))
                .map(|(_, item)| item.id.clone())
                .collect();
            if !removed.is_empty() {
                remove_items(canvas, id, &removed);
            }
        }

        let example = fill(&m.item_example, &[("example", &asked.item_example)]);
        prompter.say(Say::Note(&fill(
            &m.items,
            &[("block", &asked.title), ("example", &example)],
        )));
        loop {
            let text = prompter.input(&asked.item_prompt, "")?.trim().to_owned();
            if text.is_empty() {
                return Ok(());
            }
            let links = self.ask_links(id, asked, canvas, prompter)?;
            let item = Item {
                id: canvas.next_item_id(id),
                text,
                links,
            };
            canvas.block_mut(id).items.push(item);
        }
    }

    /// Asks which earlier items a new item serves; nothing to ask when there are none yet.
    fn ask_links(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Vec<String>> {
        let candidates: Vec<&Item> = id
            .link_targets()
            .iter()
            .flat_map(|&target| canvas.block(target).items.iter())
            .collect();
        let Some(links_prompt) = asked.links_prompt.as_deref().filter(|_| !candidates.is_empty()) else {
            return Ok(Vec::new());
        };
        let options: Vec<String> = candidates
            .iter()
            .map(|i| format!("{} ({})", i.text, i.id))
            .collect();
        let prompt = format!("{links_prompt} ({})", self.messages.interview.links_pick);
        let picks = prompter.multi_select(&prompt, &options, &vec![false; options.len()])?;
        Ok(picks.into_iter().map(|i| candidates[i].id.clone()).collect())
    }

    fn ask_next(&self, position: usize, prompter: &mut dyn Prompter) -> io::Result<Next> {
        let m = &self.messages.interview;
        let title = |p: usize| self.bank.block(BlockId::ALL[p]).title.as_str();
        let mut choices = Vec::with_capacity(4);
        match BlockId::ALL.get(position + 1) {
            Some(_) => choices.push((
                fill(&m.next_continue, &[("block", title(position + 1))]),
                Next::Continue,
            )),
            None => choices.push((m.next_finish.clone(), Next::Continue)),
        }
        choices.push((m.next_redo.clone(), Next::Redo));
        if position > 0 {
            choices.push((fill(&m.next_back, &[("block", title(position - 1))]), Next::Back));
        }
        if position + 1 < BlockId::ALL.len() {
            choices.push((m.next_save_quit.clone(), Next::SaveAndQuit));
        }
        let labels: Vec<String> = choices.iter().map(|(label, _)| label.clone()).collect();
        let pick = prompter.select(&m.next, &labels, 0)?;
        Ok(choices.swap_remove(pick).1)
    }
}

/// Removes items from a block, and the links other items had to them: a removed sticky note
/// leaves no arrows pointing at nothing.
fn remove_items(canvas: &mut Canvas, id: BlockId, removed: &HashSet<String>) {
    canvas
        .block_mut(id)
        .items
        .retain(|item| !removed.contains(&item.id));
    for block in BlockId::ALL {
        for item in &mut canvas.block_mut(block).items {
            item.links.retain(|link| !removed.contains(link));
        }
    }
}

fn is_date(text: &str) -> bool {
    time::Date::parse(text, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
}

/// Today's date in the local time zone (UTC where the zone cannot be read).
pub fn today() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.date()
        .format(time::macros::format_description!("[year]-[month]-[day]"))
        .expect("a date always formats")
}
