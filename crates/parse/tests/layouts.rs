//! One letter, many layouts: the same data from every one of them (issue 12).
//!
//! The test typesetter (`kamerbrief_testkit::typeset`) sets a source letter under random
//! layout parameters; extract + parse must give back the source: every block's text and
//! kind, headings with numbers and levels, list items, footnotes with their markers,
//! signatories, date and subject: the body equals the source's, so no furniture word is in
//! it and every body word is there exactly once; and the layout's body lines are accounted
//! for character by character.
//!
//! - `LAYOUTS=2000` runs more layouts than CI's share (`CI_LAYOUTS` below).
//! - `LAYOUT_SEED=N` starts the seeds at N (default fixed, so CI is reproducible);
//!   `LAYOUT_SEED=random` takes one from the clock. A failure prints the layout on one line
//!   and the seed: `LAYOUT_SEED=<seed> LAYOUTS=1` replays it.
//! - `LAYOUT=<one-line params> LAYOUT_LETTER=<name>` replays a layout as printed.
//!
//! CI runs the whole parameter space (nothing is left out any more; `LAYOUT_SPACE` is no
//! longer read); the failures found, fixed or open, are in `crates/testkit/FAILURES.md`, and
//! the fixed ones are replayed by name from `tests/layouts-regressions.txt`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use kamerbrief_testkit::typeset::letter::{Digest, Letter};
use kamerbrief_testkit::typeset::params::{self, Params};
use kamerbrief_testkit::typeset::{digest_of, first_difference, letters, typeset};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Layouts per CI run.
const CI_LAYOUTS: u64 = 400;
const DEFAULT_SEED: u64 = 12;

fn round(v: f32, step: f32) -> f32 {
    params::on_step(v, step)
}

/// The whole parameter space. CI runs its share of it: every region once left out for
/// a known failure (two and three columns, indents, fields above the body, Type 3 and
/// TrueType fonts, letter spacing, hyphenation, shuffled streams, …) passes now, and the
/// layouts still failing are single seeds, read in `crates/testkit/FAILURES.md`.
fn layout() -> impl Strategy<Value = Params> {
    let fonts: Vec<params::FontKind> = if kamerbrief_testkit::typeset::truetype_available() {
        params::FONTS.to_vec()
    } else {
        eprintln!("layouts: no system TrueType font (fonts-dejavu-core): TrueType layouts skipped");
        vec![params::FontKind::Standard14, params::FontKind::Type3]
    };
    let columns = prop_oneof![3 => Just(1u8), 2 => Just(2u8), 1 => Just(3u8)];
    let paragraphs = params::PARAGRAPHS.to_vec();
    let places = params::PLACES.to_vec();
    let dates = params::DATES.to_vec();
    let long = any::<bool>();
    let title = any::<bool>();
    let running = any::<bool>();
    let side = any::<bool>();
    let tc = prop_oneof![3 => Just(0.0f32), 1 => 0.0f32..2.0];
    let hyphenate = params::HYPHENATE.to_vec();
    let shuffle = prop::option::of(any::<u64>());
    let page = (
        columns,
        6.0f32..36.0,
        prop::sample::select(params::JUSTIFY.to_vec()),
        prop::sample::select(paragraphs),
        prop::sample::select(places),
        long,
        running,
        10.0f32..40.0,
        6.0f32..8.0,
    );
    let furniture = (
        prop::sample::select(dates),
        prop::sample::select(params::SUBJECTS.to_vec()),
        prop::sample::select(params::PAGE_NUMBERS.to_vec()),
        prop::sample::select(params::EDGES.to_vec()),
        title,
        side,
        any::<bool>(),
    );
    let type_ = (
        prop::sample::select(fonts),
        prop::sample::select(params::FAMILIES.to_vec()),
        8.0f32..13.0,
        1.15f32..1.5,
        tc,
        any::<bool>(),
        prop::sample::select(params::ENCODINGS.to_vec()),
        prop::sample::select(params::TO_UNICODE.to_vec()),
        prop::sample::select(hyphenate),
        shuffle,
    );
    (page, furniture, type_).prop_map(
        |(
            (columns, gutter, justify, paragraphs, place, long, running, gap, col_size),
            (date, subject, page_number, page_number_at, running_title, side_by_side, mark_centred),
            (font, family, size, leading, tc, kerning, encoding, to_unicode, hyphenate, shuffle),
        )| {
            Params {
                columns,
                gutter: round(gutter, 0.1),
                justify,
                paragraphs,
                column: params::RefColumn {
                    place,
                    long,
                    running,
                    gap: round(gap, 0.1),
                    size: round(col_size, 0.1),
                },
                date,
                subject,
                page_number,
                page_number_at,
                running_title,
                font,
                family,
                size: round(size, 0.1),
                leading: round(leading, 0.01),
                char_spacing: round(tc, 0.01),
                kerning,
                encoding,
                to_unicode,
                hyphenate,
                shuffle,
                side_by_side,
                mark_centred,
                // Drawn apart from the strategy (`space_of`, `gaps_of`, `splits_of`,
                // `hinting_of`, `early_of`, `cid_of`, `wrap_of`, `emphasis_of`, `italic_of`,
                // `scaling_of`, `salt_of`).
                space: params::Space::Points,
                gaps: params::Gaps::Glyphs,
                splits: false,
                hinting: false,
                early: false,
                cid: false,
                wrap: params::Wrap::Direct,
                emphasis: false,
                italic: false,
                scaling: false,
                salt: 0,
            }
            .normalized()
        },
    )
}

/// Why a layout's parse differs from its source; `None` when it does not.
fn check(name: &str, letter: &Letter, p: &Params) -> Result<(), Outcome> {
    let set = typeset(letter, p).map_err(Outcome::Unsettable)?;
    if std::env::var("LAYOUT_KEEP_ALL").is_ok() {
        keep(name, p, &set.pdf);
    }
    let layout = kamerbrief_extract::extract(&set.pdf, &Default::default())
        .map_err(|e| Outcome::Fails(format!("extract: {e}")))?;
    let parsed = kamerbrief_parse::parse(&layout);
    let want: Digest = letter.digest();
    let got = digest_of(&parsed.letter);
    if let Some(diff) = first_difference(&got, &want) {
        keep(name, p, &set.pdf);
        return Err(Outcome::Fails(diff));
    }
    // F7: the place of a place-and-date line is the letter's place.
    let want_place = (p.date == params::DatePlace::PlaceLine).then(|| letter.place.clone());
    if parsed.letter.metadata.place != want_place {
        keep(name, p, &set.pdf);
        return Err(Outcome::Fails(format!(
            "place: got {:?}, want {want_place:?}",
            parsed.letter.metadata.place
        )));
    }
    let accounted = std::panic::catch_unwind(|| common::assert_body_characters(&layout, &parsed));
    if let Err(e) = accounted {
        keep(name, p, &set.pdf);
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        return Err(Outcome::Fails(msg));
    }
    Ok(())
}

enum Outcome {
    /// The typesetter cannot make this layout (a word wider than a column): not a failure.
    Unsettable(String),
    Fails(String),
}

/// `LAYOUT_PDF_DIR=dir` keeps the PDF of every failing layout there (of every layout, with
/// `LAYOUT_KEEP_ALL=1`: to look at what a parameter draws).
fn keep(name: &str, p: &Params, pdf: &[u8]) {
    if let Ok(dir) = std::env::var("LAYOUT_PDF_DIR") {
        let _ = std::fs::create_dir_all(&dir);
        let hash = p
            .to_string()
            .bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        let _ = std::fs::write(format!("{dir}/{name}-{hash:016x}.pdf"), pdf);
    }
}

fn env_u64(key: &str) -> Option<u64> {
    std::env::var(key).ok().and_then(|v| v.parse().ok())
}

/// The layout (and letter) that seed `seed` generates.
fn generate(seed: u64) -> (usize, Params) {
    let strategy = layout();
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let tree = strategy.new_tree(&mut runner).unwrap();
    let params = Params {
        space: space_of(seed),
        gaps: gaps_of(seed),
        splits: splits_of(seed),
        hinting: hinting_of(seed),
        early: early_of(seed),
        cid: cid_of(seed),
        wrap: wrap_of(seed),
        emphasis: emphasis_of(seed),
        italic: italic_of(seed),
        scaling: scaling_of(seed),
        salt: salt_of(seed),
        ..tree.current()
    }
    .normalized();
    let letter = (seed % 3) as usize;
    (letter, params)
}

/// The coordinates seed `seed` draws in: half the seeds in points, as every seed did before
/// the space was a parameter (so each of those draws the layout it drew then), a quarter
/// each in a unit font and in pixels. Taken from the seed apart from the strategy's draws,
/// which it leaves as they were.
fn space_of(seed: u64) -> params::Space {
    match mixed(seed) % 4 {
        0 => params::Space::UnitFont,
        1 => params::Space::Pixels,
        _ => params::Space::Points,
    }
}

/// How seed `seed` draws its word spaces: half the seeds with space glyphs, as every seed
/// did before this was a parameter, a quarter each as `TJ` numbers and as both by turns.
/// Taken from other bits of the same mix as [`space_of`], apart from the strategy's draws.
fn gaps_of(seed: u64) -> params::Gaps {
    match (mixed(seed) >> 32) % 4 {
        0 => params::Gaps::Numbers,
        1 => params::Gaps::Mixed,
        _ => params::Gaps::Glyphs,
    }
}

/// Whether seed `seed` draws some words in two pieces: a quarter of the seeds, from other
/// bits of the same mix as [`space_of`] and [`gaps_of`] (the others draw what they drew).
fn splits_of(seed: u64) -> bool {
    (mixed(seed) >> 48) % 4 == 0
}

/// Whether seed `seed` lays its glyphs out hinted (a word processor's advances, a `TJ`
/// number after every glyph): a quarter of the seeds, from other bits of the same mix again.
fn hinting_of(seed: u64) -> bool {
    (mixed(seed) >> 52) % 4 == 0
}

/// Whether seed `seed` breaks its ragged lines early (a total-fit breaker's): a quarter of
/// the seeds, from other bits of the same mix again (only ragged layouts change).
fn early_of(seed: u64) -> bool {
    (mixed(seed) >> 56) % 4 == 0
}

/// Whether seed `seed` draws a TrueType face as a composite font (two-byte glyph ids): half
/// the seeds, from other bits of the same mix again (only TrueType layouts change).
fn cid_of(seed: u64) -> bool {
    (mixed(seed) >> 8) % 2 == 0
}

/// How seed `seed`'s pages reach their content: an eighth each through three streams, a
/// form XObject, a form scaled down, and a page turned by `/Rotate`; the rest directly. From
/// other bits of the same mix again.
fn wrap_of(seed: u64) -> params::Wrap {
    match (mixed(seed) >> 12) % 8 {
        0 => params::Wrap::Streams,
        1 => params::Wrap::Form,
        2 => params::Wrap::Scaled,
        3 => params::Wrap::Rotated,
        _ => params::Wrap::Direct,
    }
}

/// Whether seed `seed` sets some words of its paragraphs in bold: a quarter of the seeds, from
/// other bits of the same mix again.
fn emphasis_of(seed: u64) -> bool {
    (mixed(seed) >> 16) % 4 == 0
}

/// Whether seed `seed` sets some phrases of its paragraphs in italic: a quarter of the seeds,
/// from other bits of the same mix again.
fn italic_of(seed: u64) -> bool {
    (mixed(seed) >> 20) % 4 == 0
}

/// Whether seed `seed` widens its justified lines' glyphs (`Tz`) before their spaces: a
/// quarter of the seeds, from other bits of the same mix again (only justified layouts
/// change).
fn scaling_of(seed: u64) -> bool {
    (mixed(seed) >> 24) % 4 == 0
}

/// The salt of seed `seed`'s picks of stressed and italic words: seeds from 7300000 on
/// stress words of their own (those before keep the picks they were run with).
fn salt_of(seed: u64) -> u32 {
    match seed >= SALTED_FROM {
        true => (mixed(seed) >> 36) as u32 & 0xFFFF | 1,
        false => 0,
    }
}

/// The first seed whose layouts salt their picks ([`salt_of`]).
const SALTED_FROM: u64 = 7_300_000;

