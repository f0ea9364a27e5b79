//! PDF to positioned text.
