//! A face whose glyphs the file names almost none of, read as a substitution cipher.
//!
//! A font program with its maps stripped (a subset that numbers its glyphs in the order of
//! use, printed again through PostScript, or written without `cmap` and `post`) gives
//! codes and no text: every tool prints U+FFFD or letters shifted by the subset's
//! numbering. Each code still stands for one character wherever it is drawn, so the
//! face's words are a substitution cipher of Dutch, and thousands of words decide it.
//!
//! In turn:
//! 1. lower-case letters, by a letter model of the Dutch word list (letter triples, word
//!    boundaries included), by coordinate ascent and swaps from the order of letter
//!    frequencies, one code per letter (a code never drawn after a lower-case letter inside
//!    a word is a capital's, and waits); a code for no letter (a sign, a digit, an accented
//!    letter) parts the word as a boundary does;
//! 2. ligatures: a code read as a letter whose words the lists read by a ligature instead
//!    (`re?ectiegroep`);
//! 3. capitals (and letters left), each by the words where it is the one code unread;
//! 4. the hyphen (between two listed words), the full stop and the comma (at words' ends,
//!    before a capital or a lower-case letter).
//!
//! A reading is kept only where the lists write most of the words it reads whole; digits
//! and the other signs, which no list tells, stay unread.

use std::collections::BTreeMap;

use super::dictionary;
use super::letter_model::{SYMBOLS, index, symbol};
use super::ligatures::LIGATURES;

/// A character of a word of the face: a code the file names nothing for, or a known one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sym {
    Code(u32),
    Known(char),
}

/// What each code reads as.
pub type Reading = BTreeMap<u32, String>;

/// A face's words worth solving: at least this many characters named by nothing …
const MIN_UNNAMED: usize = 200;
/// … and this share of its characters.
const MIN_UNNAMED_SHARE: f32 = 0.5;

/// A reading is kept where the lists write, of the words it reads wholly as letters (three
/// or more), this share of those drawn …
const MIN_LISTED_DRAWN: f32 = 0.85;
/// … and this share of the distinct ones (frequent short words make the first easy) …
const MIN_LISTED_DISTINCT: f32 = 0.75;
/// … and at least this many distinct words. (The sweep's faces whose words are all
/// unnamed: 0.95 and 0.90 or more where the reading is right, 0.77 and 0.60 or less where
/// a bold face's few headings are read wrongly.)
const MIN_LISTED_WORDS: usize = 30;

/// The lower-case letters alone (before ligatures and capitals are read) must read words
/// the lists write in this share of those drawn, at least. (The sweep's faces read right:
/// 0.91 to 0.97; the corpus's faces of other scripts or languages: 0.05 or less.)
const MIN_LOWER_CASE_LISTED_DRAWN: f32 = 0.5;

/// Characters of a word drawn, on average, at most: running Dutch averages about six (the
/// sweep's faces: 5.7 to 6.0). Text averaging more holds words its spaces did not part.
const MAX_MEAN_WORD_LENGTH: f32 = 10.0;

/// Classes a code may be read as: 0 no letter (a boundary), 1–26 `a`–`z`.
const CLASSES: usize = 27;
const NO_LETTER: u8 = 0;

/// What a code read as no letter costs, against the letters' log probabilities: as rare
/// as a character that is no letter is in running text.
const NO_LETTER_COST: f32 = -4.0;

/// Letters of Dutch by their frequency in running text.
const FREQUENCY_ORDER: &[u8] = b"enatirodslgvhkmubpwjzcfxyq";

/// Distinct words a code's reading must make, at least, where it had none.
const MIN_VOTES: usize = 2;

/// Distinct words (or places) a sign's reading needs, at least.
const MIN_SIGN_WORDS: usize = 3;

/// A full stop is followed by a capital at least this share of the times …
const FULL_STOP_CAPITALS: f32 = 0.6;
/// … a comma at most this share.
const COMMA_CAPITALS: f32 = 0.2;

/// Stands for the code being read in a word.
const MARK: char = '\u{FFFC}';

/// Codes a face may have to be read: letters in both cases, digits, signs and accented
/// letters are fewer (a CJK font's thousands of glyphs are no cipher of Dutch).
const MAX_CODES: usize = 200;

/// Distinct words read at most, those drawn most (the time the ascent takes grows with
/// them; a letter's words are far fewer).
const MAX_WORDS: usize = 3000;

/// Rounds of coordinate ascent at most.
const MAX_ROUNDS: usize = 12;

