//! Text from files and the command line made safe to show: every character that would act on a
//! terminal or reorder the text around it is written as a visible escape instead (ESC as `\u{1b}`,
//! U+202E as `\u{202e}`). Showing is all this is for: the model keeps the user's text exactly, and
//! JSON keeps it too, only written with JSON's own `\u` escapes.
//!
//! Line breaks: a value shown within one line of output (a title in a heading, an answer quoted
//! in a gap, a cell, an error's file name, a prompt) is passed through [`line`], which escapes the
//! newline and the tab too, so a value can never start a line that looks like the program's own.
//! Only a text that fills lines of its own and is wrapped there (a grid cell, a paragraph of the
//! interview, HTML, where both are spaces) keeps them, through [`lines`].

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// How a text is laid out where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Within one line of output: line breaks and tabs are escaped too.
    Line,
    /// As lines of its own: line breaks and tabs stay.
    Lines,
}

/// Whether `c` must be escaped to be shown as `shown`: C0 controls, DEL, C1 controls and the
/// bidirectional formatting characters.
pub fn escapes(c: char, shown: Shown) -> bool {
    match c {
        '\n' | '\t' => shown == Shown::Line,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        _ => is_bidi_control(c),
    }
}

/// The characters that embed, override, isolate or mark a direction.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Appends the visible escape of `c`: `\n`, `\r` and `\t` as in Rust, the others as `\u{1b}`.
pub fn push_escape(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        _ => {
            let _ = write!(out, "{}", c.escape_unicode());
        }
    }
}

/// `text` for one line of output; borrowed when it holds nothing to escape.
pub fn line(text: &str) -> Cow<'_, str> {
    escaped(text, Shown::Line, push_escape)
}

/// `text` for lines of its own; borrowed when it holds nothing to escape.
pub fn lines(text: &str) -> Cow<'_, str> {
    escaped(text, Shown::Lines, push_escape)
}

/// JSON from serde_json with what it leaves raw (DEL, C1 and bidirectional controls) written as
/// `\u` escapes: the same values to a parser, inert on a terminal. Outside its strings JSON is
/// ASCII and line breaks, and serde_json escapes the C0 controls within them, so every character
/// replaced here is inside a string.
pub fn json(text: &str) -> Cow<'_, str> {
    escaped(text, Shown::Lines, |out, c| {
        let _ = write!(out, "\\u{:04x}", u32::from(c));
    })
}

/// A file name for one line of output.
pub fn path(path: &Path) -> String {
    line(&path.display().to_string()).into_owned()
}

/// `text` with each character that `shown` escapes written by `escape`.
fn escaped(text: &str, shown: Shown, escape: fn(&mut String, char)) -> Cow<'_, str> {
    let Some(first) = text.find(|c| escapes(c, shown)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if escapes(c, shown) {
            escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `text` can reorder what is shown around it: it holds a bidirectional formatting
/// character or a right-to-left letter (the Hebrew, Arabic and related blocks of the BMP and the
/// right-to-left ranges of plane 1). Markdown and HTML isolate such text.
pub fn needs_isolation(text: &str) -> bool {
    text.chars().any(|c| {
        is_bidi_control(c)
            || matches!(c,
                '\u{590}'..='\u{8ff}'
                | '\u{fb1d}'..='\u{fdff}'
                | '\u{fe70}'..='\u{fefe}'
                | '\u{10800}'..='\u{10fff}'
                | '\u{1e800}'..='\u{1efff}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_borrowed_as_it_is() {
        for text in ["", "Brew Box · ☕ ünïcödé", "a \\u{1b} typed out", "שלום"] {
            assert!(matches!(line(text), Cow::Borrowed(t) if t == text), "{text}");
        }
        assert!(matches!(lines("two\nlines\tand a tab"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_written_as_escapes() {
        let text = "a\u{1b}[2J\u{1b}]8;;http://x\u{7}b\u{7f}\u{9b}\u{202e}c\0";
        assert_eq!(
            line(text),
            "a\\u{1b}[2J\\u{1b}]8;;http://x\\u{7}b\\u{7f}\\u{9b}\\u{202e}c\\u{0}"
        );
        for c in [
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{2066}', '\u{2069}', '\u{85}',
        ] {
            assert_eq!(line(&c.to_string()), format!("\\u{{{:x}}}", u32::from(c)));
        }
        assert_eq!(
            line("é\u{1b}"),
            "é\\u{1b}",
            "text before the first escape is kept"
        );
    }

    #[test]
    fn line_breaks_and_tabs_stay_only_in_lines() {
        assert_eq!(line("one\ntwo\tthree\r"), "one\\ntwo\\tthree\\r");
        assert_eq!(lines("one\ntwo\tthree\r"), "one\ntwo\tthree\\r");
        assert_eq!(path(Path::new("a\nb\u{1b}.toml")), "a\\nb\\u{1b}.toml");
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw_and_parses_to_the_same_text() {
        let text = "a\u{1b}\u{7}\n\u{7f}\u{9b}\u{202e}\u{2069}é";
        let written = serde_json::to_string_pretty(&[text]).unwrap();
        let safe = json(&written);
        assert_eq!(
            safe,
            "[\n  \"a\\u001b\\u0007\\n\\u007f\\u009b\\u202e\\u2069é\"\n]"
        );
        assert_eq!(serde_json::from_str::<Vec<String>>(&safe).unwrap(), [text]);
        assert!(matches!(json("[\n  \"plain\"\n]"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidirectional_text_is_isolated_and_latin_text_is_not() {
        assert!(needs_isolation("x \u{202e}y"));
        assert!(needs_isolation("\u{2067}"));
        assert!(needs_isolation("مرحبا"));
        assert!(needs_isolation("שלום"));
        assert!(!needs_isolation("Brew Box · ☕ ünïcödé \u{1b}[2J \u{9b}"));
    }
}
