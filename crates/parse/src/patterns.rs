//! The line shapes the reading decides by (salutations, places and dates, postal lines,
//! list labels, captions, heading numbers, closing formulas, roles, names), matched by hand:
//! nothing is compiled at run time, and each matcher accepts exactly what the regular
//! expression in its documentation accepts (tests compare the two).

use crate::chars::{Cursor, boundary, is_decimal, is_letter, is_upper, prefix_folded};
use kamerbrief_model::LIST_BULLETS;

/// `Hoogachtend,`, `Met vriendelijke groet,`, `Met de meeste hoogachting,`: as
/// `(?i)^(hoogachtend|met (vriendelijke|hartelijke) groet(en)?|met (de meeste )?hoogachting|`
/// `vriendelijke groet(en)?)[,.]?$`.
pub fn is_closing_formula(text: &str) -> bool {
    const FORMULAS: &[&str] = &[
        "hoogachtend",
        "met vriendelijke groet",
        "met vriendelijke groeten",
        "met hartelijke groet",
        "met hartelijke groeten",
        "met hoogachting",
        "met de meeste hoogachting",
        "vriendelijke groet",
        "vriendelijke groeten",
    ];
    FORMULAS.iter().any(|f| {
        prefix_folded(text, f)
            .and_then(|n| text.get(n..))
            .is_some_and(|rest| matches!(rest, "" | "," | "."))
    })
}

/// Titles of offices that open a role line.
const OFFICES: &[&str] = &[
    "minister-president",
    "minister",
    "staatssecretaris",
    "premier",
    "secretaris-generaal",
    "directeur-generaal",
    "directeur",
    "voorzitter",
    "burgemeester",
    "commissaris",
    "ambassadeur",
    "adjunct-griffier",
    "griffier",
    "president",
    "raad",
    "inspecteur-generaal",
    "thesaurier-generaal",
];

/// `De Minister van Buitenlandse Zaken,`, `DE STAATSSECRETARIS VAN …`, `de minister-president,`:
/// as `(?i)^(?:(?:de|het)\s+)?(?:plaatsvervangend\s+|waarnemend\s+)?(?:minister(?:-president)?|`
/// `staatssecretaris|premier|secretaris-generaal|directeur(?:-generaal)?|voorzitter|`
/// `burgemeester|commissaris|ambassadeur|(?:adjunct-)?griffier|president|raad|`
/// `inspecteur-generaal|thesaurier-generaal)\b`.
pub fn is_role(text: &str) -> bool {
    let after_article = optional_word(text, 0, &["de", "het"]);
    after_article.into_iter().any(|at| {
        optional_word(text, at, &["plaatsvervangend", "waarnemend"])
            .into_iter()
            .any(|at| {
                let rest = text.get(at..).unwrap_or_default();
                OFFICES.iter().any(|office| {
                    prefix_folded(rest, office).is_some_and(|n| boundary(text, at + n))
                })
            })
    })
}

/// Where the text goes on after an optional `word\s+` at `at` (one of `words`, compared
/// without case): with the word and without it.
fn optional_word(text: &str, at: usize, words: &[&str]) -> Vec<usize> {
    let mut out = vec![at];
    let rest = text.get(at..).unwrap_or_default();
    for word in words {
        if let Some(n) = prefix_folded(rest, word) {
            let mut c = Cursor::new(text, at + n);
            // `\s+` may stop anywhere in the run of white space; where it stops, only the
            // next step (a letter) can go on, so the end of the run is the one place.
            if c.spaces() > 0 {
                out.push(c.at);
            }
        }
    }
    out
}

/// Titles before a name (`drs.`, `Mr.`), compared without case.
const TITLES: &[&str] = &[
    "prof", "mr", "dr", "drs", "ir", "ing", "bc", "ds", "jhr", "jkvr",
];

/// Particles of surnames (`van`, `de`, `'t`), compared without case.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "ter", "ten", "te", "in", "het", "'t", "von", "la", "le", "du",
    "el", "al",
];

