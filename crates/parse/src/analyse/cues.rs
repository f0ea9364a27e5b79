//! The cue lexicon (`cues.txt`): phrases grouped by what they signal, matched word by word.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Words a phrase may skip between two of its own words.
const MAX_GAP: usize = 3;

/// The lexicon, read once from the reviewed data file.
pub static CUES: LazyLock<Cues> = LazyLock::new(|| Cues::parse(include_str!("cues.txt")));

/// A phrase word: exact, or a prefix (`onderschrijf*`).
#[derive(Clone, Debug)]
struct Word {
    text: String,
    prefix: bool,
}

/// Phrases by group name (`stance.agrees`, `negation`, …).
#[derive(Debug, Default)]
pub struct Cues {
    groups: FxHashMap<String, Group>,
    /// For each exact first word, the groups (bits) with a phrase starting with it.
    first_words: FxHashMap<String, u64>,
    /// First words that are prefixes (`onderschrijf*`), with their groups' bits.
    first_prefixes: Vec<(String, u64)>,
}

/// For each token of a sentence, the groups (one bit each) that have a phrase starting
/// there: every group's first words looked up once per token ([`Cues::starts`]).
pub type Starts = [u64];

/// One group's phrases, indexed by their first word for matching.
#[derive(Debug, Default)]
struct Group {
    /// The group's bit in [`Starts`]; 0 beyond 64 groups (then every token may start).
    bit: u64,
    phrases: Vec<Vec<Word>>,
    /// Each phrase as a plain string (`words`).
    plain: Vec<String>,
    /// Phrases by their first word, when that word is exact.
    by_first: FxHashMap<String, Vec<usize>>,
    /// Phrases whose first word is a prefix (`onderschrijf*`).
    prefixed: Vec<usize>,
}

/// Where a phrase matched: token range and the words as they stand in the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Cues {
    pub fn parse(data: &str) -> Cues {
        let mut cues = Cues::default();
        let mut group = String::new();
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                group = name.to_string();
                continue;
            }
            let words: Vec<Word> = line
                .split_whitespace()
                .map(|w| match w.strip_suffix('*') {
                    Some(p) => Word {
                        text: p.to_string(),
                        prefix: true,
                    },
                    None => Word {
                        text: w.to_string(),
                        prefix: false,
                    },
                })
                .collect();
            let next_bit = u32::try_from(cues.groups.len())
                .ok()
                .and_then(|n| 1u64.checked_shl(n))
                .unwrap_or(0);
            let entry = cues.groups.entry(group.clone()).or_insert_with(|| Group {
                bit: next_bit,
                ..Group::default()
            });
            let index = entry.phrases.len();
            match words.first() {
                Some(w) if w.prefix => {
                    entry.prefixed.push(index);
                    cues.first_prefixes.push((w.text.clone(), entry.bit));
                }
                Some(w) => {
                    entry
                        .by_first
                        .entry(w.text.clone())
                        .or_default()
                        .push(index);
                    *cues.first_words.entry(w.text.clone()).or_default() |= entry.bit;
                }
                None => continue,
            }
            entry.plain.push(
                words
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            entry.phrases.push(words);
        }
        cues
    }

    /// The phrases of a group as plain strings (for single-word lists).
    pub fn words(&self, group: &str) -> &[String] {
        self.groups.get(group).map_or(&[], |g| g.plain.as_slice())
    }

    /// For each token, the groups with a phrase that may start there (see [`Starts`]).
    pub fn starts<T: AsRef<str>>(&self, tokens: &[T]) -> Vec<u64> {
        tokens
            .iter()
            .map(|t| {
                let t = t.as_ref();
                let exact = self.first_words.get(t).copied().unwrap_or(0);
                self.first_prefixes
                    .iter()
                    .filter(|(p, _)| t.starts_with(p.as_str()))
                    .fold(exact, |bits, (_, bit)| bits | bit)
            })
            .collect()
    }

    /// Every match of the group's phrases in `tokens` (lowercase words, with their
    /// `starts`), the longest at each start.
    pub fn find_all<T: AsRef<str>>(
        &self,
        group: &str,
        tokens: &[T],
        starts: &Starts,
    ) -> Vec<Match> {
        let Some(g) = self.groups.get(group) else {
            return Vec::new();
        };
        g.candidates(tokens.len(), starts)
            .filter_map(|start| g.longest_at(tokens, start))
            .collect()
    }

    /// The first match of [`Cues::find_all`].
    pub fn find<T: AsRef<str>>(&self, group: &str, tokens: &[T], starts: &Starts) -> Option<Match> {
        let g = self.groups.get(group)?;
        g.candidates(tokens.len(), starts)
            .find_map(|start| g.longest_at(tokens, start))
    }

    /// Whether any phrase of the group matches (`find(…).is_some()`, without building the
    /// matches).
    pub fn matches<T: AsRef<str>>(&self, group: &str, tokens: &[T], starts: &Starts) -> bool {
        self.groups.get(group).is_some_and(|g| {
            g.candidates(tokens.len(), starts)
                .any(|start| g.ends_at(tokens, start).next().is_some())
        })
    }

    /// Whether a phrase of the group matches from `start`.
    pub fn matches_at<T: AsRef<str>>(
        &self,
        group: &str,
        tokens: &[T],
        starts: &Starts,
        start: usize,
    ) -> bool {
        self.groups.get(group).is_some_and(|g| {
            g.may_start(starts, start) && g.ends_at(tokens, start).next().is_some()
        })
    }
}

