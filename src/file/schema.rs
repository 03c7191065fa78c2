//! The JSON Schema of the canvas file format, generated from the Rust types that read and write
//! it, for editors that check TOML against a schema (taplo, Even Better TOML).

use serde_json::{Value, json};

use super::parse::file_schema;
use crate::gaps::GapReport;
use crate::model::{FORMAT, OLDEST_FORMAT};

pub fn canvas() -> Value {
    let mut schema = file_schema().to_value();
    let report = schemars::schema_for!(GapReport).to_value();
    let root = schema.as_object_mut().expect("a schema is an object");
    root.insert(
        "title".into(),
        json!(format!("canvas-coach canvas, format {FORMAT}")),
    );
    root.insert("required".into(), json!(["format"]));
    let properties = root
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .expect("the file has properties");
    properties.insert(
        "format".into(),
        json!({
            "description": "The version of the canvas file format; format 1 is read and saved as the current one.",
            "enum": (OLDEST_FORMAT..=FORMAT).collect::<Vec<_>>(),
        }),
    );
    // The gap report's own definitions go beside the canvas's.
    let mut report = report.as_object().expect("a schema is an object").clone();
    let definitions = report.remove("$defs").unwrap_or_else(|| json!({}));
    report.remove("$schema");
    report.remove("title");
    properties.insert("gap_report".into(), Value::Object(report));
    if let (Value::Object(theirs), Some(ours)) = (
        definitions,
        root.entry("$defs").or_insert_with(|| json!({})).as_object_mut(),
    ) {
        ours.extend(theirs);
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    fn examples() -> Vec<(&'static str, &'static str)> {
        vec![
            ("brew-box", include_str!("../../examples/brew-box.toml")),
            ("tutor-match", include_str!("../../examples/tutor-match.toml")),
            ("half-finished", include_str!("../../examples/half-finished.toml")),
            (
                "taskline-freemium",
                include_str!("../../examples/taskline-freemium.toml"),
            ),
            (
                "localbeat-ad-funded",
                include_str!("../../examples/localbeat-ad-funded.toml"),
            ),
            (
                "bake-and-go-franchise",
                include_str!("../../examples/bake-and-go-franchise.toml"),
            ),
            (
                "little-sprouts-box",
                include_str!("../../examples/little-sprouts-box.toml"),
            ),
            (
                "edge-club-razors-flawed",
                include_str!("../../examples/edge-club-razors-flawed.toml"),
            ),
            (
                "roomhop-marketplace-flawed",
                include_str!("../../examples/roomhop-marketplace-flawed.toml"),
            ),
            (
                "sproutpot-hardware-flawed",
                include_str!("../../examples/sproutpot-hardware-flawed.toml"),
            ),
            (
                "tunehall-streaming-flawed",
                include_str!("../../examples/tunehall-streaming-flawed.toml"),
            ),
        ]
    }

    fn as_json(toml_text: &str) -> Value {
        toml::from_str(toml_text).expect("examples are TOML")
    }

    #[test]
    fn every_example_validates_against_the_schema() {
        let validator = jsonschema::validator_for(&canvas()).expect("a valid JSON Schema");
        for (name, text) in examples() {
            let errors: Vec<String> = validator
                .iter_errors(&as_json(text))
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:?}");
        }
    }

    #[test]
    fn a_written_canvas_with_its_gap_report_and_sessions_validates_too() {
        let validator = jsonschema::validator_for(&canvas()).unwrap();
        let path = std::path::Path::new("half-finished.toml");
        let mut model = crate::file::parse_canvas(path, examples()[2].1).unwrap();
        model.sessions.push(crate::model::Sitting {
            iteration: 1,
            started: "2026-11-23 09:00".into(),
            ..Default::default()
        });
        let report = GapReport::new(
            &model,
            crate::bank::Bank::builtin(crate::i18n::Language::En),
            crate::i18n::Messages::get(crate::i18n::Language::En),
        );
        let written = crate::file::document::render(None, &model, &report);
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&written))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn the_schema_catches_what_the_reader_refuses() {
        let validator = jsonschema::validator_for(&canvas()).unwrap();
        for wrong in [
            "format = 3\n",
            "format = 1\n[meta]\niteration = \"three\"\n",
            "format = 1\n[[channels.items]]\nid = \"ch1\"\n",
            "format = 1\n[[channels.items]]\nid = \"ch1\"\ntext = \"x\"\nstatus = \"maybe\"\n",
            "format = 1\n[[channels.items]]\nid = \"ch1\"\ntext = \"x\"\namount = { value = -1 }\n",
            "format = 1\n[[acknowledged]]\nrule = \"dangling_link\"\n",
            "[meta]\ntitle = \"no format\"\n",
        ] {
            assert!(!validator.is_valid(&as_json(wrong)), "{wrong}");
        }
    }
}
