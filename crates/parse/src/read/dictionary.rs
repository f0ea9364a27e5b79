//! Word lists, to tell a typesetter's line-end break from a compound's own hyphen where the
//! document's words do not say (a short letter that writes `gesprek` only once, broken).
//!
//! `data/nl.fst` holds the OpenTaal list of Dutch words (400,000, inflected forms included),
//! `data/en.fst` SCOWL's American and British lists of size 80 (255,000), both lowercased
//! finite-state sets that are read in place: nothing is built or loaded at start-up. `cargo
//! xtask gen-words` regenerates them (`data/README.md`).

use fst::Set;

static DUTCH: &[u8] = include_bytes!("../../data/nl.fst");
static ENGLISH: &[u8] = include_bytes!("../../data/en.fst");

/// What the word lists say about `left-` at a line's end and `right` on the next line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The lists write it with the hyphen (`zee-egel`, `secretaris-generaal`).
    Hyphenated,
    /// The lists write it whole and not both halves are words: a break inside a word
    /// (`ges-prek`, `ver-lengd`), which no writer's hyphen makes.
    BrokenWord,
    /// The Dutch list writes it whole, and both halves are words too (`voor-komt`,
    /// `brandstof-prijzen`): a typesetter's break unless the writer hyphenates compounds.
    Whole,
    /// Only the English lists write it whole, and both halves are words (`like-minded`,
    /// `likeminded` being a variant): a typesetter's break where the document hyphenates.
    WholeInEnglish,
    /// Two English words the lists do not write whole (`high-level`).
    EnglishCompound,
    /// An English word and an `-ing` form, written together (`burden-` / `sharing`, or
    /// `burdens-` / `haring` broken elsewhere): English hyphenates such compounds, and Dutch
    /// writes them whole (the Dutch list has `peacekeeping`, `fundraising`, `multitasking`,
    /// `selffulfilling`, and of such pairs only `bar-dancing` with a hyphen).
    GerundCompound,
    /// Neither half is a word, nor is the whole (`prolifera-` / `tieverdrag`, a compound
    /// the lists lack): a typesetter's break where the document hyphenates.
    Fragments,
}

/// The lists' verdict on a break between two lower-case halves, if they have one.
pub fn judge(left: &str, right: &str) -> Option<Verdict> {
    if left.chars().count() < 2 || right.chars().count() < 2 {
        return None;
    }
    let (left, right) = (left.to_lowercase(), right.to_lowercase());
    let lists = [DUTCH, ENGLISH].map(|bytes| Set::new(bytes).ok());
    let [dutch, english] = &lists;
    let has =
        |list: &Option<Set<&[u8]>>, word: &str| list.as_ref().is_some_and(|l| l.contains(word));
    let hyphenated = format!("{left}-{right}");
    if lists.iter().any(|list| has(list, &hyphenated)) {
        return Some(Verdict::Hyphenated);
    }
    // The halves are looked up in the language that writes the word whole: English lists
    // hold syllables that are no Dutch words (`heid`).
    let joined = format!("{left}{right}");
    let both_words = || lists.iter().any(|l| has(l, &left)) && lists.iter().any(|l| has(l, &right));
    // A compound the lists lack, of two Dutch words, broken inside one of them
    // (`capa-` / `citeitendoelstellingen`).
    if !lists.iter().any(|list| has(list, &joined))
        && !both_words()
        && is_compound(&joined, |w| has(dutch, w))
    {
        return Some(Verdict::BrokenWord);
    }
    if let Some((k, list)) = lists
        .iter()
        .enumerate()
        .find(|(_, list)| has(list, &joined))
    {
        return Some(if !(has(list, &left) && has(list, &right)) {
            Verdict::BrokenWord
        } else if k == 0 {
            Verdict::Whole
        } else {
            Verdict::WholeInEnglish
        });
    }
    if both_words() && is_gerund_compound(&joined, |w| has(english, w)) {
        return Some(Verdict::GerundCompound);
    }
    if has(english, &left) && has(english, &right) {
        return Some(Verdict::EnglishCompound);
    }
    let fragment = |half: &str| half.chars().count() >= 3 && !lists.iter().any(|l| has(l, half));
    (fragment(&left) && fragment(&right)).then_some(Verdict::Fragments)
}

/// Whether the lists write `word` (in lower case), or the Dutch list two of its words
/// written together ([`is_compound`]).
pub fn knows(word: &str) -> bool {
    writes(word) || {
        let word = word.to_lowercase();
        Set::new(DUTCH).is_ok_and(|dutch| is_compound(&word, |w| dutch.contains(w)))
    }
}

/// Whether the Dutch or English list writes `word` (in lower case).
pub fn writes(word: &str) -> bool {
    let word = word.to_lowercase();
    let lists = [DUTCH, ENGLISH].map(|bytes| Set::new(bytes).ok());
    lists.iter().flatten().any(|l| l.contains(&word))
}

