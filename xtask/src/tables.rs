//! `cargo xtask gen-tables`: regenerate the font tables of the extract crate.
//!
//! Writes `crates/extract/src/tables/{agl,encodings,standard14}.rs` from public sources
//! (the hand-written lookup API is `crates/extract/src/tables/mod.rs`):
//!
//! - **Adobe Glyph List** (`glyphlist.txt`, AGL 2.0) as embedded verbatim in `fontTools/agl.py`
//!   of the PyPI package `fonttools`; the **ITC Zapf Dingbats glyph list** through
//!   `fontTools.agl.toUnicode(name, isZapfDingbats=True)` for each glyph of `ZapfDingbats.afm`.
//! - **Base encodings** (PDF 32000-1 Annex D: Standard, WinAnsi, MacRoman, MacExpert, PDFDoc,
//!   and the built-in encodings of Symbol and ZapfDingbats) from `reportlab/pdfbase/_fontdata_enc_*.py`
//!   of the PyPI package `reportlab`. Cross-checked, and the run fails on any difference, against
//!   the `C code` lines of Adobe's AFMs (StandardEncoding for the text fonts, Symbol, ZapfDingbats)
//!   and against `fontTools.encodings.StandardEncoding`.
//! - **Standard 14 metrics**: Adobe's Core14 AFM files (AFM 4.1, 1997), as shipped in
//!   `matplotlib/mpl-data/fonts/pdfcorefonts/` of the PyPI package `matplotlib` (the wheel is only
//!   downloaded, with `pip download --no-deps`, and the AFMs taken out of it, unless matplotlib is
//!   installed or `--adobe-afm DIR` is given). Widths, Ascender/Descender (FontBBox for Symbol and
//!   ZapfDingbats, whose AFMs have none), weight, italic angle and fixed pitch come from them.
//!   The metric-compatible URW base35 AFMs (Debian package `fonts-urw-base35`,
//!   `/usr/share/fonts/type1/urw-base35/`, or `--urw-afm DIR`) add the widths of the glyphs Adobe's
//!   AFMs lack (Cyrillic, Greek, more Latin accents: 855 glyphs against Adobe's 315). Where both have
//!   a glyph and disagree (a handful of math glyphs and the caron letters of Times), Adobe's width is
//!   kept and the difference listed in the generated file's header.
//!
//! Usage: `cargo xtask gen-tables [--check] [--adobe-afm DIR] [--urw-afm DIR]`.
//! `--check` writes nothing and fails when a committed file differs from what would be generated.
//! Needs `python3` (fonttools and reportlab are installed with pip when missing) and `rustfmt`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const URW_DEFAULT: &str = "/usr/share/fonts/type1/urw-base35";

/// The standard 14: canonical name, Adobe AFM, URW AFM, built-in encoding (variant of `BaseEncoding`).
#[rustfmt::skip]
const FONTS: [(&str, &str, &str, &str); 14] = [
    ("Courier",               "Courier",               "NimbusMonoPS-Regular",    "Standard"),
    ("Courier-Bold",          "Courier-Bold",          "NimbusMonoPS-Bold",       "Standard"),
    ("Courier-BoldOblique",   "Courier-BoldOblique",   "NimbusMonoPS-BoldItalic", "Standard"),
    ("Courier-Oblique",       "Courier-Oblique",       "NimbusMonoPS-Italic",     "Standard"),
    ("Helvetica",             "Helvetica",             "NimbusSans-Regular",      "Standard"),
    ("Helvetica-Bold",        "Helvetica-Bold",        "NimbusSans-Bold",         "Standard"),
    ("Helvetica-BoldOblique", "Helvetica-BoldOblique", "NimbusSans-BoldItalic",   "Standard"),
    ("Helvetica-Oblique",     "Helvetica-Oblique",     "NimbusSans-Italic",       "Standard"),
    ("Symbol",                "Symbol",                "StandardSymbolsPS",       "Symbol"),
    ("Times-Bold",            "Times-Bold",            "NimbusRoman-Bold",        "Standard"),
    ("Times-BoldItalic",      "Times-BoldItalic",      "NimbusRoman-BoldItalic",  "Standard"),
    ("Times-Italic",          "Times-Italic",          "NimbusRoman-Italic",      "Standard"),
    ("Times-Roman",           "Times-Roman",           "NimbusRoman-Regular",     "Standard"),
    ("ZapfDingbats",          "ZapfDingbats",          "D050000L",                "ZapfDingbats"),
];

