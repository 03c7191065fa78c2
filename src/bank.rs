//! Question banks: per block, the explanation, guiding questions and category choices the
//! interview asks. Banks are TOML data under `question-banks/`, embedded in the binary; another
//! bank can be loaded from a path. A bank is validated as a whole before any question is asked.

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use crate::block::BlockId;
use crate::error::{self, Invalid, Problem};

/// The banks shipped inside the binary: language code and TOML text.
pub const BUILTIN: &[(&str, &str)] = &[
    ("en", include_str!("../question-banks/en.toml")),
    ("de", include_str!("../question-banks/de.toml")),
    ("nl", include_str!("../question-banks/nl.toml")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Language code, written to a canvas's `meta.language`.
    pub language: String,
    /// The language's own name, for listings.
    pub name: String,
    /// In the recommended block order once validated.
    blocks: Vec<BankBlock>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankBlock {
    id: Spanned<String>,
    pub title: String,
    pub explanation: String,
    /// Asks for one item, e.g. "Add a customer segment".
    pub item_prompt: String,
    pub item_example: String,
    /// Asks which earlier items a new item serves; required where the block links.
    pub links_prompt: Option<String>,
    /// Facilitator notes and a timebox for coach mode.
    pub coach: Option<Coach>,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub groups: Vec<Group>,
}

/// What a facilitator needs at hand for a block.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coach {
    pub timebox_minutes: u32,
    /// What to listen for in the answers.
    pub listen_for: String,
    /// A typical trap.
    pub trap: String,
    /// A good example answer.
    pub example: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    id: Spanned<String>,
    pub text: String,
    pub hint: Option<String>,
}

/// A category group: one multi-select list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    id: Spanned<String>,
    pub title: String,
    /// Asked for each item rather than once for the block (a revenue stream's type).
    #[serde(default)]
    pub per_item: bool,
    pub options: Vec<Choice>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    id: Spanned<String>,
    pub label: String,
    pub description: String,
}

impl Bank {
    /// A built-in bank by language code.
    /// A built-in bank by language code, parsed once.
    pub fn builtin(language: &str) -> Option<&'static Bank> {
        static PARSED: [OnceLock<Bank>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let index = BUILTIN.iter().position(|(code, _)| *code == language)?;
        Some(PARSED[index].get_or_init(|| {
            let (code, text) = BUILTIN[index];
            let name = format!("<built-in {code} bank>");
            Bank::parse(Path::new(&name), text).expect("built-in banks are validated by tests")
        }))
    }

    /// Parses and validates a bank's text; `path` only names the file in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Bank, Invalid> {
        let mut bank: Bank = toml::from_str(text).map_err(|e| error::from_toml(path, text, &e))?;
        bank.validate(path, text)?;
        bank.blocks.sort_by_key(|b| b.block_id());
        Ok(bank)
    }

    pub fn block(&self, id: BlockId) -> &BankBlock {
        &self.blocks[id.index()]
    }

    fn validate(&self, path: &Path, text: &str) -> Result<(), Invalid> {
        let fail = |at: usize, problem: Problem| Err(Invalid::new(path, problem).at(text, at));
        for (field, value) in [("language", &self.language), ("name", &self.name)] {
            if value.trim().is_empty() {
                return Err(Invalid::new(
                    path,
                    Problem::new("empty_field").with("field", field),
                ));
            }
        }
        let mut seen = HashSet::new();
        for block in &self.blocks {
            let at = block.id.span().start;
            let Ok(id) = block.id().parse::<BlockId>() else {
                let known: Vec<&str> = BlockId::ALL.iter().map(|b| b.key()).collect();
                let problem = Problem::new("unknown_block")
                    .with("name", block.id())
                    .with("known", known.join(", "));
                return fail(at, problem);
            };
            if !seen.insert(id) {
                return fail(at, Problem::new("block_twice").with("block", id));
            }
            block.validate(id).or_else(|(at, problem)| fail(at, problem))?;
        }
        if let Some(missing) = BlockId::ALL.into_iter().find(|b| !seen.contains(b)) {
            return Err(Invalid::new(
                path,
                Problem::new("block_missing").with("block", missing),
            ));
        }
        Ok(())
    }
}

