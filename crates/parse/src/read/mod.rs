//! Reading the letter: which line is what, in the order a letter runs. Footnotes are taken
//! out first (they sit at the foot of any page), then the front matter (letterhead,
//! addresses, labelled fields, salutation), the closing and signatures (and an appendix
//! after them), and the body between, cut into paragraphs, headings and list items.
//! [`build`] turns the reading into the letter's data.

mod blocks;
mod build;
mod cipher;
mod closing;
mod dictionary;
mod enumeration;
mod footnotes;
mod front;
pub mod glyphs;
mod join;
mod letter_model;
pub mod ligatures;
mod publication;

use kamerbrief_model::{PaperKind, Publication, Rect, Role};

pub use blocks::{Draft, DraftKind};
pub use build::build;

use crate::lines::{Measures, TextLine};

/// What each line of the letter is.
pub struct Reading {
    /// The document's own words, to join words broken at line ends.
    pub lexicon: join::Lexicon,
    pub front: front::Front,
    /// Lines of the front matter (letterhead, addresses, labelled fields), before the
    /// salutation.
    pub front_lines: Vec<usize>,
    /// Lines of a reference column running on later pages, read among the body's.
    pub running_column: Vec<usize>,
    pub notes: Vec<footnotes::Note>,
    pub closing: closing::Closing,
    /// The body as drafts of blocks.
    pub body: Vec<Draft>,
    /// What follows the signatures.
    pub appendix: Vec<Draft>,
    /// The official publication's masthead, when the document is that publication.
    pub publication: Option<Publication>,
    /// Lines of the publication's masthead, colophon and running feet.
    pub masthead_lines: Vec<usize>,
}

/// Reads `lines` (the layout's, in reading order); `separators` are the short rules by page
/// that may set footnotes apart.
pub fn read(lines: &[TextLine], m: &Measures, separators: &[(u32, Rect)]) -> Reading {
    let masthead = publication::read(lines);
    let masthead_lines = masthead
        .as_ref()
        .map(|h| h.lines.clone())
        .unwrap_or_default();
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.get(i).is_some_and(|l| l.role == Role::Body))
        .filter(|i| masthead_lines.binary_search(i).is_err())
        .collect();
    let kind = masthead.as_ref().map(|h| h.publication.kind);
    // A motie or amendement ends with its members' names, without roles.
    let members = matches!(kind, Some(PaperKind::Motie | PaperKind::Amendement));
    let (body, notes) = footnotes::split(lines, &body, m, separators);
    let body = front::front_matter_first(lines, &body);
    let lexicon = join::Lexicon::new(lines);
    let front = front::read(lines, &body, &masthead_lines, m, &lexicon);
    let front_lines: Vec<usize> = body
        .get(..front.body_start)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|i| !front.salutation.contains(i))
        .collect();
    let (rest, running_column) = front::without_running_column(
        lines,
        body.get(front.body_start..).unwrap_or_default(),
        &front_lines,
        m,
    );
    let rest = rest.as_slice();
    let closing = closing::read(lines, rest, members);
    let main = rest.get(..closing.start).unwrap_or(rest);
    let after: Vec<usize> = rest
        .get(closing.end..)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|i| !closing.taken_after.contains(i))
        .collect();
    let after = closing::under_block_first(lines, &closing, after);
    let front_matter = body.get(..front.body_start).unwrap_or_default();
    let edges = blocks::Edges::new(lines, front_matter, main, m);
    let mut body = blocks::segment(lines, main, m, &edges);
    if kind == Some(PaperKind::Motie) {
        body = blocks::motie_clauses(body, lines);
    }
    Reading {
        lexicon,
        body,
        appendix: blocks::segment(lines, &after, m, &edges),
        front,
        front_lines,
        running_column,
        notes,
        closing,
        publication: masthead.map(|h| h.publication),
        masthead_lines,
    }
}
