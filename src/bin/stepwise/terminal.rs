//! Everything the CLI prints goes through [`escape`]: a name or a text stored by an older
//! version (or typed into the plan file by hand) may hold an escape sequence, a bell or a
//! bidirectional override, which a terminal would act on instead of showing.

use std::borrow::Cow;

/// `text` with every control character but the line break and the tab written out as an
/// escape (`\x1B`, `\u{202E}`), so the terminal shows it instead of obeying it.
pub fn escape(text: &str) -> Cow<'_, str> {
    let shown = |c: char| matches!(c, '\n' | '\t') || !stepwise::record::is_control(c);
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02X}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn controls_are_shown_and_lines_kept() {
        assert_eq!(escape("plain\tline\n"), "plain\tline\n");
        assert_eq!(
            escape("a\u{1b}[2Jb\u{7}\u{0}\u{85}\u{202e}c\r"),
            "a\\x1B[2Jb\\x07\\x00\\x85\\u{202E}c\\x0D"
        );
    }
}
