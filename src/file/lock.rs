//! An advisory lock for every read-modify-write of a canvas. The lock is taken on the canvas's
//! folder, not on the file: a save replaces the file by renaming a new one over it, so a lock on
//! the old file would guard nothing, and a canvas that does not exist yet has no file to lock.

use std::fs::File;
use std::path::Path;

use crate::error::Error;

/// Held while a canvas is read, compared and replaced; released when dropped.
pub struct FolderLock {
    _folder: File,
}

/// Waits for the lock on the folder of the file `path` finally names (through links, so writers
/// through a link and through its target share one lock); another canvas-coach saving in that
/// folder finishes first.
pub fn lock(path: &Path) -> Result<FolderLock, Error> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let target = super::atomic::through_links(path).map_err(write_error)?;
    let folder = super::atomic::folder_of(&target);
    let handle = File::open(folder).map_err(write_error)?;
    handle.lock().map_err(write_error)?;
    Ok(FolderLock { _folder: handle })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_writer_waits_until_the_first_is_done() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let first = lock(&path).unwrap();
        let (sent, received) = mpsc::channel();
        let waiting = std::thread::spawn({
            let path = path.clone();
            move || {
                let _second = lock(&path).unwrap();
                sent.send(()).unwrap();
            }
        });
        // Not a timing assertion: nothing may arrive while the first lock is held, however long.
        assert!(received.recv_timeout(Duration::from_millis(50)).is_err());
        drop(first);
        received.recv().unwrap();
        waiting.join().unwrap();
    }
}
