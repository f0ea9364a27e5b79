//! From glyphs to lines in reading order (extraction.md §3–4), and page furniture (§5).
//!
//! 1. Glyphs are grouped by direction; duplicates (fake bold) are dropped.
//! 2. Rows: glyphs sharing a baseline; raised small glyphs join the row they sit on.
//! 3. Words: a row sorted by x is cut at space characters and at gaps that are large for the
//!    font (kerning is not a gap; `Tc` letter spacing is not a gap).
//! 4. Reading order: a recursive XY-cut over the words: a full-height gutter splits columns
//!    (left before right), otherwise the widest full-width gap splits bands (top before
//!    bottom). Leaves become lines, top to bottom.
//!
//! Furniture is assigned afterwards over the whole document ([`assign_furniture`]).

mod bidi;
mod column_gaps;
mod furniture;
mod running;
mod symbols;
mod words;

use kamerbrief_model::{Line, Page, Rect, Role, Word};
use std::cell::{OnceCell, RefCell};

use crate::geometry::Dir;
use crate::interpret::PageText;
pub use furniture::assign_furniture;
use words::{SAME_BASELINE_PT, WordBox, build_words};

/// Recursion depth of the XY-cut; deeper nodes are read row by row.
const MAX_CUT_DEPTH: usize = 48;

/// A column's left edge that the XY-cut of a page cut a gutter before: where the column's
/// words start, how wide the gutter was, the column's type size. The pages of one document
/// share their grid, so a page that shows little of it (a short last page beside a running
/// column) is read with the edges its other pages cut ([`build_page`]'s `grid`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColumnEdge {
    pub x: f32,
    pub gutter: f32,
    pub size: f32,
}

/// Builds a page's lines in reading order (all roles `Body` until furniture is assigned),
/// and returns the column edges its upright text was cut at. `grid`: the column edges the
/// document's other pages were cut at.
pub fn build_page(
    text: &PageText,
    number: u32,
    width: f32,
    height: f32,
    grid: &[ColumnEdge],
) -> (Page, Vec<ColumnEdge>) {
    let mut lines = Vec::new();
    let mut edges = Vec::new();
    for dir in [Dir::Right, Dir::Down, Dir::Up, Dir::Left] {
        if !text.glyphs.iter().any(|g| g.dir == dir) {
            continue;
        }
        let mut words = build_words(text, dir, width, height);
        if words.is_empty() {
            continue;
        }
        // Every word goes to exactly one line, which takes its text (the cut and the rows
        // need only the geometry, and which words are list labels).
        let labels: Vec<bool> = words.iter().map(|w| is_list_label(&w.text)).collect();
        // (Most pages have no leaders: then none is looked for.)
        let leaders: Vec<bool> = if words.iter().any(|w| is_leader(&w.text)) {
            words.iter().map(|w| is_leader(&w.text)).collect()
        } else {
            Vec::new()
        };
        let mut texts: Vec<String> = words
            .iter_mut()
            .map(|w| std::mem::take(&mut w.text))
            .collect();
        let mut order = Vec::new();
        // The page's width runs across upright text's rows only.
        let upright = dir == Dir::Right;
        let across_page = upright.then_some(width);
        let grid = if upright { grid } else { &[] };
        let cut = Cut::new(&words, labels, leaders, across_page, &texts, grid);
        cut.xy_cut((0..words.len()).collect(), 0, &mut order);
        if upright {
            edges = cut.column_edges();
        }
        // Rows in reading order; a row's neighbours are the rows before and after it (most
        // leaves are one row: a page of evenly spaced lines is cut into its rows at once).
        let rows: Vec<Vec<usize>> = order
            .iter()
            .flat_map(|leaf| rows_of(leaf, &words))
            .collect();
        for (k, row) in rows.iter().enumerate() {
            let neighbours = [k.checked_sub(1), Some(k + 1)].map(|j| j.and_then(|j| rows.get(j)));
            for part in split_at_wide_gaps(row, &neighbours, &words, &texts) {
                lines.push(make_line(part, &words, &mut texts, dir, text));
            }
        }
    }
    mark_underlines(&mut lines, &text.rules);
    let page = Page {
        number,
        width,
        height,
        rotation: 0,
        lines,
        unmapped_glyphs: text.unmapped,
        rules: text
            .rules
            .iter()
            .map(|r| Rect::new(r.x0, r.y - r.thickness / 2.0, r.x1, r.y + r.thickness / 2.0))
            .collect(),
        diagnostics: text.diagnostics.clone(),
    };
    (page, edges)
}

/// Words with a rule close under their baseline (within a third of an em) and along most
/// of their width are underlined.
fn mark_underlines(lines: &mut [Line], rules: &[crate::paths::Rule]) {
    if rules.is_empty() {
        return;
    }
    let mut by_y: Vec<&crate::paths::Rule> = rules.iter().collect();
    by_y.sort_by(|a, b| a.y.total_cmp(&b.y));
    for line in lines.iter_mut() {
        let baseline = line.baseline;
        for word in &mut line.words {
            let reach = baseline + 0.35 * word.size;
            let start = by_y.partition_point(|r| r.y < baseline - 0.05 * word.size);
            let width = word.bbox.width();
            word.underline = by_y
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|r| r.y <= reach)
                .any(|r| r.x1.min(word.bbox.x1) - r.x0.max(word.bbox.x0) >= 0.7 * width);
        }
    }
}

/// The words of a page (in one direction), to be cut into reading order.
struct Cut<'w> {
    words: &'w [WordBox],
    /// All word indices by `x0`, then index.
    by_x0: Vec<usize>,
    /// All word indices by `top`, then index.
    by_top: Vec<usize>,
    /// The gutters cut so far (in reading order, so those above a node come before it).
    gutters: RefCell<Vec<Gutter>>,
    /// By word index: whether the word is a list item's label ([`is_list_label`]).
    labels: Vec<bool>,
    /// By word index: whether the word is a leader's dots ([`is_leader`]); empty on a
    /// page without them.
    leaders: Vec<bool>,
    /// The page's width along the rows, where it is known (upright text).
    page_width: Option<f32>,
    /// By word index: the word's text.
    texts: &'w [String],
    /// The column edges the document's other pages were cut at.
    grid: &'w [ColumnEdge],
}

/// A gutter the XY-cut split a node at: the empty channel `a`..`b` down to `bottom`, the
/// foot of that node's lowest row.
struct Gutter {
    a: f32,
    b: f32,
    bottom: f32,
    /// The type size of the node it was cut in.
    em: f32,
    /// The words left of it, from which [`Cut::left_edge_of`] reads where the column left
    /// of it starts when a grid rule first asks.
    left: Vec<usize>,
    left_edge: OnceCell<f32>,
    /// The type size of the column left of it.
    left_em: f32,
    /// Where the column right of it starts: its leftmost word in the type of the node
    /// (a cell of front matter in smaller type may stand nearer the gutter).
    right_edge: f32,
    /// The type size of the column right of it.
    right_em: f32,
}

impl<'w> Cut<'w> {
    fn new(
        words: &'w [WordBox],
        labels: Vec<bool>,
        leaders: Vec<bool>,
        page_width: Option<f32>,
        texts: &'w [String],
        grid: &'w [ColumnEdge],
    ) -> Cut<'w> {
        Cut {
            words,
            by_x0: order_by(words, |w| w.x0),
            by_top: order_by(words, |w| w.top),
            gutters: RefCell::new(Vec::new()),
            labels,
            leaders,
            page_width,
            texts,
            grid,
        }
    }

    /// The column edges cut: each gutter's right side, where the column after it starts.
    fn column_edges(&self) -> Vec<ColumnEdge> {
        self.gutters
            .borrow()
            .iter()
            .map(|g| ColumnEdge {
                x: g.right_edge,
                gutter: g.b - g.a,
                size: g.right_em,
            })
            .collect()
    }

    /// The (start, end) extents of the node's words along one axis, sorted by start as a
    /// stable sort of them in node order would ([`Cut::sorted_members`]).
    fn sorted_extents(
        &self,
        node: &[usize],
        sorted: &[usize],
        f: impl Fn(&WordBox) -> (f32, f32),
    ) -> Vec<(f32, f32)> {
        // A node much smaller than the page is sorted itself (stably, by start: the same
        // order); reading the page's order would cost a pass over every word of the page.
        if node.len().saturating_mul(SMALL_NODE_RATIO) < sorted.len() {
            let mut out: Vec<(f32, f32)> = node
                .iter()
                .filter_map(|&i| self.words.get(i))
                .map(f)
                .collect();
            out.sort_by(|a, b| a.0.total_cmp(&b.0));
            return out;
        }
        let member = self.membership(node);
        let mut out = Vec::with_capacity(node.len());
        out.extend(
            sorted
                .iter()
                .filter(|&&i| member.get(i) == Some(&true))
                .filter_map(|&i| self.words.get(i))
                .map(f),
        );
        out
    }

    /// The node's words in the order of `sorted` (a page order, [`order_by`] a start): as a
    /// stable sort of them by that start in node order would give, for nodes hold their
    /// words in index order (the root in full, every part in the order of its parent). So
    /// the page's order restricted to the node is the node's, found without sorting.
    fn sorted_members(
        &self,
        node: &[usize],
        sorted: &[usize],
        start: impl Fn(&WordBox) -> f32,
    ) -> Vec<usize> {
        if node.len().saturating_mul(SMALL_NODE_RATIO) < sorted.len() {
            let mut out = node.to_vec();
            sort_by_value(&mut out, self.words, start);
            return out;
        }
        let member = self.membership(node);
        sorted
            .iter()
            .copied()
            .filter(|&i| member.get(i) == Some(&true))
            .collect()
    }

    /// By word index: whether the word is in the node.
    fn membership(&self, node: &[usize]) -> Vec<bool> {
        let mut member = vec![false; self.words.len()];
        for &i in node {
            if let Some(m) = member.get_mut(i) {
                *m = true;
            }
        }
        member
    }
}

/// Sorts word indices by `value`, then index: as a stable sort of indices in index order
/// (a node's) would. (Integer keys sort faster than floats compared through the indices.)
fn sort_by_value(ids: &mut [usize], words: &[WordBox], value: impl Fn(&WordBox) -> f32) {
    let mut keys: Vec<u64> = ids
        .iter()
        .map(|&i| words::sort_key(words.get(i).map_or(0.0, &value), i))
        .collect();
    keys.sort_unstable();
    for (i, k) in ids.iter_mut().zip(keys) {
        *i = words::index_of(k);
    }
}

/// A one-row band read as the first row of columns under it ([`Cut::row_over_columns`]).
enum RowOver {
    /// Of the band under it, with their gutter.
    Columns((f32, f32)),
    /// Of the first of the band under's own bands: those bands, the row in the first.
    TopBand(Vec<Vec<usize>>),
}

/// A gap between the row's words as wide as a gutter can be.
fn has_gutter_wide_gap(row: &[usize], words: &[WordBox]) -> bool {
    let mut extents: Vec<(f32, f32, f32)> = (row.iter().filter_map(|&i| words.get(i)))
        .map(|w| (w.x0, w.x1, w.size))
        .collect();
    extents.sort_by(|p, q| p.0.total_cmp(&q.0));
    extents.windows(2).any(|pair| match pair {
        [p, q] => q.0 - p.1 >= NARROWEST_GUTTER_EM * p.2.max(q.2),
        _ => false,
    })
}

/// The node's words between `cuts` (ascending), top to bottom, none empty; a column's
/// text between notes taken with the column.
fn bands_between(node: &[usize], cuts: &[f32], words: &[WordBox], em: f32) -> Vec<Vec<usize>> {
    let mut bands: Vec<Vec<usize>> = vec![Vec::new(); cuts.len() + 1];
    for &i in node {
        let bottom = words.get(i).map_or(0.0, |w| w.bottom);
        let band = cuts.partition_point(|&y| y < bottom);
        if let Some(b) = bands.get_mut(band) {
            b.push(i);
        }
    }
    bands.retain(|b| !b.is_empty());
    take_column_text_from_between_notes(&mut bands, words, em);
    bands
}

/// A node with fewer than 1/this of the page's words is sorted, not read off the page's order.
const SMALL_NODE_RATIO: usize = 8;

/// All word indices sorted by `key`, then index.
fn order_by(words: &[WordBox], key: impl Fn(&WordBox) -> f32) -> Vec<usize> {
    let mut all: Vec<usize> = (0..words.len()).collect();
    sort_by_value(&mut all, words, key);
    all
}

/// How much wider than the widest word gap beside it a narrow gutter is at least.
const GUTTER_OVER_WORD_GAP: f32 = 1.3;

