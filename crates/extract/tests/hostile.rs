//! Hostile files, each made here with lopdf's writer or as raw bytes: decompression bombs,
//! forms that draw themselves, page tree and reference cycles, absurd nesting, lying
//! `/Length`s, broken CMaps, files that are not PDFs at all, and a document whose every page
//! is broken but one.
//!
//! Each must give a layout with a diagnostic of the expected kind, or a typed
//! [`Error`](kamerbrief_extract::Error): never a panic, never a hang, never memory out of
//! proportion to the input. The layouts are parsed and rendered too (`kamerbrief-parse`):
//! parsing must not panic on them either.
//!
//! Every extraction runs on a watched thread ([`extract_watched`]): a case that does not
//! return within [`hang`] fails as a hang instead of blocking the test run. That is a hang
//! detector, not a performance assertion: the library's `Limits` must bound the work, and
//! the time of each case is printed (`--nocapture`).
//!
//! Peak memory is measured in a child process (this test binary, re-run on one case by
//! [`peak_rss_of`]), which reports its `VmHWM`.
//!
//! Tests marked `#[ignore = "bug: …"]` reproduce a library bug that is not fixed yet; run
//! them with `cargo test -p kamerbrief-extract --test hostile -- --ignored`. Tests whose
//! comment says "found here" reproduced a bug when they were written and guard its fix.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{PageSpec, pdf, pdf_with, standard_font, to_unicode};
use kamerbrief_extract::model::{DiagnosticKind, Layout};
use kamerbrief_extract::{Error, ErrorKind, Limits, Options, extract};
use lopdf::{Dictionary, Object, Stream, dictionary};

/// How long one case may take before it counts as a hang (debug build, busy machine);
/// `KAMERBRIEF_HANG_SECS` overrides it.
fn hang() -> Duration {
    let secs = std::env::var("KAMERBRIEF_HANG_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(180);
    Duration::from_secs(secs)
}

// ---------------------------------------------------------------------------------------
// Running a case.

/// `extract` (then `parse` and `render::text` on a layout) on a thread of its own; panics
/// with the panic's message if one of them panics, and as a hang if no result comes within
/// [`hang`].
fn extract_watched(pdf: &[u8], options: &Options) -> Result<Layout, Error> {
    let (tx, rx) = mpsc::channel();
    let (pdf, options) = (pdf.to_vec(), options.clone());
    let caller = std::thread::current().name().unwrap_or("?").to_string();
    std::thread::Builder::new()
        .name(format!("{caller}-watched"))
        .stack_size(8 << 20)
        .spawn(move || {
            let t0 = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| {
                let result = extract(&pdf, &options);
                if let Ok(layout) = &result {
                    let parsed = kamerbrief_parse::parse(layout);
                    let _ = kamerbrief_parse::render::text(&parsed.letter);
                }
                result
            }));
            let _ = tx.send((result, t0.elapsed()));
        })
        .unwrap();
    let hang = hang();
    match rx.recv_timeout(hang) {
        Ok((Ok(result), took)) => {
            println!(
                "{caller}: {} in {:.2} s",
                match &result {
                    Ok(layout) => format!(
                        "{} pages, {} diagnostics",
                        layout.pages.len(),
                        diagnostics(layout).len()
                    ),
                    Err(e) => format!("error {:?}: {e}", e.kind),
                },
                took.as_secs_f64()
            );
            result
        }
        Ok((Err(panic), _)) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_default();
            panic!("extract or parse panicked: {message}")
        }
        Err(_) => panic!("no result after {hang:?}: a hang"),
    }
}

fn extract_default(pdf: &[u8]) -> Result<Layout, Error> {
    extract_watched(pdf, &Options::default())
}

fn with_limits(limits: Limits) -> Options {
    Options {
        limits,
        ..Options::default()
    }
}

/// Every diagnostic of the layout, the document's and the pages'.
fn diagnostics(layout: &Layout) -> Vec<(DiagnosticKind, String)> {
    layout
        .diagnostics
        .iter()
        .chain(layout.pages.iter().flat_map(|p| &p.diagnostics))
        .map(|d| (d.kind, d.to_string()))
        .collect()
}

/// Asserts a diagnostic of `kind` whose text contains `text`.
#[track_caller]
fn assert_diagnostic(layout: &Layout, kind: DiagnosticKind, text: &str) {
    let all = diagnostics(layout);
    assert!(
        all.iter().any(|(k, m)| *k == kind && m.contains(text)),
        "no {kind:?} diagnostic containing {text:?}; diagnostics: {all:#?}"
    );
}

