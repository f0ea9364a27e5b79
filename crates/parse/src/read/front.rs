//! The front of a letter: letterhead, return address, addressee, the reference column and
//! the salutation (domain.md, "Rendering A"). The labels are the Dutch letter template's own
//! vocabulary; nothing here knows a particular letter.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use kamerbrief_model::{FieldKey, Metadata, Rect, ReferenceField, Role};

use super::join::{self, Lexicon};
use crate::analyse::parse_dutch_date;
use crate::lines::{Measures, TextLine};
use crate::patterns::{is_place_and_date, is_postal, is_salutation};

/// Labels of the reference column and of label/value lines above the salutation.
const LABELS: &[(&str, FieldKey)] = &[
    ("datum", FieldKey::Date),
    ("betreft", FieldKey::Subject),
    ("onderwerp", FieldKey::Subject),
    ("ons kenmerk", FieldKey::OurReference),
    ("onze referentie", FieldKey::OurReference),
    ("kenmerk", FieldKey::OurReference),
    ("uw kenmerk", FieldKey::YourReference),
    ("uw referentie", FieldKey::YourReference),
    ("uw brief", FieldKey::YourReference),
    ("uw brief van", FieldKey::YourReference),
    ("bijlage(n)", FieldKey::Attachments),
    ("bijlagen", FieldKey::Attachments),
    ("bijlage", FieldKey::Attachments),
    ("contactpersoon", FieldKey::ContactPerson),
    ("bezoekadres", FieldKey::Address),
    ("postadres", FieldKey::Address),
    ("inlichtingen", FieldKey::ContactPerson),
    ("behandeld door", FieldKey::ContactPerson),
    ("doorkiesnummer", FieldKey::Other),
    ("telefoon", FieldKey::Other),
    ("e-mail", FieldKey::Other),
    ("pagina", FieldKey::Page),
];

/// The front matter found, and where the body begins.
pub struct Front {
    pub metadata: Metadata,
    /// Indices (into the lines) of the salutation: one line, or two where a narrow column
    /// wraps it (`Geachte` / `voorzitter,`); empty without one.
    pub salutation: Vec<usize>,
    /// Position in `body` of the first line after the front matter.
    pub body_start: usize,
}

/// The body lines with those read after the salutation but standing above it on its page
/// moved to just before it: front matter on the columns' grid (a row of fields above two
/// columns, its right field read with the right column). A reference column in type a
/// little smaller than the body's, read as a column of the body, goes there too: the lines
/// after one moved there in the same smaller type, and a run of lines in one smaller type on
/// the salutation's page with two field labels alone (`Betreft`, `Ons kenmerk`). So does
/// the rest of a column beside the salutation moved there, line by line down its edge (its
/// last line level with the salutation, in the body's type: `brief.`), and a column of
/// fields that starts with a label alone beside the salutation (`Ons kenmerk` of a
/// one-field column in the body's type).
pub fn front_matter_first(lines: &[TextLine], body: &[usize]) -> Vec<usize> {
    let Some(at) = salutation_position(lines, body) else {
        return body.to_vec();
    };
    let Some(salutation) = body.get(at).and_then(|&i| lines.get(i)) else {
        return body.to_vec();
    };
    let (before, after) = body.split_at(at);
    let mut moved = column_runs(lines, after, salutation.size, |l| {
        l.page == salutation.page && is_bare_label(&l.text)
    });
    // The size of the smaller type of the run of lines moved last.
    let mut run: Option<f32> = None;
    // The line moved last, where it stands beside the salutation (a column of its own).
    let mut column_line: Option<&TextLine> = None;
    for (i, line) in after.iter().enumerate() {
        let Some(line) = lines.get(*line) else {
            continue;
        };
        let beside = line.bbox.x0 >= salutation.bbox.x1 || line.bbox.x1 <= salutation.bbox.x0;
        // Above the salutation, or a field's label alone beside it, over a few lines or
        // over more fields' labels (a column of fields level with it, not a column of text:
        // an appendix's heading `Bijlage:` wrapped at the third column's top).
        let above = line.page == salutation.page
            && (line.bbox.y1 < salutation.bbox.y0
                || (beside
                    && line.bbox.y0 < salutation.bbox.y1
                    && is_bare_label(&line.text)
                    && is_field_column(&lines_under(lines, after, line))));
        let runs_on = run.is_some_and(|size| {
            line.page == salutation.page && (line.size - size).abs() <= 0.01 * size
        });
        let Some(m) = moved.get_mut(i) else { continue };
        *m |= above || runs_on || column_line.is_some_and(|last| continues_column(last, line));
        run = (*m)
            .then_some(line.size)
            .filter(|&size| size < 0.99 * salutation.size);
        column_line = (*m && beside).then_some(line);
    }
    let mut out = before.to_vec();
    for first in [true, false] {
        out.extend(
            after
                .iter()
                .zip(&moved)
                .filter(|&(_, &m)| m == first)
                .map(|(i, _)| i),
        );
    }
    next_columns_top_in_place(lines, &mut out, salutation);
    out
}

/// The `body` lines that stand under `line` on its page, overlapping it across.
fn lines_under<'l>(lines: &'l [TextLine], body: &[usize], line: &TextLine) -> Vec<&'l TextLine> {
    body.iter()
        .filter_map(|&i| lines.get(i))
        .filter(|l| {
            l.page == line.page
                && l.bbox.y0 >= line.bbox.y1
                && l.bbox.horizontal_overlap(&line.bbox) > 0.0
        })
        .collect()
}

/// The lines under a field's label are a column of fields: a few lines (a field or two and
/// a page number), or more with another field's label alone among them.
fn is_field_column(under: &[&TextLine]) -> bool {
    under.len() < FIELD_COLUMN_LINES || under.iter().any(|l| is_bare_label(&l.text))
}

/// See [`is_field_column`].
const FIELD_COLUMN_LINES: usize = 8;

/// `line` is the next line of the column `last` stands in, read after the body (a reference
/// column in the body's type, its last line below the salutation's top): on its page, at its
/// left edge, in its type, right under it or one empty row down (the next field).
fn continues_column(last: &TextLine, line: &TextLine) -> bool {
    let gap = line.bbox.y0 - last.bbox.y1;
    line.page == last.page
        && (line.bbox.x0 - last.bbox.x0).abs() <= 1.0
        && (line.size - last.size).abs() <= 0.01 * last.size
        && (0.0..=EMPTY_ROW_GAP * last.size).contains(&gap)
}

/// The widest gap, in the column's type size, between its lines one empty row apart (two
/// pitches of up to 1.5 less a line's height).
const EMPTY_ROW_GAP: f32 = 2.2;

