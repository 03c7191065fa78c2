//! Amounts, shares and counts as people write them in English, German and Dutch, and the
//! numbers that are none.

use super::*;

/// The amounts in `text` as (value, currency, period).
fn amounts(text: &str, context: Context) -> Vec<(f64, Option<&'static str>, Option<Period>)> {
    scan(text, context)
        .amounts
        .into_iter()
        .map(|m| (m.value, m.currency, m.period))
        .collect()
}

fn one(text: &str) -> (f64, Option<&'static str>, Option<Period>) {
    let found = amounts(text, Context::Money);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0]
}

use Period::*;

#[test]
fn english_amounts() {
    assert_eq!(one("29 EUR per month"), (29.0, Some("EUR"), Some(Month)));
    assert_eq!(
        one("Monthly subscription of 29 EUR"),
        (29.0, Some("EUR"), Some(Month))
    );
    assert_eq!(one("1.8 M USD a year"), (1_800_000.0, Some("USD"), Some(Year)));
    assert_eq!(one("$1.8M"), (1_800_000.0, Some("USD"), None));
    assert_eq!(one("70 USD a unit"), (70.0, Some("USD"), Some(Unit)));
    assert_eq!(one("9.50 EUR per lunch"), (9.5, Some("EUR"), Some(Unit)));
    assert_eq!(one("£12/mo"), (12.0, Some("GBP"), Some(Month)));
    assert_eq!(one("12 USD per user per month"), (12.0, Some("USD"), Some(Month)));
    assert_eq!(one("Salaries of 400,000 a year"), (400_000.0, None, Some(Year)));
    assert_eq!(one("Rent 1,234.56 EUR p.m."), (1234.56, Some("EUR"), Some(Month)));
    assert_eq!(
        one("A one-off setup fee of 499 EUR"),
        (499.0, Some("EUR"), Some(Once))
    );
    assert_eq!(
        one("Hosting 10k USD annually"),
        (10_000.0, Some("USD"), Some(Year))
    );
    assert_eq!(one("Ads sold at 50 cents per view"), (0.5, None, Some(Unit)));
    assert_eq!(one("3 EUR a week"), (3.0, Some("EUR"), Some(Week)));
}

#[test]
fn german_amounts() {
    assert_eq!(one("€29/Monat"), (29.0, Some("EUR"), Some(Month)));
    assert_eq!(one("29 Euro pro Monat"), (29.0, Some("EUR"), Some(Month)));
    assert_eq!(one("Miete 1.800 € im Monat"), (1800.0, Some("EUR"), Some(Month)));
    assert_eq!(
        one("Umsatz 2,5 Mio. EUR pro Jahr"),
        (2_500_000.0, Some("EUR"), Some(Year))
    );
    assert_eq!(one("1.234,50 EUR jährlich"), (1234.5, Some("EUR"), Some(Year)));
    assert_eq!(one("Einmalig 99,- Euro"), (99.0, Some("EUR"), Some(Once)));
    assert_eq!(one("4 Mrd. EUR"), (4e9, Some("EUR"), None));
    assert_eq!(
        one("Gehälter 300 Tsd. EUR p.a."),
        (300_000.0, Some("EUR"), Some(Year))
    );
    assert_eq!(one("12 CHF je Stück"), (12.0, Some("CHF"), Some(Unit)));
    assert_eq!(one("1'800 CHF monatlich"), (1800.0, Some("CHF"), Some(Month)));
}

#[test]
fn dutch_amounts() {
    assert_eq!(one("29,- per maand"), (29.0, None, Some(Month)));
    assert_eq!(one("€ 29,95 per maand"), (29.95, Some("EUR"), Some(Month)));
    assert_eq!(one("3 mln euro per jaar"), (3_000_000.0, Some("EUR"), Some(Year)));
    assert_eq!(
        one("Huur 2.500 euro in de maand"),
        (2500.0, Some("EUR"), Some(Month))
    );
    assert_eq!(
        one("Jaarlijkse licentie van 1 200 EUR"),
        (1200.0, Some("EUR"), Some(Year))
    );
    assert_eq!(one("Eenmalig 150 euro"), (150.0, Some("EUR"), Some(Once)));
    assert_eq!(one("4,50 EUR per stuk"), (4.5, Some("EUR"), Some(Unit)));
    assert_eq!(one("1,2 mld. euro"), (1.2e9, Some("EUR"), None));
}

#[test]
fn shares_in_every_language() {
    let shares = |text: &str| -> Vec<f64> {
        scan(text, Context::Any)
            .shares
            .iter()
            .map(|s| s.percent)
            .collect()
    };
    assert_eq!(
        shares("Subscriptions about 75 %, office plans about 25%"),
        [75.0, 25.0]
    );
    assert_eq!(shares("Provision 12,5 Prozent"), [12.5]);
    assert_eq!(shares("commissie van 15 procent"), [15.0]);
    assert_eq!(shares("a 30 per cent royalty"), [30.0]);
    let found = scan("Commission 80 %; premium profiles 20 %", Context::Any);
    let clauses: Vec<usize> = found.shares.iter().map(|s| s.clause).collect();
    assert_eq!(clauses, [0, 1], "each in its own clause");
}

#[test]
fn numbers_without_money_around_them_are_no_amounts() {
    for text in [
        "Launch in 2026",
        "3 segments",
        "Boxes arrive by 10:30",
        "Ordered on 14.10.2026",
        "Within 24 hours",
        "A 3 m long counter",
        "Teams of 20 people",
        "2026-10-14: 14 of 20 interviewed",
    ] {
        assert_eq!(amounts(text, Context::Money), [], "{text}");
    }
    // Outside revenue and costs, only a currency makes a figure money.
    assert_eq!(amounts("400,000 a year", Context::Any), []);
    assert_eq!(
        amounts("400,000 a year", Context::Money),
        [(400_000.0, None, Some(Year))]
    );
    assert_eq!(amounts("Only 400,000", Context::Money), [(400_000.0, None, None)]);
}

#[test]
fn counts_name_what_they_count_and_how_often() {
    let found = scan(
        "About 2,000 paying subscribers; 5.000 Downloads im Jahr; 2 M users",
        Context::Any,
    );
    let counts: Vec<(f64, Vec<&str>, Option<Period>)> = found
        .counts
        .iter()
        .map(|c| (c.value, c.words.iter().map(String::as_str).collect(), c.period))
        .collect();
    assert_eq!(
        counts,
        [
            (2000.0, vec!["paying", "subscribers"], None),
            (5000.0, vec!["downloads"], Some(Year)),
            (2_000_000.0, vec!["users"], None),
        ]
    );
    assert_eq!(scan("in 2026 we expect", Context::Any).counts, []);
}

#[test]
fn clauses_are_cut_where_the_scanner_cuts_them() {
    let text = "Subscriptions 1,800 EUR, about 75 %; offices 25 %.";
    assert_eq!(
        clauses(text),
        ["Subscriptions 1,800 EUR", ", about 75 %", "; offices 25 %", "."]
    );
}

#[test]
fn no_abbreviation_is_longer_than_the_lexer_looks() {
    for abbreviation in super::vocab::DOTTED {
        assert!(
            abbreviation.chars().count() <= super::vocab::DOTTED_LONGEST,
            "{abbreviation}"
        );
    }
}
