//! The PDF: content streams drawn from the composed pages, and the fonts they use.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

use super::compose::{PAGE_H, PAGE_W, Page, SetLine};
use super::fonts::{Face, glyph_name, kern, win_ansi};
use super::params::{Encoding, FontKind, Gaps, Justify, Params, SCALED, Space, ToUnicode, Wrap};
use super::text::{Measure, Style, Word};
use super::truetype::TrueType;

/// Codes of one face: WinAnsi, or handed out in order of first use; or, in a composite
/// font, the TrueType program's glyph ids.
struct Encoder {
    custom: bool,
    glyphs: Option<Arc<TrueType>>,
    codes: BTreeMap<char, u16>,
    next: u8,
}

impl Encoder {
    fn new(custom: bool, glyphs: Option<Arc<TrueType>>) -> Encoder {
        Encoder {
            custom,
            glyphs,
            codes: BTreeMap::new(),
            next: 33,
        }
    }

    /// `c`'s code as the content stream writes it: two hex digits, or four for a glyph id.
    fn hex(&mut self, c: char) -> Result<String, String> {
        let code = self.code(c)?;
        Ok(match self.glyphs {
            Some(_) => format!("{code:04X}"),
            None => format!("{code:02X}"),
        })
    }

    fn code(&mut self, c: char) -> Result<u16, String> {
        if let Some(code) = self.codes.get(&c) {
            return Ok(*code);
        }
        if let Some(tt) = &self.glyphs {
            let gid = tt.glyph(c).ok_or_else(|| format!("no glyph for {c:?}"))?;
            self.codes.insert(c, gid);
            return Ok(gid);
        }
        let winansi = win_ansi(c).ok_or_else(|| format!("no WinAnsi code for {c:?}"))?;
        // The space keeps code 32 in every encoding: `Tw` applies to that code only.
        let code = if !self.custom || c == ' ' {
            winansi
        } else {
            let code = self.next;
            self.next = self
                .next
                .checked_add(1)
                .ok_or("more than 222 characters in one font")?;
            code
        };
        self.codes.insert(c, u16::from(code));
        Ok(u16::from(code))
    }
}

/// Writes the pages as a PDF.
pub fn write(pages: &[Page], p: &Params, faces: &[&Face], m: &Measure) -> Result<Vec<u8>, String> {
    let mut doc = Document::with_version("1.6");
    let pages_id = doc.new_object_id();
    let glyphs = |face: &Face| face.truetype.clone().filter(|_| p.cid);
    let mut encoders: Vec<Encoder> = faces
        .iter()
        .map(|face| Encoder::new(p.encoding == Encoding::Custom, glyphs(face)))
        .collect();
    let mut contents = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut chunks = Vec::new();
        for line in &page.lines {
            chunks.extend(line_chunks(line, p, m, &mut encoders)?);
        }
        if let Some(seed) = p.shuffle {
            shuffle(&mut chunks, seed.wrapping_add(n as u64));
        }
        let mut content = String::new();
        if p.space == Space::Pixels {
            let _ = writeln!(content, "{PX} 0 0 -{PX} 0 {PAGE_H:.2} cm");
        }
        for &[x, y, w, h] in &page.rects {
            let [x, y, w, h] = match p.space {
                Space::Pixels => [x / PX, y / PX, w / PX, h / PX],
                _ => [x, PAGE_H - y - h, w, h],
            };
            let _ = writeln!(
                content,
                "0.08 0.26 0.45 rg {x:.2} {y:.2} {w:.2} {h:.2} re f 0 g"
            );
        }
        for &[x0, x1, y] in &page.rules {
            let ([x0, x1, y], width) = match p.space {
                Space::Pixels => ([x0 / PX, x1 / PX, y / PX], 0.5 / PX),
                _ => ([x0, x1, PAGE_H - y], 0.5),
            };
            let _ = writeln!(content, "{width} w {x0:.2} {y:.2} m {x1:.2} {y:.2} l S");
        }
        for chunk in chunks {
            content.push_str(&chunk);
        }
        contents.push(content);
    }
    let mut font_ids = Vec::new();
    for (face, enc) in faces.iter().zip(&encoders) {
        font_ids.push(font_object(&mut doc, face, enc, p)?);
    }
    let mut fonts = Dictionary::new();
    for (i, id) in font_ids.iter().enumerate() {
        fonts.set(format!("F{}", i + 1), *id);
    }
    let resources = doc.add_object(dictionary! { "Font" => fonts });
    let mut kids = Vec::new();
    for content in contents {
        let (contents, page_resources) = page_contents(&mut doc, content, p.wrap, resources);
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(PAGE_W), Object::Real(PAGE_H)],
            "Resources" => page_resources,
            "Contents" => contents,
        };
        if p.wrap == Wrap::Rotated {
            let landscape = vec![
                0.into(),
                0.into(),
                Object::Real(PAGE_H),
                Object::Real(PAGE_W),
            ];
            page.set("MediaBox", landscape);
            page.set("Rotate", 90);
        }
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| format!("lopdf: {e}"))?;
    Ok(out)
}

