//! The replica of the NAVO2030 letter, parsed: structure, text block for block, invariants.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use kamerbrief_model::{BlockKind, Layout, Parsed};

const PDF: &[u8] = include_bytes!("../../../fixtures/navo2030/navo2030.pdf");
const REFERENCE: &str = include_str!("../../../fixtures/navo2030/reference.txt");

fn parsed() -> (Layout, Parsed) {
    let layout = kamerbrief_extract::extract(PDF, &Default::default()).unwrap();
    let parsed = kamerbrief_parse::parse(&layout);
    (layout, parsed)
}

#[test]
fn text_equals_the_reference_block_for_block() {
    let (_, parsed) = parsed();
    let ours = common::blocks(&kamerbrief_parse::render::text(&parsed.letter));
    common::assert_blocks_eq(&ours, &common::blocks(REFERENCE));
}

#[test]
fn every_body_word_once_and_no_furniture() {
    let (layout, parsed) = parsed();
    common::assert_body_accounted_for(&layout, &parsed);
}

#[test]
fn structure() {
    let (_, parsed) = parsed();
    let letter = &parsed.letter;
    let headings: Vec<&str> = letter
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "Algemeen",
            "Aanbevelingen: nieuwe en hernieuwde dreigingen",
            "Aanbevelingen: effectiviteit",
            "Aanbevelingen: Partnerschappen",
            "Volgende stappen"
        ]
    );
    assert!(
        letter.sections[0].heading.is_none(),
        "the opening is untitled"
    );

    let lists: Vec<_> = letter
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::List)
        .collect();
    assert_eq!(lists.len(), 1);
    let labels: Vec<&str> = lists[0].items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["1.", "2.", "3."]);
    assert!(
        lists[0].items[2]
            .text
            .ends_with("uit alle strategische richtingen."),
        "item 3 whole: {}",
        lists[0].items[2].text
    );

    let enumeration = letter
        .sections
        .last()
        .unwrap()
        .blocks
        .iter()
        .find(|b| !b.items.is_empty())
        .expect("inline enumeration");
    assert_eq!(enumeration.kind, BlockKind::Paragraph);
    assert_eq!(enumeration.items.len(), 8);
    assert_eq!(
        enumeration.items[7].text,
        "het herzien van het Strategisch Concept"
    );

    let signatories: Vec<(&str, Option<&str>)> = letter
        .signatories
        .iter()
        .map(|s| (s.role.as_str(), s.name.as_deref()))
        .collect();
    assert_eq!(
        signatories,
        [
            ("De Minister van Buitenlandse Zaken", Some("Stef Blok")),
            ("De Minister van Defensie", Some("Ank Bijleveld-Schouten"))
        ]
    );
    assert_eq!(
        letter.salutation.as_ref().unwrap().text,
        "Geachte voorzitter,"
    );
}

#[test]
fn metadata_and_references() {
    let (_, parsed) = parsed();
    let meta = &parsed.letter.metadata;
    assert_eq!(meta.date.as_deref(), Some("2021-04-07"));
    assert_eq!(meta.subject.as_deref(), Some("NAVO Reflectierapport 2030"));
    assert_eq!(
        meta.sender.as_deref(),
        Some("Ministerie van Buitenlandse Zaken")
    );
    assert_eq!(
        meta.return_address.as_deref(),
        Some("Postbus 20061 2500 EB Den Haag")
    );
    assert_eq!(meta.addressee[0], "Aan de Voorzitter van de Tweede Kamer");
    assert_eq!(meta.pages, 11);
    let labels: Vec<&str> = meta
        .reference_column
        .iter()
        .filter_map(|f| f.label.as_deref())
        .collect();
    assert_eq!(labels, ["Datum", "Betreft", "Bijlage(n)"]);

    let refs = &parsed.letter.references;
    assert_eq!(refs.len(), 1);
    let r = &refs[0];
    assert_eq!(
        (
            r.dossier.as_deref(),
            r.suffix.as_deref(),
            r.number,
            r.id.as_deref()
        ),
        (Some("35373"), None, Some(1), Some("kst-35373-1"))
    );
    let block = &parsed.letter.sections[r.anchor.section].blocks[r.anchor.block];
    let at: String = block
        .text
        .chars()
        .skip(r.anchor.offset)
        .take(r.text.chars().count())
        .collect();
    assert_eq!(at, r.text, "the anchor points at the citation");
    assert!(parsed.letter.dates.iter().any(|d| d.date == "2020-11-25"));
}

#[test]
fn provenance() {
    let (_, parsed) = parsed();
    let blocks: Vec<_> = parsed
        .letter
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .collect();
    assert!(
        blocks
            .iter()
            .all(|b| b.page >= 1 && b.bbox.width() > 0.0 && !b.parts.is_empty())
    );
    // A paragraph that runs over a page carries both parts.
    let crossing = blocks
        .iter()
        .find(|b| b.text.starts_with("Zoals toegezegd"))
        .unwrap();
    assert_eq!(
        crossing.parts.iter().map(|p| p.page).collect::<Vec<_>>(),
        [1, 2]
    );
}

#[test]
fn snapshot() {
    let (_, parsed) = parsed();
    insta::assert_yaml_snapshot!("navo2030_letter", parsed);
}

