//! The faces a layout sets text in: their widths, and what the PDF needs to know of them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::afm;
use super::params::{Family, FontKind};
use super::text::Style;
use super::truetype::TrueType;

/// One face (regular, bold or italic) of the layout's font.
#[derive(Clone, Debug)]
pub struct Face {
    pub kind: FontKind,
    pub style: Style,
    /// `/BaseFont` (for Type 3, the descriptor's `/FontName`).
    pub name: String,
    /// Advance widths in 1/1000 em of WinAnsi codes 32..=255 (0: no glyph).
    widths: [u16; 224],
    pub ascent: i32,
    pub descent: i32,
    pub bbox: [i32; 4],
    /// The TrueType program to embed.
    pub program: Option<Arc<Vec<u8>>>,
    /// Its tables as read, for glyph ids (a composite font's codes).
    pub truetype: Option<Arc<TrueType>>,
}

impl Face {
    pub fn load(kind: FontKind, family: Family, style: Style) -> Result<Face, String> {
        match kind {
            FontKind::Standard14 | FontKind::Type3 => {
                let (name, widths, ascent, descent) = match (family, style) {
                    (Family::Sans, Style::Regular) => ("Helvetica", &afm::HELVETICA, 718, -207),
                    (Family::Sans, Style::Bold) => {
                        ("Helvetica-Bold", &afm::HELVETICA_BOLD, 718, -207)
                    }
                    // Helvetica's oblique has its upright's widths.
                    (Family::Sans, Style::Italic) => {
                        ("Helvetica-Oblique", &afm::HELVETICA, 718, -207)
                    }
                    (Family::Serif, Style::Regular) => {
                        ("Times-Roman", &afm::TIMES_ROMAN, 683, -217)
                    }
                    (Family::Serif, Style::Bold) => ("Times-Bold", &afm::TIMES_BOLD, 676, -205),
                    (Family::Serif, Style::Italic) => {
                        ("Times-Italic", &afm::TIMES_ITALIC, 683, -205)
                    }
                };
                // A Type 3 font borrows the widths and is named after its face.
                let name = match kind {
                    FontKind::Type3 => format!("Vector{name}"),
                    _ => name.to_string(),
                };
                Ok(Face {
                    kind,
                    style,
                    name,
                    widths: *widths,
                    ascent,
                    descent,
                    bbox: [-170, -230, 1100, 960],
                    program: None,
                    truetype: None,
                })
            }
            FontKind::TrueType => {
                let (path, program, tt) = system_truetype(family, style)?;
                let mut widths = [0u16; 224];
                for (slot, (_, c, name)) in widths.iter_mut().zip(afm::WIN_ANSI.iter()) {
                    if !name.is_empty() {
                        *slot = tt.width(*c).unwrap_or(0);
                    }
                }
                let stem = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("TrueTypeFont")
                    .replace(' ', "");
                Ok(Face {
                    kind,
                    style,
                    name: stem,
                    widths,
                    ascent: tt.per_mille(tt.ascent),
                    descent: tt.per_mille(tt.descent),
                    bbox: tt.bbox.map(|v| tt.per_mille(v)),
                    program: Some(program),
                    truetype: Some(Arc::new(tt)),
                })
            }
        }
    }

    /// The advance of `c` in 1/1000 em; `None` when the face cannot set it.
    pub fn width(&self, c: char) -> Option<f32> {
        let code = win_ansi(c)?;
        let w = *self.widths.get(usize::from(code).checked_sub(32)?)?;
        (w > 0).then_some(f32::from(w))
    }
}

/// The WinAnsi code of `c`, preferring the usual code where several name the same glyph.
pub fn win_ansi(c: char) -> Option<u8> {
    // Printable ASCII is its own code (and the common case: no search).
    if (' '..='~').contains(&c) {
        return u8::try_from(c).ok();
    }
    // 127, 129, 141, 143, 144 and 157 are undefined in WinAnsi; readers show a bullet.
    const UNDEFINED: [u8; 6] = [127, 129, 141, 143, 144, 157];
    afm::WIN_ANSI
        .iter()
        .find(|(code, ch, name)| *ch == c && !name.is_empty() && !UNDEFINED.contains(code))
        .map(|(code, _, _)| *code)
}

