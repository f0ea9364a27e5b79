//! Hard cases of text extraction, each on a tiny PDF written here: word gaps without spaces,
//! fonts and encodings, forms, Type 3, ligatures, `/ActualText`, rotation, columns, margin
//! columns, soft hyphens, superscripts and encryption.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{
    PageSpec, layout, lines, page, pdf, pdf_with, standard_font, stream, strings, to_unicode,
};
use kamerbrief_extract::model::{DiagnosticKind, Role};
use kamerbrief_extract::{ErrorKind, Options, extract};
use lopdf::{Dictionary, Object, Stream, dictionary};

/// A standard-14 font with a WinAnsi base encoding and `/Differences`.
fn with_differences(base_font: &str, differences: Vec<Object>) -> Dictionary {
    let mut font = standard_font(base_font);
    font.set("Encoding", dictionary! { "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding", "Differences" => differences });
    font
}

fn names(first: i64, glyphs: &[&str]) -> Vec<Object> {
    std::iter::once(Object::Integer(first))
        .chain(glyphs.iter().map(|g| Object::Name(g.as_bytes().to_vec())))
        .collect()
}

fn reals(values: &[f32]) -> Object {
    Object::Array(values.iter().map(|&v| Object::Real(v)).collect())
}

// 1. Word gaps made only by `TJ` numbers or by `Td` between `Tj`s; a kern is no gap.
#[test]
fn gaps_without_space_characters() {
    let pdf = pdf(vec![PageSpec::new(
        "BT /F1 12 Tf 72 700 Td [(Hello) -300 (World)] TJ ET
         BT /F1 12 Tf 72 680 Td (Hello) Tj 33 0 Td (World) Tj ET
         BT /F1 12 Tf 72 660 Td [(W) 80 (ater)] TJ ET",
    )]);
    assert_eq!(
        lines(&pdf),
        strings(&["Hello World", "Hello World", "Water"])
    );
}

// 2. Justified text (`Tw 8`) and letter-spaced text (`Tc 2`) keep whole words and single spaces.
#[test]
fn word_and_letter_spacing() {
    let pdf = pdf(vec![PageSpec::new(
        "BT /F1 12 Tf 8 Tw 72 700 Td (Uitgevulde tekst met ruime spaties) Tj ET
         BT /F1 12 Tf 0 Tw 2 Tc 72 680 Td (Gespatieerde letters blijven woorden) Tj ET",
    )]);
    assert_eq!(
        lines(&pdf),
        strings(&[
            "Uitgevulde tekst met ruime spaties",
            "Gespatieerde letters blijven woorden"
        ])
    );
}

// 2b. Letter spacing is told from neighbouring pairs at their advance: a kerned pair (`AV`)
// sits between its advance and its box and tells nothing, nor does a word drawn elsewhere
// next (`ik`, then `Met` left of it).
#[test]
fn letter_spacing_beside_kerning_and_words_out_of_order() {
    let pdf = pdf(vec![PageSpec::new(
        "BT /F1 12 Tf 1.5 Tc 72 700 Td [(SGNA) 80 (VO)] TJ ET
         BT /F1 12 Tf 1.5 Tc 103 680 Td (ik) Tj ET
         BT /F1 12 Tf 1.5 Tc 72 680 Td (Met) Tj ET",
    )]);
    assert_eq!(lines(&pdf), strings(&["SGNAVO", "Met ik"]));
}

// 3. A `/ToUnicode` with bfrange array destinations and bfchar wins over a custom encoding.
#[test]
fn to_unicode_bfrange_array_and_bfchar() {
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Custom",
        "FirstChar" => 1, "LastChar" => 5, "Widths" => vec![722.into(), 222.into(), 500.into(), 278.into(), 278.into()],
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => names(1, &["g1", "g2", "g3", "g4", "g5"]) },
        "ToUnicode" => to_unicode(false, "1 beginbfrange <01> <03> [<0048> <0069> <00660069>] endbfrange\n2 beginbfchar <04> <0021> <05> <0020> endbfchar"),
    };
    let pdf = pdf(vec![
        PageSpec::new("BT /F2 12 Tf 72 700 Td <0102050304> Tj ET").font("F2", font),
    ]);
    assert_eq!(lines(&pdf), strings(&["Hi fi!"]));
    assert_eq!(page(&pdf).unmapped_glyphs, 0);
}

// 4. `/Differences` glyph names over WinAnsi: plain names, `eacute`, `f_i`, `uni00E9`.
#[test]
fn differences_glyph_names() {
    let font = with_differences(
        "Helvetica",
        names(1, &["H", "e", "l", "o", "eacute", "f_i", "uni00E9"]),
    );
    let pdf = pdf(vec![
        PageSpec::new(
            r"BT /F2 12 Tf 72 700 Td (\001\002\003\003\004 caf\005 \006nal r\007sum\007) Tj ET",
        )
        .font("F2", font),
    ]);
    assert_eq!(lines(&pdf), strings(&["Hello café final résumé"]));
}

