//! `cargo xtask corpus`: our extractor over the real-world corpus, next to `pdftotext`.
//!
//! For every PDF in `../shared/corpus` (see its README and `MANIFEST.tsv`) one row: pages,
//! characters, unmapped glyphs and time of `kamerbrief_extract::extract`, the time of
//! `pdftotext -enc UTF-8 FILE -` (poppler-utils) in the same run, and:
//!
//! - where the manifest lists ground truth, word recall `R` and precision `P` of our text and
//!   of pdftotext's text against it;
//! - for every file, `vs pt`: our words scored against pdftotext's as if they were the truth (a
//!   cheap signal where there is no ground truth: a low figure means one of the two is wrong).
//!
//! Our text is every line of every page, whatever its role (the ground truth has headers and
//! footers too), joined with newlines.
//!
//! **Words.** A bag of words (a multiset; order is ignored) of whitespace-separated tokens
//! (Unicode `White_Space`, so no-break spaces and form feeds separate), each normalised the same
//! way for the ground truth and both tools:
//! - first, a word broken at a line end is rejoined: a line ending in a letter and a hyphen
//!   (`-`, U+2010, soft hyphen) followed by a line starting with a lowercase letter loses the
//!   hyphen and the break. pdftotext and docling join such breaks, PDFBox and we do not; doing it
//!   for all three texts measures the words rather than the hyphenation policy (a compound
//!   broken at its own hyphen is joined too, in all three alike);
//! - typographic apostrophes and primes (`‘ ’ ʼ ′`) become `'`, double quotes (`“ ” „ ″`)
//!   become `"`, the hyphens U+2010/U+2011 become `-`; soft hyphens, zero-width spaces, word
//!   joiners and byte-order marks are removed;
//! - leading and trailing characters that are not word characters are stripped, and a token
//!   left empty is dropped. Word characters are letters and digits of any script, combining
//!   marks, U+FFFD and private-use characters (the last two so that unmapped glyphs count
//!   against an extractor instead of vanishing). This removes surrounding punctuation and
//!   quotes, bullets, and the syntax tokens of Markdown (`#`, `|`, `**`, `---`, `-`, fences);
//! - case is kept and ligatures are not expanded: a wrong case or an `ﬁ` where the truth has
//!   `fi` is a real difference for someone searching the text.
//!
//! Markdown ground truth (docling) is first freed of its comments (`<!-- image -->`), of
//! backslash escapes (`\_`) and of the entities `&amp; &lt; &gt; &quot; &#39;`.
//! PDFBox ground truth starts with a byte-order mark, which the normalisation removes.
//!
//! Recall = shared words / ground-truth words; precision = shared words / the tool's words,
//! where shared words = the sum over words of the smaller of the two counts. An empty output
//! scores 0 on both. Where the manifest calls the ground truth partial (one block, one page)
//! only recall is meaningful: precision is shown as `-` and left out of the means.
//!
//! **Which ground truth**, when there are several: PDFBox's `-sorted.txt`, then its `.pdf.txt`
//! (both give the same bag), then docling's `.md`, then the first other file listed
//! (pdfplumber, OCR sidecar, PyMuPDF).
//!
//! **Summary** over the files whose ground truth is in Latin script (at least 90 % of its
//! letters are Latin: ASCII, Latin-1 Supplement, Latin Extended-A/B and Additional, Latin
//! ligatures, fullwidth Latin; this leaves out Arabic, Hebrew, CJK and mixed files, whose
//! ground truth reflects PDFBox's right-to-left and vertical choices) and that have a text layer
//! (the manifest's image-only scans, whose truth is OCR, are left out): mean recall and mean
//! precision for both tools, and the files each tool wins on F1 (recall alone for partial
//! ground truth; differences under 0.005 are ties). Then the files where we are clearly worse
//! than pdftotext (recall or precision 0.05 or more below), which are the extractor bugs to look
//! at. The summary and per-file figures are printed again as Markdown at the end.
//!
//! Options: `--only SUBSTR` (repeatable) runs only the files whose name contains one of them;
//! `--diff` prints, per file, the words each tool misses or adds against the ground truth (or,
//! without ground truth, our words against pdftotext's); `--md FILE` also writes the Markdown
//! to FILE; `--corpus DIR` reads another corpus directory.
//!
//! Times are wall-clock for one run; `cargo xtask` builds our crates without optimisation,
//! so for a fair time comparison run `cargo run --release -p xtask -- corpus`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use kamerbrief_extract::{Options, extract};

