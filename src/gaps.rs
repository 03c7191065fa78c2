//! Gap rules: small pure functions over a canvas and its question bank, each finding what is
//! missing or inconsistent. The report gathers their findings, words them and scores the canvas.

use std::collections::HashSet;

use serde::Serialize;

use crate::bank::Bank;
use crate::block::BlockId;
use crate::canvas::{Canvas, ItemIndex};
use crate::messages::{Messages, fill};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Missing,
    Inconsistent,
    Suggestion,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Missing => "missing",
            Severity::Inconsistent => "inconsistent",
            Severity::Suggestion => "suggestion",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    EmptyBlock,
    UnansweredQuestion,
    NoCategoryChosen,
    SegmentWithoutValueProposition,
    SegmentWithoutChannel,
    SegmentWithoutRelationship,
    SegmentWithoutRevenue,
    UnlinkedItem,
    DanglingLink,
    WrongLinkTarget,
}

impl Rule {
    pub fn id(self) -> &'static str {
        match self {
            Rule::EmptyBlock => "empty_block",
            Rule::UnansweredQuestion => "unanswered_question",
            Rule::NoCategoryChosen => "no_category_chosen",
            Rule::SegmentWithoutValueProposition => "segment_without_value_proposition",
            Rule::SegmentWithoutChannel => "segment_without_channel",
            Rule::SegmentWithoutRelationship => "segment_without_relationship",
            Rule::SegmentWithoutRevenue => "segment_without_revenue",
            Rule::UnlinkedItem => "unlinked_item",
            Rule::DanglingLink => "dangling_link",
            Rule::WrongLinkTarget => "wrong_link_target",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::EmptyBlock | Rule::UnansweredQuestion | Rule::NoCategoryChosen => Severity::Missing,
            _ => Severity::Inconsistent,
        }
    }
}

/// What a rule found, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// The block where the gap is to be closed.
    pub block: BlockId,
    /// The item concerned, if any.
    pub item: Option<String>,
    /// The question or group left open, or the id a link points to.
    pub subject: Option<String>,
    /// The guiding question to answer next.
    pub question: Option<String>,
}

impl Finding {
    fn new(rule: Rule, block: BlockId) -> Self {
        Finding {
            rule,
            block,
            item: None,
            subject: None,
            question: None,
        }
    }

    fn item(mut self, id: &str) -> Self {
        self.item = Some(id.to_owned());
        self
    }

    fn subject(mut self, subject: &str) -> Self {
        self.subject = Some(subject.to_owned());
        self
    }

    fn question(mut self, question: Option<&str>) -> Self {
        self.question = question.map(str::to_owned);
        self
    }
}

type RuleFn = fn(&Canvas, &Bank) -> Vec<Finding>;

/// Every rule, run in this order; findings are then sorted by block order.
const RULES: &[RuleFn] = &[
    empty_blocks,
    unanswered_questions,
    categories_not_chosen,
    segments_left_out,
    unlinked_items,
    broken_links,
];

/// The guiding question to point at for a block: the given one where the bank has it, else the
/// block's first.
fn point_to<'a>(bank: &'a Bank, block: BlockId, preferred: &str) -> Option<&'a str> {
    let block = bank.block(block);
    block
        .question(preferred)
        .or_else(|| block.questions.first())
        .map(|q| q.id())
}

pub fn empty_blocks(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    BlockId::ALL
        .into_iter()
        .filter(|&b| canvas.block(b).items.is_empty())
        .map(|b| Finding::new(Rule::EmptyBlock, b).question(point_to(bank, b, "")))
        .collect()
}

pub fn unanswered_questions(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let mut found = Vec::new();
    for block in BlockId::ALL {
        for question in &bank.block(block).questions {
            if canvas.block(block).answer(question.id()).is_none() {
                found.push(
                    Finding::new(Rule::UnansweredQuestion, block)
                        .subject(question.id())
                        .question(Some(question.id())),
                );
            }
        }
    }
    found
}

pub fn categories_not_chosen(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let mut found = Vec::new();
    for block in BlockId::ALL {
        for group in &bank.block(block).groups {
            if canvas.block(block).chosen(group.id()).is_empty() {
                found.push(Finding::new(Rule::NoCategoryChosen, block).subject(group.id()));
            }
        }
    }
    found
}

/// A segment that a serving block has items but none of them for this segment. An empty serving
/// block is already reported as empty, so it does not repeat here once per segment.
pub fn segments_left_out(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let serving = [
        (
            BlockId::ValuePropositions,
            Rule::SegmentWithoutValueProposition,
            "value",
        ),
        (BlockId::Channels, Rule::SegmentWithoutChannel, "reach_now"),
        (
            BlockId::CustomerRelationships,
            Rule::SegmentWithoutRelationship,
            "expected",
        ),
        (
            BlockId::RevenueStreams,
            Rule::SegmentWithoutRevenue,
            "willing_to_pay",
        ),
    ];
    let mut found = Vec::new();
    for (block, rule, question) in serving {
        let items = &canvas.block(block).items;
        if items.is_empty() {
            continue;
        }
        let served: HashSet<&str> = items
            .iter()
            .flat_map(|i| i.links.iter().map(String::as_str))
            .collect();
        for segment in &canvas.block(BlockId::CustomerSegments).items {
            if !served.contains(segment.id.as_str()) {
                found.push(
                    Finding::new(rule, block)
                        .item(&segment.id)
                        .question(point_to(bank, block, question)),
                );
            }
        }
    }
    found
}

/// An item of a linking block that links nothing, while there is something to link to.
pub fn unlinked_items(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let mut found = Vec::new();
    for block in BlockId::ALL {
        let targets = block.link_targets();
        if targets.iter().all(|&t| canvas.block(t).items.is_empty()) {
            continue;
        }
        for item in &canvas.block(block).items {
            if item.links.is_empty() {
                found.push(
                    Finding::new(Rule::UnlinkedItem, block)
                        .item(&item.id)
                        .question(point_to(bank, block, "")),
                );
            }
        }
    }
    found
}

