//! Writes generated canvases for `scripts/bench-cli.sh`:
//! `cargo run --release --example generate-canvases -- ITEMS COUNT FOLDER`.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [items, count, folder] = args.as_slice() else {
        eprintln!("usage: generate-canvases ITEMS COUNT FOLDER");
        std::process::exit(2);
    };
    let (items, count): (usize, u64) = (items.parse().expect("ITEMS"), count.parse().expect("COUNT"));
    let folder = PathBuf::from(folder);
    std::fs::create_dir_all(&folder).expect("FOLDER can be made");
    for n in 0..count {
        let path = folder.join(format!("canvas-{items}-{n:04}.toml"));
        std::fs::write(&path, support::canvas_text(items, n + 1)).expect("the canvas can be written");
    }
}
