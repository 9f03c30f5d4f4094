//! How the committee's scores combine: per sub-facet the spread of opinion and the stage the
//! plan uses, per facet the mean of those stages. Pure functions over the plan's data.

use super::lookup::find_assessment;
use super::rounds::results_round;
use crate::catalog::catalog;
use crate::error::Result;
use crate::model::{Agreement, Assessment, Plan, Rating, Score};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Scores this many stages apart mean the committee sees the sub-facet differently and should
/// talk before agreeing.
pub const DISAGREEMENT_SPREAD: u8 = 2;

/// The raters' scores for one sub-facet, combined.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct Aggregate {
    /// How many raters gave a stage (not-applicable answers are counted apart).
    pub count: usize,
    pub median: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
    /// `max - min`; 0 when fewer than two stages were given.
    pub spread: u8,
    /// How many raters gave each stage, Exploratory (index 0) to Immersive (index 4).
    pub distribution: [usize; 5],
    pub not_applicable: usize,
    /// Raters who answered "don't know": counted, but left out of the median and the spread.
    pub abstained: usize,
    /// The reasons given for "not applicable", each once, in the order first given.
    pub reasons: Vec<String>,
    /// True when two stages given are `DISAGREEMENT_SPREAD` or more apart.
    pub disagreement: bool,
}

impl Aggregate {
    /// Combines scores. Only stages 1–5 can be stored, so anything else is ignored rather
    /// than counted.
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a Score>) -> Aggregate {
        let mut a = Aggregate::default();
        for score in scores {
            match score {
                Score::Stage(s @ 1..=5) => a.distribution[usize::from(*s) - 1] += 1,
                Score::Stage(_) => {}
                Score::NotApplicable(reason) => {
                    a.not_applicable += 1;
                    let reason = reason.trim();
                    if !a.reasons.iter().any(|r| r == reason) {
                        a.reasons.push(reason.to_string());
                    }
                }
                Score::Abstained(_) => a.abstained += 1,
            }
        }
        a.count = a.distribution.iter().sum();
        let given = |i: &usize| a.distribution[*i] > 0;
        a.min = (0..5).find(given).map(|i| i as u8 + 1);
        a.max = (0..5).rev().find(given).map(|i| i as u8 + 1);
        if let (Some(lo), Some(hi)) = (a.min, a.max) {
            a.spread = hi - lo;
            a.disagreement = a.spread >= DISAGREEMENT_SPREAD;
            let lower = a.nth_stage((a.count - 1) / 2);
            let upper = a.nth_stage(a.count / 2);
            a.median = Some((f64::from(lower) + f64::from(upper)) / 2.0);
        }
        a
    }

    /// The stage at position `n` (0-based) of the scores in ascending order.
    fn nth_stage(&self, n: usize) -> u8 {
        let mut seen = 0;
        for (i, k) in self.distribution.iter().enumerate() {
            seen += k;
            if n < seen {
                return i as u8 + 1;
            }
        }
        unreachable!("n is below the number of scores")
    }

    /// The stage proposed until the committee agrees one: the median, rounded down (a
    /// committee split between two stages has not yet reached the higher one). With no stage
    /// given but some "not applicable", the proposal is not applicable, with the reasons.
    pub fn proposed(&self) -> Option<Score> {
        match self.median {
            Some(m) => Some(Score::Stage(m.floor() as u8)),
            None if self.not_applicable > 0 => Some(Score::NotApplicable(self.reasons.join("; "))),
            None => None,
        }
    }
}

/// One sub-facet of an assessment: the scores, what the committee agreed, and the stage the
/// plan uses.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SubfacetResult {
    pub subfacet_id: String,
    pub facet_id: String,
    pub aggregate: Aggregate,
    /// What the facilitator recorded, if anything yet.
    pub agreement: Option<Agreement>,
    /// The agreed score, or the proposal from the scores until one is agreed; `None` when
    /// nobody has scored the sub-facet.
    pub current: Option<Score>,
    /// The evidence raters cited for their own scores, in the order they scored.
    pub rater_evidence: Vec<String>,
}

impl SubfacetResult {
    pub fn current_stage(&self) -> Option<u8> {
        self.current.as_ref().and_then(Score::stage)
    }
}

/// One facet: the mean of its sub-facets' current stages and the profile behind it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FacetResult {
    pub facet_id: String,
    pub name: String,
    /// Mean of the current stages of the sub-facets that have one; `None` when none has.
    pub mean: Option<f64>,
    /// Each sub-facet in model order with its current stage (`None`: not applicable or not
    /// yet scored).
    pub profile: Vec<(String, Option<u8>)>,
    /// Sub-facets left out of the mean because they do not apply.
    pub not_applicable: Vec<String>,
    /// Sub-facets left out because nobody has scored them.
    pub unscored: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Results {
    pub assessment_id: String,
    /// Every sub-facet of the model, in model order.
    pub subfacets: Vec<SubfacetResult>,
    pub facets: Vec<FacetResult>,
}

