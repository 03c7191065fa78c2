//! Shell integration of the real binary: completion scripts for every shell and the manual page.

mod common;

use common::{canvas_coach, stdout_of};

#[test]
fn completions_are_printed_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef canvas-coach"),
        ("fish", "complete -c canvas-coach"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer"),
    ] {
        let script = stdout_of(canvas_coach().args(["completions", shell]), 0);
        assert!(script.contains(marker), "{shell}:\n{script}");
        for command in ["interview", "check", "render", "completions", "man"] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
    }
    canvas_coach().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_manual_page_is_roff() {
    let page = stdout_of(canvas_coach().arg("man"), 0);
    assert!(page.contains(".TH canvas-coach 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    assert!(page.contains("canvas\\-coach\\-render(1)"), "{page}");
}
