//! Just enough of a TrueType file to set text with it: units per em, the Unicode `cmap`
//! (format 4) and the advance widths (`hmtx`).

use std::collections::HashMap;

/// The metrics of a TrueType font read from its file.
#[derive(Clone, Debug)]
pub struct TrueType {
    pub units_per_em: u16,
    /// Unicode scalar → glyph id, BMP only.
    cmap: HashMap<u32, u16>,
    advances: Vec<u16>,
    pub bbox: [i16; 4],
    pub ascent: i16,
    pub descent: i16,
}

impl TrueType {
    pub fn parse(data: &[u8]) -> Option<TrueType> {
        let tables = table_directory(data)?;
        let head = tables.get(b"head")?;
        let units_per_em = u16_at(head, 18)?;
        let bbox = [
            i16_at(head, 36)?,
            i16_at(head, 38)?,
            i16_at(head, 40)?,
            i16_at(head, 42)?,
        ];
        let hhea = tables.get(b"hhea")?;
        let ascent = i16_at(hhea, 4)?;
        let descent = i16_at(hhea, 6)?;
        let metrics = usize::from(u16_at(hhea, 34)?);
        let hmtx = tables.get(b"hmtx")?;
        let advances = (0..metrics)
            .map(|i| u16_at(hmtx, i * 4))
            .collect::<Option<Vec<u16>>>()?;
        let cmap = unicode_cmap(tables.get(b"cmap")?)?;
        Some(TrueType {
            units_per_em,
            cmap,
            advances,
            bbox,
            ascent,
            descent,
        })
    }

    /// The glyph id of `c`; `None` when the font has no glyph for it.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.cmap
            .get(&u32::from(c))
            .copied()
            .filter(|&gid| gid != 0)
    }

    /// The advance of `c` in 1/1000 em; `None` when the font has no glyph for it.
    pub fn width(&self, c: char) -> Option<u16> {
        let gid = *self.cmap.get(&u32::from(c))?;
        if gid == 0 {
            return None;
        }
        // Glyphs past the last long metric share its advance.
        let advance = self
            .advances
            .get(usize::from(gid))
            .or(self.advances.last())?;
        let per_mille = u32::from(*advance) * 1000 / u32::from(self.units_per_em.max(1));
        u16::try_from(per_mille).ok()
    }

    /// A value in font units scaled to 1/1000 em.
    pub fn per_mille(&self, units: i16) -> i32 {
        i32::from(units) * 1000 / i32::from(self.units_per_em.max(1))
    }
}

fn table_directory(data: &[u8]) -> Option<HashMap<[u8; 4], &[u8]>> {
    let count = usize::from(u16_at(data, 4)?);
    let mut out = HashMap::new();
    for i in 0..count {
        let record = 12 + i * 16;
        let tag: [u8; 4] = data.get(record..record + 4)?.try_into().ok()?;
        let offset = usize::try_from(u32_at(data, record + 8)?).ok()?;
        let length = usize::try_from(u32_at(data, record + 12)?).ok()?;
        out.insert(tag, data.get(offset..offset.checked_add(length)?)?);
    }
    Some(out)
}

/// The (3, 1) or (0, 3) subtable in format 4.
fn unicode_cmap(cmap: &[u8]) -> Option<HashMap<u32, u16>> {
    let count = usize::from(u16_at(cmap, 2)?);
    for i in 0..count {
        let record = 4 + i * 8;
        let platform = u16_at(cmap, record)?;
        let encoding = u16_at(cmap, record + 2)?;
        if !matches!((platform, encoding), (3, 1) | (0, 3)) {
            continue;
        }
        let offset = usize::try_from(u32_at(cmap, record + 4)?).ok()?;
        let sub = cmap.get(offset..)?;
        if u16_at(sub, 0)? == 4 {
            return format4(sub);
        }
    }
    None
}

fn format4(sub: &[u8]) -> Option<HashMap<u32, u16>> {
    let segments = usize::from(u16_at(sub, 6)? / 2);
    let ends = 14;
    let starts = ends + segments * 2 + 2;
    let deltas = starts + segments * 2;
    let ranges = deltas + segments * 2;
    let mut out = HashMap::new();
    for s in 0..segments {
        let end = u16_at(sub, ends + s * 2)?;
        let start = u16_at(sub, starts + s * 2)?;
        let delta = u16_at(sub, deltas + s * 2)?;
        let range_offset = usize::from(u16_at(sub, ranges + s * 2)?);
        if start > end {
            continue;
        }
        for code in start..=end {
            let gid = if range_offset == 0 {
                code.wrapping_add(delta)
            } else {
                let at = ranges + s * 2 + range_offset + usize::from(code - start) * 2;
                match u16_at(sub, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta),
                }
            };
            if gid != 0 {
                out.insert(u32::from(code), gid);
            }
            if code == u16::MAX {
                break;
            }
        }
    }
    Some(out)
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let bytes: [u8; 2] = data.get(at..at + 2)?.try_into().ok()?;
    Some(u16::from_be_bytes(bytes))
}

fn i16_at(data: &[u8], at: usize) -> Option<i16> {
    let bytes: [u8; 2] = data.get(at..at + 2)?.try_into().ok()?;
    Some(i16::from_be_bytes(bytes))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes: [u8; 4] = data.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_be_bytes(bytes))
}
