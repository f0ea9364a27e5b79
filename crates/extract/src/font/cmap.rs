//! CMaps (PDF 32000-1 §9.7.5, §9.10.3): code space ranges, code → CID and code → Unicode.
//!
//! Parsed with the content-stream lexer: a CMap is PostScript whose `begin…`/`end…` sections
//! are operand lists, which is exactly what the lexer yields before each operator.

use rustc_hash::FxHashMap as HashMap;

use crate::content::{Lexer, Operand};

/// Bounds the work one CMap may cause: entries expanded from ranges.
const MAX_RANGE_SPAN: u32 = 0x1_0000;

/// Operands one CMap section may hold (entries of 2 or 3 operands). The content lexer's
/// default keeps far fewer, which cut and misaligned sections of more than 85 `bfrange`
/// entries (Ghostscript writes such). Half of it is a multiple of 6, so that a flood beyond
/// it, which drops the older half, keeps pairs and triples aligned.
const MAX_SECTION_OPERANDS: usize = 6 * 8192;

/// Byte-length ranges that split a string into codes (§9.7.6.2).
#[derive(Clone, Debug, Default)]
pub struct Codespace {
    /// (length in bytes, low bytes, high bytes); bytes compared position by position.
    ranges: Vec<(usize, [u8; 4], [u8; 4])>,
}

impl Codespace {
    /// Two-byte codes `<0000>`–`<FFFF>`, as Identity-H/V and UCS-2 CMaps have.
    pub fn two_byte() -> Codespace {
        Codespace {
            ranges: vec![(2, [0; 4], [0xFF, 0xFF, 0, 0])],
        }
    }

