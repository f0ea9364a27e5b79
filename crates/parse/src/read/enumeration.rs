//! Inline enumerations: `… te maken: 1. meer aandacht voor …; 2. het vergroten van …; …
//! en 8. het herzien van het Strategisch Concept.` as items of their paragraph.

use kamerbrief_model::ListItem;

use crate::patterns::number_labels;

/// The smallest enumeration worth structuring.
const MIN_ITEMS: usize = 3;

/// Items of the inline enumeration in `text`: labels 1, 2, 3, … in order, each item running
/// to the next label (without the `;`, `,` or `en` before it); the last to the end of its
/// sentence.
pub fn find_items(text: &str, page: u32) -> Vec<ListItem> {
    let mut labels: Vec<(usize, usize, u32)> = Vec::new(); // (label start, text start, number)
    // A number label inside running text: after the start, a space, `:`, `;` or `(`.
    for ((start, end), whole_end) in number_labels(text) {
        let Ok(n) = text.get(start..end).unwrap_or_default().parse::<u32>() else {
            continue;
        };
        let expected = labels.last().map_or(1, |l| l.2 + 1);
        if n == expected {
            labels.push((start, whole_end, n));
        } else if n == 1 {
            labels = vec![(start, whole_end, 1)];
        }
    }
    if labels.len() < MIN_ITEMS {
        return Vec::new();
    }
    let mut items = Vec::new();
    for (k, &(_, start, n)) in labels.iter().enumerate() {
        let end = match labels.get(k + 1) {
            Some(next) => next.0,
            None => sentence_end(text, start),
        };
        let raw = text.get(start..end).unwrap_or_default().trim();
        let item = raw
            .trim_end_matches(" en")
            .trim_end_matches(" of")
            .trim_end_matches([';', ',', '.'])
            .trim();
        items.push(ListItem {
            label: format!("{n}."),
            text: item.to_string(),
            page,
        });
    }
    items
}

/// The end of the sentence that runs from `start`: a `.` followed by a space and a capital,
/// or the end of the text.
fn sentence_end(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or_default();
    for (i, c) in rest.char_indices() {
        if c == '.' {
            let mut after = rest.get(i + 1..).unwrap_or_default().chars();
            if after.next().is_some_and(char::is_whitespace)
                && after.next().is_some_and(char::is_uppercase)
            {
                return start + i;
            }
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_points() {
        let text = "schetst om de NAVO toekomstbestendiger te maken: 1. meer aandacht voor eenheid; 2. het vergroten van de weerbaarheid; 3. behoud van voorsprong; 4. versterking en verbreding van consultaties; 5. een wereldwijde benadering (global approach); 6. Klimaatverandering; 7. het bevorderen van stabiliteit en 8. het herzien van het Strategisch Concept. Een eerste positie volgt.";
        let items = find_items(text, 11);
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "meer aandacht voor eenheid",
                "het vergroten van de weerbaarheid",
                "behoud van voorsprong",
                "versterking en verbreding van consultaties",
                "een wereldwijde benadering (global approach)",
                "Klimaatverandering",
                "het bevorderen van stabiliteit",
                "het herzien van het Strategisch Concept"
            ]
        );
        assert_eq!(items[7].label, "8.");
    }

    #[test]
    fn not_an_enumeration() {
        assert!(find_items("Op 1 december 2020 en op 2. maart", 1).is_empty());
        assert!(find_items("artikel 5. Daarna 6. niets", 1).is_empty());
    }
}
