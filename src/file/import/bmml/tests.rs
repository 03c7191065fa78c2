use std::path::Path;

use super::*;

fn import(text: &str) -> Result<Imported, Invalid> {
    read(Path::new("model.bmml"), text, Some(Language::En))
}

fn item<'a>(canvas: &'a Canvas, id: &str) -> &'a Item {
    canvas.items().find(|(_, i)| i.id == id).map(|(_, i)| i).unwrap()
}

fn kept(imported: &Imported) -> Vec<(String, String)> {
    let kept = imported.findings.iter().filter_map(|f| match &f.what {
        What::Kept { key, value, .. } => Some((key.clone(), value.clone())),
        _ => None,
    });
    kept.collect()
}

#[test]
fn the_current_layout_gives_items_links_and_notes() {
    let imported = import(include_str!("../../../../tests/fixtures/import/bike-repair.bmml")).unwrap();
    let canvas = &imported.canvas;
    assert_eq!(
        (canvas.meta.title.as_str(), canvas.meta.date.as_str()),
        ("Pedal Doctor", "2026-09-18")
    );
    assert_eq!(canvas.items().count(), 13);
    assert_eq!(
        item(canvas, "vp-doorstep").links,
        ["cs-commuters"],
        "from the fit"
    );
    // A channel may name the value propositions it carries.
    assert_eq!(
        item(canvas, "ch-app").links,
        ["vp-doorstep", "cs-commuters", "cs-offices"]
    );
    assert_eq!(item(canvas, "kp-wholesaler").links, ["kr-vans", "ka-routing"]);
    assert_eq!(item(canvas, "cost-vans").links, ["kr-vans"]);
    let commuters = item(canvas, "cs-commuters");
    assert_eq!(
        commuters.note.as_deref(),
        Some("People who ride to work every day and cannot do without their bike")
    );
    let kept = kept(&imported);
    assert!(!kept.contains(&("for.value_propositions".into(), "vp-doorstep".into())));
    assert!(kept.contains(&("jobs".into(), "Get to work on time (job-arrive)".into())));
    assert!(kept.contains(&("meta.portfolio".into(), "explore".into())));
    assert!(kept.contains(&(
        "fit-commuters-doorstep.mappings".into(),
        "pr-same-day → pain-downtime, gc-checkup → gain-confidence".into()
    )));
    let whats: Vec<&What> = imported.findings.iter().map(|f| &f.what).collect();
    assert!(whats.contains(&&What::Unread {
        name: "environment".into()
    }));
    assert!(whats.contains(&&What::Dangling {
        item: "rs-plan".into(),
        target: "cs-schools".into()
    }));
    let line = imported
        .findings
        .iter()
        .find(|f| matches!(&f.what, What::Dangling { .. }));
    assert_eq!(line.map(|f| f.at), Some(Place::Line(78)));
}

#[test]
fn version_one_category_values_become_the_banks_options() {
    let imported = import(include_str!(
        "../../../../tests/fixtures/import/bike-repair-v1.bmml"
    ))
    .unwrap();
    let canvas = &imported.canvas;
    let channels = canvas.block(BlockId::Channels);
    assert_eq!(channels.chosen("channel_types"), ["owned"]);
    assert_eq!(
        channels.items[0].categories["phases"],
        ["purchase", "delivery", "after_sales"]
    );
    let costs = canvas.block(BlockId::CostStructure);
    assert_eq!(costs.chosen("orientation"), ["cost_driven"]);
    assert_eq!(
        costs.chosen("cost_characteristics"),
        ["variable_costs", "economies_of_scale", "fixed_costs"]
    );
    assert_eq!(costs.items[0].id, "co1");
    assert_eq!(costs.items[0].links, ["ka-routing"]);
    assert_eq!(
        canvas.block(BlockId::KeyPartners).chosen("motivations"),
        ["resource_acquisition"]
    );
    assert_eq!(item(canvas, "cr-mechanic").text, "Your own mechanic");
    assert_eq!(
        item(canvas, "rs-plan").categories["revenue_types"],
        ["subscription_fees"]
    );
    let kept = kept(&imported);
    assert!(kept.contains(&("type".into(), "transaction".into())));
    assert!(kept.contains(&("pricing".into(), "fixed_menu".into())));
    assert!(!kept.contains(&("for_value".into(), "vp-doorstep".into())));
}

#[test]
fn duplicate_ids_and_syntax_errors_name_their_line() {
    let e = import("channels:\n  - id: ch-a\n    name: A\nkey_resources:\n  - id: ch-a\n    name: B\n")
        .unwrap_err();
    assert_eq!(e.position.map(|p| p.0), Some(5), "{e}");
    assert!(e.to_string().contains("duplicate item id 'ch-a'"), "{e}");
    let e = import("channels:\n  - id: [unclosed\n").unwrap_err();
    assert!(e.position.is_some(), "{e}");
    let e = import("channels: 7\n").unwrap_err();
    assert_eq!(e.position.map(|p| p.0), Some(1), "{e}");
}

#[test]
fn an_alias_bomb_is_refused_without_filling_memory() {
    let mut bomb = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for n in 1..10 {
        let (name, before) = ((b'a' + n) as char, (b'a' + n - 1) as char);
        let refs = vec![format!("*{before}"); 9].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    bomb.push_str("customer_segments:\n  - id: cs-x\n    name: *j\n");
    let e = import(&bomb).unwrap_err();
    assert!(matches!(e.problem, Problem::Syntax { .. }), "{e}");
}
