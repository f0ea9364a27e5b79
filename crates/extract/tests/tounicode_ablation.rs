//! ToUnicode ablation: the `/ToUnicode` maps are removed from every font dictionary (simple
//! fonts, composite fonts and their descendants), in memory with lopdf, and the file is
//! extracted again. What still comes out is what the encodings and the embedded font programs
//! give (TrueType `cmap` and `post`, CFF charsets, Type 1 encodings).
//!
//! - Every committed fixture (`fixtures/**/*.pdf`) whose font programs name their glyphs
//!   must give text identical to the unstripped file's, line for line; the others (whose
//!   programs say nothing about their glyphs) must give each glyph as before or as U+FFFD.
//! - Every corpus file (`../shared/corpus/*.pdf`, read in place; skipped with a note when
//!   absent) whose fonts are all embedded and that has a ToUnicode map is reported: the share
//!   of glyphs mapped (not U+FFFD, not private-use, not a control character) before and after
//!   stripping, and the share of the unstripped words found again. Nothing is asserted there
//!   but that stripping never turns a readable file into an error or a panic.
//!
//! `cargo test -p kamerbrief-extract --test tounicode_ablation -- --nocapture` prints the
//! figures. `cargo xtask ablation` compares them with pdftotext and mutool.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use kamerbrief_extract::model::Layout;
use kamerbrief_extract::{Options, extract};
use lopdf::{Document, Object};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// User passwords from the corpus README.
const PASSWORDS: &[(&str, &str)] = &[
    ("pypdf__libreoffice-writer-password.pdf", "openpassword"),
    ("pdfminer__rc4-128.pdf", "baz"),
];

/// Font subtypes whose glyphs come from a font program (Type 3 glyphs are in the file).
const PROGRAM_FONTS: &[&[u8]] = &[
    b"Type1",
    b"MMType1",
    b"TrueType",
    b"CIDFontType0",
    b"CIDFontType2",
];

/// What stripping did to a document.
struct Stripped {
    bytes: Vec<u8>,
    /// `/ToUnicode` entries removed.
    removed: usize,
    /// Every font with a program has it embedded.
    embedded: bool,
}

/// Loads `pdf`, removes every font's `/ToUnicode` and saves it again. `None` when lopdf
/// cannot read or write the file.
fn strip(pdf: &[u8], password: Option<&str>) -> Option<Stripped> {
    let options = match password {
        Some(pw) => lopdf::LoadOptions::with_password(pw),
        None => lopdf::LoadOptions::default(),
    };
    let mut doc = Document::load_mem_with_options(pdf, options).ok()?;
    let mut removed = 0;
    let mut embedded = true;
    let ids: Vec<_> = doc.objects.keys().copied().collect();
    for id in ids {
        if let Some(object) = doc.objects.get_mut(&id) {
            visit(object, &mut |dict| {
                if dict.remove(b"ToUnicode").is_some() {
                    removed += 1;
                }
            });
        }
    }
    for object in doc.objects.values() {
        visit_ref(object, &mut |dict| {
            if is_program_font(dict) && !has_program(&doc, dict) {
                embedded = false;
            }
        });
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).ok()?;
    Some(Stripped {
        bytes,
        removed,
        embedded,
    })
}

fn is_font(dict: &lopdf::Dictionary) -> bool {
    dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font".as_slice())
        || dict.has(b"BaseFont")
}

fn is_program_font(dict: &lopdf::Dictionary) -> bool {
    is_font(dict)
        && dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| PROGRAM_FONTS.contains(&s))
}

fn has_program(doc: &Document, font: &lopdf::Dictionary) -> bool {
    let descriptor = match font.get(b"FontDescriptor") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    descriptor.is_some_and(|d| {
        [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| d.has(k))
    })
}

/// Calls `f` on every font dictionary inside `object` (inline ones included).
fn visit(object: &mut Object, f: &mut impl FnMut(&mut lopdf::Dictionary)) {
    match object {
        Object::Dictionary(dict) => {
            if is_font(dict) {
                f(dict);
            }
            for (_, value) in dict.iter_mut() {
                visit(value, f);
            }
        }
        Object::Array(items) => items.iter_mut().for_each(|o| visit(o, f)),
        Object::Stream(stream) => {
            for (_, value) in stream.dict.iter_mut() {
                visit(value, f);
            }
        }
        _ => {}
    }
}

