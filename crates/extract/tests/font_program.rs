//! Text from the embedded font program where the font dictionary does not give it, or gives
//! it wrongly: each test writes a tiny TrueType program (only `cmap` and `post`) into a tiny
//! PDF.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{PageSpec, lines, page, strings};
use lopdf::{Dictionary, Object, Stream, dictionary};

/// A TrueType program whose glyph `g` (from 1) is `glyphs[g - 1]`: (its Unicode code point in
/// a (3,1) `cmap`, its code in a (1,0) `cmap`, its `post` name), each optional.
fn truetype(glyphs: &[(Option<u16>, Option<u8>, Option<&str>)]) -> Vec<u8> {
    truetype_with(glyphs, None)
}

/// The same, with a `head` table whose `macStyle` is `mac_style` where given.
fn truetype_with(
    glyphs: &[(Option<u16>, Option<u8>, Option<&str>)],
    mac_style: Option<u16>,
) -> Vec<u8> {
    // (3,1) format 4: one segment per glyph, then the final 0xFFFF segment.
    let mut unicode: Vec<(u16, u16)> = glyphs
        .iter()
        .enumerate()
        .filter_map(|(i, g)| Some((g.0?, i as u16 + 1)))
        .collect();
    unicode.sort_unstable();
    unicode.push((0xFFFF, 0));
    let seg = unicode.len() as u16;
    let mut f4 = Vec::new();
    for v in [4, 16 + 8 * seg, 0, 2 * seg, 0, 0, 0] {
        f4.extend(u16::to_be_bytes(v));
    }
    unicode.iter().for_each(|(c, _)| f4.extend(c.to_be_bytes()));
    f4.extend([0, 0]);
    unicode.iter().for_each(|(c, _)| f4.extend(c.to_be_bytes()));
    let delta = |(c, g): &(u16, u16)| if *c == 0xFFFF { 1 } else { g.wrapping_sub(*c) };
    unicode
        .iter()
        .for_each(|e| f4.extend(delta(e).to_be_bytes()));
    unicode.iter().for_each(|_| f4.extend([0, 0]));
    // (1,0) format 0.
    let mut f0 = vec![0, 0, 1, 6, 0, 0];
    let mut codes = [0u8; 256];
    for (i, g) in glyphs.iter().enumerate() {
        if let Some(code) = g.1 {
            codes[usize::from(code)] = i as u8 + 1;
        }
    }
    f0.extend(codes);
    let mut cmap = vec![0, 0, 0, 2];
    cmap.extend([0, 1, 0, 0]);
    cmap.extend(20u32.to_be_bytes());
    cmap.extend([0, 3, 0, 1]);
    cmap.extend((20 + f0.len() as u32).to_be_bytes());
    cmap.extend(f0);
    cmap.extend(f4);
    // post format 2: custom names after the 258 standard ones.
    let mut post = vec![0, 2, 0, 0];
    post.extend([0; 28]);
    post.extend((glyphs.len() as u16 + 1).to_be_bytes());
    post.extend([0, 0]);
    let mut strings = Vec::new();
    for g in glyphs {
        match g.2 {
            Some(name) => {
                post.extend((258 + strings.len() as u16).to_be_bytes());
                strings.push(name);
            }
            None => post.extend([0, 0]),
        }
    }
    for name in strings {
        post.push(name.len() as u8);
        post.extend(name.as_bytes());
    }
    let mut tables = vec![(b"cmap", cmap), (b"post", post)];
    if let Some(style) = mac_style {
        let mut head = vec![0; 54];
        head[44..46].copy_from_slice(&style.to_be_bytes());
        tables.insert(1, (b"head", head));
    }
    let mut font = vec![0, 1, 0, 0, 0, tables.len() as u8, 0, 0, 0, 0, 0, 0];
    let mut offset = 12 + tables.len() * 16;
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

fn descriptor(flags: i64, program: Vec<u8>) -> Dictionary {
    dictionary! {
        "Type" => "FontDescriptor", "FontName" => "ABCDEF+Demo", "Flags" => flags,
        "ItalicAngle" => 0, "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
        "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
        "FontFile2" => Object::Stream(Stream::new(Dictionary::new(), program)),
    }
}

/// A Type 0 font over Identity-H on `program`, CIDs 1–3 with widths.
fn type0(program: Vec<u8>, to_unicode: Option<Object>) -> Dictionary {
    let descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Demo",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "FontDescriptor" => descriptor(4, program), "DW" => 500, "CIDToGIDMap" => "Identity",
        "W" => vec![1.into(), vec![600.into(), 300.into(), 500.into()].into()],
    };
    let mut font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Demo",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
    };
    if let Some(map) = to_unicode {
        font.set("ToUnicode", map);
    }
    font
}

