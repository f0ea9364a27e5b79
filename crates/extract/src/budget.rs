//! Decoded stream bytes against the limits: each stream, and the document as a whole
//! (content streams, forms and font streams alike); and what is worth parsing only once
//! per document.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

use lopdf::{Document, ObjectId, Stream};

use crate::font::ToUnicode;

use crate::Limits;
use crate::objects;

/// The document with its decoding budget. Dereferences to the document, so object lookups
/// read as before; streams are decoded through [`Source::decode`].
pub struct Source<'a> {
    pub doc: &'a Document,
    max_stream: usize,
    max_document: u64,
    used: Cell<u64>,
    /// ToUnicode maps parsed so far, by stream: fonts often share one.
    pub to_unicode_cache: RefCell<HashMap<ObjectId, Option<Rc<ToUnicode>>>>,
    /// The inflater, made once and reset for each stream (making one costs more than
    /// inflating a small stream).
    inflater: RefCell<Option<flate2::Decompress>>,
}

/// Why a stream gave no bytes.
#[derive(Debug)]
pub enum DecodeError {
    /// Decoding it would pass this many bytes (the stream or the document limit).
    Limit(usize),
    Broken(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Limit(max) => write!(f, "decompresses past {max} bytes"),
            DecodeError::Broken(e) => write!(f, "{e}"),
        }
    }
}

impl<'a> Source<'a> {
    pub fn new(doc: &'a Document, limits: &Limits) -> Source<'a> {
        Source {
            doc,
            max_stream: limits.max_stream_bytes,
            max_document: limits.max_document_bytes,
            used: Cell::new(0),
            to_unicode_cache: RefCell::new(HashMap::new()),
            inflater: RefCell::new(None),
        }
    }

    /// A stream's decoded bytes, within the limits (indirect `/Filter`s resolved).
    pub fn decode(&self, stream: &Stream) -> Result<Vec<u8>, DecodeError> {
        Ok(self.decode_checked(stream)?.0)
    }

    /// A stream's decoded bytes, and whether they are all there: flate data that is cut short
    /// or corrupt gives what could be inflated and `false` (lopdf would give the same bytes
    /// without saying so).
    pub fn decode_checked(&self, stream: &Stream) -> Result<(Vec<u8>, bool), DecodeError> {
        let remaining = self.max_document.saturating_sub(self.used.get());
        let max = (self.max_stream as u64).min(remaining) as usize;
        if is_plain_flate(self.doc, stream) {
            let mut inflater = self.inflater.borrow_mut();
            let inflater = inflater.get_or_insert_with(|| flate2::Decompress::new(true));
            let (data, complete) =
                inflate(inflater, &stream.content, max).ok_or(DecodeError::Limit(max))?;
            self.used.set(self.used.get() + data.len() as u64);
            return Ok((data, complete));
        }
        match objects::decode_stream(self.doc, stream, max).map(|d| (d, true)) {
            Ok((data, complete)) => {
                self.used.set(self.used.get() + data.len() as u64);
                Ok((data, complete))
            }
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => Err(DecodeError::Limit(max)),
            Err(e) => Err(DecodeError::Broken(e.to_string())),
        }
    }
}

impl Deref for Source<'_> {
    type Target = Document;

    fn deref(&self) -> &Document {
        self.doc
    }
}

/// Zlib `data` inflated, at most `max` bytes of it (`None` past that), and whether it was
/// all there: cut short or corrupt, what came out before the damage and `false`.
fn inflate(inflater: &mut flate2::Decompress, data: &[u8], max: usize) -> Option<(Vec<u8>, bool)> {
    use flate2::{FlushDecompress, Status};
    inflater.reset(true);
    let mut out = Vec::with_capacity(data.len().saturating_mul(2).min(max));
    loop {
        let read = inflater.total_in();
        let written = out.len();
        let rest = usize::try_from(read)
            .ok()
            .and_then(|read| data.get(read..))
            .unwrap_or_default();
        match inflater.decompress_vec(rest, &mut out, FlushDecompress::Finish) {
            Ok(Status::StreamEnd) => return Some((out, true)),
            Ok(_) if out.len() == out.capacity() => {
                // Out of room: twice as much, up to the limit.
                if out.len() >= max {
                    return None;
                }
                out.reserve_exact(out.len().max(64).min(max - out.len()));
            }
            // Room left, nothing read or written, and no end: the data stops short.
            Ok(_) if out.len() == written && inflater.total_in() == read => {
                return Some((out, false));
            }
            Ok(_) => {}
            Err(_) => return Some((out, false)),
        }
    }
}

/// `/Filter /FlateDecode` (or `[/FlateDecode]`) without parameters: inflated here, so that
/// broken data is noticed.
fn is_plain_flate(doc: &Document, stream: &Stream) -> bool {
    use lopdf::Object;
    let filter = stream
        .dict
        .get(b"Filter")
        .ok()
        .and_then(|f| objects::resolve(doc, f));
    let flate = match filter {
        Some(Object::Name(n)) => n == b"FlateDecode",
        Some(Object::Array(items)) => {
            matches!(items.as_slice(), [only] if objects::resolve(doc, only).is_some_and(|o| matches!(o, Object::Name(n) if n == b"FlateDecode")))
        }
        _ => false,
    };
    flate && stream.dict.get(b"DecodeParms").is_err()
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    /// [`super::inflate`] with a fresh inflater, and again with one used before.
    fn inflate(data: &[u8], max: usize) -> Option<(Vec<u8>, bool)> {
        let mut inflater = flate2::Decompress::new(true);
        let first = super::inflate(&mut inflater, data, max);
        let _ = super::inflate(&mut inflater, b"x\x9c broken", max);
        assert_eq!(
            super::inflate(&mut inflater, data, max),
            first,
            "the same once reset"
        );
        first
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        assert!(encoder.write_all(data).is_ok());
        encoder.finish().unwrap_or_default()
    }

    /// Text that compresses well and is long enough to need the output to grow.
    fn text() -> Vec<u8> {
        (0..5000)
            .flat_map(|k| format!("BT /F1 12 Tf ({k}) Tj ET\n").into_bytes())
            .collect()
    }

    #[test]
    fn whole_data_inflates_whole() {
        let text = text();
        assert_eq!(inflate(&zlib(&text), usize::MAX), Some((text, true)));
        assert_eq!(inflate(&zlib(b""), 0), Some((Vec::new(), true)));
    }

    #[test]
    fn data_cut_short_gives_what_came_out_before() {
        let text = text();
        let data = zlib(&text);
        let (out, complete) =
            inflate(data.get(..data.len() / 2).unwrap_or_default(), usize::MAX).unwrap_or_default();
        assert!(!complete);
        assert!(!out.is_empty() && out.len() < text.len());
        assert!(
            text.starts_with(&out),
            "only the bytes the data holds, no padding"
        );
    }

    #[test]
    fn corrupt_data_is_not_complete() {
        let mut data = zlib(&text());
        // A wrong checksum, then a wrong header.
        if let Some(last) = data.last_mut() {
            *last ^= 0xff;
        }
        assert_eq!(
            inflate(&data, usize::MAX).map(|(_, complete)| complete),
            Some(false)
        );
        assert_eq!(inflate(b"BT ET", usize::MAX), Some((Vec::new(), false)));
    }

    #[test]
    fn output_past_the_limit_is_refused() {
        let text = text();
        let data = zlib(&text);
        assert_eq!(inflate(&data, text.len() - 1), None);
        assert_eq!(
            inflate(&data, text.len()).map(|(out, _)| out.len()),
            Some(text.len())
        );
        assert_eq!(inflate(&data, 0), None);
    }
}
