//! The layout's lines prepared for parsing: text with footnote markers taken out, typography
//! summarised, and the measures of the body type (size, line pitch, column edges).

use kamerbrief_model::{Layout, Line, Rect, Role};

/// One line of the layout, as the parser sees it.
#[derive(Clone, Debug)]
pub struct TextLine {
    pub page: u32,
    /// Index of the line in its page's `lines`.
    pub source: usize,
    pub role: Role,
    /// Words joined by single spaces, superscript markers left out.
    pub text: String,
    /// Superscript markers and the character offset in `text` where each stood (0 for a
    /// marker opening the line, as a footnote's own marker does).
    pub markers: Vec<(String, usize)>,
    pub bbox: Rect,
    pub baseline: f32,
    pub size: f32,
    /// Every word bold (or every word italic): a typographic emphasis of the whole line.
    pub bold: bool,
    pub italic: bool,
    /// The last word ended in a soft hyphen.
    pub soft_hyphen: bool,
    /// The last word ended in a hyphen shown apart from its letters
    /// ([`kamerbrief_model::Word::hyphen_apart`]).
    pub hyphen_apart: bool,
    /// Width of the first word, to tell whether it would have fitted on the line before.
    pub first_word_width: f32,
    /// The narrowest gap between two of the line's words (0 for a line of one word): what
    /// a word needs before it on this line, letter spacing included (the tracking after a
    /// word's last letter is in the gap, not in the word's box).
    pub word_gap: f32,
    /// The layout carries fonts (false for text input: typography is then unknown).
    pub typographic: bool,
    /// Every word is underlined.
    pub underline: bool,
    /// Where the line's words stand apart by more than [`WIDE_GAP_EM`] (fields set side by
    /// side under a row of labels): each part's byte offset in `text` and its x extent.
    /// Empty for a line of one part, as nearly every line is.
    pub parts: Vec<(usize, f32, f32)>,
}

/// A gap between words this many ems wide separates parts of a line.
const WIDE_GAP_EM: f32 = 1.5;

/// Signatories' roles side by side on one row may stand closer than [`WIDE_GAP_EM`]: a gap
/// at least this many ems wide and [`ROLE_GAP_OVER_WORD_GAP`] times the line's typical word
/// gap, with a role on each side, parts them too. (Letter spacing widens every word gap by
/// the tracking: the roles' gap of a letter-spaced row can be only 1.8 word gaps. That each
/// part reads as a role keeps one role's line whole.)
const ROLE_GAP_EM: f32 = 0.9;
const ROLE_GAP_OVER_WORD_GAP: f32 = 1.5;

impl TextLine {
    pub fn from_line(page: u32, line: &Line) -> TextLine {
        TextLine::parted_at(page, line, WIDE_GAP_EM)
    }

    /// The line with its parts where words stand apart by more than `wide` ems.
    fn parted_at(page: u32, line: &Line, wide: f32) -> TextLine {
        let mut text = String::with_capacity(line.words.iter().map(|w| w.text.len() + 1).sum());
        let mut markers = Vec::new();
        // Where the previous word (or removed marker) ended.
        let mut previous_end: Option<f32> = None;
        let count = line.words.len();
        let mut parts: Vec<(usize, f32, f32)> = Vec::new();
        let mut word_gap = f32::INFINITY;
        for (n, word) in line.words.iter().enumerate() {
            let gap = previous_end.map(|end| (end, word.bbox.x0 - end));
            if let Some((_, g)) = gap
                && !word.attached
                && !word.superscript
            {
                word_gap = word_gap.min(g);
            }
            previous_end = Some(word.bbox.x1);
            // A raised marker after text (`voorzien¹`), or opening a line with text after
            // it (a footnote's own marker, `¹ Zie …`).
            if word.superscript && is_marker(&word.text) && (!text.is_empty() || n + 1 < count) {
                let marker = word.text.trim_end_matches(')').to_string();
                markers.push((marker, text.chars().count()));
                continue;
            }
            // The extractor parted the words, however close they stand (a word processor's
            // spaces may be a tenth of an em), or joined one to the last (`voorzien¹.` reads
            // `voorzien.`: the stop touched the marker).
            if !text.is_empty() && !word.attached {
                text.push(' ');
            }
            if let Some((end, g)) = gap
                && g > wide * word.size.max(1.0)
                && !text.trim_end().is_empty()
            {
                if parts.is_empty() {
                    let x0 = line.words.first().map_or(end, |w| w.bbox.x0);
                    parts.push((0, x0, end));
                }
                parts.push((text.len(), word.bbox.x0, word.bbox.x1));
            }
            if let Some(part) = parts.last_mut() {
                part.2 = part.2.max(word.bbox.x1);
            }
            text.push_str(&word.text);
        }
        let real: Vec<_> = line.words.iter().filter(|w| !w.superscript).collect();
        let typographic = line.words.iter().any(|w| !w.font.is_empty());
        TextLine {
            page,
            source: 0,
            role: line.role,
            text,
            markers,
            bbox: line.bbox,
            baseline: line.baseline,
            size: line.dominant_size(),
            underline: !real.is_empty() && real.iter().all(|w| w.underline),
            bold: typographic && !real.is_empty() && real.iter().all(|w| w.bold),
            italic: typographic && !real.is_empty() && real.iter().all(|w| w.italic),
            soft_hyphen: line.words.last().is_some_and(|w| w.soft_hyphen),
            hyphen_apart: line.words.last().is_some_and(|w| w.hyphen_apart),
            first_word_width: line.words.first().map_or(0.0, |w| w.bbox.width()),
            word_gap: if word_gap.is_finite() {
                word_gap.max(0.0)
            } else {
                0.0
            },
            typographic,
            parts,
        }
    }

