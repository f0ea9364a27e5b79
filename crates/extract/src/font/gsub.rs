//! Ligatures from an OpenType `GSUB` table: which glyphs a ligature glyph stands for. A
//! subset without `/ToUnicode` and without glyph names still says, in its ligature
//! substitutions (`t` `t` → `t_t`), what its ligature glyphs are made of; with the `cmap`
//! naming the components, that names the ligature (Chromium's subsets keep `GSUB`).
//!
//! Only lookup type 4 (ligature substitution, format 1), directly or through type 7
//! (extension). Every read is bounds-checked and the work is bounded; a damaged table gives
//! fewer ligatures, never a panic.

use super::sfnt::{u16_at, u32_at};

/// Ligature rules read from one table at most.
const MAX_LIGATURES: usize = 16_384;
/// Lookups, and subtables per lookup, read at most.
const MAX_LOOKUPS: usize = 512;
/// Entries (lookups, subtables, coverage glyphs, rules, components) visited in one table at
/// most: a damaged or hostile table cannot make the work grow with its offsets' reuse.
const MAX_STEPS: usize = 1 << 20;

/// A ligature substitution: the ligature glyph and the glyphs it replaces, in order.
#[derive(Debug, PartialEq, Eq)]
pub struct Ligature {
    pub glyph: u16,
    pub components: Vec<u16>,
}

/// The ligatures read so far, and the steps left.
struct Reader {
    out: Vec<Ligature>,
    steps: usize,
}

impl Reader {
    /// Takes `n` steps; `false` once the budget or the ligatures' cap is spent.
    fn spend(&mut self, n: usize) -> bool {
        self.steps = self.steps.saturating_sub(n);
        self.steps > 0 && self.out.len() < MAX_LIGATURES
    }
}

/// The ligature substitutions of a `GSUB` table, in lookup order.
pub fn ligatures(gsub: &[u8]) -> Vec<Ligature> {
    let mut r = Reader {
        out: Vec::new(),
        steps: MAX_STEPS,
    };
    let Some(list) = u16_at(gsub, 8).and_then(|o| gsub.get(usize::from(o)..)) else {
        return r.out;
    };
    let count = u16_at(list, 0).map_or(0, usize::from).min(MAX_LOOKUPS);
    for i in 0..count {
        let Some(lookup) = u16_at(list, 2 + 2 * i).and_then(|o| list.get(usize::from(o)..)) else {
            continue;
        };
        let (Some(kind), Some(subtables)) = (u16_at(lookup, 0), u16_at(lookup, 4)) else {
            continue;
        };
        for k in 0..usize::from(subtables).min(MAX_LOOKUPS) {
            if !r.spend(1) {
                return r.out;
            }
            let Some(table) = u16_at(lookup, 6 + 2 * k).and_then(|o| lookup.get(usize::from(o)..))
            else {
                continue;
            };
            match kind {
                4 => ligature_subtable(table, &mut r),
                7 if u16_at(table, 2) == Some(4) => {
                    if let Some(inner) = u32_at(table, 4).and_then(|o| table.get(o as usize..)) {
                        ligature_subtable(inner, &mut r);
                    }
                }
                _ => {}
            }
        }
    }
    r.out
}

/// A `LigatureSubstFormat1` subtable: per glyph of its coverage, a set of ligatures that
/// start with it.
fn ligature_subtable(table: &[u8], r: &mut Reader) {
    if u16_at(table, 0) != Some(1) {
        return;
    }
    let Some(coverage) = u16_at(table, 2).and_then(|o| table.get(usize::from(o)..)) else {
        return;
    };
    let sets = u16_at(table, 4).map_or(0, usize::from);
    let firsts = coverage_glyphs(coverage, sets);
    if !r.spend(firsts.len()) {
        return;
    }
    for (i, &first) in firsts.iter().enumerate() {
        let Some(set) = u16_at(table, 6 + 2 * i).and_then(|o| table.get(usize::from(o)..)) else {
            continue;
        };
        for j in 0..u16_at(set, 0).map_or(0, usize::from) {
            if !r.spend(1) {
                return;
            }
            let Some(rule) = u16_at(set, 2 + 2 * j).and_then(|o| set.get(usize::from(o)..)) else {
                continue;
            };
            let (Some(glyph), Some(count)) = (u16_at(rule, 0), u16_at(rule, 2)) else {
                continue;
            };
            if !r.spend(usize::from(count)) {
                return;
            }
            let rest: Option<Vec<u16>> = (1..usize::from(count))
                .map(|c| u16_at(rule, 2 + 2 * c))
                .collect();
            if let Some(rest) = rest.filter(|r| !r.is_empty()) {
                let mut components = Vec::with_capacity(rest.len() + 1);
                components.push(first);
                components.extend(rest);
                r.out.push(Ligature { glyph, components });
            }
        }
    }
}