impl Cut<'_> {
    /// Splits `node` (indices into `words`) recursively; pushes leaves in reading order.
    fn xy_cut(&self, node: Vec<usize>, depth: usize, out: &mut Vec<Vec<usize>>) {
        let words = self.words;
        if node.len() <= 1 || depth >= MAX_CUT_DEPTH {
            out.push(node);
            return;
        }
        // A single row is a leaf: its wide gaps are cut when lines are made.
        let first_row = node
            .first()
            .and_then(|&i| words.get(i))
            .map(|w| w.row_baseline);
        if node
            .iter()
            .all(|&i| words.get(i).map(|w| w.row_baseline) == first_row)
        {
            out.push(node);
            return;
        }
        // The node's words by top, the gaps between them down the node and its type size,
        // which the cuts below share.
        let (by_top, row_gaps) = self.rows_down(&node);
        let em = median_size(&node, words);
        if let Some(y) = self.head_cut(&by_top, &row_gaps, em) {
            let (upper, lower): (Vec<usize>, Vec<usize>) = node
                .iter()
                .partition(|&&i| words.get(i).is_some_and(|w| w.bottom <= y));
            if !upper.is_empty() && !lower.is_empty() {
                self.xy_cut(upper, depth + 1, out);
                self.xy_cut(lower, depth + 1, out);
                return;
            }
        }
        if let Some((a, b)) = self.vertical_gutter(&node, || em) {
            // Only two columns on the page: where a gutter was cut before, these may be the
            // last two of three, a closing running on from one into the next.
            let first_gutter = self.gutters.borrow().is_empty();
            if let Some(y) = first_gutter
                .then(|| closing_below_columns(&node, words, &row_gaps, (a, b), em))
                .flatten()
            {
                let (upper, lower): (Vec<usize>, Vec<usize>) = node
                    .iter()
                    .partition(|&&i| words.get(i).is_some_and(|w| w.bottom <= y));
                self.xy_cut(upper, depth + 1, out);
                self.xy_cut(lower, depth + 1, out);
                return;
            }
            let x = (a + b) / 2.0;
            let (left, right): (Vec<usize>, Vec<usize>) = node
                .iter()
                .partition(|&&i| words.get(i).is_some_and(|w| w.x1 <= x));
            if !left.is_empty() && !right.is_empty() {
                // The lowest top's word ends the node (near enough: its last row).
                let bottom = by_top
                    .last()
                    .and_then(|&i| words.get(i))
                    .map_or(f32::INFINITY, |w| w.bottom);
                self.record_gutter((a, b), bottom, em, &left, &right);
                self.xy_cut(left, depth + 1, out);
                self.xy_cut(right, depth + 1, out);
                return;
            }
        }
        let cuts = self.horizontal_cuts(&node, &by_top, &row_gaps, em);
        if !cuts.is_empty() {
            let bands = bands_between(&node, &cuts, words, em);
            if bands.len() > 1 {
                self.read_bands(bands, em, depth, out);
                return;
            }
        }
        out.push(node);
    }

    /// Reads `bands` (a node's parts between its horizontal cuts, top to bottom), each
    /// on its own, or several together where columns run on across them.
    fn read_bands(
        &self,
        mut bands: Vec<Vec<usize>>,
        em: f32,
        depth: usize,
        out: &mut Vec<Vec<usize>>,
    ) {
        let words = self.words;
        let spans: Vec<BandSpan> = bands.iter().map(|b| BandSpan::of(b, words)).collect();
        let mut k = 0;
        while k < bands.len() {
            if let Some(run_on) = self.columns_run_on(&bands, &spans, k, em) {
                if !run_on.head.is_empty() {
                    self.xy_cut(run_on.head, depth + 1, out);
                }
                self.xy_cut(run_on.left, depth + 1, out);
                self.xy_cut(run_on.right, depth + 1, out);
                if !run_on.after.is_empty() {
                    self.xy_cut(run_on.after, depth + 1, out);
                }
                if !run_on.foot.is_empty() {
                    self.xy_cut(run_on.foot, depth + 1, out);
                }
                k += 1 + run_on.joined;
                continue;
            }
            let row_over = spans
                .get(k)
                .is_some_and(|s| s.one_row)
                .then(|| self.row_over_columns(bands.get(k)?, bands.get(k + 1)?))
                .flatten();
            match (row_over, bands.get(k..k + 2)) {
                (Some(RowOver::Columns((a, b))), Some(row_and_columns)) => {
                    // The row read with the columns under it, each side with its column.
                    let x = (a + b) / 2.0;
                    let (left, right): (Vec<usize>, Vec<usize>) = row_and_columns
                        .iter()
                        .flatten()
                        .partition(|&&i| words.get(i).is_some_and(|w| w.x1 <= x));
                    let columns = row_and_columns.last().map_or(&[][..], Vec::as_slice);
                    let bottom = node_extent(columns, words, |w| (w.top, w.bottom)).1;
                    self.record_gutter((a, b), bottom, em, &left, &right);
                    self.xy_cut(left, depth + 1, out);
                    self.xy_cut(right, depth + 1, out);
                    k += 2;
                }
                (Some(RowOver::TopBand(under)), _) if depth < MAX_CUT_DEPTH => {
                    self.read_bands(under, em, depth + 1, out);
                    k += 2;
                }
                _ => {
                    let band = bands.get_mut(k).map(std::mem::take).unwrap_or_default();
                    self.xy_cut(band, depth + 1, out);
                    k += 1;
                }
            }
        }
    }

    /// How the one row of a band reads with the band `next` under it, if as the first row
    /// of columns ([`Cut::columns_first_row`], or of those in `next`'s top part).
    fn row_over_columns(&self, row: &[usize], next: &[usize]) -> Option<RowOver> {
        match self.columns_first_row(row, next) {
            Ok(gutter) => Some(RowOver::Columns(gutter)),
            Err(true) => self
                .columns_first_row_over_top(row, next)
                .map(RowOver::TopBand),
            Err(false) => None,
        }
    }

    /// Where no gutter runs down all of the band `next` under a row (notes under one column
    /// level with the other column running on): `next`'s own bands, the row read with the
    /// first, when that one holds the columns whose first row the row is.
    fn columns_first_row_over_top(&self, row: &[usize], next: &[usize]) -> Option<Vec<Vec<usize>>> {
        let em = median_size(next, self.words);
        let (by_top, row_gaps) = self.rows_down(next);
        let cuts = self.horizontal_cuts(next, &by_top, &row_gaps, em);
        let mut bands = bands_between(next, &cuts, self.words, em);
        let top = bands.first_mut().filter(|_| !cuts.is_empty())?;
        self.columns_first_row(row, top).ok()?;
        top.extend_from_slice(row);
        top.sort_unstable();
        Some(bands)
    }

    /// The gutter of the band `next` where the one row of the band over it is the first row
    /// of its two columns (cut off by a space in both: a paragraph's space in one column
    /// level with a list's last line in the other): two columns of prose, many rows beside
    /// each other, ending in words (not a table's figures); the row's words on both sides
    /// of their gutter, none in it, in the columns' type, the left ones from the left
    /// column's edge, the right ones within the right column.
    /// `Err(true)` where all but a gutter down the whole of `next` was there.
    fn columns_first_row(&self, row: &[usize], next: &[usize]) -> Result<(f32, f32), bool> {
        let words = self.words;
        let row_words = || row.iter().filter_map(|&i| words.get(i));
        // Cheap first: a gap in the row as wide as a gutter can be, and a channel down the
        // band that the row's words stand either side of.
        if !has_gutter_wide_gap(row, words) {
            return Err(false);
        }
        if !gaps(self.sorted_extents(next, &self.by_x0, |w| (w.x0, w.x1)))
            .into_iter()
            .any(|channel| stand_apart(row_words(), channel, |_| true))
        {
            return Err(false);
        }
        let em = median_size(next, words);
        let (a, b) = self.vertical_gutter(next, || em).ok_or(true)?;
        let (x0, x1) = node_extent(next, words, |w| (w.x0, w.x1));
        let tolerance = LEFT_EDGE_TOLERANCE_EM * em;
        let left = row_words()
            .filter(|w| w.x1 <= a)
            .map(|w| w.x0)
            .reduce(f32::min);
        let right = row_words()
            .filter(|w| w.x0 >= b)
            .map(|w| w.x1)
            .reduce(f32::max);
        let (Some(left_x0), Some(right_x1)) = (left, right) else {
            return Err(false);
        };
        let prose = |left| runs_as_prose(next, words, a, b, left, em);
        (rows_beside(next, words, a, b) >= STRAIGHT_CHANNEL_ROWS
            && prose(true)
            && prose(false)
            && self.ends_in_words(next, a, em)
            && row_words().all(|w| (w.x1 <= a || w.x0 >= b) && in_type_of(w, em))
            && (left_x0 - x0).abs() <= tolerance
            && right_x1 <= x1 + tolerance)
            .then_some((a, b))
            .ok_or(false)
    }

    /// Where band `k` holds two prose columns, the bands under it that continue them,
    /// read with them: the bands were cut at a space in one column level with a space in
    /// the other, not where the columns end. Two ways:
    /// - bands that lie within the left column, from its left edge to near its gutter: the
    ///   left column runs on below where the right one ended (also when notes under both
    ///   columns follow in the band: [`left_runs_on_over_notes`]);
    /// - bands with words on both sides of the same gutter, each side opening in the
    ///   columns' type (a heading's space in one column level with a signature's space in
    ///   the other): both columns run on. A last short row across the gutter (the page
    ///   number) is read after them.
    ///
    /// `em`: the type size of the node the bands were cut from.
    fn columns_run_on(
        &self,
        bands: &[Vec<usize>],
        spans: &[BandSpan],
        k: usize,
        em: f32,
    ) -> Option<RunOn> {
        let words = self.words;
        let (band, top) = (bands.get(k)?, spans.get(k)?);
        let under = spans.get(k + 1)?;
        // Cheap first: the band is more than a line (most bands are a column's lines, cut at
        // their leading), and the one under it starts where its left column does. A band
        // under reaching further right than the band's ragged right column may only continue
        // both columns (its longest line may be the column's one full line).
        if top.one_row {
            return None;
        }
        let wider = under.x1 > top.x1 + LEFT_EDGE_TOLERANCE_EM * em;
        let band_edge = left_column_edge(band, words, top.x0, under.x0, em)?;
        let within_left = under.x1 <= top.x1 - 2.0 * em;
        // The columns: the band; or, in the node's first band, what lies under the front
        // matter (or a running header) at its top, when the band under lies within the left
        // column (the cuts came under the columns' short right one: a last page's closing,
        // signatures and annex in the left column, the annex running on at the right one's
        // top); or what lies over the band under's columns (beside a reference column too).
        let split;
        let (head, two, (a, b)) = match self.vertical_gutter(band, || em) {
            Some(gutter) => (
                &[][..],
                &band[..],
                self.beside_margin(band, gutter, under, em),
            ),
            None if wider => return None,
            None if k == 0 => {
                let next = bands.get(k + 1)?;
                let found = within_left
                    .then(|| self.columns_under_head(band, em))
                    .flatten()
                    .or_else(|| self.columns_over(band, next, under, em))
                    .or_else(|| {
                        within_left
                            .then(|| self.columns_under_front(band, em))
                            .flatten()
                    })
                    .or_else(|| {
                        within_left
                            .then(|| self.columns_under_front_rows(band, em))
                            .flatten()
                    })?;
                let (head, columns) =
                    self.with_columns_first_rows(found.head, found.columns, found.gutter);
                split = ColumnsUnderHead {
                    head,
                    columns,
                    gutter: found.gutter,
                };
                (&split.head[..], &split.columns[..], split.gutter)
            }
            None => return None,
        };
        let edge = if head.is_empty() {
            band_edge
        } else {
            left_column_edge(two, words, BandSpan::of(two, words).x0, under.x0, em)?
        };
        // Under the first two of three columns: their gutter, the third read after them.
        let narrowed;
        let front;
        let mut front_split = false;
        let (head, two, after, (a, b), within_left) =
            match self.left_columns(two, (a, b), (under, bands.get(k + 1)?), em) {
                Some(left) => {
                    narrowed = left;
                    let x1 = BandSpan::of(&narrowed.columns, words).x1;
                    let within = under.x1 <= x1 - 2.0 * em;
                    front_split = !narrowed.head.is_empty();
                    front = [head, &narrowed.head].concat();
                    (
                        &front[..],
                        &narrowed.columns[..],
                        &narrowed.after[..],
                        narrowed.gutter,
                        within,
                    )
                }
                None => (head, two, &[][..], (a, b), within_left),
            };
        // Front matter split off above the first two columns: the left one's edge under it.
        let edge = if front_split {
            left_column_edge(two, words, BandSpan::of(two, words).x0, under.x0, em)?
        } else {
            edge
        };
        let x = (a + b) / 2.0;
        // (A ragged column's lines may reach further into the gutter under the band than
        // in it, where they were all broken early: up to near the right column's edge.)
        let left_reach = x.max(b - NARROWED_GUTTER_EM * em);
        let in_left = |span: &BandSpan| {
            (span.x0 - edge).abs() <= LEFT_EDGE_TOLERANCE_EM * em && span.x1 < left_reach
        };
        // (A ragged column of lists and short lines runs as prose in a third of its rows.)
        let prose = |left| {
            runs_as_prose(two, words, a, b, left, em)
                || is_loose_justified_column(two, words, self.texts, (a, b), left, em)
        };
        // The bands under within the left column, one of them prose to near the gutter (the
        // first may be a closing's short lines: a column's flow runs through them).
        let fills = |span: &BandSpan| span.x1 >= a - FILLS_COLUMN_EM * em;
        let left_runs_on = within_left
            && in_left(under)
            && spans
                .get(k + 1..)?
                .iter()
                .take_while(|s| in_left(s))
                .any(fills);
        let next = bands.get(k + 1)?;
        let foot = if left_runs_on {
            None
        } else {
            foot_row(next, words, a, b)
        };
        let over_notes = !left_runs_on && left_runs_on_over_notes(next, words, (a, b), edge, em);
        // A ragged column's lines in the band under may reach further into the gutter than
        // the band's did: where the band under reaches further right, or where the gutter
        // was measured on the whole band. (Under a head split off the band, a head that is
        // the columns' upper part would pass as front matter.)
        let (a, b) = if (wider || head.is_empty()) && !left_runs_on && !over_notes {
            channel_through(next, words, (a, b), foot, em)
        } else {
            (a, b)
        };
        let both_run_on =
            !left_runs_on && !over_notes && continues_both(next, words, a, b, em, foot);
        let right_runs_on = !left_runs_on
            && !over_notes
            && !both_run_on
            && right_runs_on(two, next, words, (a, b), em);
        // (A band under reaching further right than the right column continues both, or
        // holds notes under them, wider than the text over them.)
        let runs_on = over_notes || both_run_on || right_runs_on || (left_runs_on && !wider);
        if !runs_on || !prose(true) || !prose(false) || !self.rows_of_columns(two, (a, b), edge, em)
        {
            return None;
        }
        let joined = if left_runs_on {
            spans
                .get(k + 1..)?
                .iter()
                .take_while(|s| in_left(s))
                .count()
        } else {
            1
        };
        let (mut left, mut right): (Vec<usize>, Vec<usize>) = two
            .iter()
            .partition(|&&i| words.get(i).is_some_and(|w| w.x1 <= x));
        if left.is_empty() || right.is_empty() {
            return None;
        }
        let bottom = node_extent(two, words, |w| (w.top, w.bottom)).1;
        self.record_gutter((a, b), bottom, em, &left, &right);
        let mut foot_words = Vec::new();
        let run_on = bands.get(k + 1..k + 1 + joined)?;
        // Where the left column runs on over notes (and a page number beside them), those
        // are read after both columns.
        let (notes_top, foot) = if left_runs_on {
            let last: &[usize] = run_on.last().map_or(&[], Vec::as_slice);
            let foot = last_row_beside(last, words, a).or(foot);
            let top = text_over_notes(last, words, em, foot).map(|text| {
                text.iter()
                    .map(|w| w.bottom)
                    .fold(f32::NEG_INFINITY, f32::max)
            });
            (top, foot)
        } else {
            (None, foot)
        };
        for &i in run_on.iter().flatten() {
            let Some(w) = words.get(i) else { continue };
            match side_of(w, a, b) {
                _ if left_runs_on && Some(w.row_baseline) == foot => foot_words.push(i),
                _ if left_runs_on && notes_top.is_some_and(|y| w.top >= y) => foot_words.push(i),
                _ if left_runs_on => left.push(i),
                _ if over_notes && is_note_size(w, em) => foot_words.push(i),
                _ if over_notes => left.push(i),
                _ if Some(w.row_baseline) == foot => foot_words.push(i),
                Some(true) => left.push(i),
                Some(false) => right.push(i),
                None => foot_words.push(i),
            }
        }
        Some(RunOn {
            head: head.to_vec(),
            left,
            right,
            after: after.to_vec(),
            foot: foot_words,
            joined,
        })
    }

    /// The gutter of the columns in `band` right of its `gutter` where that gutter parts a
    /// margin column from them (the band `under` starts right of it): the columns' own
    /// gutter, the margin column read with the left one. Else `gutter`.
    fn beside_margin(
        &self,
        band: &[usize],
        gutter: (f32, f32),
        under: &BandSpan,
        em: f32,
    ) -> (f32, f32) {
        if gutter.1 > under.x0 + LEFT_EDGE_TOLERANCE_EM * em {
            return gutter;
        }
        let columns: Vec<usize> = band
            .iter()
            .copied()
            .filter(|&i| self.words.get(i).is_some_and(|w| w.x0 >= gutter.1))
            .collect();
        self.vertical_gutter(&columns, || em).unwrap_or(gutter)
    }

    /// Where the band `under` (its words `next`) ends short of the gutter `a`..`b` of `two`
    /// (by more than a left column's last line would), and what lies left of the gutter has
    /// a gutter of its own, or one under front matter set across it
    /// ([`Cut::columns_under_front`]: a reference column beside a letter's front matter and
    /// two columns): those two columns (after the front matter), and what lies right of
    /// `a`..`b` (a third column), read after them. A band under that reaches the gutter as
    /// a ragged column's lines may, not past it, will do where it holds two columns on
    /// their gutter (the first two of three ragged columns running on under a cut; two
    /// columns under front matter beside a reference column on the right, a heading's space
    /// in one level with a signature's space in the other).
    fn left_columns(
        &self,
        two: &[usize],
        (a, b): (f32, f32),
        (under, next): (&BandSpan, &[usize]),
        em: f32,
    ) -> Option<LeftColumns> {
        let short = under.x1 < a - FILLS_COLUMN_EM * em;
        if !short && under.x1 >= b {
            return None;
        }
        let middle = (a + b) / 2.0;
        let (columns, after): (Vec<usize>, Vec<usize>) = two
            .iter()
            .partition(|&&i| self.words.get(i).is_some_and(|w| w.x1 <= middle));
        // A band under that is not short holds the two columns on their gutter: a channel
        // down it ends where the gutter does (another may part a page number from them).
        let next_on = |gutter: (f32, f32)| {
            short
                || gaps(self.sorted_extents(next, &self.by_x0, |w| (w.x0, w.x1)))
                    .into_iter()
                    .any(|(_, d)| (d - gutter.1).abs() <= GRID_GUTTER_TOLERANCE_PT)
        };
        if let Some(gutter) = self.vertical_gutter(&columns, || em) {
            // (A reference column's gutter left of the columns: theirs, right of it.)
            let gutter = self.beside_margin(&columns, gutter, under, em);
            if !next_on(gutter) {
                return None;
            }
            // Three columns beside a reference column on the right: the band under may
            // continue the first two only, left of this gutter too.
            if let Some(mut first_two) = self.left_columns(&columns, gutter, (under, next), em)
                && first_two.head.is_empty()
            {
                first_two.after.extend(after);
                return Some(first_two);
            }
            return Some(LeftColumns {
                head: Vec::new(),
                columns,
                after,
                gutter,
            });
        }
        let split = self.columns_under_front(&columns, em)?;
        if !next_on(split.gutter) {
            return None;
        }
        Some(LeftColumns {
            head: split.head,
            columns: split.columns,
            after,
            gutter: split.gutter,
        })
    }

    /// The two sides of the channel `a`..`b` in `two` stand beside each other as columns:
    /// for [`COLUMN_ROWS`] rows, or for two where the right side is set to the left
    /// column's measure (from `edge`), a grid's next column holding a paragraph's last
    /// lines (a caption or a side note has a measure of its own); or for one, beside a
    /// justified edge ([`is_next_column_at_measure`]).
    fn rows_of_columns(&self, two: &[usize], (a, b): (f32, f32), edge: f32, em: f32) -> bool {
        let words = self.words;
        match rows_beside(two, words, a, b) {
            n if n >= COLUMN_ROWS => true,
            n if n >= 2 => {
                let right: Vec<&WordBox> = side_words(two, words, a, b, false).collect();
                let right_end = across(&right).1;
                let measure_end = b + (a - edge);
                (right_end - measure_end).abs() <= SAME_MEASURE_EM * em
                    || ragged_at_measure(&right, b, measure_end, em)
            }
            1 => is_next_column_at_measure(two, words, &self.labels, a, b, em),
            _ => false,
        }
    }

    /// The columns at the foot of `band` that the band `next` (spanning `under`) continues:
    /// `next`'s gutter, and what lies in `band` below its last row across that gutter (a
    /// word from left of its middle through its right edge) and right of where `next`
    /// starts (front matter above, a reference column beside), when the gutter runs down it
    /// too.
    fn columns_over(
        &self,
        band: &[usize],
        next: &[usize],
        under: &BandSpan,
        em: f32,
    ) -> Option<ColumnsUnderHead> {
        let words = self.words;
        let (c, d) = self.vertical_gutter(next, || em)?;
        // Through the gutter, from left of its middle to past its far edge: a ragged
        // column's line may reach into it as measured under the band (even past its
        // middle), the right column's first word may start a little left of its edge.
        let middle = (c + d) / 2.0;
        let across = band
            .iter()
            .filter_map(|&i| words.get(i))
            .filter(|w| w.x0 < middle && w.x1 > d)
            .map(|w| w.bottom)
            .fold(f32::NEG_INFINITY, f32::max);
        let left_edge = under.x0 - LEFT_EDGE_TOLERANCE_EM * em;
        let (columns, head): (Vec<usize>, Vec<usize>) = band.iter().partition(|&&i| {
            words
                .get(i)
                .is_some_and(|w| w.top >= across && w.x0 >= left_edge)
        });
        if head.is_empty() {
            return None;
        }
        let gutter = self.vertical_gutter(&columns, || em)?;
        // The same gutter (each one's middle inside the other), as wide as both bands leave
        // it (a ragged column's lines reach into it as far as they happen to).
        let inside = |(a, b): (f32, f32), x: f32| a <= x && x <= b;
        (inside(gutter, (c + d) / 2.0) && inside((c, d), (gutter.0 + gutter.1) / 2.0)).then(|| {
            ColumnsUnderHead {
                head,
                columns,
                gutter: (gutter.0.max(c), gutter.1.min(d)),
            }
        })
    }

    /// `band` cut under its front matter: at the first of its cuts under which a gutter
    /// runs that the part above crosses (the front matter's rows set across the columns'
    /// measure). The head, the columns and their gutter.
    fn columns_under_front(&self, band: &[usize], em: f32) -> Option<ColumnsUnderHead> {
        let (by_top, row_gaps) = self.rows_down(band);
        let cuts = self.horizontal_cuts(band, &by_top, &row_gaps, em);
        self.columns_under_front_at(band, cuts, em, false)
    }

    /// [`Cut::columns_under_front`] at any gap between rows, the first from the top right
    /// under the rows that cross the gutter: a reference column beside the front matter's
    /// last rows and the columns' first may leave no gap across the band as wide as the
    /// columns' own paragraph spaces.
    fn columns_under_front_rows(&self, band: &[usize], em: f32) -> Option<ColumnsUnderHead> {
        let (_, row_gaps) = self.rows_down(band);
        let cuts = row_gaps.iter().map(|(a, b)| (a + b) / 2.0).collect();
        self.columns_under_front_at(band, cuts, em, true)
    }

    /// The head and columns of `band` at the first of `cuts` under which a gutter runs that
    /// the head crosses; `right_under`: with nothing of the head under its crossing rows
    /// above the columns (a cut lower down would take the columns' first rows for front
    /// matter).
    fn columns_under_front_at(
        &self,
        band: &[usize],
        cuts: Vec<f32>,
        em: f32,
        right_under: bool,
    ) -> Option<ColumnsUnderHead> {
        let words = self.words;
        cuts.into_iter().find_map(|y| {
            let (head, columns): (Vec<usize>, Vec<usize>) = band
                .iter()
                .partition(|&&i| words.get(i).is_some_and(|w| w.bottom <= y));
            let channels = || gaps(self.sorted_extents(&columns, &self.by_x0, |w| (w.x0, w.x1)));
            if right_under && !self.under_crossing_rows(&head, &columns, &channels()) {
                return None;
            }
            let gutter = self.vertical_gutter(&columns, || em)?;
            let middle = (gutter.0 + gutter.1) / 2.0;
            let crossed = if right_under {
                self.under_crossing_rows(&head, &columns, &[gutter])
            } else {
                head.iter()
                    .filter_map(|&i| words.get(i))
                    .any(|w| w.x0 < middle && w.x1 > middle)
            };
            crossed.then_some(ColumnsUnderHead {
                head,
                columns,
                gutter,
            })
        })
    }

    /// `head` and `columns`, the head's upper part of the columns moved to them: under the
    /// head's last row into the gutter (front matter set across the measure), its words
    /// within the columns' span (not a reference column beside them); else its last row.
    /// Moved where they are the columns' first rows ([`Cut::are_columns_first_rows`]).
    fn with_columns_first_rows(
        &self,
        head: Vec<usize>,
        mut columns: Vec<usize>,
        (a, b): (f32, f32),
    ) -> (Vec<usize>, Vec<usize>) {
        let words = self.words;
        let head_words = || head.iter().filter_map(|&i| words.get(i));
        let crossing_bottom = head_words()
            .filter(|w| w.x1 > a && w.x0 < b)
            .map(|w| w.bottom)
            .reduce(f32::max);
        let tolerance = LEFT_EDGE_TOLERANCE_EM * median_size(&columns, words);
        let (x0, x1) = node_extent(&columns, words, |w| (w.x0, w.x1));
        let under_crossing = |w: &WordBox| {
            crossing_bottom.is_some_and(|y| w.top >= y && w.x0 >= x0 - tolerance && w.x0 < x1)
        };
        let last = head_words().map(|w| w.row_baseline).reduce(f32::max);
        let in_last_row =
            |w: &WordBox| last.is_some_and(|last| (w.row_baseline - last).abs() < 0.5);
        let moves: [&dyn Fn(&WordBox) -> bool; 2] = [&under_crossing, &in_last_row];
        let Some(moves) = moves
            .into_iter()
            .find(|moves| self.are_columns_first_rows(&head, &columns, (a, b), moves))
        else {
            return (head, columns);
        };
        let (rows, rest): (Vec<usize>, Vec<usize>) = head
            .into_iter()
            .partition(|&i| words.get(i).is_some_and(moves));
        columns.extend(rows);
        (rest, columns)
    }

    /// The words of `head` that `moves` picks are the first rows of `columns`, cut off with
    /// the front matter by a space under them in both columns (a salutation's or a heading's
    /// in one, a signature's in the other): some of the head stays; they stand either side
    /// of the gutter, none in it, in the columns' type (note markers aside), the left ones
    /// from the left column's edge and the right ones from the right column's.
    fn are_columns_first_rows(
        &self,
        head: &[usize],
        columns: &[usize],
        (a, b): (f32, f32),
        moves: &dyn Fn(&WordBox) -> bool,
    ) -> bool {
        let words = self.words;
        let moved = |i: &usize| words.get(*i).is_some_and(moves);
        let rows = || {
            head.iter()
                .filter(|i| moved(i))
                .filter_map(|&i| words.get(i))
        };
        let em = median_size(columns, words);
        let tolerance = LEFT_EDGE_TOLERANCE_EM * em;
        // Where the words on one side of the gutter start.
        let start = |side: &mut dyn Iterator<Item = &WordBox>, left: bool| {
            side.filter(|w| if left { w.x1 <= a } else { w.x0 >= b })
                .map(|w| w.x0)
                .reduce(f32::min)
        };
        let flush = |left: bool| {
            let column = start(&mut columns.iter().filter_map(|&i| words.get(i)), left);
            match (column, start(&mut rows(), left)) {
                (Some(c), Some(r)) => (c - r).abs() <= tolerance,
                _ => false,
            }
        };
        head.iter().any(|i| !moved(i))
            && stand_apart(rows(), (a, b), |_| true)
            && rows().all(|w| w.superscript || in_type_of(w, em))
            && flush(true)
            && flush(false)
    }

    /// Nothing of `head` lies under its last row across one of `channels` (its middle)
    /// above the `columns`. Asked of every channel down the columns, a cheap test that the
    /// one with their gutter cannot pass where this fails.
    fn under_crossing_rows(
        &self,
        head: &[usize],
        columns: &[usize],
        channels: &[(f32, f32)],
    ) -> bool {
        let words = self.words;
        let crosses = |w: &WordBox| {
            channels.iter().any(|&(a, b)| {
                let middle = (a + b) / 2.0;
                w.x0 < middle && w.x1 > middle
            })
        };
        let head_words = || head.iter().filter_map(|&i| words.get(i));
        let Some(crossing_bottom) = head_words()
            .filter(|w| crosses(w))
            .map(|w| w.bottom)
            .reduce(f32::max)
        else {
            return false;
        };
        let (x0, x1) = node_extent(columns, words, |w| (w.x0, w.x1));
        !head_words().any(|w| w.top >= crossing_bottom && w.x1 > x0 && w.x0 < x1)
    }

    /// `band` cut where xy_cut would cut it (under a head of front matter, or at its single
    /// cut before columns), when what lies under the cut has a gutter: the head, the
    /// columns and their gutter.
    fn columns_under_head(&self, band: &[usize], em: f32) -> Option<ColumnsUnderHead> {
        let words = self.words;
        let (by_top, row_gaps) = self.rows_down(band);
        let y = match self.head_cut(&by_top, &row_gaps, em) {
            Some(y) => y,
            None => match self.horizontal_cuts(band, &by_top, &row_gaps, em)[..] {
                [y] => y,
                _ => return None,
            },
        };
        let (head, columns): (Vec<usize>, Vec<usize>) = band
            .iter()
            .partition(|&&i| words.get(i).is_some_and(|w| w.bottom <= y));
        if head.is_empty() {
            return None;
        }
        let gutter = self.vertical_gutter(&columns, || em)?;
        // Two columns, the left one whole (not two of three beside the last).
        let middle = (gutter.0 + gutter.1) / 2.0;
        let left: Vec<usize> = columns
            .iter()
            .copied()
            .filter(|&i| words.get(i).is_some_and(|w| w.x1 <= middle))
            .collect();
        if self.vertical_gutter(&left, || em).is_some() {
            return None;
        }
        Some(ColumnsUnderHead {
            head,
            columns,
            gutter,
        })
    }
}

/// The side of the channel `a`..`b` is a justified column set loose: many rows end flush at
/// its right edge, its rows as wide as prose's runs (but with word gaps wider than an em in
/// a narrow measure, too short runs for [`run_width`]).
fn is_loose_justified_column(
    node: &[usize],
    words: &[WordBox],
    texts: &[String],
    (a, b): (f32, f32),
    left: bool,
    em: f32,
) -> bool {
    let with_texts: Vec<(&WordBox, &str)> = node
        .iter()
        .filter_map(|&i| Some((words.get(i)?, texts.get(i)?.as_str())))
        .filter(|(w, _)| if left { w.x1 <= a } else { w.x0 >= b })
        .collect();
    let side: Vec<&WordBox> = with_texts.iter().map(|&(w, _)| w).collect();
    // The side's right edge: no word of the other side ends within half a point of it.
    let (_, edge) = across(&side);
    (justified_rows_ending_at(node, words, edge) >= STRAIGHT_CHANNEL_ROWS
        || stretched_rows_ending_at(with_texts, edge, em) >= MEASURE_ROWS)
        && median_row_width(&side) >= NARROW_PROSE_RUN_EM * em
}

/// How many rows of `side` (words with their texts) are lines stretched to `edge`: ending
/// within half a point of it, in three words or more, each with a letter, their word gaps
/// alike and half an em or wider. A justified column's few full lines over a closing and
/// signatures; a ragged line's spaces are narrower, a table's cells hold figures or stand
/// unevenly apart.
fn stretched_rows_ending_at(mut side: Vec<(&WordBox, &str)>, edge: f32, em: f32) -> usize {
    side.sort_by(|(p, _), (q, _)| {
        p.row_baseline
            .total_cmp(&q.row_baseline)
            .then(p.x0.total_cmp(&q.x0))
    });
    side.chunk_by(|(p, _), (q, _)| p.row_baseline == q.row_baseline)
        .filter(|row| {
            let (narrowest, widest) = row
                .windows(2)
                .filter_map(|pair| match pair {
                    [(p, _), (q, _)] => Some(q.x0 - p.x1),
                    _ => None,
                })
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), gap| {
                    (lo.min(gap), hi.max(gap))
                });
            row.len() >= 3
                && row.last().is_some_and(|(w, _)| (w.x1 - edge).abs() <= 0.5)
                && narrowest >= STRETCHED_GAP_EM * em
                && widest - narrowest <= ALIKE_GAPS_EM * em
                && row.iter().all(|(_, t)| t.chars().any(char::is_alphabetic))
        })
        .count()
}

/// A stretched line's word gaps are this many ems or wider (a space is about a quarter em).
const STRETCHED_GAP_EM: f32 = 0.5;

/// A stretched line's word gaps differ by this many ems at most.
const ALIKE_GAPS_EM: f32 = 0.1;

/// The left edge of the left column of `band` (starting at `x0`) that a band starting at
/// `under_x0` may continue: the band's own edge, or, a margin column left of the column (a
/// reference column beside its first lines), the edge the band under it starts at, where
/// the band's rows start flush.
fn left_column_edge(
    band: &[usize],
    words: &[WordBox],
    x0: f32,
    under_x0: f32,
    em: f32,
) -> Option<f32> {
    if (under_x0 - x0).abs() <= LEFT_EDGE_TOLERANCE_EM * em {
        Some(x0)
    } else {
        (under_x0 > x0
            && rows_starting_at(band, words, under_x0 - FLUSH_SLACK_PT) >= STRAIGHT_CHANNEL_ROWS)
            .then_some(under_x0)
    }
}

/// How far left of a band's edge its rows may start and still be flush with it.
const FLUSH_SLACK_PT: f32 = 0.25;

/// Whether `band` holds the left column running on (left of the gutter `a`..`b`, from the
/// column's left edge `x0` to near the gutter, in the columns' type `em`) over notes in
/// smaller type: the heading's space that cut the band off was level with the end of the
/// right column. Over notes under both columns, a ragged column's last lines need only reach
/// past its middle (not a short line under a table's first column either way), and may
/// reach a little into the channel measured on the rows above (not to its far side).
fn left_runs_on_over_notes(
    band: &[usize],
    words: &[WordBox],
    (a, b): (f32, f32),
    x0: f32,
    em: f32,
) -> bool {
    let Some(text) = text_over_notes(band, words, em, None) else {
        return false;
    };
    let (text_x0, text_x1) = across(&text);
    let notes = || {
        band.iter()
            .filter_map(|&i| words.get(i))
            .filter(|w| is_note_size(w, em))
    };
    let under_both = notes().any(|w| w.x1 <= a) && notes().any(|w| w.x0 >= b);
    let reach = if under_both {
        (a - x0) / 2.0
    } else {
        FILLS_COLUMN_EM * em
    };
    // A ragged column's line may reach into the channel measured above it, not past it.
    (text_x0 - x0).abs() <= LEFT_EDGE_TOLERANCE_EM * em && text_x1 < b && text_x1 >= a - reach
}

/// Moves into the band above it the text of a band that lies between notes in smaller type,
/// level with them on both sides: a middle column running on down between the notes under
/// its neighbours is read with its column, not across the notes' band.
fn take_column_text_from_between_notes(bands: &mut [Vec<usize>], words: &[WordBox], em: f32) {
    for k in 1..bands.len() {
        let (Some(upper), Some(lower)) = (bands.get(k - 1), bands.get(k)) else {
            continue;
        };
        let is_note = |i: &usize| words.get(*i).is_some_and(|w| is_note_size(w, em));
        if !lower.iter().any(is_note) || lower.iter().all(is_note) {
            continue;
        }
        let (notes, mut text): (Vec<usize>, Vec<usize>) = lower
            .iter()
            .partition(|&&i| is_note(&i) || words.get(i).is_some_and(|w| w.superscript));
        let text_words: Vec<&WordBox> = text.iter().filter_map(|&i| words.get(i)).collect();
        // In the columns' type, flush at the left edge of rows of the band above.
        let (x0, x1) = across(&text_words);
        if text_words.is_empty()
            || !text_words.iter().all(|w| in_type_of(w, em))
            || rows_starting_at(upper, words, x0) < MIN_GRID_ROWS
        {
            continue;
        }
        let (top, bottom) = text_words
            .iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(t, b), w| {
                (t.min(w.top), b.max(w.bottom))
            });
        let level = |w: &&WordBox| w.bottom > top && w.top < bottom;
        let note_words = || notes.iter().filter_map(|&i| words.get(i)).filter(level);
        if !(note_words().any(|w| w.x1 < x0) && note_words().any(|w| w.x0 > x1)) {
            continue;
        }
        // A note's number raised in the text (after a line's last word, too) goes with it.
        let (raised, notes): (Vec<usize>, Vec<usize>) = notes.into_iter().partition(|&i| {
            words.get(i).is_some_and(|w| {
                w.superscript && w.x0 >= x0 && w.x0 <= x1 + RAISED_AFTER_EM * em && level(&w)
            })
        });
        text.extend(raised);
        if let Some(lower) = bands.get_mut(k) {
            *lower = notes;
        }
        if let Some(upper) = bands.get_mut(k - 1) {
            upper.extend(text);
        }
    }
}

/// The band under the columns `two` (its words `next`) is the right column's last lines:
/// its leftmost word at the right column's left edge (`b`, where rows of the band over it
/// start), and most of its rows; every word past the gutter's start `a`, in the columns'
/// type, none reaching past the columns. So a middle column of three whose last lines ran
/// on down between notes under its neighbours, cut off at a heading's space level with
/// their ends, is read before the third (the gutter then parts the first column from the
/// other two).
fn right_runs_on(
    two: &[usize],
    next: &[usize],
    words: &[WordBox],
    (a, b): (f32, f32),
    em: f32,
) -> bool {
    let under: Vec<&WordBox> = next.iter().filter_map(|&i| words.get(i)).collect();
    let edge = under.iter().map(|w| w.x0).fold(f32::INFINITY, f32::min);
    let x1 = node_extent(two, words, |w| (w.x0, w.x1)).1;
    let tolerance = LEFT_EDGE_TOLERANCE_EM * em;
    !under.is_empty()
        && (edge - b).abs() <= tolerance
        && under
            .iter()
            .all(|w| w.x0 >= a && w.x1 <= x1 + tolerance && in_type_of(w, em))
        && 2 * rows_starting_at(next, words, edge) >= baselines(&under).len()
        && rows_starting_at(two, words, edge) >= MIN_GRID_ROWS
}

/// A note's number raised after a line's last word starts within this many ems of it.
const RAISED_AFTER_EM: f32 = 0.2;

/// A word in type clearly smaller than `em`: a note's.
fn is_note_size(w: &WordBox, em: f32) -> bool {
    w.size < NOTE_SIZE_SHARE * em
}

/// A band parted into what is read first (front matter above, a reference column beside)
/// and the columns under it ([`Cut::columns_under_head`], [`Cut::columns_over`]).
struct ColumnsUnderHead {
    head: Vec<usize>,
    columns: Vec<usize>,
    gutter: (f32, f32),
}

/// The first two of three columns and the third ([`Cut::left_columns`]).
struct LeftColumns {
    /// Front matter above the two columns, set across them.
    head: Vec<usize>,
    columns: Vec<usize>,
    after: Vec<usize>,
    gutter: (f32, f32),
}

/// What [`Cut::columns_run_on`] reads: the two columns with the bands that continue them,
/// what lies across the gutter under them, and how many bands were joined.
struct RunOn {
    /// Front matter above the columns in the first band, read before them.
    head: Vec<usize>,
    left: Vec<usize>,
    right: Vec<usize>,
    /// A third column right of them, read after them.
    after: Vec<usize>,
    foot: Vec<usize>,
    joined: usize,
}

/// How far (points) a word may reach into a channel measured on other rows ([`side_of`]).
const CHANNEL_SLACK_PT: f32 = 0.1;

/// Which side of the channel `a`..`b` a word lies on: left, right, or across it (`None`).
/// The channel was measured on other rows: a justified line may end a hair past it.
fn side_of(w: &WordBox, a: f32, b: f32) -> Option<bool> {
    if w.x1 <= a + CHANNEL_SLACK_PT {
        Some(true)
    } else if w.x0 >= b - CHANNEL_SLACK_PT {
        Some(false)
    } else {
        None
    }
}

/// The baseline of `band`'s last row and its words, when it is a few words
/// ([`FOOT_ROW_WORDS`] at most: a page number).
fn short_last_row<'w>(band: &[usize], words: &'w [WordBox]) -> Option<(f32, Vec<&'w WordBox>)> {
    short_edge_row(band, words, false)
}

/// `band` without its last row when that is a few words (a page number under columns,
/// across their gutter).
fn without_short_last_row(band: &[usize], words: &[WordBox]) -> Vec<usize> {
    let foot = short_last_row(band, words).map(|(baseline, _)| baseline);
    band.iter()
        .copied()
        .filter(|&i| words.get(i).is_none_or(|w| Some(w.row_baseline) != foot))
        .collect()
}

/// The baseline of `band`'s first (`top`) or last row and its words, when it is a few words
/// ([`FOOT_ROW_WORDS`] at most: a page number).
fn short_edge_row<'w>(
    band: &[usize],
    words: &'w [WordBox],
    top: bool,
) -> Option<(f32, Vec<&'w WordBox>)> {
    let baselines = band
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.row_baseline);
    let edge = if top {
        baselines.fold(f32::INFINITY, f32::min)
    } else {
        baselines.fold(f32::NEG_INFINITY, f32::max)
    };
    let row: Vec<&WordBox> = band
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| w.row_baseline == edge)
        .collect();
    (!row.is_empty() && row.len() <= FOOT_ROW_WORDS).then_some((edge, row))
}

/// The baseline of `band`'s last row when it is a few words right of the left column's
/// edge `a` (a page number under the column beside it).
fn last_row_beside(band: &[usize], words: &[WordBox], a: f32) -> Option<f32> {
    short_last_row(band, words)
        .filter(|(_, row)| row.iter().all(|w| w.x0 >= a))
        .map(|(last, _)| last)
}

