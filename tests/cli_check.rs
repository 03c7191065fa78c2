//! The real binary checking canvases as a user runs it: single files, cohorts of a folder, exit
//! codes, languages, and hostile or broken files.

use std::fs;

mod common;

use common::{assert_refused, canvas_coach, example, file_names, stdout_of};
use predicates::prelude::*;

#[test]
fn complete_examples_pass_check() {
    for name in ["brew-box.toml", "tutor-match.toml"] {
        canvas_coach()
            .args(["check", &example(name)])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Score 100/100"))
            .stdout(predicate::str::contains("No gaps"));
    }
}

#[test]
fn the_half_finished_example_reports_its_gaps_and_exits_1() {
    let stdout = stdout_of(canvas_coach().args(["check", &example("half-finished.toml")]), 1);
    assert!(
        !stdout.contains('\x1b'),
        "no colours when the output is not a terminal"
    );
    insta::assert_snapshot!("half_finished_report", stdout);
}

#[test]
fn a_malformed_canvas_names_file_line_and_column_exits_2_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    let text = "format = 1\n[meta]\ntitle = \"Brew Box\"\niteration = \"three\"\n";
    fs::write(&path, text).unwrap();
    for args in [vec!["check"], vec!["interview"]] {
        canvas_coach()
            .args(&args)
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "{}:4:13: invalid type: string",
                path.display()
            )));
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
    }
    assert_eq!(file_names(dir.path()), ["bad.toml"], "nothing else written");
}

#[test]
fn unreadable_inputs_exit_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.toml");
    fs::write(&newer, "format = 7\n").unwrap();
    let not_toml = dir.path().join("notes.toml");
    fs::write(&not_toml, "Just some notes, not TOML at all.\n").unwrap();
    let cases = [
        (
            newer.display().to_string(),
            "written by a newer canvas-coach".to_owned(),
        ),
        (
            not_toml.display().to_string(),
            format!("{}:1:6:", not_toml.display()),
        ),
        (
            dir.path().join("none.toml").display().to_string(),
            "cannot read".to_owned(),
        ),
    ];
    for (file, message) in cases {
        assert_refused(canvas_coach().args(["check", &file]), message);
    }
}

/// A coach's folder: the examples, one broken canvas, one in a subfolder, and files that are
/// not canvases to look at (a backup, a draft, a hidden file).
fn cohort_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["brew-box.toml", "tutor-match.toml", "half-finished.toml"] {
        fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    fs::write(dir.path().join("broken.toml"), "format = 1\n[meta\n").unwrap();
    fs::create_dir(dir.path().join("week-2")).unwrap();
    fs::copy(example("brew-box.toml"), dir.path().join("week-2/brew-box.toml")).unwrap();
    fs::write(dir.path().join("brew-box.toml.bak"), "not read").unwrap();
    fs::write(dir.path().join("brew-box.toml.draft"), "not read").unwrap();
    fs::write(dir.path().join(".hidden.toml"), "not read").unwrap();
    dir
}

#[test]
fn a_folder_gives_a_cohort_table_with_broken_files_as_errors() {
    let dir = cohort_folder();
    let output = canvas_coach()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "a broken file makes the exit status 2"
    );
    let table = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(
        rows[0],
        "file                    title        iteration  score  missing  inconsistent  suggestion  worst block"
    );
    assert_eq!(rows.len(), 6, "{table}");
    assert_eq!(
        rows[1],
        "./brew-box.toml         Brew Box             3    100        0             0           0  —"
    );
    assert_eq!(
        rows[2],
        "./broken.toml           error: ./broken.toml:2:6: unclosed table, expected `]`"
    );
    assert_eq!(
        rows[3],
        "./half-finished.toml    Lunch Loop           1     12       37             6           0  Channels"
    );
    assert!(rows[4].starts_with("./tutor-match.toml      Tutor Match          2    100"));
    assert!(rows[5].starts_with("./week-2/brew-box.toml  Brew Box"));

    // Without the broken one: gaps, so 1; only complete canvases: 0.
    for (removed, code) in [("broken.toml", 1), ("half-finished.toml", 0)] {
        fs::remove_file(dir.path().join(removed)).unwrap();
        canvas_coach()
            .current_dir(dir.path())
            .args(["check", "."])
            .assert()
            .code(code);
    }
}

