//! BMML, the Business Model Markup Language: YAML with prefixed ids (`cs-…`, `vp-…`), `for:`
//! and `from:` links by section, and fits between value propositions and segments. Elements
//! become items with their ids; links the canvas allows become links, fits become links from
//! value propositions to segments; category values become the bank's options where one is an
//! exact equivalent. The rest — the Value Proposition Canvas, links a block cannot hold, values
//! without an equivalent, the portfolio — is kept as text in a note.

mod options;
mod shape;

use std::collections::HashSet;
use std::path::Path;

use serde_saphyr::Spanned;

use super::{Finding, Holder, Ids, Imported, Place, What, Why, choose};
use crate::error::{Invalid, Problem};
use crate::i18n::Language;
use crate::model::{BlockId, Canvas, Item, is_date};
use shape::{Document, Element, Keys, Meta, OneOrMany, READ};

/// Alias replays allowed in one file, far below the parser's default: a canvas needs few, and
/// a file of nested aliases (an alias bomb) is refused long before it fills memory.
const MAX_REPLAYED_EVENTS: usize = 100_000;

/// The sections of a document and the blocks they fill.
const SECTIONS: [(BlockId, &str); 9] = [
    (BlockId::CustomerSegments, "customer_segments"),
    (BlockId::ValuePropositions, "value_propositions"),
    (BlockId::Channels, "channels"),
    (BlockId::CustomerRelationships, "customer_relationships"),
    (BlockId::RevenueStreams, "revenue_streams"),
    (BlockId::KeyResources, "key_resources"),
    (BlockId::KeyActivities, "key_activities"),
    (BlockId::KeyPartners, "key_partnerships"),
    (BlockId::CostStructure, "costs"),
];

/// The id prefixes BMML gives each block's elements.
const PREFIXES: [(BlockId, &str); 9] = [
    (BlockId::CustomerSegments, "cs-"),
    (BlockId::ValuePropositions, "vp-"),
    (BlockId::Channels, "ch-"),
    (BlockId::CustomerRelationships, "cr-"),
    (BlockId::RevenueStreams, "rs-"),
    (BlockId::KeyResources, "kr-"),
    (BlockId::KeyActivities, "ka-"),
    (BlockId::KeyPartners, "kp-"),
    (BlockId::CostStructure, "cost-"),
];

/// A link read from an element, placed once every element is known.
struct Pending {
    item: String,
    block: BlockId,
    key: String,
    target: String,
    /// The block the key names the target in, where it names one.
    hint: Option<BlockId>,
    at: Place,
}

struct Reader {
    canvas: Canvas,
    findings: Vec<Finding>,
    ids: Ids,
    pending: Vec<Pending>,
}

fn parse<T: for<'de> serde::Deserialize<'de>>(path: &Path, text: &str) -> Result<T, Invalid> {
    let mut options = serde_saphyr::Options::default();
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let detail = e.without_snippet().to_string();
        let detail = detail.lines().next().unwrap_or_default().to_owned();
        let mut invalid = Invalid::new(path, Problem::Syntax { detail });
        invalid.position = e.location().map(|l| (place(l.line()), place(l.column())));
        invalid
    })
}

fn place(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX).max(1)
}

pub fn read(path: &Path, text: &str, flag: Option<Language>) -> Result<Imported, Invalid> {
    let document: Document = parse(path, text)?;
    let keys: Keys = parse(path, text)?;
    let mut reader = Reader {
        canvas: Canvas::default(),
        findings: Vec::new(),
        ids: Ids::default(),
        pending: Vec::new(),
    };
    reader.register(path, &document)?;
    reader.meta(&document.meta, flag);
    for (block, section) in SECTIONS {
        for element in section_of(&document, section) {
            reader.element(block, element, "type");
        }
    }
    if let Some(costs) = &document.cost_structure {
        reader.cost_structure(costs);
    }
    for fit in &document.fits {
        reader.fit(fit);
    }
    reader.place_links();
    for name in keys.keys().filter(|k| !READ.contains(&k.as_str())) {
        reader.found(Place::Nowhere, What::Unread { name: name.clone() });
    }
    let dangling = reader.ids.dangling(&reader.canvas);
    reader.findings.extend(dangling);
    Ok(Imported {
        canvas: reader.canvas,
        findings: reader.findings,
    })
}

fn section_of<'a>(document: &'a Document, section: &str) -> &'a [Element] {
    match section {
        "customer_segments" => &document.customer_segments,
        "value_propositions" => &document.value_propositions,
        "channels" => &document.channels,
        "customer_relationships" => &document.customer_relationships,
        "revenue_streams" => &document.revenue_streams,
        "key_resources" => &document.key_resources,
        "key_activities" => &document.key_activities,
        "key_partnerships" => &document.key_partnerships,
        _ => &document.costs,
    }
}

/// The block of a section named in `for:` or `from:`.
fn section_block(section: &str) -> Option<BlockId> {
    SECTIONS.iter().find(|(_, s)| *s == section).map(|(b, _)| *b)
}

