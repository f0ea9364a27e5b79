//! `cargo xtask producers`: the NAVO letter from every producer, ours next to pdftotext:
//! words right, blocks identical, words that are not the letter's (furniture, garbage).

use std::path::Path;
use std::process::Command;

/// The replica first, then the producer fixtures.
const FILES: &[&str] = &[
    "navo2030/navo2030.pdf",
    "producers/chromium.pdf",
    "producers/pdftex.pdf",
    "producers/groff.pdf",
    "producers/ghostscript.pdf",
    "producers/libreoffice-justified.pdf",
    "producers/qpdf-aes256.pdf",
    "producers/qpdf-objstreams.pdf",
];

pub fn run(_args: &[String]) -> crate::Result {
    let root = crate::root();
    let reference_text = read(&root.join("fixtures/navo2030/reference.txt"))?;
    let reference_blocks = blocks(&reference_text);
    let reference_words: Vec<&str> = reference_text.split_whitespace().collect();
    println!(
        "| producer | ours: words right | ours: blocks identical | ours: other words | pdftotext: words right | pdftotext: other words |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for file in FILES {
        let path = root.join("fixtures").join(file);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let layout = kamerbrief_extract::extract(&bytes, &Default::default())
            .map_err(|e| format!("{file}: {e}"))?;
        let ours = kamerbrief_parse::render::text(&kamerbrief_parse::parse(&layout).letter);
        let our_blocks = blocks(&ours);
        let identical = our_blocks
            .iter()
            .zip(&reference_blocks)
            .filter(|(a, b)| a == b)
            .count();
        let (ours_right, ours_other) = word_figures(&ours, &reference_words);
        let theirs = pdftotext(&path)?;
        let (theirs_right, theirs_other) = word_figures(&theirs, &reference_words);
        let name = Path::new(file)
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        println!(
            "| {name} | {:.2} % | {identical}/{} | {ours_other} | {:.2} % | {theirs_other} |",
            ours_right * 100.0,
            reference_blocks.len(),
            theirs_right * 100.0
        );
    }
    println!(
        "\nwords right: reference words matched in order (longest common subsequence); other words: words of the output that are not matched (furniture, glued or split words)."
    );
    Ok(())
}

fn read(path: &Path) -> crate::Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn blocks(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty())
        .collect()
}

/// (share of reference words matched in order, output words not matched).
fn word_figures(output: &str, reference: &[&str]) -> (f64, usize) {
    let words: Vec<&str> = output.split_whitespace().collect();
    let matched = lcs(&words, reference);
    (
        matched as f64 / reference.len().max(1) as f64,
        words.len() - matched,
    )
}

/// Length of the longest common subsequence, in two rows of memory.
fn lcs(a: &[&str], b: &[&str]) -> usize {
    let mut previous = vec![0u32; b.len() + 1];
    let mut current = vec![0u32; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            let value = if x == y {
                previous.get(j).map_or(0, |v| v + 1)
            } else {
                previous
                    .get(j + 1)
                    .copied()
                    .unwrap_or(0)
                    .max(current.get(j).copied().unwrap_or(0))
            };
            if let Some(slot) = current.get_mut(j + 1) {
                *slot = value;
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0) as usize
}

/// pdftotext's text of a file (installed with apt when missing).
fn pdftotext(path: &Path) -> crate::Result<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        println!("installing poppler-utils for pdftotext");
        let status = Command::new("sh")
            .args([
                "-c",
                "apt-get update -q && apt-get install -y -q poppler-utils",
            ])
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err("could not install poppler-utils".into());
        }
    }
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| format!("pdftotext: {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn lcs_counts_words_in_order() {
        assert_eq!(super::lcs(&["a", "x", "b", "c"], &["a", "b", "c", "d"]), 3);
    }
}