/// The page's `/Contents` and `/Resources` for its drawing `content` (which uses the fonts
/// of `resources`), as `wrap` says.
fn page_contents(
    doc: &mut Document,
    content: String,
    wrap: Wrap,
    resources: ObjectId,
) -> (Object, Object) {
    let mut stream = |dict: Dictionary, content: String| {
        let mut stream = Stream::new(dict, content.into_bytes());
        let _ = stream.compress();
        doc.add_object(stream)
    };
    let (scale, form) = match wrap {
        Wrap::Direct => return (stream(Dictionary::new(), content).into(), resources.into()),
        Wrap::Rotated => {
            // Upright once the viewer turns the page a quarter clockwise.
            let turned = format!("q 0 1 -1 0 {PAGE_H:.2} 0 cm\n{content}Q\n");
            return (stream(Dictionary::new(), turned).into(), resources.into());
        }
        Wrap::Streams => {
            // Three parts of about as many lines, each ending between text objects.
            let lines: Vec<&str> = content.lines().collect();
            let part = lines.len().div_ceil(3).max(1);
            let ids: Vec<Object> = lines
                .chunks(part)
                .map(|chunk| stream(Dictionary::new(), chunk.join("\n") + "\n").into())
                .collect();
            return (Object::Array(ids), resources.into());
        }
        Wrap::Form => (1.0, content),
        Wrap::Scaled => (SCALED, content),
    };
    let (dx, dy) = ((1.0 - scale) * PAGE_W / 2.0, (1.0 - scale) * PAGE_H / 2.0);
    let real = |v: f32| Object::Real(v);
    let form = stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), real(PAGE_W), real(PAGE_H)],
            "Matrix" => vec![real(scale), 0.into(), 0.into(), real(scale), real(dx), real(dy)],
            "Resources" => resources,
        },
        form,
    );
    let page = stream(Dictionary::new(), "q /Page Do Q\n".to_string());
    let xobjects = dictionary! { "XObject" => dictionary! { "Page" => form } };
    (page.into(), xobjects.into())
}

/// The `BT … ET` pieces that draw a line: one per run of words in the same face, size and
/// rise, or one per word when every word is placed on its own.
fn line_chunks(
    line: &SetLine,
    p: &Params,
    m: &Measure,
    encoders: &mut [Encoder],
) -> Result<Vec<String>, String> {
    // Positions as the line is drawn: with its own character spacing (furniture, the front
    // matter and the reference column are drawn with `Tc` 0).
    let m = &m.with_spacing(line.tc);
    let mut chunks = Vec::new();
    let mut x = line.x;
    let mut run: Vec<&Word> = Vec::new();
    let mut run_x = x;
    // A run that opens with the space before its first word, drawn as a glyph: a word
    // processor (hinting) writes every space so, also after a change of size (`[(3)] TJ`
    // then `[( )…]`); other producers move to the next run.
    let mut lead = false;
    let each_word = p.justify == Justify::Positioned;
    let pieces = if p.splits {
        split_words(line, p.kerning)
    } else {
        line.words.iter().map(|w| (w.clone(), false)).collect()
    };
    for (i, (word, piece)) in pieces.iter().enumerate() {
        let gap = if i > 0 && !word.attached {
            (m.space(word.style, word.size) + line.extra) * line.scale
        } else {
            0.0
        };
        let same = run
            .last()
            .is_some_and(|w| w.style == word.style && w.size == word.size && w.rise == word.rise);
        if !run.is_empty() && (!same || each_word || *piece) {
            chunks.push(chunk(&run, run_x, lead, line, p, m, encoders)?);
            run.clear();
        }
        if run.is_empty() {
            lead = p.hinting && gap > 0.0;
            run_x = if lead { x } else { x + gap };
        }
        x += gap;
        run.push(word);
        x += m.word(word)? * line.scale;
    }
    if !run.is_empty() {
        chunks.push(chunk(&run, run_x, lead, line, p, m, encoders)?);
    }
    Ok(chunks)
}

