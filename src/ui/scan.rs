//! Rust wrappers over the scan screen's camera glue (`scan_glue.js`): start and stop the rear
//! camera, and read the codes in its current frame by `BarcodeDetector` or, without one, rqrr,
//! which is a chunk of its own ("scanning"); and read a contact card a code may hold, with the
//! vCard reader of the "settings" group.

use crate::core::draft::PersonDraftData;
use crate::core::qr_scan::read_codes;
use crate::core::vcard::contact_from_code;
use crate::store::record_chunk::ChunkMissing;
use crate::ui::pages::person_form::ScannedCard;
use leptos::wasm_split::wasm_split;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Reads the QR codes in a greyscale frame (width, height, one byte a pixel).
pub type ReadCodes = fn(usize, usize, &[u8]) -> Vec<String>;

// rqrr is most of what the scan page would weigh (its group is 84 KB gzip), and a phone with
// `BarcodeDetector` (Chrome on Android) never needs it; the page draws without it, the camera's
// permission prompt comes up while it downloads, and pasting a link never waits for it.
#[wasm_split(scanning, wasm_split_path = ::leptos::wasm_split, fallible)]
fn code_reader_chunk() -> Result<ReadCodes, ChunkMissing> {
    Ok(read_codes)
}

/// The QR decoder, fetched the first time (a failed fetch is tried again on the next call).
pub async fn code_reader() -> Result<ReadCodes, ChunkMissing> {
    code_reader_chunk().await
}

/// Reads the contact card in a scanned code's text.
pub type ReadCard = fn(&str) -> Option<ScannedCard>;

// The vCard reader is the contacts import's, in the "settings" group: fetched only when a code
// turns out to be a contact card (a badge at a conference), never for a map's code.
#[wasm_split(settings, wasm_split_path = ::leptos::wasm_split, fallible)]
fn card_reader_chunk() -> Result<ReadCard, ChunkMissing> {
    Ok(|text| {
        contact_from_code(text).map(|card| ScannedCard {
            from: format!("{}'s contact card", card.name),
            fields: PersonDraftData {
                name: card.name,
                what: card.what,
                interests: card.interests,
                notes: card.notes,
                phone: card.contact.phone,
                email: card.contact.email,
                web: card.contact.web,
                social: card.contact.social,
                ..PersonDraftData::default()
            },
            warnings: card.warnings,
        })
    })
}

/// The contact card reader, fetched the first time a card is seen.
pub async fn card_reader() -> Result<ReadCard, ChunkMissing> {
    card_reader_chunk().await
}

#[wasm_bindgen(module = "/src/ui/scan_glue.js")]
extern "C" {
    #[wasm_bindgen(js_name = startCamera)]
    fn start_camera_js(video: &web_sys::Element) -> js_sys::Promise;
    #[wasm_bindgen(js_name = stopCamera)]
    pub fn stop_camera(video: &web_sys::Element);
    #[wasm_bindgen(js_name = detect)]
    fn detect_js(video: &web_sys::Element) -> js_sys::Promise;
    #[wasm_bindgen(js_name = grabFrame)]
    fn grab_frame_js(video: &web_sys::Element) -> JsValue;
    #[wasm_bindgen(js_name = hasTorch)]
    pub fn has_torch(video: &web_sys::Element) -> bool;
    #[wasm_bindgen(js_name = setTorch)]
    fn set_torch_js(video: &web_sys::Element, on: bool) -> js_sys::Promise;
    /// A short buzz: a code was read.
    pub fn buzz();
    #[wasm_bindgen(js_name = sleep)]
    fn sleep_js(ms: u32) -> js_sys::Promise;
}

/// Why the camera cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    Refused,
    Absent,
    Busy,
}

impl CameraError {
    pub fn message(self) -> &'static str {
        match self {
            CameraError::Refused => "Camera access was refused. Allow the camera for this site in your browser's settings, or paste the link below.",
            CameraError::Absent => "No camera could be found on this device. Paste the link below instead.",
            CameraError::Busy => "The camera is busy in another app. Close that app and come back, or paste the link below.",
        }
    }
}

pub async fn start_camera(video: &web_sys::Element) -> Result<(), CameraError> {
    let answer = JsFuture::from(start_camera_js(video))
        .await
        .ok()
        .and_then(|v| v.as_string());
    match answer.as_deref() {
        Some("ok") => Ok(()),
        Some("refused") => Err(CameraError::Refused),
        Some("busy") => Err(CameraError::Busy),
        _ => Err(CameraError::Absent),
    }
}

/// The texts of the QR codes in the camera's current frame (none before the first frame), or
/// `ChunkMissing` when the frame needs the decoder and it cannot be fetched.
pub async fn read_frame(video: &web_sys::Element) -> Result<Vec<String>, ChunkMissing> {
    if let Ok(found) = JsFuture::from(detect_js(video)).await {
        if !found.is_null() {
            return Ok(js_sys::Array::from(&found)
                .iter()
                .filter_map(|v| v.as_string())
                .collect());
        }
    }
    let read = code_reader().await?;
    let frame = grab_frame_js(video);
    if frame.is_null() || frame.is_undefined() {
        return Ok(Vec::new());
    }
    let get = |k: &str| js_sys::Reflect::get(&frame, &JsValue::from_str(k)).ok();
    let (Some(w), Some(h), Some(luma)) = (
        get("width").and_then(|v| v.as_f64()),
        get("height").and_then(|v| v.as_f64()),
        get("luma"),
    ) else {
        return Ok(Vec::new());
    };
    Ok(read(
        w as usize,
        h as usize,
        &js_sys::Uint8Array::new(&luma).to_vec(),
    ))
}

/// Switches the camera's light (see `has_torch`); false when the camera refused.
pub async fn set_torch(video: &web_sys::Element, on: bool) -> bool {
    JsFuture::from(set_torch_js(video, on))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        == Some(true)
}

pub async fn sleep(ms: u32) {
    let _ = JsFuture::from(sleep_js(ms)).await;
}
