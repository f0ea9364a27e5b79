//! Body lines → blocks: paragraphs, headings, list items.
//!
//! A paragraph ends where the next line is set apart: a vertical gap larger than the line
//! pitch, a first-line indent, a change of emphasis (a bold heading), a list label. Across a
//! page or column break the gap cannot be seen; there a sentence-final line ends the paragraph
//! only when the next line's first word would have fitted on it (so the line was ended on
//! purpose), or, in a letter that indents its paragraphs, when the new column's first line
//! is indented. Headings are found from typography and spacing, never from their words.

use std::sync::LazyLock;

use regex::Regex;

use super::join::BREAK_HYPHENS;
use crate::lines::{Measures, TextLine};
use crate::patterns::{heading_number, is_caption, is_contents_entry};
use crate::regex;

/// Where each line's column ends, and whether the text is justified.
pub struct Edges {
    /// By line index, as [`crate::lines::column_edges`] computes them.
    pub by_line: Vec<f32>,
    pub justified: bool,
    /// In justified text, how far short of its edge a full line may end.
    pub slack: f32,
    /// Justified, but lines are left short inside sentences too (where the spaces would
    /// have grown too wide): a short line does not show that it ended on purpose.
    pub loose: bool,
    /// The body sets its paragraphs apart by space ([`paragraphs_spaced`]).
    pub spaced: bool,
    /// Ragged, but lines are broken early inside sentences, where the next line's first
    /// word would have fitted (a total-fit line breaker's, FOP's): room at the end of a
    /// line inside a sentence does not show that it ended on purpose.
    pub early: bool,
    /// By line index, in ragged text, how far the line's column lets lines reach (as
    /// [`crate::lines::column_edges`] measures it); empty in justified text and text input.
    pub measures: Vec<f32>,
    /// Line indices, to look lines up by identity.
    pub index: std::collections::HashMap<(u32, usize), usize>,
}

impl Edges {
    /// The edges of `lines`' columns, measured on the lines that are not front matter
    /// (`front`, indices into `lines`); whether the body (`body`) is loosely justified.
    pub fn new(lines: &[TextLine], front: &[usize], body: &[usize], m: &Measures) -> Edges {
        let front: std::collections::HashSet<usize> = front.iter().copied().collect();
        let (by_line, measures) = crate::lines::column_edges(lines, |i| front.contains(&i));
        let justification = crate::lines::justification(lines, &by_line);
        let justified = justification.is_some();
        // Text input's lines are a typesetter's lines without their stretch (justified
        // ones end anywhere), so only their edge is known, not a measure.
        let measures = if justified || !lines.iter().any(|l| l.typographic) {
            Vec::new()
        } else {
            measures
        };
        let index = lines
            .iter()
            .enumerate()
            .map(|(i, l)| ((l.page, l.source), i))
            .collect();
        let mut edges = Edges {
            by_line,
            justified,
            slack: justification.unwrap_or(0.5),
            loose: false,
            spaced: false,
            early: false,
            measures,
            index,
        };
        edges.loose = justified
            && short_inside_sentences(lines, body, m, LOOSE_SHARE, |prev, _| {
                edges.of(prev) - prev.bbox.x1 > m.size
            });
        edges.early = !justified
            && short_inside_sentences(lines, body, m, EARLY_SHARE, |prev, line| {
                next_word_fitted(prev, line, m, &edges)
            });
        edges.spaced = justified && paragraphs_spaced(lines, body, m, &edges);
        edges
    }

    /// The right edge of the column `line` stands in.
    pub fn of(&self, line: &TextLine) -> f32 {
        self.position(line)
            .and_then(|i| self.by_line.get(i))
            .copied()
            .unwrap_or(f32::INFINITY)
    }

    /// How far a line of the column `line` stands in may reach: its edge where justified,
    /// its measure where ragged.
    fn reach(&self, line: &TextLine) -> f32 {
        self.position(line)
            .and_then(|i| self.measures.get(i).or(self.by_line.get(i)))
            .copied()
            .unwrap_or(f32::INFINITY)
    }

    /// `line`'s index among the lines the edges were measured on.
    fn position(&self, line: &TextLine) -> Option<usize> {
        self.index.get(&(line.page, line.source)).copied()
    }
}

/// The pairs of consecutive lines of `body` (indices into `lines`).
fn consecutive<'l>(
    lines: &'l [TextLine],
    body: &'l [usize],
) -> impl Iterator<Item = (&'l TextLine, &'l TextLine)> + 'l {
    body.windows(2).filter_map(|pair| match pair {
        [a, b] => Some((lines.get(*a)?, lines.get(*b)?)),
        _ => None,
    })
}

/// Lines of the body (`body`) left short (`left_short`, given the next line) in the middle of a sentence,
/// the next line running on in lower case at the same edge without a gap: at least
/// [`LOOSE_LINES`] of them, and one in `share` of the lines that run on so.
fn short_inside_sentences(
    lines: &[TextLine],
    body: &[usize],
    m: &Measures,
    share: usize,
    left_short: impl Fn(&TextLine, &TextLine) -> bool,
) -> bool {
    let (mut short, mut running_on) = (0usize, 0usize);
    for (prev, line) in consecutive(lines, body) {
        if !in_flow(prev, line)
            || gap_before(prev, line, m)
            || !at_same_edge(prev, line, m)
            || prev.ends_sentence()
            || !line.starts_lowercase()
            || is_emphasised(prev, m)
        {
            continue;
        }
        running_on += 1;
        short += usize::from(left_short(prev, line));
    }
    short >= LOOSE_LINES && short * share >= running_on
}

/// The body sets its paragraphs apart by space: a gap stands under [`SPACED_ENDS`] line or
/// more that close a sentence, the next opening with a capital at the same edge, and none
/// is missing where the next line's first word would have fitted after such a line (a
/// paragraph's end for certain).
fn paragraphs_spaced(lines: &[TextLine], body: &[usize], m: &Measures, edges: &Edges) -> bool {
    let (mut spaced, mut unspaced) = (0usize, 0usize);
    for (prev, line) in consecutive(lines, body) {
        let ends = ends_with_full_stop(prev) && line.text.starts_with(char::is_uppercase);
        if !in_flow(prev, line) || !ends || !at_same_edge(prev, line, m) {
            continue;
        }
        if gap_before(prev, line, m) {
            spaced += 1;
        } else if next_word_fitted(prev, line, m, edges) {
            unspaced += 1;
        }
    }
    spaced >= SPACED_ENDS && unspaced == 0
}

/// One will do where no sentence-final line with room after it runs on without a gap: a
/// short letter in two columns may show a single paragraph's end in a column's flow.
const SPACED_ENDS: usize = 1;

const LOOSE_LINES: usize = 3;
const LOOSE_SHARE: usize = 20;
/// A greedy breaker never leaves room for the next word inside a sentence, so fewer such
/// lines tell a total-fit one (FOP's: 22 of 408; the layouts' in three narrow columns: 1
/// in 22).
const EARLY_SHARE: usize = 40;

/// A block before it becomes part of the letter: its lines and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub lines: Vec<usize>,
    pub kind: DraftKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DraftKind {
    Paragraph,
    /// Cells side by side: the lines grouped into rows by baseline.
    Table,
    Heading {
        number: Option<String>,
        level: u8,
    },
    Item {
        label: String,
    },
}

/// The label of a list item at the start of `text`.
pub fn item_label(text: &str) -> Option<&str> {
    crate::patterns::item_label(text)
}

/// Splits body lines (`range`, indices into `lines`) into drafts.
pub fn segment(lines: &[TextLine], range: &[usize], m: &Measures, edges: &Edges) -> Vec<Draft> {
    let emphasis = m.typographic
        && range
            .iter()
            .filter_map(|&i| lines.get(i))
            .any(|l| is_emphasised(l, m));
    let openings = Openings::count(lines, range, m, edges);
    let marks = Marks {
        emphasis,
        spaced: spaced_paragraphs(lines, range, m, edges),
        indented: openings.indented_paragraphs(),
        indented_and_spaced: openings.indents_spaced_out(),
        spaced_a_little: spaced_a_little(lines, range, m, edges),
        opened_indented: false,
        opened_set_in: false,
        first_line_set_in: false,
        lone_line_set_in: false,
        never_by_space: openings.spaced == 0,
        inline_number: false,
        opened_plain: false,
        stress_runs_into_text: false,
        stress_entered_mid_sentence: false,
        stress_ends_sentence: false,
        column_ended_short: false,
    };
    let columns = Columns::new(lines, range, m, edges);
    let mut tables = table_runs(lines, range, m);
    tables.extend(contents_runs(lines, range));
    tables.sort_by_key(|r| r.start);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut in_list = false;
    // The running list's label edge, and whether its items hang (continuation lines set
    // in from the label): then an unlabelled line back at the label's edge ends the item.
    let mut label_x: Option<f32> = None;
    let mut hanging = false;
    // How far the items' continuation lines stand in from their labels.
    let mut hang = 0.0f32;
    let mut previous: Option<&TextLine> = None;
    // Whether the previous line opened its group (a paragraph's first line, maybe indented).
    let mut previous_opened_group = false;
    for (pos, &i) in range.iter().enumerate() {
        let Some(line) = lines.get(i) else { continue };
        if let Some(run) = tables.iter().find(|r| r.contains(&pos)) {
            if pos == run.start {
                groups.push(Vec::new());
            }
            if let Some(group) = groups.last_mut() {
                group.push(i);
            }
            previous = None;
            in_list = false;
            continue;
        }
        let labelled = item_label(&line.text).is_some();
        let inline_number = labelled && {
            let next_lines = range.get(pos..).unwrap_or_default().iter();
            runs_on_inline(next_lines.filter_map(|&j| lines.get(j)).map(|l| &*l.text))
        };
        let opens_item = labelled
            && previous.is_none_or(|p| {
                in_list || item_set_apart(p, line, m, edges, previous_opened_group, inline_number)
            });
        // After a break into a column elsewhere on the page (not the same column on the
        // next page) the labels' edge is the new column's, not the old one's (set below,
        // from the hang): a line far left of the old labels is not back at them.
        let crossed = previous.is_some_and(|p| crosses_columns(p, line, m));
        let elsewhere = crossed
            && label_x.is_some_and(|x| {
                line.bbox.x0 < x - 0.5 * m.size || line.bbox.x0 > x + hang + 0.5 * m.size
            });
        let back_at_label = in_list
            && hanging
            && !opens_item
            && !elsewhere
            && label_x.is_some_and(|x| line.bbox.x0 < x + 0.5 * m.size);
        let leaves_item = in_list
            && hanging
            && !opens_item
            && previous
                .is_some_and(|p| leaves_hanging_item(lines, range, pos, p, label_x, hang, m));
        // A list of one-line items (no hang to tell by): after a page or column break, an
        // unlabelled sentence after an item that ended with a full stop is the text after
        // the list, not more of the item.
        let leaves_flush_item = in_list
            && !hanging
            && !opens_item
            && crossed
            && previous.is_some_and(|p| p.ends_sentence() && p.text.trim_end().ends_with('.'))
            && line.text.chars().next().is_some_and(char::is_uppercase);
        // At the body's end, the line under it in its column (the closing's first) still
        // shows the column's edge.
        let next = match range.get(pos + 1) {
            Some(&j) => lines.get(j),
            None => lines
                .get(i + 1)
                .filter(|n| n.role == kamerbrief_model::Role::Body),
        };
        let new_group = match previous {
            None => true,
            Some(prev) => {
                opens_item || back_at_label || leaves_item || leaves_flush_item || {
                    let opening = opening_indent(&groups, lines, m);
                    breaks_between(
                        prev,
                        line,
                        next,
                        m,
                        in_list,
                        edges,
                        Marks {
                            opened_indented: opened_indented(opening, &groups, line, lines, m),
                            opened_set_in: opening
                                .is_some_and(|(indent, _)| is_first_line_indent(indent, m)),
                            first_line_set_in: first_line_set_in(&groups, line, lines, m),
                            lone_line_set_in: lone_line_set_in(&groups, lines, m),
                            inline_number,
                            opened_plain: groups
                                .last()
                                .and_then(|g| g.first())
                                .and_then(|&j| lines.get(j))
                                .is_some_and(|l| !is_emphasised(l, m)),
                            stress_runs_into_text: stress_runs_into_text(
                                lines, range, pos, m, edges,
                            ),
                            stress_entered_mid_sentence: stress_entered_mid_sentence(
                                lines, range, pos, m, edges,
                            ),
                            stress_ends_sentence: stress_ends_sentence(lines, range, pos, m),
                            column_ended_short: crossed
                                && !in_list
                                && !marks.indented
                                && column_ended_short(lines, range, pos, &columns, m, edges),
                            ..marks
                        },
                    )
                }
            }
        };
        if opens_item {
            label_x = Some(line.bbox.x0);
        } else if elsewhere && in_list && hanging && !new_group {
            // An item running on into the next column: its labels would stand a hang left.
            label_x = Some(line.bbox.x0 - hang);
        } else if in_list
            && !new_group
            && let Some(x) = label_x
            && line.bbox.x0 > x + 0.5 * m.size
        {
            let same_flow =
                previous.is_some_and(|p| p.page == line.page && line.baseline > p.baseline);
            if same_flow && !hanging {
                hang = line.bbox.x0 - x;
            }
            hanging = true;
        }
        if new_group && !opens_item {
            label_x = None;
            hanging = false;
        }
        if new_group {
            in_list = opens_item;
            groups.push(vec![i]);
        } else if let Some(group) = groups.last_mut() {
            group.push(i);
        }
        previous = Some(line);
        previous_opened_group = new_group;
    }
    let table_groups: Vec<Vec<usize>> = tables
        .iter()
        .filter_map(|r| range.get(r.clone()).map(<[usize]>::to_vec))
        .collect();
    let groups = merge_continuations(groups, lines, &table_groups);
    let groups = merge_item_bodies(groups, lines, m);
    let mut drafts = classify(groups, lines, m, emphasis, edges, &table_groups);
    assign_heading_levels(&mut drafts, lines);
    drafts
}

