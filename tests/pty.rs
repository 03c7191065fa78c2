//! The real interactive wizard in a pseudo-terminal, driven key by key as a person would: typing
//! answers, arrows and space in the multi-select lists, Enter to go on. Each key is sent only
//! after the prompt it answers is on screen, so nothing depends on timing.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use canvas_coach::api::{Bank, BlockId, Canvas, Language, Messages, Status, draft_path, fill, parse_canvas};
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Regex, Session};

const DOWN: &str = "\x1b[B";

/// Only a guard against a wizard that never shows the prompt; a passing run never waits on it.
const STUCK: Duration = Duration::from_secs(60);

fn spawn(file: &Path) -> OsSession {
    spawn_with(file, &[])
}

fn spawn_with(file: &Path, args: &[&str]) -> OsSession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_canvas-coach"));
    command
        .arg("interview")
        .arg(file)
        .args(args)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR");
    let mut session = Session::spawn(command).expect("spawn in a pseudo-terminal");
    session.set_expect_timeout(Some(STUCK));
    session
}

/// Waits for the active prompt `text` (its line ends in `›`; an answered one shows `·`), then
/// sends `keys` in one write, so an arrow's escape sequence is never split. Returns what the
/// terminal was sent up to the prompt.
fn answer(session: &mut OsSession, text: &str, keys: &str) -> Vec<u8> {
    let active = format!("{}[^\\n·]*›", regex::escape(text));
    let shown = session
        .expect(Regex(active))
        .unwrap_or_else(|e| panic!("prompt {text:?} never came: {e}"));
    session.send(keys).unwrap();
    shown.as_bytes().to_vec()
}

fn exit_code(session: &OsSession) -> i32 {
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("wizard did not exit normally: {other:?}"),
    }
}

fn details(s: &mut OsSession, m: &Messages) {
    let m = &m.interview;
    answer(s, &m.title, "Brew Box\r");
    answer(s, &m.designed_for, "Brew Box GmbH\r");
    answer(s, &m.designed_by, "Ana Ruiz\r");
    answer(s, &m.date, "\r");
    answer(s, &m.iteration, "\r");
}

/// Answers a new block: every question but the last, the second and third option of every
/// list, one item linked to the first item offered; then goes on.
fn fill_block(s: &mut OsSession, bank: &Bank, m: &Messages, block: BlockId) {
    let asked = bank.block(block);
    for (n, question) in asked.questions.iter().enumerate() {
        // The last question of every block is left empty, to be reported as a gap.
        let keys = if n + 1 == asked.questions.len() {
            "\r".to_owned()
        } else {
            format!("{} answer {n}\r", block.item_prefix())
        };
        answer(s, &question.text, &keys);
    }
    for group in asked.block_groups() {
        answer(s, &group.title, &format!("{DOWN} {DOWN} \r"));
    }
    answer(s, &asked.item_prompt, &format!("First {}\r", block.key()));
    if let Some(links) = asked.links_prompt.as_deref() {
        answer(s, links, " \r");
    }
    for group in asked.item_groups() {
        answer(s, &group.title, &format!("{DOWN} {DOWN} \r"));
    }
    // How far it is tested: down to "testing".
    let status = fill(
        &m.interview.status_prompt,
        &[("item", &format!("First {}", block.key()))],
    );
    answer(s, &status, &format!("{DOWN}\r"));
    if block.carries_amounts() {
        // No amount: Enter skips it.
        let amount = fill(
            &m.interview.amount_prompt,
            &[("item", &format!("First {}", block.key()))],
        );
        answer(s, &amount, "\r");
    }
    answer(s, &asked.item_prompt, "\r");
    answer(s, &m.interview.next, "\r");
}

