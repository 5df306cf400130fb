import { describe, expect, it } from 'vitest';
import { ACTIVITY_BASE, durationSeconds, parseActivity, pick } from './course-content.ts';

describe('course content helpers', () => {
  it('falls back to Swedish where a translation is missing', () => {
    expect(pick({ sv: 'Hej', en: 'Hello' }, 'en')).toEqual({ text: 'Hello', language: 'en' });
    expect(pick({ sv: 'Hej', en: 'Hello' }, 'ar')).toEqual({ text: 'Hej', language: 'sv' });
  });

  it('parses activity IRIs and refuses anything else', () => {
    expect(parseActivity(`${ACTIVITY_BASE}/kurs/modules/m1/lessons/l2`)).toEqual({
      courseKey: 'kurs',
      moduleKey: 'm1',
      lessonKey: 'l2',
    });
    expect(parseActivity(`${ACTIVITY_BASE}/kurs/modules/m1/quiz`)).toEqual({
      courseKey: 'kurs',
      moduleKey: 'm1',
      quiz: true,
    });
    expect(parseActivity(`${ACTIVITY_BASE}/kurs/modules/m1`)).toEqual({ courseKey: 'kurs', moduleKey: 'm1' });
    expect(parseActivity('https://evil.example/kurs/modules/m1')).toBeNull();
    expect(parseActivity(`${ACTIVITY_BASE}/kurs/modules/m1/lessons`)).toBeNull();
  });

  it('reads ISO 8601 durations', () => {
    expect(durationSeconds('PT4M30S')).toBe(270);
    expect(durationSeconds('PT1H')).toBe(3600);
    expect(durationSeconds('PT12.6S')).toBe(13);
    expect(durationSeconds(undefined)).toBe(0);
  });
});
