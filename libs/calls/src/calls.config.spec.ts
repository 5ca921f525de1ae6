import { loadFragment } from '@hotline/core';
import { CALLS_CONFIG_SCHEMA } from './calls.config';

const loadCallsConfig = (env: Record<string, string>) => loadFragment(CALLS_CONFIG_SCHEMA, env);

describe('calls configuration', () => {
  it('reads and validates the env', () => {
    expect(loadCallsConfig({})).toEqual({
      abandonAfterSeconds: 20,
      wrapUpSeconds: 30,
      presenceGraceSeconds: 60,
      screenPopLastCalls: 5,
    });
    expect(loadCallsConfig({ CALLS_WRAP_UP_SECONDS: '0' }).wrapUpSeconds).toBe(0);
    expect(() => loadCallsConfig({ CALLS_WRAP_UP_SECONDS: 'x', CALLS_ABANDON_AFTER_SECONDS: '-1' })).toThrow(
      /CALLS_WRAP_UP_SECONDS[\s\S]*CALLS_ABANDON_AFTER_SECONDS|CALLS_ABANDON_AFTER_SECONDS[\s\S]*CALLS_WRAP_UP_SECONDS/,
    );
  });
});
