//! How much evidence backs an item: the one measure that both the risk ranking and the
//! assumption map read, so that weighing evidence differently changes both at once.

use crate::model::{Item, Status, Strength};

/// From this much evidence on, an item counts as backed by evidence on the assumption map.
pub const ENOUGH: u32 = 2;

/// The evidence for `item`: its status says how far testing went (a test under way counts one,
/// a verdict either way two, since an invalidated item is known too), and each recorded piece
/// of evidence counts by its strength: what people say (or evidence of unknown strength) one,
/// what they do two, what they pay three. So a verdict, a test under way with a finding, or
/// one observed act is enough; a lone opinion on an untested assumption is not. Zero means
/// nothing at all backs it.
pub fn evidence(item: &Item) -> u32 {
    let status: u32 = match item.status {
        Status::Assumption => 0,
        Status::Testing => 1,
        Status::Validated | Status::Invalidated => 2,
    };
    item.evidence
        .iter()
        .fold(status, |sum, e| sum.saturating_add(weight(e.strength)))
}

fn weight(strength: Strength) -> u32 {
    match strength {
        Strength::Unknown | Strength::Say => 1,
        Strength::Do => 2,
        Strength::Pay => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evidence;

    fn item(status: Status, entries: usize) -> Item {
        rated(status, &vec![Strength::Unknown; entries])
    }

    fn rated(status: Status, strengths: &[Strength]) -> Item {
        let mut item = Item::new("vp1", "Offer", vec![]);
        item.status = status;
        item.evidence = strengths
            .iter()
            .enumerate()
            .map(|(n, &s)| Evidence::new(format!("2026-01-0{}: seen", n + 1), s))
            .collect();
        item
    }

    #[test]
    fn what_people_do_or_pay_weighs_more_than_what_they_say() {
        assert!(evidence(&rated(Status::Assumption, &[Strength::Say])) < ENOUGH);
        assert!(evidence(&rated(Status::Assumption, &[Strength::Do])) >= ENOUGH);
        let paid = evidence(&rated(Status::Assumption, &[Strength::Pay]));
        assert!(paid > evidence(&rated(Status::Assumption, &[Strength::Do])));
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