/// `BaseEncoding` variants in the order of the generated `encodings.rs`.
const ENCODINGS: [&str; 7] = [
    "Standard",
    "WinAnsi",
    "MacRoman",
    "MacExpert",
    "PdfDoc",
    "Symbol",
    "ZapfDingbats",
];

/// Dumps the Python-side sources as JSON; argv: [adobe AFM dir or "", scratch dir].
const DUMP_PY: &str = r#"
import glob, json, os, re, subprocess, sys, zipfile
adobe_dir, work = sys.argv[1] or None, sys.argv[2]
import fontTools, reportlab
from fontTools import agl
from fontTools.encodings.StandardEncoding import StandardEncoding as FT_STANDARD
from reportlab.pdfbase import (_fontdata_enc_macexpert, _fontdata_enc_macroman, _fontdata_enc_pdfdoc,
    _fontdata_enc_standard, _fontdata_enc_symbol, _fontdata_enc_winansi, _fontdata_enc_zapfdingbats)
adobe_source = "`%s` (--adobe-afm)" % adobe_dir
if adobe_dir is None:
    try:
        import matplotlib
        adobe_dir = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "pdfcorefonts")
        adobe_source = "`mpl-data/fonts/pdfcorefonts/` of matplotlib %s (PyPI)" % matplotlib.__version__
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--dest", work, "matplotlib"], check=True, stdout=sys.stderr)
        wheel = sorted(glob.glob(os.path.join(work, "matplotlib-*.whl")))[-1]
        adobe_source = "`mpl-data/fonts/pdfcorefonts/` of matplotlib %s (PyPI)" % os.path.basename(wheel).split("-")[1]
        adobe_dir = os.path.join(work, "pdfcorefonts")
        os.makedirs(adobe_dir, exist_ok=True)
        with zipfile.ZipFile(wheel) as z:
            for n in z.namelist():
                if "/pdfcorefonts/" in n and not n.endswith("/"):
                    with open(os.path.join(adobe_dir, os.path.basename(n)), "wb") as f:
                        f.write(z.read(n))
names = []
with open(os.path.join(adobe_dir, "ZapfDingbats.afm"), encoding="latin-1") as f:
    for line in f:
        m = re.match(r"C -?\d+ ; WX \S+ ; N (\S+) ;", line)
        if m:
            names.append(m.group(1))
enc = lambda t: [n if n and n != ".notdef" else None for n in t]
json.dump({
    "fonttools": fontTools.version,
    "reportlab": reportlab.Version,
    "adobe_afm_dir": adobe_dir,
    "adobe_afm_source": adobe_source,
    "agl_text": agl._aglText,
    "zapf_dingbats": {n: agl.toUnicode(n, isZapfDingbats=True) for n in names},
    "fonttools_standard": enc(FT_STANDARD),
    "encodings": {
        "Standard": enc(_fontdata_enc_standard.StandardEncoding),
        "WinAnsi": enc(_fontdata_enc_winansi.WinAnsiEncoding),
        "MacRoman": enc(_fontdata_enc_macroman.MacRomanEncoding),
        "MacExpert": enc(_fontdata_enc_macexpert.MacExpertEncoding),
        "PdfDoc": enc(_fontdata_enc_pdfdoc.PDFDocEncoding),
        "Symbol": enc(_fontdata_enc_symbol.SymbolEncoding),
        "ZapfDingbats": enc(_fontdata_enc_zapfdingbats.ZapfDingbatsEncoding),
    },
}, sys.stdout)
"#;

struct Args {
    check: bool,
    adobe_afm: Option<PathBuf>,
    urw_afm: PathBuf,
}

fn parse_args(args: &[String]) -> crate::Result<Args> {
    let mut out = Args {
        check: false,
        adobe_afm: None,
        urw_afm: PathBuf::from(URW_DEFAULT),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => out.check = true,
            "--adobe-afm" => {
                out.adobe_afm = Some(it.next().ok_or("--adobe-afm needs a directory")?.into())
            }
            "--urw-afm" => out.urw_afm = it.next().ok_or("--urw-afm needs a directory")?.into(),
            other => {
                return Err(format!(
                    "unknown argument {other:?}; usage: cargo xtask gen-tables [--check] [--adobe-afm DIR] [--urw-afm DIR]"
                ));
            }
        }
    }
    Ok(out)
}

