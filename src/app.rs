//! The commands: each loads what it needs, does its work and returns the exit status. Errors are
//! returned to `run`, which prints them once.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::bank::Bank;
use crate::block::BlockId;
use crate::cli::{Cli, Command, Format};
use crate::cohort;
use crate::error::Error;
use crate::gaps::GapReport;
use crate::interview;
use crate::messages::{Messages, fill};
use crate::prompt::TermPrompter;
use crate::report;
use crate::session::{self, Ending, Session};
use crate::store;
use clap::Parser;
use indicatif::ProgressBar;

/// Exit status of `check` when a canvas has gaps.
const GAPS_FOUND: u8 = 1;
const INPUT_ERROR: u8 = 2;
/// The shell's convention for a program ended by Ctrl-C.
const INTERRUPTED: i32 = 130;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Interview { file, blocks, bank } => interview(&file, blocks, bank.as_deref()),
        Command::Check { files, format, bank } => check(&files, format, bank.as_deref()),
    };
    result.unwrap_or_else(|error| {
        eprintln!("canvas-coach: error: {error}");
        ExitCode::from(INPUT_ERROR)
    })
}

fn load_bank(path: Option<&Path>) -> Result<Bank, Error> {
    match path {
        Some(path) => Ok(Bank::parse(path, &store::read_text(path)?)?),
        None => Ok(Bank::builtin("en").expect("the English bank is built in")),
    }
}

fn interview(path: &Path, only: Option<Vec<BlockId>>, bank: Option<&Path>) -> Result<ExitCode, Error> {
    let bank = load_bank(bank)?;
    let messages = Messages::english();
    let session = Session::open(path, &bank, &messages, interview::today())?;
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return Err(Error::NeedsTerminal);
    }
    let m = &messages.interview;
    let shown = path.display().to_string();
    let interruption = Interruption {
        unchanged: fill(&m.interrupted, &[("path", &shown)]),
        draft: session::draft_path(path),
        draft_kept: m.interrupted_draft.clone(),
    };
    on_interrupt(interruption.clone());

    let (ending, canvas) = match session.run(only, &mut TermPrompter::default()) {
        Err(Error::Prompt(e)) if e.kind() == io::ErrorKind::Interrupted => interruption.exit(),
        other => other?,
    };
    let gap_report = GapReport::new(&canvas, &bank, &messages);
    print_out(&report::text(&canvas, &gap_report, &bank, &messages));
    let said = match ending {
        Ending::Saved { paused, backup } => {
            let saved = if paused { &m.saved_partial } else { &m.saved };
            let mut said = fill(saved, &[("path", &shown)]);
            if let Some(backup) = backup {
                said.push('\n');
                said.push_str(&fill(&m.backup, &[("path", &backup.display().to_string())]));
            }
            said
        }
        Ending::Unchanged => fill(&m.unchanged, &[("path", &shown)]),
        Ending::ReportOnly => String::new(),
    };
    if !said.is_empty() {
        eprintln!("\n{said}");
    }
    eprintln!("{}", fill(&m.check_again, &[("path", &shown)]));
    Ok(ExitCode::SUCCESS)
}

fn check(inputs: &[PathBuf], format: Format, bank: Option<&Path>) -> Result<ExitCode, Error> {
    /// Below this many canvases a progress bar would only flicker.
    const PROGRESS_FROM: usize = 10;
    let bank = load_bank(bank)?;
    let messages = Messages::english();
    let files = cohort::files(inputs);
    if files.is_empty() {
        let searched: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::NoCanvases(searched.join(", ")));
    }
    let bar = if files.len() >= PROGRESS_FROM && io::stderr().is_terminal() {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    let checked = cohort::check(&files, &bank, &messages, &|| bar.inc(1));
    bar.finish_and_clear();

    let single = inputs.len() == 1 && !inputs[0].is_dir();
    match (format, &checked[..]) {
        (Format::Json, _) => print_out(&cohort::json(&checked)),
        (Format::Text, [one]) if single => match &one.outcome {
            Ok((canvas, report)) => print_out(&report::text(canvas, report, &bank, &messages)),
            Err(error) => eprintln!("canvas-coach: error: {error}"),
        },
        (Format::Text, _) => print_out(&cohort::table(&checked, &bank, &messages)),
    }
    let failed = checked.iter().any(|c| c.outcome.is_err());
    let gaps_found = checked
        .iter()
        .any(|c| c.outcome.as_ref().is_ok_and(|(_, r)| !r.gaps.is_empty()));
    Ok(ExitCode::from(match (failed, gaps_found) {
        (true, _) => INPUT_ERROR,
        (false, true) => GAPS_FOUND,
        (false, false) => 0,
    }))
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn print_out(text: &str) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("canvas-coach: error: cannot write output: {e}");
        }
    }
}

/// What to say when Ctrl-C ends the interview.
#[derive(Clone)]
struct Interruption {
    unchanged: String,
    draft: PathBuf,
    draft_kept: String,
}

impl Interruption {
    fn exit(&self) -> ! {
        let _ = console::Term::stderr().show_cursor();
        eprintln!("\n{}", self.unchanged);
        if self.draft.exists() {
            eprintln!(
                "{}",
                fill(&self.draft_kept, &[("draft", &self.draft.display().to_string())])
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
