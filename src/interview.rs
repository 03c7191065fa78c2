//! The interview: greets, asks the canvas details, then walks the nine blocks in the recommended
//! order — explanation, guiding questions, category choices, items and their links — with a
//! choice after each block to go on, redo it, go back, or save and quit. It talks to the person
//! only through a [`Prompter`], and changes the canvas it is given.

use std::collections::HashSet;
use std::io;
use std::time::Instant;

use indexmap::IndexMap;

use crate::bank::{Bank, BankBlock, Group};
use crate::block::BlockId;
use crate::canvas::{Canvas, Item, SessionRecord, Status};
use crate::given::Given;
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
    /// Facilitator notes, timeboxes and a record of the sitting, for coaches.
    pub coaching: Option<Coaching<'a>>,
    /// Values supplied without asking; their questions are skipped.
    pub given: Given,
    /// When set, only these guiding questions are asked, and no choices or items.
    pub only_questions: Option<HashSet<(BlockId, String)>>,
}

/// Coach mode: the clock that times each block, and when the sitting started.
pub struct Coaching<'a> {
    pub clock: &'a dyn Clock,
    /// Local `YYYY-MM-DD HH:MM`.
    pub started: String,
}

/// Seconds on a monotonic clock.
pub trait Clock {
    fn seconds(&self) -> u64;
}

/// The real clock, counting from when it was made.
pub struct SystemClock(Instant);

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock(Instant::now())
    }
}

