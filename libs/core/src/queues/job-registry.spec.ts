import { JobRegistry, JobRegistryError } from './job-registry.service';

const JOB_NAMES = ['reconcile', 'announce', 'calls-wrap-up-end'];

function complete(): Map<string, string[]> {
  return new Map(JOB_NAMES.map((n) => [n, [`Handler.${n}`]]));
}

describe('JobRegistry.assertComplete', () => {
  it('accepts exactly one handler per job name', () => {
    expect(() => JobRegistry.assertComplete(complete(), JOB_NAMES)).not.toThrow();
  });

  it('refuses a job without handler', () => {
    const found = complete();
    found.delete(JOB_NAMES[0]);
    expect(() => JobRegistry.assertComplete(found, JOB_NAMES)).toThrow(
      new RegExp(`job "${JOB_NAMES[0]}" has no handler`),
    );
  });

  it('refuses a job with two handlers, naming both', () => {
    const found = complete();
    found.set('announce', ['A.handle', 'B.handle']);
    expect(() => JobRegistry.assertComplete(found, JOB_NAMES)).toThrow(
      /job "announce" has 2 handlers: A.handle, B.handle/,
    );
  });

  it('refuses a handler for a job that is not in the map', () => {
    const found = complete();
    found.set('typo-job', ['X.y']);
    expect(() => JobRegistry.assertComplete(found, JOB_NAMES)).toThrow(JobRegistryError);
  });
});
