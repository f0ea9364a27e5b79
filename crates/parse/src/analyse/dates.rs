//! Dutch dates: `7 april 2021` → `2021-04-07`, `juli 2019` → `2019-07`.

use std::sync::LazyLock;

use regex::Regex;

use crate::regex;

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

/// A day (optional), a Dutch month name, a year.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:(\d{1,2})\s+)?(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(\d{4})\b",
    )
});

/// Every date in `text`: (char offset, text as printed, ISO date).
pub fn find_dates(text: &str) -> Vec<(usize, String, String)> {
    DATE.captures_iter(text)
        .filter_map(|c| {
            let (month, year) = (c.get(2)?, c.get(3)?);
            // A day that cannot be one (`40 mei 2020`) leaves the month and year.
            let (start, iso) =
                match iso(c.get(1).map(|d| d.as_str()), month.as_str(), year.as_str()) {
                    Some(iso) => (c.get(0)?.start(), iso),
                    None => (month.start(), iso(None, month.as_str(), year.as_str())?),
                };
            let offset = text.get(..start)?.chars().count();
            Some((offset, text.get(start..year.end())?.to_string(), iso))
        })
        .collect()
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
}