/// Checks what `fill_block` wrote for every block.
fn assert_filled(bank: &Bank, canvas: &Canvas) {
    for block in BlockId::ALL {
        let asked = bank.block(block);
        let written = canvas.block(block);
        assert_eq!(written.answers.len(), asked.questions.len() - 1, "{block}");
        let first = format!("{} answer 0", block.item_prefix());
        assert_eq!(written.answer(asked.questions[0].id()), Some(first.as_str()));
        for group in &asked.groups {
            // Down, tick, down, tick: the second and third options, wrapping round a short list.
            let len = group.options.len();
            let mut ticked = vec![1 % len, 2 % len];
            ticked.sort();
            ticked.dedup();
            let expected: Vec<&str> = ticked.into_iter().map(|i| group.options[i].id()).collect();
            // Groups asked per item land on the item, the others on the block.
            let chosen = written.chosen_for(&written.items[0], group.id());
            assert_eq!(chosen, expected, "{block}.{}", group.id());
            assert_eq!(written.chosen(group.id()).is_empty(), group.per_item);
        }
        assert_eq!(written.items.len(), 1);
        assert_eq!(written.items[0].text, format!("First {}", block.key()));
        assert_eq!(written.items[0].id, format!("{}1", block.item_prefix()));
        assert_eq!(written.items[0].status, Status::Testing);
    }
    let links = |block: BlockId| canvas.block(block).items[0].links.clone();
    assert_eq!(links(BlockId::ValuePropositions), ["cs1"]);
    assert_eq!(links(BlockId::KeyActivities), ["vp1"]);
    assert_eq!(links(BlockId::CostStructure), ["kr1"]);
}

fn english() -> &'static Messages {
    Messages::get(Language::En)
}

fn read_canvas(file: &Path) -> (Canvas, String) {
    let text = std::fs::read_to_string(file).unwrap();
    (parse_canvas(file, &text).unwrap(), text)
}

#[test]
fn the_wizard_fills_every_block_and_writes_the_canvas() {
    let bank = Bank::builtin(Language::En);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brew-box.toml");
    let mut s = spawn(&file);
    details(&mut s, english());
    for block in BlockId::ALL {
        fill_block(&mut s, bank, english(), block);
    }
    s.expect("Saved").unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(exit_code(&s), 0);

    let (canvas, text) = read_canvas(&file);
    assert_eq!(canvas.meta.title, "Brew Box");
    assert_eq!(canvas.meta.designed_for, "Brew Box GmbH");
    assert_eq!(canvas.meta.iteration, 1);
    assert!(is_iso_date(&canvas.meta.date), "{}", canvas.meta.date);
    assert_filled(bank, &canvas);
    assert!(text.contains("[gap_report]"));
    assert!(
        text.contains("rule = \"unanswered_question\""),
        "the skipped questions are gaps"
    );
    assert!(text.contains("question = \"most_important\""));
    assert!(!draft_path(&file).exists());
}

#[test]
fn ctrl_c_mid_block_keeps_the_finished_blocks_and_the_next_run_resumes() {
    let bank = Bank::builtin(Language::En);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brew-box.toml");
    let mut s = spawn(&file);
    details(&mut s, english());
    fill_block(&mut s, bank, english(), BlockId::CustomerSegments);
    let vp = bank.block(BlockId::ValuePropositions);
    answer(&mut s, &vp.questions[0].text, "lost with the block in progress\r");
    answer(&mut s, &vp.questions[1].text, "\r");
    answer(&mut s, &vp.questions[2].text, "\r");
    answer(&mut s, &vp.questions[3].text, "\r");
    answer(&mut s, &vp.item_prompt, "An offer that is lost too\r");
    answer(&mut s, vp.links_prompt.as_deref().unwrap(), " \r");
    // A multi-select hides the cursor; Ctrl-C must bring it back before the program ends.
    let characteristics = vp.item_groups().next().unwrap();
    answer(&mut s, &characteristics.title, "\x03");
    s.expect("\x1b[?25h").unwrap();
    let rest = s.expect(Eof).unwrap();
    let said = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert_eq!(said.matches("was not changed").count(), 1, "said once: {said}");
    assert_eq!(
        said.matches("run the same command again to resume").count(),
        1,
        "{said}"
    );
    assert_eq!(exit_code(&s), 130);
    assert!(!file.exists(), "the canvas is written only at the end");
    assert!(draft_path(&file).exists());

    let mut s = spawn(&file);
    s.expect("interrupted after 1 of 9 blocks").unwrap();
    answer(&mut s, "Resume it?", "\r");
    for &block in &BlockId::ALL[1..] {
        fill_block(&mut s, bank, english(), block);
    }
    s.expect("Saved").unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(exit_code(&s), 0);
    let (canvas, text) = read_canvas(&file);
    assert_eq!(canvas.meta.title, "Brew Box", "details from the first run");
    assert_filled(bank, &canvas);
    assert!(!text.contains("lost with the block in progress"));
    assert!(!text.contains("An offer that is lost too"));
    assert!(!draft_path(&file).exists());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["brew-box.toml"], "no draft or temporary file left");
}

