//! The network addresses the room can be served on: the laptop's own, one per interface, so
//! the facilitator picks the venue's Wi-Fi or the laptop's hotspot.

use serde::Serialize;
use std::net::IpAddr;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Interface {
    /// The interface's name ("wlan0", "en0").
    pub name: String,
    pub address: String,
    /// Only this computer can reach it: for trying the room out alone.
    pub loopback: bool,
}

/// The IPv4 addresses of this computer's interfaces that are up, local-network ones first and
/// loopback last. IPv6 is left out: phones type and scan IPv4 addresses more reliably.
pub fn interfaces() -> Vec<Interface> {
    let mut found: Vec<Interface> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| match i.ip() {
            IpAddr::V4(v4) if !v4.is_unspecified() && !v4.is_link_local() => Some(Interface {
                name: i.name.clone(),
                address: v4.to_string(),
                loopback: v4.is_loopback(),
            }),
            _ => None,
        })
        .collect();
    if !found.iter().any(|i| i.loopback) {
        found.push(Interface {
            name: "lo".into(),
            address: "127.0.0.1".into(),
            loopback: true,
        });
    }
    found.sort_by_key(|i| (i.loopback, !private(&i.address)));
    found.dedup_by(|a, b| a.address == b.address);
    found
}

fn private(address: &str) -> bool {
    address
        .parse::<std::net::Ipv4Addr>()
        .is_ok_and(|a| a.is_private())
}
