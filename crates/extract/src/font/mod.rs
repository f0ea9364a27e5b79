//! Fonts (PDF 32000-1 §9.6–9.10): from a font dictionary to, for each character code,
//! its Unicode text and its advance.
//!
//! Unicode comes through one fallback chain, most trusted first (§9.10.2):
//!
//! 1. the font's `/ToUnicode` CMap, for the codes it maps;
//! 2. simple fonts: the glyph name of the encoding (base encoding + `/Differences`, or the
//!    embedded Type 1 or CFF program's built-in encoding), through the Adobe Glyph List. For
//!    an embedded TrueType program the name must be one it draws: when its Unicode `cmap`
//!    lacks the name's character, the code draws another glyph (its code `cmap`'s), and the
//!    program's text for that glyph wins; so it does over names that are only assumed (a
//!    standard font's encoding found by the font's name, Standard Encoding by default)
//!    unless the program draws them;
//!    composite fonts: codes of a `Uni…` CMap, which are Unicode;
//! 3. the embedded program itself (see `program`): a TrueType `cmap` read backwards, then its
//!    `post` names; a CFF charset's names. For composite fonts it fills the codes a
//!    ToUnicode map lacks;
//! 4. heuristics, only where nothing above maps the code: numeric glyph names that carry their
//!    own code (`a65`), and UCS-2 codes where `/ToUnicode` names an Identity CMap.
//!
//! What none of them maps is reported as unmapped (U+FFFD), never guessed from neighbouring
//! codes.
//!
//! Known limitation: the predefined CJK CMaps (`GBK-EUC-H`, `90ms-RKSJ-H`, …) are used for
//! their code space only. There are no CID → Unicode tables for their character collections
//! (Adobe-GB1, -CNS1, -Japan1, -Korea1), so CJK text without a `/ToUnicode` stays unmapped;
//! so does text in CID-keyed CFF fonts, whose charsets hold CIDs, not glyph names. (The
//! Unicode CMaps, `Uni…-UCS2`/`-UTF16`, are read: their codes are Unicode.)

mod cff;
mod cmap;
mod gsub;
mod program;
mod sfnt;
mod shapes;
mod type1;

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Object};

use crate::budget::Source;

use crate::objects::{self, get, get_array, get_dict, get_name, get_number, get_stream};
use crate::tables::{self, BaseEncoding, Standard14};
pub use cmap::ToUnicode;
use cmap::{CidMap, Codespace};

/// Bytes one font stream (CMap, font program) may decode to.
/// A font stream's decoded bytes, within the document's limits.
pub(crate) fn stream_data(
    doc: &Source<'_>,
    stream: &lopdf::Stream,
) -> Result<Vec<u8>, crate::budget::DecodeError> {
    doc.decode(stream)
}

/// A decoded character code.
#[derive(Clone, Debug)]
pub struct Char<'f> {
    /// Unicode text, `None` when the code could not be mapped.
    pub text: Option<&'f str>,
    /// Advance in text space units per unit of font size (glyph width / 1000 for most fonts).
    pub width: f32,
    /// A single-byte code 32: word spacing (`Tw`) applies to it.
    pub is_space_code: bool,
    /// The character code shown: one glyph of the font wherever it is drawn.
    pub code: u32,
}

/// A font, ready to decode strings shown with it.
#[derive(Debug)]
pub struct Font {
    /// `/BaseFont` without a subset prefix (`ABCDEF+`).
    pub name: String,
    /// The subset prefix's tag (`ABCDEF`), empty for none: one font may be embedded as
    /// several subsets (a rewrite by cairo cuts it so), each giving its codes other glyphs.
    pub subset: Box<str>,
    pub bold: bool,
    pub italic: bool,
    /// Ascent and descent in text space units per unit of font size (descent negative).
    pub ascent: f32,
    pub descent: f32,
    /// Multiplies the font size for the glyphs' em (Type 3 fonts with unusual matrices).
    pub size_scale: f32,
    kind: Kind,
    /// Problems found while loading, reported once per page that uses the font.
    pub problems: Vec<String>,
}

#[derive(Debug)]
enum Kind {
    /// One byte per code; text and width per code.
    Simple {
        texts: Box<[Option<Box<str>>]>,
        widths: Box<[f32]>,
    },
    Composite(Box<Composite>),
}

#[derive(Debug)]
struct Composite {
    codespace: Codespace,
    /// `None` for Identity (CID = code).
    cids: Option<CidMap>,
    /// Codes are UTF-16 (a `Uni…-UCS2`/`UTF16` CMap).
    unicode_codes: bool,
    /// `/ToUnicode` names an Identity CMap: codes read as UCS-2 when nothing else maps them.
    identity_to_unicode: bool,
    to_unicode: Option<Rc<ToUnicode>>,
    /// The descendant font, whose embedded program names the glyphs the `/ToUnicode` map
    /// lacks; `None` when the map covers every CID the widths list.
    program_source: Option<Dictionary>,
    /// That program's glyphs, read the first time a code needs them (inflating and parsing a
    /// program costs more than reading most pages).
    program: std::cell::OnceCell<Option<program::Glyphs>>,
    widths: CidWidths,
    /// Codes whose `/ToUnicode` claim the program's outlines contradict, with what they read
    /// as instead (see `shapes`); empty for almost every font.
    contradicted: rustc_hash::FxHashMap<u32, shapes::Reading>,
    /// Texts decoded so far, so that each code is looked up once.
    cache: std::cell::RefCell<HashMap<u32, Option<Box<str>>>>,
}

