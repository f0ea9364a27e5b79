//! A full-width gap inside a column (F25): a signature's space or a paragraph break in the
//! one column that runs on after the columns beside it have ended. Across the node the gap
//! is empty, but a reader sees it inside the column: the text above it and the text below it
//! stand at the column's left edge, and the other columns stand beside the column above the
//! gap, not beside the gap. Cutting the node there reads the other columns between the
//! column's two parts. Or the gap lies inside two columns at once, each running on below a
//! space of its own (a heading's on the left, a signature's on the right) that happens to
//! overlap the other's.

use super::{Cut, WordBox};

/// Words closer than this many ems across make one span of the projection; a wider empty
/// channel may be a gutter (the narrowest `vertical_cut` tries).
const SPAN_GAP_EM: f32 = 0.5;

/// More spans than this side by side are a table's cells, not a page's columns (three and
/// a margin column, with a few words beyond rivers of wide word gaps).
const MAX_SPANS: usize = 8;

/// A span of rows is a column when it is this many ems wide (three narrow columns' measure).
const COLUMN_EM: f32 = 6.0;

/// The text below the gap starts within this many ems of the column's left edge.
const SAME_EDGE_EM: f32 = 0.2;

/// The column's left edge right above the gap is measured on this many of its rows.
const EDGE_ROWS: usize = 3;

/// The band below is in the column's type: its median size within this share of it.
const SAME_SIZE: f32 = 0.1;

/// Another column's text below the gap resumes at least this many ems from the column's
/// first baseline below it.
const OUT_OF_PHASE_EM: f32 = 0.3;

/// One span of the words' projection across, as the rows above a gap are added.
#[derive(Clone, Copy)]
struct Span {
    x0: f32,
    x1: f32,
    /// The highest and the lowest baseline of its words.
    rows: (f32, f32),
    /// The lowest bottom of its words.
    bottom: f32,
}

impl Span {
    fn contains(&self, x: f32) -> bool {
        self.x0 <= x && x <= self.x1
    }

    /// At least two rows, at least [`COLUMN_EM`] wide: a column, not the ends of a few
    /// lines beyond a river of wide justified word gaps.
    fn is_column(&self, em: f32) -> bool {
        self.rows.1 - self.rows.0 >= 0.5 && self.x1 - self.x0 >= COLUMN_EM * em
    }
}

/// Adds a word to the spans (sorted by `x0`, apart by more than `reach`), merging those it
/// joins.
fn add_word(spans: &mut Vec<Span>, w: &WordBox, reach: f32) {
    // The spans it touches lie together: spans are sorted and apart by more than `reach`,
    // so the merged span touches no other.
    let from = spans.partition_point(|s| s.x1 + reach <= w.x0);
    let to = spans.partition_point(|s| s.x0 - reach < w.x1).max(from);
    let mut joined = Span {
        x0: w.x0,
        x1: w.x1,
        rows: (w.row_baseline, w.row_baseline),
        bottom: w.bottom,
    };
    for s in spans.drain(from..to) {
        joined.x0 = joined.x0.min(s.x0);
        joined.x1 = joined.x1.max(s.x1);
        joined.rows = (joined.rows.0.min(s.rows.0), joined.rows.1.max(s.rows.1));
        joined.bottom = joined.bottom.max(s.bottom);
    }
    spans.insert(from, joined);
}

/// The words above a gap, up to the row that would close a gutter beside the column.
struct Sweep {
    /// The spans of the band below and the rows above it.
    spans: Vec<Span>,
    /// The rows above, from the gap upwards.
    above: Vec<usize>,
    /// The top of the row right above the gap.
    row_above_top: f32,
}