/// How a heading is set: size (to a tenth of a point), bold, italic.
type HeadingStyle = (i32, bool, bool);

/// Levels of unnumbered headings from their typography: the most prominent style (larger,
/// then bold, then upright) is level 1, the next 2, and so on. A numbered heading keeps the
/// depth of its number (`2.1` is level 2).
fn assign_heading_levels(drafts: &mut [Draft], lines: &[TextLine]) {
    let style = |draft: &Draft| -> Option<HeadingStyle> {
        let line = draft.lines.first().and_then(|&i| lines.get(i))?;
        Some(((line.size * 10.0).round() as i32, line.bold, line.italic))
    };
    let mut styles: Vec<HeadingStyle> = drafts
        .iter()
        .filter(|d| matches!(d.kind, DraftKind::Heading { .. }))
        .filter_map(style)
        .collect();
    styles.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    styles.dedup();
    // A style shared with numbered headings takes their (shallowest) level.
    let numbered_level = |s: HeadingStyle| {
        drafts
            .iter()
            .filter(|d| style(d) == Some(s))
            .filter_map(|d| match &d.kind {
                DraftKind::Heading {
                    number: Some(_),
                    level,
                } => Some(*level),
                _ => None,
            })
            .min()
    };
    let mut levels: Vec<(HeadingStyle, u8)> = Vec::new();
    let mut next = 1u8;
    for s in styles {
        let level = numbered_level(s).unwrap_or(next);
        levels.push((s, level));
        next = level.saturating_add(1);
    }
    for draft in drafts.iter_mut() {
        let s = style(draft);
        if let DraftKind::Heading {
            number: None,
            level,
        } = &mut draft.kind
            && let Some((_, l)) = levels.iter().find(|(k, _)| Some(*k) == s)
        {
            *level = *l;
        }
    }
}

fn gap_before(prev: &TextLine, line: &TextLine, m: &Measures) -> bool {
    prev.page == line.page && line.baseline - prev.baseline > 1.45 * m.pitch
}

/// A labelled line opens a list item, not only continues a sentence that wrapped before a
/// dash or a number (`…; 2. het vergroten`): the line before ends a lead-in (`:`) or ended
/// on purpose (the label would have fitted on it; for a dash or a number past the first
/// after a sentence's middle, not where ragged lines are broken early, [`Edges::early`]:
/// they may be the sentence's own), and
/// the line's number is not one of an enumeration that runs on inline (`6. klimaat; 7. het
/// …`); or it stands apart (a gap); or the
/// label stands left of the line before (the hanging indent of a list; not when that line
/// opened a paragraph, whose first line may be indented: `prev_opened_group`).
fn item_set_apart(
    prev: &TextLine,
    line: &TextLine,
    m: &Measures,
    edges: &Edges,
    prev_opened_group: bool,
    inline_number: bool,
) -> bool {
    let on_purpose = || {
        ended_on_purpose(prev, line, m, edges)
            && !(edges.early && label_may_be_text(line) && !prev.ends_sentence())
    };
    ((prev.text.ends_with(':') || on_purpose()) && !inline_number)
        || gap_before(prev, line, m)
        || (!prev_opened_group
            && prev.page == line.page
            && line.bbox.x0 < prev.bbox.x0 - 0.5 * m.size)
}

/// The line's label may be the sentence's own text: a dash, which sentences use as
/// punctuation too, or a number past the first with a full stop, as a sentence ends on one
/// and an enumeration runs on in one (`artikel` / `5. Cybereffecten`, `… en` / `8. het
/// herzien`), where a list's first item would be `1.`.
fn label_may_be_text(line: &TextLine) -> bool {
    item_label(&line.text).is_some_and(|label| {
        let number = label.strip_suffix('.').and_then(|n| n.parse::<u32>().ok());
        matches!(label, "-" | "–" | "—") || number.is_some_and(|n| n > 1)
    })
}

/// Lines opening with a number whose sequence goes on inside the text, not at a line's
/// start (`1. meer aandacht …; 2. het vergroten …`, on one line or wrapped over several): an
/// enumeration running inline after a lead-in, not the first item of a list. A list's
/// numbers all open lines; an inline enumeration may wrap one to a line's start by chance,
/// and then a later one runs inline. `lines` are the numbered line's text and the texts
/// after it.
fn runs_on_inline<'t>(mut lines: impl Iterator<Item = &'t str>) -> bool {
    let Some(first) = lines.next() else {
        return false;
    };
    let Some(label) = item_label(first) else {
        return false;
    };
    let Ok(n) = label.trim_end_matches(['.', ')']).parse::<u32>() else {
        return false;
    };
    // The sequence's next number, followed through the lines: one at a line's start may be
    // a list's next item or an inline one wrapped there by chance; one inside a line after
    // `;` or `,` is inline.
    let mut next = n + 1;
    let inside = |text: &str, next: u32| {
        ["; ", ", "].iter().any(|before| {
            let mark = format!("{before}{next}.");
            text.contains(&format!("{mark} ")) || text.ends_with(&mark)
        })
    };
    let rest = first.get(label.len()..).unwrap_or_default();
    if inside(rest, next) {
        return true;
    }
    for text in lines.take(INLINE_LOOKAHEAD_LINES) {
        let label = format!("{next}.");
        if text.starts_with(&format!("{label} ")) || text.trim_end() == label {
            next += 1;
            if inside(text, next) {
                return true;
            }
            continue;
        }
        if inside(text, next) {
            return true;
        }
    }
    false
}

/// Lines after a numbered line searched for its sequence's next number running inline.
const INLINE_LOOKAHEAD_LINES: usize = 6;

/// `prev` stopped short of its column's edge although `line`'s first word would have fitted
/// there (in justified text: stopped short at all, unless the justification leaves lines
/// short inside sentences too, or the line is one word, which has no space to stretch, or
/// paragraphs are set apart by space and none stands under it): the line was broken on
/// purpose.
fn ended_on_purpose(prev: &TextLine, line: &TextLine, m: &Measures, edges: &Edges) -> bool {
    let edge = edges.of(prev);
    if !edge.is_finite() {
        return false;
    }
    if edges.justified && !edges.loose && prev.text.trim().contains(' ') {
        // Where paragraphs are set apart by space, a line left short with none under it in
        // its column, its successor's first word not fitting after it, is one whose spaces
        // would have grown too wide, not a paragraph's end.
        if edges.spaced
            && in_flow(prev, line)
            && !gap_before(prev, line, m)
            && !next_word_fitted(prev, line, m, edges)
        {
            return false;
        }
        return edge - prev.bbox.x1 > edges.slack;
    }
    next_word_fitted(prev, line, m, edges)
}

/// `line`'s first word would have fitted at the end of `prev`, in justified text too (where
/// a line left short without that may be one whose spaces would have grown too wide).
fn next_word_fitted(prev: &TextLine, line: &TextLine, m: &Measures, edges: &Edges) -> bool {
    let edge = edges.reach(prev);
    edge.is_finite() && room_needed(prev, line, m) <= edge - prev.bbox.x1
}

/// The room `line`'s first word needs at the end of `prev`: the word and a space, with some
/// slack (widths are measured, not known exactly), or the gap `prev`'s words stand apart by
/// where it is wider (letter spacing, whose tracking after a word's last letter lies in the
/// gap and not in the word's box).
fn room_needed(prev: &TextLine, line: &TextLine, m: &Measures) -> f32 {
    line.first_word_width + (0.8 * m.size).max(prev.word_gap)
}

/// The line at `pos`, after `prev` in a hanging list (labels at `label_x`, continuation lines
/// `hang` in from them) and not labelled, starts the paragraph after the list: `prev` finished
/// its sentence, and
/// - in the same column, with some space between: the line does not start where the items'
///   lines do, or its next line goes back to the labels' edge unlabelled (a first-line
///   indent near the items' text), or, at the next column's top, stands at that column's
///   labels' edge;
/// - in the same column with no space: it stands between the labels' edge and the items'
///   text, and its next line goes back to the labels' edge, or stands at the next column's
///   (an indented first line, maybe its column's last);
/// - in the same column, its sentence running on at the labels' edge (where no item's line
///   stands);
/// - across a column or page break: it stands at the new column's labels' edge
///   ([`at_new_columns_edge`]).
fn leaves_hanging_item(
    lines: &[TextLine],
    range: &[usize],
    pos: usize,
    prev: &TextLine,
    label_x: Option<f32>,
    hang: f32,
    m: &Measures,
) -> bool {
    let Some(line) = range.get(pos).and_then(|&i| lines.get(i)) else {
        return false;
    };
    if !prev.ends_sentence() {
        return false;
    }
    if prev.page != line.page || line.baseline < prev.baseline {
        return at_new_columns_edge(lines, range, pos, hang, m);
    }
    let next_back_at_label = || {
        range
            .get(pos + 1)
            .and_then(|&j| lines.get(j))
            .is_some_and(|n| {
                n.page == line.page
                    && item_label(&n.text).is_none()
                    && label_x.is_some_and(|x| n.bbox.x0 < x + 0.5 * m.size)
            })
    };
    // The line ends its column: its next line, at the next column's top, stands where that
    // column's labels would, not at the items' text. (Not after a colon: what it announces
    // is the item's.)
    let next_at_new_columns_edge = || {
        !prev.text.trim_end().ends_with(':')
            && range
                .get(pos + 1)
                .and_then(|&j| lines.get(j))
                .is_some_and(|n| {
                    (n.page != line.page || n.baseline < line.baseline)
                        && item_label(&n.text).is_none()
                        && at_new_columns_edge(lines, range, pos + 1, hang, m)
                })
    };
    // Or, with no space to tell: it is set in from the labels' edge, but not as far as the
    // items' text, and its next line goes back to the labels' edge (a paragraph's indented
    // first line after the list).
    let between_label_and_text = label_x.is_some_and(|x| {
        hang > 0.0 && line.bbox.x0 > x + 0.5 * m.size && line.bbox.x0 < x + hang - 0.2 * m.size
    });
    // Or its sentence runs on at the labels' edge: an item's lines never go back there.
    let sentence_runs_on_at_label = || {
        !line.ends_sentence()
            && range
                .get(pos + 1)
                .and_then(|&j| lines.get(j))
                .is_some_and(|n| n.starts_lowercase())
            && next_back_at_label()
    };
    (line.baseline - prev.baseline > 1.15 * m.pitch
        && ((line.bbox.x0 - prev.bbox.x0).abs() > 0.2 * m.size
            || next_back_at_label()
            || next_at_new_columns_edge()))
        || (between_label_and_text && (next_back_at_label() || next_at_new_columns_edge()))
        || sentence_runs_on_at_label()
}

