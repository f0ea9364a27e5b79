//! Glyphs read by their outlines where the `/ToUnicode` map's claim cannot be true.
//!
//! Ghostscript, rewriting the TrueType subsets of Chromium, wkhtmltopdf or FOP, writes maps
//! that give the quote glyphs the digits `8` and `9`, the en dash a `3` and the `fl`
//! ligature a `ý` (pdftotext and mutool print `8NAVO20309` and `reýectie`). The program
//! itself says otherwise: a glyph a third as high as the font's figures, floating above
//! the baseline, is no digit and no letter; a `ý` that does not reach below the baseline,
//! where the font's other descenders do, is no `ý`. Such a glyph is read by its shape
//! where the shape is a sign's (a quote: one or two marks high on the line; a dash: one
//! flat bar), and is unmapped otherwise (the parser may read it by the word lists).
//!
//! Looked at only where the map claims one letter or digit for two glyphs, as those maps
//! do, and the font is a TrueType program (whose glyph headers give each glyph's box).

use rustc_hash::FxHashMap;

use lopdf::Dictionary;

use super::cmap::{CidMap, ToUnicode};
use super::sfnt::{GlyphBox, Sfnt};
use super::stream_data;
use crate::budget::Source;
use crate::objects::{get_dict, get_stream};

/// Codes of a map looked at, at most.
const MAX_CLAIMS: usize = 8192;
/// A letter or digit is at least this share of the height of the font's figures and
/// capitals (a lower-case `o` about 0.75, a superior figure 0.55; a quote 0.35, a dash 0.1).
const MIN_LETTER_HEIGHT: f32 = 0.45;
/// Letters that reach below the baseline in a Latin font.
const DESCENDERS: &str = "gjpqyýÿþ";

/// What a glyph whose claim its outline contradicts reads as.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    /// A sign its shape tells.
    Sign(&'static str),
    /// Nothing the program tells: an unmapped glyph.
    Unknown,
}

/// Whether the map's claims are worth checking: it gives one ASCII character or Latin
/// letter to two codes, or a control character (which no glyph draws) to one, as
/// Ghostscript's rewrite of a Qt subset does (a tab for the space, and `"` for the bullet).
/// (Checking every map that claims a straight quote as well would read such a bullet
/// without the tab, but costs 4 % more instructions on the 33 of the 364 files whose
/// faces claim one, none of them contradicted.)
pub fn worth_checking(map: &ToUnicode) -> bool {
    map.claims_twice(MAX_CLAIMS, |c| c.is_ascii_graphic() || latin_letter(c))
        || map.claims_any(MAX_CLAIMS, char::is_control)
}

