// Generated from the Rust side by src-tauri/src/bindings.rs; do not edit. Run
// `UPDATE_BINDINGS=1 cargo test -p stepwise-app bindings` after changing it.
import { invoke } from '@tauri-apps/api/core';
import type { AppInfo } from './AppInfo';
import type { Applied } from './Applied';
import type { AssessmentView } from './AssessmentView';
import type { AudienceRequest } from './AudienceRequest';
import type { AudienceView } from './AudienceView';
import type { Catalog } from './Catalog';
import type { Comparison } from './Comparison';
import type { Edit } from './Edit';
import type { ExportOptions } from './ExportOptions';
import type { Exported } from './Exported';
import type { FactorRow } from './FactorRow';
import type { Finding } from './Finding';
import type { FocusQueue } from './FocusQueue';
import type { FocusView } from './FocusView';
import type { Format } from './Format';
import type { FoundForm } from './FoundForm';
import type { Goal } from './Goal';
import type { HeatmapView } from './HeatmapView';
import type { ImportedForm } from './ImportedForm';
import type { Intent } from './Intent';
import type { Interface } from './Interface';
import type { MaturityResults } from './MaturityResults';
import type { PersonalCode } from './PersonalCode';
import type { PlanState } from './PlanState';
import type { PlanSummary } from './PlanSummary';
import type { PlanUpdate } from './PlanUpdate';
import type { RoomInfo } from './RoomInfo';
import type { RoomOptions } from './RoomOptions';
import type { RoomStatus } from './RoomStatus';
import type { Viewer } from './Viewer';

/** The desktop shell's commands, one method each, as declared in src-tauri/src/commands. */
export interface Commands {
  appInfo(): Promise<AppInfo>;
  /** The built-in content: the maturity model, the requirements, the journey's words. */
  catalog(): Promise<Catalog>;
  listPlans(): Promise<Array<PlanSummary>>;
  /** Creates an empty plan; answers its id. */
  createPlan(name: string): Promise<string>;
  duplicatePlan(id: string): Promise<string>;
  /** Starts next cycle's plan from this one (the cycle advanced, history kept, open actions carried); answers the new plan's id. This plan stays as the record of its cycle. */
  rollForward(id: string): Promise<string>;
  deletePlan(id: string): Promise<void>;
  /** Opens the native save dialog for an export; the chosen path (with the format's extension), or null when cancelled. Exports take no other path outside the exports folder. */
  chooseSavePath(format: Format): Promise<string | null>;
  /** Opens the native file dialog for a plan file (`json`) or a filled scoring form (`xlsx`); the chosen path, or null when cancelled. Imports take no other path outside the exports folder. */
  chooseFileToOpen(format: Format): Promise<string | null>;
  /** Imports a plan file as a new plan; answers its id. */
  importPlan(path: string): Promise<string>;
  planState(id: string): Promise<PlanState>;
  /** Applies edits as one step of the history: all of them or none. Answers with what they changed (or, where simpler, the whole state). */
  applyEdits(id: string, edits: Array<Edit>): Promise<PlanUpdate>;
  /** Carries out what a person asked for (the maturity workshop's writes) as one step of the history, worked out from the plan inside the write transaction. */
  applyIntent(id: string, intent: Intent): Promise<Applied>;
  undo(id: string): Promise<PlanState>;
  redo(id: string): Promise<PlanState>;
  /** The SMART findings on a goal as it is being typed. */
  goalFindings(goal: Goal): Promise<Array<Finding>>;
  /** Without a path the file goes to the exports folder under a dated name. Runs off the main thread so the window stays responsive (and shows progress) meanwhile. */
  exportPlan(id: string, format: Format, path: string | null, options: ExportOptions): Promise<Exported>;
  openExported(path: string): Promise<void>;
  showExported(path: string): Promise<void>;
  /** What `viewer` may see of an assessment: before the reveal a rater sees only their own scores and the facilitator only how far each rater has got. */
  assessmentView(planId: string, assessmentId: string, viewer: Viewer): Promise<AssessmentView>;
  maturityResults(planId: string, assessmentId: string, view: HeatmapView, phaseId: string | null): Promise<MaturityResults>;
  /** Focus mode: one sub-facet with its round, who has scored it and, once revealed, who said what. */
  focusView(planId: string, assessmentId: string, subfacetId: string): Promise<FocusView>;
  /** The sub-facets in the order focus mode takes them. */
  focusQueue(planId: string, assessmentId: string, queue: FocusQueue): Promise<Array<string>>;
  /** Builds what the room may see, sends it to the audience window if it is open, and answers it (for the one-screen audience view in this window). */
  showAudience(planId: string, request: AudienceRequest): Promise<AudienceView>;
  /** The audience window's first paint: the payload last built for the room, if any. */
  audienceLast(): Promise<AudienceView | null>;
  /** "Present": opens the audience window; answers how many screens there are. */
  present(): Promise<number>;
  /** Sends the audience window to the other screen, full screen; false with one screen. */
  audienceToProjector(fullscreenHere: boolean): Promise<boolean>;
  closeAudience(): Promise<void>;
  /** This computer's network addresses the room can be opened on, local-network ones first. */
  roomInterfaces(): Promise<Array<Interface>>;
  /** Opens the room's server for raters' phones (closing one already open); answers its address, code and QR code. */
  openRoom(planId: string, options: RoomOptions): Promise<RoomInfo>;
  /** The open room with its devices; null when no room is open. */
  roomStatus(): Promise<RoomStatus | null>;
  /** Each rater's personal link and QR code, when the room was opened with personal codes. */
  roomPersonalCodes(): Promise<Array<PersonalCode>>;
  /** Revokes a device's token; its page goes back to joining. */
  removeRoomDevice(deviceId: string): Promise<void>;
  /** Stops the room's server; when this answers, its port is closed. */
  closeRoom(): Promise<void>;
  compareAssessments(planId: string, fromId: string, toId: string): Promise<Comparison>;
  successFactors(planId: string): Promise<Array<FactorRow>>;
  /** Without a folder the forms go to the exports folder. */
  exportScoringForms(planId: string, assessmentId: string, dir: string | null): Promise<Array<Exported>>;
  /** The scoring forms in the exports folder. */
  scoringFormsFound(): Promise<Array<FoundForm>>;
  /** Reads a filled form back as one step of the history. */
  importScoringForm(planId: string, assessmentId: string, path: string): Promise<ImportedForm>;
}

