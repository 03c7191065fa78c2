//! The example canvases of well-known business models: the sound ones are silent, each flawed
//! one shows the flaws it was written with, and every sound one scores above every flawed one.

use super::*;
use crate::gaps::{GapReport, find};
use crate::i18n::{Language, Messages};

fn example(name: &str) -> Canvas {
    let text = match name {
        "brew-box" => include_str!("../../../examples/brew-box.toml"),
        "tutor-match" => include_str!("../../../examples/tutor-match.toml"),
        "taskline-freemium" => include_str!("../../../examples/taskline-freemium.toml"),
        "localbeat-ad-funded" => include_str!("../../../examples/localbeat-ad-funded.toml"),
        "bake-and-go-franchise" => include_str!("../../../examples/bake-and-go-franchise.toml"),
        "little-sprouts-box" => include_str!("../../../examples/little-sprouts-box.toml"),
        "edge-club-razors-flawed" => include_str!("../../../examples/edge-club-razors-flawed.toml"),
        "roomhop-marketplace-flawed" => include_str!("../../../examples/roomhop-marketplace-flawed.toml"),
        "sproutpot-hardware-flawed" => include_str!("../../../examples/sproutpot-hardware-flawed.toml"),
        "tunehall-streaming-flawed" => include_str!("../../../examples/tunehall-streaming-flawed.toml"),
        other => panic!("no example {other}"),
    };
    crate::file::parse_canvas(Path::new(name), text).unwrap()
}

const SOUND: [&str; 6] = [
    "brew-box",
    "tutor-match",
    "taskline-freemium",
    "localbeat-ad-funded",
    "bake-and-go-franchise",
    "little-sprouts-box",
];

/// Each flawed example with the rules its flaws should fire.
const FLAWED: [(&str, &[&str]); 4] = [
    (
        "edge-club-razors-flawed",
        &["hook_unprotected", "validated_on_opinion"],
    ),
    (
        "roomhop-marketplace-flawed",
        &[
            "catch_all_segment",
            "paying_segment_without_purchase_channel",
            "shares_not_adding_up",
            "free_side_unexplained",
        ],
    ),
    (
        "sproutpot-hardware-flawed",
        &[
            "costs_above_revenue",
            "offer_for_other_segment",
            "feature_not_benefit",
            "item_in_wrong_block",
        ],
    ),
    (
        "tunehall-streaming-flawed",
        &[
            "revenue_without_price",
            "partner_payment_without_cost",
            "revenue_without_value_proposition",
            "relationship_against_costs",
        ],
    ),
];

fn score(name: &str) -> u8 {
    GapReport::new(&example(name), bank(), Messages::get(Language::En)).score
}

#[test]
fn the_sound_examples_are_silent() {
    for name in SOUND {
        let found: Vec<&str> = find(&example(name), bank()).iter().map(|f| f.rule.id).collect();
        assert_eq!(found, Vec::<&str>::new(), "{name}");
    }
}

#[test]
fn each_flawed_example_shows_its_flaws_and_its_top_one_comes_first() {
    for (name, flaws) in FLAWED {
        let report = GapReport::new(&example(name), bank(), Messages::get(Language::En));
        let fired: Vec<&str> = report.gaps.iter().map(|g| g.rule).collect();
        for flaw in flaws {
            assert!(fired.contains(flaw), "{name}: {flaw} missing from {fired:?}");
        }
        let first = report.next_steps()[0].0.rule;
        assert!(flaws.contains(&first), "{name}: the first next step is {first}");
    }
}

#[test]
fn every_sound_example_scores_above_every_flawed_one() {
    let lowest_sound = SOUND.iter().map(|n| score(n)).min().unwrap();
    let highest_flawed = FLAWED.iter().map(|(n, _)| score(n)).max().unwrap();
    assert!(lowest_sound >= 92, "{lowest_sound}");
    assert!(
        highest_flawed + 5 <= lowest_sound,
        "{highest_flawed} against {lowest_sound}"
    );
}
