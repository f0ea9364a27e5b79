//! A running column merged into body lines: where the reference column repeated on every
//! page stands level with the body's first lines and close to them, the XY-cut may read
//! them as one line (`Ministerie van Buitenlandse   Dit vermogen tot aanpassing …`). What
//! gives it away is repetition: the same words at the same place on other pages, set off
//! from the rest of the line by a gap wider than a word gap, and beside the body's zone.
//! Those words are split off the line as a margin line of their own.

use kamerbrief_model::{Layout, Line, Rect, Role, Word};
use rustc_hash::{FxHashMap, FxHashSet};

use super::furniture::is_beside;

/// A gap this many ems wide sets a running part off from the body words beside it.
const PART_GAP_EM: f32 = 1.0;

/// Half that sets off a part in smaller type that starts on the left edge of the page's
/// margin column (a reference column's label level with a body line).
const ALIGNED_GAP_EM: f32 = 0.5;

/// A part in type this much smaller than the rest of its line is not body text.
const SMALLER_TYPE: f32 = 0.94;

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
pub fn split_running_parts(layout: &mut Layout, zone: Option<(f32, f32)>) {
    let Some((x0, x1)) = zone else { return };
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
        return;
    }
    let margin: FxHashSet<Key> = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.role == Role::Margin)
        .map(|l| key(&l.words))
        .collect();
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
    let running = |words: &[Word], line: &Line, page: u32| {
        let k = key(words);
        part_beside(words, line)
            && !elsewhere(&whole, &key(&line.words), page)
            && (margin.contains(&k)
                || (words.len() >= MIN_REPEATED_WORDS && elsewhere(&parts, &k, page)))
    };
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
            let size = |ws: &[Word]| ws.iter().map(|w| w.size).fold(0.0, f32::max);
            let rest = line
                .words
                .get(..line.words.len().saturating_sub(words.len()));
            edges.iter().any(|&x| (x - first.bbox.x0).abs() <= 1.0)
                && size(words) < SMALLER_TYPE * size(rest.unwrap_or_default())
                && part_beside(words, line)
        };
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
            } else {
                let start = start_part(&line, PART_GAP_EM)
                    .filter(|w| running(w, &line, number))
                    .map_or(0, <[Word]>::len);
                let end = end_part(&line, PART_GAP_EM)
                    .filter(|w| running(w, &line, number))
                    .or_else(|| end_part(&line, ALIGNED_GAP_EM).filter(|w| on_edge(w, &line)))
                    .map_or(0, <[Word]>::len);
                lines.extend(split(line, start, end));
            }
        }
        page.lines = lines;
    }
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

/// The words' extent across, the line's from top to bottom.
fn bounds(words: &[Word], line: Rect) -> Rect {
    Rect::union_all(words.iter().map(|w| &w.bbox)).map_or(line, |r| Rect {
        y0: line.y0,
        y1: line.y1,
        ..r
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
