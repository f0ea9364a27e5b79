//! The letter in a layout: [`parse`] turns a [`Layout`] (positioned lines with roles, from
//! `kamerbrief-extract` or any other extractor) into a [`Letter`]: metadata from the
//! letterhead and reference column, the salutation, sections of paragraphs and lists,
//! footnotes, the closing and signatories, references to other Kamerstukken and dates, each
//! block traceable to its page and box.
//!
//! ```
//! use kamerbrief_model::Layout;
//!
//! let layout = Layout::from_text("Geachte voorzitter,\n\nHierbij bied ik u het rapport aan.\n\nDe Minister van Defensie,\n\nA. Jansen\n");
//! let parsed = kamerbrief_parse::parse(&layout);
//! assert_eq!(parsed.letter.signatories[0].name.as_deref(), Some("A. Jansen"));
//! print!("{}", kamerbrief_parse::render::text(&parsed.letter));
//! ```
//!
//! Parsing never fails: what cannot be decided is reported in `diagnostics`.
//! This crate depends on `kamerbrief-model` only; it knows nothing about PDF.

mod analyse;
mod annotation;
mod chars;
mod lines;
mod patterns;
mod read;
pub mod render;
pub mod svg;

use kamerbrief_model::{Diagnostic, DiagnosticKind, Layout, Letter, Parsed};
use regex::Regex;

pub use annotation::{LineAnnotation, LineKind};
pub use kamerbrief_model as model;

/// Reads the letter in `layout`. Never fails; problems are in `diagnostics`.
pub fn parse(layout: &Layout) -> Parsed {
    parse_annotated(layout).0
}

/// [`parse`], and for every line of the layout what the parser made of it (to draw or check
/// the reading, e.g. `kamerbrief show`).
pub fn parse_annotated(layout: &Layout) -> (Parsed, Vec<LineAnnotation>) {
    // Ligature glyphs the file does not name, read by the word lists (where any are).
    let restored = read_ligatures(layout);
    let layout = restored.as_ref().map_or(layout, |(restored, _)| restored);
    let lines = lines::text_lines(layout);
    let m = lines::measures(&lines);
    // Which line is what: front matter, body, footnotes, closing, appendix.
    let reading = read::read(&lines, &m, &lines::separators(layout));
    // The letter's data from that reading, then what the letter says.
    let mut letter = read::build(&lines, &reading);
    analyse::analyse(&mut letter);
    let mut diagnostics: Vec<Diagnostic> = layout.diagnostics.clone();
    diagnostics.extend(
        layout
            .pages
            .iter()
            .flat_map(|p| p.diagnostics.iter().cloned()),
    );
    diagnostics.extend(restored.into_iter().flat_map(|(_, read)| read));
    diagnose(&letter, &mut diagnostics);
    let annotations = annotation::annotate(&lines, &reading);
    (
        Parsed {
            letter,
            diagnostics,
        },
        annotations,
    )
}

/// The layout as the parser reads it, where it differs: glyphs the file gives no text for
/// (a private-use character, or U+FFFD with the glyph's code) read each once for the
/// document, as what makes words of most of the words holding it; then ligature glyphs
/// still unnamed (U+FFFD inside a word) read word by word as the one ligature that makes a
/// word the Dutch or English word lists write; with a diagnostic for each glyph and each
/// page where some were read; `None` where none could be. [`parse`] does this first.
pub fn read_ligatures(layout: &Layout) -> Option<(Layout, Vec<Diagnostic>)> {
    let glyphs = read::glyphs::restore(layout);
    let layout = glyphs.as_ref().map_or(layout, |(restored, _)| restored);
    match (read::ligatures::restore(layout), glyphs) {
        (Some((restored, mut diagnostics)), Some((_, mut first))) => {
            first.append(&mut diagnostics);
            Some((restored, first))
        }
        (Some(ligatures), None) => Some(ligatures),
        (None, glyphs) => glyphs,
    }
}

fn diagnose(letter: &Letter, diagnostics: &mut Vec<Diagnostic>) {
    let mut missing = |what: &str| {
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::Missing,
            None,
            format!("no {what} found"),
        ))
    };
    if letter.salutation.is_none() {
        missing("salutation");
    }
    if letter.metadata.date.is_none() {
        missing("letter date");
    }
    if letter.metadata.subject.is_none() {
        missing("subject (Betreft/Onderwerp)");
    }
    if letter.signatories.is_empty() {
        missing("signatory");
    }
    if let Some(notice) = letter.kamervragen.as_ref().and_then(|k| k.notice.as_ref()) {
        let unanswered = letter
            .questions
            .iter()
            .filter(|q| q.answer.is_none())
            .count();
        let first = notice.lines().next().unwrap_or_default();
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::Uncertain,
            None,
            format!("notice of delay, {unanswered} questions unanswered: {first}"),
        ));
    }
    for note in &letter.footnotes {
        if note.anchor.is_none() {
            diagnostics.push(Diagnostic::new(
                DiagnosticKind::Uncertain,
                Some(note.page),
                format!("footnote {} has no marker in the body", note.marker),
            ));
        }
    }
}

/// Compiles a constant pattern.
#[allow(clippy::expect_used)]
fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles") // invariant: literal patterns, each exercised by unit tests
}
