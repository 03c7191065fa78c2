//! The command line: subcommands, flags and their help.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::block::BlockId;

const EXAMPLES: &str = "\
Examples:
  canvas-coach interview brew-box.toml     fill a new canvas, or revise an existing one
  canvas-coach interview brew-box.toml --blocks channels,revenue_streams
  canvas-coach check brew-box.toml         print the gap report of a canvas
  canvas-coach check cohort-2026/          a table of every canvas in a folder
  canvas-coach check a.toml --format json  the report as JSON, for other tools

Exit status: 0 ok, 1 gaps found (check), 2 usage or input error, 130 interrupted.";

/// A coaching assistant for the Business Model Canvas: it interviews you block by block,
/// writes the canvas to a TOML file and reports what is missing or inconsistent.
#[derive(Debug, Parser)]
#[command(name = "canvas-coach", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk through the nine blocks and write the canvas file (needs a terminal)
    #[command(after_help = "Example:\n  canvas-coach interview brew-box.toml")]
    Interview {
        /// The canvas file to write; an existing canvas is revised
        file: PathBuf,
        /// Walk only these blocks, comma-separated (e.g. channels,revenue_streams)
        #[arg(long, value_name = "BLOCKS", value_delimiter = ',')]
        blocks: Option<Vec<BlockId>>,
        /// Ask the questions of this question bank instead of the built-in one
        #[arg(long, value_name = "PATH")]
        bank: Option<PathBuf>,
    },
    /// Print the gap report of a canvas, or a table for many; exits 1 when any has gaps
    #[command(after_help = "Examples:
  canvas-coach check brew-box.toml
  canvas-coach check cohort-2026/              a table of every *.toml canvas in the folder
  canvas-coach check a.toml b.toml --format json")]
    Check {
        /// Canvas files, or folders to search for *.toml canvases
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        files: Vec<PathBuf>,
        /// `text` for people (one report, or a table for many), `json` for other tools
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Judge the canvases against this question bank instead of the built-in one
        #[arg(long, value_name = "PATH")]
        bank: Option<PathBuf>,
    },
}
