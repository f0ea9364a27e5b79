//! The end of a letter: the closing formula and the signature block, read from its shape:
//! role lines that name an office (`De Minister van …`, `DE STAATSSECRETARIS VAN …`,
//! `de minister voor …`), name lines (`Arie Slob`, `drs. V.L.W.A. Heijnen`), in either
//! order, stacked or side by side, for any number of signatories. What follows the block
//! (an annex after the signature) is not letter body: it is returned as the appendix.
//!
//! Roles are recognised by the Dutch official titles that open them (domain vocabulary).

use crate::lines::TextLine;
use crate::patterns::{is_closing_formula, is_name_shape, is_role};

/// A signatory's role lines and name line (indices into the lines).
pub type SignatureLines = (Vec<usize>, Option<usize>);

/// The closing found in the body lines.
#[derive(Debug, Default)]
pub struct Closing {
    /// Position (in the body slice) where the closing part begins.
    pub start: usize,
    /// Position (in the body slice) after the signature block: what follows is an appendix.
    pub end: usize,
    /// Indices of the closing formula's lines (one, or more where a narrow column wraps it).
    pub formula: Vec<usize>,
    /// Per signatory: role lines and the name line.
    pub signatories: Vec<SignatureLines>,
    /// Lines after `end` that are the block's all the same (read after other text).
    pub taken_after: Vec<usize>,
}

/// Lines a signature block spans at most.
const MAX_BLOCK_LINES: usize = 16;

/// Lines a closing formula spans at most (`Met de meeste` / `hoogachting,` in a narrow
/// column).
const MAX_FORMULA_LINES: usize = 3;

/// Finds the closing in `body` (indices into `lines`): the last closing formula with the
/// signature block after it, or, without a formula, the last signature block that follows
/// a finished sentence.
///
/// `members`: the paper ends with the names of the members who submitted it (a motie, an
/// amendement): a trailing block of name lines after a finished sentence signs it.
pub fn read(lines: &[TextLine], body: &[usize], members: bool) -> Closing {
    let line = |pos: usize| body.get(pos).and_then(|&i| lines.get(i));
    let text = |pos: usize| line(pos).map_or("", |l| l.text.as_str());
    if members && let Some(closing) = members_block(lines, body) {
        return closing;
    }
    let formula = last_formula(&text, body.len());
    let (start, block_start) = match formula {
        Some((p, n)) => (p, p + n),
        None => match last_bare_block(lines, body) {
            Some(p) => (p, p),
            None => {
                return Closing {
                    start: body.len(),
                    end: body.len(),
                    ..Closing::default()
                };
            }
        },
    };
    let block_end = (block_start..body.len().min(block_start + MAX_BLOCK_LINES))
        .take_while(|&p| is_signature_line(text(p)))
        .last()
        .map_or(block_start, |p| p + 1);
    let mut block: Vec<usize> = body
        .get(block_start..block_end)
        .unwrap_or_default()
        .to_vec();
    let read_in_order = block.len();
    block.extend(below_in_column(
        lines,
        &block,
        body.get(block_end..).unwrap_or_default(),
    ));
    let signatories = pair(lines, &block);
    let paired: Vec<usize> = signatories
        .iter()
        .flat_map(|(role, name)| role.iter().copied().chain(*name))
        .collect();
    // Lines of the block that are neither role nor name end it there.
    let used = paired
        .iter()
        .filter_map(|i| block.iter().take(read_in_order).position(|b| b == i))
        .max()
        .map_or(block_start, |p| block_start + p + 1);
    let taken_after = block
        .get(read_in_order..)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|i| paired.contains(i))
        .collect();
    Closing {
        start,
        end: used.max(block_start),
        taken_after,
        formula: formula
            .and_then(|(p, n)| body.get(p..p + n))
            .unwrap_or_default()
            .to_vec(),
        signatories,
    }
}

