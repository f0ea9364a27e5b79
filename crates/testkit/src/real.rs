//! A parsed letter against its hand-read expected values (`NAME.expected.json` beside
//! `NAME.pdf`; the fields are documented in `../shared/letters-real/README.md`).
//!
//! Every field of the file is one [`Check`]: what a person read, what the parser found, and
//! whether they agree. Comparisons fold whitespace and nothing else: case, punctuation and
//! numbering are part of what is checked.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kamerbrief_model::{BlockKind, Letter};
use serde::Deserialize;

/// What a person read from the rendered pages.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Expected {
    pub date: Option<String>,
    pub subject: Option<String>,
    pub our_reference: Option<String>,
    #[serde(default)]
    pub reference_column: BTreeMap<String, String>,
    pub salutation: Option<String>,
    #[serde(default)]
    pub headings: Vec<String>,
    #[serde(default)]
    pub signatories: Vec<ExpectedSignatory>,
    pub first_body_sentence: Option<String>,
    pub last_body_sentence: Option<String>,
    #[serde(default)]
    pub furniture: Vec<String>,
    pub list_items: Option<usize>,
    pub footnotes: Option<usize>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct ExpectedSignatory {
    pub role: String,
    pub name: String,
}

/// One field: expected against found.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub field: &'static str,
    pub expected: String,
    pub found: String,
    pub ok: bool,
}

/// A letter of the folder: its PDF and its expected values.
#[derive(Clone, Debug)]
pub struct RealLetter {
    pub name: String,
    pub pdf: PathBuf,
    pub expected: Expected,
}

/// Every `NAME.pdf` with a `NAME.expected.json` in `dir`, sorted by name. An absent folder
/// gives an empty list; an unreadable expected file is an error.
pub fn letters(dir: &Path) -> Result<Vec<RealLetter>, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let pdf = entry.path();
        if pdf.extension().and_then(|e| e.to_str()) != Some("pdf") {
            continue;
        }
        let stem = pdf
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let json = pdf.with_file_name(format!("{stem}.expected.json"));
        let Ok(text) = std::fs::read_to_string(&json) else {
            continue;
        };
        let expected: Expected =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", json.display()))?;
        out.push(RealLetter {
            name: stem,
            pdf,
            expected,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Whitespace folded to single spaces.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn show(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "(none)".to_string())
}

/// The checks of `letter` against `expected`. `body_text` is the letter as `--format text`
/// renders it (salutation to signatures, no furniture).
pub fn check(expected: &Expected, letter: &Letter, body_text: &str) -> Vec<Check> {
    let meta = &letter.metadata;
    let mut checks = Vec::new();
    let mut same = |field: &'static str, want: &Option<String>, got: &Option<String>| {
        let ok = want.as_deref().map(fold) == got.as_deref().map(fold);
        checks.push(Check {
            field,
            expected: show(want),
            found: show(got),
            ok,
        });
    };
    same("date", &expected.date, &meta.date);
    same("subject", &expected.subject, &meta.subject);
    same("reference", &expected.our_reference, &meta.sender_reference);
    same(
        "salutation",
        &expected.salutation,
        &letter.salutation.as_ref().map(|b| b.text.clone()),
    );
    checks.push(reference_column(expected, letter));
    checks.push(headings(expected, letter));
    checks.push(signatories(expected, letter));
    checks.extend(sentences(expected, letter));
    checks.push(furniture(expected, body_text));
    checks.push(count("list items", expected.list_items, list_items(letter)));
    checks.push(count(
        "footnotes",
        expected.footnotes,
        letter.footnotes.len(),
    ));
    checks
}

/// Every expected label with its value among the fields found (others may be there too).
fn reference_column(expected: &Expected, letter: &Letter) -> Check {
    let found: Vec<String> = letter
        .metadata
        .reference_column
        .iter()
        .filter_map(|f| Some(format!("{}: {}", f.label.as_deref()?, fold(&f.value))))
        .collect();
    let want: Vec<String> = expected
        .reference_column
        .iter()
        .map(|(label, value)| format!("{label}: {}", fold(value)))
        .collect();
    let ok = want.iter().all(|w| found.contains(w));
    Check {
        field: "reference column",
        expected: want.join(" | "),
        found: found.join(" | "),
        ok,
    }
}