/// The line's words, some of them in two pieces: (word, whether it is a word's second piece,
/// to be drawn as a text object of its own). Which words and where is told by a hash of the
/// word and its place, so that a layout is drawn the same every time; never between a
/// kerning pair, whose kern the pieces would lose.
fn split_words(line: &SetLine, kerning: bool) -> Vec<(Word, bool)> {
    let mut out = Vec::with_capacity(line.words.len() + line.words.len() / 3);
    for (i, word) in line.words.iter().enumerate() {
        let chars: Vec<char> = word.text.chars().collect();
        let hash = word
            .text
            .bytes()
            .chain(i.to_le_bytes())
            .chain(line.baseline.to_bits().to_le_bytes())
            .fold(0xCBF2_9CE4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
            });
        let at = 1 + (hash >> 8) as usize % chars.len().saturating_sub(1).max(1);
        let kerned = match (chars.get(at - 1), chars.get(at)) {
            (Some(&a), Some(&b)) => kerning && kern(a, b) != 0.0,
            _ => true,
        };
        if hash % 3 != 0 || chars.len() < 4 || kerned {
            out.push((word.clone(), false));
            continue;
        }
        let (head, tail): (String, String) = (
            chars.iter().take(at).collect(),
            chars.iter().skip(at).collect(),
        );
        out.push((
            Word {
                text: head,
                ..word.clone()
            },
            false,
        ));
        out.push((
            Word {
                text: tail,
                attached: true,
                ..word.clone()
            },
            true,
        ));
    }
    out
}

/// One text object drawing `words` (one face, size and rise) from `x`; with the space
/// before the first word first when `lead`.
fn chunk(
    words: &[&Word],
    x: f32,
    lead: bool,
    line: &SetLine,
    p: &Params,
    m: &Measure,
    encoders: &mut [Encoder],
) -> Result<String, String> {
    let Some(first) = words.first() else {
        return Ok(String::new());
    };
    let index = first.style.index();
    let font = format!("F{}", index + 1);
    let enc = encoders
        .get_mut(index)
        .ok_or("no face for a word's style")?;
    let size = first.size;
    let by_tw = p.justify == Justify::WordSpacing;
    let by_tj = p.justify == Justify::TjNumbers;
    // A short run of one word, hinted: its glyphs' hints spread evenly as the run's `Tc`,
    // no numbers between them (Word's `0.276 Tc[(2023)] TJ`).
    let short = match words {
        [w] if p.hinting && !lead && (2..=SHORT_RUN_CHARS).contains(&w.text.chars().count()) => {
            let hints: f32 = w.text.chars().map(|c| m.hint(c, w.style, size)).sum();
            Some(hints / w.text.chars().count() as f32 * size / 1000.0)
        }
        _ => None,
    };
    // The TJ array: strings of codes, numbers for kerning and justification.
    let mut parts: Vec<String> = Vec::new();
    let mut hex = String::new();
    let mut prev: Option<char>;
    let push_number = |hex: &mut String, parts: &mut Vec<String>, n: f32| {
        parts.push(format!("<{hex}>"));
        hex.clear();
        parts.push(format!("{n:.1}"));
    };
    // What the pen owes before the next glyph (kerning, hinting, a gap), in one number.
    let mut owed = 0.0;
    let pay = |hex: &mut String, parts: &mut Vec<String>, owed: &mut f32| {
        if *owed != 0.0 {
            push_number(hex, parts, *owed);
            *owed = 0.0;
        }
    };
    let mut gaps = 0;
    for (i, w) in words.iter().enumerate() {
        if (i > 0 || lead) && !w.attached {
            gaps += 1;
            let as_number = match p.gaps {
                Gaps::Glyphs => false,
                Gaps::Numbers => true,
                Gaps::Mixed => gaps % 2 == 1,
            };
            if as_number {
                // The space's advance (with `Tc`) and the line's stretch, in one number.
                let gap = m.space(w.style, size) + if by_tw || by_tj { line.extra } else { 0.0 };
                owed -= gap * 1000.0 / size;
                pay(&mut hex, &mut parts, &mut owed);
            } else {
                pay(&mut hex, &mut parts, &mut owed);
                hex.push_str(&enc.hex(' ')?);
                owed -= m.hint(' ', w.style, size);
                if by_tj && line.extra > 0.0 {
                    owed -= line.extra * 1000.0 / size;
                }
                pay(&mut hex, &mut parts, &mut owed);
            }
        }
        // Kerning within a word only, as the widths were measured.
        prev = None;
        for c in w.text.chars() {
            if let (true, Some(a)) = (p.kerning, prev) {
                owed -= kern(a, c);
            }
            pay(&mut hex, &mut parts, &mut owed);
            hex.push_str(&enc.hex(c)?);
            if short.is_none() {
                owed -= m.hint(c, w.style, size);
            }
            prev = Some(c);
        }
    }
    // (The pen ends where the words' measure does: a piece drawn on starts there.)
    pay(&mut hex, &mut parts, &mut owed);
    if !hex.is_empty() || parts.is_empty() {
        parts.push(format!("<{hex}>"));
    }
    let tw = if by_tw { line.extra } else { 0.0 };
    let tc = line.tc + short.unwrap_or(0.0);
    let state = text_state(p.space, size, tc, tw, first.rise, x, line.baseline);
    // Glyph scaling: `Tz` widens glyphs, spacing and `TJ` numbers alike. Like `Tc` and
    // `Tw` it outlives the text object, so every one sets it where the layout scales.
    let tz = match p.scaling {
        true => format!("{:.3} Tz ", line.scale * 100.0),
        false => String::new(),
    };
    Ok(format!(
        "BT {tz}/{font} {state} [{}] TJ ET\n",
        parts.join(" ")
    ))
}

