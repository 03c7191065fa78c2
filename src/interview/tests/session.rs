//! Sessions on a file: minimal rewrites, chosen blocks, drafts.

use super::*;

#[test]
fn changing_one_answer_keeps_every_other_byte_but_iteration_date_and_report() {
    let f = Fixture::new().with_example();
    let before = fs::read_to_string(f.path()).unwrap();
    let asked = f.bank.block(BlockId::Channels);
    let mut script = f.keep_block(BlockId::Channels);
    let at = asked
        .questions
        .iter()
        .position(|q| q.id() == "integration")
        .unwrap();
    script[at] = Text("Referral codes first, then Instagram.");
    let (result, prompter) = f.run(Some(vec![BlockId::Channels]), script);
    assert!(matches!(
        result.unwrap().0,
        Ending::Saved {
            paused: false,
            backup: Some(_),
            ..
        }
    ));
    assert!(prompter.is_done());

    let after = fs::read_to_string(f.path()).unwrap();
    let (canvas_part, report_part) = after.split_once("\n# Written by canvas-coach").unwrap();
    assert!(
        report_part.contains("[gap_report]\nscore = 100\n"),
        "{report_part}"
    );
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = canvas_part.lines().collect();
    assert_eq!(old.len(), new.len());
    let changed: Vec<(&str, &str)> = old
        .iter()
        .zip(&new)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    assert_eq!(
        changed,
        [
            ("date = \"2026-11-23\"", "date = \"2026-12-01\""),
            ("iteration = 3", "iteration = 4"),
            (
                "integration = \"Every post and newsletter links to the web shop; the box carries the referral code back into the shop.\"",
                "integration = \"Referral codes first, then Instagram.\""
            ),
        ]
    );
    assert_eq!(
        fs::read_to_string(backup_path(&f.path())).unwrap(),
        before,
        "the previous version is kept"
    );
    assert_eq!(f.files(), ["brew-box.toml", "brew-box.toml.bak"], "no draft left");
}

#[test]
fn revising_without_changes_writes_nothing() {
    let f = Fixture::new().with_example();
    let before = fs::read_to_string(f.path()).unwrap();
    let mut script = vec![Choose("Revise every block"), Keep, Keep, Keep]; // revise every block; names kept
    for block in BlockId::ALL {
        script.extend(f.keep_block(block)); // nothing new: no coach's check
    }
    let (result, prompter) = f.run(None, script);
    let ending = result
        .unwrap_or_else(|e| panic!("{e}\n{:#?}", prompter.transcript))
        .0;
    assert!(matches!(ending, Ending::Unchanged));
    assert!(prompter.is_done());
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l.contains("Revising Brew Box, iteration 3"))
    );
    assert_eq!(fs::read_to_string(f.path()).unwrap(), before);
    assert_eq!(f.files(), ["brew-box.toml"]);
}

#[test]
fn enter_keeps_values_with_spaces_and_line_ends_exactly_so_nothing_changes() {
    let f = Fixture::new().with_example();
    let text = fs::read_to_string(f.path())
        .unwrap()
        .replace("title = \"Brew Box\"", "title = \"Brew Box \"")
        .replace("designed_by = \"Ana Ruiz\"", "designed_by = \"  Ana Ruiz\"")
        .replace("premium for freshness.\"", "premium for freshness.\\n\"")
        .replace(
            "text = \"Small offices without a coffee service\"",
            "text = \"Small offices without a coffee service \"\nnote = \" asked twice\\n\"",
        );
    fs::write(f.path(), &text).unwrap();
    let mut script = vec![Choose("Revise every block"), Keep, Keep, Keep];
    for block in BlockId::ALL {
        let mut kept = f.keep_block(block);
        if block == BlockId::CustomerSegments {
            // The item menu stands where the block's items question is asked.
            let menu = kept
                .iter()
                .position(|a| matches!(a, Choose("Done with the items")))
                .unwrap();
            let edits = [Choose("(cs2)"), Choose("Edit its text"), Keep];
            let notes = [Choose("(cs2)"), Choose("Write a note on it"), Keep];
            kept.splice(menu..menu, edits.into_iter().chain(notes));
        }
        script.extend(kept); // nothing new: no coach's check
    }
    let (result, prompter) = f.run(None, script);
    let ending = result
        .unwrap_or_else(|e| panic!("{e}\n{:#?}", prompter.transcript))
        .0;
    assert!(matches!(ending, Ending::Unchanged));
    assert!(prompter.is_done());
    assert_eq!(fs::read_to_string(f.path()).unwrap(), text);
}

