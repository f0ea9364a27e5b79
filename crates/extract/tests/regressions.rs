//! Regression tests for extractor bugs found by the corpus run (`cargo xtask corpus`), each on
//! a tiny PDF written here and named after the bug. Bugs that only a real file shows are
//! asserted on that file in `corpus.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{PageSpec, lines, page, pdf_with, strings};
use lopdf::{Dictionary, Object, Stream, dictionary};

/// `bytes` as ASCIIHexDecode data.
fn hex(bytes: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = bytes
        .iter()
        .flat_map(|b| format!("{b:02X}").into_bytes())
        .collect();
    out.push(b'>');
    out
}

// Bug 1: `/Filter` (and `/DecodeParms`) given as indirect references, on a form's content
// and on a `/ToUnicode` CMap; lopdf took the encoded bytes for plain ones.
#[test]
fn indirect_filter_is_resolved() {
    let pdf = pdf_with(|doc| {
        let filter = doc.add_object(Object::Name(b"ASCIIHexDecode".to_vec()));
        let filters = doc.add_object(vec![Object::Reference(filter)]);
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            1 begincodespacerange <00> <FF> endcodespacerange\n\
            2 beginbfchar <01> <0048> <02> <0069> endbfchar\n\
            endcmap CMapName currentdict /CMap defineresource pop end end\n";
        let to_unicode =
            doc.add_object(Stream::new(dictionary! { "Filter" => filters }, hex(cmap)));
        let font = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Custom",
            "FirstChar" => 1, "LastChar" => 2, "Widths" => vec![722.into(), 222.into()],
            "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => vec![1.into(), "g1".into(), "g2".into()] },
            "ToUnicode" => to_unicode,
        };
        let form = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form", "Filter" => filter,
                "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F2" => font } },
            },
            hex(b"BT /F2 12 Tf 72 700 Td <0102> Tj ET"),
        ));
        vec![PageSpec::new("/Fm1 Do").xobject("Fm1", form)]
    });
    assert_eq!(lines(&pdf), strings(&["Hi"]));
    assert_eq!(page(&pdf).unmapped_glyphs, 0);
}

/// A Type 0 font over Identity-H with `extra` entries, widths 500.
fn type0_font(extra: Dictionary) -> Dictionary {
    let descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Demo",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "FontDescriptor" => dictionary! {
            "Type" => "FontDescriptor", "FontName" => "Demo", "Flags" => 4, "ItalicAngle" => 0,
            "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
            "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
        },
        "DW" => 500,
    };
    let mut font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Demo", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
    };
    for (k, v) in extra {
        font.set(k, v);
    }
    font
}

// Bug 2: `/ToUnicode /Identity-H`, a name where a stream belongs: the codes are UCS-2.
#[test]
fn to_unicode_identity_name_reads_ucs2() {
    let font = type0_font(dictionary! { "ToUnicode" => "Identity-H" });
    let pdf = common::pdf(vec![
        PageSpec::new("BT /F0 10 Tf 100 700 Td <014100F30064017A> Tj ET").font("F0", font),
    ]);
    assert_eq!(lines(&pdf), strings(&["Łódź"]));
    assert_eq!(page(&pdf).unmapped_glyphs, 0);
}

/// Hex digits (whitespace ignored) → bytes.
fn unhex(hex: &str) -> Vec<u8> {
    let digits: Vec<u8> = hex.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .map(|c| u8::from_str_radix(std::str::from_utf8(c).unwrap(), 16).unwrap())
        .collect()
}

/// A CFF program: glyphs `.notdef`, `H`, `i`, `uni00E9` (a custom string), built-in encoding
/// codes 1, 2, 3 (checked with fontTools).
const CFF: &str = "0100040100010101055465737400010101131d0000003e0f1d00000045101d0000003211
    0001010108756e6930304539000000040101020304050e0e0e0e000029004a01870003010203";

/// A TrueType program with only a (3,1) `cmap` (H → glyph 1, i → 2) and a `post` table
/// (glyph 3 is `eacute`).
const TRUETYPE: &str = "000100000002000000000000636d6170000000000000002c00000034706f737400000000
    000000600000003100000001000300010000000c000400280000000600000000000000480069ffff0000
    00480069ffffffb9ff990001000000000000000200000000000000000000000000000000000000000000
    000000000000000000040000002b004c010206656163757465000000";

