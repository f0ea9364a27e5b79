//! `cargo xtask real [DIR]`: every real letter of `../shared/letters-real` (or DIR) parsed and
//! checked field by field against the values a person read from its pages, as a table per
//! letter (what is expected, what was found), then the score.

use std::path::PathBuf;

use kamerbrief_testkit::real;

pub fn run(args: &[String]) -> crate::Result {
    let dir = args.first().map_or_else(
        || crate::root().join("../shared/letters-real"),
        PathBuf::from,
    );
    let letters = real::letters(&dir)?;
    if letters.is_empty() {
        return Err(format!(
            "no letters with expected values in {}",
            dir.display()
        ));
    }
    let (mut right, mut all) = (0, 0);
    for letter in &letters {
        let bytes =
            std::fs::read(&letter.pdf).map_err(|e| format!("{}: {e}", letter.pdf.display()))?;
        let layout = kamerbrief_extract::extract(&bytes, &Default::default())
            .map_err(|e| format!("{}: {e}", letter.name))?;
        let parsed = kamerbrief_parse::parse(&layout);
        let text = kamerbrief_parse::render::text(&parsed.letter);
        let checks = real::check(&letter.expected, &parsed.letter, &text);
        let ok = checks.iter().filter(|c| c.ok).count();
        println!("### {} ({ok}/{})\n", letter.name, checks.len());
        println!("{}", real::table(&checks));
        right += ok;
        all += checks.len();
    }
    println!(
        "{right} of {all} checks right over {} letters",
        letters.len()
    );
    Ok(())
}
