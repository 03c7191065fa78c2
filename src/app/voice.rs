//! Which question bank and messages a command speaks with: a custom bank when one was given,
//! else the built-in bank of the chosen language.

use std::path::Path;

use super::Failure;
use crate::bank::Bank;
use crate::file::store;
use crate::i18n::{Language, Messages};

pub struct Voice {
    custom: Option<Bank>,
    flag: Option<Language>,
}

impl Voice {
    /// The built-in banks, in the language of `--lang`, the canvas or the locale.
    pub fn new(flag: Option<Language>) -> Voice {
        Voice { custom: None, flag }
    }

    /// The custom bank at `path` when one is given, else the built-in ones.
    pub fn with_bank(path: Option<&Path>, flag: Option<Language>) -> Result<Voice, Failure> {
        let fallback = Voice::new(flag);
        let Some(path) = path else {
            return Ok(fallback);
        };
        let bank = store::read_text(path)
            .and_then(|text| Ok(Bank::parse(path, &text)?))
            .map_err(|e| (e, fallback.messages()))?;
        Ok(Voice {
            custom: Some(bank),
            flag,
        })
    }

    /// The messages before any canvas is read: for usage and file errors.
    pub fn messages(&self) -> &'static Messages {
        let bank_language = self.custom.as_ref().map(|b| b.language.as_str());
        Messages::get(Language::choose(self.flag, bank_language))
    }

    /// The bank and messages for a canvas written in `canvas_language`.
    pub fn for_canvas(&self, canvas_language: Option<&str>) -> (&Bank, &'static Messages) {
        match &self.custom {
            Some(bank) => (bank, self.messages()),
            None => {
                let language = Language::choose(self.flag, canvas_language);
                (Bank::builtin(language), Messages::get(language))
            }
        }
    }
}
