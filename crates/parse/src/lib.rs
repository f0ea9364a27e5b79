//! The letter in a layout: [`parse`] turns a [`Layout`] (positioned lines with roles, from
//! `kamerbrief-extract` or any other extractor) into a [`Letter`]: metadata from the
//! letterhead and reference column, the salutation, sections of paragraphs and lists,
//! footnotes, the closing and signatories, references to other Kamerstukken and dates, each
//! block traceable to its page and box.
//!
//! ```
//! use kamerbrief_model::Layout;
//!
//! let layout = Layout::from_text("Geachte voorzitter,\n\nHierbij bied ik u het rapport aan.\n\nDe Minister van Defensie,\n\nA. Jansen\n");
//! let parsed = kamerbrief_parse::parse(&layout);
//! assert_eq!(parsed.letter.signatories[0].name.as_deref(), Some("A. Jansen"));
//! print!("{}", kamerbrief_parse::render::text(&parsed.letter));
//! ```
//!
//! Parsing never fails: what cannot be decided is reported in `diagnostics`.
//! This crate depends on `kamerbrief-model` only; it knows nothing about PDF.

mod blocks;
mod closing;
mod cues;
mod dates;
mod enumeration;
mod footnotes;
mod front;
mod join;
mod lines;
mod questions;
mod recommendations;
mod references;
pub mod render;
mod sentences;
pub mod svg;

use kamerbrief_model::{
    Anchor, Block, BlockKind, DateMention, Diagnostic, DiagnosticKind, Footnote, Heading, Layout,
    Letter, ListItem, Parsed, Provenance, Rect, Section, Signatory,
};
use regex::Regex;

use blocks::{Draft, DraftKind};
use join::{Lexicon, join_with_offsets};
use lines::TextLine;

pub use kamerbrief_model as model;

/// Reads the letter in `layout`. Never fails; problems are in `diagnostics`.
pub fn parse(layout: &Layout) -> Parsed {
    parse_annotated(layout).0
}

/// What the parser made of one line of the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Letterhead, return address, addressee, label/value lines above the salutation.
    Letterhead,
    Salutation,
    Heading,
    Paragraph,
    ListItem,
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
            LineKind::Salutation => "salutation",
            LineKind::Heading => "heading",
            LineKind::Paragraph => "paragraph",
            LineKind::ListItem => "list-item",
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