/// Signature lines read after other text but standing right under the block, in one of
/// its columns: the rest of a block at a column's foot, read after the column beside it
/// (`de minister van …,` / signature space / `E.J. Kuipers`). Each stands within a few
/// lines' space below the block's lowest line in its column.
fn below_in_column(lines: &[TextLine], block: &[usize], after: &[usize]) -> Vec<usize> {
    let mut placed: Vec<&TextLine> = block.iter().filter_map(|&i| lines.get(i)).collect();
    let mut taken = Vec::new();
    for &i in after {
        let Some(l) = lines.get(i) else { continue };
        let lowest_above = placed
            .iter()
            .filter(|p| {
                p.page == l.page && (p.bbox.x0 - l.bbox.x0).abs() < l.size && p.bbox.y1 < l.bbox.y0
            })
            .max_by(|a, b| a.bbox.y1.total_cmp(&b.bbox.y1));
        let right_under = lowest_above.is_some_and(|p| l.bbox.y0 - p.bbox.y1 < 6.0 * l.size);
        // A role wrapped over lines goes on in the next (`de minister voor Medische` /
        // `Zorg,`).
        let role_goes_on = lowest_above.is_some_and(|p| is_role(&p.text) && role_runs_on(p, l));
        let signs =
            (is_role(&l.text) || is_name(&l.text) || role_goes_on) && is_signature_line(&l.text);
        if right_under && signs {
            taken.push(i);
            placed.push(l);
        }
    }
    taken
}

/// The lines after the signature block (the appendix), those standing under the block in
/// its first column first: the block at a column's foot with text under it that the cut
/// read after the column beside (`Bijlage: …` and its first lines, then the next column's
/// top with the rest).
pub fn under_block_first(lines: &[TextLine], closing: &Closing, after: Vec<usize>) -> Vec<usize> {
    let block: Vec<&TextLine> = closing
        .formula
        .iter()
        .chain(
            closing
                .signatories
                .iter()
                .flat_map(|(role, name)| role.iter().chain(name)),
        )
        .filter_map(|&i| lines.get(i))
        .collect();
    let Some(last) = block
        .iter()
        .max_by(|a, b| a.page.cmp(&b.page).then(a.bbox.y1.total_cmp(&b.bbox.y1)))
    else {
        return after;
    };
    let left = block
        .iter()
        .filter(|l| l.page == last.page)
        .map(|l| l.bbox.x0)
        .fold(f32::INFINITY, f32::min);
    let under = |i: &usize| {
        lines.get(*i).is_some_and(|l| {
            l.page == last.page && l.bbox.y0 > last.bbox.y1 && (l.bbox.x0 - left).abs() < l.size
        })
    };
    let (mut first, rest): (Vec<usize>, Vec<usize>) = after.into_iter().partition(under);
    first.extend(rest);
    first
}

/// The last closing formula among the `count` lines `text` gives: its position and how many
/// lines it fills, for a narrow column wraps it (`Met vriendelijke` / `groet,`).
fn last_formula<'t>(text: &impl Fn(usize) -> &'t str, count: usize) -> Option<(usize, usize)> {
    let lines_filled = |p: usize| {
        let mut words = 0;
        for n in 1..=MAX_FORMULA_LINES {
            let last = p + n - 1;
            words += text(last).split_whitespace().count();
            // A formula is at most four words (`Met de meeste hoogachting,`).
            if last >= count || words > 4 {
                return None;
            }
            let joined: Vec<&str> = (p..=last).map(|q| text(q).trim()).collect();
            if is_closing_formula(&joined.join(" ")) {
                return Some(n);
            }
        }
        None
    };
    let (mut p, mut n) = (0..count)
        .rev()
        .find_map(|p| lines_filled(p).map(|n| (p, n)))?;
    // The end of a wrapped formula may be one itself (`Met` / `vriendelijke groet,`).
    while let Some(before) = p.checked_sub(1)
        && lines_filled(before) == Some(n + 1)
    {
        (p, n) = (before, n + 1);
    }
    Some((p, n))
}

/// The trailing name lines of a motie or amendement, after a finished sentence: each a
/// signatory without a role.
fn members_block(lines: &[TextLine], body: &[usize]) -> Option<Closing> {
    let line = |pos: usize| body.get(pos).and_then(|&i| lines.get(i));
    let names = (0..body.len())
        .rev()
        .take_while(|&p| line(p).is_some_and(|l| is_name(&l.text)))
        .count();
    let start = body.len() - names;
    let after_sentence = start
        .checked_sub(1)
        .and_then(line)
        .is_some_and(|l| l.ends_sentence() || l.text.ends_with(','));
    (names > 0 && after_sentence).then(|| Closing {
        start,
        end: body.len(),
        formula: Vec::new(),
        signatories: body
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(|&i| (Vec::new(), Some(i)))
            .collect(),
        taken_after: Vec::new(),
    })
}

