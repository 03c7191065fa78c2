//! Fitting text into columns: word wrapping by display width, so that accents, CJK and emoji
//! line up in the terminal and in the text grid.

use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// Wraps `text` into lines of at most `width` columns, at spaces and after hyphens; a word is
/// broken only when it is longer than a whole line. Runs of white space, line breaks included,
/// are one space.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let options = Options::new(width.max(1))
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::HyphenSplitter)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .break_words(true);
    textwrap::wrap(&text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

/// `lead` and then `text` wrapped between words, each line after the first indented by `indent`
/// columns; every line's text fits in `width - indent` columns. A blank text leaves `lead` alone.
pub fn hanging(lead: &str, indent: usize, text: &str, width: usize) -> String {
    let rows = wrap(text, width.saturating_sub(indent));
    if rows.is_empty() {
        return format!("{lead}\n");
    }
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        match n {
            0 => out.push_str(lead),
            _ => out.push_str(&" ".repeat(indent)),
        }
        out.push_str(row);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_within_the_width_and_splits_what_cannot_fit() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("  spaced \n  out  ", 80), ["spaced out"]);
        assert_eq!(
            wrap("averyveryverylongword x", 10),
            ["averyveryv", "erylongwor", "d x"]
        );
        assert_eq!(wrap("ünïcödé wörds", 7), ["ünïcödé", "wörds"]);
        assert_eq!(wrap("☕☕☕", 4), ["☕☕", "☕"], "wide characters count twice");
        assert!(wrap("", 5).is_empty());
    }

    #[test]
    fn a_hanging_indent_puts_the_lead_first_and_the_rest_under_it() {
        assert_eq!(
            hanging("  1. ", 5, "one two three four", 14),
            "  1. one two\n     three\n     four\n"
        );
        assert_eq!(hanging("t1", 4, "", 20), "t1\n");
    }

    #[test]
    fn hyphens_are_break_points_and_words_that_fit_stay_whole() {
        assert_eq!(wrap("Self-service account", 12), ["Self-service", "account"]);
        assert_eq!(wrap("Self-service account", 11), ["Self-", "service", "account"]);
        assert_eq!(wrap("a small-batch roast", 9), ["a small-", "batch", "roast"]);
    }
}
