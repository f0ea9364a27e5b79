//! Footnotes: small type at the bottom of a page, each starting with its marker; the marker
//! in the body is a superscript (see `lines::TextLine::markers`).

use crate::lines::{Measures, TextLine};

/// Splits `body` into the main text and the footnote lines, grouped per footnote:
/// (marker, line indices).
pub fn split(
    lines: &[TextLine],
    body: &[usize],
    m: &Measures,
) -> (Vec<usize>, Vec<(String, Vec<usize>)>) {
    if !m.typographic {
        return (body.to_vec(), Vec::new());
    }
    let mut main = Vec::with_capacity(body.len());
    let mut notes: Vec<(String, Vec<usize>)> = Vec::new();
    let pages: Vec<u32> = {
        let mut p: Vec<u32> = body
            .iter()
            .filter_map(|&i| lines.get(i))
            .map(|l| l.page)
            .collect();
        p.dedup();
        p
    };
    for page in pages {
        let on_page: Vec<usize> = body
            .iter()
            .copied()
            .filter(|&i| lines.get(i).is_some_and(|l| l.page == page))
            .collect();
        let area = footnote_area(lines, &on_page, m);
        for (n, &i) in on_page.iter().enumerate() {
            if n < area {
                main.push(i);
                continue;
            }
            let Some(line) = lines.get(i) else { continue };
            match note_marker(&line.text) {
                Some(marker) => notes.push((marker.to_string(), vec![i])),
                None => {
                    if let Some((_, note)) = notes.last_mut() {
                        note.push(i);
                    }
                }
            }
        }
    }
    (main, notes)
}

/// Position in `on_page` where the footnote area starts (`on_page.len()` when there is none):
/// the trailing run of small lines below all body-size text, starting with a marker.
fn footnote_area(lines: &[TextLine], on_page: &[usize], m: &Measures) -> usize {
    let small = |i: &usize| lines.get(*i).is_some_and(|l| l.size < 0.9 * m.size);
    let run = on_page.iter().rev().take_while(|i| small(i)).count();
    let start = on_page.len() - run;
    let lowest_body = on_page
        .get(..start)
        .unwrap_or_default()
        .iter()
        .filter_map(|&i| lines.get(i))
        .map(|l| l.baseline)
        .fold(f32::NEG_INFINITY, f32::max);
    // The run must start with a marker and lie below the body text.
    let mut first = start;
    while let Some(line) = on_page.get(first).and_then(|&i| lines.get(i)) {
        if note_marker(&line.text).is_some() && line.baseline > lowest_body {
            return first;
        }
        first += 1;
    }
    on_page.len()
}

/// The marker opening a footnote line: `1`, `12`, `*`, followed by the note's text.
fn note_marker(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?;
    let marker = first.trim_end_matches(['.', ')']);
    let ok =
        (!marker.is_empty() && marker.len() <= 3 && marker.chars().all(|c| c.is_ascii_digit()))
            || matches!(marker, "*" | "**" | "†");
    (ok && text.split_whitespace().nth(1).is_some()).then_some(marker)
}

/// A footnote's text without its marker.
pub fn note_text(text: &str) -> String {
    let mut words = text.split_whitespace();
    words.next();
    words.collect::<Vec<_>>().join(" ")
}
