use std::path::Path;

use super::*;

fn import(text: &str) -> Result<Imported, Invalid> {
    read(Path::new("board.csv"), text, &Columns::default(), None)
}

fn ids(canvas: &Canvas, block: BlockId) -> Vec<&str> {
    canvas.block(block).items.iter().map(|i| i.id.as_str()).collect()
}

#[test]
fn block_titles_in_each_language_fill_their_blocks_and_set_the_language() {
    for (text, language) in [
        (
            "block,text\nCustomer Segments,Commuters\nValue Propositions,Repairs\n",
            "en",
        ),
        (
            "Baustein;Text\nKundensegmente;Pendler\nWertversprechen;Reparaturen\n",
            "de",
        ),
        (
            "bouwsteen\ttekst\nKlantsegmenten\tForensen\nWaardeproposities\tReparaties\n",
            "nl",
        ),
    ] {
        let imported = import(text).unwrap();
        let canvas = &imported.canvas;
        assert_eq!(ids(canvas, BlockId::CustomerSegments), ["cs1"], "{text}");
        assert_eq!(ids(canvas, BlockId::ValuePropositions), ["vp1"], "{text}");
        assert_eq!(canvas.meta.language, language);
        assert_eq!(canvas.meta.title, "board");
    }
}

#[test]
fn a_colour_shared_with_one_segment_links_to_it() {
    let text = "Frame,Content,Color\n\
                Customer Segments,Commuters,Yellow\n\
                Customer Segments,Offices,blue\n\
                Customer Segments,Schools,blue\n\
                Value Propositions,Repairs at the door,yellow\n\
                Channels,Booking app,Blue\n\
                Key Resources,Vans,yellow\n\
                Channels,Flyers,pink\n";
    let imported = import(text).unwrap();
    let canvas = &imported.canvas;
    assert_eq!(canvas.block(BlockId::ValuePropositions).items[0].links, ["cs1"]);
    assert!(
        canvas.block(BlockId::Channels).items[0].links.is_empty(),
        "two segments are blue"
    );
    assert!(
        canvas.block(BlockId::KeyResources).items[0].links.is_empty(),
        "resources serve no segment"
    );
    let whats: Vec<&What> = imported.findings.iter().map(|f| &f.what).collect();
    assert!(whats.contains(&&What::ColourLink {
        item: "vp1".into(),
        colour: "yellow".into(),
        segment: "cs1".into()
    }));
    assert!(whats.contains(&&What::ColourUnclear {
        item: "ch1".into(),
        colour: "blue".into(),
        segments: 2
    }));
    assert!(whats.contains(&&What::ColourUnclear {
        item: "ch2".into(),
        colour: "pink".into(),
        segments: 0
    }));
}

#[test]
fn unknown_blocks_are_kept_and_other_columns_reported() {
    let text = "\u{feff}block,text,author\nParking lot,Ask about e-bikes,Ana\n,,\nchannels,App,Ana\n";
    let imported = import(text).unwrap();
    assert_eq!(imported.canvas.items().count(), 1);
    let whats: Vec<&What> = imported.findings.iter().map(|f| &f.what).collect();
    assert_eq!(
        whats[0],
        &What::Unread {
            name: "author".into()
        }
    );
    assert!(
        matches!(whats[1], What::Kept { key, value, why: Why::UnknownBlock, .. }
        if key == "Parking lot" && value == "Ask about e-bikes")
    );
    assert_eq!(imported.findings[1].at, Place::Row(2));
}

#[test]
fn ids_links_choices_status_and_evidence_are_read_and_missing_ids_given() {
    let text = "block,id,text,links,categories,note,status,evidence\n\
                customer_segments,,Commuters,,,,,\n\
                customer_segments,cs1,Offices,,,,validated,\"a\nb\"\n\
                revenue_streams,rs1,'=Per repair,cs1; cs9,\"revenue_types: usage_fee; pricing:\",why,TESTING,\n";
    let imported = import(text).unwrap();
    let canvas = &imported.canvas;
    assert_eq!(ids(canvas, BlockId::CustomerSegments), ["cs2", "cs1"]);
    let offices = &canvas.block(BlockId::CustomerSegments).items[1];
    assert_eq!(
        (offices.status, offices.evidence.clone()),
        (Status::Validated, vec!["a".into(), "b".into()])
    );
    let stream = &canvas.block(BlockId::RevenueStreams).items[0];
    assert_eq!(stream.text, "=Per repair");
    assert_eq!(stream.links, ["cs1", "cs9"]);
    assert_eq!(stream.categories["revenue_types"], ["usage_fee"]);
    assert!(stream.categories["pricing"].is_empty());
    assert_eq!(
        (stream.note.as_deref(), stream.status),
        (Some("why"), Status::Testing)
    );
    let whats: Vec<&What> = imported.findings.iter().map(|f| &f.what).collect();
    assert!(whats.contains(&&What::NewId { item: "cs2".into() }));
    assert!(whats.contains(&&What::Dangling {
        item: "rs1".into(),
        target: "cs9".into()
    }));
}

#[test]
fn a_bad_row_is_refused_with_its_row_column_and_place() {
    let e = import("block,text,status\nchannels,App,\nchannels,Flyer,maybe\n").unwrap_err();
    assert_eq!(e.position, Some((3, 16)), "{e}");
    assert!(
        e.to_string().contains("row 3, status: unknown status “maybe”"),
        "{e}"
    );
    let e = import("block,id,text\nchannels,x,App\nkey_partners,x,Bank\n").unwrap_err();
    assert_eq!(e.position, Some((3, 14)), "{e}");
    assert!(e.to_string().contains("row 3, id: duplicate item id 'x'"), "{e}");
    let e = import("block,text,categories\nchannels,App,phases awareness\n").unwrap_err();
    assert!(e.to_string().contains("is not GROUP: OPTION"), "{e}");
    let e = import("frame,author\nchannels,Ana\n").unwrap_err();
    assert_eq!(e.position, Some((1, 1)));
    assert!(
        e.to_string()
            .contains("no column holds `text` (the header has: frame, author)"),
        "{e}"
    );
}

#[test]
fn every_example_survives_the_spreadsheet_round_trip() {
    for text in [
        include_str!("../../../../examples/brew-box.toml"),
        include_str!("../../../../examples/tutor-match.toml"),
        include_str!("../../../../examples/half-finished.toml"),
    ] {
        let canvas = crate::file::parse_canvas(Path::new("c.toml"), text).unwrap();
        let bank = crate::bank::Bank::builtin(Language::En);
        let written = crate::render::csv::csv(&canvas, bank);
        let read = import(&written).unwrap().canvas;
        for block in BlockId::ALL {
            // A cell holds evidence as text: its strength stays in the canvas file.
            let mut items = canvas.block(block).items.clone();
            for e in items.iter_mut().flat_map(|i| &mut i.evidence) {
                e.strength = crate::model::Strength::Unknown;
            }
            assert_eq!(read.block(block).items, items, "{block}");
        }
    }
}
