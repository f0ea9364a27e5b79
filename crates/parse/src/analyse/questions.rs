//! Answers to parliamentary questions (Kamervragen): `Vraag 1` … `Antwoord 1`, combined
//! answers (`Antwoord 10 en 11`), pointers (`Zie antwoord vraag 3`), a notice of delay
//! (`Mededeling`), and the facts the first page states (who asked whom, when).

use std::sync::LazyLock;

use kamerbrief_model::{BlockKind, Kamervragen, Letter, Question};
use regex::Regex;

use super::dates::parse_dutch_date;
use crate::regex;

// Digits are `[0-9]`, not Unicode's `\d`, which costs far more to compile.

/// `Vraag 1`, `Vraag 12:` at the start of a block.
static QUESTION: LazyLock<Regex> = LazyLock::new(|| regex(r"^Vraag\s+([0-9]{1,3})\b[.:]?\s*(.*)$"));

/// `Antwoord 1`, `Antwoord 10 en 11`, `Antwoord op vragen 3, 4 en 5`, `Antwoord 3 t/m 5`.
static ANSWER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^Antwoord(?:\s+op)?(?:\s+(?:de\s+)?vragen?)?\s+([0-9]{1,3}(?:\s*(?:,|en|t/m|tot en met|-|–)\s*[0-9]{1,3})*)\b[.:]?\s*(.*)$",
    )
});

/// `Zie (het) antwoord (op) vraag 3`.
static SEE_ANSWER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^zie\s+(?:het\s+)?antwoord\s+(?:op\s+)?(?:vraag\s+)?([0-9]{1,3})")
});

/// `Vragen van het lid Erkens (VVD) aan de Minister van … over … (ingezonden 2 juli 2024).`
static ASKED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^Vragen\s+van\s+(.+?)\s+aan\s+(.+?)\s+over\s+(.+?)\s*\(ingezonden\s+([^)]+)\)")
});

/// `Antwoord van Minister Hermans (Klimaat en Groene Groei) (ontvangen 23 juli 2024).`
static ANSWERED: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^Antwoord\s+van\s+(.+?)\s*\(ontvangen\s+([^)]+)\)"));

/// `Mededeling van …`: the answer is delayed.
static NOTICE: LazyLock<Regex> = LazyLock::new(|| regex(r"^Mededeling\b"));

/// Whether a block opens with a question's label, `Vraag 7` ([`QUESTION`], without
/// compiling it: the recommendations ask this of every block).
pub(super) fn opens_question(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("Vraag") else {
        return false;
    };
    let number = rest.trim_start();
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    number.len() < rest.len()
        && (1..=3).contains(&digits)
        && number
            .get(digits..)
            .and_then(|after| after.chars().next())
            .is_none_or(|c| !c.is_alphanumeric() && c != '_')
}

/// Numbered text in the body, in order: what the document is made of.
enum Part {
    Question(u32, String, u32),
    Answer(Vec<u32>, String),
    Other(String),
}

/// The Kamervragen facts and the questions with their answers; `None` and empty when the
/// document has no `Vraag N` blocks.
pub fn read(letter: &Letter) -> (Option<Kamervragen>, Vec<Question>) {
    let parts = parts(letter);
    if !parts.iter().any(|p| matches!(p, Part::Question(..))) {
        return (None, Vec::new());
    }
    let mut info = Kamervragen::default();
    let mut questions: Vec<Question> = Vec::new();
    let mut answers: Vec<(Vec<u32>, String)> = Vec::new();
    let mut current: Option<usize> = None; // index into questions or answers
    let mut in_answer = false;
    for part in parts {
        match part {
            Part::Question(number, text, page) => {
                questions.push(Question {
                    number,
                    text,
                    page,
                    ..Question::default()
                });
                current = Some(questions.len() - 1);
                in_answer = false;
            }
            Part::Answer(numbers, text) => {
                answers.push((numbers, text));
                current = Some(answers.len() - 1);
                in_answer = true;
            }
            Part::Other(text) => {
                // Each expression is compiled only when a block opens with its first word.
                if let Some(c) = text
                    .starts_with("Vragen")
                    .then(|| ASKED.captures(&text))
                    .flatten()
                {
                    info.asked_by = c.get(1).map(|m| m.as_str().to_string());
                    info.addressed_to = c.get(2).map(|m| m.as_str().to_string());
                    info.subject = c.get(3).map(|m| m.as_str().to_string());
                    info.submitted = c.get(4).and_then(|m| parse_dutch_date(m.as_str()));
                    continue;
                }
                if let Some(c) = text
                    .starts_with("Antwoord")
                    .then(|| ANSWERED.captures(&text))
                    .flatten()
                {
                    info.answered_by = c.get(1).map(|m| m.as_str().to_string());
                    info.received = c.get(2).and_then(|m| parse_dutch_date(m.as_str()));
                    continue;
                }
                if text.starts_with("Mededeling") && NOTICE.is_match(&text) {
                    info.notice = Some(text);
                    current = None;
                    continue;
                }
                if current.is_none()
                    && let Some(notice) = info.notice.as_mut()
                {
                    notice.push_str("\n\n");
                    notice.push_str(&text);
                    continue;
                }
                if info.aanhangsel.is_none()
                    && current.is_none()
                    && let Ok(n) = text.trim().parse::<u32>()
                {
                    info.aanhangsel = Some(n);
                    continue;
                }
                // A continuation of the question or answer being read.
                let target = match (current, in_answer) {
                    (Some(i), true) => answers.get_mut(i).map(|a| &mut a.1),
                    (Some(i), false) => questions.get_mut(i).map(|q| &mut q.text),
                    (None, _) => None,
                };
                if let Some(t) = target {
                    if !t.is_empty() {
                        t.push_str("\n\n");
                    }
                    t.push_str(&text);
                }
            }
        }
    }
    for (numbers, text) in answers {
        for &n in &numbers {
            if let Some(q) = questions
                .iter_mut()
                .find(|q| q.number == n && q.answer.is_none())
            {
                q.answer = Some(text.clone());
                // `(?i)^zie`: `z`, `i` and `e` fold to nothing outside ASCII.
                let see = text.get(..3).is_some_and(|t| t.eq_ignore_ascii_case("zie"));
                q.refers_to = see
                    .then(|| SEE_ANSWER.captures(&text))
                    .flatten()
                    .and_then(|c| c.get(1)?.as_str().parse().ok())
                    .filter(|&r| r != n);
                if numbers.len() > 1 {
                    q.answered_with = numbers.clone();
                }
            }
        }
    }
    (Some(info), questions)
}

