//! Recovery by scanning, as pdftotext, mutool and pdf.js repair a file: when lopdf cannot use
//! the cross-reference data, every `N G obj` in the file is found, a fresh cross-reference
//! table naming them is appended to a copy of the bytes, and lopdf reads that copy. Objects in
//! object streams come out as lopdf reads their streams. The trailer is chosen afterwards from
//! what the file still has: its `trailer` dictionaries and cross-reference streams, newest
//! first, whose `/Root` is a catalog; or else the newest catalog itself.

use std::collections::BTreeMap;
use std::io::Write;

use lopdf::{Dictionary, Document, Object, ObjectId, ObjectStream};

use crate::bytes::{self, balanced_dict, find_from, is_space, object_header};
use crate::document::{self, Need};
use crate::{Error, ErrorKind, Options};

/// Object headers kept by the scan (bounds the rebuilt table on hostile files).
const MAX_OBJECTS: usize = 1 << 20;
/// `trailer` dictionaries considered, newest first.
const MAX_TRAILERS: usize = 16;

/// An `N G obj` header found in the file.
#[derive(Clone, Copy, Debug)]
pub struct Marker {
    pub offset: usize,
    pub id: ObjectId,
}

/// Every object header that starts a line (or follows `endobj` on its line), skipping the
/// data of streams, in file order.
pub fn scan(pdf: &[u8]) -> Vec<Marker> {
    let mut markers = Vec::new();
    let mut line_start = true;
    // Once one `stream` has no `endstream` after it, no later one has.
    let mut unterminated = false;
    let mut i = 0;
    while let Some(&b) = pdf.get(i) {
        let rest = pdf.get(i..).unwrap_or_default();
        // Past an unterminated stream its data is scanned too: within a line, only `endobj`
        // and the line's end change what the scan does, so it goes from one `e`, CR or LF to
        // the next.
        if unterminated && !line_start && !matches!(b, b'e' | b'\r' | b'\n') {
            match memchr::memchr3(b'e', b'\r', b'\n', rest) {
                Some(k) => i += k,
                None => break,
            }
            continue;
        }
        if b == b's' && !unterminated && stream_keyword(pdf, i) {
            match find_from(pdf, i + 6, b"endstream") {
                Some(end) => {
                    i = end + b"endstream".len();
                    line_start = false;
                    continue;
                }
                None => unterminated = true,
            }
        }
        if b == b'e' && rest.starts_with(b"endobj") {
            i += b"endobj".len();
            line_start = true;
            continue;
        }
        if line_start
            && b.is_ascii_digit()
            && let Some((number, generation, len)) = object_header(rest)
        {
            if number > 0 {
                markers.push(Marker {
                    offset: i,
                    id: (number, generation),
                });
                if markers.len() >= MAX_OBJECTS {
                    break;
                }
            }
            i += len;
            line_start = false;
            continue;
        }
        line_start = matches!(b, b'\r' | b'\n') || (line_start && matches!(b, b' ' | b'\t'));
        i += 1;
    }
    markers
}

/// `stream` at `at` as a keyword: not the end of `endstream`, followed by an end of line.
fn stream_keyword(pdf: &[u8], at: usize) -> bool {
    pdf.get(at..at + 6) == Some(b"stream")
        && !(at >= 3 && pdf.get(at - 3..at) == Some(b"end"))
        && matches!(pdf.get(at + 6), Some(b'\r' | b'\n'))
}

/// The file's `trailer` dictionaries, newest first: where the keyword stands, and the bytes
/// of the dictionary.
fn trailers(pdf: &[u8]) -> Vec<(usize, &[u8])> {
    let mut out = Vec::new();
    let mut bound = pdf.len();
    while out.len() < MAX_TRAILERS {
        let Some(at) = bytes::rfind(pdf.get(..bound).unwrap_or_default(), b"trailer") else {
            break;
        };
        bound = at;
        let after = at + b"trailer".len();
        let rest = pdf.get(after..).unwrap_or_default();
        let start = rest.iter().take_while(|&&b| is_space(b)).count();
        if let Some(dict) = rest.get(start..)
            && dict.starts_with(b"<<")
            && let Some(len) = balanced_dict(dict)
            && let Some(dict) = dict.get(..len)
        {
            out.push((at, dict));
        }
    }
    out
}

