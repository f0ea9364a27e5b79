//! Words, their widths, and greedy line breaking with optional hyphenation (and, for
//! ragged text, lines broken early as a total-fit breaker breaks them).

use super::fonts::{Face, kern};
use super::letter::split_markers;

/// The face of the layout's font a word is set in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Style {
    #[default]
    Regular,
    Bold,
    Italic,
}

impl Style {
    /// Bold or regular.
    pub fn weight(bold: bool) -> Style {
        if bold { Style::Bold } else { Style::Regular }
    }

    /// The face's place among the layout's fonts (`F1`, `F2`, `F3`).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A word as it is drawn: one face, size and rise.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub text: String,
    pub style: Style,
    pub size: f32,
    /// Raised by this much (`Ts`), pt.
    pub rise: f32,
    /// No space before it (a footnote marker touching its word).
    pub attached: bool,
}

impl Word {
    pub fn new(text: impl Into<String>, bold: bool, size: f32) -> Word {
        Word {
            text: text.into(),
            style: Style::weight(bold),
            size,
            rise: 0.0,
            attached: false,
        }
    }
}

/// The most a hinted glyph's advance is off its width, thousandths of the size.
const HINT_GLYPH: u64 = 80;

/// The most a hinted space is narrower than the font's, thousandths of the size.
const HINT_SPACE: u64 = 120;

/// Widths of words in the layout's faces.
pub struct Measure<'a> {
    pub regular: &'a Face,
    pub bold: &'a Face,
    /// The italic face, where the layout stresses words in italic.
    pub italic: Option<&'a Face>,
    /// Character spacing `Tc` of body text, pt.
    pub tc: f32,
    pub kerning: bool,
    /// Advances off the font's widths by [`Measure::hint`].
    pub hinting: bool,
}

impl Measure<'_> {
    /// The same faces without character spacing: furniture is drawn with `Tc` 0.
    pub fn without_spacing(&self) -> Measure<'_> {
        self.with_spacing(0.0)
    }

    /// The same faces with character spacing `tc`.
    pub fn with_spacing(&self, tc: f32) -> Measure<'_> {
        Measure { tc, ..*self }
    }

    pub fn face(&self, style: Style) -> &Face {
        match style {
            Style::Regular => self.regular,
            Style::Bold => self.bold,
            Style::Italic => self.italic.unwrap_or(self.regular),
        }
    }

    /// The advance of `text` in pt: glyph widths, character spacing and kerning.
    pub fn text(&self, text: &str, style: Style, size: f32) -> Result<f32, String> {
        let face = self.face(style);
        let mut total = 0.0;
        let mut prev: Option<char> = None;
        for c in text.chars() {
            let w = face
                .width(c)
                .ok_or_else(|| format!("{} cannot set {c:?} (U+{:04X})", face.name, c as u32))?;
            total += (w + self.hint(c, style, size)) * size / 1000.0 + self.tc;
            if let (true, Some(p)) = (self.kerning, prev) {
                total += kern(p, c) * size / 1000.0;
            }
            prev = Some(c);
        }
        Ok(total)
    }

    pub fn word(&self, word: &Word) -> Result<f32, String> {
        self.text(&word.text, word.style, word.size)
    }

    /// The natural width of the space before a word of this face and size.
    pub fn space(&self, style: Style, size: f32) -> f32 {
        let width = self.face(style).width(' ').unwrap_or(278.0) + self.hint(' ', style, size);
        width * size / 1000.0 + self.tc
    }

    /// The most a hinted glyph's advance is off its width at `size`, pt (0 unhinted).
    pub fn hint_reach(&self, size: f32) -> f32 {
        if self.hinting {
            HINT_GLYPH as f32 * size / 1000.0
        } else {
            0.0
        }
    }

    /// How far the advance of `c` in this face and size is off its font width, in
    /// thousandths of the size, when hinting: a whole number fixed per character, face and
    /// size, within ±[`HINT_GLYPH`] for a glyph and from -[`HINT_SPACE`] to 0 for the space
    /// (Word's spaces run narrower than the font's). 0 otherwise.
    pub fn hint(&self, c: char, style: Style, size: f32) -> f32 {
        if !self.hinting {
            return 0.0;
        }
        let hash = u64::from(c)
            .to_le_bytes()
            .into_iter()
            .chain([style as u8])
            .chain(size.to_bits().to_le_bytes())
            .fold(0xCBF2_9CE4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
            });
        if c == ' ' {
            -(((hash >> 16) % (HINT_SPACE + 1)) as f32)
        } else {
            ((hash >> 16) % (2 * HINT_GLYPH + 1)) as f32 - HINT_GLYPH as f32
        }
    }

    /// The natural width of a line of words.
    pub fn line(&self, words: &[Word]) -> Result<f32, String> {
        let mut total = 0.0;
        for (i, w) in words.iter().enumerate() {
            if i > 0 && !w.attached {
                total += self.space(w.style, w.size);
            }
            total += self.word(w)?;
        }
        Ok(total)
    }
}