/// The text of every page, lines joined by newlines.
fn page_texts(layout: &Layout) -> Vec<String> {
    layout
        .pages
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

fn all_text(layout: &Layout) -> String {
    page_texts(layout).join("\n")
}

#[track_caller]
fn assert_typed_error(result: &Result<Layout, Error>, kinds: &[ErrorKind]) {
    match result {
        Err(e) => assert!(kinds.contains(&e.kind), "error {:?}: {e}", e.kind),
        Ok(layout) => panic!(
            "expected an error {kinds:?}, got {} pages: {:?}",
            layout.pages.len(),
            diagnostics(layout)
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Making files.

/// `data` compressed with zlib (lopdf's own writer), for a `/Filter /FlateDecode` stream.
fn deflate(data: &[u8]) -> Vec<u8> {
    let mut s = Stream::new(Dictionary::new(), data.to_vec());
    s.compress().unwrap();
    assert!(s.dict.has(b"Filter"), "not compressible");
    s.content
}

/// A flate stream object (lopdf writer) whose data inflates to `data`.
fn flate_stream(dict: Dictionary, data: &[u8]) -> Stream {
    let mut dict = dict;
    dict.set("Filter", "FlateDecode");
    Stream::new(dict, deflate(data)).with_compression(false)
}

/// A PDF written as raw bytes: `objects[i]` is the body of object `i + 1`, the catalog is
/// object 1; the cross-reference table is correct for these bodies.
fn raw_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Objects 1–3 and 5 of a one-page raw PDF: catalog, pages, the page (content 4 0 R,
/// `/F1` Helvetica = 5 0 R); the caller gives object 4 and any from 6 on.
fn raw_one_page(content: Vec<u8>, more: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
          /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_vec(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    objects.extend(more);
    raw_pdf(&objects)
}

/// A raw stream object body with `dict` entries (without `/Length`) and a given `/Length`.
fn raw_stream(dict: &str, length: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {length} >>\nstream\n").into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

const HELLO: &str = "BT /F1 12 Tf 72 700 Td (Hello hostile world) Tj ET";

/// Deterministic bytes (xorshift64).
fn random_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Peak memory in a child process.

const PROBE_ENV: &str = "KAMERBRIEF_HOSTILE_PROBE";

/// Not a test of its own: the child side of [`peak_rss_of`]. Extracts the file named in
/// `$KAMERBRIEF_HOSTILE_PROBE` with the default options and prints the peak RSS.
#[test]
fn memory_probe_child() {
    let Some(path) = std::env::var_os(PROBE_ENV) else {
        return;
    };
    let pdf = std::fs::read(path).unwrap();
    let result = extract(&pdf, &Options::default());
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or("VmHWM: 0 kB");
    println!(
        "PROBE {hwm} RESULT {}",
        match &result {
            Ok(layout) => format!("ok {:?}", diagnostics(layout)),
            Err(e) => format!("error {e}"),
        }
    );
}

/// Peak resident memory in kB of a child process that extracts `pdf` with the default
/// options, and what it printed about the result; `None` where `/proc` is not available.
fn peak_rss_of(name: &str, pdf: &[u8]) -> Option<(u64, String)> {
    if !std::path::Path::new("/proc/self/status").exists() {
        println!("note: no /proc; peak memory not measured");
        return None;
    }
    // One file per call: tests run in parallel and several measure the same baseline, so
    // a shared name let one test remove the file while another's child was to read it.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(
        "kamerbrief-hostile-{}-{call}-{name}.pdf",
        std::process::id()
    ));
    std::fs::write(&path, pdf).unwrap();
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "memory_probe_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(PROBE_ENV, &path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.find("PROBE VmHWM:").map(|i| &l[i..]))
        .unwrap_or_else(|| {
            panic!(
                "the probe of {name} printed nothing ({}): {stdout}\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            )
        });
    let kb: u64 = line
        .split_whitespace()
        .nth(2)
        .and_then(|v| v.parse().ok())
        .unwrap();
    println!("{name}: peak RSS {} MB; {line}", kb / 1024);
    Some((kb, line.to_string()))
}

/// The child's peak RSS on a trivial one-page file: the baseline of [`peak_rss_of`].
fn baseline_rss() -> u64 {
    peak_rss_of(
        "baseline",
        &raw_one_page(raw_stream("", "50", HELLO.as_bytes()), vec![]),
    )
    .map_or(0, |(kb, _)| kb)
}

// ---------------------------------------------------------------------------------------
// Decompression bombs.

/// A page whose content stream inflates to `inflated` bytes of spaces, then shows text.
fn bomb_pdf(inflated: usize) -> Vec<u8> {
    let mut data = vec![b' '; inflated];
    data.extend_from_slice(HELLO.as_bytes());
    bomb_document(&data)
}

/// One page whose `/Contents` is a flate stream of `data`.
fn bomb_document(data: &[u8]) -> Vec<u8> {
    let mut doc = common::build_document(|_| vec![PageSpec::new("")]);
    let content_id = doc
        .page_iter()
        .next()
        .and_then(|p| {
            doc.get_dictionary(p)
                .ok()?
                .get(b"Contents")
                .ok()?
                .as_reference()
                .ok()
        })
        .unwrap();
    doc.objects.insert(
        content_id,
        Object::Stream(flate_stream(Dictionary::new(), data)),
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn flate_bomb_small_limit() {
    let pdf = bomb_document(&{
        let mut d = vec![b' '; 8 << 20];
        d.extend_from_slice(HELLO.as_bytes());
        d
    });
    assert!(pdf.len() < 64 << 10, "the bomb is {} bytes", pdf.len());
    let limits = Limits {
        max_stream_bytes: 1 << 20,
        ..Limits::default()
    };
    let layout = extract_watched(&pdf, &with_limits(limits)).unwrap();
    assert_eq!(layout.pages.len(), 1);
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "decompresses past");
    assert_eq!(all_text(&layout), "");
    // The same file within the default limit reads.
    let layout = extract_default(&pdf).unwrap();
    assert_eq!(all_text(&layout), "Hello hostile world");
}

#[test]
fn flate_bomb_default_limit() {
    let inflated = Limits::default().max_stream_bytes + (16 << 20);
    let pdf = bomb_pdf(inflated);
    println!("bomb: {} bytes inflating to {inflated}", pdf.len());
    let layout = extract_default(&pdf).unwrap();
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "decompresses past");
    if let Some((kb, _)) = peak_rss_of("flate-bomb-default", &pdf) {
        let base = baseline_rss();
        let max = Limits::default().max_stream_bytes as u64 / 1024;
        // Inflating up to the limit may cost the limit, twice over while a buffer grows.
        assert!(
            kb.saturating_sub(base) < 3 * max,
            "peak {kb} kB over a baseline of {base} kB for a stream limit of {max} kB"
        );
    }
}

/// The document budget: every page's content is under the stream limit, but together
/// they pass `max_document_bytes`; later pages get a diagnostic, earlier ones their text.
#[test]
fn document_budget() {
    let mut content = vec![b' '; 300 << 10];
    content.extend_from_slice(HELLO.as_bytes());
    // Eight pages drawing the same stream.
    let mut doc = common::build_document(|_| (0..8).map(|_| PageSpec::new("")).collect());
    let stream_id = doc.add_object(flate_stream(Dictionary::new(), &content));
    let pages: Vec<_> = doc.page_iter().collect();
    for p in pages {
        doc.get_dictionary_mut(p)
            .unwrap()
            .set("Contents", Object::Reference(stream_id));
    }
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).unwrap();
    let limits = Limits {
        max_document_bytes: 1 << 20,
        ..Limits::default()
    };
    let layout = extract_watched(&pdf, &with_limits(limits)).unwrap();
    let texts = page_texts(&layout);
    assert_eq!(texts.len(), 8);
    assert_eq!(texts[0], "Hello hostile world");
    assert_eq!(texts[2], "Hello hostile world");
    assert_eq!(texts[7], "");
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "decompresses past");
}

/// `/Filter [/FlateDecode /FlateDecode]`: each layer inflates ~1000×.
#[test]
fn nested_flate_bomb() {
    let inflated = Limits::default().max_stream_bytes + (16 << 20);
    let inner = deflate(&vec![b' '; inflated]);
    let outer = deflate(&inner);
    println!(
        "nested bomb: {} → {} → {} bytes",
        outer.len(),
        inner.len(),
        inflated
    );
    let pdf = raw_one_page(
        raw_stream(
            "/Filter [/FlateDecode /FlateDecode]",
            &outer.len().to_string(),
            &outer,
        ),
        vec![],
    );
    let layout = extract_default(&pdf).unwrap();
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "decompresses past");
}

/// A bomb where a form's content belongs, and a `/ToUnicode` that inflates to 4 MiB of
/// spaces (an empty CMap: the font falls back to its encoding).
#[test]
fn flate_bomb_in_form_and_to_unicode() {
    let pdf = pdf_with(|doc| {
        let bomb = flate_stream(Dictionary::new(), &vec![b' '; 4 << 20]);
        let cmap = doc.add_object(bomb.clone());
        let mut font = standard_font("Helvetica");
        font.set("ToUnicode", cmap);
        let mut form_dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        };
        form_dict.set("Filter", "FlateDecode");
        let form = doc.add_object(Stream::new(form_dict, bomb.content).with_compression(false));
        vec![
            PageSpec::new("/Fm1 Do BT /F2 12 Tf 72 700 Td (Hello hostile world) Tj ET")
                .font("F2", font)
                .xobject("Fm1", form),
        ]
    });
    let limits = Limits {
        max_stream_bytes: 1 << 20,
        ..Limits::default()
    };
    let layout = extract_watched(&pdf, &with_limits(limits)).unwrap();
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "decompresses past");
    assert_eq!(all_text(&layout), "Hello hostile world");
}

/// A `/ToUnicode` of 4 MiB (a comment, then a real mapping) with `max_stream_bytes` at
/// 1 MiB: the limit must apply to it as to any stream. (Found here: font streams were
/// decoded under a fixed 32 MiB bound, outside `Limits`; fixed in 4904874.)
#[test]
fn font_streams_obey_the_stream_limit() {
    let mut cmap = b"%".to_vec();
    cmap.extend(std::iter::repeat_n(b'x', 4 << 20));
    cmap.extend_from_slice(
        b"\n1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfchar <41> <0058> endbfchar\n",
    );
    let pdf = pdf_with(|doc| {
        let cmap = doc.add_object(flate_stream(Dictionary::new(), &cmap));
        let mut font = standard_font("Helvetica");
        font.set("ToUnicode", cmap);
        vec![PageSpec::new("BT /F2 12 Tf 72 700 Td (A) Tj ET").font("F2", font)]
    });
    let limits = Limits {
        max_stream_bytes: 1 << 20,
        ..Limits::default()
    };
    let layout = extract_watched(&pdf, &with_limits(limits)).unwrap();
    let all = diagnostics(&layout);
    assert!(
        all.iter()
            .any(|(k, _)| matches!(k, DiagnosticKind::LimitReached | DiagnosticKind::BrokenFont)),
        "a 4 MiB ToUnicode read under a 1 MiB stream limit: text {:?}, diagnostics {all:?}",
        all_text(&layout)
    );
}

// ---------------------------------------------------------------------------------------
// Forms.

fn form(resources: Dictionary, content: &str) -> Stream {
    Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => resources,
        },
        content.as_bytes().to_vec(),
    )
}

