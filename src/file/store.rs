//! Reading files safely: a regular file's UTF-8 text within the size limit, or a clear error;
//! a FIFO or device is refused, never waited on. Writing is `atomic`'s.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use crate::error::{Error, Invalid, Problem};

/// The largest canvas or bank file read: about 20,000 items, far above any real canvas, so a
/// whole file is read and parsed at once.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a UTF-8 text file, refusing anything but a regular file, files over the limit and
/// invalid UTF-8 with a clear error. The size is what was read, not what the metadata claims.
pub fn read_text(path: &Path) -> Result<String, Error> {
    read_text_up_to(path, MAX_FILE_BYTES)
}

/// As [`read_text`], with a limit of `max` bytes.
pub fn read_text_up_to(path: &Path, max: u64) -> Result<String, Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = open_for_reading(path).map_err(read_error)?;
    if !file.metadata().map_err(read_error)?.is_file() {
        return Err(Invalid::new(path, Problem::NotAFile).into());
    }
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > max {
        let max_mib = max >> 20;
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

/// Whether a read failed because the file is not there (a new canvas) rather than unreadable.
pub fn is_not_found(error: &Error) -> bool {
    matches!(error, Error::Read { source, .. } if source.kind() == io::ErrorKind::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
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
}
