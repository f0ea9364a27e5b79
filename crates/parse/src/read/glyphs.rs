//! Glyphs whose text the file does not give, each read once for the whole document by the
//! word lists.
//!
//! - A ToUnicode map may give a glyph a character of the Private Use Area (U+E000–U+F8FF),
//!   which names no letter: Firefox's PDFs (cairo) do so for glyphs the font's own `cmap`
//!   does not reach, such as Montserrat's `f` and `fi` (`o\u{E01E}`, `steekproe\u{E01E}`,
//!   `identi\u{E035}catie`); pdftotext and mutool print them as they are.
//! - A glyph no map names is U+FFFD in the text, and its character code is in the word's
//!   `unmapped` list: Microsoft Word's Calibri `ti`, `tt`, `ft` (`s�lte`, `ba�erij`,
//!   `gee�`), LuaTeX's subsets' ligatures.
//!
//! Either stands for one glyph of its font wherever it is drawn, so it is read once: as
//! the one reading that makes words (Dutch and English lists) of more than half of the
//! distinct words that hold it, and of twice as many as any other; a private-use
//! character as a lower-case letter or a ligature, a glyph named by nothing as a ligature
//! (what word processors leave unnamed), or, where no ligature makes listed words, as a
//! letter by pieces of five letters and more (a rewrite that dropped the map: mutool's of
//! Montserrat leaves `f` unnamed, `steekproe�`). So `a�ellen`, which `aftellen`, `afbellen` and
//! `afhellen` all read as words, is read by the glyph's other words (`blij�`, `gee�`).
//! Where no reading does, or two come close (a glyph seen only in `\u{E000}ijn`: `fijn`,
//! `zijn`), it stays, and U+FFFD is left to [`super::ligatures`]. Symbol fonts'
//! private-use characters (bullets, pieces of brackets) stand outside words and are left.

use std::collections::{BTreeMap, BTreeSet};

use kamerbrief_model::{Diagnostic, DiagnosticKind, Layout, Word};

use super::cipher::{self, Reading, Sym};
use super::dictionary;
use super::ligatures::LIGATURES;

/// A glyph the file gives no text for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Glyph {
    /// Named by a private-use character.
    Private(char),
    /// Named by nothing (U+FFFD in the text), told by its character code.
    Unnamed(u32),
}

/// A glyph of one face: the font's name, its subset's tag (for a glyph named by nothing:
/// a rewrite may cut one font into subsets that give one code other glyphs) and the glyph.
type Key<'a> = (&'a str, &'a str, Glyph);

/// A face: a font's name and its subset's tag.
type Face<'a> = (&'a str, &'a str);

/// The key of a glyph of `word`.
fn key(word: &Word, glyph: Glyph) -> Key<'_> {
    match glyph {
        Glyph::Unnamed(_) => (word.font.as_str(), word.subset.as_str(), glyph),
        Glyph::Private(_) => (word.font.as_str(), "", glyph),
    }
}

const UNMAPPED: char = '\u{FFFD}';

/// Stands for the glyph being read in a piece of a word.
const MARK: char = '\u{FFFC}';

/// Letters a piece of a word needs besides the glyph to witness a reading.
const MIN_LETTERS: usize = 2;

/// Letters a piece needs besides a glyph named by nothing to witness its reading as a letter.
const MIN_LETTERS_FOR_A_LETTER: usize = 5;

/// Letters a piece needs to witness a reading as a compound of two listed words.
const MIN_COMPOUND_LETTERS: usize = 8;

/// Examples a diagnostic gives at most.
const MAX_EXAMPLES: usize = 3;

/// Whether the glyph (the [`MARK`]) opens or closes a piece that is a listed word without
/// it: a sign nothing names (`informeren\u{FFFD}`, a full stop) would do so as well as a
/// letter (`informerend`), so the piece tells no letter.
fn maybe_a_sign(piece: &str) -> bool {
    let rest = piece
        .strip_suffix(MARK)
        .or_else(|| piece.strip_prefix(MARK));
    rest.is_some_and(|rest| !rest.contains(MARK) && dictionary::writes(rest))
}

/// What a glyph may stand for: a private-use one a lower-case letter or a ligature, one
/// named by nothing a ligature.
fn readings(glyph: Glyph) -> Vec<String> {
    match glyph {
        Glyph::Private(_) => letters_and_ligatures(),
        Glyph::Unnamed(_) => LIGATURES.iter().map(|l| (*l).to_string()).collect(),
    }
}

