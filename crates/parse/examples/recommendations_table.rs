//! (a) Parse a PDF and print the recommendations table.
//!
//! ```sh
//! cargo run -p kamerbrief-parse --example recommendations_table -- fixtures/navo2030/navo2030.pdf
//! ```

use kamerbrief_model::Stance;

/// The table for the PDF at `path`: one row per recommendation.
pub fn run(path: &str) -> Result<String, Box<dyn std::error::Error>> {
    let pdf = std::fs::read(path)?;
    let layout = kamerbrief_extract::extract(&pdf, &kamerbrief_extract::Options::default())?;
    let letter = kamerbrief_parse::parse(&layout).letter;
    let mut out = String::new();
    if let Some(body) = &letter.advisory_body {
        out.push_str(&format!("Advisory body: {}\n", body.name));
    }
    out.push_str(&format!(
        "{:<4} {:<10} {:<45} evidence\n",
        "id", "stance", "topic"
    ));
    for r in &letter.recommendations {
        let evidence = r
            .evidence
            .iter()
            .map(|e| format!("{:?}: {}", e.stance, e.cue))
            .collect::<Vec<_>>()
            .join("; ");
        out.push_str(&format!(
            "{:<4} {:<10} {:<45} {evidence}\n",
            r.id,
            stance(r.stance),
            r.topic
        ));
    }
    Ok(out)
}

fn stance(stance: Stance) -> &'static str {
    kamerbrief_parse::render::stance_name(stance)
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fixtures/navo2030/navo2030.pdf".into());
    print!("{}", run(&path)?);
    Ok(())
}
