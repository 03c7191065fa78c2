//! What the tests of the real binary share.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// The variables that change what the binary prints: colours forced on, and the locale.
pub const LOCALE_AND_COLOUR: [&str; 4] = ["CLICOLOR_FORCE", "LC_ALL", "LC_MESSAGES", "LANG"];

/// The binary, speaking English without colours unless a test asks otherwise.
pub fn canvas_coach() -> Command {
    let mut cmd = Command::cargo_bin("canvas-coach").unwrap();
    for var in LOCALE_AND_COLOUR {
        cmd.env_remove(var);
    }
    cmd
}

/// The path of an example canvas.
#[allow(dead_code)] // the escaping tests write canvases of their own
pub fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .display()
        .to_string()
}

/// Asserts that `command` is refused: exit status 2, and `message` in what it writes to stderr.
#[allow(dead_code)] // for the tests of the command line; the golden files' tests refuse nothing
pub fn assert_refused(command: &mut Command, message: impl Into<String>) {
    command.assert().code(2).stderr(predicate::str::contains(message));
}

/// Runs `command`, asserts its exit status (showing its stderr if wrong), and returns what it
/// wrote to stdout.
#[allow(dead_code)] // some test binaries only watch files and stderr
pub fn stdout_of(command: &mut Command, code: i32) -> String {
    let output = command.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The names of the entries of a folder, sorted.
#[allow(dead_code)] // for the tests that watch which files a command leaves
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Makes a FIFO at `path`, as a hostile or unusual input or output.
#[allow(dead_code)] // for the tests of FIFOs
pub fn make_fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}
