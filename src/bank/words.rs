//! Word lists of a bank, as data: the gap report matches item texts and answers against them to
//! ask a coach's questions (a catch-all segment, a feature sold as a benefit, an item in the
//! wrong block). An entry is a word or a phrase, matched whole and case-insensitively; `*` at
//! its start or end lets it stand inside a longer word (`patent*` matches "patented",
//! `*anbieter` the German compound "Zahlungsanbieter").

use std::collections::HashSet;

use serde::{Deserialize, Deserializer};

use crate::model::BlockId;

/// The lists every built-in bank has, with the same keys in every language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// Segments that name everybody: "everyone", "the general public".
    pub catch_all: WordList,
    /// Nouns that alone make no segment: "customers", "businesses".
    pub generic_segment: WordList,
    /// A technology or a feature: "app", "algorithm", "platform".
    pub technology: WordList,
    /// Words that say what changes for the customer: "save", "without", "faster".
    pub benefit: WordList,
    /// Resources nobody pays for line by line: brand, data, networks, intellectual property.
    pub intangible: WordList,
    /// What keeps the hook of a bait-and-hook model: a patent, a licence, exclusivity, lock-in.
    pub hook_protection: WordList,
    /// Payments promised to a partner: a royalty, a revenue share, a commission.
    pub partner_payment: WordList,
    /// Evidence of what people say: opinions, interest, intentions.
    pub opinion: WordList,
    /// Evidence of what people do: they paid, ordered, signed up, came back.
    pub behaviour: WordList,
    /// Words saying that someone pays nothing: "free", "gratis".
    pub free: WordList,
    /// Who pays, counted in a volume: customers, subscribers, members.
    pub payers: WordList,
    /// What is sold, counted in a volume: units, orders, bookings.
    pub units: WordList,
    /// Words that mark an amount as a total: "revenue", "turnover", "in total".
    pub totals: WordList,
    /// Words of a revenue stream that say how it charges rather than what for.
    pub charging: WordList,
    /// Relationships that need people dedicated to one customer: "account manager".
    pub dedicated: WordList,
    /// Items that read like another block's.
    #[serde(default)]
    pub misplaced: Vec<Misplaced>,
}

/// Words that, in items of `found_in`, suggest the item belongs in `belongs_in`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Misplaced {
    pub found_in: BlockId,
    pub belongs_in: BlockId,
    pub words: WordList,
}

impl Words {
    /// Every list by its key, for checking that banks agree.
    pub fn lists(&self) -> [(&'static str, &WordList); 15] {
        [
            ("catch_all", &self.catch_all),
            ("generic_segment", &self.generic_segment),
            ("technology", &self.technology),
            ("benefit", &self.benefit),
            ("intangible", &self.intangible),
            ("hook_protection", &self.hook_protection),
            ("partner_payment", &self.partner_payment),
            ("opinion", &self.opinion),
            ("behaviour", &self.behaviour),
            ("free", &self.free),
            ("payers", &self.payers),
            ("units", &self.units),
            ("totals", &self.totals),
            ("charging", &self.charging),
            ("dedicated", &self.dedicated),
        ]
    }
}

/// A list of words and phrases, kept apart by kind so that looking a word up is quick: whole
/// words in a set, and the entries with a `*` and the phrases of several words in lists.
#[derive(Debug, Default)]
pub struct WordList {
    whole: HashSet<String>,
    open: Vec<Phrase>,
    phrases: Vec<Phrase>,
}

/// One entry: its words, the first of which may end another word, the last begin one.
#[derive(Debug)]
struct Phrase {
    words: Vec<String>,
    /// `*` before the first word: it may end a longer word.
    open_start: bool,
    /// `*` after the last word: it may begin a longer word.
    open_end: bool,
}

impl<'de> Deserialize<'de> for WordList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = Vec::<String>::deserialize(deserializer)?;
        let mut list = WordList::default();
        for entry in entries {
            let open_start = entry.starts_with('*');
            let open_end = entry.ends_with('*');
            let mut words = Tokens::of(entry.trim_matches('*')).0;
            if words.is_empty() {
                let problem = format!("'{entry}' is not a word: a list entry needs letters or digits");
                return Err(serde::de::Error::custom(problem));
            }
            let phrase = match (words.len(), open_start || open_end) {
                (1, false) => {
                    list.whole.insert(words.remove(0));
                    continue;
                }
                (1, true) => &mut list.open,
                _ => &mut list.phrases,
            };
            phrase.push(Phrase {
                words,
                open_start,
                open_end,
            });
        }
        Ok(list)
    }
}

impl WordList {
    pub fn is_empty(&self) -> bool {
        self.whole.is_empty() && self.open.is_empty() && self.phrases.is_empty()
    }

    /// Whether any entry occurs in `tokens`.
    pub fn in_tokens(&self, tokens: &Tokens) -> bool {
        tokens.0.iter().any(|token| self.has_word(token))
            || self.phrases.iter().any(|p| p.in_tokens(&tokens.0))
    }

    /// Whether any entry occurs in `text`.
    pub fn in_text(&self, text: &str) -> bool {
        !self.is_empty() && self.in_tokens(&Tokens::of(text))
    }

    /// Whether `token` is one of the list's single-word entries.
    pub fn has_word(&self, token: &str) -> bool {
        self.whole.contains(token) || self.open.iter().any(|p| p.word_matches(0, token))
    }
}

impl Phrase {
    fn in_tokens(&self, tokens: &[String]) -> bool {
        let n = self.words.len();
        tokens.len() >= n
            && tokens
                .windows(n)
                .any(|window| window.iter().enumerate().all(|(i, t)| self.word_matches(i, t)))
    }

    fn word_matches(&self, i: usize, token: &str) -> bool {
        let word = self.words[i].as_str();
        let last = self.words.len() - 1;
        match (i == 0 && self.open_start, i == last && self.open_end) {
            (true, true) => token.contains(word),
            (true, false) => token.ends_with(word),
            (false, true) => token.starts_with(word),
            (false, false) => token == word,
        }
    }
}

/// A text as lower-case words: runs of letters and digits, everything else a break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens(pub Vec<String>);

impl Tokens {
    pub fn of(text: &str) -> Tokens {
        Tokens(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct L {
        l: WordList,
    }

    fn list(entries: &[&str]) -> WordList {
        toml::from_str::<L>(&format!("l = {entries:?}")).unwrap().l
    }

    #[test]
    fn words_and_phrases_match_whole_unless_a_star_opens_them() {
        let l = list(&["app", "app store", "patent*", "*anbieter", "*daten*"]);
        assert!(l.in_text("Our App"));
        assert!(!l.in_text("Approval and appetite"), "whole words only");
        assert!(l.in_text("Listed in the app-store"));
        assert!(l.in_text("Patented blade lock"));
        assert!(l.in_text("Zahlungsanbieter mit Treuhand"));
        assert!(l.in_text("Kundendatenbank"));
        assert!(
            !l.in_text("Anbieterwechsel"),
            "a leading star only lets it end a word"
        );
        assert!(l.has_word("patents"));
        assert!(!l.has_word("store"));
    }

    #[test]
    fn an_entry_without_letters_is_refused() {
        let error = toml::from_str::<L>("l = [\"ok\", \"**\"]").unwrap_err();
        assert!(error.to_string().contains("'**' is not a word"), "{error}");
    }
}
