//! A session plan for a workshop, as Markdown: the blocks in order with their timebox, what they
//! are, the facilitator's notes, the guiding questions and the category choices.

use std::fmt::Write;

use crate::bank::Bank;
use crate::i18n::{Messages, fill};
use crate::model::BlockId;
use crate::render::markdown::escape;

pub fn agenda(bank: &Bank, messages: &Messages, blocks: &[BlockId]) -> String {
    let m = &messages.coach;
    let minutes: u32 = blocks
        .iter()
        .filter_map(|&b| bank.block(b).coach.as_ref())
        .map(|c| c.timebox_minutes)
        .sum();
    let mut out = format!("# {}\n\n", m.agenda_title);
    let total = fill(
        &m.agenda_total,
        &[
            ("blocks", &messages.count(&m.blocks_count, blocks.len())),
            ("minutes", &messages.count(&m.minutes_count, minutes as usize)),
        ],
    );
    let _ = writeln!(out, "{total}\n");
    for (n, &block) in blocks.iter().enumerate() {
        let asked = bank.block(block);
        let timebox = asked.coach.as_ref().map_or(String::new(), |c| {
            format!(
                " ({})",
                fill(&m.minutes, &[("minutes", &c.timebox_minutes.to_string())])
            )
        });
        let _ = writeln!(out, "## {}. {}{timebox}\n", n + 1, escape(&asked.title));
        let _ = writeln!(out, "{}\n", escape(&asked.explanation));
        if let Some(coach) = &asked.coach {
            for (template, text) in [
                (&m.listen_for, &coach.listen_for),
                (&m.trap, &coach.trap),
                (&m.example, &coach.example),
            ] {
                let _ = writeln!(out, "- {}", fill(template, &[("text", &escape(text))]));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "### {}\n", m.questions);
        for (n, question) in asked.questions.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, escape(&question.text));
        }
        if !asked.groups.is_empty() {
            let _ = writeln!(out, "\n### {}\n", m.choices);
            for group in &asked.groups {
                let labels: Vec<String> = group.options.iter().map(|o| escape(&o.label)).collect();
                let _ = writeln!(out, "- **{}** {}", escape(&group.title), labels.join(" · "));
            }
        }
        out.push('\n');
    }
    out
}
