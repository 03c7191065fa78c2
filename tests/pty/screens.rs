//! What the screen shows at 80×24: long answers that wrap, the list cursor without colour, the
//! coach's check, moving between blocks and saving to go on later.

use canvas_coach::api::{Bank, BlockId, Language, parse_canvas};

use crate::english;
use crate::terminal::{DOWN, ESC, Wizard, flat};
use crate::walks::fill_block;

/// 150 characters of answer, ending in a word that appears nowhere else.
const LONG: &str = "Mobile bike repair for commuters and students who need their bikes fixed \
                    where they park them during the working day, booked in an app, endofanswer!!!";

fn bank() -> &'static Bank {
    Bank::builtin(Language::En)
}

/// Moves the list's cursor to the option that contains `label` and presses Enter.
fn choose(s: &mut Wizard, prompt: &str, label: &str) {
    s.answer(prompt, "");
    s.wait(&format!("the option {label:?}"), |w| {
        let rows = w.rows();
        let marked = rows.iter().position(|row| row.starts_with("❯ "));
        marked.is_some_and(|m| rows[m..].iter().any(|row| row.contains(label)))
    });
    let rows = s.rows();
    let marked = rows.iter().position(|row| row.starts_with("❯ ")).unwrap();
    let below = rows[marked..].iter().position(|row| row.contains(label));
    let below = below.unwrap_or_else(|| panic!("no {label:?} from the cursor on:\n{}", s.screen()));
    s.send(&format!("{}\r", DOWN.repeat(below)));
}

#[test]
fn a_long_answer_wraps_and_leaves_no_stale_line_even_when_rewritten() {
    assert_eq!(LONG.chars().count(), 150);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pedal.toml");
    let m = &english().interview;
    let mut s = Wizard::start(&file, &[], &[]);
    // Typed, then the cursor to the start and a word put before it: every row is redrawn.
    s.answer(&m.title, LONG);
    s.wait_for_text("endofanswer");
    s.send("\x01Pedal: \r");
    // Typed, then all of it deleted with Ctrl-U: the rows it took are empty again.
    s.answer(&m.designed_for, &format!("{LONG} gone"));
    s.wait_for_text("endofanswer!!! gone");
    s.send("\x15Pedal Partners\r");
    s.answer(&m.designed_by, "");
    let screen = s.screen();
    assert_eq!(
        flat(&screen).matches(&flat(&format!("Pedal: {LONG}"))).count(),
        1,
        "{screen}"
    );
    assert_eq!(
        screen.matches("endofanswer").count(),
        1,
        "one copy, no stale line:\n{screen}"
    );
    assert!(
        screen.contains("✔ Designed for (company or team) · Pedal Partners\n"),
        "{screen}"
    );
    let asked = s.rows().iter().filter(|row| row.starts_with("? ")).count();
    assert_eq!(asked, 1, "only the question being asked shows `?`:\n{screen}");
    s.send("\r\r");

    // A sticky note as long, and the tick list that offers it, cut to one row per option.
    let note = LONG.replace("endofanswer", "endofnote1!");
    s.answer("1.", &format!("{note}\r"));
    s.answer("2.", "Students\r");
    s.answer("3.", "\r");
    s.answer(&m.tested_prompt, "");
    s.wait("the list", |w| w.marked_row().is_some());
    let screen = s.screen();
    assert_eq!(screen.matches("endofnote1").count(), 1, "{screen}");
    assert!(s.rows().iter().all(|row| row.chars().count() < 80), "{screen}");
    assert!(s.marked_row().unwrap().ends_with('…'), "{screen}");
    s.send(" \r");
    // The tick leaves one line with the option's label, not the list or its keys.
    s.answer("How far is", "\r");
    let screen = s.screen();
    assert!(!screen.contains("space ticks"), "{screen}");
    assert!(!screen.contains("[ ]"), "{screen}");
    let copies = screen.matches("endofnote1").count();
    assert_eq!(copies, 3, "the note, the tick and the question on it:\n{screen}");
    let asked = s.rows().iter().filter(|row| row.starts_with("? ")).count();
    assert_eq!(asked, 1, "{screen}");
}

#[test]
fn the_list_cursor_is_visible_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pedal.toml");
    let mut s = Wizard::start(&file, &[], &[("NO_COLOR", "1")]);
    s.answer(&english().interview.title, "Pedal\r\r\r\r");
    s.answer("1.", "Commuters\r");
    s.answer("2.", "Students\r");
    s.answer("3.", "\r");
    s.answer(&english().interview.tested_prompt, "");
    s.wait("the cursor on the first option", |w| {
        w.marked_row().as_deref() == Some("❯ [ ] Commuters")
    });
    s.send(DOWN);
    s.wait("the cursor on the second option", |w| {
        w.marked_row().as_deref() == Some("❯ [ ] Students")
    });
    s.send(" ");
    s.wait("the tick", |w| {
        w.marked_row().as_deref() == Some("❯ [x] Students")
    });
    let coloured = ["\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m", "\x1b[38;5;"];
    let seen = s.everything_seen();
    assert!(
        coloured.iter().all(|c| !seen.contains(c)),
        "no colour with NO_COLOR: {seen:?}"
    );
}

