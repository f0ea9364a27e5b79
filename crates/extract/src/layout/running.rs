//! A running column merged into body lines: where the reference column repeated on every
//! page stands level with the body's first lines and close to them, the XY-cut may read
//! them as one line (`Ministerie van Buitenlandse   Dit vermogen tot aanpassing …`). What
//! gives it away is repetition: the same words at the same place on other pages, set off
//! from the rest of the line by a gap wider than a word gap, and beside the body's zone.
//! Those words are split off the line as a margin line of their own, and the column's page
//! number, which no other page repeats, is known by where the others stand.
//!
//! A running column in the body's own type, on lines of its own: no zone of body-size text
//! sets it apart, but repetition does (`mark_running_column`).

use kamerbrief_model::{Layout, Line, Page, Rect, Role, Word};
use rustc_hash::{FxHashMap, FxHashSet};

use super::furniture::{COLUMN_WIDTH, SAME_START_PT, is_bare_number, is_beside, is_page_number};

/// A gap this many ems wide sets a running part off from the body words beside it.
const PART_GAP_EM: f32 = 1.0;

/// Half that sets off a part in smaller type that starts on the left edge of the page's
/// margin column (a reference column's label level with a body line).
const ALIGNED_GAP_EM: f32 = 0.5;

/// A part in type this much smaller than the rest of its line is not body text.
const SMALLER_TYPE: f32 = 0.94;

/// A part of the page's first body line, beside the zone, that starts where this many lines
/// under it start, each beside the zone whole, is the head of their column (a running
/// column's first line level with the page's first body line), repeated or not.
const COLUMN_UNDER_LINES: usize = 2;

/// Words a part repeated only among body lines has at least: one word at the same place
/// on two pages (the first of a top line) may be a coincidence.
const MIN_REPEATED_WORDS: usize = 2;

/// A part's text and place: first word's start, last word's end, the words' foot (whole
/// points).
type Key = (String, [i32; 3]);

