//! `cargo xtask regenerate`: the main job. Reads the replica PDF and writes the letter as
//! data (`data/navo2030.json`, `data/navo2030.md`) and the JSON Schema of that data
//! (`schema/letter.schema.json`). Tests fail when any of them is stale.

use std::path::Path;

/// (input PDF under fixtures/, output stem under data/)
const LETTERS: &[(&str, &str)] = &[("navo2030/navo2030.pdf", "navo2030")];

pub fn run(_args: &[String]) -> crate::Result {
    let root = crate::root();
    for (pdf, stem) in LETTERS {
        let path = root.join("fixtures").join(pdf);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let layout = kamerbrief_extract::extract(&bytes, &Default::default())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let parsed = kamerbrief_parse::parse(&layout);
        let data = root.join("data");
        write(
            &data.join(format!("{stem}.json")),
            &kamerbrief_parse::render::json(&parsed),
        )?;
        write(
            &data.join(format!("{stem}.md")),
            &kamerbrief_parse::render::markdown(&parsed.letter),
        )?;
        for d in &parsed.diagnostics {
            println!("{stem}: {d}");
        }
    }
    write(
        &root.join("schema").join("letter.schema.json"),
        &kamerbrief_model::letter_schema(),
    )
}

fn write(path: &Path, text: &str) -> crate::Result {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}
