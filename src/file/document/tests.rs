//! Writing canvases: the documented shape, and rewrites that keep what the user wrote.

use std::path::Path;

use super::*;
use crate::bank::Bank;
use crate::i18n::Messages;
use crate::model::Item;

fn report(canvas: &Canvas) -> GapReport {
    GapReport::new(
        canvas,
        Bank::builtin(crate::i18n::Language::En),
        Messages::get(crate::i18n::Language::En),
    )
}

fn example() -> Canvas {
    crate::file::parse_canvas(
        Path::new("brew-box.toml"),
        include_str!("../../../examples/brew-box.toml"),
    )
    .unwrap()
}

#[test]
fn a_written_canvas_reads_back_equal() {
    let canvas = example();
    let text = render(None, &canvas, &report(&canvas));
    assert_eq!(
        crate::file::parse_canvas(Path::new("out.toml"), &text).unwrap(),
        canvas
    );
}

#[test]
fn a_new_file_has_the_documented_shape() {
    let mut canvas = Canvas::default();
    canvas.meta.title = "Brew Box".into();
    canvas.meta.date = "2026-11-23".into();
    let cs = canvas.block_mut(BlockId::CustomerSegments);
    cs.answers.insert("who".into(), "Remote workers".into());
    cs.categories
        .insert("segment_type".into(), vec!["niche_market".into()]);
    cs.items.push(Item::new("cs1", "Remote workers", vec![]));
    let mut vp1 = Item::new("vp1", "Fresh beans", vec!["cs1".into()]);
    vp1.categories
        .insert("characteristics".into(), vec!["newness".into()]);
    vp1.note = Some("Tested with ten customers".into());
    canvas.block_mut(BlockId::ValuePropositions).items.push(vp1);
    let text = render(None, &canvas, &report(&canvas));
    let expected_start = r#"format = 2

[meta]
title = "Brew Box"
date = "2026-11-23"
iteration = 1
language = "en"

[customer_segments.answers]
who = "Remote workers"

[customer_segments.categories]
segment_type = ["niche_market"]

[[customer_segments.items]]
id = "cs1"
text = "Remote workers"

[[value_propositions.items]]
id = "vp1"
text = "Fresh beans"
links = ["cs1"]
categories = { characteristics = ["newness"] }
note = "Tested with ten customers"

# Written by canvas-coach on every save; edits here are replaced.
[gap_report]
score = "#;
    assert!(text.starts_with(expected_start), "{text}");
    assert!(
        text.contains("\n[[gap_report.gaps]]\nblock = \"customer_segments\"\nrule = \"unanswered_question\"")
    );
}

#[test]
fn rewriting_keeps_comments_unknown_keys_and_order() {
    let original = r#"# my canvas
format = 1   # do not touch

[meta]
title = "Old"   # renamed later
designed_by = "Ana"
date = "2026-01-01"
iteration = 1
language = "en"
mood = "hopeful"

[my_own_table]
anything = [1, 2]

[[customer_segments.items]]
# the one that matters
id = "cs1"
text = "Remote workers"
source = "interviews"

[[customer_segments.items]]
id = "cs2"
text = "Offices"

[gap_report]
score = 3
"#;
    let doc: DocumentMut = original.parse().unwrap();
    let mut canvas = crate::file::parse_canvas(Path::new("c.toml"), original).unwrap();
    canvas.meta.title = "New".into();
    canvas.block_mut(BlockId::CustomerSegments).items.remove(1);
    canvas.block_mut(BlockId::CustomerSegments).items[0].text = "Remote workers in cities".into();
    let text = render(Some(doc), &canvas, &report(&canvas));
    for kept in [
        "# my canvas\nformat = 2   # do not touch\n",
        "title = \"New\"   # renamed later\n",
        "designed_by = \"Ana\"\n",
        "mood = \"hopeful\"\n",
        "[my_own_table]\nanything = [1, 2]\n",
        "# the one that matters\nid = \"cs1\"\ntext = \"Remote workers in cities\"\nsource = \"interviews\"\n",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in:\n{text}");
    }
    assert!(!text.contains("Offices"));
    assert!(!text.contains("score = 3\n"));
    assert_eq!(text.matches("[gap_report]").count(), 1);
    assert_eq!(
        crate::file::parse_canvas(Path::new("c.toml"), &text).unwrap(),
        canvas
    );
}