const USAGE: &str =
    "usage: cargo xtask corpus [--only SUBSTR]... [--diff] [--md FILE] [--corpus DIR]";

/// User passwords from the corpus README.
const PASSWORDS: &[(&str, &str)] = &[
    ("pypdf__libreoffice-writer-password.pdf", "openpassword"),
    ("pdfminer__rc4-128.pdf", "baz"),
];

/// Share of Latin letters from which a ground truth counts as Latin script.
const LATIN_SHARE: f64 = 0.9;
/// Differences of a score below this are ties.
const TIE: f64 = 0.005;
/// How far below pdftotext a score must be to be listed as clearly worse.
const WORSE: f64 = 0.05;

struct Args {
    only: Vec<String>,
    diff: bool,
    md: Option<PathBuf>,
    corpus: PathBuf,
}

fn parse_args(args: &[String]) -> crate::Result<Args> {
    let mut parsed = Args {
        only: Vec::new(),
        diff: false,
        md: None,
        corpus: crate::root().join("..").join("shared").join("corpus"),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| USAGE.to_string());
        match arg.as_str() {
            "--only" => parsed.only.push(value()?),
            "--diff" => parsed.diff = true,
            "--md" => parsed.md = Some(PathBuf::from(value()?)),
            "--corpus" => parsed.corpus = PathBuf::from(value()?),
            _ => return Err(USAGE.into()),
        }
    }
    Ok(parsed)
}

pub fn run(args: &[String]) -> crate::Result {
    let args = parse_args(args)?;
    let manifest = read_manifest(&args.corpus)?;
    let pdftotext = pdftotext_version();
    match &pdftotext {
        Some(v) => println!("{v}"),
        None => println!(
            "pdftotext not found (apt-get install -y poppler-utils): its columns stay empty"
        ),
    }
    let profile = if cfg!(debug_assertions) {
        "debug build: our times are unoptimised; use `cargo run --release -p xtask -- corpus` to compare speed"
    } else {
        "release build"
    };
    println!("{profile}\n");

    let entries: Vec<&Entry> = manifest
        .iter()
        .filter(|e| args.only.is_empty() || args.only.iter().any(|s| e.file.contains(s.as_str())))
        .collect();
    let width = entries
        .iter()
        .map(|e| e.file.len())
        .max()
        .unwrap_or(4)
        .max(4);
    println!("{}", header(width));
    let mut rows = Vec::new();
    for entry in entries {
        let row = measure(&args.corpus, entry, pdftotext.is_some());
        println!("{}", row.console(width));
        if args.diff {
            print_diff(&row);
        }
        rows.push(row);
    }

    let summary = Summary::of(&rows);
    println!();
    print!("{}", summary.console());
    let md = markdown(&rows, &summary);
    println!("\n{md}");
    if let Some(path) = &args.md {
        std::fs::write(path, &md).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The manifest

/// The columns of a `MANIFEST.tsv` row this command needs.
struct Entry {
    file: String,
    ground_truth: Vec<String>,
    notes: String,
}

impl Entry {
    fn partial(&self) -> bool {
        self.notes.to_ascii_lowercase().contains("partial gt")
    }

    fn text_layer(&self) -> bool {
        !self.notes.to_ascii_lowercase().contains("no text layer")
    }

    /// The ground-truth file to judge against (a path relative to the corpus directory).
    fn chosen_ground_truth(&self) -> Option<&str> {
        let by = |suffix: &str| self.ground_truth.iter().find(|g| g.ends_with(suffix));
        by("-sorted.txt")
            .or_else(|| by(".pdf.txt"))
            .or_else(|| by(".md"))
            .or_else(|| self.ground_truth.first())
            .map(String::as_str)
    }
}

fn read_manifest(dir: &Path) -> crate::Result<Vec<Entry>> {
    let path = dir.join("MANIFEST.tsv");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {}: {e} (the corpus lives in ../shared/corpus)",
            path.display()
        )
    })?;
    let mut entries = Vec::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let col = |i: usize| cols.get(i).copied().unwrap_or_default();
        if col(0).is_empty() {
            continue;
        }
        entries.push(Entry {
            file: col(0).to_string(),
            ground_truth: col(7)
                .split(';')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            notes: col(8).to_string(),
        });
    }
    Ok(entries)
}

