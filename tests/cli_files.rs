//! What a save does to the files around a canvas, on the real binary: modes and owners kept, links
//! written through, read-only canvases refused, outputs that are not files written into, and the
//! user's line ends and byte-order mark kept.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;

mod common;

use common::{assert_refused, canvas_coach, example, make_fifo, stdout_of};

/// `interview PATH --no-input --set KEY=TEXT`, expected to succeed.
fn set_answer(path: &Path, key: &str, text: &str) {
    let set = format!("{key}={text}");
    stdout_of(
        canvas_coach()
            .arg("interview")
            .arg(path)
            .args(["--no-input", "--set", &set]),
        0,
    );
}

/// Sets the answer most of these tests revise.
fn set_who(path: &Path, text: &str) {
    set_answer(path, "customer_segments.who", text);
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn backups_and_drafts_are_no_more_readable_than_the_canvas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.toml");
    fs::copy(example("brew-box.toml"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    set_who(&path, "Only for us");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir.path().join("private.toml.bak")), 0o600);
}

#[test]
fn an_old_backup_takes_the_canvas_mode_when_the_canvas_is_narrowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brew-box.toml");
    fs::copy(example("brew-box.toml"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    set_who(&path, "Still open");
    assert_eq!(mode(&dir.path().join("brew-box.toml.bak")), 0o644);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    set_who(&path, "Only for us");
    assert_eq!(mode(&dir.path().join("brew-box.toml.bak")), 0o600);
}

#[test]
fn a_canvas_of_another_owner_keeps_its_owner_when_root_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("theirs.toml");
    fs::copy(example("brew-box.toml"), &path).unwrap();
    if fs::metadata(&path).unwrap().uid() != 0 {
        return; // only root may give a file away; others save their own files
    }
    std::os::unix::fs::chown(&path, Some(4321), Some(4321)).unwrap();
    set_who(&path, "Still theirs");
    for file in [path.clone(), dir.path().join("theirs.toml.bak")] {
        let metadata = fs::metadata(&file).unwrap();
        assert_eq!(
            (metadata.uid(), metadata.gid()),
            (4321, 4321),
            "{}",
            file.display()
        );
    }
}

#[test]
fn a_linked_canvas_is_saved_through_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("shared")).unwrap();
    let real = dir.path().join("shared/brew-box.toml");
    fs::copy(example("brew-box.toml"), &real).unwrap();
    let link = dir.path().join("brew-box.toml");
    symlink("shared/brew-box.toml", &link).unwrap();
    set_who(&link, "Through the link");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("who = \"Through the link\"")
    );
}

#[test]
fn a_read_only_canvas_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.toml");
    fs::copy(example("brew-box.toml"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();
    assert_refused(
        canvas_coach()
            .arg("interview")
            .arg(&path)
            .args(["--no-input", "--set", "customer_segments.who=x"]),
        "locked.toml is read-only, so it was left as it is",
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no backup, no draft"
    );
}

#[test]
fn a_canvas_in_a_folder_that_cannot_be_written_is_refused_up_front() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("locked");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("brew-box.toml");
    fs::copy(example("brew-box.toml"), &path).unwrap();
    if fs::metadata(&path).unwrap().uid() == 0 {
        return; // root may write into any folder, so there is nothing to refuse
    }
    let before = fs::read(&path).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    let output = canvas_coach()
        .arg("interview")
        .arg(&path)
        .args(["--no-input", "--set", "customer_segments.who=x"])
        .output()
        .unwrap();
    // Writable again first, so that the temporary folder can be removed whatever happened.
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let message = format!("the folder {} cannot be written", folder.display());
    assert!(stderr.contains(&message), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 1, "no backup, no draft");
}

