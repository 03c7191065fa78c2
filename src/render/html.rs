//! The canvas as one self-contained HTML page laid out like the printed canvas: partners,
//! activities over resources, value propositions, relationships over channels and segments across
//! the top; costs and revenue across the bottom. Items are coloured by the customer segment they
//! serve, the print stylesheet fits the canvas on one landscape A4 page, and the gap report
//! follows it. Every text from the canvas is escaped, and isolated where it could reorder the text
//! around it.

use std::fmt::Write;

use super::report;
use crate::bank::Bank;
use crate::gaps::GapReport;
use crate::i18n::{Messages, fill};
use crate::model::BlockId;
use crate::model::{Canvas, Item};

use super::safe::{self, Shown};
use super::{Served, choice_labels, entity};

/// Colours for the customer segments, in order; more segments reuse them.
const SEGMENT_COLOURS: &[&str] = &[
    "#ffd54f", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8", "#ffab91", "#b0bec5",
];

/// Escapes text for HTML element content and quoted attributes; control characters become
/// visible escapes, which neither a browser nor a terminal showing the file can act on.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match entity(c) {
            Some(entity) => out.push_str(entity),
            None if safe::escapes(c, Shown::Lines) => safe::push_escape(&mut out, c),
            None => out.push(c),
        }
    }
    out
}

/// Text from the canvas or the bank as element content: escaped, and in `<bdi>` where it could
/// reorder what stands around it.
fn text(text: &str) -> String {
    let escaped = escape(text);
    if safe::needs_isolation(text) {
        format!("<bdi>{escaped}</bdi>")
    } else {
        escaped
    }
}

/// The page's stylesheet, embedded at build time.
const STYLE: &str = include_str!("canvas.css");

pub fn html(canvas: &Canvas, bank: &Bank, report: &GapReport, messages: &Messages) -> String {
    let mut out = head(canvas, messages);
    let served = canvas.segments_served();
    out.push_str("<main class=\"canvas\">\n");
    for block in BlockId::ALL {
        out.push_str(&block_section(canvas, bank, block, &served));
    }
    out.push_str("</main>\n");
    out.push_str(&legend(canvas));
    out.push_str(&gap_report(canvas, report, bank, messages));
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's head, and the header with the title and the canvas's details.
fn head(canvas: &Canvas, messages: &Messages) -> String {
    let meta = &canvas.meta;
    let m = &messages.render;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&meta.language),
        escape(&meta.title)
    );
    let details: Vec<String> = [
        (m.designed_for.as_str(), meta.designed_for.as_str()),
        (m.designed_by.as_str(), meta.designed_by.as_str()),
        (m.date.as_str(), meta.date.as_str()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{}: {}", escape(k), text(v)))
    .chain([format!("{}: {}", escape(&m.iteration), meta.iteration)])
    .collect();
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p>{}</p>\n</header>\n",
        text(&meta.title),
        details.join(" · ")
    );
    out
}

/// The colour of the `n`th customer segment.
fn colour(n: usize) -> &'static str {
    SEGMENT_COLOURS[n % SEGMENT_COLOURS.len()]
}

/// A block's cell: its title, its choices and its items as notes.
fn block_section(canvas: &Canvas, bank: &Bank, block: BlockId, served: &Served<'_>) -> String {
    let mut out = format!(
        "<section class=\"block {}\">\n<h2>{}</h2>\n",
        block.key(),
        text(&bank.block(block).title)
    );
    let choices = choice_labels(bank, canvas, block, None);
    if !choices.is_empty() {
        let _ = writeln!(out, "<p class=\"choices\">{}</p>", text(&choices.join(" · ")));
    }
    out.push_str("<ul class=\"notes\">\n");
    for item in &canvas.block(block).items {
        let segments = served.get(item.id.as_str()).map_or(&[][..], Vec::as_slice);
        out.push_str(&note(canvas, bank, block, item, segments));
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// An item as a sticky note in the colour of the first segment it serves, with a dot for each
/// segment and its own choices as tags.
fn note(canvas: &Canvas, bank: &Bank, block: BlockId, item: &Item, segments: &[usize]) -> String {
    let style = segments.first().map_or(String::new(), |&n| {
        format!(
            " style=\"border-left-color: {}; background: {}33\"",
            colour(n),
            colour(n)
        )
    });
    let dots: String = segments
        .iter()
        .map(|&n| format!("<span class=\"dot\" style=\"background: {}\"></span>", colour(n)))
        .collect();
    let own = choice_labels(bank, canvas, block, Some(item));
    let tags = if own.is_empty() {
        String::new()
    } else {
        format!("<span class=\"tags\">{}</span>", text(&own.join(" · ")))
    };
    let status = item.status.id();
    let mark = item.status.mark();
    format!(
        "<li class=\"note {status}\"{style} title=\"{status}\"><span class=\"dots\">{dots}</span>\
         <span class=\"id\">{mark} {}</span>{}{tags}</li>\n",
        text(&item.id),
        text(&item.text)
    )
}

/// Which colour stands for which customer segment; nothing without segments.
fn legend(canvas: &Canvas) -> String {
    let segments = &canvas.block(BlockId::CustomerSegments).items;
    if segments.is_empty() {
        return String::new();
    }
    let mut out = String::from("<p class=\"legend\">");
    for (n, segment) in segments.iter().enumerate() {
        let _ = write!(
            out,
            "<span><span class=\"dot\" style=\"background: {}\"></span> {}</span>",
            colour(n),
            text(&segment.text)
        );
    }
    out.push_str("</p>\n");
    out
}

/// The gap report after the canvas: the score, the gaps and the next steps.
fn gap_report(canvas: &Canvas, report: &GapReport, bank: &Bank, messages: &Messages) -> String {
    let r = &messages.report;
    let mut out = format!(
        "<section class=\"report\">\n<h2>{}</h2>\n<p>{}</p>\n",
        fill(&escape(&r.heading), &[("title", &text(&canvas.meta.title))]),
        escape(&report::score(report, messages))
    );
    if report.gaps.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&r.no_gaps));
    } else {
        out.push_str("<ul>\n");
        for gap in &report.gaps {
            let _ = writeln!(
                out,
                "<li><span class=\"{}\">{}</span> · {}: {}</li>",
                gap.severity.id(),
                escape(report::severity_label(gap.severity, messages)),
                text(&bank.block(gap.block).title),
                text(&gap.message)
            );
        }
        out.push_str("</ul>\n");
    }
    // Texts from the canvas each escaped and isolated; the templates are our own words.
    for (heading, lines, numbered) in report::sections(canvas, report, bank, messages, text) {
        if lines.is_empty() {
            continue;
        }
        let list = if numbered { "ol" } else { "ul" };
        let _ = writeln!(out, "<h3>{}</h3>\n<{list}>", escape(heading));
        for line in lines {
            let _ = writeln!(out, "<li>{line}</li>");
        }
        let _ = writeln!(out, "</{list}>");
    }
    out.push_str("</section>\n");
    out
}