/// The line at `pos`, the first after a column or page break inside a hanging list, stands
/// where the new column's labels would: no later line of the page stands left of it by about
/// the items' hang (`hang`), or it is an indented first line whose next line, unlabelled,
/// goes back by about that much.
fn at_new_columns_edge(
    lines: &[TextLine],
    range: &[usize],
    pos: usize,
    hang: f32,
    m: &Measures,
) -> bool {
    let Some(line) = range.get(pos).and_then(|&i| lines.get(i)) else {
        return false;
    };
    let in_reach = |l: &TextLine| {
        let d = line.bbox.x0 - l.bbox.x0;
        d > 0.5 * hang && d < hang + 0.5 * m.size
    };
    let mut later = range
        .get(pos + 1..)
        .unwrap_or_default()
        .iter()
        .filter_map(|&j| lines.get(j))
        .take_while(|l| l.page == line.page);
    let Some(next) = later.next() else {
        return false;
    };
    if item_label(&next.text).is_none() && in_reach(next) {
        return true;
    }
    hang > 0.0 && !in_reach(next) && !later.any(in_reach)
}

/// Whether the letter sets its paragraphs apart by vertical space: of the sentence-final
/// lines that ended on purpose in the flow of a column (not before a list item), most are
/// followed by a gap. Then a line that ends short without a gap does not end its paragraph
/// (a line break inside it); otherwise (paragraphs separated by a line break only) it does.
fn spaced_paragraphs(lines: &[TextLine], range: &[usize], m: &Measures, edges: &Edges) -> bool {
    let (mut gap, mut no_gap) = (0, 0);
    for pair in range.windows(2) {
        let (Some(prev), Some(line)) = (
            pair.first().and_then(|&i| lines.get(i)),
            pair.get(1).and_then(|&i| lines.get(i)),
        ) else {
            continue;
        };
        let in_flow = prev.page == line.page && line.baseline > prev.baseline;
        // A list's items say nothing of how its paragraphs part.
        if !in_flow
            || !prev.ends_sentence()
            || line.starts_lowercase()
            || item_label(&line.text).is_some()
            || !ended_on_purpose(prev, line, m, edges)
        {
            continue;
        }
        if gap_before(prev, line, m) {
            gap += 1;
        } else {
            no_gap += 1;
        }
    }
    gap >= no_gap
}

/// Whether the letter sets its paragraphs apart by a little space, less than a gap
/// ([`gap_before`]) but more than [`SPACED_OUT_PITCHES`] (groff's `-ms` sets 0.3 of a line
/// by default, LaTeX's `parskip` a few points): in the flow of a column, two sentence-final
/// lines or more stand over such a space, the next opening with a capital at the same edge;
/// none that ended on purpose stands close over the next paragraph (its first word would
/// have fitted after it); and hardly a line stands so far under one whose sentence it goes
/// on, in lower case (a paragraph's lines are set at the pitch, not spaced out at random).
fn spaced_a_little(lines: &[TextLine], range: &[usize], m: &Measures, edges: &Edges) -> bool {
    let (mut spaced, mut close, mut inside) = (0usize, 0usize, 0usize);
    for (prev, line) in consecutive(lines, range) {
        if !in_flow(prev, line) || !at_same_edge(prev, line, m) || gap_before(prev, line, m) {
            continue;
        }
        let spaced_out = spaced_out(prev, line, m);
        if prev.ends_sentence()
            && line.text.starts_with(char::is_uppercase)
            && item_label(&line.text).is_none()
        {
            if spaced_out {
                spaced += 1;
            } else if next_word_fitted(prev, line, m, edges) {
                close += 1;
            }
        } else if !prev.ends_sentence() && line.starts_lowercase() && spaced_out {
            inside += 1;
        }
    }
    spaced >= SPACED_A_LITTLE_ENDS && close == 0 && inside * SPACED_PER_STRAY <= spaced
}

/// [`spaced_a_little`] wants this many paragraph ends over a little space.
const SPACED_A_LITTLE_ENDS: usize = 2;
/// … and this many for each line as far under one whose sentence it goes on (a paragraph
/// running on after a page's end, which a typesetter set as a paragraph of its own).
const SPACED_PER_STRAY: usize = 5;

/// How the letter marks a paragraph's start inside a column, read from the whole body.
#[derive(Clone, Copy)]
struct Marks {
    /// Headings and the like stand out by emphasis (bold, italic, larger type).
    emphasis: bool,
    /// Paragraphs are set apart by vertical space ([`spaced_paragraphs`]).
    spaced: bool,
    /// Paragraphs open with a first-line indent ([`Openings::indented_paragraphs`]).
    indented: bool,
    /// … and stand apart by a little space too ([`Openings::indents_spaced_out`]).
    indented_and_spaced: bool,
    /// Paragraphs stand apart by a little space alone, under a gap's ([`spaced_a_little`]).
    spaced_a_little: bool,
    /// The paragraph read so far opened with a first-line indent (a line's own mark).
    opened_indented: bool,
    /// … set in itself (not flush after a heading), wherever the line after it stands.
    opened_set_in: bool,
    /// The paragraph read so far is one line, set in from the line after it
    /// ([`first_line_set_in`]).
    first_line_set_in: bool,
    /// The paragraph read so far is one line, set in from the line above it
    /// ([`lone_line_set_in`]).
    lone_line_set_in: bool,
    /// No paragraph in the flow of a column opens by space alone, nor do the sentence-final
    /// lines show space after them: an indent is what could mark one.
    never_by_space: bool,
    /// The line opens with a number of an enumeration that runs on inline
    /// ([`runs_on_inline`]): the sentence goes on, wherever the line before ended.
    inline_number: bool,
    /// The paragraph read so far opened with a plain line (not a heading's emphasis).
    opened_plain: bool,
    /// The line opens stressed words that run on into plain text
    /// ([`stress_runs_into_text`]).
    stress_runs_into_text: bool,
    /// The line leaves stressed words that a sentence ran into
    /// ([`stress_entered_mid_sentence`]).
    stress_entered_mid_sentence: bool,
    /// The line opens stressed lines that end a sentence of their own
    /// ([`stress_ends_sentence`]).
    stress_ends_sentence: bool,
    /// The line opens a column after one that ended short ([`column_ended_short`]).
    column_ended_short: bool,
}

/// How the paragraphs of a range open, in the flow of a column after a finished sentence
/// (plain lines, not emphasised, no list label).
#[derive(Default)]
struct Openings {
    /// Lines set in by a first-line indent that their next line goes back from (a first
    /// line, not a hanging list or a quotation).
    indents: usize,
    /// Of those, the ones with more than [`SPACED_OUT_PITCHES`] above.
    spaced_out: usize,
    /// Lines at the previous line's edge below a gap: breaks made by space alone (not
    /// headings in plain type, [`set_as_heading`]).
    spaced: usize,
}

impl Openings {
    /// Whether the letter marks its paragraphs by a first-line indent: a line set in by one
    /// (a short letter may have only one), and such indents outnumber the paragraph breaks
    /// made by space alone.
    fn indented_paragraphs(&self) -> bool {
        self.indents >= 1 && self.indents > self.spaced
    }

    /// Whether the letter's paragraphs open with a first-line indent *and* a little space
    /// (over [`SPACED_OUT_PITCHES`]): an indent at least, nine in ten of them with that
    /// space above.
    fn indents_spaced_out(&self) -> bool {
        self.indents >= 1 && self.spaced_out * 10 >= self.indents * 9
    }

    fn count(lines: &[TextLine], range: &[usize], m: &Measures, edges: &Edges) -> Openings {
        let mut o = Openings::default();
        for (k, run) in range.windows(3).enumerate() {
            let [Some(prev), Some(line), Some(next)] =
                [0, 1, 2].map(|k| run.get(k).and_then(|&i| lines.get(i)))
            else {
                continue;
            };
            let plain = |l: &TextLine| !is_emphasised(l, m) && item_label(&l.text).is_none();
            // The line before may be stressed (a sentence set in italic ends a paragraph as
            // well as a plain one), not labelled.
            let unlabelled = item_label(&prev.text).is_none();
            if !in_flow(prev, line) || !prev.ends_sentence() || !unlabelled || !plain(line) {
                continue;
            }
            let indent = line.bbox.x0 - prev.bbox.x0;
            if is_first_line_indent(indent, m) && in_flow(line, next) && at_same_edge(next, prev, m)
            {
                o.indents += 1;
                if spaced_out(prev, line, m) {
                    o.spaced_out += 1;
                }
            } else if gap_before(prev, line, m)
                && at_same_edge(line, prev, m)
                && !in_hanging_item(lines, range.get(..=k).unwrap_or_default(), m)
                && !set_as_heading(line, next, m, edges)
            {
                o.spaced += 1;
            }
        }
        o
    }
}

/// `line` is a heading set in plain type: it leaves its sentence unfinished, and the
/// line under it in its flow opens with a word that would have fitted on it.
fn set_as_heading(line: &TextLine, next: &TextLine, m: &Measures, edges: &Edges) -> bool {
    !line.ends_sentence() && in_flow(line, next) && next_word_fitted(line, next, m, edges)
}

/// The last of `run` (indices into `lines`) is a hanging list item's line: it and the lines
/// above it in its flow at its edge follow a labelled line that stands left of them (a
/// line at the edge of the items' text is not one at the column's).
fn in_hanging_item(lines: &[TextLine], run: &[usize], m: &Measures) -> bool {
    let mut above = run.iter().rev().filter_map(|&i| lines.get(i));
    let Some(last) = above.next() else {
        return false;
    };
    let mut below = last;
    for line in above {
        if !in_flow(line, below) {
            return false;
        }
        if item_label(&line.text).is_some() {
            return line.bbox.x0 < last.bbox.x0 - 0.5 * m.size;
        }
        if !at_same_edge(line, last, m) {
            return false;
        }
        below = line;
    }
    false
}

/// Reading goes back up at least this many pitches at a column break (not a formula's
/// pieces set above their line).
const COLUMN_BREAK_PITCHES: f32 = 2.0;

/// A line this many pitches below the one before it stands apart by some space.
const SPACED_OUT_PITCHES: f32 = 1.15;

/// The line is set in italic, not bold: words stressed inside a sentence (a title, a term),
/// as headings, labels and stressed paragraphs are set in bold.
fn sets_words_in_italic(line: &TextLine) -> bool {
    line.italic && !line.bold
}

/// `line` stands apart from `prev` above it by some space ([`SPACED_OUT_PITCHES`]).
fn spaced_out(prev: &TextLine, line: &TextLine, m: &Measures) -> bool {
    line.baseline - prev.baseline > SPACED_OUT_PITCHES * m.pitch
}

