//! A letter typesetter for tests: it sets a [`Letter`] (plain data: front matter, sections,
//! paragraphs, lists, footnotes, signatories) as a PDF under [`Params`] (columns, gutters,
//! justification, paragraph breaks, reference column, furniture, fonts, encodings, content
//! order), so that tests can check that every layout of the same letter gives the same
//! data.
//!
//! It sets text the way a simple real typesetter does: greedy line breaking, optional
//! hyphenation at Dutch syllables, footnotes at the foot of the column in smaller type
//! under a short rule, markers raised with `Ts`. The PDF is written with lopdf.

mod afm;
mod compose;
mod fonts;
pub mod letter;
pub mod letters;
pub mod params;
mod text;
mod truetype;
mod write;

pub use letter::{Digest, Letter, digest_of, first_difference};
pub use params::Params;

use fonts::Face;
use text::{Measure, Style};

/// A typeset letter.
#[derive(Clone, Debug)]
pub struct Typeset {
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// Sets `letter` under `params` (normalized first, see [`Params::normalized`]). An error
/// says why this layout cannot be made (a word wider than a column, a font missing here).
pub fn typeset(letter: &Letter, params: &Params) -> Result<Typeset, String> {
    let p = params.clone().normalized();
    let regular = Face::load(p.font, p.family, Style::Regular)?;
    let bold = Face::load(p.font, p.family, Style::Bold)?;
    let italic = match p.italic {
        true => Some(Face::load(p.font, p.family, Style::Italic)?),
        false => None,
    };
    let measure = Measure {
        regular: &regular,
        bold: &bold,
        italic: italic.as_ref(),
        tc: p.char_spacing,
        kerning: p.kerning,
        hinting: p.hinting,
    };
    let pages = compose::compose(letter, &p, &measure)?;
    let mut faces = vec![&regular, &bold];
    faces.extend(italic.as_ref());
    let pdf = write::write(&pages, &p, &faces, &measure)?;
    Ok(Typeset {
        pdf,
        pages: pages.len(),
    })
}

/// Whether TrueType layouts can be made on this machine (a system DejaVu or Liberation).
pub fn truetype_available() -> bool {
    fonts::truetype_available()
}
