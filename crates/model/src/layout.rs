//! The positioned text of a document: what `extract` produces and `parse` reads.
//!
//! Coordinates are PDF points (1/72 inch) with the origin at the **top-left** of the page as
//! it is displayed (after `/Rotate`), `y` growing downwards, like a reader's eye moves.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Diagnostic;

/// An axis-aligned box in points, top-left origin. Serialised as `[x0, y0, x1, y1]`,
/// rounded to 0.01 pt so that a tiny float change does not churn snapshots.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(into = "[f32; 4]", from = "[f32; 4]")]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    /// The smallest box holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The union of all boxes, or `None` for none.
    pub fn union_all<'a>(rects: impl IntoIterator<Item = &'a Rect>) -> Option<Rect> {
        rects
            .into_iter()
            .fold(None, |acc, r| Some(acc.map_or(*r, |a: Rect| a.union(r))))
    }

    /// Overlap of the vertical extents, in points (0 when disjoint).
    pub fn vertical_overlap(&self, other: &Rect) -> f32 {
        (self.y1.min(other.y1) - self.y0.max(other.y0)).max(0.0)
    }

    /// Overlap of the horizontal extents, in points (0 when disjoint).
    pub fn horizontal_overlap(&self, other: &Rect) -> f32 {
        (self.x1.min(other.x1) - self.x0.max(other.x0)).max(0.0)
    }
}

fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

impl From<Rect> for [f32; 4] {
    fn from(r: Rect) -> [f32; 4] {
        [round2(r.x0), round2(r.y0), round2(r.x1), round2(r.y1)]
    }
}

impl From<[f32; 4]> for Rect {
    fn from([x0, y0, x1, y1]: [f32; 4]) -> Rect {
        Rect { x0, y0, x1, y1 }
    }
}

/// The positioned text of a whole document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Layout {
    pub pages: Vec<Page>,
    /// Problems that concern the document as a whole (repaired cross-reference table, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// Geometry given to lines that arrive without positions (see [`Layout::from_text`]).
pub mod text_geometry {
    /// Font size assumed for every line.
    pub const SIZE: f32 = 10.0;
    /// Distance between baselines; a blank line adds one more.
    pub const PITCH: f32 = 12.0;
    /// Width of one character: text is treated as if set in a fixed-pitch font.
    pub const CHAR_WIDTH: f32 = 5.0;
    pub const LEFT: f32 = 72.0;
    pub const TOP: f32 = 72.0;
}

impl Layout {
    /// Every word of every line of every page, in order.
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.words)
    }

    /// A layout from plain text lines without positions or fonts: what `pdftotext`, an OCR
    /// engine or another extractor gives. Blank lines keep their vertical space, so paragraph
    /// breaks stay visible to the parser. Each line gets a box as if set in a fixed-pitch
    /// font ([`text_geometry`]) and an empty font name, which tells the parser that
    /// typography (bold, sizes) is unknown. Every line is `Body`.
    ///
    /// Pages: form feeds (`\f`) separate them, as `pdftotext` writes them. Text without form
    /// feeds whose unindented lines are interrupted, rarely, by a line starting with exactly
    /// one space is read as another extractor's page-start mark: each such line opens a page
    /// (a diagnostic says so). Page breaks matter: across one, a paragraph break leaves no
    /// blank line.
    pub fn from_text(text: &str) -> Layout {
        let mut diagnostics = Vec::new();
        let pages_text: Vec<String> = if text.contains('\u{c}') {
            text.split('\u{c}').map(str::to_string).collect()
        } else if let Some(pages) = split_at_page_marks(text) {
            diagnostics.push(crate::Diagnostic::new(
                crate::DiagnosticKind::Uncertain,
                None,
                format!(
                    "no form feeds; {} page starts read from lines that begin with one space",
                    pages.len() - 1
                ),
            ));
            pages
        } else {
            vec![text.to_string()]
        };
        let mut pages = Vec::new();
        for (index, page_text) in pages_text.iter().enumerate() {
            let lines = text_lines(page_text);
            if index > 0 && lines.is_empty() && page_text.trim().is_empty() {
                continue;
            }
            pages.push(Page {
                number: pages.len() as u32 + 1,
                width: 595.0,
                height: 842.0,
                lines,
                ..Page::default()
            });
        }
        Layout { pages, diagnostics }
    }
}

