//! What can be wrong with a file or a command-line value, and its wording in the user's
//! language with the values from files shown safely.

use std::path::PathBuf;

use super::Show;
use super::import::ImportProblem;
use crate::i18n::{Messages, fill};
use crate::model::BlockId;

/// Which kind of bank id a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Question,
    Group,
    Option,
}

impl IdKind {
    fn word(self, messages: &Messages) -> &str {
        let e = &messages.errors;
        match self {
            IdKind::Question => &e.kind_question,
            IdKind::Group => &e.kind_group,
            IdKind::Option => &e.kind_option,
        }
    }
}

/// What is wrong with a file or a command-line value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The TOML parser's own explanation, in English whatever the language.
    Syntax {
        detail: String,
    },
    NotUtf8,
    NotAFile,
    TooLarge {
        max_mib: u64,
    },
    FormatMissing {
        known: i64,
    },
    FormatNewer {
        found: i64,
        known: i64,
    },
    FormatUnsupported {
        known: i64,
    },
    EmptyItemId {
        block: BlockId,
    },
    DuplicateItemId {
        id: String,
        block: BlockId,
        first: BlockId,
    },
    EmptyTestId,
    DuplicateTestId {
        id: String,
    },
    /// A learning for a test the file does not have.
    UnknownTest {
        id: String,
    },
    /// A command-line item or test id the canvas does not have; `known` lists those it has.
    NoSuchItem {
        id: String,
        known: String,
    },
    NoSuchTest {
        id: String,
        known: String,
    },
    /// `test add` without `--item`.
    NoItems,
    /// A flag `--no-input` needs, not given.
    FlagRequired {
        flag: &'static str,
    },
    /// A card's form asked for without a terminal.
    FormNeedsTerminal,
    /// A `[meta]` date that is neither empty nor a real `YYYY-MM-DD` date.
    BadDate {
        value: String,
    },
    /// A `[meta]` iteration outside 1 to `max`.
    BadIteration {
        value: i64,
        max: u32,
    },
    /// An item's `amount` value or volume that is negative or not a finite number.
    BadAmount {
        value: String,
    },
    /// An item of an `--answers` file whose id the canvas uses in another block.
    ItemIdTaken {
        id: String,
        block: BlockId,
        taken_in: BlockId,
        canvas: PathBuf,
    },
    EmptyField {
        field: &'static str,
    },
    UnknownBlock {
        name: String,
    },
    BlockTwice {
        block: BlockId,
    },
    BlockMissing {
        block: BlockId,
    },
    BlockFieldEmpty {
        block: BlockId,
        field: &'static str,
    },
    LinksPromptMissing {
        block: BlockId,
    },
    NoQuestions {
        block: BlockId,
    },
    ItemsQuestionTwice {
        block: BlockId,
    },
    AnswerFrom {
        block: BlockId,
        question: String,
    },
    GroupWithoutOptions {
        block: BlockId,
        group: String,
    },
    NotSnakeCase {
        block: BlockId,
        kind: IdKind,
        id: String,
    },
    DuplicateId {
        block: BlockId,
        kind: IdKind,
        id: String,
    },
    DraftOutOfRange,
    SetSyntax {
        given: String,
    },
    SetKey {
        key: String,
        known: String,
    },
    SetValue {
        value: String,
        key: String,
    },
    Required {
        key: String,
    },
    /// A value given without asking that the file changed to something else meanwhile.
    Conflict {
        key: String,
    },
    /// What is wrong with a file to import or with how it was asked for.
    Import(ImportProblem),
}

