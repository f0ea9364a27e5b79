//! Ligature glyphs that nothing in the file names, read back by the word lists.
//!
//! Word processors map some ligature glyphs to nothing in their ToUnicode maps (Microsoft
//! Word's Calibri `ti`, `tt`, `ft`: `s�lte`, `ba�erij`, `gee�`), and a CID-keyed subset
//! keeps no glyph names, so the extractor can only print U+FFFD. Inside a word, such a
//! glyph is read as the one ligature (`fi`, `ti`, `ft`, …) that makes the word one the
//! Dutch or English lists write (where none does and the word is long, a Dutch compound of
//! two), and only where exactly one does: `s�lte` is `stilte`; a glyph that is no ligature
//! (an unmapped `é`) makes no word and stays U+FFFD, and so does one that two ligatures
//! make words of (`�en`: `tien`, `fien`). The halves of a word broken at a line's end are
//! read together or not at all. Every word read so is reported.

use std::collections::{HashMap, HashSet};

use kamerbrief_model::{Diagnostic, DiagnosticKind, Layout};

use super::dictionary;

const UNMAPPED: char = '\u{FFFD}';

/// The Latin ligatures of text fonts (OpenType's standard and discretionary ones that
/// word processors and TeX set; Carlito and Calibri have `tti`), as the letters they join.
pub(super) const LIGATURES: [&str; 15] = [
    "ff", "fi", "fl", "ffi", "ffl", "ft", "fj", "fb", "fh", "fk", "tt", "tti", "ti", "tf", "tz",
];

/// Unmapped glyphs tried per piece of a word at most (each is tried as every ligature).
const MAX_UNMAPPED_PER_PIECE: usize = 2;

/// Letters a piece of a word needs besides its unmapped glyphs.
const MIN_LETTERS: usize = 2;

/// Letters a piece needs besides its unmapped glyph to be read as a compound.
const MIN_COMPOUND_LETTERS: usize = 8;

/// Examples a diagnostic gives at most.
const MAX_EXAMPLES: usize = 3;

/// The layout with its unmapped ligature glyphs read, and a diagnostic for each page where
/// some were; `None` where no word holds an unmapped glyph or none could be read.
///
/// A font's unmapped glyphs are read only where more than half of its pieces of words that
/// hold them can be read so: where they are letters (a symbolic font's `Co�st�u�to� �ow`,
/// `now`), few are, and a word that one ligature happens to make (`flow`) is no evidence;
/// unmapped quotes (`�call`) leave a font's ligatures their majority.
pub fn restore(layout: &Layout) -> Option<(Layout, Vec<Diagnostic>)> {
    let words = || layout.words().filter(|w| has_unmapped(&w.text));
    words().next()?;
    // By font: (pieces with unmapped glyphs, pieces read).
    let mut tally: HashMap<&str, (usize, usize)> = HashMap::new();
    for word in words() {
        let reading = read_word(&word.text);
        let t = tally.entry(word.font.as_str()).or_default();
        t.0 += reading.pieces;
        t.1 += reading.read;
    }
    let trusted: HashSet<&str> = tally
        .into_iter()
        .filter(|&(_, (pieces, read))| 2 * read > pieces)
        .map(|(font, _)| font)
        .collect();
    if trusted.is_empty() {
        return None;
    }
    let mut restored = layout.clone();
    let mut diagnostics = Vec::new();
    for page in &mut restored.pages {
        let mut read: Vec<(String, String)> = Vec::new();
        let broken = read_broken_words(&mut page.lines, &trusted, &mut read);
        for (l, line) in page.lines.iter_mut().enumerate() {
            let count = line.words.len();
            for (w, word) in line.words.iter_mut().enumerate() {
                // The halves of a word broken at a line's end are read together or not at all.
                let half = (w + 1 == count && broken.contains(&(l, true)))
                    || (w == 0 && broken.contains(&(l, false)));
                if half || !has_unmapped(&word.text) || !trusted.contains(word.font.as_str()) {
                    continue;
                }
                let reading = read_word(&word.text);
                if reading.read > 0 {
                    read.push((
                        std::mem::replace(&mut word.text, reading.text.clone()),
                        reading.text,
                    ));
                }
            }
        }
        if !read.is_empty() {
            diagnostics.push(diagnostic(page.number, &read));
        }
    }
    (!diagnostics.is_empty()).then_some((restored, diagnostics))
}

