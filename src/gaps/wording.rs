//! Wording: a finding becomes a `Gap` with its message, in the canvas's language and quoting the
//! canvas's own texts.

use super::{Finding, Gap};
use crate::bank::Bank;
use crate::i18n::{Messages, fill};
use crate::model::{BlockId, Canvas, ItemIndex};

pub fn describe(
    finding: &Finding,
    canvas: &Canvas,
    index: &ItemIndex<'_>,
    bank: &Bank,
    messages: &Messages,
) -> Gap {
    Gap {
        block: finding.block,
        rule: finding.rule.id,
        severity: finding.rule.severity,
        item: finding.item.clone(),
        message: message(finding, canvas, index, bank, messages),
        question: finding.question.clone(),
        answered: finding.question.as_deref().is_some_and(|q| {
            let asked = bank.block(finding.block).question(q);
            asked.is_some_and(|asked| asked.answered(finding.block, canvas))
        }),
    }
}

/// The rule's message with every placeholder filled in; a message uses the ones it needs.
fn message(
    finding: &Finding,
    canvas: &Canvas,
    index: &ItemIndex<'_>,
    bank: &Bank,
    messages: &Messages,
) -> String {
    let block = bank.block(finding.block);
    let item_text = |id: &str| {
        index
            .get(id)
            .map_or_else(|| id.to_owned(), |(_, item)| item.text.clone())
    };
    let id = finding.item.as_deref().unwrap_or_default();
    let subject = finding.subject.as_deref().unwrap_or_default();
    let title_of = |b: BlockId| bank.block(b).title.as_str();
    let targets: Vec<&str> = finding
        .block
        .link_targets()
        .iter()
        .map(|&t| title_of(t))
        .collect();
    let option = block.option_label(subject);
    let question = block.question(subject).map_or(subject, |q| q.text.as_str());
    let group = block.group(subject).map_or(subject, |g| g.title.as_str());
    let answer = canvas.block(finding.block).answer(subject).unwrap_or_default();
    let target_block = index.get(subject).map_or("", |(b, _)| title_of(*b));
    fill(
        messages.gap(finding.rule.id),
        &[
            ("block", &block.title),
            ("item", &item_text(id)),
            ("id", id),
            ("targets", &targets.join(" / ")),
            ("target", subject),
            ("target_block", target_block),
            ("question", question),
            ("group", group),
            ("option", option),
            ("answer", answer),
            ("iteration", &canvas.meta.iteration.to_string()),
        ],
    )
}
