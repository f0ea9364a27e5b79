//! `kamerbrief`: the PDF of a Dutch government letter to parliament as structured data.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kamerbrief_extract::{ErrorKind, Options};
use kamerbrief_model::Layout;

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
    },
    /// The letter as data: metadata, sections, lists, footnotes, signatories, references.
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

/// Exit codes: 0 success, 1 usage or I/O error, 2 not a PDF or unreadable, 3 password needed or wrong.
fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse {
            file,
            format,
            output,
            input,
            password,
        } => {
            let bytes = match read_input(&file) {
                Ok(b) => b,
                Err(e) => return fail(&file, &e.to_string(), 1),
            };
            let is_text = input.map_or(file.extension().is_some_and(|e| e == "txt"), |i| {
                i == Input::Text
            });
            let layout = if is_text {
                kamerbrief_model::Layout::from_text(&String::from_utf8_lossy(&bytes))
            } else {
                match kamerbrief_extract::extract(
                    &bytes,
                    &Options {
                        password,
                        ..Options::default()
                    },
                ) {
                    Ok(l) => l,
                    Err(e) => return fail(&file, &e.to_string(), exit_code(e.kind)),
                }
            };
            let parsed = kamerbrief_parse::parse(&layout);
            let out = match format {
                ParseFormat::Json => {
                    serde_json::to_string_pretty(&parsed).unwrap_or_default() + "\n"
                }
                ParseFormat::Markdown => kamerbrief_parse::render::markdown(&parsed.letter),
                ParseFormat::Text => kamerbrief_parse::render::text(&parsed.letter),
                ParseFormat::Csv => kamerbrief_parse::render::csv(&parsed.letter),
            };
            let written = match output {
                Some(path) if path.as_os_str() != "-" => std::fs::write(&path, out),
                _ => std::io::stdout().write_all(out.as_bytes()),
            };
            if let Err(e) = written {
                return fail(&file, &format!("cannot write the output: {e}"), 1);
            }
        }
        Command::Extract {
            file,
            format,
            password,
        } => {
            let bytes = match read_input(&file) {
                Ok(b) => b,
                Err(e) => return fail(&file, &e.to_string(), 1),
            };
            let options = Options {
                password,
                ..Options::default()
            };
            let layout = match kamerbrief_extract::extract(&bytes, &options) {
                Ok(l) => l,
                Err(e) => return fail(&file, &e.to_string(), exit_code(e.kind)),
            };
            let out = match format {
                ExtractFormat::Text => layout_text(&layout),
                ExtractFormat::Json => {
                    serde_json::to_string_pretty(&layout).unwrap_or_default() + "\n"
                }
            };
            if std::io::stdout().write_all(out.as_bytes()).is_err() {
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::PasswordRequired | ErrorKind::WrongPassword => 3,
        _ => 2,
    }
}

fn read_input(file: &PathBuf) -> std::io::Result<Vec<u8>> {
    if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(file)
    }
}

fn fail(file: &std::path::Path, message: &str, code: u8) -> ExitCode {
    eprintln!("kamerbrief: {}: {message}", file.display());
    ExitCode::from(code)
}

/// One line per text line: page, role (furniture marked), text.
fn layout_text(layout: &Layout) -> String {
    let mut out = String::new();
    for page in &layout.pages {
        for line in &page.lines {
            let mark = if line.role.is_furniture() {
                format!("[{}] ", line.role.as_str())
            } else {
                String::new()
            };
            out.push_str(&format!("{:>3} {mark}{}\n", page.number, line.text()));
        }
        for d in &page.diagnostics {
            out.push_str(&format!("{:>3} ! {d}\n", page.number));
        }
    }
    for d in &layout.diagnostics {
        out.push_str(&format!("  ! {d}\n"));
    }
    out
}
