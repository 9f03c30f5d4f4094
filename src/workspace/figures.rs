//! The figures the screens show beside an open plan (step checks, the maturity headline, the
//! measure tally), kept between edits and recounted only where an edit can have changed
//! them. Counting them whole after every edit made an edit's cost grow with the plan: the
//! SMART check of every goal was re-read for a change to one goal's owner.

use crate::figures::{measure_tally, MaturityHeadline, StatusCount};
use crate::model::{Id, Kind, Plan};
use crate::progress::{
    goal_check, step_checks_with, unmeasured_goal_check, Step, StepChecks, StepProgress,
};
use crate::smart::is_smart;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// The kinds the maturity headline reads.
const MATURITY: [Kind; 6] = [
    Kind::Assessment,
    Kind::Rater,
    Kind::Rating,
    Kind::Agreement,
    Kind::Target,
    Kind::Phase,
];
/// The kinds the measure tally reads.
const TALLY: [Kind; 2] = [Kind::Measure, Kind::CheckIn];

/// What an edit touched, as the figures see it.
#[derive(Default)]
pub(super) struct Touched {
    pub kinds: HashSet<Kind>,
    pub goals: HashSet<Id>,
    pub settings: bool,
    /// Some list's order changed (a move, or rows put back by undo).
    pub reordered: bool,
}

pub(super) struct Figures {
    today: NaiveDate,
    pub checks: Vec<StepChecks>,
    pub steps: Vec<StepProgress>,
    pub maturity: Option<Box<MaturityHeadline>>,
    pub measure_tally: Vec<StatusCount>,
    /// Whether each goal is SMART, by id.
    smart: HashMap<Id, bool>,
}

impl Figures {
    pub fn of(plan: &Plan, today: NaiveDate) -> Figures {
        let smart: HashMap<Id, bool> = plan
            .goals
            .iter()
            .map(|g| (g.id.clone(), is_smart(g, None)))
            .collect();
        let checks: Vec<StepChecks> = Step::ALL
            .iter()
            .map(|s| StepChecks {
                step: *s,
                checks: step_checks_with(plan, *s, &|g| smart[&g.id]),
            })
            .collect();
        Figures {
            today,
            steps: checks
                .iter()
                .map(|c| StepProgress::of(c.step, &c.checks))
                .collect(),
            checks,
            // Only revealed assessments count, so the blind scores in the plan never show.
            maturity: MaturityHeadline::of(plan, today).map(Box::new),
            measure_tally: measure_tally(plan, today),
            smart,
        }
    }

    /// Recounts what `touched` can have changed, and what depends on the day when the day has
    /// moved on; answers the steps whose checks changed.
    pub fn refresh(&mut self, plan: &Plan, today: NaiveDate, touched: &Touched) -> Vec<Step> {
        // Goals edited in place, none added, removed or moved: only their own checks change.
        let goal_edits = touched.kinds.len() == 1
            && !touched.reordered
            && touched
                .goals
                .iter()
                .all(|id| self.smart.contains_key(id) && plan.goals.iter().any(|g| &g.id == id));
        for id in &touched.goals {
            match plan.goals.iter().find(|g| &g.id == id) {
                Some(g) => self.smart.insert(id.clone(), is_smart(g, None)),
                None => self.smart.remove(id),
            };
        }
        let mut changed = Vec::new();
        for (i, step) in Step::ALL.iter().enumerate() {
            if !step.reads_any(&touched.kinds, touched.settings) {
                continue;
            }
            if goal_edits && matches!(step, Step::Goals | Step::Measures) {
                if self.patch_goals(plan, i, touched) {
                    self.steps[i] = StepProgress::of(*step, &self.checks[i].checks);
                    changed.push(*step);
                }
                continue;
            }
            let smart = &self.smart;
            let checks = step_checks_with(plan, *step, &|g| {
                smart
                    .get(&g.id)
                    .copied()
                    .unwrap_or_else(|| is_smart(g, None))
            });
            if checks != self.checks[i].checks {
                self.steps[i] = StepProgress::of(*step, &checks);
                self.checks[i].checks = checks;
                changed.push(*step);
            }
        }
        let new_day = today != self.today;
        self.today = today;
        if new_day || MATURITY.iter().any(|k| touched.kinds.contains(k)) {
            self.maturity = MaturityHeadline::of(plan, today).map(Box::new);
        }
        if new_day || TALLY.iter().any(|k| touched.kinds.contains(k)) {
            self.measure_tally = measure_tally(plan, today);
        }
        changed
    }

    /// Rewrites, in step `i` (Goals or Measures), the checks of goals edited in place, so a
    /// goal's edit costs the same on a plan of six goals or a thousand. Whether a goal has a
    /// measure is not the goal's to change: the Measures step has a check for it exactly when it
    /// had one before. Says whether anything changed.
    fn patch_goals(&mut self, plan: &Plan, i: usize, touched: &Touched) -> bool {
        let step = self.checks[i].step;
        let checks = &mut self.checks[i].checks;
        let mut changed = false;
        for g in plan.goals.iter().filter(|g| touched.goals.contains(&g.id)) {
            let Some(at) = checks.iter().position(|c| c.part == g.id) else {
                continue;
            };
            let new = match step {
                Step::Goals => goal_check(g, self.smart[&g.id]),
                _ => unmeasured_goal_check(g),
            };
            if checks[at] != new {
                checks[at] = new;
                changed = true;
            }
        }
        changed
    }

    /// The progress and checks of `steps`, to send to screens that hold the others.
    pub fn of_steps(&self, steps: &[Step]) -> (Vec<StepProgress>, Vec<StepChecks>) {
        let at = |s: &Step| Step::ALL.iter().position(|x| x == s).expect("every step");
        (
            steps.iter().map(|s| self.steps[at(s)].clone()).collect(),
            steps.iter().map(|s| self.checks[at(s)].clone()).collect(),
        )
    }
}
