//! The audience window: a second window for the projector, opened by "Present". It loads its
//! own small page (`audience.html`) that can call one command, `audience_last`, and listen for
//! one event; everything it shows is an `AudienceView` the core built for the room.

use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

pub const LABEL: &str = "audience";
/// The event that carries a new `AudienceView` to the audience window.
pub const EVENT: &str = "audience-view";

/// Opens the audience window, or brings it forward if it is open. Answers how many screens
/// there are: with one, the facilitator switches views in the main window instead.
pub fn present(app: &AppHandle) -> tauri::Result<usize> {
    let screens = app
        .get_webview_window("main")
        .and_then(|w| w.available_monitors().ok())
        .map_or(1, |m| m.len());
    if let Some(window) = app.get_webview_window(LABEL) {
        window.show()?;
        window.set_focus()?;
        return Ok(screens);
    }
    WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App("audience.html".into()))
        .title("Stepwise — audience")
        .inner_size(1024.0, 768.0)
        .min_inner_size(640.0, 480.0)
        .build()?;
    tracing::info!(screens, "audience window opened");
    Ok(screens)
}

/// Sends the audience window to a screen other than the facilitator's and makes it full
/// screen. Answers false when there is no other screen (it then goes full screen where it is,
/// if the facilitator asked for that with `fullscreen_here`).
pub fn to_projector(app: &AppHandle, fullscreen_here: bool) -> tauri::Result<bool> {
    let Some(audience) = app.get_webview_window(LABEL) else {
        return Ok(false);
    };
    let main_monitor = app
        .get_webview_window("main")
        .and_then(|w| w.current_monitor().ok().flatten());
    let other = audience.available_monitors()?.into_iter().find(|m| {
        main_monitor
            .as_ref()
            .is_none_or(|main| main.position() != m.position())
    });
    match other {
        Some(monitor) => {
            audience.set_fullscreen(false)?;
            audience.set_position(*monitor.position())?;
            audience.set_fullscreen(true)?;
            Ok(true)
        }
        None => {
            if fullscreen_here {
                audience.set_fullscreen(true)?;
            }
            Ok(false)
        }
    }
}

pub fn close(app: &AppHandle) -> tauri::Result<()> {
    if let Some(window) = app.get_webview_window(LABEL) {
        window.close()?;
    }
    Ok(())
}

/// Pushes a payload to the audience window, if it is open.
pub fn push(app: &AppHandle, view: &stepwise::maturity::AudienceView) {
    if app.get_webview_window(LABEL).is_some() {
        if let Err(e) = app.emit_to(LABEL, EVENT, view) {
            tracing::warn!(error = %e, "the audience window could not be updated");
        }
    }
}

/// The app handle of a command's window.
pub fn app(window: &WebviewWindow) -> AppHandle {
    window.app_handle().clone()
}
