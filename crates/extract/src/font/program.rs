//! Unicode from the embedded font program itself, for fonts whose dictionary does not give
//! it (no `/ToUnicode`, no encoding names): a CFF program's charset names its glyphs; a
//! TrueType program's Unicode `cmap`, read backwards, or its `post` names do; a ligature
//! glyph nothing names is named by its components, from the program's `GSUB`.
//!
//! After `/ToUnicode` and the encoding's glyph names, before any heuristic (see the chain in
//! `font`). Private-use and control characters are not taken: they say nothing about the
//! text.

use rustc_hash::{FxHashMap, FxHashSet};

use lopdf::{Dictionary, Object};

use crate::budget::Source;

use super::cff::Cff;
use super::gsub::{self, Ligature};
use super::sfnt::{Cmap, Sfnt};
use super::stream_data;
use crate::objects::{get, get_name, get_stream};
use crate::tables;

/// Glyphs of an embedded program with the text each stands for.
#[derive(Debug, Default)]
pub struct Glyphs {
    /// Text per glyph id.
    texts: FxHashMap<u16, Box<str>>,
    /// Code → glyph id of a simple TrueType font: the (3,0) symbol `cmap` (codes also tried
    /// at U+F000, U+F100, U+F200) or the (1,0) Macintosh one.
    code_cmap: Option<(Cmap, bool)>,
    /// The Unicode `cmap` (code point → glyph id), when the program has one.
    unicode_cmap: Option<Cmap>,
    /// Private-use text per glyph id from the (3,0) symbol `cmap` (U+F020–U+F0FF), for the
    /// CIDs of a symbol font that nothing else names: mutool's rewrite of Word's `SymbolMT`
    /// bullets keeps only that `cmap`; the layout reads the code by the font's table.
    symbol_codes: FxHashMap<u16, Box<str>>,
    /// CID → glyph id (`/CIDToGIDMap` stream); `None` for Identity.
    cid_to_gid: Option<Vec<u16>>,
    /// Glyphs without an outline that move the pen: a space, whatever else names them
    /// (the last reading of a glyph, after every name).
    blanks: FxHashSet<u16>,
    /// Whether code 32 draws no glyph with an outline through `code_cmap`, or CID 32
    /// through `cid_to_gid` (a space, or nothing in a subset without one), as in an
    /// encoding built on ASCII.
    no_letter_at_32: bool,
}

impl Glyphs {
    /// Reads the program of `descriptor`; `None` when there is none or it names nothing.
    /// `cid_font` is the descendant of a composite font (for `/CIDToGIDMap`).
    pub fn load(
        doc: &Source<'_>,
        descriptor: &Dictionary,
        cid_font: Option<&Dictionary>,
    ) -> Option<Glyphs> {
        let mut glyphs = Glyphs::default();
        if let Some(stream) = get_stream(doc, descriptor, b"FontFile2") {
            let data = stream_data(doc, stream).ok()?;
            let sfnt = Sfnt::parse(&data)?;
            glyphs.read_sfnt(&sfnt);
            if let Some(map) = cid_font.and_then(|f| cid_to_gid(doc, f)) {
                let map = map.ok()?;
                glyphs.no_letter_at_32 = no_letter(&sfnt, map.get(32).copied());
                glyphs.cid_to_gid = Some(map);
            }
        } else if let Some(stream) = get_stream(doc, descriptor, b"FontFile3") {
            let data = stream_data(doc, stream).ok()?;
            if get_name(doc, &stream.dict, b"Subtype") == Some(b"OpenType") {
                let sfnt = Sfnt::parse(&data)?;
                match sfnt.table(b"CFF ") {
                    Some(cff) => glyphs.read_cff(&Cff::parse(cff)?),
                    None => glyphs.read_sfnt(&sfnt),
                }
            } else {
                glyphs.read_cff(&Cff::parse(&data)?);
            }
        }
        let ascii = glyphs.codes_only_from_ascii() || glyphs.cids_only_from_ascii();
        (!glyphs.texts.is_empty() || !glyphs.blanks.is_empty() || ascii).then_some(glyphs)
    }

    fn read_cff(&mut self, cff: &Cff) {
        for (gid, name) in cff.names.iter().enumerate() {
            if let (Ok(gid), Some(text)) = (u16::try_from(gid), name.as_deref().and_then(name_text))
            {
                self.texts.insert(gid, text);
            }
        }
    }

    fn read_sfnt(&mut self, sfnt: &Sfnt<'_>) {
        // A Unicode cmap read backwards: the lowest code point of each glyph.
        let unicode = [(3, 10), (3, 1), (0, 4), (0, 3), (0, 1), (0, 0)]
            .into_iter()
            .find_map(|(p, e)| sfnt.cmap(p, e));
        if let Some(map) = unicode {
            for &(code, gid) in map.pairs() {
                if let Some(c) = char::from_u32(code).filter(|&c| meaningful(c)) {
                    self.texts
                        .entry(gid)
                        .or_insert_with(|| c.to_string().into());
                }
            }
            self.unicode_cmap = Some(map).filter(|m| !m.is_empty());
        }
        if let Some(names) = sfnt.glyph_names() {
            for (gid, name) in names.iter().enumerate() {
                if let (Ok(gid), Some(text)) =
                    (u16::try_from(gid), name.as_deref().and_then(name_text))
                {
                    self.texts.entry(gid).or_insert(text);
                }
            }
        }
        if let Some(gsub) = sfnt.table(b"GSUB") {
            self.name_ligatures(&gsub::ligatures(gsub));
        }
        self.code_cmap = sfnt
            .cmap(3, 0)
            .map(|m| (m, true))
            .or_else(|| sfnt.cmap(1, 0).map(|m| (m, false)));
        if let Some((map, true)) = &self.code_cmap {
            for &(code, gid) in map.pairs() {
                if let Some(c) = char::from_u32(code).filter(|_| (0xF020..=0xF0FF).contains(&code))
                {
                    self.symbol_codes
                        .entry(gid)
                        .or_insert_with(|| c.to_string().into());
                }
            }
        }
        self.no_letter_at_32 = no_letter(sfnt, self.code_glyph(b' '));
        self.blanks = sfnt.blank_glyphs().into_iter().collect();
    }

