//! Which language canvas-coach speaks, and the question bank and messages that go with it: the
//! `--lang` flag first, then the canvas's own language, then the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`) when it names a built-in language, and English otherwise.

use crate::bank::{self, Bank};
use crate::messages::Messages;

/// The built-in languages.
pub fn languages() -> impl Iterator<Item = &'static str> {
    bank::BUILTIN.iter().map(|(code, _)| *code)
}

fn builtin(code: &str) -> Option<&'static str> {
    languages().find(|&known| known == code)
}

/// The language a locale names, such as `de_DE.UTF-8` or `nl`, if it is a built-in one.
pub fn from_locale(locale: &str) -> Option<&'static str> {
    let code = locale.split(['_', '.', '@', '-']).next()?;
    builtin(&code.to_ascii_lowercase())
}

/// The locale's language. As in POSIX, the first of these that is set decides.
fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<&'static str> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|value| !value.is_empty()))
        .and_then(|locale| from_locale(&locale))
}

/// Picks the language: `flag`, else `canvas` when built in, else the locale's, else English.
pub fn choose(flag: Option<&str>, canvas: Option<&str>) -> &'static str {
    choose_with(flag, canvas, |name| std::env::var(name).ok())
}

fn choose_with(
    flag: Option<&str>,
    canvas: Option<&str>,
    var: impl Fn(&str) -> Option<String>,
) -> &'static str {
    flag.and_then(builtin)
        .or_else(|| canvas.and_then(builtin))
        .or_else(|| from_env(var))
        .unwrap_or("en")
}

/// The question bank and messages to use: a custom bank when one was given, else the built-in
/// bank of the chosen language.
pub struct Voice {
    custom: Option<Bank>,
    flag: Option<String>,
}

impl Voice {
    pub fn new(custom: Option<Bank>, flag: Option<String>) -> Voice {
        Voice { custom, flag }
    }

    /// The messages before any canvas is read: for usage and file errors.
    pub fn messages(&self) -> &'static Messages {
        let bank_language = self.custom.as_ref().map(|b| b.language.as_str());
        Messages::get(choose(self.flag.as_deref(), bank_language))
    }

    /// The bank and messages for a canvas written in `canvas_language`.
    pub fn for_canvas(&self, canvas_language: Option<&str>) -> (&Bank, &'static Messages) {
        match &self.custom {
            Some(bank) => (bank, self.messages()),
            None => {
                let code = choose(self.flag.as_deref(), canvas_language);
                (
                    Bank::builtin(code).expect("every built-in language has a bank"),
                    Messages::get(code),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn locales_name_languages() {
        assert_eq!(from_locale("de_DE.UTF-8"), Some("de"));
        assert_eq!(from_locale("nl_BE@euro"), Some("nl"));
        assert_eq!(from_locale("en"), Some("en"));
        assert_eq!(from_locale("fr_FR.UTF-8"), None);
        assert_eq!(from_locale("C.UTF-8"), None);
    }

    #[test]
    fn flag_then_canvas_then_locale_then_english() {
        let german_locale = [("LANG", "de_DE.UTF-8")];
        assert_eq!(choose_with(Some("nl"), Some("de"), env(&german_locale)), "nl");
        assert_eq!(choose_with(None, Some("nl"), env(&german_locale)), "nl");
        assert_eq!(
            choose_with(None, Some("fr"), env(&german_locale)),
            "de",
            "unknown canvas language"
        );
        assert_eq!(choose_with(None, None, env(&german_locale)), "de");
        assert_eq!(
            choose_with(None, None, env(&[("LC_ALL", "nl_NL"), ("LANG", "de_DE")])),
            "nl"
        );
        assert_eq!(
            choose_with(None, None, env(&[("LC_ALL", ""), ("LANG", "de_DE")])),
            "de"
        );
        assert_eq!(choose_with(None, None, env(&[("LANG", "C")])), "en");
        assert_eq!(choose_with(None, None, env(&[])), "en");
    }
}
