//! Page composition: the front matter of page 1, the body flowed through columns and pages
//! with footnotes at the foot of their column, and the page furniture.
//!
//! Coordinates are points from the top-left of the page; the writer turns them around.

use super::letter::{Block, Letter, Section};
use super::params::{
    ColumnPlace, DatePlace, Edge, Hyphenate, Justify, PageNumber, ParagraphBreak, Params,
    SubjectPlace,
};
use super::text::{
    Breaks, Early, Measure, Style, Word, break_lines, break_lines_early, emphasise, italicise,
    marker_word, stretchable, words,
};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.7;
const EDGE: f32 = 36.0;
/// Size of the letterhead, return address, page numbers and running titles.
const SMALL: f32 = 7.5;

/// A line as drawn: words from `x` on `baseline`, each space widened by `extra`, the whole
/// scaled horizontally by `scale` (`Tz`).
#[derive(Clone, Debug)]
pub struct SetLine {
    pub x: f32,
    pub baseline: f32,
    pub words: Vec<Word>,
    pub extra: f32,
    pub scale: f32,
    /// Character spacing, pt.
    pub tc: f32,
}

#[derive(Clone, Debug, Default)]
pub struct Page {
    pub lines: Vec<SetLine>,
    /// Horizontal rules: x0, x1, y.
    pub rules: Vec<[f32; 3]>,
    /// Filled rectangles: x, y (top), width, height.
    pub rects: Vec<[f32; 4]>,
}

/// Where things go on the page.
struct Geometry {
    body_left: f32,
    body_right: f32,
    /// Width of one body column.
    col_w: f32,
    /// The reference column's left edge and width, when it stands beside the body.
    side: Option<(f32, f32)>,
    top: f32,
    bottom: f32,
    pitch: f32,
    note_size: f32,
    note_pitch: f32,
    col_pitch: f32,
}

impl Geometry {
    fn new(p: &Params) -> Geometry {
        let col_w = if p.column.long { 125.0 } else { 105.0 };
        let (body_left, body_right, side) = match p.column.place {
            ColumnPlace::Right => {
                let x = PAGE_W - EDGE - col_w;
                (MARGIN, x - p.column.gap, Some((x, col_w)))
            }
            ColumnPlace::Left => (
                EDGE + col_w + p.column.gap,
                PAGE_W - MARGIN,
                Some((EDGE, col_w)),
            ),
            ColumnPlace::Above | ColumnPlace::Absent => (MARGIN, PAGE_W - MARGIN, None),
        };
        let columns = f32::from(p.columns.max(1));
        let body_w = body_right - body_left;
        let note_size = (p.size * 0.78 * 2.0).round() / 2.0;
        Geometry {
            body_left,
            body_right,
            col_w: (body_w - (columns - 1.0) * p.gutter) / columns,
            side,
            top: 72.0,
            bottom: PAGE_H - 62.0,
            pitch: p.size * p.leading,
            note_size: note_size.max(6.5),
            note_pitch: note_size.max(6.5) * 1.25,
            col_pitch: p.column.size * 1.4,
        }
    }

    fn body_w(&self) -> f32 {
        self.body_right - self.body_left
    }
}

/// A line of the body flow, before it has a place: segments at offsets from the column edge.
#[derive(Clone, Debug)]
struct FlowLine {
    segs: Vec<(f32, Vec<Word>, Spread)>,
    size: f32,
    pitch: f32,
    /// Footnotes anchored in this line.
    notes: Vec<usize>,
    /// Keep on the same column as the next line (headings, signatures).
    keep_next: bool,
    /// Kept so because it was left underfull where its sentence ends ([`Fill::keep_next`]).
    underfull: bool,
}

#[derive(Clone, Debug)]
enum Item {
    Line(FlowLine),
    Gap(f32),
}

/// Composes the letter's pages.
pub fn compose(letter: &Letter, p: &Params, m: &Measure) -> Result<Vec<Page>, String> {
    let g = Geometry::new(p);
    if g.col_w < 60.0 {
        return Err(format!("body columns of {:.0} pt are too narrow", g.col_w));
    }
    let mut first = Page::default();
    let body_top = front_matter(letter, p, m, &g, &mut first)?;
    let flow = Flow::new(letter, p, m, &g)?;
    let notes = footnote_lines(letter, m, &g)?;
    let mut pages = paginate(&flow.items, &notes, p, &g, body_top, first)?;
    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        furniture(letter, p, m, &g, i, count, body_top, page)?;
    }
    Ok(pages)
}

