//! Page furniture (extraction.md §5): what is on the page but not in the running text.
//!
//! - **Margin**: lines beside the body column (a letter's reference column, a sidebar):
//!   entirely left or right of the zone where the body-size text runs.
//! - **Header / Footer**: lines near the top or bottom edge whose text (digits aside) comes
//!   back at about the same height on other pages.
//! - **PageNumber**: a line that is only a page number (`3`, `- 3 -`, `Pagina 2 van 11`,
//!   `3/11`, `Page 3 of 11`) near an edge, in the margin, or among the furniture.
//!
//! Decided from geometry, size and repetition only: nothing here knows any document.

use rustc_hash::FxHashMap;
use std::collections::HashMap;

use kamerbrief_model::{Layout, Line, Role};

/// Share of the page height, from the top or the bottom, where headers and footers live.
const EDGE_ZONE: f32 = 0.14;

pub fn assign_furniture(layout: &mut Layout) {
    let body_size = body_font_size(layout);
    let document_zone = body_zone(layout.pages.iter().flat_map(|p| &p.lines), body_size);
    let repeated = repeated_edge_lines(layout, document_zone);
    let one_page = layout.pages.len() == 1;
    let mut thin_pages = Vec::new();
    for (p, page) in layout.pages.iter_mut().enumerate() {
        let zone = body_zone(&page.lines, body_size);
        if zone.is_none() {
            thin_pages.push(p);
        }
        // A body-size line beside this page's zone but within the document's (a signature
        // under the left column of a last page set in two columns) is body.
        let zone = zone.map(|page_zone| Zones {
            page: page_zone,
            document: document_zone,
            body_size,
            one_page,
        });
        let (width, height, number) = (page.width, page.height, page.number);
        let heads: Vec<bool> = (0..page.lines.len())
            .map(|i| number > 1 && is_running_head(&page.lines, i, body_size, height))
            .collect();
        let markers: Vec<bool> = (0..page.lines.len())
            .map(|i| is_note_marker(&page.lines, i))
            .collect();
        for (index, line) in page.lines.iter_mut().enumerate() {
            line.role = role_of(line, index, &repeated, zone, width, height, number);
            if line.role == Role::Body && heads.get(index) == Some(&true) {
                line.role = Role::Header;
            }
            if line.role == Role::PageNumber && markers.get(index) == Some(&true) {
                line.role = Role::Body;
            }
        }
    }
    mark_column_on_thin_pages(layout, &thin_pages, body_size);
    if let Some(zone) = document_zone {
        mark_column_beside_document_zone(layout, zone);
    }
    super::running::mark_running_column(layout);
    // A line split may leave the column's lines on a page of their own, or beside a thin
    // page's text that the split lines had reached across: look again.
    if super::running::split_running_parts(layout, document_zone) {
        let thin_pages: Vec<usize> = (layout.pages.iter().enumerate())
            .filter(|(_, page)| body_zone(&page.lines, body_size).is_none())
            .map(|(p, _)| p)
            .collect();
        mark_column_on_thin_pages(layout, &thin_pages, body_size);
        super::running::mark_running_column(layout);
    }
}

/// A reference column in type within a few percent of the body's, long enough on its page
/// (the first) to widen that page's zone over it, is body there. Where at least
/// [`COLUMN_LINES`] of a page's lines stand beside the document's zone and start where
/// margin lines start on two other pages or more (the column running on later pages, short
/// there and beside the page's text), they are margin.
fn mark_column_beside_document_zone(layout: &mut Layout, (x0, x1): (f32, f32)) {
    let starts = margin_starts(layout);
    if starts.is_empty() {
        return;
    }
    for page in &mut layout.pages {
        let (number, width) = (page.number, page.width);
        let aligned = |line: &Line| {
            let mut others = starts.pages_near(line.bbox.x0).filter(|&p| p != number);
            others
                .next()
                .is_some_and(|first| others.any(|p| p != first))
        };
        let column: Vec<usize> = (0..page.lines.len())
            .filter(|&i| {
                page.lines.get(i).is_some_and(|l| {
                    l.role == Role::Body && is_beside(l, x0, x1, width) && aligned(l)
                })
            })
            .collect();
        if column.len() < COLUMN_LINES {
            continue;
        }
        for i in column {
            if let Some(line) = page.lines.get_mut(i) {
                line.role = Role::Margin;
            }
        }
    }
}

