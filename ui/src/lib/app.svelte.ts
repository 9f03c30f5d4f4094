// Where the person is in the app: the list of plans, or a step of one plan.
import type { Step } from './types';

export type Place =
  | { screen: 'home' }
  /** `focus` names a record the step should bring into view, e.g. a goal just drafted. */
  | { screen: 'plan'; planId: string; step: Step; focus?: string };

export class Navigation {
  place: Place = $state({ screen: 'home' });

  home(): void {
    this.place = { screen: 'home' };
  }

  open(planId: string, step: Step = 'context'): void {
    this.place = { screen: 'plan', planId, step };
  }

  go(step: Step, focus?: string): void {
    if (this.place.screen === 'plan') this.place = { screen: 'plan', planId: this.place.planId, step, focus };
  }
}
