//! The parameters of a layout: everything the typesetter may vary while the letter stays
//! the same. `Display` prints them on one line, for failure reports.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Body columns, 1 to 3.
    pub columns: u8,
    /// Space between body columns, pt.
    pub gutter: f32,
    pub justify: Justify,
    pub paragraphs: ParagraphBreak,
    pub column: RefColumn,
    pub date: DatePlace,
    pub subject: SubjectPlace,
    pub page_number: PageNumber,
    pub page_number_at: Edge,
    /// The subject as a running title in the header of later pages.
    pub running_title: bool,
    pub font: FontKind,
    pub family: Family,
    /// Body size, pt.
    pub size: f32,
    /// Line pitch as a multiple of the size.
    pub leading: f32,
    /// Character spacing `Tc`, pt.
    pub char_spacing: f32,
    /// Kerning pairs written as `TJ` numbers.
    pub kerning: bool,
    pub encoding: Encoding,
    pub to_unicode: ToUnicode,
    pub hyphenate: Hyphenate,
    /// Lines drawn in reading order, or shuffled with this seed.
    pub shuffle: Option<u64>,
    /// Signatories stacked, or side by side (one body column only).
    pub side_by_side: bool,
    /// The word mark at the top centre (beside the logo band, Rijkshuisstijl) or top left.
    pub mark_centred: bool,
    /// The coordinates the content stream draws in.
    pub space: Space,
    /// How the word spaces inside a text object are drawn.
    pub gaps: Gaps,
    /// Some words drawn in two pieces, each its own text object placed where the piece
    /// falls (as word processors split their runs at a change of language or revision).
    pub splits: bool,
    /// Glyph advances as a word processor lays them out at its device's resolution, off the
    /// font's widths by a fixed amount per character, face and size, and drawn as a `TJ`
    /// number after every glyph (Word's PDF export: `[(D)21(e)-70( )19(v)9(o)-59…]`).
    pub hinting: bool,
    /// Ragged lines broken early, as a total-fit line breaker (FOP's, TeX's) breaks them:
    /// some lines inside a sentence end where the next word would still have fitted.
    pub early: bool,
    /// A TrueType face drawn as a composite font (Type 0, `Identity-H`, two-byte glyph ids
    /// for codes), as browsers, cairo and LibreOffice write it: `Tw` moves no two-byte
    /// code, so its lines are justified by `TJ` numbers.
    pub cid: bool,
    /// How the page's content reaches it.
    pub wrap: Wrap,
    /// Some words inside paragraphs set in bold (emphasis), the face changing mid-line.
    pub emphasis: bool,
    /// Some phrases inside paragraphs set in the italic face (titles, foreign terms), one to
    /// four words each.
    pub italic: bool,
    /// Justified lines widened by glyph scaling (`Tz`, up to 3 %) before their spaces.
    pub scaling: bool,
    /// Mixed into the picks of stressed and italic words, so that layouts stress different
    /// words (0: the picks of the layouts made before there was a salt).
    pub salt: u32,
}

/// How a line is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Justify {
    Ragged,
    /// Justified by word spacing `Tw`.
    WordSpacing,
    /// Justified by `TJ` numbers after each space.
    TjNumbers,
    /// Justified by placing every word on its own.
    Positioned,
}

/// What marks a new paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphBreak {
    Space,
    Indent,
    Both,
}

/// The reference column (referentiekolom).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RefColumn {
    pub place: ColumnPlace,
    /// The long column (address, contact, notes) or a short one (a few fields).
    pub long: bool,
    /// A short column repeated on every later page (`Datum`, `Ons kenmerk`).
    pub running: bool,
    /// Space between the body and the column, pt.
    pub gap: f32,
    /// Size of its type, pt.
    pub size: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnPlace {
    Right,
    Left,
    /// Label/value pairs side by side in a band above the body, on page 1.
    Above,
    Absent,
}

