//! Every rendering of the example canvases, compared with golden files, and a canvas full of
//! markup rendered as text.

use std::fs;

mod common;

use common::{canvas_coach, example, stdout_of};

fn rendered(args: &[&str]) -> String {
    stdout_of(canvas_coach().arg("render").args(args), 0)
}

#[test]
fn every_format_of_every_example_matches_its_golden_file() {
    for name in ["brew-box", "tutor-match", "half-finished"] {
        let file = example(&format!("{name}.toml"));
        insta::assert_snapshot!(format!("{name}.txt"), rendered(&[&file, "--width", "110"]));
        insta::assert_snapshot!(format!("{name}.md"), rendered(&[&file, "--format", "md"]));
        let html = rendered(&[&file, "--format", "html"]);
        assert_map(&html);
        insta::assert_snapshot!(format!("{name}.html"), html);
        let svg = rendered(&[&file, "--format", "svg"]);
        assert_svg(&svg);
        insta::assert_snapshot!(format!("{name}.svg"), svg);
    }
    for width in ["60", "80", "160"] {
        insta::assert_snapshot!(
            format!("brew-box.{width}.txt"),
            rendered(&[&example("brew-box.toml"), "--width", width])
        );
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

/// An SVG document: well-formed XML with an `svg` root in the SVG namespace, nothing run.
fn assert_svg(svg: &str) {
    let document = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}:\n{svg}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    assert!(!document.descendants().any(|n| n.has_tag_name("script")), "{svg}");
}

/// The assumption map in an HTML page: an SVG image a screen reader can name, with a tag for
/// every item of the page's canvas.
fn assert_map(html: &str) {
    let start = html.find("<svg ").expect("the map's image");
    let end = html[start..].find("</svg>").unwrap() + start + "</svg>".len();
    let svg = &html[start..end];
    assert_svg(svg);
    let document = roxmltree::Document::parse(svg).unwrap();
    let root = document.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root.first_element_child().unwrap();
    assert_eq!(
        (title.tag_name().name(), title.attribute("id")),
        ("title", Some("map-title"))
    );
    let tags = document
        .descendants()
        .filter(|n| n.attribute("class") == Some("map-tag"));
    let items = html.matches("<li class=\"note ").count();
    assert_eq!(tags.count(), items, "a tag for every note");
}

#[test]
fn every_text_line_of_the_grid_stays_inside_its_cell() {
    for width in [80_usize, 110, 160] {
        let grid = rendered(&[&example("tutor-match.toml"), "--width", &width.to_string()]);
        for line in grid.lines().filter(|l| l.starts_with('│')) {
            assert_eq!(
                console::measure_text_width(line),
                width - (width - 6) % 5,
                "{line}"
            );
            for cell in line
                .split(['│', '├', '┤'])
                .filter(|c| !c.is_empty() && !c.starts_with('─'))
            {
                assert!(
                    cell.starts_with(' ') && cell.ends_with(' '),
                    "a margin on either side: {cell:?}"
                );
            }
        }
    }
}

#[test]
fn picked_items_are_marked_and_each_pick_is_said_with_its_question() {
    let brew_box = example("brew-box.toml");
    let grid = rendered(&[&brew_box, "--width", "80"]);
    assert!(
        grid.lines().all(|l| console::measure_text_width(l) <= 80),
        "{grid}"
    );
    assert!(grid.contains("· ✗ invalidated · ★ picked\n"), "{grid}");
    assert!(grid.contains("│ ✓ ★ Remote   │"), "the segment picked: {grid}");
    assert!(
        grid.contains("\n★ Which channels work best? Referral code in every box (ch3)\n"),
        "{grid}"
    );
    let md = rendered(&[&brew_box, "--format", "md"]);
    assert!(md.contains("- ? **ch3** ★ Referral code in every box"), "{md}");
    assert!(
        md.contains("**Which channels work best?**  \n★ Referral code in every box (ch3)  \nReferrals:"),
        "the pick, then the words from before picks: {md}"
    );
    let html = rendered(&[&brew_box, "--format", "html"]);
    assert!(html.contains("<span class=\"id\">? kr1 ★</span>"), "{html}");
    assert!(
        html.contains("<span class=\"pick\">★ Which key resources are the most expensive? kr1, kr2</span>"),
        "{html}"
    );
    // A canvas without picks shows no mark and says nothing of them.
    let tutor_match = example("tutor-match.toml");
    for format in ["txt", "md", "html", "svg"] {
        let shown = rendered(&[&tutor_match, "--format", format]);
        assert!(!shown.contains('★') && !shown.contains("picked"), "{format}");
    }
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

    assert_map(&html);
    assert!(html.contains("<title id=\"map-title\">Assumption map of &lt;script&gt;"));

    let svg = rendered(&[&file, "--format", "svg"]);
    assert_svg(&svg);
    assert!(!svg.contains("<script>") && !svg.contains("<img"), "{svg}");
    assert!(
        svg.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"),
        "{svg}"
    );

    let txt = rendered(&[&file]);
    assert!(
        txt.contains("<script>alert('title')</script>"),
        "plain text shows it as typed"
    );
}

/// Test cards with markup and a control character, one running past its deadline, one done.
const CARDS: &str = r#"
[[test]]
id = "t1"
items = ["vp2"]
hypothesis = "We believe <b>roast</b> *matters*\u001b[2J"
criterion = "We are right if 8 of 40 reorder"
deadline = "2026-11-01"
state = "running"

[[test]]
id = "t2"
items = ["cs2"]
hypothesis = "We believe offices sign up"
criterion = "3 of 10 book"
deadline = "2026-11-02"
state = "done"

[[learning]]
test = "t2"
date = "2026-11-20"
observation = "4 of 10 booked <i>"
decision = "persevere"
strength = "pay"
"#;

#[test]
fn tests_and_learnings_are_rendered_escaped_with_overdue_ones_marked_as_of_the_canvas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cards.toml");
    let canvas = fs::read_to_string(example("brew-box.toml")).unwrap() + CARDS;
    fs::write(&path, canvas).unwrap();
    let file = path.display().to_string();
    let txt = rendered(&[&file, "--width", "80"]);
    let tests = &txt[txt.find("\nTESTS\n").expect(&txt)..];
    assert!(
        tests.contains("t1 running · due 2026-11-01 · OVERDUE\n"),
        "{tests}"
    );
    assert!(
        tests.contains("We believe <b>roast</b> *matters*\\u{1b}[2J"),
        "{tests}"
    );
    assert!(
        tests.contains("t2 done · due 2026-11-02 · 1 learning\n"),
        "{tests}"
    );
    assert!(tests.contains("    t2 (2026-11-20, persevere, pay): 4 of 10 booked <i>\n"));
    assert!(
        tests.find("t1 running") < tests.find("t2 done"),
        "open tests first"
    );
    assert!(
        tests.lines().all(|l| console::measure_text_width(l) <= 80),
        "{tests}"
    );

    let md = rendered(&[&file, "--format", "md"]);
    assert!(
        md.contains("- **t1  running · due 2026-11-01 · OVERDUE**\n"),
        "{md}"
    );
    assert!(md.contains("  - We believe &lt;b&gt;roast&lt;/b&gt; \\*matters\\*\\u{1b}\\[2J\n"));
    assert!(md.contains("  - t2 (2026-11-20, persevere, pay): 4 of 10 booked &lt;i&gt;\n"));

    let html = rendered(&[&file, "--format", "html"]);
    assert!(!html.contains("<b>roast") && !html.contains("<i>"), "{html}");
    assert!(html.contains("<br>We believe &lt;b&gt;roast&lt;/b&gt; *matters*\\u{1b}[2J<br>"));
    assert!(html.contains("<li>t2 (2026-11-20, persevere, pay): 4 of 10 booked &lt;i&gt;</li>"));
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

#[test]
fn diff_shows_tests_moved_on_learnings_added_and_evidence_rated_anew() {
    let dir = tempfile::tempdir().unwrap();
    let brew_box = fs::read_to_string(example("brew-box.toml")).unwrap();
    let card = |id: &str, state: &str| {
        format!(
            "\n[[test]]\nid = \"{id}\"\nitems = [\"vp2\"]\nhypothesis = \"Roast {id}\"\nstate = \"{state}\"\n"
        )
    };
    let old = brew_box.clone() + &card("t1", "planned") + &card("t2", "planned");
    let rated = brew_box.replace(
        "evidence = [\"2026-11-02: 38 trial boxes sent; 21 converted to a subscription\"]",
        "evidence = [{ text = \"2026-11-02: 38 trial boxes sent; 21 converted to a subscription\", strength = \"do\" }]",
    );
    let new = rated
        + &card("t1", "done")
        + &card("t3", "planned")
        + "\n[[learning]]\ntest = \"t1\"\ndate = \"2026-11-23\"\nobservation = \"Most kept it\"\nstrength = \"do\"\n";
    let (old_path, new_path) = (dir.path().join("old.toml"), dir.path().join("new.toml"));
    fs::write(&old_path, old).unwrap();
    fs::write(&new_path, new).unwrap();
    let (old, new) = (old_path.display().to_string(), new_path.display().to_string());
    let text = rendered_diff(&[&old, &new]);
    for line in [
        "  ~ vp1, evidence: “2026-11-02: 38 trial boxes sent; 21 converted to a subscription” → \
         “2026-11-02: 38 trial boxes sent; 21 converted to a subscription (do)”\n",
        "Tests\n  ~ test t1: planned → done\n  + added test t3: Roast t3\n",
        "  - removed test t2: Roast t2\n",
        "  + learnt: t1 (2026-11-23, do): Most kept it\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    let md = rendered_diff(&[&old, &new, "--format", "md", "--lang", "de"]);
    assert!(
        md.contains("## Tests\n\n- Test t1: geplant → erledigt\n- Test t3 hinzugefügt: Roast t3\n"),
        "{md}"
    );
    assert!(
        md.contains("- Erkenntnis: t1 (2026-11-23, tun): Most kept it\n"),
        "{md}"
    );
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
