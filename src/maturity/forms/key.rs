//! The secret that signs scoring forms. A form's hidden sheet names its plan, assessment and
//! rater; anyone can edit those cells, so each carries an HMAC-SHA256 under a key only this
//! database holds. A form whose ids were changed (Alice's form relabelled as Bob's) or that
//! was exported by another database no longer matches and is refused.
//!
//! The key is 32 bytes from the operating system's random source, made the first time a form
//! is exported and kept in the `meta` table, so every copy of the database verifies the forms
//! any copy sent out.

use crate::error::{Error, Result};
use crate::store::Store;
use hmac::{Hmac, KeyInit, Mac};
use rusqlite::OptionalExtension;
use sha2::Sha256;

const META_KEY: &str = "form_mac_key";
const KEY_BYTES: usize = 32;

/// What a signature vouches for, outermost first: each level signs the ids above it too, so
/// a mismatch says which id was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Plan,
    Assessment,
    Rater,
}

#[derive(Clone)]
pub struct FormKey([u8; KEY_BYTES]);

impl std::fmt::Debug for FormKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormKey(…)")
    }
}

impl FormKey {
    /// This database's key, made and stored on first use. Two processes making it at once
    /// agree: the first insert wins and both read it back.
    pub fn of(store: &Store) -> Result<FormKey> {
        if let Some(key) = Self::stored(store)? {
            return Ok(key);
        }
        let mut bytes = [0u8; KEY_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| {
            Error::io(
                "cannot make the key that signs scoring forms",
                std::io::Error::other(e.to_string()),
            )
        })?;
        store.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            [META_KEY, &hex(&bytes)],
        )?;
        Self::stored(store)?.ok_or_else(|| Error::NotFound {
            what: "the key that signs scoring forms".into(),
        })
    }

    /// The stored key, if a form was ever exported from this database.
    pub fn stored(store: &Store) -> Result<Option<FormKey>> {
        let value: Option<String> = store
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [META_KEY], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(value) = value else {
            return Ok(None);
        };
        let bytes = unhex(&value)
            .and_then(|b| <[u8; KEY_BYTES]>::try_from(b).ok())
            .ok_or_else(|| {
                Error::invalid(
                    format!("meta.{META_KEY}"),
                    "the key that signs scoring forms is damaged (not 64 hexadecimal digits)",
                )
            })?;
        Ok(Some(FormKey(bytes)))
    }

    fn mac(&self, level: Level, ids: &[&str]) -> Hmac<Sha256> {
        let mut mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0).expect("HMAC takes any key length");
        let label: &[u8] = match level {
            Level::Plan => b"stepwise form v2 plan",
            Level::Assessment => b"stepwise form v2 assessment",
            Level::Rater => b"stepwise form v2 rater",
        };
        mac.update(label);
        // Each id is length-prefixed so ("ab", "c") and ("a", "bc") sign differently.
        for id in ids {
            mac.update(&(id.len() as u64).to_be_bytes());
            mac.update(id.as_bytes());
        }
        mac
    }

    /// The signature of `ids` (plan; plan, assessment; or plan, assessment, rater), as hex.
    pub fn sign(&self, level: Level, ids: &[&str]) -> String {
        hex(&self.mac(level, ids).finalize().into_bytes())
    }

    /// Whether `signature` is `sign(level, ids)`, compared in constant time.
    pub fn verify(&self, level: Level, ids: &[&str], signature: &str) -> bool {
        unhex(signature).is_some_and(|sig| self.mac(level, ids).verify_slice(&sig).is_ok())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_covers_every_id_and_its_level() {
        let key = FormKey([7; KEY_BYTES]);
        let sig = key.sign(Level::Rater, &["p", "a", "alice"]);
        assert!(key.verify(Level::Rater, &["p", "a", "alice"], &sig));
        assert!(!key.verify(Level::Rater, &["p", "a", "bob"], &sig));
        assert!(!key.verify(Level::Assessment, &["p", "a", "alice"], &sig));
        assert!(!key.verify(Level::Rater, &["p", "aa", "lice"], &sig));
        assert!(!FormKey([8; KEY_BYTES]).verify(Level::Rater, &["p", "a", "alice"], &sig));
        assert!(!key.verify(Level::Rater, &["p", "a", "alice"], "not hex"));
    }
}