/// Where the date stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePlace {
    /// In the reference column (`Datum` / `7 april 2021`).
    Column,
    /// In the body column as a label (`Datum 7 april 2021`).
    Label,
    /// `Den Haag, 7 april 2021`.
    PlaceLine,
}

/// Where the subject stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectPlace {
    Column,
    Label,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageNumber {
    None,
    /// `Pagina 2 van 11`.
    PaginaVan,
    /// `- 2 -`.
    Dashes,
    /// `2/11`.
    Slash,
    /// `2`.
    Plain,
}

/// Where the page number stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    HeaderRight,
    FooterCentre,
    FooterRight,
    /// In the running reference column (falls back to the footer without one).
    InColumn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontKind {
    Standard14,
    TrueType,
    Type3,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Sans,
    Serif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    WinAnsi,
    /// Codes handed out in order of first use, named by `/Differences` (a subset's encoding).
    Custom,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToUnicode {
    Complete,
    /// Only the letters and digits are mapped; the rest comes from the encoding.
    Partial,
    Absent,
}

/// How a content stream expresses positions and sizes: the same page drawn the ways
/// producers draw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    /// Points, the size in `Tf`, the text matrix a translation.
    Points,
    /// `1 Tf`, the size in the text matrix (word processors); `Tc`, `Tw` and `Ts` in its
    /// units.
    UnitFont,
    /// CSS pixels, y down: the page under `0.75 0 0 -0.75 0 h cm`, each text matrix
    /// flipping back (browsers).
    Pixels,
}

/// How a page's content reaches it: the same drawing through the structures producers and
/// tools that assemble PDFs use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrap {
    /// One content stream.
    Direct,
    /// Three streams (the page's `/Contents` an array), split between text objects: the
    /// graphics state runs on from one into the next.
    Streams,
    /// A form XObject that the page's stream paints, the fonts in the form's resources only
    /// (a page imported into another document).
    Form,
    /// The same, scaled to [`SCALED`] and centred on the page (imported at less than full
    /// size, as LaTeX's `pdfpages` does).
    Scaled,
    /// A landscape page turned upright by `/Rotate 90`, the drawing turned the other way
    /// under a `cm` (a print driver's page).
    Rotated,
}

/// The scale of a [`Wrap::Scaled`] page's form.
pub const SCALED: f32 = 0.94;

/// How the word spaces inside a text object are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gaps {
    /// A space glyph (justified by `Tw`, or by a `TJ` number after it).
    Glyphs,
    /// A `TJ` number as wide as the space would be, and no glyph (Ghostscript rewriting
    /// PostScript's `widthshow`).
    Numbers,
    /// Numbers and glyphs by turns, so that the font also writes its spaces.
    Mixed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hyphenate {
    No,
    /// Breaks drawn as a hyphen.
    Hyphen,
    /// Breaks drawn as a hyphen that the ToUnicode map calls U+00AD.
    Soft,
}

impl Default for Params {
    /// A plain ministry letter: one column, ragged, 9 pt Helvetica, the column on the right.
    fn default() -> Params {
        Params {
            columns: 1,
            gutter: 18.0,
            justify: Justify::Ragged,
            paragraphs: ParagraphBreak::Space,
            column: RefColumn {
                place: ColumnPlace::Right,
                long: true,
                running: true,
                gap: 24.0,
                size: 6.5,
            },
            date: DatePlace::Column,
            subject: SubjectPlace::Column,
            page_number: PageNumber::PaginaVan,
            page_number_at: Edge::InColumn,
            running_title: false,
            font: FontKind::Standard14,
            family: Family::Sans,
            size: 9.0,
            leading: 1.35,
            char_spacing: 0.0,
            kerning: false,
            encoding: Encoding::WinAnsi,
            to_unicode: ToUnicode::Complete,
            hyphenate: Hyphenate::No,
            shuffle: None,
            side_by_side: false,
            mark_centred: true,
            space: Space::Points,
            gaps: Gaps::Glyphs,
            splits: false,
            hinting: false,
            early: false,
            cid: false,
            wrap: Wrap::Direct,
            emphasis: false,
            italic: false,
            scaling: false,
            salt: 0,
        }
    }
}

