//! The canvas file changed while an interview ran: nothing anyone wrote is lost.

use super::*;
use crate::model::{Given, MetaValue};

/// Changes the first channel question's answer to `ours` and finishes.
fn revise_first_channel_answer(f: &Fixture, ours: &'static str) -> Vec<Answer> {
    // A short answer to a question that does not ask why or how is no new gap: no coach's check.
    let mut script = f.keep_block(BlockId::Channels);
    script[0] = Text(ours);
    script
}

fn first_channel_question(f: &Fixture) -> String {
    f.bank.block(BlockId::Channels).questions[0].id().to_owned()
}

/// What someone else does to the file while the interview runs.
fn change_on_disk(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn channels_only() -> Options<'static> {
    Options {
        only: Some(vec![BlockId::Channels]),
        ..Options::default()
    }
}

#[test]
fn a_change_made_to_the_file_meanwhile_is_kept_and_ours_is_applied_on_top() {
    let f = Fixture::new().with_example();
    let path = f.path();
    let session = f.session(&path);
    change_on_disk(
        &path,
        "[customer_segments.answers]\n",
        "# added by Ana\n[customer_segments.answers]\n",
    );
    change_on_disk(&path, "who = \"", "who = \"Ana: ");
    let mut prompter = ScriptedPrompter::new(revise_first_channel_answer(&f, "Ours"));
    let (ending, canvas) = session.run(channels_only(), &mut prompter).unwrap();
    assert!(matches!(ending, Ending::Saved { merged: true, .. }));
    let written = fs::read_to_string(&path).unwrap();
    assert!(
        written.contains("# added by Ana\n[customer_segments.answers]\nwho = \"Ana: "),
        "{written}"
    );
    let question = first_channel_question(&f);
    assert_eq!(canvas.block(BlockId::Channels).answer(&question), Some("Ours"));
    assert!(written.contains(&format!("{question} = \"Ours\"")));
    assert!(
        fs::read_to_string(backup_path(&path)).unwrap().contains("Ana: "),
        "the backup is what it replaced"
    );
}

#[test]
fn a_value_both_changed_is_asked_about() {
    let f = Fixture::new().with_example();
    let path = f.path();
    let question = first_channel_question(&f);
    let session = f.session(&path);
    let theirs = format!("{question} = \"Theirs\"\n");
    let text = fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{question} = ")))
        .unwrap()
        .to_owned();
    change_on_disk(&path, &line, theirs.trim_end());
    let mut script = revise_first_channel_answer(&f, "Ours");
    script.push(Choose("Yours: Ours"));
    let mut prompter = ScriptedPrompter::new(script);
    session.run(channels_only(), &mut prompter).unwrap();
    assert!(prompter.is_done());
    let asked = format!("? channels.answers.{question} was changed in the file too. Which version stays?");
    assert!(prompter.transcript.contains(&asked), "{:?}", prompter.transcript);
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains(&format!("{question} = \"Ours\""))
    );
}

#[test]
fn without_input_a_value_both_changed_is_refused_and_nothing_written() {
    let f = Fixture::new().with_example();
    let path = f.path();
    let session = f.session(&path);
    change_on_disk(&path, "title = \"Brew Box\"", "title = \"Brew Box (Ana)\"");
    let before = fs::read_to_string(&path).unwrap();
    let given = Given {
        meta: vec![MetaValue::Text(
            crate::model::MetaField::Title,
            "Brew Box (Ben)".into(),
        )],
        ..Given::default()
    };
    let error = session.run_without_asking(&given, false).err().unwrap();
    assert!(
        matches!(&error, Error::Usage(crate::error::Problem::Conflict { key }) if key == "meta.title"),
        "{error:?}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn resuming_a_draft_keeps_what_changed_in_the_file_since_the_interruption() {
    let f = Fixture::new().with_example();
    let path = f.path();
    // Interrupted after Channels, on the way to Revenue Streams.
    let mut script = f.keep_block(BlockId::Channels);
    script[0] = Text("Ours");
    script.push(Enter);
    let options = Options {
        only: Some(vec![BlockId::Channels, BlockId::RevenueStreams]),
        ..Options::default()
    };
    let interrupted = f.session(&path).run(options, &mut ScriptedPrompter::new(script));
    assert!(interrupted.is_err());
    assert!(draft_path(&path).exists());
    change_on_disk(&path, "who = \"", "who = \"Ana: ");
    let mut script = vec![Choose("Resume where it stopped")];
    script.extend(f.keep_block(BlockId::RevenueStreams));
    script.push(Choose("Finish and save"));
    let (ending, canvas) = f
        .session(&path)
        .run(Options::default(), &mut ScriptedPrompter::new(script))
        .unwrap();
    assert!(matches!(ending, Ending::Saved { merged: true, .. }));
    let question = first_channel_question(&f);
    assert_eq!(canvas.block(BlockId::Channels).answer(&question), Some("Ours"));
    assert!(
        canvas
            .block(BlockId::CustomerSegments)
            .answer("who")
            .unwrap()
            .starts_with("Ana: ")
    );
    assert!(!draft_path(&path).exists());
}

#[test]
fn resuming_the_draft_of_a_new_canvas_keeps_a_canvas_made_meanwhile() {
    let f = Fixture::new();
    let path = f.path();
    let mut script = vec![Text("Brew Box"), Text(""), Text(""), Keep];
    script.extend(f.new_block(BlockId::CustomerSegments, "Remote workers"));
    let interrupted = f
        .session(&path)
        .run(Options::default(), &mut ScriptedPrompter::new(script));
    assert!(interrupted.is_err());
    // Meanwhile a colleague makes the canvas, with an answer of their own.
    fs::write(
        &path,
        "format = 2\n[meta]\ntitle = \"Brew Box\"\n[channels.answers]\nnoted_by_ana = \"Kept\"\n",
    )
    .unwrap();
    let mut script = vec![Choose("Resume where it stopped")];
    for block in &BlockId::ALL[1..] {
        script.extend(f.new_block(*block, "note"));
        script.extend(f.check_after(*block));
    }
    let (ending, canvas) = f
        .session(&path)
        .run(Options::default(), &mut ScriptedPrompter::new(script))
        .unwrap();
    assert!(matches!(ending, Ending::Saved { merged: true, .. }));
    assert_eq!(canvas.block(BlockId::Channels).answers["noted_by_ana"], "Kept");
    assert_eq!(
        canvas.block(BlockId::CustomerSegments).items[0].text,
        "Remote workers"
    );
}

#[test]
fn resuming_after_save_and_quit_does_not_take_our_own_save_for_a_change() {
    let f = Fixture::new();
    let path = f.path();
    let mut first = vec![Text("Lunch Loop"), Text(""), Text(""), Keep];
    first.extend(f.new_block(BlockId::CustomerSegments, "Office workers"));
    first.extend([Back, Choose("Save and quit")]);
    let (saved, _) = f.run(None, first);
    assert!(matches!(saved.unwrap().0, Ending::Saved { paused: true, .. }));
    let draft = fs::read_to_string(draft_path(&path)).unwrap();
    assert!(draft.contains("new_canvas = false"), "{draft}");
    // Resume and stop again at once: nothing is merged, because nothing else changed.
    let script = vec![Choose("Resume where it stopped"), Back, Choose("Save and quit")];
    let (again, prompter) = f.run(None, script);
    let ending = again
        .unwrap_or_else(|e| panic!("{e}\n{:#?}", prompter.transcript))
        .0;
    assert!(
        matches!(ending, Ending::Saved { merged: false, .. } | Ending::Unchanged),
        "{:#?}",
        prompter.transcript
    );
}
