//! The letter as a reader reads it: plain text and Markdown.

use kamerbrief_model::{Block, BlockKind, Letter, Parsed, Section};

/// The JSON contract: pretty-printed, with a final newline.
pub fn json(parsed: &Parsed) -> String {
    let mut out = serde_json::to_string_pretty(parsed).unwrap_or_default();
    out.push('\n');
    out
}

/// Salutation, headings, paragraphs, list items (one block per item, with its label), the
/// closing and the signatory lines; one block per paragraph, blocks separated by a blank line.
/// No header, footer or reference column.
pub fn text(letter: &Letter) -> String {
    let mut blocks: Vec<String> = Vec::new();
    blocks.extend(letter.salutation.iter().map(|b| b.text.clone()));
    for section in &letter.sections {
        push_section(&mut blocks, section);
    }
    blocks.extend(letter.closing.iter().map(|b| b.text.clone()));
    for s in &letter.signatories {
        if !s.printed_role.is_empty() {
            blocks.push(s.printed_role.clone());
        }
        blocks.extend(s.name.clone());
    }
    for section in &letter.appendix {
        push_section(&mut blocks, section);
    }
    join_blocks(&blocks)
}

fn push_section(blocks: &mut Vec<String>, section: &Section) {
    if let Some(h) = &section.heading {
        blocks.push(match &h.number {
            Some(n) => format!("{n} {}", h.text),
            None => h.text.clone(),
        });
    }
    for block in &section.blocks {
        push_block(blocks, block);
    }
}

fn push_block(blocks: &mut Vec<String>, block: &Block) {
    match block.kind {
        BlockKind::List => blocks.extend(
            block
                .items
                .iter()
                .map(|i| format!("{} {}", i.label, i.text)),
        ),
        _ => blocks.push(block.text.clone()),
    }
}