pub fn run(args: &[String]) -> crate::Result {
    let args = parse_args(args)?;
    if !args.urw_afm.join("NimbusSans-Regular.afm").is_file() {
        return Err(format!(
            "no URW base35 AFMs in {} (apt-get install fonts-urw-base35, or pass --urw-afm DIR)",
            args.urw_afm.display()
        ));
    }
    let scratch =
        std::env::temp_dir().join(format!("kamerbrief-gen-tables-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let result = generate(&args, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    let files = result?;

    let dir = crate::root().join("crates/extract/src/tables");
    let mut stale = Vec::new();
    for (name, text) in &files {
        let path = dir.join(name);
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if old == *text {
            println!("unchanged {} ({} bytes)", path.display(), text.len());
        } else if args.check {
            stale.push(path.display().to_string());
        } else {
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {} ({} bytes)", path.display(), text.len());
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "out of date (run cargo xtask gen-tables): {}",
            stale.join(", ")
        ))
    }
}

/// Everything the generated files are made of, then the files (name, rustfmt-ed text).
fn generate(args: &Args, scratch: &Path) -> crate::Result<Vec<(&'static str, String)>> {
    let py = python_sources(args, scratch)?;
    let adobe_dir = match &args.adobe_afm {
        Some(d) => d.clone(),
        None => PathBuf::from(str_field(&py, "adobe_afm_dir")?),
    };
    let mut fonts = Vec::new();
    for (canonical, adobe, urw, encoding) in FONTS {
        let a = Afm::read(&adobe_dir.join(format!("{adobe}.afm")))?;
        let u = Afm::read(&args.urw_afm.join(format!("{urw}.afm")))?;
        if a.font_name != canonical {
            return Err(format!(
                "{adobe}.afm has FontName {}, expected {canonical}",
                a.font_name
            ));
        }
        fonts.push(Font {
            canonical,
            adobe: a,
            urw: u,
            urw_file: urw,
            encoding,
        });
    }
    let sources = Sources {
        fonttools: str_field(&py, "fonttools")?.to_string(),
        reportlab: str_field(&py, "reportlab")?.to_string(),
        adobe_source: str_field(&py, "adobe_afm_source")?.to_string(),
        urw_dir: args.urw_afm.display().to_string(),
    };
    let encodings = read_encodings(&py)?;
    check_encodings(&py, &encodings, &fonts)?;
    let agl = gen_agl(&py, &fonts, &sources)?;
    let enc = gen_encodings(&encodings, &sources);
    let std14 = gen_standard14(&fonts, &sources)?;
    Ok(vec![
        ("agl.rs", rustfmt(&agl)?),
        ("encodings.rs", rustfmt(&enc)?),
        ("standard14.rs", rustfmt(&std14)?),
    ])
}

struct Sources {
    fonttools: String,
    reportlab: String,
    adobe_source: String,
    urw_dir: String,
}

struct Font {
    canonical: &'static str,
    adobe: Afm,
    urw: Afm,
    urw_file: &'static str,
    encoding: &'static str,
}

impl Font {
    fn is_text(&self) -> bool {
        self.encoding == "Standard"
    }

    /// Adobe's widths, plus URW's for the glyphs Adobe lacks (`.notdef` excluded).
    fn widths(&self) -> BTreeMap<String, u16> {
        let mut w = self.adobe.widths.clone();
        for (name, width) in &self.urw.widths {
            if name != ".notdef" {
                w.entry(name.clone()).or_insert(*width);
            }
        }
        w
    }

    /// Glyphs whose URW width differs from Adobe's: (name, adobe, urw).
    fn differences(&self) -> Vec<(String, u16, u16)> {
        let mut d = Vec::new();
        for (name, a) in &self.adobe.widths {
            if let Some(u) = self.urw.widths.get(name)
                && u != a
            {
                d.push((name.clone(), *a, *u));
            }
        }
        d
    }

    /// (ascent, descent): Ascender/Descender, else the FontBBox's top and bottom.
    fn ascent_descent(&self) -> (i32, i32) {
        let a = &self.adobe;
        (
            a.ascender.unwrap_or(a.bbox[3]),
            a.descender.unwrap_or(a.bbox[1]),
        )
    }
}

// ---------------------------------------------------------------- Python side

fn python_sources(args: &Args, scratch: &Path) -> crate::Result<Value> {
    let probe = Command::new("python3")
        .args(["-c", "import fontTools, reportlab"])
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("python3: {e}"))?;
    if !probe.success() {
        eprintln!("installing fonttools and reportlab with pip");
        let ok = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "fonttools", "reportlab"])
            .status()
            .map_err(|e| format!("python3 -m pip: {e}"))?;
        if !ok.success() {
            return Err("pip install fonttools reportlab failed".into());
        }
    }
    let adobe = args
        .adobe_afm
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let out = Command::new("python3")
        .arg("-c")
        .arg(DUMP_PY)
        .arg(adobe)
        .arg(scratch)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the Python dump of fonttools/reportlab data failed ({})",
            out.status
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("the Python dump is not JSON: {e}"))
}