/// splitmix64's finaliser of `seed`: neighbouring seeds far apart.
fn mixed(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[test]
fn every_layout_gives_the_source_letter() {
    let letters = letters::all();
    if let (Ok(line), Ok(name)) = (std::env::var("LAYOUT"), std::env::var("LAYOUT_LETTER")) {
        let p: Params = line.parse().unwrap();
        let (_, letter) = letters.iter().find(|(n, _)| *n == name).unwrap();
        match check(name.as_str(), letter, &p) {
            Ok(()) => return,
            Err(Outcome::Unsettable(why)) => panic!("cannot set this layout: {why}"),
            Err(Outcome::Fails(diff)) => panic!("{name} | {p}\n{diff}"),
        }
    }
    let count = env_u64("LAYOUTS").unwrap_or(CI_LAYOUTS);
    let base = match std::env::var("LAYOUT_SEED").as_deref() {
        Ok("random") => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(DEFAULT_SEED, |d| d.as_secs()),
        Ok(v) => v.parse().unwrap_or(DEFAULT_SEED),
        Err(_) => DEFAULT_SEED,
    };
    let start = std::time::Instant::now();
    let (mut passed, mut unsettable, mut failures) = (0, 0, Vec::new());
    for seed in base..base + count {
        let (index, p) = generate(seed);
        let (name, letter) = &letters[index];
        match check(name, letter, &p) {
            Ok(()) => {
                // `LAYOUT_VERBOSE=1` lists the passing layouts too (pass rates by parameter).
                if std::env::var("LAYOUT_VERBOSE").is_ok() {
                    eprintln!("ok seed={seed} letter={name} | {p}");
                }
                passed += 1;
            }
            Err(Outcome::Unsettable(why)) => {
                if std::env::var("LAYOUT_VERBOSE").is_ok() {
                    eprintln!("unsettable seed={seed} letter={name}: {why}");
                }
                unsettable += 1;
            }
            Err(Outcome::Fails(diff)) => {
                eprintln!(
                    "FAIL seed={seed} letter={name} | {p}\n  {}",
                    diff.replace('\n', "\n  ")
                );
                failures.push(seed);
            }
        }
    }
    eprintln!(
        "layouts: {passed} passed, {} failed, {unsettable} not settable, seeds {base}..{}, {:.1} s",
        failures.len(),
        base + count,
        start.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {count} layouts differ from their source; replay one with LAYOUT_SEED=<seed> LAYOUTS=1: {failures:?}",
        failures.len()
    );
    assert!(
        passed * 10 >= count * 8,
        "too many layouts could not be set: {unsettable} of {count}"
    );
}

/// Failures found on the way, replayed by name from their one-line parameters.
/// The letter and layout of the regression `name` in `layouts-regressions.txt`.
fn regression_layout(name: &str) -> (&'static str, Letter, Params) {
    let text = include_str!("layouts-regressions.txt");
    let line = text
        .lines()
        .find(|l| l.split(" | ").next() == Some(name))
        .unwrap_or_else(|| panic!("no regression named {name}"));
    let mut fields = line.split(" | ");
    let (_, letter_name, params) = (
        fields.next(),
        fields.next().unwrap(),
        fields.next().unwrap(),
    );
    let p: Params = params.parse().unwrap();
    let (letter_name, letter) = letters::all()
        .into_iter()
        .find(|(n, _)| *n == letter_name)
        .unwrap();
    (letter_name, letter, p)
}

fn regression(name: &str) {
    let (letter_name, letter, p) = regression_layout(name);
    let letter = &letter;
    match check(letter_name, letter, &p) {
        Ok(()) => {}
        Err(Outcome::Unsettable(why)) => panic!("{name}: cannot set: {why}"),
        Err(Outcome::Fails(diff)) => panic!("{name}: {letter_name} | {p}\n{diff}"),
    }
}

/// Where the first column runs on below a second column of two rows, over the page's
/// notes, the notes are read after the second column, not between the columns (the
/// extraction's order; the parsed letter is the same either way).
#[test]
fn notes_under_a_column_running_on_are_read_after_the_column_beside_it() {
    let (_, letter, p) = regression_layout(
        "a_second_column_of_two_rows_level_with_the_salutation_under_front_matter",
    );
    let set = typeset(&letter, &p).unwrap();
    let layout = kamerbrief_extract::extract(&set.pdf, &Default::default()).unwrap();
    let lines: Vec<String> = layout.pages[0].lines.iter().map(|l| l.text()).collect();
    let Some(kamerbrief_testkit::typeset::letter::Block::Paragraph(last)) =
        letter.appendix.last().and_then(|s| s.blocks.last())
    else {
        panic!("the letter ends in a paragraph");
    };
    let last_word = last.split_whitespace().last().unwrap();
    let note_start: String = letter.footnotes[0]
        .text
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let body_end = lines.iter().position(|l| l.ends_with(last_word)).unwrap();
    let marker = &letter.footnotes[0].marker;
    let note = lines
        .iter()
        .position(|l| l.starts_with(marker.as_str()) && l.contains(&note_start))
        .unwrap();
    assert!(body_end < note, "{lines:#?}");
}

#[test]
fn default_layouts_of_every_letter() {
    for (name, letter) in letters::all() {
        if let Err(Outcome::Fails(diff)) | Err(Outcome::Unsettable(diff)) =
            check(name, &letter, &Params::default())
        {
            panic!("{name} | {}\n{diff}", Params::default());
        }
    }
}

#[test]
fn navo_inline_enumeration_at_line_start() {
    regression("navo_inline_enumeration_at_line_start");
}

#[test]
fn zorg_column_note_wraps_before_datum() {
    regression("zorg_column_note_wraps_before_datum");
}

/// F18: the reference column in 8 pt beside a 9 pt body was counted as body text, so the
/// page had no margin column and the date was not found.
#[test]
fn column_type_a_point_smaller_than_the_body() {
    regression("column_type_a_point_smaller_than_the_body");
}

/// F1a, S1: the word mark centred above the right column; a gutter narrower than the
/// widest word gaps of the page, told by running straight between two columns of prose.
#[test]
fn two_columns_10pt_apart_with_the_word_mark_centred() {
    regression("two_columns_10pt_apart_with_the_word_mark_centred");
}

#[test]
fn two_columns_6pt_apart() {
    regression("two_columns_6pt_apart");
}

/// F1b: notes at the foot of each column, not below all text of the page.
#[test]
fn two_columns_with_notes_at_each_columns_foot() {
    regression("two_columns_with_notes_at_each_columns_foot");
}

/// F5: the paragraph after a list, indented and with some space above, is no item line.
#[test]
fn indented_paragraph_after_a_list_with_space() {
    regression("indented_paragraph_after_a_list_with_space");
}

/// F9: a running title on one page only (a two-page letter) is furniture, not body.
#[test]
fn running_title_on_the_second_page_only() {
    regression("running_title_on_the_second_page_only");
}

/// F22 (seed 5508): a justified line the typesetter had to leave short (its spaces would
/// have grown wider than the gap to the column allows) ended a page after a sentence, and
/// the next page began with a capital: a paragraph break to any reader. The typesetter now
/// keeps such a line with the next, as it keeps a full last line with the next paragraph.
#[test]
fn underfull_justified_line_kept_off_a_page_foot() {
    regression("underfull_justified_line_kept_off_a_page_foot");
}

/// F23 (seeds 9519, 9633): the running column's three small lines stand 10 pt from the
/// body, too few body lines high for a gutter measured in body ems; the date was read into
/// the paragraph beside it. A narrow gutter's height is now measured in the smaller type.
#[test]
fn small_running_column_close_beside_a_few_body_lines() {
    regression("small_running_column_close_beside_a_few_body_lines");
}

/// F24 (seeds 9596, 9761): a last page holding one body line beside the running column has
/// too little body text for a zone of its own; the column's lines were body and the line
/// joined the reference value. Small lines there that start where other pages' margin lines
/// start are margin.
#[test]
fn running_column_beside_a_last_page_of_one_line() {
    regression("running_column_beside_a_last_page_of_one_line");
}

/// `Datum`, `Onderwerp` and `Ons kenmerk` side by side above their values: the subject's
/// value and the reference, two ems apart on one row, were read as one value (the XY-cut
/// joins a narrow right side whose rows continue on the left, as a label's). Each part of a
/// line under a row of labels now goes to the label above it (`parse/src/read/front.rs`).
#[test]
fn fields_side_by_side_under_a_row_of_labels() {
    regression("fields_side_by_side_under_a_row_of_labels");
}

/// Seed 20002 (full space): `Betreft` with a subject wrapping under its value, above `Ons
/// kenmerk` and `Bijlage(n)`; the rows below the first, equally spaced, were cut off as two
/// columns (labels, values) and the wrapped line read after them. A horizontal cut is no
/// longer taken alone for a gutter that runs on through the node as the gap after labels.
#[test]
fn subject_wrapping_beside_a_column_of_labels() {
    regression("subject_wrapping_beside_a_column_of_labels");
}

/// Three columns 20 pt apart, in phase at the top of page 1: their rows share baselines,
/// so each column looked like labels beside the next (`is_label_gap`) and the top rows
/// were read across. A straight channel between prose on both sides is a gutter, labels or
/// not. Then `DE` / `STAATSSECRETARIS` on lines of their own in the narrow column.
#[test]
fn three_columns_20pt_apart() {
    regression("three_columns_20pt_apart");
}

/// Seed 20262 (full space): the running column's `Datum` (7 pt) stood level with a body
/// line (9.2 pt) 24 pt to its left and was read into it (`… van het bond- Datum`): a narrow
/// right side whose rows continue on the left passed for labels and their values. A narrow
/// side right of the text in clearly smaller type is a margin column.
#[test]
fn running_column_label_level_with_a_hyphenated_body_line() {
    regression("running_column_label_level_with_a_hyphenated_body_line");
}

/// Seed 30327 (full space, F14): two signatories side by side in 8 pt, their roles 2.9 em
/// apart, under the 3 em that cuts a single row; the roles were one line and the second
/// name went to the appendix. A line whose wide-gapped parts are each a role is a line for
/// each (`parse/src/lines.rs`).
#[test]
fn roles_of_signatories_side_by_side_on_one_line() {
    regression("roles_of_signatories_side_by_side_on_one_line");
}

/// Seed 30196 (full space, F5/F19 family): paragraphs set apart by both a little space
/// (0.4 line) and a first-line indent; after a numbered list whose items hang, the next
/// paragraph's first line starts 0.4 em short of the items' text and was read as item 3's
/// next sentence. In a hanging list a finished sentence, some space and a line that does
/// not start at the items' text edge end the list (`parse/src/read/blocks.rs`).
#[test]
fn paragraph_after_a_hanging_list_with_a_little_space_and_an_indent() {
    regression("paragraph_after_a_hanging_list_with_a_little_space_and_an_indent");
}

/// Seed 30225 (full space): `… te maken:` / `1. meer aandacht voor` in a narrow justified
/// column, where `; 2.` only comes two lines later: read as a list after a lead-in. The
/// sequence's next number inside a line, before any line opens with it, is an inline
/// enumeration (`parse/src/read/blocks.rs`, `runs_on_inline`).
#[test]
fn inline_enumeration_wrapped_in_a_narrow_justified_column() {
    regression("inline_enumeration_wrapped_in_a_narrow_justified_column");
}

/// Seed 40303 (full space): the paragraph after a bullet list indents its first line 1.8 pt
/// short of the items' hanging text (0.15 em): read as the last item's next sentence. Its
/// next line goes back to the bullets' edge, unlabelled: it was a first-line indent.
#[test]
fn paragraph_indent_near_a_bullet_lists_hanging_indent() {
    regression("paragraph_indent_near_a_bullet_lists_hanging_indent");
}

/// Seed 40030 (full space, F16): a bullet list ends at the foot of the left column and the
/// next paragraph opens the right one at its edge; the items' label edge is the left
/// column's, so the paragraph was read as the last item's next sentence. After a break in a
/// hanging list, a finished sentence and a line at the new column's labels' edge end the list.
#[test]
fn list_ending_at_a_columns_foot() {
    regression("list_ending_at_a_columns_foot");
}

/// Seed 70279 (full space, F20): letter-spaced words drawn each in its own `TJ`, in shuffled
/// order: the glyph drawn after a word's last letter is another word's, far away, which
/// made the letter spacing look cancelled and split `ik` into `i k`. A jump tells nothing.
#[test]
fn letter_spaced_words_drawn_out_of_order() {
    regression("letter_spaced_words_drawn_out_of_order");
}

/// Seed 70416 (full space, F20): letter spacing with kerning in `TJ`: the kerned pair `AV`
/// sits between its advance and its box's end, and was taken for cancelled spacing, which
/// split `SGNAVO` into `SGN AV O`. Only a pair at one of the two places tells.
#[test]
fn letter_spaced_word_with_a_kerned_pair() {
    regression("letter_spaced_word_with_a_kerned_pair");
}

/// Seed 70268 (full space, F6): `Datum` and `Onderwerp` stacked in the body column with
/// their values beside them, the labels read as a column before the values: the date was
/// lost and the subject began with it. Values right of a column of bare labels go to the
/// label level with them.
#[test]
fn labels_stacked_beside_their_values_read_as_a_column() {
    regression("labels_stacked_beside_their_values_read_as_a_column");
}

/// Seed 70046 (full space, F6): the row of fields above three columns stands on their grid;
/// the XY-cut reads `Ons kenmerk` and its value with the second column, after the
/// salutation. Body lines standing above the salutation on its page are front matter,
/// wherever they are read (`front.rs`, `front_matter_first`).
#[test]
fn fields_row_above_three_columns_on_their_grid() {
    regression("fields_row_above_three_columns_on_their_grid");
}

/// Seed 70101 (full space, F14): two signatories side by side in 10.6 pt, the first role
/// long enough to end 1.35 em before the second (`… Buitenlandse Zaken,   De Minister van
/// Defensie`), under the 1.5 em that parts fields; the second name went to the appendix. A
/// gap three times the line's word gaps and at least 0.9 em wide, with a role on each side,
/// parts the roles too (`parse/src/lines.rs`, `role_gap_em`).
#[test]
fn roles_of_signatories_side_by_side_an_em_apart() {
    regression("roles_of_signatories_side_by_side_an_em_apart");
}

/// Seed 70175 (full space): three columns; `Met vriendelijke` / `groet,` wrapped in the
/// narrow column was no closing formula, so the closing and the signatures were read as
/// body paragraphs. A formula may fill up to three lines (`parse/src/read/closing.rs`,
/// `last_formula`).
#[test]
fn closing_formula_wrapped_in_a_narrow_column() {
    regression("closing_formula_wrapped_in_a_narrow_column");
}

/// Seed 70119 (full space): two columns; the bold heading `Aanbevelingen: nieuwe` / `en
/// hernieuwde` / `dreigingen` fills three lines of the column and was read as a paragraph
/// (a heading had at most two). An emphasised heading of at most 15 words may fill up to
/// four lines where its column wraps it (`parse/src/read/blocks.rs`, `wrapped`).
#[test]
fn bold_heading_wrapped_over_three_lines() {
    regression("bold_heading_wrapped_over_three_lines");
}

/// F19b: justified text that leaves lines short where the spaces would grow too wide
/// (inside sentences too): a sentence ending on such a line, the next line not indented,
/// goes on with the paragraph; only a line whose next word would have fitted ended on
/// purpose.
#[test]
fn sentence_end_on_an_underfull_line_of_loosely_justified_text() {
    regression("sentence_end_on_an_underfull_line_of_loosely_justified_text");
}

/// Column edges measured on the body only: the front matter's lines running across three
/// narrow columns made the first column's edge too wide, so its full lines ending a
/// sentence seemed to stop short and ended their paragraphs.
#[test]
fn front_matter_running_across_three_columns() {
    regression("front_matter_running_across_three_columns");
}

/// F16: in a letter that indents its paragraphs, a paragraph's full last line at a column's
/// foot and the next paragraph's indented first line at the next column's top: two
/// paragraphs, told by the indent.
#[test]
fn indented_paragraph_at_a_column_top_after_a_full_line() {
    regression("indented_paragraph_at_a_column_top_after_a_full_line");
}

/// F16d: the first column's extent (front matter above it included) reached under the
/// second column's separator rule, the lower of the two, so the first column's first note
/// stood above "its" rule and stayed body, between an item and its continuation.
#[test]
fn column_notes_under_the_other_columns_separator() {
    regression("column_notes_under_the_other_columns_separator");
}

/// F25: the left column runs on below the right one (the second signatory and the appendix
/// at the right column's top); the first signature's space, empty across the page, cut the
/// left column in two and the right column was read between `Sport,` and `E.J. Kuipers`.
#[test]
fn second_signature_space_inside_the_column_that_runs_on() {
    regression("second_signature_space_inside_the_column_that_runs_on");
}

/// F25: a paragraph's space in the left column, below the end of the right column (the
/// signatures and the appendix): the right column was read before `Reactie van het kabinet`.
#[test]
fn paragraph_space_below_the_other_columns_end() {
    regression("paragraph_space_below_the_other_columns_end");
}

/// F25: both columns run on across one empty band, each below a space of its own (before
/// `Reactie van het kabinet` on the left, before `C. Helder` on the right): the band cut
/// both columns in two and the heading was read after the right column's top.
#[test]
fn heading_space_and_signature_space_overlapping_in_two_columns() {
    regression("heading_space_and_signature_space_overlapping_in_two_columns");
}

/// F25 (seed 30263): as above, but the words ending a few justified lines stand apart
/// beyond a river of wide word gaps, and the row that closed that river stopped the look
/// up the column before it reached the other column: a column is a span 6 em wide.
#[test]
fn signature_spaces_inside_a_loosely_justified_column() {
    regression("signature_spaces_inside_a_loosely_justified_column");
}

/// F19b: paragraphs open with an indent and 0.4 line of space (under the 1.45 pitches of
/// `spaced_paragraphs`); a justified line left short where its spaces would have grown too
/// wide, ending a sentence, ended the paragraph before an unindented line with no space.
#[test]
fn underfull_justified_line_where_paragraphs_open_with_indent_and_space() {
    regression("underfull_justified_line_where_paragraphs_open_with_indent_and_space");
}

/// F19: paragraphs open with an indent and no space; a justified line left short where its
/// spaces would have grown too wide, ending a sentence, ended the paragraph before an
/// unindented line (serif, letter-spaced; and sans).
#[test]
fn underfull_justified_line_where_paragraphs_open_with_an_indent_only() {
    regression("underfull_justified_line_where_paragraphs_open_with_an_indent_only");
}

#[test]
fn underfull_justified_sans_line_where_paragraphs_open_with_an_indent_only() {
    regression("underfull_justified_sans_line_where_paragraphs_open_with_an_indent_only");
}

/// The same across a page break: the paragraph opened in the right column of one page and
/// runs on in the left column of the next, where its short line is.
#[test]
fn underfull_positioned_line_where_paragraphs_open_with_an_indent_only_across_a_page() {
    regression("underfull_positioned_line_where_paragraphs_open_with_an_indent_only_across_a_page");
}

/// Sixth round: a note's marker at the foot of the third column, on the baseline of a line
/// of the middle column, stayed in that line's row; the note ran into the one before.
#[test]
fn note_marker_cut_off_the_middle_columns_line_on_its_baseline() {
    regression("note_marker_cut_off_the_middle_columns_line_on_its_baseline");
}

/// Sixth round: the same across a 12.9 pt gutter; the marker alone was read as a page number.
#[test]
fn note_marker_beside_a_narrow_gutter_read_as_a_page_number() {
    regression("note_marker_beside_a_narrow_gutter_read_as_a_page_number");
}

/// Sixth round: a body marker closing the first column's line, on the baseline of the
/// second column's, came back at the line below (`Uit 1 de`).
#[test]
fn body_marker_at_a_column_line_end_on_the_other_columns_baseline() {
    regression("body_marker_at_a_column_line_end_on_the_other_columns_baseline");
}

/// Sixth round: an indented first line at the next column's top ends the paragraph before
/// it in a short letter whose paragraphs all follow headings and lists (no opening in a
/// column's flow to count the letter's paragraph marks from).
#[test]
fn indent_at_a_column_top_where_no_paragraph_opens_in_a_columns_flow() {
    regression("indent_at_a_column_top_where_no_paragraph_opens_in_a_columns_flow");
}

/// Sixth round: the same at a page's top after a full line.
#[test]
fn indent_at_a_page_top_after_a_full_line_where_no_paragraph_opens_in_flow() {
    regression("indent_at_a_page_top_after_a_full_line_where_no_paragraph_opens_in_flow");
}

/// Sixth round: the second signature at the top of the last page's second column, 10.7 pt
/// from the first; the first column's list labels, a tab from their items further down,
/// made the page's widest word gaps, so the narrow gutter was no gutter and the signature
/// was read before the heading under the first column's space.
#[test]
fn signature_at_the_second_columns_top_beside_list_labels_a_tab_from_their_items() {
    regression("signature_at_the_second_columns_top_beside_list_labels_a_tab_from_their_items");
}

/// Sixth round: `aan-` / `bevelingen` kept its hyphen in a one-column letter that writes
/// `aanbevelingen:` only at a line's end, where the lexicon did not look.
#[test]
fn hyphen_break_witnessed_by_a_word_closing_a_line() {
    regression("hyphen_break_witnessed_by_a_word_closing_a_line");
}

/// Sixth round: a list item running on into the next page's column, left of the old
/// column's labels, was taken to be back at the labels (a new group, joined again as a
/// continuation), so the list's labels' edge stayed the old column's and the indented
/// paragraph after the item was read into it.
#[test]
fn list_item_running_into_the_next_column_then_an_indented_paragraph() {
    regression("list_item_running_into_the_next_column_then_an_indented_paragraph");
}

/// Sixth round: `Aanbevelingen:` / `Partnerschappen`, a bold heading wrapped after its
/// colon in justified text; the short first line counted as ended on purpose (justified
/// lines run to the edge), so the heading was split into a paragraph and a heading.
#[test]
fn bold_heading_wrapped_after_its_colon_in_justified_text() {
    regression("bold_heading_wrapped_after_its_colon_in_justified_text");
}

/// A word broken at a page's end (`ex-` / `pertise`): the page number and the running
/// column between its two lines made `pertise` look like a line's whole first word, a
/// witness that the letter writes it on its own, so the hyphen stayed.
#[test]
fn word_broken_across_a_page_number_is_no_witness_of_its_second_half() {
    regression("word_broken_across_a_page_number_is_no_witness_of_its_second_half");
}

// Seventh round (word building, front matter).

/// `drs. P.J. van Dijk` set with letter spacing: `P.` kerned by about the tracking put the
/// `.` at `P`'s box end, which read as a producer cancelling the spacing with `TJ`
/// numbers, so the spacing after `.` was a gap and the name split (`P. J.`).
#[test]
fn initials_kerned_by_about_the_letter_spacing() {
    regression("initials_kerned_by_about_the_letter_spacing");
}

/// A running reference column in type 0.87 of the body's (7.7 and 8.9 pt), its rows level
/// with body lines: not "clearly smaller" (0.85), so its gap read as values beside their
/// text and the column was read into the body's lines.
#[test]
fn reference_column_in_type_somewhat_smaller_than_the_body_level_with_its_lines() {
    regression("reference_column_in_type_somewhat_smaller_than_the_body_level_with_its_lines");
}

/// F7: `Den Haag, 7 april 2021` above the addressee: the date was read, the place only kept
/// in the unlabelled field's value; the letter's metadata now names it (`place`).
#[test]
fn place_and_date_line_keeps_the_place() {
    regression("place_and_date_line_keeps_the_place");
}

/// F11 in part: `duur-` closing a page's body, the page's notes, then `dere` on the next
/// page: the notes' first line was taken as the break's second half (`duur-` / `Raad`, no
/// plain break), so the letter showed one plain break, not the two that tell a document
/// that hyphenates, and `poort-wachter`, `duur-dere` kept their hyphens.
#[test]
fn word_broken_before_the_notes_at_a_pages_foot() {
    regression("word_broken_before_the_notes_at_a_pages_foot");
}

#[test]
fn word_broken_inside_a_syllable_in_a_short_letter() {
    regression("word_broken_inside_a_syllable_in_a_short_letter");
}

#[test]
fn capitalised_word_broken_in_a_short_letter() {
    regression("capitalised_word_broken_in_a_short_letter");
}

#[test]
fn british_spelling_broken_where_the_document_hyphenates() {
    regression("british_spelling_broken_where_the_document_hyphenates");
}

#[test]
fn one_word_line_short_in_justified_text_runs_on() {
    regression("one_word_line_short_in_justified_text_runs_on");
}

#[test]
fn flush_paragraph_after_a_heading_where_paragraphs_are_indented() {
    regression("flush_paragraph_after_a_heading_where_paragraphs_are_indented");
}

#[test]
fn four_word_justified_line_above_a_one_word_line() {
    regression("four_word_justified_line_above_a_one_word_line");
}

#[test]
fn justified_line_of_long_words_stretched_over_three_ems() {
    regression("justified_line_of_long_words_stretched_over_three_ems");
}

#[test]
fn note_marker_at_a_columns_foot_level_with_the_column_beside() {
    regression("note_marker_at_a_columns_foot_level_with_the_column_beside");
}

#[test]
fn reference_column_near_body_size_on_page_one_running_on_later_pages() {
    regression("reference_column_near_body_size_on_page_one_running_on_later_pages");
}

#[test]
fn compound_broken_at_its_junction_in_a_short_letter() {
    regression("compound_broken_at_its_junction_in_a_short_letter");
}

#[test]
fn three_word_justified_line_with_short_words_above_its_last_line() {
    regression("three_word_justified_line_with_short_words_above_its_last_line");
}

#[test]
fn three_word_justified_line_above_a_broken_last_word() {
    regression("three_word_justified_line_above_a_broken_last_word");
}

#[test]
fn three_word_justified_line_in_two_columns_above_its_last_line() {
    regression("three_word_justified_line_in_two_columns_above_its_last_line");
}

#[test]
fn three_word_letter_spaced_line_above_its_last_line() {
    regression("three_word_letter_spaced_line_above_its_last_line");
}

#[test]
fn letter_spaced_capitals_with_a_pair_kerned_by_the_tracking() {
    regression("letter_spaced_capitals_with_a_pair_kerned_by_the_tracking");
}

#[test]
fn letter_spaced_capitals_kerned_drawn_out_of_order() {
    regression("letter_spaced_capitals_kerned_drawn_out_of_order");
}

#[test]
fn letter_spaced_capitals_kerned_in_a_type3_font() {
    regression("letter_spaced_capitals_kerned_in_a_type3_font");
}

#[test]
fn heading_at_a_columns_foot_level_with_a_signatures_space_in_three_columns() {
    regression("heading_at_a_columns_foot_level_with_a_signatures_space_in_three_columns");
}

#[test]
fn heading_at_a_columns_foot_level_with_a_signatures_space_three_wide_gutters() {
    regression("heading_at_a_columns_foot_level_with_a_signatures_space_three_wide_gutters");
}

#[test]
fn heading_at_a_columns_foot_below_the_column_beside_over_a_centred_page_number() {
    regression("heading_at_a_columns_foot_below_the_column_beside_over_a_centred_page_number");
}

#[test]
fn last_line_alone_at_the_second_columns_top_in_a_one_page_letter() {
    regression("last_line_alone_at_the_second_columns_top_in_a_one_page_letter");
}

#[test]
fn last_line_alone_at_a_columns_top_of_three_in_a_one_page_letter() {
    regression("last_line_alone_at_a_columns_top_of_three_in_a_one_page_letter");
}

#[test]
fn last_line_alone_at_a_columns_top_beside_a_short_reference_column() {
    regression("last_line_alone_at_a_columns_top_beside_a_short_reference_column");
}

#[test]
fn paragraph_run_on_to_a_narrow_gutters_next_column_in_a_one_page_letter() {
    regression("paragraph_run_on_to_a_narrow_gutters_next_column_in_a_one_page_letter");
}

#[test]
fn reference_column_in_near_body_type_after_a_one_column_body() {
    regression("reference_column_in_near_body_type_after_a_one_column_body");
}

#[test]
fn reference_column_in_near_body_type_after_two_columns_its_notice_kept_out() {
    regression("reference_column_in_near_body_type_after_two_columns_its_notice_kept_out");
}

#[test]
fn reference_column_in_near_body_type_its_notice_not_an_appendix() {
    regression("reference_column_in_near_body_type_its_notice_not_an_appendix");
}

#[test]
fn reference_column_in_near_body_type_keeps_its_reference_value() {
    regression("reference_column_in_near_body_type_keeps_its_reference_value");
}

#[test]
fn running_reference_column_in_near_body_type_on_the_last_page() {
    regression("running_reference_column_in_near_body_type_on_the_last_page");
}

#[test]
fn short_reference_column_in_near_body_type_beside_a_one_page_body() {
    regression("short_reference_column_in_near_body_type_beside_a_one_page_body");
}

#[test]
fn short_reference_column_in_near_body_type_beside_the_body_its_fields_read() {
    regression("short_reference_column_in_near_body_type_beside_the_body_its_fields_read");
}

#[test]
fn short_reference_column_in_near_body_type_gives_the_subject() {
    regression("short_reference_column_in_near_body_type_gives_the_subject");
}

#[test]
fn signature_block_at_a_columns_foot_read_after_the_column_beside() {
    regression("signature_block_at_a_columns_foot_read_after_the_column_beside");
}

#[test]
fn name_under_a_role_at_the_first_columns_foot_read_after_the_appendix() {
    regression("name_under_a_role_at_the_first_columns_foot_read_after_the_appendix");
}

#[test]
fn name_under_a_role_at_a_columns_foot_in_sans_two_columns() {
    regression("name_under_a_role_at_a_columns_foot_in_sans_two_columns");
}

#[test]
fn name_under_a_role_at_a_columns_foot_shuffled_stream() {
    regression("name_under_a_role_at_a_columns_foot_shuffled_stream");
}

#[test]
fn notes_second_marker_a_narrow_gutter_from_the_column_beside() {
    regression("notes_second_marker_a_narrow_gutter_from_the_column_beside");
}

#[test]
fn notes_second_marker_at_the_third_columns_foot_in_large_type() {
    regression("notes_second_marker_at_the_third_columns_foot_in_large_type");
}

#[test]
fn notes_marker_beside_a_two_column_line_shuffled() {
    regression("notes_marker_beside_a_two_column_line_shuffled");
}

#[test]
fn paragraph_after_a_hanging_list_ending_a_column_in_three_columns() {
    regression("paragraph_after_a_hanging_list_ending_a_column_in_three_columns");
}

#[test]
fn paragraph_after_a_hanging_list_ending_a_column_letter_spaced() {
    regression("paragraph_after_a_hanging_list_ending_a_column_letter_spaced");
}

#[test]
fn paragraph_after_a_hanging_list_ending_a_column_beside_a_short_reference_column() {
    regression("paragraph_after_a_hanging_list_ending_a_column_beside_a_short_reference_column");
}

#[test]
fn last_line_alone_at_the_next_columns_top_level_with_the_salutation() {
    regression("last_line_alone_at_the_next_columns_top_level_with_the_salutation");
}

#[test]
fn last_line_alone_at_the_next_columns_top_after_a_list() {
    regression("last_line_alone_at_the_next_columns_top_after_a_list");
}

#[test]
fn last_line_alone_at_the_next_columns_top_before_a_heading() {
    regression("last_line_alone_at_the_next_columns_top_before_a_heading");
}

#[test]
fn appendix_under_a_signature_at_a_columns_foot_read_before_the_next_columns_top() {
    regression("appendix_under_a_signature_at_a_columns_foot_read_before_the_next_columns_top");
}

#[test]
fn wrapped_role_under_a_signature_at_a_columns_foot_read_after_the_column_beside() {
    regression("wrapped_role_under_a_signature_at_a_columns_foot_read_after_the_column_beside");
}

#[test]
fn roles_side_by_side_in_letter_spaced_type_two_word_gaps_apart() {
    regression("roles_side_by_side_in_letter_spaced_type_two_word_gaps_apart");
}

#[test]
fn fields_above_three_columns_the_reference_beside_the_subject_in_the_margin() {
    regression("fields_above_three_columns_the_reference_beside_the_subject_in_the_margin");
}

#[test]
fn fields_above_three_columns_letter_spaced_the_reference_beside_the_subject() {
    regression("fields_above_three_columns_letter_spaced_the_reference_beside_the_subject");
}

#[test]
fn fields_above_three_columns_the_subjects_first_line_reaching_the_reference() {
    regression("fields_above_three_columns_the_subjects_first_line_reaching_the_reference");
}

#[test]
fn marker_raised_to_the_running_columns_first_label() {
    regression("marker_raised_to_the_running_columns_first_label");
}

#[test]
fn marker_raised_to_a_reference_columns_value_beside_two_columns() {
    regression("marker_raised_to_a_reference_columns_value_beside_two_columns");
}

#[test]
fn marker_raised_to_the_running_columns_label_in_one_column() {
    regression("marker_raised_to_the_running_columns_label_in_one_column");
}

#[test]
fn short_reference_column_in_somewhat_smaller_type_beside_the_second_column() {
    regression("short_reference_column_in_somewhat_smaller_type_beside_the_second_column");
}

#[test]
fn short_reference_column_in_somewhat_smaller_type_beside_the_third_column() {
    regression("short_reference_column_in_somewhat_smaller_type_beside_the_third_column");
}

#[test]
fn indented_paragraph_at_a_page_top_in_a_letter_with_no_other_indent() {
    regression("indented_paragraph_at_a_page_top_in_a_letter_with_no_other_indent");
}

#[test]
fn indented_paragraph_at_a_page_top_three_columns_no_other_indent() {
    regression("indented_paragraph_at_a_page_top_three_columns_no_other_indent");
}

#[test]
fn indented_paragraph_at_a_column_top_two_columns_no_other_indent() {
    regression("indented_paragraph_at_a_column_top_two_columns_no_other_indent");
}

#[test]
fn second_signature_level_with_the_first_columns_rows_wide_gutter() {
    regression("second_signature_level_with_the_first_columns_rows_wide_gutter");
}

#[test]
fn second_signature_level_with_the_first_columns_rows_running_column() {
    regression("second_signature_level_with_the_first_columns_rows_running_column");
}

#[test]
fn running_column_level_with_a_justified_single_column() {
    regression("running_column_level_with_a_justified_single_column");
}

#[test]
fn indented_paragraph_after_a_hanging_list_with_little_space() {
    regression("indented_paragraph_after_a_hanging_list_with_little_space");
}

#[test]
fn indented_paragraph_after_a_hanging_list_three_columns() {
    regression("indented_paragraph_after_a_hanging_list_three_columns");
}

#[test]
fn three_columns_narrow_gutter_the_middle_one_a_list() {
    regression("three_columns_narrow_gutter_the_middle_one_a_list");
}

#[test]
fn a_columns_last_word_alone_at_the_next_columns_top_level_with_a_justified_line() {
    regression("a_columns_last_word_alone_at_the_next_columns_top_level_with_a_justified_line");
}

#[test]
fn a_paragraphs_tail_at_the_second_columns_top_beside_a_justified_column() {
    regression("a_paragraphs_tail_at_the_second_columns_top_beside_a_justified_column");
}

#[test]
fn left_reference_column_in_small_type_a_narrow_gap_from_the_body() {
    regression("left_reference_column_in_small_type_a_narrow_gap_from_the_body");
}

#[test]
fn left_running_column_in_small_type_beside_two_columns() {
    regression("left_running_column_in_small_type_beside_two_columns");
}

#[test]
fn left_running_column_in_small_type_beside_three_columns() {
    regression("left_running_column_in_small_type_beside_three_columns");
}

#[test]
fn left_running_column_in_small_type_large_body() {
    regression("left_running_column_in_small_type_large_body");
}

#[test]
fn a_fields_value_under_its_label_beside_a_body_lines_end_is_not_its_subscript() {
    regression("a_fields_value_under_its_label_beside_a_body_lines_end_is_not_its_subscript");
}

#[test]
fn a_fields_value_under_its_label_beside_two_columns_is_not_a_subscript() {
    regression("a_fields_value_under_its_label_beside_two_columns_is_not_a_subscript");
}

#[test]
fn left_column_runs_on_below_where_the_right_one_ends() {
    regression("left_column_runs_on_below_where_the_right_one_ends");
}

#[test]
fn left_column_runs_on_below_the_second_signature() {
    regression("left_column_runs_on_below_the_second_signature");
}

#[test]
fn left_column_runs_on_below_fields_across_both_columns() {
    regression("left_column_runs_on_below_fields_across_both_columns");
}

#[test]
fn notes_under_two_columns_ending_short_of_the_gutter() {
    regression("notes_under_two_columns_ending_short_of_the_gutter");
}

#[test]
fn right_reference_column_in_small_type_beside_three_ragged_columns() {
    regression("right_reference_column_in_small_type_beside_three_ragged_columns");
}

#[test]
fn right_running_column_in_small_type_beside_one_column() {
    regression("right_running_column_in_small_type_beside_one_column");
}

#[test]
fn right_reference_column_in_small_type_beside_two_indented_columns() {
    regression("right_reference_column_in_small_type_beside_two_indented_columns");
}

#[test]
fn right_running_column_in_small_type_beside_a_list() {
    regression("right_running_column_in_small_type_beside_a_list");
}

#[test]
fn left_column_runs_on_below_the_right_one_past_the_page_number() {
    regression("left_column_runs_on_below_the_right_one_past_the_page_number");
}

#[test]
fn both_columns_run_on_past_a_heading_level_with_a_signature_space() {
    regression("both_columns_run_on_past_a_heading_level_with_a_signature_space");
}

#[test]
fn both_columns_run_on_past_a_heading_level_with_a_signature_space_narrow_gutter() {
    regression("both_columns_run_on_past_a_heading_level_with_a_signature_space_narrow_gutter");
}

#[test]
fn both_columns_run_on_past_a_heading_level_with_a_signature_space_indented() {
    regression("both_columns_run_on_past_a_heading_level_with_a_signature_space_indented");
}

#[test]
fn notes_in_three_columns_under_three_columns_keep_their_gutters() {
    regression("notes_in_three_columns_under_three_columns_keep_their_gutters");
}

#[test]
fn notes_in_three_columns_apart_by_wide_gaps_keep_their_gutters() {
    regression("notes_in_three_columns_apart_by_wide_gaps_keep_their_gutters");
}

#[test]
fn notes_in_three_columns_apart_by_wide_gaps_keep_their_gutters_sans() {
    regression("notes_in_three_columns_apart_by_wide_gaps_keep_their_gutters_sans");
}

#[test]
fn justified_lines_whose_word_gaps_line_up_are_no_gutter() {
    regression("justified_lines_whose_word_gaps_line_up_are_no_gutter");
}

#[test]
fn justified_lines_whose_word_gaps_line_up_are_no_gutter_tj_numbers() {
    regression("justified_lines_whose_word_gaps_line_up_are_no_gutter_tj_numbers");
}

#[test]
fn inline_enumeration_wrapped_to_a_columns_top_with_its_second_number_at_a_line_start() {
    regression(
        "inline_enumeration_wrapped_to_a_columns_top_with_its_second_number_at_a_line_start",
    );
}

#[test]
fn inline_enumeration_wrapped_to_a_columns_top_in_three_ragged_columns() {
    regression("inline_enumeration_wrapped_to_a_columns_top_in_three_ragged_columns");
}

#[test]
fn a_gutter_of_half_an_em_between_two_columns_on_their_own_grids() {
    regression("a_gutter_of_half_an_em_between_two_columns_on_their_own_grids");
}

#[test]
fn a_gutter_of_half_an_em_between_two_columns_on_their_own_grids_second() {
    regression("a_gutter_of_half_an_em_between_two_columns_on_their_own_grids_second");
}

#[test]
fn a_paragraph_after_a_list_of_one_line_items_across_a_page_break() {
    regression("a_paragraph_after_a_list_of_one_line_items_across_a_page_break");
}

#[test]
fn a_paragraph_after_a_list_of_one_line_items_across_a_page_break_shuffled() {
    regression("a_paragraph_after_a_list_of_one_line_items_across_a_page_break_shuffled");
}

#[test]
fn a_notes_marker_on_the_baseline_of_a_line_two_columns_over() {
    regression("a_notes_marker_on_the_baseline_of_a_line_two_columns_over");
}

#[test]
fn a_notes_marker_on_the_baseline_of_a_line_two_columns_over_shuffled() {
    regression("a_notes_marker_on_the_baseline_of_a_line_two_columns_over_shuffled");
}

#[test]
fn a_third_column_of_two_lines_on_the_grid_of_the_first_two() {
    regression("a_third_column_of_two_lines_on_the_grid_of_the_first_two");
}

#[test]
fn a_third_column_of_two_lines_on_the_grid_of_the_first_two_shuffled() {
    regression("a_third_column_of_two_lines_on_the_grid_of_the_first_two_shuffled");
}

#[test]
fn a_third_column_of_one_line_on_the_grid_of_the_first_two() {
    regression("a_third_column_of_one_line_on_the_grid_of_the_first_two");
}

#[test]
fn a_third_column_of_two_lines_on_the_grid_of_the_first_two_standard_fonts() {
    regression("a_third_column_of_two_lines_on_the_grid_of_the_first_two_standard_fonts");
}

#[test]
fn a_third_column_of_a_few_lines_on_the_grid_in_the_waterways_letter() {
    regression("a_third_column_of_a_few_lines_on_the_grid_in_the_waterways_letter");
}

#[test]
fn a_justified_line_of_two_words_under_a_line_across_the_column() {
    regression("a_justified_line_of_two_words_under_a_line_across_the_column");
}

#[test]
fn a_justified_line_of_two_words_under_a_line_across_the_column_second() {
    regression("a_justified_line_of_two_words_under_a_line_across_the_column_second");
}

#[test]
fn a_justified_line_of_two_words_under_a_line_across_the_column_third() {
    regression("a_justified_line_of_two_words_under_a_line_across_the_column_third");
}

#[test]
fn a_list_dash_at_the_top_of_the_second_column_level_with_the_salutation() {
    regression("a_list_dash_at_the_top_of_the_second_column_level_with_the_salutation");
}

#[test]
fn a_list_dash_at_the_top_of_the_second_column_level_with_the_salutation_second() {
    regression("a_list_dash_at_the_top_of_the_second_column_level_with_the_salutation_second");
}

#[test]
fn a_list_number_at_the_top_of_the_second_column() {
    regression("a_list_number_at_the_top_of_the_second_column");
}

#[test]
fn a_first_line_left_short_after_a_list_then_flush_lines() {
    regression("a_first_line_left_short_after_a_list_then_flush_lines");
}

#[test]
fn a_paragraph_after_a_hanging_list_indented_as_far_as_the_items() {
    regression("a_paragraph_after_a_hanging_list_indented_as_far_as_the_items");
}

#[test]
fn a_paragraph_after_a_hanging_list_indented_as_far_as_the_items_second() {
    regression("a_paragraph_after_a_hanging_list_indented_as_far_as_the_items_second");
}

#[test]
fn the_left_column_running_on_over_notes_under_both_columns() {
    regression("the_left_column_running_on_over_notes_under_both_columns");
}

#[test]
fn the_left_column_running_on_over_notes_under_both_columns_second() {
    regression("the_left_column_running_on_over_notes_under_both_columns_second");
}

#[test]
fn a_third_column_told_by_its_neighbours_gutter_off_the_middle() {
    regression("a_third_column_told_by_its_neighbours_gutter_off_the_middle");
}

#[test]
fn a_signature_at_the_second_columns_top_beside_a_ragged_column() {
    regression("a_signature_at_the_second_columns_top_beside_a_ragged_column");
}

#[test]
fn a_paragraphs_last_lines_at_the_second_columns_top_beside_a_ragged_column() {
    regression("a_paragraphs_last_lines_at_the_second_columns_top_beside_a_ragged_column");
}

#[test]
fn a_paragraphs_one_line_at_a_columns_foot_set_in_from_the_line_above() {
    regression("a_paragraphs_one_line_at_a_columns_foot_set_in_from_the_line_above");
}

#[test]
fn a_paragraphs_one_line_at_a_columns_foot_flush_after_a_heading() {
    regression("a_paragraphs_one_line_at_a_columns_foot_flush_after_a_heading");
}

#[test]
fn a_notes_marker_a_wide_space_before_its_note_beside_a_body_line() {
    regression("a_notes_marker_a_wide_space_before_its_note_beside_a_body_line");
}

#[test]
fn a_paragraphs_last_line_alone_at_the_second_columns_top() {
    regression("a_paragraphs_last_line_alone_at_the_second_columns_top");
}

#[test]
fn a_short_second_column_beside_a_narrow_ragged_column() {
    regression("a_short_second_column_beside_a_narrow_ragged_column");
}

#[test]
fn a_river_through_two_loose_justified_lines_one_of_short_words() {
    regression("a_river_through_two_loose_justified_lines_one_of_short_words");
}

#[test]
fn two_justified_lines_of_three_words_each_with_its_own_gap() {
    regression("two_justified_lines_of_three_words_each_with_its_own_gap");
}

#[test]
fn a_paragraph_at_a_columns_top_whose_second_line_opens_with_a_dash() {
    regression("a_paragraph_at_a_columns_top_whose_second_line_opens_with_a_dash");
}

#[test]
fn three_columns_a_wide_gutter_apart_whose_third_is_no_label_column() {
    regression("three_columns_a_wide_gutter_apart_whose_third_is_no_label_column");
}

#[test]
fn a_page_number_under_the_reference_column_beside_two_columns() {
    regression("a_page_number_under_the_reference_column_beside_two_columns");
}

#[test]
fn the_first_rows_of_two_columns_above_a_space_in_both() {
    regression("the_first_rows_of_two_columns_above_a_space_in_both");
}

#[test]
fn columns_resuming_level_over_their_notes_at_the_page_foot() {
    regression("columns_resuming_level_over_their_notes_at_the_page_foot");
}

#[test]
fn a_loose_letter_spaced_justified_line_over_its_last_word() {
    regression("a_loose_letter_spaced_justified_line_over_its_last_word");
}

#[test]
fn a_ragged_columns_last_lines_over_notes_under_both_columns() {
    regression("a_ragged_columns_last_lines_over_notes_under_both_columns");
}

#[test]
fn a_justified_line_ending_a_hair_past_the_gutter_measured_above() {
    regression("a_justified_line_ending_a_hair_past_the_gutter_measured_above");
}

#[test]
fn a_reference_columns_last_value_under_its_label_a_narrow_gutter_from_the_body() {
    regression("a_reference_columns_last_value_under_its_label_a_narrow_gutter_from_the_body");
}

#[test]
fn two_roles_side_by_side_on_a_letter_spaced_row() {
    regression("two_roles_side_by_side_on_a_letter_spaced_row");
}

#[test]
fn a_paragraphs_last_word_at_the_next_columns_top_level_with_the_first_row() {
    regression("a_paragraphs_last_word_at_the_next_columns_top_level_with_the_first_row");
}

#[test]
fn a_notes_marker_raised_above_a_margin_lines_baseline_beside_its_body_line() {
    regression("a_notes_marker_raised_above_a_margin_lines_baseline_beside_its_body_line");
}

#[test]
fn a_signatorys_name_in_the_third_column_level_with_the_notes_under_the_second() {
    regression("a_signatorys_name_in_the_third_column_level_with_the_notes_under_the_second");
}

#[test]
fn the_middle_gutter_of_three_columns_under_half_an_em() {
    regression("the_middle_gutter_of_three_columns_under_half_an_em");
}

#[test]
fn the_middle_gutter_of_three_ragged_columns_told_by_their_left_edges() {
    regression("the_middle_gutter_of_three_ragged_columns_told_by_their_left_edges");
}

#[test]
fn the_middle_gutter_narrower_than_the_ragged_gutter_cut_first() {
    regression("the_middle_gutter_narrower_than_the_ragged_gutter_cut_first");
}

#[test]
fn two_columns_under_an_address_block_that_reaches_the_gutter() {
    regression("two_columns_under_an_address_block_that_reaches_the_gutter");
}

#[test]
fn three_narrow_ragged_columns_on_one_baseline_grid() {
    regression("three_narrow_ragged_columns_on_one_baseline_grid");
}

#[test]
fn three_narrow_loosely_justified_columns_on_one_baseline_grid() {
    regression("three_narrow_loosely_justified_columns_on_one_baseline_grid");
}

#[test]
fn a_column_running_on_under_a_signature_beside_a_left_reference_column() {
    regression("a_column_running_on_under_a_signature_beside_a_left_reference_column");
}

#[test]
fn a_loosely_justified_column_running_on_under_a_signature() {
    regression("a_loosely_justified_column_running_on_under_a_signature");
}

#[test]
fn a_paragraphs_last_words_all_the_next_column_holds_on_its_page() {
    regression("a_paragraphs_last_words_all_the_next_column_holds_on_its_page");
}

#[test]
fn a_paragraphs_last_words_at_the_next_columns_top_a_narrow_gutter_away() {
    regression("a_paragraphs_last_words_at_the_next_columns_top_a_narrow_gutter_away");
}

#[test]
fn a_two_word_justified_line_stretched_over_a_paragraphs_last_line() {
    regression("a_two_word_justified_line_stretched_over_a_paragraphs_last_line");
}

#[test]
fn a_two_word_justified_line_stretched_between_two_short_lines() {
    regression("a_two_word_justified_line_stretched_between_two_short_lines");
}

#[test]
fn a_reference_columns_date_in_the_notes_type_is_no_note() {
    regression("a_reference_columns_date_in_the_notes_type_is_no_note");
}

#[test]
fn notes_under_one_column_beside_the_signatorys_name_in_the_next() {
    regression("notes_under_one_column_beside_the_signatorys_name_in_the_next");
}

#[test]
fn notes_under_one_column_beside_the_signatory_and_notes_of_the_next() {
    regression("notes_under_one_column_beside_the_signatory_and_notes_of_the_next");
}

#[test]
fn a_signature_a_third_of_the_columns_height_at_the_next_columns_top() {
    regression("a_signature_a_third_of_the_columns_height_at_the_next_columns_top");
}

#[test]
fn a_running_column_in_body_type_beside_a_list_on_the_last_page() {
    regression("a_running_column_in_body_type_beside_a_list_on_the_last_page");
}

#[test]
fn a_running_column_in_body_type_beside_the_signatures() {
    regression("a_running_column_in_body_type_beside_the_signatures");
}

#[test]
fn a_list_of_short_items_beside_a_left_reference_column() {
    regression("a_list_of_short_items_beside_a_left_reference_column");
}

#[test]
fn a_page_number_in_a_running_column_beside_the_last_signatory() {
    regression("a_page_number_in_a_running_column_beside_the_last_signatory");
}

#[test]
fn a_left_column_in_small_type_beside_three_narrow_columns() {
    regression("a_left_column_in_small_type_beside_three_narrow_columns");
}

#[test]
fn three_columns_under_half_an_em_apart_on_one_baseline_grid() {
    regression("three_columns_under_half_an_em_apart_on_one_baseline_grid");
}

#[test]
fn two_columns_under_half_an_em_apart_on_one_baseline_grid() {
    regression("two_columns_under_half_an_em_apart_on_one_baseline_grid");
}

#[test]
fn a_reference_column_in_body_type_ending_level_with_the_salutation() {
    regression("a_reference_column_in_body_type_ending_level_with_the_salutation");
}

#[test]
fn a_left_column_on_the_text_grid_beside_the_subject_value_zorg() {
    regression("a_left_column_on_the_text_grid_beside_the_subject_value_zorg");
}

#[test]
fn a_one_field_column_in_body_type_level_with_the_salutation() {
    regression("a_one_field_column_in_body_type_level_with_the_salutation");
}

#[test]
fn a_left_column_on_the_text_grid_beside_a_reference_value() {
    regression("a_left_column_on_the_text_grid_beside_a_reference_value");
}

#[test]
fn a_left_column_on_the_text_grid_beside_the_subject_value_navo() {
    regression("a_left_column_on_the_text_grid_beside_the_subject_value_navo");
}

#[test]
fn a_justified_line_left_short_in_an_indented_paragraph_never_spaced_two_columns() {
    regression("a_justified_line_left_short_in_an_indented_paragraph_never_spaced_two_columns");
}

#[test]
fn a_justified_line_left_short_in_an_indented_paragraph_never_spaced_three_columns() {
    regression("a_justified_line_left_short_in_an_indented_paragraph_never_spaced_three_columns");
}

#[test]
fn a_note_marker_on_the_baseline_of_the_column_beside_half_an_em_away() {
    regression("a_note_marker_on_the_baseline_of_the_column_beside_half_an_em_away");
}

#[test]
fn a_list_in_a_narrow_column_beside_the_next_third_empty() {
    regression("a_list_in_a_narrow_column_beside_the_next_third_empty");
}

#[test]
fn a_list_in_a_narrow_column_beside_the_next_third_empty_column_right() {
    regression("a_list_in_a_narrow_column_beside_the_next_third_empty_column_right");
}

#[test]
fn two_columns_half_an_em_apart_the_left_one_left_short_beside_a_list() {
    regression("two_columns_half_an_em_apart_the_left_one_left_short_beside_a_list");
}

#[test]
fn two_columns_half_an_em_apart_the_left_one_left_short_under_a_field_band() {
    regression("two_columns_half_an_em_apart_the_left_one_left_short_under_a_field_band");
}

#[test]
fn two_columns_half_an_em_apart_the_left_one_ragged_beside_a_left_column() {
    regression("two_columns_half_an_em_apart_the_left_one_ragged_beside_a_left_column");
}

#[test]
fn two_columns_half_an_em_apart_the_left_one_left_short_indented() {
    regression("two_columns_half_an_em_apart_the_left_one_left_short_indented");
}

#[test]
fn signatures_at_the_next_columns_top_half_an_em_from_three_columns() {
    regression("signatures_at_the_next_columns_top_half_an_em_from_three_columns");
}

#[test]
fn signatures_at_the_next_columns_top_half_an_em_from_two_columns() {
    regression("signatures_at_the_next_columns_top_half_an_em_from_two_columns");
}

#[test]
fn a_running_column_a_little_smaller_than_the_body_level_with_its_first_row() {
    regression("a_running_column_a_little_smaller_than_the_body_level_with_its_first_row");
}

#[test]
fn a_running_column_a_little_smaller_than_the_body_left_on_the_last_page() {
    regression("a_running_column_a_little_smaller_than_the_body_left_on_the_last_page");
}

#[test]
fn an_appendix_heading_wrapped_at_the_third_columns_top_beside_the_salutation() {
    regression("an_appendix_heading_wrapped_at_the_third_columns_top_beside_the_salutation");
}

#[test]
fn two_justified_columns_a_page_number_in_their_gutter_the_first_row_level_with_the_salutation() {
    regression(
        "two_justified_columns_a_page_number_in_their_gutter_the_first_row_level_with_the_salutation",
    );
}

#[test]
fn a_column_of_fields_in_body_type_its_label_level_with_the_salutation() {
    regression("a_column_of_fields_in_body_type_its_label_level_with_the_salutation");
}

#[test]
fn a_column_of_fields_in_body_type_running_on_past_the_salutation_over_an_empty_row() {
    regression("a_column_of_fields_in_body_type_running_on_past_the_salutation_over_an_empty_row");
}

#[test]
fn signatures_running_from_the_second_into_the_third_column_ending_level_with_it() {
    regression("signatures_running_from_the_second_into_the_third_column_ending_level_with_it");
}

#[test]
fn a_justified_lines_last_words_under_the_headers_page_number_on_a_short_last_page() {
    regression("a_justified_lines_last_words_under_the_headers_page_number_on_a_short_last_page");
}

#[test]
fn two_ragged_columns_each_with_its_notes_under_its_own_rule_a_name_level_with_the_first_columns_notes()
 {
    regression(
        "two_ragged_columns_each_with_its_notes_under_its_own_rule_a_name_level_with_the_first_columns_notes",
    );
}

#[test]
fn a_word_gap_of_a_role_one_pitch_of_the_margin_columns_gutter_from_the_bodys_edge() {
    regression("a_word_gap_of_a_role_one_pitch_of_the_margin_columns_gutter_from_the_bodys_edge");
}

#[test]
fn a_signatorys_two_rows_at_the_second_columns_top_level_with_the_first_columns_rows() {
    regression("a_signatorys_two_rows_at_the_second_columns_top_level_with_the_first_columns_rows");
}

#[test]
fn a_paragraphs_last_long_word_and_the_next_ones_first_short_words_stretched_across_a_narrow_column()
 {
    regression(
        "a_paragraphs_last_long_word_and_the_next_ones_first_short_words_stretched_across_a_narrow_column",
    );
}

#[test]
fn a_justified_list_items_word_gaps_lined_up_over_two_rows_the_gap_after_its_bullet_wider() {
    regression(
        "a_justified_list_items_word_gaps_lined_up_over_two_rows_the_gap_after_its_bullet_wider",
    );
}

#[test]
fn two_ragged_columns_under_an_em_apart_the_second_of_headings_list_items_and_short_last_lines() {
    regression(
        "two_ragged_columns_under_an_em_apart_the_second_of_headings_list_items_and_short_last_lines",
    );
}

#[test]
fn two_ragged_columns_under_an_em_apart_with_indents_and_space_the_second_of_short_lines() {
    regression(
        "two_ragged_columns_under_an_em_apart_with_indents_and_space_the_second_of_short_lines",
    );
}

#[test]
fn notes_in_two_columns_the_right_ones_last_line_level_with_the_left_ones_beside_a_wide_measure() {
    regression(
        "notes_in_two_columns_the_right_ones_last_line_level_with_the_left_ones_beside_a_wide_measure",
    );
}

#[test]
fn a_list_items_two_word_line_stretched_at_a_narrow_columns_top() {
    regression("a_list_items_two_word_line_stretched_at_a_narrow_columns_top");
}

#[test]
fn a_ragged_columns_heading_and_line_over_notes_reaching_into_the_channel_measured_above() {
    regression(
        "a_ragged_columns_heading_and_line_over_notes_reaching_into_the_channel_measured_above",
    );
}

#[test]
fn a_page_number_in_the_running_column_on_a_page_whose_first_row_was_read_across_it() {
    regression("a_page_number_in_the_running_column_on_a_page_whose_first_row_was_read_across_it");
}

#[test]
fn the_last_signatorys_name_in_the_middle_column_level_with_the_notes_under_the_first() {
    regression(
        "the_last_signatorys_name_in_the_middle_column_level_with_the_notes_under_the_first",
    );
}

#[test]
fn a_paragraphs_one_indented_line_at_a_pages_foot_ending_a_sentence_then_a_justified_line_left_short()
 {
    regression(
        "a_paragraphs_one_indented_line_at_a_pages_foot_ending_a_sentence_then_a_justified_line_left_short",
    );
}

#[test]
fn a_third_columns_one_word_level_with_the_seconds_first_row_beside_a_reference_column() {
    regression(
        "a_third_columns_one_word_level_with_the_seconds_first_row_beside_a_reference_column",
    );
}

#[test]
fn a_third_columns_one_word_level_with_the_seconds_first_row_under_fields_nearer_the_gutter() {
    regression(
        "a_third_columns_one_word_level_with_the_seconds_first_row_under_fields_nearer_the_gutter",
    );
}

#[test]
fn a_stretched_two_word_line_over_a_justified_line_their_gaps_lined_up_at_a_columns_top() {
    regression(
        "a_stretched_two_word_line_over_a_justified_line_their_gaps_lined_up_at_a_columns_top",
    );
}

#[test]
fn an_indented_two_word_first_line_and_a_stretched_two_word_line_their_gaps_lined_up() {
    regression("an_indented_two_word_first_line_and_a_stretched_two_word_line_their_gaps_lined_up");
}

#[test]
fn a_second_column_of_two_rows_level_with_the_salutation_under_front_matter() {
    regression("a_second_column_of_two_rows_level_with_the_salutation_under_front_matter");
}

#[test]
fn a_second_column_of_two_rows_under_front_matter_a_narrow_gutter_away() {
    regression("a_second_column_of_two_rows_under_front_matter_a_narrow_gutter_away");
}

#[test]
fn columns_whose_first_rows_meet_by_chance_below_a_gap_across_both_beside_a_reference_column() {
    regression(
        "columns_whose_first_rows_meet_by_chance_below_a_gap_across_both_beside_a_reference_column",
    );
}

#[test]
fn a_grids_last_column_of_two_rows_at_its_top_a_letter_spaced_justified_line_over_the_pages_foot_row()
 {
    regression(
        "a_grids_last_column_of_two_rows_at_its_top_a_letter_spaced_justified_line_over_the_pages_foot_row",
    );
}

#[test]
fn a_river_of_two_justified_lines_level_with_a_reference_columns_labels() {
    regression("a_river_of_two_justified_lines_level_with_a_reference_columns_labels");
}

#[test]
fn a_heading_at_the_first_of_three_columns_foot_level_with_the_seconds_last_signatory() {
    regression(
        "a_heading_at_the_first_of_three_columns_foot_level_with_the_seconds_last_signatory",
    );
}

#[test]
fn a_running_column_in_type_a_tenth_of_a_point_smaller_than_the_body_on_the_last_page() {
    regression(
        "a_running_column_in_type_a_tenth_of_a_point_smaller_than_the_body_on_the_last_page",
    );
}

#[test]
fn a_last_page_of_one_signatory_beside_a_running_column_a_tenth_of_a_point_smaller() {
    regression("a_last_page_of_one_signatory_beside_a_running_column_a_tenth_of_a_point_smaller");
}

#[test]
fn a_running_columns_first_line_read_across_into_the_bodys_first_is_no_running_head() {
    regression("a_running_columns_first_line_read_across_into_the_bodys_first_is_no_running_head");
}

#[test]
fn a_ragged_columns_longer_lines_below_a_cut_reach_into_the_gutter_measured_above() {
    regression("a_ragged_columns_longer_lines_below_a_cut_reach_into_the_gutter_measured_above");
}

#[test]
fn two_ragged_columns_cut_where_a_heading_meets_the_space_after_the_signatures() {
    regression("two_ragged_columns_cut_where_a_heading_meets_the_space_after_the_signatures");
}

#[test]
fn a_reference_column_on_a_line_pitch_of_its_own_is_no_column_of_labels() {
    regression("a_reference_column_on_a_line_pitch_of_its_own_is_no_column_of_labels");
}

#[test]
fn the_left_column_runs_on_beside_notes_under_the_right_one_level_with_its_heading() {
    regression("the_left_column_runs_on_beside_notes_under_the_right_one_level_with_its_heading");
}

#[test]
fn a_two_page_letters_running_column_its_blocks_a_blank_line_apart_beside_the_last_page() {
    regression(
        "a_two_page_letters_running_column_its_blocks_a_blank_line_apart_beside_the_last_page",
    );
}

#[test]
fn a_right_columns_list_labels_hanging_left_of_it_over_notes_that_touch_the_gutter() {
    regression("a_right_columns_list_labels_hanging_left_of_it_over_notes_that_touch_the_gutter");
}

#[test]
fn a_running_column_in_the_bodys_size_that_page_one_sets_elsewhere_on_a_two_page_letter() {
    regression(
        "a_running_column_in_the_bodys_size_that_page_one_sets_elsewhere_on_a_two_page_letter",
    );
}

#[test]
fn a_ragged_columns_line_and_note_under_a_cut_reach_further_into_the_gutter_of_the_band_over() {
    regression(
        "a_ragged_columns_line_and_note_under_a_cut_reach_further_into_the_gutter_of_the_band_over",
    );
}

#[test]
fn a_reference_column_closer_than_the_gutter_beside_a_justified_column_at_the_grids_measure() {
    regression(
        "a_reference_column_closer_than_the_gutter_beside_a_justified_column_at_the_grids_measure",
    );
}

#[test]
fn the_next_columns_first_row_beside_a_ragged_narrow_column_in_large_type() {
    regression("the_next_columns_first_row_beside_a_ragged_narrow_column_in_large_type");
}

#[test]
fn the_next_columns_one_word_beside_a_very_ragged_unhyphenated_column() {
    regression("the_next_columns_one_word_beside_a_very_ragged_unhyphenated_column");
}

#[test]
fn a_running_title_over_columns_a_lower_gap_above_them_than_a_heads() {
    regression("a_running_title_over_columns_a_lower_gap_above_them_than_a_heads");
}

#[test]
fn a_running_title_over_a_column_and_the_next_columns_one_word() {
    regression("a_running_title_over_a_column_and_the_next_columns_one_word");
}

#[test]
fn a_note_lines_word_gap_where_a_ragged_note_column_ends_is_no_gutter() {
    regression("a_note_lines_word_gap_where_a_ragged_note_column_ends_is_no_gutter");
}

#[test]
fn a_left_reference_column_beside_the_first_of_three_columns_the_third_empty() {
    regression("a_left_reference_column_beside_the_first_of_three_columns_the_third_empty");
}

#[test]
fn a_running_title_over_a_page_whose_second_column_holds_one_word() {
    regression("a_running_title_over_a_page_whose_second_column_holds_one_word");
}

#[test]
fn two_ragged_columns_a_narrow_gutter_apart_their_heading_and_signature_spaces_level() {
    regression("two_ragged_columns_a_narrow_gutter_apart_their_heading_and_signature_spaces_level");
}

#[test]
fn the_next_columns_one_word_beside_a_hyphenated_column_in_large_type() {
    regression("the_next_columns_one_word_beside_a_hyphenated_column_in_large_type");
}

#[test]
fn two_ragged_columns_half_an_em_apart_in_large_type_their_edge_reached_by_long_words() {
    regression(
        "two_ragged_columns_half_an_em_apart_in_large_type_their_edge_reached_by_long_words",
    );
}

#[test]
fn a_justified_list_items_last_rows_and_a_signatorys_role_over_the_columns_resuming_level() {
    regression(
        "a_justified_list_items_last_rows_and_a_signatorys_role_over_the_columns_resuming_level",
    );
}

#[test]
fn a_short_last_column_half_an_em_from_a_ragged_one_in_large_type() {
    regression("a_short_last_column_half_an_em_from_a_ragged_one_in_large_type");
}

#[test]
fn the_next_columns_one_word_beside_a_column_right_of_a_reference_column() {
    regression("the_next_columns_one_word_beside_a_column_right_of_a_reference_column");
}

#[test]
fn a_running_columns_page_number_level_with_a_body_line_the_column_drifting_off_the_bodys_rows() {
    regression(
        "a_running_columns_page_number_level_with_a_body_line_the_column_drifting_off_the_bodys_rows",
    );
}

#[test]
fn two_columns_under_front_matter_beside_a_reference_column_a_heading_level_with_a_signatures_space()
 {
    regression(
        "two_columns_under_front_matter_beside_a_reference_column_a_heading_level_with_a_signatures_space",
    );
}

#[test]
fn the_next_columns_last_words_level_with_an_indented_first_row_right_of_a_wide_left_margin() {
    regression(
        "the_next_columns_last_words_level_with_an_indented_first_row_right_of_a_wide_left_margin",
    );
}

#[test]
fn a_last_paragraphs_two_lines_atop_the_next_column_under_an_em_from_a_justified_one() {
    regression("a_last_paragraphs_two_lines_atop_the_next_column_under_an_em_from_a_justified_one");
}

#[test]
fn an_underfull_justified_line_closing_a_sentence_where_paragraphs_are_set_apart_by_space() {
    regression(
        "an_underfull_justified_line_closing_a_sentence_where_paragraphs_are_set_apart_by_space",
    );
}

#[test]
fn a_heading_level_with_a_signatorys_name_both_columns_running_on_the_names_rows_off_the_grid() {
    regression(
        "a_heading_level_with_a_signatorys_name_both_columns_running_on_the_names_rows_off_the_grid",
    );
}

#[test]
fn a_ragged_next_columns_two_lines_under_front_matter_the_left_column_running_on_through_a_closing()
{
    regression(
        "a_ragged_next_columns_two_lines_under_front_matter_the_left_column_running_on_through_a_closing",
    );
}

#[test]
fn a_stretched_justified_line_atop_a_page_over_its_paragraphs_short_last_line() {
    regression("a_stretched_justified_line_atop_a_page_over_its_paragraphs_short_last_line");
}

#[test]
fn front_matter_across_two_ragged_columns_beside_a_margin_column_both_running_on_past_a_heading() {
    regression(
        "front_matter_across_two_ragged_columns_beside_a_margin_column_both_running_on_past_a_heading",
    );
}

#[test]
fn a_no_break_space_keeping_its_width_in_justified_lines_whose_word_gaps_line_up() {
    regression("a_no_break_space_keeping_its_width_in_justified_lines_whose_word_gaps_line_up");
}

#[test]
fn a_running_columns_first_line_level_with_a_pages_only_body_line_on_a_two_page_letter() {
    regression(
        "a_running_columns_first_line_level_with_a_pages_only_body_line_on_a_two_page_letter",
    );
}

#[test]
fn a_running_column_on_a_two_page_letter_whose_first_page_dates_it_in_a_line_and_names_the_ministry_otherwise()
 {
    regression(
        "a_running_column_on_a_two_page_letter_whose_first_page_dates_it_in_a_line_and_names_the_ministry_otherwise",
    );
}

#[test]
fn the_left_column_running_on_over_notes_wider_than_the_right_column_a_headings_space_level_with_its_end()
 {
    regression(
        "the_left_column_running_on_over_notes_wider_than_the_right_column_a_headings_space_level_with_its_end",
    );
}

#[test]
fn a_justified_line_of_two_long_words_stretched_over_three_ems_in_a_narrow_column() {
    regression("a_justified_line_of_two_long_words_stretched_over_three_ems_in_a_narrow_column");
}

#[test]
fn a_notes_marker_set_against_its_word_on_the_baseline_of_the_next_columns_line_half_an_em_away() {
    regression(
        "a_notes_marker_set_against_its_word_on_the_baseline_of_the_next_columns_line_half_an_em_away",
    );
}

#[test]
fn front_matter_over_two_ragged_columns_whose_left_ones_first_line_reaches_into_the_gutter_of_the_band_under()
 {
    regression(
        "front_matter_over_two_ragged_columns_whose_left_ones_first_line_reaches_into_the_gutter_of_the_band_under",
    );
}

#[test]
fn two_columns_under_front_matter_the_right_ones_first_word_a_little_left_of_the_gutters_edge_under_the_band()
 {
    regression(
        "two_columns_under_front_matter_the_right_ones_first_word_a_little_left_of_the_gutters_edge_under_the_band",
    );
}

#[test]
fn a_signatory_repeating_a_line_of_the_first_page_beside_the_running_column_on_a_page_of_its_own() {
    regression(
        "a_signatory_repeating_a_line_of_the_first_page_beside_the_running_column_on_a_page_of_its_own",
    );
}

#[test]
fn a_stretched_first_line_of_the_right_column_under_the_page_number_on_the_last_page() {
    regression("a_stretched_first_line_of_the_right_column_under_the_page_number_on_the_last_page");
}

#[test]
fn a_ragged_right_column_of_lists_running_on_beside_notes_under_the_left_one() {
    regression("a_ragged_right_column_of_lists_running_on_beside_notes_under_the_left_one");
}

#[test]
fn a_one_line_note_level_with_the_last_line_of_the_notes_under_the_next_column_across_a_narrow_gutter()
 {
    regression(
        "a_one_line_note_level_with_the_last_line_of_the_notes_under_the_next_column_across_a_narrow_gutter",
    );
}

#[test]
fn a_short_reference_column_two_ems_right_of_the_right_column_level_with_its_first_rows() {
    regression(
        "a_short_reference_column_two_ems_right_of_the_right_column_level_with_its_first_rows",
    );
}

#[test]
fn a_signature_at_the_next_columns_top_beside_a_narrow_ragged_column_of_long_words_a_gutter_under_one_and_a_half_em()
 {
    regression(
        "a_signature_at_the_next_columns_top_beside_a_narrow_ragged_column_of_long_words_a_gutter_under_one_and_a_half_em",
    );
}

#[test]
fn a_notes_raised_marker_a_narrow_gutter_from_a_line_of_the_left_column_that_it_would_hang_below() {
    regression(
        "a_notes_raised_marker_a_narrow_gutter_from_a_line_of_the_left_column_that_it_would_hang_below",
    );
}

#[test]
fn a_paragraph_set_in_at_a_columns_foot_after_a_hanging_list_item_running_on_into_the_next_column()
{
    regression(
        "a_paragraph_set_in_at_a_columns_foot_after_a_hanging_list_item_running_on_into_the_next_column",
    );
}

#[test]
fn a_bulleted_lists_labels_at_the_top_of_the_right_column_beside_their_items_a_tab_away() {
    regression(
        "a_bulleted_lists_labels_at_the_top_of_the_right_column_beside_their_items_a_tab_away",
    );
}

#[test]
fn three_ragged_columns_on_one_pitch_the_salutation_level_with_the_next_columns_first_row() {
    regression(
        "three_ragged_columns_on_one_pitch_the_salutation_level_with_the_next_columns_first_row",
    );
}

#[test]
fn the_first_two_of_three_ragged_columns_running_on_under_a_cut_reaching_the_third_columns_gutter()
{
    regression(
        "the_first_two_of_three_ragged_columns_running_on_under_a_cut_reaching_the_third_columns_gutter",
    );
}

#[test]
fn two_ragged_columns_cut_across_at_a_heading_level_with_a_space_beside_a_close_right_reference_column()
 {
    regression(
        "two_ragged_columns_cut_across_at_a_heading_level_with_a_space_beside_a_close_right_reference_column",
    );
}

#[test]
fn a_paragraph_after_a_list_indented_as_deep_as_the_items_hang_its_first_line_underfull_at_a_columns_foot()
 {
    regression(
        "a_paragraph_after_a_list_indented_as_deep_as_the_items_hang_its_first_line_underfull_at_a_columns_foot",
    );
}

#[test]
fn three_ragged_columns_on_one_pitch_beside_a_left_reference_column_list_items_in_the_middle_one() {
    regression(
        "three_ragged_columns_on_one_pitch_beside_a_left_reference_column_list_items_in_the_middle_one",
    );
}

#[test]
fn the_middle_of_three_ragged_columns_running_on_under_a_cut_at_a_headings_space_in_the_first() {
    regression(
        "the_middle_of_three_ragged_columns_running_on_under_a_cut_at_a_headings_space_in_the_first",
    );
}

#[test]
fn a_justified_line_of_short_words_stretched_a_gutter_apart_over_a_narrow_column() {
    regression("a_justified_line_of_short_words_stretched_a_gutter_apart_over_a_narrow_column");
}

#[test]
fn left_column_running_on_under_front_matter_whose_last_row_a_reference_column_leaves_no_wide_gap_under()
 {
    regression(
        "left_column_running_on_under_front_matter_whose_last_row_a_reference_column_leaves_no_wide_gap_under",
    );
}

#[test]
fn two_signature_lines_ending_level_by_chance_at_a_reference_columns_measure_are_no_grid_column() {
    regression(
        "two_signature_lines_ending_level_by_chance_at_a_reference_columns_measure_are_no_grid_column",
    );
}

#[test]
fn a_cut_under_the_columns_first_rows_does_not_take_them_for_front_matter() {
    regression("a_cut_under_the_columns_first_rows_does_not_take_them_for_front_matter");
}

#[test]
fn signatories_set_loose_atop_the_next_column_under_half_an_em_from_a_ragged_one() {
    regression("signatories_set_loose_atop_the_next_column_under_half_an_em_from_a_ragged_one");
}

#[test]
fn the_next_column_flush_under_half_an_em_from_a_ragged_hyphenated_column_of_a_narrow_measure() {
    regression(
        "the_next_column_flush_under_half_an_em_from_a_ragged_hyphenated_column_of_a_narrow_measure",
    );
}

#[test]
fn a_lists_last_line_atop_the_next_column_level_with_the_salutation_cut_off_with_it() {
    regression("a_lists_last_line_atop_the_next_column_level_with_the_salutation_cut_off_with_it");
}

#[test]
fn a_paragraphs_last_line_level_with_a_signatorys_role_atop_the_next_column_is_no_title() {
    regression(
        "a_paragraphs_last_line_level_with_a_signatorys_role_atop_the_next_column_is_no_title",
    );
}

#[test]
fn three_columns_half_an_em_apart_the_band_over_a_cut_beside_a_ragged_column_hugging_the_gutter() {
    regression(
        "three_columns_half_an_em_apart_the_band_over_a_cut_beside_a_ragged_column_hugging_the_gutter",
    );
}

#[test]
fn the_middle_of_three_columns_on_one_grid_beside_a_left_reference_column_is_no_column_of_values() {
    regression(
        "the_middle_of_three_columns_on_one_grid_beside_a_left_reference_column_is_no_column_of_values",
    );
}

#[test]
fn a_lists_item_running_on_under_its_hang_atop_the_next_column_half_an_em_from_a_ragged_one() {
    regression(
        "a_lists_item_running_on_under_its_hang_atop_the_next_column_half_an_em_from_a_ragged_one",
    );
}

#[test]
fn the_last_words_of_four_justified_lines_flush_at_their_measure_are_no_column() {
    regression("the_last_words_of_four_justified_lines_flush_at_their_measure_are_no_column");
}

#[test]
fn a_short_last_page_beside_a_running_column_in_about_the_bodys_type_keeps_the_first_pages_gutter()
{
    regression(
        "a_short_last_page_beside_a_running_column_in_about_the_bodys_type_keeps_the_first_pages_gutter",
    );
}

#[test]
fn a_running_column_a_list_labels_gap_from_the_body_keeps_the_first_pages_gutter() {
    regression("a_running_column_a_list_labels_gap_from_the_body_keeps_the_first_pages_gutter");
}

#[test]
fn a_loose_justified_line_whose_first_word_carries_a_notes_marker_is_one_line() {
    regression("a_loose_justified_line_whose_first_word_carries_a_notes_marker_is_one_line");
}

#[test]
fn a_paragraphs_last_two_lines_atop_the_second_column_beside_a_reference_column_stay_apart_from_it()
{
    regression(
        "a_paragraphs_last_two_lines_atop_the_second_column_beside_a_reference_column_stay_apart_from_it",
    );
}

#[test]
fn a_signatorys_role_atop_the_second_column_level_with_the_salutation_is_read_with_its_column() {
    regression(
        "a_signatorys_role_atop_the_second_column_level_with_the_salutation_is_read_with_its_column",
    );
}

#[test]
fn a_left_reference_columns_widest_value_level_with_a_list_label_on_a_pitch_of_its_own_stays_in_its_column()
 {
    regression(
        "a_left_reference_columns_widest_value_level_with_a_list_label_on_a_pitch_of_its_own_stays_in_its_column",
    );
}

#[test]
fn a_letter_spaced_word_drawn_in_pieces_out_of_order_is_one_word() {
    regression("a_letter_spaced_word_drawn_in_pieces_out_of_order_is_one_word");
}

#[test]
fn a_letter_spaced_footnote_drawn_in_pieces_out_of_order_keeps_its_words() {
    regression("a_letter_spaced_footnote_drawn_in_pieces_out_of_order_keeps_its_words");
}

#[test]
fn a_kerned_initial_whose_last_piece_is_drawn_apart_keeps_its_tracking() {
    regression("a_kerned_initial_whose_last_piece_is_drawn_apart_keeps_its_tracking");
}

#[test]
fn a_short_reference_column_level_with_a_signatorys_role_atop_a_column_is_read_beside_it() {
    regression(
        "a_short_reference_column_level_with_a_signatorys_role_atop_a_column_is_read_beside_it",
    );
}

#[test]
fn a_letter_spaced_words_last_piece_after_a_kerned_pair_keeps_the_pages_tracking() {
    regression("a_letter_spaced_words_last_piece_after_a_kerned_pair_keeps_the_pages_tracking");
}

#[test]
fn an_initial_drawn_in_pieces_apart_in_the_content_keeps_the_pages_tracking() {
    regression("an_initial_drawn_in_pieces_apart_in_the_content_keeps_the_pages_tracking");
}

#[test]
fn a_kerned_pair_opening_a_words_second_piece_keeps_its_tracking() {
    regression("a_kerned_pair_opening_a_words_second_piece_keeps_its_tracking");
}

#[test]
fn a_narrow_gutter_beside_a_ragged_columns_short_lines_runs_on_under_a_heading_space() {
    regression("a_narrow_gutter_beside_a_ragged_columns_short_lines_runs_on_under_a_heading_space");
}

#[test]
fn a_running_column_split_off_a_thin_pages_only_line_is_margin_whole() {
    regression("a_running_column_split_off_a_thin_pages_only_line_is_margin_whole");
}

#[test]
fn a_hinted_justified_lines_last_glyph_short_of_the_edge_at_a_page_foot_runs_on() {
    regression("a_hinted_justified_lines_last_glyph_short_of_the_edge_at_a_page_foot_runs_on");
}

#[test]
fn hinted_justified_columns_ending_within_a_tenth_of_an_em_run_on() {
    regression("hinted_justified_columns_ending_within_a_tenth_of_an_em_run_on");
}

#[test]
fn a_left_column_level_with_the_text_but_for_one_row_is_no_label_column() {
    regression("a_left_column_level_with_the_text_but_for_one_row_is_no_label_column");
}

#[test]
fn a_one_line_paragraph_set_in_is_followed_by_one_set_in_as_far_and_spaced() {
    regression("a_one_line_paragraph_set_in_is_followed_by_one_set_in_as_far_and_spaced");
}

#[test]
fn a_fields_wrapped_value_past_the_field_beside_it_is_read_in_its_block() {
    regression("a_fields_wrapped_value_past_the_field_beside_it_is_read_in_its_block");
}

#[test]
fn a_line_whose_row_baseline_is_the_next_columns_is_not_spaced_out() {
    regression("a_line_whose_row_baseline_is_the_next_columns_is_not_spaced_out");
}

#[test]
fn a_paragraph_running_on_under_a_heading_at_a_columns_foot_is_no_closing() {
    regression("a_paragraph_running_on_under_a_heading_at_a_columns_foot_is_no_closing");
}

#[test]
fn a_one_line_paragraph_set_in_is_followed_by_one_set_in_as_far() {
    regression("a_one_line_paragraph_set_in_is_followed_by_one_set_in_as_far");
}

#[test]
fn a_lead_ins_last_word_over_a_lists_labels_leaves_them_labels() {
    regression("a_lead_ins_last_word_over_a_lists_labels_leaves_them_labels");
}

#[test]
fn a_short_column_past_the_grids_measure_on_its_rows_is_a_column() {
    regression("a_short_column_past_the_grids_measure_on_its_rows_is_a_column");
}

#[test]
fn a_stretched_lines_word_gap_beside_the_gutter_before_it_is_no_gutter() {
    regression("a_stretched_lines_word_gap_beside_the_gutter_before_it_is_no_gutter");
}

#[test]
fn a_line_on_one_baseline_stays_one_row_beside_a_smaller_glyph_on_it() {
    regression("a_line_on_one_baseline_stays_one_row_beside_a_smaller_glyph_on_it");
}

#[test]
fn a_piece_drawn_at_the_pen_of_a_run_is_judged_by_its_own_pairs_not_the_next_drawn() {
    regression("a_piece_drawn_at_the_pen_of_a_run_is_judged_by_its_own_pairs_not_the_next_drawn");
}

#[test]
fn a_lone_page_number_far_under_the_next_column_leaves_its_flush_edge_spanning() {
    regression("a_lone_page_number_far_under_the_next_column_leaves_its_flush_edge_spanning");
}

#[test]
fn a_reference_column_in_near_body_type_over_a_body_running_on_under_it_is_a_column() {
    regression("a_reference_column_in_near_body_type_over_a_body_running_on_under_it_is_a_column");
}

#[test]
fn three_columns_beside_a_reference_column_in_near_body_type_are_cut_from_it_first() {
    regression("three_columns_beside_a_reference_column_in_near_body_type_are_cut_from_it_first");
}

#[test]
fn a_notes_marker_raised_to_the_baseline_of_the_column_besides_line_goes_to_its_note() {
    regression("a_notes_marker_raised_to_the_baseline_of_the_column_besides_line_goes_to_its_note");
}

#[test]
fn a_hinted_three_word_lines_stretched_gaps_a_tenth_of_an_em_apart_are_alike() {
    regression("a_hinted_three_word_lines_stretched_gaps_a_tenth_of_an_em_apart_are_alike");
}

#[test]
fn the_first_rows_of_two_narrow_columns_over_a_heading_space_level_with_a_signatures_are_their_columns_tops()
 {
    regression(
        "the_first_rows_of_two_narrow_columns_over_a_heading_space_level_with_a_signatures_are_their_columns_tops",
    );
}

#[test]
fn two_columns_under_front_matter_beside_a_right_reference_column_run_on_past_a_heading_space_level_with_a_signatures()
 {
    regression(
        "two_columns_under_front_matter_beside_a_right_reference_column_run_on_past_a_heading_space_level_with_a_signatures",
    );
}

#[test]
fn the_upper_rows_of_two_columns_beside_a_reference_column_over_a_heading_space_level_with_a_signatures_are_read_in_their_columns()
 {
    regression(
        "the_upper_rows_of_two_columns_beside_a_reference_column_over_a_heading_space_level_with_a_signatures_are_read_in_their_columns",
    );
}

#[test]
fn a_justified_lines_last_words_flush_at_the_measure_over_hinted_word_gaps_are_not_the_next_columns_top()
 {
    regression(
        "a_justified_lines_last_words_flush_at_the_measure_over_hinted_word_gaps_are_not_the_next_columns_top",
    );
}

#[test]
fn three_columns_beside_a_reference_column_on_the_left_their_third_one_row_run_on_past_a_heading_space_level_with_a_signatures()
 {
    regression(
        "three_columns_beside_a_reference_column_on_the_left_their_third_one_row_run_on_past_a_heading_space_level_with_a_signatures",
    );
}

#[test]
fn a_heading_level_with_a_list_items_first_line_atop_the_next_column_over_a_page_number_in_the_gutter()
 {
    regression(
        "a_heading_level_with_a_list_items_first_line_atop_the_next_column_over_a_page_number_in_the_gutter",
    );
}

#[test]
fn a_two_row_reference_column_in_the_bodys_type_a_narrow_gap_right_of_a_ragged_column_with_signatures()
 {
    regression(
        "a_two_row_reference_column_in_the_bodys_type_a_narrow_gap_right_of_a_ragged_column_with_signatures",
    );
}

#[test]
fn two_justified_lines_last_words_flush_at_the_measure_of_the_second_column_are_read_with_their_lines_not_the_first_columns_words()
 {
    regression(
        "two_justified_lines_last_words_flush_at_the_measure_of_the_second_column_are_read_with_their_lines_not_the_first_columns_words",
    );
}

#[test]
fn three_hinted_columns_half_an_em_apart_run_on_past_a_cut_where_a_line_overshoots_into_the_gutter()
{
    regression(
        "three_hinted_columns_half_an_em_apart_run_on_past_a_cut_where_a_line_overshoots_into_the_gutter",
    );
}

#[test]
fn a_river_of_three_rows_in_a_narrow_justified_column_its_right_words_flush_at_the_measure_but_not_at_one_start_is_no_gutter()
 {
    regression(
        "a_river_of_three_rows_in_a_narrow_justified_column_its_right_words_flush_at_the_measure_but_not_at_one_start_is_no_gutter",
    );
}

#[test]
fn a_salutation_reaching_into_a_ragged_columns_gutter_level_with_the_first_rows_of_three_columns_stays_in_its_column()
 {
    regression(
        "a_salutation_reaching_into_a_ragged_columns_gutter_level_with_the_first_rows_of_three_columns_stays_in_its_column",
    );
}

#[test]
fn notes_under_two_ragged_columns_reaching_further_than_the_columns_lines_keep_the_columns_gutter()
{
    regression(
        "notes_under_two_ragged_columns_reaching_further_than_the_columns_lines_keep_the_columns_gutter",
    );
}

#[test]
fn a_river_of_two_letter_spaced_justified_rows_with_one_unstretched_no_break_space_is_no_gutter() {
    regression(
        "a_river_of_two_letter_spaced_justified_rows_with_one_unstretched_no_break_space_is_no_gutter",
    );
}

#[test]
fn a_no_break_space_named_space_by_a_partial_map_keeping_its_width_in_justified_lines_whose_word_gaps_line_up()
 {
    regression(
        "a_no_break_space_named_space_by_a_partial_map_keeping_its_width_in_justified_lines_whose_word_gaps_line_up",
    );
}

#[test]
fn a_one_row_second_column_atop_page_two_level_with_the_first_columns_ragged_row_its_gap_wider_than_the_rows_word_gaps()
 {
    regression(
        "a_one_row_second_column_atop_page_two_level_with_the_first_columns_ragged_row_its_gap_wider_than_the_rows_word_gaps",
    );
}

#[test]
fn a_one_row_second_column_atop_page_two_in_three_letter_spaced_columns_positioned_glyph_by_glyph()
{
    regression(
        "a_one_row_second_column_atop_page_two_in_three_letter_spaced_columns_positioned_glyph_by_glyph",
    );
}

#[test]
fn a_running_column_beside_a_second_signatory_whose_lines_repeat_the_first_signatorys_on_page_one()
{
    regression(
        "a_running_column_beside_a_second_signatory_whose_lines_repeat_the_first_signatorys_on_page_one",
    );
}

#[test]
fn a_stretched_two_word_line_atop_a_narrow_columns_band_over_its_short_last_line_in_a_page_of_few_full_lines()
 {
    regression(
        "a_stretched_two_word_line_atop_a_narrow_columns_band_over_its_short_last_line_in_a_page_of_few_full_lines",
    );
}

#[test]
fn a_page_number_under_two_columns_across_their_gutter_below_a_space_the_columns_leave_level_is_no_reason_to_cut_across()
 {
    regression(
        "a_page_number_under_two_columns_across_their_gutter_below_a_space_the_columns_leave_level_is_no_reason_to_cut_across",
    );
}

#[test]
fn notes_in_three_columns_four_rows_deep_under_a_narrow_gutter_keep_the_gutter_cut_above() {
    regression(
        "notes_in_three_columns_four_rows_deep_under_a_narrow_gutter_keep_the_gutter_cut_above",
    );
}

#[test]
fn a_page_number_in_the_reference_column_under_the_last_value_is_a_field_of_its_own_where_the_senders_larger_lines_widen_the_columns_pitch()
 {
    regression(
        "a_page_number_in_the_reference_column_under_the_last_value_is_a_field_of_its_own_where_the_senders_larger_lines_widen_the_columns_pitch",
    );
}

#[test]
fn a_justified_columns_few_stretched_lines_over_a_closing_and_signatures_run_as_prose_beside_the_left_columns_heading_level_with_the_rights()
 {
    regression(
        "a_justified_columns_few_stretched_lines_over_a_closing_and_signatures_run_as_prose_beside_the_left_columns_heading_level_with_the_rights",
    );
}

#[test]
fn a_running_columns_page_number_level_with_a_body_line_of_a_short_last_page_is_split_off_where_the_other_pages_have_theirs()
 {
    regression(
        "a_running_columns_page_number_level_with_a_body_line_of_a_short_last_page_is_split_off_where_the_other_pages_have_theirs",
    );
}

#[test]
fn a_middle_column_running_on_between_notes_under_its_neighbours_is_read_with_its_column() {
    regression(
        "a_middle_column_running_on_between_notes_under_its_neighbours_is_read_with_its_column",
    );
}

#[test]
fn an_indented_paragraph_after_a_list_ending_its_column_leaves_the_last_item() {
    regression("an_indented_paragraph_after_a_list_ending_its_column_leaves_the_last_item");
}

#[test]
fn a_notes_marker_between_the_last_line_of_the_column_beside_and_its_note_goes_to_the_nearer_text()
{
    regression(
        "a_notes_marker_between_the_last_line_of_the_column_beside_and_its_note_goes_to_the_nearer_text",
    );
}

#[test]
fn a_notes_marker_cut_off_a_row_of_the_columns_beside_is_raised_on_its_note_by_where_it_stands() {
    regression(
        "a_notes_marker_cut_off_a_row_of_the_columns_beside_is_raised_on_its_note_by_where_it_stands",
    );
}

#[test]
fn a_number_broken_at_a_lines_end_near_the_pages_foot_is_no_page_number() {
    regression("a_number_broken_at_a_lines_end_near_the_pages_foot_is_no_page_number");
}

#[test]
fn columns_running_on_across_a_space_level_in_both_under_a_reference_columns_rows_are_not_cut_across()
 {
    regression(
        "columns_running_on_across_a_space_level_in_both_under_a_reference_columns_rows_are_not_cut_across",
    );
}

#[test]
fn a_dash_after_a_line_broken_early_inside_a_sentence_opens_no_item() {
    regression("a_dash_after_a_line_broken_early_inside_a_sentence_opens_no_item");
}

#[test]
fn a_number_with_a_full_stop_after_a_line_broken_early_inside_a_sentence_opens_no_item() {
    regression(
        "a_number_with_a_full_stop_after_a_line_broken_early_inside_a_sentence_opens_no_item",
    );
}

#[test]
fn a_dash_after_an_early_break_in_three_narrow_columns_opens_no_item() {
    regression("a_dash_after_an_early_break_in_three_narrow_columns_opens_no_item");
}

#[test]
fn a_row_over_columns_whose_band_holds_notes_under_one_is_read_with_the_columns_top() {
    regression("a_row_over_columns_whose_band_holds_notes_under_one_is_read_with_the_columns_top");
}

#[test]
fn three_columns_beside_a_reference_column_run_on_under_a_cut_level_in_the_first_two() {
    regression("three_columns_beside_a_reference_column_run_on_under_a_cut_level_in_the_first_two");
}

#[test]
fn a_running_column_in_smaller_type_read_into_body_lines_does_not_widen_the_body_zone() {
    regression(
        "a_running_column_in_smaller_type_read_into_body_lines_does_not_widen_the_body_zone",
    );
}

#[test]
fn a_paragraph_set_in_runs_on_across_a_column_break_after_a_full_stop_in_ragged_lines() {
    regression(
        "a_paragraph_set_in_runs_on_across_a_column_break_after_a_full_stop_in_ragged_lines",
    );
}

#[test]
fn a_set_in_first_line_ended_after_a_full_stop_at_a_pages_foot_runs_on() {
    regression("a_set_in_first_line_ended_after_a_full_stop_at_a_pages_foot_runs_on");
}

#[test]
fn one_paragraph_set_in_shows_that_paragraphs_open_with_an_indent() {
    regression("one_paragraph_set_in_shows_that_paragraphs_open_with_an_indent");
}

#[test]
fn a_paragraphs_one_set_in_line_after_a_hanging_list_at_a_columns_foot_goes_on_in_the_next_column()
{
    regression(
        "a_paragraphs_one_set_in_line_after_a_hanging_list_at_a_columns_foot_goes_on_in_the_next_column",
    );
}

#[test]
fn a_full_stop_with_room_runs_on_a_paragraph_set_in_where_no_paragraph_opens_by_space() {
    regression(
        "a_full_stop_with_room_runs_on_a_paragraph_set_in_where_no_paragraph_opens_by_space",
    );
}

#[test]
fn a_spaced_set_in_line_after_a_hanging_list_at_a_columns_foot_goes_on_in_the_next_column() {
    regression(
        "a_spaced_set_in_line_after_a_hanging_list_at_a_columns_foot_goes_on_in_the_next_column",
    );
}

#[test]
fn a_line_set_in_after_a_hanging_list_ended_after_a_full_stop_goes_on_where_paragraphs_open_with_an_indent_and_space()
 {
    regression(
        "a_line_set_in_after_a_hanging_list_ended_after_a_full_stop_goes_on_where_paragraphs_open_with_an_indent_and_space",
    );
}

#[test]
fn a_number_that_words_follow_at_a_pages_top_goes_on_after_an_abbreviations_full_stop() {
    regression(
        "a_number_that_words_follow_at_a_pages_top_goes_on_after_an_abbreviations_full_stop",
    );
}

#[test]
fn a_number_that_words_follow_at_a_columns_top_goes_on_after_an_abbreviations_full_stop() {
    regression(
        "a_number_that_words_follow_at_a_columns_top_goes_on_after_an_abbreviations_full_stop",
    );
}

#[test]
fn a_line_after_an_abbreviations_full_stop_goes_on_where_its_row_is_the_next_columns_line_a_little_higher()
 {
    regression(
        "a_line_after_an_abbreviations_full_stop_goes_on_where_its_row_is_the_next_columns_line_a_little_higher",
    );
}

#[test]
fn a_full_stop_with_room_runs_on_where_rows_shared_with_the_next_columns_lines_move_the_baselines()
{
    regression(
        "a_full_stop_with_room_runs_on_where_rows_shared_with_the_next_columns_lines_move_the_baselines",
    );
}

#[test]
fn a_justified_three_word_line_whose_hinted_gaps_differ_by_a_tenth_of_an_em_is_one_line() {
    regression(
        "a_justified_three_word_line_whose_hinted_gaps_differ_by_a_tenth_of_an_em_is_one_line",
    );
}

#[test]
fn a_justified_three_word_line_at_a_columns_top_whose_hinted_gaps_differ_is_one_line() {
    regression("a_justified_three_word_line_at_a_columns_top_whose_hinted_gaps_differ_is_one_line");
}

#[test]
fn a_line_after_a_page_break_at_the_bodys_end_goes_on_a_paragraph_set_in_flush_as_the_closing_under_it()
 {
    regression(
        "a_line_after_a_page_break_at_the_bodys_end_goes_on_a_paragraph_set_in_flush_as_the_closing_under_it",
    );
}

#[test]
fn a_justified_line_stretched_four_ems_a_gap_over_wide_letter_spacing_is_not_cut_into_columns() {
    regression(
        "a_justified_line_stretched_four_ems_a_gap_over_wide_letter_spacing_is_not_cut_into_columns",
    );
}

#[test]
fn two_columns_a_hinted_gutter_of_point_four_em_apart_clear_of_their_word_gaps_are_cut() {
    regression(
        "two_columns_a_hinted_gutter_of_point_four_em_apart_clear_of_their_word_gaps_are_cut",
    );
}

/// Fifty-third round: a ragged paragraph's last line at page 2's foot (`… dreigingsbeeld.`,
/// 417 pt of a 480 pt measure) had room for the next page's first word, `Naast` (32 pt),
/// under the longest lines, but not under the 90th percentile of the page's line ends,
/// 19 pt short of them; the paragraphs ran together. A ragged column's measure is where
/// its longest lines end.
#[test]
fn a_ragged_paragraphs_last_line_at_a_pages_foot_with_room_for_the_next_word_under_the_columns_longest_lines_ends_it()
 {
    regression(
        "a_ragged_paragraphs_last_line_at_a_pages_foot_with_room_for_the_next_word_under_the_columns_longest_lines_ends_it",
    );
}

/// Fifty-third round: three justified columns (word spacing, hinted), the third's first
/// row `geïnformeerd over de stand van` above the closing's short rows; its last gap, 4.45
/// pt, was 1.31 times its median word gap (3.4 pt), so not taken for one of them, though
/// the row's first gap is wider (4.5 pt), and `van` was cut off as the next column's first
/// row and lost from its sentence. A gap no wider than another of the row's is a word gap.
#[test]
fn a_justified_columns_top_line_whose_last_word_stands_a_word_gap_no_wider_than_its_widest_off_is_one_line()
 {
    regression(
        "a_justified_columns_top_line_whose_last_word_stands_a_word_gap_no_wider_than_its_widest_off_is_one_line",
    );
}

/// Fifty-third round: words cut into runs anywhere (`splits`), soft hyphens drawn: five of
/// the ten line-final hyphens were shown apart from their letters by chance, which first
/// passed for a typesetter that shows its hyphenation so (LibreOffice), and `aanlei-` /
/// `ding`, shown with its letters, kept its hyphen. Such a typesetter shows three times as
/// many apart at least.
#[test]
fn soft_hyphens_in_words_cut_into_runs_anywhere_half_shown_apart_by_chance_are_joined() {
    regression(
        "soft_hyphens_in_words_cut_into_runs_anywhere_half_shown_apart_by_chance_are_joined",
    );
}

#[test]
fn a_closing_under_columns_is_measured_against_the_column_beside_the_other_not_the_front_matter_over_it()
 {
    regression(
        "a_closing_under_columns_is_measured_against_the_column_beside_the_other_not_the_front_matter_over_it",
    );
}

#[test]
fn a_river_down_a_paragraph_of_words_set_one_by_one_tracks_each_rows_own_word_gap_and_is_no_gutter()
{
    regression(
        "a_river_down_a_paragraph_of_words_set_one_by_one_tracks_each_rows_own_word_gap_and_is_no_gutter",
    );
}

/// Fifty-fourth round: words stressed in bold inside paragraphs (`emphasis`), a line of
/// them read as a heading's emphasis.
#[test]
fn a_paragraphs_last_line_in_its_column_all_stressed_in_bold_runs_on_into_the_next_column() {
    regression(
        "a_paragraphs_last_line_in_its_column_all_stressed_in_bold_runs_on_into_the_next_column",
    );
}

#[test]
fn a_full_line_of_stressed_words_inside_a_sentence_is_no_heading() {
    regression("a_full_line_of_stressed_words_inside_a_sentence_is_no_heading");
}

#[test]
fn a_list_items_last_line_followed_by_a_little_space_is_no_paragraph_opened_by_space_where_paragraphs_open_indented()
 {
    regression(
        "a_list_items_last_line_followed_by_a_little_space_is_no_paragraph_opened_by_space_where_paragraphs_open_indented",
    );
}

#[test]
fn one_gap_under_a_finished_sentence_and_no_paragraph_end_without_one_shows_paragraphs_set_apart_by_space()
 {
    regression(
        "one_gap_under_a_finished_sentence_and_no_paragraph_end_without_one_shows_paragraphs_set_apart_by_space",
    );
}

#[test]
fn three_of_four_line_final_hyphens_cut_apart_by_chance_show_no_producer_that_draws_its_hyphens_apart()
 {
    regression(
        "three_of_four_line_final_hyphens_cut_apart_by_chance_show_no_producer_that_draws_its_hyphens_apart",
    );
}

#[test]
fn a_short_line_of_one_stressed_word_broken_early_runs_on_into_its_sentence_in_lowercase() {
    regression(
        "a_short_line_of_one_stressed_word_broken_early_runs_on_into_its_sentence_in_lowercase",
    );
}

/// Fifty-fifth round: phrases set in italic inside paragraphs (`italic`). A change of
/// emphasis broke every paragraph it met after a finished sentence: the stressed line read
/// as a heading, or the plain one after it as a new paragraph.
#[test]
fn an_italic_line_ending_a_sentence_in_a_paragraph_that_opened_plain_leaves_the_break_to_the_indent()
 {
    regression(
        "an_italic_line_ending_a_sentence_in_a_paragraph_that_opened_plain_leaves_the_break_to_the_indent",
    );
}

#[test]
fn a_line_of_italic_words_after_a_finished_sentence_breaking_a_word_into_plain_text_is_no_heading()
{
    regression(
        "a_line_of_italic_words_after_a_finished_sentence_breaking_a_word_into_plain_text_is_no_heading",
    );
}

#[test]
fn two_lines_of_italic_words_running_on_into_plain_text_are_no_heading() {
    regression("two_lines_of_italic_words_running_on_into_plain_text_are_no_heading");
}

#[test]
fn an_italic_line_left_short_before_a_compound_too_wide_for_it_runs_on_into_the_next_page() {
    regression(
        "an_italic_line_left_short_before_a_compound_too_wide_for_it_runs_on_into_the_next_page",
    );
}

#[test]
fn an_italic_phrase_ending_a_paragraph_after_an_unfinished_line_runs_on() {
    regression("an_italic_phrase_ending_a_paragraph_after_an_unfinished_line_runs_on");
}

#[test]
fn a_bold_heading_after_a_paragraph_ending_in_italic_words_is_a_change_of_emphasis() {
    regression("a_bold_heading_after_a_paragraph_ending_in_italic_words_is_a_change_of_emphasis");
}

#[test]
fn italic_words_ending_a_column_inside_a_sentence_run_on_where_ragged_lines_break_early() {
    regression(
        "italic_words_ending_a_column_inside_a_sentence_run_on_where_ragged_lines_break_early",
    );
}

#[test]
fn an_italic_line_opening_in_lowercase_runs_on_after_an_inline_enumerations_first_number() {
    regression(
        "an_italic_line_opening_in_lowercase_runs_on_after_an_inline_enumerations_first_number",
    );
}

#[test]
fn italic_words_ending_a_line_early_run_on_into_a_dash_where_ragged_lines_break_early() {
    regression(
        "italic_words_ending_a_line_early_run_on_into_a_dash_where_ragged_lines_break_early",
    );
}

#[test]
fn a_bold_heading_set_apart_over_its_paragraph_stays_a_heading_though_its_next_word_would_not_fit()
{
    regression(
        "a_bold_heading_set_apart_over_its_paragraph_stays_a_heading_though_its_next_word_would_not_fit",
    );
}

#[test]
fn italic_words_breaking_a_word_at_a_columns_foot_run_on_into_the_next_column() {
    regression("italic_words_breaking_a_word_at_a_columns_foot_run_on_into_the_next_column");
}

#[test]
fn italic_words_filling_a_columns_last_line_after_a_finished_sentence_run_on_into_the_next_column()
{
    regression(
        "italic_words_filling_a_columns_last_line_after_a_finished_sentence_run_on_into_the_next_column",
    );
}

#[test]
fn an_inline_enumerations_first_item_in_italic_at_a_columns_foot_runs_on_into_the_next_column() {
    regression(
        "an_inline_enumerations_first_item_in_italic_at_a_columns_foot_runs_on_into_the_next_column",
    );
}

#[test]
fn a_line_of_italic_words_close_under_a_finished_sentence_runs_on_where_paragraphs_stand_apart_by_space()
 {
    regression(
        "a_line_of_italic_words_close_under_a_finished_sentence_runs_on_where_paragraphs_stand_apart_by_space",
    );
}

#[test]
fn an_italic_sentence_ending_a_paragraph_close_under_it_runs_on_where_paragraphs_open_indented_and_spaced()
 {
    regression(
        "an_italic_sentence_ending_a_paragraph_close_under_it_runs_on_where_paragraphs_open_indented_and_spaced",
    );
}

#[test]
fn an_italic_line_opening_in_lowercase_is_no_heading_to_break_after() {
    regression("an_italic_line_opening_in_lowercase_is_no_heading_to_break_after");
}

#[test]
fn a_letter_spaced_heading_wraps_where_its_next_word_needs_the_tracking() {
    regression("a_letter_spaced_heading_wraps_where_its_next_word_needs_the_tracking");
}

#[test]
fn a_stressed_sentence_ending_a_paragraph_counts_its_next_paragraphs_indent() {
    regression("a_stressed_sentence_ending_a_paragraph_counts_its_next_paragraphs_indent");
}

#[test]
fn a_stressed_word_a_sentence_ran_into_over_a_short_line_runs_on_out_of_it() {
    regression("a_stressed_word_a_sentence_ran_into_over_a_short_line_runs_on_out_of_it");
}

#[test]
fn a_long_channel_a_sixth_wider_than_widened_glyphs_word_gaps_is_a_gutter() {
    regression("a_long_channel_a_sixth_wider_than_widened_glyphs_word_gaps_is_a_gutter");
}

#[test]
fn an_italic_sentence_at_the_pitch_under_a_full_line_runs_on_in_an_indented_letter() {
    regression("an_italic_sentence_at_the_pitch_under_a_full_line_runs_on_in_an_indented_letter");
}

#[test]
fn an_italic_sentence_under_a_ragged_line_it_did_not_fit_on_runs_on() {
    regression("an_italic_sentence_under_a_ragged_line_it_did_not_fit_on_runs_on");
}

#[test]
fn stressed_words_at_the_pitch_under_a_full_line_run_on_in_an_indented_letter() {
    regression("stressed_words_at_the_pitch_under_a_full_line_run_on_in_an_indented_letter");
}

#[test]
fn a_heading_and_its_line_over_a_page_number_are_no_closing_under_columns() {
    regression("a_heading_and_its_line_over_a_page_number_are_no_closing_under_columns");
}

#[test]
fn an_italic_sentence_at_the_pitch_under_a_full_line_runs_on_in_an_unmarked_letter() {
    regression("an_italic_sentence_at_the_pitch_under_a_full_line_runs_on_in_an_unmarked_letter");
}

#[test]
fn a_hinted_gutter_need_not_clear_a_lists_label_tabs() {
    regression("a_hinted_gutter_need_not_clear_a_lists_label_tabs");
}

#[test]
fn a_plain_heading_set_apart_by_space_is_no_paragraph_opened_by_space() {
    regression("a_plain_heading_set_apart_by_space_is_no_paragraph_opened_by_space");
}

#[test]
fn an_italic_line_under_a_sentences_end_runs_on_where_lines_break_early() {
    regression("an_italic_line_under_a_sentences_end_runs_on_where_lines_break_early");
}

#[test]
fn an_italic_sentence_at_a_page_top_runs_on_under_a_full_line() {
    regression("an_italic_sentence_at_a_page_top_runs_on_under_a_full_line");
}

#[test]
fn a_stray_first_line_step_does_not_set_the_pitch_headings_are_spaced_by() {
    regression("a_stray_first_line_step_does_not_set_the_pitch_headings_are_spaced_by");
}

#[test]
fn a_one_row_next_column_a_tenth_em_wider_than_its_rows_one_width_gaps() {
    regression("a_one_row_next_column_a_tenth_em_wider_than_its_rows_one_width_gaps");
}

#[test]
fn a_line_keeps_its_own_baseline_beside_the_next_columns_line_above() {
    regression("a_line_keeps_its_own_baseline_beside_the_next_columns_line_above");
}

#[test]
fn a_heading_keeps_its_space_beside_a_running_columns_line_above() {
    regression("a_heading_keeps_its_space_beside_a_running_columns_line_above");
}

#[test]
fn a_role_wraps_on_through_a_line_that_needs_more() {
    regression("a_role_wraps_on_through_a_line_that_needs_more");
}

#[test]
fn italic_lines_at_a_columns_top_that_end_a_sentence_run_on_where_space_opens_paragraphs() {
    regression(
        "italic_lines_at_a_columns_top_that_end_a_sentence_run_on_where_space_opens_paragraphs",
    );
}

#[test]
fn italic_lines_at_a_pages_top_ending_a_sentence_on_their_second_line_run_on() {
    regression("italic_lines_at_a_pages_top_ending_a_sentence_on_their_second_line_run_on");
}

#[test]
fn a_list_label_wider_than_an_em_is_no_word_gap_beside_a_narrow_gutter() {
    regression("a_list_label_wider_than_an_em_is_no_word_gap_beside_a_narrow_gutter");
}

#[test]
fn italic_lines_close_under_a_full_line_run_on_where_only_list_items_part_without_space() {
    regression(
        "italic_lines_close_under_a_full_line_run_on_where_only_list_items_part_without_space",
    );
}

#[test]
fn a_last_body_word_in_larger_type_beside_a_running_columns_first_row_is_no_value_of_it() {
    regression(
        "a_last_body_word_in_larger_type_beside_a_running_columns_first_row_is_no_value_of_it",
    );
}

#[test]
fn a_body_line_at_a_pages_top_whose_box_touches_its_neighbours_is_no_running_head() {
    regression("a_body_line_at_a_pages_top_whose_box_touches_its_neighbours_is_no_running_head");
}

#[test]
fn a_middle_column_running_on_between_notes_in_a_band_a_date_line_crosses_is_read_before_the_third()
{
    regression(
        "a_middle_column_running_on_between_notes_in_a_band_a_date_line_crosses_is_read_before_the_third",
    );
}

#[test]
fn a_justified_line_whose_words_end_level_with_the_rows_under_it_is_no_two_columns() {
    regression("a_justified_line_whose_words_end_level_with_the_rows_under_it_is_no_two_columns");
}

#[test]
fn a_reference_column_level_with_the_last_body_line_runs_no_note_on() {
    regression("a_reference_column_level_with_the_last_body_line_runs_no_note_on");
}

#[test]
fn a_stretched_line_of_two_words_with_a_notes_marker_is_one_line() {
    regression("a_stretched_line_of_two_words_with_a_notes_marker_is_one_line");
}

#[test]
fn a_hinted_glyph_widening_one_gap_of_a_full_line_makes_no_gutter() {
    regression("a_hinted_glyph_widening_one_gap_of_a_full_line_makes_no_gutter");
}

#[test]
fn a_short_reference_column_in_smaller_type_beside_a_few_justified_rows_is_margin() {
    regression("a_short_reference_column_in_smaller_type_beside_a_few_justified_rows_is_margin");
}

#[test]
fn a_ragged_left_column_reaching_further_right_under_a_short_right_one_runs_on() {
    regression("a_ragged_left_column_reaching_further_right_under_a_short_right_one_runs_on");
}

#[test]
fn a_signatures_short_roles_atop_a_narrow_column_beside_a_ragged_columns_top_are_no_head() {
    regression(
        "a_signatures_short_roles_atop_a_narrow_column_beside_a_ragged_columns_top_are_no_head",
    );
}

#[test]
fn the_last_words_of_two_stretched_lines_down_a_ragged_column_are_no_column() {
    regression("the_last_words_of_two_stretched_lines_down_a_ragged_column_are_no_column");
}

#[test]
fn a_closing_running_on_alone_below_a_short_second_column_stays_in_its_column() {
    regression("a_closing_running_on_alone_below_a_short_second_column_stays_in_its_column");
}

#[test]
fn two_rows_whose_word_gaps_line_up_under_a_column_make_no_gutter() {
    regression("two_rows_whose_word_gaps_line_up_under_a_column_make_no_gutter");
}

#[test]
fn a_list_labels_wide_gap_makes_no_narrow_gutter_a_word_gap() {
    regression("a_list_labels_wide_gap_makes_no_narrow_gutter_a_word_gap");
}

#[test]
fn a_reference_column_level_with_a_hyphen_broken_row_is_no_labels_values() {
    regression("a_reference_column_level_with_a_hyphen_broken_row_is_no_labels_values");
}

#[test]
fn a_subject_lines_comma_over_a_gutter_hangs_no_punctuation() {
    regression("a_subject_lines_comma_over_a_gutter_hangs_no_punctuation");
}

#[test]
fn stops_ending_ragged_lines_near_a_gutter_hang_no_punctuation() {
    regression("stops_ending_ragged_lines_near_a_gutter_hang_no_punctuation");
}

#[test]
fn a_paragraphs_last_words_alone_at_the_next_columns_top_a_narrow_gutter_away() {
    regression("a_paragraphs_last_words_alone_at_the_next_columns_top_a_narrow_gutter_away");
}

#[test]
fn a_page_number_under_columns_hides_no_gutter_under_their_first_rows() {
    regression("a_page_number_under_columns_hides_no_gutter_under_their_first_rows");
}

#[test]
fn a_justified_lines_space_after_an_emphasised_word_is_a_word_gap() {
    regression("a_justified_lines_space_after_an_emphasised_word_is_a_word_gap");
}

#[test]
fn a_hyphen_flush_with_a_columns_edge_hangs_nothing() {
    regression("a_hyphen_flush_with_a_columns_edge_hangs_nothing");
}

#[test]
fn a_loose_lines_words_spaced_alike_are_one_line() {
    regression("a_loose_lines_words_spaced_alike_are_one_line");
}

#[test]
fn a_footers_word_across_a_gutter_is_no_protruded_letter() {
    regression("a_footers_word_across_a_gutter_is_no_protruded_letter");
}

#[test]
fn a_footers_word_across_a_narrow_gutter_is_no_protruded_letter() {
    regression("a_footers_word_across_a_narrow_gutter_is_no_protruded_letter");
}

#[test]
fn a_column_less_than_a_pitch_short_may_be_full() {
    regression("a_column_less_than_a_pitch_short_may_be_full");
}

#[test]
fn a_column_short_by_a_keep_in_two_columns_runs_on() {
    regression("a_column_short_by_a_keep_in_two_columns_runs_on");
}

#[test]
fn a_stretched_line_beside_a_side_columns_word_is_one_line() {
    regression("a_stretched_line_beside_a_side_columns_word_is_one_line");
}

#[test]
fn an_italic_sentence_under_a_line_left_short_of_it_runs_on() {
    regression("an_italic_sentence_under_a_line_left_short_of_it_runs_on");
}

#[test]
fn a_list_under_its_hang_at_a_columns_foot_keeps_a_narrow_gutter() {
    regression("a_list_under_its_hang_at_a_columns_foot_keeps_a_narrow_gutter");
}

#[test]
fn a_line_ending_after_a_sentence_and_a_word_is_kept_with_nothing() {
    regression("a_line_ending_after_a_sentence_and_a_word_is_kept_with_nothing");
}

#[test]
fn an_annex_running_on_at_a_short_right_columns_top_follows_the_left() {
    regression("an_annex_running_on_at_a_short_right_columns_top_follows_the_left");
}

#[test]
fn regressions_file_is_well_formed() {
    for line in include_str!("layouts-regressions.txt").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(" | ").collect();
        assert_eq!(fields.len(), 3, "name | letter | params: {line}");
        fields[2].parse::<Params>().unwrap();
    }
}

