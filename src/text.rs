//! Plans as plain text, for the terminal: the list of plans, a plan's summary and its checks.

use crate::figures::{self, measure_standings, measures_needing_attention};
use crate::model::{gaps_line, metadata_gaps, ObjectionStatus, Plan, ReviewStatus};
use crate::progress::{progress, steps_complete};
use crate::smart::{goal_findings, Severity};
use crate::store::PlanSummary;
use chrono::NaiveDate;
use std::fmt::Write;

pub fn plan_list(plans: &[PlanSummary]) -> String {
    if plans.is_empty() {
        return "No plans yet. Create one with `stepwise create NAME` or `stepwise demo`.\n".into();
    }
    let mut out = String::new();
    for p in plans {
        let org = if p.organisation.is_empty() {
            "—"
        } else {
            &p.organisation
        };
        let _ = writeln!(
            out,
            "{}  {}  ({})  {}/{} steps complete  edited {}",
            p.id,
            p.name,
            org,
            steps_complete(&p.steps),
            p.steps.len(),
            p.updated_at.format("%Y-%m-%d %H:%M")
        );
    }
    out
}

pub fn plan_summary(plan: &Plan, today: NaiveDate) -> String {
    let mut out = String::new();
    let s = &plan.settings;
    let _ = writeln!(out, "{}", plan.name);
    let _ = writeln!(out, "id: {}", plan.id);
    if !s.organisation.is_empty() {
        let _ = writeln!(out, "organisation: {}", s.organisation);
    }
    let _ = writeln!(
        out,
        "goals: {}  measures: {}  requirements: {}  assessments: {}  phases: {}",
        plan.goals.len(),
        plan.measures.len(),
        plan.requirements.len(),
        plan.assessments.len(),
        plan.phases.len()
    );
    let _ = writeln!(out, "{}", crate::figures::board_line(plan));
    let _ = writeln!(out, "{}", standards_line(plan));
    let _ = writeln!(out, "{}", badges_line(plan));
    let _ = writeln!(out, "{}", cycle_line(plan));
    let steps = progress(plan);
    let _ = writeln!(
        out,
        "\nSteps ({} of {} complete):",
        steps_complete(&steps),
        steps.len()
    );
    for st in &steps {
        let mark = if st.is_complete() { "✓" } else { " " };
        let _ = writeln!(
            out,
            " [{mark}] {:>2}. {:<28} {}/{}",
            st.step.number(),
            st.title,
            st.done,
            st.total
        );
        for m in &st.missing {
            let _ = writeln!(out, "          missing: {m}");
        }
    }
    let attention = measures_needing_attention(plan, today);
    if !attention.is_empty() {
        let _ = writeln!(out, "\nMeasures needing attention (as of {today}):");
        for (m, why) in attention {
            let _ = writeln!(out, "  {} — {}", m.indicator, why.join("; "));
        }
    }
    let _ = writeln!(out, "\nThe room's log:");
    out.push_str(&crate::roomlog::log_text(plan));
    out
}

pub fn plan_check(plan: &Plan, today: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "SMART goals (as of {today}):");
    if plan.goals.is_empty() {
        let _ = writeln!(out, "  no goals yet");
    }
    for g in &plan.goals {
        let findings = goal_findings(g, Some(today));
        let verdict = if findings.iter().any(|f| f.severity == Severity::Missing) {
            "not SMART yet"
        } else {
            "SMART"
        };
        let _ = writeln!(out, "  {} — {verdict}", g.title);
        for f in findings {
            let tag = match f.severity {
                Severity::Missing => "missing",
                Severity::Advice => "advice",
            };
            let _ = writeln!(out, "      {tag}: {}", f.message);
        }
    }
    let _ = writeln!(out, "\nSuccess measures:");
    if plan.measures.is_empty() {
        let _ = writeln!(out, "  no measures yet");
    }
    let standings = measure_standings(plan, today);
    for m in &plan.measures {
        let Some(s) = standings.get(&m.id) else {
            continue;
        };
        let _ = writeln!(out, "  {:<12} {}", s.status.label(), m.indicator);
        if let Some(reason) = s.stale_reason(m) {
            let _ = writeln!(out, "               {reason}");
        }
    }
    let _ = writeln!(out, "\nMilestones:");
    if plan.milestones.is_empty() {
        let _ = writeln!(out, "  no milestones yet");
    }
    for m in &plan.milestones {
        let status = match m.done_on {
            _ if m.cycle.is_some() => format!(
                "{} ({})",
                m.status.label(),
                m.cycle.as_deref().unwrap_or_default()
            ),
            _ if m.overdue(today) => "Overdue".to_string(),
            Some(d) => format!("Done {d}"),
            None => m.status.label().to_string(),
        };
        let due = m.due.map_or("no date".to_string(), |d| format!("due {d}"));
        let _ = writeln!(out, "  {status:<16} {} ({due})", m.title);
    }
    board_check(&mut out, plan, today);
    standards_check(&mut out, plan);
    badges_check(&mut out, plan);
    reviews_check(&mut out, plan, today);
    out
}

