//! Test support shared by the tests and `xtask`: nothing here is part of the library's
//! contract.
//!
//! - [`real`]: a parsed letter against the values a person read from the rendered pages
//!   (`../shared/letters-real/*.expected.json`).
//! - [`typeset`]: a letter typesetter writing PDFs in many layouts, for the metamorphic test
//!   `crates/parse/tests/layouts.rs`.

pub mod compare;
pub mod real;
pub mod typeset;

/// Whether Ghostscript (`gs`) runs here: tests of its rewrites are skipped, and say so,
/// without it.
pub fn has_ghostscript() -> bool {
    std::process::Command::new("gs")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The corpus's files whose names start with `prefix` (`../shared/corpus`, read in place,
/// never copied), sorted; empty where there is no corpus.
pub fn corpus_files(prefix: &str) -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.starts_with(prefix) && n.ends_with(".pdf"))
        })
        .collect();
    files.sort();
    files
}
