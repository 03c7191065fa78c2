//! Reading canvas files and partial ones: shapes, formats, ids, details and positions.

use super::*;
use crate::model::Per;

fn parse(text: &str) -> Result<Canvas, Invalid> {
    canvas(Path::new("c.toml"), text)
}

#[test]
fn reads_meta_blocks_items_and_ignores_the_gap_report() {
    let canvas = parse(
        r#"
format = 1
[meta]
title = "Brew Box"
iteration = 3
[customer_segments.answers]
who = "Remote workers"
[customer_segments.categories]
segment_type = ["niche_market"]
[[customer_segments.items]]
id = "cs1"
text = "Remote workers who drink specialty coffee"
[[value_propositions.items]]
id = "vp1"
text = "Fresh beans"
links = ["cs1"]
[gap_report]
score = 10
my_own_key = "kept by the writer, ignored here"
"#,
    )
    .unwrap();
    assert_eq!(canvas.meta.title, "Brew Box");
    assert_eq!(canvas.meta.iteration, 3);
    assert_eq!(canvas.meta.language, "en");
    let cs = canvas.block(BlockId::CustomerSegments);
    assert_eq!(cs.answer("who"), Some("Remote workers"));
    assert_eq!(cs.chosen("segment_type"), ["niche_market"]);
    assert_eq!(canvas.block(BlockId::ValuePropositions).items[0].links, ["cs1"]);
    assert_eq!(canvas.next_item_id(BlockId::CustomerSegments), "cs2");
    assert_eq!(canvas.next_item_id(BlockId::Channels), "ch1");
}

#[test]
fn syntax_and_type_errors_name_line_and_column() {
    let e = parse("format = 1\n[meta]\ntitle = \n").unwrap_err();
    assert_eq!(e.position.map(|p| p.0), Some(3), "{e}");
    let e = parse("format = 1\n[[channels.items]]\nid = \"ch1\"\ntext = 5\n").unwrap_err();
    assert_eq!(e.position, Some((4, 8)), "{e}");
    assert!(e.to_string().contains("string"), "{e}");
}

#[test]
fn duplicate_and_empty_item_ids_are_refused_where_they_stand() {
    let text = "format = 1\n[[channels.items]]\nid = \"x\"\ntext = \"a\"\n\
                [[key_partners.items]]\nid = \"x\"\ntext = \"b\"\n";
    let e = parse(text).unwrap_err();
    assert_eq!(e.position, Some((6, 6)));
    assert!(e.to_string().contains("duplicate item id 'x'"), "{e}");
    let e = parse("format = 1\n[[channels.items]]\nid = \" \"\ntext = \"a\"\n").unwrap_err();
    assert!(e.to_string().contains("empty id"), "{e}");
}

#[test]
fn newer_missing_or_odd_formats_are_refused() {
    let e = parse("format = 3\n[customer_segments]\nitems = 7\n").unwrap_err();
    assert!(e.to_string().contains("newer canvas-coach"), "{e}");
    assert_eq!(e.position, Some((1, 10)));
    let e = parse("[meta]\ntitle = \"x\"\n").unwrap_err();
    assert!(e.to_string().contains("`format = 2` line is missing"), "{e}");
    let e = parse("format = \"one\"\n").unwrap_err();
    assert!(e.to_string().contains("unsupported `format`"), "{e}");
}

#[test]
fn dates_and_iterations_are_checked_where_they_stand() {
    let meta = |line: &str| parse(&format!("format = 1\n[meta]\ntitle = \"x\"\n{line}\n"));
    for (line, said, column) in [
        ("date = \"2026-02-30\"", "'2026-02-30' is not a date", 8),
        ("date = \"soon\"", "'soon' is not a date", 8),
        ("iteration = 0", "iteration 0 is out of range", 13),
        ("iteration = -3", "iteration -3 is out of range", 13),
        ("iteration = 1000001", "from 1 to 1000000", 13),
        (
            "iteration = 4294967295",
            "iteration 4294967295 is out of range",
            13,
        ),
    ] {
        let e = meta(line).unwrap_err();
        assert_eq!(e.position, Some((4, column)), "{line}: {e}");
        assert!(e.to_string().contains(said), "{line}: {e}");
    }
    assert_eq!(meta("date = \"\"").unwrap().meta.date, "", "no date yet is fine");
    assert_eq!(meta("date = \"2028-02-29\"").unwrap().meta.date, "2028-02-29");
    assert_eq!(meta("iteration = 1000000").unwrap().meta.iteration, 1_000_000);
    let e = meta("iteration = \"three\"").unwrap_err();
    assert!(e.to_string().contains("invalid type: string"), "{e}");
}

