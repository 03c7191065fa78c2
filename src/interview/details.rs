//! The canvas details: title, designed for, designed by, date and iteration.

use std::io;

use super::prompt::{Prompter, Say};
use super::walk::{Details, Interview};
use crate::model::{Canvas, MetaField, is_date};

impl Interview<'_> {
    pub(super) fn ask_details(
        &self,
        canvas: &mut Canvas,
        details: Details,
        prompter: &mut dyn Prompter,
    ) -> io::Result<()> {
        let m = &self.messages.interview;
        let given = |field| self.given.has_meta(field);
        let meta = &mut canvas.meta;
        prompter.say(Say::Heading(&m.details));
        if !given(MetaField::Title) {
            meta.title = loop {
                let title = prompter.input(&m.title, &meta.title)?.trim().to_owned();
                if !title.is_empty() {
                    break title;
                }
                prompter.say(Say::Note(&m.title_required));
            };
        }
        if !given(MetaField::DesignedFor) {
            meta.designed_for = prompter
                .input(&m.designed_for, &meta.designed_for)?
                .trim()
                .to_owned();
        }
        if !given(MetaField::DesignedBy) {
            meta.designed_by = prompter
                .input(&m.designed_by, &meta.designed_by)?
                .trim()
                .to_owned();
        }
        if details == Details::Names {
            return Ok(());
        }
        if !given(MetaField::Date) {
            let date = if meta.date.is_empty() {
                self.today.clone()
            } else {
                meta.date.clone()
            };
            meta.date = loop {
                let date = prompter.input(&m.date, &date)?.trim().to_owned();
                if is_date(&date) {
                    break date;
                }
                prompter.say(Say::Note(&m.date_invalid));
            };
        }
        if !given(MetaField::Iteration) {
            meta.iteration = loop {
                match prompter
                    .input(&m.iteration, &meta.iteration.to_string())?
                    .trim()
                    .parse()
                {
                    Ok(n) if n >= 1 => break n,
                    _ => prompter.say(Say::Note(&m.iteration_invalid)),
                }
            };
        }
        Ok(())
    }
}
