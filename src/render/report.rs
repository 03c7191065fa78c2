//! The gap report as text for a person: grouped by block, coloured by severity when the output
//! is a terminal, ending with the next questions to answer.

use std::borrow::Cow;
use std::fmt::Write;

use console::Style;

use crate::bank::Bank;
use crate::gaps::{Gap, GapReport, Severity};
use crate::i18n::{Messages, fill};
use crate::model::Canvas;
use crate::render::safe;
use crate::render::wrap;

/// The report, wrapped to the terminal's width when standard output is one.
pub fn report(canvas: &Canvas, report: &GapReport, bank: &Bank, messages: &Messages) -> String {
    let columns = console::Term::stdout()
        .size_checked()
        .map(|(_, c)| usize::from(c));
    report_in(canvas, report, bank, messages, columns)
}

/// The report with its lines wrapped to `columns` under a hanging indent, or left whole for a
/// file or another program to read.
fn report_in(
    canvas: &Canvas,
    report: &GapReport,
    bank: &Bank,
    messages: &Messages,
    columns: Option<usize>,
) -> String {
    let m = &messages.report;
    let bold = Style::new().bold();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        bold.apply_to(fill(&m.heading, &[("title", &title(canvas, messages))]))
    );
    let _ = writeln!(
        out,
        "{} · {}",
        bold.apply_to(score(report, messages)),
        counts(report, messages)
    );
    if report.gaps.is_empty() {
        let _ = writeln!(out, "\n{}", Style::new().green().apply_to(&m.no_gaps));
    }
    out.push_str(&gaps_by_block(report, bank, messages, columns));
    for (heading, lines, numbered) in sections(canvas, report, bank, messages, |t| safe::line(t).into_owned())
    {
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", bold.apply_to(heading));
        for (n, line) in lines.iter().enumerate() {
            let lead = if numbered {
                format!("  {}. ", n + 1)
            } else {
                "  ".to_owned()
            };
            out.push_str(&hanging(&lead, line, columns));
        }
    }
    out
}

/// `lead` and `text` as lines, the text wrapped between words to `columns` with every line after
/// the first indented under its start; whole without `columns`.
fn hanging(lead: &str, text: &str, columns: Option<usize>) -> String {
    let indent = console::measure_text_width(lead);
    let Some(columns) = columns.filter(|&c| c > indent + 20) else {
        return format!("{lead}{text}\n");
    };
    // The last column stays free, as in the interview's rows.
    wrap::hanging(lead, indent, text, columns - 1)
}

/// The canvas's title, or words saying it has none, so the heading never ends in a bare colon.
fn title<'a>(canvas: &'a Canvas, messages: &'a Messages) -> Cow<'a, str> {
    if canvas.meta.title.is_empty() {
        Cow::Borrowed(&messages.report.untitled)
    } else {
        safe::line(&canvas.meta.title)
    }
}

/// How many gaps there are of each severity, in words.
fn counts(report: &GapReport, messages: &Messages) -> String {
    let m = &messages.report;
    fill(
        &m.counts,
        &[
            (
                "missing",
                &messages.count(&m.missing_count, report.count(Severity::Missing)),
            ),
            (
                "inconsistent",
                &messages.count(&m.inconsistent_count, report.count(Severity::Inconsistent)),
            ),
            (
                "suggestion",
                &messages.count(&m.suggestion_count, report.count(Severity::Suggestion)),
            ),
        ],
    )
}

/// The gaps under the title of their block, each with its severity in a column of its own.
fn gaps_by_block(report: &GapReport, bank: &Bank, messages: &Messages, columns: Option<usize>) -> String {
    let m = &messages.report;
    let bold = Style::new().bold();
    let width = [&m.missing, &m.inconsistent, &m.suggestion]
        .iter()
        .map(|s| console::measure_text_width(s))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let mut current = None;
    for gap in &report.gaps {
        if current != Some(gap.block) {
            current = Some(gap.block);
            let _ = writeln!(
                out,
                "\n{}",
                bold.apply_to(safe::line(&bank.block(gap.block).title))
            );
        }
        let label = severity_label(gap.severity, messages);
        let padded = format!("{label:<width$}");
        let lead = format!("  {}  ", severity_style(gap.severity).apply_to(padded));
        out.push_str(&hanging(&lead, &safe::line(&gap.message), columns));
    }
    out
}

