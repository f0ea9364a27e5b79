//! Damaged copies of the real-world corpus in `../shared/corpus`: every PDF there, and
//! mutants made from it here, go through [`extract`] with the default options and, when they
//! come out, through [`kamerbrief_parse::parse`] and [`kamerbrief_parse::render::text`].
//!
//! The mutants of each file (deterministic: an xorshift seeded from a fixed seed and the file
//! name):
//!
//! - `truncated`: cut at 10 %, 50 % and 90 % of the file, and just before the last `%%EOF`;
//! - `xref`: bytes flipped inside the cross-reference table (or the cross-reference stream)
//!   that the last `startxref` points at;
//! - `stream`: bytes flipped inside the data of a stream (between `stream` and `endstream`);
//! - `startxref`: the last `startxref` removed, or its offset garbled.
//!
//! Each must give a layout (with diagnostics) or a typed [`Error`](kamerbrief_extract::Error),
//! and never panic: every call runs under `catch_unwind`, a panic is recorded with the file,
//! the mutant, the message, the place and a backtrace, the run goes on, and the test fails at
//! the end with the whole list. There are no timers here: the library's
//! [`Limits`](kamerbrief_extract::Limits) must bound the work; the slowest cases are printed.
//!
//! Recovery: for each mutant, the pages of the original whose text comes out unchanged (a page
//! of the mutant with exactly the same text; an error recovers nothing). The summary table at
//! the end gives, per kind of mutant, how many were `Ok` and `Err` and how many of the
//! original's pages (and of its pages with text) were recovered, and how many pages changed
//! or went missing `silent`ly: without a diagnostic on the page or the document. Peak memory
//! (`VmHWM`) is printed at the end.
//!
//! `cargo test -p kamerbrief-extract --test mutations -- --nocapture` shows one line per file
//! and the tables. `MUTATIONS_PER_KIND` (default 3) sets how many `xref` and `stream`
//! mutants each file gets; heavy files ([`HEAVY_BYTES`], [`HEAVY_WORDS`]) get one of each
//! kind. The corpus is skipped, with a note, when the directory is absent. `MUTATIONS_FILE`
//! (a part of a file name) limits the run to those files; with `MUTATIONS_DUMP=dir` their
//! mutants are written there.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kamerbrief_extract::{ErrorKind, Options, extract};
use kamerbrief_model::{Layout, Page};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// Files larger than this, or whose original gives more words than [`HEAVY_WORDS`], get one
/// mutant of each kind (cut at 50 % and before `%%EOF`) instead of the full set, to keep the
/// run in debug mode within a few minutes: their mutants cost most of the time.
const HEAVY_BYTES: usize = 1 << 20;
const HEAVY_WORDS: usize = 7_000;

/// The seed of the pseudo-random flips; the file name is mixed in.
const SEED: u64 = 0x6b61_6d65_7262_7269;

/// Stack of the worker threads: the 8 MiB a main thread has on Linux.
const STACK: usize = 8 << 20;

// ---------------------------------------------------------------------------------------
// Panics: a hook that records the message, the place and a backtrace for `catch_unwind`.

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| {
                    info.payload()
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_string())
                })
                .unwrap_or_default();
            let place = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_default();
            let trace = std::backtrace::Backtrace::force_capture().to_string();
            let report = format!("{message} at {place}\n{}", short_backtrace(&trace));
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(report));
        }));
    });
}

/// The frames of a backtrace inside this workspace and lopdf, without the std machinery.
fn short_backtrace(trace: &str) -> String {
    let lines: Vec<&str> = trace.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let l = line.trim();
        if l.contains("kamerbrief") || l.contains("lopdf") {
            out.push(format!("    {l}"));
            if let Some(next) = lines.get(i + 1)
                && next.trim().starts_with("at ")
            {
                out.push(format!("      {}", next.trim()));
            }
        }
        if out.len() >= 24 {
            break;
        }
    }
    out.join("\n")
}

/// Runs `f`, turning a panic into `Err` with the hook's report.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    LAST_PANIC.with(|p| p.borrow_mut().take());
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "panic without a report".to_string())
    })
}

// ---------------------------------------------------------------------------------------
// Mutants.

/// Xorshift64: small, deterministic, good enough to pick bytes.
struct Rng(u64);