/// A body line level with the salutation but a column to its right, alone in that column
/// and in the salutation's type, is the last line of a paragraph that ran on into the next column, read with the
/// salutation's row: it goes after the page's last line left of it.
fn next_columns_top_in_place(lines: &[TextLine], body: &mut Vec<usize>, salutation: &TextLine) {
    // Nothing below it in its column, nor right above it (a reference column's last line).
    let alone_in_column = |l: &TextLine| {
        !body.iter().filter_map(|&i| lines.get(i)).any(|o| {
            let above = o.bbox.y1 <= l.bbox.y0 && l.bbox.y0 - o.bbox.y1 < l.bbox.height();
            o.page == l.page
                && (o.bbox.y0 > l.bbox.y1 || above)
                && o.bbox.horizontal_overlap(&l.bbox) > 0.0
        })
    };
    let level_right = |l: &TextLine| {
        l.page == salutation.page
            && (l.baseline - salutation.baseline).abs() < 0.3 * salutation.size
            // In the body's type: a reference column's field is set smaller.
            && (l.size - salutation.size).abs() <= 0.01 * salutation.size
            && l.bbox.x0 > salutation.bbox.x1 + 2.0 * salutation.size
            && alone_in_column(l)
    };
    let Some(from) = body
        .iter()
        .position(|&i| lines.get(i).is_some_and(level_right))
    else {
        return;
    };
    let Some(line) = body.get(from).and_then(|&i| lines.get(i)) else {
        return;
    };
    let left_of = |l: &TextLine| l.page == line.page && l.bbox.x1 <= line.bbox.x0;
    let Some(to) = body
        .iter()
        .rposition(|&i| lines.get(i).is_some_and(left_of))
        .filter(|&to| to > from)
    else {
        return;
    };
    let moved = body.remove(from);
    body.insert(to, moved);
}

/// The body after the front matter without a running reference column read as body (type
/// a little smaller than the body's, so not set apart as margin), and that column's lines:
/// a run of lines in one smaller type of which two repeat what the first page's front matter
/// or margin says or are field labels alone (`Datum`, `Ons kenmerk`).
pub fn without_running_column(
    lines: &[TextLine],
    rest: &[usize],
    front: &[usize],
    m: &Measures,
) -> (Vec<usize>, Vec<usize>) {
    let first_page = lines.iter().map(|l| l.page).min().unwrap_or(1);
    let known: HashSet<&str> = front
        .iter()
        .filter_map(|&i| lines.get(i))
        .chain(
            lines
                .iter()
                .filter(|l| l.page == first_page && l.role == Role::Margin),
        )
        .map(|l| l.text.trim())
        .collect();
    let says_front = |l: &TextLine| known.contains(l.text.trim()) || is_bare_label(&l.text);
    let in_column = column_runs(lines, rest, m.size, says_front);
    let (column, body): (Vec<(&usize, &bool)>, _) =
        rest.iter().zip(&in_column).partition(|&(_, &c)| c);
    (
        body.into_iter().map(|(&i, _)| i).collect(),
        column.into_iter().map(|(&i, _)| i).collect(),
    )
}

/// Which of `idx` lie in a run of lines in one type smaller than `size` ([`smaller_runs`]),
/// one to a row, with two lines or more that `tells` marks as a reference column's.
fn column_runs(
    lines: &[TextLine],
    idx: &[usize],
    size: f32,
    tells: impl Fn(&TextLine) -> bool,
) -> Vec<bool> {
    let mut marked = vec![false; idx.len()];
    for run in smaller_runs(lines, idx, size) {
        let run_lines = idx.get(run.clone()).unwrap_or_default();
        let telling = run_lines
            .iter()
            .filter(|&&i| lines.get(i).is_some_and(&tells))
            .count();
        if telling >= 2 && one_line_a_row(lines, run_lines) {
            marked.get_mut(run).unwrap_or_default().fill(true);
        }
    }
    marked
}

/// Runs of consecutive lines (positions in `idx`) on one page in one type smaller than the
/// body's `size`: where a reference column read as body stands.
fn smaller_runs(lines: &[TextLine], idx: &[usize], size: f32) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start: Option<(usize, &TextLine)> = None;
    for (pos, line) in idx.iter().map(|&i| lines.get(i)).enumerate() {
        let smaller = line.filter(|l| l.size < 0.99 * size);
        let runs_on = start.zip(smaller).is_some_and(|((_, first), l)| {
            first.page == l.page && (first.size - l.size).abs() <= 0.01 * first.size
        });
        if !runs_on && let Some((from, _)) = start.take() {
            runs.push(from..pos);
        }
        if start.is_none() {
            start = smaller.map(|l| (pos, l));
        }
    }
    if let Some((from, _)) = start {
        runs.push(from..idx.len());
    }
    runs
}

/// Whether no two of the lines stand level: a column of fields, not a table in small type
/// whose header row names fields (`Datum`, `Onderwerp`).
fn one_line_a_row(lines: &[TextLine], run: &[usize]) -> bool {
    let mut rows: Vec<(u32, f32, f32)> = run
        .iter()
        .filter_map(|&i| lines.get(i))
        .map(|l| (l.page, l.baseline, l.size))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    rows.windows(2).all(|pair| match pair {
        [a, b] => a.0 != b.0 || b.1 - a.1 >= 0.3 * a.2,
        _ => true,
    })
}

/// A field's label alone on its line (`Datum`, `Ons kenmerk`), as a reference column sets it.
fn is_bare_label(text: &str) -> bool {
    label_of(text).is_some_and(|(_, _, value)| value.is_empty())
}

/// Where in `body` the salutation stands: its first line on the first two pages.
fn salutation_position(lines: &[TextLine], body: &[usize]) -> Option<usize> {
    body.iter().position(|&i| {
        lines
            .get(i)
            .is_some_and(|l| l.page <= 2 && is_salutation(&l.text))
    })
}

/// Reads the front matter from the body lines before the salutation and from the reference
/// column of the first page; `masthead`: the lines of a publication's masthead (sorted).
pub fn read(
    lines: &[TextLine],
    body: &[usize],
    masthead: &[usize],
    m: &Measures,
    lexicon: &Lexicon,
) -> Front {
    let salutation_pos = salutation_position(lines, body);
    // Without a salutation, the front matter is the run of lines that show themselves to
    // be letterhead, addresses and labelled fields.
    let front_len = salutation_pos.unwrap_or_else(|| front_length(lines, body, m));
    let front_lines: Vec<&TextLine> = body
        .iter()
        .take(front_len)
        .filter_map(|&i| lines.get(i))
        .collect();
    let mut metadata = Metadata {
        pages: lines.iter().map(|l| l.page).max().unwrap_or(0),
        ..Metadata::default()
    };
    // The first page's margin column, with a page number standing in it (`Pagina 1 van 3`),
    // not one in the page's foot.
    let margin: Vec<&TextLine> = lines
        .iter()
        .filter(|l| l.page == 1 && l.role == Role::Margin)
        .collect();
    let in_column = |l: &TextLine| {
        margin
            .iter()
            .any(|m| m.bbox.horizontal_overlap(&l.bbox) > 0.0)
    };
    // A publication's masthead and colophon in the margin (`Vergaderjaar 2020–2021`,
    // `kst-28676-360`, `ISSN …`) are the publication's, read there, not the letter's fields.
    let column: Vec<&TextLine> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            l.page == 1
                && (l.role == Role::Margin || l.role == Role::PageNumber && in_column(l))
                && masthead.binary_search(i).is_err()
        })
        .map(|(_, l)| l)
        .collect();
    metadata.reference_column = reference_fields(&column);
    read_letterhead(&front_lines, m, lexicon, &mut metadata);
    fill_from_fields(&mut metadata);
    let salutation = salutation_pos.map_or_else(Vec::new, |p| salutation_lines(lines, body, p));
    Front {
        metadata,
        body_start: salutation_pos.map_or(front_len, |p| p + salutation.len()),
        salutation,
    }
}

