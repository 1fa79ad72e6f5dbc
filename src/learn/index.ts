/**
 * The learning content, loaded lazily by the pages that need it (it is most of the text in the app).
 */
import { staticQuestions } from './bank';
import { findLesson, lessons } from './lessons';
import { predictTemplates } from './predict';
import type { ChoiceQuestion, Question, Topic } from './types';
import { TOPICS } from './types';

export { findLesson, lessons, predictTemplates, staticQuestions };

/** Every question, hand-written first, in topic order. */
export const questions: readonly Question[] = TOPICS.flatMap((t) => [
  ...staticQuestions.filter((q) => q.topic === t.id),
  ...predictTemplates.filter((q) => q.topic === t.id),
]);

const byId = new Map(questions.map((q) => [q.id, q]));

export function findQuestion(id: string): Question | undefined {
  return byId.get(id);
}

export function questionsOfTopic(topic: Topic): readonly Question[] {
  return questions.filter((q) => q.topic === topic);
}

/** Multiple-choice questions of these topics (all topics when none), for asking a lecture hall. */
export function roomQuestions(topics: readonly Topic[]): readonly ChoiceQuestion[] {
  const all = staticQuestions.filter((q): q is ChoiceQuestion => q.kind === 'choice');
  const picked = all.filter((q) => topics.includes(q.topic));
  return picked.length > 0 ? picked : all;
}

export function lessonOfTopic(topic: Topic) {
  return lessons.find((l) => l.topic === topic);
}
