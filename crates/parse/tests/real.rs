//! Real letters to parliament that nobody here typeset (`../shared/letters-real`, read in
//! place, never copied): every field a person read from the rendered pages
//! (`NAME.expected.json`) must be what the parser finds. `cargo xtask real` prints the same
//! checks as a table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use kamerbrief_testkit::real;

#[test]
fn every_field_of_every_real_letter() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/letters-real");
    let letters = real::letters(&dir).expect("expected values readable");
    if letters.is_empty() {
        eprintln!("skipped: no real letters in {}", dir.display());
        return;
    }
    let mut wrong = Vec::new();
    for letter in &letters {
        let bytes = std::fs::read(&letter.pdf).unwrap();
        let layout = kamerbrief_extract::extract(&bytes, &Default::default()).unwrap();
        let parsed = kamerbrief_parse::parse(&layout);
        let text = kamerbrief_parse::render::text(&parsed.letter);
        for check in real::check(&letter.expected, &parsed.letter, &text) {
            if !check.ok {
                wrong.push(format!(
                    "{}: {}\n  expected: {}\n  found:    {}",
                    letter.name, check.field, check.expected, check.found
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