/// The seed itself (`navo2030.txt`, page-start spaces and all) read as plain text gives the
/// same letter as the PDF: blocks, headings, list items, signatories (provenance aside).
#[test]
fn text_input_gives_the_same_letter() {
    let seed = include_str!("../../../fixtures/navo2030/navo2030.txt");
    let from_text = kamerbrief_parse::parse(&Layout::from_text(seed));
    let (_, from_pdf) = parsed();
    let render = |p: &Parsed| common::blocks(&kamerbrief_parse::render::text(&p.letter));
    common::assert_blocks_eq(&render(&from_text), &render(&from_pdf));
    let shape = |p: &Parsed| {
        let l = &p.letter;
        let headings: Vec<String> = l
            .sections
            .iter()
            .map(|s| {
                s.heading
                    .as_ref()
                    .map(|h| h.text.clone())
                    .unwrap_or_default()
            })
            .collect();
        let items: Vec<Vec<(String, String)>> = l
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| {
                b.items
                    .iter()
                    .map(|i| (i.label.clone(), i.text.clone()))
                    .collect()
            })
            .collect();
        let kinds: Vec<BlockKind> = l
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| b.kind)
            .collect();
        let signatories: Vec<(String, Option<String>)> = l
            .signatories
            .iter()
            .map(|s| (s.role.clone(), s.name.clone()))
            .collect();
        (
            headings,
            items,
            kinds,
            signatories,
            l.references
                .iter()
                .map(|r| r.id.clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(shape(&from_text), shape(&from_pdf));
}

/// The reflection group's recommendations and the cabinet's stance on each. A careful reading
/// finds about fifteen themes, most endorsed; China partly (the analysis yes, a separate
/// consultation body no); the Centre of Excellence for Democratic Resilience examined.
#[test]
fn recommendations_and_stances() {
    use kamerbrief_model::Stance;
    let (_, parsed) = parsed();
    let letter = &parsed.letter;
    assert_eq!(
        letter.advisory_body.as_ref().map(|b| b.name.as_str()),
        Some("reflectiegroep")
    );
    let recs = &letter.recommendations;
    assert!(
        (13..=17).contains(&recs.len()),
        "{} recommendations",
        recs.len()
    );
    let agrees = recs.iter().filter(|r| r.stance == Stance::Agrees).count();
    assert!(
        agrees * 3 >= recs.len() * 2,
        "most are endorsed: {agrees} of {}",
        recs.len()
    );
    assert!(
        recs.iter()
            .all(|r| !r.advice.is_empty() && !r.response.is_empty()),
        "every recommendation has advice and a response"
    );

    let about = |word: &str| {
        recs.iter()
            .filter(move |r| r.advice.iter().any(|s| s.text.contains(word)))
            .collect::<Vec<_>>()
    };
    // The recommendation whose first advice sentence is about `word` (in its first ten words).
    let opens_with = |word: &str| {
        recs.iter()
            .filter(move |r| {
                r.advice
                    .first()
                    .is_some_and(|s| s.text.split_whitespace().take(10).any(|w| w.contains(word)))
            })
            .collect::<Vec<_>>()
    };
    let china = opens_with("China");
    assert_eq!(china.len(), 1);
    assert_eq!(china[0].stance, Stance::Partly);
    let china_positions: Vec<Stance> = china[0].evidence.iter().map(|e| e.stance).collect();
    assert!(
        china_positions.contains(&Stance::Agrees) && china_positions.contains(&Stance::Disagrees),
        "{china_positions:?}"
    );

    let centre = about("Centre of Excellence");
    assert_eq!(centre.len(), 1);
    let examined = centre[0]
        .evidence
        .iter()
        .find(|e| e.sentence.contains("Centre of Excellence"))
        .expect("evidence on the centre");
    assert_eq!(
        examined.stance,
        Stance::Examines,
        "the centre is examined, not endorsed"
    );

    for (word, stance) in [
        ("Rusland", Stance::Agrees),
        ("terrorisme", Stance::Agrees),
        ("klimaatverandering", Stance::Agrees),
        ("zuidflank", Stance::Agrees),
    ] {
        let found = opens_with(word);
        assert!(
            found.first().is_some_and(|r| r.stance == stance),
            "{word}: {:?}",
            found.iter().map(|r| r.stance).collect::<Vec<_>>()
        );
    }
    // Every advice sentence points at its block.
    for r in recs {
        for s in r.advice.iter().chain(&r.response) {
            let block = &letter.sections[s.anchor.section].blocks[s.anchor.block];
            let at: String = block
                .text
                .chars()
                .skip(s.anchor.offset)
                .take(s.text.chars().count())
                .collect();
            assert_eq!(at, s.text);
        }
    }
    insta::assert_yaml_snapshot!(
        "navo2030_recommendations",
        recs.iter()
            .map(|r| (
                r.id.as_str(),
                r.section_heading.as_deref(),
                r.topic.as_str(),
                r.stance,
                r.advice.len(),
                r.response.len(),
                r.evidence
                    .iter()
                    .map(|e| (e.stance, e.cue.as_str()))
                    .collect::<Vec<_>>()
            ))
            .collect::<Vec<_>>()
    );
}
