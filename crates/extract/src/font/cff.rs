//! A small, bounded reader of CFF font programs (Adobe Technical Note #5176): just enough to
//! name the glyphs, for fonts that come without a usable `/ToUnicode`. The header, the
//! INDEXes, the Top DICT's `charset`, `Encoding` and `CharStrings` offsets, the charset
//! (glyph → string id) and the built-in encoding (code → glyph). Every read is bounds-checked;
//! a damaged program gives `None`, never a panic.

use crate::tables::{self, BaseEncoding};

/// Glyphs read from a charset at most (CFF glyph ids are 16-bit).
const MAX_GLYPHS: usize = 65_536;

/// What the font program says about its glyphs.
#[derive(Debug, Default)]
pub struct Cff {
    /// Glyph name per glyph id (`None` where the charset is not readable or the font is
    /// CID-keyed, whose charset holds CIDs instead of names).
    pub names: Vec<Option<String>>,
    /// The built-in encoding: code → glyph name.
    pub encoding: Vec<(u8, String)>,
    /// The Top DICT's `Weight` (`Bold`, `Regular`), where it gives one.
    pub weight: Option<String>,
}

impl Cff {
    /// Reads a bare CFF program (`/FontFile3 /Subtype /Type1C` or `/CIDFontType0C`).
    pub fn parse(data: &[u8]) -> Option<Cff> {
        let header_size = usize::from(*data.get(2)?);
        if *data.first()? != 1 || header_size < 4 {
            return None;
        }
        let names = Index::read(data, header_size)?;
        let top_dicts = Index::read(data, names.end)?;
        let strings = Index::read(data, top_dicts.end)?;
        let top = Dict::parse(top_dicts.get(data, 0)?);
        let cid_keyed = top.get(ROS).is_some();
        let char_strings = Index::read(data, offset(top.get(CHAR_STRINGS)?)?)?;
        let glyphs = char_strings.count.min(MAX_GLYPHS);
        let charset_offset = top.get(CHARSET).and_then(offset).unwrap_or(0);
        let sids = charset(data, charset_offset, glyphs);
        let name_of = |sid: u16| -> Option<String> {
            let sid = usize::from(sid);
            match STANDARD_STRINGS.get(sid) {
                Some(name) => Some((*name).to_string()),
                None => {
                    let bytes = strings.get(data, sid - STANDARD_STRINGS.len())?;
                    std::str::from_utf8(bytes).ok().map(str::to_string)
                }
            }
        };
        let names: Vec<Option<String>> = match (&sids, cid_keyed) {
            (Some(sids), false) => sids.iter().map(|&sid| name_of(sid)).collect(),
            _ => Vec::new(),
        };
        let mut encoding = Vec::new();
        if !cid_keyed {
            match top.get(ENCODING).and_then(offset).unwrap_or(0) {
                // Standard encoding (an Expert encoding, 1, is left out: it is rare).
                0 => {
                    let present: std::collections::HashSet<&str> =
                        names.iter().flatten().map(String::as_str).collect();
                    for code in 0..=255u8 {
                        let Some(name) = tables::encoding_glyph_name(BaseEncoding::Standard, code)
                        else {
                            continue;
                        };
                        // Only the glyphs the program has, when its charset says which.
                        if present.is_empty() || present.contains(name) {
                            encoding.push((code, name.to_string()));
                        }
                    }
                }
                1 => {}
                at => {
                    for (code, target) in custom_encoding(data, at).unwrap_or_default() {
                        let name = match target {
                            Target::Glyph(gid) => names.get(gid).cloned().flatten(),
                            Target::Sid(sid) => name_of(sid),
                        };
                        if let Some(name) = name {
                            encoding.push((code, name));
                        }
                    }
                }
            }
        }
        let weight = top
            .get(WEIGHT)
            .and_then(|sid| u16::try_from(offset(sid)?).ok())
            .and_then(name_of);
        Some(Cff {
            names,
            encoding,
            weight,
        })
    }
}

