//! A page as SVG (`kamerbrief show`), each line's box coloured by what the parser made of it,
//! its text at its place, and a legend beside the page.

use std::fmt::Write;

use crate::{LineAnnotation, LineKind};
use kamerbrief_model::Layout;

/// Every kind, in legend order, with its colour.
pub const KINDS: &[(LineKind, &str)] = &[
    (LineKind::Letterhead, "#8e44ad"),
    (LineKind::Masthead, "#5d4037"),
    (LineKind::Salutation, "#16a085"),
    (LineKind::Heading, "#c0392b"),
    (LineKind::Paragraph, "#2c7be5"),
    (LineKind::ListItem, "#27ae60"),
    (LineKind::Table, "#00a8a8"),
    (LineKind::Footnote, "#d35400"),
    (LineKind::Closing, "#7f8c8d"),
    (LineKind::Signature, "#f1c40f"),
    (LineKind::ReferenceColumn, "#e84393"),
    (LineKind::Header, "#6c5ce7"),
    (LineKind::Footer, "#00cec9"),
    (LineKind::PageNumber, "#2d3436"),
];

const LEGEND_WIDTH: f32 = 150.0;

pub fn colour(kind: LineKind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("#000000", |(_, c)| c)
}

/// The SVG of page `number`, or `None` when the layout has no such page.
pub fn page_svg(layout: &Layout, annotations: &[LineAnnotation], number: u32) -> Option<String> {
    let page = layout.pages.iter().find(|p| p.number == number)?;
    let (w, h) = (page.width, page.height);
    let mut svg = String::new();
    let _ = writeln!(svg, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{tw:.0}" height="{h:.0}" viewBox="0 0 {tw:.2} {h:.2}" font-family="sans-serif">"#,
        tw = w + LEGEND_WIDTH
    );
    let _ = writeln!(
        svg,
        r#"<rect class="page" x="0" y="0" width="{w:.2}" height="{h:.2}" fill="white" stroke="gray"/>"#
    );
    for (index, line) in page.lines.iter().enumerate() {
        let kind = annotations
            .iter()
            .find(|a| a.page == number && a.line == index)
            .map_or(LineKind::Paragraph, |a| a.kind);
        let b = line.bbox;
        let c = colour(kind);
        let _ = writeln!(
            svg,
            r#"<g class="line {k}" data-kind="{k}"><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="{c}" fill-opacity="0.15" stroke="{c}" stroke-width="0.6"/><text x="{:.2}" y="{:.2}" font-size="{:.2}" fill="rgb(34,34,34)">{}</text></g>"#,
            b.x0,
            b.y0,
            b.width().max(0.5),
            b.height().max(0.5),
            b.x0,
            line.baseline,
            line.dominant_size().max(1.0),
            escape(&line.text()),
            k = kind.as_str(),
        );
    }
    let _ = writeln!(
        svg,
        r#"<g class="legend" transform="translate({:.2} 20)">"#,
        w + 10.0
    );
    for (i, (kind, c)) in KINDS.iter().enumerate() {
        let y = i as f32 * 16.0;
        let _ = writeln!(
            svg,
            r#"<rect x="0" y="{y:.0}" width="12" height="10" fill="{c}" fill-opacity="0.4" stroke="{c}"/><text x="18" y="{:.0}" font-size="9">{}</text>"#,
            y + 9.0,
            kind.as_str()
        );
    }
    svg.push_str("</g>\n</svg>\n");
    Some(svg)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