impl Font {
    /// Reads a font dictionary. Never fails: what cannot be read is noted in `problems` and
    /// degrades to unmapped glyphs with a default width.
    pub fn load(doc: &Source<'_>, dict: &Dictionary) -> Font {
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or(b"Type1");
        // A Type 3 font has no `/BaseFont`; its descriptor or its `/Name` may still name it.
        let base_font = get_name(doc, dict, b"BaseFont")
            .or_else(|| {
                get_dict(doc, dict, b"FontDescriptor").and_then(|d| get_name(doc, d, b"FontName"))
            })
            .or_else(|| get_name(doc, dict, b"Name"))
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let name = strip_subset_prefix(&base_font).to_string();
        let subset = subset_tag(&base_font).into();
        let mut problems = Vec::new();
        let kind;
        let descriptor;
        let mut size_scale = 1.0;
        let mut glyph_to_text = 1.0 / 1000.0;
        let mut ascent_descent = None;
        if subtype == b"Type0" {
            let descendant = get_array(doc, dict, b"DescendantFonts")
                .and_then(|a| a.first())
                .and_then(|o| objects::as_dict(doc, o));
            descriptor = descendant.and_then(|d| get_dict(doc, d, b"FontDescriptor"));
            if descendant.is_none() {
                problems.push("composite font without a descendant font".to_string());
            }
            kind = Kind::Composite(Box::new(Composite::load(
                doc,
                dict,
                descendant,
                &mut problems,
            )));
        } else {
            descriptor = get_dict(doc, dict, b"FontDescriptor");
            if subtype == b"Type3" {
                let matrix =
                    get_array(doc, dict, b"FontMatrix").and_then(|a| objects::numbers(doc, a));
                if let Some(&[a, _, _, d, _, _]) = matrix.as_deref() {
                    glyph_to_text = a;
                    // The em of a Type 3 font is its glyph box, not 1000 units: glyphs
                    // drawn on a 100-unit grid with a 0.01 matrix are as big as usual.
                    let bbox =
                        get_array(doc, dict, b"FontBBox").and_then(|a| objects::numbers(doc, a));
                    match bbox.as_deref() {
                        Some(&[_, y0, _, y1]) if y1 > y0 && d != 0.0 => {
                            let height = (y1 - y0) * d.abs();
                            // An ordinary glyph box (0.5–2 text units) means an ordinary em.
                            size_scale = if (0.5..=2.0).contains(&height) {
                                1.0
                            } else {
                                height
                            };
                            ascent_descent =
                                Some((y1 * d.abs() / size_scale, y0 * d.abs() / size_scale));
                        }
                        // No usable glyph box (`[0 0 0 0]` is common): the em from the
                        // advances, whose median is about half an em in Latin type.
                        _ => {
                            size_scale = type3_em_from_widths(doc, dict, d.abs())
                                .unwrap_or((d * 1000.0).abs());
                        }
                    }
                }
            }
            kind = load_simple(doc, dict, descriptor, &name, glyph_to_text, &mut problems);
        }
        let standard = tables::standard14(&name);
        let (ascent, descent) =
            ascent_descent.unwrap_or_else(|| ascent_descent_of(doc, descriptor, standard));
        let flags = descriptor
            .and_then(|d| get_number(doc, d, b"Flags"))
            .unwrap_or(0.0) as u32;
        let weight = descriptor
            .and_then(|d| get_number(doc, d, b"FontWeight"))
            .unwrap_or(400.0);
        let italic_angle = descriptor
            .and_then(|d| get_number(doc, d, b"ItalicAngle"))
            .unwrap_or(0.0);
        let lower = name.to_ascii_lowercase();
        let mut bold = names_bold_weight(&lower)
            || flags & (1 << 18) != 0
            || weight >= 600.0
            || standard.is_some_and(|s| s.bold())
            // A name that names no weight (URW's `NimbusRomNo9L-Medi`, TeX's Times bold):
            // an embedded Type 1 or CFF program's own `Weight`.
            || !names_a_weight(&lower)
                && descriptor
                    .and_then(|d| program_weight(doc, d))
                    .is_some_and(|w| names_bold_weight(&w.to_ascii_lowercase()));
        let mut italic = ["italic", "oblique", "kursiv"]
            .iter()
            .any(|w| lower.contains(w))
            || flags & (1 << 6) != 0
            || italic_angle.abs() > 1.0
            || standard.is_some_and(|s| s.italic());
        if !bold && !italic && is_generic_name(&name) {
            let program_style = descriptor.and_then(|d| truetype_style(doc, d));
            (bold, italic) = program_style.unwrap_or((false, false));
        }
        Font {
            name,
            subset,
            bold,
            italic,
            ascent,
            descent,
            size_scale,
            kind,
            problems,
        }
    }

