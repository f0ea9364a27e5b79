//! `data/` is what `cargo xtask regenerate` writes from the replica: it must be current.

#![allow(clippy::unwrap_used)]

#[test]
fn committed_data_is_current() {
    let pdf = include_bytes!("../../../fixtures/navo2030/navo2030.pdf");
    let layout = kamerbrief_extract::extract(pdf, &Default::default()).unwrap();
    let parsed = kamerbrief_parse::parse(&layout);
    let json = kamerbrief_parse::render::json(&parsed);
    let markdown = kamerbrief_parse::render::markdown(&parsed.letter);
    assert!(
        json == include_str!("../../../data/navo2030.json"),
        "data/navo2030.json is stale: run `cargo xtask regenerate`"
    );
    assert!(
        markdown == include_str!("../../../data/navo2030.md"),
        "data/navo2030.md is stale: run `cargo xtask regenerate`"
    );
}