/// H, i and é: the first two in the Unicode `cmap`, the third named in `post` only.
fn hi_eacute() -> Vec<u8> {
    truetype(&[
        (Some(0x48), None, None),
        (Some(0x69), None, None),
        (None, None, Some("eacute")),
    ])
}

// A ToUnicode map that lacks some codes (here all but the first): the program names the
// others. Before, the program was read only without any map, and they came out as U+FFFD.
#[test]
fn composite_to_unicode_gaps_filled_from_the_program() {
    let map = common::to_unicode(true, "1 beginbfchar <0001> <0048> endbfchar");
    let pdf = common::pdf(vec![
        PageSpec::new("BT /F0 10 Tf 100 700 Td <000100020003> Tj ET")
            .font("F0", type0(hi_eacute(), Some(map))),
    ]);
    assert_eq!(lines(&pdf), strings(&["Hié"]));
    assert_eq!(page(&pdf).unmapped_glyphs, 0);
}

// The map, where it has a code, still wins over the program.
#[test]
fn composite_to_unicode_wins_where_it_maps() {
    let map = common::to_unicode(
        true,
        "1 beginbfrange <0001> <0003> [<0041> <0042> <0043>] endbfrange",
    );
    let pdf = common::pdf(vec![
        PageSpec::new("BT /F0 10 Tf 100 700 Td <000100020003> Tj ET")
            .font("F0", type0(hi_eacute(), Some(map))),
    ]);
    assert_eq!(lines(&pdf), strings(&["ABC"]));
}

// `/ToUnicode /Identity-H` (a name): codes are read as UCS-2 only where the program does not
// name the glyph; here it names all three, whose codes would read as control characters.
#[test]
fn identity_to_unicode_name_after_the_program() {
    let pdf = common::pdf(vec![
        PageSpec::new("BT /F0 10 Tf 100 700 Td <000100020003> Tj ET").font(
            "F0",
            type0(hi_eacute(), Some(Object::Name(b"Identity-H".to_vec()))),
        ),
    ]);
    assert_eq!(lines(&pdf), strings(&["Hié"]));
}

// A simple TrueType font declared WinAnsi whose program lacks the encoding's letters: code
// 0x41 names `A`, but the Unicode `cmap` has no U+0041, so the glyph drawn is the one the
// (1,0) `cmap` gives for code 0x41, which the program calls U+0418 (И). Code 0x42 names `B`,
// which the program does draw: `B`. (A Cyrillic font written as WinAnsi, as libHaru does.)
#[test]
fn simple_truetype_name_the_program_lacks() {
    let program = truetype(&[
        (Some(0x0418), Some(0x41), None),
        (Some(0x42), Some(0x42), None),
    ]);
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Demo",
        "Encoding" => "WinAnsiEncoding", "FirstChar" => 65, "LastChar" => 66,
        "Widths" => vec![600.into(), 600.into()], "FontDescriptor" => descriptor(32, program),
    };
    let pdf = common::pdf(vec![
        PageSpec::new("BT /F0 10 Tf 100 700 Td (AB) Tj ET").font("F0", font),
    ]);
    assert_eq!(lines(&pdf), strings(&["\u{0418}B"]));
}

// An embedded symbolic TrueType font named like a standard font (`Arial` → Helvetica) and
// without `/Encoding`: Standard Encoding's names for its codes are only assumed from the
// name, and the program, whose code `cmap` draws a glyph named `eacute` for code 0x41, wins:
// `é`, not `A`. A code the program does not name keeps the assumed name (0x42: `B`).
#[test]
fn program_wins_over_an_encoding_assumed_from_the_font_name() {
    let program = truetype(&[(None, Some(0x41), Some("eacute")), (None, Some(0x42), None)]);
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Arial",
        "FirstChar" => 65, "LastChar" => 66, "Widths" => vec![600.into(), 600.into()],
        "FontDescriptor" => descriptor(4, program),
    };
    let pdf = common::pdf(vec![
        PageSpec::new("BT /F0 10 Tf 100 700 Td (AB) Tj ET").font("F0", font),
    ]);
    assert_eq!(lines(&pdf), strings(&["éB"]));
}

