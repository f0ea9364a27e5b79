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
}

/// One group's phrases, indexed by their first word for matching.
#[derive(Debug, Default)]
struct Group {
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
            let entry = cues.groups.entry(group.clone()).or_default();
            let index = entry.phrases.len();
            match words.first() {
                Some(w) if w.prefix => entry.prefixed.push(index),
                Some(w) => entry
                    .by_first
                    .entry(w.text.clone())
                    .or_default()
                    .push(index),
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

    /// Every match of the group's phrases in `tokens` (lowercase words), longest first at
    /// each start.
    pub fn find_all<T: AsRef<str>>(&self, group: &str, tokens: &[T]) -> Vec<Match> {
        let Some(g) = self.groups.get(group) else {
            return Vec::new();
        };
        let mut out: Vec<Match> = Vec::new();
        for start in 0..tokens.len() {
            for end in g.ends_at(tokens, start) {
                let text = tokens.get(start..end).map(join).unwrap_or_default();
                out.push(Match { start, end, text });
            }
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out.dedup_by_key(|m| m.start);
        out
    }

    pub fn find<T: AsRef<str>>(&self, group: &str, tokens: &[T]) -> Option<Match> {
        self.find_all(group, tokens).into_iter().next()
    }

    /// Whether any phrase of the group matches (`find(…).is_some()`, without building the
    /// matches).
    pub fn matches<T: AsRef<str>>(&self, group: &str, tokens: &[T]) -> bool {
        self.groups.get(group).is_some_and(|g| {
            (0..tokens.len()).any(|start| g.ends_at(tokens, start).next().is_some())
        })
    }
}

impl Group {
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

    #[test]
    fn phrases_with_gaps_and_prefixes() {
        let t = tokens("Hierin kan het kabinet zich vinden.");
        assert_eq!(
            CUES.find("stance.agrees", &t).map(|m| m.text),
            Some("kan het kabinet zich vinden".into())
        );
        let t = tokens("Het kabinet onderschrijft deze aanbevelingen van de reflectiegroep.");
        assert_eq!(
            CUES.find("stance.agrees", &t).map(|m| m.text),
            Some("onderschrijft".into())
        );
        let t = tokens("Het kabinet ziet geen aanleiding om dit te doen.");
        assert!(CUES.find("stance.disagrees", &t).is_some());
        assert!(CUES.find("stance.agrees", &tokens("Niets hier.")).is_none());
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
