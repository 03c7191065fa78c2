//! The real wizard in an 80×24 pseudo-terminal, read through a terminal model as a person sees
//! it: what each key does to the screen, not to the byte stream. A key is sent only once the
//! prompt it answers is on screen, so nothing depends on timing; the screen is read as the
//! terminal shows it after every chunk of output.

use std::ffi::OsStr;
use std::io::ErrorKind;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Expect, Session};

pub const ROWS: u16 = 24;
pub const COLUMNS: u16 = 80;
pub const DOWN: &str = "\x1b[B";
pub const ESC: &str = "\x1b";

/// Only a guard against a wizard that never shows what a test waits for; a passing run never
/// waits on it.
const STUCK: Duration = Duration::from_secs(60);

pub struct Wizard {
    session: OsSession,
    terminal: vt100::Parser,
    /// Everything the program wrote, to look for what scrolled off the screen.
    pub seen: Vec<u8>,
    ended: bool,
}

impl Wizard {
    /// `canvas-coach interview FILE ARGS…` with `env` set, in a terminal of 80×24.
    pub fn start(file: &Path, args: &[&str], env: &[(&str, &str)]) -> Wizard {
        let mut all = vec![OsStr::new("interview"), file.as_os_str()];
        all.extend(args.iter().map(OsStr::new));
        Wizard::run(&all, env)
    }

    /// `canvas-coach ARGS…` with `env` set, in a terminal of 80×24.
    pub fn run(args: &[&OsStr], env: &[(&str, &str)]) -> Wizard {
        let mut command = Command::new(env!("CARGO_BIN_EXE_canvas-coach"));
        command
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .envs(env.iter().copied());
        let mut session = Session::spawn(command).expect("spawn in a pseudo-terminal");
        session
            .get_process_mut()
            .set_window_size(COLUMNS, ROWS)
            .expect("an 80×24 terminal");
        let size = |n| NonZeroU16::new(n).unwrap();
        Wizard {
            session,
            terminal: vt100::Parser::new(size(ROWS), size(COLUMNS), 0),
            seen: Vec::new(),
            ended: false,
        }
    }

    /// The screen's rows as text, trailing blanks trimmed.
    pub fn rows(&self) -> Vec<String> {
        let screen = self.terminal.screen();
        screen
            .rows(0, COLUMNS)
            .map(|row| row.trim_end().to_owned())
            .collect()
    }

    pub fn screen(&self) -> String {
        self.rows().join("\n")
    }

    /// Reads the program's output until `ready` holds for the screen.
    pub fn wait(&mut self, what: &str, ready: impl Fn(&Wizard) -> bool) {
        let deadline = Instant::now() + STUCK;
        let mut chunk = [0u8; 4096];
        while !ready(self) {
            assert!(!self.ended, "the program ended before {what}:\n{}", self.screen());
            assert!(Instant::now() < deadline, "{what} never came:\n{}", self.screen());
            match self.session.try_read(&mut chunk) {
                Ok(0) => self.ended = true,
                Ok(n) => {
                    self.terminal.process(&chunk[..n]);
                    self.seen.extend_from_slice(&chunk[..n]);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => thread::sleep(Duration::from_millis(5)),
                // Linux reports a pseudo-terminal whose program has ended as an I/O error.
                Err(_) => self.ended = true,
            }
        }
    }

    pub fn wait_for_text(&mut self, text: &str) {
        self.wait(&format!("{text:?}"), |w| flat(&w.screen()).contains(&flat(text)));
    }

    /// Waits until the prompt `text` is the one being asked, then sends `keys` in one write, so
    /// an arrow's escape sequence is never split.
    pub fn answer(&mut self, text: &str, keys: &str) {
        self.wait(&format!("the prompt {text:?}"), |w| {
            w.active_prompt()
                .is_some_and(|asked| asked.starts_with(&flat(text)))
        });
        self.send(keys);
    }

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    /// The prompt being asked: from the last row that starts with `?` to the next empty row,
    /// with all white space taken out, so that the way it wraps does not matter.
    pub fn active_prompt(&self) -> Option<String> {
        let rows = self.rows();
        let start = rows.iter().rposition(|row| row.starts_with("? "))?;
        let asked: String = rows[start..]
            .iter()
            .take_while(|row| !row.is_empty())
            .map(|row| row.as_str())
            .collect();
        Some(flat(asked.trim_start_matches("? ")))
    }

    /// The row the list's cursor marker is on, if a list is shown.
    pub fn marked_row(&self) -> Option<String> {
        self.rows().into_iter().find(|row| row.starts_with("❯ "))
    }

    /// Presses Ctrl-C, and waits for the program to say how to resume and end with status 130.
    pub fn interrupt(mut self) {
        self.send("\x03");
        self.wait("the end", |w| {
            w.everything_seen().contains("run the same command again")
        });
        assert_eq!(self.exit_code(), 130);
    }

    /// Waits for the end and returns the exit status.
    pub fn exit_code(mut self) -> i32 {
        self.wait("the end", |w| w.ended);
        match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("the wizard did not exit normally: {other:?}"),
        }
    }

    /// Everything shown, with what scrolled off.
    pub fn everything_seen(&self) -> String {
        String::from_utf8_lossy(&self.seen).into_owned()
    }
}

/// Text without white space, to compare what the screen wrapped with what was meant.
pub fn flat(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