/// Glyphs whose `/ToUnicode` entries Ghostscript 10.00.0 (`pdfwrite`) rewrote wrongly in
/// `ghostscript-chromium.pdf`: Chromium's `bfrange` entries (`<0AFB> <0AFC> <2018>`, the
/// ligatures at U+FB00…) became one-code ranges whose destination is the sum of the
/// destination's bytes (0x20 + 0x18 = `8`). Its TrueType programs keep no `cmap` and no glyph
/// names; pdftotext and mutool print `8NAVO20309` and `reýectie`. The outlines contradict
/// those claims (`font/shapes.rs`): the quotes are read by their shapes, the ligatures are
/// left unmapped (one U+FFFD each), for the parser's word lists, where a claim of the face
/// is contradicted.
const LIGATURES: &[&str] = &["ffi", "ffl", "ff", "fi", "fl"];

/// What the map says for the ligatures (U+FB00… as U+00FB…): kept in a face where no claim
/// is contradicted (the bold subset, which draws neither `u` nor a quote).
const MAP_LIGATURES: &str = "ûüýþ";

/// Whether `rewritten` is `original` with each ligature as one unmapped glyph, or as the
/// map's letter.
fn as_rewritten(original: &str, rewritten: &str) -> bool {
    let mut rest = original;
    let mut chars = rewritten.chars();
    while !rest.is_empty() {
        let Some(c) = chars.next() else { return false };
        let ligature = LIGATURES.iter().find(|l| rest.starts_with(*l));
        match ligature {
            Some(l) if c == '\u{FFFD}' || MAP_LIGATURES.contains(c) => rest = &rest[l.len()..],
            _ => {
                let first = rest.chars().next().unwrap();
                if c != first {
                    return false;
                }
                rest = &rest[first.len_utf8()..];
            }
        }
    }
    chars.next().is_none()
}

// A Ghostscript rewrite of the Chromium fixture (CID TrueType, ToUnicode maps of 88 bfrange
// entries). Our CMap reader cut sections of more than 85 entries and misaligned the rest, so
// 430 of 490 lines read as shifted garbage; now every line is the original's, word for word,
// the quotes included, except the ligatures that the map names wrongly: unmapped.
#[test]
fn ghostscript_rewrite_of_chromium() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/producers/");
    let read = |name: &str| {
        let pdf = std::fs::read(format!("{root}{name}")).unwrap();
        let layout = kamerbrief_extract::extract(&pdf, &Default::default()).unwrap();
        let lines: Vec<String> = layout
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| l.text())
            .collect();
        (
            lines,
            layout.pages.iter().map(|p| p.unmapped_glyphs).sum::<u32>(),
        )
    };
    let (original, _) = read("chromium.pdf");
    let (rewrite, unmapped) = read("ghostscript-chromium.pdf");
    assert_eq!(original.len(), rewrite.len());
    let (mut quotes, mut ligatures) = (0, 0);
    for (o, r) in original.iter().zip(&rewrite) {
        let (ow, rw): (Vec<&str>, Vec<&str>) = (o.split(' ').collect(), r.split(' ').collect());
        assert_eq!(ow.len(), rw.len(), "{o:?} / {r:?}");
        for (a, b) in ow.iter().zip(&rw) {
            assert!(as_rewritten(a, b), "{a:?} read as {b:?}");
            quotes += a.matches(['\u{2018}', '\u{2019}']).count();
            ligatures += usize::from(a != b);
        }
    }
    // The quotes and ligatures are there, and were compared.
    assert!(quotes >= 4, "{quotes} quotes");
    assert!(ligatures > 50, "{ligatures} words with ligatures");
    assert!(unmapped > 50, "{unmapped} unmapped glyphs");
}