/// The baseline of `band`'s last row when it is a few words of which one lies across the
/// channel `a`..`b` (the page number under two columns).
fn foot_row(band: &[usize], words: &[WordBox], a: f32, b: f32) -> Option<f32> {
    short_last_row(band, words)
        .filter(|(_, row)| row.iter().any(|w| side_of(w, a, b).is_none()))
        .map(|(last, _)| last)
}

/// The channel `a`..`b` (measured on the band over `band`) narrowed to what `band` leaves
/// empty too: a ragged column's longer lines below reach further into it. Unchanged when a
/// word lies across its middle from within it, or when what is left is less than half of
/// it (the gap between two words of a line across); a word from the left column may cross
/// the middle where nothing starts in the channel and what is left is a gutter still
/// ([`NARROWED_GUTTER_EM`] of `em`: a narrow gutter beside a ragged column's short lines).
fn channel_through(
    band: &[usize],
    words: &[WordBox],
    (a, b): (f32, f32),
    foot: Option<f32>,
    em: f32,
) -> (f32, f32) {
    let middle = (a + b) / 2.0;
    let (mut left, mut right) = (a, b);
    let mut crossed = false;
    for w in band.iter().filter_map(|&i| words.get(i)) {
        if Some(w.row_baseline) == foot || w.x1 <= a || w.x0 >= b {
            continue;
        }
        if w.x1 <= middle {
            left = left.max(w.x1);
        } else if w.x0 >= middle {
            right = right.min(w.x0);
        } else if w.x0 < a && w.x1 < b {
            left = left.max(w.x1);
            crossed = true;
        } else {
            return (a, b);
        }
    }
    let kept = right - left;
    let narrow_gutter = crossed && right == b && kept >= NARROWED_GUTTER_EM * em;
    if (!crossed && kept >= (b - a) / 2.0) || narrow_gutter {
        (left, right)
    } else {
        (a, b)
    }
}

/// A gutter measured over a band may narrow to this many ems in the band under it, the
/// next column's edge running on straight: a ragged or hinted line overshoots its measure
/// (three columns 0.47 em apart, a line 0.08 em past it).
const NARROWED_GUTTER_EM: f32 = 0.3;

/// Whether `band` continues two columns parted by the channel `a`..`b`: words on both sides,
/// the first row of each side in type of (about) the size `em` (not notes), or one side
/// all notes (those under its column, the other column running on beside them: a
/// signatory's name level with them), and nothing across the channel but the `foot` row.
fn continues_both(
    band: &[usize],
    words: &[WordBox],
    a: f32,
    b: f32,
    em: f32,
    foot: Option<f32>,
) -> bool {
    // The topmost word of each side.
    let (mut first_left, mut first_right): (Option<&WordBox>, Option<&WordBox>) = (None, None);
    for w in band.iter().filter_map(|&i| words.get(i)) {
        if Some(w.row_baseline) == foot {
            continue;
        }
        let first = match side_of(w, a, b) {
            Some(true) => &mut first_left,
            Some(false) => &mut first_right,
            None => return false,
        };
        if first.is_none_or(|f| w.top < f.top) {
            *first = Some(w);
        }
    }
    let (Some(l), Some(r)) = (first_left, first_right) else {
        return false;
    };
    let in_column_type = |w: &WordBox| w.size >= COLUMN_TYPE_SHARE * em;
    let all_notes = |left: bool| {
        band.iter()
            .filter_map(|&i| words.get(i))
            .filter(|w| side_of(w, a, b) == Some(left))
            .all(|w| is_note_size(w, em))
    };
    // A table's sections are cut where both its columns pause: the two sides then resume on
    // one row. Columns of text that run on resume each at its own height.
    let level_with_other_side = |first: &WordBox, left: bool| {
        band.iter().filter_map(|&i| words.get(i)).any(|w| {
            side_of(w, a, b) == Some(!left)
                && (w.row_baseline - first.row_baseline).abs() <= ROW_LEVEL_EM * em
        })
    };
    // Notes under both columns at the band's foot: the foot of a page of columns, not a
    // table's next section, whatever the heights the columns resume at (on a shared
    // baseline grid, often one).
    let over_notes = text_over_notes(band, words, em, foot).is_some();
    // Or the sides part below their first rows: none of the next few rows ([`GRID_ROWS`])
    // of the side with fewer is level with a row of the other (a heading in larger type
    // opening one met the other's row by chance; a table's cells stay on shared rows).
    let on_own_grids = || {
        let (fewer, more) = rows_by_side(band, words, a, b, foot);
        let next: Vec<f32> = fewer.into_iter().skip(1).take(GRID_ROWS).collect();
        next.len() >= MIN_GRID_ROWS
            && next
                .iter()
                .all(|y| !more.iter().any(|m| (m - y).abs() <= ROW_LEVEL_EM * em))
    };
    // A side all notes beside the other column's text is no table's column, level or not.
    let notes_beside = !in_column_type(l) || !in_column_type(r);
    (in_column_type(l) || in_column_type(r))
        && (in_column_type(l) || all_notes(true))
        && (in_column_type(r) || all_notes(false))
        && (over_notes
            || notes_beside
            || !level_with_other_side(l, true) && !level_with_other_side(r, false)
            || on_own_grids())
}

/// Rows below the first that show whether two sides keep to shared rows: this many, or
/// all the shorter side has but at least [`MIN_GRID_ROWS`] (a signature's two names and
/// roles under its first, level with a heading in the other column).
const GRID_ROWS: usize = 4;
const MIN_GRID_ROWS: usize = 2;

/// The text of `band` when it ends in notes (type clearly smaller than `em`) below all of
/// it, the `foot` row (a page number) aside.
fn text_over_notes<'w>(
    band: &[usize],
    words: &'w [WordBox],
    em: f32,
    foot: Option<f32>,
) -> Option<Vec<&'w WordBox>> {
    let (notes, text): (Vec<&WordBox>, Vec<&WordBox>) = band
        .iter()
        .filter_map(|&i| words.get(i))
        // A superscript is small wherever it is: a reference in the text or a note's number.
        .filter(|w| Some(w.row_baseline) != foot && !w.superscript)
        .partition(|w| is_note_size(w, em));
    let text_bottom = text
        .iter()
        .map(|w| w.bottom)
        .fold(f32::NEG_INFINITY, f32::max);
    (!text.is_empty() && !notes.is_empty() && notes.iter().all(|w| w.top >= text_bottom))
        .then_some(text)
}

/// Rows of two columns whose baselines are this many ems apart or less are level.
const ROW_LEVEL_EM: f32 = 0.2;

/// A side of a band opens in the columns' type when its first row is at least this share of
/// it (a note under the columns is smaller).
const COLUMN_TYPE_SHARE: f32 = 0.9;

/// `w` is in the type `em`, within [`COLUMN_TYPE_SHARE`] either way.
fn in_type_of(w: &WordBox, em: f32) -> bool {
    w.size >= COLUMN_TYPE_SHARE * em && COLUMN_TYPE_SHARE * w.size <= em
}

/// The words `row` stand either side of the channel `a`..`b`, none in it, some left of it
/// and some right of it that `right` accepts.
fn stand_apart<'w>(
    row: impl Iterator<Item = &'w WordBox> + Clone,
    (a, b): (f32, f32),
    right: impl Fn(&WordBox) -> bool,
) -> bool {
    row.clone().all(|w| w.x1 <= a || w.x0 >= b)
        && row.clone().any(|w| w.x1 <= a)
        && row.filter(|w| w.x0 >= b).any(right)
}

/// A band's extent across, and whether it is one row: what [`Cut::columns_run_on`]
/// looks at first, found in one pass over its words. `x1` leaves out a last row of a few
/// words (a page number at the foot, right of the column the band continues).
struct BandSpan {
    x0: f32,
    x1: f32,
    one_row: bool,
}

impl BandSpan {
    fn of(band: &[usize], words: &[WordBox]) -> BandSpan {
        let mut x0 = f32::INFINITY;
        // The lowest row's baseline, its right end and word count; the rest's right end.
        let mut last = (f32::NEG_INFINITY, f32::NEG_INFINITY, 0usize);
        let mut above = f32::NEG_INFINITY;
        let mut rows = 0usize;
        for w in band.iter().filter_map(|&i| words.get(i)) {
            x0 = x0.min(w.x0);
            if (w.row_baseline - last.0).abs() < 0.5 {
                last = (last.0, last.1.max(w.x1), last.2 + 1);
            } else if w.row_baseline > last.0 {
                above = above.max(last.1);
                last = (w.row_baseline, w.x1, 1);
                rows += 1;
            } else {
                above = above.max(w.x1);
                rows += 1;
            }
        }
        let x1 = if rows > 1 && last.2 <= FOOT_ROW_WORDS {
            above
        } else {
            above.max(last.1)
        };
        BandSpan {
            x0,
            x1,
            one_row: rows <= 1,
        }
    }
}

/// A band's last row of at most this many words is left out of its extent (`Pagina 1 van
/// 2`).
const FOOT_ROW_WORDS: usize = 4;

/// Two columns run beside each other for at least this many rows (not a form's row of
/// fields, a caption beside a paragraph).
const COLUMN_ROWS: usize = 3;

/// Columns of one grid are set to one measure, within this many ems.
const SAME_MEASURE_EM: f32 = 0.5;

/// Bands of one column start within this many ems of each other.
const LEFT_EDGE_TOLERANCE_EM: f32 = 0.3;

/// A band continues a column when its lines reach within this many ems of the column's
/// gutter (it fills the column's measure, not a short line under a table's first column).
const FILLS_COLUMN_EM: f32 = 1.5;

/// Free intervals of a projection: (start, end) of every gap between the covered parts.
/// `intervals` are sorted by start ([`Cut::sorted_extents`]).
fn gaps(intervals: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for (start, end) in intervals {
        if reach.is_finite() && start > reach {
            out.push((reach, start));
        }
        reach = reach.max(end);
    }
    out
}

fn median_size(node: &[usize], words: &[WordBox]) -> f32 {
    let mut sizes = Vec::with_capacity(node.len());
    sizes.extend(node.iter().filter_map(|&i| words.get(i)).map(|w| w.size));
    median(sizes).unwrap_or(10.0)
}

/// The middle value (the upper one of an even count); `None` for no values.
fn median(mut values: Vec<f32>) -> Option<f32> {
    // `total_cmp` is a total order: the middle value is the one a full sort puts there.
    let middle = values.len() / 2;
    if middle < values.len() {
        values.select_nth_unstable_by(middle, f32::total_cmp);
    }
    values.get(middle).copied()
}

impl Cut<'_> {
    /// A gutter: a vertical gap across the whole node, wide for the type: 1.5 em, or less
    /// where the page's word gaps are all clearly narrower (a narrow gutter between two
    /// columns, a reference column close to the body). Returns its middle.
    ///
    /// Not a gutter: the space after a label or list number that lines up row by row with
    /// what follows it (`Datum   7 april 2021`, `1.   Het versterken`): that is one line.
    fn vertical_cut(&self, node: &[usize]) -> Option<f32> {
        self.vertical_cut_sized(node, || median_size(node, self.words))
    }

    /// [`Cut::vertical_cut`] with the node's type size given (found when first needed).
    fn vertical_cut_sized(&self, node: &[usize], em: impl FnOnce() -> f32) -> Option<f32> {
        self.vertical_gutter(node, em).map(|(a, b)| (a + b) / 2.0)
    }

    /// The gutter [`Cut::vertical_cut_sized`] cuts at, as its (start, end).
    fn vertical_gutter(&self, node: &[usize], em: impl FnOnce() -> f32) -> Option<(f32, f32)> {
        let words = self.words;
        let all = gaps(self.sorted_extents(node, &self.by_x0, |w| (w.x0, w.x1)));
        // Most nodes are text whose words leave no gap down the whole node: done.
        if all.is_empty() {
            return None;
        }
        let em = em();
        let one_row = on_one_row(node, words);
        let min_gap = if one_row { 3.0 * em } else { 0.5 * em };
        let candidates: Vec<(f32, f32)> = all
            .into_iter()
            .filter(|&(a, b)| {
                b - a >= min_gap || (!one_row && self.is_narrowest_gutter(node, a, b, em))
            })
            .collect();
        if candidates.is_empty() {
            return None;
        }
        let (x0, x1) = node_extent(node, words, |w| (w.x0, w.x1));
        // Widest first; the first acceptable one wins.
        let mut sorted = candidates;
        sorted.sort_by(|a, b| (b.1 - b.0).total_cmp(&(a.1 - a.0)));
        let placed = OnceCell::new();
        sorted.iter().copied().find(|&(a, b)| {
            !is_hang_after_labels(node, words, &self.labels, (a, b), &sorted, em)
                && self.is_gutter(node, (a, b), em, (x0, x1), &placed)
                && !self.is_between_leaders(node, a, b, em)
        })
    }

    /// A channel under half an em wide (down to [`NARROWEST_GUTTER_EM`]) that is a gutter
    /// all the same:
    /// - a straight channel between prose, many rows hugging it on both sides: two columns
    ///   set a narrow gutter apart (half an em of large type), on their own grids or on
    ///   one, which no word gap lines up with so long (not a table's cells; a table of
    ///   contents' leaders are told by their dots, `is_between_leaders`), or the rest of a
    ///   grid whose first gutter, as narrow, was cut so (`continues_grid`);
    /// - beside a ragged column (however many of its lines come close: a narrow measure,
    ///   hyphenated), the next column's straight left edge down the whole node
    ///   ([`Cut::is_flush_beside_ragged`]);
    /// - a few lines at the top of the next column (signatures) beside a column's edge, or
    ///   its first row alone ([`is_next_columns_first_row`]: a paragraph's last words).
    fn is_narrowest_gutter(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        let words = self.words;
        if b - a < NARROWEST_GUTTER_EM * em
            && !self.clears_word_gaps(node, a, b, em)
            && self.unprotruded_width(node, a, b, em) < NARROWEST_GUTTER_EM * em
        {
            return false;
        }
        let hugging = |left: bool| rows_at_channel(node, words, a, b, left, em) >= HUGGING_ROWS;
        ((is_prose_channel(node, words, a, b, em) || self.continues_grid(node, a, b, em))
            && hugging(true)
            && hugging(false))
            || (!has_straight_right_edge(node, words, a)
                && flush_edge_spans_node(node, words, b, em)
                && self.is_flush_beside_ragged(node, a, b, em))
            || (rows_starting_at(node, words, b) >= 2 && is_next_columns_top(node, words, a, b, em))
            || is_next_columns_first_row(node, words, a, b, em, self.page_width)
            || (rows_starting_at(node, words, b) >= 2
                && has_few_rows_beside(node, words, a, b)
                && is_column_edge(node, words, a, b, em))
    }

    /// The width of the channel `a`..`b` between the letters beside it: without the
    /// punctuation a typesetter hangs into the margin (microtype's protrusion: a line's
    /// final hyphen, stop or comma, an opening quote), which narrows a gutter by up to a
    /// third of an em in some rows while the columns' letters keep to their edges.
    fn unprotruded_width(&self, node: &[usize], a: f32, b: f32, em: f32) -> f32 {
        self.letters_edge(node, a, b, em, false) - self.letters_edge(node, a, b, em, true)
    }

    /// The edge of the letters `left` of the channel `a`..`b` (or right of it): `a` (`b`),
    /// or, where the words reaching nearest it hang punctuation past a straight edge of
    /// letters (a justified column's: the nearest place where [`HUGGING_ROWS`] rows or more
    /// end within [`STRAIGHT_EDGE_PT`], more than twice as many as the rows whose letters
    /// reach past it, by [`LETTER_PROTRUSION_EM`] at most, as microtype protrudes a `w` or a
    /// `y` a little too) in two rows or more
    /// (one word's is a row's word gap over a gutter: a subject line across the columns),
    /// that edge, within [`PROTRUSION_EM`].
    fn letters_edge(&self, node: &[usize], a: f32, b: f32, em: f32, left: bool) -> f32 {
        let edge = if left { a } else { b };
        let reach = PROTRUSION_EM * em;
        // How far short of the edge each word near it stops.
        let short_of = |w: &WordBox| if left { a - w.x1 } else { w.x0 - b };
        let near = node
            .iter()
            .filter_map(|&i| Some((self.words.get(i)?, i)))
            .filter(|(w, _)| is_on_side(w, a, b, left) && short_of(w) <= reach);
        let (mut letters, mut hanging) = (Vec::new(), Vec::new());
        for (w, i) in near {
            let t = self.texts.get(i).map_or("", String::as_str);
            if self.hangs(node, w, t, left) {
                hanging.push(short_of(w));
            } else {
                letters.push(short_of(w));
            }
        }
        // The straight edge: the nearest place where enough rows' letters end, more than
        // twice as many as reach past it, and those by a protruded letter's reach at most
        // (a word further past, a page number's across the channel, ends the search).
        letters.sort_by(f32::total_cmp);
        let furthest = letters.first().copied().unwrap_or(0.0);
        let straight = (letters.iter().enumerate())
            .take_while(|&(_, &d)| d - furthest <= LETTER_PROTRUSION_EM * em)
            .find_map(|(past, &d)| {
                let on_edge = (letters.iter().skip(past))
                    .take_while(|&&e| e - d <= STRAIGHT_EDGE_PT)
                    .count();
                (on_edge >= HUGGING_ROWS && on_edge > 2 * past).then_some(d)
            });
        let Some(nearest) = straight else {
            return edge;
        };
        // (A hyphen ending a line flush with the others' letters hangs nothing.)
        let past_letters = hanging
            .iter()
            .filter(|&&d| d < nearest - STRAIGHT_EDGE_PT)
            .count();
        match past_letters >= HANGING_ROWS {
            true if left => a - nearest,
            true => b + nearest,
            false => edge,
        }
    }

    /// Whether the word `w` (text `t`), left of a channel (or right of it), ends (starts)
    /// in punctuation a typesetter hangs into the margin: a word's, or a dash that ends
    /// (opens) a line of words, not a page number's dashes standing alone.
    fn hangs(&self, node: &[usize], w: &WordBox, t: &str, left: bool) -> bool {
        let at_edge = if left {
            t.ends_with(HANGING_AT_END)
        } else {
            t.starts_with(HANGING_AT_START)
        };
        at_edge
            && (t.chars().any(char::is_alphanumeric)
                || node.iter().filter_map(|&i| self.words.get(i)).any(|o| {
                    (o.row_baseline - w.row_baseline).abs() < 0.5
                        && if left { o.x1 <= w.x0 } else { o.x0 >= w.x1 }
                }))
    }

    /// A channel under [`NARROWEST_GUTTER_EM`], down to [`NARROWED_GUTTER_EM`], clearly wider
    /// than every word gap of the node's rows ([`CLEAR_OF_WORD_GAPS`] times the widest): two
    /// columns a gutter of 6 pt apart in large hinted type, whose glyphs' reach narrows it
    /// to 0.39 em, set with word gaps of a fifth of an em. Down a long channel (rows beside
    /// each other on both sides, [`LONG_CHANNEL_ROWS`]) wider than every word gap will do
    /// (not the tabs after a list's labels): word gaps never line up so long (glyphs widened
    /// to fill justified lines leave gaps of a third of an em beside such a gutter).
    fn clears_word_gaps(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        if b - a < NARROWED_GUTTER_EM * em {
            return false;
        }
        let placed = self.placed(node);
        let (all, unlabelled) =
            widest_word_gaps(&placed, a, b, f32::NEG_INFINITY, f32::INFINITY, em);
        b - a >= CLEAR_OF_WORD_GAPS * all
            || (b - a >= WIDER_THAN_WORD_GAPS * unlabelled
                && rows_beside(node, self.words, a, b) >= LONG_CHANNEL_ROWS)
    }

    /// The channel `a`..`b` runs between a table of contents' leader dots, set on one grid
    /// down the page: half the words within an em of it on one side or the other are dots,
    /// in a few rows at least (not an ellipsis or two in a figure).
    fn is_between_leaders(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        if self.leaders.is_empty() {
            return false;
        }
        let near = |left: bool| {
            let (mut all, mut dots) = (0, 0);
            for &i in node {
                let Some(w) = self.words.get(i) else { continue };
                let close = if left {
                    w.x1 <= a && w.x1 >= a - em
                } else {
                    w.x0 >= b && w.x0 <= b + em
                };
                if close {
                    all += 1;
                    dots += usize::from(self.leaders.get(i) == Some(&true));
                }
            }
            dots >= LEADER_ROWS && 2 * dots >= all
        };
        near(true) || near(false)
    }

    /// The left edge of the column that ends at a gutter `gutter` wide, `left` being
    /// everything left of it: where the last channel down all of it at least as wide ends
    /// (a reference column beside it), else its left edge. With the gutter's right edge, the
    /// pitch of the columns' grid.
    fn column_left_edge(&self, left: &[usize], gutter: f32) -> f32 {
        let x0 = node_extent(left, self.words, |w| (w.x0, w.x1)).0;
        gaps(self.sorted_extents(left, &self.by_x0, |w| (w.x0, w.x1)))
            .iter()
            .rev()
            .find(|&&(a, b)| b - a >= gutter)
            .map_or(x0, |&(_, b)| b)
    }

    /// `node`'s words by top and the gaps between them down the node, which the cuts
    /// across share.
    fn rows_down(&self, node: &[usize]) -> (Vec<usize>, Vec<(f32, f32)>) {
        let words = self.words;
        let by_top = self.sorted_members(node, &self.by_top, |w| w.top);
        let row_gaps = gaps(
            by_top
                .iter()
                .filter_map(|&i| words.get(i))
                .map(|w| (w.top, w.bottom))
                .collect(),
        );
        (by_top, row_gaps)
    }

    /// Records the gutter `a`..`b` cut in a node in type `em` whose last row ends at
    /// `bottom`, between the words `left` and `right` of it, for the grid rules below it.
    fn record_gutter(
        &self,
        (a, b): (f32, f32),
        bottom: f32,
        em: f32,
        left: &[usize],
        right: &[usize],
    ) {
        let words = self.words;
        self.gutters.borrow_mut().push(Gutter {
            a,
            b,
            bottom,
            em,
            left: left.to_vec(),
            left_edge: OnceCell::new(),
            left_em: median_size(left, words),
            right_edge: column_edge_in_type(right, words, em).unwrap_or(b),
            right_em: median_size(right, words),
        });
    }

    /// [`Cut::column_left_edge`] of gutter `g`, read once.
    fn left_edge_of(&self, g: &Gutter) -> f32 {
        *g.left_edge
            .get_or_init(|| self.column_left_edge(&g.left, g.b - g.a))
    }

    /// [`Cut::is_gutter`] for a channel of `node`, measured in its median type.
    fn is_gutter_in(&self, node: &[usize], channel: (f32, f32)) -> bool {
        let (x0, x1) = node_extent(node, self.words, |w| (w.x0, w.x1));
        let em = median_size(node, self.words);
        self.is_gutter(node, channel, em, (x0, x1), &OnceCell::new())
    }

    /// Whether the empty channel `a`..`b` down `node` (from `x0` to `x1`) is a gutter: wide for
    /// the type, a narrow gutter, or the gutter of notes under columns however many rows
    /// they run (their own word gaps and markers say nothing of it); not the gap after a
    /// column of labels unless prose runs beside it (or a column of prose at the page's
    /// grid's full measure ends at it: what stands level with its rows beyond it is a
    /// reference column's, not their values); not a justified line's word gap.
    fn is_gutter(
        &self,
        node: &[usize],
        (a, b): (f32, f32),
        em: f32,
        (x0, x1): (f32, f32),
        placed: &OnceCell<Vec<Placed>>,
    ) -> bool {
        let words = self.words;
        let completes_grid = self.completes_grid((x0, x1), a, b);
        let beside_notes = self.runs_on_beside_notes(node, a, b);
        (b - a >= 1.5 * em
            || completes_grid
            || beside_notes
            || self.on_document_grid(node, a, b, em)
            || self.is_narrow_gutter(node, a, b, em, placed)
            || self.is_notes_gutter(node, a, b, em))
            && (!is_label_gap(node, words, self.texts, a, b, x1 - x0, em)
                || completes_grid
                || self.opens_grid_column(node, x1, a, b)
                || beside_notes
                || is_prose_channel(node, words, a, b, em)
                || is_next_columns_top(node, words, a, b, em)
                || is_next_columns_first_row(node, words, a, b, em, self.page_width)
                || self.is_notes_gutter(node, a, b, em)
                || self.prose_ends_at_grid_measure(node, a, b, em)
                || self.stands_past_grid_measure(node, a, b, em))
            && !is_justified_word_gap(node, words, self.texts, &self.labels, a, b)
    }

    /// The channel ends at the left edge of a column cut above (a gutter's right side), and
    /// what stands right of it is that column running on in its own type, every row flush
    /// at that edge, beside notes in smaller type left of it: the column runs down past the
    /// top of the notes under its neighbour (the last signatory's name level with the first
    /// note). However few its rows: the column above, not the band, shows the gutter.
    fn runs_on_beside_notes(&self, node: &[usize], a: f32, b: f32) -> bool {
        let words = self.words;
        let gutters = self.gutters.borrow();
        let Some(g) = gutters.iter().find(|g| {
            (g.b - b).abs() < GRID_GUTTER_TOLERANCE_PT && a <= g.a + GRID_GUTTER_TOLERANCE_PT
        }) else {
            return false;
        };
        let top = node_extent(node, words, |w| (w.top, w.bottom)).0;
        if g.bottom > top {
            return false;
        }
        let left = || side_words(node, words, a, b, true);
        let right = || side_words(node, words, a, b, false);
        let in_column_type = |w: &WordBox| (w.size - g.em).abs() <= (1.0 - GRID_TYPE_SHARE) * g.em;
        left().next().is_some()
            && left().all(|w| is_note_size(w, g.em))
            && right().next().is_some()
            && right().all(in_column_type)
            && rows_flush_at(right(), g.b)
    }

    /// The channel continues a gutter cut above, between rows in smaller type than the
    /// columns it parted ([`Cut::continued_gutter_size`]): notes under the columns, set in
    /// columns of their own however short their lines.
    fn is_notes_gutter(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        let side_em = smaller_side_size(node, self.words, a, b, em);
        self.continued_gutter_size(node, a, b, side_em)
            .is_some_and(|size| side_em < NOTE_SIZE_SHARE * size)
    }

    /// The node's words as [`Placed`], row by row and left to right.
    fn placed(&self, node: &[usize]) -> Vec<Placed> {
        let mut placed: Vec<Placed> = node
            .iter()
            .filter_map(|&i| {
                let label = self.labels.get(i).copied().unwrap_or_default();
                self.words
                    .get(i)
                    .map(|w| (w.row_baseline, w.x0, w.x1, label))
            })
            .collect();
        placed.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.total_cmp(&q.1)));
        placed
    }
}

/// The channel `a`..`b` is the hang of a list whose labels stand just after a gutter: left
/// of it, a narrow strip of words after another channel, each level with a row right of it,
/// and the rows right of it more (some item runs on over lines under its label). The
/// gutter is the channel before the labels, which go with their items (`3.` of a list at
/// the top of the second column, level with the first column's first line).
fn is_hang_after_labels(
    node: &[usize],
    words: &[WordBox],
    labels: &[bool],
    (a, b): (f32, f32),
    channels: &[(f32, f32)],
    em: f32,
) -> bool {
    let Some(strip_start) = channels
        .iter()
        .map(|c| c.1)
        .filter(|&end| end <= a && a - end <= LABEL_STRIP_EM * em)
        .reduce(f32::max)
    else {
        return false;
    };
    let in_strip = |w: &WordBox| w.x0 >= strip_start && w.x1 <= a;
    // Labels only, and at least one (most strips hold words of prose: done).
    let mut strip_words = node
        .iter()
        .filter(|&&i| words.get(i).is_some_and(in_strip))
        .peekable();
    if strip_words.peek().is_none()
        || !strip_words.all(|&i| labels.get(i).copied().unwrap_or(false))
    {
        return false;
    }
    let rows = |keep: &dyn Fn(&WordBox) -> bool| {
        let side: Vec<&WordBox> = node
            .iter()
            .filter_map(|&i| words.get(i))
            .filter(|w| keep(w))
            .collect();
        baselines(&side)
    };
    let strip = rows(&in_strip);
    let right = rows(&|w| w.x0 >= b);
    right.len() > strip.len()
        && strip
            .iter()
            .all(|&y| right.iter().any(|&r| (r - y).abs() <= LEVEL_ROWS_EM * em))
}