/// Reads the words broken at a line's end (`logis-` / `�eke`) whose halves hold unmapped
/// glyphs as one piece, each half keeping its part; returns the halves, whether read or
/// not, as (line, whether the line's last word).
fn read_broken_words(
    lines: &mut [kamerbrief_model::Line],
    trusted: &HashSet<&str>,
    read: &mut Vec<(String, String)>,
) -> Vec<(usize, bool)> {
    let mut halves = Vec::new();
    for l in 1..lines.len() {
        let (before, after) = lines.split_at_mut(l);
        let (Some(left), Some(right)) = (
            before.last_mut().and_then(|line| line.words.last_mut()),
            after.first_mut().and_then(|line| line.words.first_mut()),
        ) else {
            continue;
        };
        let broken = left.text.ends_with('-')
            && (left.text.contains(UNMAPPED) || right.text.contains(UNMAPPED));
        if !broken || !trusted.contains(left.font.as_str()) {
            continue;
        }
        halves.push((l - 1, true));
        halves.push((l, false));
        if let Some((new_left, new_right)) = read_halves(&left.text, &right.text) {
            for (word, text) in [(left, new_left), (right, new_right)] {
                if word.text != text {
                    read.push((std::mem::replace(&mut word.text, text.clone()), text));
                }
            }
        }
    }
    halves
}