fn str_field<'a>(v: &'a Value, key: &str) -> crate::Result<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("the Python dump lacks {key}"))
}

type Encoding = Vec<Option<String>>;

fn to_encoding(v: Option<&Value>, what: &str) -> crate::Result<Encoding> {
    let arr = v
        .and_then(Value::as_array)
        .ok_or_else(|| format!("no {what} in the Python dump"))?;
    if arr.len() != 256 {
        return Err(format!("{what} has {} codes, not 256", arr.len()));
    }
    Ok(arr.iter().map(|n| n.as_str().map(str::to_string)).collect())
}

fn read_encodings(py: &Value) -> crate::Result<Vec<(&'static str, Encoding)>> {
    let all = py.get("encodings");
    ENCODINGS
        .iter()
        .map(|name| Ok((*name, to_encoding(all.and_then(|e| e.get(name)), name)?)))
        .collect()
}

/// reportlab's tables against Adobe's AFMs and fontTools; any difference is an error.
fn check_encodings(py: &Value, encodings: &[(&str, Encoding)], fonts: &[Font]) -> crate::Result {
    let get = |name: &str| encodings.iter().find(|(n, _)| *n == name).map(|(_, e)| e);
    let mut problems = Vec::new();
    let mut compare = |what: &str, a: &Encoding, b: &Encoding| {
        for (code, (x, y)) in a.iter().zip(b).enumerate() {
            if x != y {
                problems.push(format!("{what} code {code:#04x}: {x:?} vs {y:?}"));
            }
        }
    };
    let ft_standard = to_encoding(py.get("fonttools_standard"), "fontTools StandardEncoding")?;
    let standard = get("Standard").ok_or("no Standard encoding")?;
    compare(
        "reportlab vs fontTools StandardEncoding",
        standard,
        &ft_standard,
    );
    for f in fonts {
        let builtin = get(f.encoding).ok_or("no built-in encoding")?;
        compare(
            &format!("reportlab {} vs {}.afm", f.encoding, f.canonical),
            builtin,
            &f.adobe.codes,
        );
    }
    // Each encoding's names must have a Unicode value (checked in gen_agl through the AGL).
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the encoding sources disagree:\n  {}",
            problems.join("\n  ")
        ))
    }
}

// ---------------------------------------------------------------- AFM

struct Afm {
    font_name: String,
    version: String,
    notice: Vec<String>,
    weight: String,
    italic_angle: f64,
    fixed_pitch: bool,
    bbox: [i32; 4],
    ascender: Option<i32>,
    descender: Option<i32>,
    widths: BTreeMap<String, u16>,
    codes: Encoding,
}

