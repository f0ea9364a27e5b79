//! Glyphs a file names by private-use characters, read back by the word lists.
//!
//! A ToUnicode map may give a glyph a character of the Private Use Area (U+E000–U+F8FF),
//! which names no letter: Firefox's PDFs (cairo) do so for glyphs the font's own `cmap` does
//! not reach, such as Montserrat's `f` and `fi` (`o\u{E01E}`, `steekproe\u{E01E}`,
//! `identi\u{E035}catie`); pdftotext and mutool print them as they are. Unlike U+FFFD, such a
//! character stands for one glyph of its font wherever it is drawn, so it is read once for
//! the whole document: as the one letter or ligature that makes words of most of the words
//! that hold it, by the Dutch and English lists. Where no reading does, or two come close
//! (a glyph seen only in `\u{E000}ijn`: `fijn`, `zijn`), it stays as it is. Symbol fonts'
//! private-use characters (bullets, pieces of brackets) stand outside words and are left.

use std::collections::{BTreeMap, BTreeSet};

use kamerbrief_model::{Diagnostic, DiagnosticKind, Layout};

use super::dictionary;
use super::ligatures::LIGATURES;

/// Letters a piece of a word needs besides its private-use glyphs to witness a reading.
const MIN_LETTERS: usize = 2;

/// Letters a piece needs to witness a reading as a compound of two listed words.
const MIN_COMPOUND_LETTERS: usize = 8;

/// Examples a diagnostic gives at most.
const MAX_EXAMPLES: usize = 3;

/// What a private-use glyph may stand for: a lower-case letter or a ligature of them.
fn readings() -> impl Iterator<Item = String> {
    ('a'..='z')
        .map(String::from)
        .chain(LIGATURES.iter().map(|l| (*l).to_string()))
}

fn is_private_use(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// The layout with every private-use glyph that the words read replaced by its reading,
/// and a diagnostic for each; `None` where no word holds one that could be read.
pub fn restore(layout: &Layout) -> Option<(Layout, Vec<Diagnostic>)> {
    let witnesses = witnesses(layout);
    if witnesses.is_empty() {
        return None;
    }
    let mut read: BTreeMap<(&str, char), String> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for (&(font, glyph), pieces) in &witnesses {
        if let Some((reading, words)) = vote(glyph, pieces) {
            let examples: Vec<String> = pieces
                .iter()
                .take(MAX_EXAMPLES)
                .map(|p| format!("`{}`", p.replace(glyph, &reading)))
                .collect();
            diagnostics.push(Diagnostic::new(
                DiagnosticKind::Uncertain,
                None,
                format!(
                    "U+{:04X} of {font}, a private-use character, read as `{reading}`: it makes words of {words} of the {} words that hold it ({})",
                    u32::from(glyph),
                    pieces.len(),
                    examples.join(", ")
                ),
            ));
            read.insert((font, glyph), reading);
        }
    }
    if read.is_empty() {
        return None;
    }
    let mut restored = layout.clone();
    for word in restored
        .pages
        .iter_mut()
        .flat_map(|p| &mut p.lines)
        .flat_map(|l| &mut l.words)
    {
        if !word.text.chars().any(is_private_use) {
            continue;
        }
        let font = word.font.as_str();
        let text: String = word
            .text
            .chars()
            .map(|c| match read.get(&(font, c)) {
                Some(reading) => reading.clone(),
                None => c.to_string(),
            })
            .collect();
        word.text = text;
    }
    Some((restored, diagnostics))
}

/// For each private-use glyph (its font and character), the distinct pieces of words
/// (runs of letters and that glyph, lower-cased) that hold it with enough letters to tell.
fn witnesses(layout: &Layout) -> BTreeMap<(&str, char), BTreeSet<String>> {
    let mut out: BTreeMap<(&str, char), BTreeSet<String>> = BTreeMap::new();
    let words = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.words);
    for word in words {
        // Private-use characters in UTF-8 open with 0xEE or 0xEF (most words are ASCII,
        // which is checked a machine word at a time).
        if word.text.is_ascii() || !word.text.bytes().any(|b| b == 0xEE || b == 0xEF) {
            continue;
        }
        for glyph in word.text.chars().filter(|&c| is_private_use(c)) {
            let pieces = word
                .text
                .split(|c: char| !(c.is_alphabetic() || c == glyph))
                .filter(|p| p.contains(glyph))
                .filter(|p| p.chars().filter(|&c| c != glyph).count() >= MIN_LETTERS);
            let entry = out.entry((word.font.as_str(), glyph)).or_default();
            entry.extend(pieces.map(str::to_lowercase));
        }
    }
    out.retain(|_, pieces| !pieces.is_empty());
    out
}

