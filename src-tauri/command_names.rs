// Shared by build.rs and the security test (both `include!` it): the app's command list is
// whatever `src/commands/*.rs` marks with `#[tauri::command]`.

/// The names of the functions marked `#[tauri::command]` in the `.rs` files of `dir`.
fn command_names(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("src/commands exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read a command module");
        let mut marked = false;
        for line in text.lines().map(str::trim) {
            if line.starts_with("#[tauri::command") {
                marked = true;
            } else if marked && line.starts_with("pub ") && line.contains("fn ") {
                let after = line.split("fn ").nth(1).unwrap_or_default();
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
                marked = false;
            }
        }
    }
    names
}