#[test]
fn form_draws_itself() {
    let pdf = pdf_with(|doc| {
        let id = doc.new_object_id();
        let resources = dictionary! { "Font" => dictionary! { "F1" => standard_font("Helvetica") }, "XObject" => dictionary! { "Me" => id } };
        doc.objects.insert(
            id,
            Object::Stream(form(
                resources,
                "BT /F1 12 Tf 72 700 Td (Loop) Tj ET /Me Do",
            )),
        );
        vec![PageSpec::new("/Me Do").xobject("Me", id)]
    });
    let layout = extract_default(&pdf).unwrap();
    assert_eq!(all_text(&layout), "Loop");
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "draws itself");
}

#[test]
fn two_forms_draw_each_other() {
    let pdf = pdf_with(|doc| {
        let a = doc.new_object_id();
        let b = doc.new_object_id();
        let font = dictionary! { "F1" => standard_font("Helvetica") };
        doc.objects.insert(
            a,
            Object::Stream(form(
                dictionary! { "Font" => font.clone(), "XObject" => dictionary! { "B" => b } },
                "BT /F1 12 Tf 72 700 Td (Ping) Tj ET /B Do",
            )),
        );
        doc.objects.insert(
            b,
            Object::Stream(form(
                dictionary! { "Font" => font, "XObject" => dictionary! { "A" => a } },
                "BT /F1 12 Tf 72 680 Td (Pong) Tj ET /A Do",
            )),
        );
        vec![PageSpec::new("/A Do").xobject("A", a)]
    });
    let layout = extract_default(&pdf).unwrap();
    assert_eq!(all_text(&layout), "Ping\nPong");
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "draws itself");
}

/// A chain of 200 distinct forms, each drawing the next: the nesting limit stops it.
#[test]
fn form_chain_deeper_than_the_nesting_limit() {
    let pdf = pdf_with(|doc| {
        let ids: Vec<_> = (0..200).map(|_| doc.new_object_id()).collect();
        for (i, id) in ids.iter().enumerate() {
            let next = ids.get(i + 1).copied();
            let mut resources =
                dictionary! { "Font" => dictionary! { "F1" => standard_font("Helvetica") } };
            let mut content = format!("BT /F1 10 Tf 72 {} Td (f{i}) Tj ET", 800 - i * 3);
            if let Some(n) = next {
                resources.set("XObject", dictionary! { "N" => n });
                content.push_str(" /N Do");
            }
            doc.objects
                .insert(*id, Object::Stream(form(resources, &content)));
        }
        vec![PageSpec::new("/N Do").xobject("N", ids[0])]
    });
    let layout = extract_default(&pdf).unwrap();
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "nested too deeply");
    assert!(all_text(&layout).contains("f0"));
}