/// Splits the running parts off the body lines of `layout`. A part is running when its
/// words stand, at the same place, as a margin line on another page, or as the same part of
/// body lines on two pages or more; it must stand beside the document's body `zone` (where
/// body-size text runs), and its line must not repeat whole (a running head read as body
/// stays one line). A body line that repeats a margin line, beside the zone, is margin.
/// Whether a line was split.
pub fn split_running_parts(layout: &mut Layout, zone: Option<(f32, f32)>) -> bool {
    let Some((x0, x1)) = zone else { return false };
    // Beside the zone, however wide (the page's width does not bound a part of a line).
    let beside = |line: &Line| is_beside(line, x0, x1, f32::INFINITY);
    // Body lines that may hold running words: with a part set off, or beside the zone
    // whole; with their parts and whole lines, and the pages those stand on.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut parts: FxHashMap<Key, Vec<u32>> = FxHashMap::default();
    let mut whole: FxHashMap<Key, Vec<u32>> = FxHashMap::default();
    for (p, page) in layout.pages.iter().enumerate() {
        for (i, line) in page.lines.iter().enumerate() {
            if line.role != Role::Body {
                continue;
            }
            let mut has_part = false;
            for words in [start_part(line, PART_GAP_EM), end_part(line, PART_GAP_EM)]
                .into_iter()
                .flatten()
            {
                on_page(&mut parts, key(words), page.number);
                has_part = true;
            }
            if has_part {
                on_page(&mut whole, key(&line.words), page.number);
            }
            let aligned_part = || end_part(line, ALIGNED_GAP_EM).is_some();
            if has_part || beside(line) || aligned_part() {
                candidates.push((p, i));
            }
        }
    }
    if candidates.is_empty() {
        return false;
    }
    let margin: FxHashSet<Key> = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.role == Role::Margin)
        .map(|l| key(&l.words))
        .collect();
    // Page numbers in the running column: (left edge, foot, page) of each; looked for only
    // when a candidate beside the zone, or the part that ends it, is a page number (most
    // documents have none).
    let is_number_beside = |l: &Line| beside(l) && is_page_number(&l.text());
    let numbered_candidate = candidates.iter().any(|&(p, i)| {
        let line = layout.pages.get(p).and_then(|page| page.lines.get(i));
        line.is_some_and(|l| {
            is_number_beside(l)
                || end_part(l, PART_GAP_EM).is_some_and(|w| is_number_beside(&part_line(w, l)))
        })
    });
    let numbers: Vec<(f32, f32, u32)> = if numbered_candidate {
        layout
            .pages
            .iter()
            .flat_map(|p| p.lines.iter().map(move |l| (p.number, l)))
            .filter(|(_, l)| matches!(l.role, Role::Margin | Role::PageNumber))
            .filter(|(_, l)| is_number_beside(l))
            .map(|(page, l)| (l.bbox.x0, l.bbox.y1, page))
            .collect()
    } else {
        Vec::new()
    };
    // A page number where other pages' running column has theirs (on two pages at least).
    let numbered_there = |line: &Line, page: u32| {
        if numbers.is_empty() || !is_page_number(&line.text()) {
            return false;
        }
        let mut others = numbers.iter().filter(|&&(x0, y1, p)| {
            p != page
                && (x0 - line.bbox.x0).abs() <= SAME_START_PT
                && (y1 - line.bbox.y1).abs() <= SAME_START_PT
        });
        others
            .next()
            .is_some_and(|first| others.any(|other| other.2 != first.2))
    };
    let elsewhere = |map: &FxHashMap<Key, Vec<u32>>, k: &Key, page: u32| {
        map.get(k)
            .is_some_and(|pages| pages.iter().any(|&p| p != page))
    };
    let part_beside = |words: &[Word], line: &Line| {
        beside(&Line {
            bbox: bounds(words, line.bbox),
            ..Line::default()
        })
    };
    // `column`: the left edge and top of the page's lines that stand beside the zone whole;
    // `top`: the top of the page's first body line.
    let running = |words: &[Word], line: &Line, page: u32, column: &[(f32, f32)], top: f32| {
        let k = key(words);
        let heads_column = || {
            let x0 = words.first().map_or(f32::NAN, |w| w.bbox.x0);
            let under = column
                .iter()
                .filter(|&&(x, _)| (x - x0).abs() <= SAME_START_PT)
                .map(|&(_, y)| y);
            line.bbox.y0 <= top
                && under.clone().all(|y| y > line.bbox.y0)
                && under.count() >= COLUMN_UNDER_LINES
        };
        part_beside(words, line)
            && !elsewhere(&whole, &key(&line.words), page)
            && (margin.contains(&k)
                || (words.len() >= MIN_REPEATED_WORDS && elsewhere(&parts, &k, page))
                || heads_column())
    };
    let mut split_any = false;
    for (p, page) in layout.pages.iter_mut().enumerate() {
        let mine = candidates.iter().filter(|c| c.0 == p).map(|c| c.1);
        let mine: Vec<usize> = mine.collect();
        if mine.is_empty() {
            continue;
        }
        let number = page.number;
        let edges: Vec<f32> = page
            .lines
            .iter()
            .filter(|l| l.role == Role::Margin)
            .map(|l| l.bbox.x0)
            .collect();
        // A part in smaller type on the margin column's left edge.
        let on_edge = |words: &[Word], line: &Line| {
            let Some(first) = words.first() else {
                return false;
            };
            let rest = line
                .words
                .get(..line.words.len().saturating_sub(words.len()));
            edges.iter().any(|&x| (x - first.bbox.x0).abs() <= 1.0)
                && largest_size(words) < SMALLER_TYPE * largest_size(rest.unwrap_or_default())
                && part_beside(words, line)
        };
        let column: Vec<(f32, f32)> = page
            .lines
            .iter()
            .filter(|l| beside(l))
            .map(|l| (l.bbox.x0, l.bbox.y0))
            .collect();
        let top = page
            .lines
            .iter()
            .filter(|l| l.role == Role::Body)
            .map(|l| l.bbox.y0)
            .fold(f32::INFINITY, f32::min);
        let mut lines = Vec::with_capacity(page.lines.len() + 2);
        for (i, line) in std::mem::take(&mut page.lines).into_iter().enumerate() {
            if !mine.contains(&i) {
                lines.push(line);
            } else if beside(&line) && margin.contains(&key(&line.words)) {
                // A line of the running column the furniture left in the body.
                lines.push(Line {
                    role: Role::Margin,
                    ..line
                });
            } else if beside(&line) && numbered_there(&line, number) {
                // Its page number, which no other page repeats (a page whose zone took in
                // the column, a line read across it): what the others' are.
                let role = number_role(&line);
                lines.push(Line { role, ..line });
            } else {
                let start = start_part(&line, PART_GAP_EM)
                    .filter(|w| running(w, &line, number, &column, top))
                    .map_or(0, <[Word]>::len);
                // The column's page number, level with a body line (a short last page).
                let number_part = end_part(&line, PART_GAP_EM)
                    .map(|w| part_line(w, &line))
                    .filter(|part| beside(part) && numbered_there(part, number));
                let end = end_part(&line, PART_GAP_EM)
                    .filter(|w| number_part.is_some() || running(w, &line, number, &column, top))
                    .or_else(|| end_part(&line, ALIGNED_GAP_EM).filter(|w| on_edge(w, &line)))
                    .map_or(0, <[Word]>::len);
                split_any |= start + end > 0;
                let at = lines.len();
                lines.extend(split(line, start, end));
                if let Some(part) = number_part.filter(|_| lines.len() > at) {
                    if let Some(tail) = lines.last_mut() {
                        tail.role = number_role(&part);
                    }
                }
            }
        }
        page.lines = lines;
    }
    split_any
}