/// Reads the face's codes as letters, where the words say so plainly: code → text.
/// `running` holds the face's words in reading order, an empty one where a word of
/// another face comes between.
pub fn solve(running: &[Vec<Sym>]) -> Option<Reading> {
    let (unnamed, total) = (running.iter().flatten()).fold((0, 0), |(u, t), s| {
        (u + usize::from(matches!(s, Sym::Code(_))), t + 1)
    });
    if unnamed < MIN_UNNAMED || (unnamed as f32) < MIN_UNNAMED_SHARE * total as f32 {
        return None;
    }
    // Words glued together, where the face's word spaces were not found: no list writes
    // them, so no reading could be kept.
    let drawn = running.iter().filter(|w| !w.is_empty()).count();
    if total as f32 > MAX_MEAN_WORD_LENGTH * drawn as f32 {
        return None;
    }
    let cipher = Cipher::new(running);
    // Too few words that a reading could list: none could be kept, so none is sought.
    if cipher.codes.len() > MAX_CODES || cipher.listable_words() < MIN_LISTED_WORDS {
        return None;
    }
    // Built once per process, for the first face that needs it.
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    let model = MODEL.get_or_init(Model::of_dutch);
    let classes = cipher.ascend(model);
    let mut reading = cipher.letters(&classes);
    // Ligatures and capitals only add to what the lower-case letters read: where the lists
    // write few of those words, no reading of the face is Dutch, and none is sought further.
    if cipher.listed(&reading).drawn < MIN_LOWER_CASE_LISTED_DRAWN {
        return None;
    }
    cipher.recheck_letters(&mut reading);
    cipher.read_capitals(&mut reading);
    let listed = cipher.listed(&reading);
    cipher.read_signs(&mut reading);
    (listed.words >= MIN_LISTED_WORDS
        && listed.drawn >= MIN_LISTED_DRAWN
        && listed.distinct >= MIN_LISTED_DISTINCT)
        .then_some(reading)
}

/// Letter-triple log probabilities of the Dutch list's words.
struct Model {
    log_p: Vec<f32>,
}

/// The Dutch list's letter-triple counts, as the build script counted them (`SYMBOLS³`
/// little-endian `u32`s).
static DUTCH_TRIPLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/nl_triples.bin"));

impl Model {
    fn of_dutch() -> Model {
        let counts: Vec<u32> = DUTCH_TRIPLES
            .chunks_exact(4)
            .map(|b| <[u8; 4]>::try_from(b).map_or(0, u32::from_le_bytes))
            .collect();
        let mut log_p = vec![0.0; SYMBOLS * SYMBOLS * SYMBOLS];
        for ab in 0..SYMBOLS * SYMBOLS {
            let row = ab * SYMBOLS..(ab + 1) * SYMBOLS;
            let sum: u32 = counts.get(row.clone()).map_or(0, |r| r.iter().sum());
            let total = sum as f32 + 0.1 * SYMBOLS as f32;
            for k in row {
                if let (Some(p), Some(&n)) = (log_p.get_mut(k), counts.get(k)) {
                    *p = ((n as f32 + 0.1) / total).ln();
                }
            }
        }
        Model { log_p }
    }

    fn at(&self, a: usize, b: usize, c: usize) -> f32 {
        self.log_p.get(index(a, b, c)).copied().unwrap_or(-20.0)
    }
}

/// The face's distinct words as symbols, the codes numbered densely.
struct Cipher {
    /// Each word: its characters (a code as its number, a known character as the
    /// model's symbol, offset past the codes) and how often it is drawn.
    words: Vec<(Vec<usize>, f32)>,
    /// The face's words in reading order (indices into `words`), `None` where another
    /// word comes between.
    sequence: Vec<Option<usize>>,
    /// The codes by number.
    codes: Vec<u32>,
    /// For each code, the words that hold it.
    holders: Vec<Vec<usize>>,
    /// How often each code is drawn, and how often at a word's start.
    drawn: Vec<(usize, usize)>,
    /// Whether each code is a capital's (or a digit's, or a sign's before a word): never
    /// drawn after a lower-case letter inside a word ([`Cipher::capitals`]).
    capital: Vec<bool>,
}

/// The classes of the ascent, and each word's score under them (kept so that a trial is
/// compared with the words' scores without scoring them again).
struct Ascent {
    classes: Vec<u8>,
    scores: Vec<f32>,
}

impl Ascent {
    /// The score of `words` under the classes: the sum of their kept scores, in order.
    fn score_of(&self, words: &[usize]) -> f32 {
        words
            .iter()
            .map(|&w| self.scores.get(w).copied().unwrap_or(0.0))
            .sum()
    }

    /// Scores `words` again after their codes' classes changed.
    fn rescore(&mut self, cipher: &Cipher, words: &[usize], model: &Model) {
        for &w in words {
            if let Some(slot) = self.scores.get_mut(w) {
                *slot = cipher.word_score(w, &self.classes, model);
            }
        }
    }
}

