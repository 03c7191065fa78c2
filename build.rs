//! Tells the tests whether Chromium is installed, and where, so that the browser test is reported
//! as ignored, not passed, on a machine without it.
//!
//! Only the places a package puts the browser are looked at, never `PATH`: a build script that
//! watches `PATH` re-runs, and rebuilds the tests, whenever a shell changes it.

use std::path::Path;

/// Where Debian's `chromium` package, or a local install, puts the browser.
const CANDIDATES: [&str; 2] = ["/usr/bin/chromium", "/usr/local/bin/chromium"];

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_chromium)");
    let mut found = None;
    for candidate in CANDIDATES.map(Path::new) {
        // Cargo re-runs a script whose watched path is missing on every build, so a missing
        // browser is watched through its folder, which an install or removal changes.
        let watched = if candidate.exists() {
            candidate
        } else {
            candidate.parent().expect("an absolute path has a parent")
        };
        if watched.exists() {
            println!("cargo::rerun-if-changed={}", watched.display());
        }
        if found.is_none() && candidate.is_file() {
            found = Some(candidate);
        }
    }
    if let Some(chromium) = found {
        println!("cargo::rustc-cfg=has_chromium");
        println!("cargo::rustc-env=CANVAS_COACH_CHROMIUM={}", chromium.display());
    }
}
