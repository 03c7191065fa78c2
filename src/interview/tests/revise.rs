//! Revising what a canvas holds: picks, details, cleared answers, coach mode and evidence.

use super::*;
use crate::interview::steps::Asked;
use crate::model::Item;

#[test]
fn picks_keep_their_order_and_what_was_not_offered() {
    let current = ["b".to_owned(), "foreign".to_owned(), "a".to_owned()];
    let offered = ["a", "b", "c"];
    assert_eq!(
        merge_picks(&current, &offered, &["a", "b"]),
        ["b", "foreign", "a"]
    );
    assert_eq!(
        merge_picks(&current, &offered, &["a", "c"]),
        ["foreign", "a", "c"]
    );
    assert_eq!(merge_picks(&[], &offered, &["c", "a"]), ["c", "a"]);
}

#[test]
fn details_are_asked_again_until_they_are_valid() {
    let s = Setup::new();
    let script = vec![
        Text("  "),
        Text("Brew Box"),
        Text(""),
        Text(""),
        Text("11/23/2026"),
        Text("2026-02-30"),
        Text("28.02.2026"),
    ];
    let mut canvas = Canvas::default();
    let (outcome, prompter) = run(&s, &mut canvas, script);
    let error = outcome.unwrap_err();
    assert_eq!(
        error.kind(),
        io::ErrorKind::UnexpectedEof,
        "the script ends at the first block"
    );
    assert_eq!(canvas.meta.title, "Brew Box");
    assert_eq!(
        canvas.meta.date, "2026-02-28",
        "a German date is stored as the file writes it"
    );
    assert_eq!(canvas.meta.iteration, 1, "a new canvas is iteration 1, not asked");
    let notes = |m: &str| prompter.transcript.iter().filter(|l| l.contains(m)).count();
    assert_eq!(notes("A title tells"), 1);
    assert_eq!(notes("YYYY-MM-DD (2026-11-23) or DD.MM.YYYY"), 2);
    assert_eq!(notes("? Iteration"), 0);
}

#[test]
fn clearing_an_answer_or_all_ticks_removes_it_and_foreign_choices_survive() {
    let s = Setup::new();
    let mut canvas = Canvas::default();
    canvas.meta.title = "Kept".into();
    let ch = canvas.block_mut(BlockId::Channels);
    ch.answers.insert("preferred_reach".into(), "Instagram".into());
    ch.answers.insert("integration".into(), "Shop first".into());
    ch.categories.insert(
        "channel_types".into(),
        vec!["owned".into(), "from_my_bank".into()],
    );
    let mut script = vec![Keep, Keep, Keep, Keep];
    // Preferred reach cleared, no items, integration kept, routines left empty, no ticks.
    script.extend([Text(""), Keep, Keep, Text(""), Ticks(&[])]);
    script.push(Choose("Save and quit")); // the coach's check
    let plan = Plan::of(vec![BlockId::Channels], Details::All);
    let (outcome, prompter, _) = s.run_with_checkpoints(&mut canvas, &plan, script);
    assert_eq!(outcome.unwrap(), Outcome::Paused);
    assert!(prompter.is_done());
    let ch = canvas.block(BlockId::Channels);
    assert_eq!(ch.answers.keys().collect::<Vec<_>>(), ["integration"]);
    assert_eq!(ch.chosen("channel_types"), ["from_my_bank"]);
    assert_eq!(canvas.meta.title, "Kept");
}

/// A clock that moves on by a given number of seconds each time it is read.
struct SteppingClock {
    now: std::cell::Cell<u64>,
    steps: std::cell::RefCell<Vec<u64>>,
}

impl Clock for SteppingClock {
    fn seconds(&self) -> u64 {
        let step = self.steps.borrow_mut().pop().unwrap_or(0);
        self.now.set(self.now.get() + step);
        self.now.get()
    }
}

