//! Every rater's own score in every revealed assessment, one row each, for analysing who saw
//! what. Assessments still being scored are left out: blind scoring holds in the export too.

use super::maturity::hidden_note;
use super::sheet::{Col, V};
use super::Ctx;
use crate::catalog::catalog;
use crate::maturity::{
    confidence_label, rating_revealed, stage_name, ABSTAINED_LABEL, NOT_APPLICABLE_LABEL,
};
use crate::model::{Confidence, Rating, Score};
use rust_xlsxwriter::{Worksheet, XlsxError};
use std::collections::HashMap;

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet(
        "Ratings",
        &[
            22.0, 11.0, 20.0, 34.0, 16.0, 26.0, 7.0, 14.0, 7.0, 24.0, 13.0, 36.0, 36.0,
        ],
    )?;
    sh.title(
        "Ratings",
        "The raw scores: each rater's own stage for each sub-facet and round, as revealed, with the reason \
         given for \u{201c}not applicable\u{201d} (or what would help a rater who did not know), how the rater \
         knows, their note and the evidence they cite. A sub-facet scored again after a discussion has a row per round.",
    )?;
    let hidden = hidden_note(ctx);
    if let Some(note) = &hidden {
        sh.note(note)?;
        sh.row += 1;
    }
    // An assessment scored in focus mode is revealed one sub-facet at a time.
    let mut revealed: Vec<_> = plan.assessments.iter().collect();
    revealed.sort_by_key(|a| a.assessed_on);
    let order: HashMap<&str, usize> = catalog()
        .subfacets()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut by_rater: HashMap<&str, Vec<&Rating>> = HashMap::new();
    for r in &plan.ratings {
        by_rater.entry(r.rater_id.as_str()).or_default().push(r);
    }
    let mut rows = Vec::new();
    for a in &revealed {
        for rater in plan.raters.iter().filter(|r| r.assessment_id == a.id) {
            let mut ratings = by_rater.get(rater.id.as_str()).cloned().unwrap_or_default();
            ratings.retain(|r| rating_revealed(plan, a, r));
            ratings.sort_by_key(|r| {
                (
                    order
                        .get(r.subfacet_id.as_str())
                        .copied()
                        .unwrap_or(usize::MAX),
                    r.round,
                )
            });
            for r in ratings {
                let sf = catalog().subfacet(&r.subfacet_id);
                let facet = sf
                    .and_then(|s| catalog().facet(&s.facet_id))
                    .map_or("", |f| f.name.as_str());
                let (stage, name, reason) = match &r.score {
                    Score::Stage(s) => (V::N(f64::from(*s)), V::s(stage_name(*s)), V::Blank),
                    Score::NotApplicable(why) => (V::Blank, V::s(NOT_APPLICABLE_LABEL), V::s(why)),
                    Score::Abstained(remark) => (V::Blank, V::s(ABSTAINED_LABEL), V::s(remark)),
                };
                rows.push(vec![
                    V::s(&a.name),
                    V::D(a.assessed_on),
                    V::s(&rater.name),
                    V::s(&rater.role),
                    V::s(facet),
                    V::s(sf.map_or(r.subfacet_id.as_str(), |s| s.name.as_str())),
                    stage,
                    name,
                    V::N(f64::from(r.round)),
                    reason,
                    V::s(r.confidence.map_or("", confidence_label)),
                    V::s(&r.note),
                    V::s(&r.evidence),
                ]);
            }
        }
    }
    if rows.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no revealed assessment has raters' scores yet (step 7).")?;
        return Ok(sh.finish());
    }
    let cols = [
        Col::text("Assessment"),
        Col::date("Assessed on"),
        Col::bold("Rater"),
        Col::text("Role"),
        Col::text("Facet"),
        Col::bold("Sub-facet"),
        Col::number("Stage"),
        Col::center("Stage name"),
        Col::number("Round"),
        Col::text("N/A reason or what would help"),
        Col::center("Confidence").choices(
            [
                Confidence::EvidenceSeen,
                Confidence::Observed,
                Confidence::Opinion,
            ]
            .map(confidence_label),
        ),
        Col::text("Note"),
        Col::text("Evidence"),
    ];
    if let Some(t) = sh.table("Ratings", &cols, &rows, "")? {
        sh.freeze_header(&t, 3)?;
        sh.stage_scale((t.first, t.last), (6, 6))?;
    }
    Ok(sh.finish())
}
