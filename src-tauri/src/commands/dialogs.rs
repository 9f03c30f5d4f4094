//! The native file dialogs, opened from here rather than from the webview, so the backend
//! learns which paths the person actually chose (see `backend::paths`): export, import and
//! scoring-form commands take no other path outside the exports folder.

use super::Result;
use crate::backend::{ApiError, Backend};
use std::path::{Path, PathBuf};
use stepwise::export::Format;
use tauri::WebviewWindow;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

fn kind(format: Format) -> &'static str {
    match format {
        Format::Pdf => "PDF document",
        Format::Docx => "Word document",
        Format::Xlsx => "Excel workbook",
        Format::Json => "Stepwise plan file",
    }
}

fn dialog(window: &WebviewWindow, title: String, format: Format) -> FileDialogBuilder<tauri::Wry> {
    window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(title)
        .add_filter(kind(format), &[format.extension()])
}

fn chosen_path(chosen: FilePath) -> Result<PathBuf> {
    chosen.into_path().map_err(|e| ApiError {
        code: stepwise::ErrorCode::Io,
        message: format!("the file dialog returned no usable path: {e}"),
        problems: vec![],
    })
}

/// The chosen name with the format's extension, added when the person left it out; the
/// result is the path that will be written, and the one recorded.
fn with_extension(path: PathBuf, format: Format) -> PathBuf {
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case(format.extension()))
    {
        return path;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(format.extension());
    path.with_file_name(name)
}

/// Asks where to save an export; resolves to the chosen path, or `None` when cancelled.
pub fn choose_save_path(
    window: &WebviewWindow,
    backend: &Backend,
    format: Format,
) -> Result<Option<String>> {
    let mut builder = dialog(window, format!("Save the {}", kind(format)), format);
    if let Some(dir) = backend.info().export_dir.filter(|d| Path::new(d).is_dir()) {
        builder = builder.set_directory(dir);
    }
    let Some(chosen) = builder.blocking_save_file() else {
        return Ok(None);
    };
    let path = with_extension(chosen_path(chosen)?, format);
    backend.chosen_to_save(path.clone());
    Ok(Some(path.display().to_string()))
}

/// Asks for a file to import: a plan file (`json`) or a filled scoring form (`xlsx`).
pub fn choose_file_to_open(
    window: &WebviewWindow,
    backend: &Backend,
    format: Format,
) -> Result<Option<String>> {
    if matches!(format, Format::Pdf | Format::Docx) {
        return Err(stepwise::Error::invalid(
            "format",
            format!(
                "Stepwise does not import {} files",
                format.extension().to_uppercase()
            ),
        )
        .into());
    }
    let Some(chosen) =
        dialog(window, format!("Import a {}", kind(format)), format).blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = chosen_path(chosen)?;
    backend.chosen_to_open(path.clone());
    Ok(Some(path.display().to_string()))
}
