//! The pages of a document, in order, each once: the page tree walked from the catalog with
//! loops and broken nodes skipped; when the tree is damaged, the page objects it lost (a
//! `/Parent` in the tree that does not list them) put back in file order; without any tree,
//! every page object in file order.

use std::collections::HashSet;

use lopdf::xref::XrefEntry;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::objects;

/// The pages found, and what was wrong with the tree.
#[derive(Debug, Default)]
pub struct PageList {
    pub ids: Vec<ObjectId>,
    /// Nodes or pages the tree names again (a loop).
    pub repeats: usize,
    /// Kids that are missing or not dictionaries (each kept as a page, which then says it is
    /// unreadable, so that page numbers stay those of the tree), or dictionaries that are
    /// neither page nor node (left out).
    pub broken: usize,
    /// Page objects the tree lost, put back.
    pub restored: usize,
    /// No page tree at all: the pages are every page object of the file.
    pub scanned: bool,
}

pub fn pages(doc: &Document) -> PageList {
    let mut list = PageList::default();
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| p.as_reference().ok());
    let mut nodes = HashSet::new();
    if let Some(root) = root {
        walk(doc, root, &mut list, &mut nodes);
    }
    let count = root
        .and_then(|r| doc.get_dictionary(r).ok())
        .and_then(|d| objects::get_number(doc, d, b"Count"))
        .unwrap_or(0.0);
    let damaged = list.repeats > 0 || list.broken > 0 || (list.ids.len() as f32) < count;
    if !list.ids.iter().any(|&id| doc.get_dictionary(id).is_ok()) {
        let mut all = page_objects(doc, |_| true);
        if !all.is_empty() {
            sort_in_file_order(doc, &mut all);
            list.scanned = true;
            list.ids = all;
        }
    } else if damaged {
        let known: HashSet<ObjectId> = list.ids.iter().copied().collect();
        let mut lost = page_objects(doc, |d| {
            d.get(b"Parent")
                .ok()
                .and_then(|p| p.as_reference().ok())
                .is_some_and(|p| nodes.contains(&p))
        });
        lost.retain(|id| !known.contains(id));
        sort_in_file_order(doc, &mut lost);
        list.restored = lost.len();
        list.ids = merge_in_file_order(doc, std::mem::take(&mut list.ids), lost);
    }
    list
}

/// Depth first from `root`, kids in order; every object visited once.
fn walk(doc: &Document, root: ObjectId, list: &mut PageList, nodes: &mut HashSet<ObjectId>) {
    let mut seen = HashSet::new();
    // Kids still to visit, in reverse order so that popping gives them in order.
    let mut stack: Vec<&Object> = Vec::new();
    let root_ref = Object::Reference(root);
    visit(doc, &root_ref, list, nodes, &mut seen, &mut stack);
    while let Some(kid) = stack.pop() {
        visit(doc, kid, list, nodes, &mut seen, &mut stack);
    }
}

fn visit<'a>(
    doc: &'a Document,
    kid: &Object,
    list: &mut PageList,
    nodes: &mut HashSet<ObjectId>,
    seen: &mut HashSet<ObjectId>,
    stack: &mut Vec<&'a Object>,
) {
    let Object::Reference(id) = kid else {
        list.broken += 1;
        return;
    };
    if !seen.insert(*id) {
        list.repeats += 1;
        return;
    }
    let Ok(dict) = doc.get_dictionary(*id) else {
        list.broken += 1;
        list.ids.push(*id);
        return;
    };
    if let Some(kids) = objects::get_array(doc, dict, b"Kids") {
        nodes.insert(*id);
        stack.extend(kids.iter().rev());
    } else if is_page(dict) {
        list.ids.push(*id);
    } else {
        list.broken += 1;
    }
}

/// A page: `/Type /Page`, or no type but what only a page has.
fn is_page(dict: &Dictionary) -> bool {
    dict.has_type(b"Page")
        || (!dict.has(b"Type") && (dict.has(b"Contents") || dict.has(b"MediaBox")))
}

fn page_objects(doc: &Document, keep: impl Fn(&Dictionary) -> bool) -> Vec<ObjectId> {
    doc.objects
        .iter()
        .filter_map(|(id, object)| match object {
            Object::Dictionary(d) if d.has_type(b"Page") && !d.has(b"Kids") && keep(d) => Some(*id),
            _ => None,
        })
        .collect()
}