/// The salutation's lines from `body[at]` on: that line, and the next where the salutation
/// wraps in a narrow column: no `,` or `:` at the first line's end, and the next line, at
/// the same left edge right below, ends with one and completes a salutation in a few words.
fn salutation_lines(lines: &[TextLine], body: &[usize], at: usize) -> Vec<usize> {
    let mut out: Vec<usize> = body.get(at).copied().into_iter().collect();
    let (Some(&i), Some(&j)) = (body.get(at), body.get(at + 1)) else {
        return out;
    };
    let (Some(first), Some(next)) = (lines.get(i), lines.get(j)) else {
        return out;
    };
    let ends_open = !first.text.trim_end().ends_with([',', ':']);
    // A salutation's tail is a few words (`voorzitter,`, `heer Jansen,`), not a sentence.
    let completes = next.text.trim_end().ends_with([',', ':'])
        && next.text.split_whitespace().count() <= 3
        && is_salutation(&format!("{} {}", first.text.trim_end(), next.text.trim()));
    let below = next.page == first.page
        && (next.bbox.x0 - first.bbox.x0).abs() < first.size
        && next.baseline > first.baseline
        && next.baseline - first.baseline < 2.0 * first.size;
    if ends_open && completes && below {
        out.push(j);
    }
    out
}

/// What a line of the front matter shows itself to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FrontLine {
    ReturnAddress,
    /// Opens an addressee block (`Aan de Voorzitter …`, `De voorzitter van …`).
    Addressee,
    Postal,
    Label,
    PlaceAndDate,
}

fn front_line(text: &str) -> Option<FrontLine> {
    let lower = text.to_lowercase();
    if is_return_address(&lower) {
        Some(FrontLine::ReturnAddress)
    } else if label_of(text).is_some() {
        Some(FrontLine::Label)
    } else if is_place_and_date(text) && parse_dutch_date(text).is_some() {
        Some(FrontLine::PlaceAndDate)
    } else if is_postal(text) {
        Some(FrontLine::Postal)
    } else if opens_addressee(&lower) {
        Some(FrontLine::Addressee)
    } else {
        None
    }
}

/// `> Retouradres Postbus 20061 2500 EB Den Haag` (lower-cased): the return address line.
fn is_return_address(lower: &str) -> bool {
    lower
        .trim_start_matches(['>', ' '])
        .starts_with("retouradres")
}

