//! Whole walks through the blocks: order, saving part-way, going back and redoing.

use super::*;
use crate::bank::Form;

#[test]
fn a_full_walk_asks_everything_in_block_order_and_fills_the_canvas() {
    let s = Setup::new();
    let mut canvas = Canvas::default();
    let (outcome, prompter) = run(&s, &mut canvas, full_walk(&s));
    assert_eq!(outcome.unwrap(), Outcome::Finished);
    assert!(prompter.is_done());
    // Four details, then each question once, one status pick per block and three checks.
    assert_eq!(prompter.prompts(), 68, "one prompt per answer, none asked twice");

    assert_eq!(canvas.meta.title, "Brew Box");
    assert_eq!(canvas.meta.designed_for, "Brew Box GmbH");
    assert_eq!(canvas.meta.date, "2026-11-23", "today is the default");
    assert_eq!(canvas.meta.iteration, 1);
    assert_eq!(canvas.meta.language, "en");
    assert_every_question_answered_and_first_option_ticked(&s, &canvas);
    assert_ids_and_links(&canvas);
    assert_progress_and_question_order(&prompter);
}

/// The details, then every block in order with its items and the links ticked for them.
fn full_walk(s: &Setup) -> Vec<Answer> {
    let mut script = details();
    let items: [&[ScriptedItem]; 9] = [
        &[("Remote workers", None), ("Small offices", None)],
        &[("Fresh beans weekly", Some(&[0, 1]))],
        &[("Web shop", Some(&[1]))],
        &[("Self-service account", Some(&[0]))],
        &[("Subscription", Some(&[]))],
        &[("Roastery", Some(&[0]))],
        &[("Roasting", Some(&[0, 1]))],
        &[("Importer", Some(&[1]))],
        &[("Green coffee", Some(&[2]))],
    ];
    for (block, items) in BlockId::ALL.into_iter().zip(items) {
        script.extend(s.block(block, items));
        // The coach's check where the block has new gaps: go on.
        if matches!(
            block,
            BlockId::Channels
                | BlockId::CustomerRelationships
                | BlockId::RevenueStreams
                | BlockId::CostStructure
        ) {
            script.push(Enter);
        }
    }
    script
}

/// Block-wide groups hold their first option; item groups hold it on the first item only.
fn assert_every_question_answered_and_first_option_ticked(s: &Setup, canvas: &Canvas) {
    for block in BlockId::ALL {
        let asked = s.bank.block(block);
        let in_words = asked.questions.iter().filter(|q| q.form == Form::Text).count();
        assert_eq!(canvas.block(block).answers.len(), in_words, "{block}");
        for group in asked.block_groups() {
            assert_eq!(canvas.block(block).chosen(group.id()), [group.options[0].id()]);
        }
        for group in asked.item_groups() {
            let item = &canvas.block(block).items[0];
            assert_eq!(item.categories[group.id()], [group.options[0].id()], "{block}");
            assert!(canvas.block(block).chosen(group.id()).is_empty());
        }
    }
}

/// Items are numbered within their block and link to what was ticked for them.
fn assert_ids_and_links(canvas: &Canvas) {
    use BlockId::*;
    let ids_links = |block: BlockId| -> Vec<(String, Vec<String>)> {
        canvas
            .block(block)
            .items
            .iter()
            .map(|i| (i.id.clone(), i.links.clone()))
            .collect()
    };
    let s_ = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        ids_links(CustomerSegments),
        [("cs1".into(), vec![]), ("cs2".into(), vec![])]
    );
    assert_eq!(
        ids_links(ValuePropositions),
        [("vp1".into(), s_(&["cs1", "cs2"]))]
    );
    assert_eq!(ids_links(Channels), [("ch1".into(), s_(&["cs2"]))]);
    assert_eq!(ids_links(RevenueStreams), [("rs1".into(), vec![])]);
    // Resources and activities choose among value propositions, channels and relationships.
    assert_eq!(ids_links(KeyActivities), [("ka1".into(), s_(&["vp1", "ch1"]))]);
    assert_eq!(ids_links(KeyPartners), [("kp1".into(), s_(&["ka1"]))]);
    assert_eq!(ids_links(CostStructure), [("co1".into(), s_(&["kp1"]))]);
}

