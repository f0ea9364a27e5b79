//! Glyphs → rows → words, in the frame of one text direction.

use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use super::symbols::{self, SymbolFont};
use crate::geometry::Dir;
use crate::interpret::{Glyph, PageText};

/// A word in the frame of its direction.
#[derive(Clone, Debug)]
pub struct WordBox {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    pub size: f32,
    pub font: u16,
    /// The baseline of the row the word belongs to (a superscript's row is the line it
    /// is raised above).
    pub row_baseline: f32,
    /// The word's own baseline, its first glyph's: a row gathers glyphs within a fifth of
    /// an em, across the page (the next column's line a little off this one's).
    pub baseline: f32,
    pub superscript: bool,
    pub soft_hyphen: bool,
    /// Its last glyph is a hyphen shown by a text-showing operator of its own, after two
    /// glyphs shown by one ([`Word::hyphen_apart`](kamerbrief_model::Word)).
    pub hyphen_apart: bool,
    /// No gap before it: joined to the previous word without a space in the text (a
    /// superscript touching its word, or the text right after one).
    pub attached: bool,
    /// A no-break space before it (U+00A0, U+202F, U+2007): a gap of fixed width, which
    /// justification does not stretch (`28 676`, `artikel 3`, `rol spelen`).
    pub bound: bool,
    /// Where each glyph's text starts in `text`, in visual order; only for a word with
    /// right-to-left letters (the others are not reordered, [`super::bidi::logical_word`]).
    pub starts: Vec<usize>,
    /// The codes of its unmapped glyphs (U+FFFD in `text`), in order.
    pub unmapped: Vec<u32>,
    /// The subset of the first unmapped glyph's font ([`crate::interpret::Glyph::subset`]).
    pub subset: u16,
}

/// A gap wider than this many ems between two glyphs is a word break.
const WORD_GAP_EM: f32 = 0.15;

/// … or this many, when the glyphs follow each other in one `TJ`: the gap is then a `TJ`
/// number, made on purpose beyond the advance and the letter spacing; kerning inside words
/// tightens, and widens by far less (pdftotext breaks at 0.1 em everywhere). Not for a gap
/// made by `Td` between strings: that one also carries any error in our widths (a font
/// without `/Widths`).
const WORD_GAP_EM_RUN: f32 = 0.1;
/// … or this many, inside a `TJ` in a font that the page writes its word spaces with (as
/// space characters): its numbers then only fit the letters to the producer's own metrics
/// (Word moves letters apart by up to 0.18 em: `[(P)-174(a)-65(g)…]`), and a reader sees
/// one word. A rewrite may fold a space glyph into the number instead (cairo writes
/// `(aier)55(,)-222(Anja)` for Chromium's `Bossenmaier, Anja`): 0.22 em is a word gap.
const WORD_GAP_EM_SPACED_RUN: f32 = 0.2;
/// … and, into or out of a superscript or subscript, at least this many (of the larger
/// type's size): less than the narrowest word space (0.22 em, TeX's shrunk).
const SCRIPT_GAP_EM: f32 = 0.2;

/// Type this much smaller than the type beside it is a superscript's or a subscript's,
/// raised or not.
const SCRIPT_SIZE_RATIO: f32 = 0.8;

/// Glyphs drawn twice at (almost) the same place, to fake bold or a shadow, count once:
/// the same text, offset by less than this many ems, …
const DUPLICATE_TOLERANCE_EM: f32 = 0.15;
/// … less than this share of the glyph's own width (a doubled letter, `cc`, is a whole
/// advance apart, whatever the em says), …
const DUPLICATE_TOLERANCE_WIDTH: f32 = 0.3;
/// … and less than this many points.
const DUPLICATE_TOLERANCE_PT: f32 = 2.0;

struct Row {
    baseline: f32,
    size: f32,
    /// By x0, then index ([`sort_by_x`]): the order they are read in.
    glyphs: Vec<usize>,
    /// Whether each of `glyphs` is raised (attached from a row above it).
    superscript: Vec<bool>,
    /// The x-intervals of the row's solid glyphs with their glyph index, sorted by start.
    occupied: Vec<(f32, f32, usize)>,
    /// The widest of them.
    widest: f32,
}

pub fn build_words(text: &PageText, dir: Dir, width: f32, height: f32) -> Vec<WordBox> {
    let glyphs = visible_glyphs(text, dir, width, height);
    let kinds: Vec<Kind> = text
        .glyphs
        .iter()
        .map(|g| Kind::of(text.glyph_text(g)))
        .collect();
    let rows = attach_raised_rows(rows(&glyphs, text, &kinds), text);
    let fonts = PageFonts {
        spacing: spacing_fonts(text, &kinds),
        symbols: text.fonts.iter().map(SymbolFont::of).collect(),
    };
    let spacing = SpacingVotes::of(text);
    let mut words = WordsOut {
        weigh_claims: text.fonts.iter().any(|f| f.other_metrics),
        ..WordsOut::default()
    };
    // About one word for every five glyphs of text: room enough, so the list is rarely copied.
    words.done.reserve(glyphs.len() / 4);
    for row in &rows {
        split_words(row, text, &kinds, &fonts, &spacing, &mut words);
    }
    words.done
}

/// What the page's fonts tell about their glyphs.
struct PageFonts {
    /// By font index: the width in ems of the space the page writes word spaces with in
    /// that font, if it does ([`spacing_fonts`]).
    spacing: Vec<Option<f32>>,
    /// By font index: the symbol font it is, if any.
    symbols: Vec<Option<SymbolFont>>,
}

impl PageFonts {
    /// The width in ems of the font's space, where the page writes word spaces with it.
    fn space_width(&self, font: u16) -> Option<f32> {
        self.spacing.get(usize::from(font)).copied().flatten()
    }

    /// A glyph's text as a reader sees it: a symbol font's private-use code as its symbol.
    fn text<'t>(&self, glyph_text: &'t str, font: u16) -> std::borrow::Cow<'t, str> {
        let symbol = self.symbols.get(usize::from(font)).copied().flatten();
        let mut chars = glyph_text.chars();
        match (symbol, chars.next(), chars.next()) {
            (Some(f), Some(c), None) => match symbols::unicode(f, c) {
                Some(u) => u.to_string().into(),
                None => glyph_text.into(),
            },
            _ => glyph_text.into(),
        }
    }
}

/// What a glyph's text is made of, told once per glyph.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Empty,
    /// Only spaces.
    Space,
    /// Only spaces and accents ([`is_accent`]), not only spaces.
    Accent,
    /// Anything else.
    Other,
}

impl Kind {
    fn of(glyph_text: &str) -> Kind {
        match glyph_text.as_bytes() {
            [] => Kind::Empty,
            // One ASCII character: most glyphs.
            &[b] => Kind::of_ascii(b),
            _ => Kind::of_chars(glyph_text),
        }
    }

    fn of_ascii(b: u8) -> Kind {
        // Letters and digits first: most glyphs.
        if b.is_ascii_alphanumeric() {
            return Kind::Other;
        }
        let c = char::from(b);
        if is_space(c) {
            Kind::Space
        } else if is_accent(c) {
            Kind::Accent
        } else {
            Kind::Other
        }
    }

    fn of_chars(glyph_text: &str) -> Kind {
        if glyph_text.chars().all(is_space) {
            Kind::Space
        } else if glyph_text.chars().all(|c| is_space(c) || is_accent(c)) {
            Kind::Accent
        } else {
            Kind::Other
        }
    }

    /// Empty or only spaces.
    fn is_blank(self) -> bool {
        matches!(self, Kind::Empty | Kind::Space)
    }
}

fn kind(kinds: &[Kind], i: usize) -> Kind {
    kinds.get(i).copied().unwrap_or(Kind::Empty)
}