impl Results {
    pub fn subfacet(&self, id: &str) -> Option<&SubfacetResult> {
        self.subfacets.iter().find(|s| s.subfacet_id == id)
    }
}

/// The ratings that make an assessment's results: per sub-facet, those of its results round
/// (see `rounds::results_round`).
pub(crate) fn result_ratings<'a>(plan: &'a Plan, assessment: &Assessment) -> Vec<&'a Rating> {
    let mut round: HashMap<&str, u32> = HashMap::new();
    assessment_ratings(plan, &assessment.id)
        .into_iter()
        .filter(|r| {
            let n = *round
                .entry(r.subfacet_id.as_str())
                .or_insert_with(|| results_round(plan, assessment, &r.subfacet_id));
            r.round == n
        })
        .collect()
}

/// The ratings given by the raters of one assessment, in every round.
pub(crate) fn assessment_ratings<'a>(plan: &'a Plan, assessment_id: &str) -> Vec<&'a Rating> {
    let raters: HashSet<&str> = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == assessment_id)
        .map(|r| r.id.as_str())
        .collect();
    plan.ratings
        .iter()
        .filter(|r| raters.contains(r.rater_id.as_str()))
        .collect()
}

/// The results of an assessment whatever its reveal state: callers that show them to people
/// go through the view or check the reveal themselves.
pub(crate) fn compute(plan: &Plan, assessment_id: &str) -> Result<Results> {
    let assessment = find_assessment(plan, assessment_id)?;
    let mut scores: HashMap<&str, Vec<&Score>> = HashMap::new();
    let mut evidence: HashMap<&str, Vec<String>> = HashMap::new();
    for r in result_ratings(plan, assessment) {
        scores
            .entry(r.subfacet_id.as_str())
            .or_default()
            .push(&r.score);
        if !r.evidence.trim().is_empty() {
            evidence
                .entry(r.subfacet_id.as_str())
                .or_default()
                .push(r.evidence.trim().to_string());
        }
    }
    let agreements: HashMap<&str, &Agreement> = plan
        .agreements
        .iter()
        .filter(|a| a.assessment_id == assessment.id)
        .map(|a| (a.subfacet_id.as_str(), a))
        .collect();
    let subfacets: Vec<SubfacetResult> = catalog()
        .subfacets()
        .map(|sf| {
            let aggregate =
                Aggregate::of(scores.get(sf.id.as_str()).into_iter().flatten().copied());
            let agreement = agreements.get(sf.id.as_str()).map(|a| (*a).clone());
            let current = match &agreement {
                Some(a) => Some(a.score.clone()),
                None => aggregate.proposed(),
            };
            SubfacetResult {
                subfacet_id: sf.id.clone(),
                facet_id: sf.facet_id.clone(),
                aggregate,
                agreement,
                current,
                rater_evidence: evidence.remove(sf.id.as_str()).unwrap_or_default(),
            }
        })
        .collect();
    let facets = facet_results(&subfacets);
    Ok(Results {
        assessment_id: assessment.id.clone(),
        subfacets,
        facets,
    })
}

