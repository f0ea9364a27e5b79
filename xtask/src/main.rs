//! Project tasks: `cargo xtask <command>`. One `match` over commands; each lives in its module.

mod ablation;
mod bench;
mod corpus;
mod fixtures;
mod instructions;
mod producers;
mod real;
mod regenerate;
mod scaling;
mod tables;
mod tools;
mod words;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "ablation" => ablation::run(rest),
        "bench" => bench::run(rest),
        "corpus" => corpus::run(rest),
        "fixtures" => fixtures::run(rest),
        "producers" => producers::run(rest),
        "real" => real::run(rest),
        "regenerate" => regenerate::run(rest),
        "scaling" => scaling::run(rest),
        "gen-tables" => tables::run(rest),
        "gen-words" => words::run(rest),
        _ => {
            eprintln!("{HELP}");
            return if command == "help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {command}: {e}");
            ExitCode::FAILURE
        }
    }
}

const HELP: &str = "usage: cargo xtask <command>

commands:
  ablation     ToUnicode maps removed: how much text survives, ours against pdftotext and mutool
  bench        throughput, instructions and memory against pdftotext and mutool (release build)
  scaling      a page with 10x the glyphs costs at most ~10x the instructions (callgrind)
  producers    the NAVO letter from every producer: ours and pdftotext against the reference text
  real         the real letters of ../shared/letters-real, field by field against their expected values
  regenerate   the main job: data/navo2030.json and .md from the replica PDF, and the JSON Schema
  corpus       extract the real-world corpus (../shared/corpus) and score it against pdftotext
  fixtures     rebuild the PDFs under fixtures/ with their third-party producers
  gen-tables   regenerate the font tables of crates/extract from public sources
  gen-words    regenerate the word lists of crates/parse (Dutch and English) from Debian's lists";

/// Errors of xtask commands are messages for the person running them.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    dir.parent().unwrap_or(dir).to_path_buf()
}
