//! What a rater's phone may see and do. The page is built here, from the plan, for one rater:
//! the sub-facet the facilitator is on, its five stages, and that rater's own answer in the
//! open round — never another rater's answer, the aggregate or a note before the reveal. The
//! blind rules are these functions', not the page's: a page can only show what it is sent.

use crate::error::{Error, Problem, Result};
use crate::intent::Intent;
use crate::maturity::{
    audience_view, AudienceRequest, AudienceReveal, AudienceStage, RoundState, ScoreEntry,
};
use crate::model::{Plan, Score};
use serde::{Deserialize, Serialize};

/// Everything a rater's page shows.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RaterPage {
    /// Goes up whenever what the page shows may have changed; the page waits for a newer one.
    #[ts(type = "number")]
    pub version: u64,
    /// The plan's name.
    pub title: String,
    pub assessment: String,
    /// The rater this device scores as.
    pub rater: String,
    /// The sub-facet the facilitator is on; `None` between sub-facets.
    pub focus: Option<RaterFocus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RaterFocus {
    pub subfacet_id: String,
    pub facet: String,
    pub name: String,
    /// What the sub-facet asks.
    pub asks: String,
    pub stages: Vec<AudienceStage>,
    pub round: u32,
    pub state: RoundState,
    /// This rater's answer in this round, and only this rater's.
    pub mine: Option<Score>,
    /// How many have answered this round, as the projector shows it.
    pub scored: usize,
    pub raters: usize,
    /// After the reveal, the dots as the room sees them, never with names.
    pub reveal: Option<AudienceReveal>,
}

/// A rater's answer as the page sends it: for the round it was shown, so an answer given to
/// a round the facilitator has since revealed or re-opened is refused instead of landing in
/// the wrong one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct RaterAnswer {
    pub subfacet_id: String,
    pub round: u32,
    pub score: Score,
}

/// The page of `rater_id`, on the sub-facet `focus` the facilitator is on.
pub fn rater_page(
    plan: &Plan,
    assessment_id: &str,
    rater_id: &str,
    focus: Option<&str>,
    version: u64,
) -> Result<RaterPage> {
    let assessment = crate::maturity::find_assessment(plan, assessment_id)?;
    let rater = plan
        .raters
        .iter()
        .find(|r| r.id == rater_id && r.assessment_id == assessment.id)
        .ok_or_else(|| Error::not_found(format!("rater {rater_id}")))?;
    let focus = match focus {
        None => None,
        Some(subfacet_id) => {
            // The room's own payload, so the phone and the projector can never disagree on
            // what is public; names are asked off.
            let request = AudienceRequest {
                assessment_id: assessment.id.clone(),
                subfacet_id: Some(subfacet_id.to_string()),
                show_names: false,
                blank: false,
                timer: None,
            };
            let view = audience_view(plan, &request)?;
            view.subfacet.map(|sf| {
                let state = match (sf.scoring, sf.reveal.is_some()) {
                    (_, true) => RoundState::Revealed,
                    (true, false) => RoundState::Scoring,
                    (false, false) => RoundState::NotOpen,
                };
                let mine = plan
                    .ratings
                    .iter()
                    .find(|r| {
                        r.rater_id == rater.id
                            && r.subfacet_id == subfacet_id
                            && r.round == sf.round
                    })
                    .map(|r| r.score.clone());
                RaterFocus {
                    subfacet_id: subfacet_id.to_string(),
                    facet: sf.facet,
                    name: sf.name,
                    asks: sf.asks,
                    stages: sf.stages,
                    round: sf.round,
                    state,
                    mine,
                    scored: sf.scored,
                    raters: sf.raters,
                    reveal: sf.reveal.map(|r| AudienceReveal { names: None, ..r }),
                }
            })
        }
    };
    Ok(RaterPage {
        version,
        title: plan.name.clone(),
        assessment: assessment.name.clone(),
        rater: rater.name.clone(),
        focus,
    })
}

/// The edits that record a rater's answer, refused unless it answers the sub-facet the
/// facilitator is on, in its open round. Run on the plan read inside the write transaction,
/// so a reveal that lands first wins. A refusal names the answer's own fields (`score`), not
/// the intent's (`scores[0].score`), since that is what the page sent.
pub fn answer_edits(
    plan: &Plan,
    assessment_id: &str,
    rater_id: &str,
    focus: Option<&str>,
    answer: &RaterAnswer,
) -> Result<Vec<crate::edit::Edit>> {
    let intent = answer_intent(plan, assessment_id, rater_id, focus, answer)?;
    intent.edits(plan).map_err(|e| match e {
        Error::Invalid { problems } => Error::Invalid {
            problems: problems
                .into_iter()
                .map(|p| Problem {
                    path: p
                        .path
                        .strip_prefix("scores[0].")
                        .unwrap_or(&p.path)
                        .to_string(),
                    reason: p.reason,
                })
                .collect(),
        },
        other => other,
    })
}

fn answer_intent(
    plan: &Plan,
    assessment_id: &str,
    rater_id: &str,
    focus: Option<&str>,
    answer: &RaterAnswer,
) -> Result<Intent> {
    let page = rater_page(plan, assessment_id, rater_id, focus, 0)?;
    let refuse = |path: &str, reason: String| Error::Invalid {
        problems: vec![Problem {
            path: path.into(),
            reason,
        }],
    };
    let Some(focus) = page.focus else {
        return Err(refuse(
            "subfacet_id",
            "the facilitator is between sub-facets; wait for the next one".into(),
        ));
    };
    if focus.subfacet_id != answer.subfacet_id {
        return Err(refuse(
            "subfacet_id",
            format!("the room has moved on to {}", focus.name),
        ));
    }
    match focus.state {
        RoundState::Scoring if focus.round == answer.round => {}
        RoundState::Scoring => {
            return Err(refuse(
                "round",
                format!("round {} is open now; answer it afresh", focus.round),
            ))
        }
        RoundState::NotOpen => {
            return Err(refuse(
                "round",
                "scoring on this sub-facet has not been opened yet".into(),
            ))
        }
        RoundState::Revealed => {
            return Err(refuse(
                "round",
                format!(
                    "round {} has been revealed; scores can no longer change",
                    focus.round
                ),
            ))
        }
    }
    // A reason typed on a device in the room may hold line breaks, but not the controls and
    // bidirectional overrides that would make the facilitator's screen show other text.
    if let Score::NotApplicable(text) | Score::Abstained(text) = &answer.score {
        if let Some(c) = text
            .chars()
            .find(|&c| !matches!(c, '\n' | '\t') && crate::record::is_control(c))
        {
            return Err(refuse(
                "score",
                format!(
                    "contains the control character U+{:04X}; write the reason as plain text",
                    c as u32
                ),
            ));
        }
    }
    Ok(Intent::RecordScores {
        scores: vec![ScoreEntry {
            rater_id: rater_id.to_string(),
            subfacet_id: answer.subfacet_id.clone(),
            score: answer.score.clone(),
            confidence: None,
            note: String::new(),
            evidence: None,
        }],
    })
}
