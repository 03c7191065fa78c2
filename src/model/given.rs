//! Values supplied without asking (`--set`, `--answers`): the interview skips what is given, and
//! `--no-input` saves it without asking anything. Parsing them is the command line's job.

use super::{BlockId, Canvas, Item, Meta};

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

    fn write(&self, meta: &mut Meta) {
        match self {
            MetaValue::Text(MetaField::Title, text) => meta.title.clone_from(text),
            MetaValue::Text(MetaField::DesignedFor, text) => meta.designed_for.clone_from(text),
            MetaValue::Text(MetaField::DesignedBy, text) => meta.designed_by.clone_from(text),
            MetaValue::Text(MetaField::Date, text) => meta.date.clone_from(text),
            MetaValue::Text(MetaField::Iteration, _) => {}
            MetaValue::Iteration(n) => meta.iteration = *n,
        }
    }
}

/// The date and iteration given explicitly. A save writes them as given, where it would
/// otherwise date a changed canvas today and make it the next iteration.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Pinned(Vec<MetaValue>);

impl Pinned {
    pub fn apply(&self, meta: &mut Meta) {
        for value in &self.0 {
            value.write(meta);
        }
    }

    /// Whether `meta` says something else than what was given.
    pub fn differs(&self, meta: &Meta) -> bool {
        let mut pinned = meta.clone();
        self.apply(&mut pinned);
        pinned != *meta
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
        for value in &self.meta {
            value.write(&mut canvas.meta);
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

    /// The date and iteration among the details given.
    pub fn pinned(&self) -> Pinned {
        let dated = |value: &&MetaValue| matches!(value.field(), MetaField::Date | MetaField::Iteration);
        Pinned(self.meta.iter().filter(dated).cloned().collect())
    }

    pub fn has_meta(&self, field: MetaField) -> bool {
        self.meta.iter().any(|value| value.field() == field)
    }

    pub fn has_answer(&self, block: BlockId, question: &str) -> bool {
        self.answers.iter().any(|(b, q, _)| *b == block && q == question)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_date_and_iteration_given_are_pinned() {
        let given = Given {
            meta: vec![
                MetaValue::Text(MetaField::Title, "Brew Box".into()),
                MetaValue::Text(MetaField::Date, "2026-01-05".into()),
                MetaValue::Iteration(5),
            ],
            ..Given::default()
        };
        let pinned = given.pinned();
        let mut meta = Meta::default();
        assert!(pinned.differs(&meta));
        pinned.apply(&mut meta);
        assert_eq!((meta.date.as_str(), meta.iteration), ("2026-01-05", 5));
        assert_eq!(meta.title, "", "the title is not the save's to set");
        assert!(!pinned.differs(&meta));
        assert!(!Given::default().pinned().differs(&meta));
    }
}
