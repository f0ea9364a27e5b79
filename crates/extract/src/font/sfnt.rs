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

    /// The weight class the `OS/2` table gives (400 regular, 700 bold), if it has one.
    pub fn weight_class(&self) -> Option<u16> {
        u16_at(self.table(b"OS/2")?, 4)
    }

    /// How thick the program draws its vertical stems, in ems: the median, over the letters
    /// of [`STEM_LETTERS`] it maps, of the leftmost stroke's width a quarter of an em over
    /// the baseline. Only the outline tells the weight of a program that keeps neither an
    /// `OS/2` table nor a bold `macStyle` (cairo's subsets of a semibold face).
    pub fn stem_em(&self) -> Option<f32> {
        let units = f32::from(u16_at(self.table(b"head")?, 18)?);
        if units < 16.0 {
            return None;
        }
        let cmap = [(3, 1), (3, 10), (0, 3), (1, 0)]
            .into_iter()
            .find_map(|(p, e)| self.cmap(p, e))?;
        let height = 0.25 * units;
        let mut stems: Vec<f32> = (STEM_LETTERS.chars())
            .filter_map(|c| cmap.get(u32::from(c)))
            .filter_map(|gid| self.leftmost_stroke(gid, height))
            .map(|width| width / units)
            .collect();
        stems.sort_by(f32::total_cmp);
        stems.get(stems.len() / 2).copied()
    }

    /// The width of glyph `gid`'s leftmost stroke at `height` (font units): the distance
    /// between the first two crossings of its outline, its points taken as a polygon (a
    /// stem's sides are straight). `None` for a composite or damaged glyph.
    fn leftmost_stroke(&self, gid: u16, height: f32) -> Option<f32> {
        let points = self.simple_outline(gid)?;
        let mut crossings = Vec::new();
        for contour in points {
            let edges = contour.iter().zip(contour.iter().cycle().skip(1));
            for (&(x0, y0), &(x1, y1)) in edges {
                if (y0 <= height) != (y1 <= height) {
                    crossings.push(x0 + (height - y0) * (x1 - x0) / (y1 - y0));
                }
            }
        }
        crossings.sort_by(f32::total_cmp);
        match crossings.as_slice() {
            [first, second, ..] => Some(second - first),
            _ => None,
        }
    }

    /// The points of a glyph's contours, on and off the curve alike: a simple glyph's, or
    /// those of a composite glyph's simple components placed by their offsets (one level;
    /// `None` where a component is scaled or placed by points, or is composite itself).
    fn outline(&self, gid: u16) -> Option<Vec<Vec<(f32, f32)>>> {
        let glyph = self.glyph_data(gid)?;
        if u16_at(glyph, 0)? as i16 >= 0 {
            return self.simple_outline(gid);
        }
        let mut contours = Vec::new();
        for (component, dx, dy) in components(glyph)? {
            let (dx, dy) = (dx?, dy?);
            for contour in self.simple_outline(component)? {
                contours.push(contour.into_iter().map(|(x, y)| (x + dx, y + dy)).collect());
            }
        }
        Some(contours)
    }

    /// How many contours draw glyph `gid`: a simple glyph's count, or the sum of a
    /// composite glyph's simple components' (`None` for deeper nesting).
    fn contour_count(&self, gid: u16) -> Option<i16> {
        let glyph = self.glyph_data(gid)?;
        let count = u16_at(glyph, 0)? as i16;
        if count >= 0 {
            return Some(count);
        }
        let mut sum: i16 = 0;
        for (component, ..) in components(glyph)? {
            let part = self.glyph_data(component)?;
            let count = u16_at(part, 0)? as i16;
            if count < 0 {
                return None;
            }
            // A component that draws nothing (one point: an anchor some fonts place so).
            let empty = u32_at(part, 2)? == u32_at(part, 6)?;
            if !empty {
                sum = sum.saturating_add(count);
            }
        }
        Some(sum)
    }

    /// The points of a simple glyph's contours, on and off the curve alike.
    fn simple_outline(&self, gid: u16) -> Option<Vec<Vec<(f32, f32)>>> {
        let glyph = self.glyph_data(gid)?;
        let contours =
            usize::try_from(i16::from_be_bytes([*glyph.first()?, *glyph.get(1)?])).ok()?;
        if contours == 0 || contours > MAX_CONTOURS {
            return None;
        }
        let ends: Vec<usize> = (0..contours)
            .map(|c| u16_at(glyph, 10 + 2 * c).map(usize::from))
            .collect::<Option<_>>()?;
        let count = ends.last()? + 1;
        let instructions = usize::from(u16_at(glyph, 10 + 2 * contours)?);
        let mut at = 12 + 2 * contours + instructions;
        let mut flags = Vec::with_capacity(count);
        while flags.len() < count {
            let flag = *glyph.get(at)?;
            at += 1;
            let repeat = match flag & 8 {
                0 => 0,
                _ => {
                    at += 1;
                    usize::from(*glyph.get(at - 1)?)
                }
            };
            flags.extend(std::iter::repeat_n(flag, repeat + 1));
        }
        flags.truncate(count);
        let xs = coordinates(glyph, &mut at, &flags, 2, 16)?;
        let ys = coordinates(glyph, &mut at, &flags, 4, 32)?;
        let mut out = Vec::with_capacity(contours);
        let mut start = 0;
        for &end in &ends {
            let contour: Vec<(f32, f32)> = (start..=end)
                .map(|i| Some((f32::from(*xs.get(i)?), f32::from(*ys.get(i)?))))
                .collect::<Option<_>>()?;
            out.push(contour);
            start = end + 1;
        }
        Some(out)
    }

    /// The em of the program's outlines, in font units (`head`'s `unitsPerEm`).
    pub fn units_per_em(&self) -> Option<f32> {
        let units = f32::from(u16_at(self.table(b"head")?, 18)?);
        (units >= 16.0).then_some(units)
    }

    /// Glyph `gid`'s box and contour count, as its `glyf` header gives them (a composite
    /// glyph counts -1 contours). `None` for a glyph without an outline.
    pub fn glyph_box(&self, gid: u16) -> Option<GlyphBox> {
        let glyph = self.glyph_data(gid)?;
        let i16_at = |at| u16_at(glyph, at).map(|v| f32::from(v as i16));
        Some(GlyphBox {
            contours: self.contour_count(gid).unwrap_or(-1),
            x_min: i16_at(2)?,
            y_min: i16_at(4)?,
            x_max: i16_at(6)?,
            y_max: i16_at(8)?,
        })
    }

    /// How high the middle of glyph `gid`'s ink lies, from 0 (its box's bottom) to 1 (its
    /// top): the centroid of its contours' area, their points taken as polygons. An opening
    /// quote, heavy below, lies under 0.5; a closing one over. `None` for a composite glyph.
    pub fn ink_height(&self, gid: u16) -> Option<f32> {
        let (mut area, mut moment) = (0.0, 0.0);
        for contour in self.outline(gid)? {
            let edges = contour.iter().zip(contour.iter().cycle().skip(1));
            for (&(x0, y0), &(x1, y1)) in edges {
                let cross = x0 * y1 - x1 * y0;
                area += cross;
                moment += (y0 + y1) * cross;
            }
        }
        let b = self.glyph_box(gid)?;
        let height = b.y_max - b.y_min;
        (area.abs() > f32::EPSILON && height > 0.0)
            .then(|| (moment / (3.0 * area) - b.y_min) / height)
    }

    /// Glyph `gid`'s bytes in `glyf`, as `loca` places them.
    fn glyph_data(&self, gid: u16) -> Option<&'a [u8]> {
        let (start, end) = self.glyph_range(gid)?;
        self.table(b"glyf")?.get(start as usize..end as usize)
    }

    /// Where glyph `gid`'s bytes start and end in `glyf`, as `loca` says.
    fn glyph_range(&self, gid: u16) -> Option<(u32, u32)> {
        let long = u16_at(self.table(b"head")?, 50)? == 1;
        let loca = self.table(b"loca")?;
        let at = usize::from(gid);
        Some(if long {
            (u32_at(loca, 4 * at)?, u32_at(loca, 4 * at + 4)?)
        } else {
            (
                2 * u32::from(u16_at(loca, 2 * at)?),
                2 * u32::from(u16_at(loca, 2 * at + 2)?),
            )
        })
    }

    /// Whether glyph `gid` has no outline (`loca` gives it no bytes of `glyf`): a space.
    /// `None` when the program has no such tables or they do not reach the glyph.
    pub fn is_blank_glyph(&self, gid: u16) -> Option<bool> {
        let (start, end) = self.glyph_range(gid)?;
        Some(start == end)
    }

    /// The glyphs that draw nothing but move the pen (no outline, an advance in `hmtx`):
    /// spaces of one width or another. Glyph 0 (`.notdef`) is never one.
    pub fn blank_glyphs(&self) -> Vec<u16> {
        let Some(count) = self.table(b"maxp").and_then(|m| u16_at(m, 4)) else {
            return Vec::new();
        };
        (1..count)
            .filter(|&gid| self.is_blank_glyph(gid) == Some(true))
            .filter(|&gid| self.advance(gid).is_some_and(|a| a > 0))
            .collect()
    }

    /// Glyph `gid`'s advance width in font units, as `hmtx` gives it (glyphs past its long
    /// metrics take the last one's).
    pub fn advance(&self, gid: u16) -> Option<u16> {
        let long_metrics = usize::from(u16_at(self.table(b"hhea")?, 34)?);
        let at = usize::from(gid).min(long_metrics.checked_sub(1)?);
        u16_at(self.table(b"hmtx")?, 4 * at)
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

/// Letters whose leftmost stroke a quarter of an em up is a stem (or a bowl's side).
const STEM_LETTERS: &str = "lihnmurbdIHN";

/// Contours of a glyph measured at most (a letter has a few).
const MAX_CONTOURS: usize = 64;
/// Components of a composite glyph read, at most.
const MAX_COMPONENTS: usize = 16;

/// A composite glyph's components (`glyf`, §5.3.3 of the OpenType spec): each one's glyph
/// id and its x and y offset, `None` where it is placed by matching points or scaled.
/// `None` for damaged data.
#[allow(clippy::type_complexity)]
fn components(glyph: &[u8]) -> Option<Vec<(u16, Option<f32>, Option<f32>)>> {
    const WORDS: u16 = 0x1;
    const XY_VALUES: u16 = 0x2;
    const SCALE: u16 = 0x8;
    const MORE: u16 = 0x20;
    const XY_SCALE: u16 = 0x40;
    const TWO_BY_TWO: u16 = 0x80;
    let mut out = Vec::new();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        let gid = u16_at(glyph, at + 2)?;
        let (dx, dy, args) = if flags & WORDS != 0 {
            let x = u16_at(glyph, at + 4)? as i16;
            let y = u16_at(glyph, at + 6)? as i16;
            (f32::from(x), f32::from(y), 4)
        } else {
            let x = *glyph.get(at + 4)? as i8;
            let y = *glyph.get(at + 5)? as i8;
            (f32::from(x), f32::from(y), 2)
        };
        let scale = match flags {
            f if f & SCALE != 0 => 2,
            f if f & XY_SCALE != 0 => 4,
            f if f & TWO_BY_TWO != 0 => 8,
            _ => 0,
        };
        let placed = flags & XY_VALUES != 0 && scale == 0;
        out.push((gid, placed.then_some(dx), placed.then_some(dy)));
        at += 4 + args + scale;
        if flags & MORE == 0 || out.len() >= MAX_COMPONENTS {
            return Some(out);
        }
    }
}