/// A list item's label: a bullet or dash ([`kamerbrief_model::LIST_BULLETS`]), or a number
/// or letter (up to three characters) closed by `.` or `)`.
fn is_list_label(text: &str) -> bool {
    // Most words are longer: done.
    if text.len() > MAX_LABEL_BYTES {
        return false;
    }
    let mut chars = text.chars();
    match (chars.next(), chars.clone().next_back()) {
        (Some(c), None) => kamerbrief_model::LIST_BULLETS.contains(c),
        (Some(_), Some('.' | ')')) => {
            let body = text.trim_end_matches(['.', ')']).trim_start_matches('(');
            (1..=3).contains(&body.chars().count()) && body.chars().all(char::is_alphanumeric)
        }
        _ => false,
    }
}

/// Rows of leaders, at least, beside a channel between them.
const LEADER_ROWS: usize = 4;

/// A word of a leader: dots only (`.`, `…`, `·`), which a table of contents runs from a
/// title to its page number.
fn is_leader(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, '.' | '…' | '·'))
}

/// A label's length in bytes, at most (`(iii)`, `12.`, a bullet).
const MAX_LABEL_BYTES: usize = 8;

/// A list's labels stand in a strip at most this many ems wide.
const LABEL_STRIP_EM: f32 = 2.0;

/// A gutter narrower than 1.5 em runs beside at least this many ems of text on both sides
/// (a few lines): not the gap after the first word of a two-line heading.
const NARROW_GUTTER_HEIGHT_EM: f32 = 3.0;

impl Cut<'_> {
    /// A gap narrower than 1.5 em is a gutter when it runs beside a few lines on both sides
    /// and is clearly wider than the word gaps of the lines around it (all but the widest
    /// 2 %, which may be tabs): a narrow gutter of two columns, a reference column close to
    /// the body. Or when it runs straight down between two columns of prose
    /// (`STRAIGHT_CHANNEL_ROWS`, `PROSE_RUN_EM`).
    fn is_narrow_gutter(
        &self,
        node: &[usize],
        a: f32,
        b: f32,
        em: f32,
        placed: &OnceCell<Vec<Placed>>,
    ) -> bool {
        // However few the lines beside it: a margin column in smaller type, or lines beside
        // a justified column's edge (a paragraph's last word at the next column's top),
        // since a justified line cannot run past the edge its neighbours end at, or such a
        // single row beside a loose column's edge.
        if self.is_margin_column(node, a, b, em)
            || self.prose_ends_at_grid_measure(node, a, b, em)
            || (is_short_beside(node, self.words, a, b)
                && (is_justified_edge(node, self.words, a, b, em)
                    || is_ragged_edge(node, self.words, a, b, em)
                    || is_next_columns_first_row(node, self.words, a, b, em, self.page_width)
                    || is_next_column_at_measure(node, self.words, &self.labels, a, b, em)))
        {
            return true;
        }
        // Measured in the smaller type of the two sides: a reference column in small type
        // beside a few lines of body is a few of its own lines high.
        let overlap = sides_overlap(node, self.words, a, b);
        if overlap < NARROW_GUTTER_HEIGHT_EM * em
            && !is_flush_rows_beside_prose(node, self.words, a, b, em)
        {
            let side_em = smaller_side_size(node, self.words, a, b, em);
            if overlap < NARROW_GUTTER_HEIGHT_EM * side_em {
                match self.continued_gutter_size(node, a, b, side_em) {
                    None => return false,
                    // Notes in smaller type under the columns: their lines are set as
                    // close as the columns' words, whatever the tests below say.
                    Some(size) if side_em < NOTE_SIZE_SHARE * size => return true,
                    Some(_) => {}
                }
            }
        }
        if is_prose_channel(node, self.words, a, b, em) || self.continues_grid(node, a, b, em) {
            return true;
        }
        if is_justified_edge(node, self.words, a, b, em)
            || self.is_flush_beside_ragged(node, a, b, em)
        {
            return true;
        }
        // The word gaps below tell a gutter from a river only where the rows right of it
        // could be a column's.
        if ends_flush_starts_ragged(node, self.words, b, em) {
            return false;
        }
        let placed = placed.get_or_init(|| self.placed(node));
        if b - a
            >= GUTTER_OVER_WORD_GAP
                * widest_word_gap(placed, a, b, f32::NEG_INFINITY, f32::INFINITY)
        {
            return true;
        }
        // Or than those of the rows beside it, when both sides run as lines of text (not
        // labels beside their values): a short column (a signature at the top of the last
        // page's second column) beside a column whose list labels stand a tab from their
        // items further down.
        let down = |w: &WordBox| (w.top, w.bottom);
        let (lt, lb) = side_extent(node, self.words, a, b, true, down);
        let (rt, rb) = side_extent(node, self.words, a, b, false, down);
        let prose = |left: bool| runs_as_prose(node, self.words, a, b, left, em);
        // The gaps after a list's labels left out where a few rows stand beside each other.
        let (top, bottom) = (lt.max(rt), lb.min(rb));
        let clear_of = |gap: f32| b - a >= GUTTER_OVER_WORD_GAP * gap;
        let (all, unlabelled) = widest_word_gaps(placed, a, b, top, bottom, em);
        (clear_of(all)
            || (clear_of(unlabelled)
                && rows_beside(node, self.words, a, b) >= LABELLED_ROWS_BESIDE))
            && prose(true)
            && prose(false)
    }
}

impl Cut<'_> {
    /// A column in clearly smaller type beside a column of prose, a narrow gutter away:
    /// - right of a justified column's edge, however few its lines (a reference column's
    ///   `Bijlage(n)` and its value level with the body's first two lines);
    /// - right of ragged prose, a few lines or more beside it that all start at one edge (a
    ///   reference column beside ragged or indented text, the page number under it or not);
    /// - left of the straight left edge of prose, as narrow as a column of a grid of three
    ///   (a reference column on the left, its rows not level with the body's, so not
    ///   labels: [`is_label_gap`]).
    fn is_margin_column(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        let words = self.words;
        let side = |left| side_words(node, words, a, b, left).collect::<Vec<_>>();
        let (left, right) = (side(true), side(false));
        let starting = rows_starting_at(node, words, b);
        // A justified column's edge: a few rows ending there show its measure (type set
        // smaller past it is no part of its lines), however few rows the column has.
        let beside_justified = justified_rows_ending_at(node, words, a) >= MEASURE_ROWS
            && run_width(node, words, a, b, true, em) >= PROSE_RUN_EM * em;
        // The right side's rows beside the left side's text, all starting at the channel (a
        // page number under the column, below everything left of it, is none of its rows).
        let (top, bottom) = side_extent(node, words, a, b, true, |w| (w.top, w.bottom));
        let beside: Vec<&WordBox> = right
            .iter()
            .copied()
            .filter(|w| w.bottom > top && w.top < bottom)
            .collect();
        let flush: Vec<&WordBox> = beside.iter().copied().filter(|w| starts_at(w, b)).collect();
        let rows = baselines(&beside).len();
        let beside_ragged = rows >= MARGIN_ROWS
            && baselines(&flush).len() == rows
            && run_width(node, words, a, b, true, em) >= NARROW_PROSE_RUN_EM * em;
        ((beside_justified || beside_ragged) && in_smaller_type(&right, &left))
            || (starting >= STRAIGHT_CHANNEL_ROWS
                && run_width(node, words, a, b, false, em) >= NARROW_PROSE_RUN_EM * em
                && (in_smaller_type(&left, &right)
                    || is_column_over_body(node, words, (a, b), &left, em)))
    }
}

/// The gap `a`..`b` is a word gap of the rows that run on across it, where one side has
/// only those rows (and perhaps rows whose words stand far from it, [`is_row_apart_at`]):
/// a paragraph's loosely justified line above its short last line, or two or three such
/// lines whose word gaps happen to line up (a river). Each row is a line of
/// words (`JUSTIFIED_LINE_GAPS` gaps besides this one at least, words wider than the gaps)
/// and the gap is not clearly wider than its usual word gap (the median: a justified line
/// spaces its words alike); or the row has one other gap, as wide ([`ALIKE_GAPS`]). The
/// cells of a table row stand further apart than the words inside them.
fn is_justified_word_gap(
    node: &[usize],
    words: &[WordBox],
    texts: &[String],
    labels: &[bool],
    a: f32,
    b: f32,
) -> bool {
    // The first few rows of each side, in one pass (most gutters have many rows on both
    // sides: done).
    let (mut left, mut right) = (RowsSeen::default(), RowsSeen::default());
    for w in node.iter().filter_map(|&i| words.get(i)) {
        if w.x1 <= a {
            left.see(w.row_baseline);
        } else if w.x0 >= b {
            right.see(w.row_baseline);
        }
    }
    // The side with fewer rows: each of them must run on across the gap.
    let (fewer, more) = if left.rows.len() <= right.rows.len() {
        (left.rows, right.rows)
    } else {
        (right.rows, left.rows)
    };
    // More rows than chance lines up: only where they are the last words of justified
    // lines, flush at their measure.
    let fewer = match fewer.len() > MAX_RIVER_ROWS {
        false => fewer,
        true => match line_final_words(node, words, texts, b) {
            Some(rows) => rows,
            None => return is_river(node, words, labels, a, b),
        },
    };
    if more.len() < 2 {
        return false;
    }
    let fewer: Vec<f32> = fewer
        .into_iter()
        .filter(|&row| {
            !is_row_apart_at(node, words, a, b, row) && !is_edge_row(node, words, a, row)
        })
        .collect();
    if fewer.is_empty() {
        return false;
    }
    // Several rows must each space their words alike (justified lines), not stand cells or
    // labels apart at chance distances; a row of two words stretched to the measure has
    // only the one gap.
    let alike = fewer.len() > 1;
    // Words wider than their gaps in one row at least: a line set very loose (a few long
    // words spread over a narrow measure) may have them narrower, not both of a river's.
    let mut words_wider = false;
    for &row in &fewer {
        if is_stretched_two_word_line(node, words, a, b, row) {
            words_wider = true;
            continue;
        }
        match is_word_gap_of_row(node, words, texts, labels, (a, b), row, alike) {
            None => return false,
            Some(wider) => words_wider |= wider,
        }
    }
    words_wider
}

/// The channel `a`..`b` is a river down one justified paragraph, however many rows it
/// runs: every row with words on both sides crosses it at a gap alike to its own usual
/// word gap ([`RIVER_GAPS_ALIKE`]), and those gaps vary from row to row as the rows'
/// spacing does, much more than each strays from its row's (words set one by one, each
/// line spaced its own way). A gutter keeps its width beside a justified column and
/// strays from the word gaps beside a ragged one.
fn is_river(node: &[usize], words: &[WordBox], labels: &[bool], a: f32, b: f32) -> bool {
    let mut rows: Vec<(f32, bool, bool)> = node
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| (w.row_baseline, w.x1 <= a, w.x0 >= b))
        .collect();
    rows.sort_by(|p, q| p.0.total_cmp(&q.0));
    let (mut low, mut high, mut stray, mut crossed) = (f32::INFINITY, f32::NEG_INFINITY, 0.0f32, 0);
    for row in rows.chunk_by(|p, q| p.0 == q.0) {
        let both = row.iter().any(|r| r.1) && row.iter().any(|r| r.2);
        let Some(&(baseline, _, _)) = row.first().filter(|_| both) else {
            continue;
        };
        let Some(gaps) = row_gaps_across(node, words, labels, a, b, baseline) else {
            return false;
        };
        let Some(usual) = median(gaps.word_gaps).filter(|&g| g > 0.0) else {
            return false;
        };
        let alike =
            gaps.across <= RIVER_GAPS_ALIKE * usual && usual <= RIVER_GAPS_ALIKE * gaps.across;
        if !alike {
            return false;
        }
        low = low.min(gaps.across);
        high = high.max(gaps.across);
        stray = stray.max((gaps.across - usual).abs());
        crossed += 1;
    }
    crossed > MAX_RIVER_ROWS && high - low > RIVER_SPREAD * stray
}

/// A river's gaps vary from row to row more than this many times the most any strays from
/// its row's usual gap.
const RIVER_SPREAD: f32 = 4.0;

/// The rows right of `b` where each holds one word of letters and all of them end flush
/// at one edge: the last words of justified lines at their measure, not a table's figures.
/// Short words alike (`de`) stand level there row after row, by no chance, as a river's
/// gaps line up.
fn line_final_words(
    node: &[usize],
    words: &[WordBox],
    texts: &[String],
    b: f32,
) -> Option<Vec<f32>> {
    let is_word = |i: usize| {
        texts.get(i).is_some_and(|t| {
            t.chars().any(char::is_alphabetic) && !t.chars().any(|c| c.is_ascii_digit())
        })
    };
    let mut edge = None;
    let mut rows = Vec::new();
    for &i in node {
        let Some(w) = words.get(i).filter(|w| w.x0 >= b) else {
            continue;
        };
        let x1 = *edge.get_or_insert(w.x1);
        if (w.x1 - x1).abs() > FLUSH_SLACK_PT || !is_word(i) {
            return None;
        }
        rows.push(w.row_baseline);
    }
    let count = rows.len();
    let rows = distinct(rows);
    (count > 0 && rows.len() == count).then_some(rows)
}

/// The row at `row`, across the gap `a`..`b`, is a justified line of two words stretched to
/// its column's measure: it runs from edge to edge of a measure that many rows of the page
/// (`words`) fill exactly (a loose line in a narrow column, in a band of a few rows that a
/// paragraph's space cut off), or, indented (a list item's) or not, from where the row under
/// it starts to where a few rows end ([`MEASURE_ROWS`]), its words wider than the gap and
/// its second word starting no other row. (A note's raised marker is no word of it: it
/// follows its word.)
fn is_stretched_two_word_line(node: &[usize], words: &[WordBox], a: f32, b: f32, row: f32) -> bool {
    let on_row: Vec<&WordBox> = node
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| (w.row_baseline - row).abs() < 0.5 && !w.superscript)
        .collect();
    let (x0, x1) = across(&on_row);
    if on_row.len() != 2 || !(x0 < a && x1 > b) {
        return false;
    }
    let starting = rows_where(words, |w| (w.x0 - x0).abs() <= FLUSH_SLACK_PT);
    let ending = rows_where(words, |w| (w.x1 - x1).abs() <= FLUSH_SLACK_PT);
    if filling(&starting, &ending) >= STRAIGHT_CHANNEL_ROWS {
        return true;
    }
    // An indented line (a list item's, or a paragraph's first): it ends at the measure, the
    // row under it starts where it does (or, a paragraph's, at the edge many rows start at,
    // an indent left of it), and its second word starts no row elsewhere, as the next
    // column's would.
    let widths: f32 = on_row.iter().map(|w| w.x1 - w.x0).sum();
    let size = size_of(&on_row);
    let is_next_row = |y: f32| y > row && y - row < 2.0 * size;
    let next_row_starts_alike = starting.iter().any(|&y| is_next_row(y));
    let next_row_starts_at_edge = || {
        words.iter().any(|w| {
            is_next_row(w.row_baseline)
                && w.x0 < x0
                && x0 - w.x0 <= PARAGRAPH_INDENT_EM * size
                && rows_where(words, |o| (o.x0 - w.x0).abs() <= FLUSH_SLACK_PT).len()
                    >= STRAIGHT_CHANNEL_ROWS
        })
    };
    if widths <= (x1 - x0) - widths
        || ending.len() < MEASURE_ROWS
        || !(next_row_starts_alike || next_row_starts_at_edge())
    {
        return false;
    }
    let second = on_row
        .iter()
        .map(|w| w.x0)
        .fold(f32::NEG_INFINITY, f32::max);
    // (A word after another of its row, a word gap before it, starts nothing.)
    let follows_a_word = |w: &WordBox| {
        words.iter().any(|o| {
            (o.row_baseline - w.row_baseline).abs() < 0.5
                && o.x1 <= w.x0
                && w.x0 - o.x1 < SINGLE_ROW_GUTTER_EM * w.size
        })
    };
    rows_where(words, |w| {
        (w.x0 - second).abs() <= FLUSH_SLACK_PT && !follows_a_word(w)
    })
    .iter()
    .all(|&y| (y - row).abs() < 0.5)
}

/// A measure's right edge, where a stretched line of two words ends, ends this many rows
/// of the page at least (a narrow column set justified without hyphens fills few lines).
const MEASURE_ROWS: usize = 4;

/// A paragraph's first line is indented at most this many ems.
const PARAGRAPH_INDENT_EM: f32 = 4.0;

/// The largest type size of `words`.
fn size_of(words: &[&WordBox]) -> f32 {
    words.iter().map(|w| w.size).fold(0.0, f32::max)
}

/// The row at `row` has words on both sides of the gap `a`..`b`, those of one side far from
/// it: a header's title and its page number at the two ends of the page, whose empty middle
/// says nothing about the gap (the page number over the last words of a line).
fn is_row_apart_at(node: &[usize], words: &[WordBox], a: f32, b: f32, row: f32) -> bool {
    let (mut left_end, mut right_start, mut size) = (None::<f32>, None::<f32>, 0.0f32);
    for w in node.iter().filter_map(|&i| words.get(i)) {
        if (w.row_baseline - row).abs() >= 0.5 {
            continue;
        }
        size = size.max(w.size);
        if w.x1 <= a {
            left_end = Some(left_end.map_or(w.x1, |x| x.max(w.x1)));
        } else if w.x0 >= b {
            right_start = Some(right_start.map_or(w.x0, |x| x.min(w.x0)));
        }
    }
    let far = ROW_APART_EM * size;
    match (left_end, right_start) {
        (Some(end), Some(start)) => a - end > far || start - b > far,
        _ => false,
    }
}

/// The row at `row` is the head or foot of `node` on one side of the gap starting at `a`:
/// its first or last row, a few words (a page number), none of them on the other side.
fn is_edge_row(node: &[usize], words: &[WordBox], a: f32, row: f32) -> bool {
    [true, false].into_iter().any(|top| {
        short_edge_row(node, words, top).is_some_and(|(edge, on_row)| {
            edge == row && (on_row.iter().all(|w| w.x1 <= a) || on_row.iter().all(|w| w.x1 > a))
        })
    })
}

/// Words this many ems (of the row's type) from a gap stand apart from it.
const ROW_APART_EM: f32 = 4.0;

/// The distinct baselines of a side's rows, up to one more than [`MAX_RIVER_ROWS`].
#[derive(Default)]
struct RowsSeen {
    rows: Vec<f32>,
}

impl RowsSeen {
    fn see(&mut self, baseline: f32) {
        if self.rows.len() <= MAX_RIVER_ROWS
            && !self.rows.iter().any(|&y| (y - baseline).abs() < 0.5)
        {
            self.rows.push(baseline);
            self.rows.sort_by(f32::total_cmp);
        }
    }
}

/// The word gaps of a justified line differ by at most this ratio.
const RIVER_GAPS_ALIKE: f32 = 1.25;
/// A gap this many times a stretched line's gap is not one of its word gaps.
const OTHER_COLUMN_GAPS: f32 = 1.5;

/// Rows whose word gaps line up by chance: at most this many.
const MAX_RIVER_ROWS: usize = 3;

/// Whether the row on `baseline` runs on across the gap `a`..`b` and the gap is one of its
/// word gaps ([`is_justified_word_gap`]), and if so whether its words are wider than its
/// gaps (prose, not labels spaced out along an axis); `alike`: all its gaps alike, as in a
/// justified line.
fn is_word_gap_of_row(
    node: &[usize],
    words: &[WordBox],
    texts: &[String],
    labels: &[bool],
    (a, b): (f32, f32),
    row: f32,
    alike: bool,
) -> Option<bool> {
    let RowGaps {
        across,
        word_gaps,
        widths,
        size,
        before,
        start,
        mixed_fonts,
    } = row_gaps_across(node, words, labels, a, b, row)?;
    // A plain word, not punctuation, before the gap: a typesetter may widen the space after
    // that (TeX's sentence spacing, its stretch after a comma).
    let after_plain_word = texts
        .get(before)
        .and_then(|t| t.chars().last())
        .is_some_and(char::is_alphanumeric);
    // A line of many gaps may hold one that justification did not stretch: a no-break
    // space that the file writes as a plain one (its glyph named `space`).
    let unstretched = usize::from(word_gaps.len() > JUSTIFIED_LINE_GAPS + 1);
    let stretched = word_gaps.get(unstretched..).unwrap_or_default();
    let narrowest = stretched.iter().copied().fold(across, f32::min);
    let widest = word_gaps.iter().copied().fold(across, f32::max);
    // (Hinted advances move each gap by up to a tenth of an em, whatever its width; a
    // space of another font, hinted its own way, by as much again.)
    let hinted_slack = match mixed_fonts {
        true => HINTED_GAP_SLACK_EM + HINTED_SPACE_SLACK_EM,
        false => HINTED_GAP_SLACK_EM,
    } * size;
    let gaps_alike = widest <= RIVER_GAPS_ALIKE * narrowest + hinted_slack;
    if alike && !gaps_alike {
        return None;
    }
    if word_gaps.len() < JUSTIFIED_LINE_GAPS {
        // A line of three words (a narrow column's): one other gap says little, so the two
        // must be alike, as justification makes them (a table's cells stand apart by chance
        // amounts), and the words must cover more of the line than the gaps do (`en`, `de`
        // may be narrower than a stretched gap).
        let other: f32 = word_gaps.iter().sum();
        let words: f32 = widths.iter().sum();
        let slack = (ALIKE_GAPS * other).max(hinted_slack);
        return ((across - other).abs() <= slack && words > other + across).then_some(true);
    }
    // Words wider than the gaps: most of them, or together where the gaps are all alike (a
    // justified line set very loose, its short words narrower than its stretched gaps; a
    // table's cells stand apart by chance amounts), or whatever their widths where four
    // gaps or more are one width to a fiftieth of an em (a short line's few words stretched
    // by word spacing over the measure: chance sets no cells so).
    let spaced_alike = word_gaps.len() >= EXACT_ROW_GAPS
        && word_gaps
            .iter()
            .all(|&gap| (gap - across).abs() <= EXACT_GAPS_EM * size);
    let covered = spaced_alike
        || gaps_alike && widths.iter().sum::<f32>() > word_gaps.iter().sum::<f32>() + across;
    let widest_other = word_gaps.last().copied().unwrap_or(0.0);
    // Nor where the row's other gaps are all one width, as natural spaces are (unstretched,
    // unhinted) and stretched ones alike, and the gap after a plain word is clearly wider.
    let one_width = word_gaps.len() >= EXACT_ROW_GAPS
        && word_gaps
            .first()
            .is_some_and(|&n| widest_other - n <= EXACT_GAPS_EM * size);
    let clearly_wider = after_plain_word
        && across - widest_other >= WIDER_THAN_EXACT_EM * size
        && !is_inside_column(words, start, a, b);
    let usual = median(word_gaps)?;
    // The row's own gap, not the channel (other rows may narrow that): a ragged row's gap
    // at a one-row column's edge is wider than its word gaps, a justified row's is not
    // (clearly wider than their median, nor wider than the widest: a justified line's
    // stretched gaps vary, hinted advances move each).
    (across <= widest_other
        || (across < GUTTER_OVER_WORD_GAP * usual && !(one_width && clearly_wider)))
        .then(|| covered || median(widths).is_some_and(|w| w > usual))
}

/// A row's gaps about a channel it runs on across ([`row_gaps_across`]).
struct RowGaps {
    /// The gap across the channel.
    across: f32,
    /// The row's other word gaps, narrowest first.
    word_gaps: Vec<f32>,
    /// Its words' widths, left to right.
    widths: Vec<f32>,
    /// Its largest type size.
    size: f32,
    /// The index of the word before the gap.
    before: usize,
    /// Where the run of words starts.
    start: f32,
    /// Its words are not all in one font (an emphasised word): its spaces may be too.
    mixed_fonts: bool,
}

/// The gaps of the row on `baseline` about the gap `a`..`b`, where it runs on across it:
/// the run of words around the gap and their gaps ([`is_word_gap_of_row`]).
fn row_gaps_across(
    node: &[usize],
    words: &[WordBox],
    labels: &[bool],
    a: f32,
    b: f32,
    row: f32,
) -> Option<RowGaps> {
    // The row's words, left to right, whether each is raised (a note's marker) and whether
    // it may be a list's label (`labels`, by word index).
    let mut line: Vec<(f32, f32, bool, bool, usize)> = Vec::new();
    let mut bound = Vec::new();
    let mut size = 0.0f32;
    for (i, w, label) in node
        .iter()
        .filter_map(|&i| Some((i, words.get(i)?, labels.get(i).copied().unwrap_or(false))))
        .filter(|(_, w, _)| (w.row_baseline - row).abs() < 0.5)
    {
        line.push((w.x0, w.x1, w.superscript, label, i));
        if w.bound {
            bound.push(w.x0);
        }
        size = size.max(w.size);
    }
    line.sort_by(|p, q| p.0.total_cmp(&q.0));
    // Only the run of words around the gap: a word standing four ems off is another
    // column's (a reference column's label level with the line); so is one standing off by
    // more than an em and half as much again as the gap (a justified line spaces its words
    // alike, `RIVER_GAPS_ALIKE`: the gutter before the next column, or after the column
    // before, however narrow the gap). A gap alike to this one is never apart, however
    // wide: a line stretched over wide letter spacing spaces its words four ems apart.
    let at = line
        .windows(2)
        .position(|p| matches!(p, [l, r] if l.1 <= a && r.0 >= b))?;
    let gap_at = match line.get(at..=at + 1) {
        Some([l, r]) => r.0 - l.1,
        _ => 0.0,
    };
    let far = (ROW_APART_EM * size)
        .min((OTHER_COLUMN_GAPS * gap_at).max(size))
        .max(RIVER_GAPS_ALIKE * gap_at);
    let apart = |p: &[(f32, f32, bool, bool, usize)]| matches!(p, [l, r] if r.0 - l.1 > far);
    let start = line
        .get(..=at)?
        .windows(2)
        .rposition(apart)
        .map_or(0, |k| k + 1);
    let end = line
        .get(at + 1..)?
        .windows(2)
        .position(apart)
        .map_or(line.len(), |k| at + 2 + k);
    let line = line.get(start..end)?;
    // Its other word gaps (not those before a marker, which follows its word closely, nor
    // the one after a list's label opening the row, which a tab sets, nor a no-break space,
    // which justification does not stretch), and whether it runs on across the gap.
    let mut word_gaps = Vec::new();
    let mut crossing = None;
    let mut before = 0;
    for (k, pair) in line.windows(2).enumerate() {
        let [p, q] = pair else { continue };
        if p.1 <= a && q.0 >= b {
            crossing = Some(q.0 - p.1);
            before = p.4;
        } else if !(q.2 || (k == 0 && p.3) || bound.contains(&q.0)) {
            word_gaps.push(q.0 - p.1);
        }
    }
    let across = crossing.filter(|_| !word_gaps.is_empty())?;
    word_gaps.sort_by(f32::total_cmp);
    let widths = line.iter().map(|p| p.1 - p.0).collect();
    let font = |p: &(f32, f32, bool, bool, usize)| words.get(p.4).map(|w| w.font);
    let mixed_fonts = line
        .windows(2)
        .any(|p| matches!(p, [l, r] if font(l) != font(r)));
    Some(RowGaps {
        across,
        word_gaps,
        widths,
        size,
        before,
        start: line.first()?.0,
        mixed_fonts,
    })
}

