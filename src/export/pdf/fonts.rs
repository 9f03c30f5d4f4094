//! The typefaces and their metrics. Noto Sans (OFL) is compiled in so an export never
//! depends on the fonts of the machine it runs on, and the same advance widths that wrap the
//! text are the ones the PDF viewer uses to draw it.
//!
//! Characters Noto Sans lacks are drawn from fallback faces, tried in order. Hebrew and
//! Arabic (Noto Sans Hebrew and Arabic, 270 KB together) are compiled in too. The CJK face
//! (Noto Sans CJK, 19 MB, from `fonts-noto-cjk`) and the emoji face (Symbola, from
//! `fonts-symbola`) are read from the system's font folder at run time: compiled in they
//! would multiply the binary's size twenty-fold for plans that mostly never need them. When
//! one is not installed, the export still succeeds and names what it could not draw (see
//! `missing`).

use crate::error::{Error, Result};
use printpdf::{FontId, ParsedFont, PdfDocument, PdfFontHandle};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf");
const HEBREW: &[u8] = include_bytes!("../../../assets/fonts/NotoSansHebrew-Regular.ttf");
const ARABIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf");

/// A face read from the system at run time: where Debian installs it, the font's index in
/// its collection, and the package that provides it.
struct SystemFace {
    resource: &'static str,
    paths: &'static [&'static str],
    index: usize,
    package: &'static str,
}

const SYSTEM_FACES: [SystemFace; 2] = [
    SystemFace {
        resource: "NOTOCJ",
        paths: &[
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        ],
        index: 0,
        package: "fonts-noto-cjk",
    },
    SystemFace {
        resource: "SYMBOL",
        paths: &["/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"],
        index: 0,
        package: "fonts-symbola",
    },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
}

impl Face {
    const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    fn index(self) -> usize {
        self as usize
    }

    /// The resource name in the PDF. Six capitals, because printpdf takes the first six
    /// characters of the id as the subset tag, which the PDF spec wants as six capitals; fixed
    /// names also keep two renders of the same plan byte-identical.
    fn resource(self) -> &'static str {
        match self {
            Face::Regular => "NOTOSR",
            Face::Bold => "NOTOSB",
            Face::Italic => "NOTOSI",
        }
    }
}

struct Metrics {
    font: ParsedFont,
    resource: &'static str,
    units_per_em: f32,
    /// Advances of the ASCII range, looked up once: most of any plan is ASCII, and the cmap
    /// lookup is the slow part of measuring.
    ascii: [Option<u16>; 128],
}

impl Metrics {
    fn parse(bytes: &[u8], index: usize, resource: &'static str) -> Result<Metrics> {
        let mut warnings = Vec::new();
        let font =
            ParsedFont::from_bytes(bytes, index, &mut warnings).ok_or_else(|| Error::Export {
                format: "pdf",
                reason: format!("the font {resource} could not be read"),
            })?;
        let units_per_em = f32::from(font.font_metrics.units_per_em.max(1));
        let mut ascii = [None; 128];
        for (c, slot) in ascii.iter_mut().enumerate() {
            *slot = font
                .lookup_glyph_index(c as u32)
                .map(|g| font.get_horizontal_advance(g));
        }
        Ok(Metrics {
            font,
            resource,
            units_per_em,
            ascii,
        })
    }

    fn advance(&self, c: char) -> Option<u16> {
        match self.ascii.get(c as usize) {
            Some(a) => *a,
            None => self
                .font
                .lookup_glyph_index(c as u32)
                .filter(|g| *g != 0)
                .map(|g| self.font.get_horizontal_advance(g)),
        }
    }
}

/// The faces, parsed once per process: parsing the fonts would otherwise dominate the export
/// of a small plan.
pub struct Fonts {
    /// Regular, bold and italic, then the fallbacks in the order they are tried.
    fonts: Vec<Metrics>,
    /// The packages of system faces that are not installed, for the export's report.
    absent: Vec<&'static str>,
    /// Which font draws a non-ASCII character in a face: looking it up walks every
    /// fallback's cmap, and a CJK or unknown character would otherwise cost that each time.
    chosen: Mutex<HashMap<(Face, char), Option<FontIx>>>,
}