pub(crate) fn password(file: &str) -> Option<&'static str> {
    PASSWORDS
        .iter()
        .find(|(f, _)| *f == file)
        .map(|(_, pw)| *pw)
}

// ---------------------------------------------------------------------------------------------
// Running the two tools

/// What one tool made of one file.
struct Output {
    text: String,
    ms: f64,
    error: Option<String>,
}

struct Ours {
    out: Output,
    pages: usize,
    chars: usize,
    unmapped: u32,
}

fn run_ours(pdf: &[u8], password: Option<&str>) -> Ours {
    let options = Options {
        password: password.map(str::to_string),
        ..Options::default()
    };
    let start = Instant::now();
    let result = extract(pdf, &options);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(layout) => {
            let lines: Vec<String> = layout
                .pages
                .iter()
                .flat_map(|p| &p.lines)
                .map(|l| l.text())
                .collect();
            let chars = layout
                .pages
                .iter()
                .flat_map(|p| &p.lines)
                .flat_map(|l| &l.words)
                .map(|w| w.text.chars().count())
                .sum();
            Ours {
                out: Output {
                    text: lines.join("\n"),
                    ms,
                    error: None,
                },
                pages: layout.pages.len(),
                chars,
                unmapped: layout.pages.iter().map(|p| p.unmapped_glyphs).sum(),
            }
        }
        Err(e) => Ours {
            out: Output {
                text: String::new(),
                ms,
                error: Some(format!("{:?}", e.kind)),
            },
            pages: 0,
            chars: 0,
            unmapped: 0,
        },
    }
}

fn pdftotext_version() -> Option<String> {
    let out = Command::new("pdftotext").arg("-v").output().ok()?;
    let text =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    text.lines().next().map(str::to_string)
}

