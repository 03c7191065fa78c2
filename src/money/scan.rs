//! Recognising amounts, shares and counts among a text's numbers and words.

use super::lex::{Lex, lex};
use super::vocab::{
    AMBIGUOUS_MULTIPLIER, CENTS, CURRENCIES, FILLERS, MULTIPLIERS, PER, PER_WEAK, PERCENT, PERIOD_WORDS,
    PERIODS, lookup,
};
use super::{Context, Count, Found, Money, Period, Share};

/// The amounts, shares and counts in `text`. Conservative: a number without money around it —
/// a year, "3 segments", a time — is no amount.
pub fn scan(text: &str, context: Context) -> Found {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Found::default();
    }
    let (lexes, _) = lex(text);
    let clauses = clause_of_each(&lexes);
    let clause_periods = clause_periods(&lexes, &clauses);
    let mut found = Found::default();
    for (i, lexeme) in lexes.iter().enumerate() {
        let Lex::Number(number) = lexeme else {
            continue;
        };
        let clause = clauses[i];
        let around = Around::read(&lexes, i);
        if around.percent {
            found.shares.push(Share {
                percent: number.value * around.multiplier,
                clause,
            });
            continue;
        }
        let (period, direct) = period_after(&lexes, around.next);
        let named = around.currency.is_some() || around.cents;
        let bare_money = context == Context::Money
            && !number.year_like
            && (around.multiplier > 1.0 || number.grouped || direct)
            && !starts_noun(&lexes, around.next);
        let value = number.value * around.multiplier * if around.cents { 0.01 } else { 1.0 };
        if named || bare_money {
            found.amounts.push(Money {
                value,
                currency: around.currency,
                period: period.or(clause_periods[clause]),
                clause,
                at: number.at,
            });
        } else if !number.year_like {
            found.extend_count(&lexes, around.next, value);
        }
    }
    found
}

/// The amount in a text typed at a prompt: the first amount in it, or a figure alone ("29").
pub fn amount(text: &str) -> Option<Money> {
    scan(text, Context::Money).amounts.into_iter().next().or_else(|| {
        figure(text).map(|value| Money {
            value,
            currency: None,
            period: None,
            clause: 0,
            at: 0,
        })
    })
}

/// A figure typed at a prompt: "400", "1,200", "2 M", maybe with words after it.
pub fn figure(text: &str) -> Option<f64> {
    let (lexes, _) = lex(text);
    let Some(Lex::Number(number)) = lexes.first() else {
        return None;
    };
    Some(number.value * Around::read(&lexes, 0).multiplier)
}

impl Found {
    /// A count if words follow the number: what they are, and a period after them.
    fn extend_count(&mut self, lexes: &[Lex], from: usize, value: f64) {
        let mut next = from;
        let mut words = Vec::new();
        while let Some(Lex::Word(w)) = lexes.get(next) {
            if words.len() == 2 || !is_noun(w) {
                break;
            }
            words.push(w.clone());
            next += 1;
        }
        if !words.is_empty() {
            let period = period_after(lexes, next).0;
            self.counts.push(Count { value, words, period });
        }
    }
}

/// What stands around a number: its multiplier, its currency before or after, a per cent.
struct Around {
    multiplier: f64,
    currency: Option<&'static str>,
    cents: bool,
    percent: bool,
    /// The first lexeme after them.
    next: usize,
}

impl Around {
    fn read(lexes: &[Lex], i: usize) -> Around {
        let word = |at: usize| match lexes.get(at) {
            Some(Lex::Word(w)) => Some(w.as_str()),
            _ => None,
        };
        let mut next = i + 1;
        let mut multiplier = 1.0;
        let mut ambiguous = false;
        if let Some(m) = word(next).and_then(|w| lookup(MULTIPLIERS, w)) {
            ambiguous = word(next) == Some(AMBIGUOUS_MULTIPLIER);
            multiplier = m;
            next += 1;
        }
        let mut currency = lexes.get(next).and_then(currency_of);
        let cents = word(next).is_some_and(|w| CENTS.contains(&w));
        if currency.is_some() || cents {
            next += 1;
        } else if i > 0 {
            currency = currency_of(&lexes[i - 1]);
        }
        if ambiguous && currency.is_none() {
            // "3 m" without a currency is more likely metres than millions.
            multiplier = 1.0;
            next -= 1;
        }
        let percent = matches!(lexes.get(next), Some(Lex::Sign('%')))
            || word(next).is_some_and(|w| PERCENT.contains(&w))
            || (word(next) == Some("per") && word(next + 1) == Some("cent"));
        Around {
            multiplier,
            currency,
            cents,
            percent,
            next,
        }
    }
}

