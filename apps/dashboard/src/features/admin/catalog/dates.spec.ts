import { localDateVN, todayVN, windowState } from './dates';

describe('local dates on the admin screens', () => {
  it('today is Vietnam’s day, not the browser’s', () => {
    expect(todayVN(new Date('2020-03-22T16:59:59Z'))).toBe('2020-03-22');
    expect(todayVN(new Date('2020-03-22T17:00:00Z'))).toBe('2020-03-23');
  });
  it('dates are written dd/MM/yyyy', () => {
    expect(localDateVN('2020-05-30')).toBe('30/05/2020');
    expect(localDateVN(null)).toBe('—');
  });
  it.each([
    ['2020-03-22', 'upcoming'],
    ['2020-03-23', 'running'],
    ['2020-05-30', 'running'],
    ['2020-05-31', 'ended'],
  ])('the letter’s window 23/3–30/5/2020 on %s is %s', (today, state) => {
    expect(windowState('2020-03-23', '2020-05-30', today)).toBe(state);
  });
});
