//! Plans named in other scripts: CJK, Hebrew, Arabic and emoji are drawn with fallback
//! faces (not as empty boxes), right-to-left lines read right to left, and what still cannot
//! be drawn is reported.

use super::read::{pages, render};
use crate::now;
use stepwise::demo::demo_plan;
use stepwise::export::pdf;

const CJK: &str = "北京大学 微证书战略";
const HEBREW: &str = "תעודות זעירות";
const ARABIC: &str = "الشهادات المصغرة";

#[test]
fn cjk_hebrew_arabic_and_emoji_print_with_fallback_faces_right_to_left_where_written_so() {
    let mut plan = demo_plan(now());
    plan.name = format!("{CJK} 🎓");
    plan.goals[0].title = HEBREW.into();
    plan.goals[1].title = ARABIC.into();
    let pdf = render(&plan);
    let pages = pages(&pdf.path);
    assert!(pages[0].contains(CJK), "the cover's name: {}", pages[0]);
    let all = pages.join("\n");
    // pdftotext reads glyphs placed right to left back in logical order.
    assert!(all.contains(HEBREW), "Hebrew reads right to left");
    let fonts = super::read::tool("pdffonts", &[], &pdf.path);
    for face in ["NotoSansHebrew", "NotoSansArabic", "NotoSansCJK", "Symbola"] {
        assert!(fonts.contains(face), "{face} is embedded: {fonts}");
    }
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "every face is a subset: {fonts}"
    );
    let report = pdf::report(&plan).unwrap();
    assert_eq!(report, pdf::Report::default(), "everything can be drawn");
}

#[test]
fn characters_no_font_has_are_reported_by_the_export_and_the_cli() {
    let mut plan = demo_plan(now());
    // Egyptian hieroglyphs and a private-use character: no face here draws them.
    plan.goals[0].title = "Goal 𓀀 with \u{E000}".into();
    let report = pdf::report(&plan).unwrap();
    assert_eq!(report.missing, vec!['\u{E000}', '𓀀']);
    let warning = report.warning().expect("a warning");
    assert!(warning.contains("2 characters as empty boxes"), "{warning}");
    assert!(warning.contains("𓀀 (U+13000)"), "{warning}");

    let db = crate::TempDb::new();
    let mut store = db.open();
    store.insert_plan(&plan).unwrap();
    let out = db.dir.path().join("plan.pdf");
    let run = crate::stepwise(
        &db.path,
        &[
            "export",
            &plan.id,
            "--format",
            "pdf",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(run.status.success());
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(
        stderr.contains("warning: the PDF shows 2 characters as empty boxes"),
        "{stderr}"
    );
}
