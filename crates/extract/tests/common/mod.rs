//! Tiny PDFs written in the test with lopdf's writer, and short views of what `extract` makes
//! of them.
//!
//! Set `SYNTHETIC_PDF_DIR` to keep every PDF a test builds as `<dir>/<test name>.pdf`, to
//! check it with another reader (`pdftotext -layout`).
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use kamerbrief_extract::model::{Layout, Page, Role};
use kamerbrief_extract::{Options, extract};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

/// One page: its content stream and resources. Streams anywhere inside the resources (a
/// `/ToUnicode`, a form, `/CharProcs`) may be given inline: [`pdf`] makes them indirect.
pub struct PageSpec {
    pub content: Vec<u8>,
    pub resources: Dictionary,
    /// Width and height of the `/MediaBox` (A4 unless set).
    pub size: (i64, i64),
    pub rotate: Option<i64>,
}

impl PageSpec {
    /// A page drawing `content`, with `/F1` = Helvetica in WinAnsiEncoding.
    pub fn new(content: &str) -> PageSpec {
        PageSpec::raw(content.as_bytes()).font("F1", standard_font("Helvetica"))
    }

    /// A page drawing `content`, without resources.
    pub fn raw(content: &[u8]) -> PageSpec {
        PageSpec {
            content: content.to_vec(),
            resources: Dictionary::new(),
            size: (595, 842),
            rotate: None,
        }
    }

    pub fn font(self, name: &str, font: impl Into<Object>) -> PageSpec {
        self.resource("Font", name, font)
    }

    pub fn xobject(self, name: &str, xobject: impl Into<Object>) -> PageSpec {
        self.resource("XObject", name, xobject)
    }

    /// Adds `name` to the resource category `category` (`Font`, `XObject`, `Properties`).
    pub fn resource(mut self, category: &str, name: &str, value: impl Into<Object>) -> PageSpec {
        if !self.resources.has(category.as_bytes()) {
            self.resources.set(category, Dictionary::new());
        }
        if let Ok(Object::Dictionary(d)) = self.resources.get_mut(category.as_bytes()) {
            d.set(name, value.into());
        }
        self
    }

    pub fn rotate(mut self, degrees: i64) -> PageSpec {
        self.rotate = Some(degrees);
        self
    }
}

/// A standard-14 font in WinAnsiEncoding, without widths.
pub fn standard_font(base_font: &str) -> Dictionary {
    dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => base_font, "Encoding" => "WinAnsiEncoding" }
}

/// A stream object with `data` (no filter).
pub fn stream(dict: Dictionary, data: &str) -> Object {
    Object::Stream(Stream::new(dict, data.as_bytes().to_vec()))
}

/// A `/ToUnicode` CMap with one-byte codes (`<00> <FF>`) or two-byte codes, and `body`
/// (`beginbfchar … endbfchar`, `beginbfrange … endbfrange` sections).
pub fn to_unicode(two_byte: bool, body: &str) -> Object {
    let space = if two_byte {
        "<0000> <FFFF>"
    } else {
        "<00> <FF>"
    };
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
         1 begincodespacerange {space} endcodespacerange\n{body}\n\
         endcmap CMapName currentdict /CMap defineresource pop end end\n"
    );
    stream(Dictionary::new(), &cmap)
}

/// A document with `pages`.
pub fn pdf(pages: Vec<PageSpec>) -> Vec<u8> {
    pdf_with(|_| pages)
}

/// A document whose pages `build` makes, with access to the document for objects that must
/// know their own id (a form that draws itself).
pub fn pdf_with(build: impl FnOnce(&mut Document) -> Vec<PageSpec>) -> Vec<u8> {
    let mut doc = build_document(build);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    keep(&out);
    out
}

/// The document before it is saved (to encrypt it, for one).
pub fn build_document(build: impl FnOnce(&mut Document) -> Vec<PageSpec>) -> Document {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let specs = build(&mut doc);
    let mut kids = Vec::new();
    for spec in specs {
        let resources = indirect_streams(&mut doc, Object::Dictionary(spec.resources));
        let content = doc.add_object(Stream::new(Dictionary::new(), spec.content));
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), spec.size.0.into(), spec.size.1.into()],
            "Resources" => resources,
            "Contents" => content,
        };
        if let Some(r) = spec.rotate {
            page.set("Rotate", r);
        }
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

/// Replaces every stream inside `object` by a reference to it, added to `doc`.
pub fn indirect_streams(doc: &mut Document, object: Object) -> Object {
    match object {
        Object::Dictionary(dict) => {
            let mut out = Dictionary::new();
            for (k, v) in dict.into_iter() {
                out.set(k, indirect_streams(doc, v));
            }
            Object::Dictionary(out)
        }
        Object::Array(items) => Object::Array(
            items
                .into_iter()
                .map(|o| indirect_streams(doc, o))
                .collect(),
        ),
        Object::Stream(mut s) => {
            if let Object::Dictionary(d) =
                indirect_streams(doc, Object::Dictionary(std::mem::take(&mut s.dict)))
            {
                s.dict = d;
            }
            Object::Reference(doc.add_object(s))
        }
        other => other,
    }
}

/// Writes the PDF to `$SYNTHETIC_PDF_DIR/<test name>.pdf` when that variable is set.
fn keep(pdf: &[u8]) {
    let Some(dir) = std::env::var_os("SYNTHETIC_PDF_DIR") else {
        return;
    };
    let name = std::thread::current()
        .name()
        .unwrap_or("unnamed")
        .replace("::", "-");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(std::path::Path::new(&dir).join(format!("{name}.pdf")), pdf).unwrap();
}

/// The document's layout with default options.
pub fn layout(pdf: &[u8]) -> Layout {
    extract(pdf, &Options::default()).expect("extract")
}

/// The first page.
pub fn page(pdf: &[u8]) -> Page {
    layout(pdf).pages.into_iter().next().expect("a page")
}

/// The texts of the first page's lines, in reading order, whatever their role.
pub fn lines(pdf: &[u8]) -> Vec<String> {
    page(pdf).lines.iter().map(|l| l.text()).collect()
}

/// The first page's lines as (role, text), in reading order.
pub fn roles(pdf: &[u8]) -> Vec<(Role, String)> {
    page(pdf).lines.iter().map(|l| (l.role, l.text())).collect()
}

/// `&str`s → `String`s, for comparing with [`lines`].
pub fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|s| s.to_string()).collect()
}
