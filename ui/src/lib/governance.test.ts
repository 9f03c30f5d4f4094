import { describe, expect, it } from 'vitest';
import {
  activitiesFromStages,
  formatPeople,
  isPast,
  moveWithin,
  notYetAdded,
  parsePeople,
  pathwayLevels,
  roleName,
  samePeople,
  standardLevelEdits,
  standardWorkflowEdits,
} from './governance';
import type { BadgeLevel, BadgeLevelTemplate, Edit, Role, WorkflowStage, WorkflowTemplate } from './types';

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

const role = (id: string, name: string): Role => ({ id, name, description: '', people: [] });
const stage = (id: string, name: string): WorkflowStage => ({
  id,
  name,
  description: '',
  responsible_role_id: null,
  inputs: '',
  outputs: '',
  expected_time: '',
});
const level = (id: string, name: string): BadgeLevel => ({
  id,
  name,
  description: '',
  assessment: '',
  evidence: '',
  visual_cue: '',
});

describe('people', () => {
  it('takes one person per line, trimming and dropping blanks and repeats', () => {
    expect(parsePeople('Ana Silva\n  Bo Chen\n\nCleo\n ana silva \n')).toEqual(['Ana Silva', 'Bo Chen', 'Cleo']);
    expect(parsePeople('Dr Évelyne Roy, Provost and Vice-President, Academic')).toEqual([
      'Dr Évelyne Roy, Provost and Vice-President, Academic',
    ]);
    expect(parsePeople('   ')).toEqual([]);
    expect(parsePeople('Dr.   Lee')).toEqual(['Dr. Lee']);
  });

  it('writes them back one per line, which parses to the same list even with titles', () => {
    const people = ['Ana Silva', 'Bo Chen, Registrar'];
    expect(formatPeople(people)).toBe('Ana Silva\nBo Chen, Registrar');
    expect(samePeople(parsePeople(formatPeople(people)), people)).toBe(true);
    expect(samePeople(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(samePeople(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('notYetAdded', () => {
  it('keeps the catalog entries whose name the plan does not have, ignoring case and spaces', () => {
    const catalog = [
      { id: 'c1', name: 'Program owner', description: '' },
      { id: 'c2', name: 'Registrar', description: '' },
    ];
    expect(notYetAdded(catalog, [role('r', '  program OWNER ')]).map((c) => c.id)).toEqual(['c2']);
    expect(notYetAdded(catalog, [])).toHaveLength(2);
  });
});

describe('standardWorkflowEdits', () => {
  const templates: WorkflowTemplate[] = [
    {
      id: 't1',
      name: 'Proposal',
      description: 'Write it',
      responsible: 'Badge requester',
      inputs: 'Template',
      outputs: 'Proposal',
      expected_time: '1 week',
    },
    {
      id: 't2',
      name: 'Committee review',
      description: 'Review it',
      responsible: 'Approval committee',
      inputs: 'Proposal',
      outputs: 'Decision',
      expected_time: '2 weeks',
    },
    {
      id: 't3',
      name: 'Revision',
      description: '',
      responsible: 'Badge requester',
      inputs: '',
      outputs: '',
      expected_time: '',
    },
  ];
  const catalogRoles = [{ id: 'req', name: 'Badge requester', description: 'Wants a badge' }];

  it('reuses a plan role of the same name and adds the missing roles once, before the stages', () => {
    const edits = standardWorkflowEdits(templates, catalogRoles, [role('mine', 'approval Committee')], ids());
    const puts = edits.map((e) => (e.op === 'put' ? Object.keys(e.entity)[0] : e.op));
    expect(puts).toEqual(['role', 'workflow_stage', 'workflow_stage', 'workflow_stage']);
    const newRole = (edits[0] as Extract<Edit, { op: 'put' }>).entity as unknown as { role: Role };
    expect(newRole.role).toEqual({ id: 'id1', name: 'Badge requester', description: 'Wants a badge', people: [] });
    const stages = edits
      .slice(1)
      .map((e) => ((e as Extract<Edit, { op: 'put' }>).entity as unknown as { workflow_stage: WorkflowStage }).workflow_stage);
    expect(stages.map((s) => [s.name, s.responsible_role_id])).toEqual([
      ['Proposal', 'id1'],
      ['Committee review', 'mine'],
      ['Revision', 'id1'],
    ]);
    expect(stages[0]).toMatchObject({ description: 'Write it', inputs: 'Template', outputs: 'Proposal', expected_time: '1 week' });
  });
});

describe('standardLevelEdits', () => {
  it('adds only the levels the plan lacks, with all their parts', () => {
    const templates: BadgeLevelTemplate[] = [
      { id: 'completion', name: 'Completion', description: 'd1', assessment: 'a1', evidence: 'e1', visual_cue: 'v1' },
      { id: 'performance', name: 'Performance', description: 'd2', assessment: 'a2', evidence: 'e2', visual_cue: 'v2' },
    ];
    const edits = standardLevelEdits(templates, [level('l', 'completion')], ids());
    expect(edits).toEqual([
      {
        op: 'put',
        entity: {
          badge_level: {
            id: 'id1',
            name: 'Performance',
            description: 'd2',
            assessment: 'a2',
            evidence: 'e2',
            visual_cue: 'v2',
          },
        },
      },
    ]);
  });
});

describe('activitiesFromStages', () => {
  it('makes an activity of each named stage not already an activity', () => {
    const made = activitiesFromStages(
      [stage('s1', 'Proposal'), stage('s2', ' '), stage('s3', 'Committee review'), stage('s4', 'proposal')],
      [{ id: 'a', name: 'Committee Review' }],
      ids(),
    );
    expect(made).toEqual([{ id: 'id1', name: 'Proposal' }]);
  });
});

describe('pathways', () => {
  it('moves a level within the order, clamped to the ends', () => {
    expect(moveWithin(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveWithin(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveWithin(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
    expect(moveWithin(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('reads the levels in the pathway’s order, skipping ones no longer in the plan', () => {
    const levels = [level('l1', 'Completion'), level('l2', 'Performance'), level('l3', 'Certification')];
    const p = { id: 'p', name: 'Data', kind: 'vertical' as const, description: '', level_ids: ['l3', 'gone', 'l1'] };
    expect(pathwayLevels(p, levels).map((l) => l.name)).toEqual(['Certification', 'Completion']);
  });
});

describe('small checks', () => {
  it('tells a past date', () => {
    expect(isPast('2024-04-01', '2025-01-01')).toBe(true);
    expect(isPast('2025-01-01', '2025-01-01')).toBe(false);
    expect(isPast(null, '2025-01-01')).toBe(false);
  });

  it('names a role by id', () => {
    const roles = [role('r1', 'Program owner')];
    expect(roleName(roles, 'r1')).toBe('Program owner');
    expect(roleName(roles, null)).toBe('No one yet');
    expect(roleName(roles, 'gone', '—')).toBe('—');
  });
});
