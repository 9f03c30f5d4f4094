//! Step 7 across three sheets: the badge catalogue with what each badge lacks under the
//! metadata policy, the pathways that stack badges into a credential, and the issuing plan.

use super::formats::{BAD, GOOD, WATCH};
use super::sheet::{Col, V};
use super::Ctx;
use crate::model::{expiry_label, gaps_line, BadgeStatus, Plan};
use rust_xlsxwriter::{Worksheet, XlsxError};

fn badge_name(plan: &Plan, id: &str) -> Option<String> {
    plan.badges
        .iter()
        .find(|b| b.id == id)
        .map(|b| b.name.clone())
}

pub(super) fn catalogue(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet(
        "Badges",
        &[30.0, 18.0, 12.0, 44.0, 40.0, 36.0, 26.0, 24.0, 16.0, 34.0],
    )?;
    sh.title(
        "Badges",
        "Step 7: the badge catalogue — each badge's level, status, criteria, evidence, skills, issuer, owner and \
         expiry, and what it still lacks before it can be published under the metadata policy.",
    )?;
    sh.freeze_title()?;
    if plan.badges.is_empty() {
        sh.not_yet_written("no badges in the catalogue yet (step 7).")?;
        return Ok(sh.finish());
    }
    let rows: Vec<Vec<V>> = plan
        .badges
        .iter()
        .map(|b| {
            let level = b
                .level_id
                .as_deref()
                .and_then(|id| plan.badge_levels.iter().find(|l| l.id == id))
                .map_or(String::new(), |l| l.name.clone());
            let frameworks: Vec<&str> = b
                .framework_ids
                .iter()
                .filter_map(|id| plan.frameworks.iter().find(|f| &f.id == id))
                .map(|f| f.name.as_str())
                .collect();
            let skills = match (b.skills.trim(), frameworks.is_empty()) {
                (s, true) => s.to_string(),
                ("", false) => format!("Aligned to {}", frameworks.join(", ")),
                (s, false) => format!("{s}\nAligned to {}", frameworks.join(", ")),
            };
            let gaps = gaps_line(b);
            vec![
                V::s(&b.name),
                V::s(level),
                V::s(b.status.label()),
                V::s(&b.criteria),
                V::s(&b.evidence),
                V::s(skills),
                V::s(&b.issuer),
                V::s(&b.owner),
                V::s(expiry_label(b.expiry_months)),
                V::s(if gaps.is_empty() {
                    "Ready to publish".to_string()
                } else {
                    gaps
                }),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Badge"),
        Col::text("Level"),
        Col::center("Status").choices(BadgeStatus::ALL.map(BadgeStatus::label)),
        Col::text("Criteria"),
        Col::text("Evidence required"),
        Col::text("Skills"),
        Col::text("Issuer"),
        Col::text("Owner"),
        Col::text("Expiry"),
        Col::text("Missing for publication"),
    ];
    if let Some(t) = sh.table("BadgeCatalogue", &cols, &rows, "No badges yet.")? {
        sh.colour_text(
            (t.first, t.last),
            (2, 2),
            &[
                (BadgeStatus::Live.label(), GOOD),
                (BadgeStatus::Piloting.label(), WATCH),
                (BadgeStatus::Retired.label(), BAD),
            ],
        )?;
    }
    Ok(sh.finish())
}

pub(super) fn pathways(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Pathways", &[30.0, 34.0, 60.0, 44.0])?;
    sh.title(
        "Pathways",
        "Step 7: the sequences of badges that stack to a larger credential, each badge in the order an earner \
         takes it.",
    )?;
    sh.freeze_title()?;
    if plan.badge_pathways.is_empty() {
        sh.not_yet_written("no pathways of badges yet (step 7).")?;
        return Ok(sh.finish());
    }
    let rows: Vec<Vec<V>> = plan
        .badge_pathways
        .iter()
        .map(|p| {
            let chain: Vec<String> = p
                .badge_ids
                .iter()
                .filter_map(|id| badge_name(plan, id))
                .collect();
            vec![
                V::s(&p.name),
                V::s(&p.credential),
                V::s(chain.join(" → ")),
                V::s(&p.description),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Pathway"),
        Col::text("Leads to"),
        Col::text("Badges, in order"),
        Col::text("Description"),
    ];
    sh.table("BadgePathways", &cols, &rows, "No pathways yet.")?;
    Ok(sh.finish())
}

pub(super) fn issuing(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Issuing", &[26.0, 10.0, 40.0, 40.0, 34.0, 30.0, 28.0])?;
    sh.title(
        "Issuing",
        "Step 7: how badges are issued — the platform, the courses or course shells that issue which badges, the \
         cohorts, how the student information system names them and who issues; the pilot is marked.",
    )?;
    sh.freeze_title()?;
    if plan.issuing_routes.is_empty() {
        sh.not_yet_written("no issuing plan yet (step 7).")?;
        return Ok(sh.finish());
    }
    let rows: Vec<Vec<V>> = plan
        .issuing_routes
        .iter()
        .map(|r| {
            let badges: Vec<String> = r
                .badge_ids
                .iter()
                .filter_map(|id| badge_name(plan, id))
                .collect();
            vec![
                V::s(&r.platform),
                V::s(if r.pilot { "Yes" } else { "No" }),
                V::s(&r.courses),
                V::s(badges.join("\n")),
                V::s(&r.cohorts),
                V::s(&r.sis_name),
                V::s(&r.issued_by),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Platform"),
        Col::center("Pilot").choices(["Yes", "No"]),
        Col::text("Courses or shells"),
        Col::text("Badges issued"),
        Col::text("Cohorts"),
        Col::text("Student system name"),
        Col::text("Issued by"),
    ];
    sh.table("IssuingRoutes", &cols, &rows, "No issuing routes yet.")?;
    Ok(sh.finish())
}
