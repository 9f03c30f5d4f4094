//! Section 6, governance: who decides (roles, the approval committee), how a badge comes to
//! be (the request workflow as a diagram and in detail, what a proposal holds, the RACI
//! matrix), how often the program is reviewed, and what badges look like (levels, pathways,
//! the metadata every badge carries), and the standards and skills badges align to.

use super::{long_date, or_dash, Ctx};
use crate::export::doc::charts::workflow;
use crate::export::doc::table::{self, col, col_aligned, draw, with_heading, Align, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{body, bold, note, pill};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{Rgb, Style, INK, NAVY, TEAL, TEAL_LIGHT, WHITE};
use crate::model::{PathwayKind, Plan, Raci, Role};

/// Role columns per RACI table; more roles than this continue in a second table, which
/// keeps every column wide enough for its heading on a portrait page.
const RACI_ROLES: usize = 7;

fn role_name(plan: &Plan, id: Option<&String>) -> String {
    id.and_then(|id| plan.roles.iter().find(|r| &r.id == id))
        .map_or_else(String::new, |r| r.name.clone())
}

pub fn section(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    let s = &plan.settings;
    let empty = plan.roles.is_empty()
        && plan.committee_members.is_empty()
        && plan.workflow_stages.is_empty()
        && plan.proposal_items.is_empty()
        && plan.raci_activities.is_empty()
        && plan.badge_levels.is_empty()
        && plan.pathways.is_empty()
        && plan.metadata_fields.is_empty()
        && plan.frameworks.is_empty()
        && plan.objections.is_empty()
        && s.review_cadence.trim().is_empty()
        && s.approval_criteria.trim().is_empty()
        && s.badge_requirements.trim().is_empty();
    if empty {
        w.not_yet_written();
        return;
    }
    roles(w, plan);
    workflow_part(w, plan);
    raci(w, plan);
    // A short cadence and its next review date stay together with their heading.
    let cadence = crate::export::pdf::text::wrap(
        w.fonts,
        &[Span::new(&s.review_cadence, Style::body())],
        crate::export::pdf::layout::WIDTH,
    );
    let line = crate::export::pdf::theme::BODY * crate::export::pdf::theme::LEADING;
    let keep = crate::export::pdf::text::height(&cadence) + 2.0 * line + 8.0;
    w.heading("Review cadence", 1, keep.min(8.0 * line));
    if s.review_cadence.trim().is_empty() {
        w.not_yet_written();
    } else {
        w.text(&s.review_cadence);
    }
    if let Some(d) = s.next_review {
        w.paragraph(&[body("Next review: "), bold(long_date(d))]);
    }
    taxonomy(w, plan);
    super::standards::part(w, plan);
}

fn roles(w: &mut Doc, plan: &Plan) {
    if plan.roles.is_empty() {
        w.heading("Roles and people", 1, 50.0);
        w.not_yet_written();
    } else {
        let mut t = Table::new(vec![
            col("Role", 2.0),
            col("What it does", 4.6),
            col("Held by", 2.6),
        ]);
        for r in &plan.roles {
            let people: Vec<Vec<Span>> = r
                .people
                .iter()
                .map(|p| vec![Span::new(p, Style::cell())])
                .collect();
            t.row(vec![
                Cell::spans(vec![Span::new(&r.name, Style::cell_bold())]),
                Cell::text(or_dash(&r.description)),
                if people.is_empty() {
                    Cell::text("—")
                } else {
                    Cell::blocks(people)
                },
            ]);
        }
        with_heading(w, "Roles and people", 1, &t);
    }
    if plan.committee_members.is_empty() {
        w.heading("Approval committee", 2, 40.0);
        w.not_yet_written();
        return;
    }
    let mut t = Table::new(vec![col("Member", 1.0), col("Represents", 1.0)]);
    for m in &plan.committee_members {
        t.row(vec![
            Cell::spans(vec![Span::new(or_dash(&m.name), Style::cell_bold())]),
            Cell::text(&m.represents),
        ]);
    }
    with_heading(w, "Approval committee", 2, &t);
}

fn workflow_part(w: &mut Doc, plan: &Plan) {
    let stages: Vec<workflow::Stage> = plan
        .workflow_stages
        .iter()
        .map(|s| workflow::Stage {
            name: s.name.clone(),
            responsible: role_name(plan, s.responsible_role_id.as_ref()),
            time: s.expected_time.clone(),
        })
        .collect();
    // The heading stays with the diagram, which is kept whole when a page can hold it.
    let keep = workflow::keep(w, &stages).max(40.0);
    w.heading("Badge request workflow", 1, keep);
    if plan.workflow_stages.is_empty() {
        w.not_yet_written();
    } else {
        workflow::draw(w, &stages);
        w.gap(6.0);
        let mut t = Table::new(vec![
            col_aligned("#", 0.4, Align::Right),
            col("Stage", 3.4),
            col("Inputs", 2.2),
            col("Outputs", 2.2),
            col("Time", 1.6),
        ]);
        for (i, s) in plan.workflow_stages.iter().enumerate() {
            let mut about = vec![vec![Span::new(&s.name, Style::cell_bold())]];
            let who = role_name(plan, s.responsible_role_id.as_ref());
            if !who.is_empty() {
                about.push(vec![note(format!("Responsible: {who}"))]);
            }
            if !s.description.trim().is_empty() {
                about.push(vec![Span::new(&s.description, Style::cell())]);
            }
            t.row(vec![
                Cell::text((i + 1).to_string()),
                Cell::blocks(about),
                Cell::text(or_dash(&s.inputs)),
                Cell::text(or_dash(&s.outputs)),
                Cell::text(or_dash(&s.expected_time)),
            ]);
        }
        draw(w, &t);
    }
    workflow_inputs(w, plan);
    w.heading("What a badge proposal contains", 2, 40.0);
    if plan.proposal_items.is_empty() {
        w.not_yet_written();
        return;
    }
    for p in &plan.proposal_items {
        let tag = if p.required {
            pill("Required", NAVY, WHITE)
        } else {
            pill("Optional", TEAL_LIGHT, INK)
        };
        let mut spans = vec![tag, body(" "), bold(&p.name)];
        if !p.description.trim().is_empty() {
            spans.push(body(format!(" — {}", p.description)));
        }
        w.paragraph(&spans);
    }
}

/// The two texts the workflow's stages take as inputs, as the committee wrote them.
fn workflow_inputs(w: &mut Doc, plan: &Plan) {
    let s = &plan.settings;
    for (title, text) in [
        ("Published badge requirements", &s.badge_requirements),
        ("Approval criteria", &s.approval_criteria),
    ] {
        w.heading(title, 2, 40.0);
        if text.trim().is_empty() {
            w.not_yet_written();
        } else {
            w.text(text);
        }
    }
}

fn raci_fill(code: Raci) -> (Rgb, Rgb) {
    match code {
        Raci::Accountable => (NAVY, WHITE),
        Raci::Responsible => (TEAL, WHITE),
        Raci::Consulted => (TEAL_LIGHT, INK),
        Raci::Informed => (Rgb::hex(0xE4E8EC), INK),
    }
}

fn raci(w: &mut Doc, plan: &Plan) {
    if plan.raci_activities.is_empty() || plan.roles.is_empty() {
        w.heading("RACI matrix", 1, 80.0);
        w.not_yet_written();
        return;
    }
    let tables: Vec<Table> = plan
        .roles
        .chunks(RACI_ROLES)
        .map(|chunk| raci_table(plan, chunk))
        .collect();
    w.heading("RACI matrix", 1, table::keep(w, &tables[0]) + 20.0);
    w.paragraph(&[
        Span::kept("R", Style::small_bold().colored(WHITE).on(TEAL)),
        note(" Responsible   "),
        Span::kept("A", Style::small_bold().colored(WHITE).on(NAVY)),
        note(" Accountable   "),
        Span::kept("C", Style::small_bold().on(TEAL_LIGHT)),
        note(" Consulted   "),
        Span::kept("I", Style::small_bold().on(Rgb::hex(0xE4E8EC))),
        note(" Informed"),
    ]);
    for t in &tables {
        draw(w, t);
    }
}

fn raci_table(plan: &Plan, roles: &[Role]) -> Table {
    let mut cols = vec![col("Activity", 2.4)];
    cols.extend(
        roles
            .iter()
            .map(|r| col_aligned(&r.name, 1.0, Align::Center)),
    );
    let mut t = Table::new(cols);
    for a in &plan.raci_activities {
        let mut row = vec![Cell::spans(vec![Span::new(&a.name, Style::cell_bold())])];
        for role in roles {
            let code = plan
                .raci_assignments
                .iter()
                .find(|x| x.activity_id == a.id && x.role_id == role.id)
                .map(|x| x.code);
            row.push(match code {
                Some(code) => {
                    let (fill, ink) = raci_fill(code);
                    Cell::spans(vec![Span::kept(
                        code.letter(),
                        Style::cell_bold().colored(ink).on(fill),
                    )])
                }
                None => Cell::spans(vec![note("·")]),
            });
        }
        t.row(row);
    }
    t
}

fn taxonomy(w: &mut Doc, plan: &Plan) {
    let levels = (!plan.badge_levels.is_empty()).then(|| levels_table(plan));
    // The part's heading stays with the levels' heading and what that one keeps.
    let keep = levels.as_ref().map_or(30.0.into(), |t| table::keep(w, t)) + 30.0;
    w.heading("Badge taxonomy", 1, keep);
    match levels {
        None => {
            w.heading("Levels", 2, 30.0);
            w.not_yet_written();
        }
        Some(t) => with_heading(w, "Levels", 2, &t),
    }
    if plan.pathways.is_empty() {
        w.heading("Pathways", 2, 30.0);
        w.not_yet_written();
    } else {
        let mut t = Table::new(vec![
            col("Pathway", 2.4),
            col("Levels, in order", 2.6),
            col("How it works", 5.0),
        ]);
        for p in &plan.pathways {
            let kind = match p.kind {
                PathwayKind::Vertical => "Vertical: stacks up",
                PathwayKind::Horizontal => "Horizontal: across areas",
            };
            let levels: Vec<String> = p
                .level_ids
                .iter()
                .filter_map(|id| plan.badge_levels.iter().find(|l| &l.id == id))
                .map(|l| l.name.clone())
                .collect();
            t.row(vec![
                Cell::blocks(vec![
                    vec![Span::new(&p.name, Style::cell_bold())],
                    vec![note(kind)],
                ]),
                Cell::text(if levels.is_empty() {
                    "—".to_string()
                } else {
                    levels.join(" → ")
                }),
                Cell::text(or_dash(&p.description)),
            ]);
        }
        with_heading(w, "Pathways", 2, &t);
    }
    if plan.metadata_fields.is_empty() {
        w.heading("Metadata every badge carries", 2, 30.0);
        w.not_yet_written();
        return;
    }
    let mut t = Table::new(vec![
        col("Field", 2.0),
        col("What it holds", 5.0),
        col("", 1.2),
    ]);
    for f in &plan.metadata_fields {
        t.row(vec![
            Cell::spans(vec![Span::new(&f.name, Style::cell_bold())]),
            Cell::text(or_dash(&f.description)),
            Cell::spans(vec![if f.required {
                pill("Required", NAVY, WHITE)
            } else {
                pill("Optional", TEAL_LIGHT, INK)
            }]),
        ]);
    }
    with_heading(w, "Metadata every badge carries", 2, &t);
}

fn levels_table(plan: &Plan) -> Table {
    let mut t = Table::new(vec![
        col("Level", 2.6),
        col("Assessment", 2.4),
        col("Evidence", 2.0),
        col("Visual cue", 2.0),
    ]);
    for l in &plan.badge_levels {
        let mut about = vec![vec![Span::new(&l.name, Style::cell_bold())]];
        if !l.description.trim().is_empty() {
            about.push(vec![note(&l.description)]);
        }
        t.row(vec![
            Cell::blocks(about),
            Cell::text(or_dash(&l.assessment)),
            Cell::text(or_dash(&l.evidence)),
            Cell::text(or_dash(&l.visual_cue)),
        ]);
    }
    t
}
