// Shared by build.rs and the security test (both `include!` it): the app's command list is
// whatever the `commands! { … }` block of `src/commands/*.rs` declares.

/// The names of the commands declared in the `commands! { … }` blocks of the `.rs` files of
/// `dir`: each item of the block starts `fn name(` or `[async] fn name(` at its first indent.
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
        let mut inside = false;
        for line in text.lines() {
            if line == "commands! {" {
                inside = true;
            } else if inside && line == "}" {
                inside = false;
            } else if inside {
                let item = line.strip_prefix("    ").unwrap_or_default();
                let item = item.strip_prefix("[async] ").unwrap_or(item);
                if let Some(after) = item.strip_prefix("fn ") {
                    let name: String = after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    names.push(name);
                }
            }
        }
    }
    names
}