#[test]
fn keys_and_values_nested_too_deep_are_refused_with_a_place() {
    let deep_key = vec!["a"; 10_000].join(".");
    let cases = [
        (format!("format = 1\n{deep_key} = 1\n"), 2),
        (format!("format = 1\n[meta]\n{deep_key} = 1\n"), 3),
        (
            format!("format = 1\nx = {}1{}\n", "[".repeat(10_000), "]".repeat(10_000)),
            2,
        ),
        (
            format!(
                "format = 1\nx = {}1{}\n",
                "{a = ".repeat(10_000),
                "}".repeat(10_000)
            ),
            2,
        ),
    ];
    for (text, line) in cases {
        let e = parse(&text).unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(line), "{e}");
        let e = partial(Path::new("p.toml"), &text, None).unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(line), "{e}");
    }
}

#[test]
fn a_partial_file_may_replace_items_of_the_same_block_only() {
    let canvas_path = Path::new("c.toml");
    let canvas = parse("format = 1\n[[customer_segments.items]]\nid = \"cs1\"\ntext = \"a\"\n").unwrap();
    let onto = Some((canvas_path, &canvas));
    let part = |text: &str| partial(Path::new("p.toml"), text, onto);
    let (same_block, _) = part("[[customer_segments.items]]\nid = \"cs1\"\ntext = \"b\"\n").unwrap();
    assert_eq!(same_block.block(BlockId::CustomerSegments).items[0].text, "b");
    let e = part("[meta]\ntitle = \"x\"\n[[channels.items]]\nid = \"cs1\"\ntext = \"b\"\n").unwrap_err();
    assert_eq!(e.path, Path::new("p.toml"));
    assert_eq!(e.position, Some((4, 6)));
    assert_eq!(
        e.to_string(),
        "p.toml:4:6: item id 'cs1' (in channels) is already used in customer_segments of c.toml: \
         an item replaces only the one with its id in the same block, so give it another id"
    );
    let twice =
        "[[channels.items]]\nid = \"ch1\"\ntext = \"a\"\n[[channels.items]]\nid = \"ch1\"\ntext = \"b\"\n";
    let e = part(twice).unwrap_err();
    assert_eq!(e.position, Some((5, 6)));
    assert!(e.to_string().contains("duplicate item id 'ch1'"), "{e}");
}

#[test]
fn amounts_and_accepted_gaps_are_read_and_bad_figures_refused_where_they_stand() {
    let text = "format = 1\n[[revenue_streams.items]]\nid = \"rs1\"\ntext = \"Plan\"\n\
                amount = { value = 29, currency = \"EUR\", per = \"month\", volume = 400.5 }\n\
                [[acknowledged]]\nrule = \"dangling_link\"\nitem = \"rs1\"\nreason = \"Known\"\n";
    let canvas = parse(text).unwrap();
    let amount = canvas.block(BlockId::RevenueStreams).items[0]
        .amount
        .clone()
        .unwrap();
    assert_eq!(
        (
            amount.value,
            amount.currency.as_deref(),
            amount.per,
            amount.volume
        ),
        (29.0, Some("EUR"), Some(Per::Month), Some(400.5))
    );
    assert_eq!(canvas.acknowledged[0].rule, "dangling_link");
    assert_eq!(canvas.acknowledged[0].block, None);
    for (amount, said) in [
        ("{ value = -5 }", "-5 is not an amount"),
        ("{ value = 5, volume = nan }", "NaN is not an amount"),
        ("{ value = 5, per = \"week\" }", "unknown variant `week`"),
    ] {
        let e = parse(&text.replace(
            "{ value = 29, currency = \"EUR\", per = \"month\", volume = 400.5 }",
            amount,
        ))
        .unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(5), "{amount}: {e}");
        assert!(e.to_string().contains(said), "{amount}: {e}");
    }
    let e = parse("format = 1\n[[acknowledged]]\nrule = \"x\"\n").unwrap_err();
    assert!(e.to_string().contains("missing field `reason`"), "{e}");
}
