//! Fitting text into columns: word wrapping by display width, so that accents, CJK and emoji
//! line up in the terminal and in the text grid.

use console::measure_text_width;

/// Wraps `text` at word boundaries into lines of at most `width` columns; a word longer than a
/// line is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut column = 0;
    for word in text.split_whitespace() {
        let len = measure_text_width(word);
        if column > 0 && column + 1 + len > width {
            lines.push(std::mem::take(&mut line));
            column = 0;
        }
        if column > 0 {
            line.push(' ');
            column += 1;
        }
        if len <= width {
            line.push_str(word);
            column += len;
            continue;
        }
        for c in word.chars() {
            let w = measure_text_width(c.encode_utf8(&mut [0; 4]));
            if column + w > width && column > 0 {
                lines.push(std::mem::take(&mut line));
                column = 0;
            }
            line.push(c);
            column += w;
        }
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
    fn wraps_at_words_within_the_width_and_splits_what_cannot_fit() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("  spaced   out  ", 80), ["spaced out"]);
        assert_eq!(
            wrap("averyveryverylongword x", 10),
            ["averyveryv", "erylongwor", "d x"]
        );
        assert_eq!(wrap("ünïcödé wörds", 7), ["ünïcödé", "wörds"]);
        assert_eq!(wrap("☕☕☕", 4), ["☕☕", "☕"], "wide characters count twice");
        assert!(wrap("", 5).is_empty());
    }
}
