//! Values given on the command line instead of asked: `--set KEY=TEXT` and `--answers PART.toml`.

use std::path::Path;

use crate::bank::Bank;
use crate::error::{Error, Problem};
use crate::file::{self, store};
use crate::model::{BlockId, Canvas, Given, Meta, MetaField, MetaValue, is_date};

/// Adds one `--set KEY=VALUE`: `meta.title=…` or `customer_segments.who=…`.
pub fn set(given: &mut Given, assignment: &str, bank: &Bank) -> Result<(), Error> {
    let usage = || {
        let given = assignment.to_owned();
        Error::Usage(Problem::SetSyntax { given })
    };
    // The value is kept exactly as given: quotes and spaces may be part of an answer.
    let (key, value) = assignment.split_once('=').ok_or_else(usage)?;
    let key = key.trim();
    let (table, field) = key.split_once('.').ok_or_else(usage)?;
    let value = value.to_owned();
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

/// Adds what a partial canvas file holds: details, answers, choices and items. `onto` is the
/// canvas they are for and its path, when there is one: its item ids may only be replaced
/// within their block.
pub fn add_file(given: &mut Given, path: &Path, onto: Option<(&Path, &Canvas)>) -> Result<(), Error> {
    let text = store::read_text(path)?;
    let (partial, meta_keys) = file::parse_partial(path, &text, onto)?;
    // Reading the file checked the date and the iteration, with their places.
    let meta = &partial.meta;
    for field in meta_keys.iter().filter_map(|key| MetaField::from_key(key)) {
        given.meta.push(match field {
            MetaField::Title => MetaValue::Text(field, meta.title.clone()),
            MetaField::DesignedFor => MetaValue::Text(field, meta.designed_for.clone()),
            MetaField::DesignedBy => MetaValue::Text(field, meta.designed_by.clone()),
            MetaField::Date => MetaValue::Text(field, meta.date.clone()),
            MetaField::Iteration => MetaValue::Iteration(meta.iteration),
        });
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

/// Checks a detail's value: a real date, an iteration from 1 to the maximum.
fn meta_value(field: MetaField, value: String) -> Result<MetaValue, Error> {
    let checked = match field {
        MetaField::Date => is_date(&value).then(|| MetaValue::Text(field, value.clone())),
        MetaField::Iteration => value
            .parse()
            .ok()
            .and_then(Meta::iteration)
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

    fn bank() -> &'static Bank {
        Bank::builtin(Language::En)
    }

    #[test]
    fn set_takes_details_and_answers_by_id() {
        let mut given = Given::default();
        set(&mut given, " meta.title =Brew Box", bank()).unwrap();
        set(&mut given, "customer_segments.who=She said \"yes\" = 2 ", bank()).unwrap();
        set(&mut given, "meta.iteration=2", bank()).unwrap();
        let mut canvas = Canvas::default();
        given.apply(&mut canvas);
        assert_eq!(canvas.meta.title, "Brew Box", "only the key is trimmed");
        assert_eq!(canvas.meta.iteration, 2);
        assert_eq!(
            canvas.block(BlockId::CustomerSegments).answers["who"],
            "She said \"yes\" = 2 ",
            "everything after the first `=` is kept"
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
        for iteration in ["0", " 2", "1000001", "4294967295"] {
            let said = error(&format!("meta.iteration={iteration}"));
            assert!(
                said.contains(&format!("'{iteration}' is not a valid value for meta.iteration")),
                "{said}"
            );
        }
        assert!(error("meta.date=\"2026-11-23\"").contains("meta.date"));
    }
}