/// The fonts the page writes word spaces with: a space character between two other
/// glyphs of one text-showing operator. By font index: the first such space's width in
/// ems, if it does.
fn spacing_fonts(text: &PageText, kinds: &[Kind]) -> Vec<Option<f32>> {
    let mut out = Vec::new();
    for (k, w) in text.glyphs.windows(3).enumerate() {
        if let [a, s, b] = w
            && a.run == s.run
            && s.run == b.run
            && kind(kinds, k + 1) == Kind::Space
        {
            let font = usize::from(s.font);
            if out.len() <= font {
                out.resize(font + 1, None);
            }
            if let Some(slot @ None) = out.get_mut(font) {
                *slot = Some((s.x1 - s.x0) / s.size.max(f32::EPSILON));
            }
        }
    }
    out
}

/// The glyphs of one direction that fall on the page, in content order. (Duplicates are
/// dropped when rows are formed, where their places are known: `Row::duplicates`.)
fn visible_glyphs(text: &PageText, dir: Dir, width: f32, height: f32) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.glyphs.len());
    out.extend(
        text.glyphs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.dir == dir && on_page(g, width, height))
            .map(|(i, _)| i),
    );
    out
}

fn on_page(g: &Glyph, width: f32, height: f32) -> bool {
    let (x, y) = g
        .dir
        .to_display(((g.x0 + g.x1) / 2.0, (g.top + g.bottom) / 2.0));
    let margin = 2.0;
    x >= -margin && x <= width + margin && y >= -margin && y <= height + margin
}

/// Passes of [`rows`]: glyphs moved out of a row are grouped again, this many times.
const MAX_ROW_PASSES: usize = 4;

/// Glyphs grouped by baseline, top to bottom. A row never holds two glyphs that overlap
/// substantially in x: those are two lines (a diagonal watermark crossing a line of text,
/// a form's filled-in value over its label). Of two such glyphs the one farther from the
/// row's median baseline leaves the row, and what left is grouped again.
fn rows(indices: &[usize], text: &PageText, kinds: &[Kind]) -> Vec<Row> {
    let mut out = Vec::new();
    let mut pending = indices.to_vec();
    for pass in 1..=MAX_ROW_PASSES {
        if pending.is_empty() {
            break;
        }
        pending = group_rows(&pending, text, kinds, pass < MAX_ROW_PASSES, &mut out);
    }
    out.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    out
}

/// One pass of [`rows`]: groups `indices` by baseline into `out`; returns the glyphs that
/// overlapped others of their row (when `evict`).
fn group_rows(
    indices: &[usize],
    text: &PageText,
    kinds: &[Kind],
    evict: bool,
    out: &mut Vec<Row>,
) -> Vec<usize> {
    let glyphs = &text.glyphs;
    // (baseline, index), by baseline, then in content order.
    // (Collected with room for all: a filtered iterator would grow them step by step.)
    let mut keys: Vec<u64> = Vec::with_capacity(indices.len());
    keys.extend(
        indices
            .iter()
            .filter_map(|&i| glyphs.get(i).map(|g| sort_key(g.baseline, i))),
    );
    keys.sort();
    let mut sorted: Vec<(f32, usize)> = Vec::with_capacity(keys.len());
    sorted.extend(keys.iter().filter_map(|&k| {
        let i = index_of(k);
        glyphs.get(i).map(|g| (g.baseline, i))
    }));
    let mut evicted = Vec::new();
    // Reused from group to group: (distance from the median baseline, index) keys.
    let mut order: Vec<u64> = Vec::new();
    for BaselineGroup {
        base,
        size,
        members,
    } in baseline_groups(&sorted, glyphs)
    {
        let mut row = Row {
            baseline: base,
            size,
            glyphs: Vec::new(),
            superscript: Vec::new(),
            occupied: Vec::with_capacity(members.len()),
            widest: 0.0,
        };
        // Solid glyphs nearest the median baseline claim their place first. The members
        // are sorted by baseline already: the median is the middle one.
        let median = members.get(members.len() / 2).map_or(base, |m| m.0);
        order.clear();
        order.extend(
            members
                .iter()
                .map(|&(line, i)| sort_key((line - median).abs(), i)),
        );
        // Distinct keys: unstable is as stable (and a row's few keys sort faster so).
        order.sort_unstable();
        let mut kept = Vec::with_capacity(order.len());
        for i in order.iter().map(|&k| index_of(k)) {
            let Some(g) = glyphs.get(i) else { continue };
            if is_solid(g, kind(kinds, i)) {
                if row.duplicates(text, g) {
                    continue;
                }
                if evict && row.occupies(g.x0, g.x1, i) {
                    evicted.push(i);
                    continue;
                }
                row.occupy(g.x0, g.x1, i);
            }
            kept.push(i);
        }
        sort_by_x(&mut kept, glyphs, &mut order);
        row.superscript = vec![false; kept.len()];
        row.glyphs = kept;
        out.push(row);
    }
    evicted
}

/// One integer for `value` then `index`: ordered as by `value.total_cmp`, then `index`.
/// Integers compare (and sort) faster than the pair; distinct indices make distinct keys.
pub(super) fn sort_key(value: f32, index: usize) -> u64 {
    (u64::from(ordered_bits(value)) << 32) | u64::from(u32::try_from(index).unwrap_or(u32::MAX))
}

/// `value` as an integer ordered as by `f32::total_cmp`.
pub(super) fn ordered_bits(value: f32) -> u32 {
    // The bits `f32::total_cmp` compares as a signed integer, made unsigned.
    let bits = value.to_bits() as i32;
    (bits ^ ((((bits >> 31) as u32) >> 1) as i32)) as u32 ^ 0x8000_0000
}

/// The index of a [`sort_key`].
pub(super) fn index_of(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// Sorts glyph indices by x0, then index (`keys` is a buffer).
fn sort_by_x(indices: &mut [usize], glyphs: &[Glyph], keys: &mut Vec<u64>) {
    keys.clear();
    keys.extend(indices.iter().map(|&i| sort_key(x0(glyphs, i), i)));
    // Distinct keys: unstable is as stable. Glyphs mostly come left to right, which this
    // sort finds quickly.
    keys.sort_unstable();
    for (i, &k) in indices.iter_mut().zip(keys.iter()) {
        *i = index_of(k);
    }
}

/// Baselines this close are one.
pub(super) const SAME_BASELINE_PT: f32 = 0.01;

/// Glyphs on (about) one baseline: a run of (baseline, index) pairs sorted by baseline.
struct BaselineGroup<'s> {
    /// The first glyph's baseline.
    base: f32,
    /// The largest size.
    size: f32,
    members: &'s [(f32, usize)],
}

/// Runs of `sorted` (baseline, index) whose baselines stay within a fifth of an em of the
/// first glyph's. Glyphs on the very baseline of the glyph before them stay in its run
/// (whatever their order among themselves, a smaller one among them would otherwise
/// part them).
fn baseline_groups<'s>(sorted: &'s [(f32, usize)], glyphs: &[Glyph]) -> Vec<BaselineGroup<'s>> {
    let mut groups: Vec<(f32, f32, usize, usize)> = Vec::new();
    let mut last = f32::NAN;
    for (k, &(_, i)) in sorted.iter().enumerate() {
        let Some(g) = glyphs.get(i) else { continue };
        let on_last = (g.baseline - last).abs() <= SAME_BASELINE_PT;
        last = g.baseline;
        match groups.last_mut() {
            Some((base, size, _, end))
                if on_last || (g.baseline - *base).abs() <= 0.2 * g.size.min(*size).max(1.0) =>
            {
                *end = k + 1;
                *size = size.max(g.size);
            }
            _ => groups.push((g.baseline, g.size, k, k + 1)),
        }
    }
    groups
        .into_iter()
        .map(|(base, size, start, end)| BaselineGroup {
            base,
            size,
            members: sorted.get(start..end).unwrap_or_default(),
        })
        .collect()
}

