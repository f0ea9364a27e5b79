//! Opening a PDF (lopdf, with repair and decryption) and walking its pages.
//!
//! The order of attempts: lopdf reads the file as its cross-reference data says (and repairs
//! small damage itself); an `/Encrypt` that the pages do not need, or that is no encryption
//! dictionary, is dropped, and a missing `/ID` taken as empty; when the data is unusable or
//! no page comes out, the file is read again from the objects a scan finds (`repair`).

use std::borrow::Cow;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::bytes::{self, balanced_dict, find, rfind};
use crate::geometry::Matrix;
use crate::objects::{self, get, get_dict};
use crate::packed;
use crate::pages;
use crate::repair;
use crate::{Error, ErrorKind, Limits, Options};

/// An opened document, and what was repaired to open it (for diagnostics).
pub struct Opened {
    pub doc: Document,
    pub notes: Vec<String>,
}

/// Opens a document, decrypting it with the empty password or `options.password`.
pub fn open(pdf: &[u8], options: &Options) -> Result<Opened, Error> {
    let mut notes = Vec::new();
    let Some(pdf) = with_header(pdf, &mut notes) else {
        return Err(Error::new(ErrorKind::NotPdf, "no %PDF header".to_string()));
    };
    let headerless = !notes.is_empty();
    // lopdf decrypts only with an /Encrypt that is a reference; lift a direct one.
    let patched = indirect_encrypt(&pdf);
    let pdf = patched.as_deref().unwrap_or(&pdf);
    let limit = options.limits.max_stream_bytes;
    // A clean file is read with only the object streams its pages need opened; any other
    // is opened in full and goes the way of repair.
    let mut loaded = None;
    if let Some(mut doc) = packed::load(pdf, limit) {
        if doc.xref_recovery.is_none() {
            packed::open_reachable(&mut doc, limit);
            let list = pages::pages(&doc);
            let each_page_once = list.repeats == 0 && list.restored == 0;
            if !packed::has_unread_stream(&doc) && each_page_once && trusted_with(pdf, &doc, &list)
            {
                return Ok(Opened { doc, notes });
            }
        }
        loaded = packed::open_all(&mut doc, pdf, limit).then_some(doc);
    }
    let result = match read(pdf, loaded, options, &mut notes) {
        Ok(doc) if trusted(pdf, &doc) => Ok(doc),
        Ok(doc) if dangles_as_written(pdf, &doc) => Ok(doc),
        // lopdf rebuilt the table itself, or pages are missing: a scan of our own may find
        // more (lopdf's does not read object streams without a cross-reference stream).
        Ok(doc) => Ok(match repair::recover(pdf, options) {
            Ok(r) if score(&r.doc) > score(&doc) => {
                notes.extend(r.notes);
                r.doc
            }
            _ => doc,
        }),
        Err(e) if e.kind == ErrorKind::Unreadable => repair::recover(pdf, options)
            .map(|r| {
                notes.extend(r.notes);
                r.doc
            })
            .map_err(|_| e),
        Err(e) => Err(e),
    };
    match result {
        Ok(doc) if headerless && score(&doc).1 == 0 => {
            Err(Error::new(ErrorKind::NotPdf, "no %PDF header".to_string()))
        }
        Ok(doc) => Ok(Opened { doc, notes }),
        // Bytes without a header that do not read as a PDF either are not one.
        Err(e) if headerless && e.kind == ErrorKind::Unreadable => {
            Err(Error::new(ErrorKind::NotPdf, "no %PDF header".to_string()))
        }
        Err(e) => Err(e),
    }
}

/// A document read from its own cross-reference data, whose entries name the objects they
/// point at, whose references all lead somewhere, and whose page tree gives every page.
fn trusted(pdf: &[u8], doc: &Document) -> bool {
    trusted_with(pdf, doc, &pages::pages(doc))
}

/// [`trusted`], with the document's page list found already.
fn trusted_with(pdf: &[u8], doc: &Document, list: &pages::PageList) -> bool {
    sound(pdf, doc, list) && dangling(doc) == 0
}

/// [`trusted`] but for references to objects the document does not have.
fn sound(pdf: &[u8], doc: &Document, list: &pages::PageList) -> bool {
    doc.xref_recovery != Some(lopdf::xref::XrefRecovery::Reconstructed)
        && list.broken == 0
        && !list.scanned
        && list.ids.iter().any(|&id| doc.get_dictionary(id).is_ok())
        && xref_mismatches(pdf, doc) == 0
}

