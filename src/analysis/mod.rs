//! Reading across canvases and items: what changed between iterations, which assumptions carry
//! the most risk, and the check of a whole cohort.

pub mod assumptions;
pub mod cohort;
pub mod diff;
