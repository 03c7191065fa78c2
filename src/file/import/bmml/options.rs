//! BMML's category values and the bank options they mean. Only exact equivalents are mapped; a
//! value with none is kept as text in the element's note. The values come from BMML version 1
//! (`type`, `phases`, `pricing`, `motivation`, `characteristics`), which the current version
//! dropped.

use crate::model::BlockId::{self, *};

/// Block, BMML key, BMML value → bank group and option.
#[rustfmt::skip]
const OPTIONS: &[(BlockId, &str, &str, &str, &str)] = &[
    (Channels, "type", "direct", "channel_types", "direct"),
    (Channels, "type", "indirect", "channel_types", "indirect"),
    (Channels, "type", "owned", "channel_types", "owned"),
    (Channels, "type", "partner", "channel_types", "partner"),
    (Channels, "phases", "awareness", "phases", "awareness"),
    (Channels, "phases", "evaluation", "phases", "evaluation"),
    (Channels, "phases", "purchase", "phases", "purchase"),
    (Channels, "phases", "delivery", "phases", "delivery"),
    (Channels, "phases", "after_sales", "phases", "after_sales"),
    (CustomerRelationships, "type", "personal_assistance", "relationship_types", "personal_assistance"),
    (CustomerRelationships, "type", "dedicated", "relationship_types", "dedicated_personal_assistance"),
    (CustomerRelationships, "type", "self_service", "relationship_types", "self_service"),
    (CustomerRelationships, "type", "automated", "relationship_types", "automated_services"),
    (CustomerRelationships, "type", "community", "relationship_types", "communities"),
    (CustomerRelationships, "type", "co_creation", "relationship_types", "co_creation"),
    // `transaction` and `recurring` say how often a customer pays, not the type of stream.
    (RevenueStreams, "type", "subscription", "revenue_types", "subscription_fees"),
    (RevenueStreams, "type", "usage", "revenue_types", "usage_fee"),
    (RevenueStreams, "type", "licensing", "revenue_types", "licensing"),
    (RevenueStreams, "type", "advertising", "revenue_types", "advertising"),
    // `fixed_menu` and `dynamic` name the two families of mechanisms, not one mechanism.
    (RevenueStreams, "pricing", "negotiation", "pricing", "negotiation"),
    (RevenueStreams, "pricing", "auction", "pricing", "auctions"),
    (RevenueStreams, "pricing", "market_dependent", "pricing", "real_time_market"),
    (RevenueStreams, "pricing", "volume_dependent", "pricing", "volume_dependent"),
    (KeyResources, "type", "physical", "resource_types", "physical"),
    (KeyResources, "type", "intellectual", "resource_types", "intellectual"),
    (KeyResources, "type", "human", "resource_types", "human"),
    (KeyResources, "type", "financial", "resource_types", "financial"),
    (KeyActivities, "type", "production", "activity_categories", "production"),
    (KeyActivities, "type", "problem_solving", "activity_categories", "problem_solving"),
    (KeyActivities, "type", "platform", "activity_categories", "platform_network"),
    (KeyPartners, "type", "strategic_alliance", "partnership_types", "strategic_alliance"),
    (KeyPartners, "type", "coopetition", "partnership_types", "coopetition"),
    (KeyPartners, "type", "joint_venture", "partnership_types", "joint_venture"),
    (KeyPartners, "type", "supplier", "partnership_types", "buyer_supplier"),
    (KeyPartners, "motivation", "optimization", "motivations", "optimization_economy"),
    (KeyPartners, "motivation", "risk_reduction", "motivations", "risk_reduction"),
    (KeyPartners, "motivation", "resource_acquisition", "motivations", "resource_acquisition"),
    (CostStructure, "type", "cost_driven", "orientation", "cost_driven"),
    (CostStructure, "type", "value_driven", "orientation", "value_driven"),
    (CostStructure, "characteristics", "fixed_costs_heavy", "cost_characteristics", "fixed_costs"),
    (CostStructure, "characteristics", "variable_costs_heavy", "cost_characteristics", "variable_costs"),
    (CostStructure, "characteristics", "economies_of_scale", "cost_characteristics", "economies_of_scale"),
    (CostStructure, "characteristics", "economies_of_scope", "cost_characteristics", "economies_of_scope"),
    (CostStructure, "major_costs.type", "fixed", "cost_characteristics", "fixed_costs"),
    (CostStructure, "major_costs.type", "variable", "cost_characteristics", "variable_costs"),
];

/// The bank group and option a BMML value means, if it has an equivalent.
pub fn option(block: BlockId, key: &str, value: &str) -> Option<(&'static str, &'static str)> {
    let value = value.trim().to_lowercase().replace(['-', ' '], "_");
    OPTIONS
        .iter()
        .find(|(b, k, v, _, _)| *b == block && *k == key && *v == value)
        .map(|(_, _, _, group, option)| (*group, *option))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;
    use crate::i18n::Language;

    #[test]
    fn every_equivalent_is_an_option_of_every_built_in_bank() {
        for language in Language::ALL {
            let bank = Bank::builtin(language);
            for (block, key, value, group, option) in OPTIONS {
                let offered = bank.block(*block).group(group);
                assert!(
                    offered.is_some_and(|g| g.options.iter().any(|o| o.id() == *option)),
                    "{block} {key}={value} → {group}.{option}"
                );
            }
        }
    }

    #[test]
    fn values_are_compared_loosely() {
        assert_eq!(
            option(KeyPartners, "type", "Supplier"),
            Some(("partnership_types", "buyer_supplier"))
        );
        assert_eq!(
            option(Channels, "phases", "after-sales"),
            Some(("phases", "after_sales"))
        );
        assert_eq!(option(RevenueStreams, "type", "transaction"), None);
    }
}