/// The body as numbered parts: headings and blocks, split at `Vraag`/`Antwoord` labels.
fn parts(letter: &Letter) -> Vec<Part> {
    let mut out = Vec::new();
    for section in &letter.sections {
        let heading = section.heading.as_ref().map(|h| {
            (
                h.number
                    .as_ref()
                    .map(|n| format!("{n} {}", h.text))
                    .unwrap_or_else(|| h.text.clone()),
                h.page,
            )
        });
        for (text, page) in heading
            .into_iter()
            .chain(section.blocks.iter().map(|b| (block_text(b), b.page)))
        {
            out.push(part(&text, page));
        }
    }
    out
}

fn block_text(block: &kamerbrief_model::Block) -> String {
    match block.kind {
        BlockKind::List => block
            .items
            .iter()
            .map(|i| format!("{} {}", i.label, i.text))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => block.text.clone(),
    }
}

fn part(text: &str, page: u32) -> Part {
    // Each expression is compiled only when a block opens with its first word.
    if let Some(c) = text
        .starts_with("Vraag")
        .then(|| QUESTION.captures(text))
        .flatten()
    {
        let number = c.get(1).and_then(|n| n.as_str().parse().ok()).unwrap_or(0);
        return Part::Question(
            number,
            c.get(2).map_or("", |t| t.as_str()).to_string(),
            page,
        );
    }
    if let Some(c) = text
        .starts_with("Antwoord")
        .then(|| ANSWER.captures(text))
        .flatten()
    {
        let numbers = c.get(1).map(|n| numbers(n.as_str())).unwrap_or_default();
        return Part::Answer(numbers, c.get(2).map_or("", |t| t.as_str()).to_string());
    }
    Part::Other(text.to_string())
}

/// `10 en 11` → [10, 11]; `3, 4 en 5` → [3, 4, 5]; `3 t/m 5` → [3, 4, 5].
fn numbers(text: &str) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let mut range_open = false;
    for token in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        match token {
            "t/m" | "-" | "–" | "tot" => range_open = true,
            "en" | "met" => {}
            n => {
                let Ok(n) = n.parse::<u32>() else { continue };
                if range_open && let Some(&last) = out.last() {
                    out.extend((last + 1..=n).take(200));
                } else {
                    out.push(n);
                }
                range_open = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_labels_open_blocks() {
        assert!(opens_question("Vraag 12: Wat …"));
        assert!(opens_question("Vraag 3"));
        for other in [
            "Vraagt u …",
            "Vraag 1234 …",
            "Vraag 3a",
            "Vragen van het lid",
            "Vraag",
        ] {
            assert!(!opens_question(other), "{other}");
        }
    }

    #[test]
    fn answer_labels() {
        assert_eq!(numbers("10 en 11"), [10, 11]);
        assert_eq!(numbers("3, 4 en 5"), [3, 4, 5]);
        assert_eq!(numbers("3 t/m 5"), [3, 4, 5]);
        let Part::Answer(n, text) = part("Antwoord 10 en 11 Zie hierboven.", 1) else {
            panic!()
        };
        assert_eq!((n, text.as_str()), (vec![10, 11], "Zie hierboven."));
        assert!(matches!(part("Vraag 3", 2), Part::Question(3, _, 2)));
        assert!(matches!(part("Vragen van het lid X", 1), Part::Other(_)));
        assert_eq!(
            SEE_ANSWER
                .captures("Zie antwoord vraag 3.")
                .and_then(|c| c.get(1))
                .map(|m| m.as_str()),
            Some("3")
        );
    }
}
