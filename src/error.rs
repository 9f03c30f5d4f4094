//! One error type for the whole core. Every failure a person can cause carries a message they
//! can act on, and a code from a closed set that the CLI and the desktop shell can branch on.

use serde::Serialize;
use std::fmt;

/// A single thing wrong with some input: where it is and why it was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Problem {
    /// Where in the input, e.g. `goals[2].due` or `$.plan.measures[0].goal_id`.
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

/// The closed set of error codes that cross to the UI and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    InvalidPlanFile,
    NewerDatabase,
    NotADatabase,
    Io,
    Storage,
    ExportFailed,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} not found")]
    NotFound { what: String },
    #[error("{}", list("invalid input", problems))]
    Invalid { problems: Vec<Problem> },
    #[error("{}", list("this is not a plan file Stepwise can import", problems))]
    PlanFile { problems: Vec<Problem> },
    #[error(
        "{path} was written by a newer version of Stepwise (schema {found}, this version knows up to {known}); \
         it has been left untouched — update Stepwise to open it"
    )]
    NewerDatabase {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path} was not upgraded: {why}; it has been left untouched")]
    Upgrade { path: String, why: String },
    #[error("{path} is not a Stepwise database ({why}); it has been left untouched")]
    NotADatabase { path: String, why: String },
    #[error(
        "{path} is damaged and cannot be opened ({why}); it has been left untouched — \
         restore it from a backup, or open another file"
    )]
    Damaged { path: String, why: String },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("storage error: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("the {format} export failed: {reason}")]
    Export {
        format: &'static str,
        reason: String,
    },
}

fn list(head: &str, problems: &[Problem]) -> String {
    match problems {
        [one] => format!("{head}: {one}"),
        many => {
            let lines: Vec<String> = many.iter().map(|p| format!("  - {p}")).collect();
            format!("{head} ({} problems):\n{}", many.len(), lines.join("\n"))
        }
    }
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Invalid { .. } => ErrorCode::InvalidInput,
            Error::PlanFile { .. } => ErrorCode::InvalidPlanFile,
            Error::NewerDatabase { .. } => ErrorCode::NewerDatabase,
            // Not usable as a database either way; the message says which.
            Error::NotADatabase { .. } | Error::Damaged { .. } => ErrorCode::NotADatabase,
            Error::Io { .. } | Error::Upgrade { .. } => ErrorCode::Io,
            Error::Storage(_) => ErrorCode::Storage,
            Error::Export { .. } => ErrorCode::ExportFailed,
        }
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Error::NotFound { what: what.into() }
    }

    pub fn invalid(path: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Invalid {
            problems: vec![Problem {
                path: path.into(),
                reason: reason.into(),
            }],
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// The individual problems behind an invalid-input or plan-file error.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid { problems } | Error::PlanFile { problems } => problems,
            _ => &[],
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
