//! Values with the byte offsets a reader knows for them, so errors can point at them.

use toml::Spanned;

/// A value as a reader gives it: the value and, where the reader knows it (TOML does, JSON
/// does not), its byte offset in the text.
pub trait Placed<T> {
    fn parts(self) -> (T, Option<usize>);
}

impl<T> Placed<T> for Spanned<T> {
    fn parts(self) -> (T, Option<usize>) {
        let at = self.span().start;
        (self.into_inner(), Some(at))
    }
}

impl Placed<String> for String {
    fn parts(self) -> (String, Option<usize>) {
        (self, None)
    }
}

impl Placed<i64> for i64 {
    fn parts(self) -> (i64, Option<usize>) {
        (self, None)
    }
}

impl Placed<f64> for f64 {
    fn parts(self) -> (f64, Option<usize>) {
        (self, None)
    }
}
