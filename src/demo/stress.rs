//! The stress plan: the demo plan grown past anything a real program should reach — 200 goals
//! whose SMART parts run to several paragraphs, 1,000 measures with their check-ins, and five
//! revealed assessments scored by twenty raters each — so that the exports and their
//! benchmarks meet long tables, page breaks and very long text. Everything but the ids follows
//! from `now`: the text comes from a fixed-seed generator, not from chance.

use super::dates::{long_date, month_year};
use crate::catalog::catalog;
use crate::maturity::ordered_phases;
use crate::model::{
    new_id, Agreement, Assessment, Better, CheckIn, CheckInConfidence, Confidence, Frequency, Goal,
    Measure, Milestone, MilestoneStatus, Plan, Rater, Rating, Score, Target,
};
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use words::{INDICATORS, OBJECTS, PEOPLE, ROLES, SENTENCES, UNITS, VERBS};

mod words;

const STRESS_GOALS: usize = 200;
const STRESS_MEASURES: usize = 1_000;
const STRESS_ASSESSMENTS: usize = 5;
const STRESS_RATERS: usize = 20;

const PLAN_NAME: &str =
    "Saint-Aurèle University — Digital credentials strategy for every faculty, \
     campus and continuing-education programme, with the employer-endorsed pathways of the \
     Laurentian valley (stress test)";

