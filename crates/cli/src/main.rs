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
                Err(e) => {
                    let code = match e.kind {
                        ErrorKind::PasswordRequired | ErrorKind::WrongPassword => 3,
                        _ => 2,
                    };
                    return fail(&file, &e.to_string(), code);
                }
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
