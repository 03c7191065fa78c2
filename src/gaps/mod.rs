//! Gap rules: small pure functions over a canvas and its question bank, each finding what is
//! missing, inconsistent or worth a second look. The report gathers their findings, words them in
//! the canvas's language and scores the canvas.

use std::collections::HashSet;

use serde::Serialize;

use crate::bank::Bank;
use crate::i18n::{Messages, fill};
use crate::model::BlockId;
use crate::model::{Block, Canvas, Item, ItemIndex, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Missing,
    Inconsistent,
    Suggestion,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Missing, Severity::Inconsistent, Severity::Suggestion];

    pub fn id(self) -> &'static str {
        match self {
            Severity::Missing => "missing",
            Severity::Inconsistent => "inconsistent",
            Severity::Suggestion => "suggestion",
        }
    }
}

macro_rules! rules {
    ($($rule:ident = $id:literal, $severity:ident;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($rule,)*
        }

        impl Rule {
            #[cfg(test)]
            pub const ALL: &[Rule] = &[$(Rule::$rule,)*];

            /// The rule's id in `[gap_report]`, in JSON and in the message files.
            pub fn id(self) -> &'static str {
                match self {
                    $(Rule::$rule => $id,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Rule::$rule => Severity::$severity,)*
                }
            }
        }
    };
}

rules! {
    EmptyBlock = "empty_block", Missing;
    UnansweredQuestion = "unanswered_question", Missing;
    NoCategoryChosen = "no_category_chosen", Missing;
    CostOrientationMissing = "cost_orientation_missing", Missing;
    ChannelPhaseUncovered = "channel_phase_uncovered", Missing;
    RevenueStreamWithoutType = "revenue_stream_without_type", Missing;
    RevenueStreamWithoutPricing = "revenue_stream_without_pricing", Missing;
    SegmentWithoutValueProposition = "segment_without_value_proposition", Inconsistent;
    SegmentWithoutChannel = "segment_without_channel", Inconsistent;
    SegmentWithoutRelationship = "segment_without_relationship", Inconsistent;
    SegmentWithoutRevenue = "segment_without_revenue", Inconsistent;
    PlatformTooFewSides = "platform_too_few_sides", Inconsistent;
    PlatformSideUnserved = "platform_side_unserved", Inconsistent;
    ValuePropositionWithoutSegment = "value_proposition_without_segment", Inconsistent;
    SegmentServedWithoutCharacteristics = "segment_served_without_characteristics", Inconsistent;
    ValuePropositionNotDelivered = "value_proposition_not_delivered", Inconsistent;
    ResourceSupportsNothing = "resource_supports_nothing", Inconsistent;
    ActivitySupportsNothing = "activity_supports_nothing", Inconsistent;
    PartnerProvidesNothing = "partner_provides_nothing", Inconsistent;
    ResourceWithoutCost = "resource_without_cost", Inconsistent;
    ActivityWithoutCost = "activity_without_cost", Inconsistent;
    UnlinkedItem = "unlinked_item", Inconsistent;
    DanglingLink = "dangling_link", Inconsistent;
    WrongLinkTarget = "wrong_link_target", Inconsistent;
    ValidatedWithoutEvidence = "validated_without_evidence", Inconsistent;
    InvalidatedStillLinked = "invalidated_still_linked", Inconsistent;
    CoreUntested = "core_untested", Suggestion;
    CostOrientationTension = "cost_orientation_tension", Suggestion;
    ThinAnswer = "thin_answer", Suggestion;
}

/// What a rule found, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// The block where the gap is to be closed.
    pub block: BlockId,
    /// The item concerned, if any.
    pub item: Option<String>,
    /// What else the message names: a question, group, option or linked id.
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

/// Every rule; their findings are then put in block order.
const RULES: &[RuleFn] = &[
    empty_blocks,
    unanswered_questions,
    categories_not_chosen,
    cost_orientation_missing,
    channel_phases_uncovered,
    revenue_streams_unpriced,
    segments_left_out,
    platform_sides,
    value_propositions_without_segment,
    segments_served_without_characteristics,
    value_propositions_not_delivered,
    supporting_items_without_purpose,
    costs_not_reflected,
    unlinked_items,
    broken_links,
    cost_orientation_tension,
    thin_answers,
    evidence_rules,
    core_untested,
];

/// Groups with a rule of their own, left out of `no_category_chosen`.
const GROUPS_WITH_OWN_RULE: &[(BlockId, &str)] = &[(BlockId::CostStructure, ORIENTATION)];
const ORIENTATION: &str = "orientation";
const MULTI_SIDED_PLATFORM: &str = "multi_sided_platform";

/// The guiding question to point at for a block: the given one where the bank has it, else the
/// block's first.
fn point_to<'a>(bank: &'a Bank, block: BlockId, preferred: &str) -> Option<&'a str> {
    let block = bank.block(block);
    block
        .question(preferred)
        .or_else(|| block.questions.first())
        .map(|q| q.id())
}

fn items(canvas: &Canvas, block: BlockId) -> &[Item] {
    &canvas.block(block).items
}

/// Ids that items of `from` link to.
fn linked_from<'a>(canvas: &'a Canvas, from: &[BlockId]) -> HashSet<&'a str> {
    from.iter()
        .flat_map(|&b| items(canvas, b))
        .flat_map(|item| item.links.iter().map(String::as_str))
        .collect()
}