/// A fixed-seed generator (64-bit LCG), so the same `now` gives the same plan.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// `n` sentences drawn from the pool, as one paragraph.
fn paragraph(dice: &mut Dice, n: usize) -> String {
    (0..n)
        .map(|_| dice.pick(SENTENCES))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A goal part of one to three paragraphs; every ninth goal gets a much longer one (about
/// 6,000 characters), the kind a committee pastes from a report.
fn goal_part(dice: &mut Dice, lead: &str, goal: usize) -> String {
    let paragraphs = if goal % 9 == 4 { 10 } else { 1 + dice.below(3) };
    let mut parts = vec![format!("{lead} {}", paragraph(dice, 2))];
    for _ in 1..paragraphs {
        let sentences = 2 + dice.below(3);
        parts.push(paragraph(dice, sentences));
    }
    parts.join("\n\n")
}

fn months_from(today: NaiveDate, n: i32) -> NaiveDate {
    let m = Months::new(n.unsigned_abs());
    let d = if n >= 0 {
        today.checked_add_months(m)
    } else {
        today.checked_sub_months(m)
    };
    d.expect("stress dates stay within chrono's range")
}

fn days_from(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_add_days(Days::new(n))
        .expect("stress dates stay within chrono's range")
}

/// The demo plan with 200 goals, 1,000 measures and their check-ins, milestones for a quarter
/// of the goals, and five revealed assessments of twenty raters in place of the demo's two.
pub fn stress_plan(now: DateTime<Utc>) -> Plan {
    let mut plan = super::demo_plan(now);
    plan.name = PLAN_NAME.to_string();
    let today = now.date_naive();
    let mut dice = Dice(0x5EED_2026);
    let first_new = plan.goals.len();
    add_goals(&mut plan, today, &mut dice);
    add_measures(&mut plan, first_new, today, &mut dice);
    replace_assessments(&mut plan, today, &mut dice);
    plan
}

fn add_goals(plan: &mut Plan, today: NaiveDate, dice: &mut Dice) {
    let statements: Vec<String> = plan
        .vision_statements
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let priorities: Vec<String> = plan.priorities.iter().map(|p| p.id.clone()).collect();
    let phases: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> = plan
        .phases
        .iter()
        .map(|p| (p.id.clone(), p.starts_on, p.ends_on))
        .collect();
    for i in plan.goals.len()..STRESS_GOALS {
        let unit = dice.pick(UNITS);
        let mut title = format!("{} {} in {unit}", dice.pick(VERBS), dice.pick(OBJECTS));
        if i % 7 == 0 {
            title.push_str(
                ", with the criteria, evidence and employer endorsements that make each badge worth \
                 showing, and a bridge to credit where the Senate approves one",
            );
        }
        // A few goals fall due in the past, so the SMART check has something to say.
        let due = months_from(today, (i % 50) as i32 - 2);
        let people = dice.pick(PEOPLE);
        let goal = Goal {
            id: new_id(),
            title,
            specific: goal_part(dice, &format!("In {unit}, we will do this:"), i),
            measurable: goal_part(
                dice,
                &format!("At least {} learners earn the badge.", 40 + i * 5),
                i,
            ),
            achievable: goal_part(
                dice,
                "Realistic because the people and budget are in place.",
                i,
            ),
            relevant: goal_part(dice, "It serves the strategic plan directly.", i),
            time_bound: format!("Met by {}.", long_date(due)),
            owner: format!("{people}, {}", dice.pick(ROLES)),
            due: Some(due),
            statement_ids: statements.iter().skip(i % 2).take(1).cloned().collect(),
            priority_ids: priorities
                .iter()
                .skip(i % priorities.len().max(1))
                .take(2)
                .cloned()
                .collect(),
        };
        if i % 4 == 0 {
            let phase_id = phases
                .iter()
                .find(|(_, s, e)| s.is_some_and(|s| s <= due) && e.is_some_and(|e| due <= e))
                .map(|(id, _, _)| id.clone());
            plan.milestones.push(Milestone {
                id: new_id(),
                title: format!("Milestone for goal {}: {}", i + 1, goal.title),
                due: Some(due),
                phase_id,
                goal_id: Some(goal.id.clone()),
                status: MilestoneStatus::Planned,
                done_on: None,
                cycle: None,
            });
        }
        plan.goals.push(goal);
    }
}

/// Measures for the goals from `first_new` on, until the plan holds 1,000, each with up to
/// six check-ins whose values run ahead of, along or behind the line to the target, so every
/// status appears.
fn add_measures(plan: &mut Plan, first_new: usize, today: NaiveDate, dice: &mut Dice) {
    let goal_ids: Vec<String> = plan.goals[first_new..]
        .iter()
        .map(|g| g.id.clone())
        .collect();
    let needed = STRESS_MEASURES - plan.measures.len();
    for n in 0..needed {
        let goal_id = goal_ids[n % goal_ids.len()].clone();
        let (indicator, unit) = INDICATORS[dice.below(INDICATORS.len())];
        let mut indicator = format!("{indicator} ({})", dice.pick(UNITS));
        if n % 11 == 0 {
            indicator.push_str(
                " — counted from the census extract after the add/drop deadline, excluding \
                 learners who withdrew for medical or compassionate reasons",
            );
        }
        let baseline = (10 + dice.below(60)) as f64;
        let target = baseline + (5 + dice.below(40)) as f64;
        let baseline_date = months_from(today, -(3 + dice.below(12) as i32));
        let target_date = months_from(today, 3 + dice.below(30) as i32);
        let id = new_id();
        // One in twenty has no baseline yet: "not measured" needs rows too.
        let known = n % 20 != 7;
        let pace = [1.4, 1.0, 0.8, 0.5, 0.2][n % 5];
        let span = (today - baseline_date).num_days().max(1) as u64;
        let count = dice.below(7);
        for k in 1..=count {
            let date = days_from(baseline_date, span * k as u64 / (count as u64 + 1));
            let share = (date - baseline_date).num_days() as f64
                / (target_date - baseline_date).num_days() as f64;
            let value = baseline + (target - baseline) * share * pace + dice.below(3) as f64;
            plan.check_ins.push(CheckIn {
                id: new_id(),
                measure_id: id.clone(),
                date,
                value: (value * 10.0).round() / 10.0,
                note: if k == count && n % 3 == 0 {
                    paragraph(dice, 2)
                } else {
                    String::new()
                },
                confidence: (k % 4 != 0).then(|| CheckInConfidence::ALL[k % 3]),
            });
        }
        plan.measures.push(Measure {
            id,
            goal_id,
            indicator,
            unit: unit.into(),
            baseline: known.then_some(baseline),
            baseline_date: known.then_some(baseline_date),
            target: Some(target),
            target_date: Some(target_date),
            data_source: format!("{} — termly extract", dice.pick(ROLES)),
            owner: dice.pick(PEOPLE).into(),
            frequency: Some(Frequency::ALL[n % Frequency::ALL.len()]),
            better: Better::Higher,
            // One in four is judged by thresholds: half-way to the target is on track, a
            // quarter of the way the red line.
            on_track_at: (n % 4 == 0).then_some(baseline + (target - baseline) * 0.5),
            red_line: (n % 4 == 0).then_some(baseline + (target - baseline) * 0.25),
        });
    }
}

/// Five assessments six months apart, the latest a few weeks old, each scored by twenty
/// raters on every sub-facet, agreed, and aimed at the plan's last two phases.
fn replace_assessments(plan: &mut Plan, today: NaiveDate, dice: &mut Dice) {
    plan.assessments.clear();
    // The demo's reviews name its assessments, which are replaced here.
    for r in &mut plan.reviews {
        r.assessment_id = None;
    }
    plan.raters.clear();
    plan.ratings.clear();
    plan.scoring_rounds.clear();
    plan.agreements.clear();
    plan.targets.clear();
    let phases: Vec<String> = {
        let ordered = ordered_phases(plan);
        ordered[ordered.len().saturating_sub(2)..]
            .iter()
            .map(|p| p.id.clone())
            .collect()
    };
    let subfacets: Vec<&str> = catalog().subfacets().map(|s| s.id.as_str()).collect();
    for a in 0..STRESS_ASSESSMENTS {
        let assessed_on = months_from(today, -6 * (STRESS_ASSESSMENTS - 1 - a) as i32 - 1);
        let assessment_id = new_id();
        plan.assessments.push(Assessment {
            id: assessment_id.clone(),
            name: format!(
                "Assessment {} of {STRESS_ASSESSMENTS} — {}",
                a + 1,
                month_year(assessed_on)
            ),
            assessed_on,
            revealed: true,
        });
        let raters: Vec<String> = (0..STRESS_RATERS)
            .map(|r| {
                let id = new_id();
                plan.raters.push(Rater {
                    id: id.clone(),
                    assessment_id: assessment_id.clone(),
                    name: PEOPLE[r % PEOPLE.len()].into(),
                    role: ROLES[r % ROLES.len()].into(),
                });
                id
            })
            .collect();
        for (s, subfacet) in subfacets.iter().enumerate() {
            // The organisation climbs about a stage a year, faster on some sub-facets.
            let base = (1 + (s % 3) + a * (1 + s % 2) / 2).min(5) as u8;
            let mut stages = Vec::new();
            for (r, rater_id) in raters.iter().enumerate() {
                let score = if (r + s + a) % 37 == 0 {
                    Score::NotApplicable(
                        "My unit has no part in this; I would be guessing at what others do."
                            .into(),
                    )
                } else {
                    let wobble = dice.below(3) as i8 - 1 + i8::from(r % 10 == 9);
                    let stage = (base as i8 + wobble).clamp(1, 5) as u8;
                    stages.push(stage);
                    Score::Stage(stage)
                };
                plan.ratings.push(Rating {
                    id: new_id(),
                    rater_id: rater_id.clone(),
                    subfacet_id: subfacet.to_string(),
                    round: 1,
                    score,
                    confidence: Some(
                        [
                            Confidence::EvidenceSeen,
                            Confidence::Observed,
                            Confidence::Opinion,
                        ][r % 3],
                    ),
                    note: if r % 6 == 0 {
                        paragraph(dice, 1)
                    } else {
                        String::new()
                    },
                    evidence: String::new(),
                });
            }
            stages.sort_unstable();
            let agreed = stages
                .get(stages.len().saturating_sub(1) / 2)
                .copied()
                .unwrap_or(base);
            plan.agreements.push(Agreement {
                id: new_id(),
                assessment_id: assessment_id.clone(),
                subfacet_id: subfacet.to_string(),
                score: Score::Stage(agreed),
                rationale: format!("{}\n\n{}", paragraph(dice, 3), paragraph(dice, 2)),
                evidence: paragraph(dice, 1),
            });
            let mut stage = agreed;
            for phase_id in &phases {
                stage = (stage + 1).min(5);
                plan.targets.push(Target {
                    id: new_id(),
                    assessment_id: assessment_id.clone(),
                    phase_id: phase_id.clone(),
                    subfacet_id: subfacet.to_string(),
                    stage,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
    }

    #[test]
    fn the_stress_plan_is_a_valid_plan_of_the_promised_size() {
        let plan = stress_plan(now());
        let problems = crate::validate::plan_problems(&plan);
        assert!(
            problems.is_empty(),
            "the stress plan must import like any plan: {problems:?}"
        );
        assert_eq!(
            plan.goals.len(),
            STRESS_GOALS,
            "the benchmarks promise 200 goals"
        );
        assert_eq!(
            plan.measures.len(),
            STRESS_MEASURES,
            "the benchmarks promise 1,000 measures"
        );
        assert!(
            plan.check_ins.len() > 2 * STRESS_MEASURES,
            "most measures need check-ins to have a status"
        );
        assert_eq!(plan.assessments.len(), STRESS_ASSESSMENTS);
        assert!(
            plan.assessments.iter().all(|a| a.revealed),
            "exports show results only of revealed assessments"
        );
        assert_eq!(plan.raters.len(), STRESS_ASSESSMENTS * STRESS_RATERS);
        assert_eq!(
            plan.ratings.len(),
            STRESS_ASSESSMENTS * STRESS_RATERS * 20,
            "every rater scores every sub-facet"
        );
        assert_eq!(plan.agreements.len(), STRESS_ASSESSMENTS * 20);
        assert_eq!(
            plan.targets.len(),
            STRESS_ASSESSMENTS * 20 * 2,
            "targets over two phases"
        );
    }

    #[test]
    fn the_stress_plan_can_be_stored_like_any_plan() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::Store::open(&dir.path().join("stress.db")).unwrap();
        let plan = stress_plan(now());
        store
            .insert_plan(&plan)
            .expect("the store takes the stress plan, long name and all");
        assert_eq!(
            store.plan(&plan.id).unwrap(),
            plan,
            "and gives it back whole"
        );
    }

    #[test]
    fn the_stress_plan_has_very_long_multi_paragraph_text() {
        let plan = stress_plan(now());
        let longest = plan
            .goals
            .iter()
            .map(|g| g.specific.chars().count())
            .max()
            .unwrap_or(0);
        assert!(
            longest > 4_000,
            "some goal parts must be long enough to break across pages ({longest})"
        );
        assert!(
            plan.goals.iter().any(|g| g.achievable.contains("\n\n")),
            "goal parts run to several paragraphs"
        );
        assert!(
            plan.goals.iter().any(|g| g.title.chars().count() > 150),
            "some titles are very long"
        );
    }

    #[test]
    fn the_stress_plan_is_the_same_for_the_same_moment_apart_from_ids() {
        let (a, b) = (stress_plan(now()), stress_plan(now()));
        let titles = |p: &Plan| p.goals.iter().map(|g| g.title.clone()).collect::<Vec<_>>();
        let values = |p: &Plan| {
            p.check_ins
                .iter()
                .map(|c| (c.date, c.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            titles(&a),
            titles(&b),
            "benchmarks compare runs, so the text must not vary"
        );
        assert_eq!(values(&a), values(&b), "and neither may the check-ins");
    }
}
