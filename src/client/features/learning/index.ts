import { createElement, lazy } from 'react';
import { pageChunks } from './page-chunks.ts';

/**
 * The learner's pages, loaded on demand by the router: this chunk holds the lesson page; the others
 * come as chunks of their own when first shown (page-chunks.ts), inside the router's Suspense.
 */
export { LessonPage } from './LessonPage.tsx';

const Course = lazy(() => pageChunks.course().then((m) => ({ default: m.CoursePage })));
const Quiz = lazy(() => pageChunks.quiz().then((m) => ({ default: m.QuizPage })));
const Mine = lazy(() => pageChunks.mine().then((m) => ({ default: m.MyLearningPage })));
const Player = lazy(() => pageChunks.player().then((m) => ({ default: m.PlayerPage })));
const Certificate = lazy(() => pageChunks.certificate().then((m) => ({ default: m.MyCertificatePage })));

export const CoursePage = () => createElement(Course);
export const QuizPage = () => createElement(Quiz);
export const MyLearningPage = () => createElement(Mine);
export const MyCertificatePage = () => createElement(Certificate);
export const PlayerPage = () => createElement(Player);