/// Degrees after a name (`MSc`), exactly.
const DEGREES: &[&str] = &["MSc", "MA", "LLM", "MBA", "RA", "BSc", "PhD", "MPA"];

/// A person's name as signatures print it: titles, initials, particles, surname(s). As
/// `^(?:(?i:prof|mr|dr|drs|ir|ing|bc|ds|jhr|jkvr)\.\s*)*`
/// `(?:(?:\p{Lu}\.(?:\p{Lu}[a-z]?\.)*|\p{Lu}[\p{L}'’-]+|`
/// `(?i:van|de|der|den|ter|ten|te|in|het|'t|von|la|le|du|el|al))\s+)*`
/// `\p{Lu}[\p{L}'’-]*\p{L}(?:,?\s+(?:MSc|MA|LLM|MBA|RA|BSc|PhD|MPA))?,?$`:
/// every position each part can reach is followed, so no choice is missed.
pub fn is_name_shape(text: &str) -> bool {
    let titles = closure(text, vec![0], title_ends);
    let words = closure(text, titles, word_ends);
    words
        .into_iter()
        .flat_map(|at| surname_ends(text, at))
        .any(|end| ends_name(text.get(end..).unwrap_or_default()))
}

/// Every position reachable from `starts` by repeating `step` (zero or more times).
fn closure(text: &str, starts: Vec<usize>, step: fn(&str, usize) -> Vec<usize>) -> Vec<usize> {
    let mut seen = starts.clone();
    let mut todo = starts;
    while let Some(at) = todo.pop() {
        for next in step(text, at) {
            if !seen.contains(&next) {
                seen.push(next);
                todo.push(next);
            }
        }
    }
    seen
}

/// After one `title\.\s*` from `at`: every length of the white space.
fn title_ends(text: &str, at: usize) -> Vec<usize> {
    let rest = text.get(at..).unwrap_or_default();
    let mut out = Vec::new();
    for title in TITLES {
        let Some(n) = prefix_folded(rest, title) else {
            continue;
        };
        let mut c = Cursor::new(text, at + n);
        if !c.lit(".") {
            continue;
        }
        out.push(c.at);
        while c.space() {
            out.push(c.at);
        }
    }
    out
}

/// After one word (initials, a capitalised word, a particle) and `\s+` from `at`.
fn word_ends(text: &str, at: usize) -> Vec<usize> {
    let mut ends = initials_ends(text, at);
    ends.extend(capitalised_ends(text, at));
    let rest = text.get(at..).unwrap_or_default();
    ends.extend(
        PARTICLES
            .iter()
            .filter_map(|p| prefix_folded(rest, p))
            .map(|n| at + n),
    );
    let mut out = Vec::new();
    for end in ends {
        let mut c = Cursor::new(text, end);
        while c.space() {
            out.push(c.at);
        }
    }
    out
}

/// `\p{Lu}\.(?:\p{Lu}[a-z]?\.)*`: after each complete initial.
fn initials_ends(text: &str, at: usize) -> Vec<usize> {
    let mut c = Cursor::new(text, at);
    if c.char_if(is_upper).is_none() || !c.lit(".") {
        return Vec::new();
    }
    let mut out = vec![c.at];
    // Each further initial is a capital, perhaps a small letter, and a period: one way only
    // (the character after the capital is either the period or the small letter).
    loop {
        let mut next = c;
        if next.char_if(is_upper).is_none() {
            break;
        }
        next.char_if(|ch| ch.is_ascii_lowercase());
        if !next.lit(".") {
            break;
        }
        out.push(next.at);
        c = next;
    }
    out
}

/// `\p{Lu}[\p{L}'’-]+`: every length of the tail.
fn capitalised_ends(text: &str, at: usize) -> Vec<usize> {
    let mut c = Cursor::new(text, at);
    if c.char_if(is_upper).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    while c.char_if(name_char).is_some() {
        out.push(c.at);
    }
    out
}

/// `\p{Lu}[\p{L}'’-]*\p{L}`: every end that is a letter.
fn surname_ends(text: &str, at: usize) -> Vec<usize> {
    let mut c = Cursor::new(text, at);
    if c.char_if(is_upper).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    while let Some(ch) = c.char_if(name_char) {
        if is_letter(ch) {
            out.push(c.at);
        }
    }
    out
}