/// Letterhead, return address, addressee, and the date and subject lines of the body
/// column; returns where the body starts.
fn front_matter(
    letter: &Letter,
    p: &Params,
    m: &Measure,
    g: &Geometry,
    page: &mut Page,
) -> Result<f32, String> {
    let m = &m.without_spacing();
    // The word mark beside a vertical band, top centre (Rijkshuisstijl).
    let mark_x = if p.mark_centred {
        PAGE_W * 0.5 + 8.0
    } else {
        g.body_left + 20.0
    };
    page.rects.push([mark_x - 20.0, 0.0, 12.0, 68.0]);
    for (i, line) in letter.sender.iter().enumerate() {
        page.lines
            .push(plain(mark_x, 52.0 + i as f32 * 11.0, line, true, 9.0));
    }
    page.lines.push(plain(
        g.body_left,
        135.0,
        &format!("> Retouradres {}", letter.return_address),
        false,
        6.5,
    ));
    let mut y = 150.0;
    for line in &letter.addressee {
        page.lines
            .push(plain(g.body_left, y + g.pitch * 0.75, line, false, p.size));
        y += g.pitch;
    }
    y += 2.0 * g.pitch;
    if p.column.place == ColumnPlace::Above {
        y = field_band(letter, p, m, g, y, page)?;
    }
    if p.date == DatePlace::PlaceLine {
        let text = format!("{}, {}", letter.place, letter.date);
        page.lines
            .push(plain(g.body_left, y + g.pitch * 0.75, &text, false, p.size));
        y += g.pitch * 2.0;
    }
    let mut labels: Vec<(String, String)> = Vec::new();
    if p.date == DatePlace::Label {
        labels.push(("Datum".into(), letter.date.clone()));
    }
    if p.subject == SubjectPlace::Label {
        labels.push((letter.subject_label.clone(), letter.subject.clone()));
    }
    if p.column.place == ColumnPlace::Absent {
        // Without a reference column every field stands in the body column.
        labels.extend(fields(letter, p));
    }
    if !labels.is_empty() {
        let tab = labels
            .iter()
            .map(|(l, _)| m.text(l, Style::Regular, p.size))
            .collect::<Result<Vec<f32>, String>>()?
            .into_iter()
            .fold(0.0, f32::max)
            + 2.0 * p.size;
        for (label, value) in labels {
            let lines = break_lines(
                words(&value, false, p.size),
                |_| g.body_w() - tab,
                m,
                Breaks::HardHyphens,
            )?;
            page.lines.push(plain(
                g.body_left,
                y + g.pitch * 0.75,
                &label,
                false,
                p.size,
            ));
            for line in lines {
                page.lines
                    .push(set(g.body_left + tab, y + g.pitch * 0.75, line, 0.0));
                y += g.pitch;
            }
        }
        y += g.pitch;
    }
    Ok(y + g.pitch)
}

/// The labelled fields of the reference column as (label, value).
fn fields(letter: &Letter, p: &Params) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if p.date == DatePlace::Column {
        out.push(("Datum".to_string(), letter.date.clone()));
    }
    if p.subject == SubjectPlace::Column {
        out.push((letter.subject_label.clone(), letter.subject.clone()));
    }
    if let Some(r) = &letter.our_reference {
        out.push(("Ons kenmerk".to_string(), r.clone()));
    }
    out.extend(letter.fields.iter().cloned());
    out
}

