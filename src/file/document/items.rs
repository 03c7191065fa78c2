//! A block's items in the user's file, whether written as `[[block.items]]` tables or as an
//! inline array `items = [{ … }]`: matched by id and updated in place, so comments and keys of
//! the user's own survive; new items are appended in the canvas's order.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use toml_edit::{Array, ArrayOfTables, InlineTable, Item, TableLike, Value};

use super::rows::Rows;
use super::values::{same_strs, set_number, set_optional, set_str, set_strs_or_remove, set_value, table};
use crate::model::{self, Amount, Status};

/// Writes a block's items; looked up by id once, so a rewrite stays linear in their number.
pub fn write_items(block: &mut dyn TableLike, items: &[model::Item]) {
    if items.is_empty() {
        block.remove("items");
        return;
    }
    let usable = matches!(block.get("items"), Some(Item::ArrayOfTables(_)))
        || block.get("items").and_then(Item::as_array).is_some();
    if !usable {
        block.insert("items", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let mut written = Rows::of(block.get_mut("items").expect("made above"));
    let wanted: HashSet<&str> = items.iter().map(|item| item.id.as_str()).collect();
    written.retain(|table| {
        table
            .get("id")
            .and_then(Item::as_str)
            .is_some_and(|id| wanted.contains(id))
    });
    let mut existing: HashMap<String, usize> = (0..written.len())
        .filter_map(|n| Some((written.text(n, "id")?, n)))
        .collect();
    for item in items {
        let index = match existing.remove(&item.id) {
            Some(n) => n,
            None => written.push_new(),
        };
        write_item(written.get_mut(index), item);
    }
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
    set_strs_or_remove(t, "evidence", &item.evidence);
    write_amount(t, item.amount.as_ref());
}

/// An item's amount, new ones as an inline table; a table the user wrote keeps its form, its
/// keys of their own and the values that did not change.
fn write_amount(item: &mut dyn TableLike, amount: Option<&Amount>) {
    let Some(amount) = amount else {
        item.remove("amount");
        return;
    };
    if !item.get("amount").is_some_and(Item::is_table_like) {
        set_value(item, "amount", Value::InlineTable(InlineTable::new()));
    }
    let t = table(item, "amount");
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