fn name_char(c: char) -> bool {
    is_letter(c) || matches!(c, '\'' | '’' | '-')
}

/// `(?:,?\s+(?:MSc|…))?,?$`: what may follow the surname to the end.
fn ends_name(rest: &str) -> bool {
    if matches!(rest, "" | ",") {
        return true;
    }
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let degree = rest.trim_start_matches(char::is_whitespace);
    degree.len() < rest.len()
        && DEGREES.iter().any(|d| {
            degree
                .strip_prefix(d)
                .is_some_and(|tail| matches!(tail, "" | ","))
        })
}

/// `Geachte voorzitter,`, `Zeer geachte heer Jansen,`, `Beste Kamerleden,`: as
/// `(?i)^(geachte|hooggeachte|zeer geachte|beste|lieve|dear|l\.s\.|mijnheer|mevrouw|`
/// `excellentie)\b.{0,60}[,:]?$`.
pub fn is_salutation(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "geachte",
        "hooggeachte",
        "zeer geachte",
        "beste",
        "lieve",
        "dear",
        "l.s.",
        "mijnheer",
        "mevrouw",
        "excellentie",
    ];
    OPENINGS.iter().any(|o| {
        let Some(n) = prefix_folded(text, o) else {
            return false;
        };
        let rest = text.get(n..).unwrap_or_default();
        let count = rest.chars().count();
        boundary(text, n)
            && !rest.contains('\n')
            && (count <= 60 || count == 61 && rest.ends_with([',', ':']))
    })
}

/// `Den Haag, 7 april 2021`: as
/// `^[\p{Lu}'’][\p{L}'’ .-]{1,40},\s*\d{1,2}\s+\p{L}+\s+\d{4}\.?$`.
pub fn is_place_and_date(text: &str) -> bool {
    let mut c = Cursor::new(text, 0);
    if c.char_if(|ch| is_upper(ch) || matches!(ch, '\'' | '’'))
        .is_none()
    {
        return false;
    }
    let place = run(&mut c, |ch| {
        is_letter(ch) || matches!(ch, '\'' | '’' | ' ' | '.' | '-')
    });
    if !(1..=40).contains(&place) || !c.lit(",") {
        return false;
    }
    c.spaces();
    let day = run(&mut c, is_decimal);
    if !(1..=2).contains(&day) || c.spaces() == 0 {
        return false;
    }
    if run(&mut c, is_letter) == 0 || c.spaces() == 0 {
        return false;
    }
    run(&mut c, is_decimal) == 4 && matches!(c.rest(), "" | ".")
}

/// `Postbus 20018`, `2500 EA  DEN HAAG`: as `^(?i:postbus\s+\d+|\d{4}\s*[A-Z]{2}\b.*)$`.
pub fn is_postal(text: &str) -> bool {
    let mut c = Cursor::new(text, 0);
    if let Some(n) = prefix_folded(text, "postbus") {
        c.at = n;
        if c.spaces() > 0 && run(&mut c, is_decimal) > 0 && c.rest().is_empty() {
            return true;
        }
        c.at = 0;
    }
    if run(&mut c, is_decimal) != 4 {
        return false;
    }
    c.spaces();
    // `[A-Z]` without case: ASCII letters, the Kelvin sign and the long s.
    let letter = |ch: char| ch.is_ascii_alphabetic() || matches!(ch, '\u{212A}' | '\u{17F}');
    c.char_if(letter).is_some()
        && c.char_if(letter).is_some()
        && boundary(text, c.at)
        && !c.rest().contains('\n')
}

/// The run of characters `accept` takes (greedy); how many.
fn run(c: &mut Cursor<'_>, accept: impl Fn(char) -> bool) -> usize {
    let mut n = 0;
    while c.char_if(&accept).is_some() {
        n += 1;
    }
    n
}

