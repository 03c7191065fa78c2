//! The canvas as one standalone SVG image, for slides and documents: the layout and colours of
//! the printed HTML page (see `page`), every line of text placed where that layout puts it.
//! Every text is escaped for XML, its control characters shown as escapes (XML allows them in no
//! form), and each line is an element of its own, so right-to-left text cannot reorder another.

use std::fmt::Write;

use super::markup as escape;
use super::page::{self, MM_PER_PT, NOTE, Note, Paper, Plan, Rect, measure};
use super::safe;
use super::{colour, pick_entries};
use crate::bank::Bank;
use crate::i18n::Messages;
use crate::model::{BlockId, Canvas, Status};

const FONTS: &str = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/// How a line of text is painted: as its attributes.
const INK: &str = "fill=\"#222222\"";
const GREY: &str = "fill=\"#555555\"";
const HEADING: &str = "fill=\"#222222\" font-weight=\"bold\"";

/// A line of text: its left end, the top of its line box, its size in millimetres, its paint
/// and text (already shown safely, not yet escaped for XML).
fn line(out: &mut String, x: f64, top: f64, size: f64, paint: &str, text: &str) {
    // Arial's ascent and half the leading of a line 1.2 times the size.
    let baseline = top + size * 1.005;
    let _ = writeln!(
        out,
        "<text x=\"{x:.2}\" y=\"{baseline:.2}\" font-size=\"{size:.2}\" {paint}>{}</text>",
        escape(text)
    );
}

pub fn svg(canvas: &Canvas, bank: &Bank, messages: &Messages, paper: Paper) -> String {
    let plan = page::layout(canvas, bank, messages, paper);
    let mut body = String::new();
    header(&mut body, canvas, messages);
    let c = plan.canvas;
    let _ = writeln!(
        body,
        "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" fill=\"none\" stroke=\"#222222\" stroke-width=\"0.5\"/>",
        c.x, c.y, c.w, c.h
    );
    for block in &plan.blocks {
        block_group(&mut body, block);
    }
    let bottom = legend(&mut body, &plan, canvas, bank, messages);
    let (width, height) = (plan.width, bottom + 1.0);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.1}mm\" height=\"{height:.1}mm\" \
         viewBox=\"0 0 {width:.2} {height:.2}\" font-family=\"{FONTS}\">\n<title>{}</title>\n\
         <rect width=\"{width:.2}\" height=\"{height:.2}\" fill=\"#ffffff\"/>\n",
        escape(&safe::line(&canvas.meta.title))
    );
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// The title and the canvas's details above the canvas.
fn header(out: &mut String, canvas: &Canvas, messages: &Messages) {
    let meta = &canvas.meta;
    let details: Vec<String> = super::details(canvas, messages)
        .into_iter()
        .map(|(k, v)| format!("{k}: {}", safe::line(&v)))
        .collect();
    line(out, 0.0, 0.6, 13.0 * MM_PER_PT, HEADING, &safe::line(&meta.title));
    line(out, 0.0, 7.4, 8.0 * MM_PER_PT, GREY, &details.join(" · "));
}

/// A block: its frame, its title, its block-wide choices and its notes.
fn block_group(out: &mut String, block: &page::Block<'_>) {
    let Rect { x, y, w, h } = block.rect;
    let _ = writeln!(
        out,
        "<g class=\"{}\">\n<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"none\" stroke=\"#222222\" stroke-width=\"0.3\"/>",
        block.id.key()
    );
    let left = x + NOTE.inset;
    let mut top = y + NOTE.inset;
    // The title in bold, as the HTML page's heading.
    for (pt, paint, lines) in [
        (NOTE.title_pt, HEADING, &block.title),
        (NOTE.choices_pt, GREY, &block.choices),
    ] {
        let size = pt * MM_PER_PT;
        for text in lines.iter() {
            line(out, left, top, size, paint, text);
            top += size * NOTE.line_height;
        }
        if !lines.is_empty() {
            top += NOTE.after_heading;
        }
    }
    for note in &block.notes {
        sticky(out, note, block.font * MM_PER_PT);
    }
    out.push_str("</g>\n");
}

