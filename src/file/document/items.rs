//! A block's items in the user's file, whether written as `[[block.items]]` tables or as an
//! inline array `items = [{ … }]`: matched by id and updated in place, so comments and keys of
//! the user's own survive; new items are appended in the canvas's order.

use indexmap::IndexMap;
use toml_edit::{Array, InlineTable, Item, TableLike, Value};

use super::rows::Rows;
use super::values::{same_strs, set_number, set_optional, set_str, set_strs_or_remove, set_value, table};
use crate::model::{self, Amount, Evidence, Status, Strength};

/// Writes a block's items; looked up by id once, so a rewrite stays linear in their number.
pub fn write_items(block: &mut dyn TableLike, items: &[model::Item]) {
    if items.is_empty() {
        block.remove("items");
        return;
    }
    let list = block.entry("items").or_insert(Item::None);
    Rows::of(list).by_id(items, |item| &item.id, write_item);
}

fn write_item(t: &mut dyn TableLike, item: &model::Item) {
    set_str(t, "id", &item.id);
    set_str(t, "text", &item.text);
    set_strs_or_remove(t, "links", &item.links);
    sync_choices(t, "categories", &item.categories);
    set_optional(t, "note", item.note.as_deref(), set_str);
    // The default status is left out, so untested canvases stay uncluttered; one the user wrote
    // out stays.
    let default = Status::default().id();
    let written_default = t.get("status").and_then(Item::as_str) == Some(default);
    if item.status == Status::default() && !written_default {
        t.remove("status");
    } else {
        set_str(t, "status", item.status.id());
    }
    write_evidence(t, &item.evidence);
    write_amount(t, "amount", item.amount.as_ref());
}

/// An item's evidence: texts of unknown strength as plain strings, as older files write them, the
/// others as `{ text = "…", strength = "do" }`. Entries that did not change keep their bytes.
fn write_evidence(item: &mut dyn TableLike, evidence: &[Evidence]) {
    let old = item.get("evidence").and_then(Item::as_array);
    if evidence.is_empty() {
        if !old.is_some_and(Array::is_empty) {
            item.remove("evidence");
        }
        return;
    }
    let mut array = old.cloned().unwrap_or_default();
    let unchanged = array.len() == evidence.len()
        && array
            .iter()
            .zip(evidence)
            .all(|(o, e)| evidence_of(o).as_ref() == Some(e));
    if unchanged {
        return;
    }
    while array.len() > evidence.len() {
        array.remove(array.len() - 1);
    }
    for (n, entry) in evidence.iter().enumerate() {
        match array.get(n) {
            Some(old) if evidence_of(old).as_ref() == Some(entry) => {}
            // `replace` keeps the old entry's place on its line.
            Some(_) => drop(array.replace(n, evidence_value(entry))),
            // A new entry goes on a line like the one before it.
            None => {
                let mut value = evidence_value(entry);
                if let Some(last) = n.checked_sub(1).and_then(|last| array.get(last)) {
                    *value.decor_mut() = last.decor().clone();
                    keep_trailing_comment(&mut array, &mut value);
                }
                array.push_formatted(value);
            }
        }
    }
    set_value(item, "evidence", Value::Array(array));
}

/// A comment after an array's last entry belongs to that entry: it stays there, before the
/// entry appended after it, instead of moving to the new last one.
fn keep_trailing_comment(array: &mut Array, value: &mut Value) {
    let trailing = array.trailing().as_str().unwrap_or_default().to_owned();
    let Some(end) = trailing.rfind('\n').filter(|_| trailing.contains('#')) else {
        return;
    };
    let prefix = value
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or_default();
    let prefix = format!("{}{prefix}", &trailing[..end]);
    value.decor_mut().set_prefix(prefix);
    array.set_trailing(&trailing[end..]);
}

/// The evidence a value in the file says, when it is one.
fn evidence_of(value: &Value) -> Option<Evidence> {
    if let Some(text) = value.as_str() {
        return Some(Evidence::new(text, Strength::Unknown));
    }
    let table = value.as_inline_table()?;
    let strength = match table.get("strength").and_then(Value::as_str) {
        Some(id) => *Strength::ALL.iter().find(|s| s.id() == id)?,
        None => Strength::Unknown,
    };
    Some(Evidence::new(table.get("text")?.as_str()?, strength))
}

fn evidence_value(evidence: &Evidence) -> Value {
    if evidence.strength == Strength::Unknown {
        return Value::from(evidence.text.as_str());
    }
    let mut inline = InlineTable::new();
    inline.insert("text", Value::from(evidence.text.as_str()));
    inline.insert("strength", Value::from(evidence.strength.id()));
    Value::InlineTable(inline)
}

/// An amount (an item's, a test's cost), new ones as an inline table; a table the user wrote keeps its form, its
/// keys of their own and the values that did not change.
pub(super) fn write_amount(item: &mut dyn TableLike, key: &str, amount: Option<&Amount>) {
    let Some(amount) = amount else {
        item.remove(key);
        return;
    };
    if !item.get(key).is_some_and(Item::is_table_like) {
        set_value(item, key, Value::InlineTable(InlineTable::new()));
    }
    let t = table(item, key);
    set_number(t, "value", amount.value);
    set_optional(t, "currency", amount.currency.as_deref(), set_str);
    set_optional(t, "per", amount.per.map(model::Per::id), set_str);
    set_optional(t, "volume", amount.volume, set_number);
}

/// An item's own choices as an inline table, `categories = { pricing = ["list_price"] }`;
/// unchanged groups keep their formatting.
fn sync_choices(table: &mut dyn TableLike, key: &str, categories: &IndexMap<String, Vec<String>>) {
    if categories.is_empty() {
        if !table
            .get(key)
            .and_then(Item::as_table_like)
            .is_some_and(|t| t.is_empty())
        {
            table.remove(key);
        }
        return;
    }
    let unchanged = table.get(key).and_then(Item::as_table_like).is_some_and(|old| {
        old.len() == categories.len()
            && categories.iter().all(|(group, chosen)| {
                old.get(group)
                    .and_then(Item::as_array)
                    .is_some_and(|a| same_strs(a, chosen))
            })
    });
    if unchanged {
        return;
    }
    let mut inline = InlineTable::new();
    for (group, chosen) in categories {
        let array = chosen.iter().map(String::as_str).collect::<Array>();
        inline.insert(group, Value::Array(array));
    }
    set_value(table, key, Value::InlineTable(inline));
}