/// The first `limit` glyphs of a `Coverage` table, in coverage-index order.
fn coverage_glyphs(coverage: &[u8], limit: usize) -> Vec<u16> {
    let count = u16_at(coverage, 2).map_or(0, usize::from);
    let mut glyphs = Vec::new();
    match u16_at(coverage, 0) {
        Some(1) => glyphs.extend((0..count.min(limit)).map_while(|i| u16_at(coverage, 4 + 2 * i))),
        Some(2) => {
            for i in 0..count {
                let record = 4 + 6 * i;
                let (Some(start), Some(end)) =
                    (u16_at(coverage, record), u16_at(coverage, record + 2))
                else {
                    break;
                };
                glyphs.extend((start..=end).take(limit - glyphs.len()));
                if glyphs.len() >= limit {
                    break;
                }
            }
        }
        _ => {}
    }
    glyphs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `GSUB` with one lookup (type 4): `f` (glyph 3) `i` (glyph 5) → `fi` (glyph 9), and
    /// `f` `f` `i` → glyph 10; the coverage in format 2 (glyphs 3 to 3).
    fn gsub() -> Vec<u8> {
        let words: [u16; 30] = [
            1, 0, 0, 0, 10, // header: version 1.0, script/feature lists, lookup list at 10
            1, 4, // lookup list: one lookup at +4
            4, 0, 1, 8, // lookup: type 4, flags, one subtable at +8
            1, 8, 1, 18, // subtable: format 1, coverage at +8, one set at +18
            2, 1, 3, 3, 0, // coverage: format 2, one range 3..=3, index 0
            2, 6, 12, // ligature set: two ligatures, at +6 and +12
            9, 2, 5, // fi: glyph 9, two components, then 5
            10, 3, 3, 5, // ffi: glyph 10, three components, then 3, 5
        ];
        words.iter().flat_map(|w| w.to_be_bytes()).collect()
    }

    #[test]
    fn ligature_substitutions_are_read() {
        assert_eq!(
            ligatures(&gsub()),
            [
                Ligature {
                    glyph: 9,
                    components: vec![3, 5]
                },
                Ligature {
                    glyph: 10,
                    components: vec![3, 3, 5]
                },
            ]
        );
    }

    /// Offsets reused over and over (every lookup the same, every subtable the same, 30,000
    /// sets of 30,000 rules that add nothing): the steps' budget ends the work.
    #[test]
    fn hostile_tables_are_read_within_a_budget() {
        let mut words: Vec<u16> = vec![1, 0, 0, 0, 10, 512];
        words.extend(std::iter::repeat_n(1026, 512)); // every lookup at +1026
        words.extend([4, 0, 512]);
        words.extend(std::iter::repeat_n(1030, 512)); // every subtable at +1030
        let sets: u16 = 30_000;
        words.extend([1, 6 + 2 * sets, sets]);
        words.extend(std::iter::repeat_n(6 + 2 * sets + 10, usize::from(sets)));
        words.extend([2, 1, 0, u16::MAX, 0]); // coverage: every glyph
        words.push(sets);
        words.extend(std::iter::repeat_n(2 + 2 * sets, usize::from(sets)));
        words.extend([7, 1]); // a rule of one component: no ligature
        let data: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
        // Without the budget this would visit some 10^14 rules; it returns.
        assert!(ligatures(&data).is_empty());
    }

    #[test]
    fn damaged_tables_do_not_panic() {
        let data = gsub();
        for end in 0..data.len() {
            let _ = ligatures(data.get(..end).unwrap_or_default());
        }
        for i in 0..data.len() {
            for value in [0x00, 0x01, 0x7F, 0xFF] {
                let mut damaged = data.clone();
                if let Some(b) = damaged.get_mut(i) {
                    *b = value;
                }
                let _ = ligatures(&damaged);
            }
        }
    }
}
