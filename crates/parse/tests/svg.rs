//! The SVG of each replica page: valid XML, one box per extracted line, each box classed and
//! coloured as the parser read the line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use kamerbrief_parse::svg;

#[test]
fn one_classed_box_per_line() {
    let pdf = include_bytes!("../../../fixtures/navo2030/navo2030.pdf");
    let layout = kamerbrief_extract::extract(pdf, &Default::default()).unwrap();
    let (_, annotations) = kamerbrief_parse::parse_annotated(&layout);
    assert_eq!(
        annotations.len(),
        layout.pages.iter().map(|p| p.lines.len()).sum::<usize>(),
        "every line annotated"
    );
    for page in &layout.pages {
        let text = svg::page_svg(&layout, &annotations, page.number).unwrap();
        let doc = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("page {}: invalid XML: {e}", page.number));
        let groups: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("g") && n.attribute("data-kind").is_some())
            .collect();
        assert_eq!(
            groups.len(),
            page.lines.len(),
            "page {}: one box per line",
            page.number
        );
        for (index, group) in groups.iter().enumerate() {
            let kind = annotations
                .iter()
                .find(|a| a.page == page.number && a.line == index)
                .unwrap()
                .kind;
            assert_eq!(group.attribute("data-kind"), Some(kind.as_str()));
            let rect = group.children().find(|n| n.has_tag_name("rect")).unwrap();
            assert_eq!(rect.attribute("stroke"), Some(svg::colour(kind)));
            let drawn = group
                .children()
                .find(|n| n.has_tag_name("text"))
                .unwrap()
                .text()
                .unwrap_or("");
            assert_eq!(drawn, page.lines[index].text());
        }
    }
    // What the parser made of the replica's lines, in figures.
    let count =
        |kind: kamerbrief_parse::LineKind| annotations.iter().filter(|a| a.kind == kind).count();
    use kamerbrief_parse::LineKind::*;
    assert_eq!(count(Heading), 5);
    assert_eq!(count(Signature), 4);
    assert_eq!(count(Salutation), 1);
    assert_eq!(count(Letterhead), 6);
    assert_eq!(count(PageNumber), 10);
}