#[test]
fn json_has_one_object_per_canvas_with_the_gap_report_fields() {
    let dir = cohort_folder();
    let output = canvas_coach()
        .current_dir(dir.path())
        .args([
            "check",
            "half-finished.toml",
            "broken.toml",
            "brew-box.toml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["file"], "half-finished.toml");
    assert_eq!(rows[0]["title"], "Lunch Loop");
    assert_eq!(rows[0]["score"], 12);
    let gap = &rows[0]["gaps"][0];
    assert_eq!(gap["block"], "customer_segments");
    assert_eq!(gap["rule"], "unanswered_question");
    assert_eq!(gap["severity"], "missing");
    assert_eq!(gap["question"], "most_important");
    assert!(gap["message"].as_str().unwrap().starts_with("Unanswered"));
    assert!(rows[1]["error"].as_str().unwrap().contains("broken.toml:2:"));
    assert_eq!(rows[2]["gaps"].as_array().unwrap().len(), 0);
}

#[test]
fn a_folder_without_canvases_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert_refused(
        canvas_coach().arg("check").arg(dir.path()),
        "no canvas files (*.toml) found",
    );
}

#[test]
fn a_broken_bank_is_refused_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank.toml");
    let english = include_str!("../question-banks/en.toml");
    let typo = english.replacen("id = \"customer_segments\"", "id = \"customer_segmentz\"", 1);
    let line = typo
        .lines()
        .position(|l| l.contains("customer_segmentz"))
        .unwrap()
        + 1;
    fs::write(&bank, typo).unwrap();
    assert_refused(
        canvas_coach()
            .args(["check", &example("brew-box.toml"), "--bank"])
            .arg(&bank),
        format!("{}:{line}:6: unknown block 'customer_segmentz'", bank.display()),
    );
}

#[test]
fn hostile_files_get_clear_errors_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        path
    };
    let cases = [
        (write("latin1.toml", b"format = 1\n[meta]\ntitle = \"Caf\xe9\"\n"), "3:13: is not valid UTF-8 text"),
        (write("block.toml", b"format = 1\ncustomer_segments = 5\n"), "2:21: invalid type: integer `5`"),
        (write("items.toml", b"format = 1\n[channels]\nitems = \"web shop\"\n"), "3:9: invalid type: string"),
        (
            write("dup.toml", b"format = 1\n[[channels.items]]\nid = \"ch1\"\ntext = \"a\"\n[[channels.items]]\nid = \"ch1\"\ntext = \"b\"\n"),
            "6:6: duplicate item id 'ch1'",
        ),
    ];
    for (path, message) in cases {
        let before = fs::read(&path).unwrap();
        let output = canvas_coach().arg("check").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains(&format!("{}:{message}", path.display())),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    // Sparse, so it costs no disk space; refused before it is read.
    let huge = dir.path().join("huge.toml");
    fs::File::create(&huge)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    assert_refused(
        canvas_coach().arg("check").arg(&huge),
        "is larger than 4 MiB, the most a canvas or bank file may be",
    );
}

#[test]
fn long_answers_emoji_and_right_to_left_text_are_reported_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("world.toml");
    let long = "Kaffee ".repeat(1000);
    let text = format!(
        "format = 1\n[meta]\ntitle = \"☕️ مقهى Café 🚀\"\n[customer_segments.answers]\nwho = \"{long}\"\n\
         [[customer_segments.items]]\nid = \"cs1\"\ntext = \"שלום עולם 👋\"\n\
         [[channels.items]]\nid = \"ch1\"\ntext = \"Web\"\n"
    );
    fs::write(&path, &text).unwrap();
    canvas_coach()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Gap report: ☕️ مقهى Café 🚀"))
        .stdout(predicate::str::contains(
            "No channel reaches 'שלום עולם 👋' (cs1).",
        ));
}

#[test]
fn check_speaks_the_language_asked_for_the_canvas_s_own_or_the_locale_s() {
    let half = example("half-finished.toml");
    canvas_coach()
        .args(["--lang", "de", "check", &half])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Lückenbericht: Lunch Loop"))
        .stdout(predicate::str::contains(
            "Unbeantwortet: Wer sind unsere wichtigsten Kunden?",
        ))
        .stdout(predicate::str::contains(
            "Kein Kanal erreicht „Local restaurants with spare lunch capacity“ (cs2).",
        ))
        .stdout(predicate::str::contains("Nächste Schritte"))
        .stdout(predicate::str::contains(
            "  1. Wertversprechen: Kein Wertversprechen dient „Local restaurants with spare lunch capacity“ (cs2).",
        ));

    // A canvas made in Dutch is reported in Dutch without a flag, even under a German locale.
    let dir = tempfile::tempdir().unwrap();
    let dutch = dir.path().join("lunch.toml");
    fs::write(
        &dutch,
        fs::read_to_string(&half)
            .unwrap()
            .replace("language = \"en\"", "language = \"nl\""),
    )
    .unwrap();
    canvas_coach()
        .env("LANG", "de_DE.UTF-8")
        .arg("check")
        .arg(&dutch)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Hiatenrapport: Lunch Loop"))
        .stdout(predicate::str::contains("Volgende stappen"));

    // The locale decides the table of a cohort and the words of errors.
    canvas_coach()
        .env("LC_ALL", "de_DE.UTF-8")
        .args(["check", &example("brew-box.toml"), "missing.toml"])
        .assert()
        .code(2)
        .stdout(predicate::str::starts_with("Datei "))
        .stdout(predicate::str::contains(
            "Fehler: missing.toml kann nicht gelesen werden",
        ));
    canvas_coach()
        .env("LANG", "nl_NL.UTF-8")
        .args(["check", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "canvas-coach: fout: missing.toml kan niet gelezen worden",
        ));
    canvas_coach()
        .args(["--lang", "fr", "check", &half])
        .assert()
        .code(2);
}
