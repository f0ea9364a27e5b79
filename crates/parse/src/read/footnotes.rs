//! Footnotes: the notes at the foot of a page, set smaller than the body and below all of
//! it, each opening with its marker (raised or not: `¹ Zie …`, `1 Zie …`, `1. Zie …`); a
//! note may run on at the foot of the next page. The marker in the body is a superscript
//! (see `lines::TextLine::markers`).
//!
//! Where the body has raised markers, a note's marker must be one of them: a numbered list
//! in small type at the bottom of a page is not a set of footnotes.

use std::collections::HashSet;

use kamerbrief_model::Rect;

use crate::analyse::parse_dutch_date;
use crate::lines::{Measures, TextLine};

/// A footnote's lines and marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub marker: String,
    /// Indices into the lines, in reading order.
    pub lines: Vec<usize>,
}

/// Note type is smaller than the body type by at least this share.
const NOTE_SIZE: f32 = 0.96;

/// A separator rule starts within this many ems of where a line of its column starts.
const SEPARATOR_START_EM: f32 = 0.5;

/// Splits `body` into the main text and the footnotes. `separators`: short rules by page
/// ([`crate::lines::separators`]); below one, note type need not be smaller.
pub fn split(
    lines: &[TextLine],
    body: &[usize],
    m: &Measures,
    separators: &[(u32, Rect)],
) -> (Vec<usize>, Vec<Note>) {
    if !m.typographic {
        return (body.to_vec(), Vec::new());
    }
    let raised: HashSet<&str> = body
        .iter()
        .filter_map(|&i| lines.get(i))
        .flat_map(|l| l.markers.iter().filter(|(_, at)| *at > 0))
        .map(|(marker, _)| marker.as_str())
        .collect();
    let mut main = Vec::with_capacity(body.len());
    let mut notes: Vec<Note> = Vec::new();
    for on_page in pages(lines, body)
        .iter()
        .flat_map(|page| columns(lines, page, m))
    {
        let Some(extent) = extent(lines, &on_page) else {
            continue;
        };
        let page = on_page
            .first()
            .and_then(|&i| lines.get(i))
            .map_or(0, |l| l.page);
        // A separator starts where lines of the column start (a stroke of a figure
        // within the column is none).
        let starts_a_line = |r: &Rect| {
            on_page
                .iter()
                .filter_map(|&i| lines.get(i))
                .any(|l| (l.bbox.x0 - r.x0).abs() <= SEPARATOR_START_EM * m.size)
        };
        let over_column: Vec<&Rect> = separators
            .iter()
            .filter(|(p, r)| *p == page && r.x0 < extent.x1 && r.x1 > extent.x0 && starts_a_line(r))
            .map(|(_, r)| r)
            .collect();
        let area = under_rules(lines, &on_page, &over_column, m, &raised)
            .unwrap_or_else(|| footnote_area(lines, &on_page, m, &raised, !notes.is_empty()));
        main.extend(on_page.get(..area).unwrap_or_default());
        for &i in on_page.get(area..).unwrap_or_default() {
            let Some(line) = lines.get(i) else { continue };
            match opening_marker(line) {
                Some(marker) if accepts(&raised, &marker) => notes.push(Note {
                    marker,
                    lines: vec![i],
                }),
                // A line in body type that starts right of the last note's text, in another
                // column, does not run it on: the body's, read after the notes under the
                // column beside (a signatory's name level with them). (A note runs on into
                // the next column in note type.)
                _ if line.size >= NOTE_SIZE * m.size
                    && notes.last().is_some_and(|n| beside_note(lines, n, line)) =>
                {
                    main.push(i)
                }
                _ => {
                    if let Some(note) = notes.last_mut() {
                        note.lines.push(i);
                    }
                }
            }
        }
    }
    (main, notes)
}

/// Whether `line` starts right of every line of `note` on its page, past their ends.
fn beside_note(lines: &[TextLine], note: &Note, line: &TextLine) -> bool {
    let mut on_page = note
        .lines
        .iter()
        .filter_map(|&j| lines.get(j))
        .filter(|l| l.page == line.page)
        .peekable();
    on_page.peek().is_some() && on_page.all(|l| line.bbox.x0 > l.bbox.x1)
}

