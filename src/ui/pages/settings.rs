//! Settings: theme and a backup of everything, including changes that could not be saved.

use crate::core::document::Theme;
use crate::store::AppState;
use crate::ui::download::download_text;
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
    let export = move |_| {
        let doc = state.document();
        let json = crate::core::records::all_records(&doc)
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>();
        let text = serde_json::to_string(&json).unwrap_or_default();
        let name = format!("common-ground-{}.json", crate::store::clock::today());
        download_text(&name, "application/json", &text);
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
        <h2>"Your data"</h2>
        <p>"Everything stays in this browser. A backup file keeps it safe and moves it to another device."</p>
        <button type="button" class="button" on:click=export>"Export backup"</button>
    }
}
