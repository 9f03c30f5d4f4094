//! Text as the PDF draws it: left to right, one glyph per character. Right-to-left lines
//! (Hebrew, Arabic) are put in visual order by the Unicode bidirectional algorithm, and
//! Arabic letters take the joined form their neighbours call for (Arabic Presentation
//! Forms-B), which printpdf's plain glyph runs cannot do by themselves. A viewer and
//! `pdftotext` read the line back right to left.

use std::borrow::Cow;
use unicode_bidi::BidiInfo;

/// Characters that shape their neighbours and draw nothing themselves: joiners, variation
/// selectors (the emoji-style marker), direction marks.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `text` as drawn from left to right.
pub fn visual(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_rtl) {
        return Cow::Borrowed(text);
    }
    let shaped = shaped(text);
    let bidi = BidiInfo::new(&shaped, None);
    let mut out = String::with_capacity(shaped.len());
    for para in &bidi.paragraphs {
        out.push_str(&bidi.reorder_line(para, para.range.clone()));
    }
    Cow::Owned(out)
}

/// `text` with Arabic letters in their joined forms, in logical order.
pub fn shaped(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| forms(c).is_some()) {
        Cow::Owned(shape_arabic(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// The isolated form of an Arabic letter in Presentation Forms-B and how many forms it has:
/// 4 (isolated, final, initial, medial: it joins on both sides), 2 (isolated, final: it
/// joins only to the letter before it) or 1.
fn forms(c: char) -> Option<(u32, u8)> {
    let (base, n) = match c {
        '\u{0621}' => (0xFE80, 1),
        '\u{0622}' => (0xFE81, 2),
        '\u{0623}' => (0xFE83, 2),
        '\u{0624}' => (0xFE85, 2),
        '\u{0625}' => (0xFE87, 2),
        '\u{0626}' => (0xFE89, 4),
        '\u{0627}' => (0xFE8D, 2),
        '\u{0628}' => (0xFE8F, 4),
        '\u{0629}' => (0xFE93, 2),
        '\u{062A}'..='\u{062E}' => (0xFE95 + 4 * (c as u32 - 0x062A), 4),
        '\u{062F}'..='\u{0632}' => (0xFEA9 + 2 * (c as u32 - 0x062F), 2),
        '\u{0633}'..='\u{063A}' => (0xFEB1 + 4 * (c as u32 - 0x0633), 4),
        '\u{0641}'..='\u{0647}' => (0xFED1 + 4 * (c as u32 - 0x0641), 4),
        '\u{0648}' => (0xFEED, 2),
        '\u{0649}' => (0xFEEF, 2),
        '\u{064A}' => (0xFEF1, 4),
        _ => return None,
    };
    Some((base, n))
}

/// Harakat and other marks sit on a letter without breaking its joins.
fn is_transparent(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

const TATWEEL: char = '\u{0640}';

fn joins_next(c: char) -> bool {
    c == TATWEEL || forms(c).is_some_and(|(_, n)| n == 4)
}

fn joins_prev(c: char) -> bool {
    c == TATWEEL || forms(c).is_some_and(|(_, n)| n >= 2)
}

/// Lam followed by an alef is one mandatory ligature; its isolated form.
fn lam_alef(alef: char) -> Option<u32> {
    match alef {
        '\u{0622}' => Some(0xFEF5),
        '\u{0623}' => Some(0xFEF7),
        '\u{0625}' => Some(0xFEF9),
        '\u{0627}' => Some(0xFEFB),
        _ => None,
    }
}

fn shape_arabic(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |mut i: usize, step: isize| -> Option<char> {
        loop {
            i = i.checked_add_signed(step)?;
            let c = *chars.get(i)?;
            if !is_transparent(c) {
                return Some(c);
            }
        }
    };
    let mut out = String::with_capacity(text.len());
    let mut skip_alef = None;
    for (i, &c) in chars.iter().enumerate() {
        if skip_alef == Some(i) {
            continue;
        }
        let Some((base, n)) = forms(c) else {
            out.push(c);
            continue;
        };
        let after_joins = neighbour(i, -1).is_some_and(joins_next);
        let next = neighbour(i, 1);
        if c == '\u{0644}' {
            if let Some(lig) = next.and_then(lam_alef) {
                let at = (i + 1..chars.len()).find(|j| !is_transparent(chars[*j]));
                skip_alef = at;
                out.extend(char::from_u32(lig + u32::from(after_joins)));
                // Marks between lam and alef follow the ligature.
                if let Some(at) = at {
                    out.extend(&chars[i + 1..at]);
                }
                continue;
            }
        }
        let before = after_joins && n >= 2;
        let after = n == 4 && next.is_some_and(joins_prev);
        let offset = match (before, after) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        out.extend(char::from_u32(base + offset));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_is_reversed_and_latin_inside_it_is_not() {
        assert_eq!(visual("שלום"), "םולש");
        assert_eq!(visual("abc"), "abc");
        assert_eq!(visual("שלום PDF"), "PDF םולש");
    }

    #[test]
    fn arabic_letters_take_their_joined_forms() {
        // بيت: beh initial, yeh medial, teh final; then reversed for display.
        let shaped = shape_arabic("بيت");
        assert_eq!(shaped, "\u{FE91}\u{FEF4}\u{FE96}");
        // لا is one ligature; دار has a letter that does not join forward.
        assert_eq!(shape_arabic("لا"), "\u{FEFB}");
        assert_eq!(shape_arabic("دار"), "\u{FEA9}\u{FE8D}\u{FEAD}");
        assert_eq!(visual("بيت"), "\u{FE96}\u{FEF4}\u{FE91}");
    }
}
