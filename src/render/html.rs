//! The canvas as one self-contained HTML page laid out like the printed canvas: partners,
//! activities over resources, value propositions, relationships over channels and segments across
//! the top; costs and revenue across the bottom. Items are coloured by the customer segment they
//! serve. On paper every block gets the font size and columns that `page` chose for its notes,
//! so the canvas fills one landscape page, A4 or Letter, whatever it holds; the gap report
//! follows below, or on the next page when it has gaps. Every text from the canvas is escaped,
//! and isolated where it could reorder the text around it.

use std::fmt::Write;

use super::page::{self, Paper, Plan};
use super::report;
use crate::bank::Bank;
use crate::gaps::GapReport;
use crate::i18n::{Messages, fill};
use crate::model::BlockId;
use crate::model::Canvas;

use super::markup as escape;
use super::{after_id, choice_labels, colour, map, pick_entries, safe};
use crate::analysis::map::{Quadrant, map as place};

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

pub fn html(canvas: &Canvas, bank: &Bank, report: &GapReport, messages: &Messages, paper: Paper) -> String {
    let plan = page::layout(canvas, bank, messages, paper);
    let mut out = head(canvas, messages, &plan);
    let (upper, lower) = page::rows(plan.canvas.h);
    let _ = writeln!(
        out,
        "<main class=\"canvas\" style=\"--canvas-w: {:.2}mm; --canvas-h: {:.2}mm; --upper: {upper:.2}mm; --lower: {lower:.2}mm\">",
        plan.canvas.w, plan.canvas.h
    );
    for block in &plan.blocks {
        out.push_str(&block_section(canvas, bank, block));
    }
    out.push_str("</main>\n");
    out.push_str(&legend(canvas, bank, messages));
    out.push_str(&gap_report(canvas, report, bank, messages));
    out.push_str(&tests(canvas, messages));
    out.push_str(&assumption_map(canvas, bank, messages));
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's head, with the paper to print on, and the header with the title and the canvas's
/// details.
fn head(canvas: &Canvas, messages: &Messages, plan: &Plan<'_>) -> String {
    let meta = &canvas.meta;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>\n{STYLE}@page {{ size: {} landscape; margin: {}mm; }}\n</style>\n</head>\n<body>\n",
        escape(&meta.language),
        escape(&meta.title),
        plan.paper.css(),
        page::MARGIN
    );
    let details: Vec<String> = super::details(canvas, messages)
        .into_iter()
        .map(|(k, v)| format!("{}: {}", escape(k), text(&v)))
        .collect();
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p>{}</p>\n</header>\n",
        text(&meta.title),
        details.join(" · ")
    );
    out
}

/// A block's cell: its title, its block-wide choices once, and its items as notes in the font
/// size and columns that fit them on paper.
fn block_section(canvas: &Canvas, bank: &Bank, block: &page::Block<'_>) -> String {
    let mut out = format!(
        "<section class=\"block {}\" style=\"--font: {}pt; --columns: {}\">\n<h2>{}</h2>\n",
        block.id.key(),
        block.font,
        block.columns,
        text(&bank.block(block.id).title)
    );
    let choices = choice_labels(bank, canvas, block.id, None);
    if !choices.is_empty() {
        let _ = writeln!(out, "<p class=\"choices\">{}</p>", text(&choices.join(" · ")));
    }
    out.push_str("<ul class=\"notes\">\n");
    for note in &block.notes {
        out.push_str(&note_item(&note.shown));
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// An item as a sticky note in the colour of the first segment it serves, with a dot for each
/// segment, the pick mark when a question picked it, and its own choices as tags.
fn note_item(shown: &page::Shown<'_>) -> String {
    let (item, segments, tags) = (shown.item, &shown.segments, &shown.tags);
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
    let tags = if tags.is_empty() {
        String::new()
    } else {
        format!("<span class=\"tags\">{}</span>", text(&tags.join(" · ")))
    };
    let status = item.status.id();
    let mark = item.status.mark();
    // The same label the layout measured the note with.
    let picked = after_id(shown.picked);
    format!(
        "<li class=\"note {status}\"{style} title=\"{status}\"><span class=\"dots\">{dots}</span>\
         <span class=\"id\">{mark} {}{picked}</span>{}{tags}</li>\n",
        text(&item.id),
        text(&item.text)
    )
}

/// Which colour stands for which customer segment, what the marks say, and what each pick
/// question picked.
fn legend(canvas: &Canvas, bank: &Bank, messages: &Messages) -> String {
    let mut out = String::from("<p class=\"legend\">");
    for (n, segment) in canvas.block(BlockId::CustomerSegments).items.iter().enumerate() {
        let _ = write!(
            out,
            "<span><span class=\"dot\" style=\"background: {}\"></span> {}</span>",
            colour(n),
            text(&segment.text)
        );
    }
    let _ = write!(
        out,
        "<span class=\"marks\">{}</span>",
        escape(&super::legend(canvas, messages))
    );
    for entry in pick_entries(canvas, bank) {
        let _ = write!(out, "<span class=\"pick\">{}</span>", text(&entry));
    }
    out.push_str("</p>\n");
    out
}

/// The gap report after the canvas: the score, the gaps and the next steps.
fn gap_report(canvas: &Canvas, report: &GapReport, bank: &Bank, messages: &Messages) -> String {
    let r = &messages.report;
    // A report with gaps does not fit below the canvas: it starts on the next page.
    let class = if report.gaps.is_empty() {
        "report"
    } else {
        "report next-page"
    };
    let mut out = format!(
        "<section class=\"{class}\">\n<h2>{}</h2>\n<p>{}</p>\n",
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

/// The test cards, on paper on a page of their own: each card's lines, its learnings below.
fn tests(canvas: &Canvas, messages: &Messages) -> String {
    let cards = super::cards::cards_for(canvas, messages, &text);
    if cards.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<section class=\"tests\">\n<h2>{}</h2>\n<ul>\n",
        escape(&messages.cards.tests)
    );
    for (card, learnings) in cards {
        let _ = write!(out, "<li><strong>{}</strong>", card[0]);
        for line in &card[1..] {
            let _ = write!(out, "<br>{line}");
        }
        if !learnings.is_empty() {
            out.push_str("\n<ul class=\"learnings\">");
            for line in learnings {
                let _ = write!(out, "<li>{line}</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// The assumption map on a page of its own: the image, then each quadrant's items with their
/// texts, the one to test first at the top.
fn assumption_map(canvas: &Canvas, bank: &Bank, messages: &Messages) -> String {
    let m = &messages.assumption_map;
    let placed = place(canvas, &bank.words);
    let mut out = format!(
        "<section class=\"assumption-map\">\n<h2>{}</h2>\n",
        fill(&escape(&m.heading), &[("title", &text(&canvas.meta.title))])
    );
    if placed.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", escape(&m.none));
        return out;
    }
    let _ = writeln!(out, "<p>{}</p>", escape(&m.how));
    out.push_str(&map::image(&placed, &map::heading(canvas, messages), m));
    out.push_str("<div class=\"map-items\">\n");
    for quadrant in Quadrant::ALL {
        let mut items = map::in_quadrant(&placed, quadrant).peekable();
        if items.peek().is_none() {
            continue;
        }
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", escape(map::quadrant_title(quadrant, m)));
        for p in items {
            let _ = writeln!(
                out,
                "<li><span class=\"map-label\">{}</span> {} {}</li>",
                escape(&map::label(p, m)),
                p.item.status.mark(),
                text(&p.item.text)
            );
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "</div>\n<p class=\"map-marks\">{}</p>\n</section>",
        escape(&messages.render.legend)
    );
    out
}