static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();

/// Which font draws a character: an index into `Fonts::fonts`.
pub type FontIx = usize;

impl Fonts {
    pub fn get() -> Result<&'static Fonts> {
        let loaded = FONTS.get_or_init(|| Fonts::load().map_err(|e| e.to_string()));
        loaded.as_ref().map_err(|reason| Error::Export {
            format: "pdf",
            reason: reason.clone(),
        })
    }

    fn load() -> Result<Fonts> {
        let mut fonts = [
            (REGULAR, Face::Regular.resource()),
            (BOLD, Face::Bold.resource()),
            (ITALIC, Face::Italic.resource()),
            (HEBREW, "NOTOHE"),
            (ARABIC, "NOTOAR"),
        ]
        .into_iter()
        .map(|(bytes, resource)| Metrics::parse(bytes, 0, resource))
        .collect::<Result<Vec<_>>>()?;
        let mut absent = Vec::new();
        for face in &SYSTEM_FACES {
            let found = face
                .paths
                .iter()
                .find_map(|p| std::fs::read(p).ok())
                .and_then(|bytes| Metrics::parse(&bytes, face.index, face.resource).ok());
            match found {
                Some(m) => fonts.push(m),
                None => absent.push(face.package),
            }
        }
        Ok(Fonts {
            fonts,
            absent,
            chosen: Mutex::new(HashMap::new()),
        })
    }

    /// Adds every face to the document under its fixed resource name; printpdf embeds only
    /// the glyphs used, and no font that draws nothing.
    pub fn register(&self, doc: &mut PdfDocument) {
        for m in &self.fonts {
            let pdf_font = printpdf::PdfFont::new(m.font.clone());
            doc.resources
                .fonts
                .map
                .insert(FontId(m.resource.into()), pdf_font);
        }
    }

    pub fn handle_of(&self, font: FontIx) -> PdfFontHandle {
        PdfFontHandle::External(FontId(self.fonts[font].resource.into()))
    }

    /// The font that draws `c` in `face`: the face itself, else the first fallback with a
    /// glyph for it.
    pub fn font_for(&self, face: Face, c: char) -> Option<FontIx> {
        if c.is_ascii() && self.fonts[face.index()].advance(c).is_some() {
            return Some(face.index());
        }
        let mut chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
        *chosen.entry((face, c)).or_insert_with(|| {
            std::iter::once(face.index())
                .chain(Face::ALL.len()..self.fonts.len())
                .find(|i| self.fonts[*i].advance(c).is_some())
        })
    }

    /// True when some font has a glyph for `c`; anything else would print as an empty box
    /// without printpdf saying so.
    pub fn covers(&self, face: Face, c: char) -> bool {
        self.font_for(face, c).is_some()
    }

    /// The width in points of one character as `font_for` draws it.
    fn char_width(&self, face: Face, size: f32, c: char) -> f32 {
        let Some(ix) = self.font_for(face, c) else {
            return 0.0;
        };
        let m = &self.fonts[ix];
        f32::from(m.advance(c).unwrap_or(0)) * size / m.units_per_em
    }

    /// The width in points of `text` set in `face` at `size`, as the viewer will draw it
    /// (printpdf writes plain glyph runs without kerning, so advances simply add up).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        // Joined Arabic letters are drawn, and so measured, in their shaped forms; the order
        // they are drawn in does not change the width.
        let text = super::shaping::shaped(text);
        text.chars().map(|c| self.char_width(face, size, c)).sum()
    }

    /// `text` in pieces each drawn by one font, with each piece's width.
    pub fn segments(&self, face: Face, size: f32, text: &str) -> Vec<(FontIx, String, f32)> {
        let mut out: Vec<(FontIx, String, f32)> = Vec::new();
        for c in text.chars() {
            let ix = self.font_for(face, c).unwrap_or(face.index());
            let w = self.char_width(face, size, c);
            match out.last_mut() {
                Some((last, s, width)) if *last == ix => {
                    s.push(c);
                    *width += w;
                }
                _ => out.push((ix, c.to_string(), w)),
            }
        }
        out
    }

    /// Every face the PDF draws with, under its resource name, with its bytes: the Word
    /// file's pictures are drawn with the same faces by a renderer of their own.
    pub fn faces() -> Vec<(&'static str, std::borrow::Cow<'static, [u8]>)> {
        let mut out: Vec<(&'static str, std::borrow::Cow<'static, [u8]>)> = vec![
            (Face::Regular.resource(), REGULAR.into()),
            (Face::Bold.resource(), BOLD.into()),
            (Face::Italic.resource(), ITALIC.into()),
            ("NOTOHE", HEBREW.into()),
            ("NOTOAR", ARABIC.into()),
        ];
        for face in &SYSTEM_FACES {
            if let Some(bytes) = face.paths.iter().find_map(|p| std::fs::read(p).ok()) {
                out.push((face.resource, bytes.into()));
            }
        }
        out
    }

    /// The packages of fallback faces this system lacks (e.g. `fonts-noto-cjk`).
    pub fn absent(&self) -> &[&'static str] {
        &self.absent
    }
}

