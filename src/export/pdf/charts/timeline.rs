//! The roadmap on a timeline: phases as bars in their own colours, goals and milestones as
//! markers on their due dates (a milestone in its phase's colour, its marker saying whether it
//! is planned, late, done or missed), one row each with its name at the left, and a dashed
//! line for today. Long roadmaps run over several pages with the date axis repeated on each.

use crate::export::pdf::canvas::Canvas;
use crate::export::pdf::fonts::Face;
use crate::export::pdf::layout::{Writer, MARGIN_X, WIDTH};
use crate::export::pdf::text::{self, Line, Span};
use crate::export::pdf::theme::{
    phase_color, Rgb, Style, AMBER, INK, MUTED, NAVY, PANEL, RULE, TEAL, WHITE,
};
use chrono::{Datelike, Months, NaiveDate};

#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Mark {
    pub label: String,
    pub date: Option<NaiveDate>,
    /// A milestone's state and its phase's colour; goals have neither.
    pub state: Option<State>,
    pub color: Option<Rgb>,
}

/// Where a milestone stands, as its marker shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Planned,
    /// Planned, and its date has passed.
    Late,
    Done,
    Missed,
}

impl State {
    fn word(self) -> &'static str {
        match self {
            State::Planned => "",
            State::Late => "date passed",
            State::Done => "done",
            State::Missed => "missed",
        }
    }
}

const MISSED: Rgb = Rgb::hex(0xA62E2E);

/// A milestone's marker: a dot in its phase's colour, ticked when done, hollow and red when
/// missed, ringed amber when its date has passed — shapes as well as colours, for grey print.
fn milestone_marker(c: &mut Canvas, x: f32, mid: f32, state: State, color: Rgb) {
    match state {
        State::Planned => c.round_rect(x - 3.5, mid - 3.5, 7.0, 7.0, 3.5, color),
        State::Late => {
            c.round_rect(x - 4.5, mid - 4.5, 9.0, 9.0, 4.5, AMBER);
            c.round_rect(x - 2.8, mid - 2.8, 5.6, 5.6, 2.8, color);
        }
        State::Done => {
            c.round_rect(x - 4.5, mid - 4.5, 9.0, 9.0, 4.5, color);
            c.tick(x - 3.0, mid - 3.0, 6.0, WHITE);
        }
        State::Missed => {
            c.round_rect(x - 4.5, mid - 4.5, 9.0, 9.0, 4.5, MISSED);
            c.round_rect(x - 3.0, mid - 3.0, 6.0, 6.0, 3.0, WHITE);
            c.polyline(
                &[(x - 2.0, mid - 2.0), (x + 2.0, mid + 2.0)],
                false,
                MISSED,
                1.1,
                None,
            );
            c.polyline(
                &[(x - 2.0, mid + 2.0), (x + 2.0, mid - 2.0)],
                false,
                MISSED,
                1.1,
                None,
            );
        }
    }
}

#[derive(Debug, Clone)]
pub struct Roadmap {
    pub phases: Vec<Bar>,
    pub goals: Vec<Mark>,
    pub milestones: Vec<Mark>,
    pub today: NaiveDate,
}

const LABEL_W: f32 = 178.0;
const AXIS_H: f32 = 20.0;
const X0: f32 = MARGIN_X + LABEL_W;
const X1: f32 = MARGIN_X + WIDTH - 4.0;

struct Scale {
    start: NaiveDate,
    days: f32,
    ticks: Vec<NaiveDate>,
}

impl Scale {
    fn x(&self, d: NaiveDate) -> f32 {
        let t = (d - self.start).num_days() as f32 / self.days;
        X0 + t.clamp(0.0, 1.0) * (X1 - X0)
    }
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("every month has a first day")
}

