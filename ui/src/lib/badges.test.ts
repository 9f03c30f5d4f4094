import { describe, expect, it } from 'vitest';
import { blank } from './records';
import { badgesOf, chainText, expiryProblem, expiryText, metadataGaps, pilotBadges, readyLine } from './badges';
import journey from '../../../assets/catalog/journey.json';
import type { PolicyItem } from './types';

// The catalog's own policy: the card reads the same data the core's checks read.
const POLICY: PolicyItem[] = journey.badge_metadata_policy;

describe('metadataGaps', () => {
  it('lists every item of the policy for a new badge and loses one as each field is filled', () => {
    const b = blank.badge();
    expect(metadataGaps(b, POLICY).map((d) => d.id)).toEqual(POLICY.map((d) => d.id));
    const some = { ...b, criteria: 'Scores proficient', level_id: 'level-1', evidence: '  ' };
    expect(metadataGaps(some, POLICY).map((d) => d.id)).toEqual(['description', 'evidence', 'skills', 'issuer', 'owner']);
  });
  it('takes a skills framework as a skills alignment as much as words', () => {
    const b = { ...blank.badge(), framework_ids: ['esco'] };
    expect(metadataGaps(b, POLICY).map((d) => d.id)).not.toContain('skills');
  });
  it('holds a badge back on an item whose field it does not have, as the core does', () => {
    const image: PolicyItem = { id: 'image', fields: ['image_url'], name: 'Image', description: '' };
    expect(metadataGaps({ ...blank.badge(), name: 'Full' }, [image])).toEqual([image]);
  });
});

describe('readyLine', () => {
  it('says how many badges could be published', () => {
    const ready = {
      ...blank.badge(),
      description: 'd',
      level_id: 'l',
      criteria: 'c',
      evidence: 'e',
      skills: 's',
      issuer: 'i',
      owner: 'o',
    };
    expect(readyLine([], POLICY)).toBe('No badges yet.');
    expect(readyLine([ready, blank.badge()], POLICY)).toBe('1 of 2 ready to publish.');
    expect(readyLine([ready], POLICY)).toBe('All 1 ready to publish.');
  });
});

describe('expiry', () => {
  it('reads months as months or years, and none as no expiry', () => {
    expect(expiryText(null)).toBe('Does not expire');
    expect(expiryText(24)).toBe('2 years');
    expect(expiryText(12)).toBe('1 year');
    expect(expiryText(18)).toBe('18 months');
  });
  it('refuses what is not a whole number of months from 1 to 600', () => {
    expect(expiryProblem(null)).toBeNull();
    expect(expiryProblem(36)).toBeNull();
    for (const bad of [0, -3, 1.5, 601]) expect(expiryProblem(bad)).toMatch(/whole number of months/);
  });
});

describe('pathways and routes', () => {
  it('chains a pathway from its badges to its credential, skipping badges no longer there', () => {
    const a = { ...blank.badge(), name: 'Data Literacy' };
    const b = { ...blank.badge(), name: 'SQL' };
    const p = { ...blank.badgePathway(), badge_ids: [a.id, 'gone', b.id], credential: 'Certificate' };
    expect(badgesOf(p.badge_ids, [a, b]).map((x) => x.name)).toEqual(['Data Literacy', 'SQL']);
    expect(chainText(p, [a, b])).toBe('Data Literacy → SQL → Certificate');
    expect(chainText({ ...p, credential: ' ' }, [a, b])).toBe('Data Literacy → SQL → credential not named yet');
  });
  it('names the pilot badges once, from the routes marked as the pilot', () => {
    const a = { ...blank.badge(), name: 'A' };
    const b = { ...blank.badge(), name: 'B' };
    const pilot = { ...blank.issuingRoute(), pilot: true, badge_ids: [a.id, b.id] };
    const again = { ...blank.issuingRoute(), pilot: true, badge_ids: [a.id] };
    const later = { ...blank.issuingRoute(), badge_ids: [b.id] };
    expect(pilotBadges([pilot, again, later], [a, b]).map((x) => x.name)).toEqual(['A', 'B']);
    expect(pilotBadges([later], [a, b])).toEqual([]);
  });
});