/// A copy of the file with a cross-reference table for the scanned objects appended.
struct Rebuilt {
    bytes: Vec<u8>,
    /// The file's `trailer` dictionaries, appended as objects, with where each stood.
    trailers: Vec<(ObjectId, usize)>,
    /// A stand-in catalog and page tree root, so that lopdf does not rebuild on its own; the
    /// real root is set once the document is read.
    stand_ins: [ObjectId; 2],
    /// The encryption dictionary, when it had to be appended as an object of its own.
    encrypt: Option<ObjectId>,
}

/// Entries added to the appended trailer: `/Encrypt` (a reference, or a dictionary that is
/// appended as an object) and `/ID`.
struct Crypt<'a> {
    encrypt: &'a Object,
    id: &'a Object,
}

/// The copy being written: bytes, the table, the next free object number.
struct Copy {
    out: Vec<u8>,
    table: BTreeMap<u32, (usize, u16)>,
    next: u32,
}

impl Copy {
    /// Appends `body` as a new object.
    fn object(&mut self, body: &[u8]) -> ObjectId {
        let id = (self.next, 0);
        self.next = self.next.saturating_add(1);
        self.table.insert(id.0, (self.out.len(), 0));
        let _ = writeln!(self.out, "{} 0 obj", id.0);
        self.out.extend_from_slice(body);
        self.out.extend_from_slice(b"\nendobj\n");
        id
    }
}

fn rebuild(pdf: &[u8], markers: &[Marker], crypt: Option<&Crypt<'_>>) -> Rebuilt {
    let mut table: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    for m in markers {
        // Incremental updates append: the last copy of an object is the current one.
        table.insert(m.id.0, (m.offset, m.id.1));
    }
    let next = table.keys().next_back().map_or(1, |n| n.saturating_add(1));
    let mut out = Vec::with_capacity(pdf.len() + markers.len() * 20 + 4096);
    out.extend_from_slice(pdf);
    out.push(b'\n');
    let mut copy = Copy { out, table, next };
    let trailer_objects: Vec<(ObjectId, usize)> = trailers(pdf)
        .into_iter()
        .map(|(at, dict)| (copy.object(dict), at))
        .collect();
    let pages_id = copy.next.saturating_add(1);
    let catalog = copy.object(format!("<</Type/Catalog/Pages {pages_id} 0 R>>").as_bytes());
    let pages = copy.object(b"<</Type/Pages/Kids[]/Count 0>>");
    let mut extra = Vec::new();
    let mut encrypt = None;
    if let Some(crypt) = crypt {
        let value = match crypt.encrypt {
            Object::Dictionary(_) => {
                let id = copy.object(&serialize(crypt.encrypt));
                encrypt = Some(id);
                Object::Reference(id)
            }
            other => other.clone(),
        };
        extra.extend_from_slice(b"/Encrypt ");
        extra.extend_from_slice(&serialize(&value));
        extra.extend_from_slice(b"/ID ");
        extra.extend_from_slice(&serialize(crypt.id));
    }
    let Copy {
        mut out,
        table,
        next,
    } = copy;
    let xref_at = out.len();
    write_table(&mut out, &table);
    let _ = write!(out, "trailer\n<</Size {next}/Root {} 0 R", catalog.0);
    out.extend_from_slice(&extra);
    let _ = write!(out, ">>\nstartxref\n{xref_at}\n%%EOF\n");
    Rebuilt {
        bytes: out,
        trailers: trailer_objects,
        stand_ins: [catalog, pages],
        encrypt,
    }
}

/// A classic cross-reference table: object 0 free, then one subsection per run of numbers.
fn write_table(out: &mut Vec<u8>, table: &BTreeMap<u32, (usize, u16)>) {
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    let entries: Vec<(&u32, &(usize, u16))> = table.iter().collect();
    for run in entries.chunk_by(|a, b| a.0.checked_add(1) == Some(*b.0)) {
        let Some(first) = run.first() else { continue };
        let _ = writeln!(out, "{} {}", first.0, run.len());
        for (_, (offset, generation)) in run {
            let _ = writeln!(out, "{offset:010} {generation:05} n ");
        }
    }
}

/// An object as PDF syntax.
pub fn serialize(object: &Object) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = lopdf::Writer::write_object(&mut out, object);
    out
}

/// What recovery found, for the diagnostics.
pub struct Recovered {
    pub doc: Document,
    pub notes: Vec<String>,
}

