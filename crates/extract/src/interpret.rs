//! The content-stream interpreter (PDF 32000-1 §8.4, §9.3, §9.4): graphics and text state,
//! Form XObjects and marked content, producing positioned glyphs in display space.

use std::collections::HashMap;
use std::rc::Rc;

use kamerbrief_model::{Diagnostic, DiagnosticKind};
use lopdf::{Dictionary, Object, ObjectId};

use crate::Limits;
use crate::budget::{DecodeError, Source};
use crate::content::{Lexer, Operand};
use crate::font::Font;
use crate::geometry::{Dir, Matrix};
use crate::objects::{self, get_dict};
use crate::paths::{Path, Rule};

/// The last `N` numeric operands (extra leading operands are tolerated, as readers do).
fn last_numbers<const N: usize>(operands: &[Operand<'_>]) -> Option<[f32; N]> {
    // Filled from the end, without a list of all the numbers (asked for every operator).
    let mut values = [0.0; N];
    let mut numbers = operands.iter().rev().filter_map(Operand::number);
    for slot in values.iter_mut().rev() {
        *slot = numbers.next()?;
    }
    Some(values)
}

/// One shown glyph. Coordinates are in the *frame* of its direction: display space rotated
/// so that the text runs left to right (for [`Dir::Right`], display space itself).
#[derive(Clone, Debug)]
pub struct Glyph {
    /// Byte range of the glyph's text in [`PageText::text`].
    pub start: u32,
    pub len: u32,
    pub x0: f32,
    pub x1: f32,
    /// Where the next glyph would start without explicit positioning (advance with `Tc`/`Tw`).
    pub advance_end: f32,
    pub baseline: f32,
    pub top: f32,
    pub bottom: f32,
    pub size: f32,
    pub font: u16,
    pub dir: Dir,
    pub unmapped: bool,
    /// The font's subset, as an index into [`PageText::subsets`] (0: no subset tag).
    pub subset: u16,
    /// The character code shown (for an unmapped glyph, all that tells it from others).
    pub code: u32,
    /// The text-showing operator (`Tj`, `TJ`, `'`, `"`) that showed it, counted on the page:
    /// glyphs of one run are placed by their advances and `TJ` numbers only.
    pub run: u32,
}

/// Font facts the layout needs per glyph, shared by index.
#[derive(Clone, Debug)]
pub struct FontInfo {
    pub name: String,
    pub bold: bool,
    pub italic: bool,
    /// Ascent and descent of the first font of this name on the page, in ems.
    pub metrics: (f32, f32),
    /// Another font of this name claims other ones (two subsets of one font, as a rewrite
    /// writes them, each with its own descriptor).
    pub other_metrics: bool,
}

/// Glyphs reserved for a page before its content is run (it may hold more).
const MAX_RESERVED_GLYPHS: usize = 1 << 16;

/// Rules kept per page, at most.
const MAX_RULES_PER_PAGE: usize = 20_000;

/// Everything shown on one page.
#[derive(Debug, Default)]
pub struct PageText {
    pub text: String,
    pub glyphs: Vec<Glyph>,
    /// Horizontal rules drawn (underlines, the rule above footnotes, table borders).
    pub rules: Vec<Rule>,
    pub fonts: Vec<FontInfo>,
    /// The subset tags of the fonts shown, from index 1 on ([`Glyph::subset`]).
    pub subsets: Vec<Box<str>>,
    pub unmapped: u32,
    pub diagnostics: Vec<Diagnostic>,
}

impl PageText {
    /// The subset tag (`ABCDEF`) of index `subset` ([`Glyph::subset`]), empty for none.
    pub fn subset_of(&self, subset: u16) -> &str {
        usize::from(subset)
            .checked_sub(1)
            .and_then(|i| self.subsets.get(i))
            .map_or("", |tag| tag)
    }

    pub fn glyph_text(&self, g: &Glyph) -> &str {
        self.text
            .get(g.start as usize..(g.start + g.len) as usize)
            .unwrap_or("")
    }
}

/// Fonts loaded once per document, by object id.
#[derive(Default)]
pub struct FontCache {
    fonts: HashMap<ObjectId, Rc<Font>>,
    /// Font dictionaries written directly in resources, by their address (stable: the
    /// document does not change while it is read).
    inline: HashMap<usize, Rc<Font>>,
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` / 100.
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
    /// `w`, in user space.
    line_width: f32,
}

impl GraphicsState {
    fn new(ctm: Matrix) -> GraphicsState {
        GraphicsState {
            ctm,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            line_width: 1.0,
        }
    }
}

/// A marked-content sequence (`BMC`/`BDC` … `EMC`), with its `/ActualText` if it has one.
struct Marked {
    actual_text: Option<String>,
    first_glyph: usize,
}

/// Fonts kept by resource name per page ([`Interpreter::font`]).
const NAMED_FONTS_KEPT: usize = 16;

pub struct Interpreter<'a> {
    doc: &'a Source<'a>,
    limits: &'a Limits,
    fonts: &'a mut FontCache,
    page_number: u32,
    gs: GraphicsState,
    stack: Vec<GraphicsState>,
    text_matrix: Matrix,
    line_matrix: Matrix,
    resources: Vec<&'a Dictionary>,
    forms_in_progress: Vec<ObjectId>,
    marked: Vec<Marked>,
    operators: u64,
    /// Decompressed bytes of content streams so far, against `limits.max_document_bytes`.
    out: PageText,
    /// Font problems already reported on this page, by font name.
    reported_fonts: Vec<String>,
    skipped_operators: u32,
    limit_reported: bool,
    /// Text-showing operators so far (see [`Glyph::run`]).
    runs: u32,
    /// The path under construction (only its horizontal rules are kept).
    path: Path,
    /// The glyphs of the string being shown, reused from string to string.
    shown: Vec<Glyph>,
    /// The font last shown with its indices ([`FontInfo`], subset): most strings show in
    /// the font of the one before.
    last_font: Option<(Rc<Font>, u16, u16)>,
    /// Fonts by their resource name under the resources in force (cleared when they
    /// change): a page sets its few fonts again and again.
    named_fonts: Vec<(Vec<u8>, Rc<Font>)>,
}

impl<'a> Interpreter<'a> {
    pub fn new(
        doc: &'a Source<'a>,
        limits: &'a Limits,
        fonts: &'a mut FontCache,
        page_number: u32,
        page_matrix: Matrix,
    ) -> Interpreter<'a> {
        Interpreter {
            doc,
            limits,
            fonts,
            page_number,
            gs: GraphicsState::new(page_matrix),
            stack: Vec::new(),
            text_matrix: Matrix::IDENTITY,
            line_matrix: Matrix::IDENTITY,
            resources: Vec::new(),
            forms_in_progress: Vec::new(),
            marked: Vec::new(),
            operators: 0,
            out: PageText::default(),
            reported_fonts: Vec::new(),
            skipped_operators: 0,
            limit_reported: false,
            runs: 0,
            path: Path::default(),
            shown: Vec::new(),
            last_font: None,
            named_fonts: Vec::new(),
        }
    }

    /// Runs a page's content streams with its resources and returns what was shown.
    pub fn run_page(mut self, content: &[u8], resources: Option<&'a Dictionary>) -> PageText {
        if let Some(r) = resources {
            self.resources.push(r);
        }
        // Room for the glyphs a page of text shows, so the list is not copied as it grows: a
        // glyph takes a few bytes of content, as few as three in a compact `TJ` of hex
        // strings (more with positioning; room not written to costs no memory).
        let expected = (content.len() / 3)
            .min(MAX_RESERVED_GLYPHS)
            .min(self.limits.max_glyphs_per_page);
        self.out.glyphs.reserve(expected);
        self.out.text.reserve(expected);
        self.run(content);
        if self.skipped_operators > 0 {
            self.diagnose(
                DiagnosticKind::SkippedOperator,
                format!(
                    "{} malformed operators or operands skipped",
                    self.skipped_operators
                ),
            );
        }
        if self.out.unmapped > 0 {
            self.diagnose(
                DiagnosticKind::UnmappedGlyphs,
                format!("{} glyphs without a Unicode mapping", self.out.unmapped),
            );
        }
        self.out
    }

    /// A problem found outside the interpreter (the page's content streams), on this page.
    pub fn note(&mut self, kind: DiagnosticKind, message: String) {
        self.diagnose(kind, message);
    }

    fn diagnose(&mut self, kind: DiagnosticKind, message: String) {
        self.out
            .diagnostics
            .push(Diagnostic::new(kind, Some(self.page_number), message));
    }

    fn limit(&mut self, message: String) {
        if !self.limit_reported {
            self.limit_reported = true;
            self.diagnose(DiagnosticKind::LimitReached, message);
        }
    }

    fn run(&mut self, content: &[u8]) {
        let mut lexer = Lexer::new(content);
        let mut operands = Vec::new();
        while let Some(op) = lexer.next_operation(&mut operands) {
            self.operators += 1;
            if self.operators > self.limits.max_operators_per_page {
                let max = self.limits.max_operators_per_page;
                self.limit(format!(
                    "more than {max} operators on the page; the rest is skipped"
                ));
                return;
            }
            if !self.operate(op, &operands) {
                self.skipped_operators += 1;
            }
        }
        self.skipped_operators += lexer.malformed;
    }

    /// Carries out one operator; `false` when its operands were unusable.
    fn operate(&mut self, op: &[u8], operands: &[Operand<'_>]) -> bool {
        if matches!(op, b"Tj" | b"TJ" | b"'" | b"\"") {
            self.runs = self.runs.wrapping_add(1);
        }
        match op {
            b"q" => {
                if self.stack.len() < self.limits.max_nesting {
                    self.stack.push(self.gs.clone());
                } else {
                    self.limit("graphics state nesting too deep".to_string());
                }
            }
            b"Q" => {
                if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            b"cm" => match last_numbers::<6>(operands).and_then(|v| Matrix::from_slice(&v)) {
                Some(m) => self.gs.ctm = m.then(&self.gs.ctm),
                None => return false,
            },
            b"BT" => {
                self.text_matrix = Matrix::IDENTITY;
                self.line_matrix = Matrix::IDENTITY;
            }
            b"ET" => {}
            b"Tf" => {
                let (Some(Operand::Name(name)), Some(size)) =
                    (operands.first(), operands.get(1).and_then(Operand::number))
                else {
                    return false;
                };
                self.gs.font = Some(self.font(name));
                self.gs.font_size = size;
            }
            b"Tc" => match last_numbers::<1>(operands) {
                Some([v]) => self.gs.char_spacing = v,
                None => return false,
            },
            b"Tw" => match last_numbers::<1>(operands) {
                Some([v]) => self.gs.word_spacing = v,
                None => return false,
            },
            b"Tz" => match last_numbers::<1>(operands) {
                Some([v]) => self.gs.horizontal_scale = v / 100.0,
                None => return false,
            },
            b"TL" => match last_numbers::<1>(operands) {
                Some([v]) => self.gs.leading = v,
                None => return false,
            },
            b"Ts" => match last_numbers::<1>(operands) {
                Some([v]) => self.gs.rise = v,
                None => return false,
            },
            b"Td" => match last_numbers::<2>(operands) {
                Some([x, y]) => self.move_line(x, y),
                None => return false,
            },
            b"TD" => match last_numbers::<2>(operands) {
                Some([x, y]) => {
                    self.gs.leading = -y;
                    self.move_line(x, y);
                }
                None => return false,
            },
            b"Tm" => match last_numbers::<6>(operands).and_then(|v| Matrix::from_slice(&v)) {
                Some(m) => {
                    self.text_matrix = m;
                    self.line_matrix = m;
                }
                None => return false,
            },
            b"T*" => self.next_line(),
            b"Tj" => match operands.last() {
                Some(Operand::Str(s)) => self.show(s),
                _ => return false,
            },
            b"'" => {
                self.next_line();
                match operands.last() {
                    Some(Operand::Str(s)) => self.show(s),
                    _ => return false,
                }
            }
            b"\"" => {
                let (Some(aw), Some(ac), Some(Operand::Str(s))) = (
                    operands.first().and_then(Operand::number),
                    operands.get(1).and_then(Operand::number),
                    operands.get(2),
                ) else {
                    return false;
                };
                self.gs.word_spacing = aw;
                self.gs.char_spacing = ac;
                self.next_line();
                self.show(s);
            }
            b"TJ" => match operands.last() {
                Some(Operand::Array(items)) => {
                    for item in items {
                        match item {
                            Operand::Str(s) => self.show(s),
                            Operand::Number(n) => self.adjust(*n),
                            _ => {}
                        }
                    }
                }
                _ => return false,
            },
            b"w" => match last_numbers::<1>(operands) {
                Some([v]) => self.gs.line_width = v,
                None => return false,
            },
            b"m" | b"l" | b"c" | b"v" | b"y" | b"re" | b"h" => return self.construct(op, operands),
            b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" | b"n" => {
                self.paint(op)
            }
            b"Do" => match operands.last() {
                Some(Operand::Name(name)) => self.draw_xobject(name),
                _ => return false,
            },
            b"BMC" => self.marked.push(Marked {
                actual_text: None,
                first_glyph: self.out.glyphs.len(),
            }),
            b"BDC" => {
                let actual_text = self.actual_text(operands.get(1));
                self.marked.push(Marked {
                    actual_text,
                    first_glyph: self.out.glyphs.len(),
                });
            }
            b"EMC" => {
                if let Some(marked) = self.marked.pop()
                    && let Some(text) = marked.actual_text
                {
                    self.replace_with_actual_text(marked.first_glyph, &text);
                }
            }
            _ => {}
        }
        true
    }

    /// A path construction operator; `false` when its operands were unusable.
    fn construct(&mut self, op: &[u8], operands: &[Operand<'_>]) -> bool {
        let ctm = self.gs.ctm;
        match op {
            b"m" | b"l" => match last_numbers::<2>(operands) {
                Some([x, y]) if op == b"m" => self.path.move_to(&ctm, x, y),
                Some([x, y]) => self.path.line_to(&ctm, x, y),
                None => return false,
            },
            b"c" => match last_numbers::<6>(operands) {
                Some([.., x, y]) => self.path.curve_to(&ctm, x, y),
                None => return false,
            },
            b"v" | b"y" => match last_numbers::<4>(operands) {
                Some([.., x, y]) => self.path.curve_to(&ctm, x, y),
                None => return false,
            },
            b"re" => match last_numbers::<4>(operands) {
                Some([x, y, w, h]) => self.path.rect(&ctm, x, y, w, h),
                None => return false,
            },
            _ => self.path.close(),
        }
        true
    }

    /// A path painting operator: the path's horizontal rules join the page's.
    fn paint(&mut self, op: &[u8]) {
        if matches!(op, b"s" | b"b" | b"b*") {
            self.path.close();
        }
        let stroke = matches!(op, b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*");
        let fill = matches!(op, b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*");
        // The line width in display space: the CTM's scale.
        let (vx, vy) = self.gs.ctm.apply_vector(0.0, self.gs.line_width);
        let width = stroke.then(|| vx.hypot(vy));
        let rules = self.path.paint(width, fill);
        let room = MAX_RULES_PER_PAGE.saturating_sub(self.out.rules.len());
        self.out.rules.extend(rules.into_iter().take(room));
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.line_matrix = Matrix::translate(tx, ty).then(&self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    fn next_line(&mut self) {
        self.move_line(0.0, -self.gs.leading);
    }

    /// A `TJ` number: moves the text position left by n/1000 of the font size.
    fn adjust(&mut self, n: f32) {
        let tx = -n / 1000.0 * self.gs.font_size * self.gs.horizontal_scale;
        self.text_matrix = Matrix::translate(tx, 0.0).then(&self.text_matrix);
    }

    fn font(&mut self, name: &[u8]) -> Rc<Font> {
        if let Some((_, font)) = self.named_fonts.iter().find(|(n, _)| n == name) {
            return font.clone();
        }
        let font = self.load_font(name);
        // (A few: a stream naming thousands of fonts is not searched through on each `Tf`.)
        if self.named_fonts.len() < NAMED_FONTS_KEPT {
            self.named_fonts.push((name.to_vec(), font.clone()));
        }
        font
    }

    fn load_font(&mut self, name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let found = self.resources.iter().rev().find_map(|r| {
            let fonts = get_dict(doc, r, b"Font")?;
            let object = fonts.get(name).ok()?;
            Some((
                objects::reference_id(object),
                objects::as_dict(doc, object)?,
            ))
        });
        let font = match found {
            Some((Some(id), dict)) => self
                .fonts
                .fonts
                .entry(id)
                .or_insert_with(|| Rc::new(Font::load(doc, dict)))
                .clone(),
            Some((None, dict)) => self
                .fonts
                .inline
                .entry(std::ptr::from_ref(dict) as usize)
                .or_insert_with(|| Rc::new(Font::load(doc, dict)))
                .clone(),
            None => Rc::new(Font::missing(&String::from_utf8_lossy(name))),
        };
        if !font.problems.is_empty() && !self.reported_fonts.contains(&font.name) {
            self.reported_fonts.push(font.name.clone());
            let message = format!("font {}: {}", font.name, font.problems.join("; "));
            self.diagnose(DiagnosticKind::BrokenFont, message);
        }
        font
    }

    fn font_index(&mut self, font: &Font) -> u16 {
        let metrics = (font.ascent, font.descent);
        if let Some(i) = self
            .out
            .fonts
            .iter()
            .position(|f| f.name == font.name && f.bold == font.bold && f.italic == font.italic)
        {
            if let Some(known) = self.out.fonts.get_mut(i) {
                known.other_metrics |= known.metrics != metrics;
            }
            return i as u16;
        }
        self.out.fonts.push(FontInfo {
            name: font.name.clone(),
            bold: font.bold,
            italic: font.italic,
            metrics,
            other_metrics: false,
        });
        (self.out.fonts.len() - 1).min(usize::from(u16::MAX)) as u16
    }

    /// The index of a subset tag in [`PageText::subsets`], from 1 (0: none).
    fn subset_index(&mut self, tag: &str) -> u16 {
        if tag.is_empty() {
            return 0;
        }
        let subsets = &mut self.out.subsets;
        let at = match subsets.iter().position(|t| &**t == tag) {
            Some(at) => at,
            None => {
                subsets.push(tag.into());
                subsets.len() - 1
            }
        };
        (at + 1).min(usize::from(u16::MAX)) as u16
    }

    /// Shows a string: one glyph per character code, advancing the text matrix.
    fn show(&mut self, bytes: &[u8]) {
        let font = match &self.gs.font {
            Some(f) => f.clone(),
            None => {
                self.skipped_operators += 1;
                return;
            }
        };
        let (font_index, subset) = match &self.last_font {
            Some((last, index, subset)) if Rc::ptr_eq(last, &font) => (*index, *subset),
            _ => {
                let indices = (self.font_index(&font), self.subset_index(&font.subset));
                self.last_font = Some((font.clone(), indices.0, indices.1));
                indices
            }
        };
        let gs = &self.gs;
        let size = gs.font_size;
        let scale = gs.horizontal_scale;
        // Text space → display space, without the per-glyph translation.
        let base = self.text_matrix.then(&gs.ctm);
        let (ux, uy) = base.apply_vector(0.0, size);
        let em = (ux.hypot(uy) * font.size_scale).max(0.0);
        let (bx, by) = base.apply_vector(1.0, 0.0);
        let dir = Dir::of_vector(bx, by);
        let mut tx = 0.0f32;
        let (char_spacing, word_spacing, rise) = (gs.char_spacing, gs.word_spacing, gs.rise);
        let mut new_glyphs = std::mem::take(&mut self.shown);
        new_glyphs.clear();
        let mut unmapped = 0;
        let run = self.runs;
        let text = &mut self.out.text;
        font.decode(self.doc, bytes, |ch| {
            let advance = ch.width * size;
            let spacing = char_spacing + if ch.is_space_code { word_spacing } else { 0.0 };
            let origin = dir.to_frame(base.apply(tx, rise));
            let end = dir.to_frame(base.apply(tx + advance * scale, rise));
            let advance_end = dir.to_frame(base.apply(tx + (advance + spacing) * scale, rise));
            let start = text.len() as u32;
            match ch.text {
                // One byte, most glyphs: pushed without copying a slice of unknown length.
                Some(t) if let &[b] = t.as_bytes() => text.push(char::from(b)),
                Some(t) => text.push_str(t),
                None => {
                    text.push('\u{FFFD}');
                    unmapped += 1;
                }
            }
            new_glyphs.push(Glyph {
                start,
                len: text.len() as u32 - start,
                x0: origin.0.min(end.0),
                x1: origin.0.max(end.0),
                advance_end: advance_end.0,
                baseline: origin.1,
                top: origin.1 - font.ascent * em,
                bottom: origin.1 - font.descent * em,
                size: em,
                font: font_index,
                dir,
                unmapped: ch.text.is_none(),
                subset,
                code: ch.code,
                run,
            });
            tx += (advance + spacing) * scale;
        });
        self.out.unmapped += unmapped;
        let room = self
            .limits
            .max_glyphs_per_page
            .saturating_sub(self.out.glyphs.len());
        if new_glyphs.len() > room {
            new_glyphs.truncate(room);
            self.limit(format!(
                "more than {} glyphs on the page; the rest is skipped",
                self.limits.max_glyphs_per_page
            ));
        }
        new_glyphs.retain(|g| g.x0.is_finite() && g.baseline.is_finite() && g.top.is_finite());
        self.out.glyphs.extend_from_slice(&new_glyphs);
        self.shown = new_glyphs;
        self.text_matrix = Matrix::translate(tx, 0.0).then(&self.text_matrix);
    }

    fn draw_xobject(&mut self, name: &[u8]) {
        let doc = self.doc;
        let Some(object) = self
            .resources
            .iter()
            .rev()
            .find_map(|r| get_dict(doc, r, b"XObject")?.get(name).ok())
        else {
            return;
        };
        let id = objects::reference_id(object);
        let Some(Object::Stream(stream)) = objects::resolve(doc, object) else {
            return;
        };
        if objects::get_name(doc, &stream.dict, b"Subtype") != Some(b"Form") {
            return;
        }
        if let Some(id) = id
            && self.forms_in_progress.contains(&id)
        {
            self.diagnose(
                DiagnosticKind::LimitReached,
                format!("form {} {} draws itself; not followed", id.0, id.1),
            );
            return;
        }
        if self.forms_in_progress.len() >= self.limits.max_nesting {
            self.limit("forms nested too deeply".to_string());
            return;
        }
        let Some(content) = self.decompress(stream) else {
            return;
        };
        let matrix = objects::get_array(doc, &stream.dict, b"Matrix")
            .and_then(|a| objects::numbers(doc, a))
            .and_then(|v| Matrix::from_slice(&v))
            .unwrap_or(Matrix::IDENTITY);
        let resources = objects::get_dict(doc, &stream.dict, b"Resources");
        let saved = (
            self.gs.clone(),
            self.stack.len(),
            self.text_matrix,
            self.line_matrix,
        );
        self.gs.ctm = matrix.then(&self.gs.ctm);
        if let Some(r) = resources {
            self.resources.push(r);
            self.named_fonts.clear();
        }
        self.forms_in_progress.push(id.unwrap_or((0, 0)));
        self.run(&content);
        self.forms_in_progress.pop();
        if resources.is_some() {
            self.resources.pop();
            self.named_fonts.clear();
        }
        self.gs = saved.0;
        self.stack.truncate(saved.1);
        self.text_matrix = saved.2;
        self.line_matrix = saved.3;
    }

    /// A stream's decoded bytes within the limits, or `None` with a diagnostic.
    pub fn decompress(&mut self, stream: &lopdf::Stream) -> Option<Vec<u8>> {
        match self.doc.decode_checked(stream) {
            Ok((data, true)) => Some(data),
            Ok((data, false)) => {
                let message = format!(
                    "a content stream's compressed data is cut short or corrupt; {} bytes recovered",
                    data.len()
                );
                self.diagnose(DiagnosticKind::BrokenObject, message);
                Some(data)
            }
            Err(DecodeError::Limit(max)) => {
                self.limit(format!(
                    "a content stream decompresses past {max} bytes; skipped"
                ));
                None
            }
            Err(DecodeError::Broken(e)) => {
                self.diagnose(
                    DiagnosticKind::BrokenObject,
                    format!("content stream unreadable: {e}"),
                );
                None
            }
        }
    }

    fn actual_text(&self, properties: Option<&Operand<'_>>) -> Option<String> {
        match properties? {
            Operand::Dict(entries) => {
                entries
                    .iter()
                    .find(|(k, _)| *k == b"ActualText")
                    .and_then(|(_, v)| match v {
                        Operand::Str(s) => Some(objects::text_string(s)),
                        _ => None,
                    })
            }
            Operand::Name(name) => {
                let doc = self.doc;
                let dict = self.resources.iter().rev().find_map(|r| {
                    objects::as_dict(doc, get_dict(doc, r, b"Properties")?.get(name).ok()?)
                })?;
                match objects::get(doc, dict, b"ActualText")? {
                    Object::String(s, _) => Some(objects::text_string(s)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Replaces the glyphs shown since `first` by one glyph carrying `text`, over their box.
    /// An empty text over glyphs that have none of their own tells nothing (cairo writes one
    /// for each glyph it could not map): they stay, unmapped, for what reads their codes.
    fn replace_with_actual_text(&mut self, first: usize, text: &str) {
        let Some(shown) = self.out.glyphs.get(first..) else {
            return;
        };
        if text.is_empty() && shown.iter().all(|g| g.unmapped) {
            return;
        }
        let Some(head) = shown.first().cloned() else {
            return;
        };
        let same_line: Vec<&Glyph> = shown
            .iter()
            .filter(|g| {
                g.dir == head.dir && (g.baseline - head.baseline).abs() < head.size.max(1.0)
            })
            .collect();
        let mut merged = head.clone();
        for g in &same_line {
            merged.x0 = merged.x0.min(g.x0);
            merged.x1 = merged.x1.max(g.x1);
            merged.advance_end = merged.advance_end.max(g.advance_end);
            merged.top = merged.top.min(g.top);
            merged.bottom = merged.bottom.max(g.bottom);
        }
        let unmapped_replaced = shown.iter().filter(|g| g.unmapped).count() as u32;
        self.out.unmapped -= unmapped_replaced.min(self.out.unmapped);
        self.out.glyphs.truncate(first);
        merged.start = self.out.text.len() as u32;
        self.out.text.push_str(text);
        merged.len = text.len() as u32;
        merged.unmapped = false;
        self.out.glyphs.push(merged);
    }
}

#[cfg(test)]
mod tests {
    use super::last_numbers;
    use crate::content::Operand;

    #[test]
    fn last_numbers_are_the_last_numeric_operands_in_order() {
        let n = Operand::Number;
        let operands = [
            n(1.0),
            Operand::Name(b"F1"),
            n(2.0),
            n(3.0),
            Operand::Other,
            n(4.0),
        ];
        assert_eq!(last_numbers::<3>(&operands), Some([2.0, 3.0, 4.0]));
        assert_eq!(last_numbers::<4>(&operands), Some([1.0, 2.0, 3.0, 4.0]));
        assert_eq!(last_numbers::<5>(&operands), None);
        assert_eq!(last_numbers::<0>(&operands), Some([]));
        assert_eq!(last_numbers::<1>(&[]), None);
    }
}
