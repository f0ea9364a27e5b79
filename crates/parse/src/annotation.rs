//! What the parser made of each line of the layout: the reading, line by line, for
//! drawing or checking it (`kamerbrief show`).

use kamerbrief_model::Role;

use crate::lines::TextLine;
use crate::read::{DraftKind, Reading};

/// What the parser made of one line of the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Letterhead, return address, addressee, label/value lines above the salutation.
    Letterhead,
    /// The official publication's masthead, colophon and running foot.
    Masthead,
    Salutation,
    Heading,
    Paragraph,
    ListItem,
    /// A cell of a table.
    Table,
    Footnote,
    Closing,
    Signature,
    /// The reference column (`Role::Margin`).
    ReferenceColumn,
    Header,
    Footer,
    PageNumber,
}

impl LineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Letterhead => "letterhead",
            LineKind::Masthead => "masthead",
            LineKind::Salutation => "salutation",
            LineKind::Heading => "heading",
            LineKind::Paragraph => "paragraph",
            LineKind::ListItem => "list-item",
            LineKind::Table => "table",
            LineKind::Footnote => "footnote",
            LineKind::Closing => "closing",
            LineKind::Signature => "signature",
            LineKind::ReferenceColumn => "reference-column",
            LineKind::Header => "header",
            LineKind::Footer => "footer",
            LineKind::PageNumber => "page-number",
        }
    }
}

/// One line of the layout with what the parser made of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineAnnotation {
    pub page: u32,
    /// Index into the page's `lines`.
    pub line: usize,
    pub kind: LineKind,
}

/// Every line of `lines` with its kind in `reading`; furniture by its role.
pub fn annotate(lines: &[TextLine], reading: &Reading) -> Vec<LineAnnotation> {
    let mut kinds: Vec<Option<LineKind>> = lines.iter().map(|l| furniture_kind(l.role)).collect();
    let mut mark = |idx: &[usize], kind: LineKind| {
        for &i in idx {
            if let Some(slot) = kinds.get_mut(i) {
                *slot = Some(kind);
            }
        }
    };
    mark(&reading.front_lines, LineKind::Letterhead);
    mark(&reading.running_column, LineKind::ReferenceColumn);
    mark(&reading.masthead_lines, LineKind::Masthead);
    mark(&reading.front.salutation, LineKind::Salutation);
    for draft in reading.body.iter().chain(&reading.appendix) {
        let kind = match draft.kind {
            DraftKind::Heading { .. } => LineKind::Heading,
            DraftKind::Item { .. } => LineKind::ListItem,
            DraftKind::Paragraph => LineKind::Paragraph,
            DraftKind::Table => LineKind::Table,
        };
        mark(&draft.lines, kind);
    }
    for note in &reading.notes {
        mark(&note.lines, LineKind::Footnote);
    }
    mark(&reading.closing.formula, LineKind::Closing);
    for (role, name) in &reading.closing.signatories {
        mark(role, LineKind::Signature);
        mark(name.as_slice(), LineKind::Signature);
    }
    lines
        .iter()
        .zip(kinds)
        .map(|(l, k)| LineAnnotation {
            page: l.page,
            line: l.source,
            kind: k.unwrap_or(LineKind::Paragraph),
        })
        .collect()
}

fn furniture_kind(role: Role) -> Option<LineKind> {
    match role {
        Role::Margin => Some(LineKind::ReferenceColumn),
        Role::Header => Some(LineKind::Header),
        Role::Footer => Some(LineKind::Footer),
        Role::PageNumber => Some(LineKind::PageNumber),
        _ => None,
    }
}