#[test]
fn chosen_blocks_are_the_ones_with_gaps_unless_changed_and_report_only_writes_nothing() {
    let f = Fixture::new().with_half_finished();
    // Revise chosen blocks; take the suggested ones as they are, then save and quit at once.
    let (result, prompter) = f.run(None, vec![Choose("Revise chosen blocks"), KeepTicks]);
    assert!(result.is_err(), "the script ends inside the first chosen block");
    let choose = prompter
        .transcript
        .iter()
        .position(|l| l.starts_with("? Which blocks?"))
        .unwrap();
    assert_eq!(
        prompter.transcript[choose + 1],
        "[1/9] block 1/9 · Customer Segments",
        "all nine have gaps"
    );

    let before = fs::read_to_string(f.path()).unwrap();
    fs::remove_file(draft_path(&f.path())).ok();
    let (result, _) = f.run(None, vec![Choose("Just show the gap report")]);
    assert!(matches!(result.unwrap().0, Ending::ReportOnly));
    assert_eq!(fs::read_to_string(f.path()).unwrap(), before);
    assert_eq!(f.files(), ["brew-box.toml"]);
}

#[test]
fn an_interrupted_interview_resumes_from_its_draft_with_every_finished_block() {
    let f = Fixture::new();
    interrupt_a_new_interview_in_the_third_block(&f);

    // Resume: the two finished blocks are there; go on from Channels to the end.
    let mut script = vec![Choose("Resume where it stopped")];
    for block in &BlockId::ALL[2..] {
        script.extend(f.new_block(*block, "note"));
        script.extend(f.check_after(*block));
    }
    let (result, prompter) = f.run(None, script);
    let (ending, canvas) = result.unwrap();
    assert!(matches!(
        ending,
        Ending::Saved {
            paused: false,
            backup: None,
            ..
        }
    ));
    assert!(prompter.is_done());
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l.contains("interrupted after 2 of 9 blocks"))
    );
    assert_eq!(
        prompter.transcript.iter().filter(|l| l.starts_with('[')).count(),
        7
    );
    let written = crate::file::parse_canvas(&f.path(), &fs::read_to_string(f.path()).unwrap()).unwrap();
    assert_eq!(written, canvas);
    assert_eq!(written.meta.title, "Brew Box");
    assert_eq!(
        written.meta.iteration, 1,
        "a new canvas keeps the iteration it was given"
    );
    assert_eq!(
        written.block(BlockId::CustomerSegments).items[0].text,
        "Remote workers"
    );
    assert_eq!(written.block(BlockId::ValuePropositions).items[0].links, ["cs1"]);
    assert_eq!(written.block(BlockId::CostStructure).items.len(), 1);
    assert_eq!(
        f.files(),
        ["brew-box.toml"],
        "the draft is gone once the interview is finished"
    );
}

/// A new canvas with two finished blocks; the terminal closes in the middle of the third.
fn interrupt_a_new_interview_in_the_third_block(f: &Fixture) {
    let mut script = vec![Text("Brew Box"), Text(""), Text(""), Keep];
    script.extend(f.new_block(BlockId::CustomerSegments, "Remote workers"));
    script.extend(f.new_block(BlockId::ValuePropositions, "Fresh beans"));
    script.push(Text("half an answer, then the terminal closes"));
    let (result, _) = f.run(None, script);
    assert!(matches!(result, Err(Error::Prompt(_))));
    assert_eq!(
        f.files(),
        ["brew-box.toml.draft"],
        "the canvas is not written, the draft is"
    );
}

#[test]
fn a_discarded_draft_starts_over_and_save_and_quit_can_be_resumed() {
    let f = Fixture::new();
    let mut first = vec![Text("Lunch Loop"), Text(""), Text(""), Keep];
    first.extend(f.new_block(BlockId::CustomerSegments, "Office workers"));
    first.extend([Back, Choose("Save and quit")]); // Esc at the value propositions
    let (result, _) = f.run(None, first);
    assert!(matches!(
        result.unwrap().0,
        Ending::Saved {
            paused: true,
            backup: None,
            ..
        }
    ));
    assert_eq!(f.files(), ["brew-box.toml", "brew-box.toml.draft"]);

    let draft = fs::read_to_string(draft_path(&f.path())).unwrap();
    assert!(draft.contains("[draft]\nblocks = ["), "{draft}");
    assert!(
        draft.contains("\nnext = 1\n"),
        "resumes at value propositions: {draft}"
    );

    // Discarding the draft turns the next run into a revision of the saved canvas.
    let (result, prompter) = f.run(
        None,
        vec![
            Choose("Discard it and start again"),
            Choose("Just show the gap report"),
        ],
    );
    assert!(matches!(result.unwrap().0, Ending::ReportOnly));
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l.contains("Revising Lunch Loop, iteration 1"))
    );
    assert_eq!(f.files(), ["brew-box.toml"]);
}
