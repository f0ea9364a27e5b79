//! References to other parliamentary documents as structured keys (domain.md, "References
//! to other parliamentary documents").

use kamerbrief_model::{Anchor, Reference, ReferenceKind};

use crate::chars::Cursor;

/// Byte range in the text.
type Span = (usize, usize);

/// `Kamerstuk 35 373, nr. 1`, `Kamerstukken 28 676 en 29 521, nr. 264`,
/// `Kamerstukken II 2009/10, 32 123 XVI, nr. 30`, `Kamerstuk 21 501-02, nr. 1538`,
/// and the older `(28 676, nr. 141)`. Matched by hand (nothing compiled at run time), as
/// the expression
/// `(?:Kamerstuk(?:ken)?\s+(?:(?:I|II)\s+)?(?:(\d{4})[/–-](\d{2,4}),?\s+)?|\()`
/// `(\d{2}\s?\d{3})(?:(?:-|\s)(\d{2}|[IVXLC]+|[A-Z]{1,3})\b)?`
/// `(?:\s+en\s+\d{2}\s?\d{3}(?:-\d{2})?)?,\s*nr\.?\s*(\d{1,5})` would, with ASCII digits.
struct Kamerstuk {
    whole: Span,
    session: Option<(Span, Span)>,
    dossier: Span,
    suffix: Option<Span>,
    number: Span,
}

/// `Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028`: as
/// `Aanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s+II)?,?\s+(?:vergaderjaar\s+)?`
/// `(\d{4})[–-](\d{4}),\s*nr\.?\s*(\d{1,5})`, by hand.
struct Aanhangsel {
    whole: Span,
    session: (Span, Span),
    number: Span,
}

/// References in a block's text, anchored at `section`/`block`.
pub fn find_references(text: &str, section: usize, block: usize) -> Vec<Reference> {
    let anchor = |start: usize| Anchor {
        section,
        block,
        offset: text.get(..start).map_or(0, |t| t.chars().count()),
        appendix: false,
    };
    let part = |(a, b): Span| text.get(a..b).unwrap_or_default();
    let mut out = Vec::new();
    for k in all(text, b"K(", kamerstuk_at) {
        let dossier: String = part(k.dossier)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let suffix = k.suffix.map(|s| part(s).to_string());
        let number: Option<u32> = part(k.number).parse().ok();
        let session_year = k.session.and_then(|(a, b)| session_year(part(a), part(b)));
        let id = number.map(|n| match &suffix {
            Some(s) => format!("kst-{dossier}-{s}-{n}"),
            None => format!("kst-{dossier}-{n}"),
        });
        let whole = part(k.whole);
        let printed = whole.trim_start_matches('(').to_string();
        let start = k.whole.0 + usize::from(whole.starts_with('('));
        out.push(Reference {
            kind: ReferenceKind::Kamerstuk,
            text: printed,
            dossier: Some(dossier),
            suffix,
            number,
            session_year,
            id,
            anchor: anchor(start),
        });
    }
    for a in all(text, b"A", aanhangsel_at) {
        let number: Option<u32> = part(a.number).parse().ok();
        let (first, second) = (part(a.session.0), part(a.session.1));
        let id = number.map(|n| format!("ah-tk-{first}{second}-{n}"));
        out.push(Reference {
            kind: ReferenceKind::Aanhangsel,
            text: part(a.whole).to_string(),
            dossier: None,
            suffix: None,
            number,
            session_year: session_year(first, second),
            id,
            anchor: anchor(a.whole.0),
        });
    }
    out.sort_by_key(|r| r.anchor.offset);
    out
}

/// Every match of `at` in `text`, leftmost first and not overlapping, tried where one of
/// `starts` (ASCII bytes) stands.
fn all<T>(text: &str, starts: &[u8], at: impl Fn(&str, usize) -> Option<(T, usize)>) -> Vec<T> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rest) = text.get(from..) {
        // ASCII `starts`: their bytes stand for them alone in UTF-8, no need to decode.
        let Some(found) = rest
            .bytes()
            .enumerate()
            .filter(|(_, b)| starts.contains(b))
            .find_map(|(i, _)| at(text, from + i))
        else {
            break;
        };
        out.push(found.0);
        from = found.1;
    }
    out
}

