//! Writes one layout of a source letter as a PDF, to look at:
//!
//! ```sh
//! cargo run -p kamerbrief-testkit --example typeset -- navo "cols=2 gutter=10.0 …" out.pdf
//! ```
//!
//! The parameters are the one-line form the layout test prints; missing keys keep their
//! defaults (`""` is the default layout).

use kamerbrief_testkit::typeset::{Params, letters, typeset};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, params, out] = args.as_slice() else {
        return Err(
            "usage: typeset LETTER PARAMS OUT.pdf (letters: navo, waterwegen, zorg)".into(),
        );
    };
    let letter = letters::all()
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, l)| l)
        .ok_or_else(|| format!("unknown letter {name}"))?;
    let p: Params = params.parse()?;
    let set = typeset(&letter, &p)?;
    std::fs::write(out, &set.pdf).map_err(|e| format!("{out}: {e}"))?;
    println!("{out}: {} pages | {}", set.pages, p.normalized());
    Ok(())
}
