//! The end of a letter: the closing formula and the signatories (role line, then name).
//! Roles are recognised by the Dutch official titles that open them (domain vocabulary).

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::regex;

/// `Hoogachtend,`, `Met vriendelijke groet,`, `Met de meeste hoogachting,`.
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(hoogachtend|met (vriendelijke|hartelijke) groet(en)?|met (de meeste )?hoogachting|vriendelijke groet(en)?)[,.]?$",
    )
});

/// `De Minister van Buitenlandse Zaken,`, `DE STAATSSECRETARIS VAN …`, `de minister-president,`.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)^(?:(?:de|het)\s+)?(?:plaatsvervangend\s+|waarnemend\s+)?",
        r"(?:minister(?:-president)?|staatssecretaris|premier|secretaris-generaal|directeur(?:-generaal)?|voorzitter|",
        r"burgemeester|commissaris|ambassadeur|griffier|president|raad)\b"
    ))
});

/// A signatory's role lines and name line (indices into the lines).
pub type SignatureLines = (Vec<usize>, Option<usize>);

/// The closing found at the end of the body lines.
#[derive(Debug, Default)]
pub struct Closing {
    /// Position (in the body slice) where the closing part begins.
    pub start: usize,
    /// Index of the closing formula line.
    pub formula: Option<usize>,
    /// Per signatory: role lines and the name line.
    pub signatories: Vec<SignatureLines>,
}

/// Finds the closing in `body` (indices into `lines`), which ends the letter.
pub fn read(lines: &[TextLine], body: &[usize]) -> Closing {
    let text = |pos: usize| {
        body.get(pos)
            .and_then(|&i| lines.get(i))
            .map_or("", |l| l.text.as_str())
    };
    // The closing formula, if any, near the end.
    let tail_start = body.len().saturating_sub(24);
    let formula_pos = (tail_start..body.len())
        .rev()
        .find(|&p| CLOSING.is_match(text(p).trim()));
    let search_from = formula_pos.map_or(tail_start, |p| p + 1);
    // The first role line after which only signature lines follow.
    let Some(first_role) = (search_from..body.len())
        .find(|&p| ROLE.is_match(text(p)) && (p..body.len()).all(|q| is_signature_line(text(q))))
    else {
        return match formula_pos {
            Some(p) => Closing {
                start: p,
                formula: body.get(p).copied(),
                signatories: Vec::new(),
            },
            None => Closing {
                start: body.len(),
                ..Closing::default()
            },
        };
    };
    let mut signatories: Vec<SignatureLines> = Vec::new();
    for p in first_role..body.len() {
        let Some(&index) = body.get(p) else { continue };
        let line = text(p);
        let continues_role = signatories.last().is_some_and(|(role, name)| {
            name.is_none()
                && role.last().and_then(|&r| lines.get(r)).is_some_and(|r| {
                    !r.text.ends_with(',')
                        && (line.starts_with(char::is_lowercase)
                            || r.text.ends_with(" en")
                            || r.text.ends_with(" voor")
                            || r.text.ends_with(" van"))
                })
        });
        if continues_role {
            if let Some((role, _)) = signatories.last_mut() {
                role.push(index);
            }
        } else if ROLE.is_match(line) {
            signatories.push((vec![index], None));
        } else if let Some((_, name)) = signatories.last_mut().filter(|(_, name)| name.is_none()) {
            *name = Some(index);
        }
    }
    Closing {
        start: formula_pos.unwrap_or(first_role),
        formula: formula_pos.and_then(|p| body.get(p).copied()),
        signatories,
    }
}

/// A role or a name: short, no sentence inside.
fn is_signature_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=10).contains(&words)
        && !text.contains([';', ':'])
        && !text.trim_end_matches(',').ends_with('.')
        || ROLE.is_match(text) && words <= 14
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closing(texts: &[&str]) -> (Option<usize>, Vec<SignatureLines>) {
        let lines: Vec<TextLine> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| TextLine::plain(1, i, t))
            .collect();
        let body: Vec<usize> = (0..lines.len()).collect();
        let c = read(&lines, &body);
        (c.formula, c.signatories)
    }

    #[test]
    fn two_ministers_without_formula() {
        let (formula, sig) = closing(&[
            "verwerkt in deze appreciatie.",
            "De Minister van Buitenlandse Zaken,",
            "Stef Blok",
            "De Minister van Defensie",
            "Ank Bijleveld-Schouten",
        ]);
        assert_eq!(formula, None);
        assert_eq!(sig, vec![(vec![1], Some(2)), (vec![3], Some(4))]);
    }

    #[test]
    fn formula_and_capitals_and_two_line_role() {
        let (formula, sig) = closing(&[
            "Dat is alles.",
            "Hoogachtend,",
            "DE STAATSSECRETARIS VAN DEFENSIE,",
            "drs. B. Visser",
            "De Minister voor Buitenlandse Handel en",
            "Ontwikkelingssamenwerking,",
            "L. Schreinemacher",
        ]);
        assert_eq!(formula, Some(1));
        assert_eq!(sig, vec![(vec![2], Some(3)), (vec![4, 5], Some(6))]);
    }
}
