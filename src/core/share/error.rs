//! `ShareError`: everything that can go wrong opening a shared map, worded for the person holding the phone.

use thiserror::Error;

/// Why a share link could not be opened. The `Display` text is shown to the user as it is, so
/// it says what happened in their terms and never echoes anything from the link itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("This link has no map in it")]
    Empty,
    #[error("This link is too long")]
    TooLong,
    #[error("This link is damaged: ask for a new one")]
    Damaged,
    #[error("This link was made by a newer version of Common Ground: update the app to open it")]
    NewerVersion,
    #[error("This link holds more than Common Ground can show")]
    OverLimit,
    #[error("This link is locked with a passphrase")]
    Locked,
    #[error("This locked link asks for more work than this device should do")]
    TooCostly,
    #[error("The word list that share links need has not loaded yet: connect to the internet once and try again")]
    ModelMissing,
    #[error("The word list that share links need is damaged: reload the app and try again")]
    ModelDamaged,
}