impl Cipher {
    fn new(running: &[Vec<Sym>]) -> Cipher {
        let mut distinct: BTreeMap<&[Sym], usize> = BTreeMap::new();
        for word in running.iter().filter(|w| !w.is_empty()) {
            *distinct.entry(word).or_default() += 1;
        }
        let mut words: Vec<(&[Sym], usize)> = distinct.into_iter().collect();
        if words.len() > MAX_WORDS {
            // The words drawn most tell the letters; the rest would only cost time.
            words.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
            words.truncate(MAX_WORDS);
            words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        }
        let sequence = (running.iter())
            .map(|w| words.binary_search_by(|(d, _)| (*d).cmp(w.as_slice())).ok())
            .collect();
        let mut codes: Vec<u32> = (words.iter())
            .flat_map(|(w, _)| w.iter())
            .filter_map(|s| match s {
                Sym::Code(c) => Some(*c),
                Sym::Known(_) => None,
            })
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let number = |c: u32| codes.binary_search(&c).unwrap_or(0);
        let mut holders = vec![Vec::new(); codes.len()];
        let mut drawn = vec![(0, 0); codes.len()];
        let mut out = Vec::with_capacity(words.len());
        for (w, &(syms, n)) in words.iter().enumerate() {
            let chars: Vec<usize> = (syms.iter())
                .map(|s| match *s {
                    Sym::Code(c) => number(c),
                    Sym::Known(c) => codes.len() + symbol(c.to_lowercase().next().unwrap_or(c)),
                })
                .collect();
            for (k, &ch) in chars.iter().enumerate() {
                if let (Some(h), Some(d)) = (holders.get_mut(ch), drawn.get_mut(ch)) {
                    if h.last() != Some(&w) {
                        h.push(w);
                    }
                    d.0 += n;
                    if k == 0 {
                        d.1 += n;
                    }
                }
            }
            out.push((chars, n as f32));
        }
        let mut cipher = Cipher {
            words: out,
            sequence,
            codes,
            holders,
            drawn,
            capital: Vec::new(),
        };
        cipher.capital = cipher.capitals();
        cipher
    }

    /// The most distinct words a reading could list ([`Cipher::listed`]): words of codes
    /// alone, three letters or more. A code reads as one letter or sign, or as a ligature;
    /// so a word of one code counts only as a ligature of three letters, and no two such
    /// words read alike.
    fn listable_words(&self) -> usize {
        let (mut one, mut more) = (0, 0);
        for (chars, _) in &self.words {
            if chars.iter().all(|&ch| ch < self.codes.len()) {
                if chars.len() == 1 {
                    one += 1;
                } else {
                    more += 1;
                }
            }
        }
        more + one.min(LIGATURES.iter().filter(|l| l.len() >= 3).count())
    }

    /// Codes never drawn after a lower-case letter inside a word: capitals. The lower-case
    /// letters are found from the code drawn most (a lower-case letter in any text): a
    /// code drawn after one of them, twice or in a tenth of its places, is one too (or a
    /// sign closing a word, which is read as no letter either way).
    fn capitals(&self) -> Vec<bool> {
        let count = self.codes.len();
        let mut lower = vec![false; count];
        let most = (0..count).max_by_key(|&c| self.drawn.get(c).map_or(0, |d| d.0));
        let Some(most) = most else {
            return Vec::new();
        };
        set_flag(&mut lower, most);
        loop {
            let mut after_lower = vec![0.0f32; count];
            for (chars, n) in &self.words {
                for pair in chars.windows(2) {
                    if let [a, b] = *pair
                        && lower.get(a) == Some(&true)
                        && let Some(k) = after_lower.get_mut(b)
                    {
                        *k += n;
                    }
                }
            }
            let mut grew = false;
            for c in 0..count {
                let drawn = self.drawn.get(c).map_or(0, |d| d.0) as f32;
                let after = after_lower.get(c).copied().unwrap_or(0.0);
                if lower.get(c) == Some(&false) && (after >= 2.0 || after >= 0.1 * drawn) {
                    set_flag(&mut lower, c);
                    grew = true;
                }
            }
            if !grew {
                return lower.iter().map(|&l| !l).collect();
            }
        }
    }

    /// Whether `class` may go to `code`: no letter always, a letter where no other code of
    /// its case has it.
    fn free(&self, code: usize, class: u8, classes: &[u8]) -> bool {
        class == NO_LETTER
            || !(classes.iter().enumerate()).any(|(other, &c)| {
                other != code && c == class && self.capital.get(other) == self.capital.get(code)
            })
    }

    /// The model's symbol of a word's character under `classes`.
    fn symbol_of(&self, ch: usize, classes: &[u8]) -> usize {
        match ch.checked_sub(self.codes.len()) {
            Some(known) => known,
            None => usize::from(classes.get(ch).copied().unwrap_or(NO_LETTER)),
        }
    }

