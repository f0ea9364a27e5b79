//! Faces that name none of their glyphs, read as ciphers of Dutch (`read::cipher`).
//!
//! The sweep's copies without ToUnicode maps of FOP's, Qt's (wkhtmltopdf) and xdvipdfmx's
//! (XeLaTeX) files keep subsets with neither a `cmap` nor glyph names: nothing in the file
//! says what any glyph is, and pdftotext and mutool print U+FFFD or other letters for all
//! of them. Read as ciphers, their words must come back: most of the original's words, and
//! no word that is not the original's (a word the reading gives in full is in the original's
//! text). Digits and signs, which no word list tells, stay U+FFFD.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use kamerbrief_model::Layout;

/// The sweep's files whose faces name no glyph, with their originals.
const STRIPPED: &[&str] = &[
    "fop-carlito-ragged",
    "fop-carlito-ragged-2col-3mm",
    "fop-dejavu-serif-indented",
    "wkhtmltopdf-house",
    "wkhtmltopdf-house-column-left",
    "wkhtmltopdf-house-serif-indented",
    "xelatex-1col-carlito",
    "xelatex-2col-dejavu-serif",
];

/// The share of the original's body words each copy must give back (measured: 0.95 to
/// 0.96; the rest hold digits or signs the words do not tell, or are furniture that, its
/// page numbers unread, is no longer told from the body).
const MIN_RECOVERED: f64 = 0.93;

fn layout(path: &Path) -> Layout {
    kamerbrief_extract::extract(&std::fs::read(path).unwrap(), &Default::default()).unwrap()
}

fn body_words(layout: &Layout) -> Vec<String> {
    let parsed = kamerbrief_parse::parse(layout);
    kamerbrief_parse::render::text(&parsed.letter)
        .split_whitespace()
        .map(String::from)
        .collect()
}

#[test]
fn faces_that_name_no_glyph_are_read_by_the_word_lists() {
    let sweep = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sweep");
    let mut report = Vec::new();
    for name in STRIPPED {
        let original = layout(&sweep.join(format!("{name}.pdf")));
        let stripped = layout(&sweep.join(format!("{name}-notounicode.pdf")));
        let unread = stripped
            .words()
            .filter(|w| w.text.contains('\u{FFFD}'))
            .count();
        assert!(
            unread * 2 > stripped.words().count(),
            "{name}: the copy is expected to name (almost) nothing"
        );
        // Every word of the original's text, furniture included, and of its body (with
        // the words broken at lines' ends joined), and the text itself.
        let theirs = body_words(&original);
        let ours = body_words(&stripped);
        let vocabulary: BTreeSet<&str> = (original.words().map(|w| w.text.as_str()))
            .chain(theirs.iter().map(String::as_str))
            .collect();
        let whole: String = original.words().map(|w| format!("{} ", w.text)).collect();
        let wrong: Vec<&String> = (ours.iter())
            .filter(|w| !w.contains('\u{FFFD}'))
            .filter(|w| !vocabulary.contains(w.as_str()) && !whole.contains(w.as_str()))
            .collect();
        assert!(
            wrong.is_empty(),
            "{name}: words the original does not write: {wrong:?}"
        );
        let recovered = common(&theirs, &ours) as f64 / theirs.len() as f64;
        report.push(format!("{name}: {recovered:.3}"));
        assert!(
            recovered >= MIN_RECOVERED,
            "{name}: {recovered:.3} of the words recovered"
        );
    }
    eprintln!("words recovered: {}", report.join(", "));
}

/// Words the two lists share, counted with repetition.
fn common(a: &[String], b: &[String]) -> usize {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    b.iter()
        .filter(|w| {
            counts.get_mut(w.as_str()).is_some_and(|n| {
                *n > 0 && {
                    *n -= 1;
                    true
                }
            })
        })
        .count()
}
