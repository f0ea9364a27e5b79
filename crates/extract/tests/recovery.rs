//! Files peers read and lopdf alone does not (issue 15), each made here in miniature:
//! a cross-reference stream that no longer decodes while the catalog sits in an object stream,
//! a missing `%PDF-` header, a loop in the page tree that hides a page, and `/Encrypt`
//! entries that the pages do not need.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{PageSpec, build_document, lines, pdf};
use kamerbrief_extract::{ErrorKind, Options, extract};
use kamerbrief_model::{DiagnosticKind, Layout};
use lopdf::{Object, dictionary};

fn text_page(text: &str) -> PageSpec {
    PageSpec::new(&format!("BT /F1 12 Tf 72 700 Td ({text}) Tj ET"))
        .font("F1", common::standard_font("Helvetica"))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn page_texts(layout: &Layout) -> Vec<String> {
    layout
        .pages
        .iter()
        .map(|p| {
            p.lines
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

fn repaired(layout: &Layout, text: &str) -> bool {
    layout
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::Repaired && d.message.contains(text))
}

#[test]
fn corrupt_xref_stream_with_the_catalog_in_an_object_stream() {
    let mut doc = build_document(|_| vec![text_page("Page one"), text_page("Page two")]);
    let mut pdf = Vec::new();
    doc.save_modern(&mut pdf).unwrap();
    // Overwrite the data of the cross-reference stream (the last stream in the file).
    let xref = rfind(&pdf, b"/XRef").unwrap();
    let start = xref + find(&pdf[xref..], b"stream").unwrap() + b"stream\n".len();
    let end = start + find(&pdf[start..], b"endstream").unwrap();
    assert!(find(&pdf, b"/Type /Catalog").is_none() && find(&pdf, b"/Type/Catalog").is_none());
    for b in &mut pdf[start..end.saturating_sub(1)] {
        *b = b'x';
    }
    // lopdf alone finds no page: the catalog is in an object stream that only the
    // cross-reference stream names.
    let alone = lopdf::Document::load_mem(&pdf);
    assert!(alone.is_err() || alone.unwrap().get_pages().is_empty());

    let layout = extract(&pdf, &Options::default()).unwrap();
    assert_eq!(page_texts(&layout), vec!["Page one", "Page two"]);
    assert!(
        repaired(&layout, "rebuilt from"),
        "{:?}",
        layout.diagnostics
    );
}

#[test]
fn a_file_without_its_header_is_read_and_other_bytes_are_not_a_pdf() {
    let whole = pdf(vec![text_page("Headless")]);
    let body = &whole[find(&whole, b"\n").unwrap() + 1..];
    assert!(!body.starts_with(b"%PDF"));
    let layout = extract(body, &Options::default()).unwrap();
    assert_eq!(page_texts(&layout), vec!["Headless"]);
    assert!(repaired(&layout, "no %PDF- header"));

    for bytes in [&b"hello world\n"[..], b"1 0 obj\nnothing of a PDF here\n"] {
        let e = extract(bytes, &Options::default()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotPdf, "{e}");
    }
}

#[test]
fn a_page_tree_that_loops_loses_no_page() {
    let mut doc = build_document(|_| vec![text_page("One"), text_page("Two"), text_page("Three")]);
    // The root names itself where its first page should be (as pdf-rs's crash-121-2 does).
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let tree = doc.get_dictionary_mut(root).unwrap();
    if let Ok(Object::Array(kids)) = tree.get_mut(b"Kids") {
        kids[0] = Object::Reference(root);
    }
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).unwrap();
    let layout = extract(&pdf, &Options::default()).unwrap();
    assert_eq!(page_texts(&layout), vec!["One", "Two", "Three"]);
    assert!(
        layout
            .diagnostics
            .iter()
            .any(|d| d.message.contains("a cycle"))
    );
    assert!(repaired(&layout, "lost are read in file order"));
}

/// A document whose trailer names `encrypt` as its `/Encrypt`; nothing is encrypted.
fn with_encrypt(encrypt: Object) -> Vec<u8> {
    let mut doc = build_document(|_| vec![text_page("Readable")]);
    let id = doc.add_object(encrypt);
    doc.trailer.set("Encrypt", id);
    let file_id = Object::String(
        b"0123456789abcdef".to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    doc.trailer.set("ID", vec![file_id.clone(), file_id]);
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).unwrap();
    pdf
}

fn standard_handler(stream_filter: &str) -> Object {
    let junk = |n: usize| Object::String(vec![0x5a; n], lopdf::StringFormat::Hexadecimal);
    Object::Dictionary(dictionary! {
        "Filter" => "Standard", "V" => 5, "R" => 6, "Length" => 256, "P" => -4,
        "O" => junk(48), "U" => junk(48), "OE" => junk(32), "UE" => junk(32), "Perms" => junk(16),
        "CF" => dictionary! { "StdCF" => dictionary! {
            "AuthEvent" => "EFOpen", "CFM" => "AESV3", "Length" => 32 } },
        "StmF" => stream_filter, "StrF" => "Identity",
    })
}

#[test]
fn identity_crypt_filters_need_no_password() {
    let layout = extract(
        &with_encrypt(standard_handler("Identity")),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(page_texts(&layout), vec!["Readable"]);
    assert!(repaired(&layout, "only embedded files are encrypted"));
    // Not even a wrong password given for another file stops it.
    let options = Options {
        password: Some("whatever".to_string()),
        ..Options::default()
    };
    assert!(extract(&with_encrypt(standard_handler("Identity")), &options).is_ok());

    // Streams encrypted with a filter of their own: the password is needed (and the junk
    // /U matches none).
    let e = extract(
        &with_encrypt(standard_handler("StdCF")),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::PasswordRequired, "{e}");
    let e = extract(&with_encrypt(standard_handler("StdCF")), &options).unwrap_err();
    assert_eq!(e.kind, ErrorKind::WrongPassword, "{e}");
}

#[test]
fn an_encrypt_entry_that_is_no_dictionary_is_ignored() {
    let layout = extract(&with_encrypt(Object::Integer(7)), &Options::default()).unwrap();
    assert_eq!(lines_of(&layout), vec!["Readable"]);
    assert!(repaired(&layout, "not a usable encryption dictionary"));
}

fn lines_of(layout: &Layout) -> Vec<String> {
    layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text())
        .collect()
}

#[test]
fn intact_files_are_read_as_before() {
    // No diagnostic on a sound file: recovery does not run or does not win.
    let pdf = pdf(vec![text_page("Sound")]);
    let layout = extract(&pdf, &Options::default()).unwrap();
    assert!(layout.diagnostics.is_empty(), "{:?}", layout.diagnostics);
    assert_eq!(lines(&pdf), vec!["Sound"]);
}

/// A loop in the tree and 30,000 page objects it lost, without a cross-reference table:
/// recovery and the lost pages' merge cost linear time (a quadratic merge took minutes here).
#[test]
fn many_lost_pages_are_restored_in_linear_time() {
    let mut pdf = b"%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n\
        2 0 obj\n<</Type/Pages/Kids[2 0 R 30002 0 R]/Count 30000>>\nendobj\n"
        .to_vec();
    for n in 3..30_003 {
        pdf.extend_from_slice(
            format!("{n} 0 obj\n<</Type/Page/Parent 2 0 R>>\nendobj\n").as_bytes(),
        );
    }
    pdf.extend_from_slice(b"trailer\n<</Root 1 0 R>>\n%%EOF\n");
    let mut options = Options::default();
    options.limits.max_pages = 5;
    let layout = extract(&pdf, &options).unwrap();
    assert_eq!(layout.pages.len(), 5);
    assert!(repaired(
        &layout,
        "29999 page objects that the damaged page tree lost"
    ));
    assert!(
        layout
            .diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::LimitReached)
    );
}

/// A classic file of `objects` (numbered from 1), its cross-reference table listing all but
/// the object numbered `unlisted`.
fn classic_file(objects: &[&str], unlisted: Option<usize>) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (k, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", k + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for (k, offset) in offsets.iter().enumerate() {
        let entry = match unlisted == Some(k + 1) {
            true => "0000000000 00000 f \n".to_string(),
            false => format!("{offset:010} 00000 n \n"),
        };
        pdf.extend_from_slice(entry.as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<</Root 1 0 R/Size {}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

const PAGE_OBJECTS: [&str; 5] = [
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>/Annots[9 0 R]>>",
    "<</Length 44>>\nstream\nBT /F1 12 Tf 72 700 Td (Dangling) Tj ET    \nendstream",
    "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
];

#[test]
fn a_reference_the_file_leaves_dangling_needs_no_repair() {
    // The page's annotation, object 9, is in no part of the file: a scan finds nothing more.
    let pdf = classic_file(&PAGE_OBJECTS, None);
    let layout = extract(&pdf, &Options::default()).unwrap();
    assert!(layout.diagnostics.is_empty(), "{:?}", layout.diagnostics);
    assert_eq!(lines(&pdf), vec!["Dangling"]);
}

#[test]
fn an_object_the_table_leaves_out_is_found_by_a_scan() {
    // The font is in the file, but the table leaves it out.
    let pdf = classic_file(&PAGE_OBJECTS, Some(5));
    let layout = extract(&pdf, &Options::default()).unwrap();
    assert!(
        repaired(&layout, "rebuilt from 5 objects"),
        "{:?}",
        layout.diagnostics
    );
    assert_eq!(lines(&pdf), vec!["Dangling"]);
}
