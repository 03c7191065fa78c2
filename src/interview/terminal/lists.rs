//! How lists look: a cursor marker that shows without colour, ticks as `[x]`, numbers on long
//! lists, and every option on one row, so that dialoguer's count of the rows it clears holds.

use std::fmt;

use console::{Style, measure_text_width, truncate_str};
use dialoguer::theme::Theme;

use crate::interview::prompt::DETAIL;
use crate::render::safe;

/// Lists longer than this are numbered, so that nobody has to count Down presses.
const NUMBERED_FROM: usize = 8;

/// The widest id kept whole when an option is cut, such as ` (cs12)`.
const ID_ROOM: usize = 12;

pub struct ListTheme {
    active: Style,
    marker: Style,
}

impl Default for ListTheme {
    fn default() -> Self {
        ListTheme {
            active: Style::new().for_stderr().cyan().bold(),
            marker: Style::new().for_stderr().green(),
        }
    }
}

impl ListTheme {
    fn row(&self, f: &mut dyn fmt::Write, tick: &str, text: &str, active: bool) -> fmt::Result {
        let (marker, text) = if active {
            (self.marker.apply_to("❯"), self.active.apply_to(text))
        } else {
            (Style::new().apply_to(" "), Style::new().apply_to(text))
        };
        write!(f, "{marker} {tick}{text}")
    }
}

impl Theme for ListTheme {
    fn format_select_prompt_item(&self, f: &mut dyn fmt::Write, text: &str, active: bool) -> fmt::Result {
        self.row(f, "", text, active)
    }

    fn format_multi_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        checked: bool,
        active: bool,
    ) -> fmt::Result {
        self.row(f, if checked { "[x] " } else { "[ ] " }, text, active)
    }
}

/// The options as shown: escaped, numbered when the list is long, and cut to fit one row of
/// `columns` beside the marker and tick (`room` columns).
pub fn fitted(options: &[String], columns: usize, room: usize) -> Vec<String> {
    let numbered = options.len() >= NUMBERED_FROM;
    let digits = options.len().to_string().len();
    options
        .iter()
        .enumerate()
        .map(|(n, option)| {
            let text = safe::line(option);
            let text = if numbered {
                format!("{:>digits$}. {text}", n + 1)
            } else {
                text.into_owned()
            };
            // The last column stays free: a row that fills it leaves the cursor in doubt.
            cut(&text, columns.saturating_sub(room + 1).max(8))
        })
        .collect()
}

/// `text` cut to `width` columns with `…`, keeping an item's id at the end, such as
/// ` (cs1)`: the id is what tells two similar notes apart.
fn cut(text: &str, width: usize) -> String {
    let id = text
        .strip_suffix(')')
        .and_then(|rest| rest.rfind(" (").map(|at| &text[at..]))
        .filter(|id| measure_text_width(id) <= ID_ROOM && !id[2..].contains(' '));
    match id {
        Some(id) if measure_text_width(text) > width => {
            let head = &text[..text.len() - id.len()];
            format!(
                "{}{id}",
                truncate_str(head, width.saturating_sub(measure_text_width(id)), "…")
            )
        }
        _ => truncate_str(text, width, "…").into_owned(),
    }
}

/// What an option is called in the line that records the choice: its label, without the
/// description that helped to choose it.
pub fn label(option: &str) -> String {
    let label = option.split_once(DETAIL).map_or(option, |(label, _)| label);
    safe::line(label).into_owned()
}

/// Columns the theme puts before an option's text.
pub fn room(ticks: bool) -> usize {
    measure_text_width(if ticks { "❯ [x] " } else { "❯ " })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(count: usize) -> Vec<String> {
        (1..=count).map(|n| format!("option {n}")).collect()
    }

    #[test]
    fn long_lists_are_numbered_and_every_row_fits() {
        assert_eq!(fitted(&options(7), 80, 2)[6], "option 7", "seven stay unnumbered");
        let long = fitted(&options(11), 80, 2);
        assert_eq!(
            (long[0].as_str(), long[10].as_str()),
            (" 1. option 1", "11. option 11")
        );
        let wide = [format!(
            "Commuters{DETAIL}{}",
            "people who ride to work ".repeat(6)
        )];
        let row = &fitted(&wide, 80, room(true))[0];
        assert_eq!(measure_text_width(row), 80 - room(true) - 1);
        assert!(row.ends_with('…'), "{row}");
        let item =
            ["Daily commuters who ride to work and cannot lose a morning at the shop (cs1)".to_owned()];
        let row = &fitted(&item, 60, room(true))[0];
        assert!(row.ends_with("… (cs1)"), "the id stays: {row}");
        assert_eq!(measure_text_width(row), 60 - room(true) - 1);
        let spaced = ["A long note that ends in a remark in brackets (seen twice at the market)".to_owned()];
        assert!(
            fitted(&spaced, 40, 2)[0].ends_with('…'),
            "words in brackets are no id"
        );
    }

    #[test]
    fn the_active_row_has_a_marker_without_colour_and_ticks_show_as_text() {
        let theme = ListTheme::default();
        let mut row = String::new();
        theme
            .format_multi_select_prompt_item(&mut row, "Students", true, true)
            .unwrap();
        assert_eq!(console::strip_ansi_codes(&row), "❯ [x] Students");
        let mut row = String::new();
        theme
            .format_multi_select_prompt_item(&mut row, "Students", false, false)
            .unwrap();
        assert_eq!(console::strip_ansi_codes(&row), "  [ ] Students");
    }

    #[test]
    fn a_label_drops_its_description_and_its_control_characters() {
        assert_eq!(
            label(&format!("Subscription{DETAIL}a fee per month")),
            "Subscription"
        );
        assert_eq!(label("Tyre\u{1b}[2J fix"), "Tyre\\u{1b}[2J fix");
    }
}