fn kamerstuk_at(text: &str, start: usize) -> Option<(Kamerstuk, usize)> {
    let mut c = Cursor::new(text, start);
    let mut session = None;
    if !c.lit("(") {
        if !c.lit("Kamerstuk") {
            return None;
        }
        c.lit("ken");
        if c.spaces() == 0 {
            return None;
        }
        // `I` or `II` (the chamber), then white space.
        let chamber = c;
        if !(c.lit("I") && c.spaces() > 0) {
            c = chamber;
            if !(c.lit("II") && c.spaces() > 0) {
                c = chamber;
            }
        }
        // The session year, `2009/10,`.
        let before = c;
        session = session_at(&mut c);
        if session.is_none() {
            c = before;
        }
    }
    let dossier = dossier_at(&mut c)?;
    let before = c;
    let suffix = suffix_at(&mut c);
    if suffix.is_none() {
        c = before;
    }
    // `en 29 521` (a second dossier).
    let before = c;
    let second =
        c.spaces() > 0 && c.lit("en") && c.spaces() > 0 && dossier_at(&mut c).is_some() && {
            let dash = c;
            if !(c.lit("-") && c.digits(2, 2).is_some()) {
                c = dash;
            }
            true
        };
    if !second {
        c = before;
    }
    let number = number_at(&mut c)?;
    let found = Kamerstuk {
        whole: (start, c.at),
        session,
        dossier,
        suffix,
        number,
    };
    Some((found, c.at))
}

/// `2009/10,` and white space.
fn session_at(c: &mut Cursor<'_>) -> Option<(Span, Span)> {
    let first = c.digits(4, 4)?;
    c.char_if(|ch| matches!(ch, '/' | '–' | '-'))?;
    let second = c.digits(2, 4)?;
    c.lit(",");
    (c.spaces() > 0).then_some((first, second))
}

/// `35 373` or `35373`.
fn dossier_at(c: &mut Cursor<'_>) -> Option<Span> {
    let start = c.at;
    c.digits(2, 2)?;
    let gap = *c;
    if !(c.space() && c.digits(3, 3).is_some()) {
        *c = gap;
        c.digits(3, 3)?;
    }
    Some((start, c.at))
}

/// `-02`, ` XVI`, ` X`: the suffix of a dossier, a word of its own.
fn suffix_at(c: &mut Cursor<'_>) -> Option<Span> {
    if !(c.lit("-") || c.space()) {
        return None;
    }
    let start = c.at;
    let mut digits = *c;
    if digits.digits(2, 2).is_some() && !digits.word_next() {
        *c = digits;
        return Some((start, c.at));
    }
    // `[IVXLC]+` or `[A-Z]{1,3}`, either ending a word: the whole run of capitals.
    let rest = c.rest();
    let roman = rest.bytes().take_while(|b| b"IVXLC".contains(b)).count();
    let capitals = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    let run = if roman > 0 && !Cursor::new(c.text, start + roman).word_next() {
        roman
    } else if (1..=3).contains(&capitals) && !Cursor::new(c.text, start + capitals).word_next() {
        capitals
    } else {
        return None;
    };
    c.at += run;
    Some((start, c.at))
}

/// `, nr. 30`, `,nr 5`.
fn number_at(c: &mut Cursor<'_>) -> Option<Span> {
    if !c.lit(",") {
        return None;
    }
    c.spaces();
    if !c.lit("nr") {
        return None;
    }
    c.lit(".");
    c.spaces();
    c.digits(1, 5)
}