/// `LAYOUT_SCAN=1`: every value of every parameter, one at a time, on the default layout of
/// every letter; prints which fail (a map of the parameter space, for FAILURES.md).
#[test]
fn scan_one_parameter_at_a_time() {
    if std::env::var("LAYOUT_SCAN").is_err() {
        return;
    }
    let base = Params::default().to_string();
    let mut variants: Vec<String> = Vec::new();
    for cols in [
        "cols=2 gutter=10.0",
        "cols=2 gutter=6.0",
        "cols=2 gutter=24.0",
        "cols=3 gutter=10.0",
        "cols=3 gutter=20.0",
    ] {
        variants.push(cols.into());
    }
    for j in params::JUSTIFY {
        variants.push(format!("justify={j:?}"));
    }
    for v in params::PARAGRAPHS {
        variants.push(format!("paras={v:?}"));
    }
    for place in params::PLACES {
        for extra in ["/long", "/short", "/long/running", "/short/running"] {
            variants.push(format!("refcol={place:?}{extra}"));
        }
    }
    for v in ["gap=10.0", "gap=40.0", "colsize=8.0", "colsize=6.0"] {
        variants.push(v.into());
    }
    for d in params::DATES {
        variants.push(format!("date={d:?}"));
    }
    for s in params::SUBJECTS {
        variants.push(format!("subject={s:?}"));
    }
    for n in params::PAGE_NUMBERS {
        for e in params::EDGES {
            variants.push(format!("pagenum={n:?}@{e:?}"));
        }
    }
    variants.push("title=true".into());
    for f in params::FONTS {
        for fam in params::FAMILIES {
            variants.push(format!("font={f:?}/{fam:?}"));
        }
    }
    for v in [
        "size=8.0",
        "size=10.5",
        "size=13.0",
        "leading=1.15",
        "leading=1.5",
        "tc=0.5",
        "tc=2.0",
        "kern=true",
    ] {
        variants.push(v.into());
    }
    for e in params::ENCODINGS {
        variants.push(format!("enc={e:?}"));
    }
    for t in params::TO_UNICODE {
        variants.push(format!("tounicode={t:?}"));
    }
    for h in params::HYPHENATE {
        variants.push(format!("hyph={h:?}"));
    }
    variants.push("order=shuffled:7".into());
    variants.push("sigs=side".into());
    let letters = letters::all();
    for v in variants {
        let p: Params = format!("{base} {v}").parse().unwrap();
        let mut out = Vec::new();
        for (name, letter) in &letters {
            out.push(match check(name, letter, &p) {
                Ok(()) => format!("{name}: ok"),
                Err(Outcome::Unsettable(why)) => format!("{name}: unsettable ({why})"),
                Err(Outcome::Fails(diff)) => {
                    format!("{name}: FAIL {}", diff.lines().next().unwrap_or_default())
                }
            });
        }
        eprintln!("{v:<36} {}", out.join(" | "));
    }
}