/// Whether the last group opened as a paragraph does where paragraphs open with an indent:
/// its first line set in from its second, in the flow of one column (a paragraph of two
/// lines or more, not a line centred on its own), or from the line above it when it is the
/// last of its column and runs on into the next, or flush right after a heading (where
/// such letters leave out the indent); and `line`, next after the group, stands where its
/// last does and is not a list item's.
/// `opening`: the group's [`opening_indent`].
fn opened_indented(
    opening: Option<(f32, bool)>,
    groups: &[Vec<usize>],
    line: &TextLine,
    lines: &[TextLine],
    m: &Measures,
) -> bool {
    if groups.last().is_none_or(|g| g.len() < 2) {
        return false;
    }
    let Some((indent, after_heading)) = opening else {
        return false;
    };
    let last = groups
        .last()
        .and_then(|g| g.last())
        .and_then(|&i| lines.get(i));
    (is_first_line_indent(indent, m) || (after_heading && indent.abs() < 0.5 * m.size))
        && last.is_some_and(|last| at_same_edge(line, last, m))
        && item_label(&line.text).is_none()
}

/// How far the last group's first line is set in (see [`opened_indented`]; a group of one
/// line from the edge the group above shows), and whether it follows a heading.
fn opening_indent(groups: &[Vec<usize>], lines: &[TextLine], m: &Measures) -> Option<(f32, bool)> {
    let (group, before) = groups.split_last()?;
    let mut first_two = group.iter().take(2).filter_map(|&i| lines.get(i));
    let first = first_two.next()?;
    let Some(second) = first_two.next() else {
        // One line so far: set in from the column's edge as the group above shows it.
        return Some((first.bbox.x0 - edge_above(before, first, lines)?, false));
    };
    let after_heading = before.last().is_some_and(|heading| {
        heading
            .iter()
            .filter_map(|&i| lines.get(i))
            .all(|l| is_emphasised(l, m))
    }) && !is_emphasised(first, m);
    // Set in from the line below it; or, the paragraph's only line at a column's foot,
    // running on into the next column (its sentence, or the paragraph after a full line
    // that ends one), from the column's edge as the group above it shows it (its lines
    // above it in its column: a list item's label, not only its last line's hang).
    let indent = if in_flow(first, second) {
        first.bbox.x0 - second.bbox.x0
    } else {
        first.bbox.x0 - edge_above(before, first, lines)?
    };
    Some((indent, after_heading))
}

/// The column's edge as the group above `first` shows it: its lines in `first`'s column.
fn edge_above(before: &[Vec<usize>], first: &TextLine, lines: &[TextLine]) -> Option<f32> {
    before
        .last()
        .into_iter()
        .flatten()
        .filter_map(|&i| lines.get(i))
        .filter(|above| in_flow(above, first) && above.bbox.x1 > first.bbox.x0)
        .map(|above| above.bbox.x0)
        .reduce(f32::min)
}

/// Whether the last group is one line so far, set in as a paragraph's first line from
/// `line`, next in its column and not a list item's.
fn first_line_set_in(
    groups: &[Vec<usize>],
    line: &TextLine,
    lines: &[TextLine],
    m: &Measures,
) -> bool {
    let Some([only]) = groups.last().map(Vec::as_slice) else {
        return false;
    };
    lines.get(*only).is_some_and(|first| {
        in_flow(first, line)
            && is_first_line_indent(first.bbox.x0 - line.bbox.x0, m)
            && item_label(&line.text).is_none()
    })
}

/// Whether the last group is one line so far, set in as a paragraph's first line from the
/// line above it (the last of the group before, in the flow of one column).
fn lone_line_set_in(groups: &[Vec<usize>], lines: &[TextLine], m: &Measures) -> bool {
    let Some((last, before)) = groups.split_last() else {
        return false;
    };
    let ([only], Some(&above)) = (last.as_slice(), before.last().and_then(|g| g.last())) else {
        return false;
    };
    match (lines.get(above), lines.get(*only)) {
        (Some(above), Some(first)) => {
            in_flow(above, first) && is_first_line_indent(first.bbox.x0 - above.bbox.x0, m)
        }
        _ => false,
    }
}

/// Across a page or column break, after a full stop, the column before stopped short of
/// where its text could reach ([`left_room`]), in a letter whose typesetter fills its
/// columns ([`Columns::filled`]). A typesetter fills a column with the next line of a
/// paragraph; it leaves the room where the next paragraph's first lines and the space above
/// them did not fit (orphan control).
fn column_ended_short(
    lines: &[TextLine],
    range: &[usize],
    pos: usize,
    columns: &Columns,
    m: &Measures,
    edges: &Edges,
) -> bool {
    let Some((prev, line)) = break_at(lines, range, pos) else {
        return false;
    };
    columns.filled
        && ends_with_full_stop(prev)
        && line.text.starts_with(char::is_uppercase)
        && item_label(&line.text).is_none()
        && left_room(lines, range, pos, &columns.ends, m, edges)
}

/// `b` stands in another column than `a`, the line before it: on the next page, or risen
/// by more than [`COLUMN_BREAK_PITCHES`].
fn crosses_columns(a: &TextLine, b: &TextLine, m: &Measures) -> bool {
    a.page != b.page || b.baseline < a.baseline - COLUMN_BREAK_PITCHES * m.pitch
}

/// The lines before and at `pos` in `range`.
fn break_at<'l>(
    lines: &'l [TextLine],
    range: &[usize],
    pos: usize,
) -> Option<(&'l TextLine, &'l TextLine)> {
    let at = |k: usize| range.get(k).and_then(|&i| lines.get(i));
    Some((at(pos.checked_sub(1)?)?, at(pos)?))
}

/// Where the body's columns end, and whether its typesetter fills them.
struct Columns<'l> {
    /// The body's lines at a column's foot (before a page or column break) that run on
    /// below the line above them: where the text reached down its columns.
    ends: Vec<&'l TextLine>,
    /// Some column breaks fall inside a sentence, and none of those left room
    /// ([`left_room`]): the typesetter fills its columns. (A letter whose pages were broken
    /// by hand, or to match another, ends pages anywhere.)
    filled: bool,
}

