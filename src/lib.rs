//! Stepwise's core: the plan model, the built-in content, the store, the plan file and the
//! checks. It knows nothing of the desktop shell; the CLI and the shell call the same
//! functions.

pub mod api;
pub mod catalog;
pub mod cycle;
pub mod demo;
pub mod edit;
pub mod error;
pub mod export;
pub mod figures;
pub mod files;
pub mod intent;
pub mod maturity;
pub mod model;
pub mod paths;
pub mod planfile;
pub mod progress;
pub mod record;
pub mod room;
pub mod roomlog;
pub mod smart;
pub mod status;
pub mod store;
pub mod text;
pub mod upgrade;
pub mod validate;
pub mod workspace;

pub use edit::Edit;
pub use error::{Error, ErrorCode, Problem, Result};
pub use intent::Intent;
pub use model::{Entity, Kind, Plan};
pub use progress::{Step, StepProgress};
pub use store::{PlanSummary, Store};
