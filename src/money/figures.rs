//! The yearly figures a canvas states: its revenue and costs a year, and per customer segment
//! through the links. Generous to the canvas: a price counts with the largest number of payers
//! or units the canvas names, so a canvas is said to lose money only when even that falls short.

use std::collections::HashMap;

use super::{Context, Found, Money, Period, scan};
use crate::bank::Words;
use crate::model::{BlockId, Canvas, Item};

/// What a revenue or cost item says it costs.
#[derive(Debug, Clone, PartialEq)]
pub enum Priced {
    /// An amount, given as numbers or found in its text or note.
    Amount {
        money: Money,
        /// How many a year, given or named beside the amount.
        volume: Option<f64>,
        /// Said to be a total ("revenue of 2 M EUR a year"), not a price.
        total: bool,
    },
    /// A share in per cent: a commission, a royalty.
    Share(f64),
    /// Said to be free.
    Free,
    Unpriced,
}

/// A segment's share of the yearly figures, through the items that link to it.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentFigures {
    pub id: String,
    pub revenue: Option<f64>,
    pub costs: Option<f64>,
}

/// The yearly revenue and costs a canvas states, in its currency.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// The currency of the first amount on a revenue or cost item; amounts in another one are
    /// left out.
    pub currency: Option<String>,
    /// The most revenue a year the canvas states: its streams' prices times their volumes where
    /// every stream states them, or a total stated in an answer, whichever is larger.
    pub revenue: Option<f64>,
    /// Costs a year: the cost items' amounts, or the costs the answers state, whichever is
    /// larger.
    pub costs: Option<f64>,
    /// The segments that revenue or costs are traced to, in the canvas's order.
    pub segments: Vec<SegmentFigures>,
}

/// The texts an item says its amount in.
fn item_texts(item: &Item) -> impl Iterator<Item = &str> {
    std::iter::once(item.text.as_str()).chain(item.note.as_deref())
}

/// What `item` says it costs.
pub fn priced(item: &Item, words: &Words) -> Priced {
    if let Some(amount) = &item.amount {
        let money = Money {
            value: amount.value,
            currency: None,
            period: amount.per.map(Period::of),
            clause: 0,
            at: 0,
        };
        return Priced::Amount {
            money,
            volume: amount.volume,
            total: false,
        };
    }
    let mut shares = None;
    for text in item_texts(item) {
        let found = scan(text, Context::Money);
        if let Some(money) = found.amounts.first() {
            let total =
                money.is_total(text, &words.totals) && money.period.and_then(Period::per_year).is_some();
            let volume = own_volume(&found, money.period, words);
            return Priced::Amount {
                money: money.clone(),
                volume,
                total,
            };
        }
        shares = shares.or(found.shares.first().map(|s| s.percent));
    }
    match shares {
        Some(percent) => Priced::Share(percent),
        None if item_texts(item).any(|t| words.free.in_text(t)) => Priced::Free,
        None => Priced::Unpriced,
    }
}

/// A volume named beside an amount: payers for a price per period, units for one per unit.
fn own_volume(found: &Found, period: Option<Period>, words: &Words) -> Option<f64> {
    let wanted = match period {
        Some(Period::Unit | Period::Once) => &words.units,
        _ => &words.payers,
    };
    found
        .counts
        .iter()
        .filter(|c| c.words.iter().any(|w| wanted.has_word(w)))
        .map(|c| c.value * c.period.and_then(Period::per_year).unwrap_or(1.0))
        .reduce(f64::max)
}

/// The most payers and units a year the canvas names anywhere about its customers and revenue.
#[derive(Default)]
struct Bounds {
    payers: Option<f64>,
    units: Option<f64>,
}

impl Bounds {
    fn of(canvas: &Canvas, words: &Words) -> Bounds {
        let mut bounds = Bounds::default();
        for (block, context) in [
            (BlockId::CustomerSegments, Context::Any),
            (BlockId::RevenueStreams, Context::Money),
        ] {
            let written = canvas.block(block);
            let texts = written
                .answers
                .values()
                .map(String::as_str)
                .chain(written.items.iter().flat_map(item_texts));
            for text in texts {
                for count in scan(text, context).counts {
                    let yearly = count.value * count.period.and_then(Period::per_year).unwrap_or(1.0);
                    let counted = |list: &crate::bank::WordList| count.words.iter().any(|w| list.has_word(w));
                    if counted(&words.payers) {
                        bounds.payers = max(bounds.payers, Some(count.value));
                    }
                    if counted(&words.units) {
                        bounds.units = max(bounds.units, Some(yearly));
                    }
                }
            }
        }
        bounds
    }
}

