//! The range-coded formats (3, written now, and 2, still read): round trips, hostile links, the
//! name read ahead, and the budgets on the held-out maps.

use super::*;
use crate::core::share::qr_form;
use crate::core::share::words::shipped;

const HELD_OUT_MAPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/heldout");
const TUNING_MAPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tuning");
/// Written for the next format's evaluation; see the test below.
const HELD_OUT_2_MAPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/heldout-2");

fn model() -> Option<&'static ShareModel> {
    Some(shipped())
}

fn encode2(p: &SharePayload) -> String {
    encode_with(p, model())
}

fn decode2(link: &str) -> Result<SharePayload, ShareError> {
    decode_with(link, model())
}

fn bytes2(p: &SharePayload) -> Vec<u8> {
    payload_bytes_with(p, model())
}

/// Format 2 (the name coded with the tables), as links made before format 3 carry it.
fn bytes_v2(p: &SharePayload) -> Vec<u8> {
    crate::core::share::codec::range_coded_bytes(p, shipped(), 2)
}

/// The name read ahead from a link, as the shell does it (base64url, then the bytes).
fn peek(link: &str) -> Option<String> {
    let bytes =
        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, link).ok()?;
    peek_name(&bytes)
}

/// The payload bytes of `p` in format 2 and in format 3.
fn both_formats(p: &SharePayload) -> [Vec<u8>; 2] {
    [bytes_v2(p), bytes2(p)]
}

// ---- round trips ----------------------------------------------------------------------------

#[test]
fn a_full_payload_survives_every_path_in_format_3() {
    let p = a_full_payload();
    let link = encode2(&p);
    assert_eq!(b64(&[FORMAT_VERSION, 0])[..2], link[..2]);
    assert_eq!(decode2(&link), Ok(p.clone()));
    assert_eq!(payload_from_bytes_with(&bytes2(&p), model()), Ok(p.clone()));
    assert_eq!(decode_envelope_with(&link, model()), Ok(Decoded::Plain(p)));
}

#[test]
fn accents_dashes_and_case_come_back_exactly() {
    let mut p = a_full_payload();
    p.name = "Siân Aïsha Kieślowski-O'Brien".into();
    p.what = "PB 24:10 — parkrun, 5K".into();
    p.interests = [
        "Kieślowski's Three Colours",
        "żurek at my grandmother's",
        "iPhone & DIY",
        "NHS — RCN rep",
        "ÉAMON's café",
        "日本語 lessons",
        "  two  spaces ",
        "£85,000 to go",
    ]
    .into_iter()
    .map(|l| Interest::new(l, CategoryId::new("hobbies")))
    .collect();
    assert_eq!(decode2(&encode2(&p)), Ok(p));
}

#[test]
fn the_empty_payload_survives_in_format_3() {
    let p = SharePayload::default();
    assert_eq!(decode2(&encode2(&p)), Ok(p));
}

#[test]
fn format_1_links_still_open_with_the_tables_loaded() {
    let p = a_full_payload();
    let link = encode_with(&p, None);
    assert_eq!(link.as_bytes()[..2], *b"AQ", "version byte 1");
    assert_eq!(decode2(&link), Ok(p.clone()));
    assert_eq!(decode_with(&link, None), Ok(p));
}

#[test]
fn a_range_coded_link_without_the_tables_asks_for_them() {
    for bytes in both_formats(&a_full_payload()) {
        assert_eq!(
            decode_with(&b64(&bytes), None),
            Err(ShareError::ModelMissing)
        );
    }
}

#[test]
fn a_locked_format_3_link_carries_a_format_3_plaintext() {
    let p = a_full_payload();
    let plain = bytes2(&p);
    assert_eq!(plain[0], 3);
    let link = encode_sealed_as(plain[0], [3; SALT_LEN], [4; IV_LEN], &[9; 60]);
    let bytes =
        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &link).unwrap();
    assert_eq!(bytes[..2], [3, 2]);
    assert_eq!(
        peek(&link),
        None,
        "a locked link shows no name before the passphrase"
    );
    assert!(matches!(
        decode_envelope_with(&link, model()),
        Ok(Decoded::Sealed { .. })
    ));
    assert_eq!(payload_from_bytes_with(&plain, model()), Ok(p));
}