fn scale(r: &Roadmap) -> Option<Scale> {
    let dates: Vec<NaiveDate> = r
        .phases
        .iter()
        .flat_map(|p| [p.start, p.end])
        .chain(r.goals.iter().chain(&r.milestones).map(|m| m.date))
        .flatten()
        .collect();
    let (min, max) = (*dates.iter().min()?, *dates.iter().max()?);
    let start = month_start(min);
    let end = month_start(max).checked_add_months(Months::new(1))?;
    let end = end.max(start.checked_add_months(Months::new(3))?);
    let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32;
    // The widest step that still leaves each date label room to breathe.
    let step = [1u32, 3, 6, 12, 24]
        .into_iter()
        .find(|s| (X1 - X0) * *s as f32 / months.max(1) as f32 >= 48.0)
        .unwrap_or(24);
    let mut ticks = Vec::new();
    let mut d = start;
    while d <= end {
        if (d.month0() % step.min(12)) == 0 && (step < 24 || d.year() % 2 == 0) {
            ticks.push(d);
        }
        d = d.checked_add_months(Months::new(1))?;
    }
    Some(Scale {
        start,
        days: (end - start).num_days().max(1) as f32,
        ticks,
    })
}

fn axis(w: &mut Writer, s: &Scale, today: NaiveDate) {
    let y = w.y;
    let mut c = w.canvas();
    c.fill_rect(MARGIN_X, y, WIDTH, AXIS_H, PANEL);
    let style = Style::new(Face::Regular, 6.8, MUTED);
    for t in &s.ticks {
        let x = s.x(*t);
        let label = t.format("%b %Y").to_string();
        let lw = c.fonts.width(style.face, style.size, &label);
        if x - lw / 2.0 >= X0 - 2.0 && x + lw / 2.0 <= X1 + 4.0 {
            c.text(x - lw / 2.0, y + 13.0, style, &label);
        }
    }
    let tx = s.x(today);
    c.text(
        MARGIN_X + 4.0,
        y + 13.0,
        Style::new(Face::Bold, 7.0, INK),
        "Phases, goals and milestones",
    );
    c.round_rect(tx - 2.5, y + AXIS_H - 5.0, 5.0, 5.0, 2.5, AMBER);
    w.y += AXIS_H;
}

/// Gridlines and the today line through a row, so they run unbroken down the chart.
fn grid(c: &mut Canvas, s: &Scale, today: NaiveDate, top: f32, h: f32) {
    for t in &s.ticks {
        let x = s.x(*t);
        c.polyline(&[(x, top), (x, top + h)], false, RULE, 0.4, None);
    }
    let tx = s.x(today);
    c.polyline(
        &[(tx, top), (tx, top + h)],
        false,
        AMBER,
        0.9,
        Some(&[2.5, 2.0]),
    );
}