/// A hinted run of one word this short or shorter is spaced by `Tc`.
const SHORT_RUN_CHARS: usize = 4;

/// Points per CSS pixel.
const PX: f32 = 0.75;

/// The font, spacing, rise and text matrix of a text object drawing at `x` on the baseline
/// `baseline` (from the page's top), in `space`'s units. `TJ` numbers need no change:
/// they count thousandths of the font size in every one.
fn text_state(
    space: Space,
    size: f32,
    tc: f32,
    tw: f32,
    rise: f32,
    x: f32,
    baseline: f32,
) -> String {
    match space {
        Space::Points => format!(
            "{size:.2} Tf {tc:.3} Tc {tw:.3} Tw {rise:.2} Ts 1 0 0 1 {x:.2} {:.2} Tm",
            PAGE_H - baseline
        ),
        // The text matrix scales the unscaled text space units of `Tc`, `Tw` and `Ts`.
        Space::UnitFont => format!(
            "1 Tf {:.5} Tc {:.5} Tw {:.5} Ts {size:.2} 0 0 {size:.2} {x:.2} {:.2} Tm",
            tc / size,
            tw / size,
            rise / size,
            PAGE_H - baseline
        ),
        Space::Pixels => format!(
            "{:.4} Tf {:.4} Tc {:.4} Tw {:.4} Ts 1 0 0 -1 {:.3} {:.3} Tm",
            size / PX,
            tc / PX,
            tw / PX,
            rise / PX,
            x / PX,
            baseline / PX
        ),
    }
}

