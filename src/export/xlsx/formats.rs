//! The workbook's look, in one place: the same navy header as the scoring forms, wrapped
//! top-aligned text so long answers read down the cell, and the fills the conditional formats
//! use for statuses and stages.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

pub(super) const NAVY: u32 = 0x17335F;
const GRID: u32 = 0xBFC7D5;

/// Fills shared by the statuses (good / watch / bad / nothing yet) and the stage marks.
pub(super) const GOOD: (u32, u32) = (0xC6EFCE, 0x006100);
pub(super) const WATCH: (u32, u32) = (0xFFEB9C, 0x7F6000);
pub(super) const BAD: (u32, u32) = (0xFFC7CE, 0x9C0006);
pub(super) const NONE: (u32, u32) = (0xE7E6E6, 0x404040);
pub(super) const CURRENT: (u32, u32) = (0x9DC3E6, 0x0B2E59);
pub(super) const TARGET: (u32, u32) = (0xF8CBAD, 0x833C0B);
pub(super) const BOTH: (u32, u32) = (0xA9D08E, 0x274E13);

pub(super) const DATE_FORMAT: &str = "d mmm yyyy";

pub(super) struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub section: Format,
    pub note: Format,
    pub label: Format,
    pub value: Format,
    pub value_date: Format,
    pub header: Format,
    pub text: Format,
    pub bold_text: Format,
    pub center: Format,
    pub number: Format,
    pub mean: Format,
    pub percent: Format,
    pub date: Format,
}

fn cell() -> Format {
    Format::new()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(GRID))
}

impl Formats {
    pub fn new() -> Formats {
        let text = cell().set_text_wrap();
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_font_color(Color::RGB(NAVY))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            subtitle: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x595959))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            section: Format::new()
                .set_bold()
                .set_font_size(13)
                .set_font_color(Color::RGB(NAVY))
                .set_align(FormatAlign::Bottom),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x7F7F7F))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            label: cell()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xEEF2F8)),
            value: text.clone(),
            value_date: cell()
                .set_num_format(DATE_FORMAT)
                .set_align(FormatAlign::Left),
            header: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(NAVY))
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            bold_text: text.clone().set_bold(),
            center: text.clone().set_align(FormatAlign::Center),
            text,
            number: cell(),
            mean: cell().set_num_format("0.0"),
            percent: cell().set_num_format("0%"),
            date: cell().set_num_format(DATE_FORMAT),
        }
    }

    /// A fill for conditional formats: background and matching text colour.
    pub fn fill((background, font): (u32, u32)) -> Format {
        Format::new()
            .set_background_color(Color::RGB(background))
            .set_font_color(Color::RGB(font))
    }
}
