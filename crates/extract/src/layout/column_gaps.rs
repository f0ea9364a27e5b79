//! A full-width gap inside a column (F25): a signature's space or a paragraph break in the
//! one column that runs on after the columns beside it have ended. Across the node the gap
//! is empty, but a reader sees it inside the column: the text above it and the text below it
//! stand at the column's left edge, and the other columns stand beside the column above the
//! gap, not beside the gap. Cutting the node there reads the other columns between the
//! column's two parts.

use super::{Cut, WordBox};

/// Words closer than this many ems across make one span of the projection; a wider empty
/// channel may be a gutter (the narrowest `vertical_cut` tries).
const SPAN_GAP_EM: f32 = 0.5;

/// The text below the gap starts within this many ems of the column's left edge.
const SAME_EDGE_EM: f32 = 0.2;

/// The column's left edge right above the gap is measured on this many of its rows.
const EDGE_ROWS: usize = 3;

/// The band below is in the column's type: its median size within this share of it.
const SAME_SIZE: f32 = 0.1;

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

    fn has_rows(&self) -> bool {
        self.rows.1 - self.rows.0 >= 0.5
    }
}

/// Adds a word to the spans (sorted by `x0`, apart by more than `reach`), merging those it
/// joins.
fn add_word(spans: &mut Vec<Span>, w: &WordBox, reach: f32) {
    let mut joined = Span {
        x0: w.x0,
        x1: w.x1,
        rows: (w.row_baseline, w.row_baseline),
        bottom: w.bottom,
    };
    spans.retain(|s| {
        let touches = s.x0 - reach < joined.x1 && joined.x0 < s.x1 + reach;
        if touches {
            joined.x0 = joined.x0.min(s.x0);
            joined.x1 = joined.x1.max(s.x1);
            joined.rows = (joined.rows.0.min(s.rows.0), joined.rows.1.max(s.rows.1));
            joined.bottom = joined.bottom.max(s.bottom);
        }
        !touches
    });
    let at = spans.partition_point(|s| s.x0 < joined.x0);
    spans.insert(at, joined);
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
    /// band below starts) stands apart from other spans of at least two rows until a row
    /// crosses the gutter between them; those others end above the row right over the gap;
    /// the rows right below the gap start at the column's left edge right above it, in its
    /// type; and the words from the crossing row down, the band below included, are cut by a
    /// gutter beside the column.
    pub(super) fn gap_inside_column(&self, node: &[usize], a: f32, lower: &[usize]) -> bool {
        let words = self.words;
        let em = super::median_size(node, words);
        let lx0 = left_edge(lower, words);
        if !lx0.is_finite() {
            return false;
        }
        let sweep = self.sweep_up(node, a, lower, lx0, SPAN_GAP_EM * em);
        let spans = &sweep.spans;
        let Some(column) = spans.iter().find(|s| s.contains(lx0)).copied() else {
            return false;
        };
        let others_end_above = spans
            .iter()
            .filter(|s| !s.contains(lx0))
            .all(|s| s.bottom < sweep.row_above_top);
        let beside = spans.iter().any(|s| !s.contains(lx0) && s.has_rows());
        if !sweep.row_above_top.is_finite() || !beside || !others_end_above {
            return false;
        }
        let in_column: Vec<usize> = sweep
            .above
            .iter()
            .copied()
            .filter(|&i| words.get(i).is_some_and(|w| column.contains(w.x0)))
            .collect();
        let (over, under) = (
            edge_rows(&in_column, words, EDGE_ROWS, true),
            edge_rows(lower, words, EDGE_ROWS, false),
        );
        let (size_over, size_under) = (
            super::median_size(&over, words),
            super::median_size(&edge_rows(lower, words, 1, false), words),
        );
        if (left_edge(&over, words) - left_edge(&under, words)).abs() > SAME_EDGE_EM * em
            || (size_over - size_under).abs() > SAME_SIZE * size_over
        {
            return false;
        }
        // The gutter the reader sees: the region's own cut, next to the column.
        let mut region = lower.to_vec();
        region.extend_from_slice(&sweep.above);
        self.vertical_cut(&region).is_some_and(|x| {
            let left = spans.iter().rev().find(|s| s.x1 <= column.x0);
            let right = spans.iter().find(|s| s.x0 >= column.x1);
            right.is_some_and(|r| column.x1 <= x && x <= r.x0)
                || left.is_some_and(|l| l.x1 <= x && x <= column.x0)
        })
    }

    /// Adds the rows above the gap at `a` to the spans of `lower`, from the gap upwards, until
    /// a row would join the column's span (the one holding `lx0`) to another of two rows.
    fn sweep_up(&self, node: &[usize], a: f32, lower: &[usize], lx0: f32, reach: f32) -> Sweep {
        let words = self.words;
        let mut above: Vec<usize> = node
            .iter()
            .copied()
            .filter(|&i| words.get(i).is_some_and(|w| w.bottom <= a))
            .collect();
        above.sort_by(|&p, &q| {
            let baseline = |i: usize| words.get(i).map_or(0.0, |w| w.row_baseline);
            baseline(q).total_cmp(&baseline(p))
        });
        let mut spans: Vec<Span> = Vec::new();
        for w in lower.iter().filter_map(|&i| words.get(i)) {
            add_word(&mut spans, w, reach);
        }
        let mut row_above_top = f32::INFINITY;
        let mut taken = 0;
        while let Some(first) = above.get(taken).and_then(|&i| words.get(i)) {
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
            if closes_a_gutter(&spans, &next, lx0) {
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
/// at least two rows: a row running across the gutter.
fn closes_a_gutter(before: &[Span], after: &[Span], x: f32) -> bool {
    let Some(column) = after.iter().find(|s| s.contains(x)) else {
        return false;
    };
    before
        .iter()
        .filter(|s| !s.contains(x) && s.has_rows())
        .any(|s| column.x0 <= s.x0 && s.x1 <= column.x1)
}
