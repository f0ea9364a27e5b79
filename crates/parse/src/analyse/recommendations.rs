//! The advisory body's recommendations, each paired with the cabinet's response and its
//! stance (domain.md, "Recommendations and the cabinet's response").
//!
//! 1. Sentences are classed: **advice** (attributed to the advisory body: "De reflectiegroep
//!    stelt", "Volgens het rapport"), **response** (the government speaks: "Het kabinet …",
//!    "Voor het kabinet …"), or neutral (continuing whatever came before).
//! 2. In each section, a run of advice followed by responses is one exchange. When several
//!    advice paragraphs on different subjects are answered by several responses, each
//!    response goes to the advice it shares the most words with.
//! 3. The stance comes from the cue lexicon (`cues.txt`), with negation and concession
//!    handled; agreement together with a rejection, a restriction or a deferral is `partly`.
//!
//! Nothing here names a letter, a body or a topic: the body is found as the most frequent
//! subject of attribution verbs.

use std::sync::LazyLock;

use kamerbrief_model::{AdvisoryBody, Anchor, Evidence, Letter, Recommendation, Sentence, Stance};
use rustc_hash::{FxHashMap, FxHashSet};

use super::cues::{CUES, Match, Starts, push_lowercase, words};
use super::sentences::sentences;

/// Advice paragraphs at least this similar (tf-idf cosine) are one subject.
const SAME_SUBJECT: f32 = 0.12;

/// A sentence of the body with what the parser knows about it. The text is the block's;
/// the tokens are slices of one string of lowercase words ([`Lowercase`]).
#[derive(Clone, Debug)]
struct Sent<'a> {
    section: usize,
    block: usize,
    offset: usize,
    text: &'a str,
    tokens: Vec<&'a str>,
    /// The cue groups that may match from each token, looked up once.
    starts: Vec<u64>,
    /// Stems of the content words (for similarity), computed once.
    stems: Vec<&'a str>,
    /// Where attribution verbs stand (`stelt`, `beveelt aan`), found once.
    verbs: Vec<Match>,
}