/// Without a closing formula: the position of the last role line that opens a block of
/// signature lines, with a name among them, right after a finished sentence.
fn last_bare_block(lines: &[TextLine], body: &[usize]) -> Option<usize> {
    let line = |pos: usize| body.get(pos).and_then(|&i| lines.get(i));
    (1..body.len()).rev().find(|&p| {
        let Some(l) = line(p) else { return false };
        // The cheap tests first: most lines are no role after a finished sentence.
        let after_sentence = || line(p - 1).is_some_and(TextLine::ends_sentence);
        let named = || {
            (p..body.len().min(p + MAX_BLOCK_LINES))
                .take_while(|&q| line(q).is_some_and(|l| is_signature_line(&l.text)))
                .any(|q| line(q).is_some_and(|l| is_name(&l.text) || inline_name(&l.text)))
        };
        after_sentence() && is_role(&l.text) && is_signature_line(&l.text) && named()
    })
}

/// Role and name lines paired: a name goes with the role above it that stands nearest
/// in x (signatories side by side), or, when no role stands above it, with the role right
/// below it (the name printed first). A role running over lines continues until its comma
/// or a name.
fn pair(lines: &[TextLine], block: &[usize]) -> Vec<SignatureLines> {
    let mut signatories: Vec<SignatureLines> = Vec::new();
    let mut waiting_names: Vec<usize> = Vec::new();
    // A role's article on a line of its own, in a narrow column (`DE` / `STAATSSECRETARIS`).
    let mut article: Option<usize> = None;
    for (k, &i) in block.iter().enumerate() {
        let Some(l) = lines.get(i) else { continue };
        let next = block.get(k + 1).and_then(|&j| lines.get(j));
        if is_lone_article(&l.text) && next.is_some_and(|n| is_role(&n.text)) {
            article = Some(i);
            continue;
        }
        let continues_role = signatories.last().is_some_and(|(role, name)| {
            name.is_none()
                && !is_role(&l.text)
                && role
                    .last()
                    .and_then(|&r| lines.get(r))
                    .is_some_and(|r| role_runs_on(r, l))
        });
        if continues_role {
            if let Some((role, _)) = signatories.last_mut() {
                role.push(i);
            }
        } else if is_role(&l.text) {
            // The name on the role's line after its comma, or printed above the role.
            // Not when the role runs on (`de minister van Volksgezondheid, Welzijn` /
            // `en Sport,`).
            let inline =
                (inline_name(&l.text) && !next.is_some_and(|n| role_runs_on(l, n))).then_some(i);
            let name = inline.or_else(|| waiting_names.pop());
            let role = article.take().into_iter().chain([i]).collect();
            signatories.push((role, name));
        } else if is_name(&l.text) {
            // The nearest in x; of roles in one column, the latest (stacked signatories,
            // `namens deze`).
            let em = l.size.max(1.0);
            let target = signatories
                .iter_mut()
                .rev()
                .filter(|(_, name)| name.is_none())
                .min_by(|a, b| {
                    let column = |s: &SignatureLines| (x_distance(lines, s, l) / em).floor();
                    column(a).total_cmp(&column(b))
                });
            match target {
                Some((_, name)) => *name = Some(i),
                None => waiting_names.push(i),
            }
        }
    }
    signatories
}

/// A role line `r` goes on in `next`: `r` ends in a word that needs more (`… Handel en`),
/// or `next` does and is no role (`Volksgezondheid,` / `Welzijn en` / `Sport,` in a narrow
/// column), or `next` is neither a role nor a name and `r` has no closing comma, or both end
/// in a comma (a title with a comma inside: `DE MINISTER VAN ONDERWIJS,` / `CULTUUR EN
/// WETENSCHAP,`; `namens deze,`).
fn role_runs_on(r: &TextLine, next: &TextLine) -> bool {
    let capitals =
        |t: &str| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    // A title in capitals without its closing comma goes on in capitals (`DE
    // STAATSSECRETARIS` / `VAN INFRASTRUCTUUR` / `EN WATERSTAAT,`).
    if needs_more(&r.text) || (capitals(&r.text) && capitals(&next.text) && !r.text.ends_with(','))
    {
        return true;
    }
    if is_role(&next.text) {
        return false;
    }
    // A line that needs more is no name and no role's end: the role goes on through it.
    if needs_more(&next.text) {
        return true;
    }
    if is_name(&next.text) {
        return false;
    }
    !r.text.ends_with(',') || next.text.ends_with(',')
}

