//! `import` and the exports for other tools on the real binary: round trips through JSON and CSV
//! over every example, CSV in three languages with colours and a bad row, BMML, and the
//! whiteboard exports checked against the published structure of their formats.

use std::fs;
use std::path::Path;

use canvas_coach::api::{BlockId, Canvas, Strength, parse_canvas};
use serde_json::Value;

mod common;

use common::{assert_refused, canvas_coach, example, file_names, stdout_of};

const EXAMPLES: [&str; 3] = ["brew-box", "tutor-match", "half-finished"];

fn rendered(name: &str, format: &str) -> String {
    let file = example(&format!("{name}.toml"));
    stdout_of(canvas_coach().args(["render", &file, "--format", format]), 0)
}

fn read_canvas(path: &Path) -> Canvas {
    parse_canvas(path, &fs::read_to_string(path).unwrap()).unwrap()
}

/// Imports `source` into `out` and returns what the command printed.
fn import(source: &Path, out: &Path, extra: &[&str]) -> String {
    let mut command = canvas_coach();
    command.arg("import").arg(source).arg("-o").arg(out).args(extra);
    stdout_of(&mut command, 0)
}

fn schema(text: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&serde_json::from_str(text).unwrap()).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, document: &Value, name: &str) {
    let errors: Vec<String> = validator.iter_errors(document).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
}

#[test]
fn every_example_goes_through_json_and_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let validator = schema(&stdout_of(canvas_coach().arg("schema"), 0));
    for name in EXAMPLES {
        let json = rendered(name, "json");
        assert_valid(&validator, &serde_json::from_str(&json).unwrap(), name);
        let source = dir.path().join(format!("{name}.json"));
        fs::write(&source, &json).unwrap();
        let out = dir.path().join(format!("{name}.toml"));
        import(&source, &out, &[]);
        let original = read_canvas(Path::new(&example(&format!("{name}.toml"))));
        assert_eq!(read_canvas(&out), original, "{name}");
    }
}

#[test]
fn picks_go_through_json_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let json = rendered("brew-box", "json");
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["customer_segments"]["picks"]["most_important"],
        serde_json::json!(["cs1"])
    );
    assert_eq!(
        value["cost_structure"]["picks"]["expensive_resources"],
        serde_json::json!(["kr1", "kr2"])
    );
    let source = dir.path().join("brew.json");
    fs::write(&source, &json).unwrap();
    let out = dir.path().join("brew.toml");
    import(&source, &out, &[]);
    let (read, original) = (
        read_canvas(&out),
        read_canvas(Path::new(&example("brew-box.toml"))),
    );
    for block in BlockId::ALL {
        assert_eq!(read.block(block).picks, original.block(block).picks, "{block}");
    }
    assert_eq!(read.block(BlockId::Channels).picked("works_best"), ["ch3"]);
}

#[test]
fn every_example_goes_through_a_spreadsheet_keeping_every_note() {
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let source = dir.path().join(format!("{name}.csv"));
        fs::write(&source, rendered(name, "csv")).unwrap();
        let out = dir.path().join(format!("{name}.toml"));
        let said = import(&source, &out, &[]);
        assert!(!said.contains("Kept in notes"), "{name}: {said}");
        let (read, original) = (
            read_canvas(&out),
            read_canvas(Path::new(&example(&format!("{name}.toml")))),
        );
        // A row per note holds the notes whole; the details, answers, the block's own choices
        // and notes, evidence strengths, tests and sittings are what CSV cannot hold.
        for block in BlockId::ALL {
            let mut items = original.block(block).items.clone();
            for e in items.iter_mut().flat_map(|i| &mut i.evidence) {
                e.strength = Strength::Unknown;
            }
            assert_eq!(read.block(block).items, items, "{name} {block}");
        }
        assert_eq!(read.meta.language, original.meta.language);
    }
}

#[test]
fn sticky_notes_in_english_german_and_dutch_with_colours() {
    let dir = tempfile::tempdir().unwrap();
    let boards = [
        (
            "en",
            "Frame,Content,Color\nCustomer Segments,Commuters,yellow\nValue Propositions,Repairs at the door,Yellow\nChannels,Booking app,yellow\nKey Partners,Parts wholesaler,\n",
        ),
        (
            "de",
            "Baustein;Text;Farbe\nKundensegmente;Pendler;gelb\nWertversprechen;Reparatur vor der Tür;gelb\nKanäle;Buchungs-App;gelb\nSchlüsselpartner;Teilegroßhändler;\n",
        ),
        (
            "nl",
            "bouwsteen,tekst,kleur\nKlantsegmenten,Forensen,geel\nWaardeproposities,Reparatie aan de deur,geel\nKanalen,Boekingsapp,geel\nKernpartners,Onderdelengroothandel,\n",
        ),
    ];
    for (language, board) in boards {
        let source = dir.path().join(format!("board-{language}.csv"));
        fs::write(&source, board).unwrap();
        let out = dir.path().join(format!("board-{language}.toml"));
        let said = import(&source, &out, &[]);
        assert!(said.contains("vp1") && said.contains("cs1"), "{language}: {said}");
        let canvas = read_canvas(&out);
        assert_eq!(canvas.meta.language, language);
        assert_eq!(
            canvas.block(BlockId::ValuePropositions).items[0].links,
            ["cs1"],
            "{language}"
        );
        assert_eq!(
            canvas.block(BlockId::Channels).items[0].links,
            ["cs1"],
            "{language}"
        );
        assert_eq!(canvas.block(BlockId::KeyPartners).items.len(), 1, "{language}");
    }
}

