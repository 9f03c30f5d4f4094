//! The demo's dates, written in its plan file as expressions and resolved on the day the demo
//! is created, so the story stays true whenever it is opened.
//!
//! An expression sits between double braces, anywhere in a string: `{{today-21d}}` alone is a
//! date field (written as `2027-02-21`); inside prose it takes a format, as in
//! `Met by {{today+4m|long}}.` It starts from `today` and applies steps from left to right:
//!
//! - `+3d`, `-2w`, `+4m`, `-1y`: days, weeks, calendar months or years later or earlier;
//! - `>04-15`: forward to the first 15 April on or after the date so far;
//! - `<02-15,10-15`: back to the latest 15 February or 15 October on or before it.
//!
//! Offsets carry the snapshot (a check-in three weeks ago, a target four months ahead); the
//! snaps pin what happens on the academic calendar — the April evaluation, the fall census,
//! the employer roundtables of October and February — to its own day, in the year the story
//! needs, so it never drifts with the creation day.

use chrono::{Datelike, Days, Months, NaiveDate};

/// The formats prose can ask for; a bare expression is an ISO date.
const FORMATS: &[(&str, &str)] = &[
    ("long", "%-d %B %Y"),
    ("month", "%B %Y"),
    ("monthname", "%B"),
    ("year", "%Y"),
];

/// A date as the plan's prose writes it, e.g. "14 March 2027".
pub use crate::figures::long_date;

/// A month as the plan's prose writes it, e.g. "March 2027".
pub fn month_year(d: NaiveDate) -> String {
    d.format("%B %Y").to_string()
}

/// The date an expression (without its braces or format) names, counted from `today`.
pub fn resolve_date(expr: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    if !expr.is_ascii() {
        return Err(format!("{expr:?} has characters an expression never uses"));
    }
    let Some(mut rest) = expr.trim().strip_prefix("today") else {
        return Err(format!("{expr:?} does not start with \"today\""));
    };
    let mut date = today;
    while let Some(op) = rest.chars().next() {
        let end = 1 + match op {
            // An offset runs to the next step; a snap is month-days ("MM-DD"), comma-separated.
            '>' | '<' => month_days_len(&rest[1..]),
            _ => rest[1..]
                .find(['+', '-', '>', '<'])
                .unwrap_or(rest.len() - 1),
        };
        let arg = &rest[1..end];
        date = match op {
            '+' | '-' => offset(date, op == '-', arg),
            '>' | '<' => snap(date, op == '>', arg),
            _ => Err(format!("unexpected {op:?}")),
        }
        .map_err(|e| format!("{expr:?}: {e}"))?;
        rest = &rest[end..];
    }
    Ok(date)
}

/// How long the run of "MM-DD,MM-DD…" at the start of `s` is.
fn month_days_len(s: &str) -> usize {
    let mut len = 0;
    loop {
        len = (len + 5).min(s.len());
        if s[len..].starts_with(',') {
            len += 1;
        } else {
            return len;
        }
    }
}

fn offset(date: NaiveDate, back: bool, arg: &str) -> Result<NaiveDate, String> {
    let (n, unit) = arg.split_at(arg.len().saturating_sub(1));
    let n: u32 = n
        .parse()
        .map_err(|_| format!("{arg:?} is not a number followed by d, w, m or y"))?;
    let moved = match unit {
        "d" | "w" => {
            let days = Days::new(u64::from(n) * if unit == "w" { 7 } else { 1 });
            if back {
                date.checked_sub_days(days)
            } else {
                date.checked_add_days(days)
            }
        }
        "m" | "y" => {
            let months = Months::new(n * if unit == "y" { 12 } else { 1 });
            if back {
                date.checked_sub_months(months)
            } else {
                date.checked_add_months(months)
            }
        }
        _ => return Err(format!("{arg:?} needs a unit: d, w, m or y")),
    };
    moved.ok_or_else(|| "the date falls outside the calendar".to_string())
}

/// The nearest of the listed month-days on or after (`forward`) or on or before `date`.
fn snap(date: NaiveDate, forward: bool, arg: &str) -> Result<NaiveDate, String> {
    let mut best: Option<NaiveDate> = None;
    for md in arg.split(',') {
        let (m, d) = md
            .split_once('-')
            .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)))
            .ok_or_else(|| format!("{md:?} is not a month-day such as 04-15"))?;
        if NaiveDate::from_ymd_opt(2001, m, d).is_none() {
            // 2001 is not a leap year: 29 February is refused, as it is not there every year.
            return Err(format!("{md:?} is not a day every year has"));
        }
        let this_year = NaiveDate::from_ymd_opt(date.year(), m, d)
            .ok_or_else(|| format!("{md:?} is not a day of {}", date.year()))?;
        let year = match (forward, this_year.cmp(&date)) {
            (true, std::cmp::Ordering::Less) => date.year() + 1,
            (false, std::cmp::Ordering::Greater) => date.year() - 1,
            _ => date.year(),
        };
        let candidate = NaiveDate::from_ymd_opt(year, m, d)
            .ok_or_else(|| "the date falls outside the calendar".to_string())?;
        best = Some(match best {
            Some(b) if forward => b.min(candidate),
            Some(b) => b.max(candidate),
            None => candidate,
        });
    }
    best.ok_or_else(|| "a snap needs at least one month-day".to_string())
}