/// One line for the summary: the badges, how many could be published, the pathways and routes.
fn badges_line(plan: &Plan) -> String {
    let ready = plan
        .badges
        .iter()
        .filter(|b| metadata_gaps(b).is_empty())
        .count();
    format!(
        "badges: {} ({ready} ready to publish)  pathways to a credential: {}  issuing routes: {}",
        plan.badges.len(),
        plan.badge_pathways.len(),
        plan.issuing_routes.len()
    )
}

/// Each badge with its status and what it lacks for publication, each pathway as its chain,
/// and each issuing route with the pilot marked.
fn badges_check(out: &mut String, plan: &Plan) {
    let _ = writeln!(out, "\nBadges:");
    if plan.badges.is_empty() {
        let _ = writeln!(out, "  none yet: add the first badge of the catalogue");
    }
    for b in &plan.badges {
        let _ = writeln!(out, "  {:<9} {}", b.status.label(), b.name.trim());
        let gaps = gaps_line(b);
        if !gaps.is_empty() {
            let _ = writeln!(out, "      lacks for publication: {gaps}");
        }
    }
    let _ = writeln!(out, "\nPathways to a credential:");
    if plan.badge_pathways.is_empty() {
        let _ = writeln!(out, "  none yet: stack badges into a credential");
    }
    for p in &plan.badge_pathways {
        let mut chain: Vec<&str> = p
            .badge_ids
            .iter()
            .filter_map(|id| plan.badges.iter().find(|b| &b.id == id))
            .map(|b| b.name.trim())
            .collect();
        let credential = if p.credential.trim().is_empty() {
            "(credential not named)"
        } else {
            p.credential.trim()
        };
        chain.push(credential);
        let _ = writeln!(out, "  {}: {}", p.name.trim(), chain.join(" -> "));
    }
    let _ = writeln!(out, "\nIssuing:");
    if plan.issuing_routes.is_empty() {
        let _ = writeln!(
            out,
            "  no issuing plan yet: name the platform and the pilot"
        );
    }
    for r in &plan.issuing_routes {
        let pilot = if r.pilot { " (pilot)" } else { "" };
        let _ = writeln!(
            out,
            "  {}{pilot}: {} badge(s); issued by: {}",
            r.platform.trim(),
            r.badge_ids.len(),
            if r.issued_by.trim().is_empty() {
                "nobody named yet"
            } else {
                r.issued_by.trim()
            }
        );
    }
}

/// One line for the summary: the plan's cycle, where it came from, and its reviews.
fn cycle_line(plan: &Plan) -> String {
    let s = &plan.settings;
    let cycle = if s.cycle.trim().is_empty() {
        "not named".to_string()
    } else {
        s.cycle.trim().to_string()
    };
    let from = s.rolled_from.as_ref().map_or(String::new(), |f| {
        format!(" (rolled forward from {})", f.cycle)
    });
    let held = plan
        .reviews
        .iter()
        .filter(|r| r.status == ReviewStatus::Held)
        .count();
    format!(
        "cycle: {cycle}{from}  reviews: {} ({held} held)",
        plan.reviews.len()
    )
}

