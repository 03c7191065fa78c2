//! The items a block already has: a menu to edit, re-link, annotate, test or remove any of them,
//! or to add more. Ids never change, so links from other blocks keep pointing at the right note.

use std::collections::HashSet;
use std::io;

use super::items::item_label;
use super::prompt::{Prompter, kept_or_trimmed};
use super::steps::Asked;
use super::walk::Interview;
use crate::bank::BankBlock;
use crate::i18n::fill;
use crate::model::{BlockId, Canvas, Status};

#[derive(Debug, Clone, Copy)]
pub enum ItemAction {
    Keep,
    Edit,
    Relink,
    Categories,
    Amount,
    Note,
    Status,
    Evidence,
    Test,
    Remove,
}

impl Interview<'_> {
    /// The menu of a block's items until "done"; Esc goes back to the step before.
    pub(super) fn revise_items(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Asked> {
        let m = &self.messages.interview;
        loop {
            let items = &canvas.block(id).items;
            let mut options = vec![m.items_done.clone(), m.items_add.clone()];
            options.extend(items.iter().map(item_label));
            let menu = fill(&m.items_menu, &[("block", &asked.title)]);
            // An empty block has nothing to be done with: adding is what is wanted.
            let default = usize::from(items.is_empty());
            match prompter.select(&menu, &options, default)? {
                None => return Ok(Asked::Back),
                Some(0) => return Ok(Asked::Answered),
                Some(1) => self.add_more_items(id, asked, canvas, prompter)?,
                Some(n) => {
                    let item = canvas.block(id).items[n - 2].id.clone();
                    self.change_item(id, asked, &item, canvas, prompter)?;
                }
            }
        }
    }

    /// New items while revising: the lines, then each one's links and choices, then the tested
    /// pick. Esc on one of these keeps what it had.
    fn add_more_items(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let mut added = Vec::new();
        if self.ask_new_items(id, asked, canvas, &mut added, prompter)? == Asked::Back {
            return Ok(());
        }
        for n in 0..added.len() {
            self.ask_new_links(id, asked, canvas, &added, n, prompter)?;
            for group in asked.item_groups() {
                self.ask_item_group(id, group, canvas, &added[n], prompter)?;
            }
        }
        if !added.is_empty() {
            self.ask_tested(id, canvas, &added, prompter)?;
        }
        Ok(())
    }

    /// Asks what to do with the item `item` of block `id`, and does it.
    pub(super) fn change_item(
        &self,
        id: BlockId,
        asked: &BankBlock,
        item: &str,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let Some(index) = canvas.block(id).items.iter().position(|i| i.id == item) else {
            return Ok(());
        };
        let action = self.ask_item_action(id, asked, index, canvas, prompter)?;
        self.apply_item_action(action, id, index, asked, canvas, prompter)
    }

    /// What to do with one item: only the actions that fit its block are offered.
    fn ask_item_action(
        &self,
        id: BlockId,
        asked: &BankBlock,
        index: usize,
        canvas: &Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<ItemAction> {
        let m = &self.messages.interview;
        let mut actions = vec![
            (m.item_keep.clone(), ItemAction::Keep),
            (m.item_edit.clone(), ItemAction::Edit),
        ];
        if !id.link_targets().is_empty() {
            actions.push((m.item_relink.clone(), ItemAction::Relink));
        }
        if asked.item_groups().next().is_some() {
            actions.push((m.item_categories.clone(), ItemAction::Categories));
        }
        if id.carries_amounts() {
            actions.push((m.item_amount.clone(), ItemAction::Amount));
        }
        actions.push((m.item_note.clone(), ItemAction::Note));
        actions.push((m.item_status.clone(), ItemAction::Status));
        actions.push((m.item_evidence.clone(), ItemAction::Evidence));
        actions.push((self.messages.cards.design.clone(), ItemAction::Test));
        actions.push((m.item_remove.clone(), ItemAction::Remove));
        let labels: Vec<String> = actions.iter().map(|(label, _)| label.clone()).collect();
        let item = item_label(&canvas.block(id).items[index]);
        let question = fill(&m.item_action, &[("item", &item)]);
        let pick = prompter.select(&question, &labels, 0)?.unwrap_or(0);
        Ok(actions[pick].1)
    }

    /// Carries out an action on the item at `index` of block `id`; Esc changes nothing.
    fn apply_item_action(
        &self,
        action: ItemAction,
        id: BlockId,
        index: usize,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let m = &self.messages.interview;
        let mut item = canvas.block(id).items[index].clone();
        match action {
            ItemAction::Keep => return Ok(()),
            ItemAction::Edit => {
                let text = prompter.input(&m.item_text, &item.text)?;
                let text = kept_or_trimmed(text.as_deref().unwrap_or(&item.text), &item.text);
                if !text.trim().is_empty() {
                    item.text = text;
                }
            }
            ItemAction::Relink => {
                item.links = self
                    .ask_links(id, asked, canvas, &item, prompter)?
                    .unwrap_or(item.links);
            }
            ItemAction::Categories => {
                for group in asked.item_groups() {
                    let prompt = fill(&m.item_group, &[("group", &group.title), ("item", &item.text)]);
                    self.ask_group(group, &prompt, &mut item.categories, prompter)?;
                }
            }
            ItemAction::Amount => self.change_amount(&mut item, prompter)?,
            ItemAction::Note => {
                let note = item.note.clone().unwrap_or_default();
                let answer = prompter.input(&m.item_note_prompt, &note)?;
                let note = kept_or_trimmed(answer.as_deref().unwrap_or(&note), &note);
                item.note = Some(note).filter(|n| !n.trim().is_empty());
            }
            ItemAction::Status => {
                item.status = self
                    .ask_status(&item, &Status::ALL, prompter)?
                    .unwrap_or(item.status);
            }
            ItemAction::Evidence => item.evidence.extend(self.ask_evidence(prompter)?),
            ItemAction::Test => {
                if let Some(test) = self.design_test(canvas, &[item.id], prompter)? {
                    canvas.add_test(test);
                }
                return Ok(());
            }
            ItemAction::Remove => {
                canvas.remove_items(id, &HashSet::from([item.id]));
                return Ok(());
            }
        }
        canvas.block_mut(id).items[index] = item;
        Ok(())
    }
}
