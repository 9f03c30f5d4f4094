//! The executive summary: the one page a board can decide from. Where the program stands
//! (the one maturity headline), what the plan proposes, what it asks and what that costs, how
//! the board will know it is working (the key measures against target), the top risks with
//! their owners, and what falls due in the next 90 days. Every figure comes from
//! `crate::figures`; this file only lays them out.

use super::{short_date, Ctx};
use crate::export::doc::table::{col, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{body, bold, note, pill};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{self, Style};
use crate::figures::{
    ask_cost, asks_by_date, asks_total, attention, goals_that_matter, key_measures, next_90_days,
    risk_band, risks_ranked, section_headline, HORIZON_DAYS, NO_ASSESSMENT,
};
use crate::progress::Step;
use crate::status::MeasureStatus;

// Column weights on this page are the columns' widths in points (the page is 483 wide), set so
// the demo's cells stay on one line; longer text wraps.

/// How many goals the page names.
const GOALS: usize = 3;

/// How many decisions, key measures, risks and milestones due the page names; a plan with more
/// points to their sections for the rest (milestones are counted), so the summary stays one
/// page.
#[derive(Clone, Copy)]
struct Budget {
    asks: usize,
    kpis: usize,
    risks: usize,
    due: usize,
}

/// From the fullest page to the barest: the first that fits on one page is printed (a Letter
/// page is 50 points shorter than A4's).
const BUDGETS: [Budget; 3] = [
    Budget {
        asks: 5,
        kpis: 6,
        risks: 3,
        due: 5,
    },
    Budget {
        asks: 4,
        kpis: 5,
        risks: 3,
        due: 3,
    },
    Budget {
        asks: 3,
        kpis: 4,
        risks: 2,
        due: 2,
    },
];

pub fn section<'a>(w: &mut Doc<'a>, ctx: &Ctx<'a>) {
    let tries = BUDGETS
        .iter()
        .map(|b| {
            let mut d = w.part();
            page(&mut d, ctx, b);
            d
        })
        .collect();
    w.one_page(tries);
}

fn page(w: &mut Doc, ctx: &Ctx, b: &Budget) {
    w.section(None, "Executive summary");
    situation(w, ctx);
    proposal(w, ctx);
    asks(w, ctx, b);
    measures(w, ctx, b);
    risks(w, ctx, b);
    next_days(w, ctx, b);
}

fn situation(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    let s = &plan.settings;
    w.heading("Situation", 3, 40.0);
    let org = s.organisation.trim();
    let mut spans = vec![bold(if org.is_empty() {
        "The organisation"
    } else {
        org
    })];
    let programs: Vec<&str> = plan.programs.iter().map(|p| p.name.trim()).collect();
    spans.push(body(match programs.len() {
        0 => " is planning its micro-credential program.".to_string(),
        1 => format!(" runs one micro-credential program: {}.", programs[0]),
        n => format!(
            " runs {} micro-credential programs: {} and {}.",
            in_words(n),
            programs[..n - 1].join(", "),
            programs[n - 1]
        ),
    }));
    // The one maturity headline, word for word as the workbook and the app give it.
    let headline = ctx
        .maturity
        .as_ref()
        .map_or(NO_ASSESSMENT, |m| m.headline.sentence.as_str());
    spans.push(body(" "));
    spans.push(bold(headline));
    w.paragraph(&spans);
}

fn proposal(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    w.heading("What we propose", 3, 50.0);
    match plan.vision_statements.first() {
        Some(v) => w.paragraph(&[note("Vision  "), Span::new(v.text.trim(), Style::italic())]),
        None => w.paragraph(&[Span::new("No vision statement yet.", Style::muted())]),
    }
    let goals = goals_that_matter(plan, GOALS);
    if goals.is_empty() {
        w.paragraph(&[Span::new("No goals yet.", Style::muted())]);
        return;
    }
    for g in goals {
        let due = g.due.map_or_else(
            || " — no date yet".to_string(),
            |d| format!(" — by {}", short_date(d)),
        );
        w.bullet(&[bold(g.title.trim()), Span::new(due, Style::muted())]);
    }
}

fn asks(w: &mut Doc, ctx: &Ctx, b: &Budget) {
    let plan = ctx.plan;
    if plan.asks.is_empty() {
        w.heading("What we ask", 3, 20.0);
        w.paragraph(&[Span::new(
            "No decisions are requested of leadership yet.",
            Style::muted(),
        )]);
        return;
    }
    let mut t = Table::new(vec![
        col("Decision requested", 180.0),
        col("Cost", 152.0),
        col("Decide by", 60.0),
        col("Who decides", 91.0),
    ]);
    let asks = asks_by_date(plan);
    for a in asks.iter().take(b.asks) {
        t.row(vec![
            Cell::spans(vec![Span::new(a.title.trim(), Style::cell_bold())]),
            Cell::text(ask_cost(a)),
            Cell::text(a.decide_by.map_or("—".into(), short_date)),
            Cell::text(super::or_dash(&a.decider)),
        ]);
    }
    let title = match asks_total(plan) {
        Some(total) => format!("What we ask: {total} in all"),
        None => "What we ask".into(),
    };
    with_heading(w, &title, 3, &t);
    if asks.len() > b.asks {
        w.caption(&format!(
            "…and {} more decisions, all in section {}.",
            asks.len() - b.asks,
            Step::Roadmap.number()
        ));
    }
}

