//! Checks a whole plan before it is written: every record's values, ids unique per kind,
//! every pointer leading to a record of the plan, no key repeated. Used for imports and
//! copies; single edits are checked against the store instead.

use crate::error::Problem;
use crate::model::{Kind, Plan};
use crate::record::{Checker, ListVisitor, Record};
use std::collections::{HashMap, HashSet};

/// More records of one kind than this is not a plan but an accident (or an attack).
pub const MAX_RECORDS_PER_KIND: usize = 100_000;

pub fn plan_problems(plan: &Plan) -> Vec<Problem> {
    plan_problems_at(plan, "")
}

/// The same, with every path under `root` (e.g. `plan` inside a plan file).
pub fn plan_problems_at(plan: &Plan, root: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let at = |field: &str| {
        if root.is_empty() {
            field.to_string()
        } else {
            format!("{root}.{field}")
        }
    };
    {
        let mut c = Checker::new(root, &mut problems);
        c.id("id", &plan.id);
        c.name("name", &plan.name);
        let n = plan.name.chars().count();
        if n > crate::store::MAX_NAME {
            c.problem(
                "name",
                format!(
                    "is {n} characters long; a plan name is at most {}",
                    crate::store::MAX_NAME
                ),
            );
        }
    }
    plan.settings
        .check(&mut Checker::new(at("settings"), &mut problems));

    let mut ids = IdIndex::default();
    plan.visit_lists(&mut ids).expect("indexing cannot fail");
    let mut checks = CheckLists {
        root: root.to_string(),
        ids: &ids.ids,
        problems: &mut problems,
    };
    plan.visit_lists(&mut checks).expect("checking cannot fail");
    problems
}

#[derive(Default)]
struct IdIndex {
    ids: HashMap<Kind, HashSet<String>>,
}

impl ListVisitor for IdIndex {
    fn visit<T: Record>(&mut self, list: &[T]) -> crate::Result<()> {
        self.ids
            .insert(T::KIND, list.iter().map(|r| r.id().to_string()).collect());
        Ok(())
    }
}

struct CheckLists<'a> {
    root: String,
    ids: &'a HashMap<Kind, HashSet<String>>,
    problems: &'a mut Vec<Problem>,
}

impl ListVisitor for CheckLists<'_> {
    fn visit<T: Record>(&mut self, list: &[T]) -> crate::Result<()> {
        let field = T::KIND.field();
        let list_path = if self.root.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.root)
        };
        if list.len() > MAX_RECORDS_PER_KIND {
            self.problems.push(Problem {
                path: list_path,
                reason: format!(
                    "holds {} records; the most a plan may hold of one kind is {MAX_RECORDS_PER_KIND}",
                    list.len()
                ),
            });
            return Ok(());
        }
        let mut seen_ids = HashSet::new();
        let mut seen_keys = HashSet::new();
        for (i, r) in list.iter().enumerate() {
            let mut c = Checker::new(format!("{list_path}[{i}]"), self.problems);
            c.id("id", r.id());
            if !seen_ids.insert(r.id()) {
                c.problem(
                    "id",
                    format!("\"{}\" is used by an earlier {}", r.id(), T::KIND.label()),
                );
            }
            r.check(&mut c);
            for l in r.links() {
                let found = self.ids.get(&l.kind).is_some_and(|s| s.contains(l.id));
                if !found {
                    c.problem(
                        &l.field,
                        format!(
                            "refers to {} \"{}\", which is not in the plan",
                            l.kind.label(),
                            l.id
                        ),
                    );
                }
            }
            if let Some((key, reason)) = r.unique_key() {
                if !seen_keys.insert(key) {
                    c.problem("", reason);
                }
            }
        }
        Ok(())
    }
}
