//! The Dutch files of the corpus (`../shared/corpus/nl-*`, read in place), rewritten by
//! Ghostscript (`gs -sDEVICE=pdfwrite`, what "print to PDF" runs), give the data of their
//! originals: every block's kind and text, every field, provenance and metadata aside.
//! Ghostscript splits fonts into subsets with metrics of their own, redraws strokes, and
//! regroups the text into other runs. Skipped, and said so, without Ghostscript.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use serde_json::Value;

#[test]
fn dutch_corpus_files_rewritten_by_ghostscript_give_their_data() {
    if !kamerbrief_testkit::has_ghostscript() {
        eprintln!("skipped: Ghostscript (gs) is not installed");
        return;
    }
    let files = kamerbrief_testkit::corpus_files("nl-");
    if files.is_empty() {
        eprintln!("skipped: no corpus at ../shared/corpus");
        return;
    }
    let dir = std::env::temp_dir().join(format!("kamerbrief-rewrites-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut differ = Vec::new();
    for pdf in &files {
        let out = dir.join(pdf.file_name().unwrap());
        let status = std::process::Command::new("gs")
            .args(["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite"])
            .arg(format!("-sOutputFile={}", out.display()))
            .arg(pdf)
            .status()
            .unwrap();
        assert!(status.success(), "gs failed on {}", pdf.display());
        let (original, rewrite) = (data(pdf), data(&out));
        if original != rewrite {
            differ.push(format!(
                "{}: {}",
                pdf.display(),
                first_difference(&original, &rewrite, "")
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("{} files rewritten, {} differ", files.len(), differ.len());
    assert!(differ.is_empty(), "{}", differ.join("\n"));
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