    /// A line without typography, for tests: `index` sets its place on the page.
    #[cfg(test)]
    pub fn plain(page: u32, index: usize, text: &str) -> TextLine {
        let line = kamerbrief_model::Layout::from_text(text)
            .pages
            .into_iter()
            .next()
            .and_then(|p| p.lines.into_iter().next())
            .unwrap_or_default();
        let mut out = TextLine::from_line(page, &line);
        out.baseline += index as f32 * 12.0;
        out
    }

    pub fn ends_sentence(&self) -> bool {
        let t = self.text.trim_end_matches(['"', '”', '’', '\'', ')']);
        t.ends_with(['.', '!', '?', ':', ';']) && !ends_with_inline_label(t)
    }

    pub fn starts_lowercase(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

/// `…(global approach); 6.`: the line ends with the label of the next item of an inline
/// enumeration (a number after `;` or `,`), not with the end of a sentence.
fn ends_with_inline_label(text: &str) -> bool {
    let mut tokens = text.split_whitespace().rev();
    let (Some(last), Some(before)) = (tokens.next(), tokens.next()) else {
        return false;
    };
    let number = last.strip_suffix(['.', ')']).unwrap_or_default();
    !number.is_empty()
        && number.len() <= 2
        && number.chars().all(|c| c.is_ascii_digit())
        && before.ends_with([';', ','])
}

/// A footnote marker: a number (`1`, `12`, `1)`) or a symbol such as `*`.
fn is_marker(text: &str) -> bool {
    let number = text.strip_suffix(')').unwrap_or(text);
    (!number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit()))
        || matches!(text, "*" | "**" | "†" | "‡")
}

/// Measures of the body type over the whole document.
#[derive(Clone, Copy, Debug)]
pub struct Measures {
    /// The size most body characters are set in.
    pub size: f32,
    /// The usual distance between baselines of consecutive body lines.
    pub pitch: f32,
    /// Whether the layout has typography at all.
    pub typographic: bool,
}

pub fn measures(lines: &[TextLine]) -> Measures {
    let typographic = lines.iter().any(|l| l.typographic);
    let size = value_mode(
        lines
            .iter()
            .filter(|l| l.role == Role::Body)
            .map(|l| (l.size, l.text.chars().count())),
    )
    .unwrap_or(10.0);
    let mut steps = Vec::new();
    for pair in lines.windows(2) {
        if let [a, b] = pair
            && a.page == b.page
            && a.role == Role::Body
            && b.role == Role::Body
            && (a.size - size).abs() < 0.1 * size
            && (b.size - size).abs() < 0.1 * size
        {
            let step = b.baseline - a.baseline;
            if step > 0.5 * size && step < 1.9 * size {
                steps.push((step, 1));
            }
        }
    }
    // The step most steps are within 2 % of (not the first seen of them: one line's stray
    // step would stand for all the others).
    let pitch = value_mode(steps.into_iter()).unwrap_or(1.2 * size);
    Measures {
        size,
        pitch,
        typographic,
    }
}

/// The value with the most weight, counting values within 2 % of it as it (a size set
/// with jitter); of values that close, the one with the most weight of its own (a
/// reference column in 8 pt beside a body in 8.1 pt: the body's, not the first seen).
fn value_mode(values: impl Iterator<Item = (f32, usize)>) -> Option<f32> {
    let mut values: Vec<(f32, usize)> = values.filter(|(v, _)| v.is_finite()).collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Each size once, with its weight, smallest first.
    let mut tally: Vec<(f32, usize)> = Vec::new();
    for (v, w) in values {
        match tally.last_mut() {
            Some(last) if v - last.0 <= 0.001 => last.1 += w,
            _ => tally.push((v, w)),
        }
    }
    // The weight within 2 % of each size: a window sliding up the sorted sizes.
    let (mut lo, mut hi, mut sum) = (0, 0, 0usize);
    let mut best: Option<(usize, usize, f32)> = None;
    for &(v, w) in &tally {
        let reach = 0.02 * v.abs().max(1.0);
        while let Some(&(_, tw)) = tally.get(hi).filter(|(t, _)| *t <= v + reach) {
            sum += tw;
            hi += 1;
        }
        while let Some(&(_, tw)) = tally.get(lo).filter(|(t, _)| *t < v - reach) {
            sum -= tw;
            lo += 1;
        }
        if best.is_none_or(|(s, bw, _)| (sum, w) > (s, bw)) {
            best = Some((sum, w, v));
        }
    }
    best.map(|(_, _, v)| v)
}

/// All lines of the layout in reading order.
pub fn text_lines(layout: &Layout) -> Vec<TextLine> {
    let mut out = Vec::new();
    for page in &layout.pages {
        for (i, l) in page.lines.iter().enumerate() {
            let line = TextLine {
                source: i,
                ..TextLine::from_line(page.number, l)
            };
            if !line.text.is_empty() {
                line.push_apart(l, &mut out);
            }
        }
    }
    out
}

impl TextLine {
    /// Pushes the line (made from `line`) to `out`; signatories side by side whose roles
    /// share one row (`De Minister van Buitenlandse Zaken,   De Minister van Defensie`),
    /// close enough to be one line, as a line for each role.
    fn push_apart(self, line: &Line, out: &mut Vec<TextLine>) {
        // Closer than fields stand apart, but far wider than the line's word gaps.
        let closer = (self.parts.len() < 2)
            .then(|| role_gap_em(line))
            .flatten()
            .map(|wide| TextLine {
                source: self.source,
                ..TextLine::parted_at(self.page, line, wide)
            });
        let parted = closer.as_ref().unwrap_or(&self);
        let each_a_role = parted.parts.len() >= 2
            && parted
                .part_texts()
                .all(|(t, _)| crate::patterns::is_role(t));
        if !each_a_role {
            out.push(self);
            return;
        }
        let apart: Vec<TextLine> = parted
            .part_texts()
            .map(|(text, bbox)| TextLine {
                text: text.to_string(),
                bbox,
                markers: Vec::new(),
                parts: Vec::new(),
                ..parted.clone()
            })
            .collect();
        out.extend(apart);
    }

