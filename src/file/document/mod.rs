//! Writing a canvas file. The canvas is merged into a `toml_edit` document — the user's own file
//! when there is one — so comments, key order and keys the model does not know all survive;
//! only `[gap_report]` is regenerated.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::gaps::GapReport;
use crate::model::{self, Block, BlockId, Canvas, FORMAT, Meta, Sitting, Status};

const GAP_REPORT_NOTE: &str = "\n# Written by canvas-coach on every save; edits here are replaced.\n";

/// The text of a canvas file: `existing` (a parsed user file) updated, or a new file.
pub fn render(existing: Option<DocumentMut>, canvas: &Canvas, report: &GapReport) -> String {
    let mut doc = existing.unwrap_or_default();
    let root = doc.as_table_mut();
    set_int(root, "format", FORMAT);
    write_meta(table(root, "meta"), &canvas.meta);
    // Taken out first so that what the program writes lands after every block, new ones included.
    root.remove("gap_report");
    root.remove("session");
    for block in BlockId::ALL {
        write_block(root, block, canvas.block(block));
    }
    if !canvas.sessions.is_empty() {
        root.insert("session", Item::ArrayOfTables(sessions_table(&canvas.sessions)));
    }
    root.insert("gap_report", Item::Table(gap_report_table(report)));
    doc.to_string()
}

fn write_meta(meta: &mut Table, m: &Meta) {
    set_str(meta, "title", &m.title);
    set_str(meta, "designed_for", &m.designed_for);
    set_str(meta, "designed_by", &m.designed_by);
    set_str(meta, "date", &m.date);
    set_int(meta, "iteration", i64::from(m.iteration));
    set_str(meta, "language", &m.language);
}

fn write_block(root: &mut Table, id: BlockId, block: &Block) {
    if block.is_empty() && !root.contains_key(id.key()) {
        return;
    }
    let table = table(root, id.key());
    table.set_implicit(true);

    sync_map(table, "answers", block.answers.iter(), |t, k, v| set_str(t, k, v));
    sync_map(table, "categories", block.categories.iter(), |t, k, v| {
        set_strs(t, k, v)
    });

    write_items(table, &block.items);

    match &block.notes {
        Some(notes) => set_str(table, "notes", notes),
        None => {
            table.remove("notes");
        }
    }
}

/// Writes a block's items: existing item tables are matched by id and updated in place,
/// keeping their comments and any keys of the user's own; new items are appended in the
/// canvas's order. Looked up by id once, so a rewrite stays linear in the number of items.
fn write_items(table: &mut Table, block_items: &[model::Item]) {
    let items = table
        .entry("items")
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    if !items.is_array_of_tables() {
        *items = Item::ArrayOfTables(ArrayOfTables::new());
    }
    let items = items
        .as_array_of_tables_mut()
        .expect("made an array of tables above");
    let wanted: HashSet<&str> = block_items.iter().map(|item| item.id.as_str()).collect();
    items.retain(|t| {
        t.get("id")
            .and_then(Item::as_str)
            .is_some_and(|id| wanted.contains(id))
    });
    let mut existing: HashMap<String, usize> = items
        .iter()
        .enumerate()
        .filter_map(|(n, t)| Some((t.get("id")?.as_str()?.to_owned(), n)))
        .collect();
    for item in block_items {
        let index = match existing.remove(&item.id) {
            Some(n) => n,
            None => {
                items.push(Table::new());
                items.len() - 1
            }
        };
        write_item(items.get_mut(index).expect("an index of this array"), item);
    }
    if items.is_empty() {
        table.remove("items");
    }
}

fn write_item(t: &mut Table, item: &model::Item) {
    set_str(t, "id", &item.id);
    set_str(t, "text", &item.text);
    if item.links.is_empty() {
        t.remove("links");
    } else {
        set_strs(t, "links", &item.links);
    }
    sync_inline(t, "categories", &item.categories);
    match &item.note {
        Some(note) => set_str(t, "note", note),
        None => {
            t.remove("note");
        }
    }
    // The default status is left out, so untested canvases stay uncluttered.
    if item.status == Status::default() {
        t.remove("status");
    } else {
        set_str(t, "status", item.status.id());
    }
    if item.evidence.is_empty() {
        t.remove("evidence");
    } else {
        set_strs(t, "evidence", &item.evidence);
    }
}

/// Makes `table[key]` hold exactly `entries`: changed values are replaced keeping their
/// decoration, new keys are appended, keys no longer present are removed.
fn sync_map<'a, V: 'a + ?Sized>(
    parent: &mut Table,
    key: &str,
    entries: impl Iterator<Item = (&'a String, &'a V)> + Clone,
    set: impl Fn(&mut Table, &str, &V),
) {
    if entries.clone().next().is_none() && !parent.contains_key(key) {
        return;
    }
    let table = table(parent, key);
    table.retain(|k, _| entries.clone().any(|(key, _)| key == k));
    for (k, v) in entries {
        set(table, k, v);
    }
}