fn visit_ref(object: &Object, f: &mut impl FnMut(&lopdf::Dictionary)) {
    match object {
        Object::Dictionary(dict) => {
            if is_font(dict) {
                f(dict);
            }
            dict.iter().for_each(|(_, v)| visit_ref(v, f));
        }
        Object::Array(items) => items.iter().for_each(|o| visit_ref(o, f)),
        Object::Stream(stream) => stream.dict.iter().for_each(|(_, v)| visit_ref(v, f)),
        _ => {}
    }
}

fn options(password: Option<&str>) -> Options {
    Options {
        password: password.map(str::to_string),
        ..Options::default()
    }
}

/// Every line of every page: `page role text`.
fn lines(layout: &Layout) -> Vec<String> {
    layout
        .pages
        .iter()
        .flat_map(|p| {
            p.lines
                .iter()
                .map(move |l| format!("{} {:?} {}", p.number, l.role, l.text()))
        })
        .collect()
}

/// A character that says something about the text.
fn mapped(c: char) -> bool {
    !c.is_control() && c != '\u{FFFD}' && !('\u{E000}'..='\u{F8FF}').contains(&c) && c < '\u{F0000}'
}

/// (mapped, all) characters of the words.
fn glyph_counts(layout: &Layout) -> (usize, usize) {
    let chars = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.words)
        .flat_map(|w| w.text.chars());
    chars.fold((0, 0), |(m, n), c| (m + usize::from(mapped(c)), n + 1))
}

fn words(layout: &Layout) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for word in layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.words)
    {
        *bag.entry(word.text.clone()).or_insert(0) += 1;
    }
    bag
}

/// Share of `before`'s words (as a multiset) found in `after`.
fn recovered(before: &HashMap<String, usize>, after: &HashMap<String, usize>) -> f64 {
    let total: usize = before.values().sum();
    let shared: usize = before
        .iter()
        .map(|(w, n)| (*n).min(after.get(w).copied().unwrap_or(0)))
        .sum();
    if total == 0 {
        1.0
    } else {
        shared as f64 / total as f64
    }
}

fn pdfs_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            pdfs_under(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
}