    /// The log probability of word `w` under `classes`, a code for no letter parting it.
    fn word_score(&self, w: usize, classes: &[u8], model: &Model) -> f32 {
        let Some((chars, n)) = self.words.get(w) else {
            return 0.0;
        };
        let (mut a, mut b, mut score) = (0, 0, 0.0);
        for &ch in chars {
            let c = self.symbol_of(ch, classes);
            if c == 0 {
                score += NO_LETTER_COST;
                if b != 0 {
                    score += model.at(a, b, 0);
                }
                (a, b) = (0, 0);
            } else {
                score += model.at(a, b, c);
                (a, b) = (b, c);
            }
        }
        if b != 0 {
            score += model.at(a, b, 0);
        }
        score * n
    }

    /// The score of `words` under `classes` if it is above `floor`: `None` as soon as it
    /// cannot be. Every word scores at most zero (each term is a log probability or
    /// [`NO_LETTER_COST`]), so the sum only falls as words are added, and a sum that has
    /// reached `floor` ends at or below it (rounding is monotonic).
    fn score_above(
        &self,
        words: &[usize],
        classes: &[u8],
        model: &Model,
        floor: f32,
    ) -> Option<f32> {
        let mut sum = 0.0;
        for &w in words {
            sum += self.word_score(w, classes, model);
            if sum <= floor {
                return None;
            }
        }
        Some(sum)
    }

    /// Classes by coordinate ascent: from the frequency order, each code in turn takes the
    /// class that scores its words best, and pairs of codes swap classes where that scores
    /// better, until nothing changes.
    fn ascend(&self, model: &Model) -> Vec<u8> {
        let mut by_frequency: Vec<usize> = (0..self.codes.len()).collect();
        by_frequency.sort_by_key(|&c| std::cmp::Reverse(self.drawn.get(c).map_or(0, |d| d.0)));
        let mut classes = vec![NO_LETTER; self.codes.len()];
        let lower: Vec<usize> = (by_frequency.iter())
            .copied()
            .filter(|&c| self.capital.get(c) == Some(&false))
            .collect();
        for (&code, &letter) in lower.iter().zip(FREQUENCY_ORDER) {
            if let Some(class) = classes.get_mut(code) {
                *class = letter - b'a' + 1;
            }
        }
        let mut ascent = Ascent {
            scores: (0..self.words.len())
                .map(|w| self.word_score(w, &classes, model))
                .collect(),
            classes,
        };
        for _ in 0..MAX_ROUNDS {
            let mut changed = false;
            for &code in &lower {
                changed |= self.best_class(code, &mut ascent, model);
            }
            changed |= self.best_swaps(&lower, &mut ascent, model);
            if !changed {
                break;
            }
        }
        ascent.classes
    }

    /// Gives `code` the class that scores its words best; whether it changed.
    fn best_class(&self, code: usize, ascent: &mut Ascent, model: &Model) -> bool {
        let Some(words) = self.holders.get(code) else {
            return false;
        };
        let old = ascent.classes.get(code).copied().unwrap_or(NO_LETTER);
        let mut best = (ascent.score_of(words), old);
        for class in 0..CLASSES as u8 {
            if class == old || !self.free(code, class, &ascent.classes) {
                continue;
            }
            set(&mut ascent.classes, code, class);
            let floor = best.0 + 1e-3;
            if let Some(score) = self.score_above(words, &ascent.classes, model, floor) {
                best = (score, class);
            }
        }
        set(&mut ascent.classes, code, best.1);
        if best.1 == old {
            return false;
        }
        ascent.rescore(self, words, model);
        true
    }

    /// Swaps the classes of two codes where that scores their words better; whether any did.
    fn best_swaps(&self, codes: &[usize], ascent: &mut Ascent, model: &Model) -> bool {
        let mut changed = false;
        let mut words: Vec<usize> = Vec::new();
        for (k, &x) in codes.iter().enumerate() {
            for &y in codes.iter().skip(k + 1) {
                let (cx, cy) = (
                    ascent.classes.get(x).copied(),
                    ascent.classes.get(y).copied(),
                );
                let (Some(cx), Some(cy)) = (cx, cy) else {
                    continue;
                };
                if cx == cy || self.capital.get(x) != self.capital.get(y) {
                    continue;
                }
                words.clear();
                words.extend(self.holders.get(x).into_iter().flatten());
                words.extend(self.holders.get(y).into_iter().flatten());
                words.sort_unstable();
                words.dedup();
                let floor = ascent.score_of(&words) + 1e-3;
                set(&mut ascent.classes, x, cy);
                set(&mut ascent.classes, y, cx);
                if self
                    .score_above(&words, &ascent.classes, model, floor)
                    .is_some()
                {
                    changed = true;
                    ascent.rescore(self, &words, model);
                } else {
                    set(&mut ascent.classes, x, cx);
                    set(&mut ascent.classes, y, cy);
                }
            }
        }
        changed
    }

