//! One interview on one canvas file: starting a new canvas or revising an existing one, resuming
//! an interrupted run from its draft, keeping the previous version as a backup, and the final
//! write. Files are only read until the person has answered; every write is atomic.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml_edit::DocumentMut;

use crate::bank::Bank;
use crate::block::BlockId;
use crate::canvas::Canvas;
use crate::document;
use crate::error::{Error, Invalid, Problem};
use crate::gaps::GapReport;
use crate::given::Given;
use crate::interview::{Coaching, Details, Interview, Outcome, Plan};
use crate::messages::{Messages, fill};
use crate::prompt::{Prompter, Say};
use crate::store;

/// A canvas file as read: the model, the document to rewrite in place and the exact text.
pub struct Loaded {
    pub canvas: Canvas,
    pub doc: DocumentMut,
    pub text: String,
}

/// Reads and parses a canvas file to rewrite it; `Ok(None)` when there is no file yet.
pub fn load(path: &Path) -> Result<Option<Loaded>, Error> {
    let Some(text) = read_text(path)? else {
        return Ok(None);
    };
    let canvas = Canvas::parse(path, &text)?;
    let doc = text
        .parse::<DocumentMut>()
        .map_err(|e| Invalid::new(path, Problem::new("toml").with("detail", e.message().trim_end())))?;
    Ok(Some(Loaded { canvas, doc, text }))
}

/// Reads and parses a canvas file only to look at it; `Ok(None)` when there is no file.
pub fn read(path: &Path) -> Result<Option<Canvas>, Error> {
    let Some(text) = read_text(path)? else {
        return Ok(None);
    };
    Ok(Some(Canvas::parse(path, &text)?))
}

/// Reads a canvas that must exist: a missing file is an error.
pub fn read_existing(path: &Path) -> Result<Canvas, Error> {
    read(path)?.ok_or_else(|| Error::Read {
        path: path.to_path_buf(),
        source: io::ErrorKind::NotFound.into(),
    })
}

fn read_text(path: &Path) -> Result<Option<String>, Error> {
    match store::read_text(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if store::is_not_found(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Where the answers of finished blocks wait while an interview is under way.
pub fn draft_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".draft");
    PathBuf::from(name)
}

/// Where the previous version of a revised canvas is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// The interview's place, stored in the draft's `[draft]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftState {
    blocks: Vec<String>,
    next: usize,
    /// The iteration being revised; absent for a new canvas.
    revision_of: Option<u32>,
}

#[derive(Serialize, Deserialize)]
struct DraftFile {
    draft: DraftState,
}

struct Draft {
    canvas: Canvas,
    plan: Plan,
    revision_of: Option<u32>,
}

fn load_draft(path: &Path) -> Result<Option<Draft>, Error> {
    let Some(text) = read_text(path)? else {
        return Ok(None);
    };
    let canvas = Canvas::parse(path, &text)?;
    let DraftFile { draft } = toml::from_str(&text).map_err(|e| crate::error::from_toml(path, &text, &e))?;
    let blocks = draft
        .blocks
        .iter()
        .map(|b| b.parse::<BlockId>().ok())
        .collect::<Option<Vec<_>>>()
        .filter(|blocks| !blocks.is_empty() && draft.next <= blocks.len());
    let Some(blocks) = blocks else {
        return Err(Invalid::new(path, Problem::new("draft_out_of_range")).into());
    };
    let plan = Plan {
        blocks,
        start: draft.next,
        details: Details::Skip,
    };
    Ok(Some(Draft {
        canvas,
        plan,
        revision_of: draft.revision_of,
    }))
}

/// What a session does besides asking every question.
#[derive(Default)]
pub struct Options<'a> {
    /// Walk only these blocks.
    pub only: Option<Vec<BlockId>>,
    /// Coach mode.
    pub coaching: Option<Coaching<'a>>,
    /// Values supplied without asking.
    pub given: Given,
    /// Ask only the questions that are unanswered or that the gap report points to.
    pub only_gaps: bool,
}

/// How a session ended.
pub enum Ending {
    /// The canvas was written; `paused` when the person saved part-way.
    Saved { paused: bool, backup: Option<PathBuf> },
    /// Nothing changed, so nothing was written.
    Unchanged,
    /// The person only wanted the gap report.
    ReportOnly,
}