/// Where an object stands in the file: its offset, or for a member of an object stream, that
/// stream's offset; objects without either come last, by number.
fn file_order(doc: &Document, id: ObjectId) -> (u64, ObjectId) {
    let offset = match doc.reference_table.get(id.0) {
        Some(XrefEntry::Normal { offset, .. }) => u64::from(*offset),
        Some(XrefEntry::Compressed { container, .. }) => {
            match doc.reference_table.get(*container) {
                Some(XrefEntry::Normal { offset, .. }) => u64::from(*offset),
                _ => u64::MAX,
            }
        }
        _ => u64::MAX,
    };
    (offset, id)
}

/// `lost` (in file order) put among `tree` (kept in its order): each before the first page of
/// the tree that comes after it in the file. Linear, however many there are.
fn merge_in_file_order(doc: &Document, tree: Vec<ObjectId>, lost: Vec<ObjectId>) -> Vec<ObjectId> {
    let mut out = Vec::with_capacity(tree.len() + lost.len());
    let mut lost = lost.into_iter().peekable();
    for id in tree {
        let key = file_order(doc, id);
        while let Some(l) = lost.next_if(|&l| file_order(doc, l) < key) {
            out.push(l);
        }
        out.push(id);
    }
    out.extend(lost);
    out
}

fn sort_in_file_order(doc: &Document, ids: &mut [ObjectId]) {
    ids.sort_by_key(|&id| file_order(doc, id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn doc(objects: Vec<(u32, Object)>) -> Document {
        let mut doc = Document::new();
        for (n, o) in objects {
            doc.objects.insert((n, 0), o);
        }
        doc.trailer.set("Root", Object::Reference((1, 0)));
        doc
    }

    fn page(parent: u32) -> Object {
        Object::Dictionary(
            dictionary! { "Type" => "Page", "Parent" => Object::Reference((parent, 0)) },
        )
    }

    #[test]
    fn a_loop_is_skipped_and_the_lost_page_put_back() {
        // Node 2 names itself where page 3 should be.
        let d = doc(vec![
            (
                1,
                Object::Dictionary(
                    dictionary! { "Type" => "Catalog", "Pages" => Object::Reference((2, 0)) },
                ),
            ),
            (
                2,
                Object::Dictionary(dictionary! { "Type" => "Pages", "Count" => 3,
                "Kids" => vec![Object::Reference((2, 0)), Object::Reference((4, 0)), Object::Reference((5, 0))] }),
            ),
            (3, page(2)),
            (4, page(2)),
            (5, page(2)),
        ]);
        let list = pages(&d);
        assert_eq!(list.repeats, 1);
        assert_eq!(list.restored, 1);
        assert_eq!(list.ids, vec![(3, 0), (4, 0), (5, 0)]);
    }

    #[test]
    fn nested_nodes_in_order_and_without_a_tree_every_page() {
        let d = doc(vec![
            (
                1,
                Object::Dictionary(
                    dictionary! { "Type" => "Catalog", "Pages" => Object::Reference((2, 0)) },
                ),
            ),
            (
                2,
                Object::Dictionary(dictionary! { "Type" => "Pages",
                "Kids" => vec![Object::Reference((6, 0)), Object::Reference((3, 0))] }),
            ),
            (3, page(2)),
            (
                6,
                Object::Dictionary(
                    dictionary! { "Type" => "Pages", "Parent" => Object::Reference((2, 0)),
                    "Kids" => vec![Object::Reference((5, 0)), Object::Reference((4, 0)), Object::Reference((9, 0))] },
                ),
            ),
            (4, page(6)),
            (5, page(6)),
        ]);
        let list = pages(&d);
        assert_eq!(list.ids, vec![(5, 0), (4, 0), (9, 0), (3, 0)]);
        assert_eq!(list.broken, 1);

        let mut orphaned = d.clone();
        orphaned.objects.remove(&(2, 0));
        let list = pages(&orphaned);
        assert!(list.scanned);
        assert_eq!(list.ids, vec![(3, 0), (4, 0), (5, 0)]);
    }
}
