//! An item's `amount`, read by TOML with the places of its figures and by JSON without.

use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

use super::Placed;
use crate::error::{Invalid, Problem};
use crate::model::{Amount, Per};

/// `amount = { value = 29, currency = "EUR", per = "month", volume = 400 }`.
#[derive(Deserialize, JsonSchema)]
#[serde(bound(deserialize = "Figure: Deserialize<'de>"))]
#[schemars(rename = "Amount", bound = "")]
pub(super) struct AmountFile<Figure> {
    /// The amount of money, zero or more.
    #[schemars(with = "f64", range(min = 0))]
    value: Figure,
    /// A currency code or sign, such as `EUR`.
    currency: Option<String>,
    /// What it is paid per: each unit, a month, a year, or once.
    per: Option<Per>,
    /// How many a year: units sold (per unit or once), or how many pay it (per month or year).
    #[schemars(with = "Option<f64>", range(min = 0))]
    volume: Option<Figure>,
}

impl<Figure: Placed<f64>> AmountFile<Figure> {
    /// The amount, refusing a value or volume below zero or not a number, where it stands.
    pub(super) fn into_amount(self, path: &Path) -> Result<Amount, (Invalid, Option<usize>)> {
        let value = self.value.parts();
        let volume = self.volume.map(Placed::parts);
        for (figure, at) in [Some(value), volume].into_iter().flatten() {
            if !Amount::is_figure(figure) {
                let problem = Problem::BadAmount {
                    value: figure.to_string(),
                };
                return Err((Invalid::new(path, problem), at));
            }
        }
        Ok(Amount {
            value: value.0,
            currency: self.currency,
            per: self.per,
            volume: volume.map(|(v, _)| v),
        })
    }
}