    /// The text of glyph `gid`: its name, else a space where it draws nothing.
    fn glyph_text(&self, gid: u16) -> Option<&str> {
        match self.texts.get(&gid) {
            Some(text) => Some(text),
            None => self.blanks.contains(&gid).then_some(" "),
        }
    }

    /// Names each ligature glyph that has no text yet by its components' texts, once all of
    /// them have one (components may be ligatures themselves: `ff` `i` → `ffi`).
    fn name_ligatures(&mut self, ligatures: &[Ligature]) {
        // Each pass names the ligatures whose components were named before it.
        for _ in 0..4 {
            let mut named = false;
            for lig in ligatures {
                if self.texts.contains_key(&lig.glyph) {
                    continue;
                }
                let text: Option<String> = lig
                    .components
                    .iter()
                    .map(|c| self.texts.get(c).map(|t| &**t))
                    .collect();
                if let Some(text) = text {
                    self.texts.insert(lig.glyph, text.into());
                    named = true;
                }
            }
            if !named {
                break;
            }
        }
    }

    /// The text of a simple font's code, through the program's symbol or Macintosh cmap.
    pub fn code_text(&self, code: u8) -> Option<&str> {
        self.glyph_text(self.code_glyph(code)?)
    }

    /// The glyph a simple font's code draws, through the program's symbol or Macintosh cmap.
    fn code_glyph(&self, code: u8) -> Option<u16> {
        let (map, symbol) = self.code_cmap.as_ref()?;
        let code = u32::from(code);
        if *symbol {
            [0, 0xF000, 0xF100, 0xF200]
                .into_iter()
                .find_map(|base| map.get(base | code))
        } else {
            map.get(code)
        }
    }

    /// Whether the program names none of its glyphs, but has a code `cmap` that draws no
    /// letter at code 32: its codes can then only be read as an encoding built on ASCII
    /// (Ghostscript rewriting a word processor's TrueType font keeps its codes, but makes
    /// it symbolic, drops the encoding and the glyph names). A subset numbering its glyphs
    /// from 1 draws a letter at 32, unless it has fewer, which name nothing then.
    pub fn codes_only_from_ascii(&self) -> bool {
        self.texts.is_empty() && self.code_cmap.is_some() && self.no_letter_at_32
    }

    /// Whether the program draws `text` (one character) through its Unicode `cmap`; `None`
    /// when it has no such `cmap` and cannot say.
    pub fn draws(&self, text: &str) -> Option<bool> {
        let map = self.unicode_cmap.as_ref()?;
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(map.contains(u32::from(c))),
            // Ligature names (`f_i`, `fi` → two letters) are not in a `cmap` by nature.
            _ => None,
        }
    }

    /// [`Glyphs::codes_only_from_ascii`] for the CIDs of a composite font mapped to glyphs
    /// by a `/CIDToGIDMap` stream (Ghostscript's PDF/A rewrite of a word processor's simple
    /// fonts: one-byte codes, their CIDs the old codes).
    pub fn cids_only_from_ascii(&self) -> bool {
        self.texts.is_empty() && self.cid_to_gid.is_some() && self.no_letter_at_32
    }

    /// The text of a CID of a composite font.
    pub fn cid_text(&self, cid: u32) -> Option<&str> {
        let gid = match &self.cid_to_gid {
            Some(map) => *map.get(usize::try_from(cid).ok()?)?,
            None => u16::try_from(cid).ok()?,
        };
        (self.texts.get(&gid))
            .or_else(|| self.symbol_codes.get(&gid))
            .map(|t| &**t)
            .or_else(|| self.glyph_text(gid))
    }
}

/// A composite font's `/CIDToGIDMap` stream, as glyph ids by CID; `None` for Identity.
pub fn cid_to_gid(
    doc: &Source<'_>,
    cid_font: &Dictionary,
) -> Option<Result<Vec<u16>, crate::budget::DecodeError>> {
    let Some(Object::Stream(map)) = get(doc, cid_font, b"CIDToGIDMap") else {
        return None;
    };
    Some(stream_data(doc, map).map(|bytes| {
        let pairs = bytes.chunks_exact(2);
        pairs
            .map(|c| {
                u16::from_be_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            })
            .collect()
    }))
}

/// Whether glyph `gid` (what code or CID 32 draws) is no letter: none, `.notdef` (a subset's
/// unused code), or a glyph without an outline.
fn no_letter(sfnt: &Sfnt<'_>, gid: Option<u16>) -> bool {
    match gid {
        None | Some(0) => true,
        Some(gid) => sfnt.is_blank_glyph(gid) == Some(true),
    }
}

/// The text of a glyph name, when it is a meaningful one.
fn name_text(name: &str) -> Option<Box<str>> {
    let text = tables::glyph_unicode(name)?;
    text.chars().all(meaningful).then(|| text.into())
}

/// Not a control, private-use or replacement character.
fn meaningful(c: char) -> bool {
    !c.is_control()
        && !('\u{E000}'..='\u{F8FF}').contains(&c)
        && !matches!(c, '\u{FFFD}' | '\u{FFFE}' | '\u{FFFF}')
        && c < '\u{F0000}'
}