fn on_page(map: &mut FxHashMap<Key, Vec<u32>>, key: Key, page: u32) {
    let pages = map.entry(key).or_default();
    if pages.last() != Some(&page) {
        pages.push(page);
    }
}

/// Whether the gap after word `k` of the line is `em` ems wide or more.
fn wide_gap_after(line: &Line, k: usize, em: f32) -> bool {
    let (Some(a), Some(b)) = (line.words.get(k), line.words.get(k + 1)) else {
        return false;
    };
    b.bbox.x0 - a.bbox.x1 > em * a.size.max(b.size).max(1.0)
}

/// The words before the line's first gap `em` wide.
fn start_part(line: &Line, em: f32) -> Option<&[Word]> {
    let k = (0..line.words.len()).find(|&k| wide_gap_after(line, k, em))?;
    line.words.get(..=k)
}

/// The words after the line's last gap [`PART_GAP_EM`] wide, in smaller type than the rest
/// (a running column's line read into the body line level with it).
pub(super) fn smaller_end_part(line: &Line) -> Option<&[Word]> {
    let part = end_part(line, PART_GAP_EM)?;
    let rest = line
        .words
        .get(..line.words.len().saturating_sub(part.len()))?;
    (largest_size(part) < SMALLER_TYPE * largest_size(rest)).then_some(part)
}

fn largest_size(words: &[Word]) -> f32 {
    words.iter().map(|w| w.size).fold(0.0, f32::max)
}

/// The words after the line's last gap `em` wide.
fn end_part(line: &Line, em: f32) -> Option<&[Word]> {
    let k = (0..line.words.len())
        .rev()
        .find(|&k| wide_gap_after(line, k, em))?;
    line.words.get(k + 1..)
}

fn key(words: &[Word]) -> Key {
    let text = words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let x0 = words.first().map_or(0.0, |w| w.bbox.x0);
    let x1 = words.last().map_or(0.0, |w| w.bbox.x1);
    // The words' own foot: the line's baseline is that of its other words too.
    let y1 = words
        .iter()
        .map(|w| w.bbox.y1)
        .fold(f32::NEG_INFINITY, f32::max);
    (text, [x0, x1, y1].map(|v| v.round() as i32))
}