/// Fixtures whose font programs name every glyph they draw (a Unicode `cmap`, `post` names,
/// glyph names of a Type 1 encoding): without ToUnicode their text must come out identical.
/// The others are LibreOffice's TrueType subsets (the replica, its Ghostscript and qpdf
/// rewrites, `libreoffice-justified.pdf`): symbolic fonts whose only `cmap` maps codes to
/// glyph ids, with a `post` table of format 3 (no names), so nothing in the file says which
/// letter a glyph is. There every glyph must come out as it was or as U+FFFD, never as a
/// guess.
const NAMED: &[&str] = &[
    "fixtures/invented/appreciatie/appreciatie.pdf",
    "fixtures/invented/brief/brief.pdf",
    "fixtures/producers/chromium.pdf",
    "fixtures/producers/groff.pdf",
    "fixtures/producers/pdftex.pdf",
    "fixtures/publication/amendement.pdf",
    "fixtures/publication/motie.pdf",
    "fixtures/publication/navo2030.pdf",
    // pdfTeX, groff and Chromium again, under other settings, and their copies; not the
    // Ghostscript rewrite of Chromium's, whose fonts lost their glyph names.
    "fixtures/sweep/chromium-house.pdf",
    "fixtures/sweep/chromium-house-notounicode.pdf",
    "fixtures/sweep/chromium-house-11pt-dash.pdf",
    "fixtures/sweep/chromium-house-11pt-dash-notounicode.pdf",
    "fixtures/sweep/chromium-house-footer.pdf",
    "fixtures/sweep/chromium-house-footer-notounicode.pdf",
    "fixtures/sweep/chromium-house-2col-3mm-indented.pdf",
    "fixtures/sweep/chromium-house-2col-3mm-indented-notounicode.pdf",
    "fixtures/sweep/chromium-house-2col-4mm.pdf",
    "fixtures/sweep/chromium-house-2col-4mm-notounicode.pdf",
    "fixtures/sweep/chromium-house-column-left.pdf",
    "fixtures/sweep/chromium-house-column-left-notounicode.pdf",
    "fixtures/sweep/chromium-house-serif-indented.pdf",
    "fixtures/sweep/chromium-house-serif-indented-notounicode.pdf",
    // Carlito's ligatures are named by the subset's `GSUB`, but for a bold `ft` whose `f`
    // the subset never draws alone (S10); its copy is the same file stripped twice.
    "fixtures/sweep/chromium-house-carlito-justified-notounicode.pdf",
    "fixtures/sweep/groff-",
    "fixtures/sweep/latex-",
    // WeasyPrint's subsets keep a `cmap` naming every glyph (not Ghostscript's rewrites).
    "fixtures/sweep/weasyprint-house.pdf",
    "fixtures/sweep/weasyprint-house-notounicode.pdf",
    "fixtures/sweep/weasyprint-house-2col-4mm.pdf",
    "fixtures/sweep/weasyprint-house-2col-4mm-notounicode.pdf",
    "fixtures/sweep/weasyprint-house-footer.pdf",
    "fixtures/sweep/weasyprint-house-footer-notounicode.pdf",
    "fixtures/sweep/weasyprint-house-hyphenated.pdf",
    "fixtures/sweep/weasyprint-house-hyphenated-notounicode.pdf",
    "fixtures/sweep/weasyprint-house-hyphenated-narrow.pdf",
    "fixtures/sweep/weasyprint-house-hyphenated-narrow-notounicode.pdf",
    "fixtures/sweep/weasyprint-house-ragged-hyphenated.pdf",
    "fixtures/sweep/weasyprint-house-ragged-hyphenated-notounicode.pdf",
    // The invented letters from pdfTeX and groff, and their rewrites and copies.
    "fixtures/sweep/appreciatie-groff.pdf",
    "fixtures/sweep/appreciatie-groff-",
    "fixtures/sweep/appreciatie-latex-",
    "fixtures/sweep/brief-groff.pdf",
    "fixtures/sweep/brief-groff-",
    "fixtures/sweep/brief-latex-",
    // LuaLaTeX's subsets of DejaVu keep a `cmap` that names every glyph used; Carlito's do
    // not name its ligatures. (A copy without maps is the same file stripped twice.)
    "fixtures/sweep/appreciatie-lualatex-dejavu-parskip.pdf",
    "fixtures/sweep/brief-lualatex-dejavu-parskip.pdf",
    "fixtures/sweep/lualatex-2col-dejavu-serif.pdf",
    "fixtures/sweep/appreciatie-lualatex-carlito-2col-10pt-notounicode.pdf",
    "fixtures/sweep/appreciatie-lualatex-dejavu-parskip-notounicode.pdf",
    "fixtures/sweep/brief-lualatex-carlito-2col-10pt-notounicode.pdf",
    "fixtures/sweep/brief-lualatex-dejavu-parskip-notounicode.pdf",
    "fixtures/sweep/lualatex-1col-carlito-notounicode.pdf",
    "fixtures/sweep/lualatex-2col-dejavu-serif-notounicode.pdf",
];

/// Whether every mapped character of the lines `after` is one of the lines `before`, as
/// many times at most (white space, roles and page numbers aside).
fn mapped_within(before: &[String], after: &[String]) -> bool {
    let count = |lines: &[String]| {
        let mut tally: std::collections::HashMap<char, usize> = std::collections::HashMap::new();
        for line in lines {
            let text = line.splitn(3, ' ').nth(2).unwrap_or_default();
            for c in text.chars().filter(|&c| !c.is_whitespace() && mapped(c)) {
                *tally.entry(c).or_default() += 1;
            }
        }
        tally
    };
    let (had, has) = (count(before), count(after));
    has.iter().all(|(c, n)| had.get(c).is_some_and(|m| m >= n))
}

/// Whether `after` is `before` with some glyphs unmapped: its characters other than U+FFFD
/// are those of `before`, in order (white space aside: an unmapped space glyph is a U+FFFD
/// inside a word, and the role, which may depend on the text, is left out).
fn same_or_unmapped(before: &str, after: &str) -> bool {
    let text = |line: &str| -> Vec<char> {
        let text = line.splitn(3, ' ').nth(2).unwrap_or_default();
        text.chars().filter(|c| !c.is_whitespace()).collect()
    };
    let (before, after) = (text(before), text(after));
    let mut rest = before.iter();
    after
        .iter()
        .filter(|&&c| c != '\u{FFFD}')
        .all(|c| rest.any(|b| b == c))
}

