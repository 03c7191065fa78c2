//! How the cost of reading, checking, rendering and writing a canvas grows with its size, on
//! generated canvases of 10 to 20,000 items (a canvas file holds at most 4 MiB, about 20,000
//! items). `check` is what the command does: parse, find the gaps and word the report. Comparing
//! 10,000 with 20,000 items shows whether a step grows linearly. Run with `cargo bench`.

mod support;

use std::hint::black_box;
use std::path::Path;

use canvas_coach::api::{
    Bank, Format, GapReport, Language, Messages, Paper, Size, compare_canvases, parse_canvas,
    render_assumptions, render_canvas, render_diff, render_report, write_atomic, write_document,
};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SIZES: [usize; 4] = [10, 1_000, 10_000, 20_000];
const SIZE: Size = Size {
    columns: 120,
    paper: Paper::A4,
};

fn benches(c: &mut Criterion) {
    let bank = Bank::builtin(Language::En);
    let messages = Messages::get(Language::En);
    let dir = tempfile::tempdir().unwrap();
    for items in SIZES {
        let text = support::canvas_text(items, 42);
        let canvas = parse_canvas(Path::new("bench.toml"), &text).unwrap();
        let report = GapReport::new(&canvas, bank, messages);
        let mut group = c.benchmark_group(format!("{items} items"));
        group.throughput(Throughput::Elements(items as u64));
        if items >= 10_000 {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::new("parse", items), |b| {
            b.iter(|| parse_canvas(Path::new("bench.toml"), black_box(&text)).unwrap())
        });
        group.bench_function(BenchmarkId::new("check", items), |b| {
            b.iter(|| {
                let canvas = parse_canvas(Path::new("bench.toml"), black_box(&text)).unwrap();
                let report = GapReport::new(&canvas, bank, messages);
                render_report(&canvas, &report, bank, messages)
            })
        });
        group.bench_function(BenchmarkId::new("gap report", items), |b| {
            b.iter(|| GapReport::new(black_box(&canvas), bank, messages))
        });
        for (name, format) in [
            ("render txt", Format::Text),
            ("render md", Format::Markdown),
            ("render html", Format::Html),
            ("render svg", Format::Svg),
        ] {
            group.bench_function(BenchmarkId::new(name, items), |b| {
                b.iter(|| render_canvas(format, black_box(&canvas), bank, &report, messages, SIZE))
            });
        }
        group.bench_function(BenchmarkId::new("assumptions", items), |b| {
            b.iter(|| render_assumptions(black_box(&canvas), bank, messages))
        });
        let revised = parse_canvas(Path::new("bench.toml"), &support::canvas_text(items, 43)).unwrap();
        group.bench_function(BenchmarkId::new("diff", items), |b| {
            b.iter(|| {
                let changes = compare_canvases(black_box(&canvas), &revised, bank, messages);
                render_diff(&changes, &canvas, &revised, bank, messages, Format::Text)
            })
        });
        let path = dir.path().join(format!("{items}.toml"));
        group.bench_function(BenchmarkId::new("write", items), |b| {
            b.iter(|| write_atomic(&path, &write_document(None, black_box(&canvas), &report)).unwrap())
        });
        group.finish();
    }
}

criterion_group!(canvas, benches);
criterion_main!(canvas);
