use super::*;
use crate::gaps::links::*;

#[test]
fn unlinked_items_fire_only_when_there_is_something_to_link_to() {
    let lonely = "[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\n";
    assert_eq!(run(&[&UNLINKED_ITEM], &canvas(lonely)), []);
    let body = format!("{lonely}{TWO_SEGMENTS}");
    let found = run(&[&UNLINKED_ITEM], &canvas(&body));
    assert_eq!(
        rules_fired(&found),
        [(&UNLINKED_ITEM, BlockId::Channels, Some("ch1"))]
    );
    assert_eq!(run(&[&UNLINKED_ITEM], &complete()), []);
}

#[test]
fn links_to_missing_items_or_to_the_wrong_block_fire() {
    let body = format!(
        "{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"cs1\", \"cs9\"]\n\
         [[key_partners.items]]\nid = \"kp1\"\ntext = \"P\"\nlinks = [\"cs2\"]\n"
    );
    let found = run(&[&DANGLING_LINK, &WRONG_LINK_TARGET], &canvas(&body));
    assert_eq!(
        rules_fired(&found),
        [
            (&DANGLING_LINK, BlockId::Channels, Some("ch1")),
            (&WRONG_LINK_TARGET, BlockId::KeyPartners, Some("kp1")),
        ]
    );
    assert_eq!(found[0].subject.as_deref(), Some("cs9"));
    assert_eq!(run(&[&DANGLING_LINK, &WRONG_LINK_TARGET], &complete()), []);
}

#[test]
fn faulty_links_of_one_block_are_listed_link_by_link() {
    let body = format!(
        "{TWO_SEGMENTS}[[channels.items]]\nid = \"ch1\"\ntext = \"Shop\"\nlinks = [\"kp1\", \"zz\", \"kr1\"]\n\
         [[key_resources.items]]\nid = \"kr1\"\ntext = \"R\"\n\
         [[key_partners.items]]\nid = \"kp1\"\ntext = \"P\"\n"
    );
    let found = run(&[&DANGLING_LINK, &WRONG_LINK_TARGET], &canvas(&body));
    let faults: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.rule.id, f.subject.as_deref().unwrap()))
        .collect();
    assert_eq!(
        faults,
        [
            ("wrong_link_target", "kp1"),
            ("dangling_link", "zz"),
            ("wrong_link_target", "kr1"),
        ],
        "in the order the links are written, though two rules find them"
    );
}