/// What follows the gaps, each section with its heading, its lines and whether they are
/// numbered: the yearly figures, the next steps and the accepted gaps. Sections without lines
/// are left out by every renderer.
pub fn sections<'m>(
    canvas: &Canvas,
    report: &GapReport,
    bank: &Bank,
    messages: &'m Messages,
    esc: impl Fn(&str) -> String + Copy,
) -> [(&'m str, Vec<String>, bool); 3] {
    let m = &messages.report;
    [
        (&m.numbers, numbers(canvas, report, messages, esc), false),
        (&m.next_steps, next_steps(report, bank, messages, esc), true),
        (&m.acknowledged, accepted(report, bank, messages, esc), false),
    ]
}

/// The score out of 100, in words.
pub fn score(report: &GapReport, messages: &Messages) -> String {
    fill(&messages.report.score, &[("score", &report.score.to_string())])
}

/// The next steps in words, block and question each passed through `esc` first, so that every
/// renderer numbers and marks up the same steps.
fn next_steps(
    report: &GapReport,
    bank: &Bank,
    messages: &Messages,
    esc: impl Fn(&str) -> String,
) -> Vec<String> {
    report
        .next_steps()
        .into_iter()
        .map(|(gap, ask)| in_block(gap, &esc(step_text(gap, ask, bank)), bank, messages, &esc))
        .collect()
}

/// A line about a gap, after its block's title: "Channels: …".
fn in_block(gap: &Gap, text: &str, bank: &Bank, messages: &Messages, esc: impl Fn(&str) -> String) -> String {
    let block = esc(&bank.block(gap.block).title);
    fill(
        &messages.report.next_step,
        &[("block", &block), ("question", text)],
    )
}

/// What a next step asks: the unanswered guiding question it points to, or the gap's message.
fn step_text<'a>(gap: &'a Gap, ask: Option<&str>, bank: &'a Bank) -> &'a str {
    ask.and_then(|q| bank.block(gap.block).question(q))
        .map_or(gap.message.as_str(), |q| q.text.as_str())
}

/// The yearly figures the canvas states, in words: the totals, then each segment's share
/// through the links. Nothing when the canvas states neither revenue nor costs a year.
fn numbers(
    canvas: &Canvas,
    report: &GapReport,
    messages: &Messages,
    esc: impl Fn(&str) -> String,
) -> Vec<String> {
    let (m, figures) = (&messages.report, &report.figures);
    if figures.revenue.is_none() && figures.costs.is_none() {
        return Vec::new();
    }
    let money = |figure: Option<f64>| {
        figure.map_or_else(
            || m.not_stated.clone(),
            |f| messages.money(f, figures.currency.as_deref()),
        )
    };
    let mut lines = vec![fill(
        &m.numbers_total,
        &[
            ("revenue", &money(figures.revenue)),
            ("costs", &money(figures.costs)),
        ],
    )];
    let index = canvas.item_index();
    for segment in &figures.segments {
        let text = index
            .get(segment.id.as_str())
            .map_or("", |(_, item)| item.text.as_str());
        let name = format!("{} ({})", esc(text), esc(&segment.id));
        lines.push(fill(
            &m.numbers_segment,
            &[
                ("segment", &name),
                ("revenue", &money(segment.revenue)),
                ("costs", &money(segment.costs)),
            ],
        ));
    }
    lines
}

/// The gaps a coach accepted, each with its block, message and reason passed through `esc`.
fn accepted(
    report: &GapReport,
    bank: &Bank,
    messages: &Messages,
    esc: impl Fn(&str) -> String,
) -> Vec<String> {
    report
        .acknowledged
        .iter()
        .map(|a| {
            let line = fill(
                &messages.report.acknowledged_line,
                &[("message", &esc(&a.gap.message)), ("reason", &esc(&a.reason))],
            );
            in_block(&a.gap, &line, bank, messages, &esc)
        })
        .collect()
}

pub fn severity_label(severity: Severity, messages: &Messages) -> &str {
    let m = &messages.report;
    match severity {
        Severity::Missing => &m.missing,
        Severity::Inconsistent => &m.inconsistent,
        Severity::Suggestion => &m.suggestion,
    }
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Missing => Style::new().yellow(),
        Severity::Inconsistent => Style::new().red(),
        Severity::Suggestion => Style::new().cyan(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::model::BlockId;

    #[test]
    fn next_steps_name_a_question_only_while_it_has_no_answer() {
        let path = std::path::Path::new("brew-box.toml");
        let mut c = crate::file::parse_canvas(path, include_str!("../../examples/brew-box.toml")).unwrap();
        // No channel reaches cs2 now; "How are we reaching them now?" is answered by the channels.
        for channel in &mut c.block_mut(BlockId::Channels).items {
            channel.links.retain(|l| l != "cs2");
        }
        let costs = c.block_mut(BlockId::CostStructure);
        costs.answers.clear(); // unanswered, in words and as picks
        costs.picks.clear();
        let (bank, messages) = (Bank::builtin(Language::En), Messages::get(Language::En));
        let report = GapReport::new(&c, bank, messages);
        let steps = next_steps(&report, bank, messages, str::to_owned);
        assert_eq!(
            steps,
            // A contradiction before an unanswered question, and one step per block.
            [
                "Channels: No channel reaches 'Small offices without a coffee service' (cs2).",
                "Cost Structure: Which key resources are the most expensive?",
            ]
        );
    }

    #[test]
    fn on_a_terminal_lines_wrap_between_words_under_a_hanging_indent() {
        let path = std::path::Path::new("roomhop.toml");
        let text = include_str!("../../examples/roomhop-marketplace-flawed.toml");
        let c = crate::file::parse_canvas(path, text).unwrap();
        let (bank, messages) = (Bank::builtin(Language::En), Messages::get(Language::En));
        let report = GapReport::new(&c, bank, messages);
        let whole = report_in(&c, &report, bank, messages, None);
        assert!(
            whole.lines().any(|l| l.chars().count() > 80),
            "long lines to wrap"
        );
        let wrapped = report_in(&c, &report, bank, messages, Some(80));
        let widest = wrapped.lines().map(console::measure_text_width).max().unwrap();
        assert!(widest < 80, "{wrapped}");
        let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(words(&wrapped), words(&whole), "only line breaks differ");
        let continued = wrapped
            .lines()
            .filter(|l| l.starts_with("               "))
            .count();
        assert!(
            continued > 0,
            "continuation lines sit under the message:\n{wrapped}"
        );
    }
}
