//! Step 8: the communication plan (who hears what, from whom, through which channel, when)
//! and the training plan (who needs to learn what, and how it is delivered).

use super::{Id, Kind};
use crate::catalog::catalog;
use crate::record::{Checker, Record};
use serde::{Deserialize, Serialize};

/// The answer to one of the catalog's key-message prompts (why credentials, why now…).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyMessage {
    pub prompt_id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Communication {
    pub id: Id,
    pub audience: String,
    pub messages: Vec<KeyMessage>,
    pub channel: String,
    pub messenger: String,
    pub timing: String,
    pub frequency: String,
}

impl Record for Communication {
    const KIND: Kind = Kind::Communication;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.required("audience", &self.audience);
        for (field, value) in [
            ("channel", &self.channel),
            ("messenger", &self.messenger),
            ("timing", &self.timing),
            ("frequency", &self.frequency),
        ] {
            c.text(field, value);
        }
        let prompts = &catalog().key_message_prompts;
        for (i, m) in self.messages.iter().enumerate() {
            let known = prompts.iter().any(|p| p.id == m.prompt_id);
            c.known(
                &format!("messages[{i}].prompt_id"),
                &m.prompt_id,
                known,
                "key-message prompt",
            );
            c.text(&format!("messages[{i}].text"), &m.text);
            if self.messages[..i]
                .iter()
                .any(|x| x.prompt_id == m.prompt_id)
            {
                c.problem(
                    &format!("messages[{i}].prompt_id"),
                    "answers the same prompt twice",
                );
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    pub id: Id,
    pub audience: String,
    /// What the needs assessment found this audience must learn.
    pub needs: String,
    /// One of the catalog's delivery modes (asynchronous, hybrid…).
    pub delivery: Option<String>,
    pub schedule: String,
    pub owner: String,
}

impl Record for Training {
    const KIND: Kind = Kind::Training;
    fn id(&self) -> &str {
        &self.id
    }
    fn check(&self, c: &mut Checker) {
        c.required("audience", &self.audience);
        for (field, value) in [
            ("needs", &self.needs),
            ("schedule", &self.schedule),
            ("owner", &self.owner),
        ] {
            c.text(field, value);
        }
        if let Some(d) = &self.delivery {
            let known = catalog().delivery_modes.iter().any(|m| &m.id == d);
            c.known("delivery", d, known, "delivery mode");
        }
    }
}
