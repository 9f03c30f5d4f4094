//! Writing files a person asked for (exports) so that a failure never leaves half a file.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::io(
            format!("cannot write {shown}"),
            std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a folder"),
        ));
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| Error::io(format!("cannot write to the folder {}", dir.display()), e))?;
    tmp.write_all(bytes)
        .and_then(|_| readable_by_others(tmp.as_file()))
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io(format!("cannot write {shown}"), e))?;
    tmp.persist(path)
        .map_err(|e| Error::io(format!("cannot write {shown}"), e.error))?;
    Ok(())
}

/// A temporary file is private (0600); an exported plan is a document people pass around, so
/// it gets the permissions any other saved document would have.
#[cfg(unix)]
fn readable_by_others(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_others(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}
