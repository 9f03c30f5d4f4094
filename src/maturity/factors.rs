//! The model's ten critical success factors as a checklist per plan. A factor nobody has
//! touched yet reads as "not started"; setting one keeps a single check per factor.

use crate::catalog::catalog;
use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{new_id, Entity, FactorStatus, Plan, SuccessFactorCheck};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct FactorRow {
    pub factor_id: String,
    pub name: String,
    pub description: String,
    pub status: FactorStatus,
    pub note: String,
}

/// Every factor of the model, in the model's order, with where the plan stands on it.
pub fn checklist(plan: &Plan) -> Vec<FactorRow> {
    catalog()
        .success_factors
        .iter()
        .map(|f| {
            let check = plan.success_factors.iter().find(|c| c.factor_id == f.id);
            FactorRow {
                factor_id: f.id.clone(),
                name: f.name.clone(),
                description: f.description.clone(),
                status: check.map_or(FactorStatus::NotStarted, |c| c.status),
                note: check.map(|c| c.note.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// A factor by its id or its name, as people type it.
pub fn find_factor(key: &str) -> Result<&'static crate::catalog::Described> {
    let key = key.trim();
    catalog()
        .success_factor(key)
        .or_else(|| {
            catalog()
                .success_factors
                .iter()
                .find(|f| f.name.eq_ignore_ascii_case(key))
        })
        .ok_or_else(|| {
            Error::invalid(
                "factor",
                format!("\"{key}\" is not one of the model's critical success factors"),
            )
        })
}

/// Where the plan stands on a factor (named by id or name); keeps one check per factor.
pub fn set_factor(
    plan: &Plan,
    factor: &str,
    status: FactorStatus,
    note: &str,
) -> Result<Vec<Edit>> {
    let factor = find_factor(factor)?;
    let existing = plan
        .success_factors
        .iter()
        .find(|c| c.factor_id == factor.id);
    let check = SuccessFactorCheck {
        id: existing.map_or_else(new_id, |c| c.id.clone()),
        factor_id: factor.id.clone(),
        status,
        note: note.trim().to_string(),
    };
    Ok(vec![Edit::Put {
        entity: Entity::SuccessFactor(check),
    }])
}
