//! Reading across canvases and items: what changed between iterations, which assumptions carry
//! the most risk and where they sit on the assumption map, how much evidence backs an item, and
//! the check of a whole cohort.

pub mod assumptions;
pub mod cohort;
pub mod diff;
pub mod evidence;
pub mod map;