/// Each review by date, with what it found and changed, or what it still lacks: a held review
/// with no findings, a planned one whose day has passed.
fn reviews_check(out: &mut String, plan: &Plan, today: NaiveDate) {
    let _ = writeln!(out, "\nReviews of the evaluation cycle:");
    let reviews = crate::cycle::reviews_in_order(plan);
    if reviews.is_empty() {
        let _ = writeln!(out, "  none yet: plan the next review");
    }
    for r in reviews {
        let kind = crate::cycle::kind_unless_named(r).map_or(String::new(), |k| format!(" ({k})"));
        let _ = writeln!(
            out,
            "  {:<9} {} {}{kind}",
            r.status.label(),
            r.held_on,
            r.name
        );
        if r.status == ReviewStatus::Held && r.written_findings().next().is_none() {
            let _ = writeln!(out, "      held, but nothing found is recorded");
        }
        if r.status == ReviewStatus::Planned && r.held_on < today {
            let _ = writeln!(
                out,
                "      the day it was planned for is past: record what it found, or move it"
            );
        }
        for f in r.written_findings() {
            let about = crate::cycle::subject(plan, f.goal_id.as_deref(), f.measure_id.as_deref());
            let _ = writeln!(out, "      found ({about}): {}", f.text.trim());
        }
        for c in r.written_changes() {
            let about = crate::cycle::subject(plan, c.goal_id.as_deref(), c.measure_id.as_deref());
            let _ = writeln!(
                out,
                "      changed {} ({about}): {}",
                c.area.label().to_lowercase(),
                c.text.trim()
            );
        }
    }
}

/// One line for the summary: how many frameworks, and how many doubts are still open.
fn standards_line(plan: &Plan) -> String {
    let open = plan
        .objections
        .iter()
        .filter(|o| o.status == ObjectionStatus::Open)
        .count();
    format!(
        "skills frameworks: {}  objections about rigour: {} ({open} open)",
        plan.frameworks.len(),
        plan.objections.len()
    )
}

/// The frameworks badges align to, and each doubt about rigour with its answer or what is
/// missing: an open doubt is what stalls a program at this stage.
fn standards_check(out: &mut String, plan: &Plan) {
    let _ = writeln!(out, "\nSkills frameworks and standards:");
    if plan.frameworks.is_empty() {
        let _ = writeln!(out, "  none yet: name one the badges align to");
    }
    for f in &plan.frameworks {
        let _ = writeln!(out, "  {}", f.name);
        if f.alignment.trim().is_empty() {
            let _ = writeln!(out, "      no alignment written: say how badges cite it");
        }
    }
    let _ = writeln!(out, "\nObjections about rigour:");
    if plan.objections.is_empty() {
        let _ = writeln!(out, "  none recorded");
    }
    for o in &plan.objections {
        let by = if o.raised_by.trim().is_empty() {
            String::new()
        } else {
            format!(" ({})", o.raised_by.trim())
        };
        let _ = writeln!(out, "  {:<9} {}{by}", o.status.label(), o.objection.trim());
        if o.status == ObjectionStatus::Open {
            let _ = writeln!(out, "      not answered yet");
        } else if o.evidence.trim().is_empty() {
            let _ = writeln!(out, "      no evidence given for the answer");
        }
    }
}

/// The decisions requested, soonest first, and the live risks by score, each with what still
/// needs doing: a decision whose day has passed, a risk without an owner or a mitigation.
fn board_check(out: &mut String, plan: &Plan, today: NaiveDate) {
    let _ = writeln!(out, "\nDecisions requested of leadership:");
    if plan.asks.is_empty() {
        let _ = writeln!(out, "  none yet");
    }
    for a in figures::asks_by_date(plan) {
        let by = a
            .decide_by
            .map_or("no date".to_string(), |d| format!("by {d}"));
        let who = if a.decider.trim().is_empty() {
            "no one named".to_string()
        } else {
            a.decider.trim().to_string()
        };
        let _ = writeln!(
            out,
            "  {by:<13} {} — {} ({who} decides)",
            a.title,
            figures::ask_cost(a)
        );
        if a.decide_by.is_some_and(|d| d < today) {
            let _ = writeln!(
                out,
                "      its date has passed: record the decision or set a new date"
            );
        }
        if !a.has_cost() {
            let _ = writeln!(
                out,
                "      no cost given: say what it costs in money, people or time"
            );
        }
    }
    if let Some(total) = figures::asks_total(plan) {
        let _ = writeln!(out, "  in all: {total}");
    }
    let _ = writeln!(out, "\nRisks (likelihood × impact):");
    let ranked = figures::risks_ranked(plan);
    if ranked.is_empty() {
        let _ = writeln!(out, "  no open risks");
    }
    for r in ranked {
        let band = figures::risk_band(r.score());
        let _ = writeln!(
            out,
            "  {:>2} {:<7} {:<11} {}",
            r.score(),
            band.label(),
            r.status.label(),
            r.title
        );
        if r.owner.trim().is_empty() {
            let _ = writeln!(out, "      no owner: name who watches it");
        } else {
            let _ = writeln!(out, "      owner: {}", r.owner.trim());
        }
        if r.mitigation.trim().is_empty() {
            let _ = writeln!(out, "      no mitigation yet");
        }
    }
}
