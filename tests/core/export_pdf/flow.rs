//! How the content flows down the pages, read back from the words' boxes (`pdftotext -bbox`):
//! no near-empty page, no heading left at the foot of a page without what it introduces, and no
//! table whose header is left alone at the foot of a page or whose single last row is carried
//! onto the next one.

use super::read::{word_boxes, WordBox};
use crate::now;
use std::path::Path;
use stepwise::export::{pdf, Paper};
use stepwise::model::Plan;

/// Where the content starts below the running header, and how far above the page's foot it
/// stops (the footer's band), as the layout sets them on every paper.
const TOP: f64 = 74.0;
const FOOTER: f64 = 62.0;
/// A page whose text ends above this share of the content's height is near-empty.
const NEAR_EMPTY: f64 = 1.0 / 3.0;
/// Word boxes are 1.36 times the type's size: 13 pt headings and the sections' titles are at
/// least this tall, body text, table cells and the smaller headings less.
const HEADING_BOX: f64 = 17.0;
/// Lines of one table row touch; two rows are set apart by their padding (8 pt); a table ends
/// with more space than that before whatever follows it.
const ROW_GAP: f64 = 5.0;
const TABLE_END: f64 = 9.5;
/// A table of up to this many rows is short: it is kept whole, so none of its rows travel alone.
const SHORT_TABLE: usize = 6;

type Words = Vec<(String, WordBox)>;

#[derive(Debug, Clone)]
struct TextLine {
    text: String,
    top: f64,
    bottom: f64,
    /// The tallest word's box: tells a heading from body text.
    size: f64,
}

impl TextLine {
    fn heading(&self) -> bool {
        self.size >= HEADING_BOX
    }
}

/// The body's lines on each page (the running header and the footer left out), top to bottom;
/// words side by side (a table's cells) make one line.
fn page_lines(path: &Path, page_h: f64) -> Vec<Vec<TextLine>> {
    word_boxes(path)
        .into_iter()
        .map(|words| {
            let mut body: Words = words
                .into_iter()
                .filter(|(_, b)| b.y0 > TOP - 16.0 && b.y1 < page_h - FOOTER + 8.0)
                .collect();
            body.sort_by(|a, b| a.1.y0.total_cmp(&b.1.y0));
            // Each line's words, top and bottom.
            let mut lines: Vec<(Words, f64, f64)> = Vec::new();
            for (word, b) in body {
                match lines.last_mut() {
                    Some((words, _, bottom)) if (b.y0 + b.y1) / 2.0 < *bottom => {
                        *bottom = bottom.max(b.y1);
                        words.push((word, b));
                    }
                    _ => lines.push((vec![(word, b)], b.y0, b.y1)),
                }
            }
            lines
                .into_iter()
                .map(|(mut words, top, bottom)| {
                    words.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0));
                    TextLine {
                        text: words
                            .iter()
                            .map(|(w, _)| w.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                        top,
                        bottom,
                        size: words.iter().map(|(_, b)| b.y1 - b.y0).fold(0.0, f64::max),
                    }
                })
                .collect()
        })
        .collect()
}

/// How many table rows (lines grouped by the space between them) follow `lines[from]` before
/// the table ends or a heading comes, and whether they run to the foot of the page.
fn rows_under(lines: &[TextLine], from: usize) -> (usize, bool) {
    let mut rows = 0;
    let mut prev = &lines[from];
    for l in &lines[from + 1..] {
        let gap = l.top - prev.bottom;
        if l.heading() || gap >= TABLE_END {
            return (rows, false);
        }
        if rows == 0 || gap >= ROW_GAP {
            rows += 1;
        }
        prev = l;
    }
    (rows, true)
}

fn rows_after(lines: &[TextLine], from: usize) -> usize {
    rows_under(lines, from).0
}

/// Whether `lines[at]` reads as a table's one-line header: set apart from the line after it
/// as one row is from the next (a line of a paragraph touches the next).
fn header_like(lines: &[TextLine], at: usize) -> bool {
    lines
        .get(at + 1)
        .is_some_and(|next| next.top - lines[at].bottom >= ROW_GAP)
}

/// Every flaw of the flow, one sentence each; `exempt` are 1-based pages a near-empty page is
/// expected on (the summary page of a plan with nothing in it).
fn flaws(path: &Path, page_h: f64, exempt: &[usize]) -> Vec<String> {
    flaws_in(&page_lines(path, page_h), page_h, exempt)
}

