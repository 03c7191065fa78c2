//! Reading and writing files safely: readable text or a clear error, and atomic writes (a
//! temporary file in the same folder, then a rename) so a crash never leaves half a file.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::Path;

use crate::error::{Error, Invalid, Problem};

/// The largest canvas or bank file read: about 20,000 items, far above any real canvas, so a
/// whole file is read and parsed at once.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a UTF-8 text file, refusing anything but a regular file, files over the limit and
/// invalid UTF-8 with a clear error. The size is what was read, not what the metadata claims.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = open_for_reading(path).map_err(read_error)?;
    if !file.metadata().map_err(read_error)?.is_file() {
        return Err(Invalid::new(path, Problem::NotAFile).into());
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let max_mib = MAX_FILE_BYTES >> 20;
        return Err(Invalid::new(path, Problem::TooLarge { max_mib }).into());
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        Invalid::new(path, Problem::NotUtf8).at(&text, valid).into()
    })
}

/// Opens without waiting: a FIFO opened the ordinary way blocks until something writes to it.
/// Reading a regular file is unaffected.
fn open_for_reading(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// Replaces `path` with `contents` in one step, keeping the old file's permissions.
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), Error> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".canvas-coach-").suffix(".tmp");
    // A new file gets the usual permissions (the umask applies), not a temporary file's 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(folder).map_err(write_error)?;
    temp.write_all(contents.as_bytes()).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    if let Ok(metadata) = fs::metadata(path) {
        fs::set_permissions(temp.path(), metadata.permissions()).map_err(write_error)?;
    }
    temp.persist(path).map_err(|e| write_error(e.error))?;
    Ok(())
}

/// Whether a read failed because the file is not there (a new canvas) rather than unreadable.
pub fn is_not_found(error: &Error) -> bool {
    matches!(error, Error::Read { source, .. } if source.kind() == io::ErrorKind::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_whole_files_and_leave_no_temp_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        write_atomic(&path, "one").unwrap();
        write_atomic(&path, "two").unwrap();
        assert_eq!(read_text(&path).unwrap(), "two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["c.toml"]);
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
    fn folders_invalid_utf8_and_missing_files_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_text(dir.path()).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("is not a regular file (a folder, a device or a pipe)"),
            "{e}"
        );

        let path = dir.path().join("bad.toml");
        fs::write(&path, b"format = 1\ntitle = \"caf\xe9\"\n").unwrap();
        let e = read_text(&path).unwrap_err();
        assert!(e.to_string().ends_with(":2:13: is not valid UTF-8 text"), "{e}");

        let e = read_text(&dir.path().join("none.toml")).unwrap_err();
        assert!(is_not_found(&e));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let e = read_text(&fifo).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("is not a regular file (a folder, a device or a pipe)"),
            "{e}"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_at_the_limit_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        let limit = usize::try_from(MAX_FILE_BYTES).unwrap();
        fs::write(&path, "#".repeat(limit)).unwrap();
        assert_eq!(read_text(&path).unwrap().len(), limit);
        fs::write(&path, "#".repeat(limit + 1)).unwrap();
        let e = read_text(&path).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("is larger than 4 MiB, the most a canvas or bank file may be"),
            "{e}"
        );
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
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["taken"], "the temporary file is cleaned up");
    }
}
