//! Maturity benchmarks: `cargo bench --bench maturity` (being written).
fn main() {}