/// Whether `left` and `right` are both words of the Dutch list, three letters or more each.
pub fn are_dutch_words(left: &str, right: &str) -> bool {
    let Ok(dutch) = Set::new(DUTCH) else {
        return false;
    };
    [left, right]
        .iter()
        .all(|w| w.chars().count() >= COMPOUND_PART && dutch.contains(w.to_lowercase().as_bytes()))
}

/// Calls `f` with each word of the Dutch list (lower case, UTF-8), in order. (The build
/// script counts the cipher's letter model from the list; the tests count it again.)
#[cfg(test)]
pub fn each_dutch_word(mut f: impl FnMut(&[u8])) {
    use fst::Streamer;
    let Ok(dutch) = Set::new(DUTCH) else {
        return;
    };
    let mut words = dutch.stream();
    while let Some(word) = words.next() {
        f(word);
    }
}

/// `word` is two words of the list (`has`) written together, the first perhaps with a
/// linking `s` (`veiligheid`-`s`-`beleid`), each at least [`COMPOUND_PART`] letters.
fn is_compound(word: &str, has: impl Fn(&str) -> bool) -> bool {
    word.char_indices().skip(COMPOUND_PART).any(|(at, _)| {
        let (first, second) = word.split_at(at);
        second.chars().count() >= COMPOUND_PART
            && has(second)
            && (has(first)
                || first
                    .strip_suffix('s')
                    .is_some_and(|f| f.chars().count() >= COMPOUND_PART && has(f)))
    })
}

const COMPOUND_PART: usize = 3;

/// `word` is an English word of [`COMPOUND_PART`] letters or more and an `-ing` form of an
/// English verb (`burden` + `sharing`, of `share`), by the English list (`has`).
fn is_gerund_compound(word: &str, has: impl Fn(&str) -> bool) -> bool {
    word.char_indices().skip(COMPOUND_PART).any(|(at, _)| {
        let (first, second) = word.split_at(at);
        let Some(stem) = second.strip_suffix("ing") else {
            return false;
        };
        // `shar` + `e`, `plann` less its doubled `n`.
        let undoubled = stem
            .char_indices()
            .last()
            .filter(|&(_, last)| stem.chars().rev().nth(1) == Some(last))
            .and_then(|(at, _)| stem.get(..at));
        let verb = || has(stem) || has(&format!("{stem}e")) || undoubled.is_some_and(&has);
        stem.chars().count() >= COMPOUND_PART && has(first) && has(second) && verb()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_read() {
        assert!(Set::new(DUTCH).is_ok_and(|set| set.len() > 300_000));
        assert!(Set::new(ENGLISH).is_ok_and(|set| set.len() > 50_000));
    }

    #[test]
    fn breaks_judged() {
        assert_eq!(judge("ges", "prek"), Some(Verdict::BrokenWord));
        assert_eq!(judge("Neder", "landse"), Some(Verdict::BrokenWord));
        assert_eq!(judge("ver", "lengd"), Some(Verdict::BrokenWord));
        assert_eq!(judge("voor", "komt"), Some(Verdict::Whole));
        assert_eq!(judge("like", "minded"), Some(Verdict::WholeInEnglish));
        assert_eq!(judge("zee", "egel"), Some(Verdict::Hyphenated));
        assert_eq!(judge("secretaris", "generaal"), Some(Verdict::Hyphenated));
        assert_eq!(judge("high", "level"), Some(Verdict::EnglishCompound));
        assert_eq!(judge("self", "publishing"), Some(Verdict::GerundCompound));
        assert_eq!(judge("burden", "sharing"), Some(Verdict::GerundCompound));
        // LibreOffice's Dutch patterns break it elsewhere; the whole is asked.
        assert_eq!(judge("burdens", "haring"), Some(Verdict::GerundCompound));
        // A compound neither list has, of words they have, broken inside one of them.
        assert_eq!(judge("partner", "schapsbeleid"), Some(Verdict::BrokenWord));
        assert_eq!(
            judge("capa", "citeitendoelstellingen"),
            Some(Verdict::BrokenWord)
        );
        // Written with the hyphen, though two words: that comes first.
        assert_eq!(judge("auto", "ongeluk"), Some(Verdict::Hyphenated));
        // Neither half a word, nor the whole.
        assert_eq!(judge("kwazi", "brolt"), Some(Verdict::Fragments));
        assert_eq!(judge("e", "mail"), None);
        // The list writes `Sovjet-Unie` with a capital after the hyphen: a lower-case `unie`
        // after the break is not that word, and the lists do not say.
        assert_eq!(judge("sovjet", "unie"), None);
        assert_eq!(judge("sovjet", "communisme"), Some(Verdict::Hyphenated));
    }
}