fn run_pdftotext(path: &Path, password: Option<&str>) -> Output {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-enc", "UTF-8"]);
    if let Some(pw) = password {
        cmd.args(["-upw", pw]);
    }
    cmd.arg(path).arg("-");
    let start = Instant::now();
    let result = cmd.output();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(out) if out.status.success() => Output {
            text: String::from_utf8_lossy(&out.stdout).into_owned(),
            ms,
            error: None,
        },
        Ok(out) => Output {
            text: String::from_utf8_lossy(&out.stdout).into_owned(),
            ms,
            error: Some(format!(
                "exit {}: {}",
                out.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .next()
                    .unwrap_or_default()
            )),
        },
        Err(e) => Output {
            text: String::new(),
            ms,
            error: Some(e.to_string()),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Words and scores

pub(crate) type Bag = HashMap<String, usize>;

/// The normalised words of `text` (see the module documentation).
pub(crate) fn words(text: &str) -> Bag {
    let mut bag = Bag::new();
    for raw in dehyphenate(text).split_whitespace() {
        let folded: String = raw.chars().filter_map(fold).collect();
        let word = folded.trim_matches(|c: char| !is_word_char(c));
        if !word.is_empty() {
            *bag.entry(word.to_string()).or_default() += 1;
        }
    }
    bag
}

/// `text` with words broken at a line end rejoined: a line ending in a letter and a hyphen
/// (`-`, U+2010 or a soft hyphen), followed by a line starting with a lowercase letter, loses
/// the hyphen and the line break.
fn dehyphenate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines();
    let mut current = lines.next().unwrap_or_default().to_string();
    for next in lines {
        let continues = next
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        match broken_at(&current) {
            Some(hyphen) if continues => {
                current.truncate(hyphen);
                current.push_str(next.trim_start());
            }
            _ => {
                out.push_str(&current);
                out.push('\n');
                current = next.to_string();
            }
        }
    }
    out.push_str(&current);
    out
}

/// Where the hyphen of a line ending in a letter and a hyphen starts.
fn broken_at(line: &str) -> Option<usize> {
    let trimmed = line.trim_end();
    let mut rev = trimmed.char_indices().rev();
    let (hyphen, c) = rev.next()?;
    let hyphen_like = matches!(c, '-' | '\u{2010}' | '\u{00AD}');
    (hyphen_like && rev.next().is_some_and(|(_, c)| c.is_alphabetic())).then_some(hyphen)
}

fn fold(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => Some('"'),
        '\u{2010}' | '\u{2011}' => Some('-'),
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => None,
        _ => Some(c),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Combining marks of the common scripts (an approximation of Unicode category M).
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}'
        | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{3099}' | '\u{309A}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c,
            '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}'
            | '\u{A720}'..='\u{A7FF}' | '\u{AB30}'..='\u{AB6F}' | '\u{FB00}'..='\u{FB06}'
            | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// The share of the letters of `text` that are Latin (1 for a text without letters).
fn latin_share(text: &str) -> f64 {
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        latin += usize::from(is_latin_letter(c));
    }
    if letters == 0 {
        1.0
    } else {
        latin as f64 / letters as f64
    }
}

/// docling Markdown without its comments, backslash escapes and entities.
fn strip_markdown(md: &str) -> String {
    let mut text = String::with_capacity(md.len());
    let mut rest = md;
    while let Some(start) = rest.find("<!--") {
        text.push_str(rest.get(..start).unwrap_or_default());
        text.push(' ');
        rest = match rest
            .get(start..)
            .and_then(|r| r.find("-->").map(|end| start + end + 3))
        {
            Some(after) => rest.get(after..).unwrap_or_default(),
            None => "",
        };
    }
    text.push_str(rest);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&next)) if next.is_ascii_punctuation() => {}
            _ => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[derive(Clone, Copy)]
pub(crate) struct Score {
    pub(crate) recall: f64,
    pub(crate) precision: f64,
}

impl Score {
    fn f1(&self) -> f64 {
        let sum = self.recall + self.precision;
        if sum > 0.0 {
            2.0 * self.recall * self.precision / sum
        } else {
            0.0
        }
    }
}

fn total(bag: &Bag) -> usize {
    bag.values().sum()
}

pub(crate) fn score(truth: &Bag, got: &Bag) -> Score {
    let shared: usize = truth
        .iter()
        .map(|(w, &n)| n.min(got.get(w).copied().unwrap_or(0)))
        .sum();
    let ratio = |n: usize| {
        if n == 0 {
            0.0
        } else {
            shared as f64 / n as f64
        }
    };
    Score {
        recall: ratio(total(truth)),
        precision: ratio(total(got)),
    }
}

/// Words of `a` that `b` has fewer of, with the difference, most frequent first.
fn missing(a: &Bag, b: &Bag) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = a
        .iter()
        .filter_map(|(w, &n)| {
            let m = b.get(w).copied().unwrap_or(0);
            (n > m).then(|| (w.clone(), n - m))
        })
        .collect();
    out.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    out
}

// ---------------------------------------------------------------------------------------------
// One row

