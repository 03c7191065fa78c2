//! What changed between two iterations of a canvas, block by block: items added, removed and
//! edited (matched by id), choices and answers changed, and the score before and after.

use std::fmt::Write;

use crate::bank::Bank;
use crate::block::BlockId;
use crate::canvas::{Block, Canvas, Item};
use crate::gaps::GapReport;
use crate::messages::{Messages, fill};
use crate::render::markdown::escape;

/// One change, worded for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    ItemAdded {
        id: String,
        text: String,
    },
    ItemRemoved {
        id: String,
        text: String,
    },
    ItemEdited {
        id: String,
        what: String,
        before: String,
        after: String,
    },
    ChoiceAdded {
        group: String,
        label: String,
    },
    ChoiceRemoved {
        group: String,
        label: String,
    },
    AnswerChanged {
        question: String,
        before: String,
        after: String,
    },
}

pub struct Diff {
    pub blocks: Vec<(BlockId, Vec<Change>)>,
    pub score_before: u8,
    pub score_after: u8,
}

/// Compares `old` with `new`, naming things as `bank` does.
pub fn compare(old: &Canvas, new: &Canvas, bank: &Bank, messages: &Messages) -> Diff {
    let blocks = BlockId::ALL
        .into_iter()
        .map(|b| (b, block_changes(bank, b, old.block(b), new.block(b), messages)))
        .filter(|(_, changes)| !changes.is_empty())
        .collect();
    Diff {
        blocks,
        score_before: GapReport::new(old, bank, messages).score,
        score_after: GapReport::new(new, bank, messages).score,
    }
}

fn block_changes(bank: &Bank, id: BlockId, old: &Block, new: &Block, messages: &Messages) -> Vec<Change> {
    let asked = bank.block(id);
    let m = &messages.diff;
    let mut changes = Vec::new();

    let find = |items: &'_ [Item], id: &str| items.iter().position(|i| i.id == id);
    for item in &new.items {
        match find(&old.items, &item.id) {
            None => changes.push(Change::ItemAdded {
                id: item.id.clone(),
                text: item.text.clone(),
            }),
            Some(n) => {
                let before = &old.items[n];
                let mut edited = |what: &str, before: String, after: String| {
                    if before != after {
                        changes.push(Change::ItemEdited {
                            id: item.id.clone(),
                            what: what.to_owned(),
                            before,
                            after,
                        });
                    }
                };
                edited(&m.text, before.text.clone(), item.text.clone());
                edited(&m.links, before.links.join(", "), item.links.join(", "));
                for group in asked.item_groups() {
                    let labels = |i: &Item| labels(group, new_or_empty(i.categories.get(group.id())));
                    edited(&group.title, labels(before), labels(item));
                }
                edited(
                    &m.note,
                    before.note.clone().unwrap_or_default(),
                    item.note.clone().unwrap_or_default(),
                );
                edited(
                    &m.status,
                    before.status.id().to_owned(),
                    item.status.id().to_owned(),
                );
                edited(&m.evidence, before.evidence.join("; "), item.evidence.join("; "));
            }
        }
    }
    for item in old.items.iter().filter(|i| find(&new.items, &i.id).is_none()) {
        changes.push(Change::ItemRemoved {
            id: item.id.clone(),
            text: item.text.clone(),
        });
    }

    for group in asked.block_groups() {
        let (before, after) = (old.chosen(group.id()), new.chosen(group.id()));
        let label = |id: &String| {
            group
                .options
                .iter()
                .find(|o| o.id() == id)
                .map_or(id.clone(), |o| o.label.clone())
        };
        for added in after.iter().filter(|c| !before.contains(c)) {
            changes.push(Change::ChoiceAdded {
                group: group.title.clone(),
                label: label(added),
            });
        }
        for removed in before.iter().filter(|c| !after.contains(c)) {
            changes.push(Change::ChoiceRemoved {
                group: group.title.clone(),
                label: label(removed),
            });
        }
    }

    let questions = old
        .answers
        .keys()
        .chain(new.answers.keys().filter(|k| !old.answers.contains_key(*k)));
    for question in questions {
        let before = old.answer(question).unwrap_or_default();
        let after = new.answer(question).unwrap_or_default();
        if before != after {
            let text = asked
                .question(question)
                .map_or(question.clone(), |q| q.text.clone());
            changes.push(Change::AnswerChanged {
                question: text,
                before: before.to_owned(),
                after: after.to_owned(),
            });
        }
    }
    changes
}

