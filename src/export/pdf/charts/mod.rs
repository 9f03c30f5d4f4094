//! The drawn figures: the maturity heatmap and radar, the request workflow, the roadmap's
//! timeline, each measure's check-in history. Each lays itself out at the writer's cursor and moves it past what it drew.

pub mod chain;
pub mod heatmap;
pub mod history;
pub mod radar;
pub mod timeline;
pub mod workflow;
