//! The shape of a BMML file, as far as a canvas can use it: both the current layout (`for:` and
//! `from:` with a list per section, `costs`) and version 1's (`segments`, `for_value`,
//! `provides`, `type` values, `cost_structure`), which still holds the category values.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Document {
    pub meta: Meta,
    pub customer_segments: Vec<Element>,
    pub value_propositions: Vec<Element>,
    pub fits: Vec<Fit>,
    pub channels: Vec<Element>,
    pub customer_relationships: Vec<Element>,
    pub revenue_streams: Vec<Element>,
    pub key_resources: Vec<Element>,
    pub key_activities: Vec<Element>,
    pub key_partnerships: Vec<Element>,
    pub costs: Vec<Element>,
    pub cost_structure: Option<CostStructure>,
    pub version: Option<IgnoredAny>,
}

/// The keys of a document: those a canvas has no place for are reported as not read. Read
/// apart from `Document`, whose ids keep their places only when read straight from the text.
pub type Keys = BTreeMap<String, IgnoredAny>;

/// The top-level keys `Document` reads.
pub const READ: [&str; 13] = [
    "version",
    "meta",
    "customer_segments",
    "value_propositions",
    "fits",
    "channels",
    "customer_relationships",
    "revenue_streams",
    "key_resources",
    "key_activities",
    "key_partnerships",
    "costs",
    "cost_structure",
];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Meta {
    pub name: Option<String>,
    pub tagline: Option<String>,
    pub created: Option<String>,
    pub updated: Option<String>,
    pub portfolio: Option<String>,
    pub stage: Option<String>,
    pub derived_from: Option<String>,
}

/// One id, or a list of them: version 1 writes `segment: cs-a` and `for_value: vp-a` as well as
/// lists.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn values(&self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one.clone()],
            OneOrMany::Many(many) => many.clone(),
        }
    }
}

/// A building block's element: a segment, a value proposition, a channel, …
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Element {
    pub id: Option<Spanned<String>>,
    pub name: Option<String>,
    pub description: Option<String>,
    /// Section name → ids: what the element serves or supports.
    #[serde(rename = "for")]
    pub for_: IndexMap<String, OneOrMany>,
    /// Section name → ids: where a revenue stream comes from.
    pub from: IndexMap<String, OneOrMany>,
    /// Version 1's category value.
    #[serde(rename = "type")]
    pub kind: Option<OneOrMany>,
    pub phases: Option<OneOrMany>,
    pub pricing: Option<OneOrMany>,
    pub motivation: Option<OneOrMany>,
    /// Version 1's links.
    pub segments: Option<OneOrMany>,
    pub segment: Option<OneOrMany>,
    pub from_segments: Option<OneOrMany>,
    pub for_value: Option<OneOrMany>,
    pub provides: Option<OneOrMany>,
    pub linked_to: Option<OneOrMany>,
    /// The Value Proposition Canvas: a segment's profile and a proposition's value map.
    pub jobs: Vec<Detail>,
    pub pains: Vec<Detail>,
    pub gains: Vec<Detail>,
    pub products_services: Vec<Detail>,
    pub pain_relievers: Vec<Detail>,
    pub gain_creators: Vec<Detail>,
}

/// A job, pain, gain, product, pain reliever or gain creator.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Detail {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
}

/// A fit between value propositions and segments: links from the one to the other.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Fit {
    pub id: Option<Spanned<String>>,
    #[serde(rename = "for")]
    pub for_: IndexMap<String, OneOrMany>,
    pub mappings: Vec<Vec<String>>,
    /// Version 1's single ends of a fit.
    pub value_proposition: Option<String>,
    pub customer_segment: Option<String>,
}

/// Version 1's cost structure: its orientation, characteristics and major costs.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CostStructure {
    #[serde(rename = "type")]
    pub kind: Option<OneOrMany>,
    pub characteristics: Option<OneOrMany>,
    pub major_costs: Vec<Element>,
}
