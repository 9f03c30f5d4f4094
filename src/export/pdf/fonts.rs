//! The embedded typeface (Noto Sans, OFL) and its metrics. The TTFs are compiled in so an
//! export never depends on the fonts of the machine it runs on, and the same advance widths
//! that wrap the text are the ones the PDF viewer uses to draw it.

use crate::error::{Error, Result};
use printpdf::{FontId, ParsedFont, PdfDocument, PdfFontHandle};
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    units_per_em: f32,
    /// Advances of the ASCII range, looked up once: most of any plan is ASCII, and the cmap
    /// lookup is the slow part of measuring.
    ascii: [Option<u16>; 128],
}

impl Metrics {
    fn parse(bytes: &[u8], face: Face) -> Result<Metrics> {
        let mut warnings = Vec::new();
        let font =
            ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or_else(|| Error::Export {
                format: "pdf",
                reason: format!("the embedded font {:?} could not be read", face),
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
                .map(|g| self.font.get_horizontal_advance(g)),
        }
    }
}

/// The three faces, parsed once per process: parsing half a megabyte of TTF three times
/// would otherwise dominate the export of a small plan.
pub struct Fonts {
    faces: Vec<Metrics>,
}

static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();

impl Fonts {
    pub fn get() -> Result<&'static Fonts> {
        let loaded = FONTS.get_or_init(|| {
            let faces = [
                (REGULAR, Face::Regular),
                (BOLD, Face::Bold),
                (ITALIC, Face::Italic),
            ]
            .into_iter()
            .map(|(bytes, face)| Metrics::parse(bytes, face))
            .collect::<Result<Vec<_>>>()
            .map_err(|e| e.to_string())?;
            Ok(Fonts { faces })
        });
        loaded.as_ref().map_err(|reason| Error::Export {
            format: "pdf",
            reason: reason.clone(),
        })
    }

    /// Adds the faces to the document under their fixed resource names.
    pub fn register(&self, doc: &mut PdfDocument) {
        for face in Face::ALL {
            let pdf_font = printpdf::PdfFont::new(self.faces[face.index()].font.clone());
            doc.resources
                .fonts
                .map
                .insert(FontId(face.resource().into()), pdf_font);
        }
    }

    pub fn handle(&self, face: Face) -> PdfFontHandle {
        PdfFontHandle::External(FontId(face.resource().into()))
    }

    /// True when the face has a glyph for `c`; anything else would print as an empty box
    /// without printpdf saying so.
    pub fn covers(&self, face: Face, c: char) -> bool {
        self.faces[face.index()].advance(c).is_some()
    }

    /// The width in points of `text` set in `face` at `size`, as the viewer will draw it
    /// (printpdf writes plain glyph runs without kerning, so advances simply add up).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let m = &self.faces[face.index()];
        let units: f32 = text
            .chars()
            .map(|c| f32::from(m.advance(c).unwrap_or(0)))
            .sum();
        units * size / m.units_per_em
    }
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
