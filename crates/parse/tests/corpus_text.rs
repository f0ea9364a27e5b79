//! The text of the corpus's Dutch files (`../shared/corpus/nl-*`, read in place) as the
//! parser reads it: no glyph left named by a private-use character. Firefox's PDFs (cairo)
//! name Montserrat's `f` and `fi` so, in two of them (`steekproe\u{E01E}`); each is read
//! once for its document by the words that hold it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[test]
fn dutch_corpus_files_keep_no_private_use_glyph_in_their_text() {
    let files = kamerbrief_testkit::corpus_files("nl-");
    if files.is_empty() {
        eprintln!("skipped: no corpus at ../shared/corpus");
        return;
    }
    let mut left = Vec::new();
    for pdf in &files {
        let bytes = std::fs::read(pdf).unwrap();
        let layout = kamerbrief_extract::extract(&bytes, &Default::default()).unwrap();
        let extracted = private_use_words(&layout_text(&layout));
        let letter = kamerbrief_parse::parse(&layout).letter;
        let parsed = private_use_words(&serde_json::to_string(&letter).unwrap());
        eprintln!(
            "{}: {} words with private-use glyphs extracted, {} left after parsing",
            pdf.display(),
            extracted.len(),
            parsed.len()
        );
        if !parsed.is_empty() {
            left.push(format!("{}: {}", pdf.display(), parsed.join(" ")));
        }
    }
    assert!(left.is_empty(), "{}", left.join("\n"));
}

fn layout_text(layout: &kamerbrief_model::Layout) -> String {
    let lines = layout.pages.iter().flat_map(|p| &p.lines);
    lines.map(|l| l.text() + "\n").collect()
}

fn private_use_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)))
        .map(str::to_string)
        .collect()
}
