//! A source letter as plain data, and the digest of it that a parsed letter must equal.
//!
//! Body text uses one piece of markup: `^N` right after a word is the raised marker of
//! footnote `N` (`waterbeheer^1 en`).

use kamerbrief_model::{BlockKind, Letter as Parsed};

/// A letter's content, independent of any layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Letter {
    /// The word mark, one entry per printed line (`Ministerie van Buitenlandse Zaken`).
    pub sender: Vec<String>,
    /// The sender's address lines, printed in a long reference column.
    pub sender_address: Vec<String>,
    /// The return address without `> Retouradres` (`Postbus 20061 2500 EB Den Haag`).
    pub return_address: String,
    pub addressee: Vec<String>,
    /// Where the letter is written, for a `Den Haag, 7 april 2021` line.
    pub place: String,
    /// The date as printed (`7 april 2021`) and as ISO 8601.
    pub date: String,
    pub date_iso: String,
    /// `Betreft` or `Onderwerp`.
    pub subject_label: String,
    pub subject: String,
    /// `Ons kenmerk`.
    pub our_reference: Option<String>,
    /// Other labelled fields of the reference column (`Bijlage(n)` / `1`).
    pub fields: Vec<(String, String)>,
    pub salutation: String,
    pub sections: Vec<Section>,
    pub closing: Option<String>,
    pub signatories: Vec<Signatory>,
    /// Sections after the signatures.
    pub appendix: Vec<Section>,
    pub footnotes: Vec<Footnote>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub heading: Option<Heading>,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// As printed (`2.1`), or none.
    pub number: Option<String>,
    pub text: String,
    pub level: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    List { labels: Labels, items: Vec<String> },
}

/// How list items are labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Labels {
    Bullet,
    Dash,
    Number,
    Letter,
}

