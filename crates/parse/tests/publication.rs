//! The official publication (the Tweede Kamer's typeset edition) as first-class input: the
//! NAVO letter published as Kamerstuk 28 676, nr. 360 (fixtures/publication/, see
//! fixtures/README.md) gives the replica's letter and the publication's metadata; an
//! invented motie and amendement give theirs; the Aanhangsel answers of the corpus theirs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use kamerbrief_model::{BlockKind, DateKind, Letter, PaperKind, Parsed, Publication, Role, Stance};
use kamerbrief_parse::LineKind;

/// The parsed paper, and its layout with the lines the parser read as masthead, colophon
/// and running foot marked as furniture (what they state is in `publication`, checked
/// field by field), so that the body can be accounted for.
fn parse(path: &str) -> (kamerbrief_model::Layout, Parsed) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    let mut layout =
        kamerbrief_extract::extract(&std::fs::read(&full).unwrap(), &Default::default()).unwrap();
    let (parsed, annotations) = kamerbrief_parse::parse_annotated(&layout);
    for a in annotations.iter().filter(|a| a.kind == LineKind::Masthead) {
        let page = layout
            .pages
            .iter_mut()
            .find(|p| p.number == a.page)
            .unwrap();
        page.lines[a.line].role = Role::Header;
    }
    (layout, parsed)
}

fn value(stated: &Option<kamerbrief_model::Stated>) -> Option<&str> {
    stated.as_ref().map(|s| s.value.as_str())
}

/// The body's blocks as text (headings, paragraphs, list items), without salutation and
/// signatures: what the ministry's letter and its publication share.
fn body_blocks(letter: &Letter) -> Vec<String> {
    let body = Letter {
        sections: letter.sections.clone(),
        ..Letter::default()
    };
    common::blocks(&kamerbrief_parse::render::text(&body))
}

/// Words of the masthead, colophon and running foot: never in the body.
const FURNITURE: &[&str] = &[
    "Staten-Generaal",
    "Vergaderjaar",
    "vergaderjaar",
    "kst-",
    "ISSN",
    "Gravenhage",
    "BRIEF VAN DE MINISTERS",
    "MOTIE VAN",
    "AMENDEMENT VAN",
    "Nr. 36",
    "Voorgesteld",
    "Ontvangen 3 juni",
];

fn assert_no_furniture(name: &str, letter: &Letter) {
    let body = body_blocks(letter).join("\n");
    for word in FURNITURE {
        assert!(!body.contains(word), "{name}: {word:?} in the body");
    }
    assert_masthead_is_no_field(name, letter);
}

/// The masthead and colophon in the margin are the publication's (read into `publication`),
/// not the letter's sender or reference fields.
fn assert_masthead_is_no_field(name: &str, letter: &Letter) {
    let m = &letter.metadata;
    assert_eq!(m.sender, None, "{name}: a masthead line as the sender");
    for field in &m.reference_column {
        for word in ["Vergaderjaar", "ISSN", "kst-", "ah-tk-", "Gravenhage"] {
            assert!(
                !field.value.contains(word),
                "{name}: {word:?} as a field: {field:?}"
            );
        }
    }
}

#[test]
fn navo_letter_as_published_is_the_replicas_letter() {
    let (layout, published) = parse("fixtures/publication/navo2030.pdf");
    let (_, replica) = parse("fixtures/navo2030/navo2030.pdf");
    common::assert_body_accounted_for(&layout, &published);
    let ours = &published.letter;
    // Block for block the same body; the publication prints no salutation.
    common::assert_blocks_eq(&body_blocks(ours), &body_blocks(&replica.letter));
    assert!(ours.salutation.is_none());
    // reference.txt's 66 blocks less the salutation and the four signature blocks.
    assert_eq!(body_blocks(ours).len(), 61);
    // The same recommendations with the same stances.
    let stances =
        |l: &Letter| -> Vec<Stance> { l.recommendations.iter().map(|r| r.stance).collect() };
    assert_eq!(stances(ours).len(), 15);
    assert_eq!(stances(ours), stances(&replica.letter));
    // The signatures as the official record prints them.
    let signatories: Vec<(&str, Option<&str>)> = ours
        .signatories
        .iter()
        .map(|s| (s.role.as_str(), s.name.as_deref()))
        .collect();
    assert_eq!(
        signatories,
        vec![
            ("De Minister van Buitenlandse Zaken", Some("S.A. Blok")),
            (
                "De Minister van Defensie",
                Some("A.Th.B. Bijleveld-Schouten")
            ),
        ]
    );
    let p: &Publication = ours.publication.as_ref().expect("a publication");
    assert_eq!(value(&p.id), Some("kst-28676-360"));
    assert_eq!(value(&p.chamber), Some("Tweede Kamer der Staten-Generaal"));
    assert_eq!(p.kind, PaperKind::Letter);
    assert_eq!(value(&p.session_year), Some("2020-2021"));
    assert_eq!(value(&p.dossier), Some("28676"));
    assert_eq!(value(&p.dossier_title), Some("NAVO"));
    assert_eq!(value(&p.number), Some("360"));
    assert_eq!(
        value(&p.title),
        Some("BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE")
    );
    assert_eq!(value(&p.date), Some("2021-04-07"));
    assert_eq!(p.date_kind, Some(DateKind::Signed));
    assert_eq!(ours.metadata.date.as_deref(), Some("2021-04-07"));
    assert_eq!(
        ours.metadata.addressee,
        vec!["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"]
    );
    // Every stated field can be traced to page 1.
    for s in [&p.id, &p.session_year, &p.dossier, &p.number, &p.title] {
        assert_eq!(s.as_ref().map(|s| s.page), Some(1));
    }
    assert_no_furniture("navo2030", ours);
}