    /// Each code read as a letter, in its case.
    fn letters(&self, classes: &[u8]) -> Reading {
        let mut out = BTreeMap::new();
        for (c, &class) in classes.iter().enumerate() {
            if class == NO_LETTER {
                continue;
            }
            let lower = char::from(b'a' + class - 1);
            let capital = self.capital.get(c) == Some(&true);
            if let Some(&code) = self.codes.get(c) {
                let letter = if capital {
                    lower.to_ascii_uppercase()
                } else {
                    lower
                };
                out.insert(code, letter.to_string());
            }
        }
        out
    }

    /// Reads again each code read as a lower-case letter, where a ligature makes listed
    /// words of its words plainly and the letter does not: the letter model reads a
    /// ligature's glyph (`fl`, `ti`) as a letter no other code took (`rexectiegroep`).
    fn recheck_letters(&self, reading: &mut Reading) {
        // Until none changes: a word may hold two ligatures (`re\u{FB02}ec\u{FFFD}egroep`).
        for _ in 0..MAX_ROUNDS {
            if !self.recheck_round(reading) {
                return;
            }
        }
    }

    /// One round of [`Cipher::recheck_letters`]; whether a reading changed.
    fn recheck_round(&self, reading: &mut Reading) -> bool {
        let mut changed = false;
        for (c, &code) in self.codes.iter().enumerate() {
            let Some(letter) = reading.get(&code).cloned() else {
                continue;
            };
            let taken = |l: &str| reading.values().any(|r| r == l);
            let candidates: Vec<String> = std::iter::once(letter.clone())
                .chain(
                    LIGATURES
                        .iter()
                        .filter(|l| !taken(l))
                        .map(|l| (*l).to_string()),
                )
                .collect();
            // Compounds count: a ligature's words are long (`reflectiegroep`); one word
            // tells where the letter makes none.
            if let Some(better) = self.vote(c, reading, &candidates, dictionary::knows, 1)
                && better != letter
            {
                reading.insert(code, better);
                changed = true;
            }
        }
        changed
    }

    /// Reads the codes left, capitals first of all, by the lists: each in the words where
    /// it is the only code not read, as the letter that makes listed words of more than
    /// half of them and of twice as many as any other letter does (words that the
    /// lower-case letters read plainly: `Het`, `Nederland`), in turn until none is read; an
    /// acronym's letters so come one by one. A code drawn after a lower-case letter inside
    /// words is read as a lower-case letter no other code reads, any other as a capital.
    fn read_capitals(&self, reading: &mut Reading) {
        loop {
            let mut newly: Vec<(u32, String)> = Vec::new();
            for (c, &code) in self.codes.iter().enumerate() {
                if reading.contains_key(&code) {
                    continue;
                }
                let lower = self.follows_lower_case(c, reading);
                let taken = |l: &String| {
                    (reading.values().chain(newly.iter().map(|(_, l)| l))).any(|r| r == l)
                };
                let letters: Vec<String> = match lower {
                    true => ('a'..='z')
                        .map(String::from)
                        .filter(|l| !taken(l))
                        .collect(),
                    false => ('A'..='Z')
                        .map(String::from)
                        .filter(|l| !taken(l))
                        .collect(),
                };
                if let Some(letter) = self.vote(c, reading, &letters, dictionary::writes, MIN_VOTES)
                {
                    newly.push((code, letter));
                }
            }
            if newly.is_empty() {
                return;
            }
            reading.extend(newly);
        }
    }

    /// Whether code `c` is drawn after a letter `reading` reads in lower case, inside
    /// words, twice or in a tenth of its places.
    fn follows_lower_case(&self, c: usize, reading: &Reading) -> bool {
        let is_lower = |ch: usize| {
            (self.codes.get(ch))
                .and_then(|code| reading.get(code))
                .is_some_and(|l| l.chars().all(char::is_lowercase))
        };
        let mut after = 0.0;
        for &w in self.holders.get(c).into_iter().flatten() {
            let Some((chars, n)) = self.words.get(w) else {
                continue;
            };
            for pair in chars.windows(2) {
                if let [a, b] = *pair
                    && b == c
                    && is_lower(a)
                {
                    after += n;
                }
            }
        }
        let drawn = self.drawn.get(c).map_or(0, |d| d.0) as f32;
        after >= 2.0 || after >= 0.1 * drawn
    }

