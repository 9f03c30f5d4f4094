//! The room's server: raters score from their own phones and laptops over the room's network.
//! The desktop app (or `stepwise room serve`) opens a small HTTP server on one of this
//! computer's addresses; a rater opens its page, picks their name or uses a personal code,
//! and answers the sub-facet the facilitator is on. Answers go through the same intent as
//! scores typed in the app; what a page may see is built in `page`, who may ask in `access`.
//!
//! The network is not trusted: only the room's few paths answer, under a random room code,
//! each rater's requests carry a 128-bit token that reads and writes that rater's answers
//! only, the Host header must be the served address, bodies are small, each device is
//! rate-limited, and the server stops when the room closes or the app quits.

pub mod access;
mod guard;
pub mod net;
pub mod page;
pub mod qr;
mod routes;
mod server;

pub use access::Device;
pub use net::{interfaces, Interface};
pub use page::{answer_edits, rater_page, RaterAnswer, RaterFocus, RaterPage};
pub use server::{Room, RoomEvent};

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::PathBuf;

/// How raters get into the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum JoinMode {
    /// The page lists the assessment's raters and each picks their own name.
    PickName,
    /// Each rater gets a personal QR code from the facilitator; the page lists no names.
    PersonalCodes,
}

/// What the facilitator chose when opening the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct RoomOptions {
    pub assessment_id: String,
    /// One of this computer's addresses (see `interfaces`).
    pub address: String,
    /// 0 picks a free port at random.
    pub port: u16,
    pub join: JoinMode,
}

/// The open room, as the facilitator's window and the projector show it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RoomInfo {
    pub plan_id: String,
    pub assessment_id: String,
    /// The address to type or scan, with the room code: `http://192.168.1.20:48213/k7qm3p/`.
    pub url: String,
    pub code: String,
    pub address: String,
    pub port: u16,
    pub join: JoinMode,
    /// The URL as a QR code, an SVG document.
    pub qr_svg: String,
}

/// A rater's personal way in, for the facilitator to hand out.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PersonalCode {
    pub rater_id: String,
    pub rater: String,
    pub url: String,
    pub qr_svg: String,
}

/// The room as the facilitator's panel shows it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RoomStatus {
    pub info: RoomInfo,
    pub devices: Vec<Device>,
    /// The sub-facet the phones are on.
    pub following: Option<String>,
}

/// The first thing a page asks: which room this is and, when raters pick their names, whose.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RoomWelcome {
    pub title: String,
    pub assessment: String,
    pub join: JoinMode,
    /// Empty when raters join with personal codes.
    pub raters: Vec<RaterChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RaterChoice {
    pub id: String,
    pub name: String,
    /// Another device already scores as this rater.
    pub taken: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    pub rater_id: String,
}

/// What joining gives the device: its token, sent as `Authorization: Bearer …` from then on.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Joined {
    pub token: String,
}

/// Why the room refused a request; the page shows `message`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RoomErrorCode {
    InvalidInput,
    NotFound,
    /// No token, or one the room does not know (any more).
    NotInRoom,
    Forbidden,
    /// The name is taken, or the room has moved on.
    Conflict,
    TooMany,
    TooLarge,
    Closed,
    WrongHost,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RoomError {
    pub code: RoomErrorCode,
    pub message: String,
    pub problems: Vec<crate::error::Problem>,
}

/// One file of the rater's page.
pub struct PageFile {
    pub bytes: Cow<'static, [u8]>,
    pub mime: &'static str,
}

/// Where the rater's page comes from: embedded in the desktop app, or a built `ui/dist`.
pub trait PageFiles: Send + Sync + 'static {
    /// `rate.html`, or `assets/<name>`.
    fn get(&self, path: &str) -> Option<PageFile>;
}

/// The page's files in a folder (a built `ui/dist`), for the CLI and the tests.
pub struct PageDir(pub PathBuf);

impl PageFiles for PageDir {
    fn get(&self, path: &str) -> Option<PageFile> {
        let safe = path == "rate.html"
            || path.strip_prefix("assets/").is_some_and(|name| {
                !name.is_empty()
                    && !name.starts_with('.')
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
            });
        if !safe {
            return None;
        }
        let bytes = std::fs::read(self.0.join(path)).ok()?;
        Some(PageFile {
            bytes: Cow::Owned(bytes),
            mime: mime_of(path)?,
        })
    }
}

/// The type of the page's files by extension; anything else is not served.
pub fn mime_of(path: &str) -> Option<&'static str> {
    let ext = path.rsplit('.').next()?;
    Some(match ext {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => return None,
    })
}
