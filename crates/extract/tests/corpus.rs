//! Robustness over the real-world corpus in `../shared/corpus` (115 PDFs from other PDF
//! projects' test suites and Dutch government sites; never copied into this repository).
//!
//! Every PDF goes through [`extract`] with the default limits: it must not panic, and it must
//! return either a layout or a typed [`Error`]. There are deliberately no timers here: the
//! library's [`Limits`](kamerbrief_extract::Limits) bound the work, and a hang is a bug to fix
//! there, not to hide behind a timeout. The time per file is printed, though.
//!
//! The two files with a non-empty user password are opened with it (from the corpus README),
//! and must say `PasswordRequired` without it and `WrongPassword` with a wrong one.
//!
//! A file whose manifest row has ground truth taken from its text layer (everything except the
//! image-only scans, whose ground truth is OCR) should give text. An empty result there is
//! printed as `EXPECTED TEXT`; it fails the test only for PDFBox and pdfplumber ground truth,
//! which is another extractor's output of this very file, so the text layer demonstrably exists
//! and finding nothing is our bug.
//!
//! `cargo test -p kamerbrief-extract --test corpus -- --nocapture` shows one line per file.
//! The whole corpus is skipped, with a note, when the directory is absent.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

use kamerbrief_extract::{ErrorKind, Options, extract};
use kamerbrief_model::Layout;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// User passwords from the corpus README.
const PASSWORDS: &[(&str, &str)] = &[
    ("pypdf__libreoffice-writer-password.pdf", "openpassword"),
    ("pdfminer__rc4-128.pdf", "baz"),
];

/// Password files our extractor does not open yet, with the reason. Listed so the test passes
/// while the bug is known; it fails once the file opens, so that the entry gets removed.
const KNOWN_PASSWORD_FAILURES: &[(&str, &str)] = &[];

/// One row of `MANIFEST.tsv`, the columns this test needs.
struct Entry {
    ground_truth: Vec<String>,
    notes: String,
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(CORPUS);
    if dir.join("MANIFEST.tsv").is_file() {
        Some(dir.to_path_buf())
    } else {
        println!("note: corpus not found at {CORPUS}; skipping the corpus tests");
        None
    }
}

fn manifest(dir: &Path) -> HashMap<String, Entry> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("MANIFEST.tsv readable");
    let mut rows = HashMap::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 9 {
            continue;
        }
        let ground_truth = cols[7]
            .split(';')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        rows.insert(
            cols[0].to_string(),
            Entry {
                ground_truth,
                notes: cols[8].to_string(),
            },
        );
    }
    rows
}

/// Every `*.pdf` in the corpus directory, sorted by name.
fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus directory readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    files
}

fn password(name: &str) -> Option<&'static str> {
    PASSWORDS
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, pw)| *pw)
}

fn options(password: Option<&str>) -> Options {
    Options {
        password: password.map(str::to_string),
        ..Options::default()
    }
}

/// Characters of all words on all pages (spaces between words not counted).
fn chars(layout: &Layout) -> usize {
    layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.words)
        .map(|w| w.text.chars().count())
        .sum()
}

/// Whether the manifest says the file has a text layer that its ground truth was taken from;
/// `Some(true)` when that ground truth is another extractor's output of this file.
fn expects_text(entry: &Entry) -> Option<bool> {
    let notes = entry.notes.to_ascii_lowercase();
    if entry.ground_truth.is_empty()
        || notes.contains("no text layer")
        || notes.contains("image-only")
    {
        return None;
    }
    Some(
        entry
            .ground_truth
            .iter()
            .any(|g| g.starts_with("gt/pdfbox__") || g.starts_with("gt/plumber__")),
    )
}

