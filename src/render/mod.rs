//! Renderings of a canvas for people: the nine-block grid as text, a Markdown document and a
//! self-contained HTML page. Each renderer is a pure function of the canvas, its question bank,
//! the gap report and the messages; none touches a file.

pub mod html;
pub mod markdown;
pub mod txt;

use std::collections::HashMap;

use crate::bank::Bank;
use crate::block::BlockId;
use crate::canvas::{Canvas, Item};

/// The HTML entity for a character that HTML (and so Markdown) would read as markup.
fn entity(c: char) -> Option<&'static str> {
    match c {
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '&' => Some("&amp;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

/// The customer segments each item serves, directly or through the items it links to, in the
/// order of the segments. Links only point to earlier blocks, so one pass in block order suffices.
pub fn segments_served(canvas: &Canvas) -> HashMap<&str, Vec<usize>> {
    let mut served: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, segment) in canvas.block(BlockId::CustomerSegments).items.iter().enumerate() {
        served.insert(segment.id.as_str(), vec![n]);
    }
    for &block in &BlockId::ALL[1..] {
        for item in &canvas.block(block).items {
            let mut segments: Vec<usize> = item
                .links
                .iter()
                .filter_map(|l| served.get(l.as_str()))
                .flatten()
                .copied()
                .collect();
            segments.sort_unstable();
            segments.dedup();
            served.insert(item.id.as_str(), segments);
        }
    }
    served
}

/// The labels of an item's own choices, or the block's where it has none, group by group.
pub fn choice_labels(bank: &Bank, canvas: &Canvas, block: BlockId, item: Option<&Item>) -> Vec<String> {
    let written = canvas.block(block);
    let mut labels = Vec::new();
    for group in &bank.block(block).groups {
        let chosen = match item {
            Some(item) if group.per_item => written.chosen_for(item, group.id()),
            None if !group.per_item => written.chosen(group.id()),
            _ => &[],
        };
        for id in chosen {
            let label = group
                .options
                .iter()
                .find(|o| o.id() == id)
                .map_or(id.as_str(), |o| o.label.as_str());
            labels.push(label.to_owned());
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn items_serve_the_segments_their_links_lead_to() {
        let text = include_str!("../../examples/brew-box.toml");
        let canvas = Canvas::parse(Path::new("brew-box.toml"), text).unwrap();
        let served = segments_served(&canvas);
        assert_eq!(served["cs2"], [1]);
        assert_eq!(served["vp1"], [0, 1]);
        assert_eq!(served["vp2"], [0]);
        assert_eq!(served["kr2"], [0], "through vp2");
        assert_eq!(served["kp1"], [0, 1], "through ka1, which delivers vp1 and vp2");
        assert_eq!(served["co3"], [0, 1], "through kr1 and kr2");
    }
}
