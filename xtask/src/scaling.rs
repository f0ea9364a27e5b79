//! `cargo xtask scaling`: no quadratic pass in extraction. A page with ten times the glyphs
//! (ten times the lines, or lines ten times as long) may cost at most about ten times the
//! instructions, counted deterministically (callgrind, or perf) on `kamerbrief extract`, with
//! the cost of an empty page (process start, opening the file) taken off first.

use std::path::{Path, PathBuf};

use crate::instructions::{Counter, millions};

/// The most a page with 10× the glyphs may cost, in multiples of the page with 1×.
pub const MAX_RATIO: f64 = 11.0;

/// One page of `lines` lines of `columns` characters, in Helvetica, `size` points: a minimal
/// PDF written byte by byte (cross-reference offsets computed).
pub fn page_pdf(lines: usize, columns: usize, size: f32) -> Vec<u8> {
    let width = columns as f32 * size * 0.6 + 72.0;
    let height = lines as f32 * size * 1.2 + 72.0;
    let words = [
        "kamer",
        "brief",
        "over",
        "de",
        "navo",
        "reflectie",
        "groep",
        "advies",
    ];
    let mut content = String::from("BT\n");
    content.push_str(&format!("/F1 {size} Tf\n{} TL\n", size * 1.2));
    content.push_str(&format!("36 {} Td\n", height - 36.0 - size));
    for l in 0..lines {
        let mut line = String::new();
        let mut k = l;
        while line.len() < columns {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(words.get(k % words.len()).copied().unwrap_or("de"));
            k += 3;
        }
        line.truncate(columns);
        content.push_str(&format!("({line}) Tj T*\n"));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// (description, cost of 1×, cost of 10×, ratio) for taller and for wider pages.
pub fn measure(
    cli: &Path,
    dir: &Path,
    counter: Counter,
) -> crate::Result<Vec<(String, u64, u64, f64)>> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let write = |name: &str, bytes: Vec<u8>| -> crate::Result<PathBuf> {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    };
    let count = |path: &Path| {
        counter.count(
            cli,
            &["extract".into(), "--jobs".into(), "1".into(), path.into()],
        )
    };
    let empty = count(&write("scaling-empty.pdf", page_pdf(0, 60, 10.0))?)?;
    let mut out = Vec::new();
    for (name, one, ten) in [
        (
            "ten times the lines (40 → 400 lines of 60 characters)",
            (40, 60),
            (400, 60),
        ),
        (
            "lines ten times as long (40 lines of 60 → 600 characters)",
            (40, 60),
            (40, 600),
        ),
    ] {
        let a = count(&write("scaling-1.pdf", page_pdf(one.0, one.1, 10.0))?)?;
        let b = count(&write("scaling-10.pdf", page_pdf(ten.0, ten.1, 10.0))?)?;
        let ratio = b.saturating_sub(empty) as f64 / a.saturating_sub(empty).max(1) as f64;
        out.push((name.to_string(), a - empty.min(a), b - empty.min(b), ratio));
    }
    Ok(out)
}

/// The report, as Markdown lines.
pub fn report(rows: &[(String, u64, u64, f64)], counter: Counter) -> String {
    let mut out = format!(
        "\n### Scaling of one page ({}, `kamerbrief extract --jobs 1`, an empty page's cost taken off)\n\n| page | 1× | 10× | ratio |\n|---|---:|---:|---:|\n",
        counter.name()
    );
    for (name, a, b, ratio) in rows {
        out.push_str(&format!(
            "| {name} | {} | {} | {ratio:.2} |\n",
            millions(*a),
            millions(*b)
        ));
    }
    out
}

pub fn run(args: &[String]) -> crate::Result {
    if !args.is_empty() {
        return Err("usage: cargo xtask scaling".into());
    }
    let root = crate::root();
    let ok = std::process::Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--release", "-p", "kamerbrief"])
        .current_dir(&root)
        .status()
        .map_err(|e| e.to_string())?
        .success();
    if !ok {
        return Err("cargo build --release failed".into());
    }
    let counter = Counter::detect().ok_or("no instruction counter: install valgrind (or perf)")?;
    let rows = measure(
        &root.join("target/release/kamerbrief"),
        &root.join("target/bench"),
        counter,
    )?;
    print!("{}", report(&rows, counter));
    match rows.iter().find(|r| r.3 > MAX_RATIO) {
        Some(r) => Err(format!(
            "{}: {:.2}× the instructions for 10× the glyphs",
            r.0, r.3
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The synthetic pages read back with every line.
    #[test]
    fn pages_read_back() {
        let pdf = page_pdf(40, 60, 10.0);
        let layout = kamerbrief_extract::extract(&pdf, &Default::default()).unwrap();
        let lines: usize = layout.pages.iter().map(|p| p.lines.len()).sum();
        assert_eq!(lines, 40);
        let text = layout.pages[0].lines[0].text();
        assert_eq!(text.len(), 60, "{text}");
    }
}
