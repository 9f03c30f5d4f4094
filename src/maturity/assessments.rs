//! Writing an assessment: create it, add raters, record scores, reveal, agree. Each is a pure
//! function from the plan and what the person asked for to the edits that do it; the store
//! validates them and applies them whole or not at all.

use super::answers::parse_day;
use super::lookup::{find_assessment, find_rater, require_revealed};
use super::rounds::{current_round, subfacet_revealed};
use crate::catalog::catalog;
use crate::edit::Edit;
use crate::error::{Error, Problem, Result};
use crate::model::{
    new_id, Agreement, Assessment, Confidence, Entity, Kind, Plan, Rater, Rating, Score,
};
use crate::record::{Checker, Record};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Creating an assessment: a new, hidden assessment on the day given as `YYYY-MM-DD`.
pub fn create_assessment(name: &str, assessed_on: &str) -> Result<Vec<Edit>> {
    let assessment = Assessment {
        id: new_id(),
        name: name.trim().to_string(),
        assessed_on: parse_day("assessed_on", assessed_on)?,
        revealed: false,
    };
    Ok(vec![put(Entity::Assessment(assessment))])
}

pub fn add_rater(plan: &Plan, assessment: &str, name: &str, role: &str) -> Result<Vec<Edit>> {
    let assessment = find_assessment(plan, assessment)?;
    let rater = Rater {
        id: new_id(),
        assessment_id: assessment.id.clone(),
        name: name.trim().to_string(),
        role: role.trim().to_string(),
    };
    Ok(vec![put(Entity::Rater(rater))])
}

/// Renames a rater (by id) and changes their role; their scores stay theirs.
pub fn rename_rater(plan: &Plan, rater_id: &str, name: &str, role: &str) -> Result<Vec<Edit>> {
    let mut rater = rater_by_id(plan, rater_id)?.clone();
    rater.name = name.trim().to_string();
    rater.role = role.trim().to_string();
    Ok(vec![put(Entity::Rater(rater))])
}

/// Removes a rater (by id) and, with them, every score they gave.
pub fn remove_rater(plan: &Plan, rater_id: &str) -> Result<Vec<Edit>> {
    let rater = rater_by_id(plan, rater_id)?;
    Ok(vec![Edit::Delete {
        kind: Kind::Rater,
        id: rater.id.clone(),
    }])
}

/// Takes back a rater's answer for a sub-facet in its current round; no edit when there is
/// none. Answers of earlier rounds are the record of what the committee thought then.
pub fn clear_score(plan: &Plan, rater_id: &str, subfacet_id: &str) -> Result<Vec<Edit>> {
    let rater = rater_by_id(plan, rater_id)?;
    let round = current_round(plan, &rater.assessment_id, subfacet_id);
    Ok(plan
        .ratings
        .iter()
        .filter(|r| r.rater_id == rater.id && r.subfacet_id == subfacet_id && r.round == round)
        .map(|r| Edit::Delete {
            kind: Kind::Rating,
            id: r.id.clone(),
        })
        .collect())
}

/// Shows every rater's scores and the results to everyone. There is no un-reveal: once seen,
/// scores cannot be unseen.
pub fn reveal(plan: &Plan, assessment: &str) -> Result<Vec<Edit>> {
    let mut assessment = find_assessment(plan, assessment)?.clone();
    assessment.revealed = true;
    Ok(vec![put(Entity::Assessment(assessment))])
}

fn put(entity: Entity) -> Edit {
    Edit::Put { entity }
}

/// A rater named by their id, as the screens do.
fn rater_by_id<'a>(plan: &'a Plan, rater_id: &str) -> Result<&'a Rater> {
    plan.raters
        .iter()
        .find(|r| r.id == rater_id)
        .ok_or_else(|| Error::not_found(format!("rater \"{rater_id}\"")))
}

/// One rater's answer for one sub-facet.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
pub struct ScoreEntry {
    pub rater_id: String,
    pub subfacet_id: String,
    pub score: Score,
    pub confidence: Option<Confidence>,
    pub note: String,
    /// What the stage rests on; `None` keeps what the rating already cites (a form or a CSV
    /// without an evidence column says nothing about it).
    pub evidence: Option<String>,
}

