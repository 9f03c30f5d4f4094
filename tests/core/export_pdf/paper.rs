//! Letter and A4: the PDF is laid out for the paper chosen, or the system's. On Letter the
//! column keeps its width, centred, the pages are shorter, and the executive summary still
//! holds on one page.

use super::read::{assert_clean_layout_on, info, info_field, pages};
use crate::now;
use stepwise::demo::demo_plan;
use stepwise::export::{pdf, Paper};

#[test]
fn the_paper_follows_the_locale_letter_in_north_america() {
    for (locale, paper) in [
        ("en_US.UTF-8", Paper::Letter),
        ("fr_CA.UTF-8", Paper::Letter),
        ("es-MX", Paper::Letter),
        ("en_GB.UTF-8", Paper::A4),
        ("de_DE.UTF-8@euro", Paper::A4),
        ("fr", Paper::A4),
        ("C", Paper::A4),
        ("", Paper::A4),
    ] {
        assert_eq!(Paper::of_locale(locale), paper, "{locale:?}");
    }
}

#[test]
fn a_letter_pdf_is_letter_sized_laid_out_within_it_and_its_summary_keeps_to_page_three() {
    let plan = demo_plan(now());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, pdf::render_on(&plan, now(), Paper::Letter).unwrap()).unwrap();
    let size = info_field(&info(&path), "Page size");
    assert!(
        size.contains("612 x 792") && size.contains("letter"),
        "{size}"
    );
    assert_clean_layout_on(&path, 612.0, 792.0);

    let text = pages(&path);
    let summary = &text[2];
    assert!(summary.starts_with(&plan.name) && summary.contains("Executive summary"));
    for part in [
        "Situation",
        "What we propose",
        "What we ask",
        "How we will know",
        "Top risks",
        "The next 90 days",
    ] {
        assert!(summary.contains(part), "page 3 has {part}: {summary}");
    }
    assert!(
        !text[3].contains("Executive summary"),
        "the summary stays on one page: {}",
        text[3]
    );

    let a4 = dir.path().join("a4.pdf");
    std::fs::write(&a4, pdf::render(&plan, now()).unwrap()).unwrap();
    assert!(info_field(&info(&a4), "Page size").contains("(A4)"));
}