fn letters_and_ligatures() -> Vec<String> {
    let ligatures = LIGATURES.iter().map(|l| (*l).to_string());
    ('a'..='z').map(String::from).chain(ligatures).collect()
}

fn is_private_use(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// The layout with every glyph that the words read replaced by its reading, and a
/// diagnostic for each; `None` where no word holds one that could be read.
pub fn restore(layout: &Layout) -> Option<(Layout, Vec<Diagnostic>)> {
    let mut witnesses = witnesses(layout);
    let ciphers = solve_ciphers(layout);
    if witnesses.is_empty() && ciphers.is_empty() {
        return None;
    }
    let mut read: BTreeMap<Key, String> = BTreeMap::new();
    let mut made: BTreeMap<Key, usize> = BTreeMap::new();
    let mut solved = Vec::new();
    for ((font, subset), reading) in ciphers {
        solved.push(cipher_diagnostic(font, subset, &reading));
        witnesses.retain(|k, _| !(k.0 == font && k.1 == subset));
        for (code, text) in reading {
            read.insert((font, subset, Glyph::Unnamed(code)), text);
        }
    }
    for (&key, pieces) in &witnesses {
        let mut sets = vec![(readings(key.2), pieces.clone())];
        if let Glyph::Unnamed(_) = key.2 {
            // A letter only where no ligature makes a listed word, and by long pieces (a
            // letter makes a word of many a short one: `a�z`, `adz`): a rewrite that dropped
            // the map leaves letters unnamed too (`steekproe�`).
            let long =
                |p: &&String| p.chars().filter(|&c| c != MARK).count() >= MIN_LETTERS_FOR_A_LETTER;
            let long: BTreeSet<String> = (pieces.iter())
                .filter(long)
                .filter(|p| !maybe_a_sign(p))
                .cloned()
                .collect();
            sets.push((letters_and_ligatures(), long));
        }
        if let Some((reading, words)) = vote_in_turn(&sets) {
            read.insert(key, reading);
            made.insert(key, words);
        }
    }
    read_undecided(layout, &witnesses, &mut read, &mut made);
    let solved_faces: Vec<Face> = solved.iter().map(|(face, _)| *face).collect();
    distrust_unnamed(layout, &mut read, &solved_faces);
    if read.is_empty() {
        return None;
    }
    let diagnostics: Vec<Diagnostic> = (read.iter())
        .filter_map(|(&key, reading)| {
            let words = *made.get(&key)?;
            let pieces = witnesses.get(&key)?;
            let subsets = (read.keys()).filter(|k| k.0 == key.0 && k.2 == key.2);
            let face = match subsets.count() {
                1 => key.0.to_string(),
                _ => format!("{}+{}", key.1, key.0),
            };
            Some(diagnostic(&face, key.2, reading, words, pieces))
        })
        .chain(solved.into_iter().map(|(_, d)| d))
        .collect();
    let mut restored = layout.clone();
    let words = restored
        .pages
        .iter_mut()
        .flat_map(|p| &mut p.lines)
        .flat_map(|l| &mut l.words);
    for word in words {
        let glyphs = glyphs_of(word);
        if glyphs.iter().all(|(_, g)| g.is_none()) {
            continue;
        }
        let mut text = String::with_capacity(word.text.len() + 4);
        let mut unmapped = Vec::new();
        for (c, glyph) in glyphs {
            match glyph.and_then(|g| read.get(&key(word, g))) {
                Some(reading) => text.push_str(reading),
                None => {
                    if let Some(Glyph::Unnamed(code)) = glyph {
                        unmapped.push(code);
                    }
                    text.push(c);
                }
            }
        }
        (word.text, word.unmapped) = (text, unmapped);
    }
    Some((restored, diagnostics))
}

/// Votes again on the glyphs no reading decided, among the readings their font gives no
/// other way: not one another glyph of the font is read as (a font draws a ligature with one
/// glyph), nor letters its words hold as text (a glyph named by nothing is not one the font
/// names elsewhere). So LuaTeX's Carlito glyph in `nu�g` is `tti` (`nuttig`), not `ffi`
/// (`nuffig`), where `efficiënt` writes `ffi` as text; and the one in `ach�en` is `tti`
/// (`achttien`), not `tt` (`achtten`), where another glyph is `tt`.
fn read_undecided<'a>(
    layout: &'a Layout,
    witnesses: &BTreeMap<Key<'a>, BTreeSet<String>>,
    read: &mut BTreeMap<Key<'a>, String>,
    made: &mut BTreeMap<Key<'a>, usize>,
) {
    let undecided: Vec<Key> = (witnesses.keys())
        .filter(|key| !read.contains_key(key))
        .copied()
        .collect();
    if undecided.is_empty() {
        return;
    }
    let fonts: BTreeSet<&str> = undecided.iter().map(|&(font, _, _)| font).collect();
    let written = written_readings(layout, &fonts);
    let mut newly = Vec::new();
    for key @ (font, subset, glyph) in undecided {
        let same_face = |k: &Key| k.0 == font && k.1 == subset;
        let taken = |r: &String| (read.iter()).any(|(k, other)| same_face(k) && other == r);
        let free: Vec<String> = (readings(glyph).into_iter())
            .filter(|r| !taken(r) && !written.contains(&(font, r.clone())))
            .collect();
        let pieces = witnesses.get(&key);
        if let Some((reading, words)) = pieces.and_then(|p| vote(&free, p)) {
            newly.push((key, reading, words));
        }
    }
    for (key, reading, words) in newly {
        read.insert(key, reading);
        made.insert(key, words);
    }
}