/// "Billion laughs": 12 levels of forms each drawing the next level 10 times (10^12 form
/// calls unbounded). The operator limit per page must stop it.
#[test]
fn form_fan_out() {
    let pdf = pdf_with(|doc| {
        let ids: Vec<_> = (0..12).map(|_| doc.new_object_id()).collect();
        let helvetica = doc.add_object(standard_font("Helvetica"));
        for (i, id) in ids.iter().enumerate() {
            let mut resources = dictionary! { "Font" => dictionary! { "F1" => helvetica } };
            let content = match ids.get(i + 1) {
                Some(n) => {
                    resources.set("XObject", dictionary! { "N" => *n });
                    "/N Do ".repeat(10)
                }
                None => "BT /F1 10 Tf 72 700 Td (lol) Tj ET".to_string(),
            };
            doc.objects
                .insert(*id, Object::Stream(form(resources, &content)));
        }
        vec![PageSpec::new("/N Do").xobject("N", ids[0])]
    });
    let limits = Limits {
        max_operators_per_page: 200_000,
        ..Limits::default()
    };
    let layout = extract_watched(&pdf, &with_limits(limits)).unwrap();
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "operators");
}

// ---------------------------------------------------------------------------------------
// Cycles.

/// A one-page tree whose `/Kids` point back at the root (`direct`) or, from a grandchild,
/// at the root and at itself (`indirect`), with `filler` unused objects after it.
fn page_tree_cycles(filler: usize) -> Vec<(&'static str, Vec<u8>)> {
    let page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
        /Resources << /Font << /F1 5 0 R >> >> >>"
        .to_vec();
    let content = raw_stream("", &HELLO.len().to_string(), HELLO.as_bytes());
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        .to_vec();
    let fill = |mut objects: Vec<Vec<u8>>| {
        objects.extend((0..filler).map(|i| format!("{i}").into_bytes()));
        raw_pdf(&objects)
    };
    let direct = fill(vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>".to_vec(),
        page.clone(),
        content.clone(),
        font.clone(),
    ]);
    let indirect = fill(vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>".to_vec(),
        page,
        content,
        font,
        b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R 6 0 R] /Count 3 >>".to_vec(),
    ]);
    vec![("direct", direct), ("indirect", indirect)]
}

#[test]
fn page_tree_cycle() {
    for (name, pdf) in page_tree_cycles(0) {
        let layout = extract_default(&pdf).unwrap();
        let texts = page_texts(&layout);
        assert!(
            texts.iter().any(|t| t == "Hello hostile world"),
            "{name}: {texts:?}"
        );
        println!(
            "page tree cycle ({name}): {} pages, diagnostics {:?}",
            texts.len(),
            diagnostics(&layout)
        );
    }
}

/// The one page comes out once (or a diagnostic says the tree is broken), however many
/// objects the file has. (Found here: lopdf's page walk is bounded by the number of objects,
/// so `/Kids [3 0 R 2 0 R]` with 2,000 other objects gave 1,003 copies of the page, silently;
/// fixed in 4904874.)
#[test]
fn page_tree_cycle_yields_each_page_once() {
    for (name, pdf) in page_tree_cycles(2_000) {
        let layout = extract_default(&pdf).unwrap();
        let pages = layout.pages.len();
        assert!(
            pages == 1 || (pages <= 2 && !diagnostics(&layout).is_empty()),
            "{name}: {pages} pages from a tree of one page; diagnostics {:?}",
            diagnostics(&layout).first()
        );
    }
}

/// `/Parent` chains that loop (inherited attributes are looked up through them).
#[test]
fn parent_cycle() {
    let pdf = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 6 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec(),
        raw_stream("", &HELLO.len().to_string(), HELLO.as_bytes()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>".to_vec(),
    ]);
    let layout = extract_default(&pdf).unwrap();
    assert_eq!(layout.pages.len(), 1);
    // No /Resources anywhere up the loop: the font is unknown, the page still comes out.
    println!("parent cycle: {:?}", diagnostics(&layout));
}

/// Indirect objects that refer to each other: `/Contents 4 0 R` → 6 → 4 …, and a
/// `/Resources` that is a reference to itself.
#[test]
fn reference_cycle() {
    let pdf = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>"
            .to_vec(),
        b"6 0 R".to_vec(),
        b"5 0 R".to_vec(),
        b"4 0 R".to_vec(),
    ]);
    let result = extract_default(&pdf);
    match &result {
        Ok(layout) => assert_eq!(all_text(layout), ""),
        Err(_) => assert_typed_error(&result, &[ErrorKind::Unreadable]),
    }
}

// ---------------------------------------------------------------------------------------
// Nesting.

