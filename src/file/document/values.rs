//! Setting values in a user's table, inline or not, so that what did not change keeps its bytes:
//! an unchanged value is left alone, a changed one keeps its key's comments and its own trailing
//! comment, and keys of the user's own are never touched.

use toml_edit::{Array, InlineTable, Item, Table, TableLike, Value};

/// The sub-table `key`, standard or inline, created when absent or when the user's file holds
/// something other than a table there.
pub fn table<'t>(parent: &'t mut dyn TableLike, key: &str) -> &'t mut dyn TableLike {
    let holds_table = parent.get(key).is_some_and(|item| item.is_table_like());
    if !holds_table {
        parent.insert(key, Item::Table(Table::new()));
    }
    parent
        .get_mut(key)
        .and_then(Item::as_table_like_mut)
        .expect("made a table above")
}

/// Replaces the value only, so the key and the comments above it stay; the old value's
/// decoration (its trailing comment) moves to the new one.
pub fn set_value(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(item) => {
            if let Some(old) = item.as_value() {
                *value.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(value);
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

pub fn set_str(table: &mut dyn TableLike, key: &str, text: &str) {
    if table.get(key).and_then(Item::as_str) != Some(text) {
        set_value(table, key, Value::from(text));
    }
}

/// A text the user may leave empty: an empty one is written only where the file has the key.
pub fn set_optional_str(table: &mut dyn TableLike, key: &str, text: &str) {
    if !text.is_empty() || table.contains_key(key) {
        set_str(table, key, text);
    }
}

pub fn set_int(table: &mut dyn TableLike, key: &str, number: i64) {
    if table.get(key).and_then(Item::as_integer) != Some(number) {
        set_value(table, key, Value::from(number));
    }
}

/// `key = { name = number, … }` as an inline table, left alone when it already says that.
pub fn set_numbers<'a>(
    table: &mut dyn TableLike,
    key: &str,
    numbers: impl Iterator<Item = (&'a str, i64)> + Clone,
) {
    let old = table.get(key).and_then(Item::as_table_like);
    let same = old.is_some_and(|old| {
        old.len() == numbers.clone().count()
            && numbers
                .clone()
                .all(|(name, n)| old.get(name).and_then(Item::as_integer) == Some(n))
    });
    if !same {
        let mut inline = InlineTable::new();
        for (name, n) in numbers {
            inline.insert(name, Value::from(n));
        }
        set_value(table, key, Value::InlineTable(inline));
    }
}

/// A number, written as an integer when it is a whole one so that `29` stays `29`; an equal
/// number is left as written.
pub fn set_number(table: &mut dyn TableLike, key: &str, number: f64) {
    /// Whole numbers up to here are exact as integers and as floats alike.
    const EXACT: f64 = 9.0e15;
    let old = table
        .get(key)
        .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|n| n as f64)));
    if old == Some(number) {
        return;
    }
    let value = if number.fract() == 0.0 && number.abs() < EXACT {
        Value::from(number as i64)
    } else {
        Value::from(number)
    };
    set_value(table, key, value);
}

/// `key` set with `set` when there is a value, removed when there is none.
pub fn set_optional<T>(
    table: &mut dyn TableLike,
    key: &str,
    value: Option<T>,
    set: impl Fn(&mut dyn TableLike, &str, T),
) {
    match value {
        Some(value) => set(table, key, value),
        None => {
            table.remove(key);
        }
    }
}

/// Whether a TOML array holds exactly these strings, in this order.
pub fn same_strs(array: &Array, texts: &[String]) -> bool {
    array.len() == texts.len()
        && array
            .iter()
            .zip(texts)
            .all(|(o, t)| o.as_str() == Some(t.as_str()))
}

pub fn set_strs(table: &mut dyn TableLike, key: &str, texts: &[String]) {
    let same = table
        .get(key)
        .and_then(Item::as_array)
        .is_some_and(|old| same_strs(old, texts));
    if !same {
        let array = texts.iter().map(String::as_str).collect::<Array>();
        set_value(table, key, Value::Array(array));
    }
}

/// `key` holds these strings, or is removed when there are none; an empty array the user wrote
/// already says "none" and stays.
pub fn set_strs_or_remove(table: &mut dyn TableLike, key: &str, texts: &[String]) {
    if texts.is_empty() {
        if !table
            .get(key)
            .and_then(Item::as_array)
            .is_some_and(Array::is_empty)
        {
            table.remove(key);
        }
    } else {
        set_strs(table, key, texts);
    }
}

/// Removes the keys `keep` says no to.
pub fn retain(table: &mut dyn TableLike, keep: impl Fn(&str) -> bool) {
    let gone: Vec<String> = table
        .iter()
        .map(|(k, _)| k.to_owned())
        .filter(|k| !keep(k))
        .collect();
    for key in gone {
        table.remove(&key);
    }
}