#[test]
fn motie_with_its_clauses_and_members() {
    let (layout, parsed) = parse("fixtures/publication/motie.pdf");
    common::assert_body_accounted_for(&layout, &parsed);
    let letter = &parsed.letter;
    let p = letter.publication.as_ref().expect("a publication");
    assert_eq!(p.kind, PaperKind::Motie);
    assert_eq!(value(&p.dossier), Some("28676"));
    assert_eq!(value(&p.number), Some("361"));
    assert_eq!(value(&p.title), Some("MOTIE VAN HET LID JANSEN C.S."));
    assert_eq!(value(&p.date), Some("2021-04-15"));
    assert_eq!(p.date_kind, Some(DateKind::Proposed));
    assert_eq!(p.members, vec!["Jansen", "De Vries", "Bakker"]);
    let items: Vec<(&str, &str)> = letter
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::List)
        .flat_map(|b| &b.items)
        .map(|i| (i.label.as_str(), i.text.as_str()))
        .collect();
    let labels: Vec<&str> = items.iter().map(|i| i.0).collect();
    assert_eq!(labels, vec!["constaterende", "overwegende", "verzoekt"]);
    assert!(items[0].1.starts_with("dat de reflectiegroep NAVO 2030"));
    assert!(items[2].1.ends_with("voor de zomer te informeren,"));
    let paragraphs: Vec<&str> = letter
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        paragraphs,
        vec![
            "De Kamer,",
            "gehoord de beraadslaging,",
            "en gaat over tot de orde van de dag."
        ]
    );
    assert_no_furniture("motie", letter);
}

#[test]
fn amendement_with_its_member() {
    let (layout, parsed) = parse("fixtures/publication/amendement.pdf");
    common::assert_body_accounted_for(&layout, &parsed);
    let letter = &parsed.letter;
    let p = letter.publication.as_ref().expect("a publication");
    assert_eq!(p.kind, PaperKind::Amendement);
    assert_eq!(value(&p.dossier), Some("35812"));
    assert_eq!(
        value(&p.dossier_title),
        Some("Wijziging van de Wet veiligheidsregio’s in verband met de evaluatietermijn")
    );
    assert_eq!(value(&p.number), Some("12"));
    assert_eq!(value(&p.date), Some("2021-06-03"));
    assert_eq!(p.date_kind, Some(DateKind::Received));
    assert_eq!(p.members, vec!["Van der Berg"]);
    let headings: Vec<&str> = letter
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(headings, vec!["Toelichting"]);
    assert_no_furniture("amendement", letter);
}

#[test]
fn aanhangsel_answers_state_their_publication() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let expected = [
        (
            "nl-tk__1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf",
            "ah-tk-20232024-2210",
            "2210",
            "2024-07-23",
        ),
        (
            "nl-tk__1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf",
            "ah-tk-20232024-2271",
            "2271",
            "2024-08-12",
        ),
        (
            "nl-tk__1c0f765c-d7b4-455e-a241-35a4e9a9dc36.pdf",
            "ah-tk-20232024-1178",
            "1178",
            "2024-03-07",
        ),
    ];
    for (file, id, number, received) in expected {
        let path = dir.join(file);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{} not found: skipped", path.display());
            continue;
        };
        let layout = kamerbrief_extract::extract(&bytes, &Default::default()).unwrap();
        let letter = kamerbrief_parse::parse(&layout).letter;
        let p = letter.publication.as_ref().expect("a publication");
        assert_eq!(value(&p.id), Some(id), "{file}");
        assert_eq!(p.kind, PaperKind::Answers, "{file}");
        assert_eq!(value(&p.session_year), Some("2023-2024"), "{file}");
        assert_eq!(value(&p.number), Some(number), "{file}");
        assert_eq!(value(&p.date), Some(received), "{file}");
        assert_eq!(p.date_kind, Some(DateKind::Received), "{file}");
        assert_eq!(
            letter.kamervragen.as_ref().and_then(|k| k.aanhangsel),
            number.parse().ok(),
            "{file}"
        );
        let body = body_blocks(&letter).join("\n");
        for word in [
            "Aanhangsel van de Handelingen",
            "Vergaderjaar",
            "ISSN",
            "ah-tk-",
        ] {
            assert!(!body.contains(word), "{file}: {word:?} in the body");
        }
        assert_masthead_is_no_field(file, &letter);
        // Answer 6 of `1a529d02` goes through the Gezondheidsraad's three recommendations
        // as a numbered list (page 3), each item the advice and the minister's answer to it.
        if file.starts_with("nl-tk__1a529d02") {
            let items: Vec<(&str, usize)> = letter
                .recommendations
                .iter()
                .map(|r| {
                    let advice = r.advice.first().map_or("", |s| s.text.as_str());
                    (advice, r.response.len())
                })
                .collect();
            let opens = [
                "1. De Gezondheidsraad adviseert om in te zetten op preventie",
                "2. Specifieke adviezen van de Gezondheidsraad",
                "3. De Gezondheidsraad adviseert om een onderzoeksagenda",
            ];
            assert_eq!(items.len(), opens.len(), "{file}: {items:#?}");
            for ((advice, responses), opens) in items.iter().zip(opens) {
                assert!(advice.starts_with(opens), "{file}: {advice:?}");
                assert!(*responses > 0, "{file}: {opens}… unanswered");
            }
        }
        // An answer may weigh an advisory body's advice, within the answer: a member's
        // question is neither advice nor response.
        for r in &letter.recommendations {
            for s in r.advice.iter().chain(&r.response) {
                assert!(
                    !s.text.starts_with("Vraag "),
                    "{file}: {} has {:?}",
                    r.id,
                    s.text
                );
            }
        }
    }
}
