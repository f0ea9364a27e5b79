//! Test support shared by the tests and `xtask`: nothing here is part of the library's
//! contract.
//!
//! - [`real`]: a parsed letter against the values a person read from the rendered pages
//!   (`../shared/letters-real/*.expected.json`).

pub mod real;
