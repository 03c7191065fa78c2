//! Question banks: per block, the explanation, guiding questions and category choices the
//! interview asks. Banks are TOML data under `question-banks/`, embedded in the binary; another
//! bank can be loaded from a path. A bank is validated as a whole before any question is asked.

mod validate;
mod words;

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{self, Invalid};
use crate::i18n::Language;
use crate::model::{BlockId, Canvas};

pub use words::{Tokens, WordList, Words};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Language code, written to a canvas's `meta.language`.
    pub language: String,
    /// The language's own name, for listings.
    pub name: String,
    /// In the recommended block order once validated.
    blocks: Vec<BankBlock>,
    /// Word lists the gap report matches texts against; a bank without them asks no question
    /// that needs them.
    #[serde(default)]
    pub words: Words,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankBlock {
    id: Spanned<String>,
    pub title: String,
    pub explanation: String,
    /// Asks for one item, e.g. "Add a customer segment".
    pub item_prompt: String,
    pub item_example: String,
    /// Asks which earlier items a new item serves; required where the block links.
    pub links_prompt: Option<String>,
    /// Facilitator notes and a timebox for coach mode.
    pub coach: Option<Coach>,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub groups: Vec<Group>,
}

/// What a facilitator needs at hand for a block.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coach {
    pub timebox_minutes: u32,
    /// What to listen for in the answers.
    pub listen_for: String,
    /// A typical trap.
    pub trap: String,
    /// A good example answer.
    pub example: String,
    /// Asked of an item or answer that shows a sign of the trap; never required.
    pub challenge: Option<String>,
    /// Words that show the trap, lower case, such as "everyone" for a segment.
    #[serde(default)]
    pub trap_signs: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    id: Spanned<String>,
    pub text: String,
    pub hint: Option<String>,
    /// Asks why or how, so an answer of a word or two explains too little.
    #[serde(default)]
    pub explain: bool,
    /// The shape of the answer; free text unless the bank says otherwise.
    #[serde(default)]
    pub form: Form,
    /// Where a pick chooses from (its own block when absent) or what links answer it.
    pub from: Option<BlockId>,
}

/// How a guiding question is answered: each subject is asked once, in the form its answer takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// Free text.
    #[default]
    Text,
    /// The block's items, one per line: "For whom are we creating value?".
    Items,
    /// A choice among items on the canvas, stored by id: "Who are our most important customers?".
    Pick,
    /// Answered by the links of the block's items to the items of `from`.
    Links,
}

/// A category group: one multi-select list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    id: Spanned<String>,
    pub title: String,
    /// Asked for each item rather than once for the block (a revenue stream's type).
    #[serde(default)]
    pub per_item: bool,
    pub options: Vec<Choice>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    id: Spanned<String>,
    pub label: String,
    pub description: String,
}

impl Bank {
    /// The built-in bank of a language, parsed once.
    pub fn builtin(language: Language) -> &'static Bank {
        static PARSED: [OnceLock<Bank>; Language::ALL.len()] =
            [const { OnceLock::new() }; Language::ALL.len()];
        PARSED[language.index()].get_or_init(|| {
            let name = format!("<built-in {} bank>", language.code());
            Bank::parse(Path::new(&name), language.files().bank)
                .expect("built-in banks are validated by tests")
        })
    }

    /// Parses and validates a bank's text; `path` only names the file in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Bank, Invalid> {
        let mut bank: Bank =
            toml::from_str(text).map_err(|e| error::from_toml(path, text, e.message(), e.span()))?;
        bank.validate(path, text)?;
        bank.blocks.sort_by_key(|b| b.block_id());
        Ok(bank)
    }

    pub fn block(&self, id: BlockId) -> &BankBlock {
        &self.blocks[id.index()]
    }
}

impl BankBlock {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    fn block_id(&self) -> BlockId {
        self.id().parse().expect("validated")
    }

    /// The groups asked once for the whole block.
    pub fn block_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| !g.per_item)
    }

    /// The groups asked for each item.
    pub fn item_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.per_item)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id() == id)
    }

    /// The question whose answer is the block's items, if the block has one.
    pub fn items_question(&self) -> Option<&Question> {
        self.questions.iter().find(|q| q.form == Form::Items)
    }

    /// An option's label in whichever of the block's groups offers it; its id where none does.
    pub fn option_label<'a>(&'a self, option: &'a str) -> &'a str {
        self.groups
            .iter()
            .map(|g| g.label(option))
            .find(|label| *label != option)
            .unwrap_or(option)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id() == id)
    }
}

impl Coach {
    /// Whether `text` shows a sign of the block's typical trap: one of the signs as whole words.
    pub fn falls_into_trap(&self, text: &str) -> bool {
        let words: String = text
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let padded = format!(" {} ", words.split_whitespace().collect::<Vec<_>>().join(" "));
        self.challenge.is_some()
            && self
                .trap_signs
                .iter()
                .any(|sign| padded.contains(&format!(" {} ", sign.trim())))
    }
}

impl Question {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// The block a pick chooses from or links answer with; `block` is the question's own.
    pub fn source(&self, block: BlockId) -> BlockId {
        self.from.unwrap_or(block)
    }

    /// Whether the canvas answers this question of `block`, in the form it takes. A pick
    /// answered in free text before picks existed (format 1) counts as answered.
    pub fn answered(&self, block: BlockId, canvas: &Canvas) -> bool {
        let own = canvas.block(block);
        let source = self.source(block);
        match self.form {
            Form::Text => own.answer(self.id()).is_some(),
            Form::Items => !own.items.is_empty(),
            Form::Pick => !own.picked(self.id()).is_empty() || own.answer(self.id()).is_some(),
            Form::Links => {
                let targets: HashSet<&str> =
                    canvas.block(source).items.iter().map(|i| i.id.as_str()).collect();
                own.items
                    .iter()
                    .any(|i| i.links.iter().any(|l| targets.contains(l.as_str())))
            }
        }
    }
}

impl Group {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// An option's label; its id where this bank does not offer it (another bank's, or typed by
    /// hand).
    pub fn label<'a>(&'a self, option: &'a str) -> &'a str {
        self.options
            .iter()
            .find(|o| o.id() == option)
            .map_or(option, |o| o.label.as_str())
    }

    /// The labels of chosen options, comma-separated.
    pub fn labels(&self, chosen: &[String]) -> String {
        let labels: Vec<&str> = chosen.iter().map(|c| self.label(c)).collect();
        labels.join(", ")
    }
}

impl Choice {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }
}

#[cfg(test)]
mod tests;