impl Rng {
    fn new(name: &str) -> Rng {
        // FNV-1a of the name, mixed with the fixed seed; never zero.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in name.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng((h ^ SEED) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A byte that changes what it is XORed with.
    fn flip(&mut self) -> u8 {
        (self.below(255) + 1) as u8
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Truncated,
    Xref,
    Stream,
    Startxref,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Truncated, Kind::Xref, Kind::Stream, Kind::Startxref];

    fn name(self) -> &'static str {
        match self {
            Kind::Truncated => "truncated",
            Kind::Xref => "xref flipped",
            Kind::Stream => "stream flipped",
            Kind::Startxref => "startxref",
        }
    }
}

struct Mutant {
    kind: Kind,
    label: String,
    bytes: Vec<u8>,
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// An offset given in the file, and where its digits stand.
type Offset = (usize, std::ops::Range<usize>);

/// The last `startxref`: where the keyword starts, and the offset it gives.
fn startxref(pdf: &[u8]) -> Option<(usize, Option<Offset>)> {
    let at = rfind(pdf, b"startxref")?;
    let mut i = at + b"startxref".len();
    while pdf.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    let start = i;
    while pdf.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let offset = std::str::from_utf8(&pdf[start..i])
        .ok()
        .and_then(|s| s.parse::<usize>().ok());
    Some((at, offset.map(|o| (o, start..i))))
}

/// Where a stream's data starts: after `stream` and its end-of-line.
fn stream_data_start(pdf: &[u8], keyword: usize) -> usize {
    let mut i = keyword + b"stream".len();
    if pdf.get(i) == Some(&b'\r') {
        i += 1;
    }
    if pdf.get(i) == Some(&b'\n') {
        i += 1;
    }
    i
}

/// The data of every stream: between `stream` + EOL and `endstream`.
fn streams(pdf: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = find(pdf, b"stream", from) {
        from = at + 1;
        if at >= 3 && &pdf[at - 3..at] == b"end" {
            continue;
        }
        let next = pdf.get(at + 6);
        if !matches!(next, Some(b'\r' | b'\n')) {
            continue;
        }
        let start = stream_data_start(pdf, at);
        let Some(end) = find(pdf, b"endstream", start) else {
            break;
        };
        if end > start {
            out.push(start..end);
        }
        from = end + b"endstream".len();
    }
    out
}

/// The bytes of the cross-reference section the last `startxref` points at: a table from
/// `xref` to `trailer` (`true`), or the data of a cross-reference stream (`false`).
fn xref_section(pdf: &[u8]) -> Option<(std::ops::Range<usize>, bool)> {
    let (_, Some((offset, _))) = startxref(pdf)? else {
        return None;
    };
    let at = pdf.get(offset..)?;
    if at.starts_with(b"xref") {
        let start = offset + 4;
        let end = find(pdf, b"trailer", start).unwrap_or((start + 2048).min(pdf.len()));
        return (end > start).then_some((start..end, true));
    }
    // `N G obj << /Type /XRef … >> stream … endstream`
    let keyword = find(pdf, b"stream", offset)?;
    if keyword > offset + 4096 {
        return None;
    }
    let start = stream_data_start(pdf, keyword);
    let end = find(pdf, b"endstream", start)?;
    (end > start).then_some((start..end, false))
}

/// `pdf` with 1–4 bytes flipped at pseudo-random places in `range`.
fn flipped(pdf: &[u8], range: &std::ops::Range<usize>, rng: &mut Rng) -> (Vec<u8>, Vec<usize>) {
    let mut out = pdf.to_vec();
    let n = 1 + rng.below(4);
    let mut at = Vec::new();
    for _ in 0..n {
        let i = range.start + rng.below(range.len());
        out[i] ^= rng.flip();
        at.push(i);
    }
    at.sort_unstable();
    (out, at)
}

/// The mutants of `pdf`: `per_kind` of the random kinds, or one of each kind if `heavy`.
fn mutants(name: &str, pdf: &[u8], per_kind: usize, heavy: bool) -> Vec<Mutant> {
    let mut rng = Rng::new(name);
    let mut out = Vec::new();
    let per_kind = if heavy { 1 } else { per_kind };

    // Truncated.
    let mut cuts: Vec<(String, usize)> = [10, 50, 90]
        .into_iter()
        .filter(|p| !heavy || *p == 50)
        .map(|p| (format!("cut at {p} %"), pdf.len() * p / 100))
        .collect();
    if let Some(eof) = rfind(pdf, b"%%EOF") {
        cuts.push(("cut before %%EOF".to_string(), eof));
    }
    for (label, at) in cuts {
        out.push(Mutant {
            kind: Kind::Truncated,
            label: format!("{label} ({at} of {} bytes)", pdf.len()),
            bytes: pdf[..at].to_vec(),
        });
    }

    // Bytes flipped in the cross-reference section.
    if let Some((range, table)) = xref_section(pdf) {
        let what = if table { "table" } else { "stream" };
        for _ in 0..per_kind {
            let (bytes, at) = flipped(pdf, &range, &mut rng);
            out.push(Mutant {
                kind: Kind::Xref,
                label: format!("xref {what} {range:?} flipped at {at:?}"),
                bytes,
            });
        }
    }

    // Bytes flipped in streams.
    let all = streams(pdf);
    if !all.is_empty() {
        for _ in 0..per_kind {
            let range = &all[rng.below(all.len())];
            let (bytes, at) = flipped(pdf, range, &mut rng);
            out.push(Mutant {
                kind: Kind::Stream,
                label: format!("stream {range:?} flipped at {at:?}"),
                bytes,
            });
        }
    }

    // `startxref` removed or garbled.
    if let Some((keyword, offset)) = startxref(pdf) {
        let digits_end = offset.as_ref().map_or(keyword + 9, |(_, r)| r.end);
        let mut removed = pdf[..keyword].to_vec();
        removed.extend_from_slice(&pdf[digits_end..]);
        out.push(Mutant {
            kind: Kind::Startxref,
            label: "startxref removed".to_string(),
            bytes: removed,
        });
        if !heavy && let Some((_, digits)) = offset {
            let mut garbled = pdf[..digits.start].to_vec();
            let garbage = format!("{}", rng.next() % 1_000_000_000_000);
            garbled.extend_from_slice(garbage.as_bytes());
            garbled.extend_from_slice(&pdf[digits.end..]);
            out.push(Mutant {
                kind: Kind::Startxref,
                label: format!("startxref garbled to {garbage}"),
                bytes: garbled,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Running and comparing.

fn page_text(page: &Page) -> String {
    page.lines
        .iter()
        .map(|l| l.text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many of `original`'s pages come out of `mutant` with the same text: each page of the
/// mutant stands for at most one page of the original. Returns (all pages, pages with text).
fn recovered(original: &[String], mutant: &Layout) -> (usize, usize) {
    let mut left: Vec<String> = mutant.pages.iter().map(page_text).collect();
    let (mut all, mut with_text) = (0, 0);
    for (i, text) in original.iter().enumerate() {
        // The same place first, then anywhere (a rebuilt page tree may reorder pages).
        let hit = if left.get(i).is_some_and(|t| t == text) {
            Some(i)
        } else {
            left.iter().position(|t| t == text)
        };
        if let Some(j) = hit {
            left[j] = "\u{0}taken".to_string();
            all += 1;
            if !text.is_empty() {
                with_text += 1;
            }
        }
    }
    (all, with_text)
}

/// Pages of the original that changed or went missing in `mutant` without a diagnostic.
fn silent(original: &[String], mutant: &Layout) -> usize {
    if !mutant.diagnostics.is_empty() {
        return 0;
    }
    let mut n = 0;
    for (i, text) in original.iter().enumerate() {
        match mutant.pages.get(i) {
            Some(page) if page.diagnostics.is_empty() && page_text(page) != *text => n += 1,
            None if mutant.pages.iter().all(|p| p.diagnostics.is_empty()) => n += 1,
            _ => {}
        }
    }
    n
}

enum Outcome {
    Ok {
        pages: usize,
        diagnostics: usize,
        recovered: (usize, usize),
        /// Pages whose text differs from the original's, or that are missing, without any
        /// diagnostic on the page or the document.
        silent: usize,
    },
    Err(ErrorKind, String),
    Panic(String),
}

struct Run {
    kind: Option<Kind>,
    label: String,
    outcome: Outcome,
    /// A panic in `parse` or `render::text` on the layout.
    parse_panic: Option<String>,
    time: Duration,
}

struct FileReport {
    name: String,
    /// Pages, pages with text and words of the original (0 when it does not open).
    pages: usize,
    text_pages: usize,
    words: usize,
    runs: Vec<Run>,
}

/// Extracts `bytes`, parses the layout; the original's page texts give the recovery.
fn run(
    kind: Option<Kind>,
    label: String,
    bytes: &[u8],
    original: &[String],
) -> (Run, Option<Layout>) {
    let t0 = Instant::now();
    let result = guarded(|| extract(bytes, &Options::default()));
    let mut parse_panic = None;
    let mut layout_out = None;
    let outcome = match result {
        Err(report) => Outcome::Panic(report),
        Ok(Err(e)) => Outcome::Err(e.kind, e.to_string()),
        Ok(Ok(layout)) => {
            if let Err(report) = guarded(|| {
                let parsed = kamerbrief_parse::parse(&layout);
                kamerbrief_parse::render::text(&parsed.letter)
            }) {
                parse_panic = Some(report);
            }
            let diagnostics = layout.diagnostics.len()
                + layout
                    .pages
                    .iter()
                    .map(|p| p.diagnostics.len())
                    .sum::<usize>();
            let outcome = Outcome::Ok {
                pages: layout.pages.len(),
                diagnostics,
                recovered: recovered(original, &layout),
                silent: silent(original, &layout),
            };
            layout_out = Some(layout);
            outcome
        }
    };
    let run = Run {
        kind,
        label,
        outcome,
        parse_panic,
        time: t0.elapsed(),
    };
    (run, layout_out)
}

fn check_file(path: &Path, per_kind: usize) -> FileReport {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let pdf = std::fs::read(path).unwrap();
    let (first, layout) = run(None, "original".to_string(), &pdf, &[]);
    let original: Vec<String> = layout
        .as_ref()
        .map(|l| l.pages.iter().map(page_text).collect())
        .unwrap_or_default();
    let text_pages = original.iter().filter(|t| !t.is_empty()).count();
    let words = layout.as_ref().map_or(0, |l| {
        l.pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| l.words.len())
            .sum()
    });
    let heavy = pdf.len() > HEAVY_BYTES || words > HEAVY_WORDS;
    let mut runs = vec![first];
    // `MUTATIONS_DUMP=dir` writes the mutants of the files whose names contain
    // `MUTATIONS_FILE` there, to look at one by hand.
    let dump = std::env::var("MUTATIONS_DUMP")
        .ok()
        .filter(|_| std::env::var("MUTATIONS_FILE").is_ok_and(|f| name.contains(&f)));
    for (i, m) in mutants(&name, &pdf, per_kind, heavy)
        .into_iter()
        .enumerate()
    {
        if let Some(dir) = &dump {
            let path = Path::new(dir).join(format!("{name}.{i}.pdf"));
            std::fs::write(&path, &m.bytes).unwrap();
            println!("{}: {}", path.display(), m.label);
        }
        runs.push(run(Some(m.kind), m.label, &m.bytes, &original).0);
    }
    FileReport {
        name,
        pages: original.len(),
        text_pages,
        words,
        runs,
    }
}

fn corpus_files() -> Option<Vec<PathBuf>> {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        println!("note: corpus not found at {CORPUS}; skipping the mutation test");
        return None;
    }
    let only = std::env::var("MUTATIONS_FILE").ok();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus directory readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .filter(|p| {
            only.as_ref()
                .is_none_or(|f| p.to_string_lossy().contains(f.as_str()))
        })
        .collect();
    files.sort();
    Some(files)
}

/// Peak resident memory of this process so far, from `/proc/self/status`.
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

/// The mutant's kind in more detail: which cut, xref table or stream, startxref removed or
/// garbled.
fn sub_label(kind: Kind, label: &str) -> String {
    match kind {
        Kind::Truncated => label.split(" (").next().unwrap_or(label).to_string(),
        Kind::Stream => "stream".to_string(),
        Kind::Xref | Kind::Startxref => label.split(' ').take(2).collect::<Vec<_>>().join(" "),
    }
}

fn tally(t: &mut Tally, r: &Run, report: &FileReport) {
    t.mutants += 1;
    t.time += r.time;
    t.pages += report.pages;
    t.text_pages += report.text_pages;
    if r.parse_panic.is_some() {
        t.parse_panics += 1;
    }
    match &r.outcome {
        Outcome::Panic(_) => t.panics += 1,
        Outcome::Err(kind, _) => *t.err.entry(format!("{kind:?}")).or_default() += 1,
        Outcome::Ok {
            recovered, silent, ..
        } => {
            t.ok += 1;
            t.pages_recovered += recovered.0;
            t.text_pages_recovered += recovered.1;
            t.silent += silent;
        }
    }
}

fn print_row(name: &str, t: &Tally) {
    let err: usize = t.err.values().sum();
    let errors: Vec<String> = t.err.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!(
        "{:<30} {:>7} {:>6} {:>6} {:>7} {:>7}  {:>17}  {:>17}  {:>6}  {:>6.1}s  {}",
        name,
        t.mutants,
        t.ok,
        err,
        t.panics,
        t.parse_panics,
        format!("{}/{}", t.pages_recovered, t.pages),
        format!("{}/{}", t.text_pages_recovered, t.text_pages),
        t.silent,
        t.time.as_secs_f64(),
        errors.join(", ")
    );
}

fn add(total: &mut Tally, t: &Tally) {
    total.mutants += t.mutants;
    total.ok += t.ok;
    total.panics += t.panics;
    total.parse_panics += t.parse_panics;
    total.pages += t.pages;
    total.pages_recovered += t.pages_recovered;
    total.text_pages += t.text_pages;
    total.text_pages_recovered += t.text_pages_recovered;
    total.silent += t.silent;
    total.time += t.time;
    for (k, n) in &t.err {
        *total.err.entry(k.clone()).or_default() += n;
    }
}

#[derive(Default)]
struct Tally {
    mutants: usize,
    ok: usize,
    err: BTreeMap<String, usize>,
    panics: usize,
    parse_panics: usize,
    pages: usize,
    pages_recovered: usize,
    text_pages: usize,
    text_pages_recovered: usize,
    silent: usize,
    time: Duration,
}

#[test]
fn corpus_mutants_extract_or_fail_typed() {
    let Some(files) = corpus_files() else { return };
    assert!(!files.is_empty(), "no PDFs in {CORPUS}");
    install_panic_hook();
    let per_kind: usize = std::env::var("MUTATIONS_PER_KIND")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);

    // Largest files first, so that the workers finish together.
    let mut order: Vec<&PathBuf> = files.iter().collect();
    order.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).map_or(0, |m| m.len())));
    let next = AtomicUsize::new(0);
    let reports: Mutex<Vec<FileReport>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let started = Instant::now();
    std::thread::scope(|scope| {
        for w in 0..workers {
            let (order, next, reports) = (&order, &next, &reports);
            std::thread::Builder::new()
                .name(format!("mutations-{w}"))
                .stack_size(STACK)
                .spawn_scoped(scope, move || {
                    while let Some(path) = order.get(next.fetch_add(1, Ordering::SeqCst)) {
                        let report = check_file(path, per_kind);
                        reports.lock().unwrap().push(report);
                    }
                })
                .unwrap();
        }
    });
    let wall = started.elapsed();
    let without_digits = |m: &str| -> String {
        let mut out = String::new();
        for c in m.chars() {
            if c.is_ascii_digit() {
                if !out.ends_with('N') {
                    out.push('N');
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    let mut reports = reports.into_inner().unwrap();
    reports.sort_by(|a, b| a.name.cmp(&b.name));

    let mut failures: Vec<String> = Vec::new();
    let mut tallies: BTreeMap<Kind, Tally> = BTreeMap::new();
    let mut subs: BTreeMap<(Kind, String), Tally> = BTreeMap::new();
    let mut times: Vec<(Duration, String)> = Vec::new();
    let mut messages: BTreeMap<String, usize> = BTreeMap::new();
    let mut silent_cases: Vec<String> = Vec::new();
    println!(
        "{:<56} {:>11} {:>6} {:>3} {:>7}  truncated  xref  stream  startxref: pages recovered or E:error",
        "file", "original", "words", "mut", "time"
    );
    for report in &reports {
        let mut cells: BTreeMap<Kind, Vec<String>> = BTreeMap::new();
        for r in &report.runs {
            let who = format!("{} [{}]", report.name, r.label);
            times.push((r.time, who.clone()));
            if let Some(p) = &r.parse_panic {
                failures.push(format!("{who}: parse PANIC {p}"));
            }
            let cell = match &r.outcome {
                Outcome::Panic(p) => {
                    failures.push(format!("{who}: extract PANIC {p}"));
                    "PANIC".to_string()
                }
                Outcome::Err(kind, _) => format!("E:{kind:?}"),
                Outcome::Ok { recovered, .. } => recovered.0.to_string(),
            };
            let Some(kind) = r.kind else { continue };
            cells.entry(kind).or_default().push(cell);
            if let Outcome::Err(_, message) = &r.outcome {
                *messages.entry(without_digits(message)).or_default() += 1;
            }
            if let Outcome::Ok { silent, .. } = &r.outcome
                && *silent > 0
            {
                silent_cases.push(format!("{who}: {silent} page(s)"));
            }
            tally(tallies.entry(kind).or_default(), r, report);
            tally(
                subs.entry((kind, sub_label(kind, &r.label))).or_default(),
                r,
                report,
            );
        }
        let original = match &report.runs[0].outcome {
            Outcome::Ok {
                pages, diagnostics, ..
            } => format!("{pages}p/{diagnostics}d"),
            Outcome::Err(kind, _) => format!("E:{kind:?}"),
            Outcome::Panic(_) => "PANIC".to_string(),
        };
        let time: Duration = report.runs.iter().map(|r| r.time).sum();
        let cols: Vec<String> = Kind::ALL
            .iter()
            .map(|k| cells.get(k).map_or("-".to_string(), |c| c.join(",")))
            .collect();
        println!(
            "{:<56} {:>11} {:>6} {:>3} {:>6.1}s  {}",
            report.name,
            original,
            report.words,
            report.runs.len() - 1,
            time.as_secs_f64(),
            cols.join("  ")
        );
    }

    println!();
    let header = || {
        println!(
            "{:<30} {:>7} {:>6} {:>6} {:>7} {:>7}  {:>17}  {:>17}  {:>6}  {:>7}  errors",
            "kind",
            "mutants",
            "ok",
            "err",
            "panics",
            "parse!",
            "pages recovered",
            "text pages rec.",
            "silent",
            "time"
        )
    };
    header();
    let mut total = Tally::default();
    for (kind, t) in &tallies {
        print_row(kind.name(), t);
        add(&mut total, t);
    }
    print_row("all", &total);
    println!();
    header();
    for ((kind, sub), t) in &subs {
        print_row(&format!("{}: {sub}", kind.name()), t);
    }

    let mut messages: Vec<(usize, String)> = messages.into_iter().map(|(m, n)| (n, m)).collect();
    messages.sort_by(|a, b| b.cmp(a));
    println!();
    println!("errors of the mutants, most frequent first:");
    for (n, m) in messages.iter().take(12) {
        println!("  {n:>5}  {m}");
    }

    println!();
    println!("pages changed or missing without a diagnostic:");
    for case in &silent_cases {
        println!("  {case}");
    }

    times.sort_by_key(|t| std::cmp::Reverse(t.0));
    println!();
    println!("slowest:");
    for (t, who) in times.iter().take(10) {
        println!("  {:>8.2} s  {who}", t.as_secs_f64());
    }
    println!(
        "{} files, {} mutants, {} workers, {:.1} s wall; peak RSS (VmHWM) {}",
        reports.len(),
        total.mutants,
        workers,
        wall.as_secs_f64(),
        peak_rss()
    );
    assert!(
        failures.is_empty(),
        "{} panic(s):\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

// The mutant makers themselves, on a tiny hand-written file.
#[test]
fn mutants_hit_their_targets() {
    let pdf = b"%PDF-1.4\n1 0 obj << /Length 5 >>\nstream\nABCDE\nendstream\nendobj\n\
xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer << /Size 2 >>\n\
startxref\n63\n%%EOF\n";
    assert_eq!(&pdf[63..67], b"xref");
    let ranges = streams(pdf);
    assert_eq!(ranges.len(), 1);
    assert_eq!(&pdf[ranges[0].clone()], b"ABCDE\n");
    let (xref, table) = xref_section(pdf).unwrap();
    assert!(table);
    assert!(pdf[xref.clone()].starts_with(b"\n0 2\n"));
    assert!(pdf[xref].ends_with(b" n \n"));
    let all = mutants("tiny", pdf, 3, false);
    let count = |k: Kind| all.iter().filter(|m| m.kind == k).count();
    assert_eq!(count(Kind::Truncated), 4);
    assert_eq!(count(Kind::Xref), 3);
    assert_eq!(count(Kind::Stream), 3);
    assert_eq!(count(Kind::Startxref), 2);
    for m in &all {
        assert_ne!(&m.bytes[..], &pdf[..], "{}", m.label);
    }
    let removed = all.iter().find(|m| m.label == "startxref removed").unwrap();
    assert!(find(&removed.bytes, b"startxref", 0).is_none());
    // Deterministic.
    let again = mutants("tiny", pdf, 3, false);
    assert!(all.iter().zip(&again).all(|(a, b)| a.bytes == b.bytes));
}
