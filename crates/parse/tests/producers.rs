//! The NAVO letter from other producers (fixtures/producers/, see fixtures/README.md): the
//! same text block for block, and the same data as the replica except provenance.

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

fn parse(path: &str) -> (Layout, Parsed) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    let layout =
        kamerbrief_extract::extract(&std::fs::read(&full).unwrap(), &Default::default()).unwrap();
    let parsed = kamerbrief_parse::parse(&layout);
    (layout, parsed)
}

fn without_provenance(parsed: &Parsed) -> Value {
    kamerbrief_testkit::compare::without_provenance(&parsed.letter).unwrap()
}

fn check(path: &str) {
    let (layout, parsed) = parse(path);
    let ours = common::blocks(&kamerbrief_parse::render::text(&parsed.letter));
    common::assert_blocks_eq(&ours, &common::blocks(REFERENCE));
    common::assert_body_accounted_for(&layout, &parsed);
    let (_, replica) = parse("fixtures/navo2030/navo2030.pdf");
    let (a, b) = (without_provenance(&parsed), without_provenance(&replica));
    if a != b {
        for key in a.as_object().unwrap().keys() {
            assert_eq!(a[key], b[key], "{path}: `{key}` differs from the replica's");
        }
    }
    // The addressee word for word as the replica's (its lines may break elsewhere); none of
    // the reference column's address read into it.
    let words = |p: &Parsed| {
        p.letter
            .metadata
            .addressee
            .join(" ")
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(words(&parsed), words(&replica), "{path}: addressee");
}

#[test]
fn chromium() {
    check("fixtures/producers/chromium.pdf");
}

#[test]
fn pdftex_two_columns_dutch_hyphenation() {
    check("fixtures/producers/pdftex.pdf");
}

#[test]
fn groff_ms() {
    check("fixtures/producers/groff.pdf");
}

#[test]
fn ghostscript_rewrite() {
    check("fixtures/producers/ghostscript.pdf");
}

/// Ghostscript's rewrite of the Chromium file, whose `/ToUnicode` maps give the quotes `8`
/// and `9` and the ligatures `û`, `ý`, `þ`: the outlines read the quotes, the word lists
/// the ligatures (extract's `font/shapes.rs`, parse's `read/glyphs.rs`).
#[test]
fn ghostscript_rewrite_of_chromium() {
    check("fixtures/producers/ghostscript-chromium.pdf");
}

#[test]
fn libreoffice_justified() {
    check("fixtures/producers/libreoffice-justified.pdf");
}

#[test]
fn qpdf_aes256_empty_password() {
    check("fixtures/producers/qpdf-aes256.pdf");
}

#[test]
fn qpdf_object_and_xref_streams() {
    check("fixtures/producers/qpdf-objstreams.pdf");
}