#[test]
fn deep_arrays_in_content_stream() {
    let depth = 10_000;
    let arrays = format!("{}{} TJ", "[".repeat(depth), "]".repeat(depth));
    let dicts = format!(
        "/P {}{} BDC EMC",
        "<< /A ".repeat(depth),
        ">>".repeat(depth)
    );
    let strings = format!(
        "BT /F1 12 Tf 72 720 Td {}x{} Tj ET",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let unclosed = "[".repeat(depth);
    for (name, nested, tail_survives) in [
        ("arrays", arrays, true),
        ("dictionaries", dicts, true),
        ("strings", strings, true),
        ("unclosed arrays", unclosed, false),
    ] {
        let content = format!("{nested}\n{HELLO}");
        let layout = extract_default(&pdf(vec![PageSpec::new(&content)])).unwrap();
        let text = all_text(&layout);
        println!("deep {name}: {text:?}, {:?}", diagnostics(&layout));
        if tail_survives {
            assert!(text.ends_with("Hello hostile world"), "{name}: {text:?}");
            if name != "strings" {
                assert_diagnostic(&layout, DiagnosticKind::SkippedOperator, "malformed");
            }
        }
    }
}

#[test]
fn deep_arrays_in_objects() {
    let depth = 10_000;
    let deep_array = format!("{}0{}", "[".repeat(depth), "]".repeat(depth)).into_bytes();
    let deep_dict = format!("{}{}", "<< /A ".repeat(depth), ">>".repeat(depth)).into_bytes();
    let content = raw_stream("", &HELLO.len().to_string(), HELLO.as_bytes());
    // In an object of their own, referenced from the page (`/Annots`, `/PieceInfo`).
    let mut page_refs = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
        /Resources << /Font << /F1 5 0 R >> >> /Annots 6 0 R /PieceInfo 7 0 R >>"
        .to_vec();
    let separate = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page_refs.clone(),
        content.clone(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        deep_array.clone(),
        deep_dict.clone(),
    ]);
    let layout = extract_default(&separate).unwrap();
    assert_eq!(all_text(&layout), "Hello hostile world");
    // Inside the page dictionary itself: the page object is broken.
    page_refs.truncate(page_refs.len() - 2);
    page_refs.extend_from_slice(b" /Deep ");
    page_refs.extend_from_slice(&deep_array);
    page_refs.extend_from_slice(b" >>");
    let inside = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page_refs,
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ]);
    let result = extract_default(&inside);
    match &result {
        Ok(layout) => {
            println!("deep array in the page: {:?}", diagnostics(layout));
            assert!(
                !diagnostics(layout).is_empty() || all_text(layout) == "Hello hostile world",
                "the page silently lost its text"
            );
        }
        Err(_) => assert_typed_error(&result, &[ErrorKind::Unreadable]),
    }
}

/// 100,000 `q` without `Q`, and 100,000 `BDC` without `EMC`.
#[test]
fn unbalanced_state_stacks() {
    let content = format!(
        "{}{}{HELLO}",
        "q ".repeat(100_000),
        "/P BMC ".repeat(100_000)
    );
    let layout = extract_default(&pdf(vec![PageSpec::new(&content)])).unwrap();
    assert_eq!(all_text(&layout), "Hello hostile world");
    assert_diagnostic(&layout, DiagnosticKind::LimitReached, "nesting too deep");
}

// ---------------------------------------------------------------------------------------
// Lying lengths, missing and undecodable content.

/// One-page files whose content stream lies about its length, is missing, or does not
/// decode; each would show "Hello hostile world".
fn lost_content_pdfs() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for length in [
        "1000000000000",
        "4294967296",
        "99999999999999999999",
        "-5",
        "-1000000000000",
        "-0",
        "99 0 R",
        "4 0 R",
        "6 0 R",
    ] {
        out.push((
            format!("/Length {length}"),
            raw_one_page(
                raw_stream("", length, HELLO.as_bytes()),
                vec![b"(not a number)".to_vec()],
            ),
        ));
    }
    let missing = raw_one_page(raw_stream("", "50", HELLO.as_bytes()), vec![]);
    let missing = String::from_utf8_lossy(&missing)
        .replace("/Contents 4 0 R", "/Contents 9 0 R")
        .into_bytes();
    out.push(("/Contents to a missing object".to_string(), missing));
    let mut corrupt = deflate(format!("{}{HELLO}", " ".repeat(200)).as_bytes());
    for b in corrupt.iter_mut().skip(2).take(6) {
        *b ^= 0x5a;
    }
    out.push((
        "corrupt flate data".to_string(),
        raw_one_page(
            raw_stream("/Filter /FlateDecode", &corrupt.len().to_string(), &corrupt),
            vec![],
        ),
    ));
    out.push((
        "not flate at all".to_string(),
        raw_one_page(
            raw_stream("/Filter /FlateDecode", "50", HELLO.as_bytes()),
            vec![],
        ),
    ));
    out
}

#[test]
fn lying_lengths_and_lost_content() {
    for (name, pdf) in lost_content_pdfs() {
        let result = extract_default(&pdf);
        match &result {
            Ok(layout) => {
                assert_eq!(layout.pages.len(), 1, "{name}");
                println!("{name}: {:?}, {:?}", all_text(layout), diagnostics(layout));
            }
            Err(_) => assert_typed_error(&result, &[ErrorKind::Unreadable]),
        }
    }
}

/// A content stream whose flate data ends half-way (a truncated download, a damaged copy):
/// lopdf inflates what it can and reports success, so the page shows its first lines only.
fn truncated_flate_pdf() -> Vec<u8> {
    let content: String = (0..200)
        .map(|i| {
            format!(
                "BT /F1 10 Tf 72 {} Td (Line {i} of the page) Tj ET\n",
                800 - i * 4
            )
        })
        .collect();
    let mut data = deflate(content.as_bytes());
    data.truncate(data.len() / 2);
    raw_one_page(
        raw_stream("/Filter /FlateDecode", &data.len().to_string(), &data),
        vec![],
    )
}

#[test]
fn truncated_flate_content_gives_its_start() {
    let layout = extract_default(&truncated_flate_pdf()).unwrap();
    let text = all_text(&layout);
    assert!(text.contains("Line 0 of the page"), "{text:?}");
    assert!(!text.contains("Line 199 of the page"), "{text:?}");
    println!(
        "{} lines; diagnostics {:?}",
        layout.pages[0].lines.len(),
        diagnostics(&layout)
    );
}

/// The page that lost the end of its content says so. (Found by the mutation test: a byte
/// flipped in a flate stream breaks the zlib data or checksum, and 6 pages of the corpus
/// changed without a diagnostic.)
#[test]
fn truncated_flate_content_is_diagnosed() {
    let layout = extract_default(&truncated_flate_pdf()).unwrap();
    // A skipped operator where the data stops is incidental: the stream itself is broken.
    assert!(
        layout.pages[0]
            .diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::BrokenObject),
        "{} lines came out; diagnostics {:?}",
        layout.pages[0].lines.len(),
        layout.pages[0].diagnostics
    );
}

