//! Words into lines: a greedy wrap over the font's real advance widths, across runs of
//! different styles. Characters the font has no glyph for are never sent to the PDF (they
//! would print as empty boxes): arrows and ticks become small drawn symbols, anything else a
//! drawn placeholder box.

use super::fonts::Fonts;
use super::theme::{Style, LEADING};

/// Text in one style. A kept span is never broken across lines (a status label, a date).
#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub keep: bool,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
            keep: false,
        }
    }
    pub fn kept(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
            keep: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    Arrow,
    Tick,
    /// A character the font cannot draw.
    Missing,
}

impl Symbol {
    pub(super) fn of(c: char) -> Symbol {
        match c {
            '→' | '⟶' | '➔' | '⇒' => Symbol::Arrow,
            '✓' | '✔' | '☑' => Symbol::Tick,
            _ => Symbol::Missing,
        }
    }

    /// Width in ems.
    fn width(self) -> f32 {
        match self {
            Symbol::Arrow => 1.0,
            Symbol::Tick => 0.8,
            Symbol::Missing => 0.6,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Text(String),
    Symbol(Symbol),
}

/// A piece of a line: where it starts (from the line's left edge), how wide it is, what it
/// shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    pub width: f32,
    pub style: Style,
    pub content: Content,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
    pub height: f32,
    /// From the top of the line box to the baseline.
    pub baseline: f32,
}

impl Line {
    /// A line with nothing on it, for vertical space inside a block.
    pub fn blank(height: f32) -> Line {
        Line {
            height,
            ..Line::default()
        }
    }
}

/// The space a blank line in the text leaves between its paragraphs, in ems: enough to
/// see the break without the hole a full empty line makes in a table cell.
const PARAGRAPH_GAP: f32 = 0.5;

/// Horizontal padding of a span drawn on a background, on each side, in ems.
pub const PILL_PAD: f32 = 0.45;

/// Text made safe to set: tabs and odd spaces become spaces, control characters and soft
/// hyphens go, line breaks stay.
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => None,
            c if super::shaping::is_invisible(c) => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// One unbreakable unit: pieces of text and symbols set side by side.
#[derive(Debug, Clone)]
struct Word {
    pieces: Vec<(Style, Content, f32)>,
    width: f32,
    /// Whether a space precedes the word (a line may break there).
    space_before: Option<Style>,
    /// A hard line break comes before this word.
    /// Line breaks before the word: one starts a new line, two or more a new paragraph.
    newline_before: u8,
}

fn pieces(fonts: &Fonts, text: &str, style: Style) -> Vec<(Style, Content, f32)> {
    let mut out: Vec<(Style, Content, f32)> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<(Style, Content, f32)>| {
        if !current.is_empty() {
            let w = fonts.width(style.face, style.size, current);
            out.push((style, Content::Text(std::mem::take(current)), w));
        }
    };
    for c in text.chars() {
        // Arrows and ticks are drawn as shapes even where a fallback face has them, so they
        // look the same in every plan.
        let symbol = Symbol::of(c);
        if symbol == Symbol::Missing && fonts.covers(style.face, c) {
            current.push(c);
        } else {
            flush(&mut current, &mut out);
            out.push((style, Content::Symbol(symbol), symbol.width() * style.size));
        }
    }
    flush(&mut current, &mut out);
    out
}

fn words(fonts: &Fonts, spans: &[Span]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    // Between spans the last word continues unless whitespace separates them, so that
    // "Owner:" in bold followed by "Léa" in regular stays "Owner: Léa" and "(2)" glued stays.
    let mut pending_space: Option<Style> = None;
    let mut pending_newline = 0u8;
    let mut glue = false;
    for span in spans {
        let text = clean(&span.text);
        if span.keep {
            let p = pieces(fonts, &text, span.style);
            // A label on a background stands alone, so its padding belongs to it alone.
            let glue_here = glue && span.style.background.is_none();
            push_word(
                &mut out,
                p,
                span.style,
                &mut pending_space,
                &mut pending_newline,
                glue_here,
            );
            glue = span.style.background.is_none();
            continue;
        }
        let mut token = String::new();
        for c in text.chars() {
            if c == ' ' || c == '\n' {
                if !token.is_empty() {
                    let p = pieces(fonts, &token, span.style);
                    push_word(
                        &mut out,
                        p,
                        span.style,
                        &mut pending_space,
                        &mut pending_newline,
                        glue,
                    );
                    token.clear();
                }
                glue = false;
                if c == '\n' {
                    pending_newline = pending_newline.saturating_add(1);
                    pending_space = None;
                } else if pending_newline == 0 {
                    pending_space = Some(span.style);
                }
            } else {
                token.push(c);
            }
        }
        if !token.is_empty() {
            let p = pieces(fonts, &token, span.style);
            push_word(
                &mut out,
                p,
                span.style,
                &mut pending_space,
                &mut pending_newline,
                glue,
            );
            glue = true;
        }
    }
    out
}

fn push_word(
    out: &mut Vec<Word>,
    pieces: Vec<(Style, Content, f32)>,
    style: Style,
    pending_space: &mut Option<Style>,
    pending_newline: &mut u8,
    glue: bool,
) {
    // A label on a background is padded inside its own width so neighbours keep clear.
    let pad = if style.background.is_some() {
        2.0 * PILL_PAD * style.size
    } else {
        0.0
    };
    let width = pieces.iter().map(|p| p.2).sum::<f32>() + pad;
    let newline = std::mem::take(pending_newline);
    let space = pending_space.take();
    if glue && newline == 0 && space.is_none() {
        if let Some(last) = out.last_mut() {
            last.pieces.extend(pieces);
            last.width += width;
            return;
        }
    }
    out.push(Word {
        pieces,
        width,
        space_before: space,
        newline_before: newline,
    });
}

/// Splits a word wider than the line into chunks that fit, character by character.
fn split_long(fonts: &Fonts, word: Word, max: f32) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = Word {
        pieces: vec![],
        width: 0.0,
        space_before: word.space_before,
        newline_before: word.newline_before,
    };
    for (style, content, w) in word.pieces {
        match content {
            Content::Symbol(_) => {
                if cur.width + w > max && !cur.pieces.is_empty() {
                    out.push(std::mem::replace(&mut cur, fresh()));
                }
                cur.pieces.push((style, content, w));
                cur.width += w;
            }
            Content::Text(text) => {
                let mut chunk = String::new();
                // Kept as the sum of the characters' widths, so a long word costs its length.
                let mut chunk_w = 0.0;
                for c in text.chars() {
                    let cw = fonts.width(style.face, style.size, c.encode_utf8(&mut [0; 4]));
                    if cur.width + chunk_w + cw > max
                        && (!chunk.is_empty() || !cur.pieces.is_empty())
                    {
                        if !chunk.is_empty() {
                            cur.pieces.push((
                                style,
                                Content::Text(std::mem::take(&mut chunk)),
                                chunk_w,
                            ));
                            cur.width += chunk_w;
                        }
                        chunk_w = 0.0;
                        out.push(std::mem::replace(&mut cur, fresh()));
                    }
                    chunk.push(c);
                    chunk_w += cw;
                }
                if !chunk.is_empty() {
                    let w = fonts.width(style.face, style.size, &chunk);
                    cur.pieces.push((style, Content::Text(chunk), w));
                    cur.width += w;
                }
            }
        }
    }
    if !cur.pieces.is_empty() {
        out.push(cur);
    }
    out
}