/// Exactly `n` characters that `accept` takes, from the cursor.
fn exactly(c: &mut Cursor<'_>, n: usize, accept: impl Fn(char) -> bool) -> bool {
    (0..n).all(|_| c.char_if(&accept).is_some())
}

/// The label of a list item at the start of `text` (`1.`, `1)`, `a.`, `(a)`, `ii.`, `•`,
/// `-`, `–`, `o`) followed by text: group 1 of
/// `^(\d{1,2}[.)]|[a-z][.)]|\((?:\d{1,2}|[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\)|`
/// `(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]|[•·▪◦‣∙●○■□➢►✓❖◆\-–—*o])\s+\S`, alternatives tried in
/// its order.
pub fn item_label(text: &str) -> Option<&str> {
    // Most lines open with a capital: no alternative starts there.
    let first = text.chars().next()?;
    if !(is_decimal(first)
        || first.is_ascii_lowercase()
        || first == '('
        || LIST_BULLETS.contains(first))
    {
        return None;
    }
    let dot = |ch: char| matches!(ch, '.' | ')');
    let mut ends: Vec<usize> = Vec::new();
    for digits in [2, 1] {
        let mut c = Cursor::new(text, 0);
        if exactly(&mut c, digits, is_decimal) && c.char_if(dot).is_some() {
            ends.push(c.at);
        }
    }
    let mut c = Cursor::new(text, 0);
    if c.char_if(|ch| ch.is_ascii_lowercase()).is_some() && c.char_if(dot).is_some() {
        ends.push(c.at);
    }
    for digits in [2, 1] {
        let mut c = Cursor::new(text, 0);
        if c.lit("(") && exactly(&mut c, digits, is_decimal) && c.lit(")") {
            ends.push(c.at);
        }
    }
    let mut c = Cursor::new(text, 0);
    if c.lit("(") && c.char_if(|ch| ch.is_ascii_lowercase()).is_some() && c.lit(")") {
        ends.push(c.at);
    }
    // `(?:i{1,3}|iv|vi{0,3}|ix|x)` in parentheses.
    for roman in ["iii", "ii", "i", "iv", "viii", "vii", "vi", "v", "ix", "x"] {
        let mut c = Cursor::new(text, 0);
        if first == '(' && c.lit("(") && c.lit(roman) && c.lit(")") {
            ends.push(c.at);
        }
    }
    let roman_first = matches!(first, 'i' | 'v' | 'x');
    for roman in ["iii", "ii", "i", "iv", "v", "viii", "vii", "vi", "ix", "x"] {
        let mut c = Cursor::new(text, 0);
        if roman_first && c.lit(roman) && c.char_if(dot).is_some() {
            ends.push(c.at);
        }
    }
    let mut c = Cursor::new(text, 0);
    if c.char_if(|ch| LIST_BULLETS.contains(ch) || ch == 'o')
        .is_some()
    {
        ends.push(c.at);
    }
    ends.into_iter()
        .find(|&end| {
            let mut c = Cursor::new(text, end);
            c.spaces() > 0 && c.peek().is_some()
        })
        .and_then(|end| text.get(..end))
}

/// `Figuur 1.`, `Tabel 2:`, `Bron: …`: as
/// `(?i)^(figuur|figure|fig\.|tabel|table|grafiek|afbeelding|illustratie|kaart|bron)\b\s*(\d|:)`.
pub fn is_caption(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "figuur",
        "figure",
        "fig.",
        "tabel",
        "table",
        "grafiek",
        "afbeelding",
        "illustratie",
        "kaart",
        "bron",
    ];
    WORDS.iter().any(|w| {
        prefix_folded(text, w).is_some_and(|n| {
            let mut c = Cursor::new(text, n);
            c.spaces();
            boundary(text, n) && c.peek().is_some_and(|ch| ch == ':' || is_decimal(ch))
        })
    })
}

/// `1.`, `2.3`, `4.1.2` before a heading's text: (number, text) as the groups of
/// `^(\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s+(\S.*)$`, choices tried in its order.
pub fn heading_number(text: &str) -> Option<(&str, &str)> {
    [2, 1].into_iter().find_map(|digits| {
        let mut c = Cursor::new(text, 0);
        exactly(&mut c, digits, is_decimal)
            .then(|| number_parts(c, 3))
            .flatten()
    })
}