// cairo names its fonts by number (`CairoFont-1-0`) and writes neither a weight nor the
// style flags: the program's `head` table still says which face is bold. A font named
// for its face is taken at its name's word.
#[test]
fn a_numbered_fonts_style_from_its_programs_head() {
    let glyphs = [(Some(0x48), None, None), (Some(0x69), None, None)];
    let bold = |name: &str, mac_style: u16| {
        let mut font = type0(truetype_with(&glyphs, Some(mac_style)), None);
        font.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
        let pdf = common::pdf(vec![
            PageSpec::new("BT /F0 10 Tf 100 700 Td <00010002> Tj ET").font("F0", font),
        ]);
        let page = page(&pdf);
        let word = page.lines.first().and_then(|l| l.words.first()).cloned();
        word.map(|w| (w.text, w.bold))
    };
    assert_eq!(
        bold("BFJAII+CairoFont-1-0", 1),
        Some(("Hi".to_string(), true))
    );
    assert_eq!(
        bold("BFJAII+CairoFont-0-0", 0),
        Some(("Hi".to_string(), false))
    );
    assert_eq!(bold("ABCDEF+Demo", 1), Some(("Hi".to_string(), false)));
}

// URW's fonts for TeX's Times name their bold `NimbusRomNo9L-Medi` and their descriptors
// say nothing of it (no `FontWeight`, no force-bold flag; Ghostscript writes a regular
// face's `StemV` as high as a bold one's): the Type 1 program's `/Weight` tells. A name
// that names a weight is taken at its word.
#[test]
fn a_type1_fonts_weight_from_its_programs_font_info() {
    let bold = |name: &str, weight: &str| {
        let program = format!(
            "%!PS-AdobeFont-1.0: {name} 1.05\n/FontInfo 10 dict dup begin\n\
             /Weight ({weight}) readonly def\nend readonly def\n\
             /FontName /{name} def\n/Encoding StandardEncoding def\ncurrentfile eexec\n"
        );
        let file = Stream::new(
            dictionary! { "Length1" => program.len() as i64, "Length2" => 0, "Length3" => 0 },
            program.into_bytes(),
        );
        let descriptor = dictionary! {
            "Type" => "FontDescriptor", "FontName" => name, "Flags" => 4,
            "StemV" => 140, "FontFile" => Object::Stream(file),
        };
        let font = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => name,
            "Encoding" => "WinAnsiEncoding", "FontDescriptor" => descriptor,
        };
        let pdf = common::pdf(vec![
            PageSpec::new("BT /F0 10 Tf 100 700 Td (Hi) Tj ET").font("F0", font),
        ]);
        let page = page(&pdf);
        let word = page.lines.first().and_then(|l| l.words.first()).cloned();
        word.map(|w| (w.text, w.bold))
    };
    let hi = |b: bool| Some(("Hi".to_string(), b));
    assert_eq!(bold("VVRGMW+NimbusRomNo9L-Medi", "Bold"), hi(true));
    assert_eq!(bold("SFCVGL+NimbusRomNo9L-Regu", "Regular"), hi(false));
    assert_eq!(bold("ABCDEF+URWChanceryL-MediItal", "Medium"), hi(false));
    assert_eq!(bold("ABCDEF+Demo-Regular", "Bold"), hi(false));
}

// mutool's rewrite of Word's `SymbolMT` bullets: a composite font without a map, whose
// program keeps only a (3,0) symbol `cmap` (the bullet at U+F0B7) and names no glyph. The
// code is read through that `cmap`, and the symbol font's table reads it as `•`; a font of
// another name keeps the private-use character.
#[test]
fn a_symbol_fonts_code_from_its_programs_symbol_cmap() {
    let mut program = truetype(&[(Some(0xF0B7), None, None)]);
    // The Unicode `cmap`'s record (3,1) made the symbol one, (3,0).
    let record = program.windows(4).position(|w| w == [0, 3, 0, 1]).unwrap();
    program[record + 3] = 0;
    let text = |name: &str| {
        let mut font = type0(program.clone(), None);
        font.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
        let pdf = common::pdf(vec![
            PageSpec::new("BT /F0 10 Tf 100 700 Td <0001> Tj ET").font("F0", font),
        ]);
        lines(&pdf)
    };
    assert_eq!(text("ABCDEE+SymbolMT"), strings(&["•"]));
    assert_eq!(text("ABCDEE+Demo"), strings(&["\u{F0B7}"]));
}