/// Lines of one page of text, placed as [`text_geometry`] says.
fn text_lines(page_text: &str) -> Vec<Line> {
    use text_geometry::{CHAR_WIDTH, LEFT, PITCH, SIZE, TOP};
    let mut lines = Vec::new();
    let mut y = TOP;
    for raw in page_text.lines() {
        let baseline = y + SIZE;
        y += PITCH;
        let mut x = LEFT;
        let mut words = Vec::new();
        for (offset, word) in split_with_offsets(raw) {
            let start = LEFT + offset as f32 * CHAR_WIDTH;
            x = start + word.chars().count() as f32 * CHAR_WIDTH;
            words.push(Word {
                text: word.to_string(),
                bbox: Rect::new(start, baseline - 0.8 * SIZE, x, baseline + 0.2 * SIZE),
                size: SIZE,
                ..Word::default()
            });
        }
        let Some(x0) = words.first().map(|w| w.bbox.x0) else {
            continue;
        };
        lines.push(Line {
            bbox: Rect::new(x0, baseline - 0.8 * SIZE, x, baseline + 0.2 * SIZE),
            baseline,
            role: Role::Body,
            words,
        });
    }
    lines
}

/// Pages marked by a single leading space on their first line, when that is the only
/// indentation in the text and marks at most one line in ten. `None` otherwise.
fn split_at_page_marks(text: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let content = lines.iter().filter(|l| !l.trim().is_empty()).count();
    let marked = |l: &str| l.starts_with(' ') && !l.starts_with("  ") && !l.trim().is_empty();
    let marks = lines.iter().filter(|l| marked(l)).count();
    let other_indent = lines
        .iter()
        .any(|l| l.starts_with("  ") || l.starts_with('\t'));
    if marks < 2 || other_indent || marks * 10 > content {
        return None;
    }
    let mut pages: Vec<String> = vec![String::new()];
    for (i, line) in lines.iter().enumerate() {
        if i > 0
            && marked(line)
            && let Some(page) = pages.last()
            && !page.trim().is_empty()
        {
            pages.push(String::new());
        }
        if let Some(page) = pages.last_mut() {
            page.push_str(line);
            page.push('\n');
        }
    }
    Some(pages)
}

/// Whitespace-separated words with their character offsets. Leading spaces are ignored:
/// they are an artefact of many extractors, not indentation we can trust.
fn split_with_offsets(line: &str) -> Vec<(usize, &str)> {
    let trimmed = line.trim_start();
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (chars, (byte, c)) in trimmed.char_indices().enumerate() {
        match (c.is_whitespace(), start) {
            (true, Some((s, cs))) => {
                out.push((cs, trimmed.get(s..byte).unwrap_or_default()));
                start = None;
            }
            (false, None) => start = Some((byte, chars)),
            _ => {}
        }
    }
    if let Some((s, cs)) = start {
        out.push((cs, trimmed.get(s..).unwrap_or_default()));
    }
    out
}

/// One page: its size as displayed and its lines in reading order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Width and height in points, after rotation.
    pub width: f32,
    pub height: f32,
    /// The page's `/Rotate`, normalised to 0, 90, 180 or 270.
    #[serde(default)]
    pub rotation: u16,
    /// Lines in reading order: furniture at the top, then the body column by column, then
    /// furniture at the bottom and in the margins.
    pub lines: Vec<Line>,
    /// Glyphs whose Unicode value could not be found (they appear as U+FFFD in the text).
    #[serde(default)]
    pub unmapped_glyphs: u32,
    /// Horizontal rules the page draws (underlines, the short rule above footnotes, table
    /// borders), each as its box.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rect>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// A line of text: words on one baseline within one column.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Line {
    pub bbox: Rect,
    /// The dominant baseline of the line (top-left origin).
    pub baseline: f32,
    pub role: Role,
    pub words: Vec<Word>,
}

