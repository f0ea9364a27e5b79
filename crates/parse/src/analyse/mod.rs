//! What the letter says, once it is read: references to other Kamerstukken, dates, the
//! advisory body's recommendations with the cabinet's response, and parliamentary questions
//! with their answers.

mod cues;
mod dates;
mod questions;
mod recommendations;
mod references;
mod sentences;

use kamerbrief_model::{Anchor, Block, DateKind, DateMention, Letter, Reference, Section, Stated};

pub use dates::parse_dutch_date;

/// Fills the letter's references, dates, recommendations and questions. The recommendations
/// and the rest read the letter's sections each on their own, so they are found side by
/// side (the recommendations cost most).
pub fn analyse(letter: &mut Letter) {
    let ((advisory_body, recommendations), ((references, dates), (mut kamervragen, questions))) =
        rayon::join(
            || recommendations::find(letter),
            || (mentions(letter), questions::read(letter)),
        );
    letter.references.extend(references);
    letter.dates.extend(dates);
    letter.advisory_body = advisory_body;
    letter.recommendations = recommendations;
    // The Aanhangsel's number stands in the publication's masthead.
    if let (Some(k), Some(p)) = (kamervragen.as_mut(), &letter.publication)
        && k.aanhangsel.is_none()
    {
        k.aanhangsel = p.number.as_ref().and_then(|n| n.value.parse().ok());
    }
    if let (Some(k), Some(p)) = (kamervragen.as_ref(), letter.publication.as_mut())
        && p.date.is_none()
        && let Some(iso) = &k.received
    {
        p.date = received_line(letter_blocks(&letter.sections), iso);
        p.date_kind = Some(DateKind::Received);
    }
    letter.kamervragen = kamervragen;
    letter.questions = questions;
}

/// References to Kamerstukken and dates named in the body and the appendix.
fn mentions(letter: &Letter) -> (Vec<Reference>, Vec<DateMention>) {
    let (mut cited, mut dated) = (Vec::new(), Vec::new());
    let parts = [(&letter.sections, false), (&letter.appendix, true)];
    for (sections, appendix) in parts {
        for (s, section) in sections.iter().enumerate() {
            for (b, block) in section.blocks.iter().enumerate() {
                cited.extend(
                    references::find_references(&block.text, s, b)
                        .into_iter()
                        .map(|mut r| {
                            r.anchor.appendix = appendix;
                            r
                        }),
                );
                for (offset, text, date) in dates::find_dates(&block.text) {
                    dated.push(DateMention {
                        text,
                        date,
                        anchor: Anchor {
                            section: s,
                            block: b,
                            offset,
                            appendix,
                        },
                    });
                }
            }
        }
    }
    (cited, dated)
}

fn letter_blocks(sections: &[Section]) -> impl Iterator<Item = &Block> {
    sections.iter().flat_map(|s| &s.blocks)
}

/// The answers' date where it is printed: the block with `(ontvangen …)`.
fn received_line<'a>(mut blocks: impl Iterator<Item = &'a Block>, iso: &str) -> Option<Stated> {
    let block = blocks.find(|b| b.text.contains("(ontvangen"))?;
    let at = block.text.find("(ontvangen")?;
    let printed = block
        .text
        .get(at..)?
        .split(')')
        .next()?
        .trim_start_matches('(');
    Some(Stated {
        value: iso.to_string(),
        printed: printed.to_string(),
        page: block.page,
        bbox: block.bbox,
    })
}
