//! The Stepwise desktop shell: one window, a few thin commands over the `stepwise` core.
//! Everything a user can do to a plan lives in the core; this crate only wires it to Tauri.

mod audience;
mod backend;
#[cfg(test)]
mod bindings;
mod commands;
mod logging;
mod room;
#[cfg(test)]
mod security;
mod window;

pub use backend::{ApiError, AppInfo, Backend, Exported};

use std::ffi::OsString;
use std::path::PathBuf;
use tauri::Manager;

/// Starts the app: resolve the database (`--db` > `STEPWISE_DB` > per-user data folder), hand
/// over to the app already running on it if there is one, else open it, make sure the demo
/// plan exists, and show the window.
pub fn run() {
    let log_file = logging::init();
    let db_path = stepwise::paths::resolve_db_path(db_flag(std::env::args_os()).as_deref());
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        ?log_file,
        ?db_path,
        "Stepwise starting"
    );
    let instance_id = instance_id(db_path.as_deref().ok());

    tauri::Builder::default()
        // First, so a second launch on the same database hands over before opening anything.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance_id)
                .callback(|app, _args, _cwd| focus_main(app))
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        // The single-instance plugin has run by now: a second launch has handed over and exited
        // without touching the database (or writing the demo plan into it).
        .setup(move |app| {
            app.manage(Backend::start(db_path, chrono::Utc::now()));
            if let Some(window) = app.get_webview_window("main") {
                window::restore(&window);
            }
            Ok(())
        })
        .on_window_event(window::remember)
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("the Stepwise window could not be started")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                room::close_on_exit(app);
            }
        });
}

/// One running app per database: a second launch on the same file focuses the first, while
/// a launch on another file (a test, a second workspace) runs on its own.
fn instance_id(db_path: Option<&std::path::Path>) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    db_path.hash(&mut hasher);
    format!("org.stepwise.desktop.db{:016x}", hasher.finish())
}

fn focus_main(app: &tauri::AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        tracing::info!("a second launch asked for the window");
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The value of `--db FILE` or `--db=FILE`, if given.
fn db_flag(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--db=")) {
            return Some(PathBuf::from(value));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::db_flag;
    use std::path::PathBuf;

    fn args(list: &[&str]) -> Vec<std::ffi::OsString> {
        list.iter().map(Into::into).collect()
    }

    #[test]
    fn db_flag_reads_both_spellings_and_ignores_other_arguments() {
        assert_eq!(
            db_flag(args(&["app", "--db", "/tmp/a.db"])),
            Some(PathBuf::from("/tmp/a.db"))
        );
        assert_eq!(
            db_flag(args(&["app", "-x", "--db=/tmp/b.db"])),
            Some(PathBuf::from("/tmp/b.db"))
        );
        assert_eq!(db_flag(args(&["app", "--verbose"])), None);
        assert_eq!(
            db_flag(args(&["--db"])),
            None,
            "the program name is not a flag"
        );
    }
}
