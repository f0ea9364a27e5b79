//! Arbitrary layouts → `parse`. The bytes drive a builder (`kamerbrief_fuzz::layout`): pages
//! of lines of words with text from a vocabulary of letter words or arbitrary strings, boxes,
//! sizes, fonts, flags and roles, typical values mostly and odd ones sometimes; or plain text
//! through `Layout::from_text`.
//!
//! Checks: no panic; every page the letter names exists in the layout; every anchor points
//! into a block, and citations, dates and recommendation sentences stand in their block's text
//! at their anchor; text, Markdown, CSV and JSON renderings do not panic and the JSON parses.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let layout = kamerbrief_fuzz::layout(data);
    let parsed = kamerbrief_parse::parse(&layout);
    kamerbrief_fuzz::check_parsed(&layout, &parsed);
});