#[test]
fn render_writes_into_a_fifo_and_to_stdout_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.md");
    make_fifo(&fifo);
    let reader = std::thread::spawn({
        let fifo = fifo.clone();
        move || fs::read_to_string(fifo).unwrap()
    });
    canvas_coach()
        .args(["render", &example("brew-box.toml"), "--format", "md", "-o"])
        .arg(&fifo)
        .assert()
        .success();
    assert!(reader.join().unwrap().starts_with("# Brew Box"));
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
    let shown = canvas_coach()
        .args(["render", &example("brew-box.toml"), "--format", "md", "-o", "-"])
        .output()
        .unwrap();
    assert!(String::from_utf8(shown.stdout).unwrap().starts_with("# Brew Box"));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn line_ends_and_a_byte_order_mark_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.toml");
    let text = fs::read_to_string(example("brew-box.toml")).unwrap();
    fs::write(&path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    set_who(&path, "From Windows");
    let written = fs::read_to_string(&path).unwrap();
    assert!(written.starts_with('\u{feff}'));
    assert!(written.contains("who = \"From Windows\"\r\n"));
    assert_eq!(
        written.matches('\n').count(),
        written.matches("\r\n").count(),
        "every line ends in CRLF"
    );
}

#[test]
fn the_gap_report_never_pushes_a_canvas_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.toml");
    let mut text = String::from(
        "format = 1\n[meta]\ntitle = \"Full\"\n[[customer_segments.items]]\nid = \"cs1\"\ntext = \"All\"\n",
    );
    // Channels linked to no segment: each is a gap whose message the report would add.
    let padding = "x".repeat(400);
    for n in 1.. {
        let item = format!("[[channels.items]]\nid = \"ch{n}\"\ntext = \"Channel {n} {padding}\"\n");
        if text.len() + item.len() > 4 * 1024 * 1024 - 1_000 {
            break;
        }
        text.push_str(&item);
    }
    fs::write(&path, &text).unwrap();
    set_who(&path, "Everyone");
    let written = fs::read_to_string(&path).unwrap();
    assert!(written.len() <= 4 * 1024 * 1024, "{} bytes", written.len());
    assert!(written.contains("\n[gap_report]\nscore = "), "the score stays");
    assert!(
        !written.contains("[[gap_report.gaps]]"),
        "the thousands of gaps do not fit"
    );
    canvas_coach().arg("check").arg(&path).assert().code(1);
}

#[test]
fn windows_line_ends_in_multi_line_answers_survive_repeated_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.toml");
    let text = "\u{feff}format = 2\r\n[meta]\r\ntitle = \"B\"\r\n[customer_segments.answers]\r\nwho = \"\"\"\r\nmulti\r\nline\r\n\"\"\"\r\n";
    fs::write(&path, text).unwrap();
    for n in 0..3 {
        set_answer(&path, "channels.reach_now", &format!("Round {n}"));
    }
    let written = fs::read_to_string(&path).unwrap();
    assert!(
        written.contains("who = \"\"\"\r\nmulti\r\nline\r\n\"\"\"\r\n"),
        "{written:?}"
    );
    assert!(!written.contains("\r\r"), "{written:?}");
}

#[test]
fn a_save_that_fails_leaves_the_previous_backup_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    fs::copy(example("brew-box.toml"), &path).unwrap();
    set_who(&path, "First revision");
    let backup = dir.path().join("c.toml.bak");
    let kept = fs::read(&backup).unwrap();
    // Two megabytes of the user's comments, and an answer of two and a half: together more than
    // a canvas may hold, so the save fails, and it must fail before touching the backup.
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(&"# a note of the user's own, kept on every save\n".repeat(45_000));
    fs::write(&path, text).unwrap();
    let answers = dir.path().join("answers.toml");
    let huge = "x".repeat(5 * 512 * 1024);
    fs::write(&answers, format!("[channels.answers]\nreach_now = \"{huge}\"\n")).unwrap();
    let output = canvas_coach()
        .arg("interview")
        .arg(&path)
        .args(["--no-input", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("larger than 4 MiB"), "{said}");
    assert_eq!(
        fs::read(&backup).unwrap(),
        kept,
        "the backup is the version before"
    );
}
