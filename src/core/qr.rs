//! QR codes of share links: the module matrix at error correction M, and an SVG of it.
//!
//! The SVG is built from the matrix alone (numbers and fixed markup, never text from the
//! link), so the UI can embed it as it is. One `<path>` draws every dark module, row by row in
//! runs, which keeps a version-13 code to a few kilobytes.

use qrcode::{Color, EcLevel, QrCode, Version};
use std::fmt::Write;
use thiserror::Error;

/// Modules of light margin around the code, as scanners expect.
pub const QUIET_ZONE: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum QrError {
    #[error("This link is too long for a QR code")]
    TooLong,
}

/// The modules of a QR code, row by row, `true` for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    version: u8,
    width: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// The smallest code at error correction M that holds `text`.
    pub fn new(text: &str) -> Result<QrMatrix, QrError> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|_| QrError::TooLong)?;
        let version = match code.version() {
            Version::Normal(v) | Version::Micro(v) => u8::try_from(v).unwrap_or(0),
        };
        Ok(QrMatrix {
            version,
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
    }

    /// The QR version, 1 to 40: the code is `17 + 4 × version` modules wide.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` is dark; outside the code it is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// A QR code ready to embed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// A complete `<svg>` element sized by its container (`viewBox` in modules).
    pub svg: String,
    pub version: u8,
}

/// The QR code of `text` as SVG, at error correction M with a quiet zone of 4 modules.
pub fn qr_svg(text: &str) -> Result<QrSvg, QrError> {
    let matrix = QrMatrix::new(text)?;
    Ok(QrSvg {
        svg: svg_of(&matrix),
        version: matrix.version(),
    })
}

fn svg_of(m: &QrMatrix) -> String {
    let size = m.width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for y in 0..m.width {
        let mut x = 0;
        while x < m.width {
            if !m.is_dark(x, y) {
                x += 1;
                continue;
            }
            let run = (x..m.width).take_while(|&x| m.is_dark(x, y)).count();
            // Writing to a String cannot fail.
            let _ = write!(
                path,
                "M{} {}h{run}v1h-{run}z",
                x + QUIET_ZONE,
                y + QUIET_ZONE
            );
            x += run;
        }
    }
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" "#,
            r#"shape-rendering="crispEdges">"#,
            r##"<rect width="{size}" height="{size}" fill="#fff"/>"##,
            r##"<path fill="#000" d="{path}"/></svg>"##
        ),
        size = size,
        path = path
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Reads the dark modules back out of the SVG path, so the tests check what is drawn.
    fn modules_in_svg(svg: &str, size: usize) -> Vec<bool> {
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut grid = vec![false; size * size];
        for cmd in d.split('z').filter(|c| !c.is_empty()) {
            let (xy, rest) = cmd.strip_prefix('M').unwrap().split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            assert_eq!(rest, format!("{run}v1h-{run}"));
            for i in 0..run {
                assert!(!grid[y * size + x + i], "a module is drawn twice");
                grid[y * size + x + i] = true;
            }
        }
        grid
    }

    /// The SVG rasterised at `scale` pixels a module and decoded by an independent reader.
    pub(crate) fn scan(svg: &str, size: usize) -> String {
        let grid = modules_in_svg(svg, size);
        let scale = 4;
        let px = size * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
            if grid[(y / scale) * size + x / scale] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "expected exactly one QR code");
        grids[0].decode().unwrap().1
    }

    #[test]
    fn the_svg_draws_the_matrix_inside_a_quiet_zone() {
        let text = "https://commonground.example/#/m/AQA";
        let m = QrMatrix::new(text).unwrap();
        let qr = qr_svg(text).unwrap();
        assert_eq!(qr.version, m.version());
        assert_eq!(m.width(), 17 + 4 * usize::from(m.version()));
        let size = m.width() + 2 * QUIET_ZONE;
        assert!(qr.svg.contains(&format!(r#"viewBox="0 0 {size} {size}""#)));
        assert!(qr.svg.contains(r#"shape-rendering="crispEdges""#));
        assert_eq!(qr.svg.matches("<path").count(), 1);
        let grid = modules_in_svg(&qr.svg, size);
        for y in 0..size {
            for x in 0..size {
                let inside = (QUIET_ZONE..QUIET_ZONE + m.width()).contains(&x)
                    && (QUIET_ZONE..QUIET_ZONE + m.width()).contains(&y);
                let expected = inside && m.is_dark(x - QUIET_ZONE, y - QUIET_ZONE);
                assert_eq!(grid[y * size + x], expected, "module {x},{y}");
            }
        }
        assert_eq!(scan(&qr.svg, size), text);
    }

    #[test]
    fn the_svg_holds_nothing_from_the_text() {
        let text = "<script>alert('x')</script>";
        let qr = qr_svg(text).unwrap();
        assert!(!qr.svg.contains("script") && !qr.svg.contains("alert"));
        let size = 17 + 4 * usize::from(qr.version) + 2 * QUIET_ZONE;
        assert_eq!(scan(&qr.svg, size), text);
    }

    #[test]
    fn text_beyond_the_largest_code_is_an_error() {
        assert_eq!(qr_svg(&"x".repeat(3_000)), Err(QrError::TooLong));
        assert!(QrMatrix::new(&"x".repeat(2_000)).is_ok());
    }
}