/// [`parse`], and for every line of the layout what the parser made of it (to draw or check
/// the reading, e.g. `kamerbrief show`).
pub fn parse_annotated(layout: &Layout) -> (Parsed, Vec<LineAnnotation>) {
    let lines = lines::text_lines(layout);
    let m = lines::measures(&lines);
    let mut diagnostics: Vec<Diagnostic> = layout.diagnostics.clone();
    diagnostics.extend(
        layout
            .pages
            .iter()
            .flat_map(|p| p.diagnostics.iter().cloned()),
    );
    let lexicon = Lexicon::new(&lines);

    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            lines
                .get(i)
                .is_some_and(|l| l.role == kamerbrief_model::Role::Body)
        })
        .collect();
    let (body, notes) = footnotes::split(&lines, &body, &m);
    let front = front::read(&lines, &body, &m);
    let rest = body.get(front.body_start..).unwrap_or_default();
    let closing = closing::read(&lines, rest);
    let main = rest.get(..closing.start).unwrap_or(rest);
    let after = rest.get(closing.end..).unwrap_or_default();
    let edges = blocks::Edges::new(&lines);
    let drafts = blocks::segment(&lines, main, &m, &edges);
    let appendix_drafts = blocks::segment(&lines, after, &m, &edges);

    let mut builder = Builder {
        lines: &lines,
        lexicon: &lexicon,
        marker_anchors: Vec::new(),
        in_appendix: false,
    };
    let sections = builder.sections(&drafts);
    builder.in_appendix = true;
    let appendix = builder.sections(&appendix_drafts);
    let mut letter = Letter {
        metadata: front.metadata,
        sections,
        appendix,
        ..Letter::default()
    };
    letter.salutation = front
        .salutation
        .map(|i| builder.single_block(i, BlockKind::Salutation));
    letter.closing = closing
        .formula
        .map(|i| builder.single_block(i, BlockKind::Closing));
    letter.signatories = closing
        .signatories
        .iter()
        .map(|(role, name)| builder.signatory(role, *name))
        .collect();
    letter.footnotes = notes
        .iter()
        .map(|note| builder.footnote(&note.marker, &note.lines))
        .collect();
    link_footnotes(&mut letter.footnotes, &builder.marker_anchors);
    find_mentions(&mut letter);
    let (advisory_body, recommendations) = recommendations::find(&letter);
    letter.advisory_body = advisory_body;
    letter.recommendations = recommendations;
    let (kamervragen, questions) = questions::read(&letter);
    letter.kamervragen = kamervragen;
    letter.questions = questions;

    diagnose(&letter, &mut diagnostics);

    let mut kinds: Vec<Option<LineKind>> = lines.iter().map(|l| furniture_kind(l.role)).collect();
    let mut mark = |idx: &[usize], kind: LineKind| {
        for &i in idx {
            if let Some(slot) = kinds.get_mut(i) {
                *slot = Some(kind);
            }
        }
    };
    let front_lines: Vec<usize> = body.get(..front.body_start).unwrap_or_default().to_vec();
    mark(&front_lines, LineKind::Letterhead);
    mark(front.salutation.as_slice(), LineKind::Salutation);
    for draft in drafts.iter().chain(&appendix_drafts) {
        let kind = match draft.kind {
            DraftKind::Heading { .. } => LineKind::Heading,
            DraftKind::Item { .. } => LineKind::ListItem,
            DraftKind::Paragraph => LineKind::Paragraph,
        };
        mark(&draft.lines, kind);
    }
    for note in &notes {
        mark(&note.lines, LineKind::Footnote);
    }
    mark(closing.formula.as_slice(), LineKind::Closing);
    for (role, name) in &closing.signatories {
        mark(role, LineKind::Signature);
        mark(name.as_slice(), LineKind::Signature);
    }
    let annotations = lines
        .iter()
        .zip(kinds)
        .map(|(l, k)| LineAnnotation {
            page: l.page,
            line: l.source,
            kind: k.unwrap_or(LineKind::Paragraph),
        })
        .collect();
    (
        Parsed {
            letter,
            diagnostics,
        },
        annotations,
    )
}

fn furniture_kind(role: kamerbrief_model::Role) -> Option<LineKind> {
    use kamerbrief_model::Role;
    match role {
        Role::Margin => Some(LineKind::ReferenceColumn),
        Role::Header => Some(LineKind::Header),
        Role::Footer => Some(LineKind::Footer),
        Role::PageNumber => Some(LineKind::PageNumber),
        _ => None,
    }
}

struct Builder<'a> {
    lines: &'a [TextLine],
    lexicon: &'a Lexicon,
    /// Superscript markers met in the body: (marker, where it stands).
    marker_anchors: Vec<(String, Anchor)>,
    /// Sections being built are the appendix's.
    in_appendix: bool,
}