    /// The one of `letters` that code `c` reads as by the words where it is the only
    /// unread code.
    fn vote(
        &self,
        c: usize,
        reading: &Reading,
        letters: &[String],
        is_word: fn(&str) -> bool,
        min_votes: usize,
    ) -> Option<String> {
        let words: Vec<String> = (self.holders.get(c)?.iter())
            .filter_map(|&w| self.words.get(w))
            .filter_map(|(chars, _)| {
                (chars.iter())
                    .map(|&ch| match self.codes.get(ch) {
                        _ if ch == c => Some(MARK.to_string()),
                        Some(code) => reading.get(code).cloned(),
                        None => None,
                    })
                    .collect::<Option<String>>()
            })
            .filter(|t| t.chars().count() >= 2)
            .collect();
        // Distinct words vote, each once: a short word makes words of many letters (`?et`:
        // `het`, `net`, `met`), however often it is drawn.
        let mut votes: Vec<(usize, &String)> = (letters.iter())
            .map(|letter| {
                let made = (words.iter())
                    .filter(|t| is_word(&t.replace(MARK, letter)))
                    .count();
                (made, letter)
            })
            .collect();
        votes.sort_by_key(|&(made, _)| std::cmp::Reverse(made));
        let (best, letter) = votes.first().map(|&(n, l)| (n, l.clone()))?;
        let second = votes.get(1).map_or(0, |v| v.0);
        // Decided where it makes twice the words of any other, or is the one that makes
        // words of them all (`De`, `Deskundigen`, `Daarvoor`, `Daarnaast`, where `W` makes
        // three).
        let decided = best >= 2 * second || (best == words.len() && second < best);
        (best >= min_votes && 2 * best > words.len() && decided).then_some(letter)
    }

    /// Reads the signs that words and sentences tell, of the codes left: the hyphen, drawn
    /// inside words between two listed words (`trans-Atlantische` is not, `NAVO-top` is);
    /// the full stop, drawn at words' ends before a capital; the comma, drawn there before
    /// a lower-case letter, far more often than any other such code. Digits, and the other
    /// signs, which nothing tells apart, stay unread.
    fn read_signs(&self, reading: &mut Reading) {
        let read = |ch: usize| self.codes.get(ch).and_then(|code| reading.get(code));
        let is_letter = |ch: usize| read(ch).is_some_and(|t| t.chars().all(char::is_alphabetic));
        let unread = |c: usize| {
            self.codes
                .get(c)
                .is_some_and(|code| !reading.contains_key(code))
        };
        // By unread code: distinct words where it joins two listed words; where it ends a
        // word after a letter, before a capital and before a lower-case letter.
        let next_case = self.next_word_case(reading);
        let mut joins: BTreeMap<usize, usize> = BTreeMap::new();
        let mut ends: BTreeMap<usize, (f32, f32, f32)> = BTreeMap::new();
        for (w, (chars, n)) in self.words.iter().enumerate() {
            let text = |range: &[usize]| -> Option<String> {
                range.iter().map(|&ch| read(ch).cloned()).collect()
            };
            for (k, &ch) in chars.iter().enumerate() {
                if !unread(ch) {
                    continue;
                }
                let (left, right) = (
                    chars.get(..k).unwrap_or_default(),
                    chars.get(k + 1..).unwrap_or_default(),
                );
                if let (Some(l), Some(r)) = (text(left), text(right))
                    && l.chars().count() >= 2
                    && r.chars().count() >= 2
                    && dictionary::writes(&l)
                    && dictionary::writes(&r)
                {
                    *joins.entry(ch).or_default() += 1;
                }
                if k + 1 == chars.len() && k > 0 && left.last().is_some_and(|&p| is_letter(p)) {
                    let entry = ends.entry(ch).or_default();
                    entry.0 += n;
                    let (before_capital, before_lower) =
                        next_case.get(w).copied().unwrap_or_default();
                    entry.1 += before_capital;
                    entry.2 += before_lower;
                }
            }
        }
        let mut signs: Vec<(usize, &str)> = Vec::new();
        let mut by_joins: Vec<(usize, usize)> = joins.into_iter().map(|(c, n)| (n, c)).collect();
        by_joins.sort_unstable_by_key(|&(n, _)| std::cmp::Reverse(n));
        if let [(best, hyphen), rest @ ..] = by_joins.as_slice()
            && *best >= MIN_SIGN_WORDS
            && rest.first().is_none_or(|&(second, _)| *best >= 2 * second)
        {
            signs.push((*hyphen, "-"));
        }
        let mut by_ends: Vec<(f32, usize, f32)> = (ends.into_iter())
            .filter(|&(c, _)| !signs.iter().any(|&(s, _)| s == c))
            .filter(|&(_, (_, cap, low))| cap + low >= MIN_SIGN_WORDS as f32)
            .map(|(c, (drawn, cap, low))| (drawn, c, cap / (cap + low)))
            .collect();
        by_ends.sort_by(|a, b| b.0.total_cmp(&a.0));
        let stop = by_ends.iter().find(|e| e.2 >= FULL_STOP_CAPITALS);
        let lower: Vec<&(f32, usize, f32)> =
            by_ends.iter().filter(|e| e.2 <= COMMA_CAPITALS).collect();
        if let Some(&(_, c, _)) = stop {
            signs.push((c, "."));
        }
        if let [first, rest @ ..] = lower.as_slice()
            && rest.first().is_none_or(|second| first.0 >= 2.0 * second.0)
        {
            signs.push((first.1, ","));
        }
        for (c, sign) in signs {
            if let Some(&code) = self.codes.get(c) {
                reading.insert(code, sign.to_string());
            }
        }
    }