/// The line without its first `start` and last `end` words, with those as margin lines
/// before and after it.
fn split(line: Line, start: usize, end: usize) -> Vec<Line> {
    if start == 0 && end == 0 {
        return vec![line];
    }
    let Line {
        bbox,
        baseline,
        role,
        mut words,
    } = line;
    let tail = words.split_off(words.len().saturating_sub(end).max(start));
    let middle = words.split_off(start.min(words.len()));
    let make = |words: Vec<Word>, role| Line {
        bbox: bounds(&words, bbox),
        baseline,
        role,
        words,
    };
    [(words, Role::Margin), (middle, role), (tail, Role::Margin)]
        .into_iter()
        .filter(|(w, _)| !w.is_empty())
        .map(|(w, r)| make(w, r))
        .collect()
}

/// A running column's page number: a bare number is the column's (a figure like any other),
/// `8/8` or `Pagina 8 van 8` the page's number.
fn number_role(line: &Line) -> Role {
    if is_bare_number(&line.text()) {
        Role::Margin
    } else {
        Role::PageNumber
    }
}

/// The words of a part of `line` as a line of their own, in the line's place.
fn part_line(words: &[Word], line: &Line) -> Line {
    Line {
        bbox: bounds(words, line.bbox),
        baseline: line.baseline,
        role: line.role,
        words: words.to_vec(),
    }
}

/// The words' extent across, the line's from top to bottom.
fn bounds(words: &[Word], line: Rect) -> Rect {
    Rect::union_all(words.iter().map(|w| &w.bbox)).map_or(line, |r| Rect {
        y0: line.y0,
        y1: line.y1,
        ..r
    })
}

/// A reference column running on the pages after the first, in type as large as the body's
/// (so that the page's zone spans it): lines that repeat other pages' lines where they stand,
/// or the first page's anywhere ([`running_column_lines`]), on a page whose other body lines
/// all stand beside them, are margin (or a page number).
pub fn mark_running_column(layout: &mut Layout) {
    let running = running_column_lines(layout);
    for (page, flags) in layout.pages.iter_mut().zip(running).skip(1) {
        let column = |i: usize| flags.get(i) == Some(&true);
        let in_column = || {
            page.lines
                .iter()
                .enumerate()
                .filter(move |&(i, l)| column(i) && l.role == Role::Body)
                .map(|(_, l)| l)
        };
        let Some(x0) = in_column().map(|l| l.bbox.x0).reduce(f32::min) else {
            continue;
        };
        let x1 = in_column().map(|l| l.bbox.x1).fold(x0, f32::max);
        let beside = page.lines.iter().enumerate().all(|(i, l)| {
            column(i)
                || l.role != Role::Body
                || l.bbox.x0 >= x1 - SAME_START_PT
                || l.bbox.x1 <= x0 + SAME_START_PT
        });
        if !beside {
            continue;
        }
        for (i, line) in page.lines.iter_mut().enumerate() {
            if column(i) && line.role == Role::Body {
                line.role = if is_page_number(&line.text()) {
                    Role::PageNumber
                } else {
                    Role::Margin
                };
            }
        }
    }
}

/// Distinct lines a page's running column repeats from other pages, at least; or
/// [`RUNNING_COLUMN_LINES_PLACED`] where [`PLACED_LINES`] of them stand where they stand on
/// another page (`Ons kenmerk` and the reference: a two-page letter whose first page dates
/// it in a line of its own and sets the ministry's name otherwise).
const RUNNING_COLUMN_LINES: usize = 4;
const RUNNING_COLUMN_LINES_PLACED: usize = 3;
const PLACED_LINES: usize = 2;

