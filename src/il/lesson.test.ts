import { describe, expect, it } from 'vitest';
import { combineLessons, math, text, type Lesson } from './lesson';

const a: Lesson = {
  title: 'A*',
  summary: 'A* in one sentence.',
  sections: [{ id: 'f', heading: 'f = g + h', blocks: [text('f orders the open list'), math('f = g + h')] }],
  references: ['Hart 1968', 'Sturtevant 2012'],
};
const b: Lesson = {
  title: 'iA*',
  summary: 'iA* in one sentence.',
  sections: [{ heading: 'Bilevel', blocks: [text('U and L')] }],
  references: ['Sturtevant 2012', 'Chen 2024'],
};

describe('combineLessons', () => {
  it('reads the lessons in order, each summary under its title, references once', () => {
    const l = combineLessons([a, b], 'A* and iA*');
    expect(l.title).toBe('A* and iA*');
    expect(l.sections.map((s) => s.heading)).toEqual(['A*', 'f = g + h', 'iA*', 'Bilevel']);
    expect(l.sections[0].blocks).toEqual([text('A* in one sentence.')]);
    expect(l.sections[1]).toBe(a.sections[0]);
    expect(l.references).toEqual(['Hart 1968', 'Sturtevant 2012', 'Chen 2024']);
  });
});
