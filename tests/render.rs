//! Every rendering of the example canvases, compared with golden files, and a canvas full of
//! markup rendered as text.

use std::fs;
use std::path::Path;

mod common;

use common::{canvas_coach, example};

fn rendered(args: &[&str]) -> String {
    let output = canvas_coach().arg("render").args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_format_of_every_example_matches_its_golden_file() {
    for name in ["brew-box", "tutor-match", "half-finished"] {
        let file = example(&format!("{name}.toml"));
        insta::assert_snapshot!(format!("{name}.txt"), rendered(&[&file, "--width", "110"]));
        insta::assert_snapshot!(format!("{name}.md"), rendered(&[&file, "--format", "md"]));
        insta::assert_snapshot!(format!("{name}.html"), rendered(&[&file, "--format", "html"]));
    }
    insta::assert_snapshot!(
        "half-finished.narrow.txt",
        rendered(&[&example("half-finished.toml"), "--width", "60"])
    );
    insta::assert_snapshot!(
        "brew-box.de.txt",
        rendered(&["--lang", "de", &example("brew-box.toml"), "--width", "110"])
    );
}

#[test]
fn markup_in_a_canvas_is_shown_as_text_never_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.toml");
    fs::write(
        &path,
        r##"format = 1
[meta]
title = "<script>alert('title')</script>"
designed_for = "A & B \"quoted\""
[customer_segments.answers]
who = "<img src=x onerror=alert(1)> **bold** [link](http://example.com)"
[[customer_segments.items]]
id = "cs1"
text = "</li><script>alert('item')</script>"
note = "# not a heading | not a cell"
"##,
    )
    .unwrap();
    let file = path.display().to_string();

    let html = rendered(&[&file, "--format", "html"]);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;/li&gt;&lt;script&gt;alert(&#39;item&#39;)&lt;/script&gt;"));
    assert!(html.contains("A &amp; B &quot;quoted&quot;"));

    let md = rendered(&[&file, "--format", "md"]);
    assert!(!md.contains("<script>") && !md.contains("<img"), "{md}");
    assert!(
        md.contains("&lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](http://example.com)"),
        "{md}"
    );
    assert!(md.contains("\\# not a heading \\| not a cell"), "{md}");

    let txt = rendered(&[&file]);
    assert!(
        txt.contains("<script>alert('title')</script>"),
        "plain text shows it as typed"
    );
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brew-box.html");
    canvas_coach()
        .args(["render", &example("brew-box.toml"), "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    assert!(fs::read_to_string(&out).unwrap().starts_with("<!DOCTYPE html>"));
    canvas_coach().args(["render", "missing.toml"]).assert().code(2);
}

/// Prints the complete examples to PDF in headless Chromium: each fits one landscape A4 page.
/// Also leaves screenshots in `target/browser/` to look at.
#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn the_html_canvas_prints_on_one_landscape_a4_page() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    fs::create_dir_all(&out).unwrap();
    for name in ["brew-box", "tutor-match"] {
        let html = out.join(format!("{name}.html"));
        let pdf = out.join(format!("{name}.pdf"));
        let png = out.join(format!("{name}.png"));
        fs::write(
            &html,
            rendered(&[&example(&format!("{name}.toml")), "--format", "html"]),
        )
        .unwrap();
        let _ = fs::remove_file(&pdf);
        let url = format!("file://{}", html.display());
        let profile = tempfile::tempdir().unwrap();
        for target in [
            format!("--print-to-pdf={}", pdf.display()),
            format!("--screenshot={}", png.display()),
        ] {
            let status = std::process::Command::new("chromium")
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-pdf-header-footer",
                    "--window-size=1600,1000",
                ])
                .arg(format!("--user-data-dir={}", profile.path().display()))
                .arg(&target)
                .arg(&url)
                .output()
                .unwrap();
            assert!(
                status.status.success(),
                "{}",
                String::from_utf8_lossy(&status.stderr)
            );
        }
        let bytes = fs::read(&pdf).unwrap();
        let pages = count_pages(&bytes);
        assert_eq!(pages, 1, "{name} prints on {pages} pages");
        let media_box = String::from_utf8_lossy(&bytes).contains("/MediaBox [0 0 841.91998 594.95996]");
        assert!(media_box, "{name}: the page is landscape A4");
    }
}

