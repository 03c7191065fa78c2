//! The command line of testing: `test add`, `test list` and `learn`.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};

use crate::model::{Decision, Status, Strength};

#[derive(Debug, Subcommand)]
pub enum TestCommand {
    /// Design a test card for items of a canvas: hypothesis, experiment, metric, success
    /// criterion and deadline
    #[command(after_help = "Examples:
  canvas-coach test add brew-box.toml --item vp2     a short form, the hypothesis suggested
  canvas-coach test add brew-box.toml --item vp2 --no-input \\
      --hypothesis \"We believe that home brewers pay more for a matched roast\" \\
      --experiment \"Offer it at 2 EUR extra to 40 subscribers\" --metric \"Share who take it\" \\
      --criterion \"We are right if 8 of 40 take it\" --deadline 2026-12-15 --cost \"80 EUR\"")]
    Add(TestAdd),
    /// List a canvas's tests, open ones first, overdue ones marked
    #[command(after_help = "Example:\n  canvas-coach test list brew-box.toml")]
    List {
        /// The canvas file
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct TestAdd {
    /// The canvas file
    pub file: PathBuf,
    /// The id of an item to test (repeatable, or comma-separated)
    #[arg(long = "item", value_name = "ID", value_delimiter = ',')]
    pub items: Vec<String>,
    /// "We believe that …" (default: a sentence made from the first item)
    #[arg(long)]
    pub hypothesis: Option<String>,
    /// What will be done to find out
    #[arg(long)]
    pub experiment: Option<String>,
    /// What will be measured
    #[arg(long)]
    pub metric: Option<String>,
    /// "We are right if …"
    #[arg(long)]
    pub criterion: Option<String>,
    /// The date it is due, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub deadline: Option<String>,
    /// What it costs: an amount such as "80 EUR", or a few words
    #[arg(long)]
    pub cost: Option<String>,
    /// Never prompt: add the test from the flags
    #[arg(long)]
    pub no_input: bool,
}

#[derive(Debug, Args)]
pub struct Learn {
    /// The canvas file
    pub file: PathBuf,
    /// The test learned from, such as t1
    pub test: String,
    /// What was seen (required with --no-input)
    #[arg(long)]
    pub observation: Option<String>,
    /// What it means
    #[arg(long)]
    pub insight: Option<String>,
    /// What was decided
    #[arg(long, value_parser = decision())]
    pub decision: Option<Decision>,
    /// How strong the evidence is: say < do < pay
    #[arg(long, value_parser = strength())]
    pub strength: Option<Strength>,
    /// The tested items' new status
    #[arg(long, value_parser = status())]
    pub status: Option<Status>,
    /// Never prompt: record the learning from the flags
    #[arg(long)]
    pub no_input: bool,
}

fn decision() -> impl TypedValueParser<Value = Decision> {
    PossibleValuesParser::new(Decision::ALL.map(Decision::id)).map(|id| {
        *Decision::ALL
            .iter()
            .find(|d| d.id() == id)
            .expect("an offered id")
    })
}

fn strength() -> impl TypedValueParser<Value = Strength> {
    PossibleValuesParser::new(Strength::ALL.map(Strength::id)).map(|id| {
        *Strength::ALL
            .iter()
            .find(|s| s.id() == id)
            .expect("an offered id")
    })
}

fn status() -> impl TypedValueParser<Value = Status> {
    PossibleValuesParser::new(Status::ALL.map(Status::id))
        .map(|id| *Status::ALL.iter().find(|s| s.id() == id).expect("an offered id"))
}
