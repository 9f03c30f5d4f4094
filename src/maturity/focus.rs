//! Focus mode, the facilitator's side: one sub-facet at a time, in an order the facilitator
//! picks, with who has scored the open round and, once it is revealed, who said what — the
//! highest and lowest scorers named, since they are the people to ask first.

use super::aggregate::{assessment_ratings, Aggregate};
use super::lookup::{find_assessment, find_subfacet};
use super::rounds::{current_round, results_round, round_revealed, rounds_of};
use crate::catalog::catalog;
use crate::error::Result;
use crate::model::{Agreement, Plan, Score};
use serde::{Deserialize, Serialize};

/// The order in which focus mode walks the sub-facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FocusQueue {
    /// The model's order.
    Model,
    /// After a first pass: the sub-facets the raters split over, widest spread first, then
    /// the rest in model order.
    DisagreementsFirst,
    /// Only the sub-facets without an agreed stage, in model order.
    NotAgreed,
}

/// Where a sub-facet's current round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    /// No round opened in focus mode (and the assessment not revealed).
    NotOpen,
    /// Raters are scoring; nobody sees a score.
    Scoring,
    Revealed,
}

/// One rater's answer in a revealed round, or whether they have answered while it is open.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FocusAnswer {
    pub rater_id: String,
    pub name: String,
    pub scored: bool,
    /// Only once the round is revealed.
    pub score: Option<Score>,
}

/// An earlier round of the sub-facet, for the record.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PastRound {
    pub number: u32,
    pub aggregate: Aggregate,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FocusView {
    pub assessment_id: String,
    pub subfacet_id: String,
    pub round: u32,
    pub state: RoundState,
    pub raters: usize,
    pub scored: usize,
    pub answers: Vec<FocusAnswer>,
    /// The revealed round combined; `None` while scoring is open.
    pub aggregate: Option<Aggregate>,
    /// Who gave the highest and the lowest stage, once revealed and only when they differ.
    pub highest: Vec<String>,
    pub lowest: Vec<String>,
    pub earlier: Vec<PastRound>,
    pub agreement: Option<Agreement>,
}

/// The facilitator's view of one sub-facet in focus mode.
pub fn focus_view(plan: &Plan, assessment: &str, subfacet_id: &str) -> Result<FocusView> {
    let assessment = find_assessment(plan, assessment)?;
    let subfacet = find_subfacet(subfacet_id)?;
    let round = current_round(plan, &assessment.id, &subfacet.id);
    let revealed = round_revealed(plan, assessment, &subfacet.id, round);
    let opened = !rounds_of(plan, &assessment.id, &subfacet.id).is_empty();
    let state = match (revealed, opened) {
        (true, _) => RoundState::Revealed,
        (false, true) => RoundState::Scoring,
        (false, false) => RoundState::NotOpen,
    };
    let ratings: Vec<_> = assessment_ratings(plan, &assessment.id)
        .into_iter()
        .filter(|r| r.subfacet_id == subfacet.id)
        .collect();
    let answers: Vec<FocusAnswer> = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == assessment.id)
        .map(|rater| {
            let given = ratings
                .iter()
                .find(|x| x.rater_id == rater.id && x.round == round);
            FocusAnswer {
                rater_id: rater.id.clone(),
                name: rater.name.clone(),
                scored: given.is_some(),
                score: given.filter(|_| revealed).map(|x| x.score.clone()),
            }
        })
        .collect();
    let aggregate =
        revealed.then(|| Aggregate::of(answers.iter().filter_map(|a| a.score.as_ref())));
    let (mut highest, mut lowest) = (vec![], vec![]);
    if let Some(a) = aggregate.as_ref().filter(|a| a.spread > 0) {
        for answer in &answers {
            let stage = answer.score.as_ref().and_then(Score::stage);
            if stage.is_some() && stage == a.max {
                highest.push(answer.name.clone());
            }
            if stage.is_some() && stage == a.min {
                lowest.push(answer.name.clone());
            }
        }
    }
    let earlier = (1..round)
        .filter(|n| round_revealed(plan, assessment, &subfacet.id, *n))
        .map(|n| PastRound {
            number: n,
            aggregate: Aggregate::of(ratings.iter().filter(|r| r.round == n).map(|r| &r.score)),
        })
        .collect();
    Ok(FocusView {
        assessment_id: assessment.id.clone(),
        subfacet_id: subfacet.id.clone(),
        round,
        state,
        raters: answers.len(),
        scored: answers.iter().filter(|a| a.scored).count(),
        answers,
        aggregate,
        highest,
        lowest,
        earlier,
        agreement: plan
            .agreements
            .iter()
            .find(|a| a.assessment_id == assessment.id && a.subfacet_id == subfacet.id)
            .cloned(),
    })
}

/// The sub-facets in the order focus mode takes them. Spreads are read from revealed rounds
/// only, so the order itself never hints at a score still hidden.
pub fn focus_queue(plan: &Plan, assessment: &str, queue: FocusQueue) -> Result<Vec<String>> {
    let assessment = find_assessment(plan, assessment)?;
    let agreed = |id: &str| {
        plan.agreements
            .iter()
            .any(|a| a.assessment_id == assessment.id && a.subfacet_id == id)
    };
    let ratings = assessment_ratings(plan, &assessment.id);
    let spread = |id: &str| {
        let round = results_round(plan, assessment, id);
        if !round_revealed(plan, assessment, id, round) {
            return 0;
        }
        Aggregate::of(
            ratings
                .iter()
                .filter(|r| r.subfacet_id == id && r.round == round)
                .map(|r| &r.score),
        )
        .spread
    };
    let mut ids: Vec<(usize, &str)> = catalog()
        .subfacets()
        .map(|s| s.id.as_str())
        .enumerate()
        .collect();
    match queue {
        FocusQueue::Model => {}
        FocusQueue::NotAgreed => ids.retain(|(_, id)| !agreed(id)),
        FocusQueue::DisagreementsFirst => {
            ids.sort_by_key(|(i, id)| (std::cmp::Reverse(spread(id)), *i));
        }
    }
    Ok(ids.into_iter().map(|(_, id)| id.to_string()).collect())
}