/// Where the document's margin lines start: (left edge, page number) of each, by edge, so
/// that the lines near an edge are found by halving (a long document has thousands).
struct MarginStarts(Vec<(f32, u32)>);

/// How far from a margin line's left edge a line starts "there".
pub(super) const SAME_START_PT: f32 = 2.0;

impl MarginStarts {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pages with a margin line starting within [`SAME_START_PT`] of `x`.
    fn pages_near(&self, x: f32) -> impl Iterator<Item = u32> + '_ {
        // A little wider, then exactly: `x ± d` rounds where `|s - x| <= d` may not.
        let from = self.0.partition_point(|s| s.0 < x - SAME_START_PT - 0.01);
        let to = self.0.partition_point(|s| s.0 <= x + SAME_START_PT + 0.01);
        let near = self.0.get(from..to).unwrap_or_default().iter();
        near.filter(move |s| (s.0 - x).abs() <= SAME_START_PT)
            .map(|s| s.1)
    }
}

fn margin_starts(layout: &Layout) -> MarginStarts {
    let mut starts: Vec<(f32, u32)> = layout
        .pages
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| (p.number, l)))
        .filter(|(_, l)| l.role == Role::Margin)
        .map(|(page, l)| (l.bbox.x0, page))
        .collect();
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    MarginStarts(starts)
}

/// Lines of a page that make a reference column beside the document's zone, at least.
const COLUMN_LINES: usize = 4;

/// A page with too little body text to place its zone firmly (a paragraph's last line
/// beside a running reference column) has no margin of its own: its lines in type smaller
/// than the body, beside what body text it has, that start where other pages' margin lines
/// start are margin too.
fn mark_column_on_thin_pages(layout: &mut Layout, thin_pages: &[usize], body_size: f32) {
    let starts = margin_starts(layout);
    if starts.is_empty() {
        return;
    }
    let pages = layout.pages.iter_mut().enumerate();
    for (_, page) in pages.filter(|(p, _)| thin_pages.contains(p)) {
        let Some((x0, x1)) = zone_of(&page.lines, body_size, 1) else {
            continue;
        };
        let width = page.width;
        for line in &mut page.lines {
            let aligned = starts.pages_near(line.bbox.x0).next().is_some();
            let beside = is_beside(line, x0, x1, width);
            if line.role == Role::Body && is_smaller_than_body(line, body_size) && aligned && beside
            {
                line.role = Role::Margin;
            }
        }
    }
}

fn role_of(
    line: &Line,
    index: usize,
    repeated: &[(u32, usize)],
    zone: Option<Zones>,
    width: f32,
    height: f32,
    page: u32,
) -> Role {
    let near_edge = line.bbox.y1 < EDGE_ZONE * height || line.bbox.y0 > (1.0 - EDGE_ZONE) * height;
    let in_margin = zone.is_some_and(|z| {
        let (x0, x1) = z.page;
        let smaller = is_smaller_than_body(line, z.body_size);
        // On a one-page letter a line in the body's very size beside the zone is the body's
        // (its last line at the top of the next column); a reference column is set smaller,
        // if only a little.
        let body_type =
            z.one_page && (line.dominant_size() - z.body_size).abs() <= 0.01 * z.body_size;
        is_beside(line, x0, x1, width)
            && (smaller
                || (!body_type
                    && z.document
                        .is_none_or(|(d0, d1)| is_beside(line, d0, d1, width))))
    });
    // (Sorted: a long document repeats thousands of lines.)
    let is_repeated = repeated.binary_search(&(page, index)).is_ok();
    // The text is only needed for a line that may be a page number.
    if near_edge || in_margin || is_repeated {
        let text = line.text();
        let bare_number = is_bare_number(&text);
        if is_page_number(&text) && (near_edge || (!bare_number && (in_margin || is_repeated))) {
            return Role::PageNumber;
        }
    }
    if in_margin {
        return Role::Margin;
    }
    if is_repeated {
        return if line.bbox.y0 < height / 2.0 {
            Role::Header
        } else {
            Role::Footer
        };
    }
    Role::Body
}

