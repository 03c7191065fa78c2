//! Money rules: whether the model pays as written. A main revenue stream without a price, costs
//! above the most revenue the canvas states, revenue shares that do not add up, and payments
//! promised to partners that no cost covers.

use super::Severity::{Inconsistent, Missing};
use super::lookup::{item_tokens, items, linked_from};
use super::rule::{Impact, PointsTo, QuestionId, Rule, Spot};
use super::vocabulary::mentions;
use crate::bank::{Bank, Tokens, WordList};
use crate::model::{BlockId, Canvas, Item};
use crate::money::{Context, Figures, Priced, clauses, priced, scan};

/// Asked where the revenue streams' shares are given.
const CONTRIBUTION: QuestionId = QuestionId::new(BlockId::RevenueStreams, "contribution");

/// The main revenue stream states no price: no amount, share or "free" in its text, note,
/// amount or the revenue answers about it.
pub static REVENUE_WITHOUT_PRICE: Rule = Rule {
    id: "revenue_without_price",
    severity: Missing,
    impact: Impact::Viability,
    detect: revenue_without_price,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// The yearly costs the canvas states are above the most yearly revenue it states.
pub static COSTS_ABOVE_REVENUE: Rule = Rule {
    id: "costs_above_revenue",
    severity: Inconsistent,
    impact: Impact::Viability,
    detect: costs_above_revenue,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// The shares of revenue the contribution answer gives add up to less than 95 % or more than
/// 105 %.
pub static SHARES_NOT_ADDING_UP: Rule = Rule {
    id: "shares_not_adding_up",
    severity: Inconsistent,
    impact: Impact::Viability,
    detect: shares_not_adding_up,
    points_to: PointsTo::Question(CONTRIBUTION),
    walk: None,
};

/// A partner is promised a royalty, revenue share or commission that no cost item covers.
pub static PARTNER_PAYMENT_WITHOUT_COST: Rule = Rule {
    id: "partner_payment_without_cost",
    severity: Inconsistent,
    impact: Impact::Viability,
    detect: partner_payments_without_cost,
    points_to: PointsTo::Nothing,
    walk: None,
};

/// The lowest and highest sum of shares that count as adding up, in per cent: answers round.
const SHARES_ADD_UP: (f64, f64) = (95.0, 105.0);

/// The share of revenue the contribution answer gives each revenue stream, by position: a share
/// belongs to the stream its clause names, or else to the last one named before it, and a
/// stream given several ("15 % of each booking, 85 % of revenue") has the largest.
fn stream_shares(canvas: &Canvas) -> Vec<Option<f64>> {
    let streams = items(canvas, BlockId::RevenueStreams);
    let mut shares = vec![None; streams.len()];
    let Some(answer) = canvas.block(BlockId::RevenueStreams).answer(CONTRIBUTION.id) else {
        return shares;
    };
    let named: Vec<Tokens> = streams.iter().map(item_tokens).collect();
    let clauses = clauses(answer);
    let mut current = None;
    for share in scan(answer, Context::Any).shares {
        let clause = Tokens::of(clauses.get(share.clause).copied().unwrap_or(answer));
        current = named
            .iter()
            .position(|n| mentions(n, &clause, &WordList::default()))
            .or(current);
        if let Some(n) = current {
            shares[n] = Some(shares[n].map_or(share.percent, |s: f64| s.max(share.percent)));
        }
    }
    shares
}

/// The revenue stream that brings in the most: the one given the largest share, or else the
/// first.
fn main_stream(canvas: &Canvas) -> Option<&Item> {
    let streams = items(canvas, BlockId::RevenueStreams);
    let shares = stream_shares(canvas);
    let largest =
        (0..streams.len()).max_by(|&a, &b| shares[a].unwrap_or(-1.0).total_cmp(&shares[b].unwrap_or(-1.0)));
    let first_largest = largest.and_then(|n| {
        let top = shares[n];
        (0..streams.len()).find(|&m| shares[m] == top)
    });
    first_largest.map(|n| &streams[n])
}

fn revenue_without_price(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    /// Asks what customers pay elsewhere today: its amounts are no price of ours.
    const PAID_ELSEWHERE: &str = "currently_pay";
    let words = &bank.words;
    let Some(main) = main_stream(canvas) else {
        return Vec::new();
    };
    if priced(main, words) != Priced::Unpriced {
        return Vec::new();
    }
    // A price may be given in the answers, in a clause about this stream or about no stream in
    // particular; a share there is the stream's part of the revenue, not its price.
    let named: Vec<Tokens> = items(canvas, BlockId::RevenueStreams)
        .iter()
        .map(item_tokens)
        .collect();
    let own = item_tokens(main);
    let none = WordList::default();
    let answers = canvas.block(BlockId::RevenueStreams).answers.iter();
    let priced_in_answers = answers
        .filter(|(question, _)| *question != PAID_ELSEWHERE)
        .flat_map(|(_, answer)| clauses(answer))
        .any(|clause| {
            let tokens = Tokens::of(clause);
            let about = |stream: &Tokens| mentions(stream, &tokens, &none);
            !scan(clause, Context::Money).amounts.is_empty() && (about(&own) || !named.iter().any(about))
        });
    if priced_in_answers || priced_elsewhere(canvas, &own, bank) {
        return Vec::new();
    }
    vec![Spot::new(BlockId::RevenueStreams).item(&main.id)]
}

/// Whether another block's answer, or an item's text or note, gives a price in a clause naming
/// the stream by what it sells (its words that say how it charges left out).
fn priced_elsewhere(canvas: &Canvas, stream: &Tokens, bank: &Bank) -> bool {
    let answers = BlockId::ALL
        .into_iter()
        .filter(|&b| b != BlockId::RevenueStreams)
        .flat_map(|b| canvas.block(b).answers.values().map(String::as_str));
    let items = canvas
        .items()
        .flat_map(|(_, item)| std::iter::once(item.text.as_str()).chain(item.note.as_deref()));
    answers.chain(items).flat_map(clauses).any(|clause| {
        !scan(clause, Context::Any).amounts.is_empty()
            && mentions(stream, &Tokens::of(clause), &bank.words.charging)
    })
}

fn costs_above_revenue(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let figures = Figures::of(canvas, &bank.words);
    match (figures.costs, figures.revenue) {
        (Some(costs), Some(revenue)) if costs > revenue => vec![Spot::new(BlockId::CostStructure)],
        _ => Vec::new(),
    }
}

fn shares_not_adding_up(canvas: &Canvas, _bank: &Bank) -> Vec<Spot> {
    let shares: Vec<f64> = stream_shares(canvas).into_iter().flatten().collect();
    let sum: f64 = shares.iter().sum();
    let (low, high) = SHARES_ADD_UP;
    if shares.len() < 2 || (low..=high).contains(&sum) {
        return Vec::new();
    }
    vec![Spot::new(BlockId::RevenueStreams).subject(&format!("{}", sum.round()))]
}

/// Partners promised a payment, with no cost item linked to them or naming such a payment.
fn partner_payments_without_cost(canvas: &Canvas, bank: &Bank) -> Vec<Spot> {
    let payment = &bank.words.partner_payment;
    let costs = items(canvas, BlockId::CostStructure);
    if costs.iter().any(|co| payment.in_tokens(&item_tokens(co))) {
        return Vec::new();
    }
    let costed = linked_from(canvas, &[BlockId::CostStructure]);
    items(canvas, BlockId::KeyPartners)
        .iter()
        .filter(|kp| !costed.contains(kp.id.as_str()) && payment.in_tokens(&item_tokens(kp)))
        .map(|kp| Spot::new(BlockId::CostStructure).item(&kp.id))
        .collect()
}