impl BankBlock {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    fn block_id(&self) -> BlockId {
        self.id().parse().expect("validated")
    }

    /// The groups asked once for the whole block.
    pub fn block_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| !g.per_item)
    }

    /// The groups asked for each item.
    pub fn item_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.per_item)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id() == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id() == id)
    }

    /// Checks ids and texts; on failure, the byte offset to point at and what is wrong.
    fn validate(&self, id: BlockId) -> Result<(), (usize, Problem)> {
        let at = self.id.span().start;
        let non_empty = |at: usize, field: &str, value: &str| {
            if value.trim().is_empty() {
                return Err((
                    at,
                    Problem::new("block_field_empty")
                        .with("block", id)
                        .with("field", field),
                ));
            }
            Ok(())
        };
        non_empty(at, "title", &self.title)?;
        non_empty(at, "explanation", &self.explanation)?;
        non_empty(at, "item_prompt", &self.item_prompt)?;
        if !id.link_targets().is_empty() && self.links_prompt.as_deref().is_none_or(|p| p.trim().is_empty()) {
            return Err((at, Problem::new("links_prompt_missing").with("block", id)));
        }
        if self.questions.is_empty() {
            return Err((at, Problem::new("no_questions").with("block", id)));
        }
        unique(id, "question", self.questions.iter().map(|q| &q.id))?;
        for question in &self.questions {
            non_empty(question.id.span().start, "text", &question.text)?;
        }
        unique(id, "group", self.groups.iter().map(|g| &g.id))?;
        for group in &self.groups {
            let at = group.id.span().start;
            non_empty(at, "title", &group.title)?;
            if group.options.is_empty() {
                return Err((
                    at,
                    Problem::new("group_without_options")
                        .with("block", id)
                        .with("group", group.id()),
                ));
            }
            unique(id, "option", group.options.iter().map(|o| &o.id))?;
            for option in &group.options {
                non_empty(option.id.span().start, "label", &option.label)?;
            }
        }
        Ok(())
    }
}

impl Question {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }
}

impl Group {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }
}

impl Choice {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }
}