/// Page objects in a PDF: `/Type /Page`, not `/Type /Pages`.
fn count_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

/// Iteration 2 of the Brew Box example, before the changes that made iteration 3.
fn brew_box_iteration_2() -> String {
    fs::read_to_string(example("brew-box.toml"))
        .unwrap()
        .replace("iteration = 3", "iteration = 2")
        .replace("reach_now = \"Instagram reels, a newsletter, and a referral code in every box.\"", "reach_now = \"Instagram.\"")
        .replace("text = \"Instagram reels with home-office brewing tips\"", "text = \"Instagram posts\"")
        .replace("channel_types = [\"owned\", \"direct\", \"partner\"]", "channel_types = [\"owned\", \"indirect\"]")
        .replace(
            "[[channels.items]]\nid = \"ch3\"\ntext = \"Referral code in every box\"\nlinks = [\"cs1\", \"cs2\"]\ncategories = { phases = [\"awareness\", \"after_sales\"] }\n",
            "[[channels.items]]\nid = \"ch4\"\ntext = \"Coffee fairs\"\nlinks = [\"cs1\"]\n",
        )
        .replace("links = [\"ch1\", \"cr1\"]", "links = [\"ch1\", \"ch4\", \"cr1\"]")
}

#[test]
fn diff_shows_what_changed_between_two_iterations() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("brew-box-2.toml");
    fs::write(&old, brew_box_iteration_2()).unwrap();
    let old = old.display().to_string();
    let new = example("brew-box.toml");
    let text = String::from_utf8(canvas_coach().args(["diff", &old, &new]).output().unwrap().stdout).unwrap();
    assert!(text.starts_with("Brew Box: iteration 2 → 3\nScore "), "{text}");
    for line in [
        "Channels\n",
        "  + added ch3: Referral code in every box\n",
        "  - removed ch4: Coffee fairs\n",
        "  ~ ch2, text: “Instagram posts” → “Instagram reels with home-office brewing tips”\n",
        "  + Whose channels are they?: Direct chosen\n",
        "  - Whose channels are they?: Indirect no longer chosen\n",
        "  ~ How are we reaching them now? “Instagram.” → “Instagram reels, a newsletter, and a referral code in every box.”\n",
        "Key Resources\n  ~ kr3, links: “ch1, ch4, cr1” → “ch1, cr1”\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    assert!(
        !text.contains("Customer Segments"),
        "unchanged blocks are not listed"
    );
    insta::assert_snapshot!("brew-box.diff.md", rendered_diff(&[&old, &new, "--format", "md"]));
    let same = String::from_utf8(canvas_coach().args(["diff", &new, &new]).output().unwrap().stdout).unwrap();
    assert!(same.ends_with("No changes.\n"), "{same}");
}

fn rendered_diff(args: &[&str]) -> String {
    let output = canvas_coach().arg("diff").args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_agenda_plans_a_workshop_in_the_language_asked() {
    let output = canvas_coach().args(["--lang", "de", "agenda"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let plan = String::from_utf8(output.stdout).unwrap();
    assert!(
        plan.starts_with("# Sitzungsplan: Business Model Canvas\n\n9 Bausteine, insgesamt 85 Minuten.\n")
    );
    insta::assert_snapshot!("agenda.de.md", plan);
    let output = canvas_coach()
        .args(["agenda", "--blocks", "channels,customer_segments"])
        .output()
        .unwrap();
    let plan = String::from_utf8(output.stdout).unwrap();
    let segments = plan.find("## 1. Customer Segments (10 min)").unwrap();
    let channels = plan.find("## 2. Channels (10 min)").unwrap();
    assert!(
        segments < channels,
        "the recommended order, whatever the order asked"
    );
    assert!(plan.contains("2 blocks, 20 minutes in all."));
}
