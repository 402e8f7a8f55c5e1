//! Bounded raw inflate, shared by link bodies (`codec.rs`) and the format-2 tables file
//! (`words.rs`): a fixed buffer, so a deflate bomb costs its limit, not memory.

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
/// `max`, not memory).
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
