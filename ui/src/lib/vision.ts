// Step 2, vision: which answer fills which place on the screen (one per question, or one per
// perspective for the questions asked of each group), and what to save when an answer is typed.
import type { Described, VisionAnswer, VisionQuestion, VisionStatement } from './types';

/** One place to type an answer: a question, and the perspective it is answered for (or none). */
export interface AnswerSlot {
  /** Unique per question and perspective; see `answerKey`. */
  key: string;
  questionId: string;
  perspective: string | null;
  /** The perspective's name, or an empty string when the question is answered once. */
  label: string;
  answer: VisionAnswer | undefined;
}

export interface QuestionGroup {
  question: VisionQuestion;
  slots: AnswerSlot[];
  /** How many of the slots hold a non-blank answer. */
  answered: number;
}

const filled = (text: string | undefined) => (text ?? '').trim() !== '';

/** The key of a question and perspective, as the core keeps answers unique. */
export function answerKey(questionId: string, perspective: string | null): string {
  return `${questionId}|${perspective ?? ''}`;
}

/** The answers of a plan by `answerKey`. */
export function answersByKey(answers: VisionAnswer[]): Map<string, VisionAnswer> {
  const map = new Map<string, VisionAnswer>();
  for (const a of answers) map.set(answerKey(a.question_id, a.perspective), a);
  return map;
}

/**
 * The questions in catalog order, each with its places to answer: one per listed perspective
 * (in the question's own order, named from `perspectives`) when it is asked per perspective,
 * otherwise a single place with no perspective.
 */
export function groupAnswers(
  questions: VisionQuestion[],
  perspectives: Described[],
  answers: VisionAnswer[],
): QuestionGroup[] {
  const byKey = answersByKey(answers);
  const names = new Map(perspectives.map((p) => [p.id, p.name]));
  return questions.map((question) => {
    const wanted: (string | null)[] = question.per_perspective ? question.perspectives : [null];
    const slots = wanted.map((perspective): AnswerSlot => {
      const key = answerKey(question.id, perspective);
      return {
        key,
        questionId: question.id,
        perspective,
        label: perspective === null ? '' : (names.get(perspective) ?? perspective),
        answer: byKey.get(key),
      };
    });
    return { question, slots, answered: slots.filter((s) => filled(s.answer?.text)).length };
  });
}

/**
 * The record to save when an answer's text becomes `text`, or null when there is nothing to
 * save (no answer yet and the text is blank, or the text is unchanged). An existing answer is
 * updated in place. `pendingId` is the id of an answer this screen has already sent but the
 * plan does not show yet: saves made while it is on its way write that same record instead of
 * creating a duplicate. Otherwise `create` makes a new answer (normally `blank.visionAnswer`).
 */
export function answerToSave(
  existing: VisionAnswer | undefined,
  pendingId: string | undefined,
  questionId: string,
  perspective: string | null,
  text: string,
  create: (questionId: string, perspective: string | null, text: string) => VisionAnswer,
): VisionAnswer | null {
  if (existing) return existing.text === text ? null : { ...existing, text };
  if (pendingId !== undefined) return { id: pendingId, question_id: questionId, perspective, text };
  if (!filled(text)) return null;
  return create(questionId, perspective, text);
}

/** Statements that serve no priority yet (the step is not complete while any exist). */
export function unlinkedStatements(statements: VisionStatement[], priorityIds: string[]): VisionStatement[] {
  const known = new Set(priorityIds);
  return statements.filter((s) => !s.priority_ids.some((id) => known.has(id)));
}
