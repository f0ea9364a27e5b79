//! The NAVO letter from real producers over a grid of settings (fixtures/sweep/, made by
//! `cargo xtask fixtures sweep`, see fixtures/README.md): pdfTeX in one column and in two
//! columns 6 to 30 pt apart, LuaLaTeX with system fonts, groff -ms with first-line indents, Chromium in the house style
//! with a running reference column, WeasyPrint in the same style (also hyphenated in Dutch), groff's PostScript made PDF by Ghostscript, LibreOffice reflowing the letter in other fonts,
//! hyphenated, indented and in two columns; each also rewritten by Ghostscript and (but
//! LibreOffice's) stripped of its ToUnicode maps. Every file must give the text block for
//! block and the replica's data (provenance aside), as the producer fixtures do.
//!
//! The two invented letters (`brief-…`, `appreciatie-…`) reflowed by LibreOffice and typeset
//! by pdfTeX, LuaLaTeX and groff, with real footnotes, lists and a running reference column, rewritten by
//! Ghostscript (and TeX's stripped of ToUnicode maps): the text of their `expected.txt`
//! and the data of their Chromium fixtures.
//!
//! Files that do not yet are listed in `KNOWN` with their entry in crates/testkit/FAILURES.md;
//! `SWEEP_ALL=1` checks them too.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use kamerbrief_model::{Layout, Parsed};
use serde_json::Value;

const REFERENCE: &str = include_str!("../../../fixtures/navo2030/reference.txt");

/// Files of the sweep that do not give the replica's data yet, with the FAILURES.md entry.
const KNOWN: &[(&str, &str)] = &[
    (
        "latex-times-2col-07pt-gs",
        "S15: Ghostscript's CFF of URW's Times bold names no weight, nor does its descriptor",
    ),
    (
        "fop-carlito-ragged-2col-3mm-notounicode",
        "S10: FOP's TrueType subsets keep no cmap, and a post table without names",
    ),
    (
        "fop-carlito-ragged-notounicode",
        "S10: FOP's TrueType subsets keep no cmap, and a post table without names",
    ),
    (
        "fop-dejavu-serif-indented-notounicode",
        "S10: FOP's TrueType subsets keep no cmap, and a post table without names",
    ),
    (
        "writer-2col-03mm",
        "S9: a paragraph's full last line at a column's foot",
    ),
    (
        "writer-2col-03mm-gs",
        "S9: a paragraph's full last line at a column's foot",
    ),
    (
        "writer-2col-06mm-carlito-gs",
        "S11: landen- / neutraal, which the letter writes with its hyphen and Dutch spelling whole",
    ),
    (
        "writer-sans-12pt-ragged",
        "S9: a paragraph's full last line at a page's foot",
    ),
    (
        "writer-sans-12pt-ragged-gs",
        "S9: a paragraph's full last line at a page's foot",
    ),
    (
        "wkhtmltopdf-house-notounicode",
        "S10: Qt's TrueType subsets keep no cmap and no post table",
    ),
    (
        "wkhtmltopdf-house-column-left-notounicode",
        "S10: Qt's TrueType subsets keep no cmap and no post table",
    ),
    (
        "wkhtmltopdf-house-serif-indented-notounicode",
        "S10: Qt's TrueType subsets keep no cmap and no post table",
    ),
    (
        "xelatex-1col-carlito-notounicode",
        "S10: xdvipdfmx's TrueType subsets keep no cmap and no post table",
    ),
    (
        "xelatex-2col-dejavu-serif-notounicode",
        "S10: xdvipdfmx's TrueType subsets keep no cmap and no post table",
    ),
];

fn parse(path: &std::path::Path) -> (Layout, Parsed) {
    let layout =
        kamerbrief_extract::extract(&std::fs::read(path).unwrap(), &Default::default()).unwrap();
    let parsed = kamerbrief_parse::parse(&layout);
    (layout, parsed)
}

