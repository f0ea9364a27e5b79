//! The cue lexicon (`cues.txt`): phrases grouped by what they signal, matched word by word.

use std::collections::HashMap;
use std::sync::LazyLock;

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
    groups: HashMap<String, Group>,
}

/// One group's phrases, indexed by their first word for matching.
#[derive(Debug, Default)]
struct Group {
    phrases: Vec<Vec<Word>>,
    /// Each phrase as a plain string (`words`).
    plain: Vec<String>,
    /// Phrases by their first word, when that word is exact.
    by_first: HashMap<String, Vec<usize>>,
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
    pub fn find_all(&self, group: &str, tokens: &[String]) -> Vec<Match> {
        let Some(g) = self.groups.get(group) else {
            return Vec::new();
        };
        let mut out: Vec<Match> = Vec::new();
        for (start, token) in tokens.iter().enumerate() {
            let exact = g.by_first.get(token).into_iter().flatten();
            let prefixed = g.prefixed.iter().filter(|&&i| {
                g.phrases
                    .get(i)
                    .and_then(|p| p.first())
                    .is_some_and(|w| token.starts_with(&w.text))
            });
            for &i in exact.chain(prefixed) {
                let Some(phrase) = g.phrases.get(i) else {
                    continue;
                };
                if let Some(end) = match_at(phrase, tokens, start) {
                    let text = tokens
                        .get(start..end)
                        .map(|t| t.join(" "))
                        .unwrap_or_default();
                    out.push(Match { start, end, text });
                }
            }
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out.dedup_by_key(|m| m.start);
        out
    }

    pub fn find(&self, group: &str, tokens: &[String]) -> Option<Match> {
        self.find_all(group, tokens).into_iter().next()
    }
}

/// The end (exclusive) of `phrase` matched from `start`, with small gaps allowed.
fn match_at(phrase: &[Word], tokens: &[String], start: usize) -> Option<usize> {
    let (first, rest) = phrase.split_first()?;
    if !word_matches(first, tokens.get(start)?) {
        return None;
    }
    let mut at = start;
    for word in rest {
        let next = (at + 1..=(at + 1 + MAX_GAP).min(tokens.len().saturating_sub(1)))
            .find(|&i| tokens.get(i).is_some_and(|t| word_matches(word, t)))?;
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
pub fn tokens(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '‘' | '’')
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            // The same as `to_lowercase`, without its Unicode tables for ASCII words.
            if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                w.to_lowercase()
            }
        })
        .collect()
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
