//! What one person may see of an assessment. Until the facilitator reveals it, a rater sees
//! only their own scores and the facilitator sees only who has scored how much: nobody can
//! anchor on someone else's answer. After the reveal everyone sees everything.

use super::aggregate::{assessment_ratings, compute, Results};
use super::lookup::{find_assessment, find_rater};
use super::rounds::rating_revealed;
use crate::error::Result;
use crate::model::{Assessment, Plan, Rating};
use serde::{Deserialize, Serialize};

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Viewer {
    Facilitator,
    Rater(String),
}

/// How far one rater has got. Progress is no secret: it tells the room whom it is waiting for.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RaterProgress {
    pub rater_id: String,
    pub name: String,
    pub role: String,
    /// Sub-facets this rater has answered (a stage or not applicable).
    pub scored: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AssessmentView {
    pub assessment: Assessment,
    pub viewer: Viewer,
    pub raters: Vec<RaterProgress>,
    /// The ratings this viewer may see.
    pub ratings: Vec<Rating>,
    /// The aggregate, agreed and current stages; withheld (`None`) until the reveal.
    pub results: Option<Results>,
}

pub fn assessment_view(
    plan: &Plan,
    assessment_id: &str,
    viewer: &Viewer,
) -> Result<AssessmentView> {
    let assessment = find_assessment(plan, assessment_id)?;
    let viewer = match viewer {
        Viewer::Facilitator => Viewer::Facilitator,
        // A rater of another assessment has no business here; resolving also accepts a name.
        Viewer::Rater(key) => Viewer::Rater(find_rater(plan, &assessment.id, key)?.id.clone()),
    };
    let all = assessment_ratings(plan, &assessment.id);
    let raters = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == assessment.id)
        .map(|r| RaterProgress {
            rater_id: r.id.clone(),
            name: r.name.clone(),
            role: r.role.clone(),
            scored: all
                .iter()
                .filter(|x| x.rater_id == r.id)
                .map(|x| x.subfacet_id.as_str())
                .collect::<std::collections::HashSet<_>>()
                .len(),
        })
        .collect();
    let visible = |r: &&&Rating| match &viewer {
        _ if rating_revealed(plan, assessment, r) => true,
        Viewer::Rater(me) => &r.rater_id == me,
        Viewer::Facilitator => false,
    };
    let ratings = all.iter().filter(visible).map(|r| (*r).clone()).collect();
    let results = if assessment.revealed {
        Some(compute(plan, &assessment.id)?)
    } else {
        None
    };
    Ok(AssessmentView {
        assessment: assessment.clone(),
        viewer,
        raters,
        ratings,
        results,
    })
}

/// The results of a revealed assessment; refused while the scores are still hidden.
pub fn results(plan: &Plan, assessment_id: &str) -> Result<Results> {
    let assessment = find_assessment(plan, assessment_id)?;
    super::lookup::require_revealed(assessment, "its results can be seen")?;
    compute(plan, &assessment.id)
}
