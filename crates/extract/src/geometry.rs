//! Affine matrices (PDF 32000-1 §8.3.3) and text directions.

/// `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    pub fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// From six operands; `None` unless all are finite.
    pub fn from_slice(v: &[f32]) -> Option<Matrix> {
        let m: [f32; 6] = v.try_into().ok()?;
        m.iter().all(|x| x.is_finite()).then_some(Matrix(m))
    }

    /// `self` applied first, then `then`.
    pub fn then(&self, then: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    pub fn apply_vector(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, _, _] = self.0;
        (a * x + c * y, b * x + d * y)
    }
}

/// The direction a line of text runs in on the displayed page (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Dir {
    /// Left to right, upright: the normal case.
    #[default]
    Right,
    /// Top to bottom (text turned 90° clockwise).
    Down,
    /// Right to left, upside down.
    Left,
    /// Bottom to top (text turned 90° counter-clockwise).
    Up,
}

impl Dir {
    /// The nearest direction of a baseline vector in display space.
    pub fn of_vector(dx: f32, dy: f32) -> Dir {
        if dx.abs() >= dy.abs() {
            if dx >= 0.0 { Dir::Right } else { Dir::Left }
        } else if dy > 0.0 {
            Dir::Down
        } else {
            Dir::Up
        }
    }

    /// Display coordinates → the frame in which this direction's text runs left to right.
    pub fn to_frame(self, (x, y): (f32, f32)) -> (f32, f32) {
        match self {
            Dir::Right => (x, y),
            Dir::Down => (y, -x),
            Dir::Left => (-x, -y),
            Dir::Up => (-y, x),
        }
    }

    /// The inverse of [`Dir::to_frame`].
    pub fn to_display(self, (x, y): (f32, f32)) -> (f32, f32) {
        match self {
            Dir::Right => (x, y),
            Dir::Down => (-y, x),
            Dir::Left => (-x, -y),
            Dir::Up => (y, -x),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concatenation_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 0.0);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 2.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 2.0));
    }

    #[test]
    fn frames_round_trip() {
        for dir in [Dir::Right, Dir::Down, Dir::Left, Dir::Up] {
            assert_eq!(dir.to_display(dir.to_frame((3.0, -7.0))), (3.0, -7.0));
        }
        // Along the baseline of each direction, the frame's x grows.
        assert!(Dir::Down.to_frame((0.0, 5.0)).0 > Dir::Down.to_frame((0.0, 1.0)).0);
        assert!(Dir::Up.to_frame((0.0, 1.0)).0 > Dir::Up.to_frame((0.0, 5.0)).0);
    }
}