#[test]
fn stripped_fixtures_give_identical_text() {
    let mut files = Vec::new();
    pdfs_under(&Path::new(ROOT).join("fixtures"), &mut files);
    files.sort();
    assert!(files.len() >= 10, "fixtures missing: {files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .strip_prefix(ROOT)
            .unwrap_or(path)
            .display()
            .to_string();
        let name = name.trim_start_matches('/').to_string();
        let pdf = std::fs::read(path).unwrap();
        let stripped = strip(&pdf, None).unwrap_or_else(|| panic!("{name}: lopdf cannot load"));
        let before = lines(&extract(&pdf, &options(None)).unwrap());
        let after = lines(&extract(&stripped.bytes, &options(None)).unwrap());
        let identical = before == after;
        // Line by line; where the unmapped glyphs regroup the lines (a line of U+FFFD has no
        // words to tell columns by), the mapped characters left are the file's own.
        let no_guess = if before.len() == after.len() {
            before
                .iter()
                .zip(&after)
                .all(|(b, a)| same_or_unmapped(b, a))
        } else {
            mapped_within(&before, &after)
        };
        println!(
            "{name}: {} ToUnicode maps removed, fonts embedded: {}, lines {} / {}, identical: {identical}, only U+FFFD where different: {no_guess}",
            stripped.removed,
            stripped.embedded,
            before.len(),
            after.len()
        );
        for (b, a) in before.iter().zip(&after).filter(|(b, a)| b != a).take(3) {
            println!("    before: {b}\n    after:  {a}");
        }
        let named = NAMED
            .iter()
            .any(|n| name == *n || (n.ends_with(['/', '-']) && name.starts_with(n)));
        if named && !identical {
            failures.push(format!("{name}: text changed"));
        }
        // A copy already without maps (`-notounicode`) strips to itself: identical says
        // nothing about its fonts there.
        if !named && identical && stripped.removed > 0 {
            failures.push(format!(
                "{name}: identical, so its fonts name their glyphs: add it to NAMED"
            ));
        }
        if !no_guess {
            failures.push(format!("{name}: a glyph read as another character"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn stripped_corpus_report() {
    let dir = Path::new(CORPUS);
    if !dir.is_dir() {
        println!("note: corpus not found at {CORPUS}; skipping the corpus ablation");
        return;
    }
    let mut files = Vec::new();
    pdfs_under(dir, &mut files);
    files.retain(|p| p.parent() == Some(dir));
    files.sort();
    let (mut before_total, mut after_total) = ((0, 0), (0, 0));
    let (mut counted, mut recovered_sum) = (0, 0.0);
    let mut errors = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let password = PASSWORDS.iter().find(|(f, _)| *f == name).map(|(_, p)| *p);
        let pdf = std::fs::read(path).unwrap();
        let Some(stripped) = strip(&pdf, password) else {
            println!("{name}: lopdf cannot load it; left out");
            continue;
        };
        if !stripped.embedded || stripped.removed == 0 {
            continue;
        }
        let Ok(before) = extract(&pdf, &options(password)) else {
            continue;
        };
        let after = match extract(&stripped.bytes, &options(password)) {
            Ok(layout) => layout,
            Err(e) => {
                errors.push(format!("{name}: {e}"));
                continue;
            }
        };
        let (b, a) = (glyph_counts(&before), glyph_counts(&after));
        let share = recovered(&words(&before), &words(&after));
        println!(
            "{name}: glyphs mapped {:.3} -> {:.3} of {}, words recovered {share:.3}",
            b.0 as f64 / b.1.max(1) as f64,
            a.0 as f64 / a.1.max(1) as f64,
            a.1
        );
        before_total = (before_total.0 + b.0, before_total.1 + b.1);
        after_total = (after_total.0 + a.0, after_total.1 + a.1);
        counted += 1;
        recovered_sum += share;
    }
    println!(
        "corpus, {counted} files with embedded fonts and ToUnicode: glyphs mapped {:.4} with ToUnicode, {:.4} without; mean words recovered {:.4}",
        before_total.0 as f64 / before_total.1.max(1) as f64,
        after_total.0 as f64 / after_total.1.max(1) as f64,
        recovered_sum / counted.max(1) as f64
    );
    assert!(
        errors.is_empty(),
        "stripping made files unreadable: {errors:?}"
    );
}