/// Many rows of the page that start where a row does (`x0`) run through the channel
/// `a`..`b` with a word: the channel lies inside their column. Where it shows only above a
/// paragraph's short last line, it is a gap of the line's words, whatever it measures
/// against the others (a hinted glyph's advance widens the gap after it), not a gutter.
fn is_inside_column(words: &[WordBox], x0: f32, a: f32, b: f32) -> bool {
    let starting = rows_where(words, |w| (w.x0 - x0).abs() <= FLUSH_SLACK_PT);
    let crossing = rows_where(words, |w| w.x0 < b && w.x1 > a);
    filling(&starting, &crossing) >= STRAIGHT_CHANNEL_ROWS
}

/// A row's other word gaps that show they are one width: at least this many, ...
const EXACT_ROW_GAPS: usize = 3;

/// ... differing by this many ems at most (a tenth of a point in 10 pt type: kerning's
/// rounding, no hinting, no stretch that varies).
const EXACT_GAPS_EM: f32 = 0.02;

/// A gap this many ems wider than a row's word gaps of one width is none of them.
const WIDER_THAN_EXACT_EM: f32 = 0.05;

/// How much the two word gaps of a justified line of three words may differ, as a share of
/// one.
const ALIKE_GAPS: f32 = 0.05;

/// Or this many ems apart: a word processor's hinted advances (each off its font's width
/// at the device's resolution) move a stretched gap by the last glyph's error before it,
/// up to a tenth of an em or so, and two gaps each the other way.
const HINTED_GAP_SLACK_EM: f32 = 0.16;

/// And this many more where the row mixes fonts: a space set in another font than the
/// others of its line (after an emphasised word) has its own hinted advance, off by up to
/// a tenth of an em or so.
const HINTED_SPACE_SLACK_EM: f32 = 0.1;

/// A line of words has at least this many word gaps besides the one looked at (a line of
/// four words: a narrow column's justified line holds no more).
const JUSTIFIED_LINE_GAPS: usize = 2;

/// Fewer rows suffice beside a gap that continues a gutter cut above it: at least this many.
const CONTINUED_GUTTER_ROWS: usize = 2;

/// Rows in type smaller than this share of the columns' above them are notes.
const NOTE_SIZE_SHARE: f32 = 0.9;

impl Cut<'_> {
    /// The gap `a`..`b` continues a gutter already cut above the node (each one's middle
    /// within the other), with a few rows of prose beside it on both sides, set on one
    /// grid: notes in two short columns under the body's columns, whose gutter they keep.
    /// (Not the cells of a table or a form, centred or set apart on their own rows, or a
    /// formula's pieces.) Returns the type size of the columns the gutter parted.
    fn continued_gutter_size(&self, node: &[usize], a: f32, b: f32, em: f32) -> Option<f32> {
        let middle = (a + b) / 2.0;
        // The gutter's middle in the channel, and the channel's in the gutter or the whole
        // gutter in the channel (notes' lines end short of their column's edge); or the
        // channel within the gutter up to its far edge, the notes' lines reaching further
        // than the ragged column's above them.
        let lines_up = |g: &&Gutter| {
            ((a..=b).contains(&((g.a + g.b) / 2.0))
                && ((g.a..=g.b).contains(&middle) || (g.a >= a - 0.5 && g.b <= b + 0.5)))
                || ((g.b - b).abs() <= GRID_GUTTER_TOLERANCE_PT
                    && a >= g.a
                    && b - a >= NARROWEST_GUTTER_EM * em)
        };
        // The node's top is found only for a gutter that lines up (most gaps have none).
        let gutters = self.gutters.borrow();
        let mut lining_up = gutters.iter().filter(lines_up).peekable();
        lining_up.peek()?;
        let top = node_extent(node, self.words, |w| (w.top, w.bottom)).0;
        let continued = lining_up.find(|g| g.bottom <= top)?;
        (self.rows_beside_continued_gutter(node, a, b)
            && rows_level(node, self.words, a, b, em)
            && [true, false].iter().all(|&left| {
                run_width(node, self.words, a, b, left, em) >= NARROW_PROSE_RUN_EM * em
            }))
        .then_some(continued.em)
    }
}

impl Cut<'_> {
    /// Enough rows beside a gap that continues a gutter ([`CONTINUED_GUTTER_ROWS`]); or one
    /// whose gap there is none of its word gaps (a note of one line level with the last
    /// line of the notes under the next column).
    fn rows_beside_continued_gutter(&self, node: &[usize], a: f32, b: f32) -> bool {
        match rows_beside(node, self.words, a, b) {
            0 => false,
            1 => {
                let (fewer, _) = rows_by_side(node, self.words, a, b, None);
                fewer.first().is_some_and(|&row| {
                    is_word_gap_of_row(
                        node,
                        self.words,
                        self.texts,
                        &self.labels,
                        (a, b),
                        row,
                        false,
                    )
                    .is_none()
                })
            }
            rows => rows >= CONTINUED_GUTTER_ROWS,
        }
    }
}

impl Cut<'_> {
    /// The channel `a`..`b` holds the gutter that the grid of a gutter already cut at the
    /// node's edge puts there: the rest of a grid of three columns, the third cut off first,
    /// whatever lists or short lines the two hold (whose runs of words are too short for
    /// [`is_prose_channel`]). The grid is told by its columns' left edges, one pitch apart
    /// (a ragged column's lines stop short of its right edge, by more in one column than in
    /// another), and the channel is no wider than that gutter and a ragged edge's reach. One
    /// of the two columns must still run as prose.
    fn continues_grid(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        let words = self.words;
        let (x0, x1) = node_extent(node, words, |w| (w.x0, w.x1));
        let near = |p: f32, q: f32| (p - q).abs() < GRID_GUTTER_TOLERANCE_PT;
        let on_grid = self.gutters.borrow().iter().any(|g| {
            // From one column's left edge to the next: left of the gutter (the node's lines
            // ending at it, or short of it by a ragged edge's reach), the node's second
            // column starts at `b`, the gutter's column a pitch further; right of it, the
            // column left of the gutter starts a pitch before the node.
            let ends_at_gutter =
                x1 <= g.a + GRID_GUTTER_TOLERANCE_PT && x1 >= g.a - RAGGED_EDGE_EM * em;
            let pitch = if ends_at_gutter {
                g.b - b
            } else if near(g.b, x0) {
                g.b - self.left_edge_of(g)
            } else {
                return false;
            };
            near(b - x0, pitch)
                && b - a >= NARROWEST_GUTTER_EM * em
                && b - a <= g.b - g.a + RAGGED_EDGE_EM * em
        });
        on_grid
            && rows_beside(node, words, a, b) >= STRAIGHT_CHANNEL_ROWS
            && [true, false]
                .iter()
                .any(|&l| run_width(node, words, a, b, l, em) >= NARROW_PROSE_RUN_EM * em)
    }
}

/// A reference column stands at least this many ems past the measure of the grid's columns.
const PAST_MEASURE_EM: f32 = 1.5;

/// A margin column right of ragged text, every row of it starting at one edge, has at
/// least this many rows.
const MARGIN_ROWS: usize = 3;

impl Cut<'_> {
    /// [`Cut::ends_at_grid_measure`], the column left of the channel running as prose (its
    /// runs of words [`NARROW_PROSE_RUN_EM`] wide in the median row).
    fn prose_ends_at_grid_measure(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        self.ends_at_grid_measure(node, a)
            && run_width(node, self.words, a, b, true, em) >= NARROW_PROSE_RUN_EM * em
    }

    /// How many rows the words `of` stand on.
    fn rows_of(&self, of: &[usize]) -> usize {
        let words: Vec<&WordBox> = of.iter().filter_map(|&i| self.words.get(i)).collect();
        baselines(&words).len()
    }

    /// What stands right of the channel starts past the measure of the grid of a gutter cut
    /// at the node's left edge (the column left of that gutter as wide as its longest
    /// line, in ragged text too, over [`STRAIGHT_CHANNEL_ROWS`] rows or more), by
    /// [`PAST_MEASURE_EM`], and the column left of the channel runs as prose within that
    /// measure: a reference column beside the grid's last column, however level its rows
    /// are with the column's (a one-page letter's short column on the body's grid).
    fn stands_past_grid_measure(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        let x0 = node_extent(node, self.words, |w| (w.x0, w.x1)).0;
        run_width(node, self.words, a, b, true, em) >= NARROW_PROSE_RUN_EM * em
            && self.gutters.borrow().iter().any(|g| {
                let measure = g.a - self.left_edge_of(g);
                g.left_em >= GRID_TYPE_SHARE * g.em
                    && (g.right_edge - x0).abs() < GRID_GUTTER_TOLERANCE_PT
                    && a <= x0 + measure + GRID_GUTTER_TOLERANCE_PT
                    && b >= x0 + measure + PAST_MEASURE_EM * em
                    && g.left.len() >= STRAIGHT_CHANNEL_ROWS
                    && self.rows_of(&g.left) >= STRAIGHT_CHANNEL_ROWS
            })
    }

    /// The channel's left side is a column of the grid of a gutter cut at the node's left
    /// edge, at that grid's full measure: the column left of that gutter is as wide, and
    /// two rows or more end straight at it, as they do at that gutter (a reference column's
    /// ragged lines set no measure: two short lines may end level by chance). What stands
    /// right of it stands beyond the column (a reference column closer than the grid's
    /// gutter), however few its lines.
    fn ends_at_grid_measure(&self, node: &[usize], a: f32) -> bool {
        if justified_rows_ending_at(node, self.words, a) < 2
            && !is_paragraphs_last_two_rows(node, self.words, a)
        {
            return false;
        }
        let x0 = node_extent(node, self.words, |w| (w.x0, w.x1)).0;
        self.gutters.borrow().iter().any(|g| {
            g.left_em >= GRID_TYPE_SHARE * g.em
                && (g.right_edge - x0).abs() < GRID_GUTTER_TOLERANCE_PT
                && ((a - x0) - (g.a - self.left_edge_of(g))).abs() < GRID_GUTTER_TOLERANCE_PT
                && justified_rows_ending_at(&g.left, self.words, g.a) >= 2
        })
    }

    /// The channel `a`..`b` is the next gutter of the grid of a gutter cut at the node's
    /// left edge: the columns' left edges stand one pitch apart, the channel is at least
    /// half that gutter's width, and nothing right of it runs past one more column. A third
    /// column of a few lines (the letter's last lines at its top), too short to show a
    /// gutter by the lines beside it. A grid's columns share their type: a margin column in
    /// smaller type left of the gutter sets no pitch (a word gap of the body may stand one
    /// such pitch from its edge by chance).
    /// (`x0`..`x1`: the node's extent.)
    fn completes_grid(&self, (x0, x1): (f32, f32), a: f32, b: f32) -> bool {
        self.gutters.borrow().iter().any(|g| {
            let edge = g.right_edge;
            if g.left_em < GRID_TYPE_SHARE * g.em || (edge - x0).abs() >= GRID_GUTTER_TOLERANCE_PT {
                return false;
            }
            let pitch = edge - self.left_edge_of(g);
            (b - x0 - pitch).abs() < GRID_GUTTER_TOLERANCE_PT
                && b - a >= 0.5 * (g.b - g.a)
                && x1 - b <= pitch - (g.b - g.a) + GRID_GUTTER_TOLERANCE_PT
        })
    }

    /// The channel `a`..`b` ends where another page of the document cut a gutter before a
    /// column in the type of the words right of it, and is half that gutter's width or
    /// more: the document's grid, on a page that shows too little of it to tell (a short
    /// last page beside a running column in about the body's type, one justified line
    /// reaching it). Two rows or more start flush at it, not each level with a row of the
    /// other side (a table's); prose ending in words runs left of it, words (most of them
    /// without figures) right of it.
    fn on_document_grid(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        if self.grid.is_empty()
            || rows_starting_at(node, self.words, b) < 2
            || run_width(node, self.words, a, b, true, em) < NARROW_PROSE_RUN_EM * em
            || !self.ends_in_words(node, a, em)
            || rows_level(node, self.words, a, b, em)
        {
            return false;
        }
        let right: Vec<usize> = node
            .iter()
            .copied()
            .filter(|&i| self.words.get(i).is_some_and(|w| w.x0 >= b))
            .collect();
        // Words, not a table's figures.
        let figures = right
            .iter()
            .filter(|&&i| {
                self.texts
                    .get(i)
                    .is_some_and(|t| t.chars().any(|c| c.is_ascii_digit()))
            })
            .count();
        if 2 * figures > right.len() {
            return false;
        }
        let size = median_size(&right, self.words);
        self.grid.iter().any(|e| {
            (e.x - b).abs() <= INDENT_SLACK_PT
                && b - a >= 0.5 * e.gutter
                && (size - e.size).abs() <= (1.0 - GRID_TYPE_SHARE) * e.size
        })
    }

    /// The channel `a`..`b` is the gutter before the column that a gutter cut at the node's
    /// right edge closes, on one grid: that column starts at `b`, the next one a pitch
    /// further, and rows stand flush one pitch before `b`, where the column before starts;
    /// the channel is at least half that gutter's width, the column a measure of prose. The
    /// middle of three columns of one measure beside a reference column, which makes the
    /// column left of the channel look wide and the middle one like its values.
    /// (`x1`: the node's right edge.)
    fn opens_grid_column(&self, node: &[usize], x1: f32, a: f32, b: f32) -> bool {
        self.gutters.borrow().iter().any(|g| {
            let pitch = g.right_edge - b;
            g.left_em >= GRID_TYPE_SHARE * g.em
                && (g.a - x1).abs() < GRID_GUTTER_TOLERANCE_PT
                && b - a >= 0.5 * (g.b - g.a)
                && g.a - b >= NARROW_PROSE_RUN_EM * g.em
                && rows_starting_at(node, self.words, b - pitch) >= 2
        })
    }
}

/// The leftmost start of the words of `ids` in type at least [`GRID_TYPE_SHARE`] of `em`.
fn column_edge_in_type(ids: &[usize], words: &[WordBox], em: f32) -> Option<f32> {
    ids.iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| w.size >= GRID_TYPE_SHARE * em)
        .map(|w| w.x0)
        .min_by(f32::total_cmp)
}

/// A grid's columns are set in type at least this share of the type of the node cut.
const GRID_TYPE_SHARE: f32 = 0.9;

/// Gutters of one grid are as wide, and a node's edge on one, within this many points.
const GRID_GUTTER_TOLERANCE_PT: f32 = 1.0;

/// Rows this close (in ems) lie level with each other.
const LEVEL_ROWS_EM: f32 = 0.2;

/// Every row of the side of `a`..`b` with fewer rows lies level with a row of the other side.
fn rows_level(node: &[usize], words: &[WordBox], a: f32, b: f32, em: f32) -> bool {
    let (fewer, more) = rows_by_side(node, words, a, b, None);
    fewer
        .iter()
        .all(|&y| more.iter().any(|&o| (o - y).abs() <= LEVEL_ROWS_EM * em))
}

/// The widest word gap of the rows whose baseline lies between `top` and `bottom` (all but
/// the widest 2 %, which may be tabs), of neighbours on a row not on either side of the
/// candidate gutter `a`..`b`. `placed`: [`Placed`] row by row, left to right.
fn widest_word_gap(placed: &[Placed], a: f32, b: f32, top: f32, bottom: f32) -> f32 {
    all_but_the_widest(
        row_word_gaps(placed, a, b, top, bottom)
            .map(|(gap, _)| gap)
            .collect(),
    )
}

/// Rows beside each other, at least, for the gaps after labels to be left out.
const LABELLED_ROWS_BESIDE: usize = 3;

/// A row's first word narrower than this many ems may be a list's label (`1.`, `a)`, `•`).
const LABEL_EM: f32 = 1.0;

/// A word as the word-gap tests see it: (baseline, x0, x1, written as a list's label).
type Placed = (f32, f32, f32, bool);

/// [`widest_word_gap`], and the same without the gaps after a row's first word written as a
/// list's label ([`is_list_label`]) or narrower than [`LABEL_EM`] (a list's labels stand a
/// tab from their items; `3.` in wide figures, letter-spaced, is wider than an em), in one
/// pass.
fn widest_word_gaps(
    placed: &[Placed],
    a: f32,
    b: f32,
    top: f32,
    bottom: f32,
    em: f32,
) -> (f32, f32) {
    let mut all = Vec::new();
    let mut unlabelled = Vec::new();
    for (gap, k) in row_word_gaps(placed, a, b, top, bottom) {
        all.push(gap);
        // The word `k` opens its row on its side of the channel (the word before it is on
        // another row, or across the channel) and is narrow.
        let label = placed.get(k).is_some_and(|p| {
            (p.3 || p.2 - p.1 < LABEL_EM * em)
                && k.checked_sub(1)
                    .and_then(|j| placed.get(j))
                    .is_none_or(|o| o.0 != p.0 || (o.2 <= a && p.1 >= b))
        });
        if !label {
            unlabelled.push(gap);
        }
    }
    (all_but_the_widest(all), all_but_the_widest(unlabelled))
}

/// The gaps between neighbours on a row (with the first one's index) whose baseline lies
/// between `top` and `bottom`, not on either side of the candidate gutter `a`..`b`.
fn row_word_gaps(
    placed: &[Placed],
    a: f32,
    b: f32,
    top: f32,
    bottom: f32,
) -> impl Iterator<Item = (f32, usize)> + '_ {
    placed
        .windows(2)
        .enumerate()
        .filter_map(move |(k, pair)| match pair {
            [p, q] if p.0 == q.0 && !(p.2 <= a && q.1 >= b) && (top..=bottom).contains(&p.0) => {
                Some((q.1 - p.2, k))
            }
            _ => None,
        })
}

/// All but the widest 2 % of the word gaps (which may be tabs): the widest of the rest.
fn all_but_the_widest(mut word_gaps: Vec<f32>) -> f32 {
    let at = word_gaps.len() * 98 / 100;
    if at < word_gaps.len() {
        *word_gaps.select_nth_unstable_by(at, f32::total_cmp).1
    } else {
        0.0
    }
}

/// An empty channel with this many rows on either side, beside each other, is a gutter
/// whatever its width: word gaps never line up down a column (pdfTeX's loose lines have word
/// gaps as wide as a 6 pt gutter). Labels beside their values are told by `is_label_gap`.
const STRAIGHT_CHANNEL_ROWS: usize = 8;

/// How many rows on one side of the channel `a`..`b` reach to within half an em of it: a
/// column's edge along a gutter, not a word gap that a single line's words leave there.
fn rows_at_channel(
    node: &[usize],
    words: &[WordBox],
    a: f32,
    b: f32,
    left: bool,
    em: f32,
) -> usize {
    let near: Vec<&WordBox> = side_words(node, words, a, b, left)
        .filter(|w| {
            if left {
                w.x1 >= a - 0.5 * em
            } else {
                w.x0 <= b + 0.5 * em
            }
        })
        .collect();
    baselines(&near).len()
}

/// Punctuation hangs into the margin by at most this many ems ([`Cut::letters_edge`], …
const PROTRUSION_EM: f32 = 0.35;
/// … in this many rows at least), these at a line's end, …
const HANGING_ROWS: usize = 2;
const HANGING_AT_END: &[char] = &[
    '-', '\u{AD}', '\u{2010}', '\u{2013}', '\u{2014}', '.', ',', ':', ';', '\u{2019}', '\u{201D}',
    ')',
];
/// … these at its start.
const HANGING_AT_START: &[char] = &['\u{2018}', '\u{201C}', '(', '\u{2013}', '\u{2014}'];

/// Letters past a straight edge reach it by this many ems at most (microtype protrudes a
/// `w` or a `y` a little: 0.04 em in Palatino) ([`Cut::letters_edge`]).
const LETTER_PROTRUSION_EM: f32 = 0.1;

/// A straight edge's rows end this many points apart at most ([`Cut::letters_edge`]).
const STRAIGHT_EDGE_PT: f32 = 0.25;

/// A narrowest gutter has at least this many rows at it on each side.
const HUGGING_ROWS: usize = 3;

/// The narrowest gutter, in ems, of a straight channel between prose ([`is_prose_channel`]).
const NARROWEST_GUTTER_EM: f32 = 0.4;

/// A straight channel narrower than [`NARROWEST_GUTTER_EM`] is a gutter when it is this many
/// times as wide as the widest word gap of the rows (the narrowest gutter a typesetter sets
/// beside justified lines: half again their widest word space).
const CLEAR_OF_WORD_GAPS: f32 = 1.5;

/// … or this many times, down a channel with this many rows beside each other on both sides.
const WIDER_THAN_WORD_GAPS: f32 = 1.1;
const LONG_CHANNEL_ROWS: usize = 2 * STRAIGHT_CHANNEL_ROWS;

/// Lines beside a straight channel are this many ems wide (median) on both sides: columns
/// of prose, not the cells of a table.
const PROSE_RUN_EM: f32 = 8.0;

/// A straight channel between prose: empty in many rows, runs of words of prose width on
/// both sides. Two columns of text, not labels or cells beside their values.
fn is_prose_channel(node: &[usize], words: &[WordBox], a: f32, b: f32, em: f32) -> bool {
    if rows_beside(node, words, a, b) < STRAIGHT_CHANNEL_ROWS {
        return false;
    }
    // The right side is measured only when the left could be prose.
    let left = run_width(node, words, a, b, true, em);
    if left < NARROW_PROSE_RUN_EM * em {
        return false;
    }
    let narrowest = left.min(run_width(node, words, a, b, false, em));
    narrowest >= PROSE_RUN_EM * em
        || (narrowest >= NARROW_PROSE_RUN_EM * em && is_third_column(node, words, a, b))
}

/// … or this many, in three columns of one measure, a narrower prose.
const NARROW_PROSE_RUN_EM: f32 = 6.0;

/// Columns whose starts are this many points off one pitch or less stand on it.
const GRID_PITCH_PT: f32 = 0.5;

/// The channel `a`..`b` leaves, on one side, one column and, on the other, two as wide with a
/// gutter as wide as this one where such a grid puts it: three columns of one measure. Or,
/// ragged columns being no wider than their longest lines, two whose starts are as far
/// apart as the channel's far side from the nearer of them: three columns of one pitch.
fn is_third_column(node: &[usize], words: &[WordBox], a: f32, b: f32) -> bool {
    let across = |w: &WordBox| (w.x0, w.x1);
    let (left, right) = (
        side_extent(node, words, a, b, true, across),
        side_extent(node, words, a, b, false, across),
    );
    let gutter = b - a;
    let (one, two, two_is_left) = if left.1 - left.0 < right.1 - right.0 {
        (left, right, false)
    } else {
        (right, left, true)
    };
    let measure = one.1 - one.0;
    if measure <= 0.0 {
        return false;
    }
    let one_measure = (two.1 - two.0 - (2.0 * measure + gutter)).abs() <= 0.1 * measure;
    // The three columns' starts one pitch apart, given the two columns' own gutter `g0`..`g1`.
    let one_pitch = |g1: f32| {
        let [x0, x1, x2] = if two_is_left {
            [two.0, g1, b]
        } else {
            [one.0, b, g1]
        };
        ((x2 - x1) - (x1 - x0)).abs() <= GRID_PITCH_PT
    };
    // The two columns' own gutter: an empty channel, half as wide as this one or more, about
    // the middle of the two (a ragged column's lines stop short of its edge, by more on one
    // side than on the other), or where the pitch puts it.
    let mut spans: Vec<(f32, f32)> = side_words(node, words, a, b, two_is_left)
        .map(|w| (w.x0, w.x1))
        .collect();
    spans.sort_by(|p, q| p.0.total_cmp(&q.0));
    let middle = (two.0 + two.1) / 2.0;
    gaps(spans).into_iter().any(|(g0, g1)| {
        g1 - g0 >= 0.5 * gutter
            && ((one_measure && ((g0 + g1) / 2.0 - middle).abs() <= 0.1 * measure) || one_pitch(g1))
    })
}

/// The node's words left of `a` (or right of `b`).
fn side_words<'w>(
    node: &'w [usize],
    words: &'w [WordBox],
    a: f32,
    b: f32,
    left: bool,
) -> impl Iterator<Item = &'w WordBox> + 'w {
    node.iter()
        .filter_map(|&i| words.get(i))
        .filter(move |w| is_on_side(w, a, b, left))
}

/// Whether `w` lies left of `a` (or right of `b`).
fn is_on_side(w: &WordBox, a: f32, b: f32, left: bool) -> bool {
    if left { w.x1 <= a } else { w.x0 >= b }
}

/// The baselines of the rows left and right of the channel `a`..`b` in `node` (the row
/// `skip` aside), the side with fewer rows first.
fn rows_by_side(
    node: &[usize],
    words: &[WordBox],
    a: f32,
    b: f32,
    skip: Option<f32>,
) -> (Vec<f32>, Vec<f32>) {
    let side = |left: bool| -> Vec<f32> {
        distinct(
            side_words(node, words, a, b, left)
                .map(|w| w.row_baseline)
                .filter(|&y| Some(y) != skip)
                .collect(),
        )
    };
    let (left, right) = (side(true), side(false));
    if left.len() <= right.len() {
        (left, right)
    } else {
        (right, left)
    }
}

/// The rows on one side of the channel `a`..`b` run as prose: the run of words next to it
/// is [`NARROW_PROSE_RUN_EM`] wide in the median row, or in many rows (a ragged column of
/// headings, list items and paragraphs' short last lines, a third of its rows full).
fn runs_as_prose(node: &[usize], words: &[WordBox], a: f32, b: f32, left: bool, em: f32) -> bool {
    let widths = run_widths(node, words, a, b, left, em);
    let full = widths
        .iter()
        .filter(|&&w| w >= NARROW_PROSE_RUN_EM * em)
        .count();
    widths
        .get(widths.len() / 2)
        .is_some_and(|&w| w >= NARROW_PROSE_RUN_EM * em)
        || (full >= STRAIGHT_CHANNEL_ROWS && 3 * full >= widths.len())
}

/// The median width, over the rows on one side of the channel `a`..`b`, of the run of words
/// next to it (words closer than an em to each other).
fn run_width(node: &[usize], words: &[WordBox], a: f32, b: f32, left: bool, em: f32) -> f32 {
    let widths = run_widths(node, words, a, b, left, em);
    widths.get(widths.len() / 2).copied().unwrap_or(0.0)
}

/// [`run_width`]'s widths, row by row, sorted.
fn run_widths(node: &[usize], words: &[WordBox], a: f32, b: f32, left: bool, em: f32) -> Vec<f32> {
    // Row by row, each from the channel outwards, ties in the node's order: sorted by
    // integer keys (the word's place in the node last), faster than comparing fields.
    let mut keys: Vec<(u64, usize)> = Vec::with_capacity(node.len());
    keys.extend(node.iter().enumerate().filter_map(|(place, &i)| {
        let w = words.get(i)?;
        let x = words::ordered_bits(w.x0);
        let outward = if left { !x } else { x };
        let row = u64::from(words::ordered_bits(w.row_baseline));
        is_on_side(w, a, b, left).then_some(((row << 32) | u64::from(outward), place))
    }));
    keys.sort_unstable();
    let side: Vec<&WordBox> = keys
        .iter()
        .filter_map(|&(_, place)| node.get(place).and_then(|&i| words.get(i)))
        .collect();
    let mut widths = Vec::new();
    let mut k = 0;
    while let Some(first) = side.get(k) {
        let mut far = first;
        k += 1;
        while let Some(w) = side.get(k).filter(|w| w.row_baseline == first.row_baseline) {
            let gap = if left { far.x0 - w.x1 } else { w.x0 - far.x1 };
            if gap < em {
                far = w;
            }
            k += 1;
        }
        widths.push(far.x1.max(first.x1) - far.x0.min(first.x0));
    }
    widths.sort_by(f32::total_cmp);
    widths
}

/// A justified column's right edge, with something beside it: a signature at the top of
/// the last page's second column, level with two of the first column's rows (which makes
/// it look like values beside their labels).
fn is_justified_edge(node: &[usize], words: &[WordBox], a: f32, b: f32, em: f32) -> bool {
    justified_rows_ending_at(node, words, a) >= STRAIGHT_CHANNEL_ROWS
        && run_width(node, words, a, b, true, em) >= PROSE_RUN_EM * em
}

