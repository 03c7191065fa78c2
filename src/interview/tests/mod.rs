//! Interviews driven by a scripted prompter: whole walks, revisions, drafts and sessions.

mod amounts;
mod bike_repair;
mod conflicts;
mod drafts;
mod given;
mod revise;
mod session;
mod sitting;
mod walk;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::clock::Clock;
use super::coach::Coaching;
use super::scripted::{Answer, ScriptedPrompter};
use super::session::{Ending, OnDisk, Options, Session};
use super::walk::{Details, Interview, Outcome, Plan};
use crate::bank::{Bank, Form};
use crate::error::Error;
use crate::file::draft::{backup_path, draft_path};
use crate::i18n::{Language, Messages};
use crate::model::{BlockId, Canvas, Sitting, Status, merge_picks};

use Answer::*;

/// An item's text, and the link ticks to give when the interview asks for them.
type ScriptedItem = (&'static str, Option<&'static [usize]>);

pub(super) struct Setup {
    bank: &'static Bank,
    messages: &'static Messages,
}

impl Setup {
    fn new() -> Self {
        Setup {
            bank: Bank::builtin(Language::En),
            messages: Messages::get(Language::En),
        }
    }

    fn interview(&self) -> Interview<'_> {
        Interview::new(self.bank, self.messages, "2026-11-23".into())
    }

    /// Revises one block of `canvas` with `script`; the prompter is returned for assertions.
    fn revise_block(&self, canvas: &mut Canvas, block: BlockId, script: Vec<Answer>) -> ScriptedPrompter {
        let plan = Plan::of(vec![block], Details::Skip);
        let (outcome, prompter, _) = self.run_with_checkpoints(canvas, &plan, script);
        outcome.unwrap();
        prompter
    }

    /// Walks `plan` over `canvas` with `script`; also returns the position of every checkpoint.
    fn run_with_checkpoints(
        &self,
        canvas: &mut Canvas,
        plan: &Plan,
        script: Vec<Answer>,
    ) -> (io::Result<Outcome>, ScriptedPrompter, Vec<usize>) {
        let mut prompter = ScriptedPrompter::new(script);
        let mut checkpoints = Vec::new();
        let outcome = self
            .interview()
            .run(canvas, plan, &mut prompter, &mut |_, stands| {
                checkpoints.push(stands.next);
                Ok(())
            });
        (outcome, prompter, checkpoints)
    }

    /// Enter on every question, pick and block-wide list of a block that has items: its
    /// answers and choices stay, and the item menu is left as it is.
    fn keep_answers(&self, block: BlockId) -> Vec<Answer> {
        let asked = self.bank.block(block);
        let mut script = Vec::new();
        if asked.items_question().is_none() {
            script.push(Choose("Done with the items"));
        }
        for question in &asked.questions {
            match question.form {
                Form::Text => script.push(Keep),
                Form::Pick => script.push(KeepTicks),
                Form::Items => script.push(Choose("Done with the items")),
                Form::Links => {}
            }
        }
        script.extend(asked.block_groups().map(|_| KeepTicks));
        script
    }

    /// A new block: answers every text question, adds `items` as lines, gives each item the
    /// link ticks listed and the first option of its own groups, tests none, picks the first
    /// item for every pick and ticks the first option of every block-wide group.
    fn block(&self, block: BlockId, items: &[ScriptedItem]) -> Vec<Answer> {
        let asked = self.bank.block(block);
        let lines: Vec<&'static str> = items.iter().map(|(text, _)| *text).collect();
        let mut item_steps = vec![Lines(Box::leak(lines.into_boxed_slice()))];
        for (_, links) in items {
            item_steps.extend(links.map(Ticks));
            item_steps.extend(asked.item_groups().map(|_| Ticks(&[0])));
        }
        if !items.is_empty() {
            item_steps.push(Ticks(&[])); // none tested yet
        }
        self.script(
            block,
            item_steps,
            &Text("an answer in several words"),
            &Ticks(&[0]),
        )
    }

    /// A block's steps in order: `item_steps` where its items are asked, `text` for every
    /// question in words, `ticks` for every pick and block-wide group.
    fn script(
        &self,
        block: BlockId,
        mut item_steps: Vec<Answer>,
        text: &Answer,
        ticks: &Answer,
    ) -> Vec<Answer> {
        let asked = self.bank.block(block);
        let mut script = Vec::new();
        if asked.items_question().is_none() {
            script.append(&mut item_steps);
        }
        for question in &asked.questions {
            match question.form {
                Form::Text => script.push(text.clone()),
                Form::Pick => script.push(ticks.clone()),
                Form::Items => script.append(&mut item_steps),
                Form::Links => {}
            }
        }
        script.extend(asked.block_groups().map(|_| ticks.clone()));
        script
    }
}