/// `LAYOUT_TIMING=1`: where the time of one layout goes (typeset, extract, parse).
#[test]
fn timing() {
    if std::env::var("LAYOUT_TIMING").is_err() {
        return;
    }
    let letter = letters::navo();
    let p = Params::default();
    let t = std::time::Instant::now();
    let set = typeset(&letter, &p).unwrap();
    let t1 = t.elapsed();
    let layout = kamerbrief_extract::extract(&set.pdf, &Default::default()).unwrap();
    let t2 = t.elapsed();
    let parsed = kamerbrief_parse::parse(&layout);
    let t3 = t.elapsed();
    let _ = digest_of(&parsed.letter);
    eprintln!("typeset {t1:?}, extract {:?}, parse {:?}", t2 - t1, t3 - t2);
}

/// Found in the seventh round (100419): two signatories' roles side by side on one row, in
/// letter-spaced type (`tc` 1.24): the gap between the roles is under three word gaps, as
/// tracking widens every word gap; two and a half part them (`lines.rs`).
#[test]
fn roles_side_by_side_in_letter_spaced_type() {
    regression("roles_side_by_side_in_letter_spaced_type");
}

/// Seventh round (100240): each column's notes under its own separator rule, the rules at
/// two heights, the notes read after both columns: only the lowest rule counted, so the
/// first column's first note (above it) was read as an appendix (`footnotes.rs`).
#[test]
fn notes_of_two_columns_under_rules_at_two_heights() {
    regression("notes_of_two_columns_under_rules_at_two_heights");
}