/// A letter of the Latin alphabets (ASCII and the Latin-1 Supplement and Extended blocks).
fn latin_letter(c: char) -> bool {
    // The block first: `is_alphabetic` is slow outside ASCII (a CJK map's thousands of codes).
    c.is_ascii_alphabetic() || (('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic())
}

/// A character whose place on the line is known well enough to contradict: digits and
/// Latin letters stand on the baseline; `<`, `=`, `>` and `+` lie about the middle of the
/// figures; straight quotes hang high.
fn checkable(c: char) -> bool {
    c.is_ascii_digit() || latin_letter(c) || "<=>+\"'".contains(c)
}

/// The codes whose claim the embedded TrueType program of `cid_font` contradicts, with what
/// they read as instead. Empty when there is no such program or nothing to contradict.
pub fn contradicted_claims(
    doc: &Source<'_>,
    cid_font: &Dictionary,
    map: &ToUnicode,
    cids: Option<&CidMap>,
) -> FxHashMap<u32, Reading> {
    let program = get_dict(doc, cid_font, b"FontDescriptor")
        .and_then(|d| get_stream(doc, d, b"FontFile2"))
        .and_then(|s| stream_data(doc, s).ok());
    let Some(data) = program else {
        return FxHashMap::default();
    };
    let Some(sfnt) = Sfnt::parse(&data) else {
        return FxHashMap::default();
    };
    let Ok(cid_to_gid) = super::program::cid_to_gid(doc, cid_font).transpose() else {
        return FxHashMap::default();
    };
    let gid_of = |code: u32| {
        let cid = match cids {
            Some(map) => map.cid(code)?,
            None => code,
        };
        match &cid_to_gid {
            Some(map) => map.get(usize::try_from(cid).ok()?).copied(),
            None => u16::try_from(cid).ok(),
        }
    };
    let claims: Vec<Claim> = (map.single_chars(MAX_CLAIMS).into_iter())
        .filter(|&(_, c)| checkable(c))
        .filter_map(|(code, c)| {
            let gid = gid_of(code)?;
            let shape = sfnt.glyph_box(gid).filter(|b| b.contours != 0)?;
            let advance = sfnt.advance(gid).map(f32::from);
            Some(Claim {
                code,
                c,
                gid,
                shape,
                advance,
            })
        })
        .collect();
    match sfnt.units_per_em() {
        Some(em) => read_contradicted(&claims, em, |gid| sfnt.ink_height(gid)),
        None => FxHashMap::default(),
    }
}

/// One code's claim: the character the map gives it, and the glyph it draws.
#[derive(Clone, Copy, Debug)]
struct Claim {
    code: u32,
    c: char,
    gid: u16,
    shape: GlyphBox,
    /// The glyph's advance in font units.
    advance: Option<f32>,
}

/// The claims among `claims` that their glyphs' shapes contradict, read by those shapes.
/// `em` is the program's em in font units; `ink_height` where a glyph's ink lies
/// ([`Sfnt::ink_height`]).
fn read_contradicted(
    claims: &[Claim],
    em: f32,
    ink_height: impl Fn(u16) -> Option<f32>,
) -> FxHashMap<u32, Reading> {
    let mut readings = FxHashMap::default();
    // The height of figures and capitals standing on the baseline, by the median claim.
    let mut heights: Vec<f32> = (claims.iter())
        .filter(|k| k.c.is_ascii_digit() || k.c.is_ascii_uppercase())
        .filter(|k| k.shape.y_min.abs() <= 0.05 * em)
        .map(|k| k.shape.y_max - k.shape.y_min)
        .collect();
    if heights.len() < 3 {
        return readings;
    }
    heights.sort_by(f32::total_cmp);
    let Some(&figure) = heights.get(heights.len() / 2) else {
        return readings;
    };
    let descending = |k: &Claim| DESCENDERS.contains(k.c) && k.shape.y_min < -0.1 * em;
    let mut descenders: Vec<char> = claims
        .iter()
        .filter(|k| descending(k))
        .map(|k| k.c)
        .collect();
    descenders.sort_unstable();
    descenders.dedup();
    // Each character's first claim, where a letter's base is looked up.
    let mut first: FxHashMap<char, &Claim> = FxHashMap::default();
    for k in claims {
        first.entry(k.c).or_insert(k);
    }
    let mut quotes = Vec::new();
    for k in claims {
        let b = &k.shape;
        let height = b.y_max - b.y_min;
        let short = height < MIN_LETTER_HEIGHT * figure;
        let contradicted = if k.c.is_alphanumeric() {
            // A descender that stands on the baseline, where two others go below it.
            let undescended = DESCENDERS.contains(k.c)
                && b.y_min >= 0.0
                && descenders.iter().filter(|&&d| d != k.c).count() >= 2;
            short || undescended || misfits_its_base(k, &first, em)
        } else if "\"'".contains(k.c) {
            b.y_min < 0.3 * figure
        } else {
            b.y_min >= 0.5 * figure || b.y_max <= 0.3 * figure
        };
        if !contradicted {
            continue;
        }
        let mark = short && matches!(b.contours, 1 | 2);
        let width = b.x_max - b.x_min;
        let reading = if mark && b.y_min >= 0.5 * figure {
            quotes.push(*k);
            Reading::Unknown
        } else if mark && b.contours == 2 && b.y_max <= 0.3 * figure {
            Reading::Sign("\u{201E}")
        } else if short && b.contours == 1 && height < 0.15 * figure && b.y_min > 0.1 * figure {
            Reading::Sign(dash(width / em))
        } else if short
            && b.contours == 1
            && b.y_min > 0.1 * figure
            && (0.7 * height..=1.4 * height).contains(&width)
        {
            Reading::Sign("\u{2022}")
        } else {
            Reading::Unknown
        };
        readings.insert(k.code, reading);
    }
    for (code, sign) in read_quotes(&quotes, ink_height) {
        readings.insert(code, Reading::Sign(sign));
    }
    readings
}

/// Whether a letter with a diacritic is drawn unlike the letter it is built on, where the
/// map claims that one too: the accent goes over or under the base, so the glyph moves the
/// pen as far (within 0.02 em) and starts no further left (0.05 em). Not for `i`, whose
/// accents are often wider than its stem (Arial's `ï`).
fn misfits_its_base(k: &Claim, first: &FxHashMap<char, &Claim>, em: f32) -> bool {
    let Some(base) = base_letter(k.c).filter(|b| !matches!(b, 'i' | 'I')) else {
        return false;
    };
    let Some(b) = first.get(&base) else {
        return false;
    };
    let wider = matches!((k.advance, b.advance), (Some(x), Some(y)) if (x - y).abs() > 0.02 * em);
    wider || k.shape.x_min < b.shape.x_min - 0.05 * em
}

/// The ASCII letter a Latin-1 letter with a diacritic is built on (`é` on `e`).
fn base_letter(c: char) -> Option<char> {
    // U+00C0 to U+00FF; `_` where the letter is no ASCII letter with a mark.
    const BASES: &str = "AAAAAA_CEEEEIIII_NOOOOO__UUUUY__aaaaaa_ceeeeiiii_nooooo__uuuuy_y";
    let at = u32::from(c).checked_sub(0xC0)?;
    BASES
        .chars()
        .nth(usize::try_from(at).ok()?)
        .filter(|&b| b != '_')
}

/// A dash by its length in ems: a hyphen, an en dash or an em dash.
fn dash(length: f32) -> &'static str {
    match length {
        l if l < 0.4 => "-",
        l if l < 0.75 => "\u{2013}",
        _ => "\u{2014}",
    }
}

/// Quotes by their shapes: one mark is a single quote, two a double one. Where a font has
/// two glyphs of a kind, the one whose ink lies lower (the `6` shape) opens; otherwise, and
/// where the two look alike, each closes (the apostrophe's shape, and the safer reading).
fn read_quotes(
    quotes: &[Claim],
    ink_height: impl Fn(u16) -> Option<f32>,
) -> Vec<(u32, &'static str)> {
    let mut out = Vec::new();
    for (marks, open, close) in [(1, "\u{2018}", "\u{2019}"), (2, "\u{201C}", "\u{201D}")] {
        let kind: Vec<&Claim> = quotes
            .iter()
            .filter(|k| k.shape.contours == marks)
            .collect();
        let mut glyphs: Vec<u16> = kind.iter().map(|k| k.gid).collect();
        glyphs.sort_unstable();
        glyphs.dedup();
        let opening = match glyphs.as_slice() {
            &[a, b] => match (ink_height(a), ink_height(b)) {
                (Some(ha), Some(hb)) if (ha - hb).abs() >= 0.03 => {
                    Some(if ha < hb { a } else { b })
                }
                _ => None,
            },
            _ => None,
        };
        for k in kind {
            out.push((k.code, if Some(k.gid) == opening { open } else { close }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(code: u32, c: char, gid: u16, contours: i16, x: (f32, f32), y: (f32, f32)) -> Claim {
        let shape = GlyphBox {
            contours,
            x_min: x.0,
            y_min: y.0,
            x_max: x.1,
            y_max: y.1,
        };
        Claim {
            code,
            c,
            gid,
            shape,
            advance: None,
        }
    }

    /// DejaVu Sans as Ghostscript's rewrite of a Chromium subset maps it (2048 units).
    fn dejavu() -> Vec<Claim> {
        vec![
            claim(0x13, '0', 19, 2, (135.0, 1167.0), (-29.0, 1520.0)),
            claim(0x15, '2', 21, 1, (150.0, 1124.0), (0.0, 1520.0)),
            claim(0x1b, '8', 27, 3, (139.0, 1163.0), (-29.0, 1520.0)),
            claim(0x24, 'A', 36, 1, (16.0, 1384.0), (0.0, 1493.0)),
            claim(0x4a, 'g', 74, 2, (113.0, 1059.0), (-426.0, 1116.0)),
            claim(0x53, 'p', 83, 2, (186.0, 1133.0), (-426.0, 1116.0)),
            claim(0x5c, 'y', 92, 1, (61.0, 1141.0), (-426.0, 1094.0)),
            claim(0x51, 'n', 81, 1, (186.0, 1124.0), (0.0, 1116.0)),
            // The map's errors: quotes as `8` and `9`, an en dash as `3`, `fl` as `ý`.
            claim(0xafb, '8', 2811, 1, (174.0, 467.0), (1001.0, 1493.0)),
            claim(0xafc, '9', 2812, 1, (178.0, 471.0), (1022.0, 1493.0)),
            claim(0x32, '3', 50, 1, (0.0, 1024.0), (492.0, 635.0)),
            claim(0x13b3, 'ý', 5043, 1, (47.0, 1145.0), (0.0, 1556.0)),
        ]
    }

    #[test]
    fn claims_the_outline_contradicts_are_read_by_their_shapes() {
        // The opening quote's ink lies lower than the closing one's.
        let ink = |gid| Some(if gid == 2811 { 0.45 } else { 0.55 });
        let readings = read_contradicted(&dejavu(), 2048.0, ink);
        assert_eq!(readings.get(&0xafb), Some(&Reading::Sign("\u{2018}")));
        assert_eq!(readings.get(&0xafc), Some(&Reading::Sign("\u{2019}")));
        assert_eq!(readings.get(&0x32), Some(&Reading::Sign("\u{2013}")));
        assert_eq!(readings.get(&0x13b3), Some(&Reading::Unknown));
        // The true digits, letters and descenders keep their claims.
        assert_eq!(readings.len(), 4, "{readings:?}");
    }

    #[test]
    fn signs_claimed_where_they_cannot_stand_are_read_by_their_shapes() {
        let mut claims = dejavu();
        claims.extend([
            // `„` claimed as `>`, `”` as `=`: two marks low on the line, two high on it.
            claim(0x2d, '>', 2818, 2, (127.0, 580.0), (-246.0, 246.0)),
            claim(0x2f, '=', 2816, 2, (174.0, 877.0), (1001.0, 1493.0)),
            // A bullet claimed as `"`: one round mark in the middle of the line.
            claim(0x41, '"', 2000, 1, (150.0, 560.0), (420.0, 830.0)),
            // True signs keep their claims.
            claim(0x1f, '=', 32, 2, (170.0, 1546.0), (524.0, 1000.0)),
            claim(0x05, '"', 5, 2, (158.0, 571.0), (983.0, 1493.0)),
        ]);
        let readings = read_contradicted(&claims, 2048.0, |_| None);
        assert_eq!(readings.get(&0x2d), Some(&Reading::Sign("\u{201E}")));
        assert_eq!(readings.get(&0x2f), Some(&Reading::Sign("\u{201D}")));
        assert_eq!(readings.get(&0x41), Some(&Reading::Sign("\u{2022}")));
        assert_eq!(readings.get(&0x1f), None);
        assert_eq!(readings.get(&0x05), None);
    }

    #[test]
    fn maps_that_claim_a_character_twice_or_a_control_character_are_checked() {
        let map = |pairs: &str| {
            let body = format!("1 beginbfchar\n{pairs}\nendbfchar");
            ToUnicode::parse(body.as_bytes())
        };
        assert!(!worth_checking(&map("<0024> <0041>\n<0025> <0042>")));
        assert!(worth_checking(&map("<0024> <0041>\n<0025> <0041>")));
        assert!(worth_checking(&map("<0002> <0009>")));
        assert!(!worth_checking(&map("<0041> <0022>")));
    }

    #[test]
    fn accented_letters_are_as_wide_as_their_bases() {
        let mut claims = dejavu();
        let mut u = claim(0x58, 'u', 88, 2, (174.0, 1112.0), (-29.0, 1147.0));
        u.advance = Some(1298.0);
        // `ü` as wide as `u`, its dots over it: a `ü`; the `ff` ligature claimed as `û`: not.
        let mut umlaut = claim(0xbc, 'ü', 188, 3, (174.0, 1112.0), (-29.0, 1556.0));
        umlaut.advance = Some(1298.0);
        let mut ff = claim(0x13b1, 'û', 5041, 1, (47.0, 1450.0), (0.0, 1556.0));
        ff.advance = Some(1411.0);
        claims.extend([u, umlaut, ff]);
        let readings = read_contradicted(&claims, 2048.0, |_| None);
        assert_eq!(readings.get(&0xbc), None);
        assert_eq!(readings.get(&0x13b1), Some(&Reading::Unknown));
    }

    #[test]
    fn quotes_that_look_alike_close() {
        let readings = read_contradicted(&dejavu(), 2048.0, |_| Some(0.5));
        assert_eq!(readings.get(&0xafb), Some(&Reading::Sign("\u{2019}")));
        assert_eq!(readings.get(&0xafc), Some(&Reading::Sign("\u{2019}")));
    }

    #[test]
    fn a_font_that_draws_every_glyph_alike_contradicts_nothing() {
        // OCR text layers draw one box for every character (Tesseract's GlyphLessFont).
        let boxes: Vec<Claim> = "0123ABgpyý-"
            .chars()
            .enumerate()
            .map(|(i, c)| claim(i as u32, c, 1, 1, (0.0, 500.0), (0.0, 1000.0)))
            .collect();
        assert!(read_contradicted(&boxes, 1000.0, |_| None).is_empty());
    }
}
