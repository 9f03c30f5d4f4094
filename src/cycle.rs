//! Starting next year's cycle from this one. A plan is the record of its cycle, so rolling
//! forward never changes it: it makes a new plan, the cycle advanced, that keeps what the
//! next year's reviews read back (the measures' check-ins, past assessments and their
//! ratings, the reviews), carries what is still to do (open actions, open parked questions,
//! planned milestones) and files what is over (done and missed milestones) under the cycle
//! they belonged to. The room's decisions and finished actions stay with last year's plan.

use crate::error::{Error, Result};
use crate::model::{new_id, ActionStatus, MilestoneStatus, Plan, Review, RolledFrom};
use crate::store::MAX_NAME;
use chrono::{DateTime, NaiveDate, Utc};

/// Dashes and slashes people put between the two years of a cycle.
const SEPARATORS: [char; 4] = ['–', '-', '/', '—'];

/// The cycle after `cycle`, written the way it is: "2026–27" → "2027–28", "2026-2027" →
/// "2027-2028", "AY 2026/27" → "AY 2027/28", "2026" → "2027".
pub fn next_cycle(cycle: &str) -> Result<String> {
    let cycle = cycle.trim();
    if cycle.is_empty() {
        return Err(Error::invalid(
            "cycle",
            "name this plan's cycle (e.g. 2026–27) before rolling it forward",
        ));
    }
    let chars: Vec<char> = cycle.chars().collect();
    let digits_at = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let Some(start) =
        (0..chars.len()).find(|&i| (i == 0 || !chars[i - 1].is_ascii_digit()) && digits_at(i) == 4)
    else {
        return Err(Error::invalid(
            "cycle",
            format!("\"{cycle}\" names no year; write it as 2026–27 or 2026 to roll it forward"),
        ));
    };
    let year: u32 = chars[start..start + 4]
        .iter()
        .collect::<String>()
        .parse()
        .expect("four digits");
    let mut out: String = chars[..start].iter().collect();
    out.push_str(&(year + 1).to_string());
    let mut rest = start + 4;
    if let Some(&sep) = chars.get(rest).filter(|c| SEPARATORS.contains(c)) {
        match digits_at(rest + 1) {
            2 => {
                let second: u32 = chars[rest + 1..rest + 3]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .expect("two digits");
                out.push(sep);
                out.push_str(&format!("{:02}", (second + 1) % 100));
                rest += 3;
            }
            4 => {
                let second: u32 = chars[rest + 1..rest + 5]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .expect("four digits");
                out.push(sep);
                out.push_str(&(second + 1).to_string());
                rest += 5;
            }
            _ => {}
        }
    }
    out.extend(&chars[rest..]);
    Ok(out)
}

/// The plan's name for the next cycle: the cycle in it advanced, or the new cycle added.
fn next_name(name: &str, cycle: &str, next: &str) -> String {
    let name = if name.contains(cycle) {
        name.replacen(cycle, next, 1)
    } else {
        format!("{name} {next}")
    };
    name.chars().take(MAX_NAME).collect()
}

/// Next cycle's plan, made from `plan` on `today`; `plan` itself is left as it is.
pub fn roll_forward(plan: &Plan, today: NaiveDate, now: DateTime<Utc>) -> Result<Plan> {
    let cycle = plan.settings.cycle.trim().to_string();
    let next = next_cycle(&cycle)?;
    let mut new = plan.clone();
    new.id = new_id();
    new.name = next_name(&plan.name, &cycle, &next);
    new.created_at = now;
    new.updated_at = now;
    new.settings.cycle = next;
    new.settings.rolled_from = Some(RolledFrom {
        plan_id: plan.id.clone(),
        plan_name: plan.name.clone(),
        cycle: cycle.clone(),
        rolled_on: today,
    });
    for m in &mut new.milestones {
        if m.status != MilestoneStatus::Planned && m.cycle.is_none() {
            m.cycle = Some(cycle.clone());
        }
    }
    new.actions.retain(|a| a.status == ActionStatus::Open);
    new.parked_items.retain(|p| p.resolved_on.is_none());
    new.decisions.clear();
    Ok(new)
}

/// What a review's finding or change is about, as a reader names it: the goal's title and the
/// measure's indicator, "Goal — measure", or "The program" when it names neither.
pub fn subject(plan: &Plan, goal_id: Option<&str>, measure_id: Option<&str>) -> String {
    let goal = goal_id.and_then(|id| plan.goals.iter().find(|g| g.id == id));
    let measure = measure_id.and_then(|id| plan.measures.iter().find(|m| m.id == id));
    match (goal, measure) {
        (Some(g), Some(m)) => format!("{} \u{2014} {}", g.title, m.indicator),
        (Some(g), None) => g.title.clone(),
        (None, Some(m)) => m.indicator.clone(),
        (None, None) => "The program".to_string(),
    }
}

/// The review's kind, when its name does not already say it ("Annual review — April 2027"
/// needs no "(annual review)" after it).
pub fn kind_unless_named(r: &Review) -> Option<&'static str> {
    let label = r.kind.label();
    (!r.name.to_lowercase().contains(&label.to_lowercase())).then_some(label)
}

/// Reviews in the order they were (or are to be) held.
pub fn reviews_in_order(plan: &Plan) -> Vec<&Review> {
    let mut list: Vec<&Review> = plan.reviews.iter().collect();
    list.sort_by_key(|r| r.held_on);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_advances_as_it_is_written() {
        for (from, to) in [
            ("2026–27", "2027–28"),
            ("2026-2027", "2027-2028"),
            ("AY 2026/27", "AY 2027/28"),
            ("2026", "2027"),
            ("2099–00", "2100–01"),
            ("Cycle 2026–27 (pilot)", "Cycle 2027–28 (pilot)"),
        ] {
            assert_eq!(next_cycle(from).unwrap(), to, "{from}");
        }
    }

    #[test]
    fn a_cycle_without_a_year_is_refused_by_name() {
        for bad in ["", "  ", "next year", "26–27"] {
            let e = next_cycle(bad).unwrap_err();
            assert!(e.to_string().contains("cycle"), "{bad}: {e}");
        }
    }

    #[test]
    fn the_name_follows_the_cycle() {
        assert_eq!(
            next_name("Saint-Aurèle 2026–27", "2026–27", "2027–28"),
            "Saint-Aurèle 2027–28"
        );
        assert_eq!(next_name("Pilot", "2026", "2027"), "Pilot 2027");
    }
}
