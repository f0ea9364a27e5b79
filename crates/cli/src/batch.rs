//! `kamerbrief batch`: many files in parallel, one JSON record per line, in input order.
//!
//! Files are processed in windows of a few per worker, so memory stays flat however many
//! files there are, and each window is written in order as soon as it is done.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use kamerbrief_extract::Options;
use rayon::prelude::*;
use serde::Serialize;

/// Files per worker in one window.
const WINDOW_PER_JOB: usize = 8;

/// One line of the output.
#[derive(Serialize)]
struct Record<'a> {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    letter: Option<&'a kamerbrief_model::Parsed>,
    #[serde(skip_serializing_if = "Option::is_none")]
    layout: Option<&'a kamerbrief_model::Layout>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

struct Outcome {
    line: String,
    pages: usize,
    /// `file: reason`, for stderr.
    error: Option<String>,
}

pub fn run(
    inputs: &[PathBuf],
    output: Option<&Path>,
    jobs: Option<usize>,
    password: Option<String>,
    layout_only: bool,
) -> ExitCode {
    let files = match collect(inputs) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("kamerbrief: {e}");
            return ExitCode::from(1);
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("kamerbrief: cannot start workers: {e}");
            return ExitCode::from(1);
        }
    };
    let mut sink: Box<dyn Write> = match output {
        Some(path) if path.as_os_str() != "-" => match std::fs::File::create(path) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("kamerbrief: {}: {e}", path.display());
                return ExitCode::from(1);
            }
        },
        _ => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let progress = if std::io::stderr().is_terminal() {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let options = Options {
        password,
        ..Options::default()
    };
    let started = Instant::now();
    let (mut pages, mut failures) = (0usize, 0usize);
    let window = pool.current_num_threads().max(1) * WINDOW_PER_JOB;
    for chunk in files.chunks(window) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_iter()
                .map(|f| process(f, &options, layout_only))
                .collect()
        });
        for o in outcomes {
            pages += o.pages;
            if let Some(error) = &o.error {
                failures += 1;
                progress.suspend(|| eprintln!("kamerbrief: {error}"));
            }
            if writeln!(sink, "{}", o.line).is_err() {
                eprintln!("kamerbrief: cannot write the output");
                return ExitCode::from(1);
            }
        }
        progress.inc(chunk.len() as u64);
    }
    progress.finish_and_clear();
    if sink.flush().is_err() {
        eprintln!("kamerbrief: cannot write the output");
        return ExitCode::from(1);
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "kamerbrief: {} files, {pages} pages, {failures} failed, {:.0} pages/s ({:.1} s, {} workers)",
        files.len(),
        pages as f64 / seconds.max(1e-9),
        seconds,
        pool.current_num_threads()
    );
    if failures > 0 {
        ExitCode::from(4)
    } else {
        ExitCode::SUCCESS
    }
}

fn process(file: &Path, options: &Options, layout_only: bool) -> Outcome {
    let name = file.display().to_string();
    let failed = |error: String| Outcome {
        line: serde_json::to_string(&Record {
            file: name.clone(),
            pages: None,
            letter: None,
            layout: None,
            error: Some(error.clone()),
        })
        .unwrap_or_default(),
        pages: 0,
        error: Some(format!("{name}: {error}")),
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return failed(e.to_string()),
    };
    let layout = match kamerbrief_extract::extract(&bytes, options) {
        Ok(layout) => layout,
        Err(e) => return failed(e.to_string()),
    };
    let pages = layout.pages.len();
    let line = if layout_only {
        serde_json::to_string(&Record {
            file: name,
            pages: Some(pages),
            letter: None,
            layout: Some(&layout),
            error: None,
        })
    } else {
        let parsed = kamerbrief_parse::parse(&layout);
        serde_json::to_string(&Record {
            file: name,
            pages: Some(pages),
            letter: Some(&parsed),
            layout: None,
            error: None,
        })
    };
    Outcome {
        line: line.unwrap_or_default(),
        pages,
        error: None,
    }
}

/// The files named, and the `*.pdf` files under directories named, in sorted order.
fn collect(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found, 0).map_err(|e| format!("{}: {e}", input.display()))?;
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    if depth > 32 {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out, depth + 1)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
    Ok(())
}