/// Label/value cells side by side above the body (three to a row); returns the y below.
fn field_band(
    letter: &Letter,
    p: &Params,
    m: &Measure,
    g: &Geometry,
    mut y: f32,
    page: &mut Page,
) -> Result<f32, String> {
    let m = &m.without_spacing();
    let size = p.column.size;
    let cell = g.body_w() / 3.0;
    for row in fields(letter, p).chunks(3) {
        let mut depth: f32 = 0.0;
        for (i, (label, value)) in row.iter().enumerate() {
            let x = g.body_left + i as f32 * cell;
            page.lines
                .push(plain(x, y + g.col_pitch * 0.75, label, true, size));
            // 12 pt apart from the next field, however far a hinted last glyph reaches.
            let lines = break_lines(
                words(value, false, size),
                |_| cell - 12.0 - m.hint_reach(size),
                m,
                Breaks::HardHyphens,
            )?;
            for (j, line) in lines.iter().enumerate() {
                let baseline = y + (j as f32 + 1.75) * g.col_pitch;
                page.lines.push(set(x, baseline, line.clone(), 0.0));
            }
            depth = depth.max((lines.len() + 1) as f32 * g.col_pitch);
        }
        y += depth + g.col_pitch;
    }
    Ok(y + g.pitch)
}

/// The body as a flow of lines and gaps.
struct Flow {
    items: Vec<Item>,
}

struct FlowBuilder<'a> {
    p: &'a Params,
    m: &'a Measure<'a>,
    g: &'a Geometry,
    items: Vec<Item>,
    /// Footnote markers seen, to anchor each note at its line.
    markers: Vec<String>,
    /// What the last block was: a paragraph after a paragraph or a list is indented (when
    /// the layout indents), after a heading or the salutation it is not.
    prev: Prev,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Heading,
    Paragraph,
    List,
}

impl Flow {
    fn new(letter: &Letter, p: &Params, m: &Measure, g: &Geometry) -> Result<Flow, String> {
        let mut b = FlowBuilder {
            p,
            m,
            g,
            items: Vec::new(),
            markers: letter.footnotes.iter().map(|f| f.marker.clone()).collect(),
            prev: Prev::Start,
        };
        b.simple(&letter.salutation, false)?;
        b.gap(g.pitch);
        for section in &letter.sections {
            b.section(section)?;
        }
        if let Some(closing) = &letter.closing {
            b.gap(g.pitch);
            b.simple(closing, false)?;
        }
        b.signatures(letter)?;
        if !letter.appendix.is_empty() {
            b.gap(2.0 * g.pitch);
            for section in &letter.appendix {
                b.section(section)?;
            }
        }
        Ok(Flow { items: b.items })
    }
}

