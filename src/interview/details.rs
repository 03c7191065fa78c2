//! The canvas details: title, designed for, designed by and date; a new canvas is iteration 1.
//! A value given on the command line is not asked; a value that does not fit is asked again.

use std::io;

use super::prompt::{Prompter, Say, kept_or_trimmed};
use super::walk::{Details, Interview};
use crate::model::{Canvas, MetaField, read_typed_date as read_typed};

impl Interview<'_> {
    pub(super) fn ask_details(
        &self,
        canvas: &mut Canvas,
        details: Details,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let m = &self.messages.interview;
        let asked = |field| !self.given.has_meta(field);
        let meta = &mut canvas.meta;
        prompter.say(Say::Heading(&m.details));
        if asked(MetaField::Title) {
            meta.title = ask_until(prompter, &m.title, &meta.title, &m.title_required, |title| {
                (!title.is_empty()).then(|| title.to_owned())
            })?;
        }
        if asked(MetaField::DesignedFor) {
            meta.designed_for = ask(prompter, &m.designed_for, &meta.designed_for)?;
        }
        if asked(MetaField::DesignedBy) {
            meta.designed_by = ask(prompter, &m.designed_by, &meta.designed_by)?;
        }
        if details == Details::Names {
            return Ok(());
        }
        if asked(MetaField::Date) {
            let date = if meta.date.is_empty() {
                &self.today
            } else {
                &meta.date
            };
            meta.date = loop {
                let answer = prompter.date(&m.date, date)?;
                let answer = kept_or_trimmed(answer.as_deref().unwrap_or(date), date);
                if let Some(date) = read_typed(&answer) {
                    break date;
                }
                prompter.say(Say::Note(&m.date_invalid));
            };
        }
        Ok(())
    }
}

/// The trimmed answer; Esc keeps what the field held.
fn ask(prompter: &mut dyn Prompter, prompt: &str, prefill: &str) -> io::Result<String> {
    let answer = prompter.input(prompt, prefill)?;
    Ok(kept_or_trimmed(answer.as_deref().unwrap_or(prefill), prefill))
}

/// Asks until `accept` takes the trimmed answer, saying `again` after each one it refuses.
fn ask_until<T>(
    prompter: &mut dyn Prompter,
    prompt: &str,
    prefill: &str,
    again: &str,
    accept: impl Fn(&str) -> Option<T>,
) -> io::Result<T> {
    loop {
        if let Some(value) = accept(&ask(prompter, prompt, prefill)?) {
            return Ok(value);
        }
        prompter.say(Say::Note(again));
    }
}
