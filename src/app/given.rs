//! Values given on the command line instead of asked: `--set KEY=TEXT` and `--answers PART.toml`.

use std::path::Path;

use crate::bank::Bank;
use crate::error::{Error, Problem};
use crate::file::{self, store};
use crate::model::{BlockId, Given, MetaField, MetaValue, is_date};

/// Adds one `--set KEY=VALUE`: `meta.title=…` or `customer_segments.who=…`.
pub fn set(given: &mut Given, assignment: &str, bank: &Bank) -> Result<(), Error> {
    let usage = || {
        let given = assignment.to_owned();
        Error::Usage(Problem::SetSyntax { given })
    };
    let (key, value) = assignment.split_once('=').ok_or_else(usage)?;
    let (table, field) = key.trim().split_once('.').ok_or_else(usage)?;
    let value = value.trim().trim_matches('"').to_owned();
    let unknown = |known: Vec<&str>| {
        let (key, known) = (key.to_owned(), known.join(", "));
        Error::Usage(Problem::SetKey { key, known })
    };
    if table == "meta" {
        let field =
            MetaField::from_key(field).ok_or_else(|| unknown(MetaField::ALL.map(MetaField::key).to_vec()))?;
        given.meta.push(meta_value(field, value)?);
        return Ok(());
    }
    let block: BlockId = table.parse().map_err(|_| {
        let mut known = vec!["meta"];
        known.extend(BlockId::ALL.map(BlockId::key));
        unknown(known)
    })?;
    let asked = bank.block(block);
    if asked.question(field).is_none() {
        return Err(unknown(asked.questions.iter().map(|q| q.id()).collect()));
    }
    given.answers.push((block, field.to_owned(), value));
    Ok(())
}

/// Adds what a partial canvas file holds: details, answers, choices and items.
pub fn add_file(given: &mut Given, path: &Path) -> Result<(), Error> {
    let text = store::read_text(path)?;
    let (partial, meta_keys) = file::parse_partial(path, &text)?;
    for key in meta_keys {
        let meta = &partial.meta;
        let Some(field) = MetaField::from_key(&key) else {
            continue;
        };
        let value = match field {
            MetaField::Title => meta.title.clone(),
            MetaField::DesignedFor => meta.designed_for.clone(),
            MetaField::DesignedBy => meta.designed_by.clone(),
            MetaField::Date => meta.date.clone(),
            MetaField::Iteration => meta.iteration.to_string(),
        };
        given.meta.push(meta_value(field, value)?);
    }
    for block in BlockId::ALL {
        let written = partial.block(block);
        given
            .answers
            .extend(written.answers.iter().map(|(q, a)| (block, q.clone(), a.clone())));
        given.categories.extend(
            written
                .categories
                .iter()
                .map(|(g, c)| (block, g.clone(), c.clone())),
        );
        given
            .items
            .extend(written.items.iter().map(|item| (block, item.clone())));
    }
    Ok(())
}

/// Checks a detail's value: a real date, an iteration from 1 up.
fn meta_value(field: MetaField, value: String) -> Result<MetaValue, Error> {
    let checked = match field {
        MetaField::Date => is_date(&value).then(|| MetaValue::Text(field, value.clone())),
        MetaField::Iteration => value
            .parse::<u32>()
            .ok()
            .filter(|&n| n >= 1)
            .map(MetaValue::Iteration),
        _ => Some(MetaValue::Text(field, value.clone())),
    };
    checked.ok_or_else(|| {
        let key = format!("meta.{}", field.key());
        Error::Usage(Problem::SetValue { value, key })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::model::Canvas;

    fn bank() -> &'static Bank {
        Bank::builtin(Language::En)
    }

    #[test]
    fn set_takes_details_and_answers_by_id() {
        let mut given = Given::default();
        set(&mut given, "meta.title=Brew Box", bank()).unwrap();
        set(&mut given, "customer_segments.who=\"Remote workers\"", bank()).unwrap();
        set(&mut given, "meta.iteration = 2", bank()).unwrap();
        let mut canvas = Canvas::default();
        given.apply(&mut canvas);
        assert_eq!(canvas.meta.title, "Brew Box");
        assert_eq!(canvas.meta.iteration, 2);
        assert_eq!(
            canvas.block(BlockId::CustomerSegments).answer("who"),
            Some("Remote workers")
        );
        assert!(given.has_meta(MetaField::Title));
        assert!(!given.has_meta(MetaField::Date));
        assert!(given.has_answer(BlockId::CustomerSegments, "who"));
        assert!(!given.has_answer(BlockId::CustomerSegments, "most_important"));
    }

    #[test]
    fn set_refuses_what_it_cannot_place() {
        let error = |a: &str| set(&mut Given::default(), a, bank()).unwrap_err().to_string();
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