impl Labels {
    /// The label of item `index` (from 0) as printed.
    pub fn label(self, index: usize) -> String {
        match self {
            Labels::Bullet => "\u{2022}".to_string(),
            Labels::Dash => "\u{2013}".to_string(),
            Labels::Number => format!("{}.", index + 1),
            Labels::Letter => {
                let letter = char::from_u32(u32::from(b'a') + index as u32).unwrap_or('z');
                format!("{letter})")
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Signatory {
    /// The role line as printed, comma included if any.
    pub role: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Footnote {
    pub marker: String,
    pub text: String,
}

/// `text` as runs of plain text, each followed by the footnote marker after it (if any).
pub fn split_markers(text: &str) -> Vec<(&str, Option<&str>)> {
    let mut runs = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('^') {
        let (before, after) = rest.split_at(at);
        let after = after.get(1..).unwrap_or_default();
        let digits = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        let (marker, tail) = after.split_at(digits);
        runs.push((before, Some(marker)));
        rest = tail;
    }
    runs.push((rest, None));
    runs
}

/// `text` without footnote markers.
pub fn strip_markers(text: &str) -> String {
    split_markers(text).into_iter().map(|(s, _)| s).collect()
}

/// Whitespace folded to single spaces.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a parsed letter must give back of its source, whatever the layout: every field
/// here is compared in full.
#[derive(Clone, Debug, PartialEq)]
pub struct Digest {
    /// The return address line's address.
    pub return_address: Option<String>,
    /// The addressee's lines, as one text (where its lines break is the layout's).
    pub addressee: String,
    pub date: Option<String>,
    pub subject: Option<String>,
    pub sender_reference: Option<String>,
    pub salutation: Option<String>,
    pub sections: Vec<DigestSection>,
    pub closing: Option<String>,
    /// (role as printed, name).
    pub signatories: Vec<(String, Option<String>)>,
    pub appendix: Vec<DigestSection>,
    /// (marker, text).
    pub footnotes: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DigestSection {
    /// (number, text, level).
    pub heading: Option<(Option<String>, String, u8)>,
    pub blocks: Vec<DigestBlock>,
}

/// A block's kind and text; a list's items as (label, text). (A paragraph's inline
/// enumeration is a function of its text, so the text stands for it.)
#[derive(Clone, Debug, PartialEq)]
pub struct DigestBlock {
    pub kind: BlockKind,
    pub text: String,
    pub items: Vec<(String, String)>,
}

impl Letter {
    /// The digest the parser must produce.
    pub fn digest(&self) -> Digest {
        Digest {
            return_address: Some(fold(&self.return_address)),
            addressee: fold(&self.addressee.join(" ")),
            date: Some(self.date_iso.clone()),
            subject: Some(fold(&self.subject)),
            sender_reference: self.our_reference.clone(),
            salutation: Some(self.salutation.clone()),
            sections: self.sections.iter().map(section_digest).collect(),
            closing: self.closing.clone(),
            signatories: self
                .signatories
                .iter()
                .map(|s| (s.role.clone(), Some(s.name.clone())))
                .collect(),
            appendix: self.appendix.iter().map(section_digest).collect(),
            footnotes: self
                .footnotes
                .iter()
                .map(|f| (f.marker.clone(), fold(&f.text)))
                .collect(),
        }
    }

    /// Every text of the letter's body, markers stripped: the words a reader reads.
    pub fn body_texts(&self) -> Vec<String> {
        let mut out = vec![self.salutation.clone()];
        for s in self.sections.iter().chain(&self.appendix) {
            if let Some(h) = &s.heading {
                out.push(h.text.clone());
            }
            for b in &s.blocks {
                match b {
                    Block::Paragraph(t) => out.push(strip_markers(t)),
                    Block::List { items, .. } => out.extend(items.iter().map(|i| strip_markers(i))),
                }
            }
        }
        out.extend(self.closing.clone());
        for s in &self.signatories {
            out.push(s.role.clone());
            out.push(s.name.clone());
        }
        out
    }
}

fn section_digest(section: &Section) -> DigestSection {
    DigestSection {
        heading: section
            .heading
            .as_ref()
            .map(|h| (h.number.clone(), fold(&h.text), h.level)),
        blocks: section
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(t) => DigestBlock {
                    kind: BlockKind::Paragraph,
                    text: fold(&strip_markers(t)),
                    items: Vec::new(),
                },
                Block::List { labels, items } => {
                    let items: Vec<(String, String)> = items
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (labels.label(i), fold(&strip_markers(t))))
                        .collect();
                    DigestBlock {
                        kind: BlockKind::List,
                        text: list_text(&items),
                        items,
                    }
                }
            })
            .collect(),
    }
}

fn list_text(items: &[(String, String)]) -> String {
    fold(
        &items
            .iter()
            .map(|(l, t)| format!("{l} {t}"))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The digest of a parsed letter, to compare with [`Letter::digest`].
pub fn digest_of(letter: &Parsed) -> Digest {
    let sections = |sections: &[kamerbrief_model::Section]| -> Vec<DigestSection> {
        sections
            .iter()
            .map(|s| DigestSection {
                heading: s
                    .heading
                    .as_ref()
                    .map(|h| (h.number.clone(), fold(&h.text), h.level)),
                blocks: s
                    .blocks
                    .iter()
                    .map(|b| {
                        let items: Vec<(String, String)> = if b.kind == BlockKind::List {
                            b.items
                                .iter()
                                .map(|i| (i.label.clone(), fold(&i.text)))
                                .collect()
                        } else {
                            Vec::new()
                        };
                        DigestBlock {
                            kind: b.kind,
                            text: fold(&b.text),
                            items,
                        }
                    })
                    .collect(),
            })
            .collect()
    };
    let meta = &letter.metadata;
    Digest {
        return_address: meta.return_address.as_deref().map(fold),
        addressee: fold(&meta.addressee.join(" ")),
        date: meta.date.clone(),
        subject: meta.subject.as_deref().map(fold),
        sender_reference: meta.sender_reference.clone(),
        salutation: letter.salutation.as_ref().map(|b| fold(&b.text)),
        sections: sections(&letter.sections),
        closing: letter.closing.as_ref().map(|b| fold(&b.text)),
        signatories: letter
            .signatories
            .iter()
            .map(|s| (fold(&s.printed_role), s.name.as_deref().map(fold)))
            .collect(),
        appendix: sections(&letter.appendix),
        footnotes: letter
            .footnotes
            .iter()
            .map(|f| (f.marker.clone(), fold(&f.text)))
            .collect(),
    }
}

/// The first difference between two digests, readably; `None` when they are equal.
pub fn first_difference(got: &Digest, want: &Digest) -> Option<String> {
    macro_rules! field {
        ($name:ident) => {
            if got.$name != want.$name {
                return Some(format!(
                    "{}: got {:?}, want {:?}",
                    stringify!($name),
                    got.$name,
                    want.$name
                ));
            }
        };
    }
    field!(return_address);
    field!(addressee);
    field!(date);
    field!(subject);
    field!(sender_reference);
    field!(salutation);
    for (name, g, w) in [
        ("sections", &got.sections, &want.sections),
        ("appendix", &got.appendix, &want.appendix),
    ] {
        if let Some(d) = sections_difference(name, g, w) {
            return Some(d);
        }
    }
    field!(closing);
    field!(signatories);
    if got.footnotes != want.footnotes {
        for (i, (g, w)) in got.footnotes.iter().zip(&want.footnotes).enumerate() {
            if g != w {
                return Some(format!("footnote {i}: got {g:?}, want {w:?}"));
            }
        }
        return Some(format!(
            "footnotes: got {} ({:?}), want {}",
            got.footnotes.len(),
            got.footnotes.iter().map(|f| &f.0).collect::<Vec<_>>(),
            want.footnotes.len()
        ));
    }
    None
}

fn sections_difference(
    name: &str,
    got: &[DigestSection],
    want: &[DigestSection],
) -> Option<String> {
    // Compare block by block over the flattened sequence, so that a lost heading shows as
    // the first block that moved.
    let flat = |ss: &[DigestSection]| -> Vec<String> {
        let mut out = Vec::new();
        for s in ss {
            if let Some(h) = &s.heading {
                out.push(format!("heading {h:?}"));
            }
            for b in &s.blocks {
                out.push(format!("{:?} {:?} {:?}", b.kind, b.text, b.items));
            }
        }
        out
    };
    let (g, w) = (flat(got), flat(want));
    for (i, (a, b)) in g.iter().zip(&w).enumerate() {
        if a != b {
            return Some(format!("{name}: element {i}:\n  got  {a}\n  want {b}"));
        }
    }
    if g.len() != w.len() {
        return Some(format!(
            "{name}: got {} elements, want {}; first extra: {:?}",
            g.len(),
            w.len(),
            g.get(w.len()).or(w.get(g.len()))
        ));
    }
    None
}