fn flaws_in(pages: &[Vec<TextLine>], page_h: f64, exempt: &[usize]) -> Vec<String> {
    let content = page_h - FOOTER - TOP;
    let mut found = Vec::new();
    // The cover and the contents are laid out on their own; the last page ends the document.
    for (i, lines) in pages.iter().enumerate().take(pages.len() - 1).skip(2) {
        let n = i + 1;
        let end = lines.iter().map(|l| l.bottom).fold(TOP, f64::max);
        let fill = (end - TOP) / content;
        if fill < NEAR_EMPTY && !exempt.contains(&n) {
            found.push(format!(
                "page {n} is near-empty: its text fills {:.0}% of the page ({:?}…)",
                fill * 100.0,
                lines.first().map_or("", |l| l.text.as_str())
            ));
        }
    }
    for (i, lines) in pages.iter().enumerate() {
        let n = i + 1;
        let next = pages.get(i + 1).and_then(|p| p.first());
        // The content carries on over the page when the next page does not open with a heading.
        let carries_on = next.is_some_and(|l| !l.heading() && !l.text.starts_with("SECTION"));
        if let Some(h) = lines.iter().rposition(TextLine::heading) {
            let under: Vec<&TextLine> = lines[h + 1..].iter().filter(|l| !l.heading()).collect();
            // Fewer than three lines: not a table's header and two rows, nor a paragraph's start.
            // (A table header left with too few rows is found below, by its repetition.)
            let count = under.len();
            if carries_on && count < 3 {
                found.push(format!(
                    "page {n} ends with the heading {:?} and only {count} line(s) under it",
                    lines[h].text
                ));
            }
        }
        // A table carried over repeats its header as the next page's first line; one already
        // running over from the page before (its header the page's first line) is not short.
        let Some(first) = next else { continue };
        let Some(at) = lines.iter().rposition(|l| l.text == first.text) else {
            continue;
        };
        let (before, to_foot) = rows_under(lines, at);
        if at == 0 || !to_foot || first.heading() {
            continue;
        }
        let (after, _) = rows_under(&pages[i + 1], 0);
        // Under a header a row or two of a few lines each: a chart's rows (a timeline) run on.
        let under = lines.last().map_or(0.0, |l| l.bottom) - lines[at].bottom;
        if before < 2 && (before == 0 || (header_like(lines, at) && under < 45.0)) {
            found.push(format!(
                "page {n} ends with the header of a table ({:?}) and {before} row(s) under it",
                first.text
            ));
        } else if after == 1
            && before >= 2
            && before + after <= SHORT_TABLE
            && header_like(lines, at)
            && header_like(&pages[i + 1], 0)
        {
            found.push(format!(
                "page {} carries a single row of a short table ({:?}) alone from page {n}",
                n + 1,
                first.text
            ));
        }
    }
    found
}

fn render_on(plan: &Plan, paper: Paper) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("plan.pdf");
    let bytes = pdf::render_on(plan, now(), paper).expect("the plan renders as a PDF");
    std::fs::write(&path, bytes).expect("the PDF is written");
    (dir, path)
}

fn page_h(paper: Paper) -> f64 {
    match paper {
        Paper::A4 => 841.89,
        Paper::Letter => 792.0,
    }
}

fn assert_flows(plan: &Plan, paper: Paper, exempt: &[usize]) {
    let (_dir, path) = render_on(plan, paper);
    // Set STEPWISE_FLOW_KEEP to a folder to keep the PDFs checked, to look at their pages.
    if let Some(keep) = std::env::var_os("STEPWISE_FLOW_KEEP") {
        let name = format!(
            "{}-{paper:?}.pdf",
            plan.name
                .split_whitespace()
                .last()
                .unwrap_or("plan")
                .trim_matches(|c: char| !c.is_alphanumeric())
        );
        std::fs::copy(&path, Path::new(&keep).join(name)).expect("the PDF is kept");
    }
    let found = flaws(&path, page_h(paper), exempt);
    assert!(
        found.is_empty(),
        "{:?} on {paper:?}:\n{}",
        plan.name,
        found.join("\n")
    );
}

#[test]
fn the_demo_pdf_has_no_near_empty_page_and_no_orphaned_heading_or_row_on_a4_or_letter() {
    let plan = stepwise::demo::demo_plan(now());
    for paper in [Paper::A4, Paper::Letter] {
        assert_flows(&plan, paper, &[]);
    }
}