/// What is on disk before the interview: the canvas, if any, and a draft, if any.
pub struct OnDisk {
    existing: Option<Loaded>,
    draft: Option<Draft>,
}

impl OnDisk {
    /// Reads the canvas and any draft, refusing malformed ones before a question is asked.
    pub fn read(path: &Path) -> Result<OnDisk, Error> {
        Ok(OnDisk {
            existing: load(path)?,
            draft: load_draft(&draft_path(path))?,
        })
    }

    /// The language the canvas (or its draft) was written in.
    pub fn language(&self) -> Option<&str> {
        let canvas = self
            .draft
            .as_ref()
            .map(|d| &d.canvas)
            .or(self.existing.as_ref().map(|e| &e.canvas))?;
        Some(canvas.meta.language.as_str())
    }
}

pub struct Session<'a> {
    pub path: &'a Path,
    pub bank: &'a Bank,
    pub messages: &'a Messages,
    pub today: String,
    existing: Option<Loaded>,
    draft: Option<Draft>,
}

impl<'a> Session<'a> {
    pub fn new(
        path: &'a Path,
        on_disk: OnDisk,
        bank: &'a Bank,
        messages: &'a Messages,
        today: String,
    ) -> Self {
        let OnDisk { existing, draft } = on_disk;
        Session {
            path,
            bank,
            messages,
            today,
            existing,
            draft,
        }
    }

    /// Reads what is on disk and starts a session with the given bank and messages.
    pub fn open(
        path: &'a Path,
        bank: &'a Bank,
        messages: &'a Messages,
        today: String,
    ) -> Result<Self, Error> {
        Ok(Session::new(path, OnDisk::read(path)?, bank, messages, today))
    }

    /// Runs the interview and writes the result; returns how it ended and the canvas as it now is.
    pub fn run(
        mut self,
        options: Options<'_>,
        prompter: &mut dyn Prompter,
    ) -> Result<(Ending, Canvas), Error> {
        let m = &self.messages.session;
        let mut start = None;
        if let Some(draft) = self.draft.take() {
            let done = draft.plan.start.to_string();
            let total = draft.plan.blocks.len().to_string();
            prompter.say(Say::Note(&fill(
                &m.draft_found,
                &[("done", &done), ("total", &total)],
            )));
            let choices = [m.draft_resume.clone(), m.draft_discard.clone()];
            if prompter
                .select(&m.draft_question, &choices, 0)
                .map_err(Error::Prompt)?
                == 0
            {
                start = Some((draft.canvas, draft.plan, draft.revision_of));
            } else {
                remove_draft(self.path)?;
            }
        }
        let planned = match start {
            Some(resumed) => Some(resumed),
            None if options.only_gaps => self.gaps_plan(),
            None => self.plan(options.only, prompter)?,
        };
        let Some((mut canvas, plan, revision_of)) = planned else {
            let canvas = self.existing.map(|e| e.canvas).unwrap_or_default();
            return Ok((Ending::ReportOnly, canvas));
        };
        canvas.meta.language.clone_from(&self.bank.language);
        options.given.apply(&mut canvas);

        let coached = options.coaching.is_some();
        let only_questions = options.only_gaps.then(|| self.open_questions(&canvas));
        let interview = Interview {
            coaching: options.coaching,
            given: options.given,
            only_questions,
            ..Interview::new(self.bank, self.messages, self.today.clone())
        };
        let draft = draft_path(self.path);
        let mut checkpoint = |canvas: &Canvas, next: usize| -> io::Result<()> {
            let blocks = plan.blocks.iter().map(|b| b.key().to_owned()).collect();
            let state = DraftState {
                blocks,
                next,
                revision_of,
            };
            self.write_draft(&draft, canvas, &state).map_err(io::Error::other)
        };
        let outcome = interview
            .run(&mut canvas, &plan, prompter, &mut checkpoint)
            .map_err(Error::Prompt)?;
        let paused = outcome == Outcome::Paused;
        let path = self.path;
        let ending = self.save(canvas, revision_of, paused, coached)?;
        if !paused {
            remove_draft(path)?;
        }
        Ok(ending)
    }