#[test]
fn unchanged_canvas_rewrites_to_the_same_text_apart_from_the_report() {
    let original = include_str!("../../../examples/brew-box.toml");
    let canvas = example();
    let once = render(Some(original.parse().unwrap()), &canvas, &report(&canvas));
    assert!(once.starts_with(original), "every byte of the user's file stays");
    let twice = render(Some(once.parse().unwrap()), &canvas, &report(&canvas));
    assert_eq!(once, twice);
}

/// Reads `text` as a user's file, sets `who` to a new answer and writes it again.
fn rewrite_with_new_answer(text: &str) -> String {
    let mut canvas = crate::file::parse_canvas(Path::new("c.toml"), text).unwrap();
    let cs = canvas.block_mut(BlockId::CustomerSegments);
    cs.answers.insert("who".into(), "New answer".into());
    canvas.meta.date = "2026-12-01".into();
    let doc: DocumentMut = text.parse().unwrap();
    let written = render(Some(doc), &canvas, &report(&canvas));
    crate::file::parse_canvas(Path::new("c.toml"), &written).unwrap();
    written
}

#[test]
fn comments_above_and_beside_changed_values_stay() {
    let text = "format = 1\n[meta]\ntitle = \"T\"\n# the day of the workshop\ndate = \"2026-11-23\" # local\n\
                [customer_segments.answers]\n# asked first\nwho = \"Old\"  # from the interviews\n";
    let written = rewrite_with_new_answer(text);
    assert!(
        written.contains("# the day of the workshop\ndate = \"2026-12-01\" # local\n"),
        "{written}"
    );
    assert!(
        written.contains("# asked first\nwho = \"New answer\"  # from the interviews\n"),
        "{written}"
    );
}

#[test]
fn keys_of_the_users_own_stay_in_inline_tables_and_sittings() {
    let text = "format = 1\nmeta = { title = \"T\", owner = \"Ana\" }\n\
                customer_segments = { answers = { who = \"Old\" }, mine = true }\n\
                [value_propositions]\nitems = [{ id = \"vp1\", text = \"A\", mine = 1 }, { id = \"vp2\", text = \"B\" }]\n\
                [[session]]\niteration = 1\nstarted = \"2026-11-23 09:00\"\nroom = \"B12\"\n";
    let written = rewrite_with_new_answer(text);
    for kept in [
        "owner = \"Ana\"",
        "mine = true",
        "mine = 1",
        "room = \"B12\"",
        "{ id = \"vp2\", text = \"B\" }",
    ] {
        assert!(written.contains(kept), "{kept} in {written}");
    }
    assert!(written.contains("who = \"New answer\""), "{written}");
}

#[test]
fn no_empty_key_is_added_that_the_file_did_not_have() {
    let text = "format = 1\n[meta]\ntitle = \"T\"\n";
    let written = rewrite_with_new_answer(text);
    assert!(!written.contains("designed_for"), "{written}");
    assert!(!written.contains("designed_by"), "{written}");
    let with_key = rewrite_with_new_answer("format = 1\n[meta]\ntitle = \"T\"\ndesigned_for = \"\"\n");
    assert!(
        with_key.contains("designed_for = \"\""),
        "a key the user wrote stays"
    );
}

#[test]
fn a_format_1_file_is_saved_as_format_2_with_its_picks_and_retired_numbers() {
    let old = "format = 1   # the old format\n[meta]\ntitle = \"Bikes\"\n\n\
               [customer_segments.answers]\nmost_important = \"Commuters, they ride daily\"\n\n\
               [[customer_segments.items]]\nid = \"cs1\"\ntext = \"Commuters\"\n\n\
               [[customer_segments.items]]\nid = \"cs2\"\ntext = \"Students\"\n";
    let mut canvas = crate::file::parse_canvas(Path::new("old.toml"), old).unwrap();
    let cs = BlockId::CustomerSegments;
    canvas.remove_items(cs, &std::collections::HashSet::from(["cs2".to_owned()]));
    canvas
        .block_mut(cs)
        .picks
        .insert("most_important".into(), vec!["cs1".into()]);
    let doc: DocumentMut = old.parse().unwrap();
    let text = render(Some(doc), &canvas, &report(&canvas));
    assert!(text.starts_with("format = 2   # the old format\n"), "{text}");
    assert!(text.contains("last_ids = { customer_segments = 2 }"), "{text}");
    assert!(
        text.contains("[customer_segments.picks]\nmost_important = [\"cs1\"]"),
        "{text}"
    );
    assert!(
        text.contains("most_important = \"Commuters, they ride daily\""),
        "the old free-text answer is kept: {text}"
    );
    let read = crate::file::parse_canvas(Path::new("new.toml"), &text).unwrap();
    assert_eq!(read, canvas);
    assert_eq!(read.next_item_id(cs), "cs3");
}