// 5. Identity-H Type 0 font over a CIDFontType2: two-byte codes, ToUnicode, `/W` widths.
#[test]
fn identity_h_cid_font() {
    let descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Demo",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "FontDescriptor" => dictionary! {
            "Type" => "FontDescriptor", "FontName" => "Demo", "Flags" => 4, "ItalicAngle" => 0,
            "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 800.into()],
            "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
        },
        "DW" => 1000,
        "W" => vec![1.into(), vec![500.into(), 600.into()].into(), 3.into(), 10.into(), 250.into()],
        "CIDToGIDMap" => "Identity",
    };
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Demo", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode(true, "5 beginbfchar <0001> <0048> <0002> <0069> <0003> <0020> <0004> <0079> <0005> <006F> endbfchar"),
    };
    let pdf = pdf(vec![
        PageSpec::new("BT /F0 10 Tf 100 700 Td <00010002000300040005> Tj ET").font("F0", font),
    ]);
    let page = page(&pdf);
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&["Hi yo"])
    );
    // H 500 + i 600 at 10 pt: 100–111; space 250; y, o 250 each: 113.5–118.5.
    let xs: Vec<[f32; 2]> = page.lines[0]
        .words
        .iter()
        .map(|w| [round2(w.bbox.x0), round2(w.bbox.x1)])
        .collect();
    assert_eq!(xs, vec![[100.0, 111.0], [113.5, 118.5]]);
}

fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

// 6a. Text in a Form XObject, placed by its `/Matrix`, in a font from its own `/Resources`.
#[test]
fn form_xobject_with_matrix_and_resources() {
    let form = stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 300.into(), 100.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 200.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "FX" => standard_font("Times-Roman") } },
        },
        "BT /FX 12 Tf 0 0 Td (Inside the form) Tj ET",
    );
    let pdf = pdf(vec![
        PageSpec::new(
            "BT /F1 12 Tf 72 750 Td (Before the form) Tj ET
             q 1 0 0 1 0 100 cm /Fm1 Do Q
             BT /F1 12 Tf 72 100 Td (After the form) Tj ET",
        )
        .xobject("Fm1", form),
    ]);
    let page = page(&pdf);
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&["Before the form", "Inside the form", "After the form"])
    );
    let inside = &page.lines[1].words[0];
    assert_eq!(
        (inside.font.as_str(), round2(inside.bbox.x0)),
        ("Times-Roman", 100.0)
    );
    // Baseline at y = 100 (cm) + 200 (Matrix) in user space: 842 − 300 from the top.
    assert_eq!(round2(page.lines[1].baseline), 542.0);
}

// 6a'. A form's resources name a font as the page's do: inside the form the name is the
// form's font, after it the page's again (fonts are remembered by name per resources).
#[test]
fn a_font_name_means_the_font_of_the_resources_in_force() {
    let form = stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 300.into(), 100.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => standard_font("Times-Roman") } },
        },
        "BT /F1 12 Tf 72 400 Td (Inside the form) Tj ET",
    );
    let pdf = pdf(vec![
        PageSpec::new(
            "BT /F1 12 Tf 72 750 Td (Before the form) Tj ET
             /Fm1 Do
             BT /F1 12 Tf 72 100 Td (After the form) Tj ET",
        )
        .xobject("Fm1", form),
    ]);
    let page = page(&pdf);
    let fonts: Vec<&str> = page
        .lines
        .iter()
        .map(|l| l.words[0].font.as_str())
        .collect();
    assert_eq!(fonts, ["Helvetica", "Times-Roman", "Helvetica"]);
}

// 6b. A form that draws itself is followed once, with a diagnostic, and does not hang.
#[test]
fn form_drawing_itself() {
    let pdf = pdf_with(|doc| {
        let id = doc.new_object_id();
        let resources = dictionary! { "Font" => dictionary! { "F1" => standard_font("Helvetica") }, "XObject" => dictionary! { "Fm1" => id } };
        let form = Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()], "Resources" => resources },
            b"BT /F1 12 Tf 72 700 Td (Loop) Tj ET /Fm1 Do".to_vec(),
        );
        doc.objects.insert(id, Object::Stream(form));
        vec![PageSpec::new("/Fm1 Do").xobject("Fm1", id)]
    });
    let page = page(&pdf);
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&["Loop"])
    );
    assert!(
        page.diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::LimitReached && d.message.contains("draws itself")),
        "{:?}",
        page.diagnostics
    );
}

/// A Type 3 font with glyphs `A` (65) and `B` (66) whose glyph space is `unit` of text space.
fn type3_dict(unit: f32) -> Dictionary {
    let k = 0.001 / unit;
    let proc_ = |w: f32| {
        stream(
            Dictionary::new(),
            &format!(
                "{w} 0 0 0 {w} {h} d1 0 0 {w} {h} re f",
                w = w * k,
                h = 700.0 * k
            ),
        )
    };
    dictionary! {
        "Type" => "Font", "Subtype" => "Type3",
        "FontBBox" => reals(&[0.0, 0.0, 750.0 * k, 750.0 * k]),
        "FontMatrix" => reals(&[unit, 0.0, 0.0, unit, 0.0, 0.0]),
        "CharProcs" => dictionary! { "A" => proc_(600.0), "B" => proc_(700.0) },
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => names(65, &["A", "B"]) },
        "FirstChar" => 65, "LastChar" => 66, "Widths" => reals(&[600.0 * k, 700.0 * k]),
        "Resources" => Dictionary::new(),
    }
}

/// `text` in the Type 3 font with glyph space `unit`, at 12 pt.
fn type3_pdf(unit: f32, content: &str) -> Vec<u8> {
    pdf(vec![PageSpec::new(content).font("T3", type3_dict(unit))])
}

