//! Who may use the room: its code, the raters' tokens and the devices holding them, and how
//! fast each may ask. Codes and tokens come from the operating system's random source; a token
//! is 128 bits, so guessing one over a room's network is hopeless, and each names one rater.

use serde::Serialize;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Room codes avoid letters and digits people confuse (0/o, 1/l/i) when they type the URL.
const CODE_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
const CODE_LENGTH: usize = 6;

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS's random source does not fail on the systems Stepwise runs on; if it ever did,
    // a room must not open with a predictable code, so it stops here.
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes
}

/// A new room code: six characters, about 30 bits; the tokens, not the code, guard the scores.
pub fn new_code() -> String {
    random_bytes::<CODE_LENGTH>()
        .iter()
        .map(|b| char::from(CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()]))
        .collect()
}

/// A new token: 128 random bits as 32 hexadecimal digits.
pub fn new_token() -> String {
    random_bytes::<16>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A device in the room, as the facilitator sees it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Device {
    pub id: String,
    pub rater_id: String,
    pub rater: String,
    /// The browser and system, as the device says ("Safari on iPhone").
    pub device: String,
    /// Asked for its page within the last minute.
    pub connected: bool,
    /// Seconds since it last asked.
    #[ts(type = "number")]
    pub seen_secs_ago: u64,
}

#[derive(Debug, Clone)]
struct Holder {
    device_id: String,
    rater_id: String,
    device: String,
    seen: Instant,
    /// Personal codes handed out before the room opened are not devices until first used.
    used: bool,
}

/// The room's tokens. Removing a device revokes its token; a personal code is then replaced,
/// so the paper the rater holds no longer opens the room.
#[derive(Debug, Default)]
pub struct Access {
    tokens: HashMap<String, Holder>,
}

pub const CONNECTED: Duration = Duration::from_secs(60);

impl Access {
    /// A token for `rater_id`, for a device that joined by picking the name.
    pub fn join(&mut self, rater_id: &str, device: &str, now: Instant) -> String {
        let token = new_token();
        self.tokens.insert(
            token.clone(),
            Holder {
                device_id: new_token()[..12].to_string(),
                rater_id: rater_id.to_string(),
                device: device.to_string(),
                seen: now,
                used: true,
            },
        );
        token
    }

    /// A personal code for `rater_id`, handed out before anyone joins.
    pub fn personal(&mut self, rater_id: &str, now: Instant) -> String {
        let token = self.join(rater_id, "", now);
        if let Some(h) = self.tokens.get_mut(&token) {
            h.used = false;
        }
        token
    }

    /// The rater a token belongs to, marking its device as seen.
    pub fn holder(&mut self, token: &str, device: &str, now: Instant) -> Option<String> {
        let h = self.tokens.get_mut(token)?;
        h.seen = now;
        h.used = true;
        if h.device.is_empty() || h.device != device {
            h.device = device.to_string();
        }
        Some(h.rater_id.clone())
    }

    /// Whether the room knows this token, without marking anything.
    pub fn holder_known(&self, token: &str) -> bool {
        self.tokens.contains_key(token)
    }

    /// Whether some device in use already scores as `rater_id`.
    pub fn taken(&self, rater_id: &str) -> bool {
        self.tokens
            .values()
            .any(|h| h.used && h.rater_id == rater_id)
    }

    pub fn leave(&mut self, token: &str) {
        self.tokens.remove(token);
    }

    /// Revokes a device's token; answers the rater it scored as, if there was such a device.
    pub fn remove(&mut self, device_id: &str) -> Option<String> {
        let token = self
            .tokens
            .iter()
            .find(|(_, h)| h.device_id == device_id)
            .map(|(t, _)| t.clone())?;
        self.tokens.remove(&token).map(|h| h.rater_id)
    }

    /// The tokens of one rater that no device has used yet (their personal code).
    pub fn unused_of(&self, rater_id: &str) -> Option<&str> {
        self.tokens
            .iter()
            .find(|(_, h)| !h.used && h.rater_id == rater_id)
            .map(|(t, _)| t.as_str())
    }

    /// The devices that have used a token, with the rater names from `name_of`.
    pub fn devices(&self, now: Instant, name_of: impl Fn(&str) -> String) -> Vec<Device> {
        let mut devices: Vec<Device> = self
            .tokens
            .values()
            .filter(|h| h.used)
            .map(|h| {
                let ago = now.saturating_duration_since(h.seen);
                Device {
                    id: h.device_id.clone(),
                    rater_id: h.rater_id.clone(),
                    rater: name_of(&h.rater_id),
                    device: h.device.clone(),
                    connected: ago < CONNECTED,
                    seen_secs_ago: ago.as_secs(),
                }
            })
            .collect();
        devices.sort_by(|a, b| a.rater.cmp(&b.rater).then(a.id.cmp(&b.id)));
        devices
    }
}

/// A token bucket per device (or per address before it has a token): a burst of answers is
/// fine, a flood is refused with "try again shortly".
#[derive(Debug, Default)]
pub struct Limiter {
    buckets: HashMap<String, (f64, Instant)>,
}

pub const BURST: f64 = 40.0;
pub const PER_SECOND: f64 = 10.0;

impl Limiter {
    /// Whether `key` may make one more request now.
    pub fn allow(&mut self, key: &str, now: Instant) -> bool {
        if self.buckets.len() > 10_000 {
            // Many addresses: forget the full buckets rather than grow without bound.
            self.buckets.retain(|_, (tokens, at)| {
                *tokens + now.saturating_duration_since(*at).as_secs_f64() * PER_SECOND < BURST
            });
        }
        let (tokens, at) = self.buckets.entry(key.to_string()).or_insert((BURST, now));
        *tokens =
            (*tokens + now.saturating_duration_since(*at).as_secs_f64() * PER_SECOND).min(BURST);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// "Safari on iPhone", "Chrome on Android", from a User-Agent header; the facilitator tells
/// devices apart by it, so a rough name is enough.
pub fn device_name(user_agent: &str) -> String {
    let ua = user_agent;
    let system = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| *name);
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("FxiOS", "Firefox"),
        ("CriOS", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} on {s}"),
        (Some(b), None) => b.to_string(),
        (None, Some(s)) => s.to_string(),
        (None, None) => "a browser".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_tokens_are_random_and_of_the_promised_size() {
        let code = new_code();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        let tokens: std::collections::HashSet<String> = (0..1000).map(|_| new_token()).collect();
        assert_eq!(tokens.len(), 1000);
        assert!(tokens.iter().all(|t| t.len() == 32));
    }

    #[test]
    fn a_removed_device_loses_its_token_and_frees_its_name() {
        let now = Instant::now();
        let mut access = Access::default();
        let token = access.join("r1", "Safari on iPhone", now);
        assert!(access.taken("r1"));
        assert_eq!(
            access.holder(&token, "Safari on iPhone", now).as_deref(),
            Some("r1")
        );
        let device = access.devices(now, |_| "Ana".into())[0].id.clone();
        assert_eq!(access.remove(&device).as_deref(), Some("r1"));
        assert_eq!(access.holder(&token, "x", now), None);
        assert!(!access.taken("r1"));
    }

    #[test]
    fn a_personal_code_is_not_a_device_until_it_is_used() {
        let now = Instant::now();
        let mut access = Access::default();
        let token = access.personal("r2", now);
        assert!(!access.taken("r2"));
        assert!(access.devices(now, |_| String::new()).is_empty());
        access.holder(&token, "Chrome on Android", now);
        assert_eq!(
            access.devices(now, |_| "Bo".into())[0].device,
            "Chrome on Android"
        );
    }

    #[test]
    fn the_limiter_allows_a_burst_and_refuses_a_flood() {
        let now = Instant::now();
        let mut limiter = Limiter::default();
        let allowed = (0..100).filter(|_| limiter.allow("d", now)).count();
        assert_eq!(allowed, BURST as usize);
        assert!(limiter.allow("d", now + Duration::from_secs(1)));
        assert!(limiter.allow("other", now));
    }

    #[test]
    fn devices_are_named_roughly_from_their_user_agent() {
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(device_name(iphone), "Safari on iPhone");
        let android = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        assert_eq!(device_name(android), "Chrome on Android");
        assert_eq!(device_name("curl/7.88.1"), "curl");
        assert_eq!(device_name(""), "a browser");
    }
}
