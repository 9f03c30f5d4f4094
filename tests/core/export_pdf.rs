//! The PDF export, read back as a reader's tools read it: poppler's `pdftotext` and
//! `pdfinfo`, `qpdf --check`, and lopdf for the outline and the links. The tools are
//! installed by scripts/setup.sh; a test fails rather than skips when one is missing.

mod flow;
mod paper;
pub mod read;
mod scripts;
mod tagged;

use crate::{now, TempDb};
use lopdf::{Document, Object};
use read::{
    assert_clean_layout, assert_in_order, info, info_field, last_lines, outline_titles, pages,
    render, tool,
};
use stepwise::model::Plan;

const SECTIONS: [&str; 11] = [
    "Executive summary",
    "1. Context",
    "2. Vision",
    "3. SMART goals",
    "4. Success measures",
    "5. Business requirements",
    "6. Governance",
    "7. Badges and issuing",
    "8. Maturity self-assessment",
    "9. Communication and training",
    "10. Roadmap",
];

#[test]
fn the_demo_plan_prints_every_section_and_its_key_content_in_reading_order() {
    let pdf = render(&stepwise::demo::demo_plan(now()));
    let pages = pages(&pdf.path);
    assert_in_order(
        &pages[0],
        &[
            "MICRO-CREDENTIAL STRATEGIC PLAN",
            "Saint-Aurèle University",
            "Digital credentials strategy",
            "PREPARED FOR",
            "Office of the Provost",
            "PREPARED BY",
            "Léa Marchand",
            "23 November 2026",
            "Draft for discussion — Senate Academic Planning Committee only",
        ],
    );
    assert!(
        pages[1].starts_with("Saint-Aurèle University") && pages[1].contains("Contents"),
        "page 2 is the contents"
    );
    // The body, after the contents: every section and a piece of each, in the plan's order.
    let body = pages[2..].join(" ");
    assert_in_order(
        &body,
        &[
            "Executive summary",
            "Situation",
            "What we propose",
            "every Saint-Aurèle student leaves with a trusted, verifiable record",
            "What we ask",
            "How we will know",
            "Top risks, with their owners",
            "The next 90 days",
            "SECTION 1",
            "Context",
            "First-Year Compass pathway",
            "Stakeholder groups",
            "SECTION 2",
            "Vision",
            "Why are we adopting digital credentials?",
            "SECTION 3",
            "SMART goals",
            // One table of the goals; each goal in full is in the appendix.
            "are in the appendix “Goals in full”",
            "Launch the First-Year Compass pathway",
            "Award badges automatically from the LMS gradebook",
            "SECTION 4",
            "Success measures",
            "First-year students enrolled",
            "Future measures",
            "SECTION 5",
            "Business requirements",
            "Career Advancement and Employer Adoption",
            "SECTION 6",
            "Governance",
            "Interest and requirements",
            "RACI matrix",
            "Badge taxonomy",
            "SECTION 7",
            "Badges and issuing",
            "Badge catalogue",
            "Compass: Campus Navigator",
            "Pathways to a credential",
            "Issuing plan",
            "SECTION 8",
            "Maturity self-assessment",
            "Heatmap: current stage and targets for Phase 2 and Phase 3",
            "Micro-credential stackability",
            "Gaps to close, by phase",
            "To raise in Phase 2 — Launch",
            "To raise in Phase 3 — Scale",
            "Critical success factors",
            "SECTION 9",
            "Communication and training",
            "Training plan",
            "SECTION 10",
            "Roadmap",
            "Phase 2 — Launch",
            "Decisions requested of leadership",
            "Risk register",
            "Evaluation cycle",
            "Appendix — Goals in full",
            "Goal 1. Launch the First-Year Compass pathway",
            "Goal 2. Lift first-year retention among Compass students",
            "Goal 6. Award badges automatically from the LMS gradebook",
            // A goal with advice to review is not given the plain green badge.
            "SMART · 1 to review",
            "To review: Specific:",
            "Appendix — Scores by rater",
            "Appendix — The room’s log",
        ],
    );
    for unicode in [
        "Saint-Aurèle",
        "Dr. Évelyne Roy",
        "valley’s",
        "“Mid-pilot review — ",
        "Théo Lambert",
    ] {
        assert!(
            body.contains(unicode),
            "{unicode:?} must come back from the PDF intact (accents, curly quotes, dashes)"
        );
    }
}

