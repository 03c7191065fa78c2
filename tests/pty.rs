//! The real interactive wizard in a pseudo-terminal, driven key by key as a person would: typing
//! answers, arrows and space in the multi-select lists, Enter to go on. Each key is sent only
//! after the prompt it answers is on screen, so nothing depends on timing.

#![cfg(unix)]

use std::ffi::OsStr;
use std::path::Path;

use canvas_coach::api::{
    Bank, BlockId, Canvas, Form, Language, Messages, Status, draft_path, fill, parse_canvas,
};
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Regex};

#[path = "common/pty.rs"]
mod pty;

use pty::{DOWN, answer, exit_code, spawn_args};

/// Down, tick, down, tick, Enter: the second and third options of a list ticked.
const SECOND_AND_THIRD: &str = "\x1b[B \x1b[B \r";

fn spawn(file: &Path) -> OsSession {
    spawn_with(file, &[])
}

fn spawn_with(file: &Path, args: &[&str]) -> OsSession {
    let mut all = vec![OsStr::new("interview"), file.as_os_str()];
    all.extend(args.iter().map(OsStr::new));
    spawn_args(&all)
}

fn details(s: &mut OsSession, m: &Messages) {
    let m = &m.interview;
    answer(s, &m.title, "Brew Box\r");
    answer(s, &m.designed_for, "Brew Box GmbH\r");
    answer(s, &m.designed_by, "Ana Ruiz\r");
    answer(s, &m.date, "\r");
}

/// The place in the bank of a block's last question asked in words or as a pick: left empty,
/// to be reported as a gap.
fn last_open(bank: &Bank, block: BlockId) -> usize {
    let questions = &bank.block(block).questions;
    let open = |form: Form| matches!(form, Form::Text | Form::Pick);
    questions.iter().rposition(|q| open(q.form)).unwrap()
}

/// Answers a new block as its conversation asks it: every question in words but the last
/// answered, every pick but the last on the first item offered, one item with its links, the
/// second and third option of every list; then goes on at the coach's check, if it comes,
/// until the next block (or the saved canvas) is shown. Returns what was shown after the block.
fn fill_block(s: &mut OsSession, bank: &Bank, m: &Messages, block: BlockId) -> String {
    let asked = bank.block(block);
    let last = last_open(bank, block);
    if asked.items_question().is_none() {
        add_item(s, bank, m, block, &asked.item_prompt);
    }
    for (n, question) in asked.questions.iter().enumerate() {
        let text = &question.text;
        match question.form {
            Form::Items => add_item(s, bank, m, block, text),
            Form::Text if n == last => drop(answer(s, text, "\r")),
            Form::Text => drop(answer(s, text, &format!("{} answer {n}\r", block.item_prefix()))),
            Form::Pick if n == last => drop(answer(s, text, "\r")),
            Form::Pick => drop(answer(s, text, " \r")),
            Form::Links => {}
        }
    }
    for group in asked.block_groups() {
        answer(s, &group.title, SECOND_AND_THIRD);
    }
    go_on(s, m, &after(bank, m, block))
}

/// The block's one new item, typed as the first line under `prompt`: linked to the first item
/// offered (ticked already where there is only one), the second and third option of its own
/// lists, and tested: the status offered first, "testing".
fn add_item(s: &mut OsSession, bank: &Bank, m: &Messages, block: BlockId, prompt: &str) {
    let (asked, m) = (bank.block(block), &m.interview);
    let text = format!("First {}", block.key());
    s.expect(prompt)
        .unwrap_or_else(|e| panic!("{prompt:?} never came: {e}"));
    answer(s, "  1.", &format!("{text}\r"));
    answer(s, "  2.", "\r");
    let for_item = |group: &str| fill(&m.item_group, &[("group", group), ("item", &text)]);
    if let Some(links) = asked.links_prompt.as_deref() {
        let keys = if block.link_targets().len() == 1 {
            "\r"
        } else {
            " \r"
        };
        answer(s, &for_item(links), keys);
    }
    for group in asked.item_groups() {
        answer(s, &for_item(&group.title), SECOND_AND_THIRD);
    }
    answer(s, &m.tested_prompt, " \r");
    answer(s, &fill(&m.status_prompt, &[("item", &text)]), "\r");
}

