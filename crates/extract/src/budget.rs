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
            let (data, complete) =
                match miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&stream.content, max)
                {
                    Ok(data) => (data, true),
                    Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                        return Err(DecodeError::Limit(max));
                    }
                    Err(e) => (e.output, false),
                };
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