/// Top DICT operators used here.
const WEIGHT: u16 = 4;
const CHARSET: u16 = 15;
const ENCODING: u16 = 16;
const CHAR_STRINGS: u16 = 17;
const ROS: u16 = 0x0C1E;

/// An offset operand: a non-negative integer.
fn offset(value: f64) -> Option<usize> {
    (value >= 0.0 && value.fract() == 0.0 && value < 1e9).then_some(value as usize)
}

fn card16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

/// An INDEX (§5): `count` objects whose bytes are `data[start + offsets[i] - 1 ..]`.
struct Index {
    count: usize,
    off_size: usize,
    /// Where the offset array starts.
    offsets_at: usize,
    /// The byte before the object data (offsets are 1-based from it).
    base: usize,
    /// The first byte after the INDEX.
    end: usize,
}

impl Index {
    fn read(data: &[u8], at: usize) -> Option<Index> {
        let count = usize::from(card16(data, at)?);
        if count == 0 {
            return Some(Index {
                count: 0,
                off_size: 1,
                offsets_at: at + 2,
                base: at + 2,
                end: at + 2,
            });
        }
        let off_size = usize::from(*data.get(at + 2)?);
        if !(1..=4).contains(&off_size) {
            return None;
        }
        let offsets_at = at + 3;
        let base = offsets_at.checked_add((count + 1).checked_mul(off_size)?)? - 1;
        let mut index = Index {
            count,
            off_size,
            offsets_at,
            base,
            end: 0,
        };
        index.end = base.checked_add(index.offset(data, count)?)?;
        (index.end <= data.len()).then_some(index)
    }

    fn offset(&self, data: &[u8], i: usize) -> Option<usize> {
        let at = self.offsets_at.checked_add(i.checked_mul(self.off_size)?)?;
        let bytes = data.get(at..at.checked_add(self.off_size)?)?;
        Some(
            bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b)),
        )
    }

    fn get<'d>(&self, data: &'d [u8], i: usize) -> Option<&'d [u8]> {
        if i >= self.count {
            return None;
        }
        let start = self.base.checked_add(self.offset(data, i)?)?;
        let end = self.base.checked_add(self.offset(data, i + 1)?)?;
        data.get(start..end)
    }
}

/// A DICT (§4): operator → its last operand.
struct Dict {
    entries: Vec<(u16, f64)>,
}

impl Dict {
    fn parse(bytes: &[u8]) -> Dict {
        let mut entries = Vec::new();
        let mut operands: Vec<f64> = Vec::new();
        let mut i = 0;
        while let Some(&b0) = bytes.get(i) {
            i += 1;
            let value = match b0 {
                0..=11 | 13..=21 => {
                    entries.push((u16::from(b0), operands.first().copied().unwrap_or(0.0)));
                    operands.clear();
                    continue;
                }
                12 => {
                    let Some(&b1) = bytes.get(i) else { break };
                    i += 1;
                    entries.push((
                        0x0C00 | u16::from(b1),
                        operands.first().copied().unwrap_or(0.0),
                    ));
                    operands.clear();
                    continue;
                }
                28 => {
                    let Some(v) = card16(bytes, i) else { break };
                    i += 2;
                    f64::from(v as i16)
                }
                29 => {
                    let Some(b) = bytes.get(i..i + 4) else { break };
                    i += 4;
                    f64::from(i32::from_be_bytes([
                        b.first().copied().unwrap_or(0),
                        b.get(1).copied().unwrap_or(0),
                        b.get(2).copied().unwrap_or(0),
                        b.get(3).copied().unwrap_or(0),
                    ]))
                }
                30 => {
                    // A real: nibbles up to an 0xF nibble; its value is not needed here.
                    while let Some(&b) = bytes.get(i) {
                        i += 1;
                        if b & 0x0F == 0x0F || b >> 4 == 0x0F {
                            break;
                        }
                    }
                    0.5
                }
                32..=246 => f64::from(i32::from(b0) - 139),
                247..=250 => {
                    let Some(&b1) = bytes.get(i) else { break };
                    i += 1;
                    f64::from((i32::from(b0) - 247) * 256 + i32::from(b1) + 108)
                }
                251..=254 => {
                    let Some(&b1) = bytes.get(i) else { break };
                    i += 1;
                    f64::from(-(i32::from(b0) - 251) * 256 - i32::from(b1) - 108)
                }
                _ => continue,
            };
            if operands.len() < 48 {
                operands.push(value);
            }
        }
        Dict { entries }
    }

