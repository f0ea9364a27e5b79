//! A small, bounded reader of TrueType / OpenType font programs (`/FontFile2`, and
//! `/FontFile3 /Subtype /OpenType`): the table directory, `cmap` subtables (formats 0, 4, 6
//! and 12) and `post` glyph names. Enough to name the glyphs of a font without a usable
//! `/ToUnicode`. Every read is bounds-checked; a damaged program gives `None`, never a panic.

/// Mappings read from one `cmap` subtable at most.
const MAX_CMAP_ENTRIES: usize = 131_072;
/// Codes visited in one `cmap` subtable at most (overlapping or huge ranges in a damaged
/// program would otherwise cost billions of steps).
const MAX_CMAP_STEPS: usize = 4 * MAX_CMAP_ENTRIES;

pub(super) fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([
        *data.get(at)?,
        *data.get(at.checked_add(1)?)?,
    ]))
}

pub(super) fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *data.get(at)?,
        *data.get(at.checked_add(1)?)?,
        *data.get(at.checked_add(2)?)?,
        *data.get(at.checked_add(3)?)?,
    ]))
}

/// A font program's tables.
pub struct Sfnt<'a> {
    data: &'a [u8],
    tables: Vec<([u8; 4], usize, usize)>,
}

impl<'a> Sfnt<'a> {
    pub fn parse(data: &'a [u8]) -> Option<Sfnt<'a>> {
        let version = u32_at(data, 0)?;
        if !matches!(version, 0x0001_0000 | 0x4F54_544F | 0x7472_7565) {
            return None;
        }
        let count = usize::from(u16_at(data, 4)?);
        let mut tables = Vec::with_capacity(count.min(64));
        for i in 0..count {
            let record = 12 + 16 * i;
            let tag = data.get(record..record + 4)?;
            let offset = u32_at(data, record + 8)? as usize;
            let length = u32_at(data, record + 12)? as usize;
            let tag = [*tag.first()?, *tag.get(1)?, *tag.get(2)?, *tag.get(3)?];
            tables.push((tag, offset, length));
        }
        Some(Sfnt { data, tables })
    }

    /// A table's bytes (clipped to the file when its length overruns it).
    pub fn table(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        let &(_, offset, length) = self.tables.iter().find(|t| &t.0 == tag)?;
        let end = offset.checked_add(length)?.min(self.data.len());
        self.data.get(offset..end)
    }

    /// Bold and italic as the `head` table's `macStyle` bits say.
    pub fn mac_style(&self) -> Option<(bool, bool)> {
        let style = u16_at(self.table(b"head")?, 44)?;
        Some((style & 1 != 0, style & 2 != 0))
    }

    /// The `cmap` subtable for (platform, encoding), as code → glyph id.
    pub fn cmap(&self, platform: u16, encoding: u16) -> Option<Cmap> {
        let cmap = self.table(b"cmap")?;
        let count = usize::from(u16_at(cmap, 2)?);
        for i in 0..count.min(64) {
            let record = 4 + 8 * i;
            if u16_at(cmap, record)? == platform && u16_at(cmap, record + 2)? == encoding {
                let offset = u32_at(cmap, record + 4)? as usize;
                return subtable(cmap.get(offset..)?);
            }
        }
        None
    }

    /// Whether glyph `gid` has no outline (`loca` gives it no bytes of `glyf`): a space.
    /// `None` when the program has no such tables or they do not reach the glyph.
    pub fn is_blank_glyph(&self, gid: u16) -> Option<bool> {
        let long = u16_at(self.table(b"head")?, 50)? == 1;
        let loca = self.table(b"loca")?;
        let at = usize::from(gid);
        let (start, end) = if long {
            (u32_at(loca, 4 * at)?, u32_at(loca, 4 * at + 4)?)
        } else {
            (
                2 * u32::from(u16_at(loca, 2 * at)?),
                2 * u32::from(u16_at(loca, 2 * at + 2)?),
            )
        };
        Some(start == end)
    }

    /// Glyph names from the `post` table (formats 1 and 2), by glyph id.
    pub fn glyph_names(&self) -> Option<Vec<Option<String>>> {
        let post = self.table(b"post")?;
        match u32_at(post, 0)? {
            0x0001_0000 => Some(
                MAC_GLYPH_NAMES
                    .iter()
                    .map(|n| Some((*n).to_string()))
                    .collect(),
            ),
            0x0002_0000 => {
                let glyphs = usize::from(u16_at(post, 32)?);
                let indices: Vec<u16> = (0..glyphs)
                    .map(|g| u16_at(post, 34 + 2 * g))
                    .collect::<Option<_>>()?;
                // The Pascal strings after the index array, in order.
                let mut strings = Vec::new();
                let mut pos = 34 + 2 * glyphs;
                while let Some(&len) = post.get(pos) {
                    let start = pos + 1;
                    let end = start + usize::from(len);
                    let Some(bytes) = post.get(start..end) else {
                        break;
                    };
                    strings.push(String::from_utf8_lossy(bytes).into_owned());
                    pos = end;
                }
                Some(
                    indices
                        .iter()
                        .map(|&i| {
                            let i = usize::from(i);
                            match MAC_GLYPH_NAMES.get(i) {
                                Some(name) => Some((*name).to_string()),
                                None => strings.get(i - MAC_GLYPH_NAMES.len()).cloned(),
                            }
                        })
                        .collect(),
                )
            }
            _ => None,
        }
    }
}

/// A `cmap` subtable: code → glyph id pairs, sorted by code, one per code. (A sorted list:
/// subtables come in code order, so it is built without hashing, and looked up by halving.)
#[derive(Debug, Default)]
pub struct Cmap {
    pairs: Vec<(u32, u16)>,
}

impl Cmap {
    /// The glyph id of `code`.
    pub fn get(&self, code: u32) -> Option<u16> {
        let at = self.pairs.binary_search_by_key(&code, |p| p.0).ok()?;
        self.pairs.get(at).map(|p| p.1)
    }

