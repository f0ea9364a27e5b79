//! Real letters to parliament that nobody here typeset (`../shared/letters-real`, read in
//! place, never copied): every field a person read from the rendered pages
//! (`NAME.expected.json`) must be what the parser finds. `cargo xtask real` prints the same
//! checks as a table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use kamerbrief_testkit::real;

#[test]
fn every_field_of_every_real_letter() {
    every_field(|pdf| std::fs::read(pdf).unwrap());
}

/// The same letters rewritten by Ghostscript (`gs -sDEVICE=pdfwrite`, what "print to PDF"
/// runs), and made PDF/A by it (what archives run). A word processor's simple TrueType
/// fonts have no ToUnicode maps. Ghostscript keeps their codes, but makes the fonts symbolic,
/// drops their encodings and writes programs that name no glyph; for PDF/A it makes them
/// composite fonts whose CIDs are the old one-byte codes. Read as Windows' codes, as
/// pdftotext reads them, every field holds. Skipped, and said so, without Ghostscript.
#[test]
fn every_field_of_every_real_letter_rewritten_by_ghostscript() {
    if !kamerbrief_testkit::has_ghostscript() {
        eprintln!("skipped: Ghostscript (gs) is not installed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("kamerbrief-real-gs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdfa: &[&str] = &[
        "-dPDFA=2",
        "-dPDFACompatibilityPolicy=1",
        "-sColorConversionStrategy=RGB",
    ];
    for (name, extra) in [("pdfwrite", &[][..]), ("pdfa", pdfa)] {
        every_field(|pdf| {
            let out = dir.join(format!(
                "{}-{name}.pdf",
                pdf.file_stem().unwrap().to_string_lossy()
            ));
            let status = std::process::Command::new("gs")
                .args(["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite"])
                .args(extra)
                .arg(format!("-sOutputFile={}", out.display()))
                .arg(pdf)
                .status()
                .unwrap();
            assert!(status.success(), "gs ({name}) failed on {}", pdf.display());
            std::fs::read(&out).unwrap()
        });
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Checks every field of every real letter, each read from the bytes `read` gives for it.
fn every_field(read: impl Fn(&Path) -> Vec<u8>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/letters-real");
    let letters = real::letters(&dir).expect("expected values readable");
    if letters.is_empty() {
        eprintln!("skipped: no real letters in {}", dir.display());
        return;
    }
    let mut wrong = Vec::new();
    for letter in &letters {
        let bytes = read(&letter.pdf);
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

/// The circular-economy letter lists the four recommendations of the SER and the PBL, then
/// answers them by number (read from its page 4): `overeenkomstig de eerste aanbeveling`,
/// `Ten aanzien van de tweede aanbeveling`, `Op de derde en vierde aanbeveling kom ik later
/// in deze brief terug`. Each item is a recommendation with the sentences that answer it.
#[test]
fn listed_recommendations_answered_by_number() {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/letters-real/20230203-ienw-circulaire-economie-npce.pdf");
    let Ok(bytes) = std::fs::read(&pdf) else {
        eprintln!("skipped: {} not found", pdf.display());
        return;
    };
    let layout = kamerbrief_extract::extract(&bytes, &Default::default()).unwrap();
    let letter = kamerbrief_parse::parse(&layout).letter;
    let found: Vec<(String, Vec<String>)> = letter
        .recommendations
        .iter()
        .map(|r| {
            let advice = r.advice.first().map(|s| s.text.clone()).unwrap_or_default();
            (advice, r.response.iter().map(|s| s.text.clone()).collect())
        })
        .collect();
    let expected = [
        (
            "1. Stel concrete doelen op",
            "overeenkomstig de eerste aanbeveling",
        ),
        (
            "2. Ontwikkel een coherent pakket",
            "Ten aanzien van de tweede aanbeveling",
        ),
        (
            "3. Versterk de governance",
            "Op de derde en vierde aanbeveling",
        ),
        (
            "4. Zet in op een kabinetsbrede aanpak",
            "Op de derde en vierde aanbeveling",
        ),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((advice, response), (opens, answer)) in found.iter().zip(expected) {
        assert!(advice.starts_with(opens), "{advice:?} for {opens:?}");
        assert!(
            response.iter().any(|s| s.contains(answer)),
            "{opens}: {response:?} lacks {answer:?}"
        );
    }
}