/// A running column's lines are at most this many times those it repeats; or
/// [`PLACED_COLUMN_SHARE`] times where [`PLACED_LINES`] repeat in place (its name and date
/// set otherwise on the first page).
const COLUMN_SHARE: usize = 2;
const PLACED_COLUMN_SHARE: usize = 3;

/// For each page, which of its lines belong to a running column: a line whose text, digits
/// aside, starts at the same place on another page, or stands anywhere on the first page
/// (whose reference column is set lower and often aligned otherwise: a two-page letter has
/// no other page to repeat), on a page with at least
/// [`RUNNING_COLUMN_LINES`] distinct such lines (`Datum`, the date, `Ons kenmerk`, the
/// reference), together no wider than a column, with the lines between and around them
/// (no more than as many as repeat). A label repeated down a page (`Vraag 1`, `Vraag 2`)
/// is one line of text.
fn running_column_lines(layout: &Layout) -> Vec<Vec<bool>> {
    let mut running: Vec<Vec<bool>> = layout
        .pages
        .iter()
        .map(|p| vec![false; p.lines.len()])
        .collect();
    // Pages after the first with a narrow body line beside their wide ones.
    let open: Vec<bool> = layout
        .pages
        .iter()
        .enumerate()
        .map(|(p, page)| p > 0 && has_line_beside_the_text(page))
        .collect();
    if !open.contains(&true) {
        return running;
    }
    let mut buf = Vec::new();
    let keys: Vec<Vec<Option<u64>>> = layout
        .pages
        .iter()
        .map(|p| {
            // A column's lines are narrow: the body's need no key.
            let narrow = |l: &Line| l.bbox.width() < COLUMN_WIDTH * p.width;
            p.lines
                .iter()
                .map(|l| {
                    if narrow(l) {
                        text_key(l, &mut buf)
                    } else {
                        None
                    }
                })
                .collect()
        })
        .collect();
    // (Text key, page, left edge) of every keyed line, by key.
    let mut places: Vec<(u64, usize, f32)> = keys
        .iter()
        .zip(&layout.pages)
        .enumerate()
        .flat_map(|(p, (page_keys, page))| {
            page_keys
                .iter()
                .zip(&page.lines)
                .filter_map(move |(k, l)| k.map(|k| (k, p, l.bbox.x0)))
        })
        .collect();
    places.sort_unstable_by_key(|place| place.0);
    for (p, page) in layout.pages.iter().enumerate() {
        if open.get(p) != Some(&true) {
            continue;
        }
        let page_keys = keys.get(p).map(Vec::as_slice).unwrap_or_default();
        // Whether the line repeats another page's line at its place, or (`anywhere`) the
        // first page's anywhere.
        let repeats = |line: &Line, key: &Option<u64>, anywhere: bool| {
            key.is_some_and(|k| {
                let from = places.partition_point(|place| place.0 < k);
                places
                    .get(from..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|place| place.0 == k)
                    .any(|&(_, q, x)| {
                        q != p && ((x - line.bbox.x0).abs() <= SAME_START_PT || anywhere && q == 0)
                    })
            })
        };
        let repeated: Vec<bool> = page
            .lines
            .iter()
            .zip(page_keys)
            .map(|(line, key)| repeats(line, key, true))
            .collect();
        let in_place: Vec<bool> = page
            .lines
            .iter()
            .zip(page_keys)
            .map(|(line, key)| repeats(line, key, false))
            .collect();
        let mut placed_keys: Vec<u64> = in_place
            .iter()
            .zip(page_keys)
            .filter(|(r, _)| **r)
            .filter_map(|(_, key)| *key)
            .collect();
        placed_keys.sort_unstable();
        placed_keys.dedup();
        let placed = placed_keys.len() >= PLACED_LINES;
        if let Some(column) = running_column_on(page, page_keys, &repeated, &in_place, placed)
            && let Some(slot) = running.get_mut(p)
        {
            *slot = column;
        }
    }
    running
}

