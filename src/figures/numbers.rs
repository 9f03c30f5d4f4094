//! Numbers and dates as every report prints them, so a cost, a measure or a day reads the same
//! in the PDF, the workbook, the terminal and the demo's prose.

use chrono::NaiveDate;

/// "23 November 2026", for sentences.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// "23 Nov 2026", for tables: unambiguous, as the app shows dates too.
pub fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A number as a report prints it: thousands separated, no trailing zeros.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let rounded = (v * 100.0).round() / 100.0;
    let whole = rounded.trunc();
    let frac = ((rounded - whole).abs() * 100.0).round() as u64;
    let digits = format!("{}", whole.abs() as u64);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    match frac {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

/// A value with its unit: "81%", "1,200 students".
pub fn quantity(v: f64, unit: &str) -> String {
    let unit = unit.trim();
    match unit {
        "" => number(v),
        "%" => format!("{}%", number(v)),
        u => format!("{} {u}", number(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_with_thousands_separators_and_without_trailing_zeros() {
        assert_eq!(number(1200.0), "1,200");
        assert_eq!(number(1_234_567.5), "1,234,567.5");
        assert_eq!(number(81.25), "81.25");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(quantity(86.0, "%"), "86%");
        assert_eq!(quantity(400.0, "students"), "400 students");
    }
}
