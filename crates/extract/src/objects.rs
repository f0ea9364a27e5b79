//! Small, bounded accessors over lopdf's object graph. Every lookup can fail: a broken file
//! yields `None`, never a panic, and reference chains are followed a bounded number of times.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Indirect references followed in a row before giving up (a chain or a cycle).
const MAX_REFERENCE_HOPS: usize = 16;

pub fn resolve<'a>(doc: &'a Document, mut object: &'a Object) -> Option<&'a Object> {
    for _ in 0..MAX_REFERENCE_HOPS {
        match object {
            Object::Reference(id) => object = doc.objects.get(id)?,
            _ => return Some(object),
        }
    }
    None
}

pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    resolve(doc, dict.get(key).ok()?)
}

pub fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match get(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub fn get_stream<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Stream> {
    match get(doc, dict, key)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

pub fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

pub fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

pub fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    number(get(doc, dict, key)?)
}

pub fn number(object: &Object) -> Option<f32> {
    let value = match object {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => return None,
    };
    value.is_finite().then_some(value)
}

/// An array of numbers (a matrix, a box): `None` unless every element is a number.
pub fn numbers(doc: &Document, objects: &[Object]) -> Option<Vec<f32>> {
    objects
        .iter()
        .map(|o| resolve(doc, o).and_then(number))
        .collect()
}

pub fn as_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, object)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// The id an object is stored under, when it is a reference (for cycle detection).
pub fn reference_id(object: &Object) -> Option<ObjectId> {
    match object {
        Object::Reference(id) => Some(*id),
        _ => None,
    }
}

/// A text string (§7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding (read as
/// Latin-1, which agrees with it on letters).
pub fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = rest.chunks(2).map(|c| {
            u16::from_be_bytes([
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ])
        });
        return char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// A stream's decoded bytes, at most `max` of them. `/Filter` and `/DecodeParms` may be
/// indirect references (or arrays holding them), which lopdf would not follow (it would take
/// the filtered bytes for plain ones): those are resolved on a copy of the dictionary first.
pub fn decode_stream(doc: &Document, stream: &Stream, max: usize) -> lopdf::Result<Vec<u8>> {
    let indirect = |key: &[u8]| match stream.dict.get(key) {
        Ok(Object::Reference(_)) => true,
        Ok(Object::Array(items)) => items.iter().any(|o| matches!(o, Object::Reference(_))),
        _ => false,
    };
    if !indirect(b"Filter") && !indirect(b"DecodeParms") {
        return stream.decompressed_content_with_limit(max);
    }
    let mut dict = stream.dict.clone();
    for key in [&b"Filter"[..], b"DecodeParms"] {
        let Some(value) = stream.dict.get(key).ok().and_then(|o| resolve(doc, o)) else {
            continue;
        };
        let value = match value {
            Object::Array(items) => Object::Array(
                items
                    .iter()
                    .map(|o| resolve(doc, o).cloned().unwrap_or(Object::Null))
                    .collect(),
            ),
            other => other.clone(),
        };
        dict.set(key, value);
    }
    Stream::new(dict, stream.content.clone()).decompressed_content_with_limit(max)
}
