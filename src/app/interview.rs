//! `interview`: asks in a terminal, or with `--no-input` saves what was given; Ctrl-C ends it
//! with exit status 130 and the cursor restored.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use super::voice::Voice;
use super::{Failure, INTERRUPTED, given, output};
use crate::bank::Bank;
use crate::cli::Command;
use crate::error::Error;
use crate::file::{atomic, draft};
use crate::gaps::GapReport;
use crate::i18n::{Language, Messages, fill};
use crate::interview::{self, Coaching, Ending, OnDisk, Options, Session, SystemClock, TermPrompter};
use crate::model::{BlockId, Canvas, Given};
use crate::render::{self, safe};

/// How `interview` was asked to run.
struct Asked {
    only: Option<Vec<BlockId>>,
    coach: bool,
    only_gaps: bool,
    set: Vec<String>,
    answers: Option<PathBuf>,
    no_input: bool,
}

/// Runs `interview` as the command line asked for it.
pub fn from_command(command: Command, lang: Option<Language>) -> Result<ExitCode, Failure> {
    let Command::Interview {
        file,
        blocks,
        bank,
        coach,
        only_gaps,
        set,
        answers,
        no_input,
    } = command
    else {
        unreachable!("only the interview command comes here")
    };
    let asked = Asked {
        only: blocks,
        coach,
        only_gaps,
        set,
        answers,
        no_input,
    };
    run(&file, asked, &Voice::with_bank(bank.as_deref(), lang)?)
}

fn run(path: &Path, asked: Asked, voice: &Voice) -> Result<ExitCode, Failure> {
    let on_disk = atomic::check_writable(path).and_then(|()| {
        if asked.no_input {
            OnDisk::without_draft(path)
        } else {
            OnDisk::read(path)
        }
    });
    let on_disk = on_disk.map_err(|e| (e, voice.messages()))?;
    let (bank, messages) = voice.for_canvas(on_disk.language());
    let failed = |e| (e, messages);
    let mut values = Given::default();
    for assignment in &asked.set {
        given::set(&mut values, assignment, bank).map_err(failed)?;
    }
    if let Some(answers) = &asked.answers {
        let onto = on_disk.canvas().map(|canvas| (path, canvas));
        given::add_file(&mut values, answers, onto).map_err(failed)?;
    }
    let session = Session::new(path, on_disk, bank, messages, interview::today());
    let no_input = asked.no_input;
    let (ending, canvas) = if no_input {
        session
            .run_without_asking(&values, asked.only_gaps)
            .map_err(failed)?
    } else {
        ask(path, session, asked, values, messages)?
    };
    if let Ending::Saved { paused: true, .. } = ending {
        // A deliberate stop: what is done, where it goes on, and how; the report can wait.
        let said = paused(path, bank, messages).map_err(failed)?;
        eprintln!("\n{said}");
        return Ok(ExitCode::SUCCESS);
    }
    let report = GapReport::new(&canvas, bank, messages);
    output::print(&render::report(&canvas, &report, bank, messages)).map_err(failed)?;
    finish(path, &ending, no_input, messages);
    Ok(ExitCode::SUCCESS)
}

/// Two lines after save and quit: the blocks done, and where and how it goes on.
fn paused(path: &Path, bank: &Bank, messages: &Messages) -> Result<String, Error> {
    let m = &messages.interview;
    let shown = safe::path(path);
    let Some(draft) = draft::load(path)? else {
        return Ok(fill(&m.saved, &[("path", &shown)]));
    };
    let place = draft.place;
    let total = messages.count(&messages.coach.blocks_count, place.blocks.len());
    let done = format!("{}/{total}", place.done.len());
    let at = place
        .blocks
        .get(place.next)
        .map_or("—", |&b| bank.block(b).title.as_str());
    Ok(format!(
        "{}\n{}",
        fill(&m.saved_partial, &[("path", &shown), ("done", &done)]),
        fill(&m.resume_with, &[("block", at), ("path", &shown)])
    ))
}

