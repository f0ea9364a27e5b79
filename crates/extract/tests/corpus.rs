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

/// User passwords from the corpus README, and two from pdf.js's test manifest (files of
/// issue 15 that peers misreport as not encrypted).
const PASSWORDS: &[(&str, &str)] = &[
    ("pypdf__libreoffice-writer-password.pdf", "openpassword"),
    ("pdfminer__rc4-128.pdf", "baz"),
    ("pdfjs__bug1782186.pdf", "Hello"),
    ("pdfjs__issue15893_reduced.pdf", "test"),
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
            "pypdf__GeoTopo-komprimiert.pdf",
            "table of contents: leaders keep a title with its page",
            |_, t, _| {
                t.iter()
                    .any(|l| l.starts_with("1.1 Topologische Räume . .") && l.ends_with(". 2"))
            },
        ),
        (
            "pdfminer__naacl06-shinyama.pdf",
            "a ragged column of short lines beside the next column: columns not interleaved",
            |_, t, _| {
                let follows = |first: &str, next: &str| {
                    t.windows(2)
                        .any(|w| w[0].ends_with(first) && w[1].starts_with(next))
                };
                follows("and the actual expressions we", "used for extraction.")
                    && follows("cane is shown in the right column.", "Article")
            },
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
                    // Two lists of bullets side by side: each read down, not across.
                    && !t
                        .iter()
                        .any(|l| l.contains("65 or older and") && l.contains("Name of other"))
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

/// What one of the files of issue 15 must give.
enum Expect {
    /// Pages, at least this many characters of mapped text (a peer's count, white space not
    /// counted, less what our layout legitimately drops), a line containing this text, and a
    /// document diagnostic containing this.
    Text {
        pages: usize,
        min_chars: usize,
        line: &'static str,
        diagnostic: &'static str,
    },
    /// Pages with no text: no peer finds any either.
    NoText {
        pages: usize,
        diagnostic: &'static str,
    },
    /// A typed error without a password, because the pages need one; with it, the pages
    /// (and this line, if any).
    Password {
        password: &'static str,
        line: Option<&'static str>,
    },
}

/// The nine files of issue 15: peers read them, `kamerbrief` refused them. Peer figures are
/// pdftotext 22.12 and pdfminer.six 20251107, characters without white space.
const ISSUE_15: &[(&str, &str, Expect)] = &[
    (
        "pdfjs__PDFBOX-4352-0.pdf",
        "/Encrypt names an object that is no dictionary (`E< …`): not encrypted for any \
         reader; the content stream is encrypted all the same, so its text is lost (pdftotext: \
         1 page, 0 characters)",
        Expect::NoText {
            pages: 1,
            diagnostic: "not a usable encryption dictionary",
        },
    ),
    (
        "pdfjs__auth-event-ef-open.pdf",
        "AES-256, /AuthEvent /EFOpen, /StmF and /StrF /Identity (pdftotext: 7 characters)",
        Expect::Text {
            pages: 1,
            min_chars: 7,
            line: "Example",
            diagnostic: "only embedded files are encrypted",
        },
    ),
    (
        "pdfjs__bug1606566.pdf",
        "no %PDF- header (pdftotext: 10 characters)",
        Expect::Text {
            pages: 1,
            min_chars: 10,
            line: "Bug 1606566",
            diagnostic: "no %PDF- header",
        },
    ),
    (
        "pdfjs__bug1782186.pdf",
        "AESV2 for streams (/StmF /StdCF, /AuthEvent /DocOpen), user password `Hello` (pdf.js's \
         test manifest): pdfinfo says not encrypted only because poppler does not support the \
         handler, and pdftotext finds no text; mutool asks for the password, pdfminer fails; \
         decrypted, the page is drawings without text",
        Expect::Password {
            password: "Hello",
            line: None,
        },
    ),
    (
        "pdfjs__encrypted-attachment.pdf",
        "AES-256, only the attachment has a /Crypt filter (pdftotext: 7 characters)",
        Expect::Text {
            pages: 1,
            min_chars: 7,
            line: "Example",
            diagnostic: "only embedded files are encrypted",
        },
    ),
    (
        "pdfjs__issue15893_reduced.pdf",
        "two documents in one file, the later one RC4-encrypted with user password `test` \
         (pdf.js's test manifest); pdftotext finds no text, mutool asks for the password; \
         pdfminer reads `Issue 15893` from the first, unencrypted document, which the file as \
         last written replaces",
        Expect::Password {
            password: "test",
            line: Some("Issue 15893 - password"),
        },
    ),
    (
        "pdfrs__crash-121-2.pdf",
        "the root of the page tree names itself where its first page should be (pdftotext: \
         4 pages, 1,019 characters; it also reads a fuzzed font dictionary that lopdf \
         rejects, whose text we cannot map)",
        Expect::Text {
            pages: 4,
            min_chars: 400,
            line: "File seems to have been purified successfully.",
            diagnostic: "a cycle",
        },
    ),
    (
        "pdfminer__encrypted_doc_no_id.pdf",
        "RC4 with the empty user password and no /ID: scanned pages, no text layer (pdfminer \
         and pdftotext: 3 pages, 0 characters)",
        Expect::NoText {
            pages: 3,
            diagnostic: "no /ID",
        },
    ),
    (
        "pypdf__unreadablemetadata.pdf",
        "the page tree and the fonts of pages 2–4 lie in a megabyte of zeros: the three page \
         objects left are read (pdfminer: 1 page, 1,183 characters; pdftotext: 0)",
        Expect::Text {
            pages: 3,
            min_chars: 1150,
            line: "Rotary Potentiometer",
            diagnostic: "no usable page tree",
        },
    ),
];

/// Characters of mapped text (no white space, no U+FFFD).
fn mapped_chars(layout: &Layout) -> usize {
    layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.words)
        .flat_map(|w| w.text.chars())
        .filter(|c| *c != '\u{fffd}' && !c.is_whitespace())
        .count()
}

