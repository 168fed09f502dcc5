import { describe, expect, it } from 'vitest';
import { firstUnanswered, questionIds, reachable, type QuestionTable } from './question-table.js';

interface Answers {
  name?: string;
  wantsEmail?: boolean;
  email?: string;
}

const TABLE: QuestionTable<'name' | 'contact' | 'email' | 'check', Answers> = [
  { id: 'name', answered: (a) => Boolean(a.name) },
  { id: 'contact', answered: (a) => a.wantsEmail !== undefined },
  { id: 'email', applies: (a) => a.wantsEmail === true, answered: (a) => Boolean(a.email) },
  { id: 'check' },
];

describe('a question table', () => {
  it('sends the user to the first page that applies and is unanswered, and to the last row when all are', () => {
    expect(firstUnanswered(TABLE, {})).toBe('name');
    expect(firstUnanswered(TABLE, { name: 'A' })).toBe('contact');
    expect(firstUnanswered(TABLE, { name: 'A', wantsEmail: true })).toBe('email');
    expect(firstUnanswered(TABLE, { name: 'A', wantsEmail: false })).toBe('check');
    expect(firstUnanswered(TABLE, { name: 'A', wantsEmail: true, email: 'a@b.example' })).toBe('check');
  });

  it('lets earlier pages be revisited, but not later ones skipped to nor pages that do not apply', () => {
    const answers = { name: 'A', wantsEmail: false };
    expect(reachable(TABLE, 'name', answers)).toBe(true);
    expect(reachable(TABLE, 'check', answers)).toBe(true);
    expect(reachable(TABLE, 'email', answers)).toBe(false);
    expect(reachable(TABLE, 'check', { name: 'A' })).toBe(false);
    expect(reachable(TABLE, 'nowhere' as 'name', answers)).toBe(false);
  });

  it('keeps the table’s order', () => {
    expect(questionIds(TABLE)).toEqual(['name', 'contact', 'email', 'check']);
    expect(() => firstUnanswered([] as QuestionTable<string, Answers>, {})).toThrow(/at least one row/);
  });
});
