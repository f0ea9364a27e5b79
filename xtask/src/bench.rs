//! `cargo xtask bench`: throughput against pdftotext and mutool, measured in the same run.
//!
//! Runs itself in release mode (in-process measurements need optimised code). Reports
//! medians and spreads over several runs, pages per second and MB per second, the ratio of
//! ours to theirs, peak memory (RSS), the scaling of a 1,000-page letter, and batch speed-up
//! from one to two workers. Nothing here is asserted: the benchmark is the measurement.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::instructions::{self, Counter, millions};

const USAGE: &str = "usage: cargo xtask bench [--runs N] [--md FILE] [--per-process]";

/// The fixed sample of corpus files whose instructions are counted one process per file
/// (Dutch letters first, then other producers and layouts).
const SAMPLE: &[&str] = &[
    "nl-tk__1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf",
    "nl-tk__1c0f765c-d7b4-455e-a241-35a4e9a9dc36.pdf",
    "nl-tk__1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf",
    "nl-openkamer__besluitenlijst_example1.pdf",
    "nl-woo__10999.pdf",
    "pdfminer__naacl06-shinyama.pdf",
    "plumber__federal-register-2020-17221.pdf",
    "docling__multi_page.pdf",
    "pypdf__multicolumn.pdf",
    "pdfjs__standard_fonts.pdf",
];

