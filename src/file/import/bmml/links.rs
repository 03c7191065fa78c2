//! Links between BMML elements, fits, version 1's cost structure and the Value Proposition
//! Canvas detail kept in notes.

use indexmap::IndexMap;

use super::shape::{CostStructure, Detail, Element, Fit, OneOrMany};
use super::{PREFIXES, Pending, Reader, line_of, section_block};
use crate::file::import::{Holder, Place, Why};
use crate::model::BlockId;

/// The block an id's BMML prefix names.
fn block_of_prefix(id: &str) -> Option<BlockId> {
    PREFIXES.iter().find(|(_, p)| id.starts_with(p)).map(|(b, _)| *b)
}

/// A job, pain, gain, product or reliever as one line: its text and its id.
fn detail_line(detail: &Detail) -> String {
    let text = detail
        .name
        .as_deref()
        .or(detail.description.as_deref())
        .unwrap_or_default();
    match &detail.id {
        Some(id) => format!("{text} ({id})"),
        None => text.to_owned(),
    }
}

impl Reader {
    /// Reads an element's links, to place once every element is known.
    pub(super) fn links(&mut self, block: BlockId, id: &str, element: &Element, at: Place) {
        let mut wanted: Vec<(String, Vec<String>, Option<BlockId>)> = Vec::new();
        for (relation, sections) in [("for", &element.for_), ("from", &element.from)] {
            for (section, ids) in sections {
                wanted.push((
                    format!("{relation}.{section}"),
                    ids.values(),
                    section_block(section),
                ));
            }
        }
        let version_one = [
            ("segments", &element.segments, Some(BlockId::CustomerSegments)),
            ("segment", &element.segment, Some(BlockId::CustomerSegments)),
            (
                "from_segments",
                &element.from_segments,
                Some(BlockId::CustomerSegments),
            ),
            ("for_value", &element.for_value, Some(BlockId::ValuePropositions)),
            ("provides", &element.provides, None),
            ("linked_to", &element.linked_to, None),
        ];
        for (key, ids, hint) in version_one {
            if let Some(ids) = ids {
                wanted.push((key.to_owned(), ids.values(), hint));
            }
        }
        for (key, targets, hint) in wanted {
            for target in targets {
                self.pending.push(Pending {
                    item: id.to_owned(),
                    block,
                    key: key.clone(),
                    target: target.trim().to_owned(),
                    hint,
                    at,
                });
            }
        }
    }

    /// Keeps an element's Value Proposition Canvas detail in its note, one line per kind.
    pub(super) fn details(&mut self, id: &str, element: &Element, at: Place) {
        let kinds = [
            ("jobs", &element.jobs),
            ("pains", &element.pains),
            ("gains", &element.gains),
            ("products_services", &element.products_services),
            ("pain_relievers", &element.pain_relievers),
            ("gain_creators", &element.gain_creators),
        ];
        for (key, details) in kinds {
            if !details.is_empty() {
                let lines: Vec<String> = details.iter().map(detail_line).collect();
                self.kept(
                    at,
                    Holder::Item(id.to_owned()),
                    key,
                    lines.join("; "),
                    Why::NoPlace,
                );
            }
        }
    }

    /// Version 1's cost structure: its orientation and characteristics are the block's choices,
    /// its major costs the block's items.
    pub(super) fn cost_structure(&mut self, costs: &CostStructure) {
        let block = BlockId::CostStructure;
        for (key, values) in [("type", &costs.kind), ("characteristics", &costs.characteristics)] {
            for value in values.iter().flat_map(OneOrMany::values) {
                self.value(block, None, Holder::Block(block), key, &value, Place::Nowhere);
            }
        }
        for cost in &costs.major_costs {
            self.element(block, cost, "major_costs.type");
        }
    }

    /// A fit links its value propositions to its segments; its mappings stay in their notes.
    pub(super) fn fit(&mut self, fit: &Fit) {
        let at = fit.id.as_ref().map_or(Place::Nowhere, line_of);
        let name = fit.id.as_ref().map_or("fits", |id| id.value.as_str()).to_owned();
        let ends = |section: &str, v1: &Option<String>| {
            let mut ids = fit.for_.get(section).map(OneOrMany::values).unwrap_or_default();
            ids.extend(v1.iter().cloned());
            ids
        };
        let segments = ends("customer_segments", &fit.customer_segment);
        let mappings: Vec<String> = fit.mappings.iter().map(|pair| pair.join(" → ")).collect();
        for proposition in ends("value_propositions", &fit.value_proposition) {
            let exists = self
                .canvas
                .block(BlockId::ValuePropositions)
                .items
                .iter()
                .any(|i| i.id == proposition);
            if !exists {
                let value = format!("{proposition} → {}", segments.join(", "));
                let holder = Holder::Block(BlockId::ValuePropositions);
                self.kept(at, holder, &name, value, Why::NoLink);
                continue;
            }
            for segment in &segments {
                self.pending.push(Pending {
                    item: proposition.clone(),
                    block: BlockId::ValuePropositions,
                    key: name.clone(),
                    target: segment.clone(),
                    hint: Some(BlockId::CustomerSegments),
                    at,
                });
            }
            if !mappings.is_empty() {
                let key = format!("{name}.mappings");
                self.kept(
                    at,
                    Holder::Item(proposition.clone()),
                    &key,
                    mappings.join(", "),
                    Why::NoPlace,
                );
            }
        }
    }

    /// Places every link read: where the block allows it, as a link (to nothing too: the gap
    /// report names it); else kept in the note, the targets of one key on one line.
    pub(super) fn place_links(&mut self) {
        let blocks: IndexMap<String, BlockId> = self.canvas.items().map(|(b, i)| (i.id.clone(), b)).collect();
        let mut refused: IndexMap<(String, String), (Place, Vec<String>)> = IndexMap::new();
        for link in std::mem::take(&mut self.pending) {
            let target_block = blocks
                .get(&link.target)
                .copied()
                .or(link.hint)
                .or_else(|| block_of_prefix(&link.target));
            let allowed = target_block.is_none_or(|b| link.block.link_targets().contains(&b));
            if !allowed {
                let entry = refused
                    .entry((link.item, link.key))
                    .or_insert((link.at, Vec::new()));
                entry.1.push(link.target);
                continue;
            }
            let items = &mut self.canvas.block_mut(link.block).items;
            if let Some(item) = items.iter_mut().find(|i| i.id == link.item)
                && !item.links.contains(&link.target)
            {
                item.links.push(link.target);
            }
        }
        for ((item, key), (at, targets)) in refused {
            self.kept(at, Holder::Item(item), &key, targets.join(", "), Why::NoLink);
        }
    }
}
