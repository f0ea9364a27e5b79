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
    // lopdf decrypts only with an /Encrypt that is a reference; lift a direct one.
    let patched = indirect_encrypt(pdf);
    let pdf = patched.as_deref().unwrap_or(pdf);
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

/// A copy of the file with an incremental update that moves a direct `/Encrypt` dictionary
/// of the last trailer into an object of its own (lopdf decrypts only with a reference), or
/// `None` when there is nothing to move. Works on bytes: the trailer's strings are binary.
fn indirect_encrypt(pdf: &[u8]) -> Option<Vec<u8>> {
    let trailer_at = rfind(pdf, b"trailer")?;
    let trailer = pdf.get(trailer_at..)?;
    let dict_start = find(trailer, b"<<")?;
    let dict_len = balanced_dict(trailer.get(dict_start..)?)?;
    let dict = trailer.get(dict_start..dict_start + dict_len)?;
    let key = find(dict, b"/Encrypt")?;
    let after_key = key + b"/Encrypt".len();
    let value_start = after_key
        + dict
            .get(after_key..)?
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    if dict.get(value_start..value_start + 2)? != b"<<" {
        return None;
    }
    let value_len = balanced_dict(dict.get(value_start..)?)?;
    let encrypt = dict.get(value_start..value_start + value_len)?;
    let startxref = rfind(pdf, b"startxref")?;
    let old_xref: usize = std::str::from_utf8(
        pdf.get(startxref + 9..)?
            .get(..20.min(pdf.len().saturating_sub(startxref + 9)))?,
    )
    .ok()?
    .split_whitespace()
    .next()?
    .parse()
    .ok()?;
    let size = number_after(dict, b"/Size")?;
    // The new trailer: the old one with the reference instead of the dictionary, without
    // its /Size and /Prev, which are written anew.
    let mut entries = Vec::new();
    entries.extend_from_slice(dict.get(2..key)?);
    entries.extend_from_slice(format!("/Encrypt {size} 0 R").as_bytes());
    entries.extend_from_slice(dict.get(value_start + value_len..dict.len() - 2)?);
    let entries = remove_entry(&remove_entry(&entries, b"/Size"), b"/Prev");
    let mut out = pdf.to_vec();
    out.push(b'\n');
    let object_at = out.len();
    out.extend_from_slice(format!("{size} 0 obj\n").as_bytes());
    out.extend_from_slice(encrypt);
    out.extend_from_slice(b"\nendobj\n");
    let xref_at = out.len();
    out.extend_from_slice(
        format!("xref\n{size} 1\n{object_at:010} 00000 n \ntrailer\n<<").as_bytes(),
    );
    out.extend_from_slice(&entries);
    out.extend_from_slice(
        format!(
            "/Size {} /Prev {old_xref}>>\nstartxref\n{xref_at}\n%%EOF\n",
            size + 1
        )
        .as_bytes(),
    );
    Some(out)
}

/// Length of the `<< … >>` at the start of `bytes`, strings and nesting respected.
fn balanced_dict(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'(' => {
                // A literal string: balanced parentheses, backslash escapes.
                let mut nest = 0usize;
                loop {
                    i += 1;
                    match bytes.get(i)? {
                        b'\\' => i += 1,
                        b'(' => nest += 1,
                        b')' if nest == 0 => break,
                        b')' => nest -= 1,
                        _ => {}
                    }
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.checked_sub(1)?;
                i += 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `key value` taken out of a dictionary's bytes (the value one number).
fn remove_entry(dict: &[u8], key: &[u8]) -> Vec<u8> {
    let Some(at) = find(dict, key) else {
        return dict.to_vec();
    };
    let rest = dict.get(at + key.len()..).unwrap_or_default();
    let blank = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let digits = rest
        .get(blank..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let mut out = dict.get(..at).unwrap_or_default().to_vec();
    out.extend_from_slice(rest.get(blank + digits..).unwrap_or_default());
    out
}

fn number_after(dict: &[u8], key: &[u8]) -> Option<usize> {
    let rest = dict.get(find(dict, key)? + key.len()..)?;
    let digits: String = rest
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| char::from(b))
        .collect();
    digits.parse().ok()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_encrypt_dictionary_is_lifted_byte_for_byte() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<</Type/Catalog>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Root 1 0 R/Encrypt<</Filter/Standard/O(\xd0)\\))/P -4>>/ID[(\x94\xfe)(\x94\xfe)]/Size 2/Prev 7>>\nstartxref\n42\n%%EOF\n";
        let out = indirect_encrypt(pdf).unwrap();
        let tail = out.get(pdf.len()..).unwrap();
        assert!(
            find(
                tail,
                b"2 0 obj\n<</Filter/Standard/O(\xd0)\\))/P -4>>\nendobj"
            )
            .is_some()
        );
        assert!(
            find(
                tail,
                b"<</Root 1 0 R/Encrypt 2 0 R/ID[(\x94\xfe)(\x94\xfe)]/Size 3 /Prev 42>>"
            )
            .is_some(),
            "{}",
            String::from_utf8_lossy(tail)
        );
        // Nothing to do when the dictionary is already an object of its own.
        assert!(
            indirect_encrypt(b"%PDF-1.4\ntrailer\n<</Encrypt 5 0 R/Size 6>>\nstartxref\n0\n%%EOF")
                .is_none()
        );
    }
}