/// Spaces in a line that justification stretches.
pub fn stretchable(words: &[Word]) -> usize {
    words.iter().skip(1).filter(|w| !w.attached).count()
}

/// The words of a marked-up text (`woord^1`): footnote markers become raised, smaller words
/// attached to the word before them.
pub fn words(text: &str, bold: bool, size: f32) -> Vec<Word> {
    let mut out = Vec::new();
    // Split at ordinary spaces only: a no-break space keeps its words together.
    for token in text.split([' ', '\n', '\t']).filter(|t| !t.is_empty()) {
        for (i, (run, marker)) in split_markers(token).into_iter().enumerate() {
            if !run.is_empty() {
                let mut w = Word::new(run, bold, size);
                w.attached = i > 0;
                out.push(w);
            }
            if let Some(m) = marker {
                out.push(marker_word(m, size));
            }
        }
    }
    out
}

/// FNV-1a of a word, its place and the layout's `salt` (0: none, the picks of the layouts
/// made before there was one): the same pick every time.
fn word_hash(word: &Word, place: usize, salt: u32) -> u32 {
    let salt = (salt != 0)
        .then(|| salt.to_le_bytes())
        .into_iter()
        .flatten();
    word.text
        .bytes()
        .chain(place.to_le_bytes())
        .chain(salt)
        .fold(0x811C_9DC5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        })
}

/// Sets some of a paragraph's words in bold, as a writer stresses a word: about one in
/// [`EMPHASIS_EVERY`] of those of four letters or more, never the first, picked by a hash of
/// the word and its place (the same every time).
pub fn emphasise(words: &mut [Word], salt: u32) {
    for (i, w) in words.iter_mut().enumerate().skip(1) {
        let hash = word_hash(w, i, salt);
        let letters = w.text.chars().all(char::is_alphabetic) && w.text.chars().count() >= 4;
        if letters && !w.attached && hash % EMPHASIS_EVERY == 0 {
            w.style = Style::Bold;
        }
    }
}

/// Sets some phrases of a paragraph in italic, as a writer sets a title or a foreign term:
/// one to four words from about one word in [`ITALIC_EVERY`], never the first, not a bold
/// one, picked by a hash of the word and its place (the same every time).
pub fn italicise(words: &mut [Word], salt: u32) {
    let mut left = 0u32;
    for (i, w) in words.iter_mut().enumerate().skip(1) {
        let hash = word_hash(w, i, salt);
        if left == 0 && hash % ITALIC_EVERY == 0 {
            left = 1 + (hash >> 8) % 4;
        }
        if left > 0 && !w.attached && w.style == Style::Regular {
            w.style = Style::Italic;
        }
        left = left.saturating_sub(1);
    }
}

/// A phrase in italic starts at about one word in this many.
const ITALIC_EVERY: u32 = 15;

/// One word in about this many is stressed.
const EMPHASIS_EVERY: u32 = 12;

/// A footnote marker after a word: raised, in smaller type, touching the word.
pub fn marker_word(marker: &str, size: f32) -> Word {
    Word {
        text: marker.to_string(),
        style: Style::Regular,
        size: (size * 0.62 * 10.0).round() / 10.0,
        rise: (size * 0.36 * 10.0).round() / 10.0,
        attached: true,
    }
}

/// How words may be broken at line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breaks {
    /// Only after a hyphen the word already has (`NAVO-` / `Rusland`).
    HardHyphens,
    /// Also at syllables, with a hyphen drawn (`U+002D`) or a soft hyphen (`U+00AD`).
    Syllables(char),
}

/// Greedy line breaking: as many words on a line as fit `width(line index)`. A word that
/// does not fit is broken where `breaks` allows and the first part fits.
pub fn break_lines(
    words: Vec<Word>,
    width: impl Fn(usize) -> f32,
    measure: &Measure,
    breaks: Breaks,
) -> Result<Vec<Vec<Word>>, String> {
    break_lines_early(words, width, measure, breaks, Early::Never)
}

