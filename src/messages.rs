//! Everything the program says to a person, as data: one TOML file per language under
//! `locales/`, embedded in the binary. A missing or misspelt key fails the tests, not the user.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The message files shipped inside the binary: language code and TOML text.
const BUILTIN: &[(&str, &str)] = &[
    ("en", include_str!("../locales/en.toml")),
    ("de", include_str!("../locales/de.toml")),
    ("nl", include_str!("../locales/nl.toml")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messages {
    pub interview: Interview,
    pub session: Session,
    pub coach: CoachWords,
    pub report: Report,
    pub cohort: Cohort,
    pub banks: Banks,
    pub render: Render,
    pub diff: DiffWords,
    pub assumptions: AssumptionWords,
    /// One message per gap rule, keyed by the rule's id.
    gaps: HashMap<String, String>,
    /// Error messages, keyed as in `error::PROBLEMS` and `Error::localized`.
    errors: HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    pub welcome_title: String,
    pub welcome: String,
    pub details: String,
    pub title: String,
    pub title_required: String,
    pub designed_for: String,
    pub designed_by: String,
    pub date: String,
    pub date_invalid: String,
    pub iteration: String,
    pub iteration_invalid: String,
    pub progress: String,
    pub questions: String,
    pub categories: String,
    pub items: String,
    pub item_example: String,
    pub extra_answers: String,
    pub items_menu: String,
    pub items_done: String,
    pub items_add: String,
    pub item_action: String,
    pub item_keep: String,
    pub item_edit: String,
    pub item_relink: String,
    pub item_remove: String,
    pub item_text: String,
    pub item_categories: String,
    pub item_note: String,
    pub item_note_prompt: String,
    pub item_group: String,
    pub status_prompt: String,
    pub status_assumption: String,
    pub status_testing: String,
    pub status_validated: String,
    pub status_invalidated: String,
    pub item_status: String,
    pub item_evidence: String,
    pub evidence_prompt: String,
    pub links_pick: String,
    pub next: String,
    pub next_continue: String,
    pub next_finish: String,
    pub next_redo: String,
    pub next_back: String,
    pub next_save_quit: String,
    pub saved: String,
    pub saved_partial: String,
    pub backup: String,
    pub unchanged: String,
    pub interrupted: String,
    pub interrupted_draft: String,
    pub check_again: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub draft_found: String,
    pub draft_question: String,
    pub draft_resume: String,
    pub draft_discard: String,
    pub revising: String,
    pub revise_question: String,
    pub revise_every: String,
    pub revise_chosen: String,
    pub revise_report_only: String,
    pub choose_blocks: String,
    pub block_gaps: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub heading: String,
    pub untitled: String,
    pub score: String,
    pub counts: String,
    pub no_gaps: String,
    pub next_steps: String,
    pub next_step: String,
    pub missing: String,
    pub inconsistent: String,
    pub suggestion: String,
}

/// What coach mode and `agenda` say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoachWords {
    pub timebox: String,
    pub listen_for: String,
    pub trap: String,
    pub example: String,
    pub time_spent: String,
    pub time_over: String,
    pub last_session: String,
    pub agenda_title: String,
    pub agenda_total: String,
    pub minutes: String,
    pub questions: String,
    pub choices: String,
}

/// What `assumptions` says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssumptionWords {
    pub heading: String,
    pub line: String,
    pub none: String,
}

/// What `diff` says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiffWords {
    pub status: String,
    pub evidence: String,
    pub heading: String,
    pub score: String,
    pub no_changes: String,
    pub empty: String,
    pub text: String,
    pub links: String,
    pub note: String,
    pub item_added: String,
    pub item_removed: String,
    pub item_edited: String,
    pub choice_added: String,
    pub choice_removed: String,
    pub answer_changed: String,
}

/// Labels of the rendered canvas.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Render {
    pub legend: String,
    pub evidence: String,
    pub designed_for: String,
    pub designed_by: String,
    pub date: String,
    pub iteration: String,
    pub serves: String,
    pub note: String,
    pub no_items: String,
}

/// What `bank list` and `bank check` say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Banks {
    pub summary: String,
    pub valid: String,
}

/// Column names of the cohort table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    pub file: String,
    pub title: String,
    pub iteration: String,
    pub score: String,
    pub worst_block: String,
    pub error: String,
}

impl Messages {
    /// The message of a gap rule; every rule has one, as the tests check for every language.
    pub fn gap<'a>(&'a self, rule: &'a str) -> &'a str {
        self.gaps.get(rule).map_or(rule, String::as_str)
    }

    /// The messages of a built-in language; English for any other.
    pub fn get(language: &str) -> &'static Messages {
        static PARSED: [OnceLock<Messages>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let index = BUILTIN
            .iter()
            .position(|(code, _)| *code == language)
            .unwrap_or(0);
        PARSED[index].get_or_init(|| {
            toml::from_str(BUILTIN[index].1).expect("built-in messages are validated by tests")
        })
    }

    /// An error message with its values filled in.
    pub fn error(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.errors.get(key).map_or(key, String::as_str), values)
    }
}

/// Fills `{name}` placeholders; an unknown placeholder is left as it is, so a slip shows.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (close, *value))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
        let mut keys: Vec<&str> = keys.map(String::as_str).collect();
        keys.sort_unstable();
        keys
    }

    #[test]
    fn every_language_words_every_gap_rule_and_every_error() {
        assert_eq!(BUILTIN.len(), 3);
        let mut rules: Vec<&str> = crate::gaps::Rule::ALL.iter().map(|r| r.id()).collect();
        rules.sort_unstable();
        for (code, text) in BUILTIN {
            let messages: Messages = toml::from_str(text).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(sorted(messages.gaps.keys()), rules, "{code}");
            for key in crate::error::PROBLEMS {
                assert!(messages.errors.contains_key(*key), "{code} lacks error {key}");
            }
            let english = sorted(Messages::get("en").errors.keys());
            assert_eq!(
                sorted(messages.errors.keys()),
                english,
                "{code}: the same errors as English"
            );
            assert!(messages.interview.welcome.contains("{blocks}"), "{code}");
        }
    }

    #[test]
    fn languages_are_looked_up_by_code_with_english_as_fallback() {
        assert_eq!(Messages::get("de").report.next_steps, "Nächste Schritte");
        assert_eq!(Messages::get("nl").report.next_steps, "Volgende stappen");
        assert_eq!(Messages::get("fr").report.next_steps, "Next steps");
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
}
