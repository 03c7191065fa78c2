//! A date or iteration given explicitly is written as given, never replaced by the save.

use super::*;
use crate::model::{Given, Meta, MetaField, MetaValue};

fn given(meta: Vec<MetaValue>, answer: Option<&str>) -> Given {
    let answers = answer.map(|a| (BlockId::CustomerSegments, "who".to_owned(), a.to_owned()));
    Given {
        meta,
        answers: answers.into_iter().collect(),
        ..Given::default()
    }
}

fn date(text: &str) -> MetaValue {
    MetaValue::Text(MetaField::Date, text.to_owned())
}

/// Saves `given` without asking onto the example (iteration 3, dated 2026-11-23).
fn save_without_asking(given: &Given) -> (Ending, Canvas) {
    let f = Fixture::new().with_example();
    let path = f.path();
    f.session(&path).run_without_asking(given, false).unwrap()
}

#[test]
fn a_given_iteration_or_date_is_written_as_given_on_an_existing_canvas() {
    let changed = Some("Someone new");
    let (_, canvas) = save_without_asking(&given(vec![MetaValue::Iteration(7)], changed));
    assert_eq!((canvas.meta.iteration, canvas.meta.date.as_str()), (7, TODAY));
    let (_, canvas) = save_without_asking(&given(vec![date("2026-06-01")], changed));
    assert_eq!(
        (canvas.meta.iteration, canvas.meta.date.as_str()),
        (4, "2026-06-01")
    );
    // Only the date: written, but nothing else changed, so no new iteration.
    let (ending, canvas) = save_without_asking(&given(vec![date("2026-06-01")], None));
    assert!(matches!(ending, Ending::Saved { .. }));
    assert_eq!(
        (canvas.meta.iteration, canvas.meta.date.as_str()),
        (3, "2026-06-01")
    );
    // What the file already says changes nothing.
    let same = given(vec![date("2026-11-23"), MetaValue::Iteration(3)], None);
    assert!(matches!(save_without_asking(&same).0, Ending::Unchanged));
}

#[test]
fn a_revision_in_the_terminal_keeps_the_given_iteration_too() {
    let f = Fixture::new().with_example();
    let path = f.path();
    let mut script = f.keep_block(BlockId::Channels);
    script[0] = Text("Changed");
    script.push(Choose("Finish and save"));
    let options = Options {
        only: Some(vec![BlockId::Channels]),
        given: given(vec![MetaValue::Iteration(10)], None),
        ..Options::default()
    };
    let (_, canvas) = f
        .session(&path)
        .run(options, &mut ScriptedPrompter::new(script))
        .unwrap();
    assert_eq!((canvas.meta.iteration, canvas.meta.date.as_str()), (10, TODAY));
    assert!(fs::read_to_string(&path).unwrap().contains("iteration = 10\n"));
}

#[test]
fn the_last_iteration_stays_the_last_and_the_file_can_be_read_again() {
    let f = Fixture::new().with_example();
    let path = f.path();
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("iteration = 3", "iteration = 1000000")).unwrap();
    let (_, canvas) = f
        .session(&path)
        .run_without_asking(&given(vec![], Some("Someone new")), false)
        .unwrap();
    assert_eq!(canvas.meta.iteration, Meta::MAX_ITERATION);
    assert!(OnDisk::read(&path).is_ok());
}

#[test]
fn without_input_a_broken_draft_is_neither_read_nor_touched() {
    let f = Fixture::new().with_example();
    let path = f.path();
    fs::write(draft_path(&path), "not a draft [").unwrap();
    assert!(OnDisk::read(&path).is_err(), "the interview refuses it");
    let on_disk = OnDisk::without_draft(&path).unwrap();
    let session = Session::new(&path, on_disk, f.bank, f.messages, TODAY.into());
    let (ending, _) = session
        .run_without_asking(&given(vec![], Some("Someone new")), false)
        .unwrap();
    assert!(matches!(ending, Ending::Saved { .. }));
    assert_eq!(fs::read_to_string(draft_path(&path)).unwrap(), "not a draft [");
}
