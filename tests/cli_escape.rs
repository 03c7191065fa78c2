//! Text from files and the command line on the real binary: control characters and direction
//! overrides in a canvas, a file name or a `--set` value come out as visible escapes in every
//! output for people, and exactly in JSON.

#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::{canvas_coach, stdout_of};

/// Clears the screen, plants a hyperlink, rings the bell, deletes, opens a C1 CSI and reverses
/// what follows.
const HOSTILE: &str =
    "\u{1b}[2J\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7} bell\u{7} del\u{7f} csi\u{9b} rlo\u{202e}";
/// The same as a terminal must show it.
const SHOWN: &str =
    r"\u{1b}[2J\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7} bell\u{7} del\u{7f} csi\u{9b} rlo\u{202e}";
/// The same in Markdown, whose brackets are escaped too.
const SHOWN_MD: &str =
    r"\u{1b}\[2J\u{1b}\]8;;http://x\u{7}link\u{1b}\]8;;\u{7} bell\u{7} del\u{7f} csi\u{9b} rlo\u{202e}";
/// A file name with a screen clear and a window title in it.
const NAME: &str = "team\u{1b}[2J\u{1b}]0;pwned\u{7}.toml";
const NAME_SHOWN: &str = r"team\u{1b}[2J\u{1b}]0;pwned\u{7}.toml";

/// `text` as a TOML basic string, its control characters in TOML's escapes.
fn quoted(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202e}' => format!("\\u{:04x}", u32::from(c)),
            '"' | '\\' => format!("\\{c}"),
            _ => c.to_string(),
        })
        .collect();
    format!("\"{escaped}\"")
}

/// A canvas whose every kind of text carries `HOSTILE`, with a Hebrew author and a pick under a
/// question no bank asks; `changed` ends each text but the ids and the pick, for a diff.
fn canvas(changed: &str) -> String {
    let q = |prefix: &str| quoted(&format!("{prefix}{HOSTILE}{changed}"));
    format!(
        "format = 1\n[meta]\ntitle = {}\ndesigned_for = {}\ndesigned_by = \"שלום\"\nlanguage = \"en\"\n\
         [customer_segments.answers]\nwho = {}\n\
         [customer_segments.picks]\n{} = [{}]\n\
         [[customer_segments.items]]\nid = {}\ntext = {}\nnote = {}\nevidence = [{}]\n\
         [[value_propositions.items]]\nid = \"vp1\"\ntext = \"Offer\"\nlinks = [{}]\n",
        q("Title "),
        q("For "),
        q("Who "),
        quoted(&format!("Pick {HOSTILE}")),
        quoted(&format!("cs{HOSTILE}")),
        quoted(&format!("cs{HOSTILE}")),
        q("Segment "),
        q("Note "),
        q("Evidence "),
        quoted(&format!("cs{HOSTILE}")),
    )
}

/// A folder with the hostile canvas under a hostile name.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NAME);
    fs::write(&path, canvas("")).unwrap();
    (dir, path)
}

/// Asserts that `output` holds none of the hostile characters raw.
fn assert_no_raw(output: &str) {
    for raw in ['\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}'] {
        assert!(!output.contains(raw), "{raw:?} raw in:\n{output}");
    }
}

/// Asserts that `output` holds none of the hostile characters raw, and `shown` as it must be.
fn assert_inert(output: &str, shown: &str) {
    assert_no_raw(output);
    assert!(output.contains(shown), "{shown} missing in:\n{output}");
}

fn run(args: &[&str], file: &Path, code: i32) -> String {
    stdout_of(canvas_coach().args(args).arg(file), code)
}