/// Every heading of the letter body, numbered as printed, in order.
fn headings(expected: &Expected, letter: &Letter) -> Check {
    let found: Vec<String> = letter
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| match &h.number {
            Some(n) => format!("{n} {}", h.text),
            None => h.text.clone(),
        })
        .map(|h| fold(&h))
        .collect();
    let want: Vec<String> = expected.headings.iter().map(|h| fold(h)).collect();
    let ok = found == want;
    let (expected, found) = if ok {
        (want.join(" | "), found.join(" | "))
    } else {
        first_difference(&want, &found)
    };
    Check {
        field: "headings",
        expected,
        found,
        ok,
    }
}

/// Two lists shown from their first difference on, with the count of each.
fn first_difference(want: &[String], found: &[String]) -> (String, String) {
    let at = want
        .iter()
        .zip(found)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(found.len()));
    let from = |list: &[String]| {
        let rest: Vec<&str> = list.iter().skip(at).take(3).map(String::as_str).collect();
        format!(
            "{} in all; from #{}: {}",
            list.len(),
            at + 1,
            rest.join(" | ")
        )
    };
    (from(want), from(found))
}

fn signatories(expected: &Expected, letter: &Letter) -> Check {
    let show = |list: &[(String, String)]| {
        list.iter()
            .map(|(r, n)| format!("{r} / {n}"))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let want: Vec<(String, String)> = expected
        .signatories
        .iter()
        .map(|s| (fold(&s.role), fold(&s.name)))
        .collect();
    let found: Vec<(String, String)> = letter
        .signatories
        .iter()
        .map(|s| (fold(&s.role), fold(s.name.as_deref().unwrap_or_default())))
        .collect();
    Check {
        field: "signatories",
        expected: show(&want),
        found: show(&found),
        ok: want == found,
    }
}

/// The texts of the body's blocks in reading order (a list's items one by one).
fn body_blocks(letter: &Letter) -> Vec<String> {
    let mut out = Vec::new();
    for block in letter.sections.iter().flat_map(|s| &s.blocks) {
        match block.kind {
            BlockKind::List => out.extend(block.items.iter().map(|i| fold(&i.text))),
            _ => out.push(fold(&block.text)),
        }
    }
    out
}

/// The first body block starts with the first sentence; the last ends with the last.
fn sentences(expected: &Expected, letter: &Letter) -> Vec<Check> {
    let blocks = body_blocks(letter);
    let mut checks = Vec::new();
    let clip = |text: &str, head: bool| {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let slice: String = if head {
            chars.iter().take(160).collect()
        } else {
            chars.iter().skip(n.saturating_sub(160)).collect()
        };
        slice
    };
    if let Some(first) = &expected.first_body_sentence {
        let want = fold(first);
        let found = blocks.first().cloned().unwrap_or_default();
        checks.push(Check {
            field: "first body sentence",
            ok: found.starts_with(&want),
            expected: want,
            found: clip(&found, true),
        });
    }
    if let Some(last) = &expected.last_body_sentence {
        let want = fold(last);
        let found = blocks.last().cloned().unwrap_or_default();
        checks.push(Check {
            field: "last body sentence",
            ok: found.ends_with(&want),
            expected: want,
            found: clip(&found, false),
        });
    }
    checks
}

/// No furniture string in the body text.
fn furniture(expected: &Expected, body_text: &str) -> Check {
    let body = fold(body_text);
    let present: Vec<&str> = expected
        .furniture
        .iter()
        .map(String::as_str)
        .filter(|f| body.contains(&fold(f)))
        .collect();
    Check {
        field: "no furniture in body",
        expected: format!("none of {} strings", expected.furniture.len()),
        found: if present.is_empty() {
            "none".to_string()
        } else {
            present.join(" | ")
        },
        ok: present.is_empty(),
    }
}

/// Items of the body's lists (inline enumerations in a paragraph are not list items).
fn list_items(letter: &Letter) -> usize {
    letter
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::List)
        .map(|b| b.items.len())
        .sum()
}

fn count(field: &'static str, want: Option<usize>, found: usize) -> Check {
    Check {
        field,
        expected: want.map_or("(none)".to_string(), |w| w.to_string()),
        found: found.to_string(),
        ok: want.is_none_or(|w| w == found),
    }
}

/// The checks as a Markdown table, one row per field.
pub fn table(checks: &[Check]) -> String {
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out = String::from("| field | | expected | found |\n|---|---|---|---|\n");
    for c in checks {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            c.field,
            if c.ok { "ok" } else { "**wrong**" },
            cell(&c.expected),
            if c.ok && c.expected == c.found {
                "same".to_string()
            } else {
                cell(&c.found)
            },
        ));
    }
    out
}