fn measures(w: &mut Doc, ctx: &Ctx, b: &Budget) {
    let plan = ctx.plan;
    let mut kpis = key_measures(plan, ctx.today);
    let all = kpis.len();
    if all > b.kpis {
        // Too many goals for one page: the measures most in need of attention.
        kpis.sort_by_key(|k| attention(k.status));
        kpis.truncate(b.kpis);
    }
    if kpis.is_empty() {
        w.heading("How we will know", 3, 20.0);
        w.paragraph(&[Span::new("No success measures yet.", Style::muted())]);
        return;
    }
    let mut t = Table::new(vec![
        col("Key measure", 260.0),
        col("Latest → target", 100.0),
        col("By", 52.0),
        col("Status", 71.0),
    ]);
    for k in &kpis {
        let (fill, ink) = theme::measure_status(k.status);
        t.row(vec![
            Cell::text(k.measure.indicator.trim()),
            Cell::text(&k.latest_to_target),
            Cell::text(k.target_date.map_or("—".into(), month)),
            Cell::spans(if k.stale {
                vec![
                    pill(k.status.label(), fill, ink),
                    body(" "),
                    pill("Stale", theme::AMBER, theme::INK),
                ]
            } else {
                vec![pill(k.status.label(), fill, ink)]
            }),
        ]);
    }
    // The conclusion names every measure off track, the key ones or not.
    let conclusion = section_headline(plan, Step::Measures, ctx.today, None);
    let title = match conclusion {
        Some(line) => format!("How we will know: {line}"),
        None => "How we will know".into(),
    };
    with_heading(w, &title, 3, &t);
    if all > b.kpis {
        w.caption(&format!(
            "The {} of {all} goals' key measures most in need of attention; all in section {}.",
            b.kpis,
            Step::Measures.number()
        ));
    }
}

fn risks(w: &mut Doc, ctx: &Ctx, b: &Budget) {
    let ranked = risks_ranked(ctx.plan);
    if ranked.is_empty() {
        w.heading("Top risks, with their owners", 3, 20.0);
        w.paragraph(&[Span::new("No open risks are recorded.", Style::muted())]);
        return;
    }
    let mut t = Table::new(vec![
        col("Risk", 247.0),
        col("L × I", 53.0),
        col("Owner", 128.0),
        col("Status", 55.0),
    ]);
    for r in ranked.iter().take(b.risks) {
        let (fill, ink) = theme::risk_band(risk_band(r.score()));
        t.row(vec![
            Cell::text(r.title.trim()),
            Cell::spans(vec![pill(
                format!("{} {}", r.score(), risk_band(r.score()).label()),
                fill,
                ink,
            )]),
            Cell::text(super::or_dash(&r.owner)),
            Cell::text(r.status.label()),
        ]);
    }
    let title = if ranked.len() > b.risks {
        format!(
            "Top risks, with their owners ({} of {}; all in section {})",
            b.risks,
            ranked.len(),
            Step::Roadmap.number()
        )
    } else {
        "Top risks, with their owners".into()
    };
    with_heading(w, &title, 3, &t);
}

fn next_days(w: &mut Doc, ctx: &Ctx, b: &Budget) {
    let due = next_90_days(ctx.plan, ctx.today);
    let title = format!("The next {HORIZON_DAYS} days: milestones due");
    if due.is_empty() {
        w.heading(&title, 3, 20.0);
        w.paragraph(&[Span::new(
            format!("No milestone falls due in the next {HORIZON_DAYS} days."),
            Style::muted(),
        )]);
        return;
    }
    let mut t = Table::new(vec![
        col("Due", 1.5),
        col("Milestone", 6.6),
        col("Phase", 2.4),
    ])
    .without_header();
    for m in due.iter().take(b.due) {
        let date = m.due.map_or("—".into(), short_date);
        let when = if m.overdue(ctx.today) {
            Cell::spans(vec![Span::new(
                format!("{date} (passed)"),
                Style::cell_bold().colored(theme::measure_status(MeasureStatus::OffTrack).0),
            )])
        } else {
            Cell::text(date)
        };
        let phase = m
            .phase_id
            .as_ref()
            .and_then(|id| ctx.plan.phases.iter().find(|p| &p.id == id))
            .map_or("—", |p| p.name.as_str());
        t.row(vec![
            when,
            Cell::text(m.title.trim()),
            Cell::spans(vec![note(phase)]),
        ]);
    }
    with_heading(w, &title, 3, &t);
    if due.len() > b.due {
        w.caption(&format!("…and {} more.", due.len() - b.due));
    }
}

/// Small counts in words, as running text writes them.
fn in_words(n: usize) -> String {
    const WORDS: [&str; 9] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    n.checked_sub(2)
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// "Apr 2027", for the month a target falls due.
fn month(d: chrono::NaiveDate) -> String {
    d.format("%b %Y").to_string()
}
