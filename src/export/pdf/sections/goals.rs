//! Sections 3 to 5: the SMART goals with their five parts, the success measures that prove
//! them (baseline, target, latest check-in, status), and the business requirements ranked
//! with the metrics chosen for them.

use super::context::priority_titles;
use super::{opt_date, or_dash, quantity, short_date, Ctx};
use crate::catalog::{catalog, RequirementSource};
use crate::export::doc::charts::history::{self, History};
use crate::export::doc::table::{self, col, col_aligned, draw, with_heading, Align, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{note, pill};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{self, Style, AMBER, INK, NAVY, TEAL_LIGHT, WHITE};
use crate::figures::{latest, measure_standing};
use crate::model::Better;
use crate::model::{Goal, Measure};
use crate::smart::{goal_findings, Severity};

/// The title of the appendix that prints every goal in full.
pub const APPENDIX: &str = "Appendix — Goals in full";

/// Section 3. With the goals appendix chosen, the board reads one table of the goals (each
/// one's owner, date, SMART standing and measures) and the five parts of each goal are
/// printed in the appendix; without it, each goal is printed in full here.
pub fn goals(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    if plan.goals.is_empty() {
        w.not_yet_written();
        return;
    }
    if !ctx.appendices.goals {
        w.caption(&format!(
            "{} goal{}, the milestones on the way to the vision. Each is checked as written: what keeps a goal from being SMART is listed under it.",
            plan.goals.len(),
            if plan.goals.len() == 1 { "" } else { "s" }
        ));
        for (i, g) in plan.goals.iter().enumerate() {
            goal(w, ctx, i + 1, g);
        }
        return;
    }
    let mut t = Table::new(vec![
        col_aligned("#", 0.4, Align::Right),
        col("Goal", 4.2),
        col("Owner", 1.9),
        col("Due", 1.55),
        col("SMART", 1.5),
        col_aligned("Measures", 1.1, Align::Center),
    ]);
    for (i, g) in plan.goals.iter().enumerate() {
        let measures = plan.measures.iter().filter(|m| m.goal_id == g.id).count();
        t.row(vec![
            Cell::text((i + 1).to_string()),
            Cell::spans(vec![Span::new(&g.title, Style::cell_bold())]),
            Cell::text(or_dash(&g.owner)),
            Cell::text(opt_date(g.due)),
            Cell::spans(vec![smart_pill(&goal_findings(g, Some(ctx.today)))]),
            Cell::text(measures.to_string()),
        ]);
    }
    w.caption(&format!(
        "{} goal{}, the milestones on the way to the vision, each checked as written. Their five SMART parts, and what to review in them, are in the appendix \u{201c}Goals in full\u{201d}.",
        plan.goals.len(),
        if plan.goals.len() == 1 { "" } else { "s" }
    ));
    draw(w, &t);
}

/// Every goal in full, after the body, when the goals appendix is chosen.
pub fn appendix(w: &mut Doc, ctx: &Ctx) {
    if ctx.plan.goals.is_empty() {
        return;
    }
    w.section(None, APPENDIX);
    for (i, g) in ctx.plan.goals.iter().enumerate() {
        goal(w, ctx, i + 1, g);
    }
}

/// The goal's SMART standing as a label. The plain green one is kept for a goal with nothing
/// to review, so it never sits beside a finding that questions it.
fn smart_pill(findings: &[crate::smart::Finding]) -> Span {
    let smart = findings.iter().all(|f| f.severity != Severity::Missing);
    if !smart {
        pill("Not SMART yet", AMBER, INK)
    } else if findings.is_empty() {
        pill(
            "SMART",
            theme::measure_status(crate::status::MeasureStatus::OnTrack).0,
            WHITE,
        )
    } else {
        pill(
            format!("SMART · {} to review", findings.len()),
            TEAL_LIGHT,
            INK,
        )
    }
}

fn goal(w: &mut Doc, ctx: &Ctx, n: usize, g: &Goal) {
    let findings = goal_findings(g, Some(ctx.today));
    let mut meta = vec![
        smart_pill(&findings),
        Span::new("   Owner: ", Style::small_bold()),
        note(or_dash(&g.owner)),
        Span::new("   Due: ", Style::small_bold()),
        note(opt_date(g.due)),
    ];
    let statements: Vec<String> = ctx
        .plan
        .vision_statements
        .iter()
        .enumerate()
        .filter(|(_, v)| g.statement_ids.contains(&v.id))
        .map(|(i, _)| format!("vision statement {}", i + 1))
        .collect();
    let serves: Vec<String> = statements
        .into_iter()
        .chain(priority_titles(ctx.plan, &g.priority_ids))
        .collect();
    if !serves.is_empty() {
        meta.push(Span::new("   Serves: ", Style::small_bold()));
        meta.push(note(serves.join("; ")));
    }
    let mut t = Table::new(vec![col("", 1.25), col("", 6.0)]).without_header();
    for (label, text) in [
        ("Specific", &g.specific),
        ("Measurable", &g.measurable),
        ("Achievable", &g.achievable),
        ("Relevant", &g.relevant),
        ("Time-bound", &g.time_bound),
    ] {
        let value = if text.trim().is_empty() {
            Cell::spans(vec![Span::new(
                "Not yet written.",
                Style::muted().sized(theme::CELL),
            )])
        } else {
            Cell::text(text)
        };
        t.row(vec![
            Cell::spans(vec![Span::new(label, Style::cell_bold().colored(NAVY))]),
            value,
        ]);
    }
    // The heading, the owner line and the five parts stay together when they fit a page.
    let keep = table::keep(w, &t) + 2.0 * theme::SMALL * theme::LEADING;
    w.heading(&format!("Goal {n}. {}", g.title), 2, keep);
    w.paragraph(&meta);
    draw(w, &t);
    if !findings.is_empty() {
        let lines: Vec<String> = findings.iter().map(|f| f.message.clone()).collect();
        w.paragraph(&[
            Span::new("To review: ", Style::small_bold()),
            note(lines.join(" ")),
        ]);
    }
}

fn status_cell(ctx: &Ctx, m: &Measure) -> Cell {
    let standing = measure_standing(m, &ctx.plan.check_ins, ctx.today);
    let (fill, ink) = theme::measure_status(standing.status);
    let mut blocks = vec![vec![pill(standing.status.label(), fill, ink)]];
    if standing.stale {
        blocks.push(vec![pill("Stale", AMBER, INK)]);
        let since = standing
            .judged_on
            .map_or("no check-in yet".to_string(), |d| {
                format!("nothing since {}", short_date(d))
            });
        blocks.push(vec![note(since)]);
    }
    Cell::blocks(blocks)
}

/// The thresholds in words: "On track at 600 or more; off track below 400".
pub(crate) fn thresholds_text(m: &Measure) -> Option<String> {
    let (more, worse) = match m.better {
        Better::Higher => ("or more", "below"),
        Better::Lower => ("or less", "above"),
    };
    let on = m
        .on_track_at
        .map(|v| format!("On track at {} {more}", quantity(v, &m.unit)));
    let red = m
        .red_line
        .map(|v| format!("off track {worse} {}", quantity(v, &m.unit)));
    match (on, red) {
        (None, None) => None,
        (Some(on), None) => Some(on),
        (None, Some(red)) => Some(format!("Red line: {red}")),
        (Some(on), Some(red)) => Some(format!("{on}; {red}")),
    }
}

fn value_cell(v: Option<f64>, unit: &str, date: Option<String>) -> Cell {
    match v {
        None => Cell::spans(vec![Span::new(
            "not set",
            Style::muted().sized(theme::CELL),
        )]),
        Some(v) => {
            let mut blocks = vec![vec![Span::new(quantity(v, unit), Style::cell_bold())]];
            if let Some(d) = date {
                blocks.push(vec![note(d)]);
            }
            Cell::blocks(blocks)
        }
    }
}

fn measure_row(ctx: &Ctx, m: &Measure) -> Vec<Cell> {
    let mut about = Vec::new();
    if !m.data_source.trim().is_empty() {
        about.push(format!("Source: {}", m.data_source.trim()));
    }
    if !m.owner.trim().is_empty() {
        about.push(format!("Owner: {}", m.owner.trim()));
    }
    if let Some(f) = m.frequency {
        about.push(f.label().to_string());
    }
    let mut indicator = vec![vec![Span::new(&m.indicator, Style::cell_bold())]];
    if !about.is_empty() {
        indicator.push(vec![note(about.join(" · "))]);
    }
    if let Some(t) = thresholds_text(m) {
        indicator.push(vec![note(t)]);
    }
    let last = latest(ctx.plan.check_ins.iter().filter(|c| c.measure_id == m.id));
    let latest_cell = match last {
        None => Cell::spans(vec![Span::new(
            "no check-in yet",
            Style::muted().sized(theme::CELL),
        )]),
        Some(c) => {
            let mut when = short_date(c.date);
            if let Some(conf) = c.confidence {
                when.push_str(&format!(" · {} confidence", conf.label().to_lowercase()));
            }
            let mut blocks = vec![
                vec![Span::new(quantity(c.value, &m.unit), Style::cell_bold())],
                vec![note(when)],
            ];
            if !c.note.trim().is_empty() {
                blocks.push(vec![note(c.note.trim())]);
            }
            Cell::blocks(blocks)
        }
    };
    vec![
        Cell::blocks(indicator),
        value_cell(m.baseline, &m.unit, m.baseline_date.map(short_date)),
        value_cell(
            m.target,
            &m.unit,
            m.target_date.map(|d| format!("by {}", short_date(d))),
        ),
        latest_cell,
        status_cell(ctx, m),
    ]
}

fn measures_table(ctx: &Ctx, measures: &[&Measure]) -> Table {
    let mut t = Table::new(vec![
        col("Indicator", 3.3),
        col("Baseline", 1.45),
        col("Target", 1.6),
        col("Latest check-in", 2.4),
        col("Status", 1.3),
    ]);
    for m in measures {
        t.row(measure_row(ctx, m));
    }
    t
}

/// The check-in history of each measure that has one, as small charts under its table.
fn histories<'a>(w: &mut Doc<'a>, ctx: &Ctx<'a>, measures: &[&'a Measure], heading: &str) {
    let charts: Vec<History> = measures
        .iter()
        .map(|m| {
            let mut check_ins: Vec<_> = ctx
                .plan
                .check_ins
                .iter()
                .filter(|c| c.measure_id == m.id)
                .collect();
            check_ins.sort_by_key(|c| c.date);
            History {
                measure: m,
                check_ins,
            }
        })
        .filter(|h| !h.check_ins.is_empty())
        .collect();
    if charts.is_empty() {
        return;
    }
    // The caption stays with the first row of charts; on a new page it names the goal, whose
    // table is on the page before.
    let needed = 2.0 * theme::SMALL * theme::LEADING + history::height(charts.len().min(3)) + 24.0;
    let caption = |w: &mut Doc, title: String| {
        w.ensure(needed);
        w.paragraph(&[
            Span::new(title, Style::small_bold()),
            note(" — solid red: the red line; dashed green: on track at; dotted blue: the target."),
        ]);
    };
    w.choice(
        needed,
        |w| caption(w, "Check-in history".to_string()),
        |w| caption(w, format!("Check-in history, {heading}")),
    );
    w.gap(2.0);
    history::draw(w, &charts);
}