#[test]
fn reports_renderings_and_assumptions_show_escapes() {
    let (_dir, path) = folder();
    let text = fs::read_to_string(&path).unwrap();
    let report = run(&["check"], &path, 1);
    assert_inert(&report, &format!("Gap report: Title {SHOWN}"));
    assert_inert(&report, &format!("'Segment {SHOWN}' (cs{SHOWN})"));
    let grid = run(&["render", "--format", "txt"], &path, 0);
    assert_inert(&grid, &format!("Title {SHOWN}\nFor {SHOWN}"));
    assert_inert(&grid, r"★ Pick \u{1b}[2J");
    let markdown = run(&["render", "--format", "md"], &path, 0);
    assert_inert(&markdown, &format!("# \u{2068}Title {SHOWN_MD}\u{2069}\n"));
    for part in ["Who ", "Note ", "Evidence ", "**\u{2068}cs"] {
        assert_inert(&markdown, &format!("{part}{SHOWN_MD}"));
    }
    assert!(markdown.contains("| \u{2068}שלום\u{2069} |"), "{markdown}");
    assert_inert(&markdown, &format!("\u{2069}** ★ \u{2068}Segment {SHOWN_MD}"));
    let html = run(&["render", "--format", "html"], &path, 0);
    assert_inert(&html, &format!("<h1><bdi>Title {SHOWN}</bdi></h1>"));
    assert_inert(&html, &format!("<bdi>Segment {SHOWN}</bdi>"));
    assert!(html.contains("<bdi>שלום</bdi>"), "{html}");
    let pick = format!("<span class=\"pick\"><bdi>★ Pick {SHOWN} cs{SHOWN}</bdi></span>");
    assert_inert(&html, &pick);
    assert!(
        html.contains(&format!("<title>Title {SHOWN}</title>")),
        "no markup in the title"
    );
    let assumptions = run(&["assumptions"], &path, 0);
    assert_inert(
        &assumptions,
        &format!("1. cs{SHOWN} Segment {SHOWN} (Customer Segments)"),
    );
    let map = run(&["assumptions", "--map"], &path, 0);
    assert_inert(&map, &format!("Assumption map of Title {SHOWN}\n"));
    // The id in the list, up to the first space, where a long one may wrap.
    assert_inert(&map, "\n  D cs\\u{1b}[2J\\u{1b}]8;;http://x\\u{7}link");
    assert_inert(
        &html,
        &format!("<title id=\"map-title\">Assumption map of Title {SHOWN}</title>"),
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        text,
        "the canvas is never rewritten"
    );
}

#[test]
fn diffs_show_escapes_as_text_and_markdown() {
    let (dir, old) = folder();
    let new = dir.path().join("new.toml");
    fs::write(&new, canvas(" changed")).unwrap();
    let diff = stdout_of(canvas_coach().arg("diff").arg(&old).arg(&new), 0);
    assert_inert(&diff, &format!("“Segment {SHOWN}” → “Segment {SHOWN} changed”"));
    assert_inert(&diff, &format!("“Who {SHOWN}”"));
    let diff = stdout_of(
        canvas_coach()
            .args(["diff", "--format", "md"])
            .arg(&old)
            .arg(&new),
        0,
    );
    assert_inert(&diff, &format!("“\u{2068}Segment {SHOWN_MD}\u{2069}”"));
}

#[test]
fn the_cohort_table_shows_escaped_names_titles_and_errors() {
    let (dir, _) = folder();
    let broken = format!(
        "format = 1\n[[customer_segments.items]]\nid = \"cs1\"\ntext = \"x\"\nstatus = {}\n",
        quoted(HOSTILE)
    );
    fs::write(dir.path().join(format!("broken{NAME}")), broken).unwrap();
    let table = stdout_of(canvas_coach().current_dir(dir.path()).args(["check", "."]), 2);
    assert_inert(&table, &format!("./{NAME_SHOWN}"));
    assert_inert(&table, &format!("Title {SHOWN}"));
    assert_inert(
        &table,
        &format!("error: ./broken{NAME_SHOWN}:5:10: unknown variant `{SHOWN}`"),
    );

    let json = stdout_of(
        canvas_coach()
            .current_dir(dir.path())
            .args(["check", "--format", "json", "."]),
        2,
    );
    assert_no_raw(&json);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["file"], format!("./broken{NAME}"));
    let error = rows[0]["error"].as_str().unwrap();
    assert!(
        error.contains(&format!("unknown variant `{HOSTILE}`")),
        "exact: {error}"
    );
    assert_eq!(rows[1]["file"], format!("./{NAME}"));
    assert_eq!(rows[1]["title"], format!("Title {HOSTILE}"));
    let message = format!("'Segment {HOSTILE}' (cs{HOSTILE})");
    let gaps = rows[1]["gaps"].as_array().unwrap();
    assert!(
        gaps.iter()
            .any(|g| g["message"].as_str().unwrap().contains(&message))
    );
}