/// For each of `fonts`, the letters and ligatures its words hold as text.
fn written_readings<'a>(
    layout: &'a Layout,
    fonts: &BTreeSet<&'a str>,
) -> BTreeSet<(&'a str, String)> {
    let all = letters_and_ligatures();
    // By font: which of `all` its words hold so far, a flag each (not a set entry for every
    // word that holds one); a font whose words hold them all is read no further.
    let mut held: BTreeMap<&str, Vec<bool>> = BTreeMap::new();
    for word in layout.words() {
        let Some(font) = fonts.get(word.font.as_str()) else {
            continue;
        };
        let flags = held.entry(font).or_insert_with(|| vec![false; all.len()]);
        if flags.iter().all(|&h| h) {
            continue;
        }
        let text = word.text.to_lowercase();
        for (flag, reading) in flags.iter_mut().zip(&all) {
            *flag = *flag || text.contains(reading.as_str());
        }
    }
    (held.into_iter())
        .flat_map(|(font, flags)| {
            (flags.into_iter().zip(&all))
                .filter(|&(h, _)| h)
                .map(move |(_, reading)| (font, reading.clone()))
        })
        .collect()
}

/// Drops the readings of a font's glyphs named by nothing where they read half or fewer of
/// its words holding such glyphs: where those are letters (a CJK font's, a symbolic
/// font's), a ligature that happens to make a word of a piece (`filo`) is no evidence.
fn distrust_unnamed(layout: &Layout, read: &mut BTreeMap<Key, String>, solved: &[Face]) {
    // By font and subset: (words with glyphs named by nothing, of them those all read).
    let mut tally: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for word in layout.words() {
        let unnamed: Vec<Glyph> = (glyphs_of(word).into_iter())
            .filter_map(|(_, g)| g.filter(|g| matches!(g, Glyph::Unnamed(_))))
            .collect();
        if unnamed.is_empty() {
            continue;
        }
        let t = tally.entry((&word.font, &word.subset)).or_default();
        t.0 += 1;
        if unnamed.iter().all(|&g| read.contains_key(&key(word, g))) {
            t.1 += 1;
        }
    }
    let distrusted: Vec<(&str, &str)> = (tally.into_iter())
        .filter(|(face, _)| !solved.contains(face))
        .filter(|&(_, (words, all_read))| 2 * all_read <= words)
        .map(|(face, _)| face)
        .collect();
    let dropped = |&(font, subset, glyph): &Key| {
        matches!(glyph, Glyph::Unnamed(_)) && distrusted.contains(&(font, subset))
    };
    read.retain(|key, _| !dropped(key));
}

/// The faces whose words are a cipher of codes ([`cipher`]) read plainly: each face with
/// its codes' letters.
fn solve_ciphers(layout: &Layout) -> Vec<(Face<'_>, Reading)> {
    // By face: its words holding a glyph named by nothing, in reading order, an empty one
    // where another word comes between.
    let mut faces: BTreeMap<Face, Vec<Vec<Sym>>> = BTreeMap::new();
    // Most documents name every glyph: one look at each word's codes.
    if layout.words().all(|w| w.unmapped.is_empty()) {
        return Vec::new();
    }
    let mut previous: Option<Face> = None;
    for word in layout.words() {
        let glyphs = glyphs_of(word);
        let coded = (glyphs.iter()).any(|(_, g)| matches!(g, Some(Glyph::Unnamed(_))));
        let face = (word.font.as_str(), word.subset.as_str());
        if let Some(before) = previous.filter(|&p| p != face || !coded) {
            faces.entry(before).or_default().push(Vec::new());
        }
        previous = coded.then_some(face);
        if coded {
            let syms = (glyphs.iter())
                .map(|&(c, g)| match g {
                    Some(Glyph::Unnamed(code)) => Sym::Code(code),
                    _ => Sym::Known(c),
                })
                .collect();
            faces.entry(face).or_default().push(syms);
        }
    }
    (faces.into_iter())
        .filter_map(|(face, running)| Some((face, cipher::solve(&running)?)))
        .collect()
}