impl FlowBuilder<'_> {
    fn gap(&mut self, h: f32) {
        if h > 0.0 {
            self.items.push(Item::Gap(h));
        }
    }

    fn breaks(&self) -> Breaks {
        match self.p.hyphenate {
            Hyphenate::No => Breaks::HardHyphens,
            Hyphenate::Hyphen => Breaks::Syllables('-'),
            Hyphenate::Soft => Breaks::Syllables('\u{AD}'),
        }
    }

    /// The widest word space a justified line may have: narrower than the gutter (and
    /// the gap to the reference column) by half again, as they are seen: hinted glyphs
    /// may widen a word gap and narrow a gutter by their reach ([`Measure::hint_reach`]).
    fn max_space(&self) -> f32 {
        let reach = self.m.hint_reach(self.p.size);
        let seen = |gap: f32| (gap - reach) / 1.5 - reach;
        let mut max = f32::INFINITY;
        if self.p.columns > 1 {
            max = max.min(seen(self.p.gutter));
        }
        if self.g.side.is_some() {
            max = max.min(seen(self.p.column.gap));
        }
        max
    }

    fn line(&self, segs: Vec<(f32, Vec<Word>, Spread)>, size: f32, keep_next: bool) -> FlowLine {
        let notes = segs
            .iter()
            .flat_map(|(_, ws, _)| ws)
            .filter(|w| w.rise > 0.0)
            .filter_map(|w| self.markers.iter().position(|m| *m == w.text))
            .collect();
        FlowLine {
            segs,
            size,
            pitch: size * self.p.leading,
            notes,
            keep_next,
            underfull: false,
        }
    }

    /// A one-line-or-more text without indent or justification (salutation, closing).
    fn simple(&mut self, text: &str, bold: bool) -> Result<(), String> {
        let size = self.p.size;
        let lines = break_lines(
            words(text, bold, size),
            |_| self.g.col_w,
            self.m,
            Breaks::HardHyphens,
        )?;
        for l in lines {
            let line = self.line(vec![(0.0, l, Spread::PLAIN)], size, false);
            self.items.push(Item::Line(line));
        }
        Ok(())
    }

    fn section(&mut self, section: &Section) -> Result<(), String> {
        if let Some(h) = &section.heading {
            let size = if h.level <= 1 && h.number.is_some() {
                (self.p.size * 1.15 * 2.0).round() / 2.0
            } else {
                self.p.size
            };
            self.gap(
                self.g.pitch
                    * if self.p.paragraphs == ParagraphBreak::Indent {
                        0.8
                    } else {
                        1.0
                    },
            );
            let text = match &h.number {
                Some(n) => format!("{n} {}", h.text),
                None => h.text.clone(),
            };
            let lines = break_lines(
                words(&text, true, size),
                |_| self.g.col_w,
                self.m,
                Breaks::HardHyphens,
            )?;
            for l in lines {
                let line = self.line(vec![(0.0, l, Spread::PLAIN)], size, true);
                self.items.push(Item::Line(line));
            }
            self.gap(self.g.pitch * 0.25);
            self.prev = Prev::Heading;
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(text) => self.paragraph(text)?,
                Block::List { labels, items } => {
                    let labels: Vec<String> = (0..items.len()).map(|i| labels.label(i)).collect();
                    self.list(&labels, items)?;
                }
            }
        }
        Ok(())
    }

    fn paragraph_gap(&self) -> f32 {
        match self.p.paragraphs {
            ParagraphBreak::Space => 0.8 * self.g.pitch,
            ParagraphBreak::Indent => 0.0,
            ParagraphBreak::Both => 0.4 * self.g.pitch,
        }
    }

    fn paragraph(&mut self, text: &str) -> Result<(), String> {
        let size = self.p.size;
        let follows = matches!(self.prev, Prev::Paragraph | Prev::List);
        let indent = match self.p.paragraphs {
            ParagraphBreak::Space => 0.0,
            _ if follows => 1.5 * size,
            _ => 0.0,
        };
        let mut first_words = words(text, false, size);
        if self.p.emphasis {
            emphasise(&mut first_words, self.p.salt);
        }
        if self.p.italic {
            italicise(&mut first_words, self.p.salt);
        }
        if self.prev == Prev::Paragraph {
            if indent == 0.0 {
                self.keep_full_end(first_words.first())?;
            }
            self.gap(self.paragraph_gap());
        }
        let col_w = self.g.col_w;
        // After full stops only in a paragraph set in: its flush next lines show that it
        // goes on (a flush one, after a heading, could as well end there).
        let early = match (self.p.early, indent > 0.0) {
            (false, _) => Early::Never,
            (true, false) => Early::InsideSentences,
            (true, true) => Early::AfterFullStops,
        };
        let lines = break_lines_early(
            first_words,
            |i| if i == 0 { col_w - indent } else { col_w },
            self.m,
            self.breaks(),
            early,
        )?;
        let count = lines.len();
        for (i, l) in lines.into_iter().enumerate() {
            let dx = if i == 0 { indent } else { 0.0 };
            let fill = if i + 1 < count {
                self.justify(&l, col_w - dx)?
            } else {
                Fill::Stretched(Spread::PLAIN)
            };
            let keep = fill.keep_next() && may_end_paragraph(&l);
            let mut line = self.line(vec![(dx, l, fill.spread())], size, keep);
            line.underfull = keep;
            self.items.push(Item::Line(line));
        }
        self.prev = Prev::Paragraph;
        Ok(())
    }

    /// Paragraphs set apart by space only: where the last line of a paragraph is (nearly)
    /// full, a column break right after it would hide the paragraph break from any reader
    /// (no gap, no indent, no room left on the line). Keep such a line with the next
    /// paragraph, as a typesetter's orphan control would, so the break stays visible.
    fn keep_full_end(&mut self, next_first: Option<&Word>) -> Result<(), String> {
        let Some(next) = next_first else {
            return Ok(());
        };
        let next_w = self.m.space(Style::Regular, self.p.size) + self.m.word(next)?;
        let col_w = self.g.col_w;
        let margin = 2.0 * self.p.size;
        let m = self.m;
        if let Some(Item::Line(last)) = self.items.last_mut()
            && let Some((dx, ws, _)) = last.segs.last()
            && dx + m.line(ws)? + next_w > col_w - margin
        {
            last.keep_next = true;
        }
        Ok(())
    }

    /// How a line that is not a paragraph's last is set: the extra width of each space
    /// that makes it fill `width` (0 when ragged), or, when the spaces would grow wider than
    /// the gutter allows, left short: an underfull line, which looks like a paragraph's end.
    fn justify(&self, line: &[Word], width: f32) -> Result<Fill, String> {
        if self.p.justify == Justify::Ragged {
            return Ok(Fill::Stretched(Spread::PLAIN));
        }
        let spaces = stretchable(line);
        if spaces == 0 {
            return Ok(Fill::Stretched(Spread::PLAIN));
        }
        let natural = self.m.line(line)?;
        // Glyphs widened first, as far as the layout allows, then the spaces.
        let scale = match self.p.scaling {
            true => (width / natural).clamp(1.0, MAX_GLYPH_SCALE),
            false => 1.0,
        };
        let extra = (width / scale - natural) / spaces as f32;
        let space = self.m.space(Style::Regular, self.p.size);
        Ok(if extra <= 0.0 {
            Fill::Stretched(Spread { extra: 0.0, scale })
        } else if space + extra <= self.max_space() {
            Fill::Stretched(Spread { extra, scale })
        } else {
            Fill::Underfull
        })
    }

    fn list(&mut self, labels: &[String], items: &[String]) -> Result<(), String> {
        let size = self.p.size;
        let around = match self.p.paragraphs {
            ParagraphBreak::Space => 0.8 * self.g.pitch,
            _ => 0.3 * self.g.pitch,
        };
        self.gap(around);
        let label_w = labels
            .iter()
            .map(|l| self.m.text(l, Style::Regular, size))
            .collect::<Result<Vec<f32>, String>>()?
            .into_iter()
            .fold(0.0, f32::max);
        let text_x = label_w + size;
        let col_w = self.g.col_w;
        for (label, item) in labels.iter().zip(items) {
            let lines = break_lines_early(
                words(item, false, size),
                |_| col_w - text_x,
                self.m,
                self.breaks(),
                if self.p.early {
                    Early::InsideSentences
                } else {
                    Early::Never
                },
            )?;
            let count = lines.len();
            for (i, l) in lines.into_iter().enumerate() {
                let fill = if i + 1 < count {
                    self.justify(&l, col_w - text_x)?
                } else {
                    Fill::Stretched(Spread::PLAIN)
                };
                let mut segs = Vec::new();
                if i == 0 {
                    let label = vec![Word::new(label.clone(), false, size)];
                    segs.push((0.0, label, Spread::PLAIN));
                }
                segs.push((text_x, l, fill.spread()));
                let mut line = self.line(segs, size, fill.keep_next());
                line.underfull = fill.keep_next();
                self.items.push(Item::Line(line));
            }
        }
        self.gap(around);
        self.prev = Prev::List;
        Ok(())
    }

    fn signatures(&mut self, letter: &Letter) -> Result<(), String> {
        let size = self.p.size;
        let pitch = self.g.pitch;
        self.gap(pitch * 0.6);
        let half = self.g.col_w / 2.0;
        // Side by side where both roles fit their half of the column; stacked otherwise.
        let mut side = self.p.side_by_side && self.p.columns == 1 && letter.signatories.len() == 2;
        for s in &letter.signatories {
            side &= self.m.line(&words(&s.role, false, size))? <= half - size;
        }
        if side {
            let roles: Vec<(f32, Vec<Word>, Spread)> = letter
                .signatories
                .iter()
                .enumerate()
                .map(|(i, s)| (i as f32 * half, words(&s.role, false, size), Spread::PLAIN))
                .collect();
            let names: Vec<(f32, Vec<Word>, Spread)> = letter
                .signatories
                .iter()
                .enumerate()
                .map(|(i, s)| (i as f32 * half, words(&s.name, false, size), Spread::PLAIN))
                .collect();
            let role_line = self.line(roles, size, true);
            self.items.push(Item::Line(role_line));
            self.gap(pitch * 2.5);
            let name_line = self.line(names, size, false);
            self.items.push(Item::Line(name_line));
            return Ok(());
        }
        for (i, s) in letter.signatories.iter().enumerate() {
            if i > 0 {
                self.gap(pitch);
            }
            let role = break_lines(
                words(&s.role, false, size),
                |_| self.g.col_w,
                self.m,
                Breaks::HardHyphens,
            )?;
            for l in role {
                let line = self.line(vec![(0.0, l, Spread::PLAIN)], size, true);
                self.items.push(Item::Line(line));
            }
            // Room for the signature.
            self.gap(pitch * 2.5);
            let name = self.line(
                vec![(0.0, words(&s.name, false, size), Spread::PLAIN)],
                size,
                false,
            );
            self.items.push(Item::Line(name));
        }
        Ok(())
    }
}