/// A document distrusted only for references to objects it does not have, where the file
/// holds no object that its cross-reference data leaves out: a scan would read the same
/// objects again (the references dangle as the file was written). (lopdf keeps no
/// encryption dictionary among the objects once it has decrypted them.)
fn dangles_as_written(pdf: &[u8], doc: &Document) -> bool {
    use lopdf::xref::XrefEntry;
    let listed = |id: ObjectId| {
        doc.objects.contains_key(&id)
            || matches!(
                doc.reference_table.get(id.0),
                Some(XrefEntry::Normal { .. } | XrefEntry::Compressed { .. })
            )
    };
    sound(pdf, doc, &pages::pages(doc)) && repair::scan(pdf).iter().all(|marker| listed(marker.id))
}

/// Cross-reference entries that do not point at their object: an offset without the object's
/// header, or an object stream that is not one. (A damaged cross-reference stream may still
/// decode, to wrong numbers.)
fn xref_mismatches(pdf: &[u8], doc: &Document) -> usize {
    use lopdf::xref::XrefEntry;
    let header_at = |offset: usize| {
        let rest = pdf.get(offset..).unwrap_or_default();
        let blank = rest
            .iter()
            .take(64)
            .take_while(|&&b| bytes::is_space(b))
            .count();
        bytes::object_header(rest.get(blank..).unwrap_or_default())
    };
    doc.reference_table
        .entries
        .iter()
        .filter(|(number, entry)| match entry {
            XrefEntry::Normal { offset, generation } => header_at(*offset as usize)
                .is_none_or(|(n, g, _)| n != **number || g != *generation),
            XrefEntry::Compressed { container, .. } => !matches!(
                doc.objects.get(&(*container, 0)),
                Some(Object::Stream(s)) if s.dict.has_type(b"ObjStm") || s.dict.has_type(packed::PACKED)
            ),
            _ => false,
        })
        .count()
}

/// Of two readings of a damaged file, the better: more readable pages found through a page
/// tree, then more readable pages, then fewer references to objects that are not there.
fn score(doc: &Document) -> (usize, usize, std::cmp::Reverse<usize>) {
    let list = pages::pages(doc);
    let readable = list
        .ids
        .iter()
        .filter(|&&id| doc.get_dictionary(id).is_ok())
        .count();
    let from_tree = if list.scanned { 0 } else { readable };
    (from_tree, readable, std::cmp::Reverse(dangling(doc)))
}

