//! Values supplied without asking (`--set`, `--answers`): the interview skips what is given, and
//! `--no-input` saves it without asking anything. Parsing them is the command line's job.

use super::{BlockId, Canvas, Item};

/// The canvas details that may be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    Title,
    DesignedFor,
    DesignedBy,
    Date,
    Iteration,
}

impl MetaField {
    pub const ALL: [MetaField; 5] = [
        MetaField::Title,
        MetaField::DesignedFor,
        MetaField::DesignedBy,
        MetaField::Date,
        MetaField::Iteration,
    ];

    /// The key in `[meta]`.
    pub fn key(self) -> &'static str {
        match self {
            MetaField::Title => "title",
            MetaField::DesignedFor => "designed_for",
            MetaField::DesignedBy => "designed_by",
            MetaField::Date => "date",
            MetaField::Iteration => "iteration",
        }
    }

    pub fn from_key(key: &str) -> Option<MetaField> {
        MetaField::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A detail's value, checked when it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaValue {
    Text(MetaField, String),
    Iteration(u32),
}

impl MetaValue {
    fn field(&self) -> MetaField {
        match self {
            MetaValue::Text(field, _) => *field,
            MetaValue::Iteration(_) => MetaField::Iteration,
        }
    }
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Given {
    /// Details, the last one given for a field winning.
    pub meta: Vec<MetaValue>,
    pub answers: Vec<(BlockId, String, String)>,
    pub categories: Vec<(BlockId, String, Vec<String>)>,
    pub items: Vec<(BlockId, Item)>,
}

impl Given {
    /// Writes the given values into `canvas`; items replace those with the same id.
    pub fn apply(&self, canvas: &mut Canvas) {
        let meta = &mut canvas.meta;
        for value in &self.meta {
            match value {
                MetaValue::Text(MetaField::Title, text) => meta.title.clone_from(text),
                MetaValue::Text(MetaField::DesignedFor, text) => meta.designed_for.clone_from(text),
                MetaValue::Text(MetaField::DesignedBy, text) => meta.designed_by.clone_from(text),
                MetaValue::Text(MetaField::Date, text) => meta.date.clone_from(text),
                MetaValue::Text(MetaField::Iteration, _) => {}
                MetaValue::Iteration(n) => meta.iteration = *n,
            }
        }
        for (block, question, answer) in &self.answers {
            canvas
                .block_mut(*block)
                .answers
                .insert(question.clone(), answer.clone());
        }
        for (block, group, chosen) in &self.categories {
            canvas
                .block_mut(*block)
                .categories
                .insert(group.clone(), chosen.clone());
        }
        for (block, item) in &self.items {
            let items = &mut canvas.block_mut(*block).items;
            match items.iter_mut().find(|i| i.id == item.id) {
                Some(existing) => *existing = item.clone(),
                None => items.push(item.clone()),
            }
        }
    }

    pub fn has_meta(&self, field: MetaField) -> bool {
        self.meta.iter().any(|value| value.field() == field)
    }

    pub fn has_answer(&self, block: BlockId, question: &str) -> bool {
        self.answers.iter().any(|(b, q, _)| *b == block && q == question)
    }
}
