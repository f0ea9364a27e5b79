//! The replica of the NAVO2030 letter: every body word exactly once and in order, nothing
//! unmapped, all furniture recognised.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use kamerbrief_extract::{Options, extract};
use kamerbrief_model::{Layout, Role};

const PDF: &[u8] = include_bytes!("../../../fixtures/navo2030/navo2030.pdf");
/// The seed: the original letter's text, one line per PDF line (a copy of
/// `shared/letter/navo2030.txt`, see fixtures/README.md).
const SEED: &str = include_str!("../../../fixtures/navo2030/navo2030.txt");

/// What the replica prints above the salutation on page 1 (the seed lost it, like the
/// reference column): the letterhead word mark, the return address, the addressee block.
const LETTERHEAD: &[&str] = &[
    "Ministerie van Buitenlandse Zaken",
    "> Retouradres Postbus 20061 2500 EB Den Haag",
    "Aan de Voorzitter van de Tweede Kamer",
    "der Staten-Generaal",
    "Postbus 20018",
    "2500 EA DEN HAAG",
];

fn layout() -> Layout {
    extract(PDF, &Options::default()).expect("the replica opens")
}

/// The seed's words, `Bijlage(n)` (line 1, the reference column) left out.
fn seed_words() -> Vec<&'static str> {
    SEED.lines()
        .skip(1)
        .flat_map(str::split_whitespace)
        .collect()
}

fn body_lines(layout: &Layout) -> Vec<String> {
    layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.role == Role::Body)
        .map(|l| l.text())
        .collect()
}

#[test]
fn body_words_equal_the_seed() {
    let layout = layout();
    let lines = body_lines(&layout);
    let start = lines
        .iter()
        .position(|l| l == "Geachte voorzitter,")
        .expect("salutation found");
    let head: Vec<String> = lines[..start]
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        head, LETTERHEAD,
        "only the letterhead precedes the salutation"
    );

    let ours: Vec<&str> = lines[start..]
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect();
    let theirs = seed_words();
    if let Some(i) = (0..ours.len().max(theirs.len())).find(|&i| ours.get(i) != theirs.get(i)) {
        let around = |w: &[&str]| w[i.saturating_sub(8)..(i + 8).min(w.len())].join(" ");
        panic!(
            "word {i} differs:\n ours:   {}\n theirs: {}",
            around(&ours),
            around(&theirs)
        );
    }
    assert_eq!(ours.len(), theirs.len());
}

#[test]
fn line_breaks_equal_the_seed() {
    let layout = layout();
    let lines = body_lines(&layout);
    let start = lines
        .iter()
        .position(|l| l == "Geachte voorzitter,")
        .unwrap();
    let ours: Vec<String> = lines[start..]
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let theirs: Vec<String> = SEED
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(ours, theirs);
}

#[test]
fn nothing_unmapped() {
    let layout = layout();
    assert_eq!(layout.pages.len(), 11);
    let unmapped: u32 = layout.pages.iter().map(|p| p.unmapped_glyphs).sum();
    assert_eq!(unmapped, 0);
    assert!(
        !layout
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .any(|l| l.text().contains('\u{FFFD}'))
    );
}

#[test]
fn reference_column_and_page_numbers_are_furniture() {
    let layout = layout();
    for page in &layout.pages {
        let mut furniture: Vec<String> = page
            .lines
            .iter()
            .filter(|l| l.role.is_furniture())
            .map(|l| l.text())
            .collect();
        furniture.sort();
        let mut expected: Vec<String> = if page.number == 1 {
            [
                "Ministerie van Buitenlandse Zaken",
                "Rijnstraat 8",
                "2515 XP Den Haag",
                "Postbus 20061",
                "2500 EB Den Haag",
                "Nederland",
                "www.rijksoverheid.nl",
                "Datum",
                "7 april 2021",
                "Betreft",
                "NAVO Reflectierapport 2030",
                "Bijlage(n)",
                "1",
            ]
            .map(String::from)
            .to_vec()
        } else {
            vec![
                "Ministerie van Buitenlandse Zaken".into(),
                "Datum".into(),
                "7 april 2021".into(),
                format!("Pagina {} van 11", page.number),
            ]
        };
        expected.sort();
        assert_eq!(furniture, expected, "furniture of page {}", page.number);
        let page_number = page.lines.iter().find(|l| l.text().starts_with("Pagina"));
        if let Some(line) = page_number {
            assert_eq!(line.role, Role::PageNumber);
        }
    }
}

#[test]
fn headings_are_bold_and_body_is_not() {
    let layout = layout();
    let bold: Vec<String> = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.role == Role::Body && l.words.iter().all(|w| w.bold))
        .map(|l| l.text())
        .collect();
    // The word mark and the five headings.
    assert_eq!(bold.len(), 6, "{bold:?}");
}

/// One line per text line: page, rounded box, font, role, text.
#[test]
fn layout_snapshot() {
    let layout = layout();
    let mut dump = String::new();
    for page in &layout.pages {
        for line in &page.lines {
            let b = line.bbox;
            let font = line
                .words
                .first()
                .map(|w| format!("{}{} {:.1}", w.font, if w.bold { "*" } else { "" }, w.size))
                .unwrap_or_default();
            dump.push_str(&format!(
                "p{} {:>3},{:>3}-{:>3},{:>3} {:<24} {:<11} {}\n",
                page.number,
                b.x0.round(),
                b.y0.round(),
                b.x1.round(),
                b.y1.round(),
                font,
                line.role.as_str(),
                line.text()
            ));
        }
    }
    insta::assert_snapshot!("navo2030_layout", dump);
}