fn cipher_diagnostic<'a>(
    font: &'a str,
    subset: &'a str,
    reading: &Reading,
) -> (Face<'a>, Diagnostic) {
    let face = if subset.is_empty() {
        font.to_string()
    } else {
        format!("{subset}+{font}")
    };
    let letters: Vec<&str> = reading.values().map(String::as_str).collect();
    let letters = letters.join(" ");
    let message = format!(
        "{} glyphs of {face}, which the file does not name, read as the letters `{letters}`: \
         the face's words read as a cipher of Dutch by the word list",
        reading.len()
    );
    (
        (font, subset),
        Diagnostic::new(DiagnosticKind::Uncertain, None, message),
    )
}

fn diagnostic(
    font: &str,
    glyph: Glyph,
    reading: &str,
    words: usize,
    pieces: &BTreeSet<String>,
) -> Diagnostic {
    let examples: Vec<String> = pieces
        .iter()
        .take(MAX_EXAMPLES)
        .map(|p| format!("`{}`", p.replace(MARK, reading)))
        .collect();
    let what = match glyph {
        Glyph::Private(c) => format!("U+{:04X} of {font}, a private-use character", u32::from(c)),
        Glyph::Unnamed(code) => format!("glyph {code} of {font}, which the file does not name"),
    };
    Diagnostic::new(
        DiagnosticKind::Uncertain,
        None,
        format!(
            "{what}, read as `{reading}`: it makes words of {words} of the {} words that hold it ({})",
            pieces.len(),
            examples.join(", ")
        ),
    )
}

/// Each character of the word's text, with the glyph it stands for where the file gives
/// no text: a private-use character, and U+FFFD where the word's codes follow its text.
fn glyphs_of(word: &Word) -> Vec<(char, Option<Glyph>)> {
    // Private-use characters and U+FFFD open with 0xEE or 0xEF in UTF-8 (most words are
    // ASCII, which is checked a machine word at a time).
    if word.text.is_ascii() || !word.text.bytes().any(|b| b == 0xEE || b == 0xEF) {
        return Vec::new();
    }
    let coded = word.text.matches(UNMAPPED).count() == word.unmapped.len();
    let mut codes = word.unmapped.iter();
    word.text
        .chars()
        .map(|c| match c {
            UNMAPPED if coded => (c, codes.next().map(|&code| Glyph::Unnamed(code))),
            c if is_private_use(c) => (c, Some(Glyph::Private(c))),
            c => (c, None),
        })
        .collect()
}

/// For each glyph (its face and itself), the distinct pieces of words (runs of letters and
/// that glyph, as [`MARK`], lower-cased) that hold it with enough letters to tell.
fn witnesses(layout: &Layout) -> BTreeMap<Key<'_>, BTreeSet<String>> {
    let mut out: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
    // Most words are ASCII, which is checked a machine word at a time.
    for word in layout.words().filter(|w| !w.text.is_ascii()) {
        let glyphs = glyphs_of(word);
        let mut seen: Vec<Glyph> = glyphs.iter().filter_map(|&(_, g)| g).collect();
        seen.sort_unstable();
        seen.dedup();
        for glyph in seen {
            // This glyph as the mark; another unknown one parts the pieces.
            let text: String = (glyphs.iter())
                .map(|&(c, g)| match g {
                    Some(g) if g == glyph => MARK,
                    Some(_) => UNMAPPED,
                    None => c,
                })
                .collect();
            let pieces = text
                // (U+FFFD, which parts pieces, is told first: asking Unicode's tables
                // whether a character outside ASCII is a letter costs a search.)
                .split(|c: char| !(c == MARK || (c != UNMAPPED && c.is_alphabetic())))
                .filter(|p| p.contains(MARK))
                .filter(|p| p.chars().filter(|&c| c != MARK).count() >= MIN_LETTERS);
            let entry = out.entry(key(word, glyph)).or_default();
            entry.extend(pieces.map(str::to_lowercase));
        }
    }
    out.retain(|_, pieces| !pieces.is_empty());
    out
}

