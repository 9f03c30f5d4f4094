//! Scores from a CSV file, one answer a line: `rater,subfacet,stage|na,reason,confidence,note`.
//! Raters and sub-facets may be named or given by id; a first line that starts with "rater"
//! is a header. Every problem on every line is reported at once, as `line N`.

use super::answers::{parse_confidence, parse_stage, StageAnswer};
use super::assessments::ScoreEntry;
use super::lookup::{find_assessment, find_rater, find_subfacet};
use crate::error::{Error, Problem, Result};
use crate::model::{Plan, Score};
use std::collections::HashMap;

/// Splits CSV text into records of fields: commas separate, double quotes enclose fields that
/// hold commas, quotes or line breaks, and `""` inside quotes is one quote. Each record comes
/// with the line it starts on.
pub fn records(text: &str) -> std::result::Result<Vec<(usize, Vec<String>)>, Problem> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut line, mut start) = (1, 1);
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                if fields.iter().any(|f| !f.trim().is_empty()) {
                    out.push((start, std::mem::take(&mut fields)));
                }
                fields.clear();
                line += 1;
                start = line;
            }
            (_, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if quoted {
        return Err(Problem {
            path: format!("line {start}"),
            reason: "a quoted field is never closed (a \" is missing)".into(),
        });
    }
    fields.push(field);
    if fields.iter().any(|f| !f.trim().is_empty()) {
        out.push((start, fields));
    }
    Ok(out)
}

/// Reads the answers for one assessment, checking every line against the plan.
pub fn parse_scores(plan: &Plan, assessment_id: &str, text: &str) -> Result<Vec<ScoreEntry>> {
    let assessment = find_assessment(plan, assessment_id)?;
    let rows = records(text).map_err(|p| Error::Invalid { problems: vec![p] })?;
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (i, (line, fields)) in rows.iter().enumerate() {
        let cell = |n: usize| fields.get(n).map(|s| s.trim()).unwrap_or("");
        if i == 0 && cell(0).eq_ignore_ascii_case("rater") {
            continue;
        }
        let mut bad = |reason: String| {
            problems.push(Problem {
                path: format!("line {line}"),
                reason,
            })
        };
        if fields.len() > 6 {
            bad(format!(
                "has {} fields; expected rater,subfacet,stage,reason,confidence,note (quote a note that holds commas)",
                fields.len()
            ));
            continue;
        }
        let rater = find_rater(plan, &assessment.id, cell(0));
        let subfacet = find_subfacet(cell(1));
        let stage = parse_stage(cell(2));
        let confidence = parse_confidence(cell(4));
        if let Err(e) = &rater {
            bad(format!("rater: {}", first_reason(e)));
        }
        if let Err(e) = &subfacet {
            bad(format!("subfacet: {}", first_reason(e)));
        }
        let score = match stage {
            None if cell(2).is_empty() => {
                bad("stage: missing; give a stage from 1 to 5, or na with a reason".into());
                None
            }
            None => {
                bad(format!(
                    "stage: \"{}\" is not a stage; give 1 to 5, or na with a reason",
                    cell(2)
                ));
                None
            }
            Some(StageAnswer::NotApplicable) if cell(3).is_empty() => {
                bad("reason: \"not applicable\" needs a reason".into());
                None
            }
            Some(StageAnswer::NotApplicable) => Some(Score::NotApplicable(cell(3).to_string())),
            Some(StageAnswer::Stage(s)) => Some(Score::Stage(s)),
        };
        if confidence.is_none() {
            bad(format!(
                "confidence: \"{}\" is not one of evidence_seen, observed, opinion (or blank)",
                cell(4)
            ));
        }
        let (Ok(rater), Ok(subfacet), Some(score), Some(confidence)) =
            (rater, subfacet, score, confidence)
        else {
            continue;
        };
        if let Some(first) = seen.insert((rater.id.clone(), subfacet.id.clone()), *line) {
            bad(format!(
                "{} has already scored {} on line {first}",
                rater.name, subfacet.name
            ));
            continue;
        }
        entries.push(ScoreEntry {
            rater_id: rater.id.clone(),
            subfacet_id: subfacet.id.clone(),
            score,
            confidence,
            note: cell(5).to_string(),
            evidence: None,
        });
    }
    if !problems.is_empty() {
        return Err(Error::Invalid { problems });
    }
    if entries.is_empty() {
        return Err(Error::invalid("csv", "holds no scores"));
    }
    Ok(entries)
}

fn first_reason(e: &Error) -> String {
    e.problems()
        .first()
        .map_or_else(|| e.to_string(), |p| p.reason.clone())
}

#[cfg(test)]
mod tests {
    use super::records;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\nd,\"two\nlines\",e\n\n";
        let rows = records(text).expect("valid CSV");
        assert_eq!(rows.len(), 2, "the blank last line is not a record");
        assert_eq!(
            rows[0],
            (1, vec!["a".into(), "b, c".into(), "say \"hi\"".into()])
        );
        assert_eq!(
            rows[1],
            (2, vec!["d".into(), "two\nlines".into(), "e".into()])
        );
    }

    #[test]
    fn records_report_the_line_they_start_on_after_a_multi_line_field() {
        let rows = records("x,\"1\n2\"\ny,z").expect("valid CSV");
        assert_eq!(rows[1].0, 3, "the second record starts on line 3");
    }

    #[test]
    fn an_unclosed_quote_is_refused_with_its_line() {
        let err = records("a,b\nc,\"open").expect_err("the quote is never closed");
        assert_eq!(err.path, "line 2");
    }
}