/// A line that ends in a word that needs more (`… Handel en`, `… minister van`).
fn needs_more(text: &str) -> bool {
    [
        " en", " van", " voor", " der", " EN", " VAN", " VOOR", " DER",
    ]
    .iter()
    .any(|w| text.ends_with(w))
}

/// `de` or `het` alone on a line.
fn is_lone_article(text: &str) -> bool {
    ["de", "het"]
        .iter()
        .any(|a| text.trim().eq_ignore_ascii_case(a))
}

fn x_distance(lines: &[TextLine], signatory: &SignatureLines, name: &TextLine) -> f32 {
    signatory
        .0
        .first()
        .and_then(|&r| lines.get(r))
        .map_or(f32::INFINITY, |r| (r.bbox.x0 - name.bbox.x0).abs())
}

/// A role line that ends in the name after a comma (`De voorzitter van de commissie,
/// Tielen`); not the rest of a title in capitals (`ONDERWIJS, CULTUUR EN WETENSCHAP`).
fn inline_name(text: &str) -> bool {
    is_role(text)
        && text
            .rsplit_once(", ")
            .is_some_and(|(_, n)| is_name(n) && n.chars().any(char::is_lowercase))
}

/// A name line: no role, no closing comma (which ends a role's line).
fn is_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=8).contains(&words)
        && !text.trim_end().ends_with(',')
        && is_name_shape(text.trim())
        && !is_role(text)
}

