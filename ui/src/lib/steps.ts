// What each step of the journey is for, in a sentence or two shown at the top of its screen.
import type { Step } from './types';

export const STEP_INTRO: Record<Step, string> = {
  context:
    'Who the plan is for: the organisation, the programs in scope, the groups with a stake in them, and the strategic priorities and values the credentials must serve.',
  vision:
    'Where the program is heading. Answer the guiding questions, from each group’s point of view where it matters, then draft the vision statements and tie each to the priorities it serves.',
  goals:
    'The milestones on the way to the vision. Write each goal so anyone can tell when it is met: what exactly, how much, by when, and who owns it.',
  measures:
    'The proof that a goal was reached: what is counted, where it starts, where it should get to and by when. Check-ins record progress and set the status.',
  requirements:
    'Why the organisation needs credentials, in its own terms. Pick and rank the requirements that matter, choose the metrics that show them, and turn a metric into a measure on a goal.',
  governance:
    'Who decides what, and how a badge gets from an idea to an award: roles, the approval committee, the request workflow, the RACI grid, the review cadence, the badge levels, pathways and metadata.',
  maturity:
    'Where the program stands on the maturity model today and where each phase should take it. The committee scores each sub-facet, discusses disagreements and agrees a stage.',
  communication:
    'Who needs to hear about the program, what they need to hear, from whom and when; and who needs training, how it is delivered and by when.',
  roadmap:
    'How the program grows, phase by phase, with its goals and milestones on one timeline and the cycle by which it is evaluated.',
  export:
    'The plan as documents: a PDF for leadership, an XLSX workbook to analyse and track, and a plan file that another copy of Stepwise can import.',
};

import type { Navigation } from './app.svelte';
import type { Backend } from './backend';
import type { PlanSession } from './plan.svelte';
import type { Catalog } from './types';

/** What every step screen is given. The plan is loaded before a step is shown. */
export interface StepProps {
  session: PlanSession;
  catalog: Catalog;
  nav: Navigation;
  backend: Backend;
  /** A record to bring into view (and open), e.g. a goal just drafted from a gap. */
  focus?: string;
}
