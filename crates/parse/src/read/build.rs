//! The letter's data from the reading: blocks with their text joined and their provenance,
//! sections, signatories, footnotes linked to their markers.

use kamerbrief_model::{
    Anchor, Block, BlockKind, DateKind, FieldKey, Footnote, Heading, Letter, ListItem, PaperKind,
    Provenance, Rect, Section, Signatory, Stated,
};

use super::join::{self, Lexicon, join_with_offsets};
use super::{Draft, DraftKind, Reading, blocks, enumeration, footnotes};
use crate::lines::TextLine;

/// The letter as `reading` has it (metadata, body, appendix, closing, signatories,
/// footnotes); the analyses (references, recommendations, …) come after.
pub fn build(lines: &[TextLine], reading: &Reading) -> Letter {
    let mut builder = Builder {
        lines,
        lexicon: &reading.lexicon,
        marker_anchors: Vec::new(),
        in_appendix: false,
    };
    let sections = builder.sections(&reading.body);
    builder.in_appendix = true;
    let appendix = builder.sections(&reading.appendix);
    let mut letter = Letter {
        metadata: reading.front.metadata.clone(),
        sections,
        appendix,
        ..Letter::default()
    };
    let salutation = &reading.front.salutation;
    letter.salutation =
        (!salutation.is_empty()).then(|| builder.block_of(salutation, BlockKind::Salutation));
    let formula = &reading.closing.formula;
    letter.closing = (!formula.is_empty()).then(|| builder.block_of(formula, BlockKind::Closing));
    letter.signatories = reading
        .closing
        .signatories
        .iter()
        .map(|(role, name)| builder.signatory(role, *name))
        .collect();
    letter.footnotes = reading
        .notes
        .iter()
        .map(|note| builder.footnote(&note.marker, &note.lines))
        .collect();
    link_footnotes(&mut letter.footnotes, &builder.marker_anchors);
    letter.publication = reading.publication.clone().map(|mut p| {
        if matches!(p.kind, PaperKind::Motie | PaperKind::Amendement) {
            p.members = letter
                .signatories
                .iter()
                .filter(|s| s.role.is_empty())
                .filter_map(|s| s.name.clone())
                .collect();
        }
        if p.date.is_none()
            && let Some(date) = &letter.metadata.date
            && let Some(field) = letter
                .metadata
                .reference_column
                .iter()
                .find(|f| f.key == FieldKey::Date)
        {
            // `Den Haag, 7 april 2021`: the day the letter was signed.
            p.date = Some(Stated {
                value: date.clone(),
                printed: field.value.clone(),
                page: field.page,
                bbox: field.bbox,
            });
            p.date_kind = Some(DateKind::Signed);
        }
        p
    });
    letter
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
                DraftKind::Table => {
                    let cells: Vec<&TextLine> =
                        draft.lines.iter().filter_map(|&i| self.line(i)).collect();
                    let size = cells.first().map_or(10.0, |c| c.size);
                    let rows = blocks::table_rows(&cells, size);
                    let mut block = Block {
                        kind: BlockKind::Table,
                        text: rows
                            .iter()
                            .map(|r| r.join("\t"))
                            .collect::<Vec<_>>()
                            .join("\n"),
                        rows,
                        ..Block::default()
                    };
                    extend_parts(&mut block, self.parts(&draft.lines));
                    current.blocks.push(block);
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

    /// A block of consecutive lines, joined as running text (a salutation or a closing
    /// formula wrapped in a narrow column).
    fn block_of(&self, idx: &[usize], kind: BlockKind) -> Block {
        let mut block = Block {
            kind,
            text: join::join_lines(idx.iter().filter_map(|&i| self.line(i)), self.lexicon),
            ..Block::default()
        };
        extend_parts(&mut block, self.parts(idx));
        block
    }

    fn signatory(&self, role: &[usize], name: Option<usize>) -> Signatory {
        let mut role_text =
            join::join_lines(role.iter().filter_map(|&i| self.line(i)), self.lexicon);
        let mut name_text = name.and_then(|i| self.line(i)).map(|l| l.text.clone());
        // Role and name on one line (`De voorzitter van de commissie, Tielen`).
        if let Some(i) = name
            && role.contains(&i)
            && let Some((r, n)) = role_text.rsplit_once(", ")
        {
            name_text = Some(n.to_string());
            role_text = format!("{r},");
        }
        let all: Vec<usize> = role.iter().copied().chain(name).collect();
        let bbox = Rect::union_all(all.iter().filter_map(|&i| self.line(i)).map(|l| &l.bbox))
            .unwrap_or_default();
        Signatory {
            role: role_text.trim_end_matches(',').to_string(),
            printed_role: role_text.clone(),
            name: name_text,
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