/// References to objects the document does not have (a member of an object stream still
/// packed it has).
fn dangling(doc: &Document) -> usize {
    let mut count = 0;
    let mut stack: Vec<&Object> = doc.objects.values().collect();
    while let Some(object) = stack.pop() {
        match object {
            Object::Reference(id) if !doc.objects.contains_key(id) && !packed::holds(doc, *id) => {
                count += 1
            }
            Object::Array(items) => stack.extend(items),
            Object::Dictionary(d) => stack.extend(d.iter().map(|(_, v)| v)),
            Object::Stream(s) => stack.extend(s.dict.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    count
}

/// The file from its `%PDF-` header on (within the first kilobyte, as readers accept), or,
/// when there is none but an object header starts a line there, the bytes behind a header of
/// our own; `None` when it does not look like a PDF at all.
fn with_header<'a>(pdf: &'a [u8], notes: &mut Vec<String>) -> Option<Cow<'a, [u8]>> {
    let head = pdf.get(..pdf.len().min(1024)).unwrap_or_default();
    if let Some(at) = find(head, b"%PDF-") {
        return pdf.get(at..).map(Cow::Borrowed);
    }
    let object_near_start = head.iter().enumerate().any(|(i, &b)| {
        b.is_ascii_digit()
            && (i == 0 || matches!(head.get(i - 1), Some(b'\r' | b'\n')))
            && bytes::object_header(head.get(i..).unwrap_or_default()).is_some()
    });
    if !object_near_start {
        return None;
    }
    notes.push("no %PDF- header; the file is read as a PDF all the same".to_string());
    let mut out = b"%PDF-1.7\n".to_vec();
    out.extend_from_slice(pdf);
    Some(Cow::Owned(out))
}

/// lopdf's reading, bounded by the limits.
pub fn load(pdf: &[u8], password: Option<&str>, limits: &Limits) -> Result<Document, lopdf::Error> {
    let options = LoadOptions {
        password: password.map(str::to_string),
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..LoadOptions::default()
    };
    Document::load_mem_with_options(pdf, options)
}

/// The file as its cross-reference data says, decrypted where the pages need it; `loaded`
/// is lopdf's reading of it when it has been read already.
fn read(
    pdf: &[u8],
    loaded: Option<Document>,
    options: &Options,
    notes: &mut Vec<String>,
) -> Result<Document, Error> {
    let password = options.password.as_deref();
    let doc = match loaded.map_or_else(|| load(pdf, password, &options.limits), Ok) {
        Ok(doc) => doc,
        // The password given is wrong, or the document has none that the pages need: read it
        // locked to find out which.
        Err(lopdf::Error::InvalidPassword) => {
            load(pdf, None, &options.limits).map_err(|_| password_error(true))?
        }
        Err(lopdf::Error::Decryption(e)) => {
            return Err(Error::new(
                ErrorKind::Unreadable,
                format!("cannot decrypt: {e}"),
            ));
        }
        Err(other) => return Err(Error::new(ErrorKind::Unreadable, other.to_string())),
    };
    if doc.xref_recovery.is_some() {
        notes.push("cross-reference table damaged; rebuilt by scanning the file".to_string());
    }
    let Ok(encrypt) = doc.trailer.get(b"Encrypt") else {
        return Ok(doc);
    };
    // Still locked: lopdf read only the encryption dictionary.
    let prev = (doc.xref_recovery.is_none() && doc.xref_start > 0).then_some(doc.xref_start);
    let mut trailer = doc.trailer.clone();
    match need(&doc, encrypt) {
        Need::Password if doc.trailer.has(b"ID") => Err(password_error(password.is_some())),
        Need::Password => {
            notes.push(NO_ID.to_string());
            trailer.set("ID", empty_id());
            let again = repair::append_trailer(pdf, &trailer, prev);
            match load(&again, password, &options.limits) {
                Ok(doc) if !doc.trailer.has(b"Encrypt") => Ok(doc),
                _ => Err(password_error(password.is_some())),
            }
        }
        need => {
            notes.push(need.note().to_string());
            trailer.remove(b"Encrypt");
            let again = repair::append_trailer(pdf, &trailer, prev);
            load(&again, None, &options.limits)
                .map_err(|e| Error::new(ErrorKind::Unreadable, e.to_string()))
        }
    }
}

pub fn password_error(given: bool) -> Error {
    if given {
        Error::new(
            ErrorKind::WrongPassword,
            "the password is not correct".to_string(),
        )
    } else {
        Error::new(
            ErrorKind::PasswordRequired,
            "the document is encrypted and needs a password".to_string(),
        )
    }
}

pub const NO_ID: &str = "encrypted, but the trailer has no /ID; an empty one is assumed";

/// `/ID` of two empty strings, for a trailer that has none.
pub fn empty_id() -> Object {
    let empty = || Object::String(Vec::new(), lopdf::StringFormat::Hexadecimal);
    Object::Array(vec![empty(), empty()])
}

/// What an `/Encrypt` entry asks of a reader that wants the pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Streams or strings are encrypted: the password is needed.
    Password,
    /// Only what a crypt filter names explicitly (embedded files) is encrypted: streams and
    /// strings use the identity filter (§7.6.5, `/StmF` and `/StrF`, V 4 and 5).
    EmbeddedFilesOnly,
    /// No encryption dictionary with a security handler: nothing can be decrypted, and
    /// readers treat the file as not encrypted.
    Unusable,
}

impl Need {
    pub fn note(self) -> &'static str {
        match self {
            Need::Password => "encrypted",
            Need::EmbeddedFilesOnly => {
                "only embedded files are encrypted (/StmF and /StrF are /Identity); the pages are read without a password"
            }
            Need::Unusable => {
                "the /Encrypt entry is not a usable encryption dictionary; the file is read as not encrypted"
            }
        }
    }
}

pub fn need(doc: &Document, encrypt: &Object) -> Need {
    let dict = match objects::resolve(doc, encrypt) {
        Some(Object::Dictionary(d)) => d,
        _ => return Need::Unusable,
    };
    if objects::get_name(doc, dict, b"Filter").is_none() {
        return Need::Unusable;
    }
    let version = objects::get_number(doc, dict, b"V").unwrap_or(0.0);
    if version < 4.0 {
        return Need::Password;
    }
    let identity =
        |key: &[u8]| objects::get_name(doc, dict, key).is_none_or(|name| name == b"Identity");
    if identity(b"StmF") && identity(b"StrF") {
        Need::EmbeddedFilesOnly
    } else {
        Need::Password
    }
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
