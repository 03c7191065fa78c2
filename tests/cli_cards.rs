//! The real binary designing tests and recording learnings: `test add`, `test list` and `learn`,
//! with flags and `--no-input`, refusing without touching the file, and never waiting for a
//! terminal it does not have.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::{assert_refused, canvas_coach, example, stdout_of};

/// A copy of Brew Box in a fresh folder.
fn brew_box() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brew-box.toml");
    fs::copy(example("brew-box.toml"), &path).unwrap();
    (dir, path)
}

fn add_test(path: &Path, flags: &[&str]) -> String {
    let mut command = canvas_coach();
    command
        .args(["test", "add"])
        .arg(path)
        .arg("--no-input")
        .args(flags);
    stdout_of(&mut command, 0)
}

#[test]
fn test_add_with_flags_writes_a_card_and_test_list_shows_open_and_overdue_ones_first() {
    let (_dir, path) = brew_box();
    let said = add_test(
        &path,
        &[
            "--item",
            "vp2",
            "--criterion",
            "We are right if 8 of 40 take it",
            "--cost",
            "80 EUR",
        ],
    );
    assert_eq!(said, format!("Added test t1 to {}.\n", path.display()));
    let said = add_test(
        &path,
        &[
            "--item",
            "cs2,vp3",
            "--deadline",
            "31.01.2000",
            "--metric",
            "Offices that book a tasting",
        ],
    );
    assert!(said.starts_with("Added test t2"), "{said}");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(
        "[[test]]\nid = \"t1\"\nitems = [\"vp2\"]\n\
         hypothesis = \"We believe that customers want “A roast profile matched to your brewing method”.\"\n\
         criterion = \"We are right if 8 of 40 take it\"\ncost = { value = 80, currency = \"EUR\" }\n\
         state = \"planned\"\n"
    ));
    assert!(
        text.contains("iteration = 3\n"),
        "a test alone is no new iteration"
    );

    let mut list = canvas_coach();
    let listed = stdout_of(list.args(["test", "list"]).arg(&path), 0);
    let t1 = listed.find("t1  planned").expect(&listed);
    let t2 = listed
        .find("t2  planned · due 2000-01-31 · OVERDUE")
        .expect(&listed);
    assert!(t1 < t2, "in the file's order when both are open: {listed}");
    assert!(listed.contains("tests: cs2 Small offices without a coffee service, vp3 "));
    assert!(listed.contains("cost: 80 EUR"));
    assert!(
        listed.contains("\n    right if: 8 of 40 take it\n"),
        "labelled once: {listed}"
    );
    assert!(
        listed.contains("\n    metric: Offices that book a tasting\n"),
        "{listed}"
    );
}

#[test]
fn test_add_refuses_unknown_items_missing_items_and_bad_deadlines_leaving_the_file_as_it_was() {
    let (_dir, path) = brew_box();
    let before = fs::read(&path).unwrap();
    for (flags, says) in [
        (
            vec!["--item", "vp9"],
            "there is no item 'vp9' in the canvas (its items: cs1, cs2, vp1",
        ),
        (vec![], "name the items to test with --item ID"),
        (
            vec!["--item", "vp2", "--deadline", "soon"],
            "'soon' is not a date",
        ),
    ] {
        let mut command = canvas_coach();
        command
            .args(["test", "add"])
            .arg(&path)
            .arg("--no-input")
            .args(&flags);
        assert_refused(&mut command, says);
        assert_eq!(fs::read(&path).unwrap(), before, "{flags:?}");
    }
    let missing = path.with_file_name("missing.toml");
    let mut command = canvas_coach();
    assert_refused(
        command
            .args(["test", "add"])
            .arg(&missing)
            .args(["--item", "vp1", "--no-input"]),
        "missing.toml",
    );
    assert!(!missing.exists());
}