fn aanhangsel_at(text: &str, start: usize) -> Option<(Aanhangsel, usize)> {
    let mut c = Cursor::new(text, start);
    if !(c.lit("Aanhangsel") && c.spaces() > 0) {
        return None;
    }
    let before = c;
    if !(c.lit("van") && c.spaces() > 0 && c.lit("de") && c.spaces() > 0) {
        c = before;
    }
    if !c.lit("Handelingen") {
        return None;
    }
    let before = c;
    if !(c.spaces() > 0 && c.lit("II")) {
        c = before;
    }
    c.lit(",");
    if c.spaces() == 0 {
        // `Handelingen II` followed by something else: read without the `II`.
        c = before;
        c.lit(",");
        if c.spaces() == 0 {
            return None;
        }
    }
    let before = c;
    if !(c.lit("vergaderjaar") && c.spaces() > 0) {
        c = before;
    }
    let first = c.digits(4, 4)?;
    c.char_if(|ch| matches!(ch, '–' | '-'))?;
    let second = c.digits(4, 4)?;
    let number = number_at(&mut c)?;
    let found = Aanhangsel {
        whole: (start, c.at),
        session: (first, second),
        number,
    };
    Some((found, c.at))
}

/// `2009`, `10` → `2009-2010`.
fn session_year(first: &str, second: &str) -> Option<String> {
    let start: u32 = first.parse().ok()?;
    let end: u32 = match second.len() {
        2 => start / 100 * 100 + second.parse::<u32>().ok()?,
        4 => second.parse().ok()?,
        _ => return None,
    };
    Some(format!("{start}-{end}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        find_references(text, 0, 0)
            .into_iter()
            .filter_map(|r| r.id)
            .collect()
    }

    #[test]
    fn citation_variants() {
        assert_eq!(
            ids("zoals beschreven [Kamerstuk 35 373, nr. 1]."),
            ["kst-35373-1"]
        );
        assert_eq!(ids("(Kamerstuk 35 663, nr.19)"), ["kst-35663-19"]);
        assert_eq!(
            ids("(Kamerstuk 21 501-02, nr. 1538)"),
            ["kst-21501-02-1538"]
        );
        assert_eq!(ids("(Kamerstuk 33 000 X, nr. 30)"), ["kst-33000-X-30"]);
        assert_eq!(
            ids("(Kamerstukken 28 676 en 29 521, nr. 264)"),
            ["kst-28676-264"]
        );
        assert_eq!(ids("(28 676, nr. 141)"), ["kst-28676-141"]);
        assert_eq!(
            ids("Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028"),
            ["ah-tk-20242025-1028"]
        );
        let r = &find_references("zie Kamerstukken II 2009/10, 32 123 XVI, nr. 30", 1, 2)[0];
        assert_eq!(
            (
                r.id.as_deref(),
                r.session_year.as_deref(),
                r.suffix.as_deref()
            ),
            (Some("kst-32123-XVI-30"), Some("2009-2010"), Some("XVI"))
        );
        assert_eq!(
            r.anchor,
            Anchor {
                section: 1,
                block: 2,
                offset: 4,
                appendix: false,
            }
        );
        assert!(ids("op 1 december 2020, nr. 5 van de lijst").is_empty());
    }

    /// The expressions the matchers replace, and the code that read their captures.
    fn by_regex(text: &str) -> Vec<Reference> {
        static KAMERSTUK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(concat!(
                r"(?:Kamerstuk(?:ken)?\s+(?:(?:I|II)\s+)?(?:(\d{4})[/–-](\d{2,4}),?\s+)?|\()",
                r"(\d{2}\s?\d{3})(?:(?:-|\s)(\d{2}|[IVXLC]+|[A-Z]{1,3})\b)?",
                r"(?:\s+en\s+\d{2}\s?\d{3}(?:-\d{2})?)?",
                r",\s*nr\.?\s*(\d{1,5})"
            ))
            .unwrap()
        });
        static AANHANGSEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"Aanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s+II)?,?\s+(?:vergaderjaar\s+)?(\d{4})[–-](\d{4}),\s*nr\.?\s*(\d{1,5})",
            )
            .unwrap()
        });
        let (kamerstuk, aanhangsel) = (&*KAMERSTUK, &*AANHANGSEL);
        let anchor = |start: usize| Anchor {
            section: 0,
            block: 0,
            offset: text.get(..start).map_or(0, |t| t.chars().count()),
            appendix: false,
        };
        let mut out = Vec::new();
        for c in kamerstuk.captures_iter(text) {
            let (whole, dossier, number) =
                (c.get(0).unwrap(), c.get(3).unwrap(), c.get(5).unwrap());
            let dossier: String = dossier
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            let suffix = c.get(4).map(|s| s.as_str().to_string());
            let number: Option<u32> = number.as_str().parse().ok();
            let session_year = match (c.get(1), c.get(2)) {
                (Some(a), Some(b)) => session_year(a.as_str(), b.as_str()),
                _ => None,
            };
            let id = number.map(|n| match &suffix {
                Some(s) => format!("kst-{dossier}-{s}-{n}"),
                None => format!("kst-{dossier}-{n}"),
            });
            let start = whole.start() + usize::from(whole.as_str().starts_with('('));
            out.push(Reference {
                kind: ReferenceKind::Kamerstuk,
                text: whole.as_str().trim_start_matches('(').to_string(),
                dossier: Some(dossier),
                suffix,
                number,
                session_year,
                id,
                anchor: anchor(start),
            });
        }
        for c in aanhangsel.captures_iter(text) {
            let (whole, a, b, number) = (
                c.get(0).unwrap(),
                c.get(1).unwrap(),
                c.get(2).unwrap(),
                c.get(3).unwrap(),
            );
            let number: Option<u32> = number.as_str().parse().ok();
            out.push(Reference {
                kind: ReferenceKind::Aanhangsel,
                text: whole.as_str().to_string(),
                dossier: None,
                suffix: None,
                number,
                session_year: session_year(a.as_str(), b.as_str()),
                id: number.map(|n| format!("ah-tk-{}{}-{n}", a.as_str(), b.as_str())),
                anchor: anchor(whole.start()),
            });
        }
        out.sort_by_key(|r| r.anchor.offset);
        out
    }

    /// The matchers find what the regular expressions they replace find.
    #[test]
    fn same_as_the_regular_expressions() {
        for text in crate::chars::tests::samples(&[
            "zoals beschreven [Kamerstuk 35 373, nr. 1].",
            "(Kamerstuk 35 663, nr.19)",
            "(Kamerstuk 21 501-02, nr. 1538) en (Kamerstuk 21501-021, nr. 3)",
            "(Kamerstuk 33 000 X, nr. 30); Kamerstuk 33 000 XVIa, nr. 3; Kamerstuk 31 000 CD, nr. 2",
            "(Kamerstukken 28 676 en 29 521, nr. 264), Kamerstukken 28 676 en 29 521-12, nr 5",
            "(28 676, nr. 141) (28 6761, nr. 1) (28\u{a0}676 ,nr 123456)",
            "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028",
            "Aanhangsel van de Handelingen II, 2019-2020, nr. 12; Aanhangsel Handelingen IIa, 2019-2020, nr. 1",
            "Aanhangsel  Handelingen II 2019-20201, nr. 1 Aanhangsel Handelingen vergaderjaar2019-2020, nr. 3",
            "zie Kamerstukken II 2009/10, 32 123 XVI, nr. 30",
            "Kamerstukken I 2009–2010, 32 123, nr. 3 en Kamerstuk II 2150-02, nr. 4, Kamerstuk 2150-02, 32 123, nr. 5",
            "Kamerstukken IIkamerstuk 12 345, nr. 1 Kamerstukke 12 345, nr. 1 Kamerstuk12 345, nr. 1",
            "op 1 december 2020, nr. 5 van de lijst ((12 345 ABCD, nr. 1) (12 345 AB1, nr. 2)",
            "(12 345-1, nr. 3) (12 345-123, nr. 4) (12 345 en 12, nr. 5) (12 345 en 67 890-1, nr. 6)",
        ]) {
            assert_eq!(find_references(&text, 0, 0), by_regex(&text), "{text:?}");
        }
    }
}