fn line_of(id: &Spanned<String>) -> Place {
    Place::Line(place(id.referenced.line()))
}

impl Reader {
    fn found(&mut self, at: Place, what: What) {
        self.findings.push(Finding { at, what });
    }

    fn kept(&mut self, at: Place, holder: Holder, key: &str, value: String, why: Why) {
        let key = key.to_owned();
        self.found(
            at,
            What::Kept {
                holder,
                key,
                value,
                why,
            },
        );
    }

    /// Takes every element's own id first, so that ids given to elements without one are free;
    /// an id used twice is refused where it stands the second time.
    fn register(&mut self, path: &Path, document: &Document) -> Result<(), Invalid> {
        let costs = document
            .cost_structure
            .as_ref()
            .map_or(&[][..], |c| &c.major_costs[..]);
        let sections = SECTIONS
            .iter()
            .map(|(block, section)| (*block, section_of(document, section)))
            .chain([(BlockId::CostStructure, costs)]);
        for (block, elements) in sections {
            for id in elements.iter().filter_map(|e| e.id.as_ref()) {
                self.ids
                    .add(id.value.trim(), block, line_of(id))
                    .map_err(|problem| {
                        let mut invalid = Invalid::new(path, problem);
                        let at = id.referenced;
                        invalid.position = Some((place(at.line()), place(at.column())));
                        invalid
                    })?;
            }
        }
        Ok(())
    }

    fn meta(&mut self, meta: &Meta, flag: Option<Language>) {
        let m = &mut self.canvas.meta;
        m.title = meta.name.clone().unwrap_or_default();
        m.language = Language::choose(flag, None).code().to_owned();
        let dated = [("meta.updated", &meta.updated), ("meta.created", &meta.created)]
            .into_iter()
            .find(|(_, d)| d.as_deref().is_some_and(is_date));
        if let Some((_, Some(day))) = dated {
            m.date.clone_from(day);
        }
        let rest = [
            ("meta.tagline", &meta.tagline),
            ("meta.portfolio", &meta.portfolio),
            ("meta.stage", &meta.stage),
            ("meta.derived_from", &meta.derived_from),
            ("meta.created", &meta.created),
            ("meta.updated", &meta.updated),
        ];
        for (key, value) in rest {
            let used = dated.is_some_and(|(k, _)| k == key);
            if let (Some(value), false) = (value, used) {
                let holder = Holder::Block(BlockId::CustomerSegments);
                self.kept(Place::Nowhere, holder, key, value.clone(), Why::NoPlace);
            }
        }
    }

    /// A free id for an element that has none: the block's canvas-coach prefix and a number.
    fn fresh_id(&mut self, block: BlockId, at: Place) -> String {
        let taken: HashSet<&str> = self.canvas.items().map(|(_, i)| i.id.as_str()).collect();
        let id = (1..)
            .map(|n| format!("{}{n}", block.item_prefix()))
            .find(|id| !taken.contains(id.as_str()) && self.ids.place(id) == Place::Nowhere)
            .expect("some number is free");
        let _ = self.ids.add(&id, block, at);
        self.found(at, What::NewId { item: id.clone() });
        id
    }

    fn element(&mut self, block: BlockId, element: &Element, kind_key: &str) {
        let at = element.id.as_ref().map_or(Place::Nowhere, line_of);
        let id = match &element.id {
            Some(id) => id.value.trim().to_owned(),
            None => self.fresh_id(block, at),
        };
        let (text, note) = match (&element.name, &element.description) {
            (Some(name), description) => (name.clone(), description.clone()),
            (None, description) => (description.clone().unwrap_or_default(), None),
        };
        let items = &mut self.canvas.block_mut(block).items;
        items.push(Item {
            note,
            ..Item::new(id.clone(), text, Vec::new())
        });
        let index = items.len() - 1;
        let values = [
            (kind_key, &element.kind),
            ("phases", &element.phases),
            ("pricing", &element.pricing),
            ("motivation", &element.motivation),
        ];
        for (key, value) in values {
            for value in value.iter().flat_map(OneOrMany::values) {
                self.value(block, Some(index), Holder::Item(id.clone()), key, &value, at);
            }
        }
        self.links(block, &id, element, at);
        self.details(&id, element, at);
    }

    /// Maps a category value to the bank's option, or keeps it in the holder's note.
    fn value(
        &mut self,
        block: BlockId,
        item: Option<usize>,
        holder: Holder,
        key: &str,
        value: &str,
        at: Place,
    ) {
        let Some((group, option)) = options::option(block, key, value) else {
            self.kept(at, holder, key, value.to_owned(), Why::NoEquivalent);
            return;
        };
        choose(&mut self.canvas, block, item, group, option);
        let (key, value, group, option) = (
            key.to_owned(),
            value.to_owned(),
            group.to_owned(),
            option.to_owned(),
        );
        self.found(
            at,
            What::Choice {
                holder,
                key,
                value,
                block,
                group,
                option,
            },
        );
    }
}

mod links;

#[cfg(test)]
mod tests;
