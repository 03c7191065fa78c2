//! A block's items in the user's file, whether written as `[[block.items]]` tables or as an
//! inline array `items = [{ … }]`: matched by id and updated in place, so comments and keys of
//! the user's own survive; new items are appended in the canvas's order.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use toml_edit::{Array, ArrayOfTables, InlineTable, Item, Table, TableLike, Value};

use super::values::{same_strs, set_str, set_strs_or_remove, set_value};
use crate::model::{self, Status};

/// The item tables of one block, in either of TOML's two forms.
enum Items<'a> {
    Tables(&'a mut ArrayOfTables),
    Inline(&'a mut Array),
}

impl Items<'_> {
    fn len(&self) -> usize {
        match self {
            Items::Tables(tables) => tables.len(),
            Items::Inline(array) => array.len(),
        }
    }

    fn id(&self, index: usize) -> Option<String> {
        let table: &dyn TableLike = match self {
            Items::Tables(tables) => tables.get(index)?,
            Items::Inline(array) => array.get(index)?.as_inline_table()?,
        };
        Some(table.get("id")?.as_str()?.to_owned())
    }

    fn keep_only(&mut self, wanted: &HashSet<&str>) {
        let keep = |table: &dyn TableLike| {
            table
                .get("id")
                .and_then(Item::as_str)
                .is_some_and(|id| wanted.contains(id))
        };
        match self {
            Items::Tables(tables) => tables.retain(|t| keep(t)),
            Items::Inline(array) => array.retain(|v| v.as_inline_table().is_some_and(|t| keep(t))),
        }
    }

    fn push_new(&mut self) -> usize {
        match self {
            Items::Tables(tables) => tables.push(Table::new()),
            Items::Inline(array) => array.push(InlineTable::new()),
        }
        self.len() - 1
    }

    fn get_mut(&mut self, index: usize) -> &mut dyn TableLike {
        let table: Option<&mut dyn TableLike> = match self {
            Items::Tables(tables) => tables.get_mut(index).map(|t| t as &mut dyn TableLike),
            Items::Inline(array) => array
                .get_mut(index)
                .and_then(Value::as_inline_table_mut)
                .map(|t| t as &mut dyn TableLike),
        };
        table.expect("an index of this array")
    }
}

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
    let mut written = match block.get_mut("items").expect("made above") {
        Item::ArrayOfTables(tables) => Items::Tables(tables),
        item => Items::Inline(item.as_array_mut().expect("checked above")),
    };
    let wanted: HashSet<&str> = items.iter().map(|item| item.id.as_str()).collect();
    written.keep_only(&wanted);
    let mut existing: HashMap<String, usize> = (0..written.len())
        .filter_map(|n| Some((written.id(n)?, n)))
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
    match &item.note {
        Some(note) => set_str(t, "note", note),
        None => {
            t.remove("note");
        }
    }
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
