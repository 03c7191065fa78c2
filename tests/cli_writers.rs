//! Writers that meet: two runs saving one canvas at once, and runs killed while they write. The
//! canvas is always a whole version, no change is lost, and nothing is left behind.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};

mod common;

use common::{LOCALE_AND_COLOUR, canvas_coach, example, file_names};

/// `canvas-coach interview FILE --no-input --set ASSIGNMENT`, started and left running.
fn start_setting(path: &Path, assignment: &str) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_canvas-coach"));
    for var in LOCALE_AND_COLOUR {
        command.env_remove(var);
    }
    command
        .arg("interview")
        .arg(path)
        .args(["--no-input", "--set", assignment])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Runs two `--set`s at once, one through `first` and one through `second`, and asserts that
/// the canvas at `canvas` keeps both.
fn both_keep_their_change(first: &Path, second: &Path, canvas: &Path, round: usize) {
    let first = start_setting(first, &format!("customer_segments.who=First {round}"));
    let second = start_setting(second, &format!("channels.reach_now=Second {round}"));
    for run in [first, second] {
        let output = run.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = fs::read_to_string(canvas).unwrap();
    assert!(
        text.contains(&format!("who = \"First {round}\"")),
        "round {round}: {text}"
    );
    assert!(
        text.contains(&format!("reach_now = \"Second {round}\"")),
        "round {round}: {text}"
    );
}

#[test]
fn two_runs_saving_at_once_both_keep_their_change() {
    for round in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brew-box.toml");
        fs::copy(example("brew-box.toml"), &path).unwrap();
        both_keep_their_change(&path, &path, &path, round);
        assert_eq!(file_names(dir.path()), ["brew-box.toml", "brew-box.toml.bak"]);
    }
}

#[cfg(unix)]
#[test]
fn runs_through_a_link_and_through_its_target_both_keep_their_change() {
    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("shared")).unwrap();
        let real = dir.path().join("shared/brew-box.toml");
        fs::copy(example("brew-box.toml"), &real).unwrap();
        let link = dir.path().join("brew-box.toml");
        std::os::unix::fs::symlink("shared/brew-box.toml", &link).unwrap();
        both_keep_their_change(&link, &real, &real, round);
    }
}

/// A canvas of about a megabyte, so that a write takes long enough to be interrupted.
fn large_canvas() -> String {
    let mut text = fs::read_to_string(example("brew-box.toml")).unwrap();
    for n in 10..8_010 {
        text.push_str(&format!(
            "\n[[cost_structure.items]]\nid = \"co{n}\"\ntext = \"Cost line {n} {}\"\nlinks = [\"kr1\"]\n",
            "x".repeat(80)
        ));
    }
    text
}

#[cfg(unix)]
#[test]
fn a_run_killed_while_writing_leaves_the_old_or_the_new_canvas_and_no_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.toml");
    let original = large_canvas();
    fs::write(&path, &original).unwrap();
    let reads_whole = |text: &str| canvas_coach_parses(dir.path(), text);
    for kill in 0..24u64 {
        let mut run = start_setting(&path, &format!("customer_segments.who=Version {kill}"));
        // Spread over the run's life; whichever moment it hits, the file must be whole.
        std::thread::sleep(std::time::Duration::from_micros(kill * 700));
        run.kill().unwrap();
        run.wait().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(reads_whole(&text), "after kill {kill} the canvas no longer reads");
    }
    let finished = start_setting(&path, "customer_segments.who=Last")
        .wait_with_output()
        .unwrap();
    assert!(finished.status.success());
    assert_eq!(
        file_names(dir.path()),
        ["large.toml", "large.toml.bak"],
        "no temporary file is left"
    );
    assert!(fs::read_to_string(&path).unwrap().contains("who = \"Last\""));
}

/// Whether `check` reads `text` as a canvas (exit 0 or 1, not 2).
fn canvas_coach_parses(dir: &Path, text: &str) -> bool {
    let copy = dir.join("copy-to-check.toml.txt");
    fs::write(&copy, text).unwrap();
    let output = canvas_coach().arg("check").arg(&copy).output().unwrap();
    fs::remove_file(&copy).unwrap();
    matches!(output.status.code(), Some(0 | 1))
}
