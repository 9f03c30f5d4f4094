//! What the room may see: the payload of the audience view on the projector. It is built
//! here, from the plan, and the audience window shows nothing else, so what it leaves out
//! the room cannot see: no notes, no rationale, no evidence, no file paths, no other plan, no
//! rater's name unless the facilitator switched names on, and no score before its reveal —
//! while a round is open, only how many have scored.

use super::aggregate::{assessment_ratings, Aggregate};
use super::lookup::{find_assessment, find_subfacet};
use super::rounds::{current_round, round_revealed, rounds_of};
use crate::catalog::catalog;
use crate::error::Result;
use crate::model::{Plan, Score};
use serde::{Deserialize, Serialize};

/// The item timer as the facilitator's window has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
pub struct AudienceTimer {
    /// Milliseconds left.
    #[ts(type = "number")]
    pub left_ms: u64,
    pub running: bool,
    /// Time is up.
    pub up: bool,
}

/// What the facilitator's window asks the room to be shown.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
pub struct AudienceRequest {
    pub assessment_id: String,
    /// The sub-facet in focus; `None` shows the plan's title alone.
    pub subfacet_id: Option<String>,
    /// Rater names beside their dots after the reveal; off unless the committee wants it.
    pub show_names: bool,
    /// A rater is at the keyboard: the room sees that scoring is under way, nothing more.
    pub blank: bool,
    pub timer: Option<AudienceTimer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AudienceStage {
    pub number: u8,
    pub name: String,
    pub descriptor: String,
}

/// After the reveal: the dots, without names unless they were switched on.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AudienceReveal {
    /// How many raters gave each stage, Exploratory (index 0) to Immersive (index 4).
    pub dots: [usize; 5],
    /// The names behind each stage's dots, only when "show names" is on.
    pub names: Option<[Vec<String>; 5]>,
    pub median: Option<f64>,
    pub spread: u8,
    pub abstained: usize,
    pub not_applicable: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AudienceAgreed {
    /// `None`: agreed as not applicable.
    pub stage: Option<u8>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AudienceSubfacet {
    pub facet: String,
    pub name: String,
    /// What the sub-facet asks.
    pub asks: String,
    pub stages: Vec<AudienceStage>,
    pub round: u32,
    /// Scoring is open: the room sees `scored` of `raters`, never a score.
    pub scoring: bool,
    pub raters: usize,
    pub scored: usize,
    pub reveal: Option<AudienceReveal>,
    /// Withheld while a round is open.
    pub agreed: Option<AudienceAgreed>,
}

/// How raters join from their phones while the room's server is open: the QR code, the
/// address to type and the room code, large on the projector.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AudienceRoom {
    pub url: String,
    pub code: String,
    /// The URL as a QR code, an SVG document.
    pub qr_svg: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AudienceView {
    pub title: String,
    pub blank: bool,
    pub subfacet: Option<AudienceSubfacet>,
    pub timer: Option<AudienceTimer>,
    /// The room's way in; the plan knows nothing of it, so the app that hosts the room fills
    /// it in and the core leaves it `None`.
    pub room: Option<AudienceRoom>,
}

pub fn audience_view(plan: &Plan, request: &AudienceRequest) -> Result<AudienceView> {
    let assessment = find_assessment(plan, &request.assessment_id)?;
    let title = plan.name.clone();
    let subfacet = match (&request.subfacet_id, request.blank) {
        (Some(id), false) => Some(find_subfacet(id)?),
        _ => None,
    };
    let Some(sf) = subfacet else {
        return Ok(AudienceView {
            title,
            blank: request.blank,
            subfacet: None,
            timer: request.timer.clone(),
            room: None,
        });
    };
    let round = current_round(plan, &assessment.id, &sf.id);
    let revealed = round_revealed(plan, assessment, &sf.id, round);
    let raters: Vec<_> = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == assessment.id)
        .collect();
    let answers: Vec<_> = assessment_ratings(plan, &assessment.id)
        .into_iter()
        .filter(|r| r.subfacet_id == sf.id && r.round == round)
        .collect();
    let reveal = revealed.then(|| {
        let a = Aggregate::of(answers.iter().map(|r| &r.score));
        let names = request.show_names.then(|| {
            let mut names: [Vec<String>; 5] = Default::default();
            for r in &answers {
                if let (Some(s @ 1..=5), Some(rater)) =
                    (r.score.stage(), raters.iter().find(|x| x.id == r.rater_id))
                {
                    names[usize::from(s) - 1].push(rater.name.clone());
                }
            }
            names
        });
        AudienceReveal {
            dots: a.distribution,
            names,
            median: a.median,
            spread: a.spread,
            abstained: a.abstained,
            not_applicable: a.not_applicable,
        }
    });
    let scoring = !revealed && !rounds_of(plan, &assessment.id, &sf.id).is_empty();
    // A round re-opened puts the agreed stage back in question: the room should not anchor on
    // it while scoring.
    let agreed = plan
        .agreements
        .iter()
        .find(|a| a.assessment_id == assessment.id && a.subfacet_id == sf.id)
        .filter(|_| !scoring)
        .map(|a| match &a.score {
            Score::Stage(s) => AudienceAgreed {
                stage: Some(*s),
                label: format!("{s} {}", super::stage_name(*s)),
            },
            _ => AudienceAgreed {
                stage: None,
                label: "Not applicable".into(),
            },
        });
    Ok(AudienceView {
        title,
        blank: false,
        subfacet: Some(AudienceSubfacet {
            facet: catalog()
                .facet(&sf.facet_id)
                .map_or_else(String::new, |f| f.name.clone()),
            name: sf.name.clone(),
            asks: sf.summary.clone(),
            stages: catalog()
                .stages
                .iter()
                .map(|st| AudienceStage {
                    number: st.number,
                    name: st.name.clone(),
                    descriptor: sf.descriptor(st.number).unwrap_or_default().to_string(),
                })
                .collect(),
            round,
            scoring,
            raters: raters.len(),
            scored: answers.len(),
            reveal,
            agreed,
        }),
        timer: request.timer.clone(),
        room: None,
    })
}