/// `left` (ending in a hyphen) and `right` with the piece they make across the break read.
fn read_halves(left: &str, right: &str) -> Option<(String, String)> {
    let stem = left.strip_suffix('-')?;
    let in_piece = |c: char| c == UNMAPPED || c.is_alphabetic();
    let start = stem
        .char_indices()
        .rev()
        .find(|&(_, c)| !in_piece(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = right
        .char_indices()
        .find(|&(_, c)| !in_piece(c))
        .map_or(right.len(), |(i, _)| i);
    let (head, left_piece) = stem.split_at(start);
    let (right_piece, tail) = right.split_at(end);
    // A hyphen after capitals stays (`CO-` / `concentra�es`, as `join` keeps it): the
    // right half is a word of its own.
    let after_capitals =
        !left_piece.contains(UNMAPPED) && left_piece.chars().last().is_some_and(char::is_uppercase);
    if after_capitals {
        let read = restored_piece(right_piece)?;
        return Some((left.to_string(), format!("{}{tail}", read.text)));
    }
    let candidate = restored_piece(&format!("{left_piece}{right_piece}"))?;
    // Where the left half ends in the reading: its letters, and its glyphs' ligatures.
    let mut fill = candidate.fill.iter();
    let cut: usize = left_piece
        .chars()
        .map(|c| match c {
            UNMAPPED => fill
                .next()
                .and_then(|&l| LIGATURES.get(l))
                .map_or(0, |l| l.len()),
            _ => c.len_utf8(),
        })
        .sum();
    let (read_left, read_right) = candidate.text.split_at_checked(cut)?;
    Some((format!("{head}{read_left}-"), format!("{read_right}{tail}")))
}

/// Whether `text` holds U+FFFD: its UTF-8 lead byte first, which Latin text seldom has
/// (cheaper than a string search in every word of a letter that has none).
fn has_unmapped(text: &str) -> bool {
    !text.is_ascii() && text.bytes().any(|b| b == 0xEF) && text.contains(UNMAPPED)
}

fn diagnostic(page: u32, read: &[(String, String)]) -> Diagnostic {
    let examples: Vec<String> = read
        .iter()
        .take(MAX_EXAMPLES)
        .map(|(from, to)| format!("`{from}` as `{to}`"))
        .collect();
    Diagnostic::new(
        DiagnosticKind::Uncertain,
        Some(page),
        format!(
            "{} words with glyphs the file does not name, read as the ligatures the word lists write: {}",
            read.len(),
            examples.join(", ")
        ),
    )
}

/// A word with its pieces (runs of letters and unmapped glyphs) read where they can be.
struct WordReading {
    text: String,
    /// Pieces holding unmapped glyphs.
    pieces: usize,
    /// Of them, those read.
    read: usize,
}

/// Reads each piece of `text` that holds unmapped glyphs ([`restored_piece`]).
fn read_word(text: &str) -> WordReading {
    let mut out = WordReading {
        text: String::with_capacity(text.len() + 4),
        pieces: 0,
        read: 0,
    };
    let mut piece = String::new();
    let flush = |piece: &mut String, out: &mut WordReading| {
        if piece.contains(UNMAPPED) {
            out.pieces += 1;
        }
        match restored_piece(piece) {
            Some(read) => {
                out.text.push_str(&read.text);
                out.read += 1;
            }
            None => out.text.push_str(piece),
        }
        piece.clear();
    };
    for c in text.chars() {
        if c == UNMAPPED || c.is_alphabetic() {
            piece.push(c);
        } else {
            flush(&mut piece, &mut out);
            out.text.push(c);
        }
    }
    flush(&mut piece, &mut out);
    out
}

/// A piece with its unmapped glyphs filled in.
#[derive(Clone)]
struct Candidate {
    text: String,
    /// The ligature of each unmapped glyph ([`LIGATURES`] indices).
    fill: Vec<usize>,
}

/// The one reading of `piece`'s unmapped glyphs as ligatures that the lists know.
fn restored_piece(piece: &str) -> Option<Candidate> {
    let unmapped = piece.matches(UNMAPPED).count();
    let letters = piece.chars().filter(|&c| c != UNMAPPED).count();
    if unmapped == 0 || unmapped > MAX_UNMAPPED_PER_PIECE || letters < MIN_LETTERS {
        return None;
    }
    // Ligatures join lower-case letters.
    if !piece.chars().any(char::is_lowercase) {
        return None;
    }
    let candidates: Vec<Candidate> = fills(unmapped)
        .into_iter()
        .map(|fill| {
            let mut parts = fill.iter();
            let text = piece
                .chars()
                .map(|c| match c {
                    UNMAPPED => parts
                        .next()
                        .and_then(|&l| LIGATURES.get(l))
                        .copied()
                        .unwrap_or_default()
                        .to_string(),
                    _ => c.to_string(),
                })
                .collect();
            Candidate { text, fill }
        })
        .collect();
    // A word the lists write beats a compound of two they write, which short parts make
    // of many a string (`loca` + `tze`, `man` + `titi`): one is tried only for a long word.
    let words: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| dictionary::writes(&c.text))
        .collect();
    let chosen = match words.as_slice() {
        [one] => Some(*one),
        [] if letters >= MIN_COMPOUND_LETTERS => {
            only(candidates.iter().filter(|c| dictionary::knows(&c.text)))
        }
        // Several words: the lists do not say which (`�en`: `fien`, `tien`).
        _ => None,
    };
    chosen.cloned()
}

/// The one item of `items`, if there is exactly one.
fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// Every choice of a ligature ([`LIGATURES`] indices) for each of `n` unmapped glyphs.
fn fills(n: usize) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for _ in 0..n {
        out = out
            .iter()
            .flat_map(|f| {
                (0..LIGATURES.len()).map(move |l| {
                    let mut next = f.clone();
                    next.push(l);
                    next
                })
            })
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restored_word(text: &str) -> Option<String> {
        let reading = read_word(text);
        (reading.read > 0).then_some(reading.text)
    }

    #[test]
    fn ligatures_read_where_one_makes_a_word() {
        assert_eq!(restored_word("s\u{FFFD}lte").as_deref(), Some("stilte"));
        assert_eq!(restored_word("ba\u{FFFD}erij").as_deref(), Some("batterij"));
        assert_eq!(restored_word("gee\u{FFFD}").as_deref(), Some("geeft"));
        assert_eq!(
            restored_word("CO-concentra\u{FFFD}e,").as_deref(),
            Some("CO-concentratie,")
        );
        assert_eq!(
            restored_word("signi\u{FFFD}cation").as_deref(),
            Some("signification")
        );
        assert_eq!(restored_word("loca\u{FFFD}e").as_deref(), Some("locatie"));
        assert_eq!(
            restored_word("\u{FFFD}jds\u{FFFD}p").as_deref(),
            Some("tijdstip")
        );
        // A compound of two Dutch words the list does not write whole.
        assert_eq!(
            restored_word("koolmonoxidevergi\u{FFFD}iging").as_deref(),
            Some("koolmonoxidevergiftiging")
        );
    }

    #[test]
    fn a_word_broken_at_a_lines_end_is_read_whole() {
        // `�eke` alone could be read as a word; `logis�eke` is `logistieke`.
        assert_eq!(
            read_halves("logis-", "\u{FFFD}eke."),
            Some(("logis-".to_string(), "tieke.".to_string()))
        );
        assert_eq!(
            read_halves("(concurren\u{FFFD}e-", "posi\u{FFFD}e"),
            Some(("(concurrentie-".to_string(), "positie".to_string()))
        );
        // After capitals the hyphen stays, and the right half is read alone.
        assert_eq!(
            read_halves("CO-", "concentra\u{FFFD}es,"),
            Some(("CO-".to_string(), "concentraties,".to_string()))
        );
    }

    #[test]
    fn other_unmapped_glyphs_stay() {
        // An unmapped letter that no ligature stands for.
        assert_eq!(restored_word("caf\u{FFFD}"), None);
        // Three ligatures make words (`aftellen`, `afbellen`, `afhellen`): the lists do not
        // say which.
        assert_eq!(restored_word("a\u{FFFD}ellen"), None);
        // Too little of a word to tell.
        assert_eq!(restored_word("\u{FFFD}"), None);
        assert_eq!(restored_word("a\u{FFFD}"), None);
        assert_eq!(restored_word("12\u{FFFD}"), None);
        assert_eq!(restored_word("stilte"), None);
    }
}
