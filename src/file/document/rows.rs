//! A list of tables in the user's file, whether written as `[[key]]` tables or as an inline
//! array `key = [{ … }]`: updated in place, so each table's comments and keys of the user's own
//! survive.

use std::collections::{HashMap, HashSet};

use toml_edit::{Array, ArrayOfTables, InlineTable, Item, Table, TableLike, Value};

/// The tables of one list, in either of TOML's two forms.
pub enum Rows<'a> {
    Tables(&'a mut ArrayOfTables),
    Inline(&'a mut Array),
}

impl<'a> Rows<'a> {
    /// The list `item` holds, made an empty `[[key]]` list first when it holds something else.
    pub fn of(item: &'a mut Item) -> Rows<'a> {
        let usable = matches!(item, Item::ArrayOfTables(_)) || item.as_array().is_some();
        if !usable {
            *item = Item::ArrayOfTables(ArrayOfTables::new());
        }
        match item {
            Item::ArrayOfTables(tables) => Rows::Tables(tables),
            item => Rows::Inline(item.as_array_mut().expect("checked above")),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Rows::Tables(tables) => tables.len(),
            Rows::Inline(array) => array.len(),
        }
    }

    /// The string under `key` in the table at `index`.
    pub fn text(&self, index: usize, key: &str) -> Option<String> {
        let table: &dyn TableLike = match self {
            Rows::Tables(tables) => tables.get(index)?,
            Rows::Inline(array) => array.get(index)?.as_inline_table()?,
        };
        Some(table.get(key)?.as_str()?.to_owned())
    }

    /// Keeps the tables for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&dyn TableLike) -> bool) {
        match self {
            Rows::Tables(tables) => tables.retain(|t| keep(t)),
            Rows::Inline(array) => array.retain(|v| v.as_inline_table().is_some_and(|t| keep(t))),
        }
    }

    /// Appends an empty table; returns its index.
    pub fn push_new(&mut self) -> usize {
        match self {
            Rows::Tables(tables) => tables.push(Table::new()),
            Rows::Inline(array) => array.push(InlineTable::new()),
        }
        self.len() - 1
    }

    pub fn get_mut(&mut self, index: usize) -> &mut dyn TableLike {
        let table: Option<&mut dyn TableLike> = match self {
            Rows::Tables(tables) => tables.get_mut(index).map(|t| t as &mut dyn TableLike),
            Rows::Inline(array) => array
                .get_mut(index)
                .and_then(Value::as_inline_table_mut)
                .map(|t| t as &mut dyn TableLike),
        };
        table.expect("an index of this list")
    }

    /// One table per value, matched by its `id` key: tables of no value go, and each value's
    /// table — its own, or a new one appended — is written with `write`. Tables are looked up by
    /// id once, so a rewrite stays linear in their number.
    pub fn by_id<T>(
        &mut self,
        values: &[T],
        id: impl Fn(&T) -> &String,
        write: impl Fn(&mut dyn TableLike, &T),
    ) {
        let wanted: HashSet<&str> = values.iter().map(|v| id(v).as_str()).collect();
        self.retain(|table| {
            table
                .get("id")
                .and_then(Item::as_str)
                .is_some_and(|id| wanted.contains(id))
        });
        let mut existing: HashMap<String, usize> = (0..self.len())
            .filter_map(|n| Some((self.text(n, "id")?, n)))
            .collect();
        for value in values {
            let index = match existing.remove(id(value)) {
                Some(n) => n,
                None => self.push_new(),
            };
            write(self.get_mut(index), value);
        }
    }

    /// One table per value, matched by position: tables past the last value go, and each
    /// remaining or new table is written with `write`.
    pub fn by_position<T>(&mut self, values: &[T], write: impl Fn(&mut dyn TableLike, &T)) {
        let mut n = 0;
        self.retain(|_| {
            n += 1;
            n <= values.len()
        });
        for (index, value) in values.iter().enumerate() {
            if index == self.len() {
                self.push_new();
            }
            write(self.get_mut(index), value);
        }
    }
}