/// What comes after `block`: the next block's progress line, or the end's saved message.
fn after(bank: &Bank, m: &Messages, block: BlockId) -> String {
    let m = &m.interview;
    match BlockId::ALL.get(block.index() + 1) {
        Some(&next) => {
            let n = (next.index() + 1).to_string();
            let title = &bank.block(next).title;
            fill(&m.progress, &[("n", &n), ("total", "9"), ("block", title)])
        }
        None => m
            .saved
            .split("{path}")
            .find(|part| !part.trim().is_empty())
            .unwrap()
            .to_owned(),
    }
}

/// Waits for `then`; when the coach's check comes first, goes on with Enter (its default).
/// Returns what was shown up to `then`.
fn go_on(s: &mut OsSession, m: &Messages, then: &str) -> String {
    let check = format!("{}[^\\n·]*›", regex::escape(&m.interview.check_question));
    let either = format!("{check}|{}", regex::escape(then));
    let shown = s
        .expect(Regex(either))
        .unwrap_or_else(|e| panic!("neither the check nor {then:?} came: {e}"));
    let mut said = String::from_utf8_lossy(shown.as_bytes()).into_owned();
    if !said.ends_with(then) {
        s.send("\r").unwrap();
        let rest = s
            .expect(then)
            .unwrap_or_else(|e| panic!("{then:?} never came: {e}"));
        said.push_str(&String::from_utf8_lossy(rest.as_bytes()));
    }
    said
}

/// Checks what `fill_block` wrote for every block.
fn assert_filled(bank: &Bank, canvas: &Canvas) {
    for block in BlockId::ALL {
        let asked = bank.block(block);
        let written = canvas.block(block);
        assert_questions(bank, canvas, block);
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
        // The first item offered: the one segment (cs1), or the first of the blocks it may serve
        // (vp1 for resources and activities, kr1 for partners and costs).
        let linked: Vec<String> = match asked.links_prompt {
            Some(_) => vec![format!("{}1", block.link_targets()[0].item_prefix())],
            None => Vec::new(),
        };
        assert_eq!(written.items[0].links, linked, "{block}");
    }
}

