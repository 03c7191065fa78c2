//! The two short forms of testing: a test card (hypothesis → experiment → metric → criterion →
//! deadline) and a learning card (observation → insight → decision → strength, then the tested
//! items' status). Esc goes back a step; Esc on the first step leaves the form.

use std::io;

use super::items::item_label;
use super::prompt::{Prompter, Say, kept_or_trimmed};
use super::walk::Interview;
use crate::analysis::assumptions::ranked;
use crate::i18n::{Messages, fill};
use crate::model::{Canvas, Decision, Evidence, Learning, Status, Strength, Test, read_typed_date};

/// The fields of a test card, asked in this order.
const TEST_FIELDS: usize = 5;

/// A hypothesis sentence for a test of these items, from the first one's block and text.
pub fn suggested_hypothesis(canvas: &Canvas, items: &[String], messages: &Messages) -> String {
    let index = canvas.item_index();
    let Some(&(block, item)) = items.first().and_then(|id| index.get(id.as_str())) else {
        return String::new();
    };
    fill(messages.cards.hypotheses.of(block), &[("item", item.text.trim())])
}

impl Interview<'_> {
    /// Asks for a test of `items`, its hypothesis prefilled with a suggestion; `None` when the
    /// person leaves the form.
    pub fn design_test(
        &self,
        canvas: &Canvas,
        items: &[String],
        prompter: &mut dyn Prompter,
    ) -> io::Result<Option<Test>> {
        let m = &self.messages.cards;
        let mut test = Test {
            items: items.to_vec(),
            hypothesis: suggested_hypothesis(canvas, items, self.messages),
            criterion: m.criterion_start.clone(),
            ..Test::default()
        };
        prompter.say(Say::Heading(&self.test_heading(canvas, items)));
        let mut step = 0;
        while step < TEST_FIELDS {
            let (prompt, field) = match step {
                0 => (&m.hypothesis, &mut test.hypothesis),
                1 => (&m.experiment, &mut test.experiment),
                2 => (&m.metric, &mut test.metric),
                3 => (&m.criterion, &mut test.criterion),
                _ => {
                    match self.ask_deadline(prompter)? {
                        Some(deadline) => (test.deadline, step) = (deadline, TEST_FIELDS),
                        None => step -= 1,
                    }
                    continue;
                }
            };
            let Some(answer) = prompter.input(prompt, field)? else {
                match step.checked_sub(1) {
                    Some(back) => step = back,
                    None => return Ok(None),
                }
                continue;
            };
            *field = kept_or_trimmed(&answer, field);
            step += 1;
        }
        // A criterion left at its opening words says nothing.
        if test.criterion.trim() == m.criterion_start.trim() {
            test.criterion.clear();
        }
        Ok(Some(test))
    }

    /// The deadline: a date, or empty for none (`Some(None)`); asked again until it is one.
    fn ask_deadline(&self, prompter: &mut dyn Prompter) -> io::Result<Option<Option<String>>> {
        let m = &self.messages.cards;
        loop {
            let Some(answer) = prompter.date(&m.deadline, "")? else {
                return Ok(None);
            };
            if answer.trim().is_empty() {
                return Ok(Some(None));
            }
            if let Some(date) = read_typed_date(&answer) {
                return Ok(Some(Some(date)));
            }
            prompter.say(Say::Note(&m.deadline_invalid));
        }
    }

    /// Asks what test `id` showed and records it, with the tested items' new status, dated
    /// today; `false` when the person left the form and nothing changed.
    pub fn record_learning(
        &self,
        canvas: &mut Canvas,
        id: &str,
        prompter: &mut dyn Prompter,
    ) -> io::Result<bool> {
        let m = &self.messages.cards;
        let Some(test) = canvas.test(id).cloned() else {
            return Ok(false);
        };
        prompter.say(Say::Heading(&fill(&m.learn_heading, &[("id", id)])));
        prompter.say(Say::Note(&test.hypothesis));
        let Some(learning) = self.ask_learning(id, prompter)? else {
            return Ok(false);
        };
        let index = canvas.item_index();
        let mut statuses = Vec::new();
        for tested in &test.items {
            let Some(&(_, item)) = index.get(tested.as_str()) else {
                continue;
            };
            if let Some(status) = self.ask_status(item, &Status::ALL, prompter)? {
                statuses.push((tested.clone(), status));
            }
        }
        let status = |item: &str| statuses.iter().find(|(i, _)| i == item).map(|&(_, s)| s);
        canvas.record_learning(learning, &status);
        Ok(true)
    }

    /// Observation, insight, decision and strength; Esc goes back a step.
    fn ask_learning(&self, id: &str, prompter: &mut dyn Prompter) -> io::Result<Option<Learning>> {
        let m = &self.messages.cards;
        let mut learning = Learning {
            test: id.to_owned(),
            date: self.today.clone(),
            ..Learning::default()
        };
        let decisions: Vec<String> = Decision::ALL
            .iter()
            .map(|&d| m.decision_word(d).to_owned())
            .collect();
        let strengths: Vec<String> = Strength::ALL
            .iter()
            .map(|&s| m.strength_word(s).to_owned())
            .collect();
        let mut step: usize = 0;
        while step < 4 {
            let answered = match step {
                0 => prompter.input(&m.observation, &learning.observation)?.map(|a| {
                    learning.observation = kept_or_trimmed(&a, &learning.observation);
                }),
                1 => prompter.input(&m.insight, &learning.insight)?.map(|a| {
                    learning.insight = kept_or_trimmed(&a, &learning.insight);
                }),
                2 => prompter.select(&m.decision, &decisions, 0)?.map(|n| {
                    learning.decision = Some(Decision::ALL[n]);
                }),
                _ => prompter.select(&m.strength, &strengths, 0)?.map(|n| {
                    learning.strength = Strength::ALL[n];
                }),
            };
            match (answered, step.checked_sub(1)) {
                (Some(()), _) => step += 1,
                (None, Some(back)) => step = back,
                (None, None) => return Ok(None),
            }
        }
        Ok(Some(learning))
    }

    /// A piece of evidence, dated today, and its strength; none when left empty or on Esc.
    pub(super) fn ask_evidence(&self, prompter: &mut dyn Prompter) -> io::Result<Option<Evidence>> {
        let observed = prompter
            .input(&self.messages.interview.evidence_prompt, "")?
            .unwrap_or_default();
        if observed.trim().is_empty() {
            return Ok(None);
        }
        let m = &self.messages.cards;
        let strengths: Vec<String> = Strength::ALL
            .iter()
            .map(|&s| m.strength_word(s).to_owned())
            .collect();
        let strength = prompter.select(&m.strength, &strengths, 0)?.unwrap_or(0);
        // Dated, so the record shows when it was learnt.
        let text = format!("{}: {}", self.today, observed.trim());
        Ok(Some(Evidence::new(text, Strength::ALL[strength])))
    }

    /// In coach mode, after the last block: a test for the riskiest assumption that has none
    /// yet, if the person wants one now.
    pub(super) fn offer_riskiest_test(
        &self,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        if self.coaching.is_none() {
            return Ok(());
        }
        let untested = |item: &str| !canvas.tests.iter().any(|t| t.items.iter().any(|i| i == item));
        let riskiest = ranked(canvas, &self.bank.words)
            .into_iter()
            .find(|risk| untested(&risk.item.id))
            .map(|risk| (risk.item.id.clone(), risk.item.text.clone()));
        let Some((id, text)) = riskiest else {
            return Ok(());
        };
        let m = &self.messages.cards;
        let question = fill(&m.riskiest, &[("item", &text)]);
        let choices = [m.riskiest_yes.clone(), m.riskiest_no.clone()];
        if prompter.select(&question, &choices, 0)? != Some(0) {
            return Ok(());
        }
        if let Some(test) = self.design_test(canvas, &[id], prompter)? {
            canvas.add_test(test);
        }
        Ok(())
    }

    /// The heading of a test's form: the items it tests.
    fn test_heading(&self, canvas: &Canvas, items: &[String]) -> String {
        let index = canvas.item_index();
        let shown: Vec<String> = items
            .iter()
            .map(|id| {
                index
                    .get(id.as_str())
                    .map_or_else(|| id.clone(), |(_, i)| item_label(i))
            })
            .collect();
        fill(&self.messages.cards.design_for, &[("item", &shown.join(", "))])
    }
}
