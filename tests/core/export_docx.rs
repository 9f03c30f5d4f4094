//! The Word export, read back as Word and LibreOffice read it: the package's XML (heading
//! styles with outline levels, tables with repeated header rows, pictures with alt text, the
//! page number fields) and LibreOffice Writer's own printout of it. LibreOffice is installed
//! by scripts/setup.sh; a test fails rather than skips when it is missing.

use crate::{demo_via_cli, now, stepwise, TempDb};
use quick_xml::events::Event;
use std::io::Read;
use std::path::Path;
use std::process::Command;
use stepwise::export::{docx, Paper};

/// The executive summary, then a section per step of the journey but the export.
fn sections() -> Vec<String> {
    use stepwise::progress::Step;
    std::iter::once("Executive summary".to_string())
        .chain(
            Step::ALL
                .into_iter()
                .filter(|s| *s != Step::Export)
                .map(|s| format!("{}. {}", s.number(), s.title())),
        )
        .collect()
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("the DOCX is a zip");
    let mut file = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("the package has {name}"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("the part is UTF-8");
    text
}

/// Every paragraph of a part: its style and its text.
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut style, mut text, mut in_t) = (String::new(), String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:p" => {
                style = "Normal".into();
                text.clear();
            }
            Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                if let Some(v) = e.try_get_attribute("w:val").unwrap() {
                    style = unescape(&v.value);
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::Text(t) if in_t => text.push_str(t.as_ref()),
            Event::GeneralRef(r) if in_t => {
                text.push_str(match r.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    _ => "'",
                });
            }
            Event::End(e) if e.name().as_ref() == "w:p" => {
                out.push((style.clone(), text.clone()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The values of an attribute on every element of a name.
fn attributes(xml: &str, element: &str, attribute: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == element => {
                if let Some(v) = e.try_get_attribute(attribute).unwrap() {
                    out.push(unescape(&v.value));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text of each table's header row.
fn table_headers(xml: &str) -> Vec<String> {
    xml.split("<w:tblHeader/>")
        .skip(1)
        .map(|rest| {
            let row = &rest[..rest.find("</w:tr>").unwrap()];
            paragraphs(&format!(
                "<r>{}</r>",
                row.split_once("</w:trPr>").unwrap().1
            ))
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(" ")
        })
        .collect()
}

fn demo_docx(paper: Paper) -> Vec<u8> {
    docx::render(&stepwise::demo::demo_plan(now()), now(), paper).expect("the demo renders")
}

#[test]
fn the_demo_has_real_headings_tables_pictures_and_page_number_fields() {
    let bytes = demo_docx(Paper::A4);
    let document = part(&bytes, "word/document.xml");
    let paras = paragraphs(&document);
    let styled = |style: &str| -> Vec<&str> {
        paras
            .iter()
            .filter(|(s, _)| s == style)
            .map(|(_, t)| t.as_str())
            .collect()
    };
    let h1 = styled("Heading1");
    for section in sections() {
        assert!(
            h1.contains(&section.as_str()),
            "{section:?} is a Heading 1: {h1:?}"
        );
    }
    let h2 = styled("Heading2");
    for part in [
        "The organisation",
        "Vision statements",
        "Roles and people",
        "RACI matrix",
        "Timeline",
        "Milestones",
    ] {
        assert!(h2.contains(&part), "{part:?} is a Heading 2: {h2:?}");
    }
    // The styles carry the outline levels Word's navigation pane and contents read.
    let styles = part(&bytes, "word/styles.xml");
    for (id, level) in [("Heading1", 0), ("Heading2", 1), ("Heading3", 2)] {
        let at = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("a {id} style"));
        let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(
            style.contains(&format!("<w:outlineLvl w:val=\"{level}\"/>")),
            "{id} has outline level {level}: {style}"
        );
    }
    assert!(
        document.contains(" TOC \\o \"1-2\""),
        "a table of contents field"
    );
    let tables = document.matches("<w:tbl>").count();
    assert!(
        tables >= 20,
        "the board pack's tables are Word tables: {tables}"
    );
    let headers = table_headers(&document);
    assert!(
        headers.iter().any(|h| h.starts_with("Decision requested")),
        "{headers:?}"
    );
    assert!(headers
        .iter()
        .any(|h| h.starts_with("Facet Sub-facet 1 Exploratory")));
    // Every picture says what it shows.
    let alts = attributes(&document, "wp:docPr", "descr");
    assert!(alts.len() >= 4, "the charts are pictures: {alts:?}");
    assert!(alts.iter().all(|a| a.len() > 20), "{alts:?}");
    for start in [
        "Radar chart",
        "Timeline of the roadmap",
        "Badge request workflow",
    ] {
        assert!(
            alts.iter().any(|a| a.starts_with(start)),
            "{start}: {alts:?}"
        );
    }
    let footer = part(&bytes, "word/footer1.xml");
    assert!(
        footer.contains(" PAGE ") && footer.contains(" NUMPAGES "),
        "{footer}"
    );
    assert!(
        footer.contains("Draft for discussion"),
        "the confidentiality line"
    );
    let header = part(&bytes, "word/header1.xml");
    assert!(
        header.contains("Saint-Aurèle University") && header.contains("STYLEREF"),
        "the running header names the plan and the page's section: {header}"
    );
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains(
            "<dc:title>Saint-Aurèle University — Digital credentials strategy (demo)</dc:title>"
        ),
        "{core}"
    );
    assert!(core.contains("<dc:creator>Léa Marchand"), "{core}");
    assert!(core.contains("<dc:language>en-GB</dc:language>"), "{core}");
}

#[test]
fn the_paper_setting_sizes_the_pages_and_the_same_plan_gives_the_same_bytes() {
    let a4 = part(&demo_docx(Paper::A4), "word/document.xml");
    let letter = part(&demo_docx(Paper::Letter), "word/document.xml");
    assert!(a4.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(letter.contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"));
    assert!(
        demo_docx(Paper::A4) == demo_docx(Paper::A4),
        "a re-export is the same file"
    );
    // The executive summary names what the PDF's page on that paper had room for.
    let kpis = |xml: &str| {
        let table = xml
            .split("Key measure")
            .nth(1)
            .expect("the key measures table");
        table[..table.find("</w:tbl>").unwrap()]
            .matches("<w:tr>")
            .count()
    };
    let (on_a4, on_letter) = (kpis(&a4), kpis(&letter));
    assert!(
        on_letter < on_a4,
        "Letter's shorter page names fewer key measures: {on_letter} against {on_a4}"
    );
}

fn libreoffice_to_pdf(docx: &Path, out: &Path) -> std::path::PathBuf {
    // A profile of its own, so tests running side by side do not fight over one.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        out.join("lo-profile").display()
    );
    let run = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .arg(docx)
        .output()
        .expect("LibreOffice is installed (scripts/setup.sh installs libreoffice-writer-nogui)");
    assert!(
        run.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = out.join(docx.with_extension("pdf").file_name().unwrap());
    assert!(
        pdf.exists(),
        "LibreOffice Writer printed the document: {}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    pdf
}

#[test]
fn libreoffice_prints_every_section_heading_and_table_header() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = demo_docx(Paper::A4);
    let path = dir.path().join("board pack.docx");
    std::fs::write(&path, &bytes).unwrap();
    let pdf = libreoffice_to_pdf(&path, dir.path());
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(
        pages >= 20,
        "the whole board pack is printed: {pages} pages"
    );
    for section in sections() {
        assert!(words.contains(&section), "{section:?} is printed");
    }
    let document = part(&bytes, "word/document.xml");
    for header in table_headers(&document) {
        // A title wrapped in a narrow column comes back a word at a time.
        for word in header.split_whitespace() {
            assert!(
                words.contains(word),
                "{word:?} of the header {header:?} is printed"
            );
        }
    }
    assert!(
        words.contains("Page 3 of"),
        "the footer's fields are filled in"
    );
}

#[test]
fn the_cli_exports_a_docx_that_anonymises_raters_as_the_pdf_does() {
    let db = TempDb::new();
    let id = demo_via_cli(&db.path);
    let export = |format: &str, anonymise: bool| {
        let out = db.dir.path().join(format!("pack-{anonymise}.{format}"));
        let mut args = vec![
            "export",
            &id,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--paper",
            "letter",
        ];
        if anonymise {
            args.push("--anonymise-raters");
        }
        let run = stepwise(&db.path, &args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        out
    };
    let text = |path: &Path| -> String {
        if path.extension().is_some_and(|x| x == "docx") {
            let xml = part(&std::fs::read(path).unwrap(), "word/document.xml");
            assert!(xml.contains("<w:pgSz w:w=\"12240\""), "on Letter");
            paragraphs(&xml)
                .into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            let out = Command::new("pdftotext")
                .arg(path)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    let plan = stepwise::demo::demo_plan(now());
    let names: Vec<&str> = plan.raters.iter().map(|r| r.name.as_str()).collect();
    let count = |t: &str| names.iter().map(|n| t.matches(n).count()).sum::<usize>();
    let (named, anonymous) = (text(&export("docx", false)), text(&export("docx", true)));
    let pdf = text(&export("pdf", true));
    assert!(
        count(&anonymous) <= count(&named),
        "no more mentions of the raters' names once anonymised"
    );
    for n in &names {
        assert_eq!(
            anonymous.contains(n),
            pdf.contains(n),
            "the DOCX names {n} where the PDF does, and only there"
        );
    }
}