/// Every question in words but the last holds its typed answer; every pick but the last, the
/// first item of the block it picks from.
fn assert_questions(bank: &Bank, canvas: &Canvas, block: BlockId) {
    let written = canvas.block(block);
    let last = last_open(bank, block);
    for (n, question) in bank.block(block).questions.iter().enumerate() {
        let id = question.id();
        match question.form {
            Form::Text => {
                let typed = format!("{} answer {n}", block.item_prefix());
                let expected = (n != last).then_some(typed.as_str());
                assert_eq!(written.answer(id), expected, "{block}.{id}");
            }
            Form::Pick => {
                let first = format!("{}1", question.source(block).item_prefix());
                let expected: Vec<String> = (n != last).then_some(first).into_iter().collect();
                assert_eq!(written.picked(id), expected, "{block}.{id}");
            }
            Form::Items | Form::Links => {}
        }
    }
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
    interrupt_value_propositions(&mut s, bank);
    assert_eq!(exit_code(&s), 130);
    assert!(!file.exists(), "the canvas is written only at the end");
    assert!(draft_path(&file).exists());

    let mut s = spawn(&file);
    s.expect("interrupted after 1 of 9").unwrap();
    answer(&mut s, "Resume it?", "\r");
    for &block in &BlockId::ALL[1..] {
        fill_block(&mut s, bank, english(), block);
    }
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

/// Answers the value propositions up to the first list of the new item's own choices, and
/// presses Ctrl-C there; the cursor comes back and the message is said once.
fn interrupt_value_propositions(s: &mut OsSession, bank: &Bank) {
    let vp = bank.block(BlockId::ValuePropositions);
    let m = &english().interview;
    answer(s, &vp.questions[0].text, "lost with the block in progress\r");
    answer(s, &vp.questions[1].text, "\r");
    s.expect(vp.items_question().unwrap().text.as_str()).unwrap();
    answer(s, "  1.", "An offer that is lost too\r");
    answer(s, "  2.", "\r");
    let item = "An offer that is lost too";
    let for_item = |group: &str| fill(&m.item_group, &[("group", group), ("item", item)]);
    answer(s, &for_item(vp.links_prompt.as_deref().unwrap()), "\r");
    // A multi-select hides the cursor; Ctrl-C must bring it back before the program ends.
    let characteristics = vp.item_groups().next().unwrap();
    answer(s, &for_item(&characteristics.title), "\x03");
    s.expect("\x1b[?25h").unwrap();
    let rest = s.expect(Eof).unwrap();
    let said = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert_eq!(said.matches("was not changed").count(), 1, "said once: {said}");
    assert_eq!(
        said.matches("run the same command again to resume").count(),
        1,
        "{said}"
    );
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
    s.expect("Für wen schaffen wir Wert?").unwrap();
    answer(&mut s, "  1.", "Menschen im Homeoffice\r");
    answer(&mut s, "  2.", "\r");
    // None tested yet: no status is asked.
    answer(&mut s, &german.interview.tested_prompt, "\r");
    answer(&mut s, "Wer sind unsere wichtigsten Kunden?", "\r");
    answer(
        &mut s,
        "Was für einen Markt bilden diese Segmente?",
        &format!("{DOWN} \r"),
    );
    go_on(&mut s, german, &after(bank, german, BlockId::CustomerSegments));
    let mut shown = String::new();
    for &block in &BlockId::ALL[1..] {
        shown = fill_block(&mut s, bank, german, block);
    }
    assert!(shown.contains("Lückenbericht: Brew Box"), "{shown}");
    s.expect(Eof).unwrap();
    assert_eq!(exit_code(&s), 0);
    let (canvas, text) = read_canvas(&file);
    assert_eq!(canvas.meta.language, "de");
    let segments = canvas.block(BlockId::CustomerSegments);
    assert_eq!(segments.chosen("segment_type"), ["niche_market"]);
    assert_eq!(segments.items[0].status, Status::Assumption);
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
                [value_propositions.answers]\nvalue = \"Who \\u001b]8;;http://x\\u0007link\\u007f\\u009b\\u202e\"\n\
                [[value_propositions.items]]\nid = \"vp1\"\ntext = \"Offer \\u001b[2J\"\n";
    std::fs::write(&file, text).unwrap();
    let vp = Bank::builtin(Language::En).block(BlockId::ValuePropositions);
    let m = &english().interview;
    let mut s = spawn_with(&file, &["--blocks", "value_propositions"]);
    let mut seen = answer(&mut s, &vp.questions[0].text, "\r");
    seen.extend(answer(&mut s, &vp.questions[1].text, "\r"));
    let menu = fill(&m.items_menu, &[("block", &vp.title)]);
    seen.extend(answer(&mut s, &menu, "\r"));
    seen.extend(answer(&mut s, &vp.questions[3].text, "\r"));
    seen.extend(s.expect(Eof).unwrap().as_bytes());
    assert_eq!(exit_code(&s), 0);
    let seen = String::from_utf8_lossy(&seen);
    assert!(
        seen.contains(r"Who \u{1b}]8;;http://x\u{7}link\u{7f}\u{9b}\u{202e}"),
        "{seen}"
    );
    assert!(seen.contains(r"Offer \u{1b}[2J (vp1)"), "{seen}");
    for raw in ["\x1b]8", "\x1b[2J", "\x07", "\x7f", "\u{9b}", "\u{202e}"] {
        assert!(!seen.contains(raw), "{raw:?} raw in {seen:?}");
    }
    assert!(seen.contains("Nothing changed"), "{seen}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

fn is_iso_date(text: &str) -> bool {
    let shape = text.bytes().map(|b| if b.is_ascii_digit() { b'0' } else { b });
    shape.eq(*b"0000-00-00")
}