fn without_provenance(parsed: &Parsed) -> Value {
    kamerbrief_testkit::compare::without_provenance(&parsed.letter).unwrap()
}

/// What a sweep file must give: the blocks of text and the data (provenance aside) of the
/// letter it sets.
struct Reference {
    blocks: Vec<String>,
    data: Value,
}

impl Reference {
    /// The NAVO replica.
    fn replica(fixtures: &std::path::Path) -> Reference {
        let (_, parsed) = parse(&fixtures.join("navo2030/navo2030.pdf"));
        Reference {
            blocks: common::blocks(REFERENCE),
            data: without_provenance(&parsed),
        }
    }

    /// An invented letter: its `expected.txt` and the data of its Chromium fixture.
    fn invented(fixtures: &std::path::Path, slug: &str) -> Reference {
        let dir = fixtures.join("invented").join(slug);
        let (_, parsed) = parse(&dir.join(format!("{slug}.pdf")));
        let text = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
        Reference {
            blocks: common::blocks(&text),
            data: without_provenance(&parsed),
        }
    }
}

/// The invented letters of the sweep: files named `SLUG-…`.
const INVENTED: [&str; 2] = ["brief", "appreciatie"];

/// Why `path` does not give the `reference` letter; `None` when it does.
fn difference(path: &std::path::Path, reference: &Reference) -> Option<String> {
    let (layout, parsed) = parse(path);
    let ours = common::blocks(&kamerbrief_parse::render::text(&parsed.letter));
    if let Some((i, (a, b))) = ours
        .iter()
        .zip(&reference.blocks)
        .enumerate()
        .find(|(_, (a, b))| a != b)
    {
        return Some(format!("block {i}:\n  got  {a}\n  want {b}"));
    }
    if ours.len() != reference.blocks.len() {
        return Some(format!(
            "{} blocks, want {}",
            ours.len(),
            reference.blocks.len()
        ));
    }
    let checked = std::panic::catch_unwind(|| common::assert_body_accounted_for(&layout, &parsed));
    if checked.is_err() {
        return Some("body characters not accounted for (see the panic above)".into());
    }
    let ours = without_provenance(&parsed);
    if ours != reference.data {
        let key = ours
            .as_object()
            .unwrap()
            .keys()
            .find(|k| ours[k.as_str()] != reference.data[k.as_str()])
            .cloned()
            .unwrap_or_default();
        return Some(format!("`{key}` differs from the reference's"));
    }
    None
}

#[test]
fn every_sweep_file_gives_the_replicas_data() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let dir = fixtures.join("sweep");
    let replica = Reference::replica(&fixtures);
    let invented: Vec<(&str, Reference)> = INVENTED
        .iter()
        .map(|slug| (*slug, Reference::invented(&fixtures, slug)))
        .collect();
    let all = std::env::var("SWEEP_ALL").is_ok();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 264,
        "fixtures/sweep has {} PDFs",
        files.len()
    );
    let (mut passed, mut failed) = (Vec::new(), Vec::new());
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let reference = invented
            .iter()
            .find(|(slug, _)| name.starts_with(&format!("{slug}-")))
            .map_or(&replica, |(_, r)| r);
        let known = KNOWN.iter().find(|(n, _)| *n == name);
        if known.is_some() && !all {
            // Still parsed: a known failure that passes must leave KNOWN.
            if difference(path, reference).is_none() {
                eprintln!("{name}: passes now; remove it from KNOWN");
                failed.push(name);
            }
            continue;
        }
        match (difference(path, reference), known) {
            (None, _) => passed.push(name),
            (Some(why), Some((_, entry))) => eprintln!("{name} (known, {entry}): {why}"),
            (Some(why), None) => {
                eprintln!("{name}: {why}");
                failed.push(name);
            }
        }
    }
    eprintln!(
        "sweep: {} passed, {} failed, {} known",
        passed.len(),
        failed.len(),
        KNOWN.len()
    );
    assert!(failed.is_empty(), "sweep files that differ: {failed:?}");
}
