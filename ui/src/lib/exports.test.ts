import { describe, expect, it } from 'vitest';
import { EXPORTS, formatBytes } from './exports';

describe('exports', () => {
  it('offers the four formats the core writes, each with its own extension', () => {
    expect(EXPORTS.map((e) => e.format)).toEqual(['pdf', 'docx', 'xlsx', 'json']);
    expect(new Set(EXPORTS.map((e) => e.extension)).size).toBe(4);
  });

  it('shows sizes in the unit a person reads at a glance', () => {
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(153_600)).toBe('150 KB');
    expect(formatBytes(1_940_000)).toBe('1.9 MB');
  });
});
