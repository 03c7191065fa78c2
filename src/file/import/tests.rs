use std::path::Path;

use super::*;

#[test]
fn blocks_are_named_by_key_or_by_title_in_any_language() {
    assert_eq!(block_named("channels"), Some((BlockId::Channels, None)));
    assert_eq!(
        block_named(" customer segments "),
        Some((BlockId::CustomerSegments, Some(Language::En)))
    );
    assert_eq!(
        block_named("Kundensegmente"),
        Some((BlockId::CustomerSegments, Some(Language::De)))
    );
    assert_eq!(
        block_named("Klantsegmenten"),
        Some((BlockId::CustomerSegments, Some(Language::Nl)))
    );
    assert_eq!(block_named("Parking lot"), None);
}

#[test]
fn the_kind_of_a_source_comes_from_its_name() {
    assert_eq!(Source::of(Path::new("board.CSV")), Ok(Source::Csv));
    assert_eq!(Source::of(Path::new("model.bmml")), Ok(Source::Bmml));
    assert_eq!(Source::of(Path::new("model.yml")), Ok(Source::Bmml));
    assert_eq!(Source::of(Path::new("canvas.json")), Ok(Source::Json));
    let e = Source::of(Path::new("board")).unwrap_err();
    assert_eq!(e.problem, Problem::Import(ImportProblem::UnknownSource));
}

#[test]
fn kept_lines_join_an_items_note_or_a_blocks_notes() {
    let mut canvas = Canvas::default();
    let mut item = Item::new("cs1", "A", Vec::new());
    item.note = Some("first".into());
    canvas.block_mut(BlockId::CustomerSegments).items.push(item);
    let kept = |holder: Holder| Finding {
        at: Place::Nowhere,
        what: What::Kept {
            holder,
            key: "jobs".into(),
            value: "ride".into(),
            why: Why::NoPlace,
        },
    };
    let imported = Imported {
        canvas,
        findings: vec![
            kept(Holder::Item("cs1".into())),
            kept(Holder::Block(BlockId::Channels)),
        ],
    };
    let (canvas, findings) = imported.into_parts(|key, value| format!("{key} = {value}"));
    assert_eq!(findings.len(), 2);
    let note = canvas.block(BlockId::CustomerSegments).items[0].note.as_deref();
    assert_eq!(note, Some("first\njobs = ride"));
    assert_eq!(
        canvas.block(BlockId::Channels).notes.as_deref(),
        Some("jobs = ride")
    );
}