impl<'l> Columns<'l> {
    fn new(lines: &'l [TextLine], range: &[usize], m: &Measures, edges: &Edges) -> Columns<'l> {
        let at = |k: usize| range.get(k).and_then(|&i| lines.get(i));
        let breaks: Vec<usize> = (1..range.len())
            .filter(|&k| break_at(lines, range, k).is_some_and(|(a, b)| crosses_columns(a, b, m)))
            .collect();
        let ends = (breaks
            .iter()
            .map(|&k| k - 1)
            .chain(range.len().checked_sub(1)))
        .filter_map(|k| break_at(lines, range, k))
        .filter(|(above, end)| in_flow(above, end) && !gap_before(above, end, m))
        .map(|(_, end)| end)
        .collect();
        let mut columns = Columns {
            ends,
            filled: false,
        };
        let first_page = at(0).map(|l| l.page);
        let inside_sentence: Vec<usize> = breaks
            .into_iter()
            .filter(|&k| {
                break_at(lines, range, k).is_some_and(|(a, b)| {
                    Some(a.page) != first_page && (!a.ends_sentence() || b.starts_lowercase())
                })
            })
            .collect();
        columns.filled = !inside_sentence.is_empty()
            && !(inside_sentence.iter())
                .any(|&k| left_room(lines, range, k, &columns.ends, m, edges));
        columns
    }
}

/// Room for a line under a column's last line: a pitch, less a rounding. (The deepest foot
/// seen is only the least the columns could reach; a column a little less short may have
/// been full.)
const SHORT_COLUMN_PITCHES: f32 = 0.98;

/// Lines of a paragraph that widow control keeps together at a column's top (CSS's and
/// LibreOffice's `widows: 2`, TeX's widow penalty): room left under a column's last line
/// may be theirs, and one more for each line of room, up to two.
const WIDOW_LINES: usize = 2;

/// Across a page or column break (at `pos` in `range`), the column before stopped a line or
/// more short of where the text reaches down such columns (`ends`: its neighbour's foot on
/// the page; after a page break, the deepest foot of a column over it on the pages after
/// the first, whose layout is the letterhead's), with nothing under it (notes would explain
/// the room), while the text at the new column's top runs on for more lines than widow
/// control keeps together there: none of them ends a sentence on a line that ended on
/// purpose or, justified, short of its edge (where the paragraph might end). Not where one of the lines that could have filled the room ends
/// in a hyphen (TeX ends a page early rather than after one).
fn left_room(
    lines: &[TextLine],
    range: &[usize],
    pos: usize,
    ends: &[&TextLine],
    m: &Measures,
    edges: &Edges,
) -> bool {
    let at = |k: usize| range.get(k).and_then(|&i| lines.get(i));
    let Some((prev, line)) = break_at(lines, range, pos) else {
        return false;
    };
    let over = |a: &TextLine, b: &TextLine| a.bbox.x0 < b.bbox.x1 && b.bbox.x0 < a.bbox.x1;
    let first_page = at(0).map(|l| l.page);
    let deepest = |keep: &dyn Fn(&TextLine) -> bool| {
        ends.iter()
            .filter(|e| keep(e))
            .map(|e| e.baseline)
            .fold(f32::NEG_INFINITY, f32::max)
    };
    let floor = if line.page == prev.page {
        deepest(&|e| e.page == prev.page && over(e, line))
    } else if Some(prev.page) == first_page {
        return false;
    } else {
        deepest(&|e| Some(e.page) != first_page && over(e, prev))
    };
    let short_by = (floor - prev.baseline) / m.pitch;
    if short_by.is_nan() || short_by < SHORT_COLUMN_PITCHES {
        return false;
    }
    let page_start = lines.partition_point(|l| l.page < prev.page);
    let under = (lines.get(page_start..).unwrap_or_default().iter())
        .take_while(|l| l.page == prev.page)
        .any(|l| {
            !l.role.is_furniture() && l.baseline > prev.baseline + 0.5 * m.pitch && over(l, prev)
        });
    if under {
        return false;
    }
    let room = (short_by.round() as usize).min(2);
    for k in pos..pos + room + WIDOW_LINES - 1 {
        let (Some(a), Some(b)) = (at(k), at(k + 1)) else {
            return false;
        };
        // A sentence's end at a line's end may be the paragraph's where the line ended on
        // purpose, or, justified, stopped short of its edge (in loose justification too).
        let short = a.ends_sentence()
            && (ended_on_purpose(a, b, m, edges)
                || (edges.justified && edges.of(a) - a.bbox.x1 > edges.slack));
        let may_end_paragraph = gap_before(a, b, m) || !at_same_edge(a, b, m) || short;
        if !in_flow(a, b) || may_end_paragraph {
            return false;
        }
    }
    let hyphenated = |l: &TextLine| l.soft_hyphen || l.hyphen_apart || l.text.ends_with('-');
    !(pos..=pos + room).filter_map(at).any(hyphenated)
}

/// `line` follows `prev` down the same column of the same page.
fn in_flow(prev: &TextLine, line: &TextLine) -> bool {
    prev.page == line.page && line.baseline > prev.baseline
}

/// A paragraph's first-line indent: from about an em to a few.
fn is_first_line_indent(indent: f32, m: &Measures) -> bool {
    indent > 0.8 * m.size && indent < 6.0 * m.size
}

fn at_same_edge(a: &TextLine, b: &TextLine, m: &Measures) -> bool {
    (a.bbox.x0 - b.bbox.x0).abs() < 0.3 * m.size
}

/// Whether `line`, the first after a column or page break, is set in as a paragraph's first
/// line, told from the line after it in its column (`next`): `None` when that line does not
/// show the column's edge (none, elsewhere, or labelled in a list, whose item's lines hang
/// set in from the next label; after a paragraph, a line opening with a dash is the
/// sentence's, at the column's edge).
fn opens_indented(
    line: &TextLine,
    next: Option<&TextLine>,
    m: &Measures,
    in_list: bool,
) -> Option<bool> {
    let next = next.filter(|n| in_flow(line, n) && !(in_list && item_label(&n.text).is_some()))?;
    let indent = line.bbox.x0 - next.bbox.x0;
    if is_first_line_indent(indent, m) {
        Some(true)
    } else if at_same_edge(line, next, m) || is_first_line_indent(-indent, m) {
        Some(false)
    } else {
        None
    }
}

fn breaks_between(
    prev: &TextLine,
    line: &TextLine,
    next: Option<&TextLine>,
    m: &Measures,
    in_list: bool,
    edges: &Edges,
    marks: Marks,
) -> bool {
    if marks.emphasis
        && emphasis_of(prev, m) != emphasis_of(line, m)
        && !stress_runs_on(prev, line, next, m, in_list, edges, marks)
    {
        return true;
    }
    if in_flow(prev, line) {
        if line.baseline - prev.baseline > 1.45 * m.pitch {
            return true;
        }
        // A first-line indent after a finished sentence starts a paragraph; after a list
        // item (whose next lines may hang indented) only with some space above it too.
        let indent = line.bbox.x0 - prev.bbox.x0;
        let spaced_out = spaced_out(prev, line, m);
        if (!in_list || spaced_out) && prev.ends_sentence() && is_first_line_indent(indent, m) {
            return true;
        }
        // Where paragraphs open with an indent and a little space, a line spaced out below a
        // finished sentence set in as far as it starts one too (after a one-line paragraph,
        // itself set in). Spaced out by its box too: a line's baseline is its row's, which
        // may be a line's a little off it in the next column.
        let boxes_spaced_out = line.bbox.y0 - prev.bbox.y0 > SPACED_OUT_PITCHES * m.pitch;
        if (marks.indented_and_spaced || marks.spaced_a_little)
            && spaced_out
            && boxes_spaced_out
            && prev.ends_sentence()
            && !line.starts_lowercase()
            && at_same_edge(line, prev, m)
        {
            return true;
        }
        // Where paragraphs open with an indent, a line set in as far as a one-line paragraph
        // above it, itself set in, and set in from the line under it, opens one too.
        let set_in_from_next = next
            .is_some_and(|n| in_flow(line, n) && is_first_line_indent(line.bbox.x0 - n.bbox.x0, m));
        if marks.indented
            && marks.lone_line_set_in
            && !in_list
            && prev.ends_sentence()
            && !line.starts_lowercase()
            && at_same_edge(line, prev, m)
            && set_in_from_next
        {
            return true;
        }
        if marks.spaced {
            return false;
        }
        // Where paragraphs open with an indent and a little space, a line with neither,
        // after one its first word would not have fitted on, runs on (a justified line left
        // short where its spaces would have grown too wide).
        if marks.indented_and_spaced && !spaced_out && !next_word_fitted(prev, line, m, edges) {
            return false;
        }
        // Likewise in a paragraph that opened with an indent where paragraphs do, or where
        // no paragraph opens by space: the next one would be set in too. Or whose first
        // line, set in, was left short of a word too wide for it (a justified line the
        // spaces could not fill), the next lines flush: the same paragraph, wherever the
        // letter's other paragraphs open. (Not where the line after goes back in: a
        // hanging paragraph, `[9]` of a list of references.)
        let flush_after = next.is_none_or(|n| !in_flow(line, n) || at_same_edge(n, line, m));
        if (((marks.indented || marks.never_by_space) && marks.opened_indented)
            || (marks.first_line_set_in && flush_after))
            && !in_list
            && !next_word_fitted(prev, line, m, edges)
        {
            return false;
        }
        // In ragged lines, where paragraphs open with an indent, room after a sentence's
        // full stop does not show a paragraph's end: a total-fit breaker (FOP's, TeX's
        // `ragged2e`) ends lines early there too, and the next paragraph would be set in.
        // A flush line under it runs on a paragraph that opened with an indent (its first
        // line, set in from this one, too), unless spaced out by its baseline and its box
        // (its row may be the next column's line a little higher).
        if !edges.justified
            && ends_with_full_stop(prev)
            && !line.starts_lowercase()
            && (marks.indented || marks.indented_and_spaced || marks.never_by_space)
            && ((marks.opened_indented && at_same_edge(line, prev, m)) || marks.first_line_set_in)
            && !in_list
            && !(spaced_out && boxes_spaced_out)
        {
            return false;
        }
    } else if (!in_list || marks.indented || (marks.never_by_space && !marks.spaced))
        && opens_indented(line, next, m, in_list) == Some(true)
    {
        // Across a column or page break an indent still shows where a paragraph starts,
        // whether or not the line before it was full, and whether or not the letter
        // indents other paragraphs (a short one whose other paragraphs all follow headings
        // and lists). After a list item, whose lines may hang indented, only where the
        // letter indents its paragraphs, or shows no other mark of one.
        return prev.ends_sentence();
    } else if !edges.justified
        && (marks.indented || marks.indented_and_spaced)
        && (marks.opened_set_in || marks.lone_line_set_in)
        && !in_list
        && ends_with_full_stop(prev)
        && goes_on_as_text(line)
        && opens_indented(line, next, m, in_list) == Some(false)
    {
        // The same across a break: the line at the next column's top, flush, goes on with
        // a paragraph that opened with an indent (here, or on this one line set in), its
        // last line here ended after a full stop.
        return false;
    }
    // Across a page or column break, where a gap cannot be seen, or in a letter that
    // separates paragraphs by a line break only, a finished sentence ends the paragraph
    // when its line ended on purpose. Emphasised lines in a column's flow (a heading
    // wrapped over two) are not justified with the text: only the next word's width tells.
    let wrapped_emphasis = in_flow(prev, line) && is_emphasised(prev, m) && is_emphasised(line, m);
    let on_purpose = if wrapped_emphasis {
        next_word_fitted(prev, line, m, edges)
    } else {
        ended_on_purpose(prev, line, m, edges)
    };
    prev.ends_sentence()
        && !line.starts_lowercase()
        && (on_purpose || marks.column_ended_short)
        && !marks.inline_number
}

/// A change of emphasis inside a paragraph (words stressed in bold or italic that fill a
/// line), where the paragraph opened plain (this is no heading that opened it), so that the
/// paragraph's other marks decide:
/// - into stressed words (or from one emphasis into another), where the line before leaves
///   its sentence unfinished, outside a list or with its line full (not an unpunctuated
///   list item's last line before a heading); or the stressed line opens in lowercase; or
///   it stands close under the line before where paragraphs stand apart by space, with an
///   indent or without; or, where an indent alone opens them (or nothing in the letter's
///   flow shows space opening one), it is set in italic close under a full line (a
///   paragraph's last line is seldom full; pdfTeX sets bold recommendations close under
///   the paragraph before, full or not), or under any line where ragged lines are broken
///   early ([`Edges::early`]), or under one left short of its first word, ending a sentence
///   of its own ([`left_short_of`]); or, wherever the letter's paragraphs open, it is set in
///   italic at a column's top under a full line, its lines ending a sentence of their own
///   ([`stress_ends_sentence`]: across columns nothing measures space, and a heading does
///   not end in a full stop), not set in as a first line would be; or the
///   stressed lines run on into plain text ([`stress_runs_into_text`]);
/// - out of them, where the stressed line ends a sentence (a heading would have opened the
///   paragraph), or opens in lowercase (no heading does), or leaves it unfinished with its
///   line full (the next word would not have fitted: a justified line left short), or
///   unfinished where ragged lines are broken early ([`Edges::early`]), or the sentence
///   goes on in lowercase (a line breaker that breaks early leaves room after one long
///   word), or a sentence ran into the stressed words ([`stress_entered_mid_sentence`]).
fn stress_runs_on(
    prev: &TextLine,
    line: &TextLine,
    next: Option<&TextLine>,
    m: &Measures,
    in_list: bool,
    edges: &Edges,
    marks: Marks,
) -> bool {
    if !marks.opened_plain {
        return false;
    }
    if !is_emphasised(line, m) {
        return prev.ends_sentence()
            || prev.starts_lowercase()
            || line.starts_lowercase()
            || !ended_on_purpose(prev, line, m, edges)
            || !next_word_fitted(prev, line, m, edges)
            || edges.early
            || marks.stress_entered_mid_sentence;
    }
    let full = !ended_on_purpose(prev, line, m, edges);
    // Where paragraphs stand apart by space, a heading would too.
    let close = in_flow(prev, line) && !spaced_out(prev, line, m);
    // At a column's top, italic lines that end a sentence of their own (as a heading does
    // not), not set in as a paragraph's first line would be.
    let across = !in_flow(prev, line)
        && marks.stress_ends_sentence
        && opens_indented(line, next, m, in_list) != Some(true);
    (!prev.ends_sentence() && (full || !in_list))
        || line.starts_lowercase()
        || ((marks.spaced || marks.indented_and_spaced) && close)
        || (sets_words_in_italic(line)
            && (((marks.indented || marks.never_by_space) && close) || across)
            && (full || edges.early || left_short_of(prev, line, m, edges, marks)))
        || marks.stress_runs_into_text
}

/// `prev` was left short of the italic `line`'s first word, which would not have fitted (a
/// justified line its spaces could not fill), and the italic lines end a sentence of their
/// own, as a heading does not.
fn left_short_of(
    prev: &TextLine,
    line: &TextLine,
    m: &Measures,
    edges: &Edges,
    marks: Marks,
) -> bool {
    marks.stress_ends_sentence && !next_word_fitted(prev, line, m, edges)
}

/// The stressed lines from `pos` (in `range`, at most [`MAX_STRESSED_LINES`]) run on into
/// plain text, as no heading does: the last breaks a word at its end; or its sentence goes
/// on close under it in lowercase, or, unfinished, it is full, close above the plain line
/// or at its column's foot.
fn stress_runs_into_text(
    lines: &[TextLine],
    range: &[usize],
    pos: usize,
    m: &Measures,
    edges: &Edges,
) -> bool {
    let line_at = |k: usize| range.get(k).and_then(|&i| lines.get(i));
    for k in pos..pos + MAX_STRESSED_LINES {
        let (Some(line), Some(next)) = (line_at(k), line_at(k + 1)) else {
            return false;
        };
        if !is_emphasised(line, m) {
            return false;
        }
        let next_plain = !is_emphasised(next, m);
        // A word broken into plain text, wherever that goes on (the next column's top).
        if next_plain && line.text.trim_end().ends_with(BREAK_HYPHENS) {
            return true;
        }
        // At a column's foot, unfinished and full, into plain text at the next one's top (a
        // heading would be short, and kept with its text).
        if !in_flow(line, next) {
            return next_plain
                && !line.ends_sentence()
                && !ended_on_purpose(line, next, m, edges)
                && !next_word_fitted(line, next, m, edges);
        }
        // Under it at the line's pitch, as a sentence runs on (a heading stands apart).
        if spaced_out(line, next, m) {
            return false;
        }
        if next_plain {
            return next.starts_lowercase()
                || (!line.ends_sentence() && !ended_on_purpose(line, next, m, edges));
        }
    }
    false
}

/// The plain line at `pos` follows stressed lines (at most [`MAX_STRESSED_LINES`]) that a
/// sentence ran into: the plain line above them left its sentence unfinished and stopped
/// short because their first word would not have fitted (no heading follows such a line).
fn stress_entered_mid_sentence(
    lines: &[TextLine],
    range: &[usize],
    pos: usize,
    m: &Measures,
    edges: &Edges,
) -> bool {
    let line_at = |k: usize| range.get(k).and_then(|&i| lines.get(i));
    if line_at(pos).is_none_or(|l| is_emphasised(l, m)) {
        return false;
    }
    for first in (pos.saturating_sub(MAX_STRESSED_LINES)..pos).rev() {
        let (Some(before), Some(stressed)) =
            (first.checked_sub(1).and_then(line_at), line_at(first))
        else {
            return false;
        };
        if !is_emphasised(stressed, m) {
            return false;
        }
        if !is_emphasised(before, m) {
            return in_flow(before, stressed)
                && !before.ends_sentence()
                && !ended_on_purpose(before, stressed, m, edges)
                && !next_word_fitted(before, stressed, m, edges);
        }
    }
    false
}

/// The stressed lines from `pos` (at most [`MAX_STRESSED_LINES`], in one emphasis, each
/// close under the one before) end a sentence of their own, as a heading does not.
fn stress_ends_sentence(lines: &[TextLine], range: &[usize], pos: usize, m: &Measures) -> bool {
    let line_at = |k: usize| range.get(k).and_then(|&i| lines.get(i));
    let Some(emphasis) = line_at(pos)
        .map(|l| emphasis_of(l, m))
        .filter(|e| *e != Emphasis::default())
    else {
        return false;
    };
    let mut above: Option<&TextLine> = None;
    for line in (pos..pos + MAX_STRESSED_LINES).map_while(line_at) {
        let apart = above.is_some_and(|a| !in_flow(a, line) || spaced_out(a, line, m));
        if emphasis_of(line, m) != emphasis || apart {
            return false;
        }
        if line.ends_sentence() {
            return true;
        }
        above = Some(line);
    }
    false
}

/// Stressed lines running on into text looked at, at most: more are a heading's, or a quote's.
const MAX_STRESSED_LINES: usize = 3;

/// The line ends with a full stop (or `!`, `?`): a sentence's end, or an abbreviation's.
fn ends_with_full_stop(line: &TextLine) -> bool {
    line.text.trim_end().ends_with(['.', '!', '?'])
}

/// The line opens with a capital, or with a number that words follow (`1]. Voor …` after
/// `nr.`, `22 december` after `d.d.`), not with a bare number (a page's).
fn goes_on_as_text(line: &TextLine) -> bool {
    let mut words = line.text.split_whitespace();
    let first = words.next().unwrap_or_default();
    first.starts_with(char::is_uppercase)
        || (first.starts_with(|c: char| c.is_ascii_digit()) && words.next().is_some())
}

fn is_emphasised(line: &TextLine, m: &Measures) -> bool {
    emphasis_of(line, m) != Emphasis::default()
}

/// How a line stands out from the text: bold, italic, underlined, larger.
#[derive(Clone, Copy, Default, PartialEq)]
struct Emphasis {
    bold: bool,
    italic: bool,
    underline: bool,
    large: bool,
}

fn emphasis_of(line: &TextLine, m: &Measures) -> Emphasis {
    Emphasis {
        bold: line.bold,
        italic: line.italic,
        underline: line.underline,
        large: line.size > 1.15 * m.size,
    }
}

/// A group that starts in lowercase after one that did not finish its sentence continues it
/// (a paragraph or list item broken by a blank line or a page).
fn merge_continuations(
    groups: Vec<Vec<usize>>,
    lines: &[TextLine],
    tables: &[Vec<usize>],
) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for group in groups {
        let is_table = |g: &Vec<usize>| tables.contains(g);
        if is_table(&group) || out.last().is_some_and(is_table) {
            out.push(group);
            continue;
        }
        let first = group.first().and_then(|&i| lines.get(i));
        // (A bold group is a heading; a paragraph may end its column in stressed words.)
        let heading = out
            .last()
            .is_some_and(|g| g.iter().filter_map(|&i| lines.get(i)).all(|l| l.bold));
        let continues = match (
            out.last()
                .and_then(|g| g.last())
                .and_then(|&i| lines.get(i)),
            first,
        ) {
            (Some(prev), Some(first)) => {
                !prev.ends_sentence()
                    && first.starts_lowercase()
                    && item_label(&first.text).is_none()
                    && !heading
            }
            _ => false,
        };
        match out.last_mut() {
            Some(last) if continues => last.extend(group),
            _ => out.push(group),
        }
    }
    out
}