/// A note: its background and stripe in the colour of the first segment it serves, a dot for
/// each segment, its status mark and id, its text and its own choices.
fn sticky(out: &mut String, note: &Note<'_>, size: f64) {
    let Rect { x, y, w, h } = note.rect;
    let item = note.shown.item;
    let segments = &note.shown.segments;
    let (tint, stripe) = segments
        .first()
        .map_or(("#eeeeee", "#bdbdbd"), |&n| (colour(n), colour(n)));
    let faded = if item.status == Status::Invalidated {
        " opacity=\"0.45\" text-decoration=\"line-through\""
    } else {
        ""
    };
    let opacity = if segments.is_empty() { "1" } else { "0.2" };
    let _ = writeln!(
        out,
        "<g class=\"note {}\"{faded}>\n<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"{tint}\" fill-opacity=\"{opacity}\"/>\n\
         <rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{:.2}\" height=\"{h:.2}\" fill=\"{stripe}\"/>",
        item.status.id(),
        NOTE.stripe
    );
    let line_h = size * NOTE.line_height;
    for (k, &n) in segments.iter().enumerate() {
        let cx = x + w - NOTE.pad_x - (k as f64 + 0.5) * NOTE.dot;
        let cy = y + NOTE.pad_y + line_h / 2.0;
        let _ = writeln!(
            out,
            "<circle cx=\"{cx:.2}\" cy=\"{cy:.2}\" r=\"0.7\" fill=\"{}\"/>",
            colour(n)
        );
    }
    note_text(out, note, size);
    out.push_str("</g>\n");
}

/// A note's status mark and id, its text after them, and its own choices below.
fn note_text(out: &mut String, note: &Note<'_>, size: f64) {
    let item = note.shown.item;
    let line_h = size * NOTE.line_height;
    let left = note.rect.x + NOTE.stripe + NOTE.pad_x;
    let mut top = note.rect.y + NOTE.pad_y;
    let label_size = size * NOTE.id_scale;
    let label_paint = if item.status == Status::Validated {
        "fill=\"#1b5e20\" font-weight=\"bold\""
    } else {
        "fill=\"#666666\""
    };
    // The label sits on the first line's baseline, as in the HTML page.
    line(
        out,
        left,
        top + (size - label_size),
        label_size,
        label_paint,
        &note.label,
    );
    let after_label = measure::width(&note.label, label_size) + NOTE.after_id;
    for (n, text) in note.lines.iter().enumerate() {
        let indent = if n == 0 { after_label } else { 0.0 };
        line(out, left + indent, top, size, INK, text);
        top += line_h;
    }
    if note.lines.is_empty() {
        top += line_h;
    }
    let tags_size = size * NOTE.tags_scale;
    for text in &note.tags {
        line(out, left, top, tags_size, GREY, text);
        top += tags_size * NOTE.line_height;
    }
}

/// The legend below the canvas: a dot in each segment's colour before its name, then what the
/// marks say and what each pick question picked; entries go on as long as the line allows.
/// Returns where the legend ends.
fn legend(out: &mut String, plan: &Plan<'_>, canvas: &Canvas, bank: &Bank, messages: &Messages) -> f64 {
    let size = page::LEGEND_PT * MM_PER_PT;
    let gap = 3.0;
    let (mut x, mut top) = (0.0, plan.legend_top);
    let segments = &canvas.block(BlockId::CustomerSegments).items;
    let entries = segments
        .iter()
        .enumerate()
        .map(|(n, s)| {
            (
                Some(n),
                safe::lines(&s.text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .chain([(None, super::legend(canvas, messages))])
        .chain(pick_entries(canvas, bank).into_iter().map(|entry| (None, entry)));
    for (segment, text) in entries {
        let dot = if segment.is_some() { 2.2 } else { 0.0 };
        let w = dot + measure::width(&text, size);
        if x > 0.0 && x + w > plan.width {
            x = 0.0;
            top += page::legend_line();
        }
        if let Some(n) = segment {
            let cy = top + page::legend_line() / 2.0;
            let _ = writeln!(
                out,
                "<circle cx=\"{:.2}\" cy=\"{cy:.2}\" r=\"0.8\" fill=\"{}\"/>",
                x + 0.8,
                colour(n)
            );
        }
        line(out, x + dot, top, size, INK, &text);
        x += w + gap;
    }
    top + page::legend_line()
}
