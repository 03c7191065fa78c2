//! Driving the real binary in a pseudo-terminal, key by key as a person would. Each key is sent
//! only after the prompt it answers is on screen, so nothing depends on timing.

use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Expect, Regex, Session};

pub const DOWN: &str = "\x1b[B";

/// Only a guard against a wizard that never shows the prompt; a passing run never waits on it.
const STUCK: Duration = Duration::from_secs(60);

/// The binary with these arguments in a pseudo-terminal, colours on.
pub fn spawn_args(args: &[&std::ffi::OsStr]) -> OsSession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_canvas-coach"));
    command
        .args(args)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR");
    let mut session = Session::spawn(command).expect("spawn in a pseudo-terminal");
    session.set_expect_timeout(Some(STUCK));
    session
}

/// Waits for the active prompt `text` (its line ends in `›`; an answered one shows `·`), then
/// sends `keys` in one write, so an arrow's escape sequence is never split. Returns what the
/// terminal was sent up to the prompt.
pub fn answer(session: &mut OsSession, text: &str, keys: &str) -> Vec<u8> {
    let active = format!("{}[^\\n·]*›", regex::escape(text));
    let shown = session
        .expect(Regex(active))
        .unwrap_or_else(|e| panic!("prompt {text:?} never came: {e}"));
    session.send(keys).unwrap();
    shown.as_bytes().to_vec()
}

pub fn exit_code(session: &OsSession) -> i32 {
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("wizard did not exit normally: {other:?}"),
    }
}
