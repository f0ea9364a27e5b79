//! (c) Walk the model to export something of your own: here a CSV of every signatory, the
//! Kamerstukken the letter cites, and where each stands in the PDF.
//!
//! ```sh
//! cargo run -p kamerbrief-parse --example export_signatories -- fixtures/navo2030/navo2030.pdf
//! ```

use kamerbrief_model::Letter;

pub fn run(path: &str) -> Result<String, Box<dyn std::error::Error>> {
    let pdf = std::fs::read(path)?;
    let layout = kamerbrief_extract::extract(&pdf, &Default::default())?;
    Ok(export(&kamerbrief_parse::parse(&layout).letter))
}

/// `kind,text,page,where`: signatories and cited Kamerstukken.
pub fn export(letter: &Letter) -> String {
    let mut out = String::from("kind,text,page,where\n");
    for s in &letter.signatories {
        let b = s.bbox;
        out.push_str(&format!(
            "signatory,\"{} — {}\",{},\"{:.0},{:.0}-{:.0},{:.0}\"\n",
            s.role,
            s.name.as_deref().unwrap_or("?"),
            s.page,
            b.x0,
            b.y0,
            b.x1,
            b.y1
        ));
    }
    for r in &letter.references {
        let block = letter
            .sections
            .get(r.anchor.section)
            .and_then(|s| s.blocks.get(r.anchor.block));
        let page = block.map_or(0, |b| b.page);
        out.push_str(&format!(
            "reference,{},{page},\"section {} block {}\"\n",
            r.id.as_deref().unwrap_or("?"),
            r.anchor.section,
            r.anchor.block
        ));
    }
    out
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fixtures/navo2030/navo2030.pdf".into());
    print!("{}", run(&path)?);
    Ok(())
}
