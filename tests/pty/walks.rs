//! Whole interviews, driven key by key as a person would: typing answers, arrows and space in
//! the lists, Enter to go on.

use std::path::Path;

use crate::english;
use crate::terminal::{DOWN, Wizard, flat};
use canvas_coach::api::{
    Bank, BlockId, Canvas, Form, Language, Messages, Status, draft_path, fill, parse_canvas,
};

/// Down, tick, down, tick, Enter: the second and third options of a list ticked.
const SECOND_AND_THIRD: &str = "\x1b[B \x1b[B \r";

fn spawn(file: &Path) -> Wizard {
    Wizard::start(file, &[], &[])
}

fn details(s: &mut Wizard, m: &Messages) {
    let m = &m.interview;
    s.answer(&m.title, "Brew Box\r");
    s.answer(&m.designed_for, "Brew Box GmbH\r");
    s.answer(&m.designed_by, "Ana Ruiz\r");
    s.answer(&m.date, "\r");
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
/// until the next block (or the saved canvas) is shown.
pub fn fill_block(s: &mut Wizard, bank: &Bank, m: &Messages, block: BlockId) {
    let asked = bank.block(block);
    let last = last_open(bank, block);
    if asked.items_question().is_none() {
        add_item(s, bank, m, block, &asked.item_prompt);
    }
    for (n, question) in asked.questions.iter().enumerate() {
        let text = &question.text;
        match question.form {
            Form::Items => add_item(s, bank, m, block, text),
            Form::Text if n == last => s.answer(text, "\r"),
            Form::Text => s.answer(text, &format!("{} answer {n}\r", block.item_prefix())),
            Form::Pick if n == last => s.answer(text, "\r"),
            Form::Pick => s.answer(text, " \r"),
            Form::Links => {}
        }
    }
    for group in asked.block_groups() {
        s.answer(&group.title, SECOND_AND_THIRD);
    }
    go_on(s, m, &after(bank, m, block));
}

/// The block's one new item, typed as the first line under `prompt`: linked to the first item
/// offered (ticked already where there is only one), the second and third option of its own
/// lists, and tested: the status offered first, "testing".
fn add_item(s: &mut Wizard, bank: &Bank, m: &Messages, block: BlockId, prompt: &str) {
    let (asked, m) = (bank.block(block), &m.interview);
    let text = format!("First {}", block.key());
    s.wait_for_text(prompt);
    s.answer("1.", &format!("{text}\r"));
    s.answer("2.", "\r");
    let for_item = |group: &str| fill(&m.item_group, &[("group", group), ("item", &text)]);
    if let Some(links) = asked.links_prompt.as_deref() {
        let keys = if block.link_targets().len() == 1 {
            "\r"
        } else {
            " \r"
        };
        s.answer(&for_item(links), keys);
    }
    for group in asked.item_groups() {
        s.answer(&for_item(&group.title), SECOND_AND_THIRD);
    }
    // Customers test what they see and pay for; what the business needs is tried in practice.
    let tested = match block.index() {
        0..=4 => &m.tested_prompt,
        _ => &m.tested_in_practice,
    };
    s.answer(tested, " \r");
    s.answer(&fill(&m.status_prompt, &[("item", &text)]), "\r");
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
fn go_on(s: &mut Wizard, m: &Messages, then: &str) {
    let check = flat(&m.interview.check_question);
    s.wait(&format!("the check or {then:?}"), |w| {
        flat(&w.screen()).contains(&flat(then)) || w.active_prompt().is_some_and(|p| p.starts_with(&check))
    });
    if !flat(&s.screen()).contains(&flat(then)) {
        s.send("\r");
        s.wait_for_text(then);
    }
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
    assert_eq!(s.exit_code(), 0);

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
    interrupt_value_propositions(s, bank);
    assert!(!file.exists(), "the canvas is written only at the end");
    assert!(draft_path(&file).exists());

    let mut s = spawn(&file);
    s.wait_for_text("interrupted after 1 of 9");
    s.answer("Resume it?", "\r");
    for &block in &BlockId::ALL[1..] {
        fill_block(&mut s, bank, english(), block);
    }
    assert_eq!(s.exit_code(), 0);
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
fn interrupt_value_propositions(mut s: Wizard, bank: &Bank) {
    let vp = bank.block(BlockId::ValuePropositions);
    let m = &english().interview;
    s.answer(&vp.questions[0].text, "lost with the block in progress\r");
    s.answer(&vp.questions[1].text, "\r");
    s.wait_for_text(&vp.items_question().unwrap().text);
    s.answer("1.", "An offer that is lost too\r");
    s.answer("2.", "\r");
    let item = "An offer that is lost too";
    let for_item = |group: &str| fill(&m.item_group, &[("group", group), ("item", item)]);
    s.answer(&for_item(vp.links_prompt.as_deref().unwrap()), "\r");
    // A list hides the cursor; Ctrl-C must bring it back before the program ends.
    let characteristics = vp.item_groups().next().unwrap();
    s.answer(&for_item(&characteristics.title), "\x03");
    let before = s.seen.len();
    s.wait("the end", |w| {
        w.everything_seen().contains("run the same command again")
    });
    let said = String::from_utf8_lossy(&s.seen[before..]).into_owned();
    assert!(said.contains("\x1b[?25h"), "the cursor is shown again: {said:?}");
    assert_eq!(said.matches("was not changed").count(), 1, "said once: {said}");
    assert_eq!(s.exit_code(), 130);
}

#[test]
fn the_whole_interview_runs_in_german() {
    let bank = Bank::builtin(Language::De);
    let german = Messages::get(Language::De);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kaffee.toml");
    let mut s = Wizard::start(&file, &["--lang", "de"], &[]);
    s.wait_for_text("Willkommen bei canvas-coach");
    details(&mut s, german);
    s.wait_for_text("Baustein 1/9 · Kundensegmente");
    s.wait_for_text("Für wen schaffen wir Wert?");
    s.answer("1.", "Menschen im Homeoffice\r");
    s.answer("2.", "\r");
    // None tested yet: no status is asked.
    s.answer(&german.interview.tested_prompt, "\r");
    s.answer("Wer sind unsere wichtigsten Kunden?", "\r");
    s.answer(
        "Was für einen Markt bilden diese Segmente?",
        &format!("{DOWN} \r"),
    );
    go_on(&mut s, german, &after(bank, german, BlockId::CustomerSegments));
    for &block in &BlockId::ALL[1..] {
        fill_block(&mut s, bank, german, block);
    }
    s.wait("the report", |w| {
        w.everything_seen().contains("Lückenbericht: Brew Box")
    });
    assert_eq!(s.exit_code(), 0);
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
    let mut s = Wizard::start(&file, &["--blocks", "value_propositions"], &[]);
    s.answer(&vp.questions[0].text, "\r");
    s.answer(&vp.questions[1].text, "\r");
    s.answer(&fill(&m.items_menu, &[("block", &vp.title)]), "\r");
    s.answer(&vp.questions[3].text, "\r");
    s.wait_for_text("Nothing changed");
    let seen = s.everything_seen();
    assert_eq!(s.exit_code(), 0);
    assert!(
        seen.contains(r"Who \u{1b}]8;;http://x\u{7}link\u{7f}\u{9b}\u{202e}"),
        "{seen}"
    );
    assert!(seen.contains(r"Offer \u{1b}[2J (vp1)"), "{seen}");
    for raw in ["\x1b]8", "\x1b[2J", "\x07", "\x7f", "\u{9b}", "\u{202e}"] {
        assert!(!seen.contains(raw), "{raw:?} raw in {seen:?}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

fn is_iso_date(text: &str) -> bool {
    let shape = text.bytes().map(|b| if b.is_ascii_digit() { b'0' } else { b });
    shape.eq(*b"0000-00-00")
}