impl Cut<'_> {
    /// Two columns' edges, however short their runs of words (a list in a narrow column):
    /// many rows right of `b` start flush at it and run as prose, many rows left of `a` reach
    /// a ragged edge there ([`rows_reaching`]) in words (not a table's figures), and many
    /// rows stand beside each other. No word gap of prose lines up so.
    fn is_flush_beside_ragged(&self, node: &[usize], a: f32, b: f32, em: f32) -> bool {
        let words = self.words;
        if rows_starting_at(node, words, b) < STRAIGHT_CHANNEL_ROWS {
            return false;
        }
        let left: Vec<&WordBox> = side_words(node, words, a, b, true).collect();
        if rows_reaching(&left, a, em) < STRAIGHT_CHANNEL_ROWS {
            return false;
        }
        self.ends_in_words(node, a, em)
            && rows_beside(node, words, a, b) >= STRAIGHT_CHANNEL_ROWS
            && run_width(node, words, a, b, false, em) >= NARROW_PROSE_RUN_EM * em
    }

    /// The words ending near `a` (within a ragged edge's reach) are words, a quarter of
    /// them figures at most: a column's edge, not a table's column of figures.
    fn ends_in_words(&self, node: &[usize], a: f32, em: f32) -> bool {
        let (mut ending, mut figures) = (0, 0);
        for i in ending_near(node, self.words, a, em) {
            ending += 1;
            let figure = self
                .texts
                .get(i)
                .is_some_and(|t| t.chars().any(|c| c.is_ascii_digit()));
            figures += usize::from(figure);
        }
        4 * figures <= ending
    }
}

/// Whether many rows left of `a` end at one x (within half a point): a justified column's
/// edge, the gutter beside it narrowed by something else (a page number in it at the foot),
/// not a ragged column.
fn has_straight_right_edge(node: &[usize], words: &[WordBox], a: f32) -> bool {
    // Each row's end: the rightmost word left of `a` on its baseline.
    let mut placed: Vec<(f32, f32)> = side_words(node, words, a, a, true)
        .map(|w| (w.row_baseline, w.x1))
        .collect();
    placed.sort_by(|p, q| p.0.total_cmp(&q.0));
    let ends = placed
        .chunk_by(|p, q| p.0 == q.0)
        .map(|row| row.iter().map(|p| p.1).fold(f32::NEG_INFINITY, f32::max));
    let mut xs: Vec<f32> = ends.collect();
    xs.sort_by(f32::total_cmp);
    (0..xs.len()).any(|k| {
        let x = xs.get(k).copied().unwrap_or(0.0);
        xs.get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&y| y - x <= 0.5)
            .count()
            >= STRAIGHT_CHANNEL_ROWS
    })
}

/// The rows starting flush at `b` run from the node's top to the foot of what stands right
/// of `b` (within a few ems): a column's edge down the whole node, or down to where the
/// last page's short column ends; not one beside part of it over a table's cells. Rows
/// that start at one of the indents the rows left of `b` show count as flush too: a list's
/// item running on at the next column's top, under its hang; and so do rows under the hang
/// of a label flush at `b`: a list's last item at the column's foot.
fn flush_edge_spans_node(node: &[usize], words: &[WordBox], b: f32, em: f32) -> bool {
    let (top, bottom) = node_extent(node, words, |w| (w.top, w.bottom));
    let (flush, right): (Vec<usize>, Vec<usize>) = node
        .iter()
        .copied()
        .filter(|&i| words.get(i).is_some_and(|w| w.x0 >= b))
        .partition(|&i| words.get(i).is_some_and(|w| starts_at(w, b)));
    let (flush_top, mut flush_bottom) = node_extent(&flush, words, |w| (w.top, w.bottom));
    let hangs = label_hangs(&flush, &right, words, em);
    if !hangs.is_empty() {
        // The rows right of `b` that start at a hang, under the first flush row.
        let mut rows: Vec<(f32, f32, f32, f32)> = Vec::new();
        for w in right.iter().filter_map(|&i| words.get(i)) {
            match rows.iter_mut().find(|r| r.0 == w.row_baseline) {
                Some(r) => (r.1, r.2, r.3) = (r.1.min(w.x0), r.2.min(w.top), r.3.max(w.bottom)),
                None => rows.push((w.row_baseline, w.x0, w.top, w.bottom)),
            }
        }
        let under_hang = rows.iter().filter(|&&(_, x0, row_top, _)| {
            row_top > flush_top && hangs.iter().any(|&x| (x0 - x).abs() <= INDENT_SLACK_PT)
        });
        flush_bottom = under_hang.fold(flush_bottom, |foot, r| foot.max(r.3));
    }
    let right_bottom = foot_of_text(&right, words, bottom, em);
    let spans_to = |top_row: f32| {
        top_row <= top + SPANS_NODE_EM * em && flush_bottom >= right_bottom - SPANS_NODE_EM * em
    };
    spans_to(flush_top) || spans_to(first_indented_row(node, words, b).min(flush_top))
}

/// Where the text of list items hangs: the next word's start in the row of a label (a word
/// under [`LABEL_WIDTH_EM`] wide) among the words `flush` at an edge, set off from it by a
/// gap wider than a word space, among the words `right` of it.
fn label_hangs(flush: &[usize], right: &[usize], words: &[WordBox], em: f32) -> Vec<f32> {
    let mut hangs: Vec<f32> = flush
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|label| label.x1 - label.x0 < LABEL_WIDTH_EM * em)
        .filter_map(|label| {
            right
                .iter()
                .filter_map(|&i| words.get(i))
                .filter(|w| w.row_baseline == label.row_baseline && w.x0 > label.x1)
                .map(|w| w.x0)
                .min_by(f32::total_cmp)
                .filter(|&x| x - label.x1 > LABEL_HANG_GAP_EM * em)
        })
        .collect();
    hangs.sort_unstable_by(f32::total_cmp);
    hangs.dedup_by(|p, q| (*p - *q).abs() <= INDENT_SLACK_PT);
    hangs
}

/// A list's label is narrower than this many ems (`–`, `1.`, `a)`, `iv.`).
const LABEL_WIDTH_EM: f32 = 1.5;

/// … and its item's text stands further than this many ems from it (wider than a word space).
const LABEL_HANG_GAP_EM: f32 = 0.5;

/// The foot of the words `side`: their lowest bottom, but for a lone row at the node's foot
/// (`node_bottom`) standing [`LONE_FOOT_EM`] below the rest: a page number or a footer
/// under a column that ended higher, not a row of it.
fn foot_of_text(side: &[usize], words: &[WordBox], node_bottom: f32, em: f32) -> f32 {
    let baseline = |i: &usize| words.get(*i).map_or(f32::NAN, |w| w.row_baseline);
    let last = side.iter().map(baseline).fold(f32::NEG_INFINITY, f32::max);
    let (foot, above): (Vec<usize>, Vec<usize>) = side.iter().partition(|i| baseline(i) == last);
    let (foot_top, foot_bottom) = node_extent(&foot, words, |w| (w.top, w.bottom));
    let (_, above_bottom) = node_extent(&above, words, |w| (w.top, w.bottom));
    let lone_foot = !above.is_empty()
        && foot_bottom >= node_bottom
        && foot_top - above_bottom > LONE_FOOT_EM * em;
    if lone_foot { above_bottom } else { foot_bottom }
}

/// A row this far (in ems) below the rest of a column's side stands apart from it
/// ([`foot_of_text`]): further than a signature's space.
const LONE_FOOT_EM: f32 = 8.0;

/// The side left of `a`..`b` is a column of its own over the top of a body (a reference
/// column in type near the body's): at least [`MARGIN_ROWS`] rows, not all level with the
/// body's (a table's cells and a list's labels are), and the body's flush edge at `b`
/// spanning the node, with [`MARGIN_ROWS`] rows starting there under the column's foot.
fn is_column_over_body(
    node: &[usize],
    words: &[WordBox],
    (a, b): (f32, f32),
    left: &[&WordBox],
    em: f32,
) -> bool {
    if baselines(left).len() < MARGIN_ROWS || rows_level(node, words, a, b, em) {
        return false;
    }
    let foot = left
        .iter()
        .map(|w| w.bottom)
        .fold(f32::NEG_INFINITY, f32::max);
    let under: Vec<&WordBox> = node
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| w.top > foot && starts_at(w, b))
        .collect();
    baselines(&under).len() >= MARGIN_ROWS && flush_edge_spans_node(node, words, b, em)
}

/// The top of the first row right of `b` that starts at one of the indents the rows left
/// of `b` show ([`row_indents`]) from `b`: infinity where none does.
fn first_indented_row(node: &[usize], words: &[WordBox], b: f32) -> f32 {
    let left: Vec<&WordBox> = side_words(node, words, b, b, true).collect();
    let indents = row_indents(&left);
    if indents.is_empty() {
        return f32::INFINITY;
    }
    let right: Vec<&WordBox> = node
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| w.x0 >= b)
        .collect();
    row_extents(&right)
        .into_iter()
        .filter(|&(x0, _, _)| {
            indents
                .iter()
                .any(|&d| (x0 - b - d).abs() <= INDENT_SLACK_PT)
        })
        .map(|(_, _, top)| top)
        .fold(f32::INFINITY, f32::min)
}

/// The indents from the left edge of `words` at which two rows or more start (a list's
/// hang, paragraphs' first lines).
fn row_indents(words: &[&WordBox]) -> Vec<f32> {
    let starts = row_extents(words);
    let edge = starts.iter().map(|s| s.0).fold(f32::INFINITY, f32::min);
    let mut indents: Vec<f32> = starts
        .iter()
        .map(|s| s.0 - edge)
        .filter(|&d| d > INDENT_SLACK_PT)
        .collect();
    indents.sort_unstable_by(f32::total_cmp);
    indents
        .chunk_by(|p, q| q - p <= INDENT_SLACK_PT)
        .filter(|run| run.len() >= 2)
        .filter_map(|run| run.first().copied())
        .collect()
}

/// Indents this close are one, as a row this close to an edge is flush at it ([`starts_at`]).
const INDENT_SLACK_PT: f32 = 0.5;

/// See [`flush_edge_spans_node`].
const SPANS_NODE_EM: f32 = 3.0;

/// A ragged column's right edge, with a column's first lines beside it: many rows left of
/// `a` end near it and none past it (a column of one measure, set ragged), and right of `b`
/// rows start flush at `b` or a line runs as prose (a signature or a paragraph's last line
/// at the second column's top, not a margin's mark), from the top of the column beside
/// them ([`starts_at_top`]: not the last words of a few lines stretched to the measure
/// further down).
fn is_ragged_edge(node: &[usize], words: &[WordBox], a: f32, b: f32, em: f32) -> bool {
    (rows_starting_at(node, words, b) >= 2
        || run_width(node, words, a, b, false, em) >= NARROW_PROSE_RUN_EM * em)
        && is_column_edge(node, words, a, b, em)
        && starts_at_top(node, words, a, b)
}

/// The words right of `b` start at the top of those left of `a`: at most one row of those
/// (a heading over the column) stands wholly above the first of them.
fn starts_at_top(node: &[usize], words: &[WordBox], a: f32, b: f32) -> bool {
    let top = side_extent(node, words, a, b, false, |w| (w.top, w.bottom)).0;
    let above: Vec<&WordBox> = side_words(node, words, a, b, true)
        .filter(|w| w.bottom <= top)
        .collect();
    baselines(&above).len() <= 1
}

/// A column's right edge at `a`: many rows reach it ([`rows_reaching`]: they end within
/// [`RAGGED_EDGE_EM`] of it, or where the next row's first word would not have fitted; none
/// past it, or `a` would not bound them), its runs prose.
fn is_column_edge(node: &[usize], words: &[WordBox], a: f32, b: f32, em: f32) -> bool {
    let left: Vec<&WordBox> = side_words(node, words, a, b, true).collect();
    rows_reaching(&left, a, em) >= STRAIGHT_CHANNEL_ROWS
        && run_width(node, words, a, b, true, em) >= NARROW_PROSE_RUN_EM * em
}

/// The words of `node` left of `a` that end within a ragged edge's reach of it
/// ([`RAGGED_EDGE_EM`]), as indices.
fn ending_near<'n>(
    node: &'n [usize],
    words: &'n [WordBox],
    a: f32,
    em: f32,
) -> impl Iterator<Item = usize> + 'n {
    let near = a - RAGGED_EDGE_EM * em;
    node.iter()
        .copied()
        .filter(move |&i| words.get(i).is_some_and(|w| w.x1 <= a && w.x1 >= near))
}

/// A page's right margin is as wide as its left one, or (a reference column on the left
/// widening that) at least this wide (2 cm).
const NARROWEST_WIDE_MARGIN_PT: f32 = 56.7;

/// A column's edge (ragged or justified: many rows end near `a` or fill up to it,
/// [`lines_fill_to`]; none past it; its runs prose) with, right of `b`, a single row level
/// with its first and room on the page for a column as wide after `b`: the next column's
/// first row (a paragraph's last words), not a value beside a label (which has rows of its
/// own further down) nor a page number at the page's edge. The room ends where the page's
/// text does or, the page's width known, where a right margin as wide as the page's left
/// one begins, or one of [`NARROWEST_WIDE_MARGIN_PT`] (the row may be all the next column
/// holds on the page; a reference column may stand left of the columns, on the first page
/// only).
fn is_next_columns_first_row(
    node: &[usize],
    words: &[WordBox],
    a: f32,
    b: f32,
    em: f32,
    page_width: Option<f32>,
) -> bool {
    let right: Vec<&WordBox> = side_words(node, words, a, b, false).collect();
    let [row] = baselines(&right)[..] else {
        return false;
    };
    let left: Vec<&WordBox> = side_words(node, words, a, b, true).collect();
    let first = left
        .iter()
        .map(|w| w.row_baseline)
        .fold(f32::INFINITY, f32::min);
    let (x0, _) = across(&left);
    // The page's text, not the node's, bounds the room.
    let (text_x0, text_x1) = words
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), w| {
            (lo.min(w.x0), hi.max(w.x1))
        });
    let right_margin = text_x0.min(NARROWEST_WIDE_MARGIN_PT);
    let x1 = page_width.map_or(text_x1, |width| text_x1.max(width - right_margin));
    (row - first).abs() <= LEVEL_ROWS_EM * em
        && b + (a - x0) <= x1 + em
        && (is_column_edge(node, words, a, b, em)
            || lines_fill_to(&left, a, em)
                && run_width(node, words, a, b, true, em) >= NARROW_PROSE_RUN_EM * em)
}

/// Lines set ragged up to `a`: three in four at least end where the next one's first word
/// would not have fitted before `a` (with its space; the others are paragraphs' last
/// lines). A column's edge however ragged (a narrow measure in large type, unhyphenated),
/// not a column of labels, after any of which the next would have fitted.
fn lines_fill_to(side: &[&WordBox], a: f32, em: f32) -> bool {
    let rows = row_ends(side);
    let pairs = rows.len().saturating_sub(1);
    let filled = rows
        .windows(2)
        .filter(|pair| matches!(pair, [(end, _), (_, next)] if fills_to(*end, *next, a, em)))
        .count();
    pairs >= FILLED_LINES && 4 * filled >= 3 * pairs
}

/// How many rows of `side` reach a ragged edge at `a`: they end within [`RAGGED_EDGE_EM`]
/// of it, or where the next row's first word would not have fitted before it (long words
/// in large type leave a ragged edge wider than two ems).
fn rows_reaching(side: &[&WordBox], a: f32, em: f32) -> usize {
    let rows = row_ends(side);
    let next_firsts = rows.iter().skip(1).map(|r| Some(r.1)).chain([None]);
    rows.iter()
        .zip(next_firsts)
        .filter(|((end, _), next)| {
            a - end <= RAGGED_EDGE_EM * em || next.is_some_and(|next| fills_to(*end, next, a, em))
        })
        .count()
}

/// A line ending at `end` left no room before `a` for the next line's first word, `next`
/// wide, and its space.
fn fills_to(end: f32, next: f32, a: f32, em: f32) -> bool {
    a - end <= next + SPACE_EM * em
}

/// Each row's end and its first word's width, rows top to bottom.
fn row_ends(side: &[&WordBox]) -> Vec<(f32, f32)> {
    let mut sorted: Vec<&WordBox> = side.to_vec();
    sorted.sort_by(|p, q| {
        p.row_baseline
            .total_cmp(&q.row_baseline)
            .then(p.x0.total_cmp(&q.x0))
    });
    let mut rows: Vec<(f32, f32)> = Vec::new();
    let mut baseline = f32::NAN;
    for w in sorted {
        match rows.last_mut() {
            Some(row) if (w.row_baseline - baseline).abs() < 0.5 => row.0 = row.0.max(w.x1),
            _ => {
                rows.push((w.x1, w.x1 - w.x0));
                baseline = w.row_baseline;
            }
        }
    }
    rows
}

/// A word space, at most, in ems.
const SPACE_EM: f32 = 0.5;

/// Lines that show a ragged column's edge by filling up to it, at least.
const FILLED_LINES: usize = 4;

/// A few rows right of `b`, short beside a column's edge at `a` (justified; or ragged, its
/// rows starting flush at `b` and at least two of them): the top of the next column (a
/// signatory's role and name beside the last page's first column), not values beside
/// their labels, whatever their rows' level.
fn is_next_columns_top(node: &[usize], words: &[WordBox], a: f32, b: f32, em: f32) -> bool {
    is_short_beside(node, words, a, b)
        && (is_justified_edge(node, words, a, b, em)
            || (rows_starting_at(node, words, b) >= 2 && is_column_edge(node, words, a, b, em)))
}

/// The rows right of `b` are at most [`SHORT_BESIDE`] of those left of `a`: the top of the
/// next column set looser than the column beside it (two signatories in large type, their
/// signatures' space between them), though down more of its height than
/// [`is_short_beside`] allows.
fn has_few_rows_beside(node: &[usize], words: &[WordBox], a: f32, b: f32) -> bool {
    let rows =
        |left: bool| baselines(&side_words(node, words, a, b, left).collect::<Vec<_>>()).len();
    rows(false) as f32 <= SHORT_BESIDE * rows(true) as f32
}

/// Ragged lines end within this many ems of the longest (a word and its space).
const RAGGED_EDGE_EM: f32 = 2.0;

/// The text right of `b` runs down at most [`SHORT_BESIDE`] of the height of the text left
/// of `a`: a few lines at the top of a column beside a full one (two signatories' roles and
/// names, a third of its height, in large type set loose), not the page numbers of a
/// table of contents or a table's last column, which run down with the rows they belong to.
fn is_short_beside(node: &[usize], words: &[WordBox], a: f32, b: f32) -> bool {
    let down = |w: &WordBox| (w.top, w.bottom);
    let (lt, lb) = side_extent(node, words, a, b, true, down);
    let (rt, rb) = side_extent(node, words, a, b, false, down);
    rb - rt <= SHORT_BESIDE * (lb - lt)
}

/// See [`is_short_beside`].
const SHORT_BESIDE: f32 = 0.35;

/// The rows right of `b` end flush at one edge but do not start at one: some row starts
/// neither at `b` nor a paragraph's indent from it but a fraction of an em in. Justified
/// lines' last words, whose word gaps line up (a river), not a column's edge.
fn ends_flush_starts_ragged(node: &[usize], words: &[WordBox], b: f32, em: f32) -> bool {
    // Per row right of `b`: where its first word starts and its last word ends.
    let rows = row_extents(&side_words(node, words, b, b, false).collect::<Vec<_>>());
    let slack = RAGGED_START_EM * em;
    let edge = rows.iter().map(|r| r.1).fold(f32::NEG_INFINITY, f32::max);
    rows.len() >= 2
        && rows.iter().all(|r| r.1 >= edge - slack)
        && rows
            .iter()
            .any(|r| (slack..INDENT_EM * em).contains(&(r.0 - b)))
}

/// See [`ends_flush_starts_ragged`]: further than a hinted row's slack, not as far as an
/// indent.
const RAGGED_START_EM: f32 = 0.25;
const INDENT_EM: f32 = 1.0;

/// How many rows right of `b` start within half a point of `b`: a column's left edge.
fn rows_starting_at(node: &[usize], words: &[WordBox], b: f32) -> usize {
    let starting: Vec<&WordBox> = node
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| starts_at(w, b))
        .collect();
    baselines(&starting).len()
}

/// Whether every row of `words` has a word flush at `edge` ([`starts_at`], a hair's slack).
fn rows_flush_at<'w>(words: impl Iterator<Item = &'w WordBox>, edge: f32) -> bool {
    let mut rows: Vec<(f32, bool)> = words
        .map(|w| (w.row_baseline, starts_at(w, edge - CHANNEL_SLACK_PT)))
        .collect();
    rows.sort_by(|p, q| p.0.total_cmp(&q.0));
    rows.chunk_by(|p, q| p.0 == q.0)
        .all(|row| row.iter().any(|&(_, flush)| flush))
}

/// Whether `w` starts within half a point right of `b`: flush at a column's left edge.
fn starts_at(w: &WordBox, b: f32) -> bool {
    w.x0 >= b && w.x0 <= b + 0.5
}

/// Beside a justified column's edge (two rows or more end straight at `a`, not counting a
/// row that runs on across the gap as one line, [`runs_on_across`]), rows right of `b` all
/// flush at `b`, the longest as wide as the column left of `a`: the grid's next column
/// holding a paragraph's last lines at its top (a justified line and the last), however
/// narrow the gutter and few the rows beside it.
fn is_next_column_at_measure(
    node: &[usize],
    words: &[WordBox],
    labels: &[bool],
    a: f32,
    b: f32,
    em: f32,
) -> bool {
    let edge_rows = rows_ending_at(node, words, a)
        .into_iter()
        .filter(|&row| !runs_on_across(node, words, labels, (a, b), row))
        .count();
    if edge_rows < 2 {
        return false;
    }
    let left: Vec<&WordBox> = side_words(node, words, a, b, true).collect();
    let right: Vec<&WordBox> = side_words(node, words, a, b, false).collect();
    let ((x0, _), (_, right_end)) = (across(&left), across(&right));
    rows_flush_at(right.iter().copied(), b)
        && ((right_end - b) - (a - x0)).abs() <= SAME_MEASURE_EM * em
}

/// Rows flush at `b`, set ragged to `measure_end` (the left column's measure after `b`): none
/// past it, each but the last ending where the next row's first word would not have fitted
/// before it. A grid's next column holding a paragraph's last lines, however short its
/// longest (a caption or a side note has a measure of its own, narrower).
fn ragged_at_measure(right: &[&WordBox], b: f32, measure_end: f32, em: f32) -> bool {
    let rows = row_ends(right);
    rows_flush_at(right.iter().copied(), b)
        && rows
            .iter()
            .all(|(end, _)| *end <= measure_end + SAME_MEASURE_EM * em)
        && rows.windows(2).all(
            |pair| matches!(pair, [(end, _), (_, next)] if fills_to(*end, *next, measure_end, em)),
        )
}

/// How many rows left of `a` end within half a point of `a`: a justified column's edge.
fn justified_rows_ending_at(node: &[usize], words: &[WordBox], a: f32) -> usize {
    rows_ending_at(node, words, a).len()
}

/// The baselines of the rows with a word ending within half a point left of `a`.
fn rows_ending_at(node: &[usize], words: &[WordBox], a: f32) -> Vec<f32> {
    let ending: Vec<&WordBox> = node
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| w.x1 <= a && w.x1 >= a - 0.5)
        .collect();
    baselines(&ending)
}

/// The row on `row` runs on across the gap `a`..`b` at a gap not clearly wider than its
/// widest other word gap ([`OTHER_COLUMN_GAPS`]): one line whose words end at `a` by
/// chance, not a column's line ending at its edge.
fn runs_on_across(
    node: &[usize],
    words: &[WordBox],
    labels: &[bool],
    (a, b): (f32, f32),
    row: f32,
) -> bool {
    row_gaps_across(node, words, labels, a, b, row).is_some_and(|gaps| {
        (gaps.word_gaps.last()).is_some_and(|&widest| gaps.across < OTHER_COLUMN_GAPS * widest)
    })
}

/// The words left of `a` make two rows, the upper ending straight at `a` and the lower
/// short of it: a justified paragraph's last two lines, the only justified one at the
/// measure.
fn is_paragraphs_last_two_rows(node: &[usize], words: &[WordBox], a: f32) -> bool {
    let left: Vec<&WordBox> = side_words(node, words, a, a, true).collect();
    let rows = row_extents(&left);
    let [p, q] = rows.as_slice() else {
        return false;
    };
    // (x0, x1, top), upper row first.
    let (upper, lower) = if p.2 <= q.2 { (p, q) } else { (q, p) };
    upper.1 >= a - 0.5 && lower.1 < a - 0.5
}

/// The fewer of the rows left of `a` and right of `b` that stand beside the other side.
fn rows_beside(node: &[usize], words: &[WordBox], a: f32, b: f32) -> usize {
    let side = |left: bool| -> Vec<&WordBox> { side_words(node, words, a, b, left).collect() };
    let (left, right) = (side(true), side(false));
    let span = |s: &[&WordBox]| {
        s.iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(t, bo), w| {
                (t.min(w.top), bo.max(w.bottom))
            })
    };
    let beside = |s: &[&WordBox], (top, bottom): (f32, f32)| {
        let within = s.iter().filter(|w| w.bottom > top && w.top < bottom);
        distinct(within.map(|w| w.row_baseline).collect()).len()
    };
    beside(&left, span(&right)).min(beside(&right, span(&left)))
}

/// The smaller of the two sides' median type sizes of the channel `a`..`b`, and `em`.
fn smaller_side_size(node: &[usize], words: &[WordBox], a: f32, b: f32, em: f32) -> f32 {
    [true, false]
        .iter()
        .map(|&left| side_median_size(node, words, a, b, left))
        .fold(em, f32::min)
}

/// The median type size of the words left of `a` (or right of `b`).
fn side_median_size(node: &[usize], words: &[WordBox], a: f32, b: f32, left: bool) -> f32 {
    let side: Vec<usize> = node
        .iter()
        .copied()
        .filter(|&i| {
            words
                .get(i)
                .is_some_and(|w| if left { w.x1 <= a } else { w.x0 >= b })
        })
        .collect();
    median_size(&side, words)
}

/// The extent (lowest start, highest end of `span`) of the words left of `a` (or right of `b`).
fn side_extent(
    node: &[usize],
    words: &[WordBox],
    a: f32,
    b: f32,
    left: bool,
    span: impl Fn(&WordBox) -> (f32, f32),
) -> (f32, f32) {
    side_words(node, words, a, b, left)
        .map(span)
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), (s0, s1)| {
            (lo.min(s0), hi.max(s1))
        })
}

/// How far the text left of `a` and the text right of `b` run beside each other, vertically.
fn sides_overlap(node: &[usize], words: &[WordBox], a: f32, b: f32) -> f32 {
    let down = |w: &WordBox| (w.top, w.bottom);
    let (lt, lb) = side_extent(node, words, a, b, true, down);
    let (rt, rb) = side_extent(node, words, a, b, false, down);
    lb.min(rb) - lt.max(rt)
}

/// Right of `b`, two rows or more, each flush at `b`, short beside prose left of `a` that
/// runs down a few lines at least ([`NARROW_GUTTER_HEIGHT_EM`]): a reference column's label
/// and value beside a ragged column's first lines, in the column's type. However short its
/// rows, not the gap after a two-line heading's first word, whose left side is that word.
/// (The channel must still be clear of the word gaps beside it.)
fn is_flush_rows_beside_prose(node: &[usize], words: &[WordBox], a: f32, b: f32, em: f32) -> bool {
    let right = || side_words(node, words, a, b, false);
    let (top, bottom) = side_extent(node, words, a, b, true, |w| (w.top, w.bottom));
    baselines(&right().collect::<Vec<_>>()).len() >= 2
        && rows_flush_at(right(), b)
        && bottom - top >= NARROW_GUTTER_HEIGHT_EM * em
        && is_short_beside(node, words, a, b)
        && run_width(node, words, a, b, true, em) >= NARROW_PROSE_RUN_EM * em
}