/// Each footnote's lines, in note type, to the width of a body column.
fn footnote_lines(
    letter: &Letter,
    m: &Measure,
    g: &Geometry,
) -> Result<Vec<Vec<Vec<Word>>>, String> {
    let size = g.note_size;
    letter
        .footnotes
        .iter()
        .map(|f| {
            let mut ws = vec![Word {
                attached: false,
                ..marker_word(&f.marker, size)
            }];
            ws.extend(words(&f.text, false, size));
            break_lines(ws, |_| g.col_w, m, Breaks::HardHyphens)
        })
        .collect()
}

/// Flows the body through the columns and pages; footnotes go to the foot of the column
/// where their marker stands.
fn paginate(
    items: &[Item],
    notes: &[Vec<Vec<Word>>],
    p: &Params,
    g: &Geometry,
    body_top: f32,
    first: Page,
) -> Result<Vec<Page>, String> {
    let mut pager = Pager {
        p,
        g,
        notes,
        pages: vec![first],
        col: 0,
        y: body_top,
        top: body_top,
        pending: Vec::new(),
        last_ends_sentence: false,
    };
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Gap(h) => {
                if pager.y > pager.top {
                    pager.y += h;
                }
            }
            Item::Line(line) => {
                if line.keep_next {
                    // Not a group taller than a whole column: kept from every column's
                    // foot, it would leave one line in each.
                    let (h, notes) = group_height(items.get(i..).unwrap_or_default());
                    let limit = pager.limit(&notes);
                    if pager.y + h > limit && pager.y > pager.top && pager.top + h <= limit {
                        // Kept from a column it would have fitted in, under a finished
                        // sentence: the room left reads as a paragraph's end (orphan
                        // control), which no typesetter leaves inside a paragraph.
                        if line.underfull
                            && pager.last_ends_sentence
                            && pager.leaves_a_later_page()
                            && pager.y + line.pitch <= pager.limit(&line.notes)
                        {
                            return Err("an underfull line kept with the next leaves room \
                                 under a finished sentence"
                                .into());
                        }
                        pager.next_column();
                    }
                }
                pager.place(line);
            }
        }
    }
    pager.flush_notes();
    Ok(pager.pages)
}

