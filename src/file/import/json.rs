//! canvas-coach's own JSON: the canvas file's shape (`canvas-coach schema`) written as JSON, as
//! `render --format json` writes it. It is read with the TOML reader's types, so the two
//! formats cannot drift apart; `gap_report` is output only and ignored.

use std::path::Path;

use super::{Ids, Imported, Place};
use crate::error::{Invalid, Problem};
use crate::file::parse::{CanvasFile, check_declared};

pub fn read(path: &Path, text: &str) -> Result<Imported, Invalid> {
    let file: CanvasFile<String, serde_json::Value, i64, f64> = serde_json::from_str(text).map_err(|e| {
        let detail = e.to_string();
        // serde_json ends its message with the place, which the error shows anyway.
        let detail = match detail.rfind(" at line ") {
            Some(cut) => detail[..cut].to_owned(),
            None => detail,
        };
        let mut invalid = Invalid::new(path, Problem::Syntax { detail });
        invalid.position = (e.line() > 0).then_some((e.line(), e.column().max(1)));
        invalid
    })?;
    check_declared(path, file.format.as_ref().map(serde_json::Value::as_i64))?;
    let canvas = file
        .into_canvas(path, None)
        .map_err(|(invalid, _)| place_of_id(invalid, text))?;
    let mut ids = Ids::default();
    for (block, item) in canvas.items() {
        // Unique: the reader refused a second use already.
        let _ = ids.add(&item.id, block, Place::Nowhere);
    }
    let findings = ids.dangling(&canvas);
    Ok(Imported { canvas, findings })
}

/// Points an id error at the id's second `"id": …` in the text, where it can be found: JSON values
/// carry no places of their own.
fn place_of_id(invalid: Invalid, text: &str) -> Invalid {
    let id = match &invalid.problem {
        Problem::DuplicateItemId { id, .. } => id.clone(),
        _ => return invalid,
    };
    let written = serde_json::to_string(&id).expect("a string serialises");
    let mut uses = text.match_indices("\"id\"").filter_map(|(at, key)| {
        let rest = text[at + key.len()..].trim_start().strip_prefix(':')?;
        let value_at = text.len() - rest.trim_start().len();
        rest.trim_start().starts_with(&written).then_some(value_at)
    });
    let second = uses.nth(1);
    invalid.near(text, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_json(text: &str) -> Result<Imported, Invalid> {
        read(Path::new("c.json"), text)
    }

    #[test]
    fn reads_the_canvas_shape_and_lists_links_to_nothing() {
        let imported = read_json(
            r#"{"format": 1, "meta": {"title": "T"},
               "customer_segments": {"items": [{"id": "cs1", "text": "A"}]},
               "channels": {"items": [{"id": "ch1", "text": "B", "links": ["cs1", "cs9"]}]},
               "gap_report": {"score": 3}}"#,
        )
        .unwrap();
        assert_eq!(imported.canvas.meta.title, "T");
        assert_eq!(imported.findings.len(), 1);
        assert!(
            matches!(&imported.findings[0].what, super::super::What::Dangling { target, .. } if target == "cs9")
        );
    }

    #[test]
    fn syntax_shape_format_and_duplicate_errors_name_line_and_column() {
        let e = read_json("{\"format\": 1,\n \"meta\": {\"title\": }\n}").unwrap_err();
        assert_eq!(e.position, Some((2, 20)), "{e}");
        let e = read_json("{\"format\": 1,\n\"meta\": {\"iteration\": \"x\"}}").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(2), "{e}");
        assert!(e.to_string().contains("invalid type"), "{e}");
        let e = read_json("{\"format\": 3}").unwrap_err();
        assert!(e.to_string().contains("newer canvas-coach"), "{e}");
        let e = read_json("{}").unwrap_err();
        assert!(e.to_string().contains("`format = 2` line is missing"), "{e}");
        let e = read_json(
            "{\"format\": 1,\n\"channels\": {\"items\": [{\"id\": \"x\", \"text\": \"a\"},\n{\"id\": \"x\", \"text\": \"b\"}]}}",
        )
        .unwrap_err();
        assert_eq!(e.position, Some((3, 8)), "{e}");
        assert!(e.to_string().contains("duplicate item id 'x'"), "{e}");
    }
}