#[test]
fn every_corpus_pdf_extracts_or_fails_typed() {
    let Some(dir) = corpus_dir() else { return };
    let manifest = manifest(&dir);
    let files = pdfs(&dir);
    assert!(!files.is_empty(), "no PDFs in {}", dir.display());

    let mut failures: Vec<String> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut times: Vec<(u128, String)> = Vec::new();
    let started = Instant::now();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let entry = manifest.get(&name);
        if entry.is_none() {
            warnings.push(format!("{name}: not in MANIFEST.tsv"));
        }
        let pdf = std::fs::read(path).unwrap();
        let t0 = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| {
            extract(&pdf, &options(password(&name)))
        }));
        let ms = t0.elapsed().as_millis();
        times.push((ms, name.clone()));
        match result {
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
                    .unwrap_or_default();
                println!("{name}: PANIC {message} ({ms} ms)");
                failures.push(format!("{name}: panicked: {message}"));
            }
            Ok(Err(e)) => {
                println!("{name}: error {:?}: {e} ({ms} ms)", e.kind);
                if password(&name).is_some() {
                    warnings.push(format!(
                        "{name}: {:?} error with the README's password: {e}",
                        e.kind
                    ));
                }
                if let Some(entry) = entry
                    && expects_text(entry).is_some()
                {
                    warnings.push(format!(
                        "{name}: {:?} error although the ground truth has text: {e}",
                        e.kind
                    ));
                }
            }
            Ok(Ok(layout)) => {
                let n = chars(&layout);
                let unmapped: u32 = layout.pages.iter().map(|p| p.unmapped_glyphs).sum();
                let diagnostics = layout.diagnostics.len()
                    + layout
                        .pages
                        .iter()
                        .map(|p| p.diagnostics.len())
                        .sum::<usize>();
                let mut line = format!(
                    "{name}: {} pages, {n} chars, {unmapped} unmapped, {diagnostics} diagnostics ({ms} ms)",
                    layout.pages.len()
                );
                if n == 0
                    && let Some(entry) = entry
                    && let Some(sure) = expects_text(entry)
                {
                    line.push_str("  EXPECTED TEXT");
                    let message = format!(
                        "{name}: no text, but the ground truth ({}) has text",
                        entry.ground_truth.join(", ")
                    );
                    if sure {
                        failures.push(message)
                    } else {
                        warnings.push(message)
                    }
                }
                println!("{line}");
            }
        }
    }
    let total = started.elapsed();
    times.sort_by(|a, b| b.cmp(a));
    let slowest: Vec<String> = times
        .iter()
        .take(5)
        .map(|(ms, name)| format!("{name} {ms} ms"))
        .collect();
    println!(
        "{} files in {:.1} s; slowest: {}",
        files.len(),
        total.as_secs_f64(),
        slowest.join(", ")
    );
    for w in &warnings {
        println!("warning: {w}");
    }
    assert!(
        failures.is_empty(),
        "{} corpus failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn password_files_need_their_password() {
    let Some(dir) = corpus_dir() else { return };
    for (name, right) in PASSWORDS {
        let path = dir.join(name);
        if !path.is_file() {
            println!("note: {name} absent; skipped");
            continue;
        }
        let pdf = std::fs::read(&path).unwrap();

        let without = extract(&pdf, &options(None));
        assert_eq!(
            without.as_ref().err().map(|e| e.kind),
            Some(ErrorKind::PasswordRequired),
            "{name} without a password: {:?}",
            without.map(|l| l.pages.len())
        );

        let wrong = extract(&pdf, &options(Some("not-the-password")));
        assert_eq!(
            wrong.as_ref().err().map(|e| e.kind),
            Some(ErrorKind::WrongPassword),
            "{name} with a wrong password: {:?}",
            wrong.map(|l| l.pages.len())
        );

        let known = KNOWN_PASSWORD_FAILURES
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, why)| *why);
        match (extract(&pdf, &options(Some(right))), known) {
            (Ok(layout), None) => {
                assert!(!layout.pages.is_empty(), "{name}: no pages");
                println!(
                    "{name}: opens with its password: {} pages, {} chars",
                    layout.pages.len(),
                    chars(&layout)
                );
            }
            (Err(e), None) => panic!("{name} with its password {right:?}: {e}"),
            (Err(e), Some(why)) => {
                println!("{name}: KNOWN BUG: {e} with its password {right:?}: {why}")
            }
            (Ok(_), Some(_)) => {
                panic!("{name} now opens with its password: remove it from KNOWN_PASSWORD_FAILURES")
            }
        }
    }
}