    fn get(&self, op: u16) -> Option<f64> {
        self.entries
            .iter()
            .rev()
            .find(|(o, _)| *o == op)
            .map(|(_, v)| *v)
    }
}

/// String ids per glyph id (`.notdef` first), or `None` for a predefined Expert charset or
/// a damaged one.
fn charset(data: &[u8], at: usize, glyphs: usize) -> Option<Vec<u16>> {
    let mut sids = vec![0u16];
    match at {
        // ISOAdobe: SIDs 1–228 for glyphs 1–228.
        0 => sids.extend((1..glyphs.min(229)).map(|g| g as u16)),
        1 | 2 => return None,
        _ => {
            let format = *data.get(at)?;
            let mut pos = at + 1;
            while sids.len() < glyphs {
                match format {
                    0 => {
                        sids.push(card16(data, pos)?);
                        pos += 2;
                    }
                    1 | 2 => {
                        let first = card16(data, pos)?;
                        let left = if format == 1 {
                            u16::from(*data.get(pos + 2)?)
                        } else {
                            card16(data, pos + 2)?
                        };
                        pos += if format == 1 { 3 } else { 4 };
                        for k in 0..=left {
                            if sids.len() >= glyphs {
                                break;
                            }
                            sids.push(first.saturating_add(k));
                        }
                    }
                    _ => return None,
                }
            }
        }
    }
    Some(sids)
}

/// What a code of a custom encoding names.
enum Target {
    Glyph(usize),
    Sid(u16),
}

/// A custom encoding (§12): formats 0 and 1, with supplements.
fn custom_encoding(data: &[u8], at: usize) -> Option<Vec<(u8, Target)>> {
    let format = *data.get(at)?;
    let mut out = Vec::new();
    let mut pos = at + 1;
    match format & 0x7F {
        0 => {
            let n = usize::from(*data.get(pos)?);
            for gid in 1..=n {
                out.push((*data.get(pos + gid)?, Target::Glyph(gid)));
            }
            pos += 1 + n;
        }
        1 => {
            let ranges = usize::from(*data.get(pos)?);
            pos += 1;
            let mut gid = 1;
            for _ in 0..ranges {
                let first = *data.get(pos)?;
                let left = *data.get(pos + 1)?;
                pos += 2;
                for k in 0..=left {
                    if let Some(code) = first.checked_add(k) {
                        out.push((code, Target::Glyph(gid)));
                    }
                    gid += 1;
                }
            }
        }
        _ => return None,
    }
    if format & 0x80 != 0 {
        let n = usize::from(*data.get(pos)?);
        pos += 1;
        for _ in 0..n {
            out.push((*data.get(pos)?, Target::Sid(card16(data, pos + 1)?)));
            pos += 3;
        }
    }
    Some(out)
}

