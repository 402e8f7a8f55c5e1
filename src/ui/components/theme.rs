//! Applies the theme setting to the document element, so CSS can follow it.

use crate::core::document::Theme;
use crate::store::AppState;
use leptos::prelude::*;

/// Keeps `<html data-theme>` in step with the setting; "system" removes the attribute and
/// lets `prefers-color-scheme` decide.
pub fn apply_theme(state: AppState) {
    Effect::new(move |_| {
        let theme = state.settings.with(|s| s.theme);
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            Theme::Light => root.set_attribute("data-theme", "light"),
            Theme::Dark => root.set_attribute("data-theme", "dark"),
        };
    });
}