#[test]
fn a_bad_row_exits_2_naming_the_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("board.csv");
    fs::write(
        &source,
        "block,text,status\nchannels,App,\nchannels,Flyer,maybe\n",
    )
    .unwrap();
    let out = dir.path().join("board.toml");
    let mut command = canvas_coach();
    command.arg("import").arg(&source).arg("-o").arg(&out);
    assert_refused(
        &mut command,
        "board.csv:3:16: row 3, status: unknown status “maybe”",
    );
    assert_eq!(file_names(dir.path()), ["board.csv"]);
}

#[test]
fn columns_are_named_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("board.tsv");
    fs::write(&source, "Where\tWhat\nchannels\tApp\n").unwrap();
    let out = dir.path().join("board.toml");
    let mut command = canvas_coach();
    command.arg("import").arg(&source).arg("-o").arg(&out);
    assert_refused(
        &mut command,
        "no column holds `block` (the header has: Where, What)",
    );
    import(&source, &out, &["--columns", "block=Where,text=2"]);
    assert_eq!(read_canvas(&out).block(BlockId::Channels).items[0].text, "App");
}

#[test]
fn a_bmml_file_becomes_a_canvas_with_what_it_could_not_map_in_notes() {
    let dir = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/bike-repair.bmml");
    let out = dir.path().join("bike.toml");
    let said = import(&source, &out, &[]);
    assert!(said.contains("Imported"), "{said}");
    assert!(
        !said.contains("ch-app cannot link"),
        "a channel may name its value propositions: {said}"
    );
    assert!(said.contains("Gap report: Pedal Doctor"), "{said}");
    let canvas = read_canvas(&out);
    let channel = &canvas.block(BlockId::Channels).items[0];
    assert_eq!(channel.links, ["vp-doorstep", "cs-commuters", "cs-offices"]);
    assert_eq!(channel.note, None);
}

#[test]
fn an_existing_output_is_kept_unless_forced_and_dash_prints() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("brew.json");
    fs::write(&source, rendered("brew-box", "json")).unwrap();
    let out = dir.path().join("brew.toml");
    fs::write(&out, "mine").unwrap();
    let mut command = canvas_coach();
    command.arg("import").arg(&source).arg("-o").arg(&out);
    assert_refused(&mut command, "brew.toml exists; give --force to replace it");
    assert_eq!(fs::read_to_string(&out).unwrap(), "mine");
    import(&source, &out, &["--force"]);
    assert_eq!(read_canvas(&out).meta.title, "Brew Box");
    let printed = stdout_of(canvas_coach().arg("import").arg(&source).args(["-o", "-"]), 0);
    assert_eq!(parse_canvas(Path::new("-"), &printed).unwrap(), read_canvas(&out));
    let mut command = canvas_coach();
    command
        .arg("import")
        .arg(dir.path().join("brew.txt.gz"))
        .args(["-o", "-"]);
    assert_refused(&mut command, "give --from csv, --from bmml or --from json");
}

/// The ids of a board's nodes or a scene's elements, each once.
fn unique_ids(list: &[Value], name: &str) -> Vec<String> {
    let ids: Vec<String> = list
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "{name}: ids repeat");
    ids
}

#[test]
fn whiteboards_follow_the_published_structure_of_json_canvas_and_excalidraw() {
    let boards = schema(include_str!("fixtures/schemas/jsoncanvas.schema.json"));
    let scenes = schema(include_str!("fixtures/schemas/excalidraw.schema.json"));
    for name in EXAMPLES {
        let text = rendered(name, "jsoncanvas");
        assert_eq!(text, rendered(name, "jsoncanvas"), "the same every time");
        let board: Value = serde_json::from_str(&text).unwrap();
        assert_valid(&boards, &board, name);
        let nodes = board["nodes"].as_array().unwrap();
        unique_ids(nodes, name);
        let groups = nodes.iter().filter(|n| n["type"] == "group").count();
        let notes = nodes
            .iter()
            .filter(|n| n["id"].as_str().unwrap().starts_with("note-"))
            .count();
        let canvas = read_canvas(Path::new(&example(&format!("{name}.toml"))));
        assert_eq!((groups, notes), (9, canvas.items().count()), "{name}");

        let scene: Value = serde_json::from_str(&rendered(name, "excalidraw")).unwrap();
        assert_valid(&scenes, &scene, name);
        let elements = scene["elements"].as_array().unwrap();
        let ids = unique_ids(elements, name);
        for bound in elements
            .iter()
            .filter(|e| !e["containerId"].is_null() && e["type"] == "text")
        {
            let container = bound["containerId"].as_str().unwrap();
            let at = ids
                .iter()
                .position(|id| id == container)
                .expect("the container exists");
            let listed = elements[at]["boundElements"].as_array().unwrap();
            assert!(
                listed.iter().any(|b| b["id"] == bound["id"]),
                "{name}: {container}"
            );
        }
    }
}
