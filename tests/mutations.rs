//! A mutation campaign on the real binary: the examples damaged at random — bytes flipped, markup
//! and control characters inserted, lines cut, doubled and swapped — and every command run on
//! them. No case may panic, hang, exit with anything but its documented status, or change a file
//! it refused. `PROPTEST_CASES=20000 cargo test --test mutations` runs a long campaign.

use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::RngSeed;

mod common;

use common::{canvas_coach, example};

const EXAMPLES: [&str; 3] = ["brew-box.toml", "tutor-match.toml", "half-finished.toml"];

/// Texts that break things: markup, control characters, odd numbers and dates, deep nesting.
const SNIPPETS: &[&str] = &[
    "\"",
    "'",
    "[[",
    "]]",
    "[",
    "=",
    "\n",
    "\r\n",
    "#",
    "\\",
    "\"\"\"",
    "'''",
    "{",
    "}",
    ",",
    "\n[meta]\n",
    "\n[[channels.items]]\nid = \"ch1\"\ntext = \"x\"\n",
    "\nformat = 2\n",
    "\u{1b}[2J",
    "\u{1b}]8;;http://x\u{7}",
    "\u{202e}",
    "\u{0}",
    "\u{7f}",
    "\u{9b}",
    "\u{feff}",
    "99999999999999999999",
    "4294967295",
    "-1",
    "2026-02-30",
    "nan",
    "inf",
    "1e999",
    "\nlinks = [\"cs1\", \"cs1\", \"nowhere\"]\n",
    "\nstatus = \"maybe\"\n",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, usize),
    Delete(usize, usize),
    DoubleLine(usize),
    SwapLines(usize, usize),
    Nest(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), 0usize..400).prop_map(|(at, n)| Mutation::Delete(at, n)),
        any::<usize>().prop_map(Mutation::DoubleLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), 1usize..3_000).prop_map(|(at, depth)| Mutation::Nest(at, depth)),
    ]
}

/// Applies `mutation` to the bytes of a file.
fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match *mutation {
        Mutation::Flip(at, b) => {
            if !bytes.is_empty() {
                bytes[at % len] = b;
            }
        }
        Mutation::Insert(at, s) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, SNIPPETS[s].bytes());
        }
        Mutation::Delete(at, n) => {
            let at = at % (bytes.len() + 1);
            bytes.drain(at..(at + n).min(bytes.len()));
        }
        Mutation::DoubleLine(n) | Mutation::SwapLines(n, _) => edit_lines(bytes, mutation, n),
        Mutation::Nest(at, depth) => {
            let at = at % (bytes.len() + 1);
            let nested = format!("\nk = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
            bytes.splice(at..at, nested.into_bytes());
        }
    }
}

fn edit_lines(bytes: &mut Vec<u8>, mutation: &Mutation, n: usize) {
    let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let count = lines.len();
    match *mutation {
        Mutation::DoubleLine(_) => {
            let line = lines[n % count].clone();
            lines.insert(n % count, line);
        }
        Mutation::SwapLines(_, m) => lines.swap(n % count, m % count),
        _ => unreachable!("only line edits come here"),
    }
    *bytes = lines.join(&b'\n');
}

/// Runs the binary with `args`; a run that does not end within a minute is a hang, and is
/// killed.
fn run(args: &[&str], dir: &Path) -> Output {
    canvas_coach()
        .args(args)
        .current_dir(dir)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap_or_else(|e| panic!("canvas-coach {args:?} hung: {e}"))
}

fn expect(output: &Output, allowed: &[i32], what: &str) -> Result<(), TestCaseError> {
    let code = output.status.code();
    prop_assert!(
        code.is_some_and(|c| allowed.contains(&c)),
        "{what}: exit {code:?}, stderr {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(())
}

/// Every command on the damaged canvas `c.toml` in `dir`.
fn every_command(dir: &Path, damaged: &[u8]) -> Result<(), TestCaseError> {
    expect(&run(&["check", "c.toml"], dir), &[0, 1, 2], "check")?;
    expect(
        &run(&["render", "c.toml", "--format", "html", "-o", "c.html"], dir),
        &[0, 2],
        "render",
    )?;
    expect(&run(&["render", "c.toml", "--width", "60"], dir), &[0, 2], "grid")?;
    expect(&run(&["assumptions", "c.toml"], dir), &[0, 2], "assumptions")?;
    expect(
        &run(&["diff", "c.toml", &example("brew-box.toml")], dir),
        &[0, 2],
        "diff",
    )?;
    let set = run(
        &[
            "interview",
            "c.toml",
            "--no-input",
            "--set",
            "customer_segments.who=Mutants",
        ],
        dir,
    );
    expect(&set, &[0, 2], "interview --no-input")?;
    if set.status.code() == Some(2) {
        prop_assert_eq!(
            fs::read(dir.join("c.toml")).unwrap(),
            damaged,
            "a refused file stays as it was"
        );
    } else {
        expect(&run(&["check", "c.toml"], dir), &[0, 1], "check after a save")?;
    }
    Ok(())
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(40);
    ProptestConfig {
        cases,
        rng_seed: RngSeed::Fixed(0x00c0_ffee),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn damaged_examples_never_panic_hang_or_lose_a_refused_file(
        which in 0..EXAMPLES.len(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = fs::read(example(EXAMPLES[which])).unwrap();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        fs::write(dir.path().join("c.toml"), &bytes).unwrap();
        every_command(dir.path(), &bytes)?;
    }
}