/// A glyph's box in font units and how many contours draw it.
#[derive(Clone, Copy, Debug)]
pub struct GlyphBox {
    pub contours: i16,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
}

/// A simple glyph's x (`short` 2, `same` 16) or y (4, 32) coordinates from `at`, each
/// relative to the one before; `at` is moved past them.
fn coordinates(
    glyph: &[u8],
    at: &mut usize,
    flags: &[u8],
    short: u8,
    same: u8,
) -> Option<Vec<i16>> {
    let mut value: i16 = 0;
    let mut out = Vec::with_capacity(flags.len());
    for &flag in flags {
        let delta = if flag & short != 0 {
            let byte = i16::from(*glyph.get(*at)?);
            *at += 1;
            if flag & same != 0 { byte } else { -byte }
        } else if flag & same != 0 {
            0
        } else {
            let d = i16::from_be_bytes([*glyph.get(*at)?, *glyph.get(*at + 1)?]);
            *at += 2;
            d
        };
        value = value.wrapping_add(delta);
        out.push(value);
    }
    Some(out)
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

    /// A program whose `l` (glyph 1) is a stem `stem` units wide and 700 high, in 1000
    /// units per em: `cmap` ((3,1) format 4), `head`, `loca`, `glyf`.
    fn program_with_stem(stem: i16) -> Vec<u8> {
        let mut f4 = Vec::new();
        for v in [4u16, 32, 0, 4, 0, 0, 0, 0x6C, 0xFFFF, 0, 0x6C, 0xFFFF] {
            f4.extend(v.to_be_bytes());
        }
        for v in [1u16.wrapping_sub(0x6C), 1, 0, 0] {
            f4.extend(v.to_be_bytes());
        }
        let mut cmap = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
        cmap.extend(f4);
        let mut head = vec![0u8; 54];
        head[18..20].copy_from_slice(&1000u16.to_be_bytes());
        let mut glyph = Vec::new();
        // One contour of four points on the curve, coordinates as words.
        for v in [1i16, 100, 0, 100 + stem, 700, 3, 0] {
            glyph.extend(v.to_be_bytes());
        }
        glyph.extend([1u8; 4]);
        for v in [100i16, stem, 0, -stem, 0, 0, 700, 0] {
            glyph.extend(v.to_be_bytes());
        }
        let mut loca = Vec::new();
        for v in [0u16, 0, (glyph.len() / 2) as u16] {
            loca.extend(v.to_be_bytes());
        }
        let tables: [(&[u8; 4], Vec<u8>); 4] = [
            (b"cmap", cmap),
            (b"glyf", glyph),
            (b"head", head),
            (b"loca", loca),
        ];
        let mut font = vec![0, 1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0];
        let mut offset = 12 + 16 * tables.len();
        for (tag, table) in &tables {
            font.extend(*tag);
            font.extend([0; 4]);
            font.extend((offset as u32).to_be_bytes());
            font.extend((table.len() as u32).to_be_bytes());
            offset += table.len();
        }
        tables.into_iter().for_each(|(_, table)| font.extend(table));
        font
    }

    #[test]
    fn stems_measured_on_the_outline() {
        for (stem, em) in [(71, 0.071), (125, 0.125)] {
            let data = program_with_stem(stem);
            let measured = Sfnt::parse(&data).and_then(|s| s.stem_em());
            assert!(
                measured.is_some_and(|m| (m - em).abs() < 1e-4),
                "{stem}: {measured:?}"
            );
        }
        // Cut anywhere, or any byte changed, it gives an answer or none, never a panic.
        let data = program_with_stem(125);
        for end in 0..data.len() {
            let _ = Sfnt::parse(data.get(..end).unwrap_or_default()).map(|s| s.stem_em());
        }
        for i in 0..data.len() {
            let mut damaged = data.clone();
            if let Some(b) = damaged.get_mut(i) {
                *b = 0xFF;
            }
            let _ = Sfnt::parse(&damaged).map(|s| s.stem_em());
        }
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