export const tauriCommands: Commands = {
  appInfo: () => invoke<AppInfo>('app_info'),
  catalog: () => invoke<Catalog>('catalog'),
  listPlans: () => invoke<Array<PlanSummary>>('list_plans'),
  createPlan: (name) => invoke<string>('create_plan', { name }),
  duplicatePlan: (id) => invoke<string>('duplicate_plan', { id }),
  rollForward: (id) => invoke<string>('roll_forward', { id }),
  deletePlan: (id) => invoke<void>('delete_plan', { id }),
  chooseSavePath: (format) => invoke<string | null>('choose_save_path', { format }),
  chooseFileToOpen: (format) => invoke<string | null>('choose_file_to_open', { format }),
  importPlan: (path) => invoke<string>('import_plan', { path }),
  planState: (id) => invoke<PlanState>('plan_state', { id }),
  applyEdits: (id, edits) => invoke<PlanUpdate>('apply_edits', { id, edits }),
  applyIntent: (id, intent) => invoke<Applied>('apply_intent', { id, intent }),
  undo: (id) => invoke<PlanState>('undo', { id }),
  redo: (id) => invoke<PlanState>('redo', { id }),
  goalFindings: (goal) => invoke<Array<Finding>>('goal_findings', { goal }),
  exportPlan: (id, format, path, options) => invoke<Exported>('export_plan', { id, format, path, options }),
  openExported: (path) => invoke<void>('open_exported', { path }),
  showExported: (path) => invoke<void>('show_exported', { path }),
  assessmentView: (planId, assessmentId, viewer) => invoke<AssessmentView>('assessment_view', { planId, assessmentId, viewer }),
  maturityResults: (planId, assessmentId, view, phaseId) => invoke<MaturityResults>('maturity_results', { planId, assessmentId, view, phaseId }),
  focusView: (planId, assessmentId, subfacetId) => invoke<FocusView>('focus_view', { planId, assessmentId, subfacetId }),
  focusQueue: (planId, assessmentId, queue) => invoke<Array<string>>('focus_queue', { planId, assessmentId, queue }),
  showAudience: (planId, request) => invoke<AudienceView>('show_audience', { planId, request }),
  audienceLast: () => invoke<AudienceView | null>('audience_last'),
  present: () => invoke<number>('present'),
  audienceToProjector: (fullscreenHere) => invoke<boolean>('audience_to_projector', { fullscreenHere }),
  closeAudience: () => invoke<void>('close_audience'),
  roomInterfaces: () => invoke<Array<Interface>>('room_interfaces'),
  openRoom: (planId, options) => invoke<RoomInfo>('open_room', { planId, options }),
  roomStatus: () => invoke<RoomStatus | null>('room_status'),
  roomPersonalCodes: () => invoke<Array<PersonalCode>>('room_personal_codes'),
  removeRoomDevice: (deviceId) => invoke<void>('remove_room_device', { deviceId }),
  closeRoom: () => invoke<void>('close_room'),
  compareAssessments: (planId, fromId, toId) => invoke<Comparison>('compare_assessments', { planId, fromId, toId }),
  successFactors: (planId) => invoke<Array<FactorRow>>('success_factors', { planId }),
  exportScoringForms: (planId, assessmentId, dir) => invoke<Array<Exported>>('export_scoring_forms', { planId, assessmentId, dir }),
  scoringFormsFound: () => invoke<Array<FoundForm>>('scoring_forms_found'),
  importScoringForm: (planId, assessmentId, path) => invoke<ImportedForm>('import_scoring_form', { planId, assessmentId, path }),
};
