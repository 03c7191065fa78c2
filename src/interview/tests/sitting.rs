//! Sessions on a file: foreign banks, other languages, coached sittings, only the gaps.

use super::*;
use crate::gaps::GapReport;

#[test]
fn a_malformed_draft_is_refused_before_any_question() {
    let f = Fixture::new().with_example();
    fs::write(
        draft_path(&f.path()),
        "format = 1\n[draft]\nblocks = [\"channels\"]\nnext = 5\n",
    )
    .unwrap();
    let path = f.path();
    let e = OnDisk::read(&path)
        .map(|on_disk| Session::new(&path, on_disk, f.bank, f.messages, TODAY.into()))
        .err()
        .unwrap();
    assert!(e.to_string().contains("out of range"), "{e}");
    fs::write(draft_path(&f.path()), "format = 1\n").unwrap();
    let e = OnDisk::read(&path)
        .map(|on_disk| Session::new(&path, on_disk, f.bank, f.messages, TODAY.into()))
        .err()
        .unwrap();
    assert!(e.to_string().contains("missing field `draft`"), "{e}");
}

#[test]
fn answers_and_choices_from_another_bank_survive_a_revision_and_are_shown() {
    let f = Fixture::new().with_example();
    let text = fs::read_to_string(f.path()).unwrap().replace(
        "[customer_segments.categories]\nsegment_type = [\"segmented\"]",
        "why_now = \"Offices reopen after the holidays\"\n\n\
         [customer_segments.categories]\nsegment_type = [\"segmented\", \"local_market\"]",
    );
    fs::write(f.path(), &text).unwrap();
    // The items come first: cs1 gets a new text; everything else is kept.
    let mut script = vec![
        Choose("(cs1)"),
        Choose("Edit its text"),
        Text("Remote workers and small offices in German cities"),
    ];
    script.extend(f.keep_block(BlockId::CustomerSegments));
    let (result, prompter) = f.run(Some(vec![BlockId::CustomerSegments]), script);
    assert!(matches!(result.unwrap().0, Ending::Saved { .. }));
    let shown = prompter.transcript.join("\n");
    assert!(
        shown.contains("Answers to questions this bank does not ask, kept as they are:"),
        "{shown}"
    );
    assert!(
        shown.contains("why_now: Offices reopen after the holidays"),
        "{shown}"
    );
    let after = fs::read_to_string(f.path()).unwrap();
    assert!(after.contains("why_now = \"Offices reopen after the holidays\"\n"));
    assert!(after.contains("segment_type = [\"segmented\", \"local_market\"]\n"));
    assert!(after.contains("text = \"Remote workers and small offices in German cities\""));
    assert!(prompter.is_done());
}

#[test]
fn a_canvas_made_in_english_is_revised_in_dutch_by_id() {
    let f = Fixture::new().with_example();
    let before = fs::read_to_string(f.path()).unwrap();
    let dutch = Bank::builtin(Language::Nl);
    let path = f.path();
    let run = |script: Vec<Answer>| {
        let session = OnDisk::read(&path)
            .map(|on_disk| Session::new(&path, on_disk, dutch, Messages::get(Language::Nl), TODAY.into()))
            .unwrap();
        let mut prompter = ScriptedPrompter::new(script);
        let result = session
            .run(
                Options {
                    only: Some(vec![BlockId::Channels]),
                    ..Options::default()
                },
                &mut prompter,
            )
            .unwrap();
        (result, prompter)
    };
    let ((ending, _), prompter) = run(keep_channels(dutch));
    assert!(
        matches!(ending, Ending::Unchanged),
        "asking in Dutch alone changes nothing"
    );
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l == "? Via welke kanalen willen onze klantsegmenten bereikt worden?")
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), before);

    let mut script = keep_channels(dutch);
    script[2] = Text("Vooral via integratie."); // how the channels are integrated
    let ((ending, canvas), _) = run(script);
    assert!(matches!(ending, Ending::Saved { .. }));
    assert_eq!(canvas.meta.language, "nl");
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.contains("language = \"nl\""));
    assert!(after.contains("integration = \"Vooral via integratie.\""));
    assert!(
        after.contains("preferred_reach = \"Instagram and coffee forums"),
        "other answers stay as written"
    );
}

