//! What the tests of the real binary share.

use std::path::Path;

use assert_cmd::Command;

/// The variables that change what the binary prints: colours forced on, and the locale.
pub const LOCALE_AND_COLOUR: [&str; 4] = ["CLICOLOR_FORCE", "LC_ALL", "LC_MESSAGES", "LANG"];

/// The binary, speaking English without colours unless a test asks otherwise.
pub fn canvas_coach() -> Command {
    let mut cmd = Command::cargo_bin("canvas-coach").unwrap();
    for var in LOCALE_AND_COLOUR {
        cmd.env_remove(var);
    }
    cmd
}

/// The path of an example canvas.
pub fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .display()
        .to_string()
}
