//! The Dutch files of the corpus (`../shared/corpus/nl-*`, read in place), rewritten by
//! Ghostscript (`gs -sDEVICE=pdfwrite`, what "print to PDF" runs), give the data of their
//! originals: every block's kind and text, every field, provenance and metadata aside.
//! Ghostscript splits fonts into subsets with metrics of their own, redraws strokes, and
//! regroups the text into other runs. Skipped, and said so, without Ghostscript. The same
//! files, and the fixtures, rewritten by cairo (`pdftocairo -pdf`) give their data too.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use serde_json::Value;

#[test]
fn dutch_corpus_files_rewritten_by_ghostscript_give_their_data() {
    let Some(files) = dutch_corpus(kamerbrief_testkit::has_ghostscript(), "Ghostscript (gs)")
    else {
        return;
    };
    let differ = rewrite_all(&files, "gs", |pdf, out| {
        std::process::Command::new("gs")
            .args(["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite"])
            .arg(format!("-sOutputFile={}", out.display()))
            .arg(pdf)
            .status()
            .unwrap()
            .success()
    });
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// The committed fixtures (the replica, the producers', and the sweep's originals that the
/// sweep reads right: neither Ghostscript rewrites nor copies without maps), rewritten by
/// cairo (`pdftocairo -pdf`, what Firefox and Evince print with), give their data. cairo
/// names its fonts by number (`CairoFont-1-0`), writes Latin Modern's bounding box as its
/// ascent, folds space glyphs into `TJ` numbers, and writes U+FFFD with an empty
/// `/ActualText` for glyphs it cannot map. Skipped, and said so, without pdftocairo.
/// `ghostscript-chromium` is left out with the sweep's Ghostscript rewrites: its maps claim
/// the quotes as `8` and `9`, which the outlines contradict only where a map claims one
/// character twice (`font/shapes.rs`); cairo cuts its fonts into subsets whose maps do not,
/// so the rewrite reads `8NAVO20309` as its maps say, where the original now reads the quotes.
/// `writer-2col-06mm-carlito` is left out too: LibreOffice shows the hyphens of its
/// hyphenation apart from their words, so the original's `landen-` (shown with its letters)
/// keeps its hyphen; cairo shows each line in one run, and the rewrite is read by the word
/// lists, which write `landenneutraal` (S11, as the Ghostscript rewrite).
#[test]
fn fixtures_rewritten_by_cairo_give_their_data() {
    if !has_cairo() {
        eprintln!("skipped: pdftocairo (poppler-utils) is not installed");
        return;
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files = vec![fixtures.join("navo2030/navo2030.pdf")];
    for dir in ["producers", "sweep"] {
        let mut pdfs: Vec<_> = std::fs::read_dir(fixtures.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .filter(|p| {
                let name = p.file_stem().unwrap().to_string_lossy();
                !name.ends_with("-gs")
                    && name != "ghostscript-chromium"
                    && name != "writer-2col-06mm-carlito"
                    && !name.contains("notounicode")
                    && !name.contains("aes256")
            })
            .collect();
        pdfs.sort();
        files.extend(pdfs);
    }
    let differ = rewrite_all(&files, "pdftocairo", cairo);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// The Dutch files of the corpus rewritten by cairo give their originals' data, but two:
/// cairo drops the leading zero of `030PPM` in `nl-woo__10999` (pdftotext reads its rewrite
/// so too), which gives its data with numbers' leading zeros aside (cairo cuts Word's
/// Calibri into subsets that give one code two glyphs, `ti` and `ft`: both are read); and
/// the rewrite of `nl-openkamer__besluitenlijst_example1` sets two labels of its left column
/// apart as the original sets the others (open), whose glyphs are still all read (no
/// U+FFFD in its data). Skipped without pdftocairo.
#[test]
fn dutch_corpus_files_rewritten_by_cairo_give_their_data() {
    let Some(files) = dutch_corpus(has_cairo(), "pdftocairo (poppler-utils)") else {
        return;
    };
    let (zeros, labels) = ("nl-woo__10999", "nl-openkamer__besluitenlijst_example1");
    let named = |p: &Path, name: &str| p.file_stem().is_some_and(|s| s == name);
    let alike: Vec<_> = (files.iter())
        .filter(|p| !named(p, zeros) && !named(p, labels))
        .cloned()
        .collect();
    let differ = rewrite_all(&alike, "pdftocairo-nl", cairo);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let dir = std::env::temp_dir().join(format!("kamerbrief-cairo-nl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let leading_zeros = regex::Regex::new(r"\b0+(\d)").unwrap();
    for pdf in files.iter().filter(|p| named(p, zeros) || named(p, labels)) {
        let out = dir.join(pdf.file_name().unwrap());
        assert!(cairo(pdf, &out));
        let rewritten = data(&out).to_string();
        if named(pdf, zeros) {
            let original = data(pdf).to_string();
            let [a, b] = [&original, &rewritten].map(|t| leading_zeros.replace_all(t, "$1"));
            assert!(
                a == b,
                "{}: {}",
                pdf.display(),
                first_word_difference(&a, &b)
            );
        } else {
            assert!(
                !rewritten.contains('\u{FFFD}'),
                "{}: a glyph left unread",
                pdf.display()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The real letters (`../shared/letters-real`) rewritten by cairo give their data. cairo
/// places a subscript (`CO₂` in the IenW letter) a third of a point further from the letter
/// before it than Word does: 1.4 pt at 9 pt, read as a word gap until a script's gap was
/// measured against the larger type's narrowest space. Skipped without pdftocairo, or
/// without the letters (`../shared/letters-real`, read in place).
#[test]
fn real_letters_rewritten_by_cairo_give_their_data() {
    if !has_cairo() {
        eprintln!("skipped: pdftocairo (poppler-utils) is not installed");
        return;
    }
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/letters-real");
    let Ok(dir) = std::fs::read_dir(&real) else {
        eprintln!("skipped: no real letters at {}", real.display());
        return;
    };
    let mut files: Vec<_> = dir
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no letters in {}", real.display());
    let differ = rewrite_all(&files, "pdftocairo-real", cairo);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// The replica and the real letters printed through PostScript (`pdftops`, then `ps2pdf`:
/// what a CUPS print queue does), which keeps the glyphs' codes and drops every name:
/// LibreOffice's and Word's subsets come out as TrueType fonts whose codes number the
/// glyphs from 1 (or are the old glyph ids, the space at 3), without maps, encodings or
/// glyph names; pdftotext prints nothing legible of the replica and shifts the IenW
/// letter's text by 29 codes (`³(YHQZLFKWLJ` for `“Evenwichtig`). The 2018 letter, whose
/// fonts keep their maps, gives its data; every word read in the others is a word of the
/// original (where nothing names a glyph, U+FFFD, never another letter); and the replica's
/// faces, read as ciphers, give back most of its words (0.94 of them, furniture included).
#[test]
fn letters_printed_through_postscript_give_their_words() {
    let installed = |tool: &str| {
        (std::process::Command::new("which").arg(tool).output()).is_ok_and(|o| o.status.success())
    };
    if !installed("pdftops") || !installed("ps2pdf") {
        eprintln!("skipped: pdftops (poppler-utils) or ps2pdf (Ghostscript) is not installed");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let real = root.join("../shared/letters-real");
    let dir = std::env::temp_dir().join(format!("kamerbrief-ps-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let print = |pdf: &Path| {
        let stem = pdf.file_stem().unwrap().to_string_lossy().to_string();
        let (ps, out) = (
            dir.join(format!("{stem}.ps")),
            dir.join(format!("{stem}.pdf")),
        );
        let run = |tool: &str, a: &Path, b: &Path| {
            let status = std::process::Command::new(tool).arg(a).arg(b).status();
            assert!(
                status.unwrap().success(),
                "{tool} failed on {}",
                a.display()
            );
        };
        run("pdftops", pdf, &ps);
        run("ps2pdf", &ps, &out);
        out
    };
    let replica = root.join("fixtures/navo2030/navo2030.pdf");
    let mut files = vec![replica.clone()];
    for name in [
        "20181003-ocw-leerlingendaling",
        "20230203-ienw-circulaire-economie-npce",
    ] {
        let pdf = real.join(format!("{name}.pdf"));
        if pdf.exists() {
            files.push(pdf);
        } else {
            eprintln!("skipped: {} is not there", pdf.display());
        }
    }
    for pdf in &files {
        let printed = print(pdf);
        let name = pdf.file_stem().unwrap().to_string_lossy();
        if name.starts_with("20181003") {
            assert_eq!(data(pdf), data(&printed), "{name}");
        }
        let (theirs, ours) = (text_words(pdf), text_words(&printed));
        let vocabulary: std::collections::BTreeSet<&String> = theirs.iter().collect();
        let whole = theirs.join(" ");
        let wrong: Vec<&String> = (ours.iter())
            .filter(|w| !w.contains('\u{FFFD}') && !vocabulary.contains(w))
            .filter(|w| !whole.contains(w.as_str()))
            .collect();
        assert!(
            wrong.is_empty(),
            "{name}: words the original does not write: {wrong:?}"
        );
        if *pdf == replica {
            let mut left: std::collections::BTreeMap<&String, usize> = Default::default();
            for w in &theirs {
                *left.entry(w).or_default() += 1;
            }
            let found = (ours.iter())
                .filter(|w| {
                    left.get_mut(w).is_some_and(|n| {
                        *n > 0 && {
                            *n -= 1;
                            true
                        }
                    })
                })
                .count();
            let share = found as f64 / theirs.len() as f64;
            eprintln!("the replica through PostScript: {share:.3} of its words");
            assert!(
                share >= 0.85,
                "the replica through PostScript: {share:.3} of its words"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The words of the letter's text, furniture included, with the glyphs the parser reads
/// that the file does not name.
fn text_words(pdf: &Path) -> Vec<String> {
    let bytes = std::fs::read(pdf).unwrap();
    let layout = kamerbrief_extract::extract(&bytes, &Default::default()).unwrap();
    let layout = kamerbrief_parse::read_ligatures(&layout).map_or(layout, |(read, _)| read);
    layout.words().map(|w| w.text.clone()).collect()
}

/// The first word where two texts part, with the other's.
fn first_word_difference(a: &str, b: &str) -> String {
    let pair = a
        .split_whitespace()
        .zip(b.split_whitespace())
        .find(|(x, y)| x != y);
    format!("{pair:?}")
}

/// The Dutch corpus files, where `tool` (that rewrites them) is installed and the corpus is
/// there; `None`, said so, where not.
fn dutch_corpus(installed: bool, tool: &str) -> Option<Vec<std::path::PathBuf>> {
    if !installed {
        eprintln!("skipped: {tool} is not installed");
        return None;
    }
    let files = kamerbrief_testkit::corpus_files("nl-");
    if files.is_empty() {
        eprintln!("skipped: no corpus at ../shared/corpus");
        return None;
    }
    Some(files)
}

fn has_cairo() -> bool {
    std::process::Command::new("pdftocairo")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `pdftocairo -pdf original output`; whether it succeeded.
fn cairo(pdf: &Path, out: &Path) -> bool {
    std::process::Command::new("pdftocairo")
        .arg("-pdf")
        .arg(pdf)
        .arg(out)
        .status()
        .unwrap()
        .success()
}

/// Rewrites each of `files` by `tool` (`rewrite(original, output)`, false where it failed)
/// into a directory of its own, and lists the files whose data differ, with where.
fn rewrite_all(
    files: &[std::path::PathBuf],
    tool: &str,
    rewrite: impl Fn(&Path, &Path) -> bool,
) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("kamerbrief-{tool}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut differ = Vec::new();
    for pdf in files {
        let out = dir.join(pdf.file_name().unwrap());
        assert!(rewrite(pdf, &out), "{tool} failed on {}", pdf.display());
        let (original, rewritten) = (data(pdf), data(&out));
        if original != rewritten {
            let name = pdf.file_stem().unwrap().to_string_lossy();
            differ.push(format!(
                "{name}: {}",
                first_difference(&original, &rewritten, "")
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "{} files rewritten by {tool}, {} differ",
        files.len(),
        differ.len()
    );
    differ
}

/// The parsed letter as JSON, without what a rewrite may move or change: boxes and
/// provenance, the file's metadata, diagnostics.
fn data(pdf: &Path) -> Value {
    let bytes = std::fs::read(pdf).unwrap();
    let layout = kamerbrief_extract::extract(&bytes, &Default::default()).unwrap();
    let letter = kamerbrief_parse::parse(&layout).letter;
    let mut value = serde_json::to_value(&letter).unwrap();
    strip(&mut value);
    value
}

const MOVABLE: &[&str] = &[
    "provenance",
    // A block's boxes by page: provenance too (cairo's rewrite of `writer-2col-indented`
    // gives a paragraph's two columns on its last page a box each, the original one box).
    "parts",
    "source",
    "bbox",
    "boxes",
    "page_boxes",
    "metadata",
    "diagnostics",
];

/// Drops the [`MOVABLE`] keys, and the white space beside a table of contents' leader
/// dots: the gaps there (0.14 em in the accessibility reports) are read by the run their
/// glyphs are drawn in, and the rewrite regroups the runs and fonts.
fn strip(value: &mut Value) {
    static LEADERS: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\s*(\.{3,})\s*").unwrap());
    match value {
        Value::Object(map) => {
            map.retain(|k, _| !MOVABLE.contains(&k.as_str()));
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        Value::String(text) => *text = LEADERS.replace_all(text, "$1").into_owned(),
        _ => {}
    }
}

/// Where two values first differ, as a path and the two values, shortened.
fn first_difference(a: &Value, b: &Value, path: &str) -> String {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or(&Value::Null);
                if v != w {
                    return first_difference(v, w, &format!("{path}.{k}"));
                }
            }
            format!("{path}: keys differ")
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if v != w {
                    return first_difference(v, w, &format!("{path}[{i}]"));
                }
            }
            String::new()
        }
        _ => {
            let short = |v: &Value| v.to_string().chars().take(160).collect::<String>();
            format!("{path}: {} | {}", short(a), short(b))
        }
    }
}
