//! The program described for the shell: completion scripts and the manual page, both made from
//! the command line's own definition, so they never fall behind it.

use clap::Command;
use clap_complete::Shell;

/// The completion script for `shell`.
pub fn completions(shell: Shell, mut command: Command) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "canvas-coach", &mut out);
    String::from_utf8(out).expect("completion scripts are UTF-8")
}

/// The manual page, in roff: the options, the commands and the examples of `--help`.
pub fn manual(command: Command) -> String {
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .expect("writing to memory does not fail");
    String::from_utf8(out).expect("the manual page is UTF-8")
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// The names of the commands, `help` aside.
    fn commands() -> Vec<String> {
        Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .filter(|name| name != "help")
            .collect()
    }

    #[test]
    fn every_shell_gets_a_script_that_completes_every_command() {
        assert!(commands().len() >= 10, "{:?}", commands());
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Elvish,
        ] {
            let script = completions(shell, Cli::command());
            assert!(script.contains("canvas-coach"), "{shell}");
            for command in commands() {
                assert!(script.contains(&command), "{shell} does not complete {command}");
            }
        }
        assert!(completions(Shell::Bash, Cli::command()).contains("--paper"));
    }

    #[test]
    fn the_manual_page_is_roff_naming_every_command_and_the_examples() {
        let page = manual(Cli::command());
        assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{}", &page[..80]);
        assert!(page.contains(".TH canvas-coach 1"), "{page}");
        for command in commands() {
            assert!(
                page.contains(&format!("canvas\\-coach\\-{command}(1)")),
                "{command} in:\n{page}"
            );
        }
        assert!(
            page.contains("canvas\\-coach check cohort\\-2026/"),
            "the examples"
        );
    }
}