/// Seventh round (110214, also 70128): a short running column on the left, 12.7 pt from a
/// ragged body, level with the first line of every later page: the XY-cut read the two as
/// one line (`Ministerie van Buitenlandse  toekomst van het …`). The column's words at the
/// same place on other pages, beside the body's zone, are split off as margin
/// (`extract/src/layout/running.rs`).
#[test]
fn running_column_merged_into_the_first_body_line() {
    regression("running_column_merged_into_the_first_body_line");
}

/// Seventh round (130248): the same on the right of justified lines, the column's rows
/// (`Ministerie van Buitenlandse`, `Zaken`, `Datum`, the date) read at the ends of the
/// first body lines of some pages.
#[test]
fn running_column_merged_into_body_line_ends() {
    regression("running_column_merged_into_body_line_ends");
}

/// Seventh round (70434, also 70182): page 1's short reference column 13 pt right of the
/// second body column: its label `Bijlage(n)` and value `1`, level with body lines, were
/// read at their ends (`zelfverdedi- Bijlage(n)`). A part in smaller type that starts on
/// the page's margin column's left edge is margin (`extract/src/layout/running.rs`).
#[test]
fn reference_column_labels_read_at_body_line_ends() {
    regression("reference_column_labels_read_at_body_line_ends");
}

