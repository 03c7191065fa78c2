use super::*;
use crate::gaps::support::*;
use crate::model::Item;

#[test]
fn resources_activities_and_partners_must_support_something() {
    use BlockId::*;
    let rules: &[&Rule] = &[
        &RESOURCE_SUPPORTS_NOTHING,
        &ACTIVITY_SUPPORTS_NOTHING,
        &PARTNER_PROVIDES_NOTHING,
    ];
    let found = fires_after(rules, |c| {
        c.block_mut(KeyResources).items[0].links.clear();
        c.block_mut(KeyActivities).items[1].links = vec!["cs1".into()];
        c.block_mut(KeyPartners).items[0].links = vec!["nowhere".into()];
    });
    assert_eq!(
        found,
        [
            (&RESOURCE_SUPPORTS_NOTHING, KeyResources, s("kr1")),
            (&ACTIVITY_SUPPORTS_NOTHING, KeyActivities, s("ka2")),
            (&PARTNER_PROVIDES_NOTHING, KeyPartners, s("kp1")),
        ]
    );
}

#[test]
fn a_value_proposition_nothing_delivers_fires() {
    let found = fires_after(&[&VALUE_PROPOSITION_NOT_DELIVERED], |c| {
        for block in [BlockId::KeyResources, BlockId::KeyActivities] {
            for item in &mut c.block_mut(block).items {
                item.links.retain(|l| l != "vp2");
            }
        }
    });
    assert_eq!(
        found,
        [(&VALUE_PROPOSITION_NOT_DELIVERED, BlockId::KeyActivities, s("vp2"))]
    );
}

#[test]
fn costs_must_reflect_resources_and_activities() {
    let found = fires_after(&[&RESOURCE_WITHOUT_COST, &ACTIVITY_WITHOUT_COST], |c| {
        c.block_mut(BlockId::CostStructure)
            .items
            .retain(|co| co.id != "co3" && co.id != "co4");
    });
    assert_eq!(
        found,
        [
            (&RESOURCE_WITHOUT_COST, BlockId::CostStructure, s("kr1")),
            (&RESOURCE_WITHOUT_COST, BlockId::CostStructure, s("kr2")),
            (&ACTIVITY_WITHOUT_COST, BlockId::CostStructure, s("ka3")),
        ],
        "kr3, a web shop with its customer data, is intangible"
    );
}

#[test]
fn brands_data_networks_and_ip_need_no_cost_item_of_their_own() {
    let found = fires_after(&[&RESOURCE_WITHOUT_COST], |c| {
        let resources = &mut c.block_mut(BlockId::KeyResources).items;
        for (n, text) in [
            "A brand people trust",
            "Patents on the roast profile",
            "A network of partner roasteries",
        ]
        .into_iter()
        .enumerate()
        {
            resources.push(Item::new(format!("kr{}", n + 10), text, vec!["vp1".into()]));
        }
        resources.push(Item::new("kr20", "Delivery vans", vec!["vp1".into()]));
    });
    assert_eq!(
        found,
        [(&RESOURCE_WITHOUT_COST, BlockId::CostStructure, s("kr20"))]
    );
}
