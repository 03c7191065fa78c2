//! The folder search of `check` on the real binary: links not followed, each canvas checked
//! once, and what is not a regular file passed over instead of waited on.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

mod common;

use common::{canvas_coach, example, make_fifo};

/// The file names in the first column of the cohort table, in order.
fn checked_files(stdout: &[u8], root: &Path) -> Vec<String> {
    let root = format!("{}/", root.display());
    String::from_utf8_lossy(stdout)
        .lines()
        .skip(1)
        .filter_map(|line| line.split_whitespace().next())
        .map(|file| file.trim_start_matches(&root).to_owned())
        .collect()
}

#[test]
fn a_folder_with_a_link_loop_is_checked_once_per_canvas() {
    let dir = tempfile::tempdir().unwrap();
    let cohort = dir.path().join("cohort");
    fs::create_dir_all(cohort.join("team-a")).unwrap();
    fs::copy(example("brew-box.toml"), cohort.join("team-a/brew-box.toml")).unwrap();
    fs::copy(example("tutor-match.toml"), cohort.join("tutor-match.toml")).unwrap();
    // Two links back up the tree, and a link to a canvas already in the folder.
    symlink(&cohort, cohort.join("team-a/up")).unwrap();
    symlink(".", cohort.join("here")).unwrap();
    symlink(cohort.join("tutor-match.toml"), cohort.join("again.toml")).unwrap();
    let output = canvas_coach().arg("check").arg(&cohort).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        checked_files(&output.stdout, &cohort),
        ["team-a/brew-box.toml", "tutor-match.toml"]
    );
}

#[test]
fn a_fifo_named_like_a_canvas_neither_hangs_the_search_nor_a_direct_check() {
    let dir = tempfile::tempdir().unwrap();
    let cohort = dir.path().join("cohort");
    fs::create_dir(&cohort).unwrap();
    fs::copy(example("brew-box.toml"), cohort.join("brew-box.toml")).unwrap();
    let fifo = cohort.join("pipe.toml");
    make_fifo(&fifo);
    let output = canvas_coach().arg("check").arg(&cohort).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(checked_files(&output.stdout, &cohort), ["brew-box.toml"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("pipe.toml is not a regular file (a link, a FIFO or a device), so it was not checked"),
        "{said}"
    );
    let output = canvas_coach().arg("check").arg(&fifo).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.ends_with("pipe.toml: is not a regular file (a folder, a device or a pipe)\n"),
        "{said}"
    );
}

#[test]
fn a_canvas_over_the_size_limit_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let mut text = fs::read_to_string(example("brew-box.toml")).unwrap();
    text.push_str(&"# padding\n".repeat(420_000));
    fs::write(&path, &text).unwrap();
    let output = canvas_coach().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("huge.toml: is larger than 4 MiB"), "{said}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}