#[test]
fn comments_and_headers_of_the_users_block_tables_stay() {
    let text = "format = 2\n[meta]\ntitle = \"T\"\n\n\
                # === Customers ===\n[customer_segments] # trailing\n\
                [customer_segments.answers]\nwho = \"x\"\n\n\
                # === Value ===\n[value_propositions]\n";
    let written = rewrite_with_new_answer(text);
    for kept in [
        "# === Customers ===\n[customer_segments] # trailing\n",
        "# === Value ===\n[value_propositions]\n",
    ] {
        assert!(written.contains(kept), "lost {kept:?} in:\n{written}");
    }
}

#[test]
fn keys_of_the_users_own_stay_in_inline_sittings() {
    let text = "format = 2\nsession = [{ iteration = 1, started = \"2026-11-23 09:00\", mine = \"keep me\" }]\n\
                [meta]\ntitle = \"T\"\n";
    let written = rewrite_with_new_answer(text);
    assert!(written.contains("mine = \"keep me\""), "{written}");
    assert!(!written.contains("[[session]]"), "{written}");
}

#[test]
fn default_values_the_user_wrote_out_stay_on_an_unchanged_item() {
    let item = "id = \"cs1\"\ntext = \"Remote workers\"\nlinks = []\ncategories = {}\n\
                status = \"assumption\"\nevidence = []\n";
    let text = format!("format = 2\n[meta]\ntitle = \"T\"\n\n[[customer_segments.items]]\n{item}");
    let written = rewrite_with_new_answer(&text);
    assert!(written.contains(item), "{written}");
}

#[test]
fn amounts_and_accepted_gaps_are_written_as_given_and_kept_as_the_user_wrote_them() {
    let text = "format = 1\n[[revenue_streams.items]]\nid = \"rs1\"\ntext = \"Plan\"\n\
                # per seat\namount = { value = 29, per = \"month\", seats = \"mine\" }\n\
                [[acknowledged]] # agreed with the coach\nrule = \"dangling_link\"\nreason = \"Known\"\nby = \"Ana\"\n";
    let written = rewrite_with_new_answer(text);
    assert!(
        written.contains("# per seat\namount = { value = 29, per = \"month\", seats = \"mine\" }"),
        "{written}"
    );
    assert!(
        written.contains("[[acknowledged]] # agreed with the coach\nrule = \"dangling_link\"\nreason = \"Known\"\nby = \"Ana\""),
        "{written}"
    );
    // Changed values are written in place; a new amount is an inline table of the keys given.
    let mut canvas = crate::file::parse_canvas(Path::new("c.toml"), text).unwrap();
    let rs1 = &mut canvas.block_mut(BlockId::RevenueStreams).items[0];
    rs1.amount.as_mut().unwrap().value = 9.5;
    let mut rs2 = Item::new("rs2", "Setup", vec![]);
    rs2.amount = Some(crate::model::Amount {
        value: 499.0,
        currency: Some("EUR".into()),
        per: Some(crate::model::Per::Once),
        volume: None,
    });
    canvas.block_mut(BlockId::RevenueStreams).items.push(rs2);
    let written = render(Some(text.parse().unwrap()), &canvas, &report(&canvas));
    assert!(
        written.contains("amount = { value = 9.5, per = \"month\", seats = \"mine\" }"),
        "{written}"
    );
    assert!(
        written.contains("amount = { value = 499, currency = \"EUR\", per = \"once\" }"),
        "{written}"
    );
    assert_eq!(
        crate::file::parse_canvas(Path::new("c.toml"), &written).unwrap(),
        canvas
    );
}
