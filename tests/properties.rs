//! Properties over generated canvases and arbitrary bytes: every canvas the reader accepts survives a
//! write and a read unchanged, and no input makes the parsers panic.

use std::path::Path;

use canvas_coach::api::{
    Acknowledged, Amount, Bank, BlockId, Canvas, Cost, Decision, Evidence, GapReport, ImportColumns,
    ImportSource, Item, Language, Learning, Messages, Per, Sitting, Status, Strength, Test, TestState,
    parse_canvas, parse_import, write_document,
};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// Any text a person might type: emoji, right-to-left scripts, quotes, backslashes, newlines,
/// control characters and very long lines.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => ".*",
        4 => "[a-z ]{0,20}",
        1 => Just("☕️ Kaffee für alle 🚀".to_owned()),
        1 => Just("مرحبا بالعالم — שלום עולם".to_owned()),
        1 => Just("quote \" backslash \\ tab \t newline \n \u{7f} end".to_owned()),
        1 => "[a-zA-Z0-9 ]{2000,6000}",
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,12}"
}

/// An item's text, links, categories, note, status (an index into `Status::ALL`) with evidence,
/// and amount.
type ItemParts = (
    String,
    Vec<String>,
    Categories,
    Option<String>,
    (usize, Vec<Evidence>),
    Option<Amount>,
);
type Answers = Vec<(String, String)>;
type Categories = Vec<(String, Vec<String>)>;
/// A block's answers, categories, picks, items and notes.
type BlockParts = (Answers, Categories, Categories, Vec<ItemParts>, Option<String>);
/// Title, designed for, designed by, date, iteration, language and retired item numbers.
type MetaParts = (String, String, String, String, u32, String, Vec<(usize, u64)>);

fn block() -> impl Strategy<Value = BlockParts> {
    (
        prop::collection::vec((id(), text()), 0..4),
        prop::collection::vec((id(), prop::collection::vec(id(), 0..4)), 0..3),
        prop::collection::vec((id(), prop::collection::vec(id(), 0..3)), 0..2),
        prop::collection::vec(
            (
                text(),
                prop::collection::vec(id(), 0..3),
                prop::collection::vec((id(), prop::collection::vec(id(), 0..3)), 0..2),
                prop::option::of(text()),
                (0usize..4, prop::collection::vec(evidence(), 0..3)),
                prop::option::of(amount()),
            ),
            0..4,
        ),
        prop::option::of(text()),
    )
}

/// A figure as files hold them: whole numbers of any size, and cents.
fn figure() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u64..1_000_000_000_000).prop_map(|n| n as f64),
        (0u32..100_000_000).prop_map(|n| f64::from(n) / 100.0),
        Just(1e20),
    ]
}

fn amount() -> impl Strategy<Value = Amount> {
    (
        figure(),
        prop::option::of(text()),
        prop::option::of(0usize..4),
        prop::option::of(figure()),
    )
        .prop_map(|(value, currency, per, volume)| Amount {
            value,
            currency,
            per: per.map(|p| Per::ALL[p]),
            volume,
        })
}

fn acknowledged() -> impl Strategy<Value = Acknowledged> {
    (id(), prop::option::of(0usize..9), prop::option::of(id()), text()).prop_map(
        |(rule, block, item, reason)| Acknowledged {
            rule,
            block: block.map(|b| BlockId::ALL[b]),
            item,
            reason,
        },
    )
}

fn strength() -> impl Strategy<Value = Strength> {
    prop::sample::select(Strength::ALL.to_vec())
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (text(), strength()).prop_map(|(text, strength)| Evidence::new(text, strength))
}

/// A test card; its id is given when it is added to the canvas.
fn test_card() -> impl Strategy<Value = Test> {
    let cost = prop_oneof![
        Just(None),
        text().prop_map(|t| Some(Cost::Text(t))),
        amount().prop_map(|a| Some(Cost::Amount(a))),
    ];
    let date = date().prop_map(|d| Some(d).filter(|d| !d.is_empty()));
    (
        prop::collection::vec(id(), 0..3),
        [text(), text(), text(), text()],
        cost,
        date,
        prop::sample::select(TestState::ALL.to_vec()),
    )
        .prop_map(
            |(items, [hypothesis, experiment, metric, criterion], cost, deadline, state)| Test {
                id: String::new(),
                items,
                hypothesis,
                experiment,
                metric,
                criterion,
                cost,
                deadline,
                state,
            },
        )
}

/// A learning's date, observation, insight, decision and strength; its test is picked later.
fn learning() -> impl Strategy<Value = Learning> {
    let decision = prop::option::of(prop::sample::select(Decision::ALL.to_vec()));
    ("20[0-9]{2}-0[1-9]-1[0-9]", text(), text(), decision, strength()).prop_map(
        |(date, observation, insight, decision, strength)| Learning {
            test: String::new(),
            date,
            observation,
            insight,
            decision,
            strength,
        },
    )
}

fn meta() -> impl Strategy<Value = MetaParts> {
    (
        text(),
        text(),
        text(),
        date(),
        1u32..10_000,
        "[a-z]{2}",
        prop::collection::vec((0usize..9, 1u64..1_000_000), 0..3),
    )
}

/// A real date, or none yet: the reader refuses anything else.
fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"
    ]
}

fn sitting() -> impl Strategy<Value = Sitting> {
    (
        1u32..100,
        text(),
        prop::collection::vec((0usize..9, 0u32..600), 0..4),
        prop::option::of(0usize..9),
    )
        .prop_map(|(iteration, started, minutes, stopped_at)| Sitting {
            iteration,
            started,
            minutes: minutes.into_iter().map(|(b, m)| (BlockId::ALL[b], m)).collect(),
            stopped_at: stopped_at.map(|b| BlockId::ALL[b]),
        })
}