/// Ids must be unique and snake_case, since every language's bank and every canvas share them.
fn unique<'a>(
    block: BlockId,
    kind: &'static str,
    ids: impl Iterator<Item = &'a Spanned<String>>,
) -> Result<(), (usize, Problem)> {
    let mut seen = HashSet::new();
    for id in ids {
        let at = id.span().start;
        let text = id.get_ref();
        let snake = text.starts_with(|c: char| c.is_ascii_lowercase())
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        let key = if !snake {
            "not_snake_case"
        } else if !seen.insert(text) {
            "duplicate_id"
        } else {
            continue;
        };
        return Err((
            at,
            Problem::new(key)
                .with("block", block)
                .with("kind", kind)
                .with("id", text),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> &'static str {
        BUILTIN[0].1
    }

    fn parse(text: &str) -> Result<Bank, Invalid> {
        Bank::parse(Path::new("bank.toml"), text)
    }

    #[test]
    fn every_builtin_bank_is_valid_and_in_block_order() {
        for (code, text) in BUILTIN {
            let bank = parse(text).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(bank.language, *code);
            for block in BlockId::ALL {
                assert_eq!(bank.block(block).id(), block.key());
            }
        }
    }

    /// Every id of a bank, in order, with whether a group is asked per item.
    fn shape(bank: &Bank) -> Vec<String> {
        let mut ids = Vec::new();
        for block in BlockId::ALL {
            let b = bank.block(block);
            ids.push(format!("{block} links:{}", b.links_prompt.is_some()));
            ids.extend(b.questions.iter().map(|q| format!("{block}.q.{}", q.id())));
            for g in &b.groups {
                ids.push(format!("{block}.g.{} per_item:{}", g.id(), g.per_item));
                ids.extend(
                    g.options
                        .iter()
                        .map(|o| format!("{block}.g.{}.{}", g.id(), o.id())),
                );
            }
        }
        ids
    }

    #[test]
    fn every_builtin_block_has_facilitator_notes_and_a_timebox() {
        for (code, _) in BUILTIN {
            let bank = Bank::builtin(code).unwrap();
            let total: u32 = BlockId::ALL
                .iter()
                .map(|&b| bank.block(b).coach.as_ref().unwrap().timebox_minutes)
                .sum();
            assert_eq!(total, 85, "{code}: the session plan adds up");
            for block in BlockId::ALL {
                let coach = bank.block(block).coach.as_ref().unwrap();
                assert!(coach.timebox_minutes > 0);
                for text in [&coach.listen_for, &coach.trap, &coach.example] {
                    assert!(!text.trim().is_empty(), "{code}: {block}");
                }
            }
        }
    }

    #[test]
    fn the_three_banks_share_every_id_and_word_every_one() {
        let english = shape(Bank::builtin("en").unwrap());
        for code in ["de", "nl"] {
            let bank = Bank::builtin(code).unwrap();
            assert_eq!(shape(bank), english, "{code} has the same ids in the same order");
            for block in BlockId::ALL {
                let (b, en) = (bank.block(block), Bank::builtin("en").unwrap().block(block));
                assert_ne!(b.title, en.title, "{code}: {block} is translated");
                for text in [&b.title, &b.explanation, &b.item_prompt, &b.item_example] {
                    assert!(!text.trim().is_empty(), "{code}: {block}");
                }
                for (q, en_q) in b.questions.iter().zip(&en.questions) {
                    assert!(!q.text.trim().is_empty());
                    assert_eq!(
                        q.hint.is_some(),
                        en_q.hint.is_some(),
                        "{code}: {block}.{} hint",
                        q.id()
                    );
                }
                for g in &b.groups {
                    assert!(!g.title.trim().is_empty());
                    for o in &g.options {
                        assert!(
                            !o.label.trim().is_empty() && !o.description.trim().is_empty(),
                            "{code}: {}",
                            o.id()
                        );
                    }
                }
            }
        }
        assert_eq!(
            Bank::builtin("de")
                .unwrap()
                .block(BlockId::CustomerSegments)
                .title,
            "Kundensegmente"
        );
        assert_eq!(
            Bank::builtin("nl")
                .unwrap()
                .block(BlockId::CustomerSegments)
                .title,
            "Klantsegmenten"
        );
        assert!(Bank::builtin("fr").is_none());
    }

    #[test]
    fn a_custom_bank_may_add_questions_and_options() {
        let text = english()
            .replacen(
                "[[blocks.questions]]\nid = \"most_important\"",
                "[[blocks.questions]]\nid = \"why_now\"\ntext = \"Why would they buy now?\"\n\n\
                 [[blocks.questions]]\nid = \"most_important\"",
                1,
            )
            .replacen(
                "[[blocks.groups.options]]\nid = \"niche_market\"",
                "[[blocks.groups.options]]\nid = \"local_market\"\nlabel = \"Local\"\ndescription = \"One town.\"\n\n\
                 [[blocks.groups.options]]\nid = \"niche_market\"",
                1,
            );
        let bank = parse(&text).unwrap();
        let cs = bank.block(BlockId::CustomerSegments);
        assert!(cs.question("why_now").is_some());
        assert!(
            cs.group("segment_type")
                .unwrap()
                .options
                .iter()
                .any(|o| o.id() == "local_market")
        );
    }

    #[test]
    fn english_bank_offers_every_category_of_the_canvas() {
        let bank = Bank::builtin("en").unwrap();
        let options = |block: BlockId, group: &str| -> Vec<String> {
            let group = bank
                .block(block)
                .group(group)
                .unwrap_or_else(|| panic!("{block}.{group}"));
            group.options.iter().map(|o| o.id().to_owned()).collect()
        };
        use BlockId::*;
        assert_eq!(
            options(CustomerSegments, "segment_type"),
            [
                "mass_market",
                "niche_market",
                "segmented",
                "diversified",
                "multi_sided_platform"
            ]
        );
        assert_eq!(options(ValuePropositions, "characteristics").len(), 11);
        assert_eq!(
            options(Channels, "phases"),
            ["awareness", "evaluation", "purchase", "delivery", "after_sales"]
        );
        assert_eq!(
            options(Channels, "channel_types"),
            ["owned", "direct", "indirect", "partner"]
        );
        assert_eq!(options(CustomerRelationships, "relationship_types").len(), 6);
        assert_eq!(options(RevenueStreams, "revenue_types").len(), 11);
        assert_eq!(options(RevenueStreams, "pricing").len(), 8);
        assert_eq!(
            options(KeyResources, "resource_types"),
            ["physical", "intellectual", "human", "financial"]
        );
        assert_eq!(options(KeyActivities, "activity_categories").len(), 3);
        assert_eq!(options(KeyPartners, "motivations").len(), 3);
        assert_eq!(options(KeyPartners, "partnership_types").len(), 4);
        assert_eq!(
            options(CostStructure, "orientation"),
            ["cost_driven", "value_driven"]
        );
        assert_eq!(options(CostStructure, "cost_characteristics").len(), 4);
    }

    #[test]
    fn a_missing_block_is_named() {
        let text = english().replace("id = \"key_partners\"", "id = \"key_partnerz\"");
        let e = parse(&text).unwrap_err();
        assert!(e.message().contains("unknown block 'key_partnerz'"), "{e}");
        assert!(e.position.is_some());

        let start = english().find("[[blocks]]\nid = \"cost_structure\"").unwrap();
        let e = parse(&english()[..start]).unwrap_err();
        assert_eq!(e.to_string(), "bank.toml: block cost_structure is missing");
    }

    #[test]
    fn duplicate_ids_are_refused_with_block_and_line() {
        let text = english().replacen("id = \"most_important\"", "id = \"who\"", 1);
        let e = parse(&text).unwrap_err();
        assert!(
            e.message()
                .contains("block customer_segments: duplicate question id 'who'"),
            "{e}"
        );
        let line = text[..text.find("id = \"who\"\ntext = \"Who are our most").unwrap()]
            .lines()
            .count()
            + 1;
        assert_eq!(e.position.map(|p| p.0), Some(line));

        let text = english().replacen("id = \"niche_market\"", "id = \"mass_market\"", 1);
        let e = parse(&text).unwrap_err();
        assert!(e.message().contains("duplicate option id 'mass_market'"), "{e}");
    }

    #[test]
    fn an_empty_group_is_refused() {
        let text = "language = \"en\"\nname = \"x\"\n[[blocks]]\nid = \"customer_segments\"\n\
                    title = \"t\"\nexplanation = \"e\"\nitem_prompt = \"p\"\nitem_example = \"x\"\n\
                    [[blocks.questions]]\nid = \"who\"\ntext = \"Who?\"\n\
                    [[blocks.groups]]\nid = \"segment_type\"\ntitle = \"Kind\"\noptions = []\n";
        let e = parse(text).unwrap_err();
        assert!(
            e.message()
                .contains("block customer_segments: group segment_type has no options"),
            "{e}"
        );
        assert_eq!(e.position.map(|p| p.0), Some(13));
    }

    #[test]
    fn unknown_keys_are_typos_not_silence() {
        let text = english().replacen("hint = ", "hnit = ", 1);
        let e = parse(&text).unwrap_err();
        assert!(e.message().contains("unknown field `hnit`"), "{e}");
    }
}
