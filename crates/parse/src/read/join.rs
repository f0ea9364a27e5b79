//! Joining lines into running text, with line-final hyphens handled as extraction.md says:
//! real Dutch hyphens stay (`NAVO-Rusland`, `niet-statelijke`), suspended compounds keep
//! their space (`NAVO- en EU-lidstaten`), a typesetter's break is joined (`partner-` +
//! `schapsbeleid`) when a soft hyphen or the document's own words say so, or else the word
//! lists (`dictionary`: `ges-` + `prek` is no writer's hyphen, `high-level` is one).

use std::cell::OnceCell;

use rustc_hash::FxHashSet;

use super::dictionary::{self, Verdict};
use crate::lines::TextLine;

/// Words after which a hyphen marks an elided compound part: `NAVO- en EU-lidstaten`.
const SUSPENSION_WORDS: &[&str] = &["en", "of", "tot", "noch", "and", "or"];

/// Dutch prefixes that keep their hyphen: `niet-statelijke`, `oud-minister`, `ex-partner`.
const HYPHEN_PREFIXES: &[&str] = &["niet", "oud", "ex", "vice", "co", "non"];

/// Prefixes of [`HYPHEN_PREFIXES`] that are also common first syllables.
const SYLLABLE_PREFIXES: &[&str] = &["ex", "co"];

/// What the document itself says about its words, to decide line-final hyphens.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Lowercased words found inside lines (never at a line end).
    words: FxHashSet<String>,
    /// The typesetter breaks words (soft hyphens seen, or breaks confirmed by the words).
    pub hyphenates: bool,
    /// The writer hyphenates compounds the word lists write whole, inside lines (found
    /// when first asked: [`Lexicon::hyphenates_compounds`]).
    hyphenates_compounds: OnceCell<bool>,
    /// Initials of the words before each `(` that opens with a capital: the acronyms the
    /// document spells out (`Joint Comprehensive Plan of Action (JCPOA)`).
    spelled_out: FxHashSet<String>,
    /// U+2010 HYPHEN ends lines and stands nowhere else: the typesetter's hyphenation mark
    /// (CSS typesetters draw it), every one a break inside a word.
    marks_breaks: bool,
    /// The typesetter shows the hyphens of its hyphenation apart from their words' letters
    /// (LibreOffice does; [`MIN_HYPHENS_APART`] lines or more end in one, and three times
    /// as many as in a hyphen shown with its letters): a line-final hyphen shown with its
    /// letters is then the word's own. (A producer that cuts its words into runs anywhere
    /// shows half its line-final hyphens apart by chance.)
    hyphens_apart: bool,
    /// The document is written in Dutch: more of its words are Dutch function words than
    /// English ones ([`writes_dutch`]).
    dutch: bool,
}

/// Lines ending in a hyphen shown apart ([`Lexicon::hyphens_apart`]) a document needs:
/// more than chance gives where a producer cuts words into runs anywhere (three of four in
/// a short letter; LibreOffice's letters in the sweep show 18 to 286).
const MIN_HYPHENS_APART: usize = 6;

impl Lexicon {
    pub fn new(lines: &[TextLine]) -> Lexicon {
        let mut words = FxHashSet::default();
        // The words of all lines in reading order, split once.
        let mut all_tokens: Vec<&str> = Vec::new();
        // Whether the line before ended in a hyphen (a word it may have broken).
        let mut broken_before = false;
        for line in lines {
            let line_start = all_tokens.len();
            all_tokens.extend(line.text.split_whitespace());
            let tokens = all_tokens.get(line_start..).unwrap_or_default();
            let inner = tokens.len().saturating_sub(1);
            for token in tokens.iter().take(inner).skip(1) {
                insert_clean(&mut words, token);
            }
            // The first word of a line is whole unless the line before broke it; still
            // good evidence for the hyphenated form, so keep words with inner hyphens.
            if let Some(first) = tokens.first()
                && (first.contains('-') || !broken_before)
            {
                insert_clean(&mut words, first);
            }
            // The last word is whole unless it ends in a hyphen (`aanbevelingen:` closing
            // a line is as good a witness as inside one).
            // A line that ends in a soft hyphen broke its last word too.
            let breaks_word =
                line.soft_hyphen || tokens.last().is_some_and(|t| t.ends_with(BREAK_HYPHENS));
            let last = tokens.last().filter(|_| tokens.len() > 1);
            if let Some(last) = last
                && !breaks_word
            {
                insert_clean(&mut words, last);
            }
            // Page furniture between a broken word's two lines (a page number, a running
            // column) does not mend it.
            if !line.role.is_furniture() {
                broken_before = breaks_word;
            }
        }
        let marks_breaks = marks_breaks(lines);
        let mut lexicon = Lexicon {
            words,
            hyphenates: marks_breaks || lines.iter().any(|l| l.soft_hyphen),
            hyphenates_compounds: OnceCell::new(),
            spelled_out: spelled_out_initials(&all_tokens),
            marks_breaks,
            hyphens_apart: shows_hyphens_apart(lines),
            dutch: writes_dutch(&all_tokens),
        };
        if !lexicon.hyphenates {
            let (mut joined, mut kept, mut plain) = (0, 0, 0);
            for (at, a) in lines.iter().enumerate() {
                if let Some(b) = continuation(lines, at)
                    && let Some((left, right)) = hyphen_break(&a.text, &b.text)
                {
                    match lexicon.evidence(left, right) {
                        Some(true) => joined += 1,
                        Some(false) => kept += 1,
                        // A break inside a word, which no writer's hyphen makes.
                        None if lists_say(left, right) == Some(Verdict::BrokenWord) => joined += 1,
                        None => {}
                    }
                    if is_plain_break(left, right) {
                        plain += 1;
                    }
                }
            }
            // Breaks the words confirm; or, where the document is too short to say, many
            // lines ending inside a lower-case word that Dutch spelling would write whole:
            // a writer's own hyphens in such words are rare, a typesetter's are not.
            lexicon.hyphenates = (joined > 0 && joined >= kept)
                || (kept == 0 && plain >= 2 && plain * 100 >= 3 * lines.len());
        }
        lexicon
    }

