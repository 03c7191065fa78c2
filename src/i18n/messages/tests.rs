//! Every language's messages: complete, looked up by language, counted and filled.

use super::*;

#[test]
fn every_language_parses_and_words_every_gap_rule() {
    for language in Language::ALL {
        let messages: Messages =
            toml::from_str(language.files().messages).unwrap_or_else(|e| panic!("{language:?}: {e}"));
        let mut worded: Vec<&str> = messages.gaps.keys().map(String::as_str).collect();
        worded.sort_unstable();
        let mut rules: Vec<&str> = crate::gaps::RULES.iter().map(|r| r.id).collect();
        rules.sort_unstable();
        assert_eq!(worded, rules, "{language:?}");
        assert!(messages.interview.welcome.contains("{blocks}"), "{language:?}");
    }
}

#[test]
fn languages_are_looked_up_by_their_variant() {
    assert_eq!(Messages::get(Language::De).report.next_steps, "Nächste Schritte");
    assert_eq!(Messages::get(Language::Nl).report.next_steps, "Volgende stappen");
    assert_eq!(Messages::get(Language::En).report.next_steps, "Next steps");
}

#[test]
fn counts_take_the_singular_for_one_and_the_plural_otherwise() {
    let cases = [
        (
            Language::En,
            "1 item depends on it",
            "2 items depend on it",
            "0 items depend on it",
        ),
        (
            Language::De,
            "1 Eintrag hängt davon ab",
            "2 Einträge hängen davon ab",
            "0 Einträge hängen davon ab",
        ),
        (
            Language::Nl,
            "1 item hangt ervan af",
            "2 items hangen ervan af",
            "0 items hangen ervan af",
        ),
    ];
    for (language, one, two, none) in cases {
        let m = Messages::get(language);
        assert_eq!(m.count(&m.assumptions.dependents, 1), one);
        assert_eq!(m.count(&m.assumptions.dependents, 2), two);
        assert_eq!(m.count(&m.assumptions.dependents, 0), none);
    }
    let en = Messages::get(Language::En);
    assert_eq!(en.count(&en.report.suggestion_count, 1), "1 suggestion");
    assert_eq!(en.count(&en.coach.minutes_count, 1), "1 minute");
    let de = Messages::get(Language::De);
    assert_eq!(de.count(&de.report.suggestion_count, 1), "1 Anregung");
    assert_eq!(de.count(&de.banks.questions_count, 41), "41 Fragen");
    let nl = Messages::get(Language::Nl);
    assert_eq!(nl.count(&nl.coach.blocks_count, 1), "1 bouwsteen");
    assert_eq!(nl.count(&nl.report.suggestion_count, 3), "3 suggesties");
}

#[test]
fn fill_replaces_known_placeholders_only() {
    assert_eq!(
        fill("block {n}/{total} · {x}", &[("n", "3"), ("total", "9")]),
        "block 3/9 · {x}"
    );
    assert_eq!(fill("{a}{a}", &[("a", "é")]), "éé");
    assert_eq!(fill("no braces", &[]), "no braces");
    assert_eq!(fill("open { only", &[]), "open { only");
}
