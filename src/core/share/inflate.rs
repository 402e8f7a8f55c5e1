//! Bounded raw inflate, shared by link bodies (`codec`) and the format-2 tables (`words`).
//!
//! It sits below both so that neither imports the other for it.

use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Why [`inflate_at_most`] refused its input.
pub(super) enum Inflated {
    /// More than the limit would come out.
    TooBig,
    /// Not one whole raw-deflate stream.
    Damaged,
}

/// Raw inflate of exactly one stream into at most `max` bytes (a fixed buffer: a bomb costs
/// `max`, not memory). Shared by link bodies and the format-2 tables file.
pub(super) fn inflate_at_most(input: &[u8], max: usize) -> Result<Vec<u8>, Inflated> {
    let mut out = vec![0u8; max];
    let mut state = Box::<DecompressorOxide>::default();
    let (status, consumed, written) = decompress(
        &mut state,
        input,
        &mut out,
        0,
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    match status {
        TINFLStatus::Done if consumed == input.len() => {
            out.truncate(written);
            Ok(out)
        }
        TINFLStatus::HasMoreOutput => Err(Inflated::TooBig),
        _ => Err(Inflated::Damaged),
    }
}