/// The edits that record these answers, each in its sub-facet's current round. A rater has
/// one rating per sub-facet and round, so an answer to a sub-facet already scored in this
/// round replaces that rating (same id) instead of adding a second. A round already revealed
/// takes no more answers: the facilitator opens another. Every problem with every entry is
/// reported at once, under `scores[i]`.
pub fn score_edits(plan: &Plan, entries: &[ScoreEntry]) -> Result<Vec<Edit>> {
    let existing: HashMap<(&str, &str, u32), &Rating> = plan
        .ratings
        .iter()
        .map(|r| ((r.rater_id.as_str(), r.subfacet_id.as_str(), r.round), r))
        .collect();
    let mut problems: Vec<Problem> = Vec::new();
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    let mut edits = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let mut c = Checker::new(format!("scores[{i}]"), &mut problems);
        let rater = plan.raters.iter().find(|r| r.id == e.rater_id);
        let round = match rater {
            Some(rater) => {
                let round = current_round(plan, &rater.assessment_id, &e.subfacet_id);
                let closed = plan.scoring_rounds.iter().any(|r| {
                    r.assessment_id == rater.assessment_id
                        && r.subfacet_id == e.subfacet_id
                        && r.number == round
                        && r.revealed
                });
                if closed {
                    c.problem(
                        "subfacet_id",
                        format!(
                            "round {round} of this sub-facet has been revealed; open another round to score it again"
                        ),
                    );
                }
                round
            }
            None => {
                c.problem(
                    "rater_id",
                    format!("there is no rater \"{}\" in this plan", e.rater_id),
                );
                1
            }
        };
        let key = (e.rater_id.as_str(), e.subfacet_id.as_str());
        if let Some(first) = seen.insert(key, i) {
            c.problem(
                "",
                format!(
                    "repeats the answer of scores[{first}]: one rater, one score per sub-facet"
                ),
            );
        }
        let before = existing.get(&(key.0, key.1, round));
        let evidence = match (&e.evidence, before) {
            (Some(text), _) => text.trim().to_string(),
            (None, Some(r)) => r.evidence.clone(),
            (None, None) => String::new(),
        };
        let rating = Rating {
            id: before.map_or_else(new_id, |r| r.id.clone()),
            rater_id: e.rater_id.clone(),
            subfacet_id: e.subfacet_id.clone(),
            round,
            score: trimmed(&e.score),
            confidence: e.confidence,
            note: e.note.trim().to_string(),
            evidence,
        };
        rating.check(&mut c);
        edits.push(Edit::Put {
            entity: Entity::Rating(rating),
        });
    }
    if problems.is_empty() {
        Ok(edits)
    } else {
        Err(Error::Invalid { problems })
    }
}

fn trimmed(score: &Score) -> Score {
    match score {
        Score::Stage(s) => Score::Stage(*s),
        Score::NotApplicable(r) => Score::NotApplicable(r.trim().to_string()),
        Score::Abstained(r) => Score::Abstained(r.trim().to_string()),
    }
}

/// What the facilitator records for one sub-facet after the discussion.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
pub struct AgreedStage {
    pub subfacet_id: String,
    pub score: Score,
    pub rationale: String,
    pub evidence: String,
}

/// Records the agreed stage, its rationale and its evidence for one sub-facet; replaces an
/// earlier agreement on the same sub-facet.
pub fn agree(plan: &Plan, assessment: &str, agreed: &AgreedStage) -> Result<Vec<Edit>> {
    let assessment = find_assessment(plan, assessment)?;
    // Agreeing before the reveal would mean deciding without the committee having seen
    // each other's scores, which is what the reveal is for. In focus mode the reveal is the
    // sub-facet's round.
    if !subfacet_revealed(plan, assessment, &agreed.subfacet_id) {
        require_revealed(assessment, "the agreed stage can be recorded")?;
    }
    let existing = plan
        .agreements
        .iter()
        .find(|a| a.assessment_id == assessment.id && a.subfacet_id == agreed.subfacet_id);
    let agreement = Agreement {
        id: existing.map_or_else(new_id, |a| a.id.clone()),
        assessment_id: assessment.id.clone(),
        subfacet_id: agreed.subfacet_id.clone(),
        score: trimmed(&agreed.score),
        rationale: agreed.rationale.trim().to_string(),
        evidence: agreed.evidence.trim().to_string(),
    };
    Ok(vec![put(Entity::Agreement(agreement))])
}

/// Every answer one rater has given, in model order (used to show a rater their own form).
pub fn rater_scores<'a>(
    plan: &'a Plan,
    assessment_id: &str,
    rater: &str,
) -> Result<Vec<&'a Rating>> {
    let rater = find_rater(plan, assessment_id, rater)?;
    let mut mine: Vec<&Rating> = plan
        .ratings
        .iter()
        .filter(|r| r.rater_id == rater.id)
        .collect();
    let order: HashMap<&str, usize> = catalog()
        .subfacets()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    mine.sort_by_key(|r| {
        order
            .get(r.subfacet_id.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });
    Ok(mine)
}
