import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeClippedHeading } from '../../src/normalize/clippedHeaders.ts';

describe('a “三公” heading clipped by its cell', () => {
  it('is the one template heading it starts', () => {
    expect(completeClippedHeading('公务用车运行维护')).toBe('公务用车运行维护费');
    expect(completeClippedHeading('因公出国（')).toBe('因公出国（境）费');
    expect(completeClippedHeading('因公出国(')).toBe('因公出国（境）费');
    expect(completeClippedHeading('公务接待')).toBe('公务接待费');
  });

  it('stays as printed when whole, ambiguous, short or another heading', () => {
    expect(completeClippedHeading('公务用车运行维护费')).toBe('公务用车运行维护费');
    expect(completeClippedHeading('因公出国(境)费')).toBe('因公出国(境)费');
    expect(completeClippedHeading('公务用车运行')).toBe('公务用车运行');
    expect(completeClippedHeading('公务用车购置')).toBe('公务用车购置');
    expect(completeClippedHeading('公务')).toBe('公务');
    expect(completeClippedHeading('会议费')).toBe('会议费');
    expect(completeClippedHeading('小计')).toBe('小计');
  });

  it('is never shortened, and a heading no template starts with is left alone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const out = completeClippedHeading(text);
        expect(out === text || out.length > text.length).toBe(true);
      }),
    );
  });
});