impl Problem {
    pub(super) fn worded(&self, messages: &Messages, show: Show) -> String {
        let e = &messages.errors;
        let key = |block: &BlockId| block.key();
        match self {
            Problem::Syntax { detail } => fill(&e.syntax, &[("detail", &show(detail))]),
            Problem::NotUtf8 => e.not_utf8.clone(),
            Problem::NotAFile => e.not_a_file.clone(),
            Problem::TooLarge { max_mib } => fill(&e.too_large, &[("max", &max_mib.to_string())]),
            Problem::FormatMissing { known } => fill(&e.format_missing, &[("known", &known.to_string())]),
            Problem::FormatNewer { found, known } => fill(
                &e.format_newer,
                &[("found", &found.to_string()), ("known", &known.to_string())],
            ),
            Problem::FormatUnsupported { known } => {
                fill(&e.format_unsupported, &[("known", &known.to_string())])
            }
            Problem::EmptyItemId { block } => fill(&e.empty_item_id, &[("block", key(block))]),
            Problem::DuplicateItemId { id, block, first } => fill(
                &e.duplicate_item_id,
                &[("id", &show(id)), ("block", key(block)), ("first", key(first))],
            ),
            Problem::BadDate { value } => fill(&e.bad_date, &[("value", &show(value))]),
            Problem::BadIteration { value, max } => fill(
                &e.bad_iteration,
                &[("value", &value.to_string()), ("max", &max.to_string())],
            ),
            Problem::BadAmount { value } => fill(&e.bad_amount, &[("value", &show(value))]),
            Problem::ItemIdTaken {
                id,
                block,
                taken_in,
                canvas,
            } => fill(
                &e.item_id_taken,
                &[
                    ("id", &show(id)),
                    ("block", key(block)),
                    ("first", key(taken_in)),
                    ("canvas", &show(&canvas.display().to_string())),
                ],
            ),
            Problem::DraftOutOfRange => e.draft_out_of_range.clone(),
            Problem::SetSyntax { given } => fill(&e.set_syntax, &[("given", &show(given))]),
            Problem::SetKey { key, known } => {
                fill(&e.set_key, &[("key", &show(key)), ("known", &show(known))])
            }
            Problem::SetValue { value, key } => {
                fill(&e.set_value, &[("value", &show(value)), ("key", &show(key))])
            }
            Problem::Required { key } => fill(&e.required, &[("key", &show(key))]),
            Problem::Conflict { key } => fill(&e.conflict, &[("key", &show(key))]),
            Problem::Import(problem) => problem.worded(messages, show),
            bank => bank.worded_bank(messages, show),
        }
    }

    /// The wording of a problem that validating a question bank found.
    fn worded_bank(&self, messages: &Messages, show: Show) -> String {
        let e = &messages.errors;
        let kind = |kind: &IdKind| kind.word(messages);
        let key = |block: &BlockId| block.key();
        match self {
            Problem::EmptyField { field } => fill(&e.empty_field, &[("field", field)]),
            Problem::UnknownBlock { name } => {
                let known = BlockId::ALL.map(BlockId::key).join(", ");
                fill(&e.unknown_block, &[("name", &show(name)), ("known", &known)])
            }
            Problem::BlockTwice { block } => fill(&e.block_twice, &[("block", key(block))]),
            Problem::BlockMissing { block } => fill(&e.block_missing, &[("block", key(block))]),
            Problem::BlockFieldEmpty { block, field } => {
                fill(&e.block_field_empty, &[("block", key(block)), ("field", field)])
            }
            Problem::LinksPromptMissing { block } => fill(&e.links_prompt_missing, &[("block", key(block))]),
            Problem::NoQuestions { block } => fill(&e.no_questions, &[("block", key(block))]),
            Problem::ItemsQuestionTwice { block } => fill(&e.items_question_twice, &[("block", key(block))]),
            Problem::AnswerFrom { block, question } => fill(
                &e.answer_from,
                &[("block", key(block)), ("question", &show(question))],
            ),
            Problem::GroupWithoutOptions { block, group } => fill(
                &e.group_without_options,
                &[("block", key(block)), ("group", &show(group))],
            ),
            Problem::NotSnakeCase { block, kind: k, id } => fill(
                &e.not_snake_case,
                &[("block", key(block)), ("kind", kind(k)), ("id", &show(id))],
            ),
            Problem::DuplicateId { block, kind: k, id } => fill(
                &e.duplicate_id,
                &[("block", key(block)), ("kind", kind(k)), ("id", &show(id))],
            ),
            cards => cards.worded_cards(messages, show),
        }
    }

    /// The wording of a problem with test and learning cards.
    fn worded_cards(&self, messages: &Messages, show: Show) -> String {
        let e = &messages.errors;
        match self {
            Problem::EmptyTestId => e.empty_test_id.clone(),
            Problem::DuplicateTestId { id } => fill(&e.duplicate_test_id, &[("id", &show(id))]),
            Problem::UnknownTest { id } => fill(&e.unknown_test, &[("id", &show(id))]),
            Problem::NoSuchItem { id, known } => {
                fill(&e.no_such_item, &[("id", &show(id)), ("known", &show(known))])
            }
            Problem::NoSuchTest { id, known } => {
                fill(&e.no_such_test, &[("id", &show(id)), ("known", &show(known))])
            }
            Problem::NoItems => e.no_items.clone(),
            Problem::FlagRequired { flag } => fill(&e.flag_required, &[("flag", flag)]),
            Problem::FormNeedsTerminal => e.form_needs_terminal.clone(),
            other => unreachable!("{other:?} is worded by `worded`"),
        }
    }
}