impl Params {
    /// The same layout with contradictions resolved the way a typesetter would: without a
    /// reference column the date and subject go to the body column; a running column needs a
    /// column beside the body; signatures side by side need a single body column.
    pub fn normalized(mut self) -> Params {
        let beside = matches!(self.column.place, ColumnPlace::Right | ColumnPlace::Left);
        if self.column.place == ColumnPlace::Absent {
            if self.date == DatePlace::Column {
                self.date = DatePlace::Label;
            }
            if self.subject == SubjectPlace::Column {
                self.subject = SubjectPlace::Label;
            }
        }
        if !beside {
            self.column.running = false;
        }
        // A salt picks nothing where no word is stressed.
        if !self.emphasis && !self.italic {
            self.salt = 0;
        }
        if self.page_number_at == Edge::InColumn && !beside {
            self.page_number_at = Edge::FooterRight;
        }
        if self.columns > 1 {
            self.side_by_side = false;
        }
        if self.columns == 1 {
            self.gutter = 0.0;
        }
        // A word processor hints its runs' glyphs, its spaces drawn as glyphs; a producer
        // that places every word or draws spaces as numbers lays out by the font's widths.
        if self.gaps != Gaps::Glyphs || self.justify == Justify::Positioned {
            self.hinting = false;
        }
        // It writes character spacing as a run's `Tc` only where it writes no numbers
        // between the letters (`0.276 Tc[(2023)] TJ`): hinted runs are not tracked.
        if self.hinting {
            self.char_spacing = 0.0;
        }
        // A justified line is stretched to the edge wherever it breaks.
        if self.justify != Justify::Ragged {
            self.early = false;
        }
        if self.font != FontKind::TrueType {
            self.cid = false;
        }
        if self.cid && self.justify == Justify::WordSpacing {
            self.justify = Justify::TjNumbers;
        }
        self
    }
}