impl Cut<'_> {
    /// Whether the full-width gap whose top is `a` lies inside a column, with `lower` the
    /// words of the band right below it: going up from the gap, the column's span (where the
    /// band below starts) stands apart from other columns (`Span::is_column`) until a row
    /// crosses the gutter between them; the rows right below the gap start at the column's
    /// left edge right above it, in its type; the other spans end above the row right over
    /// the gap, or run on likewise below a space of their own (not resuming level with the
    /// column); and the words from the crossing row down, the band below included, are cut
    /// by a gutter beside the column, between prose where another column runs on.
    /// `above` holds the words above the gap, `above_extent` their rightmost start and
    /// leftmost end; `upwards` gives the node's words row by row from the bottom up (sorted
    /// once, when first needed). A `lone` gap (the node's widest left, none as wide beside
    /// it) lies inside the column only where the column ran on alone above it too, a few
    /// rows under every other column's end ([`RAN_ALONE_ROWS`]): not a table's row under
    /// two cells that end level.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn gap_inside_column<'n>(
        &self,
        em: f32,
        a: f32,
        above: &[usize],
        lower: &[usize],
        above_extent: (f32, f32),
        upwards: &dyn Fn() -> &'n [usize],
        lone: bool,
    ) -> bool {
        let words = self.words;
        let lx0 = left_edge(lower, words);
        if !lx0.is_finite() {
            return false;
        }
        let reach = SPAN_GAP_EM * em;
        if !self.room_beside(above, lower, lx0, reach, above_extent) {
            return false;
        }
        let sweep = self.sweep_up(upwards(), a, lower, lx0, reach);
        let spans = &sweep.spans;
        let Some(column) = spans.iter().find(|s| s.contains(lx0)).copied() else {
            return false;
        };
        let beside = spans.iter().any(|s| !s.contains(lx0) && s.is_column(em));
        if !sweep.row_above_top.is_finite() || !beside {
            return false;
        }
        let Some(resumes) = self.runs_on(&column, &sweep.above, lower, em) else {
            return false;
        };
        if lone && !self.ran_alone(&column, spans, &sweep.above, em) {
            return false;
        }
        // Each other column ended above the row over the gap, or runs on below a gap of its
        // own: its text below does not resume level with the column's (a band of columns
        // under a figure across them does).
        // A column that ends level with the row over the gap has ended too when the band
        // below runs on inside the column alone, a few rows of it, and the column is one of
        // prose (not a code listing's keywords): in a flow of columns the column beside
        // holds text only when this one is full, so this one's text below comes first.
        let alone = column.x1 - column.x0 >= super::PROSE_RUN_EM * em
            && runs_on_alone(&column, lower, words, reach);
        let mut all_ended = true;
        // (Only columns: a page number centred between the columns, in the band below, is no
        // column running on.)
        for s in spans.iter().filter(|s| !s.contains(lx0) && s.is_column(em)) {
            if s.bottom < sweep.row_above_top || alone {
                continue;
            }
            all_ended = false;
            let own_gap = self
                .runs_on(s, &sweep.above, lower, em)
                .is_some_and(|y| (y - resumes).abs() > OUT_OF_PHASE_EM * em);
            if !own_gap {
                return false;
            }
        }
        // The gutter the reader sees: the region's own cut, next to the column; between
        // columns that both run on, a channel between prose (cells of a table run on too).
        let mut region = lower.to_vec();
        region.extend_from_slice(&sweep.above);
        let Some(x) = self.vertical_cut(&region) else {
            return false;
        };
        let left = spans.iter().rev().find(|s| s.x1 <= column.x0);
        let right = spans.iter().find(|s| s.x0 >= column.x1);
        let channel = match (left, right) {
            (_, Some(r)) if column.x1 <= x && x <= r.x0 => (column.x1, r.x0),
            (Some(l), _) if l.x1 <= x && x <= column.x0 => (l.x1, column.x0),
            // The region's widest gutter is elsewhere (between two other columns of three):
            // the channel beside the column, when it is a gutter by the same rules.
            (_, Some(r)) if self.is_gutter_in(&region, (column.x1, r.x0)) => (column.x1, r.x0),
            (Some(l), _) if self.is_gutter_in(&region, (l.x1, column.x0)) => (l.x1, column.x0),
            _ => return false,
        };
        all_ended || super::is_prose_channel(&region, words, channel.0, channel.1, em)
    }

    /// Whether `column` holds [`RAN_ALONE_ROWS`] rows of the words `above` the gap under
    /// the last row of every other column among `spans`.
    fn ran_alone(&self, column: &Span, spans: &[Span], above: &[usize], em: f32) -> bool {
        let others_end = spans
            .iter()
            .filter(|s| !s.contains(column.x0) && s.is_column(em))
            .map(|s| s.bottom)
            .fold(f32::NEG_INFINITY, f32::max);
        let alone: Vec<f32> = above
            .iter()
            .filter_map(|&i| self.words.get(i))
            .filter(|w| column.contains(w.x0) && w.top > others_end)
            .map(|w| w.row_baseline)
            .collect();
        super::distinct(alone).len() >= RAN_ALONE_ROWS
    }

    /// Whether the text of `span` runs on across the gap: its first rows below start at
    /// the left edge of its last rows above, the first in their type. Returns the first
    /// row's baseline below.
    fn runs_on(&self, span: &Span, above: &[usize], lower: &[usize], em: f32) -> Option<f32> {
        let words = self.words;
        let within = |ids: &[usize]| -> Vec<usize> {
            ids.iter()
                .copied()
                .filter(|&i| words.get(i).is_some_and(|w| span.contains(w.x0)))
                .collect()
        };
        let (over, under) = (within(above), within(lower));
        let (over, first_under) = (
            edge_rows(&over, words, EDGE_ROWS, true),
            edge_rows(&under, words, 1, false),
        );
        let under = edge_rows(&under, words, EDGE_ROWS, false);
        let size_over = super::median_size(&over, words);
        let size_under = super::median_size(&first_under, words);
        let same_edge =
            (left_edge(&over, words) - left_edge(&under, words)).abs() <= SAME_EDGE_EM * em;
        let same_type = (size_over - size_under).abs() <= SAME_SIZE * size_over;
        let first = first_under
            .iter()
            .filter_map(|&i| words.get(i))
            .map(|w| w.row_baseline)
            .next();
        first.filter(|_| same_edge && same_type)
    }

    /// Whether some word above the gap stands clear of the column's extent there (the band
    /// below's first span, the one starting at `lx0`, with the words of the last rows above
    /// that reach into it), where another column could be: a cheap test before
    /// [`Cut::sweep_up`] (in a single column the full lines fill the extent).
    /// `above`: the words above the gap; `max_x0`, `min_x1`: their rightmost start and
    /// leftmost end.
    fn room_beside(
        &self,
        above: &[usize],
        lower: &[usize],
        lx0: f32,
        reach: f32,
        (max_x0, min_x1): (f32, f32),
    ) -> bool {
        let words = self.words;
        let first_x1 = first_span_end(lower, words, lx0, reach);
        // Words clear of the column are clear of the first span too. Single columns end
        // here, without sorting the rows above.
        let clear_of = |x0: f32, x1: f32| max_x0 >= x1 + reach || min_x1 <= x0 - reach;
        if !clear_of(lx0, first_x1) {
            return false;
        }
        let above = || above.iter().filter_map(|&i| words.get(i));
        let rows = super::distinct(above().map(|w| w.row_baseline).collect());
        let from = rows
            .get(rows.len().saturating_sub(EDGE_ROWS))
            .copied()
            .unwrap_or(f32::INFINITY);
        // The words of the last rows that reach into the first span widen it, and those that
        // reach into them: the column's span in those rows.
        let last_rows: Vec<&WordBox> = above().filter(|w| w.row_baseline >= from - 0.5).collect();
        let Some((x0, x1)) = span_through(last_rows.iter().copied(), (lx0, first_x1), reach) else {
            return true;
        };
        clear_of(x0, x1)
    }

    /// Adds the rows above the gap at `a` to the spans of `lower`, from the gap upwards, until
    /// a row would join the column's span (the one holding `lx0`) to another of two rows.
    fn sweep_up(&self, upwards: &[usize], a: f32, lower: &[usize], lx0: f32, reach: f32) -> Sweep {
        let words = self.words;
        // `upwards` is in order of rows from the bottom up: so are the words above.
        let mut above: Vec<usize> = upwards
            .iter()
            .copied()
            .filter(|&i| words.get(i).is_some_and(|w| w.bottom <= a))
            .collect();
        let mut spans: Vec<Span> = Vec::new();
        for w in lower.iter().filter_map(|&i| words.get(i)) {
            add_word(&mut spans, w, reach);
        }
        // From each word above on up, the rightmost start and the leftmost end of the words
        // left: once one span reaches within `reach` of both, each of them joins it and no
        // column can stand beside it (the sweep would only climb to the top for nothing).
        let mut rest_extent = vec![(f32::NEG_INFINITY, f32::INFINITY); above.len() + 1];
        for (k, w) in above.iter().enumerate().rev() {
            let (max_x0, min_x1) = rest_extent.get(k + 1).copied().unwrap_or_default();
            if let (Some(slot), Some(w)) = (rest_extent.get_mut(k), words.get(*w)) {
                *slot = (max_x0.max(w.x0), min_x1.min(w.x1));
            }
        }
        let mut row_above_top = f32::INFINITY;
        let mut taken = 0;
        while let Some(first) = above.get(taken).and_then(|&i| words.get(i)) {
            if let ([only], Some(&(max_x0, min_x1))) = (spans.as_slice(), rest_extent.get(taken))
                && max_x0 < only.x1 + reach
                && min_x1 > only.x0 - reach
            {
                break;
            }
            let rest = above.get(taken..).unwrap_or(&[]);
            let len = rest
                .iter()
                .take_while(|&&i| {
                    words
                        .get(i)
                        .is_some_and(|w| (w.row_baseline - first.row_baseline).abs() < 0.5)
                })
                .count()
                .max(1);
            let row: Vec<&WordBox> = rest
                .iter()
                .take(len)
                .filter_map(|&i| words.get(i))
                .collect();
            let mut next = spans.clone();
            for w in &row {
                add_word(&mut next, w, reach);
            }
            if next.len() > MAX_SPANS {
                // A table's cells, not columns: nothing found (and the sweep kept short).
                row_above_top = f32::INFINITY;
                taken = 0;
                break;
            }
            let so_far = || lower.iter().chain(above.get(..taken).unwrap_or(&[]));
            if closes_a_gutter(&spans, &next, lx0, reach / SPAN_GAP_EM, |column, other| {
                !channel_of_word_gaps(column, other, so_far(), words)
            }) {
                break;
            }
            if taken == 0 {
                row_above_top = row.iter().map(|w| w.top).fold(f32::INFINITY, f32::min);
            }
            spans = next;
            taken += len;
        }
        above.truncate(taken);
        Sweep {
            spans,
            above,
            row_above_top,
        }
    }
}