/// One progress line a block, and the first block's question before the last block's.
fn assert_progress_and_question_order(prompter: &ScriptedPrompter) {
    let progress: Vec<&String> = prompter
        .transcript
        .iter()
        .filter(|l| l.starts_with('['))
        .collect();
    assert_eq!(progress.len(), 9);
    assert_eq!(progress[2], "[3/9] block 3/9 · Channels");
    let first_question = prompter
        .transcript
        .iter()
        .position(|l| l == "? For whom are we creating value?");
    let last_question = prompter
        .transcript
        .iter()
        .position(|l| l == "? Which key activities are the most expensive?");
    assert!(first_question < last_question);
}

#[test]
fn esc_at_a_blocks_first_question_offers_save_and_quit_and_marks_the_next_block() {
    let s = Setup::new();
    let mut script = details();
    script.extend(s.block(BlockId::CustomerSegments, &[("Remote workers", None)]));
    script.extend([Back, Choose("Save and quit")]); // Esc at the value propositions' first question
    let mut canvas = Canvas::default();
    let plan = Plan::of(BlockId::ALL.to_vec(), Details::All);
    let (outcome, prompter, checkpoints) = s.run_with_checkpoints(&mut canvas, &plan, script);
    assert_eq!(outcome.unwrap(), Outcome::Paused);
    assert!(prompter.is_done());
    assert_eq!(
        checkpoints,
        [0, 1, 1],
        "after the details, after the block, and the pause"
    );
    assert_eq!(canvas.block(BlockId::CustomerSegments).items.len(), 1);
    assert!(canvas.block(BlockId::ValuePropositions).is_empty());
}

#[test]
fn going_back_to_a_block_and_on_does_not_walk_finished_blocks_again() {
    let s = Setup::new();
    let mut script = details();
    let segments: [ScriptedItem; 2] = [("Remote workers", None), ("Offices", None)];
    script.extend(s.block(BlockId::CustomerSegments, &segments));
    script.extend(s.block(BlockId::ValuePropositions, &[("Fresh beans", Some(&[0, 1]))]));
    // Esc at the channels' first question, then to the segments.
    script.extend([Back, Choose("Go to block"), Choose("Customer Segments")]);
    script.extend(s.keep_answers(BlockId::CustomerSegments));
    let mut canvas = Canvas::default();
    let plan = Plan::of(BlockId::ALL.to_vec(), Details::All);
    let (outcome, prompter, _) = s.run_with_checkpoints(&mut canvas, &plan, script);
    // The script ends where the walk asks next: the channels, not the value propositions.
    assert_eq!(outcome.unwrap_err().kind(), io::ErrorKind::UnexpectedEof);
    let last = prompter
        .transcript
        .iter()
        .rev()
        .find(|l| l.starts_with("? "))
        .unwrap();
    assert_eq!(
        last,
        "? Through which channels do our customer segments want to be reached?"
    );
}

#[test]
fn esc_inside_a_block_goes_back_one_question_and_keeps_the_lines() {
    let s = Setup::new();
    let mut canvas = Canvas::default();
    let script = vec![
        Lines(&["Commuters", "Students"]),
        Ticks(&[1]), // tested: Students
        Back,        // how did it go? Esc keeps it an assumption
        Back,        // at the most important customers: back to the tested pick
        Back,        // and back to the lines, as they were
        Keep,
        Ticks(&[]),
        Ticks(&[0]),
        Ticks(&[2]),
    ];
    let prompter = s.revise_block(&mut canvas, BlockId::CustomerSegments, script);
    assert!(prompter.is_done());
    let cs = canvas.block(BlockId::CustomerSegments);
    let ids: Vec<&str> = cs.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["cs1", "cs2"], "kept lines keep their items");
    assert_eq!(cs.picked("most_important"), ["cs1"]);
    assert_eq!(cs.chosen("segment_type"), ["segmented"]);
}

