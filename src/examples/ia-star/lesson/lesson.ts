import { combineLessons } from '../../../il/lesson';
import { lessonAstar } from './lesson-astar.ts';
import { lessonIaStar } from './lesson-ia-star.ts';

/** The iA* page's lesson: A* first (the engine), then iA* (learning through it). */
export const iaStarLesson = combineLessons(
  [lessonAstar, lessonIaStar],
  'A* and iA*: learning to guide the search',
);