/// See [`Cut::gap_inside_column`].
const RAN_ALONE_ROWS: usize = 2;

/// Passes [`span_through`] makes over the words before it gives up (words in reading order
/// need one or two; [`first_span_end`] then builds the spans instead).
const FIRST_SPAN_PASSES: usize = 3;

/// The right end of the first span of the words' projection (the one that starts at their
/// leftmost start, `lx0`): words closer than `reach` across join it.
fn first_span_end(ids: &[usize], words: &[WordBox], lx0: f32, reach: f32) -> f32 {
    let band = ids.iter().filter_map(|&i| words.get(i));
    // No word starts left of `lx0`: the span through it grows rightwards only.
    if let Some((_, x1)) = span_through(band.clone(), (lx0, lx0), reach) {
        return x1;
    }
    // Words far out of order: the spans themselves (the first starts at `lx0`).
    let mut spans = Vec::new();
    for w in band {
        add_word(&mut spans, w, reach);
    }
    spans.first().map_or(lx0, |s| s.x1)
}

/// The span of the words' projection that holds `span`: words closer than `reach` across
/// join it. `None` when the words are too far out of order to tell in a few passes.
fn span_through<'w>(
    row_words: impl Iterator<Item = &'w WordBox> + Clone,
    span: (f32, f32),
    reach: f32,
) -> Option<(f32, f32)> {
    let (mut x0, mut x1) = span;
    for _ in 0..FIRST_SPAN_PASSES {
        let before = (x0, x1);
        for w in row_words.clone() {
            if w.x0 < x1 + reach && x0 - reach < w.x1 {
                (x0, x1) = (x0.min(w.x0), x1.max(w.x1));
            }
        }
        if (x0, x1) == before {
            return Some((x0, x1));
        }
    }
    None
}

