//! The committed JSON Schema matches the types.

#[test]
fn committed_schema_is_current() {
    let committed = include_str!("../../../schema/letter.schema.json");
    let current = kamerbrief_model::letter_schema();
    assert!(
        committed == current,
        "schema/letter.schema.json is stale: run `cargo xtask regenerate`"
    );
}
