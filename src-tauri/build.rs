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

include!("command_names.rs");