fn canvas() -> impl Strategy<Value = Canvas> {
    (
        meta(),
        prop::collection::vec(block(), 9),
        prop::collection::vec(sitting(), 0..3),
        prop::collection::vec(acknowledged(), 0..3),
        (
            prop::collection::vec(test_card(), 0..3),
            prop::collection::vec(learning(), 0..3),
        ),
    )
        .prop_map(build_canvas)
}

type Cards = (Vec<Test>, Vec<Learning>);
type CanvasParts = (MetaParts, Vec<BlockParts>, Vec<Sitting>, Vec<Acknowledged>, Cards);

fn build_canvas((meta, blocks, sessions, acknowledged, cards): CanvasParts) -> Canvas {
    let (title, for_, by, date, iteration, language, last_ids) = meta;
    let mut canvas = Canvas::default();
    canvas.meta.title = title;
    canvas.meta.designed_for = for_;
    canvas.meta.designed_by = by;
    canvas.meta.date = date;
    canvas.meta.iteration = iteration;
    canvas.meta.language = language;
    canvas.meta.last_ids = last_ids.into_iter().map(|(b, n)| (BlockId::ALL[b], n)).collect();
    for (block_id, parts) in BlockId::ALL.into_iter().zip(blocks) {
        fill_block(&mut canvas, block_id, parts);
    }
    canvas.sessions = sessions;
    canvas.acknowledged = acknowledged;
    let (tests, learnings) = cards;
    let ids: Vec<String> = tests.into_iter().map(|t| canvas.add_test(t)).collect();
    // Learnings only for tests there are: the reader refuses the others.
    for (n, mut learning) in learnings.into_iter().enumerate() {
        if let Some(id) = ids.get(n % ids.len().max(1)) {
            learning.test.clone_from(id);
            canvas.learnings.push(learning);
        }
    }
    canvas
}

fn fill_block(
    canvas: &mut Canvas,
    block_id: BlockId,
    (answers, categories, picks, items, notes): BlockParts,
) {
    for (key, value) in answers {
        canvas.block_mut(block_id).answers.insert(key, value);
    }
    for (key, value) in categories {
        canvas.block_mut(block_id).categories.insert(key, value);
    }
    for (key, value) in picks {
        canvas.block_mut(block_id).picks.insert(key, value);
    }
    for (text, links, categories, note, (status, evidence), amount) in items {
        let id = canvas.next_item_id(block_id);
        let categories = categories.into_iter().collect();
        let status = Status::ALL[status];
        let item = Item {
            id,
            text,
            links,
            categories,
            note,
            status,
            evidence,
            amount,
        };
        canvas.block_mut(block_id).items.push(item);
    }
    canvas.block_mut(block_id).notes = notes;
}

/// A fixed seed: the same cases on every run and every machine.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 128,
        rng_seed: RngSeed::Fixed(0x00ca_77a5),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_canvas_survives_write_then_read(canvas in canvas()) {
        let bank = Bank::builtin(Language::En);
        let report = GapReport::new(&canvas, bank, Messages::get(Language::En));
        let text = write_document(None, &canvas, &report);
        let read = parse_canvas(Path::new("c.toml"), &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read, canvas);
    }

    #[test]
    fn the_canvas_parser_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_canvas(Path::new("c.toml"), &text);
    }

    #[test]
    fn the_parsers_never_panic_on_toml_shaped_text(
        text in r#"(format = [0-9"]{1,3}\n)?(\[{1,2}[a-z_.]{1,30}\]{1,2}\n([a-z_]{1,12} = ("[^"\n]{0,10}"|[0-9]{1,4}|\[("[a-z0-9]{1,4}", ?){0,3}\])\n){0,4}){0,6}"#
    ) {
        let _ = parse_canvas(Path::new("c.toml"), &text);
        let _ = Bank::parse(Path::new("bank.toml"), &text);
    }

    #[test]
    fn the_import_readers_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        for source in [ImportSource::Csv, ImportSource::Bmml, ImportSource::Json] {
            let _ = parse_import(Path::new("in"), &text, source, &ImportColumns::default(), None);
        }
    }

    #[test]
    fn the_import_readers_never_panic_on_damaged_sources(cut in 0usize..4_000, junk in ".{0,8}") {
        let sources = [
            (ImportSource::Bmml, include_str!("fixtures/import/bike-repair.bmml")),
            (ImportSource::Bmml, include_str!("fixtures/import/bike-repair-v1.bmml")),
            (ImportSource::Csv, "block,id,text,links,colour,categories,note,status,evidence\n\
                Customer Segments,cs1,\"A, b\",,#ffd54f,\"g: a, b\",n,validated,\"e\nf\"\n"),
        ];
        for (source, text) in sources {
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let damaged = format!("{}{junk}{}", &text[..cut], &text[cut..]);
            let _ = parse_import(Path::new("in"), &damaged, source, &ImportColumns::default(), None);
        }
    }

    #[test]
    fn the_bank_parser_never_panics_on_a_damaged_bank(cut in 0usize..40_000, junk in ".{0,8}") {
        let english = include_str!("../question-banks/en.toml");
        let mut cut = cut.min(english.len());
        while !english.is_char_boundary(cut) {
            cut -= 1;
        }
        let damaged = format!("{}{junk}{}", &english[..cut], &english[cut..]);
        let _ = Bank::parse(Path::new("bank.toml"), &damaged);
    }
}
