//! `check`: the gap report of one canvas, or a table (or JSON) for many, written as each canvas
//! is checked; exit status 1 when any canvas has gaps, 2 when any could not be read.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use super::voice::Voice;
use super::{Failure, GAPS_FOUND, INPUT_ERROR, output};
use crate::analysis::cohort::{self, Checked, Judge, WINDOW};
use crate::error::Error;
use crate::i18n::{Messages, fill};
use crate::model::Canvas;
use crate::render::{self, CohortStream, Format};

pub fn run(inputs: &[PathBuf], format: Format, voice: &Voice) -> Result<ExitCode, Failure> {
    let messages = voice.messages();
    let found = cohort::files(inputs);
    for skipped in &found.passed_over {
        let shown = render::safe::path(skipped);
        eprintln!("{}", fill(&messages.cohort.passed_over, &[("path", &shown)]));
    }
    let files = found.files;
    if files.is_empty() {
        let searched: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        return Err((Error::NoCanvases(searched.join(", ")), messages));
    }
    let judge = |canvas: &Canvas| voice.for_canvas(Some(&canvas.meta.language));
    let single = inputs.len() == 1 && !inputs[0].is_dir();
    if single && format == Format::Text {
        let mut checked = None;
        cohort::check_each(&files, &judge, &mut |c| checked = Some(c));
        let Checked { outcome, .. } = checked.expect("one file, one report");
        let report = outcome.map_err(|e| (e, messages))?;
        let (bank, messages) = judge(&report.canvas);
        output::print(&render::report(&report.canvas, &report.gaps, bank, messages))
            .map_err(|e| (e, messages))?;
        return Ok(ExitCode::from(if report.gaps.gaps.is_empty() {
            0
        } else {
            GAPS_FOUND
        }));
    }
    let mut writer = Writer::new(format, &files, &judge, messages);
    cohort::check_each(&files, &judge, &mut |checked| writer.add(checked));
    writer.finish()
}

/// Writes the cohort's rows as the canvases are checked, with a progress bar on a terminal, and
/// keeps what the exit status needs.
struct Writer<'a, 'j> {
    format: Format,
    files: &'a [PathBuf],
    judge: &'a Judge<'j>,
    messages: &'static Messages,
    /// The first rows, held until there are enough to set the table's column widths.
    first: Vec<Checked>,
    stream: Option<CohortStream>,
    bar: ProgressBar,
    failed: bool,
    gaps_found: bool,
    written: Result<(), Error>,
}

impl<'a, 'j> Writer<'a, 'j> {
    fn new(format: Format, files: &'a [PathBuf], judge: &'a Judge<'j>, messages: &'static Messages) -> Self {
        /// Below this many canvases a progress bar would only flicker.
        const PROGRESS_FROM: usize = 10;
        let bar = if files.len() >= PROGRESS_FROM && io::stderr().is_terminal() {
            let style =
                ProgressStyle::with_template(&messages.cohort.progress).expect("the template is valid");
            ProgressBar::new(files.len() as u64).with_style(style)
        } else {
            ProgressBar::hidden()
        };
        Writer {
            format,
            files,
            judge,
            messages,
            first: Vec::new(),
            stream: None,
            bar,
            failed: false,
            gaps_found: false,
            written: Ok(()),
        }
    }

    fn add(&mut self, checked: Checked) {
        self.bar.inc(1);
        match &checked.outcome {
            Err(_) => self.failed = true,
            Ok(report) => self.gaps_found |= !report.gaps.gaps.is_empty(),
        }
        if self.stream.is_some() {
            let text = self
                .stream
                .as_mut()
                .map(|s| s.row(&checked, self.judge, self.messages));
            self.write(&text.unwrap_or_default());
            return;
        }
        self.first.push(checked);
        if self.first.len() == WINDOW {
            self.start();
        }
    }

    /// Sets the column widths from the rows so far and writes them.
    fn start(&mut self) {
        let mut stream = CohortStream::new(self.format, self.files, &self.first, self.judge, self.messages);
        let mut text = stream.start(self.messages);
        for checked in std::mem::take(&mut self.first) {
            text.push_str(&stream.row(&checked, self.judge, self.messages));
        }
        self.stream = Some(stream);
        self.write(&text);
    }

    /// Writes `text` above the progress bar; after a failure, nothing more.
    fn write(&mut self, text: &str) {
        if self.written.is_ok() {
            self.written = self.bar.suspend(|| output::print(text));
        }
    }

    /// Writes what is still held and the end, and says how it went: 2 if any file could not be
    /// read, else 1 if any canvas has gaps, else 0.
    fn finish(mut self) -> Result<ExitCode, Failure> {
        if self.stream.is_none() {
            self.start();
        }
        let end = self.stream.as_ref().map(CohortStream::end).unwrap_or_default();
        self.write(&end);
        self.bar.finish_and_clear();
        self.written.map_err(|e| (e, self.messages))?;
        Ok(ExitCode::from(match (self.failed, self.gaps_found) {
            (true, _) => INPUT_ERROR,
            (false, true) => GAPS_FOUND,
            (false, false) => 0,
        }))
    }
}

#[cfg(test)]
mod tests {
    use indicatif::ProgressStyle;

    use crate::i18n::{Language, Messages};

    #[test]
    fn every_language_s_progress_bar_is_a_valid_template_with_the_time_left() {
        for language in Language::ALL {
            let template = &Messages::get(language).cohort.progress;
            assert!(ProgressStyle::with_template(template).is_ok(), "{template}");
            assert!(template.contains("{eta}"), "{template}");
        }
    }
}