/// A glyph that takes up its place on the line: not a space, not an accent drawn over
/// another glyph.
fn is_solid(g: &Glyph, kind: Kind) -> bool {
    g.x1 > g.x0 && kind == Kind::Other
}

/// Combining marks, and spacing accents that typesetters (TeX) draw over a letter.
fn is_accent(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{02B0}'..='\u{02FF}'
        | '`' | '^' | '~' | '\u{A8}' | '\u{AF}' | '\u{B4}' | '\u{B8}')
}

/// Glyph overlaps tried per glyph at most (the intervals are sorted, so this is plenty).
const MAX_OVERLAP_CHECKS: usize = 64;

/// Whether `[x0, x1]` and `[a0, a1]` overlap by more than half the narrower one.
fn overlaps_substantially(x0: f32, x1: f32, a0: f32, a1: f32) -> bool {
    let overlap = x1.min(a1) - x0.max(a0);
    overlap > 0.5 * (x1 - x0).min(a1 - a0)
}

/// Glyphs this close in the content are one run of text, whatever their boxes say: boxes
/// overlap in tight kerning, and where the font dictionary lacks the widths.
const RUN_WINDOW: usize = 3;

impl Row {
    /// Whether a solid glyph of the row, not within [`RUN_WINDOW`] of glyph `index` in the
    /// content, overlaps `[x0, x1]` substantially.
    fn occupies(&self, x0: f32, x1: f32, index: usize) -> bool {
        let end = match self.occupied.last() {
            // Glyphs mostly come left to right: all the row's start before this one ends.
            Some(last) if last.0 < x1 => self.occupied.len(),
            _ => self.occupied.partition_point(|o| o.0 < x1),
        };
        self.occupied
            .get(..end)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|o| o.0 > x0 - self.widest)
            .take(MAX_OVERLAP_CHECKS)
            .any(|&(a0, a1, j)| {
                index.abs_diff(j) > RUN_WINDOW && overlaps_substantially(x0, x1, a0, a1)
            })
    }

    /// Glyphs drawn twice at (almost) the same place, to fake bold or a shadow, count once:
    /// `g` repeats a glyph of the row with the same text.
    fn duplicates(&self, text: &PageText, g: &Glyph) -> bool {
        // Glyphs mostly come left to right, clear of the row's glyphs so far.
        if self
            .occupied
            .last()
            .is_none_or(|last| last.0 <= g.x0 - DUPLICATE_TOLERANCE_PT)
        {
            return false;
        }
        let glyph_text = text.glyph_text(g);
        let start = self
            .occupied
            .partition_point(|o| o.0 <= g.x0 - DUPLICATE_TOLERANCE_PT);
        self.occupied
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|o| o.0 < g.x0 + DUPLICATE_TOLERANCE_PT)
            .filter_map(|o| text.glyphs.get(o.2))
            .any(|k| {
                let width = (g.x1 - g.x0).max(k.x1 - k.x0);
                let tol = (DUPLICATE_TOLERANCE_EM * g.size.max(k.size))
                    .min(DUPLICATE_TOLERANCE_WIDTH * width)
                    .min(DUPLICATE_TOLERANCE_PT);
                (k.x0 - g.x0).abs() < tol
                    && (k.baseline - g.baseline).abs() < tol
                    && text.glyph_text(k) == glyph_text
            })
    }

    /// Adds the glyphs of another row, `raised` or not, keeping the order by x.
    fn take_glyphs(&mut self, others: &[usize], raised: bool, glyphs: &[Glyph]) {
        let mut all: Vec<(u64, bool)> = self
            .glyphs
            .iter()
            .zip(&self.superscript)
            .map(|(&i, &r)| (i, r))
            .chain(others.iter().map(|&i| (i, raised)))
            .map(|(i, r)| (sort_key(x0(glyphs, i), i), r))
            .collect();
        all.sort_unstable_by_key(|&(key, _)| key);
        self.glyphs = all.iter().map(|&(key, _)| index_of(key)).collect();
        self.superscript = all.iter().map(|&(_, r)| r).collect();
    }

    fn occupy(&mut self, x0: f32, x1: f32, index: usize) {
        let at = match self.occupied.last() {
            // Glyphs mostly come left to right: the place is the end.
            Some(last) if last.0 < x0 => self.occupied.len(),
            _ => self.occupied.partition_point(|o| o.0 < x0),
        };
        self.occupied.insert(at, (x0, x1, index));
        self.widest = self.widest.max(x1 - x0);
    }
}

/// Joins a row of small glyphs raised above (or lowered below) a row of larger type, and
/// touching it, to that row: footnote markers, exponents.
fn attach_raised_rows(rows: Vec<Row>, text: &PageText) -> Vec<Row> {
    let mut rows = split_at_gutters(rows, text);
    let largest = rows.iter().map(|r| r.size).fold(0.0f32, f32::max);
    let mut i = 0;
    while i < rows.len() {
        let target = rows.get(i).and_then(|small| {
            // Only a row in smaller type than another joins it.
            if small.size >= MARKER_SIZE_RATIO * largest {
                return None;
            }
            // The rows around it in baseline order, nearest first, in larger type and within
            // reach of a raise (measured in their own type: a row of small type between, a
            // margin column's line, is passed over).
            let reach = |size: f32| 0.6 * size.max(small.size) / 0.85;
            let within = |j: &usize| {
                rows.get(*j)
                    .is_some_and(|r| (r.baseline - small.baseline).abs() <= reach(largest))
            };
            let near = |j: &usize| {
                rows.get(*j).is_some_and(|r| {
                    small.size < MARKER_SIZE_RATIO * r.size
                        && (r.baseline - small.baseline).abs() <= reach(r.size)
                })
            };
            let below = (i + 1..rows.len()).take_while(within).filter(near);
            let above = (0..i).rev().take_while(within).filter(near);
            let mut candidates: Vec<usize> = below.chain(above).collect();
            // Small glyphs go to a row they touch first (a note's marker at a column's
            // foot, or cut off a row, not to the line in the column beside whose baseline
            // is nearer), each group nearest first.
            if candidates.len() > 1 {
                let (sx0, sx1) = span(small, &text.glyphs);
                // Where its glyphs stand (a part cut off a row keeps the row's baseline).
                let drawn_on = small
                    .glyphs
                    .iter()
                    .filter_map(|&k| text.glyphs.get(k))
                    .map(|g| g.baseline)
                    .fold(f32::INFINITY, f32::min);
                // The nearest text ending before the glyphs and starting after them.
                let (mut before, mut after) = (f32::INFINITY, f32::INFINITY);
                for r in candidates.iter().filter_map(|&j| rows.get(j)) {
                    let (bx0, bx1) = span(r, &text.glyphs);
                    if bx1 <= sx0 {
                        before = before.min(sx0 - bx1);
                    } else if bx0 >= sx1 {
                        after = after.min(bx0 - sx1);
                    }
                }
                candidates.sort_by_cached_key(|&j| {
                    rows.get(j)
                        .map_or((true, true, true, true, true, u32::MAX), |r| {
                            let (bx0, bx1) = span(r, &text.glyphs);
                            let gap = (sx0 - bx1).max(bx0 - sx1);
                            let apart = gap > TOUCH_EM * r.size;
                            // Standing between two rows' texts, much further from this one's:
                            // set against the other (a note's marker a space before its
                            // note, a narrow gutter after the last line of the column beside).
                            let other_side = if bx1 <= sx0 { after } else { before };
                            let farther = gap > 0.0 && FARTHER_RATIO * other_side < gap;
                            // Of rows it touches, one whose text it is set against (a marker
                            // after its word, a narrow gutter from the next column's line on
                            // its baseline), then one whose text is not much further than a
                            // row's on its other side (`farther`), then one it is not set off
                            // level with (`level`),
                            // then one it is not set off under (a subscript follows its letter
                            // closely: a note's marker a space before the note, raised on it,
                            // a narrow gutter from a line in the column beside that it hangs
                            // below), then the nearest baseline; of the rest, the nearest text
                            // (a note's marker a wide space before the note, on the baseline
                            // of a line in the column beside).
                            let set_off = gap > GLUED_EM * r.size;
                            // Set off on a row's very baseline, neither raised nor lowered: no
                            // marker of it (a note's marker raised to the baseline of a line in
                            // the column beside).
                            let level =
                                set_off && (drawn_on - r.baseline).abs() <= LEVEL_EM * r.size;
                            let set_off_under =
                                set_off && small.baseline > r.baseline + 0.1 * r.size;
                            let distance = if apart {
                                gap
                            } else {
                                (r.baseline - small.baseline).abs()
                            };
                            (
                                apart,
                                set_off,
                                farther,
                                level,
                                set_off_under,
                                distance.to_bits(),
                            )
                        })
                });
            }
            let on = candidates
                .iter()
                .copied()
                .find(|&j| rows.get(j).is_some_and(|big| sits_on(small, big, text)));
            match on {
                Some(j) => Some(Ok(j)),
                None => candidates.into_iter().find_map(|j| {
                    let big = rows.get(j)?;
                    edge_part_on(small, big, text).map(Err)
                }),
            }
        });
        match target {
            Some(Err(parts)) => {
                // Cut in two, both on the same baseline: the part that sits on the
                // other row is attached when its turn comes.
                rows.splice(i..=i, parts);
            }
            Some(Ok(j)) => {
                let small = rows.remove(i);
                let j = if j > i { j - 1 } else { j };
                if let Some(big) = rows.get_mut(j) {
                    let raised = small.baseline < big.baseline - 0.1 * big.size;
                    big.take_glyphs(&small.glyphs, raised, &text.glyphs);
                    for (x0, x1, index) in small.occupied {
                        big.occupy(x0, x1, index);
                    }
                }
                i = i.saturating_sub(1);
            }
            None => i += 1,
        }
    }
    rows
}