proptest! {
    #[test]
    fn any_valid_payload_round_trips_in_formats_2_and_3(p in payload_strategy()) {
        prop_assert_eq!(payload_from_bytes_with(&bytes_v2(&p), model()), Ok(p.clone()));
        prop_assert_eq!(payload_from_bytes_with(&bytes2(&p), model()), Ok(p.clone()));
        let link = encode2(&p);
        opens_or_is_too_long(&link, decode2(&link), p)?;
    }
}

/// The second held-out set is written for the evaluation of a format after 3 and is only
/// checked here to be whole and to open: its link lengths are not looked at before that format
/// exists (a figure counts only if nothing was tuned on the data that measured it).
#[test]
fn the_second_held_out_set_is_whole_and_every_map_opens() {
    let maps = maps_in(HELD_OUT_2_MAPS);
    assert_eq!(maps.len(), 14, "tests/data/heldout-2");
    for (name, _, p) in maps {
        assert_eq!(p.interests.len(), 30, "{name}");
        assert_eq!(decode2(&encode2(&p)), Ok(p), "{name}");
    }
}

// ---- the name, read ahead ---------------------------------------------------------------------

#[test]
fn the_name_is_read_ahead_from_every_map_without_the_tables() {
    let mut maps: Vec<SharePayload> = maps_in(HELD_OUT_MAPS)
        .into_iter()
        .chain(maps_in(TUNING_MAPS))
        .map(|(_, _, p)| p)
        .collect();
    let mut accents = a_full_payload();
    accents.name = "Siân Aïsha Kieślowski-O'Brien".into();
    maps.push(accents);
    assert!(maps.len() >= 16);
    for p in maps {
        let link = encode2(&p);
        assert_eq!(peek(&link).as_deref(), Some(p.name.as_str()));
    }
}