#[test]
fn coach_mode_shows_notes_times_each_block_and_records_the_sitting() {
    let s = Setup::new();
    let mut canvas = brew_box_after_a_sitting();
    // Read at each block's start and end: segments take 9 minutes 30, value propositions 16.
    let clock = SteppingClock {
        now: 0.into(),
        steps: vec![960, 0, 570, 0].into(),
    };
    let interview = Interview {
        coaching: Some(Coaching {
            clock: &clock,
            started: "2026-11-23 09:00".into(),
        }),
        ..s.interview()
    };
    let plan = Plan {
        blocks: vec![BlockId::CustomerSegments, BlockId::ValuePropositions],
        start: 0,
        details: Details::Skip,
        done: Vec::new(),
    };
    let mut script = Vec::new();
    for block in &plan.blocks {
        script.extend(s.keep_answers(*block)); // nothing new, so no coach's check
    }
    // After the last block, coach mode offers a test for the riskiest assumption.
    script.push(Choose("Not now"));
    let mut prompter = ScriptedPrompter::new(script);
    interview
        .run(&mut canvas, &plan, &mut prompter, &mut |_, _| Ok(()))
        .unwrap();
    assert!(prompter.is_done());
    let offer = "? Your riskiest assumption is “Small offices without a coffee service”.";
    assert!(
        prompter.transcript.iter().any(|l| l.starts_with(offer)),
        "{:?}",
        prompter.transcript
    );
    assert!(canvas.tests.is_empty());

    assert_coach_notes_and_times_shown(&prompter);
    assert_eq!(canvas.sessions.len(), 2);
    let sitting = &canvas.sessions[1];
    assert_eq!(sitting.started, "2026-11-23 09:00");
    assert_eq!(
        sitting.minutes[&BlockId::CustomerSegments],
        10,
        "9 minutes 30 count as 10"
    );
    assert_eq!(sitting.minutes[&BlockId::ValuePropositions], 16);
    assert_eq!(sitting.stopped_at, Some(BlockId::ValuePropositions));
}

/// The example, with an earlier sitting that stopped at value propositions.
fn brew_box_after_a_sitting() -> Canvas {
    let mut canvas = brew_box();
    canvas.sessions.push(Sitting {
        iteration: 2,
        started: "2026-11-20 14:00".into(),
        minutes: [(BlockId::CustomerSegments, 12), (BlockId::ValuePropositions, 20)]
            .into_iter()
            .collect(),
        stopped_at: Some(BlockId::ValuePropositions),
    });
    canvas
}

/// The last session, the first block's facilitator notes, and the time spent in each block.
fn assert_coach_notes_and_times_shown(prompter: &ScriptedPrompter) {
    let said = prompter.transcript.join("\n");
    for line in [
        "Last session (2026-11-20 14:00, iteration 2) stopped at Value Propositions after 32 minutes.",
        "Timebox: 10 minutes",
        "Listen for: Concrete groups with a shared need",
        "Typical trap: \\\"Everyone\\\" or a demographic alone",
        "A good answer: Freelance designers in Berlin",
        "Time in this block: 10 of 10 minutes.",
        "Time in this block: 16 minutes, 1 minute over the timebox of 15 minutes.",
    ] {
        assert!(said.contains(line), "missing {line:?} in\n{said}");
    }
}

#[test]
fn without_coach_mode_nothing_is_timed_or_recorded() {
    let s = Setup::new();
    let mut script = details();
    script.extend(s.block(BlockId::CustomerSegments, &[("Remote workers", None)]));
    script.extend([Back, Choose("Save and quit")]); // Esc at the value propositions
    let mut canvas = Canvas::default();
    let (outcome, prompter) = run(&s, &mut canvas, script);
    assert_eq!(outcome.unwrap(), Outcome::Paused);
    assert!(prompter.is_done());
    assert!(canvas.sessions.is_empty());
    assert!(!prompter.transcript.iter().any(|l| l.contains("Timebox")));
}

#[test]
fn revising_records_dated_evidence_and_a_new_status() {
    let s = Setup::new();
    let mut canvas = brew_box();
    // The items come first: cs2 gets evidence, then is marked validated; the rest is kept.
    let mut script = vec![
        Choose("(cs2)"),
        Choose("Record evidence"),
        Text("9 of 12 office managers asked for a trial"),
        Choose("do: what people did"),
        Choose("(cs2)"),
        Choose("Change its status"),
        Choose("✓ validated"),
    ];
    script.extend(s.keep_answers(BlockId::CustomerSegments));
    let prompter = s.revise_block(&mut canvas, BlockId::CustomerSegments, script);
    assert!(prompter.is_done());
    let cs2 = &canvas.block(BlockId::CustomerSegments).items[1];
    assert_eq!(
        cs2.evidence,
        [crate::model::Evidence::new(
            "2026-11-23: 9 of 12 office managers asked for a trial",
            crate::model::Strength::Do
        )]
    );
    assert_eq!(cs2.status, Status::Validated);
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l == "? How far is “Small offices without a coffee service” tested?")
    );
}

