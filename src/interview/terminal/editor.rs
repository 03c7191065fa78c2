//! The text of a line being typed, and what each key does to it: the keys of a shell's line
//! editor (Home/End and Ctrl-A/E, Ctrl-U and Ctrl-K, Ctrl-W), kept apart from the terminal so
//! that each key is tested on its own.

use console::Key;

/// What a key asks the prompt to do.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Editing,
    Done,
    Back,
}

/// The text as characters, with the cursor between two of them.
#[derive(Debug, Default)]
pub struct Line {
    chars: Vec<char>,
    cursor: usize,
    /// The first character typed replaces the whole text, as in a selected field: a date or
    /// number is typed anew far more often than edited.
    replace_on_type: bool,
}

const CTRL_K: char = '\u{0b}';
const CTRL_U: char = '\u{15}';
const CTRL_W: char = '\u{17}';

impl Line {
    pub fn new(text: &str, replace_on_type: bool) -> Self {
        let chars: Vec<char> = text.chars().collect();
        Line {
            cursor: chars.len(),
            chars,
            replace_on_type,
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The text before the cursor, to place the terminal's cursor.
    pub fn before_cursor(&self) -> String {
        self.chars[..self.cursor].iter().collect()
    }

    pub fn press(&mut self, key: &Key) -> Outcome {
        let fresh = std::mem::take(&mut self.replace_on_type);
        match key {
            Key::Enter => return Outcome::Done,
            Key::Escape => return Outcome::Back,
            Key::Char(c) if !c.is_control() => {
                if fresh {
                    self.clear();
                }
                self.chars.insert(self.cursor, *c);
                self.cursor += 1;
            }
            Key::Char(CTRL_U) => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            Key::Char(CTRL_K) => self.chars.truncate(self.cursor),
            Key::Char(CTRL_W) => self.delete_word(),
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            Key::Del if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            Key::ArrowLeft => self.cursor = self.cursor.saturating_sub(1),
            Key::ArrowRight => self.cursor = (self.cursor + 1).min(self.chars.len()),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.chars.len(),
            // Any other key leaves the text as it is, and a prefill still waits to be replaced.
            _ => self.replace_on_type = fresh,
        }
        Outcome::Editing
    }

    fn clear(&mut self) {
        self.chars.clear();
        self.cursor = 0;
    }

    /// Deletes the word before the cursor and the spaces after it, as Ctrl-W does in a shell.
    fn delete_word(&mut self) {
        let before = &self.chars[..self.cursor];
        let end_of_word = before
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |p| p + 1);
        let start = before[..end_of_word]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |p| p + 1);
        self.chars.drain(start..self.cursor);
        self.cursor = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(line: &mut Line, keys: &[Key]) -> String {
        for key in keys {
            assert_eq!(line.press(key), Outcome::Editing, "{key:?}");
        }
        line.text()
    }

    fn chars(text: &str) -> Vec<Key> {
        text.chars().map(Key::Char).collect()
    }

    #[test]
    fn home_end_and_arrows_move_and_typing_inserts_at_the_cursor() {
        let mut line = Line::new("bike repair", false);
        let mut keys = vec![Key::Home];
        keys.extend(chars("mobile "));
        keys.extend([Key::End, Key::ArrowLeft, Key::ArrowLeft]);
        keys.extend(chars("X"));
        assert_eq!(typed(&mut line, &keys), "mobile bike repaXir");
        assert_eq!(line.before_cursor(), "mobile bike repaX");
    }

    #[test]
    fn ctrl_u_k_and_w_delete_as_in_a_shell() {
        let mut line = Line::new("fix flat tyres at home", false);
        assert_eq!(typed(&mut line, &[Key::Char(CTRL_W)]), "fix flat tyres at ");
        assert_eq!(typed(&mut line, &[Key::Char(CTRL_W)]), "fix flat tyres ");
        typed(
            &mut line,
            &[Key::Home, Key::ArrowRight, Key::ArrowRight, Key::ArrowRight],
        );
        assert_eq!(typed(&mut line, &[Key::Char(CTRL_K)]), "fix");
        assert_eq!(typed(&mut line, &[Key::Char(CTRL_U)]), "");
        assert_eq!(
            typed(&mut line, &[Key::Char(CTRL_W)]),
            "",
            "nothing left to delete"
        );
    }

    #[test]
    fn backspace_and_delete_remove_one_character_and_stop_at_the_ends() {
        let mut line = Line::new("ab", false);
        assert_eq!(typed(&mut line, &[Key::Del, Key::Backspace]), "a");
        assert_eq!(typed(&mut line, &[Key::Home, Key::Backspace, Key::Del]), "");
        assert_eq!(typed(&mut line, &[Key::Del, Key::Backspace]), "");
    }

    #[test]
    fn a_replaceable_prefill_gives_way_to_the_first_character_only() {
        let mut line = Line::new("2026-11-23", true);
        assert_eq!(typed(&mut line, &chars("23.11.2026")), "23.11.2026");
        let mut line = Line::new("2026-11-23", true);
        assert_eq!(typed(&mut line, &[Key::ArrowDown]), "2026-11-23", "no edit yet");
        assert_eq!(typed(&mut line, &chars("1")), "1");
        let mut line = Line::new("2026-11-23", true);
        assert_eq!(
            typed(&mut line, &[Key::Backspace]),
            "2026-11-2",
            "an edit keeps the rest"
        );
        assert_eq!(typed(&mut line, &chars("4")), "2026-11-24");
        let mut line = Line::new("Brew Box", false);
        assert_eq!(typed(&mut line, &chars("!")), "Brew Box!");
    }

    #[test]
    fn control_characters_are_never_inserted_and_enter_and_esc_end_the_line() {
        let mut line = Line::new("", false);
        assert_eq!(
            typed(&mut line, &[Key::Char('\u{1b}'), Key::Char('\u{7}'), Key::Tab]),
            ""
        );
        assert_eq!(line.press(&Key::Enter), Outcome::Done);
        assert_eq!(line.press(&Key::Escape), Outcome::Back);
    }
}