    /// Saves what was given, asking nothing: `--no-input`. A new canvas needs at least a title.
    /// With `only_gaps`, every open question must be answered by what was given.
    pub fn run_without_asking(self, given: &Given, only_gaps: bool) -> Result<(Ending, Canvas), Error> {
        let (mut canvas, revision_of) = match &self.existing {
            Some(existing) => (existing.canvas.clone(), Some(existing.canvas.meta.iteration)),
            None => {
                let mut canvas = Canvas::default();
                canvas.meta.date.clone_from(&self.today);
                (canvas, None)
            }
        };
        given.apply(&mut canvas);
        if canvas.meta.title.trim().is_empty() {
            return Err(Error::Usage(Problem::new("required").with("key", "meta.title")));
        }
        if only_gaps {
            // An answered question a gap points to could be improved, but nothing lacks there.
            let mut open: Vec<(BlockId, String)> = self
                .open_questions(&canvas)
                .into_iter()
                .filter(|(b, q)| canvas.block(*b).answer(q).is_none())
                .collect();
            // The first in the order the interview would ask them.
            let asked_at =
                |b: BlockId, q: &str| self.bank.block(b).questions.iter().position(|x| x.id() == q);
            open.sort_by_key(|(b, q)| (*b, asked_at(*b, q)));
            if let Some((block, question)) = open.first() {
                return Err(Error::Usage(
                    Problem::new("required").with("key", format!("{block}.{question}")),
                ));
            }
        }
        canvas.meta.language.clone_from(&self.bank.language);
        self.save(canvas, revision_of, false, false)
    }

    /// Writes the canvas when anything changed: a changed canvas becomes the next iteration,
    /// dated today, and the previous version is kept as a backup.
    fn save(
        self,
        mut canvas: Canvas,
        revision_of: Option<u32>,
        paused: bool,
        coached: bool,
    ) -> Result<(Ending, Canvas), Error> {
        let content_changed = self
            .existing
            .as_ref()
            .is_none_or(|e| !same_content(&e.canvas, &canvas));
        let sittings_changed = self
            .existing
            .as_ref()
            .is_some_and(|e| e.canvas.sessions != canvas.sessions);
        if !content_changed && !sittings_changed {
            return Ok((Ending::Unchanged, canvas));
        }
        // A coach's record of time spent is saved, but only a change to the canvas is a new iteration.
        if let Some(base) = revision_of.filter(|_| content_changed) {
            canvas.meta.iteration = base + 1;
            canvas.meta.date.clone_from(&self.today);
        }
        if let Some(sitting) = canvas.sessions.last_mut().filter(|_| coached) {
            sitting.iteration = canvas.meta.iteration;
        }
        let backup = match &self.existing {
            Some(existing) => {
                let backup = backup_path(self.path);
                store::write_atomic(&backup, &existing.text)?;
                Some(backup)
            }
            None => None,
        };
        let report = GapReport::new(&canvas, self.bank, self.messages);
        let doc = self.existing.map(|e| e.doc);
        store::write_atomic(self.path, &document::render(doc, &canvas, &report))?;
        Ok((Ending::Saved { paused, backup }, canvas))
    }

    /// For `--only-gaps`: the blocks with a question that is unanswered or that a gap points to.
    fn gaps_plan(&self) -> Option<(Canvas, Plan, Option<u32>)> {
        let canvas = self
            .existing
            .as_ref()
            .map(|e| e.canvas.clone())
            .unwrap_or_default();
        let mut blocks: Vec<BlockId> = self.open_questions(&canvas).into_iter().map(|(b, _)| b).collect();
        blocks.sort();
        blocks.dedup();
        if blocks.is_empty() {
            return None;
        }
        let revision_of = self.existing.as_ref().map(|e| e.canvas.meta.iteration);
        let details = if self.existing.is_some() {
            Details::Skip
        } else {
            Details::All
        };
        Some((
            canvas,
            Plan {
                blocks,
                start: 0,
                details,
            },
            revision_of,
        ))
    }

    /// Questions unanswered or pointed to by a gap.
    fn open_questions(&self, canvas: &Canvas) -> HashSet<(BlockId, String)> {
        let report = GapReport::new(canvas, self.bank, self.messages);
        report
            .gaps
            .iter()
            .filter_map(|gap| Some((gap.block, gap.question.clone()?)))
            .collect()
    }

