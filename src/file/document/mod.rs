//! Writing a canvas file. The canvas is merged into a `toml_edit` document — the user's own file
//! when there is one — so comments, key order, inline or standard tables and keys the model does
//! not know all survive; only `[gap_report]` is regenerated.

mod cards;
mod items;
mod rows;
mod values;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

use crate::gaps::{Gap, GapReport};
use crate::model::{Acknowledged, Block, BlockId, Canvas, FORMAT, Meta, Sitting};
use rows::Rows;
use values::{retain, set_int, set_optional, set_optional_str, set_str, set_strs, table};

const GAP_REPORT_NOTE: &str = "\n# Written by canvas-coach on every save; edits here are replaced.\n";

/// The text of a canvas file: `existing` (a parsed user file) updated, or a new file.
pub fn render(existing: Option<DocumentMut>, canvas: &Canvas, report: &GapReport) -> String {
    let mut doc = existing.unwrap_or_default();
    let root = doc.as_table_mut();
    set_int(root, "format", FORMAT);
    write_meta(table(root, "meta"), &canvas.meta);
    // Taken out first so that what the program writes lands after every block, new ones included.
    root.remove("gap_report");
    let sittings = root.remove("session");
    for block in BlockId::ALL {
        write_block(root, block, canvas.block(block));
    }
    if let Some(sittings) = write_sittings(sittings, &canvas.sessions) {
        root.insert("session", sittings);
    }
    write_acknowledged(root, &canvas.acknowledged);
    cards::write_tests(root, &canvas.tests);
    cards::write_learnings(root, &canvas.learnings);
    root.insert("gap_report", Item::Table(gap_report_table(report)));
    doc.to_string()
}

fn write_meta(meta: &mut dyn TableLike, m: &Meta) {
    set_str(meta, "title", &m.title);
    set_optional_str(meta, "designed_for", &m.designed_for);
    set_optional_str(meta, "designed_by", &m.designed_by);
    set_optional_str(meta, "date", &m.date);
    set_int(meta, "iteration", i64::from(m.iteration));
    set_str(meta, "language", &m.language);
    write_last_ids(meta, m);
    let last_test = (m.last_test > 0).then(|| i64::try_from(m.last_test).unwrap_or(i64::MAX));
    set_optional(meta, "last_test", last_test, set_int);
}

/// `last_ids = { customer_segments = 4 }`, only where a removal made it needed.
fn write_last_ids(meta: &mut dyn TableLike, m: &Meta) {
    if m.last_ids.is_empty() {
        meta.remove("last_ids");
        return;
    }
    let numbers = m
        .last_ids
        .iter()
        .map(|(b, n)| (b.key(), i64::try_from(*n).unwrap_or(i64::MAX)));
    values::set_numbers(meta, "last_ids", numbers);
}

fn write_block(root: &mut Table, id: BlockId, block: &Block) {
    if block.is_empty() && !root.contains_key(id.key()) {
        return;
    }
    // A new block is only a parent of its sub-tables: no `[customer_segments]` header of its
    // own. A header the user wrote stays, with the comments around it.
    if !root.contains_key(id.key()) {
        let mut standard = Table::new();
        standard.set_implicit(true);
        root.insert(id.key(), Item::Table(standard));
    }
    let table = table(root, id.key());
    sync_map(table, "answers", block.answers.iter(), |t, k, v| set_str(t, k, v));
    sync_map(table, "categories", block.categories.iter(), |t, k, v| {
        set_strs(t, k, v)
    });
    sync_map(table, "picks", block.picks.iter(), |t, k, v| set_strs(t, k, v));
    items::write_items(table, &block.items);
    match &block.notes {
        Some(notes) => set_str(table, "notes", notes),
        None => {
            table.remove("notes");
        }
    }
}

/// Makes `parent[key]` hold exactly `entries`: changed values are replaced keeping their
/// decoration, new keys are appended, keys no longer present are removed.
fn sync_map<'a, V: 'a + ?Sized>(
    parent: &mut dyn TableLike,
    key: &str,
    entries: impl Iterator<Item = (&'a String, &'a V)> + Clone,
    set: impl Fn(&mut dyn TableLike, &str, &V),
) {
    if entries.clone().next().is_none() && !parent.contains_key(key) {
        return;
    }
    let table = table(parent, key);
    retain(table, |k| entries.clone().any(|(key, _)| key == k));
    for (k, v) in entries {
        set(table, k, v);
    }
}

/// Coach-mode sittings, `[[session]]` or `session = [{ … }]`, updated in place by position:
/// keys of the user's own in a sitting stay.
fn write_sittings(old: Option<Item>, sittings: &[Sitting]) -> Option<Item> {
    if sittings.is_empty() {
        return None;
    }
    let mut tables = old.unwrap_or(Item::None);
    Rows::of(&mut tables).by_position(sittings, write_sitting);
    Some(tables)
}

/// Accepted gaps, `[[acknowledged]]`, updated in place by position where the file has them.
fn write_acknowledged(root: &mut Table, accepted: &[Acknowledged]) {
    if accepted.is_empty() {
        root.remove("acknowledged");
        return;
    }
    let list = root.entry("acknowledged").or_insert(Item::None);
    Rows::of(list).by_position(accepted, |t, a| {
        set_str(t, "rule", &a.rule);
        set_optional(t, "block", a.block.map(BlockId::key), set_str);
        set_optional(t, "item", a.item.as_deref(), set_str);
        set_str(t, "reason", &a.reason);
    });
}

fn write_sitting(t: &mut dyn TableLike, sitting: &Sitting) {
    set_int(t, "iteration", i64::from(sitting.iteration));
    set_str(t, "started", &sitting.started);
    let minutes = sitting.minutes.iter().map(|(b, m)| (b.key(), i64::from(*m)));
    values::set_numbers(t, "minutes", minutes);
    set_optional(t, "stopped_at", sitting.stopped_at.map(BlockId::key), set_str);
}

fn gap_report_table(report: &GapReport) -> Table {
    let mut table = Table::new();
    table.decor_mut().set_prefix(GAP_REPORT_NOTE);
    table.insert("score", Item::Value(Value::from(i64::from(report.score))));
    let gaps: ArrayOfTables = report.gaps.iter().map(gap_table).collect();
    if !gaps.is_empty() {
        table.insert("gaps", Item::ArrayOfTables(gaps));
    }
    let accepted: ArrayOfTables = report
        .acknowledged
        .iter()
        .map(|a| {
            let mut t = gap_table(&a.gap);
            t.insert("reason", toml_edit::value(a.reason.as_str()));
            t
        })
        .collect();
    if !accepted.is_empty() {
        table.insert("acknowledged", Item::ArrayOfTables(accepted));
    }
    table
}

fn gap_table(gap: &Gap) -> Table {
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
    t
}

#[cfg(test)]
mod tests;