// 7a. A Type 3 font: text from `/Differences` glyph names, advances from `/Widths`.
#[test]
fn type3_font() {
    let page = page(&type3_pdf(
        0.001,
        "BT /T3 12 Tf 72 700 Td [(AB) -500 (BA)] TJ ET",
    ));
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&["AB BA"])
    );
    // A 600 + B 700 thousandths of 12 pt: 72 + 15.6.
    let word = &page.lines[0].words[0];
    assert_eq!((round2(word.bbox.x1), word.size), (87.6, 12.0));
}

// 7b. A Type 3 font with a 0.01 FontMatrix (glyphs on a 100-unit grid) reads the same.
#[test]

fn type3_font_with_hundredth_matrix() {
    let page = page(&type3_pdf(
        0.01,
        "BT /T3 12 Tf 72 700 Td [(AB) -500 (BA)] TJ ET",
    ));
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&["AB BA"])
    );
    let word = &page.lines[0].words[0];
    assert_eq!((round2(word.bbox.x1), word.size), (87.6, 12.0));
}

// 7c. Lines in both Type 3 fonts, 20 pt apart: two lines of the same size.
#[test]

fn type3_fonts_with_different_matrices() {
    let pdf = pdf(vec![
        PageSpec::new(
            "BT /T3 12 Tf 72 700 Td [(AB) -500 (BA)] TJ ET
             BT /T4 12 Tf 72 680 Td [(BA) -500 (AB)] TJ ET",
        )
        .font("T3", type3_dict(0.001))
        .font("T4", type3_dict(0.01)),
    ]);
    let page = page(&pdf);
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&["AB BA", "BA AB"])
    );
    assert_eq!(
        page.lines
            .iter()
            .map(|l| l.dominant_size())
            .collect::<Vec<_>>(),
        vec![12.0, 12.0]
    );
}

// 8. Ligature glyphs: ToUnicode to U+FB01 and the glyph name `/fi` both give "fi" in the word.
#[test]
fn ligatures_expand() {
    let mut font = with_differences("Helvetica", names(1, &["fi", "fi"]));
    font.set(
        "ToUnicode",
        to_unicode(false, "1 beginbfchar <01> <FB01> endbfchar"),
    );
    let pdf = pdf(vec![
        PageSpec::new(r"BT /F2 12 Tf 72 700 Td (\001nance) Tj 0 -20 Td (pro\002le) Tj ET")
            .font("F2", font),
    ]);
    assert_eq!(lines(&pdf), strings(&["finance", "profile"]));
}

// 9. `/ActualText` (literal, UTF-16BE hex, and through `/Properties`) replaces the glyphs inside.
#[test]
fn actual_text_replaces_glyphs() {
    let mut font = with_differences("Helvetica", names(1, &["g1"]));
    font.set("FirstChar", 1);
    font.set("LastChar", 1);
    font.set("Widths", vec![556.into()]);
    let pdf = pdf(vec![
        PageSpec::new(
            r"BT /F2 12 Tf 72 700 Td /Span << /ActualText (fi) >> BDC (\001) Tj EMC (nance) Tj ET
              BT /F2 12 Tf 72 680 Td (of) Tj /Span <</ActualText <FEFF00660069>>> BDC (\001) Tj EMC (ce) Tj ET
              BT /F2 12 Tf 72 660 Td /Span /MC0 BDC (\001) Tj EMC (t) Tj ET",
        )
        .font("F2", font)
        .resource("Properties", "MC0", dictionary! { "ActualText" => Object::string_literal("fi") }),
    ]);
    assert_eq!(lines(&pdf), strings(&["finance", "office", "fit"]));
    assert_eq!(page(&pdf).unmapped_glyphs, 0);
}

// 9b. cairo writes a glyph it could not map as U+FFFD in its `/ToUnicode` map, inside an
// empty `/ActualText`: an unmapped glyph with its code (for the parser to read), not a gap
// that splits its word.
#[test]
fn a_glyph_mapped_to_the_replacement_character_is_unmapped() {
    let mut font = with_differences("Helvetica", names(1, &["g1"]));
    font.set("FirstChar", 1);
    font.set("LastChar", 1);
    font.set("Widths", vec![556.into()]);
    font.set(
        "ToUnicode",
        to_unicode(false, "1 beginbfchar <01> <FFFD> endbfchar"),
    );
    let pdf = pdf(vec![
        PageSpec::new(
            r"BT /F2 12 Tf 72 700 Td (ba) Tj /Span <</ActualText <FEFF>>> BDC (\001) Tj EMC (erij) Tj ET",
        )
        .font("F2", font),
    ]);
    let page = page(&pdf);
    let words: Vec<(String, Vec<u32>)> = page
        .lines
        .iter()
        .flat_map(|l| &l.words)
        .map(|w| (w.text.clone(), w.unmapped.clone()))
        .collect();
    assert_eq!(words, vec![("ba\u{FFFD}erij".to_string(), vec![1])]);
    assert_eq!(page.unmapped_glyphs, 1);
}

