//! `cargo bench -p kamerbrief-parse`: reading the replica's layout into a letter, the
//! analysis in it (references, dates, sentences, recommendations) and the JSON, so that a
//! change to them is seen in numbers before it lands.

use std::path::Path;

use kamerbrief_model::Layout;

fn main() {
    divan::main();
}

fn layout() -> Layout {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/navo2030/navo2030.pdf");
    let pdf = std::fs::read(path).unwrap_or_default();
    kamerbrief_extract::extract(&pdf, &Default::default()).unwrap_or_default()
}

/// Layout → letter, analysis included.
#[divan::bench]
fn parse_replica(bencher: divan::Bencher) {
    let layout = layout();
    bencher.bench(|| kamerbrief_parse::parse(divan::black_box(&layout)));
}

/// The letter as JSON.
#[divan::bench]
fn json_replica(bencher: divan::Bencher) {
    let parsed = kamerbrief_parse::parse(&layout());
    bencher.bench(|| kamerbrief_parse::render::json(divan::black_box(&parsed)));
}

/// The seed text parsed as text lines (no PDF): the parser alone on plain input.
#[divan::bench]
fn parse_seed_text(bencher: divan::Bencher) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/navo2030/navo2030.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    bencher.bench(|| kamerbrief_parse::parse(&Layout::from_text(divan::black_box(&text))));
}
