//! References to other parliamentary documents as structured keys (domain.md, "References
//! to other parliamentary documents").

use std::sync::LazyLock;

use kamerbrief_model::{Anchor, Reference, ReferenceKind};
use regex::Regex;

use crate::regex;

/// `Kamerstuk 35 373, nr. 1`, `Kamerstukken 28 676 en 29 521, nr. 264`,
/// `Kamerstukken II 2009/10, 32 123 XVI, nr. 30`, `Kamerstuk 21 501-02, nr. 1538`,
/// and the older `(28 676, nr. 141)`.
static KAMERSTUK: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?:Kamerstuk(?:ken)?\s+(?:(?:I|II)\s+)?(?:(\d{4})[/–-](\d{2,4}),?\s+)?|\()",
        r"(\d{2}\s?\d{3})(?:(?:-|\s)(\d{2}|[IVXLC]+|[A-Z]{1,3})\b)?",
        r"(?:\s+en\s+\d{2}\s?\d{3}(?:-\d{2})?)?",
        r",\s*nr\.?\s*(\d{1,5})"
    ))
});

/// `Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028`.
static AANHANGSEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"Aanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s+II)?,?\s+(?:vergaderjaar\s+)?(\d{4})[–-](\d{4}),\s*nr\.?\s*(\d{1,5})",
    )
});

/// References in a block's text, anchored at `section`/`block`.
pub fn find_references(text: &str, section: usize, block: usize) -> Vec<Reference> {
    let anchor = |start: usize| Anchor {
        section,
        block,
        offset: text.get(..start).map_or(0, |t| t.chars().count()),
        appendix: false,
    };
    let mut out = Vec::new();
    for c in KAMERSTUK.captures_iter(text) {
        let (Some(whole), Some(dossier), Some(number)) = (c.get(0), c.get(3), c.get(5)) else {
            continue;
        };
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
        let printed = whole.as_str().trim_start_matches('(').to_string();
        let start = whole.start() + usize::from(whole.as_str().starts_with('('));
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
    for c in AANHANGSEL.captures_iter(text) {
        let (Some(whole), Some(a), Some(b), Some(number)) =
            (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let number: Option<u32> = number.as_str().parse().ok();
        let id = number.map(|n| format!("ah-tk-{}{}-{n}", a.as_str(), b.as_str()));
        out.push(Reference {
            kind: ReferenceKind::Aanhangsel,
            text: whole.as_str().to_string(),
            dossier: None,
            suffix: None,
            number,
            session_year: session_year(a.as_str(), b.as_str()),
            id,
            anchor: anchor(whole.start()),
        });
    }
    out.sort_by_key(|r| r.anchor.offset);
    out
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
}