#[test]
fn an_empty_plan_flows_onto_few_pages_with_only_its_summary_page_short() {
    let plan = Plan::new("An empty plan", now());
    for paper in [Paper::A4, Paper::Letter] {
        // The executive summary keeps a page of its own even with nothing to summarise.
        assert_flows(&plan, paper, &[3]);
        let (_dir, path) = render_on(&plan, paper);
        let pages = page_lines(&path, page_h(paper)).len();
        assert!(
            pages < 3 + 9,
            "nine empty sections share pages rather than take one each ({pages} pages)"
        );
    }
}

#[test]
fn the_stress_plan_has_no_near_empty_page_and_no_orphaned_heading_or_row() {
    // Its executive summary, naming far more than a real plan's, runs onto page 4: the summary
    // keeps to one page for real plans and is laid out on its own (sections/summary.rs).
    assert_flows(&stepwise::demo::stress_plan(now()), Paper::A4, &[4]);
}

/// The checks find what they look for, on pages laid out by hand as the layout before this
/// one printed them: a heading left at a page's foot, a table header with no row under it, a
/// single row carried from a short table, and a near-empty page.
#[test]
fn the_flow_checks_catch_an_orphaned_heading_a_lone_row_and_a_near_empty_page() {
    let line = |text: &str, top: f64, size: f64| TextLine {
        text: text.into(),
        top,
        bottom: top + size,
        size,
    };
    // A table's header and `rows` one-line rows from `top`.
    let table = |top: f64, rows: usize| {
        let mut v = vec![line("Factor Status Where the plan stands", top, 10.9)];
        for r in 0..rows {
            v.push(line("a row", top + 18.9 + r as f64 * 18.9, 10.9));
        }
        v
    };
    let full = |mut tail: Vec<TextLine>| {
        let mut v: Vec<TextLine> = (0..30)
            .map(|i| line("Body text", 80.0 + i as f64 * 12.94, 12.94))
            .collect();
        v.append(&mut tail);
        v
    };
    let a4 = 841.89;
    let cover = vec![line("Cover", 80.0, 12.94)];
    let check = |pages: Vec<Vec<TextLine>>| flaws_in(&pages, a4, &[]);

    let heading = check(vec![
        cover.clone(),
        cover.clone(),
        full(vec![
            line("Core values", 740.0, 17.71),
            line("One", 760.0, 12.94),
        ]),
        full(vec![]),
        cover.clone(),
    ]);
    assert!(
        heading.iter().any(|f| f.contains("ends with the heading")),
        "{heading:?}"
    );

    // A page opening with `head`, then text.
    let opening = |mut head: Vec<TextLine>| {
        let from = head.last().map_or(80.0, |l| l.bottom) + 20.0;
        head.extend((0..30).map(|i| line("Body text", from + i as f64 * 12.94, 12.94)));
        head
    };
    let mut carried = table(80.0, 1);
    carried.push(line("SECTION 8", 120.0, 12.26));
    let carried = opening(carried);
    let lone = check(vec![
        cover.clone(),
        cover.clone(),
        full(table(600.0, 4)),
        carried,
        cover.clone(),
    ]);
    assert!(lone.iter().any(|f| f.contains("single row")), "{lone:?}");

    let header = check(vec![
        cover.clone(),
        cover.clone(),
        full(table(745.0, 0)),
        opening(table(80.0, 4)),
        cover.clone(),
    ]);
    assert!(
        header.iter().any(|f| f.contains("header of a table")),
        "{header:?}"
    );

    let empty = check(vec![
        cover.clone(),
        cover.clone(),
        vec![
            line("Goal 6. Award badges", 80.0, 14.3),
            line("Specific", 100.0, 12.94),
        ],
        full(vec![]),
        cover.clone(),
    ]);
    assert!(
        empty.iter().any(|f| f.contains("page 3 is near-empty")),
        "{empty:?}"
    );

    let clean = check(vec![
        cover.clone(),
        cover.clone(),
        full(table(500.0, 6)),
        full(vec![]),
        cover,
    ]);
    assert!(
        clean.is_empty(),
        "full pages and a whole table are fine: {clean:?}"
    );
    // A row of two lines is one row; a note set after the table's end is none.
    let mut two = table(80.0, 1);
    two.push(line("second line", two[1].bottom, 10.9));
    two.push(line(
        "L × I: likelihood times impact",
        two[2].bottom + 12.0,
        10.9,
    ));
    assert_eq!(rows_after(&two, 0), 1);
}
