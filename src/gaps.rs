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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn bank() -> Bank {
        Bank::builtin("en").unwrap()
    }

    fn canvas(body: &str) -> Canvas {
        Canvas::parse(Path::new("t.toml"), &format!("format = 1\n{body}")).unwrap()
    }

    fn complete() -> Canvas {
        let text = include_str!("../examples/brew-box.toml");
        Canvas::parse(Path::new("brew-box.toml"), text).unwrap()
    }

    fn rules_fired(found: &[Finding]) -> Vec<(Rule, BlockId, Option<&str>)> {
        found
            .iter()
            .map(|f| (f.rule, f.block, f.item.as_deref()))
            .collect()
    }

    const TWO_SEGMENTS: &str = "[[customer_segments.items]]\nid = \"cs1\"\ntext = \"A\"\n\
                                [[customer_segments.items]]\nid = \"cs2\"\ntext = \"B\"\n";

    #[test]
    fn a_complete_canvas_has_no_gaps_and_scores_100() {
        let canvas = complete();
        assert_eq!(find(&canvas, &bank()), []);
        assert_eq!(GapReport::new(&canvas, &bank(), &Messages::english()).score, 100);
    }

    #[test]
    fn empty_blocks_fire_per_block_without_items() {
        let found = empty_blocks(&canvas(TWO_SEGMENTS), &bank());
        assert_eq!(found.len(), 8);
        assert!(found.iter().all(|f| f.block != BlockId::CustomerSegments));
        assert_eq!(
            found[0].question.as_deref(),
            Some("value"),
            "points to the block's first question"
        );
        assert_eq!(empty_blocks(&complete(), &bank()), []);
    }

    #[test]
    fn unanswered_questions_fire_per_question_and_ignore_blank_answers() {
        let c = canvas("[customer_segments.answers]\nwho = \"Remote workers\"\nmost_important = \"   \"\n");
        let found: Vec<_> = unanswered_questions(&c, &bank())
            .into_iter()
            .filter(|f| f.block == BlockId::CustomerSegments)
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].subject.as_deref(), Some("most_important"));
        assert_eq!(found[0].question.as_deref(), Some("most_important"));
        assert_eq!(unanswered_questions(&complete(), &bank()), []);
    }

    #[test]
    fn an_empty_category_group_fires() {
        let c = canvas("[channels.categories]\nphases = [\"awareness\"]\nchannel_types = []\n");
        let found: Vec<_> = categories_not_chosen(&c, &bank())
            .into_iter()
            .filter(|f| f.block == BlockId::Channels)
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].subject.as_deref(), Some("channel_types"));
        assert_eq!(categories_not_chosen(&complete(), &bank()), []);
    }

    #[test]
    fn segments_left_out_by_a_serving_block_fire_once_that_block_has_items() {
        let body = format!(
            "{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\"]\n\
             [[value_propositions.items]]\nid = \"vp1\"\ntext = \"V\"\nlinks = [\"cs1\", \"cs2\"]\n"
        );
        let found = segments_left_out(&canvas(&body), &bank());
        // Relationships and revenue are empty: reported by empty_blocks, not once per segment.
        assert_eq!(
            rules_fired(&found),
            [(Rule::SegmentWithoutChannel, BlockId::Channels, Some("cs2"))]
        );
        assert_eq!(found[0].question.as_deref(), Some("reach_now"));

        let mut c = canvas(&body);
        c.block_mut(BlockId::Channels).items[0].links.push("cs2".into());
        assert_eq!(segments_left_out(&c, &bank()), []);
    }

    #[test]
    fn each_serving_block_has_its_own_rule() {
        let body = format!(
            "{TWO_SEGMENTS}\
             [[value_propositions.items]]\nid = \"vp1\"\ntext = \"V\"\nlinks = [\"cs1\"]\n\
             [[channels.items]]\nid = \"ch1\"\ntext = \"C\"\nlinks = [\"cs1\"]\n\
             [[customer_relationships.items]]\nid = \"cr1\"\ntext = \"R\"\nlinks = [\"cs1\"]\n\
             [[revenue_streams.items]]\nid = \"rs1\"\ntext = \"S\"\nlinks = [\"cs1\"]\n"
        );
        let found = segments_left_out(&canvas(&body), &bank());
        assert_eq!(
            rules_fired(&found),
            [
                (
                    Rule::SegmentWithoutValueProposition,
                    BlockId::ValuePropositions,
                    Some("cs2")
                ),
                (Rule::SegmentWithoutChannel, BlockId::Channels, Some("cs2")),
                (
                    Rule::SegmentWithoutRelationship,
                    BlockId::CustomerRelationships,
                    Some("cs2")
                ),
                (Rule::SegmentWithoutRevenue, BlockId::RevenueStreams, Some("cs2")),
            ]
        );
    }

    #[test]
    fn unlinked_items_fire_only_when_there_is_something_to_link_to() {
        let lonely = "[[key_partners.items]]\nid = \"kp1\"\ntext = \"Importer\"\n";
        assert_eq!(unlinked_items(&canvas(lonely), &bank()), []);
        let body = format!("{lonely}[[key_activities.items]]\nid = \"ka1\"\ntext = \"Roasting\"\n");
        let found = unlinked_items(&canvas(&body), &bank());
        assert_eq!(
            rules_fired(&found),
            [(Rule::UnlinkedItem, BlockId::KeyPartners, Some("kp1"))]
        );
        assert_eq!(unlinked_items(&complete(), &bank()), []);
    }

    #[test]
    fn links_to_missing_items_or_to_the_wrong_block_fire() {
        let body = format!(
            "{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\", \"cs9\"]\n\
             [[key_partners.items]]\nid = \"kp1\"\ntext = \"P\"\nlinks = [\"cs2\"]\n"
        );
        let found = broken_links(&canvas(&body), &bank());
        assert_eq!(
            rules_fired(&found),
            [
                (Rule::DanglingLink, BlockId::Channels, Some("ch1")),
                (Rule::WrongLinkTarget, BlockId::KeyPartners, Some("kp1")),
            ]
        );
        assert_eq!(found[0].subject.as_deref(), Some("cs9"));
        assert_eq!(broken_links(&complete(), &bank()), []);
    }

    #[test]
    fn messages_quote_the_canvas_and_name_the_question() {
        let body =
            format!("{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\"]\n");
        let report = GapReport::new(&canvas(&body), &bank(), &Messages::english());
        let gap = report
            .gaps
            .iter()
            .find(|g| g.rule == "segment_without_channel")
            .unwrap();
        assert_eq!(gap.message, "No channel reaches 'B' (cs2).");
        assert_eq!(gap.question.as_deref(), Some("reach_now"));
        assert_eq!(gap.block, BlockId::Channels);
        assert!(
            report.gaps.windows(2).all(|w| w[0].block <= w[1].block),
            "in block order"
        );
    }

    #[test]
    fn score_weighs_completeness_and_consistency() {
        let bank = bank();
        let empty = Canvas::default();
        assert_eq!(
            score(&empty, &bank, &find(&empty, &bank)),
            30,
            "nothing filled, nothing inconsistent"
        );

        let mut c = complete();
        c.block_mut(BlockId::Channels).items[0].links = vec!["nowhere".into()];
        // One dangling link costs 5 consistency points.
        assert_eq!(score(&c, &bank, &find(&c, &bank)), 95);

        let mut c = complete();
        c.block_mut(BlockId::CostStructure).answers.clear();
        let s = score(&c, &bank, &find(&c, &bank));
        assert!((90..100).contains(&s), "{s}");
    }
}
