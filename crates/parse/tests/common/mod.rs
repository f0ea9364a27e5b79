//! Checks every parsed fixture must pass, whatever its producer.

#![allow(dead_code)]

use std::collections::BTreeMap;

use kamerbrief_model::{Layout, Parsed, Role};

/// Blocks of a text rendering: split at blank lines, whitespace folded.
pub fn blocks(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty())
        .collect()
}

/// Asserts that two block lists are equal, reporting the first difference readably.
pub fn assert_blocks_eq(ours: &[String], reference: &[String]) {
    for (i, (a, b)) in ours.iter().zip(reference).enumerate() {
        assert_eq!(a, b, "block {i} differs");
    }
    assert_eq!(
        ours.len(),
        reference.len(),
        "number of blocks; ours ends with {:?}",
        ours.last()
    );
}

/// Characters that carry text: not whitespace, not hyphens (a typesetter's hyphen is
/// legitimately removed when lines are joined).
fn counted(text: &str, tally: &mut BTreeMap<char, i64>, sign: i64) {
    for c in text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{AD}'))
    {
        *tally.entry(c).or_default() += sign;
    }
}

/// Every body character of the layout appears exactly once in the letter, and nothing else:
/// no word lost, duplicated or invented. Furniture (reference column, page numbers, running
/// heads) is not in the body.
pub fn assert_body_accounted_for(layout: &Layout, parsed: &Parsed) {
    assert_body_characters(layout, parsed);
    assert_no_furniture_in_body(layout, parsed);
}

/// Every body character of the layout (as the parser reads it, [`kamerbrief_parse::read_ligatures`])
/// appears exactly once in the letter, and nothing else. A line the parser reads as a reference column running on a later page (in the body's
/// role in the layout, for its type is nearly the body's) is not the letter's.
pub fn assert_body_characters(layout: &Layout, parsed: &Parsed) {
    // The layout as the parser reads it: ligature glyphs the file does not name, read.
    let read = kamerbrief_parse::read_ligatures(layout);
    let layout = read.as_ref().map_or(layout, |(read, _)| read);
    let (_, annotations) = kamerbrief_parse::parse_annotated(layout);
    let running: std::collections::HashSet<(u32, usize)> = annotations
        .iter()
        .filter(|a| a.kind == kamerbrief_parse::LineKind::ReferenceColumn)
        .map(|a| (a.page, a.line))
        .collect();
    let mut tally = BTreeMap::new();
    for line in layout.pages.iter().flat_map(|p| {
        p.lines
            .iter()
            .enumerate()
            .filter(|(i, l)| l.role == Role::Body && !running.contains(&(p.number, *i)))
            .map(|(_, l)| l)
    }) {
        for word in &line.words {
            counted(&word.text, &mut tally, 1);
        }
    }
    let letter = &parsed.letter;
    let meta = &letter.metadata;
    let mut texts: Vec<String> = meta.letterhead.clone();
    if let Some(r) = &meta.return_address {
        texts.push(format!("> Retouradres {r}"));
    }
    texts.extend(meta.addressee.iter().cloned());
    // Label/value lines above the salutation (those of the reference column are furniture).
    let furniture: Vec<(u32, kamerbrief_model::Rect)> = layout
        .pages
        .iter()
        .flat_map(|p| {
            p.lines
                .iter()
                .filter(|l| l.role.is_furniture())
                .map(move |l| (p.number, l.bbox))
        })
        .collect();
    let body_lines: Vec<(u32, kamerbrief_model::Rect)> = layout
        .pages
        .iter()
        .flat_map(|p| {
            p.lines
                .iter()
                .filter(|l| l.role == Role::Body)
                .map(move |l| (p.number, l.bbox))
        })
        .collect();
    let overlaps = |boxes: &[(u32, kamerbrief_model::Rect)],
                    field: &kamerbrief_model::ReferenceField| {
        boxes.iter().any(|(page, b)| {
            *page == field.page
                && b.horizontal_overlap(&field.bbox) > 0.0
                && b.vertical_overlap(&field.bbox) > 0.0
        })
    };
    for field in &meta.reference_column {
        if !overlaps(&furniture, field) {
            texts.push(format!(
                "{} {}",
                field.label.clone().unwrap_or_default(),
                field.value
            ));
        } else if overlaps(&body_lines, field) {
            // Labelled in the reference column, its value read from a body line (fields
            // set side by side above the body, the one beside the others in the margin).
            texts.push(field.value.clone());
        }
    }
    texts.extend(letter.salutation.iter().map(|b| b.text.clone()));
    for section in letter.sections.iter().chain(&letter.appendix) {
        if let Some(h) = &section.heading {
            texts.push(format!(
                "{} {}",
                h.number.clone().unwrap_or_default(),
                h.text
            ));
        }
        texts.extend(section.blocks.iter().map(|b| b.text.clone()));
    }
    texts.extend(letter.closing.iter().map(|b| b.text.clone()));
    for s in &letter.signatories {
        texts.push(s.printed_role.clone());
        texts.extend(s.name.clone());
    }
    for f in &letter.footnotes {
        texts.push(format!("{} {}", f.marker, f.text));
        if f.anchor.is_some() {
            texts.push(f.marker.clone());
        }
    }
    for t in &texts {
        counted(t, &mut tally, -1);
    }
    let off: Vec<(char, i64)> = tally.into_iter().filter(|(_, n)| *n != 0).collect();
    assert!(
        off.is_empty(),
        "characters lost (+) or added (-) between the layout's body and the letter: {off:?}"
    );
}

/// No furniture line of three words or more has its text in the body. (A heuristic: a
/// letter whose body quotes a line of its reference column fails it; the layout test
/// compares the body with its source instead.)
pub fn assert_no_furniture_in_body(layout: &Layout, parsed: &Parsed) {
    let letter = &parsed.letter;
    let body_text: String = letter
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for line in layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.role.is_furniture())
    {
        let text = line.text();
        if text.split_whitespace().count() >= 3 {
            assert!(
                !body_text.contains(&text),
                "furniture in the body: {text:?}"
            );
        }
    }
}