#[test]
fn the_demo_pdf_passes_qpdf_and_pdfinfo_shows_its_title_author_and_pages() {
    let pdf = render(&stepwise::demo::demo_plan(now()));
    tool("qpdf", &["--check"], &pdf.path);
    let info = info(&pdf.path);
    assert_eq!(
        info_field(&info, "Title"),
        "Saint-Aurèle University — Digital credentials strategy (demo)"
    );
    assert_eq!(
        info_field(&info, "Author"),
        "Léa Marchand, Northlight Learning Strategy"
    );
    assert!(
        info_field(&info, "Subject").contains("Saint-Aurèle University"),
        "the subject names the organisation"
    );
    assert!(
        info_field(&info, "Page size").contains("(A4)"),
        "the plan prints on A4"
    );
    assert!(
        info_field(&info, "CreationDate").contains("2026"),
        "the creation date is the export's `now`"
    );
    let count: usize = info_field(&info, "Pages").parse().unwrap();
    assert!(
        (20..=45).contains(&count),
        "the demo plan takes {count} pages; a full plan should take 20 to 45"
    );
    assert_eq!(
        pages(&pdf.path).len(),
        count,
        "pdftotext and pdfinfo agree on the pages"
    );
}

#[test]
fn every_page_carries_a_page_x_of_y_footer() {
    let pdf = render(&stepwise::demo::demo_plan(now()));
    let pages = pages(&pdf.path);
    let n = pages.len();
    for (i, text) in pages.iter().enumerate() {
        let footer = format!("Page {} of {n}", i + 1);
        assert!(text.contains(&footer), "page {} must say {footer:?}", i + 1);
    }
}

#[test]
fn the_outline_lists_every_section_with_its_parts_and_the_contents_link_to_them() {
    let pdf = render(&stepwise::demo::demo_plan(now()));
    let doc = Document::load_mem(&pdf.bytes).expect("lopdf reads the export");
    let catalog = doc.catalog().unwrap();
    assert_eq!(
        catalog.get(b"PageMode").unwrap(),
        &Object::Name(b"UseOutlines".to_vec()),
        "viewers open the outline panel only when the page mode is the name /UseOutlines"
    );
    assert_eq!(
        catalog.get(b"Lang").unwrap(),
        &Object::string_literal("en"),
        "screen readers read the document as English"
    );
    let outline = outline_titles(&doc);
    let top: Vec<&str> = outline.iter().map(|(t, _)| t.as_str()).collect();
    let mut expected = vec!["Cover", "Contents"];
    expected.extend(SECTIONS);
    expected.push("Appendix — Goals in full");
    expected.push("Appendix — Scores by rater");
    expected.push("Appendix — The room’s log");
    assert_eq!(
        top, expected,
        "the outline has the cover, the contents, every section and the appendix, in order"
    );
    let maturity = &outline.iter().find(|(t, _)| t.starts_with("8.")).unwrap().1;
    for part in [
        "Gaps to close, by phase",
        "Where the raters disagreed",
        "Critical success factors",
    ] {
        assert!(
            maturity.iter().any(|c| c == part),
            "the maturity section's outline lists {part:?}: {maturity:?}"
        );
    }
    let pages = doc.get_pages();
    let page_ids: Vec<_> = pages.values().copied().collect();
    let contents = doc.get_dictionary(pages[&2]).unwrap();
    let annots = contents
        .get(b"Annots")
        .and_then(Object::as_array)
        .expect("the contents page has links");
    let mut targets = Vec::new();
    for a in annots {
        let a = match a {
            Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
            other => other.as_dict().expect("an annotation is a dictionary"),
        };
        assert_eq!(a.get(b"Subtype").unwrap(), &Object::Name(b"Link".to_vec()));
        let dest = a
            .get(b"A")
            .and_then(Object::as_dict)
            .and_then(|a| a.get(b"D"))
            .and_then(Object::as_array)
            .unwrap();
        let page = dest[0].as_reference().expect("a link points to a page");
        targets.push(
            page_ids
                .iter()
                .position(|p| *p == page)
                .expect("the linked page exists")
                + 1,
        );
    }
    assert!(
        targets.len() >= SECTIONS.len(),
        "every contents entry is a link ({} found)",
        targets.len()
    );
    assert_eq!(
        targets[0], 3,
        "the first entry, the executive summary, links to page 3"
    );
    assert!(
        targets.windows(2).all(|w| w[0] <= w[1]),
        "the entries link forward through the document: {targets:?}"
    );
}