/// A row of small glyphs that sits on no row as a whole, cut in two where a short part at
/// one end sits on `big` and the rest stands well apart: a note's marker raised to the
/// baseline of a reference column's line beside the body (`1` and `Datum` on one
/// baseline, the marker at the end of the body line it belongs to).
fn edge_part_on(small: &Row, big: &Row, text: &PageText) -> Option<[Row; 2]> {
    let glyphs = &text.glyphs;
    if small.size >= MARKER_SIZE_RATIO * big.size {
        return None;
    }
    let (bx0, bx1) = span(big, glyphs);
    let reach = TOUCH_EM * big.size;
    let xs: Vec<(f32, f32)> = small
        .glyphs
        .iter()
        .filter_map(|&i| glyphs.get(i).map(|g| (g.x0, g.x1)))
        .collect();
    if xs.len() != small.glyphs.len() {
        return None;
    }
    // The part after the big row's end (leading), or before its start.
    let leading = xs.iter().take_while(|x| x.0 < bx1 + reach).count();
    let trailing = xs.iter().rev().take_while(|x| x.1 > bx0 - reach).count();
    let (cut, part_leads) = if (1..=MAX_EDGE_MARKER).contains(&leading) && leading < xs.len() {
        (leading, true)
    } else if (1..=MAX_EDGE_MARKER).contains(&trailing) && trailing < xs.len() {
        (xs.len() - trailing, false)
    } else {
        return None;
    };
    let (head, tail) = xs.split_at(cut);
    let (part, rest) = if part_leads {
        (head, tail)
    } else {
        (tail, head)
    };
    let (p0, p1) = extent(part);
    let (r0, r1) = extent(rest);
    let apart = (r0 - p1).max(p0 - r1);
    let to_big = (p0 - bx1).max(bx0 - p1).max(0.0);
    if apart < EDGE_APART_EM * small.size || apart < 3.0 * to_big {
        return None;
    }
    let all = small.glyphs.len();
    let (head, tail) = (
        part_of(small, 0..cut, glyphs),
        part_of(small, cut..all, glyphs),
    );
    let touching = if part_leads { &head } else { &tail };
    sits_on(touching, big, text).then_some([head, tail])
}

/// The most glyphs [`edge_part_on`] cuts off a row: a note's marker (`12`, `*`).
const MAX_EDGE_MARKER: usize = 3;

/// How far apart, in ems of the small type, the rest of the row must stand.
const EDGE_APART_EM: f32 = 1.0;

fn extent(xs: &[(f32, f32)]) -> (f32, f32) {
    xs.iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), x| {
            (a.min(x.0), b.max(x.1))
        })
}

/// A gap this many ems wide splits a row before raised glyphs are attached: a footnote
/// marker raised to the baseline of a line in another column (a reference column beside
/// the body) is grouped with that line, and must go to the line it touches.
const ROW_GUTTER_EM: f32 = 3.0;

/// Rows cut where their glyphs leave a gutter-wide gap, each part a row of its own.
fn split_at_gutters(rows: Vec<Row>, text: &PageText) -> Vec<Row> {
    let glyphs = &text.glyphs;
    let mut out = Vec::with_capacity(rows.len());
    // Reused from row to row: where gaps start new parts.
    let mut cuts: Vec<usize> = Vec::new();
    for row in rows {
        // The row's glyphs are by x.
        let order = &row.glyphs;
        cuts.clear();
        let mut right = f32::NEG_INFINITY;
        for (k, &i) in order.iter().enumerate() {
            let Some(g) = glyphs.get(i) else { continue };
            if k > 0 && g.x0 - right > ROW_GUTTER_EM * row.size {
                cuts.push(k);
            }
            right = right.max(g.x1);
        }
        // A marker at either end of each part (a part's start may be a marker raised to
        // the baseline of a line in the column beside, after a gutter cut).
        let parts: Vec<(usize, usize)> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .zip(cuts.iter().copied().chain(std::iter::once(order.len())))
            .collect();
        for (start, end) in parts {
            let part = order.get(start..end).unwrap_or_default();
            let trailing = edge_marker_cut(part, glyphs, row.size, true);
            let leading = edge_marker_cut(part, glyphs, row.size, false);
            for cut in [trailing, leading].into_iter().flatten() {
                if let Err(at) = cuts.binary_search(&(start + cut)) {
                    cuts.insert(at, start + cut);
                }
            }
        }
        if cuts.is_empty() {
            out.push(row);
            continue;
        }
        let bounds = std::iter::once(0)
            .chain(cuts.iter().copied())
            .zip(cuts.iter().copied().chain(std::iter::once(order.len())));
        for (start, end) in bounds {
            out.push(part_of(&row, start..end, glyphs));
        }
    }
    out.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    out
}

/// The row of `row`'s glyphs in `range` (positions in its order), on `row`'s baseline.
fn part_of(row: &Row, range: std::ops::Range<usize>, glyphs: &[Glyph]) -> Row {
    let part = row.glyphs.get(range.clone()).unwrap_or_default();
    let mut members = part.to_vec();
    members.sort_unstable();
    let size = part
        .iter()
        .filter_map(|&i| glyphs.get(i))
        .fold(0.0f32, |m, g| m.max(g.size));
    let mut piece = Row {
        baseline: row.baseline,
        size,
        superscript: row.superscript.get(range).unwrap_or_default().to_vec(),
        glyphs: part.to_vec(),
        occupied: Vec::new(),
        widest: 0.0,
    };
    for &(x0, x1, index) in &row.occupied {
        if members.binary_search(&index).is_ok() {
            piece.occupy(x0, x1, index);
        }
    }
    piece
}