impl Afm {
    fn read(path: &Path) -> crate::Result<Afm> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // AFMs are ASCII apart from Latin-1 in comments.
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        Afm::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn parse(text: &str) -> crate::Result<Afm> {
        let mut afm = Afm {
            font_name: String::new(),
            version: String::new(),
            notice: Vec::new(),
            weight: String::new(),
            italic_angle: 0.0,
            fixed_pitch: false,
            bbox: [0; 4],
            ascender: None,
            descender: None,
            widths: BTreeMap::new(),
            codes: vec![None; 256],
        };
        let num = |s: &str| {
            s.trim()
                .parse::<f64>()
                .map_err(|e| format!("bad number {s:?}: {e}"))
        };
        for line in text.lines() {
            let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                "FontName" => afm.font_name = rest.trim().to_string(),
                "Version" => afm.version = rest.trim().to_string(),
                "Notice" => afm.notice.push(rest.trim().to_string()),
                "Weight" => afm.weight = rest.trim().to_string(),
                "ItalicAngle" => afm.italic_angle = num(rest)?,
                "IsFixedPitch" => afm.fixed_pitch = rest.trim() == "true",
                "Ascender" => afm.ascender = Some(num(rest)?.round() as i32),
                "Descender" => afm.descender = Some(num(rest)?.round() as i32),
                "FontBBox" => {
                    let v: Vec<f64> = rest
                        .split_whitespace()
                        .map(num)
                        .collect::<crate::Result<_>>()?;
                    match v.as_slice() {
                        [a, b, c, d] => afm.bbox = [a, b, c, d].map(|x| x.round() as i32),
                        _ => return Err(format!("bad FontBBox {rest:?}")),
                    }
                }
                "C" => {
                    let (mut code, mut width, mut name) = (None, None, None);
                    for part in line.split(';') {
                        let mut t = part.split_whitespace();
                        match (t.next(), t.next()) {
                            (Some("C"), Some(c)) => {
                                code = Some(c.parse::<i32>().map_err(|e| format!("{line}: {e}"))?)
                            }
                            (Some("WX"), Some(w)) => width = Some(num(w)?),
                            (Some("N"), Some(n)) => name = Some(n.to_string()),
                            _ => {}
                        }
                    }
                    let (Some(code), Some(width), Some(name)) = (code, width, name) else {
                        return Err(format!("bad metrics line {line:?}"));
                    };
                    let width =
                        u16::try_from(width.round() as i64).map_err(|e| format!("{line}: {e}"))?;
                    if let Ok(c) = usize::try_from(code)
                        && let Some(slot) = afm.codes.get_mut(c)
                    {
                        *slot = Some(name.clone());
                    }
                    afm.widths.insert(name, width);
                }
                _ => {}
            }
        }
        if afm.font_name.is_empty() || afm.widths.is_empty() {
            return Err("no FontName or no character metrics".into());
        }
        Ok(afm)
    }
}

// ---------------------------------------------------------------- emitting

fn rustfmt(src: &str) -> crate::Result<String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("rustfmt: {e}"))?;
    child
        .stdin
        .take()
        .ok_or("rustfmt: no stdin")?
        .write_all(src.as_bytes())
        .map_err(|e| format!("rustfmt: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt: {e}"))?;
    if !out.status.success() {
        return Err(format!("rustfmt failed on generated code ({})", out.status));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("rustfmt: {e}"))
}

/// A Rust string literal: printable ASCII as is, everything else as `\u{..}`.
fn str_lit(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        push_char(&mut out, c, '"');
    }
    out.push('"');
    out
}

fn char_lit(c: char) -> String {
    let mut out = String::from("'");
    push_char(&mut out, c, '\'');
    out.push('\'');
    out
}

fn push_char(out: &mut String, c: char, quote: char) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
    } else if c == ' ' || c.is_ascii_graphic() {
        out.push(c);
    } else {
        let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
    }
}

