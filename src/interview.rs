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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompt::scripted::{Answer, ScriptedPrompter};

    use Answer::*;

    /// An item's text, and the link ticks to give when the interview asks for them.
    type ScriptedItem = (&'static str, Option<&'static [usize]>);

    struct Setup {
        bank: Bank,
        messages: Messages,
    }

    impl Setup {
        fn new() -> Self {
            Setup {
                bank: Bank::builtin("en").unwrap(),
                messages: Messages::english(),
            }
        }

        fn interview(&self) -> Interview<'_> {
            Interview {
                bank: &self.bank,
                messages: &self.messages,
                today: "2026-11-23".into(),
            }
        }

        /// Answers every question and ticks the first option of every group; then adds `items`,
        /// each with the link ticks to give when asked.
        fn block(&self, block: BlockId, items: &[ScriptedItem]) -> Vec<Answer> {
            let asked = self.bank.block(block);
            let mut answers: Vec<Answer> = asked.questions.iter().map(|_| Text("an answer")).collect();
            answers.extend(asked.groups.iter().map(|_| Ticks(&[0])));
            for (text, links) in items {
                answers.push(Text(text));
                answers.extend(links.map(Ticks));
            }
            answers.push(Text(""));
            answers
        }
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
        let outcome = setup.interview().run(canvas, &mut prompter);
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
            for group in &asked.groups {
                assert_eq!(canvas.block(block).chosen(group.id()), [group.options[0].id()]);
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
    fn save_and_quit_stops_after_the_block() {
        let s = Setup::new();
        let mut script = details();
        script.extend(s.block(BlockId::CustomerSegments, &[("Remote workers", None)]));
        script.push(Pick(2)); // continue, redo, save and quit
        let mut canvas = Canvas::default();
        let (outcome, prompter) = run(&s, &mut canvas, script);
        assert_eq!(outcome.unwrap(), Outcome::Paused);
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
        // Customer segments again: keep the answers, keep the choices, untick "Offices".
        let asked = s.bank.block(BlockId::CustomerSegments);
        script.extend(asked.questions.iter().map(|_| Keep));
        script.extend(asked.groups.iter().map(|_| KeepTicks));
        script.push(Ticks(&[0]));
        script.push(Text(""));
        script.push(Pick(1)); // redo: ask the block once more, as it now stands
        script.extend(asked.questions.iter().map(|_| Keep));
        script.extend(asked.groups.iter().map(|_| KeepTicks));
        script.push(KeepTicks);
        script.push(Text(""));
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
}
