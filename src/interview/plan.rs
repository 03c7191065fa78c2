//! What an interview walks: every block for a new canvas; for a revision, every block, the
//! blocks the person picks, or only the gap report; with `--only-gaps`, the open questions.

use std::collections::HashSet;

use super::prompt::{Prompter, Say};
use super::session::{Session, Start};
use super::walk::{Details, Plan};
use crate::error::Error;
use crate::gaps::GapReport;
use crate::i18n::fill;
use crate::model::{BlockId, Canvas};

impl Session<'_> {
    /// For `--only-gaps`: the blocks with a question that is unanswered or that a gap points to.
    pub(super) fn gaps_plan(&self) -> Option<Start> {
        let canvas = self
            .existing
            .as_ref()
            .map(|e| e.canvas.clone())
            .unwrap_or_default();
        let mut blocks: Vec<BlockId> = self.open_questions(&canvas).into_iter().map(|(b, _)| b).collect();
        blocks.sort();
        blocks.dedup();
        if blocks.is_empty() {
            return None;
        }
        let revision_of = self.existing.as_ref().map(|e| e.canvas.meta.iteration);
        let details = if self.existing.is_some() {
            Details::Skip
        } else {
            Details::All
        };
        let plan = Plan::of(blocks, details);
        Some(Start {
            canvas,
            plan,
            revision_of,
        })
    }

    /// Questions unanswered or pointed to by a gap.
    pub(super) fn open_questions(&self, canvas: &Canvas) -> HashSet<(BlockId, String)> {
        let report = GapReport::new(canvas, self.bank, self.messages);
        report
            .gaps
            .iter()
            .filter_map(|gap| Some((gap.block, gap.question.clone()?)))
            .collect()
    }

    /// Decides what to walk: everything for a new canvas, or what the person picks for a revision.
    /// `None` when they only want the report.
    pub(super) fn plan(
        &self,
        only: Option<Vec<BlockId>>,
        prompter: &mut dyn Prompter,
    ) -> Result<Option<Start>, Error> {
        let Some(existing) = &self.existing else {
            let plan = Plan::of(only.unwrap_or_else(|| BlockId::ALL.to_vec()), Details::All);
            return Ok(Some(Start {
                canvas: Canvas::default(),
                plan,
                revision_of: None,
            }));
        };
        let canvas = existing.canvas.clone();
        let revision_of = Some(canvas.meta.iteration);
        let plan = match only {
            Some(blocks) => Some(Plan::of(blocks, Details::Skip)),
            None => self.ask_what_to_revise(&canvas, prompter)?,
        };
        Ok(plan.map(|plan| Start {
            canvas,
            plan,
            revision_of,
        }))
    }

    /// Every block, chosen blocks (those with gaps ticked) or only the report.
    fn ask_what_to_revise(
        &self,
        canvas: &Canvas,
        prompter: &mut dyn Prompter,
    ) -> Result<Option<Plan>, Error> {
        let m = &self.messages.session;
        let title = fill(
            &m.revising,
            &[
                ("title", &canvas.meta.title),
                ("iteration", &canvas.meta.iteration.to_string()),
            ],
        );
        prompter.say(Say::Heading(&title));
        let options = [
            m.revise_every.clone(),
            m.revise_chosen.clone(),
            m.revise_report_only.clone(),
        ];
        match prompter
            .select(&m.revise_question, &options, 0)
            .map_err(Error::Prompt)?
            .unwrap_or(0)
        {
            0 => Ok(Some(Plan::of(BlockId::ALL.to_vec(), Details::Names))),
            1 => {
                let report = GapReport::new(canvas, self.bank, self.messages);
                let gaps_in = |b: BlockId| report.gaps.iter().filter(|g| g.block == b).count();
                let labels: Vec<String> = BlockId::ALL
                    .iter()
                    .map(|&b| {
                        let title = &self.bank.block(b).title;
                        fill(
                            &m.block_gaps,
                            &[("block", title), ("count", &gaps_in(b).to_string())],
                        )
                    })
                    .collect();
                let ticked: Vec<bool> = BlockId::ALL.iter().map(|&b| gaps_in(b) > 0).collect();
                let picks = prompter
                    .multi_select(&m.choose_blocks, &labels, &ticked)
                    .map_err(Error::Prompt)?
                    .unwrap_or_default();
                let blocks: Vec<BlockId> = picks.into_iter().map(|i| BlockId::ALL[i]).collect();
                Ok((!blocks.is_empty()).then(|| Plan::of(blocks, Details::Skip)))
            }
            _ => Ok(None),
        }
    }
}