impl Builder<'_> {
    fn line(&self, i: usize) -> Option<&TextLine> {
        self.lines.get(i)
    }

    fn sections(&mut self, drafts: &[Draft]) -> Vec<Section> {
        let mut sections: Vec<Section> = Vec::new();
        let mut current = Section::default();
        for draft in drafts {
            match &draft.kind {
                DraftKind::Heading { number, level } => {
                    if current.heading.is_some() || !current.blocks.is_empty() {
                        sections.push(std::mem::take(&mut current));
                    }
                    let (text, _) = join_with_offsets(
                        draft.lines.iter().filter_map(|&i| self.line(i)),
                        self.lexicon,
                    );
                    let parts = self.parts(&draft.lines);
                    let first = parts.first().copied().unwrap_or_default();
                    current.heading = Some(Heading {
                        text: blocks::heading_text(&text),
                        number: number.clone(),
                        level: *level,
                        page: first.page,
                        bbox: first.bbox,
                    });
                }
                DraftKind::Item { label } => {
                    let section = sections.len();
                    let block_index = match current.blocks.last() {
                        Some(b) if b.kind == BlockKind::List => current.blocks.len() - 1,
                        _ => {
                            current.blocks.push(Block {
                                kind: BlockKind::List,
                                ..Block::default()
                            });
                            current.blocks.len() - 1
                        }
                    };
                    let (full, starts) = join_with_offsets(
                        draft.lines.iter().filter_map(|&i| self.line(i)),
                        self.lexicon,
                    );
                    let parts = self.parts(&draft.lines);
                    if let Some(block) = current.blocks.get_mut(block_index) {
                        let base = if block.text.is_empty() {
                            0
                        } else {
                            block.text.chars().count() + 1
                        };
                        if !block.text.is_empty() {
                            block.text.push('\n');
                        }
                        block.text.push_str(&full);
                        let text = full
                            .strip_prefix(label.as_str())
                            .unwrap_or(&full)
                            .trim()
                            .to_string();
                        block.items.push(ListItem {
                            label: label.clone(),
                            text,
                            page: parts.first().map_or(0, |p| p.page),
                        });
                        extend_parts(block, parts);
                        self.collect_markers(&draft.lines, &starts, section, block_index, base);
                    }
                }
                DraftKind::Paragraph => {
                    let section = sections.len();
                    let block_index = current.blocks.len();
                    let (text, starts) = join_with_offsets(
                        draft.lines.iter().filter_map(|&i| self.line(i)),
                        self.lexicon,
                    );
                    let page = draft
                        .lines
                        .first()
                        .and_then(|&i| self.line(i))
                        .map_or(0, |l| l.page);
                    let items = enumeration::find_items(&text, page);
                    let mut block = Block {
                        kind: BlockKind::Paragraph,
                        text,
                        items,
                        ..Block::default()
                    };
                    extend_parts(&mut block, self.parts(&draft.lines));
                    self.collect_markers(&draft.lines, &starts, section, block_index, 0);
                    current.blocks.push(block);
                }
            }
        }
        if current.heading.is_some() || !current.blocks.is_empty() {
            sections.push(current);
        }
        sections
    }

    fn collect_markers(
        &mut self,
        idx: &[usize],
        starts: &[usize],
        section: usize,
        block: usize,
        base: usize,
    ) {
        for (&i, &start) in idx.iter().zip(starts) {
            let Some(line) = self.lines.get(i) else {
                continue;
            };
            for (marker, offset) in &line.markers {
                self.marker_anchors.push((
                    marker.clone(),
                    Anchor {
                        section,
                        block,
                        offset: base + start + offset,
                        appendix: self.in_appendix,
                    },
                ));
            }
        }
    }

    /// Provenance: one part per page and column the lines run through.
    fn parts(&self, idx: &[usize]) -> Vec<Provenance> {
        let mut parts: Vec<Provenance> = Vec::new();
        let mut last: Option<&TextLine> = None;
        for line in idx.iter().filter_map(|&i| self.line(i)) {
            let same_part =
                last.is_some_and(|p| p.page == line.page && line.baseline >= p.baseline);
            match parts.last_mut() {
                Some(part) if same_part => part.bbox = part.bbox.union(&line.bbox),
                _ => parts.push(Provenance {
                    page: line.page,
                    bbox: line.bbox,
                }),
            }
            last = Some(line);
        }
        parts
    }

    fn single_block(&self, i: usize, kind: BlockKind) -> Block {
        let mut block = Block {
            kind,
            text: self.line(i).map(|l| l.text.clone()).unwrap_or_default(),
            ..Block::default()
        };
        extend_parts(&mut block, self.parts(&[i]));
        block
    }

    fn signatory(&self, role: &[usize], name: Option<usize>) -> Signatory {
        let role_text = join::join_lines(role.iter().filter_map(|&i| self.line(i)), self.lexicon);
        let all: Vec<usize> = role.iter().copied().chain(name).collect();
        let bbox = Rect::union_all(all.iter().filter_map(|&i| self.line(i)).map(|l| &l.bbox))
            .unwrap_or_default();
        Signatory {
            role: role_text.trim_end_matches(',').to_string(),
            printed_role: role_text.clone(),
            name: name.and_then(|i| self.line(i)).map(|l| l.text.clone()),
            page: role
                .first()
                .and_then(|&i| self.line(i))
                .map_or(0, |l| l.page),
            bbox,
        }
    }

    fn footnote(&self, marker: &str, idx: &[usize]) -> Footnote {
        let text = join::join_lines(idx.iter().filter_map(|&i| self.line(i)), self.lexicon);
        let parts = self.parts(idx);
        let first = parts.first().copied().unwrap_or_default();
        Footnote {
            marker: marker.to_string(),
            text: footnotes::note_text(&text, idx.first().and_then(|&i| self.line(i))),
            page: first.page,
            bbox: first.bbox,
            anchor: None,
        }
    }
}

