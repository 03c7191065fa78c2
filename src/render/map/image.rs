//! The assumption map as an SVG image inside the HTML page: four quadrants, the top left (test
//! first) framed in bold, each item a small labelled tag coloured by its type, and a legend of
//! the types. Sizes are millimetres on paper; every tag and line is a text element of its own,
//! escaped for XML, and the image has a title and a description for screen readers.

use std::fmt::Write;

use super::{in_quadrant, kind_words, label, quadrant_title};
use crate::analysis::map::{Kind, Placed, Quadrant};
use crate::i18n::MapWords;
use crate::render::markup as escape;
use crate::render::page::measure;

const WIDTH: f64 = 180.0;
/// The column of the vertical axis's labels, and the row of the horizontal axis's above.
const AXIS: f64 = 7.0;
const PAD: f64 = 2.5;
/// The quadrants' titles and the tags, their font sizes and line steps.
const TITLE: f64 = 3.4;
const TAG: f64 = 3.0;
const TAG_H: f64 = 4.6;
const STEP: f64 = 6.0;
/// A quadrant's least height, so that an empty one still reads as a quadrant.
const LEAST: f64 = 32.0;
const FONTS: &str = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/// A type's stroke and its light fill: colours told apart with colour-blindness too.
fn paint(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Desirability => ("#0072b2", "#d4e6f3"),
        Kind::Feasibility => ("#b36b00", "#fbe6c2"),
        Kind::Viability => ("#00795a", "#cfeee4"),
    }
}

/// A quadrant laid out: its title's lines and each tag's label, left end and line.
struct Laid {
    title: Vec<String>,
    tags: Vec<(String, Kind, f64, usize)>,
    height: f64,
}