/// The glyph name of a WinAnsi code (`""` when undefined).
pub fn glyph_name(code: u8) -> &'static str {
    usize::from(code)
        .checked_sub(32)
        .and_then(|i| afm::WIN_ANSI.get(i))
        .map_or("", |(_, _, name)| name)
}

/// Kerning of a pair in 1/1000 em (negative: closer), as a font's `kern` table would have it.
pub fn kern(a: char, b: char) -> f32 {
    const PAIRS: [(char, char, f32); 14] = [
        ('T', 'e', -70.0),
        ('T', 'o', -70.0),
        ('T', 'a', -70.0),
        ('V', 'a', -60.0),
        ('V', 'e', -50.0),
        ('W', 'a', -40.0),
        ('W', 'e', -30.0),
        ('A', 'V', -70.0),
        ('A', 'T', -80.0),
        ('L', 'T', -90.0),
        ('P', '.', -110.0),
        ('r', '.', -40.0),
        ('y', '.', -60.0),
        ('v', 'e', -15.0),
    ];
    PAIRS
        .iter()
        .find(|(x, y, _)| *x == a && *y == b)
        .map_or(0.0, |(_, _, k)| *k)
}

type Loaded = (PathBuf, Arc<Vec<u8>>, TrueType);

/// The system TrueType file for a family and style, read once per process.
fn system_truetype(family: Family, style: Style) -> Result<Loaded, String> {
    static CACHE: OnceLock<HashMap<(bool, Style), Option<Loaded>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        let mut map = HashMap::new();
        for serif in [false, true] {
            for style in [Style::Regular, Style::Bold, Style::Italic] {
                map.insert((serif, style), find_truetype(serif, style));
            }
        }
        map
    });
    cache
        .get(&(family == Family::Serif, style))
        .cloned()
        .flatten()
        .ok_or_else(|| {
            format!(
                "no TrueType font for {family:?} {style:?} on this system (apt-get install fonts-dejavu-core fonts-dejavu-extra)",
            )
        })
}

fn find_truetype(serif: bool, style: Style) -> Option<Loaded> {
    let names: &[&str] = match (serif, style) {
        (false, Style::Regular) => &[
            "dejavu/DejaVuSans.ttf",
            "liberation2/LiberationSans-Regular.ttf",
            "liberation/LiberationSans-Regular.ttf",
        ],
        (false, Style::Bold) => &[
            "dejavu/DejaVuSans-Bold.ttf",
            "liberation2/LiberationSans-Bold.ttf",
            "liberation/LiberationSans-Bold.ttf",
        ],
        (false, Style::Italic) => &[
            "dejavu/DejaVuSans-Oblique.ttf",
            "liberation2/LiberationSans-Italic.ttf",
            "liberation/LiberationSans-Italic.ttf",
        ],
        (true, Style::Regular) => &[
            "dejavu/DejaVuSerif.ttf",
            "liberation2/LiberationSerif-Regular.ttf",
            "liberation/LiberationSerif-Regular.ttf",
        ],
        (true, Style::Bold) => &[
            "dejavu/DejaVuSerif-Bold.ttf",
            "liberation2/LiberationSerif-Bold.ttf",
            "liberation/LiberationSerif-Bold.ttf",
        ],
        (true, Style::Italic) => &[
            "dejavu/DejaVuSerif-Italic.ttf",
            "liberation2/LiberationSerif-Italic.ttf",
            "liberation/LiberationSerif-Italic.ttf",
        ],
    };
    names.iter().find_map(|name| {
        let path = Path::new("/usr/share/fonts/truetype").join(name);
        let data = std::fs::read(&path).ok()?;
        let tt = TrueType::parse(&data)?;
        Some((path, Arc::new(data), tt))
    })
}

/// Whether TrueType layouts can be made here.
pub fn truetype_available() -> bool {
    [Family::Sans, Family::Serif].iter().all(|f| {
        system_truetype(*f, Style::Regular).is_ok() && system_truetype(*f, Style::Bold).is_ok()
    })
}
