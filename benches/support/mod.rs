//! What every benchmark here shares: medians of timed runs, printed in milliseconds.

#![allow(dead_code)] // each bench uses the part it needs

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