#[test]
fn nothing_in_the_demo_pdf_runs_into_the_margins_or_over_other_text() {
    let pdf = render(&stepwise::demo::demo_plan(now()));
    assert_clean_layout(&pdf.path);
}

#[test]
fn the_same_plan_exported_at_the_same_moment_is_the_same_bytes() {
    let plan = stepwise::demo::demo_plan(now());
    let a = stepwise::export::pdf::render(&plan, now()).unwrap();
    let b = stepwise::export::pdf::render(&plan, now()).unwrap();
    assert!(
        a == b,
        "two exports of one plan at one moment must not differ (ids, dates, file id)"
    );
}

#[test]
fn a_plan_with_every_step_empty_exports_and_says_not_yet_written() {
    let pdf = render(&Plan::new("An empty plan", now()));
    tool("qpdf", &["--check"], &pdf.path);
    let pages = pages(&pdf.path);
    let body = pages[2..].join(" ");
    let mut titles: Vec<&str> = vec!["Executive summary"];
    titles.extend(SECTIONS[1..].iter().map(|s| s.split_once(". ").unwrap().1));
    assert_in_order(&body, &titles);
    let sections: Vec<&str> = body.split("SECTION ").skip(1).collect();
    assert_eq!(sections.len(), 10, "every step keeps its section");
    for s in sections {
        assert!(
            s.contains("Not yet written") || s.contains("Not yet answered"),
            "an empty step says so rather than printing nothing: {}",
            &s[..s.len().min(120)]
        );
    }
    assert_clean_layout(&pdf.path);
}

