//! The canvas as a typed model: its nine blocks, items, statuses, coach-mode sittings and values
//! given without asking. No I/O and no message text live here.

mod amount;
mod block;
mod canvas;
mod cards;
mod date;
mod edit;
mod given;
mod merge;

pub use amount::{Amount, Per};
pub use block::BlockId;
pub use canvas::{
    Acknowledged, Block, Canvas, FORMAT, Item, ItemIndex, Meta, OLDEST_FORMAT, Sitting, Status,
};
pub use cards::{Cost, Decision, Evidence, Learning, Strength, Test, TestState, test_number};
pub use date::{format as format_date, is_date, read_typed as read_typed_date};
pub use edit::merge_picks;
pub use given::{Given, MetaField, MetaValue, Pinned};
pub use merge::{Conflict, Side, merge};
