//! Rounds of scoring in focus mode. The facilitator opens a round on one sub-facet, the
//! raters score it in turn, the facilitator reveals it; after the discussion a second round
//! can re-open it. A rating belongs to the round open when it was given.
//!
//! Whether a rating may be seen follows one rule: a round with a record is revealed when that
//! record says so; round 1 of a sub-facet never scored in focus mode follows its assessment's
//! reveal, as before focus mode existed.

use super::lookup::{find_assessment, find_subfacet};
use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{new_id, Assessment, Entity, Plan, Rating, ScoringRound};

/// The rounds recorded for one sub-facet of an assessment, first to last.
pub fn rounds_of<'a>(
    plan: &'a Plan,
    assessment_id: &str,
    subfacet_id: &str,
) -> Vec<&'a ScoringRound> {
    let mut rounds: Vec<&ScoringRound> = plan
        .scoring_rounds
        .iter()
        .filter(|r| r.assessment_id == assessment_id && r.subfacet_id == subfacet_id)
        .collect();
    rounds.sort_by_key(|r| r.number);
    rounds
}

/// The round a new answer to this sub-facet belongs to: the last one opened, or 1.
pub fn current_round(plan: &Plan, assessment_id: &str, subfacet_id: &str) -> u32 {
    rounds_of(plan, assessment_id, subfacet_id)
        .last()
        .map_or(1, |r| r.number)
}

/// Whether round `number` of a sub-facet has been shown to the committee.
pub fn round_revealed(
    plan: &Plan,
    assessment: &Assessment,
    subfacet_id: &str,
    number: u32,
) -> bool {
    match plan.scoring_rounds.iter().find(|r| {
        r.assessment_id == assessment.id && r.subfacet_id == subfacet_id && r.number == number
    }) {
        Some(round) => round.revealed,
        None => number == 1 && assessment.revealed,
    }
}

/// Whether the answers to the sub-facet's current round have been shown.
pub fn subfacet_revealed(plan: &Plan, assessment: &Assessment, subfacet_id: &str) -> bool {
    round_revealed(
        plan,
        assessment,
        subfacet_id,
        current_round(plan, assessment.id.as_str(), subfacet_id),
    )
}

/// Whether a rating may be shown to everyone.
pub fn rating_revealed(plan: &Plan, assessment: &Assessment, rating: &Rating) -> bool {
    round_revealed(plan, assessment, &rating.subfacet_id, rating.round)
}

/// The round whose answers make a sub-facet's results: the last one revealed, so that a
/// re-opened round changes nothing until it too is revealed; before any reveal, the current
/// one (the facilitator's working figures, which the views withhold).
pub fn results_round(plan: &Plan, assessment: &Assessment, subfacet_id: &str) -> u32 {
    let current = current_round(plan, &assessment.id, subfacet_id);
    (1..=current)
        .rev()
        .find(|n| round_revealed(plan, assessment, subfacet_id, *n))
        .unwrap_or(current)
}

/// Opens the next round of scoring on a sub-facet. The first round can be opened on any
/// sub-facet nobody has scored in focus mode yet; a later one only once the round before has
/// been revealed (a round re-opens a discussion, it does not interrupt one).
pub fn open_round(plan: &Plan, assessment: &str, subfacet_id: &str) -> Result<Vec<Edit>> {
    let assessment = find_assessment(plan, assessment)?;
    let subfacet = find_subfacet(subfacet_id)?;
    let rounds = rounds_of(plan, &assessment.id, &subfacet.id);
    let number = match rounds.last() {
        None if round_revealed(plan, assessment, &subfacet.id, 1) => 2,
        None => 1,
        Some(last) if !last.revealed => {
            return Err(Error::invalid(
                "subfacet_id",
                format!(
                    "round {} of \"{}\" is still open; reveal it before opening another",
                    last.number, subfacet.name
                ),
            ))
        }
        Some(last) => last.number + 1,
    };
    let round = ScoringRound {
        id: new_id(),
        assessment_id: assessment.id.clone(),
        subfacet_id: subfacet.id.clone(),
        number,
        revealed: false,
    };
    Ok(vec![Edit::Put {
        entity: Entity::ScoringRound(round),
    }])
}

/// Reveals the open round of a sub-facet: its answers, its dot plot and its median.
pub fn reveal_round(plan: &Plan, assessment: &str, subfacet_id: &str) -> Result<Vec<Edit>> {
    let assessment = find_assessment(plan, assessment)?;
    let subfacet = find_subfacet(subfacet_id)?;
    let Some(last) = rounds_of(plan, &assessment.id, &subfacet.id)
        .last()
        .copied()
    else {
        return Err(Error::invalid(
            "subfacet_id",
            format!("no round of scoring is open on \"{}\"", subfacet.name),
        ));
    };
    if last.revealed {
        return Ok(vec![]);
    }
    let mut round = last.clone();
    round.revealed = true;
    Ok(vec![Edit::Put {
        entity: Entity::ScoringRound(round),
    }])
}