/// Fisher–Yates with a small xorshift generator: the same seed, the same order.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// The font dictionary of a face, with its encoding, widths, program and ToUnicode map.
fn font_object(
    doc: &mut Document,
    face: &Face,
    enc: &Encoder,
    p: &Params,
) -> Result<ObjectId, String> {
    let used: Vec<(u16, char)> = {
        let mut v: Vec<(u16, char)> = enc.codes.iter().map(|(c, code)| (*code, *c)).collect();
        v.sort();
        v
    };
    let first = used.first().map_or(32, |u| u.0);
    let last = used.last().map_or(32, |u| u.0);
    let widths: Vec<Object> = (first..=last)
        .map(|code| {
            let w = used
                .iter()
                .find(|(c, _)| *c == code)
                .and_then(|(_, ch)| face.width(*ch))
                .unwrap_or(0.0);
            Object::Integer(w.round() as i64)
        })
        .collect();
    // Glyph names by code: WinAnsi's, also for a custom encoding.
    let names: Vec<(u16, &str)> = used
        .iter()
        .map(|(code, c)| (*code, win_ansi(*c).map_or(".notdef", glyph_name)))
        .collect();
    let differences = || -> Object {
        let mut v = Vec::new();
        for (code, name) in &names {
            v.push(Object::Integer(i64::from(*code)));
            v.push(Object::Name(name.as_bytes().to_vec()));
        }
        Object::Array(v)
    };
    let encoding: Object = match (face.kind, p.encoding) {
        (FontKind::Type3, _) => dictionary! { "Type" => "Encoding", "Differences" => differences() }.into(),
        (_, Encoding::WinAnsi) => Object::Name(b"WinAnsiEncoding".to_vec()),
        (_, Encoding::Custom) => {
            dictionary! { "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding", "Differences" => differences() }.into()
        }
    };
    let mut font = match face.kind {
        FontKind::TrueType if p.cid => composite_font(doc, face, &used)?,
        FontKind::Standard14 => {
            let mut d = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => face.name.as_str(), "Encoding" => encoding };
            if p.encoding == Encoding::Custom {
                d.set("FirstChar", i64::from(first));
                d.set("LastChar", i64::from(last));
                d.set("Widths", widths);
            }
            d
        }
        FontKind::TrueType => {
            let descriptor = embedded_descriptor(doc, face)?;
            dictionary! {
                "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => face.name.as_str(),
                "FirstChar" => i64::from(first), "LastChar" => i64::from(last), "Widths" => widths,
                "Encoding" => encoding, "FontDescriptor" => descriptor,
            }
        }
        FontKind::Type3 => {
            let mut procs = Dictionary::new();
            for (code, name) in &names {
                let c = used.iter().find(|u| u.0 == *code).map_or(' ', |u| u.1);
                let w = face.width(c).unwrap_or(500.0);
                let id = doc.add_object(Stream::new(
                    Dictionary::new(),
                    glyph_proc(c, w).into_bytes(),
                ));
                procs.set(*name, id);
            }
            let descriptor = doc.add_object(descriptor(face, None));
            dictionary! {
                "Type" => "Font", "Subtype" => "Type3", "Name" => face.name.as_str(),
                "FontBBox" => vec![0.into(), (-250).into(), 1000.into(), 750.into()],
                "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
                "CharProcs" => procs, "Encoding" => encoding, "Resources" => Dictionary::new(),
                "FirstChar" => i64::from(first), "LastChar" => i64::from(last), "Widths" => widths,
                "FontDescriptor" => descriptor,
            }
        }
    };
    if p.to_unicode != ToUnicode::Absent {
        let partial = p.to_unicode == ToUnicode::Partial;
        let entries: Vec<(u16, char)> = used
            .iter()
            .filter(|(_, c)| !partial || c.is_alphanumeric())
            .copied()
            .collect();
        let cmap = to_unicode(&entries, p.cid);
        font.set(
            "ToUnicode",
            doc.add_object(Stream::new(Dictionary::new(), cmap.into_bytes())),
        );
    }
    Ok(doc.add_object(font))
}

/// A TrueType face as a composite font: `Identity-H`, its codes the program's glyph ids
/// (`used`, with their characters), widths by glyph id.
fn composite_font(
    doc: &mut Document,
    face: &Face,
    used: &[(u16, char)],
) -> Result<Dictionary, String> {
    let descriptor = embedded_descriptor(doc, face)?;
    let mut widths = Vec::new();
    for (gid, c) in used {
        let w = face.width(*c).unwrap_or(0.0).round() as i64;
        widths.push(Object::Integer(i64::from(*gid)));
        widths.push(Object::Array(vec![Object::Integer(w)]));
    }
    let system = dictionary! {
        "Registry" => Object::string_literal("Adobe"),
        "Ordering" => Object::string_literal("Identity"),
        "Supplement" => 0,
    };
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => face.name.as_str(),
        "CIDSystemInfo" => system, "FontDescriptor" => descriptor,
        "DW" => 1000, "W" => widths, "CIDToGIDMap" => "Identity",
    });
    Ok(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => face.name.as_str(),
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
    })
}

