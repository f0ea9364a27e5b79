//! The built-in encoding of an embedded Type 1 font program (PDF 32000-1 §9.6.6.2): used
//! when the font dictionary gives no `/Encoding`.

use lopdf::Dictionary;

use crate::budget::Source;
use crate::bytes::find;

use crate::objects::get_stream;

/// Reads `dup <code> /<name> put` entries from the clear-text part of `/FontFile`.
/// `None` when there is no Type 1 program; Standard Encoding's names when it uses that.
pub fn builtin_encoding(doc: &Source<'_>, descriptor: &Dictionary) -> Option<Vec<(u8, String)>> {
    let clear = clear_text(doc, descriptor)?;
    let start = find(&clear, b"/Encoding")?;
    let rest = clear.get(start..)?;
    if rest
        .get(9..)
        .is_some_and(|r| r.trim_ascii_start().starts_with(b"StandardEncoding"))
    {
        return Some(standard_encoding());
    }
    let end = find(rest, b"readonly def")
        .or_else(|| find(rest, b"def"))
        .unwrap_or(rest.len());
    let body = std::str::from_utf8(rest.get(..end)?).ok()?;
    let mut entries = Vec::new();
    let mut tokens = body.split_ascii_whitespace();
    while let Some(token) = tokens.next() {
        if token != "dup" {
            continue;
        }
        let (Some(code), Some(name)) = (tokens.next(), tokens.next()) else {
            break;
        };
        if let (Ok(code), Some(name)) = (code.parse::<u8>(), name.strip_prefix('/')) {
            entries.push((code, name.to_string()));
        }
    }
    (!entries.is_empty()).then_some(entries)
}

/// The weight the clear-text part of `/FontFile` gives in its `FontInfo` (`/Weight (Bold)
/// readonly def`). `None` when there is no Type 1 program or it gives none.
pub fn weight(doc: &Source<'_>, descriptor: &Dictionary) -> Option<String> {
    let clear = clear_text(doc, descriptor)?;
    let rest = clear.get(find(&clear, b"/Weight")? + b"/Weight".len()..)?;
    let open = rest.iter().position(|&b| !b.is_ascii_whitespace())?;
    let rest = rest.get(open..)?.strip_prefix(b"(")?;
    let close = rest
        .iter()
        .take(MAX_WEIGHT_BYTES)
        .position(|&b| b == b')')?;
    String::from_utf8(rest.get(..close)?.to_vec()).ok()
}

/// The clear-text part of `/FontFile` (its first `Length1` bytes), where the program has one.
fn clear_text(doc: &Source<'_>, descriptor: &Dictionary) -> Option<Vec<u8>> {
    let stream = get_stream(doc, descriptor, b"FontFile")?;
    let mut data = super::stream_data(doc, stream).ok()?;
    let clear_len = crate::objects::get_number(doc, &stream.dict, b"Length1")
        .map_or(data.len(), |n| n.max(0.0) as usize);
    data.truncate(clear_len);
    Some(data)
}

/// A `/Weight` string longer than this is no weight's name.
const MAX_WEIGHT_BYTES: usize = 64;

/// Standard Encoding as (code, name) pairs.
pub fn standard_encoding() -> Vec<(u8, String)> {
    (0..=255u8)
        .filter_map(|code| {
            crate::tables::encoding_glyph_name(crate::tables::BaseEncoding::Standard, code)
                .map(|name| (code, name.to_string()))
        })
        .collect()
}
