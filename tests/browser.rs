//! The HTML canvas printed by headless Chromium: the examples and generated canvases of 60 and 80
//! items each print on one landscape page, A4 or Letter, and every note lies inside its block as
//! the browser lays the page out; the tests, where there are any, and the assumption map follow
//! each on a page of its own, with a tag for every item inside the map's image. Screenshots and
//! PDFs are left in `target/tmp/browser/` to look at. Built only where `build.rs` found Chromium;
//! elsewhere the tests are reported as ignored.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
#[path = "../benches/support/mod.rs"]
mod support;

use common::{canvas_coach, example, stdout_of};

/// The printable area below the header, and the page's size in PDF points, for each paper.
const PAPERS: [(&str, f64, &str); 2] = [
    ("a4", 210.0 - 16.0, "/MediaBox [0 0 841.91998 594.95996]"),
    ("letter", 215.9 - 16.0, "/MediaBox [0 0 792 612]"),
];

/// CSS pixels in a millimetre.
const PX_PER_MM: f64 = 96.0 / 25.4;

/// Reads every note's and block's box from the page as the browser laid it out, and writes
/// what it found into the DOM, which `--dump-dom` prints.
const MEASURE: &str = r#"<script>
const box = e => e.getBoundingClientRect();
const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5
  && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
const outside = [];
let notes = 0;
const canvas = box(document.querySelector('.canvas'));
for (const block of document.querySelectorAll('.block')) {
  const b = box(block);
  if (!inside(b, canvas)) outside.push(block.classList[1] + ' outside the canvas');
  for (const note of block.querySelectorAll('.note')) {
    notes += 1;
    if (!inside(box(note), b)) outside.push(note.querySelector('.id').textContent + ' outside ' + block.classList[1]);
  }
}
const legend = box(document.querySelector('.legend'));
const map = box(document.querySelector('svg.map-image'));
const tags = [...document.querySelectorAll('.map-tag')].filter(t => inside(box(t), map)).length;
const measured = document.createElement('pre');
measured.id = 'measured';
measured.textContent = JSON.stringify({ notes, outside, canvasBottom: canvas.bottom,
  legendTop: legend.top, legendBottom: legend.bottom, mapTop: map.top, mapWidth: map.width,
  mapHeight: map.height, tags });
document.body.appendChild(measured);
</script>
"#;

fn out_dir() -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    fs::create_dir_all(&out).unwrap();
    out
}

/// Runs headless Chromium on `page` with `target` (`--print-to-pdf=…`, `--screenshot=…` or
/// `--dump-dom`) and returns what it printed.
fn chromium(target: &str, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(option_env!("CANVAS_COACH_CHROMIUM").unwrap_or("chromium"))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(target)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The HTML page of `canvas` on `paper`.
fn html(canvas: &str, paper: &str) -> String {
    stdout_of(
        canvas_coach().args(["render", canvas, "--format", "html", "--paper", paper]),
        0,
    )
}

/// Prints `page` to PDF, leaves a screenshot beside it, and returns the PDF's bytes.
fn print(page: &Path) -> Vec<u8> {
    let pdf = page.with_extension("pdf");
    let _ = fs::remove_file(&pdf);
    chromium(&format!("--print-to-pdf={}", pdf.display()), page);
    chromium(
        &format!("--screenshot={}", page.with_extension("png").display()),
        page,
    );
    fs::read(&pdf).unwrap()
}

/// Page objects in a PDF: `/Type /Page`, not `/Type /Pages`.
fn count_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

fn assert_one_page(pdf: &[u8], media_box: &str, name: &str) {
    let pages = count_pages(pdf);
    assert_eq!(pages, 1, "{name} prints on {pages} pages");
    assert!(
        String::from_utf8_lossy(pdf).contains(media_box),
        "{name}: not {media_box}"
    );
}

/// Where the assumption map starts in a page.
const MAP: &str = "<section class=\"assumption-map\">";
/// Where the tests start, in a page of a canvas that has some.
const TESTS: &str = "<section class=\"tests\">";

#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn the_complete_examples_print_with_their_report_on_one_landscape_page_and_the_tests_and_map_after() {
    let out = out_dir();
    for name in ["brew-box", "tutor-match"] {
        for (paper, _, media_box) in PAPERS {
            let whole = html(&example(&format!("{name}.toml")), paper);
            let map = whole.find(MAP).expect("the map is in the page");
            let tests = whole.find(TESTS);
            let page = out.join(format!("{name}.{paper}.html"));
            let canvas = &whole[..tests.unwrap_or(map)];
            fs::write(&page, format!("{canvas}</body>\n</html>\n")).unwrap();
            assert_one_page(&print(&page), media_box, &format!("{name} on {paper}"));
            let with_map = out.join(format!("{name}.{paper}.map.html"));
            fs::write(&with_map, &whole).unwrap();
            let pages = count_pages(&print(&with_map));
            let expected = 2 + usize::from(tests.is_some());
            assert_eq!(
                pages, expected,
                "{name} on {paper}: the tests and the map each on a page"
            );
        }
    }
}

/// The page as printed, laid out on screen: the print stylesheet for every medium, and the
/// measuring script.
fn measured(page: &str) -> serde_json::Value {
    let measuring = page
        .replace("@media print {", "@media all {")
        .replace("</body>", &format!("{MEASURE}</body>"));
    let path = out_dir().join("measuring.html");
    fs::write(&path, measuring).unwrap();
    let dom = chromium("--dump-dom", &path);
    let start = dom.find("<pre id=\"measured\">").expect("the script ran") + "<pre id=\"measured\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    serde_json::from_str(&dom[start..end].replace("&amp;", "&")).unwrap()
}

#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn canvases_of_60_and_80_items_print_on_one_page_with_every_note_inside_its_block() {
    let out = out_dir();
    for items in [60, 80] {
        let canvas = out.join(format!("canvas-{items}.toml"));
        fs::write(&canvas, support::canvas_text(items, 7)).unwrap();
        for (paper, printable, media_box) in PAPERS {
            let name = format!("{items} items on {paper}");
            let page = html(&canvas.display().to_string(), paper);
            let found = measured(&page);
            assert_eq!(found["notes"], items, "{name}: every note measured");
            assert_eq!(found["outside"], serde_json::json!([]), "{name}");
            let f = |key: &str| found[key].as_f64().unwrap();
            assert!(
                f("canvasBottom") <= f("legendTop"),
                "{name}: the legend is below the canvas"
            );
            assert!(f("legendBottom") <= printable * PX_PER_MM, "{name}: {found}");
            // The map after the canvas, drawn, with a tag inside it for every note.
            assert!(f("mapTop") >= f("legendBottom"), "{name}: {found}");
            assert!(f("mapWidth") > 300.0 && f("mapHeight") > 100.0, "{name}: {found}");
            assert_eq!(found["tags"], items, "{name}: every item on the map");

            // Its gaps go to the next page: the canvas and legend alone print on one page.
            assert!(page.contains("<section class=\"report next-page\">"), "{name}");
            let report = page.find("<section class=\"report").unwrap();
            let canvas_only = format!("{}</body>\n</html>\n", &page[..report]);
            let path = out.join(format!("canvas-{items}.{paper}.html"));
            fs::write(&path, canvas_only).unwrap();
            assert_one_page(&print(&path), media_box, &name);
            let whole = out.join(format!("canvas-{items}.{paper}.whole.html"));
            fs::write(&whole, &page).unwrap();
            assert!(
                count_pages(&print(&whole)) >= 2,
                "{name}: the report follows on its own page"
            );
        }
    }
}
