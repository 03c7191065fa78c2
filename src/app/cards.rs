//! `test add`, `test list` and `learn`: test cards and learning cards, asked in a short form or
//! given as flags, saved like an interview (locked, atomic, a backup, a merge when the file
//! changed meanwhile).

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use super::interview::interruptible;
use super::voice::Voice;
use super::{Failure, output};
use crate::cli::{Learn, TestAdd, TestCommand};
use crate::error::{Error, Problem};
use crate::file::{self, atomic};
use crate::i18n::{Messages, fill};
use crate::interview::{
    self, Ending, Interview, OnDisk, Resolver, Session, TermPrompter, suggested_hypothesis,
};
use crate::model::{Amount, Canvas, Cost, Learning, Test, read_typed_date};
use crate::money;
use crate::render::{self, safe};

/// Opens a canvas to add a card: a session to save it with, its canvas, and the messages of
/// its language.
fn open<'a>(path: &'a Path, voice: &'a Voice) -> Result<(Session<'a>, Canvas, &'static Messages), Failure> {
    let failed = |e| (e, voice.messages());
    atomic::check_writable(path).map_err(failed)?;
    let on_disk = OnDisk::without_draft(path).map_err(failed)?;
    let canvas = match on_disk.canvas() {
        Some(canvas) => canvas.clone(),
        // No canvas yet: reading it says why, as every command does.
        None => file::read_canvas(path).map_err(failed)?,
    };
    let (bank, messages) = voice.for_canvas(on_disk.language());
    let session = Session::new(path, on_disk, bank, messages, interview::today());
    Ok((session, canvas, messages))
}

pub fn test(command: TestCommand, voice: &Voice) -> Result<ExitCode, Failure> {
    match command {
        TestCommand::Add(asked) => add(asked, voice),
        TestCommand::List { file } => list(&file, voice),
    }
}

fn list(path: &Path, voice: &Voice) -> Result<ExitCode, Failure> {
    let canvas = file::read_canvas(path).map_err(|e| (e, voice.messages()))?;
    let (_, messages) = voice.for_canvas(Some(&canvas.meta.language));
    let text = render::test_list(&canvas, messages, &interview::today(), &safe::path(path));
    output::print(&text).map_err(|e| (e, messages))?;
    Ok(ExitCode::SUCCESS)
}

fn add(asked: TestAdd, voice: &Voice) -> Result<ExitCode, Failure> {
    let path = asked.file.as_path();
    let (session, mut canvas, messages) = open(path, voice)?;
    let failed = |e| (e, messages);
    check_items(&canvas, &asked.items).map_err(failed)?;
    let test = if asked.no_input {
        from_flags(&canvas, &asked, messages).map_err(failed)?
    } else {
        let interview = Interview::new(session.bank, messages, session.today.clone());
        let form = |prompter: &mut TermPrompter| interview.design_test(&canvas, &asked.items, prompter);
        match in_terminal(path, messages, form)? {
            Some(test) => test,
            None => return unchanged(path, messages),
        }
    };
    let id = canvas.add_test(test);
    let said = fill(&messages.cards.added, &[("id", &id), ("path", &safe::path(path))]);
    save(session, canvas, asked.no_input, (said, messages))
}

pub fn learn(asked: Learn, voice: &Voice) -> Result<ExitCode, Failure> {
    let path = asked.file.as_path();
    let (session, mut canvas, messages) = open(path, voice)?;
    let failed = |e| (e, messages);
    if canvas.test(&asked.test).is_none() {
        let known: Vec<&str> = canvas.tests.iter().map(|t| t.id.as_str()).collect();
        let (id, known) = (asked.test.clone(), known.join(", "));
        return Err(failed(Error::Usage(Problem::NoSuchTest { id, known })));
    }
    if asked.no_input {
        let flag = "--observation";
        let observation =
            (asked.observation).ok_or_else(|| failed(Error::Usage(Problem::FlagRequired { flag })))?;
        let learning = Learning {
            test: asked.test.clone(),
            date: session.today.clone(),
            observation,
            insight: asked.insight.unwrap_or_default(),
            decision: asked.decision,
            strength: asked.strength.unwrap_or_default(),
        };
        canvas.record_learning(learning, &|_| asked.status);
    } else {
        let interview = Interview::new(session.bank, messages, session.today.clone());
        let form =
            |prompter: &mut TermPrompter| interview.record_learning(&mut canvas, &asked.test, prompter);
        if !in_terminal(path, messages, form)? {
            return unchanged(path, messages);
        }
    }
    let said = fill(
        &messages.cards.recorded,
        &[("id", &asked.test), ("path", &safe::path(path))],
    );
    save(session, canvas, asked.no_input, (said, messages))
}