/// Seventh round: notes in two columns of two or three rows under the body's columns 6 pt
/// apart (`… huisarts voor 2 Zie ook …`): the notes' own gutter runs beside only two rows,
/// under the 3 em a narrow gutter needs; it continues the body columns' gutter cut above.
#[test]
fn notes_in_two_short_columns_continue_the_body_columns_gutter() {
    regression("notes_in_two_short_columns_continue_the_body_columns_gutter");
}

/// The same under two columns 12 pt apart in 12 pt type (the notes' gap 1.4 of their em).
#[test]
fn notes_in_two_short_columns_under_two_body_columns() {
    regression("notes_in_two_short_columns_under_two_body_columns");
}

/// Seventh round, F17: `vertraging opgetreden door de vergunningverlening en door de`, a
/// loosely justified line (gaps 1.5 em) above its paragraph's short last line; one of its
/// word gaps, clear of the short line, was cut as a gutter (wider than 1.5 em) and the
/// line's end read after the paragraph.
#[test]
fn justified_word_gap_above_a_short_last_line_is_no_gutter() {
    regression("justified_word_gap_above_a_short_last_line_is_no_gutter");
}

/// Seventh round: the left column runs on below a paragraph's space (`Reactie van het
/// kabinet`) where the right column (the signature, the annex) ends level with the row over
/// the space; the gap was cut across the page and the right column read before the rest
/// of the left.
#[test]
fn column_running_on_alone_below_a_gap_where_the_column_beside_ends_level() {
    regression("column_running_on_alone_below_a_gap_where_the_column_beside_ends_level");
}

/// Seventh round: the signature in the third column, 10.5 pt from the second, beside its
/// list items (`1.`, `2.` a tab from their text): those tabs, among the rows beside the
/// signature, were as wide as the gutter, so it was not cut and the signature's rows were
/// read between the list's.
#[test]
fn signature_in_the_third_column_beside_a_list_whose_labels_stand_a_tab_off() {
    regression("signature_in_the_third_column_beside_a_list_whose_labels_stand_a_tab_off");
}