/// Facet means over sub-facet results (given in model order).
pub fn facet_results(subfacets: &[SubfacetResult]) -> Vec<FacetResult> {
    catalog()
        .facets
        .iter()
        .map(|facet| {
            let mut out = FacetResult {
                facet_id: facet.id.clone(),
                name: facet.name.clone(),
                mean: None,
                profile: vec![],
                not_applicable: vec![],
                unscored: vec![],
            };
            let mut stages = Vec::new();
            for sf in subfacets.iter().filter(|s| s.facet_id == facet.id) {
                let id = sf.subfacet_id.clone();
                match &sf.current {
                    Some(Score::Stage(s)) => stages.push(f64::from(*s)),
                    Some(Score::NotApplicable(_)) => out.not_applicable.push(id.clone()),
                    // Only a rater abstains; a sub-facet's current score never does.
                    Some(Score::Abstained(_)) | None => out.unscored.push(id.clone()),
                }
                out.profile.push((id, sf.current_stage()));
            }
            if !stages.is_empty() {
                out.mean = Some(stages.iter().sum::<f64>() / stages.len() as f64);
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stages(s: &[u8]) -> Vec<Score> {
        s.iter().map(|s| Score::Stage(*s)).collect()
    }

    fn na(reason: &str) -> Score {
        Score::NotApplicable(reason.into())
    }

    #[test]
    fn a_single_rater_is_the_median_min_and_max_with_no_spread() {
        let a = Aggregate::of(&stages(&[3]));
        assert_eq!(
            (a.count, a.median, a.min, a.max, a.spread),
            (1, Some(3.0), Some(3), Some(3), 0)
        );
        assert_eq!(
            a.distribution,
            [0, 0, 1, 0, 0],
            "one score lands in one stage"
        );
        assert!(!a.disagreement, "one rater cannot disagree with themselves");
        assert_eq!(a.proposed(), Some(Score::Stage(3)));
    }

    #[test]
    fn an_even_count_takes_the_mean_of_the_middle_two_and_proposes_it_rounded_down() {
        let a = Aggregate::of(&stages(&[4, 1, 2, 3]));
        assert_eq!(a.median, Some(2.5), "the middle two of 1,2,3,4 are 2 and 3");
        assert_eq!(a.proposed(), Some(Score::Stage(2)), "2.5 rounds down to 2");
        let b = Aggregate::of(&stages(&[2, 4]));
        assert_eq!(b.median, Some(3.0), "2 and 4 average to a whole stage");
        assert_eq!(b.proposed(), Some(Score::Stage(3)));
    }

    #[test]
    fn a_tie_between_two_stages_resolves_to_the_lower_stage() {
        let a = Aggregate::of(&stages(&[2, 3, 3, 2]));
        assert_eq!(a.distribution, [0, 2, 2, 0, 0]);
        assert_eq!(a.median, Some(2.5));
        assert_eq!(
            a.proposed(),
            Some(Score::Stage(2)),
            "a split committee has not reached the higher stage"
        );
        let odd = Aggregate::of(&stages(&[5, 1, 5, 1, 3]));
        assert_eq!(odd.median, Some(3.0), "an odd count takes the middle score");
    }

    #[test]
    fn twenty_raters_combine_into_one_distribution() {
        let scores: Vec<u8> = (0..20)
            .map(|i| [1, 2, 2, 3, 3, 3, 3, 4, 4, 5][i % 10])
            .collect();
        let a = Aggregate::of(&stages(&scores));
        assert_eq!(a.count, 20);
        assert_eq!(
            a.distribution,
            [2, 4, 8, 4, 2],
            "each stage counted once per rater"
        );
        assert_eq!(a.median, Some(3.0));
        assert_eq!((a.min, a.max, a.spread), (Some(1), Some(5), 4));
        assert!(a.disagreement);
    }

    #[test]
    fn all_not_applicable_gives_no_stage_and_proposes_not_applicable_with_the_reasons() {
        let a = Aggregate::of(&[
            na("No industry partners yet"),
            na("Out of scope"),
            na("Out of scope "),
        ]);
        assert_eq!((a.count, a.median, a.min, a.max), (0, None, None, None));
        assert_eq!(a.not_applicable, 3);
        assert_eq!(
            a.reasons,
            ["No industry partners yet", "Out of scope"],
            "each reason listed once"
        );
        assert!(!a.disagreement);
        assert_eq!(
            a.proposed(),
            Some(Score::NotApplicable(
                "No industry partners yet; Out of scope".into()
            ))
        );
    }

    #[test]
    fn not_applicable_answers_are_left_out_of_the_stage_statistics() {
        let a = Aggregate::of(&[Score::Stage(2), na("New to us"), Score::Stage(4)]);
        assert_eq!((a.count, a.not_applicable), (2, 1));
        assert_eq!(
            a.median,
            Some(3.0),
            "the median is over the two stages given"
        );
    }

    #[test]
    fn scores_exactly_two_stages_apart_are_a_disagreement_and_one_apart_is_not() {
        assert!(
            Aggregate::of(&stages(&[1, 3])).disagreement,
            "1 and 3 are two stages apart"
        );
        assert!(
            Aggregate::of(&stages(&[3, 3, 5])).disagreement,
            "3 and 5 are two stages apart"
        );
        let close = Aggregate::of(&stages(&[2, 3, 3, 2]));
        assert_eq!(close.spread, 1);
        assert!(
            !close.disagreement,
            "neighbouring stages are ordinary variation"
        );
    }

    #[test]
    fn abstentions_are_counted_but_left_out_of_the_median_and_the_spread() {
        let dont_know = Score::Abstained(String::new());
        let a = Aggregate::of(&[
            Score::Stage(1),
            dont_know.clone(),
            Score::Stage(2),
            dont_know.clone(),
            na("Not offered here"),
        ]);
        assert_eq!((a.count, a.abstained, a.not_applicable), (2, 2, 1));
        assert_eq!(
            a.median,
            Some(1.5),
            "the median is over the two stages given"
        );
        assert_eq!((a.spread, a.disagreement), (1, false));
        assert_eq!(a.proposed(), Some(Score::Stage(1)));
        let nobody_knows = Aggregate::of(&[dont_know.clone(), dont_know]);
        assert_eq!((nobody_knows.count, nobody_knows.abstained), (0, 2));
        assert_eq!(
            nobody_knows.proposed(),
            None,
            "a committee that does not know proposes nothing, not \"not applicable\""
        );
    }

    #[test]
    fn no_scores_propose_nothing() {
        let a = Aggregate::of(&[]);
        assert_eq!(a, Aggregate::default());
        assert_eq!(a.proposed(), None);
    }
}
