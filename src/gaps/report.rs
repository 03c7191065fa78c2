//! The gap report: the findings put into words, the gaps a coach accepted listed apart, the
//! score, the yearly figures and the next steps — the gaps with the most impact.

use serde::Serialize;

use super::{Finding, Severity, find, score, wording};
use crate::bank::Bank;
use crate::i18n::Messages;
use crate::model::{Acknowledged, BlockId, Canvas};
use crate::money::Figures;

/// One gap as reported: in `[gap_report]`, on screen and as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Gap {
    pub block: BlockId,
    pub rule: &'static str,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Whether that question already has an answer: a next step then names the gap, not it.
    #[serde(skip)]
    #[schemars(skip)]
    pub answered: bool,
}

/// A gap a coach accepted, with the reason given in the canvas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Accepted {
    #[serde(flatten)]
    pub gap: Gap,
    pub reason: String,
}

/// A next step: a gap, and the guiding question to answer where the canvas leaves it
/// unanswered; otherwise the gap's message says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    gap: usize,
    ask: Option<String>,
}

/// Written by canvas-coach on every save; never read back.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GapReport {
    pub score: u8,
    pub gaps: Vec<Gap>,
    /// Gaps the canvas accepts in `[[acknowledged]]`: listed apart, they no longer count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledged: Vec<Accepted>,
    /// The yearly revenue and costs the canvas states.
    #[serde(skip)]
    pub figures: Figures,
    #[serde(skip)]
    steps: Vec<Step>,
}

impl GapReport {
    pub fn new(canvas: &Canvas, bank: &Bank, messages: &Messages) -> GapReport {
        let figures = Figures::of(canvas, &bank.words);
        let index = canvas.item_index();
        let describe = |f: &Finding| wording::describe(f, canvas, &index, bank, messages, &figures);
        let (mut open, mut acknowledged) = (Vec::new(), Vec::new());
        for finding in find(canvas, bank) {
            match canvas.acknowledged.iter().find(|a| accepts(a, &finding)) {
                Some(accepted) => acknowledged.push(Accepted {
                    gap: describe(&finding),
                    reason: accepted.reason.clone(),
                }),
                None => open.push(finding),
            }
        }
        let score = score::score(canvas, bank, &open);
        let gaps: Vec<Gap> = open.iter().map(describe).collect();
        let steps = steps(&open, &gaps);
        GapReport {
            score,
            gaps,
            acknowledged,
            figures,
            steps,
        }
    }

    /// The gaps to work on first, each with the question to answer or else its message: the
    /// three with the most impact, at most one per block.
    pub fn next_steps(&self) -> Vec<(&Gap, Option<&str>)> {
        self.steps
            .iter()
            .map(|step| (&self.gaps[step.gap], step.ask.as_deref()))
            .collect()
    }

    /// The score alone, for a file the whole report would push over the size limit.
    pub fn score_only(&self) -> GapReport {
        GapReport {
            score: self.score,
            gaps: Vec::new(),
            acknowledged: Vec::new(),
            figures: Figures::default(),
            steps: Vec::new(),
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.gaps.iter().filter(|g| g.severity == severity).count()
    }

    /// The block that needs the most work: gaps weighted by severity, the earlier block on a tie.
    pub fn worst_block(&self) -> Option<BlockId> {
        let weight = |s: Severity| match s {
            Severity::Inconsistent => 3,
            Severity::Missing => 2,
            Severity::Suggestion => 1,
        };
        let mut totals = [0u32; 9];
        for gap in &self.gaps {
            totals[gap.block.index()] += weight(gap.severity);
        }
        let (index, &most) = totals.iter().enumerate().rev().max_by_key(|(_, total)| **total)?;
        (most > 0).then_some(BlockId::ALL[index])
    }
}

/// Whether an accepted gap covers a finding: the same rule, and the block and item where given.
/// For a finding without an item, `item` names what it is about: a question, group or phase.
fn accepts(accepted: &Acknowledged, finding: &Finding) -> bool {
    let about = finding.item.as_ref().or(finding.subject.as_ref());
    accepted.rule == finding.rule.id
        && accepted.block.is_none_or(|b| b == finding.block)
        && accepted.item.as_ref().is_none_or(|item| Some(item) == about)
}

/// The next steps: by impact (money, then contradictions and empty blocks, then unanswered
/// questions, then missing choices, then a coach's questions), then in block order; at most one
/// per block; small matters never.
fn steps(findings: &[Finding], gaps: &[Gap]) -> Vec<Step> {
    /// How many next steps the report closes with.
    const NEXT_STEPS: usize = 3;
    /// Impacts ranked here or later are never a next step.
    const NEVER: u8 = super::rule::Impact::Minor.rank();
    let mut order: Vec<usize> = (0..findings.len())
        .filter(|&n| findings[n].rule.impact.rank() < NEVER)
        .collect();
    order.sort_by_key(|&n| (findings[n].rule.impact.rank(), findings[n].block));
    let mut blocks = Vec::new();
    let mut steps = Vec::new();
    for n in order {
        let gap = &gaps[n];
        if blocks.contains(&gap.block) {
            continue;
        }
        blocks.push(gap.block);
        steps.push(Step {
            gap: n,
            ask: gap.question.clone().filter(|_| !gap.answered),
        });
        if steps.len() == NEXT_STEPS {
            break;
        }
    }
    steps
}