impl fmt::Display for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.column;
        write!(
            f,
            "cols={} gutter={:.1} justify={:?} paras={:?} refcol={:?}{}{} gap={:.1} colsize={:.1} \
             date={:?} subject={:?} pagenum={:?}@{:?} title={} font={:?}/{:?} size={:.1} \
             leading={:.2} tc={:.2} kern={} enc={:?} tounicode={:?} hyph={:?} order={} sigs={} mark={}",
            self.columns,
            self.gutter,
            self.justify,
            self.paragraphs,
            c.place,
            if c.long { "/long" } else { "/short" },
            if c.running { "/running" } else { "" },
            c.gap,
            c.size,
            self.date,
            self.subject,
            self.page_number,
            self.page_number_at,
            self.running_title,
            self.font,
            self.family,
            self.size,
            self.leading,
            self.char_spacing,
            self.kerning,
            self.encoding,
            self.to_unicode,
            self.hyphenate,
            match self.shuffle {
                Some(seed) => format!("shuffled:{seed}"),
                None => "reading".to_string(),
            },
            if self.side_by_side { "side" } else { "stacked" },
            if self.mark_centred { "centre" } else { "left" },
        )?;
        // Points is the default, unwritten: the one-line forms of older reports read back.
        if self.space != Space::Points {
            write!(f, " space={:?}", self.space)?;
        }
        if self.gaps != Gaps::Glyphs {
            write!(f, " gaps={:?}", self.gaps)?;
        }
        if self.splits {
            write!(f, " splits=true")?;
        }
        if self.hinting {
            write!(f, " hinting=true")?;
        }
        if self.early {
            write!(f, " early=true")?;
        }
        if self.cid {
            write!(f, " cid=true")?;
        }
        if self.wrap != Wrap::Direct {
            write!(f, " wrap={:?}", self.wrap)?;
        }
        if self.emphasis {
            write!(f, " emphasis=true")?;
        }
        if self.italic {
            write!(f, " italic=true")?;
        }
        if self.scaling {
            write!(f, " scaling=true")?;
        }
        if self.salt != 0 {
            write!(f, " salt={}", self.salt)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Params {
    type Err = String;

    /// Reads the one-line form that `Display` writes, so that a failing layout can be
    /// replayed from its report.
    fn from_str(line: &str) -> Result<Params, String> {
        let mut p = Params::default();
        for pair in line.split_whitespace() {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("expected key=value, found {pair:?}"))?;
            // On the step the layouts' strategy draws it on, computed as it computes it:
            // the same bits (a hinted glyph's advance hashes its size's bits).
            let number = |step: f32| -> Result<f32, String> {
                let v = value.parse::<f32>().map_err(|e| format!("{key}: {e}"))?;
                Ok(on_step(v, step))
            };
            let flag = || -> Result<bool, String> {
                value.parse::<bool>().map_err(|e| format!("{key}: {e}"))
            };
            match key {
                "cols" => p.columns = value.parse().map_err(|e| format!("cols: {e}"))?,
                "gutter" => p.gutter = number(0.1)?,
                "justify" => p.justify = pick(key, value, &JUSTIFY)?,
                "paras" => p.paragraphs = pick(key, value, &PARAGRAPHS)?,
                "refcol" => {
                    let mut parts = value.split('/');
                    p.column.place = pick(key, parts.next().unwrap_or_default(), &PLACES)?;
                    p.column.long = false;
                    p.column.running = false;
                    for part in parts {
                        match part {
                            "long" => p.column.long = true,
                            "short" => p.column.long = false,
                            "running" => p.column.running = true,
                            other => return Err(format!("refcol: unknown {other:?}")),
                        }
                    }
                }
                "gap" => p.column.gap = number(0.1)?,
                "colsize" => p.column.size = number(0.1)?,
                "date" => p.date = pick(key, value, &DATES)?,
                "subject" => p.subject = pick(key, value, &SUBJECTS)?,
                "pagenum" => {
                    let (form, at) = value.split_once('@').ok_or("pagenum: expected FORM@EDGE")?;
                    p.page_number = pick(key, form, &PAGE_NUMBERS)?;
                    p.page_number_at = pick(key, at, &EDGES)?;
                }
                "title" => p.running_title = flag()?,
                "font" => {
                    let (kind, family) =
                        value.split_once('/').ok_or("font: expected KIND/FAMILY")?;
                    p.font = pick(key, kind, &FONTS)?;
                    p.family = pick(key, family, &FAMILIES)?;
                }
                "size" => p.size = number(0.1)?,
                "leading" => p.leading = number(0.01)?,
                "tc" => p.char_spacing = number(0.01)?,
                "kern" => p.kerning = flag()?,
                "enc" => p.encoding = pick(key, value, &ENCODINGS)?,
                "tounicode" => p.to_unicode = pick(key, value, &TO_UNICODE)?,
                "hyph" => p.hyphenate = pick(key, value, &HYPHENATE)?,
                "order" => {
                    p.shuffle = match value.strip_prefix("shuffled:") {
                        Some(seed) => Some(seed.parse().map_err(|e| format!("order: {e}"))?),
                        None if value == "reading" => None,
                        None => return Err(format!("order: unknown {value:?}")),
                    }
                }
                "sigs" => p.side_by_side = value == "side",
                "mark" => p.mark_centred = value == "centre",
                "space" => p.space = pick(key, value, &SPACES)?,
                "gaps" => p.gaps = pick(key, value, &GAPS)?,
                "splits" => p.splits = flag()?,
                "hinting" => p.hinting = flag()?,
                "early" => p.early = flag()?,
                "cid" => p.cid = flag()?,
                "wrap" => p.wrap = pick(key, value, &WRAPS)?,
                "emphasis" => p.emphasis = flag()?,
                "italic" => p.italic = flag()?,
                "scaling" => p.scaling = flag()?,
                "salt" => p.salt = value.parse().map_err(|_| format!("salt: {value:?}"))?,
                other => return Err(format!("unknown key {other:?}")),
            }
        }
        Ok(p)
    }
}

