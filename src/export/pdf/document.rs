//! From laid-out pages to PDF bytes: the running header and the "Page X of Y" footer (drawn
//! last, when Y is known), the metadata, and a nested outline. printpdf's own bookmarks are
//! flat, sorted by page and name, and mark the catalog's page mode as a string viewers
//! ignore; so the outline is written into the lopdf document printpdf hands over.

use super::canvas::Canvas;
use super::fonts::{Face, Fonts};
use super::layout::{Page, Sheet, MARGIN_X, WIDTH};
use super::tags::{artifacts, Kid, Tags};
use super::text;
use super::theme::{Style, MUTED, RULE};
use crate::error::{Error, Result};
use crate::model::Plan;
use chrono::{DateTime, Utc};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    ExtendedGraphicsState, ExtendedGraphicsStateId, OffsetDateTime, PdfDocument, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Pt,
};

/// A page's drawing moved from A4's space onto its sheet; on A4 itself, as drawn. Link areas
/// are annotations, not drawing: the canvas places them on the sheet already.
fn shifted(ops: Vec<printpdf::Op>, sheet: Sheet) -> Vec<printpdf::Op> {
    use printpdf::{CurTransMat, Op};
    let (dx, dy) = sheet.shift();
    if dx == 0.0 && dy == 0.0 {
        return ops;
    }
    let (links, drawing): (Vec<Op>, Vec<Op>) = ops
        .into_iter()
        .partition(|op| matches!(op, Op::LinkAnnotation { .. }));
    let mut out = Vec::with_capacity(drawing.len() + links.len() + 3);
    out.push(Op::SaveGraphicsState);
    out.push(Op::SetTransformationMatrix {
        matrix: CurTransMat::Translate(Pt(dx), Pt(-dy)),
    });
    out.extend(drawing);
    out.push(Op::RestoreGraphicsState);
    out.extend(links);
    out
}

/// An outline entry: a title, its depth (0 top level) and its 1-based page.
pub struct Entry {
    pub title: String,
    pub level: u8,
    pub page: usize,
}

fn fail(reason: impl Into<String>) -> Error {
    Error::Export {
        format: "pdf",
        reason: reason.into(),
    }
}

/// The running header (not on the cover) and the footer of page `index` of `count`.
fn chrome(c: &mut Canvas, page: &Page, index: usize, count: usize, plan: &Plan) {
    let s = &plan.settings;
    let style = Style::new(Face::Regular, 7.5, MUTED);
    if index > 0 {
        let left = if s.organisation.trim().is_empty() || plan.name.contains(s.organisation.trim())
        {
            plan.name.clone()
        } else {
            format!("{} · {}", s.organisation.trim(), plan.name)
        };
        let section = Style::new(Face::Bold, 7.5, MUTED);
        let right_w =
            (WIDTH * 0.4).min(c.fonts.width(section.face, section.size, &page.section) + 1.0);
        c.label(MARGIN_X, 40.0, WIDTH - right_w - 16.0, 0.0, style, &left);
        c.label(
            MARGIN_X + WIDTH - right_w,
            40.0,
            right_w,
            1.0,
            section,
            &page.section,
        );
        c.hline(MARGIN_X, MARGIN_X + WIDTH, 47.0, RULE, 0.5);
    }
    let top = c.sheet.h - 44.0;
    c.hline(MARGIN_X, MARGIN_X + WIDTH, top, RULE, 0.5);
    let number = format!("Page {} of {}", index + 1, count);
    let nw = c.fonts.width(Face::Bold, 7.5, &number);
    c.text(
        MARGIN_X + WIDTH - nw,
        top + 13.0,
        Style::new(Face::Bold, 7.5, MUTED),
        &number,
    );
    // The cover prints the confidentiality line itself.
    let left = if index == 0 {
        String::new()
    } else if !s.confidentiality.trim().is_empty() {
        s.confidentiality.trim().to_string()
    } else if !s.prepared_for.trim().is_empty() {
        format!("Prepared for {}", s.prepared_for.trim())
    } else {
        String::new()
    };
    let italic = Style::new(Face::Italic, 7.5, MUTED);
    let left = text::fit(c.fonts, &left, italic, WIDTH - nw - 24.0);
    c.text(MARGIN_X, top + 13.0, italic, &left);
}

