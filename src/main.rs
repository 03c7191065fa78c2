//! The `canvas-coach` binary: everything happens in the library's `run`.

use std::process::ExitCode;

fn main() -> ExitCode {
    canvas_coach::run()
}
