//! Step 7 as plain text for the terminal: an assessment as one viewer sees it, the ranked
//! gaps, a comparison, the success-factor checklist. The heatmap has its own module.

use super::aggregate::SubfacetResult;
use super::answers::confidence_label;
use super::compare::Comparison;
use super::factors::FactorRow;
use super::gaps::Gap;
use super::lookup::stage_name;
use super::view::{AssessmentView, Viewer};
use crate::catalog::catalog;
use crate::model::{Plan, Score};
use std::fmt::Write;

fn score_text(score: &Score) -> String {
    match score {
        Score::Stage(s) => format!("{s} {}", stage_name(*s)),
        Score::NotApplicable(reason) => format!("n/a ({reason})"),
        Score::Abstained(remark) if remark.is_empty() => "don't know".to_string(),
        Score::Abstained(remark) => format!("don't know ({remark})"),
    }
}

fn subfacet_name(id: &str) -> String {
    catalog()
        .subfacet(id)
        .map_or_else(|| id.to_string(), |s| s.name.clone())
}

pub fn view_text(v: &AssessmentView) -> String {
    let mut out = String::new();
    let a = &v.assessment;
    let state = if a.revealed {
        "revealed"
    } else {
        "scores hidden until the facilitator reveals them"
    };
    let _ = writeln!(out, "{} — assessed on {} ({state})", a.name, a.assessed_on);
    let _ = writeln!(out, "id: {}", a.id);
    let total = catalog().subfacets().count();
    let _ = writeln!(out, "\nRaters:");
    if v.raters.is_empty() {
        let _ = writeln!(out, "  none yet");
    }
    for r in &v.raters {
        let role = if r.role.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.role)
        };
        let _ = writeln!(
            out,
            "  {}{role}: {}/{total} sub-facets scored  [{}]",
            r.name, r.scored, r.rater_id
        );
    }
    if let Viewer::Rater(me) = &v.viewer {
        let _ = writeln!(out, "\nYour scores:");
        for r in v.ratings.iter().filter(|r| &r.rater_id == me) {
            let conf = r
                .confidence
                .map(|c| format!(", {}", confidence_label(c)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<40} {}{conf}",
                subfacet_name(&r.subfacet_id),
                score_text(&r.score)
            );
            if !r.evidence.trim().is_empty() {
                let _ = writeln!(out, "      evidence: {}", r.evidence.trim());
            }
        }
    }
    match &v.results {
        None => {
            let _ = writeln!(
                out,
                "\nOther raters' scores and the aggregate are withheld until the reveal."
            );
        }
        Some(results) => {
            let _ = writeln!(
                out,
                "\nSub-facet                                 median  range  n   n/a  current"
            );
            for sf in &results.subfacets {
                let _ = writeln!(out, "{}", result_line(sf));
            }
            let _ = writeln!(out, "\nFacets (mean of current stages):");
            for f in &results.facets {
                let mean = f
                    .mean
                    .map_or_else(|| "—".to_string(), crate::figures::StageMean::figure);
                let na = if f.not_applicable.is_empty() {
                    String::new()
                } else {
                    let names: Vec<String> =
                        f.not_applicable.iter().map(|s| subfacet_name(s)).collect();
                    format!("  (not applicable: {})", names.join(", "))
                };
                let _ = writeln!(out, "  {:<24} {mean}{na}", f.name);
            }
        }
    }
    out
}

fn result_line(sf: &SubfacetResult) -> String {
    let a = &sf.aggregate;
    let median = a
        .median
        .map_or_else(|| "—".to_string(), crate::figures::StageMean::figure);
    let range = match (a.min, a.max) {
        (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
        _ => "—".into(),
    };
    let current = match (&sf.current, &sf.agreement) {
        (None, _) => "not scored".to_string(),
        (Some(s), Some(_)) => format!("{} (agreed)", score_text(s)),
        (Some(s), None) => format!("{} (proposed)", score_text(s)),
    };
    let flag = if a.disagreement {
        "  ⚠ disagreement"
    } else {
        ""
    };
    format!(
        "{:<42}{median:>6}  {range:>5}  {:<3} {:<4} {current}{flag}",
        subfacet_name(&sf.subfacet_id),
        a.count,
        a.not_applicable
    )
}

pub fn gaps_text(plan: &Plan, gaps: &[Gap]) -> String {
    if gaps.is_empty() {
        return "No gaps: every sub-facet with a target is already there (or has no target yet).\n"
            .into();
    }
    let mut out = String::new();
    for (i, g) in gaps.iter().enumerate() {
        let by = super::gaps::phase_deadline(plan, &g.phase_id)
            .map(|d| format!(", by {d}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:>2}. {} — {} → {} (+{}) in {}{by}",
            i + 1,
            g.subfacet_name,
            score_text(&Score::Stage(g.current)),
            score_text(&Score::Stage(g.target)),
            g.gap,
            g.phase_name
        );
        for step in &g.steps {
            let _ = writeln!(
                out,
                "      {} {}: {}",
                step.stage, step.stage_name, step.descriptor
            );
        }
    }
    out
}

pub fn comparison_text(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", c.from_name, c.to_name);
    let show = |s: &Option<Score>| {
        s.as_ref()
            .map_or_else(|| "not scored".to_string(), score_text)
    };
    let mut moved = 0;
    for m in c.moved() {
        moved += 1;
        let change = m.change.map(|d| format!(" ({d:+})")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<40} {} → {}{change}",
            m.subfacet_name,
            show(&m.from),
            show(&m.to)
        );
    }
    let _ = writeln!(out, "{moved} of {} sub-facets moved", c.movements.len());
    out
}

pub fn checklist_text(rows: &[FactorRow]) -> String {
    let mut out = String::new();
    for r in rows {
        let note = if r.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", r.note)
        };
        let _ = writeln!(
            out,
            "  [{:<11}] {}{note}  ({})",
            r.status.label(),
            r.name,
            r.factor_id
        );
    }
    out
}