/// `(?:\.\d{1,2}){0,left}\.?` and what follows, from `c`.
fn number_parts(c: Cursor<'_>, left: usize) -> Option<(&str, &str)> {
    if left > 0 {
        for digits in [2, 1] {
            let mut next = c;
            if next.lit(".") && exactly(&mut next, digits, is_decimal) {
                if let Some(found) = number_parts(next, left - 1) {
                    return Some(found);
                }
            }
        }
    }
    let mut dot = c;
    if dot.lit(".") {
        if let Some(found) = heading_text(dot) {
            return Some(found);
        }
    }
    heading_text(c)
}

/// `\s+(\S.*)$` from `c`: the number before it and the text.
fn heading_text(c: Cursor<'_>) -> Option<(&str, &str)> {
    let mut after = c;
    if after.spaces() == 0 || after.peek().is_none() || after.rest().contains('\n') {
        return None;
    }
    Some((c.text.get(..c.at)?, after.rest()))
}

/// Number labels inside running text, as the matches of `(?:^|[\s:;(])(\d{1,2})[.)]\s+`
/// one after another: (byte range of the number, end of the match).
pub fn number_labels(text: &str) -> Vec<((usize, usize), usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rest) = text.get(from..) {
        let found = rest.char_indices().find_map(|(i, ch)| {
            let at = from + i;
            let opening = (at == 0).then(|| number_label(text, 0)).flatten();
            opening.or_else(|| {
                (ch.is_whitespace() || matches!(ch, ':' | ';' | '('))
                    .then(|| number_label(text, at + ch.len_utf8()))
                    .flatten()
            })
        });
        let Some(found) = found else { break };
        out.push(found);
        from = found.1;
    }
    out
}

/// `(\d{1,2})[.)]\s+` at `at`.
fn number_label(text: &str, at: usize) -> Option<((usize, usize), usize)> {
    [2, 1].into_iter().find_map(|digits| {
        let mut c = Cursor::new(text, at);
        if !exactly(&mut c, digits, is_decimal) {
            return None;
        }
        let number = (at, c.at);
        c.char_if(|ch| matches!(ch, '.' | ')'))?;
        (c.spaces() > 0).then_some((number, c.at))
    })
}

/// A table of contents' entry: its title, dot leaders and page number
/// (`2.1 Achtergrond ........ 4`, `Inleiding … 3`). As
/// `^\S.*?(?:\.\s?){3,}\s*\d{1,3}$|^\S.*?…+\s*\d{1,3}$`: read from the end, the page number
/// (what stands before it is no digit), the white space before it, then the leaders; the
/// title is what the leaders leave, at least its first character.
pub fn is_contents_entry(text: &str) -> bool {
    let title_and_leaders = text.trim_end_matches(is_decimal);
    let digits = text
        .get(title_and_leaders.len()..)
        .unwrap_or_default()
        .chars()
        .count();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let leaders = title_and_leaders.trim_end_matches(char::is_whitespace);
    // `(?:\.\s?){3,}`: where each leader (a dot, maybe one white space after it) begins,
    // nearest the number first; the title may end where at least three follow.
    let mut starts = Vec::new();
    let mut end = leaders.len();
    loop {
        let mut before = leaders.get(..end).unwrap_or_default().char_indices().rev();
        let start = match before.next() {
            Some((i, '.')) => i,
            Some((_, c)) if c.is_whitespace() => match before.next() {
                Some((i, '.')) => i,
                _ => break,
            },
            _ => break,
        };
        starts.push(start);
        end = start;
    }
    let dotted = starts
        .iter()
        .skip(2)
        .rev()
        .find(|&&k| k > 0)
        .is_some_and(|&k| opens_entry(text, k));
    // `…+`: the run of ellipses before the white space.
    let title = leaders.trim_end_matches('…');
    let ellipses = title.len() < leaders.len();
    let k = if title.is_empty() {
        '…'.len_utf8()
    } else {
        title.len()
    };
    dotted || (ellipses && k < leaders.len() && opens_entry(text, k))
}

