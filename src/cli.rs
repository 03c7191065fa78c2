//! The command line: subcommands, flags and their help.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};

use crate::file::import::Source;
use crate::i18n::Language;
use crate::model::BlockId;
use crate::render;

mod cards;
pub use cards::{Learn, TestAdd, TestCommand};

const EXAMPLES: &str = "\
Examples:
  canvas-coach interview brew-box.toml     fill a new canvas, or revise an existing one
  canvas-coach interview brew-box.toml --blocks channels,revenue_streams
  canvas-coach --lang de interview kaffee.toml
  canvas-coach check brew-box.toml         print the gap report of a canvas
  canvas-coach check cohort-2026/          a table of every canvas in a folder
  canvas-coach check a.toml --format json  the report as JSON, for other tools
  canvas-coach test add brew-box.toml --item vp2   design a test for an assumption
  canvas-coach learn brew-box.toml t1      record what the test showed
  canvas-coach bank export nl > mijn-bank.toml
  canvas-coach completions bash > ~/.local/share/bash-completion/completions/canvas-coach

Language: --lang, else the canvas's own language, else LC_ALL/LC_MESSAGES/LANG, else English.
Exit status: 0 ok, 1 gaps found (check), 2 usage or input error, 130 interrupted.";

/// A coaching assistant for the Business Model Canvas: it interviews you block by block,
/// writes the canvas to a TOML file and reports what is missing or inconsistent.
#[derive(Debug, Parser)]
#[command(name = "canvas-coach", version, after_help = EXAMPLES)]
pub struct Cli {
    /// The language to ask and report in
    #[arg(long, global = true, value_name = "LANG", value_enum)]
    pub lang: Option<Language>,
    #[command(subcommand)]
    pub command: Command,
}

/// How `check` prints its reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    /// One JSON object per line, each printed as its canvas is checked
    Jsonl,
}

/// How `render` draws the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormat {
    /// The nine-block grid as text
    Txt,
    /// A Markdown document
    Md,
    /// A self-contained HTML page
    Html,
    /// A standalone SVG image of the canvas
    Svg,
    /// The canvas file's shape as JSON, with the gap report; `import` reads it back
    Json,
    /// One row per sticky note, in the columns `import` reads back
    Csv,
    /// A JSON Canvas board (Obsidian and other whiteboards)
    Jsoncanvas,
    /// An Excalidraw scene
    Excalidraw,
}

/// What kind of file `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SourceFormat {
    /// Sticky notes, one per row
    Csv,
    /// The Business Model Markup Language (YAML)
    Bmml,
    /// canvas-coach's own JSON (`render --format json`)
    Json,
}

impl From<SourceFormat> for Source {
    fn from(format: SourceFormat) -> Self {
        match format {
            SourceFormat::Csv => Source::Csv,
            SourceFormat::Bmml => Source::Bmml,
            SourceFormat::Json => Source::Json,
        }
    }
}

/// How `diff` prints the changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Md,
}

impl From<CheckFormat> for render::Format {
    fn from(format: CheckFormat) -> Self {
        match format {
            CheckFormat::Text => render::Format::Text,
            CheckFormat::Json => render::Format::Json,
            CheckFormat::Jsonl => render::Format::JsonLines,
        }
    }
}

impl From<RenderFormat> for render::Format {
    fn from(format: RenderFormat) -> Self {
        match format {
            RenderFormat::Txt => render::Format::Text,
            RenderFormat::Md => render::Format::Markdown,
            RenderFormat::Html => render::Format::Html,
            RenderFormat::Svg => render::Format::Svg,
            RenderFormat::Json => render::Format::Json,
            RenderFormat::Csv => render::Format::Csv,
            RenderFormat::Jsoncanvas => render::Format::JsonCanvas,
            RenderFormat::Excalidraw => render::Format::Excalidraw,
        }
    }
}

impl From<DiffFormat> for render::Format {
    fn from(format: DiffFormat) -> Self {
        match format {
            DiffFormat::Text => render::Format::Text,
            DiffFormat::Md => render::Format::Markdown,
        }
    }
}

