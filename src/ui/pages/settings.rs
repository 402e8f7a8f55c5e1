//! Settings: theme, installing the app (where the browser offers it), backup and restore,
//! contacts in and out, everyone as a spreadsheet, storage, and erasing the notebook.

use crate::core::document::Theme;
use crate::store::AppState;
use crate::ui::components::backup_section::BackupSection;
use crate::ui::components::erase_section::EraseSection;
use crate::ui::components::install_offer::InstallOffer;
use crate::ui::components::spreadsheet_section::SpreadsheetSection;
use crate::ui::components::storage_section::StorageSection;
use crate::ui::components::vcard_section::VcardSection;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let theme_value = move || match state.settings.with(|s| s.theme) {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let set_theme = move |ev| {
        let theme = match event_target_value(&ev).as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        };
        let mut settings = state.settings.get_untracked();
        settings.theme = theme;
        state.save_settings(settings);
    };
    view! {
        <h1>"Settings"</h1>
        <label class="field">
            <span class="field-label">"Theme"</span>
            <select prop:value=theme_value on:change=set_theme>
                <option value="system">"Follow the system"</option>
                <option value="light">"Light"</option>
                <option value="dark">"Dark"</option>
            </select>
        </label>
        <InstallOffer />
        <BackupSection />
        <VcardSection />
        <SpreadsheetSection />
        <StorageSection />
        <EraseSection />
    }
}