/// The opening words of a motie's clauses (`constaterende dat …`, `verzoekt de regering
/// …`): the Kamer's own formulas.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(constaterende|overwegende|van mening|gelet op|erkennende|vaststellende|",
        r"concluderende|betreurende|spreekt uit|verzoekt|roept|draagt|besluit)\b"
    ))
});

/// The preamble's formulas of a motie (`De Kamer,`, `gehoord de beraadslaging,`) and its
/// closing one (`en gaat over tot de orde van de dag.`): paragraphs of their own.
static MOTIE_FORMULA: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(de kamer,|gehoord de beraadslaging,?|en gaat over tot de orde van de dag\.?)$")
});

/// A motie's paragraphs: its formulas each on their own, its clauses as list items labelled
/// by their opening word(s), in order. (Clauses open in lower case after a comma, so the
/// paragraph reader joins them as the continuation of one sentence; a motie's own
/// formulas part them again.)
pub fn motie_clauses(drafts: Vec<Draft>, lines: &[TextLine]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for draft in drafts {
        if draft.kind != DraftKind::Paragraph {
            out.push(draft);
            continue;
        }
        for (k, &i) in draft.lines.iter().enumerate() {
            let Some(line) = lines.get(i) else { continue };
            let text = line.text.to_lowercase();
            let clause = CLAUSE.find(&line.text).map(|m| m.as_str().to_string());
            let opens = k == 0
                || clause.is_some()
                || MOTIE_FORMULA.is_match(&text)
                || draft
                    .lines
                    .get(k - 1)
                    .and_then(|&p| lines.get(p))
                    .is_some_and(|p| MOTIE_FORMULA.is_match(&p.text.to_lowercase()));
            match out.last_mut() {
                Some(last) if !opens => last.lines.push(i),
                _ => out.push(Draft {
                    lines: vec![i],
                    kind: match clause {
                        Some(label) => DraftKind::Item { label },
                        None => DraftKind::Paragraph,
                    },
                }),
            }
        }
    }
    out
}

/// Runs of positions in `range` that are a table of contents: two or more consecutive
/// entries with dot leaders, kept as a table (entry and page), never headings or items.
fn contents_runs(lines: &[TextLine], range: &[usize]) -> Vec<std::ops::Range<usize>> {
    let entry = |pos: usize| {
        range
            .get(pos)
            .and_then(|&i| lines.get(i))
            .is_some_and(|l| is_contents_entry(&l.text))
    };
    let mut runs = Vec::new();
    let mut pos = 0;
    while pos < range.len() {
        let len = (pos..range.len()).take_while(|&k| entry(k)).count();
        if len >= 2 {
            runs.push(pos..pos + len);
        }
        pos += len.max(1);
    }
    runs
}

/// Words in a table cell's line at most: more is a line of running text in a column.
const MAX_CELL_WORDS: usize = 6;

/// The words of a cell's line that count towards [`MAX_CELL_WORDS`]: all but figures (a
/// list of them, `6, 9, 13, 20, 24, 27, 35`, is no running text).
fn cell_words(text: &str) -> usize {
    let figure = |w: &str| {
        w.trim_end_matches([',', ';'])
            .chars()
            .all(|c| c.is_ascii_digit())
    };
    text.split_whitespace().filter(|w| !figure(w)).count()
}

/// Runs of positions in `range` that are tables: consecutive lines of one page, each
/// sharing its baseline with a line of the run beside it (cells of one row), each short
/// (less than half the width of the widest line of the page, a few words: not a column of
/// running text), in at least two columns and two rows, four cells or more.
fn table_runs(lines: &[TextLine], range: &[usize], m: &Measures) -> Vec<std::ops::Range<usize>> {
    let line = |pos: usize| range.get(pos).and_then(|&i| lines.get(i));
    // The widest line of each page, found once (not once per position: that was quadratic
    // in the length of the document).
    let mut widest: std::collections::HashMap<u32, f32> = std::collections::HashMap::new();
    for l in range.iter().filter_map(|&i| lines.get(i)) {
        let w = widest.entry(l.page).or_insert(0.0);
        *w = w.max(l.bbox.width());
    }
    let widest_on = |page: u32| widest.get(&page).copied().unwrap_or(0.0);
    let beside = |a: &TextLine, b: &TextLine| {
        a.page == b.page
            && (a.baseline - b.baseline).abs() < 0.3 * m.size
            && (a.bbox.x1 <= b.bbox.x0 || b.bbox.x1 <= a.bbox.x0)
    };
    let mut runs = Vec::new();
    let mut pos = 0;
    while pos < range.len() {
        let Some(first) = line(pos) else { break };
        let limit = 0.5 * widest_on(first.page);
        let cell = |l: &TextLine| {
            l.page == first.page
                && l.bbox.width() < limit
                && cell_words(&l.text) <= MAX_CELL_WORDS
                && m.typographic
        };
        let end = (pos..range.len())
            .find(|&k| !line(k).is_some_and(&cell))
            .unwrap_or(range.len());
        // Trim lines at either end that have no row-mate in the run.
        let run: Vec<usize> = (pos..end)
            .filter(|&k| {
                line(k).is_some_and(|l| {
                    (pos..end).any(|j| j != k && line(j).is_some_and(|o| beside(l, o)))
                })
            })
            .collect();
        if let (Some(&start), Some(&last)) = (run.first(), run.last()) {
            let columns = (start..last)
                .filter(|&k| {
                    matches!((line(k), line(k + 1)), (Some(a), Some(b)) if b.baseline < a.baseline)
                })
                .count()
                + 1;
            let rows = distinct_rows((start..=last).filter_map(line), m);
            if last - start + 1 >= 4 && columns >= 2 && rows >= 2 {
                runs.push(start..last + 1);
                pos = last + 1;
                continue;
            }
        }
        pos = end.max(pos + 1);
    }
    runs
}

fn distinct_rows<'a>(cells: impl Iterator<Item = &'a TextLine>, m: &Measures) -> usize {
    let mut baselines: Vec<f32> = cells.map(|l| l.baseline).collect();
    baselines.sort_by(f32::total_cmp);
    baselines.dedup_by(|a, b| (*a - *b).abs() < 0.3 * m.size);
    baselines.len()
}

/// A table's cells as rows: lines grouped by baseline, top to bottom, each row with one
/// cell per column (columns: the cells' x-ranges merged where they overlap), empty where
/// the row has nothing in that column.
pub fn table_rows(cells: &[&TextLine], size: f32) -> Vec<Vec<String>> {
    let mut columns: Vec<(f32, f32)> = Vec::new();
    let mut ranges: Vec<(f32, f32)> = cells.iter().map(|c| (c.bbox.x0, c.bbox.x1)).collect();
    ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (x0, x1) in ranges {
        match columns.last_mut() {
            Some(col) if x0 < col.1 => col.1 = col.1.max(x1),
            _ => columns.push((x0, x1)),
        }
    }
    let column_of = |c: &TextLine| {
        columns
            .iter()
            .position(|&(x0, x1)| c.bbox.x0 < x1 && c.bbox.x1 > x0)
            .unwrap_or(0)
    };
    rows_by_baseline(cells, size)
        .into_iter()
        .map(|row| {
            let mut out = vec![String::new(); columns.len()];
            for cell in row {
                if let Some(slot) = out.get_mut(column_of(cell)) {
                    if !slot.is_empty() {
                        slot.push(' ');
                    }
                    slot.push_str(&cell.text);
                }
            }
            out
        })
        .collect()
}

