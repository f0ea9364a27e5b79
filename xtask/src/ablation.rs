//! `cargo xtask ablation`: the `/ToUnicode` maps are removed from every font (simple fonts,
//! composite fonts and their descendants) with lopdf, and the stripped file is read by our
//! extractor (with the parser's reading of the glyphs the file does not name, as `kamerbrief
//! parse` reads them), `pdftotext` and `mutool draw -F txt`. Each tool is judged against its own text
//! of the unstripped file, so that reading order and furniture do not count: what is
//! measured is how much text each gets from encodings and font programs alone.
//!
//! Files: the committed fixtures (`fixtures/**/*.pdf`) and the corpus (`../shared/corpus`),
//! each taken when every font that needs a program has it embedded and at least one font has
//! a ToUnicode map (otherwise stripping changes nothing, or a missing font would be measured).
//! The stripped files go to a temporary directory, removed afterwards (`--keep DIR` keeps
//! them).
//!
//! Per tool and file:
//! - **words recovered**: the tool's words of the unstripped file (a multiset, normalised as
//!   in `cargo xtask corpus`) found in its words of the stripped file;
//! - **wrong words**: the stripped file's words, without an unmapped glyph (U+FFFD,
//!   private-use), that are not among the unstripped file's: what a tool made up;
//! - **glyphs mapped**: of the non-space characters of the stripped text, those that are not
//!   U+FFFD, private-use or control characters (a tool that drops unmapped glyphs scores high
//!   here and low on words).
//!
//! Totals pool the words and characters of all files; "files recovered" counts files with
//! at least 99 % of their words recovered.
//!
//! Options: `--only SUBSTR` (repeatable), `--corpus DIR`, `--keep DIR`, `--md FILE` (writes
//! the Markdown tables), `--fixtures-only`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use kamerbrief_extract::{Options, extract};
use lopdf::{Dictionary, Document, Object};

use crate::corpus::{Bag, password, score, words};

const USAGE: &str = "usage: cargo xtask ablation [--only SUBSTR]... [--corpus DIR] [--keep DIR] [--md FILE] [--fixtures-only]";

/// Font subtypes whose glyphs come from a font program (Type 3 glyphs are in the file).
const PROGRAM_FONTS: &[&[u8]] = &[
    b"Type1",
    b"MMType1",
    b"TrueType",
    b"CIDFontType0",
    b"CIDFontType2",
];

/// Share of words from which a file counts as recovered.
const RECOVERED: f64 = 0.99;

struct Args {
    only: Vec<String>,
    corpus: PathBuf,
    keep: Option<PathBuf>,
    md: Option<PathBuf>,
    fixtures_only: bool,
}

fn parse_args(args: &[String]) -> crate::Result<Args> {
    let mut parsed = Args {
        only: Vec::new(),
        corpus: crate::root().join("..").join("shared").join("corpus"),
        keep: None,
        md: None,
        fixtures_only: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| USAGE.to_string());
        match arg.as_str() {
            "--only" => parsed.only.push(value()?),
            "--corpus" => parsed.corpus = PathBuf::from(value()?),
            "--keep" => parsed.keep = Some(PathBuf::from(value()?)),
            "--md" => parsed.md = Some(PathBuf::from(value()?)),
            "--fixtures-only" => parsed.fixtures_only = true,
            _ => return Err(USAGE.into()),
        }
    }
    Ok(parsed)
}

pub fn run(args: &[String]) -> crate::Result {
    let args = parse_args(args)?;
    let pdftotext = crate::tools::ensure("pdftotext", "-v", &["poppler-utils"])?;
    let mutool = crate::tools::ensure("mutool", "-v", &["mupdf-tools"])?;
    println!("{pdftotext}; {mutool}");
    if cfg!(debug_assertions) {
        println!("(debug build: times are not measured here, only text)");
    }
    let temp = std::env::temp_dir().join(format!("kamerbrief-ablation-{}", std::process::id()));
    let out_dir = args.keep.clone().unwrap_or_else(|| temp.clone());
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let result = run_sets(&args, &out_dir, &pdftotext, &mutool);
    if args.keep.is_none() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    result
}

