//! The assumption map: in the terminal as four boxes of item ids with a list of their texts
//! below, and as an SVG image for the HTML page. Both mark each item's type with a letter (and
//! a colour where there is colour), so the map reads in black and white too.

mod image;
mod text;

use crate::analysis::map::{Kind, Placed, Quadrant};
use crate::i18n::{KindWords, MapWords, Messages, fill};
use crate::model::Canvas;
use crate::render::safe;

pub use image::image;
pub use text::text;

/// The words for a type of assumption.
fn kind_words(kind: Kind, m: &MapWords) -> &KindWords {
    match kind {
        Kind::Desirability => &m.desirability,
        Kind::Feasibility => &m.feasibility,
        Kind::Viability => &m.viability,
    }
}

/// A quadrant's title, which names both of its axes.
pub fn quadrant_title(quadrant: Quadrant, m: &MapWords) -> &str {
    match quadrant {
        Quadrant::TestFirst => &m.test_first,
        Quadrant::Backed => &m.backed,
        Quadrant::Later => &m.later,
        Quadrant::Settled => &m.settled,
    }
}

/// The type's letter before an item's id: `D vp2`, safe for one line.
pub fn label(placed: &Placed<'_>, m: &MapWords) -> String {
    format!(
        "{} {}",
        kind_words(placed.kind, m).letter,
        safe::line(&placed.item.id)
    )
}

/// The items of `quadrant`, riskiest first, as `map` ordered them.
pub fn in_quadrant<'p, 'a>(
    placed: &'p [Placed<'a>],
    quadrant: Quadrant,
) -> impl Iterator<Item = &'p Placed<'a>> {
    placed.iter().filter(move |p| p.quadrant == quadrant)
}

/// The map's heading with the canvas's title, safe for one line.
pub fn heading(canvas: &Canvas, messages: &Messages) -> String {
    let title = if canvas.meta.title.is_empty() {
        messages.report.untitled.clone()
    } else {
        safe::line(&canvas.meta.title).into_owned()
    };
    fill(&messages.assumption_map.heading, &[("title", &title)])
}