/// The CFF standard strings, SIDs 0–390 (Adobe Technical Note #5176, Appendix A).
const STANDARD_STRINGS: [&str; 391] = [
    ".notdef",
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quoteright",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "quoteleft",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
    "exclamdown",
    "cent",
    "sterling",
    "fraction",
    "yen",
    "florin",
    "section",
    "currency",
    "quotesingle",
    "quotedblleft",
    "guillemotleft",
    "guilsinglleft",
    "guilsinglright",
    "fi",
    "fl",
    "endash",
    "dagger",
    "daggerdbl",
    "periodcentered",
    "paragraph",
    "bullet",
    "quotesinglbase",
    "quotedblbase",
    "quotedblright",
    "guillemotright",
    "ellipsis",
    "perthousand",
    "questiondown",
    "grave",
    "acute",
    "circumflex",
    "tilde",
    "macron",
    "breve",
    "dotaccent",
    "dieresis",
    "ring",
    "cedilla",
    "hungarumlaut",
    "ogonek",
    "caron",
    "emdash",
    "AE",
    "ordfeminine",
    "Lslash",
    "Oslash",
    "OE",
    "ordmasculine",
    "ae",
    "dotlessi",
    "lslash",
    "oslash",
    "oe",
    "germandbls",
    "onesuperior",
    "logicalnot",
    "mu",
    "trademark",
    "Eth",
    "onehalf",
    "plusminus",
    "Thorn",
    "onequarter",
    "divide",
    "brokenbar",
    "degree",
    "thorn",
    "threequarters",
    "twosuperior",
    "registered",
    "minus",
    "eth",
    "multiply",
    "threesuperior",
    "copyright",
    "Aacute",
    "Acircumflex",
    "Adieresis",
    "Agrave",
    "Aring",
    "Atilde",
    "Ccedilla",
    "Eacute",
    "Ecircumflex",
    "Edieresis",
    "Egrave",
    "Iacute",
    "Icircumflex",
    "Idieresis",
    "Igrave",
    "Ntilde",
    "Oacute",
    "Ocircumflex",
    "Odieresis",
    "Ograve",
    "Otilde",
    "Scaron",
    "Uacute",
    "Ucircumflex",
    "Udieresis",
    "Ugrave",
    "Yacute",
    "Ydieresis",
    "Zcaron",
    "aacute",
    "acircumflex",
    "adieresis",
    "agrave",
    "aring",
    "atilde",
    "ccedilla",
    "eacute",
    "ecircumflex",
    "edieresis",
    "egrave",
    "iacute",
    "icircumflex",
    "idieresis",
    "igrave",
    "ntilde",
    "oacute",
    "ocircumflex",
    "odieresis",
    "ograve",
    "otilde",
    "scaron",
    "uacute",
    "ucircumflex",
    "udieresis",
    "ugrave",
    "yacute",
    "ydieresis",
    "zcaron",
    "exclamsmall",
    "Hungarumlautsmall",
    "dollaroldstyle",
    "dollarsuperior",
    "ampersandsmall",
    "Acutesmall",
    "parenleftsuperior",
    "parenrightsuperior",
    "twodotenleader",
    "onedotenleader",
    "zerooldstyle",
    "oneoldstyle",
    "twooldstyle",
    "threeoldstyle",
    "fouroldstyle",
    "fiveoldstyle",
    "sixoldstyle",
    "sevenoldstyle",
    "eightoldstyle",
    "nineoldstyle",
    "commasuperior",
    "threequartersemdash",
    "periodsuperior",
    "questionsmall",
    "asuperior",
    "bsuperior",
    "centsuperior",
    "dsuperior",
    "esuperior",
    "isuperior",
    "lsuperior",
    "msuperior",
    "nsuperior",
    "osuperior",
    "rsuperior",
    "ssuperior",
    "tsuperior",
    "ff",
    "ffi",
    "ffl",
    "parenleftinferior",
    "parenrightinferior",
    "Circumflexsmall",
    "hyphensuperior",
    "Gravesmall",
    "Asmall",
    "Bsmall",
    "Csmall",
    "Dsmall",
    "Esmall",
    "Fsmall",
    "Gsmall",
    "Hsmall",
    "Ismall",
    "Jsmall",
    "Ksmall",
    "Lsmall",
    "Msmall",
    "Nsmall",
    "Osmall",
    "Psmall",
    "Qsmall",
    "Rsmall",
    "Ssmall",
    "Tsmall",
    "Usmall",
    "Vsmall",
    "Wsmall",
    "Xsmall",
    "Ysmall",
    "Zsmall",
    "colonmonetary",
    "onefitted",
    "rupiah",
    "Tildesmall",
    "exclamdownsmall",
    "centoldstyle",
    "Lslashsmall",
    "Scaronsmall",
    "Zcaronsmall",
    "Dieresissmall",
    "Brevesmall",
    "Caronsmall",
    "Dotaccentsmall",
    "Macronsmall",
    "figuredash",
    "hypheninferior",
    "Ogoneksmall",
    "Ringsmall",
    "Cedillasmall",
    "questiondownsmall",
    "oneeighth",
    "threeeighths",
    "fiveeighths",
    "seveneighths",
    "onethird",
    "twothirds",
    "zerosuperior",
    "foursuperior",
    "fivesuperior",
    "sixsuperior",
    "sevensuperior",
    "eightsuperior",
    "ninesuperior",
    "zeroinferior",
    "oneinferior",
    "twoinferior",
    "threeinferior",
    "fourinferior",
    "fiveinferior",
    "sixinferior",
    "seveninferior",
    "eightinferior",
    "nineinferior",
    "centinferior",
    "dollarinferior",
    "periodinferior",
    "commainferior",
    "Agravesmall",
    "Aacutesmall",
    "Acircumflexsmall",
    "Atildesmall",
    "Adieresissmall",
    "Aringsmall",
    "AEsmall",
    "Ccedillasmall",
    "Egravesmall",
    "Eacutesmall",
    "Ecircumflexsmall",
    "Edieresissmall",
    "Igravesmall",
    "Iacutesmall",
    "Icircumflexsmall",
    "Idieresissmall",
    "Ethsmall",
    "Ntildesmall",
    "Ogravesmall",
    "Oacutesmall",
    "Ocircumflexsmall",
    "Otildesmall",
    "Odieresissmall",
    "OEsmall",
    "Oslashsmall",
    "Ugravesmall",
    "Uacutesmall",
    "Ucircumflexsmall",
    "Udieresissmall",
    "Yacutesmall",
    "Thornsmall",
    "Ydieresissmall",
    "001.000",
    "001.001",
    "001.002",
    "001.003",
    "Black",
    "Bold",
    "Book",
    "Light",
    "Medium",
    "Regular",
    "Roman",
    "Semibold",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A CFF program with glyphs `.notdef`, `H`, `i` and `uni00E9` (a custom string), a
    /// format 0 charset and a format 0 encoding (codes 1, 2, 3); checked with fontTools.
    const FONT: &str = "0100040100010101055465737400010101131d0000003e0f1d00000045101d0000003211\
        0001010108756e6930304539000000040101020304050e0e0e0e000029004a01870003010203";

    fn font() -> Vec<u8> {
        let hex: Vec<u8> = FONT.bytes().filter(u8::is_ascii_hexdigit).collect();
        hex.chunks(2)
            .map(|c| u8::from_str_radix(std::str::from_utf8(c).unwrap_or("00"), 16).unwrap_or(0))
            .collect()
    }

    #[test]
    fn charset_and_encoding() {
        let cff = Cff::parse(&font()).unwrap_or_default();
        let names: Vec<Option<&str>> = cff.names.iter().map(|n| n.as_deref()).collect();
        assert_eq!(
            names,
            [Some(".notdef"), Some("H"), Some("i"), Some("uni00E9")]
        );
        assert_eq!(
            cff.encoding,
            [
                (1, "H".to_string()),
                (2, "i".to_string()),
                (3, "uni00E9".to_string())
            ]
        );
    }

    #[test]
    fn damaged_programs_do_not_panic() {
        let data = font();
        for end in 0..data.len() {
            let _ = Cff::parse(data.get(..end).unwrap_or_default());
        }
        for i in 0..data.len() {
            for value in [0x00, 0x01, 0x7F, 0xFF] {
                let mut damaged = data.clone();
                if let Some(b) = damaged.get_mut(i) {
                    *b = value;
                }
                let _ = Cff::parse(&damaged);
            }
        }
    }
}