/// Appends `text` as comment lines of at most 100 columns: `first` starts the first, `next` the others.
fn wrap_doc(o: &mut String, text: &str, first: &str, next: &str) {
    let mut line = String::from(first);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.len() + 1 + word.len() > 100 {
            o.push_str(&line);
            o.push('\n');
            line = String::from(next);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    o.push_str(&line);
    o.push('\n');
}

const GENERATED: &str =
    "//! @generated by `cargo xtask gen-tables` (xtask/src/tables.rs): do not edit by hand.\n";

/// Parses glyphlist.txt: returns (its leading comment block, sorted name -> string).
fn parse_glyphlist(text: &str) -> crate::Result<(Vec<String>, BTreeMap<String, String>)> {
    let mut header = Vec::new();
    let mut map = BTreeMap::new();
    for line in text.lines() {
        if let Some(comment) = line.strip_prefix('#') {
            if map.is_empty() {
                header.push(comment.trim_end().to_string());
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let (name, codes) = line
            .split_once(';')
            .ok_or_else(|| format!("bad glyphlist line {line:?}"))?;
        let mut s = String::new();
        for hex in codes.split_whitespace() {
            let c = u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| format!("bad code point in {line:?}"))?;
            s.push(c);
        }
        if map.insert(name.to_string(), s).is_some() {
            return Err(format!("glyph {name} twice in glyphlist.txt"));
        }
    }
    Ok((header, map))
}

fn gen_agl(py: &Value, fonts: &[Font], src: &Sources) -> crate::Result<String> {
    let (header, agl) = parse_glyphlist(str_field(py, "agl_text")?)?;
    if agl.len() < 4000 {
        return Err(format!(
            "only {} AGL entries: not the full glyphlist.txt",
            agl.len()
        ));
    }
    let dingbats = py
        .get("zapf_dingbats")
        .and_then(Value::as_object)
        .ok_or("no zapf_dingbats")?;
    let mut zapf = BTreeMap::new();
    for (name, v) in dingbats {
        let s = v.as_str().unwrap_or_default();
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                zapf.insert(name.clone(), c);
            }
            _ => {
                return Err(format!(
                    "Zapf Dingbats glyph {name} maps to {s:?}, not one character"
                ));
            }
        }
    }
    // Every glyph of the ZapfDingbats AFM must be in the Dingbats list.
    if let Some(f) = fonts.iter().find(|f| f.canonical == "ZapfDingbats") {
        let missing: Vec<_> = f
            .adobe
            .widths
            .keys()
            .filter(|n| !zapf.contains_key(*n))
            .collect();
        if !missing.is_empty() {
            return Err(format!("Zapf Dingbats glyphs without Unicode: {missing:?}"));
        }
    }
    let mut o = String::new();
    o.push_str(
        "//! Adobe Glyph List (glyph name -> Unicode) and the ITC Zapf Dingbats glyph list.\n//!\n",
    );
    o.push_str(GENERATED);
    o.push_str("//!\n//! Sources:\n");
    let text = format!(
        "`AGL`: glyphlist.txt, embedded verbatim in `fontTools/agl.py` of fonttools {} (PyPI); \
         its notice is kept below. Sorted by name (bytewise) for binary search.",
        src.fonttools
    );
    wrap_doc(&mut o, &text, "//! - ", "//!   ");
    let text = format!(
        "`ZAPF_DINGBATS`: the ITC Zapf Dingbats glyph list (zapfdingbats.txt), as \
         `fontTools.agl.toUnicode(name, isZapfDingbats=True)` for each glyph name of Adobe's \
         ZapfDingbats.afm, from {}.",
        src.adobe_source
    );
    wrap_doc(&mut o, &text, "//! - ", "//!   ");
    o.push_str("//!\n");
    for line in &header {
        let _ = writeln!(o, "//{line}");
    }
    // One string and offsets, not a table of string pairs: each `&str` in a static is a
    // pointer that the loader relocates when any process starts (8,562 of them).
    if let Some(name) = agl.keys().find(|n| n.contains(';')) {
        return Err(format!("AGL name {name:?} holds the separator `;`"));
    }
    o.push_str(
        "\n/// Glyph name -> Unicode string, per the Adobe Glyph List 2.0: `name;text` entries, one \
         after another.\npub(super) static AGL: &str = concat!(\n",
    );
    let mut starts = vec![0usize];
    for (name, s) in &agl {
        let line = format!("{name};{s}");
        let _ = writeln!(o, "{},", str_lit(&line));
        starts.push(starts.last().copied().unwrap_or(0) + line.len());
    }
    o.push_str(");\n");
    let _ = writeln!(
        o,
        "\n/// Where each entry of [`AGL`] starts, then its length.\npub(super) static AGL_STARTS: [u32; {}] = [",
        starts.len()
    );
    for start in &starts {
        let _ = write!(o, "{start},");
    }
    o.push_str("];\n");
    let _ = writeln!(
        o,
        "\n/// Glyph name of the ZapfDingbats font -> Unicode.\npub(super) static ZAPF_DINGBATS: [(&str, char); {}] = [",
        zapf.len()
    );
    for (name, c) in &zapf {
        let _ = writeln!(o, "({}, {}),", str_lit(name), char_lit(*c));
    }
    o.push_str("];\n");
    // Every glyph name of the base encodings and of the standard 14 text fonts and Symbol
    // should resolve through the AGL; report (do not fail on) the exceptions.
    let unmapped: BTreeSet<&String> = fonts
        .iter()
        .filter(|f| f.canonical != "ZapfDingbats")
        .flat_map(|f| f.adobe.widths.keys())
        .filter(|n| !agl.contains_key(*n))
        .collect();
    if !unmapped.is_empty() {
        eprintln!("note: Adobe standard-14 glyphs not in the AGL: {unmapped:?}");
    }
    Ok(o)
}

