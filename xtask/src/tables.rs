//! `cargo xtask gen-tables`: regenerate the font tables of the extract crate.

pub fn run(_args: &[String]) -> crate::Result {
    Err("not yet implemented".into())
}