/// `v` on the nearest multiple of `step`, as the layouts' strategy draws its sizes and
/// distances (one tenth of a point, a hundredth for the leading and the letter spacing).
pub fn on_step(v: f32, step: f32) -> f32 {
    (v / step).round() * step
}

fn pick<T: Copy + fmt::Debug>(key: &str, value: &str, all: &[T]) -> Result<T, String> {
    all.iter()
        .find(|v| format!("{v:?}") == value)
        .copied()
        .ok_or_else(|| format!("{key}: unknown {value:?}"))
}

/// Every value of each parameter, for strategies and for reading the one-line form.
pub const JUSTIFY: [Justify; 4] = [
    Justify::Ragged,
    Justify::WordSpacing,
    Justify::TjNumbers,
    Justify::Positioned,
];
pub const PARAGRAPHS: [ParagraphBreak; 3] = [
    ParagraphBreak::Space,
    ParagraphBreak::Indent,
    ParagraphBreak::Both,
];
pub const PLACES: [ColumnPlace; 4] = [
    ColumnPlace::Right,
    ColumnPlace::Left,
    ColumnPlace::Above,
    ColumnPlace::Absent,
];
pub const DATES: [DatePlace; 3] = [DatePlace::Column, DatePlace::Label, DatePlace::PlaceLine];
pub const SUBJECTS: [SubjectPlace; 2] = [SubjectPlace::Column, SubjectPlace::Label];
pub const PAGE_NUMBERS: [PageNumber; 5] = [
    PageNumber::None,
    PageNumber::PaginaVan,
    PageNumber::Dashes,
    PageNumber::Slash,
    PageNumber::Plain,
];
pub const EDGES: [Edge; 4] = [
    Edge::HeaderRight,
    Edge::FooterCentre,
    Edge::FooterRight,
    Edge::InColumn,
];
pub const FONTS: [FontKind; 3] = [FontKind::Standard14, FontKind::TrueType, FontKind::Type3];
pub const FAMILIES: [Family; 2] = [Family::Sans, Family::Serif];
pub const ENCODINGS: [Encoding; 2] = [Encoding::WinAnsi, Encoding::Custom];
pub const TO_UNICODE: [ToUnicode; 3] = [ToUnicode::Complete, ToUnicode::Partial, ToUnicode::Absent];
pub const HYPHENATE: [Hyphenate; 3] = [Hyphenate::No, Hyphenate::Hyphen, Hyphenate::Soft];
pub const SPACES: [Space; 3] = [Space::Points, Space::UnitFont, Space::Pixels];
pub const GAPS: [Gaps; 3] = [Gaps::Glyphs, Gaps::Numbers, Gaps::Mixed];
pub const WRAPS: [Wrap; 5] = [
    Wrap::Direct,
    Wrap::Streams,
    Wrap::Form,
    Wrap::Scaled,
    Wrap::Rotated,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_line_form_reads_back() {
        let base = Params::default();
        let p = Params {
            columns: 3,
            gutter: 7.5,
            column: RefColumn {
                place: ColumnPlace::Left,
                long: false,
                ..base.column
            },
            shuffle: Some(42),
            hyphenate: Hyphenate::Soft,
            space: Space::Pixels,
            gaps: Gaps::Mixed,
            splits: true,
            hinting: true,
            early: true,
            cid: true,
            wrap: Wrap::Scaled,
            emphasis: true,
            italic: true,
            scaling: true,
            salt: 12345,
            ..base
        };
        let line = p.to_string();
        assert!(!line.contains('\n'));
        assert_eq!(line.parse::<Params>(), Ok(p));
    }
}
