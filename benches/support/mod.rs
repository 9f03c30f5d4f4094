//! What every benchmark here shares: medians of timed runs, printed in milliseconds.

#![allow(dead_code)] // each bench uses the part it needs

pub mod http;

use std::time::{Duration, Instant};

pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The median of `runs` timed calls of `f` (given the run's index).
pub fn time<T>(runs: usize, mut f: impl FnMut(usize) -> T) -> Duration {
    median(
        (0..runs)
            .map(|i| {
                let start = Instant::now();
                std::hint::black_box(f(i));
                start.elapsed()
            })
            .collect(),
    )
}

pub fn ms(d: Duration, decimals: usize) -> String {
    format!("{:.*} ms", decimals, d.as_secs_f64() * 1e3)
}

/// Every run's time, sorted, so medians and tails can be read off.
pub fn samples<T>(runs: usize, mut f: impl FnMut(usize) -> T) -> Vec<Duration> {
    let mut v: Vec<Duration> = (0..runs)
        .map(|i| {
            let start = Instant::now();
            std::hint::black_box(f(i));
            start.elapsed()
        })
        .collect();
    v.sort();
    v
}

/// The value below which `p` (0–1) of the sorted samples fall.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}
