//! `import`: reads a canvas kept in another format and writes it as a canvas file, then says
//! what it mapped and what it kept in notes, and prints the gap report. Bad input ends with exit
//! status 2 before anything is written; an existing output is only replaced with `--force`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::voice::Voice;
use super::{Failure, output};
use crate::error::Error;
use crate::file::import::{self, Columns, Source};
use crate::file::{atomic, document, lock};
use crate::gaps::GapReport;
use crate::i18n::{Language, fill};
use crate::render;

/// How `import` was asked to run.
pub struct Asked {
    pub source: PathBuf,
    pub output: PathBuf,
    pub from: Option<Source>,
    pub columns: Vec<String>,
    pub force: bool,
}

/// Refuses an output that exists, unless it may be replaced, and one the user made read-only.
fn check_output(path: &Path, force: bool) -> Result<(), Error> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(Error::Exists(path.to_path_buf()));
    }
    atomic::check_writable(path)
}

pub fn run(asked: Asked, voice: &Voice, flag: Option<Language>) -> Result<ExitCode, Failure> {
    let failed = |e| (e, voice.messages());
    let source = match asked.from {
        Some(source) => source,
        None => Source::of(&asked.source).map_err(|e| failed(e.into()))?,
    };
    let columns = Columns::parse(&asked.columns).map_err(|p| failed(Error::Usage(p)))?;
    let to_stdout = asked.output == Path::new("-");
    if !to_stdout {
        check_output(&asked.output, asked.force).map_err(failed)?;
    }
    let imported = import::read(&asked.source, source, &columns, flag).map_err(failed)?;
    let (bank, messages) = voice.for_canvas(Some(&imported.canvas.meta.language));
    let failed = |e| (e, messages);
    let kept_line =
        |key: &str, value: &str| fill(&messages.import.kept_line, &[("key", key), ("value", value)]);
    let (canvas, findings) = imported.into_parts(kept_line);
    let report = GapReport::new(&canvas, bank, messages);
    let toml = document::render(None, &canvas, &report);
    let mut said = render::imported(&asked.source, &canvas, &findings, bank, messages);
    if to_stdout {
        output::print(&toml).map_err(failed)?;
        said.push('\n');
        said.push_str(&render::report(&canvas, &report, bank, messages));
        eprint!("{said}");
        return Ok(ExitCode::SUCCESS);
    }
    {
        // Checked again under the lock: another save may have made the file meanwhile.
        let _lock = lock::lock(&asked.output).map_err(failed)?;
        check_output(&asked.output, asked.force).map_err(failed)?;
        atomic::write_output(&asked.output, &toml).map_err(failed)?;
    }
    let shown = render::safe::path(&asked.output);
    said.push_str(&format!(
        "\n{}\n\n",
        fill(&messages.interview.saved, &[("path", &shown)])
    ));
    said.push_str(&render::report(&canvas, &report, bank, messages));
    output::print(&said).map_err(failed)?;
    Ok(ExitCode::SUCCESS)
}
