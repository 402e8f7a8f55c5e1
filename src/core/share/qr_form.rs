//! The QR form of a share link: `#/M/` and the payload's bytes in 41 characters that a QR
//! code's alphanumeric mode stores in 5.5 bits each.
//!
//! A QR code stores a base64url link in byte mode, 8 bits for every 6 bits of payload. Its
//! alphanumeric mode holds only `0-9 A-Z $%*+-./:` and space, but packs two of them in 11
//! bits; two payload bytes written as three of 41 characters (41³ ≥ 2¹⁶, as RFC 9285's base45
//! does with 45) cost 16.5 bits instead of 21.3, so the same payload needs about a quarter
//! fewer modules, and the code is one or two versions smaller. Space and `%` are left out
//! because a URL cannot carry them as they are; `/` and `.` because a fragment's `/` splits
//! routes and a link's last `.` is dropped by chat apps. The text link stays base64url, which is
//! shorter in characters.
//!
//! Hand-written because the base45 crates use RFC 9285's alphabet, with space and `%`.

/// Value `i` is written as `ALPHABET[i]`.
const ALPHABET: &[u8; 41] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-:";
const BASE: u32 = 41;
/// The fragment prefix of a QR-form link; `#/m/` is the base64url form.
pub const QR_ROUTE: &str = "#/M/";

/// `bytes` in the QR alphabet: each pair as three characters, least significant first; an odd
/// last byte as two.
pub fn to_qr_text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3 / 2 + 2);
    for pair in bytes.chunks(2) {
        let (value, digits) = match *pair {
            [a, b] => (u32::from(a) << 8 | u32::from(b), 3),
            [a] => (u32::from(a), 2),
            _ => unreachable!("chunks(2) yields one or two bytes"),
        };
        let mut v = value;
        for _ in 0..digits {
            out.push(char::from(ALPHABET[(v % BASE) as usize]));
            v /= BASE;
        }
    }
    out
}

/// The bytes of a QR-form text; `None` unless every character is in the alphabet and every
/// group names a value its bytes can hold (so each byte string has exactly one text).
pub fn from_qr_text(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|i| i as u32))
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(digits.len() * 2 / 3 + 1);
    for group in digits.chunks(3) {
        let value = group.iter().rev().fold(0, |v, &d| v * BASE + d);
        match group.len() {
            3 if value <= 0xffff => out.extend_from_slice(&[(value >> 8) as u8, value as u8]),
            2 if value <= 0xff => out.push(value as u8),
            _ => return None,
        }
    }
    Some(out)
}

/// The QR form of a whole link (`…#/m/<base64url>` → `…#/M/<qr text>`), plain or locked;
/// `None` if `link` is not a share link.
pub fn qr_form_of(link: &str) -> Option<String> {
    use base64::Engine;
    let (base, payload) = link.split_once("#/m/")?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    Some(format!("{base}{QR_ROUTE}{}", to_qr_text(&bytes)))
}

/// The text after `#/m/` for the same bytes: base64url without padding. Written here because
/// it runs in the main module (routing), which would otherwise take in the base64 crate's
/// engine; the codec's tests check both agree.
pub fn base64url(bytes: &[u8]) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(B64[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use proptest::prelude::*;

    #[test]
    fn known_values() {
        assert_eq!(to_qr_text(b""), "");
        assert_eq!(to_qr_text(&[0]), "00");
        assert_eq!(to_qr_text(&[255]), "96");
        assert_eq!(to_qr_text(&[0, 0]), "000");
        // 65535 = 38 × 41² + 40 × 41 + 17 → H, :, +
        assert_eq!(to_qr_text(&[255, 255]), "H:+");
        assert_eq!(from_qr_text("H:+"), Some(vec![255, 255]));
    }

    #[test]
    fn every_character_is_one_a_qr_code_stores_in_alphanumeric_mode_and_a_fragment_keeps() {
        const QR_ALPHANUMERIC: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        for &c in ALPHABET {
            assert!(QR_ALPHANUMERIC.contains(char::from(c)));
            assert!(!b" %/.#?".contains(&c));
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), ALPHABET.len());
    }

    #[test]
    fn texts_that_name_no_bytes_are_refused() {
        for bad in ["0", "::+", "::", "A6", "ab", "0 0", "00%", "000/", "é00"] {
            assert_eq!(from_qr_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_link_and_its_qr_form_carry_the_same_bytes() {
        let link = "https://example.org/cg/#/m/AQID-__x";
        let qr = qr_form_of(link).unwrap();
        assert_eq!(
            qr,
            format!(
                "https://example.org/cg/#/M/{}",
                to_qr_text(&[1, 2, 3, 0xfb, 0xff, 0xf1])
            )
        );
        assert_eq!(qr_form_of("https://example.org/cg/#/share"), None);
        assert_eq!(qr_form_of("https://example.org/cg/#/m/A"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn bytes_survive_the_qr_form(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let text = to_qr_text(&bytes);
            prop_assert_eq!(text.len(), bytes.len() / 2 * 3 + bytes.len() % 2 * 2);
            prop_assert_eq!(from_qr_text(&text), Some(bytes));
        }

        #[test]
        fn any_text_reads_as_bytes_whose_qr_form_it_is(text in "[0-9A-Z$*+:-]{0,60}") {
            if let Some(bytes) = from_qr_text(&text) {
                prop_assert_eq!(to_qr_text(&bytes), text);
            }
        }

        #[test]
        fn base64url_is_the_base64_crates(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let want = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
            prop_assert_eq!(base64url(&bytes), want);
        }
    }
}