struct Judged {
    gt_file: String,
    latin: f64,
    partial: bool,
    text_layer: bool,
    truth: Bag,
    ours: Score,
    theirs: Option<Score>,
}

impl Judged {
    /// In the Latin-script summary.
    fn counted(&self) -> bool {
        self.latin >= LATIN_SHARE && self.text_layer && self.theirs.is_some()
    }

    /// The figure a file is won on.
    fn merit(&self, s: &Score) -> f64 {
        if self.partial { s.recall } else { s.f1() }
    }
}

struct Row {
    file: String,
    ours: Ours,
    ours_words: Bag,
    theirs: Option<Output>,
    theirs_words: Bag,
    /// Our words scored against pdftotext's, where pdftotext gave any.
    vs_pt: Option<Score>,
    judged: Option<Judged>,
}

fn measure(dir: &Path, entry: &Entry, with_pdftotext: bool) -> Row {
    let path = dir.join(&entry.file);
    let pw = password(&entry.file);
    let ours = match std::fs::read(&path) {
        Ok(pdf) => run_ours(&pdf, pw),
        Err(e) => Ours {
            out: Output {
                text: String::new(),
                ms: 0.0,
                error: Some(format!("cannot read: {e}")),
            },
            pages: 0,
            chars: 0,
            unmapped: 0,
        },
    };
    let theirs = with_pdftotext.then(|| run_pdftotext(&path, pw));
    let ours_words = words(&ours.out.text);
    let theirs_words = theirs.as_ref().map(|t| words(&t.text)).unwrap_or_default();
    let vs_pt = (total(&theirs_words) > 0).then(|| score(&theirs_words, &ours_words));
    let judged = entry.chosen_ground_truth().and_then(|gt| {
        let raw = std::fs::read(dir.join(gt)).ok()?;
        let raw = String::from_utf8_lossy(&raw);
        let text = if gt.ends_with(".md") {
            strip_markdown(&raw)
        } else {
            raw.into_owned()
        };
        let truth = words(&text);
        let partial = entry.partial();
        let blank_precision = |mut s: Score| {
            if partial {
                s.precision = f64::NAN;
            }
            s
        };
        Some(Judged {
            gt_file: gt.rsplit('/').next().unwrap_or(gt).to_string(),
            latin: latin_share(&text),
            partial,
            text_layer: entry.text_layer(),
            ours: blank_precision(score(&truth, &ours_words)),
            theirs: theirs
                .as_ref()
                .map(|_| blank_precision(score(&truth, &theirs_words))),
            truth,
        })
    });
    Row {
        file: entry.file.clone(),
        ours,
        ours_words,
        theirs,
        theirs_words,
        vs_pt,
        judged,
    }
}

fn fig(v: f64) -> String {
    if v.is_nan() {
        "-".to_string()
    } else {
        format!("{v:.3}")
    }
}

fn opt_fig(s: Option<Score>, pick: fn(&Score) -> f64) -> String {
    s.map_or_else(|| "-".to_string(), |s| fig(pick(&s)))
}

fn header(width: usize) -> String {
    format!(
        "{:<width$} {:>5} {:>7} {:>7} {:>6}  {:>7} {:>6}  {:>5} {:>5}  {:>5} {:>5} {:>5} {:>5}  {:>5} {:>5}  note",
        "file",
        "pages",
        "chars",
        "unmap",
        "ms",
        "pt chr",
        "pt ms",
        "vsptR",
        "vsptP",
        "oursR",
        "oursP",
        "ptR",
        "ptP",
        "latin",
        "Δ"
    )
}

impl Row {
    fn theirs_chars(&self) -> Option<usize> {
        self.theirs
            .as_ref()
            .map(|t| t.text.chars().filter(|c| !c.is_whitespace()).count())
    }