/// The band below a gap is this many rows at least to run on inside its column alone.
const ALONE_ROWS: usize = 2;

/// Whether the words of `lower` all lie inside the column's span (within `reach`), on
/// [`ALONE_ROWS`] rows or more.
fn runs_on_alone(column: &Span, lower: &[usize], words: &[WordBox], reach: f32) -> bool {
    let mut rows = Vec::new();
    for w in lower.iter().filter_map(|&i| words.get(i)) {
        if w.x0 < column.x0 - reach || w.x1 > column.x1 + reach {
            return false;
        }
        rows.push(w.row_baseline);
    }
    rows.sort_by(f32::total_cmp);
    rows.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    rows.len() >= ALONE_ROWS
}

/// The leftmost `x0` of the words (infinite for none).
fn left_edge(ids: &[usize], words: &[WordBox]) -> f32 {
    ids.iter()
        .filter_map(|&i| words.get(i))
        .map(|w| w.x0)
        .fold(f32::INFINITY, f32::min)
}

/// The words of the `n` highest (`top`) or lowest rows of `ids`.
fn edge_rows(ids: &[usize], words: &[WordBox], n: usize, lowest: bool) -> Vec<usize> {
    let rows = super::distinct(
        ids.iter()
            .filter_map(|&i| words.get(i))
            .map(|w| w.row_baseline)
            .collect(),
    );
    let bound = if lowest {
        rows.get(rows.len().saturating_sub(n))
    } else {
        rows.get(n.saturating_sub(1)).or(rows.last())
    }
    .copied();
    let Some(bound) = bound else {
        return Vec::new();
    };
    ids.iter()
        .copied()
        .filter(|&i| {
            words.get(i).is_some_and(|w| {
                if lowest {
                    w.row_baseline >= bound - 0.5
                } else {
                    w.row_baseline <= bound + 0.5
                }
            })
        })
        .collect()
}