impl Line {
    /// The words joined by single spaces (none before an [`attached`](Word::attached) word).
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.words.iter().map(|w| w.text.len() + 1).sum());
        self.push_text(&mut out);
        out
    }

    /// Appends [`text`](Line::text) to `out`, without a string of its own.
    pub fn push_text(&self, out: &mut String) {
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 && !w.attached {
                out.push(' ');
            }
            out.push_str(&w.text);
        }
    }

    /// The number of characters of [`text`](Line::text), without building it.
    pub fn char_count(&self) -> usize {
        self.words
            .iter()
            .enumerate()
            .map(|(i, w)| w.text.chars().count() + usize::from(i > 0 && !w.attached))
            .sum()
    }

    /// The font size most of the line's characters have.
    pub fn dominant_size(&self) -> f32 {
        // Most lines are set in one size: that is the answer, with nothing to count.
        let first = self.words.first().map_or(0.0, |w| w.size);
        if self.words.iter().all(|w| (first - w.size).abs() < 0.05) {
            return first;
        }
        dominant(self.words.iter().map(|w| (w.size, w.text.chars().count())))
    }
}

/// The value carrying the largest weight (first one wins a tie); 0 for none.
fn dominant(values: impl Iterator<Item = (f32, usize)>) -> f32 {
    let mut tally: Vec<(f32, usize)> = Vec::new();
    for (v, weight) in values {
        match tally.iter_mut().find(|(t, _)| (*t - v).abs() < 0.05) {
            Some(entry) => entry.1 += weight,
            None => tally.push((v, weight)),
        }
    }
    tally
        .iter()
        .fold(None, |best: Option<(f32, usize)>, &(v, n)| match best {
            Some((_, bn)) if bn >= n => best,
            _ => Some((v, n)),
        })
        .map_or(0.0, |(v, _)| v)
}

/// A word: characters without a word gap between them, in one font.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Word {
    pub text: String,
    pub bbox: Rect,
    /// The font's name without the subset prefix (`ABCDEF+`).
    pub font: String,
    /// Font size in points as rendered (text matrix and CTM applied).
    pub size: f32,
    #[serde(default, skip_serializing_if = "is_false")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub italic: bool,
    /// Raised above the line's baseline in smaller type (a footnote marker, an exponent).
    #[serde(default, skip_serializing_if = "is_false")]
    pub superscript: bool,
    /// The word ended in a soft hyphen (U+00AD), which is not part of `text`: a typesetter's
    /// break that a reader joins with the next line.
    #[serde(default, skip_serializing_if = "is_false")]
    pub soft_hyphen: bool,
    /// The word ends in a hyphen shown by a text-showing operator of its own, after letters
    /// shown together: how LibreOffice draws the hyphens of its hyphenation, where a word's
    /// own hyphens are shown with its letters. (Only a document's many such hyphens say so.)
    #[serde(default, skip_serializing_if = "is_false")]
    pub hyphen_apart: bool,
    /// No gap before this word: joined to the previous one without a space in the text (a
    /// superscript touching its word, `cm` + `−2`). It stays a word of its own, so that a
    /// footnote marker can be told from the word it follows.
    #[serde(default, skip_serializing_if = "is_false")]
    pub attached: bool,
    /// A rule runs under the word, close below its baseline.
    #[serde(default, skip_serializing_if = "is_false")]
    pub underline: bool,
    /// The character codes of the glyphs the file does not name (U+FFFD in `text`), in
    /// order: one code is one glyph of the font's subset throughout the document (a
    /// ligature a word processor maps to nothing), so a reader can tell them apart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmapped: Vec<u32>,
    /// The subset tag (`ABCDEF` of `ABCDEF+Calibri`) of the font of the unmapped glyphs: a
    /// code is one glyph within one subset only (a rewrite may cut a font into subsets that
    /// reuse codes). Empty when the word has none or the font's name has no tag.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subset: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The bullets and dashes that label a list item, shared by `extract` (the XY-cut keeps a