/// The body lines page by page, in reading order.
fn pages(lines: &[TextLine], body: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut page = None;
    for &i in body {
        let p = lines.get(i).map(|l| l.page);
        match out.last_mut() {
            Some(current) if p == page => current.push(i),
            _ => out.push(vec![i]),
        }
        page = p;
    }
    out
}

/// A page's lines split where reading goes back up into a column to the right: notes
/// stand at the foot of each column (LaTeX's two-column style), not only of the page.
fn columns(lines: &[TextLine], on_page: &[usize], m: &Measures) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut previous: Option<&TextLine> = None;
    for &i in on_page {
        let Some(line) = lines.get(i) else { continue };
        // Right of every line of the column so far that reaches down beside it (a word
        // mark above both columns does not count).
        let beside_column = |column: &[usize]| {
            column
                .iter()
                .filter_map(|&j| lines.get(j))
                .filter(|l| l.bbox.y1 > line.bbox.y0)
                .all(|l| line.bbox.x0 >= l.bbox.x1 - 1.0)
        };
        let went_up = previous.is_some_and(|p| line.bbox.y0 < p.bbox.y0 - 2.0 * m.pitch);
        match out.last_mut() {
            Some(column) if !(went_up && beside_column(column)) => column.push(i),
            _ => out.push(vec![i]),
        }
        previous = Some(line);
    }
    out
}

/// The rule stands over some of the column's lines under it.
fn over_lines_below(lines: &[TextLine], column: &[usize], rule: &Rect) -> bool {
    column
        .iter()
        .filter_map(|&i| lines.get(i))
        .any(|l| stands_under(l, rule.y1) && l.bbox.horizontal_overlap(rule) > 0.0)
}

/// How high capitals and ascenders reach over the baseline, in ems (0.68 to 0.75 in
/// text faces).
const LETTER_TOP_EM: f32 = 0.75;

/// The line stands under a rule at `y`: its box does, or (where a font claims a tall
/// ascent, as cairo writes Latin Modern's bounding box for it) its letters' tops do, taken
/// as [`LETTER_TOP_EM`] over the baseline. A rule through or under the letters (a
/// strike-out, an underline, a figure's axis over its labels) stays over them.
fn stands_under(line: &TextLine, y: f32) -> bool {
    line.bbox.y0 > y || line.baseline - LETTER_TOP_EM * line.size > y
}

fn extent(lines: &[TextLine], column: &[usize]) -> Option<Rect> {
    column
        .iter()
        .filter_map(|&i| lines.get(i))
        .map(|l| l.bbox)
        .reduce(|a, b| a.union(&b))
}

/// The footnote area under the column's rules; `None` where they set no notes apart and the
/// notes are told by their type. The lowest rule counts when it stands over the column's
/// own text (not over another column's notes, which the column's extent may reach under
/// when front matter above it runs across). The area grows up to a higher rule whose notes
/// come first, in note type: each column's notes under their own rule, the rules at
/// different heights, the notes read after both columns.
fn under_rules(
    lines: &[TextLine],
    on_page: &[usize],
    rules: &[&Rect],
    m: &Measures,
    raised: &HashSet<&str>,
) -> Option<usize> {
    let lowest = rules
        .iter()
        .max_by(|a, b| a.y1.total_cmp(&b.y1))
        .filter(|r| over_lines_below(lines, on_page, r))?;
    let mut higher: Vec<&Rect> = rules.iter().copied().filter(|r| r.y1 < lowest.y1).collect();
    higher.sort_by(|a, b| b.y1.total_cmp(&a.y1));
    let mut start = match below_rule(lines, on_page, lowest.y1, raised) {
        Some(start) => start,
        // Each column's notes under its own rule, the lowest rule's column's read last: a
        // line of the other column's notes is the first below it. Where the line under
        // each of the two rules, in the rule's own column, opens a note, the notes start
        // under the higher one.
        None => {
            let next = higher.first().copied()?;
            if !(opens_under(lines, on_page, lowest, raised)
                && opens_under(lines, on_page, next, raised))
            {
                return None;
            }
            higher.remove(0);
            below_rule(lines, on_page, next.y1, raised)?
        }
    };
    let small = |i: &usize| lines.get(*i).is_some_and(|l| l.size < NOTE_SIZE * m.size);
    for y in higher.iter().map(|r| r.y1) {
        match below_rule(lines, on_page, y, raised) {
            Some(above)
                if above < start
                    && on_page
                        .get(above..start)
                        .is_some_and(|between| between.iter().all(small)) =>
            {
                start = above;
            }
            _ => break,
        }
    }
    Some(start)
}

