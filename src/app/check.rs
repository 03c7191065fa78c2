//! `check`: the gap report of one canvas, or a table (or JSON) for many; exit status 1 when any
//! canvas has gaps, 2 when any could not be read.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use indicatif::ProgressBar;

use super::voice::Voice;
use super::{Failure, GAPS_FOUND, INPUT_ERROR, output};
use crate::analysis::cohort::{self, Checked};
use crate::error::Error;
use crate::i18n::fill;
use crate::model::Canvas;
use crate::render::{self, Format};

pub fn run(inputs: &[PathBuf], format: Format, voice: &Voice) -> Result<ExitCode, Failure> {
    /// Below this many canvases a progress bar would only flicker.
    const PROGRESS_FROM: usize = 10;
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
    let bar = if files.len() >= PROGRESS_FROM && io::stderr().is_terminal() {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    let judge = |canvas: &Canvas| voice.for_canvas(Some(&canvas.meta.language));
    let mut checked = cohort::check(&files, &judge, &|| bar.inc(1));
    bar.finish_and_clear();

    let status = exit_status(&checked);
    let single = inputs.len() == 1 && !inputs[0].is_dir();
    let text = match format {
        Format::Json => render::cohort_json(&checked, messages),
        _ if single => {
            let Checked { outcome, .. } = checked.remove(0);
            let report = outcome.map_err(|e| (e, messages))?;
            let (bank, messages) = judge(&report.canvas);
            render::report(&report.canvas, &report.gaps, bank, messages)
        }
        _ => render::cohort_table(&checked, &judge, messages),
    };
    output::print(&text).map_err(|e| (e, messages))?;
    Ok(status)
}

/// 2 if any file could not be read, else 1 if any canvas has gaps, else 0.
fn exit_status(checked: &[Checked]) -> ExitCode {
    let failed = checked.iter().any(|c| c.outcome.is_err());
    let gaps_found = checked
        .iter()
        .any(|c| c.outcome.as_ref().is_ok_and(|r| !r.gaps.gaps.is_empty()));
    ExitCode::from(match (failed, gaps_found) {
        (true, _) => INPUT_ERROR,
        (false, true) => GAPS_FOUND,
        (false, false) => 0,
    })
}
