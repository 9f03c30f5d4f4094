//! The commands the UI may call, declared once in `commands!` below: each is a line or two over
//! `Backend`; errors cross as `{code, message, problems}`. Time is read here, once per call, so
//! the core stays testable. The same list registers the commands with Tauri and generates the
//! UI's typed invoke table (`ui/src/lib/bindings/commands.ts`, see `bindings.rs`).

use crate::backend::{ApiError, AppInfo, Backend, Exported};
use chrono::Utc;
use std::path::PathBuf;
use stepwise::api::{Applied, ImportedForm, MaturityResults};
use stepwise::catalog::Catalog;
use stepwise::export::{ExportOptions, Format};
use stepwise::maturity::forms::FoundForm;
use stepwise::maturity::{
    AssessmentView, AudienceRequest, AudienceView, Comparison, FactorRow, FocusQueue, FocusView,
    HeatmapView, Viewer,
};
use stepwise::model::Goal;
use stepwise::room::{Interface, PersonalCode, RoomInfo, RoomOptions, RoomStatus};
use stepwise::smart::Finding;
use stepwise::workspace::{PlanState, PlanUpdate};
use stepwise::{Edit, Intent, PlanSummary};

pub mod dialogs;

type Result<T> = std::result::Result<T, ApiError>;

/// One command as the UI sees it: its name, its doc comment, its arguments and what it
/// answers, in TypeScript.
#[cfg(test)]
pub struct Signature {
    pub name: &'static str,
    pub docs: Vec<&'static str>,
    pub args: Vec<(&'static str, String)>,
    pub returns: String,
}

/// Declares each command once. `fn name(backend, arg: Type…) -> Answer { body }` becomes a
/// `#[tauri::command]` taking the backend as Tauri state and returning `Result<Answer>`; a
/// command marked `[async]` runs off the main thread, and one given `[window]` also receives
/// the window that called it (a dialog needs its parent). The list also gives `handler()` for
/// Tauri and `signatures()` for the generated TypeScript.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $([$asyncness:ident])? fn $name:ident($backend:ident $(, [$window:ident])? $(, $arg:ident: $ty:ty)* $(,)?) -> $ok:ty $body:block
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command]
            pub $($asyncness)? fn $name(
                $backend: tauri::State<'_, Backend> $(, $window: tauri::WebviewWindow)? $(, $arg: $ty)*
            ) -> Result<$ok> $body
        )*

        /// Every command above, for `tauri::Builder::invoke_handler`.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        #[cfg(test)]
        pub fn signatures(cfg: &ts_rs::Config) -> Vec<Signature> {
            vec![$(Signature {
                name: stringify!($name),
                docs: vec![$($doc),*],
                args: vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(cfg))),*],
                returns: <$ok as ts_rs::TS>::name(cfg),
            }),*]
        }
    };
}