    /// A stand-in for a font that is missing from the resources.
    pub fn missing(name: &str) -> Font {
        Font {
            name: name.to_string(),
            subset: "".into(),
            bold: false,
            italic: false,
            ascent: 0.8,
            descent: -0.2,
            size_scale: 1.0,
            kind: Kind::Simple {
                texts: vec![None; 256].into(),
                widths: vec![0.5; 256].into(),
            },
            problems: vec![format!("font resource {name} not found")],
        }
    }

    /// Decodes a shown string into characters, calling `each` for every code.
    /// `doc` is the document the font came from (a composite font's program is read from it
    /// when first needed).
    pub fn decode(&self, doc: &Source<'_>, bytes: &[u8], mut each: impl FnMut(Char<'_>)) {
        match &self.kind {
            Kind::Simple { texts, widths } => {
                for &b in bytes {
                    let i = usize::from(b);
                    each(Char {
                        text: texts.get(i).and_then(|t| t.as_deref()),
                        width: widths.get(i).copied().unwrap_or(0.0),
                        is_space_code: b == 32,
                        code: u32::from(b),
                    });
                }
            }
            Kind::Composite(c) => {
                let mut rest = bytes;
                while !rest.is_empty() {
                    let (code, len) = c.codespace.next_code(rest);
                    rest = rest.get(len..).unwrap_or_default();
                    let cid = match &c.cids {
                        Some(map) => map.cid(code).unwrap_or(0),
                        None => code,
                    };
                    let width = c.widths.width(cid) / 1000.0;
                    let mut cache = c.cache.borrow_mut();
                    let text = cache
                        .entry(code)
                        .or_insert_with(|| c.text(doc, code).map(String::into_boxed_str));
                    each(Char {
                        text: text.as_deref(),
                        width,
                        is_space_code: len == 1 && code == 32,
                        code,
                    });
                }
            }
        }
    }
}

impl Composite {
    fn load(
        doc: &Source<'_>,
        font: &Dictionary,
        descendant: Option<&Dictionary>,
        problems: &mut Vec<String>,
    ) -> Composite {
        let mut codespace = Codespace::two_byte();
        let mut cids = None;
        let mut unicode_codes = false;
        match get(doc, font, b"Encoding") {
            Some(Object::Name(name)) => {
                let name = String::from_utf8_lossy(name);
                if !name.starts_with("Identity") {
                    match predefined_codespace(&name) {
                        Some(space) => codespace = space,
                        None => problems.push(format!(
                            "predefined CMap {name} not supported; read as two-byte codes"
                        )),
                    }
                    unicode_codes = name.starts_with("Uni")
                        && (name.contains("UCS2") || name.contains("UTF16"));
                }
            }
            Some(Object::Stream(stream)) => match stream_data(doc, stream) {
                Ok(data) => {
                    let map = CidMap::parse(&data);
                    if !map.codespace.is_empty() {
                        codespace = map.codespace.clone();
                    }
                    cids = Some(map);
                }
                Err(e) => problems.push(format!("encoding CMap unreadable: {e}")),
            },
            _ => {
                problems.push("composite font without an encoding; read as Identity-H".to_string())
            }
        }
        let to_unicode = to_unicode(doc, font, problems);
        // `/ToUnicode /Identity-H` (a name where a stream belongs), as some producers write:
        // the codes are UCS-2, as poppler and pdfminer read them; after the program, which
        // knows better where it names the glyph.
        let identity_to_unicode = to_unicode.is_none()
            && get_name(doc, font, b"ToUnicode").is_some_and(|n| n.starts_with(b"Identity"));
        let widths = descendant
            .map(|d| CidWidths::load(doc, d))
            .unwrap_or_default();
        // The program names the glyphs the ToUnicode map lacks; it is read only when the map
        // does not cover every CID the widths list (or there is no map), and the codes are
        // not Unicode already.
        let needed = !unicode_codes
            && to_unicode
                .as_ref()
                .is_none_or(|m| !covers_widths(m, cids.is_none(), &widths));
        // A font whose map claims a character twice is checked against its program's
        // outlines. That inflates the program here, and again below if a code needs its
        // names: only for the few fonts so flagged (Ghostscript's rewrites), so the simpler
        // path is kept.
        let contradicted: rustc_hash::FxHashMap<_, _> = match (&to_unicode, descendant) {
            (Some(map), Some(d)) if shapes::worth_checking(map) => {
                shapes::contradicted_claims(doc, d, map, cids.as_ref())
            }
            _ => Default::default(),
        };
        // The program may name what the map's contradicted claims do not.
        let needed = needed || !contradicted.is_empty();
        let program_source = descendant.filter(|_| needed).cloned();
        Composite {
            codespace,
            cids,
            unicode_codes,
            identity_to_unicode,
            to_unicode,
            program_source,
            program: Default::default(),
            widths,
            contradicted,
            cache: Default::default(),
        }
    }