    /// For each word, how many times the next word of the face opens with a capital, and
    /// how many times with a lower-case letter.
    fn next_word_case(&self, reading: &Reading) -> Vec<(f32, f32)> {
        let mut out = vec![(0.0, 0.0); self.words.len()];
        let first = |next: usize| {
            let (chars, _) = self.words.get(next)?;
            let code = self.codes.get(*chars.first()?)?;
            reading.get(code)?.chars().next()
        };
        for pair in self.sequence.windows(2) {
            if let [Some(a), Some(b)] = *pair
                && let Some(slot) = out.get_mut(a)
            {
                match first(b) {
                    Some(c) if c.is_uppercase() => slot.0 += 1.0,
                    Some(c) if c.is_lowercase() => slot.1 += 1.0,
                    _ => {}
                }
            }
        }
        out
    }

    /// How many of the words `reading` reads wholly as letters (three or more) the lists
    /// write.
    fn listed(&self, reading: &Reading) -> Listed {
        let (mut drawn, mut drawn_listed) = (0.0, 0.0);
        let (mut distinct, mut distinct_listed) = (0, 0);
        for (chars, n) in &self.words {
            let text: Option<String> = (chars.iter())
                .map(|&ch| match self.codes.get(ch) {
                    Some(code) => reading.get(code).map(String::as_str),
                    None => None,
                })
                .collect();
            let Some(text) = text.filter(|t| t.chars().count() >= 3) else {
                continue;
            };
            drawn += n;
            distinct += 1;
            if dictionary::writes(&text) {
                drawn_listed += n;
                distinct_listed += 1;
            }
        }
        let share = |part: f32, all: f32| if all > 0.0 { part / all } else { 0.0 };
        Listed {
            words: distinct_listed,
            drawn: share(drawn_listed, drawn),
            distinct: share(distinct_listed as f32, distinct as f32),
        }
    }
}

/// What the lists say of a reading's words ([`Cipher::listed`]).
struct Listed {
    /// Distinct words listed.
    words: usize,
    /// The share listed of the words drawn.
    drawn: f32,
    /// The share listed of the distinct words.
    distinct: f32,
}

fn set_flag(flags: &mut [bool], code: usize) {
    if let Some(slot) = flags.get_mut(code) {
        *slot = true;
    }
}

