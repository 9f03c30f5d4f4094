// What crosses the boundary with the shell. The types are generated from the Rust types into
// ./bindings (see src-tauri/src/bindings.rs); this module gathers them in one place.
export type * from './bindings/index';
// The core's constants the screens use (the steps in order, each kind's list, the labels of
// enums) are generated from Rust too, never copied here.
export * from './bindings/constants';