/// The reading that makes words of more than half of `pieces`, and of at least twice as
/// many as any other reading does; with the number it makes words of. Words the lists
/// write count first: a long piece makes a compound of two listed words of many a string
/// (`inze` + `tti` + `en`: `inzet` + `tien`), so compounds decide only where no reading
/// makes a listed word.
fn vote(readings: &[String], pieces: &BTreeSet<String>) -> Option<(String, usize)> {
    vote_in_turn(&[(readings.to_vec(), pieces.clone())])
}

/// [`vote`] on each set of readings by its pieces in turn: listed words first in each set,
/// then compounds in each.
fn vote_in_turn(sets: &[(Vec<String>, BTreeSet<String>)]) -> Option<(String, usize)> {
    let count = |pieces: &BTreeSet<String>, reading: &str, known: fn(&str) -> bool| {
        (pieces.iter())
            .filter(|piece| known(&piece.replace(MARK, reading)))
            .count()
    };
    let decide = |readings: &[String], pieces: &BTreeSet<String>, known: fn(&str) -> bool| {
        let mut scores: Vec<(usize, &String)> = (readings.iter())
            .map(|reading| (count(pieces, reading, known), reading))
            .collect();
        scores.sort_by_key(|s| std::cmp::Reverse(s.0));
        let &(best, reading) = scores.first()?;
        let runner_up = scores.get(1).map_or(0, |s| s.0);
        (best > 0 && best >= 2 * runner_up).then(|| reading.clone())
    };
    let known: [fn(&str) -> bool; 2] = [dictionary::writes, is_word];
    let (reading, pieces) = (known.into_iter()).find_map(|known| {
        (sets.iter())
            .find_map(|(readings, pieces)| Some((decide(readings, pieces, known)?, pieces)))
    })?;
    let words = count(pieces, &reading, is_word);
    (2 * words > pieces.len()).then_some((reading, words))
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
        words
            .iter()
            .map(|w| w.replace('#', &MARK.to_string()))
            .collect()
    }

    #[test]
    fn a_glyph_is_read_as_what_makes_words_of_most_of_its_words() {
        let private = Glyph::Private('\u{E01E}');
        let words = pieces(&["o#", "steekproe#", "in#ormatie", "#ocus"]);
        assert_eq!(vote(&readings(private), &words), Some(("f".to_string(), 4)));
        let fi = pieces(&["identi#catie", "#nancieel", "gra#eken"]);
        assert_eq!(vote(&readings(private), &fi), Some(("fi".to_string(), 3)));
        // A ligature a word processor names by nothing: `a#ellen` alone is `aftellen`,
        // `afbellen` or `afhellen`; the glyph's other words say which.
        let ft = pieces(&["a#ellen", "blij#", "gee#", "hee#"]);
        assert_eq!(
            vote(&readings(Glyph::Unnamed(332)), &ft),
            Some(("ft".to_string(), 4))
        );
    }

    #[test]
    fn a_glyph_two_readings_make_words_of_stays() {
        let g = Glyph::Private('\u{E000}');
        // `fijn` and `zijn`.
        assert_eq!(vote(&readings(g), &pieces(&["#ijn"])), None);
        // Nothing makes words of most of them.
        assert_eq!(vote(&readings(g), &pieces(&["x#q", "qq#z", "o#"])), None);
        assert_eq!(
            vote(&readings(Glyph::Unnamed(7)), &pieces(&["a#ellen"])),
            None
        );
    }

    /// One line per font (`font: text`), with the codes of its words' unmapped glyphs.
    fn layout(lines: &[(&str, &str, &[&[u32]])]) -> Layout {
        let text: Vec<&str> = lines.iter().map(|(_, t, _)| *t).collect();
        let mut layout = Layout::from_text(&text.join("\n"));
        for (line, (font, _, codes)) in layout.pages[0].lines.iter_mut().zip(lines) {
            for (w, word) in line.words.iter_mut().enumerate() {
                word.font = (*font).to_string();
                word.unmapped = codes.get(w).map(|c| c.to_vec()).unwrap_or_default();
            }
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
                &[],
            ),
            ("Montserrat", "met \u{E01E}ocus en hulpso\u{E01E}tware", &[]),
            // The same character in another font is another glyph (and a word of one
            // letter besides it no witness).
            ("Asap", "o\u{E01E}", &[]),
            // A symbol font's private-use bullet stands alone.
            ("Wingdings", "\u{F0B7} Een punt", &[]),
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
    fn a_glyph_two_ligatures_read_is_not_what_its_font_names_otherwise() {
        let original = layout(&[
            // Glyph 9 alone: `nuttig` and `nuffig`; the font writes `ffi` as text.
            ("Carlito", "het nu\u{FFFD}g en efficiënt", &[&[], &[9]]),
            // Glyph 8 alone: `achttien` and `achtten`; glyph 7 is `tt`.
            ("Carlito", "ach\u{FFFD}en", &[&[8]]),
            ("Carlito", "voorzi\u{FFFD}er ze\u{FFFD}en", &[&[7], &[7]]),
            // In a font that writes neither, the glyph stays.
            ("Cambria", "nu\u{FFFD}g", &[&[9]]),
        ]);
        let (read, _) = restore(&original).unwrap();
        assert_eq!(
            texts(&read),
            [
                "het nuttig en efficiënt",
                "achttien",
                "voorzitter zetten",
                "nu\u{FFFD}g"
            ]
        );
    }

    #[test]
    fn a_glyph_named_by_nothing_is_read_by_its_code() {
        let original = layout(&[
            (
                "Calibri",
                "het a\u{FFFD}ellen blij\u{FFFD}",
                &[&[], &[332], &[332]],
            ),
            (
                "Calibri",
                "en gee\u{FFFD} de s\u{FFFD}lte",
                &[&[], &[332], &[], &[415]],
            ),
            // No codes that follow the text: left to the ligature reading.
            ("Calibri", "hee\u{FFFD}", &[]),
        ]);
        let (read, diagnostics) = restore(&original).unwrap();
        assert_eq!(
            texts(&read),
            ["het aftellen blijft", "en geeft de stilte", "hee\u{FFFD}"]
        );
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        assert!(
            read.pages[0].lines[0]
                .words
                .iter()
                .all(|w| w.unmapped.is_empty())
        );
    }
    #[test]
    fn a_code_is_one_glyph_within_its_subset_only() {
        // A rewrite cut Calibri into two subsets, each giving code 59 its own glyph: `tt` in
        // the one, `ft` in the other. Read as one glyph, neither reading wins.
        let mut original = layout(&[
            ("Calibri", "de ba\u{FFFD}erij", &[&[], &[59]]),
            ("Calibri", "voorzi\u{FFFD}er ze\u{FFFD}en", &[&[59], &[59]]),
            (
                "Calibri",
                "het gee\u{FFFD} en blij\u{FFFD}",
                &[&[], &[59], &[], &[59]],
            ),
            (
                "Calibri",
                "a\u{FFFD}ellen en hee\u{FFFD}",
                &[&[59], &[], &[59]],
            ),
        ]);
        for (l, line) in original.pages[0].lines.iter_mut().enumerate() {
            let subset = if l < 2 { "DYSLCG" } else { "ETHVWP" };
            for word in line.words.iter_mut().filter(|w| !w.unmapped.is_empty()) {
                word.subset = subset.to_string();
            }
        }
        let (read, diagnostics) =
            restore(&original).expect("test: words that hold readable glyphs");
        assert_eq!(
            texts(&read),
            [
                "de batterij",
                "voorzitter zetten",
                "het geeft en blijft",
                "aftellen en heeft"
            ]
        );
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        assert!(
            diagnostics[1].message.contains("ETHVWP+Calibri"),
            "{diagnostics:?}"
        );
    }
    #[test]
    fn a_glyph_named_by_nothing_is_a_letter_where_no_ligature_reads_it() {
        let original = layout(&[
            // A rewrite dropped the map: code 1 is `f`, which no ligature reads.
            ("Montserrat", "de steekproe\u{FFFD}", &[&[], &[1]]),
            ("Montserrat", "in\u{FFFD}ormatie", &[&[1]]),
            ("Montserrat-SemiBold", "Steekproe\u{FFFD}", &[&[1]]),
            // Short pieces: a letter makes a word of too many (`adz`, `aaz`).
            ("CMMI8", "a\u{FFFD}z", &[&[3]]),
        ]);
        let (read, _) = restore(&original).expect("test: words that hold readable glyphs");
        assert_eq!(
            texts(&read),
            ["de steekproef", "informatie", "Steekproef", "a\u{FFFD}z"]
        );
    }
}
