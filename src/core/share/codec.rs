//! The link payload around the body: version and flags, deflate, base64url, and the envelope
//! of a link locked with a passphrase.
//!
//! ```text
//! plain   version(1) flags(1: bit 0 = body is raw deflate) body
//! sealed  version(1) flags(1: bit 1 = sealed) iterations(LEB128) salt(16) iv(12) ciphertext
//! ```
//!
//! Version 1's body is the bit stream of `body.rs`; versions 2 and 3 are the range-coded stream
//! of `body2.rs`, which needs the tables of `share-model-2.bin` (`ShareModel`) and is never
//! deflated; version 3 codes the name without the tables, so [`peek_name`] can read it first.
//! The app writes version 3 when the tables are here and version 1 otherwise (an offline first
//! visit to the share page), and reads all three, forever.
//!
//! The version byte comes first and outside the compression so that an old app can say "made
//! by a newer version" without trying to read anything else. The plaintext of a sealed link is
//! a whole plain payload (`payload_bytes`), so locking changes nothing inside.

use super::body::{decode_body, encode_body};
use super::body2::{self, NameCoding};
use super::error::ShareError;
use super::inflate::{inflate_at_most, Inflated};
use super::words::ShareModel;
use super::SharePayload;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::sync::OnceLock;

/// The link format this app writes (when its tables are loaded), and the newest it reads.
pub const FORMAT_VERSION: u8 = 3;
/// The format written without the tables, and read with no tables at all.
const FORMAT_1: u8 = 1;
/// Format 3 with the name coded by the tables: read, no longer written.
const FORMAT_2: u8 = 2;
/// The longest payload accepted, in characters: a 200-interest map of ordinary labels fits
/// with room to spare, and anything longer is not a map someone typed.
pub const FRAGMENT_MAX_CHARS: usize = 4_000;
/// The most a body may inflate to: far above any real map, far below a zip bomb.
pub const BODY_MAX_BYTES: usize = 16 * 1024;
/// PBKDF2-SHA-256 iterations for new locked links.
pub const PBKDF2_ITERATIONS: u32 = 200_000;
/// The most iterations a locked link may ask for, so that a hostile link cannot keep a phone
/// busy for minutes before the passphrase prompt even answers.
pub const PBKDF2_ITERATIONS_MAX: u32 = 1_000_000;
pub const SALT_LEN: usize = 16;
/// AES-GCM nonce length.
pub const IV_LEN: usize = 12;
/// AES-GCM appends a 16-byte tag to the ciphertext.
pub const GCM_TAG_LEN: usize = 16;

const FLAG_DEFLATED: u8 = 1;
const FLAG_SEALED: u8 = 2;
/// Deflate's strongest setting: links are made rarely and read on every open.
const DEFLATE_LEVEL: u8 = 10;

/// What a link holds: a map to show, or a locked one for the shell to decrypt with the
/// passphrase and pass to [`payload_from_bytes`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    Plain(SharePayload),
    Sealed {
        salt: [u8; SALT_LEN],
        iv: [u8; IV_LEN],
        ciphertext: Vec<u8>,
        iterations: u32,
    },
}

/// The link payload for `payload`: the part after `#/m/`, in format 3 when the tables have
/// been provided (see [`provide_model`]), else in format 1.
pub fn encode(payload: &SharePayload) -> String {
    encode_with(payload, installed_model())
}

/// [`encode`] with the tables given: `None` writes format 1, else format 3.
pub fn encode_with(payload: &SharePayload, model: Option<&ShareModel>) -> String {
    URL_SAFE_NO_PAD.encode(payload_bytes_with(payload, model))
}

/// The plain payload bytes (version, flags, body): what a link carries, and what the shell
/// encrypts for a locked link.
pub fn payload_bytes(payload: &SharePayload) -> Vec<u8> {
    payload_bytes_with(payload, installed_model())
}

/// [`payload_bytes`] with the tables given: `None` writes format 1.
pub fn payload_bytes_with(payload: &SharePayload, model: Option<&ShareModel>) -> Vec<u8> {
    match model {
        Some(model) => range_coded_bytes(payload, model, FORMAT_VERSION),
        None => format_1_bytes(payload),
    }
}

/// A format-2 or format-3 payload (format 2 only for the tests' saved links).
pub(super) fn range_coded_bytes(
    payload: &SharePayload,
    model: &ShareModel,
    version: u8,
) -> Vec<u8> {
    let coding = if version == FORMAT_2 {
        NameCoding::Tables
    } else {
        NameCoding::Fixed
    };
    let body = body2::encode_body(payload, model, coding);
    let mut bytes = Vec::with_capacity(body.len() + 2);
    bytes.extend([version, 0]);
    bytes.extend(body);
    bytes
}