    /// The embedded program's glyphs, read on the first call.
    fn program(&self, doc: &Source<'_>) -> Option<&program::Glyphs> {
        self.program
            .get_or_init(|| {
                let d = self.program_source.as_ref()?;
                program::Glyphs::load(doc, get_dict(doc, d, b"FontDescriptor")?, Some(d))
            })
            .as_ref()
    }

    /// ToUnicode, then Unicode codes of a `Uni…` CMap, then the font program, then codes read
    /// as UCS-2 where `/ToUnicode` names an Identity CMap (poppler's reading of that error).
    fn text(&self, doc: &Source<'_>, code: u32) -> Option<String> {
        let contradicted = self.contradicted.get(&code);
        if let Some(shapes::Reading::Sign(sign)) = contradicted {
            return Some((*sign).to_string());
        }
        let to_unicode = self.to_unicode.as_ref().filter(|_| contradicted.is_none());
        if let Some(text) = to_unicode.and_then(|m| m.get(code)) {
            return Some(text);
        }
        let as_unicode = || {
            char::from_u32(code)
                .filter(|c| !c.is_control())
                .map(String::from)
        };
        if self.unicode_codes {
            return as_unicode();
        }
        let cid = match &self.cids {
            Some(map) => map.cid(code),
            None => Some(code),
        };
        // One-byte codes whose CIDs a program that names nothing draws with no letter at
        // 32: codes built on ASCII, read as Windows' (as the simple fonts they were).
        let from_ascii = |cid: u32| {
            self.program(doc)
                .filter(|p| {
                    self.to_unicode.is_none()
                        && self.codespace.is_one_byte()
                        && p.cids_only_from_ascii()
                })
                .and_then(|_| u8::try_from(cid).ok())
                .and_then(windows_code_text)
        };
        cid.and_then(|cid| {
            self.program(doc)
                .and_then(|p| p.cid_text(cid))
                .map(String::from)
                .or_else(|| from_ascii(cid))
        })
        .or_else(|| {
            if self.identity_to_unicode {
                as_unicode()
            } else {
                None
            }
        })
    }
}

/// Whether `map` gives a text for every CID that `/W` lists (codes are CIDs with an Identity
/// encoding; with another encoding this cannot be told cheaply, and the answer is no).
fn covers_widths(map: &ToUnicode, identity: bool, widths: &CidWidths) -> bool {
    /// CIDs looked at, at most: a map is taken as complete beyond them.
    const MAX_CHECKED: usize = 65_536;
    identity
        && widths
            .ranges
            .iter()
            .flat_map(|(first, last, _)| *first..=*last)
            .take(MAX_CHECKED)
            .all(|cid| map.has(cid))
}

/// Code spaces of the predefined CMaps in common use (PDF 32000-1 Table 118).
fn predefined_codespace(name: &str) -> Option<Codespace> {
    let src: &[u8] = if name.contains("RKSJ") {
        b"<00> <80> <8140> <9FFC> <A0> <DF> <E040> <FCFC>"
    } else if name.contains("EUC")
        || name.contains("GBK")
        || name.contains("GBpc")
        || name.contains("B5")
        || name.contains("KSC")
        || name.contains("ETen")
        || name.contains("HKscs")
    {
        b"<00> <80> <8140> <FEFE>"
    } else if name.contains("UCS2")
        || name.contains("UTF16")
        || name.contains("H")
        || name.contains("V")
    {
        b"<0000> <FFFF>"
    } else {
        return None;
    };
    let mut text = b"begincodespacerange ".to_vec();
    text.extend_from_slice(src);
    text.extend_from_slice(b" endcodespacerange");
    Some(CidMap::parse(&text).codespace)
}

/// CID widths from `/W` and `/DW` (§9.7.4.3).
#[derive(Clone, Debug)]
struct CidWidths {
    default: f32,
    /// (first CID, last CID, widths): one width for the range, or one per CID.
    ranges: Vec<(u32, u32, Vec<f32>)>,
}

impl Default for CidWidths {
    fn default() -> Self {
        CidWidths {
            default: 1000.0,
            ranges: Vec::new(),
        }
    }
}

impl CidWidths {
    fn load(doc: &Source<'_>, dict: &Dictionary) -> CidWidths {
        let default = get_number(doc, dict, b"DW").unwrap_or(1000.0);
        let mut ranges = Vec::new();
        let items = get_array(doc, dict, b"W").unwrap_or_default();
        let mut i = 0;
        while let Some(first) = items
            .get(i)
            .and_then(|o| objects::resolve(doc, o))
            .and_then(objects::number)
        {
            let first = first.max(0.0) as u32;
            match items.get(i + 1).and_then(|o| objects::resolve(doc, o)) {
                Some(Object::Array(list)) => {
                    let widths: Vec<f32> = list
                        .iter()
                        .map(|o| {
                            objects::resolve(doc, o)
                                .and_then(objects::number)
                                .unwrap_or(default)
                        })
                        .collect();
                    let last = first.saturating_add(widths.len().saturating_sub(1) as u32);
                    if !widths.is_empty() {
                        ranges.push((first, last, widths));
                    }
                    i += 2;
                }
                Some(other) => {
                    let last = objects::number(other).unwrap_or(first as f32).max(0.0) as u32;
                    let width = items
                        .get(i + 2)
                        .and_then(|o| objects::resolve(doc, o))
                        .and_then(objects::number)
                        .unwrap_or(default);
                    ranges.push((first, last.max(first), vec![width]));
                    i += 3;
                }
                None => break,
            }
        }
        ranges.sort_by_key(|r| r.0);
        CidWidths { default, ranges }
    }

