//! The canvas as JSON in the canvas file's own shape (`canvas-coach schema`), with its gap report,
//! for other tools; `import canvas.json` reads it back into the same canvas. Keys are written as
//! the TOML file writes them: empty parts and the default status are left out.

use serde_json::{Map, Value, json};

use crate::gaps::GapReport;
use crate::model::{
    Amount, Block, BlockId, Canvas, Cost, Evidence, FORMAT, Item, Learning, Status, Strength, Test,
};

pub fn json(canvas: &Canvas, report: &GapReport) -> String {
    let mut root = Map::new();
    root.insert("format".into(), json!(FORMAT));
    root.insert("meta".into(), json!(canvas.meta));
    for block in BlockId::ALL {
        let written = canvas.block(block);
        if !written.is_empty() {
            root.insert(block.key().into(), block_value(written));
        }
    }
    if !canvas.sessions.is_empty() {
        root.insert("session".into(), json!(canvas.sessions));
    }
    if !canvas.acknowledged.is_empty() {
        root.insert("acknowledged".into(), json!(canvas.acknowledged));
    }
    if !canvas.tests.is_empty() {
        root.insert("test".into(), canvas.tests.iter().map(test_value).collect());
    }
    if !canvas.learnings.is_empty() {
        root.insert(
            "learning".into(),
            canvas.learnings.iter().map(learning_value).collect(),
        );
    }
    root.insert("gap_report".into(), json!(report));
    let mut text = serde_json::to_string_pretty(&Value::Object(root)).expect("a canvas serialises");
    text.push('\n');
    text
}

fn block_value(block: &Block) -> Value {
    let mut out = Map::new();
    if !block.answers.is_empty() {
        out.insert("answers".into(), json!(block.answers));
    }
    if !block.categories.is_empty() {
        out.insert("categories".into(), json!(block.categories));
    }
    if !block.picks.is_empty() {
        out.insert("picks".into(), json!(block.picks));
    }
    if !block.items.is_empty() {
        out.insert("items".into(), block.items.iter().map(item_value).collect());
    }
    if let Some(notes) = &block.notes {
        out.insert("notes".into(), json!(notes));
    }
    Value::Object(out)
}

fn item_value(item: &Item) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), json!(item.id));
    out.insert("text".into(), json!(item.text));
    if !item.links.is_empty() {
        out.insert("links".into(), json!(item.links));
    }
    if !item.categories.is_empty() {
        out.insert("categories".into(), json!(item.categories));
    }
    if let Some(note) = &item.note {
        out.insert("note".into(), json!(note));
    }
    if item.status != Status::Assumption {
        out.insert("status".into(), json!(item.status));
    }
    if !item.evidence.is_empty() {
        let evidence: Vec<Value> = item.evidence.iter().map(evidence_value).collect();
        out.insert("evidence".into(), json!(evidence));
    }
    if let Some(amount) = &item.amount {
        out.insert("amount".into(), amount_value(amount));
    }
    Value::Object(out)
}

/// An item's amount with the keys it has, as the TOML file writes it.
fn amount_value(amount: &Amount) -> Value {
    let mut out = Map::new();
    out.insert("value".into(), json!(amount.value));
    if let Some(currency) = &amount.currency {
        out.insert("currency".into(), json!(currency));
    }
    if let Some(per) = amount.per {
        out.insert("per".into(), json!(per));
    }
    if let Some(volume) = amount.volume {
        out.insert("volume".into(), json!(volume));
    }
    Value::Object(out)
}

/// Evidence of unknown strength as its text, as older files write it; the rest with strength.
fn evidence_value(evidence: &Evidence) -> Value {
    match evidence.strength {
        Strength::Unknown => json!(evidence.text),
        strength => json!({ "text": evidence.text, "strength": strength }),
    }
}

fn test_value(test: &Test) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), json!(test.id));
    out.insert("items".into(), json!(test.items));
    for (key, text) in [
        ("hypothesis", &test.hypothesis),
        ("experiment", &test.experiment),
        ("metric", &test.metric),
        ("criterion", &test.criterion),
    ] {
        out.insert(key.into(), json!(text));
    }
    match &test.cost {
        Some(Cost::Text(text)) => {
            out.insert("cost".into(), json!(text));
        }
        Some(Cost::Amount(amount)) => {
            out.insert("cost".into(), amount_value(amount));
        }
        None => {}
    }
    if let Some(deadline) = &test.deadline {
        out.insert("deadline".into(), json!(deadline));
    }
    out.insert("state".into(), json!(test.state));
    Value::Object(out)
}

fn learning_value(learning: &Learning) -> Value {
    let mut out = Map::new();
    out.insert("test".into(), json!(learning.test));
    out.insert("date".into(), json!(learning.date));
    out.insert("observation".into(), json!(learning.observation));
    out.insert("insight".into(), json!(learning.insight));
    if let Some(decision) = learning.decision {
        out.insert("decision".into(), json!(decision));
    }
    if learning.strength != Strength::Unknown {
        out.insert("strength".into(), json!(learning.strength));
    }
    Value::Object(out)
}