/// Where a run of glyphs small enough to be raised markers at the row's end (`trailing`)
/// or start stands more than an em of the row's type (a word space) from the rest of it:
/// a note's marker at a column's foot, on the baseline of a line in the column beside it a
/// narrow gutter away. Cut off, it joins the line it touches ([`attach_raised_rows`]).
fn edge_marker_cut(
    order: &[usize],
    glyphs: &[Glyph],
    row_size: f32,
    trailing: bool,
) -> Option<usize> {
    let small = |i: &usize| {
        glyphs
            .get(*i)
            .is_some_and(|g| g.size < MARKER_SIZE_RATIO * row_size)
    };
    let run = if trailing {
        order.iter().rev().take_while(|i| small(i)).count()
    } else {
        order.iter().take_while(|i| small(i)).count()
    };
    if run == 0 || run == order.len() {
        return None;
    }
    let at = if trailing { order.len() - run } else { run };
    let (before, after) = order.split_at(at);
    let right = before
        .iter()
        .filter_map(|&i| glyphs.get(i))
        .map(|g| g.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let left = after
        .iter()
        .filter_map(|&i| glyphs.get(i))
        .map(|g| g.x0)
        .fold(f32::INFINITY, f32::min);
    (left - right > MARKER_GAP_EM * row_size).then_some(at)
}

/// See [`edge_marker_cut`]. Under half an em: a gutter of narrow columns set in large type
/// can be (0.56 em of 11.7 pt between three columns); a marker touches its own word, or
/// stands a word space from it (a cut-off marker that touches its row goes back to it).
const MARKER_GAP_EM: f32 = 0.45;

/// A row of glyphs smaller than this share of another's may be its raised marker.
const MARKER_SIZE_RATIO: f32 = 0.85;

fn sits_on(small: &Row, big: &Row, text: &PageText) -> bool {
    let glyphs = &text.glyphs;
    if small.size >= MARKER_SIZE_RATIO * big.size {
        return false;
    }
    // Raised or lowered within reach: by its baseline, or, for a part cut off a row at a
    // gutter (which keeps that row's baseline: a note's marker level with the last line
    // of the column beside), by where its glyphs stand.
    let within =
        |baseline: f32| (-0.6 * big.size..=0.35 * big.size).contains(&(baseline - big.baseline));
    let drawn_on = (small.glyphs.iter())
        .filter_map(|&k| glyphs.get(k))
        .map(|g| g.baseline)
        .fold(f32::INFINITY, f32::min);
    let shift = if within(small.baseline) {
        small.baseline - big.baseline
    } else if drawn_on.is_finite() && within(drawn_on) {
        drawn_on - big.baseline
    } else {
        return false;
    };
    // Every small glyph must touch the big row's text horizontally.
    let (bx0, bx1) = span(big, glyphs);
    let (sx0, sx1) = span(small, glyphs);
    // Lowered glyphs (subscripts) start close to what they follow; raised ones (a note's
    // marker after a space, or cut off a row at a column's edge) may stand further off.
    let lowered_apart =
        shift > 0.1 * big.size && (sx0 - bx1).max(bx0 - sx1) > LOWERED_REACH_EM * big.size;
    let reach = RAISED_REACH_EM * big.size;
    sx0 >= bx0 - reach && sx1 <= bx1 + reach && !lowered_apart && !overlap_in_x(small, big)
}

/// Small glyphs this close (in ems of the larger type) to a row's baseline are level with
/// it, not raised or lowered on it.
const LEVEL_EM: f32 = 0.05;

/// How far (in ems of the larger type) a raised row may stand beyond the row it belongs to.
const RAISED_REACH_EM: f32 = 2.0;

/// … and how far a lowered one may start from it (a subscript follows its letter closely):
/// a small line under a row's end, an em or less further right, is the next line of a
/// column of small type a narrow gutter away (`Bijlage(n)` / `2`), not the row's subscript.
const LOWERED_REACH_EM: f32 = 0.5;

/// How far a row's glyphs reach left and right.
fn span(row: &Row, glyphs: &[Glyph]) -> (f32, f32) {
    row.glyphs
        .iter()
        .filter_map(|&g| glyphs.get(g))
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), g| {
            (a.min(g.x0), b.max(g.x1))
        })
}

/// Small glyphs standing between two rows' texts belong to the nearer where the other
/// is this many times as far.
const FARTHER_RATIO: f32 = 1.5;

/// Small glyphs within this many ems of a row's text touch it.
const TOUCH_EM: f32 = 0.5;

/// … and within this many are set against it (a marker right after its word).
const GLUED_EM: f32 = 0.1;

/// Whether a solid glyph of `a` overlaps one of `b` substantially in x: then they are two
/// lines of text, not a line with its exponents (which sit beside the letters, not over
/// them).
fn overlap_in_x(a: &Row, b: &Row) -> bool {
    a.occupied
        .iter()
        .any(|&(x0, x1, index)| b.occupies(x0, x1, index))
}

/// The words of a page as they are made: the finished ones, and buffers for the text of
/// the one being made, reused from word to word (a word's own text is allocated once, at
/// its final length).
#[derive(Default)]
struct WordsOut {
    done: Vec<WordBox>,
    text: String,
    starts: Vec<usize>,
    /// Whether a font of the page claims two ascents or descents
    /// ([`WordsOut::vertical_extent`]); most pages have none.
    weigh_claims: bool,
    /// How high the word's glyphs reach, by font, type size and metrics.
    extents: Vec<FontExtent>,
}

/// How high the glyphs of a word in one font, size, ascent and descent reach, and how many
/// there are.
struct FontExtent {
    font: u16,
    size: f32,
    ascent: f32,
    descent: f32,
    glyphs: u32,
    top: f32,
    bottom: f32,
}

impl FontExtent {
    fn of(g: &Glyph) -> FontExtent {
        FontExtent {
            font: g.font,
            size: g.size,
            ascent: g.baseline - g.top,
            descent: g.bottom - g.baseline,
            glyphs: 1,
            top: g.top,
            bottom: g.bottom,
        }
    }

    /// Whether `g` is in this font and size and claims these metrics (within a rounding
    /// error: they come back from the glyph's box).
    fn holds(&self, g: &Glyph) -> bool {
        let near = |a: f32, b: f32| (a - b).abs() <= 0.001 * g.size;
        self.font == g.font
            && self.size == g.size
            && near(self.ascent, g.baseline - g.top)
            && near(self.descent, g.bottom - g.baseline)
    }

    fn add(&mut self, g: &Glyph) {
        self.glyphs += 1;
        self.top = self.top.min(g.top);
        self.bottom = self.bottom.max(g.bottom);
    }
}

impl WordsOut {
    fn see_extent(&mut self, g: &Glyph) {
        match self.extents.iter_mut().find(|e| e.holds(g)) {
            Some(e) => e.add(g),
            None => self.extents.push(FontExtent::of(g)),
        }
    }

    /// The word's top and bottom: those of all its glyphs, except where one font (by name)
    /// in one size claims two ascents or descents: then those most of its glyphs have. A
    /// rewrite that puts a ligature or a rare letter in a subset of its own may give that
    /// subset other metrics (Ghostscript takes them from each subset's glyph box), and the
    /// word would stand taller than its neighbours in the row.
    fn vertical_extent(&self) -> Option<(f32, f32)> {
        let extents = &self.extents;
        // A claim gives way to one of its font and size with more glyphs (or as many, seen
        // first).
        let outweighed = |i: usize, e: &FontExtent| {
            extents.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.font == e.font
                    && o.size == e.size
                    && (o.glyphs > e.glyphs || (o.glyphs == e.glyphs && j < i))
            })
        };
        extents
            .iter()
            .enumerate()
            .filter(|&(i, e)| !outweighed(i, e))
            .map(|(_, e)| (e.top, e.bottom))
            .reduce(|(t, b), (et, eb)| (t.min(et), b.max(eb)))
    }
}