#[test]
fn an_items_menu_designs_a_test_for_it_and_esc_on_a_step_goes_back_one() {
    let s = Setup::new();
    let mut canvas = brew_box();
    let mut script = vec![
        Choose("(cs2)"),
        Choose("Design a test"),
        Keep,
        Text("Call 10 office managers"),
        Back,
        Keep,
        Text("How many ask for a trial"),
        Text("We are right if 3 of 10 ask"),
        Text("2026-13-01"),
        Text(""),
    ];
    script.extend(s.keep_answers(BlockId::CustomerSegments));
    let prompter = s.revise_block(&mut canvas, BlockId::CustomerSegments, script);
    assert!(prompter.is_done());
    let test = &canvas.tests[0];
    assert_eq!(test.id, "t1");
    assert_eq!(test.items, ["cs2"]);
    assert_eq!(
        test.hypothesis,
        "We believe that “Small offices without a coffee service” exist in numbers worth serving."
    );
    assert_eq!(
        test.experiment, "Call 10 office managers",
        "kept after going back"
    );
    assert_eq!(test.criterion, "We are right if 3 of 10 ask");
    assert_eq!(test.deadline, None);
    let said = "Write the deadline as YYYY-MM-DD";
    assert!(prompter.transcript.iter().any(|l| l.contains(said)));
}

#[test]
fn changing_links_with_nothing_to_link_to_keeps_the_links() {
    let s = Setup::new();
    let mut canvas = Canvas::default();
    canvas.meta.title = "Kept".into();
    let vp1 = crate::model::Item::new("vp1", "Fresh beans", vec!["cs1".into()]);
    canvas.block_mut(BlockId::ValuePropositions).items.push(vp1);
    let mut script = s.keep_answers(BlockId::ValuePropositions);
    let menu = script
        .iter()
        .position(|a| matches!(a, Choose("Done with the items")))
        .unwrap();
    script.splice(menu..menu, [Choose("(vp1)"), Choose("Change what it links to")]);
    let prompter = s.revise_block(&mut canvas, BlockId::ValuePropositions, script);
    assert!(prompter.is_done());
    assert_eq!(canvas.block(BlockId::ValuePropositions).items[0].links, ["cs1"]);
}

#[test]
fn the_item_menu_of_an_empty_block_starts_at_adding_and_of_a_full_one_at_done() {
    let s = Setup::new();
    let mut canvas = Canvas::default();
    let segments = canvas.block_mut(BlockId::CustomerSegments);
    segments.items.push(Item::new("cs1", "Commuters", vec![]));
    let vp = s.bank.block(BlockId::ValuePropositions);
    let mut script = vec![Enter, Lines(&["Repair at your door"]), KeepTicks];
    script.extend(vp.item_groups().map(|_| Ticks(&[])));
    script.extend([Ticks(&[]), Enter]);
    let mut prompter = ScriptedPrompter::new(script);
    let asked = s
        .interview()
        .revise_items(BlockId::ValuePropositions, vp, &mut canvas, &mut prompter)
        .unwrap();
    assert_eq!(asked, Asked::Answered, "Enter on the full block's menu is done");
    assert!(prompter.is_done());
    let added = &canvas.block(BlockId::ValuePropositions).items;
    assert_eq!(added.len(), 1, "Enter on the empty block's menu adds");
    assert_eq!(added[0].links, ["cs1"], "the only segment, preselected");
}

#[test]
fn a_new_item_marked_validated_is_asked_for_its_evidence_at_once() {
    let s = Setup::new();
    let mut canvas = Canvas::default();
    let segments = canvas.block_mut(BlockId::CustomerSegments);
    segments
        .items
        .push(Item::new("cs1", "Office parks with bike fleets", vec![]));
    let vp = s.bank.block(BlockId::ValuePropositions);
    let mut script = vec![Enter, Lines(&["Fleet care at a fixed monthly price"]), KeepTicks];
    script.extend(vp.item_groups().map(|_| Ticks(&[])));
    script.extend([
        Ticks(&[0]),
        Choose("✓ validated"),
        Text("Three fleet managers signed a paid pilot"),
        Choose("pay: what people paid"),
        Enter,
    ]);
    let mut prompter = ScriptedPrompter::new(script);
    s.interview()
        .revise_items(BlockId::ValuePropositions, vp, &mut canvas, &mut prompter)
        .unwrap();
    assert!(prompter.is_done());
    let item = &canvas.block(BlockId::ValuePropositions).items[0];
    assert_eq!(item.status, Status::Validated);
    assert_eq!(item.evidence.len(), 1);
    assert_eq!(
        item.evidence[0].text,
        "2026-11-23: Three fleet managers signed a paid pilot"
    );
    assert_eq!(item.evidence[0].strength, crate::model::Strength::Pay);
}