    /// Whether the writer hyphenates compounds written whole (`brandstof-leverancier` inside
    /// a line), and so may have done so at a line's end too.
    fn hyphenates_compounds(&self) -> bool {
        *self.hyphenates_compounds.get_or_init(|| {
            self.words.iter().any(|w| {
                let mut parts = w.split('-');
                let first = parts.next().unwrap_or_default();
                parts
                    .next()
                    .is_some_and(|second| lists_say(first, second) == Some(Verdict::Whole))
            })
        })
    }

    /// `Some(true)` when the document writes the word joined, `Some(false)` when it writes
    /// it with the hyphen, `None` when it does not say. Where quotes or a hyphen join the
    /// broken word to more (`‘NA-` / `VO2030’-proces`), the word alone is asked about too.
    fn evidence(&self, left: &str, right: &str) -> Option<bool> {
        let left = trim_word(left).to_lowercase();
        let right = clean(right);
        let says = |left: &str, right: &str| {
            if self.words.contains(&format!("{left}{right}")) {
                Some(true)
            } else if self.words.contains(&format!("{left}-{right}")) {
                Some(false)
            } else {
                None
            }
        };
        let not_alphanumeric = |c: char| !c.is_alphanumeric();
        let left_word = left.rsplit(not_alphanumeric).next().unwrap_or_default();
        let right_word = right.split(not_alphanumeric).next().unwrap_or_default();
        says(&left, &right).or_else(|| {
            let part = left_word.len() < left.len() || right_word.len() < right.len();
            (part && !left_word.is_empty() && !right_word.is_empty())
                .then(|| says(left_word, right_word))
                .flatten()
        })
    }

    /// How to join a line ending in `left-` with one starting with `right`.
    pub fn decide(&self, left: &str, right: &str) -> Join {
        let right_word = right.trim_end_matches(|c: char| !c.is_alphanumeric());
        if SUSPENSION_WORDS.contains(&right_word.to_lowercase().as_str())
            && is_suspension(left, right, right_word)
        {
            return Join::KeepHyphenAndSpace;
        }
        // A document that breaks words and writes this one whole elsewhere (`SG-` / `NAVO`
        // where `SGNAVO` stands in its lines): a typesetter's break, capitals or not.
        if self.hyphenates && self.evidence(left, right_word) == Some(true) {
            return Join::RemoveHyphen;
        }
        let left_core = left.trim_end_matches(|c: char| !c.is_alphanumeric());
        // An acronym the document spells out, broken by the typesetter (`(JC-` / `POA)`).
        let joined: String = left_core
            .chars()
            .chain(right_word.chars())
            .filter(|c| c.is_alphanumeric())
            .collect();
        if joined.chars().count() >= 3
            && joined.chars().all(char::is_uppercase)
            && self.spelled_out.contains(&joined)
        {
            return Join::RemoveHyphen;
        }
        let left_last = left_core.chars().last();
        let right_first = right.chars().next();
        // Capitals broken inside a word the lists know whole, its halves no words
        // (`CO-` / `VID-19`: LibreOffice hyphenates words in capitals).
        let left_part = left_core.rsplit('-').next().unwrap_or(left_core);
        if left_last.is_some_and(char::is_uppercase)
            && right_first.is_some_and(char::is_uppercase)
            && dictionary::judge(left_part, right_word) == Some(Verdict::BrokenWord)
        {
            return Join::RemoveHyphen;
        }
        // Capitals and digits on either side: `NAVO-Rusland`, `Zuid-Korea`, `‘NAVO2030’-proces`.
        if left_last.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || right_first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || left_core.len() < left.len()
        {
            return Join::KeepHyphen;
        }
        match self.evidence(left, right_word) {
            Some(true) => return Join::RemoveHyphen,
            Some(false) => return Join::KeepHyphen,
            None => {}
        }
        // Where the document does not say, the word lists may.
        match lists_say(left, right_word) {
            Some(Verdict::Hyphenated | Verdict::EnglishCompound) => return Join::KeepHyphen,
            // English hyphenates `burden-sharing`; Dutch writes `burdensharing`.
            Some(Verdict::GerundCompound)
                if self.dutch && (self.hyphenates || !self.hyphenates_compounds()) =>
            {
                return Join::RemoveHyphen;
            }
            Some(Verdict::GerundCompound) => return Join::KeepHyphen,
            Some(Verdict::BrokenWord) => return Join::RemoveHyphen,
            // Two words written whole: a typesetter's break where the document hyphenates,
            // or where its writer never hyphenates such compounds inside a line.
            Some(Verdict::Whole) if self.hyphenates || !self.hyphenates_compounds() => {
                return Join::RemoveHyphen;
            }
            Some(Verdict::WholeInEnglish | Verdict::Fragments) if self.hyphenates => {
                return Join::RemoveHyphen;
            }
            Some(Verdict::Whole | Verdict::WholeInEnglish | Verdict::Fragments) | None => {}
        }
        // `ex-`, `co-` are also syllables a typesetter breaks after (`ex-plicieter`,
        // `co-alitie`): in a hyphenating document they keep their hyphen only before a word
        // the document uses on its own (`ex-partner`).
        let syllable_prefix = SYLLABLE_PREFIXES.contains(&left.to_lowercase().as_str());
        if self.hyphenates && syllable_prefix && !self.words.contains(&clean(right_word)) {
            return Join::RemoveHyphen;
        }
        if !self.hyphenates || is_real_compound_hyphen(left, right_word) {
            Join::KeepHyphen
        } else {
            Join::RemoveHyphen
        }
    }
}

