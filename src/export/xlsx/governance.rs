//! Step 6 across three sheets: who decides and how a badge comes to be (roles, committee,
//! request workflow, proposal contents, cadence), the RACI matrix, and what badges look like
//! (levels, pathways, metadata).

use super::formats::{BAD, CURRENT, GOOD, NONE, WATCH};
use super::sheet::{Col, V};
use super::Ctx;
use crate::model::{PathwayKind, Raci};
use rust_xlsxwriter::{Worksheet, XlsxError};

fn yes_no(b: bool) -> V {
    V::s(if b { "Yes" } else { "No" })
}

pub(super) fn governance(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let s = &plan.settings;
    let mut sh = ctx.sheet("Governance", &[30.0, 50.0, 28.0, 34.0, 34.0, 16.0])?;
    sh.title(
        "Governance",
        "Step 6: who decides and how a badge comes to be — the roles and who holds them, the approval committee, \
         the badge request workflow, what a proposal must contain, and how often the program is reviewed. The \
         RACI matrix and the badge taxonomy have sheets of their own.",
    )?;
    sh.freeze_title()?;
    let empty = plan.roles.is_empty()
        && plan.committee_members.is_empty()
        && plan.workflow_stages.is_empty()
        && plan.proposal_items.is_empty()
        && s.review_cadence.trim().is_empty()
        && s.approval_criteria.trim().is_empty()
        && s.badge_requirements.trim().is_empty();
    if empty {
        sh.not_yet_written("no roles, committee, workflow or review cadence yet (step 6).")?;
        return Ok(sh.finish());
    }
    sh.pairs(&[
        ("Review cadence", V::s(&s.review_cadence)),
        ("Next review", V::d(s.next_review)),
        ("Published badge requirements", V::s(&s.badge_requirements)),
        ("Approval criteria", V::s(&s.approval_criteria)),
    ])?;

    sh.section("Roles")?;
    let rows: Vec<Vec<V>> = plan
        .roles
        .iter()
        .map(|r| {
            vec![
                V::s(&r.name),
                V::s(&r.description),
                V::s(r.people.join("\n")),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Role"),
        Col::text("What it does"),
        Col::text("Held by"),
    ];
    sh.table("Roles", &cols, &rows, "No roles named yet.")?;

    sh.section("Badge approval committee")?;
    let rows: Vec<Vec<V>> = plan
        .committee_members
        .iter()
        .map(|m| {
            let name = if m.name.trim().is_empty() {
                "Seat to fill"
            } else {
                &m.name
            };
            vec![V::s(name), V::s(&m.represents)]
        })
        .collect();
    let cols = [Col::bold("Member"), Col::text("Represents")];
    sh.table("Committee", &cols, &rows, "No committee seats named yet.")?;

    sh.section("Badge request workflow")?;
    let role = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| plan.roles.iter().find(|r| r.id == id))
            .map_or(String::new(), |r| r.name.clone())
    };
    let rows: Vec<Vec<V>> = plan
        .workflow_stages
        .iter()
        .enumerate()
        .map(|(i, w)| {
            vec![
                V::s(format!("{}. {}", i + 1, w.name)),
                V::s(&w.description),
                V::s(role(&w.responsible_role_id)),
                V::s(&w.inputs),
                V::s(&w.outputs),
                V::s(&w.expected_time),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Stage"),
        Col::text("What happens"),
        Col::text("Responsible"),
        Col::text("Inputs"),
        Col::text("Outputs"),
        Col::center("Expected time"),
    ];
    sh.table("Workflow", &cols, &rows, "No workflow stages yet.")?;

    sh.section("What a badge proposal contains")?;
    let rows: Vec<Vec<V>> = plan
        .proposal_items
        .iter()
        .map(|p| vec![V::s(&p.name), V::s(&p.description), yes_no(p.required)])
        .collect();
    let cols = [
        Col::bold("Item"),
        Col::text("What it holds"),
        Col::center("Required").choices(["Yes", "No"]),
    ];
    if let Some(t) = sh.table(
        "ProposalItems",
        &cols,
        &rows,
        "No proposal contents listed yet.",
    )? {
        sh.colour_text((t.first, t.last), (2, 2), &[("Yes", GOOD), ("No", NONE)])?;
    }
    Ok(sh.finish())
}

pub(super) fn raci(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut widths = vec![40.0];
    widths.extend(plan.roles.iter().map(|_| 16.0));
    let mut sh = ctx.sheet("RACI", &widths)?;
    sh.title(
        "RACI matrix",
        "Who is Responsible (does the work), Accountable (answers for it; one per activity), Consulted and \
         Informed for each activity of the program. Each cell offers R, A, C or I.",
    )?;
    if plan.raci_activities.is_empty() || plan.roles.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no RACI activities or roles yet (step 6).")?;
        return Ok(sh.finish());
    }
    let rows: Vec<Vec<V>> = plan
        .raci_activities
        .iter()
        .map(|a| {
            let mut row = vec![V::s(&a.name)];
            row.extend(plan.roles.iter().map(|r| {
                plan.raci_assignments
                    .iter()
                    .find(|x| x.activity_id == a.id && x.role_id == r.id)
                    .map_or(V::Blank, |x| V::s(x.code.letter()))
            }));
            row
        })
        .collect();
    let mut cols = vec![Col::bold("Activity")];
    let letters = [
        Raci::Responsible,
        Raci::Accountable,
        Raci::Consulted,
        Raci::Informed,
    ]
    .map(Raci::letter);
    cols.extend(
        super::sheet::unique_headers(plan.roles.iter().map(|r| r.name.as_str()), "Role")
            .into_iter()
            .map(|h| Col::center(&h).choices(letters)),
    );
    if let Some(t) = sh.table("Raci", &cols, &rows, "")? {
        sh.freeze_header(&t, 1)?;
        let last = cols.len() as u16 - 1;
        sh.colour_text(
            (t.first, t.last),
            (1, last),
            &[("R", CURRENT), ("A", BAD), ("C", WATCH), ("I", NONE)],
        )?;
    }
    Ok(sh.finish())
}

pub(super) fn badges(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Badge taxonomy", &[26.0, 44.0, 34.0, 34.0, 28.0])?;
    sh.title(
        "Badge taxonomy",
        "What the program's badges look like: the levels and what sets each apart, the pathways that stack them, \
         and the metadata every badge carries.",
    )?;
    sh.freeze_title()?;
    if plan.badge_levels.is_empty() && plan.pathways.is_empty() && plan.metadata_fields.is_empty() {
        sh.not_yet_written("no badge levels, pathways or metadata yet (step 6).")?;
        return Ok(sh.finish());
    }
    sh.section("Badge levels")?;
    let rows: Vec<Vec<V>> = plan
        .badge_levels
        .iter()
        .map(|l| {
            vec![
                V::s(&l.name),
                V::s(&l.description),
                V::s(&l.assessment),
                V::s(&l.evidence),
                V::s(&l.visual_cue),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Level"),
        Col::text("Description"),
        Col::text("Assessment"),
        Col::text("Evidence"),
        Col::text("Visual cue"),
    ];
    sh.table("BadgeLevels", &cols, &rows, "No badge levels yet.")?;

    sh.section("Stackable pathways")?;
    let level = |id: &String| {
        plan.badge_levels
            .iter()
            .find(|l| &l.id == id)
            .map(|l| l.name.as_str())
    };
    let rows: Vec<Vec<V>> = plan
        .pathways
        .iter()
        .map(|p| {
            let kind = match p.kind {
                PathwayKind::Vertical => "Vertical",
                PathwayKind::Horizontal => "Horizontal",
            };
            let levels: Vec<&str> = p.level_ids.iter().filter_map(level).collect();
            vec![
                V::s(&p.name),
                V::s(&p.description),
                V::s(kind),
                V::s(levels.join(" → ")),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Pathway"),
        Col::text("Description"),
        Col::center("Kind").choices(["Vertical", "Horizontal"]),
        Col::text("Levels it climbs"),
    ];
    sh.table("Pathways", &cols, &rows, "No pathways yet.")?;

    sh.section("Metadata every badge carries")?;
    let rows: Vec<Vec<V>> = plan
        .metadata_fields
        .iter()
        .map(|m| vec![V::s(&m.name), V::s(&m.description), yes_no(m.required)])
        .collect();
    let cols = [
        Col::bold("Field"),
        Col::text("Description"),
        Col::center("Required").choices(["Yes", "No"]),
    ];
    sh.table("MetadataFields", &cols, &rows, "No metadata fields yet.")?;
    Ok(sh.finish())
}
