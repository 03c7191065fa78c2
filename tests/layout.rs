//! The layout rules of the code base, checked so they stay true: no source file over 400 lines
//! and no function over 60, counted from its `fn` line to its closing brace.

use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 400;
const MAX_FN_LINES: usize = 60;

/// Every `.rs` file below `dir`.
fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Whether a line starts a function: `fn`, after any visibility, `const` or `async`.
fn starts_fn(line: &str) -> bool {
    let mut words = line
        .split_whitespace()
        .skip_while(|w| w.starts_with("pub") || *w == "const" || *w == "async");
    words.next() == Some("fn")
}

/// The functions longer than the limit: (line, length). A function's body ends at the first
/// closing brace at the indentation of its `fn` line; a declaration without body is skipped.
fn long_functions(text: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut long = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        if !starts_fn(lines[n]) {
            n += 1;
            continue;
        }
        let open = (n..lines.len())
            .find(|&i| lines[i].trim_end().ends_with('{') || lines[i].trim_end().ends_with(';'));
        let Some(open) = open.filter(|&i| lines[i].trim_end().ends_with('{')) else {
            n += 1;
            continue;
        };
        let at = indent(lines[n]);
        let close = (open + 1..lines.len())
            .find(|&i| indent(lines[i]) == at && lines[i].trim_start().starts_with('}'))
            .unwrap_or(lines.len() - 1);
        if close - n + 1 > MAX_FN_LINES {
            long.push((n + 1, close - n + 1));
        }
        n = close + 1;
    }
    long
}

#[test]
fn no_source_file_over_400_lines_and_no_function_over_60() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "scripts"] {
        sources(&root.join(dir), &mut files);
    }
    let mut broken = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(root).unwrap().display();
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            broken.push(format!("{shown}: {lines} lines"));
        }
        for (line, length) in long_functions(&text) {
            broken.push(format!("{shown}:{line}: a function of {length} lines"));
        }
    }
    assert!(files.len() > 40, "the sources were found");
    assert!(broken.is_empty(), "over the limits:\n{}", broken.join("\n"));
}

#[test]
fn the_checker_measures_functions_from_fn_to_closing_brace() {
    let body = "    x();\n".repeat(MAX_FN_LINES - 1);
    let text =
        format!("fn short() {{\n}}\n\npub(crate) fn long(\n    a: u8,\n) {{\n{body}}}\n\nfn declared();\n");
    assert_eq!(long_functions(&text), [(4, MAX_FN_LINES + 3)]);
    assert!(starts_fn("    pub(super) const fn x() {"));
    assert!(!starts_fn("    let fn_name = 1;"));
}