fn date(now: DateTime<Utc>) -> Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(now.timestamp())
        .map_err(|e| fail(format!("the date {now} cannot be written: {e}")))
}

pub struct Finish<'a> {
    pub plan: &'a Plan,
    pub now: DateTime<Utc>,
    pub fonts: &'a Fonts,
    pub alpha: ExtendedGraphicsStateId,
    pub sheet: Sheet,
}

impl Finish<'_> {
    pub fn save(&self, mut pages: Vec<Page>, outline: &[Entry], tags: &Tags) -> Result<Vec<u8>> {
        let (plan, s) = (self.plan, &self.plan.settings);
        let count = pages.len();
        for (i, page) in pages.iter_mut().enumerate() {
            let mut ops = std::mem::take(&mut page.ops);
            let mut c = Canvas {
                ops: &mut ops,
                fonts: self.fonts,
                alpha: &self.alpha,
                sheet: self.sheet,
            };
            chrome(&mut c, page, i, count, plan);
            page.ops = shifted(artifacts(ops), self.sheet);
        }
        let mut doc = PdfDocument::new(&plan.name);
        let info = &mut doc.metadata.info;
        info.author = [s.prepared_by.trim(), s.organisation.trim()]
            .into_iter()
            .find(|a| !a.is_empty())
            .unwrap_or("Stepwise")
            .to_string();
        info.subject = match s.organisation.trim() {
            "" => "Micro-credential strategic plan".to_string(),
            org => format!("Micro-credential strategic plan for {org}"),
        };
        info.keywords = vec![
            "micro-credentials".into(),
            "digital badges".into(),
            "strategic plan".into(),
        ];
        info.creator = "Stepwise".into();
        info.producer = "Stepwise (printpdf)".into();
        info.creation_date = date(self.now)?;
        info.modification_date = date(self.now)?;
        info.metadata_date = date(self.now)?;
        self.fonts.register(&mut doc);
        doc.resources.extgstates.map.insert(
            self.alpha.clone(),
            ExtendedGraphicsState::default().with_current_fill_alpha(0.16),
        );
        let pages = pages
            .into_iter()
            .map(|p| PdfPage::new(Pt(self.sheet.w).into(), Pt(self.sheet.h).into(), p.ops))
            .collect();
        doc.with_pages(pages);
        let mut warnings = Vec::new();
        let opts = PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        };
        let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
        if let Some(w) = warnings
            .iter()
            .find(|w| w.severity == PdfParseErrorSeverity::Error)
        {
            return Err(fail(format!("page {}: {}", w.page + 1, w.msg)));
        }
        write_outline(&mut lo, outline)?;
        write_structure(&mut lo, tags)?;
        tidy_info(&mut lo);
        lo.trailer
            .set("ID", Object::Array(vec![self.file_id(), self.file_id()]));
        lo.compress();
        let mut out = Vec::new();
        // The structure tree is a small object for every block: packed into compressed object
        // streams, the tagged file is about the size the untagged one was.
        let packed = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(6)
            .build();
        lo.save_with_options(&mut out, packed)
            .map_err(|e| fail(format!("the document could not be written: {e}")))?;
        Ok(out)
    }

    /// The file identifier, from the plan and the moment of the export rather than printpdf's
    /// counter, so the same plan exported at the same `now` gives the same bytes.
    fn file_id(&self) -> Object {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let key = format!(
            "{}|{}|{}",
            self.plan.id,
            self.plan.updated_at.timestamp(),
            self.now.timestamp()
        );
        for b in key.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        let mut id = h.to_be_bytes().to_vec();
        id.extend(
            h.rotate_left(29)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .to_be_bytes(),
        );
        Object::String(id, StringFormat::Hexadecimal)
    }
}