/// A line filled this far may end before a word that would still fit ([`break_lines_early`]).
const EARLY_FILL: f32 = 0.7;

/// One in this many words that would still fit on such a line goes to the next.
const EARLY_ONE_IN: u64 = 3;

/// Where lines end before a word that would still have fitted ([`break_lines_early`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Early {
    /// Nowhere: greedy breaking.
    Never,
    /// Inside sentences, not after a sentence's or clause's end.
    InsideSentences,
    /// After a sentence's full stop too (in a paragraph set in, whose flush next lines
    /// show that it goes on).
    AfterFullStops,
}

/// [`break_lines`], and where `early` says, some lines ended before a word that would
/// still have fitted, as a total-fit breaker ends them (FOP's, TeX's ragged lines): lines
/// filled 70 % or more, whose last word ends no clause (nor sentence, unless `early`
/// allows it), before one word in three (chosen by the word and the line's number, so the
/// same layout breaks the same way).
pub fn break_lines_early(
    words: Vec<Word>,
    width: impl Fn(usize) -> f32,
    measure: &Measure,
    breaks: Breaks,
    early: Early,
) -> Result<Vec<Vec<Word>>, String> {
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut queue: std::collections::VecDeque<Word> = words.into();
    while let Some(word) = queue.pop_front() {
        let avail = width(lines.len());
        let mut candidate = line.clone();
        candidate.push(word.clone());
        // A marker travels with its word: measure the word together with what is attached.
        let mut with_attached = candidate.clone();
        with_attached.extend(queue.iter().take_while(|w| w.attached).cloned());
        if measure.line(&with_attached)? <= avail || (line.is_empty() && word.attached) {
            if early != Early::Never
                && breaks_early(&line, &word, lines.len(), early)
                && measure.line(&line)? >= EARLY_FILL * avail
            {
                lines.push(std::mem::take(&mut line));
                queue.push_front(word);
                continue;
            }
            line = candidate;
            continue;
        }
        if word.attached {
            // Cannot happen unless a marker alone overflows: keep it with its word.
            line.push(word);
            continue;
        }
        if let Some((head, tail)) = split_to_fit(&line, &word, avail, measure, breaks)? {
            line.push(head);
            queue.push_front(tail);
            lines.push(std::mem::take(&mut line));
            continue;
        }
        if line.is_empty() {
            return Err(format!(
                "the word {:?} is wider than the line ({avail:.1} pt)",
                word.text
            ));
        }
        lines.push(std::mem::take(&mut line));
        let mut first = word;
        first.attached = false;
        queue.push_front(first);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// Whether the line so far (the `index`th) ends before `word` although it fits (its fill
/// aside): not before a marker, nor after a clause's end, nor a sentence's unless `early`
/// allows it (a marker after it aside).
fn breaks_early(line: &[Word], word: &Word, index: usize, early: Early) -> bool {
    let Some(last) = line.iter().rev().find(|w| !w.attached) else {
        return false;
    };
    let full_stop = last.text.ends_with(['.', '!', '?']);
    if word.attached
        || last.text.ends_with([':', ';'])
        || (full_stop && early != Early::AfterFullStops)
    {
        return false;
    }
    let hash = (word.text.bytes()).fold(index as u64 + 1, |h, b| {
        h.wrapping_mul(31).wrapping_add(u64::from(b))
    });
    hash % EARLY_ONE_IN == 0
}

/// The longest first part of `word` that still fits on `line`, and the rest.
fn split_to_fit(
    line: &[Word],
    word: &Word,
    avail: f32,
    measure: &Measure,
    breaks: Breaks,
) -> Result<Option<(Word, Word)>, String> {
    let chars: Vec<char> = word.text.chars().collect();
    let syllables = matches!(breaks, Breaks::Syllables(_));
    let mut points: Vec<(usize, Option<char>)> = hard_hyphen_points(&chars)
        .into_iter()
        // Where words are also broken at syllables, `landen-` / `neutraal` could be either
        // (`landenneutraal` or `landen-neutraal`): no reader can tell, so break at a hard
        // hyphen there only next to a capital or digit (`NAVO-` / `Rusland`).
        .filter(|&i| !syllables || hard_hyphen_is_plain(&chars, i))
        .map(|i| (i, None))
        .collect();
    if let Breaks::Syllables(hyphen) = breaks {
        points.extend(
            syllable_points(&chars)
                .into_iter()
                .map(|i| (i, Some(hyphen))),
        );
    }
    points.sort_by_key(|p| std::cmp::Reverse(p.0));
    for (at, hyphen) in points {
        let mut head: String = chars.iter().take(at).collect();
        head.extend(hyphen);
        let tail: String = chars.iter().skip(at).collect();
        let mut candidate = line.to_vec();
        candidate.push(Word {
            text: head.clone(),
            ..word.clone()
        });
        if measure.line(&candidate)? <= avail {
            return Ok(Some((
                Word {
                    text: head,
                    ..word.clone()
                },
                Word {
                    text: tail,
                    attached: false,
                    ..word.clone()
                },
            )));
        }
    }
    Ok(None)
}

/// Break points right after a hyphen between two letters (`NAVO-Rusland`, `niet-statelijke`).
fn hard_hyphen_points(chars: &[char]) -> Vec<usize> {
    (1..chars.len().saturating_sub(1))
        .filter(|&i| {
            chars.get(i) == Some(&'-')
                && chars
                    .get(i - 1)
                    .is_some_and(|c| c.is_alphanumeric() || *c == '’')
                && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
        })
        .map(|i| i + 1)
        .collect()
}

/// A break after the hyphen at `at - 1` that reads the same with or without hyphenation: a
/// capital or digit on either side.
fn hard_hyphen_is_plain(chars: &[char], at: usize) -> bool {
    let before = at.checked_sub(2).and_then(|i| chars.get(i));
    let after = chars.get(at);
    [before, after]
        .into_iter()
        .flatten()
        .any(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Syllable breaks of a Dutch word, roughly as a hyphenation pattern set would find them:
/// before a consonant that starts a syllable (`be-lang`, `bond-ge-no-ten`), never inside
/// `ch`, `ij` or a vowel group, at least two letters before and three after. Only plain words
/// (letters, an initial capital, trailing punctuation) are broken.
pub fn syllable_points(chars: &[char]) -> Vec<usize> {
    let core_end = chars
        .iter()
        .rposition(|c| c.is_alphabetic())
        .map_or(0, |i| i + 1);
    let core = chars.get(..core_end).unwrap_or_default();
    let plain = core.iter().all(|c| c.is_alphabetic())
        && core.iter().skip(1).all(|c| c.is_lowercase())
        && chars.iter().skip(core_end).all(|c| ".,;:)".contains(*c));
    if !plain || core.len() < 7 {
        return Vec::new();
    }
    let lower: Vec<char> = core.iter().flat_map(|c| c.to_lowercase()).collect();
    let vowel = |c: char| "aeiouyéëïöüèáóúâêô".contains(c);
    // Consonant pairs that open a syllable together (`re-flec-tie`, `mi-nis-ter`).
    const ONSETS: [&str; 12] = [
        "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr",
    ];
    let mut points = Vec::new();
    for i in 1..lower.len().saturating_sub(1) {
        let (Some(&prev), Some(&cur), Some(&next)) =
            (lower.get(i - 1), lower.get(i), lower.get(i + 1))
        else {
            continue;
        };
        let starts_syllable = !vowel(cur) && vowel(next);
        let inside_pair = (cur == 'h' && "ctpsg".contains(prev)) || (cur == 'j' && prev == 'i');
        if !starts_syllable || inside_pair {
            continue;
        }
        let onset = !vowel(prev) && ONSETS.contains(&format!("{prev}{cur}").as_str());
        let at = if onset { i - 1 } else { i };
        let vowel_before = lower.iter().take(at).any(|c| vowel(*c));
        if vowel_before && at >= 2 && lower.len() - at >= 3 && !points.contains(&at) {
            points.push(at);
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> String {
        let chars: Vec<char> = word.chars().collect();
        let points = syllable_points(&chars);
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if points.contains(&i) {
                out.push('-');
            }
            out.push(*c);
        }
        out
    }

    #[test]
    fn syllables() {
        assert_eq!(split("bondgenoten"), "bond-ge-no-ten");
        assert_eq!(split("technische"), "tech-nische");
        assert_eq!(split("NAVO2030"), "NAVO2030");
        assert_eq!(split("Rusland"), "Rus-land");
        assert_eq!(split("minister"), "mi-nis-ter");
        assert_eq!(split("reflectiegroep,"), "re-flec-tie-groep,");
    }

    #[test]
    fn markers_become_raised_words() {
        let w = words("water^1 en land^12.", false, 10.0);
        let texts: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["water", "1", "en", "land", "12", "."]);
        assert!(w[1].attached && w[1].rise > 0.0);
        assert!(w[5].attached && w[5].rise == 0.0);
    }
}
