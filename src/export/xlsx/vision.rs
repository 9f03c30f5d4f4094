//! Steps 1 and 2: the context (programs, stakeholders, priorities, values) and the vision (the
//! statements, then the answers they were drafted from).

use super::sheet::{Col, V};
use super::Ctx;
use crate::catalog::catalog;
use rust_xlsxwriter::{Worksheet, XlsxError};

fn names<'a>(ids: &[String], all: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> String {
    ids.iter()
        .filter_map(|id| all.clone().find(|(x, _)| x == id).map(|(_, name)| name))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn context(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let s = &plan.settings;
    let mut sh = ctx.sheet("Context", &[36.0, 80.0, 34.0])?;
    sh.title(
        "Context",
        "Step 1: the organisation, the programs in scope, the stakeholder groups, and the organisation's own \
         strategic-plan priorities and core values.",
    )?;
    sh.freeze_title()?;
    let empty = s.organisation.trim().is_empty()
        && plan.programs.is_empty()
        && plan.stakeholders.is_empty()
        && plan.priorities.is_empty()
        && plan.core_values.is_empty();
    if empty {
        sh.not_yet_written(
            "the organisation, its programs, stakeholders, priorities and values (step 1).",
        )?;
        return Ok(sh.finish());
    }
    let kind = s
        .organisation_kind
        .as_deref()
        .and_then(|k| catalog().organisation_kinds.iter().find(|x| x.id == k))
        .map_or(String::new(), |k| k.name.clone());
    sh.pairs(&[
        ("Organisation", V::s(&s.organisation)),
        ("Kind", V::s(kind)),
        ("Size", V::s(&s.size)),
    ])?;

    sh.section("Programs in scope")?;
    let rows: Vec<Vec<V>> = plan
        .programs
        .iter()
        .map(|p| vec![V::s(&p.name), V::s(&p.description)])
        .collect();
    sh.table(
        "Programs",
        &[Col::bold("Program"), Col::text("Description")],
        &rows,
        "No programs named yet.",
    )?;

    sh.section("Stakeholder groups")?;
    let rows: Vec<Vec<V>> = plan
        .stakeholders
        .iter()
        .map(|st| {
            let group = st
                .group
                .as_deref()
                .and_then(|g| catalog().stakeholder_groups.iter().find(|x| x.id == g))
                .map_or(String::new(), |g| g.name.clone());
            vec![V::s(&st.name), V::s(&st.notes), V::s(group)]
        })
        .collect();
    sh.table(
        "Stakeholders",
        &[
            Col::bold("Stakeholder group"),
            Col::text("Notes"),
            Col::text("Model group"),
        ],
        &rows,
        "No stakeholder groups named yet.",
    )?;

    sh.section("Strategic-plan priorities")?;
    let rows: Vec<Vec<V>> = plan
        .priorities
        .iter()
        .map(|p| {
            let statements = plan
                .vision_statements
                .iter()
                .filter(|v| v.priority_ids.contains(&p.id))
                .count();
            let goals = plan
                .goals
                .iter()
                .filter(|g| g.priority_ids.contains(&p.id))
                .count();
            vec![
                V::s(&p.title),
                V::s(&p.description),
                V::s(format!("{statements} vision statement(s), {goals} goal(s)")),
            ]
        })
        .collect();
    sh.table(
        "Priorities",
        &[
            Col::bold("Priority"),
            Col::text("Description"),
            Col::text("Served by"),
        ],
        &rows,
        "No strategic priorities listed yet.",
    )?;

    sh.section("Core values")?;
    let rows: Vec<Vec<V>> = plan
        .core_values
        .iter()
        .map(|v| vec![V::s(&v.name), V::s(&v.description)])
        .collect();
    sh.table(
        "CoreValues",
        &[Col::bold("Core value"), Col::text("Description")],
        &rows,
        "No core values listed yet.",
    )?;
    Ok(sh.finish())
}

pub(super) fn vision(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Vision", &[44.0, 26.0, 80.0])?;
    sh.title(
        "Vision",
        "Step 2: the destination. The vision statements first, with the priorities they serve and the goals \
         that move towards them, then the answers to the guided questions they were drafted from.",
    )?;
    sh.freeze_title()?;
    if plan.vision_statements.is_empty() && plan.vision_answers.is_empty() {
        sh.not_yet_written(
            "the answers to the guided questions and the vision statements (step 2).",
        )?;
        return Ok(sh.finish());
    }
    let priorities = plan
        .priorities
        .iter()
        .map(|p| (p.id.as_str(), p.title.as_str()));
    sh.section("Vision statements")?;
    let rows: Vec<Vec<V>> = plan
        .vision_statements
        .iter()
        .map(|v| {
            let goals: Vec<&str> = plan
                .goals
                .iter()
                .filter(|g| g.statement_ids.contains(&v.id))
                .map(|g| g.title.as_str())
                .collect();
            vec![
                V::s(&v.text),
                V::s(names(&v.priority_ids, priorities.clone())),
                V::s(goals.join("\n")),
            ]
        })
        .collect();
    sh.table(
        "VisionStatements",
        &[
            Col::bold("Vision statement"),
            Col::text("Serves priorities"),
            Col::text("Goals moving towards it"),
        ],
        &rows,
        "No vision statement drafted yet.",
    )?;

    sh.section("Answers to the guided questions")?;
    let c = catalog();
    let mut answers: Vec<_> = plan.vision_answers.iter().collect();
    let order = |a: &&crate::model::VisionAnswer| {
        let q = c
            .vision_questions
            .iter()
            .position(|q| q.id == a.question_id);
        let p = a
            .perspective
            .as_deref()
            .and_then(|p| c.perspectives.iter().position(|x| x.id == p));
        (q, p)
    };
    answers.sort_by_key(order);
    let rows: Vec<Vec<V>> = answers
        .iter()
        .map(|a| {
            let question = c
                .vision_question(&a.question_id)
                .map_or(a.question_id.as_str(), |q| q.text.as_str());
            let perspective = a
                .perspective
                .as_deref()
                .map(|p| c.perspective(p).map_or(p, |x| x.name.as_str()))
                .unwrap_or("Everyone");
            vec![V::s(question), V::s(perspective), V::s(&a.text)]
        })
        .collect();
    sh.table(
        "VisionAnswers",
        &[
            Col::text("Question"),
            Col::text("Perspective"),
            Col::text("Answer"),
        ],
        &rows,
        "No guided question answered yet.",
    )?;
    Ok(sh.finish())
}