fn descriptor(name: &str, flags: i64, file_key: &str, program: Object) -> Dictionary {
    let mut d = dictionary! {
        "Type" => "FontDescriptor", "FontName" => name, "Flags" => flags, "ItalicAngle" => 0,
        "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
        "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
    };
    d.set(file_key, program);
    d
}

// Bug 3: an embedded CFF font (FontFile3 /Type1C), symbolic, without `/Encoding` or
// `/ToUnicode`: the program's built-in encoding and charset name the glyphs. And a
// `/ToUnicode` that maps only some codes falls back to the program for the others.
#[test]
fn cff_builtin_encoding_names_glyphs() {
    let program = Object::Stream(Stream::new(
        dictionary! { "Subtype" => "Type1C" },
        unhex(CFF),
    ));
    let font = |to_unicode: Option<Object>| {
        let mut font = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Test",
            "FirstChar" => 1, "LastChar" => 3, "Widths" => vec![722.into(), 278.into(), 556.into()],
            "FontDescriptor" => descriptor("ABCDEF+Test", 4, "FontFile3", program.clone()),
        };
        if let Some(t) = to_unicode {
            font.set("ToUnicode", t);
        }
        font
    };
    let pdf = common::pdf(vec![
        PageSpec::new("BT /F2 12 Tf 72 700 Td <010203> Tj 0 -20 Td /F3 12 Tf <010203> Tj ET")
            .font("F2", font(None))
            .font(
                "F3",
                font(Some(common::to_unicode(
                    false,
                    "1 beginbfchar <02> <0131> endbfchar",
                ))),
            ),
    ]);
    assert_eq!(lines(&pdf), strings(&["Hié", "Hıé"]));
    assert_eq!(page(&pdf).unmapped_glyphs, 0);
}

// Bug 3: a TrueType CID font without `/ToUnicode`: the program's Unicode `cmap`, read
// backwards, and its `post` names give the text.
#[test]
fn truetype_cmap_and_post_name_glyphs() {
    let program = Object::Stream(Stream::new(Dictionary::new(), unhex(TRUETYPE)));
    let mut font = type0_font(Dictionary::new());
    let descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Demo",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "FontDescriptor" => descriptor("Demo", 4, "FontFile2", program),
        "DW" => 500, "CIDToGIDMap" => "Identity",
    };
    font.set("DescendantFonts", vec![descendant.into()]);
    let pdf = common::pdf(vec![
        PageSpec::new("BT /F0 10 Tf 100 700 Td <000100020003> Tj ET").font("F0", font),
    ]);
    assert_eq!(lines(&pdf), strings(&["Hié"]));
    assert_eq!(page(&pdf).unmapped_glyphs, 0);
}

/// A Type 3 font whose codes `first..` have the glyph names `names` (each glyph a 600-unit
/// square), in a 0.001 font matrix.
fn type3_font(first: i64, names: &[&str]) -> Dictionary {
    let mut procs = Dictionary::new();
    for name in names {
        procs.set(
            *name,
            common::stream(Dictionary::new(), "600 0 0 0 600 700 d1 0 0 600 700 re f"),
        );
    }
    let differences: Vec<Object> = std::iter::once(Object::Integer(first))
        .chain(names.iter().map(|n| Object::Name(n.as_bytes().to_vec())))
        .collect();
    let widths: Vec<Object> = names.iter().map(|_| Object::Integer(600)).collect();
    dictionary! {
        "Type" => "Font", "Subtype" => "Type3",
        "FontBBox" => vec![0.into(), 0.into(), 750.into(), 750.into()],
        "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
        "CharProcs" => procs,
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => differences },
        "FirstChar" => first, "LastChar" => first + names.len() as i64 - 1, "Widths" => widths,
        "Resources" => Dictionary::new(),
    }
}

