//! Step 6, standards and skills: the skills frameworks and standards the program's badges align
//! to, and the register of doubts about its rigour. Both sit on the governance step because the
//! committee that approves badges is the one that answers for their credibility; the journey
//! stalls here when a doubt is left unanswered.

use super::{Id, Kind};
use crate::catalog::catalog;
use crate::record::{drop_from, links_in, Checker, Link, Record, Unlinked};
use serde::{Deserialize, Serialize};

/// A skills framework or standard the program aligns its badges to: one of the catalog's
/// (ESCO, O*NET…) or one the organisation names itself.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub id: Id,
    /// The catalog's framework this is, if chosen from it; its name is copied into `name`.
    pub catalog_id: Option<String>,
    /// The framework as the plan names it: "ESCO", "Provincial qualifications framework".
    pub name: String,
    /// How badges align to it: which of its skills or levels a badge cites, and who checks.
    pub alignment: String,
    /// The badge levels it applies to; none means every level.
    pub level_ids: Vec<Id>,
}

impl Record for Framework {
    const KIND: Kind = Kind::Framework;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        links_in("level_ids", Kind::BadgeLevel, &self.level_ids).collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::BadgeLevel => drop_from(&mut self.level_ids, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("alignment", &self.alignment);
        if let Some(id) = &self.catalog_id {
            let known = catalog().skills_framework(id).is_some();
            c.known("catalog_id", id, known, "skills framework of the catalog");
        }
    }
}

/// Whether a doubt about rigour has been answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectionStatus {
    #[default]
    Open,
    Answered,
}

impl ObjectionStatus {
    pub const ALL: [ObjectionStatus; 2] = [ObjectionStatus::Open, ObjectionStatus::Answered];

    pub fn label(self) -> &'static str {
        match self {
            ObjectionStatus::Open => "Open",
            ObjectionStatus::Answered => "Answered",
        }
    }
}

/// A doubt someone raised about the program's rigour or credibility, and the plan's answer.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    pub id: Id,
    /// The doubt, as it was put: "Badges are not as rigorous as courses".
    pub objection: String,
    /// Who raised it: a person, a department, a body.
    pub raised_by: String,
    /// The plan's answer.
    pub answer: String,
    /// What backs the answer: a policy, a framework alignment, an employer's endorsement.
    pub evidence: String,
    pub status: ObjectionStatus,
}

impl Record for Objection {
    const KIND: Kind = Kind::Objection;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.required("objection", &self.objection);
        c.text("raised_by", &self.raised_by);
        c.text("answer", &self.answer);
        c.text("evidence", &self.evidence);
        if self.status == ObjectionStatus::Answered && self.answer.trim().is_empty() {
            c.problem("status", "cannot be Answered until the answer is written");
        }
    }
}
