//! A cohort larger than the rows held back for the table's widths, checked as a user runs it:
//! every format gives one row per canvas in name order, and the exit status counts them all.

use std::fs;

mod common;

use common::{canvas_coach, example, stdout_of};

/// 150 canvases named in order: complete ones, half-finished ones and, every tenth, a broken one.
fn cohort() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let complete = fs::read_to_string(example("brew-box.toml")).unwrap();
    let half = fs::read_to_string(example("half-finished.toml")).unwrap();
    for n in 0..150 {
        let text = match n % 10 {
            9 => "format = 1\n[meta\n".to_owned(),
            _ if n % 2 == 0 => complete.replace("title = \"Brew Box\"", &format!("title = \"Brew Box {n}\"")),
            _ => half.clone(),
        };
        fs::write(dir.path().join(format!("canvas-{n:03}.toml")), text).unwrap();
    }
    dir
}

fn check(dir: &tempfile::TempDir, format: &str) -> String {
    stdout_of(
        canvas_coach()
            .current_dir(dir.path())
            .args(["check", ".", "--format", format]),
        2,
    )
}

#[test]
fn json_lines_give_one_object_per_canvas_in_name_order() {
    let dir = cohort();
    let lines = check(&dir, "jsonl");
    let rows: Vec<serde_json::Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 150);
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(row["file"], format!("./canvas-{n:03}.toml"));
        assert_eq!(row.get("error").is_some(), n % 10 == 9, "{row}");
    }
    assert_eq!(rows[2]["title"], "Brew Box 2");
    assert_eq!(rows[1]["score"], 12);

    let array: serde_json::Value = serde_json::from_str(&check(&dir, "json")).unwrap();
    assert_eq!(
        array,
        serde_json::Value::Array(rows),
        "the array holds the same objects"
    );
}

#[test]
fn the_table_has_a_row_per_canvas_aligned_to_the_first_rows() {
    let dir = cohort();
    let table = check(&dir, "text");
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 151, "{table}");
    assert_eq!(
        rows[0],
        "file               title        iteration  score  missing  inconsistent  suggestion  worst block"
    );
    assert_eq!(
        rows[1],
        "./canvas-000.toml  Brew Box 0           3    100        0             0           0  —"
    );
    assert!(
        rows[10].starts_with("./canvas-009.toml  error: ./canvas-009.toml:2:"),
        "{}",
        rows[10]
    );
    // Past the rows that set the widths, a longer title pushes the rest of its row to the right.
    assert_eq!(
        rows[101],
        "./canvas-100.toml  Brew Box 100          3    100        0             0           0  —"
    );
    assert_eq!(rows[150].split_whitespace().next(), Some("./canvas-149.toml"));
}
