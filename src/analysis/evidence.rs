//! How much evidence backs an item: the one measure that both the risk ranking and the
//! assumption map read, so that weighing evidence differently changes both at once.

use crate::model::{Item, Status};

/// From this much evidence on, an item counts as backed by evidence on the assumption map.
pub const ENOUGH: u32 = 2;

/// The evidence for `item`: its status says how far testing went (a test under way counts one,
/// a verdict either way two, since an invalidated item is known too), and each recorded piece
/// of evidence counts one. So a verdict, or a test under way with a finding, is enough; a lone
/// finding on an untested assumption is not. Zero means nothing at all backs it.
pub fn evidence(item: &Item) -> u32 {
    let status: u32 = match item.status {
        Status::Assumption => 0,
        Status::Testing => 1,
        Status::Validated | Status::Invalidated => 2,
    };
    let entries = u32::try_from(item.evidence.len()).unwrap_or(u32::MAX);
    status.saturating_add(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(status: Status, entries: usize) -> Item {
        let mut item = Item::new("vp1", "Offer", vec![]);
        item.status = status;
        item.evidence = (0..entries)
            .map(|n| format!("2026-01-0{}: seen", n + 1))
            .collect();
        item
    }

    #[test]
    fn a_verdict_or_a_test_with_a_finding_is_enough_and_a_lone_finding_is_not() {
        assert_eq!(evidence(&item(Status::Assumption, 0)), 0);
        assert!(evidence(&item(Status::Assumption, 1)) < ENOUGH);
        assert!(evidence(&item(Status::Testing, 0)) < ENOUGH);
        assert!(evidence(&item(Status::Testing, 1)) >= ENOUGH);
        assert!(evidence(&item(Status::Assumption, 2)) >= ENOUGH);
        assert!(evidence(&item(Status::Validated, 0)) >= ENOUGH);
        assert!(evidence(&item(Status::Invalidated, 0)) >= ENOUGH);
        assert_eq!(
            evidence(&item(Status::Validated, 3)),
            5,
            "more findings weigh more"
        );
    }
}
