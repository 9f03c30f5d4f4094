//! Export benchmarks: `cargo bench --bench export`. Prints the median and the 99th percentile
//! time of the PDF, the Word (DOCX) and the XLSX export of the demo plan and of the stress plan,
//! and — as the baseline a user would otherwise live with — LibreOffice turning our XLSX into a
//! PDF.

use chrono::{TimeZone, Utc};
use std::path::Path;
use std::process::Command;
mod support;

use std::time::{Duration, Instant};
use stepwise::demo::{demo_plan, stress_plan};
use stepwise::export::{docx, pdf, xlsx, Paper};
use stepwise::Plan;
use support::{median, percentile};

/// Runs per item: the exports are quick, LibreOffice takes seconds a run.
const EXPORT_RUNS: [usize; 2] = [21, 5];
/// LibreOffice takes seconds on the demo and minutes on the stress plan (561 pages).
const OFFICE_RUNS: [usize; 2] = [5, 1];

/// A median, a 99th percentile and an output size in bytes, or why there is none.
type Timing = Result<(Duration, Duration, usize), String>;

/// The median and the 99th percentile of `runs` timed calls, with the output's size, or the
/// first error.
fn time(runs: usize, mut f: impl FnMut() -> Result<usize, String>) -> Timing {
    let mut samples = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let start = Instant::now();
        size = std::hint::black_box(f()?);
        samples.push(start.elapsed());
    }
    samples.sort();
    Ok((median(samples.clone()), percentile(&samples, 0.99), size))
}

fn libreoffice(xlsx: &Path, dir: &Path) -> Result<usize, String> {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(xlsx)
        .output()
        .map_err(|e| format!("cannot run soffice: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "soffice failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let pdf = dir.join(xlsx.with_extension("pdf").file_name().expect("a file name"));
    std::fs::metadata(&pdf)
        .map(|m| m.len() as usize)
        .map_err(|e| e.to_string())
}

fn cell(r: &Timing) -> String {
    match r {
        Ok((median, p99, size)) => format!(
            "{:>8.1} {:>8.1} ms {:>6.0} KB",
            median.as_secs_f64() * 1e3,
            p99.as_secs_f64() * 1e3,
            *size as f64 / 1024.0
        ),
        Err(e) => format!("error: {}", e.chars().take(30).collect::<String>()),
    }
}

fn main() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap();
    let plans: [(&str, Plan); 2] = [
        ("demo plan", demo_plan(now)),
        ("stress plan", stress_plan(now)),
    ];
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut rows: [Vec<Timing>; 4] = Default::default();
    for (i, (name, plan)) in plans.iter().enumerate() {
        eprintln!(
            "{name}: {} goals, {} measures, {} check-ins, {} ratings",
            plan.goals.len(),
            plan.measures.len(),
            plan.check_ins.len(),
            plan.ratings.len()
        );
        rows[0].push(time(EXPORT_RUNS[i], || {
            pdf::render(plan, now)
                .map(|b| b.len())
                .map_err(|e| e.to_string())
        }));
        rows[1].push(time(EXPORT_RUNS[i], || {
            docx::render(plan, now, Paper::A4)
                .map(|b| b.len())
                .map_err(|e| e.to_string())
        }));
        rows[2].push(time(EXPORT_RUNS[i], || {
            xlsx::render(plan, now)
                .map(|b| b.len())
                .map_err(|e| e.to_string())
        }));
        let file = dir.path().join(format!("{}.xlsx", name.replace(' ', "-")));
        let bytes = xlsx::render(plan, now).expect("the XLSX export works");
        std::fs::write(&file, bytes).expect("the workbook is written");
        // The first run sets up LibreOffice's profile; a user's copy would have one already.
        let warm = if i == 0 {
            libreoffice(&file, dir.path())
        } else {
            Ok(0)
        };
        rows[3].push(warm.and_then(|_| time(OFFICE_RUNS[i], || libreoffice(&file, dir.path()))));
    }
    let labels = [
        "Stepwise PDF export",
        "Stepwise DOCX export",
        "Stepwise XLSX export",
        "LibreOffice: our XLSX → PDF",
    ];
    println!("\n{:<30} {:>30} {:>30}", "", plans[0].0, plans[1].0);
    println!(
        "{:<30} {:>30} {:>30}",
        "median, p99 (output size)", "median      p99       size", "median      p99       size"
    );
    for (label, row) in labels.iter().zip(&rows) {
        println!("{label:<30} {:>30} {:>30}", cell(&row[0]), cell(&row[1]));
    }
    let ratio = |i: usize| match (&rows[3][i], &rows[0][i]) {
        (Ok((office, ..)), Ok((ours, ..))) => {
            format!("{:>29.0}×", office.as_secs_f64() / ours.as_secs_f64())
        }
        _ => format!("{:>30}", "—"),
    };
    println!(
        "{:<30} {} {}",
        "LibreOffice ÷ Stepwise PDF",
        ratio(0),
        ratio(1)
    );
    println!(
        "runs: exports {} / {}, LibreOffice {} / {} (after one untimed run that sets up its profile)",
        EXPORT_RUNS[0], EXPORT_RUNS[1], OFFICE_RUNS[0], OFFICE_RUNS[1]
    );
}
