//! A block's items: adding them one per line with their links, choices and status, and the
//! menu that edits, re-links or removes the items a block already has.

use std::collections::HashSet;
use std::io;

use super::prompt::{Prompter, Say};
use super::walk::Interview;
use crate::bank::BankBlock;
use crate::i18n::fill;
use crate::model::{Amount, BlockId, Canvas, Item, Per, Status, merge_picks};
use crate::money;

impl Interview<'_> {
    pub(super) fn ask_items(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        if !canvas.block(id).items.is_empty() {
            return self.revise_items(id, asked, canvas, prompter);
        }
        self.add_items(id, asked, canvas, prompter)
    }

    pub(super) fn add_items(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let m = &self.messages.interview;
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
            let links = self.ask_links(id, asked, canvas, &[], prompter)?;
            let mut item = Item::new(canvas.next_item_id(id), text, links);
            self.ask_item_categories(asked, &mut item, prompter)?;
            item.status = self.ask_status(&item, prompter)?;
            if id.carries_amounts() {
                item.amount = self.ask_amount(&item, prompter)?;
            }
            canvas.block_mut(id).items.push(item);
        }
    }

    /// The items a block already has: a menu to edit, re-link or remove any of them, or add more.
    /// Ids never change, so links from other blocks keep pointing at the right note.
    pub(super) fn revise_items(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let m = &self.messages.interview;
        loop {
            let items = &canvas.block(id).items;
            let mut options = vec![m.items_done.clone(), m.items_add.clone()];
            options.extend(items.iter().map(item_label));
            let menu = fill(&m.items_menu, &[("block", &asked.title)]);
            match prompter.select(&menu, &options, 0)? {
                0 => return Ok(()),
                1 => self.add_items(id, asked, canvas, prompter)?,
                n => {
                    let action = self.ask_item_action(id, asked, &canvas.block(id).items[n - 2], prompter)?;
                    self.apply_item_action(action, id, n - 2, asked, canvas, prompter)?;
                }
            }
        }
    }

    /// What to do with one item: only the actions that fit its block are offered.
    fn ask_item_action(
        &self,
        id: BlockId,
        asked: &BankBlock,
        item: &Item,
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
        actions.push((m.item_remove.clone(), ItemAction::Remove));
        let labels: Vec<String> = actions.iter().map(|(label, _)| label.clone()).collect();
        let question = fill(&m.item_action, &[("item", &item_label(item))]);
        Ok(actions.swap_remove(prompter.select(&question, &labels, 0)?).1)
    }

    /// Carries out an action on the item at `index` of block `id`.
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
                let text = prompter.input(&m.item_text, &item.text)?.trim().to_owned();
                if !text.is_empty() {
                    item.text = text;
                }
            }
            ItemAction::Relink => item.links = self.ask_links(id, asked, canvas, &item.links, prompter)?,
            ItemAction::Categories => self.ask_item_categories(asked, &mut item, prompter)?,
            ItemAction::Note => {
                let note = item.note.clone().unwrap_or_default();
                let note = prompter.input(&m.item_note_prompt, &note)?.trim().to_owned();
                item.note = Some(note).filter(|n| !n.is_empty());
            }
            ItemAction::Status => item.status = self.ask_status(&item, prompter)?,
            ItemAction::Amount => item.amount = self.ask_amount(&item, prompter)?,
            ItemAction::Evidence => {
                let observed = prompter.input(&m.evidence_prompt, "")?.trim().to_owned();
                if !observed.is_empty() {
                    // Dated, so the record shows when it was learnt.
                    item.evidence.push(format!("{}: {observed}", self.today));
                }
            }
            ItemAction::Remove => {
                canvas.remove_items(id, &HashSet::from([item.id]));
                return Ok(());
            }
        }
        canvas.block_mut(id).items[index] = item;
        Ok(())
    }

    /// How far an item has been tested; the current status is the default, so Enter keeps it.
    pub(super) fn ask_status(&self, item: &Item, prompter: &mut dyn Prompter) -> io::Result<Status> {
        let m = &self.messages.interview;
        let labels: Vec<String> = Status::ALL
            .iter()
            .map(|&s| {
                let label = match s {
                    Status::Assumption => &m.status_assumption,
                    Status::Testing => &m.status_testing,
                    Status::Validated => &m.status_validated,
                    Status::Invalidated => &m.status_invalidated,
                };
                format!("{} {label}", s.mark())
            })
            .collect();
        let current = Status::ALL.iter().position(|&s| s == item.status).unwrap_or(0);
        let prompt = fill(&m.status_prompt, &[("item", &item.text)]);
        Ok(Status::ALL[prompter.select(&prompt, &labels, current)?])
    }

    /// An item's amount as people write it ("29 EUR per month"), then how many a year; the
    /// current one is in the field, Enter keeps it, and clearing it removes it.
    pub(super) fn ask_amount(&self, item: &Item, prompter: &mut dyn Prompter) -> io::Result<Option<Amount>> {
        let m = &self.messages.interview;
        let prompt = fill(&m.amount_prompt, &[("item", &item.text)]);
        let mut current = item.amount.as_ref().map_or_else(String::new, written);
        let money = loop {
            let given = prompter.input(&prompt, &current)?.trim().to_owned();
            if given.is_empty() {
                return Ok(None);
            }
            match money::amount(&given) {
                Some(money) => break money,
                None => {
                    prompter.say(Say::Note(&fill(&m.amount_invalid, &[("given", &given)])));
                    current = given;
                }
            }
        };
        let (per, factor) = money.period.map(|p| p.per()).unzip();
        let volume = item.amount.as_ref().and_then(|a| a.volume);
        let shown = volume.map(|v| v.to_string()).unwrap_or_default();
        let volume = money::figure(&prompter.input(&m.volume_prompt, &shown)?);
        Ok(Some(Amount {
            value: money.value * factor.unwrap_or(1.0),
            currency: money.currency.map(str::to_owned),
            per,
            volume,
        }))
    }

    /// Asks the groups a bank asks per item, for one item, with its current choices ticked.
    pub(super) fn ask_item_categories(
        &self,
        asked: &BankBlock,
        item: &mut Item,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        for group in asked.item_groups() {
            let prompt = fill(
                &self.messages.interview.item_group,
                &[("group", &group.title), ("item", &item.text)],
            );
            self.ask_group(group, &prompt, &mut item.categories, prompter)?;
        }
        Ok(())
    }

    /// Asks which earlier items an item serves, `current` ticked; nothing to ask when there are
    /// none yet. Links to items this block cannot offer (made by hand) are kept.
    pub(super) fn ask_links(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &Canvas,
        current: &[String],
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
        let options: Vec<String> = candidates.iter().map(|i| item_label(i)).collect();
        let ticked: Vec<bool> = candidates.iter().map(|c| current.contains(&c.id)).collect();
        let prompt = format!("{links_prompt} ({})", self.messages.interview.links_pick);
        let picks = prompter.multi_select(&prompt, &options, &ticked)?;
        let offered: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
        let picked: Vec<&str> = picks.into_iter().map(|i| offered[i]).collect();
        let links = merge_picks(current, &offered, &picked);
        Ok(links)
    }
}

enum ItemAction {
    Keep,
    Edit,
    Relink,
    Categories,
    Amount,
    Note,
    Status,
    Evidence,
    Remove,
}

/// An amount as the prompt shows it, in words the amount reader reads back.
fn written(amount: &Amount) -> String {
    let mut text = amount.value.to_string();
    if let Some(currency) = &amount.currency {
        text.push_str(&format!(" {currency}"));
    }
    match amount.per {
        Some(Per::Once) => text.push_str(" once"),
        Some(per) => text.push_str(&format!(" per {}", per.id())),
        None => {}
    }
    text
}

fn item_label(item: &Item) -> String {
    format!("{} ({})", item.text, item.id)
}
