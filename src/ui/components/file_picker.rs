//! A button that opens the system file chooser and hands over the chosen file's text.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// A file the user chose.
#[derive(Clone, Debug)]
pub struct PickedFile {
    pub name: String,
    /// The file's text, or why it was not read.
    pub text: Result<String, PickError>,
}

impl PickedFile {
    /// The text, or the message to show instead; `too_large` words the caller's size limit.
    pub fn text_or_message(&self, too_large: impl FnOnce(usize) -> String) -> Result<&str, String> {
        match &self.text {
            Ok(text) => Ok(text),
            Err(PickError::TooLarge { bytes }) => Err(too_large(*bytes)),
            Err(PickError::Unreadable) => Err(format!(
                "{} could not be read by the browser. Nothing was imported.",
                self.name
            )),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickError {
    /// Bigger than the caller accepts: not read at all, so a huge file cannot stall the tab.
    TooLarge { bytes: usize },
    /// The browser could not read it (moved, deleted, no permission).
    Unreadable,
}

/// The visible control is a real button (the accessible name is its text); the file input
/// itself is hidden but carries its own label, so tests and assistive tech can still reach it.
#[component]
pub fn FilePicker(
    /// The button's text.
    label: &'static str,
    /// The hidden file input's accessible name.
    input_label: &'static str,
    /// The file types offered, as for `<input accept>`.
    accept: &'static str,
    /// Files above this size are refused unread.
    max_bytes: usize,
    on_pick: Callback<PickedFile>,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let reading = RwSignal::new(false);
    let open = move |_| {
        if let Some(input) = input.get() {
            input.click();
        }
    };
    let changed = move |_| {
        let Some(element) = input.get() else {
            return;
        };
        let Some(file) = element.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Cleared now, so choosing the same file again still counts as a change.
        element.set_value("");
        let name = file.name();
        let bytes = file.size() as usize;
        if bytes > max_bytes {
            on_pick.run(PickedFile {
                name,
                text: Err(PickError::TooLarge { bytes }),
            });
            return;
        }
        reading.set(true);
        spawn_local(async move {
            // Blob.text() decodes UTF-8 and replaces what is not text, so a picture chosen by
            // mistake arrives as text the parsers refuse with a reason.
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .ok_or(PickError::Unreadable);
            reading.set(false);
            on_pick.run(PickedFile { name, text });
        });
    };
    view! {
        <button type="button" class="button" on:click=open disabled=move || reading.get()>
            {label}
        </button>
        <input
            type="file"
            hidden
            accept=accept
            aria-label=input_label
            node_ref=input
            on:change=changed
        />
    }
}
