//! Reading an exported PDF back: its text page by page, the box of every word, its
//! metadata and its outline, through the same tools a reader's machine has.

use crate::now;
use lopdf::Document;
use std::path::{Path, PathBuf};
use std::process::Command;
use stepwise::model::Plan;

/// A4 in points, and the side margins every line of text must stay within.
const PAGE_W: f64 = 595.276;
const PAGE_H: f64 = 841.89;
const MARGIN_X: f64 = 56.0;

pub struct Rendered {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

pub fn render(plan: &Plan) -> Rendered {
    let bytes = stepwise::export::pdf::render(plan, now()).expect("the plan renders as a PDF");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, &bytes).expect("the PDF is written");
    Rendered {
        _dir: dir,
        path,
        bytes,
    }
}

pub fn tool(name: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("{name} must be installed (scripts/setup.sh installs it): {e}"));
    assert!(
        out.status.success(),
        "{name} {} failed on the export: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the tool prints UTF-8")
}

/// The text of each page, in reading order, with runs of whitespace made single spaces so a
/// sentence wrapped over two lines is still found whole.
pub fn pages(path: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext must be installed (scripts/setup.sh installs poppler-utils)");
    assert!(out.status.success(), "pdftotext could not read the export");
    let text = String::from_utf8(out.stdout).expect("pdftotext prints UTF-8");
    let mut pages: Vec<String> = text
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

pub fn info(path: &Path) -> Vec<(String, String)> {
    tool("pdfinfo", &["-enc", "UTF-8"], path)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

pub fn info_field(info: &[(String, String)], key: &str) -> String {
    info.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("pdfinfo shows no {key}"))
}

/// Asserts the needles appear in `text` in this order.
pub fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!(
                "{needle:?} should follow the text before it in reading order (searched from byte {from}); \
                 it is {}",
                if text.contains(needle) { "there but out of order" } else { "missing" }
            ),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct WordBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).expect("every word has its box") + key.len();
    let end = start + tag[start..].find('"').expect("the attribute is closed");
    tag[start..end]
        .parse()
        .expect("box coordinates are numbers")
}

/// Every word's box, page by page, as `pdftotext -bbox` measures it from the drawn glyphs.
pub fn word_boxes(path: &Path) -> Vec<Vec<(String, WordBox)>> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext must be installed (scripts/setup.sh installs poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext -bbox could not read the export"
    );
    let html = String::from_utf8(out.stdout).expect("pdftotext prints UTF-8");
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| {
                    let word = w
                        .split('>')
                        .nth(1)
                        .unwrap_or("")
                        .split('<')
                        .next()
                        .unwrap_or("");
                    let b = WordBox {
                        x0: attr(w, "xMin"),
                        y0: attr(w, "yMin"),
                        x1: attr(w, "xMax"),
                        y1: attr(w, "yMax"),
                    };
                    (word.to_string(), b)
                })
                .collect()
        })
        .collect()
}

/// No word outside the side margins or off the page, and no two words drawn over each other.
pub fn assert_clean_layout(path: &Path) {
    assert_clean_layout_on(path, PAGE_W, PAGE_H);
}

/// `assert_clean_layout` on a sheet of `page_w` × `page_h` points, where the column keeps A4's
/// width, centred.
pub fn assert_clean_layout_on(path: &Path, page_w: f64, page_h: f64) {
    let margin_x = MARGIN_X + (page_w - PAGE_W) / 2.0;
    let pages = word_boxes(path);
    let words: usize = pages.iter().map(Vec::len).sum();
    assert!(
        words > 20 * pages.len(),
        "pdftotext -bbox must find the words to check ({words} on {} pages)",
        pages.len()
    );
    for (p, words) in pages.iter().enumerate() {
        for (word, b) in words {
            assert!(
                b.x0 >= margin_x - 0.5 && b.x1 <= page_w - margin_x + 0.5,
                "page {}: {word:?} at x {:.1}–{:.1} runs into the side margin",
                p + 1,
                b.x0,
                b.x1
            );
            assert!(
                b.y0 >= 20.0 && b.y1 <= page_h - 20.0,
                "page {}: {word:?} at y {:.1}–{:.1} is off the printable page",
                p + 1,
                b.y0,
                b.y1
            );
        }
        // The boxes include the font's full ascent and descent, so lines set solid touch;
        // shrinking each box a little leaves only real overlaps.
        let shrink = |b: &WordBox| (b.x0 + 0.6, b.y0 + 1.2, b.x1 - 0.6, b.y1 - 1.2);
        let mut sorted: Vec<&(String, WordBox)> = words.iter().collect();
        sorted.sort_by(|a, b| a.1.y0.total_cmp(&b.1.y0));
        for (i, (wa, a)) in sorted.iter().enumerate() {
            let a = shrink(a);
            for (wb, b) in sorted[i + 1..].iter() {
                let b = shrink(b);
                if b.1 >= a.3 {
                    break;
                }
                let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
                assert!(
                    !overlap,
                    "page {}: {wa:?} and {wb:?} are drawn over each other",
                    p + 1
                );
            }
        }
    }
}

pub fn outline_titles(doc: &Document) -> Vec<(String, Vec<String>)> {
    let catalog = doc.catalog().expect("a catalog");
    let title = |d: &lopdf::Dictionary| -> String {
        let t = d.get(b"Title").expect("every outline entry has a title");
        lopdf::decode_text_string(t).expect("titles are text strings")
    };
    let follow = |d: &lopdf::Dictionary, key: &[u8]| -> Option<lopdf::Dictionary> {
        let id = d.get(key).ok()?.as_reference().ok()?;
        Some(doc.get_dictionary(id).ok()?.clone())
    };
    let outlines = follow(catalog, b"Outlines").expect("the catalog has an outline");
    let mut out = Vec::new();
    let mut item = follow(&outlines, b"First");
    while let Some(d) = item {
        let mut children = Vec::new();
        let mut child = follow(&d, b"First");
        while let Some(c) = child {
            children.push(title(&c));
            child = follow(&c, b"Next");
        }
        out.push((title(&d), children));
        item = follow(&d, b"Next");
    }
    out
}

/// The last line of text above the footer on each page.
pub fn last_lines(path: &Path) -> Vec<String> {
    word_boxes(path)
        .iter()
        .map(|words| {
            let body: Vec<&(String, WordBox)> =
                words.iter().filter(|(_, b)| b.y1 < PAGE_H - 50.0).collect();
            let bottom = body.iter().map(|(_, b)| b.y1).fold(0.0, f64::max);
            let mut line: Vec<&(String, WordBox)> = body
                .into_iter()
                .filter(|(_, b)| (b.y1 - bottom).abs() < 2.0)
                .collect();
            line.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0));
            line.iter()
                .map(|(w, _)| w.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