#[test]
fn the_coachs_check_after_a_block_names_its_gaps_and_fixes_one_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pedal.toml");
    let (m, cs) = (&english().interview, bank().block(BlockId::CustomerSegments));
    let mut s = Wizard::start(&file, &[], &[]);
    s.answer(&m.title, "Pedal\r\r\r\r");
    s.answer("1.", "Everyone\r");
    s.answer("2.", "\r");
    s.answer(&m.tested_prompt, "\r");
    s.answer(&cs.questions[1].text, "\r");
    s.answer(&cs.groups[0].title, "\r");
    // The trap of the block: a segment that is everyone is challenged, and Enter skips it.
    let challenge = cs.coach.as_ref().unwrap().challenge.clone().unwrap();
    s.answer(&challenge, "\r");
    s.answer(&m.check_question, "");
    s.wait_for_text("Coach's check of Customer Segments:");
    let fixes = s.rows().iter().filter(|row| row.contains("Fix now: ")).count();
    assert!((1..=5).contains(&fixes), "one to five gaps:\n{}", s.screen());
    choose(
        &mut s,
        &m.check_question,
        "Fix now: Unanswered: Who are our most important",
    );
    s.answer(&cs.questions[1].text, " \r");
    s.answer(&m.check_question, "\r");
    s.wait_for_text("block 2/9 · Value Propositions");
    s.interrupt();
}

#[test]
fn going_back_to_a_block_and_on_does_not_walk_the_blocks_between_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pedal.toml");
    let (m, bank) = (english(), bank());
    let channels = &bank.block(BlockId::Channels).questions[0].text;
    let offers = &bank.block(BlockId::ValuePropositions).questions[0].text;
    let mut s = Wizard::start(&file, &[], &[]);
    s.answer(&m.interview.title, "Pedal\r\r\r\r");
    fill_block(&mut s, bank, m, BlockId::CustomerSegments);
    fill_block(&mut s, bank, m, BlockId::ValuePropositions);
    s.answer(channels, ESC);
    choose(&mut s, &m.interview.next, "Go to block");
    choose(&mut s, &m.interview.go_to_block, "Customer Segments");
    // Enter keeps every answer of the segments, one prompt at a time, until the walk goes on.
    let mut last = flat(&m.interview.go_to_block);
    for _ in 0..20 {
        // A list being cleared still shows its question for a moment: a prompt that is part of
        // the last one is that one, not the next.
        let new = |p: &String| !p.starts_with(&last) && !last.starts_with(p.as_str());
        s.wait("the next prompt", |w| w.active_prompt().is_some_and(|p| new(&p)));
        let asked = s.active_prompt().unwrap();
        assert!(
            !asked.starts_with(&flat(offers)),
            "value propositions walked again"
        );
        if asked.starts_with(&flat(channels)) {
            break;
        }
        s.send("\r");
        last = asked;
    }
    s.answer(channels, "Pop-up stand at the station\r");
    s.interrupt();
}

#[test]
fn save_and_quit_says_three_lines_and_the_next_start_goes_on_there() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pedal.toml");
    let (m, bank) = (english(), bank());
    let channels = &bank.block(BlockId::Channels).questions[0].text;
    let mut s = Wizard::start(&file, &[], &[]);
    s.answer(&m.interview.title, "Pedal\r\r\r\r");
    fill_block(&mut s, bank, m, BlockId::CustomerSegments);
    s.answer(&bank.block(BlockId::ValuePropositions).questions[0].text, ESC);
    choose(&mut s, &m.interview.next, "Save and quit");
    let before = s.seen.len();
    s.wait("the end", |w| {
        w.everything_seen().contains("canvas-coach interview")
    });
    let said = String::from_utf8_lossy(&s.seen[before..]).into_owned();
    let screen = s.screen();
    assert_eq!(s.exit_code(), 0);
    let after_choice: Vec<&str> = screen
        .lines()
        .skip_while(|row| !row.contains("Save and quit"))
        .skip(1)
        .filter(|row| !row.trim().is_empty())
        .collect();
    assert!(
        after_choice.len() <= 3,
        "at most three lines: {after_choice:?}\n{said}"
    );
    assert!(screen.contains("goes on at Value Propositions"), "{screen}");
    let saved = parse_canvas(&file, &std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved.block(BlockId::CustomerSegments).items.len(), 1);

    let mut s = Wizard::start(&file, &[], &[]);
    s.wait_for_text("it goes on at Value Propositions");
    s.answer("Resume it?", "\r");
    s.wait_for_text("block 2/9 · Value Propositions");
    s.answer(
        &bank.block(BlockId::ValuePropositions).questions[0].text,
        "Fixed in 30 minutes\r",
    );
    assert!(!flat(&s.screen()).contains(&flat(channels)));
    s.interrupt();
}

#[test]
fn esc_in_a_list_of_notes_takes_the_last_note_back_to_edit_and_loses_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pedal.toml");
    let m = &english().interview;
    let mut s = Wizard::start(&file, &[], &[]);
    s.answer(&m.title, "Pedal\r\r\r\r");
    s.answer("1.", "Commuters\r");
    s.answer("2.", "Students\r");
    s.answer("3.", ESC);
    s.wait("the second note back", |w| {
        w.active_prompt().is_some_and(|p| p == "2.›Students")
    });
    assert!(
        !s.screen().contains("✔ 2. Students"),
        "its line is taken back:\n{}",
        s.screen()
    );
    s.send("\x17Office parks\r");
    s.answer("3.", "\r");
    s.answer(&m.tested_prompt, "");
    s.wait("the notes offered", |w| w.screen().contains("[ ] Office parks"));
    let screen = s.screen();
    assert!(screen.contains("✔ 1. Commuters"), "{screen}");
    assert!(!screen.contains("Students"), "{screen}");
    s.interrupt();
}
