//! The parts of the package other than the body: styles with real heading levels (so Word's
//! navigation pane and its table of contents find them), the bullet list, the running header
//! and the "Page X of Y" footer, and the document's properties.

use super::xml::{esc, field, hex, twips};
use crate::export::pdf::theme::{self, INK, MUTED, NAVY, RULE, TEAL, WHITE};
use chrono::{DateTime, Utc};

pub const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// The typeface the PDF is set in; Word uses a similar sans where it is not installed.
pub const FONT: &str = "Noto Sans";

pub fn content_types(images: usize) -> String {
    let png = if images > 0 {
        "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    } else {
        ""
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>{png}\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>"
    )
}

pub const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

/// The body's relationships; pictures are `rIdImgN` for `word/media/imageN.png`.
pub fn document_rels(images: usize) -> String {
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"{base}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"{base}/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdNumbering\" Type=\"{base}/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rIdHeader\" Type=\"{base}/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rIdFooter\" Type=\"{base}/footer\" Target=\"footer1.xml\"/>"
    );
    for i in 1..=images {
        out.push_str(&format!(
            "<Relationship Id=\"rIdImg{i}\" Type=\"{base}/image\" Target=\"media/image{i}.png\"/>"
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// Asks Word to refresh the fields on opening, so the contents get their page numbers.
pub fn settings(lang: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:settings {W_NS}><w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"720\"/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/><w:themeFontLang w:val=\"{}\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>",
        esc(lang)
    )
}

pub fn numbering() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:numbering {W_NS}><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"280\" w:hanging=\"280\"/></w:pPr><w:rPr><w:color w:val=\"{}\"/></w:rPr></w:lvl>\
</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>",
        hex(TEAL)
    )
}

fn para_style(id: &str, name: &str, ppr: &str, rpr: &str, extra: &str) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>{extra}<w:qFormat/>\
<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )
}

fn color(c: theme::Rgb) -> String {
    format!("<w:color w:val=\"{}\"/>", hex(c))
}

fn size(pt: f32) -> String {
    let half = (pt * 2.0).round() as i64;
    format!("<w:sz w:val=\"{half}\"/><w:szCs w:val=\"{half}\"/>")
}

fn spacing(before: f32, after: f32) -> String {
    format!(
        "<w:spacing w:before=\"{}\" w:after=\"{}\"/>",
        twips(before),
        twips(after)
    )
}