/// The page's text comes out, or a diagnostic on the page says why not. (Found here: lopdf
/// drops a stream whose `/Length` is negative or overflows, reads one whose indirect
/// `/Length` does not resolve as empty, and returns what it could inflate of corrupt flate
/// data; the pages came out empty without a diagnostic; fixed in 4904874.)
#[test]
fn lost_content_is_diagnosed() {
    let mut silent = Vec::new();
    for (name, pdf) in lost_content_pdfs() {
        if let Ok(layout) = extract_default(&pdf)
            && all_text(&layout) != "Hello hostile world"
            && layout.pages.iter().all(|p| p.diagnostics.is_empty())
        {
            silent.push(format!("{name}: text {:?}", all_text(&layout)));
        }
    }
    assert!(
        silent.is_empty(),
        "content lost silently:\n{}",
        silent.join("\n")
    );
}

/// A cross-reference subsection and a trailer that claim a billion objects.
#[test]
fn xref_claims_a_billion_objects() {
    let mut pdf = raw_one_page(
        raw_stream("", &HELLO.len().to_string(), HELLO.as_bytes()),
        vec![],
    );
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let text = text
        .replace("xref\n0 6\n", "xref\n0 1000000000\n")
        .replace("/Size 6", "/Size 1000000000");
    pdf = text.into_bytes();
    let result = extract_default(&pdf);
    if let Ok(layout) = &result {
        println!("billion objects: {:?}", diagnostics(layout));
    } else {
        assert_typed_error(&result, &[ErrorKind::Unreadable]);
    }
}

/// `/DecodeParms` with a predictor whose row is absurdly wide, and other absurd parameters.
#[test]
fn absurd_decode_parameters() {
    let data = deflate(&[0u8; 1000]);
    for params in [
        "<< /Predictor 12 /Columns 2147483647 >>",
        "<< /Predictor 12 /Columns 100000 /Colors 100000 /BitsPerComponent 16 >>",
        "<< /Predictor 2 /Columns -1 /Colors -7 >>",
        "<< /Predictor 15 /Columns 1e300 >>",
    ] {
        let pdf = raw_one_page(
            raw_stream(
                &format!("/Filter /FlateDecode /DecodeParms {params}"),
                &data.len().to_string(),
                &data,
            ),
            vec![],
        );
        let layout = extract_default(&pdf).unwrap();
        println!("{params}: {:?}", diagnostics(&layout));
    }
}

// ---------------------------------------------------------------------------------------
// CMaps.

/// A simple font with a `/ToUnicode` of `body`, one-byte codes.
fn font_with_to_unicode(body: &str) -> Dictionary {
    dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Custom",
        "FirstChar" => 1, "LastChar" => 8,
        "Widths" => vec![500.into(); 8],
        "ToUnicode" => to_unicode(false, body),
    }
}

#[test]
fn to_unicode_with_unpaired_surrogates() {
    let font = font_with_to_unicode(
        "4 beginbfchar <01> <D800> <02> <DC00> <03> <D800D800> <07> <0041> endbfchar\n\
         2 beginbfrange <04> <06> <DBFF> <08> <08> <DFFFD800> endbfrange",
    );
    let pdf = pdf(vec![
        PageSpec::new("BT /F2 12 Tf 72 700 Td <0102030405060708> Tj ( ) Tj <07> Tj ET")
            .font("F2", font),
    ]);
    let layout = extract_default(&pdf).unwrap();
    let text = all_text(&layout);
    assert!(text.contains('A'), "{text:?}");
    assert!(layout.pages[0].unmapped_glyphs > 0, "{text:?}");
    assert_diagnostic(
        &layout,
        DiagnosticKind::UnmappedGlyphs,
        "without a Unicode mapping",
    );
}

#[test]
fn to_unicode_with_huge_bfranges() {
    // Ranges over the whole 32-bit code space, and an array destination of 100,000 items.
    let items = "<0041> ".repeat(100_000);
    let body = format!(
        "3 beginbfrange <00000000> <FFFFFFFF> <0041> <00> <FF> <0042> <01> <FFFF> [{items}] endbfrange"
    );
    let font = font_with_to_unicode(&body);
    let pdf = pdf(vec![
        PageSpec::new("BT /F2 12 Tf 72 700 Td <01020304> Tj ET").font("F2", font),
    ]);
    let layout = extract_default(&pdf).unwrap();
    assert_eq!(all_text(&layout), "AAAA");
}

/// A Type 0 font over Identity-H with `to_unicode`, widths 500.
fn type0_font(to_unicode: Object) -> Dictionary {
    let descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Demo",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 500,
    };
    dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Demo", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode,
    }
}

/// A composite font whose `/ToUnicode` has `ranges` one-code bfranges at `<FFFF>`, and a
/// page showing every code below 0x8000 once: each lookup misses every range.
fn many_bfranges_pdf(ranges: usize) -> Vec<u8> {
    let mut body = String::new();
    for start in (0..ranges).step_by(100) {
        let n = (ranges - start).min(100);
        body.push_str(&format!("{n} beginbfrange\n"));
        body.push_str(&"<FFFF> <FFFF> <0041>\n".repeat(n));
        body.push_str("endbfrange\n");
    }
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n{body}\
         endcmap CMapName currentdict /CMap defineresource pop end end\n"
    );
    let codes: String = (0..0x8000u32).map(|c| format!("{c:04X}")).collect();
    pdf_with(|doc| {
        let cmap = doc.add_object(flate_stream(Dictionary::new(), cmap.as_bytes()));
        let mut page = PageSpec::new("").font("F0", type0_font(Object::Reference(cmap)));
        page.content = format!("BT /F0 1 Tf 10 800 Td <{codes}> Tj ET").into_bytes();
        vec![page]
    })
}

#[test]
fn to_unicode_with_many_bfranges() {
    let layout = extract_default(&many_bfranges_pdf(1_000)).unwrap();
    assert_diagnostic(
        &layout,
        DiagnosticKind::UnmappedGlyphs,
        "without a Unicode mapping",
    );
}

