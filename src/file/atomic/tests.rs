//! Atomic writes: whole files, the user's mode and links kept, nothing left behind.

use std::fs;
use std::path::Path;

use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn writes_replace_whole_files_and_leave_no_temp_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    write_atomic(&path, "one").unwrap();
    write_atomic(&path, "two").unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "two");
    assert_eq!(names(dir.path()), ["c.toml"]);
}

#[cfg(unix)]
#[test]
fn new_files_get_ordinary_permissions_and_old_ones_keep_theirs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    write_atomic(&path, "one").unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // What the umask makes of a file created the ordinary way.
    let ordinary = dir.path().join("ordinary");
    fs::File::create(&ordinary).unwrap();
    assert_eq!(mode(&path), mode(&ordinary));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    write_atomic(&path, "two").unwrap();
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn failed_writes_are_errors_that_leave_the_target_alone() {
    let dir = tempfile::tempdir().unwrap();
    let e = write_atomic(&dir.path().join("no-such-folder/c.toml"), "x").unwrap_err();
    assert!(matches!(e, Error::Write { .. }), "{e}");

    // Renaming a file over a folder fails after the temporary file is written.
    let target = dir.path().join("taken");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("inside"), "kept").unwrap();
    let e = write_atomic(&target, "x").unwrap_err();
    assert!(matches!(e, Error::Write { .. }), "{e}");
    assert_eq!(fs::read_to_string(target.join("inside")).unwrap(), "kept");
    assert_eq!(names(dir.path()), ["taken"], "the temporary file is cleaned up");
}

#[cfg(unix)]
#[test]
fn backups_take_the_canvas_mode_never_wider() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let canvas = dir.path().join("c.toml");
    fs::write(&canvas, "x").unwrap();
    fs::set_permissions(&canvas, fs::Permissions::from_mode(0o600)).unwrap();
    let backup = dir.path().join("c.toml.bak");
    write_like(&backup, "old", &canvas).unwrap();
    assert_eq!(fs::metadata(&backup).unwrap().permissions().mode() & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn a_linked_canvas_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/c.toml");
    fs::write(&target, "old").unwrap();
    let link = dir.path().join("c.toml");
    std::os::unix::fs::symlink("real/c.toml", &link).unwrap();
    write_atomic(&link, "new").unwrap();
    assert!(
        fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "still a link"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "new");
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_a_write_error_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    std::os::unix::fs::symlink("b.md", &a).unwrap();
    std::os::unix::fs::symlink("a.md", &b).unwrap();
    let error = write_output(&a, "new").unwrap_err();
    assert!(
        matches!(&error, Error::Write { path, source }
            if *path == a && source.raw_os_error() == Some(libc::ELOOP)),
        "{error:?}"
    );
    for link in [&a, &b] {
        assert!(fs::symlink_metadata(link).unwrap().file_type().is_symlink());
    }
    assert_eq!(names(dir.path()), ["a.md", "b.md"], "nothing written");
}

#[cfg(unix)]
#[test]
fn temporary_files_of_a_dead_process_are_removed_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    // A process that has ended: its id is free, as after `kill -9` during a write.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    fs::write(temporary_path(&path, dead), "half").unwrap();
    let other_canvas = temporary_path(&dir.path().join("other.toml"), dead);
    fs::write(&other_canvas, "someone else's").unwrap();
    write_atomic(&path, "whole").unwrap();
    let kept = format!(".other.toml.{dead}.canvas-coach.tmp");
    assert_eq!(
        names(dir.path()),
        [kept, "c.toml".to_owned()],
        "only this canvas's leftovers go"
    );
}

#[cfg(unix)]
#[test]
fn output_to_a_fifo_is_written_into_it_not_replaced() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = std::thread::spawn({
        let fifo = fifo.clone();
        move || {
            let mut text = String::new();
            fs::File::open(&fifo).unwrap().read_to_string(&mut text).unwrap();
            text
        }
    });
    write_output(&fifo, "rendered").unwrap();
    assert_eq!(reader.join().unwrap(), "rendered");
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}