/// How a line's words are spread over it: each space widened by `extra`, the glyphs and
/// spaces widened by `scale` (`Tz`, a justifier's glyph scaling).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub extra: f32,
    pub scale: f32,
}

impl Spread {
    /// As the font sets them.
    pub const PLAIN: Spread = Spread {
        extra: 0.0,
        scale: 1.0,
    };
}

/// The most a justifier widens a line's glyphs where the layout scales them (InDesign's
/// glyph scaling, commonly allowed up to 102 or 103 %).
const MAX_GLYPH_SCALE: f32 = 1.03;

/// How a justified line inside a paragraph is filled.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fill {
    /// Spread so (plain: ragged, or already full).
    Stretched(Spread),
    /// Left short: its spaces would have grown wider than the gutter allows.
    Underfull,
}

impl Fill {
    fn spread(self) -> Spread {
        match self {
            Fill::Stretched(spread) => spread,
            Fill::Underfull => Spread::PLAIN,
        }
    }

    /// An underfull line looks like a paragraph's last: a column break right after it
    /// would fake a paragraph break that no reader could tell from a real one, so it is
    /// kept with the next line (the counterpart of `keep_full_end`), when its sentence
    /// ends there ([`may_end_paragraph`]).
    fn keep_next(self) -> bool {
        self == Fill::Underfull
    }
}

