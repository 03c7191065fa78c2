//! Checking many canvases at once, as a coach does for a cohort: finding the canvas files in the
//! folders given and checking them on every core.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::bank::Bank;
use crate::error::Error;
use crate::file;
use crate::gaps::GapReport;
use crate::i18n::Messages;
use crate::model::Canvas;

/// The bank and messages to judge a canvas with, in its own language.
pub type Judge<'a> = dyn Fn(&Canvas) -> (&'a Bank, &'static Messages) + Sync + 'a;

/// One canvas checked, or the reason it could not be.
pub struct Checked {
    pub path: PathBuf,
    pub outcome: Result<Report, Error>,
}

/// A canvas and its gap report, in the canvas's language.
pub struct Report {
    pub canvas: Canvas,
    pub gaps: GapReport,
}

/// What a search found: the files to check, and the `*.toml` entries passed over because they
/// are not regular files (FIFOs, devices, sockets, links), which are never opened.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    pub passed_over: Vec<PathBuf>,
}

/// The files to check: files as given; folders searched, with their subfolders, for regular
/// `*.toml` files, in name order. Hidden entries are skipped and symbolic links not followed,
/// so a link loop ends and each canvas is found once.
pub fn files(inputs: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for input in inputs {
        if !input.is_dir() {
            found.files.push(input.clone());
            continue;
        }
        let walk = WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
            });
        for entry in walk {
            match entry {
                Ok(entry) if entry.path().extension().is_some_and(|e| e == "toml") => {
                    if entry.file_type().is_file() {
                        found.files.push(entry.into_path());
                    } else if !entry.file_type().is_dir() {
                        found.passed_over.push(entry.into_path());
                    }
                }
                Ok(_) => {}
                // An unreadable folder is checked as a file, which reports why it cannot be read.
                Err(error) => found.files.extend(error.path().map(Path::to_path_buf)),
            }
        }
    }
    found
}

/// Checks every file, spread over the machine's cores, in the order given; `progress` is called
/// once per file done.
pub fn check(files: &[PathBuf], judge: &Judge<'_>, progress: &(dyn Fn() + Sync)) -> Vec<Checked> {
    files
        .par_iter()
        .map(|path| {
            let checked = check_one(path, judge);
            progress();
            checked
        })
        .collect()
}

fn check_one(path: &Path, judge: &Judge<'_>) -> Checked {
    let outcome = file::read_canvas(path).map(|canvas| {
        let (bank, messages) = judge(&canvas);
        let gaps = GapReport::new(&canvas, bank, messages);
        Report { canvas, gaps }
    });
    Checked {
        path: path.to_path_buf(),
        outcome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(found: &[PathBuf], root: &Path) -> Vec<String> {
        found
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn a_folder_is_searched_in_name_order_skipping_hidden_entries_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/c")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for name in [
            "z.toml",
            "a.toml",
            "b/c/d.toml",
            "b/notes.md",
            ".hidden.toml",
            ".git/x.toml",
            "a.toml.bak",
        ] {
            fs::write(root.join(name), "").unwrap();
        }
        assert_eq!(
            names(&files(&[root.to_path_buf()]).files, root),
            ["a.toml", "b/c/d.toml", "z.toml"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_ends_and_each_canvas_is_listed_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("cohort")).unwrap();
        fs::write(root.join("cohort/one.toml"), "").unwrap();
        symlink(root.join("cohort"), root.join("cohort/again")).unwrap();
        symlink(".", root.join("cohort/here")).unwrap();
        symlink(root.join("cohort/one.toml"), root.join("cohort/link.toml")).unwrap();
        let found = files(&[root.join("cohort")]);
        assert_eq!(names(&found.files, &root.join("cohort")), ["one.toml"]);
        assert_eq!(names(&found.passed_over, &root.join("cohort")), ["link.toml"]);
    }
}
