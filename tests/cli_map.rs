//! `assumptions --map` on the real binary: the map of an example as a golden file, a canvas of
//! many items within 80 columns, colour only as decoration, every language, and an empty canvas.

use std::fs;

mod common;
#[path = "../benches/support/mod.rs"]
mod support;

use common::{canvas_coach, example, stdout_of};

fn map(args: &[&str]) -> String {
    stdout_of(canvas_coach().arg("assumptions").args(args).arg("--map"), 0)
}

#[test]
fn the_map_of_an_example_matches_its_golden_file() {
    insta::assert_snapshot!("brew-box.map.txt", map(&[&example("brew-box.toml")]));
}

#[test]
fn forty_items_fit_80_columns_each_id_once_in_the_boxes_and_once_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    fs::write(&path, support::canvas_text(40, 7)).unwrap();
    let file = path.display().to_string();
    let shown = map(&[&file]);
    assert_eq!(shown, map(&[&file]), "the same map every time");
    for line in shown.lines() {
        assert!(console::measure_text_width(line) <= 80, "{line}");
    }
    let canvas = canvas_coach::api::parse_canvas(&path, &fs::read_to_string(&path).unwrap()).unwrap();
    let (boxes, list) = shown.split_once('└').expect("the boxes end");
    for (_, item) in canvas.items() {
        let id = format!(" {} ", item.id);
        let in_boxes = boxes.lines().filter(|l| l.contains(&id)).count();
        assert_eq!(in_boxes, 1, "{id} in one box:\n{boxes}");
        // A listed item: its type's letter, its id, its status mark, its text.
        let listed = list.lines().filter(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            words.len() > 3 && words[1] == item.id && words[2] == item.status.mark()
        });
        assert_eq!(listed.count(), 1, "{id} listed once:\n{list}");
    }
}

#[test]
fn colour_only_decorates_and_is_off_in_a_pipe() {
    let file = example("brew-box.toml");
    let plain = map(&[&file]);
    assert!(!plain.contains('\u{1b}'), "no colour in a pipe:\n{plain}");
    let coloured = stdout_of(
        canvas_coach()
            .env("CLICOLOR_FORCE", "1")
            .args(["assumptions", &file, "--map"]),
        0,
    );
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    assert_eq!(console::strip_ansi_codes(&coloured), plain);
}

#[test]
fn the_map_speaks_every_language() {
    let file = example("brew-box.toml");
    for (lang, heading, first, letters) in [
        (
            "en",
            "Assumption map of Brew Box",
            "Test first: important, no evidence",
            ["D cs2", "F ka1", "V rs1"],
        ),
        (
            "de",
            "Annahmenkarte von Brew Box",
            "Zuerst testen: wichtig, ohne Belege",
            ["E cs2", "M ka1", "W rs1"],
        ),
        (
            "nl",
            "Aannamekaart van Brew Box",
            "Eerst testen: belangrijk, geen bewijs",
            ["W cs2", "H ka1", "L rs1"],
        ),
    ] {
        let shown = map(&["--lang", lang, &file]);
        assert!(shown.starts_with(&format!("{heading}\n")), "{lang}:\n{shown}");
        // The top left box's title, up to its colon: a narrow box may wrap the rest.
        let test_first = first.split(':').next().unwrap();
        assert!(
            shown.contains(&format!("┌{}┬", "─".repeat(38))),
            "{lang}: 80 columns"
        );
        assert!(
            shown.contains(&format!("┐\n│ {test_first}:")),
            "{lang}: top left:\n{shown}"
        );
        let list = shown.split_once('┘').unwrap().1;
        assert!(
            list.trim_start().starts_with(first),
            "{lang}: listed first:\n{list}"
        );
        for letter in letters {
            assert!(shown.contains(letter), "{lang}: {letter}:\n{shown}");
        }
    }
}

#[test]
fn a_canvas_without_items_says_there_is_nothing_to_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.toml");
    fs::write(&path, "format = 2\n[meta]\ntitle = \"Empty\"\n").unwrap();
    let shown = map(&[&path.display().to_string()]);
    assert_eq!(
        shown,
        "Assumption map of Empty\nNo items on the canvas yet: nothing to map.\n"
    );
}
