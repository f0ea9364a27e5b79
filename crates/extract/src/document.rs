//! Opening a PDF (lopdf, with repair and decryption) and walking its pages.

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::geometry::Matrix;
use crate::objects::{self, get, get_dict};
use crate::{Error, ErrorKind, Options};

/// Opens a document, decrypting it with the empty password or `options.password`.
pub fn open(pdf: &[u8], options: &Options) -> Result<Document, Error> {
    if !looks_like_pdf(pdf) {
        return Err(Error::new(ErrorKind::NotPdf, "no %PDF header".to_string()));
    }
    let load_options = LoadOptions {
        password: options.password.clone(),
        max_decompressed_size: Some(options.limits.max_stream_bytes),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(pdf, load_options).map_err(|e| match e {
        lopdf::Error::InvalidPassword => Error::new(
            ErrorKind::WrongPassword,
            "the password is not correct".to_string(),
        ),
        lopdf::Error::Decryption(e) => {
            Error::new(ErrorKind::Unreadable, format!("cannot decrypt: {e}"))
        }
        other => Error::new(ErrorKind::Unreadable, other.to_string()),
    })?;
    if doc.trailer.has(b"Encrypt") {
        return Err(match &options.password {
            Some(_) => Error::new(
                ErrorKind::WrongPassword,
                "the password is not correct".to_string(),
            ),
            None => Error::new(
                ErrorKind::PasswordRequired,
                "the document is encrypted and needs a password".to_string(),
            ),
        });
    }
    Ok(doc)
}

/// `%PDF-` within the first kilobyte, as readers accept.
fn looks_like_pdf(pdf: &[u8]) -> bool {
    let head = pdf.get(..pdf.len().min(1024)).unwrap_or_default();
    head.windows(5).any(|w| w == b"%PDF-")
}

/// What the content interpreter needs of a page.
pub struct PageInfo<'a> {
    pub dict: &'a Dictionary,
    pub resources: Option<&'a Dictionary>,
    /// Display width and height (after rotation).
    pub width: f32,
    pub height: f32,
    pub rotation: u16,
    /// User space → display space (top-left origin, y down, rotation applied).
    pub matrix: Matrix,
}

/// The pages in order, each once, and how many repeats were dropped. lopdf's page tree walk
/// is bounded by the number of objects, but a tree whose `/Kids` loop back visits the same
/// page again and again: a page object is one page, however often the tree names it.
pub fn pages(doc: &Document) -> (Vec<ObjectId>, usize) {
    let mut seen = std::collections::HashSet::new();
    let mut pages = Vec::new();
    let mut repeats = 0;
    for id in doc.page_iter() {
        if seen.insert(id) {
            pages.push(id);
        } else {
            repeats += 1;
        }
    }
    (pages, repeats)
}

pub fn page_info(doc: &Document, id: ObjectId) -> Option<PageInfo<'_>> {
    let dict = doc.get_dictionary(id).ok()?;
    let media = inherited(doc, dict, b"MediaBox")
        .and_then(|o| rect(doc, o))
        .unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let crop = inherited(doc, dict, b"CropBox")
        .and_then(|o| rect(doc, o))
        .map(|c| intersect(c, media))
        .unwrap_or(media);
    let rotation = inherited(doc, dict, b"Rotate")
        .and_then(objects::number)
        .map_or(0, |r| ((r as i64).rem_euclid(360) / 90 * 90) as u16);
    let resources = inherited(doc, dict, b"Resources").and_then(|o| objects::as_dict(doc, o));
    let [x0, y0, x1, y1] = crop;
    let (w, h) = (x1 - x0, y1 - y0);
    let matrix = match rotation {
        90 => Matrix([0.0, 1.0, 1.0, 0.0, -y0, -x0]),
        180 => Matrix([-1.0, 0.0, 0.0, 1.0, x1, -y0]),
        270 => Matrix([0.0, -1.0, -1.0, 0.0, y1, x1]),
        _ => Matrix([1.0, 0.0, 0.0, -1.0, -x0, y1]),
    };
    let (width, height) = if rotation % 180 == 90 { (h, w) } else { (w, h) };
    Some(PageInfo {
        dict,
        resources,
        width,
        height,
        rotation,
        matrix,
    })
}

/// A page attribute, looked up through `/Parent` when the page does not carry it (§7.7.3.4).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Some(value) = get(doc, node, key) {
            return Some(value);
        }
        node = get_dict(doc, node, b"Parent")?;
    }
    None
}

fn rect(doc: &Document, object: &Object) -> Option<[f32; 4]> {
    let Object::Array(items) = object else {
        return None;
    };
    let v = objects::numbers(doc, items)?;
    let [a, b, c, d] = v[..] else { return None };
    let r = [a.min(c), b.min(d), a.max(c), b.max(d)];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0).then_some(r)
}

fn intersect(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    let r = [
        a[0].max(b[0]),
        a[1].max(b[1]),
        a[2].min(b[2]),
        a[3].min(b[3]),
    ];
    if r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0 {
        r
    } else {
        b
    }
}

/// The page's content streams, and how many `/Contents` entries name no stream (a missing
/// object, or one lopdf could not read).
pub fn content_streams<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
) -> (Vec<&'a lopdf::Stream>, usize) {
    let Some(contents) = page.get(b"Contents").ok() else {
        return (Vec::new(), 0);
    };
    let items: Vec<&Object> = match objects::resolve(doc, contents) {
        Some(Object::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => return (Vec::new(), 1),
    };
    let mut streams = Vec::new();
    let mut missing = 0;
    for item in items {
        match objects::resolve(doc, item) {
            Some(Object::Stream(s)) => streams.push(s),
            Some(Object::Null) => {}
            _ => missing += 1,
        }
    }
    (streams, missing)
}

/// The stream's `/Length` is a non-negative number (directly or through a reference), as it
/// should be.
pub fn has_valid_length(doc: &Document, stream: &lopdf::Stream) -> bool {
    matches!(objects::get(doc, &stream.dict, b"Length"), Some(Object::Integer(n)) if *n >= 0)
}
