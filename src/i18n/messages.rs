//! Everything the program says to a person, as data: one TOML file per language under
//! `locales/`, embedded in the binary. Messages are typed structs, so a missing or misspelt key
//! fails the tests, not the user; a message about a count is a [`Plural`] pair.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::Language;

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
    pub assumption_map: MapWords,
    pub import: ImportWords,
    pub cards: CardWords,
    /// One message per gap rule, keyed by the rule's id.
    gaps: HashMap<String, String>,
    pub errors: Errors,
    /// Picks the singular or plural form of a count.
    #[serde(skip, default = "english")]
    language: Language,
}

fn english() -> Language {
    Language::En
}

/// A message about a count, in its singular and plural form; `{count}` is the number.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    one: String,
    other: String,
}

/// What the errors say, one message per kind of error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Errors {
    pub prefix: String,
    pub read: String,
    pub write: String,
    pub output: String,
    pub read_only: String,
    pub read_only_folder: String,
    pub exists: String,
    pub kind_question: String,
    pub kind_group: String,
    pub kind_option: String,
    pub needs_terminal: String,
    pub no_canvases: String,
    pub prompt: String,
    pub unknown_language: String,
    pub syntax: String,
    pub not_utf8: String,
    pub not_a_file: String,
    pub too_large: String,
    pub format_missing: String,
    pub format_newer: String,
    pub format_unsupported: String,
    pub empty_item_id: String,
    pub duplicate_item_id: String,
    pub empty_test_id: String,
    pub duplicate_test_id: String,
    pub unknown_test: String,
    pub no_such_item: String,
    pub no_such_test: String,
    pub no_items: String,
    pub flag_required: String,
    pub form_needs_terminal: String,
    pub bad_date: String,
    pub bad_iteration: String,
    pub bad_amount: String,
    pub item_id_taken: String,
    pub empty_field: String,
    pub unknown_block: String,
    pub block_twice: String,
    pub block_missing: String,
    pub block_field_empty: String,
    pub links_prompt_missing: String,
    pub no_questions: String,
    pub items_question_twice: String,
    pub answer_from: String,
    pub group_without_options: String,
    pub not_snake_case: String,
    pub duplicate_id: String,
    pub draft_out_of_range: String,
    pub set_syntax: String,
    pub set_key: String,
    pub set_value: String,
    pub required: String,
    pub conflict: String,
    pub unknown_source: String,
    pub column_missing: String,
    pub column_not_found: String,
    pub columns_syntax: String,
    pub unknown_status: String,
    pub categories_syntax: String,
    pub in_row: String,
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
    /// How the keys of a tick list work.
    pub tick_keys: String,
    pub progress: String,
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
    pub tested_prompt: String,
    /// The same for what the business needs and does, which is tried out, not shown to customers.
    pub tested_in_practice: String,
    pub earlier_answer: String,
    pub check: String,
    pub check_question: String,
    pub check_fix: String,
    pub go_to_block: String,
    pub nav_stay: String,
    pub status_assumption: String,
    pub status_testing: String,
    pub status_validated: String,
    pub status_invalidated: String,
    pub item_status: String,
    pub item_amount: String,
    pub amount_prompt: String,
    pub amount_invalid: String,
    pub volume_prompt: String,
    pub item_evidence: String,
    pub evidence_prompt: String,
    pub next: String,
    pub next_continue: String,
    pub next_finish: String,
    pub next_back: String,
    pub next_save_quit: String,
    pub saved: String,
    pub saved_partial: String,
    pub resume_with: String,
    pub backup: String,
    pub merged: String,
    pub conflict: String,
    pub conflict_mine: String,
    pub conflict_theirs: String,
    pub unchanged: String,
    pub interrupted: String,
    pub interrupted_draft: String,
    pub check_again: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub draft_found: String,
    pub draft_paused: String,
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
    pub missing_count: Plural,
    pub inconsistent_count: Plural,
    pub suggestion_count: Plural,
    pub no_gaps: String,
    pub next_steps: String,
    pub next_step: String,
    pub missing: String,
    pub inconsistent: String,
    pub suggestion: String,
    /// The heading of the yearly figures.
    pub numbers: String,
    pub numbers_total: String,
    pub numbers_segment: String,
    /// A figure the canvas does not state.
    pub not_stated: String,
    /// The heading of the gaps a coach accepted.
    pub acknowledged: String,
    pub acknowledged_line: String,
    /// How numbers are written: the thousands and decimal separators.
    pub thousands: String,
    pub decimal: String,
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
    /// What the mark after a picked item means, in the legend.
    pub picked: String,
}

/// What `bank list` and `bank check` say.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Banks {
    pub summary: String,
    pub questions_count: Plural,
    pub options_count: Plural,
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
    pub passed_over: String,
    pub error: String,
    /// indicatif's template for the progress bar.
    pub progress: String,
}

impl Messages {
    /// The message of a gap rule; every rule has one, as the tests check for every language.
    pub fn gap<'a>(&'a self, rule: &'a str) -> &'a str {
        self.gaps.get(rule).map_or(rule, String::as_str)
    }

    /// The messages of a language, parsed once.
    pub fn get(language: Language) -> &'static Messages {
        static PARSED: [OnceLock<Messages>; Language::ALL.len()] =
            [const { OnceLock::new() }; Language::ALL.len()];
        PARSED[language.index()].get_or_init(|| {
            let mut messages: Messages =
                toml::from_str(language.files().messages).expect("built-in messages are validated by tests");
            messages.language = language;
            messages
        })
    }

    /// An amount of money as the language writes it: whole units from 100 up, cents below
    /// where there are any, the currency after it.
    pub fn money(&self, value: f64, currency: Option<&str>) -> String {
        /// From here on cents no longer matter.
        const WHOLE_FROM: f64 = 100.0;
        let m = &self.report;
        let cents = if value.abs() < WHOLE_FROM && value.fract() != 0.0 {
            2
        } else {
            0
        };
        let written = format!("{:.*}", cents, value.abs());
        let (whole, fraction) = written.split_once('.').unwrap_or((&written, ""));
        let mut grouped = String::new();
        for (n, digit) in whole.chars().enumerate() {
            if n > 0 && (whole.len() - n) % 3 == 0 {
                grouped.push_str(&m.thousands);
            }
            grouped.push(digit);
        }
        if !fraction.is_empty() {
            grouped.push_str(&m.decimal);
            grouped.push_str(fraction);
        }
        let sign = if value < 0.0 { "-" } else { "" };
        match currency {
            Some(currency) => format!("{sign}{grouped} {currency}"),
            None => format!("{sign}{grouped}"),
        }
    }

    /// A count in words: `count(&m.dependents, 1)` is "1 item depends on it".
    pub fn count(&self, plural: &Plural, count: usize) -> String {
        let form = if self.language.is_singular(count) {
            &plural.one
        } else {
            &plural.other
        };
        fill(form, &[("count", &count.to_string())])
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

mod cards;
mod words;
pub use cards::CardWords;
pub use words::{AssumptionWords, CoachWords, DiffWords, ImportWords, KindWords, MapWords};

#[cfg(test)]
mod tests;