/// The descriptor of a TrueType face, its program embedded.
fn embedded_descriptor(doc: &mut Document, face: &Face) -> Result<ObjectId, String> {
    let program = face
        .program
        .as_ref()
        .ok_or("TrueType face without its program")?;
    let file = doc.add_object(Stream::new(
        dictionary! { "Length1" => program.len() as i64 },
        program.to_vec(),
    ));
    Ok(doc.add_object(descriptor(face, Some(file))))
}

fn descriptor(face: &Face, program: Option<ObjectId>) -> Dictionary {
    let [a, b, c, d] = face.bbox;
    let mut dict = dictionary! {
        "Type" => "FontDescriptor", "FontName" => face.name.as_str(),
        "Flags" => if face.style == Style::Italic { 32 | 64 } else { 32 },
        "ItalicAngle" => if face.style == Style::Italic { -12 } else { 0 },
        "FontBBox" => vec![a.into(), b.into(), c.into(), d.into()],
        "Ascent" => face.ascent, "Descent" => face.descent, "CapHeight" => 700,
        "StemV" => if face.style == Style::Bold { 140 } else { 80 },
        "FontWeight" => if face.style == Style::Bold { 700 } else { 400 },
    };
    if let Some(id) = program {
        dict.set("FontFile2", id);
    }
    dict
}

/// A Type 3 glyph: a plain shape the size of a letter (nothing for a space).
fn glyph_proc(c: char, w: f32) -> String {
    let w = w.round();
    if c.is_whitespace() {
        return format!("{w} 0 d0\n");
    }
    let height = if c.is_uppercase() || c.is_ascii_digit() {
        700
    } else {
        500
    };
    let inner = (w - 100.0).max(20.0);
    format!("{w} 0 0 0 {w} {height} d1\n50 0 {inner} {height} re f\n")
}

/// A ToUnicode CMap for one-byte codes, or two-byte ones (`wide`).
fn to_unicode(entries: &[(u16, char)], wide: bool) -> String {
    let space = if wide { "<0000> <FFFF>" } else { "<00> <FF>" };
    let mut body = String::new();
    for chunk in entries.chunks(100) {
        let _ = writeln!(body, "{} beginbfchar", chunk.len());
        for (code, c) in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = match wide {
                true => writeln!(body, "<{code:04X}> <{hex}>"),
                false => writeln!(body, "<{code:02X}> <{hex}>"),
            };
        }
        let _ = writeln!(body, "endbfchar");
    }
    format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
         1 begincodespacerange {space} endcodespacerange\n{body}\
         endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
}

#[cfg(test)]
mod tests {
    use super::super::params::Family;
    use super::*;

    /// The first letter set under `p`, read back.
    fn first_letter_set(p: &Params) -> Result<Document, String> {
        let (_, letter) = super::super::letters::all()
            .into_iter()
            .next()
            .ok_or("no letter")?;
        let pdf = super::super::typeset(&letter, p)?.pdf;
        Document::load_mem(&pdf).map_err(|e| e.to_string())
    }

    /// Glyph scaling: justified lines widened by `Tz` up to 103 %, and, as `Tz` outlives
    /// its text object, every text object setting it (the others at 100 %).
    #[test]
    fn glyph_scaling_sets_tz_in_every_text_object() -> Result<(), String> {
        let p = Params {
            scaling: true,
            justify: Justify::WordSpacing,
            ..Params::default()
        };
        let doc = first_letter_set(&p)?;
        let page = doc.get_pages().into_values().next().ok_or("no page")?;
        let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
        let objects: Vec<&str> = content.split("BT ").skip(1).collect();
        assert!(!objects.is_empty());
        assert!(objects.iter().all(|o| o.contains(" Tz ")), "{content}");
        let scales: Vec<f32> = objects
            .iter()
            .filter_map(|o| o.split(" Tz").next()?.parse().ok())
            .collect();
        assert!(
            scales.iter().all(|s| (100.0..=103.0).contains(s)),
            "{scales:?}"
        );
        assert!(scales.iter().any(|&s| s > 100.0), "{scales:?}");
        Ok(())
    }

