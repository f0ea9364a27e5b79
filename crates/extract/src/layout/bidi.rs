//! Right-to-left text in logical order: a simple bidi, not the Unicode Bidirectional
//! Algorithm (UAX #9).
//!
//! Glyphs and words come in visual order (left to right on the page). Hebrew and Arabic are
//! read right to left, so:
//! - within a word holding right-to-left letters, the glyphs are reversed, except that runs
//!   of digits and left-to-right letters keep their order (`15`, `habibi`); combining marks
//!   stay after their base letter;
//! - within a line, a run of right-to-left words (with the neutral words between them:
//!   numbers, punctuation) is reversed.
//!
//! Not done: the paragraph direction (neutrals at the edge of a right-to-left run in a
//! left-to-right line move with the run), explicit embeddings, mirroring (producers' ToUnicode
//! maps a mirrored glyph to its logical character already).

/// Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic (U+0590–
/// U+08FF), Hebrew and Arabic presentation forms.
pub fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
        && !is_rtl_digit(c)
}

/// Arabic-Indic digits: written left to right like other digits.
fn is_rtl_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// A combining mark (harakat, Hebrew points, general diacritics).
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' | '\u{FB1E}' | '\u{FE20}'..='\u{FE2F}')
}

/// Text that keeps its own order inside right-to-left text: digits and left-to-right letters.
fn keeps_order(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_digit() || is_rtl_digit(c) || (c.is_alphabetic() && !is_rtl(c)))
        && !text.chars().any(is_rtl)
}

/// The direction of a word's text, for ordering words in a line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Direction {
    Rtl,
    Ltr,
    /// No letters: digits, punctuation.
    Neutral,
}

/// Whether `text` holds a right-to-left letter.
pub fn has_rtl(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(is_rtl)
}

pub fn direction(text: &str) -> Direction {
    if text.chars().any(is_rtl) {
        Direction::Rtl
    } else if text.chars().any(|c| c.is_alphabetic()) {
        Direction::Ltr
    } else {
        Direction::Neutral
    }
}

/// A word of right-to-left text in logical order, with the neutral glyphs kept at its visual
/// edges apart (see [`logical_word`]).
#[derive(Debug, Default, PartialEq)]
pub struct Logical {
    /// Neutral glyphs kept at the left edge, in visual order.
    pub left: String,
    /// The rest, in logical order.
    pub core: String,
    /// Neutral glyphs kept at the right edge, in visual order.
    pub right: String,
}

/// A word's text in logical order, given its glyphs' texts in visual order (`starts`: the
/// byte offset in `text` where each glyph's text begins, ascending); `None` unless it holds
/// right-to-left letters. In a left-to-right line the neutral glyphs at the outer edges of
/// a right-to-left run (`keep_left`, `keep_right`: quotes around an Arabic phrase in English
/// text) are kept apart, to stay where they are.
pub fn logical_word(
    text: &str,
    starts: &[usize],
    keep_left: bool,
    keep_right: bool,
) -> Option<Logical> {
    if !text.chars().any(is_rtl) {
        return None;
    }
    // The glyphs' texts as byte ranges, combining marks joined to the glyph before them.
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(starts.len());
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).copied().unwrap_or(text.len());
        let piece = text.get(a..b)?;
        match ranges.last_mut() {
            Some(last) if !piece.is_empty() && piece.chars().all(is_mark) => last.1 = b,
            _ => ranges.push((a, b)),
        }
    }
    let pieces: Vec<&str> = ranges
        .iter()
        .map(|&(a, b)| text.get(a..b))
        .collect::<Option<_>>()?;
    let neutral = |p: &&&str| direction(p) == Direction::Neutral && !keeps_order(p);
    let left = if keep_left {
        pieces.iter().take_while(neutral).count()
    } else {
        0
    };
    let right = if keep_right {
        pieces.len() - pieces.iter().skip(left).rev().take_while(neutral).count()
    } else {
        pieces.len()
    };
    let mut out = Logical {
        left: pieces.get(..left).unwrap_or_default().concat(),
        right: pieces.get(right..).unwrap_or_default().concat(),
        core: String::with_capacity(text.len()),
    };
    // Runs that keep their order (digits, Latin), the rest reversed glyph by glyph.
    let pieces = pieces.get(left..right).unwrap_or_default();
    let mut i = pieces.len();
    while i > 0 {
        let Some(piece) = pieces.get(i - 1) else {
            break;
        };
        if keeps_order(piece) {
            let mut j = i - 1;
            while j > 0 && pieces.get(j - 1).is_some_and(|p| keeps_order(p)) {
                j -= 1;
            }
            for p in pieces.get(j..i).unwrap_or_default() {
                out.core.push_str(p);
            }
            i = j;
        } else {
            out.core.push_str(piece);
            i -= 1;
        }
    }
    Some(out)
}

/// The runs of right-to-left words in a line (visual order), with the neutral words between
/// them: index ranges, first and last word right-to-left.
pub fn rtl_runs(directions: &[Direction]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < directions.len() {
        if directions.get(i) != Some(&Direction::Rtl) {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut j = i + 1;
        while let Some(&d) = directions.get(j) {
            match d {
                Direction::Rtl => end = j,
                Direction::Neutral => {}
                Direction::Ltr => break,
            }
            j += 1;
        }
        runs.push((i, end));
        i = end + 1;
    }
    runs
}

/// Whether a line reads right to left: more right-to-left words than left-to-right ones.
pub fn rtl_line(directions: &[Direction]) -> bool {
    let count = |d| directions.iter().filter(|&&x| x == d).count();
    count(Direction::Rtl) > count(Direction::Ltr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(pieces: &[&str]) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut starts = Vec::new();
        for p in pieces {
            starts.push(text.len());
            text.push_str(p);
        }
        (text, starts)
    }

    fn logical(pieces: &[&str], keep: bool) -> Option<String> {
        let (t, s) = starts(pieces);
        logical_word(&t, &s, keep, keep).map(|l| l.left + &l.core + &l.right)
    }

    #[test]
    fn words() {
        // Visual "?םלוכ" is logical "כולם?".
        assert_eq!(
            logical(&["?", "ם", "ל", "ו", "כ"], false).as_deref(),
            Some("כולם?")
        );
        // Digits keep their order; parentheses come out as the ToUnicode gives them.
        assert_eq!(
            logical(&[")", "4", "(", ")", "ב", "(", "1", "5"], false).as_deref(),
            Some("15(ב)(4)")
        );
        // A mark stays after its letter.
        assert_eq!(
            logical(&["ي", "ب", "\u{064E}", "ح"], false).as_deref(),
            Some("حب\u{064E}ي")
        );
        // Quotes around Arabic in an English line stay put.
        assert_eq!(
            logical(&["“", "ا", "ذ", "ھ", "”"], true).as_deref(),
            Some("“ھذا”")
        );
        assert_eq!(
            logical(&["‘", "ن", "ا", "ك", "ا", "’"], true).as_deref(),
            Some("‘اكان’")
        );
        assert_eq!(logical(&["a", "b"], false), None);
    }

    #[test]
    fn lines() {
        let dirs: Vec<Direction> = ["end", "םלוכ", "12", "םולש", "start", "א"]
            .iter()
            .map(|w| direction(w))
            .collect();
        assert_eq!(rtl_runs(&dirs), [(1, 3), (5, 5)]);
        assert!(rtl_line(&dirs));
        assert!(!rtl_line(&[Direction::Ltr, Direction::Rtl, Direction::Ltr]));
    }
}
