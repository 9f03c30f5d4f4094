use std::path::Path;

fn main() {
    // A normal build embeds the built UI; say how to make it when it is missing rather than
    // letting `generate_context!` fail with a path. (`tauri dev` serves it instead.)
    println!("cargo:rerun-if-changed=../ui/dist");
    if std::env::var_os("CARGO_FEATURE_CUSTOM_PROTOCOL").is_some()
        && !Path::new("../ui/dist/index.html").exists()
    {
        panic!("ui/dist is missing: build the UI first (cd ui && npm ci && npm run build)");
    }
    rater_page();
    // Declaring the app's commands makes each one need a grant in capabilities/, so the
    // window can call exactly what capabilities/main.json lists. The list is read from the
    // command modules themselves so a new command cannot be forgotten here.
    println!("cargo:rerun-if-changed=src/commands");
    // The manifest wants `'static` names; a build script runs once, so leaking them is fine.
    let names: &'static [&'static str] = command_names(Path::new("src/commands"))
        .into_iter()
        .map(|n| &*Box::leak(n.into_boxed_str()))
        .collect::<Vec<_>>()
        .leak();
    let manifest = tauri_build::AppManifest::new().commands(names);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}

/// The raters' page (`ui/dist/rate.html` and the assets it loads) as an `include_bytes!` table
/// in `OUT_DIR/rate_page.rs`: the room serves it from inside the binary, not through Tauri's
/// asset resolver, which would put the app window's CSP (`connect-src ipc:`) on it. Without a
/// built page the table is empty and the room answers 404 for it.
fn rater_page() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist");
    println!(
        "cargo:rerun-if-changed={}",
        dist.join("rate.html").display()
    );
    println!("cargo:rerun-if-changed={}", dist.join("assets").display());
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    if let Ok(html) = std::fs::read_to_string(dist.join("rate.html")) {
        files.push(("rate.html".into(), dist.join("rate.html")));
        // Only what the page loads, followed through the files it loads in turn: the main
        // window's assets are already in the binary once.
        let available: Vec<String> = std::fs::read_dir(dist.join("assets"))
            .map(|d| {
                d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        let mut queue = vec![html];
        while let Some(text) = queue.pop() {
            for name in &available {
                let key = format!("assets/{name}");
                if text.contains(name.as_str()) && !files.iter().any(|(k, _)| *k == key) {
                    let path = dist.join("assets").join(name);
                    if let Ok(bytes) = std::fs::read(&path) {
                        queue.push(String::from_utf8_lossy(&bytes).into_owned());
                    }
                    files.push((key, path));
                }
            }
        }
    }
    let mut table = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (key, path) in &files {
        let path = path.canonicalize().unwrap_or_else(|_| path.clone());
        table.push_str(&format!(
            "    ({key:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    table.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rate_page.rs");
    std::fs::write(out, table).expect("write the rater page's table");
}

include!("command_names.rs");
