// The four documents a plan exports to, as the export screen offers them.
import type { Format } from './types';

export interface ExportKind {
  format: Format;
  extension: string;
  title: string;
  short: string;
  description: string;
  progress: string;
}

export const EXPORTS: ExportKind[] = [
  {
    format: 'pdf',
    extension: 'pdf',
    title: 'Strategic plan (PDF)',
    short: 'PDF',
    description:
      'The plan as leadership reads it: cover, contents, executive summary, every step with its tables and charts, and the roadmap.',
    progress: 'Laying out the PDF…',
  },
  {
    format: 'docx',
    extension: 'docx',
    title: 'Board pack to edit (Word)',
    short: 'Word',
    description:
      'The same board pack as the PDF, as a Word document to edit before it goes to the board: real headings and contents, tables, the charts as pictures.',
    progress: 'Writing the Word document…',
  },
  {
    format: 'xlsx',
    extension: 'xlsx',
    title: 'Workbook (XLSX)',
    short: 'XLSX',
    description:
      'Every list of the plan as a sheet with filters, for analysts and for tracking goals, measures and check-ins over time.',
    progress: 'Building the workbook…',
  },
  {
    format: 'json',
    extension: 'json',
    title: 'Plan file',
    short: 'plan file',
    description:
      'The whole plan in one file, to keep as a backup or to open in another copy of Stepwise with “Import plan file”.',
    progress: 'Writing the plan file…',
  },
];

/** "812 bytes", "150 KB", "1.9 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