pub fn run(args: &[String]) -> crate::Result {
    if cfg!(debug_assertions) {
        // Re-run optimised.
        let status = Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--release", "-p", "xtask", "--", "bench"])
            .args(args)
            .current_dir(crate::root())
            .status()
            .map_err(|e| format!("cargo: {e}"))?;
        return if status.success() {
            Ok(())
        } else {
            Err("the release benchmark failed".into())
        };
    }
    let mut runs = 5usize;
    let mut md: Option<PathBuf> = None;
    let mut per_process_only = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).ok_or(USAGE)?,
            "--md" => md = Some(PathBuf::from(it.next().ok_or(USAGE)?)),
            "--per-process" => per_process_only = true,
            _ => return Err(USAGE.into()),
        }
    }
    let root = crate::root();
    ensure_tools()?;
    build_cli(&root)?;
    let cli = root.join("target/release/kamerbrief");
    let corpus = corpus_files(&root)?;
    let replica = root.join("fixtures/navo2030/navo2030.pdf");
    let mut report = String::new();
    report.push_str(&machine());

    // 0. One process per file, the common call: instructions and wall time.
    report.push_str(&per_process(&root, &cli, &replica, &corpus, runs)?);
    if per_process_only {
        println!("{report}");
        if let Some(path) = md {
            std::fs::write(&path, &report).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        return Ok(());
    }

    // 1. The replica, in process, warm.
    let bytes = read(&replica)?;
    let warm = |f: &dyn Fn()| {
        f();
        median_spread(&(0..runs.max(20)).map(|_| time(f)).collect::<Vec<_>>())
    };
    let extract_only = warm(&|| {
        let _ = kamerbrief_extract::extract(&bytes, &Default::default());
    });
    let end_to_end = warm(&|| {
        if let Ok(layout) = kamerbrief_extract::extract(&bytes, &Default::default()) {
            let _ = kamerbrief_parse::render::json(&kamerbrief_parse::parse(&layout));
        }
    });
    let replica_rss = rss_of(
        &cli,
        &[
            "parse".as_ref(),
            replica.as_os_str(),
            "-o".as_ref(),
            "/dev/null".as_ref(),
        ],
    )?;
    report.push_str(&format!(
        "\n### The replica (11 pages), in process, warm, {} runs\n\n| step | median | spread |\n|---|---:|---:|\n| extract | {} | {} |\n| extract + parse + JSON | {} | {} |\n\nPeak RSS of `kamerbrief parse` on it: {:.1} MiB.\n",
        runs.max(20),
        ms(extract_only.0),
        spread(extract_only),
        ms(end_to_end.0),
        spread(end_to_end),
        replica_rss as f64 / 1024.0
    ));

    // 2. Scaling: the letter repeated to 1,001 pages.
    let long = root.join("target/bench/navo-1001.pdf");
    make_long_letter(&replica, &long)?;
    let long_bytes = read(&long)?;
    let long_time = median_spread(
        &(0..runs.clamp(1, 3))
            .map(|_| {
                time(&|| {
                    if let Ok(layout) =
                        kamerbrief_extract::extract(&long_bytes, &Default::default())
                    {
                        let _ = kamerbrief_parse::render::json(&kamerbrief_parse::parse(&layout));
                    }
                })
            })
            .collect::<Vec<_>>(),
    );
    let long_rss = rss_of(
        &cli,
        &[
            "parse".as_ref(),
            long.as_os_str(),
            "-o".as_ref(),
            "/dev/null".as_ref(),
        ],
    )?;
    // Extraction of the long letter with one and two workers laying out pages.
    let extract_jobs = |jobs: &'static str| {
        let (cli, long) = (cli.clone(), long.clone());
        move || {
            let mut cmd = Command::new(&cli);
            cmd.args(["extract", "--jobs", jobs]).arg(&long);
            run_quiet(cmd)
        }
    };
    let jobs1 = measure(runs.clamp(1, 3), extract_jobs("1"))?;
    let jobs2 = measure(runs.clamp(1, 3), extract_jobs("2"))?;
    let per_page_short = end_to_end.0.as_secs_f64() / 11.0;
    let per_page_long = long_time.0.as_secs_f64() / 1001.0;
    report.push_str(&format!(
        "\n### Scaling: the letter repeated to 1,001 pages\n\n| letter | pages | median | per page |\n|---|---:|---:|---:|\n| replica | 11 | {} | {:.3} ms |\n| repeated | 1,001 | {} | {:.3} ms |\n\nPer-page cost ratio (long / short): {:.2}. Peak RSS on the 1,001-page letter: {:.1} MiB.\n",
        ms(end_to_end.0),
        per_page_short * 1e3,
        ms(long_time.0),
        per_page_long * 1e3,
        per_page_long / per_page_short,
        long_rss as f64 / 1024.0
    ));
    report.push_str(&format!(
        "\n`kamerbrief extract` on the 1,001-page letter (one process): {} with one worker, {} with two ({:.2}× faster; wall time, noisy on a shared machine).\n",
        ms(jobs1.0),
        ms(jobs2.0),
        jobs1.0.as_secs_f64() / jobs2.0.as_secs_f64().max(1e-9)
    ));

    // 3. The corpus, single-threaded: ours (one process, and one process per file) against
    //    pdftotext and mutool (one process per file, as they are used).
    let pages: usize = corpus.iter().map(|c| c.pages).sum();
    let megabytes: f64 = corpus.iter().map(|c| c.bytes as f64).sum::<f64>() / 1e6;
    let files: Vec<&Path> = corpus.iter().map(|c| c.path.as_path()).collect();
    let mut rows: Vec<(String, (Duration, Duration, Duration), u64)> = Vec::new();
    let batch = |layout: bool| {
        let mut cmd = Command::new(&cli);
        cmd.args(["batch", "--jobs", "1", "-o", "/dev/null"]);
        if layout {
            cmd.arg("--layout");
        }
        cmd.args(&files);
        cmd
    };
    rows.push((
        "kamerbrief batch (extract + parse + JSON)".into(),
        measure(runs, || run_quiet(batch(false)))?,
        rss_cmd(batch(false))?,
    ));
    rows.push((
        "kamerbrief batch --layout (extract + JSON)".into(),
        measure(runs, || run_quiet(batch(true)))?,
        rss_cmd(batch(true))?,
    ));
    let tools: [(&str, &Path, ArgsFn); 3] = [
        ("kamerbrief parse, one process per file", &cli, ours_args),
        (
            "pdftotext, one process per file",
            Path::new("pdftotext"),
            pdftotext_args,
        ),
        (
            "mutool draw -F txt, one process per file",
            Path::new("mutool"),
            mutool_args,
        ),
    ];
    // Interleaved file by file (each file by each tool in turn), so that the machine's
    // drift over a run (other work, clock changes) falls on every tool alike.
    let mut totals = vec![Vec::new(); tools.len()];
    for _ in 0..runs.max(1) {
        let mut run = vec![Duration::ZERO; tools.len()];
        for f in &files {
            for (total, (_, program, args)) in run.iter_mut().zip(&tools) {
                let start = Instant::now();
                let _ = Command::new(program).args(args(f)).output();
                *total += start.elapsed();
            }
        }
        for (times, total) in totals.iter_mut().zip(run) {
            times.push(total);
        }
    }
    for ((name, program, args), times) in tools.iter().zip(&totals) {
        rows.push((
            (*name).into(),
            median_spread(times),
            max_rss_each(program, &files, *args)?,
        ));
    }
    let reference = rows
        .iter()
        .find(|r| r.0.starts_with("pdftotext"))
        .map(|r| r.1.0.as_secs_f64())
        .unwrap_or(1.0);
    let mutool_time = rows
        .iter()
        .find(|r| r.0.starts_with("mutool"))
        .map(|r| r.1.0.as_secs_f64())
        .unwrap_or(1.0);
    report.push_str(&format!(
        "\n### The corpus ({} files, {pages} pages, {megabytes:.1} MB), single-threaded, {runs} runs (one process per file: the three tools interleaved file by file)\n\n| tool | median | spread | pages/s | MB/s | × pdftotext | × mutool | peak RSS |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
        corpus.len()
    ));
    for (name, t, rss) in &rows {
        let secs = t.0.as_secs_f64();
        report.push_str(&format!(
            "| {name} | {} | {} | {:.0} | {:.1} | {:.2} | {:.2} | {:.1} MiB |\n",
            ms(t.0),
            spread(*t),
            pages as f64 / secs,
            megabytes / secs,
            reference / secs,
            mutool_time / secs,
            *rss as f64 / 1024.0
        ));
    }

    // 4. Batch over the corpus repeated 20 times: one and two workers.
    let repeated: Vec<&Path> = (0..20).flat_map(|_| files.iter().copied()).collect();
    let out1 = root.join("target/bench/batch-1.jsonl");
    let out2 = root.join("target/bench/batch-2.jsonl");
    let batch_jobs = |jobs: &str, out: &Path| {
        let mut cmd = Command::new(&cli);
        cmd.args(["batch", "--jobs", jobs, "-o"])
            .arg(out)
            .args(&repeated);
        cmd
    };
    let one = measure(1, || run_quiet(batch_jobs("1", &out1)))?;
    let two = measure(1, || run_quiet(batch_jobs("2", &out2)))?;
    let rss1 = rss_cmd(batch_jobs("1", &out1))?;
    let rss2 = rss_cmd(batch_jobs("2", &out2))?;
    let rss_single = rss_cmd(batch(false))?;
    let identical = read(&out1)? == read(&out2)?;
    report.push_str(&format!(
        "\n### Batch: the corpus 20 times ({} files, {} pages)\n\n| workers | time | pages/s | peak RSS |\n|---|---:|---:|---:|\n| 1 | {} | {:.0} | {:.1} MiB |\n| 2 | {} | {:.0} | {:.1} MiB |\n\nSpeed-up from 1 to 2 workers: {:.2}×. Output of 1 and 2 workers identical: {identical}. \
         Peak RSS over the corpus once: {:.1} MiB, twenty times: {:.1} MiB (flat memory).\n",
        repeated.len(),
        pages * 20,
        ms(one.0),
        (pages * 20) as f64 / one.0.as_secs_f64(),
        rss1 as f64 / 1024.0,
        ms(two.0),
        (pages * 20) as f64 / two.0.as_secs_f64(),
        rss2 as f64 / 1024.0,
        one.0.as_secs_f64() / two.0.as_secs_f64(),
        rss_single as f64 / 1024.0,
        rss1 as f64 / 1024.0,
    ));
    println!("{report}");
    if let Some(path) = md {
        std::fs::write(&path, &report).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Instructions (deterministic) and wall time (noisy) of one process per file: ours,
/// pdftotext and mutool on the replica and the fixed corpus sample; the start-up share on a
/// one-page letter.
fn per_process(
    root: &Path,
    cli: &Path,
    replica: &Path,
    corpus: &[CorpusFile],
    runs: usize,
) -> crate::Result<String> {
    let mut out = String::new();
    let mut files: Vec<(String, PathBuf, usize)> = vec![("replica".into(), replica.into(), 11)];
    for name in SAMPLE {
        if let Some(c) = corpus.iter().find(|c| c.path.ends_with(name)) {
            files.push((
                name.trim_end_matches(".pdf").into(),
                c.path.clone(),
                c.pages,
            ));
        }
    }
    let Some(counter) = Counter::detect() else {
        out.push_str(
            "\nNo instruction counter (install valgrind, or perf): instructions not counted.\n",
        );
        return Ok(out);
    };
    out.push_str(&format!(
        "\n### One process per file: instructions ({})\n\n\
         | file | pages | kamerbrief parse | kamerbrief extract | pdftotext | mutool | parse / pdftotext | extract / pdftotext |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
        counter.name()
    ));
    let mut sums = [0u64; 4];
    for (i, (name, path, pages)) in files.iter().enumerate() {
        let counts = [
            counter.count(cli, &ours_args(path))?,
            counter.count(cli, &extract_args(path))?,
            counter.count(Path::new("pdftotext"), &pdftotext_args(path))?,
            counter.count(Path::new("mutool"), &mutool_args(path))?,
        ];
        if i > 0 {
            for (sum, n) in sums.iter_mut().zip(counts) {
                *sum += n;
            }
        }
        out.push_str(&instruction_row(name, &pages.to_string(), counts));
    }
    let sample_pages: usize = files.iter().skip(1).map(|f| f.2).sum();
    out.push_str(&instruction_row(
        &format!("**sample total ({} files)**", files.len() - 1),
        &sample_pages.to_string(),
        sums,
    ));
    if counter == Counter::Callgrind {
        let page1 = root.join("target/bench/navo-page1.pdf");
        make_page_one(replica, &page1)?;
        let (before, total) = instructions::split_at(
            cli,
            &ours_args(&page1),
            "std::fs::read::inner",
            &root.join("target/bench"),
        )?;
        out.push_str(&format!(
            "\nStart-up: `kamerbrief parse` on a one-page letter (the replica's first page) executes {}, {} ({:.1} %) of them before it opens the file.\n",
            millions(total),
            millions(before),
            100.0 * before as f64 / total.max(1) as f64
        ));
    }

    let rows = crate::scaling::measure(cli, &root.join("target/bench"), counter)?;
    out.push_str(&crate::scaling::report(&rows, counter));

    // Wall time, the same files, the three tools interleaved run by run.
    let rounds = runs.max(15);
    out.push_str(&format!(
        "\n### One process per file: wall time, interleaved, median of {rounds} runs (noisy on a shared machine)\n\n\
         | file | kamerbrief parse | pdftotext | mutool | pdftotext / ours |\n|---|---:|---:|---:|---:|\n"
    ));
    for (name, path, _) in files.iter().take(1) {
        let mut times: [Vec<Duration>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for _ in 0..rounds {
            let commands: [(&Path, Vec<std::ffi::OsString>); 3] = [
                (cli, ours_args(path)),
                (Path::new("pdftotext"), pdftotext_args(path)),
                (Path::new("mutool"), mutool_args(path)),
            ];
            for ((program, args), t) in commands.iter().zip(times.iter_mut()) {
                let start = Instant::now();
                let _ = Command::new(program).args(args).output();
                t.push(start.elapsed());
            }
        }
        let [ours, pdftotext, mutool] = times.map(|t| median_spread(&t).0);
        out.push_str(&format!(
            "| {name} | {} | {} | {} | {:.2} |\n",
            ms(ours),
            ms(pdftotext),
            ms(mutool),
            pdftotext.as_secs_f64() / ours.as_secs_f64().max(1e-9)
        ));
    }
    Ok(out)
}

fn instruction_row(
    name: &str,
    pages: &str,
    [parse, extract, pdftotext, mutool]: [u64; 4],
) -> String {
    let ratio = |n: u64| n as f64 / pdftotext.max(1) as f64;
    format!(
        "| {name} | {pages} | {} | {} | {} | {} | {:.2} | {:.2} |\n",
        millions(parse),
        millions(extract),
        millions(pdftotext),
        millions(mutool),
        ratio(parse),
        ratio(extract)
    )
}

/// The replica's first page alone, with qpdf: a one-page letter.
fn make_page_one(replica: &Path, out: &Path) -> crate::Result {
    if out.exists() {
        return Ok(());
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    let ok = Command::new("qpdf")
        .arg("--empty")
        .arg("--pages")
        .arg(replica)
        .arg("1")
        .arg("--")
        .arg(out)
        .status()
        .map_err(|e| format!("qpdf: {e} (apt-get install qpdf)"))?
        .success();
    if ok {
        Ok(())
    } else {
        Err("qpdf could not cut the first page".into())
    }
}

struct CorpusFile {
    path: PathBuf,
    pages: usize,
    bytes: u64,
}

/// The corpus files with their page counts (from MANIFEST.tsv).
fn corpus_files(root: &Path) -> crate::Result<Vec<CorpusFile>> {
    let dir = root.join("../shared/corpus");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv"))
        .map_err(|e| format!("the corpus at {}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (Some(file), Some(pages)) = (cols.first(), cols.get(5)) else {
            continue;
        };
        let path = dir.join(file);
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        out.push(CorpusFile {
            path,
            pages: pages.parse().unwrap_or(0),
            bytes,
        });
    }
    Ok(out)
}

fn ensure_tools() -> crate::Result {
    let missing: Vec<&str> = [("pdftotext", "poppler-utils"), ("mutool", "mupdf-tools")]
        .into_iter()
        .filter(|(tool, _)| Command::new(tool).arg("-v").output().is_err())
        .map(|(_, package)| package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("installing {}", missing.join(" "));
    let script = format!(
        "apt-get update -q && apt-get install -y -q {}",
        missing.join(" ")
    );
    let ok = Command::new("sh")
        .args(["-c", &script])
        .status()
        .map_err(|e| e.to_string())?
        .success();
    if ok {
        Ok(())
    } else {
        Err(format!("could not install {}", missing.join(" ")))
    }
}

fn build_cli(root: &Path) -> crate::Result {
    let ok = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--release", "-p", "kamerbrief"])
        .current_dir(root)
        .status()
        .map_err(|e| e.to_string())?
        .success();
    if ok {
        Ok(())
    } else {
        Err("cargo build --release failed".into())
    }
}

/// The letter's pages repeated to 1,001 pages, with qpdf.
fn make_long_letter(replica: &Path, out: &Path) -> crate::Result {
    if out.exists() {
        return Ok(());
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    let mut cmd = Command::new("qpdf");
    cmd.arg("--empty").arg("--pages");
    for _ in 0..91 {
        cmd.arg(replica);
    }
    cmd.arg("--").arg(out);
    let ok = cmd
        .status()
        .map_err(|e| format!("qpdf: {e} (apt-get install qpdf)"))?
        .success();
    if ok {
        Ok(())
    } else {
        Err("qpdf could not build the long letter".into())
    }
}

fn read(path: &Path) -> crate::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn time(f: &dyn Fn()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn measure(
    runs: usize,
    f: impl Fn() -> crate::Result,
) -> crate::Result<(Duration, Duration, Duration)> {
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        f()?;
        times.push(start.elapsed());
    }
    Ok(median_spread(&times))
}

/// (median, min, max)
fn median_spread(times: &[Duration]) -> (Duration, Duration, Duration) {
    let mut sorted = times.to_vec();
    sorted.sort();
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
    (
        median,
        sorted.first().copied().unwrap_or_default(),
        sorted.last().copied().unwrap_or_default(),
    )
}

fn run_quiet(mut cmd: Command) -> crate::Result {
    let out = cmd.output().map_err(|e| e.to_string())?;
    // Batch exits 4 when some files fail (the two password files): that is expected.
    match out.status.code() {
        Some(0) | Some(4) => Ok(()),
        _ => Err(format!(
            "{:?} failed: {}",
            cmd,
            String::from_utf8_lossy(&out.stderr)
        )),
    }
}

/// Peak RSS in KiB of a command, from GNU time.
fn rss_cmd(cmd: Command) -> crate::Result<u64> {
    let mut timed = Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg("%M")
        .arg(cmd.get_program())
        .args(cmd.get_args());
    let out = timed.output().map_err(|e| format!("/usr/bin/time: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .ok_or_else(|| format!("no RSS in {stderr}"))
}

fn rss_of(program: &Path, args: &[&std::ffi::OsStr]) -> crate::Result<u64> {
    let mut cmd = Command::new(program);
    cmd.args(args);
    rss_cmd(cmd)
}

type ArgsFn = fn(&Path) -> Vec<std::ffi::OsString>;

fn ours_args(f: &Path) -> Vec<std::ffi::OsString> {
    vec!["parse".into(), f.into(), "-o".into(), "/dev/null".into()]
}

fn extract_args(f: &Path) -> Vec<std::ffi::OsString> {
    vec!["extract".into(), f.into()]
}

fn pdftotext_args(f: &Path) -> Vec<std::ffi::OsString> {
    vec![f.into(), "/dev/null".into()]
}

fn mutool_args(f: &Path) -> Vec<std::ffi::OsString> {
    vec![
        "draw".into(),
        "-q".into(),
        "-F".into(),
        "txt".into(),
        "-o".into(),
        "/dev/null".into(),
        f.into(),
    ]
}

fn max_rss_each(program: &Path, files: &[&Path], args: ArgsFn) -> crate::Result<u64> {
    let mut max = 0;
    for f in files {
        let mut cmd = Command::new(program);
        cmd.args(args(f));
        max = max.max(rss_cmd(cmd).unwrap_or(0));
    }
    Ok(max)
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 100.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{:.2} s", ms / 1e3)
    }
}

fn spread((_, min, max): (Duration, Duration, Duration)) -> String {
    format!("{}–{}", ms(min), ms(max))
}

/// The machine, for the README.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let version = |tool: &str, arg: &str| {
        Command::new(tool).arg(arg).output().ok().map(|o| {
            let text = String::from_utf8_lossy(if o.stdout.is_empty() {
                &o.stderr
            } else {
                &o.stdout
            })
            .into_owned();
            text.lines().next().unwrap_or("").to_string()
        })
    };
    format!(
        "Machine: {cpu}, {cores} cores. Peers: {}, {}.\n",
        version("pdftotext", "-v").unwrap_or_default(),
        version("mutool", "-v").unwrap_or_default()
    )
}
