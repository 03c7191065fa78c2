//! Money in a canvas: amounts, shares and counts recognised in texts written in English, German
//! or Dutch ("29 EUR per month", "€29/Monat", "29,- per maand", "1.8 M USD", "15 %", "400
//! subscribers"), and the yearly figures of a canvas that its revenue and cost items state. Pure
//! functions, no I/O.

mod figures;
mod lex;
mod scan;
mod vocab;

#[cfg(test)]
mod tests;

pub use figures::{Figures, Priced, priced};
pub use lex::clauses;
pub use scan::{amount, figure, scan};

use crate::model::Per;

/// What an amount recognised in a text is paid per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Each unit sold or used; a day rate too.
    Unit,
    Week,
    Month,
    Year,
    Once,
}

impl Period {
    /// How many times a year it is paid; none for units and one-offs, which need a volume.
    pub fn per_year(self) -> Option<f64> {
        match self {
            Period::Week => Some(52.0),
            Period::Month => Some(12.0),
            Period::Year => Some(1.0),
            Period::Unit | Period::Once => None,
        }
    }

    /// As an item's `per`, with the factor its value changes by: a week's amount is kept as a
    /// month's.
    pub fn per(self) -> (Per, f64) {
        match self {
            Period::Unit => (Per::Unit, 1.0),
            Period::Week => (Per::Month, 52.0 / 12.0),
            Period::Month => (Per::Month, 1.0),
            Period::Year => (Per::Year, 1.0),
            Period::Once => (Per::Once, 1.0),
        }
    }

    pub fn of(per: Per) -> Period {
        match per {
            Per::Unit => Period::Unit,
            Per::Month => Period::Month,
            Per::Year => Period::Year,
            Per::Once => Period::Once,
        }
    }
}

/// Where a text holds money: revenue and cost texts, where a bare figure such as "400,000 a
/// year" is money, or any other text, where only a currency or a per cent makes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Money,
    Any,
}

/// An amount of money found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    pub value: f64,
    /// The ISO code, where the text names a currency.
    pub currency: Option<&'static str>,
    pub period: Option<Period>,
    /// The clause it stands in, counted from 0: clauses end at `;`, `,`, a sentence's end or a
    /// line break.
    pub clause: usize,
    /// Where its number starts in the text, in bytes.
    pub at: usize,
}

impl Money {
    /// Whether `text`, the text it was found in, calls it a total ("revenue of 2 M EUR a year",
    /// "400,000 EUR turnover"): a word of `totals` close before or after it, in its clause.
    pub fn is_total(&self, text: &str, totals: &crate::bank::WordList) -> bool {
        /// How many bytes around the number a total's word is looked for: a few words.
        const NEAR: usize = 32;
        let clause = clauses(text).get(self.clause).copied().unwrap_or(text);
        let start = clause.as_ptr() as usize - text.as_ptr() as usize;
        let from = floor_char(text, self.at.saturating_sub(NEAR).max(start));
        let to = floor_char(text, (self.at + NEAR).min(start + clause.len()));
        totals.in_text(&text[from..to])
    }
}

/// The nearest char boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A share in per cent: "15 %", "20 Prozent".
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub percent: f64,
    pub clause: usize,
}

/// A number of things: "400 subscribers", "5,000 downloads a year".
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub value: f64,
    /// The words after the number, lower case: what is counted.
    pub words: Vec<String>,
    pub period: Option<Period>,
}

/// What a text holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub amounts: Vec<Money>,
    pub shares: Vec<Share>,
    pub counts: Vec<Count>,
}
