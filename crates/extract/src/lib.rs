//! Faithful positioned text from PDF.
//!
//! [`extract`] reads a PDF with lopdf's object parser and interprets the content streams
//! itself: graphics and text state, fonts and their Unicode mappings, Form XObjects and
//! marked content. It returns a [`Layout`]: pages with lines of words in reading order,
//! each with its box, font, size and a [`Role`](kamerbrief_model::Role) that tells the body
//! from page furniture (headers, footers, page numbers, a margin column).
//!
//! ```no_run
//! let pdf = std::fs::read("letter.pdf")?;
//! let layout = kamerbrief_extract::extract(&pdf, &kamerbrief_extract::Options::default())?;
//! for page in &layout.pages {
//!     for line in &page.lines {
//!         println!("{:>3} {:<11} {}", page.number, line.role.as_str(), line.text());
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Only a file that cannot be read at all is an [`Error`] (not a PDF, a password is needed);
//! every other problem is a [`Diagnostic`] on its page, and the
//! other pages still come out. Work is bounded by [`Limits`].
//!
//! This crate knows PDF and typography; it knows nothing about letters.

mod budget;
mod bytes;
mod content;
mod document;
mod font;
mod geometry;
mod interpret;
mod layout;
mod objects;
mod packed;
mod pages;
mod paths;
mod repair;
mod tables;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use kamerbrief_model::{Diagnostic, DiagnosticKind, Layout, Page};
use lopdf::ObjectId;

pub use kamerbrief_model as model;

/// How to read a document.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The user password, for documents that do not open with the empty one.
    pub password: Option<String>,
    pub limits: Limits,
}

/// Bounds on the work and memory one document may cost. Reaching one is a diagnostic on the
/// page concerned, never a crash.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Bytes one stream may decompress to.
    pub max_stream_bytes: usize,
    /// Decompressed content-stream bytes for the whole document.
    pub max_document_bytes: u64,
    /// Content-stream operators interpreted per page (forms included).
    pub max_operators_per_page: u64,
    /// Glyphs kept per page.
    pub max_glyphs_per_page: usize,
    /// Nesting of Form XObjects and of saved graphics states.
    pub max_nesting: usize,
    /// Pages read; later pages are left out with a diagnostic.
    pub max_pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_stream_bytes: 64 << 20,
            max_document_bytes: 512 << 20,
            max_operators_per_page: 2_000_000,
            max_glyphs_per_page: 200_000,
            max_nesting: 64,
            max_pages: 10_000,
        }
    }
}

/// Why a document could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    pub kind: ErrorKind,
    message: String,
}

/// The kinds of [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not a PDF.
    NotPdf,
    /// The document is encrypted and the empty password does not open it.
    PasswordRequired,
    /// The password given does not open the document.
    WrongPassword,
    /// The file is a PDF but too damaged to find any page.
    Unreadable,
}

impl Error {
    fn new(kind: ErrorKind, message: String) -> Error {
        let prefix = match kind {
            ErrorKind::NotPdf => "not a PDF",
            ErrorKind::PasswordRequired => "password required",
            ErrorKind::WrongPassword => "wrong password",
            ErrorKind::Unreadable => "unreadable PDF",
        };
        Error {
            kind,
            message: format!("{prefix}: {message}"),
        }
    }
}