/// Links to ids that do not exist, or to items of a block this one cannot link to.
pub fn broken_links(canvas: &Canvas, _bank: &Bank) -> Vec<Finding> {
    let index = canvas.item_index();
    let mut found = Vec::new();
    for (block, item) in canvas.items() {
        for link in &item.links {
            let rule = match index.get(link.as_str()) {
                None => Rule::DanglingLink,
                Some((target, _)) if !block.link_targets().contains(target) => Rule::WrongLinkTarget,
                Some(_) => continue,
            };
            found.push(Finding::new(rule, block).item(&item.id).subject(link));
        }
    }
    found
}

/// All findings of all rules, in block order (then rule order within a block).
pub fn find(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let mut findings: Vec<Finding> = RULES.iter().flat_map(|rule| rule(canvas, bank)).collect();
    findings.sort_by_key(|f| f.block);
    findings
}

/// One gap as reported: in `[gap_report]`, on screen and as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub block: BlockId,
    pub rule: &'static str,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapReport {
    pub score: u8,
    pub gaps: Vec<Gap>,
}

impl GapReport {
    pub fn new(canvas: &Canvas, bank: &Bank, messages: &Messages) -> GapReport {
        let findings = find(canvas, bank);
        let score = score(canvas, bank, &findings);
        let index = canvas.item_index();
        let gaps = findings
            .iter()
            .map(|f| describe(f, &index, bank, messages))
            .collect();
        GapReport { score, gaps }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.gaps.iter().filter(|g| g.severity == severity).count()
    }
}

/// Completeness (70 points) is the share of open slots filled: each guiding question, each
/// category group, and each block's items counting as three. Consistency (30 points) loses 5 per
/// inconsistency. A complete, consistent canvas scores 100.
pub fn score(canvas: &Canvas, bank: &Bank, findings: &[Finding]) -> u8 {
    const ITEMS_WEIGHT: usize = 3;
    let mut slots = 0;
    let mut filled = 0;
    for block in BlockId::ALL {
        let (asked, answers) = (bank.block(block), canvas.block(block));
        slots += asked.questions.len() + asked.groups.len() + ITEMS_WEIGHT;
        filled += asked
            .questions
            .iter()
            .filter(|q| answers.answer(q.id()).is_some())
            .count();
        filled += asked
            .groups
            .iter()
            .filter(|g| !answers.chosen(g.id()).is_empty())
            .count();
        if !answers.items.is_empty() {
            filled += ITEMS_WEIGHT;
        }
    }
    let inconsistencies = findings
        .iter()
        .filter(|f| f.rule.severity() == Severity::Inconsistent)
        .count();
    let completeness = 70.0 * filled as f64 / slots as f64;
    let consistency = 30usize.saturating_sub(5 * inconsistencies) as f64;
    (completeness + consistency).round() as u8
}

/// Puts a finding into words, quoting the canvas's own texts.
fn describe(finding: &Finding, index: &ItemIndex<'_>, bank: &Bank, messages: &Messages) -> Gap {
    let block = bank.block(finding.block);
    let item_text = |id: &str| {
        index
            .get(id)
            .map_or_else(|| id.to_owned(), |(_, item)| item.text.clone())
    };
    let id = finding.item.as_deref().unwrap_or_default();
    let subject = finding.subject.as_deref().unwrap_or_default();
    let targets = finding
        .block
        .link_targets()
        .iter()
        .map(|&t| bank.block(t).title.as_str())
        .collect::<Vec<_>>()
        .join(" / ");
    let m = &messages.gaps;
    let message = match finding.rule {
        Rule::EmptyBlock => fill(&m.empty_block, &[("block", &block.title)]),
        Rule::UnansweredQuestion => {
            let question = block.question(subject).map_or(subject, |q| q.text.as_str());
            fill(&m.unanswered_question, &[("question", question)])
        }
        Rule::NoCategoryChosen => {
            let group = block.group(subject).map_or(subject, |g| g.title.as_str());
            fill(&m.no_category_chosen, &[("group", group)])
        }
        rule @ (Rule::SegmentWithoutValueProposition
        | Rule::SegmentWithoutChannel
        | Rule::SegmentWithoutRelationship
        | Rule::SegmentWithoutRevenue
        | Rule::UnlinkedItem) => {
            let template = match rule {
                Rule::SegmentWithoutValueProposition => &m.segment_without_value_proposition,
                Rule::SegmentWithoutChannel => &m.segment_without_channel,
                Rule::SegmentWithoutRelationship => &m.segment_without_relationship,
                Rule::SegmentWithoutRevenue => &m.segment_without_revenue,
                _ => &m.unlinked_item,
            };
            fill(
                template,
                &[("item", &item_text(id)), ("id", id), ("targets", &targets)],
            )
        }
        Rule::DanglingLink => fill(
            &m.dangling_link,
            &[("item", &item_text(id)), ("id", id), ("target", subject)],
        ),
        Rule::WrongLinkTarget => {
            let target_block = index
                .get(subject)
                .map_or("", |(b, _)| bank.block(*b).title.as_str());
            fill(
                &m.wrong_link_target,
                &[
                    ("item", &item_text(id)),
                    ("id", id),
                    ("target", subject),
                    ("target_block", target_block),
                    ("targets", &targets),
                ],
            )
        }
    };
    Gap {
        block: finding.block,
        rule: finding.rule.id(),
        severity: finding.rule.severity(),
        item: finding.item.clone(),
        message,
        question: finding.question.clone(),
    }
}