commands! {
    fn app_info(backend) -> AppInfo {
        Ok(backend.info())
    }

    /// The built-in content: the maturity model, the requirements, the journey's words.
    fn catalog(backend) -> &'static Catalog {
        Ok(backend.catalog())
    }

    fn list_plans(backend) -> Vec<PlanSummary> {
        backend.list_plans()
    }

    /// Creates an empty plan; answers its id.
    fn create_plan(backend, name: String) -> String {
        backend.create_plan(&name, Utc::now())
    }

    fn duplicate_plan(backend, id: String) -> String {
        backend.duplicate_plan(&id, Utc::now())
    }

    /// Starts next cycle's plan from this one (the cycle advanced, history kept, open actions
    /// carried); answers the new plan's id. This plan stays as the record of its cycle.
    fn roll_forward(backend, id: String) -> String {
        backend.roll_forward(&id, Utc::now())
    }

    fn delete_plan(backend, id: String) -> () {
        backend.delete_plan(&id)
    }

    /// Opens the native save dialog for an export; the chosen path (with the format's
    /// extension), or null when cancelled. Exports take no other path outside the exports
    /// folder.
    [async] fn choose_save_path(backend, [window], format: Format) -> Option<String> {
        dialogs::choose_save_path(&window, &backend, format)
    }

    /// Opens the native file dialog for a plan file (`json`) or a filled scoring form
    /// (`xlsx`); the chosen path, or null when cancelled. Imports take no other path outside
    /// the exports folder.
    [async] fn choose_file_to_open(backend, [window], format: Format) -> Option<String> {
        dialogs::choose_file_to_open(&window, &backend, format)
    }

    /// Imports a plan file as a new plan; answers its id.
    fn import_plan(backend, path: PathBuf) -> String {
        backend.import_plan(&path, Utc::now())
    }

    fn plan_state(backend, id: String) -> PlanState {
        backend.plan_state(&id, Utc::now())
    }

    /// Applies edits as one step of the history: all of them or none. Answers with what
    /// they changed (or, where simpler, the whole state).
    fn apply_edits(backend, id: String, edits: Vec<Edit>) -> PlanUpdate {
        backend.apply(&id, &edits, Utc::now())
    }

    /// Carries out what a person asked for (the maturity workshop's writes) as one step of
    /// the history, worked out from the plan inside the write transaction.
    fn apply_intent(backend, id: String, intent: Intent) -> Applied {
        backend.apply_intent(&id, &intent, Utc::now())
    }

    fn undo(backend, id: String) -> PlanState {
        backend.undo(&id, Utc::now())
    }

    fn redo(backend, id: String) -> PlanState {
        backend.redo(&id, Utc::now())
    }

    /// The SMART findings on a goal as it is being typed.
    fn goal_findings(backend, goal: Goal) -> Vec<Finding> {
        Ok(backend.goal_findings(&goal, Utc::now()))
    }

    /// Without a path the file goes to the exports folder under a dated name. Runs off the
    /// main thread so the window stays responsive (and shows progress) meanwhile.
    [async] fn export_plan(backend, id: String, format: Format, path: Option<PathBuf>, options: ExportOptions) -> Exported {
        backend.export(&id, format, path, options, Utc::now())
    }

    fn open_exported(backend, path: String) -> () {
        let path = backend.exported_file(&path)?;
        tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| opener_error(&path, e))
    }

    fn show_exported(backend, path: String) -> () {
        let path = backend.exported_file(&path)?;
        tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| opener_error(&path, e))
    }

    /// What `viewer` may see of an assessment: before the reveal a rater sees only their own
    /// scores and the facilitator only how far each rater has got.
    fn assessment_view(backend, plan_id: String, assessment_id: String, viewer: Viewer) -> AssessmentView {
        backend.assessment_view(&plan_id, &assessment_id, &viewer)
    }

    fn maturity_results(
        backend,
        plan_id: String,
        assessment_id: String,
        view: HeatmapView,
        phase_id: Option<String>,
    ) -> MaturityResults {
        backend.maturity_results(&plan_id, &assessment_id, view, phase_id.as_deref())
    }

    /// Focus mode: one sub-facet with its round, who has scored it and, once revealed, who
    /// said what.
    fn focus_view(backend, plan_id: String, assessment_id: String, subfacet_id: String) -> FocusView {
        backend.focus_view(&plan_id, &assessment_id, &subfacet_id)
    }

    /// The sub-facets in the order focus mode takes them.
    fn focus_queue(backend, plan_id: String, assessment_id: String, queue: FocusQueue) -> Vec<String> {
        backend.focus_queue(&plan_id, &assessment_id, queue)
    }

    /// Builds what the room may see, sends it to the audience window if it is open, and
    /// answers it (for the one-screen audience view in this window).
    fn show_audience(backend, [window], plan_id: String, request: AudienceRequest) -> AudienceView {
        let view = backend.audience_view(&plan_id, &request)?;
        crate::audience::push(&crate::audience::app(&window), &view);
        Ok(view)
    }

    /// The audience window's first paint: the payload last built for the room, if any.
    fn audience_last(backend) -> Option<AudienceView> {
        Ok(backend.audience_last())
    }

    /// "Present": opens the audience window; answers how many screens there are.
    [async] fn present(backend, [window]) -> u32 {
        let _ = &backend;
        crate::audience::present(&crate::audience::app(&window))
            .map(|n| n as u32)
            .map_err(window_error)
    }

    /// Sends the audience window to the other screen, full screen; false with one screen.
    [async] fn audience_to_projector(backend, [window], fullscreen_here: bool) -> bool {
        let _ = &backend;
        crate::audience::to_projector(&crate::audience::app(&window), fullscreen_here).map_err(window_error)
    }

    [async] fn close_audience(backend, [window]) -> () {
        let _ = &backend;
        crate::audience::close(&crate::audience::app(&window)).map_err(window_error)
    }

    /// This computer's network addresses the room can be opened on, local-network ones first.
    fn room_interfaces(backend) -> Vec<Interface> {
        let _ = &backend;
        Ok(stepwise::room::interfaces())
    }

    /// Opens the room's server for raters' phones (closing one already open); answers its
    /// address, code and QR code.
    [async] fn open_room(backend, [window], plan_id: String, options: RoomOptions) -> RoomInfo {
        let _ = &backend;
        crate::room::open(&crate::audience::app(&window), &plan_id, &options).await
    }

    /// The open room with its devices; null when no room is open.
    fn room_status(backend) -> Option<RoomStatus> {
        Ok(backend.room_status())
    }

    /// Each rater's personal link and QR code, when the room was opened with personal codes.
    fn room_personal_codes(backend) -> Vec<PersonalCode> {
        backend.room_personal_codes()
    }

    /// Revokes a device's token; its page goes back to joining.
    fn remove_room_device(backend, device_id: String) -> () {
        backend.remove_room_device(&device_id)
    }

    /// Stops the room's server; when this answers, its port is closed.
    [async] fn close_room(backend, [window]) -> () {
        let _ = &backend;
        crate::room::close(&crate::audience::app(&window)).await;
        Ok(())
    }

    fn compare_assessments(backend, plan_id: String, from_id: String, to_id: String) -> Comparison {
        backend.compare_assessments(&plan_id, &from_id, &to_id)
    }

    fn success_factors(backend, plan_id: String) -> Vec<FactorRow> {
        backend.success_factors(&plan_id)
    }

    /// Without a folder the forms go to the exports folder.
    [async] fn export_scoring_forms(
        backend,
        plan_id: String,
        assessment_id: String,
        dir: Option<PathBuf>,
    ) -> Vec<Exported> {
        backend.export_scoring_forms(&plan_id, &assessment_id, dir)
    }

    /// The scoring forms in the exports folder.
    fn scoring_forms_found(backend) -> Vec<FoundForm> {
        backend.scoring_forms_found()
    }

    /// Reads a filled form back as one step of the history.
    [async] fn import_scoring_form(backend, plan_id: String, assessment_id: String, path: PathBuf) -> ImportedForm {
        backend.import_scoring_form(&plan_id, &assessment_id, &path, Utc::now())
    }
}

fn opener_error(path: &std::path::Path, e: tauri_plugin_opener::Error) -> ApiError {
    ApiError {
        code: stepwise::ErrorCode::Io,
        message: format!("cannot open {}: {e}", path.display()),
        problems: vec![],
    }
}

fn window_error(e: tauri::Error) -> ApiError {
    tracing::warn!(error = %e, "the audience window failed");
    ApiError {
        code: stepwise::ErrorCode::Io,
        message: format!("the audience window could not be opened or moved: {e}"),
        problems: vec![],
    }
}