/// Reads the positioned text of every page of `pdf`.
pub fn extract(pdf: &[u8], options: &Options) -> Result<Layout, Error> {
    let document::Opened { doc, notes } = document::open(pdf, options)?;
    let mut layout = Layout::default();
    for note in notes {
        layout
            .diagnostics
            .push(Diagnostic::new(DiagnosticKind::Repaired, None, note));
    }
    let list = pages::pages(&doc);
    if list.repeats > 0 {
        layout.diagnostics.push(Diagnostic::new(
            DiagnosticKind::BrokenObject,
            None,
            format!(
                "the page tree names {} pages or nodes again (a cycle); each page is read once",
                list.repeats
            ),
        ));
    }
    if list.broken > 0 {
        layout.diagnostics.push(Diagnostic::new(
            DiagnosticKind::BrokenObject,
            None,
            format!(
                "the page tree has {} kids that are missing or neither page nor node",
                list.broken
            ),
        ));
    }
    if list.restored > 0 {
        layout.diagnostics.push(Diagnostic::new(
            DiagnosticKind::Repaired,
            None,
            format!(
                "{} page objects that the damaged page tree lost are read in file order",
                list.restored
            ),
        ));
    }
    if list.scanned && !list.ids.is_empty() {
        layout.diagnostics.push(Diagnostic::new(
            DiagnosticKind::Repaired,
            None,
            "no usable page tree; the pages are the file's page objects in file order",
        ));
    }
    let page_ids = list.ids;
    if !page_ids.iter().any(|&id| doc.get_dictionary(id).is_ok()) {
        return Err(Error::new(
            ErrorKind::Unreadable,
            "no pages found".to_string(),
        ));
    }
    let limits = &options.limits;
    if page_ids.len() > limits.max_pages {
        layout.diagnostics.push(Diagnostic::new(
            DiagnosticKind::LimitReached,
            None,
            format!(
                "{} pages; only the first {} are read",
                page_ids.len(),
                limits.max_pages
            ),
        ));
    }
    let pages: Vec<(usize, ObjectId)> = page_ids
        .into_iter()
        .take(limits.max_pages)
        .enumerate()
        .collect();
    // (A one-page document starts no workers: starting them costs more than it saves.)
    let laid = if pages.len() <= 1 || rayon::current_num_threads() <= 1 {
        read_pages(&doc, &pages, limits, false)
    } else {
        // On a worker of the pool (the calling thread waits): no more threads run than the
        // pool has, the one interpreting among them.
        rayon::scope(|_| read_pages(&doc, &pages, limits, true))
    };
    layout.pages.extend(laid);
    layout::assign_furniture(&mut layout);
    Ok(layout)
}

/// The pages of `doc`, interpreted and laid out; laid out in `parallel` by the pool's workers
/// too (run on one of them).
fn read_pages(
    doc: &lopdf::Document,
    pages: &[(usize, ObjectId)],
    limits: &Limits,
    parallel: bool,
) -> Vec<Page> {
    let mut fonts = interpret::FontCache::default();
    let source = budget::Source::new(doc, limits);
    // Pages are interpreted one after another (the decoding budget and the fonts are the
    // document's); each page's layout depends on its glyphs alone, so layouts are made in
    // parallel when there are workers, and every page keeps its place.
    let interpret = |&(index, id): &(usize, ObjectId), fonts: &mut interpret::FontCache| {
        let number = index as u32 + 1;
        match document::page_info(doc, id) {
            Some(info) => Shown::Text(Box::new(read_page(&source, &info, number, limits, fonts))),
            None => Shown::Page(broken_page(number, id)),
        }
    };
    // Pages are kept as interpreted, up to a bound, for a second layout (below).
    let mut kept_bytes = 0;
    let first = pages.iter().map(|page| {
        let mut shown = interpret(page, &mut fonts);
        let keep = kept_bytes + shown.bytes() <= KEPT_BYTES;
        if keep {
            // (Room reserved for the glyphs, and not used, is given back.)
            shown.shrink();
            kept_bytes += shown.bytes();
        }
        (shown, Vec::new(), keep)
    });
    let mut laid = lay_out_in_order(first, parallel);
    // A page with a line running across a column edge the document's pages were cut at
    // is laid out again on their grid (rarely: a short last page; every page of a table
    // whose columns the pages were cut at differently).
    let document_edges = distinct_edges(&laid);
    let again: Vec<(usize, &(usize, ObjectId), Vec<layout::ColumnEdge>)> = (laid.iter())
        .zip(pages)
        .enumerate()
        .map(|(k, ((first, _, _), page))| {
            // Another page's edges: not those only this page was cut at.
            let others: Vec<layout::ColumnEdge> = document_edges
                .iter()
                .filter(|(_, only)| *only != Some(k))
                .map(|(edge, _)| *edge)
                .collect();
            (k, page, crossed_edges(&others, first))
        })
        .filter(|(_, _, grid)| !grid.is_empty())
        .collect();
    let mut kept: Vec<Option<Shown>> = (laid.iter_mut()).map(|slot| slot.2.take()).collect();
    let relaid = lay_out_in_order(
        (again.iter()).map(|(k, page, grid)| {
            let shown = (kept.get_mut(*k).and_then(Option::take))
                .unwrap_or_else(|| interpret(page, &mut fonts));
            (shown, grid.clone(), false)
        }),
        parallel,
    );
    drop(kept);
    for ((k, _, _), (page, _, _)) in again.iter().zip(relaid) {
        if let Some(slot) = laid.get_mut(*k) {
            slot.0 = page;
        }
    }
    laid.into_iter().map(|(page, _, _)| page).collect()
}