    pub fn contains(&self, code: u32) -> bool {
        self.get(code).is_some()
    }

    /// The (code, glyph id) pairs, by code.
    pub fn pairs(&self) -> &[(u32, u16)] {
        &self.pairs
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// Code → glyph id pairs gathered within a budget of steps.
struct Gather {
    pairs: Vec<(u32, u16)>,
    steps: usize,
}

impl Gather {
    /// Adds a mapping (glyph 0 is no mapping); `false` once the budget is spent.
    fn add(&mut self, code: u32, gid: u16) -> bool {
        self.steps += 1;
        if gid != 0 && self.pairs.len() < MAX_CMAP_ENTRIES {
            self.pairs.push((code, gid));
        }
        self.steps < MAX_CMAP_STEPS
    }

    /// The pairs by code; of two for one code, the first read.
    fn into_cmap(mut self) -> Cmap {
        // Stable, and quick on pairs that came in order, as they do.
        self.pairs.sort_by_key(|p| p.0);
        self.pairs.dedup_by_key(|p| p.0);
        Cmap { pairs: self.pairs }
    }
}

/// One `cmap` subtable: code → glyph id (glyph 0 left out).
fn subtable(data: &[u8]) -> Option<Cmap> {
    let mut out = Gather {
        pairs: Vec::new(),
        steps: 0,
    };
    match u16_at(data, 0)? {
        0 => {
            for code in 0..256u32 {
                out.add(code, u16::from(*data.get(6 + code as usize)?));
            }
        }
        4 => {
            let segments = usize::from(u16_at(data, 6)? / 2);
            let ends = 14;
            let starts = ends + 2 * segments + 2;
            let deltas = starts + 2 * segments;
            let range_offsets = deltas + 2 * segments;
            'segments: for s in 0..segments {
                let end = u32::from(u16_at(data, ends + 2 * s)?);
                let start = u32::from(u16_at(data, starts + 2 * s)?);
                let delta = u16_at(data, deltas + 2 * s)?;
                let range_offset_at = range_offsets + 2 * s;
                let range_offset = usize::from(u16_at(data, range_offset_at)?);
                for code in start..=end.min(0xFFFE) {
                    let gid = if range_offset == 0 {
                        (code as u16).wrapping_add(delta)
                    } else {
                        let at = range_offset_at + range_offset + 2 * (code - start) as usize;
                        match u16_at(data, at) {
                            Some(0) | None => 0,
                            Some(g) => g.wrapping_add(delta),
                        }
                    };
                    if !out.add(code, gid) {
                        break 'segments;
                    }
                }
            }
        }
        6 => {
            let first = u32::from(u16_at(data, 6)?);
            let count = usize::from(u16_at(data, 8)?);
            for i in 0..count {
                out.add(first + i as u32, u16_at(data, 10 + 2 * i)?);
            }
        }
        12 => {
            let groups = u32_at(data, 12)? as usize;
            'groups: for i in 0..groups.min(MAX_CMAP_ENTRIES) {
                let at = 16 + 12 * i;
                let start = u32_at(data, at)?;
                let end = u32_at(data, at + 4)?.min(0x10_FFFF);
                let gid = u32_at(data, at + 8)?;
                for (k, code) in (start..=end).enumerate() {
                    let glyph = u16::try_from(gid.saturating_add(k as u32)).unwrap_or(0);
                    if !out.add(code, glyph) {
                        break 'groups;
                    }
                }
            }
        }
        _ => return None,
    }
    Some(out.into_cmap())
}

/// The 258 standard Macintosh glyph names, in order (the `post` table, formats 1 and 2).
const MAC_GLYPH_NAMES: [&str; 258] = [
    ".notdef",
    ".null",
    "nonmarkingreturn",
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quotesingle",
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
    "grave",
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
    "Adieresis",
    "Aring",
    "Ccedilla",
    "Eacute",
    "Ntilde",
    "Odieresis",
    "Udieresis",
    "aacute",
    "agrave",
    "acircumflex",
    "adieresis",
    "atilde",
    "aring",
    "ccedilla",
    "eacute",
    "egrave",
    "ecircumflex",
    "edieresis",
    "iacute",
    "igrave",
    "icircumflex",
    "idieresis",
    "ntilde",
    "oacute",
    "ograve",
    "ocircumflex",
    "odieresis",
    "otilde",
    "uacute",
    "ugrave",
    "ucircumflex",
    "udieresis",
    "dagger",
    "degree",
    "cent",
    "sterling",
    "section",
    "bullet",
    "paragraph",
    "germandbls",
    "registered",
    "copyright",
    "trademark",
    "acute",
    "dieresis",
    "notequal",
    "AE",
    "Oslash",
    "infinity",
    "plusminus",
    "lessequal",
    "greaterequal",
    "yen",
    "mu",
    "partialdiff",
    "summation",
    "product",
    "pi",
    "integral",
    "ordfeminine",
    "ordmasculine",
    "Omega",
    "ae",
    "oslash",
    "questiondown",
    "exclamdown",
    "logicalnot",
    "radical",
    "florin",
    "approxequal",
    "Delta",
    "guillemotleft",
    "guillemotright",
    "ellipsis",
    "nonbreakingspace",
    "Agrave",
    "Atilde",
    "Otilde",
    "OE",
    "oe",
    "endash",
    "emdash",
    "quotedblleft",
    "quotedblright",
    "quoteleft",
    "quoteright",
    "divide",
    "lozenge",
    "ydieresis",
    "Ydieresis",
    "fraction",
    "currency",
    "guilsinglleft",
    "guilsinglright",
    "fi",
    "fl",
    "daggerdbl",
    "periodcentered",
    "quotesinglbase",
    "quotedblbase",
    "perthousand",
    "Acircumflex",
    "Ecircumflex",
    "Aacute",
    "Edieresis",
    "Egrave",
    "Iacute",
    "Icircumflex",
    "Idieresis",
    "Igrave",
    "Oacute",
    "Ocircumflex",
    "apple",
    "Ograve",
    "Uacute",
    "Ucircumflex",
    "Ugrave",
    "dotlessi",
    "circumflex",
    "tilde",
    "macron",
    "breve",
    "dotaccent",
    "ring",
    "cedilla",
    "hungarumlaut",
    "ogonek",
    "caron",
    "Lslash",
    "lslash",
    "Scaron",
    "scaron",
    "Zcaron",
    "zcaron",
    "brokenbar",
    "Eth",
    "eth",
    "Yacute",
    "yacute",
    "Thorn",
    "thorn",
    "minus",
    "multiply",
    "onesuperior",
    "twosuperior",
    "threesuperior",
    "onehalf",
    "onequarter",
    "threequarters",
    "franc",
    "Gbreve",
    "gbreve",
    "Idotaccent",
    "Scedilla",
    "scedilla",
    "Cacute",
    "cacute",
    "Ccaron",
    "ccaron",
    "dcroat",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A program with only a `cmap` ((3,1) format 4: H → 1, i → 2) and a `post` (format 2:
    /// glyphs `.notdef`, `H`, `i`, and the custom string `eacute`).
    const FONT: &str = "000100000002000000000000636d6170000000000000002c00000034706f737400000000\
        000000600000003100000001000300010000000c000400280000000600000000000000480069ffff0000\
        00480069ffffffb9ff990001000000000000000200000000000000000000000000000000000000000000\
        000000000000000000040000002b004c010206656163757465000000";

    fn font() -> Vec<u8> {
        let hex: Vec<u8> = FONT.bytes().filter(u8::is_ascii_hexdigit).collect();
        hex.chunks(2)
            .map(|c| u8::from_str_radix(std::str::from_utf8(c).unwrap_or("00"), 16).unwrap_or(0))
            .collect()
    }

    #[test]
    fn cmap_and_post() {
        let data = font();
        let sfnt = Sfnt::parse(&data);
        let cmap = sfnt.as_ref().and_then(|s| s.cmap(3, 1)).unwrap_or_default();
        assert_eq!(cmap.get(0x48), Some(1));
        assert_eq!(cmap.get(0x69), Some(2));
        assert_eq!(cmap.pairs().len(), 2);
        let names = sfnt.and_then(|s| s.glyph_names()).unwrap_or_default();
        let names: Vec<Option<&str>> = names.iter().map(|n| n.as_deref()).collect();
        assert_eq!(
            names,
            [Some(".notdef"), Some("H"), Some("i"), Some("eacute")]
        );
    }

    #[test]
    fn damaged_programs_do_not_panic() {
        let data = font();
        let read = |d: &[u8]| {
            if let Some(s) = Sfnt::parse(d) {
                let _ = (s.cmap(3, 1), s.glyph_names());
            }
        };
        for end in 0..data.len() {
            read(data.get(..end).unwrap_or_default());
        }
        for i in 0..data.len() {
            for value in [0x00, 0x01, 0x7F, 0xFF] {
                let mut damaged = data.clone();
                if let Some(b) = damaged.get_mut(i) {
                    *b = value;
                }
                read(&damaged);
            }
        }
    }
}
