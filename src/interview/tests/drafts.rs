//! What happens when the draft cannot be kept.

use super::*;

#[test]
fn a_draft_that_cannot_be_written_is_a_file_error_naming_the_draft() {
    let f = Fixture::new().with_example();
    let path = f.path();
    let before = fs::read_to_string(&path).unwrap();
    let on_disk = OnDisk::read(&path).unwrap();
    // A folder where the draft should go, made once the files were read: the rename fails.
    let draft = draft_path(&path);
    fs::create_dir(&draft).unwrap();
    let session = Session::new(&path, on_disk, f.bank, f.messages, TODAY.into());
    let mut script = f.keep_block(BlockId::Channels);
    script.push(Choose("Finish and save"));
    let options = Options {
        only: Some(vec![BlockId::Channels]),
        ..Options::default()
    };
    let result = session.run(options, &mut ScriptedPrompter::new(script));
    let error = result.err().expect("the draft could not be written");
    assert!(
        matches!(&error, Error::Write { path, .. } if *path == draft),
        "{error:?}"
    );
    let said = error.to_string();
    assert!(
        said.starts_with(&format!("cannot write {}: ", draft.display())),
        "{said}"
    );
    assert!(!said.contains("terminal"), "{said}");
    assert_eq!(
        fs::read_to_string(f.path()).unwrap(),
        before,
        "the canvas is untouched"
    );
}