    /// Decides what to walk: everything for a new canvas, or what the person picks for a revision.
    /// `None` when they only want the report.
    fn plan(
        &self,
        only: Option<Vec<BlockId>>,
        prompter: &mut dyn Prompter,
    ) -> Result<Option<(Canvas, Plan, Option<u32>)>, Error> {
        let Some(existing) = &self.existing else {
            let plan = match only {
                Some(blocks) => Plan {
                    blocks,
                    start: 0,
                    details: Details::All,
                },
                None => Plan::every_block(Details::All),
            };
            return Ok(Some((Canvas::default(), plan, None)));
        };
        let canvas = existing.canvas.clone();
        let revision_of = Some(canvas.meta.iteration);
        if let Some(blocks) = only {
            return Ok(Some((
                canvas,
                Plan {
                    blocks,
                    start: 0,
                    details: Details::Skip,
                },
                revision_of,
            )));
        }
        let m = &self.messages.session;
        let title = fill(
            &m.revising,
            &[
                ("title", &canvas.meta.title),
                ("iteration", &canvas.meta.iteration.to_string()),
            ],
        );
        prompter.say(Say::Heading(&title));
        let options = [
            m.revise_every.clone(),
            m.revise_chosen.clone(),
            m.revise_report_only.clone(),
        ];
        let plan = match prompter
            .select(&m.revise_question, &options, 0)
            .map_err(Error::Prompt)?
        {
            0 => Plan::every_block(Details::Names),
            1 => {
                let report = GapReport::new(&canvas, self.bank, self.messages);
                let gaps_in = |b: BlockId| report.gaps.iter().filter(|g| g.block == b).count();
                let labels: Vec<String> = BlockId::ALL
                    .iter()
                    .map(|&b| {
                        let title = &self.bank.block(b).title;
                        fill(
                            &m.block_gaps,
                            &[("block", title), ("count", &gaps_in(b).to_string())],
                        )
                    })
                    .collect();
                let ticked: Vec<bool> = BlockId::ALL.iter().map(|&b| gaps_in(b) > 0).collect();
                let picks = prompter
                    .multi_select(&m.choose_blocks, &labels, &ticked)
                    .map_err(Error::Prompt)?;
                if picks.is_empty() {
                    return Ok(None);
                }
                Plan {
                    blocks: picks.into_iter().map(|i| BlockId::ALL[i]).collect(),
                    start: 0,
                    details: Details::Skip,
                }
            }
            _ => return Ok(None),
        };
        Ok(Some((canvas, plan, revision_of)))
    }

    fn write_draft(&self, path: &Path, canvas: &Canvas, state: &DraftState) -> Result<(), Error> {
        let report = GapReport::new(canvas, self.bank, self.messages);
        let mut text = document::render(None, canvas, &report);
        text.push_str("\n# Where the interrupted interview stands; removed once it is finished.\n");
        let state = DraftFile { draft: state.clone() };
        text.push_str(&toml::to_string(&state).expect("the draft state serialises"));
        store::write_atomic(path, &text)
    }
}

