//! Time for the interview: a monotonic clock for coach mode's timeboxes, and the local date.

use std::time::Instant;

/// Seconds on a monotonic clock.
pub trait Clock {
    fn seconds(&self) -> u64;
}

/// The real clock, counting from when it was made.
pub struct SystemClock(Instant);

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock(Instant::now())
    }
}

impl Clock for SystemClock {
    fn seconds(&self) -> u64 {
        self.0.elapsed().as_secs()
    }
}

fn local_now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// The local date and time to the minute, `YYYY-MM-DD HH:MM`.
pub fn now() -> String {
    local_now()
        .format(time::macros::format_description!(
            "[year]-[month]-[day] [hour]:[minute]"
        ))
        .expect("a time always formats")
}

/// Today's date in the local time zone (UTC where the zone cannot be read).
pub fn today() -> String {
    crate::model::format_date(local_now().date())
}
