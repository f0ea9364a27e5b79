//! The typed data of a Dutch government letter to parliament (*Kamerbrief*).
//!
//! Two layers, both plain serde data:
//!
//! - [`Layout`]: the positioned text of a PDF (pages, lines, words with boxes, fonts and a
//!   [`Role`] that separates page furniture from the body). `kamerbrief-extract` produces it;
//!   any other extractor can too.
//! - the letter (added by the `parse` crate's types here): metadata, sections, blocks,
//!   signatories, references, each traceable to its page and box.
//!
//! This crate knows nothing about PDF and nothing about parsing.

mod diagnostic;
mod layout;

pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use layout::{Layout, Line, Page, Rect, Role, Word};
