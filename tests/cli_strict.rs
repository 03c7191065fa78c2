//! The real binary reading what it is given as strictly as `--set`: dates and iterations in a
//! canvas, item ids of `--answers`, values kept exactly, given details written, a broken draft
//! that `--no-input` never reads, and every parse error with its file, line and column.

use std::fs;
use std::path::Path;

mod common;

use assert_cmd::Command;
use common::{assert_refused, canvas_coach, example, file_names};

/// The half-finished example (iteration 1, dated 2026-11-20), with `from` replaced by `to` (as it
/// is when both are empty).
fn lunch_loop(dir: &Path, from: &str, to: &str) -> String {
    let path = dir.join("lunch.toml");
    let text = fs::read_to_string(example("half-finished.toml")).unwrap();
    assert!(text.contains(from), "{from}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path.display().to_string()
}

/// `interview PATH --no-input`, with each of `set` given as `--set`.
fn without_input(path: &str, set: &[&str]) -> Command {
    let mut command = canvas_coach();
    command.args(["interview", path, "--no-input"]);
    for assignment in set {
        command.args(["--set", assignment]);
    }
    command
}

#[test]
fn a_date_or_iteration_that_cannot_be_is_refused_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to, said) in [
        (
            "date = \"2026-11-20\"",
            "date = \"2026-02-30\"",
            ":9:8: '2026-02-30' is not a date",
        ),
        (
            "iteration = 1",
            "iteration = 4294967295",
            ":10:13: iteration 4294967295 is out of range: it is a whole number from 1 to 1000000",
        ),
    ] {
        let path = lunch_loop(dir.path(), from, to);
        let before = fs::read_to_string(&path).unwrap();
        assert_refused(canvas_coach().args(["check", &path]), format!("{path}{said}"));
        assert_refused(
            &mut without_input(&path, &["customer_segments.who=x"]),
            format!("{path}{said}"),
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), before);
        assert_eq!(file_names(dir.path()), ["lunch.toml"]);
    }
    let path = lunch_loop(dir.path(), "date = \"2026-11-20\"", "date = \"\"");
    canvas_coach().args(["check", &path]).assert().code(1);
}

#[test]
fn answers_may_not_take_an_id_of_another_block() {
    let dir = tempfile::tempdir().unwrap();
    let path = lunch_loop(dir.path(), "", "");
    let before = fs::read_to_string(&path).unwrap();
    let answers = dir.path().join("answers.toml");
    let run = |text: &str| {
        fs::write(&answers, text).unwrap();
        let mut command = without_input(&path, &[]);
        command.arg("--answers").arg(&answers);
        command
    };
    let shown = answers.display();
    assert_refused(
        &mut run("[[channels.items]]\nid = \"cs1\"\ntext = \"Canteen flyers\"\n"),
        format!("{shown}:2:6: item id 'cs1' (in channels) is already used in customer_segments of {path}"),
    );
    let twice = "[[channels.items]]\nid = \"ch9\"\ntext = \"a\"\n[[key_partners.items]]\nid = \"ch9\"\ntext = \"b\"\n";
    assert_refused(
        &mut run(twice),
        format!("{shown}:5:6: duplicate item id 'ch9' (in key_partners, already used in channels)"),
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), before, "nothing written");
    assert_eq!(file_names(dir.path()), ["answers.toml", "lunch.toml"]);
    // The same id in the same block replaces the item.
    run("[[customer_segments.items]]\nid = \"cs1\"\ntext = \"Office workers, replaced\"\n")
        .assert()
        .code(0);
    let after = fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("id = \"cs1\"\ntext = \"Office workers, replaced\""),
        "{after}"
    );
    canvas_coach().args(["check", &path]).assert().code(1);
}

#[test]
fn set_keeps_the_value_after_the_first_equals_sign_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    let set = [
        " meta.title = Brew Box",
        "customer_segments.who=She said \"yes\" = twice",
    ];
    without_input(&path.display().to_string(), &set).assert().code(0);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("title = \" Brew Box\""), "{text}");
    assert!(text.contains("who = 'She said \"yes\" = twice'"), "{text}");
}

#[test]
fn a_given_date_and_iteration_are_written_as_given_on_new_and_existing_canvases() {
    let dir = tempfile::tempdir().unwrap();
    let given = ["meta.date=2026-01-05", "meta.iteration=5"];
    let new = dir.path().join("new.toml");
    without_input(
        &new.display().to_string(),
        &["meta.title=Brew Box", given[0], given[1]],
    )
    .assert()
    .code(0);
    let text = fs::read_to_string(&new).unwrap();
    assert!(text.contains("date = \"2026-01-05\"\niteration = 5\n"), "{text}");
    // An existing canvas changed with them: not iteration 2 dated today.
    let path = lunch_loop(dir.path(), "", "");
    without_input(
        &path,
        &["customer_segments.who=Office workers", given[0], given[1]],
    )
    .assert()
    .code(0);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("date = \"2026-01-05\"\niteration = 5\n"), "{text}");
    // Only a date: written, and no new iteration.
    without_input(&path, &["meta.date=2026-02-01"]).assert().code(0);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("date = \"2026-02-01\"\niteration = 5\n"), "{text}");
}

#[test]
fn no_input_neither_reads_nor_touches_a_broken_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = lunch_loop(dir.path(), "", "");
    let draft = format!("{path}.draft");
    fs::write(&draft, "format = 1\n[draft\n").unwrap();
    without_input(&path, &["customer_segments.who=Office workers"])
        .assert()
        .code(0);
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("who = \"Office workers\"")
    );
    let new = dir.path().join("new.toml").display().to_string();
    fs::write(format!("{new}.draft"), "not a draft at all").unwrap();
    without_input(&new, &["meta.title=New"]).assert().code(0);
    assert_eq!(fs::read_to_string(&draft).unwrap(), "format = 1\n[draft\n");
    assert_eq!(
        fs::read_to_string(format!("{new}.draft")).unwrap(),
        "not a draft at all"
    );
    // The interview, which would offer to resume it, refuses it before anything else.
    assert_refused(
        canvas_coach().args(["interview", &path]),
        format!("{draft}:2:7: unclosed table"),
    );
}

#[test]
fn keys_and_values_nested_too_deep_are_refused_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.toml");
    let deep_key = vec!["a"; 20_000].join(".");
    for (text, place) in [
        (
            format!("format = 1\n[meta]\ntitle = \"x\"\n{deep_key} = 1\n"),
            ":4:1: recursion limit",
        ),
        (format!("format = 1\n[{deep_key}]\n"), ":2:2: recursion limit"),
        (format!("format = 1\nx = {}\n", "[".repeat(100_000)), ":2:"),
        (format!("format = 1\nx = {}1\n", "{ a = ".repeat(100_000)), ":2:"),
    ] {
        fs::write(&path, &text).unwrap();
        assert_refused(
            canvas_coach().arg("check").arg(&path),
            format!("{}{place}", path.display()),
        );
        let new = dir.path().join("new.toml").display().to_string();
        assert_refused(
            without_input(&new, &[]).arg("--answers").arg(&path),
            format!("{}{place}", path.display()),
        );
    }
}
