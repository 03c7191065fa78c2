//! Tells the tests whether Debian's `chromium` is installed, so that the browser test is reported
//! as ignored, not passed, on a machine without it.

use std::env;
use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_chromium)");
    println!("cargo::rerun-if-env-changed=PATH");
    let found = env::var_os("PATH").is_some_and(|paths| {
        env::split_paths(&paths).any(|dir| {
            let chromium = dir.join("chromium");
            // Watching the file notices an install or removal between builds.
            println!("cargo::rerun-if-changed={}", chromium.display());
            Path::new(&chromium).is_file()
        })
    });
    if found {
        println!("cargo::rustc-cfg=has_chromium");
    }
}
