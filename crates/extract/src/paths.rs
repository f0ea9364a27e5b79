//! Horizontal rules a page draws: underlines, the short rule above footnotes, table borders.
//! Only what text analysis needs: a painted path's horizontal segments and flat rectangles,
//! in display space. Curves and everything else painted are ignored.

use crate::geometry::Matrix;

/// A horizontal rule in display space (`y` downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    /// The rule's middle.
    pub y: f32,
    pub thickness: f32,
}

/// Rules thicker than this (in points) are boxes or bars, not lines.
const MAX_THICKNESS: f32 = 3.0;
/// Rules shorter than this (in points) are dots or dashes of a pattern.
const MIN_LENGTH: f32 = 3.0;
/// Segments and rectangles kept per path, at most.
const MAX_PARTS: usize = 4096;

/// The path being constructed (`m`, `l`, `re`, `h`), in display space.
#[derive(Debug, Default)]
pub struct Path {
    /// Straight segments.
    segments: Vec<((f32, f32), (f32, f32))>,
    /// Rectangles as their four corners.
    rects: Vec<[(f32, f32); 4]>,
    current: Option<(f32, f32)>,
    start: Option<(f32, f32)>,
}

impl Path {
    pub fn move_to(&mut self, ctm: &Matrix, x: f32, y: f32) {
        let p = ctm.apply(x, y);
        self.current = Some(p);
        self.start = Some(p);
    }

    pub fn line_to(&mut self, ctm: &Matrix, x: f32, y: f32) {
        let p = ctm.apply(x, y);
        if let Some(from) = self.current
            && self.segments.len() < MAX_PARTS
        {
            self.segments.push((from, p));
        }
        self.current = Some(p);
    }

    /// A curve: only its end point matters here.
    pub fn curve_to(&mut self, ctm: &Matrix, x: f32, y: f32) {
        self.current = Some(ctm.apply(x, y));
    }

    pub fn close(&mut self) {
        if let (Some(from), Some(to)) = (self.current, self.start)
            && self.segments.len() < MAX_PARTS
        {
            self.segments.push((from, to));
        }
        self.current = self.start;
    }

    pub fn rect(&mut self, ctm: &Matrix, x: f32, y: f32, w: f32, h: f32) {
        if self.rects.len() < MAX_PARTS {
            self.rects.push([
                ctm.apply(x, y),
                ctm.apply(x + w, y),
                ctm.apply(x + w, y + h),
                ctm.apply(x, y + h),
            ]);
        }
        let start = ctm.apply(x, y);
        self.current = Some(start);
        self.start = Some(start);
    }

    /// Paints the path (stroked with `line_width` display points and/or filled) and ends
    /// it: the horizontal rules it draws.
    pub fn paint(&mut self, stroke: Option<f32>, fill: bool) -> Vec<Rule> {
        let mut rules = Vec::new();
        if let Some(width) = stroke {
            for &(a, b) in &self.segments {
                push_segment(&mut rules, a, b, width);
            }
            for corners in &self.rects {
                for k in 0..4 {
                    if let (Some(&a), Some(&b)) = (corners.get(k), corners.get((k + 1) % 4)) {
                        push_segment(&mut rules, a, b, width);
                    }
                }
            }
        }
        if fill {
            for corners in &self.rects {
                push_flat_rect(&mut rules, corners);
            }
        }
        // Emptied, its room kept for the next path (a map draws thousands).
        self.segments.clear();
        self.rects.clear();
        (self.current, self.start) = (None, None);
        rules
    }
}

/// A stroked segment that runs horizontally.
fn push_segment(rules: &mut Vec<Rule>, a: (f32, f32), b: (f32, f32), width: f32) {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    if (a.1 - b.1).abs() < 0.5 && x1 - x0 >= MIN_LENGTH && width <= MAX_THICKNESS {
        rules.push(Rule {
            x0,
            x1,
            y: (a.1 + b.1) / 2.0,
            thickness: width.max(0.1),
        });
    }
}

/// A filled rectangle that is a horizontal line: wide and flat.
fn push_flat_rect(rules: &mut Vec<Rule>, corners: &[(f32, f32); 4]) {
    let xs = corners.map(|c| c.0);
    let ys = corners.map(|c| c.1);
    let (x0, x1) = (
        xs.iter().copied().fold(f32::INFINITY, f32::min),
        xs.iter().copied().fold(f32::NEG_INFINITY, f32::max),
    );
    let (y0, y1) = (
        ys.iter().copied().fold(f32::INFINITY, f32::min),
        ys.iter().copied().fold(f32::NEG_INFINITY, f32::max),
    );
    if y1 - y0 <= MAX_THICKNESS && x1 - x0 >= MIN_LENGTH && x1 - x0 > 3.0 * (y1 - y0) {
        rules.push(Rule {
            x0,
            x1,
            y: (y0 + y1) / 2.0,
            thickness: (y1 - y0).max(0.1),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_from_strokes_and_flat_fills() {
        let id = Matrix::IDENTITY;
        let mut path = Path::default();
        path.move_to(&id, 10.0, 100.0);
        path.line_to(&id, 110.0, 100.0);
        path.line_to(&id, 110.0, 200.0);
        let rules = path.paint(Some(0.5), false);
        assert_eq!(rules.len(), 1);
        assert_eq!((rules[0].x0, rules[0].x1, rules[0].y), (10.0, 110.0, 100.0));
        path.rect(&id, 10.0, 50.0, 80.0, 0.6);
        path.rect(&id, 10.0, 60.0, 80.0, 40.0);
        let rules = path.paint(None, true);
        assert_eq!(rules.len(), 1);
        assert!((rules[0].y - 50.3).abs() < 0.01);
    }
}
