//! The window's size and place: as the person left it last time, else the default size, and in
//! every case shrunk and moved to fit the screen it opens on (a 1024×768 projector must not get
//! a window hanging off its edges). Kept in `window.json` beside the database's default folder.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tauri::{PhysicalPosition, PhysicalSize, WebviewWindow, WindowEvent};

const FILE_NAME: &str = "window.json";

/// Where the window is, in physical pixels: its outer top-left corner and its inner size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub maximized: bool,
}

/// A screen's area in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

/// The placement to open with: `saved` if there is one, else `default` centred, then made to
/// fit `screen` given the `frame` the window manager adds around the page (width, height).
pub fn fit(
    saved: Option<Placement>,
    default: (u32, u32),
    screen: Screen,
    frame: (u32, u32),
) -> Placement {
    let mut p = saved.unwrap_or_else(|| {
        let (w, h) = default;
        Placement {
            x: screen.x + (screen.width.saturating_sub(w + frame.0) / 2) as i32,
            y: screen.y + (screen.height.saturating_sub(h + frame.1) / 2) as i32,
            width: w,
            height: h,
            maximized: false,
        }
    });
    p.width = p.width.min(screen.width.saturating_sub(frame.0)).max(1);
    p.height = p.height.min(screen.height.saturating_sub(frame.1)).max(1);
    let outer = ((p.width + frame.0) as i32, (p.height + frame.1) as i32);
    let right = screen.x + screen.width as i32;
    let bottom = screen.y + screen.height as i32;
    p.x = p.x.min(right - outer.0).max(screen.x);
    p.y = p.y.min(bottom - outer.1).max(screen.y);
    p
}

fn file() -> Option<PathBuf> {
    stepwise::paths::data_dir().ok().map(|d| d.join(FILE_NAME))
}

fn load(path: &Path) -> Option<Placement> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// Opens the window where it was last time, fitted to the screen it is on.
pub fn restore(window: &WebviewWindow) {
    let (Ok(Some(monitor)), Ok(outer), Ok(inner)) = (
        window.current_monitor(),
        window.outer_size(),
        window.inner_size(),
    ) else {
        return;
    };
    // Without a window manager the outer size is meaningless (seen: 2^32 − 88), so a frame
    // that large counts as none.
    let border = |o: u32, i: u32| o.checked_sub(i).filter(|d| *d < 200).unwrap_or(0);
    let frame = (
        border(outer.width, inner.width),
        border(outer.height, inner.height),
    );
    let screen = Screen {
        x: monitor.position().x,
        y: monitor.position().y,
        width: monitor.size().width,
        height: monitor.size().height,
    };
    let saved = file().as_deref().and_then(load);
    let p = fit(saved, (inner.width, inner.height), screen, frame);
    let placed = window
        .set_size(PhysicalSize::new(p.width, p.height))
        .and_then(|_| window.set_position(PhysicalPosition::new(p.x, p.y)))
        .and_then(|_| {
            if p.maximized {
                window.maximize()
            } else {
                Ok(())
            }
        });
    if let Err(e) = placed {
        tracing::warn!(error = %e, "could not place the window");
    }
}

/// Writes the window's size and place whenever they change, so they survive however the app
/// ends (the file is a few bytes; a maximized window keeps the size it had before).
pub fn remember(window: &tauri::Window, event: &WindowEvent) {
    if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
        return;
    }
    let Some(path) = file() else { return };
    let maximized = window.is_maximized().unwrap_or(false);
    let previous = load(&path);
    let placement = match (
        maximized,
        previous,
        window.outer_position(),
        window.inner_size(),
    ) {
        (true, Some(before), _, _) => Placement {
            maximized: true,
            ..before
        },
        (_, _, Ok(pos), Ok(size)) => Placement {
            x: pos.x,
            y: pos.y,
            width: size.width,
            height: size.height,
            maximized,
        },
        _ => return,
    };
    if previous == Some(placement) {
        return;
    }
    let json = serde_json::to_string(&placement).expect("a placement always serializes");
    if let Err(e) = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|_| std::fs::write(&path, json))
    {
        tracing::debug!(error = %e, "could not write the window's size and place");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROJECTOR: Screen = Screen {
        x: 0,
        y: 0,
        width: 1024,
        height: 768,
    };
    const LAPTOP: Screen = Screen {
        x: 0,
        y: 0,
        width: 1920,
        height: 1080,
    };

    #[test]
    fn a_first_launch_is_centred_at_the_default_size_when_it_fits() {
        let p = fit(None, (1200, 800), LAPTOP, (0, 30));
        assert_eq!((p.width, p.height), (1200, 800));
        assert_eq!((p.x, p.y), (360, 125));
    }

    #[test]
    fn the_default_size_shrinks_to_a_projector_keeping_the_frame_on_screen() {
        let p = fit(None, (1200, 800), PROJECTOR, (0, 30));
        assert_eq!((p.width, p.height), (1024, 738));
        assert_eq!((p.x, p.y), (0, 0));
    }

    #[test]
    fn a_saved_place_is_kept_when_it_fits() {
        let saved = Placement {
            x: 10,
            y: 20,
            width: 900,
            height: 700,
            maximized: false,
        };
        assert_eq!(fit(Some(saved), (1200, 800), LAPTOP, (0, 0)), saved);
    }

    #[test]
    fn a_saved_place_from_a_bigger_screen_is_fitted_and_pulled_back_on_screen() {
        let saved = Placement {
            x: 1500,
            y: 900,
            width: 1600,
            height: 1000,
            maximized: true,
        };
        let p = fit(Some(saved), (1200, 800), PROJECTOR, (0, 0));
        assert_eq!(
            p,
            Placement {
                x: 0,
                y: 0,
                width: 1024,
                height: 768,
                maximized: true
            }
        );
        let off = Placement {
            x: -3000,
            y: 500,
            width: 800,
            height: 600,
            maximized: false,
        };
        let p = fit(Some(off), (1200, 800), PROJECTOR, (0, 0));
        assert_eq!(
            (p.x, p.y),
            (0, 168),
            "a window left on a screen that is gone comes back"
        );
    }
}