/// Asserts that the command fails with `message` on stderr, every hostile character escaped.
fn assert_refused_inert(command: &mut assert_cmd::Command, message: &str) {
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_inert(&String::from_utf8(output.stderr).unwrap(), message);
}

#[test]
fn errors_show_file_names_contents_and_values_escaped() {
    let (dir, path) = folder();
    let missing = dir.path().join(format!("missing{NAME}"));
    assert_refused_inert(
        canvas_coach().arg("check").arg(&missing),
        &format!("cannot read {}/missing{NAME_SHOWN}", dir.path().display()),
    );
    let broken = dir.path().join(format!("bad{NAME}"));
    let item = format!(
        "[[customer_segments.items]]\nid = {}\ntext = \"x\"\n",
        quoted(HOSTILE)
    );
    fs::write(&broken, format!("format = 1\n{item}{item}")).unwrap();
    assert_refused_inert(
        canvas_coach().arg("check").arg(&broken),
        &format!("bad{NAME_SHOWN}:6:6: duplicate item id '{SHOWN}'"),
    );
    for (set, shown) in [
        (
            format!("meta.date={HOSTILE}"),
            format!("'{SHOWN}' is not a valid value for meta.date"),
        ),
        (format!("meta.{HOSTILE}=x"), format!("unknown key 'meta.{SHOWN}'")),
        (format!("title {HOSTILE}"), format!("'title {SHOWN}'")),
    ] {
        let mut command = canvas_coach();
        command
            .args(["interview", "--no-input", "--set", &set])
            .arg(&path);
        assert_refused_inert(&mut command, &shown);
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), canvas(""));
}

#[test]
fn texts_of_a_custom_bank_show_escapes() {
    let (dir, path) = folder();
    let english = stdout_of(canvas_coach().args(["bank", "export", "en"]), 0);
    let hostile = english
        .replace(
            "name = \"English\"",
            &format!("name = {}", quoted(&format!("En {HOSTILE}"))),
        )
        .replace("\"Customer Segments\"", &quoted(&format!("Segments {HOSTILE}")))
        .replace(
            "\"For whom are we creating value?\"",
            &quoted(&format!("Whom {HOSTILE}")),
        );
    let bank = dir.path().join(format!("bank{NAME}"));
    fs::write(&bank, hostile).unwrap();
    let agenda = stdout_of(canvas_coach().args(["agenda", "--bank"]).arg(&bank), 0);
    assert_inert(
        &agenda,
        &format!("## 1. \u{2068}Segments {SHOWN_MD}\u{2069} (10 min)"),
    );
    assert_inert(&agenda, &format!("1. \u{2068}Whom {SHOWN_MD}\u{2069}\n"));
    let checked = stdout_of(canvas_coach().args(["bank", "check"]).arg(&bank), 0);
    assert_inert(&checked, &format!("bank{NAME_SHOWN}"));
    assert_inert(&checked, &format!("En {SHOWN}"));
    let report = stdout_of(canvas_coach().args(["check", "--bank"]).arg(&bank).arg(&path), 1);
    assert_inert(&report, &format!("\nSegments {SHOWN}\n"));
}
