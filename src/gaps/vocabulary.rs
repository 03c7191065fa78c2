//! Whether one text names what another does, by their words: the same word of four letters or
//! more, one at the start of a longer one (a plural, a German or Dutch compound), or, from five
//! letters, at its end ("Stunde" in "Nachhilfestunde"). A vocabulary is built once, so that
//! looking a word up takes a few set searches however long the texts are.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::bank::{Tokens, WordList};

/// Words shorter than this name nothing on their own ("the", "and", "app").
const SIGNIFICANT: usize = 4;
/// A compound's last part names it, if it is at least this long.
const HEAD: usize = 5;

/// The words of some texts.
#[derive(Default)]
pub struct Vocabulary {
    words: BTreeSet<String>,
    /// The same words spelt backwards, to find those ending in a word.
    backwards: BTreeSet<String>,
}

impl Vocabulary {
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a Tokens>) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for word in texts.into_iter().flat_map(|t| &t.0) {
            let word = stem(word);
            if significant(&word) {
                vocabulary.backwards.insert(word.chars().rev().collect());
                vocabulary.words.insert(word.into_owned());
            }
        }
        vocabulary
    }

    /// Whether `tokens` name something of the vocabulary, leaving out the words of `ignore`.
    pub fn named_in(&self, tokens: &Tokens, ignore: &WordList) -> bool {
        tokens
            .0
            .iter()
            .filter(|w| !ignore.has_word(w))
            .any(|w| self.relates_to(&stem(w)))
    }

    fn relates_to(&self, word: &str) -> bool {
        if !significant(word) {
            return false;
        }
        let chars = word.chars().count();
        let backwards: String = word.chars().rev().collect();
        starts_with(&self.words, word)
            || prefixes(word, SIGNIFICANT).any(|p| self.words.contains(p))
            || (chars >= HEAD && starts_with(&self.backwards, &backwards))
            || suffixes(word, HEAD).any(|s| self.words.contains(s))
    }
}

/// Whether `b` names something `a` names, leaving out the words of `ignore`.
pub fn mentions(a: &Tokens, b: &Tokens, ignore: &WordList) -> bool {
    Vocabulary::of([b]).named_in(a, ignore)
}

fn significant(word: &str) -> bool {
    word.chars().count() >= SIGNIFICANT && !word.chars().all(|c| c.is_ascii_digit())
}

/// Whether a word of `set` starts with `start`.
fn starts_with(set: &BTreeSet<String>, start: &str) -> bool {
    use std::ops::Bound;
    set.range::<str, _>((Bound::Included(start), Bound::Unbounded))
        .next()
        .is_some_and(|w| w.starts_with(start))
}

/// The starts of `word` at least `least` characters long.
fn prefixes(word: &str, least: usize) -> impl Iterator<Item = &str> {
    word.char_indices()
        .map(|(at, _)| at)
        .chain([word.len()])
        .skip(least)
        .map(|end| &word[..end])
}

/// The ends of `word` at least `least` characters long.
fn suffixes(word: &str, least: usize) -> impl Iterator<Item = &str> {
    let chars = word.chars().count();
    word.char_indices()
        .take((chars + 1).saturating_sub(least))
        .map(|(at, _)| &word[at..])
}

/// An English plural made singular, so that "royalties" names a "royalty"; German and Dutch
/// plurals extend their singular and match it by their start.
fn stem(word: &str) -> Cow<'_, str> {
    match word.strip_suffix("ies") {
        Some(stem) if stem.len() > 2 => format!("{stem}y").into(),
        _ => word
            .strip_suffix('s')
            .filter(|s| s.len() > 3)
            .unwrap_or(word)
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(a: &str, b: &str) -> bool {
        mentions(&Tokens::of(a), &Tokens::of(b), &WordList::default())
    }

    #[test]
    fn words_name_their_plurals_compounds_and_heads() {
        assert!(names("Royalty of 6 %", "Royalties about 60 %"));
        assert!(names("Office plan", "office plans about 25 %"));
        assert!(names("Nachhilfe", "Nachhilfestunden für Schüler"));
        assert!(names("Stunde", "eine Nachhilfestunde"), "a compound's head");
        assert!(names("Subscriptions", "Monthly subscription of 29 EUR"));
        assert!(!names("Concert tickets", "New releases first, in full quality"));
        assert!(!names("the app", "happy apps"), "short words name nothing");
        assert!(!names("2026", "In 2026"), "nor do numbers");
    }
}
