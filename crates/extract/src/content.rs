//! Content-stream tokenising (PDF 32000-1 §7.8.2): operands followed by an operator.
//!
//! Our own lexer rather than `lopdf::content::Content::decode`: it borrows from the stream,
//! never fails as a whole (a malformed token is skipped and counted), skips inline-image data,
//! and bounds the nesting of arrays and dictionaries.

use std::borrow::Cow;

/// Deeper arrays or dictionaries than this are flattened away (their contents dropped).
const MAX_NESTING: usize = 32;

/// Operands kept before an operator: no operator takes more than a handful, so a flood of
/// them keeps only the most recent (memory stays bounded, whatever the stream holds).
const MAX_OPERANDS: usize = 256;

/// Items kept in one array (a `TJ` array of a long line has a few hundred).
const MAX_ARRAY_ITEMS: usize = 1 << 16;

/// Items an array has room for before it grows.
const ARRAY_ROOM: usize = 16;

/// One operand of a content-stream operator.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand<'a> {
    Number(f32),
    Name(&'a [u8]),
    /// A literal `( )` or hex `< >` string, unescaped.
    Str(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    Dict(Vec<(&'a [u8], Operand<'a>)>),
    /// `true`, `false`, `null` and anything else that is not used by text extraction.
    Other,
}

impl Operand<'_> {
    pub fn number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// A borrowing tokenizer over one content stream.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// Operands kept before an operator (see [`MAX_OPERANDS`]).
    max_operands: usize,
    /// Tokens that could not be read (unbalanced delimiters, stray bytes).
    pub malformed: u32,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Lexer<'a> {
        Lexer {
            data,
            pos: 0,
            max_operands: MAX_OPERANDS,
            malformed: 0,
        }
    }

    /// Keeps up to `max` operands before an operator (at least [`MAX_OPERANDS`]): a CMap
    /// section is one operator with hundreds of operands.
    pub fn with_max_operands(mut self, max: usize) -> Lexer<'a> {
        self.max_operands = max.max(MAX_OPERANDS);
        self
    }

    /// Reads operands into `operands` (cleared first) up to the next operator, which it
    /// returns; `None` at the end of the stream. Inline image data after `ID` is skipped
    /// and reported as the operator `EI`.
    pub fn next_operation(&mut self, operands: &mut Vec<Operand<'a>>) -> Option<&'a [u8]> {
        operands.clear();
        loop {
            self.skip_whitespace_and_comments();
            let &byte = self.data.get(self.pos)?;
            match byte {
                b'/' | b'(' | b'<' | b'[' | b'+' | b'-' | b'.' | b'0'..=b'9' => {
                    if let Some(operand) = self.operand(0) {
                        if operands.len() >= self.max_operands {
                            operands.drain(..self.max_operands / 2);
                            self.malformed += 1;
                        }
                        operands.push(operand);
                    }
                }
                b')' | b'>' | b']' | b'{' | b'}' => {
                    // A stray closing delimiter: skip it.
                    self.pos += 1;
                    self.malformed += 1;
                }
                _ => {
                    let word = self.regular_word();
                    if word.is_empty() {
                        self.pos += 1;
                        self.malformed += 1;
                        continue;
                    }
                    match word {
                        b"true" | b"false" | b"null" => operands.push(Operand::Other),
                        b"ID" => {
                            self.skip_inline_image_data();
                            return Some(b"EI");
                        }
                        _ => return Some(word),
                    }
                }
            }
        }
    }

    fn operand(&mut self, depth: usize) -> Option<Operand<'a>> {
        let &byte = self.data.get(self.pos)?;
        if depth >= MAX_NESTING
            && (byte == b'[' || byte == b'<' && self.data.get(self.pos + 1) == Some(&b'<'))
        {
            self.skip_nested();
            self.malformed += 1;
            return Some(Operand::Other);
        }
        match byte {
            b'/' => Some(Operand::Name(self.name())),
            b'(' => Some(Operand::Str(self.literal_string())),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Some(self.dictionary(depth + 1))
            }
            b'<' => Some(Operand::Str(Cow::Owned(self.hex_string()))),
            b'[' => {
                self.pos += 1;
                Some(self.array(depth + 1))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let word = self.regular_word();
                match parse_number(word) {
                    Some(n) => Some(Operand::Number(n)),
                    None => {
                        self.malformed += 1;
                        None
                    }
                }
            }
            _ => {
                let word = self.regular_word();
                if word.is_empty() {
                    self.pos += 1;
                }
                Some(Operand::Other)
            }
        }
    }

    fn array(&mut self, depth: usize) -> Operand<'a> {
        // Room for a typical `TJ` array's items from the start.
        let mut items = Vec::with_capacity(ARRAY_ROOM);
        loop {
            self.skip_whitespace_and_comments();
            match self.data.get(self.pos) {
                None => break,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => {
                    let start = self.pos;
                    let item = self.operand(depth);
                    if self.pos == start {
                        self.pos += 1;
                    }
                    if let Some(item) = item {
                        if items.len() < MAX_ARRAY_ITEMS {
                            items.push(item);
                        } else if items.len() == MAX_ARRAY_ITEMS {
                            self.malformed += 1;
                        }
                    }
                }
            }
        }
        Operand::Array(items)
    }

    fn dictionary(&mut self, depth: usize) -> Operand<'a> {
        let mut entries = Vec::new();
        loop {
            self.skip_whitespace_and_comments();
            match self.data.get(self.pos) {
                None => break,
                Some(b'>') => {
                    self.pos += 1;
                    if self.data.get(self.pos) == Some(&b'>') {
                        self.pos += 1;
                    }
                    break;
                }
                Some(b'/') => {
                    let key = self.name();
                    self.skip_whitespace_and_comments();
                    if matches!(self.data.get(self.pos), Some(b'>') | None) {
                        continue;
                    }
                    let start = self.pos;
                    let value = self.operand(depth);
                    if self.pos == start {
                        self.pos += 1;
                    }
                    if let Some(value) = value {
                        entries.push((key, value));
                    }
                }
                Some(_) => {
                    // Not a key: skip the token.
                    let start = self.pos;
                    let _ = self.operand(depth);
                    if self.pos == start {
                        self.pos += 1;
                    }
                    self.malformed += 1;
                }
            }
        }
        Operand::Dict(entries)
    }

    /// Skips a too deeply nested array or dictionary without recursing.
    fn skip_nested(&mut self) {
        let mut depth = 0usize;
        while let Some(&b) = self.data.get(self.pos) {
            match b {
                b'[' => depth += 1,
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    depth += 1;
                    self.pos += 1;
                }
                b']' => depth = depth.saturating_sub(1),
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    depth = depth.saturating_sub(1);
                    self.pos += 1;
                }
                b'(' => {
                    let _ = self.literal_string();
                    continue;
                }
                _ => {}
            }
            self.pos += 1;
            if depth == 0 {
                return;
            }
        }
    }

    fn skip_whitespace_and_comments(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_whitespace(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.data.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A run of regular characters (not whitespace, not a delimiter).
    fn regular_word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while let Some(&b) = self.data.get(self.pos) {
            if ends_word(b) {
                break;
            }
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or_default()
    }

    /// A name after its `/`, raw (`#xx` escapes are kept: resource names are compared raw).
    fn name(&mut self) -> &'a [u8] {
        self.pos += 1;
        self.regular_word()
    }

    fn literal_string(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let start = self.pos;
        // Fast path: no escapes, balanced parentheses.
        let mut depth = 0usize;
        while let Some(&b) = self.data.get(self.pos) {
            match b {
                b'\\' => return Cow::Owned(self.literal_string_slow(start)),
                b'(' => depth += 1,
                b')' if depth == 0 => {
                    let s = self.data.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Cow::Borrowed(s);
                }
                b')' => depth -= 1,
                _ => {}
            }
            self.pos += 1;
        }
        self.malformed += 1;
        Cow::Borrowed(self.data.get(start..).unwrap_or_default())
    }

    fn literal_string_slow(&mut self, start: usize) -> Vec<u8> {
        self.pos = start;
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => return out,
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => self.escape(&mut out),
                _ => out.push(b),
            }
        }
        self.malformed += 1;
        out
    }

    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(&c) = self.data.get(self.pos) else {
            return;
        };
        self.pos += 1;
        match c {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'\r' => {
                if self.data.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            b'0'..=b'7' => {
                let mut value = u32::from(c - b'0');
                for _ in 0..2 {
                    match self.data.get(self.pos) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xFF) as u8);
            }
            other => out.push(other),
        }
    }

    fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let rest = self.data.get(self.pos..).unwrap_or_default();
        let close = rest.iter().position(|&b| b == b'>');
        let digits = rest.get(..close.unwrap_or(rest.len())).unwrap_or_default();
        self.pos += digits.len() + usize::from(close.is_some());
        // Two digits to a byte, whatever stands between them (white space is allowed); an
        // odd last digit is followed by a zero.
        let mut out = Vec::with_capacity(digits.len() / 2 + 1);
        let mut high: Option<u8> = None;
        for v in digits.iter().filter_map(|&b| hex_value(b)) {
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Skips the binary data of an inline image up to and including `EI`.
    fn skip_inline_image_data(&mut self) {
        // One whitespace byte follows `ID`.
        self.pos += 1;
        while self.pos < self.data.len() {
            let at_ei = self.data.get(self.pos..self.pos + 2) == Some(b"EI");
            let before_ok = self.pos == 0
                || self
                    .data
                    .get(self.pos - 1)
                    .is_some_and(|&b| is_whitespace(b));
            let after_ok = self
                .data
                .get(self.pos + 2)
                .is_none_or(|&b| is_whitespace(b) || is_delimiter(b));
            if at_ei && before_ok && after_ok {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
    }
}

pub fn is_whitespace(b: u8) -> bool {
    class(b) == b'1'
}

pub fn is_delimiter(b: u8) -> bool {
    class(b) == b'2'
}

/// Whether `b` ends a regular word: white space or a delimiter (the lexer's innermost
/// question, one look in a table instead of sixteen comparisons).
fn ends_word(b: u8) -> bool {
    class(b) != b'0'
}

/// PDF 32000-1 §7.2.2's classes of the bytes 0 to 255, 64 to a row: `1` white space (NUL,
/// tab, line feed, form feed, carriage return, space), `2` a delimiter (`()<>[]{}/%`), `0`
/// a regular character.
static CLASSES: &[u8; 256] = b"\
    1000000001101100000000000000000010000200220000020000000000002020\
    0000000000000000000000000002020000000000000000000000000000020200\
    0000000000000000000000000000000000000000000000000000000000000000\
    0000000000000000000000000000000000000000000000000000000000000000";

fn class(b: u8) -> u8 {
    CLASSES.get(usize::from(b)).copied().unwrap_or(b'0')
}

pub fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A PDF number: optional sign, digits, optional point. Tolerates `--5` and `1.2.3` as
/// readers commonly do (the first sign and the first point count).
pub fn parse_number(word: &[u8]) -> Option<f32> {
    let mut negative = false;
    let mut i = 0;
    while let Some(&b) = word.get(i) {
        match b {
            b'-' => negative = !negative,
            b'+' => {}
            _ => break,
        }
        i += 1;
    }
    let mut int: f64 = 0.0;
    let mut frac: f64 = 0.0;
    let mut scale = 1.0;
    let mut seen_digit = false;
    let mut in_fraction = false;
    for &b in word.get(i..).unwrap_or_default() {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                let d = f64::from(b - b'0');
                if in_fraction {
                    scale /= 10.0;
                    frac += d * scale;
                } else {
                    int = int * 10.0 + d;
                }
            }
            b'.' if !in_fraction => in_fraction = true,
            _ => break,
        }
    }
    if !seen_digit && !in_fraction {
        return None;
    }
    let value = (int + frac) as f32;
    let value = if value.is_finite() { value } else { 0.0 };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_table_is_the_specifications() {
        for b in 0..=255u8 {
            let white = matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0 | 12);
            let delimiter = matches!(
                b,
                b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
            );
            assert_eq!(is_whitespace(b), white, "byte {b}");
            assert_eq!(is_delimiter(b), delimiter, "byte {b}");
            assert_eq!(ends_word(b), white || delimiter, "byte {b}");
        }
    }

    fn ops(src: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lexer = Lexer::new(src);
        let mut operands = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lexer.next_operation(&mut operands) {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.clone()));
        }
        out
    }

    #[test]
    fn reads_text_operators() {
        let out = ops(b"BT /F1 12 Tf 72 700 Td (Hello\\051 \\(x\\)) Tj [(A) -250 (B)] TJ ET");
        let names: Vec<_> = out.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Td", "Tj", "TJ", "ET"]);
        assert_eq!(
            out[3].1,
            vec![Operand::Str(Cow::Owned(b"Hello) (x)".to_vec()))]
        );
        assert_eq!(
            out[4].1,
            vec![Operand::Array(vec![
                Operand::Str(Cow::Borrowed(b"A")),
                Operand::Number(-250.0),
                Operand::Str(Cow::Borrowed(b"B"))
            ])]
        );
    }

    #[test]
    fn hex_strings_and_dicts() {
        let out = ops(b"/Span <</ActualText <FEFF0041>>> BDC <48 65 6c6>Tj EMC");
        assert_eq!(
            out[0].1[1],
            Operand::Dict(vec![(
                &b"ActualText"[..],
                Operand::Str(Cow::Owned(vec![0xFE, 0xFF, 0, 0x41]))
            )])
        );
        assert_eq!(out[1].1[0], Operand::Str(Cow::Owned(b"Hel`".to_vec())));
        // Not a digit, not white space: skipped. Unclosed: the string runs to the end.
        let out = ops(b"<4x8\n65> Tj <6C6c");
        assert_eq!(out[0].1[0], Operand::Str(Cow::Owned(b"He".to_vec())));
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn skips_inline_images_and_garbage() {
        let out = ops(b"BI /W 2 /H 2 ID \x00EI\xff\nEI\n) ] 1 2 re EMC");
        let names: Vec<_> = out.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["BI", "EI", "re", "EMC"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number(b"-.5"), Some(-0.5));
        assert_eq!(parse_number(b"--3"), Some(3.0));
        assert_eq!(parse_number(b"1.5.2"), Some(1.5));
        assert_eq!(parse_number(b"-"), None);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut src = vec![b'['; 10_000];
        src.extend(vec![b']'; 10_000]);
        src.extend_from_slice(b" Tj");
        let out = ops(&src);
        assert_eq!(out.len(), 1);
        // Unbalanced: the rest of the stream is swallowed, without recursion or a hang.
        assert!(ops(&vec![b'['; 100_000]).is_empty());
    }
}
