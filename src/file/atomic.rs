//! Replacing files as the user set them up: the new content goes to a temporary file beside the
//! target, named with this process's id, with the target's mode and owner; it is flushed, renamed
//! over the target and the folder synced, so a crash leaves the old file or the new one, never
//! half of one. A symbolic link is written through to its target, and temporary files left by a
//! process that died are removed by the next write.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The folder a file is in; `.` for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Replaces `path` with `contents`, keeping the old file's mode and owner.
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), Error> {
    write_like(path, contents, path)
}

/// Replaces `path` with `contents`, giving it the mode and owner of `like` (a canvas's backup and
/// draft are no more readable than the canvas, even when an old one was).
pub fn write_like(path: &Path, contents: &str, like: &Path) -> Result<(), Error> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let target = through_links(path).map_err(write_error)?;
    if fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) || !may_write(&target) {
        return Err(Error::ReadOnly(path.to_path_buf()));
    }
    let model = through_links(like)
        .and_then(fs::metadata)
        .or_else(|_| fs::metadata(&target))
        .ok();
    remove_stale_temporaries(&target);
    let temp = temporary_path(&target, std::process::id());
    let written = write_temporary(&temp, contents, model.as_ref())
        .and_then(|()| fs::rename(&temp, &target))
        .and_then(|()| File::open(folder_of(&target))?.sync_all());
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.map_err(write_error)
}

/// Refuses a file the user made read-only, or one in a folder this process may not write (where
/// the new file, the backup and the draft go), before any work is done on it.
pub fn check_writable(path: &Path) -> Result<(), Error> {
    let target = through_links(path).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    // The mode bits count even for root, who may write anything: a 0444 canvas means "leave it".
    let read_only = |file: &Path| fs::metadata(file).is_ok_and(|m| m.permissions().readonly());
    if fs::metadata(&target).is_ok_and(|m| m.is_file()) && (read_only(&target) || !may_write(&target)) {
        return Err(Error::ReadOnly(path.to_path_buf()));
    }
    for folder in [folder_of(path), folder_of(&target)] {
        if fs::metadata(folder).is_ok_and(|m| m.is_dir()) && !may_write(folder) {
            return Err(Error::ReadOnlyFolder(folder.to_path_buf()));
        }
    }
    Ok(())
}

/// Whether this process may write `path` as the system judges it — owner, group, ACLs, a
/// read-only mount — not by the mode bits alone. A path that does not exist is not refused here.
fn may_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(name) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
            return true;
        };
        // SAFETY: `name` is a NUL-terminated string that outlives the call, which only reads it.
        let answer = unsafe { libc::access(name.as_ptr(), libc::W_OK) };
        answer == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::ENOENT)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// Writes the output of `render -o`: a regular file (or a new one) is replaced atomically;
/// anything else — a FIFO, a device, a terminal — is written into, never replaced.
pub fn write_output(path: &Path, contents: &str) -> Result<(), Error> {
    match fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut out| out.write_all(contents.as_bytes()))
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            }),
        _ => write_atomic(path, contents),
    }
}

/// The file a path finally names: a link is followed to its target, which is what gets
/// replaced, so the link stays a link; the lock guards the target's folder for the same reason.
/// A link loop is an error, as the system's own lookup would say, so that nothing replaces the
/// link.
pub(super) fn through_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many hops as Linux follows before it gives up.
    for _ in 0..40 {
        match fs::read_link(&current) {
            Ok(target) => current = folder_of(&current).join(target),
            Err(_) => return Ok(current),
        }
    }
    #[cfg(unix)]
    let error = io::Error::from_raw_os_error(libc::ELOOP);
    #[cfg(not(unix))]
    let error = io::Error::other("too many levels of symbolic links");
    Err(error)
}

/// `.NAME.PID.canvas-coach.tmp` beside `target`.
fn temporary_path(target: &Path, pid: u32) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    folder_of(target).join(format!(".{name}.{pid}.canvas-coach.tmp"))
}

fn write_temporary(temp: &Path, contents: &str, model: Option<&fs::Metadata>) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
        // A new file gets the usual permissions (the umask applies); a replaced one its own.
        options.mode(model.map_or(0o666, |m| m.mode() & 0o7777));
    }
    let mut file = options.open(temp)?;
    #[cfg(unix)]
    if let Some(model) = model {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // The umask narrowed the mode at creation; set it exactly, never wider than the model.
        file.set_permissions(fs::Permissions::from_mode(model.mode() & 0o7777))?;
        // Only a privileged process may give a file away; for others the owner is already theirs.
        let _ = std::os::unix::fs::fchown(&file, Some(model.uid()), Some(model.gid()));
    }
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

/// Removes the temporary files of `target` whose process is gone (killed while writing).
fn remove_stale_temporaries(target: &Path) {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(folder_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let pid = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".canvas-coach.tmp"))
            .and_then(|pid| pid.parse::<u32>().ok());
        if pid.is_some_and(|pid| !is_running(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id exists; where that cannot be asked, assume it does.
fn is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // Signal 0 only asks whether the process exists.
        // SAFETY: kill with signal 0 sends nothing and touches no memory.
        let answer = unsafe { libc::kill(pid, 0) };
        answer == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

#[cfg(test)]
mod tests;