impl Clock for SystemClock {
    fn seconds(&self) -> u64 {
        self.0.elapsed().as_secs()
    }
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
    /// Every block in the recommended order.
    pub fn every_block(details: Details) -> Plan {
        Plan {
            blocks: BlockId::ALL.to_vec(),
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
            let record = SessionRecord {
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

    /// Where the previous coach-mode sitting stopped, so this one can pick up from there.
    fn show_last_session(&self, canvas: &Canvas, prompter: &mut dyn Prompter) {
        let Some(last) = canvas.sessions.last() else {
            return;
        };
        let block = last
            .stopped_at
            .as_deref()
            .and_then(|b| b.parse::<BlockId>().ok())
            .map_or("—", |b| self.bank.block(b).title.as_str());
        let minutes: u32 = last.minutes.values().sum();
        let said = fill(
            &self.messages.coach.last_session,
            &[
                ("started", &last.started),
                ("iteration", &last.iteration.to_string()),
                ("block", block),
                ("minutes", &minutes.to_string()),
            ],
        );
        prompter.say(Say::Note(&said));
    }

    /// Adds the block's minutes to this sitting's record and says how they compare to the timebox.
    fn record_time(&self, block: BlockId, started: u64, canvas: &mut Canvas, prompter: &mut dyn Prompter) {
        let Some(coaching) = &self.coaching else {
            return;
        };
        let seconds = coaching.clock.seconds().saturating_sub(started);
        let minutes = u32::try_from(seconds.div_ceil(60)).unwrap_or(u32::MAX);
        if let Some(record) = canvas.sessions.last_mut() {
            *record.minutes.entry(block.key().to_owned()).or_insert(0) += minutes;
            record.stopped_at = Some(block.key().to_owned());
        }
        let Some(timebox) = self.bank.block(block).coach.as_ref().map(|c| c.timebox_minutes) else {
            return;
        };
        let m = &self.messages.coach;
        let (spent, boxed) = (minutes.to_string(), timebox.to_string());
        let said = if minutes > timebox {
            let over = (minutes - timebox).to_string();
            fill(
                &m.time_over,
                &[("spent", &spent), ("over", &over), ("timebox", &boxed)],
            )
        } else {
            fill(&m.time_spent, &[("spent", &spent), ("timebox", &boxed)])
        };
        prompter.say(Say::Note(&said));
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

    fn ask_details(
        &self,
        canvas: &mut Canvas,
        details: Details,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let m = &self.messages.interview;
        let given = |field| self.given.has_meta(field);
        let meta = &mut canvas.meta;
        prompter.say(Say::Heading(&m.details));
        if !given("title") {
            meta.title = loop {
                let title = prompter.input(&m.title, &meta.title)?.trim().to_owned();
                if !title.is_empty() {
                    break title;
                }
                prompter.say(Say::Note(&m.title_required));
            };
        }
        if !given("designed_for") {
            meta.designed_for = prompter
                .input(&m.designed_for, &meta.designed_for)?
                .trim()
                .to_owned();
        }
        if !given("designed_by") {
            meta.designed_by = prompter
                .input(&m.designed_by, &meta.designed_by)?
                .trim()
                .to_owned();
        }
        if details == Details::Names {
            return Ok(());
        }
        if !given("date") {
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
        }
        if !given("iteration") {
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
        }
        Ok(())
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

    fn ask_questions(
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
            let answer = prompter.input(&question.text, &current)?.trim().to_owned();
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

    fn ask_categories(
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

    fn ask_items(
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

    fn add_items(
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
            canvas.block_mut(id).items.push(item);
        }
    }

    /// The items a block already has: a menu to edit, re-link or remove any of them, or add more.
    /// Ids never change, so links from other blocks keep pointing at the right note.
    fn revise_items(
        &self,
        id: BlockId,
        asked: &BankBlock,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let m = &self.messages.interview;
        let links_here = !id.link_targets().is_empty();
        loop {
            let items = &canvas.block(id).items;
            let mut options = vec![m.items_done.clone(), m.items_add.clone()];
            options.extend(items.iter().map(item_label));
            let menu = fill(&m.items_menu, &[("block", &asked.title)]);
            let pick = match prompter.select(&menu, &options, 0)? {
                0 => return Ok(()),
                1 => {
                    self.add_items(id, asked, canvas, prompter)?;
                    continue;
                }
                n => n - 2,
            };
            let item = &canvas.block(id).items[pick];
            let mut actions = vec![
                (m.item_keep.clone(), ItemAction::Keep),
                (m.item_edit.clone(), ItemAction::Edit),
            ];
            if links_here {
                actions.push((m.item_relink.clone(), ItemAction::Relink));
            }
            if asked.item_groups().next().is_some() {
                actions.push((m.item_categories.clone(), ItemAction::Categories));
            }
            actions.push((m.item_note.clone(), ItemAction::Note));
            actions.push((m.item_status.clone(), ItemAction::Status));
            actions.push((m.item_evidence.clone(), ItemAction::Evidence));
            actions.push((m.item_remove.clone(), ItemAction::Remove));
            let labels: Vec<String> = actions.iter().map(|(label, _)| label.clone()).collect();
            let question = fill(&m.item_action, &[("item", &item_label(item))]);
            match actions.swap_remove(prompter.select(&question, &labels, 0)?).1 {
                ItemAction::Keep => {}
                ItemAction::Edit => {
                    let text = prompter.input(&m.item_text, &item.text)?.trim().to_owned();
                    if !text.is_empty() {
                        canvas.block_mut(id).items[pick].text = text;
                    }
                }
                ItemAction::Relink => {
                    let current = item.links.clone();
                    let links = self.ask_links(id, asked, canvas, &current, prompter)?;
                    canvas.block_mut(id).items[pick].links = links;
                }
                ItemAction::Categories => {
                    let mut item = item.clone();
                    self.ask_item_categories(asked, &mut item, prompter)?;
                    canvas.block_mut(id).items[pick] = item;
                }
                ItemAction::Note => {
                    let note = item.note.clone().unwrap_or_default();
                    let note = prompter.input(&m.item_note_prompt, &note)?.trim().to_owned();
                    canvas.block_mut(id).items[pick].note = Some(note).filter(|n| !n.is_empty());
                }
                ItemAction::Status => {
                    let status = self.ask_status(item, prompter)?;
                    canvas.block_mut(id).items[pick].status = status;
                }
                ItemAction::Evidence => {
                    let observed = prompter.input(&m.evidence_prompt, "")?.trim().to_owned();
                    if !observed.is_empty() {
                        // Dated, so the record shows when it was learnt.
                        let entry = format!("{}: {observed}", self.today);
                        canvas.block_mut(id).items[pick].evidence.push(entry);
                    }
                }
                ItemAction::Remove => {
                    let removed = HashSet::from([item.id.clone()]);
                    remove_items(canvas, id, &removed);
                }
            }
        }
    }

    /// How far an item has been tested; the current status is the default, so Enter keeps it.
    fn ask_status(&self, item: &Item, prompter: &mut dyn Prompter) -> io::Result<Status> {
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

    /// Asks the groups a bank asks per item, for one item, with its current choices ticked.
    fn ask_item_categories(
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

    /// One category group as a multi-select, its current choices in `categories` ticked.
    fn ask_group(
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

    /// Asks which earlier items an item serves, `current` ticked; nothing to ask when there are
    /// none yet. Links to items this block cannot offer (made by hand) are kept.
    fn ask_links(
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

/// The result of a multi-select over `current` values: those still picked keep their order, new
/// picks follow, and values the list did not offer (from another bank, or typed by hand) stay.
fn merge_picks(current: &[String], offered: &[&str], picked: &[&str]) -> Vec<String> {
    let mut merged: Vec<String> = current
        .iter()
        .filter(|c| !offered.contains(&c.as_str()) || picked.contains(&c.as_str()))
        .cloned()
        .collect();
    for pick in picked {
        if !current.iter().any(|c| c == pick) {
            merged.push((*pick).to_owned());
        }
    }
    merged
}

enum ItemAction {
    Keep,
    Edit,
    Relink,
    Categories,
    Note,
    Status,
    Evidence,
    Remove,
}

fn item_label(item: &Item) -> String {
    format!("{} ({})", item.text, item.id)
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

pub fn is_date(text: &str) -> bool {
    time::Date::parse(text, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
}

/// The local date and time to the minute, `YYYY-MM-DD HH:MM`.
pub fn now() -> String {
    local_now()
        .format(time::macros::format_description!(
            "[year]-[month]-[day] [hour]:[minute]"
        ))
        .expect("a time always formats")
}

fn local_now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// Today's date in the local time zone (UTC where the zone cannot be read).
pub fn today() -> String {
    local_now()
        .date()
        .format(time::macros::format_description!("[year]-[month]-[day]"))
        .expect("a date always formats")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompt::scripted::{Answer, ScriptedPrompter};

    use Answer::*;

    /// An item's text, and the link ticks to give when the interview asks for them.
    type ScriptedItem = (&'static str, Option<&'static [usize]>);

    struct Setup {
        bank: &'static Bank,
        messages: &'static Messages,
    }

    impl Setup {
        fn new() -> Self {
            Setup {
                bank: Bank::builtin("en").unwrap(),
                messages: Messages::get("en"),
            }
        }

        fn interview(&self) -> Interview<'_> {
            Interview::new(self.bank, self.messages, "2026-11-23".into())
        }

        /// Revises one block of `canvas` with `script`; the prompter is returned for assertions.
        fn revise_block(&self, canvas: &mut Canvas, block: BlockId, script: Vec<Answer>) -> ScriptedPrompter {
            let plan = Plan {
                blocks: vec![block],
                start: 0,
                details: Details::Skip,
            };
            let mut prompter = ScriptedPrompter::new(script);
            self.interview()
                .run(canvas, &plan, &mut prompter, &mut |_, _| Ok(()))
                .unwrap();
            prompter
        }

        /// Enter on every question and block-wide list of a block: its answers and choices stay.
        fn keep_answers(&self, block: BlockId) -> Vec<Answer> {
            let asked = self.bank.block(block);
            asked
                .questions
                .iter()
                .map(|_| Keep)
                .chain(asked.block_groups().map(|_| KeepTicks))
                .collect()
        }

        /// Answers every question and ticks the first option of every group; then adds `items`,
        /// each with the link ticks to give when asked.
        fn block(&self, block: BlockId, items: &[ScriptedItem]) -> Vec<Answer> {
            let asked = self.bank.block(block);
            let mut answers: Vec<Answer> = asked.questions.iter().map(|_| Text("an answer")).collect();
            answers.extend(asked.block_groups().map(|_| Ticks(&[0])));
            for (text, links) in items {
                answers.push(Text(text));
                answers.extend(links.map(Ticks));
                answers.extend(asked.item_groups().map(|_| Ticks(&[0])));
                answers.push(Pick(0)); // still an assumption
            }
            answers.push(Text(""));
            answers
        }
    }

    /// The complete example canvas, to revise.
    fn brew_box() -> Canvas {
        Canvas::parse(
            std::path::Path::new("brew-box.toml"),
            include_str!("../examples/brew-box.toml"),
        )
        .unwrap()
    }

    fn details() -> Vec<Answer> {
        vec![
            Text("Brew Box"),
            Text("Brew Box GmbH"),
            Text("Ana Ruiz"),
            Keep,
            Keep,
        ]
    }

    fn run(
        setup: &Setup,
        canvas: &mut Canvas,
        answers: Vec<Answer>,
    ) -> (io::Result<Outcome>, ScriptedPrompter) {
        let mut prompter = ScriptedPrompter::new(answers);
        let plan = Plan::every_block(Details::All);
        let outcome = setup
            .interview()
            .run(canvas, &plan, &mut prompter, &mut |_, _| Ok(()));
        (outcome, prompter)
    }

    #[test]
    fn a_full_walk_asks_everything_in_block_order_and_fills_the_canvas() {
        let s = Setup::new();
        let mut script = details();
        use BlockId::*;
        let items: [&[ScriptedItem]; 9] = [
            &[("Remote workers", None), ("Small offices", None)],
            &[("Fresh beans weekly", Some(&[0, 1]))],
            &[("Web shop", Some(&[1]))],
            &[("Self-service account", Some(&[0]))],
            &[("Subscription", Some(&[]))],
            &[("Roastery", Some(&[0]))],
            &[("Roasting", Some(&[0, 1]))],
            &[("Importer", Some(&[1]))],
            &[("Green coffee", Some(&[2]))],
        ];
        for (block, items) in BlockId::ALL.into_iter().zip(items) {
            script.extend(s.block(block, items));
            script.push(Pick(0));
        }
        let mut canvas = Canvas::default();
        let (outcome, prompter) = run(&s, &mut canvas, script);
        assert_eq!(outcome.unwrap(), Outcome::Finished);
        assert!(prompter.is_done());

        assert_eq!(canvas.meta.title, "Brew Box");
        assert_eq!(canvas.meta.designed_for, "Brew Box GmbH");
        assert_eq!(canvas.meta.date, "2026-11-23", "today is the default");
        assert_eq!(canvas.meta.iteration, 1);
        assert_eq!(canvas.meta.language, "en");
        for block in BlockId::ALL {
            let asked = s.bank.block(block);
            assert_eq!(
                canvas.block(block).answers.len(),
                asked.questions.len(),
                "{block}"
            );
            for group in asked.block_groups() {
                assert_eq!(canvas.block(block).chosen(group.id()), [group.options[0].id()]);
            }
            for group in asked.item_groups() {
                let item = &canvas.block(block).items[0];
                assert_eq!(item.categories[group.id()], [group.options[0].id()], "{block}");
                assert!(canvas.block(block).chosen(group.id()).is_empty());
            }
        }
        let ids_links = |block: BlockId| -> Vec<(String, Vec<String>)> {
            canvas
                .block(block)
                .items
                .iter()
                .map(|i| (i.id.clone(), i.links.clone()))
                .collect()
        };
        let s_ = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ids_links(CustomerSegments),
            [("cs1".into(), vec![]), ("cs2".into(), vec![])]
        );
        assert_eq!(
            ids_links(ValuePropositions),
            [("vp1".into(), s_(&["cs1", "cs2"]))]
        );
        assert_eq!(ids_links(Channels), [("ch1".into(), s_(&["cs2"]))]);
        assert_eq!(ids_links(RevenueStreams), [("rs1".into(), vec![])]);
        // Resources and activities choose among value propositions, channels and relationships.
        assert_eq!(ids_links(KeyActivities), [("ka1".into(), s_(&["vp1", "ch1"]))]);
        assert_eq!(ids_links(KeyPartners), [("kp1".into(), s_(&["ka1"]))]);
        assert_eq!(ids_links(CostStructure), [("co1".into(), s_(&["kp1"]))]);

        let progress: Vec<&String> = prompter
            .transcript
            .iter()
            .filter(|l| l.starts_with('['))
            .collect();
        assert_eq!(progress.len(), 9);
        assert_eq!(progress[2], "[3/9] block 3/9 · Channels");
        let first_question = prompter
            .transcript
            .iter()
            .position(|l| l == "? For whom are we creating value?");
        let last_question = prompter
            .transcript
            .iter()
            .position(|l| l == "? Which key activities are the most expensive?");
        assert!(first_question < last_question);
    }

    #[test]
    fn save_and_quit_stops_after_the_block_and_marks_the_next_one() {
        let s = Setup::new();
        let mut script = details();
        script.extend(s.block(BlockId::CustomerSegments, &[("Remote workers", None)]));
        script.push(Pick(2)); // continue, redo, save and quit
        let mut canvas = Canvas::default();
        let mut prompter = ScriptedPrompter::new(script);
        let mut checkpoints = Vec::new();
        let plan = Plan::every_block(Details::All);
        let outcome = s
            .interview()
            .run(&mut canvas, &plan, &mut prompter, &mut |_, next| {
                checkpoints.push(next);
                Ok(())
            });
        assert_eq!(outcome.unwrap(), Outcome::Paused);
        assert_eq!(
            checkpoints,
            [0, 1],
            "after the details, then the block after the one saved"
        );
        assert!(prompter.transcript.contains(&"= Save and quit".to_owned()));
        assert_eq!(canvas.block(BlockId::CustomerSegments).items.len(), 1);
        assert!(canvas.block(BlockId::ValuePropositions).is_empty());
    }

    #[test]
    fn back_and_redo_offer_the_earlier_answers_and_removing_an_item_drops_links_to_it() {
        let s = Setup::new();
        let mut script = details();
        script.extend(s.block(
            BlockId::CustomerSegments,
            &[("Remote workers", None), ("Offices", None)],
        ));
        script.push(Pick(0));
        script.extend(s.block(BlockId::ValuePropositions, &[("Fresh beans", Some(&[0, 1]))]));
        script.push(Pick(2)); // continue, redo, back to customer segments
        // Customer segments again: keep the answers and choices, then remove "Offices" (cs2).
        script.extend(s.keep_answers(BlockId::CustomerSegments));
        script.extend([Pick(3), Pick(5), Pick(0)]); // menu: cs2; keep, edit, note, status, evidence, remove; done
        script.push(Pick(1)); // redo: ask the block once more, as it now stands
        script.extend(s.keep_answers(BlockId::CustomerSegments));
        script.push(Pick(0)); // done with the items
        script.push(Pick(2)); // continue, redo, save and quit: no "back" on the first block
        let mut canvas = Canvas::default();
        let (outcome, prompter) = run(&s, &mut canvas, script);
        assert_eq!(outcome.unwrap(), Outcome::Paused);
        assert!(prompter.is_done());
        let cs = canvas.block(BlockId::CustomerSegments);
        assert_eq!(cs.answers.len(), 2);
        assert_eq!(cs.chosen("segment_type"), ["mass_market"]);
        assert_eq!(
            cs.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["cs1"]
        );
        assert_eq!(canvas.block(BlockId::ValuePropositions).items[0].links, ["cs1"]);
        assert!(
            prompter
                .transcript
                .contains(&"= Back to Customer Segments".to_owned())
        );
    }

    #[test]
    fn existing_items_can_be_edited_relinked_removed_and_added_to_keeping_their_ids() {
        let s = Setup::new();
        let mut canvas = brew_box();
        let mut script = s.keep_answers(BlockId::Channels);
        script.extend([
            Pick(3), // ch2, Instagram reels
            Pick(1), // edit
            Text("Instagram reels and stories"),
            Pick(2), // ch1, web shop
            Pick(2), // change links
            Ticks(&[1]),
            Pick(2), // ch1 again
            Pick(3), // change its categories: the phases it covers
            Ticks(&[0, 4]),
            Pick(2), // ch1 again
            Pick(4), // write a note
            Text("Where every order ends up"),
            Pick(4), // ch3, referral code
            Pick(7), // remove
            Pick(1), // add new items
            Text("Podcast sponsoring"),
            Ticks(&[0]),
            Ticks(&[0]),
            Pick(1), // testing
            Text(""),
            Pick(0), // done
            Pick(0), // finish
        ]);
        let plan = Plan {
            blocks: vec![BlockId::Channels],
            start: 0,
            details: Details::Skip,
        };
        let mut prompter = ScriptedPrompter::new(script);
        let mut checkpoints = Vec::new();
        let outcome = s
            .interview()
            .run(&mut canvas, &plan, &mut prompter, &mut |_, next| {
                checkpoints.push(next);
                Ok(())
            })
            .unwrap();
        assert_eq!(outcome, Outcome::Finished);
        assert!(prompter.is_done());
        assert_eq!(
            checkpoints,
            [1],
            "one checkpoint after the block; details were skipped"
        );
        let channels: Vec<(&str, &str, Vec<&str>)> = canvas
            .block(BlockId::Channels)
            .items
            .iter()
            .map(|i| {
                (
                    i.id.as_str(),
                    i.text.as_str(),
                    i.links.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            channels,
            [
                ("ch1", "Web shop with subscriptions", vec!["cs2"]),
                ("ch2", "Instagram reels and stories", vec!["cs1"]),
                ("ch3", "Podcast sponsoring", vec!["cs1"]),
            ]
        );
        let ch1 = &canvas.block(BlockId::Channels).items[0];
        // Kept choices keep their place, new ones follow.
        assert_eq!(ch1.categories["phases"], ["after_sales", "awareness"]);
        assert_eq!(ch1.note.as_deref(), Some("Where every order ends up"));
        assert_eq!(
            canvas.block(BlockId::Channels).items[2].categories["phases"],
            ["awareness"]
        );
        // Links from other blocks to the edited and re-linked channels still hold.
        assert_eq!(canvas.block(BlockId::KeyResources).items[2].links, ["ch1", "cr1"]);
    }

    #[test]
    fn removing_an_item_drops_the_links_that_pointed_at_it() {
        let s = Setup::new();
        let mut canvas = brew_box();
        let mut script = s.keep_answers(BlockId::CustomerRelationships);
        script.extend([Pick(2), Pick(6), Pick(0), Pick(0)]); // cr1: remove; done; finish
        assert!(
            s.revise_block(&mut canvas, BlockId::CustomerRelationships, script)
                .is_done()
        );
        assert!(!canvas.item_index().contains_key("cr1"));
        assert_eq!(
            canvas.block(BlockId::KeyResources).items[2].links,
            ["ch1"],
            "kr3 linked cr1"
        );
    }

    #[test]
    fn picks_keep_their_order_and_what_was_not_offered() {
        let current = ["b".to_owned(), "foreign".to_owned(), "a".to_owned()];
        let offered = ["a", "b", "c"];
        assert_eq!(
            merge_picks(&current, &offered, &["a", "b"]),
            ["b", "foreign", "a"]
        );
        assert_eq!(
            merge_picks(&current, &offered, &["a", "c"]),
            ["foreign", "a", "c"]
        );
        assert_eq!(merge_picks(&[], &offered, &["c", "a"]), ["c", "a"]);
    }

    #[test]
    fn details_are_asked_again_until_they_are_valid() {
        let s = Setup::new();
        let script = vec![
            Text("  "),
            Text("Brew Box"),
            Text(""),
            Text(""),
            Text("23.11.2026"),
            Text("2026-02-30"),
            Text("2026-02-28"),
            Text("zero"),
            Text("0"),
            Text("4"),
        ];
        let mut canvas = Canvas::default();
        let (outcome, prompter) = run(&s, &mut canvas, script);
        let error = outcome.unwrap_err();
        assert_eq!(
            error.kind(),
            io::ErrorKind::UnexpectedEof,
            "the script ends at the first block"
        );
        assert_eq!(canvas.meta.title, "Brew Box");
        assert_eq!(canvas.meta.date, "2026-02-28");
        assert_eq!(canvas.meta.iteration, 4);
        let notes = |m: &str| prompter.transcript.iter().filter(|l| l.contains(m)).count();
        assert_eq!(notes("A title tells"), 1);
        assert_eq!(notes("YYYY-MM-DD, for example"), 2);
        assert_eq!(notes("whole number"), 2);
    }

    #[test]
    fn clearing_an_answer_or_all_ticks_removes_it_and_foreign_choices_survive() {
        let s = Setup::new();
        let mut canvas = Canvas::default();
        canvas.meta.title = "Kept".into();
        let cs = canvas.block_mut(BlockId::CustomerSegments);
        cs.answers.insert("who".into(), "Remote workers".into());
        cs.answers.insert("most_important".into(), "Cities".into());
        cs.categories.insert(
            "segment_type".into(),
            vec!["niche_market".into(), "from_my_bank".into()],
        );
        let mut script = vec![Keep, Keep, Keep, Keep, Keep];
        script.extend([Text(""), Keep, Ticks(&[]), Text("")]);
        script.push(Pick(2));
        let (outcome, _) = run(&s, &mut canvas, script);
        assert_eq!(outcome.unwrap(), Outcome::Paused);
        let cs = canvas.block(BlockId::CustomerSegments);
        assert_eq!(cs.answers.keys().collect::<Vec<_>>(), ["most_important"]);
        assert_eq!(cs.chosen("segment_type"), ["from_my_bank"]);
        assert_eq!(canvas.meta.title, "Kept");
    }

    /// A clock that moves on by a given number of seconds each time it is read.
    struct SteppingClock {
        now: std::cell::Cell<u64>,
        steps: std::cell::RefCell<Vec<u64>>,
    }

    impl Clock for SteppingClock {
        fn seconds(&self) -> u64 {
            let step = self.steps.borrow_mut().pop().unwrap_or(0);
            self.now.set(self.now.get() + step);
            self.now.get()
        }
    }

    #[test]
    fn coach_mode_shows_notes_times_each_block_and_records_the_sitting() {
        let s = Setup::new();
        let mut canvas = brew_box();
        canvas.sessions.push(SessionRecord {
            iteration: 2,
            started: "2026-11-20 14:00".into(),
            minutes: [
                ("customer_segments".to_owned(), 12),
                ("value_propositions".to_owned(), 20),
            ]
            .into_iter()
            .collect(),
            stopped_at: Some("value_propositions".into()),
        });
        // Read at each block's start and end: segments take 9 minutes 30, value propositions 16.
        let clock = SteppingClock {
            now: 0.into(),
            steps: vec![960, 0, 570, 0].into(),
        };
        let interview = Interview {
            coaching: Some(Coaching {
                clock: &clock,
                started: "2026-11-23 09:00".into(),
            }),
            ..s.interview()
        };
        let plan = Plan {
            blocks: vec![BlockId::CustomerSegments, BlockId::ValuePropositions],
            start: 0,
            details: Details::Skip,
        };
        let mut script = Vec::new();
        for block in &plan.blocks {
            script.extend(s.keep_answers(*block));
            script.extend([Pick(0), Pick(0)]);
        }
        let mut prompter = ScriptedPrompter::new(script);
        interview
            .run(&mut canvas, &plan, &mut prompter, &mut |_, _| Ok(()))
            .unwrap();
        assert!(prompter.is_done());

        let said = prompter.transcript.join("\n");
        for line in [
            "Last session (2026-11-20 14:00, iteration 2) stopped at Value Propositions after 32 minutes.",
            "Timebox: 10 minutes",
            "Listen for: Concrete groups with a shared need",
            "Typical trap: \\\"Everyone\\\" or a demographic alone",
            "A good answer: Freelance designers in Berlin",
            "Time in this block: 10 of 10 minutes.",
            "Time in this block: 16 minutes, 1 over the timebox of 15.",
        ] {
            assert!(said.contains(line), "missing {line:?} in\n{said}");
        }
        assert_eq!(canvas.sessions.len(), 2);
        let sitting = &canvas.sessions[1];
        assert_eq!(sitting.started, "2026-11-23 09:00");
        assert_eq!(
            sitting.minutes["customer_segments"], 10,
            "9 minutes 30 count as 10"
        );
        assert_eq!(sitting.minutes["value_propositions"], 16);
        assert_eq!(sitting.stopped_at.as_deref(), Some("value_propositions"));
    }

    #[test]
    fn without_coach_mode_nothing_is_timed_or_recorded() {
        let s = Setup::new();
        let mut script = details();
        script.extend(s.block(BlockId::CustomerSegments, &[("Remote workers", None)]));
        script.push(Pick(2));
        let mut canvas = Canvas::default();
        let (_, prompter) = run(&s, &mut canvas, script);
        assert!(canvas.sessions.is_empty());
        assert!(!prompter.transcript.iter().any(|l| l.contains("Timebox")));
    }

    #[test]
    fn revising_records_dated_evidence_and_a_new_status() {
        let s = Setup::new();
        let mut canvas = brew_box();
        let mut script = s.keep_answers(BlockId::CustomerSegments);
        // cs2: record evidence, then mark it validated; done; finish.
        script.extend([
            Pick(3),
            Pick(4),
            Text("9 of 12 office managers asked for a trial"),
            Pick(3),
            Pick(3),
            Pick(2),
        ]);
        script.extend([Pick(0), Pick(0)]);
        let prompter = s.revise_block(&mut canvas, BlockId::CustomerSegments, script);
        assert!(prompter.is_done());
        let cs2 = &canvas.block(BlockId::CustomerSegments).items[1];
        assert_eq!(
            cs2.evidence,
            ["2026-11-23: 9 of 12 office managers asked for a trial"]
        );
        assert_eq!(cs2.status, Status::Validated);
        assert!(
            prompter
                .transcript
                .iter()
                .any(|l| l == "? How far is “Small offices without a coffee service” tested?")
        );
    }
}
