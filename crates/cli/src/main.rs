//! `kamerbrief`: the PDF of a Dutch government letter to parliament as structured data.
//!
//! Exit codes: 0 success; 1 usage or I/O error; 2 not a PDF, or too damaged to read;
//! 3 a password is needed or the one given is wrong; 4 (batch) some files failed.

mod batch;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kamerbrief_extract::{ErrorKind, Options};
use kamerbrief_model::Layout;

// A process per file spends a tenth of its instructions in the system allocator; mimalloc's
// small-object paths are several times shorter (`cargo xtask bench`, callgrind).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "kamerbrief",
    version,
    about = "Turn the PDF of a Dutch government letter to parliament into structured data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Positioned text of every page: lines in reading order, furniture marked.
    Extract {
        /// The PDF to read (`-` for standard input).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        /// User password of an encrypted PDF.
        #[arg(long)]
        password: Option<String>,
        /// Threads that read the pages (default: all cores; 1: one after another).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// The letter as data: metadata, sections, lists, footnotes, signatories, references,
    /// recommendations, questions.
    Parse {
        /// The PDF (or text) to read (`-` for standard input).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
        format: ParseFormat,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// What the input is; by default a `.txt` file is text, anything else a PDF.
        #[arg(long, value_enum)]
        input: Option<Input>,
        /// User password of an encrypted PDF.
        #[arg(long)]
        password: Option<String>,
        /// Threads that read the pages (default: all cores; 1: one after another).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Many PDFs in parallel: one JSON record per file and line, in a stable order.
    Batch {
        /// PDF files, or directories to search for `*.pdf`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Write the JSON lines here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Password tried for encrypted files.
        #[arg(long)]
        password: Option<String>,
        /// Write each file's layout (extraction only) instead of the parsed letter.
        #[arg(long)]
        layout: bool,
    },
    /// An SVG of a page: every line's box, coloured by what the parser made of it.
    Show {
        file: PathBuf,
        /// The page to draw (1-based).
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Where to write the SVG (`-` for standard output).
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
        #[arg(long)]
        password: Option<String>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ParseFormat {
    Json,
    Markdown,
    Text,
    /// The recommendations table alone.
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Input {
    Pdf,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

/// A failure for people: the file, the reason, and the exit code.
struct Failure {
    file: PathBuf,
    message: String,
    code: u8,
}

impl Failure {
    fn new(file: &Path, message: impl Into<String>, code: u8) -> Failure {
        Failure {
            file: file.to_path_buf(),
            message: message.into(),
            code,
        }
    }
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Extract {
            file,
            format,
            password,
            jobs,
        } => {
            workers(jobs);
            extract(&file, format, password)
        }
        Command::Parse {
            file,
            format,
            output,
            input,
            password,
            jobs,
        } => {
            workers(jobs);
            parse(&file, format, output.as_deref(), input, password)
        }
        Command::Batch {
            inputs,
            output,
            jobs,
            password,
            layout,
        } => return batch::run(&inputs, output.as_deref(), jobs, password, layout),
        Command::Show {
            file,
            page,
            output,
            password,
        } => show(&file, page, &output, password),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("kamerbrief: {}: {}", f.file.display(), f.message);
            ExitCode::from(f.code)
        }
    }
}

/// The number of threads that read a document's pages (`--jobs`); without it, rayon's
/// default (all cores, or `RAYON_NUM_THREADS`).
fn workers(jobs: Option<usize>) {
    if let Some(n) = jobs {
        // Fails only when the pool was already started, which it is not at this point.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
}

fn extract(file: &Path, format: ExtractFormat, password: Option<String>) -> Result<(), Failure> {
    let layout = read_layout(file, Some(Input::Pdf), password)?;
    let out = match format {
        ExtractFormat::Text => layout_text(&layout),
        ExtractFormat::Json => serde_json::to_string_pretty(&layout).unwrap_or_default() + "\n",
    };
    exit_without_freeing(layout);
    write_output(file, None, &out)
}

/// Leaves a one-file command's data to the end of the process, which frees it at once:
/// freeing it piece by piece cost the replica half a per cent of its instructions.
fn exit_without_freeing<T>(data: T) {
    std::mem::forget(data);
}

fn parse(
    file: &Path,
    format: ParseFormat,
    output: Option<&Path>,
    input: Option<Input>,
    password: Option<String>,
) -> Result<(), Failure> {
    let layout = read_layout(file, input, password)?;
    let parsed = kamerbrief_parse::parse(&layout);
    let out = match format {
        ParseFormat::Json => kamerbrief_parse::render::json(&parsed),
        ParseFormat::Markdown => kamerbrief_parse::render::markdown(&parsed.letter),
        ParseFormat::Text => kamerbrief_parse::render::text(&parsed.letter),
        ParseFormat::Csv => kamerbrief_parse::render::csv(&parsed.letter),
    };
    exit_without_freeing((layout, parsed));
    write_output(file, output, &out)
}

fn show(file: &Path, page: u32, output: &Path, password: Option<String>) -> Result<(), Failure> {
    let layout = read_layout(file, Some(Input::Pdf), password)?;
    let (_, annotations) = kamerbrief_parse::parse_annotated(&layout);
    let svg = kamerbrief_parse::svg::page_svg(&layout, &annotations, page).ok_or_else(|| {
        Failure::new(
            file,
            format!("no page {page} (the document has {})", layout.pages.len()),
            1,
        )
    })?;
    write_output(file, Some(output), &svg)
}

/// The layout of a PDF, or of text lines (`--input text`, or a `.txt` file).
fn read_layout(
    file: &Path,
    input: Option<Input>,
    password: Option<String>,
) -> Result<Layout, Failure> {
    let bytes = read_input(file).map_err(|e| Failure::new(file, e.to_string(), 1))?;
    let is_text = input.map_or(file.extension().is_some_and(|e| e == "txt"), |i| {
        i == Input::Text
    });
    if is_text {
        return Ok(Layout::from_text(&String::from_utf8_lossy(&bytes)));
    }
    kamerbrief_extract::extract(
        &bytes,
        &Options {
            password,
            ..Options::default()
        },
    )
    .map_err(|e| Failure::new(file, e.to_string(), exit_code(e.kind)))
}

fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::PasswordRequired | ErrorKind::WrongPassword => 3,
        _ => 2,
    }
}

fn read_input(file: &Path) -> std::io::Result<Vec<u8>> {
    if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(file)
    }
}

fn write_output(file: &Path, output: Option<&Path>, text: &str) -> Result<(), Failure> {
    let written = match output {
        Some(path) if path.as_os_str() != "-" => std::fs::write(path, text),
        _ => std::io::stdout().write_all(text.as_bytes()),
    };
    written.map_err(|e| Failure::new(file, format!("cannot write the output: {e}"), 1))
}

/// One line per text line: page, role (furniture marked), text.
fn layout_text(layout: &Layout) -> String {
    use std::fmt::Write as _;
    // (Written into one string: a long document has hundreds of thousands of lines.)
    let mut out = String::new();
    for page in &layout.pages {
        for line in &page.lines {
            let _ = write!(out, "{:>3} ", page.number);
            if line.role.is_furniture() {
                let _ = write!(out, "[{}] ", line.role.as_str());
            }
            line.push_text(&mut out);
            out.push('\n');
        }
        for d in &page.diagnostics {
            let _ = writeln!(out, "{:>3} ! {d}", page.number);
        }
    }
    for d in &layout.diagnostics {
        let _ = writeln!(out, "  ! {d}");
    }
    out
}
