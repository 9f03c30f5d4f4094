//! How tall a row must be for its wrapped text, estimated from the text and the column width.
//! Rows are given explicit heights because LibreOffice does not grow a row to fit wrapped
//! text the way Excel does when a file is opened.

/// Calibri 11 prose runs at about this many characters per unit of column width (a unit is
/// the width of a digit, 7 pixels; average prose is nearer 5.6). Measured at 1.27–1.33 in
/// LibreOffice with Carlito, Calibri's metric twin; a little under, so Excel never cuts a line.
const CHARS_PER_UNIT: f64 = 1.25;
/// Bold text is wider; it is estimated as if its column were this much narrower.
pub(super) const BOLD: f64 = 0.88;
/// Excel's height for a line of Calibri 11. LibreOffice draws lines a little closer, so there
/// rows look slightly airy; sized for LibreOffice, they would cut the last line in Excel.
pub(super) const LINE_HEIGHT: f64 = 15.0;
/// Excel's tallest row, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Lines a text takes in a column of `width` units, wrapping at spaces as a spreadsheet does.
pub(super) fn lines(text: &str, width: f64) -> usize {
    let per_line = ((width * CHARS_PER_UNIT - 1.0).max(4.0)) as usize;
    text.split('\n')
        .map(|para| {
            let mut lines = 1;
            let mut used = 0;
            for word in para.split(' ') {
                let w = word.chars().count();
                if used == 0 {
                    used = w;
                } else if used + 1 + w <= per_line {
                    used += 1 + w;
                } else {
                    lines += 1;
                    used = w;
                }
                while used > per_line {
                    lines += 1;
                    used -= per_line;
                }
            }
            lines
        })
        .sum()
}

pub(super) fn height(lines: usize) -> f64 {
    (lines as f64 * LINE_HEIGHT + 3.0).min(MAX_ROW_HEIGHT)
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn short_text_takes_one_line_and_paragraphs_add_lines() {
        assert_eq!(lines("Goal", 20.0), 1, "a word fits");
        assert_eq!(
            lines("one\ntwo\n\nthree", 20.0),
            4,
            "each paragraph, even an empty one, is a line"
        );
    }

    #[test]
    fn long_text_wraps_at_spaces_and_long_words_break() {
        let words = "word ".repeat(40);
        let n = lines(words.trim(), 20.0);
        assert!(
            (8..=12).contains(&n),
            "200 characters in a 20-wide column take about ten lines, got {n}"
        );
        assert_eq!(
            lines(&"x".repeat(100), 10.0),
            10,
            "a word longer than the column (11 characters) breaks where it must"
        );
    }
}
