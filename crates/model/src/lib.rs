//! The typed data of a Dutch government letter to parliament (*Kamerbrief*).
//!
//! Two layers, both plain serde data:
//!
//! - [`Layout`]: the positioned text of a PDF (pages, lines, words with boxes, fonts and a
//!   [`Role`] that separates page furniture from the body). `kamerbrief-extract` produces it;
//!   any other extractor can too.
//! - [`Letter`]: the letter a reader sees (metadata, sections of blocks, lists, footnotes,
//!   signatories, references, recommendations), every block traceable to its page and box.
//!   `kamerbrief-parse` produces it from a `Layout`.
//!
//! ```
//! use kamerbrief_model::{Layout, Role};
//!
//! // A layout from text lines of any extractor (positions are then synthetic).
//! let layout = Layout::from_text("Geachte voorzitter,\n\nHierbij bied ik u de brief aan.\n");
//! assert_eq!(layout.pages[0].lines[1].text(), "Hierbij bied ik u de brief aan.");
//! assert!(layout.pages[0].lines.iter().all(|l| l.role == Role::Body));
//! let json = serde_json::to_string(&layout).unwrap();
//! assert!(json.contains("\"role\":\"body\""));
//! ```
//!
//! This crate knows nothing about PDF and nothing about parsing.

mod diagnostic;
mod layout;
mod letter;

pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use layout::{LIST_BULLETS, Layout, Line, Page, Rect, Role, Word, text_geometry};
pub use letter::{
    AdvisoryBody, Anchor, Block, BlockKind, DateKind, DateMention, Evidence, FieldKey, Footnote,
    Heading, Kamervragen, Letter, ListItem, Metadata, PaperKind, Parsed, Provenance, Publication,
    Question, Recommendation, Reference, ReferenceField, ReferenceKind, Section, Sentence,
    Signatory, Stance, Stated,
};

/// The JSON Schema of the `kamerbrief parse` JSON output ([`Parsed`]), as committed in
/// `schema/letter.schema.json`.
pub fn letter_schema() -> String {
    let schema = schemars::schema_for!(Parsed);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
