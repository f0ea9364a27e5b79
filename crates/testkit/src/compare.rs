//! A parsed letter reduced to what must not depend on the PDF's layout, so that letters
//! from different producers or layouts compare equal.

use kamerbrief_model::Letter;
use serde_json::Value;

/// The letter's data without provenance (pages, boxes, parts), without the page count, and
/// without the front matter each producer lays out its own way (reference column,
/// letterhead, addressee, return address).
pub fn without_provenance(letter: &Letter) -> serde_json::Result<Value> {
    let mut v = serde_json::to_value(letter)?;
    strip(&mut v);
    if let Some(meta) = v.get_mut("metadata").and_then(Value::as_object_mut) {
        for key in [
            "pages",
            "reference_column",
            "letterhead",
            "addressee",
            "return_address",
        ] {
            meta.remove(key);
        }
    }
    Ok(v)
}

fn strip(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for key in ["page", "bbox", "parts"] {
                map.remove(key);
            }
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}