/// printpdf fills the info dictionary for PDF/X, which makes viewers announce a standard this
/// document does not claim; and an empty identifier says nothing.
fn tidy_info(lo: &mut lopdf::Document) {
    let Ok(Object::Reference(id)) = lo.trailer.get(b"Info").cloned() else {
        return;
    };
    if let Ok(Object::Dictionary(info)) = lo.get_object_mut(id) {
        info.remove(b"GTS_PDFXVersion");
        info.remove(b"Identifier");
        info.remove(b"Trapped");
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, the one encoding every viewer reads
/// for accents and dashes in outline titles.
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend(u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn write_outline(lo: &mut lopdf::Document, entries: &[Entry]) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let pages = lo.get_pages();
    let root = lo.new_object_id();
    // Each top-level entry with the entries under it.
    type Node<'a> = (ObjectId, &'a Entry, Vec<(ObjectId, &'a Entry)>);
    let mut tree: Vec<Node> = Vec::new();
    for e in entries {
        let id = lo.new_object_id();
        match (e.level, tree.last_mut()) {
            (0, _) | (_, None) => tree.push((id, e, Vec::new())),
            (_, Some(parent)) => parent.2.push((id, e)),
        }
    }
    let dest = |page: usize| -> Result<Object> {
        let id = pages.get(&(page as u32)).ok_or_else(|| {
            fail(format!(
                "the outline points to page {page}, which does not exist"
            ))
        })?;
        Ok(Object::Array(vec![
            Object::Reference(*id),
            "XYZ".into(),
            Object::Null,
            Object::Null,
            Object::Null,
        ]))
    };
    let siblings = |ids: &[ObjectId], i: usize, d: &mut Dictionary| {
        if i > 0 {
            d.set("Prev", Object::Reference(ids[i - 1]));
        }
        if i + 1 < ids.len() {
            d.set("Next", Object::Reference(ids[i + 1]));
        }
    };
    let top_ids: Vec<ObjectId> = tree.iter().map(|t| t.0).collect();
    for (i, (id, e, children)) in tree.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(&e.title));
        d.set("Parent", Object::Reference(root));
        d.set("Dest", dest(e.page)?);
        siblings(&top_ids, i, &mut d);
        let child_ids: Vec<ObjectId> = children.iter().map(|c| c.0).collect();
        if let (Some(first), Some(last)) = (child_ids.first(), child_ids.last()) {
            d.set("First", Object::Reference(*first));
            d.set("Last", Object::Reference(*last));
            // Negative: shown closed, so the outline opens as a list of sections.
            d.set("Count", Object::Integer(-(child_ids.len() as i64)));
        }
        for (j, (cid, c)) in children.iter().enumerate() {
            let mut cd = Dictionary::new();
            cd.set("Title", text_string(&c.title));
            cd.set("Parent", Object::Reference(*id));
            cd.set("Dest", dest(c.page)?);
            siblings(&child_ids, j, &mut cd);
            lo.set_object(*cid, cd);
        }
        lo.set_object(*id, d);
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    outlines.set("First", Object::Reference(top_ids[0]));
    outlines.set(
        "Last",
        Object::Reference(*top_ids.last().expect("at least one entry")),
    );
    outlines.set("Count", Object::Integer(top_ids.len() as i64));
    lo.set_object(root, outlines);
    let catalog = lo
        .catalog_mut()
        .map_err(|e| fail(format!("the document has no catalog: {e}")))?;
    catalog.set("Outlines", Object::Reference(root));
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    // Screen readers pick their voice from the document's language, and a viewer's title bar
    // shows the plan's name rather than a file name.
    catalog.set("Lang", Object::string_literal("en"));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    Ok(())
}

/// The structure tree: a Document element holding the recorded elements in reading order,
/// each pointing at its marked drawing; the parent tree that leads from a page's marks back to
/// their elements; and the catalog's note that the file is tagged.
fn write_structure(lo: &mut lopdf::Document, tags: &Tags) -> Result<()> {
    let pages = lo.get_pages();
    let page_ref = |page: usize| -> Result<ObjectId> {
        pages.get(&(page as u32 + 1)).copied().ok_or_else(|| {
            fail(format!(
                "a tagged block points to page {}, which does not exist",
                page + 1
            ))
        })
    };
    let root = lo.new_object_id();
    let document = lo.new_object_id();
    // Ids for the elements a reader meets; the rest (blocks that drew nothing) are left out.
    let mut ids: Vec<Option<ObjectId>> = vec![None; tags.elems.len()];
    for (i, id) in ids.iter_mut().enumerate() {
        if tags.live(i) {
            *id = Some(lo.new_object_id());
        }
    }
    // Each page's elements by MCID, for the parent tree.
    let mut by_page: std::collections::BTreeMap<usize, Vec<(i64, ObjectId)>> = Default::default();
    let mut write = |lo: &mut lopdf::Document, e: usize, parent: ObjectId| -> Result<()> {
        let Some(id) = ids[e] else { return Ok(()) };
        let el = &tags.elems[e];
        let first_page = el.kids.iter().find_map(|k| match k {
            Kid::Mark { page, .. } => Some(*page),
            Kid::Elem(_) => None,
        });
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"StructElem".to_vec()));
        d.set("S", Object::Name(el.role.as_bytes().to_vec()));
        d.set("P", Object::Reference(parent));
        if let Some(p) = first_page {
            d.set("Pg", Object::Reference(page_ref(p)?));
        }
        if let Some(alt) = &el.alt {
            d.set("Alt", text_string(alt));
        }
        let mut kids = Vec::new();
        for k in &el.kids {
            match *k {
                Kid::Elem(c) => kids.extend(ids[c].map(Object::Reference)),
                Kid::Mark { page, mcid } => {
                    by_page.entry(page).or_default().push((mcid, id));
                    if Some(page) == first_page {
                        kids.push(Object::Integer(mcid));
                    } else {
                        let mut mcr = Dictionary::new();
                        mcr.set("Type", Object::Name(b"MCR".to_vec()));
                        mcr.set("Pg", Object::Reference(page_ref(page)?));
                        mcr.set("MCID", Object::Integer(mcid));
                        kids.push(Object::Dictionary(mcr));
                    }
                }
            }
        }
        d.set("K", Object::Array(kids));
        lo.set_object(id, d);
        Ok(())
    };
    // Parents before children: every element's parent is known when it is written.
    let mut stack: Vec<(usize, ObjectId)> =
        tags.roots.iter().rev().map(|r| (*r, document)).collect();
    while let Some((e, parent)) = stack.pop() {
        write(lo, e, parent)?;
        if let Some(id) = ids[e] {
            for k in tags.elems[e].kids.iter().rev() {
                if let Kid::Elem(c) = k {
                    stack.push((*c, id));
                }
            }
        }
    }
    let mut doc = Dictionary::new();
    doc.set("Type", Object::Name(b"StructElem".to_vec()));
    doc.set("S", Object::Name(b"Document".to_vec()));
    doc.set("P", Object::Reference(root));
    doc.set(
        "K",
        Object::Array(
            tags.roots
                .iter()
                .filter_map(|r| ids[*r].map(Object::Reference))
                .collect(),
        ),
    );
    lo.set_object(document, doc);

    let mut nums = Vec::new();
    for (page, mut marks) in by_page {
        marks.sort_by_key(|m| m.0);
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(
            marks
                .into_iter()
                .map(|(_, id)| Object::Reference(id))
                .collect(),
        ));
        if let Ok(Object::Dictionary(p)) = lo.get_object_mut(page_ref(page)?) {
            p.set("StructParents", Object::Integer(page as i64));
        }
    }
    // Tab order follows the structure on every page (the contents' links included).
    for id in pages.values() {
        if let Ok(Object::Dictionary(p)) = lo.get_object_mut(*id) {
            p.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let parent_tree = lo.add_object(parent_tree);
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    tree.set("K", Object::Reference(document));
    tree.set("ParentTree", Object::Reference(parent_tree));
    tree.set("ParentTreeNextKey", Object::Integer(pages.len() as i64));
    lo.set_object(root, tree);
    let catalog = lo
        .catalog_mut()
        .map_err(|e| fail(format!("the document has no catalog: {e}")))?;
    catalog.set("StructTreeRoot", Object::Reference(root));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set("Lang", Object::string_literal("en"));
    Ok(())
}