impl Sent<'_> {
    fn sentence(&self) -> Sentence {
        Sentence {
            text: self.text.to_string(),
            anchor: Anchor {
                section: self.section,
                block: self.block,
                offset: self.offset,
                appendix: false,
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Advice,
    Response,
    Neutral,
}

/// The advisory body and the recommendations of `letter`.
pub fn find(letter: &Letter) -> (Option<AdvisoryBody>, Vec<Recommendation>) {
    if !may_name_a_body(letter) {
        return (None, Vec::new());
    }
    let placed = placed_sentences(letter);
    let lowercase = Lowercase::new(placed.iter().map(|p| p.3));
    let sents = body_sentences(&placed, &lowercase);
    let Some(body) = advisory_body(&sents) else {
        return (None, Vec::new());
    };
    let idf = Idf::new(&sents);
    let mut out = Vec::new();
    for (s, section) in letter.sections.iter().enumerate() {
        let in_section: Vec<&Sent> = sents.iter().filter(|x| x.section == s).collect();
        for (advice, response) in section_pairs(&section.blocks, &in_section, &body, &idf) {
            let heading = section.heading.as_ref().map(|h| h.text.clone());
            out.push(recommendation(
                out.len() + 1,
                s,
                heading,
                &advice,
                &response,
                &idf,
                &body,
            ));
        }
    }
    let report = report_title(&sents);
    (
        Some(AdvisoryBody {
            name: body.name.clone(),
            report,
        }),
        out,
    )
}

/// The (advice, response) pairs of one section: from its numbered lists of recommendations
/// ([`listed`], [`answered_within`]), then from exchanges of advice and response in the
/// sentences those leave (nor the paragraph that announced a list), in the order of the
/// advice where lists gave some.
fn section_pairs<'s, 'a>(
    blocks: &[kamerbrief_model::Block],
    in_section: &[&'s Sent<'a>],
    body: &Body,
    idf: &Idf,
) -> Vec<Pair<'s, 'a>> {
    let listed = listed(blocks, in_section);
    let skip = listed.as_ref().map(|l| l.list);
    let intro = listed.as_ref().map(|l| l.intro);
    let mut pairs = listed.map_or_else(Vec::new, |l| l.pairs);
    pairs.extend(answered_within(blocks, in_section, body, skip));
    let taken: FxHashSet<(usize, usize)> = pairs
        .iter()
        .flat_map(|(advice, response)| advice.iter().chain(response))
        .map(|x| (x.block, x.offset))
        .collect();
    let rest: Vec<&Sent> = in_section
        .iter()
        .copied()
        .filter(|x| !taken.contains(&(x.block, x.offset)) && Some(x.block) != intro)
        .collect();
    let from_lists = !pairs.is_empty();
    let runs = between_questions(&rest);
    pairs.extend(
        runs.iter()
            .flat_map(|run| exchanges(run, body))
            .flat_map(|exchange| split_exchange(exchange, idf)),
    );
    // (Exchanges alone come in reading order already.)
    if from_lists {
        pairs.sort_by_key(|(advice, _)| advice.first().map(|x| (x.block, x.offset)));
    }
    pairs
}

/// Recommendations listed, then answered by their number: a numbered list after a sentence
/// that names recommendations (`De belangrijkste aanbevelingen … sluiten nauw bij elkaar
/// aan.`), whose items the section answers further on by ordinal (`overeenkomstig de eerste
/// aanbeveling`, `Op de derde en vierde aanbeveling kom ik later terug`, `aanbeveling 2`).
/// Each item is one recommendation, whatever its sentences say; a sentence that names
/// items answers each of them, and those after it in its paragraph answer the same ones,
/// until another names items. `None` where the section answers no such list by number.
fn listed<'s, 'a>(
    blocks: &[kamerbrief_model::Block],
    in_section: &[&'s Sent<'a>],
) -> Option<Listed<'s, 'a>> {
    // The block of the sentence that announces the list at `index`.
    let announcing = |index: usize| {
        in_section
            .iter()
            .rev()
            .find(|x| x.block < index)
            .filter(|x| x.tokens.iter().any(|t| t.starts_with("aanbeveling")))
            .map(|x| x.block)
    };
    let (index, list, intro) = blocks.iter().enumerate().find_map(|(i, b)| {
        let intro = is_numbered_list(b).then(|| announcing(i)).flatten()?;
        Some((i, b, intro))
    })?;
    let mut pairs: Vec<Pair> = items_of(list, index, in_section)
        .into_iter()
        .map(|item| (item, Vec::new()))
        .collect();
    let mut answered: Vec<usize> = Vec::new();
    let mut answering_block = None;
    let mut any_answer = false;
    for &sent in in_section.iter().filter(|x| x.block > index) {
        let named = items_named(&sent.tokens, list.items.len());
        if !named.is_empty() {
            answered = named;
            answering_block = Some(sent.block);
            any_answer = true;
        } else if answering_block != Some(sent.block) {
            answered.clear();
        }
        for &i in &answered {
            if let Some(pair) = pairs.get_mut(i) {
                pair.1.push(sent);
            }
        }
    }
    any_answer.then_some(Listed {
        list: index,
        intro,
        pairs,
    })
}

/// What [`listed`] found: the list's block, the block that announced it, the pairs.
struct Listed<'s, 'a> {
    list: usize,
    intro: usize,
    pairs: Vec<Pair<'s, 'a>>,
}

/// Recommendations answered where they are listed: a numbered list each of whose items
/// opens with the advisory body's advice (`1. De Gezondheidsraad adviseert …`; a member's
/// question answered per recommendation). Each item is a recommendation: the advice its
/// first sentences that attribute advice, the response the rest of the item, which every
/// item has (a list of advice alone is answered after it). `skip`: a list [`listed`] took.
fn answered_within<'s, 'a>(
    blocks: &[kamerbrief_model::Block],
    in_section: &[&'s Sent<'a>],
    body: &Body,
    skip: Option<usize>,
) -> Vec<Pair<'s, 'a>> {
    let mut out = Vec::new();
    for (index, list) in blocks.iter().enumerate() {
        if skip == Some(index) || !is_numbered_list(list) {
            continue;
        }
        let pairs: Vec<Pair> = items_of(list, index, in_section)
            .into_iter()
            .map(|mut item| {
                let advice = item
                    .iter()
                    .take_while(|x| classify(x, body) == Class::Advice)
                    .count();
                let response = item.split_off(advice);
                (item, response)
            })
            .collect();
        // Every item opens with advice and goes on to answer it (items of advice alone are
        // answered elsewhere: the exchanges pair them).
        if pairs.iter().all(|(a, r)| !a.is_empty() && !r.is_empty()) {
            out.extend(pairs);
        }
    }
    out
}

/// The sentences of the list at block `index`, item by item: an item starts the list's text
/// or follows a line break (the sentences' offsets are in chars).
fn items_of<'s, 'a>(
    list: &kamerbrief_model::Block,
    index: usize,
    in_section: &[&'s Sent<'a>],
) -> Vec<Vec<&'s Sent<'a>>> {
    let breaks = list.text.chars().enumerate().filter(|&(_, c)| c == '\n');
    let starts: Vec<usize> = std::iter::once(0)
        .chain(breaks.map(|(k, _)| k + 1))
        .collect();
    let mut items = vec![Vec::new(); list.items.len()];
    for &sent in in_section.iter().filter(|x| x.block == index) {
        let item = starts.partition_point(|&k| k <= sent.offset).checked_sub(1);
        if let Some(item) = item.and_then(|i| items.get_mut(i)) {
            item.push(sent);
        }
    }
    items
}

/// A list whose items are labelled 1, 2, 3 … in order (`1.`, `2)`).
fn is_numbered_list(block: &kamerbrief_model::Block) -> bool {
    block.kind == kamerbrief_model::BlockKind::List
        && block.items.len() >= 2
        && block.items.iter().enumerate().all(|(i, item)| {
            let number = item.label.trim_end_matches(['.', ')']);
            number.parse::<usize>().ok() == Some(i + 1)
        })
}

/// Dutch ordinals, first to twelfth, as a letter counts its recommendations.
const ORDINALS: [&str; 12] = [
    "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
    "tiende", "elfde", "twaalfde",
];

/// The items (0-based, of `count`) a sentence names: `de derde en vierde aanbeveling`,
/// `aanbevelingen 3 en 4`.
fn items_named(tokens: &[&str], count: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, token) in tokens.iter().enumerate() {
        if !token.starts_with("aanbeveling") {
            continue;
        }
        let before = tokens.get(..k).unwrap_or_default().iter().rev();
        let ordinals = before
            .take_while(|t| **t == "en" || ORDINALS.contains(t))
            .filter_map(|t| ORDINALS.iter().position(|o| o == t));
        let after = tokens.get(k + 1..).unwrap_or_default().iter();
        let numbers = after
            .take_while(|t| **t == "en" || t.parse::<usize>().is_ok())
            .filter_map(|t| t.parse::<usize>().ok()?.checked_sub(1));
        out.extend(ordinals.chain(numbers).filter(|&i| i < count));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The runs of sentences between a member's questions (Kamervragen: `Vraag 7 …`), the
/// questions left out: advice and the cabinet's response to it lie within one answer, and
/// a question is neither (nor is the next answer a response to what came before it).
fn between_questions<'s, 'a>(sents: &[&'s Sent<'a>]) -> Vec<Vec<&'s Sent<'a>>> {
    let mut runs = vec![Vec::new()];
    let mut question = None;
    for &sent in sents {
        if sent.offset == 0 && super::questions::opens_question(sent.text) {
            question = Some(sent.block);
            runs.push(Vec::new());
        }
        if question != Some(sent.block)
            && let Some(run) = runs.last_mut()
        {
            run.push(sent);
        }
    }
    runs
}

/// The body's sentences: (section, block, char offset in the block, text).
fn placed_sentences(letter: &Letter) -> Vec<(usize, usize, usize, &str)> {
    let mut out = Vec::new();
    for (s, section) in letter.sections.iter().enumerate() {
        for (b, block) in section.blocks.iter().enumerate() {
            out.extend(
                sentences(&block.text)
                    .into_iter()
                    .map(|(offset, text)| (s, b, offset, text)),
            );
        }
    }
    out
}

/// The lowercase words of many sentences in one string: a sentence's tokens are slices of
/// it, not a `String` each.
struct Lowercase {
    words: String,
    /// Byte ranges in `words` of each sentence's tokens, sentence by sentence.
    tokens: Vec<Vec<(usize, usize)>>,
}

impl Lowercase {
    fn new<'t>(texts: impl Iterator<Item = &'t str>) -> Lowercase {
        let texts: Vec<&str> = texts.collect();
        let mut words_of_all = String::with_capacity(texts.iter().map(|t| t.len()).sum());
        let mut tokens = Vec::with_capacity(texts.len());
        for text in texts {
            let ranges = words(text)
                .map(|w| {
                    let start = words_of_all.len();
                    push_lowercase(&mut words_of_all, w);
                    (start, words_of_all.len())
                })
                .collect();
            tokens.push(ranges);
        }
        Lowercase {
            words: words_of_all,
            tokens,
        }
    }

    /// The tokens of sentence `n` (as `cues::tokens` gives them).
    fn tokens(&self, n: usize) -> Vec<&str> {
        self.tokens
            .get(n)
            .map(|ranges| {
                ranges
                    .iter()
                    .filter_map(|&(a, b)| self.words.get(a..b))
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn body_sentences<'a>(
    placed: &[(usize, usize, usize, &'a str)],
    lowercase: &'a Lowercase,
) -> Vec<Sent<'a>> {
    placed
        .iter()
        .enumerate()
        .map(|(n, &(section, block, offset, text))| {
            let tokens = lowercase.tokens(n);
            let stems = content_stems(&tokens);
            let starts = CUES.starts(&tokens);
            let verbs = CUES.find_all("attribution.verbs", &tokens, &starts);
            Sent {
                section,
                block,
                offset,
                text,
                tokens,
                starts,
                stems,
                verbs,
            }
        })
        .collect()
}

/// The advisory body as the letter names it, and the words that refer to it.
#[derive(Debug)]
struct Body<'a> {
    name: String,
    /// Lowercase tokens that denote the body or its report as a subject.
    aliases: FxHashSet<&'a str>,
    /// The body's full name in lowercase, when the letter gives one (`adviescommissie`).
    full: Option<String>,
}

impl Body<'_> {
    fn is_alias(&self, token: &str) -> bool {
        self.aliases.contains(token) || self.full.as_deref() == Some(token)
    }
}

/// Whether the letter's text holds, somewhere, a word ending in a body's noun and the first
/// word of an attribution verb (or `volgens`): what [`advisory_body`] needs, at the least,
/// to find a body. Most documents that are no letter of advice hold neither, and their
/// sentences are not read.
fn may_name_a_body(letter: &Letter) -> bool {
    let nouns = CUES.words("advisory.nouns");
    let verbs = CUES.words("attribution.verbs");
    let (mut noun, mut verb) = (false, false);
    for block in letter.sections.iter().flat_map(|section| &section.blocks) {
        let text = block.text.to_lowercase();
        let holds = |needle: &str| text.contains(needle);
        noun = noun || (nouns.iter()).any(|n| !n.contains(' ') && holds(n));
        verb = verb
            || holds("volgens")
            || (verbs.iter()).any(|v| {
                // (A first word ending in `*` matches every word it begins.)
                (v.split_whitespace().next()).is_some_and(|w| holds(w.trim_end_matches('*')))
            });
        if noun && verb {
            return true;
        }
    }
    false
}

/// The noun most often the subject of an attribution verb, with a name as printed.
fn advisory_body<'a>(sents: &[Sent<'a>]) -> Option<Body<'a>> {
    let nouns = CUES.words("advisory.nouns");
    let is_body_noun = |t: &str| {
        nouns
            .iter()
            .any(|n| !n.contains(' ') && t.ends_with(n.as_str()) && t.len() >= n.len())
    };
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for sent in sents {
        for verb in sent.verbs.iter().cloned().chain(volgens(&sent.tokens)) {
            let window = verb.start.saturating_sub(3)..(verb.end + 3).min(sent.tokens.len());
            for &t in sent.tokens.get(window).unwrap_or_default() {
                if is_body_noun(t) {
                    *counts.entry(t).or_default() += 1;
                }
            }
        }
    }
    let (noun, n) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
    if n < 2 {
        return None;
    }
    let mut aliases: FxHashSet<&str> = CUES
        .words("advisory.report")
        .iter()
        .map(String::as_str)
        .collect();
    aliases.insert(noun);
    // `de groep` for `de reflectiegroep`: the generic head noun the name ends with.
    for generic in nouns
        .iter()
        .filter(|g| !g.contains(' ') && noun.ends_with(g.as_str()) && **g != noun)
    {
        aliases.insert(generic);
    }
    // Compounds of the report words refer to the report too (`reflectierapport`).
    let report_words = CUES.words("advisory.report");
    for sent in sents {
        for &t in &sent.tokens {
            if report_words
                .iter()
                .any(|r| t.len() > r.len() + 2 && t.ends_with(r.as_str()))
            {
                aliases.insert(t);
            }
        }
    }
    // `de commissie` usually shortens a name given once in full (`de Adviescommissie Water`):
    // a capitalised compound ending in the noun names the body.
    let full = sents
        .iter()
        .flat_map(|s| s.text.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| {
            w.starts_with(char::is_uppercase)
                && w.len() > noun.len()
                && lowercase_ends_with(w, noun)
        })
        .map(str::to_lowercase);
    let name = printed_name(sents, full.as_deref().unwrap_or(noun));
    Some(Body {
        name,
        aliases,
        full,
    })
}

/// `volgens de X`: a match over `volgens` and the two words after it.
fn volgens(tokens: &[&str]) -> Vec<Match> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == "volgens")
        .map(|(i, t)| Match {
            start: i,
            end: (i + 3).min(tokens.len()),
            text: t.to_string(),
        })
        .collect()
}

