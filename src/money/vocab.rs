//! The words of amounts in English, German and Dutch: currencies, multipliers, shares and what
//! an amount is paid per. They are the grammar of figures, like digits and separators, and are
//! recognised together whatever the canvas's language, since a canvas's figures do not change
//! with the language it is checked in.

use super::Period;

/// Currency signs and words, with the ISO code they stand for.
pub const CURRENCIES: &[(&str, &str)] = &[
    ("€", "EUR"),
    ("eur", "EUR"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("$", "USD"),
    ("usd", "USD"),
    ("us$", "USD"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("chf", "CHF"),
    ("fr.", "CHF"),
    ("sfr", "CHF"),
    ("franken", "CHF"),
    ("¥", "JPY"),
    ("jpy", "JPY"),
    ("yen", "JPY"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("pln", "PLN"),
    ("czk", "CZK"),
];

/// Words for a hundredth of the currency: "50 cents".
pub const CENTS: &[&str] = &["cent", "cents", "ct", "ct.", "cts", "eurocent", "eurocents"];

/// Multipliers after a number: "10k", "1.8 M", "2 Mio.", "3 mln", "1 Mrd.".
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("k", 1e3),
    ("tsd", 1e3),
    ("tsd.", 1e3),
    ("tausend", 1e3),
    ("thousand", 1e3),
    ("duizend", 1e3),
    ("m", 1e6),
    ("mio", 1e6),
    ("mio.", 1e6),
    ("mn", 1e6),
    ("million", 1e6),
    ("millions", 1e6),
    ("millionen", 1e6),
    ("mln", 1e6),
    ("mln.", 1e6),
    ("miljoen", 1e6),
    ("bn", 1e9),
    ("billion", 1e9),
    ("billions", 1e9),
    ("mrd", 1e9),
    ("mrd.", 1e9),
    ("milliarde", 1e9),
    ("milliarden", 1e9),
    ("mld", 1e9),
    ("mld.", 1e9),
    ("miljard", 1e9),
];

/// The multiplier "m" could be metres; it counts only beside a currency.
pub const AMBIGUOUS_MULTIPLIER: &str = "m";

/// Words for per cent after a number ("%" is a sign of its own).
pub const PERCENT: &[&str] = &["percent", "procent", "prozent", "pct", "pct."];

/// Words that lead to what an amount is paid per, and make any noun after them a unit: "per
/// month", "pro Monat", "per lunch".
pub const PER: &[&str] = &[
    "per", "pro", "je", "each", "every", "jede", "jeden", "jedes", "elke", "iedere", "ieder", "im",
];

/// Words that lead to a period but not to a unit: "a month", "in de maand", "einmal im Jahr".
/// Right after an amount, "a" and "an" lead to a unit too: "70 USD a unit".
pub const PER_WEAK: &[&str] = &[
    "a",
    "an",
    "in",
    "een",
    "ein",
    "einen",
    "einem",
    "next",
    "nächstes",
    "volgend",
];

/// Words that may stand between those and the period: "in de maand", "per the month".
pub const FILLERS: &[&str] = &[
    "the", "de", "het", "der", "den", "dem", "first", "ersten", "eerste",
];

/// Periods and units, alone or after "per", "/" or "a": "per month", "/Monat", "p.a.".
pub const PERIODS: &[(&str, Period)] = &[
    ("month", Period::Month),
    ("months", Period::Month),
    ("mo", Period::Month),
    ("mth", Period::Month),
    ("monat", Period::Month),
    ("monate", Period::Month),
    ("monats", Period::Month),
    ("mon", Period::Month),
    ("maand", Period::Month),
    ("mnd", Period::Month),
    ("p.m.", Period::Month),
    ("year", Period::Year),
    ("years", Period::Year),
    ("yr", Period::Year),
    ("annum", Period::Year),
    ("jahr", Period::Year),
    ("jahres", Period::Year),
    ("jaar", Period::Year),
    ("jr", Period::Year),
    ("p.a.", Period::Year),
    ("p.j.", Period::Year),
    ("week", Period::Week),
    ("woche", Period::Week),
    ("wk", Period::Week),
    ("unit", Period::Unit),
    ("units", Period::Unit),
    ("piece", Period::Unit),
    ("pc", Period::Unit),
    ("stück", Period::Unit),
    ("stk", Period::Unit),
    ("stk.", Period::Unit),
    ("stuk", Period::Unit),
    ("day", Period::Unit),
    ("tag", Period::Unit),
    ("dag", Period::Unit),
];

/// Words that give a whole clause its period: "a monthly fee of 29 EUR", "einmalig 99 EUR".
pub const PERIOD_WORDS: &[(&str, Period)] = &[
    ("monthly", Period::Month),
    ("monatlich", Period::Month),
    ("monatliche", Period::Month),
    ("mtl.", Period::Month),
    ("maandelijks", Period::Month),
    ("maandelijkse", Period::Month),
    ("yearly", Period::Year),
    ("annual", Period::Year),
    ("annually", Period::Year),
    ("jährlich", Period::Year),
    ("jährliche", Period::Year),
    ("jährl.", Period::Year),
    ("jaarlijks", Period::Year),
    ("jaarlijkse", Period::Year),
    ("weekly", Period::Week),
    ("wöchentlich", Period::Week),
    ("wekelijks", Period::Week),
    ("once", Period::Once),
    ("einmalig", Period::Once),
    ("einmalige", Period::Once),
    ("eenmalig", Period::Once),
    ("eenmalige", Period::Once),
    ("one-off", Period::Once),
    ("one-time", Period::Once),
];

/// The most characters an abbreviation of `DOTTED` has.
pub const DOTTED_LONGEST: usize = 7;

/// Abbreviations written with dots, read as one word so their dot does not end the clause.
pub const DOTTED: &[&str] = &[
    "p.a.", "p.m.", "p.j.", "mio.", "mrd.", "mln.", "mld.", "tsd.", "mtl.", "jährl.", "stk.", "ct.", "fr.",
    "pct.", "ca.", "inkl.", "zzgl.", "bzw.", "z.b.", "e.g.", "i.e.", "approx.", "incl.", "excl.", "vs.",
    "us$",
];

pub fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|(_, t)| *t)
}
