//! Coach mode inside the interview: where the last sitting stopped, and the time each block
//! took against its timebox.

use super::clock::Clock;
use super::prompt::{Prompter, Say};
use super::walk::Interview;
use crate::i18n::fill;
use crate::model::{BlockId, Canvas};

/// Coach mode: the clock that times each block, and when the sitting started.
pub struct Coaching<'a> {
    pub clock: &'a dyn Clock,
    /// Local `YYYY-MM-DD HH:MM`.
    pub started: String,
}

impl Interview<'_> {
    /// Where the previous coach-mode sitting stopped, so this one can pick up from there.
    pub(super) fn show_last_session(&self, canvas: &Canvas, prompter: &mut dyn Prompter) {
        let Some(last) = canvas.sessions.last() else {
            return;
        };
        let block = last.stopped_at.map_or("—", |b| self.bank.block(b).title.as_str());
        let minutes: u32 = last.minutes.values().sum();
        let said = fill(
            &self.messages.coach.last_session,
            &[
                ("started", &last.started),
                ("iteration", &last.iteration.to_string()),
                ("block", block),
                (
                    "minutes",
                    &self
                        .messages
                        .count(&self.messages.coach.minutes_count, minutes as usize),
                ),
            ],
        );
        prompter.say(Say::Note(&said));
    }

    /// Adds the block's minutes to this sitting's record and says how they compare to the timebox.
    pub(super) fn record_time(
        &self,
        block: BlockId,
        started: u64,
        canvas: &mut Canvas,
        prompter: &mut dyn Prompter,
    ) {
        let Some(coaching) = &self.coaching else {
            return;
        };
        let seconds = coaching.clock.seconds().saturating_sub(started);
        let minutes = u32::try_from(seconds.div_ceil(60)).unwrap_or(u32::MAX);
        if let Some(record) = canvas.sessions.last_mut() {
            *record.minutes.entry(block).or_insert(0) += minutes;
            record.stopped_at = Some(block);
        }
        let Some(timebox) = self.bank.block(block).coach.as_ref().map(|c| c.timebox_minutes) else {
            return;
        };
        let m = &self.messages.coach;
        let count = |n: u32| self.messages.count(&m.minutes_count, n as usize);
        let (spent, boxed) = (count(minutes), count(timebox));
        let said = if minutes > timebox {
            let over = count(minutes - timebox);
            fill(
                &m.time_over,
                &[("spent", &spent), ("over", &over), ("timebox", &boxed)],
            )
        } else {
            // "10 of 15 minutes": the unit once, with the timebox.
            fill(
                &m.time_spent,
                &[("spent", &minutes.to_string()), ("timebox", &boxed)],
            )
        };
        prompter.say(Say::Note(&said));
    }
}