/// Whether a line could be read as a paragraph's last: its last word (or the one before a
/// note's marker) ends a sentence. A line that leaves its sentence open runs on, wherever
/// the column breaks (`vinden. De` too).
fn may_end_paragraph(line: &[Word]) -> bool {
    let mut from_end = line.iter().rev();
    let last = match from_end.next() {
        Some(marker) if marker.attached => from_end.next(),
        last => last,
    };
    last.is_some_and(|w| {
        w.text
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?', ':', ';'])
    })
}

/// The height of a line kept with what follows: up to and including the first line that
/// is not kept with the next; and the footnotes anchored in those lines.
fn group_height(items: &[Item]) -> (f32, Vec<usize>) {
    let mut h = 0.0;
    let mut notes = Vec::new();
    for item in items {
        match item {
            Item::Gap(g) => h += g,
            Item::Line(l) => {
                h += l.pitch;
                notes.extend(&l.notes);
                if !l.keep_next {
                    break;
                }
            }
        }
    }
    (h, notes)
}

struct Pager<'a> {
    p: &'a Params,
    g: &'a Geometry,
    notes: &'a [Vec<Vec<Word>>],
    pages: Vec<Page>,
    col: u8,
    y: f32,
    top: f32,
    /// Notes anchored in the current column.
    pending: Vec<usize>,
    /// The line placed last ends with a full stop.
    last_ends_sentence: bool,
}

impl Pager<'_> {
    fn notes_height(&self, notes: &[usize]) -> f32 {
        notes
            .iter()
            .map(|&n| self.notes.get(n).map_or(0, Vec::len) as f32 * self.g.note_pitch)
            .sum()
    }

    /// The lowest a body line may reach with these notes added to the column's.
    fn limit(&self, more: &[usize]) -> f32 {
        let mut all = self.pending.clone();
        all.extend_from_slice(more);
        let h = self.notes_height(&all);
        let sep = if all.is_empty() {
            0.0
        } else {
            self.g.note_pitch * 1.2
        };
        self.g.bottom - h - sep
    }

    fn col_x(&self) -> f32 {
        self.g.body_left + f32::from(self.col) * (self.g.col_w + self.p.gutter)
    }

    fn place(&mut self, line: &FlowLine) {
        if self.y + line.pitch > self.limit(&line.notes) && self.y > self.top {
            self.next_column();
        }
        let baseline = self.y + line.pitch * 0.5 + line.size * 0.35;
        let x = self.col_x();
        let tc = self.p.char_spacing;
        if let Some(page) = self.pages.last_mut() {
            for (dx, ws, spread) in &line.segs {
                page.lines.push(SetLine {
                    x: x + dx,
                    baseline,
                    words: ws.clone(),
                    extra: spread.extra,
                    scale: spread.scale,
                    tc,
                });
            }
        }
        self.pending.extend(&line.notes);
        self.y += line.pitch;
        self.last_ends_sentence = (line.segs.last())
            .and_then(|(_, ws, _)| ws.iter().rev().find(|w| w.rise <= 0.0))
            .is_some_and(|w| w.text.ends_with(['.', '!', '?']));
    }

    /// Sets the column's notes at its foot, under a short rule.
    fn flush_notes(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let x = self.col_x();
        let h = self.notes_height(&self.pending);
        let mut y = self.g.bottom - h;
        let rule_y = y - self.g.note_pitch * 0.6;
        let tc = self.p.char_spacing;
        let pitch = self.g.note_pitch;
        let size = self.g.note_size;
        let mut lines = Vec::new();
        for &n in &self.pending {
            for ws in self.notes.get(n).into_iter().flatten() {
                lines.push(SetLine {
                    x,
                    baseline: y + pitch * 0.5 + size * 0.35,
                    words: ws.clone(),
                    extra: 0.0,
                    scale: 1.0,
                    tc,
                });
                y += pitch;
            }
        }
        if let Some(page) = self.pages.last_mut() {
            page.rules
                .push([x, x + (self.g.col_w * 0.35).min(60.0), rule_y]);
            page.lines.extend(lines);
        }
        self.pending.clear();
    }

    /// The next column is on the next page, and this page is not the first.
    fn leaves_a_later_page(&self) -> bool {
        self.col + 1 >= self.p.columns.max(1) && self.pages.len() > 1
    }

    fn next_column(&mut self) {
        self.flush_notes();
        self.col += 1;
        if self.col >= self.p.columns.max(1) {
            self.col = 0;
            self.pages.push(Page::default());
            self.top = self.g.top;
        }
        self.y = self.top;
    }
}