/// The footnote area under a separator rule at `y`: the trailing lines below it, when the
/// first of them opens a note (or continues one) and all body text stands above the rule.
fn below_rule(
    lines: &[TextLine],
    on_page: &[usize],
    y: f32,
    raised: &HashSet<&str>,
) -> Option<usize> {
    let start = on_page
        .iter()
        .position(|&i| lines.get(i).is_some_and(|l| stands_under(l, y)))?;
    let all_below = on_page
        .get(start..)
        .unwrap_or_default()
        .iter()
        .all(|&i| lines.get(i).is_some_and(|l| stands_under(l, y)));
    let first = on_page.get(start).and_then(|&i| lines.get(i))?;
    let opens = opening_marker(first).is_some_and(|mk| accepts(raised, &mk));
    (all_below && opens).then_some(start)
}

/// The first line under `rule` within its width opens a note.
fn opens_under(lines: &[TextLine], on_page: &[usize], rule: &Rect, raised: &HashSet<&str>) -> bool {
    on_page
        .iter()
        .filter_map(|&i| lines.get(i))
        .filter(|l| stands_under(l, rule.y1) && l.bbox.horizontal_overlap(rule) > 0.0)
        .min_by(|a, b| a.bbox.y0.total_cmp(&b.bbox.y0))
        .and_then(opening_marker)
        .is_some_and(|mk| accepts(raised, &mk))
}

fn accepts(raised: &HashSet<&str>, marker: &str) -> bool {
    raised.is_empty() || raised.contains(marker)
}

/// Position in `on_page` where the footnote area starts (`on_page.len()` when there is
/// none): the trailing run of lines in note type below all body-size text. It starts with
/// a marker, or, when a note is open from an earlier page, with that note's continuation.
fn footnote_area(
    lines: &[TextLine],
    on_page: &[usize],
    m: &Measures,
    raised: &HashSet<&str>,
    note_open: bool,
) -> usize {
    let small = |i: &usize| lines.get(*i).is_some_and(|l| l.size < NOTE_SIZE * m.size);
    let run = on_page.iter().rev().take_while(|i| small(i)).count();
    let start = on_page.len() - run;
    let lowest_body = on_page
        .get(..start)
        .unwrap_or_default()
        .iter()
        .filter_map(|&i| lines.get(i))
        .map(|l| l.baseline)
        .fold(f32::NEG_INFINITY, f32::max);
    let below = |line: &TextLine| line.baseline > lowest_body;
    let opens = |line: &TextLine| opening_marker(line).is_some_and(|mk| accepts(raised, &mk));
    let first_note = (start..on_page.len()).find(|&k| {
        on_page
            .get(k)
            .and_then(|&i| lines.get(i))
            .is_some_and(|l| below(l) && opens(l))
    });
    match first_note {
        // A note continued from the previous page stands above the first new one.
        Some(k) if note_open => {
            let continued = (start..k)
                .rev()
                .take_while(|&j| {
                    on_page
                        .get(j)
                        .and_then(|&i| lines.get(i))
                        .is_some_and(below)
                })
                .count();
            k - continued
        }
        Some(k) => k,
        None if note_open && run > 0 => {
            // No new note on this page: only a continuation, if the run is below the body
            // and under it (not a column of its own beside the body's last lines, level
            // with them by chance: a reference column read after them).
            let body = on_page.get(..start).unwrap_or_default();
            let (left, right) = (body.iter().filter_map(|&i| lines.get(i)))
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, r), line| {
                    (l.min(line.bbox.x0), r.max(line.bbox.x1))
                });
            let under = |line: &TextLine| line.bbox.x0 < right && line.bbox.x1 > left;
            let all_below = on_page
                .get(start..)
                .unwrap_or_default()
                .iter()
                .filter_map(|&i| lines.get(i))
                .all(|line| below(line) && under(line));
            if all_below && start > 0 {
                start
            } else {
                on_page.len()
            }
        }
        None => on_page.len(),
    }
}