/// The body's name as printed: the noun with the capitalised words that follow it
/// (`Adviescommissie Water`, `Raad van State`), without the article.
fn printed_name(sents: &[Sent], noun: &str) -> String {
    for sent in sents {
        let words: Vec<&str> = sent.text.split_whitespace().collect();
        if let Some(i) = words
            .iter()
            .position(|w| lowercase_is(w.trim_matches(|c: char| !c.is_alphanumeric()), noun))
        {
            let mut name = vec![
                words
                    .get(i)
                    .map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric())),
            ];
            let mut j = i + 1;
            while let Some(w) = words.get(j) {
                let clean = w.trim_matches(|c: char| !c.is_alphanumeric());
                let joins = clean.chars().next().is_some_and(char::is_uppercase)
                    || (clean == "van"
                        && words
                            .get(j + 1)
                            .is_some_and(|n| n.starts_with(char::is_uppercase)));
                if !joins || j - i > 3 || clean != *w {
                    if joins && clean != *w {
                        name.push(clean);
                    }
                    break;
                }
                name.push(clean);
                j += 1;
            }
            return name.join(" ");
        }
    }
    noun.to_string()
}

/// A report title in quotes after `rapport` or `advies` (`het advies „Samen sterker”`).
fn report_title(sents: &[Sent]) -> Option<String> {
    let report_words = CUES.words("advisory.report");
    for sent in sents {
        // A title opens with a quote; without one the sentence can only stop the search
        // (below, where lowercasing moved the offsets), so it need not be lowercased.
        if !sent.text.contains(OPENING_QUOTES) && lowercase_keeps_offsets(sent.text) {
            continue;
        }
        let lower = sent.text.to_lowercase();
        for word in report_words {
            let Some(at) = lower.find(word.as_str()) else {
                continue;
            };
            let rest = sent.text.get(at + word.len()..)?;
            let rest = rest.trim_start();
            let Some(open) = rest.chars().next().filter(|c| OPENING_QUOTES.contains(c)) else {
                continue;
            };
            let inner = rest.get(open.len_utf8()..)?;
            if let Some(end) = inner.find(['”', '’', '"', '\'', '»', '“']) {
                let title = inner.get(..end)?.trim();
                if title.chars().count() >= 4 {
                    return Some(title.to_string());
                }
            }
        }
    }
    None
}