enum Row<'a> {
    Group(&'static str),
    Phase(&'a Bar, usize),
    Goal(&'a Mark),
    Milestone(&'a Mark),
}

fn row_lines(w: &Writer, row: &Row) -> Vec<Line> {
    let (label, sub) = match row {
        Row::Group(g) => {
            return text::wrap(
                w.fonts,
                &[Span::new(*g, Style::new(Face::Bold, 7.2, TEAL))],
                LABEL_W,
            )
        }
        Row::Phase(b, _) => {
            let dates = match (b.start, b.end) {
                (Some(s), Some(e)) => format!("{} – {}", s.format("%b %Y"), e.format("%b %Y")),
                (Some(s), None) => format!("from {}", s.format("%b %Y")),
                (None, Some(e)) => format!("until {}", e.format("%b %Y")),
                (None, None) => "no dates yet".into(),
            };
            (
                Span::new(&b.label, Style::new(Face::Bold, 7.8, INK)),
                Some(dates),
            )
        }
        Row::Goal(m) | Row::Milestone(m) => {
            let date = m.date.map_or("no date yet".to_string(), |d| {
                d.format("%-d %b %Y").to_string()
            });
            (
                Span::new(&m.label, Style::new(Face::Regular, 7.6, INK)),
                // Planned is the usual case; only what differs from it is worded.
                Some(match m.state {
                    Some(state) if state != State::Planned => format!("{date} · {}", state.word()),
                    _ => date,
                }),
            )
        }
    };
    let mut spans = vec![label];
    if let Some(sub) = sub {
        spans.push(Span::kept(
            format!("  {sub}"),
            Style::new(Face::Regular, 6.8, MUTED),
        ));
    }
    text::wrap(w.fonts, &spans, LABEL_W - 8.0)
}

/// Draws the chart; false when nothing in the roadmap has a date to place.
pub fn draw(w: &mut Writer, r: &Roadmap) -> bool {
    let Some(s) = scale(r) else {
        return false;
    };
    let mut rows: Vec<Row> = Vec::new();
    if !r.phases.is_empty() {
        rows.push(Row::Group("PHASES"));
        rows.extend(r.phases.iter().enumerate().map(|(i, p)| Row::Phase(p, i)));
    }
    if !r.goals.is_empty() {
        rows.push(Row::Group("GOALS (DUE DATES)"));
        rows.extend(r.goals.iter().map(Row::Goal));
    }
    if !r.milestones.is_empty() {
        rows.push(Row::Group("MILESTONES"));
        rows.extend(r.milestones.iter().map(Row::Milestone));
    }
    w.ensure(AXIS_H + 80.0);
    axis(w, &s, r.today);
    for row in &rows {
        let lines = row_lines(w, row);
        let h = text::height(&lines) + 5.0;
        if h > w.room() {
            w.new_page();
            axis(w, &s, r.today);
        }
        let y = w.y;
        let mut c = w.canvas();
        grid(&mut c, &s, r.today, y, h);
        let mut top = y + 2.5;
        for l in &lines {
            c.draw_line(l, MARGIN_X + 4.0, top);
            top += l.height;
        }
        let mid = y + h / 2.0;
        match row {
            Row::Group(_) => {}
            Row::Phase(b, i) => {
                if let (Some(a), Some(e)) = (b.start.or(Some(s.start)), b.end.or(b.start)) {
                    let (xa, xe) = (s.x(a), s.x(e).max(s.x(a) + 3.0));
                    c.round_rect(xa, mid - 4.5, xe - xa, 9.0, 2.5, phase_color(*i));
                }
            }
            Row::Goal(m) => {
                if let Some(d) = m.date {
                    let x = s.x(d);
                    c.polygon(
                        &[
                            (x, mid - 4.5),
                            (x + 4.5, mid),
                            (x, mid + 4.5),
                            (x - 4.5, mid),
                        ],
                        Some(TEAL),
                        None,
                    );
                }
            }
            Row::Milestone(m) => {
                if let Some(d) = m.date {
                    let state = m.state.unwrap_or(State::Planned);
                    milestone_marker(&mut c, s.x(d), mid, state, m.color.unwrap_or(NAVY));
                }
            }
        }
        c.hline(MARGIN_X, MARGIN_X + WIDTH, y + h, PANEL, 0.5);
        w.y += h;
    }
    w.y += 6.0;
    legend(w);
    true
}

fn legend(w: &mut Writer) {
    let y = w.y;
    let style = Style::small();
    let mut c = w.canvas();
    let mut x = MARGIN_X;
    c.polygon(
        &[
            (x + 4.0, y + 1.0),
            (x + 8.0, y + 5.0),
            (x + 4.0, y + 9.0),
            (x, y + 5.0),
        ],
        Some(TEAL),
        None,
    );
    c.text(x + 13.0, y + 8.0, style, "Goal due");
    x += 62.0;
    for (state, label) in [
        (State::Planned, "Milestone"),
        (State::Done, "Done"),
        (State::Late, "Date passed"),
        (State::Missed, "Missed"),
    ] {
        milestone_marker(&mut c, x + 4.5, y + 5.0, state, NAVY);
        c.text(x + 13.0, y + 8.0, style, label);
        x += 13.0 + c.fonts.width(style.face, style.size, label) + 14.0;
    }
    c.polyline(
        &[(x, y + 5.0), (x + 16.0, y + 5.0)],
        false,
        AMBER,
        0.9,
        Some(&[2.5, 2.0]),
    );
    c.text(x + 20.0, y + 8.0, style, "Today");
    w.y = y + 18.0;
}

/// Whether anything in the roadmap has a date to place, so `draw` has a chart to draw.
pub fn drawable(r: &Roadmap) -> bool {
    scale(r).is_some()
}