// 10. `/Rotate 90` with text upright on the displayed page: normal line order, size swapped.
#[test]
fn rotated_page() {
    let pdf = pdf(vec![
        PageSpec::new(
            "BT /F1 12 Tf 0 1 -1 0 100 72 Tm (First line of the page) Tj
             0 1 -1 0 120 72 Tm (Second line) Tj ET",
        )
        .rotate(90),
    ]);
    let page = page(&pdf);
    assert_eq!((page.width, page.height, page.rotation), (842.0, 595.0, 90));
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&["First line of the page", "Second line"])
    );
    // Upright on the displayed page: the first line starts 72 pt from the left, 100 pt down.
    let first = &page.lines[0];
    assert_eq!(
        (round2(first.bbox.x0), round2(first.baseline)),
        (72.0, 100.0)
    );
}

// 10b. `/Rotate 180` and `/Rotate 270`, text upright once displayed, 72 pt in and 100 pt down.
#[test]
fn rotated_pages_180_and_270() {
    let pdf = pdf(vec![
        PageSpec::new(
            "BT /F1 12 Tf -1 0 0 -1 523 100 Tm (Upside down) Tj -1 0 0 -1 523 120 Tm (page) Tj ET",
        )
        .rotate(180),
        PageSpec::new(
            "BT /F1 12 Tf 0 -1 1 0 495 770 Tm (Turned left) Tj 0 -1 1 0 475 770 Tm (page) Tj ET",
        )
        .rotate(270),
    ]);
    let seen: Vec<_> = layout(&pdf)
        .pages
        .iter()
        .map(|p| {
            (
                p.width,
                p.height,
                p.rotation,
                p.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
                round2(p.lines[0].bbox.x0),
                round2(p.lines[0].baseline),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                595.0,
                842.0,
                180,
                strings(&["Upside down", "page"]),
                72.0,
                100.0
            ),
            (
                842.0,
                595.0,
                270,
                strings(&["Turned left", "page"]),
                72.0,
                100.0
            )
        ]
    );
}

/// A full-width title over two columns whose lines share baselines, drawn row by row.
fn columns_pdf(left: &[&str], right: &[&str], right_x: i32) -> Vec<u8> {
    let mut content =
        String::from("BT /F1 16 Tf 72 740 Td (A title across the full width of the page) Tj ET\n");
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        let y = 700 - 14 * i;
        content.push_str(&format!(
            "BT /F1 11 Tf 72 {y} Td ({l}) Tj ET BT /F1 11 Tf {right_x} {y} Td ({r}) Tj ET\n"
        ));
    }
    pdf(vec![PageSpec::new(&content)])
}

// 11a. Two columns on shared baselines under a full-width title: title, left column, right.
#[test]
fn two_columns() {
    let left = [
        "De eerste kolom begint hier met tekst",
        "en loopt door op de tweede regel van",
        "deze kolom, tot aan de derde regel en",
        "eindigt op de vierde regel hier.",
    ];
    let right = [
        "De tweede kolom staat ernaast op de",
        "zelfde basislijnen als de eerste en",
        "wordt pas na de hele eerste kolom",
        "gelezen, van boven naar beneden.",
    ];
    let expected: Vec<&str> = std::iter::once("A title across the full width of the page")
        .chain(left)
        .chain(right)
        .collect();
    assert_eq!(lines(&columns_pdf(&left, &right, 310)), strings(&expected));
}

// 11b. The same with short lines far apart: columns of equal width are not label and value.
#[test]

fn two_narrow_columns() {
    let left = [
        "Left one alpha beta",
        "Left two gamma delta",
        "Left three epsilon",
        "Left four zeta eta",
    ];
    let right = [
        "Right one theta iota",
        "Right two kappa",
        "Right three lambda mu",
        "Right four nu xi",
    ];
    let expected: Vec<&str> = std::iter::once("A title across the full width of the page")
        .chain(left)
        .chain(right)
        .collect();
    assert_eq!(lines(&columns_pdf(&left, &right, 320)), strings(&expected));
}

// 11c. Three narrow ragged columns 3 em apart on shared baselines: each column is read
// whole, although each looks, beside the next, like a column of labels beside values.
#[test]
fn three_narrow_columns() {
    let columns = [
        [
            "De eerste kolom",
            "loopt hier door",
            "over vele regels",
            "van korte tekst",
            "met een breedste",
            "regel van de kolom",
            "en dan nog meer",
            "regels tot aan",
            "het einde hier.",
        ],
        [
            "De tweede kolom",
            "staat ernaast op",
            "dezelfde lijnen",
            "en is even breed",
            "als de eerste en",
            "de derde kolom:",
            "een raster van",
            "drie gelijke",
            "kolommen tekst.",
        ],
        [
            "De derde kolom",
            "sluit de pagina",
            "af en wordt pas",
            "na de tweede ge",
            "lezen, van boven",
            "naar beneden, tot",
            "aan de laatste",
            "regel van deze",
            "kolom op de pagina.",
        ],
    ];
    let mut content = String::new();
    for (c, column) in columns.iter().enumerate() {
        let x = 72 + 136 * c;
        for (i, line) in column.iter().enumerate() {
            let y = 700 - 16 * i;
            content.push_str(&format!("BT /F1 11 Tf {x} {y} Td ({line}) Tj ET\n"));
        }
    }
    let expected: Vec<&str> = columns.iter().flatten().copied().collect();
    assert_eq!(
        lines(&pdf(vec![PageSpec::new(&content)])),
        strings(&expected)
    );
}

