//! Checks a question bank as a whole: every block once, non-empty texts, unique snake_case ids.

use std::collections::HashSet;
use std::path::Path;

use toml::Spanned;

use super::{Bank, BankBlock, Form};
use crate::error::{IdKind, Invalid, Problem};
use crate::model::BlockId;

impl Bank {
    pub(super) fn validate(&self, path: &Path, text: &str) -> Result<(), Invalid> {
        let fail = |at: usize, problem: Problem| Err(Invalid::new(path, problem).at(text, at));
        for (field, value) in [("language", &self.language), ("name", &self.name)] {
            if value.trim().is_empty() {
                return Err(Invalid::new(path, Problem::EmptyField { field }));
            }
        }
        let mut seen = HashSet::new();
        for block in &self.blocks {
            let at = block.id.span().start;
            let Ok(id) = block.id().parse::<BlockId>() else {
                let name = block.id().to_owned();
                return fail(at, Problem::UnknownBlock { name });
            };
            if !seen.insert(id) {
                return fail(at, Problem::BlockTwice { block: id });
            }
            block.validate(id).or_else(|(at, problem)| fail(at, problem))?;
        }
        if let Some(missing) = BlockId::ALL.into_iter().find(|b| !seen.contains(b)) {
            return Err(Invalid::new(path, Problem::BlockMissing { block: missing }));
        }
        Ok(())
    }
}

impl BankBlock {
    /// Checks ids and texts; on failure, the byte offset to point at and what is wrong.
    pub(super) fn validate(&self, id: BlockId) -> Result<(), (usize, Problem)> {
        let at = self.id.span().start;
        let non_empty = |at: usize, field: &'static str, value: &str| {
            if value.trim().is_empty() {
                return Err((at, Problem::BlockFieldEmpty { block: id, field }));
            }
            Ok(())
        };
        non_empty(at, "title", &self.title)?;
        non_empty(at, "explanation", &self.explanation)?;
        non_empty(at, "item_prompt", &self.item_prompt)?;
        if !id.link_targets().is_empty() && self.links_prompt.as_deref().is_none_or(|p| p.trim().is_empty()) {
            return Err((at, Problem::LinksPromptMissing { block: id }));
        }
        if self.questions.is_empty() {
            return Err((at, Problem::NoQuestions { block: id }));
        }
        unique(id, IdKind::Question, self.questions.iter().map(|q| &q.id))?;
        for question in &self.questions {
            non_empty(question.id.span().start, "text", &question.text)?;
            if !answer_can_come_from(id, question.form, question.source(id)) {
                let at = question.id.span().start;
                let question = question.id().to_owned();
                return Err((at, Problem::AnswerFrom { block: id, question }));
            }
        }
        if self.questions.iter().filter(|q| q.form == Form::Items).count() > 1 {
            return Err((at, Problem::ItemsQuestionTwice { block: id }));
        }
        unique(id, IdKind::Group, self.groups.iter().map(|g| &g.id))?;
        for group in &self.groups {
            let at = group.id.span().start;
            non_empty(at, "title", &group.title)?;
            if group.options.is_empty() {
                let group = group.id().to_owned();
                return Err((at, Problem::GroupWithoutOptions { block: id, group }));
            }
            unique(id, IdKind::Option, group.options.iter().map(|o| &o.id))?;
            for option in &group.options {
                non_empty(option.id.span().start, "label", &option.label)?;
            }
        }
        Ok(())
    }
}

/// A pick chooses among items that exist when it is asked: its block's or an earlier block's;
/// links answer a question only towards a block this one links to.
fn answer_can_come_from(block: BlockId, form: Form, source: BlockId) -> bool {
    match form {
        Form::Text | Form::Items => source == block,
        Form::Pick => source <= block,
        Form::Links => block.link_targets().contains(&source),
    }
}

/// Ids must be unique and snake_case, since every language's bank and every canvas share them.
fn unique<'a>(
    block: BlockId,
    kind: IdKind,
    ids: impl Iterator<Item = &'a Spanned<String>>,
) -> Result<(), (usize, Problem)> {
    let mut seen = HashSet::new();
    for id in ids {
        let at = id.span().start;
        let text = id.get_ref();
        let snake = text.starts_with(|c: char| c.is_ascii_lowercase())
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        let id = text.to_owned();
        let problem = if !snake {
            Problem::NotSnakeCase { block, kind, id }
        } else if !seen.insert(text) {
            Problem::DuplicateId { block, kind, id }
        } else {
            continue;
        };
        return Err((at, problem));
    }
    Ok(())
}
