//! Reading a large canvas section by section. The `toml` crate turns a whole document into tokens
//! and a tree before deserialising it, some twenty bytes for each byte of input; a canvas of
//! 100,000 items would need hundreds of megabytes. A canvas laid out as canvas-coach writes it is
//! instead cut at its table headers, found with the TOML lexer, and read in batches of sections
//! on every core, each batch a small document of its own. Anything else — a header this reader
//! does not expect, a table defined twice, a syntax error — returns `None`, and the whole document
//! is read the ordinary way, which also gives the exact error.

use std::collections::HashSet;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

use crate::block::BlockId;
use crate::parallel;

/// One table header and where its section starts.
struct Section {
    start: usize,
    path: String,
    array: bool,
}

/// Sections are read in batches of about this many bytes: big enough to keep the parser's
/// overhead low, small enough to keep its memory small.
const BATCH_BYTES: usize = 256 * 1024;

/// Cuts `text` at its table headers; `None` when a header is not plain dotted bare keys.
fn sections(text: &str) -> Option<Vec<Section>> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut line_start = true;
    let mut tokens = Source::new(text).lex().peekable();
    while let Some(token) = tokens.next() {
        let kind = token.kind();
        let span = token.span();
        match kind {
            TokenKind::Newline => {
                line_start = true;
                continue;
            }
            TokenKind::Whitespace => continue,
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                let array = tokens
                    .peek()
                    .is_some_and(|t| t.kind() == TokenKind::LeftSquareBracket);
                if array {
                    tokens.next();
                }
                let mut path = String::new();
                for token in tokens.by_ref() {
                    match token.kind() {
                        TokenKind::Atom => path.push_str(&text[token.span().start()..token.span().end()]),
                        TokenKind::Dot => path.push('.'),
                        TokenKind::Whitespace => {}
                        TokenKind::RightSquareBracket => break,
                        _ => return None,
                    }
                }
                if array && tokens.next().map(|t| t.kind()) != Some(TokenKind::RightSquareBracket) {
                    return None;
                }
                found.push(Section {
                    start: span.start(),
                    path,
                    array,
                });
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth = depth.saturating_sub(1),
            _ => {}
        }
        line_start = false;
    }
    Some(found)
}

/// Whether a header is one canvas-coach writes, or a table of the user's own outside the
/// canvas's keys; `Some(true)` for those that may appear only once.
fn expected(section: &Section) -> Option<bool> {
    let (top, rest) = section.path.split_once('.').unwrap_or((&section.path, ""));
    let block = top.parse::<BlockId>().is_ok();
    match (top, rest, section.array) {
        ("meta" | "gap_report", "", false) => Some(true),
        ("gap_report", "gaps", true) | ("session", "", true) => Some(false),
        (_, "" | "answers" | "categories", false) if block => Some(true),
        (_, "items", true) if block => Some(false),
        ("format" | "meta" | "gap_report" | "session", _, _) => None,
        _ if block => None,
        // A table of the user's own: read only to check its syntax.
        _ => Some(!section.array),
    }
}

/// Where the first header starts, and the text cut into batches of whole sections, each with its
/// byte offset; `None` when the layout is not one this reader handles.
pub fn batches(text: &str) -> Option<(usize, Vec<(usize, &str)>)> {
    let sections = sections(text)?;
    let mut once = HashSet::new();
    for section in &sections {
        if expected(section)? && !once.insert(section.path.as_str()) {
            return None;
        }
    }
    let mut batches = Vec::new();
    let mut start = 0;
    for section in &sections {
        if section.start - start >= BATCH_BYTES {
            batches.push((start, &text[start..section.start]));
            start = section.start;
        }
    }
    batches.push((start, &text[start..]));
    let first_header = sections.first().map_or(text.len(), |s| s.start);
    Some((first_header, batches))
}

/// Parses each batch with `parse`, on every core, in order; `None` if any batch gives `None`.
pub fn parse_all<T: Send>(
    batches: &[(usize, &str)],
    parse: impl Fn(usize, &str) -> Option<T> + Sync,
) -> Option<Vec<T>> {
    parallel::map(batches, |(offset, text)| parse(*offset, text))
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_outside_strings_and_arrays() {
        let text = "format = 1\n[meta]\ntitle = \"\"\"\n[not a header]\n\"\"\"\n\
                    [[channels.items]]\nid = \"ch1\"\nlinks = [\n  \"cs1\",\n]\n  [ channels . answers ]\n";
        let found = sections(text).unwrap();
        let paths: Vec<(&str, bool)> = found.iter().map(|s| (s.path.as_str(), s.array)).collect();
        assert_eq!(
            paths,
            [
                ("meta", false),
                ("channels.items", true),
                ("channels.answers", false)
            ]
        );
        assert_eq!(&text[found[0].start..found[0].start + 6], "[meta]");
    }

    #[test]
    fn unexpected_layouts_are_left_to_the_whole_document_reader() {
        assert!(batches("[meta]\n[meta]\n").is_none(), "a table defined twice");
        assert!(batches("[[customer_segments.items]]\n[customer_segments.items.categories]\n").is_none());
        assert!(batches("[\"quoted\".key]\n").is_none());
        assert!(batches("[[meta]]\n").is_none());
        assert!(
            batches("[my_notes]\n[[my_list]]\n[[my_list]]\n[[gap_report.gaps]]\n[[gap_report.gaps]]\n")
                .is_some()
        );
    }
}
