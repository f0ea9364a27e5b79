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
    for (byte, piece) in sentence_bounds(text) {
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

/// The pieces of `text` between Unicode sentence boundaries, as
/// `split_sentence_bound_indices` gives them: (start byte, piece).
fn sentence_bounds(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let breaks = sentence_breaks(text);
    let pieces: Vec<(usize, &str)> = breaks
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((*a, text.get(*a..*b)?)),
            _ => None,
        })
        .collect();
    pieces.into_iter()
}

/// Lowercase ASCII letters in a row after which the boundary rules have forgotten what came
/// before: four letters leave the UAX #29 state at four letters whatever preceded them.
const SETTLED: usize = 4;

/// The UAX #29 sentence boundaries of `text` (byte positions, with 0 and its length).
///
/// A boundary needs a sentence terminator or a paragraph separator before it, and in ASCII
/// those are `.` `!` `?` CR and LF; any other character outside ASCII may be one. After
/// [`SETTLED`] lowercase letters ("an anchor") no boundary falls, and the rules decide the
/// same whatever came before. So the segmenter runs only from the anchor before such a
/// character to the anchor after it, not over the whole text: the same boundaries at a
/// fraction of the cost.
fn sentence_breaks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut breaks = Vec::new();
    if bytes.is_empty() {
        return breaks;
    }
    breaks.push(0);
    // The latest anchor (0: the start of the text) and the letters in a row before `i`.
    let (mut anchor, mut run, mut i) = (0, 0, 0);
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_lowercase() {
            run += 1;
            if run >= SETTLED {
                anchor = i + 1;
            }
            i += 1;
            continue;
        }
        run = 0;
        if b.is_ascii() && !matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n') {
            i += 1;
            continue;
        }
        let end = next_anchor(bytes, i + 1);
        // From the anchor's settling letters (or the text's start) to the next anchor.
        let from = anchor.saturating_sub(SETTLED);
        if let Some(window) = text.get(from..end) {
            breaks.extend(
                window
                    .split_sentence_bound_indices()
                    .map(|(at, _)| from + at)
                    .filter(|&at| anchor < at && at < end),
            );
        }
        (anchor, run, i) = (end, SETTLED, end);
    }
    breaks.push(bytes.len());
    breaks
}

/// The first anchor at or after `from`: the position after [`SETTLED`] lowercase letters
/// in a row, or the end of the text.
fn next_anchor(bytes: &[u8], from: usize) -> usize {
    let mut run = 0;
    for (i, b) in bytes.iter().enumerate().skip(from) {
        run = if b.is_ascii_lowercase() { run + 1 } else { 0 };
        if run == SETTLED {
            return i + 1;
        }
    }
    bytes.len()
}

/// The piece ends in an abbreviation, an initial or an enumeration label: the sentence goes on.
fn ends_without_sentence_end(sentence: &str) -> bool {
    let Some(last) = sentence.split_whitespace().next_back() else {
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
        sentences(text)
            .into_iter()
            .map(|s| s.1.to_string())
            .collect()
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

    /// The boundaries are those of `unicode-segmentation` over the whole text.
    #[test]
    fn boundaries_as_the_whole_text_gives_them() {
        let pieces = [
            "abcd", "efghij", "Xy", "A", "b", ".", "!", "?", " ", "  ", "\n", "\r", "\r\n", "(",
            ")", "\"", "'", "1", "12", ",", ":", "-", "é", "É", "’", "“", "”", "\u{301}", "\u{ad}",
            "\u{2029}", "\u{85}", "…", "。", "‼", "\u{a0}", "#", "ij", "nr.",
        ];
        // A small deterministic generator: every text of up to 3 pieces, then longer ones.
        let mut texts: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            texts.push(text);
        }
        texts.push(
            "Zoals beschreven in de brief d.d. 22 december 2019. Het kabinet steunt dit. \
             Dit geldt o.a. voor de VS. Ook voor anderen! Wat nu? (Zie ook: „Samen”.) nee."
                .to_string(),
        );
        for text in &texts {
            let want: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            let got: Vec<(usize, &str)> = sentence_bounds(text).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn offsets_are_in_characters() {
        let s = sentences("Één zin. Nog één.");
        assert_eq!(s[1].0, 9);
    }
}
