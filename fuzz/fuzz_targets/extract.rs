//! Arbitrary bytes → `extract` with the default options → `parse` on the layout.
//!
//! Checks: no panic; a layout's pages are numbered 1, 2, … and all its numbers are finite;
//! the parsed letter names only pages of the layout, its anchors point into its blocks, and
//! the renderings (text, Markdown, CSV, JSON) do not panic. Hangs and memory blow-ups show as
//! libFuzzer timeouts and out-of-memory reports (`-timeout`, `-rss_limit_mb`).
#![no_main]

use kamerbrief_extract::{Options, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(layout) = extract(data, &Options::default()) {
        kamerbrief_fuzz::check_layout(&layout);
        let parsed = kamerbrief_parse::parse(&layout);
        kamerbrief_fuzz::check_parsed(&layout, &parsed);
    }
});