/// `left-` / `en …` suspends a compound (`in- en uitvoer`) unless punctuation closes the
/// conjunction (`groei- / en.`: the compound would go on after it), or the lists write the
/// whole and `left` is no word (`voortvloei-` / `en uit`: `voortvloeien` broken).
fn is_suspension(left: &str, right: &str, right_word: &str) -> bool {
    right_word.len() == right.len()
        && dictionary::judge(left, right_word) != Some(Verdict::BrokenWord)
}

/// Whether U+2010 HYPHEN ends lines and stands nowhere else in them (see
/// [`Lexicon::marks_breaks`]).
fn marks_breaks(lines: &[TextLine]) -> bool {
    let mut ends = false;
    for line in lines {
        let text = line.text.trim_end();
        if !text.contains('\u{2010}') {
            continue;
        }
        match text.strip_suffix('\u{2010}') {
            Some(rest) if !rest.contains('\u{2010}') => ends = true,
            _ => return false,
        }
    }
    ends
}

/// Whether the lines ending in a hyphen shown apart from its letters are
/// [`MIN_HYPHENS_APART`] or more, and three times as many as those ending in one shown
/// with them.
fn shows_hyphens_apart(lines: &[TextLine]) -> bool {
    let ending = lines.iter().filter(|l| l.text.ends_with(BREAK_HYPHENS));
    let apart = ending.clone().filter(|l| l.hyphen_apart).count();
    let with_letters = ending.count() - apart;
    apart >= MIN_HYPHENS_APART && apart >= 3 * with_letters
}

/// Whether more of `tokens` are Dutch function words than English ones.
fn writes_dutch(tokens: &[&str]) -> bool {
    const DUTCH: &[&str] = &[
        "de", "het", "een", "van", "en", "niet", "met", "voor", "dat", "die",
    ];
    const ENGLISH: &[&str] = &[
        "the", "of", "and", "to", "not", "with", "for", "that", "this", "a",
    ];
    let (mut dutch, mut english) = (0usize, 0usize);
    for token in tokens {
        let word = token.trim_matches(|c: char| !c.is_alphabetic());
        let is = |list: &[&str]| usize::from(list.iter().any(|w| w.eq_ignore_ascii_case(word)));
        dutch += is(DUTCH);
        english += is(ENGLISH);
    }
    dutch > english
}

/// Words spelled out before an acronym in parentheses: the initials of the last 2 to 8 words
/// before every `(` followed by a capital.
fn spelled_out_initials(tokens: &[&str]) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for (k, token) in tokens.iter().enumerate() {
        if !token.starts_with('(') || !token.chars().nth(1).is_some_and(char::is_uppercase) {
            continue;
        }
        let mut initials: Vec<char> = Vec::new();
        for word in tokens.get(..k).unwrap_or_default().iter().rev().take(8) {
            let Some(first) = word.chars().next().filter(|c| c.is_alphabetic()) else {
                break;
            };
            initials.extend(first.to_uppercase());
            if initials.len() >= 2 {
                out.insert(initials.iter().rev().collect());
            }
        }
    }
    out
}