/// Quotes that open a report's title.
const OPENING_QUOTES: [char; 6] = ['„', '“', '‘', '"', '\'', '«'];

/// Every character lowercases to one character of its own length: a byte offset in the
/// lowercase text is one in the text.
fn lowercase_keeps_offsets(text: &str) -> bool {
    text.is_ascii()
        || text.chars().all(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l.len_utf8() == c.len_utf8(),
                _ => false,
            }
        })
}

fn classify(sent: &Sent, body: &Body) -> Class {
    // `Aanbeveling 3: …` / `Reactie: …` at the start of a sentence.
    if let Some(first) = sent.tokens.first() {
        let labelled = sent
            .text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        let listed = |group: &str| CUES.words(group).iter().any(|w| w == first);
        if labelled
            && listed("advice.labels")
            && sent.text.get(..40).is_some_and(|t| t.contains(':'))
        {
            return Class::Advice;
        }
        if labelled && listed("response.labels") && sent.tokens.len() > 1 {
            return Class::Response;
        }
    }
    let cabinet = cabinet_subject(sent);
    let attribution = attribution(&sent.tokens, &sent.verbs, body);
    match (attribution, cabinet) {
        (Some(a), Some(c)) if c < a => Class::Response,
        (Some(_), _) => Class::Advice,
        (None, Some(c)) if c <= 4 || has_stance(sent) => Class::Response,
        _ => Class::Neutral,
    }
}

/// Position of a government subject in the sentence.
fn cabinet_subject(sent: &Sent) -> Option<usize> {
    CUES.find_all("cabinet.subjects", &sent.tokens, &sent.starts)
        .into_iter()
        .map(|m| m.start)
        .min()
}

fn has_stance(sent: &Sent) -> bool {
    [
        "stance.agrees",
        "stance.examines",
        "stance.disagrees",
        "stance.notes",
    ]
    .iter()
    .any(|g| CUES.matches(g, &sent.tokens, &sent.starts))
}

/// Position where the sentence attributes something to the body, if it does.
fn attribution(tokens: &[&str], verbs: &[Match], body: &Body) -> Option<usize> {
    // `volgens de reflectiegroep`, `volgens het rapport`
    for (i, t) in tokens.iter().enumerate() {
        if *t == "volgens"
            && tokens
                .get(i + 1..i + 3)
                .is_some_and(|w| w.iter().any(|w| body.is_alias(w)))
        {
            return Some(i);
        }
    }
    // `de reflectiegroep stelt`, `stelt de reflectiegroep`, not in a relative clause
    for verb in verbs {
        let before = verb.start.saturating_sub(3)..verb.start;
        let after = verb.end..(verb.end + 3).min(tokens.len());
        for range in [before, after] {
            if let Some(k) = range
                .clone()
                .find(|&k| tokens.get(k).is_some_and(|t| body.is_alias(t)))
            {
                let relative = tokens.get(k.saturating_sub(2)..k).is_some_and(|w| {
                    w.iter().any(|w| {
                        matches!(
                            *w,
                            "die" | "dat" | "welke" | "waarin" | "waarvoor" | "waarmee"
                        )
                    })
                });
                if !relative {
                    return Some(k.min(verb.start));
                }
            }
        }
    }
    // `een van de aanbevelingen van de reflectiegroep is dat …` near the start
    let nouns = CUES.words("attribution.nouns");
    for (i, t) in tokens.iter().enumerate().take(8) {
        let of_body = tokens.get(i + 1).is_some_and(|w| *w == "van")
            && tokens
                .get(i + 2..i + 4)
                .is_some_and(|w| w.iter().any(|w| body.is_alias(w)));
        let that_clause = tokens.get(i + 3..i + 7).is_some_and(|w| {
            w.windows(2)
                .any(|p| matches!(p, [a, b] if matches!(*a, "is" | "zijn") && *b == "dat"))
        });
        if nouns.iter().any(|n| n == t) && of_body && that_clause {
            return Some(i);
        }
    }
    None
}

/// A unit of text with one role: sentences of one block (or part of one).
#[derive(Clone, Debug)]
struct Segment<'s, 'a> {
    class: Class,
    sents: Vec<&'s Sent<'a>>,
}

/// Advice segments and the response units that answer them.
struct Exchange<'s, 'a> {
    advice: Vec<Segment<'s, 'a>>,
    responses: Vec<Vec<&'s Sent<'a>>>,
}

/// Segments of a section (a paragraph split where the cabinet starts answering), grouped
/// into exchanges: advice, then responses, until the next advice.
fn exchanges<'s, 'a>(sents: &[&'s Sent<'a>], body: &Body) -> Vec<Exchange<'s, 'a>> {
    let mut segments: Vec<Segment<'s, 'a>> = Vec::new();
    let mut previous_block: Option<usize> = None;
    for &sent in sents {
        let class = classify(sent, body);
        let new_block = previous_block != Some(sent.block);
        previous_block = Some(sent.block);
        let last = segments.last_mut();
        match last {
            // Within a block, the class changes only when advice gives way to a response
            // or a response to new advice.
            Some(seg)
                if !new_block
                    && (class == Class::Neutral
                        || class == seg.class
                        || seg.class == Class::Neutral && class != Class::Advice) =>
            {
                if seg.class == Class::Neutral {
                    seg.class = class;
                }
                seg.sents.push(sent);
            }
            _ => segments.push(Segment {
                class,
                sents: vec![sent],
            }),
        }
    }
    let mut out: Vec<Exchange<'s, 'a>> = Vec::new();
    let mut current: Option<Exchange<'s, 'a>> = None;
    for seg in segments {
        let voice = seg
            .sents
            .iter()
            .any(|s| CUES.matches("cabinet.voice", &s.tokens, &s.starts));
        match (seg.class, current.as_mut()) {
            (Class::Advice, Some(ex)) if ex.responses.is_empty() => ex.advice.push(seg),
            (Class::Advice, _) => {
                out.extend(current.take());
                current = Some(Exchange {
                    advice: vec![seg],
                    responses: Vec::new(),
                });
            }
            (Class::Response, Some(ex)) => ex.responses.push(seg.sents),
            (Class::Neutral, Some(ex)) if !ex.responses.is_empty() => {
                if let Some(last) = ex.responses.last_mut() {
                    last.extend(seg.sents);
                }
            }
            (Class::Neutral, Some(ex)) if voice => ex.responses.push(seg.sents),
            (Class::Neutral, Some(ex)) => ex.advice.push(seg),
            (Class::Response | Class::Neutral, None) => {}
        }
    }
    out.extend(current);
    out
}