#[test]
fn the_whole_interview_runs_in_german() {
    let bank = Bank::builtin(Language::De);
    let german = Messages::get(Language::De);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kaffee.toml");
    let mut s = spawn_with(&file, &["--lang", "de"]);
    s.expect("Willkommen bei canvas-coach").unwrap();
    details(&mut s, german);
    s.expect("Baustein 1/9 · Kundensegmente").unwrap();
    answer(&mut s, "Für wen schaffen wir Wert?", "Menschen im Homeoffice\r");
    answer(&mut s, "Wer sind unsere wichtigsten Kunden?", "\r");
    answer(
        &mut s,
        "Was für einen Markt bilden diese Segmente?",
        &format!("{DOWN} \r"),
    );
    answer(&mut s, "Kundensegment hinzufügen", "Menschen im Homeoffice\r");
    answer(&mut s, "Wie weit ist „Menschen im Homeoffice“ geprüft?", "\r");
    answer(&mut s, "Kundensegment hinzufügen", "\r");
    answer(&mut s, "Wie geht es weiter?", "\r");
    for &block in &BlockId::ALL[1..] {
        fill_block(&mut s, bank, german, block);
    }
    s.expect("Lückenbericht: Brew Box").unwrap();
    s.expect("kaffee.toml gespeichert.").unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(exit_code(&s), 0);
    let (canvas, text) = read_canvas(&file);
    assert_eq!(canvas.meta.language, "de");
    assert_eq!(
        canvas.block(BlockId::CustomerSegments).chosen("segment_type"),
        ["niche_market"]
    );
    assert_eq!(canvas.block(BlockId::ValuePropositions).items[0].links, ["cs1"]);
    assert!(
        text.contains("message = \"Unbeantwortet: Wer sind unsere wichtigsten Kunden?\""),
        "{text}"
    );
}

#[test]
fn texts_from_the_file_are_shown_escaped_and_enter_keeps_them_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.toml");
    let text = "format = 1\n[meta]\ntitle = \"Hostile\"\nlanguage = \"en\"\n\
                [customer_segments.answers]\nwho = \"Who \\u001b]8;;http://x\\u0007link\\u007f\\u009b\\u202e\"\n\
                [[customer_segments.items]]\nid = \"cs1\"\ntext = \"Segment \\u001b[2J\"\n";
    std::fs::write(&file, text).unwrap();
    let cs = Bank::builtin(Language::En).block(BlockId::CustomerSegments);
    let m = &english().interview;
    let mut s = spawn_with(&file, &["--blocks", "customer_segments"]);
    let mut seen = answer(&mut s, &cs.questions[0].text, "\r");
    seen.extend(answer(&mut s, &cs.questions[1].text, "\r"));
    seen.extend(answer(&mut s, &cs.groups[0].title, "\r"));
    seen.extend(answer(
        &mut s,
        &fill(&m.items_menu, &[("block", &cs.title)]),
        "\r",
    ));
    seen.extend(answer(&mut s, &m.next, "\r"));
    seen.extend(s.expect(Eof).unwrap().as_bytes());
    assert_eq!(exit_code(&s), 0);
    let seen = String::from_utf8_lossy(&seen);
    assert!(
        seen.contains(r"Who \u{1b}]8;;http://x\u{7}link\u{7f}\u{9b}\u{202e}"),
        "{seen}"
    );
    assert!(seen.contains(r"Segment \u{1b}[2J (cs1)"), "{seen}");
    for raw in ["\x1b]8", "\x1b[2J", "\x07", "\x7f", "\u{9b}", "\u{202e}"] {
        assert!(!seen.contains(raw), "{raw:?} raw in {seen:?}");
    }
    assert!(seen.contains("Nothing changed"), "{seen}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}