    fn width(&self, cid: u32) -> f32 {
        let idx = self.ranges.partition_point(|r| r.0 <= cid);
        let Some((first, last, widths)) = idx.checked_sub(1).and_then(|i| self.ranges.get(i))
        else {
            return self.default;
        };
        if cid > *last {
            return self.default;
        }
        match widths.len() {
            1 => widths.first().copied().unwrap_or(self.default),
            _ => widths
                .get((cid - first) as usize)
                .copied()
                .unwrap_or(self.default),
        }
    }
}

/// The font's `/ToUnicode` map, parsed once per stream however many fonts share it.
fn to_unicode(
    doc: &Source<'_>,
    font: &Dictionary,
    problems: &mut Vec<String>,
) -> Option<Rc<ToUnicode>> {
    let object = font.get(b"ToUnicode").ok()?;
    let id = objects::reference_id(object);
    if let Some(cached) = id.and_then(|id| doc.to_unicode_cache.borrow().get(&id).cloned()) {
        return cached;
    }
    let Some(Object::Stream(stream)) = objects::resolve(doc, object) else {
        return None;
    };
    let parsed = match stream_data(doc, stream) {
        Ok(data) => Some(ToUnicode::parse(&data))
            .filter(|m| !m.is_empty())
            .map(Rc::new),
        Err(e) => {
            problems.push(format!("ToUnicode CMap unreadable: {e}"));
            None
        }
    };
    if let Some(id) = id {
        doc.to_unicode_cache.borrow_mut().insert(id, parsed.clone());
    }
    parsed
}

/// A simple font: code → (text, width) for the 256 codes, computed once.
fn load_simple(
    doc: &Source<'_>,
    dict: &Dictionary,
    descriptor: Option<&Dictionary>,
    name: &str,
    glyph_to_text: f32,
    problems: &mut Vec<String>,
) -> Kind {
    let standard = tables::standard14(name);
    let to_unicode = to_unicode(doc, dict, problems);
    let (names, assumed) = glyph_names(doc, dict, descriptor, standard);
    let symbolic_dingbats =
        standard.is_some_and(|s| s.builtin_encoding() == BaseEncoding::ZapfDingbats);

    let has_encoding = get(doc, dict, b"Encoding").is_some();
    let first_char = get_number(doc, dict, b"FirstChar").unwrap_or(0.0).max(0.0) as usize;
    let widths_array = get_array(doc, dict, b"Widths").and_then(|a| objects::numbers(doc, a));
    let missing_width = descriptor.and_then(|d| get_number(doc, d, b"MissingWidth"));
    let mut texts: Vec<Option<Box<str>>> = vec![None; 256];
    let mut widths = vec![0.0f32; 256];
    // The embedded TrueType program, read only if some code needs it.
    let mut program: Option<Option<program::Glyphs>> = None;
    let numeric_radix = numeric_names_radix(&names);
    // A code below 32 drawn with a width: codes not built on ASCII, whose control codes
    // draw nothing (a subset that numbers its glyphs, its space at 3).
    let draws_below_32 = widths_array.as_ref().is_some_and(|w| {
        (first_char..32).any(|code| w.get(code - first_char).is_some_and(|&w| w > 0.0))
    });
    for code in 0..256usize {
        let glyph_name = names.get(code).and_then(|n| n.as_deref());
        let from_array = widths_array
            .as_ref()
            .and_then(|w| code.checked_sub(first_char).and_then(|i| w.get(i)).copied());
        // Beside a `/ToUnicode` map, a code that `/Widths` leaves out or gives no width is
        // a subset's `.notdef`, never drawn as text: the program (inflated and parsed, the
        // dearest part of a font) is not read for it.
        let defined =
            to_unicode.is_none() || widths_array.is_none() || from_array.is_some_and(|w| w > 0.0);
        let text = to_unicode
            .as_ref()
            .and_then(|m| m.get(code as u32))
            .or_else(|| {
                let from_name = glyph_name.and_then(|n| name_text(n, symbolic_dingbats));
                let program = defined
                    .then(|| truetype_program(&mut program, doc, descriptor))
                    .flatten();
                let from_program = || {
                    program
                        .and_then(|p| p.code_text(u8::try_from(code).ok()?))
                        .map(String::from)
                };
                // A TrueType program finds the glyph of a name through its Unicode `cmap`;
                // when that lacks the name's character, the code draws another glyph (the
                // one its code `cmap` gives), and the program's text for it wins. So it does
                // over a name that is only assumed, unless the program draws that name.
                let drawn = program
                    .zip(from_name.as_deref())
                    .and_then(|(p, t)| p.draws(t));
                let assumed = assumed.get(code).copied().unwrap_or(false);
                // A program that names no glyph but draws a space at 32, in a font with no
                // encoding and no map that draws nothing below 32: its codes read as
                // Windows' (as pdftotext and mutool read any code nothing names).
                let from_ascii = || {
                    program
                        .filter(|p| {
                            to_unicode.is_none()
                                && !has_encoding
                                && !draws_below_32
                                && p.codes_only_from_ascii()
                        })
                        .and_then(|_| u8::try_from(code).ok())
                        .and_then(windows_code_text)
                };
                match (from_name, drawn) {
                    (Some(name), Some(true)) => Some(name),
                    (Some(name), None) if !assumed => Some(name),
                    (Some(name), _) => from_program().or(Some(name)),
                    (None, _) => from_program().or_else(from_ascii),
                }
            });
        let text = text.or_else(|| {
            let value = numeric_name(glyph_name?, numeric_radix?, code)?;
            char::from_u32(value)
                .filter(|c| !c.is_control() && !c.is_whitespace())
                .map(String::from)
        });
        if let Some(slot) = texts.get_mut(code) {
            *slot = text.map(String::into_boxed_str);
        }
        let from_standard = || {
            standard
                .and_then(|s| glyph_name.and_then(|n| s.width(n)))
                .map(f32::from)
        };
        let width = from_array
            .or_else(from_standard)
            .or(missing_width)
            .unwrap_or(if standard.is_some() { 0.0 } else { 500.0 });
        if let Some(slot) = widths.get_mut(code) {
            *slot = width * glyph_to_text;
        }
    }
    Kind::Simple {
        texts: texts.into(),
        widths: widths.into(),
    }
}