fn currency_of(lexeme: &Lex) -> Option<&'static str> {
    match lexeme {
        Lex::Sign(c) => lookup(CURRENCIES, c.encode_utf8(&mut [0; 4])),
        Lex::Word(w) => lookup(CURRENCIES, w),
        _ => None,
    }
}

fn is_connector(word: &str) -> bool {
    PER.contains(&word) || PER_WEAK.contains(&word) || FILLERS.contains(&word)
}

/// Whether the lexeme at `at` is a word that names what a number counts.
fn starts_noun(lexes: &[Lex], at: usize) -> bool {
    matches!(lexes.get(at), Some(Lex::Word(w)) if is_noun(w))
}

/// A word that can name what is counted: not "per", not a time ("month"), but "units" can.
fn is_noun(word: &str) -> bool {
    !is_connector(word)
        && lookup(PERIOD_WORDS, word).is_none()
        && lookup(PERIODS, word).is_none_or(|p| p == Period::Unit)
}

/// What an amount is paid per, read after it: "per month", "/Monat", "a unit", "per user per
/// month" (the period wins over the unit), "p.a."; and whether that starts right after it.
fn period_after(lexes: &[Lex], from: usize) -> (Option<Period>, bool) {
    /// How far past the amount a period is looked for.
    const REACH: usize = 7;
    let direct = match lexes.get(from) {
        Some(Lex::Sign('/')) => true,
        Some(Lex::Word(w)) => is_connector(w) || (w.contains('.') && lookup(PERIODS, w).is_some()),
        _ => false,
    };
    let mut strong = false;
    let mut weak = false;
    let mut unit = false;
    for (at, lexeme) in lexes.iter().enumerate().skip(from).take(REACH) {
        match lexeme {
            Lex::Break | Lex::Number(_) => break,
            Lex::Sign('/') => strong = true,
            Lex::Sign(_) => {}
            Lex::Word(w) => {
                if let Some(period) = lookup(PERIODS, w).filter(|_| strong || weak || w.contains('.')) {
                    return (Some(period), direct);
                }
                if PER.contains(&w.as_str()) || (at == from && PER_WEAK.contains(&w.as_str())) {
                    strong = true;
                } else if PER_WEAK.contains(&w.as_str()) {
                    weak = true;
                } else if !FILLERS.contains(&w.as_str()) {
                    unit |= strong;
                    strong = false;
                    weak = false;
                }
            }
        }
    }
    (unit.then_some(Period::Unit), direct && unit)
}

fn clause_of_each(lexes: &[Lex]) -> Vec<usize> {
    let mut clause = 0;
    lexes
        .iter()
        .map(|l| {
            if *l == Lex::Break {
                clause += 1;
            }
            clause
        })
        .collect()
}

/// The period a clause's words give all its amounts: "monthly", "einmalig", "per jaar".
fn clause_periods(lexes: &[Lex], clauses: &[usize]) -> Vec<Option<Period>> {
    let mut periods = vec![None; clauses.last().map_or(1, |c| c + 1)];
    for (n, (lexeme, &clause)) in lexes.iter().zip(clauses).enumerate() {
        let Lex::Word(w) = lexeme else {
            continue;
        };
        let led = n > 0 && matches!(&lexes[n - 1], Lex::Word(before) if PER.contains(&before.as_str()));
        let time = lookup(PERIODS, w).filter(|p| led && p.per_year().is_some());
        periods[clause] = periods[clause].or(lookup(PERIOD_WORDS, w)).or(time);
    }
    periods
}