#[test]
fn existing_items_can_be_edited_relinked_removed_and_added_to_keeping_their_ids() {
    let s = Setup::new();
    let mut canvas = brew_box();
    let plan = Plan::of(vec![BlockId::Channels], Details::Skip);
    let (outcome, prompter, checkpoints) = s.run_with_checkpoints(&mut canvas, &plan, revise_channels(&s));
    assert_eq!(outcome.unwrap(), Outcome::Finished);
    assert!(prompter.is_done());
    assert_eq!(
        checkpoints,
        [1],
        "one checkpoint after the block; details were skipped"
    );
    assert_eq!(
        ids_texts_links(&canvas, BlockId::Channels),
        [
            ("ch1", "Web shop with subscriptions", vec!["cs2"]),
            ("ch2", "Instagram reels and stories", vec!["cs1"]),
            ("ch4", "Podcast sponsoring", vec!["cs1"]),
        ]
    );
    assert_eq!(
        canvas.meta.last_ids[&BlockId::Channels],
        3,
        "ch3 was removed, its id retired"
    );
    let ch1 = &canvas.block(BlockId::Channels).items[0];
    // Kept choices keep their place, new ones follow.
    assert_eq!(ch1.categories["phases"], ["after_sales", "awareness"]);
    assert_eq!(ch1.note.as_deref(), Some("Where every order ends up"));
    assert_eq!(
        canvas.block(BlockId::Channels).items[2].categories["phases"],
        ["awareness"]
    );
    // Links from other blocks to the edited and re-linked channels still hold.
    assert_eq!(canvas.block(BlockId::KeyResources).items[2].links, ["ch1", "cr1"]);
}

/// Keeps the channels' answers; edits ch2's text, re-links, re-categorises and annotates ch1,
/// removes ch3 and adds a podcast, then finishes.
fn revise_channels(s: &Setup) -> Vec<Answer> {
    let keep = s.keep_answers(BlockId::Channels);
    let mut script = keep[..1].to_vec(); // the question before the items
    script.extend([
        Choose("(ch2)"),         // ch2, Instagram reels
        Choose("Edit its text"), // edit
        Text("Instagram reels and stories"),
        Choose("(ch1)"),                   // ch1, web shop
        Choose("Change what it links to"), // change links
        Ticks(&[1]),
        Choose("(ch1)"),                 // ch1 again
        Choose("Change its categories"), // change its categories: the phases it covers
        Ticks(&[0, 4]),
        Choose("(ch1)"),              // ch1 again
        Choose("Write a note on it"), // write a note
        Text("Where every order ends up"),
        Choose("(ch3)"),         // ch3, referral code
        Choose("Remove it"),     // remove
        Choose("Add new items"), // add new items
        Lines(&["Podcast sponsoring"]),
        Ticks(&[0]),
        Ticks(&[0]),
        Ticks(&[0]),        // tested
        Choose("testing:"), // testing
    ]);
    script.extend(keep[1..].iter().cloned()); // done with the items, the rest kept
    script.push(Enter); // the coach's check names the phases no channel covers now: go on
    script
}

/// Each item of `block` as its id, text and links.
fn ids_texts_links(canvas: &Canvas, block: BlockId) -> Vec<(&str, &str, Vec<&str>)> {
    canvas
        .block(block)
        .items
        .iter()
        .map(|i| {
            (
                i.id.as_str(),
                i.text.as_str(),
                i.links.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn removing_an_item_drops_the_links_that_pointed_at_it() {
    let s = Setup::new();
    let mut canvas = brew_box();
    let mut script = vec![Choose("(cr1)"), Choose("Remove it")];
    script.extend(s.keep_answers(BlockId::CustomerRelationships)); // done with the items, the rest kept
    assert!(
        s.revise_block(&mut canvas, BlockId::CustomerRelationships, script)
            .is_done()
    );
    assert!(!canvas.item_index().contains_key("cr1"));
    assert_eq!(
        canvas.block(BlockId::KeyResources).items[2].links,
        ["ch1"],
        "kr3 linked cr1"
    );
}
