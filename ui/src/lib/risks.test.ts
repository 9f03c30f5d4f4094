import { describe, expect, it } from 'vitest';
import { riskBand, riskScore, scaleOptions } from './risks';
import { RISK_HIGH, RISK_MEDIUM } from './types';

describe('risk scores', () => {
  it('multiply likelihood by impact', () => {
    expect(riskScore({ likelihood: 4, impact: 4 })).toBe(16);
    expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
  });

  it('are banded at the core thresholds', () => {
    expect(RISK_HIGH).toBe(15);
    expect(RISK_MEDIUM).toBe(8);
    expect(riskBand(25)).toBe('high');
    expect(riskBand(15)).toBe('high');
    expect(riskBand(14)).toBe('medium');
    expect(riskBand(8)).toBe('medium');
    expect(riskBand(7)).toBe('low');
    expect(riskBand(1)).toBe('low');
  });

  it('offer a scale of five numbered choices', () => {
    const o = scaleOptions(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(o.map((x) => x.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(o[2]!.label).toBe('3 — Possible');
  });
});
