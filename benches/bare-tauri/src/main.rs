//! One window showing one static page, nothing else. It prints a line when the page has
//! loaded, the moment the bench measures from (the app logs its own "first screen ready").

fn main() {
    tauri::Builder::default()
        .on_page_load(|_, payload| {
            if matches!(payload.event(), tauri::webview::PageLoadEvent::Finished) {
                println!("first screen ready");
            }
        })
        .run(tauri::generate_context!())
        .expect("the window could not be started");
}
