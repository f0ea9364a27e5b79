//! Opening only the object streams the pages lead to.
//!
//! lopdf parses every member of every object stream when it loads a file. In a tagged PDF
//! written with object streams most of them are the structure tree, which extraction never
//! reads: on a one-page tagged file of the corpus two thirds of the instructions went to
//! parsing it. Here lopdf loads the file with its object streams left packed, and a walk
//! from the trailer opens those that hold an object it reaches, passing by the structure
//! tree.
//!
//! Only a clean file is read this way: not encrypted, its cross-reference data read as
//! written, every reference leading somewhere, a page tree giving every page once. Anything
//! else goes the way of [`crate::document`], which loads everything and repairs.

use std::collections::HashSet;

use lopdf::xref::XrefEntry;
use lopdf::{Document, LoadOptions, Object, ObjectId, ObjectStream};

use crate::bytes;

/// The type an object stream is given while it is packed, so that lopdf leaves it a stream.
pub const PACKED: &[u8] = b"KamerbriefPackedObjStm";

/// Keys whose values extraction never reads and that lead to most of a tagged file's objects.
const NOT_WALKED: &[&[u8]] = &[b"StructTreeRoot"];

/// lopdf's reading of the file with its object streams left packed; `None` for an encrypted
/// file (lopdf opens its object streams itself) and for one lopdf cannot read.
pub fn load(pdf: &[u8], max_stream_bytes: usize) -> Option<Document> {
    if bytes::find(pdf, b"/Encrypt").is_some() {
        return None;
    }
    let options = LoadOptions {
        filter: Some(keep_packed),
        max_decompressed_size: Some(max_stream_bytes),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(pdf, options).ok()?;
    (!doc.trailer.has(b"Encrypt")).then_some(doc)
}

/// Opens the object streams that hold an object the trailer leads to (but for
/// [`NOT_WALKED`]). Afterwards every object extraction reads is there, unless
/// [`has_unread_stream`].
pub fn open_reachable(doc: &mut Document, max_stream_bytes: usize) {
    let packs = doc
        .reference_table
        .entries
        .values()
        .any(|entry| matches!(entry, XrefEntry::Compressed { .. }));
    if !packs {
        return;
    }
    let mut seen = HashSet::new();
    let mut todo = Vec::new();
    references(&Object::Dictionary(doc.trailer.clone()), &mut todo);
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        if !doc.objects.contains_key(&id)
            && let Some(&XrefEntry::Compressed { container, .. }) = doc.reference_table.get(id.0)
        {
            let _ = open(doc, container, max_stream_bytes);
        }
        if let Some(object) = doc.objects.get(&id) {
            references(object, &mut todo);
        }
    }
}

/// Opens every object stream still packed and reads again the streams whose content waited
/// for them: the document as lopdf's full reading of `pdf` gives it. `false` when lopdf
/// would have read it otherwise (an object stream over the size limit fails the reading; a
/// page tree lost in a damaged file is rebuilt).
pub fn open_all(doc: &mut Document, pdf: &[u8], max_stream_bytes: usize) -> bool {
    let containers: Vec<u32> = doc
        .objects
        .iter()
        .filter(|(_, object)| matches!(object, Object::Stream(s) if s.dict.has_type(PACKED)))
        .map(|(id, _)| id.0)
        .collect();
    for container in containers {
        if open(doc, container, max_stream_bytes).is_err() {
            return false;
        }
    }
    if let Some(&(last, _)) = doc.objects.keys().next_back() {
        doc.max_id = doc.max_id.max(last);
    }
    read_waiting_streams(doc, pdf);
    doc.xref_recovery
        .is_none_or(|r| r == lopdf::xref::XrefRecovery::Reconstructed)
        || page_tree_loaded(doc)
}

/// Whether `id` is a member of an object stream still packed: an object the file has, only
/// not read.
pub fn holds(doc: &Document, id: ObjectId) -> bool {
    let Some(XrefEntry::Compressed { container, .. }) = doc.reference_table.get(id.0) else {
        return false;
    };
    matches!(
        doc.objects.get(&(*container, 0)),
        Some(Object::Stream(s)) if s.dict.has_type(PACKED)
    )
}

/// lopdf's load filter: an object stream is renamed, so that lopdf keeps it as a stream.
/// lopdf goes on with the object it passed in; the one returned is read only for members of
/// the object streams lopdf opens, and it opens none.
fn keep_packed(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object
        && stream.dict.has_type(b"ObjStm")
    {
        stream.dict.set("Type", Object::Name(PACKED.to_vec()));
    }
    Some((id, Object::Null))
}

/// The references in `object`, at any depth, but for those under [`NOT_WALKED`] keys.
fn references(object: &Object, out: &mut Vec<ObjectId>) {
    let mut stack = vec![object];
    while let Some(object) = stack.pop() {
        match object {
            Object::Reference(id) => out.push(*id),
            Object::Array(items) => stack.extend(items),
            Object::Dictionary(dict) => stack.extend(
                dict.iter()
                    .filter(|(key, _)| !NOT_WALKED.contains(&key.as_slice()))
                    .map(|(_, value)| value),
            ),
            Object::Stream(stream) => stack.extend(stream.dict.iter().map(|(_, value)| value)),
            _ => {}
        }
    }
}