pub fn measures<'a>(w: &mut Doc<'a>, ctx: &Ctx<'a>) {
    let plan = ctx.plan;
    if plan.measures.is_empty() && plan.future_measures.is_empty() {
        w.not_yet_written();
        return;
    }
    w.caption(&format!(
        "Statuses as of {}, each judged at its latest check-in: by the measure's thresholds where it has them, else against the straight line from its baseline to its target. A measure is stale when its next check-in is more than a week overdue for how often it is collected.",
        super::long_date(ctx.today)
    ));
    for (i, g) in plan.goals.iter().enumerate() {
        let ms: Vec<&Measure> = plan.measures.iter().filter(|m| m.goal_id == g.id).collect();
        let title = format!("Goal {}. {}", i + 1, g.title);
        if ms.is_empty() {
            w.heading(&title, 2, 30.0);
            w.paragraph(&[Span::new("No measure yet.", Style::muted())]);
            continue;
        }
        with_heading(w, &title, 2, &measures_table(ctx, &ms));
        histories(w, ctx, &ms, &title);
    }
    let orphans: Vec<&Measure> = plan
        .measures
        .iter()
        .filter(|m| !plan.goals.iter().any(|g| g.id == m.goal_id))
        .collect();
    if !orphans.is_empty() {
        with_heading(w, "Other measures", 2, &measures_table(ctx, &orphans));
        histories(w, ctx, &orphans, "Other measures");
    }
    if plan.future_measures.is_empty() {
        w.heading("Future measures", 1, 40.0);
        w.paragraph(&[Span::new("None kept for later iterations.", Style::muted())]);
        return;
    }
    let mut t = Table::new(vec![
        col("Idea", 3.0),
        col("Notes", 4.5),
        col("For goal", 2.5),
    ]);
    for f in &plan.future_measures {
        let goal = f
            .goal_id
            .as_ref()
            .and_then(|id| plan.goals.iter().find(|g| &g.id == id))
            .map_or("—".to_string(), |g| g.title.clone());
        t.row(vec![
            Cell::spans(vec![Span::new(&f.idea, Style::cell_bold())]),
            Cell::text(or_dash(&f.notes)),
            Cell::text(goal),
        ]);
    }
    with_heading(w, "Future measures", 1, &t);
}