/// The text of a one-byte code read as Windows' (WinAnsi) code.
pub(super) fn windows_code_text(code: u8) -> Option<String> {
    name_text(
        tables::encoding_glyph_name(BaseEncoding::WinAnsi, code)?,
        false,
    )
}

/// The Unicode text of a glyph name (Adobe Glyph List; ZapfDingbats names in that font).
fn name_text(name: &str, dingbats: bool) -> Option<String> {
    dingbats
        .then(|| tables::dingbats_unicode(name))
        .flatten()
        .map(String::from)
        .or_else(|| tables::glyph_unicode(name).map(|t| t.to_string()))
}

/// The embedded TrueType program of a simple font, read the first time a code needs it.
fn truetype_program<'p>(
    slot: &'p mut Option<Option<program::Glyphs>>,
    doc: &Source<'_>,
    descriptor: Option<&Dictionary>,
) -> Option<&'p program::Glyphs> {
    slot.get_or_insert_with(|| {
        let descriptor = descriptor?;
        get_stream(doc, descriptor, b"FontFile2")?;
        program::Glyphs::load(doc, descriptor, None)
    })
    .as_ref()
}

/// Whether a font's name, or its program's `Weight` (lowercase), names a bold weight.
fn names_bold_weight(lower: &str) -> bool {
    ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether a font's name (lowercase) names its weight, bold or not.
fn names_a_weight(lower: &str) -> bool {
    names_bold_weight(lower)
        || [
            "regular", "roman", "book", "light", "medium", "normal", "thin",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Bold and italic as an embedded TrueType program's `head` table says, for a font whose
/// name is the producer's own (cairo's `CairoFont-1-0`) and whose descriptor says nothing:
/// cairo writes neither a weight nor the style flags, and its headings' bold is otherwise lost.
fn truetype_style(doc: &Source<'_>, descriptor: &Dictionary) -> Option<(bool, bool)> {
    let data = stream_data(doc, get_stream(doc, descriptor, b"FontFile2")?).ok()?;
    let program = sfnt::Sfnt::parse(&data)?;
    let (bold, italic) = program.mac_style()?;
    // A semibold face says regular in `macStyle`; its weight class, or without one (cairo
    // keeps no `OS/2`) its stems, tell.
    let heavy = || match program.weight_class() {
        Some(weight) => weight >= 600,
        None => program.stem_em().is_some_and(|stem| stem >= BOLD_STEM_EM),
    };
    Some((bold || heavy(), italic))
}

/// A stem this many ems wide is a bold face's (Montserrat's: regular 0.071, medium 0.096,
/// semibold 0.125, bold 0.156; Verdana's regular, one of the heaviest, 0.09).
const BOLD_STEM_EM: f32 = 0.11;

/// A name that says nothing of the face, the producer's own numbering: after a subset's
/// tag, letters, then only digits and separators (`CairoFont-1-0`, `F1`, `T1_0`). Reading
/// the program of every other font costs 0.7 % of a letter's instructions, for nothing.
pub(crate) fn is_generic_name(name: &str) -> bool {
    let name = strip_subset_prefix(name);
    let numbering = name.trim_start_matches(|c: char| !c.is_ascii_digit());
    !numbering.is_empty()
        && numbering
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '_')
}

/// A Type 3 font's em in text space units per unit of font size, estimated as twice the
/// median non-zero advance in `/Widths` (glyph space, scaled by the matrix's `scale`); 1.0
/// when that is an ordinary em already. `None` without widths.
fn type3_em_from_widths(doc: &Source<'_>, dict: &Dictionary, scale: f32) -> Option<f32> {
    let mut widths: Vec<f32> = get_array(doc, dict, b"Widths")
        .and_then(|a| objects::numbers(doc, a))?
        .into_iter()
        .map(|w| w.abs() * scale)
        .filter(|w| *w > 0.0 && w.is_finite())
        .collect();
    widths.sort_by(f32::total_cmp);
    let em = 2.0 * *widths.get(widths.len() / 2)?;
    Some(if (0.5..=2.0).contains(&em) { 1.0 } else { em })
}

/// The numbers a glyph name of the form `^[A-Za-z]{1,2}[0-9A-Fa-f]{2,4}$` (`a65`, `g7`…,
/// `G7F`, `c41`) may carry, read in `radix`: one per way of splitting off the letters
/// (`ab12` is `a` + `b12` or `ab` + `12` in hex).
fn numeric_values(name: &str, radix: u32) -> impl Iterator<Item = u32> + '_ {
    (1..=2).filter_map(move |p| {
        let (prefix, digits) = name.split_at_checked(p)?;
        if !prefix.bytes().all(|b| b.is_ascii_alphabetic()) || !(2..=4).contains(&digits.len()) {
            return None;
        }
        // `from_str_radix` would take a sign.
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, radix).ok()
    })
}