// 12. A small-type sidebar on the right, drawn before the body: body uninterrupted, sidebar Margin.
#[test]
fn sidebar_drawn_first_is_margin() {
    let sidebar = [
        "Directie Wetgeving",
        "Referentie",
        "2024-0000123",
        "Datum",
        "1 maart 2024",
    ];
    let body = [
        "Hierbij informeer ik uw Kamer over de voortgang van het plan",
        "dat in het voorjaar is aangekondigd. De uitvoering verloopt",
        "volgens de planning en binnen het afgesproken budget. In de",
        "komende maanden worden de laatste onderdelen afgerond, zodat",
        "het programma voor het einde van het jaar kan worden gesloten",
        "en de resultaten aan uw Kamer kunnen worden toegezonden.",
    ];
    let mut content = String::new();
    for (i, s) in sidebar.iter().enumerate() {
        content.push_str(&format!(
            "BT /F1 7.5 Tf 460 {} Td ({s}) Tj ET\n",
            700 - 9 * i
        ));
    }
    for (i, b) in body.iter().enumerate() {
        content.push_str(&format!(
            "BT /F1 11 Tf 72 {} Td ({b}) Tj ET\n",
            700 - 14 * i
        ));
    }
    let pdf = pdf(vec![PageSpec::new(&content)]);
    let expected: Vec<(Role, String)> = body
        .iter()
        .map(|b| (Role::Body, b.to_string()))
        .chain(sidebar.iter().map(|s| (Role::Margin, s.to_string())))
        .collect();
    assert_eq!(common::roles(&pdf), expected);
}

// 13. A line ending in U+00AD: the word is flagged `soft_hyphen`, its text has no hyphen.
// Inside a word, a soft hyphen the next letter is pulled back over (a break left in the
// text, as InDesign writes them) goes; one that takes room is a hyphen drawn there (as
// `mutool convert` maps its hyphen glyph) and stays as `-`; so does one a space and a
// word follow on its line (`milieu- en`), and one that opens a line alone (a list's dash).
// A space glyph after a line's final soft hyphen leaves it a flag.
#[test]
fn soft_hyphen() {
    let mut font = standard_font("Helvetica");
    font.set(
        "ToUnicode",
        to_unicode(false, "1 beginbfchar <AD> <00AD> endbfchar"),
    );
    let pdf = pdf(vec![
        PageSpec::new(
            r"BT /F2 11 Tf 14 TL 72 700 Td (Dit is een verant\255 ) Tj (woordelijke taak voor Noord-) ' T* [(Holland en de ge\255) 333 (meen\255) 333 (te.)] TJ (Programma 2023\2552030.) ' (het milieu\255 en de stad.) ' T* [(\255) -1500 (In 2030 klaar.)] TJ ET",
        )
        .font("F2", font),
    ]);
    let page = page(&pdf);
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&[
            "Dit is een verant",
            "woordelijke taak voor Noord-",
            "Holland en de gemeente.",
            "Programma 2023-2030.",
            "het milieu- en de stad.",
            "- In 2030 klaar."
        ])
    );
    let flags: Vec<Vec<bool>> = page
        .lines
        .iter()
        .map(|l| l.words.iter().map(|w| w.soft_hyphen).collect())
        .collect();
    assert_eq!(
        flags,
        vec![
            vec![false, false, false, true],
            vec![false; 4],
            vec![false; 4],
            vec![false; 2],
            vec![false; 5],
            vec![false; 4]
        ]
    );
}

// 14. A footnote marker in smaller type, raised by `Ts` or by `Td`: its own superscript word,
// attached to the word it touches (no space before it in the line's text, as pdftotext has it).
#[test]
fn superscript_marker() {
    let pdf = pdf(vec![PageSpec::new(
        "BT /F1 11 Tf 72 700 Td (Zie de brief) Tj /F1 7 Tf 4 Ts (1) Tj 0 Ts /F1 11 Tf ( van gisteren.) Tj ET
         BT /F1 11 Tf 72 680 Td (Zie noot) Tj ET BT /F1 7 Tf 111.8 684 Td (2) Tj ET BT /F1 11 Tf 119 680 Td (hierna.) Tj ET",
    )]);
    let page = page(&pdf);
    assert_eq!(
        page.lines.iter().map(|l| l.text()).collect::<Vec<_>>(),
        strings(&["Zie de brief1 van gisteren.", "Zie noot2 hierna."])
    );
    let raised: Vec<Vec<bool>> = page
        .lines
        .iter()
        .map(|l| l.words.iter().map(|w| w.superscript).collect())
        .collect();
    assert_eq!(
        raised,
        vec![
            vec![false, false, false, true, false, false],
            vec![false, false, true, false]
        ]
    );
}

// 15. Encryption (RC4 128): opens with the empty user password, or with the one given.
#[test]
fn encrypted() {
    let encrypted = |user: &str| {
        let mut doc = common::build_document(|_| {
            vec![PageSpec::new(
                "BT /F1 12 Tf 72 700 Td (Vertrouwelijk) Tj ET",
            )]
        });
        doc.trailer.set(
            "ID",
            vec![
                Object::string_literal("0123456789abcdef"),
                Object::string_literal("fedcba9876543210"),
            ],
        );
        let version = lopdf::EncryptionVersion::V2 {
            document: &doc,
            owner_password: "eigenaar",
            user_password: user,
            key_length: 128,
            permissions: lopdf::Permissions::all(),
        };
        let state = lopdf::EncryptionState::try_from(version).unwrap();
        doc.encrypt(&state).unwrap();
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    };
    let text = |layout: kamerbrief_extract::model::Layout| {
        layout.pages[0]
            .lines
            .iter()
            .map(|l| l.text())
            .collect::<Vec<_>>()
    };
    assert_eq!(text(layout(&encrypted(""))), strings(&["Vertrouwelijk"]));
    let locked = encrypted("geheim");
    assert_eq!(
        extract(&locked, &Options::default()).unwrap_err().kind,
        ErrorKind::PasswordRequired
    );
    let wrong = Options {
        password: Some("fout".to_string()),
        ..Options::default()
    };
    assert_eq!(
        extract(&locked, &wrong).unwrap_err().kind,
        ErrorKind::WrongPassword
    );
    let right = Options {
        password: Some("geheim".to_string()),
        ..Options::default()
    };
    assert_eq!(
        text(extract(&locked, &right).unwrap()),
        strings(&["Vertrouwelijk"])
    );
}