/// Whether adding a row joined the column's span (the one holding `x`) to another span of
/// a column, across a channel that `is_gutter(column, other)` takes for a gutter: a row
/// running across the gutter.
fn closes_a_gutter(
    before: &[Span],
    after: &[Span],
    x: f32,
    em: f32,
    is_gutter: impl Fn(&Span, &Span) -> bool,
) -> bool {
    let (Some(column), Some(joined)) = (
        before.iter().find(|s| s.contains(x)),
        after.iter().find(|s| s.contains(x)),
    ) else {
        return false;
    };
    before
        .iter()
        .filter(|s| !s.contains(x) && s.is_column(em))
        .any(|s| joined.x0 <= s.x0 && s.x1 <= joined.x1 && is_gutter(column, s))
}

/// Whether the channel between two spans is no wider than the word gaps inside them, on
/// the rows of `ids` ([`WORD_GAP_CHANNEL`] times their median): the word gaps of two rows
/// lined up (letter-spaced words placed one by one), not a gutter, which stands wider than
/// the columns' word gaps. (The median: a list's labels stand further from their items
/// than a narrow gutter is wide.)
fn channel_of_word_gaps<'i>(
    column: &Span,
    other: &Span,
    ids: impl Iterator<Item = &'i usize>,
    words: &[WordBox],
) -> bool {
    let (lo, hi) = if other.x0 >= column.x1 {
        (column.x1, other.x0)
    } else {
        (other.x1, column.x0)
    };
    let inside = |s: &Span, w: &WordBox| s.x0 <= w.x0 && w.x1 <= s.x1;
    let mut row_words: Vec<&WordBox> = ids
        .filter_map(|&i| words.get(i))
        .filter(|w| inside(column, w) || inside(other, w))
        .collect();
    row_words
        .sort_by(|a, b| (a.row_baseline.total_cmp(&b.row_baseline)).then(a.x0.total_cmp(&b.x0)));
    let mut gaps: Vec<f32> = row_words
        .windows(2)
        .filter_map(|pair| {
            let [a, b] = pair else { return None };
            let same_row = (a.row_baseline - b.row_baseline).abs() < 0.5;
            let across = a.x1 <= lo && b.x0 >= hi;
            (same_row && !across).then_some(b.x0 - a.x1)
        })
        .collect();
    if gaps.is_empty() {
        return false;
    }
    let middle = gaps.len() / 2;
    let (_, median, _) = gaps.select_nth_unstable_by(middle, f32::total_cmp);
    hi - lo < WORD_GAP_CHANNEL * *median
}

/// A channel narrower than this many times the rows' median word gap is one of their word
/// gaps ([`channel_of_word_gaps`]): a gutter is set at least half again as wide as the
/// widest word gap of a justified line beside it.
const WORD_GAP_CHANNEL: f32 = 1.25;
