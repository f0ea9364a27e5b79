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