/// Reads `pdf` from its scanned objects. `pdf` starts with its header, as lopdf reads it.
pub fn recover(pdf: &[u8], options: &Options) -> Result<Recovered, Error> {
    let markers = scan(pdf);
    if markers.is_empty() {
        return Err(Error::new(
            ErrorKind::Unreadable,
            "no objects found".to_string(),
        ));
    }
    let mut notes = vec![format!(
        "cross-reference data unusable; rebuilt from {} objects found by scanning the file",
        markers.len()
    )];
    let limits = &options.limits;
    let rebuilt = rebuild(pdf, &markers, None);
    let mut doc = document::load(&rebuilt.bytes, None, limits)
        .map_err(|e| Error::new(ErrorKind::Unreadable, e.to_string()))?;
    let offsets: BTreeMap<ObjectId, usize> = markers.iter().map(|m| (m.id, m.offset)).collect();
    let found = choose_trailer(&doc, &rebuilt, &offsets);
    let mut trailer = Dictionary::new();
    match found.root {
        Some(root) => trailer.set("Root", Object::Reference(root)),
        None => notes.push("no catalog found; pages are taken from the page objects".to_string()),
    }
    if let Some(info) = found.info {
        trailer.set("Info", info);
    }
    if let Some((encrypt, id)) = found.crypt {
        match document::need(&doc, &encrypt) {
            Need::Password => {
                let id = id.unwrap_or_else(|| {
                    notes.push(document::NO_ID.to_string());
                    document::empty_id()
                });
                let crypt = Crypt {
                    encrypt: &encrypt,
                    id: &id,
                };
                doc = decrypted(pdf, &markers, &crypt, options)?;
            }
            need => notes.push(need.note().to_string()),
        }
    }
    for id in rebuilt
        .trailers
        .iter()
        .map(|t| t.0)
        .chain(rebuilt.stand_ins)
    {
        doc.objects.remove(&id);
    }
    doc.trailer = trailer;
    Ok(Recovered { doc, notes })
}

/// The scanned objects read again with the encryption entries and the password.
fn decrypted(
    pdf: &[u8],
    markers: &[Marker],
    crypt: &Crypt<'_>,
    options: &Options,
) -> Result<Document, Error> {
    let rebuilt = rebuild(pdf, markers, Some(crypt));
    let password = options.password.as_deref();
    let mut doc = match document::load(&rebuilt.bytes, password, &options.limits) {
        Ok(doc) if !doc.trailer.has(b"Encrypt") => doc,
        Ok(_) | Err(lopdf::Error::InvalidPassword) => {
            return Err(document::password_error(password.is_some()));
        }
        Err(e) => return Err(Error::new(ErrorKind::Unreadable, e.to_string())),
    };
    // lopdf opens object streams of an encrypted file only through the cross-reference
    // entries that name their members, which a scan cannot know.
    expand_object_streams(&mut doc, options.limits.max_stream_bytes);
    if let Some(id) = rebuilt.encrypt {
        doc.objects.remove(&id);
    }
    for id in rebuilt
        .trailers
        .iter()
        .map(|t| t.0)
        .chain(rebuilt.stand_ins)
    {
        doc.objects.remove(&id);
    }
    Ok(doc)
}

/// Objects of every object stream that are not objects already.
fn expand_object_streams(doc: &mut Document, max_bytes: usize) {
    let mut found = Vec::new();
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object
            && stream.dict.has_type(b"ObjStm")
            && let Ok(objects) = ObjectStream::new_with_limit(stream, Some(max_bytes))
        {
            found.extend(objects.objects);
        }
    }
    for (id, object) in found {
        doc.objects.entry(id).or_insert(object);
    }
}

/// The trailer recovery settles on.
struct Found {
    root: Option<ObjectId>,
    info: Option<Object>,
    /// `/Encrypt` and `/ID` (when there is one).
    crypt: Option<(Object, Option<Object>)>,
}