/// The first line of an addressee block (lower-cased): `Aan de Voorzitter van de Tweede
/// Kamer …`, `De voorzitter van …`, `Aan de leden van de vaste commissie …`; short, naming
/// whom it is addressed to, not a sentence (`Aan de hand van het rapport …` is body).
fn opens_addressee(lower: &str) -> bool {
    let opens = lower.starts_with("aan ") || lower.starts_with("de voorzitter");
    let names = [
        "voorzitter",
        "kamer",
        "commissie",
        "leden",
        "minister",
        "staatssecretaris",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let words = lower.split_whitespace().count();
    opens
        && names
        && words <= 14
        && !lower.trim_end().ends_with(['.', ',', ';', ':'])
        && !lower.starts_with("aan de hand")
}

/// Lines of letterhead allowed above the first line that shows itself to be front matter.
const MAX_LETTERHEAD_LINES: usize = 6;

/// How many of the first body lines are front matter, in a letter without a salutation:
/// a run on the first page of return address, addressee (a block ending in a postal line),
/// labelled fields with their values running on (indented), a place and date, and a few
/// lines of letterhead above them. The first line that is none of these opens the body;
/// no line that shows itself to be front matter gives 0.
fn front_length(lines: &[TextLine], body: &[usize], m: &Measures) -> usize {
    let first_page = body.first().and_then(|&i| lines.get(i)).map(|l| l.page);
    let mut end = 0;
    let mut seen = false;
    let mut block_open = false;
    let mut label_x: Option<f32> = None;
    // Labels alone on their line whose values are still to come (a row of labels over a
    // row of values: `Datum  Kenmerk  Betreft`).
    let mut labels_waiting = 0usize;
    let mut previous: Option<&TextLine> = None;
    for (n, line) in body.iter().filter_map(|&i| lines.get(i)).enumerate() {
        if Some(line.page) != first_page {
            break;
        }
        let gap = previous.is_some_and(|p| line.baseline - p.baseline > 1.45 * m.pitch);
        previous = Some(line);
        if gap {
            block_open = false;
            label_x = None;
            labels_waiting = 0;
        }
        let kind = front_line(&line.text);
        // A value runs on indented past its label, or stands under a label alone on its line.
        let under_label = kind != Some(FrontLine::Label) && labels_waiting > 0;
        let continues_value =
            label_x.is_some_and(|x| line.bbox.x0 > x + 1.5 * m.size) || under_label;
        if under_label {
            labels_waiting -= 1;
        }
        let belongs = match kind {
            Some(FrontLine::Label) => {
                label_x = Some(line.bbox.x0);
                if label_of(&line.text).is_some_and(|(_, _, rest)| rest.is_empty()) {
                    labels_waiting += 1;
                } else {
                    labels_waiting = 0;
                }
                true
            }
            Some(FrontLine::ReturnAddress | FrontLine::Addressee) => {
                block_open = true;
                true
            }
            Some(FrontLine::Postal | FrontLine::PlaceAndDate) => true,
            None => continues_value || block_open,
        };
        if belongs {
            seen = true;
            end = n + 1;
            if kind.is_some() && kind != Some(FrontLine::Label) {
                label_x = None;
            }
            if kind == Some(FrontLine::Postal) && is_city_line(&line.text) {
                block_open = false;
            }
            continue;
        }
        let letterhead = !seen && n < MAX_LETTERHEAD_LINES && !line.ends_sentence();
        if !letterhead {
            break;
        }
    }
    if seen { end } else { 0 }
}

/// The last line of a Dutch address: postcode and town (`2500 EA  DEN HAAG`).
fn is_city_line(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A known label at the start of a line: (key, label as printed, the rest of the line).
fn label_of(text: &str) -> Option<(FieldKey, &str, &str)> {
    // A label is printed with a capital (`Datum`, `Ons kenmerk`, `DATUM`); a lowercase word
    // opening a line is running text (`datum en het kenmerk van deze brief.`).
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = text.to_lowercase();
    LABELS
        .iter()
        .filter(|(label, _)| {
            lower.starts_with(label)
                && lower
                    .get(label.len()..)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', '\t']))
        })
        .max_by_key(|(label, _)| label.len())
        .and_then(|(label, key)| {
            let printed = text.get(..label.len())?;
            let rest = text.get(label.len()..)?.trim_start_matches(':').trim();
            Some((*key, printed, rest))
        })
}

/// The reference column as label/value pairs. Lines before the first label are the sender's
/// name and address, one entry each; a bold line followed by plain ones is a label too, known
/// or not. A value ends at the next label or at a blank line; unlabelled text after the
/// labels (a closing note) is one entry.
fn reference_fields(column: &[&TextLine]) -> Vec<ReferenceField> {
    let rights = right_edges(column);
    let mut fields: Vec<ReferenceField> = Vec::new();
    let mut seen_label = false;
    let mut open = false;
    let mut previous: Option<&TextLine> = None;
    let pitches = ColumnPitches::of(column);
    for (n, line) in column.iter().enumerate() {
        let gap = previous.is_some_and(|p| {
            p.page != line.page || line.baseline - p.baseline > 1.5 * pitches.of_size(line.size)
        });
        let above = previous;
        previous = Some(line);
        let next_plain = column.get(n + 1).is_some_and(|l| !l.bold);
        let field = |label: Option<String>, key: FieldKey, value: String| ReferenceField {
            label,
            key,
            value,
            page: line.page,
            bbox: line.bbox,
        };
        if let Some((key, printed, rest)) = label_of(&line.text) {
            seen_label = true;
            open = rest.is_empty() || key != FieldKey::Page;
            let value = if key == FieldKey::Page {
                line.text.clone()
            } else {
                rest.to_string()
            };
            fields.push(field(Some(printed.to_string()), key, value));
        } else if line.role == Role::PageNumber {
            // A page number the extractor found in the column (`1/1`, `- 1 -`): a field of
            // its own, never the last line of the value above it, however close it stands.
            open = false;
            fields.push(field(None, FieldKey::Page, line.text.clone()));
        } else if seen_label && line.bold && next_plain {
            open = true;
            fields.push(field(
                Some(line.text.clone()),
                FieldKey::Other,
                String::new(),
            ));
        } else if let Some(last) = fields
            .last_mut()
            .filter(|f| seen_label && open && (!gap || f.value.is_empty()))
        {
            push_value_line(&mut last.value, &line.text);
            last.bbox = last.bbox.union(&line.bbox);
        } else if seen_label {
            open = true;
            fields.push(field(None, FieldKey::Other, line.text.clone()));
        } else if let Some(name) = fields
            .last_mut()
            .filter(|_| !gap && above.is_some_and(|a| continues_bold_name(a, line, &rights)))
        {
            push_value_line(&mut name.value, &line.text);
            name.bbox = name.bbox.union(&line.bbox);
        } else {
            fields.push(field(None, FieldKey::Sender, line.text.clone()));
        }
    }
    fields
}

/// Whether `line` goes on with the name on `previous`, the line above it at the head of the
/// column: the house style sets the sender's name in bold over plain address lines, so a
/// bold line under a bold line in the same type, whose first word would not have fitted on
/// it within the column's widest line, is the name wrapped (`Ministerie van Buitenlandse` /
/// `Zaken`).
fn continues_bold_name(previous: &TextLine, line: &TextLine, rights: &FxHashMap<u32, f32>) -> bool {
    let column_right = rights.get(&line.page).copied().unwrap_or(f32::MIN);
    let space = 0.2 * line.size;
    previous.bold
        && line.bold
        && previous.page == line.page
        && (previous.size - line.size).abs() <= 0.1 * line.size
        && previous.bbox.x1 + space + line.first_word_width > column_right
}

/// The right edge of the column's widest line, per page.
fn right_edges(column: &[&TextLine]) -> FxHashMap<u32, f32> {
    let mut rights = FxHashMap::default();
    for line in column {
        let right = rights.entry(line.page).or_insert(line.bbox.x1);
        *right = right.max(line.bbox.x1);
    }
    rights
}

/// The usual distance between consecutive baselines of the column's lines, by their type:
/// a sender's name in larger type over the fields does not widen the fields' pitch.
struct ColumnPitches {
    /// By type size (its bits): the steps down to a line of that size from one within a
    /// tenth of it.
    by_size: FxHashMap<u32, f32>,
    /// Over all the column's steps, for a size that has none of its own.
    all: f32,
}

impl ColumnPitches {
    fn of(column: &[&TextLine]) -> ColumnPitches {
        let mut all = Vec::new();
        let mut by_size: FxHashMap<u32, Vec<f32>> = FxHashMap::default();
        for pair in column.windows(2) {
            let [a, b] = pair else { continue };
            if a.page != b.page || b.baseline <= a.baseline {
                continue;
            }
            let step = b.baseline - a.baseline;
            all.push(step);
            if (a.size - b.size).abs() <= 0.1 * b.size {
                by_size.entry(b.size.to_bits()).or_default().push(step);
            }
        }
        ColumnPitches {
            by_size: by_size
                .into_iter()
                .map(|(size, mut steps)| (size, usual_step(&mut steps)))
                .collect(),
            all: usual_step(&mut all),
        }
    }

    fn of_size(&self, size: f32) -> f32 {
        self.by_size
            .get(&size.to_bits())
            .copied()
            .unwrap_or(self.all)
    }
}

/// The largest step within 1.3 times the smallest: the pitch of lines set one under the
/// other, a little uneven; 10 where there are no steps.
fn usual_step(steps: &mut [f32]) -> f32 {
    steps.sort_by(f32::total_cmp);
    steps.first().copied().map_or(10.0, |min| {
        steps
            .iter()
            .copied()
            .filter(|s| *s < 1.3 * min)
            .fold(min, f32::max)
    })
}

/// Return address, addressee and label/value lines among the lines above the salutation.
fn read_letterhead(front: &[&TextLine], m: &Measures, lexicon: &Lexicon, metadata: &mut Metadata) {
    let mut addressee_open = false;
    let mut label_field: Option<usize> = None;
    let mut label_row: Vec<usize> = Vec::new();
    // Labels stacked without values (`Datum` / `Onderwerp`), and the field last given a
    // value beside them.
    let mut label_column: Vec<(usize, Rect)> = Vec::new();
    let mut beside_field: Option<usize> = None;
    // Lines under such a column at the labels' edge: the last value wrapped back there (a
    // subject set after a plain tab), read before the values beside the labels.
    let mut wrapped_under: Vec<(usize, &TextLine)> = Vec::new();
    let mut previous: Option<&TextLine> = None;
    let mut letterhead: Vec<String> = Vec::new();
    for line in front {
        // A line well below the one before, or back above it (a column read after the
        // lines beside it), does not run on from it.
        let gap = previous.is_some_and(|p| {
            let down = line.baseline - p.baseline;
            p.page != line.page || down > 1.45 * m.pitch || down < -0.5 * m.pitch
        });
        if gap {
            addressee_open = false;
        }
        previous = Some(line);
        let lower = line.text.to_lowercase();
        if let Some(at) = lower
            .find("retouradres")
            .filter(|_| is_return_address(&lower))
        {
            let rest = line
                .text
                .get(at + "retouradres".len()..)
                .unwrap_or_default();
            metadata.return_address = Some(rest.trim_start_matches(':').trim().to_string());
            addressee_open = true;
            continue;
        }
        if is_place_and_date(&line.text) {
            // `Den Haag, 7 april 2021`: the place and the date, unlabelled.
            if let Some((place, _)) = line.text.split_once(',') {
                metadata
                    .place
                    .get_or_insert_with(|| place.trim().to_string());
            }
            metadata.reference_column.push(ReferenceField {
                label: None,
                key: FieldKey::Date,
                value: line.text.clone(),
                page: line.page,
                bbox: line.bbox,
            });
            label_field = None;
            addressee_open = false;
            continue;
        }
        if let Some((key, printed, rest)) = label_of(&line.text) {
            metadata.reference_column.push(ReferenceField {
                label: Some(printed.to_string()),
                key,
                value: rest.to_string(),
                page: line.page,
                bbox: line.bbox,
            });
            let index = metadata.reference_column.len() - 1;
            // Labels side by side on one row wait for the row of values under them.
            let beside = label_row
                .last()
                .and_then(|&i| metadata.reference_column.get(i))
                .is_some_and(|f| (f.bbox.y1 - line.bbox.y1).abs() < 0.3 * m.size);
            if !beside {
                label_row.clear();
            }
            if rest.is_empty() {
                label_row.push(index);
            }
            let stacked = label_column.last().is_some_and(|(_, above)| {
                (above.x0 - line.bbox.x0).abs() < m.size && line.bbox.y0 >= above.y1 - 0.3 * m.size
            });
            if !stacked || beside || !rest.is_empty() {
                label_column.clear();
                beside_field = None;
            }
            if rest.is_empty() && !beside {
                label_column.push((index, line.bbox));
            }
            label_field = Some(index);
            addressee_open = false;
            continue;
        }
        // Values under a row of labels: each to the label it stands under.
        if label_row.len() > 1
            && !gap
            && place_under_labels(line, &label_row, &mut metadata.reference_column, lexicon)
        {
            continue;
        }
        if label_column.len() > 1
            && place_beside_labels(
                line,
                &label_column,
                &mut metadata.reference_column,
                m.size,
                lexicon,
                &mut beside_field,
            )
        {
            continue;
        }
        if addressee_open || (metadata.addressee.is_empty() && opens_addressee(&lower)) {
            metadata.addressee.push(line.text.clone());
            addressee_open = true;
            continue;
        }
        if let Some(&(last, label)) = label_column.last().filter(|_| label_column.len() > 1)
            && label_field == Some(last)
            && !gap
            && (line.bbox.x0 - label.x0).abs() < m.size
            && metadata
                .reference_column
                .get(last)
                .is_some_and(|f| f.value.is_empty())
        {
            wrapped_under.push((last, line));
            continue;
        }
        // A value running over two lines (`Onderwerp` with a long subject); a part of the
        // line under another label of the field's row that has no value yet is that one's.
        match label_field.filter(|_| !gap) {
            Some(i) => {
                for (text, bbox) in line.part_texts() {
                    let target = label_beside(&metadata.reference_column, i, &bbox, m.size);
                    if let Some(field) = metadata.reference_column.get_mut(target) {
                        push_field_line(field, text, lexicon);
                        field.bbox = field.bbox.union(&bbox);
                    }
                }
            }
            None => {
                label_field = None;
                letterhead.push(line.text.clone());
            }
        }
    }
    for (i, line) in wrapped_under {
        if let Some(field) = metadata.reference_column.get_mut(i) {
            push_field_line(field, &line.text, lexicon);
            field.bbox = field.bbox.union(&line.bbox);
        }
    }
    if metadata
        .reference_column
        .iter()
        .all(|f| f.key != FieldKey::Sender)
        && let Some(first) = letterhead.first()
    {
        metadata.sender = Some(first.clone());
    }
    metadata.letterhead = letterhead;
}

/// The field a part of a value line below field `i` goes to: another labelled field still
/// without a value whose label stands in `i`'s row (same top) over the part (fields set side
/// by side above the body, the one beside read as margin), or `i` itself.
fn label_beside(fields: &[ReferenceField], i: usize, part: &Rect, size: f32) -> usize {
    let Some(own) = fields.get(i) else { return i };
    fields
        .iter()
        .enumerate()
        .find(|(j, f)| {
            *j != i
                && f.label.is_some()
                && f.value.is_empty()
                && f.page == own.page
                && (f.bbox.y0 - own.bbox.y0).abs() < 0.3 * size
                && f.bbox.horizontal_overlap(part) > 0.0
                && own.bbox.horizontal_overlap(part) <= 0.0
        })
        .map_or(i, |(j, _)| j)
}

/// Places a line beside a column of labels stacked without values (`Datum` / `Onderwerp`,
/// their values read after them as a column of their own): to the label level with it, or,
/// right below the value placed last, as that value's next line. False when the line is not
/// right of the labels.
fn place_beside_labels(
    line: &TextLine,
    column: &[(usize, Rect)],
    fields: &mut [ReferenceField],
    size: f32,
    lexicon: &Lexicon,
    last: &mut Option<usize>,
) -> bool {
    let labels_end = column
        .iter()
        .map(|(_, r)| r.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    if line.bbox.x0 <= labels_end {
        return false;
    }
    let level = column
        .iter()
        .find(|(_, r)| (r.y1 - line.bbox.y1).abs() < 0.3 * size)
        .map(|&(i, _)| i);
    let below_last = last.filter(|&i| {
        fields.get(i).is_some_and(|f| {
            line.bbox.y0 >= f.bbox.y1 - 0.3 * size && line.bbox.y0 - f.bbox.y1 < size
        })
    });
    let Some(i) = level.or(below_last) else {
        return false;
    };
    let Some(field) = fields.get_mut(i) else {
        return false;
    };
    push_field_line(field, &line.text, lexicon);
    field.bbox = field.bbox.union(&line.bbox);
    *last = Some(i);
    true
}

/// Places a line under a row of labels (`Datum   Onderwerp   Ons kenmerk`): each of its
/// parts (values side by side stand apart by a wide gap) goes to the label above it, the one
/// its extent overlaps most; a part under a label that has its value already continues it (a
/// subject that wraps). False when a part stands under none of them.
fn place_under_labels(
    line: &TextLine,
    row: &[usize],
    fields: &mut [ReferenceField],
    lexicon: &Lexicon,
) -> bool {
    let label_under = |part: &Rect| {
        row.iter()
            .filter_map(|&i| Some((i, fields.get(i)?.bbox.horizontal_overlap(part))))
            .filter(|&(_, overlap)| overlap > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    };
    let Some(placed) = line
        .part_texts()
        .map(|(text, bbox)| Some((label_under(&bbox)?, text, bbox)))
        .collect::<Option<Vec<_>>>()
    else {
        return false;
    };
    for (target, value, bbox) in placed {
        let Some(field) = fields.get_mut(target) else {
            continue;
        };
        push_field_line(field, value, lexicon);
        field.bbox = field.bbox.union(&bbox);
    }
    true
}

/// Date, subject, sender and reference from the fields.
fn fill_from_fields(metadata: &mut Metadata) {
    let value = |key: FieldKey| {
        metadata
            .reference_column
            .iter()
            .find(|f| f.key == key && !f.value.is_empty())
            .map(|f| f.value.clone())
    };
    let date = value(FieldKey::Date).and_then(|d| parse_dutch_date(&d));
    let subject = value(FieldKey::Subject);
    let reference = value(FieldKey::OurReference);
    let sender = sender_name(&metadata.reference_column);
    metadata.date = date;
    metadata.subject = subject;
    metadata.sender_reference = reference;
    if sender.is_some() {
        metadata.sender = sender;
    }
}

/// The sender's name: the column's first unlabelled line, and the lines it wraps onto
/// (`Ministerie van` / `Infrastructuur en` / `Waterstaat`: a line that ends in a word
/// that joins, or a comma, goes on, as does one the next line continues in lower case), up
/// to the first line of an address (a digit, `www.` or `@`).
fn sender_name(fields: &[ReferenceField]) -> Option<String> {
    let first = fields.iter().position(|f| f.key == FieldKey::Sender)?;
    let mut lines = fields
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|f| f.key == FieldKey::Sender)
        .map(|f| f.value.as_str())
        .peekable();
    let mut name = String::new();
    while let Some(line) = lines.next() {
        push_value_line(&mut name, line);
        let next = lines.peek().copied().unwrap_or_default();
        let is_address =
            next.chars().any(|c| c.is_ascii_digit()) || next.contains("www.") || next.contains('@');
        if next.is_empty()
            || is_address
            || !(wraps_on(line) || next.starts_with(char::is_lowercase))
        {
            break;
        }
    }
    Some(name)
}

/// A line of a name that goes on on the next: it ends in a word that joins two more
/// (`van`, `en`, `voor`) or in a comma, a hyphen or `&`.
fn wraps_on(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or_default();
    last.ends_with([',', '-', '&']) || NAME_JOINERS.contains(&last.to_lowercase().as_str())
}

/// Words that join the parts of a name (`Ministerie van`, `Infrastructuur en`).
const NAME_JOINERS: &[&str] = &[
    "van", "en", "voor", "der", "de", "het", "of", "and", "for", "the",
];

/// Adds a line to a field's value: the subject, prose, as running text (the document's own
/// words decide a line-end hyphen, as in the body); other values by [`push_value_line`].
fn push_field_line(field: &mut ReferenceField, line: &str, lexicon: &Lexicon) {
    if field.key == FieldKey::Subject {
        join::push_line(&mut field.value, line, lexicon);
    } else {
        push_value_line(&mut field.value, line);
    }
}

/// Adds a line of a field's value: after a space, or straight after a hyphen that ends a
/// word or number (a reference broken at its own hyphen in a narrow column, `…-1055210-` /
/// `CZ`).
fn push_value_line(value: &mut String, line: &str) {
    let mut end = value.chars().rev();
    let at_hyphen = end.next() == Some('-') && end.next().is_some_and(char::is_alphanumeric);
    if !value.is_empty() && !at_hyphen {
        value.push(' ');
    }
    value.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of `text` on page 1 at (`x`, `baseline`) in `size` type.
    fn at(text: &str, x: f32, baseline: f32, size: f32) -> TextLine {
        let mut line = TextLine::plain(1, 0, text);
        line.bbox = Rect::new(
            x,
            baseline - 0.8 * size,
            x + 0.5 * size * text.chars().count() as f32,
            baseline + 0.2 * size,
        );
        line.baseline = baseline;
        line.size = size;
        line.typographic = true;
        line
    }

    /// After the salutation, in 7.8 pt beside a body in 8.2: a reference column read as a
    /// column of the body goes to the front matter; a small table whose header row names
    /// fields stays where it is.
    #[test]
    fn a_near_body_reference_column_is_front_matter_a_small_table_is_not() {
        let column = [
            at("Geachte voorzitter,", 57.0, 300.0, 8.2),
            at("Met deze brief informeer ik uw Kamer.", 57.0, 312.0, 8.2),
            at("Betreft", 430.0, 300.0, 7.8),
            at("Voortgang van het programma", 430.0, 310.0, 7.8),
            at("Ons kenmerk", 430.0, 330.0, 7.8),
            at("IENW/BSK-2024/12345", 430.0, 340.0, 7.8),
        ];
        let body: Vec<usize> = (0..column.len()).collect();
        assert_eq!(front_matter_first(&column, &body), [2, 3, 4, 5, 0, 1]);
        let table = [
            at("Geachte voorzitter,", 57.0, 300.0, 8.2),
            at("Het overzicht:", 57.0, 312.0, 8.2),
            at("Datum", 57.0, 330.0, 7.8),
            at("Onderwerp", 200.0, 330.0, 7.8),
            at("12 maart 2024", 57.0, 340.0, 7.8),
            at("Voortgang", 200.0, 340.0, 7.8),
        ];
        assert_eq!(front_matter_first(&table, &body), body);
    }

    /// On a later page, a run in smaller type that repeats the first page's fields is a
    /// running column; the same run without them is body.
    #[test]
    fn a_running_column_repeats_the_first_pages_fields() {
        let mut lines = vec![
            at("Ons kenmerk", 430.0, 100.0, 7.8),
            at("IENW/BSK-2024/12345", 430.0, 110.0, 7.8),
            at("De tekst loopt door.", 57.0, 100.0, 8.2),
            at("Ons kenmerk", 430.0, 100.0, 7.8),
            at("IENW/BSK-2024/12345", 430.0, 110.0, 7.8),
            at("Nog een zin.", 57.0, 112.0, 8.2),
        ];
        for line in lines.iter_mut().skip(2) {
            line.page = 2;
        }
        let m = Measures {
            size: 8.2,
            pitch: 12.0,
            typographic: true,
        };
        let (body, column) = without_running_column(&lines, &[2, 3, 4, 5], &[0, 1], &m);
        assert_eq!((body, column), (vec![2, 5], vec![3, 4]));
        let notes = [at("1 Zie de bijlage.", 57.0, 700.0, 6.5)];
        let (body, column) = without_running_column(&notes, &[0], &[], &m);
        assert_eq!((body, column), (vec![0], vec![]));
    }

    /// A bold name at the column's head wrapped onto a second bold line is one entry, where
    /// the second line's first word would not have fitted on the first; bold lines that
    /// would have fitted (labels stacked in a table) stay apart.
    #[test]
    fn a_bold_name_wrapped_in_the_column_is_one_entry() {
        let bold = |text: &str, baseline: f32| {
            let mut line = at(text, 430.0, baseline, 6.5);
            line.bold = true;
            line.first_word_width = 0.5 * 6.5 * text.split(' ').next().unwrap_or("").len() as f32;
            line
        };
        let column = [
            bold("Ministerie van Buitenlandse", 70.0),
            bold("Zaken", 79.0),
            at("Rijnstraat 8", 430.0, 88.0, 6.5),
        ];
        let refs: Vec<&TextLine> = column.iter().collect();
        let values: Vec<String> = reference_fields(&refs)
            .into_iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(
            values,
            ["Ministerie van Buitenlandse Zaken", "Rijnstraat 8"]
        );
        let stacked = [
            bold("Developer(s)", 70.0),
            bold("Initial release", 79.0),
            at(
                "Rijnstraat 8 en een lange regel die de kolom breed maakt",
                430.0,
                88.0,
                6.5,
            ),
        ];
        let refs: Vec<&TextLine> = stacked.iter().collect();
        assert_eq!(reference_fields(&refs).len(), 3);
    }

    /// A page number the extractor found in the column is a field of its own, not the end
    /// of the value above it: here it stands no further below the value than the sender's
    /// lines in larger type stand apart, which widens the pitch the gaps are measured in.
    #[test]
    fn a_page_number_in_the_column_ends_the_value_above_it() {
        let mut number = at("1/1", 454.0, 314.0, 6.3);
        number.role = Role::PageNumber;
        let column = [
            at("Ministerie van Volksgezondheid,", 305.0, 52.0, 9.0),
            at("Welzijn en Sport", 305.0, 63.0, 9.0),
            at("Ons kenmerk", 454.0, 288.8, 6.3),
            at("3654321-1055210-CZ", 454.0, 297.6, 6.3),
            number,
        ];
        let refs: Vec<&TextLine> = column.iter().collect();
        let fields: Vec<(FieldKey, String)> = reference_fields(&refs)
            .into_iter()
            .map(|f| (f.key, f.value))
            .collect();
        assert_eq!(
            fields[2..],
            [
                (FieldKey::OurReference, "3654321-1055210-CZ".to_string()),
                (FieldKey::Page, "1/1".to_string()),
            ]
        );
    }

    /// The gap after a field's value is measured in the fields' pitch, not the pitch of a
    /// sender's name in larger type over them: a note a blank line under the value is a
    /// field of its own.
    #[test]
    fn a_larger_senders_pitch_does_not_join_a_note_to_the_value_above_it() {
        let column = [
            at("Ministerie van Volksgezondheid,", 305.0, 52.0, 9.0),
            at("Welzijn en Sport", 305.0, 63.0, 9.0),
            at("Ons kenmerk", 454.0, 288.8, 6.3),
            at("3654321-1055210-CZ", 454.0, 297.6, 6.3),
            at("Correspondentie uitsluitend richten aan", 454.0, 314.0, 6.3),
        ];
        let refs: Vec<&TextLine> = column.iter().collect();
        let values: Vec<String> = reference_fields(&refs)
            .into_iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(
            values[2..],
            [
                "3654321-1055210-CZ",
                "Correspondentie uitsluitend richten aan"
            ]
        );
    }

    #[test]
    fn the_senders_name_is_its_wrapped_lines_before_the_address() {
        let name = |lines: &[&str]| {
            let fields: Vec<ReferenceField> = lines
                .iter()
                .map(|l| ReferenceField {
                    key: FieldKey::Sender,
                    value: l.to_string(),
                    ..ReferenceField::default()
                })
                .collect();
            sender_name(&fields)
        };
        let wrapped = [
            "Ministerie van",
            "Infrastructuur en",
            "Waterstaat",
            "Rijnstraat 8",
        ];
        assert_eq!(
            name(&wrapped).as_deref(),
            Some("Ministerie van Infrastructuur en Waterstaat")
        );
        let unit = [
            "Ministerie van Infrastructuur",
            "en Waterstaat",
            "Directoraat-Generaal Mobiliteit",
        ];
        assert_eq!(
            name(&unit).as_deref(),
            Some("Ministerie van Infrastructuur en Waterstaat")
        );
        assert_eq!(
            name(&["Voortgezet Onderwijs", "Rijnstraat 50"]).as_deref(),
            Some("Voortgezet Onderwijs")
        );
        assert_eq!(name(&[]), None);
    }

    #[test]
    fn value_lines_join_at_a_breaking_hyphen_without_a_space() {
        let join = |lines: &[&str]| {
            let mut value = String::new();
            for line in lines {
                push_value_line(&mut value, line);
            }
            value
        };
        assert_eq!(join(&["3654321-1055210-", "CZ"]), "3654321-1055210-CZ");
        assert_eq!(
            join(&["Directie", "Veiligheidsbeleid"]),
            "Directie Veiligheidsbeleid"
        );
        // A dash standing on its own is no word's hyphen.
        assert_eq!(
            join(&["Postbus 20061 -", "Den Haag"]),
            "Postbus 20061 - Den Haag"
        );
        assert_eq!(join(&["", "CZ"]), "CZ");
    }

    /// Lines at the given places (in line pitches of 12 pt from the top).
    fn placed(texts: &[(usize, &str)]) -> Vec<TextLine> {
        texts
            .iter()
            .map(|(at, t)| TextLine::plain(1, *at, t))
            .collect()
    }

    /// Lines at (row, x), rows 12 pt apart.
    fn placed_at(rows: &[(usize, f32, &str)]) -> Vec<TextLine> {
        let mut lines = placed(
            &rows
                .iter()
                .map(|&(row, _, text)| (row, text))
                .collect::<Vec<_>>(),
        );
        for (line, &(row, x, _)) in lines.iter_mut().zip(rows) {
            let width = line.bbox.width();
            line.bbox = Rect {
                x0: x,
                y0: 12.0 * row as f32,
                x1: x + width,
                y1: 12.0 * row as f32 + 10.0,
            };
        }
        lines
    }

    /// The front matter of lines at (row, x), all of them body.
    fn read_rows(rows: &[(usize, f32, &str)]) -> Front {
        let lines = placed_at(rows);
        let body: Vec<usize> = (0..lines.len()).collect();
        read(&lines, &body, &[], &measures(), &Lexicon::new(&lines))
    }

    fn measures() -> Measures {
        Measures {
            size: 10.0,
            pitch: 12.0,
            typographic: false,
        }
    }

    #[test]
    fn front_matter_without_salutation() {
        let lines = placed(&[
            (0, "> Retouradres Postbus 20061 2500 EB Den Haag"),
            (1, "Aan de Voorzitter van de Tweede Kamer"),
            (2, "der Staten-Generaal"),
            (3, "Postbus 20018"),
            (4, "2500 EA DEN HAAG"),
            (6, "Datum"),
            (7, "7 april 2021"),
            (8, "Betreft Appreciatie van het rapport"),
            (
                10,
                "Hierbij bied ik u het rapport aan dat de commissie heeft opgesteld.",
            ),
            (11, "Het bestaat uit drie delen."),
        ]);
        let body: Vec<usize> = (0..lines.len()).collect();
        let front = read(&lines, &body, &[], &measures(), &Lexicon::new(&lines));
        assert!(front.salutation.is_empty());
        assert_eq!(front.body_start, 8);
        assert_eq!(front.metadata.date.as_deref(), Some("2021-04-07"));
        assert_eq!(
            front.metadata.subject.as_deref(),
            Some("Appreciatie van het rapport")
        );
        assert_eq!(front.metadata.addressee.len(), 4);
    }

    #[test]
    fn a_salutation_wrapped_in_a_narrow_column() {
        let lines = placed(&[
            (0, "Datum 7 april 2021"),
            (2, "Geachte"),
            (3, "voorzitter,"),
            (4, "Hierbij bied ik u het rapport aan."),
        ]);
        let front = read(
            &lines,
            &[0, 1, 2, 3],
            &[],
            &measures(),
            &Lexicon::new(&lines),
        );
        assert_eq!(front.salutation, vec![1, 2]);
        assert_eq!(front.body_start, 3);
    }

    #[test]
    fn a_salutation_without_a_comma_is_one_line() {
        let lines = placed(&[
            (0, "Geachte voorzitter"),
            (1, "Hierbij bied ik u, mede namens de minister,"),
            (2, "het rapport aan."),
        ]);
        let front = read(&lines, &[0, 1, 2], &[], &measures(), &Lexicon::new(&lines));
        assert_eq!(front.salutation, vec![0]);
        assert_eq!(front.body_start, 1);
    }

    #[test]
    fn a_body_that_opens_like_an_addressee_is_body() {
        let lines = placed(&[
            (0, "Datum 7 april 2021"),
            (1, "Betreft Voortgang"),
            (
                3,
                "Aan de hand van het rapport informeer ik u over de stand van zaken",
            ),
            (4, "van het programma en de volgende stappen."),
        ]);
        let front = read(
            &lines,
            &[0, 1, 2, 3],
            &[],
            &measures(),
            &Lexicon::new(&lines),
        );
        assert_eq!(front.body_start, 2);
        assert!(front.metadata.addressee.is_empty());
    }

    #[test]
    fn a_row_of_labels_over_a_row_of_values() {
        let mut lines = placed(&[
            (0, "Datum"),
            (0, "Kenmerk"),
            (0, "Betreft"),
            (1, "7 april 2021"),
            (1, "BZ-2021/123"),
            (1, "Appreciatie rapport"),
            (
                3,
                "Hierbij bied ik u het rapport aan dat de commissie heeft opgesteld.",
            ),
        ]);
        for (i, x) in [
            (0, 0.0),
            (1, 150.0),
            (2, 300.0),
            (3, 0.0),
            (4, 150.0),
            (5, 300.0),
        ] {
            if let Some(l) = lines.get_mut(i) {
                let width = l.bbox.width();
                l.bbox.x0 = x;
                l.bbox.x1 = x + width;
            }
        }
        let body: Vec<usize> = (0..lines.len()).collect();
        let front = read(&lines, &body, &[], &measures(), &Lexicon::new(&lines));
        assert_eq!(front.body_start, 6);
        assert_eq!(front.metadata.date.as_deref(), Some("2021-04-07"));
        assert_eq!(
            front.metadata.sender_reference.as_deref(),
            Some("BZ-2021/123")
        );
        assert_eq!(
            front.metadata.subject.as_deref(),
            Some("Appreciatie rapport")
        );
    }

    #[test]
    fn a_column_of_labels_read_before_its_values() {
        // Each line: row, x, text; the labels' values were read as a column of their own.
        let rows = [
            (0, 0.0, "Datum"),
            (1, 0.0, "Onderwerp"),
            (0, 100.0, "3 oktober 2023"),
            (1, 100.0, "Reactie op het advies over de"),
            (2, 100.0, "huisartsenzorg"),
            (4, 0.0, "Geachte voorzitter,"),
        ];
        let front = read_rows(&rows);
        assert_eq!(front.metadata.date.as_deref(), Some("2023-10-03"));
        assert_eq!(
            front.metadata.subject.as_deref(),
            Some("Reactie op het advies over de huisartsenzorg")
        );
    }

    #[test]
    fn a_value_wrapped_back_under_its_label_is_read_after_its_first_line() {
        // A subject set after a plain tab wraps to the labels' edge, and that line is read
        // before the values beside the labels.
        let rows = [
            (0, 0.0, "Datum"),
            (1, 0.0, "Onderwerp"),
            (2, 0.0, "heidszorg in de regio"),
            (0, 100.0, "3 oktober 2023"),
            (1, 100.0, "Reactie op het advies over de gezond-"),
            (4, 0.0, "Geachte voorzitter,"),
        ];
        let front = read_rows(&rows);
        assert_eq!(front.metadata.date.as_deref(), Some("2023-10-03"));
        assert_eq!(
            front.metadata.subject.as_deref(),
            Some("Reactie op het advies over de gezondheidszorg in de regio")
        );
    }

    #[test]
    fn place_and_date_line_and_no_front_matter() {
        let lines = placed(&[
            (0, "Den Haag, 7 april 2021"),
            (
                2,
                "Hierbij bied ik u het rapport aan dat de commissie heeft opgesteld.",
            ),
        ]);
        let front = read(&lines, &[0, 1], &[], &measures(), &Lexicon::new(&lines));
        assert_eq!(front.body_start, 1);
        assert_eq!(front.metadata.date.as_deref(), Some("2021-04-07"));
        assert_eq!(front.metadata.place.as_deref(), Some("Den Haag"));
        // A letter that opens with its text has no front matter in the body column.
        let lines = placed(&[
            (0, "Hierbij bied ik u het rapport aan."),
            (1, "Het bestaat uit drie delen."),
        ]);
        assert_eq!(
            read(&lines, &[0, 1], &[], &measures(), &Lexicon::new(&lines)).body_start,
            0
        );
    }

    #[test]
    fn labels() {
        assert_eq!(
            label_of("Datum 7 april 2021").map(|l| (l.0, l.2)),
            Some((FieldKey::Date, "7 april 2021"))
        );
        assert_eq!(
            label_of("Ons kenmerk: BZ-123").map(|l| (l.0, l.1, l.2)),
            Some((FieldKey::OurReference, "Ons kenmerk", "BZ-123"))
        );
        assert_eq!(
            label_of("Bijlage(n)").map(|l| l.0),
            Some(FieldKey::Attachments)
        );
        assert_eq!(label_of("Datumgrens"), None);
        assert!(is_salutation("Geachte voorzitter,"));
        assert!(!is_salutation(
            "Geachte collega's zijn er niet in deze lange zin die doorloopt tot ver na zestig tekens hoor"
        ));
    }
}
