//! The canvas as one self-contained HTML page laid out like the printed canvas: partners,
//! activities over resources, value propositions, relationships over channels and segments across
//! the top; costs and revenue across the bottom. Items are coloured by the customer segment they
//! serve, the print stylesheet fits the canvas on one landscape A4 page, and the gap report
//! follows it. Every text from the canvas is escaped.

use std::fmt::Write;

use crate::bank::Bank;
use crate::block::BlockId;
use crate::canvas::Canvas;
use crate::gaps::GapReport;
use crate::messages::{Messages, fill};
use crate::report;

use super::{choice_labels, entity, segments_served};

/// Colours for the customer segments, in order; more segments reuse them.
const SEGMENT_COLOURS: &[&str] = &[
    "#ffd54f", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8", "#ffab91", "#b0bec5",
];

/// Escapes text for HTML element content and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match entity(c) {
            Some(entity) => out.push_str(entity),
            None => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, sans-serif; margin: 1.5rem; color: #222; }
header h1 { margin: 0 0 .2rem; font-size: 1.6rem; }
header p { margin: 0 0 1rem; color: #555; }
.canvas { display: grid; grid-template-columns: repeat(10, 1fr); grid-template-rows: 1fr 1fr .9fr;
  grid-template-areas: "kp kp ka ka vp vp cr cr cs cs" "kp kp kr kr vp vp ch ch cs cs"
  "co co co co co rs rs rs rs rs"; gap: 0; border: 2px solid #222; min-height: 40rem; }
.block { border: 1px solid #222; padding: .4rem; overflow: hidden; }
.block h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; margin: 0 0 .3rem; }
.block .choices { font-size: .7rem; color: #555; margin: 0 0 .3rem; }
.key_partners { grid-area: kp; } .key_activities { grid-area: ka; } .key_resources { grid-area: kr; }
.value_propositions { grid-area: vp; } .customer_relationships { grid-area: cr; }
.channels { grid-area: ch; } .customer_segments { grid-area: cs; }
.cost_structure { grid-area: co; } .revenue_streams { grid-area: rs; }
ul.notes { list-style: none; margin: 0; padding: 0; }
.note { background: #eeeeee; margin: 0 0 .3rem; padding: .25rem .35rem; font-size: .78rem;
  border-left: .45rem solid #bdbdbd; box-shadow: 0 1px 2px rgba(0,0,0,.25); }
.note .id { font-size: .65rem; color: #666; margin-right: .3rem; }
.note .dots { float: right; }
.note .tags { display: block; font-size: .65rem; color: #555; }
.note.invalidated { opacity: .45; filter: grayscale(1); text-decoration: line-through; }
.note.validated .id { color: #1b5e20; font-weight: bold; }
.dot { display: inline-block; width: .55rem; height: .55rem; border-radius: 50%; margin-left: .15rem; }
.legend { margin: .6rem 0; font-size: .8rem; }
.legend span { margin-right: 1rem; }
.report { margin-top: 1.2rem; font-size: .85rem; }
.report h2 { font-size: 1.1rem; margin: 0 0 .3rem; }
.report .missing { color: #8d6e00; } .report .inconsistent { color: #b71c1c; } .report .suggestion { color: #01579b; }
@media print {
  @page { size: A4 landscape; margin: 8mm; }
  body { margin: 0; font-size: 9pt; }
  header h1 { font-size: 13pt; } header p { margin-bottom: 2mm; font-size: 8pt; }
  .canvas { height: 150mm; min-height: 0; }
  .note { font-size: 6.5pt; padding: .5mm 1mm; margin-bottom: .8mm; box-shadow: none; }
  .note .tags { font-size: 5.5pt; }
  .block { padding: 1mm; } .block h2 { font-size: 7pt; } .block .choices { font-size: 6pt; }
  .legend { margin: 1mm 0; font-size: 7pt; }
  .report { margin-top: 2mm; font-size: 7pt; }
  .report h2 { font-size: 9pt; }
}
"#;

pub fn render(canvas: &Canvas, bank: &Bank, report: &GapReport, messages: &Messages) -> String {
    let meta = &canvas.meta;
    let m = &messages.render;
    let mut out = String::new();
    let _ = write!(
        out,
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
    .map(|(k, v)| format!("{}: {}", escape(k), escape(v)))
    .chain([format!("{}: {}", escape(&m.iteration), meta.iteration)])
    .collect();
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p>{}</p>\n</header>\n",
        escape(&meta.title),
        details.join(" · ")
    );

    let served = segments_served(canvas);
    let colour = |n: usize| SEGMENT_COLOURS[n % SEGMENT_COLOURS.len()];
    out.push_str("<main class=\"canvas\">\n");
    for block in BlockId::ALL {
        let _ = write!(
            out,
            "<section class=\"block {}\">\n<h2>{}</h2>\n",
            block.key(),
            escape(&bank.block(block).title)
        );
        let choices = choice_labels(bank, canvas, block, None);
        if !choices.is_empty() {
            let _ = writeln!(out, "<p class=\"choices\">{}</p>", escape(&choices.join(" · ")));
        }
        out.push_str("<ul class=\"notes\">\n");
        for item in &canvas.block(block).items {
            let segments = served.get(item.id.as_str()).map_or(&[][..], Vec::as_slice);
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
                format!("<span class=\"tags\">{}</span>", escape(&own.join(" · ")))
            };
            let status = item.status.id();
            let mark = item.status.mark();
            let _ = writeln!(
                out,
                "<li class=\"note {status}\"{style} title=\"{status}\"><span class=\"dots\">{dots}</span>\
                 <span class=\"id\">{mark} {}</span>{}{tags}</li>",
                escape(&item.id),
                escape(&item.text)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n");

    let segments = &canvas.block(BlockId::CustomerSegments).items;
    if !segments.is_empty() {
        out.push_str("<p class=\"legend\">");
        for (n, segment) in segments.iter().enumerate() {
            let _ = write!(
                out,
                "<span><span class=\"dot\" style=\"background: {}\"></span> {}</span>",
                colour(n),
                escape(&segment.text)
            );
        }
        out.push_str("</p>\n");
    }

    let r = &messages.report;
    let _ = write!(
        out,
        "<section class=\"report\">\n<h2>{}</h2>\n<p>{}</p>\n",
        escape(&fill(&r.heading, &[("title", &meta.title)])),
        escape(&fill(&r.score, &[("score", &report.score.to_string())]))
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
                escape(&bank.block(gap.block).title),
                escape(&gap.message)
            );
        }
        out.push_str("</ul>\n");
        let steps = report::next_steps(report);
        if !steps.is_empty() {
            let _ = writeln!(out, "<h3>{}</h3>\n<ol>", escape(&r.next_steps));
            for step in steps {
                let title = &bank.block(step.block).title;
                let text = fill(
                    &r.next_step,
                    &[("block", title), ("question", report::step_text(step, bank))],
                );
                let _ = writeln!(out, "<li>{}</li>", escape(&text));
            }
            out.push_str("</ol>\n");
        }
    }
    out.push_str("</section>\n</body>\n</html>\n");
    out
}
