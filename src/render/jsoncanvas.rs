//! The canvas as a JSON Canvas board (jsoncanvas.org, version 1.0), as Obsidian and other
//! whiteboard tools open it: a group per block, laid out as the printed canvas, with a text
//! node per note coloured by the customer segment it serves, and a title above. Node ids come
//! from block keys and item ids, so the same canvas always gives the same file.

use serde_json::{Value, json};

use super::board::{above, layout, shape};
use super::colour;
use super::markdown::escape;
use crate::bank::Bank;
use crate::model::Canvas;

pub fn jsoncanvas(canvas: &Canvas, bank: &Bank) -> String {
    let served = canvas.segments_served();
    let placed = layout(canvas);
    let title = above(&placed, 80);
    let mut heading = shape("title", "text", title);
    heading.insert("text".into(), json!(format!("# {}", escape(&canvas.meta.title))));
    // Groups first: nodes later in the list are drawn on top of earlier ones.
    let mut nodes = vec![Value::Object(heading)];
    for p in &placed {
        let mut group = shape(&format!("block-{}", p.block.key()), "group", p.frame);
        group.insert("label".into(), json!(bank.block(p.block).title));
        nodes.push(Value::Object(group));
    }
    for p in &placed {
        for (item, &at) in canvas.block(p.block).items.iter().zip(&p.notes) {
            let mut note = shape(&format!("note-{}", item.id), "text", at);
            let text = format!(
                "{}\n\n{} {}",
                escape(&item.text),
                item.status.mark(),
                escape(&item.id)
            );
            note.insert("text".into(), json!(text));
            if let Some(&n) = served.get(item.id.as_str()).and_then(|s| s.first()) {
                note.insert("color".into(), json!(colour(n)));
            }
            nodes.push(Value::Object(note));
        }
    }
    let board = json!({ "nodes": nodes, "edges": [] });
    let mut text = serde_json::to_string_pretty(&board).expect("a board serialises");
    text.push('\n');
    text
}
