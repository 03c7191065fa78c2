//! The real binary interviewing without a terminal: refusing to hang, and writing what `--set`
//! and `--answers` give with `--no-input`.

use std::fs;

mod common;

use common::{assert_refused, canvas_coach, example, stdout_of};
use predicates::prelude::*;

#[test]
fn interview_without_a_terminal_says_so_instead_of_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    let output = canvas_coach().arg("interview").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(!path.exists());
}

#[test]
fn no_input_writes_what_was_set_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    let stdout = stdout_of(
        canvas_coach().arg("interview").arg(&path).args([
            "--no-input",
            "--set",
            "meta.title=Brew Box",
            "--set",
            "customer_segments.who=Remote workers who brew at home",
        ]),
        0,
    );
    assert!(stdout.starts_with("Gap report: Brew Box"));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("title = \"Brew Box\""));
    assert!(text.contains("[customer_segments.answers]\nwho = \"Remote workers who brew at home\""));
    assert!(text.contains("[gap_report]"));

    // Without a title a new canvas cannot be made: the value is named, nothing is written.
    let other = dir.path().join("untitled.toml");
    assert_refused(
        canvas_coach().arg("interview").arg(&other).args([
            "--no-input",
            "--set",
            "customer_segments.who=Someone",
        ]),
        "meta.title is required: give it with --set meta.title=…",
    );
    assert!(!other.exists());
    assert_refused(
        canvas_coach()
            .arg("interview")
            .arg(&path)
            .args(["--no-input", "--set", "customer_segments.whom=x"]),
        "unknown key 'customer_segments.whom' (known: who, most_important)",
    );
}

#[test]
fn answers_from_a_partial_canvas_revise_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lunch.toml");
    fs::copy(example("half-finished.toml"), &path).unwrap();
    let part = dir.path().join("after-interviews.toml");
    fs::write(
        &part,
        "[customer_segments.answers]\nmost_important = \"Office workers in parks with over 500 employees\"\n\
         [[customer_relationships.items]]\nid = \"cr1\"\ntext = \"Lunch chat on the ordering page\"\nlinks = [\"cs1\"]\n",
    )
    .unwrap();
    canvas_coach()
        .arg("interview")
        .arg(&path)
        .arg("--no-input")
        .arg("--answers")
        .arg(&part)
        .assert()
        .code(0);
    let canvas = fs::read_to_string(&path).unwrap();
    assert!(
        canvas.contains("iteration = 2"),
        "a change makes the next iteration"
    );
    assert!(canvas.contains("most_important = \"Office workers in parks with over 500 employees\""));
    assert!(canvas.contains(
        "[[customer_relationships.items]]\nid = \"cr1\"\ntext = \"Lunch chat on the ordering page\""
    ));
    assert!(
        canvas.contains("# Lunch Loop: a first attempt"),
        "the user's comments stay"
    );
    assert!(dir.path().join("lunch.toml.bak").exists());
}

#[test]
fn only_gaps_without_input_needs_every_open_question_answered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lunch.toml");
    fs::copy(example("half-finished.toml"), &path).unwrap();
    let before = fs::read_to_string(&path).unwrap();
    canvas_coach()
        .arg("interview")
        .arg(&path)
        .args([
            "--no-input",
            "--only-gaps",
            "--set",
            "customer_segments.most_important=Office workers in large parks",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("value_propositions.problem is required"));
    assert_eq!(fs::read_to_string(&path).unwrap(), before, "nothing written");
    // In a terminal-less run without --no-input, it says a terminal is needed.
    assert_refused(
        canvas_coach().arg("interview").arg(&path).arg("--only-gaps"),
        "needs a terminal",
    );
}
