//! New items of a block: typed as lines under the block's items question, then each one's links
//! (preselected where there is a single target, else as the previous item's), its own choices, and
//! one pick for the block of which are tested already.

use std::io;

use super::prompt::{Prompter, Reply, Say};
use super::steps::Asked;
use super::walk::Interview;
use crate::bank::BankBlock;
use crate::i18n::{InterviewWords, fill};
use crate::model::{BlockId, Canvas, Item, Status, merge_picks};

impl Interview<'_> {
    /// The new items as lines. Lines kept from an earlier answer keep their item, links and
    /// choices; a line taken out takes its item, which was never saved, with it.
    pub(super) fn ask_new_items(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        added: &mut Vec<String>,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Asked> {
        let Some(texts) = self.ask_lines(id, asked, canvas, added, prompter)? else {
            return Ok(Asked::Back);
        };
        let block = canvas.block_mut(id);
        let mut before: Vec<Item> = Vec::new();
        block.items.retain(|item| {
            let new = added.contains(&item.id);
            if new {
                before.push(item.clone());
            }
            !new
        });
        added.clear();
        for text in texts.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            let item = match before.iter().position(|i| i.text == text) {
                Some(n) => before.remove(n),
                None => Item::new(canvas.next_item_id(id), text, Vec::new()),
            };
            added.push(item.id.clone());
            canvas.block_mut(id).items.push(item);
        }
        Ok(Asked::Answered)
    }

    /// The block's items question (or its item prompt), with its hint and an example.
    fn ask_lines(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &Canvas,
        added: &[String],
        prompter: &mut dyn Prompter,
    ) -> Reply<Vec<String>> {
        let m = &self.messages.interview;
        let question = asked.items_question();
        if let Some(earlier) = question.and_then(|q| canvas.block(id).answer(q.id())) {
            prompter.say(Say::Note(&fill(&m.earlier_answer, &[("answer", earlier)])));
        }
        if let Some(hint) = question.and_then(|q| q.hint.as_ref()) {
            prompter.say(Say::Note(hint));
        }
        let example = fill(&m.item_example, &[("example", &asked.item_example)]);
        prompter.say(Say::Note(&fill(&m.items, &[("example", &example)])));
        let prompt = question.map_or(&asked.item_prompt, |q| &q.text);
        let prefill: Vec<String> = added
            .iter()
            .filter_map(|a| canvas.block(id).items.iter().find(|i| &i.id == a))
            .map(|i| i.text.clone())
            .collect();
        prompter.lines(prompt, &prefill)
    }

    /// Which earlier items new item `n` serves. Untouched, it offers the previous new item's
    /// links, or the only possible target.
    pub(super) fn ask_new_links(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        added: &[String],
        n: usize,
        prompter: &mut dyn Prompter,
    ) -> io::Result<Asked> {
        let find = |canvas: &Canvas, item: &str| canvas.block(id).items.iter().position(|i| i.id == item);
        let Some(at) = find(canvas, &added[n]) else {
            return Ok(Asked::Nothing);
        };
        if asked.links_prompt.is_none() || targets(canvas, id).is_empty() {
            return Ok(Asked::Nothing);
        }
        let mut item = canvas.block(id).items[at].clone();
        if item.links.is_empty() {
            let previous = n.checked_sub(1).and_then(|p| find(canvas, &added[p]));
            item.links = match previous {
                Some(p) => canvas.block(id).items[p].links.clone(),
                None => only_target(canvas, id).into_iter().collect(),
            };
        }
        let Some(links) = self.ask_links(id, asked, canvas, &item, prompter)? else {
            return Ok(Asked::Back);
        };
        canvas.block_mut(id).items[at].links = links;
        Ok(Asked::Answered)
    }

    /// Asks which earlier items `item` serves, its links ticked; nothing to ask when there are
    /// none yet. Links to items this block cannot offer (made by hand) are kept.
    pub(super) fn ask_links(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &Canvas,
        item: &Item,
        prompter: &mut dyn Prompter,
    ) -> Reply<Vec<String>> {
        let candidates = targets(canvas, id);
        let Some(links_prompt) = asked.links_prompt.as_deref().filter(|_| !candidates.is_empty()) else {
            return Ok(Some(item.links.clone()));
        };
        let options: Vec<String> = candidates.iter().map(|i| item_label(i)).collect();
        let ticked: Vec<bool> = candidates.iter().map(|c| item.links.contains(&c.id)).collect();
        let prompt = fill(
            &self.messages.interview.item_group,
            &[("group", links_prompt), ("item", &item.text)],
        );
        let Some(picks) = prompter.multi_select(&prompt, &options, &ticked)? else {
            return Ok(None);
        };
        let offered: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
        let picked: Vec<&str> = picks.into_iter().map(|i| offered[i]).collect();
        Ok(Some(merge_picks(&item.links, &offered, &picked)))
    }

    /// One pick for all new items of the block: which are tested already. Each one ticked is then
    /// asked how the test came out; the others stay assumptions.
    pub(super) fn ask_tested(
        &self,
        id: BlockId,
        canvas: &mut Canvas,
        added: &[String],
        prompter: &mut dyn Prompter,
    ) -> io::Result<Asked> {
        let m = &self.messages.interview;
        let new: Vec<usize> = (0..canvas.block(id).items.len())
            .filter(|&n| added.contains(&canvas.block(id).items[n].id))
            .collect();
        let items = &canvas.block(id).items;
        let options: Vec<String> = new.iter().map(|&n| items[n].text.clone()).collect();
        let ticked: Vec<bool> = new
            .iter()
            .map(|&n| items[n].status != Status::Assumption)
            .collect();
        let Some(tested) = prompter.multi_select(tested_prompt(m, id), &options, &ticked)? else {
            return Ok(Asked::Back);
        };
        for (k, &n) in new.iter().enumerate() {
            let item = canvas.block(id).items[n].clone();
            let status = match tested.contains(&k) {
                false => Status::Assumption,
                true => self
                    .ask_status(&item, &Status::ALL[1..], prompter)?
                    .unwrap_or(item.status),
            };
            // A verdict rests on evidence: ask for it at once, not in the report later.
            let verdict = matches!(status, Status::Validated | Status::Invalidated);
            if verdict && item.evidence.is_empty() {
                let observed = self.ask_evidence(prompter)?;
                canvas.block_mut(id).items[n].evidence.extend(observed);
            }
            canvas.block_mut(id).items[n].status = status;
        }
        Ok(Asked::Answered)
    }

    /// How far an item has been tested, among `offered`; its status is the default.
    pub(super) fn ask_status(
        &self,
        item: &Item,
        offered: &[Status],
        prompter: &mut dyn Prompter,
    ) -> Reply<Status> {
        let m = &self.messages.interview;
        let labels: Vec<String> = offered
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
        let current = offered.iter().position(|&s| s == item.status).unwrap_or(0);
        let prompt = fill(&m.status_prompt, &[("item", &item.text)]);
        Ok(prompter.select(&prompt, &labels, current)?.map(|n| offered[n]))
    }
}

/// The items an item of `block` may link to.
fn targets(canvas: &Canvas, block: BlockId) -> Vec<&Item> {
    block
        .link_targets()
        .iter()
        .flat_map(|&target| canvas.block(target).items.iter())
        .collect()
}

/// The one item an item of `block` can link to, when there is exactly one.
fn only_target(canvas: &Canvas, block: BlockId) -> Option<String> {
    match targets(canvas, block).as_slice() {
        [only] => Some(only.id.clone()),
        _ => None,
    }
}

pub fn item_label(item: &Item) -> String {
    format!("{} ({})", item.text, item.id)
}

/// Customers test what they see and pay for; what the business needs, does and spends is tried
/// out in practice.
fn tested_prompt(m: &InterviewWords, block: BlockId) -> &str {
    use BlockId::*;
    match block {
        CustomerSegments | ValuePropositions | Channels | CustomerRelationships | RevenueStreams => {
            &m.tested_prompt
        }
        KeyResources | KeyActivities | KeyPartners | CostStructure => &m.tested_in_practice,
    }
}
