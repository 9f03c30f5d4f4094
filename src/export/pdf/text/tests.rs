//! The wrapper measured against the embedded font.

use super::*;
use crate::export::pdf::fonts::Fonts;

fn text_of(line: &Line) -> String {
    line.runs
        .iter()
        .map(|r| match &r.content {
            Content::Text(t) => t.clone(),
            Content::Symbol(_) => "#".into(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn wrapped_lines_never_exceed_the_width_and_keep_every_word() {
    let fonts = Fonts::get().unwrap();
    let text = "Open the five Compass badges — Campus Navigator, Study Strategies, Wellbeing \
                Toolkit — to every incoming first-year student through the LMS.";
    let lines = wrap(fonts, &[Span::new(text, Style::body())], 120.0);
    assert!(
        lines.len() > 3,
        "a long sentence in 120 pt needs several lines"
    );
    for l in &lines {
        assert!(
            l.width <= 120.01,
            "line {:?} is {} pt wide",
            text_of(l),
            l.width
        );
    }
    let joined: Vec<String> = lines.iter().map(text_of).collect();
    assert_eq!(
        joined.join(" "),
        text,
        "wrapping must not lose or add words"
    );
}

#[test]
fn a_word_longer_than_the_line_is_cut_rather_than_overflowing() {
    let fonts = Fonts::get().unwrap();
    let lines = wrap(fonts, &[Span::new("x".repeat(300), Style::body())], 80.0);
    assert!(lines.len() > 1);
    assert!(
        lines.iter().all(|l| l.width <= 80.01),
        "no line may run past the box"
    );
}

#[test]
fn spans_without_space_between_stay_on_one_word_and_newlines_break() {
    let fonts = Fonts::get().unwrap();
    let spans = [
        Span::new("Owner:", Style::bold()),
        Span::new(" Léa\nSecond line", Style::body()),
    ];
    let lines = wrap(fonts, &spans, 400.0);
    assert_eq!(lines.len(), 2, "the newline starts a second line");
    let paragraphs = wrap(fonts, &[Span::new("One.\n\nTwo.", Style::body())], 400.0);
    assert_eq!(
        paragraphs.len(),
        3,
        "a blank line leaves a gap between the paragraphs"
    );
    assert!(paragraphs[1].runs.is_empty() && paragraphs[1].height > 0.0);
    assert_eq!(text_of(&lines[0]), "Owner:|Léa");
}

#[test]
fn characters_without_a_glyph_become_symbols() {
    let fonts = Fonts::get().unwrap();
    let lines = wrap(fonts, &[Span::new("81% → 86% ✓", Style::body())], 400.0);
    let symbols: Vec<&Content> = lines[0]
        .runs
        .iter()
        .map(|r| &r.content)
        .filter(|c| matches!(c, Content::Symbol(_)))
        .collect();
    assert_eq!(
        symbols,
        [
            &Content::Symbol(Symbol::Arrow),
            &Content::Symbol(Symbol::Tick)
        ]
    );
}
