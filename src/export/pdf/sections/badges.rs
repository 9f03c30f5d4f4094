//! Section 7, badges and issuing: the badge catalogue with what each badge still lacks under
//! the metadata policy, each pathway drawn as a chain from its first badge to its credential,
//! and the issuing plan with its pilot marked.

use super::or_dash;
use crate::export::doc::charts::chain;
use crate::export::doc::table::{col, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{note, pill};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{Style, AMBER, INK, NAVY, TEAL_LIGHT, WHITE};
use crate::model::{expiry_label, metadata_gaps, Badge, BadgePathway, BadgeStatus, Plan};

pub fn section(w: &mut Doc, plan: &Plan) {
    catalogue(w, plan);
    pathways(w, plan);
    issuing(w, plan);
}

fn level_name<'a>(plan: &'a Plan, b: &Badge) -> Option<&'a str> {
    let id = b.level_id.as_deref()?;
    plan.badge_levels
        .iter()
        .find(|l| l.id == id)
        .map(|l| l.name.as_str())
}

fn status_pill(s: BadgeStatus) -> Span {
    match s {
        BadgeStatus::Live => pill(s.label(), NAVY, WHITE),
        BadgeStatus::Piloting => pill(s.label(), AMBER, WHITE),
        _ => pill(s.label(), TEAL_LIGHT, INK),
    }
}

fn catalogue(w: &mut Doc, plan: &Plan) {
    if plan.badges.is_empty() {
        w.heading("Badge catalogue", 1, 40.0);
        w.not_yet_written();
        return;
    }
    let mut t = Table::new(vec![
        col("Badge", 2.6),
        col("Criteria and evidence", 3.6),
        col("Skills, issuer, expiry", 2.6),
        col("Missing for publication", 1.9),
    ]);
    for b in &plan.badges {
        let mut about = vec![
            vec![Span::new(&b.name, Style::cell_bold())],
            vec![status_pill(b.status)],
        ];
        if let Some(level) = level_name(plan, b) {
            about.push(vec![note(format!("Level: {level}"))]);
        }
        if !b.owner.trim().is_empty() {
            about.push(vec![note(format!("Owner: {}", b.owner.trim()))]);
        }
        let mut criteria = vec![vec![Span::new(or_dash(&b.criteria), Style::cell())]];
        if !b.evidence.trim().is_empty() {
            criteria.push(vec![note(format!("Evidence: {}", b.evidence.trim()))]);
        }
        let frameworks: Vec<&str> = b
            .framework_ids
            .iter()
            .filter_map(|id| plan.frameworks.iter().find(|f| &f.id == id))
            .map(|f| f.name.as_str())
            .collect();
        let mut skills = vec![vec![Span::new(or_dash(&b.skills), Style::cell())]];
        if !frameworks.is_empty() {
            skills.push(vec![note(format!("Aligned to {}", frameworks.join(", ")))]);
        }
        skills.push(vec![note(format!("Issuer: {}", or_dash(b.issuer.trim())))]);
        skills.push(vec![note(expiry_label(b.expiry_months))]);
        let gaps = metadata_gaps(b);
        let missing = if gaps.is_empty() {
            Cell::spans(vec![pill("Ready", TEAL_LIGHT, INK)])
        } else {
            Cell::blocks(
                gaps.iter()
                    .map(|g| vec![Span::new(&g.name, Style::cell().colored(AMBER))])
                    .collect(),
            )
        };
        t.row(vec![
            Cell::blocks(about),
            Cell::blocks(criteria),
            Cell::blocks(skills),
            missing,
        ]);
    }
    with_heading(w, "Badge catalogue", 1, &t);
}

fn links(plan: &Plan, p: &BadgePathway) -> Vec<chain::Link> {
    let mut links: Vec<chain::Link> = p
        .badge_ids
        .iter()
        .filter_map(|id| plan.badges.iter().find(|b| &b.id == id))
        .map(|b| chain::Link {
            name: b.name.clone(),
            detail: level_name(plan, b).unwrap_or_default().to_string(),
        })
        .collect();
    links.push(chain::Link {
        name: if p.credential.trim().is_empty() {
            "Credential not named yet".to_string()
        } else {
            p.credential.trim().to_string()
        },
        detail: "Credential".to_string(),
    });
    links
}

fn pathways(w: &mut Doc, plan: &Plan) {
    if plan.badge_pathways.is_empty() {
        w.heading("Pathways to a credential", 1, 40.0);
        w.not_yet_written();
        return;
    }
    let first = links(plan, &plan.badge_pathways[0]);
    let keep = chain::keep(w, &first) + 40.0;
    w.heading("Pathways to a credential", 1, keep);
    for p in &plan.badge_pathways {
        let chain_links = links(plan, p);
        w.heading(&p.name, 2, chain::keep(w, &chain_links) + 14.0);
        if !p.description.trim().is_empty() {
            w.text(&p.description);
            w.gap(4.0);
        }
        chain::draw(w, &chain_links);
        w.gap(6.0);
    }
}

fn issuing(w: &mut Doc, plan: &Plan) {
    if plan.issuing_routes.is_empty() {
        w.heading("Issuing plan", 1, 40.0);
        w.not_yet_written();
        return;
    }
    let mut t = Table::new(vec![
        col("Platform", 2.0),
        col("Courses and student system", 2.8),
        col("Badges", 2.6),
        col("Cohorts and issuer", 2.6),
    ]);
    let mut routes: Vec<_> = plan.issuing_routes.iter().collect();
    // The pilot first: it is where issuing starts.
    routes.sort_by_key(|r| !r.pilot);
    for r in routes {
        let mut platform = vec![vec![Span::new(&r.platform, Style::cell_bold())]];
        if r.pilot {
            platform.push(vec![pill("Pilot", AMBER, WHITE)]);
        }
        let mut courses = vec![vec![Span::new(or_dash(&r.courses), Style::cell())]];
        if !r.sis_name.trim().is_empty() {
            courses.push(vec![note(format!(
                "In the student system: {}",
                r.sis_name.trim()
            ))]);
        }
        let badges: Vec<Vec<Span>> = r
            .badge_ids
            .iter()
            .filter_map(|id| plan.badges.iter().find(|b| &b.id == id))
            .map(|b| vec![Span::new(&b.name, Style::cell())])
            .collect();
        let mut who = vec![vec![Span::new(or_dash(&r.cohorts), Style::cell())]];
        who.push(vec![note(format!(
            "Issued by: {}",
            or_dash(r.issued_by.trim())
        ))]);
        t.row(vec![
            Cell::blocks(platform),
            Cell::blocks(courses),
            if badges.is_empty() {
                Cell::text("—")
            } else {
                Cell::blocks(badges)
            },
            Cell::blocks(who),
        ]);
    }
    with_heading(w, "Issuing plan", 1, &t);
}