/// The reading that makes words of more than half of `pieces`, and of at least twice as
/// many as any other reading does; with the number it makes words of.
fn vote(glyph: char, pieces: &BTreeSet<String>) -> Option<(String, usize)> {
    let mut scores: Vec<(usize, String)> = readings()
        .map(|reading| {
            let words = pieces
                .iter()
                .filter(|piece| is_word(&piece.replace(glyph, &reading)))
                .count();
            (words, reading)
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.0));
    let (best, reading) = scores.first()?.clone();
    let runner_up = scores.get(1).map_or(0, |s| s.0);
    (2 * best > pieces.len() && best >= 2 * runner_up).then_some((reading, best))
}

/// A word the lists write, or for a long one a compound of two they write.
fn is_word(text: &str) -> bool {
    dictionary::writes(text)
        || (text.chars().count() >= MIN_COMPOUND_LETTERS && dictionary::knows(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(words: &[&str]) -> BTreeSet<String> {
        words.iter().map(|w| (*w).to_string()).collect()
    }

    #[test]
    fn a_glyph_is_read_as_what_makes_words_of_most_of_its_words() {
        let g = '\u{E01E}';
        let words = pieces(&[
            "o\u{E01E}",
            "steekproe\u{E01E}",
            "in\u{E01E}ormatie",
            "\u{E01E}ocus",
        ]);
        assert_eq!(vote(g, &words), Some(("f".to_string(), 4)));
        let fi = pieces(&["identi\u{E01E}catie", "\u{E01E}nancieel", "gra\u{E01E}eken"]);
        assert_eq!(vote(g, &fi), Some(("fi".to_string(), 3)));
    }

    /// One line per font (`font: text`).
    fn layout(lines: &[(&str, &str)]) -> Layout {
        let text: Vec<&str> = lines.iter().map(|(_, t)| *t).collect();
        let mut layout = Layout::from_text(&text.join("\n"));
        for (line, (font, _)) in layout.pages[0].lines.iter_mut().zip(lines) {
            line.words
                .iter_mut()
                .for_each(|w| w.font = (*font).to_string());
        }
        layout
    }

    fn texts(layout: &Layout) -> Vec<String> {
        layout.pages[0].lines.iter().map(|l| l.text()).collect()
    }

    #[test]
    fn a_glyph_is_read_in_its_own_font_only() {
        let original = layout(&[
            (
                "Montserrat",
                "de steekproe\u{E01E} van o\u{E01E} informatie",
            ),
            ("Montserrat", "met \u{E01E}ocus en hulpso\u{E01E}tware"),
            // The same character in another font is another glyph (and a word of one
            // letter besides it no witness).
            ("Asap", "o\u{E01E}"),
            // A symbol font's private-use bullet stands alone.
            ("Wingdings", "\u{F0B7} Een punt"),
        ]);
        let (read, diagnostics) = restore(&original).unwrap();
        assert_eq!(
            texts(&read),
            [
                "de steekproef van of informatie",
                "met focus en hulpsoftware",
                "o\u{E01E}",
                "\u{F0B7} Een punt"
            ]
        );
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        // `of` is read, but two letters are too few to witness a reading.
        assert!(diagnostics[0].message.contains("3 of the 3 words"));
    }

    #[test]
    fn a_glyph_two_readings_make_words_of_stays() {
        let g = '\u{E000}';
        // `fijn` and `zijn`.
        assert_eq!(vote(g, &pieces(&["\u{E000}ijn"])), None);
        // Nothing makes words of most of them.
        assert_eq!(
            vote(g, &pieces(&["x\u{E000}q", "qq\u{E000}z", "o\u{E000}"])),
            None
        );
    }
}