/// Opens the packed object stream `container` as lopdf would have: its members join the
/// objects unless the file has them already, or its cross-reference data puts them elsewhere
/// or frees them. Only a stream over the size limit is an error (lopdf's reading fails on
/// one); a broken one is skipped, as lopdf does.
fn open(doc: &mut Document, container: u32, max_stream_bytes: usize) -> Result<(), ()> {
    let Some(Object::Stream(stream)) = doc.objects.get_mut(&(container, 0)) else {
        return Ok(());
    };
    if !stream.dict.has_type(PACKED) {
        return Ok(());
    }
    stream.dict.set("Type", Object::Name(b"ObjStm".to_vec()));
    let members = match ObjectStream::new_with_limit(stream, Some(max_stream_bytes)) {
        Ok(members) => members,
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            // Left packed, so that [`open_all`] meets it again and gives up.
            stream.dict.set("Type", Object::Name(PACKED.to_vec()));
            return Err(());
        }
        Err(_) => return Ok(()),
    };
    for (member, object) in members.objects {
        let belongs = match doc.reference_table.get(member.0) {
            Some(XrefEntry::Compressed { container: c, .. }) => *c == container,
            Some(XrefEntry::Free | XrefEntry::UnusableFree) => false,
            _ => true,
        };
        if belongs {
            doc.objects.entry(member).or_insert(object);
        }
    }
    Ok(())
}

/// Streams left without content because their `/Length` was an object of an object stream,
/// read as lopdf reads them once it has opened every object stream.
fn read_waiting_streams(doc: &mut Document, pdf: &[u8]) {
    let pdf = pdf
        .get(bytes::find(pdf, b"%PDF-").unwrap_or(0)..)
        .unwrap_or_default();
    let waiting: Vec<(ObjectId, usize, usize)> = doc
        .objects
        .iter()
        .filter_map(|(id, object)| {
            let Object::Stream(stream) = object else {
                return None;
            };
            let start = stream
                .start_position
                .filter(|_| stream.content.is_empty())?;
            let length = stream_length(doc, stream.dict.get(b"Length").ok()?)?;
            Some((*id, start, length))
        })
        .collect();
    for (id, start, length) in waiting {
        let content = start
            .checked_add(length)
            .and_then(|end| pdf.get(start..end));
        if let (Some(content), Some(Object::Stream(stream))) = (content, doc.objects.get_mut(&id)) {
            stream.set_content(content.to_vec());
        }
    }
}

/// A stream's `/Length` as lopdf reads it: an integer, or a real with an integral value.
fn stream_length(doc: &Document, length: &Object) -> Option<usize> {
    let (_, length) = doc.dereference(length).ok()?;
    let length = match *length {
        Object::Integer(i) => i,
        Object::Real(r) if r.fract() == 0.0 && r >= -(2f32.powi(63)) && r < 2f32.powi(63) => {
            r as i64
        }
        _ => return None,
    };
    usize::try_from(length).ok()
}

/// lopdf's test for a page tree it need not rebuild: the catalog's `/Pages` has `/Kids`.
fn page_tree_loaded(doc: &Document) -> bool {
    doc.catalog()
        .and_then(|catalog| catalog.get(b"Pages"))
        .and_then(Object::as_reference)
        .and_then(|root| doc.get_dictionary(root))
        .and_then(|root| root.get_deref(b"Kids", doc))
        .and_then(Object::as_array)
        .is_ok()
}

/// Whether a stream is left without its content because its `/Length` is an object of an
/// object stream: lopdf reads such streams again once it has opened every object stream.
pub fn has_unread_stream(doc: &Document) -> bool {
    doc.objects.values().any(|object| {
        matches!(object, Object::Stream(s)
            if s.content.is_empty() && matches!(s.dict.get(b"Length"), Ok(Object::Reference(_))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;

    const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

    /// Over the corpus: every object read with object streams left packed is the object a
    /// full reading gives, tagged files leave their structure trees unread, and opening
    /// every object stream afterwards gives lopdf's full reading, object for object.
    #[test]
    fn packed_reading_reads_what_a_full_reading_reads() {
        let Ok(dir) = std::fs::read_dir(CORPUS) else {
            eprintln!("no corpus at {CORPUS}; skipped");
            return;
        };
        let limit = Limits::default().max_stream_bytes;
        let (mut read_packed, mut left_unread, mut opened_all) = (0, 0, 0);
        for path in dir.flatten().map(|e| e.path()) {
            if path.extension().is_none_or(|e| e != "pdf") {
                continue;
            }
            let Ok(pdf) = std::fs::read(&path) else {
                continue;
            };
            let Some(mut packed) = load(&pdf, limit) else {
                continue;
            };
            let Ok(full) = crate::document::load(&pdf, None, &Limits::default()) else {
                continue;
            };
            let mut whole = packed.clone();
            if open_all(&mut whole, &pdf, limit) {
                opened_all += 1;
                assert!(
                    whole.objects == full.objects,
                    "{path:?}: opening all differs"
                );
            }
            if packed.xref_recovery.is_some() {
                continue;
            }
            open_reachable(&mut packed, limit);
            read_packed += 1;
            for (id, object) in &packed.objects {
                let still_packed = matches!(object, Object::Stream(s) if s.dict.has_type(PACKED));
                if !still_packed {
                    assert!(
                        full.objects.get(id) == Some(object),
                        "{path:?}: object {id:?} differs"
                    );
                }
            }
            if packed.objects.len() < full.objects.len() {
                left_unread += 1;
            }
        }
        eprintln!(
            "{read_packed} files read packed, {left_unread} with objects left unread; \
             {opened_all} opened in full as lopdf reads them"
        );
        assert!(
            read_packed == 0 || left_unread > 0,
            "no file left an object stream packed"
        );
    }
}
