import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { Age, NowProvider, WithAge } from './age';

describe('Age', () => {
  it("is written against the server's render time, so hydration writes the same text", () => {
    const serverNow = Date.parse('2026-12-03T12:00:00Z');
    const html = renderToString(
      <NowProvider serverNow={serverNow}>
        <Age at="2026-12-03T11:59:48Z" />|
        <WithAge at="2026-12-03T11:55:00Z">{(a) => `ready for ${a}`}</WithAge>
      </NowProvider>,
    );
    expect(html.replaceAll('<!-- -->', '')).toBe('12s|ready for 5m');
  });
});
