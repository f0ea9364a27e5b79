//! The official publication of a parliamentary paper (the Tweede Kamer's typeset edition):
//! its masthead on page 1 (chamber, `Vergaderjaar`, dossier number and title, `Nr.` and the
//! document's title, or `Aanhangsel van de Handelingen` and its number), the dated line of
//! a motie or amendement (`Voorgesteld …`, `Ontvangen …`), the colophon (`kst-28676-360`,
//! `ISSN …`, `’s-Gravenhage 2021`) and the running foot of every page (`Tweede Kamer,
//! vergaderjaar 2020–2021, 28 676, nr. 360`). None of these is body; what they state is
//! the publication's metadata. The addressee and `Den Haag, 7 april 2021` stay front matter.
//!
//! The words are the publication's own template (domain.md); the fields are found by their
//! form and by standing on one baseline with their labels, never by a particular paper.

use std::sync::LazyLock;

use kamerbrief_model::{DateKind, PaperKind, Publication, Rect, Stated};
use regex::Regex;

use crate::analyse::parse_dutch_date;
use crate::lines::TextLine;
use crate::patterns::is_chamber;
use crate::{chars, regex};

/// What the publication states, and the lines that state it (indices into the lines).
#[derive(Debug, Default)]
pub struct Masthead {
    pub publication: Publication,
    pub lines: Vec<usize>,
}

/// Rows of page 1 the masthead stands in, at most.
const MASTHEAD_ROWS: usize = 16;

// Digits are `[0-9]`, not `\d`: the numbers are ASCII, and Unicode's `\d` makes each
// pattern cost about three times as much to compile (1.5 M instructions more, measured).
static SESSION: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?i:vergaderjaar)\s+([0-9]{4})\s*[–-]\s*([0-9]{4})$"));
/// `28 676`, `36 410 XVI`, `21 501-02`, `35812`: a dossier number, maybe with its title.
static DOSSIER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^([0-9]{2} ?[0-9]{3})(?:[ -]([A-Z]{1,5}|[0-9]{2}))?(?:\s+(\S.*))?$"));
/// `Nr. 360`, maybe with the title; the Eerste Kamer's letters (`B VOORLOPIG VERSLAG …`).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:Nr\.\s*([0-9]+[A-Za-z]?)(?:\s+(\S.*))?|([A-Z]{1,2})(?:\s+([A-Z]{2}[A-Z0-9 ,.'’()–-]*))?)$",
    )
});
static AANHANGSEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?i)aanhangsel van de handelingen$"));
/// The colophon's identifier: `kst-28676-360`, `ah-tk-20232024-2210`.
static ID: LazyLock<Regex> = LazyLock::new(|| regex(r"^(kst|ah|h|blg|stb|stcrt)-[0-9A-Za-z-]+$"));
static COLOPHON: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(ISSN\s+[0-9]{4}\s*-\s*[0-9]{3}[0-9X]|['’]s-Gravenhage\s+[0-9]{4})$")
});
/// The running foot: `Tweede Kamer, vergaderjaar 2020–2021, 28 676, nr. 360`.
static RUNNING_FOOT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(Tweede|Eerste) Kamer, vergaderjaar [0-9]{4}\s*[–-]\s*[0-9]{4}, .+$")
});
/// `Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven
/// antwoorden`: the Aanhangsel's heading, over two lines.
static AANHANGSEL_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?i)(vragen gesteld door de leden der kamer.*|regering gegeven antwoorden)$")
});