/// One exchange as one or more (advice, response) pairs: several advice paragraphs on
/// different subjects, each answered by the responses that share its words.
/// An advice and its response.
type Pair<'s, 'a> = (Vec<&'s Sent<'a>>, Vec<&'s Sent<'a>>);

fn split_exchange<'s, 'a>(exchange: Exchange<'s, 'a>, idf: &Idf) -> Vec<Pair<'s, 'a>> {
    let Exchange { advice, responses } = exchange;
    let all_advice: Vec<&Sent> = advice
        .iter()
        .flat_map(|s| s.sents.iter().copied())
        .collect();
    if advice.len() <= 1 || responses.len() <= 1 {
        return vec![(all_advice, responses.into_iter().flatten().collect())];
    }
    // Consecutive advice paragraphs about the same subject are one cluster.
    let mut clusters: Vec<Vec<&Sent>> = Vec::new();
    for seg in &advice {
        match clusters.last_mut() {
            Some(last) if idf.similarity(last, &seg.sents) >= SAME_SUBJECT => {
                last.extend(seg.sents.iter().copied())
            }
            _ => clusters.push(seg.sents.clone()),
        }
    }
    if clusters.len() == 1 {
        return vec![(all_advice, responses.into_iter().flatten().collect())];
    }
    let mut answers: Vec<Vec<&Sent>> = vec![Vec::new(); clusters.len()];
    let cluster_vectors: Vec<Vector> = clusters.iter().map(|c| idf.vector(c)).collect();
    for unit in responses {
        let unit_vector = idf.vector(&unit);
        let scores: Vec<f32> = cluster_vectors
            .iter()
            .map(|c| cosine(c, &unit_vector))
            .collect();
        let best = (0..clusters.len()).max_by(|&a, &b| {
            let sa = scores.get(a).copied().unwrap_or(0.0);
            let sb = scores.get(b).copied().unwrap_or(0.0);
            sa.total_cmp(&sb).then(b.cmp(&a))
        });
        if let Some(slot) = best.and_then(|b| answers.get_mut(b)) {
            slot.extend(unit);
        }
    }
    // Advice that no response singles out is answered with the advice that follows it
    // (responses often take several points together), or else with the one before.
    let mut pairs: Vec<Pair> = Vec::new();
    let mut pending: Vec<&Sent> = Vec::new();
    for (cluster, answer) in clusters.into_iter().zip(answers) {
        if answer.is_empty() {
            pending.extend(cluster);
        } else {
            let mut advice = std::mem::take(&mut pending);
            advice.extend(cluster);
            pairs.push((advice, answer));
        }
    }
    match pairs.last_mut() {
        Some(last) => last.0.extend(pending),
        None => pairs.push((pending, Vec::new())),
    }
    pairs
}

fn recommendation(
    n: usize,
    section: usize,
    heading: Option<String>,
    advice: &[&Sent],
    response: &[&Sent],
    idf: &Idf,
    body: &Body,
) -> Recommendation {
    let mut evidence: Vec<Evidence> = Vec::new();
    // For each piece of evidence: its sentence has no government subject.
    let mut aside: Vec<bool> = Vec::new();
    for sent in response {
        let found = sentence_stances(sent);
        if !found.is_empty() {
            let no_subject = cabinet_subject(sent).is_none();
            aside.extend(std::iter::repeat_n(no_subject, found.len()));
        }
        evidence.extend(found);
    }
    let stance = overall(&evidence, !response.is_empty());
    Recommendation {
        id: format!("r{n}"),
        section,
        section_heading: heading,
        topic: idf.topic(advice, body),
        advice: advice.iter().map(|s| s.sentence()).collect(),
        response: response.iter().map(|s| s.sentence()).collect(),
        stance,
        evidence: evidence_for(stance, evidence, &aside),
    }
}

/// The positions one response sentence takes, each with its cue: usually one; two for
/// "Het kabinet deelt de analyse, maar ziet geen aanleiding …".
fn sentence_stances(sent: &Sent) -> Vec<Evidence> {
    let (tokens, starts) = (&sent.tokens, &sent.starts);
    let concessive = tokens
        .first()
        .is_some_and(|t| CUES.words("concessive").iter().any(|w| w == t));
    let evidence = |stance: Stance, m: &Match| Evidence {
        stance,
        cue: m.text.clone(),
        sentence: sent.text.to_string(),
    };
    let mut out = Vec::new();
    let disagrees: Vec<Match> = CUES
        .find_all("stance.disagrees", tokens, starts)
        .into_iter()
        .filter(|m| !negation_is_idiom(tokens, starts, m.start))
        .collect();
    out.extend(
        disagrees
            .iter()
            .take(1)
            .map(|m| evidence(Stance::Disagrees, m)),
    );
    if !concessive {
        // An agreement overlapping a rejection phrase ("deelt de analyse niet") is that rejection.
        let agrees = CUES
            .find_all("stance.agrees", tokens, starts)
            .into_iter()
            .find(|m| {
                !disagrees
                    .iter()
                    .any(|d| d.start <= m.start && m.start < d.end)
            });
        if let Some(m) = agrees {
            out.push(if negated(tokens, starts, &m) {
                evidence(Stance::Disagrees, &m)
            } else {
                evidence(Stance::Agrees, &m)
            });
        }
    }
    if let Some(m) = CUES.find("stance.examines", tokens, starts) {
        out.push(evidence(Stance::Examines, &m));
    }
    if out.is_empty()
        && let Some(m) = CUES.find("stance.notes", tokens, starts)
    {
        out.push(evidence(Stance::Notes, &m));
    }
    if out.is_empty()
        && let Some(cue) = restricted(tokens, starts)
    {
        // A restriction with a negation ("… zijn echter niet …") limits what was agreed.
        out.push(Evidence {
            stance: Stance::Disagrees,
            cue,
            sentence: sent.text.to_string(),
        });
    }
    out.dedup_by_key(|e| e.stance);
    out
}