/// A role or a name: short, no sentence inside.
fn is_signature_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    is_name(text)
        || (1..=10).contains(&words)
            && !text.contains([';', ':'])
            && !text.trim_end_matches(',').ends_with('.')
        || is_role(text) && words <= 14
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The closing read from lines of these texts, one under the other.
    fn read_texts(texts: &[&str]) -> Closing {
        let lines: Vec<TextLine> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| TextLine::plain(1, i, t))
            .collect();
        let body: Vec<usize> = (0..lines.len()).collect();
        read(&lines, &body, false)
    }

    fn closing(texts: &[&str]) -> (Option<usize>, Vec<SignatureLines>, usize) {
        let c = read_texts(texts);
        (c.formula.first().copied(), c.signatories, c.end)
    }

    #[test]
    fn two_ministers_without_formula() {
        let (formula, sig, end) = closing(&[
            "verwerkt in deze appreciatie.",
            "De Minister van Buitenlandse Zaken,",
            "Stef Blok",
            "De Minister van Defensie",
            "Ank Bijleveld-Schouten",
        ]);
        assert_eq!(formula, None);
        assert_eq!(sig, vec![(vec![1], Some(2)), (vec![3], Some(4))]);
        assert_eq!(end, 5);
    }

    #[test]
    fn formula_and_capitals_and_two_line_role() {
        let (formula, sig, _) = closing(&[
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

    #[test]
    fn a_role_wrapped_in_a_narrow_column_through_a_line_that_needs_more() {
        let (_, sig, _) = closing(&[
            "Met vriendelijke groet,",
            "de minister van",
            "Volksgezondheid,",
            "Welzijn en",
            "Sport,",
            "E.J. Kuipers",
        ]);
        assert_eq!(sig, vec![(vec![1, 2, 3, 4], Some(5))]);
    }

    #[test]
    fn lower_case_role_and_appendix_after_the_signature() {
        let (formula, sig, end) = closing(&[
            "Daarom heb ik de commissie gevraagd.",
            "Met vriendelijke groet,",
            "de minister voor Basis- en Voortgezet Onderwijs en Media,",
            "Arie Slob",
            "Bijlage: Mogelijke aanvullende maatregelen",
            "In het programma zijn alleen maatregelen opgenomen waar middelen voor zijn.",
        ]);
        assert_eq!(formula, Some(1));
        assert_eq!(sig, vec![(vec![2], Some(3))]);
        assert_eq!(end, 4);
    }

    /// A narrow column wraps the formula (three columns): its lines are the formula's.
    #[test]
    fn a_formula_wrapped_over_two_lines() {
        let texts = [
            "Dat is alles.",
            "Met",
            "vriendelijke groet,",
            "de minister van",
            "Volksgezondheid,",
            "Welzijn en Sport,",
            "E.J. Kuipers",
        ];
        let c = read_texts(&texts);
        assert_eq!((c.start, c.formula), (1, vec![1, 2]));
        assert_eq!(c.signatories, vec![(vec![3, 4, 5], Some(6))]);
    }

    /// A narrow column breaks the title after its article (three columns 20 pt apart).
    #[test]
    fn article_on_a_line_of_its_own() {
        let (_, sig, end) = closing(&[
            "Dat is alles.",
            "Hoogachtend,",
            "DE MINISTER VAN",
            "INFRASTRUCTUUR EN",
            "WATERSTAAT,",
            "M. Jansen-de Vries",
            "DE",
            "STAATSSECRETARIS",
            "VAN INFRASTRUCTUUR",
            "EN WATERSTAAT,",
            "drs. P.J. van Dijk",
        ]);
        assert_eq!(
            sig,
            vec![(vec![2, 3, 4], Some(5)), (vec![6, 7, 8, 9], Some(10))]
        );
        assert_eq!(end, 11);
    }

    #[test]
    fn name_before_role() {
        let (_, sig, _) = closing(&[
            "Dat is alles.",
            "Hoogachtend,",
            "mr. dr. A.B. de Jong",
            "Minister van Justitie en Veiligheid",
        ]);
        assert_eq!(sig, vec![(vec![3], Some(2))]);
    }

    #[test]
    fn on_behalf_and_side_by_side() {
        let (_, sig, _) = closing(&[
            "Dat is alles.",
            "Hoogachtend,",
            "De minister van Financiën,",
            "namens deze,",
            "de directeur-generaal Fiscale Zaken,",
            "drs. P. de Vries",
        ]);
        assert_eq!(sig, vec![(vec![2, 3], None), (vec![4], Some(5))]);
        let mut lines: Vec<TextLine> = [
            "Dat is alles.",
            "De Minister van Buitenlandse Zaken,",
            "De Minister van Defensie,",
            "S.A. Blok",
            "A.T.B. Bijleveld-Schouten",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| TextLine::plain(1, i, t))
        .collect();
        for (i, x) in [(2, 300.0), (4, 300.0)] {
            if let Some(l) = lines.get_mut(i) {
                l.bbox.x0 = x;
            }
        }
        let c = read(&lines, &[0, 1, 2, 3, 4], false);
        assert_eq!(c.signatories, vec![(vec![1], Some(3)), (vec![2], Some(4))]);
    }

    #[test]
    fn a_title_with_a_comma_over_two_lines() {
        let (_, sig, _) = closing(&[
            "Dat is alles.",
            "Hoogachtend,",
            "DE MINISTER VAN ONDERWIJS,",
            "CULTUUR EN WETENSCHAP,",
            "Robbert Dijkgraaf",
            "De Minister van Defensie",
            "drs. B. Visser",
        ]);
        assert_eq!(sig, vec![(vec![2, 3], Some(4)), (vec![5], Some(6))]);
    }

    #[test]
    fn role_and_name_on_one_line() {
        let (_, sig, _) = closing(&[
            "Bij brief van 17 mei 2023 zijn de vragen beantwoord.",
            "De voorzitter van de commissie, Tielen",
            "De adjunct-griffier van de commissie, Kruithof",
        ]);
        assert_eq!(sig, vec![(vec![1], Some(1)), (vec![2], Some(2))]);
    }

    #[test]
    fn role_wrapped_after_a_word_that_looks_like_a_name() {
        let (_, sig, _) = closing(&[
            "Met vriendelijke groet,",
            "de minister van Volksgezondheid, Welzijn",
            "en Sport,",
            "E.J. Kuipers",
            "de minister voor Medische Zorg,",
            "C. Helder",
        ]);
        assert_eq!(sig, vec![(vec![1, 2], Some(3)), (vec![4], Some(5))]);
    }

    #[test]
    fn a_title_in_capitals_over_three_lines() {
        let (_, sig, _) = closing(&[
            "Hoogachtend,",
            "DE STAATSSECRETARIS",
            "VAN INFRASTRUCTUUR",
            "EN WATERSTAAT,",
            "drs. P.J. van Dijk",
        ]);
        assert_eq!(sig, vec![(vec![1, 2, 3], Some(4))]);
    }

    #[test]
    fn names() {
        for name in [
            "Arie Slob",
            "drs. V.L.W.A. Heijnen",
            "S.A. Blok",
            "Ank Bijleveld-Schouten",
            "mr. dr. A.B. de Jong",
            "B. VISSER",
            "Hugo de Jonge",
        ] {
            assert!(is_name(name), "{name}");
        }
        for not in [
            "Bijlage: Mogelijke aanvullende maatregelen",
            "De Minister van Defensie",
            "Het kabinet zal dit doen.",
        ] {
            assert!(!is_name(not), "{not}");
        }
    }
}
