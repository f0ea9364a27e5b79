//! Problems met while reading a document: never fatal, always reported.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Something the reader could not do, or had to guess. The output is still produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    /// 1-based page the problem was found on, if it belongs to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// One line for people, lowercase, without a trailing period.
    pub message: String,
}

impl Diagnostic {
    pub fn new(kind: DiagnosticKind, page: Option<u32>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind,
            page,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.page {
            Some(p) => write!(f, "page {p}: {}: {}", self.kind.as_str(), self.message),
            None => write!(f, "{}: {}", self.kind.as_str(), self.message),
        }
    }
}

/// The kind of a [`Diagnostic`]. New kinds may be added; consumers should keep unknown ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// Glyphs whose Unicode value could not be determined.
    UnmappedGlyphs,
    /// A content-stream operator that was malformed or not understood, and skipped.
    SkippedOperator,
    /// An object (page, font, stream, form) that could not be read.
    BrokenObject,
    /// A font that could not be fully read; its text may be incomplete.
    BrokenFont,
    /// A safety limit was reached (decompressed size, recursion depth, operators per page).
    LimitReached,
    /// The file was damaged and repaired while loading (cross-reference table rebuilt, ...).
    Repaired,
    /// The parser could not find a part of the letter it expected.
    Missing,
    /// The parser had to choose between readings; the message says which it took.
    Uncertain,
}

impl DiagnosticKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::UnmappedGlyphs => "unmapped_glyphs",
            DiagnosticKind::SkippedOperator => "skipped_operator",
            DiagnosticKind::BrokenObject => "broken_object",
            DiagnosticKind::BrokenFont => "broken_font",
            DiagnosticKind::LimitReached => "limit_reached",
            DiagnosticKind::Repaired => "repaired",
            DiagnosticKind::Missing => "missing",
            DiagnosticKind::Uncertain => "uncertain",
        }
    }
}
