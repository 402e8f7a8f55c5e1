//! Writes a Y4M video of QR codes, for Chromium's fake camera in the scan test
//! (`--use-file-for-fake-video-capture`): each text is shown for three seconds, in order.
//!
//!     cargo run --example qr_y4m -- <out.y4m> <text> [<text>…]

use common_ground::core::qr::{QrMatrix, QUIET_ZONE};
use std::io::Write;

const WIDTH: usize = 640;
const HEIGHT: usize = 480;
const FPS: usize = 10;
const SECONDS_PER_TEXT: usize = 3;

/// The luma plane of one frame: the code centred on a mid-grey background, as a camera sees a
/// phone screen.
fn frame(text: &str) -> Result<Vec<u8>, String> {
    let m = QrMatrix::new(text).map_err(|e| format!("{text:?}: {e}"))?;
    let modules = m.width() + 2 * QUIET_ZONE;
    let scale = (HEIGHT - 20) / modules;
    if scale == 0 {
        return Err(format!(
            "{text:?}: too many modules for a {WIDTH}×{HEIGHT} frame"
        ));
    }
    let side = modules * scale;
    let (ox, oy) = ((WIDTH - side) / 2, (HEIGHT - side) / 2);
    let mut luma = vec![128u8; WIDTH * HEIGHT];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (x / scale, y / scale);
            let dark =
                mx >= QUIET_ZONE && my >= QUIET_ZONE && m.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE);
            luma[(oy + y) * WIDTH + ox + x] = if dark { 16 } else { 235 };
        }
    }
    Ok(luma)
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, texts @ ..] = args.as_slice() else {
        return Err("usage: qr_y4m <out.y4m> <text> [<text>…]".into());
    };
    if texts.is_empty() {
        return Err("usage: qr_y4m <out.y4m> <text> [<text>…]".into());
    }
    let chroma = vec![128u8; (WIDTH / 2) * (HEIGHT / 2)];
    let mut video = Vec::new();
    writeln!(
        video,
        "YUV4MPEG2 W{WIDTH} H{HEIGHT} F{FPS}:1 Ip A1:1 C420jpeg"
    )
    .map_err(|e| e.to_string())?;
    for text in texts {
        let luma = frame(text)?;
        for _ in 0..FPS * SECONDS_PER_TEXT {
            video.extend_from_slice(b"FRAME\n");
            video.extend_from_slice(&luma);
            video.extend_from_slice(&chroma);
            video.extend_from_slice(&chroma);
        }
    }
    std::fs::write(out, video).map_err(|e| format!("{out}: {e}"))
}