pub fn styles(lang: &str) -> String {
    // Word's single spacing is the face's own line height, which for Noto Sans is already
    // the PDF's leading (1.36 of the size).
    let line = 240;
    let rule = hex(RULE);
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:styles {W_NS}>\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>\
{}{}<w:lang w:val=\"{}\" w:eastAsia=\"{}\" w:bidi=\"{}\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"{line}\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"BoardTable\"><w:name w:val=\"Board table\"/><w:basedOn w:val=\"TableNormal\"/>\
<w:tblPr><w:tblBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{rule}\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{rule}\"/></w:tblBorders>\
<w:tblCellMar><w:top w:w=\"60\" w:type=\"dxa\"/><w:left w:w=\"100\" w:type=\"dxa\"/><w:bottom w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
        size(theme::BODY),
        color(INK),
        esc(lang),
        esc(lang),
        esc(lang),
    );
    let heading = |n: u8, pt: f32, c: theme::Rgb, before: f32, after: f32, border: &str| {
        para_style(
            &format!("Heading{n}"),
            &format!("heading {n}"),
            &format!(
                "<w:keepNext/><w:keepLines/>{}{border}<w:outlineLvl w:val=\"{}\"/>",
                spacing(before, after),
                n - 1
            ),
            &format!("<w:b/><w:bCs/>{}{}", color(c), size(pt)),
            "<w:uiPriority w:val=\"9\"/>",
        )
    };
    s.push_str(&heading(1, 21.0, NAVY, 24.0, 12.0, ""));
    s.push_str(&heading(
        2,
        13.0,
        NAVY,
        14.0,
        6.0,
        &format!("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"2\" w:color=\"{rule}\"/></w:pBdr>"),
    ));
    s.push_str(&heading(3, 10.5, INK, 8.0, 3.0, ""));
    s.push_str(&para_style(
        "Title",
        "Title",
        &spacing(0.0, 12.0),
        &format!("<w:b/><w:bCs/>{}{}", color(NAVY), size(27.0)),
        "",
    ));
    s.push_str(&para_style(
        "Kicker",
        "Kicker",
        &format!("<w:keepNext/>{}", spacing(0.0, 2.0)),
        &format!("<w:b/><w:bCs/><w:caps/>{}{}", color(TEAL), size(9.0)),
        "",
    ));
    s.push_str(&para_style(
        "Conclusion",
        "Conclusion",
        &format!("<w:keepNext/>{}", spacing(0.0, 8.0)),
        &format!("<w:b/><w:bCs/>{}{}", color(TEAL), size(11.5)),
        "",
    ));
    s.push_str(&para_style(
        "Caption",
        "caption",
        "",
        &format!("{}{}", color(MUTED), size(theme::SMALL)),
        "",
    ));
    s.push_str(&para_style(
        "Quote",
        "Quote",
        &format!(
            "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"{}\"/></w:pBdr><w:ind w:left=\"280\"/>{}",
            hex(TEAL),
            spacing(2.0, 8.0)
        ),
        "<w:i/><w:iCs/>",
        "",
    ));
    s.push_str(&para_style(
        "ListBullet",
        "List Bullet",
        "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"50\"/>",
        "",
        "",
    ));
    s.push_str(&para_style(
        "TableText",
        "Table text",
        "<w:spacing w:after=\"0\"/>",
        &size(theme::CELL),
        "",
    ));
    s.push_str(&para_style(
        "TableHeader",
        "Table header",
        "<w:keepNext/><w:spacing w:after=\"0\"/>",
        &format!("<w:b/><w:bCs/>{}{}", color(WHITE), size(theme::SMALL)),
        "",
    ));
    s.push_str(&para_style(
        "AfterTable",
        "After table",
        "<w:spacing w:after=\"0\" w:line=\"160\" w:lineRule=\"exact\"/>",
        &size(6.0),
        "",
    ));
    s.push_str(&para_style(
        "TOCHeading",
        "TOC Heading",
        &spacing(0.0, 12.0),
        &format!("<w:b/><w:bCs/>{}{}", color(NAVY), size(21.0)),
        "",
    ));
    let right = twips(crate::export::pdf::layout::WIDTH);
    for (n, indent, bold) in [(1, 0, true), (2, 280, false)] {
        s.push_str(&para_style(
            &format!("TOC{n}"),
            &format!("toc {n}"),
            &format!(
                "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{right}\"/></w:tabs><w:ind w:left=\"{indent}\"/>{}",
                spacing(if bold { 4.0 } else { 0.0 }, 0.0)
            ),
            if bold { "<w:b/><w:bCs/>" } else { "" },
            "<w:uiPriority w:val=\"39\"/>",
        ));
    }
    let chrome = format!("{}{}", color(MUTED), size(7.5));
    for (id, name) in [("Header", "header"), ("Footer", "footer")] {
        s.push_str(&para_style(
            id,
            name,
            &format!("<w:tabs><w:tab w:val=\"right\" w:pos=\"{right}\"/></w:tabs><w:spacing w:after=\"0\"/>"),
            &chrome,
            "",
        ));
    }
    s.push_str("<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:color w:val=\"");
    s.push_str(&hex(NAVY));
    s.push_str("\"/></w:rPr></w:style></w:styles>");
    s
}

/// The running header, as the PDF's pages carry it: the organisation and the plan, and on the
/// right the section the page belongs to (a STYLEREF field to the last Heading 1, which Word
/// keeps current as the document is edited).
pub fn header(left: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:hdr {W_NS}><w:p><w:pPr><w:pStyle w:val=\"Header\"/>\
<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"{}\"/></w:pBdr></w:pPr>\
<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/></w:r>{}</w:p></w:hdr>",
        hex(RULE),
        esc(left),
        field(
            "STYLEREF \"heading 1\"",
            "",
            "<w:rPr><w:b/><w:bCs/></w:rPr>"
        )
    )
}

/// The footer: the confidentiality line (or who it is prepared for) and "Page X of Y".
pub fn footer(left: &str) -> String {
    let bold = "<w:rPr><w:b/><w:bCs/></w:rPr>";
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>\
<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"{}\"/></w:pBdr></w:pPr>\
<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/></w:r>\
<w:r>{bold}<w:t xml:space=\"preserve\">Page </w:t></w:r>{}<w:r>{bold}<w:t xml:space=\"preserve\"> of </w:t></w:r>{}</w:p></w:ftr>",
        hex(RULE),
        esc(left),
        field("PAGE", "1", bold),
        field("NUMPAGES", "1", bold),
    )
}

pub struct Properties<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub lang: &'a str,
    pub now: DateTime<Utc>,
}

pub fn core(p: &Properties) -> String {
    let when = p.now.format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>\
<cp:keywords>micro-credentials, digital badges, strategic plan</cp:keywords>\
<dc:language>{}</dc:language>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified>\
</cp:coreProperties>",
        esc(p.title),
        esc(p.subject),
        esc(p.author),
        esc(p.lang)
    )
}

pub const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>Stepwise</Application></Properties>";
