//! Step 7, badges and issuing: the badges themselves (not only their levels), the pathways
//! that stack them into a credential, and how they are issued. A badge is only worth what its
//! metadata says, so each one is checked against the plan's publication policy
//! (`metadata_gaps`); the policy's wording is data in the catalog.

use super::{Id, Kind};
use crate::catalog::{catalog, PolicyItem};
use crate::record::{clear_if, drop_from, link, links_in, Checker, Link, Record, Unlinked};
use serde::{Deserialize, Serialize};

/// Where a badge is in its life, from an idea to being withdrawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BadgeStatus {
    #[default]
    Proposed,
    Approved,
    Piloting,
    Live,
    Retired,
}

impl BadgeStatus {
    pub const ALL: [BadgeStatus; 5] = [
        BadgeStatus::Proposed,
        BadgeStatus::Approved,
        BadgeStatus::Piloting,
        BadgeStatus::Live,
        BadgeStatus::Retired,
    ];

    pub fn label(self) -> &'static str {
        match self {
            BadgeStatus::Proposed => "Proposed",
            BadgeStatus::Approved => "Approved",
            BadgeStatus::Piloting => "Piloting",
            BadgeStatus::Live => "Live",
            BadgeStatus::Retired => "Retired",
        }
    }
}

/// The longest expiry a badge can state: fifty years is already "never" in practice.
pub const MAX_EXPIRY_MONTHS: u32 = 600;

/// One badge of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Badge {
    pub id: Id,
    pub name: String,
    /// What the badge stands for, in a sentence or two an employer can read.
    pub description: String,
    /// Its level in the plan's taxonomy.
    pub level_id: Option<Id>,
    /// Who keeps the badge current: a person, a department.
    pub owner: String,
    /// What an earner has to do to receive it.
    pub criteria: String,
    /// What an earner hands in, and what the badge shows of it.
    pub evidence: String,
    /// The skills it vouches for, in words.
    pub skills: String,
    /// The plan's skills frameworks it aligns to.
    pub framework_ids: Vec<Id>,
    /// How many months it stays valid; none means it does not expire.
    pub expiry_months: Option<u32>,
    /// The organisation or unit named as issuer on the badge.
    pub issuer: String,
    pub status: BadgeStatus,
}

impl Record for Badge {
    const KIND: Kind = Kind::Badge;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        let mut links: Vec<Link<'_>> = self
            .level_id
            .iter()
            .map(|l| link("level_id", Kind::BadgeLevel, l))
            .collect();
        links.extend(links_in(
            "framework_ids",
            Kind::Framework,
            &self.framework_ids,
        ));
        links
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::BadgeLevel => clear_if(&mut self.level_id, id),
            Kind::Framework => drop_from(&mut self.framework_ids, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        for (field, value) in [
            ("description", &self.description),
            ("owner", &self.owner),
            ("criteria", &self.criteria),
            ("evidence", &self.evidence),
            ("skills", &self.skills),
            ("issuer", &self.issuer),
        ] {
            c.text(field, value);
        }
        if let Some(m) = self.expiry_months {
            if m == 0 || m > MAX_EXPIRY_MONTHS {
                c.problem(
                    "expiry_months",
                    format!("must be from 1 to {MAX_EXPIRY_MONTHS} months, or none for a badge that does not expire"),
                );
            }
        }
    }
}

/// Whether a badge meets one item of the publication policy (`badge_metadata_policy` in the
/// catalog): any of the item's fields filled.
pub fn meets_policy(b: &Badge, item: &PolicyItem) -> bool {
    meets(&fields_of(b), item)
}

/// What a badge still lacks before it can be published, in the policy's order. The badge's
/// fields are read once for all the items: progress asks this of every badge on every edit.
pub fn metadata_gaps(b: &Badge) -> Vec<&'static PolicyItem> {
    let fields = fields_of(b);
    catalog()
        .badge_metadata_policy
        .iter()
        .filter(|item| !meets(&fields, item))
        .collect()
}

fn fields_of(b: &Badge) -> serde_json::Value {
    serde_json::to_value(b).unwrap_or_default()
}

fn meets(fields: &serde_json::Value, item: &PolicyItem) -> bool {
    item.fields.iter().any(|f| match fields.get(f) {
        Some(serde_json::Value::String(s)) => !s.trim().is_empty(),
        Some(serde_json::Value::Array(a)) => !a.is_empty(),
        Some(serde_json::Value::Null) | None => false,
        Some(_) => true,
    })
}

/// The policy items a badge lacks, named for a sentence: "criteria, issuer".
pub fn gaps_line(b: &Badge) -> String {
    metadata_gaps(b)
        .iter()
        .map(|d| d.name.to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// How long a badge stays valid, in words.
pub fn expiry_label(months: Option<u32>) -> String {
    match months {
        None => "Does not expire".to_string(),
        Some(1) => "1 month".to_string(),
        Some(m) if m % 12 == 0 => match m / 12 {
            1 => "1 year".to_string(),
            y => format!("{y} years"),
        },
        Some(m) => format!("{m} months"),
    }
}

/// A named sequence of badges that stacks to a larger credential.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BadgePathway {
    pub id: Id,
    pub name: String,
    /// The credential the pathway leads to: "Certificate in Applied Data Analytics".
    pub credential: String,
    pub description: String,
    /// The badges, in the order an earner takes them.
    pub badge_ids: Vec<Id>,
}

impl Record for BadgePathway {
    const KIND: Kind = Kind::BadgePathway;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        links_in("badge_ids", Kind::Badge, &self.badge_ids).collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Badge => drop_from(&mut self.badge_ids, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("credential", &self.credential);
        c.text("description", &self.description);
        let mut seen = std::collections::HashSet::new();
        for id in &self.badge_ids {
            if !seen.insert(id) {
                c.problem("badge_ids", "holds the same badge twice");
                break;
            }
        }
    }
}

/// One way badges are issued: a platform, the courses or course shells that award through it,
/// and who presses the button. The pilot is the route marked as such.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuingRoute {
    pub id: Id,
    /// The badge platform: "Canvas Credentials", "Credly".
    pub platform: String,
    /// The courses or course shells that issue through it.
    pub courses: String,
    /// The badges it issues.
    pub badge_ids: Vec<Id>,
    /// Who receives them: "Fall 2027 analytics cohort".
    pub cohorts: String,
    /// How the student information system names these courses or badges, so reports can join.
    pub sis_name: String,
    /// Who issues: a role or a person.
    pub issued_by: String,
    /// Whether this route runs the pilot; its badges are the pilot badges.
    pub pilot: bool,
}

impl Record for IssuingRoute {
    const KIND: Kind = Kind::IssuingRoute;
    fn id(&self) -> &str {
        &self.id
    }
    fn links(&self) -> Vec<Link<'_>> {
        links_in("badge_ids", Kind::Badge, &self.badge_ids).collect()
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Badge => drop_from(&mut self.badge_ids, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("platform", &self.platform);
        for (field, value) in [
            ("courses", &self.courses),
            ("cohorts", &self.cohorts),
            ("sis_name", &self.sis_name),
            ("issued_by", &self.issued_by),
        ] {
            c.text(field, value);
        }
    }
}