/// 200,000 bfranges (a 0.1 MB file) and 32,768 distinct codes: 6.5 billion range tests with
/// a linear search. (Found here: `ToUnicode::get` scanned every range per code; 60,000 ranges
/// took 74 s in a debug build and this file did not finish in 180 s; fixed in 4904874.)
#[test]
fn to_unicode_with_many_bfranges_is_fast() {
    let pdf = many_bfranges_pdf(200_000);
    println!("{} bytes", pdf.len());
    let layout = extract_default(&pdf).unwrap();
    assert_diagnostic(
        &layout,
        DiagnosticKind::UnmappedGlyphs,
        "without a Unicode mapping",
    );
}

/// `Tf` on a font dictionary written inline in the resources (no object number) 20,000
/// times; the font's `/ToUnicode` is 0.5 MiB. (Found here: fonts were cached by object id
/// only, so an inline font was loaded again at every `Tf`, 1.2 ms each for a bare Helvetica
/// in a debug build; this file did not finish in 180 s; fixed in 4904874.)
#[test]
fn inline_font_dictionary_is_loaded_once() {
    let mut cmap = String::from("1 begincodespacerange <00> <FF> endcodespacerange\n");
    for _ in 0..200 {
        cmap.push_str("100 beginbfchar\n");
        cmap.push_str(&"<41> <0041>\n".repeat(100));
        cmap.push_str("endbfchar\n");
    }
    let pdf = pdf_with(|doc| {
        let cmap = doc.add_object(flate_stream(Dictionary::new(), cmap.as_bytes()));
        let mut font = standard_font("Helvetica");
        font.set("ToUnicode", cmap);
        let content = format!("BT {}72 700 Td (A) Tj ET", "/F1 10 Tf ".repeat(20_000));
        let mut page = PageSpec::raw(b"").font("F1", font);
        page.content = content.into_bytes();
        vec![page]
    });
    println!("{} bytes", pdf.len());
    let layout = extract_default(&pdf).unwrap();
    assert_eq!(all_text(&layout), "A");
}

/// 40 fonts that share one `/ToUnicode` of 100,000 four-byte codes. (Found here: each font
/// parsed it again and kept its own map for the whole document: 256 MB for a 243 kB file;
/// fixed in 4904874.)
#[test]
fn shared_to_unicode_memory_is_bounded() {
    let mut cmap = String::from("1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n");
    for block in 0..1000u32 {
        cmap.push_str("100 beginbfchar\n");
        for i in 0..100u32 {
            cmap.push_str(&format!("<{:08X}> <0041>\n", block * 100 + i));
        }
        cmap.push_str("endbfchar\n");
    }
    let fonts = 40;
    let pdf = pdf_with(|doc| {
        let cmap = doc.add_object(flate_stream(Dictionary::new(), cmap.as_bytes()));
        let mut page = PageSpec::raw(b"");
        let mut content = String::from("BT ");
        for f in 0..fonts {
            let mut font = type0_font(Object::Reference(cmap));
            font.set("BaseFont", Object::Name(format!("Demo{f}").into_bytes()));
            let id = doc.add_object(font);
            page = page.font(&format!("F{f}"), id);
            content.push_str(&format!(
                "/F{f} 10 Tf 72 {} Td <00000001> Tj ",
                800 - f * 10
            ));
        }
        content.push_str("ET");
        page.content = content.into_bytes();
        vec![page]
    });
    println!("{} bytes", pdf.len());
    let base = baseline_rss();
    if let Some((kb, _)) = peak_rss_of("shared-to-unicode", &pdf) {
        let used = kb.saturating_sub(base);
        assert!(
            used < 128 << 10,
            "{used} kB over the baseline for a {} kB file",
            pdf.len() / 1024
        );
    }
}

// ---------------------------------------------------------------------------------------
// Operand floods: memory in proportion to the content.

/// A content stream of `mb` MiB of numbers with no operator, and one `[ … ]` array as large.
fn operand_flood(mb: usize) -> (Vec<u8>, Vec<u8>) {
    let numbers = "0 ".repeat(mb << 19);
    let loose = format!("{numbers}\n{HELLO}");
    let array = format!("BT /F1 12 Tf 72 700 Td [{numbers}] TJ ET\n{HELLO}");
    (
        bomb_document(loose.as_bytes()),
        bomb_document(array.as_bytes()),
    )
}

#[test]
fn operand_flood_is_survived() {
    let (loose, array) = operand_flood(2);
    for (name, pdf) in [("loose", loose), ("array", array)] {
        let layout = extract_default(&pdf).unwrap();
        assert!(
            all_text(&layout).contains("Hello hostile world"),
            "{name}: {:?}",
            all_text(&layout)
        );
    }
}

