//! `cargo xtask fixtures`: rebuild the fixture PDFs.

pub fn run(_args: &[String]) -> crate::Result {
    Err("not yet implemented".into())
}