// 20. Word's letter fitting: `TJ` numbers move letters apart by up to 0.18 em in a font
// whose word spaces are space characters. A reader sees one word; a real gap still breaks,
// as does a space glyph a rewrite folded into a number of 0.22 em (cairo, of Chromium's
// `Bossenmaier, Anja`).
#[test]
fn kerned_letters_in_a_font_that_writes_spaces() {
    let pdf = pdf(vec![PageSpec::new(
        "BT /F1 9 Tf 72 700 Td [(P)-174(a)-65(g)-43(i)50(n)-33(a)45( )(1 van 7)] TJ ET
         BT /F1 9 Tf 72 680 Td [(I)-134(E)-145(N)-29(W)100(/)10(B)19(S)17(K)] TJ ET
         BT /F1 9 Tf 72 660 Td [(Twee)-400(woorden)] TJ ET
         BT /F1 9 Tf 72 640 Td [(Greta Bossenm)3(aier)55(,)-222(Anja)] TJ ET",
    )]);
    assert_eq!(
        lines(&pdf),
        strings(&[
            "Pagina 1 van 7",
            "IENW/BSK",
            "Twee woorden",
            "Greta Bossenmaier, Anja"
        ])
    );
}

// 20b. Ghostscript rewriting groff's PostScript (Times, whose space is 0.25 em): a word
// space as a `TJ` number as wide as the font's space; a space glyph the numbers around it
// pull the next letter back over (no room taken: one word); and a word's last letter, a
// dash and the next word's first letter as one string spaced by `Tc`, spliced into the
// strings around it (word spaces, not tracking).
#[test]
fn word_spaces_of_ghostscripts_postscript_rewrites() {
    let pdf = pdf(vec![
        PageSpec::new(
            "BT /F2 10 Tf 72 700 Td (Twee woorden) Tj ET
             BT /F2 10 Tf 72 680 Td [(van)-250(NAVO)] TJ ET
             BT /F2 10 Tf -0.2 Tw 72 660 Td [(N)(A)135(V)135( )135(O)] TJ ET
             BT /F2 10 Tf 72 640 Td (ab) Tj 9.44 0 Td 4 Tc (c-d) Tj 20.77 0 Td 0 Tc (ef) Tj ET",
        )
        .font("F2", standard_font("Times-Roman")),
    ]);
    assert_eq!(
        lines(&pdf),
        strings(&["Twee woorden", "van NAVO", "NAVO", "abc - def"])
    );
}

// 21. A symbol font's private-use codes (Word's list bullets) read as the symbols drawn.
#[test]
fn symbol_font_bullets() {
    let font = |base: &str, code: &str| {
        dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => base,
            "FirstChar" => 32, "LastChar" => 255, "Widths" => vec![Object::Integer(500); 224],
            "ToUnicode" => to_unicode(false, &format!("1 beginbfchar <{code}> <F0{code}> endbfchar")),
        }
    };
    let pdf = pdf(vec![
        PageSpec::new(
            "BT /S 9 Tf 72 700 Td <B7> Tj ET BT /F1 9 Tf 90 700 Td (Eerste punt) Tj ET
             BT /W 9 Tf 72 680 Td <A7> Tj ET BT /F1 9 Tf 90 680 Td (Tweede punt) Tj ET",
        )
        .font("S", font("ABCDEF+Symbol", "B7"))
        .font("W", font("Wingdings-Regular", "A7")),
    ]);
    assert_eq!(lines(&pdf), strings(&["• Eerste punt", "▪ Tweede punt"]));
}

// 22. A letter-spaced word drawn in two pieces, the second first in the content (a word
// processor's runs), is one word: its second piece starts where the first one's letter
// spacing ends. A word gap drawn so stays one.
#[test]
fn letter_spaced_word_drawn_in_pieces() {
    let pdf = pdf(vec![
        PageSpec::new(
            "BT /F1 10 Tf 1.8 Tc 110.45 700 Td (brief) Tj ET
             BT /F1 10 Tf 1.8 Tc 72 700 Td (Kamer) Tj ET
             BT /F1 10 Tf 1.8 Tc 104.9 680 Td (woorden) Tj ET
             BT /F1 10 Tf 1.8 Tc 72 680 Td (twee) Tj ET",
        )
        .font("F1", standard_font("Helvetica")),
    ]);
    assert_eq!(lines(&pdf), strings(&["Kamerbrief", "twee woorden"]));
}

/// Lines of text at 11 pt from `y = 700` down, 14 pt apart, starting at `x`.
fn column(x: f32, texts: &[&str]) -> String {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("BT /F1 11 Tf {x} {} Td ({t}) Tj ET\n", 700 - 14 * i as i32))
        .collect()
}