fn run_sets(args: &Args, out_dir: &Path, pdftotext: &str, mutool: &str) -> crate::Result {
    let mut fixtures = Vec::new();
    pdfs_under(&crate::root().join("fixtures"), &mut fixtures);
    fixtures.sort();
    let mut sets = vec![("fixtures", fixtures)];
    if !args.fixtures_only {
        let mut corpus = Vec::new();
        if let Ok(entries) = std::fs::read_dir(&args.corpus) {
            corpus.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))),
            );
        } else {
            println!(
                "note: no corpus at {}; fixtures only",
                args.corpus.display()
            );
        }
        corpus.sort();
        sets.push(("corpus", corpus));
    }
    let mut md = format!(
        "Peers: {pdftotext}, {mutool}. Each tool against its own text of the unstripped files.\n"
    );
    for (set, files) in sets {
        let files: Vec<PathBuf> = files
            .into_iter()
            .filter(|p| {
                let name = p.to_string_lossy();
                args.only.is_empty() || args.only.iter().any(|s| name.contains(s.as_str()))
            })
            .collect();
        println!("\n## {set} ({} PDFs)\n", files.len());
        let rows = measure_set(&files, out_dir)?;
        let summary = Summary::of(&rows);
        print!("{}", summary.console(set));
        md.push('\n');
        md.push_str(&summary.markdown(set));
    }
    println!("\n{md}");
    if let Some(path) = &args.md {
        std::fs::write(path, &md).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn pdfs_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            pdfs_under(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Stripping

/// A file with its ToUnicode maps removed.
struct Stripped {
    bytes: Vec<u8>,
    removed: usize,
    embedded: bool,
}

/// Loads `pdf` with lopdf, removes every font's `/ToUnicode` and saves it again (encrypted
/// files are written decrypted). `None` when lopdf cannot read or write it.
fn strip(pdf: &[u8], password: Option<&str>) -> Option<Stripped> {
    let options = match password {
        Some(pw) => lopdf::LoadOptions::with_password(pw),
        None => lopdf::LoadOptions::default(),
    };
    let mut doc = Document::load_mem_with_options(pdf, options).ok()?;
    let mut removed = 0;
    for object in doc.objects.values_mut() {
        visit_mut(object, &mut |dict| {
            if dict.remove(b"ToUnicode").is_some() {
                removed += 1;
            }
        });
    }
    let mut embedded = true;
    for object in doc.objects.values() {
        visit(object, &mut |dict| {
            if needs_program(dict) && !has_program(&doc, dict) {
                embedded = false;
            }
        });
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).ok()?;
    Some(Stripped {
        bytes,
        removed,
        embedded,
    })
}

fn is_font(dict: &Dictionary) -> bool {
    dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font".as_slice())
        || dict.has(b"BaseFont")
}

fn needs_program(dict: &Dictionary) -> bool {
    is_font(dict)
        && dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| PROGRAM_FONTS.contains(&s))
}

fn has_program(doc: &Document, font: &Dictionary) -> bool {
    let descriptor = match font.get(b"FontDescriptor") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    descriptor.is_some_and(|d| {
        [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| d.has(k))
    })
}

/// Calls `f` on every font dictionary inside `object`, inline ones included.
fn visit_mut(object: &mut Object, f: &mut impl FnMut(&mut Dictionary)) {
    match object {
        Object::Dictionary(dict) => {
            if is_font(dict) {
                f(dict);
            }
            dict.iter_mut().for_each(|(_, v)| visit_mut(v, f));
        }
        Object::Array(items) => items.iter_mut().for_each(|o| visit_mut(o, f)),
        Object::Stream(stream) => stream.dict.iter_mut().for_each(|(_, v)| visit_mut(v, f)),
        _ => {}
    }
}

fn visit(object: &Object, f: &mut impl FnMut(&Dictionary)) {
    match object {
        Object::Dictionary(dict) => {
            if is_font(dict) {
                f(dict);
            }
            dict.iter().for_each(|(_, v)| visit(v, f));
        }
        Object::Array(items) => items.iter().for_each(|o| visit(o, f)),
        Object::Stream(stream) => stream.dict.iter().for_each(|(_, v)| visit(v, f)),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Measuring

const TOOLS: [&str; 3] = ["kamerbrief-extract", "pdftotext", "mutool"];

/// One tool on one file: its text before and after stripping.
#[derive(Default, Clone, Copy)]
struct Measure {
    words_before: usize,
    words_recovered: usize,
    words_after: usize,
    wrong_words: usize,
    chars_after: usize,
    chars_mapped: usize,
}

impl Measure {
    fn of(before: &str, after: &str) -> Measure {
        let (b, a): (Bag, Bag) = (words(before), words(after));
        let s = score(&b, &a);
        let words_before: usize = b.values().sum();
        let words_after: usize = a.values().sum();
        let shared = (s.recall * words_before as f64).round() as usize;
        // Words of the stripped text beyond the unstripped text's that carry no unmapped glyph.
        let invented: usize = a
            .iter()
            .filter(|(w, _)| w.chars().all(mapped))
            .map(|(w, &n)| n.saturating_sub(b.get(w).copied().unwrap_or(0)))
            .sum();
        let chars: Vec<char> = after.chars().filter(|c| !c.is_whitespace()).collect();
        Measure {
            words_before,
            words_recovered: shared,
            words_after,
            wrong_words: invented,
            chars_after: chars.len(),
            chars_mapped: chars.iter().filter(|&&c| mapped(c)).count(),
        }
    }

    fn recovered(&self) -> f64 {
        ratio(self.words_recovered, self.words_before)
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

/// A character that says something about the text.
fn mapped(c: char) -> bool {
    !c.is_control() && c != '\u{FFFD}' && !('\u{E000}'..='\u{F8FF}').contains(&c) && c < '\u{F0000}'
}

struct Row {
    measures: [Measure; 3],
}

fn measure_set(files: &[PathBuf], out_dir: &Path) -> crate::Result<Vec<Row>> {
    let mut rows = Vec::new();
    let (mut not_embedded, mut no_map, mut unreadable) = (0, 0, 0);
    for path in files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let pw = password(&name);
        let pdf =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let Some(stripped) = strip(&pdf, pw) else {
            unreadable += 1;
            continue;
        };
        if !stripped.embedded {
            not_embedded += 1;
            continue;
        }
        if stripped.removed == 0 {
            no_map += 1;
            continue;
        }
        let options = Options {
            password: pw.map(str::to_string),
            ..Options::default()
        };
        if extract(&pdf, &options).is_err() {
            // Left out as in the ablation test: nothing to compare ours with.
            unreadable += 1;
            continue;
        }
        let target = out_dir.join(&name);
        std::fs::write(&target, &stripped.bytes)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        // lopdf writes the stripped file decrypted; the original may need its password.
        let measures = [
            Measure::of(&ours(&pdf, pw), &ours(&stripped.bytes, None)),
            Measure::of(&pdftotext(path, pw), &pdftotext(&target, None)),
            Measure::of(&mutool(path, pw), &mutool(&target, None)),
        ];
        println!(
            "{name}: words recovered ours {:.3} pdftotext {:.3} mutool {:.3}; glyphs mapped ours {:.3} pdftotext {:.3} mutool {:.3}",
            measures[0].recovered(),
            measures[1].recovered(),
            measures[2].recovered(),
            ratio(measures[0].chars_mapped, measures[0].chars_after),
            ratio(measures[1].chars_mapped, measures[1].chars_after),
            ratio(measures[2].chars_mapped, measures[2].chars_after),
        );
        rows.push(Row { measures });
    }
    println!(
        "left out: {not_embedded} with fonts not embedded, {no_map} without ToUnicode maps, {unreadable} that lopdf cannot rewrite or we cannot read"
    );
    Ok(rows)
}

/// Our text: every line of every page, whatever its role, with the glyphs the file does not
/// name that the parser reads (`kamerbrief_parse::read_ligatures`: ligatures, and faces
/// read as ciphers of Dutch), as `kamerbrief parse` gives them.
fn ours(pdf: &[u8], password: Option<&str>) -> String {
    let options = Options {
        password: password.map(str::to_string),
        ..Options::default()
    };
    let read = |layout| kamerbrief_parse::read_ligatures(&layout).map_or(layout, |(read, _)| read);
    match extract(pdf, &options).map(read) {
        Ok(layout) => layout
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join("\n"),
        Err(_) => String::new(),
    }
}

fn pdftotext(path: &Path, password: Option<&str>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-q", "-enc", "UTF-8"]);
    if let Some(pw) = password {
        cmd.args(["-upw", pw]);
    }
    cmd.arg(path).arg("-");
    output(&mut cmd)
}

fn mutool(path: &Path, password: Option<&str>) -> String {
    let mut cmd = Command::new("mutool");
    cmd.args(["draw", "-q", "-F", "txt", "-o", "-"]);
    if let Some(pw) = password {
        cmd.args(["-p", pw]);
    }
    cmd.arg(path);
    output(&mut cmd)
}

/// A peer's standard output; nothing when it fails to run.
fn output(cmd: &mut Command) -> String {
    cmd.output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Summary

struct Summary {
    files: usize,
    totals: [Measure; 3],
    mean_recovered: [f64; 3],
    files_recovered: [usize; 3],
}

impl Summary {
    fn of(rows: &[Row]) -> Summary {
        let mut totals = [Measure::default(); 3];
        let mut sums = [0.0; 3];
        let mut files_recovered = [0; 3];
        for row in rows {
            for (i, m) in row.measures.iter().enumerate() {
                if let Some(t) = totals.get_mut(i) {
                    t.words_before += m.words_before;
                    t.words_recovered += m.words_recovered;
                    t.words_after += m.words_after;
                    t.wrong_words += m.wrong_words;
                    t.chars_after += m.chars_after;
                    t.chars_mapped += m.chars_mapped;
                }
                if let Some(s) = sums.get_mut(i) {
                    *s += m.recovered();
                }
                if let Some(f) = files_recovered.get_mut(i) {
                    *f += usize::from(m.recovered() >= RECOVERED);
                }
            }
        }
        let n = rows.len().max(1) as f64;
        Summary {
            files: rows.len(),
            totals,
            mean_recovered: sums.map(|s| s / n),
            files_recovered,
        }
    }

    fn console(&self, set: &str) -> String {
        let mut s = format!("{set}: {} files\n", self.files);
        for (i, tool) in TOOLS.iter().enumerate() {
            let (Some(t), Some(mean), Some(files)) = (
                self.totals.get(i),
                self.mean_recovered.get(i),
                self.files_recovered.get(i),
            ) else {
                continue;
            };
            let _ = writeln!(
                s,
                "  {tool:<20} words recovered {:.3} (mean per file {mean:.3}), files recovered {files}, wrong words {:.3}, glyphs mapped {:.3}",
                t.recovered(),
                ratio(t.wrong_words, t.words_after),
                ratio(t.chars_mapped, t.chars_after),
            );
        }
        s
    }

    fn markdown(&self, set: &str) -> String {
        let mut s = format!(
            "| {set}: {} files, ToUnicode removed | {} | {} | {} |\n|---|---:|---:|---:|\n",
            self.files, TOOLS[0], TOOLS[1], TOOLS[2]
        );
        let mut line = |label: &str, value: &dyn Fn(usize) -> String| {
            let cells: Vec<String> = (0..TOOLS.len()).map(value).collect();
            let _ = writeln!(s, "| {label} | {} |", cells.join(" | "));
        };
        let total = |i: usize| self.totals.get(i).copied().unwrap_or_default();
        line("words recovered (all words)", &|i| {
            format!("{:.3}", total(i).recovered())
        });
        line("words recovered (mean per file)", &|i| {
            format!("{:.3}", self.mean_recovered.get(i).copied().unwrap_or(0.0))
        });
        line("files with ≥ 99 % of their words", &|i| {
            format!(
                "{} of {}",
                self.files_recovered.get(i).copied().unwrap_or(0),
                self.files
            )
        });
        line("wrong words (of the stripped text's)", &|i| {
            let t = total(i);
            format!("{:.3}", ratio(t.wrong_words, t.words_after))
        });
        line("glyphs mapped (of its non-space characters)", &|i| {
            let t = total(i);
            format!("{:.3}", ratio(t.chars_mapped, t.chars_after))
        });
        s
    }
}