pub fn requirements(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    if plan.requirements.is_empty() {
        w.not_yet_written();
        return;
    }
    w.caption("The requirements the team chose, most important first, with the metrics picked for each; a metric that became a success measure names it.");
    let mut reqs: Vec<_> = plan.requirements.iter().collect();
    reqs.sort_by_key(|r| (r.rank.is_none(), r.rank));
    let mut t = Table::new(vec![
        col_aligned("Rank", 0.7, Align::Center),
        col("Requirement", 4.6),
        col("Metrics", 4.0),
    ]);
    for r in reqs {
        let source = match r
            .catalog_id
            .as_deref()
            .and_then(|id| catalog().requirement(id))
            .map(|c| c.source)
        {
            Some(RequirementSource::Accredible) => "Accredible framework",
            Some(RequirementSource::Wcet) => "WCET institutional driver",
            None => "The team’s own",
        };
        let mut about = vec![
            vec![Span::new(&r.name, Style::cell_bold())],
            vec![note(source)],
        ];
        if !r.description.trim().is_empty() {
            about.push(vec![Span::new(&r.description, Style::cell())]);
        }
        let metrics: Vec<Vec<Span>> = plan
            .requirement_metrics
            .iter()
            .filter(|m| m.requirement_id == r.id)
            .map(|m| {
                let mut spans = vec![Span::new(format!("• {}", m.name), Style::cell())];
                let measure = m
                    .measure_id
                    .as_ref()
                    .and_then(|id| plan.measures.iter().find(|x| &x.id == id));
                if let Some(measure) = measure {
                    spans.push(note(format!(" → measure: {}", measure.indicator)));
                }
                spans
            })
            .collect();
        let metrics = if metrics.is_empty() {
            Cell::spans(vec![Span::new(
                "No metric picked yet.",
                Style::muted().sized(theme::CELL),
            )])
        } else {
            Cell::blocks(metrics)
        };
        t.row(vec![
            Cell::spans(vec![Span::new(
                r.rank.map_or("—".to_string(), |n| n.to_string()),
                Style::cell_bold().sized(11.0),
            )]),
            Cell::blocks(about),
            metrics,
        ]);
    }
    draw(w, &t);
}