/// Cells grouped by baseline, top to bottom, each row left to right.
fn rows_by_baseline<'a>(cells: &[&'a TextLine], size: f32) -> Vec<Vec<&'a TextLine>> {
    let mut sorted: Vec<&TextLine> = cells.to_vec();
    sorted.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    let mut rows: Vec<Vec<&TextLine>> = Vec::new();
    for cell in sorted {
        match rows.last_mut() {
            Some(row)
                if row
                    .first()
                    .is_some_and(|f| (f.baseline - cell.baseline).abs() < 0.3 * size) =>
            {
                row.push(cell)
            }
            _ => rows.push(vec![cell]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    }
    rows
}

/// A paragraph set at the text indent of the list item before it (the explanation under
/// an item's bold first sentence) belongs to that item.
fn merge_item_bodies(groups: Vec<Vec<usize>>, lines: &[TextLine], m: &Measures) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for group in groups {
        let item_indent = out
            .last()
            .and_then(|previous| item_text_indent(previous, lines));
        let first = group.first().and_then(|&i| lines.get(i));
        let at_indent =
            |x: f32| item_indent.is_some_and(|indent| (x - indent).abs() < 0.3 * m.size);
        let belongs = first.is_some_and(|l| item_label(&l.text).is_none())
            && group
                .iter()
                .filter_map(|&i| lines.get(i))
                .all(|l| at_indent(l.bbox.x0));
        match out.last_mut() {
            Some(last) if belongs => last.extend(group),
            _ => out.push(group),
        }
    }
    out
}

/// Where the text of a list item's continuation lines starts, when the item has them and
/// they are indented past its label.
fn item_text_indent(group: &[usize], lines: &[TextLine]) -> Option<f32> {
    let first = group.first().and_then(|&i| lines.get(i))?;
    item_label(&first.text)?;
    let second = group.get(1).and_then(|&i| lines.get(i))?;
    (second.page == first.page && second.bbox.x0 > first.bbox.x0 + 1.0).then_some(second.bbox.x0)
}

fn classify(
    groups: Vec<Vec<usize>>,
    lines: &[TextLine],
    m: &Measures,
    emphasis: bool,
    edges: &Edges,
    tables: &[Vec<usize>],
) -> Vec<Draft> {
    let count = groups.len();
    let mut drafts: Vec<Draft> = Vec::with_capacity(count);
    for (n, group) in groups.iter().enumerate() {
        let group_lines: Vec<&TextLine> = group.iter().filter_map(|&i| lines.get(i)).collect();
        let has_next = n + 1 < count;
        let kind = if tables.contains(group) {
            DraftKind::Table
        } else if let Some(heading) = heading_kind(&group_lines, m, emphasis, has_next, edges) {
            heading
        } else if let Some(label) = group_lines.first().and_then(|l| item_label(&l.text)) {
            DraftKind::Item {
                label: label.to_string(),
            }
        } else {
            DraftKind::Paragraph
        };
        drafts.push(Draft {
            lines: group.clone(),
            kind,
        });
    }
    drafts
}

/// Lines an emphasised heading fills at most when a narrow column wraps it (`Aanbevelingen:
/// nieuwe` / `en hernieuwde` / `dreigingen`); otherwise two.
const MAX_WRAPPED_HEADING_LINES: usize = 4;

/// The narrowest column that wraps text, in ems: narrower "columns" are stacks of labels
/// or numbers.
const WRAPPING_COLUMN_EM: f32 = 6.0;

/// A heading: one or two lines (more where the column wraps it, [`wrapped`]) set apart by
/// emphasis (bold or larger type) when the letter uses emphasis; otherwise a short single line without final punctuation that is followed
/// by more text. Numbered when it starts with `1.`, `2.1`.
fn heading_kind(
    group: &[&TextLine],
    m: &Measures,
    emphasis: bool,
    has_next: bool,
    edges: &Edges,
) -> Option<DraftKind> {
    let first = group.first()?;
    let text: String = group
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let words = text.split_whitespace().count();
    let punctuated = text.ends_with(['.', ',', ';', ':']);
    // Small type (a label inside a figure) and captions are not headings.
    let small = m.typographic && first.size < 0.9 * m.size;
    let too_long =
        group.len() > MAX_WRAPPED_HEADING_LINES || group.len() > 2 && !wrapped(group, m, edges);
    if punctuated || !has_next || words > 15 || too_long || small || is_caption(&text) {
        return None;
    }
    let starts_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let looks = if emphasis {
        group.iter().all(|l| is_emphasised(l, m))
    } else {
        let short = first.bbox.x1 - first.bbox.x0 < 0.7 * (edges.of(first) - first.bbox.x0);
        group.len() == 1 && words <= 10 && short && starts_well
    };
    if !looks || !starts_well {
        return None;
    }
    let (number, level) = match heading_number(&text) {
        Some((number, _)) => {
            let number = number.to_string();
            let level = number.trim_end_matches('.').split('.').count() as u8;
            (Some(number), level)
        }
        None => (None, 1),
    };
    Some(DraftKind::Heading { number, level })
}

/// Each line of `group` runs on in the next as text wrapped in its column does: the column
/// is one of prose ([`WRAPPING_COLUMN_EM`] wide at least), the next line starts at the same
/// edge on the next row, and its first word would not have fitted at the end of the line
/// before. (Not a stack of labels, numbers or table headers, each on its own row.)
fn wrapped(group: &[&TextLine], m: &Measures, edges: &Edges) -> bool {
    group.windows(2).all(|pair| match pair {
        [prev, line] => {
            let room = edges.of(prev) - prev.bbox.x1;
            edges.of(prev) - prev.bbox.x0 >= WRAPPING_COLUMN_EM * m.size
                && line.page == prev.page
                && line.baseline > prev.baseline
                && (line.bbox.x0 - prev.bbox.x0).abs() < 0.5 * m.size
                && room.is_finite()
                && room_needed(prev, line, m) > room
        }
        _ => false,
    })
}

