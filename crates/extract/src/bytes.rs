//! Searching raw PDF bytes, before or beside lopdf's parser: keywords, balanced dictionaries,
//! object headers. Every function is bounded by its input and never panics.

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(haystack, needle)
}

pub fn find_from(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find(haystack.get(from..)?, needle).map(|at| at + from)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::rfind(haystack, needle)
}

/// PDF whitespace (§7.2.3).
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// Length of the `<< … >>` at the start of `bytes`, strings and nesting respected.
pub fn balanced_dict(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'(' => {
                // A literal string: balanced parentheses, backslash escapes.
                let mut nest = 0usize;
                loop {
                    i += 1;
                    match bytes.get(i)? {
                        b'\\' => i += 1,
                        b'(' => nest += 1,
                        b')' if nest == 0 => break,
                        b')' => nest -= 1,
                        _ => {}
                    }
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.checked_sub(1)?;
                i += 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// An `N G obj` header at the start of `bytes` (the keyword ending its token): the object
/// number, the generation and the header's length.
pub fn object_header(bytes: &[u8]) -> Option<(u32, u16, usize)> {
    let (number, mut i) = digits(bytes, 0, 10)?;
    i = spaces(bytes, i)?;
    let (generation, j) = digits(bytes, i, 5)?;
    i = spaces(bytes, j)?;
    if bytes.get(i..i + 3)? != b"obj" {
        return None;
    }
    i += 3;
    if bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some((
        u32::try_from(number).ok()?,
        u16::try_from(generation).ok()?,
        i,
    ))
}

/// An unsigned number of at most `max` digits at `at`, and where it ends.
fn digits(bytes: &[u8], at: usize, max: usize) -> Option<(u64, usize)> {
    let run = bytes
        .get(at..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if run == 0 || run > max {
        return None;
    }
    let text = std::str::from_utf8(bytes.get(at..at + run)?).ok()?;
    Some((text.parse().ok()?, at + run))
}

/// At least one blank at `at`; where the blanks end.
fn spaces(bytes: &[u8], at: usize) -> Option<usize> {
    let run = bytes
        .get(at..)?
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .count();
    (run > 0).then_some(at + run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_headers_are_whole_tokens() {
        assert_eq!(object_header(b"12 0 obj<<"), Some((12, 0, 8)));
        assert_eq!(object_header(b"12\r\n3 obj"), Some((12, 3, 9)));
        assert_eq!(object_header(b"12 0 objx"), None);
        assert_eq!(object_header(b"12 0 R"), None);
        assert_eq!(object_header(b"99999999999 0 obj"), None);
    }

    #[test]
    fn dictionaries_balance_over_strings() {
        assert_eq!(balanced_dict(b"<</A (>>) /B <<>> >> tail"), Some(20));
        assert_eq!(balanced_dict(b"<</A (unclosed"), None);
    }
}
