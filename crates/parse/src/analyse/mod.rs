//! What the letter says, once it is read: references to other Kamerstukken, dates, the
//! advisory body's recommendations with the cabinet's response, and parliamentary questions
//! with their answers.

mod cues;
mod dates;
mod questions;
mod recommendations;
mod references;
mod sentences;

use kamerbrief_model::{Anchor, DateMention, Letter};

pub use dates::parse_dutch_date;

/// Fills the letter's references, dates, recommendations and questions.
pub fn analyse(letter: &mut Letter) {
    find_mentions(letter);
    let (advisory_body, recommendations) = recommendations::find(letter);
    letter.advisory_body = advisory_body;
    letter.recommendations = recommendations;
    let (kamervragen, questions) = questions::read(letter);
    letter.kamervragen = kamervragen;
    letter.questions = questions;
}

/// References to Kamerstukken and dates named in the body and the appendix.
fn find_mentions(letter: &mut Letter) {
    let parts = [(&letter.sections, false), (&letter.appendix, true)];
    for (sections, appendix) in parts {
        for (s, section) in sections.iter().enumerate() {
            for (b, block) in section.blocks.iter().enumerate() {
                letter.references.extend(
                    references::find_references(&block.text, s, b)
                        .into_iter()
                        .map(|mut r| {
                            r.anchor.appendix = appendix;
                            r
                        }),
                );
                for (offset, text, date) in dates::find_dates(&block.text) {
                    letter.dates.push(DateMention {
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
}