#[test]
fn the_stress_plan_paginates_cleanly_and_prints_every_goal() {
    let plan = stepwise::demo::stress_plan(now());
    assert!(plan.goals.len() >= 200, "the stress plan has 200 goals");
    let demo_pages = pages(&render(&stepwise::demo::demo_plan(now())).path).len();
    let pdf = render(&plan);
    tool("qpdf", &["--check"], &pdf.path);
    let pages = pages(&pdf.path);
    assert!(
        pages.len() > 5 * demo_pages,
        "200 goals and 1,000 measures need far more pages than the demo ({} vs {demo_pages})",
        pages.len()
    );
    let text = pages.join(" ");
    for (i, g) in plan.goals.iter().enumerate() {
        let heading = format!(
            "Goal {}. {}",
            i + 1,
            g.title.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(
            text.contains(&heading),
            "goal {} is printed under its heading: {heading:?}",
            i + 1
        );
    }
    let n = pages.len();
    assert!(
        pages[n - 1].contains(&format!("Page {n} of {n}")),
        "the last page is numbered as the last"
    );
    for (i, last) in last_lines(&pdf.path).iter().enumerate() {
        for header in [
            "Indicator Baseline Target Latest check-in Status",
            "Sub-facet Scores given Agreed stage Why",
            "Milestone Due Phase Goal",
        ] {
            assert_ne!(
                last,
                header,
                "page {} ends with a table header and none of its rows",
                i + 1
            );
        }
    }
    assert_clean_layout(&pdf.path);
}

#[test]
fn the_cli_exports_a_pdf_and_refuses_an_unwritable_path_without_leaving_a_file() {
    let db = TempDb::new();
    let cli = |args: &[&str]| crate::stepwise(&db.path, args);
    let id = crate::demo_via_cli(&db.path);
    let out = db.dir.path().join("plan.pdf");
    let done = cli(&[
        "export",
        &id,
        "--format",
        "pdf",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        done.status.success(),
        "the export succeeds: {}",
        String::from_utf8_lossy(&done.stderr)
    );
    let bytes = std::fs::read(&out).expect("the PDF is where --out says");
    assert!(bytes.starts_with(b"%PDF-"), "the file is a PDF");
    tool("qpdf", &["--check"], &out);

    let missing = db.dir.path().join("no such folder").join("plan.pdf");
    let refused = cli(&[
        "export",
        &id,
        "--format",
        "pdf",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert!(
        !refused.status.success(),
        "writing into a folder that does not exist must fail"
    );
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("no such folder"),
        "the error names where it could not write: {err}"
    );
    assert!(!missing.exists(), "a failed export leaves no file behind");
    let leftovers: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "plan.pdf" && !n.starts_with("stepwise.db"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file is left beside the output: {leftovers:?}"
    );
}

#[test]
fn the_roadmap_prints_each_milestone_with_its_status() {
    let plan = crate::export_xlsx::plan_with_milestone_statuses();
    let pdf = render(&plan);
    let text = pages(&pdf.path).join("\n");
    assert!(
        text.contains("Done 3 Oct 2026"),
        "a done milestone shows the day it was done"
    );
    assert!(text.contains("Missed"));
    assert!(text.contains("Planned, date passed"));
    assert_clean_layout(&pdf.path);
}

#[test]
fn a_role_named_in_a_whole_paragraph_is_cut_short_in_the_raci_header_and_the_pdf_finishes() {
    let mut plan = stepwise::demo::demo_plan(now());
    let long: String =
        "Associate Vice-President, Teaching & Learning and Chair of the Senate Committee "
            .repeat(60)
            .trim()
            .to_string();
    plan.roles[0].name = long.clone();
    let pdf = render(&plan);
    let text = pages(&pdf.path).join("\n");
    assert!(text.contains('…'), "the header shows that the name was cut");
    assert!(
        pages(&pdf.path).len() < 60,
        "the table moves on from page to page rather than repeating its header"
    );
}

#[test]
fn the_maturity_gaps_say_not_every_facet_needs_to_reach_immersive() {
    let pdf = render(&stepwise::demo::demo_plan(now()));
    let pages = pages(&pdf.path);
    let note = &stepwise::catalog::catalog().targets_note;
    // Past the contents page, which lists the heading too.
    let page = pages[2..]
        .iter()
        .find(|p| p.contains("Gaps to close, by phase"))
        .expect("the demo plan has gaps to close");
    assert_in_order(
        page,
        &["Gaps to close, by phase", note, "What the next stage"],
    );
    // The sentence is the catalog's, printed once, not a second copy kept in the PDF code.
    assert_eq!(pages.join(" ").matches(note.as_str()).count(), 1);
}

/// The demo's maturity pages, after the contents.
fn maturity_pages(pages: &[String]) -> String {
    let body = pages[2..].join("\n");
    let from = body
        .find("Maturity self-assessment")
        .expect("the maturity section");
    let to = body
        .find("Communication and training")
        .expect("the section after it");
    body[from..to].to_string()
}

#[test]
fn one_heatmap_shows_the_current_stage_and_every_phase_target_and_each_gap_is_listed_once() {
    let plan = stepwise::demo::demo_plan(now());
    let pdf = render(&plan);
    let text = maturity_pages(&pages(&pdf.path));
    assert_eq!(
        text.matches("Heatmap:").count(),
        1,
        "one heatmap, not one per phase"
    );
    // The demo aims some sub-facets at the same stage in both phases, and others higher in
    // Phase 3: both kinds of cell are labelled.
    for label in [
        "Phase 2 & Phase 3",
        "Current & Phase 2",
        "target for Phase 3 — Scale",
    ] {
        assert!(text.contains(label), "the heatmap shows {label:?}");
    }
    // Every sub-facet with a gap appears once in the gaps, under the first phase that raises it.
    let gaps = &text[text.find("Gaps to close, by phase").unwrap()
        ..text.find("Where the raters disagreed").unwrap()];
    let figures = stepwise::figures::MaturityFigures::of(&plan, now().date_naive())
        .unwrap()
        .unwrap();
    let mut named: Vec<&str> = figures
        .gaps
        .iter()
        .map(|g| g.subfacet_name.as_str())
        .collect();
    named.sort();
    named.dedup();
    assert!(
        figures.gaps.len() > named.len(),
        "the demo has sub-facets raised in both phases, which a table of gaps would repeat"
    );
    for name in &named {
        assert!(gaps.contains(name), "{name} is among the gaps");
    }
    // Each group says how many rows it holds: together, one per sub-facet.
    let counted: usize = gaps
        .match_indices("To raise in ")
        .map(|(at, _)| {
            let rest = &gaps[at..];
            let colon = rest.find(": ").unwrap();
            rest[colon + 2..]
                .split(' ')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(counted, named.len(), "one row per sub-facet");
    let phase2 = gaps.find("To raise in Phase 2").unwrap();
    let phase3 = gaps.find("To raise in Phase 3").unwrap();
    assert!(phase2 < phase3, "the phases come in time order");
    // The largest Phase 2 climb leads its group, its path running through Phase 3's target.
    assert!(gaps[phase2..phase3].contains("5 by Phase 3"));
}

#[test]
fn the_appendices_are_chosen_and_the_scores_appendix_follows_anonymised_names() {
    let db = TempDb::new();
    let id = crate::demo_via_cli(&db.path);
    let text_of = |extra: &[&str]| {
        let out = db.dir.path().join("p.pdf");
        let mut args = vec!["export", &id, "--format", "pdf", "--paper", "a4", "--out"];
        args.push(out.to_str().unwrap());
        args.extend(extra);
        let run = crate::stepwise(&db.path, &args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        pages(&out).join("\n")
    };
    let all = text_of(&[]);
    assert!(all.contains("Appendix — Scores by rater"));
    assert!(all.contains("Appendix — The room’s log"));
    let scores = &all[all.rfind("Appendix — Scores by rater").unwrap()..];
    assert_in_order(
        scores,
        &["Every score given", "Dr. Nadia", "Helen Tsosie", "Agreed"],
    );

    let none = text_of(&["--appendices", "none"]);
    assert!(
        !none.contains("Appendix"),
        "no appendix, and none in the contents"
    );

    let anonymous = text_of(&["--anonymise-raters", "--appendices", "ratings"]);
    assert!(!anonymous.contains("The room’s log"));
    let scores = &anonymous[anonymous.rfind("Appendix — Scores by rater").unwrap()..];
    assert_in_order(scores, &["Rater 1", "Rater 2", "Rater 3", "Agreed"]);
    assert!(
        !scores.contains("Helen Tsosie"),
        "no rater's name in the scores"
    );

    let out = db.dir.path().join("refused.pdf");
    let run = crate::stepwise(
        &db.path,
        &[
            "export",
            &id,
            "--format",
            "pdf",
            "--appendices",
            "ratings,minutes",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success() && !out.exists());
    assert!(
        err.contains("appendices") && err.contains("'minutes' is not an appendix"),
        "{err}"
    );
}