/// Type smaller than this share of the other side's is another kind of text (a margin column).
const SMALLER_TYPE: f32 = 0.85;

/// Type smaller than this share of the other side's, in a size none of the other side's
/// words has, is another kind of text too (a reference column in type 0.87 of the body's).
const SOMEWHAT_SMALLER_TYPE: f32 = 0.9;

/// Whether no word of `a` is set in the size of a word of `b` (within a twentieth of a
/// point).
fn no_shared_size(a: &[&WordBox], b: &[&WordBox]) -> bool {
    let mut sizes: Vec<f32> = b.iter().map(|w| w.size).collect();
    sizes.sort_unstable_by(f32::total_cmp);
    a.iter().all(|w| {
        let at = sizes.partition_point(|&s| s < w.size - SAME_SIZE_PT);
        sizes.get(at).is_none_or(|&s| s > w.size + SAME_SIZE_PT)
    })
}

/// Whether the words of `narrow` are set in clearly smaller type than those of `other`:
/// [`SMALLER_TYPE`], or [`SOMEWHAT_SMALLER_TYPE`] in a size none of `other` has.
fn in_smaller_type(narrow: &[&WordBox], other: &[&WordBox]) -> bool {
    smaller_than(narrow, other, SOMEWHAT_SMALLER_TYPE)
}

/// Whether `narrow`'s median size is under [`SMALLER_TYPE`] of `other`'s, or under `share`
/// of it in a size none of `other` has.
fn smaller_than(narrow: &[&WordBox], other: &[&WordBox], share: f32) -> bool {
    let size = |side: &[&WordBox]| median(side.iter().map(|w| w.size).collect());
    let (Some(narrow_size), Some(other_size)) = (size(narrow), size(other)) else {
        return false;
    };
    narrow_size < SMALLER_TYPE * other_size
        || (narrow_size < share * other_size && no_shared_size(narrow, other))
}

/// Sizes within this many points of each other are one type size.
const SAME_SIZE_PT: f32 = 0.05;

/// The gap between `a` and `b` separates a narrow side whose rows each continue on the
/// other side: labels or list numbers, not a column.
fn is_label_gap(
    node: &[usize],
    words: &[WordBox],
    texts: &[String],
    a: f32,
    b: f32,
    width: f32,
    em: f32,
) -> bool {
    let left: Vec<&WordBox> = node
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| w.x1 <= a)
        .collect();
    let right: Vec<&WordBox> = node
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| w.x0 >= b)
        .collect();
    let side_width = |side: &[&WordBox]| {
        let (x0, x1) = across(side);
        x1 - x0
    };
    let narrow_is_right = side_width(&left) > side_width(&right);
    let (narrow, other) = if narrow_is_right {
        (&right, &left)
    } else {
        (&left, &right)
    };
    if side_width(narrow) > 0.3 * width || side_width(narrow) > 0.5 * side_width(other) {
        return false;
    }
    // A narrow side right of the text, in clearly smaller type, is a margin column beside
    // it (`Datum` of a running column level with a body line), not the text's values.
    // (Labels and bullets left of their text may well be smaller.)
    if narrow_is_right && in_smaller_type(narrow, other) {
        return false;
    }
    let narrow_rows = baselines(narrow);
    let other_rows = baselines(other);
    if narrow_is_right && wraps_past_a_narrow_block(&narrow_rows, other, &other_rows, a, em) {
        return false;
    }
    let narrow_rows = without_lead_in(narrow_rows, &other_rows, em);
    // How far each narrow row stands from the other side's row level with it.
    let offsets: Vec<f32> = narrow_rows
        .iter()
        .filter_map(|&y| {
            other_rows
                .iter()
                .map(|&o| o - y)
                .find(|d| d.abs() <= 0.3 * em)
        })
        .collect();
    let aligned = offsets.len();
    if aligned * 10 < narrow_rows.len() * 8 {
        return false;
    }
    // Labels stand on their values' rows (or all alike off them, in a cell of another size)
    // and wrap on their pitch; a column on a line pitch of its own has rows level with the
    // text's by chance, drifting off them row by row.
    let (low, high) = offsets
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, h), &d| {
            (l.min(d), h.max(d))
        });
    if high - low > LABEL_DRIFT_EM * em
        && let Some(text) = line_pitch(&word_feet(other))
        && let Some(own) = line_pitch(&word_feet(narrow)).or_else(|| {
            // Too few rows at one pitch: the smallest step, beside prose (a table's labels
            // step by rows of their own).
            stepped_pitch(&word_feet(narrow), em)
                .filter(|_| runs_as_prose(node, words, a, b, narrow_is_right, em))
        })
        && (OWN_PITCH_SHARE * text..NEAR_PITCH_SHARE * text).contains(&(own - text).abs())
    {
        return false;
    }
    // A narrow side with a row amid the text's level with none of them (or, in smaller
    // type, not every row level with one of the text next to it), whose rows stop while
    // the text runs on for several rows below them, is a column beside the text, most of
    // its rows level with the text's by chance (a reference column on the text's grid, a
    // row of it where the text leaves a line blank): labels and bullets stand level with
    // their values, and values end soon after the last label.
    // (Level with a row of the text next to it: not with one of a column further across,
    // past a gutter of the text's own, an em wide or more.)
    let level_near = || {
        let mut extents: Vec<(f32, f32)> = other.iter().map(|w| (w.x0, w.x1)).collect();
        extents.sort_by(|p, q| p.0.total_cmp(&q.0));
        let channels = gaps(extents).into_iter().filter(|(c, d)| d - c >= em);
        let near: Vec<&WordBox> = if narrow_is_right {
            let edge = channels.map(|(_, d)| d).fold(f32::NEG_INFINITY, f32::max);
            other.iter().filter(|w| w.x0 >= edge).copied().collect()
        } else {
            let edge = channels.map(|(c, _)| c).fold(f32::INFINITY, f32::min);
            other.iter().filter(|w| w.x1 <= edge).copied().collect()
        };
        let near_rows = baselines(&near);
        narrow_rows
            .iter()
            .filter(|&&y| near_rows.iter().any(|&o| (o - y).abs() <= 0.3 * em))
            .count()
    };
    // (Right of the text, rows level but drifting off the text's by a point or two count as
    // not level: a margin column on a pitch of its own too short to measure.)
    let drifting = narrow_is_right && high - low > LABEL_DRIFT_EM * em;
    // A row of the narrow side amid the text's rows (not above them: a lead-in's last words
    // over a list's labels) level with none of them.
    let (text_top, text_bottom) = (
        other_rows.first().copied().unwrap_or(f32::INFINITY),
        other_rows.last().copied().unwrap_or(f32::NEG_INFINITY),
    );
    let off_the_text_amid_it = || {
        narrow_rows.iter().any(|&y| {
            y > text_top && y < text_bottom && other_rows.iter().all(|&o| (o - y).abs() > 0.3 * em)
        })
    };
    // (Right of text in smaller type, a narrow side of words in a larger size the text
    // never uses is no value of it either: the body's last line level with a running
    // margin column's first row. Figures may be: a page number beside a running head.)
    if (aligned < narrow_rows.len() && off_the_text_amid_it())
        || ((aligned < narrow_rows.len() || level_near() < narrow_rows.len() || drifting)
            && smaller_than(narrow, other, SLIGHTLY_SMALLER_TYPE))
        || (narrow_is_right
            && smaller_than(other, narrow, SLIGHTLY_SMALLER_TYPE)
            && no_shared_size(narrow, other)
            && node.iter().any(|&i| {
                words.get(i).is_some_and(|w| w.x0 >= b)
                    && texts
                        .get(i)
                        .is_some_and(|t| t.chars().any(char::is_alphabetic))
            }))
    {
        let last = narrow_rows.last().copied().unwrap_or(f32::INFINITY);
        let below = other_rows.iter().filter(|&&y| y > last + 0.3 * em).count();
        if below >= ROWS_PAST_LABELS {
            return false;
        }
    }
    // A third of a grid of three columns of prose is as narrow: rows a column wide, or many
    // rows (a narrow column's, down the page) that fill half its measure or more.
    let row_width = median_row_width(narrow);
    let column_rows = row_width >= LABEL_ROW_EM * em
        || (narrow_rows.len() >= 2 * STRAIGHT_CHANNEL_ROWS
            && row_width >= 0.5 * side_width(narrow));
    let third_column = column_rows && is_third_column(node, words, a, b);
    let breaks_a_word =
        || narrow_is_right && breaks_a_word_level_with(node, words, texts, a, &narrow_rows, em);
    !third_column && !breaks_a_word()
}

/// The narrow side's rows but a lone one right above the text's first (within
/// [`LEAD_IN_EM`]): a lead-in's last words at a list's labels' edge, not a row beside the
/// text, level with none of it.
fn without_lead_in(mut narrow_rows: Vec<f32>, text_rows: &[f32], em: f32) -> Vec<f32> {
    let Some(&top) = text_rows.first() else {
        return narrow_rows;
    };
    let above = narrow_rows.iter().filter(|&&y| y < top - 0.3 * em).count();
    if above == 1
        && narrow_rows.len() > 2
        && narrow_rows
            .first()
            .is_some_and(|&y| top - y <= LEAD_IN_EM * em)
    {
        narrow_rows.remove(0);
    }
    narrow_rows
}

/// A lead-in's last line stands at most this many ems over the list it leads into.
const LEAD_IN_EM: f32 = 2.0;

/// Whether the text left of a narrow side of two rows or more, its first row level with the
/// narrow side's first, runs on for a row or two past the narrow side's last at its pitch,
/// and only those rows, a prose run wide, reach the channel (at `a`): two blocks side by side,
/// a field's value wrapped beside another field, not labels with values right of them (those
/// stand off the widest label that has a value, and a row past them is one more label).
/// (`text_rows`: the text's [`baselines`].)
fn wraps_past_a_narrow_block(
    narrow_rows: &[f32],
    text: &[&WordBox],
    text_rows: &[f32],
    a: f32,
    em: f32,
) -> bool {
    let (Some(&first), Some(&last)) = (narrow_rows.first(), narrow_rows.last()) else {
        return false;
    };
    let pitch = narrow_rows
        .iter()
        .zip(narrow_rows.iter().skip(1))
        .map(|(y, next)| next - y)
        .fold(f32::INFINITY, f32::min);
    let (level, past): (Vec<&WordBox>, Vec<&WordBox>) =
        text.iter().partition(|w| w.row_baseline <= last + 0.3 * em);
    let mut past_rows = text_rows.iter().filter(|&&y| y > last + 0.3 * em);
    let (past_first, past_count) = (past_rows.next(), 1 + past_rows.count());
    let (_, level_reach) = across(&level);
    let (x0, x1) = across(&past);
    narrow_rows.len() >= 2
        && text_rows
            .first()
            .is_some_and(|&y| (y - first).abs() <= 0.3 * em)
        && text_rows.len() <= narrow_rows.len() + WRAPPED_ROWS
        && past_first.is_some_and(|&y| y - last <= 1.2 * pitch)
        && past_count <= WRAPPED_ROWS
        && x1 - x0 >= NARROW_PROSE_RUN_EM * em
        && x1 >= a - 0.5 * em
        && x1 > level_reach + em
}

/// Whether a row of the text left of `a`, level with one of the narrow side right of it
/// (`narrow_rows`), ends in a word broken at a hyphen: its text runs on below, on its own
/// side, where a label's runs on across the gap to its value (a reference column's rows
/// level with a paragraph's by chance).
fn breaks_a_word_level_with(
    node: &[usize],
    words: &[WordBox],
    texts: &[String],
    a: f32,
    narrow_rows: &[f32],
    em: f32,
) -> bool {
    // The last word of the text level with each narrow row: (its end, its index).
    let mut last: Vec<Option<(f32, usize)>> = vec![None; narrow_rows.len()];
    for &i in node {
        let Some(w) = words.get(i).filter(|w| w.x1 <= a) else {
            continue;
        };
        let at = narrow_rows.partition_point(|&y| y < w.row_baseline - 0.3 * em);
        let level = narrow_rows
            .get(at)
            .is_some_and(|&y| (y - w.row_baseline).abs() <= 0.3 * em);
        if let (true, Some(slot)) = (level, last.get_mut(at))
            && slot.is_none_or(|(x1, _)| w.x1 > x1)
        {
            *slot = Some((w.x1, i));
        }
    }
    last.iter().flatten().any(|&(_, i)| {
        let broken =
            |t: &String| t.ends_with(['-', '\u{2010}']) && t.chars().any(char::is_alphabetic);
        words.get(i).is_some_and(|w| w.soft_hyphen) || texts.get(i).is_some_and(broken)
    })
}

/// A field's value wraps past the field beside it by this many rows or fewer.
const WRAPPED_ROWS: usize = 2;

/// Where the words of `side` stand on the page, row by row: their feet (a row's baseline
/// may be another side's row level with it), superscripts aside.
fn word_feet(side: &[&WordBox]) -> Vec<f32> {
    distinct(
        side.iter()
            .filter(|w| !w.superscript)
            .map(|w| w.bottom)
            .collect(),
    )
}

/// The step between rows where three or more follow each other at one step (within
/// [`SAME_PITCH_PT`]): the pitch of the longest such run, `None` where there is none.
fn line_pitch(rows: &[f32]) -> Option<f32> {
    let mut best: Option<(usize, f32)> = None;
    let mut run: Option<(usize, f32)> = None;
    for pair in rows.windows(2) {
        let &[y0, y1] = pair else { continue };
        let step = y1 - y0;
        run = match run {
            Some((n, p)) if (step - p).abs() <= SAME_PITCH_PT => Some((n + 1, p)),
            _ => Some((1, step)),
        };
        if let Some((n, p)) = run
            && n >= 2
            && best.is_none_or(|(m, _)| n > m)
        {
            best = Some((n, p));
        }
    }
    best.map(|(_, p)| p)
}

/// The smallest step between `rows` where every step is a whole number of it, to
/// [`SAME_PITCH_PT`], and it is a line pitch of type `em` (a short column's rows set apart
/// by a blank line here and there, too few for [`line_pitch`] to find three at one pitch);
/// two steps at least.
fn stepped_pitch(rows: &[f32], em: f32) -> Option<f32> {
    let steps: Vec<f32> = rows
        .windows(2)
        .filter_map(|pair| match pair {
            [y0, y1] => Some(y1 - y0),
            _ => None,
        })
        .collect();
    let pitch = steps.iter().copied().reduce(f32::min)?;
    let whole = |step: f32| (step - (step / pitch).round() * pitch).abs() <= SAME_PITCH_PT;
    (steps.len() >= 2 && pitch >= em && steps.iter().all(|&s| whole(s))).then_some(pitch)
}

/// Labels stand this many ems or less off their values' rows, all alike.
const LABEL_DRIFT_EM: f32 = 0.1;
/// Row steps this many points apart or less are one line pitch.
const SAME_PITCH_PT: f32 = 0.05;
/// Two line pitches differing by more than this share of the text's are two grids (by less
/// than [`NEAR_PITCH_SHARE`]: a table's labels on cells all a few lines high step by a
/// multiple of the text's pitch).
const OWN_PITCH_SHARE: f32 = 0.02;
/// Line pitches this share of the text's apart or more are not a column's beside it.
const NEAR_PITCH_SHARE: f32 = 0.2;

/// Values run on past their last label by fewer rows than this.
const ROWS_PAST_LABELS: usize = 4;

/// A narrow side under this share of the text's size, in a size the text does not use, is
/// set apart from it ([`is_label_gap`]'s columns level by chance).
const SLIGHTLY_SMALLER_TYPE: f32 = 0.97;

/// The median, over the rows of `side`, of the width from each row's first word to its last.
fn median_row_width(side: &[&WordBox]) -> f32 {
    let mut by_row: Vec<&WordBox> = side.to_vec();
    by_row.sort_by(|p, q| p.row_baseline.total_cmp(&q.row_baseline));
    let widths = by_row
        .chunk_by(|p, q| p.row_baseline == q.row_baseline)
        .map(|row| {
            let (x0, x1) = across(row);
            x1 - x0
        })
        .collect();
    median(widths).unwrap_or(0.0)
}

/// How far some words reach left and right.
fn across(words: &[&WordBox]) -> (f32, f32) {
    words
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(x0, x1), w| {
            (x0.min(w.x0), x1.max(w.x1))
        })
}

/// Labels (and list numbers) are this many ems wide or less, in the median: `Onze
/// referentie`, not a column's line.
const LABEL_ROW_EM: f32 = 12.0;

fn baselines(words: &[&WordBox]) -> Vec<f32> {
    distinct(words.iter().map(|w| w.row_baseline).collect())
}

/// Values sorted, those within half a point of the one kept before them dropped.
fn distinct(mut ys: Vec<f32>) -> Vec<f32> {
    // Values equal under `total_cmp` are the same bits: any sort gives the same sequence,
    // and sorting by the integers `total_cmp` compares is faster.
    ys.sort_unstable_by_key(|&y| words::ordered_bits(y));
    ys.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    ys
}

/// Whether the node's words make at most one row: [`distinct`] would keep at most one of
/// their baselines, as all lie within half a point of the lowest.
fn on_one_row(node: &[usize], words: &[WordBox]) -> bool {
    let mut baselines = node
        .iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.row_baseline);
    let Some(first) = baselines.next() else {
        return true;
    };
    let (low, high) = baselines.fold((first, first), |(low, high), y| {
        (
            std::cmp::min_by(low, y, f32::total_cmp),
            std::cmp::max_by(high, y, f32::total_cmp),
        )
    });
    (high - low).abs() < 0.5
}

fn node_extent(
    node: &[usize],
    words: &[WordBox],
    f: impl Fn(&WordBox) -> (f32, f32),
) -> (f32, f32) {
    node.iter()
        .filter_map(|&i| words.get(i))
        .map(f)
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), (a, b)| {
            (lo.min(a), hi.max(b))
        })
}

/// Short lines set apart under two columns on one side of their gutter `a`..`b` (a
/// letter's closing and signatures under the first column, where the second, balanced with
/// it, ended a line higher): read after both columns, not after the first. The first gap
/// across the node at least [`CLOSING_GAP_EM`] high with words on one side only below it
/// decides: above it one column of prose on each side (runs of words at least
/// [`PROSE_RUN_EM`] wide, no channel of its own: not a table's cells, not a margin's column
/// beside the body), the other column ending within [`CLOSING_LEVEL_EM`] of it; below it
/// at least two rows no wider, by their median, than [`CLOSING_ROW_SHARE`] of their column
/// (a paragraph running on there, in a column left longer than the other, is column-wide).
/// Returns the middle of the gap.
fn closing_below_columns(
    node: &[usize],
    words: &[WordBox],
    row_gaps: &[(f32, f32)],
    (a, b): (f32, f32),
    em: f32,
) -> Option<f32> {
    let on_side = |i: &usize, left: bool| {
        words
            .get(*i)
            .is_some_and(|w| if left { w.x1 <= a } else { w.x0 >= b })
    };
    // The lowest top of the words off each side (the other side's, and those across the
    // channel): a gap below it has words of that side only under it.
    let lowest_top_off = |left: bool| {
        node.iter()
            .filter(|i| !on_side(i, left))
            .filter_map(|&i| words.get(i))
            .fold(f32::NEG_INFINITY, |y, w| y.max(w.top))
    };
    let (off_left, off_right) = (lowest_top_off(true), lowest_top_off(false));
    let (g0, g1, left) = row_gaps
        .iter()
        .filter(|(g0, g1)| g1 - g0 >= CLOSING_GAP_EM * em)
        .find_map(|&(g0, g1)| {
            if off_left < g1 {
                Some((g0, g1, true))
            } else {
                (off_right < g1).then_some((g0, g1, false))
            }
        })?;
    let (above, below): (Vec<usize>, Vec<usize>) = node
        .iter()
        .partition(|&&i| words.get(i).is_some_and(|w| w.bottom <= g0));
    let is_prose_column = |l: bool| {
        let mut extents: Vec<(f32, f32)> = side_indices(&above, &on_side, l)
            .iter()
            .filter_map(|&i| words.get(i))
            .map(|w| (w.x0, w.x1))
            .collect();
        extents.sort_by(|p, q| p.0.total_cmp(&q.0));
        run_width(&above, words, a, b, l, em) >= PROSE_RUN_EM * em && gaps(extents).is_empty()
    };
    if !is_prose_column(true) || !is_prose_column(false) {
        return None;
    }
    let (other_top, other_end) = node_extent(&side_indices(&above, &on_side, !left), words, |w| {
        (w.top, w.bottom)
    });
    if g0 - other_end > CLOSING_LEVEL_EM * em {
        return None;
    }
    // The column: its rows beside the other one (not front matter set wider above them).
    let beside: Vec<usize> = side_indices(&above, &on_side, left)
        .into_iter()
        .filter(|&i| words.get(i).is_some_and(|w| w.bottom > other_top))
        .collect();
    let (x0, x1) = node_extent(&beside, words, |w| (w.x0, w.x1));
    // A page number under the column (a few words off its left edge on the last row) is no
    // row of a closing: a heading and its first line over it would look short by it.
    let foot = short_last_row(&below, words)
        .filter(|(_, row)| row.iter().all(|w| w.x0 > x0 + em))
        .map(|(baseline, _)| baseline);
    let closing: Vec<&WordBox> = below
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| Some(w.row_baseline) != foot)
        .collect();
    let mut widths: Vec<f32> = row_extents(&closing)
        .iter()
        .map(|(p, q, _)| q - p)
        .collect();
    widths.sort_by(f32::total_cmp);
    let median = widths
        .get(widths.len() / 2)
        .copied()
        .unwrap_or(f32::INFINITY);
    // A row that fills the column is a paragraph's running on.
    let fills = widths
        .last()
        .is_some_and(|&w| w >= FULL_ROW_SHARE * (x1 - x0));
    (widths.len() >= 2 && median <= CLOSING_ROW_SHARE * (x1 - x0) && !fills)
        .then_some((g0 + g1) / 2.0)
}

fn side_indices(node: &[usize], on_side: &impl Fn(&usize, bool) -> bool, left: bool) -> Vec<usize> {
    node.iter().copied().filter(|i| on_side(i, left)).collect()
}

/// A gap under two columns that sets a closing apart is at least this many ems high (a
/// paragraph's space is about one).
const CLOSING_GAP_EM: f32 = 2.0;
/// The other column ends at most this many ems above the gap over a closing.
const CLOSING_LEVEL_EM: f32 = 3.0;
/// A closing's rows are, by their median, at most this share of its column's width.
const CLOSING_ROW_SHARE: f32 = 0.7;
/// … and none fills this share of it.
const FULL_ROW_SHARE: f32 = 0.97;

/// The horizontal extent and the top of each row of `words` (by row baseline): (x0, x1,
/// top).
fn row_extents(words: &[&WordBox]) -> Vec<(f32, f32, f32)> {
    let mut rows: Vec<(f32, f32, f32, f32)> = Vec::new();
    for w in words {
        match rows.iter_mut().find(|r| (r.0 - w.row_baseline).abs() < 0.5) {
            Some(r) => (r.1, r.2, r.3) = (r.1.min(w.x0), r.2.max(w.x1), r.3.min(w.top)),
            None => rows.push((w.row_baseline, w.x0, w.x1, w.top)),
        }
    }
    rows.into_iter()
        .map(|(_, x0, x1, top)| (x0, x1, top))
        .collect()
}

/// A head is at most this many rows above a gap at least `HEAD_GAP_EM` high.
const HEAD_ROWS: usize = 4;
const HEAD_GAP_EM: f32 = 3.0;
/// … or this high, above columns.
const HEAD_OVER_COLUMNS_GAP_EM: f32 = 2.0;

impl Cut<'_> {
    /// A head of a few rows (a word mark, a title) set apart from the rest by a tall empty
    /// band across the whole node: read first, before any gutter below it, which may run on
    /// past it (a word mark centred above the right one of two columns). Returns the middle
    /// of the gap.
    /// `by_top`: the node's words by top ([`Cut::sorted_members`]); `row_gaps`: the [`gaps`]
    /// between them down the node; `em`: its type size.
    fn head_cut(&self, by_top: &[usize], row_gaps: &[(f32, f32)], em: f32) -> Option<f32> {
        let words = self.words;
        // The baselines above a gap, reused from gap to gap.
        let mut above = Vec::new();
        for &(a, b) in row_gaps {
            // No word crosses the gap: the words above it are those whose top is above it.
            let upper = by_top
                .get(..by_top.partition_point(|&i| words.get(i).is_some_and(|w| w.top <= a)))
                .unwrap_or_default();
            above.clear();
            above.extend(
                upper
                    .iter()
                    .filter_map(|&i| words.get(i))
                    .map(|w| w.row_baseline),
            );
            above = distinct(above);
            if above.len() > HEAD_ROWS {
                return None;
            }
            let rest = by_top.get(upper.len()..).unwrap_or_default();
            // A lower gap will do under a single row across columns: what lies under it has
            // a gutter down it, which the row spans (a running title over a page of columns;
            // not the columns' own first row).
            if b - a >= HEAD_GAP_EM * em
                || above.len() == 1
                    && b - a >= HEAD_OVER_COLUMNS_GAP_EM * em
                    && self.vertical_gutter(rest, || em).is_some_and(|(c, d)| {
                        upper
                            .iter()
                            .filter_map(|&i| words.get(i))
                            .any(|w| w.x0 < d && w.x1 > c)
                    })
                    && !self.splits_at_column_edge(upper, rest, em)
            {
                return (!self.columns_through_head(upper, rest, em)
                    && !self.column_beside_head(upper, rest, em))
                .then_some((a + b) / 2.0);
            }
        }
        None
    }

    /// The single row `row` over `rest` is the first row of its columns, not a title over
    /// them: in their type, its words stand either side of a channel down `rest`, the right
    /// ones from its far edge, flush with the next column (a paragraph's last line level
    /// with a signatory's role at the next column's top). The left ones may reach into
    /// the channel, up to a gutter from that edge: the ragged column under them ends short
    /// of its measure (a salutation longer than the lines under it).
    fn splits_at_column_edge(&self, row: &[usize], rest: &[usize], em: f32) -> bool {
        let words = self.words;
        let row_words = || row.iter().filter_map(|&i| words.get(i));
        row_words().all(|w| in_type_of(w, em))
            && gaps(self.sorted_extents(rest, &self.by_x0, |w| (w.x0, w.x1)))
                .into_iter()
                .any(|(c, d)| {
                    let left_end = row_words()
                        .filter(|w| w.x0 < c)
                        .map(|w| w.x1)
                        .fold(c, f32::max);
                    d - left_end >= NARROWEST_GUTTER_EM * em
                        && stand_apart(row_words(), (left_end, d), |w| starts_at(w, d))
                })
    }

    /// Whether the `head`'s rows are the first rows of the column under them with a short
    /// column beside them: the head's words stand either side of a channel, two rows or
    /// more on each side, those left of it in the node's type and within the `rest`'s
    /// measure, every row flush at its left edge, those right of it level with them and
    /// wholly beyond it, a gutter away (a reference column's two fields level
    /// with a signatory's role at the top of a column). Cut as a head, each of its rows
    /// would be read across into the fields.
    fn column_beside_head(&self, head: &[usize], rest: &[usize], em: f32) -> bool {
        let words = self.words;
        let (left_edge, measure_end) = node_extent(rest, words, |w| (w.x0, w.x1));
        let gutter = HEAD_BESIDE_GUTTER_EM * em;
        let (beyond, within): (Vec<&WordBox>, Vec<&WordBox>) = head
            .iter()
            .filter_map(|&i| words.get(i))
            .partition(|w| w.x0 >= measure_end + gutter);
        let Some(column_start) = beyond.iter().map(|w| w.x0).reduce(f32::min) else {
            return false;
        };
        let rows = baselines(&within);
        let beside = baselines(&beyond);
        rows.len() >= HEAD_COLUMN_ROWS
            && beside.len() >= HEAD_COLUMN_ROWS
            && within.iter().all(|w| {
                in_type_of(w, em)
                    && w.x1 <= measure_end + GRID_GUTTER_TOLERANCE_PT
                    && column_start - w.x1 >= gutter
            })
            && rows_flush_at(within.iter().copied(), left_edge)
            && beside
                .iter()
                .all(|&y| rows.iter().any(|&o| (o - y).abs() <= LEVEL_ROWS_EM * em))
    }

    /// Whether the `head`'s rows stand in two columns whose channel runs on down the `rest`:
    /// the first rows of two columns (two or more on each side of it, level with each other,
    /// lines of prose in the node's type `em`: runs of words six ems wide, or on the left
    /// justified up to the channel, or, short as they may be, in the columns of the same
    /// gutter below ([`on_gutter_below`])), above a paragraph's space in both, and below
    /// it both run on, each at its own height; not a word mark, a masthead or a table's
    /// header above them, not a table's row.
    fn columns_through_head(&self, head: &[usize], rest: &[usize], em: f32) -> bool {
        let words = self.words;
        let in_body_type = |i: &usize| words.get(*i).is_some_and(|w| in_type_of(w, em));
        if !head.iter().all(in_body_type) {
            return false;
        }
        let channels =
            |ids: &[usize]| gaps(self.sorted_extents(ids, &self.by_x0, |w| (w.x0, w.x1)));
        let rows = |a: f32, b: f32, left: bool| {
            baselines(&side_words(head, words, a, b, left).collect::<Vec<_>>()).len()
        };
        // Measured without a page number under the columns, across their gutter.
        let below = channels(&without_short_last_row(rest, words));
        let left_edge = node_extent(rest, words, |w| (w.x0, w.x1)).0;
        channels(head).into_iter().any(|(a, b)| {
            rows(a, b, true) >= HEAD_COLUMN_ROWS
                && rows(a, b, false) >= HEAD_COLUMN_ROWS
                && rows_level(head, words, a, b, em)
                && ([true, false].iter().all(|&left| {
                    run_width(head, words, a, b, left, em) >= NARROW_PROSE_RUN_EM * em
                        // Justified up to the channel: word gaps of a narrow measure may
                        // part its runs wider than an em.
                        || left && justified_rows_ending_at(head, words, a) >= HEAD_COLUMN_ROWS
                }) || on_gutter_below(head, words, (a, b), &below, left_edge, em))
                // Both columns run on below, each resuming at its own height (a table's
                // cells resume level).
                && below.iter().any(|&(c, d)| {
                    let (a, b) = (a.max(c), b.min(d));
                    a < b && continues_both(rest, words, a, b, em, foot_row(rest, words, a, b))
                })
        })
    }
}

