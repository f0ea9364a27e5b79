//! The faces a layout sets text in: their widths, and what the PDF needs to know of them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::afm;
use super::params::{Family, FontKind};
use super::truetype::TrueType;

/// One face (regular or bold) of the layout's font.
#[derive(Clone, Debug)]
pub struct Face {
    pub kind: FontKind,
    pub bold: bool,
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
    pub fn load(kind: FontKind, family: Family, bold: bool) -> Result<Face, String> {
        match kind {
            FontKind::Standard14 | FontKind::Type3 => {
                let (name, widths, ascent, descent) = match (family, bold) {
                    (Family::Sans, false) => ("Helvetica", &afm::HELVETICA, 718, -207),
                    (Family::Sans, true) => ("Helvetica-Bold", &afm::HELVETICA_BOLD, 718, -207),
                    (Family::Serif, false) => ("Times-Roman", &afm::TIMES_ROMAN, 683, -217),
                    (Family::Serif, true) => ("Times-Bold", &afm::TIMES_BOLD, 676, -205),
                };
                // A Type 3 font borrows the widths and is named after its face.
                let name = match kind {
                    FontKind::Type3 => format!("Vector{name}"),
                    _ => name.to_string(),
                };
                Ok(Face {
                    kind,
                    bold,
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
                let (path, program, tt) = system_truetype(family, bold)?;
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
                    bold,
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

/// The system TrueType file for a family and weight, read once per process.
fn system_truetype(family: Family, bold: bool) -> Result<Loaded, String> {
    static CACHE: OnceLock<HashMap<(bool, bool), Option<Loaded>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        let mut map = HashMap::new();
        for serif in [false, true] {
            for bold in [false, true] {
                map.insert((serif, bold), find_truetype(serif, bold));
            }
        }
        map
    });
    cache
        .get(&(family == Family::Serif, bold))
        .cloned()
        .flatten()
        .ok_or_else(|| {
            format!(
                "no TrueType font for {family:?}{} on this system (apt-get install fonts-dejavu-core)",
                if bold { " bold" } else { "" }
            )
        })
}

fn find_truetype(serif: bool, bold: bool) -> Option<Loaded> {
    let names: &[&str] = match (serif, bold) {
        (false, false) => &[
            "dejavu/DejaVuSans.ttf",
            "liberation2/LiberationSans-Regular.ttf",
            "liberation/LiberationSans-Regular.ttf",
        ],
        (false, true) => &[
            "dejavu/DejaVuSans-Bold.ttf",
            "liberation2/LiberationSans-Bold.ttf",
            "liberation/LiberationSans-Bold.ttf",
        ],
        (true, false) => &[
            "dejavu/DejaVuSerif.ttf",
            "liberation2/LiberationSerif-Regular.ttf",
            "liberation/LiberationSerif-Regular.ttf",
        ],
        (true, true) => &[
            "dejavu/DejaVuSerif-Bold.ttf",
            "liberation2/LiberationSerif-Bold.ttf",
            "liberation/LiberationSerif-Bold.ttf",
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
    [Family::Sans, Family::Serif]
        .iter()
        .all(|f| system_truetype(*f, false).is_ok() && system_truetype(*f, true).is_ok())
}