/// 16 MiB of `0 ` before an operator, and in one `[ … ]` array: memory a few times the
/// content. (Found here: the lexer kept every operand, 32 bytes each: 295 MB for 16 MiB;
/// fixed in 4904874.)
#[test]
fn operand_flood_memory_is_bounded() {
    let mb = 16;
    let (loose, array) = operand_flood(mb);
    let base = baseline_rss();
    for (name, pdf) in [
        ("operand-flood-loose", loose),
        ("operand-flood-array", array),
    ] {
        let Some((kb, _)) = peak_rss_of(name, &pdf) else {
            return;
        };
        let used = kb.saturating_sub(base);
        // The content itself (16 MiB) and the lexer's work on it: a few times the content.
        assert!(
            used < 4 * (mb as u64) * 1024,
            "{name}: {used} kB over the baseline for {mb} MiB of content"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Not PDFs, or barely.

#[test]
fn empty_file() {
    assert_typed_error(&extract_default(b""), &[ErrorKind::NotPdf]);
}

#[test]
fn random_bytes_file() {
    for seed in 1..=4 {
        let bytes = random_bytes(64 << 10, seed);
        assert_typed_error(&extract_default(&bytes), &[ErrorKind::NotPdf]);
        // With a header, the rest random.
        let mut with_header = b"%PDF-1.7\n".to_vec();
        with_header.extend_from_slice(&bytes);
        assert_typed_error(&extract_default(&with_header), &[ErrorKind::Unreadable]);
    }
}

#[test]
fn header_only() {
    for bytes in [
        &b"%PDF-1.7"[..],
        b"%PDF-1.7\n",
        b"%PDF-",
        b"%PDF-1.7\n%%EOF\n",
    ] {
        assert_typed_error(
            &extract_default(bytes),
            &[ErrorKind::Unreadable, ErrorKind::NotPdf],
        );
    }
}

// ---------------------------------------------------------------------------------------
// Every page broken but one.

/// Eight pages, all broken but the sixth: 1 its content a missing object, 2 flate data that
/// is not flate, 3 an unknown filter, 4 a composite font without descendants, 5 random
/// bytes as content, 7 resources that are not a dictionary, 8 a page object that is a number.
fn broken_pages_pdf() -> Vec<u8> {
    let good = "BT /F1 12 Tf 72 700 Td (The one good page) Tj ET";
    let pdf = pdf_with(|doc| {
        // 1: content is a reference to a missing object.
        let missing = (9999, 0);
        // 2: flate data that is not flate.
        let not_flate = doc.add_object(
            Stream::new(
                dictionary! { "Filter" => "FlateDecode" },
                b"this is not zlib data at all".to_vec(),
            )
            .with_compression(false),
        );
        // 3: a filter nobody knows.
        let unknown_filter = doc.add_object(
            Stream::new(
                dictionary! { "Filter" => "NoSuchDecode" },
                good.as_bytes().to_vec(),
            )
            .with_compression(false),
        );
        // 4: a Type 0 font without descendants and a ToUnicode that is not a stream.
        let broken_font = dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Broken",
            "Encoding" => "Identity-H", "DescendantFonts" => Object::Null, "ToUnicode" => 42,
        };
        let mut pages = vec![
            PageSpec::new("% replaced"),
            PageSpec::new("% replaced"),
            PageSpec::new("% replaced"),
            PageSpec::new("BT /F9 12 Tf 72 700 Td <00410042> Tj ET").font("F9", broken_font),
            // 5: a garbage content stream.
            PageSpec::raw(&random_bytes(4096, 7)),
            // 6: the good one.
            PageSpec::new(good),
            // 7: resources that are not a dictionary, and operators on missing things.
            PageSpec::raw(b"/Nope Do /F1 12 Tf BT (lost) Tj ET"),
        ];
        let _ = &mut pages;
        doc.trailer.set(
            "Broken",
            vec![missing.into(), not_flate.into(), unknown_filter.into()],
        );
        pages
    });
    // Rewire pages 1–3 to their broken contents.
    let mut doc = lopdf::Document::load_mem(&pdf).unwrap();
    let broken: Vec<Object> = doc
        .trailer
        .get(b"Broken")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    doc.trailer.remove(b"Broken");
    let pages: Vec<_> = doc.page_iter().collect();
    for (page, contents) in pages.iter().zip(broken) {
        doc.get_dictionary_mut(*page)
            .unwrap()
            .set("Contents", contents);
    }
    doc.get_dictionary_mut(pages[6])
        .unwrap()
        .set("Resources", 17);
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).unwrap();
    // 8: a page object that is not a dictionary: appended to `/Kids` as a reference to a number.
    let mut doc = lopdf::Document::load_mem(&pdf).unwrap();
    let number = doc.add_object(Object::Integer(7));
    let root_pages = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let tree = doc.get_dictionary_mut(root_pages).unwrap();
    if let Ok(Object::Array(kids)) = tree.get_mut(b"Kids") {
        kids.push(Object::Reference(number));
    }
    tree.set("Count", 8);
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).unwrap();
    pdf
}

#[test]
fn every_page_broken_but_one() {
    let layout = extract_default(&broken_pages_pdf()).unwrap();
    let texts = page_texts(&layout);
    println!("pages: {texts:?}");
    for (kind, message) in diagnostics(&layout) {
        println!("  {kind:?}: {message}");
    }
    assert!(
        texts.iter().any(|t| t == "The one good page"),
        "the good page is lost: {texts:?}"
    );
    assert_eq!(texts.len(), 8);
    assert_eq!(texts[5], "The one good page");
    assert_diagnostic(&layout, DiagnosticKind::BrokenObject, "page 3:");
    assert_diagnostic(&layout, DiagnosticKind::BrokenFont, "page 4:");
    assert_diagnostic(&layout, DiagnosticKind::BrokenObject, "page 8:");
}

/// Every broken page says so. (Found here: pages 1 and 2 came out empty without one; fixed
/// in 4904874.)
#[test]
fn every_broken_page_has_a_diagnostic() {
    let layout = extract_default(&broken_pages_pdf()).unwrap();
    let silent: Vec<u32> = layout
        .pages
        .iter()
        .filter(|p| p.number != 6 && p.diagnostics.is_empty())
        .map(|p| p.number)
        .collect();
    assert!(
        silent.is_empty(),
        "broken pages without a diagnostic: {silent:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Found by fuzzing (`fuzz/`), minimised inputs in `fuzz/regressions/`.

/// `fuzz/regressions/parse-sentence-glue-inserts-space` (the `parse` target, text mode): an
/// initial followed by a sentence boundary without white space (`M.` then U+FFFD, `1.` then
/// NUL, `nr.` then NUL) gives a recommendation sentence that is not the block's text at its
/// anchor.
#[test]
fn parse_sentence_is_the_text_at_its_anchor() {
    let input = include_bytes!("../../../fuzz/regressions/parse-sentence-glue-inserts-space");
    // The fuzz target's text mode: the first byte selects it, the rest is the text.
    let text = String::from_utf8_lossy(&input[1..]);
    assert_eq!(text, "M.\u{fffd}Dgroep beveelt beveelt");
    let layout = kamerbrief_extract::model::Layout::from_text(&text);
    let parsed = kamerbrief_parse::parse(&layout);
    let letter = &parsed.letter;
    let sentences: Vec<_> = letter
        .recommendations
        .iter()
        .flat_map(|r| r.advice.iter().chain(&r.response))
        .collect();
    assert!(!sentences.is_empty(), "no recommendation sentence");
    for s in sentences {
        let block = &letter.sections[s.anchor.section].blocks[s.anchor.block].text;
        let at: String = block
            .chars()
            .skip(s.anchor.offset)
            .take(s.text.chars().count())
            .collect();
        assert_eq!(at, s.text, "sentence at {:?} of {block:?}", s.anchor);
    }
}