/// The running column of `page`, from which of its lines repeat another page's where they
/// stand, or the first page's anywhere (`repeated`), which repeat another page's where they
/// stand (`in_place`), and their text keys: the repeated lines still read as body make the
/// column; its repeated lines of any role count (its first line may have been taken for a
/// running head).
fn running_column_on(
    page: &Page,
    keys: &[Option<u64>],
    repeated: &[bool],
    in_place: &[bool],
    placed: bool,
) -> Option<Vec<bool>> {
    let flags: Vec<bool> = page
        .lines
        .iter()
        .zip(repeated)
        .map(|(line, &r)| r && line.role == Role::Body)
        .collect();
    // A column: one column, not the lines that stand beside it; those set aside may only
    // repeat the first page's somewhere else (a second signatory's `WATERSTAAT,`), for
    // lines repeated in place across the page are a table's, not a column's.
    let too_wide = |flags: &[bool]| {
        let (x0, x1) = extent(&page.lines, flags);
        x1 - x0 >= COLUMN_WIDTH * page.width
    };
    let column = one_column(&page.lines, flags.clone());
    let set_aside_in_place =
        || (flags.iter().zip(&column).zip(in_place)).any(|((&f, &c), &p)| f && !c && p);
    if too_wide(&flags) && set_aside_in_place() || too_wide(&column) {
        return None;
    }
    let flags = column;
    let (x0, x1) = extent(&page.lines, &flags);
    let in_column = |l: &Line| l.bbox.x0 >= x0 - SAME_START_PT && l.bbox.x0 <= x1;
    let mut distinct: Vec<u64> = page
        .lines
        .iter()
        .zip(repeated)
        .zip(keys)
        .filter(|((l, r), _)| **r && in_column(l))
        .filter_map(|(_, k)| *k)
        .collect();
    let repeats = distinct.len();
    distinct.sort_unstable();
    distinct.dedup();
    let (needed, share) = if placed {
        (RUNNING_COLUMN_LINES_PLACED, PLACED_COLUMN_SHARE)
    } else {
        (RUNNING_COLUMN_LINES, COLUMN_SHARE)
    };
    if distinct.len() < needed {
        return None;
    }
    // Most of a running column repeats; a column of text whose short lines happen to
    // repeat others' (`het kabinet is van`) holds many more that do not.
    let column = with_column_neighbours(&page.lines, page.width, flags);
    (column.iter().filter(|&&f| f).count() <= share * repeats).then_some(column)
}

/// The left and right edges of the marked lines.
fn extent(lines: &[Line], flags: &[bool]) -> (f32, f32) {
    lines
        .iter()
        .zip(flags)
        .filter(|(_, f)| **f)
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), (l, _)| {
            (a.min(l.bbox.x0), b.max(l.bbox.x1))
        })
}

/// `flags` without the marked lines that stand beside the column most of them make: a
/// column's lines, flush left, flush right or centred, all cross one vertical, which a line
/// repeated from the first page elsewhere on the page (`WATERSTAAT,` of a signatory set
/// beside the column) does not.
fn one_column(lines: &[Line], mut flags: Vec<bool>) -> Vec<bool> {
    let marked = || {
        lines
            .iter()
            .zip(&flags)
            .filter(|(_, f)| **f)
            .map(|(l, _)| l.bbox)
    };
    let crossing = |x: f32| marked().filter(|b| b.x0 <= x && x < b.x1).count();
    // The left edge most marked lines cross (the leftmost of equals).
    let Some(x) = marked()
        .map(|b| b.x0)
        .max_by(|a, b| crossing(*a).cmp(&crossing(*b)).then(b.total_cmp(a)))
    else {
        return flags;
    };
    for (line, flag) in lines.iter().zip(flags.iter_mut()) {
        *flag = *flag && line.bbox.x0 <= x && x < line.bbox.x1;
    }
    flags
}