fn has_line(layout: &Layout, text: &str) -> bool {
    layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .any(|l| l.text().contains(text))
}

fn has_diagnostic(layout: &Layout, text: &str) -> bool {
    layout.diagnostics.iter().any(|d| d.message.contains(text))
}

#[test]
fn issue_15_files_read_where_peers_read_them() {
    let Some(dir) = corpus_dir() else { return };
    let mut failures = Vec::new();
    for (name, what, expect) in ISSUE_15 {
        let path = dir.join(name);
        if !path.is_file() {
            println!("note: {name} absent; skipped");
            continue;
        }
        let pdf = std::fs::read(&path).unwrap();
        let result = extract(&pdf, &Options::default());
        let outcome = match &result {
            Ok(l) => format!("{} pages, {} characters", l.pages.len(), mapped_chars(l)),
            Err(e) => format!("{:?}: {e}", e.kind),
        };
        println!("{name}: {outcome} ({what})");
        let ok = match (expect, &result) {
            (
                Expect::Text {
                    pages,
                    min_chars,
                    line,
                    diagnostic,
                },
                Ok(l),
            ) => {
                l.pages.len() == *pages
                    && mapped_chars(l) >= *min_chars
                    && has_line(l, line)
                    && has_diagnostic(l, diagnostic)
            }
            (Expect::NoText { pages, diagnostic }, Ok(l)) => {
                l.pages.len() == *pages && has_diagnostic(l, diagnostic)
            }
            (Expect::Password { password, line }, Err(e))
                if e.kind == ErrorKind::PasswordRequired =>
            {
                match extract(&pdf, &options(Some(password))) {
                    Ok(l) => {
                        println!("  with {password:?}: {} pages", l.pages.len());
                        !l.pages.is_empty() && line.is_none_or(|t| has_line(&l, t))
                    }
                    Err(e) => {
                        println!("  with {password:?}: {e}");
                        false
                    }
                }
            }
            _ => false,
        };
        if !ok {
            failures.push(format!("{name}: {outcome}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Files whose pages are laid out twice, the second time on the grid of the document's
/// other pages (the columns of a table cut differently from page to page).
const LAID_OUT_AGAIN: &[&str] = &[
    "plumber__ca-warn-report.pdf",
    "pymupdf__cms-etc-filled.pdf",
    "plumber__issue-71-duplicate-chars-2.pdf",
];

/// Pages laid out by workers, in both passes, give the layout one thread gives: the same
/// pages, in the same order.
#[test]
fn pages_laid_out_in_parallel_read_as_on_one_thread() {
    let Some(dir) = corpus_dir() else { return };
    let with_threads = |threads: usize, pdf: &[u8]| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool");
        pool.install(|| extract(pdf, &Options::default()))
            .expect("the file reads")
    };
    for name in LAID_OUT_AGAIN {
        let pdf = std::fs::read(dir.join(name)).expect("the file is in the corpus");
        let one = with_threads(1, &pdf);
        assert!(one.pages.len() > 1, "{name}");
        assert_eq!(with_threads(3, &pdf), one, "{name}");
    }
}