impl Figures {
    pub fn of(canvas: &Canvas, words: &Words) -> Figures {
        let bounds = Bounds::of(canvas, words);
        let mut figures = Figures::default();
        let priced_in = |block: BlockId| -> Vec<Priced> {
            canvas
                .block(block)
                .items
                .iter()
                .map(|i| priced(i, words))
                .collect()
        };
        let (streams, costs) = (
            priced_in(BlockId::RevenueStreams),
            priced_in(BlockId::CostStructure),
        );
        let revenue = figures.yearly_items(canvas, BlockId::RevenueStreams, &streams, &bounds);
        let stated_total = figures.answers(canvas, BlockId::RevenueStreams, words, true);
        // The streams add up to the revenue only when each states its yearly figure (or is free).
        let every_stream = streams
            .iter()
            .zip(&revenue)
            .all(|(priced, yearly)| yearly.is_some() || *priced == Priced::Free);
        figures.revenue = max(sum(&revenue).filter(|_| every_stream), stated_total);
        let mut yearly_costs = figures.yearly_items(canvas, BlockId::CostStructure, &costs, &bounds);
        // A cost stated as a share (a royalty, payment fees) is that share of the revenue.
        for (yearly, priced) in yearly_costs.iter_mut().zip(&costs) {
            if let (Priced::Share(percent), Some(revenue)) = (priced, figures.revenue) {
                *yearly = Some(revenue * percent / 100.0);
            }
        }
        let stated_costs = figures.answers(canvas, BlockId::CostStructure, words, false);
        figures.costs = max(sum(&yearly_costs), stated_costs);
        figures.segments = per_segment(canvas, &revenue, &yearly_costs);
        figures
    }

    /// Each item's amount a year, where it can be told, in the canvas's currency; `priced` is
    /// what each item of `block` says it costs.
    fn yearly_items(
        &mut self,
        canvas: &Canvas,
        block: BlockId,
        priced: &[Priced],
        bounds: &Bounds,
    ) -> Vec<Option<f64>> {
        let revenue = block == BlockId::RevenueStreams;
        canvas
            .block(block)
            .items
            .iter()
            .zip(priced)
            .map(|(item, priced)| {
                let Priced::Amount { money, volume, total } = priced else {
                    return None;
                };
                let currency = item.amount.as_ref().and_then(|a| a.currency.as_deref());
                if !self.takes(currency.or(money.currency)) {
                    return None;
                }
                let period = money.period?;
                let times = match (period.per_year(), revenue && !total) {
                    // A cost per month or year is the business's own; a price needs its payers.
                    (Some(per_year), true) => per_year * volume.or(bounds.payers)?,
                    (Some(per_year), false) => per_year * volume.unwrap_or(1.0),
                    (None, _) if period == Period::Unit => volume.or(bounds.units)?,
                    (None, _) => (*volume)?,
                };
                Some(money.value * times)
            })
            .collect()
    }

    /// The largest yearly figure one answer of `block` states: for revenue, a total ("revenue of
    /// 400,000 EUR a year"); for costs, the answer's amounts a month or a year added up.
    fn answers(&mut self, canvas: &Canvas, block: BlockId, words: &Words, totals_only: bool) -> Option<f64> {
        let mut largest: Option<f64> = None;
        for answer in canvas.block(block).answers.values() {
            let mut stated = None;
            for money in &scan(answer, Context::Money).amounts {
                let Some(per_year) = money.period.and_then(Period::per_year) else {
                    continue;
                };
                if (totals_only && !money.is_total(answer, &words.totals)) || !self.takes(money.currency) {
                    continue;
                }
                stated = Some(stated.unwrap_or(0.0) + money.value * per_year);
            }
            largest = max(largest, stated);
        }
        largest
    }

    /// Whether an amount in `currency` counts: the first currency met becomes the canvas's.
    fn takes(&mut self, currency: Option<&str>) -> bool {
        let Some(currency) = currency else {
            return true;
        };
        let code = super::vocab::lookup(super::vocab::CURRENCIES, &currency.to_lowercase())
            .map_or_else(|| currency.to_uppercase(), str::to_owned);
        match &self.currency {
            Some(known) => *known == code,
            None => {
                self.currency = Some(code);
                true
            }
        }
    }
}

fn sum(figures: &[Option<f64>]) -> Option<f64> {
    figures.iter().flatten().copied().reduce(|a, b| a + b)
}

fn max(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Revenue traced to the segments it comes from, and costs to the segments their items serve
/// through the links, each split evenly among them; a segment's figure is not stated where an
/// item of it has none.
fn per_segment(canvas: &Canvas, revenue: &[Option<f64>], costs: &[Option<f64>]) -> Vec<SegmentFigures> {
    let segments = &canvas.block(BlockId::CustomerSegments).items;
    let mut split = vec![(Some(0.0), Some(0.0)); segments.len()];
    let served = canvas.segments_served();
    let positions: HashMap<&str, usize> = segments
        .iter()
        .enumerate()
        .map(|(n, s)| (s.id.as_str(), n))
        .collect();
    let position = |id: &String| positions.get(id.as_str()).copied();
    for (block, yearly) in [
        (BlockId::RevenueStreams, revenue),
        (BlockId::CostStructure, costs),
    ] {
        for (item, figure) in canvas.block(block).items.iter().zip(yearly) {
            let serves: Vec<usize> = match block {
                BlockId::RevenueStreams => item.links.iter().filter_map(position).collect(),
                _ => served.get(item.id.as_str()).cloned().unwrap_or_default(),
            };
            for &n in &serves {
                let slot = match block {
                    BlockId::RevenueStreams => &mut split[n].0,
                    _ => &mut split[n].1,
                };
                *slot = slot.zip(*figure).map(|(sum, f)| sum + f / serves.len() as f64);
            }
        }
    }
    segments
        .iter()
        .zip(split)
        .map(|(segment, (revenue, costs))| SegmentFigures {
            id: segment.id.clone(),
            revenue,
            costs,
        })
        .collect()
}