fn fresh() -> Word {
    Word {
        pieces: vec![],
        width: 0.0,
        space_before: None,
        newline_before: 1,
    }
}

/// Lays spans out in lines no wider than `max` points.
pub fn wrap(fonts: &Fonts, spans: &[Span], max: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line: Vec<(Word, f32)> = Vec::new();
    let mut x = 0.0;
    let mut all = Vec::new();
    for w in words(fonts, spans) {
        if w.width > max && w.pieces.iter().all(|p| p.0.background.is_none()) {
            all.extend(split_long(fonts, w, max));
        } else {
            all.push(w);
        }
    }
    for word in all {
        let space = match (&word.space_before, line.is_empty()) {
            (Some(s), false) => fonts.width(s.face, s.size, " "),
            _ => 0.0,
        };
        if !line.is_empty() && (word.newline_before > 0 || x + space + word.width > max) {
            lines.push(finish(std::mem::take(&mut line)));
            if word.newline_before > 1 {
                let size = word.pieces.first().map_or(0.0, |p| p.0.size);
                lines.push(Line::blank(size * PARAGRAPH_GAP));
            }
            x = 0.0;
        } else {
            x += space;
        }
        let width = word.width;
        line.push((word, x));
        x += width;
    }
    if !line.is_empty() {
        lines.push(finish(line));
    }
    lines
}

fn finish(words: Vec<(Word, f32)>) -> Line {
    let mut runs: Vec<Run> = Vec::new();
    let mut size: f32 = 0.0;
    for (word, start) in words {
        let pad = match word.pieces.first() {
            Some((s, _, _)) if s.background.is_some() => PILL_PAD * s.size,
            _ => 0.0,
        };
        let mut x = start + pad;
        for (style, content, w) in word.pieces {
            size = size.max(style.size);
            // Plain text in the same style as the run before it joins that run (with the
            // space between), so a paragraph line is one text operation, not one per word.
            if let (Some(last), Content::Text(t)) = (runs.last_mut(), &content) {
                if last.style == style && style.background.is_none() {
                    if let Content::Text(prev) = &mut last.content {
                        let gap = x - (last.x + last.width);
                        if gap > -0.01 {
                            if gap > 0.01 {
                                prev.push(' ');
                            }
                            prev.push_str(t);
                            last.width = x + w - last.x;
                            x += w;
                            continue;
                        }
                    }
                }
            }
            runs.push(Run {
                x,
                width: w,
                style,
                content,
            });
            x += w;
        }
    }
    let width = runs.last().map_or(0.0, |r| r.x + r.width + pill_pad(r));
    Line {
        runs,
        width,
        height: size * LEADING,
        baseline: size * (LEADING - 0.31),
    }
}

fn pill_pad(r: &Run) -> f32 {
    if r.style.background.is_some() {
        PILL_PAD * r.style.size
    } else {
        0.0
    }
}

/// `text` cut to fit `max` points, ending in an ellipsis when cut (for running headers).
/// Measured once, character by character, so a long text costs no more than its length.
pub fn fit(fonts: &Fonts, text: &str, style: Style, max: f32) -> String {
    let text = clean(text).replace('\n', " ");
    if fonts.width(style.face, style.size, &text) <= max {
        return text;
    }
    let room = max - fonts.width(style.face, style.size, "…");
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        used += fonts.width(style.face, style.size, c.encode_utf8(&mut [0; 4]));
        if used > room {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// Total height of lines.
pub fn height(lines: &[Line]) -> f32 {
    lines.iter().map(|l| l.height).sum()
}

#[cfg(test)]
mod tests;
