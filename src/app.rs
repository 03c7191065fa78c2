//! The commands: each loads what it needs, does its work and returns the exit status. Errors are
//! returned to `run`, which prints them once.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::agenda;
use crate::assumptions;
use crate::bank::{self, Bank};
use crate::block::BlockId;
use crate::cli::{BankCommand, Cli, Command, DiffFormat, Format, RenderFormat};
use crate::cohort;
use crate::diff;
use crate::error::Error;
use crate::gaps::GapReport;
use crate::given::Given;
use crate::interview::{self, Coaching, SystemClock};
use crate::language::{self, Voice};
use crate::messages::{Messages, fill};
use crate::prompt::TermPrompter;
use crate::render;
use crate::report;
use crate::schema;
use crate::session::{self, Ending, OnDisk, Options, Session};
use crate::store;
use clap::Parser;
use indicatif::ProgressBar;

/// Exit status of `check` when a canvas has gaps.
const GAPS_FOUND: u8 = 1;
const INPUT_ERROR: u8 = 2;
/// The shell's convention for a program ended by Ctrl-C.
const INTERRUPTED: i32 = 130;

pub fn run() -> ExitCode {
    let mut cli = Cli::parse();
    // Blocks are always walked and planned in the recommended order, each once.
    if let Command::Interview {
        blocks: Some(blocks), ..
    }
    | Command::Agenda {
        blocks: Some(blocks), ..
    } = &mut cli.command
    {
        blocks.sort();
        blocks.dedup();
    }
    let lang = cli.lang;
    let result = match cli.command {
        Command::Interview {
            file,
            blocks,
            bank,
            coach,
            only_gaps,
            set,
            answers,
            no_input,
        } => {
            let asked = Asked {
                only: blocks,
                coach,
                only_gaps,
                set,
                answers,
                no_input,
            };
            custom_bank(bank.as_deref(), lang.as_deref()).and_then(|voice| interview(&file, asked, &voice))
        }
        Command::Agenda { blocks, bank } => custom_bank(bank.as_deref(), lang.as_deref()).map(|voice| {
            let (bank, messages) = voice.for_canvas(None);
            print_out(&agenda::render(
                bank,
                messages,
                blocks.as_deref().unwrap_or(&BlockId::ALL),
            ));
            ExitCode::SUCCESS
        }),
        Command::Check { files, format, bank } => {
            custom_bank(bank.as_deref(), lang.as_deref()).and_then(|voice| check(&files, format, &voice))
        }
        Command::Render {
            file,
            format,
            output,
            width,
        } => {
            let voice = Voice::new(None, lang);
            render(&file, format, output.as_deref(), width, &voice)
        }
        Command::Assumptions { file } => {
            let voice = Voice::new(None, lang);
            session::read_existing(&file)
                .map_err(|e| (e, voice.messages()))
                .map(|canvas| {
                    let (bank, messages) = voice.for_canvas(Some(&canvas.meta.language));
                    print_out(&assumptions::text(&canvas, bank, messages));
                    ExitCode::SUCCESS
                })
        }
        Command::Diff { old, new, format } => diff(&old, &new, format, &Voice::new(None, lang)),
        Command::Schema => {
            let mut text = serde_json::to_string_pretty(&schema::canvas()).expect("the schema serialises");
            text.push('\n');
            print_out(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Bank(command) => bank_command(command, lang.as_deref()),
    };
    result.unwrap_or_else(|(error, messages)| {
        let prefix = messages.error("prefix", &[]);
        eprintln!("canvas-coach: {prefix}: {}", error.localized(messages));
        ExitCode::from(INPUT_ERROR)
    })
}

/// An error and the messages to word it in.
type Failure = (Error, &'static Messages);

/// The voice of a command: the custom bank given, or the built-in ones.
fn custom_bank(path: Option<&Path>, lang: Option<&str>) -> Result<Voice, Failure> {
    let fallback = Voice::new(None, lang.map(str::to_owned));
    let Some(path) = path else {
        return Ok(fallback);
    };
    let bank = store::read_text(path)
        .and_then(|text| Ok(Bank::parse(path, &text)?))
        .map_err(|e| (e, fallback.messages()))?;
    Ok(Voice::new(Some(bank), lang.map(str::to_owned)))
}

/// How `interview` was asked to run.
struct Asked {
    only: Option<Vec<BlockId>>,
    coach: bool,
    only_gaps: bool,
    set: Vec<String>,
    answers: Option<PathBuf>,
    no_input: bool,
}

fn interview(path: &Path, asked: Asked, voice: &Voice) -> Result<ExitCode, Failure> {
    let on_disk = OnDisk::read(path).map_err(|e| (e, voice.messages()))?;
    let (bank, messages) = voice.for_canvas(on_disk.language());
    let mut given = Given::default();
    for assignment in &asked.set {
        given.set(assignment, bank).map_err(|e| (e, messages))?;
    }
    if let Some(answers) = &asked.answers {
        given.add_file(answers).map_err(|e| (e, messages))?;
    }
    let m = &messages.interview;
    let shown = path.display().to_string();
    if asked.no_input {
        let session = Session::new(path, on_disk, bank, messages, interview::today());
        let (ending, canvas) = session
            .run_without_asking(&given, asked.only_gaps)
            .map_err(|e| (e, messages))?;
        let gap_report = GapReport::new(&canvas, bank, messages);
        print_out(&report::text(&canvas, &gap_report, bank, messages));
        eprintln!("\n{}", ending_message(&ending, &shown, messages));
        return Ok(ExitCode::SUCCESS);
    }
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return Err((Error::NeedsTerminal, messages));
    }
    let interruption = Interruption {
        unchanged: fill(&m.interrupted, &[("path", &shown)]),
        draft: session::draft_path(path),
        draft_kept: m.interrupted_draft.clone(),
    };
    on_interrupt(interruption.clone());

    let session = Session::new(path, on_disk, bank, messages, interview::today());
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
    let (ending, canvas) = match session.run(options, &mut TermPrompter::default()) {
        Err(Error::Prompt(e)) if e.kind() == io::ErrorKind::Interrupted => interruption.exit(),
        other => other.map_err(|e| (e, messages))?,
    };
    let gap_report = GapReport::new(&canvas, bank, messages);
    print_out(&report::text(&canvas, &gap_report, bank, messages));
    let said = ending_message(&ending, &shown, messages);
    if !said.is_empty() {
        eprintln!("\n{said}");
    }
    eprintln!("{}", fill(&m.check_again, &[("path", &shown)]));
    Ok(ExitCode::SUCCESS)
}

/// What to say once the interview has ended.
fn ending_message(ending: &Ending, shown: &str, messages: &Messages) -> String {
    let m = &messages.interview;
    match ending {
        Ending::Saved { paused, backup } => {
            let saved = if *paused { &m.saved_partial } else { &m.saved };
            let mut said = fill(saved, &[("path", shown)]);
            if let Some(backup) = backup {
                said.push('\n');
                said.push_str(&fill(&m.backup, &[("path", &backup.display().to_string())]));
            }
            said
        }
        Ending::Unchanged => fill(&m.unchanged, &[("path", shown)]),
        Ending::ReportOnly => String::new(),
    }
}

fn check(inputs: &[PathBuf], format: Format, voice: &Voice) -> Result<ExitCode, Failure> {
    /// Below this many canvases a progress bar would only flicker.
    const PROGRESS_FROM: usize = 10;
    let messages = voice.messages();
    let files = cohort::files(inputs);
    if files.is_empty() {
        let searched: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        return Err((Error::NoCanvases(searched.join(", ")), messages));
    }
    let bar = if files.len() >= PROGRESS_FROM && io::stderr().is_terminal() {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    let checked = cohort::check(&files, voice, &|| bar.inc(1));
    bar.finish_and_clear();

    let single = inputs.len() == 1 && !inputs[0].is_dir();
    match (format, &checked[..]) {
        (Format::Json, _) => print_out(&cohort::json(&checked, messages)),
        (Format::Text, [one]) if single => match &one.outcome {
            Ok(report) => {
                let (bank, messages) = voice.for_canvas(Some(&report.canvas.meta.language));
                print_out(&report::text(&report.canvas, &report.gaps, bank, messages));
            }
            Err(error) => {
                let prefix = messages.error("prefix", &[]);
                eprintln!("canvas-coach: {prefix}: {}", error.localized(messages));
            }
        },
        (Format::Text, _) => print_out(&cohort::table(&checked, voice, messages)),
    }
    let failed = checked.iter().any(|c| c.outcome.is_err());
    let gaps_found = checked
        .iter()
        .any(|c| c.outcome.as_ref().is_ok_and(|r| !r.gaps.gaps.is_empty()));
    Ok(ExitCode::from(match (failed, gaps_found) {
        (true, _) => INPUT_ERROR,
        (false, true) => GAPS_FOUND,
        (false, false) => 0,
    }))
}

fn render(
    path: &Path,
    format: RenderFormat,
    output: Option<&Path>,
    width: Option<usize>,
    voice: &Voice,
) -> Result<ExitCode, Failure> {
    /// The grid's width when the output is a file or a pipe.
    const DEFAULT_WIDTH: usize = 120;
    let canvas = session::read_existing(path).map_err(|e| (e, voice.messages()))?;
    let (bank, messages) = voice.for_canvas(Some(&canvas.meta.language));
    let gaps = GapReport::new(&canvas, bank, messages);
    let text = match format {
        RenderFormat::Txt => {
            let terminal = console::Term::stdout();
            let width = width.unwrap_or_else(|| {
                if output.is_none() && terminal.is_term() {
                    usize::from(terminal.size().1)
                } else {
                    DEFAULT_WIDTH
                }
            });
            render::txt::render(&canvas, bank, &gaps, messages, width)
        }
        RenderFormat::Md => render::markdown::render(&canvas, bank, &gaps, messages),
        RenderFormat::Html => render::html::render(&canvas, bank, &gaps, messages),
    };
    match output {
        Some(out) => store::write_atomic(out, &text).map_err(|e| (e, messages))?,
        None => print_out(&text),
    }
    Ok(ExitCode::SUCCESS)
}

fn diff(old: &Path, new: &Path, format: DiffFormat, voice: &Voice) -> Result<ExitCode, Failure> {
    let (old, new) = session::read_existing(old)
        .and_then(|old| Ok((old, session::read_existing(new)?)))
        .map_err(|e| (e, voice.messages()))?;
    let (bank, messages) = voice.for_canvas(Some(&new.meta.language));
    let changes = diff::compare(&old, &new, bank, messages);
    print_out(&diff::render(
        &changes,
        &old,
        &new,
        bank,
        messages,
        format == DiffFormat::Md,
    ));
    Ok(ExitCode::SUCCESS)
}

fn bank_command(command: BankCommand, lang: Option<&str>) -> Result<ExitCode, Failure> {
    let messages = Messages::get(language::choose(lang, None));
    match command {
        BankCommand::List => {
            let mut out = String::new();
            for (code, _) in bank::BUILTIN {
                let bank = Bank::builtin(code).expect("listed banks are built in");
                out.push_str(&bank_summary(code, bank, messages));
            }
            print_out(&out);
        }
        BankCommand::Export { language } => {
            let (_, text) = bank::BUILTIN
                .iter()
                .find(|(code, _)| *code == language)
                .ok_or_else(|| (Error::UnknownLanguage(language.clone()), messages))?;
            print_out(text);
        }
        BankCommand::Check { file } => {
            let bank = store::read_text(&file)
                .and_then(|text| Ok(Bank::parse(&file, &text)?))
                .map_err(|e| (e, messages))?;
            let summary = bank_summary(&file.display().to_string(), &bank, messages);
            print_out(&fill(&messages.banks.valid, &[("summary", summary.trim_end())]));
            print_out("\n");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One line about a bank: where it is, its language and how much it asks.
fn bank_summary(name: &str, bank: &Bank, messages: &Messages) -> String {
    let questions: usize = BlockId::ALL.iter().map(|&b| bank.block(b).questions.len()).sum();
    let options: usize = BlockId::ALL
        .iter()
        .flat_map(|&b| &bank.block(b).groups)
        .map(|g| g.options.len())
        .sum();
    let line = fill(
        &messages.banks.summary,
        &[
            ("questions", &questions.to_string()),
            ("options", &options.to_string()),
        ],
    );
    format!("{name:<4} {:<12} {line}\n", bank.name)
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