impl Group {
    /// Whether a phrase of the group may start at token `start` (its first word matches).
    fn may_start(&self, starts: &Starts, start: usize) -> bool {
        self.bit == 0 || starts.get(start).is_some_and(|s| s & self.bit != 0)
    }

    /// The token positions where a phrase of the group may start.
    fn candidates<'a>(
        &'a self,
        len: usize,
        starts: &'a Starts,
    ) -> impl Iterator<Item = usize> + 'a {
        (0..len).filter(|&start| self.may_start(starts, start))
    }

    /// The longest match of the group's phrases from `start`.
    fn longest_at<T: AsRef<str>>(&self, tokens: &[T], start: usize) -> Option<Match> {
        let end = self.ends_at(tokens, start).max()?;
        let text = tokens.get(start..end).map(join).unwrap_or_default();
        Some(Match { start, end, text })
    }

    /// The ends of the group's phrases that match from `start`.
    fn ends_at<'a, T: AsRef<str>>(
        &'a self,
        tokens: &'a [T],
        start: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let token = tokens.get(start).map_or("", AsRef::as_ref);
        let exact = self.by_first.get(token).into_iter().flatten();
        let prefixed = self.prefixed.iter().filter(move |&&i| {
            self.phrases
                .get(i)
                .and_then(|p| p.first())
                .is_some_and(|w| token.starts_with(&w.text))
        });
        exact
            .chain(prefixed)
            .filter_map(move |&i| match_at(self.phrases.get(i)?, tokens, start))
    }
}

/// The tokens as they stand in the sentence, one space between them.
fn join<T: AsRef<str>>(tokens: &[T]) -> String {
    let mut text = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(t.as_ref());
    }
    text
}

/// The end (exclusive) of `phrase` matched from `start`, with small gaps allowed.
fn match_at<T: AsRef<str>>(phrase: &[Word], tokens: &[T], start: usize) -> Option<usize> {
    let (first, rest) = phrase.split_first()?;
    if !word_matches(first, tokens.get(start)?.as_ref()) {
        return None;
    }
    let mut at = start;
    for word in rest {
        let next =
            (at + 1..=(at + 1 + MAX_GAP).min(tokens.len().saturating_sub(1))).find(|&i| {
                tokens
                    .get(i)
                    .is_some_and(|t| word_matches(word, t.as_ref()))
            })?;
        at = next;
    }
    Some(at + 1)
}

fn word_matches(word: &Word, token: &str) -> bool {
    if word.prefix {
        token.starts_with(&word.text)
    } else {
        token == word.text
    }
}

/// Lowercase words of a sentence, punctuation stripped.
#[cfg(test)]
pub fn tokens(sentence: &str) -> Vec<String> {
    words(sentence)
        .map(|w| {
            let mut lower = String::new();
            push_lowercase(&mut lower, w);
            lower
        })
        .collect()
}

/// The words of a sentence as printed, punctuation stripped (`tokens` before lowercasing).
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '‘' | '’')
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
}

/// Appends `word` in lowercase: the same as `to_lowercase`, without its Unicode tables (or
/// a new `String`) for ASCII words.
pub fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        if let Some(pushed) = out.get_mut(start..) {
            pushed.make_ascii_lowercase();
        }
    } else {
        out.push_str(&word.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(group: &str, sentence: &str) -> Option<Match> {
        let t = tokens(sentence);
        CUES.find(group, &t, &CUES.starts(&t))
    }

    #[test]
    fn phrases_with_gaps_and_prefixes() {
        assert_eq!(
            find("stance.agrees", "Hierin kan het kabinet zich vinden.").map(|m| m.text),
            Some("kan het kabinet zich vinden".into())
        );
        assert_eq!(
            find(
                "stance.agrees",
                "Het kabinet onderschrijft deze aanbevelingen van de reflectiegroep."
            )
            .map(|m| m.text),
            Some("onderschrijft".into())
        );
        let disagrees = "Het kabinet ziet geen aanleiding om dit te doen.";
        assert!(find("stance.disagrees", disagrees).is_some());
        assert!(find("stance.agrees", "Niets hier.").is_none());
    }

    #[test]
    fn every_group_is_present() {
        for group in [
            "advisory.nouns",
            "advisory.report",
            "attribution.verbs",
            "attribution.nouns",
            "cabinet.subjects",
            "cabinet.voice",
            "stance.agrees",
            "stance.examines",
            "stance.disagrees",
            "stance.notes",
            "restriction",
            "negation",
            "negation.idioms",
            "concessive",
        ] {
            assert!(!CUES.words(group).is_empty(), "{group}");
        }
    }
}