    fn note(&self) -> String {
        let mut notes = Vec::new();
        if let Some(e) = &self.ours.out.error {
            notes.push(format!("ours: {e}"));
        }
        if let Some(e) = self.theirs.as_ref().and_then(|t| t.error.as_ref()) {
            notes.push(format!("pdftotext: {e}"));
        }
        if let Some(j) = &self.judged {
            let mut what = format!("gt {}", j.gt_file);
            if j.partial {
                what.push_str(" (partial)");
            }
            if !j.text_layer {
                what.push_str(" (no text layer)");
            } else if j.latin < LATIN_SHARE {
                what.push_str(" (not Latin)");
            }
            notes.push(what);
        }
        notes.join("; ")
    }

    /// Our F1 (or recall) minus pdftotext's, on ground truth.
    fn delta(&self) -> Option<f64> {
        let j = self.judged.as_ref()?;
        Some(j.merit(&j.ours) - j.merit(&j.theirs?))
    }

    fn console(&self, width: usize) -> String {
        let j = self.judged.as_ref();
        format!(
            "{:<width$} {:>5} {:>7} {:>7} {:>6.0}  {:>7} {:>6.0}  {:>5} {:>5}  {:>5} {:>5} {:>5} {:>5}  {:>5} {:>5}  {}",
            self.file,
            if self.ours.out.error.is_some() {
                "err".to_string()
            } else {
                self.ours.pages.to_string()
            },
            self.ours.chars,
            self.ours.unmapped,
            self.ours.out.ms,
            self.theirs_chars()
                .map_or_else(|| "-".to_string(), |n| n.to_string()),
            self.theirs.as_ref().map_or(0.0, |t| t.ms),
            opt_fig(self.vs_pt, |s| s.recall),
            opt_fig(self.vs_pt, |s| s.precision),
            opt_fig(j.map(|j| j.ours), |s| s.recall),
            opt_fig(j.map(|j| j.ours), |s| s.precision),
            opt_fig(j.and_then(|j| j.theirs), |s| s.recall),
            opt_fig(j.and_then(|j| j.theirs), |s| s.precision),
            j.map_or_else(|| "-".to_string(), |j| format!("{:.2}", j.latin)),
            self.delta()
                .map_or_else(|| "-".to_string(), |d| format!("{d:+.2}")),
            self.note()
        )
    }

    /// Whether we are clearly worse than pdftotext on the ground truth.
    fn clearly_worse(&self) -> bool {
        let Some(j) = &self.judged else { return false };
        let Some(t) = j.theirs else { return false };
        j.text_layer
            && (j.ours.recall < t.recall - WORSE
                || (!j.partial && j.ours.precision < t.precision - WORSE))
    }
}