/// Bugs the corpus run found, asserted on the files that showed them (each also has a tiny
/// synthetic test in `regressions.rs`); a file absent from the corpus is skipped.
#[test]
fn corpus_bugs_stay_fixed() {
    let Some(dir) = corpus_dir() else { return };
    let text_of = |layout: &Layout| -> Vec<String> {
        layout
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| l.text())
            .collect()
    };
    let unmapped =
        |layout: &Layout| -> u32 { layout.pages.iter().map(|p| p.unmapped_glyphs).sum() };
    type Check = fn(&Layout, &[String], u32) -> bool;
    let checks: &[(&str, &str, Check)] = &[
        (
            "pdfminer__issue-1062-filters.pdf",
            "indirect /Filter: text comes out",
            |l, _, _| chars(l) > 3000,
        ),
        (
            "pdfminer__issue-625-identity-cmap.pdf",
            "/ToUnicode /Identity-H: all mapped",
            |_, t, u| u == 0 && t.iter().any(|l| l.contains("Łódź")),
        ),
        (
            "pdfrs__xelatex.pdf",
            "CFF built-in encoding: all mapped",
            |_, _, u| u == 0,
        ),
        (
            "pypdf__GeoTopo-komprimiert.pdf",
            "CFF built-in encoding: few unmapped",
            |_, _, u| u < 2000,
        ),
        (
            "pdfjs__french_diacritics.pdf",
            "numeric glyph names",
            |_, t, u| u == 0 && t.iter().any(|l| l.starts_with("à À â Â")),
        ),
        (
            "pdfjs__issue6605.pdf",
            "Type 3 em and duplicates",
            |_, t, _| t.iter().any(|l| l == "Account messages"),
        ),
        (
            "plumber__ca-warn-report.pdf",
            "dates in table cells",
            |_, t, _| {
                t.iter()
                    .any(|l| l.starts_with("06/22/2015 03/25/2016 07/01/2015"))
            },
        ),
        (
            "pymupdf__cms-etc-filled.pdf",
            "lines not interleaved",
            |_, t, _| {
                t.iter()
                    .any(|l| l.starts_with("NOTICE: Anyone who misrepresents"))
                    && !t.iter().any(|l| l.contains("N be O"))
            },
        ),
        ("pymupdf__test_4435.pdf", "Tc word spaces", |_, t, _| {
            t.iter().any(|l| l.contains("geometry of a clarinet is"))
        }),
        ("pdfjs__issue17056.pdf", "TJ word gap", |_, t, _| {
            t.iter().any(|l| l == "10. Link to page 10.")
        }),
        (
            "docling__redp5110_sampled.pdf",
            "table marks apart",
            |l, _, _| {
                !l.pages
                    .iter()
                    .flat_map(|p| &p.lines)
                    .flat_map(|l| &l.words)
                    .any(|w| w.text == "XX")
            },
        ),
        (
            "pdfjs__issue11656.pdf",
            "Hebrew in logical order",
            |_, t, _| t.iter().any(|l| l == "שלום עולם מה שלום כולם?"),
        ),
    ];
    let mut failures = Vec::new();
    for (name, what, check) in checks {
        let path = dir.join(name);
        if !path.is_file() {
            println!("note: {name} absent; skipped");
            continue;
        }
        let layout = extract(&std::fs::read(&path).unwrap(), &Options::default()).unwrap();
        if !check(&layout, &text_of(&layout), unmapped(&layout)) {
            failures.push(format!("{name}: {what}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
