//! An item's amount of money, asked from the item menu of revenue streams and costs: written as
//! people write it ("29 EUR per month"), then how many a year.

use std::io;

use super::prompt::{Prompter, Reply, Say};
use super::walk::Interview;
use crate::i18n::fill;
use crate::model::{Amount, Item, Per};
use crate::money;

impl Interview<'_> {
    /// Asks the item's amount and sets it; Esc keeps the one it had.
    pub(super) fn change_amount(&self, item: &mut Item, prompter: &mut dyn Prompter) -> io::Result<()> {
        if let Some(amount) = self.ask_amount(item, prompter)? {
            item.amount = amount;
        }
        Ok(())
    }

    /// The item's new amount: `Some(None)` when the field is cleared, `None` on Esc, which
    /// keeps the amount it had. The current one is in the field and Enter keeps it.
    fn ask_amount(&self, item: &Item, prompter: &mut dyn Prompter) -> Reply<Option<Amount>> {
        let m = &self.messages.interview;
        let prompt = fill(&m.amount_prompt, &[("item", &item.text)]);
        let mut current = item.amount.as_ref().map_or_else(String::new, written);
        let money = loop {
            let Some(given) = prompter.input(&prompt, &current)? else {
                return Ok(None);
            };
            let given = given.trim().to_owned();
            if given.is_empty() {
                return Ok(Some(None));
            }
            match money::amount(&given) {
                Some(money) => break money,
                None => {
                    prompter.say(Say::Note(&fill(&m.amount_invalid, &[("given", &given)])));
                    current = given;
                }
            }
        };
        let (per, factor) = money.period.map(|p| p.per()).unzip();
        let volume = item.amount.as_ref().and_then(|a| a.volume);
        let shown = volume.map(|v| v.to_string()).unwrap_or_default();
        let volume = match prompter.input(&m.volume_prompt, &shown)? {
            Some(typed) => money::figure(&typed),
            None => volume,
        };
        Ok(Some(Some(Amount {
            value: money.value * factor.unwrap_or(1.0),
            currency: money.currency.map(str::to_owned),
            per,
            volume,
        })))
    }
}

/// An amount as the prompt shows it, in words the amount reader reads back.
fn written(amount: &Amount) -> String {
    let mut text = amount.value.to_string();
    if let Some(currency) = &amount.currency {
        text.push(' ');
        text.push_str(currency);
    }
    match amount.per {
        Some(Per::Once) => text.push_str(" once"),
        Some(per) => {
            text.push_str(" per ");
            text.push_str(per.id());
        }
        None => {}
    }
    text
}