fn print_diff(row: &Row) {
    const SHOWN: usize = 40;
    let list = |label: &str, items: Vec<(String, usize)>| {
        let n: usize = items.iter().map(|(_, k)| k).sum();
        let shown: Vec<String> = items
            .iter()
            .take(SHOWN)
            .map(|(w, k)| {
                if *k > 1 {
                    format!("{w}×{k}")
                } else {
                    w.clone()
                }
            })
            .collect();
        println!("    {label} ({n}): {}", shown.join(" "));
    };
    match &row.judged {
        Some(j) => {
            list("truth words we miss", missing(&j.truth, &row.ours_words));
            if !j.partial {
                list("our words not in truth", missing(&row.ours_words, &j.truth));
            }
            if row.theirs.is_some() {
                list(
                    "truth words pdftotext misses",
                    missing(&j.truth, &row.theirs_words),
                );
                if !j.partial {
                    list(
                        "pdftotext words not in truth",
                        missing(&row.theirs_words, &j.truth),
                    );
                }
            }
        }
        None if row.theirs.is_some() => {
            list(
                "pdftotext words we miss",
                missing(&row.theirs_words, &row.ours_words),
            );
            list(
                "our words not in pdftotext",
                missing(&row.ours_words, &row.theirs_words),
            );
        }
        None => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Summary

struct Summary {
    counted: usize,
    ours_recall: f64,
    ours_precision: f64,
    theirs_recall: f64,
    theirs_precision: f64,
    precision_files: usize,
    ours_wins: usize,
    theirs_wins: usize,
    ties: usize,
    ours_errors: usize,
    theirs_errors: usize,
    /// Files where we are clearly worse, with their console note.
    worse: Vec<String>,
    /// Files without ground truth where we agree little with pdftotext.
    disagree: Vec<String>,
}

impl Summary {
    fn of(rows: &[Row]) -> Summary {
        let judged: Vec<(&Row, &Judged, Score)> = rows
            .iter()
            .filter_map(|r| {
                let j = r.judged.as_ref()?;
                (j.counted()).then_some((r, j, j.theirs?))
            })
            .collect();
        let mean = |values: Vec<f64>| {
            if values.is_empty() {
                f64::NAN
            } else {
                values.iter().sum::<f64>() / values.len() as f64
            }
        };
        let with_precision: Vec<&(&Row, &Judged, Score)> =
            judged.iter().filter(|(_, j, _)| !j.partial).collect();
        let (mut ours_wins, mut theirs_wins, mut ties) = (0, 0, 0);
        for (_, j, t) in &judged {
            let d = j.merit(&j.ours) - j.merit(t);
            if d > TIE {
                ours_wins += 1;
            } else if d < -TIE {
                theirs_wins += 1;
            } else {
                ties += 1;
            }
        }
        let worse = rows
            .iter()
            .filter(|r| r.clearly_worse())
            .map(|r| {
                let j = r.judged.as_ref();
                format!(
                    "{}: ours R {} P {}, pdftotext R {} P {}{}",
                    r.file,
                    opt_fig(j.map(|j| j.ours), |s| s.recall),
                    opt_fig(j.map(|j| j.ours), |s| s.precision),
                    opt_fig(j.and_then(|j| j.theirs), |s| s.recall),
                    opt_fig(j.and_then(|j| j.theirs), |s| s.precision),
                    if j.is_some_and(|j| j.latin < LATIN_SHARE) {
                        " (not Latin)"
                    } else {
                        ""
                    }
                )
            })
            .collect();
        let disagree = rows
            .iter()
            .filter(|r| r.judged.is_none())
            .filter_map(|r| {
                let s = r.vs_pt?;
                (s.recall < 0.9 || s.precision < 0.9).then(|| {
                    format!(
                        "{}: vs pdftotext R {} P {} ({} unmapped)",
                        r.file,
                        fig(s.recall),
                        fig(s.precision),
                        r.ours.unmapped
                    )
                })
            })
            .collect();
        Summary {
            counted: judged.len(),
            ours_recall: mean(judged.iter().map(|(_, j, _)| j.ours.recall).collect()),
            theirs_recall: mean(judged.iter().map(|(_, _, t)| t.recall).collect()),
            ours_precision: mean(
                with_precision
                    .iter()
                    .map(|(_, j, _)| j.ours.precision)
                    .collect(),
            ),
            theirs_precision: mean(with_precision.iter().map(|(_, _, t)| t.precision).collect()),
            precision_files: with_precision.len(),
            ours_wins,
            theirs_wins,
            ties,
            ours_errors: rows.iter().filter(|r| r.ours.out.error.is_some()).count(),
            theirs_errors: rows
                .iter()
                .filter(|r| r.theirs.as_ref().is_some_and(|t| t.error.is_some()))
                .count(),
            worse,
            disagree,
        }
    }

    fn console(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "Latin-script files with ground truth and a text layer: {} ({} with full ground truth for precision)",
            self.counted, self.precision_files
        );
        let _ = writeln!(
            s,
            "  mean recall     ours {}  pdftotext {}",
            fig(self.ours_recall),
            fig(self.theirs_recall)
        );
        let _ = writeln!(
            s,
            "  mean precision  ours {}  pdftotext {}",
            fig(self.ours_precision),
            fig(self.theirs_precision)
        );
        let _ = writeln!(
            s,
            "  files won       ours {}  pdftotext {}  ties {}",
            self.ours_wins, self.theirs_wins, self.ties
        );
        let _ = writeln!(
            s,
            "errors: ours {}, pdftotext {}",
            self.ours_errors, self.theirs_errors
        );
        let _ = writeln!(
            s,
            "\nclearly worse than pdftotext on ground truth ({}):",
            self.worse.len()
        );
        for w in &self.worse {
            let _ = writeln!(s, "  {w}");
        }
        let _ = writeln!(
            s,
            "\nno ground truth, our words vs pdftotext's below 0.9 ({}):",
            self.disagree.len()
        );
        for d in &self.disagree {
            let _ = writeln!(s, "  {d}");
        }
        s
    }
}

fn markdown(rows: &[Row], summary: &Summary) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| corpus ({} Latin-script files with ground truth) | kamerbrief-extract | pdftotext |",
        summary.counted
    );
    let _ = writeln!(s, "|---|---:|---:|");
    let _ = writeln!(
        s,
        "| mean word recall | {} | {} |",
        fig(summary.ours_recall),
        fig(summary.theirs_recall)
    );
    let _ = writeln!(
        s,
        "| mean word precision ({} files) | {} | {} |",
        summary.precision_files,
        fig(summary.ours_precision),
        fig(summary.theirs_precision)
    );
    let _ = writeln!(
        s,
        "| files won on F1 ({} ties) | {} | {} |",
        summary.ties, summary.ours_wins, summary.theirs_wins
    );
    let _ = writeln!(
        s,
        "| files with an error (of {}) | {} | {} |",
        rows.len(),
        summary.ours_errors,
        summary.theirs_errors
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "| file | pages | chars | unmapped | ms | recall | precision | pdftotext recall | pdftotext precision | ground truth |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for r in rows {
        let Some(j) = &r.judged else { continue };
        let mut note = j.gt_file.clone();
        if j.partial {
            note.push_str(" (partial)");
        }
        if !j.counted() {
            note.push_str(" (not counted)");
        }
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {:.0} | {} | {} | {} | {} | {} |",
            r.file,
            r.ours.pages,
            r.ours.chars,
            r.ours.unmapped,
            r.ours.out.ms,
            fig(j.ours.recall),
            fig(j.ours.precision),
            opt_fig(j.theirs, |s| s.recall),
            opt_fig(j.theirs, |s| s.precision),
            note
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_normalised_alike() {
        let bag = words("\u{FEFF}**Dit** is ‘een’ test-\u{00AD}zin, | # — 3.5 ﬁle caf\u{FFFD}.");
        let mut got: Vec<&str> = bag.keys().map(String::as_str).collect();
        got.sort_unstable();
        assert_eq!(
            got,
            ["3.5", "Dit", "caf\u{FFFD}", "een", "is", "test-zin", "ﬁle"]
        );
    }

    #[test]
    fn line_end_hyphens_are_joined() {
        let text =
            dehyphenate("sed diam eir-\nmod tempor Noord-\nHolland volup\u{00AD}\n  tua en-\n\nzo");
        assert_eq!(
            text,
            "sed diam eirmod tempor Noord-\nHolland voluptua en-\n\nzo"
        );
    }

    #[test]
    fn markdown_is_stripped() {
        let text = strip_markdown("## Kop\n\n<!-- image -->\n| a\\_b | R&amp;D |\n|---|---|");
        let bag = words(&text);
        assert_eq!(total(&bag), 3);
        assert!(bag.contains_key("a_b") && bag.contains_key("R&D") && bag.contains_key("Kop"));
    }

    #[test]
    fn scores_count_multisets() {
        let s = score(&words("a a b c"), &words("a b b d"));
        assert!((s.recall - 0.5).abs() < 1e-9 && (s.precision - 0.5).abs() < 1e-9);
    }
}
