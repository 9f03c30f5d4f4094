//! The plan as an XLSX workbook an analyst can work in: one sheet per part of the plan, each a
//! real Excel table (filters, frozen headers, dropdowns on the columns people update, dates as
//! dates and numbers as numbers), set up to print landscape one page wide. The maturity
//! sheet carries the matrix with conditional colours and a radar chart drawn from its cells.
//!
//! Blind scoring holds here as on screen: only revealed assessments show their scores.

mod badges;
mod board;
mod factors;
mod formats;
mod gaps;
mod goals;
mod governance;
mod maturity;
mod measures;
mod outreach;
mod ratings;
mod requirements;
mod reviews;
mod roadmap;
mod roomlog;
mod sheet;
mod standards;
mod summary;
mod vision;
mod wrap;

use crate::error::{Error, Result};
use crate::figures::MaturityFigures;
use crate::figures::{latest, measure_standing, MeasureStanding};
use crate::model::{CheckIn, Measure, Plan};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use formats::Formats;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;

fn xlsx_error(e: XlsxError) -> Error {
    Error::Export {
        format: "xlsx",
        reason: e.to_string(),
    }
}

/// A date as Excel stores it; `None` outside the years Excel can show.
fn xlsx_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year())
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// What every sheet needs: the plan, the day the statuses are judged on, the formats, and
/// what is costly to work out more than once.
struct Ctx<'a> {
    pub plan: &'a Plan,
    pub today: NaiveDate,
    pub f: Formats,
    check_ins: HashMap<&'a str, Vec<&'a CheckIn>>,
    pub maturity: Option<MaturityFigures<'a>>,
}

impl<'a> Ctx<'a> {
    fn new(plan: &'a Plan, today: NaiveDate) -> Result<Ctx<'a>> {
        let mut check_ins: HashMap<&str, Vec<&CheckIn>> = HashMap::new();
        for c in &plan.check_ins {
            check_ins.entry(c.measure_id.as_str()).or_default().push(c);
        }
        for list in check_ins.values_mut() {
            list.sort_by_key(|c| c.date);
        }
        let maturity = MaturityFigures::of(plan, today)?;
        Ok(Ctx {
            plan,
            today,
            f: Formats::new(),
            check_ins,
            maturity,
        })
    }

    /// A measure's check-ins, oldest first.
    pub fn check_ins(&self, measure_id: &str) -> &[&'a CheckIn] {
        self.check_ins.get(measure_id).map_or(&[], Vec::as_slice)
    }

    pub fn standing(&self, m: &Measure) -> MeasureStanding {
        measure_standing(m, self.check_ins(&m.id).iter().copied(), self.today)
    }

    pub fn latest(&self, m: &Measure) -> Option<&'a CheckIn> {
        latest(self.check_ins(&m.id).iter().copied())
    }

    pub fn goal_title(&self, id: &str) -> String {
        self.plan
            .goals
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.title.clone())
            .unwrap_or_default()
    }

    pub fn sheet(&self, name: &str, widths: &[f64]) -> Result<sheet::Sheet<'_>, XlsxError> {
        sheet::Sheet::new(name, &self.f, &self.plan.name, widths)
    }
}

/// Builds one sheet from the plan.
type SheetFn = fn(&Ctx) -> Result<Worksheet, XlsxError>;

/// The workbook's bytes. `now` is the export's date: it dates the file's properties (so the
/// same plan at the same moment gives the same bytes) and the measures' statuses.
pub fn render(plan: &Plan, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let ctx = Ctx::new(plan, now.date_naive())?;
    let mut wb = Workbook::new();
    wb.set_properties(&properties(plan, now).map_err(xlsx_error)?);
    // In the order a reader meets them: the summary, then the journey's steps.
    let sheets: [SheetFn; 28] = [
        summary::sheet,
        vision::context,
        vision::vision,
        goals::sheet,
        measures::measures,
        measures::check_ins,
        measures::future,
        requirements::sheet,
        governance::governance,
        governance::raci,
        governance::badges,
        standards::sheet,
        badges::catalogue,
        badges::pathways,
        badges::issuing,
        maturity::sheet,
        ratings::sheet,
        gaps::sheet,
        factors::sheet,
        outreach::communication,
        outreach::training,
        roadmap::sheet,
        board::asks,
        board::risks,
        reviews::sheet,
        // The room's log, kept beside the journey.
        roomlog::parked,
        roomlog::decisions,
        roomlog::actions,
    ];
    for build in sheets {
        wb.push_worksheet(build(&ctx).map_err(xlsx_error)?);
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

fn properties(plan: &Plan, now: DateTime<Utc>) -> Result<DocProperties, XlsxError> {
    let s = &plan.settings;
    let created = ExcelDateTime::from_ymd(
        now.year().clamp(1900, 9999) as u16,
        now.month() as u8,
        now.day() as u8,
    )?
    .and_hms(now.hour() as u16, now.minute() as u8, now.second())?;
    let author = if s.prepared_by.trim().is_empty() {
        "Stepwise"
    } else {
        s.prepared_by.as_str()
    };
    let mut p = DocProperties::new()
        .set_title(&plan.name)
        .set_subject("Micro-credential program strategic plan")
        .set_author(author)
        .set_company(&s.organisation)
        .set_keywords("micro-credentials, strategy, SMART goals, maturity model")
        .set_creation_datetime(&created);
    if !s.prepared_for.trim().is_empty() {
        p = p.set_comment(format!("Prepared for {}", s.prepared_for));
    }
    Ok(p)
}
