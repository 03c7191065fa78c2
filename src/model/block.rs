//! The nine blocks of the Business Model Canvas: their ids, the order the interview walks them in,
//! the prefixes of their item ids and which blocks their items may link to.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockId {
    CustomerSegments,
    ValuePropositions,
    Channels,
    CustomerRelationships,
    RevenueStreams,
    KeyResources,
    KeyActivities,
    KeyPartners,
    CostStructure,
}

impl BlockId {
    /// The recommended order: from the customer, to the offer, to the machinery behind it.
    pub const ALL: [BlockId; 9] = [
        BlockId::CustomerSegments,
        BlockId::ValuePropositions,
        BlockId::Channels,
        BlockId::CustomerRelationships,
        BlockId::RevenueStreams,
        BlockId::KeyResources,
        BlockId::KeyActivities,
        BlockId::KeyPartners,
        BlockId::CostStructure,
    ];

    /// The key of the block's table in a canvas file and its id in a question bank.
    pub fn key(self) -> &'static str {
        match self {
            BlockId::CustomerSegments => "customer_segments",
            BlockId::ValuePropositions => "value_propositions",
            BlockId::Channels => "channels",
            BlockId::CustomerRelationships => "customer_relationships",
            BlockId::RevenueStreams => "revenue_streams",
            BlockId::KeyResources => "key_resources",
            BlockId::KeyActivities => "key_activities",
            BlockId::KeyPartners => "key_partners",
            BlockId::CostStructure => "cost_structure",
        }
    }

    /// Generated item ids are this prefix and a number: `cs1`, `vp2`, …
    pub fn item_prefix(self) -> &'static str {
        match self {
            BlockId::CustomerSegments => "cs",
            BlockId::ValuePropositions => "vp",
            BlockId::Channels => "ch",
            BlockId::CustomerRelationships => "cr",
            BlockId::RevenueStreams => "rs",
            BlockId::KeyResources => "kr",
            BlockId::KeyActivities => "ka",
            BlockId::KeyPartners => "kp",
            BlockId::CostStructure => "co",
        }
    }

    /// The blocks whose items an item of this block may link to (serves, is supported by, …).
    /// Channels and revenue streams may also name the value propositions they carry or are
    /// paid for.
    pub fn link_targets(self) -> &'static [BlockId] {
        use BlockId::*;
        match self {
            Channels | RevenueStreams => &[CustomerSegments, ValuePropositions],
            _ => self.required_targets(),
        }
    }

    /// The blocks an item of this block should link to at least one item of: the segments it
    /// serves, or what it supports or provides.
    pub fn required_targets(self) -> &'static [BlockId] {
        use BlockId::*;
        match self {
            CustomerSegments => &[],
            ValuePropositions | Channels | CustomerRelationships | RevenueStreams => &[CustomerSegments],
            KeyResources | KeyActivities => &[ValuePropositions, Channels, CustomerRelationships],
            KeyPartners => &[KeyResources, KeyActivities],
            CostStructure => &[KeyResources, KeyActivities, KeyPartners],
        }
    }

    /// Whether its items may carry an amount of money: revenue streams and costs.
    pub fn carries_amounts(self) -> bool {
        matches!(self, BlockId::RevenueStreams | BlockId::CostStructure)
    }

    /// Position in the recommended order, from 0.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for BlockId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl serde::Serialize for BlockId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> serde::Deserialize<'de> for BlockId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        key.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for BlockId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "BlockId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let keys: Vec<&str> = BlockId::ALL.iter().map(|b| b.key()).collect();
        schemars::json_schema!({ "type": "string", "enum": keys })
    }
}

impl FromStr for BlockId {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BlockId::ALL
            .into_iter()
            .find(|block| block.key() == s)
            .ok_or_else(|| {
                let known: Vec<_> = BlockId::ALL.iter().map(|b| b.key()).collect();
                format!("unknown block '{s}' (known: {})", known.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_the_recommended_one_and_keys_round_trip() {
        let keys: Vec<_> = BlockId::ALL.iter().map(|b| b.key()).collect();
        assert_eq!(
            keys,
            [
                "customer_segments",
                "value_propositions",
                "channels",
                "customer_relationships",
                "revenue_streams",
                "key_resources",
                "key_activities",
                "key_partners",
                "cost_structure"
            ]
        );
        for (i, block) in BlockId::ALL.into_iter().enumerate() {
            assert_eq!(block.index(), i);
            assert_eq!(block.key().parse::<BlockId>(), Ok(block));
        }
        assert!("segments".parse::<BlockId>().is_err());
    }

    #[test]
    fn links_only_point_to_blocks_asked_earlier() {
        // An item can only be linked to items that exist when the interview reaches it.
        for block in BlockId::ALL {
            for target in block.link_targets() {
                assert!(target.index() < block.index(), "{block} -> {target}");
            }
        }
    }
}