/// An item's own choices as an inline table, `categories = { pricing = ["list_price"] }`;
/// unchanged groups keep their formatting.
fn sync_inline(table: &mut Table, key: &str, categories: &IndexMap<String, Vec<String>>) {
    if categories.is_empty() {
        table.remove(key);
        return;
    }
    let unchanged = table.get(key).and_then(Item::as_inline_table).is_some_and(|old| {
        old.len() == categories.len()
            && categories.iter().all(|(group, chosen)| {
                old.get(group)
                    .and_then(Value::as_array)
                    .is_some_and(|a| same_strs(a, chosen))
            })
    });
    if unchanged {
        return;
    }
    let mut inline = InlineTable::new();
    for (group, chosen) in categories {
        inline.insert(
            group,
            Value::Array(chosen.iter().map(String::as_str).collect::<Array>()),
        );
    }
    set_value(table, key, Value::InlineTable(inline));
}

/// The sub-table `key`, created when absent or when the user's file holds something else there.
fn table<'t>(parent: &'t mut Table, key: &str) -> &'t mut Table {
    let item = parent.entry(key).or_insert_with(|| Item::Table(Table::new()));
    if !item.is_table() {
        *item = Item::Table(Table::new());
    }
    item.as_table_mut().expect("made a table above")
}

fn set_value(table: &mut Table, key: &str, mut value: Value) {
    if let Some(old) = table.get(key).and_then(Item::as_value) {
        *value.decor_mut() = old.decor().clone();
    }
    table.insert(key, Item::Value(value));
}

fn set_str(table: &mut Table, key: &str, text: &str) {
    if table.get(key).and_then(Item::as_str) != Some(text) {
        set_value(table, key, Value::from(text));
    }
}

fn set_int(table: &mut Table, key: &str, number: i64) {
    if table.get(key).and_then(Item::as_integer) != Some(number) {
        set_value(table, key, Value::from(number));
    }
}

/// Whether a TOML array holds exactly these strings, in this order.
fn same_strs(array: &Array, texts: &[String]) -> bool {
    array.len() == texts.len()
        && array
            .iter()
            .zip(texts)
            .all(|(o, t)| o.as_str() == Some(t.as_str()))
}

fn set_strs(table: &mut Table, key: &str, texts: &[String]) {
    let same = table
        .get(key)
        .and_then(Item::as_array)
        .is_some_and(|old| same_strs(old, texts));
    if !same {
        set_value(
            table,
            key,
            Value::Array(texts.iter().map(String::as_str).collect::<Array>()),
        );
    }
}

/// Coach-mode sittings, `[[session]]`, rewritten whole like the gap report.
fn sessions_table(sessions: &[Sitting]) -> ArrayOfTables {
    let mut tables = ArrayOfTables::new();
    for record in sessions {
        let mut t = Table::new();
        t.insert("iteration", toml_edit::value(i64::from(record.iteration)));
        t.insert("started", toml_edit::value(record.started.as_str()));
        let mut minutes = InlineTable::new();
        for (block, spent) in &record.minutes {
            minutes.insert(block.key(), Value::from(i64::from(*spent)));
        }
        t.insert("minutes", toml_edit::value(minutes));
        if let Some(block) = &record.stopped_at {
            t.insert("stopped_at", toml_edit::value(block.key()));
        }
        tables.push(t);
    }
    tables
}

fn gap_report_table(report: &GapReport) -> Table {
    let mut table = Table::new();
    table.decor_mut().set_prefix(GAP_REPORT_NOTE);
    table.insert("score", Item::Value(Value::from(i64::from(report.score))));
    let mut gaps = ArrayOfTables::new();
    for gap in &report.gaps {
        let mut t = Table::new();
        t.insert("block", toml_edit::value(gap.block.key()));
        t.insert("rule", toml_edit::value(gap.rule));
        t.insert("severity", toml_edit::value(gap.severity.id()));
        if let Some(item) = &gap.item {
            t.insert("item", toml_edit::value(item.as_str()));
        }
        t.insert("message", toml_edit::value(gap.message.as_str()));
        if let Some(question) = &gap.question {
            t.insert("question", toml_edit::value(question.as_str()));
        }
        gaps.push(t);
    }
    if !gaps.is_empty() {
        table.insert("gaps", Item::ArrayOfTables(gaps));
    }
    table
}

#[cfg(test)]
mod tests;