/// Only digits (a page number without words around it, `7`).
pub(super) fn is_bare_number(text: &str) -> bool {
    text.trim().chars().all(|c| c.is_ascii_digit())
}

/// A bare number that another line starts just after, on its row: a note's marker set as
/// its own line (raised, or in its own font), not a page number, even one that reads the same.
fn is_note_marker(lines: &[Line], index: usize) -> bool {
    let Some(line) = lines.get(index) else {
        return false;
    };
    let [word] = line.words.as_slice() else {
        return false;
    };
    if word.text.is_empty() || !word.text.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let b = line.bbox;
    lines.iter().any(|next| {
        let n = next.bbox;
        // Measured in the larger type of the two: a raised marker is set small.
        let gap = NOTE_AFTER_MARKER_EM * line.dominant_size().max(next.dominant_size());
        n.x0 >= b.x1 && n.x0 - b.x1 <= gap && n.y0 < b.y1 && n.y1 > b.y0
    })
}

/// A note's text starts within this many ems of its marker.
const NOTE_AFTER_MARKER_EM: f32 = 1.0;

/// A running head that is not repeated (a title on the second page of a two-page letter):
/// on a later page, at the top edge, in type smaller than the body's, not right under a
/// heading, with nothing beside or below it closer than a line and a half of body type but
/// more lines of small type, all of them ending within the top edge's zone.
fn is_running_head(lines: &[Line], index: usize, body_size: f32, height: f32) -> bool {
    let Some(line) = lines.get(index) else {
        return false;
    };
    let small_size = |size: f32| size < 0.96 * body_size;
    let small = |l: &Line| small_size(l.dominant_size());
    // Every word of it small: not a running column's first line read across into the
    // body's.
    if line.bbox.y1 > EDGE_ZONE * height || !line.words.iter().all(|w| small_size(w.size)) {
        return false;
    }
    let gap = 1.5 * body_size;
    // A small line right under a heading (type larger than the body's) opens the
    // heading's text: a subtitle, a description. A journal's volume line under its running
    // title in body type stays a head.
    let under_heading = lines.iter().any(|l| {
        l.bbox.y1 <= line.bbox.y0 + 0.5
            && line.bbox.y0 - l.bbox.y1 < gap
            && l.bbox.horizontal_overlap(&line.bbox) > 0.0
            && l.dominant_size() >= HEADING_SIZE * body_size
    });
    if under_heading {
        return false;
    }
    // The head and the lines of it: small lines closer than a line and a half, ending in
    // the top margin (small type running on below it is the body's: a table, a note).
    let mut bottom = line.bbox.y1;
    let mut others: Vec<&Line> = lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| i != index && l.bbox.y1 > line.bbox.y0)
        .map(|(_, l)| l)
        .collect();
    others.sort_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0));
    for other in others {
        if other.bbox.y0 < bottom + gap {
            if !small(other) || other.bbox.y0 < line.bbox.y0 {
                return false;
            }
            bottom = bottom.max(other.bbox.y1);
        } else {
            return bottom <= EDGE_ZONE * height;
        }
    }
    false
}

/// Type this many times the body's is a heading's ([`is_running_head`]).
const HEADING_SIZE: f32 = 1.1;

/// Where body-size text runs on a page and in the whole document.
#[derive(Clone, Copy)]
struct Zones {
    page: (f32, f32),
    document: Option<(f32, f32)>,
    body_size: f32,
    one_page: bool,
}

/// Entirely outside the body zone, on its left or right, and not spanning much of the page.
pub(super) fn is_beside(line: &Line, x0: f32, x1: f32, width: f32) -> bool {
    let tolerance = 2.0;
    (line.bbox.x0 >= x1 - tolerance || line.bbox.x1 <= x0 + tolerance)
        && line.bbox.width() < COLUMN_WIDTH * width
}