    /// Whether every code is one byte long.
    pub fn is_one_byte(&self) -> bool {
        !self.ranges.is_empty() && self.ranges.iter().all(|r| r.0 == 1)
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The `<lo> <hi>` pairs of a `begincodespacerange` section.
    fn add_ranges(&mut self, operands: &[Operand<'_>]) {
        for pair in operands.chunks_exact(2) {
            if let [Operand::Str(lo), Operand::Str(hi)] = pair {
                self.add(lo, hi);
            }
        }
    }

    fn add(&mut self, lo: &[u8], hi: &[u8]) {
        let len = lo.len();
        if len == 0 || len > 4 || hi.len() != len {
            return;
        }
        let mut l = [0u8; 4];
        let mut h = [0u8; 4];
        for (i, (a, b)) in lo.iter().zip(hi).enumerate() {
            if let (Some(x), Some(y)) = (l.get_mut(i), h.get_mut(i)) {
                *x = *a;
                *y = *b;
            }
        }
        self.ranges.push((len, l, h));
    }

    /// The next code at the start of `bytes`: (code value, bytes used). Never returns 0 bytes
    /// for a non-empty input: an unmatched byte sequence takes the shortest range's length.
    pub fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        for &(len, lo, hi) in &self.ranges {
            let Some(candidate) = bytes.get(..len) else {
                continue;
            };
            let inside = candidate
                .iter()
                .enumerate()
                .all(|(i, b)| lo.get(i) <= Some(b) && Some(b) <= hi.get(i));
            if inside {
                return (code_value(candidate), len);
            }
        }
        let shortest = self.ranges.iter().map(|r| r.0).min().unwrap_or(1);
        let len = shortest.clamp(1, bytes.len().max(1));
        (code_value(bytes.get(..len).unwrap_or(bytes)), len)
    }
}

fn code_value(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

/// A code → Unicode map from a `/ToUnicode` stream.
#[derive(Clone, Debug, Default)]
pub struct ToUnicode {
    pub codespace: Codespace,
    chars: HashMap<u32, Box<str>>,
    /// Ranges whose destination increments: first destination.
    ranges: Ranges<Vec<u16>>,
}

impl ToUnicode {
    pub fn parse(data: &[u8]) -> ToUnicode {
        let mut map = ToUnicode::default();
        let mut lexer = Lexer::new(data).with_max_operands(MAX_SECTION_OPERANDS);
        let mut operands = Vec::new();
        while let Some(op) = lexer.next_operation(&mut operands) {
            match op {
                b"endcodespacerange" => map.codespace.add_ranges(&operands),
                b"endbfchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Operand::Str(src), dst] = pair
                            && let Some(text) = destination(dst)
                        {
                            map.chars.insert(code_value(src), text.into());
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in operands.chunks_exact(3) {
                        if let [Operand::Str(lo), Operand::Str(hi), dst] = triple {
                            map.add_range(code_value(lo), code_value(hi), dst);
                        }
                    }
                }
                _ => {}
            }
        }
        map.ranges.sort();
        map
    }

    fn add_range(&mut self, lo: u32, hi: u32, dst: &Operand<'_>) {
        // Broken ranges are tolerated: a reversed range is taken the right way round,
        // an oversized one is cut.
        let (lo, hi) = if hi < lo { (hi, lo) } else { (lo, hi) };
        let hi = hi.min(lo.saturating_add(MAX_RANGE_SPAN - 1));
        match dst {
            Operand::Str(bytes) => {
                if let Some(units) = big_endian(utf16_units(bytes)) {
                    self.ranges.push(lo, hi, units);
                }
            }
            Operand::Array(items) => {
                for (code, item) in (lo..=hi).zip(items) {
                    if let Some(text) = destination(item) {
                        self.chars.insert(code, text.into());
                    }
                }
            }
            _ => {}
        }
    }

    /// The Unicode text of a code, if the map has it. A destination of U+0000, U+FFFD (the
    /// producer did not know the glyph either: cairo writes it so) or an unpaired surrogate is
    /// treated as absent.
    pub fn get(&self, code: u32) -> Option<String> {
        if let Some(text) = self.chars.get(&code) {
            return Some(text.to_string());
        }
        let (lo, first) = self.ranges.find(code)?;
        let mut units = first.clone();
        let offset = code - lo;
        let last = units.last_mut()?;
        // The last unit increments (§9.10.3); carry into a surrogate pair is not handled.
        *last = u16::try_from(u32::from(*last) + offset).ok()?;
        decode_utf16(&units)
    }

    /// Whether the map has a code: `get(code).is_some()`, without making the text.
    pub fn has(&self, code: u32) -> bool {
        if self.chars.contains_key(&code) {
            return true;
        }
        let Some((lo, first)) = self.ranges.find(code) else {
            return false;
        };
        let Some((&last, rest)) = first.split_last() else {
            return false;
        };
        let Ok(last) = u16::try_from(u32::from(last) + (code - lo)) else {
            return false;
        };
        // As `decode_utf16`: no unpaired surrogate, and a character other than U+0000 and
        // U+FFFD.
        let mut named = false;
        for c in char::decode_utf16(rest.iter().copied().chain([last])) {
            match c {
                Ok(c) => named |= c != '\0' && c != '\u{FFFD}',
                Err(_) => return false,
            }
        }
        named
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// Whether two codes of the map (of its first `limit`) claim one character that
    /// `counts` (a cheap first look, before [`ToUnicode::single_chars`]).
    pub fn claims_twice(&self, limit: usize, counts: impl Fn(char) -> bool) -> bool {
        let mut claims: Vec<(char, u32)> = (self.claimed_chars().take(limit))
            .filter(|&(c, _)| counts(c))
            .collect();
        claims.sort_unstable();
        claims.dedup();
        claims.windows(2).any(|w| matches!(w, [a, b] if a.0 == b.0))
    }

    /// Whether a code of the map (of its first `limit`) claims a character that `counts`.
    pub fn claims_any(&self, limit: usize, counts: impl Fn(char) -> bool) -> bool {
        (self.claimed_chars().take(limit)).any(|(c, _)| counts(c))
    }

    /// Each code the map gives one character, with that character: the single-character
    /// destinations, then the ranges' codes.
    fn claimed_chars(&self) -> impl Iterator<Item = (char, u32)> + '_ {
        let chars =
            (self.chars.iter()).filter_map(|(&code, text)| Some((single_char(text)?, code)));
        let ranged = (self.ranges.items.iter()).flat_map(|(lo, hi, _, units)| {
            let first = match units.as_slice() {
                &[unit] => Some(u32::from(unit)),
                _ => None,
            };
            (*lo..=*hi).map_while(move |code| {
                let c = char::from_u32(first? + (code - lo))?;
                Some((c, code))
            })
        });
        chars.chain(ranged)
    }

    /// Every code the map gives one character, with that character (at most `limit` codes,
    /// in no particular order).
    pub fn single_chars(&self, limit: usize) -> Vec<(u32, char)> {
        let ranged = (self.ranges.items.iter()).flat_map(|&(lo, hi, ..)| lo..=hi);
        let mut codes: Vec<u32> = self
            .chars
            .keys()
            .copied()
            .chain(ranged)
            .take(limit)
            .collect();
        codes.sort_unstable();
        codes.dedup();
        (codes.into_iter())
            .filter_map(|code| Some((code, single_char(&self.get(code)?)?)))
            .collect()
    }
}

/// The character of a text of one character.
fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn destination(operand: &Operand<'_>) -> Option<String> {
    match operand {
        Operand::Str(bytes) => decode_utf16(&big_endian(utf16_units(bytes))?),
        // `/name` destinations appear in broken CMaps; a glyph name is the best reading.
        Operand::Name(name) => {
            crate::tables::glyph_unicode(&String::from_utf8_lossy(name)).map(|t| t.to_string())
        }
        _ => None,
    }
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() == 1 {
        // A one-byte destination is a Latin-1 code in broken CMaps.
        return vec![u16::from(bytes.first().copied().unwrap_or(0))];
    }
    bytes
        .chunks(2)
        .map(|c| {
            u16::from_be_bytes([
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ])
        })
        .collect()
}

/// `units` as meant. Ghostscript (10.0) writes the destinations of ligatures
/// little-endian, `fl` as `<66006C00>` (read as written: `昀氀`), and a three-letter
/// ligature with its last two letters summed into one unit (`ffi` as `<6600CF00>`, 0x66 +
/// 0x69). Two or more units each with a zero low byte, the first a letter in its high
/// byte, are that mistake: letters in every unit are swapped back, and a sum is read as a
/// three-letter ligature (`doubled_ligature`); otherwise nothing says what the glyph is,
/// and the destination is taken as absent (the font program may name the glyph). No font
/// has a glyph for two CJK ideographs that each end in `00`.
fn big_endian(units: Vec<u16>) -> Option<Vec<u16>> {
    let high = |u: &u16| u.to_be_bytes()[0];
    let little_endian = units.len() >= 2
        && units.iter().all(|u| u.to_be_bytes()[1] == 0)
        && units
            .first()
            .map(high)
            .is_some_and(|b| b.is_ascii_alphabetic());
    if !little_endian {
        return Some(units);
    }
    if units.iter().all(|u| high(u).is_ascii_alphabetic()) {
        return Some(units.iter().map(|u| u16::from(high(u))).collect());
    }
    match units.as_slice() {
        [first, sum] => doubled_ligature(high(first), high(sum)),
        _ => None,
    }
}

/// The three-letter ligature whose second and third letters Ghostscript summed: every
/// three-letter Latin ligature fonts carry doubles its first letter (`ffi`, `ffl`, `ffb`,
/// `ffh`, `ffj`, `ffk`, `fft`, `tti`, `ttf`), so the third is the sum less the first, and
/// must be a letter such ligatures end in; any other sum stays unknown.
fn doubled_ligature(first: u8, sum: u8) -> Option<Vec<u16>> {
    let third = sum.checked_sub(first)?;
    (matches!(first, b'f' | b't') && b"bfhijklt".contains(&third))
        .then(|| [first, first, third].map(u16::from).to_vec())
}

fn decode_utf16(units: &[u16]) -> Option<String> {
    let text: String = char::decode_utf16(units.iter().copied())
        .collect::<Result<_, _>>()
        .ok()?;
    if text.is_empty() || text.chars().all(|c| c == '\0' || c == '\u{FFFD}') {
        return None;
    }
    let text = text.replace('\0', "");
    let odd = |c: char| is_c1_control(c) || canonical_singleton(c).is_some();
    Some(match text.chars().any(odd) {
        true => (text.chars())
            .map(|c| canonical_singleton(c).unwrap_or_else(|| windows_for_c1(c)))
            .collect(),
        false => text,
    })
}

/// The character Unicode's canonical form (NFC) writes for one of the characters it
/// replaces by another: mutool's rewrite of a Word letter maps Verdana's semicolon to the
/// Greek question mark U+037E, which is `;` in every normalised text.
fn canonical_singleton(c: char) -> Option<char> {
    Some(match c {
        '\u{037E}' => ';',
        '\u{0387}' => '\u{B7}',
        '\u{1FEF}' => '`',
        '\u{1FFD}' => '\u{B4}',
        '\u{2000}' => '\u{2002}',
        '\u{2001}' => '\u{2003}',
        '\u{2126}' => '\u{3A9}',
        '\u{212A}' => 'K',
        '\u{212B}' => '\u{C5}',
        _ => return None,
    })
}

fn is_c1_control(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
}

/// A C1 control as the Windows character of its code: a map that passes Windows' codes
/// through as Unicode (cairo's rewrite of a Word file maps its quotes to U+0093 and U+0094)
/// means `“` and `”`, as a browser reads such text; no text holds a C1 control.
fn windows_for_c1(c: char) -> char {
    u8::try_from(u32::from(c))
        .ok()
        .filter(|_| is_c1_control(c))
        // Codes Windows leaves unused (which the PDF encoding draws as bullets).
        .filter(|code| !matches!(code, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
        .and_then(super::windows_code_text)
        .and_then(|text| text.chars().next())
        .unwrap_or(c)
}

/// Code ranges with a value each, sorted for binary search. Where ranges overlap, the one
/// defined last wins, as later definitions do in a CMap.
#[derive(Clone, Debug)]
struct Ranges<T> {
    /// (lo, hi, definition order, value), sorted by lo once parsing is done.
    items: Vec<(u32, u32, usize, T)>,
    /// For each position, the largest `hi` at or before it: how far back a range may reach.
    reach: Vec<u32>,
}

impl<T> Default for Ranges<T> {
    fn default() -> Self {
        Ranges {
            items: Vec::new(),
            reach: Vec::new(),
        }
    }
}

/// Ranges looked at before a code, at most, when ranges overlap pathologically.
const MAX_OVERLAP_SCAN: usize = 64;

impl<T> Ranges<T> {
    fn push(&mut self, lo: u32, hi: u32, value: T) {
        let order = self.items.len();
        self.items.push((lo, hi, order, value));
    }

    fn sort(&mut self) {
        self.items.sort_by_key(|r| (r.0, r.2));
        let mut max = 0;
        self.reach = self
            .items
            .iter()
            .map(|r| {
                max = max.max(r.1);
                max
            })
            .collect();
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The range holding `code` (the latest defined among overlapping ones): (lo, value).
    fn find(&self, code: u32) -> Option<(u32, &T)> {
        let end = self.items.partition_point(|r| r.0 <= code);
        let mut best: Option<&(u32, u32, usize, T)> = None;
        for i in (0..end).rev().take(MAX_OVERLAP_SCAN) {
            if self.reach.get(i).is_some_and(|&reach| reach < code) {
                break;
            }
            if let Some(r) = self.items.get(i).filter(|r| code <= r.1)
                && best.is_none_or(|b| r.2 > b.2)
            {
                best = Some(r);
            }
        }
        best.map(|r| (r.0, &r.3))
    }
}

/// A code → CID map from a CMap used as a composite font's `/Encoding`.
#[derive(Clone, Debug, Default)]
pub struct CidMap {
    pub codespace: Codespace,
    chars: HashMap<u32, u32>,
    ranges: Ranges<u32>,
}

impl CidMap {
    pub fn parse(data: &[u8]) -> CidMap {
        let mut map = CidMap::default();
        let mut lexer = Lexer::new(data).with_max_operands(MAX_SECTION_OPERANDS);
        let mut operands = Vec::new();
        while let Some(op) = lexer.next_operation(&mut operands) {
            match op {
                b"endcodespacerange" => map.codespace.add_ranges(&operands),
                b"endcidchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Operand::Str(src), Operand::Number(cid)] = pair {
                            map.chars.insert(code_value(src), *cid as u32);
                        }
                    }
                }
                b"endcidrange" => {
                    for triple in operands.chunks_exact(3) {
                        if let [Operand::Str(lo), Operand::Str(hi), Operand::Number(cid)] = triple {
                            map.ranges.push(code_value(lo), code_value(hi), *cid as u32);
                        }
                    }
                }
                _ => {}
            }
        }
        map.ranges.sort();
        map
    }

    pub fn cid(&self, code: u32) -> Option<u32> {
        if let Some(&cid) = self.chars.get(&code) {
            return Some(cid);
        }
        let (lo, first) = self.ranges.find(code)?;
        Some(first + (code - lo))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
        2 beginbfrange <0024> <0026> <0041>
        <0030> <0032> [<0066> <D835DC00> <0000>] endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end";

    /// `has` answers as `get(code).is_some()` does: codes in and out of ranges, a range
    /// running into a surrogate, onto U+FFFD and past U+FFFF, destinations of U+0000.
    #[test]
    fn has_is_get_without_the_text() {
        let map = ToUnicode::parse(
            b"4 beginbfrange <0100> <0110> <D7FA> <0200> <0204> <FFFB> \
              <0300> <0302> <00000000> <0400> <0402> <D835DC00> endbfrange \
              2 beginbfchar <0005> <0000> <0006> <0041> endbfchar",
        );
        for code in (0..0x500).chain([0xFFFF, 0x1_0000]) {
            assert_eq!(map.has(code), map.get(code).is_some(), "code {code:#x}");
        }
        assert!(map.has(0x100) && !map.has(0x10F) && !map.has(0x202) && map.has(0x6));
    }

    #[test]
    fn bfchar_bfrange_and_arrays() {
        let map = ToUnicode::parse(CMAP);
        assert_eq!(map.get(0x03).as_deref(), Some(" "));
        assert_eq!(map.get(0x11).as_deref(), Some("fi"));
        assert_eq!(map.get(0x25).as_deref(), Some("B"));
        assert_eq!(map.get(0x30).as_deref(), Some("f"));
        assert_eq!(map.get(0x31).as_deref(), Some("\u{1D400}"));
        assert_eq!(map.get(0x32), None);
        assert_eq!(map.get(0x27), None);
        assert_eq!(map.codespace.next_code(&[0, 0x24, 9]), (0x24, 2));
    }

    #[test]
    fn c1_controls_are_windows_codes_and_singletons_their_canonical_characters() {
        let map = ToUnicode::parse(
            b"1 begincodespacerange <00> <FF> endcodespacerange \
              4 beginbfchar <01> <0093> <02> <0094> <03> <0081> <04> <037E> endbfchar \
              1 beginbfrange <10> <11> <0096> endbfrange",
        );
        assert_eq!(map.get(0x01).as_deref(), Some("\u{201C}"));
        assert_eq!(map.get(0x02).as_deref(), Some("\u{201D}"));
        assert_eq!(map.get(0x10).as_deref(), Some("\u{2013}"));
        assert_eq!(map.get(0x11).as_deref(), Some("\u{2014}"));
        assert_eq!(map.get(0x04).as_deref(), Some(";"));
        // Windows has no character at 0x81: left as it is.
        assert_eq!(map.get(0x03).as_deref(), Some("\u{81}"));
    }

    #[test]
    fn mixed_length_codespace() {
        let map = CidMap::parse(b"2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange 1 begincidrange <8140> <817e> 633 endcidrange");
        assert_eq!(map.codespace.next_code(&[0x41, 0x81, 0x40]), (0x41, 1));
        assert_eq!(map.codespace.next_code(&[0x81, 0x41]), (0x8141, 2));
        assert_eq!(map.cid(0x8141), Some(634));
        // An unmatched byte still advances.
        assert_eq!(map.codespace.next_code(&[0xFF]).1, 1);
    }

    #[test]
    fn long_sections_stay_aligned() {
        // 200 one-code ranges and 300 chars in one section each, as Ghostscript writes
        // (more operands than a content-stream operator ever takes).
        let mut text = String::from("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        text.push_str("200 beginbfrange\n");
        for code in 0..200u32 {
            text.push_str(&format!(
                "<{code:04x}><{code:04x}><{:04x}>\n",
                0x4E00 + code
            ));
        }
        text.push_str("endbfrange\n300 beginbfchar\n");
        for code in 1000..1300u32 {
            text.push_str(&format!("<{code:04x}> <{:04x}>\n", 0x0400 + code - 1000));
        }
        text.push_str("endbfchar\n");
        let map = ToUnicode::parse(text.as_bytes());
        for code in 0..200u32 {
            assert_eq!(
                map.get(code),
                char::from_u32(0x4E00 + code).map(String::from)
            );
        }
        for code in 1000..1300u32 {
            assert_eq!(
                map.get(code),
                char::from_u32(0x0400 + code - 1000).map(String::from)
            );
        }
    }

    #[test]
    fn little_endian_ligatures_are_read_as_meant() {
        let map = ToUnicode::parse(
            b"1 begincodespacerange <00> <FF> endcodespacerange\n\
              3 beginbfchar <1d> <74007400> <2c> <66006c00> <30> <6600> endbfchar\n\
              4 beginbfrange <47> <47> <66007400> <5e> <5e> <6600cf00>\n\
              <5f> <5f> <7400dd00> <60> <60> <6600dd00> endbfrange",
        );
        assert_eq!(map.get(0x1d).as_deref(), Some("tt"));
        assert_eq!(map.get(0x2c).as_deref(), Some("fl"));
        // As Ghostscript writes them: ranges of one code.
        assert_eq!(map.get(0x47).as_deref(), Some("ft"));
        // `ffi` with its `fi` summed, and `tti`: not `昀케`.
        assert_eq!(map.get(0x5e).as_deref(), Some("ffi"));
        assert_eq!(map.get(0x5f).as_deref(), Some("tti"));
        // A sum no doubled ligature makes stays unknown (`f` + `w`).
        assert_eq!(map.get(0x60), None);
        // One unit alone is what it says (U+6600).
        assert_eq!(map.get(0x30).as_deref(), Some("\u{6600}"));
    }

    #[test]
    fn broken_ranges_are_tolerated() {
        let map = ToUnicode::parse(b"beginbfrange <10> <05> <0061> endbfrange");
        assert_eq!(map.get(0x06).as_deref(), Some("b"));
        let map = ToUnicode::parse(b"beginbfrange <00> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(map.get(0x01).as_deref(), Some("B"));
        assert_eq!(map.get(0x1_0000), None);
    }
}