/// Cuts a row into words at spaces and at wide gaps.
fn split_words(
    row: &Row,
    text: &PageText,
    kinds: &[Kind],
    fonts: &PageFonts,
    spacing: &SpacingVotes<'_>,
    out: &mut WordsOut,
) {
    let mut current: Option<WordBox> = None;
    let mut previous: Option<(usize, bool)> = None;
    // Where in the row the current word's first glyph stands.
    let mut word_start = 0;
    // A space glyph since the previous glyph, and whether it was a no-break space.
    let mut spaced = false;
    let mut no_break = false;
    // The last blank glyph seen.
    let mut blank = None;
    let weigh_claims = out.weigh_claims;
    // The row's glyphs are by x.
    for (k, (&i, &raised)) in row.glyphs.iter().zip(&row.superscript).enumerate() {
        let Some(g) = text.glyphs.get(i) else {
            continue;
        };
        if kind(kinds, i).is_blank() {
            spaced = true;
            blank = Some(i);
            no_break |= text.glyph_text(g).chars().any(is_no_break_space);
            continue;
        }
        let glyph_text = text.glyph_text(g);
        let (breaks, attached) =
            match previous.and_then(|(p, praised)| Some((p, praised, text.glyphs.get(p)?))) {
                Some((p, praised, prev)) => {
                    // Glyphs shown one after the other in the content: nothing was drawn
                    // between them there, so a space glyph that sorts between them belongs to
                    // other text (trailing spaces of a table cell running under the next one).
                    let consecutive = i == p + 1;
                    let tracked = (consecutive || at_pen(prev, g))
                        && letter_spacing_holds(text, p, i, spacing);
                    let gap = if tracked {
                        g.x0 - prev.advance_end
                    } else {
                        g.x0 - prev.x1
                    };
                    // Character spacing that is no tracking made the gap on purpose, as a
                    // `TJ` number does: a font that writes its spaces did not write one here.
                    let spaced_by_tc = consecutive && !tracked && prev.advance_end - prev.x1 > 0.01;
                    let threshold = if consecutive && g.run == prev.run {
                        match fonts.space_width(g.font) {
                            Some(space) if !spaced_by_tc => spaced_run_threshold(space),
                            _ => WORD_GAP_EM_RUN,
                        }
                    } else {
                        WORD_GAP_EM
                    };
                    // Into or out of a superscript or subscript, the pen is placed apart from
                    // the larger type, a little more than a letter's gap (`CO₂`).
                    let script = praised != raised
                        || g.size.min(prev.size) < SCRIPT_SIZE_RATIO * g.size.max(prev.size);
                    let threshold = match script {
                        true => threshold.max(SCRIPT_GAP_EM),
                        false => threshold,
                    };
                    let spaced = spaced && !is_cancelled_space(text, p, blank, i);
                    let apart = (spaced && !consecutive) || gap > threshold * g.size.max(prev.size);
                    // A superscript (or the text after one) that touches the word before: a
                    // word of its own, but joined to it in the text ("cm−2", "2011[1]").
                    (apart || praised != raised, !apart && !spaced)
                }
                None => (true, false),
            };
        let bound = breaks && spaced && no_break;
        (spaced, no_break) = (false, false);
        if breaks {
            flush(&mut current, out);
            word_start = k;
        }
        // The text goes to `out`'s buffers; the word takes it when flushed.
        let attached = breaks && attached;
        let word = current.get_or_insert_with(|| WordBox {
            text: String::new(),
            x0: g.x0,
            x1: g.x1,
            top: g.top,
            bottom: g.bottom,
            size: g.size,
            font: g.font,
            row_baseline: row.baseline,
            baseline: g.baseline,
            superscript: raised,
            soft_hyphen: false,
            hyphen_apart: false,
            attached,
            bound,
            starts: Vec::new(),
            unmapped: Vec::new(),
            subset: 0,
        });
        if g.unmapped {
            if word.unmapped.is_empty() {
                word.subset = g.subset;
            }
            word.unmapped.push(g.code);
        }
        out.starts.push(out.text.len());
        if push_text(&mut out.text, &fonts.text(glyph_text, g.font)) {
            keep_drawn_soft_hyphen(&mut out.text, text, kinds, i, previous.is_none());
        }
        word.hyphen_apart = matches!(glyph_text, "-" | "\u{2010}")
            && shown_apart(
                text,
                kinds,
                g,
                row.glyphs.get(word_start..k).unwrap_or_default(),
            );
        word.x0 = word.x0.min(g.x0);
        word.x1 = word.x1.max(g.x1);
        if weigh_claims {
            out.see_extent(g);
        } else {
            word.top = word.top.min(g.top);
            word.bottom = word.bottom.max(g.bottom);
        }
        word.size = word.size.max(g.size);
        previous = Some((i, raised));
    }
    flush(&mut current, out);
}

/// The hyphen `g` was shown by a text-showing operator of its own, after the last two
/// glyphs of its word before it (`before`, the word's glyphs so far) were shown by one.
#[cold]
fn shown_apart(text: &PageText, kinds: &[Kind], g: &Glyph, before: &[usize]) -> bool {
    let mut runs = (before.iter().rev())
        .filter(|&&j| !kind(kinds, j).is_blank())
        .filter_map(|&j| Some(text.glyphs.get(j)?.run));
    match (runs.next(), runs.next()) {
        (Some(b), Some(a)) => a == b && b != g.run,
        _ => false,
    }
}

/// Whether `g`, shown apart from `prev` in the content, starts where `prev`'s letter
/// spacing ends: the producer went on where the pen stood, drawing a word in pieces (word
/// processors split a run at a change of language or revision, and may draw the pieces in
/// any order). A gap from `prev`'s box would count its tracking as a word space.
fn at_pen(prev: &Glyph, g: &Glyph) -> bool {
    prev.advance_end - prev.x1 > 0.01
        && g.x0 >= prev.x1
        && (g.x0 - prev.advance_end).abs() <= SPLICE_TOLERANCE_EM * prev.size
}

/// Whether the one blank glyph between glyphs `p` and `i`, all three shown in sequence by
/// one text-showing operator, takes no room: `i` starts where `p` ends or before, its
/// numbers having pulled it back over the space (Ghostscript rewriting PostScript's
/// letter-spaced text). A reader sees no space there.
fn is_cancelled_space(text: &PageText, p: usize, blank: Option<usize>, i: usize) -> bool {
    if blank != Some(p + 1) || i != p + 2 {
        return false;
    }
    let Some([prev, s, g]) = text.glyphs.get(p..=i) else {
        return false;
    };
    prev.run == s.run && s.run == g.run && g.x0 <= prev.x1
}

/// The word-gap threshold inside a `TJ` in a font the page writes word spaces with, whose
/// space is `space` ems wide: [`WORD_GAP_EM_SPACED_RUN`], or less where the font's own
/// space is narrower: a `TJ` number as wide as the font's space is a word space (Ghostscript
/// rewriting PostScript writes the word spaces of `widthshow` so, a hair under it).
fn spaced_run_threshold(space: f32) -> f32 {
    WORD_GAP_EM_SPACED_RUN.min(SPACE_SHARE_OF_WORD_GAP * space)
}

/// A gap this share of the font's space wide is a word space, in a run of a font that
/// writes its spaces.
const SPACE_SHARE_OF_WORD_GAP: f32 = 0.9;

/// Letter spacing (tracking) stays below this many ems.
const MAX_LETTER_SPACING_EM: f32 = 0.5;