fn gen_encodings(encodings: &[(&str, Encoding)], src: &Sources) -> String {
    let mut o = String::new();
    o.push_str(
        "//! Base encodings: code -> glyph name (\"\" where the encoding has no glyph).\n//!\n",
    );
    o.push_str(GENERATED);
    o.push_str("//!\n");
    let text = format!(
        "Source: `reportlab/pdfbase/_fontdata_enc_*.py` of reportlab {rl} (PyPI), which follow \
         PDF 32000-1 Annex D (Standard, MacRoman, WinAnsi, PDFDoc: D.2; MacExpert: D.4; Symbol: \
         D.5; ZapfDingbats: D.6), including D.2's notes: WinAnsi also has `space` at 0xA0, \
         `hyphen` at 0xAD and `bullet` at its unused codes 0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D; \
         MacRoman also has `space` at 0xCA. Checked against StandardEncoding of fonttools {ft} and \
         against the `C` codes of Adobe's AFMs, from {adobe}, for Standard, Symbol and ZapfDingbats.",
        rl = src.reportlab,
        ft = src.fonttools,
        adobe = src.adobe_source,
    );
    wrap_doc(&mut o, &text, "//! ", "//! ");
    for (name, enc) in encodings {
        let ident = match *name {
            "Standard" => "STANDARD",
            "WinAnsi" => "WIN_ANSI",
            "MacRoman" => "MAC_ROMAN",
            "MacExpert" => "MAC_EXPERT",
            "PdfDoc" => "PDF_DOC",
            "Symbol" => "SYMBOL",
            _ => "ZAPF_DINGBATS",
        };
        let _ = writeln!(
            o,
            "\n/// `BaseEncoding::{name}`.\npub(super) static {ident}: [&str; 256] = ["
        );
        for (code, glyph) in enc.iter().enumerate() {
            let _ = writeln!(
                o,
                "{}, // {code:#04X}",
                str_lit(glyph.as_deref().unwrap_or(""))
            );
        }
        o.push_str("];\n");
    }
    o
}

