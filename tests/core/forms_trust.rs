//! Hostile scoring forms, built as real files: a stray cell at the sheet's far corner, zip
//! bombs with true and false sizes, a shared-string table declaring a trillion entries, and
//! forms whose hidden ids were edited to score as someone else.

use crate::forms::{
    answer_all, fill, part, problem_paths, text, three_forms, unzip, Fill, IDS_XML, SCORES_XML,
};
use crate::maturity::Fixture;
use crate::{now, stepwise};
use std::io::{Cursor, Write};
use stepwise::model::Score;

const SHARED_STRINGS: &str = "xl/sharedStrings.xml";

/// The workbook with some parts replaced and others added, each stored deflated.
fn rezip(bytes: &[u8], replace: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut parts = unzip(bytes);
    for (name, data) in replace {
        match parts.iter_mut().find(|(n, _)| n == name) {
            Some(p) => p.1 = data.clone(),
            None => parts.push((name.to_string(), data.clone())),
        }
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Rewrites the uncompressed size a zip declares for `name`, in its local header and in the
/// central directory, leaving the data as it is.
fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for i in 0..zip.len().saturating_sub(46) {
        let (sig, size_at, name_at) = match &zip[i..i + 4] {
            [0x50, 0x4b, 0x03, 0x04] => ("local", i + 22, i + 30),
            [0x50, 0x4b, 0x01, 0x02] => ("central", i + 24, i + 46),
            _ => continue,
        };
        let len_at = if sig == "local" { i + 26 } else { i + 28 };
        let len = u16::from_le_bytes([zip[len_at], zip[len_at + 1]]) as usize;
        if zip.get(name_at..name_at + len) == Some(name.as_bytes()) {
            zip[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "{name}'s local header and directory entry");
}

/// Imports a form as the app does; answers whose form it was.
fn import(f: &mut Fixture, bytes: &[u8]) -> stepwise::Result<String> {
    stepwise::api::import_scoring_form(&mut f.ws, &f.plan_id, &f.assessment_id, bytes, now())
        .map(|imported| imported.rater_name)
}

/// `xml` with a row holding one value at `cell` (row `row`) added at the end of its data.
fn with_stray_cell(xml: &str, row: u32, cell: &str) -> String {
    let at = xml.find("</sheetData>").expect("a sheet's data");
    format!(
        "{}<row r=\"{row}\"><c r=\"{cell}\" t=\"inlineStr\"><is><t>stray</t></is></c></row>{}",
        &xml[..at],
        &xml[at..]
    )
}

/// `xml` with its `<dimension ref="…"/>` replaced by `new` (which may be empty).
fn with_dimension(xml: &str, new: &str) -> String {
    let start = xml
        .find("<dimension ")
        .expect("the sheet declares its dimension");
    let end = start + xml[start..].find("/>").unwrap() + 2;
    format!("{}{new}{}", &xml[..start], &xml[end..])
}

#[test]
fn a_cell_far_outside_the_form_is_refused_whatever_the_sheet_declares() {
    let (mut f, _, files) = three_forms();
    let answered = answer_all(&files[0].1, |_| 2);
    let scores = part(&answered, SCORES_XML);
    let ids = part(&answered, IDS_XML);
    let cases: Vec<(&str, &str, String, &str)> = vec![
        (
            "a stray value at the last cell, the dimension left saying A1:K26",
            SCORES_XML,
            with_stray_cell(&scores, 1_048_576, "XFD1048576"),
            "has a value at XFD1048576",
        ),
        (
            "the same with no dimension at all",
            SCORES_XML,
            with_dimension(&with_stray_cell(&scores, 1_048_576, "XFD1048576"), ""),
            "has a value at XFD1048576",
        ),
        (
            "a dimension claiming the whole sheet",
            SCORES_XML,
            with_dimension(&scores, "<dimension ref=\"A1:XFD1048576\"/>"),
            "declares cells up to XFD1048576",
        ),
        (
            "a stray value in the hidden ids sheet",
            IDS_XML,
            with_stray_cell(&ids, 500_000, "ZZ500000"),
            "has a value at ZZ500000",
        ),
    ];
    for (what, sheet_xml, xml, says) in cases {
        let bytes = rezip(&answered, &[(sheet_xml, xml.into_bytes())]);
        assert!(bytes.len() < 64 * 1024, "{what}: a small file");
        let err = import(&mut f, &bytes).expect_err(what);
        let msg = err.to_string();
        assert!(msg.contains(says), "{what}: {msg}");
        assert!(
            msg.contains("A1:AF200"),
            "{what} names the form's reach: {msg}"
        );
        assert!(f.plan().ratings.is_empty(), "{what}: nothing written");
    }
    import(&mut f, &answered).expect("the untouched form still imports");
}

#[test]
fn zip_bombs_are_refused_by_what_they_declare_and_by_what_they_inflate_to() {
    let (mut f, _, files) = three_forms();
    let answered = answer_all(&files[0].1, |_| 2);
    let shared = part(&answered, SHARED_STRINGS);

    // A real bomb: 40 MB of one repeated text, honestly declared, in the part calamine
    // reads first. It deflates to a few tens of kilobytes.
    let mut huge = shared.replace("</sst>", "<si><t>");
    huge.push_str(&"a".repeat(40 * 1024 * 1024));
    huge.push_str("</t></si></sst>");
    let bomb = rezip(&answered, &[(SHARED_STRINGS, huge.into_bytes())]);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let err = import(&mut f, &bomb).expect_err("40 MB inflated");
    assert!(err.to_string().contains("would inflate to 40."), "{err}");

    // The same bomb declaring a small size: caught by inflating no more than it declares.
    let mut liar = bomb.clone();
    declare_size(&mut liar, SHARED_STRINGS, 4096);
    let err = import(&mut f, &liar).expect_err("a false size");
    let msg = err.to_string();
    assert!(msg.contains("part xl/sharedStrings.xml"), "{msg}");
    assert!(msg.contains("damaged or built to exhaust memory"), "{msg}");

    // A size of nearly 4 GB declared for a small part: refused without reading it.
    let mut claims = answered.clone();
    declare_size(&mut claims, SCORES_XML, u32::MAX - 1);
    let err = import(&mut f, &claims).expect_err("a 4 GB part");
    assert!(err.to_string().contains("would inflate to 4096."), "{err}");

    // A shared-string table declaring a trillion entries, which the reader would reserve.
    let at = shared.find("uniqueCount=\"").expect("a unique count") + 13;
    let end = at + shared[at..].find('"').unwrap();
    let counted = format!("{}1000000000000{}", &shared[..at], &shared[end..]);
    let err = import(
        &mut f,
        &rezip(&answered, &[(SHARED_STRINGS, counted.into_bytes())]),
    )
    .expect_err("a trillion strings");
    assert!(
        err.to_string()
            .contains("declares uniqueCount=\"1000000000000\" texts"),
        "{err}"
    );

    // Thousands of empty parts.
    let many: Vec<(String, Vec<u8>)> = (0..3000)
        .map(|i| (format!("xl/media/p{i}.bin"), Vec::new()))
        .collect();
    let many: Vec<(&str, Vec<u8>)> = many.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    let err = import(&mut f, &rezip(&answered, &many)).expect_err("3,000 parts");
    let parts = unzip(&answered).len() + 3000;
    assert!(
        err.to_string().contains(&format!("holds {parts} parts")),
        "{err}"
    );

    assert!(f.plan().ratings.is_empty(), "nothing is written");
    import(&mut f, &answered).expect("the untouched form still imports");
}

fn stage_of(f: &Fixture, rater: &str) -> Vec<u8> {
    f.plan()
        .ratings
        .iter()
        .filter(|r| r.rater_id == rater)
        .map(|r| match r.score {
            Score::Stage(s) => s,
            Score::NotApplicable(_) | Score::Abstained(_) => 0,
        })
        .collect()
}

#[test]
fn a_form_relabelled_as_another_raters_is_refused_naming_whose_it_is() {
    let (mut f, raters, files) = three_forms();
    let (ana, ben) = (&raters[0], &raters[1]);
    import(&mut f, &answer_all(&files[1].1, |_| 4)).expect("Ben's own form");
    assert_eq!(stage_of(&f, ben), vec![4; 20]);

    let anas = answer_all(&files[0].1, |_| 1);
    let as_ben = fill(&anas, IDS_XML, &[("B4".into(), text(ben))]);
    let err = import(&mut f, &as_ben).expect_err("Ana's form relabelled as Ben's");
    assert_eq!(problem_paths(&err), ["Stepwise!B4"], "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("this is Ana's form with its hidden rater id changed to Ben's"),
        "{msg}"
    );
    assert_eq!(stage_of(&f, ben), vec![4; 20], "Ben's scores are kept");
    assert!(stage_of(&f, ana).is_empty(), "and none are written for Ana");

    // The rater's own signature forged by hand, or the plan's.
    for (cell, path) in [
        ("C4", "Stepwise!B4"),
        ("C2", "Stepwise!C2"),
        ("C3", "Stepwise!B3"),
    ] {
        let forged = fill(&anas, IDS_XML, &[(cell.into(), text(&"ab".repeat(32)))]);
        let err = import(&mut f, &forged).expect_err(cell);
        assert_eq!(problem_paths(&err), [path], "{cell}: {err}");
        assert!(
            err.to_string().contains("signature does not match"),
            "{err}"
        );
    }

    // Every form is refused once the key is not the one it was signed with: as a copy of the
    // plan's database that never exported it would see it.
    let key =
        f.ws.store()
            .meta("form_mac_key")
            .unwrap()
            .expect("a key is kept");
    assert_eq!(key.len(), 64, "32 random bytes in hex");
    let other = Fixture::new();
    other.key();
    assert_ne!(
        other.ws.store().meta("form_mac_key").unwrap(),
        Some(key.clone()),
        "each database has its own key"
    );
    f.ws.store()
        .set_meta("form_mac_key", &"00".repeat(32))
        .unwrap();
    let err = import(&mut f, &anas).expect_err("signed with another key");
    assert_eq!(problem_paths(&err), ["Stepwise!C2"], "{err}");
    assert!(
        err.to_string()
            .contains("it was not exported from this copy of \"Maturity\""),
        "{err}"
    );
    f.ws.store().set_meta("form_mac_key", &key).unwrap();
    let form = import(&mut f, &anas).expect("Ana's own form, signed with this key");
    assert_eq!(form, "Ana", "the import says whose form it was");
}

#[test]
fn a_form_exported_by_0_1_0_is_refused_asking_for_a_new_one() {
    let (mut f, _, files) = three_forms();
    // 0.1.0 wrote version 1 and no signature column.
    let old = fill(
        &answer_all(&files[0].1, |_| 2),
        IDS_XML,
        &[
            ("B1".into(), text("1")),
            ("C2".into(), Fill::Blank),
            ("C3".into(), Fill::Blank),
            ("C4".into(), Fill::Blank),
        ],
    );
    let err = import(&mut f, &old).expect_err("unsigned");
    assert_eq!(problem_paths(&err), ["Stepwise!B1"], "{err}");
    let msg = err.to_string();
    assert!(msg.contains("exported by Stepwise 0.1.0"), "{msg}");
    assert!(msg.contains("export the form again"), "{msg}");
    assert!(f.plan().ratings.is_empty());
}

#[test]
fn the_cli_prints_whose_form_it_imported() {
    let (f, _, files) = three_forms();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ana.xlsx");
    std::fs::write(&path, answer_all(&files[0].1, |_| 3)).unwrap();
    let out = stepwise(
        &f._db.path,
        &[
            "assess",
            "import-forms",
            &f.plan_id,
            &f.assessment_id,
            path.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Ana: 20 answers\n");
}