fn set(classes: &mut [u8], code: usize, class: u8) {
    if let Some(slot) = classes.get_mut(code) {
        *slot = class;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_model_is_counted_from_the_dutch_list() {
        let mut counts = vec![0u32; SYMBOLS * SYMBOLS * SYMBOLS];
        dictionary::each_dutch_word(|word| {
            if let Ok(word) = std::str::from_utf8(word) {
                super::super::letter_model::count_word(&mut counts, word);
            }
        });
        let built: Vec<u32> = DUTCH_TRIPLES
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        assert_eq!(built, counts);
        // `een`: a boundary, e, e and n after it are counted.
        let (e, n) = (symbol('e'), symbol('n'));
        assert!(built[index(0, e, e)] > 100 && built[index(e, n, 0)] > 10_000);
    }

    /// [`Cipher::score_above`] stops early on the promise that no word scores above zero.
    #[test]
    fn no_letter_triple_scores_above_zero() {
        let model = Model::of_dutch();
        assert!(model.log_p.iter().all(|&p| p <= 0.0));
        assert!(NO_LETTER_COST <= 0.0 && model.at(SYMBOLS, 0, 0) <= 0.0);
    }

    /// Dutch prose of the kind letters hold (written for this test), about 1,700 letters.
    const PROSE: &str = "De gemeente heeft in het afgelopen jaar veel gedaan om de \
        waterkwaliteit in de stad te verbeteren. Zo zijn de oude riolen in drie wijken \
        vervangen en is er een nieuw gemaal gebouwd bij de haven. Bewoners konden hun mening \
        geven tijdens avonden in het buurthuis, en veel van hun voorstellen zijn \
        overgenomen. Het college wil de komende jaren verder gaan met het vergroenen van \
        pleinen en straten, zodat regenwater beter in de bodem kan zakken. Daarvoor is \
        samenwerking nodig met het waterschap, de provincie en de woningcorporaties. De \
        kosten worden gedeeld, maar de gemeente draagt het grootste deel. In het voorjaar \
        volgt een plan met concrete maatregelen per wijk, met een planning en een begroting. \
        Ook wordt onderzocht of de oude vijvers in het park weer kunnen worden gebruikt voor \
        het opvangen van water bij zware buien. Deskundigen waarschuwen dat zulke buien \
        vaker zullen voorkomen. Het is daarom van belang dat de stad zich goed voorbereidt. \
        De raad heeft gevraagd om elk halfjaar te worden geinformeerd over de voortgang. \
        Daarnaast wil de raad weten hoe bewoners zelf kunnen helpen, bijvoorbeeld door tegels \
        in hun tuin te vervangen door planten. Er komt een regeling die daarvoor een bijdrage \
        geeft. Scholen krijgen lespakketten over water en klimaat, zodat kinderen al jong \
        leren waarom dit onderwerp zo belangrijk is. Het college verwacht dat de eerste \
        resultaten over twee jaar zichtbaar zijn. Wij blijven de ontwikkelingen volgen en \
        zullen de raad tijdig informeren wanneer er nieuwe keuzes moeten worden gemaakt. \
        Tot slot danken wij iedereen die heeft meegedacht over deze plannen voor een groene \
        en veilige stad.";

    /// The prose's words, each character a code of its own: `code + 1` for the letter
    /// at `code` in a shuffled alphabet, signs too.
    fn encode(prose: &str) -> (Vec<Vec<Sym>>, BTreeMap<u32, char>) {
        let mut alphabet: Vec<char> = prose.chars().filter(|c| !c.is_whitespace()).collect();
        alphabet.sort_unstable();
        alphabet.dedup();
        // A fixed shuffle: the codes say nothing of the letters' order.
        let n = alphabet.len();
        let shuffled: Vec<char> = (0..n)
            .filter_map(|k| alphabet.get((k * 17 + 5) % n))
            .copied()
            .collect();
        let code = |c: char| {
            (shuffled.iter())
                .position(|&s| s == c)
                .map_or(0, |p| p as u32 + 1)
        };
        let running = (prose.split_whitespace())
            .map(|word| word.chars().map(|c| Sym::Code(code(c))).collect())
            .collect();
        let truth = shuffled.iter().map(|&c| (code(c), c)).collect();
        (running, truth)
    }

    #[test]
    fn a_face_that_names_nothing_is_read_as_its_letters() {
        let (words, truth) = encode(PROSE);
        let reading = solve(&words).expect("the prose is read");
        // Every code read is read right.
        for (code, text) in &reading {
            assert_eq!(
                truth.get(code).map(|c| c.to_string()).as_ref(),
                Some(text),
                "code {code}"
            );
        }
        // Every lower-case letter is read; a capital where two words tell it (`De`, `Daarvoor`).
        let lower: Vec<&u32> = (truth.iter())
            .filter(|(_, c)| c.is_lowercase())
            .map(|(k, _)| k)
            .collect();
        assert!(lower.iter().all(|code| reading.contains_key(code)));
        assert_eq!(reading.values().filter(|t| t.as_str() == "D").count(), 1);
        // The full stop (before capitals) and the comma (before lower-case letters) too.
        assert!(reading.values().any(|t| t == "."));
        assert!(reading.values().any(|t| t == ","));
    }

    #[test]
    fn words_of_no_language_are_left_unread() {
        // Codes drawn at random: enough words to be read, none of them Dutch.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let words: Vec<Vec<Sym>> = (0..600)
            .map(|_| {
                let len = 2 + next(7);
                (0..len).map(|_| Sym::Code(next(40) as u32)).collect()
            })
            .collect();
        assert_eq!(solve(&words), None);
    }

    #[test]
    fn words_run_together_are_left_unread() {
        // The prose with two spaces of every three lost: its words average more than ten letters.
        let glued: String = (PROSE.split_whitespace().collect::<Vec<_>>().chunks(3))
            .map(|w| w.concat())
            .collect::<Vec<_>>()
            .join(" ");
        let (words, _) = encode(&glued);
        assert_eq!(solve(&words), None);
        // The same words with their spaces are read.
        let (words, _) = encode(PROSE);
        assert!(solve(&words).is_some());
    }

    #[test]
    fn too_little_text_is_left_unread() {
        let (words, _) = encode("De gemeente heeft veel gedaan.");
        assert_eq!(solve(&words), None);
    }
}
