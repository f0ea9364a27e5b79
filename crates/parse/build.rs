//! Counts the letter triples of the Dutch word list for the cipher's letter model
//! (`src/read/letter_model.rs`), so that no process streams the whole list to do it.

#[path = "src/read/letter_model.rs"]
#[allow(dead_code)]
mod letter_model;

use fst::Streamer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=data/nl.fst");
    println!("cargo::rerun-if-changed=src/read/letter_model.rs");
    let list = std::fs::read("data/nl.fst")?;
    let dutch = fst::Set::new(list)?;
    let mut counts = vec![0u32; letter_model::SYMBOLS.pow(3)];
    let mut words = dutch.stream();
    while let Some(word) = words.next() {
        if let Ok(word) = std::str::from_utf8(word) {
            letter_model::count_word(&mut counts, word);
        }
    }
    let bytes: Vec<u8> = counts.iter().flat_map(|n| n.to_le_bytes()).collect();
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?).join("nl_triples.bin");
    std::fs::write(out, bytes)?;
    Ok(())
}
