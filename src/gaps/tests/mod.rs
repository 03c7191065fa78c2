//! Tests of the gap rules, by theme, with the helpers they share: the complete example canvas,
//! small canvases from TOML, and running some rules as the report does.

mod cards;
mod coverage;
mod evidence;
mod examples;
mod links;
mod logic;
mod placement;
mod registry;
mod report;
mod segments;
mod style;
mod support;
mod viability;

use std::path::Path;

use super::rule::Rule;
use super::{Finding, find_among};
use crate::bank::Bank;
use crate::model::{Block, BlockId, Canvas};

fn bank() -> &'static Bank {
    Bank::builtin(crate::i18n::Language::En)
}

fn canvas(body: &str) -> Canvas {
    crate::file::parse_canvas(Path::new("t.toml"), &format!("format = 1\n{body}")).unwrap()
}

fn complete() -> Canvas {
    let text = include_str!("../../../examples/brew-box.toml");
    crate::file::parse_canvas(Path::new("brew-box.toml"), text).unwrap()
}

/// The findings of `rules` on `canvas`, in the report's order.
fn run(rules: &[&'static Rule], canvas: &Canvas) -> Vec<Finding> {
    find_among(rules, canvas, bank())
}

fn rules_fired(found: &[Finding]) -> Vec<(&'static Rule, BlockId, Option<&str>)> {
    found
        .iter()
        .map(|f| (f.rule, f.block, f.item.as_deref()))
        .collect()
}

const TWO_SEGMENTS: &str = "[[customer_segments.items]]\nid = \"cs1\"\ntext = \"A\"\n\
                            [[customer_segments.items]]\nid = \"cs2\"\ntext = \"B\"\n";

/// Fires `rules` on the complete example after `change`, and not without it.
fn fires_after(
    rules: &[&'static Rule],
    change: impl FnOnce(&mut Canvas),
) -> Vec<(&'static Rule, BlockId, Option<String>)> {
    assert_eq!(run(rules, &complete()), [], "silent on the complete example");
    let mut c = complete();
    change(&mut c);
    run(rules, &c)
        .into_iter()
        .map(|f| (f.rule, f.block, f.item))
        .collect()
}

fn block_mut(c: &mut Canvas, block: BlockId) -> &mut Block {
    c.block_mut(block)
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}
