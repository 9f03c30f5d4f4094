//! Step 2, vision: answers to the guided questions (per stakeholder perspective where the
//! question asks for one) and the vision statements drafted from them.

use super::{Id, Kind};
use crate::catalog::catalog;
use crate::record::{drop_from, links_in, Checker, Link, Record, Unlinked};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisionAnswer {
    pub id: Id,
    /// One of the catalog's guided questions.
    pub question_id: String,
    /// The stakeholder perspective the answer speaks for, where the question asks per perspective.
    pub perspective: Option<String>,
    pub text: String,
}

impl Record for VisionAnswer {
    const KIND: Kind = Kind::VisionAnswer;
    fn id(&self) -> &str {
        &self.id
    }
    fn unique_key(&self) -> Option<(String, &'static str)> {
        let p = self.perspective.as_deref().unwrap_or("");
        Some((
            format!("{}|{p}", self.question_id),
            "this question already has an answer for this perspective",
        ))
    }
    fn check(&self, c: &mut Checker) {
        c.text("text", &self.text);
        let Some(q) = catalog().vision_question(&self.question_id) else {
            c.known("question_id", &self.question_id, false, "vision question");
            return;
        };
        match (&self.perspective, q.per_perspective) {
            (Some(p), true) => {
                let known = q.perspectives.iter().any(|x| x == p);
                c.known("perspective", p, known, "perspective for this question");
            }
            (Some(_), false) => {
                c.problem("perspective", "this question is not asked per perspective")
            }
            (None, true) => c.problem(
                "perspective",
                "this question is asked per perspective; say which one",
            ),
            (None, false) => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisionStatement {
    pub id: Id,
    pub text: String,
    /// The strategic priorities this statement serves.
    pub priority_ids: Vec<Id>,
}

impl Record for VisionStatement {
    const KIND: Kind = Kind::VisionStatement;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        links_in("priority_ids", Kind::Priority, &self.priority_ids).collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Priority => drop_from(&mut self.priority_ids, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.required("text", &self.text);
    }
}
