//! Cutting a text into numbers, words, signs and clause breaks, reading numbers written in
//! English, German or Dutch: `1,800.50`, `1.800,50`, `1'800`, `1 800`, `29,-`.

use super::vocab::{DOTTED, DOTTED_LONGEST};

#[derive(Debug, Clone, PartialEq)]
pub enum Lex {
    Number(Number),
    /// A lower-case word; dotted abbreviations (`p.a.`) and hyphenated words (`one-off`) whole.
    Word(String),
    /// A currency sign, `%` or `/`.
    Sign(char),
    /// The end of a clause: `;`, `,`, a sentence's end, a line break, a bracket.
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Where it starts in the text, in bytes.
    pub at: usize,
    /// Written with a thousands separator: `400,000`.
    pub grouped: bool,
    /// Four digits that read as a year: `2026`.
    pub year_like: bool,
}

const SIGNS: &[char] = &['€', '$', '£', '¥', '%', '/'];

/// Separators inside a number: thousands or decimals.
const SEPARATORS: &[char] = &[',', '.', '\'', '’', ' ', '\u{a0}', '\u{202f}'];

/// The lexemes of `text`, and the byte offset of each `Break` in it.
pub fn lex(text: &str) -> (Vec<Lex>, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
    let mut out = Vec::new();
    let mut breaks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at_word_start = i == 0 || !chars[i - 1].is_alphanumeric();
        if let Some(len) = at_word_start.then(|| dotted_at(&chars, i)).flatten() {
            out.push(Lex::Word(
                chars[i..i + len].iter().collect::<String>().to_lowercase(),
            ));
            i += len;
        } else if c.is_ascii_digit() {
            let (number, end) = number_at(&chars, i);
            out.extend(number.map(|n| Lex::Number(Number { at: offsets[i], ..n })));
            i = end;
        } else if c.is_alphabetic() {
            let end = word_end(&chars, i);
            let word: String = chars[i..end].iter().collect();
            // A capital M is millions ("2 M users"); a small m may be metres.
            let word = if word == "M" {
                "mn".to_owned()
            } else {
                word.to_lowercase()
            };
            out.push(Lex::Word(word));
            i = end;
        } else {
            if SIGNS.contains(&c) {
                out.push(Lex::Sign(c));
            } else if ends_clause(&chars, i) && out.last() != Some(&Lex::Break) {
                out.push(Lex::Break);
                breaks.push(offsets[i]);
            }
            i += 1;
        }
    }
    (out, breaks)
}

/// The clauses of `text`, numbered as the scanner numbers them.
pub fn clauses(text: &str) -> Vec<&str> {
    let (_, breaks) = lex(text);
    let mut clauses = Vec::with_capacity(breaks.len() + 1);
    let mut start = 0;
    for at in breaks {
        clauses.push(&text[start..at]);
        start = at;
    }
    clauses.push(&text[start..]);
    clauses
}

/// The length of a dotted abbreviation starting at `i`, if one does.
fn dotted_at(chars: &[char], i: usize) -> Option<usize> {
    let near = &chars[i..chars.len().min(i + DOTTED_LONGEST)];
    if !near.iter().any(|c| matches!(c, '.' | '$')) {
        return None;
    }
    DOTTED.iter().find_map(|abbreviation| {
        let len = abbreviation.chars().count();
        let here = chars.get(i..i + len)?;
        let same = here
            .iter()
            .zip(abbreviation.chars())
            .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()));
        let whole = chars
            .get(i + len)
            .is_none_or(|c| !c.is_alphanumeric() || abbreviation.ends_with('.'));
        (same && whole).then_some(len)
    })
}

/// Letters, and hyphens between letters.
fn word_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while end < chars.len() {
        let hyphen_inside =
            chars[end] == '-' && end > start && chars.get(end + 1).is_some_and(|c| c.is_alphabetic());
        if chars[end].is_alphabetic() || hyphen_inside {
            end += 1;
        } else {
            break;
        }
    }
    end
}

fn ends_clause(chars: &[char], i: usize) -> bool {
    match chars[i] {
        ';' | ',' | '\n' | '(' | ')' | '!' | '?' | '|' | '•' => true,
        '.' => chars.get(i + 1).is_none_or(|c| c.is_whitespace()),
        _ => false,
    }
}

/// The number starting at `start` and where it ends; `None` for digit runs that are no number,
/// such as `14.10.2026`. A trailing `,-` or `.-` marks a whole amount and is taken with it.
fn number_at(chars: &[char], start: usize) -> (Option<Number>, usize) {
    let digits_end = |from: usize| {
        let mut end = from;
        while chars.get(end).is_some_and(char::is_ascii_digit) {
            end += 1;
        }
        end
    };
    let mut groups = vec![(None, chars[start..digits_end(start)].iter().collect::<String>())];
    let mut end = digits_end(start);
    while let Some(&sep) = chars.get(end).filter(|c| SEPARATORS.contains(c)) {
        let next_end = digits_end(end + 1);
        let group: String = chars[end + 1..next_end].iter().collect();
        let spaced = sep.is_whitespace();
        // A space separates thousands only between groups of up to three and exactly three digits.
        if group.is_empty() || (spaced && (group.len() != 3 || groups[0].1.len() > 3)) {
            break;
        }
        groups.push((Some(sep), group));
        end = next_end;
    }
    if let [Some(',' | '.'), Some('-' | '—' | '–')] = [chars.get(end).copied(), chars.get(end + 1).copied()]
    {
        end += 2;
        while chars.get(end) == Some(&'-') {
            end += 1;
        }
    }
    (read(&groups), end)
}

/// The value of digit groups and the separators between them.
fn read(groups: &[(Option<char>, String)]) -> Option<Number> {
    let whole: String = groups.iter().map(|(_, g)| g.as_str()).collect();
    let seps: Vec<char> = groups.iter().filter_map(|(s, _)| *s).collect();
    let last = groups.last().expect("one group at least");
    let decimal = match last.0 {
        Some(sep @ (',' | '.')) => {
            let other_kind = seps.iter().any(|s| *s != sep);
            let once = seps.iter().filter(|s| **s == sep).count() == 1;
            (other_kind || (once && (last.1.len() != 3 || groups[0].1 == "0"))).then_some(sep)
        }
        _ => None,
    };
    let thousands: Vec<&(Option<char>, String)> = match decimal {
        Some(_) => groups[1..groups.len() - 1].iter().collect(),
        None => groups[1..].iter().collect(),
    };
    if thousands
        .iter()
        .any(|(s, g)| g.len() != 3 || (decimal.is_some() && *s == decimal))
    {
        return None;
    }
    let kinds: Vec<char> = thousands.iter().filter_map(|(s, _)| *s).collect();
    if kinds.windows(2).any(|w| w[0] != w[1]) {
        return None;
    }
    let value: f64 = match decimal {
        Some(_) => {
            let integer: String = groups[..groups.len() - 1]
                .iter()
                .map(|(_, g)| g.as_str())
                .collect();
            format!("{integer}.{}", last.1).parse().ok()?
        }
        None => whole.parse().ok()?,
    };
    let grouped = !thousands.is_empty();
    let year_like = groups.len() == 1 && whole.len() == 4 && (1900.0..=2100.0).contains(&value);
    Some(Number {
        value,
        at: 0,
        grouped,
        year_like,
    })
}
