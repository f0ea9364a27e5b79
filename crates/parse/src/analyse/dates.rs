//! Dutch dates: `7 april 2021` → `2021-04-07`, `juli 2019` → `2019-07`.
//!
//! Matched by hand, without a regular expression (no pattern is compiled at run time): the
//! same dates as `(?i)\b(?:(\d{1,2})\s+)?(januari|…|december)\s+(\d{4})\b`, with ASCII
//! digits (a date written in other digits has no ISO form anyway).

use crate::chars::{is_word, prefix_folded, word_before};

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Byte ranges of a date in its text: the day (if any), the month name, the year.
struct Found {
    day: Option<(usize, usize)>,
    month: (usize, usize),
    year: (usize, usize),
}

/// Every date in `text`: (char offset, text as printed, ISO date).
pub fn find_dates(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = next_date(text, from) {
        from = found.year.1;
        let (Some(month), Some(year)) = (
            text.get(found.month.0..found.month.1),
            text.get(found.year.0..found.year.1),
        ) else {
            continue;
        };
        let day = found.day.and_then(|(a, b)| text.get(a..b));
        // A day that cannot be one (`40 mei 2020`) leaves the month and year.
        let (start, iso) = match (found.day, iso(day, month, year)) {
            (Some((start, _)), Some(iso)) => (start, iso),
            (None, Some(iso)) => (found.month.0, iso),
            (_, None) => match iso(None, month, year) {
                Some(iso) => (found.month.0, iso),
                None => continue,
            },
        };
        let (Some(before), Some(printed)) = (text.get(..start), text.get(start..found.year.1))
        else {
            continue;
        };
        out.push((before.chars().count(), printed.to_string(), iso));
    }
    out
}

/// The first date at or after byte `from`: a month name at a word boundary, white space, four
/// digits ending a word; the day is the one or two digits (a word of their own) before it.
fn next_date(text: &str, from: usize) -> Option<Found> {
    let mut at = from;
    while let Some(rest) = text.get(at..) {
        let mut chars = rest.char_indices();
        let (_, c) = chars.next()?;
        let next = at + chars.next().map_or(rest.len(), |(i, _)| i);
        if !is_word(c) || word_before(text, at) {
            at = next;
            continue;
        }
        let word_len = rest
            .char_indices()
            .find(|&(_, c)| !is_word(c))
            .map_or(rest.len(), |(i, _)| i);
        // A month name is a whole word: only a word before white space and a digit can be one.
        if year_may_follow(rest.get(word_len..).unwrap_or_default())
            && let Some(found) = date_at(text, at, from)
        {
            return Some(found);
        }
        // Skip the rest of this word: a month starts a word.
        at += word_len;
    }
    None
}

/// White space, then an ASCII digit: what must follow a month name.
fn year_may_follow(after: &str) -> bool {
    let year = after.trim_start();
    year.len() < after.len() && year.starts_with(|c: char| c.is_ascii_digit())
}

/// A date whose month name starts at byte `at` (a word start), its day at or after `from`.
fn date_at(text: &str, at: usize, from: usize) -> Option<Found> {
    let rest = text.get(at..)?;
    // Month names begin with one of these letters (`s` also as the long s).
    let first = rest.chars().next()?;
    if !(matches!(
        first.to_ascii_lowercase(),
        'j' | 'f' | 'm' | 'a' | 's' | 'o' | 'n' | 'd'
    ) || first == '\u{17F}')
    {
        return None;
    }
    let month_len = MONTHS.iter().find_map(|m| prefix_folded(rest, m))?;
    let after_month = rest.get(month_len..)?;
    let space = after_month.len() - after_month.trim_start().len();
    if space == 0 {
        return None;
    }
    let year_start = at + month_len + space;
    let digits = text.get(year_start..)?;
    let year_len = digits.bytes().take_while(u8::is_ascii_digit).count();
    if year_len < 4
        || digits
            .get(4..)
            .and_then(|r| r.chars().next())
            .is_some_and(is_word)
    {
        return None;
    }
    Some(Found {
        day: day_before(text, at, from),
        month: (at, at + month_len),
        year: (year_start, year_start + 4),
    })
}

/// One or two digits, a word of their own, then white space up to byte `month`.
fn day_before(text: &str, month: usize, from: usize) -> Option<(usize, usize)> {
    let before = text.get(from..month)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let digits = trimmed.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = from + trimmed.len() - digits;
    ((1..=2).contains(&digits) && !word_before(text, start))
        .then_some((start, from + trimmed.len()))
}

/// The first full date (day, month, year) in `text`, as ISO 8601.
pub fn parse_dutch_date(text: &str) -> Option<String> {
    find_dates(text)
        .into_iter()
        .map(|d| d.2)
        .find(|iso| iso.len() == 10)
}

fn iso(day: Option<&str>, month: &str, year: &str) -> Option<String> {
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? + 1;
    let year: u32 = year.parse().ok()?;
    match day {
        Some(day) => {
            let day: u32 = day.parse().ok()?;
            (1..=31)
                .contains(&day)
                .then(|| format!("{year:04}-{month:02}-{day:02}"))
        }
        None => Some(format!("{year:04}-{month:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_dates() {
        assert_eq!(
            parse_dutch_date("7 april 2021").as_deref(),
            Some("2021-04-07")
        );
        assert_eq!(
            parse_dutch_date("Den Haag, 1 December 2020").as_deref(),
            Some("2020-12-01")
        );
        let found = find_dates("op 25 november 2020 en in juli 2019; niet 40 mei 2020");
        let iso: Vec<&str> = found.iter().map(|d| d.2.as_str()).collect();
        assert_eq!(iso, ["2020-11-25", "2019-07", "2020-05"]);
        assert_eq!(found[0].0, 3);
    }

    /// The matcher finds what the regular expression it replaces finds.
    #[test]
    fn same_as_the_regular_expression() {
        let re = regex::Regex::new(
            r"(?i)\b(?:(\d{1,2})\s+)?(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(\d{4})\b",
        )
        .unwrap();
        let by_regex = |text: &str| -> Vec<(usize, String, String)> {
            re.captures_iter(text)
                .filter_map(|c| {
                    let (month, year) = (c.get(2)?, c.get(3)?);
                    let (start, iso) =
                        match iso(c.get(1).map(|d| d.as_str()), month.as_str(), year.as_str()) {
                            Some(iso) => (c.get(0)?.start(), iso),
                            None => (month.start(), iso(None, month.as_str(), year.as_str())?),
                        };
                    let offset = text.get(..start)?.chars().count();
                    Some((offset, text.get(start..year.end())?.to_string(), iso))
                })
                .collect()
        };
        for text in crate::chars::tests::samples(&[
            "7 april 2021",
            "Den Haag, 1 December 2020.",
            "12\u{a0}mei\t2020",
            "x12 april 2021",
            "123 april 2021",
            "a7 juni 2020 en 07 juli 20201 of 3 JULI 2019²",
            "april 2021 12 mei 2022 mei 2023",
            "op 0 maart 2021, 31 oktober 1999_ en 1 OKTOBER 1999",
            "Één 5 september  2024; Augustus 2020",
            "mei2020 meiden 2020 1 mei 20201",
        ]) {
            assert_eq!(find_dates(&text), by_regex(&text), "{text:?}");
        }
    }
}
