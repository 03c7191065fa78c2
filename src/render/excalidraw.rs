//! The canvas as an Excalidraw scene (`.excalidraw`, schema version 2): a rectangle and a title
//! per block, laid out as the printed canvas, and a rectangle per note with its text bound
//! inside, filled with the colour of the customer segment it serves. Ids, seeds and nonces come
//! from block keys and item ids and the timestamps are fixed, so the file never changes between
//! runs of the same canvas.

use serde_json::{Value, json};

use super::board::{FONT_SIZE, LINE_HEIGHT, NOTE_COLUMNS, Rect, above, layout, shape, stable_number};
use super::colour;
use super::wrap::wrap;
use crate::bank::Bank;
use crate::model::Canvas;

const INK: &str = "#1e1e1e";
/// A note that serves no segment.
const PAPER: &str = "#ffffff";
/// Excalidraw's "Normal" font (Helvetica).
const FONT_FAMILY: i64 = 2;
/// Excalidraw's rounded corners that scale with the shape.
const ROUNDED: i64 = 3;

/// The properties every element has, set for a shape that nothing else changed yet.
fn element(id: &str, kind: &str, at: Rect, background: &str) -> serde_json::Map<String, Value> {
    let mut out = shape(id, kind, at);
    let value = json!({
        "angle": 0,
        "strokeColor": INK,
        "backgroundColor": background,
        "fillStyle": "solid",
        "strokeWidth": 1,
        "strokeStyle": "solid",
        "roughness": 1,
        "opacity": 100,
        "groupIds": [],
        "frameId": null,
        "index": null,
        "roundness": null,
        "seed": stable_number(id),
        "version": 1,
        "versionNonce": stable_number(&format!("{id}#nonce")),
        "isDeleted": false,
        "boundElements": null,
        "updated": 1,
        "link": null,
        "locked": false,
    });
    if let Value::Object(rest) = value {
        out.extend(rest);
    }
    out
}

/// A text element: free (a title) or bound inside a container (a note's text).
fn text(id: &str, at: Rect, words: &str, container: Option<&str>) -> Value {
    let wrapped: Vec<String> = words.lines().flat_map(|line| wrap(line, NOTE_COLUMNS)).collect();
    let wrapped = wrapped.join("\n");
    let lines = wrapped.lines().count().max(1) as f64;
    let height = (lines * FONT_SIZE as f64 * LINE_HEIGHT).ceil() as i64;
    let place = match container {
        Some(_) => Rect {
            x: at.x + 10,
            y: at.y + (at.height - height) / 2,
            width: at.width - 20,
            height,
        },
        None => Rect { height, ..at },
    };
    let mut out = element(id, "text", place, "transparent");
    let (align, vertical, shown) = match container {
        Some(_) => ("center", "middle", wrapped),
        None => ("left", "top", words.to_owned()),
    };
    let more = json!({
        "fontSize": FONT_SIZE,
        "fontFamily": FONT_FAMILY,
        "text": shown,
        "textAlign": align,
        "verticalAlign": vertical,
        "containerId": container,
        "originalText": words,
        "autoResize": true,
        "lineHeight": LINE_HEIGHT,
    });
    if let Value::Object(more) = more {
        out.extend(more);
    }
    Value::Object(out)
}

pub fn excalidraw(canvas: &Canvas, bank: &Bank) -> String {
    let served = canvas.segments_served();
    let placed = layout(canvas);
    let title = above(&placed, 40);
    let mut elements = vec![text("title", title, &canvas.meta.title, None)];
    for p in &placed {
        let key = p.block.key();
        let frame = element(&format!("block-{key}"), "rectangle", p.frame, "transparent");
        elements.push(Value::Object(frame));
        let label = Rect {
            x: p.frame.x + 20,
            y: p.frame.y + 10,
            ..p.frame
        };
        elements.push(text(
            &format!("title-{key}"),
            label,
            &bank.block(p.block).title,
            None,
        ));
        for (item, &at) in canvas.block(p.block).items.iter().zip(&p.notes) {
            let (note_id, text_id) = (format!("note-{}", item.id), format!("text-{}", item.id));
            let fill = served
                .get(item.id.as_str())
                .and_then(|s| s.first())
                .map_or(PAPER, |&n| colour(n));
            let mut note = element(&note_id, "rectangle", at, fill);
            note.insert("roundness".into(), json!({ "type": ROUNDED }));
            note.insert("boundElements".into(), json!([{ "type": "text", "id": text_id }]));
            elements.push(Value::Object(note));
            let words = format!("{}\n{} {}", item.text, item.status.mark(), item.id);
            elements.push(text(&text_id, at, &words, Some(&note_id)));
        }
    }
    let scene = json!({
        "type": "excalidraw",
        "version": 2,
        "source": "canvas-coach",
        "elements": elements,
        "appState": { "viewBackgroundColor": "#ffffff", "gridSize": null },
        "files": {},
    });
    let mut out = serde_json::to_string_pretty(&scene).expect("a scene serialises");
    out.push('\n');
    out
}
