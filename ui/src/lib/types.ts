// What crosses the boundary with the shell. The types are generated from the Rust types into
// ./bindings (see src-tauri/src/bindings.rs); this module gathers them in one place.
export type * from './bindings/index';
import type { Step } from './bindings/Step';

/** The ten steps of the journey, in order (`stepwise::Step::ALL`). */
export const STEPS: readonly Step[] = [
  'context',
  'vision',
  'goals',
  'measures',
  'requirements',
  'governance',
  'maturity',
  'communication',
  'roadmap',
  'export',
];