/// Dutch spelling writes compounds as one word, except (Woordenlijst, "koppelteken"): after
/// certain prefixes (`niet-`, `oud-`), between two adjectives (`juridisch-ethisch`,
/// `politiek-strategisch`), where vowels would be read as one sound (`zee-egel`,
/// `auto-ongeluk`, `geo-economisch`), and in words that already carry a hyphen (`vis-a-vis`:
/// TeX breaks those only at it), unless the break parts two Dutch words there
/// (`NAVO-capaciteiten-` / `doelstellingen`: a writer hyphenates after the acronym only,
/// and word processors break inside such words).
fn is_real_compound_hyphen(left: &str, right: &str) -> bool {
    let last_part = left.rsplit('-').next().unwrap_or(left).to_lowercase();
    if HYPHEN_PREFIXES.contains(&last_part.as_str()) || right.contains('-') {
        return true;
    }
    if left.contains('-') && !dictionary::are_dutch_words(&last_part, right) {
        return true;
    }
    if last_part.chars().count() >= 6 && ADJECTIVE_ENDINGS.iter().any(|e| last_part.ends_with(e)) {
        return true;
    }
    let left_last = last_part.chars().last();
    let right_first = right.chars().next().map(|c| c.to_ascii_lowercase());
    matches!((left_last, right_first), (Some(a), Some(b)) if VOWEL_CLASHES.iter().any(|p| p == &[a, b]))
}

/// A vowel ending a compound's first part and one opening its second that Dutch would read
/// as one sound, so that the Woordenlijst puts a hyphen between them ("klinkerbotsing").
const VOWEL_CLASHES: &[[char; 2]] = &[
    ['a', 'a'],
    ['a', 'e'],
    ['a', 'i'],
    ['a', 'u'],
    ['e', 'e'],
    ['e', 'i'],
    ['e', 'u'],
    ['i', 'e'],
    ['i', 'i'],
    ['o', 'e'],
    ['o', 'i'],
    ['o', 'o'],
    ['o', 'u'],
    ['u', 'i'],
    ['u', 'u'],
];

/// The word lists' verdict on a break `left-` / `right` between lower-case letters (the
/// first half may open with a capital, `Neder-` / `landse`; only the last part of a word
/// that already has a hyphen counts, `politiek-strate-` / `gisch`).
fn lists_say(left: &str, right: &str) -> Option<Verdict> {
    let left = left.rsplit('-').next().unwrap_or(left);
    let left = left.trim_matches(|c: char| !c.is_alphanumeric());
    let right = right.split('-').next().unwrap_or(right);
    let right = right.trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut left_rest = left.chars();
    let opens_word = left_rest.next().is_some_and(char::is_alphabetic);
    let lower = |mut t: std::str::Chars| t.all(char::is_lowercase);
    if !opens_word || !lower(left_rest) || right.is_empty() || !lower(right.chars()) {
        return None;
    }
    dictionary::judge(left, right)
}

/// Endings of the first adjective in a coordinated pair (`sociaal-economisch`).
const ADJECTIVE_ENDINGS: &[&str] = &["isch", "iek", "aal", "eel", "ief", "air"];

/// A break `left-` / `right` inside a lower-case word that Dutch spelling writes whole (not
/// a suspended compound, not one of the compounds that keep their hyphen).
fn is_plain_break(left: &str, right: &str) -> bool {
    let right = right.trim_end_matches(|c: char| !c.is_alphanumeric());
    let lower = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_lowercase());
    lower(left)
        && lower(right)
        && !SUSPENSION_WORDS.contains(&right)
        && !is_real_compound_hyphen(left, right)
}

/// How two lines meet at a line-final hyphen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    KeepHyphen,
    KeepHyphenAndSpace,
    RemoveHyphen,
}

/// The line a word broken at the end of line `at` runs on in: the next one in its type,
/// past page furniture and smaller type (the notes at a page's foot between a word's two
/// halves), within a few lines.
fn continuation(lines: &[TextLine], at: usize) -> Option<&TextLine> {
    let line = lines.get(at)?;
    if !line.text.trim_end().ends_with(LINE_HYPHENS) {
        return None;
    }
    lines
        .iter()
        .skip(at + 1)
        .take(CONTINUATION_REACH)
        .find(|l| !l.role.is_furniture() && l.size >= NOTE_TYPE * line.size)
}

/// Lines looked through for a broken word's second half.
const CONTINUATION_REACH: usize = 12;

/// Type smaller than this share of a line's is another kind of text (a note).
const NOTE_TYPE: f32 = 0.9;

/// The hyphens a line can end in: the hyphen-minus, and U+2010 HYPHEN, which CSS
/// typesetters (WeasyPrint, browsers) draw where they hyphenate a word.
const LINE_HYPHENS: [char; 2] = ['-', '\u{2010}'];

/// A line's last word ending in one of these broke a word (or wrote a hyphen).
pub(crate) const BREAK_HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{AD}'];

/// A line ending in a word hyphen (`NAVO-`, not a free-standing dash): the word before the
/// hyphen and the next line's first word.
fn hyphen_break<'a>(line: &'a str, next: &'a str) -> Option<(&'a str, &'a str)> {
    let last = line.split_whitespace().next_back()?;
    let left = last.strip_suffix(LINE_HYPHENS)?;
    // A word, possibly closed by a quote or bracket (`‘NAVO2030’-`); not a free dash.
    let core = left.trim_end_matches(['’', '”', '\'', '"', ')']);
    if !core.chars().last().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some((left, next.split_whitespace().next()?))
}

