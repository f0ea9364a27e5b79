//! Layout to letter.
