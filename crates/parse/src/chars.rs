//! Character classes as Unicode regular expressions define them, for the matchers written
//! by hand (nothing is compiled at run time): word characters (`\w`, which decide word
//! boundaries `\b`), letters (`\p{L}`, `\p{Lu}`), digits (`\d`), letters compared without
//! case (`(?i)`); white space (`\s`) is `char::is_whitespace`. A [`Cursor`] walks a text as
//! an expression would. Letters and digits follow the Unicode version of the standard
//! library, which knows the characters assigned since the regex crate's tables were made.

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// `\w`: a letter, mark, decimal digit or connector punctuation.
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

/// `\p{L}`.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.general_category_group() == GeneralCategoryGroup::Letter
    }
}

/// `\p{Lu}`.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.general_category() == GeneralCategory::UppercaseLetter
    }
}

/// `\d`: a decimal digit of any script.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        c.general_category() == GeneralCategory::DecimalNumber
    }
}

/// Whether `c` is `letter` (lowercase ASCII) as `(?i)` compares: either case, and the
/// Kelvin sign for `k`, the long s for `s`.
pub fn folds_to(c: char, letter: char) -> bool {
    c.to_ascii_lowercase() == letter
        || (letter == 'k' && c == '\u{212A}')
        || (letter == 's' && c == '\u{17F}')
}

/// The length in bytes of `word` (lowercase ASCII) at the start of `text`, compared as
/// `(?i)` does; other characters of `word` compare exactly.
pub fn prefix_folded(text: &str, word: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for w in word.chars() {
        let c = chars.next()?;
        let same = if w.is_ascii_alphabetic() {
            folds_to(c, w)
        } else {
            c == w
        };
        if !same {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// Whether the character before byte `at` of `text` is a word character.
pub fn word_before(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|t| t.chars().next_back())
        .is_some_and(is_word)
}

/// Whether byte `at` of `text` is a word boundary (`\b`).
pub fn boundary(text: &str, at: usize) -> bool {
    let after = text
        .get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word);
    word_before(text, at) != after
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Each sample, and each with a word character, a space, a digit or a non-breaking space
    /// glued before and after: texts to compare a matcher with the expression it replaces.
    pub fn samples(texts: &[&str]) -> Vec<String> {
        let edges = ["", "a", " ", "1", "\u{a0}", "é", "_", "(", "²", "."];
        let mut out = Vec::new();
        for text in texts {
            for before in edges {
                for after in edges {
                    out.push(format!("{before}{text}{after}"));
                }
            }
        }
        out
    }

    #[test]
    fn folding_as_regular_expressions_fold() {
        for x in 'a'..='z' {
            let re = regex::Regex::new(&format!("(?i)^{x}$")).unwrap();
            for c in (0..0x3_0000u32).filter_map(char::from_u32) {
                assert_eq!(folds_to(c, x), re.is_match(&c.to_string()), "{x} {c:?}");
            }
        }
        assert_eq!(prefix_folded("OKTOBER 2020", "oktober"), Some(7));
        assert_eq!(prefix_folded("l.s.", "l.s."), Some(4));
        assert_eq!(prefix_folded("l,s.", "l.s."), None);
    }

    #[test]
    fn classes_as_regular_expressions_have_them() {
        let word = regex::Regex::new(r"^\w$").unwrap();
        let letter = regex::Regex::new(r"^\p{L}$").unwrap();
        let upper = regex::Regex::new(r"^\p{Lu}$").unwrap();
        let decimal = regex::Regex::new(r"^\d$").unwrap();
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(is_word(c), word.is_match(&s), "{c:?}");
            // Characters assigned since the regex crate's Unicode tables may be more here.
            let newer = !word.is_match(&s);
            for (ours, regex) in [
                (is_letter(c), &letter),
                (is_upper(c), &upper),
                (is_decimal(c), &decimal),
            ] {
                assert!(ours == regex.is_match(&s) || newer && ours, "{c:?}");
            }
        }
    }
}

/// A position in a text, for matchers written by hand: each step consumes what it matches
/// and reports whether it did (a failed step consumes nothing).
#[derive(Clone, Copy, Debug)]
pub struct Cursor<'t> {
    pub text: &'t str,
    pub at: usize,
}

impl<'t> Cursor<'t> {
    pub fn new(text: &'t str, at: usize) -> Cursor<'t> {
        Cursor { text, at }
    }

    /// The text from the cursor on.
    pub fn rest(&self) -> &'t str {
        self.text.get(self.at..).unwrap_or_default()
    }

    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// `literal`, exactly.
    pub fn lit(&mut self, literal: &str) -> bool {
        let found = self.rest().starts_with(literal);
        if found {
            self.at += literal.len();
        }
        found
    }

    /// One character that `accept` takes.
    pub fn char_if(&mut self, accept: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|&c| accept(c))?;
        self.at += c.len_utf8();
        Some(c)
    }

    /// `\s`: one white-space character.
    pub fn space(&mut self) -> bool {
        self.char_if(char::is_whitespace).is_some()
    }

    /// `\s*`: the run of white space (greedy); how many characters it had.
    pub fn spaces(&mut self) -> usize {
        let mut n = 0;
        while self.space() {
            n += 1;
        }
        n
    }

    /// `[0-9]{min,max}` (greedy): the byte range of the digits.
    pub fn digits(&mut self, min: usize, max: usize) -> Option<(usize, usize)> {
        let n = self
            .rest()
            .bytes()
            .take(max)
            .take_while(u8::is_ascii_digit)
            .count();
        (n >= min).then(|| {
            let start = self.at;
            self.at += n;
            (start, self.at)
        })
    }

    /// Whether a word character follows (so that `\b` after a word character fails).
    pub fn word_next(&self) -> bool {
        self.peek().is_some_and(is_word)
    }
}
