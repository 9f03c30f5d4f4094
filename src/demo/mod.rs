//! The demo plan: Saint-Aurèle University, a fictional mid-sized university part-way through
//! the pilot phase of its micro-credential program. It is what a consultant shows a client on
//! first launch, and what the tests, benchmarks and exports use, so it fills every step of the
//! journey with content that reads like a real strategy — and leaves a few things unfinished
//! (a goal not yet linked, a measure off track, raters who disagree) so that every check and
//! chart in the app has something to show.
//!
//! Every date is counted from the `now` passed in, so the demo never goes stale: the pilot is
//! always under way, the baseline assessment always a few weeks old.

mod context;
mod governance;
mod maturity;
mod outreach;
mod results;
mod stress;

pub use stress::stress_plan;

use crate::model::{new_id, Id, Plan};
use crate::store::Store;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use std::collections::HashMap;

/// Set once a database has been offered the demo, so a deleted demo does not come back.
pub const DEMO_META_KEY: &str = "demo_offered";

const PLAN_NAME: &str = "Saint-Aurèle University — Digital credentials strategy (demo)";

/// The demo plan as of `now`.
pub fn demo_plan(now: DateTime<Utc>) -> Plan {
    let mut d = Demo::new(now);
    // Order matters only where a step links to records of an earlier one.
    context::settings(&mut d);
    context::context(&mut d);
    context::vision(&mut d);
    results::goals(&mut d);
    results::measures(&mut d);
    results::requirements(&mut d);
    governance::governance(&mut d);
    outreach::roadmap(&mut d);
    outreach::communication(&mut d);
    outreach::training(&mut d);
    maturity::success_factors(&mut d);
    maturity::assessments(&mut d);
    d.plan
}

/// Creates the demo plan (used by `stepwise demo`).
pub fn create_demo(store: &mut Store, now: DateTime<Utc>) -> crate::Result<Plan> {
    let plan = demo_plan(now);
    store.insert_plan(&plan)?;
    Ok(plan)
}

/// On the first launch of a database that holds no plans, creates the demo plan and returns
/// its id. Either way the database is marked as offered, so a demo the user deleted — or a
/// database that already had plans of its own — never gets one later.
pub fn ensure_demo(store: &mut Store, now: DateTime<Utc>) -> crate::Result<Option<String>> {
    if store.meta(DEMO_META_KEY)?.is_some() {
        return Ok(None);
    }
    let created = if store.list_plans()?.is_empty() {
        Some(create_demo(store, now)?.id)
    } else {
        None
    };
    // Marked after the insert: if marking fails, the plan now present keeps the demo from
    // being offered twice anyway.
    store.set_meta(DEMO_META_KEY, &now.to_rfc3339())?;
    Ok(created)
}

/// The plan being built, the day it is built on, and the ids of records later steps link to,
/// under short handles such as `"goal:compass"`.
struct Demo {
    plan: Plan,
    today: NaiveDate,
    ids: HashMap<&'static str, Id>,
}

impl Demo {
    fn new(now: DateTime<Utc>) -> Demo {
        Demo {
            plan: Plan::new(PLAN_NAME, now),
            today: now.date_naive(),
            ids: HashMap::new(),
        }
    }

    /// A fresh record id, remembered under `handle` for the steps that link to it.
    fn new_id(&mut self, handle: &'static str) -> Id {
        let id = new_id();
        let earlier = self.ids.insert(handle, id.clone());
        assert!(earlier.is_none(), "demo handle {handle:?} is used twice");
        id
    }

    fn id(&self, handle: &str) -> Id {
        match self.ids.get(handle) {
            Some(id) => id.clone(),
            None => panic!("demo handle {handle:?} is linked to before it is created"),
        }
    }

    fn ids(&self, handles: &[&str]) -> Vec<Id> {
        handles.iter().map(|h| self.id(h)).collect()
    }

    /// The date `n` months from today (before it when negative).
    fn months(&self, n: i32) -> NaiveDate {
        let m = Months::new(n.unsigned_abs());
        let d = if n >= 0 {
            self.today.checked_add_months(m)
        } else {
            self.today.checked_sub_months(m)
        };
        d.expect("demo dates stay within chrono's range")
    }

    /// The date `n` days from today (before it when negative).
    fn days(&self, n: i64) -> NaiveDate {
        let d = Days::new(n.unsigned_abs());
        let date = if n >= 0 {
            self.today.checked_add_days(d)
        } else {
            self.today.checked_sub_days(d)
        };
        date.expect("demo dates stay within chrono's range")
    }

    /// The next 15 April after today: the yearly evaluation the governance section promises.
    fn next_april_review(&self) -> NaiveDate {
        let this_year = NaiveDate::from_ymd_opt(self.today.year(), 4, 15).expect("15 April exists");
        if this_year > self.today {
            this_year
        } else {
            NaiveDate::from_ymd_opt(self.today.year() + 1, 4, 15).expect("15 April exists")
        }
    }
}

/// A date as the plan's prose writes it, e.g. "14 March 2027".
fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A month as the plan's prose writes it, e.g. "March 2027".
fn month_year(d: NaiveDate) -> String {
    d.format("%B %Y").to_string()
}

#[cfg(test)]
mod tests;
