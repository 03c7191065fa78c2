//! The untested assumptions of a canvas, riskiest first.

use std::fmt::Write;

use crate::analysis::assumptions::{COUNTED_UP_TO, ranked};
use crate::bank::Bank;
use crate::i18n::{Messages, fill};
use crate::model::Canvas;
use crate::render::safe;

pub fn assumptions(canvas: &Canvas, bank: &Bank, messages: &Messages) -> String {
    let m = &messages.assumptions;
    let ranked = ranked(canvas, &bank.words);
    let mut out = format!(
        "{}\n",
        fill(&m.heading, &[("title", &safe::line(&canvas.meta.title))])
    );
    if ranked.is_empty() {
        let _ = writeln!(out, "{}", m.none);
        return out;
    }
    for (n, risk) in ranked.iter().enumerate() {
        let mut line = fill(
            &m.line,
            &[
                ("id", &safe::line(&risk.item.id)),
                ("text", &safe::line(&risk.item.text)),
                ("block", &safe::line(&bank.block(risk.block).title)),
                ("dependents", &dependents(risk.dependents, messages)),
            ],
        );
        if risk.figure {
            line.push_str(&m.figure);
        }
        let _ = writeln!(out, "{:>3}. {line}", n + 1);
    }
    out
}

/// "12 items depend on it", or "more than 256 …" past the count's cap.
fn dependents(count: usize, messages: &Messages) -> String {
    let m = &messages.assumptions;
    if count > COUNTED_UP_TO {
        fill(&m.dependents_more, &[("count", &COUNTED_UP_TO.to_string())])
    } else {
        messages.count(&m.dependents, count)
    }
}
