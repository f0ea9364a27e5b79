//! `cargo bench -p kamerbrief-extract`: the extraction of the replica and of synthetic pages,
//! so that a change to the interpreter, word building or the XY-cut is seen in numbers before
//! it lands. (`cargo xtask bench` measures whole processes against pdftotext and mutool.)

use std::path::Path;

fn main() {
    divan::main();
}

fn replica() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/navo2030/navo2030.pdf");
    std::fs::read(path).unwrap_or_default()
}

/// The replica, 11 pages: open, interpret, lay out, furniture.
#[divan::bench]
fn extract_replica(bencher: divan::Bencher) {
    let pdf = replica();
    bencher.bench(|| kamerbrief_extract::extract(divan::black_box(&pdf), &Default::default()));
}

/// The replica with its pages laid out one after another (one worker).
#[divan::bench]
fn extract_replica_one_worker(bencher: divan::Bencher) {
    let pdf = replica();
    let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(1).build() else {
        return;
    };
    bencher.bench(|| {
        pool.install(|| kamerbrief_extract::extract(divan::black_box(&pdf), &Default::default()))
    });
}