/// Whether the `head`'s rows stand in the columns of the gutter under them, short as their
/// lines may be (a list item's and a signatory's role in narrow columns): the channel
/// `a`..`b` across the head is a gutter of those `below`, its right side's rows each flush
/// at the gutter's far edge, its left side's words within the left column (from the node's
/// `left_edge` to the gutter), reaching near the gutter as a column's lines do (a ragged
/// column's longest of them short of the lines below by a syllable or two).
fn on_gutter_below(
    head: &[usize],
    words: &[WordBox],
    (a, b): (f32, f32),
    below: &[(f32, f32)],
    left_edge: f32,
    em: f32,
) -> bool {
    below.iter().any(|&(c, d)| {
        a >= c - FILLS_COLUMN_EM * em
            && (b - d).abs() <= GRID_GUTTER_TOLERANCE_PT
            && rows_flush_at(side_words(head, words, a, b, false), d)
            && side_words(head, words, a, b, true).all(|w| {
                w.x0 >= left_edge - GRID_GUTTER_TOLERANCE_PT && w.x1 <= c + GRID_GUTTER_TOLERANCE_PT
            })
    })
}

/// A short column beside a head's rows stands at least this many ems beyond the measure of
/// the column under them ([`Cut::column_beside_head`]): a gutter, not a word gap.
const HEAD_BESIDE_GUTTER_EM: f32 = 1.0;

/// A head with this many rows on each side of a channel that runs on below it is the top
/// of two columns ([`Cut::columns_through_head`]).
const HEAD_COLUMN_ROWS: usize = 2;

/// Horizontal gaps about as wide as the widest one are compared for where to cut.
const GAP_TIE: f32 = 0.8;

impl Cut<'_> {
    /// Where to cut the node into bands, as the middles of horizontal gaps across its whole width:
    /// the widest gap, and all gaps about as wide (a page cut into its paragraphs at once). When
    /// the topmost or bottommost of these sets apart a part with a column gutter (a full-width
    /// title above two columns whose rows share baselines), that one cut alone, so the columns
    /// are read whole. A gap inside a column that runs on below the columns beside it is no
    /// cut ([`Cut::gap_inside_column`]).
    /// `by_top`, `row_gaps`, `em`: as for [`Cut::head_cut`].
    fn horizontal_cuts(
        &self,
        node: &[usize],
        by_top: &[usize],
        row_gaps: &[(f32, f32)],
        em: f32,
    ) -> Vec<f32> {
        let mut all: Vec<(f32, f32)> = row_gaps
            .iter()
            .copied()
            .filter(|(a, b)| b - a > 0.01)
            .collect();
        // Gaps inside a column are no cuts (`column_gaps`); the widest of the others are
        // compared again. Each round drops a gap, so this ends.
        loop {
            let widest = all.iter().map(|(a, b)| b - a).fold(0.0f32, f32::max);
            let ties: Vec<(f32, f32)> = all
                .iter()
                .copied()
                .filter(|(a, b)| b - a >= GAP_TIE * widest)
                .collect();
            let middles: Vec<f32> = ties.iter().map(|(a, b)| (a + b) / 2.0).collect();
            // (A lone widest gap is asked too, where narrower ones are left: the last
            // paragraph's space inside a column that runs on below the others.)
            if all.len() <= 1 {
                return middles;
            }
            if middles.len() > 1
                && let Some(y) = self.single_cut_before_columns(node, &middles)
            {
                return vec![y];
            }
            let lone = middles.len() == 1;
            let inside = self.gaps_inside_columns(node, by_top, &ties, em, lone);
            if inside.is_empty() || inside.len() == all.len() {
                return middles;
            }
            all.retain(|g| !inside.contains(g));
        }
    }

    /// When the topmost or bottommost of the cuts sets apart a part with a column gutter (a
    /// full-width title above two columns whose rows share baselines), that cut alone
    /// (with [`COLUMN_ROWS_BELOW_A_CUT`] rows beside each other).
    fn single_cut_before_columns(&self, node: &[usize], cuts: &[f32]) -> Option<f32> {
        let words = self.words;
        let (&first, &last) = (cuts.first()?, cuts.last()?);
        // A gutter that runs on through the whole node, where it is the gap after a column
        // of labels (`Betreft`, `Ons kenmerk` beside their values, a value wrapping under
        // one), is not a column's: the labels' rows are read across, not the part alone.
        let labels_gap = |x: f32| {
            let (x0, x1) = node_extent(node, words, |w| (w.x0, w.x1));
            let em = median_size(node, words);
            gaps(self.sorted_extents(node, &self.by_x0, |w| (w.x0, w.x1)))
                .into_iter()
                .find(|&(a, b)| a < x && x < b)
                .is_some_and(|(a, b)| is_label_gap(node, words, self.texts, a, b, x1 - x0, em))
        };
        let part_of = |y: f32, upper: bool| {
            // (Room for all: a filtered iterator would grow it step by step.)
            let mut part: Vec<usize> = Vec::with_capacity(node.len());
            part.extend(
                node.iter()
                    .copied()
                    .filter(|&i| words.get(i).is_some_and(|w| (w.bottom <= y) == upper)),
            );
            part
        };
        // Columns have more than one row beside each other: a single row split by a wide
        // gap is a justified line of two words (under a line that runs across them).
        let gutter_of = |part: &[usize]| {
            (part.len() > 1)
                .then(|| self.vertical_gutter(part, || median_size(part, words)))
                .flatten()
                .filter(|&(a, b)| {
                    !labels_gap((a + b) / 2.0)
                        && rows_beside(part, words, a, b) >= COLUMN_ROWS_BELOW_A_CUT
                })
        };
        let has_gutter = |y: f32, upper: bool| gutter_of(&part_of(y, upper)).is_some();
        // The words whose bottoms lie between two cuts.
        let band = |from: f32, to: f32| -> Vec<usize> {
            (node.iter().copied())
                .filter(|&i| {
                    words
                        .get(i)
                        .is_some_and(|w| from < w.bottom && w.bottom <= to)
                })
                .collect()
        };
        let same_gutter =
            |over: &[usize], under: &[usize]| match (gutter_of(over), gutter_of(under)) {
                (Some((a0, b0)), Some((a1, b1))) => a0 < b1 && a1 < b0,
                _ => false,
            };
        // The cut lies between rows of columns that run on across it, level by chance: the
        // parts over and under it have gutters in one place, the part under measured
        // without a page number under the columns (across their gutter). Or the band
        // between it and the next cut does, where the rest of that part reads its first
        // gutter elsewhere (a reference column's beside the columns' first rows, under the
        // letter's head).
        let inside_columns = |y: f32, next: Option<f32>| {
            let under = without_short_last_row(&part_of(y, false), words);
            let upper = part_of(y, true);
            same_gutter(&upper, &under)
                || next.is_some_and(|next| {
                    if next < y {
                        same_gutter(&band(next, y), &under)
                    } else {
                        same_gutter(&upper, &band(y, next))
                    }
                })
        };
        let after_first = cuts.get(1).copied();
        let before_last = cuts.len().checked_sub(2).and_then(|k| cuts.get(k)).copied();
        if has_gutter(first, false) && !inside_columns(first, after_first) {
            Some(first)
        } else if has_gutter(last, true) && !inside_columns(last, before_last) {
            Some(last)
        } else {
            None
        }
    }

    /// The gaps (sorted, top to bottom) that lie inside a column: each judged with the band
    /// below it, down to the next gap. `by_top`: the node's words by top ([`Cut::sorted_members`]).
    fn gaps_inside_columns(
        &self,
        node: &[usize],
        by_top: &[usize],
        ties: &[(f32, f32)],
        em: f32,
        lone: bool,
    ) -> Vec<(f32, f32)> {
        let words = self.words;
        let top = |i: usize| words.get(i).map_or(0.0, |w| w.top);
        // No word crosses a gap across the node: the words above a gap are those whose top
        // is above it, and a band's words those whose top lies between two gaps. So the one
        // order by top serves every gap (a page of a few hundred gaps stays linear).
        // The rightmost start and the leftmost end of the first k words by top.
        let mut extent = Vec::with_capacity(by_top.len() + 1);
        extent.push((f32::NEG_INFINITY, f32::INFINITY));
        for &i in by_top {
            let (max_x0, min_x1) = extent.last().copied().unwrap_or_default();
            let w = words.get(i);
            extent.push(w.map_or((max_x0, min_x1), |w| (max_x0.max(w.x0), min_x1.min(w.x1))));
        }
        let tops_to = |y: f32| by_top.partition_point(|&i| top(i) <= y);
        // Row by row from the bottom up (stably: a row in reading order), sorted once.
        let sorted = OnceCell::new();
        let upwards = || -> &[usize] {
            sorted.get_or_init(|| {
                let mut up = node.to_vec();
                // `-baseline` orders as the baselines do under `total_cmp`, reversed.
                sort_by_value(&mut up, words, |w| -w.row_baseline);
                up
            })
        };
        ties.iter()
            .enumerate()
            .filter(|&(k, &(a, b))| {
                let next = ties.get(k + 1).map_or(f32::INFINITY, |g| g.0);
                let above_to = tops_to(a);
                let above = by_top.get(..above_to).unwrap_or_default();
                let above_extent = extent.get(above_to).copied().unwrap_or_default();
                // The band's words in the node's order: nodes hold their words in index order.
                let mut lower: Vec<usize> = by_top
                    .get(by_top.partition_point(|&i| top(i) < b)..tops_to(next))
                    .unwrap_or_default()
                    .to_vec();
                lower.sort_unstable();
                self.gap_inside_column(em, a, above, &lower, above_extent, &upwards, lone)
            })
            .map(|(_, &g)| g)
            .collect()
    }
}

/// Rows beside each other, at least, of the columns under (or over) a single cut.
const COLUMN_ROWS_BELOW_A_CUT: usize = 2;

/// The rows of a leaf, top to bottom, each left to right. Words on (almost) the same
/// baseline that overlap in x (by more than half the narrower one, or 0.2 em) are on
/// different rows: words of one line lie side by side.
/// A row (sorted by x) cut where a gap is wider than three ems, as a gutter would cut it:
/// a browser footer's URL and page number, a label far from its value; not a justified line
/// stretched across its column ([`is_stretched_line`]), with a side column's words beside
/// it or not.
fn split_at_wide_gaps<'r>(
    row: &'r [usize],
    neighbours: &[Option<&Vec<usize>>; 2],
    words: &[WordBox],
    texts: &[String],
) -> Vec<&'r [usize]> {
    let cuts: Vec<usize> = row
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| match pair {
            [a, b] => words.get(*a).zip(words.get(*b)).is_some_and(|(wa, wb)| {
                wb.x0 - wa.x1 >= SINGLE_ROW_GUTTER_EM * wa.size.max(wb.size)
            }),
            _ => false,
        })
        .map(|(k, _)| k + 1)
        .collect();
    // Only a row with a wide gap is looked at again (most have none).
    let (Some(&first), Some(&last)) = (cuts.first(), cuts.last()) else {
        return vec![row];
    };
    let stretched = |part: &[usize]| is_stretched_line(part, neighbours, words, texts);
    if stretched(row) {
        return vec![row];
    }
    // A side column's words beside a stretched line (a reference column's `Zaken` level with
    // `voornaamste   kwetsbaarheden   van   bondgenoten.   De`): the line read whole.
    if cuts.len() > 1 {
        let (head, rest) = row.split_at(first);
        if stretched(rest) {
            return vec![head, rest];
        }
        let (rest, tail) = row.split_at(last);
        if stretched(rest) {
            return vec![rest, tail];
        }
    }
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &end in cuts.iter().chain([row.len()].iter()) {
        parts.extend(row.get(start..end));
        start = end;
    }
    parts
}

/// A justified line of a few long words stretched across its column (no hyphenation): its
/// gaps all alike (the widest within a tenth of the narrowest), words wider than the gaps
/// (most of them, or together: a paragraph's last long word and the next one's first short
/// ones, `bondgenoten.  Ook  de`; or, three words or more, short ones between lines of its
/// measure that cross every gap), a row above or below set to the same measure, and
/// every gap crossed by a word of those rows (lines of prose around it; a table's cells
/// stand apart evenly too, but their gaps are channels down the table, and its rows end
/// where their cells do). With at least [`JUSTIFIED_LINE_GAPS`] gaps, a line of the page's
/// measure will do for the row around it ([`rows_filling`]); with fewer (two words, a
/// paragraph's last long word and the next one's first), only the rows around tell it from
/// a footer's two ends.
/// `texts`: the words' texts, by index (the row's still there).
fn is_stretched_line(
    row: &[usize],
    neighbours: &[Option<&Vec<usize>>; 2],
    words: &[WordBox],
    texts: &[String],
) -> bool {
    let all: Vec<&WordBox> = row.iter().filter_map(|&i| words.get(i)).collect();
    // A note's raised marker follows its word: no word of the line, and no gap.
    let boxes: Vec<&WordBox> = all.iter().copied().filter(|w| !w.superscript).collect();
    if boxes.len() < 2 {
        return false;
    }
    let few = boxes.len() <= JUSTIFIED_LINE_GAPS;
    let (mut narrowest, mut widest) = (f32::INFINITY, 0.0f32);
    let mut spans = Vec::with_capacity(boxes.len());
    for pair in boxes.windows(2) {
        // (A no-break space keeps its width in a stretched line.)
        if let [p, q] = pair
            && !q.bound
        {
            let gap = q.x0 - p.x1;
            narrowest = narrowest.min(gap);
            widest = widest.max(gap);
            spans.push((p.x1, q.x0));
        }
    }
    let widths: Vec<f32> = boxes.iter().map(|w| w.x1 - w.x0).collect();
    let covered = widths.iter().sum::<f32>() > spans.iter().map(|(a, b)| b - a).sum::<f32>();
    let baseline = boxes.first().map_or(0.0, |w| w.row_baseline);
    let size = boxes.first().map_or(0.0, |w| w.size);
    let near = |row: &&Vec<usize>| -> Vec<&WordBox> {
        row.iter()
            .filter_map(|&i| words.get(i))
            .filter(|w| (w.row_baseline - baseline).abs() < NEIGHBOUR_ROW_EM * size)
            .collect()
    };
    let around: Vec<Vec<&WordBox>> = neighbours.iter().flatten().map(near).collect();
    let crossed = |(a, b): (f32, f32)| around.iter().flatten().any(|w| w.x0 < b && a < w.x1);
    // A line of the same column: a row around it starts and ends where it does.
    let (x0, x1) = (
        all.first().map_or(0.0, |w| w.x0),
        all.last().map_or(0.0, |w| w.x1),
    );
    let same_measure = around.iter().any(|row| {
        let (first, last) = (row.first(), row.last());
        first.is_some_and(|w| (w.x0 - x0).abs() < 0.5 * size)
            && last.is_some_and(|w| (w.x1 - x1).abs() < 0.5 * size)
    });
    // Or a line of the page's measure, which many rows fill exactly (a paragraph's last
    // full line atop a page, its short last line under it), no gap of it running on as a
    // channel between words of the rows around.
    let channel = |&(a, b): &(f32, f32)| {
        around.iter().any(|row| {
            row.iter().any(|w| w.x1 <= a) && row.iter().any(|w| w.x0 >= b) && !crossed((a, b))
        })
    };
    // Two words stretched apart: long ones (a narrow column's), the gap a third of the line
    // at most (a table row's two cells stand further apart).
    let long_words = widths.iter().sum::<f32>() >= TWO_WORD_LINE_COVER * widest;
    // Lines of the same measure around it, a word of them across each gap: three words or
    // more stretched apart however short (`in   te   lopen.   Ik` over a narrow column),
    // most of them words of letters (not a table's figures), where one of those lines
    // spaces its words less than half as far (a table's rows around a row of cells space
    // theirs as far).
    let wordy = || {
        let lettered = row
            .iter()
            .filter_map(|&i| texts.get(i))
            .filter(|t| t.chars().any(char::is_alphabetic))
            .count();
        2 * lettered > row.len()
    };
    let closer_around = || {
        around.iter().any(|line| {
            line.windows(2).all(|pair| match pair {
                [p, q] => q.x0 - p.x1 < 0.5 * narrowest,
                _ => true,
            })
        })
    };
    let prose_around = same_measure && spans.iter().all(|&gap| crossed(gap));
    narrowest > 0.0
        && widest <= 1.1 * narrowest
        && (covered
            || median(widths).is_some_and(|w| w > widest)
            || !few && prose_around && wordy() && closer_around())
        && (!few || long_words)
        && (prose_around
            || !few
                && rows_filling(words, x0, x1) >= STRAIGHT_CHANNEL_ROWS
                && !spans.iter().any(channel))
}

/// How many rows of `words` start at `x0` and end at `x1` (within [`FLUSH_SLACK_PT`]): lines
/// set to that measure.
fn rows_filling(words: &[WordBox], x0: f32, x1: f32) -> usize {
    let starting = rows_where(words, |w| (w.x0 - x0).abs() <= FLUSH_SLACK_PT);
    let ending = rows_where(words, |w| (w.x1 - x1).abs() <= FLUSH_SLACK_PT);
    filling(&starting, &ending)
}

/// The rows (distinct baselines) of the words that are `at` something.
fn rows_where(words: &[WordBox], at: impl Fn(&WordBox) -> bool) -> Vec<f32> {
    distinct(
        words
            .iter()
            .filter(|w| at(w))
            .map(|w| w.row_baseline)
            .collect(),
    )
}

/// How many rows of `starting` are also rows of `ending`.
fn filling(starting: &[f32], ending: &[f32]) -> usize {
    starting
        .iter()
        .filter(|&&y| ending.iter().any(|&e| (e - y).abs() < 0.5))
        .count()
}

/// A stretched line of two words: the two together this many times as wide as their gap, at
/// least.
const TWO_WORD_LINE_COVER: f32 = 2.0;

/// The row above or below a stretched line stands within this many ems of it.
const NEIGHBOUR_ROW_EM: f32 = 2.5;

/// A gap this many ems wide splits a single row into two lines.
const SINGLE_ROW_GUTTER_EM: f32 = 3.0;

fn rows_of(leaf: &[usize], words: &[WordBox]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<usize> = leaf.to_vec();
    sorted.sort_by(|&a, &b| {
        let (wa, wb) = (words.get(a), words.get(b));
        let ya = wa.map_or(0.0, |w| w.row_baseline);
        let yb = wb.map_or(0.0, |w| w.row_baseline);
        ya.total_cmp(&yb).then_with(|| {
            wa.map_or(0.0, |w| w.x0)
                .total_cmp(&wb.map_or(0.0, |w| w.x0))
        })
    });
    let overlaps = |row: &[usize], w: &WordBox| {
        row.iter().rev().take(MAX_ROW_OVERLAP_CHECKS).any(|&j| {
            words.get(j).is_some_and(|o| {
                let overlap = w.x1.min(o.x1) - w.x0.max(o.x0);
                overlap > (0.5 * (w.x1 - w.x0).min(o.x1 - o.x0)).min(0.2 * w.size.min(o.size))
            })
        })
    };
    // (baseline, how far right its words reach, words), in the order the rows were opened.
    let mut rows: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for i in sorted {
        let Some(w) = words.get(i) else { continue };
        let open = rows.len().saturating_sub(MAX_OPEN_ROWS);
        // A word starting past all of a row's words overlaps none of them: the common
        // case, decided without looking at the row's words one by one.
        let target = rows
            .get_mut(open..)
            .unwrap_or_default()
            .iter_mut()
            .filter(|(baseline, _, _)| (w.row_baseline - baseline).abs() < 0.5)
            .find(|(_, reach, row)| w.x0 >= *reach || !overlaps(row, w));
        match target {
            Some((_, reach, row)) => {
                row.push(i);
                *reach = reach.max(w.x1);
            }
            None => rows.push((w.row_baseline, w.x1, vec![i])),
        }
    }
    rows.into_iter()
        .map(|(_, _, mut row)| {
            row.sort_by(|&a, &b| {
                let x = |i: usize| words.get(i).map_or(0.0, |w| w.x0);
                x(a).total_cmp(&x(b)).then(a.cmp(&b))
            });
            row
        })
        .collect()
}

/// Rows of a leaf a word may join: the latest ones.
const MAX_OPEN_ROWS: usize = 4;
/// Words of a row a new word is compared with, at most (the latest ones).
const MAX_ROW_OVERLAP_CHECKS: usize = 256;

/// The line of the words `row`, each taking its text from `texts` (by word index).
fn make_line(
    row: &[usize],
    words: &[WordBox],
    texts: &mut [String],
    dir: Dir,
    text: &PageText,
) -> Line {
    let mut previous: Option<&WordBox> = None;
    let mut out_words: Vec<Word> = Vec::with_capacity(row.len());
    out_words.extend(
        row.iter()
            .filter_map(|&i| Some((i, words.get(i)?)))
            .map(|(i, w)| {
                let font = text.fonts.get(usize::from(w.font));
                // Attached only to the word it touched, if that one precedes it on this line.
                let attached = w.attached
                    && previous.is_some_and(|p| (w.x0 - p.x1).abs() <= 0.15 * w.size.max(p.size));
                previous = Some(w);
                Word {
                    text: texts.get_mut(i).map(std::mem::take).unwrap_or_default(),
                    bbox: frame_box_to_display(dir, w.x0, w.top, w.x1, w.bottom),
                    font: font.map(|f| f.name.clone()).unwrap_or_default(),
                    size: (w.size * 100.0).round() / 100.0,
                    bold: font.is_some_and(|f| f.bold),
                    italic: font.is_some_and(|f| f.italic),
                    superscript: w.superscript,
                    soft_hyphen: w.soft_hyphen,
                    hyphen_apart: w.hyphen_apart,
                    attached,
                    underline: false,
                    unmapped: w.unmapped.clone(),
                    subset: if w.unmapped.is_empty() {
                        String::new()
                    } else {
                        text.subset_of(w.subset).to_string()
                    },
                }
            }),
    );
    logical_order(&mut out_words, row, words);
    let bbox = Rect::union_all(out_words.iter().map(|w| &w.bbox)).unwrap_or_default();
    let baseline = row
        .first()
        .and_then(|&i| words.get(i))
        .map_or(bbox.y1, |w| {
            if dir == Dir::Right {
                own_baseline(row, words).unwrap_or(w.row_baseline)
            } else {
                bbox.y1
            }
        });
    Line {
        bbox,
        baseline,
        role: Role::Body,
        words: out_words,
    }
}

/// The baseline all of `row`'s words (raised ones aside) stand on, where they stand on one
/// and it is not their row's: the row took the baseline of another column's line level
/// with this one, a little above it. `None` where they stand on their row's baseline or
/// on several (a line set with jitter keeps its row's).
fn own_baseline(row: &[usize], words: &[WordBox]) -> Option<f32> {
    let mut on = row
        .iter()
        .filter_map(|&i| words.get(i))
        .filter(|w| !w.superscript);
    let first = on.next()?;
    let one = on.all(|w| (w.baseline - first.baseline).abs() <= SAME_BASELINE_PT);
    (one && (first.baseline - first.row_baseline).abs() > SAME_BASELINE_PT)
        .then_some(first.baseline)
}

/// Right-to-left words in logical order (a simple bidi, see [`bidi`]): `out` are the
/// words of `row` (visual order).
fn logical_order(out: &mut [Word], row: &[usize], words: &[WordBox]) {
    // Without a right-to-left letter there is no right-to-left run.
    if !out.iter().any(|w| bidi::has_rtl(&w.text)) {
        return;
    }
    let directions: Vec<bidi::Direction> = out.iter().map(|w| bidi::direction(&w.text)).collect();
    let runs = bidi::rtl_runs(&directions);
    if runs.is_empty() {
        return;
    }
    let ltr_line = !bidi::rtl_line(&directions);
    for &(first, last) in &runs {
        // Neutral glyphs at the run's outer edges, kept in place in a left-to-right line.
        let (mut left, mut right) = (String::new(), String::new());
        for k in first..=last {
            let (Some(w), Some(source)) = (out.get_mut(k), row.get(k).and_then(|&i| words.get(i)))
            else {
                continue;
            };
            let keep_left = ltr_line && k == first;
            let keep_right = ltr_line && k == last;
            if let Some(logical) =
                bidi::logical_word(&w.text, &source.starts, keep_left, keep_right)
            {
                w.text = logical.core;
                left.push_str(&logical.left);
                right.push_str(&logical.right);
            }
            w.attached = false;
        }
        if let Some(run) = out.get_mut(first..=last) {
            run.reverse();
            if let Some(w) = run.first_mut() {
                w.text.insert_str(0, &left);
            }
            if let Some(w) = run.last_mut() {
                w.text.push_str(&right);
            }
        }
    }
}

/// A box in a direction's frame → display space.
fn frame_box_to_display(dir: Dir, x0: f32, top: f32, x1: f32, bottom: f32) -> Rect {
    let (ax, ay) = dir.to_display((x0, top));
    let (bx, by) = dir.to_display((x1, bottom));
    Rect::new(ax.min(bx), ay.min(by), ax.max(bx), ay.max(by))
}
