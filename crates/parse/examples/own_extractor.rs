//! (b) Feed the parser with lines from your own extractor (OCR, pdftotext, another library).
//!
//! Two ways: plain text lines (`Layout::from_text`, no positions needed), or positioned
//! lines built into a `Layout` yourself, which lets the parser use gaps and typography.
//!
//! ```sh
//! pdftotext -layout letter.pdf - | cargo run -p kamerbrief-parse --example own_extractor
//! ```

use kamerbrief_model::{Layout, Line, Page, Rect, Role, Word};

/// Parses plain text (form feeds between pages) and returns the letter as text.
pub fn from_text(text: &str) -> String {
    let parsed = kamerbrief_parse::parse(&Layout::from_text(text));
    kamerbrief_parse::render::text(&parsed.letter)
}

/// Builds a layout from positioned lines: (page, x, baseline, size, bold, text).
pub fn from_positioned(lines: &[(u32, f32, f32, f32, bool, &str)]) -> Layout {
    let mut layout = Layout::default();
    for &(page, x, baseline, size, bold, text) in lines {
        while layout.pages.len() < page as usize {
            let number = layout.pages.len() as u32 + 1;
            layout.pages.push(Page {
                number,
                width: 595.0,
                height: 842.0,
                ..Page::default()
            });
        }
        let mut words = Vec::new();
        let mut cursor = x;
        for w in text.split_whitespace() {
            let width = w.chars().count() as f32 * size * 0.5;
            words.push(Word {
                text: w.to_string(),
                bbox: Rect::new(
                    cursor,
                    baseline - size * 0.8,
                    cursor + width,
                    baseline + size * 0.2,
                ),
                font: "MyFont".into(),
                size,
                bold,
                ..Word::default()
            });
            cursor += width + size * 0.3;
        }
        let bbox = Rect::union_all(words.iter().map(|w| &w.bbox)).unwrap_or_default();
        if let Some(p) = layout.pages.get_mut(page as usize - 1) {
            p.lines.push(Line {
                bbox,
                baseline,
                role: Role::Body,
                words,
            });
        }
    }
    layout
}

#[allow(dead_code)]
fn main() {
    let mut text = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text);
    print!("{}", from_text(&text));
}