fn remove_draft(path: &Path) -> Result<(), Error> {
    let draft = draft_path(path);
    match fs::remove_file(&draft) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(Error::Write {
            path: draft,
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Whether two canvases say the same, apart from what a save sets — the date, the iteration and
/// the language of the bank it was revised with — and the record of coach-mode sittings.
fn same_content(a: &Canvas, b: &Canvas) -> bool {
    let mut b = b.clone();
    b.sessions.clone_from(&a.sessions);
    b.meta.date.clone_from(&a.meta.date);
    b.meta.iteration = a.meta.iteration;
    b.meta.language.clone_from(&a.meta.language);
    *a == b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompt::scripted::{Answer, ScriptedPrompter};

    use Answer::*;

    const TODAY: &str = "2026-12-01";

    struct Fixture {
        dir: tempfile::TempDir,
        bank: &'static Bank,
        messages: &'static Messages,
    }

    impl Fixture {
        fn new() -> Self {
            Fixture {
                dir: tempfile::tempdir().unwrap(),
                bank: Bank::builtin("en").unwrap(),
                messages: Messages::get("en"),
            }
        }

        fn path(&self) -> PathBuf {
            self.dir.path().join("brew-box.toml")
        }

        fn with_example(self) -> Self {
            let text = include_str!("../examples/brew-box.toml")
                .replace("reach_now = \"Instagram reels, a newsletter, and a referral code in every box.\"",
                         "reach_now = \"Instagram reels, a newsletter, and a referral code in every box.\"   # from the interviews")
                .replace("[channels.categories]", "# Phases checked with Ana on 2026-11-20\n[channels.categories]");
            fs::write(self.path(), text).unwrap();
            self
        }

        fn run(
            &self,
            only: Option<Vec<BlockId>>,
            script: Vec<Answer>,
        ) -> (Result<(Ending, Canvas), Error>, ScriptedPrompter) {
            let path = self.path();
            let session = Session::open(&path, self.bank, self.messages, TODAY.into()).unwrap();
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
            let asked = self.bank.block(block);
            let mut script: Vec<Answer> = asked.questions.iter().map(|_| Keep).collect();
            script.extend(asked.block_groups().map(|_| KeepTicks));
            script.push(Pick(0)); // done with the items
            script
        }

        /// A new block: one answer, nothing ticked, one item linked to the first offered.
        fn new_block(&self, block: BlockId, item: &'static str) -> Vec<Answer> {
            let asked = self.bank.block(block);
            let mut script: Vec<Answer> = asked.questions.iter().map(|_| Text("said")).collect();
            script.extend(asked.block_groups().map(|_| Ticks(&[])));
            script.push(Text(item));
            if !block.link_targets().is_empty() {
                script.push(Ticks(&[0]));
            }
            script.extend(asked.item_groups().map(|_| Ticks(&[])));
            script.push(Pick(0)); // still an assumption
            script.push(Text(""));
            script
        }
    }

    #[test]
    fn changing_one_answer_keeps_every_other_byte_but_iteration_date_and_report() {
        let f = Fixture::new().with_example();
        let before = fs::read_to_string(f.path()).unwrap();
        let asked = f.bank.block(BlockId::Channels);
        let mut script = f.keep_block(BlockId::Channels);
        let at = asked
            .questions
            .iter()
            .position(|q| q.id() == "reach_now")
            .unwrap();
        script[at] = Text("Referral codes first, then Instagram.");
        script.push(Pick(0)); // finish
        let (result, prompter) = f.run(Some(vec![BlockId::Channels]), script);
        assert!(matches!(
            result.unwrap().0,
            Ending::Saved {
                paused: false,
                backup: Some(_)
            }
        ));
        assert!(prompter.is_done());

        let after = fs::read_to_string(f.path()).unwrap();
        let (canvas_part, report_part) = after.split_once("\n# Written by canvas-coach").unwrap();
        assert!(
            report_part.contains("[gap_report]\nscore = 100\n"),
            "{report_part}"
        );
        let old: Vec<&str> = before.lines().collect();
        let new: Vec<&str> = canvas_part.lines().collect();
        assert_eq!(old.len(), new.len());
        let changed: Vec<(&str, &str)> = old
            .iter()
            .zip(&new)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (*a, *b))
            .collect();
        assert_eq!(
            changed,
            [
                ("date = \"2026-11-23\"", "date = \"2026-12-01\""),
                ("iteration = 3", "iteration = 4"),
                (
                    "reach_now = \"Instagram reels, a newsletter, and a referral code in every box.\"   # from the interviews",
                    "reach_now = \"Referral codes first, then Instagram.\"   # from the interviews"
                ),
            ]
        );
        assert_eq!(
            fs::read_to_string(backup_path(&f.path())).unwrap(),
            before,
            "the previous version is kept"
        );
        assert_eq!(f.files(), ["brew-box.toml", "brew-box.toml.bak"], "no draft left");
    }

    #[test]
    fn revising_without_changes_writes_nothing() {
        let f = Fixture::new().with_example();
        let before = fs::read_to_string(f.path()).unwrap();
        let mut script = vec![Pick(0), Keep, Keep, Keep]; // revise every block; names kept
        for block in BlockId::ALL {
            script.extend(f.keep_block(block));
            script.push(Pick(0));
        }
        let (result, prompter) = f.run(None, script);
        let ending = result
            .unwrap_or_else(|e| panic!("{e}\n{:#?}", prompter.transcript))
            .0;
        assert!(matches!(ending, Ending::Unchanged));
        assert!(prompter.is_done());
        assert!(
            prompter
                .transcript
                .iter()
                .any(|l| l.contains("Revising Brew Box, iteration 3"))
        );
        assert_eq!(fs::read_to_string(f.path()).unwrap(), before);
        assert_eq!(f.files(), ["brew-box.toml"]);
    }

    #[test]
    fn chosen_blocks_are_the_ones_with_gaps_unless_changed_and_report_only_writes_nothing() {
        let f = Fixture::new();
        fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/examples/half-finished.toml"),
            f.path(),
        )
        .unwrap();
        // Revise chosen blocks; take the suggested ones as they are, then save and quit at once.
        let (result, prompter) = f.run(None, vec![Pick(1), KeepTicks]);
        assert!(result.is_err(), "the script ends inside the first chosen block");
        let choose = prompter
            .transcript
            .iter()
            .position(|l| l.starts_with("? Which blocks?"))
            .unwrap();
        assert_eq!(
            prompter.transcript[choose + 1],
            "[1/9] block 1/9 · Customer Segments",
            "all nine have gaps"
        );

        let before = fs::read_to_string(f.path()).unwrap();
        fs::remove_file(draft_path(&f.path())).ok();
        let (result, _) = f.run(None, vec![Pick(2)]);
        assert!(matches!(result.unwrap().0, Ending::ReportOnly));
        assert_eq!(fs::read_to_string(f.path()).unwrap(), before);
        assert_eq!(f.files(), ["brew-box.toml"]);
    }

    #[test]
    fn an_interrupted_interview_resumes_from_its_draft_with_every_finished_block() {
        let f = Fixture::new();
        let mut script = vec![Text("Brew Box"), Text(""), Text(""), Keep, Keep];
        script.extend(f.new_block(BlockId::CustomerSegments, "Remote workers"));
        script.push(Pick(0));
        script.extend(f.new_block(BlockId::ValuePropositions, "Fresh beans"));
        script.push(Pick(0));
        script.push(Text("half an answer, then the terminal closes"));
        let (result, _) = f.run(None, script);
        assert!(matches!(result, Err(Error::Prompt(_))));
        assert_eq!(
            f.files(),
            ["brew-box.toml.draft"],
            "the canvas is not written, the draft is"
        );

        // Resume: the two finished blocks are there; go on from Channels to the end.
        let mut script = vec![Pick(0)];
        for block in &BlockId::ALL[2..] {
            script.extend(f.new_block(*block, "note"));
            script.push(Pick(0));
        }
        let (result, prompter) = f.run(None, script);
        let (ending, canvas) = result.unwrap();
        assert!(matches!(
            ending,
            Ending::Saved {
                paused: false,
                backup: None
            }
        ));
        assert!(prompter.is_done());
        assert!(
            prompter
                .transcript
                .iter()
                .any(|l| l.contains("interrupted after 2 of 9 blocks"))
        );
        assert_eq!(
            prompter.transcript.iter().filter(|l| l.starts_with('[')).count(),
            7
        );
        let written = Canvas::parse(&f.path(), &fs::read_to_string(f.path()).unwrap()).unwrap();
        assert_eq!(written, canvas);
        assert_eq!(written.meta.title, "Brew Box");
        assert_eq!(
            written.meta.iteration, 1,
            "a new canvas keeps the iteration it was given"
        );
        assert_eq!(
            written.block(BlockId::CustomerSegments).items[0].text,
            "Remote workers"
        );
        assert_eq!(written.block(BlockId::ValuePropositions).items[0].links, ["cs1"]);
        assert_eq!(written.block(BlockId::CostStructure).items.len(), 1);
        assert_eq!(
            f.files(),
            ["brew-box.toml"],
            "the draft is gone once the interview is finished"
        );
    }

    #[test]
    fn a_discarded_draft_starts_over_and_save_and_quit_can_be_resumed() {
        let f = Fixture::new();
        let mut first = vec![Text("Lunch Loop"), Text(""), Text(""), Keep, Keep];
        first.extend(f.new_block(BlockId::CustomerSegments, "Office workers"));
        first.push(Pick(2)); // save and quit
        let (result, _) = f.run(None, first);
        assert!(matches!(
            result.unwrap().0,
            Ending::Saved {
                paused: true,
                backup: None
            }
        ));
        assert_eq!(f.files(), ["brew-box.toml", "brew-box.toml.draft"]);

        let draft = fs::read_to_string(draft_path(&f.path())).unwrap();
        assert!(draft.contains("[draft]\nblocks = ["), "{draft}");
        assert!(
            draft.contains("\nnext = 1\n"),
            "resumes at value propositions: {draft}"
        );

        // Discarding the draft turns the next run into a revision of the saved canvas.
        let (result, prompter) = f.run(None, vec![Pick(1), Pick(2)]);
        assert!(matches!(result.unwrap().0, Ending::ReportOnly));
        assert!(
            prompter
                .transcript
                .iter()
                .any(|l| l.contains("Revising Lunch Loop, iteration 1"))
        );
        assert_eq!(f.files(), ["brew-box.toml"]);
    }

    #[test]
    fn a_malformed_draft_is_refused_before_any_question() {
        let f = Fixture::new().with_example();
        fs::write(
            draft_path(&f.path()),
            "format = 1\n[draft]\nblocks = [\"channels\"]\nnext = 5\n",
        )
        .unwrap();
        let path = f.path();
        let e = Session::open(&path, f.bank, f.messages, TODAY.into())
            .err()
            .unwrap();
        assert!(e.to_string().contains("out of range"), "{e}");
        fs::write(draft_path(&f.path()), "format = 1\n").unwrap();
        let e = Session::open(&path, f.bank, f.messages, TODAY.into())
            .err()
            .unwrap();
        assert!(e.to_string().contains("missing field `draft`"), "{e}");
    }

    #[test]
    fn answers_and_choices_from_another_bank_survive_a_revision_and_are_shown() {
        let f = Fixture::new().with_example();
        let text = fs::read_to_string(f.path()).unwrap().replace(
            "[customer_segments.categories]\nsegment_type = [\"segmented\"]",
            "why_now = \"Offices reopen after the holidays\"\n\n\
             [customer_segments.categories]\nsegment_type = [\"segmented\", \"local_market\"]",
        );
        fs::write(f.path(), &text).unwrap();
        let mut script = f.keep_block(BlockId::CustomerSegments);
        script[0] = Text("Remote workers and small offices in German cities");
        script.push(Pick(0)); // finish
        let (result, prompter) = f.run(Some(vec![BlockId::CustomerSegments]), script);
        assert!(matches!(result.unwrap().0, Ending::Saved { .. }));
        let shown = prompter.transcript.join("\n");
        assert!(
            shown.contains("Answers to questions this bank does not ask, kept as they are:"),
            "{shown}"
        );
        assert!(
            shown.contains("why_now: Offices reopen after the holidays"),
            "{shown}"
        );
        let after = fs::read_to_string(f.path()).unwrap();
        assert!(after.contains("why_now = \"Offices reopen after the holidays\"\n"));
        assert!(after.contains("segment_type = [\"segmented\", \"local_market\"]\n"));
        assert!(after.contains("who = \"Remote workers and small offices in German cities\""));
    }

    #[test]
    fn a_canvas_made_in_english_is_revised_in_dutch_by_id() {
        let f = Fixture::new().with_example();
        let before = fs::read_to_string(f.path()).unwrap();
        let dutch = Bank::builtin("nl").unwrap();
        let path = f.path();
        let keep = |bank: &Bank| {
            let asked = bank.block(BlockId::Channels);
            let mut script: Vec<Answer> = asked.questions.iter().map(|_| Keep).collect();
            script.extend(asked.block_groups().map(|_| KeepTicks));
            script.extend([Pick(0), Pick(0)]); // done with the items; finish
            script
        };
        let run = |script: Vec<Answer>| {
            let session = Session::open(&path, dutch, Messages::get("nl"), TODAY.into()).unwrap();
            let mut prompter = ScriptedPrompter::new(script);
            let result = session
                .run(
                    Options {
                        only: Some(vec![BlockId::Channels]),
                        ..Options::default()
                    },
                    &mut prompter,
                )
                .unwrap();
            (result, prompter)
        };
        let ((ending, _), prompter) = run(keep(dutch));
        assert!(
            matches!(ending, Ending::Unchanged),
            "asking in Dutch alone changes nothing"
        );
        assert!(
            prompter
                .transcript
                .iter()
                .any(|l| l == "? Hoe bereiken we ze nu?")
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), before);

        let mut script = keep(dutch);
        script[1] = Text("Vooral via verwijzingscodes.");
        let ((ending, canvas), _) = run(script);
        assert!(matches!(ending, Ending::Saved { .. }));
        assert_eq!(canvas.meta.language, "nl");
        let after = fs::read_to_string(&path).unwrap();
        assert!(after.contains("language = \"nl\""));
        assert!(after.contains("reach_now = \"Vooral via verwijzingscodes.\""));
        assert!(
            after.contains("preferred_reach = \"Instagram and coffee forums"),
            "other answers stay as written"
        );
    }

    #[test]
    fn a_coached_sitting_is_recorded_without_a_new_iteration_when_nothing_else_changed() {
        struct Stopped;
        impl crate::interview::Clock for Stopped {
            fn seconds(&self) -> u64 {
                0
            }
        }
        let f = Fixture::new().with_example();
        let path = f.path();
        let session = Session::open(&path, f.bank, f.messages, TODAY.into()).unwrap();
        let mut script = f.keep_block(BlockId::Channels);
        script.push(Pick(0));
        let mut prompter = ScriptedPrompter::new(script);
        let coaching = Coaching {
            clock: &Stopped,
            started: "2026-12-01 10:00".into(),
        };
        let (ending, canvas) = session
            .run(
                Options {
                    only: Some(vec![BlockId::Channels]),
                    coaching: Some(coaching),
                    ..Options::default()
                },
                &mut prompter,
            )
            .unwrap();
        assert!(matches!(ending, Ending::Saved { .. }));
        assert_eq!(canvas.meta.iteration, 3, "time spent alone is no new iteration");
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("date = \"2026-11-23\""));
        assert!(
            text.contains("[[session]]\niteration = 3\nstarted = \"2026-12-01 10:00\"\nminutes = { channels = 0 }\nstopped_at = \"channels\"\n"),
            "{text}"
        );
        let read = Canvas::parse(&path, &text).unwrap();
        assert_eq!(read.sessions, canvas.sessions);
    }

    #[test]
    fn only_gaps_asks_the_open_questions_and_nothing_else() {
        let f = Fixture::new();
        fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/examples/half-finished.toml"),
            f.path(),
        )
        .unwrap();
        let path = f.path();
        let session = Session::open(&path, f.bank, f.messages, TODAY.into()).unwrap();
        let open = session.open_questions(&session.existing.as_ref().unwrap().canvas);
        let mut script = Vec::new();
        for block in BlockId::ALL {
            let asked: Vec<_> = f
                .bank
                .block(block)
                .questions
                .iter()
                .filter(|q| open.contains(&(block, q.id().to_owned())))
                .collect();
            if asked.is_empty() {
                continue;
            }
            script.extend(asked.iter().map(|_| Text("A fuller answer of several words")));
            script.push(Pick(0));
        }
        let mut prompter = ScriptedPrompter::new(script);
        let options = Options {
            only_gaps: true,
            ..Options::default()
        };
        let (ending, canvas) = session.run(options, &mut prompter).unwrap();
        assert!(prompter.is_done());
        assert!(matches!(ending, Ending::Saved { .. }));
        assert!(
            !prompter
                .transcript
                .iter()
                .any(|l| l.contains("For whom are we creating value?")),
            "answered already"
        );
        assert!(
            prompter
                .transcript
                .iter()
                .any(|l| l == "? Who are our most important customers?")
        );
        assert!(
            !prompter
                .transcript
                .iter()
                .any(|l| l.starts_with("? What kind of market")),
            "no choices"
        );
        let report = GapReport::new(&canvas, f.bank, f.messages);
        assert!(
            report.gaps.iter().all(|g| g.rule != "unanswered_question"),
            "every question is answered now"
        );
        assert_eq!(canvas.meta.iteration, 2);
    }
}
