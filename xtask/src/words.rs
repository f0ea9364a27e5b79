//! `cargo xtask gen-words`: regenerate the word lists of the parse crate.
//!
//! Writes `crates/parse/data/nl.fst` and `en.fst`, finite-state sets of lower-case words
//! (the `fst` crate), from the OpenTaal word list (Debian `wdutch`, `/usr/share/dict/dutch`,
//! BSD / CC BY 3.0) and SCOWL's American and British English lists of size 80 (Debian
//! `wamerican-huge` and `wbritish-huge`, `/usr/share/dict/{american,british}-english-huge`;
//! the smaller lists lack `counterterrorism`, the American one `defence`). The
//! parser asks them one question only: is this a word, so that a line-end hyphen the
//! document's own words do not explain is told from a typesetter's break.
//!
//! Dutch entries with capitals are kept, lowercased (`Nederlandse`), but for compounds with a
//! capital after a hyphen (`Sovjet-Unie`); English entries are taken only when written in
//! lower case (the list's names and possessives are left out).
//!
//! Usage: `cargo xtask gen-words [--check] [--dutch FILE] [--english FILE]...`.

use std::collections::BTreeSet;
use std::path::PathBuf;

const DUTCH: &str = "/usr/share/dict/dutch";
const ENGLISH: [&str; 2] = [
    "/usr/share/dict/american-english-huge",
    "/usr/share/dict/british-english-huge",
];

pub fn run(args: &[String]) -> crate::Result {
    let mut check = false;
    let mut dutch = PathBuf::from(DUTCH);
    let mut english: Vec<PathBuf> = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--dutch" => dutch = args.next().ok_or("--dutch needs a file")?.into(),
            "--english" => english.push(args.next().ok_or("--english needs a file")?.into()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if english.is_empty() {
        english = ENGLISH.iter().map(PathBuf::from).collect();
    }
    let dir = crate::root().join("crates/parse/data");
    let lists = [
        ("nl.fst", read(&[dutch], |w| !capital_after_hyphen(w))?),
        (
            "en.fst",
            read(&english, |w| !w.chars().any(char::is_uppercase))?,
        ),
    ];
    let mut stale = Vec::new();
    for (name, words) in lists {
        let mut builder = fst::SetBuilder::memory();
        for word in &words {
            builder.insert(word).map_err(|e| format!("{name}: {e}"))?;
        }
        let bytes = builder.into_inner().map_err(|e| format!("{name}: {e}"))?;
        let path = dir.join(name);
        let old = std::fs::read(&path).unwrap_or_default();
        let what = format!(
            "{} ({} words, {} bytes)",
            path.display(),
            words.len(),
            bytes.len()
        );
        if old == bytes {
            println!("unchanged {what}");
        } else if check {
            stale.push(what);
        } else {
            std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {what}");
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!("stale: {}", stale.join(", ")))
    }
}

/// A compound whose part after a hyphen opens with a capital (`Sovjet-Unie`, `Afro-Amerikaans`):
/// the lists are lowercased, and a break `Sovjet-` / `unie` would find it and keep the hyphen
/// where the list wants a capital after it; left out, so the lists say nothing about such a
/// break (written with the capital, the parser does not ask them).
fn capital_after_hyphen(word: &str) -> bool {
    word.split('-')
        .skip(1)
        .any(|part| part.starts_with(char::is_uppercase))
}

/// The lower-case words of one-word-per-line lists, sorted and unique, as `fst` wants them.
fn read(paths: &[PathBuf], keep: impl Fn(&str) -> bool) -> crate::Result<BTreeSet<String>> {
    let mut words = BTreeSet::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|e| {
            format!(
                "{}: {e} (apt-get install wdutch wamerican-huge wbritish-huge)",
                path.display()
            )
        })?;
        words.extend(
            text.lines()
                .map(str::trim)
                .filter(|w| !w.is_empty() && !w.contains(['\'', ' ']) && keep(w))
                .map(str::to_lowercase),
        );
    }
    Ok(words)
}
