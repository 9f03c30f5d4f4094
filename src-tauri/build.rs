fn main() {
    // A normal build embeds the built UI; say how to make it when it is missing rather than
    // letting `generate_context!` fail with a path. (`tauri dev` serves it instead.)
    println!("cargo:rerun-if-changed=../ui/dist");
    if std::env::var_os("CARGO_FEATURE_CUSTOM_PROTOCOL").is_some()
        && !std::path::Path::new("../ui/dist/index.html").exists()
    {
        panic!("ui/dist is missing: build the UI first (cd ui && npm ci && npm run build)");
    }
    // Declaring the app's commands makes each one need a grant in capabilities/, so the
    // window can call exactly what capabilities/main.json lists.
    let manifest = tauri_build::AppManifest::new().commands(&["list_plans", "app_info"]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}