/// The size most characters of the document are set in.
fn body_font_size(layout: &Layout) -> f32 {
    // The winner is told by (count, size), whatever order the map keeps.
    let mut tally: FxHashMap<u32, usize> = FxHashMap::default();
    let mut add = |size: f32, chars: usize| {
        *tally.entry((size * 10.0).round() as u32).or_default() += chars;
    };
    // Words come in runs of one size, each run added once: a long document has hundreds of
    // thousands of words.
    let mut run: Option<(f32, usize)> = None;
    for word in layout.words() {
        let chars = word.text.chars().count();
        match &mut run {
            Some((size, n)) if *size == word.size => *n += chars,
            _ => {
                if let Some((size, n)) = run.replace((word.size, chars)) {
                    add(size, n);
                }
            }
        }
    }
    if let Some((size, n)) = run {
        add(size, n);
    }
    tally
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(0.0, |(size, _)| size as f32 / 10.0)
}

/// How far a line's size may be from the body size and still count as body text: a
/// reference column set a point smaller (8 pt beside 9 pt) is not body.
const BODY_SIZE_TOLERANCE: f32 = 0.06;

fn is_smaller_than_body(line: &Line, body_size: f32) -> bool {
    line.dominant_size() < (1.0 - BODY_SIZE_TOLERANCE) * body_size
}

/// Characters of body-size text a page needs for a body zone of its own.
const MIN_ZONE_CHARS: usize = 40;

/// The horizontal extent of the page's body-size text: from the 5th percentile of line
/// starts to the 95th of line ends, weighted by characters. `None` on a page without it.
fn body_zone<'l>(lines: impl IntoIterator<Item = &'l Line>, body_size: f32) -> Option<(f32, f32)> {
    zone_of(lines, body_size, MIN_ZONE_CHARS)
}

/// The zone of body-size text, when it has at least `min_weight` characters.
fn zone_of<'l>(
    lines: impl IntoIterator<Item = &'l Line>,
    body_size: f32,
    min_weight: usize,
) -> Option<(f32, f32)> {
    let body: Vec<&Line> = lines
        .into_iter()
        .filter(|l| (l.dominant_size() - body_size).abs() <= BODY_SIZE_TOLERANCE * body_size)
        .collect();
    let counts: Vec<usize> = body.iter().map(|l| l.char_count()).collect();
    let weight: usize = counts.iter().sum();
    if weight < min_weight.max(1) {
        return None;
    }
    let percentile = |mut values: Vec<(f32, usize)>, p: f32| -> f32 {
        values.sort_by(|a, b| a.0.total_cmp(&b.0));
        let target = (weight as f32 * p) as usize;
        let mut seen = 0;
        for (v, w) in &values {
            seen += w;
            if seen > target {
                return *v;
            }
        }
        values.last().map_or(0.0, |v| v.0)
    };
    let starts = body
        .iter()
        .zip(&counts)
        .map(|(l, &n)| (l.bbox.x0, n))
        .collect();
    let ends = body
        .iter()
        .zip(&counts)
        .map(|(l, &n)| (body_end(l), n))
        .collect();
    Some((percentile(starts, 0.05), percentile(ends, 0.95)))
}

/// Where a line's body text ends: before a part in smaller type set off at its end (a
/// running column's line read into it), which would widen the zone over the column.
fn body_end(line: &Line) -> f32 {
    let Some(part) = super::running::smaller_end_part(line) else {
        return line.bbox.x1;
    };
    let body = line.words.len().saturating_sub(part.len());
    (line.words.get(..body).unwrap_or_default().iter())
        .map(|w| w.bbox.x1)
        .fold(line.bbox.x0, f32::max)
}

/// A column's lines are narrower than this share of the page (as [`is_beside`] has it).
pub(super) const COLUMN_WIDTH: f32 = 0.35;