/// Refuses item ids the canvas does not have, and a test of no item.
fn check_items(canvas: &Canvas, items: &[String]) -> Result<(), Error> {
    if items.is_empty() {
        return Err(Error::Usage(Problem::NoItems));
    }
    let index = canvas.item_index();
    match items.iter().find(|id| !index.contains_key(id.as_str())) {
        Some(id) => {
            let known: Vec<&str> = canvas.items().map(|(_, i)| i.id.as_str()).collect();
            let (id, known) = (id.clone(), known.join(", "));
            Err(Error::Usage(Problem::NoSuchItem { id, known }))
        }
        None => Ok(()),
    }
}

/// The test the flags describe; without `--hypothesis`, the suggested one.
fn from_flags(canvas: &Canvas, asked: &TestAdd, messages: &Messages) -> Result<Test, Error> {
    // A deadline may be written as in the file or day first, and is stored as in the file.
    let deadline = match asked.deadline.as_deref() {
        Some(value) => Some(read_typed_date(value).ok_or_else(|| {
            Error::Usage(Problem::BadDate {
                value: value.to_owned(),
            })
        })?),
        None => None,
    };
    let hypothesis = asked
        .hypothesis
        .clone()
        .unwrap_or_else(|| suggested_hypothesis(canvas, &asked.items, messages));
    Ok(Test {
        id: String::new(),
        items: asked.items.clone(),
        hypothesis,
        experiment: asked.experiment.clone().unwrap_or_default(),
        metric: asked.metric.clone().unwrap_or_default(),
        criterion: asked.criterion.clone().unwrap_or_default(),
        cost: asked.cost.as_deref().map(cost),
        deadline,
        state: Default::default(),
    })
}

/// A cost given as text: an amount where it is no more than one ("80 EUR", "€80"), else the
/// words as given ("two afternoons").
fn cost(given: &str) -> Cost {
    let short = given.split_whitespace().count() <= 2;
    match money::amount(given).filter(|_| short) {
        Some(money) => Cost::Amount(Amount {
            value: money.value,
            currency: money.currency.map(str::to_owned),
            ..Amount::default()
        }),
        None => Cost::Text(given.trim().to_owned()),
    }
}

/// Runs a form in the terminal; Ctrl-C leaves the file untouched with exit status 130.
fn in_terminal<T>(
    path: &Path,
    messages: &'static Messages,
    form: impl FnOnce(&mut TermPrompter) -> io::Result<T>,
) -> Result<T, Failure> {
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return Err((Error::Usage(Problem::FormNeedsTerminal), messages));
    }
    interruptible(path, messages, || {
        form(&mut TermPrompter::new(messages)).map_err(Error::Prompt)
    })
}

fn unchanged(path: &Path, messages: &Messages) -> Result<ExitCode, Failure> {
    eprintln!(
        "{}",
        fill(&messages.interview.unchanged, &[("path", &safe::path(path))])
    );
    Ok(ExitCode::SUCCESS)
}

/// Saves the canvas and says so, with the backup and a merge where there was one.
fn save(
    session: Session<'_>,
    canvas: Canvas,
    no_input: bool,
    (said, messages): (String, &'static Messages),
) -> Result<ExitCode, Failure> {
    let path = session.path;
    let failed = |e| (e, messages);
    let mut prompter = TermPrompter::new(messages);
    let resolver = if no_input {
        Resolver::Refuse
    } else {
        Resolver::Ask(&mut prompter)
    };
    let (ending, _) = session.save_change(canvas, resolver).map_err(failed)?;
    let m = &messages.interview;
    if let Ending::Saved { backup, merged, .. } = ending {
        if merged {
            eprintln!("{}", fill(&m.merged, &[("path", &safe::path(path))]));
        }
        output::print(&format!("{said}\n")).map_err(failed)?;
        if let Some(backup) = backup {
            eprintln!("{}", fill(&m.backup, &[("path", &safe::path(&backup))]));
        }
    }
    Ok(ExitCode::SUCCESS)
}