    /// The line's parts ([`TextLine::parts`]; the whole line when it has one) with their text
    /// and box.
    pub fn part_texts(&self) -> impl Iterator<Item = (&str, Rect)> {
        (0..self.parts.len().max(1)).map(move |k| {
            let (start, x0, x1) =
                self.parts
                    .get(k)
                    .copied()
                    .unwrap_or((0, self.bbox.x0, self.bbox.x1));
            let end = self.parts.get(k + 1).map_or(self.text.len(), |p| p.0);
            let text = self.text.get(start..end).unwrap_or_default().trim();
            (text, Rect::new(x0, self.bbox.y0, x1, self.bbox.y1))
        })
    }
}

/// The width in ems above which a gap of `line` may part signatories' roles: wide enough
/// ([`ROLE_GAP_EM`]) and [`ROLE_GAP_OVER_WORD_GAP`] times the line's median word gap;
/// `None` when no gap of the line is that wide.
fn role_gap_em(line: &Line) -> Option<f32> {
    let gaps = || {
        line.words.windows(2).filter_map(|pair| match pair {
            [a, b] if !a.superscript && !b.superscript => {
                Some((b.bbox.x0 - a.bbox.x1) / b.size.max(1.0))
            }
            _ => None,
        })
    };
    // Nearly every line has no gap that wide: no need to weigh its word gaps.
    if !gaps().any(|g| g > ROLE_GAP_EM) {
        return None;
    }
    let mut gaps: Vec<f32> = gaps().collect();
    gaps.sort_by(f32::total_cmp);
    let median = gaps.get(gaps.len() / 2)?;
    let wide = ROLE_GAP_EM.max(ROLE_GAP_OVER_WORD_GAP * median);
    gaps.last().is_some_and(|&g| g > wide).then_some(wide)
}

/// The right edge of the column each line stands in (where its column's full lines end: the
/// 90th percentile of the line ends of the body lines it shares most of its width with);
/// infinite for furniture. Lines for which `aside` holds (the front matter, whose fields
/// may run across the columns of the body below them) get an edge but do not measure one.
/// With it, the measure of that column were it ragged: how far its lines may reach (the
/// 97th percentile of the same line ends, all but the last few: a ragged column's lines end
/// anywhere short of it, and its 90th percentile falls a word's width short or more).
pub fn column_edges(lines: &[TextLine], aside: impl Fn(usize) -> bool) -> (Vec<f32>, Vec<f32>) {
    let mut edges = vec![f32::INFINITY; lines.len()];
    let mut measures = edges.clone();
    let mut start = 0;
    while start < lines.len() {
        let page = lines.get(start).map_or(0, |l| l.page);
        let end = (start..lines.len())
            .find(|&i| lines.get(i).is_some_and(|l| l.page != page))
            .unwrap_or(lines.len());
        let body: Vec<usize> = (start..end)
            .filter(|&i| lines.get(i).is_some_and(|l| l.role == Role::Body))
            .collect();
        let measuring: Vec<&TextLine> = body
            .iter()
            .filter(|&&j| !aside(j))
            .filter_map(|&j| lines.get(j))
            .collect();
        let mut ends: Vec<f32> = Vec::new();
        for &i in &body {
            let Some(line) = lines.get(i) else { continue };
            ends.clear();
            ends.extend(
                measuring
                    .iter()
                    .filter(|o| {
                        o.bbox.horizontal_overlap(&line.bbox)
                            >= 0.5 * o.bbox.width().min(line.bbox.width())
                    })
                    .map(|o| o.bbox.x1),
            );
            // The values at those ranks in sorted order, without sorting the rest.
            let rank = |percentile: usize| {
                let last = ends.len().checked_sub(1)?;
                Some(last.min(ends.len() * percentile / 100))
            };
            let (Some(edge_rank), Some(measure_rank)) = (rank(90), rank(97)) else {
                continue;
            };
            if let Some(slot) = edges.get_mut(i) {
                *slot = *ends.select_nth_unstable_by(edge_rank, f32::total_cmp).1;
            }
            if let Some(slot) = measures.get_mut(i) {
                *slot = *ends.select_nth_unstable_by(measure_rank, f32::total_cmp).1;
            }
        }
        start = end;
    }
    (edges, measures)
}

/// Justified text: most body lines end at their column's edge. Then how far short of it a
/// line may end and still be full: the producer's own inaccuracy, measured on the lines at
/// the edge (nearly none for TeX or groff; LibreOffice places glyphs on a coarse grid, and a
/// full line of DejaVu Serif at 10 pt may end 0.9 pt short), at least half a point.
pub fn justification(lines: &[TextLine], edges: &[f32]) -> Option<f32> {
    let body: Vec<(&TextLine, f32)> = lines
        .iter()
        .zip(edges)
        .filter(|(l, _)| l.role == Role::Body && l.typographic)
        .map(|(l, e)| (l, *e))
        .collect();
    let mut off: Vec<f32> = body
        .iter()
        .map(|(l, e)| ((e - l.bbox.x1).abs(), l.size))
        .filter(|&(d, size)| d < (JUSTIFIED_SLACK_EM * size).max(0.3))
        .map(|(d, _)| d)
        .collect();
    if body.len() < 10 || off.len() * 2 < body.len() {
        return None;
    }
    off.sort_by(f32::total_cmp);
    let typical = off.get(off.len() * 9 / 10).copied().unwrap_or(0.0);
    let dense = dense_end(body.iter().map(|(l, e)| ((e - l.bbox.x1).abs(), l.size)));
    Some((1.5 * typical).max(0.5).max(dense))
}

/// The most a full justified line may end short of its column's edge, in ems.
const JUSTIFIED_SLACK_EM: f32 = 0.12;

/// How far from the edge the lines' offsets (`(offset, size)`, pt) run on densely, each
/// within [`DENSE_GAP_EM`] of the last, up to [`DENSE_WINDOW_EM`]: full lines of a word
/// processor, whose glyphs are each off their widths by up to a tenth of an em, end
/// anywhere within about that of the edge (the last glyph's error), and a line ending
/// there is full; a paragraph's last line is rarely so near.
fn dense_end(offsets: impl Iterator<Item = (f32, f32)>) -> f32 {
    let mut near: Vec<(f32, f32)> = offsets
        .filter(|&(d, size)| d < DENSE_WINDOW_EM * size)
        .collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut end = 0.0;
    for (d, size) in near {
        if d - end > DENSE_GAP_EM * size {
            break;
        }
        end = d;
    }
    end
}

/// Offsets from the edge this many ems apart or less run on ([`dense_end`]).
const DENSE_GAP_EM: f32 = 0.05;

/// [`dense_end`] looks this many ems from the edge.
const DENSE_WINDOW_EM: f32 = 0.25;

/// The short horizontal rules of each page that may set footnotes apart: shorter than half
/// the page's widest line of text, by page.
pub fn separators(layout: &Layout) -> Vec<(u32, kamerbrief_model::Rect)> {
    let mut out = Vec::new();
    for page in &layout.pages {
        let widest = page
            .lines
            .iter()
            .filter(|l| l.role == Role::Body)
            .map(|l| l.bbox.width())
            .fold(0.0f32, f32::max);
        out.extend(
            page.rules
                .iter()
                .filter(|r| r.width() < 0.5 * widest && r.width() > 0.1 * widest)
                .map(|r| (page.number, *r)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use kamerbrief_model::Word;

    #[test]
    fn body_size_is_the_heaviest_of_sizes_within_two_percent() {
        // A reference column in 8 pt seen first, the body in 8.1 pt: the body's size.
        let sizes = [(8.0, 300), (8.1, 2000), (8.0, 200), (6.5, 400)];
        assert_eq!(value_mode(sizes.into_iter()), Some(8.1));
        // Sizes apart count apart: the heavier cluster wins over a heavier single size.
        let sizes = [(10.0, 500), (9.9, 300), (12.0, 600)];
        assert_eq!(value_mode(sizes.into_iter()), Some(10.0));
        assert_eq!(value_mode(std::iter::empty()), None);
        assert_eq!(value_mode([(f32::NAN, 5)].into_iter()), None);
    }

    #[test]
    fn line_pitch_is_the_usual_step_not_the_first_seen_near_it() {
        // One step 2 % over the usual one, seen first, does not stand for the rest (a
        // heading's space measured against it would fall short of "spaced out").
        let steps = [(12.12, 1), (11.89, 1), (11.89, 1), (11.88, 1), (11.89, 1)];
        assert_eq!(value_mode(steps.into_iter()), Some(11.89));
    }

    /// The text takes the extractor's words as they are: a word processor's narrow space
    /// (a tenth of an em) keeps its words apart; an attached word joins the one before (a
    /// stop after a footnote's marker, once the marker is taken out).
    #[test]
    fn words_join_as_the_extractor_attached_them() {
        let word = |text: &str, x0: f32, x1: f32, superscript: bool, attached: bool| Word {
            text: text.to_string(),
            bbox: Rect {
                x0,
                y0: 90.0,
                x1,
                y1: 100.0,
            },
            font: "Calibri".to_string(),
            size: if superscript { 6.0 } else { 10.0 },
            superscript,
            attached,
            ..Word::default()
        };
        let line = Line {
            words: vec![
                word("Voorzitter", 10.0, 50.0, false, false),
                word("van", 50.5, 65.0, false, false),
                word("voorzien", 67.0, 100.0, false, false),
                word("1", 100.0, 103.0, true, true),
                word(".", 103.0, 105.0, false, true),
            ],
            ..Line::default()
        };
        let text_line = TextLine::from_line(1, &line);
        assert_eq!(text_line.text, "Voorzitter van voorzien.");
        assert_eq!(text_line.markers, vec![("1".to_string(), 23)]);
    }

    /// Twenty ragged lines ending 400 to 495 pt: the edge of the full lines is their 90th
    /// percentile, the measure they were broken to is where the longest end.
    #[test]
    fn a_ragged_columns_measure_is_where_its_longest_lines_end() {
        let lines: Vec<TextLine> = (0..20)
            .map(|i| {
                let mut line = TextLine::plain(1, i, "woorden van een regel");
                line.bbox.x0 = 50.0;
                line.bbox.x1 = 400.0 + 5.0 * i as f32;
                line
            })
            .collect();
        let (edges, measures) = column_edges(&lines, |_| false);
        assert_eq!(edges.first(), Some(&490.0));
        assert_eq!(measures.first(), Some(&495.0));
    }

    #[test]
    fn an_inline_label_at_a_line_end_is_no_sentence_end() {
        assert!(!TextLine::plain(1, 0, "dreigingen (global approach); 6.").ends_sentence());
        assert!(TextLine::plain(1, 0, "bijeenkomst in 2021.").ends_sentence());
        assert!(TextLine::plain(1, 0, "zoals in artikel 5.").ends_sentence());
    }
}