/// Reads the masthead when `lines` are a publication: page 1 names a chamber and a session
/// year. `None` for any other document.
pub fn read(lines: &[TextLine]) -> Option<Masthead> {
    let first: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.get(i).is_some_and(|l| l.page == 1))
        .collect();
    let rows = rows(lines, &first);
    let chamber = rows
        .iter()
        .take(MASTHEAD_ROWS)
        .find(|r| is_chamber(&r.head))?;
    let (session, session_text) = rows
        .iter()
        .take(MASTHEAD_ROWS)
        .find_map(|r| Some((r, r.part(&SESSION)?)))?;
    let mut m = Masthead::default();
    let p = &mut m.publication;
    // `Tweede Kamer` in the margin and `der Staten-Generaal` beside it read as one.
    let name = match chamber
        .tail
        .split_once(" 2")
        .map_or(chamber.tail.as_str(), |(a, _)| a)
    {
        tail if tail.starts_with("der Staten-Generaal") && !chamber.head.ends_with("Generaal") => {
            format!("{} {tail}", chamber.head)
        }
        _ => chamber.head.clone(),
    };
    p.chamber = Some(stated(chamber, name));
    m.lines.extend(&chamber.lines);
    if let Some(c) = SESSION.captures(session_text) {
        let year = |k| c.get(k).map_or("", |g| g.as_str());
        p.session_year = Some(stated(session, format!("{}-{}", year(1), year(2))));
    }
    m.lines.extend(session.line_of(&SESSION, lines));
    // The big chamber figure beside the chamber's name (`2`).
    for row in &rows {
        let is_figure = row.text.chars().all(|c| c.is_ascii_digit())
            && row.text.len() == 1
            && (row.baseline - chamber.baseline).abs() < 30.0;
        if is_figure {
            m.lines.extend(&row.lines);
        }
    }
    read_dossier_and_number(&rows, &mut m);
    read_aanhangsel(&rows, lines, &mut m);
    read_dated(&rows, &mut m);
    // The colophon on page 1, the running foot on every page.
    for (i, l) in lines.iter().enumerate() {
        if l.page == 1 && ID.is_match(&l.text) {
            m.publication.id = Some(Stated {
                value: l.text.to_lowercase(),
                printed: l.text.clone(),
                page: l.page,
                bbox: l.bbox,
            });
            m.lines.push(i);
        } else if (l.page == 1 && COLOPHON.is_match(&l.text)) || RUNNING_FOOT.is_match(&l.text) {
            m.lines.push(i);
        }
    }
    m.lines.sort_unstable();
    m.lines.dedup();
    Some(m)
}

/// The document's kind from its title's opening words.
pub fn kind_of(title: &str) -> PaperKind {
    let upper = title.to_uppercase();
    let starts = |w: &str| upper.starts_with(w);
    if starts("BRIEF") {
        PaperKind::Letter
    } else if starts("MOTIE") || starts("GEWIJZIGDE MOTIE") {
        PaperKind::Motie
    } else if starts("AMENDEMENT")
        || starts("GEWIJZIGD AMENDEMENT")
        || starts("NADER GEWIJZIGD AMENDEMENT")
    {
        PaperKind::Amendement
    } else if starts("LIJST VAN VRAGEN") {
        PaperKind::QuestionList
    } else if starts("VERSLAG") || starts("EINDVERSLAG") || starts("VOORLOPIG VERSLAG") {
        PaperKind::Report
    } else if starts("VOORSTEL VAN WET") || starts("VOORSTEL VAN RIJKSWET") {
        PaperKind::Bill
    } else if starts("MEMORIE") || starts("NOTA") {
        PaperKind::Memorandum
    } else {
        PaperKind::Other
    }
}

/// Lines of page 1 on one baseline, left to right: a label in the margin and its value in
/// the body column read as one row (`28 676` `NAVO`).
#[derive(Debug)]
struct Row {
    lines: Vec<usize>,
    /// The row's lines joined.
    text: String,
    /// The first line's text alone, and the rest's.
    head: String,
    tail: String,
    baseline: f32,
    bbox: Rect,
    page: u32,
    /// Each line's text.
    parts: Vec<String>,
}

