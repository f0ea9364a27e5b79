//! `cargo xtask fixtures`: rebuild the fixture PDFs with their third-party producers.
//!
//! `fixtures/navo2030/`: a replica of the NAVO2030 letter, built from the seed text
//! `shared/letter/navo2030.txt` as a Flat ODT and converted to PDF by LibreOffice, plus
//! `reference.txt`, the body blocks the parser is judged against.

mod fodt;
mod invented;
mod office;
mod producers;
mod publication;
mod seed;
mod verify;

use std::path::{Path, PathBuf};

const USAGE: &str = "usage: cargo xtask fixtures [all|navo2030|producers|invented|publication|sweep] [--seed <navo2030.txt>]";

/// Which fixtures to build: all of them by default.
pub fn run(args: &[String]) -> crate::Result {
    let (which, rest) = match args.split_first() {
        Some((w, rest)) if !w.starts_with("--") => (w.as_str(), rest),
        _ => ("all", args),
    };
    match which {
        "navo2030" => navo2030(rest),
        "producers" => producers::run(rest),
        "invented" => invented::run(rest),
        "publication" => publication::run(rest),
        "sweep" => producers::run_sweep(rest),
        "all" => {
            navo2030(rest)?;
            invented::run(&[])?;
            producers::run(&[])?;
            producers::run_sweep(&[])?;
            publication::run(&[])
        }
        _ => Err(USAGE.into()),
    }
}

/// The replica of the NAVO2030 letter, from the seed.
fn navo2030(args: &[String]) -> crate::Result {
    let seed_path = seed_path(args)?;
    let version = office::ensure_soffice()?;
    println!("using {version}");
    if office::has_font("Liberation Sans") == Some(false) {
        return Err("font Liberation Sans missing: apt-get install -y fonts-liberation2".into());
    }
    let seed_text = read(&seed_path)?;
    let letter = seed::parse(&seed_text)?;
    report(&letter);

    let dir = crate::root().join("fixtures").join("navo2030");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    write(&dir.join("reference.txt"), &seed::reference_text(&letter))?;
    // The tests read the seed from here, so that they need nothing outside the repository.
    write(&dir.join("navo2030.txt"), &seed_text)?;
    let fodt = dir.join("navo2030.fodt");
    write(&fodt, &fodt::document(&letter))?;

    let work = std::env::temp_dir().join(format!("kamerbrief-fixtures-{}", std::process::id()));
    let built = office::convert_to_pdf(&fodt, &work);
    let pdf = dir.join("navo2030.pdf");
    let copied = built.and_then(|p| copy(&p, &pdf));
    // The work directory (profile and output) is ours alone: always clean it up.
    let _ = std::fs::remove_dir_all(&work);
    copied?;
    println!("wrote {}", pdf.display());
    verify::check(&pdf, &letter)
}

fn seed_path(args: &[String]) -> crate::Result<PathBuf> {
    match args {
        [] => Ok(crate::root()
            .join("..")
            .join("shared")
            .join("letter")
            .join("navo2030.txt")),
        [flag, path] if flag == "--seed" => Ok(PathBuf::from(path)),
        _ => Err(USAGE.into()),
    }
}

/// Prints the page starts and what the block repairs did.
fn report(letter: &seed::Letter) {
    let starts: Vec<String> = letter.page_starts.iter().map(usize::to_string).collect();
    println!("seed: page starts at lines {}", starts.join(", "));
    for note in &letter.notes {
        println!("seed: {note}");
    }
    let headings = letter
        .blocks
        .iter()
        .filter(|b| b.kind == seed::Kind::Heading);
    let headings: Vec<String> = headings.map(|b| seed::join_lines(&b.lines)).collect();
    println!(
        "seed: {} blocks; headings: {}",
        letter.blocks.len(),
        headings.join(" | ")
    );
}

fn read(path: &Path) -> crate::Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> crate::Result {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

fn copy(from: &Path, to: &Path) -> crate::Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}
