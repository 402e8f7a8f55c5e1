//! Settings › Spreadsheet: everyone in one table (CSV), for a mailing list, a CRM or a
//! spreadsheet app, made by `core::spreadsheet`.

use crate::core::spreadsheet::people_to_csv;
use crate::store::clock::today;
use crate::store::AppState;
use crate::ui::download::download_text;
use leptos::prelude::*;

#[component]
pub fn SpreadsheetSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let export = move |_| {
        if state.people.with_untracked(|p| p.is_empty()) {
            error.set(Some("There is nobody to export yet.".into()));
            return;
        }
        error.set(None);
        let csv = state.people.with_untracked(|p| {
            state
                .events
                .with_untracked(|e| people_to_csv(p.values(), e))
        });
        let name = format!("common-ground-people-{}.csv", today());
        download_text(&name, "text/csv", &csv);
    };
    view! {
        <section aria-labelledby="spreadsheet-heading">
            <h2 id="spreadsheet-heading">"Spreadsheet"</h2>
            <p>
                "Everyone in one table: what they do, interests, notes, contact details, where you met and follow-ups. For a mailing list or a spreadsheet app; it goes only where you save it."
            </p>
            <button type="button" class="button" on:click=export>"Export as spreadsheet (CSV)"</button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}