/// Runs the interview in the terminal.
fn ask(
    path: &Path,
    session: Session<'_>,
    asked: Asked,
    given: Given,
    messages: &'static Messages,
) -> Result<(Ending, Canvas), Failure> {
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return Err((Error::NeedsTerminal, messages));
    }
    let clock = SystemClock::default();
    let coaching = asked.coach.then(|| Coaching {
        clock: &clock,
        started: interview::now(),
    });
    let options = Options {
        only: asked.only,
        coaching,
        given,
        only_gaps: asked.only_gaps,
    };
    interruptible(path, messages, || {
        session.run(options, &mut TermPrompter::new(messages))
    })
}

/// Runs `prompts` so that Ctrl-C ends the program with exit status 130, saying that `path` was
/// not changed and where a draft of it is kept.
pub(super) fn interruptible<T>(
    path: &Path,
    messages: &'static Messages,
    prompts: impl FnOnce() -> Result<T, Error>,
) -> Result<T, Failure> {
    let m = &messages.interview;
    let interruption = Interruption {
        unchanged: fill(&m.interrupted, &[("path", &safe::path(path))]),
        draft: draft::draft_path(path),
        draft_kept: m.interrupted_draft.clone(),
    };
    on_interrupt(interruption.clone());
    match prompts() {
        Err(Error::Prompt(e)) if e.kind() == io::ErrorKind::Interrupted => interruption.exit(),
        other => other.map_err(|e| (e, messages)),
    }
}

/// Says how the interview ended and how to see the report again.
fn finish(path: &Path, ending: &Ending, no_input: bool, messages: &Messages) {
    let m = &messages.interview;
    let shown = safe::path(path);
    let said = match ending {
        Ending::Saved {
            paused,
            backup,
            merged,
        } => {
            debug_assert!(!paused, "a pause says where it goes on instead");
            let saved = &m.saved;
            let mut said = String::new();
            if *merged {
                said = fill(&m.merged, &[("path", &shown)]) + "\n";
            }
            said.push_str(&fill(saved, &[("path", &shown)]));
            if let Some(backup) = backup {
                said.push('\n');
                said.push_str(&fill(&m.backup, &[("path", &safe::path(backup))]));
            }
            said
        }
        Ending::Unchanged => fill(&m.unchanged, &[("path", &shown)]),
        Ending::ReportOnly => String::new(),
    };
    if !said.is_empty() || no_input {
        eprintln!("\n{said}");
    }
    if !no_input {
        eprintln!("{}", fill(&m.check_again, &[("path", &shown)]));
    }
}

/// What to say when Ctrl-C ends the interview.
#[derive(Clone)]
struct Interruption {
    pub unchanged: String,
    pub draft: PathBuf,
    pub draft_kept: String,
}

impl Interruption {
    fn exit(&self) -> ! {
        // Ctrl-C reaches both the signal handler and the prompt that was reading; one says it.
        static SAID: AtomicBool = AtomicBool::new(false);
        if SAID.swap(true, Ordering::SeqCst) {
            loop {
                std::thread::park();
            }
        }
        let _ = console::Term::stderr().show_cursor();
        eprintln!("\n{}", self.unchanged);
        if self.draft.exists() {
            eprintln!(
                "{}",
                fill(&self.draft_kept, &[("draft", &safe::path(&self.draft))])
            );
        }
        std::process::exit(INTERRUPTED)
    }
}

/// Ctrl-C arrives as SIGINT while a prompt holds the terminal, and dialoguer has hidden the
/// cursor. The canvas is written only at the end, atomically, so it is never half-written.
fn on_interrupt(interruption: Interruption) {
    // Without the handler Ctrl-C still ends the program; only the cursor stays hidden.
    let _ = ctrlc::set_handler(move || interruption.exit());
}
