//! The built-in languages and the one table of their files. Which language to speak: the
//! `--lang` flag first, then the canvas's own language, then the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`) when it names a built-in language, and English otherwise.

/// A language canvas-coach speaks. Adding one is a variant here, an arm in [`Language::files`],
/// a question bank and a message file; a missing file fails the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Language {
    En,
    De,
    Nl,
}

/// The texts of one language, embedded in the binary.
pub struct Files {
    pub bank: &'static str,
    pub messages: &'static str,
}

impl Language {
    /// Every language, in the order listings show them.
    pub const ALL: [Language; 3] = [Language::En, Language::De, Language::Nl];

    /// The code used in canvas files, bank files and locales.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Nl => "nl",
        }
    }

    /// The language's question bank and message file.
    pub fn files(self) -> Files {
        match self {
            Language::En => Files {
                bank: include_str!("../../question-banks/en.toml"),
                messages: include_str!("../../locales/en.toml"),
            },
            Language::De => Files {
                bank: include_str!("../../question-banks/de.toml"),
                messages: include_str!("../../locales/de.toml"),
            },
            Language::Nl => Files {
                bank: include_str!("../../question-banks/nl.toml"),
                messages: include_str!("../../locales/nl.toml"),
            },
        }
    }

    /// Whether a count takes the singular form. English, German and Dutch share this rule;
    /// a language with other plural forms says so here.
    pub fn is_singular(self, count: usize) -> bool {
        match self {
            Language::En | Language::De | Language::Nl => count == 1,
        }
    }

    /// Position in [`Language::ALL`], for tables indexed by language.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language a locale names, such as `de_DE.UTF-8` or `nl`, if it is a built-in one.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let code = locale.split(['_', '.', '@', '-']).next()?;
        Language::from_code(&code.to_ascii_lowercase())
    }

    /// Picks the language: `flag`, else `canvas` when built in, else the locale's, else English.
    pub fn choose(flag: Option<Language>, canvas: Option<&str>) -> Language {
        Language::choose_with(flag, canvas, |name| std::env::var(name).ok())
    }

    fn choose_with(
        flag: Option<Language>,
        canvas: Option<&str>,
        var: impl Fn(&str) -> Option<String>,
    ) -> Language {
        flag.or_else(|| canvas.and_then(Language::from_code))
            .or_else(|| Language::from_env(var))
            .unwrap_or(Language::En)
    }

    /// The locale's language. As in POSIX, the first of these that is set decides.
    fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Language> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|value| !value.is_empty()))
            .and_then(|locale| Language::from_locale(&locale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{De, En, Nl};
    use clap::ValueEnum;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_table_lists_every_language_once_in_order_with_its_files() {
        assert_eq!(
            Language::value_variants(),
            Language::ALL,
            "ALL lists every variant"
        );
        for (index, language) in Language::ALL.into_iter().enumerate() {
            assert_eq!(language.index(), index);
            assert_eq!(Language::from_code(language.code()), Some(language));
            let files = language.files();
            let code_line = format!("language = \"{}\"", language.code());
            assert!(
                files.bank.contains(&code_line),
                "{language:?}: the bank is its own"
            );
            assert!(!files.messages.is_empty());
            // The flag takes the same codes as the files.
            let flag = language.to_possible_value().unwrap();
            assert_eq!(flag.get_name(), language.code());
        }
    }

    #[test]
    fn locales_name_languages() {
        assert_eq!(Language::from_locale("de_DE.UTF-8"), Some(De));
        assert_eq!(Language::from_locale("nl_BE@euro"), Some(Nl));
        assert_eq!(Language::from_locale("en"), Some(En));
        assert_eq!(Language::from_locale("fr_FR.UTF-8"), None);
        assert_eq!(Language::from_locale("C.UTF-8"), None);
    }

    #[test]
    fn flag_then_canvas_then_locale_then_english() {
        let choose = Language::choose_with;
        let german_locale = [("LANG", "de_DE.UTF-8")];
        assert_eq!(choose(Some(Nl), Some("de"), env(&german_locale)), Nl);
        assert_eq!(choose(None, Some("nl"), env(&german_locale)), Nl);
        assert_eq!(
            choose(None, Some("fr"), env(&german_locale)),
            De,
            "unknown canvas language"
        );
        assert_eq!(choose(None, None, env(&german_locale)), De);
        assert_eq!(
            choose(None, None, env(&[("LC_ALL", "nl_NL"), ("LANG", "de_DE")])),
            Nl
        );
        assert_eq!(choose(None, None, env(&[("LC_ALL", ""), ("LANG", "de_DE")])), De);
        assert_eq!(choose(None, None, env(&[("LANG", "C")])), En);
        assert_eq!(choose(None, None, env(&[])), En);
    }
}
