//! How wide text is on paper, without a font at hand: Arial's advance widths (Liberation Sans,
//! which browsers use for Arial on Linux, has the same), and lines wrapped to a width in
//! millimetres at spaces and hyphens, a word broken only when it is longer than a line.

use textwrap::WordSeparator;
use textwrap::word_splitters::{WordSplitter, split_words};

/// Millimetres in a typographic point.
pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// Widths are rounded up by this much, for a font a little wider than Arial and for kerning.
const SAFETY: f64 = 1.06;

/// Arial's advance widths of `a` to `z` and `A` to `Z`, in thousandths of an em.
const LOWER: [u16; 26] = [
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556,
    500, 722, 500, 500, 500,
];
const UPPER: [u16; 26] = [
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611,
];

/// The advance width of `c` in thousandths of an em; characters outside the table get a wide
/// letter's width, and East Asian wide characters and emoji a full em.
fn advance(c: char) -> u16 {
    match c {
        'a'..='z' => LOWER[c as usize - 'a' as usize],
        'A'..='Z' => UPPER[c as usize - 'A' as usize],
        '0'..='9' | '?' | '$' | '#' | '_' => 556,
        ' ' | '.' | ',' | ':' | ';' | '!' | '/' | '\\' | '|' | '·' => 278,
        '\'' => 191,
        '-' | '(' | ')' | '[' | ']' | '{' | '}' | '`' | '"' => 333,
        '&' | '%' | '~' | '+' | '=' | '<' | '>' | '✓' | '✗' => 667,
        '@' | '—' | '…' | '★' => 1000,
        _ if console::measure_text_width(c.encode_utf8(&mut [0; 4])) > 1 => 1000,
        _ => 722,
    }
}

/// The width of `text` in millimetres at a font size of `size` millimetres.
pub fn width(text: &str, size: f64) -> f64 {
    let thousandths: u32 = text.chars().map(|c| u32::from(advance(c))).sum();
    f64::from(thousandths) / 1000.0 * size * SAFETY
}

/// `text` in lines at most `first` millimetres wide for the first line and `rest` for the
/// others, at a font size of `size` millimetres. Runs of white space, line breaks included,
/// are one space.
pub fn lines(text: &str, size: f64, first: f64, rest: f64) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = split_words(
        WordSeparator::AsciiSpace.find_words(&text),
        &WordSplitter::HyphenSplitter,
    );
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    // The space owed before the next word, written only when that word joins this line.
    let mut space = "";
    let limit = |lines: &Vec<String>| if lines.is_empty() { first } else { rest };
    for word in words {
        let word_w = width(word.word, size);
        if !line.is_empty() && line_w + width(space, size) + word_w > limit(&lines) {
            lines.push(std::mem::take(&mut line));
            (line_w, space) = (0.0, "");
        }
        line.push_str(space);
        line_w += width(space, size);
        // A first line too short for the first word (beside the id label) stays empty.
        if lines.is_empty() && line.is_empty() && word_w > first && first < rest {
            lines.push(String::new());
        }
        if line_w + word_w <= limit(&lines) {
            line.push_str(word.word);
            line_w += word_w;
        } else {
            // Longer than a whole line: broken where the line is full.
            for c in word.word.chars() {
                let c_w = width(c.encode_utf8(&mut [0; 4]), size);
                if !line.is_empty() && line_w + c_w > limit(&lines) {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += c_w;
            }
        }
        space = word.whitespace;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_arial_s_metrics() {
        let size = 10.0;
        assert!((width("iiii", size) - 4.0 * 2.22 * SAFETY).abs() < 1e-9);
        assert!(width("WWWW", size) > width("wwww", size));
        assert!(width("☕", size) > width("a", size), "wide characters take an em");
        assert_eq!(width("", size), 0.0);
    }

    #[test]
    fn lines_break_at_spaces_and_hyphens_and_split_only_words_longer_than_a_line() {
        // Every `n` is then 2.5 mm wide, a space 1.25 mm and a hyphen 1.5 mm.
        let size = 2.5 / 0.556 / SAFETY;
        let n = |count| "n".repeat(count);
        assert_eq!(
            lines(&format!("{} {}", n(4), n(4)), size, 22.0, 22.0),
            [n(4) + " " + &n(4)]
        );
        assert_eq!(
            lines(&format!("{} {}", n(4), n(5)), size, 22.0, 22.0),
            [n(4), n(5)]
        );
        assert_eq!(lines("nnnn-nnnn", size, 12.5, 12.5), ["nnnn-", "nnnn"]);
        assert_eq!(lines(&n(12), size, 25.01, 25.01), [n(10), n(2)]);
        assert_eq!(lines(" spaced \n out ", size, 50.0, 50.0), ["spaced out"]);
        assert_eq!(lines("nn nn nn", size, 5.01, 12.0), ["nn", "nn nn"]);
        assert_eq!(
            lines("nnn", size, 5.01, 12.0),
            ["", "nnn"],
            "too long for the first line"
        );
        assert!(lines("", size, 10.0, 10.0).is_empty());
    }
}