fn new_or_empty(chosen: Option<&Vec<String>>) -> &[String] {
    chosen.map_or(&[], Vec::as_slice)
}

fn labels(group: &crate::bank::Group, chosen: &[String]) -> String {
    chosen
        .iter()
        .map(|id| {
            group
                .options
                .iter()
                .find(|o| o.id() == id)
                .map_or(id.as_str(), |o| o.label.as_str())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The changes as text, or as Markdown for a session summary.
pub fn render(
    diff: &Diff,
    old: &Canvas,
    new: &Canvas,
    bank: &Bank,
    messages: &Messages,
    markdown: bool,
) -> String {
    let m = &messages.diff;
    let esc = |t: &str| if markdown { escape(t) } else { t.to_owned() };
    let empty = |t: &str| {
        if t.is_empty() {
            m.empty.clone()
        } else {
            format!("“{}”", esc(t))
        }
    };
    let mut out = String::new();
    let heading = fill(
        &m.heading,
        &[
            ("title", &esc(&new.meta.title)),
            ("from", &old.meta.iteration.to_string()),
            ("to", &new.meta.iteration.to_string()),
        ],
    );
    let score = fill(
        &m.score,
        &[
            ("before", &diff.score_before.to_string()),
            ("after", &diff.score_after.to_string()),
        ],
    );
    if markdown {
        let _ = writeln!(out, "# {heading}\n\n{score}\n");
    } else {
        let _ = writeln!(out, "{heading}\n{score}\n");
    }
    if diff.blocks.is_empty() {
        let _ = writeln!(out, "{}", m.no_changes);
        return out;
    }
    for (block, changes) in &diff.blocks {
        let title = esc(&bank.block(*block).title);
        if markdown {
            let _ = writeln!(out, "## {title}\n");
        } else {
            let _ = writeln!(out, "{title}");
        }
        for change in changes {
            let (sign, line) = match change {
                Change::ItemAdded { id, text } => (
                    '+',
                    fill(&m.item_added, &[("id", &esc(id)), ("text", &esc(text))]),
                ),
                Change::ItemRemoved { id, text } => (
                    '-',
                    fill(&m.item_removed, &[("id", &esc(id)), ("text", &esc(text))]),
                ),
                Change::ItemEdited {
                    id,
                    what,
                    before,
                    after,
                } => (
                    '~',
                    fill(
                        &m.item_edited,
                        &[
                            ("id", &esc(id)),
                            ("what", &esc(what)),
                            ("before", &empty(before)),
                            ("after", &empty(after)),
                        ],
                    ),
                ),
                Change::ChoiceAdded { group, label } => (
                    '+',
                    fill(&m.choice_added, &[("group", &esc(group)), ("label", &esc(label))]),
                ),
                Change::ChoiceRemoved { group, label } => (
                    '-',
                    fill(
                        &m.choice_removed,
                        &[("group", &esc(group)), ("label", &esc(label))],
                    ),
                ),
                Change::AnswerChanged {
                    question,
                    before,
                    after,
                } => (
                    '~',
                    fill(
                        &m.answer_changed,
                        &[
                            ("question", &esc(question)),
                            ("before", &empty(before)),
                            ("after", &empty(after)),
                        ],
                    ),
                ),
            };
            if markdown {
                // A sign would start a nested list; the words say it already.
                let _ = writeln!(out, "- {line}");
            } else {
                let _ = writeln!(out, "  {sign} {line}");
            }
        }
        out.push('\n');
    }
    out
}