/// The characters of `texts` no font here can draw, in order and each once: the PDF shows
/// them as empty boxes. Arrows and ticks are drawn as shapes, and spacing is not drawn.
pub fn missing<'a>(fonts: &Fonts, texts: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    let mut seen = std::collections::BTreeSet::new();
    for text in texts {
        for c in super::text::clean(text).chars() {
            if !c.is_whitespace()
                && !fonts.covers(Face::Regular, c)
                && super::text::Symbol::of(c) == super::text::Symbol::Missing
                && !super::shaping::is_invisible(c)
            {
                seen.insert(c);
            }
        }
    }
    seen.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_faces_cover_the_accents_dashes_and_quotes_plans_are_written_with() {
        let fonts = Fonts::get().expect("the embedded fonts parse");
        for face in Face::ALL {
            for c in "éèêëàâçôûüïÉÈÀÇœŒ’‘“”—–…·•×€£ōūāīñßø".chars()
            {
                assert!(
                    fonts.covers(face, c),
                    "{face:?} must have a glyph for {c:?}"
                );
            }
        }
    }

    fn strings(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::String(s) => out.push_str(s),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }

    #[test]
    fn every_character_of_the_demo_plan_and_the_catalog_has_a_glyph() {
        let fonts = Fonts::get().expect("the embedded fonts parse");
        let now = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap();
        let mut text = String::new();
        strings(
            &serde_json::to_value(crate::demo::demo_plan(now)).unwrap(),
            &mut text,
        );
        strings(
            &serde_json::to_value(crate::catalog::catalog()).unwrap(),
            &mut text,
        );
        let mut missing: Vec<char> = text
            .chars()
            .filter(|c| !c.is_control() && !fonts.covers(Face::Regular, *c))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        // Arrows are drawn as shapes (see text::Symbol); anything else would print as a box.
        missing.retain(|c| *c != '→');
        assert!(missing.is_empty(), "Noto Sans has no glyph for {missing:?}");
    }

    #[test]
    fn bold_text_is_wider_than_regular_and_width_grows_with_size() {
        let fonts = Fonts::get().expect("the embedded fonts parse");
        let regular = fonts.width(Face::Regular, 10.0, "Saint-Aurèle University");
        let bold = fonts.width(Face::Bold, 10.0, "Saint-Aurèle University");
        assert!(
            bold > regular,
            "bold advances are wider, so wrapping must measure in bold"
        );
        let double = fonts.width(Face::Regular, 20.0, "Saint-Aurèle University");
        assert!(
            (double - 2.0 * regular).abs() < 0.01,
            "width scales linearly with the size"
        );
    }
}