    /// A composite font: `Identity-H` over a `CIDFontType2` whose codes are the program's
    /// glyph ids, two bytes each, in the content stream and the ToUnicode map alike.
    #[test]
    fn a_composite_font_writes_two_byte_glyph_ids() -> Result<(), String> {
        if !super::super::truetype_available() {
            return Ok(());
        }
        let p = Params {
            font: FontKind::TrueType,
            cid: true,
            justify: Justify::WordSpacing,
            ..Params::default()
        };
        let doc = first_letter_set(&p)?;
        let fonts: Vec<&Dictionary> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.has_type(b"Font"))
            .collect();
        let name = |d: &Dictionary, key: &[u8]| {
            d.get(key)
                .and_then(Object::as_name)
                .ok()
                .map(<[u8]>::to_vec)
        };
        let type0: Vec<&&Dictionary> = fonts
            .iter()
            .filter(|d| name(d, b"Subtype").as_deref() == Some(b"Type0"))
            .collect();
        assert_eq!(type0.len(), 2, "regular and bold");
        assert!(
            type0
                .iter()
                .all(|d| name(d, b"Encoding").as_deref() == Some(b"Identity-H"))
        );
        assert!(
            fonts
                .iter()
                .any(|d| name(d, b"Subtype").as_deref() == Some(b"CIDFontType2"))
        );
        let page = doc.get_pages().into_values().next().ok_or("no page")?;
        let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
        // Every string is whole two-byte codes, and no line is stretched by `Tw`.
        let strings: Vec<&str> = content
            .split('<')
            .skip(1)
            .filter_map(|s| s.split('>').next())
            .collect();
        assert!(!strings.is_empty());
        assert!(strings.iter().all(|s| s.len() % 4 == 0), "{content}");
        let tokens: Vec<&str> = content.split_whitespace().collect();
        let stretched = tokens
            .windows(2)
            .filter(|w| w.get(1) == Some(&"Tw"))
            .any(|w| w.first().and_then(|n| n.parse::<f32>().ok()) != Some(0.0));
        assert!(!stretched, "{content}");
        Ok(())
    }

    /// Hinted, a run writes a number after every glyph, its spaces as glyphs; a word's
    /// short second piece, a run of its own, is spaced by `Tc` instead.
    #[test]
    fn a_hinted_line_numbers_every_glyph_and_spaces_a_short_run_by_tc() -> Result<(), String> {
        let regular = Face::load(FontKind::Standard14, Family::Sans, Style::Regular)?;
        let bold = Face::load(FontKind::Standard14, Family::Sans, Style::Bold)?;
        let p = Params {
            hinting: true,
            ..Params::default()
        };
        let m = Measure {
            regular: &regular,
            bold: &bold,
            italic: None,
            tc: 0.0,
            kerning: false,
            hinting: true,
        };
        let piece = Word {
            attached: true,
            ..Word::new("ten", false, 10.0)
        };
        let line = SetLine {
            x: 100.0,
            baseline: 200.0,
            words: vec![
                Word::new("Het", false, 10.0),
                Word::new("advies", false, 10.0),
            ],
            extra: 0.0,
            scale: 1.0,
            tc: 0.0,
        };
        let mut encoders = [Encoder::new(false, None), Encoder::new(false, None)];
        let run = chunk(
            &line.words.iter().collect::<Vec<_>>(),
            100.0,
            false,
            &line,
            &p,
            &m,
            &mut encoders,
        )?;
        // `Het advies`: ten glyphs, each followed by its number unless its hint is 0.
        let array = |run: &str| {
            let (from, to) = (run.find('[').unwrap_or(0), run.rfind(']').unwrap_or(0));
            run.get(from + 1..to).unwrap_or_default().to_string()
        };
        let numbers = array(&run)
            .split(' ')
            .filter(|t| t.parse::<f32>().is_ok())
            .count();
        let zero_hints = "Het advies"
            .chars()
            .filter(|&c| m.hint(c, Style::Regular, 10.0) == 0.0)
            .count();
        assert!(run.contains("<20>"), "the space is a glyph: {run}");
        assert_eq!(numbers + zero_hints, 10, "{numbers} numbers in {run}");
        let short = chunk(&[&piece], 150.0, false, &line, &p, &m, &mut encoders)?;
        let hints: f32 = "ten".chars().map(|c| m.hint(c, Style::Regular, 10.0)).sum();
        let tc = format!("{:.3} Tc", hints / 3.0 * 10.0 / 1000.0);
        assert!(short.contains(&tc), "{tc} in {short}");
        assert!(
            short.contains("[<74656E>]"),
            "no numbers between its glyphs: {short}"
        );
        Ok(())
    }
}
