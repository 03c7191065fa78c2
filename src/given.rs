//! Answers supplied without asking: `--set block.question=TEXT` and `--answers PART.toml`. The
//! interview skips what is given, and `--no-input` saves it without asking anything.

use std::path::Path;

use indexmap::IndexMap;

use crate::bank::Bank;
use crate::block::BlockId;
use crate::canvas::{Canvas, Item};
use crate::error::{Error, Problem};
use crate::store;

/// The canvas details that may be given, as `meta.FIELD`.
pub const META_FIELDS: &[&str] = &["title", "designed_for", "designed_by", "date", "iteration"];

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Given {
    /// Details by field name.
    pub meta: IndexMap<String, String>,
    pub answers: Vec<(BlockId, String, String)>,
    pub categories: Vec<(BlockId, String, Vec<String>)>,
    pub items: Vec<(BlockId, Item)>,
}

fn problem(key: &'static str) -> Problem {
    Problem::new(key)
}

impl Given {
    pub fn is_empty(&self) -> bool {
        self == &Given::default()
    }

    /// Adds one `--set KEY=VALUE`: `meta.title=…` or `customer_segments.who=…`.
    pub fn set(&mut self, assignment: &str, bank: &Bank) -> Result<(), Error> {
        let usage = || Error::Usage(problem("set_syntax").with("given", assignment));
        let (key, value) = assignment.split_once('=').ok_or_else(usage)?;
        let (table, field) = key.trim().split_once('.').ok_or_else(usage)?;
        let value = value.trim().trim_matches('"').to_owned();
        if table == "meta" {
            if !META_FIELDS.contains(&field) {
                return Err(Error::Usage(
                    problem("set_key")
                        .with("key", key)
                        .with("known", META_FIELDS.join(", ")),
                ));
            }
            check_meta(field, &value)?;
            self.meta.insert(field.to_owned(), value);
            return Ok(());
        }
        let block: BlockId = table.parse().map_err(|_| {
            let known: Vec<&str> = BlockId::ALL.iter().map(|b| b.key()).collect();
            Error::Usage(
                problem("set_key")
                    .with("key", key)
                    .with("known", format!("meta, {}", known.join(", "))),
            )
        })?;
        if bank.block(block).question(field).is_none() {
            let known: Vec<&str> = bank.block(block).questions.iter().map(|q| q.id()).collect();
            return Err(Error::Usage(
                problem("set_key")
                    .with("key", key)
                    .with("known", known.join(", ")),
            ));
        }
        self.answers.push((block, field.to_owned(), value));
        Ok(())
    }

    /// Adds what a partial canvas file holds: details, answers, choices and items.
    pub fn add_file(&mut self, path: &Path) -> Result<(), Error> {
        let text = store::read_text(path)?;
        let (partial, meta_keys) = Canvas::parse_partial(path, &text)?;
        for field in meta_keys {
            let value = match field.as_str() {
                "title" => partial.meta.title.clone(),
                "designed_for" => partial.meta.designed_for.clone(),
                "designed_by" => partial.meta.designed_by.clone(),
                "date" => partial.meta.date.clone(),
                "iteration" => partial.meta.iteration.to_string(),
                _ => continue,
            };
            check_meta(&field, &value)?;
            self.meta.insert(field, value);
        }
        for block in BlockId::ALL {
            let written = partial.block(block);
            self.answers
                .extend(written.answers.iter().map(|(q, a)| (block, q.clone(), a.clone())));
            self.categories.extend(
                written
                    .categories
                    .iter()
                    .map(|(g, c)| (block, g.clone(), c.clone())),
            );
            self.items
                .extend(written.items.iter().map(|item| (block, item.clone())));
        }
        Ok(())
    }

    /// Writes the given values into `canvas`; items replace those with the same id.
    pub fn apply(&self, canvas: &mut Canvas) {
        for (field, value) in &self.meta {
            let meta = &mut canvas.meta;
            match field.as_str() {
                "title" => meta.title.clone_from(value),
                "designed_for" => meta.designed_for.clone_from(value),
                "designed_by" => meta.designed_by.clone_from(value),
                "date" => meta.date.clone_from(value),
                "iteration" => meta.iteration = value.parse().expect("checked when given"),
                _ => {}
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

    pub fn has_meta(&self, field: &str) -> bool {
        self.meta.contains_key(field)
    }

    pub fn has_answer(&self, block: BlockId, question: &str) -> bool {
        self.answers.iter().any(|(b, q, _)| *b == block && q == question)
    }

    pub fn has_group(&self, block: BlockId, group: &str) -> bool {
        self.categories.iter().any(|(b, g, _)| *b == block && g == group)
    }
}

fn check_meta(field: &str, value: &str) -> Result<(), Error> {
    let valid = match field {
        "date" => crate::interview::is_date(value),
        "iteration" => value.parse::<u32>().is_ok_and(|n| n >= 1),
        _ => true,
    };
    if valid {
        Ok(())
    } else {
        Err(Error::Usage(
            problem("set_value")
                .with("key", format!("meta.{field}"))
                .with("value", value),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> &'static Bank {
        Bank::builtin("en").unwrap()
    }

    #[test]
    fn set_takes_details_and_answers_by_id() {
        let mut given = Given::default();
        given.set("meta.title=Brew Box", bank()).unwrap();
        given
            .set("customer_segments.who=\"Remote workers\"", bank())
            .unwrap();
        given.set("meta.iteration = 2", bank()).unwrap();
        let mut canvas = Canvas::default();
        given.apply(&mut canvas);
        assert_eq!(canvas.meta.title, "Brew Box");
        assert_eq!(canvas.meta.iteration, 2);
        assert_eq!(
            canvas.block(BlockId::CustomerSegments).answer("who"),
            Some("Remote workers")
        );
        assert!(given.has_answer(BlockId::CustomerSegments, "who"));
        assert!(!given.has_answer(BlockId::CustomerSegments, "most_important"));
    }

    #[test]
    fn set_refuses_what_it_cannot_place() {
        let error = |a: &str| Given::default().set(a, bank()).unwrap_err().to_string();
        assert!(
            error("title Brew Box").contains("KEY=VALUE"),
            "{}",
            error("title Brew Box")
        );
        assert!(error("meta.colour=red").contains("unknown key 'meta.colour'"));
        assert!(error("segments.who=x").contains("unknown key 'segments.who'"));
        assert!(error("customer_segments.whoo=x").contains("known: who, most_important"));
        assert!(error("meta.date=23.11.2026").contains("'23.11.2026' is not a valid value for meta.date"));
        assert!(error("meta.iteration=0").contains("meta.iteration"));
    }
}