#[test]
fn learn_with_flags_records_the_learning_the_status_and_rated_evidence() {
    let (dir, path) = brew_box();
    add_test(&path, &["--item", "vp2"]);
    let mut learn = canvas_coach();
    learn.args(["learn"]).arg(&path).args([
        "t1",
        "--no-input",
        "--observation",
        "9 of 40 took the matched roast",
        "--insight",
        "Brewing method matters",
        "--decision",
        "persevere",
        "--strength",
        "pay",
        "--status",
        "validated",
    ]);
    let said = stdout_of(&mut learn, 0);
    assert_eq!(
        said,
        format!("Recorded the learning for test t1 in {}.\n", path.display())
    );
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("status = \"validated\"\nevidence = [{ text = \""),
        "{text}"
    );
    assert!(text.contains(": 9 of 40 took the matched roast\", strength = \"pay\" }]"));
    assert!(text.contains("state = \"done\""));
    assert!(text.contains("[[learning]]\ntest = \"t1\"\ndate = \""));
    assert!(
        text.contains("insight = \"Brewing method matters\"\ndecision = \"persevere\"\nstrength = \"pay\"\n")
    );
    assert!(
        text.contains("iteration = 4\n"),
        "a changed status is a new iteration"
    );
    assert!(dir.path().join("brew-box.toml.bak").exists());
    let mut list = canvas_coach();
    let listed = stdout_of(list.args(["test", "list"]).arg(&path), 0);
    assert!(listed.contains("t1  done · 1 learning"), "{listed}");
    assert!(listed.contains("persevere, pay): 9 of 40 took"));
}

#[test]
fn learn_refuses_an_unknown_test_and_a_missing_observation_leaving_the_file_as_it_was() {
    let (_dir, path) = brew_box();
    add_test(&path, &["--item", "vp2"]);
    let before = fs::read(&path).unwrap();
    let mut unknown = canvas_coach();
    assert_refused(
        unknown
            .arg("learn")
            .arg(&path)
            .args(["t7", "--no-input", "--observation", "x"]),
        "there is no test 't7' in the canvas (its tests: t1)",
    );
    let mut bare = canvas_coach();
    assert_refused(
        bare.arg("learn").arg(&path).args(["t1", "--no-input"]),
        "--observation is required with --no-input",
    );
    let mut wrong = canvas_coach();
    assert_refused(
        wrong
            .arg("learn")
            .arg(&path)
            .args(["t1", "--no-input", "--strength", "shout"]),
        "invalid value 'shout'",
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn the_forms_without_a_terminal_say_so_instead_of_hanging() {
    let (_dir, path) = brew_box();
    let before = fs::read(&path).unwrap();
    let mut add = canvas_coach();
    assert_refused(
        add.args(["test", "add"]).arg(&path).args(["--item", "vp2"]),
        "this form needs a terminal",
    );
    add_test(&path, &["--item", "vp2"]);
    let added = fs::read(&path).unwrap();
    assert_ne!(added, before);
    let mut learn = canvas_coach();
    assert_refused(
        learn.arg("learn").arg(&path).arg("t1"),
        "this form needs a terminal",
    );
    assert_eq!(fs::read(&path).unwrap(), added);
}

#[test]
fn completions_the_manual_and_help_know_the_new_commands() {
    let bash = stdout_of(canvas_coach().args(["completions", "bash"]), 0);
    assert!(
        bash.contains("canvas__coach__subcmd__test__subcmd__add"),
        "{bash}"
    );
    assert!(
        bash.contains("--observation") && bash.contains("--hypothesis"),
        "{bash}"
    );
    let manual = stdout_of(canvas_coach().arg("man"), 0);
    assert!(manual.contains("canvas\\-coach\\-test(1)") && manual.contains("canvas\\-coach\\-learn(1)"));
    let help = stdout_of(canvas_coach().args(["learn", "--help"]), 0);
    assert!(help.contains("canvas-coach learn brew-box.toml t1 --no-input --observation"));
}
