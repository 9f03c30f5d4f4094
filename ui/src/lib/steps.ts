// What every step screen is given.
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