/// Lines near the top or bottom edge whose text, digits aside, recurs at about the same
/// height on other pages: (page number, line index) of each, sorted.
fn repeated_edge_lines(layout: &Layout, document_zone: Option<(f32, f32)>) -> Vec<(u32, usize)> {
    let pages = layout.pages.len();
    if pages < 2 {
        return Vec::new();
    }
    let needed = 2.max((pages as f32 * 0.3).ceil() as usize);
    // Lines near an edge whose text comes back at about the same height on enough pages;
    // then those of them set apart from the text, counted again. Lines of their own kind
    // on the page do not count against them (a foot of two lines, an address), until they
    // are found not set apart themselves ([`apart_together`]). Not so beside the document's
    // body zone (a running column's lines repeat together, but are no head of the text),
    // nor for a line with another of them beside it on its row (a table's head repeated on
    // every page, the cells of a form, are the page's text).
    let lines: Vec<EdgeLine> = edge_lines(layout).collect();
    let candidates = repeated(lines.iter(), needed);
    let lenient = |p: usize, index: usize| {
        line_at(layout, p, index).is_some_and(|(page, line)| {
            !document_zone.is_some_and(|(x0, x1)| is_beside(line, x0, x1, page.width))
                && !beside_another(page, line, index, |j| {
                    candidates.binary_search(&(p, j)).is_ok()
                })
        })
    };
    // The candidates with another beside them do not count against the rest: a head of two
    // parts on its row (a number left, a title right) over a date line.
    let (lenient_ones, beside): (Vec<_>, Vec<_>) =
        (candidates.iter()).partition(|&&(p, index)| lenient(p, index));
    let kept = apart_together(layout, lenient_ones, |p, j| {
        beside.binary_search(&(p, j)).is_ok()
    });
    // Those are set apart from all but the kept lines.
    let alone = |p: usize, index: usize| {
        let counts = |j: usize| kept.binary_search(&(p, j)).is_err();
        line_at(layout, p, index).is_some_and(|(page, line)| set_apart(line, &page.lines, counts))
    };
    let apart = lines.iter().filter(|&&(_, p, index)| {
        kept.binary_search(&(p, index)).is_ok() || (!lenient(p, index) && alone(p, index))
    });
    let mut out: Vec<(u32, usize)> = repeated(apart, needed)
        .into_iter()
        .filter_map(|(p, index)| Some((layout.pages.get(p)?.number, index)))
        .collect();
    out.sort_unstable();
    out
}

/// The page at position `p` and its line `index`.
fn line_at(layout: &Layout, p: usize, index: usize) -> Option<(&kamerbrief_model::Page, &Line)> {
    let page = layout.pages.get(p)?;
    Some((page, page.lines.get(index)?))
}

/// Another line of the page that `is` (by index) stands beside `line`, on its row.
fn beside_another(
    page: &kamerbrief_model::Page,
    line: &Line,
    index: usize,
    is: impl Fn(usize) -> bool,
) -> bool {
    (page.lines.iter().enumerate()).any(|(j, other)| {
        j != index
            && on_one_row(other, line)
            && other.bbox.horizontal_overlap(&line.bbox) <= 0.0
            && is(j)
    })
}

/// Of `kept` (page position, line index; sorted), those set apart from every line of
/// their pages but each other and those `never_against` (page position, line index): a line that is not drops out and counts against the rest,
/// until none does (a table's rows at a page's top, alike but for their digits: the
/// lowest stands close to the next row, and the rows above it fall with it).
fn apart_together(
    layout: &Layout,
    mut kept: Vec<(usize, usize)>,
    never_against: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    loop {
        let is_kept =
            |p: usize, j: usize| kept.binary_search(&(p, j)).is_ok() || never_against(p, j);
        let apart: Vec<(usize, usize)> = (kept.iter().copied())
            .filter(|&(p, index)| {
                line_at(layout, p, index)
                    .is_some_and(|(page, line)| set_apart(line, &page.lines, |j| !is_kept(p, j)))
            })
            .collect();
        if apart.len() == kept.len() {
            return kept;
        }
        kept = apart;
    }
}

/// A line near the top or bottom edge: its key (normalised text, and height from the
/// nearer edge tolerant to a few points), page position and index.
type EdgeLine = ((String, i32), usize, usize);