// Bug 4: glyph names outside the glyph list that carry their own code (`a65`, hex `G41`, as
// bitmap Type 3 fonts have) read as that code; numbers that are glyph ids (`g81` at code 1)
// do not, since reading them would give plausible garbage.
#[test]
fn numeric_glyph_names() {
    let pdf = common::pdf(vec![
        PageSpec::new(
            "BT /T1 12 Tf 72 700 Td (ABC) Tj 0 -20 Td /T2 12 Tf (ABC) Tj 0 -20 Td /T3 12 Tf <010203> Tj ET",
        )
        .font("T1", type3_font(65, &["a65", "a66", "a67"]))
        .font("T2", type3_font(65, &["G41", "G42", "G43"]))
        .font("T3", type3_font(1, &["g81", "g69", "g85"])),
    ]);
    let page = page(&pdf);
    let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts, strings(&["ABC", "ABC", "\u{FFFD}\u{FFFD}\u{FFFD}"]));
    assert_eq!(page.unmapped_glyphs, 3);
}

// Bug 5: a Type 3 font with `/FontBBox [0 0 0 0]` and a 0.004 matrix got an em of 4 × the
// font size, and the duplicate filter (0.15 em) then dropped doubled letters: "Acount".
// The em now comes from the advances; duplicates must also lie within 0.3 of the glyph's
// width (and 2 pt); a fake-bold copy 0.3 pt to the right still counts once.
#[test]
fn type3_zero_bbox_keeps_doubled_letters() {
    let mut font = type3_font(65, &["A", "B", "C"]);
    font.set("FontBBox", vec![0.into(), 0.into(), 0.into(), 0.into()]);
    font.set(
        "FontMatrix",
        vec![
            0.004.into(),
            0.into(),
            0.into(),
            0.004.into(),
            0.into(),
            0.into(),
        ],
    );
    font.set("Widths", vec![150.into(), 125.into(), 125.into()]);
    let pdf = common::pdf(vec![
        PageSpec::new(
            "BT /T1 12 Tf 72 700 Td (ACCB) Tj ET
             BT /F1 12 Tf 72 650 Td (Bold) Tj ET BT /F1 12 Tf 72.3 650 Td (Bold) Tj ET",
        )
        .font("T1", font),
    ]);
    let page = page(&pdf);
    let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts, strings(&["ACCB", "Bold"]));
    assert_eq!(page.lines[0].words[0].size, 12.0);
}

// Bug 6: a table cell's trailing spaces run under the next cell, whose glyphs then sorted
// between them and were cut into single characters ("0 3 / 2 5 / 2 0 16"). Glyphs shown
// one after the other in the content are not cut by a space glyph from elsewhere.
#[test]
fn spaces_of_another_cell_do_not_cut_words() {
    let pdf = common::pdf(vec![PageSpec::new(
        "BT /F1 12 Tf 72 700 Td [(06/22/2015)4(  )4(  )4(  )4(  )4(  )] TJ ET
         BT /F1 12 Tf 140 700 Td [(0)4(3)4(/2)6(5)4(/2)6(0)4(1)4(6)] TJ ET",
    )]);
    assert_eq!(lines(&pdf), strings(&["06/22/2015 03/25/2016"]));
}

// Bug 7: two lines 12 pt apart, the lower one with a large glyph at its end, came out
// interleaved letter by letter ("N be O s T u IC"): the upper line was taken for the
// lower's superscripts. And a large watermark letter on (almost) the baseline of a line
// landed inside a word ("imNprisonment"). A row never holds two glyphs, far apart in the
// content, that overlap substantially in x.
#[test]
fn overlapping_lines_are_not_interleaved() {
    let pdf = common::pdf(vec![PageSpec::new(
        "BT /F1 10 Tf 72 700 Td (NOTICE: Anyone who misrepresents) Tj ET
         BT /F1 10 Tf 72 688 Td (be subject to fine and imprisonment) Tj ET
         BT /F1 25 Tf 400 688 Td (X) Tj ET
         BT /F1 25 Tf 160 688.4 Td (N) Tj ET",
    )]);
    let texts = lines(&pdf);
    assert!(
        texts.contains(&"NOTICE: Anyone who misrepresents".to_string()),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("be subject to fine and imprisonment")),
        "{texts:?}"
    );
    assert!(texts.contains(&"N".to_string()), "{texts:?}");
}

