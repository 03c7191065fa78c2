//! What `import` says it did: how many notes it read, what it mapped, what it kept in notes and
//! what is worth a look, each with the row or line of the source.

use std::path::Path;

use crate::bank::Bank;
use crate::file::import::{Finding, Holder, Place, What, Why};
use crate::i18n::{Messages, fill};
use crate::model::Canvas;
use crate::render::safe;

/// Which list of the report a finding goes in.
#[derive(PartialEq, Eq)]
enum List {
    Mapped,
    Kept,
    Check,
}

fn list(what: &What) -> List {
    match what {
        What::Choice { .. } | What::ColourLink { .. } => List::Mapped,
        What::Kept { .. } => List::Kept,
        _ => List::Check,
    }
}

pub fn imported(
    path: &Path,
    canvas: &Canvas,
    findings: &[Finding],
    bank: &Bank,
    messages: &Messages,
) -> String {
    let m = &messages.import;
    let notes = messages.count(&m.notes_count, canvas.items().count());
    let shown = safe::path(path);
    let mut out = fill(&m.summary, &[("path", &shown), ("notes", &notes)]);
    out.push('\n');
    for (kind, heading) in [
        (List::Mapped, &m.mapped),
        (List::Kept, &m.kept),
        (List::Check, &m.check),
    ] {
        let lines: Vec<String> = findings
            .iter()
            .filter(|f| list(&f.what) == kind)
            // One line per finding: values from the file may not break or colour it.
            .map(|f| safe::line(&line(f, bank, messages)).into_owned())
            .collect();
        if !lines.is_empty() {
            out.push_str(&format!("\n{heading}\n"));
            for line in lines {
                out.push_str(&format!("  {line}\n"));
            }
        }
    }
    out
}

/// A finding in words, after the place it was made.
fn line(finding: &Finding, bank: &Bank, messages: &Messages) -> String {
    let m = &messages.import;
    let said = said(&finding.what, bank, messages);
    match finding.at {
        Place::Row(row) => format!("{}: {said}", fill(&m.at_row, &[("row", &row.to_string())])),
        Place::Line(line) => format!("{}: {said}", fill(&m.at_line, &[("line", &line.to_string())])),
        Place::Nowhere => said,
    }
}

/// How a kept line is explained, by why it was kept.
fn kept(why: Why, messages: &Messages) -> &str {
    let m = &messages.import;
    match why {
        Why::UnknownBlock => &m.kept_unknown_block,
        Why::NoEquivalent => &m.kept_no_equivalent,
        Why::NoLink => &m.kept_no_link,
        Why::NoPlace => &m.kept_no_place,
    }
}

fn said(what: &What, bank: &Bank, messages: &Messages) -> String {
    let m = &messages.import;
    let holder = |holder: &Holder| match holder {
        Holder::Item(id) => id.clone(),
        Holder::Block(block) => bank.block(*block).title.clone(),
    };
    match what {
        What::Choice {
            holder: h,
            key,
            value,
            block,
            option,
            ..
        } => {
            let option = bank.block(*block).option_label(option);
            let values = [
                ("key", key.as_str()),
                ("value", value),
                ("holder", &holder(h)),
                ("option", option),
            ];
            fill(&m.choice, &values)
        }
        What::ColourLink {
            item,
            colour,
            segment,
        } => fill(
            &m.colour_link,
            &[("item", item), ("colour", colour), ("segment", segment)],
        ),
        What::Kept {
            holder: h,
            key,
            value,
            why,
        } => {
            let values = [("key", key.as_str()), ("value", value), ("holder", &holder(h))];
            fill(kept(*why, messages), &values)
        }
        What::Dangling { item, target } => fill(&m.dangling, &[("item", item), ("target", target)]),
        What::ColourUnclear {
            item,
            colour,
            segments,
        } => {
            let template = [&m.colour_none, &m.colour_many][usize::from(*segments > 0)];
            let count = segments.to_string();
            fill(template, &[("item", item), ("colour", colour), ("count", &count)])
        }
        What::NewId { item } => fill(&m.new_id, &[("item", item)]),
        What::Unread { name } => fill(&m.unread, &[("name", name)]),
    }
}
