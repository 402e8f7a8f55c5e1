//! Messages for the status area: one place where errors and confirmations reach the user.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// A confirmation that something the user did went through ("Saved Tom Baker.").
    Success,
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

impl Notice {
    pub fn success(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Success,
            text: text.into(),
        }
    }
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }
    pub fn warning(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Warning,
            text: text.into(),
        }
    }
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
        }
    }
}

/// How long a confirmation stays before it clears itself, in milliseconds: long enough to
/// read "Saved Tom Baker." at a glance, short enough not to sit there stale.
pub const CONFIRMATION_MS: u32 = 5_000;

/// A navigation this soon after a notice was shown is the one that showed it ("Save" then the
/// person's page), not the next one.
const SAME_TAP_MS: f64 = 600.0;

impl NoticeKind {
    /// Only confirmations go by themselves; a note (a backup reminder, a change in another
    /// tab), a warning or an error stays until dismissed.
    pub fn clears_itself(self) -> bool {
        self == NoticeKind::Success
    }
}

/// Whether `next` may take the place of `showing`. An error stays until it is dismissed or
/// replaced by another error, so a later confirmation never hides that something was not saved.
pub fn may_replace(showing: Option<&Notice>, next: &Notice) -> bool {
    !showing.is_some_and(|s| s.kind == NoticeKind::Error) || next.kind == NoticeKind::Error
}

/// Whether a notice shown at `shown_at` is stale once the user moves to another page at `now`
/// (both in milliseconds).
pub fn stale_after_navigation(kind: NoticeKind, shown_at: f64, now: f64) -> bool {
    kind.clears_itself() && now - shown_at > SAME_TAP_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_replaced_only_by_an_error() {
        let error = Notice::error("Not saved");
        assert!(!may_replace(Some(&error), &Notice::success("Saved Tom.")));
        assert!(!may_replace(Some(&error), &Notice::info("Back up soon")));
        assert!(!may_replace(Some(&error), &Notice::warning("Careful")));
        assert!(may_replace(Some(&error), &Notice::error("Still not saved")));
        assert!(may_replace(Some(&Notice::success("Saved Tom.")), &error));
        assert!(may_replace(None, &Notice::success("Saved Tom.")));
    }

    #[test]
    fn only_confirmations_go_stale() {
        assert!(stale_after_navigation(NoticeKind::Success, 0.0, 2_000.0));
        assert!(!stale_after_navigation(
            NoticeKind::Success,
            1_000.0,
            1_100.0
        ));
        assert!(!stale_after_navigation(NoticeKind::Info, 0.0, 60_000.0));
        assert!(!stale_after_navigation(NoticeKind::Error, 0.0, 60_000.0));
        assert!(!stale_after_navigation(NoticeKind::Warning, 0.0, 60_000.0));
    }
}
