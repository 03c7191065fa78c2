//! The test card and learning card forms in a pseudo-terminal, driven key by key: `test add`
//! with its suggested hypothesis, and `learn` changing a tested item's status.

#![cfg(unix)]

use std::fs;
use std::path::Path;

use canvas_coach::api::{Canvas, Language, Messages, Status, Strength, TestState, parse_canvas};
use expectrl::Eof;
use expectrl::Expect;

#[path = "common/pty.rs"]
mod pty;

use pty::{DOWN, answer, exit_code, spawn_args};

fn read(file: &Path) -> Canvas {
    parse_canvas(file, &fs::read_to_string(file).unwrap()).unwrap()
}

fn brew_box(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("brew-box.toml");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/brew-box.toml");
    fs::copy(example, &file).unwrap();
    file
}

#[test]
fn test_add_walks_the_form_with_a_suggested_hypothesis_and_writes_the_card() {
    let m = &Messages::get(Language::En).cards;
    let dir = tempfile::tempdir().unwrap();
    let file = brew_box(dir.path());
    let args = [
        "test".as_ref(),
        "add".as_ref(),
        file.as_os_str(),
        "--item".as_ref(),
        "vp2".as_ref(),
    ];
    let mut s = spawn_args(&args);
    // Enter keeps the suggestion; the criterion's opening words are prefilled too.
    answer(&mut s, &m.hypothesis, "\r");
    answer(
        &mut s,
        &m.experiment,
        "Offer it at 2 EUR extra to 40 subscribers\r",
    );
    answer(&mut s, &m.metric, "Share who take it\r");
    answer(&mut s, &m.criterion, "8 of 40 take it\r");
    answer(&mut s, &m.deadline, "soon\r");
    answer(&mut s, &m.deadline, "2026-12-15\r");
    s.expect("Added test t1").unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(exit_code(&s), 0);
    let test = &read(&file).tests[0];
    assert_eq!(
        test.hypothesis,
        "We believe that customers want “A roast profile matched to your brewing method”."
    );
    assert_eq!(test.criterion, "We are right if 8 of 40 take it");
    assert_eq!(test.deadline.as_deref(), Some("2026-12-15"));
    assert_eq!(test.items, ["vp2"]);
}

#[test]
fn learn_records_the_learning_and_changes_the_tested_items_status() {
    let m = Messages::get(Language::En);
    let dir = tempfile::tempdir().unwrap();
    let file = brew_box(dir.path());
    let added = std::process::Command::new(env!("CARGO_BIN_EXE_canvas-coach"))
        .args(["test", "add"])
        .arg(&file)
        .args(["--item", "vp2", "--no-input"])
        .output()
        .unwrap();
    assert!(added.status.success());
    let args = ["learn".as_ref(), file.as_os_str(), "t1".as_ref()];
    let mut s = spawn_args(&args);
    let c = &m.cards;
    answer(&mut s, &c.observation, "9 of 40 took the matched roast\r");
    answer(&mut s, &c.insight, "Brewing method matters\r");
    answer(&mut s, &c.decision, "\r");
    answer(&mut s, &c.strength, &format!("{DOWN}{DOWN}{DOWN}\r"));
    let status = m.interview.status_prompt.split('{').next().unwrap();
    answer(&mut s, status, &format!("{DOWN}{DOWN}\r"));
    s.expect("Recorded the learning for test t1").unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(exit_code(&s), 0);
    let canvas = read(&file);
    let vp2 = canvas.items().find(|(_, i)| i.id == "vp2").unwrap().1;
    assert_eq!(vp2.status, Status::Validated);
    let evidence = vp2.evidence.last().unwrap();
    assert!(evidence.text.ends_with(": 9 of 40 took the matched roast"));
    assert_eq!(evidence.strength, Strength::Pay);
    assert_eq!(canvas.tests[0].state, TestState::Done);
    assert_eq!(canvas.learnings[0].insight, "Brewing method matters");
}
