//! Dutch sentence segmentation: Unicode sentence boundaries (UAX #29, through
//! `unicode-segmentation`), repaired where Dutch text fools them: abbreviations (`o.a.`,
//! `d.d.`, `nr.`, `bijv.`, `i.p.v.`), initials (`S.A. Blok`), enumeration labels (`6.`).

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a sentence does not end (lowercase, with their final period).
const ABBREVIATIONS: &[&str] = &[
    "o.a.", "d.d.", "nr.", "nrs.", "bijv.", "bv.", "i.p.v.", "e.d.", "e.a.", "m.b.t.", "t.a.v.",
    "t.o.v.", "m.n.", "d.w.z.", "z.g.", "zgn.", "ca.", "dhr.", "mevr.", "drs.", "mr.", "dr.",
    "prof.", "ir.", "ing.", "jl.", "resp.", "incl.", "excl.", "vs.", "etc.", "art.", "blz.", "p.",
    "pag.", "vgl.", "zie.", "mln.", "mld.", "mrd.", "min.", "max.", "evt.", "ihkv.", "i.h.k.v.",
    "c.q.", "a.s.", "j.l.", "e.v.", "st.", "no.",
];

/// Sentences of `text`: (char offset, sentence without surrounding whitespace).
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    // (start byte, end byte) of each sentence in `text`: glued pieces extend the span, so a
    // sentence is always the text itself, never a rebuilt copy.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut glue = false;
    for (byte, piece) in text.split_sentence_bound_indices() {
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = byte + (piece.len() - piece.trim_start().len());
        let end = start + trimmed.len();
        match spans.last_mut() {
            Some(last) if glue => last.1 = end,
            _ => spans.push((start, end)),
        }
        glue = spans
            .last()
            .and_then(|&(a, b)| text.get(a..b))
            .is_some_and(ends_without_sentence_end);
    }
    // Char offsets counted on from the previous sentence, not from the start each time.
    let (mut byte, mut chars) = (0, 0);
    spans
        .into_iter()
        .filter_map(|(a, b)| {
            chars += text.get(byte..a)?.chars().count();
            byte = a;
            Some((chars, text.get(a..b)?))
        })
        .collect()
}

/// The piece ends in an abbreviation, an initial or an enumeration label: the sentence goes on.
fn ends_without_sentence_end(sentence: &str) -> bool {
    let Some(last) = sentence.split_whitespace().last() else {
        return false;
    };
    if !last.ends_with('.') {
        return false;
    }
    let lower = last.to_lowercase();
    let bare = lower.trim_start_matches(['(', '[', '‘', '“', '"']);
    // `Nr.` may open a sentence; `VS.` (an acronym in capitals) is not `vs.`.
    let capitals = last.chars().skip(1).any(char::is_uppercase);
    if !capitals && ABBREVIATIONS.contains(&bare) {
        return true;
    }
    // Initials: `S.`, `A.Th.B.` (letters, each followed by a period, short parts).
    let parts: Vec<&str> = bare.trim_end_matches('.').split('.').collect();
    let short_parts = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    let initials =
        short_parts && (parts.len() > 1 || parts.first().is_some_and(|p| p.chars().count() == 1));
    if initials && last.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    // An enumeration label: `…; 6.` or `: 1.`
    let number = bare.trim_end_matches('.');
    if !number.is_empty() && number.len() <= 2 && number.chars().all(|c| c.is_ascii_digit()) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let before = words.len().checked_sub(2).and_then(|i| words.get(i));
        return before.is_none_or(|w| w.ends_with([';', ':', ',']) || *w == "en" || *w == "of");
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        sentences(text).into_iter().map(|s| s.1.to_string()).collect()
    }

    #[test]
    fn abbreviations_initials_and_labels() {
        assert_eq!(
            texts("Zoals beschreven in de brief d.d. 22 december 2019. Het kabinet steunt dit."),
            [
                "Zoals beschreven in de brief d.d. 22 december 2019.",
                "Het kabinet steunt dit."
            ]
        );
        assert_eq!(
            texts("Dit geldt o.a. voor de VS. Ook voor anderen."),
            ["Dit geldt o.a. voor de VS.", "Ook voor anderen."]
        );
        assert_eq!(
            texts("Getekend door S.A. Blok. Daarna niets."),
            ["Getekend door S.A. Blok.", "Daarna niets."]
        );
        assert_eq!(
            texts(
                "Acht punten: 5. een benadering; 6. Klimaatverandering; 7. het bevorderen. Einde."
            ),
            [
                "Acht punten: 5. een benadering; 6. Klimaatverandering; 7. het bevorderen.",
                "Einde."
            ]
        );
        assert_eq!(
            texts("Zie Kamerstuk 35 373, nr. 1. Verder geldt dit."),
            ["Zie Kamerstuk 35 373, nr. 1.", "Verder geldt dit."]
        );
    }

    #[test]
    fn offsets_are_in_characters() {
        let s = sentences("Één zin. Nog één.");
        assert_eq!(s[1].0, 9);
    }
}
