//! Reading QR codes from camera frames, for browsers without a native `BarcodeDetector`
//! (Safari, Firefox, desktop Chromium): a greyscale frame in, the texts of the codes found out.
//!
//! Only the scan screen calls this, so `rqrr` lands in the sharing chunk, not the first visit.

/// The texts of every QR code rqrr can read in a `width` × `height` greyscale frame (one byte
/// per pixel, row by row). A short or odd-sized buffer reads as no code rather than a panic.
pub fn read_codes(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    if width == 0 || height == 0 || luma.len() < width.saturating_mul(height) {
        return Vec::new();
    }
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::qr::{QrMatrix, QUIET_ZONE};

    /// A frame with the code of `text` drawn at `scale` pixels per module, placed at `(ox, oy)`
    /// on a grey background, as a camera might see it.
    pub(crate) fn frame(
        text: &str,
        w: usize,
        h: usize,
        scale: usize,
        ox: usize,
        oy: usize,
    ) -> Vec<u8> {
        let m = QrMatrix::new(text).unwrap();
        let mut luma = vec![170u8; w * h];
        let side = (m.width() + 2 * QUIET_ZONE) * scale;
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / scale, y / scale);
                let dark = mx >= QUIET_ZONE
                    && my >= QUIET_ZONE
                    && m.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE);
                luma[(oy + y) * w + ox + x] = if dark { 20 } else { 240 };
            }
        }
        luma
    }

    #[test]
    fn reads_a_share_link_off_a_frame() {
        let link = "https://example.org/cg/#/m/AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w";
        let luma = frame(link, 640, 480, 4, 100, 40);
        assert_eq!(read_codes(640, 480, &luma), vec![link.to_string()]);
    }

    #[test]
    fn an_empty_or_short_frame_reads_nothing() {
        assert!(read_codes(640, 480, &[]).is_empty());
        assert!(read_codes(0, 0, &[]).is_empty());
        assert!(read_codes(64, 64, &vec![255; 64 * 64]).is_empty());
    }
}
