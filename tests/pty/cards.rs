//! The test card and learning card forms, driven key by key: `test add` with its suggested
//! hypothesis, and `learn` changing a tested item's status.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use canvas_coach::api::{Canvas, Language, Messages, Status, Strength, TestState, parse_canvas};

use crate::terminal::{DOWN, Wizard};

fn read(file: &Path) -> Canvas {
    parse_canvas(file, &fs::read_to_string(file).unwrap()).unwrap()
}

fn brew_box(dir: &Path) -> PathBuf {
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
        OsStr::new("vp2"),
    ];
    let mut s = Wizard::run(&args, &[]);
    // Enter keeps the suggestion; the criterion's opening words are prefilled too.
    s.answer(&m.hypothesis, "\r");
    s.answer(&m.experiment, "Offer it at 2 EUR extra to 40 subscribers\r");
    s.answer(&m.metric, "Share who take it\r");
    s.answer(&m.criterion, "8 of 40 take it\r");
    s.answer(&m.deadline, "soon\r");
    s.wait_for_text("soon");
    // Typed over the date shown, day first as in German: stored as the file writes dates.
    s.answer(&m.deadline, "15.12.2026\r");
    s.wait("the card", |w| w.everything_seen().contains("Added test t1"));
    assert_eq!(s.exit_code(), 0);
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
    let args = ["learn".as_ref(), file.as_os_str(), OsStr::new("t1")];
    let mut s = Wizard::run(&args, &[]);
    let c = &m.cards;
    s.answer(&c.observation, "9 of 40 took the matched roast\r");
    s.answer(&c.insight, "Brewing method matters\r");
    s.answer(&c.decision, "\r");
    s.answer(&c.strength, &format!("{DOWN}{DOWN}{DOWN}\r"));
    let status = m.interview.status_prompt.split('{').next().unwrap();
    s.answer(status, &format!("{DOWN}{DOWN}\r"));
    s.wait("the learning", |w| {
        w.everything_seen().contains("Recorded the learning for test t1")
    });
    assert_eq!(s.exit_code(), 0);
    let canvas = read(&file);
    let vp2 = canvas.items().find(|(_, i)| i.id == "vp2").unwrap().1;
    assert_eq!(vp2.status, Status::Validated);
    let evidence = vp2.evidence.last().unwrap();
    assert!(evidence.text.ends_with(": 9 of 40 took the matched roast"));
    assert_eq!(evidence.strength, Strength::Pay);
    assert_eq!(canvas.tests[0].state, TestState::Done);
    assert_eq!(canvas.learnings[0].insight, "Brewing method matters");
}
