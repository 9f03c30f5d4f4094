//! How firmly each stage of an assessment stands: a board should know which of the stages it
//! reads rest on the committee's opinion alone (no evidence cited when the stage was agreed
//! nor by any rater for their own score) and which on a split vote (raters `DISAGREEMENT_SPREAD` or more
//! stages apart). The PDF names them; the workbook gives each sub-facet's in a column.

use crate::maturity::{Results, SubfacetResult};

/// What a sub-facet's stage rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Firmness {
    /// No evidence was cited when the stage was agreed (or no stage was agreed), nor by any
    /// rater for their score.
    pub opinion_only: bool,
    /// The raters' stages lie far apart.
    pub split: bool,
}

impl Firmness {
    pub fn of(r: &SubfacetResult) -> Firmness {
        Firmness {
            opinion_only: r.rater_evidence.is_empty()
                && r.agreement
                    .as_ref()
                    .is_none_or(|a| a.evidence.trim().is_empty()),
            split: r.aggregate.disagreement,
        }
    }

    /// "Evidence cited", "Opinion only", "Evidence cited; split vote"…
    pub fn label(self) -> &'static str {
        match (self.opinion_only, self.split) {
            (false, false) => "Evidence cited",
            (true, false) => "Opinion only",
            (false, true) => "Evidence cited; split vote",
            (true, true) => "Opinion only; split vote",
        }
    }
}

/// The scored sub-facets whose stage rests on opinion only, and those on a split vote, in
/// model order. Sub-facets nobody scored are left out: there is no stage to doubt.
pub fn to_firm_up(results: &Results) -> (Vec<&SubfacetResult>, Vec<&SubfacetResult>) {
    let scored = results.subfacets.iter().filter(|r| r.current.is_some());
    let (mut opinion, mut split) = (Vec::new(), Vec::new());
    for r in scored {
        let f = Firmness::of(r);
        if f.opinion_only {
            opinion.push(r);
        }
        if f.split {
            split.push(r);
        }
    }
    (opinion, split)
}