/// Enter on every prompt of the channels in `bank`, whose items menu is in Dutch.
fn keep_channels(bank: &Bank) -> Vec<Answer> {
    let asked = bank.block(BlockId::Channels);
    let mut script: Vec<Answer> = asked
        .questions
        .iter()
        .filter(|q| q.form != Form::Links)
        .map(|q| match q.form {
            Form::Items => Choose("Klaar met de items"),
            Form::Pick => KeepTicks,
            _ => Keep,
        })
        .collect();
    script.extend(asked.block_groups().map(|_| KeepTicks));
    script
}

#[test]
fn a_coached_sitting_is_recorded_without_a_new_iteration_when_nothing_else_changed() {
    struct Stopped;
    impl Clock for Stopped {
        fn seconds(&self) -> u64 {
            0
        }
    }
    let f = Fixture::new().with_example();
    let path = f.path();
    let session = f.session(&path);
    let mut script = f.keep_block(BlockId::Channels);
    // Coach mode offers a test for the riskiest assumption once the last block is done.
    script.push(Choose("Not now"));
    script.push(Choose("Finish and save"));
    let mut prompter = ScriptedPrompter::new(script);
    let coaching = Coaching {
        clock: &Stopped,
        started: "2026-12-01 10:00".into(),
    };
    let (ending, canvas) = session
        .run(
            Options {
                only: Some(vec![BlockId::Channels]),
                coaching: Some(coaching),
                ..Options::default()
            },
            &mut prompter,
        )
        .unwrap();
    assert!(matches!(ending, Ending::Saved { .. }));
    assert_eq!(canvas.meta.iteration, 3, "time spent alone is no new iteration");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("date = \"2026-11-23\""));
    assert!(
        text.contains("[[session]]\niteration = 3\nstarted = \"2026-12-01 10:00\"\nminutes = { channels = 0 }\nstopped_at = \"channels\"\n"),
        "{text}"
    );
    let read = crate::file::parse_canvas(&path, &text).unwrap();
    assert_eq!(read.sessions, canvas.sessions);
}

#[test]
fn only_gaps_asks_the_open_questions_and_nothing_else() {
    let f = Fixture::new().with_half_finished();
    let path = f.path();
    let session = f.session(&path);
    let mut prompter = ScriptedPrompter::new(answer_the_open_questions(&f, &session));
    let options = Options {
        only_gaps: true,
        ..Options::default()
    };
    let (ending, canvas) = session.run(options, &mut prompter).unwrap();
    assert!(prompter.is_done());
    assert!(matches!(ending, Ending::Saved { .. }));
    assert_only_the_open_questions_asked(&prompter);
    let report = GapReport::new(&canvas, f.bank, f.messages);
    assert!(
        report.gaps.iter().all(|g| g.rule != "unanswered_question"),
        "every question is answered now"
    );
    assert_eq!(canvas.meta.iteration, 2);
}

/// A fuller answer to each question the gap report finds open: words, or the first item.
fn answer_the_open_questions(f: &Fixture, session: &Session) -> Vec<Answer> {
    let open = session.open_questions(&session.existing.as_ref().unwrap().canvas);
    let mut script = Vec::new();
    for block in BlockId::ALL {
        let asked: Vec<_> = f
            .bank
            .block(block)
            .questions
            .iter()
            .filter(|q| matches!(q.form, Form::Text | Form::Pick))
            .filter(|q| open.contains(&(block, q.id().to_owned())))
            .collect();
        if asked.is_empty() {
            continue;
        }
        // Only the questions: no coach's check follows.
        script.extend(asked.iter().map(|q| match q.form {
            Form::Pick => Ticks(&[0]),
            _ => Text("A fuller answer of several words"),
        }));
    }
    script
}

/// Neither an answered question nor a choice is asked; an unanswered question is.
fn assert_only_the_open_questions_asked(prompter: &ScriptedPrompter) {
    assert!(
        !prompter
            .transcript
            .iter()
            .any(|l| l.contains("For whom are we creating value?")),
        "answered already"
    );
    assert!(
        prompter
            .transcript
            .iter()
            .any(|l| l == "? Who are our most important customers?")
    );
    assert!(
        !prompter
            .transcript
            .iter()
            .any(|l| l.starts_with("? What kind of market")),
        "no choices"
    );
}