/// A page laid out, the column edges it was cut at, and the page as interpreted where it
/// was kept.
type Laid = (Page, Vec<layout::ColumnEdge>, Option<Shown>);

/// Lays out the pages of `jobs` (each a page as interpreted, the grid to lay it out on,
/// and whether to keep it as interpreted), in `parallel` by the pool's workers when asked:
/// the pages are interpreted one after another, as `jobs` gives them, and each is laid out
/// when a worker is free, or here when they all have work enough (memory stays bounded).
/// In the order of `jobs`.
fn lay_out_in_order(
    jobs: impl ExactSizeIterator<Item = (Shown, Vec<layout::ColumnEdge>, bool)>,
    parallel: bool,
) -> Vec<Laid> {
    let lay_out = |shown: Shown, grid: &[layout::ColumnEdge], keep: bool| {
        let (page, edges) = shown.lay_out(grid);
        (page, edges, keep.then_some(shown))
    };
    if !parallel {
        return jobs
            .map(|(shown, grid, keep)| lay_out(shown, &grid, keep))
            .collect();
    }
    let slots: Vec<OnceLock<Laid>> = (0..jobs.len()).map(|_| OnceLock::new()).collect();
    let waiting = AtomicUsize::new(0);
    let backlog = 4 * rayon::current_num_threads();
    rayon::in_place_scope(|scope| {
        for ((shown, grid, keep), slot) in jobs.zip(&slots) {
            if waiting.load(Ordering::Acquire) >= backlog {
                let _ = slot.set(lay_out(shown, &grid, keep));
                continue;
            }
            waiting.fetch_add(1, Ordering::AcqRel);
            let waiting = &waiting;
            scope.spawn(move |_| {
                let _ = slot.set(lay_out(shown, &grid, keep));
                waiting.fetch_sub(1, Ordering::AcqRel);
            });
        }
    });
    slots.into_iter().filter_map(OnceLock::into_inner).collect()
}

/// Bytes of the pages kept as interpreted for a second layout, at most: the pages after
/// them are interpreted again if they are laid out again.
const KEPT_BYTES: usize = 6 << 20;

/// A page as interpreted: its glyphs to lay out, or a page that could not be read.
enum Shown {
    Text(Box<(interpret::PageText, u32, f32, f32, u16)>),
    Page(Page),
}

impl Shown {
    /// The page laid out on the document's `grid`, with the column edges it was cut at.
    fn lay_out(&self, grid: &[layout::ColumnEdge]) -> (Page, Vec<layout::ColumnEdge>) {
        match self {
            Shown::Text(shown) => {
                let (text, number, width, height, rotation) = &**shown;
                let (mut page, edges) = layout::build_page(text, *number, *width, *height, grid);
                page.rotation = *rotation;
                (page, edges)
            }
            Shown::Page(page) => (page.clone(), Vec::new()),
        }
    }

    /// The bytes its glyphs, text and rules take (with the room reserved for more).
    fn bytes(&self) -> usize {
        match self {
            Shown::Text(shown) => {
                let text = &shown.0;
                text.glyphs.capacity() * size_of::<interpret::Glyph>()
                    + text.text.capacity()
                    + text.rules.capacity() * size_of::<paths::Rule>()
            }
            Shown::Page(_) => 0,
        }
    }