/// The code a numeric glyph name stands for: the value equal to `code` if one is, else the
/// first.
fn numeric_name(name: &str, radix: u32, code: usize) -> Option<u32> {
    let code = u32::try_from(code).ok()?;
    let mut values = numeric_values(name, radix).peekable();
    let first = *values.peek()?;
    Some(if values.any(|v| v == code) {
        code
    } else {
        first
    })
}

/// Whether the numbers in the font's glyph names (`a65`, `G41`) are its character codes,
/// as in bitmap Type 3 fonts, and in which radix (decimal, else hex). This is poppler's
/// heuristic for such names, with a guard: most such names must carry their own code. Where the numbers are glyph ids instead (`g81` at code 5 in a
/// subset font), reading them as characters would give plausible garbage.
fn numeric_names_radix(names: &[Option<Cow<'_, str>>]) -> Option<u32> {
    let numeric: Vec<(usize, &str)> = names
        .iter()
        .enumerate()
        .filter_map(|(code, n)| Some((code, n.as_deref()?)))
        .filter(|(_, n)| {
            tables::glyph_unicode(n).is_none() && numeric_values(n, 16).next().is_some()
        })
        .collect();
    if numeric.is_empty() {
        return None;
    }
    // Decimal first (poppler reads hex only where a name has hex letters, which decimal
    // cannot parse); then hex.
    [10, 16].into_iter().find(|&radix| {
        let own_code = numeric
            .iter()
            .filter(|(code, n)| {
                numeric_values(n, radix).any(|v| Some(v) == u32::try_from(*code).ok())
            })
            .count();
        own_code * 2 > numeric.len()
    })
}

/// Glyph names per code: the base encoding (explicit, or the font's built-in one), with
/// `/Differences` applied; and per code whether its name is only assumed (a base encoding the
/// dictionary does not name: a standard font's, found by the font's name, or Standard
/// Encoding by default), not said by the dictionary or the font program.
fn glyph_names<'a>(
    doc: &'a Source<'a>,
    dict: &'a Dictionary,
    descriptor: Option<&'a Dictionary>,
    standard: Option<Standard14>,
) -> (Vec<Option<Cow<'a, str>>>, Vec<bool>) {
    let encoding = get(doc, dict, b"Encoding");
    let explicit_base = match encoding {
        Some(Object::Name(n)) => BaseEncoding::from_name(n),
        Some(Object::Dictionary(d)) => {
            get_name(doc, d, b"BaseEncoding").and_then(BaseEncoding::from_name)
        }
        _ => None,
    };
    let flags = descriptor
        .and_then(|d| get_number(doc, d, b"Flags"))
        .unwrap_or(0.0) as u32;
    let symbolic = flags & 4 != 0 && flags & 32 == 0;
    let builtin = descriptor.and_then(|d| builtin_encoding(doc, d));
    let base = explicit_base
        .or_else(|| standard.map(|s| s.builtin_encoding()))
        .or(if symbolic || builtin.is_some() {
            None
        } else {
            Some(BaseEncoding::Standard)
        });
    let mut names: Vec<Option<Cow<'a, str>>> = (0..=255u8)
        .map(|code| {
            base.and_then(|b| tables::encoding_glyph_name(b, code))
                .map(Cow::Borrowed)
        })
        .collect();
    let mut assumed: Vec<bool> = names
        .iter()
        .map(|n| n.is_some() && explicit_base.is_none())
        .collect();
    if explicit_base.is_none()
        && let Some(builtin) = builtin
    {
        for (code, name) in builtin {
            if let Some(slot) = names.get_mut(usize::from(code)) {
                *slot = Some(Cow::Owned(name));
            }
            if let Some(slot) = assumed.get_mut(usize::from(code)) {
                *slot = false;
            }
        }
    }
    if let Some(Object::Dictionary(d)) = encoding
        && let Some(differences) = get_array(doc, d, b"Differences")
    {
        let mut code = 0usize;
        for item in differences {
            match objects::resolve(doc, item) {
                Some(Object::Integer(i)) => code = (*i).clamp(0, 256) as usize,
                Some(Object::Name(n)) => {
                    if let Some(slot) = names.get_mut(code) {
                        *slot = std::str::from_utf8(n).ok().map(Cow::Borrowed);
                    }
                    if let Some(slot) = assumed.get_mut(code) {
                        *slot = false;
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    (names, assumed)
}

/// The built-in encoding of the embedded font program: a Type 1 program's `/Encoding`, or a
/// CFF program's encoding and charset.
fn builtin_encoding(doc: &Source<'_>, descriptor: &Dictionary) -> Option<Vec<(u8, String)>> {
    type1::builtin_encoding(doc, descriptor).or_else(|| {
        let cff = cff_program(doc, descriptor)?;
        (!cff.encoding.is_empty()).then_some(cff.encoding)
    })
}

/// The weight an embedded Type 1 program's `FontInfo` or a CFF program's Top DICT gives.
fn program_weight(doc: &Source<'_>, descriptor: &Dictionary) -> Option<String> {
    type1::weight(doc, descriptor).or_else(|| cff_program(doc, descriptor)?.weight)
}

/// The embedded CFF program (`/FontFile3` of subtype `Type1C` or `CIDFontType0C`), read.
/// An OpenType wrapper (`/Subtype /OpenType`) is opened for its `CFF ` table.
fn cff_program(doc: &Source<'_>, descriptor: &Dictionary) -> Option<cff::Cff> {
    let stream = get_stream(doc, descriptor, b"FontFile3")?;
    let data = stream_data(doc, stream).ok()?;
    if get_name(doc, &stream.dict, b"Subtype") == Some(b"OpenType") {
        return cff::Cff::parse(sfnt::Sfnt::parse(&data)?.table(b"CFF ")?);
    }
    cff::Cff::parse(&data)
}

fn ascent_descent_of(
    doc: &Source<'_>,
    descriptor: Option<&Dictionary>,
    standard: Option<Standard14>,
) -> (f32, f32) {
    let from_descriptor = descriptor.and_then(|d| {
        Some((
            get_number(doc, d, b"Ascent")?,
            get_number(doc, d, b"Descent")?,
        ))
    });
    let (ascent, descent) = from_descriptor
        .or_else(|| standard.map(|s| (s.ascent(), s.descent())))
        .unwrap_or((800.0, -200.0));
    // Descriptors in the wild carry zeros and nonsense; keep the box plausible.
    let ascent = if (300.0..=1500.0).contains(&ascent) {
        ascent
    } else {
        800.0
    };
    let descent = if (-600.0..=0.0).contains(&descent) && descent != 0.0 {
        descent
    } else {
        -200.0
    };
    (ascent / 1000.0, descent / 1000.0)
}

/// `ABCDEF+Name` → `Name`.
pub fn strip_subset_prefix(name: &str) -> &str {
    split_subset_prefix(name).map_or(name, |(_, rest)| rest)
}

/// `ABCDEF+Name` → `ABCDEF`; empty for a name without a subset prefix.
pub fn subset_tag(name: &str) -> &str {
    split_subset_prefix(name).map_or("", |(tag, _)| tag)
}

fn split_subset_prefix(name: &str) -> Option<(&str, &str)> {
    name.split_once('+')
        .filter(|(prefix, _)| prefix.len() == 6 && prefix.bytes().all(|b| b.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_names_are_the_producers_numbering() {
        for name in ["BFJAII+CairoFont-1-0", "F1", "T1_0", "TT3"] {
            assert!(is_generic_name(name), "{name}");
        }
        for name in [
            "ABCDEE+Verdana",
            "LMRoman10-Regular",
            "LiberationSans",
            "Arial,Bold",
        ] {
            assert!(!is_generic_name(name), "{name}");
        }
    }

    #[test]
    fn subset_prefix() {
        assert_eq!(
            strip_subset_prefix("ABCDEF+DejaVuSans-Bold"),
            "DejaVuSans-Bold"
        );
        assert_eq!(strip_subset_prefix("Arial,Bold"), "Arial,Bold");
        assert_eq!(strip_subset_prefix("AB+X"), "AB+X");
        assert_eq!(subset_tag("ABCDEF+DejaVuSans-Bold"), "ABCDEF");
        assert_eq!(subset_tag("Arial,Bold"), "");
    }

    #[test]
    fn cid_widths() {
        let w = CidWidths {
            default: 1000.0,
            ranges: vec![(1, 3, vec![500.0, 600.0, 700.0]), (10, 20, vec![250.0])],
        };
        assert_eq!(w.width(2), 600.0);
        assert_eq!(w.width(15), 250.0);
        assert_eq!(w.width(5), 1000.0);
        assert_eq!(w.width(0), 1000.0);
    }
}