#[test]
fn no_name_is_read_ahead_from_older_formats_blank_names_or_damage() {
    let p = a_full_payload();
    assert_eq!(peek(&encode_with(&p, None)), None, "format 1");
    assert_eq!(peek_name(&bytes_v2(&p)), None, "format 2");
    let blank = SharePayload {
        name: "  ".into(),
        ..a_full_payload()
    };
    assert_eq!(peek(&encode2(&blank)), None);
    let too_long = [&[3u8, 0][..], &[b'a'; BODY_MAX_BYTES + 1][..]].concat();
    for damaged in [&[][..], &[3][..], &[3, 1][..], &too_long[..]] {
        assert_eq!(
            peek_name(damaged),
            None,
            "{:?}",
            &damaged[..damaged.len().min(4)]
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn a_name_read_ahead_is_the_name_the_link_opens_to(p in payload_strategy()) {
        let link = encode2(&p);
        let expected = Some(p.name.clone()).filter(|n| !n.trim().is_empty());
        prop_assert_eq!(peek(&link), expected);
    }

    #[test]
    fn reading_a_name_ahead_never_panics(body in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = peek_name(&body);
        if let Some(name) = peek_name(&[&[3, 0][..], &body[..]].concat()) {
            prop_assert!(name.chars().count() <= crate::core::limits::NAME_MAX);
        }
    }
}

// ---- never panic ----------------------------------------------------------------------------

fn decodes_or_refuses_2(fragment: &str) {
    match decode_envelope_with(fragment, model()) {
        Ok(Decoded::Plain(p)) => assert_eq!(p.check(), Ok(())),
        Ok(Decoded::Sealed { iterations, .. }) => {
            assert!((1..=PBKDF2_ITERATIONS_MAX).contains(&iterations))
        }
        Err(_) => {}
    }
}

fn bodies_2() -> &'static [Vec<u8>] {
    static BODIES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    BODIES.get_or_init(|| {
        maps_in(HELD_OUT_MAPS)
            .into_iter()
            .take(3)
            .map(|(_, _, p)| p)
            .chain([a_full_payload()])
            .flat_map(|p| both_formats(&p))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn arbitrary_range_coded_bodies_never_panic(
        version in 2..=3u8,
        body in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut bytes = vec![version, 0];
        bytes.extend(body);
        if let Ok(p) = payload_from_bytes_with(&bytes, model()) {
            prop_assert_eq!(p.check(), Ok(()));
        }
        decodes_or_refuses_2(&b64(&bytes));
    }

    #[test]
    fn arbitrary_fragments_never_panic_in_formats_2_and_3(s in "\\PC{0,200}|[A-Za-z0-9_-]{0,300}") {
        decodes_or_refuses_2(&s);
        decodes_or_refuses_2(&format!("Ag{s}"));
        decodes_or_refuses_2(&format!("Aw{s}"));
        decodes_or_refuses_2(&format!("AwA{s}"));
    }

    #[test]
    fn mutated_range_coded_links_never_panic(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..6),
    ) {
        let mut bytes = which.get(bodies_2()).clone();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1));
            match kind {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        if let Ok(p) = payload_from_bytes_with(&bytes, model()) {
            prop_assert_eq!(p.check(), Ok(()));
        }
        decodes_or_refuses_2(&b64(&bytes));
    }
}

#[test]
fn every_truncation_of_a_range_coded_link_is_refused() {
    let maps = [a_full_payload(), maps_in(HELD_OUT_MAPS).remove(0).2];
    for bytes in maps.iter().flat_map(both_formats) {
        // Past the version and flags, a cut link is "damaged", never "too full" (it reads on
        // as zeros, which spell text until a limit).
        for end in 2..bytes.len() {
            assert_eq!(
                payload_from_bytes_with(&bytes[..end], model()),
                Err(ShareError::Damaged),
                "{end} of {} bytes",
                bytes.len()
            );
        }
    }
}

#[test]
fn garbage_after_a_range_coded_body_is_refused() {
    for mut bytes in both_formats(&a_full_payload()) {
        for extra in [0u8, 1, 0x80, 0xff] {
            bytes.push(extra);
            assert!(payload_from_bytes_with(&bytes, model()).is_err(), "{extra}");
            bytes.pop();
        }
    }
}

#[test]
fn every_single_bit_flip_of_a_range_coded_link_is_survived() {
    for bytes in both_formats(&a_full_payload()) {
        for i in 16..bytes.len() * 8 {
            let mut flipped = bytes.clone();
            flipped[i / 8] ^= 1 << (i % 8);
            if let Ok(q) = payload_from_bytes_with(&flipped, model()) {
                assert_eq!(q.check(), Ok(()));
            }
            decodes_or_refuses_2(&b64(&flipped));
            let _ = peek_name(&flipped);
        }
    }
}

#[test]
fn unknown_flags_in_range_coded_links_are_damage() {
    for mut bytes in both_formats(&a_full_payload()) {
        for flags in [1, 3, 4, 0x80] {
            bytes[1] = flags;
            assert_eq!(
                payload_from_bytes_with(&bytes, model()),
                Err(ShareError::Damaged),
                "{flags}"
            );
            assert_eq!(peek_name(&bytes), None);
        }
    }
}

#[test]
fn texts_over_their_limits_are_refused_in_format_3() {
    // Encoded without the check, as a hostile link would be.
    let mut p = a_full_payload();
    p.name = "x".repeat(crate::core::limits::NAME_MAX + 1);
    assert_eq!(decode2(&encode2(&p)), Err(ShareError::OverLimit));
    let mut p = a_full_payload();
    p.interests[0].label = "word ".repeat(crate::core::limits::INTEREST_MAX / 5 + 1);
    assert_eq!(decode2(&encode2(&p)), Err(ShareError::OverLimit));
    let mut p = a_full_payload();
    p.message = "\u{7}".into();
    assert_eq!(decode2(&encode2(&p)), Err(ShareError::Damaged));
}

// ---- budgets on the held-out maps ------------------------------------------------------------

/// Fragment lengths of the 30-interest maps in `folder`, checking each round trip.
fn lengths(folder: &str) -> Vec<(String, usize)> {
    maps_in(folder)
        .into_iter()
        .filter(|(_, _, p)| p.interests.len() == 30)
        .map(|(name, _, p)| {
            let link = encode2(&p);
            assert_eq!(decode2(&link), Ok(p), "{name}");
            (name, link.len())
        })
        .collect()
}

// Issue 14 asked for a median of 320 and a worst of 350 characters and QR version 15 on
// held-out 30-interest maps. On these held-out maps (22 characters a label on average, longer
// than the maps the issue measured) format 3 gives a median of 399, a worst of 458 (format 2:
// 398 and 456): the asserts below hold what was reached, so that a change cannot make it
// worse unnoticed; those two targets are not met (see README, "Share links"). The QR codes
// are: the link as text would need up to version 17, its QR form needs at most 15.
const HELD_OUT_MEDIAN_MAX: usize = 400;
const HELD_OUT_WORST_MAX: usize = 460;
/// The budget, met by the QR form the share page draws (not by the link as text).
const HELD_OUT_QR_MAX: u8 = 15;
/// Against compact JSON, deflated, base64url: the ratio the first budget set.
const HELD_OUT_RATIO_MAX: f64 = 0.5;

#[test]
fn held_out_30_interest_maps_stay_within_their_length_limits() {
    let mut found = lengths(HELD_OUT_MAPS);
    assert!(found.len() >= 12, "held-out maps missing");
    found.sort_by_key(|(_, n)| *n);
    let median = (found[found.len() / 2].1 + found[(found.len() - 1) / 2].1) / 2;
    let (worst_name, worst) = found.last().unwrap().clone();
    assert!(median <= HELD_OUT_MEDIAN_MAX, "median {median}: {found:?}");
    assert!(
        worst <= HELD_OUT_WORST_MAX,
        "{worst_name}: {worst} characters"
    );
}

#[test]
fn held_out_maps_are_under_half_of_deflated_json() {
    for (name, neutral, p) in maps_in(HELD_OUT_MAPS) {
        let ours = encode2(&p).len() as f64;
        let json = json_baseline_chars(&neutral) as f64;
        assert!(
            ours / json <= HELD_OUT_RATIO_MAX,
            "{name}: {ours} against {json}"
        );
    }
}

/// The QR codes the share page draws: the link's QR form (`qr_form.rs`), at EC M, within the
/// issue's version 15 on both held-out sets, and each scans back to its link's payload. The
/// QR form fits nothing to any map, so the second held-out set can measure it.
#[test]
fn held_out_qr_codes_are_version_15_or_less_and_scan() {
    let mut maps = maps_in(HELD_OUT_MAPS);
    maps.extend(maps_in(HELD_OUT_2_MAPS));
    assert!(maps.len() >= 26, "held-out maps missing");
    for (name, _, p) in maps {
        let fragment = encode2(&p);
        let link = format!("{ORIGIN}{fragment}");
        let qr_link = qr_form::qr_form_of(&link).unwrap();
        let code = qr::qr_svg(&qr_link).unwrap();
        assert!(
            code.version <= HELD_OUT_QR_MAX,
            "{name}: version {}",
            code.version
        );
        let size = 17 + 4 * usize::from(code.version) + 2 * qr::QUIET_ZONE;
        let scanned = qr::tests::scan(&code.svg, size);
        assert_eq!(scanned, qr_link, "{name}");
        assert_eq!(
            crate::core::route::link_payload(&scanned),
            Some(fragment),
            "{name}"
        );
        // The link as text would need a bigger code: byte mode spends 8 bits on 6.
        assert!(qr::qr_svg(&link).unwrap().version > code.version, "{name}");
    }
}

#[test]
fn tuning_and_sample_maps_round_trip_shorter_than_format_1() {
    let mut maps = maps_in(TUNING_MAPS);
    maps.extend(sample_maps());
    for (name, _, p) in maps {
        let two = encode2(&p);
        assert_eq!(decode2(&two), Ok(p.clone()), "{name}");
        let one = encode_with(&p, None);
        assert!(
            two.len() < one.len(),
            "{name}: {} against {}",
            two.len(),
            one.len()
        );
    }
}