// Bug 8: word spaces made by `Tc` (the width of a space, cancelled by `TJ` kerning between
// the letters of each word, as producers of composite-font text do) were taken for letter
// spacing: "aclarinet", "overthe". And a deliberate `TJ` gap of 0.11 em was no word break:
// "10.Link" (a `TJ` number widening the text by 0.1 em or more is a word gap, as pdftotext
// has it; a gap made by `Td` keeps the 0.15 em threshold).
#[test]
fn word_gaps_from_char_spacing_and_tj() {
    let pdf = common::pdf(vec![PageSpec::new(
        "BT /F1 10 Tf 72 700 Td [(of) -250] TJ 2.5 Tc [(a)] TJ [(c) 250 (l) 250 (a) 250 (r) 250 (i) 250 (n) 250 (e) 250 (t)] TJ ET
         BT /F1 10 Tf 72 680 Td [(10.) -110 (Link) -278 (to) -278 (page)] TJ ET",
    )]);
    assert_eq!(lines(&pdf), strings(&["of a clarinet", "10. Link to page"]));
}

// Bug 9: marks in two table columns drawn as one string with `Tc` of 5 em ("XX" spanning
// both columns): spacing of half an em or more is placement, not letter spacing.
#[test]
fn huge_char_spacing_is_no_letter_spacing() {
    let pdf = common::pdf(vec![PageSpec::new(
        "BT /F1 9 Tf 429 700 Td 45 Tc (XX) Tj ET",
    )]);
    let page = page(&pdf);
    let words: Vec<(String, f32)> = page
        .lines
        .iter()
        .flat_map(|l| &l.words)
        .map(|w| (w.text.clone(), w.bbox.x0.round()))
        .collect();
    assert_eq!(words, [("X".to_string(), 429.0), ("X".to_string(), 480.0)]);
}

// Bug 10: a superscript touching its word got a space before it in the line's text
// ("cm −2"; pdftotext: "cm−2"). It stays a superscript word of its own (footnote markers),
// marked `attached`; a superscript after a space is not attached.
#[test]
fn touching_superscript_is_attached() {
    let pdf = common::pdf(vec![PageSpec::new(
        "BT /F1 10 Tf 72 700 Td (5 cm) Tj /F1 7 Tf 4 Ts (-2) Tj 0 Ts /F1 10 Tf ( en ) Tj /F1 7 Tf 4 Ts (3) Tj ET",
    )]);
    let page = page(&pdf);
    let line = &page.lines[0];
    assert_eq!(line.text(), "5 cm-2 en 3");
    let flags: Vec<(&str, bool, bool)> = line
        .words
        .iter()
        .map(|w| (w.text.as_str(), w.superscript, w.attached))
        .collect();
    assert_eq!(
        flags,
        [
            ("5", false, false),
            ("cm", false, false),
            ("-2", true, true),
            ("en", false, false),
            ("3", true, false)
        ]
    );
}

// Bug 11: right-to-left text came out in visual order ("?םלוע םולש"). A simple bidi gives
// logical order: glyphs of a right-to-left word reversed (digits keep their order), runs of
// right-to-left words reversed; in a left-to-right line, quotes around a Hebrew word stay.
#[test]
fn right_to_left_text_in_logical_order() {
    let hebrew = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Hebrew",
        "FirstChar" => 1, "LastChar" => 9, "Widths" => vec![500.into(); 9],
        "ToUnicode" => common::to_unicode(false, "9 beginbfchar <01> <05E9> <02> <05DC> <03> <05D5> <04> <05DD> <05> <05E2> <06> <0031> <07> <003F> <08> <0020> <09> <0032> endbfchar"),
    };
    let pdf = common::pdf(vec![
        PageSpec::new(
            "BT /H 12 Tf 72 700 Td <07040203050806090804030201> Tj ET
             BT /F1 12 Tf 72 680 Td (the word \\223) Tj /H 12 Tf <04030201> Tj /F1 12 Tf (\\224 here) Tj ET",
        )
        .font("H", hebrew),
    ]);
    assert_eq!(
        lines(&pdf),
        strings(&["שלום 12 עולם?", "the word “שלום” here"])
    );
}
