//! Amounts of money given as numbers on revenue and cost items, and what they are paid per.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What an amount is paid per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Per {
    /// Each unit sold or used: a sale, a booking, a lesson.
    Unit,
    Month,
    Year,
    /// A one-off amount: a setup fee, an investment.
    Once,
}

impl Per {
    pub const ALL: [Per; 4] = [Per::Unit, Per::Month, Per::Year, Per::Once];

    pub fn id(self) -> &'static str {
        match self {
            Per::Unit => "unit",
            Per::Month => "month",
            Per::Year => "year",
            Per::Once => "once",
        }
    }
}

/// An item's amount as the user gave it: `amount = { value = 29, currency = "EUR", per =
/// "month", volume = 400 }`. Only `value` is required.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Amount {
    /// The amount of money, finite and not negative.
    pub value: f64,
    /// A currency code or sign as written, such as `EUR`.
    pub currency: Option<String>,
    pub per: Option<Per>,
    /// How many a year: units sold (per unit, once), or how many pay it (per month, per year).
    pub volume: Option<f64>,
}

impl Amount {
    /// Whether `n` can be an amount or a volume: a finite number, not negative.
    pub fn is_figure(n: f64) -> bool {
        n.is_finite() && n >= 0.0
    }
}
