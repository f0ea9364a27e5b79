//! Two invented letters in other layouts, made by another producer (Chromium): the same code
//! reads what the NAVO letter lacks (numbered headings, bullets, footnotes, `Ons kenmerk`,
//! `Onderwerp`, `Hoogachtend,`, a signatory in capitals, a body beside a long reference
//! column) and an appreciation letter with numbered recommendations and `Reactie`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use kamerbrief_model::{BlockKind, Layout, Parsed, Stance};
use serde_json::Value;

fn load(name: &str) -> (Layout, Parsed, Value, String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/invented")
        .join(name);
    let pdf = std::fs::read(dir.join(format!("{name}.pdf"))).unwrap();
    let layout = kamerbrief_extract::extract(&pdf, &Default::default()).unwrap();
    let parsed = kamerbrief_parse::parse(&layout);
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let text = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    (layout, parsed, expected, text)
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| fold(x.as_str().unwrap()))
        .collect()
}

/// Everything both letters must get right.
fn check_letter(name: &str) -> Parsed {
    let (layout, parsed, want, text) = load(name);
    let letter = &parsed.letter;
    common::assert_blocks_eq(
        &common::blocks(&kamerbrief_parse::render::text(letter)),
        &common::blocks(&text),
    );
    common::assert_body_accounted_for(&layout, &parsed);

    let meta = &letter.metadata;
    assert_eq!(meta.date.as_deref(), want["date"].as_str(), "{name}: date");
    assert_eq!(
        meta.subject.as_deref().map(fold),
        want["subject"].as_str().map(fold),
        "{name}: subject"
    );
    assert_eq!(
        meta.sender_reference.as_deref(),
        want["sender_reference"].as_str(),
        "{name}: Ons kenmerk"
    );
    assert_eq!(meta.pages as u64, want["pages"].as_u64().unwrap());
    assert_eq!(
        meta.return_address.as_deref().map(fold),
        want["return_address"].as_str().map(fold),
        "{name}: return address"
    );
    assert_eq!(
        meta.addressee.iter().map(|l| fold(l)).collect::<Vec<_>>(),
        strings(&want["addressee"]),
        "{name}: addressee"
    );
    assert_eq!(
        meta.letterhead.iter().map(|l| fold(l)).collect::<Vec<_>>(),
        strings(&want["letterhead"]),
        "{name}: letterhead"
    );
    for field in want["reference_column"].as_array().unwrap() {
        let label = field["label"].as_str().unwrap();
        let found = meta
            .reference_column
            .iter()
            .find(|f| f.label.as_deref() == Some(label))
            .unwrap_or_else(|| panic!("{name}: label {label} missing"));
        assert_eq!(
            fold(&found.value),
            fold(field["value"].as_str().unwrap_or_default()),
            "{name}: {label}"
        );
    }
    assert_eq!(
        letter.salutation.as_ref().map(|b| b.text.as_str()),
        want["salutation"].as_str()
    );

    let headings: Vec<(Option<String>, String, u8)> = letter
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| (h.number.clone(), h.text.clone(), h.level))
        .collect();
    let want_headings: Vec<(Option<String>, String, u8)> = want["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["number"].as_str().map(String::from),
                h["text"].as_str().unwrap().to_string(),
                h["level"].as_u64().unwrap_or(1) as u8,
            )
        })
        .collect();
    assert_eq!(headings, want_headings, "{name}: headings");

    let lists: Vec<Vec<String>> = letter
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::List)
        .map(|b| b.items.iter().map(|i| fold(&i.text)).collect())
        .collect();
    let want_lists: Vec<Vec<String>> = want["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(strings)
        .collect();
    assert_eq!(lists, want_lists, "{name}: lists");

    let notes: Vec<(String, String)> = letter
        .footnotes
        .iter()
        .map(|f| (f.marker.clone(), fold(&f.text)))
        .collect();
    let want_notes: Vec<(String, String)> = want["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["marker"].as_str().unwrap().to_string(),
                fold(f["text"].as_str().unwrap()),
            )
        })
        .collect();
    assert_eq!(notes, want_notes, "{name}: footnotes");
    assert!(
        letter.footnotes.iter().all(|f| f.anchor.is_some()),
        "{name}: every footnote marker found in the body"
    );

    let ids: Vec<String> = letter
        .references
        .iter()
        .filter_map(|r| r.id.clone())
        .collect();
    assert_eq!(ids, strings(&want["references"]), "{name}: references");
    assert_eq!(
        letter.closing.as_ref().map(|b| b.text.as_str()),
        want["closing"].as_str(),
        "{name}: closing"
    );
    let signatories: Vec<(String, Option<String>)> = letter
        .signatories
        .iter()
        .map(|s| (s.role.clone(), s.name.clone()))
        .collect();
    let want_signatories: Vec<(String, Option<String>)> = want["signatories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["role"].as_str().unwrap().to_string(),
                s["name"].as_str().map(String::from),
            )
        })
        .collect();
    assert_eq!(signatories, want_signatories, "{name}: signatories");
    parsed
}

#[test]
fn brief() {
    let parsed = check_letter("brief");
    insta::assert_yaml_snapshot!("invented_brief", parsed);
}

#[test]
fn appreciatie_with_recommendations() {
    let parsed = check_letter("appreciatie");
    let (_, _, want, _) = load("appreciatie");
    let letter = &parsed.letter;
    let body = letter.advisory_body.as_ref().expect("advisory body found");
    assert_eq!(Some(body.name.as_str()), want["advisory_body"].as_str());
    assert_eq!(body.report.as_deref(), want["report"].as_str());
    // The five numbered recommendations, in order, with their stances; before them the letter
    // pairs the body's general finding with the cabinet's view of it.
    let numbered: Vec<_> = letter
        .recommendations
        .iter()
        .filter(|r| {
            r.advice
                .first()
                .is_some_and(|s| s.text.starts_with("Aanbeveling"))
        })
        .collect();
    let stances: Vec<Stance> = numbered.iter().map(|r| r.stance).collect();
    let want_stances: Vec<Stance> = want["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| serde_json::from_value(r["stance"].clone()).unwrap())
        .collect();
    assert_eq!(stances, want_stances, "stances of the recommendations");
    assert!(
        letter.recommendations.len() <= numbered.len() + 1,
        "at most one more pair (the general finding)"
    );
    for (r, w) in numbered
        .iter()
        .zip(want["recommendations"].as_array().unwrap())
    {
        let advice: String = r
            .advice
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            fold(&advice).contains(&fold(w["text"].as_str().unwrap())),
            "{}: advice {advice:?}",
            r.id
        );
        let response: String = r
            .response
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            fold(&response).contains(&fold(w["response"].as_str().unwrap())),
            "{}: response {response:?}",
            r.id
        );
    }
    insta::assert_yaml_snapshot!(
        "invented_appreciatie_recommendations",
        letter.recommendations
    );
}
