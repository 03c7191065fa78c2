//! What changed between two iterations of a canvas, block by block: items added, removed and
//! edited (matched by id), choices and answers changed; tests added, removed or moved on and
//! learnings recorded; and the score before and after.

use std::collections::HashMap;

use crate::bank::{Bank, BankBlock};
use crate::gaps::GapReport;
use crate::i18n::Messages;
use crate::model::{Block, BlockId, Canvas, Item, Learning, TestState};

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

/// A change to the test cards, worded where it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum CardChange {
    TestAdded {
        id: String,
        hypothesis: String,
    },
    TestRemoved {
        id: String,
        hypothesis: String,
    },
    TestMoved {
        id: String,
        before: TestState,
        after: TestState,
    },
    LearningAdded(Learning),
}

pub struct Diff {
    pub blocks: Vec<(BlockId, Vec<Change>)>,
    /// Tests and learnings, which belong to no block.
    pub cards: Vec<CardChange>,
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
        cards: card_changes(old, new),
        score_before: GapReport::new(old, bank, messages).score,
        score_after: GapReport::new(new, bank, messages).score,
    }
}

fn block_changes(bank: &Bank, id: BlockId, old: &Block, new: &Block, messages: &Messages) -> Vec<Change> {
    let asked = bank.block(id);
    let mut changes = item_changes(asked, old, new, messages);
    for group in asked.block_groups() {
        let (before, after) = (old.chosen(group.id()), new.chosen(group.id()));
        for added in after.iter().filter(|c| !before.contains(c)) {
            changes.push(Change::ChoiceAdded {
                group: group.title.clone(),
                label: group.label(added).to_owned(),
            });
        }
        for removed in before.iter().filter(|c| !after.contains(c)) {
            changes.push(Change::ChoiceRemoved {
                group: group.title.clone(),
                label: group.label(removed).to_owned(),
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
            let text = asked.question(question).map_or(question.as_str(), |q| &q.text);
            changes.push(Change::AnswerChanged {
                question: text.to_owned(),
                before: before.to_owned(),
                after: after.to_owned(),
            });
        }
    }
    for question in asked.questions.iter().map(|q| q.id()) {
        let (before, after) = (old.picked(question).join(", "), new.picked(question).join(", "));
        if before != after {
            let text = asked.question(question).map_or(question, |q| &q.text);
            changes.push(Change::AnswerChanged {
                question: text.to_owned(),
                before,
                after,
            });
        }
    }
    changes
}

/// Tests added, removed and moved to another state, matched by id; learnings recorded since.
fn card_changes(old: &Canvas, new: &Canvas) -> Vec<CardChange> {
    let mut changes = Vec::new();
    for test in &new.tests {
        match old.test(&test.id) {
            None => changes.push(CardChange::TestAdded {
                id: test.id.clone(),
                hypothesis: test.hypothesis.clone(),
            }),
            Some(before) if before.state != test.state => changes.push(CardChange::TestMoved {
                id: test.id.clone(),
                before: before.state,
                after: test.state,
            }),
            Some(_) => {}
        }
    }
    for test in old.tests.iter().filter(|t| new.test(&t.id).is_none()) {
        changes.push(CardChange::TestRemoved {
            id: test.id.clone(),
            hypothesis: test.hypothesis.clone(),
        });
    }
    // Learnings are appended, never edited in place by the commands: the new ones are those
    // the old canvas does not have.
    let learnt = new.learnings.iter().filter(|l| !old.learnings.contains(l));
    changes.extend(learnt.cloned().map(CardChange::LearningAdded));
    changes
}

/// Items added, edited and removed, matched by id.
fn item_changes(asked: &BankBlock, old: &Block, new: &Block, messages: &Messages) -> Vec<Change> {
    let m = &messages.diff;
    let mut changes = Vec::new();
    let index = |items: &[Item]| -> HashMap<String, usize> {
        items.iter().enumerate().map(|(n, i)| (i.id.clone(), n)).collect()
    };
    let (old_index, new_index) = (index(&old.items), index(&new.items));
    for item in &new.items {
        let Some(&n) = old_index.get(&item.id) else {
            changes.push(Change::ItemAdded {
                id: item.id.clone(),
                text: item.text.clone(),
            });
            continue;
        };
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
            let labels = |i: &Item| group.labels(i.categories.get(group.id()).map_or(&[], Vec::as_slice));
            edited(&group.title, labels(before), labels(item));
        }
        let note = |i: &Item| i.note.clone().unwrap_or_default();
        edited(&m.note, note(before), note(item));
        edited(
            &m.status,
            before.status.id().to_owned(),
            item.status.id().to_owned(),
        );
        // With its strength, so a piece rated anew shows as changed.
        let evidence = |i: &Item| {
            let rated = i
                .evidence
                .iter()
                .map(|e| match messages.cards.strength_mark(e.strength) {
                    Some(mark) => format!("{} ({mark})", e.text),
                    None => e.text.clone(),
                });
            rated.collect::<Vec<_>>().join("; ")
        };
        edited(&m.evidence, evidence(before), evidence(item));
    }
    for item in old.items.iter().filter(|i| !new_index.contains_key(&i.id)) {
        changes.push(Change::ItemRemoved {
            id: item.id.clone(),
            text: item.text.clone(),
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::i18n::Language;

    #[test]
    fn a_removed_item_and_a_new_one_are_a_removal_and_an_addition() {
        let old = crate::file::parse_canvas(
            std::path::Path::new("brew-box.toml"),
            include_str!("../../examples/brew-box.toml"),
        )
        .unwrap();
        let mut new = old.clone();
        let cr = BlockId::CustomerRelationships;
        let last = new.block(cr).items.last().unwrap().clone();
        new.remove_items(cr, &HashSet::from([last.id.clone()]));
        let id = new.next_item_id(cr);
        assert_ne!(id, last.id);
        new.block_mut(cr)
            .items
            .push(Item::new(id.clone(), "Tasting club", vec![]));
        let (bank, messages) = (Bank::builtin(Language::En), Messages::get(Language::En));
        let diff = compare(&old, &new, bank, messages);
        let changes = &diff.blocks.iter().find(|(b, _)| *b == cr).unwrap().1;
        assert!(changes.contains(&Change::ItemAdded {
            id,
            text: "Tasting club".into()
        }));
        assert!(changes.contains(&Change::ItemRemoved {
            id: last.id,
            text: last.text
        }));
    }
}