/// `text` with every `{{expression}}` or `{{expression|format}}` in it resolved.
pub fn resolve_text(text: &str, today: NaiveDate) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| format!("\"{{{{\" is not closed in {text:?}"))?;
        let (expr, format) = match after[..end].split_once('|') {
            Some((e, f)) => (e, Some(f.trim())),
            None => (&after[..end], None),
        };
        let date = resolve_date(expr, today)?;
        match format {
            None => out.push_str(&date.format("%Y-%m-%d").to_string()),
            Some(f) => {
                let pattern = FORMATS
                    .iter()
                    .find(|(name, _)| *name == f)
                    .map(|(_, p)| *p)
                    .ok_or_else(|| {
                        let known: Vec<_> = FORMATS.iter().map(|(n, _)| *n).collect();
                        format!("format {f:?} is not one of {known:?}")
                    })?;
                out.push_str(&date.format(pattern).to_string());
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Resolves every expression in every string of a JSON document, in place; an error names
/// the place in the document.
pub fn resolve_json(value: &mut serde_json::Value, today: NaiveDate) -> Result<(), String> {
    walk(value, today, "$")
}

fn walk(value: &mut serde_json::Value, today: NaiveDate, path: &str) -> Result<(), String> {
    use serde_json::Value;
    match value {
        Value::String(s) if s.contains("{{") => {
            *s = resolve_text(s, today).map_err(|e| format!("{path}: {e}"))?;
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                walk(item, today, &format!("{path}[{i}]"))?;
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields.iter_mut() {
                walk(item, today, &format!("{path}.{key}"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn offsets_count_days_weeks_calendar_months_and_years_from_today() {
        let today = day(2027, 3, 14);
        for (expr, want) in [
            ("today", day(2027, 3, 14)),
            ("today-21d", day(2027, 2, 21)),
            ("today+2w", day(2027, 3, 28)),
            ("today+4m", day(2027, 7, 14)),
            ("today-1y", day(2026, 3, 14)),
            ("today+1m-1d", day(2027, 4, 13)),
        ] {
            assert_eq!(resolve_date(expr, today), Ok(want), "{expr}");
        }
        // A month later than 31 January is the end of February, not 3 March.
        assert_eq!(
            resolve_date("today+1m", day(2028, 1, 31)),
            Ok(day(2028, 2, 29))
        );
        assert_eq!(
            resolve_date("today+12m", day(2028, 2, 29)),
            Ok(day(2029, 2, 28))
        );
    }

    #[test]
    fn snaps_land_on_the_calendar_day_in_the_right_year() {
        // Forward: the coming 15 April, today included.
        assert_eq!(
            resolve_date("today>04-15", day(2027, 3, 14)),
            Ok(day(2027, 4, 15))
        );
        assert_eq!(
            resolve_date("today>04-15", day(2027, 4, 15)),
            Ok(day(2027, 4, 15))
        );
        assert_eq!(
            resolve_date("today+1d>04-15", day(2027, 4, 15)),
            Ok(day(2028, 4, 15))
        );
        // Back: the latest of several days.
        let roundtable = "today<02-15,10-15";
        assert_eq!(
            resolve_date(roundtable, day(2027, 3, 14)),
            Ok(day(2027, 2, 15))
        );
        assert_eq!(
            resolve_date(roundtable, day(2027, 2, 14)),
            Ok(day(2026, 10, 15))
        );
        assert_eq!(
            resolve_date(roundtable, day(2027, 12, 1)),
            Ok(day(2027, 10, 15))
        );
        // Steps apply left to right: a week after the latest roundtable a month ago.
        assert_eq!(
            resolve_date("today-1m<02-15,10-15+7d", day(2027, 3, 14)),
            Ok(day(2026, 10, 22))
        );
    }

    #[test]
    fn text_keeps_its_words_and_formats_each_date_it_names() {
        let today = day(2027, 3, 14);
        assert_eq!(
            resolve_text("Met by {{today+4m|long}}.", today).unwrap(),
            "Met by 14 July 2027."
        );
        assert_eq!(
            resolve_text(
                "{{today-1m}} / {{today|month}} / {{today|monthname}} / {{today+3y|year}}",
                today
            )
            .unwrap(),
            "2027-02-14 / March 2027 / March / 2030"
        );
        assert_eq!(
            resolve_text("no dates — none", today).unwrap(),
            "no dates — none"
        );
    }

    #[test]
    fn a_broken_expression_is_refused_with_what_is_wrong() {
        let today = day(2027, 3, 14);
        for (text, says) in [
            ("{{yesterday}}", "does not start with \"today\""),
            ("{{today+4}}", "not a number followed by d, w, m or y"),
            ("{{today+4q}}", "needs a unit"),
            ("{{today+xm}}", "not a number"),
            ("{{today>02-29}}", "not a day every year has"),
            ("{{today>13-01}}", "not a day every year has"),
            ("{{today>0415}}", "not a month-day"),
            ("{{today|short}}", "not one of"),
            ("Met by {{today", "not closed"),
            ("{{today+900000y}}", "outside the calendar"),
            ("{{today>04-1é}}", "never uses"),
        ] {
            let e = resolve_text(text, today).expect_err(text);
            assert!(e.contains(says), "{text}: {e}");
        }
        let mut doc = serde_json::json!({"plan": {"goals": [{"due": "{{today+1q}}"}]}});
        let e = resolve_json(&mut doc, today).unwrap_err();
        assert!(e.starts_with("$.plan.goals[0].due: "), "{e}");
    }
}