/// Ids of the items in `blocks`.
fn ids_in<'a>(canvas: &'a Canvas, blocks: &[BlockId]) -> HashSet<&'a str> {
    blocks
        .iter()
        .flat_map(|&b| items(canvas, b))
        .map(|i| i.id.as_str())
        .collect()
}

fn is_platform(canvas: &Canvas) -> bool {
    canvas
        .block(BlockId::CustomerSegments)
        .chosen("segment_type")
        .iter()
        .any(|c| c == MULTI_SIDED_PLATFORM)
}

pub fn empty_blocks(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    BlockId::ALL
        .into_iter()
        .filter(|&b| items(canvas, b).is_empty())
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

/// Block-wide groups with nothing ticked. Groups asked per item have rules of their own.
pub fn categories_not_chosen(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let mut found = Vec::new();
    for block in BlockId::ALL {
        for group in bank.block(block).groups.iter().filter(|g| !g.per_item) {
            if GROUPS_WITH_OWN_RULE.contains(&(block, group.id())) {
                continue;
            }
            if canvas.block(block).chosen(group.id()).is_empty() {
                found.push(Finding::new(Rule::NoCategoryChosen, block).subject(group.id()));
            }
        }
    }
    found
}

pub fn cost_orientation_missing(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let asks = bank.block(BlockId::CostStructure).group(ORIENTATION).is_some();
    if !asks
        || !canvas
            .block(BlockId::CostStructure)
            .chosen(ORIENTATION)
            .is_empty()
    {
        return Vec::new();
    }
    vec![Finding::new(Rule::CostOrientationMissing, BlockId::CostStructure).subject(ORIENTATION)]
}

/// The five phases a customer goes through; each should be covered by some channel.
pub fn channel_phases_uncovered(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let channels = canvas.block(BlockId::Channels);
    let Some(phases) = bank.block(BlockId::Channels).group("phases") else {
        return Vec::new();
    };
    if channels.items.is_empty() {
        return Vec::new();
    }
    let covered: HashSet<&str> = channels
        .items
        .iter()
        .flat_map(|item| channels.chosen_for(item, "phases"))
        .map(String::as_str)
        .collect();
    phases
        .options
        .iter()
        .filter(|phase| !covered.contains(phase.id()))
        .map(|phase| {
            Finding::new(Rule::ChannelPhaseUncovered, BlockId::Channels)
                .subject(phase.id())
                .question(point_to(bank, BlockId::Channels, phase.id()))
        })
        .collect()
}

/// Each revenue stream needs a type and a way its price is set.
pub fn revenue_streams_unpriced(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let block = canvas.block(BlockId::RevenueStreams);
    let asked = bank.block(BlockId::RevenueStreams);
    let mut found = Vec::new();
    for item in &block.items {
        for (group, rule, question) in [
            ("revenue_types", Rule::RevenueStreamWithoutType, "paying_now"),
            ("pricing", Rule::RevenueStreamWithoutPricing, "prefer_to_pay"),
        ] {
            if asked.group(group).is_some() && block.chosen_for(item, group).is_empty() {
                found.push(
                    Finding::new(rule, BlockId::RevenueStreams)
                        .item(&item.id)
                        .question(point_to(bank, BlockId::RevenueStreams, question)),
                );
            }
        }
    }
    found
}

/// A segment that a serving block has items but none of them for this segment. An empty serving
/// block is already reported as empty, so it does not repeat here once per segment.
pub fn segments_left_out(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let platform = is_platform(canvas);
    let segments = items(canvas, BlockId::CustomerSegments);
    let paying = linked_from(canvas, &[BlockId::RevenueStreams]);
    let someone_pays = segments.iter().any(|s| paying.contains(s.id.as_str()));
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
        // On a platform, an unserved side has a rule of its own.
        if items(canvas, block).is_empty() || (platform && rule == Rule::SegmentWithoutValueProposition) {
            continue;
        }
        let served = linked_from(canvas, &[block]);
        for segment in segments {
            if served.contains(segment.id.as_str()) {
                continue;
            }
            // A segment may pay nothing for a reason: noted on it, or another side of the platform pays.
            let explained = segment.note.is_some() || (platform && someone_pays);
            if rule == Rule::SegmentWithoutRevenue && explained {
                continue;
            }
            found.push(
                Finding::new(rule, block)
                    .item(&segment.id)
                    .question(point_to(bank, block, question)),
            );
        }
    }
    found
}

/// A multi-sided platform needs at least two sides, each with a value proposition of its own.
pub fn platform_sides(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    if !is_platform(canvas) {
        return Vec::new();
    }
    let segments = items(canvas, BlockId::CustomerSegments);
    let mut found = Vec::new();
    if segments.len() < 2 {
        found.push(
            Finding::new(Rule::PlatformTooFewSides, BlockId::CustomerSegments).question(point_to(
                bank,
                BlockId::CustomerSegments,
                "who",
            )),
        );
    }
    if !items(canvas, BlockId::ValuePropositions).is_empty() {
        let served = linked_from(canvas, &[BlockId::ValuePropositions]);
        for side in segments.iter().filter(|s| !served.contains(s.id.as_str())) {
            found.push(
                Finding::new(Rule::PlatformSideUnserved, BlockId::ValuePropositions)
                    .item(&side.id)
                    .question(point_to(bank, BlockId::ValuePropositions, "value")),
            );
        }
    }
    found
}