/// list's labels with their items) and `parse` (list items; there `o` too).
pub const LIST_BULLETS: &str = "•·▪◦‣∙●○■□➢►✓❖◆-–—*";

/// What a line is on the page. Everything except `Body` is page furniture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Body,
    /// Repeated at the top of pages (running head, browser header).
    Header,
    /// Repeated at the bottom of pages (running footer, browser footer).
    Footer,
    /// A page number (`3`, `Pagina 2 van 11`, `3/11`) wherever it stands.
    PageNumber,
    /// A narrow column beside the body: the letter's reference column (referentiekolom).
    Margin,
}

impl Role {
    pub fn is_furniture(self) -> bool {
        self != Role::Body
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Body => "body",
            Role::Header => "header",
            Role::Footer => "footer",
            Role::PageNumber => "page_number",
            Role::Margin => "margin",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rect_serialises_as_rounded_array() {
        let r = Rect::new(1.004, 2.0, 3.456, 4.0);
        assert_eq!(serde_json::to_string(&r).unwrap(), "[1.0,2.0,3.46,4.0]");
    }

    #[test]
    fn char_count_is_that_of_the_text() {
        let word = |text: &str, attached: bool| Word {
            text: text.to_string(),
            attached,
            ..Word::default()
        };
        let line = Line {
            words: vec![word("cm", false), word("−2", true), word("één", false)],
            ..Line::default()
        };
        assert_eq!(line.text(), "cm−2 één");
        assert_eq!(line.char_count(), line.text().chars().count());
        assert_eq!(Line::default().char_count(), 0);
    }

    #[test]
    fn layout_from_text() {
        let layout = Layout::from_text("Geachte voorzitter,\n\nIn april  2020\n\u{c}Pagina twee");
        assert_eq!(layout.pages.len(), 2);
        let lines = &layout.pages[0].lines;
        assert_eq!(
            lines.iter().map(Line::text).collect::<Vec<_>>(),
            ["Geachte voorzitter,", "In april 2020"]
        );
        // The blank line keeps its space: two pitches between the baselines.
        assert_eq!(
            lines[1].baseline - lines[0].baseline,
            2.0 * text_geometry::PITCH
        );
        assert_eq!(
            lines[1].words[2].bbox.x0,
            text_geometry::LEFT + 10.0 * text_geometry::CHAR_WIDTH
        );
        assert!(lines[0].words.iter().all(|w| w.font.is_empty()));
    }

    #[test]
    fn page_starts_marked_by_one_space() {
        let mut text = String::new();
        for i in 0..40 {
            let mark = if i % 15 == 0 { " " } else { "" };
            text.push_str(&format!("{mark}regel {i}\n"));
        }
        let text = text.as_str();
        let layout = Layout::from_text(text);
        let firsts: Vec<String> = layout.pages.iter().map(|p| p.lines[0].text()).collect();
        assert_eq!(firsts, ["regel 0", "regel 15", "regel 30"]);
        // Text with other indentation is not read as page marks.
        assert_eq!(
            Layout::from_text(&text.replace("regel 3\n", "   regel 3\n"))
                .pages
                .len(),
            1
        );
    }

    #[test]
    fn dominant_size_prefers_most_characters() {
        let w = |t: &str, size| Word {
            text: t.into(),
            size,
            ..Word::default()
        };
        let line = Line {
            words: vec![w("1", 6.0), w("Lorem", 9.0), w("ipsum", 9.0)],
            ..Line::default()
        };
        assert_eq!(line.dominant_size(), 9.0);
        assert_eq!(line.text(), "1 Lorem ipsum");
    }
}
