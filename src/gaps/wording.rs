//! Wording: a finding becomes a `Gap` with its message, in the canvas's language and quoting the
//! canvas's own texts.

use super::{Finding, Gap};
use crate::bank::Bank;
use crate::i18n::{Messages, fill};
use crate::model::{BlockId, Canvas, ItemIndex};
use crate::money::Figures;

pub fn describe(
    finding: &Finding,
    canvas: &Canvas,
    index: &ItemIndex<'_>,
    bank: &Bank,
    messages: &Messages,
    figures: &Figures,
) -> Gap {
    Gap {
        block: finding.block,
        rule: finding.rule.id,
        severity: finding.rule.severity,
        item: finding.item.clone(),
        message: message(finding, canvas, index, bank, messages, figures),
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
    figures: &Figures,
) -> String {
    let block = bank.block(finding.block);
    let item_text = |id: &str| item_text(index, id);
    let id = finding.item.as_deref().unwrap_or_default();
    let subject = finding.subject.as_deref().unwrap_or_default();
    let title_of = |b: BlockId| bank.block(b).title.as_str();
    let titles = |blocks: &[BlockId]| titles(bank, blocks);
    let option = block.option_label(subject);
    let question = block.question(subject).map_or(subject, |q| q.text.as_str());
    let group = block.group(subject).map_or(subject, |g| g.title.as_str());
    let answer = canvas.block(finding.block).answer(subject).unwrap_or_default();
    let target_block = index.get(subject).map_or("", |(b, _)| title_of(*b));
    let other_block = BlockId::ALL
        .into_iter()
        .find(|b| b.key() == subject)
        .map_or("", title_of);
    let deadline = canvas
        .test(subject)
        .and_then(|t| t.deadline.as_deref())
        .unwrap_or_default();
    let template = messages.gap(finding.rule.id);
    // Only the money rules name figures; the others need not write them out.
    let money = |figure: Option<f64>| match template.contains("{revenue}") || template.contains("{costs}") {
        true => messages.money(figure.unwrap_or_default(), figures.currency.as_deref()),
        false => String::new(),
    };
    fill(
        template,
        &[
            ("block", &block.title),
            ("item", &item_text(id)),
            ("id", id),
            ("targets", &titles(finding.block.required_targets())),
            ("allowed", &titles(finding.block.link_targets())),
            ("target", subject),
            ("target_block", target_block),
            ("target_text", &item_text(subject)),
            ("other_block", other_block),
            ("sum", subject),
            ("revenue", &money(figures.revenue)),
            ("costs", &money(figures.costs)),
            ("question", question),
            ("group", group),
            ("option", option),
            ("answer", answer),
            ("iteration", &canvas.meta.iteration.to_string()),
            // About a test card, the finding's subject is the test's id.
            ("test", subject),
            ("deadline", deadline),
        ],
    )
}

/// An item's text, or the id itself where no item has it.
fn item_text(index: &ItemIndex<'_>, id: &str) -> String {
    index
        .get(id)
        .map_or_else(|| id.to_owned(), |(_, item)| item.text.clone())
}

fn titles(bank: &Bank, blocks: &[BlockId]) -> String {
    let titles: Vec<&str> = blocks.iter().map(|&b| bank.block(b).title.as_str()).collect();
    titles.join(" / ")
}