fn extend_parts(block: &mut Block, parts: Vec<Provenance>) {
    for part in parts {
        match block.parts.last_mut() {
            Some(last) if last.page == part.page && part.bbox.y0 >= last.bbox.y0 => {
                last.bbox = last.bbox.union(&part.bbox)
            }
            _ => block.parts.push(part),
        }
    }
    if let Some(first) = block.parts.first() {
        block.page = first.page;
        block.bbox = first.bbox;
    }
}

/// Each footnote gets the place of the first body marker with its number.
fn link_footnotes(footnotes: &mut [Footnote], markers: &[(String, Anchor)]) {
    for note in footnotes {
        note.anchor = markers
            .iter()
            .find(|(m, _)| *m == note.marker)
            .map(|(_, a)| *a);
    }
}

/// References to Kamerstukken and dates named in the body and the appendix.
fn find_mentions(letter: &mut Letter) {
    let parts = [(&letter.sections, false), (&letter.appendix, true)];
    for (sections, appendix) in parts {
        for (s, section) in sections.iter().enumerate() {
            for (b, block) in section.blocks.iter().enumerate() {
                letter.references.extend(
                    references::find_references(&block.text, s, b)
                        .into_iter()
                        .map(|mut r| {
                            r.anchor.appendix = appendix;
                            r
                        }),
                );
                for (offset, text, date) in dates::find_dates(&block.text) {
                    letter.dates.push(DateMention {
                        text,
                        date,
                        anchor: Anchor {
                            section: s,
                            block: b,
                            offset,
                            appendix,
                        },
                    });
                }
            }
        }
    }
}

fn diagnose(letter: &Letter, diagnostics: &mut Vec<Diagnostic>) {
    let mut missing = |what: &str| {
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::Missing,
            None,
            format!("no {what} found"),
        ))
    };
    if letter.salutation.is_none() {
        missing("salutation");
    }
    if letter.metadata.date.is_none() {
        missing("letter date");
    }
    if letter.metadata.subject.is_none() {
        missing("subject (Betreft/Onderwerp)");
    }
    if letter.signatories.is_empty() {
        missing("signatory");
    }
    if let Some(notice) = letter.kamervragen.as_ref().and_then(|k| k.notice.as_ref()) {
        let unanswered = letter
            .questions
            .iter()
            .filter(|q| q.answer.is_none())
            .count();
        let first = notice.lines().next().unwrap_or_default();
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::Uncertain,
            None,
            format!("notice of delay, {unanswered} questions unanswered: {first}"),
        ));
    }
    for note in &letter.footnotes {
        if note.anchor.is_none() {
            diagnostics.push(Diagnostic::new(
                DiagnosticKind::Uncertain,
                Some(note.page),
                format!("footnote {} has no marker in the body", note.marker),
            ));
        }
    }
}

/// Compiles a constant pattern.
#[allow(clippy::expect_used)]
fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles") // invariant: literal patterns, each exercised by unit tests
}