/// Format 1: the body is deflated only when that makes it smaller, which for a typical map it
/// does not (the body is already packed tightly).
fn format_1_bytes(payload: &SharePayload) -> Vec<u8> {
    let body = encode_body(payload);
    let deflated = miniz_oxide::deflate::compress_to_vec(&body, DEFLATE_LEVEL);
    let (flags, body) = if deflated.len() < body.len() {
        (FLAG_DEFLATED, deflated)
    } else {
        (0, body)
    };
    let mut bytes = Vec::with_capacity(body.len() + 2);
    bytes.extend([FORMAT_1, flags]);
    bytes.extend(body);
    bytes
}

/// The link payload of a locked map, from what the shell's AES-GCM produced.
///
/// The envelope's version is that of the plaintext [`payload_bytes`] makes, so that an app that reads only
/// format 1 says "made by a newer version" before asking for the passphrase.
pub fn encode_sealed(salt: [u8; SALT_LEN], iv: [u8; IV_LEN], ciphertext: &[u8]) -> String {
    let version = if installed_model().is_some() {
        FORMAT_VERSION
    } else {
        FORMAT_1
    };
    encode_sealed_as(version, salt, iv, ciphertext)
}

/// [`encode_sealed`] for a plaintext of format `version`.
pub fn encode_sealed_as(
    version: u8,
    salt: [u8; SALT_LEN],
    iv: [u8; IV_LEN],
    ciphertext: &[u8],
) -> String {
    let mut bytes = vec![version, FLAG_SEALED];
    let mut n = PBKDF2_ITERATIONS;
    loop {
        let more = n >= 0x80;
        bytes.push((n & 0x7f) as u8 | if more { 0x80 } else { 0 });
        n >>= 7;
        if !more {
            break;
        }
    }
    bytes.extend(salt);
    bytes.extend(iv);
    bytes.extend_from_slice(ciphertext);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The map in a link payload; a locked link is [`ShareError::Locked`] (use
/// [`decode_envelope`] to open those).
pub fn decode(fragment: &str) -> Result<SharePayload, ShareError> {
    decode_with(fragment, installed_model())
}

/// [`decode`] with the tables given: `None` reads format 1 only.
pub fn decode_with(fragment: &str, model: Option<&ShareModel>) -> Result<SharePayload, ShareError> {
    match decode_envelope_with(fragment, model)? {
        Decoded::Plain(payload) => Ok(payload),
        Decoded::Sealed { .. } => Err(ShareError::Locked),
    }
}

/// Reads a link payload (the part after `#/m/`), plain or locked.
pub fn decode_envelope(fragment: &str) -> Result<Decoded, ShareError> {
    decode_envelope_with(fragment, installed_model())
}

/// [`decode_envelope`] with the tables given.
pub fn decode_envelope_with(
    fragment: &str,
    model: Option<&ShareModel>,
) -> Result<Decoded, ShareError> {
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    if fragment.len() > FRAGMENT_MAX_CHARS {
        return Err(ShareError::TooLong);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(fragment)
        .map_err(|_| ShareError::Damaged)?;
    let (flags, rest) = header(&bytes)?;
    if flags == FLAG_SEALED {
        sealed(rest)
    } else {
        payload_from_bytes_with(&bytes, model).map(Decoded::Plain)
    }
}

/// The map in plain payload bytes: a link's, or a locked link's decrypted plaintext.
pub fn payload_from_bytes(bytes: &[u8]) -> Result<SharePayload, ShareError> {
    payload_from_bytes_with(bytes, installed_model())
}

/// [`payload_from_bytes`] with the tables given.
pub fn payload_from_bytes_with(
    bytes: &[u8],
    model: Option<&ShareModel>,
) -> Result<SharePayload, ShareError> {
    if bytes.len() > BODY_MAX_BYTES + 2 {
        return Err(ShareError::OverLimit);
    }
    let (flags, body) = header(bytes)?;
    match (bytes[0], flags) {
        (FORMAT_1, 0) => decode_body(body),
        (FORMAT_1, FLAG_DEFLATED) => decode_body(&inflate(body)?),
        (FORMAT_1, _) => Err(ShareError::Damaged),
        (FORMAT_2, 0) => {
            body2::decode_body(body, model.ok_or_else(model_error)?, NameCoding::Tables)
        }
        (_, 0) => body2::decode_body(body, model.ok_or_else(model_error)?, NameCoding::Fixed),
        _ => Err(ShareError::Damaged),
    }
}

/// The sender's name in a format-3 link's payload bytes, read without the tables and without
/// reading the rest: for the app frame to say whose map is opening while the received page's
/// chunk and the tables download (the shell decodes the base64 with the browser's own `atob`,
/// so that the main module carries no base64 engine). `None` for an empty name, any other
/// format, a locked link or a damaged start; the received page still checks the whole link
/// before showing anything else.
pub fn peek_name(payload: &[u8]) -> Option<String> {
    if payload.len() > BODY_MAX_BYTES + 2 {
        return None;
    }
    match payload {
        [FORMAT_VERSION, 0, body @ ..] => body2::peek_name(body)
            .ok()
            .filter(|name| !name.trim().is_empty()),
        _ => None,
    }
}

// ---- the tables ------------------------------------------------------------------------------

/// The tables' file as the shell fetched it, parsed on first use (so that the parser stays in
/// the pages that code links, not in the app's first download).
static MODEL_FILE: OnceLock<Vec<u8>> = OnceLock::new();
static MODEL: OnceLock<Result<ShareModel, ShareError>> = OnceLock::new();

/// Hands the core the bytes of `share-model-2.bin`; the first call wins (the file of a format
/// never changes).
pub fn provide_model(file: Vec<u8>) {
    let _ = MODEL_FILE.set(file);
}

/// Whether the shell has provided the tables' file.
pub fn model_provided() -> bool {
    MODEL_FILE.get().is_some()
}

/// The tables, once provided and read.
pub fn installed_model() -> Option<&'static ShareModel> {
    let file = MODEL_FILE.get()?;
    MODEL
        .get_or_init(|| ShareModel::from_bytes(file))
        .as_ref()
        .ok()
}

/// Why a format-2 link cannot be read here: the tables never arrived, or arrived damaged.
fn model_error() -> ShareError {
    if model_provided() {
        ShareError::ModelDamaged
    } else {
        ShareError::ModelMissing
    }
}

/// Checks the version and splits off the flags.
fn header(bytes: &[u8]) -> Result<(u8, &[u8]), ShareError> {
    let (&version, rest) = bytes.split_first().ok_or(ShareError::Damaged)?;
    if version > FORMAT_VERSION {
        return Err(ShareError::NewerVersion);
    }
    if version == 0 {
        return Err(ShareError::Damaged);
    }
    let (&flags, rest) = rest.split_first().ok_or(ShareError::Damaged)?;
    Ok((flags, rest))
}

fn sealed(bytes: &[u8]) -> Result<Decoded, ShareError> {
    let (iterations, rest) = leb128(bytes)?;
    if iterations == 0 {
        return Err(ShareError::Damaged);
    }
    if iterations > PBKDF2_ITERATIONS_MAX {
        return Err(ShareError::TooCostly);
    }
    let (salt, rest) = rest.split_at_checked(SALT_LEN).ok_or(ShareError::Damaged)?;
    let (iv, ciphertext) = rest.split_at_checked(IV_LEN).ok_or(ShareError::Damaged)?;
    // The tag alone is 16 bytes and the smallest plain payload a few more.
    if ciphertext.len() <= GCM_TAG_LEN + 2 {
        return Err(ShareError::Damaged);
    }
    Ok(Decoded::Sealed {
        salt: salt.try_into().map_err(|_| ShareError::Damaged)?,
        iv: iv.try_into().map_err(|_| ShareError::Damaged)?,
        ciphertext: ciphertext.to_vec(),
        iterations,
    })
}

/// A little-endian base-128 number of at most five bytes that fits in a `u32`.
fn leb128(bytes: &[u8]) -> Result<(u32, &[u8]), ShareError> {
    let mut value: u64 = 0;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            let value = u32::try_from(value).map_err(|_| ShareError::Damaged)?;
            return Ok((value, bytes.get(i + 1..).unwrap_or_default()));
        }
    }
    Err(ShareError::Damaged)
}

/// Raw inflate into a fixed buffer: output past [`BODY_MAX_BYTES`] stops it (a zip bomb costs
/// 16 KiB, not memory), and input left after the final block is refused as garbage.
fn inflate(input: &[u8]) -> Result<Vec<u8>, ShareError> {
    inflate_at_most(input, BODY_MAX_BYTES).map_err(|full| match full {
        Inflated::TooBig => ShareError::OverLimit,
        Inflated::Damaged => ShareError::Damaged,
    })
}
