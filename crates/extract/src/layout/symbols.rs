//! Symbol fonts' private-use characters as the symbols they draw.
//!
//! Word and other Windows producers map the glyphs of the Symbol and Wingdings fonts to
//! U+F020–U+F0FF (the (3,0) `cmap` convention): a list bullet reads U+F0B7 or U+F0A7 in
//! the text layer. A reader sees `•` and `▪`; the font's name says which table applies.
//! A font named by the producer's numbering (cairo's rewrite names Symbol `CairoFont-4-1`)
//! says nothing: of its codes only Word's default list bullets are read, whose code is a
//! bullet in the one table and nothing a list opens with in the other.

use crate::interpret::FontInfo;
use crate::tables::{BaseEncoding, encoding_glyph_name, glyph_unicode};

/// The symbol fonts with a known layout of their 224 glyphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolFont {
    Symbol,
    Wingdings,
    /// A font whose name says nothing of the face ([`crate::font::is_generic_name`]).
    Unnamed,
}

impl SymbolFont {
    /// By the font's name (subset prefix and style suffixes allowed).
    pub fn of(font: &FontInfo) -> Option<SymbolFont> {
        let name = font.name.to_ascii_lowercase();
        if name.contains("wingdings") {
            Some(SymbolFont::Wingdings)
        } else if name.contains("symbol") {
            Some(SymbolFont::Symbol)
        } else if crate::font::is_generic_name(&font.name) {
            Some(SymbolFont::Unnamed)
        } else {
            None
        }
    }
}

/// The Unicode character `c` stands for in `font`, when `c` is one of its private-use
/// codes and the glyph is known; `None` otherwise.
pub fn unicode(font: SymbolFont, c: char) -> Option<char> {
    let code = u32::from(c).checked_sub(0xF000)?;
    let code = u8::try_from(code).ok().filter(|&b| b >= 0x20)?;
    match font {
        SymbolFont::Symbol => {
            let name = encoding_glyph_name(BaseEncoding::Symbol, code)?;
            glyph_unicode(name)?.chars().next()
        }
        SymbolFont::Wingdings => wingdings(code),
        SymbolFont::Unnamed => default_bullet(code),
    }
}

/// Word's default list bullets: Symbol's `•` (Wingdings' 0xB7 is a clock face), and
/// Wingdings' `▪` and `➢` (Symbol's 0xA7 is a club, its 0xD8 a logical and).
fn default_bullet(code: u8) -> Option<char> {
    match code {
        0xB7 => Some('•'),
        0xA7 | 0xD8 => wingdings(code),
        _ => None,
    }
}

/// The Wingdings glyphs used as list bullets and marks.
fn wingdings(code: u8) -> Option<char> {
    Some(match code {
        0x6C => '●',
        0x6D => '❍',
        0x6E => '■',
        0x6F => '□',
        0x71 => '❑',
        0x72 => '❒',
        0x75 => '◆',
        0x76 => '❖',
        0x77 => '⬥',
        0x9F => '•',
        0xA1 => '○',
        0xA7 => '▪',
        0xA8 => '◻',
        0xD8 => '➢',
        0xE0 => '➔',
        0xE8 => '➔',
        0xF0 => '⇨',
        0xFB => '✗',
        0xFC => '✓',
        0xFE => '☑',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets() {
        assert_eq!(unicode(SymbolFont::Symbol, '\u{F0B7}'), Some('•'));
        assert_eq!(unicode(SymbolFont::Wingdings, '\u{F0A7}'), Some('▪'));
        assert_eq!(unicode(SymbolFont::Wingdings, '\u{F0D8}'), Some('➢'));
        assert_eq!(unicode(SymbolFont::Symbol, 'a'), None);
        assert_eq!(unicode(SymbolFont::Wingdings, '\u{F001}'), None);
        // A font whose name says nothing: only the default bullets.
        assert_eq!(unicode(SymbolFont::Unnamed, '\u{F0B7}'), Some('•'));
        assert_eq!(unicode(SymbolFont::Unnamed, '\u{F0A7}'), Some('▪'));
        assert_eq!(unicode(SymbolFont::Unnamed, '\u{F0D8}'), Some('➢'));
        assert_eq!(unicode(SymbolFont::Unnamed, '\u{F061}'), None);
    }

    #[test]
    fn the_name_says_which_table() {
        let font = |name: &str| FontInfo {
            name: name.to_string(),
            bold: false,
            italic: false,
            metrics: (0.8, -0.2),
            other_metrics: false,
        };
        assert_eq!(SymbolFont::of(&font("SymbolMT")), Some(SymbolFont::Symbol));
        assert_eq!(
            SymbolFont::of(&font("Wingdings-Regular")),
            Some(SymbolFont::Wingdings)
        );
        assert_eq!(
            SymbolFont::of(&font("CairoFont-4-1")),
            Some(SymbolFont::Unnamed)
        );
        assert_eq!(SymbolFont::of(&font("Calibri")), None);
    }
}
