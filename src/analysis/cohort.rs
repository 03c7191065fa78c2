//! Checking many canvases at once, as a coach does for a cohort: finding the canvas files in the
//! folders given and checking them on every core, handing each on in the order given as soon as
//! it and those before it are done, so that memory stays flat however many there are.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

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

/// How many canvases may be checked ahead of the first one not yet handed on. Checking takes
/// the files in order, so only a canvas much slower than the others makes the rest wait; at
/// most this many reports are held at once.
pub const WINDOW: usize = 64;

/// The count of canvases handed on, which the checkers wait on to stay within the window.
struct HandedOn {
    count: Mutex<usize>,
    moved: Condvar,
}

impl HandedOn {
    /// Waits until canvas `n` is within the window.
    fn wait_for(&self, n: usize) {
        let mut count = self.count.lock().expect("no checker panics holding the count");
        while n >= *count + WINDOW {
            count = self
                .moved
                .wait(count)
                .expect("no checker panics holding the count");
        }
    }

    fn set(&self, count: usize) {
        *self.count.lock().expect("no checker panics holding the count") = count;
        self.moved.notify_all();
    }
}

/// Checks every file on every core and hands each to `each` in the order given, as soon as it
/// and all before it are checked. Checkers take the files in turn and stay within [`WINDOW`] of
/// the first one not handed on, so memory does not grow with the number of files.
pub fn check_each(files: &[PathBuf], judge: &Judge<'_>, each: &mut dyn FnMut(Checked)) {
    let next = AtomicUsize::new(0);
    let handed_on = HandedOn {
        count: Mutex::new(0),
        moved: Condvar::new(),
    };
    let (sender, receiver) = mpsc::channel();
    // In place: the receiving loop runs on this thread, the checkers on rayon's.
    rayon::in_place_scope(|scope| {
        for _ in 0..rayon::current_num_threads() {
            let (sender, next, handed_on) = (sender.clone(), &next, &handed_on);
            scope.spawn(move |_| {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= files.len() {
                        break;
                    }
                    handed_on.wait_for(n);
                    if sender.send((n, check_one(&files[n], judge))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut ready = HashMap::new();
        let mut count = 0;
        for (n, checked) in receiver {
            ready.insert(n, checked);
            while let Some(checked) = ready.remove(&count) {
                each(checked);
                count += 1;
                handed_on.set(count);
            }
        }
    });
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

    #[test]
    fn canvases_are_handed_on_in_the_order_given_however_many_there_are() {
        let dir = tempfile::tempdir().unwrap();
        let brew_box = include_str!("../../examples/brew-box.toml");
        let files: Vec<PathBuf> = (0..3 * WINDOW + 5)
            .map(|n| {
                let path = dir.path().join(format!("{n}.toml"));
                // Every seventh file is broken, and a few are large, so that they finish late.
                let text = match n % 7 {
                    0 => "format = 1\n[meta\n".to_owned(),
                    3 => format!("{brew_box}{}", "# padding\n".repeat(20_000)),
                    _ => brew_box.replace("Brew Box\"", &format!("Brew Box {n}\"")),
                };
                fs::write(&path, text).unwrap();
                path
            })
            .collect();
        let bank = crate::bank::Bank::builtin(crate::i18n::Language::En);
        let messages = crate::i18n::Messages::get(crate::i18n::Language::En);
        let judge = |_: &Canvas| (bank, messages);
        let mut seen = Vec::new();
        check_each(&files, &judge, &mut |checked| seen.push(checked));
        let paths: Vec<&PathBuf> = seen.iter().map(|c| &c.path).collect();
        assert_eq!(paths, files.iter().collect::<Vec<_>>());
        for (n, checked) in seen.iter().enumerate() {
            assert_eq!(checked.outcome.is_err(), n % 7 == 0, "{n}");
        }
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
