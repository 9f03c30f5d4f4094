//! The PDF is tagged: a reader that reads the structure tree (a screen reader, reflow) finds
//! the sections' headings in order, tables made of rows and cells, figures with alt text,
//! and the running header and footer left out as artifacts.

use super::read::{outline_titles, pages, render, tool};
use crate::now;
use stepwise::demo::demo_plan;

/// The structure tree as poppler prints it: one element a line, indented by depth.
fn structure(path: &std::path::Path) -> Vec<(usize, String)> {
    tool("pdfinfo", &["-struct"], path)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let depth = l.len() - l.trim_start().len();
            (depth, l.trim().to_string())
        })
        .collect()
}

#[test]
fn the_demo_pdf_has_a_structure_tree_in_reading_order() {
    let plan = demo_plan(now());
    let pdf = render(&plan);
    let info = tool("pdfinfo", &[], &pdf.path);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
        "pdfinfo reads the file as tagged:\n{info}"
    );
    let tree = structure(&pdf.path);
    assert_eq!(
        tree.first().map(|t| t.1.as_str()),
        Some("Document"),
        "one Document element holds the rest"
    );
    let count = |role: &str| tree.iter().filter(|t| t.1.starts_with(role)).count();
    for role in [
        "H1", "H2", "P", "Table", "TR", "TH", "TD", "Figure", "L", "LI", "TOC", "TOCI",
    ] {
        assert!(count(role) > 0, "the tree has {role} elements:\n{tree:?}");
    }

    // Every section title is an H1, in the order the pages print them.
    let text = tool("pdfinfo", &["-struct-text"], &pdf.path);
    let h1s: Vec<String> = text
        .split("\n")
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0].trim().starts_with("H1"))
        .map(|w| w[1].trim().trim_matches('"').to_string())
        .collect();
    let doc = lopdf::Document::load_mem(&pdf.bytes).expect("the PDF reads back");
    // The outline's top-level entries after the cover and contents, without their numbers.
    let sections: Vec<String> = outline_titles(&doc)
        .into_iter()
        .skip(2)
        .map(|(t, _)| match t.split_once(". ") {
            Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest.to_string(),
            _ => t,
        })
        .collect();
    assert!(sections.len() > 5, "the demo has sections: {sections:?}");
    let mut at = 0;
    for s in &sections {
        let found = h1s[at..].iter().position(|h| h.contains(s.as_str()));
        let Some(i) = found else {
            panic!("section {s:?} is an H1 after the ones before it: {h1s:?}");
        };
        at += i + 1;
    }

    // Figures carry their description, the Word file's alt text; poppler does not print it,
    // so it is read from the elements themselves.
    let alts: Vec<Option<String>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Figure".as_slice()))
        .map(|d| d.get(b"Alt").ok().and_then(|a| a.as_str().ok()).map(utf16))
        .collect();
    assert_eq!(alts.len(), count("Figure"), "every figure is an element");
    assert!(
        alts.iter()
            .all(|a| a.as_ref().is_some_and(|a| a.len() > 10)),
        "every figure has alt text: {alts:?}"
    );
    assert!(
        alts.iter()
            .flatten()
            .any(|a| a.starts_with("Heatmap of the maturity model")),
        "the heatmap's alt text is its description: {alts:?}"
    );

    // The running footer is an artifact: no element's text holds "Page 2 of".
    assert!(!text.contains("Page 2 of"), "the footer is not tagged");
    tool("qpdf", &["--check"], &pdf.path);
}

#[test]
fn tagging_leaves_the_text_and_the_bytes_as_they_were() {
    let plan = demo_plan(now());
    let (a, b) = (render(&plan), render(&plan));
    assert_eq!(
        a.bytes, b.bytes,
        "the same plan and moment give the same bytes"
    );
    let text = pages(&a.path);
    assert!(text.iter().any(|p| p.contains("Contents")));
}

/// A PDF text string written as UTF-16BE with its byte-order mark.
fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}