    /// Gives back the room reserved for more glyphs, text and rules.
    fn shrink(&mut self) {
        if let Shown::Text(shown) = self {
            let text = &mut shown.0;
            text.glyphs.shrink_to_fit();
            text.text.shrink_to_fit();
            text.rules.shrink_to_fit();
        }
    }
}

/// Column edges this close are one.
const SAME_EDGE_PT: f32 = 0.5;

/// The column edges the pages were cut at, each once (the first page's of those that
/// share it), with the page that was cut at it where only one was.
fn distinct_edges(laid: &[Laid]) -> Vec<(layout::ColumnEdge, Option<usize>)> {
    let mut out: Vec<(layout::ColumnEdge, Option<usize>)> = Vec::new();
    for (k, (_, edges, _)) in laid.iter().enumerate() {
        for edge in edges {
            match out
                .iter_mut()
                .find(|(e, _)| (e.x - edge.x).abs() <= SAME_EDGE_PT)
            {
                Some((_, only)) if *only != Some(k) => *only = None,
                Some(_) => {}
                None => out.push((*edge, Some(k))),
            }
        }
    }
    out
}

/// The document's column edges that a line of `page` runs across, half a gutter or more
/// before a word starting at the edge, where more of its lines start at the edge than run
/// across it (a column's lines, one of them merged with a line beside it; not a table's
/// rows, each across its columns): the grid to lay the page out again on (empty: its
/// layout stands).
fn crossed_edges(document: &[layout::ColumnEdge], page: &Page) -> Vec<layout::ColumnEdge> {
    document
        .iter()
        .filter(|e| {
            let at_edge = |w: &kamerbrief_model::Word| (w.bbox.x0 - e.x).abs() <= SAME_EDGE_PT;
            let across = page
                .lines
                .iter()
                .filter(|l| {
                    l.words.windows(2).any(|pair| {
                        matches!(pair, [before, at] if at_edge(at)
                            && at.bbox.x0 - before.bbox.x1 >= 0.5 * e.gutter)
                    })
                })
                .count();
            let starting = page
                .lines
                .iter()
                .filter(|l| l.words.first().is_some_and(at_edge))
                .count();
            across > 0 && across < starting
        })
        .copied()
        .collect()
}

fn broken_page(number: u32, id: ObjectId) -> Page {
    Page {
        number,
        width: 612.0,
        height: 792.0,
        diagnostics: vec![Diagnostic::new(
            DiagnosticKind::BrokenObject,
            Some(number),
            format!("page object {} {} unreadable", id.0, id.1),
        )],
        ..Page::default()
    }
}

/// A page's glyphs, with its number, size and rotation.
fn read_page(
    doc: &budget::Source<'_>,
    info: &document::PageInfo<'_>,
    number: u32,
    limits: &Limits,
    fonts: &mut interpret::FontCache,
) -> (interpret::PageText, u32, f32, f32, u16) {
    let mut interpreter = interpret::Interpreter::new(doc, limits, fonts, number, info.matrix);
    let mut content = Vec::new();
    let (streams, missing) = document::content_streams(doc, info.dict);
    if missing > 0 {
        interpreter.note(
            DiagnosticKind::BrokenObject,
            format!("{missing} content streams missing or unreadable"),
        );
    }
    for stream in streams {
        if let Some(data) = interpreter.decompress(stream) {
            // Nothing came out of a stream that has bytes, or whose /Length lies: lost content.
            if data.is_empty()
                && (!stream.content.is_empty() || !document::has_valid_length(doc, stream))
            {
                interpreter.note(
                    DiagnosticKind::BrokenObject,
                    "a content stream has no readable data (broken filter data or /Length)"
                        .to_string(),
                );
            }
            content.extend_from_slice(&data);
            content.push(b'\n');
        }
    }
    let text = interpreter.run_page(&content, info.resources);
    (text, number, info.width, info.height, info.rotation)
}