/// A line ending in a word with a slash, the next opening with a letter or digit
/// (`EU/` / `NAVO-samenwerking`, `en/` / `of`): typesetters break after a slash, writers
/// do not put a space there.
fn broken_after_slash(line: &str, next: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or_default();
    last.strip_suffix('/')
        .is_some_and(|word| word.chars().last().is_some_and(char::is_alphanumeric))
        && next.chars().next().is_some_and(char::is_alphanumeric)
}

/// Lowercase, surrounding punctuation removed.
fn clean(token: &str) -> String {
    trim_word(token).to_lowercase()
}

fn trim_word(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// Adds `clean(token)` to `words`, and the words a compound or quotation joins in it
/// (`‘NAVO2030’-proces` writes `navo2030`); a word already lowercase and already there
/// costs no new `String`.
fn insert_clean(words: &mut FxHashSet<String>, token: &str) {
    let word = trim_word(token);
    insert_lowercase(words, word);
    // A hyphen, slash or quote inside (`‘` and `’` open with byte 0xE2, as dashes do).
    if word
        .bytes()
        .any(|b| matches!(b, b'-' | b'/' | b'\'' | 0xE2))
    {
        for part in word.split(|c: char| !c.is_alphanumeric()) {
            if part.chars().nth(1).is_some() {
                insert_lowercase(words, part);
            }
        }
    }
}

/// Adds `word` lowercased; one already lowercase and already there costs no new `String`.
fn insert_lowercase(words: &mut FxHashSet<String>, word: &str) {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        if !words.contains(word) {
            words.insert(word.to_string());
        }
    } else {
        words.insert(word.to_lowercase());
    }
}

/// What goes between a line and the next in running text.
enum Seam {
    None,
    Space,
    /// The line's final hyphen goes, and no space.
    DropHyphen,
}

/// How `line` and the `next` go together; `with_letters`: `line`'s final hyphen is shown
/// with its word's letters where the document shows its hyphenation apart, so it stays.
fn seam(line: &str, next: &str, with_letters: bool, lexicon: &Lexicon) -> Seam {
    let broken = hyphen_break(line, next);
    if lexicon.marks_breaks && broken.is_some() && line.trim_end().ends_with('\u{2010}') {
        return Seam::DropHyphen;
    }
    match broken.map(|(l, r)| lexicon.decide(l, r)) {
        Some(Join::KeepHyphen) => Seam::None,
        Some(Join::RemoveHyphen) if with_letters => Seam::None,
        Some(Join::RemoveHyphen) => Seam::DropHyphen,
        None if broken_after_slash(line, next) => Seam::None,
        Some(Join::KeepHyphenAndSpace) | None => Seam::Space,
    }
}

/// Appends `next`, a line of running text, to `text`, which ends with the line before it
/// (a field's value that wraps, `Betreft` with a long subject).
pub fn push_line(text: &mut String, next: &str, lexicon: &Lexicon) {
    if !text.is_empty() {
        match seam(text, next, false, lexicon) {
            Seam::None => {}
            Seam::DropHyphen => {
                text.pop();
            }
            Seam::Space => text.push(' '),
        }
    }
    text.push_str(next);
}

/// The running text of consecutive lines.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a TextLine>, lexicon: &Lexicon) -> String {
    join_with_offsets(lines, lexicon).0
}

