// A Backend for unit tests: every call fails loudly unless the test supplies it.
import type { Backend } from '../backend';

export function fakeBackend(calls: Partial<Backend>): Backend {
  const missing = (name: string) => () => Promise.reject(new Error(`the test did not expect ${name}`));
  const names: (keyof Backend)[] = [
    'appInfo',
    'catalog',
    'listPlans',
    'createPlan',
    'duplicatePlan',
    'deletePlan',
    'chooseFileToOpen',
    'chooseSavePath',
    'importPlan',
    'planState',
    'applyEdits',
    'undo',
    'redo',
    'goalFindings',
    'exportPlan',
    'openExported',
    'showExported',
    'assessmentView',
    'createAssessment',
    'addRater',
    'renameRater',
    'removeRater',
    'recordScore',
    'clearScore',
    'revealAssessment',
    'agreeStage',
    'addPhase',
    'setTarget',
    'clearTarget',
    'maturityResults',
    'draftGoalFromGap',
    'compareAssessments',
    'successFactors',
    'setSuccessFactor',
    'exportScoringForms',
    'scoringFormsFound',
    'importScoringForm',
  ];
  const backend = Object.fromEntries(names.map((n) => [n, missing(n)])) as unknown as Backend;
  return Object.assign(backend, calls);
}
