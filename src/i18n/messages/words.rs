//! The words of the commands besides the interview and the report: coach mode and the agenda,
//! `assumptions` and its map, `diff` and `import`.

use serde::Deserialize;

use super::Plural;

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
    pub minutes_count: Plural,
    pub blocks_count: Plural,
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
    pub dependents: Plural,
    pub dependents_more: String,
    /// Added to the line of a revenue or cost item that states an amount.
    pub figure: String,
    pub none: String,
}

/// What the assumption map says, in the terminal and on the HTML page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapWords {
    pub heading: String,
    /// How to read the map: which quadrant to test first.
    pub how: String,
    /// The quadrants, each named by both axes: important or not, evidence or not.
    pub test_first: String,
    pub backed: String,
    pub later: String,
    pub settled: String,
    /// The axes, as the image labels them.
    pub important: String,
    pub unimportant: String,
    pub no_evidence: String,
    pub has_evidence: String,
    pub desirability: KindWords,
    pub feasibility: KindWords,
    pub viability: KindWords,
    pub none: String,
}

/// A type of assumption: the letter that marks it on the map, and its name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindWords {
    pub letter: String,
    pub name: String,
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
    pub test_added: String,
    pub test_removed: String,
    pub test_state: String,
    pub learning_added: String,
}

/// What `import` says about what it mapped and kept.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportWords {
    pub summary: String,
    pub notes_count: Plural,
    pub mapped: String,
    pub kept: String,
    pub check: String,
    pub at_row: String,
    pub at_line: String,
    pub choice: String,
    pub colour_link: String,
    pub kept_unknown_block: String,
    pub kept_no_equivalent: String,
    pub kept_no_link: String,
    pub kept_no_place: String,
    pub dangling: String,
    pub colour_none: String,
    pub colour_many: String,
    pub new_id: String,
    pub unread: String,
    /// A line kept in a note: the source's name for it and the text.
    pub kept_line: String,
}