fn choose_trailer(doc: &Document, rebuilt: &Rebuilt, offsets: &BTreeMap<ObjectId, usize>) -> Found {
    // Trailer dictionaries and cross-reference stream dictionaries, newest first.
    let mut candidates: Vec<(usize, &Dictionary)> = Vec::new();
    for (id, at) in &rebuilt.trailers {
        if let Ok(dict) = doc.get_dictionary(*id) {
            candidates.push((*at, dict));
        }
    }
    for (id, object) in &doc.objects {
        if let Object::Stream(stream) = object
            && stream.dict.has_type(b"XRef")
            && let Some(&at) = offsets.get(id)
        {
            candidates.push((at, &stream.dict));
        }
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
    let chosen = candidates
        .iter()
        .find(|(_, dict)| root(dict).is_some_and(|r| is_catalog(doc, r)));
    let crypt = chosen
        .filter(|(_, d)| d.has(b"Encrypt"))
        .or_else(|| candidates.iter().find(|(_, d)| d.has(b"Encrypt")))
        .and_then(|(_, d)| {
            let encrypt = d.get(b"Encrypt").ok()?.clone();
            Some((encrypt, d.get(b"ID").ok().cloned()))
        });
    Found {
        root: chosen
            .and_then(|(_, d)| root(d))
            .or_else(|| newest_catalog(doc, offsets)),
        info: chosen.and_then(|(_, d)| d.get(b"Info").ok().cloned()),
        crypt,
    }
}

fn root(trailer: &Dictionary) -> Option<ObjectId> {
    trailer.get(b"Root").ok()?.as_reference().ok()
}

fn is_catalog(doc: &Document, id: ObjectId) -> bool {
    doc.get_dictionary(id)
        .is_ok_and(|d| d.has(b"Pages") && (d.has_type(b"Catalog") || !d.has(b"Type")))
}

/// The catalog that comes last in the file (an object-stream member counts as standing
/// where nothing else does: before every top-level object).
fn newest_catalog(doc: &Document, offsets: &BTreeMap<ObjectId, usize>) -> Option<ObjectId> {
    doc.objects
        .keys()
        .filter(|id| {
            doc.get_dictionary(**id)
                .is_ok_and(|d| d.has_type(b"Catalog") && d.has(b"Pages"))
        })
        .max_by_key(|id| (offsets.get(id).copied().unwrap_or(0), **id))
        .copied()
}

/// Keys of a cross-reference stream's dictionary that a classic trailer does not have.
const XREF_KEYS: &[&[u8]] = &[
    b"Type",
    b"W",
    b"Index",
    b"Length",
    b"Filter",
    b"DecodeParms",
    b"XRefStm",
    b"Prev",
];

/// A copy of `pdf` with an incremental update whose trailer is `trailer` (made classic),
/// linked to the section at `prev` when there is one.
pub fn append_trailer(pdf: &[u8], trailer: &Dictionary, prev: Option<usize>) -> Vec<u8> {
    let mut dict = trailer.clone();
    for key in XREF_KEYS {
        dict.remove(key);
    }
    if let Some(prev) = prev {
        dict.set("Prev", Object::Integer(prev as i64));
    }
    let mut out = Vec::with_capacity(pdf.len() + 512);
    out.extend_from_slice(pdf);
    out.push(b'\n');
    let xref_at = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \ntrailer\n");
    out.extend_from_slice(&serialize(&Object::Dictionary(dict)));
    let _ = write!(out, "\nstartxref\n{xref_at}\n%%EOF\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_finds_headers_and_skips_stream_data() {
        let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj 2 0 obj\n<</Length 9>>stream\n3 0 obj\nendstream\nendobj\n  4 1 obj 5 endobj\n";
        let ids: Vec<ObjectId> = scan(pdf).iter().map(|m| m.id).collect();
        assert_eq!(ids, vec![(1, 0), (2, 0), (4, 1)]);
    }

    #[test]
    fn scan_reads_on_through_an_unterminated_stream() {
        // The stream has no `endstream`: its data is scanned, and an object header at a
        // line's start (after spaces), or after `endobj`, is found in it; one inside a line
        // is not.
        let pdf = b"%PDF-1.4\n1 0 obj\n<</Length 99>>stream\nx\x00y 5 0 obj z\r\n  2 0 obj\n<<>>\nqq endobj 3 0 obj 7 endobj\nsee 6 0 obj\n4 2 obj\n";
        let ids: Vec<ObjectId> = scan(pdf).iter().map(|m| m.id).collect();
        assert_eq!(ids, vec![(1, 0), (2, 0), (3, 0), (4, 2)]);
    }

    #[test]
    fn rebuilt_table_reads_back() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n3 0 obj\n<</Type/Page/Parent 2 0 R>>\nendobj\nxref\ngarbage\ntrailer\n<</Root 1 0 R/Size 4>>\nstartxref\n9999\n%%EOF\n";
        let recovered = recover(pdf, &Options::default()).unwrap();
        assert_eq!(
            recovered.doc.trailer.get(b"Root").unwrap(),
            &Object::Reference((1, 0))
        );
        assert!(recovered.doc.get_dictionary((3, 0)).is_ok());
        assert_eq!(recovered.doc.objects.len(), 3);
    }
}
