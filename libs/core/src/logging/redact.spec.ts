import { scrubText } from './redact';

describe('scrubText', () => {
  it.each([
    ['caller 0912345678 asked', 'caller [phone …678] asked'],
    ['caller 0912.345.678 asked', 'caller [phone …678] asked'],
    ['hotline 0269.3888.222', 'hotline [phone …222]'],
    ['from +84 912 345 678', 'from [phone …678]'],
    ['from 84912345678', 'from [phone …678]'],
    ['/api/citizens/lookup?phone=0912345678&x=1', '/api/citizens/lookup?phone=[redacted]&x=1'],
    ['/admin/queues?token=eyJhbGciOi.abc.def', '/admin/queues?token=[redacted]'],
  ])('%s', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it('leaves ids, codes and amounts alone', () => {
    const text = 'request 01a2296b-7be2-79dc-9aa5-bc11bc875cf3 commune 23575 fee 150000 VND';
    expect(scrubText(text)).toBe(text);
  });
});