pub fn value_propositions_without_segment(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let segments = ids_in(canvas, &[BlockId::CustomerSegments]);
    if segments.is_empty() {
        return Vec::new();
    }
    items(canvas, BlockId::ValuePropositions)
        .iter()
        .filter(|vp| !vp.links.iter().any(|l| segments.contains(l.as_str())))
        .map(|vp| {
            Finding::new(Rule::ValuePropositionWithoutSegment, BlockId::ValuePropositions)
                .item(&vp.id)
                .question(point_to(bank, BlockId::ValuePropositions, "bundles"))
        })
        .collect()
}

/// A segment whose every value proposition has no characteristic: nothing says why they would
/// choose this offer.
pub fn segments_served_without_characteristics(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let vps = canvas.block(BlockId::ValuePropositions);
    if bank
        .block(BlockId::ValuePropositions)
        .group("characteristics")
        .is_none()
    {
        return Vec::new();
    }
    let mut served = HashSet::new();
    let mut characterised = HashSet::new();
    for vp in &vps.items {
        let has_characteristic = !vps.chosen_for(vp, "characteristics").is_empty();
        for link in &vp.links {
            served.insert(link.as_str());
            if has_characteristic {
                characterised.insert(link.as_str());
            }
        }
    }
    items(canvas, BlockId::CustomerSegments)
        .iter()
        .filter(|s| served.contains(s.id.as_str()) && !characterised.contains(s.id.as_str()))
        .map(|segment| {
            Finding::new(
                Rule::SegmentServedWithoutCharacteristics,
                BlockId::ValuePropositions,
            )
            .item(&segment.id)
            .question(point_to(bank, BlockId::ValuePropositions, "value"))
        })
        .collect()
}

/// A value proposition that no key activity or resource delivers.
pub fn value_propositions_not_delivered(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let delivering = [BlockId::KeyActivities, BlockId::KeyResources];
    if delivering.iter().all(|&b| items(canvas, b).is_empty()) {
        return Vec::new();
    }
    let delivered = linked_from(canvas, &delivering);
    items(canvas, BlockId::ValuePropositions)
        .iter()
        .filter(|vp| !delivered.contains(vp.id.as_str()))
        .map(|vp| {
            Finding::new(Rule::ValuePropositionNotDelivered, BlockId::KeyActivities)
                .item(&vp.id)
                .question(point_to(bank, BlockId::KeyActivities, "for_value_propositions"))
        })
        .collect()
}

/// Resources, activities and partners that support nothing the canvas names.
pub fn supporting_items_without_purpose(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let kinds = [
        (
            BlockId::KeyResources,
            Rule::ResourceSupportsNothing,
            "for_value_propositions",
        ),
        (
            BlockId::KeyActivities,
            Rule::ActivitySupportsNothing,
            "for_value_propositions",
        ),
        (
            BlockId::KeyPartners,
            Rule::PartnerProvidesNothing,
            "resources_acquired",
        ),
    ];
    let mut found = Vec::new();
    for (block, rule, question) in kinds {
        let targets = ids_in(canvas, block.link_targets());
        if targets.is_empty() {
            continue;
        }
        for item in items(canvas, block) {
            if !item.links.iter().any(|l| targets.contains(l.as_str())) {
                found.push(
                    Finding::new(rule, block)
                        .item(&item.id)
                        .question(point_to(bank, block, question)),
                );
            }
        }
    }
    found
}

/// Key resources and activities that no cost item reflects.
pub fn costs_not_reflected(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    if items(canvas, BlockId::CostStructure).is_empty() {
        return Vec::new();
    }
    let costed = linked_from(canvas, &[BlockId::CostStructure]);
    let mut found = Vec::new();
    for (block, rule, question) in [
        (
            BlockId::KeyResources,
            Rule::ResourceWithoutCost,
            "expensive_resources",
        ),
        (
            BlockId::KeyActivities,
            Rule::ActivityWithoutCost,
            "expensive_activities",
        ),
    ] {
        for item in items(canvas, block)
            .iter()
            .filter(|i| !costed.contains(i.id.as_str()))
        {
            found.push(
                Finding::new(rule, BlockId::CostStructure)
                    .item(&item.id)
                    .question(point_to(bank, BlockId::CostStructure, question)),
            );
        }
    }
    found
}