/// Whether a narrow body line of `page` stands beside all its wide ones (where a running
/// column would), or the page has no wide ones.
fn has_line_beside_the_text(page: &Page) -> bool {
    let wide = |l: &&Line| l.bbox.width() >= COLUMN_WIDTH * page.width;
    let body = || page.lines.iter().filter(|l| l.role == Role::Body);
    let Some(x0) = body().filter(wide).map(|l| l.bbox.x0).reduce(f32::min) else {
        return true;
    };
    let x1 = body().filter(wide).map(|l| l.bbox.x1).fold(x0, f32::max);
    body()
        .any(|l| !wide(&l) && (l.bbox.x1 <= x0 + SAME_START_PT || l.bbox.x0 >= x1 - SAME_START_PT))
}

/// `flags` with the lines of the column they mark that are not repeated (the sender's name
/// broken differently than on the first page): the body lines starting within the marked
/// lines' left and right edges, narrow, that run down the column with a marked one, each
/// less than two line heights under the one above (one sweep, by top), or that stand
/// between two such runs.
fn with_column_neighbours(lines: &[Line], width: f32, mut flags: Vec<bool>) -> Vec<bool> {
    let marked = || {
        lines
            .iter()
            .zip(&flags)
            .filter(|(_, f)| **f)
            .map(|(l, _)| l)
    };
    let x0 = marked().map(|l| l.bbox.x0).fold(f32::INFINITY, f32::min);
    let x1 = marked()
        .map(|l| l.bbox.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    // Starting within the column; a column is ragged, so it may end further right.
    let within = |line: &Line| {
        line.role == Role::Body
            && line.bbox.x0 >= x0 - SAME_START_PT
            && line.bbox.x0 <= x1
            && line.bbox.width() < COLUMN_WIDTH * width
    };
    let mut strip: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.get(i).is_some_and(within))
        .collect();
    let top = |i: usize| lines.get(i).map_or(0.0, |l| l.bbox.y0);
    strip.sort_by(|&a, &b| top(a).total_cmp(&top(b)));
    // Runs of lines down the strip, each joining the run above when it starts less than
    // two line heights under it; a run with a marked line is the column's.
    let mut run: Vec<usize> = Vec::new();
    let (mut bottom, mut height) = (f32::NEG_INFINITY, 0.0_f32);
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &i in &strip {
        let Some(line) = lines.get(i) else { continue };
        let h = line.bbox.height();
        if !run.is_empty() && line.bbox.y0 - bottom >= 2.0 * height.max(h) {
            runs.push(std::mem::take(&mut run));
            bottom = f32::NEG_INFINITY;
        }
        run.push(i);
        bottom = bottom.max(line.bbox.y1);
        height = h;
    }
    runs.push(run);
    // The runs from the first with a marked line to the last: a run between two of the
    // column's is the column's too (its blocks a blank line apart).
    let has_marked = |run: &Vec<usize>| run.iter().any(|&i| flags.get(i) == Some(&true));
    let first = runs.iter().position(has_marked);
    let last = runs.iter().rposition(has_marked);
    if let (Some(first), Some(last)) = (first, last) {
        for &i in runs.get(first..=last).unwrap_or_default().iter().flatten() {
            if let Some(f) = flags.get_mut(i) {
                *f = true;
            }
        }
    }
    flags
}