// 22. Two columns 8 pt apart (0.7 em; wider than any word gap of the page): read column
// by column, not across.
#[test]
fn two_columns_with_a_narrow_gutter() {
    let left = [
        "De linker kolom met wat",
        "woorden op elke regel en",
        "nog wat meer woorden om",
        "de kolom te vullen tot hier.",
    ];
    let right = [
        "De rechter kolom staat",
        "er vlak naast, op dezelfde",
        "basislijnen, en wordt na",
        "de linker kolom gelezen.",
    ];
    let edge = page(&pdf(vec![PageSpec::new(&column(72.0, &left))]))
        .lines
        .iter()
        .map(|l| l.bbox.x1)
        .fold(0.0f32, f32::max);
    let pdf = pdf(vec![PageSpec::new(
        &(column(72.0, &left) + &column(edge + 8.0, &right)),
    )]);
    let expected: Vec<&str> = left.iter().chain(&right).copied().collect();
    assert_eq!(lines(&pdf), strings(&expected));
}

// 23. The same gap beside a single line is not a gutter: a two-line heading whose second
// line is short stays two lines of one block, read in order.
#[test]
fn short_second_line_is_not_a_column() {
    let pdf = pdf(vec![PageSpec::new(
        "BT /F1 11 Tf 72 700 Td (Aanbevelingen:) Tj 84 0 Td (nieuwe en oude dreigingen) Tj ET
         BT /F1 11 Tf 72 686 Td (voor allen) Tj ET",
    )]);
    assert_eq!(
        lines(&pdf),
        strings(&["Aanbevelingen: nieuwe en oude dreigingen", "voor allen"])
    );
}

// 24. A rule drawn close under a word underlines it (stroked or as a flat filled box); a
// rule a line further down does not; every horizontal rule is kept with the page.
#[test]
fn underlined_words_and_rules() {
    let pdf = pdf(vec![PageSpec::new(
        "BT /F1 11 Tf 72 700 Td (Inleiding) Tj ET 0.5 w 72 698 m 118 698 l S
         BT /F1 11 Tf 72 680 Td (Gewone tekst) Tj ET
         72 650 60 0.6 re f",
    )]);
    let page = page(&pdf);
    let underlined: Vec<(&str, bool)> = page
        .lines
        .iter()
        .flat_map(|l| &l.words)
        .map(|w| (w.text.as_str(), w.underline))
        .collect();
    assert_eq!(
        underlined,
        vec![("Inleiding", true), ("Gewone", false), ("tekst", false)]
    );
    assert_eq!(page.rules.len(), 2);
}

/// A subset of Helvetica under `base_font` whose descriptor claims `ascent` and `descent`.
fn helvetica_subset(base_font: &str, ascent: i64, descent: i64) -> Dictionary {
    let mut font = standard_font("Helvetica");
    font.set("BaseFont", Object::Name(base_font.as_bytes().to_vec()));
    font.set(
        "FontDescriptor",
        dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => Object::Name(base_font.as_bytes().to_vec()),
            "Flags" => 32,
            "Ascent" => ascent,
            "Descent" => descent,
        },
    );
    font
}

/// The top and bottom of each word of the page, rounded.
fn word_heights(pdf: &[u8]) -> Vec<(String, [f32; 2])> {
    let page = page(pdf);
    (page.lines.iter())
        .flat_map(|l| &l.words)
        .map(|w| (w.text.clone(), [round2(w.bbox.y0), round2(w.bbox.y1)]))
        .collect()
}

// 25. A word drawn in two subsets of one font whose descriptors claim other ascents and
// descents (Ghostscript gives a subset holding only a ligature the whole font's glyph box)
// is as high as its other glyphs make it, level with the row's other words; a glyph of
// another font still makes the word taller.
#[test]
fn a_subsets_taller_claim_does_not_make_a_word_taller() {
    let content = "BT /F1 10 Tf 72 700 Td (Fouti) Tj /F2 10 Tf (f) Tj /F1 10 Tf (catie) Tj
                      /F1 10 Tf 150 0 Td (Voldoet) Tj ET";
    let subsets = pdf(vec![
        PageSpec::new(content)
            .font("F1", helvetica_subset("AAAAAA+Helvetica", 842, -200))
            .font("F2", helvetica_subset("BBBBBB+Helvetica", 1018, -459)),
    ]);
    let heights = word_heights(&subsets);
    assert_eq!(heights.len(), 2, "{heights:?}");
    assert_eq!(heights[0].1, heights[1].1, "{heights:?}");
    // Another font's glyph: the word reaches as far as that glyph does.
    let other_font = pdf(vec![
        PageSpec::new(content)
            .font("F1", helvetica_subset("AAAAAA+Helvetica", 842, -200))
            .font("F2", helvetica_subset("BBBBBB+Arial", 1018, -459)),
    ]);
    let heights = word_heights(&other_font);
    assert_eq!(heights.len(), 2, "{heights:?}");
    assert!(heights[0].1[1] > heights[1].1[1] + 2.0, "{heights:?}");
}