/// A heading's text without its number.
pub fn heading_text(text: &str) -> String {
    match heading_number(text) {
        Some((_, heading)) => heading.to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_enumerations_run_on() {
        let inline = |texts: &[&str]| runs_on_inline(texts.iter().copied());
        assert!(inline(&[
            "1. meer aandacht voor eenheid; 2. het vergroten van"
        ]));
        assert!(!inline(&[
            "1. Het versterken van de eenheid, solidariteit en cohesie;"
        ]));
        assert!(!inline(&["Daarom: 1. meer; 2. minder"]));
        // Wrapped in a narrow column: the next number ends a later line.
        assert!(inline(&[
            "1. meer aandacht voor",
            "versterken eenheid, cohesie en",
            "solidariteit van de NAVO; 2.",
            "het vergroten van de weerbaar-",
        ]));
        // A list: the next numbers open lines.
        assert!(!inline(&[
            "1. Het versterken van de eenheid,",
            "solidariteit en cohesie;",
            "2. Het vergroten van de onderlinge",
            "consultatie;",
            "3. Het versterken van de rol",
        ]));
        // Inline, the next number opening a line by chance: the one after runs inline.
        assert!(inline(&[
            "1. meer aandacht voor vers-",
            "terken eenheid, cohesie en",
            "solidariteit van de NAVO;",
            "2. het vergroten van de",
            "weerbaarheid; 3. behoud van",
        ]));
    }

    #[test]
    fn labels() {
        for (text, label) in [
            ("1. Het versterken", Some("1.")),
            ("a) eerst", Some("a)")),
            ("• punt", Some("•")),
            ("(2) twee", Some("(2)")),
            ("1 december 2020", None),
            ("2020. Daarna", None),
            ("-5 graden", None),
            ("o een subpunt", Some("o")),
            ("(iv) vierde", Some("(iv)")),
            ("o.a. de minister", None),
            ("of niet", None),
        ] {
            assert_eq!(item_label(text), label, "{text}");
        }
    }

    /// A line at `(x, baseline)`, 6 points per character wide, in 10 pt type.
    fn placed(text: &str, x: f32, baseline: f32) -> TextLine {
        let mut line = TextLine::plain(1, 0, text);
        line.bbox = kamerbrief_model::Rect::new(
            x,
            baseline - 8.0,
            x + 6.0 * text.chars().count() as f32,
            baseline + 2.0,
        );
        line.baseline = baseline;
        line.size = 10.0;
        line.typographic = true;
        line
    }

    /// Lines set ragged from x = 50 on a 12 pt pitch, each first word's width measured as
    /// [`placed`] draws it.
    fn ragged(texts: &[&str]) -> Vec<TextLine> {
        (texts.iter().enumerate())
            .map(|(k, text)| {
                let mut line = placed(text, 50.0, 100.0 + 12.0 * k as f32);
                let first = text.split(' ').next().unwrap_or_default();
                line.first_word_width = 6.0 * first.chars().count() as f32;
                line
            })
            .collect()
    }

    fn kinds(lines: &[TextLine]) -> Vec<(usize, bool)> {
        let m = Measures {
            size: 10.0,
            pitch: 12.0,
            typographic: true,
        };
        let body: Vec<usize> = (0..lines.len()).collect();
        let edges = Edges::new(lines, &[], &body, &m);
        (segment(lines, &body, &m, &edges).iter())
            .map(|d| (d.lines.len(), matches!(d.kind, DraftKind::Item { .. })))
            .collect()
    }

    #[test]
    fn a_dash_after_a_sentences_middle_in_lines_broken_early_is_punctuation() {
        // A total-fit line breaker (FOP's) leaves lines short inside sentences where the
        // next word would have fitted, so room at a line's end shows nothing there.
        let early = [
            "Het rapport stelt dat de NAVO de tweeledige",
            "benadering van afschrikking en dialoog ten aanzien van Rusland",
            "dient voort te zetten, maar dat deze",
            "benadering wel aan vernieuwing toe is, en dat de",
            "dreiging van Rusland – en diens toegenomen",
            "- een van de grootste uitdagingen voor de NAVO blijft.",
            "Daarom stelt de groep voor",
            "• een nieuw strategisch concept.",
        ];
        // One paragraph through the dash; the next sentence, its line ended short, opens
        // another; the bullet still opens an item.
        assert_eq!(kinds(&ragged(&early)), [(6, false), (1, false), (1, true)]);
        // So is a number past the first with a full stop: a sentence's own.
        let mut number = early;
        number[4] = "boven de grens van het genoemde artikel";
        number[5] = "5. Cybereffecten zijn welkom voor de NAVO.";
        assert_eq!(kinds(&ragged(&number)), [(6, false), (1, false), (1, true)]);
        // Where lines are filled (the next word never fitted), room before the dash shows
        // a break made on purpose: an item.
        let filled = [
            "Het rapport stelt dat de NAVO de tweeledige benadering",
            "van afschrikking en dialoog ten aanzien van Rusland",
            "dient voort te zetten, maar dat deze aanpak",
            "wel aan vernieuwing toe is, en dat de grootste",
            "dreiging van Rusland – en diens toegenomen",
            "- een van de grootste uitdagingen voor de NAVO blijft.",
        ];
        assert_eq!(kinds(&ragged(&filled)), [(5, false), (1, true)]);
        // A number after a clause's end, with room for it, whose sequence runs on inline.
        let inline = [
            "Hij noemt acht punten: 1. meer eenheid; 2. weerbaarheid; 3.",
            "technologie; 4. consultaties; 5. wereldwijd;",
            "6. klimaatverandering; 7. opleiding en 8. het concept.",
        ];
        assert_eq!(kinds(&ragged(&inline)), [(3, false)]);
    }

    #[test]
    fn a_little_space_alone_parts_paragraphs() {
        // Ragged lines on a 12 pt pitch, paragraphs 15 pt apart (a quarter line: groff's
        // `-ms`, LaTeX's `parskip`); the second paragraph's last line is full, so only the
        // space shows where it ends.
        let texts = [
            (0.0, "De reflectiegroep stelt dat de NAVO zich moet"),
            (0.0, "aanpassen aan de nieuwe tijd, en dat de dreiging"),
            (0.0, "van Rusland zal groeien."),
            (3.0, "Het kabinet deelt de analyse van de reflectiegroep"),
            (0.0, "en steunt haar voorstellen met enkele kanttekeningen"),
            (0.0, "over de rol van partners buiten het bondgenootschap."),
            (3.0, "Tot slot vraagt het kabinet aandacht voor de"),
            (0.0, "rol van de Europese Unie."),
        ];
        let lines = |inside: f32| -> Vec<TextLine> {
            let mut y = 100.0;
            (texts.iter().enumerate())
                .map(|(k, &(space, text))| {
                    y += 12.0 + if k == 1 { inside } else { space };
                    let mut line = placed(text, 50.0, y);
                    let first = text.split(' ').next().unwrap_or_default();
                    line.first_word_width = 6.0 * first.chars().count() as f32;
                    line
                })
                .collect()
        };
        assert_eq!(kinds(&lines(0.0)), [(3, false), (3, false), (2, false)]);
        // Where a paragraph's own lines stand as far apart somewhere, the space tells
        // nothing: the full line runs on.
        assert_eq!(kinds(&lines(3.0)), [(3, false), (5, false)]);
    }

    #[test]
    fn room_after_a_full_stop_in_ragged_lines_ends_no_paragraph_opened_with_an_indent() {
        // Paragraphs open with an indent; a total-fit breaker (FOP's, TeX's `ragged2e`)
        // left lines short inside sentences, and once after a full stop, the next line
        // flush (`toe is.` / `Het kabinet`): the paragraph runs on.
        let texts = [
            (
                65.0,
                "De reflectiegroep stelt dat de NAVO zich moet aanpassen",
            ),
            (50.0, "aan de nieuwe tijd, en dat de"),
            (50.0, "dreiging van Rusland de komende jaren zal groeien."),
            (50.0, "Het rapport stelt dat de NAVO de"),
            (
                50.0,
                "tweeledige benadering van afschrikking en dialoog moet",
            ),
            (50.0, "voortzetten, maar dat deze"),
            (50.0, "benadering wel aan vernieuwing toe is."),
            (
                50.0,
                "Het kabinet deelt de analyse van de reflectiegroep, en",
            ),
            (50.0, "steunt haar voorstellen met enkele kanttekeningen."),
            (65.0, "Ook de Ministers van Defensie en Financien steunen"),
            (50.0, "het rapport van de reflectiegroep op hoofdlijnen."),
            (65.0, "Tot slot vraagt het kabinet aandacht voor de"),
            (50.0, "rol van partners buiten het bondgenootschap."),
        ];
        let lines: Vec<TextLine> = (texts.iter().enumerate())
            .map(|(k, &(x, text))| {
                let mut line = placed(text, x, 100.0 + 12.0 * k as f32);
                let first = text.split(' ').next().unwrap_or_default();
                line.first_word_width = 6.0 * first.chars().count() as f32;
                line
            })
            .collect();
        assert_eq!(kinds(&lines), [(9, false), (2, false), (2, false)]);
        // So where the paragraph's first line, set in, ended so.
        let mut first = lines.clone();
        if let Some(line) = first.get_mut(9) {
            *line = placed("Ook de Ministers steunen dit.", 65.0, line.baseline);
            line.first_word_width = 18.0;
        }
        if let Some(line) = first.get_mut(10) {
            *line = placed("Zij delen de analyse op hoofdlijnen.", 50.0, line.baseline);
            line.first_word_width = 18.0;
        }
        assert_eq!(kinds(&first), [(9, false), (2, false), (2, false)]);
        // Justified, every line but a paragraph's last filled to the measure: room after a
        // full stop shows a paragraph's end.
        let mut justified = lines.clone();
        for k in [0, 1, 2, 3, 4, 5, 7, 9, 11] {
            if let Some(line) = justified.get_mut(k) {
                line.bbox.x1 = 390.0;
            }
        }
        let ends = [(7, false), (2, false), (2, false), (2, false)];
        assert_eq!(kinds(&justified), ends);
    }

    #[test]
    fn table_cells_read_column_by_column_become_rows() {
        let lines = vec![
            placed(
                "De tabel hieronder geeft de bedragen per school weer, in euro's:",
                50.0,
                100.0,
            ),
            placed("Aantal", 50.0, 120.0),
            placed("25", 50.0, 132.0),
            placed("50", 50.0, 144.0),
            placed("Bedrag", 200.0, 120.0),
            placed("€ 125.000", 200.0, 132.0),
            placed("€ 95.000", 200.0, 144.0),
            placed(
                "Na de tabel volgt weer gewone tekst die de hele regel vult.",
                50.0,
                170.0,
            ),
        ];
        assert_eq!(table_runs_in(&lines), vec![1..7]);
        let cells: Vec<&TextLine> = lines.get(1..7).unwrap_or_default().iter().collect();
        assert_eq!(
            table_rows(&cells, 10.0),
            vec![
                vec!["Aantal".to_string(), "Bedrag".to_string()],
                vec!["25".to_string(), "€ 125.000".to_string()],
                vec!["50".to_string(), "€ 95.000".to_string()],
            ]
        );
        // Two columns of running text side by side are not a table.
        let prose = vec![
            placed(
                "Een lange regel lopende tekst in de linker kolom",
                50.0,
                100.0,
            ),
            placed(
                "en nog een lange regel lopende tekst links hier",
                50.0,
                112.0,
            ),
            placed(
                "Een lange regel lopende tekst in de rechter kolom",
                350.0,
                100.0,
            ),
            placed(
                "en nog een lange regel lopende tekst rechts hier",
                350.0,
                112.0,
            ),
        ];
        assert!(table_runs_in(&prose).is_empty());
    }

    /// The table runs of all of `lines`, in 10 pt type at a 12 pt pitch.
    fn table_runs_in(lines: &[TextLine]) -> Vec<std::ops::Range<usize>> {
        let m = Measures {
            size: 10.0,
            pitch: 12.0,
            typographic: true,
        };
        let range: Vec<usize> = (0..lines.len()).collect();
        table_runs(lines, &range, &m)
    }

    #[test]
    fn a_cell_listing_many_figures_stays_in_its_table() {
        let lines = vec![
            placed("BZK", 50.0, 120.0),
            placed("JUST", 50.0, 132.0),
            placed("OCW", 50.0, 144.0),
            placed("i.v.m. agendapunt", 150.0, 120.0),
            placed("i.v.m. agendapunt", 150.0, 132.0),
            placed("i.v.m. agendapunt", 150.0, 144.0),
            placed("24", 300.0, 120.0),
            placed("6, 9, 13, 20, 24, 27, 35", 300.0, 132.0),
            placed("6, 14, 24", 300.0, 144.0),
            placed(
                "Na de tabel volgt weer gewone tekst die de hele regel vult, tot aan de rand.",
                50.0,
                170.0,
            ),
        ];
        assert_eq!(table_runs_in(&lines), vec![0..9]);
        let cells: Vec<&TextLine> = lines.get(0..9).unwrap_or_default().iter().collect();
        let rows = table_rows(&cells, 10.0);
        assert_eq!(
            rows.get(1),
            Some(&vec![
                "JUST".to_string(),
                "i.v.m. agendapunt".to_string(),
                "6, 9, 13, 20, 24, 27, 35".to_string()
            ])
        );
        // Seven words of letters are a line of running text, not a cell.
        assert_eq!(cell_words("zes, negen, dertien, twintig, en nog wat"), 7);
        assert_eq!(cell_words("6, 9, 13, 20, 24, 27, 35"), 0);
    }

    #[test]
    fn table_of_contents_entries() {
        let lines = vec![
            placed("Inhoud", 50.0, 100.0),
            placed("1. Inleiding ............ 3", 50.0, 112.0),
            placed("2. Achtergrond .......... 4", 50.0, 124.0),
            placed(
                "Hier begint de tekst van de brief, die doorloopt tot het einde.",
                50.0,
                150.0,
            ),
        ];
        let range: Vec<usize> = (0..lines.len()).collect();
        assert_eq!(contents_runs(&lines, &range), vec![1..3]);
    }

    #[test]
    fn captions() {
        for caption in [
            "Figuur 1. Opbouw",
            "Tabel 2: bedragen",
            "Bron: CBS",
            "Figure 3",
        ] {
            assert!(is_caption(caption), "{caption}");
        }
        for heading in ["Figuren en tabellen", "Bronnen van inkomsten", "Tabellen"] {
            assert!(!is_caption(heading), "{heading}");
        }
    }

    #[test]
    fn heading_levels_follow_typography() {
        let styled = |text: &str, bold: bool, italic: bool| {
            let mut line = TextLine::plain(1, 0, text);
            line.bold = bold;
            line.italic = italic;
            line
        };
        let lines = vec![
            styled("Onderwerp", false, true),
            styled("1 Vragen", true, false),
            styled("Samenwerking", true, true),
            styled("2.1 Fusies", false, false),
        ];
        let heading = |i: usize, number: Option<&str>| Draft {
            lines: vec![i],
            kind: DraftKind::Heading {
                number: number.map(str::to_string),
                level: number.map_or(1, |n| n.split('.').count() as u8),
            },
        };
        let mut drafts = vec![
            heading(0, None),
            heading(1, Some("1")),
            heading(2, None),
            heading(3, Some("2.1")),
        ];
        assign_heading_levels(&mut drafts, &lines);
        let levels: Vec<u8> = drafts
            .iter()
            .map(|d| match d.kind {
                DraftKind::Heading { level, .. } => level,
                _ => 0,
            })
            .collect();
        // bold (numbered, 1) > bold italic (2) > italic (3); a number's depth stays.
        assert_eq!(levels, vec![3, 1, 2, 2]);
    }

    /// Pages of lines 12 pt apart from baseline 100 (the page's `source` order), drawn as
    /// [`placed`] draws them, each first word's width measured.
    fn paged(pages: &[Vec<&str>]) -> Vec<TextLine> {
        let mut out = Vec::new();
        for (p, texts) in pages.iter().enumerate() {
            for (k, text) in texts.iter().enumerate() {
                let mut line = placed(text, 50.0, 100.0 + 12.0 * k as f32);
                line.page = p as u32 + 1;
                line.source = k;
                let first = text.split(' ').next().unwrap_or_default();
                line.first_word_width = 6.0 * first.chars().count() as f32;
                out.push(line);
            }
        }
        out
    }

    #[test]
    fn a_column_left_a_line_short_after_a_full_stop_ends_its_paragraph() {
        // Lines of 48 characters: none leaves room for the next one's first word.
        let on = "het bondgenootschap moet de dialoog blijven zoek";
        let end = "het bondgenootschap moet de dialogen zoeken, nu.";
        let opens = "Het kabinet deelt de analyse van de reflectiegro";
        let page = |texts: &[&'static str]| texts.to_vec();
        let full = page(&[on, on, on, on, on]);
        // Page 3 stops a line short of where pages 2 and 4 reach, after a full stop;
        // page 4's text runs on for four lines: no widow explains the room.
        let letter = [
            full.clone(),
            full.clone(),
            page(&[on, on, on, end]),
            page(&[opens, on, on, on, end]),
        ];
        assert_eq!(kinds(&paged(&letter)), [(14, false), (5, false)]);
        // Where a column break inside a sentence left room too, the typesetter does not
        // fill its columns (pages broken by hand): nothing tells.
        let mut by_hand = letter.clone();
        by_hand[1] = page(&[on, on, on, on]);
        assert_eq!(kinds(&paged(&by_hand)), [(18, false)]);
        // Two lines at the next page's top may be a widow kept with its line.
        let mut widow = letter.clone();
        widow[3] = page(&[opens, end]);
        assert_eq!(kinds(&paged(&widow)), [(16, false)]);
        // The first page, under the letterhead, shows nothing of the pages after it.
        let first = [
            page(&[on, on, on, end]),
            page(&[opens, on, on, on, end]),
            full,
        ];
        assert_eq!(kinds(&paged(&first)), [(14, false)]);
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(heading_text("2.1 Achtergrond"), "Achtergrond");
        assert_eq!(heading_text("Algemeen"), "Algemeen");
    }
}