/// `echter … niet`: a restriction word and a negation (not an idiom) in one sentence.
fn restricted(tokens: &[&str], starts: &Starts) -> Option<String> {
    let restriction = CUES.find("restriction", tokens, starts)?;
    let negation = CUES
        .find_all("negation", tokens, starts)
        .into_iter()
        .find(|m| !negation_is_idiom(tokens, starts, m.start))?;
    let (a, b) = (
        restriction.start.min(negation.start),
        restriction.end.max(negation.end),
    );
    Some(tokens.get(a..b).map(|t| t.join(" ")).unwrap_or_default())
}

/// A negation right before the cue, or within three words after it, in the same clause
/// (a restriction word such as `maar` ends the clause).
fn negated(tokens: &[&str], starts: &Starts, m: &Match) -> bool {
    let listed = |group: &str, i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| CUES.words(group).iter().any(|w| w == t))
    };
    let is_negation = |i: usize| listed("negation", i) && !negation_is_idiom(tokens, starts, i);
    let before = m.start.checked_sub(1).is_some_and(is_negation);
    let after = (m.end..(m.end + 3).min(tokens.len()))
        .take_while(|&i| !listed("restriction", i))
        .any(is_negation);
    before || after
}

fn negation_is_idiom(tokens: &[&str], starts: &Starts, at: usize) -> bool {
    CUES.matches_at("negation.idioms", tokens, starts, at)
}

fn overall(evidence: &[Evidence], has_response: bool) -> Stance {
    if !has_response {
        return Stance::None;
    }
    let has = |s: Stance| evidence.iter().any(|e| e.stance == s);
    match (
        has(Stance::Agrees),
        has(Stance::Disagrees),
        has(Stance::Examines),
    ) {
        (true, true, _) | (true, _, true) => Stance::Partly,
        (false, true, _) => Stance::Disagrees,
        (false, false, true) => Stance::Examines,
        (true, false, false) => Stance::Agrees,
        (false, false, false) => Stance::Notes,
    }
}

/// The evidence worth showing: for `partly` one sentence per position, otherwise the first
/// sentence that took the stance.
/// Sentences in which the government is the subject come first.
/// `aside[i]`: evidence `i`'s sentence has no government subject.
fn evidence_for(stance: Stance, evidence: Vec<Evidence>, aside: &[bool]) -> Vec<Evidence> {
    let mut keyed: Vec<(bool, Evidence)> = aside.iter().copied().zip(evidence).collect();
    // Stable: the order of the sentences within each kind.
    keyed.sort_by_key(|(aside, _)| *aside);
    let mut seen: Vec<Stance> = Vec::new();
    let first_per_stance = keyed.into_iter().map(|(_, e)| e).filter(|e| {
        let new = !seen.contains(&e.stance);
        seen.push(e.stance);
        new
    });
    match stance {
        Stance::Partly => first_per_stance.collect(),
        Stance::None => Vec::new(),
        _ => first_per_stance.filter(|e| e.stance == stance).collect(),
    }
}

/// Inverse document frequencies of word stems over the letter's blocks.
struct Idf<'a> {
    idf: FxHashMap<&'a str, f32>,
}

/// A tf-idf vector: (stem, weight), sorted by stem.
type Vector<'a> = Vec<(&'a str, f32)>;

/// The stopwords of the cue lexicon, one word each.
static STOPWORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| words_of_phrases("stopwords"));

/// The words of the attribution verbs (`beveelt`, `aan`), not names of subjects.
static VERB_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| words_of_phrases("attribution.verbs"));

fn words_of_phrases(group: &str) -> FxHashSet<&'static str> {
    CUES.words(group)
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect()
}