/// A hash of the line's text as `furniture::normalise` gives it (ASCII letters lowercased), without
/// building the text (`buf` is scratch); `None` for a line without a letter or digit.
fn text_key(line: &Line, buf: &mut Vec<u8>) -> Option<u64> {
    use std::hash::Hasher;
    buf.clear();
    let mut any = false;
    for (i, word) in line.words.iter().enumerate() {
        if i > 0 && !word.attached {
            buf.push(b' ');
        }
        for &b in word.text.as_bytes() {
            if b.is_ascii_digit() {
                any = true;
                if buf.last() != Some(&b'#') {
                    buf.push(b'#');
                }
            } else {
                // A byte of a letter beyond ASCII is no `#` and no space.
                any |= b.is_ascii_alphanumeric() || !b.is_ascii();
                buf.push(b.to_ascii_lowercase());
            }
        }
    }
    any.then(|| {
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(buf);
        hasher.finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kamerbrief_model::Page;

    /// A line of words `(text, x0, x1)` at `top`, in 10 pt type.
    fn line(words: &[(&str, f32, f32)], top: f32, role: Role) -> Line {
        let words: Vec<Word> = words
            .iter()
            .map(|&(text, x0, x1)| Word {
                text: text.into(),
                bbox: Rect::new(x0, top, x1, top + 10.0),
                size: 10.0,
                ..Word::default()
            })
            .collect();
        Line {
            bbox: bounds(&words, Rect::new(0.0, top, 0.0, top + 10.0)),
            baseline: top + 8.0,
            role,
            words,
        }
    }

    fn page(number: u32, lines: Vec<Line>) -> Page {
        Page {
            number,
            width: 600.0,
            height: 800.0,
            lines,
            ..Page::default()
        }
    }

    const COLUMN: [(&str, f32, f32); 2] = [("Ministerie", 420.0, 470.0), ("van", 473.0, 490.0)];

    #[test]
    fn a_running_column_merged_into_a_body_line_is_split_off() {
        let merged: Vec<(&str, f32, f32)> = [("de", 60.0, 70.0), ("tekst", 73.0, 100.0)]
            .into_iter()
            .chain(COLUMN)
            .collect();
        let mut layout = Layout {
            pages: vec![
                page(2, vec![line(&COLUMN, 100.0, Role::Margin)]),
                page(3, vec![line(&merged, 100.0, Role::Body)]),
            ],
            ..Layout::default()
        };
        split_running_parts(&mut layout, Some((60.0, 400.0)));
        let lines = &layout.pages[1].lines;
        let texts: Vec<(String, Role)> = lines.iter().map(|l| (l.text(), l.role)).collect();
        assert_eq!(
            texts,
            [
                ("de tekst".to_string(), Role::Body),
                ("Ministerie van".to_string(), Role::Margin)
            ]
        );
        assert_eq!(lines[0].bbox.x1, 100.0);
    }

    #[test]
    fn a_smaller_label_on_the_margin_columns_edge_is_split_off() {
        // `Bijlage(n)` of page 1's reference column read at the end of a body line.
        let mut label = line(&[("Bijlage(n)", 420.0, 455.0)], 100.0, Role::Body).words;
        label[0].size = 8.0;
        let mut body = line(
            &[("de", 60.0, 70.0), ("tekst", 73.0, 412.0)],
            100.0,
            Role::Body,
        );
        body.words.extend(label);
        let mut layout = Layout {
            pages: vec![page(
                1,
                vec![line(&[("Datum", 420.0, 445.0)], 80.0, Role::Margin), body],
            )],
            ..Layout::default()
        };
        split_running_parts(&mut layout, Some((60.0, 400.0)));
        let roles: Vec<(String, Role)> = layout.pages[0]
            .lines
            .iter()
            .map(|l| (l.text(), l.role))
            .collect();
        assert_eq!(roles[2], ("Bijlage(n)".to_string(), Role::Margin));
        assert_eq!(roles[1], ("de tekst".to_string(), Role::Body));
    }

    #[test]
    fn repeated_words_inside_the_body_zone_stay() {
        // Table cells at the same place on two pages: inside the zone, so not furniture.
        let row = |year| {
            [
                ("Boeing", 60.0, 90.0),
                ("Company", 93.0, 130.0),
                (year, 300.0, 320.0),
            ]
        };
        let mut layout = Layout {
            pages: vec![
                page(2, vec![line(&row("2015"), 100.0, Role::Body)]),
                page(3, vec![line(&row("2016"), 100.0, Role::Body)]),
            ],
            ..Layout::default()
        };
        split_running_parts(&mut layout, Some((60.0, 400.0)));
        assert!(layout.pages.iter().all(|p| p.lines.len() == 1));
    }
}
