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