fn gen_standard14(fonts: &[Font], src: &Sources) -> crate::Result<String> {
    // The glyph names of the 12 text fonts, shared by their width arrays.
    let text: Vec<&Font> = fonts.iter().filter(|f| f.is_text()).collect();
    let names: BTreeSet<String> = text.iter().flat_map(|f| f.widths().into_keys()).collect();
    let known = [
        ("Helvetica", "space", 278),
        ("Helvetica", "a", 556),
        ("Helvetica", "W", 944),
        ("Times-Roman", "space", 250),
        ("Times-Roman", "a", 444),
        ("Courier", "a", 600),
    ];
    for (font, glyph, want) in known {
        let got = fonts
            .iter()
            .find(|f| f.canonical == font)
            .and_then(|f| f.widths().get(glyph).copied());
        if got != Some(want) {
            return Err(format!("{font} {glyph}: width {got:?}, expected {want}"));
        }
    }

    let mut o = String::new();
    o.push_str("//! Metrics of the standard 14 fonts (PDF 32000-1 9.6.2.2).\n//!\n");
    o.push_str(GENERATED);
    o.push_str("//!\n//! Sources:\n");
    let adobe = format!(
        "Adobe's Core14 AFM files (AFM 4.1, 1997), from {}: \
         widths, Ascender/Descender (FontBBox for Symbol and ZapfDingbats, whose AFMs have none), \
         Weight, ItalicAngle, IsFixedPitch.",
        src.adobe_source
    );
    wrap_doc(&mut o, &adobe, "//! - ", "//!   ");
    let urw = format!(
        "URW base35 AFM files (Debian package fonts-urw-base35, `{}`), metric-compatible with the \
         standard 14: the widths of the glyphs that Adobe's AFMs lack. Where both have a glyph, \
         Adobe's width is used; these URW widths differ from Adobe's:",
        src.urw_dir
    );
    wrap_doc(&mut o, &urw, "//! - ", "//!   ");
    for f in fonts {
        let d = f.differences();
        if d.is_empty() {
            continue;
        }
        let list: Vec<String> = d
            .iter()
            .map(|(n, a, u)| format!("{n} {a} (URW {u})"))
            .collect();
        let item = format!("{}: {}.", f.canonical, list.join(", "));
        wrap_doc(&mut o, &item, "//!   - ", "//!     ");
    }
    o.push_str("//!\n//! Notices of Adobe's AFM files:\n");
    let mut notices = BTreeSet::new();
    for f in fonts {
        for n in &f.adobe.notice {
            if notices.insert(n.clone()) {
                // Verbatim, however long.
                let _ = writeln!(o, "//! - {n}");
            }
        }
    }
    o.push_str("\nuse super::{BaseEncoding, FontMetrics, Widths};\n");

    let _ = writeln!(
        o,
        "\n/// Glyph names of the 12 text fonts (sorted bytewise), shared by their width arrays.\n\
         pub(super) static TEXT_GLYPHS: [&str; {}] = [",
        names.len()
    );
    for n in &names {
        let _ = writeln!(o, "{},", str_lit(n));
    }
    o.push_str("];\n");

    let ident = |f: &Font| {
        format!(
            "{}_WIDTHS",
            f.canonical.to_ascii_uppercase().replace('-', "_")
        )
    };
    let mut entries = String::new();
    for f in fonts {
        let widths = f.widths();
        let kind = if f.is_text() {
            let row: Vec<u16> = names
                .iter()
                .map(|n| widths.get(n).copied().unwrap_or(0))
                .collect();
            if row.contains(&0) {
                return Err(format!(
                    "{}: a text glyph is missing or has width 0",
                    f.canonical
                ));
            }
            let first = row.first().copied().unwrap_or(0);
            if row.iter().all(|w| *w == first) {
                format!("Widths::TextFixed({first})")
            } else {
                let _ = writeln!(
                    o,
                    "\n/// {}: widths aligned with `TEXT_GLYPHS`.\nstatic {}: [u16; {}] = [",
                    f.canonical,
                    ident(f),
                    row.len()
                );
                for w in &row {
                    let _ = write!(o, "{w}, ");
                }
                o.push_str("];\n");
                format!("Widths::Text(&{})", ident(f))
            }
        } else {
            let _ = writeln!(
                o,
                "\n/// {}: (glyph name, width), sorted by name.\nstatic {}: [(&str, u16); {}] = [",
                f.canonical,
                ident(f),
                widths.len()
            );
            for (n, w) in &widths {
                let _ = writeln!(o, "({}, {w}),", str_lit(n));
            }
            o.push_str("];\n");
            format!("Widths::Named(&{})", ident(f))
        };
        let (ascent, descent) = f.ascent_descent();
        let a = &f.adobe;
        let _ = writeln!(
            entries,
            "// {canonical}: {adobe_name}.afm version {version}, {na} glyphs; {urw}.afm adds {extra}.\n\
             FontMetrics {{ name: {name}, widths: {kind}, ascent: {ascent}, descent: {descent}, \
             encoding: BaseEncoding::{enc}, bold: {bold}, italic: {italic}, fixed_pitch: {fixed} }},",
            canonical = f.canonical,
            adobe_name = a.font_name,
            version = a.version,
            na = a.widths.len(),
            urw = f.urw_file,
            extra = widths.len() - a.widths.len(),
            name = str_lit(f.canonical),
            enc = f.encoding,
            bold = a.weight == "Bold",
            italic = a.italic_angle != 0.0,
            fixed = a.fixed_pitch,
        );
    }
    let _ = writeln!(
        o,
        "\n/// The standard 14, sorted by name.\npub(super) static FONTS: [FontMetrics; {}] = [\n{entries}];",
        fonts.len()
    );
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals() {
        assert_eq!(str_lit("a\"\\€"), "\"a\\\"\\\\\\u{20AC}\"");
        assert_eq!(char_lit('\''), "'\\''");
        assert_eq!(char_lit('\u{2701}'), "'\\u{2701}'");
    }

    #[test]
    fn glyphlist() {
        let (header, map) =
            parse_glyphlist("# Name: AGL\n#\nA;0041\nffi;FB03\ndalethatafpatah;05D3 05B2\n")
                .unwrap();
        assert_eq!(header, [" Name: AGL", ""]);
        assert_eq!(
            map.get("dalethatafpatah").map(String::as_str),
            Some("\u{5D3}\u{5B2}")
        );
        assert_eq!(map.len(), 3);
    }

    #[test]
    fn afm() {
        let afm = Afm::parse(
            "StartFontMetrics 4.1\nFontName Foo-Bold\nWeight Bold\nItalicAngle -12\nIsFixedPitch false\n\
             FontBBox -166 -225 1000 931\nAscender 718\nC 32 ; WX 278 ; N space ; B 0 0 0 0 ;\n\
             C -1 ; WX 556 ; N Euro ; B 0 0 0 0 ;\n",
        )
        .unwrap();
        assert_eq!(afm.font_name, "Foo-Bold");
        assert_eq!(afm.widths.get("Euro"), Some(&556));
        assert_eq!(
            afm.codes.get(32).cloned().flatten().as_deref(),
            Some("space")
        );
        assert_eq!(
            (afm.ascender, afm.descender, afm.bbox[1]),
            (Some(718), None, -225)
        );
        assert!(afm.italic_angle != 0.0 && !afm.fixed_pitch);
    }
}