/// The marker opening a footnote line: a raised marker taken out of its start (`¹Zie`), or
/// a first word `1`, `12`, `1.`, `*` followed by the note's text.
fn opening_marker(line: &TextLine) -> Option<String> {
    if let Some((marker, 0)) = line.markers.first() {
        return Some(marker.clone());
    }
    note_marker(&line.text).map(str::to_string)
}

/// The marker opening a footnote line in its text: `1`, `12`, `*`, followed by the note's
/// text. Not a date's day (`7 april 2021`, a reference column's date in the notes' type).
fn note_marker(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?;
    let marker = first.trim_end_matches(['.', ')']);
    let ok =
        (!marker.is_empty() && marker.len() <= 3 && marker.chars().all(|c| c.is_ascii_digit()))
            || matches!(marker, "*" | "**" | "†");
    (ok && text.split_whitespace().nth(1).is_some() && !opens_with_date(text)).then_some(marker)
}

/// The line opens with a full date: its first three words are one (`7 april 2021`).
fn opens_with_date(text: &str) -> bool {
    let opening: Vec<&str> = text.split_whitespace().take(3).collect();
    parse_dutch_date(&opening.join(" ")).is_some()
}

/// A footnote's text without its marker: `text` is its lines joined; `first` its first line.
pub fn note_text(text: &str, first: Option<&TextLine>) -> String {
    let raised = first.is_some_and(|l| matches!(l.markers.first(), Some((_, 0))));
    let mut words = text.split_whitespace();
    if !raised {
        words.next();
    }
    words.collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line at `baseline` in `size` type, with a raised marker after its text or before it.
    fn line(text: &str, baseline: f32, size: f32, marker: Option<(&str, usize)>) -> TextLine {
        let mut l = TextLine::plain(1, 0, text);
        l.baseline = baseline;
        l.bbox = Rect::new(72.0, baseline - 0.8 * size, 400.0, baseline + 0.2 * size);
        l.size = size;
        l.typographic = true;
        l.markers = marker
            .map(|(m, at)| (m.to_string(), at))
            .into_iter()
            .collect();
        l
    }

    #[test]
    fn a_dates_day_opens_no_note() {
        assert_eq!(note_marker("7 april 2021"), None);
        assert_eq!(note_marker("7 Zie de brief van april 2021"), Some("7"));
        assert_eq!(note_marker("12 Kamerstuk 28 676, nr. 360"), Some("12"));
    }

    #[test]
    fn notes_under_a_rule_their_fonts_tall_boxes_reach_over() {
        // cairo writes Latin Modern's bounding box as its ascent: the note's box (in body
        // size, so only the rule sets it apart) reaches over the rule, its letters do not.
        let mut lines = vec![
            line(
                "Het kabinet verwijst naar de brief.",
                100.0,
                10.0,
                Some(("1", 35)),
            ),
            line(
                "Zie de brief van 3 maart 2020.",
                700.0,
                10.0,
                Some(("1", 0)),
            ),
        ];
        if let Some(note) = lines.get_mut(1) {
            note.bbox.y0 = 700.0 - 1.2 * 10.0;
        }
        let m = Measures {
            size: 10.0,
            pitch: 12.0,
            typographic: true,
        };
        let rule = (1, Rect::new(72.0, 691.0, 180.0, 691.4));
        let (main, notes) = split(&lines, &[0, 1], &m, &[rule]);
        assert_eq!(main, vec![0]);
        assert_eq!(notes.len(), 1);
        // An axis over its labels, whose letters reach over it, keeps them.
        let axis = (1, Rect::new(72.0, 696.0, 180.0, 696.4));
        let (main, notes) = split(&lines, &[0, 1], &m, &[axis]);
        assert_eq!((main.len(), notes.len()), (2, 0));
    }

    #[test]
    fn notes_in_body_size_under_a_rule() {
        let lines = vec![
            line(
                "Het kabinet verwijst naar de brief van vorig jaar.",
                100.0,
                10.0,
                Some(("1", 49)),
            ),
            line(
                "Daarna volgt de rest van de tekst van deze pagina.",
                112.0,
                10.0,
                None,
            ),
            line(
                "Zie de brief van 3 maart 2020.",
                700.0,
                10.0,
                Some(("1", 0)),
            ),
        ];
        let m = Measures {
            size: 10.0,
            pitch: 12.0,
            typographic: true,
        };
        // Without the rule, body-size lines at the foot are body.
        let (main, notes) = split(&lines, &[0, 1, 2], &m, &[]);
        assert_eq!((main.len(), notes.len()), (3, 0));
        // Under a short rule, they are the page's footnotes.
        let rule = (1, Rect::new(72.0, 690.0, 180.0, 690.5));
        let (main, notes) = split(&lines, &[0, 1, 2], &m, &[rule]);
        assert_eq!(main, vec![0, 1]);
        assert_eq!(
            notes,
            vec![Note {
                marker: "1".to_string(),
                lines: vec![2]
            }]
        );
    }

    /// A short stroke of a figure is no separator: it starts where no line of the column
    /// does, so the numbered heading and text under it stay body.
    #[test]
    fn a_figures_stroke_sets_no_notes_apart() {
        let lines = vec![
            line("Het apparaat heeft drie knoppen.", 100.0, 10.0, None),
            line("3. Begrijpen van de melder", 300.0, 10.0, None),
            line(
                "Wanneer de melder voor het eerst aangaat.",
                312.0,
                10.0,
                None,
            ),
        ];
        let m = Measures {
            size: 10.0,
            pitch: 12.0,
            typographic: true,
        };
        let stroke = (1, Rect::new(180.0, 250.0, 230.0, 250.5));
        let (main, notes) = split(&lines, &[0, 1, 2], &m, &[stroke]);
        assert_eq!((main, notes), (vec![0, 1, 2], vec![]));
        // The same rule from the column's edge sets the lines under it apart.
        let rule = (1, Rect::new(72.0, 250.0, 122.0, 250.5));
        let (main, notes) = split(&lines, &[0, 1, 2], &m, &[rule]);
        assert_eq!(main, vec![0]);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn each_columns_notes_under_its_own_rule() {
        // Two columns, each with its notes under a rule of its own, the second's lower; the
        // notes read after both columns, and a signatory's name in the second column level
        // with the first column's notes.
        let at = |mut l: TextLine, x0: f32, x1: f32| {
            l.bbox.x0 = x0;
            l.bbox.x1 = x1;
            l
        };
        let mut lines = vec![
            at(
                line(
                    "Zie de brief van het kabinet.",
                    100.0,
                    10.0,
                    Some(("1", 29)),
                ),
                72.0,
                280.0,
            ),
            at(
                line(
                    "En die van vorig jaar, twee keer.",
                    100.0,
                    10.0,
                    Some(("2", 33)),
                ),
                320.0,
                530.0,
            ),
            at(
                line("Kamerstuk 28 676, nr. 360.", 712.0, 8.0, Some(("1", 0))),
                72.0,
                250.0,
            ),
            at(
                line("Kamerstuk 31 125, nr. 12, een", 722.0, 8.0, Some(("2", 0))),
                72.0,
                280.0,
            ),
            at(line("brief van april.", 732.0, 8.0, None), 72.0, 150.0),
            at(line("M. Jansen-de Vries", 712.0, 10.0, None), 320.0, 420.0),
            at(
                line("Kamerstuk 35 000, nr. 3.", 740.0, 8.0, Some(("3", 0))),
                320.0,
                480.0,
            ),
        ];
        if let Some(l) = lines.get_mut(1) {
            l.markers.push(("3".to_string(), 5));
        }
        let m = Measures {
            size: 10.0,
            pitch: 12.0,
            typographic: true,
        };
        let rules = [
            (1, Rect::new(72.0, 700.0, 130.0, 700.5)),
            (1, Rect::new(320.0, 725.0, 380.0, 725.5)),
        ];
        let (main, notes) = split(&lines, &[0, 1, 2, 3, 4, 5, 6], &m, &rules);
        assert_eq!(main, vec![0, 1, 5]);
        let read: Vec<(&str, &[usize])> = notes
            .iter()
            .map(|n| (n.marker.as_str(), n.lines.as_slice()))
            .collect();
        assert_eq!(read, [("1", &[2][..]), ("2", &[3, 4][..]), ("3", &[6][..])]);
    }
}