/// The complete example canvas, to revise.
fn brew_box() -> Canvas {
    crate::file::parse_canvas(
        Path::new("brew-box.toml"),
        include_str!("../../../examples/brew-box.toml"),
    )
    .unwrap()
}

fn details() -> Vec<Answer> {
    vec![Text("Brew Box"), Text("Brew Box GmbH"), Text("Ana Ruiz"), Keep]
}

fn run(setup: &Setup, canvas: &mut Canvas, answers: Vec<Answer>) -> (io::Result<Outcome>, ScriptedPrompter) {
    let mut prompter = ScriptedPrompter::new(answers);
    let plan = Plan::of(BlockId::ALL.to_vec(), Details::All);
    let outcome = setup
        .interview()
        .run(canvas, &plan, &mut prompter, &mut |_, _| Ok(()));
    (outcome, prompter)
}

const TODAY: &str = "2026-12-01";

pub(super) struct Fixture {
    dir: tempfile::TempDir,
    bank: &'static Bank,
    messages: &'static Messages,
}

impl Fixture {
    fn new() -> Self {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
            bank: Bank::builtin(Language::En),
            messages: Messages::get(Language::En),
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("brew-box.toml")
    }

    fn with_example(self) -> Self {
        let text = include_str!("../../../examples/brew-box.toml")
            .replace("reach_now = \"Instagram reels, a newsletter, and a referral code in every box.\"",
                     "reach_now = \"Instagram reels, a newsletter, and a referral code in every box.\"   # from the interviews")
            .replace("[channels.categories]", "# Phases checked with Ana on 2026-11-20\n[channels.categories]");
        fs::write(self.path(), text).unwrap();
        self
    }

    /// The half-finished example in place of the canvas.
    fn with_half_finished(self) -> Self {
        fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/examples/half-finished.toml"),
            self.path(),
        )
        .unwrap();
        self
    }

    /// A session on what is at `path` now, in English.
    fn session<'a>(&'a self, path: &'a Path) -> Session<'a> {
        Session::new(
            path,
            OnDisk::read(path).unwrap(),
            self.bank,
            self.messages,
            TODAY.into(),
        )
    }

    fn run(
        &self,
        only: Option<Vec<BlockId>>,
        script: Vec<Answer>,
    ) -> (Result<(Ending, Canvas), Error>, ScriptedPrompter) {
        let path = self.path();
        let session = self.session(&path);
        let mut prompter = ScriptedPrompter::new(script);
        let result = session.run(
            Options {
                only,
                ..Options::default()
            },
            &mut prompter,
        );
        (result, prompter)
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Keeps every answer and choice of a block, and its items.
    fn keep_block(&self, block: BlockId) -> Vec<Answer> {
        Setup::new().keep_answers(block)
    }

    /// A new block: every text question answered, the first item picked and the first option
    /// of every group ticked, one item linked to the first offered.
    fn new_block(&self, block: BlockId, item: &'static str) -> Vec<Answer> {
        let asked = self.bank.block(block);
        let mut item_steps = vec![Lines(Box::leak(vec![item].into_boxed_slice()))];
        if !block.link_targets().is_empty() {
            item_steps.push(Ticks(&[0]));
        }
        item_steps.extend(asked.item_groups().map(|_| Ticks(&[0])));
        item_steps.push(Ticks(&[])); // none tested yet
        Setup::new().script(block, item_steps, &Text("said in several words"), &Ticks(&[0]))
    }

    /// Going on at the coach's check after a block made by `new_block`, where it has new gaps:
    /// one item covers one channel phase only, the one revenue stream states no price, and the
    /// one cost item links to a resource.
    fn check_after(&self, block: BlockId) -> Vec<Answer> {
        match block {
            BlockId::Channels | BlockId::RevenueStreams | BlockId::CostStructure => vec![Enter],
            _ => Vec::new(),
        }
    }
}
