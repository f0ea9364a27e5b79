//! The cipher's letter model (`cipher`): letter triples of the Dutch word list, word
//! boundaries included. Counted once, by the build script from `data/nl.fst` (the count
//! streams the whole list: 0.57 G instructions, some 60 ms, that each process whose text
//! needed the cipher paid), and read by `cipher` from the table it writes. Both include
//! this file, so they count the same symbols.

/// The model's symbols: a boundary, the 26 letters, any other letter.
pub const SYMBOLS: usize = 28;
const OTHER_LETTER: usize = 27;

/// The model's symbol of a character: a letter, another letter, or a boundary.
pub fn symbol(c: char) -> usize {
    match c {
        'a'..='z' => usize::from(c as u8 - b'a') + 1,
        c if c.is_alphabetic() => OTHER_LETTER,
        _ => 0,
    }
}

/// A triple's place in the table.
pub fn index(a: usize, b: usize, c: usize) -> usize {
    (a * SYMBOLS + b) * SYMBOLS + c
}

/// Adds a word's triples, from the boundary before it to the one after, to `counts`
/// (`SYMBOLS³` of them). (The build script's; the library's tests count again.)
#[cfg_attr(not(test), allow(dead_code))]
pub fn count_word(counts: &mut [u32], word: &str) {
    let (mut a, mut b) = (0, 0);
    for c in word.chars().map(symbol).chain([0]) {
        if let Some(n) = counts.get_mut(index(a, b, c)) {
            *n += 1;
        }
        (a, b) = (b, c);
    }
}
