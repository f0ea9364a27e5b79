//! The examples run on the replica and say what they should.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../examples/recommendations_table.rs"]
mod recommendations_table;

#[path = "../examples/own_extractor.rs"]
mod own_extractor;

#[path = "../examples/export_signatories.rs"]
mod export_signatories;

const REPLICA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/navo2030/navo2030.pdf"
);

#[test]
fn recommendations_table_on_the_replica() {
    let table = recommendations_table::run(REPLICA).unwrap();
    assert!(table.starts_with("Advisory body: reflectiegroep"));
    assert!(
        table.lines().filter(|l| l.starts_with('r')).count() >= 13,
        "{table}"
    );
    assert!(table.contains("partly"));
}

#[test]
fn own_extractor_text_and_positions() {
    let seed = include_str!("../../../fixtures/navo2030/navo2030.txt");
    let text = own_extractor::from_text(seed);
    assert!(text.starts_with("Geachte voorzitter,\n\nIn april 2020"));
    let layout = own_extractor::from_positioned(&[
        (1, 72.0, 100.0, 10.0, false, "Geachte voorzitter,"),
        (1, 72.0, 124.0, 10.0, true, "Inleiding"),
        (1, 72.0, 148.0, 10.0, false, "Hierbij ontvangt u de brief."),
        (1, 72.0, 172.0, 10.0, false, "De Minister van Financiën,"),
        (1, 72.0, 196.0, 10.0, false, "P. de Vries"),
    ]);
    let letter = kamerbrief_parse::parse(&layout).letter;
    assert_eq!(
        letter.sections[0].heading.as_ref().unwrap().text,
        "Inleiding"
    );
    assert_eq!(letter.signatories[0].name.as_deref(), Some("P. de Vries"));
}

#[test]
fn export_signatories_on_the_replica() {
    let csv = export_signatories::run(REPLICA).unwrap();
    assert!(csv.contains("signatory,\"De Minister van Buitenlandse Zaken — Stef Blok\",11"));
    assert!(csv.contains("reference,kst-35373-1,3"));
}