fn lay(placed: &[Placed<'_>], quadrant: Quadrant, m: &MapWords, width: f64) -> Laid {
    let inner = width - 2.0 * PAD;
    let title = measure::lines(quadrant_title(quadrant, m), TITLE, inner, inner);
    let (mut x, mut row, mut tags) = (0.0, 0, Vec::new());
    for p in in_quadrant(placed, quadrant) {
        let text = fit(label(p, m), inner - 2.0);
        let w = measure::width(&text, TAG) + 2.0;
        if x > 0.0 && x + w > inner {
            (x, row) = (0.0, row + 1);
        }
        tags.push((text, p.kind, x, row));
        x += w + 1.5;
    }
    let rows = tags.last().map_or(0, |t| t.3 + 1);
    let height = PAD * 2.0 + title.len() as f64 * TITLE * 1.25 + 1.5 + rows as f64 * STEP;
    Laid {
        title,
        tags,
        height: height.max(LEAST),
    }
}

/// `text` cut to `width` with an ellipsis where it is wider: an id longer than a quadrant is
/// shown whole in the list below the image.
fn fit(mut text: String, width: f64) -> String {
    if measure::width(&text, TAG) <= width {
        return text;
    }
    while measure::width(&text, TAG) + measure::width("…", TAG) > width && text.pop().is_some() {}
    text.push('…');
    text
}

/// The image of the map; `heading` is already safe for one line.
pub fn image(placed: &[Placed<'_>], heading: &str, m: &MapWords) -> String {
    let column = (WIDTH - AXIS) / 2.0;
    let rows = [
        [Quadrant::TestFirst, Quadrant::Backed],
        [Quadrant::Later, Quadrant::Settled],
    ];
    let mut body = String::new();
    let mut top = AXIS;
    for (n, row) in rows.into_iter().enumerate() {
        let laid = row.map(|q| lay(placed, q, m, column));
        let height = laid[0].height.max(laid[1].height);
        for (i, (quadrant, laid)) in row.into_iter().zip(&laid).enumerate() {
            let x = AXIS + i as f64 * column;
            quadrant_group(&mut body, quadrant, laid, (x, top, column, height));
        }
        let axis = if n == 0 { &m.important } else { &m.unimportant };
        let (cx, cy) = (AXIS / 2.0, top + height / 2.0);
        let _ = writeln!(
            body,
            "<text transform=\"translate({cx:.2} {cy:.2}) rotate(-90)\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"{TITLE}\" font-weight=\"bold\" fill=\"#222222\">{}</text>",
            escape(axis)
        );
        top += height;
    }
    for (i, axis) in [&m.no_evidence, &m.has_evidence].into_iter().enumerate() {
        let cx = AXIS + column * (i as f64 + 0.5);
        let _ = writeln!(
            body,
            "<text x=\"{cx:.2}\" y=\"{:.2}\" text-anchor=\"middle\" font-size=\"{TITLE}\" font-weight=\"bold\" fill=\"#222222\">{}</text>",
            AXIS - 2.0,
            escape(axis)
        );
    }
    let height = legend(&mut body, m, top + 4.0);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map-image\" viewBox=\"0 0 {WIDTH} {height:.2}\" \
         role=\"img\" aria-labelledby=\"map-title map-desc\" font-family=\"{FONTS}\">\n\
         <title id=\"map-title\">{}</title>\n<desc id=\"map-desc\">{}</desc>\n{body}</svg>\n",
        escape(heading),
        escape(&m.how)
    )
}

/// A quadrant's frame, title and tags; `(x, y, w, h)` is its frame. The one to test first is
/// framed in bold and tinted, so it stands out in black and white too.
fn quadrant_group(out: &mut String, quadrant: Quadrant, laid: &Laid, (x, y, w, h): (f64, f64, f64, f64)) {
    let (stroke, width, fill) = match quadrant {
        Quadrant::TestFirst => ("#b71c1c", 0.9, "#fdecea"),
        _ => ("#222222", 0.3, "#ffffff"),
    };
    let _ = writeln!(
        out,
        "<g class=\"map-quadrant\">\n<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>"
    );
    let mut top = y + PAD;
    for line in &laid.title {
        let _ = writeln!(
            out,
            "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{TITLE}\" font-weight=\"bold\" fill=\"{stroke}\">{}</text>",
            x + PAD,
            top + TITLE,
            escape(line)
        );
        top += TITLE * 1.25;
    }
    top += 1.5;
    for (text, kind, left, row) in &laid.tags {
        let (ink, tint) = paint(*kind);
        let (tx, ty) = (x + PAD + left, top + *row as f64 * STEP);
        let _ = writeln!(
            out,
            "<g class=\"map-tag\"><rect x=\"{tx:.2}\" y=\"{ty:.2}\" width=\"{:.2}\" height=\"{TAG_H}\" rx=\"0.8\" fill=\"{tint}\" stroke=\"{ink}\" stroke-width=\"0.3\"/>\
             <text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{TAG}\" fill=\"#222222\">{}</text></g>",
            measure::width(text, TAG) + 2.0,
            tx + 1.0,
            ty + TAG_H - 1.2,
            escape(text)
        );
    }
    out.push_str("</g>\n");
}

/// The types with their letter and colour, one a line from `top`; returns the image's height.
fn legend(out: &mut String, m: &MapWords, mut top: f64) -> f64 {
    for kind in Kind::ALL {
        let (ink, tint) = paint(kind);
        let words = kind_words(kind, m);
        let _ = writeln!(
            out,
            "<rect x=\"{AXIS}\" y=\"{top:.2}\" width=\"5\" height=\"{TAG_H}\" rx=\"0.8\" fill=\"{tint}\" stroke=\"{ink}\" stroke-width=\"0.3\"/>\
             <text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{TAG}\" text-anchor=\"middle\" fill=\"#222222\">{}</text>\
             <text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{TAG}\" fill=\"#222222\">{}</text>",
            AXIS + 2.5,
            top + TAG_H - 1.2,
            escape(&words.letter),
            AXIS + 7.0,
            top + TAG_H - 1.2,
            escape(&words.name)
        );
        top += STEP;
    }
    top
}