impl Row {
    /// The text of the row's line that `pattern` matches, if any.
    fn part(&self, pattern: &Regex) -> Option<&str> {
        self.parts
            .iter()
            .find(|p| pattern.is_match(p))
            .map(String::as_str)
    }

    /// The row's lines that `pattern` matches.
    fn line_of<'a>(
        &'a self,
        pattern: &'a Regex,
        lines: &'a [TextLine],
    ) -> impl Iterator<Item = usize> + 'a {
        self.lines
            .iter()
            .copied()
            .filter(move |&i| lines.get(i).is_some_and(|l| pattern.is_match(&l.text)))
    }
}

fn rows(lines: &[TextLine], page: &[usize]) -> Vec<Row> {
    let mut sorted: Vec<usize> = page.to_vec();
    sorted.sort_by(|&a, &b| {
        let (la, lb) = (lines.get(a), lines.get(b));
        let key = |l: Option<&TextLine>| l.map_or((0.0, 0.0), |l| (l.baseline, l.bbox.x0));
        let (ka, kb) = (key(la), key(lb));
        ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    let mut out: Vec<Row> = Vec::new();
    for i in sorted {
        let Some(l) = lines.get(i) else { continue };
        let same = out
            .last()
            .is_some_and(|r| (r.baseline - l.baseline).abs() < 0.3 * l.size.max(1.0));
        match out.last_mut() {
            Some(row) if same => {
                row.lines.push(i);
                row.text.push(' ');
                row.text.push_str(&l.text);
                if !row.tail.is_empty() {
                    row.tail.push(' ');
                }
                row.tail.push_str(&l.text);
                row.bbox = row.bbox.union(&l.bbox);
                row.parts.push(l.text.clone());
            }
            _ => out.push(Row {
                lines: vec![i],
                text: l.text.clone(),
                head: l.text.clone(),
                tail: String::new(),
                baseline: l.baseline,
                bbox: l.bbox,
                page: l.page,
                parts: vec![l.text.clone()],
            }),
        }
    }
    out
}

fn stated(row: &Row, value: String) -> Stated {
    Stated {
        value,
        printed: row.text.clone(),
        page: row.page,
        bbox: row.bbox,
    }
}

/// The row's value part: the lines after the label, or what follows the label's match in
/// one line.
fn value_part(row: &Row, in_line: Option<&str>) -> String {
    if !row.tail.is_empty() {
        row.tail.clone()
    } else {
        in_line.unwrap_or_default().to_string()
    }
}

/// `28 676` `NAVO` and `Nr. 360` `BRIEF VAN …`; a title may run on over the rows below it
/// (in the value's column, up to the next masthead row or a gap).
fn read_dossier_and_number(rows: &[Row], m: &mut Masthead) {
    for (k, row) in rows.iter().enumerate().take(MASTHEAD_ROWS) {
        if m.publication.dossier.is_none()
            && let Some(c) = DOSSIER.captures(&row.head)
        {
            let number: String = c.get(1).map_or("", |g| g.as_str()).replace(' ', "");
            let value = match c.get(2) {
                Some(suffix) => format!("{number}-{}", suffix.as_str()),
                None => number,
            };
            let title = value_part(row, c.get(3).map(|g| g.as_str()));
            if title.is_empty() {
                continue;
            }
            m.publication.dossier = Some(stated(row, value));
            let (title, used) = run_on(rows, k, title);
            m.publication.dossier_title = Some(stated(row, title));
            m.lines.extend(
                used.iter()
                    .flat_map(|&r| rows.get(r))
                    .flat_map(|r| r.lines.iter()),
            );
        } else if m.publication.number.is_none()
            && let Some(c) = NUMBER.captures(&row.head)
        {
            // A lone capital (`I` of an amendement's body) is no number without its title.
            if c.get(3).is_some() && c.get(4).is_none() && row.tail.is_empty() {
                continue;
            }
            let number = c.get(1).or(c.get(3)).map_or("", |g| g.as_str()).to_string();
            m.publication.number = Some(stated(row, number));
            // After `Nr. 360`, or after the Eerste Kamer's letter (`B VOORLOPIG VERSLAG`).
            let title = value_part(row, c.get(2).or(c.get(4)).map(|g| g.as_str()));
            let (title, used) = run_on(rows, k, title);
            if !title.is_empty() {
                m.publication.kind = kind_of(&title);
                m.publication.title = Some(stated(row, title));
            }
            m.lines.extend(
                used.iter()
                    .flat_map(|&r| rows.get(r))
                    .flat_map(|r| r.lines.iter()),
            );
        }
    }
}

/// A title running on from row `k` over the rows below it that start in its column, close
/// under it and in the same emphasis (capitals for a document title): the title and the
/// rows used.
fn run_on(rows: &[Row], k: usize, mut title: String) -> (String, Vec<usize>) {
    let mut used = vec![k];
    let Some(first) = rows.get(k) else {
        return (title, used);
    };
    let capitals = title.chars().any(char::is_alphabetic) && !title.chars().any(char::is_lowercase);
    let mut previous = first.baseline;
    for (j, row) in rows.iter().enumerate().skip(k + 1) {
        let close = row.baseline - previous < 1.6 * (first.bbox.y1 - first.bbox.y0).max(8.0);
        let same_case = capitals && !row.text.chars().any(char::is_lowercase);
        let masthead_row = DOSSIER.is_match(&row.head) || NUMBER.is_match(&row.head);
        if !close || !same_case || masthead_row || !row.tail.is_empty() {
            break;
        }
        title.push(' ');
        title.push_str(&row.text);
        used.push(j);
        previous = row.baseline;
    }
    (title, used)
}

/// `Aanhangsel van de Handelingen`, its heading and its number (`2210`).
fn read_aanhangsel(rows: &[Row], lines: &[TextLine], m: &mut Masthead) {
    let Some(k) = rows.iter().position(|r| r.part(&AANHANGSEL).is_some()) else {
        return;
    };
    m.publication.kind = PaperKind::Answers;
    if let Some(row) = rows.get(k) {
        let title = row.part(&AANHANGSEL).unwrap_or_default().to_string();
        m.publication.title = Some(stated(row, title));
        m.lines.extend(row.line_of(&AANHANGSEL, lines));
    }
    for row in rows.iter().skip(k + 1).take(6) {
        if AANHANGSEL_HEADING.is_match(&row.text) {
            m.lines.extend(&row.lines);
        } else if m.publication.number.is_none()
            && !row.text.is_empty()
            && row.text.len() <= 5
            && row.text.chars().all(|c| c.is_ascii_digit())
        {
            m.publication.number = Some(stated(row, row.text.clone()));
            m.lines.extend(&row.lines);
        }
    }
}

/// A motie's `Voorgesteld …`, an amendement's `Ontvangen …`, a report's `Vastgesteld …`.
fn read_dated(rows: &[Row], m: &mut Masthead) {
    for row in rows {
        let Some((kind, date)) = dated(&row.text) else {
            continue;
        };
        if let Some(iso) = parse_dutch_date(date) {
            m.publication.date = Some(stated(row, iso));
            m.publication.date_kind = Some(kind);
            m.lines.extend(&row.lines);
            return;
        }
    }
}

/// `Voorgesteld 15 april 2021`, `Ontvangen 3 juni 2021`, `Vastgesteld 15 september 2022`:
/// the kind and the date. Matched by hand (`crate::chars`) as this expression would:
/// `^(Voorgesteld|Ontvangen|Vastgesteld)\s+(\d{1,2}\s+\p{L}+\s+\d{4})$`. Compiled, its
/// `\p{L}` class alone cost more than reading the whole masthead.
fn dated(text: &str) -> Option<(DateKind, &str)> {
    if text.ends_with(char::is_whitespace) {
        return None;
    }
    let (verb, rest) = text.split_once(char::is_whitespace)?;
    let kind = match verb {
        "Voorgesteld" => DateKind::Proposed,
        "Ontvangen" => DateKind::Received,
        "Vastgesteld" => DateKind::Established,
        _ => return None,
    };
    let date = rest.trim_start();
    let digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.chars().count()) && w.chars().all(chars::is_decimal)
    };
    match date.split_whitespace().collect::<Vec<_>>()[..] {
        [day, month, year]
            if digits(day, 1..=2) && month.chars().all(chars::is_letter) && digits(year, 4..=4) =>
        {
            Some((kind, date))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_lines() {
        fn date(t: &str) -> Option<&str> {
            dated(t).map(|(_, d)| d)
        }
        assert_eq!(date("Voorgesteld 15 april 2021"), Some("15 april 2021"));
        assert_eq!(
            date("Vastgesteld  3\u{a0}juni 2021"),
            Some("3\u{a0}juni 2021")
        );
        assert!(matches!(
            dated("Ontvangen 3 juni 2021"),
            Some((DateKind::Received, _))
        ));
        for not in [
            " Voorgesteld 15 april 2021",
            "Voorgesteld 15 april 2021 ",
            "Voorgesteld 15 april",
            "Voorgesteld 115 april 2021",
            "Voorgesteld 15 apr. 2021",
            "Voorgesteld 15 april 2021 door",
            "Ingediend 15 april 2021",
        ] {
            assert_eq!(dated(not), None, "{not}");
        }
    }

    #[test]
    fn dated_lines_as_the_expression() {
        let re = regex(r"^(Voorgesteld|Ontvangen|Vastgesteld)\s+(\d{1,2}\s+\p{L}+\s+\d{4})$");
        for line in crate::patterns::tests::lines(&[
            "Voorgesteld 15 april 2021",
            "Ontvangen\t3 juni 2021",
            "Vastgesteld 15 septembre 2022",
            "Vastgesteld ٣ juni ٢٠٢١",
            "Voorgesteld 1 maartͅ 2021",
            "Voorgesteld 15 april 2021.",
            "Voorgesteld 15 4 2021",
        ]) {
            let want = re
                .captures(&line)
                .and_then(|c| c.get(2))
                .map(|m| m.as_str());
            assert_eq!(dated(&line).map(|(_, d)| d), want, "{line}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(
            kind_of("BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE"),
            PaperKind::Letter
        );
        assert_eq!(kind_of("MOTIE VAN HET LID JANSEN C.S."), PaperKind::Motie);
        assert_eq!(
            kind_of("GEWIJZIGD AMENDEMENT VAN HET LID X"),
            PaperKind::Amendement
        );
        assert_eq!(
            kind_of("LIJST VAN VRAGEN EN ANTWOORDEN"),
            PaperKind::QuestionList
        );
    }

    #[test]
    fn forms() {
        assert!(DOSSIER.is_match("28 676"));
        assert!(DOSSIER.is_match("36 410 XVI Vaststelling van de begroting"));
        assert!(!DOSSIER.is_match("2500 EA DEN HAAG"));
        assert!(NUMBER.is_match("Nr. 360 BRIEF VAN DE MINISTER"));
        assert!(NUMBER.is_match("B VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE"));
        assert!(NUMBER.is_match("C"));
        assert!(!NUMBER.is_match("De Kamer,"));
        assert!(!NUMBER.is_match("NAVO"));
        assert!(ID.is_match("kst-28676-360"));
        assert!(ID.is_match("ah-tk-20232024-2210"));
        assert!(RUNNING_FOOT.is_match("Tweede Kamer, vergaderjaar 2020–2021, 28 676, nr. 360"));
        assert!(COLOPHON.is_match("’s-Gravenhage 2021"));
        assert!(COLOPHON.is_match("ISSN 0921 - 7371"));
    }
}