fn join_blocks(blocks: &[String]) -> String {
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The same text, readable as Markdown, with the metadata on top and footnotes at the end.
pub fn markdown(letter: &Letter) -> String {
    let meta = &letter.metadata;
    let mut out: Vec<String> = Vec::new();
    out.push(format!("# {}", meta.subject.as_deref().unwrap_or("Brief")));
    let mut facts = Vec::new();
    if let Some(sender) = &meta.sender {
        facts.push(format!("- **Afzender:** {sender}"));
    }
    if !meta.addressee.is_empty() {
        facts.push(format!(
            "- **Geadresseerde:** {}",
            meta.addressee.join(", ")
        ));
    }
    for field in meta.reference_column.iter().filter(|f| f.label.is_some()) {
        let label = field.label.as_deref().unwrap_or_default();
        match (&meta.date, field.key) {
            (Some(iso), kamerbrief_model::FieldKey::Date) => {
                facts.push(format!("- **{label}:** {} ({iso})", field.value))
            }
            _ => facts.push(format!("- **{label}:** {}", field.value)),
        }
    }
    if !facts.is_empty() {
        out.push(facts.join("\n"));
    }
    out.extend(letter.salutation.iter().map(|b| b.text.clone()));
    markdown_sections(letter, &letter.sections, false, &mut out);
    out.extend(letter.closing.iter().map(|b| b.text.clone()));
    for s in &letter.signatories {
        out.push(match &s.name {
            Some(name) if s.printed_role.is_empty() => format!("**{name}**"),
            Some(name) => format!("{}  \n**{name}**", s.printed_role),
            None => s.printed_role.clone(),
        });
    }
    if !letter.appendix.is_empty() {
        out.push("---".to_string());
        markdown_sections(letter, &letter.appendix, true, &mut out);
    }
    if !letter.recommendations.is_empty() {
        out.push(recommendations_table(letter));
    }
    if !letter.footnotes.is_empty() {
        out.push(
            letter
                .footnotes
                .iter()
                .map(|f| format!("[^{}]: {}", f.marker, f.text))
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    join_blocks(&out)
}

/// Headings and blocks of `sections` (the body's, or the appendix's).
fn markdown_sections(letter: &Letter, sections: &[Section], appendix: bool, out: &mut Vec<String>) {
    for (s, section) in sections.iter().enumerate() {
        if let Some(h) = &section.heading {
            let hashes = "#".repeat(usize::from(h.level.clamp(1, 4)) + 1);
            out.push(match &h.number {
                Some(n) => format!("{hashes} {n} {}", h.text),
                None => format!("{hashes} {}", h.text),
            });
        }
        for (b, block) in section.blocks.iter().enumerate() {
            let place = Place {
                section: s,
                block: b,
                appendix,
            };
            match block.kind {
                BlockKind::List => out.push(
                    block
                        .items
                        .iter()
                        .map(|i| format!("{} {}", markdown_label(&i.label), i.text))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                BlockKind::Table => out.push(markdown_table(&block.rows)),
                _ => out.push(with_footnote_marks(letter, place, &block.text)),
            }
        }
    }
}

/// A pipe table, the first row as its head.
fn markdown_table(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let row = |r: &Vec<String>| {
        line(
            (0..width)
                .map(|i| r.get(i).map_or(String::new(), |c| c.replace('|', "\\|")))
                .collect(),
        )
    };
    let mut out: Vec<String> = Vec::new();
    let mut rows = rows.iter();
    if let Some(head) = rows.next() {
        out.push(row(head));
        out.push(line(vec!["---".to_string(); width]));
    }
    out.extend(rows.map(row));
    out.join("\n")
}

/// A block of the body or of the appendix.
#[derive(Clone, Copy)]
struct Place {
    section: usize,
    block: usize,
    appendix: bool,
}

/// `1.` stays, bullets become `-`; `a)` is escaped so Markdown keeps it as text.
fn markdown_label(label: &str) -> String {
    if label.chars().next().is_some_and(|c| c.is_ascii_digit()) && label.ends_with('.') {
        label.to_string()
    } else if label.chars().all(|c| !c.is_alphanumeric()) && label.chars().count() == 1 {
        "-".to_string()
    } else {
        format!("- {label}")
    }
}

/// The block text with `[^n]` where its footnote markers stood.
fn with_footnote_marks(letter: &Letter, place: Place, text: &str) -> String {
    let mut marks: Vec<(usize, &str)> = letter
        .footnotes
        .iter()
        .filter_map(|f| {
            f.anchor
                .filter(|a| {
                    a.section == place.section
                        && a.block == place.block
                        && a.appendix == place.appendix
                })
                .map(|a| (a.offset, f.marker.as_str()))
        })
        .collect();
    if marks.is_empty() {
        return text.to_string();
    }
    marks.sort_unstable();
    let mut out = String::new();
    let mut next = marks.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        while let Some((_, m)) = next.next_if(|(o, _)| *o == i) {
            out.push_str(&format!("[^{m}]"));
        }
        out.push(c);
    }
    for (_, m) in next {
        out.push_str(&format!("[^{m}]"));
    }
    out
}

/// The recommendations as a Markdown table: section | topic | advisory body (first
/// sentence) | stance | evidence.
fn recommendations_table(letter: &Letter) -> String {
    let body = letter
        .advisory_body
        .as_ref()
        .map_or("adviesorgaan", |b| b.name.as_str());
    let mut rows = vec![
        "## Aanbevelingen en reactie van het kabinet".to_string(),
        String::new(),
        format!("| sectie | onderwerp | {body} (eerste zin) | standpunt | onderbouwing |"),
        "|---|---|---|---|---|".to_string(),
    ];
    for r in &letter.recommendations {
        let evidence: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{}: „{}”", stance_name(e.stance), e.cue))
            .collect();
        rows.push(format!(
            "| {} | {} | {} | {} | {} |",
            cell(r.section_heading.as_deref().unwrap_or("(opening)")),
            cell(&r.topic),
            cell(r.advice.first().map_or("", |s| s.text.as_str())),
            stance_name(r.stance),
            cell(&evidence.join("; "))
        ));
    }
    rows.join("\n")
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The stance as the JSON names it.
pub fn stance_name(stance: kamerbrief_model::Stance) -> &'static str {
    use kamerbrief_model::Stance::*;
    match stance {
        Agrees => "agrees",
        Partly => "partly",
        Examines => "examines",
        Disagrees => "disagrees",
        Notes => "notes",
        _ => "none",
    }
}

/// The recommendations table alone, as CSV (RFC 4180): one row per recommendation and
/// position.
pub fn csv(letter: &Letter) -> String {
    let mut out = String::from("id,section,topic,advice,stance,evidence_stance,cue,evidence\r\n");
    for r in &letter.recommendations {
        let advice = r.advice.first().map_or("", |s| s.text.as_str());
        let section = r.section_heading.clone().unwrap_or_default();
        let evidence: Vec<(&str, &str, &str)> = if r.evidence.is_empty() {
            vec![("", "", "")]
        } else {
            r.evidence
                .iter()
                .map(|e| (stance_name(e.stance), e.cue.as_str(), e.sentence.as_str()))
                .collect()
        };
        for (stance, cue, sentence) in evidence {
            let fields = [
                r.id.as_str(),
                &section,
                &r.topic,
                advice,
                stance_name(r.stance),
                stance,
                cue,
                sentence,
            ];
            out.push_str(
                &fields
                    .iter()
                    .map(|f| csv_field(f))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push_str("\r\n");
        }
    }
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