/// `^\S.*?` up to byte `k`: a first character that is no white space, then no line break.
fn opens_entry(text: &str, k: usize) -> bool {
    let mut title = text.get(..k).unwrap_or_default().chars();
    title.next().is_some_and(|c| !c.is_whitespace()) && !title.as_str().contains('\n')
}

/// `Tweede Kamer der Staten-Generaal`: a chamber as a publication's masthead names it. As
/// `^(Tweede|Eerste) Kamer( der Staten-Generaal)?$`.
pub fn is_chamber(text: &str) -> bool {
    matches!(
        text,
        "Tweede Kamer"
            | "Eerste Kamer"
            | "Tweede Kamer der Staten-Generaal"
            | "Eerste Kamer der Staten-Generaal"
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use regex::Regex;

    fn closing_regex() -> Regex {
        Regex::new(
            r"(?i)^(hoogachtend|met (vriendelijke|hartelijke) groet(en)?|met (de meeste )?hoogachting|vriendelijke groet(en)?)[,.]?$",
        )
        .unwrap()
    }

    fn role_regex() -> Regex {
        Regex::new(concat!(
            r"(?i)^(?:(?:de|het)\s+)?(?:plaatsvervangend\s+|waarnemend\s+)?",
            r"(?:minister(?:-president)?|staatssecretaris|premier|secretaris-generaal|directeur(?:-generaal)?|voorzitter|",
            r"burgemeester|commissaris|ambassadeur|(?:adjunct-)?griffier|president|raad|inspecteur-generaal|thesaurier-generaal)\b"
        ))
        .unwrap()
    }

    fn name_regex() -> Regex {
        Regex::new(concat!(
            r"^(?:(?i:prof|mr|dr|drs|ir|ing|bc|ds|jhr|jkvr)\.\s*)*",
            r"(?:(?:\p{Lu}\.(?:\p{Lu}[a-z]?\.)*|\p{Lu}[\p{L}'’-]+|(?i:van|de|der|den|ter|ten|te|in|het|'t|von|la|le|du|el|al))\s+)*",
            r"\p{Lu}[\p{L}'’-]*\p{L}",
            r"(?:,?\s+(?:MSc|MA|LLM|MBA|RA|BSc|PhD|MPA))?,?$",
        ))
        .unwrap()
    }

    /// Lines of every fixture and real letter text, and made-up hard cases.
    pub(crate) fn lines(extra: &[&str]) -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = vec![
            root.join("fixtures/navo2030/navo2030.txt"),
            root.join("fixtures/navo2030/reference.txt"),
            root.join("fixtures/invented/brief/expected.txt"),
            root.join("fixtures/invented/appreciatie/expected.txt"),
        ];
        if let Ok(dir) = std::fs::read_dir(root.join("crates/parse/tests")) {
            files.extend(dir.flatten().map(|e| e.path()));
        }
        let mut out: Vec<String> = Vec::new();
        for file in files {
            if let Ok(text) = std::fs::read_to_string(&file) {
                out.extend(text.lines().map(|l| l.trim().to_string()));
                out.extend(text.lines().map(str::to_string));
            }
        }
        let extra = crate::chars::tests::samples(extra);
        out.extend(extra);
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn closing_formulas_as_the_expression() {
        let re = closing_regex();
        for line in lines(&[
            "Hoogachtend,",
            "MET VRIENDELIJKE GROETEN.",
            "Met de meeste hoogachting",
            "met  vriendelijke groet",
            "Vriendelijke groet,,",
            "Met hartelijke groeten:",
            "Met de meeste hoogachtingen",
        ]) {
            assert_eq!(is_closing_formula(&line), re.is_match(&line), "{line:?}");
        }
    }

    #[test]
    fn roles_as_the_expression() {
        let re = role_regex();
        for line in lines(&[
            "De Minister van Buitenlandse Zaken,",
            "DE STAATSSECRETARIS VAN FINANCIËN",
            "de minister-president,",
            "de minister-presidentx",
            "Het Plaatsvervangend  Directeur-Generaal",
            "de  waarnemend griffier",
            "De raadsman",
            "waarnemend raad_",
            "de\u{a0}ministerie",
            "Directeur-generaal Rijkswaterstaat",
            "deminister",
            "De adjunct-griffier van de commissie, Kruithof",
            "ADJUNCT-GRIFFIER",
            "de adjunct-griffiers",
            "de adjunct griffier",
            "adjunct-",
            "De voorzitter van de commissie, Tielen",
        ]) {
            assert_eq!(is_role(&line), re.is_match(&line), "{line:?}");
        }
    }

    #[test]
    fn names_as_the_expression() {
        let re = name_regex();
        for line in lines(&[
            "Arie Slob",
            "drs. V.L.W.A. Heijnen",
            "Mr. dr. A.Th.B. Bijleveld-Schouten",
            "W.B. Hoekstra, MSc",
            "S.A. Blok MBA,",
            "prof.dr.ir. J. van 't Hek",
            "Ph. de Groot",
            "A.Ph.",
            "J.P.h. Jansen",
            "Dr.  Ir. Karin van der Berg-O’Neill, PhD",
            "Ånne Ødegård",
            "de Jong",
            "A",
            "Ab",
            "A-",
            "Hoogachtend,",
            "JHR. DRS. W.J. DE VRIES",
            "Jan de",
            "Jan  ,MSc",
            "A.Bc.D. Xy",
        ]) {
            assert_eq!(is_name_shape(&line), re.is_match(&line), "{line:?}");
        }
    }

    #[test]
    fn front_lines_as_the_expressions() {
        let salutation = Regex::new(
            r"(?i)^(geachte|hooggeachte|zeer geachte|beste|lieve|dear|l\.s\.|mijnheer|mevrouw|excellentie)\b.{0,60}[,:]?$",
        )
        .unwrap();
        let place =
            Regex::new(r"^[\p{Lu}'’][\p{L}'’ .-]{1,40},\s*\d{1,2}\s+\p{L}+\s+\d{4}\.?$").unwrap();
        let postal = Regex::new(r"^(?i:postbus\s+\d+|\d{4}\s*[A-Z]{2}\b.*)$").unwrap();
        for line in lines(&[
            "Geachte voorzitter,",
            "Zeer geachte heer Jansen:",
            "L.S.",
            "l.s.x",
            "Geachte collega's zijn er niet in deze lange zin die doorloopt tot ver na zestig tekens hoor",
            "Geachte collega's zijn er niet in deze lange zin die doorloopt tot ver na zestig tekens,",
            "Geachte collega's zijn er niet in deze lange zin die doorloopt tot ver na zestig teken,",
            "Beste\nvoorzitter",
            "Den Haag, 7 april 2021",
            "'s-Gravenhage,12 mei 2020.",
            "Den Haag, 123 april 2021",
            "Den Haag, 7 april 20211",
            "Den Haag , 7  april\u{a0}2021..",
            "X, 7 april 2021",
            ", 7 april 2021",
            "Postbus 20018",
            "POSTBUS  20018 ",
            "2500 EA  DEN HAAG",
            "2500EA",
            "2500 EAX",
            "12500 EA",
            "2500 E1",
        ]) {
            assert_eq!(is_salutation(&line), salutation.is_match(&line), "{line:?}");
            assert_eq!(is_place_and_date(&line), place.is_match(&line), "{line:?}");
            assert_eq!(is_postal(&line), postal.is_match(&line), "{line:?}");
        }
    }

    #[test]
    fn block_lines_as_the_expressions() {
        let item = Regex::new(
            r"^(\d{1,2}[.)]|[a-z][.)]|\((?:\d{1,2}|[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\)|(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]|[•·▪◦‣∙●○■□➢►✓❖◆\-–—*o])\s+\S",
        )
        .unwrap();
        let caption = Regex::new(
            r"(?i)^(figuur|figure|fig\.|tabel|table|grafiek|afbeelding|illustratie|kaart|bron)\b\s*(\d|:)",
        )
        .unwrap();
        let heading = Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s+(\S.*)$").unwrap();
        for line in lines(&[
            "1. Het versterken",
            "12) eerst",
            "123. nee",
            "a) eerst",
            "(2) twee",
            "(12) twaalf",
            "(a) a",
            "(iv) vier",
            "(vii) zeven",
            "(v) vijf",
            "(iiii) nee",
            "o tweede niveau",
            "✓ klaar",
            "— streep",
            "ook niet",
            "ii. twee",
            "iv) vier",
            "viii. acht",
            "iiii. nee",
            "• punt",
            "-5 graden",
            "–  streep",
            "1 december 2020",
            "2020. Daarna",
            "Figuur 1. De kaart",
            "fig.1",
            "fig. 1",
            "Bron: CBS",
            "Tabellen 2",
            "Kaart  3",
            "1.2.3.4.5 Te diep",
            "1.2.3.4 Diep",
            "1.10 Tien",
            "1.123 Nee",
            "12. Twaalf",
            "4.1.2. Drie",
            "1.  Twee\nregels",
            "1.",
        ]) {
            assert_eq!(
                item_label(&line),
                item.captures(&line)
                    .and_then(|c| c.get(1))
                    .map(|m| m.as_str()),
                "{line:?}"
            );
            assert_eq!(is_caption(&line), caption.is_match(&line), "{line:?}");
            assert_eq!(
                heading_number(&line),
                heading
                    .captures(&line)
                    .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str())),
                "{line:?}"
            );
        }
    }

    #[test]
    fn number_labels_as_the_expression() {
        let label = Regex::new(r"(?:^|[\s:;(])(\d{1,2})[.)]\s+").unwrap();
        for line in lines(&[
            "te maken: 1. meer aandacht; 2. het vergroten van; en 3. het herzien",
            "1. een 2. twee 3) drie",
            "(1) nee (1. ja 12. ja 123. nee",
            "1.  2. 3.",
            "x1. y:4)\u{a0}z",
        ]) {
            let by_regex: Vec<((usize, usize), usize)> = label
                .captures_iter(&line)
                .map(|c| {
                    let n = c.get(1).unwrap();
                    ((n.start(), n.end()), c.get(0).unwrap().end())
                })
                .collect();
            assert_eq!(number_labels(&line), by_regex, "{line:?}");
        }
    }

    #[test]
    fn contents_entries_as_the_expression() {
        let re = Regex::new(r"^\S.*?(?:\.\s?){3,}\s*\d{1,3}$|^\S.*?…+\s*\d{1,3}$").unwrap();
        for line in lines(&[
            "1. Inleiding ............ 3",
            "2.1 Achtergrond . . . . . 14",
            "Bijlage .. . 2",
            "Bijlage .. 2",
            "Bijlage .  . . 2",
            "Slot....1234",
            "Slot....123",
            "Slot…… 7",
            "Slot … 7",
            "… 7",
            "…… 7",
            "… … 7",
            "...3",
            "....3",
            ". . . 3",
            ".. . 3",
            " Inleiding ...... 3",
            "In\nleiding ...... 3",
            "Inleiding ...\n... 3",
            "Inleiding ...\n 3",
            "Inleiding\u{a0}...\u{a0}3",
            "Inleiding ....٣",
            "Inleiding .... ",
            "x....",
        ]) {
            assert_eq!(is_contents_entry(&line), re.is_match(&line), "{line:?}");
        }
    }

    #[test]
    fn chambers_as_the_expression() {
        let re = Regex::new(r"^(Tweede|Eerste) Kamer( der Staten-Generaal)?$").unwrap();
        for line in lines(&[
            "Tweede Kamer",
            "Eerste Kamer der Staten-Generaal",
            "Tweede Kamer der Staten-Generaal",
            "tweede kamer",
            "Tweede Kamer, vergaderjaar 2020–2021",
        ]) {
            assert_eq!(is_chamber(&line), re.is_match(&line), "{line:?}");
        }
    }
}