/// The lines near the top or bottom edge with letters or digits.
fn edge_lines(layout: &Layout) -> impl Iterator<Item = EdgeLine> + '_ {
    layout.pages.iter().enumerate().flat_map(|(p, page)| {
        page.lines
            .iter()
            .enumerate()
            .filter_map(move |(index, line)| {
                let near_edge = |l: &Line| {
                    l.bbox.y1 < EDGE_ZONE * page.height
                        || l.bbox.y0 > (1.0 - EDGE_ZONE) * page.height
                };
                // Close to a line of the text (not at an edge), it is no head or foot
                // however its neighbours at the edge turn out.
                let in_text = |j: usize| page.lines.get(j).is_some_and(|l| !near_edge(l));
                if !near_edge(line) || !set_apart(line, &page.lines, in_text) {
                    return None;
                }
                let key = normalise(&line.text());
                if !key.chars().any(|c| c.is_alphanumeric() || c == '#') {
                    return None;
                }
                let from_edge = if line.bbox.y0 < page.height / 2.0 {
                    line.bbox.y0
                } else {
                    line.bbox.y1 - page.height
                };
                let bucket = (from_edge / 6.0).round() as i32;
                Some(((key, bucket), p, index))
            })
    })
}

/// The (page position, index) of the lines whose key comes back on `needed` pages, sorted.
fn repeated<'l>(lines: impl Iterator<Item = &'l EdgeLine>, needed: usize) -> Vec<(usize, usize)> {
    let mut seen: HashMap<&(String, i32), Vec<(usize, usize)>> = HashMap::new();
    for (key, p, index) in lines {
        seen.entry(key).or_default().push((*p, *index));
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for lines in seen.into_values() {
        let mut on_pages: Vec<usize> = lines.iter().map(|l| l.0).collect();
        on_pages.dedup();
        if on_pages.len() >= needed {
            out.extend(lines);
        }
    }
    out.sort_unstable();
    out
}

/// A running head or foot stands apart from the text: the nearest line above or below it, in
/// the same column, is further away than the line is high. (A body line such as `Antwoord 2` that happens to
/// open several pages is not set apart.) Only lines `counts` (by index) are looked at.
fn set_apart(line: &Line, lines: &[Line], counts: impl Fn(usize) -> bool) -> bool {
    let height = line.bbox.height().max(1.0);
    lines
        .iter()
        .enumerate()
        .filter(|&(j, other)| {
            !on_one_row(other, line) && other.bbox.horizontal_overlap(&line.bbox) > 0.0 && counts(j)
        })
        .map(|(_, other)| {
            if other.bbox.y0 + other.bbox.y1 >= line.bbox.y0 + line.bbox.y1 {
                other.bbox.y0 - line.bbox.y1
            } else {
                line.bbox.y0 - other.bbox.y1
            }
        })
        .fold(f32::INFINITY, f32::min)
        >= 0.8 * height
}

/// Two lines stand on one row: their boxes overlap by half the shorter one's height at
/// least. Boxes that overlap by a hair are lines one above the other (type whose ascent
/// and descent are taller than its leading).
fn on_one_row(a: &Line, b: &Line) -> bool {
    let overlap = a.bbox.vertical_overlap(&b.bbox);
    overlap > 0.0 && overlap >= 0.5 * a.bbox.height().min(b.bbox.height())
}

/// Lowercase, digits as `#`, whitespace folded: page numbers and dates in running heads
/// compare equal.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_digit = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('#');
            }
            last_digit = true;
            continue;
        }
        last_digit = false;
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `3`, `- 3 -`, `3/11`, `3 / 11`, `Pagina 2 van 11`, `Page 3 of 11`, `blz. 4`, `p. 7`.
pub fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    let dash = |w: &str| matches!(w, "-" | "–" | "—");
    match words.as_slice() {
        [n] => {
            // Dashes on both sides (`–12–`); one glued on one side is a word broken at a
            // line's end (`360-` / `gradenbenadering`).
            let is_dash = |c| matches!(c, '-' | '–' | '—');
            let inner = n.trim_matches(is_dash);
            number(n) || (n.starts_with(is_dash) && n.ends_with(is_dash) && number(inner))
        }
        [d1, n, d2] if dash(d1) && dash(d2) => number(n),
        [a, n] if number(a) => number(n) && lower.contains('/'),
        [label, n] => {
            matches!(
                *label,
                "pagina" | "page" | "blz." | "blz" | "p." | "pag." | "seite"
            ) && number(n)
        }
        [label, n, of, m] => {
            matches!(*label, "pagina" | "page" | "seite" | "blz." | "pag.")
                && number(n)
                && matches!(*of, "van" | "of" | "von" | "de")
                && number(m)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for yes in [
            "3",
            "- 3 -",
            "–12–",
            "3/11",
            "3 / 11",
            "Pagina 2 van 11",
            "Page 3 of 11",
            "blz. 4",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "Pagina", "3 april", "1. Het", "Datum", "28 676", "12345", "-", "360-", "-3",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    /// A one-word line: `(text, x0, x1, top, size)`.
    type Spec<'a> = (&'a str, f32, f32, f32, f32);

    /// A page of one-word lines.
    fn page_of(lines: &[Spec]) -> Layout {
        use kamerbrief_model::{Page, Rect, Word};
        let lines = lines
            .iter()
            .map(|&(text, x0, x1, top, size)| {
                let bbox = Rect::new(x0, top, x1, top + size);
                let word = Word {
                    text: text.into(),
                    bbox,
                    size,
                    ..Word::default()
                };
                Line {
                    bbox,
                    baseline: top + 0.8 * size,
                    role: Role::Body,
                    words: vec![word],
                }
            })
            .collect();
        let page = Page {
            number: 1,
            width: 600.0,
            height: 800.0,
            lines,
            ..Page::default()
        };
        Layout {
            pages: vec![page],
            ..Layout::default()
        }
    }

    #[test]
    fn a_notes_marker_on_a_line_of_its_own_is_no_page_number() {
        let body = "Een regel lopende tekst van de brief, lang genoeg voor een zone.";
        let mut layout = page_of(&[
            (body, 100.0, 400.0, 100.0, 10.0),
            (body, 100.0, 400.0, 112.0, 10.0),
            // The marker, raised and small, a wide space before its note.
            ("1", 100.0, 103.0, 740.0, 5.0),
            ("Zie", 108.0, 124.0, 741.0, 8.0),
            // The page number, alone on its row.
            ("1", 298.0, 302.0, 770.0, 10.0),
        ]);
        assign_furniture(&mut layout);
        let roles: Vec<Role> = layout.pages[0].lines.iter().map(|l| l.role).collect();
        assert_eq!(roles[2], Role::Body);
        assert_eq!(roles[4], Role::PageNumber);
    }

    /// A line of the text near the top that comes back at its height on another page is
    /// no running head when the lines above and below it touch it: boxes a hair taller
    /// than the leading overlap by that hair, and still stand one above the other.
    #[test]
    fn a_repeated_line_whose_neighbours_boxes_touch_it_is_no_head() {
        let page = |above: &'static str, below: &'static str| -> Vec<Spec<'static>> {
            let body = "Een regel lopende tekst van de brief, lang genoeg voor een zone.";
            vec![
                ("Kop van de brief", 100.0, 300.0, 40.0, 10.0),
                (above, 100.0, 400.0, 89.99, 10.02),
                ("herhaalde regel", 100.0, 400.0, 100.0, 10.02),
                (below, 100.0, 400.0, 110.0, 10.02),
                (body, 100.0, 400.0, 120.0, 10.02),
                (body, 100.0, 400.0, 130.0, 10.02),
            ]
        };
        let one = page(
            "Eerste regel van de eerste bladzijde",
            "en de regel eronder",
        );
        let two = page(
            "Een andere regel op de tweede",
            "met weer een andere eronder",
        );
        let mut layout = pages_of(&[&one, &two]);
        assign_furniture(&mut layout);
        for page in &layout.pages {
            let roles: Vec<Role> = page.lines.iter().map(|l| l.role).collect();
            assert_eq!(roles[0], Role::Header, "page {}", page.number);
            assert_eq!(roles[2], Role::Body, "page {}", page.number);
        }
    }

    /// Pages of one-word lines (as [`page_of`]), numbered from 1.
    fn pages_of(pages: &[&[Spec]]) -> Layout {
        let pages = pages.iter().enumerate().flat_map(|(n, lines)| {
            let mut page = page_of(lines).pages.remove(0);
            page.number = n as u32 + 1;
            Some(page)
        });
        Layout {
            pages: pages.collect(),
            ..Layout::default()
        }
    }

    /// A running column in the body's size on the second page: its lines repeat the first
    /// page's column where they stand (and one does not: the sender's name), beside the body.
    /// Labels repeated down a page are not a column.
    #[test]
    fn a_running_column_in_body_type_is_margin() {
        let body = "Een regel lopende tekst van de brief, lang genoeg voor een zone.";
        let column = |top: f32| {
            [
                ("Datum", 36.0, 70.0, top, 10.0),
                ("7 april 2021", 36.0, 100.0, top + 12.0, 10.0),
                ("Ons kenmerk", 36.0, 100.0, top + 36.0, 10.0),
                ("BZ-2021/123", 36.0, 110.0, top + 48.0, 10.0),
            ]
        };
        let mut first: Vec<_> = column(300.0).to_vec();
        let mut second = vec![("Ministerie", 36.0, 100.0, 60.0, 10.0)];
        second.extend(column(84.0));
        // Few body lines: the columns widen the zone of the body's size over them.
        for n in 0..6 {
            let top = 80.0 + 12.0 * n as f32;
            first.push((body, 160.0, 540.0, top + 220.0, 10.0));
            if n < 3 {
                second.push((body, 160.0, 540.0, top, 10.0));
            }
        }
        let mut layout = pages_of(&[&first, &second]);
        assign_furniture(&mut layout);
        let roles: Vec<Role> = layout.pages[1].lines.iter().map(|l| l.role).collect();
        assert!(roles[..5].iter().all(|&r| r == Role::Margin), "{roles:?}");
        assert!(roles[5..].iter().all(|&r| r == Role::Body), "{roles:?}");

        let labels = |top: f32| {
            let mut lines = Vec::new();
            for n in 0..5 {
                let y = top + 40.0 * n as f32;
                lines.push(("Vraag 1", 36.0, 80.0, y, 10.0));
                lines.push((body, 160.0, 540.0, y, 10.0));
                lines.push((body, 160.0, 540.0, y + 12.0, 10.0));
            }
            lines
        };
        let mut layout = pages_of(&[&labels(100.0), &labels(80.0)]);
        assign_furniture(&mut layout);
        assert!(layout.pages[1].lines.iter().all(|l| l.role == Role::Body));

        // A narrow column of text whose short lines happen to repeat another page's.
        let mut text = column(84.0).to_vec();
        for n in 0..10 {
            text.push(("andere woorden", 36.0, 100.0, 144.0 + 12.0 * n as f32, 10.0));
        }
        text.extend(second[6..].iter().copied());
        let mut layout = pages_of(&[&first, &text]);
        assign_furniture(&mut layout);
        assert!(layout.pages[1].lines.iter().all(|l| l.role == Role::Body));
    }

    #[test]
    fn normalising_running_heads() {
        assert_eq!(
            normalise("Tweede Kamer, vergaderjaar 2020–2021, 28 676, nr. 360  3"),
            "tweede kamer, vergaderjaar #–#, # #, nr. # #"
        );
    }
    /// A head of two parts on its row (the series' number left, the title right) over a
    /// date line, boxes a pitch apart with a little lead between them: all three are the
    /// head on every page, whichever stands beside which.
    #[test]
    fn a_head_of_two_parts_over_a_date_line_is_header() {
        let body = "Een regel lopende tekst van de brief, lang genoeg voor een zone.";
        let page = |n: usize| {
            let mut lines = vec![
                ("NIST SP 800-223", 72.0, 138.0, 38.0, 10.0),
                ("February 2024", 72.0, 131.0, 50.0, 10.0),
                ("High-Performance Computing", 400.0, 540.0, 38.0, 10.0),
            ];
            for k in 0..(20 + n) {
                lines.push((body, 72.0, 540.0, 120.0 + 12.0 * k as f32, 10.0));
            }
            lines
        };
        let pages: Vec<Vec<Spec>> = (0..4).map(page).collect();
        let refs: Vec<&[Spec]> = pages.iter().map(Vec::as_slice).collect();
        let mut layout = pages_of(&refs);
        assign_furniture(&mut layout);
        for page in &layout.pages {
            let roles: Vec<Role> = page.lines.iter().take(4).map(|l| l.role).collect();
            assert_eq!(
                roles,
                [Role::Header, Role::Header, Role::Header, Role::Body],
                "page {}",
                page.number
            );
        }
    }
}