// 26. Small type at the top of a later page that runs on down past the top margin, a
// table's rows 24 pt apart, is the page's text, not a running head; a short head there
// that ends in the margin still is one.
#[test]
fn a_table_in_small_type_from_the_top_of_a_page_is_no_running_head() {
    let body: String = (0..30)
        .map(|i| {
            format!(
                "BT /F1 11 Tf 72 {} Td (Een regel lopende tekst.) Tj ET\n",
                780 - 14 * i
            )
        })
        .collect();
    let table: String = (0..8)
        .map(|i| {
            let y = 800 - 24 * i;
            format!("BT /F1 9 Tf 72 {y} Td (3.2.{i}) Tj 60 0 Td (Consistente navigatie) Tj ET\n")
        })
        .collect();
    let after: String = (0..10)
        .map(|i| {
            format!(
                "BT /F1 11 Tf 72 {} Td (Een regel lopende tekst.) Tj ET\n",
                560 - 14 * i
            )
        })
        .collect();
    let head = "BT /F1 9 Tf 72 805 Td (Kamerbrief over de voortgang) Tj ET\n";
    let two_pages = |top: &str| {
        pdf(vec![
            PageSpec::new(&body).font("F1", standard_font("Helvetica")),
            PageSpec::new(&format!("{top}{after}")).font("F1", standard_font("Helvetica")),
        ])
    };
    assert_eq!(page_two_headers(&two_pages(&table)), Vec::<String>::new());
    assert_eq!(
        page_two_headers(&two_pages(head)),
        strings(&["Kamerbrief over de voortgang"])
    );
}

// 27. A line of small type right under a heading at the top of a later page (a
// criterion's description under its title, in a report) opens the heading's text: no
// running head. The same line under a running title in body type still is one.
#[test]
fn a_small_line_under_a_heading_at_the_top_of_a_page_is_no_running_head() {
    let body = |from: i32, rows: i32| -> String {
        (0..rows)
            .map(|i| {
                format!(
                    "BT /F1 11 Tf 72 {} Td (Een regel lopende tekst.) Tj ET\n",
                    from - 14 * i
                )
            })
            .collect()
    };
    let small =
        "BT /F1 9 Tf 72 775 Td (Als hulp beschikbaar is, staat die op dezelfde plek.) Tj ET\n";
    let page_two = |title_size: u32| {
        let title = format!("BT /F1 {title_size} Tf 72 788 Td (Consistente hulp) Tj ET\n");
        pdf(vec![
            PageSpec::new(&body(780, 30)).font("F1", standard_font("Helvetica")),
            PageSpec::new(&format!("{title}{small}{}", body(730, 20)))
                .font("F1", standard_font("Helvetica")),
        ])
    };
    assert_eq!(page_two_headers(&page_two(13)), Vec::<String>::new());
    assert_eq!(
        page_two_headers(&page_two(11)),
        strings(&["Als hulp beschikbaar is, staat die op dezelfde plek."])
    );
}

// 28. A foot of two lines close together (an address and a telephone number) repeated on
// every page is the pages' footer, though each of its lines has the other right beside it;
// the rows of a table at the top of every page, alike but for their digits, stay text (the
// lowest stands close to the table's next row, and the rows above it fall with it).
#[test]
fn a_repeated_foot_of_two_lines_is_a_footer_and_a_tables_rows_are_not() {
    let page = |n: usize| -> String {
        let rows: String = (0..4)
            .map(|i| {
                format!(
                    "BT /F1 11 Tf 72 {} Td (0{}/0{n}/2015 10/05/2015 08/04/2015 07/30/2015 08/05/2015) Tj ET\n",
                    800 - 12 * i,
                    i + 1
                )
            })
            .collect();
        let other: String = (0..3)
            .map(|i| {
                format!(
                    "BT /F1 11 Tf 72 {} Td ({} {i} van de tabel die hier verder loopt) Tj ET\n",
                    752 - 12 * i,
                    ["Alfa", "Bravo", "Charlie", "Delta"][n - 1]
                )
            })
            .collect();
        let body: String = (0..30)
            .map(|i| {
                format!(
                    "BT /F1 11 Tf 72 {} Td (Een regel lopende tekst {n}{i}.) Tj ET\n",
                    700 - 14 * i
                )
            })
            .collect();
        let foot = "BT /F1 9 Tf 200 40 Td (Bureau, Burgemeester Laan 32 5041 SB Tilburg) Tj ET\n\
                    BT /F1 9 Tf 195 29 Td (0885004070, contact@bureau.nl) Tj ET\n";
        format!("{rows}{other}{body}{foot}")
    };
    let pages: Vec<PageSpec> = (1..=4)
        .map(|n| PageSpec::new(&page(n)).font("F1", standard_font("Helvetica")))
        .collect();
    let layout = layout(&pdf(pages));
    for page in &layout.pages {
        let role = |text: &str| {
            (page.lines.iter())
                .find(|l| l.text().starts_with(text))
                .map(|l| l.role)
        };
        assert_eq!(role("Bureau"), Some(Role::Footer), "page {}", page.number);
        assert_eq!(
            role("0885004070"),
            Some(Role::Footer),
            "page {}",
            page.number
        );
        assert_eq!(role("01/0"), Some(Role::Body), "page {}", page.number);
    }
}

/// The lines of page 2 taken for its header.
fn page_two_headers(pdf: &[u8]) -> Vec<String> {
    let layout = layout(pdf);
    (layout.pages.get(1).unwrap().lines.iter())
        .filter(|l| l.role == Role::Header)
        .map(|l| l.text())
        .collect()
}