/// Block keys as clap checks them: a wrong one is listed with the keys it knows.
fn block_id() -> impl TypedValueParser<Value = BlockId> {
    PossibleValuesParser::new(BlockId::ALL.map(BlockId::key))
        .map(|key| key.parse().expect("every offered key is a block"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk through the nine blocks and write the canvas file (needs a terminal)
    #[command(after_help = "Examples:
  canvas-coach interview brew-box.toml
  canvas-coach interview brew-box.toml --blocks channels,revenue_streams
  canvas-coach interview brew-box.toml --bank my-bank.toml
  canvas-coach interview brew-box.toml --coach     with facilitator notes and timeboxes
  canvas-coach interview brew-box.toml --only-gaps
  canvas-coach interview new.toml --no-input --set meta.title=\"Brew Box\" --set customer_segments.who=\"Remote workers\"
  canvas-coach interview brew-box.toml --no-input --answers after-interviews.toml")]
    Interview {
        /// The canvas file to write; an existing canvas is revised
        file: PathBuf,
        /// Walk only these blocks, comma-separated (e.g. channels,revenue_streams)
        #[arg(long, value_name = "BLOCKS", value_delimiter = ',', value_parser = block_id())]
        blocks: Option<Vec<BlockId>>,
        /// Ask the questions of this question bank instead of the built-in one
        #[arg(long, value_name = "PATH")]
        bank: Option<PathBuf>,
        /// Coach mode: facilitator notes and a timebox per block, time spent recorded in the canvas
        #[arg(long)]
        coach: bool,
        /// Ask only the questions that are unanswered or that the gap report points to
        #[arg(long)]
        only_gaps: bool,
        /// Give an answer without being asked: meta.FIELD=TEXT or BLOCK.QUESTION=TEXT (repeatable)
        #[arg(long = "set", value_name = "KEY=TEXT")]
        set: Vec<String>,
        /// Take answers, choices and items from a partial canvas file
        #[arg(long, value_name = "PART.toml")]
        answers: Option<PathBuf>,
        /// Never prompt: save what was given and the gap report; fail if a required value is missing
        #[arg(long)]
        no_input: bool,
    },
    /// Print a session plan for a workshop, as Markdown
    #[command(after_help = "Examples:
  canvas-coach agenda > workshop.md
  canvas-coach --lang de agenda --blocks customer_segments,value_propositions")]
    Agenda {
        /// Only these blocks, comma-separated
        #[arg(long, value_name = "BLOCKS", value_delimiter = ',', value_parser = block_id())]
        blocks: Option<Vec<BlockId>>,
        /// Plan with this question bank instead of the built-in one
        #[arg(long, value_name = "PATH")]
        bank: Option<PathBuf>,
    },
    /// Print the gap report of a canvas, or a table for many; exits 1 when any has gaps
    #[command(after_help = "Examples:
  canvas-coach check brew-box.toml
  canvas-coach check cohort-2026/              a table of every *.toml canvas in the folder
  canvas-coach check a.toml b.toml --format json
  canvas-coach check cohort-2026/ --format jsonl   one JSON object per line, as each is checked
  canvas-coach --lang de check brew-box.toml")]
    Check {
        /// Canvas files, or folders to search for *.toml canvases
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        files: Vec<PathBuf>,
        /// `text` for people (one report, or a table for many), `json` or `jsonl` for other tools
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Judge the canvases against this question bank instead of the built-in one
        #[arg(long, value_name = "PATH")]
        bank: Option<PathBuf>,
    },
    /// Render a canvas as a text grid, Markdown, a printable HTML page, an SVG image, JSON, CSV
    /// or a whiteboard
    #[command(after_help = "Examples:
  canvas-coach render brew-box.toml                       the nine-block grid in the terminal
  canvas-coach render brew-box.toml --format md -o brew-box.md
  canvas-coach render brew-box.toml --format html -o brew-box.html   print it on one landscape page
  canvas-coach render brew-box.toml --format html --paper letter -o brew-box.html
  canvas-coach render brew-box.toml --format svg -o brew-box.svg     for slides and documents
  canvas-coach render brew-box.toml --format csv -o brew-box.csv     a row per sticky note
  canvas-coach render brew-box.toml --format jsoncanvas -o brew-box.canvas
  canvas-coach render brew-box.toml --format excalidraw -o brew-box.excalidraw")]
    Render {
        /// The canvas file
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = RenderFormat::Txt)]
        format: RenderFormat,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Width of the text grid (default: the terminal's, or 120)
        #[arg(long, value_name = "COLUMNS")]
        width: Option<usize>,
        /// The paper the HTML canvas prints on, and the SVG's size, in landscape
        #[arg(long, value_enum, default_value_t = render::Paper::A4)]
        paper: render::Paper,
    },
    /// Read a canvas from a CSV of sticky notes, a BMML file or canvas-coach's JSON into a canvas file
    #[command(after_help = "Examples:
  canvas-coach import board.csv -o brew-box.toml
  canvas-coach import board.csv -o brew-box.toml --columns block=Frame,text=Content,colour=Color
  canvas-coach import model.bmml -o model.toml
  canvas-coach import brew-box.json -o - > brew-box.toml

It prints what it mapped and what it kept in notes, then the gap report.")]
    Import {
        /// The file to read: .csv, .bmml (or .yaml) or .json
        source: PathBuf,
        /// The canvas file to write; `-` prints it instead
        #[arg(short, long, value_name = "FILE.toml")]
        output: PathBuf,
        /// The kind of the source, when its name does not tell
        #[arg(long, value_enum)]
        from: Option<SourceFormat>,
        /// CSV only: which column holds a field, FIELD=HEADER or FIELD=NUMBER (comma-separated)
        #[arg(long, value_name = "FIELD=HEADER", value_delimiter = ',')]
        columns: Vec<String>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },
    /// List the untested assumptions of a canvas, the ones most others depend on first
    #[command(after_help = "Examples:
  canvas-coach assumptions brew-box.toml
  canvas-coach assumptions brew-box.toml --map")]
    Assumptions {
        /// The canvas file
        file: PathBuf,
        /// Draw the assumption map instead: importance against evidence, the important
        /// assumptions without evidence (top left) to test first
        #[arg(long)]
        map: bool,
    },
    /// Design and list test cards for a canvas's assumptions
    #[command(
        subcommand,
        after_help = "Examples:\n  canvas-coach test add brew-box.toml --item vp2\n  canvas-coach test list brew-box.toml"
    )]
    Test(TestCommand),
    /// Record what a test showed, change the tested items' status and add the evidence
    #[command(after_help = "Examples:
  canvas-coach learn brew-box.toml t1      a short form, then each tested item's status
  canvas-coach learn brew-box.toml t1 --no-input --observation \"9 of 40 took it\" \\
      --insight \"Brewing method matters\" --decision persevere --strength pay --status validated")]
    Learn(Learn),
    /// Show what changed between two iterations of a canvas
    #[command(after_help = "Examples:
  canvas-coach diff brew-box.toml.bak brew-box.toml
  canvas-coach diff old.toml new.toml --format md > session-summary.md")]
    Diff {
        /// The earlier canvas
        old: PathBuf,
        /// The later canvas
        new: PathBuf,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Print the JSON Schema of the canvas file, for editors that check TOML
    #[command(
        after_help = "Example:\n  canvas-coach schema > canvas.schema.json\n  then put `#:schema ./canvas.schema.json` on the first line of a canvas file"
    )]
    Schema,
    /// List, export and check question banks
    #[command(
        subcommand,
        after_help = "Examples:\n  canvas-coach bank list\n  canvas-coach bank export en > my-bank.toml\n  canvas-coach bank check my-bank.toml"
    )]
    Bank(BankCommand),
    /// Print a completion script for a shell
    #[command(after_help = "Examples:
  canvas-coach completions bash > ~/.local/share/bash-completion/completions/canvas-coach
  canvas-coach completions zsh > ~/.zfunc/_canvas-coach
  canvas-coach completions fish > ~/.config/fish/completions/canvas-coach.fish")]
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, in roff
    #[command(after_help = "Examples:
  canvas-coach man > ~/.local/share/man/man1/canvas-coach.1
  canvas-coach man | man -l -")]
    Man,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// List the built-in question banks
    #[command(after_help = "Example:\n  canvas-coach bank list")]
    List,
    /// Print a built-in bank, to save and edit as your own
    #[command(after_help = "Example:\n  canvas-coach bank export en > my-bank.toml")]
    Export {
        /// Language of the bank
        #[arg(value_enum)]
        language: Language,
    },
    /// Check a question bank file, naming the file, line and block of a problem
    #[command(after_help = "Example:\n  canvas-coach bank check my-bank.toml")]
    Check {
        /// The bank file
        file: PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn every_command_s_help_has_examples() {
        fn check(command: &clap::Command, path: &str) {
            let help = command
                .get_after_help()
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(
                help.contains("canvas-coach "),
                "{path} has no examples in its help"
            );
            for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
                check(sub, &format!("{path} {}", sub.get_name()));
            }
        }
        Cli::command().debug_assert();
        check(&Cli::command(), "canvas-coach");
    }
}