/// Whether the character spacing (`Tc`, `Tw`) after glyph `p`, before glyph `next` (shown
/// after it, or where its pen stood), is letter spacing, not a gap: true unless the run
/// shows otherwise. Some producers set `Tc` to the width of a word space and cancel it with
/// `TJ` kerning between the letters of a word (composite fonts, where `Tw` has no effect);
/// there the glyph before or after sits at the end of its predecessor's box, not at its
/// advance, and the spacing after `p` is a real gap.
fn letter_spacing_holds(
    text: &PageText,
    p: usize,
    next: usize,
    spacing: &SpacingVotes<'_>,
) -> bool {
    let Some(own) = text.glyphs.get(p).map(|g| g.advance_end - g.x1) else {
        return true;
    };
    if own.abs() <= 0.01 {
        return true;
    }
    // Spacing of half an em or more is not tracking but placement: `Tc 5` (em) putting the
    // letters of one string in the columns of a table.
    let size = text.glyphs.get(p).map_or(0.0, |g| g.size);
    if own >= MAX_LETTER_SPACING_EM * size {
        return false;
    }
    if own >= WORD_SPACE_SPACING_EM * size && is_spliced_run(text, p) {
        return false;
    }
    // Neighbouring pairs of the same run, with spacing of the same sign: was it applied?
    let applied = |j: usize| pair_spacing_applied(text, j, own);
    // (The pair after the gap is `next`'s: where a word is drawn in pieces out of order,
    // the glyph shown after `p` may stand anywhere on the page.)
    let before = p.checked_sub(1).and_then(applied);
    let after = applied(next);
    if before != Some(false) && after != Some(false) {
        return true;
    }
    // One neighbour applies the spacing and the other cancels it, both within `p`'s run
    // (kerned by `TJ` numbers, not placed by moves to new runs): weigh the run's pairs
    // around `p`. A producer that cancels the spacing does so between every letter of a
    // word, applying it only between words; a single kerned pair (`P.` kerned by about the
    // tracking) leaves it applied between most pairs around it.
    let Some(run) = text.glyphs.get(p).map(|g| g.run) else {
        return false;
    };
    let disagree = before.is_some() && after.is_some() && before != after;
    // (Or in its pieces, each drawn on where the last one's pen stood.)
    let kerned_in_run = p
        .checked_sub(1)
        .is_some_and(|j| (j..=p + 1).all(|k| pair_goes_on(text, k)));
    // Or the one neighbour that tells cancels it, where `p` opens or closes a run (`W` of
    // `WA TERSTAA T,`: the `AT` pair kerned by about the tracking looks cancelled).
    let one_sided = match (before, after) {
        (None, Some(false)) => pair_in_run(text, p, run) && pair_in_run(text, p + 1, run),
        (Some(false), None) => {
            p.checked_sub(1).is_some_and(|j| pair_in_run(text, j, run)) && pair_in_run(text, p, run)
        }
        _ => false,
    };
    ((disagree && kerned_in_run) || one_sided)
        && !(own >= WORD_SPACE_SPACING_EM * size && cancelled_exactly_around(text, p, run, own))
        && tracking_applied_around(text, p, run, own, spacing)
}

/// Whether `p`'s run (of fewer than [`SPLICED_RUN_GLYPHS`]) is spliced into the text around
/// it: its first glyph starts where the glyph shown before it ends, and the glyph shown
/// after it starts where its last glyph's box ends, each within a kerning's
/// [`SPLICE_TOLERANCE_EM`] (tracking would have put its spacing there, a word gap more). Its
/// character spacing then made the gaps between its own glyphs only: word spaces
/// (Ghostscript writes a word's last letter, a dash and the next word's first letter as one
/// string spaced by `Tc`); tracked text stands apart from its neighbours.
fn is_spliced_run(text: &PageText, p: usize) -> bool {
    let glyphs = &text.glyphs;
    let Some(run) = glyphs.get(p).map(|g| g.run) else {
        return false;
    };
    let in_run = |j: usize| glyphs.get(j).is_some_and(|g| g.run == run);
    let first = (p.saturating_sub(SPLICED_RUN_GLYPHS)..=p)
        .rev()
        .take_while(|&j| in_run(j))
        .last()
        .unwrap_or(p);
    let last = (p..p + SPLICED_RUN_GLYPHS)
        .take_while(|&j| in_run(j))
        .last()
        .unwrap_or(p);
    if last - first + 1 >= SPLICED_RUN_GLYPHS {
        return false;
    }
    let abuts = |a: usize, b: usize| {
        glyphs.get(a).zip(glyphs.get(b)).is_some_and(|(a, b)| {
            a.dir == b.dir
                && (a.baseline - b.baseline).abs() <= 0.1 * a.size.max(1.0)
                && (b.x0 - a.x1).abs() <= SPLICE_TOLERANCE_EM * a.size
        })
    };
    first
        .checked_sub(1)
        .is_some_and(|before| abuts(before, first))
        && abuts(last, last + 1)
}

/// How far (in ems) a spliced run's ends may stand from the glyphs around it: kerning.
const SPLICE_TOLERANCE_EM: f32 = 0.05;

/// A run spliced into the text ([`is_spliced_run`]) has fewer glyphs than this.
const SPLICED_RUN_GLYPHS: usize = 8;

/// Spacing this wide (in ems) or wider, cancelled to the hundredth of a point between some
/// letters of its run, is a word space, not tracking ([`cancelled_exactly_around`]).
const WORD_SPACE_SPACING_EM: f32 = 0.2;

/// Whether a pair of `p`'s run around it cancels the spacing exactly: the next glyph at the
/// box's end to a hundredth of a point. A `TJ` number made to cancel `Tc` within words
/// (Ghostscript sets a run's word space as its `Tc`); a font's kerning pair cancels
/// tracking only about.
fn cancelled_exactly_around(text: &PageText, p: usize, run: u32, own: f32) -> bool {
    (p.saturating_sub(TRACKING_VOTE_PAIRS)..=p + TRACKING_VOTE_PAIRS).any(|j| {
        pair_in_run(text, j, run)
            && pair_spacing_applied(text, j, own) == Some(false)
            && text
                .glyphs
                .get(j)
                .zip(text.glyphs.get(j + 1))
                .is_some_and(|(a, b)| (b.x0 - a.x1).abs() <= 0.01)
    })
}

/// Pairs on either side of a glyph that [`tracking_applied_around`] weighs.
const TRACKING_VOTE_PAIRS: usize = 4;

/// Whether glyphs `j` and `j + 1` were both shown by `run`.
fn pair_in_run(text: &PageText, j: usize, run: u32) -> bool {
    let of_run = |k: usize| text.glyphs.get(k).is_some_and(|g| g.run == run);
    of_run(j) && of_run(j + 1)
}

/// Whether glyphs `j` and `j + 1` were shown by one run, or `j + 1` opens the next run where
/// `j`'s pen stood ([`at_pen`]): a word drawn in pieces goes on as one run would.
fn pair_goes_on(text: &PageText, j: usize) -> bool {
    text.glyphs
        .get(j)
        .zip(text.glyphs.get(j + 1))
        .is_some_and(|(a, b)| a.run == b.run || at_pen(a, b))
}

/// How a page's text-showing runs treat each amount of character spacing: between how
/// many pairs of letters shown by one run it is applied, and between how many cancelled.
/// A producer uses its spacing one way throughout, as tracking or as a word space
/// cancelled inside words: where a short run's own pairs are evenly split, the page's tell.
/// (Counted only when first asked: most pages never have such a run.)
pub(super) struct SpacingVotes<'t> {
    text: &'t PageText,
    votes: OnceCell<FxHashMap<i32, (u32, u32)>>,
}

impl<'t> SpacingVotes<'t> {
    fn of(text: &'t PageText) -> SpacingVotes<'t> {
        SpacingVotes {
            text,
            votes: OnceCell::new(),
        }
    }

    fn count(text: &PageText) -> FxHashMap<i32, (u32, u32)> {
        let mut votes: FxHashMap<i32, (u32, u32)> = FxHashMap::default();
        for (j, pair) in text.glyphs.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            let s = a.advance_end - a.x1;
            if a.run != b.run || s.abs() <= 0.01 {
                continue;
            }
            let entry = votes.entry(spacing_key(s)).or_default();
            match pair_spacing_applied(text, j, s) {
                Some(true) => entry.0 += 1,
                Some(false) => entry.1 += 1,
                None => {}
            }
        }
        votes
    }