/// The running text of consecutive lines, and the character offset where each line starts in it.
pub fn join_with_offsets<'a>(
    lines: impl IntoIterator<Item = &'a TextLine>,
    lexicon: &Lexicon,
) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut starts = Vec::new();
    let mut previous: Option<&TextLine> = None;
    for line in lines {
        match previous {
            None => {}
            Some(prev) if prev.soft_hyphen => {}
            Some(prev) => match seam(
                &prev.text,
                &line.text,
                lexicon.hyphens_apart && !prev.hyphen_apart,
                lexicon,
            ) {
                Seam::None => {}
                Seam::DropHyphen => {
                    text.pop();
                    chars -= 1;
                }
                Seam::Space => {
                    text.push(' ');
                    chars += 1;
                }
            },
        }
        starts.push(chars);
        text.push_str(&line.text);
        chars += line.text.chars().count();
        previous = Some(line);
    }
    (text, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> TextLine {
        TextLine::plain(1, 0, text)
    }

    /// Lines of these texts, and the lexicon the document's words make of them.
    fn read(texts: &[&str]) -> (Vec<TextLine>, Lexicon) {
        let lines: Vec<TextLine> = texts.iter().copied().map(line).collect();
        let lexicon = Lexicon::new(&lines);
        (lines, lexicon)
    }

    fn joined(a: &str, b: &str, hyphenates: bool) -> String {
        let lexicon = Lexicon {
            hyphenates,
            ..Lexicon::default()
        };
        join_lines([&line(a), &line(b)], &lexicon)
    }

    /// English hyphenates a word and an `-ing` form (`burden-sharing`); Dutch writes them
    /// whole. In a hyphenating Dutch document the break is the typesetter's, wherever it
    /// falls; in an English one the hyphen stays.
    #[test]
    fn english_gerund_compounds_are_whole_in_dutch_and_hyphenated_in_english() {
        let dutch = [
            "het is niet de taak van een bondgenoot om de",
            "afspraken over burden-",
            "sharing te vergeten en de lasten",
        ];
        let (lines, mut lexicon) = read(&dutch);
        lexicon.hyphenates = true;
        assert_eq!(
            join_lines(&lines[1..], &lexicon),
            "afspraken over burdensharing te vergeten en de lasten"
        );
        let broken_elsewhere = [
            "het is niet de taak van een bondgenoot om de",
            "afspraken over burdens-",
            "haring te vergeten en de lasten",
        ];
        let (lines, mut lexicon) = read(&broken_elsewhere);
        lexicon.hyphenates = true;
        assert_eq!(
            join_lines(&lines[1..], &lexicon),
            "afspraken over burdensharing te vergeten en de lasten"
        );
        let english = [
            "it is not the task of an ally to forget the",
            "rules of burden-",
            "sharing and the costs of that",
        ];
        let (lines, mut lexicon) = read(&english);
        lexicon.hyphenates = true;
        assert_eq!(
            join_lines(&lines[1..], &lexicon),
            "rules of burden-sharing and the costs of that"
        );
    }

    #[test]
    fn real_hyphens_stay() {
        assert_eq!(
            joined("dialoog in de NAVO-", "Rusland Raad", true),
            "dialoog in de NAVO-Rusland Raad"
        );
        assert_eq!(
            joined("zowel statelijke als niet-", "statelijke actoren", true),
            "zowel statelijke als niet-statelijke actoren"
        );
        assert_eq!(
            joined("Nieuw-Zeeland, Zuid-", "Korea, Japan", true),
            "Nieuw-Zeeland, Zuid-Korea, Japan"
        );
        assert_eq!(
            joined("inzetten op EU/NAVO-", "samenwerking.", true),
            "inzetten op EU/NAVO-samenwerking."
        );
    }

    #[test]
    fn suspended_compounds_keep_their_space() {
        assert_eq!(
            joined("De staatshoofden van de NAVO-", "en EU-lidstaten", false),
            "De staatshoofden van de NAVO- en EU-lidstaten"
        );
        assert_eq!(
            joined(
                "onderzoek, technologie-",
                "en capaciteitenontwikkeling",
                true
            ),
            "onderzoek, technologie- en capaciteitenontwikkeling"
        );
    }

    #[test]
    fn typesetter_breaks_are_joined_when_the_document_hyphenates() {
        assert_eq!(
            joined("het partner-", "schapsbeleid van", true),
            "het partnerschapsbeleid van"
        );
        // The lists know `partnerschap` and `beleid`: joined wherever it stands.
        assert_eq!(
            joined("het partner-", "schapsbeleid van", false),
            "het partnerschapsbeleid van"
        );
        // Halves that are no words, of no compound the lists know: joined only where the
        // document hyphenates.
        assert_eq!(
            joined("het kwazi-", "brolt van", true),
            "het kwazibrolt van"
        );
        assert_eq!(
            joined("het kwazi-", "brolt van", false),
            "het kwazi-brolt van"
        );
    }

    /// Dutch spelling: a hyphen where two vowels would be read as one sound, even where
    /// the lists do not know the compound; none inside a compound of two Dutch words after
    /// an acronym's hyphen (a word processor's break there).
    #[test]
    fn dutch_compound_hyphens_where_the_lists_do_not_say() {
        assert_eq!(
            joined("op geopolitiek, geo-", "economisch en", true),
            "op geopolitiek, geo-economisch en"
        );
        assert_eq!(
            joined("de NAVO-capaciteiten-", "doelstellingen. Voor", true),
            "de NAVO-capaciteitendoelstellingen. Voor"
        );
        // Not where the last part is no word of the list (TeX breaks only at the hyphen).
        assert_eq!(
            joined("de NAVO-kwazi-", "doelstellingen. Voor", true),
            "de NAVO-kwazi-doelstellingen. Voor"
        );
    }

    /// A word the document writes only inside a compound or quotation is a word it writes.
    #[test]
    fn words_inside_compounds_are_the_documents_words() {
        let (lines, lexicon) = read(&[
            "het ‘NAVO2030’-proces loopt,",
            "in het kader van NA-",
            "VO2030 - een advies",
        ]);
        let lexicon = Lexicon {
            hyphenates: true,
            ..lexicon
        };
        assert_eq!(
            join_lines(lines.get(1..).unwrap_or_default(), &lexicon),
            "in het kader van NAVO2030 - een advies"
        );
    }

    #[test]
    fn the_documents_words_decide() {
        let (lines, lexicon) = read(&[
            "een goede samenwerking is",
            "de samen-",
            "werking met de EU",
        ]);
        assert!(lexicon.hyphenates);
        assert_eq!(
            join_lines(&lines[1..], &lexicon),
            "de samenwerking met de EU"
        );
    }

    #[test]
    fn words_closing_or_opening_a_line_are_witnesses_too() {
        let (lines, lexicon) = read(&[
            "De Raad doet drie aanbevelingen:",
            "Ik neem de aan-",
            "bevelingen daarom over.",
            "werking is goed",
        ]);
        assert!(lexicon.hyphenates);
        assert_eq!(
            join_lines(&lines[1..3], &lexicon),
            "Ik neem de aanbevelingen daarom over."
        );
        // The first word after a broken line is no witness (`bevelingen`), one after a
        // whole line is (`werking`).
        assert!(!lexicon.words.contains("bevelingen"));
        assert!(lexicon.words.contains("werking"));
    }

    #[test]
    fn capitals_broken_where_the_document_writes_them_whole() {
        let (lines, lexicon) = read(&[
            "de SGNAVO sprak en de samenwerking",
            "de samen-",
            "werking van de SG-",
            "NAVO met de NAVO-",
            "Rusland Raad",
        ]);
        assert_eq!(
            join_lines(&lines[1..], &lexicon),
            "de samenwerking van de SGNAVO met de NAVO-Rusland Raad"
        );
    }

    #[test]
    fn syllable_prefixes_in_a_hyphenating_document() {
        let lexicon = Lexicon {
            hyphenates: true,
            words: ["partner".to_string()].into_iter().collect(),
            ..Lexicon::default()
        };
        assert_eq!(lexicon.decide("ex", "plicieter"), Join::RemoveHyphen);
        assert_eq!(lexicon.decide("ex", "partner"), Join::KeepHyphen);
        assert_eq!(lexicon.decide("niet", "statelijke"), Join::KeepHyphen);
        // A document that does not hyphenate: the word lists know `explicieter`, and
        // `plicieter` is no word, so no writer's hyphen stands there.
        let plain = Lexicon::default();
        assert_eq!(plain.decide("ex", "plicieter"), Join::RemoveHyphen);
        assert_eq!(plain.decide("ex", "partner"), Join::KeepHyphen);
    }

    #[test]
    fn the_word_lists_decide_where_the_document_does_not() {
        let plain = Lexicon::default();
        assert_eq!(plain.decide("ges", "prek"), Join::RemoveHyphen);
        assert_eq!(plain.decide("Neder", "landse"), Join::RemoveHyphen);
        assert_eq!(plain.decide("politiek-strate", "gisch"), Join::RemoveHyphen);
        assert_eq!(plain.decide("Lati", "jns-Amerika"), Join::RemoveHyphen);
        assert_eq!(plain.decide("high", "level"), Join::KeepHyphen);
        assert_eq!(plain.decide("secretaris", "generaal"), Join::KeepHyphen);
        // Two words written whole: a typesetter's break, unless the writer hyphenates such
        // compounds inside lines too and the document shows no typesetter's breaks.
        assert_eq!(plain.decide("voor", "komt"), Join::RemoveHyphen);
        let writer = Lexicon {
            hyphenates_compounds: OnceCell::from(true),
            ..Lexicon::default()
        };
        assert_eq!(writer.decide("voor", "komt"), Join::KeepHyphen);
        let hyphenating = Lexicon {
            hyphenates: true,
            hyphenates_compounds: OnceCell::from(true),
            ..Lexicon::default()
        };
        assert_eq!(hyphenating.decide("voor", "komt"), Join::RemoveHyphen);
        let (_, lexicon) = read(&["de brandstof-leverancier en de", "rest"]);
        assert!(lexicon.hyphenates_compounds());
        assert_eq!(hyphenating.decide("high", "level"), Join::KeepHyphen);
        // One break inside a word is evidence enough that the document hyphenates.
        let (_, lexicon) = read(&["een ges-", "prek van een uur"]);
        assert!(lexicon.hyphenates);
    }

    #[test]
    fn a_typesetters_break_inside_a_hyphenated_or_quoted_compound() {
        // A compound the lists lack (`proliferatie` and `verdrag`), broken inside its
        // first word, in a word that carries a hyphen already.
        assert_eq!(
            Lexicon::default().decide("Non-Prolifera", "tieverdrag"),
            Join::RemoveHyphen
        );
        assert_eq!(
            Lexicon::default().decide("NAVO-capa", "citeitendoelstellingen."),
            Join::RemoveHyphen
        );
        // Capitals, where the lists know the word whole.
        assert_eq!(
            Lexicon::default().decide("CO", "VID-19"),
            Join::RemoveHyphen
        );
        assert_eq!(
            Lexicon::default().decide("NAVO", "Rusland"),
            Join::KeepHyphen
        );
        // The document writes the broken word alone elsewhere (`NAVO2030`): the quotes and
        // the hyphen after it do not hide it.
        let (lines, lexicon) = read(&[
            "het kader van NAVO2030 een ges-",
            "prek in het ‘NA-",
            "VO2030’-proces en",
        ]);
        assert_eq!(
            join_lines(&lines, &lexicon),
            "het kader van NAVO2030 een gesprek in het ‘NAVO2030’-proces en"
        );
    }

    #[test]
    fn an_acronym_spelled_out_before_it_is_joined() {
        let lines = [
            line("Het Joint Comprehensive Plan of Action (JC-"),
            line("POA). De Verenigde Staten (VS-"),
            line("Rusland Raad) en de NAVO-"),
            line("Rusland Raad"),
        ];
        let lexicon = Lexicon::new(&lines);
        assert_eq!(
            join_lines(&lines[..2], &lexicon),
            "Het Joint Comprehensive Plan of Action (JCPOA). De Verenigde Staten (VS-"
        );
        // Capitals that are no spelled-out acronym keep their hyphen.
        assert_eq!(lexicon.decide("(VS", "Rusland"), Join::KeepHyphen);
        assert_eq!(lexicon.decide("NAVO", "Rusland"), Join::KeepHyphen);
    }

    #[test]
    fn breaks_after_a_slash_are_joined() {
        let (lines, lexicon) = read(&["de EU/", "NAVO-samenwerking en/", "of een / ", "ander"]);
        assert_eq!(
            join_lines(&lines, &lexicon),
            "de EU/NAVO-samenwerking en/of een / ander"
        );
    }

    #[test]
    fn u2010_at_line_ends_only_marks_breaks() {
        // A CSS typesetter's hyphen (U+2010), nowhere inside a line: every one a break,
        // even before a conjunction (`groei‐` / `en.`, `voortvloei‐` / `en uit`).
        let (lines, lexicon) = read(&[
            "de samenwerking van onderaf te laten groei\u{2010}",
            "en. Dreigingen die voortvloei\u{2010}",
            "en uit pandemieën, en NAVO-",
            "landen",
        ]);
        assert_eq!(
            join_lines(&lines, &lexicon),
            "de samenwerking van onderaf te laten groeien. Dreigingen die voortvloeien uit \
             pandemieën, en NAVO-landen"
        );
        // Where the document writes U+2010 inside a line too, its line-final ones are
        // judged as hyphens are: a suspended compound keeps it.
        let (lines, lexicon) = read(&["de land\u{2010}", "en tuinbouw en de NAVO\u{2010}landen"]);
        assert!(!lexicon.marks_breaks);
        assert_eq!(
            join_lines(&lines, &lexicon),
            "de land\u{2010} en tuinbouw en de NAVO\u{2010}landen"
        );
    }

    #[test]
    fn suspension_needs_the_conjunction_to_go_on() {
        assert_eq!(joined("de in-", "en uitvoer", true), "de in- en uitvoer");
        // Punctuation after the conjunction: no compound follows it.
        assert_eq!(
            joined("laten groei-", "en. Voor", true),
            "laten groeien. Voor"
        );
    }

    /// LibreOffice shows the hyphens of its hyphenation apart from their words, a word's
    /// own hyphens with its letters: where lines end in three or more hyphens shown apart,
    /// a line-final hyphen shown with its letters stays (`landen-neutraal`, which Dutch
    /// spelling and the lists write whole), and those shown apart go.
    #[test]
    fn hyphens_shown_with_their_letters_stay_where_hyphenation_is_shown_apart() {
        let texts = [
            "de reflectie-",
            "groep stelt dat het funda-",
            "ment een eenheid van landen-",
            "neutraal beleid is, aldus het rap-",
            "port. De aanbeve-",
            "lingen van de ver-",
            "gadering zijn dui-",
            "delijk.",
        ];
        let mut lines: Vec<TextLine> = texts.iter().copied().map(line).collect();
        for (i, l) in lines.iter_mut().enumerate() {
            l.hyphen_apart = i != 2 && i != 7;
        }
        let lexicon = Lexicon::new(&lines);
        assert!(lexicon.hyphens_apart);
        assert_eq!(
            join_lines(&lines, &lexicon),
            "de reflectiegroep stelt dat het fundament een eenheid van landen-neutraal beleid is, \
             aldus het rapport. De aanbevelingen van de vergadering zijn duidelijk."
        );
        // Four such lines say nothing about the typesetter (chance cuts as many words into
        // runs before their hyphens): the lists decide.
        let few: Vec<TextLine> = lines.iter().skip(2).cloned().collect();
        let lexicon = Lexicon::new(&few);
        assert!(!lexicon.hyphens_apart);
        assert!(join_lines(&few, &lexicon).contains("landenneutraal"));
    }

    #[test]
    fn dashes_and_soft_hyphens() {
        assert_eq!(
            joined("een voorsprong -", "cruciaal is", true),
            "een voorsprong - cruciaal is"
        );
        let mut a = line("de be");
        a.soft_hyphen = true;
        assert_eq!(
            join_lines([&a, &line("langrijkste")], &Lexicon::default()),
            "de belangrijkste"
        );
    }
}
