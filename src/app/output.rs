//! Standard output for results; prompts, progress and errors go to standard error.

use std::io::{self, Write};

use crate::error::Error;

/// Writes to stdout; a reader that went away (`| head`) is not an error.
pub fn print(text: &str) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::Output(e)),
        _ => Ok(()),
    }
}