/// Items of the remaining linking blocks that link nothing, while there is something to link to.
/// Value propositions, resources, activities and partners have rules of their own.
pub fn unlinked_items(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let blocks = [
        BlockId::Channels,
        BlockId::CustomerRelationships,
        BlockId::RevenueStreams,
        BlockId::CostStructure,
    ];
    let mut found = Vec::new();
    for block in blocks {
        if ids_in(canvas, block.link_targets()).is_empty() {
            continue;
        }
        for item in items(canvas, block).iter().filter(|i| i.links.is_empty()) {
            found.push(
                Finding::new(Rule::UnlinkedItem, block)
                    .item(&item.id)
                    .question(point_to(bank, block, "")),
            );
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

/// A cost-driven structure behind offers that lead on newness, design or brand, or a value-driven
/// one behind offers that lead on price: worth discussing, not necessarily wrong.
pub fn cost_orientation_tension(canvas: &Canvas, _bank: &Bank) -> Vec<Finding> {
    const PREMIUM: &[&str] = &["newness", "design", "brand_status"];
    const CHEAP: &[&str] = &["price", "cost_reduction"];
    let orientation = canvas.block(BlockId::CostStructure).chosen(ORIENTATION);
    let is = |o: &str| orientation.iter().any(|c| c == o);
    let vps: &Block = canvas.block(BlockId::ValuePropositions);
    let leads_on = |wanted: &[&str]| {
        vps.items.iter().find(|vp| {
            vps.chosen_for(vp, "characteristics")
                .iter()
                .any(|c| wanted.contains(&c.as_str()))
        })
    };
    let tension = match (is("cost_driven"), is("value_driven")) {
        (true, false) => leads_on(PREMIUM).map(|vp| (vp, "cost_driven")),
        (false, true) => leads_on(CHEAP).map(|vp| (vp, "value_driven")),
        _ => None,
    };
    tension
        .map(|(vp, orientation)| {
            Finding::new(Rule::CostOrientationTension, BlockId::CostStructure)
                .item(&vp.id)
                .subject(orientation)
        })
        .into_iter()
        .collect()
}

/// Answers of one or two words: too thin to help anyone act on them.
pub fn thin_answers(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    const THIN_WORDS: usize = 2;
    let mut found = Vec::new();
    for block in BlockId::ALL {
        for question in &bank.block(block).questions {
            let Some(answer) = canvas.block(block).answer(question.id()) else {
                continue;
            };
            if answer.split_whitespace().count() <= THIN_WORDS {
                found.push(
                    Finding::new(Rule::ThinAnswer, block)
                        .subject(question.id())
                        .question(Some(question.id())),
                );
            }
        }
    }
    found
}

/// Items marked validated with nothing observed, and invalidated items others still depend on.
pub fn evidence_rules(canvas: &Canvas, _bank: &Bank) -> Vec<Finding> {
    let linked = linked_from(canvas, &BlockId::ALL);
    let mut found = Vec::new();
    for (block, item) in canvas.items() {
        if item.status == Status::Validated && item.evidence.is_empty() {
            found.push(Finding::new(Rule::ValidatedWithoutEvidence, block).item(&item.id));
        }
        if item.status == Status::Invalidated && linked.contains(item.id.as_str()) {
            found.push(Finding::new(Rule::InvalidatedStillLinked, block).item(&item.id));
        }
    }
    found
}

/// After the second iteration, customer segments and value propositions that are all still
/// untested guesses: time to test the riskiest one.
pub fn core_untested(canvas: &Canvas, _bank: &Bank) -> Vec<Finding> {
    const AFTER_ITERATION: u32 = 2;
    let core = [BlockId::CustomerSegments, BlockId::ValuePropositions];
    let mut core_items = core.iter().flat_map(|&b| items(canvas, b)).peekable();
    if canvas.meta.iteration <= AFTER_ITERATION || core_items.peek().is_none() {
        return Vec::new();
    }
    if core_items.all(|item| item.status == Status::Assumption) {
        return vec![Finding::new(Rule::CoreUntested, BlockId::CustomerSegments)];
    }
    Vec::new()
}

/// All findings of all rules, in block order (then rule order within a block).
pub fn find(canvas: &Canvas, bank: &Bank) -> Vec<Finding> {
    let mut findings: Vec<Finding> = RULES.iter().flat_map(|rule| rule(canvas, bank)).collect();
    findings.sort_by_key(|f| f.block);
    findings
}

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
}

/// Written by canvas-coach on every save; never read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
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
            .map(|f| describe(f, canvas, &index, bank, messages))
            .collect();
        GapReport { score, gaps }
    }

    /// The gaps to work on first: by severity, then in block order, one per question.
    pub fn next_steps(&self) -> Vec<&Gap> {
        /// How many next steps the report closes with.
        const NEXT_STEPS: usize = 3;
        let mut gaps: Vec<&Gap> = self.gaps.iter().filter(|g| g.question.is_some()).collect();
        gaps.sort_by_key(|g| (g.severity, g.block));
        let mut seen: HashSet<(BlockId, &str)> = HashSet::new();
        gaps.retain(|g| seen.insert((g.block, g.question.as_deref().unwrap_or_default())));
        gaps.truncate(NEXT_STEPS);
        gaps
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

/// Completeness (70 points) is the share of open slots filled: each guiding question, each
/// category group, and each block's items counting as three. Consistency (30 points) loses 5 per
/// inconsistency and 1 per suggestion. A complete, consistent canvas scores 100.
pub fn score(canvas: &Canvas, bank: &Bank, findings: &[Finding]) -> u8 {
    const ITEMS_WEIGHT: usize = 3;
    let mut slots = 0;
    let mut filled = 0;
    for block in BlockId::ALL {
        let (asked, written) = (bank.block(block), canvas.block(block));
        slots += asked.questions.len() + asked.groups.len() + ITEMS_WEIGHT;
        filled += asked
            .questions
            .iter()
            .filter(|q| written.answer(q.id()).is_some())
            .count();
        filled += asked
            .groups
            .iter()
            .filter(|g| has_choice(written, g.id()))
            .count();
        if !written.items.is_empty() {
            filled += ITEMS_WEIGHT;
        }
    }
    let penalty: usize = findings
        .iter()
        .map(|f| match f.rule.severity() {
            Severity::Inconsistent => 5,
            Severity::Suggestion => 1,
            Severity::Missing => 0,
        })
        .sum();
    let completeness = 70.0 * filled as f64 / slots as f64;
    let consistency = 30usize.saturating_sub(penalty) as f64;
    (completeness + consistency).round() as u8
}

/// Whether a group has a choice in the block or on any of its items.
fn has_choice(block: &Block, group: &str) -> bool {
    !block.chosen(group).is_empty()
        || block
            .items
            .iter()
            .any(|i| i.categories.get(group).is_some_and(|c| !c.is_empty()))
}

/// Puts a finding into words, quoting the canvas's own texts.
fn describe(
    finding: &Finding,
    canvas: &Canvas,
    index: &ItemIndex<'_>,
    bank: &Bank,
    messages: &Messages,
) -> Gap {
    let block = bank.block(finding.block);
    let item_text = |id: &str| {
        index
            .get(id)
            .map_or_else(|| id.to_owned(), |(_, item)| item.text.clone())
    };
    let id = finding.item.as_deref().unwrap_or_default();
    let subject = finding.subject.as_deref().unwrap_or_default();
    let title_of = |b: BlockId| bank.block(b).title.as_str();
    let targets: Vec<&str> = finding
        .block
        .link_targets()
        .iter()
        .map(|&t| title_of(t))
        .collect();
    let option = block
        .groups
        .iter()
        .flat_map(|g| g.options.iter())
        .find(|o| o.id() == subject)
        .map_or(subject, |o| o.label.as_str());
    let question = block.question(subject).map_or(subject, |q| q.text.as_str());
    let group = block.group(subject).map_or(subject, |g| g.title.as_str());
    let answer = canvas.block(finding.block).answer(subject).unwrap_or_default();
    let target_block = index.get(subject).map_or("", |(b, _)| title_of(*b));
    let template = messages.gap(finding.rule.id());
    let message = fill(
        template,
        &[
            ("block", &block.title),
            ("item", &item_text(id)),
            ("id", id),
            ("targets", &targets.join(" / ")),
            ("target", subject),
            ("target_block", target_block),
            ("question", question),
            ("group", group),
            ("option", option),
            ("answer", answer),
            ("iteration", &canvas.meta.iteration.to_string()),
        ],
    );
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

    fn bank() -> &'static Bank {
        Bank::builtin(crate::i18n::Language::En)
    }

    fn canvas(body: &str) -> Canvas {
        crate::file::parse_canvas(Path::new("t.toml"), &format!("format = 1\n{body}")).unwrap()
    }

    fn complete() -> Canvas {
        let text = include_str!("../../examples/brew-box.toml");
        crate::file::parse_canvas(Path::new("brew-box.toml"), text).unwrap()
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
        assert_eq!(find(&canvas, bank()), []);
        assert_eq!(
            GapReport::new(&canvas, bank(), Messages::get(crate::i18n::Language::En)).score,
            100
        );
    }

    #[test]
    fn empty_blocks_fire_per_block_without_items() {
        let found = empty_blocks(&canvas(TWO_SEGMENTS), bank());
        assert_eq!(found.len(), 8);
        assert!(found.iter().all(|f| f.block != BlockId::CustomerSegments));
        assert_eq!(
            found[0].question.as_deref(),
            Some("value"),
            "points to the block's first question"
        );
        assert_eq!(empty_blocks(&complete(), bank()), []);
    }

    #[test]
    fn unanswered_questions_fire_per_question_and_ignore_blank_answers() {
        let c = canvas("[customer_segments.answers]\nwho = \"Remote workers\"\nmost_important = \"   \"\n");
        let found: Vec<_> = unanswered_questions(&c, bank())
            .into_iter()
            .filter(|f| f.block == BlockId::CustomerSegments)
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].subject.as_deref(), Some("most_important"));
        assert_eq!(found[0].question.as_deref(), Some("most_important"));
        assert_eq!(unanswered_questions(&complete(), bank()), []);
    }

    #[test]
    fn an_empty_category_group_fires() {
        let c = canvas("[channels.categories]\nphases = [\"awareness\"]\nchannel_types = []\n");
        let found: Vec<_> = categories_not_chosen(&c, bank())
            .into_iter()
            .filter(|f| f.block == BlockId::Channels)
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].subject.as_deref(), Some("channel_types"));
        assert_eq!(categories_not_chosen(&complete(), bank()), []);
    }

    #[test]
    fn segments_left_out_by_a_serving_block_fire_once_that_block_has_items() {
        let body = format!(
            "{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\"]\n\
             [[value_propositions.items]]\nid = \"vp1\"\ntext = \"V\"\nlinks = [\"cs1\", \"cs2\"]\n"
        );
        let found = segments_left_out(&canvas(&body), bank());
        // Relationships and revenue are empty: reported by empty_blocks, not once per segment.
        assert_eq!(
            rules_fired(&found),
            [(Rule::SegmentWithoutChannel, BlockId::Channels, Some("cs2"))]
        );
        assert_eq!(found[0].question.as_deref(), Some("reach_now"));

        let mut c = canvas(&body);
        c.block_mut(BlockId::Channels).items[0].links.push("cs2".into());
        assert_eq!(segments_left_out(&c, bank()), []);
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
        let found = segments_left_out(&canvas(&body), bank());
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
        let lonely = "[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\n";
        assert_eq!(unlinked_items(&canvas(lonely), bank()), []);
        let body = format!("{lonely}{TWO_SEGMENTS}");
        let found = unlinked_items(&canvas(&body), bank());
        assert_eq!(
            rules_fired(&found),
            [(Rule::UnlinkedItem, BlockId::Channels, Some("ch1"))]
        );
        assert_eq!(unlinked_items(&complete(), bank()), []);
    }

    #[test]
    fn links_to_missing_items_or_to_the_wrong_block_fire() {
        let body = format!(
            "{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\", \"cs9\"]\n\
             [[key_partners.items]]\nid = \"kp1\"\ntext = \"P\"\nlinks = [\"cs2\"]\n"
        );
        let found = broken_links(&canvas(&body), bank());
        assert_eq!(
            rules_fired(&found),
            [
                (Rule::DanglingLink, BlockId::Channels, Some("ch1")),
                (Rule::WrongLinkTarget, BlockId::KeyPartners, Some("kp1")),
            ]
        );
        assert_eq!(found[0].subject.as_deref(), Some("cs9"));
        assert_eq!(broken_links(&complete(), bank()), []);
    }

    #[test]
    fn messages_quote_the_canvas_and_name_the_question() {
        let body =
            format!("{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\"]\n");
        let report = GapReport::new(&canvas(&body), bank(), Messages::get(crate::i18n::Language::En));
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
            score(&empty, bank, &find(&empty, bank)),
            30,
            "nothing filled, nothing inconsistent"
        );

        let mut c = complete();
        c.block_mut(BlockId::Channels).items[0].links = vec!["nowhere".into()];
        // One dangling link costs 5 consistency points.
        assert_eq!(score(&c, bank, &find(&c, bank)), 95);

        let mut c = complete();
        c.block_mut(BlockId::CostStructure).answers.clear();
        let s = score(&c, bank, &find(&c, bank));
        assert!((90..100).contains(&s), "{s}");
    }

    /// Fires `rule` on the complete example after `change`, and not without it.
    fn fires_after(rule: RuleFn, change: impl FnOnce(&mut Canvas)) -> Vec<(Rule, BlockId, Option<String>)> {
        assert_eq!(rule(&complete(), bank()), [], "silent on the complete example");
        let mut c = complete();
        change(&mut c);
        rule(&c, bank())
            .into_iter()
            .map(|f| (f.rule, f.block, f.item))
            .collect()
    }

    fn block_mut(c: &mut Canvas, block: BlockId) -> &mut Block {
        c.block_mut(block)
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    #[test]
    fn a_platform_needs_two_sides_each_served() {
        use BlockId::*;
        let platform = |c: &mut Canvas| {
            block_mut(c, CustomerSegments)
                .categories
                .insert("segment_type".into(), vec!["multi_sided_platform".into()]);
        };
        assert_eq!(fires_after(platform_sides, platform), []);
        let one_side = fires_after(platform_sides, |c| {
            platform(c);
            block_mut(c, CustomerSegments).items.truncate(1);
            for vp in &mut block_mut(c, ValuePropositions).items {
                vp.links.retain(|l| l == "cs1");
            }
        });
        assert_eq!(one_side, [(Rule::PlatformTooFewSides, CustomerSegments, None)]);
        let unserved = fires_after(platform_sides, |c| {
            platform(c);
            block_mut(c, ValuePropositions).items.retain(|vp| vp.id == "vp2");
        });
        assert_eq!(
            unserved,
            [(Rule::PlatformSideUnserved, ValuePropositions, s("cs2"))]
        );
    }

    #[test]
    fn on_a_platform_an_unserved_side_is_not_reported_twice() {
        let mut c = complete();
        c.block_mut(BlockId::CustomerSegments)
            .categories
            .insert("segment_type".into(), vec!["multi_sided_platform".into()]);
        c.block_mut(BlockId::ValuePropositions)
            .items
            .retain(|vp| vp.id == "vp2");
        let rules: Vec<Rule> = find(&c, bank()).iter().map(|f| f.rule).collect();
        assert!(rules.contains(&Rule::PlatformSideUnserved));
        assert!(!rules.contains(&Rule::SegmentWithoutValueProposition));
    }

    #[test]
    fn a_value_proposition_must_serve_a_segment() {
        let found = fires_after(value_propositions_without_segment, |c| {
            c.block_mut(BlockId::ValuePropositions).items[1].links = vec!["ch1".into()];
        });
        assert_eq!(
            found,
            [(
                Rule::ValuePropositionWithoutSegment,
                BlockId::ValuePropositions,
                s("vp2")
            )]
        );
    }

    #[test]
    fn a_segment_served_only_by_offers_without_characteristics_fires() {
        let found = fires_after(segments_served_without_characteristics, |c| {
            let vps = c.block_mut(BlockId::ValuePropositions);
            for vp in &mut vps.items {
                vp.categories.clear();
            }
            // Only vp1 says why it is chosen, and it now serves cs1 alone.
            vps.items[0]
                .categories
                .insert("characteristics".into(), vec!["performance".into()]);
            vps.items[0].links = vec!["cs1".into()];
        });
        assert_eq!(
            found,
            [(
                Rule::SegmentServedWithoutCharacteristics,
                BlockId::ValuePropositions,
                s("cs2")
            )]
        );
    }

    #[test]
    fn every_revenue_stream_needs_a_type_and_a_pricing_mechanism() {
        let found = fires_after(revenue_streams_unpriced, |c| {
            let rs = c.block_mut(BlockId::RevenueStreams);
            rs.items[0].categories.shift_remove("pricing");
            rs.items[1].categories.shift_remove("revenue_types");
        });
        assert_eq!(
            found,
            [
                (
                    Rule::RevenueStreamWithoutPricing,
                    BlockId::RevenueStreams,
                    s("rs1")
                ),
                (Rule::RevenueStreamWithoutType, BlockId::RevenueStreams, s("rs2")),
            ]
        );
    }

    #[test]
    fn a_segment_that_pays_nothing_needs_a_reason() {
        let unpaid = |c: &mut Canvas| {
            c.block_mut(BlockId::RevenueStreams)
                .items
                .retain(|rs| rs.id == "rs1")
        };
        let found = fires_after(segments_left_out, unpaid);
        assert_eq!(
            found,
            [(Rule::SegmentWithoutRevenue, BlockId::RevenueStreams, s("cs2"))]
        );
        let noted = fires_after(segments_left_out, |c| {
            unpaid(c);
            c.block_mut(BlockId::CustomerSegments).items[1].note = Some("Offices are our showroom".into());
        });
        assert_eq!(noted, []);
        let other_side_pays = fires_after(segments_left_out, |c| {
            unpaid(c);
            c.block_mut(BlockId::CustomerSegments)
                .categories
                .insert("segment_type".into(), vec!["multi_sided_platform".into()]);
        });
        assert_eq!(other_side_pays, []);
    }

    #[test]
    fn channel_phases_no_channel_covers_fire_one_by_one() {
        let found = fires_after(channel_phases_uncovered, |c| {
            let ch = c.block_mut(BlockId::Channels);
            ch.items[0]
                .categories
                .insert("phases".into(), vec!["purchase".into(), "delivery".into()]);
        });
        assert_eq!(
            found,
            [(Rule::ChannelPhaseUncovered, BlockId::Channels, None)],
            "evaluation is left"
        );
        // Items without choices of their own take the block's.
        let mut c = complete();
        let ch = c.block_mut(BlockId::Channels);
        for item in &mut ch.items {
            item.categories.clear();
        }
        ch.categories.insert("phases".into(), vec!["awareness".into()]);
        let found = channel_phases_uncovered(&c, bank());
        let subjects: Vec<_> = found.iter().map(|f| f.subject.clone().unwrap()).collect();
        assert_eq!(subjects, ["evaluation", "purchase", "delivery", "after_sales"]);
        let questions: Vec<_> = found.iter().map(|f| f.question.clone().unwrap()).collect();
        assert_eq!(questions, subjects, "each phase points to its own question");
    }

    #[test]
    fn resources_activities_and_partners_must_support_something() {
        use BlockId::*;
        let found = fires_after(supporting_items_without_purpose, |c| {
            c.block_mut(KeyResources).items[0].links.clear();
            c.block_mut(KeyActivities).items[1].links = vec!["cs1".into()];
            c.block_mut(KeyPartners).items[0].links = vec!["nowhere".into()];
        });
        assert_eq!(
            found,
            [
                (Rule::ResourceSupportsNothing, KeyResources, s("kr1")),
                (Rule::ActivitySupportsNothing, KeyActivities, s("ka2")),
                (Rule::PartnerProvidesNothing, KeyPartners, s("kp1")),
            ]
        );
    }

    #[test]
    fn a_value_proposition_nothing_delivers_fires() {
        let found = fires_after(value_propositions_not_delivered, |c| {
            for block in [BlockId::KeyResources, BlockId::KeyActivities] {
                for item in &mut c.block_mut(block).items {
                    item.links.retain(|l| l != "vp2");
                }
            }
        });
        assert_eq!(
            found,
            [(
                Rule::ValuePropositionNotDelivered,
                BlockId::KeyActivities,
                s("vp2")
            )]
        );
    }

    #[test]
    fn costs_must_reflect_resources_and_activities_and_an_orientation() {
        let found = fires_after(costs_not_reflected, |c| {
            c.block_mut(BlockId::CostStructure)
                .items
                .retain(|co| co.id != "co4");
        });
        assert_eq!(
            found,
            [
                (Rule::ResourceWithoutCost, BlockId::CostStructure, s("kr3")),
                (Rule::ActivityWithoutCost, BlockId::CostStructure, s("ka3")),
            ]
        );
        let found = fires_after(cost_orientation_missing, |c| {
            c.block_mut(BlockId::CostStructure)
                .categories
                .shift_remove("orientation");
        });
        assert_eq!(
            found,
            [(Rule::CostOrientationMissing, BlockId::CostStructure, None)]
        );
        let mut c = complete();
        c.block_mut(BlockId::CostStructure)
            .categories
            .shift_remove("orientation");
        assert!(
            categories_not_chosen(&c, bank()).is_empty(),
            "reported once, by its own rule"
        );
    }

    #[test]
    fn an_orientation_that_pulls_against_the_offer_is_a_suggestion() {
        let orient = |c: &mut Canvas, o: &str| {
            c.block_mut(BlockId::CostStructure)
                .categories
                .insert("orientation".into(), vec![o.into()]);
        };
        let characterise = |c: &mut Canvas, ch: &str| {
            let vp1 = &mut c.block_mut(BlockId::ValuePropositions).items[0];
            vp1.categories.insert("characteristics".into(), vec![ch.into()]);
        };
        let cheap_offer_premium_costs = fires_after(cost_orientation_tension, |c| {
            orient(c, "value_driven");
            characterise(c, "price");
        });
        assert_eq!(
            cheap_offer_premium_costs,
            [(Rule::CostOrientationTension, BlockId::CostStructure, s("vp1"))]
        );
        let new_offer_lean_costs = fires_after(cost_orientation_tension, |c| {
            orient(c, "cost_driven");
            characterise(c, "newness");
        });
        assert_eq!(new_offer_lean_costs.len(), 1);
        assert_eq!(Rule::CostOrientationTension.severity(), Severity::Suggestion);
        let aligned = fires_after(cost_orientation_tension, |c| {
            orient(c, "cost_driven");
            characterise(c, "price");
        });
        assert_eq!(aligned, []);
    }

    #[test]
    fn one_or_two_word_answers_are_thin() {
        let found = fires_after(thin_answers, |c| {
            let cs = c.block_mut(BlockId::CustomerSegments);
            cs.answers.insert("who".into(), "Everyone".into());
            cs.answers.insert(
                "most_important".into(),
                "Remote workers in cities who order weekly".into(),
            );
        });
        assert_eq!(found, [(Rule::ThinAnswer, BlockId::CustomerSegments, None)]);
        let report = GapReport::new(
            &{
                let mut c = complete();
                c.block_mut(BlockId::CustomerSegments)
                    .answers
                    .insert("who".into(), "Everyone".into());
                c
            },
            bank(),
            Messages::get(crate::i18n::Language::En),
        );
        assert_eq!(
            report.gaps[0].message,
            "“Everyone” is a thin answer to: For whom are we creating value?"
        );
        assert_eq!(report.score, 99, "a suggestion costs one point");
    }

    #[test]
    fn the_worst_block_weighs_severities() {
        let report = GapReport::new(&complete(), bank(), Messages::get(crate::i18n::Language::En));
        assert_eq!(report.worst_block(), None);
        let mut c = complete();
        c.block_mut(BlockId::CustomerSegments).answers.clear(); // two missing: 2 × 2
        c.block_mut(BlockId::Channels).items[0].links = vec!["zz".into()]; // one inconsistent: 3
        let report = GapReport::new(&c, bank(), Messages::get(crate::i18n::Language::En));
        assert_eq!(report.worst_block(), Some(BlockId::CustomerSegments));
        c.block_mut(BlockId::Channels).items[2].links = vec!["zz".into()]; // another, and cs2 unreached: 3 × 3
        let report = GapReport::new(&c, bank(), Messages::get(crate::i18n::Language::En));
        assert_eq!(report.worst_block(), Some(BlockId::Channels));
    }

    #[test]
    fn validated_needs_evidence_and_invalidated_items_must_not_carry_others() {
        let found = fires_after(evidence_rules, |c| {
            c.block_mut(BlockId::CustomerSegments).items[0].evidence.clear();
            c.block_mut(BlockId::ValuePropositions).items[2].status = Status::Invalidated;
        });
        assert_eq!(
            found,
            [
                (
                    Rule::ValidatedWithoutEvidence,
                    BlockId::CustomerSegments,
                    s("cs1")
                ),
                (Rule::InvalidatedStillLinked, BlockId::ValuePropositions, s("vp3")),
            ]
        );
        let quiet = fires_after(evidence_rules, |c| {
            c.block_mut(BlockId::CustomerSegments).items[1].status = Status::Testing;
            c.block_mut(BlockId::CostStructure).items[0].status = Status::Invalidated; // nothing links to co1
        });
        assert_eq!(quiet, []);
    }

    #[test]
    fn an_untested_core_after_the_second_iteration_is_a_suggestion() {
        let untested = |c: &mut Canvas| {
            for block in [BlockId::CustomerSegments, BlockId::ValuePropositions] {
                for item in &mut c.block_mut(block).items {
                    item.status = Status::Assumption;
                }
            }
        };
        let found = fires_after(core_untested, untested);
        assert_eq!(
            found,
            [(Rule::CoreUntested, BlockId::CustomerSegments, None)],
            "iteration 3"
        );
        let early = fires_after(core_untested, |c| {
            untested(c);
            c.meta.iteration = 2;
        });
        assert_eq!(early, []);
        let report = GapReport::new(
            &{
                let mut c = complete();
                untested(&mut c);
                c
            },
            bank(),
            Messages::get(crate::i18n::Language::En),
        );
        assert!(
            report.gaps[0]
                .message
                .starts_with("After 3 iterations every customer segment")
        );
    }
}
