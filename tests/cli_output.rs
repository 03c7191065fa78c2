//! The real binary printing what is not a gap report: help and version, the question banks,
//! the untested assumptions and the schema.

use std::fs;

mod common;

use common::{assert_refused, canvas_coach, example, stdout_of};
use predicates::prelude::*;

#[test]
fn help_shows_examples_and_version_is_printed() {
    canvas_coach()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("canvas-coach interview brew-box.toml"));
    canvas_coach()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("canvas-coach {}\n", env!("CARGO_PKG_VERSION")));
    canvas_coach().arg("frobnicate").assert().code(2);
    assert_refused(
        canvas_coach().args(["interview", "x.toml", "--blocks", "channels,segments"]),
        "invalid value 'segments' for '--blocks <BLOCKS>'",
    );
    canvas_coach().arg("check").assert().code(2);
}

/// The lines, counted from 1, of the first and the second question with the id `who` in `bank`.
fn first_and_second_who(bank: &str) -> (usize, usize) {
    let line = bank.lines().position(|l| l == "id = \"who\"").unwrap() + 1;
    let second = bank
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"who\"")
        .nth(1)
        .unwrap()
        .0
        + 1;
    (line, second)
}

#[test]
fn built_in_banks_can_be_listed_exported_and_checked() {
    canvas_coach()
        .args(["bank", "list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "en   English      36 questions, 70 category options",
        ))
        .stdout(predicate::str::contains("de   Deutsch"))
        .stdout(predicate::str::contains("nl   Nederlands"));

    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("my-bank.toml");
    let exported = canvas_coach().args(["bank", "export", "nl"]).output().unwrap();
    assert_eq!(exported.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(exported.stdout.clone()).unwrap(),
        include_str!("../question-banks/nl.toml")
    );
    fs::write(&mine, &exported.stdout).unwrap();
    canvas_coach()
        .args(["bank", "check"])
        .arg(&mine)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("valid: "))
        .stdout(predicate::str::contains("Nederlands"));

    let broken =
        String::from_utf8(exported.stdout)
            .unwrap()
            .replacen("id = \"most_important\"", "id = \"who\"", 1);
    fs::write(&mine, &broken).unwrap();
    let (line, second) = first_and_second_who(&broken);
    assert!(second > line);
    assert_refused(
        canvas_coach().args(["bank", "check"]).arg(&mine),
        format!(
            "{}:{second}:6: block customer_segments: duplicate question id 'who'",
            mine.display()
        ),
    );
    assert_refused(
        canvas_coach().args(["--lang", "de", "bank", "check"]).arg(&mine),
        "Baustein customer_segments: doppelte Frage-Id „who“",
    );
}

#[test]
fn assumptions_lists_the_riskiest_untested_ones_first() {
    let text = stdout_of(canvas_coach().args(["assumptions", &example("brew-box.toml")]), 0);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Untested assumptions in Brew Box, riskiest first");
    assert_eq!(
        lines[1],
        "  1. cs2 Small offices without a coffee service (Customer Segments): 16 items depend on it"
    );
    assert!(!text.contains("cs1 "), "cs1 is validated");
    assert!(!text.contains("vp1 "), "vp1 is being tested");
    assert!(
        lines[2].starts_with("  2. rs1 Monthly subscription of 29 EUR")
            && lines[2].ends_with("; the model's money rests on its figure"),
        "an untested price ranks near the top: {text}"
    );
    canvas_coach()
        .args(["--lang", "nl", "assumptions", &example("brew-box.toml")])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "Ongeteste aannames in Brew Box, de riskantste eerst",
        ));
}

#[test]
fn the_committed_schema_is_the_one_the_binary_prints() {
    let printed = stdout_of(canvas_coach().arg("schema"), 0);
    let committed = include_str!("../canvas.schema.json");
    assert_eq!(
        printed, committed,
        "run `canvas-coach schema > canvas.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(schema["required"], serde_json::json!(["format"]));
    assert!(schema["properties"]["customer_segments"].is_object());
}