impl<'a> Idf<'a> {
    /// Document frequencies over the letter's blocks, from the sentences' content stems.
    fn new(sents: &[Sent<'a>]) -> Idf<'a> {
        // The sentences come block by block: each run of one block is a document.
        let blocks = sents.chunk_by(|a, b| (a.section, a.block) == (b.section, b.block));
        let mut n = 0;
        let mut df: FxHashMap<&str, usize> = FxHashMap::default();
        let mut in_block: FxHashSet<&str> = FxHashSet::default();
        for block in blocks {
            n += 1;
            in_block.clear();
            in_block.extend(block.iter().flat_map(|s| s.stems.iter().copied()));
            for &stem in &in_block {
                *df.entry(stem).or_default() += 1;
            }
        }
        let n = n.max(1) as f32;
        let idf = df
            .into_iter()
            .map(|(t, d)| (t, (n / d as f32).ln()))
            .collect();
        Idf { idf }
    }

    fn vector(&self, sents: &[&Sent<'a>]) -> Vector<'a> {
        let mut v: FxHashMap<&str, f32> = FxHashMap::default();
        for &stem in sents.iter().flat_map(|s| &s.stems) {
            let w = self.idf.get(stem).copied().unwrap_or(0.0);
            *v.entry(stem).or_default() += w;
        }
        let mut v: Vector = v.into_iter().collect();
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v
    }

    fn similarity(&self, a: &[&Sent<'a>], b: &[&Sent<'a>]) -> f32 {
        cosine(&self.vector(a), &self.vector(b))
    }

    /// The three most telling words of the advice, as printed.
    fn topic(&self, sents: &[&Sent<'a>], body: &Body) -> String {
        // Stem → (score, the first word with it).
        let mut scores: FxHashMap<&str, (f32, &str)> = FxHashMap::default();
        // The first sentence names the subject; it counts double.
        for (n, sent) in sents.iter().enumerate() {
            for &t in &sent.tokens {
                let chars = t.chars().count();
                if chars < 4
                    || STOPWORDS.contains(t)
                    || body.is_alias(t)
                    || VERB_WORDS.contains(t)
                    || t.chars().all(|c| c.is_ascii_digit())
                {
                    continue;
                }
                // Long words (Dutch compounds) name subjects better than short ones.
                let length = (chars as f32 / 6.0).min(2.0);
                let s = stem(t);
                let w = self.idf.get(s).copied().unwrap_or(0.0)
                    * length
                    * if n == 0 { 2.0 } else { 1.0 };
                let entry = scores.entry(s).or_insert((0.0, t));
                entry.0 += w;
            }
        }
        let mut ranked: Vec<(f32, &str)> = scores.into_values().collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        ranked
            .into_iter()
            .take(3)
            .map(|(_, w)| printed(sents, w))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The cosine of two tf-idf vectors.
fn cosine(va: &[(&str, f32)], vb: &[(&str, f32)]) -> f32 {
    let mut dot = 0.0;
    let (mut a, mut b) = (va.iter().peekable(), vb.iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.0.cmp(y.0) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => {
                dot += x.1 * y.1;
                a.next();
                b.next();
            }
        }
    }
    let norm = |v: &[(&str, f32)]| v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    let d = norm(va) * norm(vb);
    if d > 0.0 { dot / d } else { 0.0 }
}

/// A word as the sentences print it (`Rusland`, not `rusland`).
fn printed(sents: &[&Sent], lower: &str) -> String {
    sents
        .iter()
        .flat_map(|s| {
            s.text
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .find(|w| lowercase_is(w, lower))
        .unwrap_or(lower)
        .to_string()
}

/// `word.to_lowercase() == lower`, without a new `String` for ASCII words. `lower` is
/// lowercase already (a token).
fn lowercase_is(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

/// `word.to_lowercase().ends_with(lower)`, without a new `String` for ASCII words.
fn lowercase_ends_with(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.len() >= lower.len()
            && word
                .get(word.len() - lower.len()..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(lower))
    } else {
        word.to_lowercase().ends_with(lower)
    }
}

/// Stems of the words that can carry a subject: not stopwords, not short, not numbers.
fn content_stems<'a>(tokens: &[&'a str]) -> Vec<&'a str> {
    tokens
        .iter()
        .filter(|t| {
            t.chars().count() >= 4
                && !STOPWORDS.contains(*t)
                && !t.chars().all(|c| c.is_ascii_digit())
        })
        .map(|t| stem(t))
        .collect()
}

/// A crude Dutch stem: the first six letters, enough to join compounds and inflections
/// (`overlegorgaan` / `overlegstructuur`, `consultatie` / `consultaties`).
fn stem(token: &str) -> &str {
    let end = token.char_indices().nth(6).map_or(token.len(), |(i, _)| i);
    token.get(..end).unwrap_or(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stance of one response sentence, as a recommendation with only it would get.
    pub(super) fn stance(sentence: &str) -> Stance {
        let tokens = super::super::cues::tokens(sentence);
        let sent = Sent {
            section: 0,
            block: 0,
            offset: 0,
            text: sentence,
            tokens: tokens.iter().map(String::as_str).collect(),
            starts: CUES.starts(&tokens),
            stems: Vec::new(),
            verbs: Vec::new(),
        };
        let evidence = sentence_stances(&sent);
        if evidence.is_empty() {
            Stance::None
        } else {
            overall(&evidence, true)
        }
    }

    /// Answers to Kamervragen that discuss an advisory body's advice: a recommendation lies
    /// within one answer; the member's next question is no advice, and the answer after it
    /// no response to what came before.
    #[test]
    fn recommendations_stay_within_an_answer() {
        let block = |text: &str| kamerbrief_model::Block {
            text: text.to_string(),
            ..Default::default()
        };
        let letter = Letter {
            sections: vec![kamerbrief_model::Section {
                heading: None,
                blocks: vec![
                    block("Vraag 1 Wat doet u met het advies van de Raad van State?"),
                    block(
                        "Antwoord 1 De Raad van State adviseert om de termijn te verlengen. \
                         De Raad stelt dat gemeenten meer tijd nodig hebben. Het kabinet \
                         neemt dit advies over.",
                    ),
                    block("Vraag 2 Waarom duurt de uitvoering van de wet zo lang?"),
                    block(
                        "Antwoord 2 De uitvoering vraagt veel van gemeenten. Het kabinet \
                         steunt hen daarbij met extra middelen.",
                    ),
                ],
            }],
            ..Letter::default()
        };
        let (body, found) = find(&letter);
        assert!(body.is_some());
        assert_eq!(found.len(), 1, "{found:#?}");
        for r in &found {
            for s in r.advice.iter().chain(&r.response) {
                assert_eq!(s.anchor.block, 1, "{s:?} lies outside the first answer");
            }
        }
        assert!(!found[0].response.is_empty());
    }

    /// The (advice, response) texts of the recommendations in a letter of one section.
    fn pairs_found(blocks: Vec<kamerbrief_model::Block>) -> Vec<(Vec<String>, Vec<String>)> {
        let letter = Letter {
            sections: vec![kamerbrief_model::Section {
                heading: None,
                blocks,
            }],
            ..Letter::default()
        };
        let texts = |s: &[Sentence]| s.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        find(&letter)
            .1
            .iter()
            .map(|r| (texts(&r.advice), texts(&r.response)))
            .collect()
    }

    /// A list block as the reader builds one: items `label text`, one per line.
    fn numbered_list(items: &[&str]) -> kamerbrief_model::Block {
        kamerbrief_model::Block {
            kind: kamerbrief_model::BlockKind::List,
            text: items.join("\n"),
            items: items
                .iter()
                .map(|t| {
                    let (label, text) = t.split_once(' ').unwrap_or_default();
                    kamerbrief_model::ListItem {
                        label: label.to_string(),
                        text: text.to_string(),
                        ..Default::default()
                    }
                })
                .collect(),
            ..Default::default()
        }
    }

    /// Recommendations listed, then answered by number: each item one recommendation, a
    /// sentence that names items (by ordinal or number) answering each, and the sentences
    /// after it in its paragraph answering the same ones.
    #[test]
    fn listed_recommendations_answered_by_number() {
        use kamerbrief_model::Block;
        let paragraph = |text: &str| Block {
            text: text.to_string(),
            ..Default::default()
        };
        let items = [
            "1. Verleng de termijn.",
            "2. Geef gemeenten meer geld.",
            "3. Maak een plan.",
        ];
        let list = numbered_list(&items);
        let got = pairs_found(vec![
            paragraph(
                "De commissie stelt dat de uitvoering achterblijft. Volgens de commissie is \
                 meer nodig. Zij doet drie aanbevelingen.",
            ),
            list,
            paragraph(
                "Het kabinet neemt de eerste aanbeveling over. Dat vraagt een wetswijziging. \
                 Aanbevelingen 2 en 3 onderzoekt het kabinet nog.",
            ),
        ]);
        let first = "Het kabinet neemt de eerste aanbeveling over.".to_string();
        let law = "Dat vraagt een wetswijziging.".to_string();
        let rest = "Aanbevelingen 2 en 3 onderzoekt het kabinet nog.".to_string();
        assert_eq!(
            got,
            [
                (vec![items[0].to_string()], vec![first, law]),
                (vec![items[1].to_string()], vec![rest.clone()]),
                (vec![items[2].to_string()], vec![rest]),
            ]
        );
    }

    /// Recommendations answered where they are listed: each item opening with the body's
    /// advice is one recommendation, its advice sentences first, the rest its response; a
    /// list of advice alone is left to the exchanges, which pair it with what follows.
    #[test]
    fn recommendations_answered_in_their_items() {
        use kamerbrief_model::Block;
        let items = [
            "1. De commissie adviseert de termijn te verlengen. Het kabinet neemt dit over.",
            "2. De commissie stelt dat gemeenten geld nodig hebben. Ook adviseert de commissie een fonds. \
             Dat fonds komt er in 2026.",
        ];
        let list = numbered_list(&items);
        let intro = Block {
            text: "De commissie heeft twee adviezen gegeven.".to_string(),
            ..Default::default()
        };
        let got = pairs_found(vec![intro, list]);
        let own = |s: &str| s.to_string();
        assert_eq!(
            got,
            [
                (
                    vec![own("1. De commissie adviseert de termijn te verlengen.")],
                    vec![own("Het kabinet neemt dit over.")]
                ),
                (
                    vec![
                        own("2. De commissie stelt dat gemeenten geld nodig hebben."),
                        own("Ook adviseert de commissie een fonds.")
                    ],
                    vec![own("Dat fonds komt er in 2026.")]
                ),
            ]
        );
        // Advice alone in the items: the paragraph after the list answers them.
        let answer = own("Het kabinet neemt beide adviezen over.");
        let found = pairs_found(vec![
            numbered_list(&[
                "1. De commissie adviseert de termijn te verlengen.",
                "2. De commissie adviseert een fonds voor gemeenten.",
            ]),
            Block {
                text: answer.clone(),
                ..Default::default()
            },
        ]);
        assert!(
            found.iter().any(|(_, response)| response.contains(&answer)),
            "{found:#?}"
        );
    }

    /// The stance classifier on short sentences written from the phrase groups of domain.md,
    /// with other subjects, negations and "…, maar …".
    #[test]
    fn stance_of_sentences() {
        use Stance::*;
        let cases: &[(&str, Stance)] = &[
            // agrees
            ("Het kabinet onderschrijft deze aanbeveling.", Agrees),
            (
                "De regering onderschrijft de conclusies van de commissie volledig.",
                Agrees,
            ),
            ("Het kabinet deelt de analyse van de raad.", Agrees),
            // the minister in the first person
            ("Ik neem de aanbevelingen daarom over.", Agrees),
            ("Ik deel de analyse van de raad.", Agrees),
            (
                "In het programma zijn doelen opgenomen, overeenkomstig de eerste aanbeveling.",
                Agrees,
            ),
            (
                "Op de derde en vierde aanbeveling kom ik later in deze brief terug.",
                Examines,
            ),
            (
                "Wij delen de mening van de adviesraad dat dit urgent is.",
                Agrees,
            ),
            (
                "Het kabinet deelt de mening van de adviesraad dat dit urgent is.",
                Agrees,
            ),
            ("Het kabinet is het eens met de aanbeveling.", Agrees),
            (
                "Het kabinet is het met de commissie eens dat er meer moet gebeuren.",
                Agrees,
            ),
            ("Het kabinet kan zich vinden in deze aanbeveling.", Agrees),
            ("Hierin kan het kabinet zich goed vinden.", Agrees),
            ("Het kabinet neemt de aanbeveling over.", Agrees),
            ("Het kabinet verwelkomt het advies van de raad.", Agrees),
            ("Nederland omarmt deze voorstellen.", Agrees),
            ("Nederland steunt deze ontwikkeling.", Agrees),
            ("Het kabinet onderstreept het belang hiervan.", Agrees),
            ("Het kabinet sluit zich aan bij deze conclusie.", Agrees),
            (
                "Voor het kabinet is goede samenwerking van groot belang.",
                Agrees,
            ),
            (
                "Tegelijkertijd verliest Nederland de ethische aspecten niet uit het oog.",
                None,
            ),
            // disagrees
            ("Het kabinet neemt de aanbeveling niet over.", Disagrees),
            (
                "Het kabinet neemt deze aanbeveling om praktische redenen niet over.",
                Disagrees,
            ),
            (
                "Het kabinet ziet geen aanleiding om de wet te wijzigen.",
                Disagrees,
            ),
            (
                "Het kabinet ziet geen noodzaak voor een nieuw orgaan.",
                Disagrees,
            ),
            (
                "Het kabinet acht een apart fonds niet wenselijk.",
                Disagrees,
            ),
            (
                "Een verdere verhoging acht het kabinet op dit moment niet opportuun.",
                Disagrees,
            ),
            ("Het kabinet deelt de analyse niet.", Disagrees),
            (
                "Het kabinet onderschrijft deze aanbeveling niet.",
                Disagrees,
            ),
            ("Het kabinet steunt dit voorstel niet.", Disagrees),
            (
                "De huidige overlegstructuur biedt naar de mening van het kabinet voldoende mogelijkheden.",
                Disagrees,
            ),
            (
                "Deze uitdagingen zijn echter niet voorbehouden aan één land.",
                Disagrees,
            ),
            // partly
            (
                "Het kabinet deelt de analyse, maar ziet geen aanleiding om een nieuw orgaan op te richten.",
                Partly,
            ),
            (
                "Het kabinet onderschrijft het doel, maar neemt de aanbeveling niet over.",
                Partly,
            ),
            (
                "Het kabinet steunt de richting van het advies en zal bezien hoe dit kan worden uitgewerkt.",
                Partly,
            ),
            (
                "Het kabinet deelt de zorgen van de raad, maar acht een wetswijziging niet wenselijk.",
                Partly,
            ),
            // examines
            (
                "Het kabinet onderzoekt het voorstel om een centrum op te richten.",
                Examines,
            ),
            ("Het kabinet zal bezien of dit haalbaar is.", Examines),
            ("Het kabinet verkent de mogelijkheden hiervoor.", Examines),
            ("Het kabinet neemt dit voorstel in overweging.", Examines),
            (
                "Het kabinet komt hierop terug in de voortgangsbrief.",
                Examines,
            ),
            (
                "Hoewel het kabinet het belang onderschrijft, dient de relatie nader te worden bezien.",
                Examines,
            ),
            ("De regering zal de uitvoerbaarheid onderzoeken.", Examines),
            // notes
            ("Het kabinet heeft kennisgenomen van het advies.", Notes),
            (
                "Het kabinet is de commissie erkentelijk voor haar werk.",
                Notes,
            ),
            ("Het kabinet dankt de raad voor het advies.", Notes),
            ("Het kabinet neemt kennis van de bevindingen.", Notes),
            // no position
            (
                "De NAVO heeft een taak bij het ontwikkelen van responsopties.",
                None,
            ),
            (
                "Rusland keert zich in toenemende mate af van de internationale rechtsorde.",
                None,
            ),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(s, want)| stance(s) != *want)
            .map(|(s, want)| format!("{s} → {:?}, want {want:?}", stance(s)))
            .collect();
        assert!(
            wrong.is_empty(),
            "{} of {} wrong:\n{}",
            wrong.len(),
            cases.len(),
            wrong.join("\n")
        );
        assert!(cases.len() >= 40);
    }
}