/// A line of one text in one face.
fn plain(x: f32, baseline: f32, text: &str, bold: bool, size: f32) -> SetLine {
    set(x, baseline, words(text, bold, size), 0.0)
}

fn set(x: f32, baseline: f32, words: Vec<Word>, tc: f32) -> SetLine {
    SetLine {
        x,
        baseline,
        words,
        extra: 0.0,
        scale: 1.0,
        tc,
    }
}

fn page_number(form: PageNumber, n: usize, count: usize) -> Option<String> {
    match form {
        PageNumber::None => None,
        PageNumber::PaginaVan => Some(format!("Pagina {n} van {count}")),
        PageNumber::Dashes => Some(format!("- {n} -")),
        PageNumber::Slash => Some(format!("{n}/{count}")),
        PageNumber::Plain => Some(n.to_string()),
    }
}

/// The reference column, headers and footers of page `index`.
#[allow(clippy::too_many_arguments)]
fn furniture(
    letter: &Letter,
    p: &Params,
    m: &Measure,
    g: &Geometry,
    index: usize,
    count: usize,
    body_top: f32,
    page: &mut Page,
) -> Result<(), String> {
    let m = &m.without_spacing();
    let number = page_number(p.page_number, index + 1, count);
    let running = p.column.running && index > 0;
    let at = match p.page_number_at {
        Edge::InColumn if g.side.is_none() || !(running || index == 0) => Edge::FooterRight,
        e => e,
    };
    if let Some((x, w)) = g.side
        && (index == 0 || running)
    {
        let mut rows: Vec<Option<(String, bool)>> = Vec::new();
        if index == 0 {
            if p.column.long {
                rows.extend(letter.sender.iter().map(|s| Some((s.clone(), true))));
                rows.extend(
                    letter
                        .sender_address
                        .iter()
                        .map(|s| Some((s.clone(), false))),
                );
                rows.push(None);
            }
            for (label, value) in fields(letter, p) {
                rows.push(Some((label, true)));
                rows.push(Some((value, false)));
                rows.push(None);
            }
            if p.column.long {
                let note = "Correspondentie uitsluitend richten aan het retouradres met vermelding van de datum en het kenmerk van deze brief.";
                rows.push(Some((note.to_string(), false)));
                rows.push(None);
            }
        } else {
            rows.extend(letter.sender.iter().map(|s| Some((s.clone(), true))));
            rows.push(None);
            rows.push(Some(("Datum".to_string(), true)));
            rows.push(Some((letter.date.clone(), false)));
            rows.push(None);
            if let Some(r) = &letter.our_reference {
                rows.push(Some(("Ons kenmerk".to_string(), true)));
                rows.push(Some((r.clone(), false)));
                rows.push(None);
            }
        }
        if at == Edge::InColumn
            && let Some(n) = &number
        {
            rows.push(Some((n.clone(), false)));
        }
        let start = if index == 0 {
            if p.column.long { 135.0 } else { body_top }
        } else {
            g.top
        };
        let size = p.column.size;
        let mut y = start;
        for row in rows {
            match row {
                None => y += g.col_pitch,
                Some((text, bold)) => {
                    for l in break_lines(words(&text, bold, size), |_| w, m, Breaks::HardHyphens)? {
                        page.lines.push(set(x, y + g.col_pitch * 0.75, l, 0.0));
                        y += g.col_pitch;
                    }
                }
            }
        }
    }
    let right = PAGE_W - MARGIN;
    if p.running_title && index > 0 {
        page.lines
            .push(plain(g.body_left, 40.0, &letter.subject, false, SMALL));
    }
    if let Some(n) = number {
        let w = m.text(&n, Style::Regular, SMALL)? - m.tc * n.chars().count() as f32;
        let spot = match at {
            Edge::HeaderRight if index > 0 => Some((right - w, 40.0)),
            Edge::FooterCentre => Some((PAGE_W / 2.0 - w / 2.0, PAGE_H - 32.0)),
            Edge::FooterRight => Some((right - w, PAGE_H - 32.0)),
            _ => None,
        };
        if let Some((x, y)) = spot {
            page.lines.push(plain(x, y, &n, false, SMALL));
        }
    }
    Ok(())
}