    /// Whether the page plainly applies spacing `s` as tracking: between many pairs, and
    /// between twice as many as it cancels it (a few pairs of a formula tell nothing).
    fn applied(&self, s: f32) -> bool {
        self.votes
            .get_or_init(|| SpacingVotes::count(self.text))
            .get(&spacing_key(s))
            .is_some_and(|&(applied, cancelled)| {
                applied >= TRACKING_PAGE_PAIRS && applied >= 2 * cancelled
            })
    }
}

/// Pairs of a page applying a spacing, at least, for the page to tell of it.
const TRACKING_PAGE_PAIRS: u32 = 10;

/// Spacing to the hundredth of a point.
fn spacing_key(s: f32) -> i32 {
    (s * 100.0).round() as i32
}

/// Whether the spacing is applied between more of the pairs of `p`'s run around it (its
/// own pair included) than it is cancelled; where as many apply it as cancel it, whether
/// the page's runs do ([`SpacingVotes`]).
fn tracking_applied_around(
    text: &PageText,
    p: usize,
    run: u32,
    own: f32,
    spacing: &SpacingVotes<'_>,
) -> bool {
    let (mut applied, mut cancelled) = (0, 0);
    for j in p.saturating_sub(TRACKING_VOTE_PAIRS)..=p + TRACKING_VOTE_PAIRS {
        if !pair_in_run(text, j, run) {
            continue;
        }
        match pair_spacing_applied(text, j, own) {
            Some(true) => applied += 1,
            Some(false) => cancelled += 1,
            None => {}
        }
    }
    applied > cancelled || (applied == cancelled && applied > 0 && spacing.applied(own))
}

/// Whether the spacing after glyph `j` (of the sign of `own`) was applied (the next glyph
/// at its advance) or cancelled by a `TJ` number (at or before its box's end); `None` when
/// the pair tells nothing.
fn pair_spacing_applied(text: &PageText, j: usize, own: f32) -> Option<bool> {
    let (a, b) = (text.glyphs.get(j)?, text.glyphs.get(j + 1)?);
    let s = a.advance_end - a.x1;
    // `b` jumps back or far ahead (words drawn out of order): no evidence either way.
    let jumps = b.x0 < a.x0 || b.x0 - a.advance_end > a.size;
    if jumps
        || a.dir != b.dir
        || (a.baseline - b.baseline).abs() > 0.1 * a.size.max(1.0)
        || s.abs() <= 0.01
        || s.signum() != own.signum()
    {
        return None;
    }
    // At the advance: applied. At or before the box's end: cancelled by a `TJ` number.
    // In between, a kerned pair (`AV`) tells nothing.
    let slack = 0.25 * s.abs();
    if (b.x0 - a.advance_end).abs() < slack {
        Some(true)
    } else if b.x0 < a.x1 + slack {
        Some(false)
    } else {
        None
    }
}

fn x0(glyphs: &[Glyph], i: usize) -> f32 {
    glyphs.get(i).map_or(0.0, |g| g.x0)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}'
}

/// A space that joins what it parts: no line breaks at it, and justification keeps its width.
fn is_no_break_space(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
}

/// Appends a glyph's text, expanding ligatures and dropping inner whitespace; whether the
/// glyph is a soft hyphen.
fn push_text(word: &mut String, glyph_text: &str) -> bool {
    // One visible ASCII character: most glyphs.
    if let &[b] = glyph_text.as_bytes()
        && b.is_ascii_graphic()
    {
        word.push(char::from(b));
        return false;
    }
    for c in glyph_text.chars() {
        match c {
            '\u{FB00}' => word.push_str("ff"),
            '\u{FB01}' => word.push_str("fi"),
            '\u{FB02}' => word.push_str("fl"),
            '\u{FB03}' => word.push_str("ffi"),
            '\u{FB04}' => word.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => word.push_str("st"),
            c if is_space(c) => {}
            c => word.push(c),
        }
    }
    glyph_text == "\u{AD}"
}

/// What follows a soft hyphen in the content.
enum Next<'g> {
    /// A glyph that is no space (`None`: none, or a space).
    Glyph(Option<&'g Glyph>),
    /// A space glyph, then this glyph that is no space (`None`: none, or a space).
    AfterSpace(Option<&'g Glyph>),
}

/// A soft hyphen whose next glyph (in the content, not a space) goes on the word past its
/// middle took room on the line: it is a hyphen drawn there (a rewrite that maps its hyphen
/// glyph to U+00AD, as `mutool convert` does), and stays as `-`. So does one with a width
/// that a space glyph and then a word follow on its line (`milieu-` ` en`: a word ends in
/// it). A soft hyphen left in the text as a possible break takes no room (the next glyph
/// starts where it does) and goes in [`flush`]; one at a line's end, before the next
/// line's glyph, becomes its word's flag. One with a width that opens its row alone is a
/// list's dash: there is no word to break.
#[cold]
#[inline(never)]
fn keep_drawn_soft_hyphen(
    text: &mut String,
    page: &PageText,
    kinds: &[Kind],
    i: usize,
    opens_row: bool,
) {
    let Some(g) = page.glyphs.get(i) else {
        return;
    };
    let glyph = |at: usize| page.glyphs.get(at).filter(|_| !kind(kinds, at).is_blank());
    // The glyph after it, or after the space glyph that follows it.
    let next = match kind(kinds, i + 1).is_blank() {
        false => Next::Glyph(glyph(i + 1)),
        true => Next::AfterSpace(glyph(i + 2)),
    };
    let wide = g.x1 - g.x0 > MIN_HYPHEN_EM * g.size;
    let on_its_line = |n: &Glyph| n.dir == g.dir && (n.baseline - g.baseline).abs() < 0.2 * g.size;
    let drawn = match next {
        Next::Glyph(n) => n.is_some_and(|n| {
            on_its_line(n) && n.x0 > (g.x0 + g.x1) / 2.0 && n.x0 - g.x1 < WORD_GAP_EM * g.size
        }),
        Next::AfterSpace(n) => {
            n.is_some_and(|n| on_its_line(n) && wide && n.x0 > g.x1 && n.x0 - g.x1 < g.size)
        }
    };
    let dash = opens_row && wide && text == "\u{AD}";
    if (drawn || dash) && text.ends_with('\u{AD}') {
        text.pop();
        text.push('-');
    }
}

/// A hyphen's width at least, in ems (Times' is 0.333, Verdana's 0.364).
const MIN_HYPHEN_EM: f32 = 0.2;

/// Ends the current word, taking its text from `out`'s buffers: a final soft hyphen
/// becomes a flag, inner ones go.
fn flush(current: &mut Option<WordBox>, out: &mut WordsOut) {
    let Some(mut word) = current.take() else {
        return;
    };
    if out.weigh_claims
        && let Some((top, bottom)) = out.vertical_extent()
    {
        (word.top, word.bottom) = (top, bottom);
    }
    out.extents.clear();
    let (text, starts) = (&mut out.text, &mut out.starts);
    // Most words are ASCII: no soft hyphen, no right-to-left letter to look for.
    let ascii = text.is_ascii();
    if !ascii && text.ends_with('\u{AD}') {
        word.soft_hyphen = true;
    }
    if !ascii && text.contains('\u{AD}') {
        // Glyph offsets shift with the removed hyphens.
        let shift = |at: usize| {
            text.get(..at)
                .map_or(0, |t| t.matches('\u{AD}').count() * 2)
        };
        *starts = starts.iter().map(|&at| at - shift(at)).collect();
        starts.dedup();
        text.retain(|c| c != '\u{AD}');
    }
    if !text.is_empty() {
        word.text = text.as_str().to_owned();
        if !ascii && super::bidi::has_rtl(text) {
            word.starts = starts.clone();
            // Reordered: the codes would no longer follow the text.
            word.unmapped.clear();
        }
        out.done.push(word);
    }
    text.clear();
    starts.clear();
}
