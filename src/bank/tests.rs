//! Tests of the built-in banks and of bank validation.

use super::*;

fn english() -> &'static str {
    Language::En.files().bank
}

fn parse(text: &str) -> Result<Bank, Invalid> {
    Bank::parse(Path::new("bank.toml"), text)
}

#[test]
fn every_builtin_bank_is_valid_and_in_block_order() {
    for language in Language::ALL {
        let bank = parse(language.files().bank).unwrap_or_else(|e| panic!("{language:?}: {e}"));
        assert_eq!(bank.language, language.code());
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
        ids.extend(b.questions.iter().map(|q| {
            format!(
                "{block}.q.{} {:?} from {:?} explain:{}",
                q.id(),
                q.form,
                q.from,
                q.explain
            )
        }));
        for g in &b.groups {
            ids.push(format!("{block}.g.{} per_item:{}", g.id(), g.per_item));
            ids.extend(
                g.options
                    .iter()
                    .map(|o| format!("{block}.g.{}.{}", g.id(), o.id())),
            );
        }
    }
    // Every word list, filled, and the same blocks for items that read like another block's.
    for (key, list) in bank.words.lists() {
        ids.push(format!("words.{key} filled:{}", !list.is_empty()));
    }
    for m in &bank.words.misplaced {
        ids.push(format!(
            "words.misplaced {} -> {} filled:{}",
            m.found_in,
            m.belongs_in,
            !m.words.is_empty()
        ));
    }
    ids
}

#[test]
fn every_builtin_bank_fills_every_word_list() {
    for code in Language::ALL {
        let shape = shape(Bank::builtin(code));
        let words: Vec<&String> = shape.iter().filter(|s| s.starts_with("words.")).collect();
        assert_eq!(words.len(), 15 + 3, "{code:?}");
        assert!(
            words.iter().all(|w| w.ends_with("filled:true")),
            "{code:?}: {words:?}"
        );
    }
    let explained = shape(Bank::builtin(Language::En))
        .into_iter()
        .filter(|s| s.ends_with("explain:true"))
        .count();
    assert_eq!(explained, 3, "the questions that ask why or how");
}

#[test]
fn a_bank_without_word_lists_is_valid_and_a_wordless_entry_is_refused() {
    let english = english();
    let without = &english[..english.find("\n[words]").unwrap()];
    assert!(parse(without).unwrap().words.catch_all.is_empty());
    let wordless = english.replacen("catch_all = [\"everyone\"", "catch_all = [\"*\"", 1);
    let e = parse(&wordless).unwrap_err();
    assert!(e.to_string().contains("'*' is not a word"), "{e}");
    assert!(e.position.is_some(), "placed: {e}");
}

#[test]
fn every_builtin_block_has_facilitator_notes_and_a_timebox() {
    for code in Language::ALL {
        let bank = Bank::builtin(code);
        let total: u32 = BlockId::ALL
            .iter()
            .map(|&b| bank.block(b).coach.as_ref().unwrap().timebox_minutes)
            .sum();
        assert_eq!(total, 85, "{code:?}: the session plan adds up");
        for block in BlockId::ALL {
            let coach = bank.block(block).coach.as_ref().unwrap();
            assert!(coach.timebox_minutes > 0);
            for text in [&coach.listen_for, &coach.trap, &coach.example] {
                assert!(!text.trim().is_empty(), "{code:?}: {block}");
            }
        }
    }
}

#[test]
fn the_three_banks_share_every_id_and_word_every_one() {
    let english = shape(Bank::builtin(Language::En));
    for code in [Language::De, Language::Nl] {
        let bank = Bank::builtin(code);
        assert_eq!(
            shape(bank),
            english,
            "{code:?} has the same ids in the same order"
        );
        for block in BlockId::ALL {
            let (b, en) = (bank.block(block), Bank::builtin(Language::En).block(block));
            assert_ne!(b.title, en.title, "{code:?}: {block} is translated");
            for text in [&b.title, &b.explanation, &b.item_prompt, &b.item_example] {
                assert!(!text.trim().is_empty(), "{code:?}: {block}");
            }
            for (q, en_q) in b.questions.iter().zip(&en.questions) {
                assert!(!q.text.trim().is_empty());
                assert_eq!(
                    q.hint.is_some(),
                    en_q.hint.is_some(),
                    "{code:?}: {block}.{} hint",
                    q.id()
                );
            }
            for g in &b.groups {
                assert!(!g.title.trim().is_empty());
                for o in &g.options {
                    assert!(
                        !o.label.trim().is_empty() && !o.description.trim().is_empty(),
                        "{code:?}: {}",
                        o.id()
                    );
                }
            }
        }
    }
    assert_eq!(
        Bank::builtin(Language::De).block(BlockId::CustomerSegments).title,
        "Kundensegmente"
    );
    assert_eq!(
        Bank::builtin(Language::Nl).block(BlockId::CustomerSegments).title,
        "Klantsegmenten"
    );
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
    let bank = Bank::builtin(Language::En);
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
    assert!(e.to_string().contains("unknown block 'key_partnerz'"), "{e}");
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
        e.to_string()
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
    assert!(e.to_string().contains("duplicate option id 'mass_market'"), "{e}");
}

#[test]
fn an_empty_group_is_refused() {
    let text = "language = \"en\"\nname = \"x\"\n[[blocks]]\nid = \"customer_segments\"\n\
                title = \"t\"\nexplanation = \"e\"\nitem_prompt = \"p\"\nitem_example = \"x\"\n\
                [[blocks.questions]]\nid = \"who\"\ntext = \"Who?\"\n\
                [[blocks.groups]]\nid = \"segment_type\"\ntitle = \"Kind\"\noptions = []\n";
    let e = parse(text).unwrap_err();
    assert!(
        e.to_string()
            .contains("block customer_segments: group segment_type has no options"),
        "{e}"
    );
    assert_eq!(e.position.map(|p| p.0), Some(13));
}

#[test]
fn unknown_keys_are_typos_not_silence() {
    let text = english().replacen("hint = ", "hnit = ", 1);
    let e = parse(&text).unwrap_err();
    assert!(e.to_string().contains("unknown field `hnit`"), "{e}");
}

#[test]
fn answer_forms_are_refused_where_they_cannot_be_answered() {
    let twice = english().replacen(
        "id = \"most_important\"\ntext = \"Who are our most important customers?\"",
        "id = \"most_important\"\ntext = \"Who are our most important customers?\"\nform = \"items\"",
        1,
    );
    let e = parse(&twice.replacen("form = \"pick\"\n", "", 1)).unwrap_err();
    assert!(
        e.to_string()
            .contains("only one question may have `form = \"items\"`"),
        "{e}"
    );
    let later = english().replacen("form = \"pick\"\n", "form = \"pick\"\nfrom = \"channels\"\n", 1);
    let e = parse(&later).unwrap_err();
    assert!(e.to_string().contains("question most_important: `from`"), "{e}");
    let links = english().replacen("from = \"value_propositions\"", "from = \"key_partners\"", 1);
    assert!(
        parse(&links)
            .unwrap_err()
            .to_string()
            .contains("for_value_propositions")
    );
}
